# frames_check.sh - the code-table frame tests' one helper (sourced after
# lib.sh, not run: no #! line): table_frames.sh, provider_codes.sh and
# server_texts.sh.
#
# $frames_awk: the awk function frames(REPLY, FLAGS), which calls the
# script's own put(FRAME, TEXT) once for each frame a code or wording rule
# must survive (patterns/README.md): as written; without its enhanced status
# code (not when FLAGS holds 'e'); quoted by a relay in Postfix's "host
# H[IP] said: ... (in reply to RCPT TO command)"; with an id after it
# (" [id]", " (id)", " #id", " id=..."); with its final full stop dropped, or
# one added where it has none.
frames_awk='
function frames(r, flags) {
	put("as written", r)
	if (flags !~ /e/ && match(r, /^[245][0-9][0-9][ -][245]\.[0-9]+\.[0-9]+ /))
		put("no enhanced code", substr(r, 1, 4) substr(r, RLENGTH + 1))
	put("relay frame", "host mx.relay.example[198.51.100.7] said: " r " (in reply to RCPT TO command)")
	put("id [..]", r " [Ab3dE5fG7hJ]")
	put("id (..)", r " (4Qx7Lm2Z3kz9)")
	put("id #..", r " #a1b2c3d4e5f6")
	put("id=..", r " id=AM6PR05MB4198")
	if (r ~ /\.$/) put("no full stop", substr(r, 1, length(r) - 1))
	else put("a full stop", r ".")
}'
#
# check_frames DATA: $T/frames holds one line per (row, frame, host):
# ROW TAB FRAME TAB CATEGORY TAB BLOCK TAB LIST ('-' none) TAB PROVIDER ('-'
# none, '*' not checked) TAB RELAY TAB REPLY. Every line goes through one
# `rules classify --hosts` run; one check per row of DATA (the frames whose
# verdict differs from the row's), then one that every row of DATA was read.
check_frames() {
	cut -f7,8 "$T/frames" | sed 's/\t/\t\t/' >"$T/in"
	"$BW" --rules "$RULES" rules classify --hosts <"$T/in" >"$T/out" 2>"$T/err"
	eq "no errors" "" "$(cat "$T/err")"
	eq "one verdict per frame" "$(wc -l <"$T/in")" "$(wc -l <"$T/out")"
	paste "$T/frames" "$T/out" | awk -F'\t' '
	{
		list = ($5 == "-") ? "" : $5
		prov = ($6 == "-") ? "" : $6
		gprov = ($6 == "*") ? "*" : $13
		if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1; reply[$1] = $8 }
		if ($10 != $3 || $11 != $4 || $14 != list || gprov != prov)
			bad[$1] = bad[$1] "[" $2 ": " $9 " " $10 " " $11 " provider=" $13 " list=" $14 "] "
	}
	END { for (i = 1; i <= n; i++) printf "%s\t%s\t%s\n", order[i], substr(reply[order[i]], 1, 70), bad[order[i]] }
	' >"$T/rows"
	_frames_rows=0
	while IFS='	' read -r _frames_row _frames_short _frames_bad; do
		_frames_rows=$((_frames_rows + 1))
		eq "row $_frames_row in every frame: $_frames_short" "" "$_frames_bad"
	done <"$T/rows"
	eq "rows read" "$(grep -vc '^#' "$1")" "$_frames_rows"
}
