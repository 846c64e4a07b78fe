#!/bin/sh
# selfmon: `check` says by default what goes wrong with bouncewatch itself —
# the log gone silent, a jump in the share of lines not understood (the MTA
# changed its log format), alerts that cannot be delivered — and rates
# bounces as well as deferrals (an S3140 block is a bounce). The clock is
# pinned: every figure below follows from the times given.
. "$(dirname "$0")/lib.sh"
export TZ=UTC
DB=$T/s.db
H=1795910400	# 2026-11-29T00:00:00Z
bw() { at=$1; shift; BOUNCEWATCH_NOW=$at "$BW" --db "$DB" --rules "$RULES" "$@"; }
# n accepted deliveries to example.org on 2026-11-28 from second $1
good() { awk -v n="$2" -v q="$1" 'BEGIN { for (i = 0; i < n; i++)
	printf "2026-11-28T10:%02d:%02d+00:00 mx1 postfix/smtp[1]: Q%06d%d: to=<u%d@example.org>, relay=mx.example.org[192.0.2.25]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 ok)\n", int(i / 60) % 60, i % 60, q, i, i }'; }

good 1 200 >"$T/a.log"
status "scan 200 good lines a day before" 0 bw $((H - 86400)) scan "$T/a.log"
status "check an hour after: OK" 0 bw $((H - 86400 + 3600)) check
check "... the status line names deferrals and bounces" grep -q '^BOUNCEWATCH OK - 0 open blocks, deferral 0.0% and bounces 0.0% over 3600s' "$T/.out"

# silent: nothing read for more than 24h (by default)
status "check 25h after the last line read: WARNING" 1 bw $((H - 86400 + 25 * 3600)) check
check "... the log has gone silent" grep -q '^BOUNCEWATCH WARNING - log silent for 25.0h' "$T/.out"
status "--silent 2d: OK" 0 bw $((H - 86400 + 25 * 3600)) check --silent 2d
status "--silent 0: never" 0 bw $((H + 30 * 86400)) check --silent 0

# a jump in the share not understood: 40 lines of a format bouncewatch does not read
good 2 60 >"$T/b.log"
awk 'BEGIN { for (i = 0; i < 40; i++) printf "[2026-11-28 10:00:%02d] NEWMTA delivered id=%d to=u%d@example.org\n", i, i, i }' >>"$T/b.log"
status "scan 60 good and 40 unreadable lines" 0 bw $H scan "$T/b.log"
status "check: WARNING" 1 bw $((H + 60)) check
check "... 40% of the lines not understood, 0% the week before" \
	grep -q "40.0% of the lines not understood over 3600s (0.0% the week before: has the log format changed?)" "$T/.out"
status "--not-understood 50%: not a jump" 0 bw $((H + 60)) check --not-understood 50%
status "the next hour: the window holds no line, OK" 0 bw $((H + 2 * 3600)) check
eq "line counts kept per hour" "$((H - 86400))|200|0
$H|100|40" "$(sql "$DB" "SELECT hour, lines, not_understood FROM line_counts ORDER BY hour")"

# alerts that cannot be delivered: an S3140 block, the alert program fails
B=$((H + 3 * 3600))
echo "2026-11-29T03:00:00+00:00 mx1 postfix/smtp[9]: B00000001: to=<alice@hotmail.com>, relay=hotmail-com.olc.protection.outlook.com[52.101.8.44]:25, delay=1, delays=0/0/0/1, dsn=5.7.1, status=bounced (host hotmail-com.olc.protection.outlook.com[52.101.8.44] said: 550 5.7.1 Unfortunately, messages from [203.0.113.7] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3140). (in reply to RCPT TO command))" >"$T/c.log"
good 3 9 | sed 's/2026-11-28T10:/2026-11-29T03:/; s/example.org/outlook.com/' >>"$T/c.log"
status "scan a block with an alert program that fails" 0 bw $B scan --alert-exec /bin/false "$T/c.log"
status "check: CRITICAL (the open block)" 2 bw $((B + 60)) check
check "... says the alert was not delivered" grep -q "1 alert not delivered (last error: " "$T/.out"
status "check with blocks below the thresholds: WARNING for the alert alone" 1 bw $((B + 60)) check --warning 5,100% --critical 9,100%
# bounces are rated: microsoft 1 bounced of 10 attempts in the window
check "... bounces rated per provider" grep -q "bounced_rate_microsoft=0.1000" "$T/.out"
status "--critical at 10%: the bounce rate alone is CRITICAL" 2 bw $((B + 60)) check --warning 5,5% --critical 9,10%
check "... and is the worst" grep -q "worst microsoft 10.0% bounced" "$T/.out"
