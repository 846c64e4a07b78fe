#!/bin/sh
# postfix_tail - the acceptance test: a real Postfix refuses real-shaped mail,
# `bouncewatch tail` sees it as it is logged, stores it, and announces it.
#
# A private Postfix instance on loopback (tests/e2e/postfix_env.sh) delivers
# to scripted SMTP servers (build/tools/smtpsink) that answer with the
# providers' own replies. `bouncewatch tail` is started before Postfix, so
# the log file does not exist yet, and follows it through a `postfix
# logrotate`. Phases, each ending with an empty queue:
#   A  four accepted messages (example.org, gmail.com, hotmail.com, outlook.com)
#   B  Microsoft S3140 (two recipients, one episode), Gmail 421-4.7.28
#      (multi-line, deferred, retried until it expires), Yahoo TSS04
#      (deferred, retried), a Spamhaus listing, 550 5.1.1 user unknown, a
#      refused connection, one accepted; the log is rotated afterwards
#   C  the follower is stopped (SIGTERM) once it has noticed the rotation; the
#      scripted server now accepts hotmail.com: one more mail to Microsoft and
#      one more 5.1.1 are logged while it is down; restarted, it resumes,
#      and the Microsoft episode clears
# Checks: every delivery attempt in the log is exactly one row, in log order,
# with its queue id, time, status, recipient domain, relay IP, code, dsn and
# reply (tests/e2e/postfix_rows.awk reads the log independently); verdicts;
# one alert per episode, delivered to an --alert-exec program while Postfix
# is still retrying; the clear alert; rows of both log files, none twice.
#
# Needs root (Postfix). Fails, never skips, when Postfix cannot run. Every
# process it starts is stopped by pid.
#   KEEP_SAMPLE=1   also writes the run's log (rotated file, then the new one)
#                   to samples/postfix-tail-run.log
#   BW_E2E_FOLLOW=scan  follows with `bouncewatch scan` in a loop instead of
#                   tail (the same checks; for comparing the two)
. "$(dirname "$0")/lib.sh"
PF_LOG_COMPRESSOR=true	# keep the rotated file as it is, to read it again
. "$(dirname "$0")/postfix_env.sh"

t0=$(date +%s)
DB=$T/bw.db
ROWS_AWK="$TOP/tests/e2e/postfix_rows.awk"
FOLLOW=${BW_E2E_FOLLOW:-tail}
FOLLOW_PID=""
ROTATED=""
TAB=$(printf '\t')

say() { echo "# postfix_tail: $*" >&2; }
q() { sqlite3 -batch -noheader -cmd '.timeout 5000' "$DB" "$1"; }

# ---- the alert program: run N records env.N, stdin.N and time.N -------------
alert_recorder "$T/alert.sh"
jsonof() { python3 -c 'import json,sys; v=json.load(open(sys.argv[1]))[sys.argv[2]]; print("null" if v is None else v)' "$T/rec/stdin.$1" "$2" 2>&1; }
# run_of PROVIDER EVENT: the run that announced it (empty if none)
run_of() {
	i=1
	while [ "$i" -le "$(runs)" ]; do
		[ "$(envof $i BOUNCEWATCH_PROVIDER)" = "$1" ] && [ "$(envof $i BOUNCEWATCH_EVENT)" = "$2" ] && { echo $i; return; }
		i=$((i + 1))
	done
}

# ---- the follower ---------------------------------------------------------------
# Phase C has one accepted mail, minutes after the opening was announced: one
# accepted delivery clears here and its clear is not held (the hysteresis and
# the hold are tested in test_episode and alerts.sh, where the clock is pinned).
CLEAR_OPTS="--clear-accepts 1 --clear-span 0 --min-interval 0"
follow_start() {
	if [ "$FOLLOW" = scan ]; then
		rm -f "$T/follow.stop"
		(while [ ! -f "$T/follow.stop" ]; do
			for f in "$PF_LOG".* "$PF_LOG"; do
				[ -f "$f" ] && "$BW" --db "$DB" --rules "$RULES" scan --alert-exec "$T/alert.sh" \
					--alert-on clear $CLEAR_OPTS "$f" >>"$T/follow.out" 2>>"$T/follow.err"
			done
			sleep 0.3
		done) &
	else
		"$BW" --db "$DB" --rules "$RULES" tail --alert-exec "$T/alert.sh" --alert-on clear \
			$CLEAR_OPTS "$PF_LOG" >>"$T/follow.out" 2>>"$T/follow.err" &
	fi
	FOLLOW_PID=$!
	at_exit follow_stop
}
follow_alive() { [ -n "$FOLLOW_PID" ] && kill -0 "$FOLLOW_PID" 2>/dev/null; }
# follow_stop: SIGTERM (or the stop file), then up to 5 s; its exit status in FOLLOW_RC
follow_stop() {
	[ -n "$FOLLOW_PID" ] || return 0
	if [ "$FOLLOW" = scan ]; then touch "$T/follow.stop"; else kill -TERM "$FOLLOW_PID" 2>/dev/null; fi
	i=0
	while [ $i -lt 50 ] && follow_alive; do sleep 0.1; i=$((i + 1)); done
	follow_alive && { say "follower did not stop in 5 s; killing $FOLLOW_PID"; kill -KILL "$FOLLOW_PID"; }
	wait "$FOLLOW_PID"; FOLLOW_RC=$?
	FOLLOW_PID=""
}

