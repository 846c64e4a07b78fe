#!/bin/sh
# What the rules rewritten to cost less cost over the bench's replies
# (loggen --seed 1 --replies 20000, as bench/classify_ab.sh): each stays
# so, with the same verdicts (the other rules_*.sh tests). build/rule_cost
# (bench/rule_cost.c) counts the PCRE2 calls rules_classify() makes for
# each rule and, under callgrind (valgrind, which make deps installs), the
# instructions of each rule's calls replayed alone. Each bound is about 1.3
# times the rewritten rule's figure and under the figure before it (in the
# comment). Instruction counts can differ a little with the PCRE2 version and
# the CPU its JIT compiler writes code for. Under AddressSanitizer (make
# sanitize) only the calls are bounded (valgrind cannot run such a binary).
. "$(dirname "$0")/lib.sh"

O=${BW_BUILD:-build}
case "$O" in /*) ;; *) O="$TOP/$O" ;; esac
make -s -C "$TOP" O="$O" "$O/rule_cost" "$O/loggen" >"$T/build.out" 2>&1
check "rule_cost builds" test -x "$O/rule_cost"
"$O/loggen" --seed 1 --replies 20000 >"$T/replies.tsv"
# Under `make sanitize` the binary is built with AddressSanitizer, whose
# shadow memory valgrind cannot host: the calls are counted, not the
# instructions. Otherwise valgrind is required (the Makefile's deps install
# it): without it the instruction bounds would go unchecked.
[ -n "${BW_SAN_REPORTS:-}" ] || check "valgrind is installed (make deps)" command -v valgrind
if command -v valgrind >/dev/null && [ -z "${BW_SAN_REPORTS:-}" ]; then
	valgrind --tool=callgrind --instr-atstart=no --toggle-collect=rule_cost_replay \
		--callgrind-out-file="$T/cg.out" "$O/rule_cost" "$RULES" "$T/replies.tsv" 1 >"$T/cost.tsv" 2>"$T/cg.err"
	eq "rule_cost runs under callgrind" "0" "$?"
	for f in "$T"/cg.out.*; do
		awk '/^desc: Trigger: Client Request: / { id = $5 } /^(summary|totals): / { ir = $2 }
		     END { if (id != "") print id "\t" ir }' "$f"
	done >"$T/ir.tsv"
else
	"$O/rule_cost" "$RULES" "$T/replies.tsv" 1 >"$T/cost.tsv" 2>"$T/err"
	eq "rule_cost runs" "0" "$?"
fi
eq "every call has its rule" "0" "$(sed -n 's/.*calls of no known rule //p' "$T/cost.tsv")"

# bound RULE MAX_CALLS MAX_INSTRUCTIONS WHY
bound() {
	_c=$(awk -F'\t' -v id="$1" '$1 == id { print $5 + 0 }' "$T/cost.tsv")
	check "$1: at most $2 calls (${_c:-0}): $4" test "${_c:-0}" -le "$2"
	[ -f "$T/ir.tsv" ] || return 0
	_i=$(awk -F'\t' -v id="$1" '$1 == id { print $2 + 0 }' "$T/ir.tsv")
	check "$1: at most $3 instructions (${_i:-0})" test "${_i:-0}" -le "$3"
}
# every alternative has a word the prefilter reads, "rejected by" whole:
# 3,418 calls and 17.2 M instructions before (every reply that reached it)
bound shapes4-recipient-list 100 500000 "required literals"
# the list words' look-ahead tests \b once, before the "not greylisted" one: 9.74 M before
bound lookalikes-greylisting-listed 200 2000000 "one word boundary"
# the prefilter reads the lists' domains, not "refused": 759 calls, 4.20 M before
bound structural-list-page 100 500000 "the lists' domains as literals"
# the prefilter reads the page anchors of the second shape: 759 calls, 2.76 M before
bound shapes7-dynamic-ip 100 500000 "the page anchors as literals"
# "Mailbox voll" whole, not "Mailbox": 793 calls, 1.01 M before ("Mailbox is full")
bound shapes3-mailbox-full-i18n 100 500000 "the German phrases whole"
# "found on", "listed in" whole, not "found": 249 calls, 1.60 M before ("Host not found")
bound shapes3-found-on-list 100 500000 "the verb and its preposition whole"
# one group after the word boundary, "too many " once: 1.84 M before
bound shapes2-loop 400 1300000 "fewer alternatives at each offset"
# one word boundary before the words: 0.86 M before
bound shapes5-content-words 200 420000 "one word boundary"
# one word boundary before the phrases: 0.53 M before
bound shapes2-mailbox-invalid 200 420000 "one word boundary"
# " exceeded" with the words before it, not "exceeded" ("QuotaExceededException"): 306 calls, 1.41 M before
bound shapes8-sender-volume-limit 160 450000 "the words before exceeded"
# the same for the recipient count: 306 calls, 0.49 M before
bound servers-recipient-count 160 170000 "the words before exceeded"
# the prefilter takes a rule's rarest required run, not its longest: "(S3140)", not the sentence the
# S3150 replies share (838 calls, 3.67 M before); GMX's rules their own words, not the Nemesis line
bound microsoft-s3140 500 1200000 "the rarest run, not the longest"
bound gmx-ip-blocklisted 350 800000 "the rarest run, not the provider's shared line"
