#!/bin/sh
# End to end: `bouncewatch scan` on real files into a real SQLite file —
# counts, idempotence, growth, rotation-compressed copies, stdin, and every
# kind of bad input (with the exit code and that nothing stored is lost).
. "$(dirname "$0")/lib.sh"
D="$TOP/tests/e2e/data"
DB="$T/scan.db"
scan() { "$BW" --db "$DB" --rules "$RULES" scan "$@"; }
rows() { sql "$DB" "SELECT count(*) FROM deliveries"; }

cp "$D/basic.log" "$T/mail.log"
status "scan of a real-shaped log" 0 scan "$T/mail.log"
eq "five delivery rows" 5 "$(rows)"
eq "summary counts lines" 1 "$(grep -c '13 lines read, 5 deliveries stored' "$T/.out")"
eq "bounce classified as a Microsoft block with the sending IP" "microsoft|blocklist|1|203.0.113.7|RCPT|550|5.7.1|52.101.8.44|25" \
	"$(sql "$DB" "SELECT provider, category, is_block, sending_ip, stage, smtp_code, dsn, relay_ip, relay_port FROM deliveries WHERE recipient='alice@hotmail.com'")"
eq "sender joined from qmgr" "bob@example.net" "$(sql "$DB" "SELECT sender FROM deliveries WHERE recipient='alice@hotmail.com'")"
eq "year inferred from the file's mtime" "$(date -r "$T/mail.log" +%Y)" \
	"$(sql "$DB" "SELECT strftime('%Y', ts, 'unixepoch') FROM deliveries LIMIT 1")"
eq "success to an Outlook mailbox attributed to microsoft" "microsoft|sent" \
	"$(sql "$DB" "SELECT provider, status FROM deliveries WHERE recipient='frank@hotmail.com'")"

status "scanning again" 0 scan "$T/mail.log"
eq "scanning again adds nothing" 5 "$(rows)"
eq "scanning again reads nothing" 1 "$(grep -c ' 0 lines read' "$T/.out")"

# growth: only the new lines
sed -n '7p' "$D/basic.log" | sed 's/4F9D1C2A3B/9D0E1F2A3B/; s/alice/alice2/' >> "$T/mail.log"
status "scanning a grown file" 0 scan "$T/mail.log"
eq "grown file adds one row" 6 "$(rows)"

# a truncated last line is held until its newline arrives
printf '%s' "$(sed -n '4p' "$D/basic.log" | sed 's/3A1B2C3D4E/0E1F2A3B4C/; s/carol/carol2/')" > "$T/part"
head -c 100 "$T/part" >> "$T/mail.log"
status "scanning with a partial last line" 0 scan "$T/mail.log"
eq "partial line not stored" 6 "$(rows)"
check "partial line reported" grep -q 'no newline yet' "$T/.err"
tail -c +101 "$T/part" >> "$T/mail.log"; echo >> "$T/mail.log"
status "scanning after the line completes" 0 scan "$T/mail.log"
eq "completed line stored once" 7 "$(rows)"
eq "completed line parsed whole" "carol2@gmail.com|sent" "$(sql "$DB" "SELECT recipient, status FROM deliveries WHERE queue_id='0E1F2A3B4C'")"

# the same log compressed by rotation is recognised, not counted twice
gzip -c "$T/mail.log" > "$T/mail.log.1.gz"
status "scanning the rotated .gz copy" 0 scan "$T/mail.log.1.gz"
eq "rotated .gz copy adds nothing" 7 "$(rows)"
# a .gz of a fresh log is read
sed 's/mx1/mx2/' "$D/basic.log" | gzip -c > "$T/other.log.gz"
status "scanning a .gz log" 0 scan "$T/other.log.gz"
eq ".gz rows stored" 12 "$(rows)"
eq "log host is a column" 5 "$(sql "$DB" "SELECT count(*) FROM deliveries WHERE host='mx2'")"

# stdin
sed 's/mx1/mx3/' "$D/basic.log" | scan - >"$T/.out" 2>&1
eq "stdin rows stored" 5 "$(sql "$DB" "SELECT count(*) FROM deliveries WHERE host='mx3'")"

# ---- bad input: a message, a defined exit code, nothing stored lost
before=$(rows)
head -c 200000 /dev/urandom > "$T/garbage.log"
status "binary garbage: not a mail log, an input error" 2 scan "$T/garbage.log"
check "garbage is reported as not understood" grep -Eq 'not understood: [1-9]' "$T/.out"
check "garbage: the warning says it is not a mail log" grep -q "garbage.log: no line of Postfix, Exim, OpenSMTPD or Sendmail; no line has a syslog header or an MTA's own format: not a mail log" "$T/.err"

