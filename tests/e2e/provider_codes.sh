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
grep -v '^#' "$data" | awk -F'\t' "$frames_awk"'
function put(frame, text,   p, q) {
	q = $2; if (q ~ /.\*$/) q = substr(q, 1, length(q) - 1)
	p = ($2 ~ /\*$/) ? "*" : $2
	printf "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", NR, frame, $3, $4, $5, q, $1, text
	printf "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", NR, frame "/no relay", $3, $4, $5, p, "", text
}
{ frames($7, $6) }' >"$T/frames"
check_frames "$data"
# Each row names its source.
eq "every row cites its table" "" "$(grep -v '^#' "$data" | awk -F'\t' '$8 !~ /^https?:\/\// { print NR }')"
finish
