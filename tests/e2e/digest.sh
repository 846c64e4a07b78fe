#!/bin/sh
# digest: `bouncewatch digest` over SMTP to a real server on loopback (the
# suite's scripted server, build/tools/smtpsink --save), from a known log of
# two days (TZ=UTC, --year 2026, clock pinned to 2026-11-29T06:00Z so the
# default period is 2026-11-28 and the previous one 2026-11-27). The saved
# message is read by Python's email package: multipart/alternative with a
# text and an HTML part, the figures in both, hostile text escaped in the
# HTML, advice URLs as links. Then: nothing happened -> nothing sent (and
# --always sends), a relay that is down, bad options.
. "$(dirname "$0")/lib.sh"
export TZ=UTC
export BOUNCEWATCH_NOW=1795932000	# 2026-11-29T06:00:00Z
DB=$T/d.db
LOG=$T/mail.log
INBOX=$T/inbox
mkdir -p "$INBOX"

s3140() {
	printf '%s mx1 postfix/smtp[2211]: %s: to=<%s>, relay=hotmail-com.olc.protection.outlook.com[52.101.8.44]:25, delay=1.2, delays=0.1/0/0.6/0.5, dsn=5.7.1, status=bounced (host hotmail-com.olc.protection.outlook.com[52.101.8.44] said: 550 5.7.1 Unfortunately, messages from [203.0.113.7] weren'"'"'t sent. Please contact your Internet service provider since part of their network is on our block list (S3140). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors. [DB5EUR03FT021.eop-EUR03.prod.protection.outlook.com 2026-11-28T%s.123Z 08DCE00000%s] (in reply to MAIL FROM command))\n' \
		"$1" "$2" "$3" "$4" "$2"
}
sent() {
	printf '%s mx1 postfix/smtp[2300]: %s: to=<%s>, relay=%s[52.101.9.10]:25, delay=0.9, delays=0.1/0/0.4/0.4, dsn=2.6.0, status=sent (250 2.6.0 <%s@example.org> Queued mail for delivery)\n' \
		"$1" "$2" "$3" "$4" "$2"
}
# said TIME QID RCPT STATUS DSN REPLY
said() {
	printf '%s mx1 postfix/smtp[2500]: %s: to=<%s>, relay=mx.example.com[192.0.2.20]:25, delay=0.5, delays=0.1/0/0.2/0.2, dsn=%s, status=%s (host mx.example.com[192.0.2.20] said: %s (in reply to RCPT TO command))\n' \
		"$1" "$2" "$3" "$5" "$4" "$6"
}
grey='450 4.7.1 <x@example.com>: Recipient address rejected: Greylisted, try again later'
# what Postfix itself took in (smtpd client=) and refused (NOQUEUE: reject:)
rcvd() { printf '%s mx1 postfix/smtpd[2100]: %s: client=app.example.net[192.0.2.50]\n' "$1" "$2"; }
rej() { printf '%s mx1 postfix/smtpd[2100]: NOQUEUE: reject: RCPT from unknown[198.51.100.9]: 554 5.7.1 <z@example.net>: Relay access denied; from=<s@example.org> to=<z@example.net> proto=ESMTP helo=<x>\n' "$1"; }
{
	for q in 1 2 3 4 5; do rcvd "Nov 27 07:5$q:00" B10000000$q; done
	for q in 1 2 3 4 5 6 7 8; do rcvd "Nov 28 08:5$q:00" A10000000$q; done
	rej 'Nov 28 08:59:00'
	rej 'Nov 28 08:59:30'
	# the previous day: 4 sent, 1 greylisted
	sent 'Nov 27 08:00:00' B100000001 a@gmail.com gmail-smtp-in.l.google.com
	sent 'Nov 27 08:10:00' B100000002 b@gmail.com gmail-smtp-in.l.google.com
	sent 'Nov 27 08:20:00' B100000003 c@gmail.com gmail-smtp-in.l.google.com
	sent 'Nov 27 08:30:00' B100000004 d@gmail.com gmail-smtp-in.l.google.com
	said 'Nov 27 09:00:00' B100000005 x@example.com deferred 4.7.1 "$grey"
	# the day: an S3140 episode opens and clears (3 accepted over 15 min),
	# another opens and stays open; the same greylisting; two new reasons
	s3140 'Nov 28 09:00:00' A100000001 a@hotmail.com 09:00:00
	sent 'Nov 28 09:30:00' A10000000B i@hotmail.com hotmail-com.olc.protection.outlook.com
	sent 'Nov 28 09:38:00' A10000000C j@hotmail.com hotmail-com.olc.protection.outlook.com
	sent 'Nov 28 09:45:00' A10000000D k@msn.com hotmail-com.olc.protection.outlook.com
	said 'Nov 28 10:00:00' A10000000E x@example.com deferred 4.7.1 "$grey"
	said 'Nov 28 11:00:00' A10000000F nosuch@example.com bounced 5.1.1 '550 5.1.1 <nosuch@example.com>: Recipient address rejected: User unknown'
	said 'Nov 28 11:30:00' A100000010 evil@example.com bounced 5.7.1 '550 5.7.1 <script>alert(1)</script> & "quoted" refused'
	s3140 'Nov 28 12:00:00' A100000011 m@hotmail.com 12:00:00
	# Gmail refuses an IP without PTR: a CONFIG episode (ours to fix), not a block
	printf '%s\n' 'Nov 28 13:00:00 mx1 postfix/smtp[2600]: A100000012: to=<p@gmail.com>, relay=gmail-smtp-in.l.google.com[142.250.1.27]:25, delay=0.5, delays=0.1/0/0.2/0.2, dsn=5.7.25, status=bounced (host gmail-smtp-in.l.google.com[142.250.1.27] said: 550-5.7.25 [203.0.113.7] The IP address sending this message does not have a PTR record setup, or the corresponding forward DNS entry does not point to the sending IP. As a policy, Gmail does not accept messages from IPs with missing PTR records. 550 5.7.25 For more information, go to https://support.google.com/mail/answer/81126#ip-rdns - gsmtp (in reply to end of DATA command))'
} >"$LOG"
status "scan" 0 "$BW" --db "$DB" --rules "$RULES" scan --year 2026 "$LOG"
eq "episodes in the database" "3|2" "$(sql "$DB" "SELECT count(*), sum(cleared IS NULL) FROM episodes")"