# ---- waiting on conditions --------------------------------------------------
logrows() { for f in $ROTATED "$PF_LOG"; do [ -f "$f" ] && awk -f "$ROWS_AWK" "$f"; done; }
dbrows() {
	q "SELECT ifnull(queue_id,''), strftime('%H:%M:%S', CAST(ts AS INTEGER), 'unixepoch', 'localtime'), status,
		ifnull(rcpt_domain,''), ifnull(relay_ip,''), ifnull(smtp_code,''), ifnull(dsn,''),
		ifnull(reply,'') FROM deliveries ORDER BY id" | tr '|' "$TAB"
}
# caught_up SECS: the database holds as many rows as the log has delivery attempts
caught_up() {
	i=0
	while [ $i -lt $(($1 * 5)) ]; do
		want=$(logrows | wc -l); got=$(q "SELECT count(*) FROM deliveries" 2>/dev/null)
		[ "$want" = "$got" ] && return 0
		follow_alive || { say "the follower exited"; cat "$T/follow.err" >&2; return 1; }
		sleep 0.2; i=$((i + 1))
	done
	say "database has $got rows, the log $want delivery attempts, after $1 s"; return 1
}
# alerts_done N SECS: N program runs and no announced alert left undelivered
alerts_delivered() {
	[ "$(runs)" -ge "$1" ] && [ "$(q "SELECT count(*) FROM alerts WHERE announce = 1 AND delivered IS NULL")" = 0 ]
}
alerts_done() {
	wait_for $(($2 * 10)) alerts_delivered "$1" && return 0
	say "$(runs) alert program runs after $2 s, wanted $1"; return 1
}

# ---- replies ------------------------------------------------------------------
# The providers' wording; sources as in tests/e2e/postfix_harness.sh:
# Microsoft S3140 (mail.live.com/mail/troubleshooting.aspx#errors, "Fix NDR
# error 550 5.7.1" in Exchange Online's documentation), Gmail 421-4.7.28
# (support.google.com/mail/?p=UnsolicitedRateLimitError, as Postfix logs it
# on mailop@mailop.org), Yahoo TSS04 (senders.yahooinc.com/smtp-error-codes),
# Spamhaus (the text of Postfix's own reject_rbl_client reply).
ms='550 5.7.1 Unfortunately, messages from [127.0.0.1] weren'"'"'t sent. Please contact your Internet service provider since part of their network is on our block list (S3140). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors. [Name=Protocol Filter Agent][AGT=PFA][MxId=11BA8C19F0B5D9F1] [BN8NAM12FT067.eop-nam12.prod.protection.outlook.com]'
g421='421-4.7.28 [127.0.0.1      15] Gmail has detected an unusual rate of unsolicited\n421-4.7.28 mail originating from your IP address. To protect our users from spam,\n421-4.7.28 mail sent from your IP address has been temporarily rate limited. Please\n421-4.7.28 visit https://support.google.com/mail/?p=UnsolicitedRateLimitError to\n421 4.7.28 review our Bulk Email Senders Guidelines. a1b2c3d4e5.11 - gsmtp'
yahoo='421 4.7.0 [TSS04] Messages from 127.0.0.1 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes'
zen='554 5.7.1 Service unavailable; Client host [127.0.0.1] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/127.0.0.1'
unknown='550 5.1.1 <nosuchuser@example.org>: Recipient address rejected: User unknown in virtual mailbox table'
common() {
	printf 'eod:rate@gmail.com\t%s\n' "$g421"
	printf '@mail/127.0.0.4\t%s\n' "$yahoo"
	printf 'listed@example.com\t%s\n' "$zen"
	printf 'nosuchuser@example.org\t%s\n' "$unknown"
}
{ common; printf 'block@hotmail.com\t%s\n' "$ms"; printf 's3140@outlook.com\t%s\n' "$ms"; } >"$T/table1"
common >"$T/table2"	# Microsoft has lifted the block

