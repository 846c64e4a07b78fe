#!/bin/sh
# tail_idle: an idle tail sleeps until something happens. No wake-up while
# nothing is logged (voluntary context switches of the process stay put);
# a stop or reload signal still ends the sleep at once (the loop lets its
# signals in only inside the wait, so none is lost between the check and
# the sleep); and what the clock alone makes due (an episode quiet long
# enough to clear, its clear alert) happens at its time, not at the next
# periodic look.
. "$(dirname "$0")/lib.sh"
export TZ=UTC
tpid=""
at_exit 'for p in $tpid; do kill -KILL $p 2>/dev/null; done'
alert_recorder "$T/rec.sh"
kind_of() { sed -n 's/^BOUNCEWATCH_EVENT=//p' "$T/rec/env.$1" 2>/dev/null | head -n 1; }
ctxt() { sed -n 's/^voluntary_ctxt_switches:[[:space:]]*//p' "/proc/$1/status"; }
exited() { ! kill -0 "$1" 2>/dev/null; }
has_rows() { [ "$(sqlite3 "$1" "SELECT count(*) FROM deliveries" 2>/dev/null || echo 0)" = "$2" ]; }
says() { grep -q "$1" "$T/err"; }
runs_are() { [ "$(runs)" = "$1" ]; }

# ---- idle: no wake-up ---------------------------------------------------------
LOG=$T/idle.log DB=$T/idle.db
sent_line A0001 >"$LOG"
"$BW" --db "$DB" --rules "$RULES" tail "$LOG" 2>"$T/err" &
tpid=$!
wait_until 60 has_rows "$DB" 1
sleep 1
c0=$(ctxt "$tpid"); sleep 7; c1=$(ctxt "$tpid")
eq "an idle tail does not wake in 7 s (voluntary context switches)" 0 $((c1 - c0))
kill -HUP "$tpid"
wait_until 30 says "SIGHUP: rules reloaded"
check "SIGHUP ends the sleep: rules reloaded" says "SIGHUP: rules reloaded"
kill -TERM "$tpid"
wait_until 30 exited "$tpid"
check "SIGTERM ends the sleep: tail exits" exited "$tpid"
wait "$tpid"; eq "... with exit 0" 0 $?; tpid=""

# ---- the clock: an episode clears at its time ----------------------------------
# A block logged now (Outlook.com's S3140 wording, as in alerts.sh), then
# nothing: with --clear-after 2s the episode is quiet enough to clear two
# seconds later, and its clear alert goes out then (the earlier periodic
# look came every 30 s).
LOG=$T/clock.log DB=$T/clock.db
: >"$LOG"
"$BW" --db "$DB" --rules "$RULES" tail --alert-exec "$T/rec.sh" --alert-on clear \
	--clear-after 2s --min-interval 1s "$LOG" 2>"$T/err" &
tpid=$!
wait_until 60 test -s "$DB"
sleep 1
printf '%s mx1 postfix/smtp[2211]: B1C2D3E4F5: to=<mia@hotmail.com>, relay=hotmail-com.olc.protection.outlook.com[52.101.8.44]:25, delay=1.2, delays=0.1/0/0.6/0.5, dsn=5.7.1, status=bounced (host hotmail-com.olc.protection.outlook.com[52.101.8.44] said: 550 5.7.1 Unfortunately, messages from [192.0.2.44] weren'"'"'t sent. Please contact your Internet service provider since part of their network is on our block list (S3140). (in reply to RCPT TO command))\n' \
	"$(date -u +%Y-%m-%dT%H:%M:%S+00:00)" >>"$LOG"
wait_until 60 runs_are 1
eq "the block is announced" open "$(kind_of 1)"
wait_until 20 runs_are 2
eq "with nothing logged, the episode clears by the clock within 20 s" 2 "$(runs)"
eq "... and its clear alert goes out" clear "$(kind_of 2)"
eq "... the episode is cleared in the database" 1 \
	"$(sqlite3 "$DB" "SELECT count(*) FROM episodes WHERE cleared IS NOT NULL")"
kill -TERM "$tpid"; wait "$tpid"; tpid=""
