#!/bin/sh
# The big receivers' published code tables in the frames a log shows them
# in: each row of data/table_frames.tsv (a published reply, its category,
# block verdict and block list) through `bouncewatch rules classify --hosts`
# as written, without its enhanced status code (some relays drop it; not
# for rows whose words without the code are shared by other servers), on
# three lines as Postfix logs a multi-line reply,
# quoted after a forwarder's words ("<mx.relay.example>: host said: ...")
# and inside an Exchange NDR's "Remote Server returned '...'", each with the
# row's relay host and with none. Every frame must give the row's category,
# block verdict and list: the provider's code decides, not where it stands.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/frames_check.sh"

data="$TOP/tests/e2e/data/table_frames.tsv"
# One line per (row, frame, host): ROW TAB FRAME TAB CATEGORY TAB BLOCK TAB
# LIST TAB PROVIDER ('*': not checked here) TAB RELAY TAB REPLY.
grep -v '^#' "$data" | awk -F'\t' '
function emit(frame, text) {
	printf "%d\t%s\t%s\t%s\t%s\t*\t%s\t%s\n", NR, frame, $2, $3, $4, $1, text
	printf "%d\t%s\t%s\t%s\t%s\t*\t%s\t%s\n", NR, frame "/no relay", $2, $3, $4, "", text
}
{
	r = $6
	emit("as written", r)
	if ($5 !~ /e/ && match(r, /^[245][0-9][0-9][ -][245]\.[0-9]+\.[0-9]+ /))
		emit("without the enhanced code", substr(r, 1, 4) substr(r, RLENGTH + 1))
	# The multi-line form Postfix logs: the text over three lines, each line but
	# the last with the code and a "-" ("550-5.7.1 a 550-5.7.1 b 550 5.7.1 c").
	if (match(r, /^[245][0-9][0-9][ -]([245]\.[0-9]+\.[0-9]+ )?/)) {
		code = substr(r, 1, 3); enh = substr(r, 5, RLENGTH - 4); nw = split(substr(r, RLENGTH + 1), w, " ")
		if (nw >= 6) {
			a = int(nw / 3); b = int(2 * nw / 3); m = code "-" enh
			for (i = 1; i <= nw; i++) m = m w[i] (i == a ? " " code "-" enh : (i == b ? " " code " " enh : " "))
			sub(/ $/, "", m)
			emit("on three lines", m)
		}
	}
	t = (substr(r, 1, 1) == "4") ? "451 4.4.0" : "550 5.0.0"
	emit("after a forwarder", t " <mx.relay.example>: host said: " r)
	t = (substr(r, 1, 1) == "4") ? "451 4.4.0" : "554 5.4.0"
	emit("in an Exchange NDR", t " Remote Server returned \047" r "\047")
}' >"$T/frames"
check_frames "$data"
finish