send() {
	fails=""
	for r in "$@"; do
		pf_send newsletter@example.net "$r" "bouncewatch acceptance $r" 2>>"$T/send.err" || fails="$fails $r"
	done
	[ -z "$fails" ] || say "not accepted by smtpd:$fails"
	[ -z "$fails" ]
}
STATUS=' to=<[^>]*>, .*status=(sent|bounced|deferred)'

# ---- start: sinks, the follower (before the log exists), Postfix ----------------
sink_start "$T/table1" || { notok "scripted SMTP server starts"; exit 1; }
[ -x "$BW" ] || { notok "bouncewatch binary at $BW"; exit 1; }
"$BW" tail --help >/dev/null 2>&1 || [ "$FOLLOW" = scan ] || {
	notok "bouncewatch has a tail command" "$("$BW" tail --help 2>&1 | head -3)"; exit 1; }
eq "Postfix's log does not exist yet" no "$([ -e "$PF_LOG" ] && echo yes || echo no)"
follow_start
sleep 0.3
check "bouncewatch $FOLLOW runs, waiting for the log file" kill -0 "$FOLLOW_PID"
if ! pf_start; then
	notok "Postfix instance starts (root and Debian's postfix >= 3.4 needed)"; exit 1
fi
ok "Postfix $(postconf -c "$PF_CONF" -h mail_version) started, logging to $PF_LOG"

# ---- phase A: accepted mail ----------------------------------------------------
send alice@example.org bob@gmail.com carol@hotmail.com dave@outlook.com
ok "phase A: 4 messages submitted"
pf_wait_log "$STATUS" 4 20 && pf_wait_empty 20
check "phase A: the follower caught up with the log" caught_up 15
eq "phase A: 4 sent rows" 4 "$(q "SELECT count(*) FROM deliveries WHERE status = 'sent'")"
eq "phase A: accepted mail opens no episode" 0 "$(q "SELECT count(*) FROM episodes")"
eq "phase A: no alert" 0 "$(runs)"

# ---- phase B: refusals ------------------------------------------------------------
send block@hotmail.com s3140@outlook.com rate@gmail.com erin@yahoo.com \
	listed@example.com nosuchuser@example.org info@down.example.org zoe@example.org
ok "phase B: 8 messages submitted"
# Alerts come as the refusals are logged, while the deferred ones still retry.
check "phase B: 4 alerts (Microsoft, Google, Yahoo, example.com for Spamhaus) delivered" alerts_done 4 20
check "phase B: ...while Postfix still had deferred mail" \
	sh -c "find '$PF_QUEUE/deferred' '$PF_QUEUE/active' -type f | grep -q ."
# Deferred mail expires after maximal_queue_lifetime (30 s, postfix_env.sh).
pf_wait_log 'status=expired, returned to sender' 3 50 && pf_wait_empty 20
check "phase B: the follower caught up with the log" caught_up 15
eq "phase B: still 4 alerts" 4 "$(runs)"

# verdicts: rule, provider, category, is_block, sending_ip of the rows with each reply
verdict() { q "SELECT DISTINCT ifnull(rule_id,'-'), ifnull(provider,'-'), ifnull(category,'-'), is_block, ifnull(sending_ip,'-') FROM deliveries WHERE $1"; }
count() { q "SELECT count(*) FROM deliveries WHERE $1"; }
eq "S3140: microsoft blocklist, a block, sending IP from the reply" \
	"microsoft-s3140|microsoft|blocklist|1|127.0.0.1" "$(verdict "reply LIKE '%(S3140)%'")"
eq "S3140: hotmail.com and outlook.com refusals, 550 5.7.1, bounced" "2|550|5.7.1|bounced|hotmail.com outlook.com" \
	"$(q "SELECT count(*), smtp_code, dsn, status, group_concat(rcpt_domain, ' ') FROM (SELECT * FROM deliveries WHERE reply LIKE '%(S3140)%' ORDER BY rcpt_domain)")"
