#!/bin/sh
# exim_tail - a real Exim refuses real-shaped mail; `bouncewatch tail`
# follows its main log, stores every attempt and announces the block once.
#
# Exim 4 (Debian's exim4-daemon-light) is not installed: it conflicts with
# the Postfix the suite uses. tests/mta_fetch.sh (run by `make test`)
# unpacks the .deb into $MTA_DIR; this test runs that exim4 with its own
# configuration, spool and log under $T, in a private mount namespace
# (unshare -m) where /etc/passwd and /etc/group name the Debian-exim user
# it was built for; nothing of the machine's own mail set-up is touched.
# Provider domains are routed (manualroute) to the scripted SMTP server
# (build/tools/smtpsink) on loopback addresses, a free port:
#   hotmail.com, outlook.com -> 127.0.0.2   gmail.com -> 127.0.0.3
#   example.org, example.net -> 127.0.0.4   down.example.org -> 127.0.0.7 (refused)
# Phases: A accepted mail; B Microsoft S3140 (two recipients, one episode),
# 550 5.1.1 user unknown, Gmail 421-4.7.28 at end of DATA (multi-line),
# a 451 at RCPT, a refused connection; the log is rotated (renamed; the next
# exim process starts a new one); C the server now accepts, a forced queue
# run retries: the 451 and 421 recipients are delivered, down.example.org is
# refused again. Checks: every attempt in both log files is one row with
# message id, time, status, domain, relay IP, code, enhanced code and reply
# (tests/e2e/exim_rows.awk reads the log independently); verdicts; the
# S3140 episode alerted exactly once. Needs root; fails, never skips, when
# Exim cannot run. Every process it starts is stopped by pid.
#   KEEP_SAMPLE=1  writes the run's log to samples/exim-tail-run.log
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/mta_env.sh"

ROWS_AWK="$TOP/tests/e2e/exim_rows.awk"
EXIM="$MTA_ROOT/usr/sbin/exim4"
LOG=$T/log/mainlog
DB=$T/bw.db
say() { echo "# exim_tail: $*" >&2; }

[ "$(id -u)" = 0 ] || { notok "exim_tail needs root (a private mount namespace, a setuid Exim)"; exit 1; }
[ -x "$EXIM" ] || mta_fetch exim4-daemon-light exim4-base ||
	{ notok "Exim unpacked from Debian's exim4-daemon-light (tests/mta_fetch.sh)"; exit 1; }
ok "Exim unpacked in $MTA_ROOT"

# ---- the private identity and configuration -------------------------------------
EXIM_UID=$(mta_free_id)
mta_passwd "Debian-exim" "$EXIM_UID" "$T/spool"
mkdir -p "$T/spool" "$T/log"
chown "$EXIM_UID:$EXIM_UID" "$T/spool" "$T/log"
cat >"$T/exim.conf" <<CONF
exim_path = $EXIM
keep_environment =
exim_user = Debian-exim
exim_group = Debian-exim
spool_directory = $T/spool
log_file_path = $T/log/%slog
primary_hostname = mx.example.net
qualify_domain = example.net
begin routers
providers:
  driver = manualroute
  route_list = hotmail.com 127.0.0.2 ; outlook.com 127.0.0.2 ; gmail.com 127.0.0.3 ; \\
    example.org 127.0.0.4 ; example.net 127.0.0.4 ; down.example.org 127.0.0.7
  transport = remote_smtp
  self = send
begin transports
remote_smtp:
  driver = smtp
  port = $SINK_PORT
  allow_localhost
begin retry
* * F,1h,1m
CONF
exim() { mta_ns "$EXIM" -C "$T/exim.conf" "$@"; }
send() {
	for r in "$@"; do
		printf 'From: newsletter@example.net\nTo: %s\nSubject: bouncewatch exim %s\n\nhello\n' "$r" "$r" |
			exim -odi -f newsletter@example.net "$r" 2>>"$T/exim.err"
	done
}
check "exim -bV runs from the unpacked package" exim -bV

# ---- replies -----------------------------------------------------------------------
ms='550 5.7.1 Unfortunately, messages from [127.0.0.1] weren'"'"'t sent. Please contact your Internet service provider since part of their network is on our block list (S3140). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors.'
g421='421-4.7.28 [127.0.0.1      15] Gmail has detected an unusual rate of unsolicited\n421 4.7.28 mail originating from your IP address. a1b2c3d4e5.11 - gsmtp'
unknown='550 5.1.1 <nosuchuser@example.org>: Recipient address rejected: User unknown'
{ printf 'block@hotmail.com\t%s\n' "$ms"; printf 's3140@outlook.com\t%s\n' "$ms"
  printf 'eod:rate@gmail.com\t%s\n' "$g421"; printf 'later@gmail.com\t451 4.7.1 Greylisted, try again later\n'
  printf 'nosuchuser@example.org\t%s\n' "$unknown"; } >"$T/table1"
printf 'nosuchuser@example.org\t%s\n' "$unknown" >"$T/table2"

