#!/bin/sh
# config: the configuration file. The example in contrib/ parses (as shipped
# and with every key uncommented); unknown keys, sections and bad values are
# exit 2 with FILE:LINE; the file fills in what the environment and the
# command line leave open (command line > environment > file > default),
# through the commands' own options; `bouncewatch config` says where each
# value came from; `tail` with no FILE follows the file's [sources].
. "$(dirname "$0")/lib.sh"
export TZ=UTC
unset BOUNCEWATCH_DB
EX=$TOP/contrib/bouncewatch.conf
C=$T/bw.conf
LOG=$T/mail.log
printf '%s\n' \
 '2026-11-28T10:00:00+00:00 mx1 postfix/smtp[1]: 1A2B3C: to=<a@example.org>, relay=mx.example.org[192.0.2.25]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 ok)' \
 '2026-11-28T10:00:01+00:00 mx1 postfix/smtp[1]: 1A2B3D: to=<b@example.org>, relay=mx.example.org[192.0.2.25]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 ok)' >"$LOG"
bw() { BOUNCEWATCH_NOW=1795910400 "$BW" --rules "$RULES" "$@"; }

status "the example parses" 0 bw --config "$EX" config
check "... and says where the database came from" grep -q "^general.database = /var/lib/bouncewatch/bouncewatch.db  # $EX:[0-9]*$" "$T/.out"
sed 's/^#\([a-z]\)/\1/' "$EX" >"$T/all.conf"
status "the example with every key uncommented parses" 0 bw --config "$T/all.conf" config
eq "... and every key but four has a line in it" "sources.journal-file snds.url dns.dnsbl-zones dns.dnsbl-lists" \
	"$(grep '# default$' "$T/.out" | cut -d' ' -f1 | tr '\n' ' ' | sed 's/ $//')"

# errors name FILE:LINE and stop every command (exit 2)
bad() {	# NAME EXPECTED-MESSAGE FILE-CONTENT
	printf '%s\n' "$3" >"$T/bad.conf"
	status "$1" 2 bw --config "$T/bad.conf" report
	check "... $2" grep -qF "$T/bad.conf:$2" "$T/.err"
}
bad "an unknown key" "3: unknown key 'datbase' in [general]" "# comment
[general]
datbase = /x.db"
bad "an unknown section (at its first key)" "2: unknown section [alert]" "[alert]
exec = /bin/true"
bad "a bad duration" "2: [retention] attempts: expected a duration" "[retention]
attempts = 3 months"
bad "a duration too short to be meant" "2: [retention] attempts: expected a duration of at least 1h (90s, 15m, 24h, 7d, 2w), got '90s'" "[retention]
attempts = 90s"
bad "a number out of range" "3: [dns] tries: expected a whole number from 1 to 10, got '0'" "[dns]

tries = 0"
bad "a bad sending IP" "2: [sending-ips] mx1: expected an IPv4 or IPv6 address, got '203.0.113'" "[sending-ips]
mx1 = 203.0.113"
bad "a key given twice" "3: [general] database given twice (first at line 2)" "[general]
database = /a.db
database = /b.db"
bad "a key outside a section" "1: 'database' outside a section" "database = /a.db"
bad "a bad yes/no" "2: [alerts] syslog: expected yes or no, got 'maybe'" "[alerts]
syslog = maybe"
bad "not INI" "2: syntax error" "[general]
this is not a key"
bad "an empty value" "2: [alerts] exec: an empty value" "[alerts]
exec ="
status "a --config file that does not exist (exit 2)" 2 bw --config "$T/none.conf" report
check "... is named" grep -q "$T/none.conf: No such file" "$T/.err"
status "BOUNCEWATCH_CONFIG names a file that does not exist (exit 2)" 2 env BOUNCEWATCH_CONFIG="$T/none.conf" "$BW" --rules "$RULES" report

# precedence: command line > environment > file > default
cat >"$C" <<EOC
[general]
database = $T/file.db

