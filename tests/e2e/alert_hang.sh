#!/bin/sh
# alert_hang: an alert program that hangs must not stall ingestion or
# shutdown. 40 block episodes open at once and every alert program sleeps
# (--alert-timeout 60); a plain line appended afterwards must be committed
# while the programs still run, SIGTERM must end tail while they still run
# (their groups killed), and the alerts stay recorded and go out after a
# restart with a program that works. The clock is pinned (BOUNCEWATCH_NOW).
. "$(dirname "$0")/lib.sh"
export TZ=UTC
export BOUNCEWATCH_NOW=1795857303	# 60 s after the lines below
tpid=""
at_exit 'for p in $tpid; do kill -KILL $p 2>/dev/null; done'
at_exit 'for f in "$T"/pids/*; do [ -f "$f" ] && kill -KILL "$(cat "$f")" 2>/dev/null; done'
mkdir -p "$T/pids" "$T/rec"

# hangs: records its pid, then sleeps far longer than the test
cat >"$T/hang.sh" <<HANG
#!/bin/sh
echo \$\$ >"$T/pids/\$\$"
exec sleep 100
HANG
# works: records the episode it was told about
cat >"$T/rec.sh" <<REC
#!/bin/sh
echo "\$BOUNCEWATCH_SENDING_IP" >>"$T/rec/ips"
REC
chmod 755 "$T/hang.sh" "$T/rec.sh"

s3140() { # QUEUEID IP
	printf '2026-11-28T09:14:03+00:00 mx1 postfix/smtp[2211]: %s: to=<a%s@hotmail.com>, relay=hotmail-com.olc.protection.outlook.com[52.101.8.44]:25, delay=1.2, delays=0.1/0/0.6/0.5, dsn=5.7.1, status=bounced (host hotmail-com.olc.protection.outlook.com[52.101.8.44] said: 550 5.7.1 Unfortunately, messages from [%s] weren'"'"'t sent. Please contact your Internet service provider since part of their network is on our block list (S3140). (in reply to RCPT TO command))\n' "$1" "$1" "$2"
}
sent() { # QUEUEID
	printf '2026-11-28T09:14:30+00:00 mx1 postfix/smtp[2300]: %s: to=<z@example.org>, relay=mx.example.org[192.0.2.25]:25, delay=0.9, delays=0.1/0/0.4/0.4, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 1234)\n' "$1"
}
rows() { sqlite3 "$DB" "SELECT count(*) FROM deliveries" 2>/dev/null || echo 0; }
has_row() { [ "$(sqlite3 "$DB" "SELECT count(*) FROM deliveries WHERE queue_id='$1'" 2>/dev/null)" = 1 ]; }
running() { n=0; for f in "$T"/pids/*; do [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null && n=$((n + 1)); done; echo $n; }
some_running() { [ "$(running)" -gt 0 ]; }
now_ms() { date +%s%3N; }

DB=$T/a.db LOG=$T/mail.log
i=1; : >"$LOG"
while [ $i -le 40 ]; do s3140 "$(printf 'A%04X' $i)" "198.51.100.$i" >>"$LOG"; i=$((i + 1)); done
"$BW" --db "$DB" --rules "$RULES" tail --alert-exec "$T/hang.sh" --alert-timeout 60 "$LOG" \
	>"$T/out" 2>"$T/err" &
tpid=$!
wait_until 60 sh -c "[ \"\$(sqlite3 '$DB' 'SELECT count(*) FROM deliveries' 2>/dev/null)\" = 40 ]"
eq "the 40 refusals are stored" 40 "$(rows)"
wait_until 60 some_running
check "alert programs are running (and hang)" some_running

t0=$(now_ms)
sent B0001 >>"$LOG"
wait_until 60 has_row B0001
t1=$(now_ms)
check "a line appended while alert programs hang is committed" has_row B0001
check "... while the alert programs still run (before their timeout)" some_running
echo "# latency of the line committed while alert programs hang: $((t1 - t0)) ms"
n=$(running)
check "at most 4 alert programs at once ($n)" test "$n" -le 4
eq "no alert delivered or failed yet" "40 0" \
	"$(sqlite3 "$DB" "SELECT count(*) || ' ' || coalesce(sum(attempts),0) FROM alerts WHERE delivered IS NULL AND announce=1")"

t0=$(now_ms)
kill -TERM "$tpid"
exited() { ! kill -0 "$tpid" 2>/dev/null; }
wait_until 60 exited
t1=$(now_ms)
check "SIGTERM ends tail while the alert programs hang" exited
exited || kill -KILL "$tpid"
wait "$tpid"; eq "tail exits 0 on SIGTERM" 0 $?
tpid=""
echo "# SIGTERM to exit with hanging alert programs: $((t1 - t0)) ms"
eq "the hanging programs were killed" 0 "$(running)"
for f in "$T"/pids/*; do kill -KILL "$(cat "$f")" 2>/dev/null; done
eq "the alerts stay recorded, undelivered" 40 \
	"$(sqlite3 "$DB" "SELECT count(*) FROM alerts WHERE delivered IS NULL AND announce=1")"

# after a restart with a working program every alert goes out, once
"$BW" --db "$DB" --rules "$RULES" tail --alert-exec "$T/rec.sh" "$LOG" >"$T/out" 2>"$T/err" &
tpid=$!
delivered() { [ "$(sqlite3 "$DB" "SELECT count(*) FROM alerts WHERE delivered IS NOT NULL")" = 40 ]; }
wait_until 60 delivered
check "after restart the 40 alerts are delivered" delivered
kill -TERM "$tpid"; wait "$tpid"; tpid=""
eq "each episode announced once to the program" "40 40" \
	"$(sort "$T/rec/ips" | wc -l) $(sort -u "$T/rec/ips" | wc -l)"
eq "still one row per line" 41 "$(rows)"
