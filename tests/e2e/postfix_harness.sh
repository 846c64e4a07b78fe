#!/bin/sh
# postfix_harness - a real Postfix on loopback delivers to scripted SMTP servers.
# Proves the harness that later end-to-end tests drive (tests/e2e/postfix_env.sh)
# and produces real Postfix logging for samples/postfix-loopback.log:
#   sh tests/e2e/postfix_harness.sh --keep-log FILE   (or PF_KEEP_LOG=FILE)
# Sends 17 messages whose recipients get: 250, Microsoft S3140, Gmail 421-4.7.28
# and 550-5.7.26 (multi-line, after end of DATA), Yahoo TSS04 (after MAIL FROM),
# a Spamhaus listing, 550 5.1.1, 552 5.2.2, a 554 greeting and a refused
# connection; rotates the log with "postfix logrotate" mid-run; waits until the
# deferred ones expire (maximal_queue_lifetime = 30s). Needs root; fails, never
# skips, when Postfix cannot run. Every process it starts is stopped by pid.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/postfix_env.sh"

keep=${PF_KEEP_LOG:-}
while [ $# -gt 0 ]; do
	case "$1" in
	--keep-log) keep=${2:?--keep-log FILE}; shift 2 ;;
	*) echo "usage: $0 [--keep-log FILE]" >&2; exit 2 ;;
	esac