[sending-ips]
mx1 = 203.0.113.7
mx1 = 203.0.113.8
EOC
status "scan with the database of the file" 0 bw --config "$C" scan "$LOG"
eq "... stored there" 2 "$(sql "$T/file.db" "SELECT count(*) FROM deliveries")"
status "BOUNCEWATCH_CONFIG is read like --config" 0 env BOUNCEWATCH_CONFIG="$C" BOUNCEWATCH_NOW=1795910400 "$BW" --rules "$RULES" report --since 2026-11-28 --by totals
check "... the same database" grep -q "2" "$T/.out"
status "BOUNCEWATCH_DB beats the file" 0 env BOUNCEWATCH_DB="$T/env.db" BOUNCEWATCH_NOW=1795910400 "$BW" --config "$C" --rules "$RULES" scan "$LOG"
check "... stored there" test -f "$T/env.db"
status "--db beats BOUNCEWATCH_DB (and after the command too)" 0 env BOUNCEWATCH_DB="$T/env.db" BOUNCEWATCH_NOW=1795910400 "$BW" --config "$C" --rules "$RULES" scan --db "$T/cli.db" "$LOG"
check "... stored there" test -f "$T/cli.db"
status "config: origins" 0 env BOUNCEWATCH_SMTP_RELAY=relay.example.org:2525 "$BW" --config "$C" config --alert-exec /bin/true
check "... the file, with its line" grep -qx "general.database = $T/file.db  # $C:2" "$T/.out"
check "... the environment" grep -qx "mail.relay = relay.example.org:2525  # env BOUNCEWATCH_SMTP_RELAY" "$T/.out"
check "... the command line" grep -qx "alerts.exec = /bin/true  # command line" "$T/.out"
check "... the defaults" grep -qx "alerts.window = 1h  # default" "$T/.out"
check "... both addresses of a host" sh -c "grep -qx 'sending-ips.mx1 = 203.0.113.7  # $C:5' '$T/.out' && grep -qx 'sending-ips.mx1 = 203.0.113.8  # $C:6' '$T/.out'"
status "config --db: the command line" 0 env BOUNCEWATCH_DB="$T/env.db" "$BW" --config "$C" config --db "$T/cli.db"
check "... wins" grep -qx "general.database = $T/cli.db  # command line" "$T/.out"
status "config: BOUNCEWATCH_DB" 0 env BOUNCEWATCH_DB="$T/env.db" "$BW" --config "$C" config
check "... beats the file" grep -qx "general.database = $T/env.db  # env BOUNCEWATCH_DB" "$T/.out"
status "config with an option no key stands for (exit 2)" 2 "$BW" --config "$C" config --top 5
status "BOUNCEWATCH_CONFIG empty: no file" 0 env BOUNCEWATCH_CONFIG= "$BW" config
check "... says so" grep -qx "# configuration file: none" "$T/.out"

# The file's options go through the command's own parser: a bad alert
# program in the file stops scan, the same option on the command line wins.
cat >"$C" <<EOC
[general]
database = $T/opt.db
[alerts]
exec = $T/no-such-program
EOC
status "an alert program of the file that does not exist stops scan" 2 bw --config "$C" scan "$LOG"
check "... with the option's own message" grep -q "alert-exec: $T/no-such-program is not an executable file" "$T/.err"
status "--alert-exec on the command line overrides it" 0 bw --config "$C" scan --alert-exec /bin/true "$LOG"
status "--alert-mail too (one alert program: the pair yields together)" 0 bw --config "$C" scan --alert-mail postmaster@example.org "$LOG"

# tail with no FILE follows the file's [sources]
cat >"$C" <<EOC
[general]
database = $T/tail.db
[sources]
file = $LOG
EOC
BOUNCEWATCH_NOW=1795910400 "$BW" --rules "$RULES" --config "$C" tail 2>"$T/tail.err" &
pid=$!
at_exit "kill $pid 2>/dev/null"
has2() { [ "$(sql "$T/tail.db" "SELECT count(*) FROM deliveries" 2>/dev/null)" = 2 ]; }
check "tail with no FILE follows [sources] file" wait_until 90 has2
kill -TERM $pid
wait $pid
eq "... and stops cleanly" 0 $?
cat >"$C" <<EOC
[sources]
file = $LOG
journal-file = $T/no-such.journal
EOC
status "[sources] with a file and a journal: both taken (that journal file is missing: exit 2)" 2 bw --config "$C" --db "$T/x.db" tail
check "... and the journal is the one named" grep -q "journal:$T/no-such.journal: cannot open" "$T/.err"
status "tail with neither a FILE nor [sources] (exit 2)" 2 env BOUNCEWATCH_CONFIG= "$BW" --db "$T/x.db" --rules "$RULES" tail
check "... points to the configuration" grep -q "\[sources\] in the configuration" "$T/.err"

# [mail] serves the digest as well as alert-mail (--relay --from --to --helo --timeout)
cat >"$C" <<EOC
[mail]
relay = 127.0.0.1:1
from = watcher@example.org
to = ops@example.org
EOC
bw --db "$T/dg.db" scan "$LOG" >/dev/null 2>&1
status "digest --stdout takes [mail] from the file" 0 bw --config "$C" --db "$T/dg.db" digest --stdout --always
hdr() { tr -d '\r' <"$T/.out" | grep -m1 "^$1: "; }
eq "... To: and From: from [mail]" "From: watcher@example.org|To: ops@example.org" \
	"$(hdr From)|$(hdr To)"
status "digest: the command line wins over [mail] to" 0 bw --config "$C" --db "$T/dg.db" digest --stdout --always --to cli@example.org
eq "... To: from --to" "To: cli@example.org" "$(hdr To)"
status "digest: BOUNCEWATCH_MAIL_TO wins over [mail] to" 0 env BOUNCEWATCH_MAIL_TO=env@example.org "$BW" --rules "$RULES" --config "$C" --db "$T/dg.db" digest --stdout --always
eq "... To: from the environment" "To: env@example.org" "$(hdr To)"
status "digest sends to [mail] relay (nothing listens on port 1: exit 1)" 1 bw --config "$C" --db "$T/dg.db" digest --always
check "... and names that relay" grep -q "127.0.0.1:1" "$T/.err"
