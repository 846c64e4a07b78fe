#!/bin/sh
# tail_crashloop (make soak, not part of make test): exactly once through
# 100 SIGKILLs. `tail` is started,
# killed with SIGKILL at a random moment (20-300 ms after its start, so
# also while it opens the database or reads) and started again, 100 times
# (CRASHLOOP_KILLS), while tail_writer.py appends Postfix delivery lines
# (unique queue ids) in segments. Every tenth round rotates the log in one
# of five ways: rename + create while tail runs (with late lines written to
# the renamed file), copytruncate while it runs, delete + recreate while it
# runs (after it has read everything: deleted unread lines are gone by
# nature), rename while stopped, copytruncate while stopped, and two
# renames while stopped; a rotation while stopped leaves unread lines in
# the rotated file. At the end the database holds every line written
# exactly once (count, the set of queue ids) and passes
# PRAGMA integrity_check. The random sequence is seeded (CRASHLOOP_SEED,
# printed) so a failure can be replayed.
. "$(dirname "$0")/../e2e/lib.sh"
KILLS=${CRASHLOOP_KILLS:-100}
SEG=${CRASHLOOP_SEGMENT:-120}
SEED=${CRASHLOOP_SEED:-$$}
LOG=$T/mail.log
DB=$T/loop.db
WRITER="python3 $TOP/tests/e2e/tail_writer.py"
echo "# seed $SEED, $KILLS kills, $SEG lines per round"

tpid= wpid=
start_tail() {
	"$BW" --db "$DB" --rules "$RULES" tail "$LOG" >>"$T/tail.out" 2>>"$T/tail.err" &
	tpid=$!
}
kill_tail() { kill -KILL "$tpid" 2>/dev/null; wait "$tpid" 2>/dev/null; tpid=; }
at_exit 'kill -KILL $tpid $wpid 2>/dev/null'
rows() { sqlite3 "$DB" "SELECT count(*) FROM deliveries" 2>/dev/null || echo 0; }
# waits (at most 120 s) until tail has stored every line written so far;
# fails when it has not (lines deleted unread would be lost by nature)
caught_up() {
	_i=0; while [ "$(rows)" -lt "$w" ] && [ $_i -lt 1200 ]; do sleep 0.1; _i=$((_i + 1)); done
	[ "$(rows)" -ge "$w" ] || { late=$((late + 1)); echo "# round $r: tail had not caught up after 120 s ($(rows) of $w)"; }
}
# shift LOG.N -> LOG.N+1 like logrotate (rename keeps inodes)
shift_rotated() {
	n=1; while [ -e "$LOG.$n" ]; do n=$((n + 1)); done
	while [ $n -gt 1 ]; do mv "$LOG.$((n - 1))" "$LOG.$n"; n=$((n - 1)); done
}
# random milliseconds in [lo, hi) for round r
rnd() { awk -v s="$SEED" -v r="$1" -v lo="$2" -v hi="$3" 'BEGIN { srand(s * 1000 + r); printf "%.3f", (lo + rand() * (hi - lo)) / 1000 }'; }

# tail must know the log before it is first rotated: a file rotated away
# before tail ever recorded it is not looked for
late=0 r=0
$WRITER "$LOG" 0 "$SEG" --chunk 15 --pause 0
w=$SEG
start_tail
caught_up
kill_tail
kills=0 rot=0
while [ $r -lt "$KILLS" ]; do
	r=$((r + 1))
	kind=
	case $((r % 10)) in
	1) kind=rename ;;
	3) kind=copytruncate ;;
	5) kind=delete ;;
	esac
	start_tail
	if [ "$kind" = delete ]; then
		caught_up	# lines deleted before tail read them would be gone by nature
		sleep 0.2	# and the commit of the last batch is in
	fi
	# the writer appends this round's segment, rotating at its start
	$WRITER "$LOG" "$w" "$SEG" --chunk 15 --pause 0.002 --late 5 \
		${kind:+--rotate "$w:$kind"} &
	wpid=$!
	w=$((w + SEG))
	[ -n "$kind" ] && rot=$((rot + 1))
	sleep "$(rnd "$r" 20 300)"
	kill_tail
	kills=$((kills + 1))
	wait "$wpid"
	wpid=
	case $((r % 10)) in
	7) shift_rotated; mv "$LOG" "$LOG.1"; : >"$LOG"; rot=$((rot + 1)) ;;
	9) shift_rotated; cp "$LOG" "$LOG.1"; : >"$LOG"; rot=$((rot + 1)) ;;
	0)	shift_rotated; mv "$LOG" "$LOG.1"
		$WRITER "$LOG" "$w" 30 --chunk 15 --pause 0 && w=$((w + 30))
		shift_rotated; mv "$LOG" "$LOG.1"; : >"$LOG"; rot=$((rot + 2)) ;;
	esac
done
eq "tail was SIGKILLed $KILLS times" "$KILLS" "$kills"
eq "tail caught up before every delete" 0 "$late"
# the last restart finishes everything
start_tail
caught_up
sleep 0.5	# a late duplicate would show now
kill -TERM "$tpid"
wait "$tpid"
eq "tail exits 0 on SIGTERM after the last restart" 0 $?
tpid=
echo "# $w lines written, $rot rotations, $(ls "$LOG".* | wc -l) rotated files"
qid_set_check "$DB" "$w" "$T/tail.err"
eq "PRAGMA integrity_check" ok "$(sqlite3 "$DB" "PRAGMA integrity_check")"
