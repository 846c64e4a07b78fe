#!/bin/sh
# Providers' published code tables, code by code: each row of
# data/provider_codes.tsv is a reply made of one code of a provider's table
# in the form the table documents, with the category, block verdict, block
# list and provider the table's meaning gives it (patterns/README.md, "What
# counts as a block"). Each row goes through `bouncewatch rules classify
# --hosts` in the frames a code rule must survive (patterns/README.md,
# "frames a wording rule must survive"): as written; without its enhanced
# status code (not for rows whose FRAMES say 'e'); quoted by the relay in
# Postfix's "host H[IP] said: ... (in reply to RCPT TO command)"; with an id
# after it (" [id]", " (id)", " #id", " id=..."); with its final full stop
# dropped, or one added where it has none. Each frame is read with the row's
# relay host and with none: then the code alone must name the provider, unless
# the row's PROVIDER ends in '*' ("netease*": words any server may write, the
# provider checked with the relay only) or is '*' (not checked).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/frames_check.sh"

data="$TOP/tests/e2e/data/provider_codes.tsv"
# One line per (row, frame, host): ROW TAB FRAME TAB CATEGORY TAB BLOCK TAB
# LIST TAB PROVIDER TAB RELAY TAB REPLY.
grep -v '^#' "$data" | awk -F'\t' '
function put(frame, text,   p, q) {
	q = $2; if (q ~ /.\*$/) q = substr(q, 1, length(q) - 1)
	p = ($2 ~ /\*$/) ? "*" : $2
	printf "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", NR, frame, $3, $4, $5, q, $1, text
	printf "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", NR, frame "/no relay", $3, $4, $5, p, "", text
}
{
	r = $7
	put("as written", r)
	if ($6 !~ /e/ && match(r, /^[245][0-9][0-9][ -][245]\.[0-9]+\.[0-9]+ /))
		put("no enhanced code", substr(r, 1, 4) substr(r, RLENGTH + 1))
	put("relay frame", "host mx.relay.example[198.51.100.7] said: " r " (in reply to RCPT TO command)")
	put("id [..]", r " [Ab3dE5fG7hJ]")
	put("id (..)", r " (4Qx7Lm2Z3kz9)")
	put("id #..", r " #a1b2c3d4e5f6")
	put("id=..", r " id=AM6PR05MB4198")
	if (r ~ /\.$/) put("no full stop", substr(r, 1, length(r) - 1))
	else put("a full stop", r ".")
}' >"$T/frames"
check_frames "$data"
# Each row names its source.
eq "every row cites its table" "" "$(grep -v '^#' "$data" | awk -F'\t' '$8 !~ /^https?:\/\// { print NR }')"
finish
