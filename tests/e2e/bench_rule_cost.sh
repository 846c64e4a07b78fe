#!/bin/sh
# bench/rule_cost.c: every PCRE2 call rules_classify() makes is counted for
# the rule it belongs to (the body, and the guard's forbidden words after
# a body match), a rule without a required literal on every reply it
# reaches, none for a rule the prefilter skips or an earlier rule's match
# leaves untried, and each rule's replay is timed.
. "$(dirname "$0")/lib.sh"

O=${BW_BUILD:-build}
case "$O" in /*) ;; *) O="$TOP/$O" ;; esac
make -s -C "$TOP" O="$O" "$O/rule_cost" >"$T/build.out" 2>&1
check "rule_cost builds" test -x "$O/rule_cost"

mkdir "$T/rules"
cp "$TOP"/patterns/*.conf "$T/rules/"
# rule ID PRIORITY MATCH EXAMPLE: one rule of t.rules
rule() {
	printf '# Source: tests/e2e/bench_rule_cost.sh\n[%s]\nprovider = generic\ncategory = other\n' "$1"
	printf 'block    = no\npriority = %s\nmatch    = %s\nexample  = %s\n\n' "$2" "$3" "$4"
}
{
	rule t-alpha 100 '^5\d\d alpha word' '550 alpha word'
	rule t-every 200 '^[45]\d\d [a-z]+ (?:x|y)z' '550 abc xz'	# no required literal
	rule t-guard 300 '(?i)^(?!.*?nope).*?gamma ray' '550 gamma ray'	# body, then its forbidden word
	rule t-never 400 '^5\d\d delta word' '550 delta word'	# its literal is in no reply
} >"$T/rules/t.rules"
r() { printf '%s\t%s\texample.org\tmx.example.org\t%s\n' "$1" "$2" "$3"; }
{
	for i in 1 2 3; do r bounced 5.0.0 "550 alpha word"; done
	r bounced 5.0.0 "550 gamma ray"
	r deferred 4.0.0 "450 gamma ray"
	r bounced 5.0.0 "550 gamma ray nope"
	r bounced 5.0.0 "550 other text"
	r deferred 4.0.0 "450 other words"
	r sent 2.0.0 "250 ok"
} >"$T/replies.tsv"
"$O/rule_cost" "$T/rules" "$T/replies.tsv" 2 >"$T/out" 2>"$T/err"
eq "rule_cost runs" "0" "$?"
calls() { awk -F'\t' -v id="$1" '$1 == id { print $5 "/" $6 }' "$T/out"; }
eq "t-alpha: 3 calls, 3 matched" "3/3" "$(calls t-alpha)"
eq "t-every (no literal): each reply t-alpha left, none matched" "5/0" "$(calls t-every)"
eq "t-guard: 3 bodies matched, 3 forbid searches, 1 found" "6/4" "$(calls t-guard)"
eq "t-never: not run" "" "$(calls t-never)"
eq "every call has its rule" "rules run 3 of 4	calls 14	calls of no known rule 0" \
	"$(sed -n 's/^#\t//p' "$T/out" | sed 's/\tns [0-9]*//')"
eq "each replay timed" "0" "$(awk -F'\t' '$1 !~ /^#/ && !($7 > 0)' "$T/out" | wc -l | tr -d ' ')"
eq "each rule's interpreter steps" "0" "$(awk -F'\t' '$1 !~ /^#/ && !($8 >= $5)' "$T/out" | wc -l | tr -d ' ')"
eq "the required literals" "[ alpha word] [-] [gamma ray]" \
	"$(awk -F'\t' '$1 !~ /^#/ { printf "%s[%s]", s, $4; s = " " }' "$T/out")"