done
case "$keep" in ""|/*) ;; *) keep="$PWD/$keep" ;; esac
t0=$(date +%s)

# Replies. Wording follows what the providers send; sources:
# - Microsoft S3140: the reply quoted in full is the one Outlook.com/EOP gives
#   (see Microsoft's "mail.live.com/mail/troubleshooting.aspx#errors").
# - Gmail 421-4.7.28 and 550-5.7.26, both "in reply to end of DATA command":
#   Postfix logs quoted on datacadamia.com/marketing/email/postfix/spam,
#   mail-archive.com/mailop@mailop.org/msg20199.html and devanswe.rs.
# - Yahoo TSS04 "after pipelined MAIL FROM": support.cpanel.net article
#   4403952239511; smtpfieldmanual.com/provider/yahoo/421/4.7.0.
# - Spamhaus: the usual text of Postfix's own reject_rbl_client reply.
ms='550 5.7.1 Unfortunately, messages from [127.0.0.1] weren'"'"'t sent. Please contact your Internet service provider since part of their network is on our block list (S3140). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors. [Name=Protocol Filter Agent][AGT=PFA][MxId=11BA8C19F0B5D9F1] [BN8NAM12FT067.eop-nam12.prod.protection.outlook.com]'
g421='421-4.7.28 [127.0.0.1      15] Gmail has detected an unusual rate of unsolicited\n421-4.7.28 mail originating from your IP address. To protect our users from spam,\n421-4.7.28 mail sent from your IP address has been temporarily rate limited. Please\n421-4.7.28 visit https://support.google.com/mail/?p=UnsolicitedRateLimitError to\n421 4.7.28 review our Bulk Email Senders Guidelines. a1b2c3d4e5.11 - gsmtp'
g526='550-5.7.26 This mail is unauthenticated, which poses a security risk to the\n550-5.7.26 sender and Gmail users, and has been blocked. The sender must\n550-5.7.26 authenticate with at least one of SPF or DKIM. For this message,\n550-5.7.26 DKIM checks did not pass and SPF check for [example.net] did not\n550-5.7.26 pass with ip: [127.0.0.1]. The sender should visit\n550-5.7.26  https://support.google.com/mail/answer/81126#authentication for\n550 5.7.26 instructions on setting up authentication. f6g7h8i9j0.22 - gsmtp'
yahoo='421 4.7.0 [TSS04] Messages from 127.0.0.1 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes'
sh_zen='554 5.7.1 Service unavailable; Client host [127.0.0.1] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/127.0.0.1'
{
	printf 's3140@outlook.com\t%s\n' "$ms"
	printf 'block@hotmail.com\t%s\n' "$ms"
	printf 'eod:rate@gmail.com\t%s\n' "$g421"
	printf 'eod:rate2@gmail.com\t%s\n' "$g421"
	printf 'eod:dmarc@gmail.com\t%s\n' "$g526"
	printf '@mail/127.0.0.4\t%s\n' "$yahoo"
	printf 'listed@example.org\t%s\n' "$sh_zen"
	printf 'nosuchuser@example.org\t%s\n' '550 5.1.1 <nosuchuser@example.org>: Recipient address rejected: User unknown in virtual mailbox table'
	printf 'full@example.org\t%s\n' '552 5.2.2 <full@example.org>: Mailbox full: user is over quota'
	printf '@greeting/127.0.0.6\t%s\n' '554 5.7.1 mx.refuse.example.org ESMTP not accepting messages from 127.0.0.1'
} >"$T/table"

if ! sink_start "$T/table"; then
	notok "scripted SMTP server starts"; exit 1
fi
ok "scripted SMTP server listens on $SINK_ADDRS port $SINK_PORT"
if ! pf_start; then
	notok "Postfix instance starts (root, Debian postfix >= 3.4 needed)"; exit 1
fi
ok "Postfix $(postconf -c "$PF_CONF" -h mail_version) started from $PF_CONF"

# phase | recipient | expected status | text its log line must hold.
# Phase 1 ends with an empty queue; the log is rotated then, and phase 2 runs
# on the new file. Rotating with deliveries in flight is racy in Postfix itself:
# the reload restarts qmgr(8), which skips a message that an smtp(8) process
# still holds ("skipped, still being delivered") and leaves it in the active
# queue until qmgr's next start.
cat >"$T/cases" <<'EOF'
1|alice@example.org|sent|250 2.0.0 Ok
1|bob@gmail.com|sent|250 2.0.0 Ok
1|carol@hotmail.com|sent|250 2.0.0 Ok
1|dave@outlook.com|sent|250 2.0.0 Ok
1|s3140@outlook.com|bounced|(S3140).*in reply to RCPT TO command
1|block@hotmail.com|bounced|(S3140).*in reply to RCPT TO command
1|dmarc@gmail.com|bounced|550-5.7.26 .*550 5.7.26 .*in reply to end of DATA command
1|listed@example.org|bounced|blocked using zen.spamhaus.org
1|nosuchuser@example.org|bounced|550 5.1.1 .*User unknown
1|full@example.org|bounced|552 5.2.2 .*Mailbox full
2|rate@gmail.com|deferred|421-4.7.28 .*421 4.7.28 .*in reply to end of DATA command
2|rate2@gmail.com|deferred|421-4.7.28 .*UnsolicitedRateLimitError
2|erin@yahoo.com|deferred|\[TSS04\].*in reply to MAIL FROM command
2|frank@yahoo.com|deferred|\[TSS04\]
2|info@refuse.example.org|deferred|refused to talk to me: 554 5.7.1
2|info@down.example.org|deferred|connect to 127.0.0.7\[127.0.0.7\]:[0-9]+: Connection refused
2|zoe@example.org|sent|250 2.0.0 Ok
EOF
n=0
# send_phase N: sends that phase's messages.
send_phase() {
	fails=""; k=0
	while IFS='|' read -r ph rcpt _ _; do
		[ "$ph" = "$1" ] || continue
		n=$((n + 1)); k=$((k + 1))
		pf_send "newsletter@example.net" "$rcpt" "bouncewatch e2e $n" 2>>"$T/send.err" || fails="$fails $rcpt"
	done <"$T/cases"
	eq "phase $1: $k messages accepted by smtpd on $PF_SMTPD" "" "$fails"
}
STATUS=' to=<[^>]*>, .*status=(sent|bounced|deferred)'

send_phase 1
pf_wait_log "$STATUS" 16 30
pf_wait_empty 30
eq "phase 1: final status logged for 10 recipients and 6 bounce notices" 16 \
	"$(grep -cE "$STATUS" "$PF_LOG")"

rotated=$(pf_rotate)
if [ -n "$rotated" ] && [ -f "$rotated" ]; then
	ok "postfix logrotate produced $(basename "$rotated")"
else
	notok "postfix logrotate produced a rotated file" "$(ls "$T")"
fi
case "$rotated" in *.gz) cat_rot() { gzip -dc "$rotated"; } ;; *) cat_rot() { cat "$rotated"; } ;; esac
eq "rotated file holds phase 1" 16 "$(cat_rot 2>/dev/null | grep -cE "$STATUS")"

send_phase 2
pf_wait_log ' to=<rate@gmail.com>, .*status=deferred' 2 20
pf_wait_log ' to=<zoe@example.org>, .*status=sent' 1 20
# (Inode numbers prove nothing: gzip frees the old one for the new file.)
if [ -f "$PF_LOG" ] && ! grep -q 'daemon started' "$PF_LOG" \
   && grep -q ' to=<zoe@example.org>, .*status=sent' "$PF_LOG" \
   && grep -q ' to=<rate@gmail.com>, .*status=deferred' "$PF_LOG"; then
	ok "Postfix writes to a new $PF_LOG after rotation"
else
	notok "Postfix writes to a new $PF_LOG after rotation" "$(head -3 "$PF_LOG" 2>&1)"
fi

# Deferred mail expires after maximal_queue_lifetime (30s) and is returned.
pf_wait_log 'status=expired, returned to sender' 6 45
pf_wait_idle 20
all() { cat_rot; cat "$PF_LOG"; }
all >"$T/all.log"

while IFS='|' read -r _ rcpt st text; do
	if grep -E " to=<$rcpt>, .*status=$st .*$text" "$T/all.log" >/dev/null; then
		ok "$rcpt: status=$st"
	else
		notok "$rcpt: status=$st matching '$text'" "$(grep -F "to=<$rcpt>" "$T/all.log" | head -3)"
	fi
done <"$T/cases"

eq "deferred messages expired and were returned to sender" 6 \
	"$(grep -c 'status=expired, returned to sender' "$T/all.log")"
bounces=$(grep -c 'sender non-delivery notification' "$T/all.log")
[ "$bounces" -ge 12 ] && ok "non-delivery notifications for 6 bounces + 6 expiries ($bounces)" \
	|| notok "non-delivery notifications for bounced and expired mail" "got $bounces"
eq "retries of deferred mail were logged more than once" yes \
	"$([ "$(grep -c ' to=<rate@gmail.com>, .*status=deferred' "$T/all.log")" -ge 2 ] && echo yes || echo no)"
# 5 sent + 12 notifications + dmarc + every 4.7.28 attempt reached end of DATA.
got=$(grep -c ' message: ' "$SINK_LOG")
[ "$got" -ge 18 ] && ok "scripted server received $got messages" \
	|| notok "scripted server received at least 18 messages" "got $got"
check "postlogd log lines have the syslog header" \
	grep -qE '^[A-Z][a-z]{2} [ 0-9][0-9] [0-9]{2}:[0-9]{2}:[0-9]{2} mx1 postfix/smtp\[[0-9]+\]: ' "$T/all.log"
check "nothing but 127.0.0.x was contacted" \
	sh -c "! grep -E 'relay=' '$T/all.log' | grep -vE 'relay=(127\.0\.0\.[0-9]+\[127\.0\.0\.[0-9]+\]:$SINK_PORT|none)'"

pf_stop
eq "every Postfix process of the instance is gone" "" "$(pf_pids)"
if [ -n "$keep" ]; then	# after the stop, so that its "stopping" lines are in
	all >"$keep" && ok "log kept in $keep" || notok "log kept in $keep"
fi
sp=$SINK_PID
sink_stop
if kill -0 "$sp" 2>/dev/null; then notok "smtpsink stopped"; else ok "smtpsink stopped"; fi
echo "# runtime $(( $(date +%s) - t0 ))s"
