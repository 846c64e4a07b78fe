#!/bin/sh
# rule_cost.sh - each rule's share of the classifier's cost, most costly first
#
# usage: sh bench/rule_cost.sh [RULES_DIR] [--time]
#
# Runs build/rule_cost (bench/rule_cost.c) over the bench's replies
# (`loggen --seed 1 --replies 20000`, as bench/classify_ab.sh) with the rules
# of RULES_DIR (default patterns): every PCRE2 call rules_classify() makes is
# recorded and attributed to its rule, then each rule's calls are replayed
# alone under callgrind, one dump per rule. Prints per rule: the
# instructions of its calls (Ir), its share of all rules' PCRE2
# instructions, the PCRE2 calls, the calls that found a match, the
# instructions per call, the required literals the prefilter reads for it
# ("-" none: tried on every reply its status, stage and provider allow),
# priority, file; then the totals and, for comparison, the instructions
# executed inside rules_classify() as a whole (literal scan, frames, IP and
# attribution included) per non-success reply. Deterministic: the same
# tree gives the same figures on a loaded machine. With --time (or without
# valgrind) the least CPU time of 5 replays replaces the instructions (ns),
# beside the steps of PCRE2's interpreter (bench/rule_cost.c), which
# tests/e2e/rules_cost.sh bounds for the rules rewritten to cost less.
# Output also in $O/rule_cost.d/table.tsv.
set -u
cd "$(dirname "$0")/.."
export LC_ALL=C
RULES=patterns MODE=callgrind
for a in "$@"; do
	case $a in
	--time) MODE=time ;;
	-*) echo "usage: sh bench/rule_cost.sh [RULES_DIR] [--time]" >&2; exit 2 ;;
	*) RULES=$a ;;
	esac
done
O=${O:-build}
W=$O/rule_cost.d
die() { echo "rule_cost: $*" >&2; exit 1; }
command -v valgrind >/dev/null || MODE=time
make -s O="$O" "$O/rule_cost" "$O/classify_bench" "$O/loggen" || die "build failed"
mkdir -p "$W" && rm -f "$W"/cg.out* || die "cannot create $W"
"$O/loggen" --seed 1 --replies 20000 >"$W/replies.tsv" || die "loggen failed"
ns=$(awk -F'\t' '$1 != "sent"' "$W/replies.tsv" | wc -l)

if [ "$MODE" = time ]; then
	"$O/rule_cost" "$RULES" "$W/replies.tsv" 5 >"$W/raw.tsv" || die "rule_cost failed"
	grep -v '^#' "$W/raw.tsv" | sort -t "$(printf '\t')" -k7,7nr |
		awk -F'\t' -v OFS='\t' '{ print $7, $8, $5, $6, $4, $3, $2, $1 }' >"$W/table.tsv"
	printf 'ns\tsteps\tcalls\tmatched\tliterals\tprio\tfile\trule\n'
	cat "$W/table.tsv"
	sed -n 's/^#\t//p' "$W/raw.tsv"
	exit 0
fi

valgrind --tool=callgrind --toggle-collect=rule_cost_replay --callgrind-out-file="$W/cg.out" \
	"$O/rule_cost" "$RULES" "$W/replies.tsv" 1 >"$W/raw.tsv" 2>"$W/cg.err" || die "valgrind failed: $(tail -3 "$W/cg.err")"
# each dump: "desc: Trigger: Client Request: RULE_ID" ... "summary: IR" (or "totals: IR")
for f in "$W"/cg.out.*; do
	awk '/^desc: Trigger: Client Request: / { id = $5 } /^(summary|totals): / { ir = $2 }
	     END { if (id != "") print id "\t" ir }' "$f"
done >"$W/ir.tsv"
awk -F'\t' -v OFS='\t' 'NR == FNR { ir[$1] = $2; next } /^#/ { next }
	{ i = ($1 in ir) ? ir[$1] : 0; printf "%d\t%d\t%d\t%.0f\t%s\t%d\t%s\t%s\n", i, $5, $6, $5 ? i / $5 : 0, $4, $3, $2, $1 }' \
	"$W/ir.tsv" "$W/raw.tsv" | sort -t "$(printf '\t')" -k1,1nr >"$W/table.tsv"
total=$(awk -F'\t' '{ n += $1 } END { print n + 0 }' "$W/table.tsv")
printf 'Ir\tshare\tcalls\tmatched\tIr/call\tliterals\tprio\tfile\trule\n'
awk -F'\t' -v OFS='\t' -v t="$total" '{ $1 = $1 OFS sprintf("%.1f%%", t ? 100 * $1 / t : 0); print }' "$W/table.tsv"
sed -n 's/^#\t//p' "$W/raw.tsv"
valgrind --tool=callgrind --toggle-collect=rules_classify --callgrind-out-file="$W/all.out" \
	"$O/classify_bench" --verdicts "$RULES" "$W/replies.tsv" >/dev/null 2>"$W/all.err" || die "valgrind failed"
all=$(sed -n 's/^==[0-9]*== Collected : //p' "$W/all.err" | tr -d ' ')
awk -v t="$total" -v a="$all" -v ns="$ns" 'BEGIN {
	printf "PCRE2 instructions of all rules %.1f M; rules_classify() as a whole %.1f M over %d non-success replies (%.0f per reply, %.0f of them PCRE2)\n",
	       t / 1e6, a / 1e6, ns, a / ns, t / ns }'