sink_start "$T/table1" || { notok "scripted SMTP server starts"; exit 1; }
alert_recorder "$T/alert.sh"
"$BW" --db "$DB" --rules "$RULES" tail --alert-exec "$T/alert.sh" "$LOG" >"$T/tail.out" 2>"$T/tail.err" &
TAIL_PID=$!
at_exit 'kill -TERM $TAIL_PID 2>/dev/null; wait $TAIL_PID 2>/dev/null'
ROTATED=""

# ---- phase A ------------------------------------------------------------------------
send alice@example.org bob@gmail.com carol@hotmail.com
check "phase A: 3 messages logged as delivered" grep -c ' => ' "$LOG"
check_caught_up "phase A: tail caught up"
eq "phase A: 3 sent rows, mta exim" "3|exim" "$(q "SELECT count(*), group_concat(DISTINCT mta) FROM deliveries WHERE status = 'sent'")"

# ---- phase B ------------------------------------------------------------------------
send block@hotmail.com s3140@outlook.com rate@gmail.com later@gmail.com nosuchuser@example.org info@down.example.org
check_caught_up "phase B: tail caught up"
alerted() { [ "$(runs)" -ge 1 ]; }
check "phase B: an alert delivered" wait_until 60 alerted
eq "S3140: two bounced rows, 550 5.7.1 at RCPT, microsoft-s3140, a block" \
	"2|550|5.7.1|RCPT|microsoft-s3140|1|127.0.0.1" \
	"$(q "SELECT count(*), smtp_code, dsn, stage, rule_id, is_block, sending_ip FROM deliveries WHERE reply LIKE '%(S3140)%' AND status = 'bounced'")"
eq "4.7.28: deferred at end of DATA, both lines of the reply" "deferred|421|4.7.28|EOD|1" \
	"$(q "SELECT status, smtp_code, dsn, stage, reply LIKE '421-4.7.28 %421 4.7.28 mail originating%' FROM deliveries WHERE recipient = 'rate@gmail.com'")"
eq "451 at RCPT: deferred" "deferred|451|RCPT" "$(q "SELECT status, smtp_code, stage FROM deliveries WHERE recipient = 'later@gmail.com'")"
eq "5.1.1: bounced, user-unknown, not a block" "bounced|user-unknown|0" \
	"$(q "SELECT status, category, is_block FROM deliveries WHERE recipient = 'nosuchuser@example.org'")"
eq "refused connection: deferred at CONNECT, no code" "deferred|CONNECT|" \
	"$(q "SELECT status, stage, ifnull(smtp_code, '') FROM deliveries WHERE recipient = 'info@down.example.org'")"

# ---- rotation, then phase C: the retry succeeds ------------------------------------------
mv "$LOG" "$LOG.1"; ROTATED="$LOG.1"
sink_stop
sink_start "$T/table2" || { notok "scripted SMTP server restarts accepting"; exit 1; }
exim -qff 2>>"$T/exim.err"
check "phase C: the retried recipients delivered in the new log" grep -q ' => later@gmail.com ' "$LOG"
check_caught_up "phase C: tail caught up across the rotation"
eq "phase C: later@gmail.com and rate@gmail.com deferred then sent" "deferred sent|deferred sent" \
	"$(q "SELECT group_concat(status, ' ') FROM (SELECT status FROM deliveries WHERE recipient = 'later@gmail.com' ORDER BY id)")|$(q "SELECT group_concat(status, ' ') FROM (SELECT status FROM deliveries WHERE recipient = 'rate@gmail.com' ORDER BY id)")"

# ---- every attempt, field by field ------------------------------------------------------
mta_rows_match "message id" localtime
eq "rows per log file: rotated, then the new one" \
	"$(awk -f "$ROWS_AWK" "$LOG.1" | wc -l | tr -d ' ') $(awk -f "$ROWS_AWK" "$LOG" | wc -l | tr -d ' ')" \
	"$(q "SELECT count(*) FROM deliveries GROUP BY source_id ORDER BY source_id" | tr '\n' ' ' | sed 's/ $//')"
eq "senders from the <= lines" "0" "$(q "SELECT count(*) FROM deliveries WHERE recipient != 'newsletter@example.net' AND ifnull(sender, '?') != 'newsletter@example.net'")"
mta_received "one per <= line Exim wrote (bounces it generated included), once each" \
	"$(cat "$LOG.1" "$LOG" | grep -c '^[0-9-]* [0-9:.]* [0-9A-Za-z-]* <= ')"
mta_microsoft_once

# ---- stop ------------------------------------------------------------------------------
kill -TERM "$TAIL_PID"; wait "$TAIL_PID"; eq "bouncewatch tail exits 0 on SIGTERM" 0 $?
eq "bouncewatch tail printed no warning" "" "$(grep -E '^bouncewatch: warning: ' "$T/tail.err")"
if [ "${KEEP_SAMPLE:-}" = 1 ]; then
	cat "$LOG.1" "$LOG" >"$TOP/samples/exim-tail-run.log" && ok "log kept in samples/exim-tail-run.log"
fi
sink_stop
echo "# $n delivery attempts, $(runs) alerts"