eq "TSS04: yahoo reputation, a block" "yahoo-tss04|yahoo|reputation|1|127.0.0.1" "$(verdict "reply LIKE '%[TSS04]%'")"
eq "Gmail 4.7.28: google, a block, sending IP from the reply" "google|1|127.0.0.1" \
	"$(q "SELECT DISTINCT provider, is_block, sending_ip FROM deliveries WHERE dsn = '4.7.28'")"
eq "Gmail 4.7.28: multi-line reply joined, stage end of DATA, 421" "421|EOD|1" \
	"$(q "SELECT DISTINCT smtp_code, stage, reply LIKE '421-4.7.28 [127.0.0.1      15] Gmail %421 4.7.28 review our Bulk Email Senders Guidelines. a1b2c3d4e5.11 - gsmtp' FROM deliveries WHERE dsn = '4.7.28'")"
# a block list is a property of the reply: the receiver (example.com, no known
# provider) stays the provider, the list goes in its own column
eq "Spamhaus: blocklist spamhaus, a block, provider not the list" "-|spamhaus|blocklist|1|127.0.0.1" \
	"$(q "SELECT DISTINCT ifnull(provider, '-'), blocklist, category, is_block, sending_ip FROM deliveries WHERE reply LIKE '%zen.spamhaus.org%'")"
eq "550 5.1.1: user unknown, not a block" "user-unknown|0" \
	"$(q "SELECT DISTINCT category, is_block FROM deliveries WHERE dsn = '5.1.1'")"
eq "accepted mail to hotmail.com/outlook.com: provider microsoft, not a block" "microsoft|0" \
	"$(q "SELECT DISTINCT provider, is_block FROM deliveries WHERE status = 'sent' AND rcpt_domain IN ('hotmail.com', 'outlook.com')")"
eq "connection refused: unreachable rows, not a block" "0" \
	"$(q "SELECT count(*) FROM deliveries WHERE reply LIKE 'connect to 127.0.0.7%' AND is_block != 0")"
eq "nothing else is a block" 0 "$(count "is_block = 1 AND NOT (reply LIKE '%(S3140)%' OR reply LIKE '%[TSS04]%' OR dsn = '4.7.28' OR reply LIKE '%zen.spamhaus.org%')")"
nt=$(count "reply LIKE '%[TSS04]%'"); ng=$(count "dsn = '4.7.28'")
check "deferred mail was retried (TSS04 $nt, 4.7.28 $ng attempts)" test "$nt" -ge 2 -a "$ng" -ge 2

# episodes: one per (provider, 127.0.0.1), counting every block reply
eq "episodes: one per provider, open, counting every refusal" \
	"example.com|127.0.0.1|1|1
google|127.0.0.1|$ng|1
microsoft|127.0.0.1|2|1
yahoo|127.0.0.1|$nt|1" \
	"$(q "SELECT provider, sending_ip, event_count, cleared IS NULL FROM episodes ORDER BY provider")"

# alerts: one open alert per episode, with the facts of its first refusal
for p in microsoft google yahoo example.com; do
	r=$(run_of "$p" open)
	if [ -z "$r" ]; then notok "alert: $p opened" "runs: $(runs)"; continue; fi
	first=$(q "SELECT reply FROM deliveries WHERE ifnull(provider, rcpt_domain) = '$p' AND is_block = 1 ORDER BY id LIMIT 1")
	rule=$(q "SELECT rule_id FROM deliveries WHERE ifnull(provider, rcpt_domain) = '$p' AND is_block = 1 ORDER BY id LIMIT 1")
	advice=$(q "SELECT replace(advice, '{ip}', '127.0.0.1') FROM rules WHERE id = '$rule'")
	eq "alert $r: $p, sending IP 127.0.0.1" "$p 127.0.0.1" "$(envof "$r" BOUNCEWATCH_PROVIDER) $(envof "$r" BOUNCEWATCH_SENDING_IP)"
	eq "alert $r: $p reply is the first refusal" "$first" "$(envof "$r" BOUNCEWATCH_REPLY)"
	eq "alert $r: $p advice is the rule's ($rule)" "$advice" "$(envof "$r" BOUNCEWATCH_ADVICE)"
	eq "alert $r: $p JSON on stdin says the same" "$p|127.0.0.1|$first" \
		"$(jsonof "$r" provider)|$(jsonof "$r" sending_ip)|$(jsonof "$r" reply)"
