#!/bin/sh
# classify_ab.sh - the classifier's speed against a baseline, same run
#
# usage: sh bench/classify_ab.sh BASE_BENCH BASE_RULES [ROUNDS]
#
# BASE_BENCH is this tree's bench/classify_bench.c built against the
# baseline commit's library (bench/verdict_diff.sh leaves one in
# $O/verdict_diff/base/build/classify_bench), BASE_RULES that commit's rules
# directory (`git archive REV patterns`). Alternates
# BASE_BENCH on BASE_RULES and this tree's $O/classify_bench on $RULES
# (default patterns), ROUNDS times (default 5), on the same 20,000 loggen
# replies (seed 1), then the same with both libraries grown to 2,000 rules
# (bench/run.sh's generated rules), and prints, per side, the median and
# range over the rounds of each run's median ns per non-success reply, wall
# time and the thread's CPU time (less changed by other processes).
# With valgrind installed it adds the instructions executed inside
# rules_classify() per reply (callgrind, one pass, prefilter on), which
# do not depend on the machine's load.
set -u
cd "$(dirname "$0")/.."
export LC_ALL=C
[ $# -ge 2 ] || { echo "usage: sh bench/classify_ab.sh BASE_BENCH BASE_RULES [ROUNDS]" >&2; exit 2; }
BASE_BENCH=$1 BASE_RULES=$2 ROUNDS=${3:-5}
RULES=${RULES:-patterns}
O=${O:-build}
W=$O/classify_ab
die() { echo "classify_ab: $*" >&2; exit 1; }
. bench/gen_rules.sh	# gen_rules N
mkdir -p "$W" || die "cannot create $W"
make -s O="$O" "$O/classify_bench" "$O/loggen" || die "build failed"
"$O/loggen" --seed 1 --replies 20000 >"$W/replies.tsv" || die "loggen failed"

# grow DIR OUT: DIR's rules plus generated ones up to 2,000 in OUT
grow() {
	rm -rf "$2" && mkdir -p "$2" && cp "$1"/* "$2/"
	have=$(grep -c '^match' "$1"/*.rules | awk -F: '{ n += $2 } END { print n }')
	gen_rules $((2000 - have)) >"$2/zz-generated.rules"
}

# stats FILE: "median M (min A, max B)" of the numbers in FILE
stats() {
	sort -n "$1" | awk '{ v[NR] = $1 } END { printf "median %.0f ns (min %.0f, max %.0f)", v[int((NR + 1) / 2)], v[1], v[NR] }'
}

# one LABEL BENCH RULES: appends the run's non-success median (wall time)
# to $W/LABEL and its CPU time median to $W/LABEL.cpu
one() {
	"$2" "$3" "$W/replies.tsv" 9 >"$W/last.out" 2>&1 || die "$2 failed: $(cat "$W/last.out")"
	sed -n 's/^non-success: median \([0-9]*\) ns.*/\1/p' "$W/last.out" >>"$W/$1"
	sed -n 's/^CPU time.*non-success median \([0-9]*\) .*/\1/p' "$W/last.out" >>"$W/$1.cpu"
}

# ab TITLE BASE_DIR NEW_DIR
ab() {
	rm -f "$W/base" "$W/new" "$W/base.cpu" "$W/new.cpu"
	i=0
	while [ $i -lt "$ROUNDS" ]; do
		one base "$BASE_BENCH" "$2"
		one new "$O/classify_bench" "$3"
		i=$((i + 1))
	done
	b=$(sort -n "$W/base" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
	n=$(sort -n "$W/new" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
	printf '%s, %s alternating rounds, ns per non-success reply (median of 9 passes each):\n' "$1" "$ROUNDS"
	printf '  baseline: %s\n  this tree: %s\n' "$(stats "$W/base")" "$(stats "$W/new")"
	awk -v b="$b" -v n="$n" 'BEGIN { if (n > 0) printf "  ratio of the medians: %.2fx\n", b / n }'
	if [ -s "$W/base.cpu" ] && [ -s "$W/new.cpu" ]; then	# classify_bench prints CPU time
		printf '  CPU time, baseline: %s\n  CPU time, this tree: %s\n' "$(stats "$W/base.cpu")" "$(stats "$W/new.cpu")"
	fi
}

ab "$(grep -c '^match' "$RULES"/*.rules | awk -F: '{ n += $2 } END { print n }') rules" "$BASE_RULES" "$RULES"
grow "$BASE_RULES" "$W/rules2k-base"
grow "$RULES" "$W/rules2k-new"
ab "2,000 rules" "$W/rules2k-base" "$W/rules2k-new"

command -v valgrind >/dev/null || { echo "(valgrind not installed: no instruction counts)"; exit 0; }
# ir BENCH RULES: instructions inside rules_classify over the 20,000 replies
ir() {
	valgrind --tool=callgrind --toggle-collect=rules_classify --callgrind-out-file="$W/cg.out" \
		"$1" --verdicts "$2" "$W/replies.tsv" >/dev/null 2>"$W/cg.err" || die "valgrind failed"
	sed -n 's/^==[0-9]*== Collected : //p' "$W/cg.err" | tr -d ' '
}
ns=$(awk -F'\t' '$1 != "sent"' "$W/replies.tsv" | wc -l)
for lib in "patterns:$BASE_RULES:$RULES" "2,000 rules:$W/rules2k-base:$W/rules2k-new"; do
	IFS=: read -r label bdir ndir <<EOF
$lib
EOF
	bi=$(ir "$BASE_BENCH" "$bdir") ni=$(ir "$O/classify_bench" "$ndir")
	awk -v l="$label" -v b="$bi" -v n="$ni" -v ns="$ns" 'BEGIN {
		printf "instructions in rules_classify, %s, 20,000 replies (%d non-success): baseline %.1f M, this tree %.1f M (%.2fx); per non-success reply %.0f vs %.0f\n",
		       l, ns, b / 1e6, n / 1e6, b / n, b / ns, n / ns }'
done
