#!/bin/sh
# What the costliest rules cost over the bench's replies (loggen --seed 1
# --replies 20000, as bench/classify_ab.sh): a rule rewritten to be cheaper
# with the same verdicts stays so. build/rule_cost (bench/rule_cost.c)
# counts the PCRE2 calls rules_classify() makes for each rule and the
# steps of PCRE2's interpreter for them (its least match limit, the same on
# every machine and load); each bound below is about 1.5 times the
# rewritten rule's figure and well under the figure before it.
. "$(dirname "$0")/lib.sh"

O=${BW_BUILD:-build}
case "$O" in /*) ;; *) O="$TOP/$O" ;; esac
make -s -C "$TOP" O="$O" "$O/rule_cost" "$O/loggen" >"$T/build.out" 2>&1
check "rule_cost builds" test -x "$O/rule_cost"
"$O/loggen" --seed 1 --replies 20000 >"$T/replies.tsv"
"$O/rule_cost" "$RULES" "$T/replies.tsv" 1 >"$T/cost.tsv" 2>"$T/err"
eq "rule_cost runs" "0" "$?"
eq "every call has its rule" "0" "$(sed -n 's/.*calls of no known rule //p' "$T/cost.tsv")"

# bound RULE MAX_CALLS MAX_STEPS WHY
bound() {
	_c=$(awk -F'\t' -v id="$1" '$1 == id { print $5 + 0 }' "$T/cost.tsv")
	_s=$(awk -F'\t' -v id="$1" '$1 == id { print $8 + 0 }' "$T/cost.tsv")
	check "$1: at most $2 calls (${_c:-0}): $4" test "${_c:-0}" -le "$2"
	check "$1: at most $3 steps (${_s:-0})" test "${_s:-0}" -le "$3"
}
# every alternative has a word the prefilter reads: 3,418 calls before, every reply that reached it
bound shapes4-recipient-list 1000 15000 "required literals"
# the list words' look-ahead tests \b once: 349,274 steps before
bound lookalikes-greylisting-listed 200 160000 "one word boundary"
# the prefilter reads the lists' domains, not "refused": 759 calls before ("Connection refused")
bound structural-list-page 100 10000 "the lists' domains as literals"
# the prefilter reads the page anchors of the second shape: 759 calls before
bound shapes7-dynamic-ip 100 10000 "the page anchors as literals"