done
r=$(run_of microsoft open)
check "alert: Microsoft advice names the delisting portal" sh -c "grep -q '^BOUNCEWATCH_ADVICE=.*sender.office.com' '$T/rec/env.${r:-0}'"
# The alert came while the mail was being refused, not at the end: within a
# few seconds of the first S3140 line's time stamp (second resolution).
st=$(q "SELECT CAST(ts AS INTEGER) FROM deliveries WHERE reply LIKE '%(S3140)%' ORDER BY id LIMIT 1")
lag=$(( $(cat "$T/rec/time.${r:-0}" 2>/dev/null || echo 0) - ${st:-0} ))
check "alert: Microsoft announced ${lag}s after its first refusal was logged" test "$lag" -ge 0 -a "$lag" -le 5

# ---- rotation, with the queue empty ------------------------------------------
before=$(logrows | wc -l)
ROTATED=$(pf_rotate)
if [ -n "$ROTATED" ] && [ -f "$ROTATED" ]; then
	ok "postfix logrotate: $(basename "$ROTATED") holds phases A and B"
else
	notok "postfix logrotate produced a rotated file" "$(ls "$T")"; ROTATED=""
fi
eq "the rotated file holds every delivery attempt so far" "$before" "$(awk -f "$ROWS_AWK" "$ROTATED" 2>/dev/null | wc -l)"

# The follower notices the rotation, then stops; phase C is logged while it
# is down, and it resumes where it stopped.
# noted TEXT SECS: until the follower's stderr holds TEXT
noted() { wait_for $(($2 * 10)) grep -qF "$1" "$T/follow.err"; }
if [ "$FOLLOW" = tail ]; then
	check "tail noticed the rotation" noted "$PF_LOG: rotated; reading the old file to its end" 10
fi
follow_stop
eq "follower stopped (SIGTERM: exit 0)" 0 "$FOLLOW_RC"

# ---- phase C: the block is lifted --------------------------------------------------
sink_stop
sink_start "$T/table2" || { notok "scripted SMTP server restarts with hotmail.com accepting"; exit 1; }
send block@hotmail.com nosuchuser@example.org
ok "phase C: 2 messages submitted to the new log"
pf_wait_log ' to=<block@hotmail.com>, .*status=sent' 1 20 && pf_wait_empty 20
eq "phase C: nothing of it stored while the follower is down" "$before" "$(q "SELECT count(*) FROM deliveries")"
follow_start
check "phase C: the restarted follower caught up with the log" caught_up 15
check "phase C: the clear alert delivered" alerts_done 5 15
eq "phase C: 5 alerts in all" 5 "$(runs)"
r=$(run_of microsoft clear)
cl=$(q "SELECT strftime('%Y-%m-%dT%H:%M:%SZ', ts, 'unixepoch') FROM deliveries WHERE status = 'sent' AND recipient = 'block@hotmail.com'")
eq "clear alert: Microsoft, 127.0.0.1, delivered, at the accepted mail's time" "microsoft 127.0.0.1 delivered $cl" \
	"$(envof "${r:-0}" BOUNCEWATCH_PROVIDER 2>/dev/null) $(envof "${r:-0}" BOUNCEWATCH_SENDING_IP 2>/dev/null) $(envof "${r:-0}" BOUNCEWATCH_CLEAR_REASON 2>/dev/null) $(envof "${r:-0}" BOUNCEWATCH_CLEARED 2>/dev/null)"
eq "episodes: Microsoft's cleared, the others open" "example.com|1
google|1
microsoft|0
yahoo|1" "$(q "SELECT provider, cleared IS NULL FROM episodes ORDER BY provider")"
"$BW" --db "$DB" blocks >"$T/blocks" 2>&1
check "blocks: Microsoft (Outlook.com consumer pool) shows cleared (delivered)" grep -q "^microsoft/outlook-consumer 127.0.0.1 blocklist: cleared since .*, cleared $cl (delivered)" "$T/blocks"
eq "blocks --open: example.com, google, yahoo" "example.com google yahoo" \
	"$("$BW" --db "$DB" blocks --open | sed -n 's/^\([a-z.]*\)[a-z0-9/-]* 127\.0\.0\.1 .*OPEN.*/\1/p' | sort | tr '\n' ' ' | sed 's/ $//')"

# ---- every delivery attempt, exactly once -------------------------------------
logrows >"$T/want.tsv"
dbrows >"$T/got.tsv"
n=$(wc -l <"$T/want.tsv" | tr -d ' ')
if cmp -s "$T/want.tsv" "$T/got.tsv"; then
	ok "all $n delivery attempts in the log are rows, in order, with queue id, time, status, domain, relay IP, code, dsn, reply"
