# opensmtpd_rows.awk - every delivery attempt of an OpenSMTPD log (RFC 3339
# syslog lines), one per line, fields as tests/e2e/exim_rows.awk prints them.
# Written from mta_log() in OpenSMTPD's mta.c, independently of
# src/fmt_opensmtpd.c; the session's "mta error" reply stands in for a stat
# without a reply code, as the parser documents.
/ smtpd\[[0-9]+\]: [0-9a-f]+ mta error reason=/ {
	r = substr($0, index($0, "reason=") + 7)
	if (match(r, /: [2-5][0-9][0-9][ -]/)) r = substr(r, RSTART + 2)
	err[$4] = r
}
/ smtpd\[[0-9]+\]: [0-9a-f]+ mta delivery / {
	ev = $0; sub(/.* evpid=/, "", ev); sub(/ .*/, "", ev)
	to = $0; sub(/.* to=</, "", to); sub(/>.*/, "", to)
	domain = tolower(substr(to, index(to, "@") + 1))
	ip = $0; sub(/.* relay="/, "", ip); sub(/[ "].*/, "", ip)
	res = $0; sub(/.* result="/, "", res); sub(/".*/, "", res)
	status = res == "Ok" ? "sent" : res == "TempFail" ? "deferred" : res == "PermFail" ? "bounced" : "other"
	reply = substr($0, index($0, " stat=\"") + 7); sub(/"$/, "", reply)
	if (reply !~ /^[2-5][0-9][0-9]/ && ($4 in err) && err[$4] ~ /^[2-5][0-9][0-9]/) reply = err[$4]
	code = ""; dsn = ""
	if (reply ~ /^[2-5][0-9][0-9]([ -]|$)/) {
		code = substr(reply, 1, 3)
		if (match(reply, /^[2-5][0-9][0-9][ -][245]\.[0-9]+\.[0-9]+/)) dsn = substr(reply, 5, RLENGTH - 4)
	}
	printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", ev, substr($1, 12, 8), status, domain, ip, code, dsn, reply
}
