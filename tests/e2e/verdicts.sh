# verdicts.sh - the look-alike tests' one helper (sourced after lib.sh, not
# run: no #! line): rules_lookalikes.sh, rules_lookalikes_tables.sh and
# rules_frames.sh and more (rules_lookalikes*.sh).
#
# verdict NAME CATEGORY BLOCK REPLY: the reply is to be classified
# CATEGORY/BLOCK. The replies are collected and classified by one run of
# `rules classify` when the script finishes (check_verdicts, an at_exit
# hook of lib.sh's finish), one check per reply: every check before the
# script's `finish` runs (one after it fails "no check after finish"), and
# one process classifies them all.
verdict() {
	printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >>"$T/verdicts"
}
# hosted NAME RELAY DOMAIN CATEGORY BLOCK PROVIDER REPLY: the reply, from
# RELAY to DOMAIN (either may be empty), is to be classified CATEGORY/BLOCK
# and attributed to PROVIDER (empty: none); `rules classify --hosts`, in one
# run with the others when the script finishes, as verdict's.
hosted() {
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" "$6" "$7" >>"$T/hosted"
}
check_hosted() {
	[ -f "$T/hosted" ] || return 0
	cut -f2,3,7 "$T/hosted" | "$BW" --rules "$RULES" rules classify --hosts | cut -f2,3,5 >"$T/hgot"
	eq "one hosted verdict per reply" "$(wc -l <"$T/hosted")" "$(wc -l <"$T/hgot")"
	# Empty fields: a unit separator, not a tab (read folds runs of tabs).
	paste "$T/hosted" "$T/hgot" | awk -F'\t' '{ printf "%s\037%s\t%s\t%s\037%s\t%s\t%s\n", $1, $4, $5, $6, $8, $9, $10 }' >"$T/hjoined"
	while IFS=$(printf '\037') read -r _h_name _h_want _h_got; do
		eq "$_h_name" "$_h_want" "$_h_got"
	done <"$T/hjoined"
	rm -f "$T/hosted"
}
check_verdicts() {
	check_hosted
	[ -f "$T/verdicts" ] || return 0
	cut -f4 "$T/verdicts" | "$BW" --rules "$RULES" rules classify | cut -f2,3 >"$T/got"
	eq "one verdict per reply" "$(wc -l <"$T/verdicts")" "$(wc -l <"$T/got")"
	# Branches append checks and merge the scripts as a union (.gitattributes):
	# a check both sides added comes twice; say so rather than run it twice.
	eq "no check named twice" "" "$(cut -f1 "$T/verdicts" | sort | uniq -d)"
	# A union merge also appends after the script's last line: a check after
	# `finish` would never run. Name the ones there.
	eq "no check after finish" "" "$(sed -n '/^finish$/,$p' "$0" | sed -n 's/^verdict "\([^"]*\)".*/\1/p')"
	paste "$T/verdicts" "$T/got" >"$T/joined"
	while IFS='	' read -r _v_name _v_cat _v_block _v_reply _v_gcat _v_gblock; do
		eq "$_v_name" "$_v_cat	$_v_block" "$_v_gcat	$_v_gblock"
	done <"$T/joined"
	rm -f "$T/verdicts"
}
at_exit check_verdicts