else
	notok "every delivery attempt is one row with the logged fields" \
		"$(diff "$T/want.tsv" "$T/got.tsv" | head -8)"
fi
eq "rows per log file: rotated, then the new one" \
	"$(awk -f "$ROWS_AWK" "$ROTATED" | wc -l | tr -d ' ') $(awk -f "$ROWS_AWK" "$PF_LOG" | wc -l | tr -d ' ')" \
	"$(q "SELECT count(*) FROM deliveries GROUP BY source_id ORDER BY source_id" | tr '\n' ' ' | sed 's/ $//')"
eq "every relay is on loopback" 0 "$(q "SELECT count(*) FROM deliveries WHERE relay_ip NOT LIKE '127.0.0.%'")"
# the refused connection is one attempt: its status=deferred row, not also a
# row of the "connect to ..." line Postfix logs before it
eq "every kind of line is there, a refused connection once (deferred)" "bounced deferred expired sent" \
	"$(q "SELECT DISTINCT status FROM deliveries ORDER BY 1" | tr '\n' ' ' | sed 's/ $//')"
eq "no line stored from both files" 0 \
	"$(q "SELECT count(*) FROM (SELECT 1 FROM deliveries GROUP BY queue_id, ts, status, recipient, reply HAVING count(DISTINCT source_id) > 1)")"

# what Postfix itself received: one message per smtpd "QID: client=" line
# (counted here from the log, independently), none twice across the rotation
# and the follower's restart
eq "received: the 14 messages smtpd queued, once each; nothing rejected" "14 14 0" \
	"$(cat $ROTATED "$PF_LOG" | grep -c 'postfix[^ ]*/smtpd\[[0-9]*\]: [0-9A-Za-z]*: client=') $(q "SELECT count(*) FROM mail_events WHERE kind = 'received'") $(q "SELECT count(*) FROM mail_events WHERE kind = 'rejected'")"

# ---- stop everything -----------------------------------------------------------------
follow_alive; eq "bouncewatch $FOLLOW still running at the end" 0 $?
fp=$FOLLOW_PID
follow_stop
eq "bouncewatch $FOLLOW exits 0 on SIGTERM" 0 "$FOLLOW_RC"
check "bouncewatch $FOLLOW is gone" sh -c "! kill -0 $fp 2>/dev/null"
eq "bouncewatch $FOLLOW: a stderr line per alert" "4 1" \
	"$(grep -c '^BLOCK OPEN ' "$T/follow.err") $(grep -c '^BLOCK CLEAR microsoft/outlook-consumer 127.0.0.1 ' "$T/follow.err")"
if [ "$FOLLOW" = tail ]; then
	# one summary per run: deliveries stored, commits failed, rotations, truncations, gaps
	eq "tail's two summaries: $n deliveries, none twice, 1 rotation, no gap, no failed commit" "$n 0 0 1 0 0" \
		"$(sed -n 's/^bouncewatch: tail: [0-9]* lines read, \([0-9]*\) deliveries stored ([0-9]* block replies), \([0-9]*\) already stored; .* commits (\([0-9]*\) failed and retried); \([0-9]*\) rotations, \([0-9]*\) truncations, \([0-9]*\) possible gaps$/\1 \2 \3 \4 \5 \6/p' "$T/follow.err" |
		awk '{for (i = 1; i <= 6; i++) t[i] += $i} END {print t[1], t[2], t[3], t[4], t[5], t[6]}')"
fi
if [ "$FOLLOW" = tail ]; then
	check "tail said it waited for the log file" grep -qF "$PF_LOG: does not exist yet; waiting for it" "$T/follow.err"
fi
eq "bouncewatch $FOLLOW printed no warning" "" "$(grep -E '^bouncewatch: warning: ' "$T/follow.err")"
pf_stop
eq "every Postfix process of the instance is gone" "" "$(pf_pids)"
if [ "${KEEP_SAMPLE:-}" = 1 ]; then	# after the stop, so that its "stopping" lines are in
	cat "$ROTATED" "$PF_LOG" >"$TOP/samples/postfix-tail-run.log" &&
		ok "log kept in samples/postfix-tail-run.log" || notok "log kept in samples/postfix-tail-run.log"
fi
sp=$SINK_PID
sink_stop
check "smtpsink stopped" sh -c "! kill -0 $sp 2>/dev/null"
echo "# runtime $(( $(date +%s) - t0 ))s, $n delivery attempts, $(runs) alerts"
