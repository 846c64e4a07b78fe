# sendmail_rows.awk - every delivery attempt of a Sendmail log (RFC 3339
# syslog lines), one per line, fields as tests/e2e/exim_rows.awk prints them.
# Written from sendmail's logdelivery() fields (to=, relay=, dsn=, reply=,
# stat=), independently of src/fmt_sendmail.c.
/ (sendmail|sm-mta)\[[0-9]+\]: [0-9A-Za-z]+: to=/ {
	qid = $4; sub(/:$/, "", qid)
	line = $0
	to = line; sub(/.*: to=/, "", to); sub(/, .*/, "", to); sub(/,.*/, "", to); gsub(/[<>]/, "", to)
	domain = tolower(substr(to, index(to, "@") + 1))
	ip = ""
	if (match(line, /, relay=[^,]*/)) {
		r = substr(line, RSTART, RLENGTH)
		n = split(r, parts, "[")
		if (n >= 3) { ip = parts[3]; sub(/\].*/, "", ip) }
	}
	dsn = ""
	if (match(line, /, dsn=[0-9.]+/)) dsn = substr(line, RSTART + 6, RLENGTH - 6)
	stat = substr(line, index(line, ", stat=") + 7)
	status = stat ~ /^Sent/ ? "sent" : stat ~ /^Deferred/ ? "deferred" : dsn ~ /^5/ ? "bounced" : dsn ~ /^4/ ? "deferred" : "other"
	if (index(line, ", reply=") > 0) {
		reply = substr(line, index(line, ", reply=") + 8)
		reply = substr(reply, 1, index(reply, ", stat=") - 1)
	} else if (stat ~ /^Deferred: /) {
		reply = substr(stat, 11)
	} else if (stat ~ /^Sent \(.*\)$/) {
		reply = substr(stat, 7, length(stat) - 7)
	} else {
		reply = stat
	}
	code = reply ~ /^[2-5][0-9][0-9]([ -]|$)/ ? substr(reply, 1, 3) : ""
	printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", qid, substr($1, 12, 8), status, domain, ip, code, dsn, reply
}
