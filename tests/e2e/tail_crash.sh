#!/bin/sh
# tail_crash: exactly once through SIGKILL and rotation. A writer appends
# 100,000 Postfix delivery lines (unique queue ids) to a log, rotating it by
# rename + create (twice, with late lines written to the renamed file) and
# copytruncate (twice). Delete + recreate is left to tail.sh: lines deleted
# while no reader holds the file open are gone by nature. Meanwhile `tail`
# is killed with SIGKILL at random moments and restarted at once, many
# times. At the end the database must hold exactly the writer's delivery
# attempts: the same count, no queue id twice, none missing.
. "$(dirname "$0")/lib.sh"
N=${TAIL_CRASH_LINES:-100000}
LOG=$T/mail.log
DB=$T/crash.db
. "$TOP/tests/e2e/tail_env.sh"
TAIL_OPTS=""	# the default grace for rotated files
wpid=""
at_exit 'kill -KILL $wpid 2>/dev/null'

: >"$LOG"
start
$WRITER "$LOG" 0 "$N" --chunk 40 --pause 0.004 \
	--rotate $((N * 15 / 100)):rename --rotate $((N * 35 / 100)):copytruncate \
	--rotate $((N * 55 / 100)):rename --rotate $((N * 75 / 100)):copytruncate &
wpid=$!
kills=0
# Kill at random moments (0.2-1.5 s apart) while the writer runs; bounded.
# Every other instance is first allowed to store something: on a slow machine
# (sanitizers, load) start-up alone can outlast 1.5 s, and if no instance ever
# committed, lines renamed away before the first commit would belong to no run
# at all. The others are killed blindly, before or after their first commit.
# progressed N: the row count passed N, or the writer ended
progressed() { [ "$(rows)" -gt "$1" ] || ! kill -0 "$wpid" 2>/dev/null; }
i=0
while kill -0 "$wpid" 2>/dev/null && [ $i -lt 200 ]; do
	i=$((i + 1))
	[ $((i % 2)) = 1 ] && wait_until 120 progressed "$(rows)"
	ms=$(awk -v s="$i$$" 'BEGIN { srand(s); printf "%.3f", 0.2 + rand() * 1.3 }')
	sleep "$ms"
	kill -0 "$wpid" 2>/dev/null || break
	stop KILL
	kills=$((kills + 1))
	start
done
wait "$wpid"
eq "writer finished" 0 $?
check "tail was killed and restarted several times ($kills)" test "$kills" -ge 5
# One last kill after the writer: the restart must still finish everything.
stop KILL
start
wait_until 300 has "$N"
sleep 0.5	# a late duplicate would show now
stop
eq "tail exits 0 on SIGTERM" 0 "$st"
qid_set_check "$DB" "$N" "$T/err"
check "rotated files were finished after restarts or rotations" grep -q 'rotated\|finishing' "$T/err"
check "copytruncate was seen" grep -q "copytruncate\|finishing" "$T/err"
grep -v "resuming at" "$T/err" | sed "s/^/# /"
