#!/bin/sh
# retention: `tail` applies [retention] attempts of the configuration (or
# --retention) itself: the delivery rows older than the cut (pinned clock)
# go a batch at a time while it follows the log, episodes stay, the space
# comes back by incremental vacuum (the file shrinks), and lines appended
# meanwhile are stored.
. "$(dirname "$0")/lib.sh"
export TZ=UTC
unset BOUNCEWATCH_DB	# the database of the configuration file
DB=$T/r.db
LOG=$T/mail.log
C=$T/bw.conf
NOW=1795910400	# 2026-11-29T00:00:00Z
# 6 days (2026-11-23 .. 2026-11-28) of 1500 deliveries, 5 a day refused by Outlook.com.
awk -v first=23 -v last=28 -v per=1500 -v block_every=300 -f "$TOP/tests/e2e/data/days.awk" >"$LOG"
bw() { BOUNCEWATCH_NOW=$NOW "$BW" --db "$DB" --rules "$RULES" "$@"; }
q() { sql "$DB" "$1"; }
status "scan 9,000 deliveries" 0 bw scan "$LOG"
eq "all stored" 9000 "$(q "SELECT count(*) FROM deliveries")"
episodes=$(q "SELECT count(*) FROM episodes")
size0=$(stat -c %s "$DB")
printf '[general]\ndatabase = %s\n[sources]\nfile = %s\n[retention]\nattempts = 3d\n' "$DB" "$LOG" >"$C"

BOUNCEWATCH_NOW=$NOW "$BW" --config "$C" --rules "$RULES" tail 2>"$T/tail.err" &
pid=$!
at_exit "kill $pid 2>/dev/null"
left() { [ "$(q "SELECT count(*) FROM deliveries")" = 4500 ]; }
check "tail deletes the rows older than 3 days ([retention] attempts = 3d)" wait_until 90 left
said() { grep -q "retention: 4500 delivery rows older than 3 days deleted so far; file .* MB -> .* MB" "$T/tail.err"; }
check "... says so with the file size" wait_until 60 said
eq "... exactly those before the cut" 0 "$(q "SELECT count(*) FROM deliveries WHERE ts < $NOW - 3 * 86400")"
eq "... episodes kept" "$episodes" "$(q "SELECT count(*) FROM episodes")"
echo "2026-11-28T23:59:00+00:00 mx1 postfix/smtp[9]: FF00000001: to=<n@example.net>, relay=mx.example.net[192.0.2.26]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 ok)" >>"$LOG"
new() { [ "$(q "SELECT count(*) FROM deliveries WHERE queue_id = 'FF00000001'")" = 1 ]; }
check "a line appended afterwards is stored" wait_until 90 new
kill -TERM $pid
wait $pid
eq "tail stops cleanly" 0 $?
size1=$(stat -c %s "$DB")	# the WAL is checkpointed into the file at the end
check "the space came back ($size0 -> $size1 bytes)" test "$size1" -lt $((size0 * 3 / 4))
grep retention "$T/tail.err" | sed 's/^/# /'
status "--retention on the command line wins over the file" 0 sh -c "BOUNCEWATCH_NOW=$NOW '$BW' --config '$C' config --retention 2d | grep -qx 'retention.attempts = 2d  # command line'"
status "--retention too short (exit 2)" 2 bw tail --retention 10m "$LOG"
# prune takes the same key: [retention] attempts is its --older-than
NOW=$((NOW + 86400))
status "prune with the configuration's retention" 0 bw --config "$C" prune
check "... 3 days" grep -q "prune: 1500 deliveries older than 2026-11-27T00:00:00Z deleted" "$T/.out"
eq "... 3001 rows left (the line appended at 23:59 with them)" 3001 "$(q "SELECT count(*) FROM deliveries")"
status "--older-than on the command line wins" 0 bw --config "$C" prune --older-than 1d
check "... 1 day: every row left is older" grep -q "prune: 3001 deliveries older than 2026-11-29T00:00:00Z deleted" "$T/.out"
eq "... none left" 0 "$(q "SELECT count(*) FROM deliveries")"
