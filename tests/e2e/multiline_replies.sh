#!/bin/sh
# Multi-line replies get the verdict of their one-line form: each row of
# data/multiline_replies.tsv (a reply and the same reply broken into lines as
# Postfix and Exim log it) through `bouncewatch rules classify --hosts` (the
# engine, the patterns/ directory). Every field of the verdict must be the
# same (rule, category, block, sending IP, provider, block list, pool), and
# the one-line form must be matched by a rule (else the check proves nothing).
. "$(dirname "$0")/lib.sh"

data="$TOP/tests/e2e/data/multiline_replies.tsv"
grep -v '^#' "$data" | cut -f1,2,3 >"$T/one"
grep -v '^#' "$data" | cut -f1,2,4 >"$T/multi"
"$BW" --rules "$RULES" rules classify --hosts <"$T/one" >"$T/one.out" 2>"$T/err"
"$BW" --rules "$RULES" rules classify --hosts <"$T/multi" >"$T/multi.out" 2>>"$T/err"
eq "no errors" "" "$(cat "$T/err")"
eq "one verdict per reply" "$(wc -l <"$T/one")$(wc -l <"$T/one")" "$(wc -l <"$T/one.out")$(wc -l <"$T/multi.out")"
n=0
while IFS= read -r one <&3 && IFS= read -r multi <&4 && IFS= read -r reply <&5; do
	n=$((n + 1))
	short=$(printf "%s" "$reply" | cut -f3 | cut -c1-60 | tr -d "\\\\")
	case "$one" in
	"	"*) notok "row $n has a rule: $short" "no rule matches the one-line form" ;;
	*) eq "row $n, the verdict of its one-line form: $short" "$one" "$multi" ;;
	esac
done 3<"$T/one.out" 4<"$T/multi.out" 5<"$T/one"
eq "rows read" "$(wc -l <"$T/one")" "$n"
