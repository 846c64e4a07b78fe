#!/bin/sh
# sendmail_tail - a real Sendmail refuses real-shaped mail; `bouncewatch
# tail` follows its syslog file, stores every attempt and announces the
# block once.
#
# Sendmail 8.17 (Debian's sendmail-bin, its configuration built with m4
# from sendmail-cf) is not installed: it conflicts with the Postfix the
# suite uses. tests/mta_fetch.sh unpacks the .debs into $MTA_DIR; this test
# runs that sendmail with its own sendmail.cf and queue under $T, in a
# private mount namespace where /etc/hosts gives the machine a qualified
# name and /dev/log is the socket of a private rsyslogd writing
# $T/log/mail.log (tests/e2e/mta_env.sh). Every domain goes to the scripted
# server through SMART_HOST [127.0.0.2] on a free port.
# Phases: A accepted; B S3140 (two recipients, one episode), 550 5.1.1, a
# 451 at RCPT; the log rotated (rename, SIGHUP to rsyslogd); C the server
# accepts, a queue run (-q) retries: the 451 recipient is delivered; then
# the server is stopped and a message meets a refused connection. Checks:
# every attempt is one row with queue id, time, status, domain, relay IP,
# code, enhanced code and reply (tests/e2e/sendmail_rows.awk reads the log
# independently); the sender from the from= lines; the S3140 episode alerted
# exactly once. Needs root; fails, never skips.
#   KEEP_SAMPLE=1  writes the run's log to samples/sendmail-run.log
export TZ=UTC
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/mta_env.sh"

ROWS_AWK="$TOP/tests/e2e/sendmail_rows.awk"
SM="$MTA_ROOT/usr/libexec/sendmail/sendmail"
CF_M4="$MTA_ROOT/usr/share/sendmail/cf/m4/cf.m4"
LOG=$MTA_LOG
DB=$T/bw.db

[ "$(id -u)" = 0 ] || { notok "sendmail_tail needs root (a private mount namespace)"; exit 1; }
[ -x "$SM" ] && [ -f "$CF_M4" ] || mta_fetch sendmail-bin sendmail-base sendmail-cf ||
	{ notok "Sendmail unpacked from Debian's sendmail-bin, sendmail-cf (tests/mta_fetch.sh)"; exit 1; }