# ---- files with no line of a known MTA: say what they look like
printf 'Nov 28 00:00:01 mx dovecot: imap-login: Login: user=<a>\nNov 28 00:00:02 mx dovecot: imap: Logged out\nNov 28 00:00:03 mx kernel: [1.0] eth0 up\n' >"$T/syslog.log"
status "a system log without mail lines: exit 0" 0 scan "$T/syslog.log"
check "...with a warning naming its programs" grep -q 'syslog.log: no line of Postfix, Exim, OpenSMTPD or Sendmail; syslog lines of dovecot (2), kernel (1)' "$T/.err"
printf 'Nov 28 00:00:01 mx qmail: 1701.1 info msg 42: bytes 100 from <a@b> qp 1 uid 0\n' >"$T/qmail.log"
status "a qmail log: an input error" 2 scan "$T/qmail.log"
check "...named as a server bouncewatch does not read" grep -q 'qmail.log: .*lines of qmail (1), a mail server whose log bouncewatch does not read' "$T/.err"
: >"$T/empty.log"
status "an empty file: exit 0" 0 scan "$T/empty.log"
eq "...without a warning" "" "$(cat "$T/.err")"
status "the system log again (nothing new read): exit 0" 0 scan "$T/syslog.log"
eq "...without a warning" "" "$(cat "$T/.err")"

{ sed -n '4p' "$D/basic.log" | sed 's/3A1B2C3D4E/1F2A3B4C5D/; s/carol/nul/; s/gsmtp/gs\x00mtp/'
  sed -n '4p' "$D/basic.log" | sed 's/3A1B2C3D4E/2A3B4C5D6E/; s/carol/afternul/'; } > "$T/nul.log"
status "NUL bytes" 0 scan "$T/nul.log"
check "NUL line skipped and counted" grep -q '1 with NUL bytes' "$T/.out"
eq "line after the NUL line stored" 1 "$(sql "$DB" "SELECT count(*) FROM deliveries WHERE recipient='afternul@gmail.com'")"

{ head -c 1048576 /dev/zero | tr '\0' 'x'; echo
  sed -n '4p' "$D/basic.log" | sed 's/3A1B2C3D4E/3B4C5D6E7F/; s/carol/afterlong/'; } > "$T/long.log"
status "1 MiB line" 0 scan "$T/long.log"
check "long line skipped and counted" grep -q '1 over 16384 bytes' "$T/.out"
eq "line after the long line stored" 1 "$(sql "$DB" "SELECT count(*) FROM deliveries WHERE recipient='afterlong@gmail.com'")"

sed -n '11p' "$D/basic.log" | sed 's/7B8C9D0E1F/4C5D6E7F8A/; s/User unknown/User \xff\xfe unknown \xc3\x28/' > "$T/utf8.log"
status "invalid UTF-8" 0 scan "$T/utf8.log"
check "invalid UTF-8 repaired and counted" grep -q '1 repaired' "$T/.out"
eq "repaired row stored as valid text" "User ?? unknown ?(" \
	"$(sql "$DB" "SELECT substr(reply, instr(reply, 'User'), 18) FROM deliveries WHERE queue_id='4C5D6E7F8A'")"

: > "$T/empty.log"
status "empty file" 0 scan "$T/empty.log"
status "a directory" 2 scan "$T"
check "directory named in the message" grep -q "is a directory" "$T/.err"
status "a missing file" 2 scan "$T/nope.log"
check "missing file named in the message" grep -q "nope.log: No such file" "$T/.err"
status "a missing file among good ones" 2 scan "$T/nope.log" "$T/mail.log"
eq "nothing stored lost after bad input" "$((before + 3))" "$(rows)"

status "database in a missing directory" 1 scan --db "$T/no/such/dir.db" "$T/mail.log"
check "missing directory named" grep -q "no/such/dir.db" "$T/.err"
status "no file given" 2 scan
status "unknown option" 2 scan --frobnicate "$T/mail.log"

if id nobody >/dev/null 2>&1 && command -v runuser >/dev/null && unpriv_bw; then
	cp "$D/basic.log" "$T/secret.log"; chmod 600 "$T/secret.log"; chmod 755 "$T"
	cp "$DB" "$T/ro.db"; chmod 644 "$T/ro.db"
	mkdir "$T/nb"; chown nobody "$T/nb"
	runuser -u nobody -- "$UBW" --db "$T/nb/n.db" --rules "$URULES" scan "$T/secret.log" >"$T/.out" 2>"$T/.err"
	eq "unreadable file (exit 2)" 2 $?
	check "permission problem named" grep -q "secret.log: Permission denied" "$T/.err"
	sed 's/mx1/mx9/' "$D/basic.log" > "$T/fresh.log"; chmod 644 "$T/fresh.log"
	runuser -u nobody -- "$UBW" --db "$T/ro.db" --rules "$URULES" scan "$T/fresh.log" >"$T/.out" 2>"$T/.err"
	eq "read-only database (exit 1)" 1 $?
	check "read-only database named" grep -qi "readonly\|read-only\|permission" "$T/.err"
	eq "read-only database unchanged" "$(rows)" "$(sql "$T/ro.db" "SELECT count(*) FROM deliveries")"
else
	notok "runuser, user nobody and a copy of bouncewatch it can run are needed for the permission tests"
fi

# BOUNCEWATCH_NOW pins every command's clock; a value that is not epoch
# seconds is a usage error, not silently the real time.
BOUNCEWATCH_NOW=2026-11-28 "$BW" --db "$DB" --rules "$RULES" scan "$T/mail.log" >"$T/.out" 2>"$T/.err"
eq "a malformed BOUNCEWATCH_NOW (exit 2)" 2 $?
check "... and it is named" grep -q "BOUNCEWATCH_NOW" "$T/.err"
