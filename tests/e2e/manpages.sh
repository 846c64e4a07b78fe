#!/bin/sh
# manpages - bouncewatch(1), bouncewatch.conf(5) and bouncewatch.rules(5):
# mandoc's linter finds nothing (not even a style warning), and they say
# what the binary under test knows: every command of `bouncewatch --help`,
# every option that `bouncewatch CMD --help` prints for every command,
# every configuration key that `bouncewatch config` prints, and every key
# the rules reader takes in a rule file, providers.conf and blocklists.conf.
. "$(dirname "$0")/lib.sh"
MAN=$TOP/man
export BOUNCEWATCH_RULES=$RULES

for p in bouncewatch.1 bouncewatch.conf.5 bouncewatch.rules.5; do
	mandoc -T lint -W warning "$MAN/$p" >"$T/lint" 2>&1
	eq "mandoc -T lint: $p has no warning" "0:" "$?:$(cat "$T/lint")"
done
# A page with a mistake makes the linter speak (the check above can fail).
sed 's/^\.Sh SEE ALSO/.Sh SEE ALSO\n.Xr/' "$MAN/bouncewatch.1" >"$T/bad.1"
status "mandoc -T lint flags a broken page" 2 mandoc -T lint -W warning "$T/bad.1"

# The rendered text, without bold and underline.
render() { mandoc -T ascii -O width=200 "$1" | sed 's/.\x08//g'; }
render "$MAN/bouncewatch.1" >"$T/bw.txt"
render "$MAN/bouncewatch.conf.5" >"$T/conf.txt"

# ---- every command and every option the binary prints --------------------
cmds=$("$BW" --help 2>&1 | sed -n '/^commands:/,/^$/{/^  [a-z]/{s/^  \([a-z-]*\).*/\1/p}}')
check "the help lists commands" test -n "$cmds"
missing=""
for c in $cmds; do
	grep -Eq "^ {5,}$c( |\$)" "$T/bw.txt" || missing="$missing $c"
done
eq "every command has its entry in bouncewatch(1)" "" "$missing"
opts() { "$@" --help 2>&1 | grep -o -- '--[a-z][a-z0-9-]*' | sort -u; }
# undocumented TEXT: CMD:OPTION for each option the help prints and TEXT lacks.
undocumented() {
	for o in $(opts "$BW"); do
		grep -q -- "$o\\b" "$1" || printf ' %s' "$o"
	done
	for c in $cmds; do
		for o in $(opts "$BW" "$c"); do
			grep -q -- "$o\\b" "$1" || printf ' %s' "$c:$o"
		done
	done
}
n=$(for c in "" $cmds; do opts "$BW" $c; done | wc -l)
check "options found in the help texts ($n)" test "$n" -gt 50
eq "every option of every command is documented in bouncewatch(1)" "" "$(undocumented "$T/bw.txt")"
# The check itself: a page that lacks an option is caught.
grep -v -- '--older-than' "$T/bw.txt" >"$T/less.txt"
eq "a page without --older-than is caught" " prune:--older-than" "$(undocumented "$T/less.txt")"
# Short options (-v, -h) the usage lines name.
missing=""
for o in $("$BW" --help 2>&1 | grep -o -- '\[-[a-zA-Z]\]' | tr -d '[]' | sort -u); do
	grep -q -- "$o\\b" "$T/bw.txt" || missing="$missing $o"
done
eq "every short option documented" "" "$missing"

# ---- every configuration key -----------------------------------------------
"$BW" --config "$TOP/contrib/bouncewatch.conf" config >"$T/keys" 2>&1
eq "bouncewatch config runs" "0" "$?"
keys=$(sed -n 's/^\([a-z-]*\)\.\([a-z-]*\) = .*/\1.\2/p' "$T/keys" | sort -u)
check "it prints keys" test -n "$keys"
missing=""
for k in $keys; do
	s=${k%%.*} key=${k#*.}
	# The key in its section: the text from "[s]" up to the next "[".
	awk -v s="[$s]" 'index($0, s) { on = 1; next } /^ *\[[a-z-]+\]/ { on = 0 } on' "$T/conf.txt" |
		grep -q -- "\\b$key\\b" || missing="$missing $k"
done
eq "every configuration key is documented in its section of bouncewatch.conf(5)" "" "$missing"

# ---- every key of the rule files, providers.conf and blocklists.conf ------
# The keys as the reader takes them (src/rules_parse.c): the rule_keys table,
# and provider_handler's names, each for providers.conf (providers == 1),
# blocklists.conf (== 2) or both.
render "$MAN/bouncewatch.rules.5" >"$T/rules.txt"
SRC=$TOP/src/rules_parse.c
rule_keys=$(sed -n '/rule_keys\[K__COUNT\] = {/,/};/p' "$SRC" | grep -o '"[^"]*"' | tr -d '"')
file_keys() {
	sed -n '/^static int provider_handler/,/^}/p' "$SRC" | awk -v want="$1" '
		match($0, /strcmp\(name, "[^"]*"\)/) {
			k = substr($0, RSTART + 14, RLENGTH - 16)
			f = /providers == 1/ ? 1 : /providers == 2/ ? 2 : 0
			if (f == 0 || f == want) print k
		}'
}
prov_keys=$(file_keys 1)
list_keys=$(file_keys 2)
eq "the reader's keys are found" "16 8 3 yes yes" \
	"$(echo $rule_keys | wc -w) $(echo $prov_keys | wc -w) $(echo $list_keys | wc -w) \
$(echo " $prov_keys " | tr '\n' ' ' | grep -q ' signs ' && echo yes) \
$(echo " $list_keys " | tr '\n' ' ' | grep -q ' zones ' && echo yes)"
# The page's text from the line FROM up to the line TO (subsection titles).
part() { awk -v a="$1" -v b="$2" '$0 == a { on = 1; next } $0 == b { on = 0 } on' "$T/rules.txt"; }
part "DESCRIPTION" "   providers.conf" >"$T/rule_part"
part "   providers.conf" "   blocklists.conf" >"$T/prov_part"
part "   blocklists.conf" "   Checking" >"$T/list_part"
# unlisted TEXT KEY...: the keys without their "KEY = ..." entry in TEXT.
unlisted() {
	_f=$1; shift
	for k; do
		awk -v k="     $k = " 'index($0, k) == 1 { found = 1 } END { exit !found }' "$_f" ||
			printf ' %s' "$k"
	done
}
eq "every key of a rule is an entry of bouncewatch.rules(5)" "" "$(unlisted "$T/rule_part" $rule_keys)"
eq "every key of providers.conf is an entry of its subsection" "" "$(unlisted "$T/prov_part" $prov_keys)"
eq "every key of blocklists.conf is an entry of its subsection" "" "$(unlisted "$T/list_part" $list_keys)"
# The check itself: an entry gone is caught.
grep -v '^     signs = ' "$T/prov_part" >"$T/less_part"
eq "a page without signs is caught" " signs" "$(unlisted "$T/less_part" $prov_keys)"
