#!/bin/sh
# completion - contrib/bouncewatch.bash-completion driven in bash as readline
# would (COMP_WORDS, COMP_CWORD, then the function `complete` registered):
# commands, the options of every command as its --help prints them,
# subcommands, --format values per command, rule ids.
. "$(dirname "$0")/lib.sh"
export BOUNCEWATCH_RULES=$RULES
COMP=$TOP/contrib/bouncewatch.bash-completion

# comp WORD...: the completions of the last word, one a line, sorted.
comp() {
	bash -c '. "$1"; shift
		f=$(complete -p bouncewatch | sed -n "s/.*-F \([^ ]*\) bouncewatch$/\1/p")
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
		"$f" && printf "%s\n" "${COMPREPLY[@]}"' comp "$COMP" "$BW" "$@" | sort
}
check "bash -n" bash -n "$COMP"
check "it registers a function for bouncewatch" bash -c ". '$COMP'; complete -p bouncewatch | grep -q -- '-F _bouncewatch bouncewatch'"

cmds=$("$BW" --help 2>&1 | sed -n '/^commands:/,/^$/{/^  [a-z]/{s/^  \([a-z-]*\).*/\1/p}}' | sort)
check "the help lists commands" test "$(echo "$cmds" | wc -l)" -gt 10
eq "commands" "$cmds" "$(comp '')"
eq "commands by prefix" "scan
selfcheck
snds" "$(comp s)"
eq "global options" "--config
--db
--help
--rules
--version" "$(comp --)"
eq "a command after global options" "report" "$(comp --db x.db rep)"

# Every option of every command, as its --help prints it.
bad=""
for c in $cmds; do
	want=$("$BW" "$c" --help 2>&1 | grep -o -- '--[a-z][a-z0-9-]*' | sort -u)
	[ "$(comp "$c" --)" = "$want" ] || bad="$bad $c"
	[ -n "$want" ] || bad="$bad $c(none)"
done
eq "every command's options" "" "$bad"
eq "options by prefix, after other words" "--older-than" "$(comp prune --batch 10 --ol)"

eq "report --format" "csv
html
json
text" "$(comp report --format '')"
eq "blocks --format" "csv
json
text" "$(comp blocks --format '')"
eq "rules list --format" "json
text" "$(comp rules list --format '')"
eq "rules subcommands" "check
classify
list
test" "$(comp rules '')"
eq "snds subcommands" "fetch
import" "$(comp snds '')"
eq "report --by, after a comma" "provider,pool
provider,provider" "$(comp report --by provider,p)"
eq "--alert-on" "clear" "$(comp tail --alert-on '')"

# Rule ids: the ids of the rule files.
ids=$(sed -n 's/^\[\([^]]*\)\]$/\1/p' "$RULES"/*.rules | grep '^apple-' | sort)
check "apple rules exist" test -n "$ids"
eq "rule ids (rule_id= in a query)" "$(echo "$ids" | sed 's/^/rule_id=/')" "$(comp query 'rule_id=apple-')"
# Files where a file goes.
mkdir -p "$T/d" && touch "$T/d/mail.log.1"
eq "files after scan" "$T/d/mail.log.1" "$(comp scan "$T/d/mail")"
eq "a directory for --rules" "$T/d" "$(comp --rules "$T/")"
