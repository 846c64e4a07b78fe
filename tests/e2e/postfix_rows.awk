# postfix_rows.awk - the delivery attempts in a Postfix log, read independently
# of bouncewatch's parser, one tab-separated line each:
#   queue id, HH:MM:SS, status, recipient domain, relay IP, SMTP code, dsn, reply
# (empty fields where the line has none). The end-to-end tests compare this
# with the deliveries table, row by row in log order.
#
# Which lines are delivery attempts, from Postfix's smtp(8) and qmgr(8)
# logging (Postfix 3.x, src/global/log_adhoc.c, src/smtp/smtp_connect.c,
# src/smtp/smtp_proto.c):
#   delivery agent "QID: to=<r>, relay=H[IP]:port, ..., dsn=D, status=W (detail)"
#   qmgr           "QID: from=<s>, status=expired, returned to sender"
# Not attempts: the lines smtp(8) logs for each server it tried before the
# attempt's status= line ("[QID: ]connect to H[IP]:port: reason", "QID: host
# H[IP] said: ...", "... refused to talk to me: ...", "lost connection with",
# "conversation with ... timed out"): the status= line that follows is the
# attempt, with the last server's reply (one refused connection, one row).
# The reply is the remote server's text: "host H[IP] said: " and the trailing
# "(in reply to ... command)" removed; otherwise the whole detail.

function reply_of(d,    r) {
	r = d
	if (match(r, /^host [^ ]+ said: /)) {
		r = substr(r, RLENGTH + 1)
		sub(/ \(in reply to [^)]*\)$/, "", r)
	} else if (match(r, /^host [^ ]+ refused to talk to me: /)) {
		r = substr(r, RLENGTH + 1)
	}
	return r
}
function code_of(r) {
	return (r ~ /^[2-5][0-9][0-9]([ -]|$)/) ? substr(r, 1, 3) : ""
}
function bracket_ip(s) {
	if (!match(s, /\[[^]]*\]/))
		return ""
	return substr(s, RSTART + 1, RLENGTH - 2)
}
function out(status, dom, ip, dsn, reply) {
	printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", qid, time, status, dom, ip, code_of(reply), dsn, reply
}

# Header: "Mon DD HH:MM:SS host program[pid]: message"
NF >= 6 && $5 ~ /^postfix[^[]*\[[0-9]+\]:$/ {
	prog = $5
	sub(/\[.*/, "", prog)
	time = $3
	msg = $0
	for (i = 1; i <= 5; i++) {	# drop five fields and the blank after each
		sub(/^[^ ]+ +/, "", msg)
	}
	qid = ""
	rest = msg
	if (match(msg, /^[0-9A-Za-z]+: /)) {
		qid = substr(msg, 1, RLENGTH - 2)
		rest = substr(msg, RLENGTH + 1)
	}
	if (prog != "postfix/qmgr" && rest ~ /^to=</ && match(rest, /, status=[^ ]+/)) {
		word = tolower(substr(rest, RSTART + 9, RLENGTH - 9))
		detail = substr(rest, RSTART + RLENGTH)
		if (detail ~ /^ \(/) {
			detail = substr(detail, 3)
			sub(/\)$/, "", detail)
		}
		match(rest, /^to=<[^>]*>/)
		rcpt = substr(rest, 5, RLENGTH - 5)
		dom = (rcpt ~ /@/) ? tolower(rcpt) : ""
		sub(/.*@/, "", dom)
		ip = ""
		if (match(rest, /, relay=[^,]*/))
			ip = bracket_ip(substr(rest, RSTART, RLENGTH))
		dsn = ""
		if (match(rest, /, dsn=[^,]*/))
			dsn = substr(rest, RSTART + 6, RLENGTH - 6)
		out(word, dom, ip, dsn, reply_of(detail))
	} else if (prog == "postfix/qmgr" && rest ~ /^from=<[^>]*>, status=expired, /) {
		r = rest
		sub(/^from=<[^>]*>, status=expired, /, "", r)
		out("expired", "", "", "", r)
	}
}