# ---- the SMTP server: the suite's scripted server on a free loopback port ----
SINK_BIN="$TOP/${BW_BUILD:-build}/tools/smtpsink"
[ -x "$SINK_BIN" ] || make -s -C "$TOP" "${BW_BUILD:-build}/tools/smtpsink" >&2
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.9", 0)); print(s.getsockname()[1])')
printf 'refused@example.org\t550 5.1.1 no such user\n' >"$T/table"
"$SINK_BIN" --addr 127.0.0.9 --port "$PORT" --table "$T/table" --max-seconds 900 --conn-seconds 10 \
	--ready "$T/sink.ready" --log "$T/sink.log" --save "$INBOX" &
SINK_PID=$!
at_exit 'kill $SINK_PID 2>/dev/null; wait $SINK_PID 2>/dev/null'
if wait_until 60 test -s "$T/sink.ready"; then ok "SMTP server on 127.0.0.9:$PORT"; else
	notok "SMTP server starts" "$(cat "$T/sink.log")"; finish; exit 1; fi
export BOUNCEWATCH_MAIL_FROM=bouncewatch@mx1.example.net BOUNCEWATCH_SMTP_HELO=mx1.example.net
RELAY=127.0.0.9:$PORT

status "digest sent" 0 "$BW" --db "$DB" digest --to ops@example.org --relay "$RELAY"
M=$(ls "$INBOX"/*.eml 2>/dev/null | head -n 1)
check "one message received" test -n "$M"
python3 - "${M:-/dev/null}" >"$T/parsed" 2>&1 <<'PY'
import email, email.policy, sys
m = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=email.policy.default)
print("Subject=%s" % m["Subject"])
print("To=%s" % m["To"])
print("Type=%s" % m.get_content_type())
print("Parts=%s" % ",".join(p.get_content_type() for p in m.iter_parts()))
print("Auto=%s" % m["Auto-Submitted"])
for p in m.iter_parts():
    open(sys.argv[1] + "." + p.get_content_subtype(), "w").write(p.get_content())
PY
val() { sed -n "s/^$1=//p" "$T/parsed" | head -n 1; }
eq "multipart/alternative" "multipart/alternative" "$(val Type)"
eq "text then HTML" "text/plain,text/html" "$(val Parts)"
eq "Subject" "[bouncewatch] digest 2026-11-28: 3 opened, 1 cleared, 2 still open, 2 block refusals" "$(val Subject)"
eq "To" "ops@example.org" "$(val To)"
eq "Auto-Submitted" "auto-generated" "$(val Auto)"
TXT=$M.plain HTML=$M.html
# text: IP x pool, opened/cleared/still open; counts and rates against 2026-11-27
check "text: episodes per IP, pool and kind" grep -qE '^  203\.0\.113\.7 +microsoft/outlook-consumer +BLOCK +2 +1 +1$' "$TXT"
check "text: the PTR refusal is a CONFIG episode" grep -qE '^  203\.0\.113\.7 +google/gmail +CONFIG +1 +0 +1$' "$TXT"
check "text: with its fix" grep -qE '^      what to do: Publish a PTR record' "$TXT"
check "text: attempts 9 vs 5, up 4" grep -qE '^  attempts +9 +5 +↑ \+4$' "$TXT"
check "text: delivered 3 vs 4, down" grep -qE '^  delivered +3 +4 +↓ -1$' "$TXT"
check "text: deferred level" grep -qE '^  deferred +1 +1 +→ \+0$' "$TXT"
check "text: bounced 5 vs 0" grep -qE '^  bounced +5 +0 +↑ \+5$' "$TXT"
check "text: block refusals 2 vs 0" grep -qE '^  block refusals +2 +0 +↑ \+2$' "$TXT"
check "text: deferral rate 11.1 % vs 20.0 %" grep -qE '^  deferral rate +11\.1 % +20\.0 % +↓$' "$TXT"
check "text: bounce rate 55.6 % vs 0.0 %" grep -qE '^  bounce rate +55\.6 % +0\.0 % +↑$' "$TXT"
check "text: received by the MTA 8 vs 5" grep -qE '^  received \(MTA\) +8 +5 +↑ \+3$' "$TXT"
check "text: rejected by the MTA 2 vs 0" grep -qE '^  rejected \(MTA\) +2 +0 +↑ \+2$' "$TXT"
check "text: S3140 is a new reason (2)" grep -qE '^ +2 +bounced +550 5\.7\.1 Unfortunately.*S3140' "$TXT"
check "text: user unknown is a new reason (1)" grep -qE '^ +1 +bounced +550 5\.1\.1 <addr>: Recipient address rejected: User unknown$' "$TXT"
check "text: greylisting was seen the day before: not new" sh -c "! grep -q Greylisted '$TXT'"
check "HTML: episode row" grep -q '<td class="nw">203.0.113.7</td><td class="nw">microsoft/outlook-consumer</td><td class="nw">BLOCK</td><td class="n">2</td><td class="n">1</td><td class="n">1</td>' "$HTML"
check "HTML: CONFIG episode row" grep -q '<td class="nw">203.0.113.7</td><td class="nw">google/gmail</td><td class="nw">CONFIG</td><td class="n">1</td><td class="n">0</td><td class="n">1</td>' "$HTML"
check "HTML: advice URL is a link" grep -q '<a href="https://sender.office.com">https://sender.office.com</a>' "$HTML"
check "HTML: hostile reply escaped" grep -qF '&lt;script&gt;alert(&lt;n&gt;)&lt;/script&gt; &amp; &quot;quoted&quot; refused' "$HTML"
check "HTML: no raw script tag" sh -c "! grep -qi '<script' '$HTML'"
check "HTML: parses as XML (well-formed)" python3 -c "import sys, xml.dom.minidom; xml.dom.minidom.parseString(open(sys.argv[1]).read().replace('<!DOCTYPE html>', ''))" "$HTML"
check "wire: lines within 78 octets" sh -c "! awk 'length(\$0) > 79' '$M' | grep -q ."

# ---- --stdout: the same message, not sent ----------------------------------
status "--stdout" 0 "$BW" --db "$DB" digest --stdout --to ops@example.org
check "--stdout prints a MIME message" grep -q '^Content-Type: multipart/alternative' "$T/.out"
eq "--stdout sends nothing" 1 "$(ls "$INBOX"/*.eml | wc -l)"

# ---- nothing happened: nothing sent, unless --always ------------------------
status "a quiet period" 0 "$BW" --db "$DB" digest --since 2026-11-25 --until 2026-11-26 --to ops@example.org --relay "$RELAY"
check "says nothing happened" grep -q 'nothing happened' "$T/.err"
eq "nothing sent" 1 "$(ls "$INBOX"/*.eml | wc -l)"
status "--always" 0 "$BW" --db "$DB" digest --since 2026-11-25 --until 2026-11-26 --always --to ops@example.org --relay "$RELAY"
eq "--always sends" 2 "$(ls "$INBOX"/*.eml | wc -l)"
check "--always: subject says nothing new" sh -c "grep -l '^Subject: \[bouncewatch\] digest 2026-11-25: nothing new' '$INBOX'/*.eml | grep -q ."

# ---- failures ----------------------------------------------------------------
status "refused recipient: not sent" 1 "$BW" --db "$DB" digest --to refused@example.org --relay "$RELAY"
check "says why" grep -q 'digest: not sent to refused@example.org' "$T/.err"
DOWN=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.9", 0)); print(s.getsockname()[1])')
status "relay down" 1 "$BW" --db "$DB" digest --to ops@example.org --relay "127.0.0.9:$DOWN" --timeout 5s
status "bad --since" 2 "$BW" --db "$DB" digest --since tomorrowish
status "--since after --until" 2 "$BW" --db "$DB" digest --since 2026-11-28 --until 2026-11-27
status "bad recipient" 2 "$BW" --db "$DB" digest --to 'a@b>c'
status "unknown option" 2 "$BW" --db "$DB" digest --frobnicate
status "missing database" 1 "$BW" --db "$T/none/x.db" digest --stdout
finish
