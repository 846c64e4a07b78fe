#!/bin/sh
# opensmtpd_tail - a real OpenSMTPD refuses real-shaped mail; `bouncewatch
# tail` follows its syslog file, stores every attempt and announces the
# block once.
#
# OpenSMTPD (Debian's opensmtpd 6.8) is not installed: it conflicts with the
# Postfix the suite uses. tests/mta_fetch.sh unpacks the .deb into
# $MTA_DIR; this test runs that smtpd (-F: foreground, logging to syslog) in
# a private mount namespace where /etc/passwd names its opensmtpd and
# opensmtpq users, its compiled-in spool (/var/spool/smtpd), chroot
# (/var/lib/opensmtpd/empty) and control socket (/run) are private tmpfs
# mounts, and /dev/log is the socket of a private rsyslogd writing
# $T/log/mail.log (tests/e2e/mta_env.sh). Mail is submitted over SMTP on
# 127.0.0.1 and relayed per domain to the scripted server:
#   hotmail.com, outlook.com -> 127.0.0.2   gmail.com -> 127.0.0.3
#   other domains -> 127.0.0.4               down.example.org -> 127.0.0.7 (refused)
# Phases: A accepted; B S3140 (two recipients, one episode), 550 5.1.1, a
# 451 at RCPT, a refused connection; the log rotated (rename, SIGHUP to
# rsyslogd); C the server accepts, `smtpctl schedule all` retries: the 451
# recipient is delivered. Checks: every attempt is one row with envelope id,
# time, status, domain, relay IP, code, enhanced code and reply
# (tests/e2e/opensmtpd_rows.awk reads the log independently); the S3140
# episode alerted exactly once. Needs root; fails, never skips.
#   KEEP_SAMPLE=1  writes the run's log to samples/opensmtpd-run.log
export TZ=UTC
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/mta_env.sh"

ROWS_AWK="$TOP/tests/e2e/opensmtpd_rows.awk"
SMTPD="$MTA_ROOT/usr/sbin/smtpd"
LOG=$MTA_LOG
DB=$T/bw.db

[ "$(id -u)" = 0 ] || { notok "opensmtpd_tail needs root (a private mount namespace)"; exit 1; }
[ -x "$SMTPD" ] || mta_fetch opensmtpd ||
	{ notok "OpenSMTPD unpacked from Debian's opensmtpd (tests/mta_fetch.sh)"; exit 1; }
ok "OpenSMTPD unpacked in $MTA_ROOT"
mta_syslog_start || { notok "a private rsyslogd for OpenSMTPD's syslog"; exit 1; }

id1=$(mta_free_id)
mta_passwd opensmtpd "$id1" /var/lib/opensmtpd/empty
mta_passwd opensmtpq "$((id1 + 1))" /var/lib/opensmtpd/empty
cat >"$T/ns.d/20-smtpd.sh" <<'NS'
mount -t tmpfs tmpfs /var/spool && mkdir -m 711 /var/spool/smtpd &&
mount -t tmpfs tmpfs /run && mount -t tmpfs tmpfs /var/lib && mkdir -p /var/lib/opensmtpd/empty
NS
cat >"$T/smtpd.conf" <<CONF
table ms { hotmail.com, outlook.com }
listen on 127.0.0.1 port $SINK_PORT
action "ms" relay host smtp://127.0.0.2:$SINK_PORT
action "g" relay host smtp://127.0.0.3:$SINK_PORT
action "down" relay host smtp://127.0.0.7:$SINK_PORT
action "other" relay host smtp://127.0.0.4:$SINK_PORT
match from any for domain <ms> action "ms"
match from any for domain gmail.com action "g"
match from any for domain down.example.org action "down"
match from any for any action "other"
CONF
send() {
	python3 - "$SINK_PORT" "$@" <<'PY' 2>>"$T/send.err"
import smtplib, sys
port = int(sys.argv[1])
for r in sys.argv[2:]:
    s = smtplib.SMTP("127.0.0.1", port, timeout=10)
    s.sendmail("newsletter@example.net", [r], "From: newsletter@example.net\r\nTo: %s\r\nSubject: bouncewatch opensmtpd\r\n\r\nhello\r\n" % r)
    s.quit()
PY
}

ms='550 5.7.1 Unfortunately, messages from [127.0.0.1] weren'"'"'t sent. Please contact your Internet service provider since part of their network is on our block list (S3140). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors.'
unknown='550 5.1.1 <nosuchuser@example.org>: Recipient address rejected: User unknown'
{ printf 'block@hotmail.com\t%s\n' "$ms"; printf 's3140@outlook.com\t%s\n' "$ms"
  printf 'later@gmail.com\t451 4.7.1 Greylisted, try again later\n'
  printf 'nosuchuser@example.org\t%s\n' "$unknown"; } >"$T/table1"
