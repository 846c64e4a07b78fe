#!/bin/sh
# alert_mail - mail alerts over SMTP through a real Postfix, as the service
# sends them: `bouncewatch tail --alert-mail ADDR` runs as an unprivileged
# user with no_new_privs (what the unit's DynamicUser= and NoNewPrivileges=
# give; a set-gid postdrop could not work there), a real Postfix on
# loopback (tests/e2e/postfix_env.sh) refuses a message with Microsoft's
# S3140, the episode opens, and the alert goes to the instance's smtpd,
# which relays it to a scripted server (build/tools/smtpsink) that keeps
# every message it receives. The test reads the received message: headers,
# MIME, the facts in the body. Then `bouncewatch alert-mail` on its own:
# hostile facts (CR/LF, a lone dot, non-ASCII), refusals, a relay that is
# down, bad settings.
# Needs root (Postfix). Fails, never skips, when Postfix cannot run.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/postfix_env.sh"

INBOX=$T/inbox
DB=$T/run/bw.db
mkdir -p "$INBOX" "$T/run"
chmod 0777 "$T/run"
SINK_SAVE=$INBOX
ms='550 5.7.1 Unfortunately, messages from [127.0.0.1] weren'"'"'t sent. Please contact your Internet service provider since part of their network is on our block list (S3140). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors. [Name=Protocol Filter Agent][AGT=PFA][MxId=11BA8C19F0B5D9F1] [BN8NAM12FT067.eop-nam12.prod.protection.outlook.com]'
{
	printf 's3140@outlook.com\t%s\n' "$ms"
	printf 'nosuch@example.org\t%s\n' '550 5.1.1 <nosuch@example.org>: Recipient address rejected: User unknown'
} >"$T/table"
sink_start "$T/table" || { notok "scripted SMTP server starts"; exit 1; }
pf_start || { notok "Postfix instance starts (root, Debian postfix >= 3.4 needed)"; exit 1; }
ok "Postfix and the scripted server run"

