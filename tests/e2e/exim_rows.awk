# exim_rows.awk - every delivery attempt of an Exim main log, one per line:
#   message id <TAB> HH:MM:SS <TAB> status <TAB> recipient domain <TAB>
#   relay IP <TAB> reply code <TAB> enhanced code <TAB> reply
# Written from the Exim specification ("Log files": => -> ** == flags, H=,
# C=), independently of src/fmt_exim.c, so that tests/e2e/exim_tail.sh can
# compare what bouncewatch stored with what the log says. Handles the lines
# of the suite's configuration (own format, no +pid / +millisec).
$4 == "=>" || $4 == "->" || $4 == "**" || $4 == "==" {
	status = ($4 == "**") ? "bounced" : ($4 == "==") ? "deferred" : "sent"
	rcpt = $5
	domain = tolower(substr(rcpt, index(rcpt, "@") + 1))
	ip = ""
	if (match($0, / H=[^ ]* \[[^]]*\]/)) {
		h = substr($0, RSTART, RLENGTH)
		ip = substr(h, index(h, "[") + 1)
		sub(/\]$/, "", ip)
	}
	reply = ""
	if (match($0, / C="[^"]*"/)) {
		reply = substr($0, RSTART + 4, RLENGTH - 5)
	} else {
		rest = substr($0, index($0, " " rcpt " ") + length(rcpt) + 2)
		i = index(rest, ": ")
		if (i > 0) {
			msg = substr(rest, i + 2)
			pre = "SMTP error from remote mail server after "
			if (substr(msg, 1, length(pre)) == pre) {
				cmd = substr(msg, length(pre) + 1)
				if (cmd ~ /^(RCPT TO|MAIL FROM):</)
					reply = substr(cmd, index(cmd, ">: ") + 3)
				else
					reply = substr(cmd, index(cmd, ": ") + 2)
			} else {
				reply = msg
			}
		}
	}
	code = ""; dsn = ""
	if (reply ~ /^[2-5][0-9][0-9]([ -]|$)/) {
		code = substr(reply, 1, 3)
		if (match(reply, /^[2-5][0-9][0-9][ -][245]\.[0-9]+\.[0-9]+/))
			dsn = substr(reply, 5, RLENGTH - 4)
	}
	printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", $3, $2, status, domain, ip, code, dsn, reply
}