command -v m4 >/dev/null 2>&1 || sh "$TOP/tests/deps.sh" m4 >&2
ok "Sendmail unpacked in $MTA_ROOT"
mta_syslog_start || { notok "a private rsyslogd for Sendmail's syslog"; exit 1; }
printf '127.0.0.1 localhost\n127.0.1.1 mx.example.net mx\n' >"$T/hosts"
cat >"$T/ns.d/20-hosts.sh" <<'NS'
mount --bind "$0/hosts" /etc/hosts
NS
mta_passwd smmsp "$(mta_free_id)" /nonexistent
mkdir -p "$T/q" && chmod 700 "$T/q"
cat >"$T/sm.mc" <<MC
divert(-1)
include(\`$CF_M4')
divert(0)
OSTYPE(\`linux')
define(\`confDOMAIN_NAME', \`mx.example.net')
define(\`confDONT_PROBE_INTERFACES', \`True')
define(\`SMART_HOST', \`esmtp:[127.0.0.2]')
define(\`ESMTP_MAILER_ARGS', \`TCP \$h $SINK_PORT')
define(\`QUEUE_DIR', \`$T/q')
define(\`STATUS_FILE', \`$T/statistics')
define(\`ALIAS_FILE', \`')
define(\`confPID_FILE', \`$T/sendmail.pid')
define(\`confHOST_STATUS_DIRECTORY', \`')
define(\`confLOG_LEVEL', \`9')
define(\`confTO_CONNECT', \`5s')
define(\`confTO_ICONNECT', \`5s')
MAILER(\`smtp')
MC
m4 "$T/sm.mc" >"$T/sendmail.cf" 2>"$T/m4.err" && [ -s "$T/sendmail.cf" ] ||
	{ notok "sendmail.cf built with m4 from sendmail-cf" "$(head -5 "$T/m4.err")"; exit 1; }
sm() { mta_ns "$SM" -C "$T/sendmail.cf" "$@"; }
send() {
	for r in "$@"; do
		printf 'From: newsletter@example.net\nTo: %s\nSubject: bouncewatch sendmail\n\nhello\n' "$r" |
			sm -odi -f newsletter@example.net "$r" 2>>"$T/send.err"
	done
}

ms='550 5.7.1 Unfortunately, messages from [127.0.0.1] weren'"'"'t sent. Please contact your Internet service provider since part of their network is on our block list (S3140). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors.'
unknown='550 5.1.1 <nosuchuser@example.org>: Recipient address rejected: User unknown'
{ printf 'block@hotmail.com\t%s\n' "$ms"; printf 's3140@outlook.com\t%s\n' "$ms"
  printf 'later@gmail.com\t451 4.7.1 Greylisted, try again later\n'
  printf 'nosuchuser@example.org\t%s\n' "$unknown"; } >"$T/table1"
printf 'nosuchuser@example.org\t%s\n' "$unknown" >"$T/table2"
sink_start "$T/table1" || { notok "scripted SMTP server starts"; exit 1; }

alert_recorder "$T/alert.sh"
"$BW" --db "$DB" --rules "$RULES" tail --alert-exec "$T/alert.sh" "$LOG" >"$T/tail.out" 2>"$T/tail.err" &
TAIL_PID=$!
at_exit 'kill -TERM $TAIL_PID 2>/dev/null; wait $TAIL_PID 2>/dev/null'
ROTATED=""

send alice@example.org bob@gmail.com
check_caught_up "phase A: tail caught up with 2 attempts" 2
eq "phase A: 2 sent rows, mta sendmail, sender from the from= line" "2|sendmail|newsletter@example.net" \
	"$(q "SELECT count(*), group_concat(DISTINCT mta), group_concat(DISTINCT sender) FROM deliveries WHERE status = 'sent'")"

send block@hotmail.com s3140@outlook.com later@gmail.com nosuchuser@example.org
check_caught_up "phase B: tail caught up" 6
alerted() { [ "$(runs)" -ge 1 ]; }
check "phase B: an alert delivered" wait_until 60 alerted
eq "S3140: two bounced rows, 550 5.7.1, microsoft-s3140, a block" "2|550|5.7.1|microsoft-s3140|1|127.0.0.1" \
	"$(q "SELECT count(*), smtp_code, dsn, rule_id, is_block, sending_ip FROM deliveries WHERE reply LIKE '%(S3140)%' AND status = 'bounced'")"
eq "451: deferred" "deferred|451|4.7.1" "$(q "SELECT status, smtp_code, dsn FROM deliveries WHERE recipient = 'later@gmail.com'")"
eq "5.1.1: bounced, user-unknown, not a block" "bounced|user-unknown|0" \
	"$(q "SELECT status, category, is_block FROM deliveries WHERE recipient = 'nosuchuser@example.org'")"

mta_syslog_rotate; ROTATED="$LOG.1"
sink_stop
sink_start "$T/table2" || { notok "scripted SMTP server restarts accepting"; exit 1; }
sm -q 2>>"$T/send.err"
sent_later() { [ "$(q "SELECT count(*) FROM deliveries WHERE recipient = 'later@gmail.com' AND status = 'sent'")" = 1 ]; }
check "phase C: the queue run delivered the deferred recipient, stored from the new log" wait_until 120 sent_later
sink_stop
send info@example.org
refused() { [ "$(q "SELECT count(*) FROM deliveries WHERE recipient = 'info@example.org' AND status = 'deferred' AND stage = 'CONNECT'")" = 1 ]; }
check "phase C: a refused connection: deferred at CONNECT" wait_until 120 refused
check_caught_up "phase C: tail caught up across the rotation" 8

mta_rows_match "queue id"
mta_received "one per from= line with nrcpts= sendmail wrote, once each across the rotation" \
	"$(cat "$LOG.1" "$LOG" | grep -c '\(sendmail\|sm-mta\)\[[0-9]*\]: [0-9A-Za-z]*: from=.*, nrcpts=')"
mta_microsoft_once
kill -TERM "$TAIL_PID"; wait "$TAIL_PID"; eq "bouncewatch tail exits 0 on SIGTERM" 0 $?
if [ "${KEEP_SAMPLE:-}" = 1 ]; then
	cat "$LOG.1" "$LOG" >"$TOP/samples/sendmail-run.log" && ok "log kept in samples/sendmail-run.log"
fi
echo "# $n delivery attempts, $(runs) alerts"