# As the service: another user than root, no way to gain privileges.
unpriv_bw || { notok "a copy of bouncewatch others can run"; exit 1; }
unpriv() { setpriv --reuid=65534 --regid=65534 --clear-groups --no-new-privs -- "$@"; }
export BOUNCEWATCH_SMTP_RELAY="127.0.0.1:$PF_SMTPD_PORT"
export BOUNCEWATCH_MAIL_FROM=bouncewatch@mx1.example.net
export BOUNCEWATCH_SMTP_HELO=mx1.example.net
# msg_with HEADER-REGEX: the saved message holding it (empty when none).
msg_with() { grep -lE "$1" "$INBOX"/*.eml 2>/dev/null | head -n 1; }
has_msg() { [ -n "$(msg_with "$1")" ]; }

# ---- an episode opens; tail mails the alert through Postfix -----------------
touch "$T/run/tail.out"
chmod 0666 "$T/run/tail.out"
# The log as the service sees it: readable, not writable.
chmod 0644 "$PF_LOG"
# (setpriv itself, not the function: $! must be the pid of bouncewatch.)
setpriv --reuid=65534 --regid=65534 --clear-groups --no-new-privs -- \
	"$UBW" --db "$DB" --rules "$URULES" tail --alert-mail ops@example.org "$PF_LOG" \
	>"$T/run/tail.out" 2>&1 &
TAIL_PID=$!
at_exit 'kill $TAIL_PID 2>/dev/null'
pf_send newsletter@example.net s3140@outlook.com "bouncewatch e2e" 2>"$T/send.err" \
	|| notok "message accepted by smtpd" "$(cat "$T/send.err")"
pf_wait_log ' to=<s3140@outlook.com>, .*status=bounced' 1 30
wait_until 90 has_msg '^X-Bouncewatch-Event: open'
# The message is out before the alert program exits and tail records it:
# SIGTERM in between kills the program and leaves the alert to send again
# (as it should), so wait for the record before stopping tail.
recorded() { [ "$(sql "$DB" "SELECT count(*) FROM alerts WHERE announce = 1 AND delivered IS NOT NULL")" = 1 ]; }
wait_until 90 recorded
kill "$TAIL_PID" 2>/dev/null
wait "$TAIL_PID"
eq "tail stopped cleanly (SIGTERM, exit 0)" 0 "$?"
M=$(msg_with '^X-Bouncewatch-Event: open')
if [ -n "$M" ]; then ok "the alert reached the scripted server through Postfix"; else
	notok "the alert reached the scripted server through Postfix" "$(cat "$T/run/tail.out")" \
		"$(tail -5 "$PF_LOG")"; fi
check "Postfix logged its relay" grep -qE ' to=<ops@example.org>, relay=127\.0\.0\.5\[127\.0\.0\.5\]:[0-9]+, .*status=sent' "$PF_LOG"
check "the envelope sender" grep -q 'C: MAIL FROM:<bouncewatch@mx1.example.net>' "$SINK_LOG"
eq "the alert is recorded as delivered" "1|1" \
	"$(sql "$DB" "SELECT count(*), sum(delivered IS NOT NULL) FROM alerts WHERE announce = 1")"

# The message as a mail reader sees it (Python's email package, policy default).
python3 - "$M" >"$T/parsed" 2>&1 <<'PY'
import email, email.policy, sys
m = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=email.policy.default)
for h in ("From", "To", "Subject", "Message-ID", "MIME-Version", "Auto-Submitted", "Content-Type",
          "Content-Transfer-Encoding", "X-Bouncewatch-Episode"):
    print("%s=%s" % (h, m[h]))
print("Date-ok=%s" % (m["Date"].datetime is not None))
print("Received-by-postfix=%s" % any("(Postfix)" in r for r in m.get_all("Received", [])))
print("Bcc=%s" % m["Bcc"])
print("BODY")
print(m.get_content())
PY
val() { sed -n "s/^$1=//p" "$T/parsed" | head -n 1; }
body() { sed '1,/^BODY$/d' "$T/parsed"; }
body >"$T/body"
eq "From" "bouncewatch@mx1.example.net" "$(val From)"
eq "To" "ops@example.org" "$(val To)"
eq "Subject" "[bouncewatch] microsoft refuses mail from 127.0.0.1 (blocklist)" "$(val Subject)"
check "Message-ID of ours" sh -c "sed -n 's/^Message-ID=//p' '$T/parsed' | grep -qE '^<[0-9]{14}\.[0-9]+\.[0-9A-F]{16}\.bouncewatch@mx1\.example\.net>$'"
eq "Date parses" True "$(val Date-ok)"
eq "MIME-Version" "1.0" "$(val MIME-Version)"
eq "Content-Type" "text/plain; charset=\"utf-8\"" "$(val Content-Type)"
eq "quoted-printable (the reply is a long line)" "quoted-printable" "$(val Content-Transfer-Encoding)"
eq "Auto-Submitted" "auto-generated" "$(val Auto-Submitted)"
eq "Episode header" "$(sql "$DB" "SELECT id FROM episodes")" "$(val X-Bouncewatch-Episode)"
eq "relayed by the Postfix instance (its Received: line)" True "$(val Received-by-postfix)"
check "body: provider" grep -qx 'Provider     microsoft' "$T/body"
check "body: sending IP" grep -qx 'Sending IP   127.0.0.1' "$T/body"
check "body: category" grep -qx 'Category     blocklist' "$T/body"
printf '  %s\n' "$ms" >"$T/want"
check "body: the whole reply, one line" grep -qxF -f "$T/want" "$T/body"
sql "$DB" "SELECT '  ' || advice FROM episodes WHERE advice <> ''" >"$T/want"
check "body: the advice ($(cat "$T/want"))" sh -c "test -s '$T/want' && grep -qxF -f '$T/want' '$T/body'"
check "body: every line of the wire form within 78 octets" \
	sh -c "! awk 'length(\$0) > 79' '$M' | grep -q ."

# ---- hostile facts: no header injection, no early end of DATA ----------------
rm -f "$INBOX"/*.eml
BOUNCEWATCH_EVENT=open BOUNCEWATCH_PROVIDER="$(printf 'St\303\266rung\r\nBcc: thief@example.org')" \
BOUNCEWATCH_SENDING_IP="$(printf '192.0.2.9\nX-Evil: 1')" BOUNCEWATCH_EPISODE=7 \
BOUNCEWATCH_REPLY="$(printf '554 first\n.\nMAIL FROM:<x@example.org>\n..two dots')" \
	unpriv "$UBW" alert-mail --mail-to ops@example.org >"$T/out" 2>"$T/err"
eq "alert-mail with hostile facts: sent (exit 0)" "0:" "$?:$(cat "$T/err")"
wait_until 90 has_msg '^X-Bouncewatch-Episode: 7'
M=$(msg_with '^X-Bouncewatch-Episode: 7')
python3 - "$M" >"$T/parsed" 2>&1 <<'PY'
import email, email.policy, sys
m = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=email.policy.default)
print("Subject=%s" % m["Subject"])
print("Bcc=%s" % m["Bcc"])
print("X-Evil=%s" % m["X-Evil"])
print("BODY")
print(m.get_content())
PY
eq "non-ASCII subject decodes (RFC 2047)" \
	"$(printf '[bouncewatch] St\303\266rung  Bcc: thief@example.org refuses mail from 192.0.2.9 X-Evil: 1')" "$(val Subject)"
eq "no injected header" "None|None" "$(val Bcc)|$(val X-Evil)"
check "the encoded word is on the wire" grep -q '^Subject: =?utf-8?B?' "$M"
check "no RCPT TO for the injected address" sh -c "! grep -q 'thief' '$SINK_LOG'"
eq "a lone dot and dotted lines arrive intact" "$(printf '  554 first\n.\nMAIL FROM:<x@example.org>\n..two dots')" \
	"$(body | sed -n '/^The remote server said:$/,/^$/p' | sed '1d;$d')"

# ---- failures are results: exit 1 with the relay's words, or 2 for settings ---
SINK_AT="127.0.0.5:$SINK_PORT"
BOUNCEWATCH_EVENT=open unpriv "$UBW" alert-mail --smtp-relay "$SINK_AT" --mail-to nosuch@example.org >"$T/out" 2>"$T/err"
eq "a refused recipient: exit 1" 1 "$?"
check "and the reason, from the server" grep -qF "RCPT TO: 550 5.1.1 <nosuch@example.org>: Recipient address rejected" "$T/err"
BOUNCEWATCH_EVENT=open unpriv "$UBW" alert-mail --smtp-relay "$SINK_AT" --mail-to "nosuch@example.org,ops@example.org" >"$T/out" 2>"$T/err"
eq "one of two refused: sent to the other (exit 0)" 0 "$?"
check "with a warning naming the refused one" grep -qF "refused recipients: $SINK_AT: RCPT TO: 550 5.1.1" "$T/err"
BOUNCEWATCH_EVENT=open unpriv "$UBW" alert-mail --smtp-relay "$SINK_DOWN:$SINK_PORT" >"$T/out" 2>"$T/err"
eq "relay down: exit 1" 1 "$?"
check "connection refused named" grep -qF "$SINK_DOWN:$SINK_PORT: connect: Connection refused" "$T/err"
status "no alert in the environment" 2 "$BW" alert-mail
status "a recipient with a line break" 2 env BOUNCEWATCH_EVENT=open "$BW" alert-mail --mail-to "$(printf 'a@example.org\r\nDATA')"
status "a bad relay" 2 env BOUNCEWATCH_EVENT=open BOUNCEWATCH_SMTP_RELAY=::1 "$BW" alert-mail
status "a bad timeout" 2 env BOUNCEWATCH_EVENT=open "$BW" alert-mail --smtp-timeout 0
check "... named with its option and value" grep -qF -- "alert-mail: --smtp-timeout: expected a duration of at least 1s" "$T/.err"
status "a bad timeout from the environment" 2 env BOUNCEWATCH_EVENT=open BOUNCEWATCH_SMTP_TIMEOUT=5x "$BW" alert-mail
check "... named with its variable and value" grep -qF -- "alert-mail: BOUNCEWATCH_SMTP_TIMEOUT: expected a duration of at least 1s (90s, 15m, 24h, 7d, 2w), got '5x'" "$T/.err"
status "--test sends a sample" 0 "$BW" alert-mail --test --mail-to ops@example.org
check "the sample arrives" wait_until 90 has_msg '^Subject: \[bouncewatch\] TEST: example refuses'

# ---- the service retries while the relay is down -------------------------------
DB2=$T/run/retry.db
BOUNCEWATCH_SMTP_RELAY="$SINK_DOWN:$SINK_PORT" unpriv "$UBW" --db "$DB2" --rules "$URULES" \
	scan --alert-mail ops@example.org "$PF_LOG" >"$T/out" 2>&1
eq "relay down: the alert stays due, with the reason" "0|1|1" \
	"$(sql "$DB2" "SELECT delivered IS NOT NULL, attempts, last_error LIKE '%Connection refused%' FROM alerts WHERE announce = 1")"
status "--alert-mail with a bad address is a usage error" 2 "$BW" --db "$T/run/x.db" scan --alert-mail 'a b@example.org' "$PF_LOG"
status "--alert-mail and --alert-exec together are a usage error" 2 \
	"$BW" --db "$T/run/x.db" scan --alert-mail ops@example.org --alert-exec /bin/true "$PF_LOG"
