#!/bin/sh
# tail_truncate: a log truncated in place to a size other than 0, below the
# read checkpoint, then written on - while tail was stopped, and while it
# runs. The lines the truncation kept were stored already and must not be
# stored again; the lines written after it must all be stored; the message
# must say what happened (the file is not "gone": same inode).
. "$(dirname "$0")/lib.sh"
. "$TOP/tests/e2e/tail_env.sh"
TAIL_OPTS=""	# the default grace for rotated files
export TZ=UTC
line() { sent_line "$(printf 'A%05X' "$1")"; }	# N
lines() { i=$1; while [ "$i" -le "$2" ]; do line "$i"; i=$((i + 1)); done; }
# rows: the rows and distinct queue ids (tail_env.sh's rows counts rows)
rows() { sqlite3 "$DB" "SELECT count(*) || ' ' || count(DISTINCT queue_id) FROM deliveries" 2>/dev/null || echo 0; }
stored() { [ "$(rows)" = "$1" ]; }
# keep_lines N: truncate the log in place to its first N lines
keep_lines() { truncate -s "$(head -n "$1" "$LOG" | wc -c)" "$LOG"; }

# ---- while stopped ---------------------------------------------------------
DB=$T/a.db LOG=$T/a.log
lines 1 100 >"$LOG"
ino=$(stat -c %i "$LOG")
start; wait_until 60 stored "100 100"; stop
keep_lines 40
lines 101 130 >>"$LOG"
eq "same inode (truncated in place)" "$ino" "$(stat -c %i "$LOG")"
size=$(wc -c <"$LOG")
start; wait_until 60 stored "130 130"; sleep 0.3; stop
eq "while stopped: the kept lines not stored twice, the new ones stored" "130 130" "$(rows)"
check "the message gives the size and the stored position" \
	grep -q "truncated while stopped to $size bytes, below the stored position $(lines 1 100 | wc -c)" "$T/err"
check "... and not that the file is gone" sh -c "! grep -q 'is gone' '$T/err'"
lines 131 140 >>"$LOG"
start; wait_until 60 stored "140 140"; sleep 0.3; stop
eq "lines written later are stored once" "140 140" "$(rows)"

# ---- while running -----------------------------------------------------------
DB=$T/b.db LOG=$T/b.log
lines 1 100 >"$LOG"
start; wait_until 60 stored "100 100"
kill -STOP "$tpid"
keep_lines 40
lines 101 130 >>"$LOG"
kill -CONT "$tpid"
wait_until 60 stored "130 130"; sleep 0.3
eq "while running: the kept lines not stored twice, the new ones stored" "130 130" "$(rows)"
stop