printf 'nosuchuser@example.org\t%s\n' "$unknown" >"$T/table2"
sink_start "$T/table1" || { notok "scripted SMTP server starts"; exit 1; }

mta_ns "$SMTPD" -F -f "$T/smtpd.conf" >"$T/smtpd.out" 2>&1 &
NS_PID=$!
# the shell that runs mta_ns in the background forks unshare, which becomes
# smtpd (it may fork short-lived helpers first: the one named smtpd is it)
child() { SMTPD_PID=$(pgrep -x -P "$NS_PID" smtpd | head -n 1); [ -n "$SMTPD_PID" ]; }
wait_until 60 child
at_exit 'kill -TERM $SMTPD_PID 2>/dev/null; wait $NS_PID 2>/dev/null'
listening() { python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', int(sys.argv[1])), 1).close()" "$SINK_PORT" 2>/dev/null; }
check "smtpd listens on 127.0.0.1:$SINK_PORT" wait_until 60 listening

alert_recorder "$T/alert.sh"
"$BW" --db "$DB" --rules "$RULES" tail --alert-exec "$T/alert.sh" "$LOG" >"$T/tail.out" 2>"$T/tail.err" &
TAIL_PID=$!
at_exit 'kill -TERM $TAIL_PID 2>/dev/null; wait $TAIL_PID 2>/dev/null'
ROTATED=""
delivered() { [ "$(logrows | wc -l)" -ge "$1" ]; }

send alice@example.org bob@gmail.com
check "phase A: two attempts logged" wait_until 120 delivered 2
check_caught_up "phase A: tail caught up" 2
eq "phase A: 2 sent rows, mta opensmtpd" "2|opensmtpd" "$(q "SELECT count(*), group_concat(DISTINCT mta) FROM deliveries WHERE status = 'sent'")"

send block@hotmail.com s3140@outlook.com later@gmail.com nosuchuser@example.org info@down.example.org
check "phase B: the refusals logged" wait_until 90 delivered 6
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
sent_later() { [ "$(q "SELECT count(*) FROM deliveries WHERE recipient = 'later@gmail.com' AND status = 'sent'")" = 1 ]; }
# smtpctl must run with the opensmtpq group, in smtpd's namespace. A first
# retry may meet the session smtpd kept open to the old server (closed:
# TempFail, logged and stored like any attempt); so schedule until it is sent.
i=0
while [ $i -lt 6 ] && ! sent_later; do
	nsenter -t "$SMTPD_PID" -m -r setpriv --regid "$((id1 + 1))" --clear-groups \
		"$MTA_ROOT/usr/sbin/smtpctl" schedule all >>"$T/smtpctl.out" 2>&1
	wait_until 10 sent_later; i=$((i + 1))
done
check "phase C: the retried recipient delivered, stored from the new log" sent_later
check_caught_up "phase C: tail caught up across the rotation" 7
# smtpd may still be delivering the bounces' notices (to the sender's domain):
# the comparison below waits until the log has been quiet for a second and
# tail holds every attempt in it
settled() { a=$(logrows | wc -l); sleep 1; caught_up "$a" && [ "$(logrows | wc -l)" = "$a" ]; }
check "the log is quiet and tail holds every attempt in it" wait_until 60 settled

mta_rows_match "envelope id"
mta_received "one per smtp message line smtpd wrote, once each across the rotation" \
	"$(cat "$LOG.1" "$LOG" | grep -c 'smtpd\[[0-9]*\]: [0-9a-f]* smtp message msgid=.* nrcpt=')"
mta_microsoft_once
kill -TERM "$TAIL_PID"; wait "$TAIL_PID"; eq "bouncewatch tail exits 0 on SIGTERM" 0 $?
kill -TERM "$SMTPD_PID"; wait "$NS_PID" 2>/dev/null
gone() { ! kill -0 "$SMTPD_PID" 2>/dev/null; }
check "smtpd stopped by its pid" wait_until 60 gone
if [ "${KEEP_SAMPLE:-}" = 1 ]; then
	cat "$LOG.1" "$LOG" >"$TOP/samples/opensmtpd-run.log" && ok "log kept in samples/opensmtpd-run.log"
fi
echo "# $n delivery attempts, $(runs) alerts"
