#!/bin/sh
# arf: complaint reports (RFC 5965 ARF and the JMRP forwarded shape) read by
# the real binary from files, standard input and a Maildir into a real
# SQLite file; duplicates, bad input and the complaint_rates view.
. "$(dirname "$0")/lib.sh"
export TZ=UTC
A=$TOP/tests/e2e/data/arf
DB=$T/c.db
arf() { "$BW" --db "$DB" --rules "$RULES" arf "$@"; }
q() { sql "$DB" "$1"; }

status "an RFC 5965 report" 0 arf "$A/rfc5965-shape.eml"
eq "stored with its facts" "arf|abuse|203.0.113.7|mail.example.net|example.com|8787KJKJ3K4J3K4J3K4J3.mail@mail.example.net" \
	"$(q "SELECT format, feedback_type, source_ip, mail_from_domain, rcpt_domain, message_id FROM complaints")"
eq "arrival from Arrival-Date" "2026-11-26 22:19:40" "$(q "SELECT datetime(arrived, 'unixepoch') FROM complaints")"
status "the same report again" 0 arf "$A/rfc5965-shape.eml"
eq "... not stored twice" 1 "$(q "SELECT count(*) FROM complaints")"
check "... and said so" grep -q "1 already stored" "$T/.err"

status "a JMRP-shaped report on standard input" 0 sh -c "'$BW' --db '$DB' --rules '$RULES' arf - <'$A/jmrp-shape.eml'"
eq "reporter microsoft (staff@hotmail.com), recipient domain, source IP from Received" \
	"microsoft|forward|outlook.com|203.0.113.7" \
	"$(q "SELECT reporter, format, rcpt_domain, source_ip FROM complaints WHERE message_id = 'digest-77@mail.example.net'")"

# A Maildir with a report, a duplicate under another name, spam and an empty file.
M=$T/fbl
mkdir -p "$M/new" "$M/cur" "$M/tmp"
cp "$A/jmrp-shape.eml" "$M/new/1700000001.M1.host"
cp "$A/jmrp-shape.eml" "$M/cur/1700000001.M1.host:2,S"
cp "$A/not-a-report.eml" "$M/new/1700000002.M2.host"
: >"$M/new/1700000003.M3.host"
sed 's/digest-77/digest-78/; s/jane@outlook.com/joe@hotmail.com/' "$A/jmrp-shape.eml" >"$M/new/1700000004.M4.host"
status "a Maildir (spam in it is not an error)" 0 arf --maildir "$M"
eq "one new complaint from the Maildir" 3 "$(q "SELECT count(*) FROM complaints")"
check "... the non-report named" grep -q "1700000002.M2.host: no feedback-report part" "$T/.err"
check "... summary" grep -q "arf: 5 reports read, 1 complaint stored, 2 already stored, 2 skipped" "$T/.err"
status "the Maildir again" 0 arf --maildir "$M"
eq "... nothing new" 3 "$(q "SELECT count(*) FROM complaints")"

# Bad input given by name: exit 2, the rest still read, nothing lost.
head -c 3000000 /dev/urandom >"$T/noise.bin"
status "a file that is not a report, a missing one, a directory, a good one (exit 2)" 2 \
	arf "$A/not-a-report.eml" "$T/missing.eml" "$T" "$T/noise.bin" "$A/truncated-bad.eml"
check "... the missing file named" grep -q "missing.eml" "$T/.err"
eq "... the readable report still stored, nothing lost" 4 "$(q "SELECT count(*) FROM complaints")"
eq "... its bad bytes made valid UTF-8" 1 "$(q "SELECT count(*) FROM complaints WHERE rcpt_domain LIKE '%?%'")"
python3 -c 'import sys; sys.stdout.write("From: a@b\r\nContent-Type: message/rfc822\r\n\r\n" + "X" * (17 << 20))' >"$T/huge.eml"
status "a report over 16 MiB (exit 2)" 2 arf "$T/huge.eml"
check "... refused with the limit" grep -q "limit" "$T/.err"
status "no argument (exit 2)" 2 arf
status "not a Maildir (exit 2)" 2 arf --maildir "$T/nowhere"

# complaint_rates: complaints per day, IP and provider beside the deliveries
# that provider accepted from the hosts whose replies named that IP.
cat >"$T/mail.log" <<LOG
2026-11-27T09:00:00+00:00 mx1 postfix/smtp[1]: 4A1B2C3D4E: to=<x@outlook.com>, relay=outlook-com.olc.protection.outlook.com[52.101.0.1]:25, delay=1, delays=0/0/0/1, dsn=5.7.1, status=bounced (host outlook-com.olc.protection.outlook.com[52.101.0.1] said: 550 5.7.1 Unfortunately, messages from [203.0.113.7] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3140). (in reply to RCPT TO command))
2026-11-27T10:00:00+00:00 mx1 postfix/smtp[1]: 4A1B2C3D4F: to=<y@hotmail.com>, relay=hotmail-com.olc.protection.outlook.com[52.101.0.2]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.6.0 Queued mail for delivery)
2026-11-27T10:01:00+00:00 mx1 postfix/smtp[1]: 4A1B2C3D50: to=<z@outlook.com>, relay=outlook-com.olc.protection.outlook.com[52.101.0.1]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.6.0 Queued mail for delivery)
LOG
BOUNCEWATCH_NOW=1795770000 "$BW" --db "$DB" --rules "$RULES" scan "$T/mail.log" >/dev/null 2>&1
eq "complaint_rates: 2 complaints against 2 accepted on 2026-11-27" "2026-11-27|203.0.113.7|microsoft|2|2" \
	"$(q "SELECT day, source_ip, reporter, complaints, accepted FROM complaint_rates WHERE reporter = 'microsoft'")"
