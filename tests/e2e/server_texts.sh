#!/bin/sh
# Mail servers' and filters' own refusals, read from their source code: each
# row of data/server_texts.tsv is a reply text a stock server or filter sends
# a client, in the form its source writes it (format directives filled with
# documentation addresses, example hosts and real list zones), with the
# category, block verdict, sending IP and block list patterns/README.md ("What
# counts as a block" and its calls) gives it. A stock server's text reads the
# same wherever it runs, so every row names no provider. Each row goes through
# `bouncewatch rules classify --hosts` in the frames a wording rule must
# survive (patterns/README.md): as written; without its enhanced status code
# (not for rows whose FRAMES say 'e'); quoted by a relay in Postfix's "host
# H[IP] said: ... (in reply to RCPT TO command)"; with an id after it (" [id]",
# " (id)", " #id", " id=..."); with its final full stop dropped, or one added
# where it has none; each with a relay host providers.conf does not name and
# with none. As written, the verdict's sending IP is the row's.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/frames_check.sh"

data="$TOP/tests/e2e/data/server_texts.tsv"
# One line per (row, frame, host): ROW TAB FRAME TAB CATEGORY TAB BLOCK TAB
# LIST TAB PROVIDER ('-': none) TAB RELAY TAB REPLY.
grep -v '^#' "$data" | awk -F'\t' "$frames_awk"'
function put(frame, text) {
	printf "%d\t%s\t%s\t%s\t%s\t-\t%s\t%s\n", NR, frame, $2, $3, $5, "mx.example.org", text
	printf "%d\t%s\t%s\t%s\t%s\t-\t%s\t%s\n", NR, frame "/no relay", $2, $3, $5, "", text
}
{ frames($1, $7) }' >"$T/frames"
check_frames "$data"
# As written, with the relay host: a block row's sending IP is the row's ('-':
# none; patterns/README.md fills the column on block rows only).
grep -v '^#' "$data" | cut -f3,4 >"$T/ips"
paste "$T/frames" "$T/out" | awk -F'\t' '$2 == "as written" { print ($12 == "") ? "-" : $12 }' >"$T/gotips"
eq "the sending IP of every block row" "" "$(paste "$T/ips" "$T/gotips" | awk -F'\t' '$1 == "yes" && $2 != $3 { print NR ": " $2 " != " $3 }')"
# Each row names its source, a file of the server's code.
eq "every row cites its source" "" "$(grep -v '^#' "$data" | awk -F'\t' '$6 !~ /^https?:\/\// { print NR }')"
finish
