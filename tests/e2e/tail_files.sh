#!/bin/sh
# tail_files: what tail is given or left with is not what it expects - a FIFO
# as the log, the database deleted under it, the database path a symbolic
# link (dangling or not). Each ends with a clear message and an exit status
# a service manager acts on; nothing stored is lost.
. "$(dirname "$0")/lib.sh"
tpid=""
at_exit 'for p in $tpid; do kill -KILL $p 2>/dev/null; done'
export TZ=UTC
line() { sent_line "$1"; }
rows() { sqlite3 "$1" "SELECT count(*) FROM deliveries" 2>/dev/null || echo 0; }
has_rows() { [ "$(rows "$1")" = "$2" ]; }
exited() { ! kill -0 "$1" 2>/dev/null; }

# ---- a FIFO as the log: refused with exit 2, pointing to stdin -------------
mkfifo "$T/fifo"
status "tail on a FIFO is refused" 2 timeout 10 "$BW" --db "$T/f.db" --rules "$RULES" tail "$T/fifo"
check "... and the message points to stdin" grep -q 'not a regular file.*tail - <' "$T/.err"
# the documented way: the FIFO on stdin; lines arrive as written, not in 128 KiB blocks
"$BW" --db "$T/f.db" --rules "$RULES" tail - <"$T/fifo" >"$T/fout" 2>"$T/ferr" &
tpid=$!
exec 7>"$T/fifo"
line F0001 >&7
wait_until 60 has_rows "$T/f.db" 1
eq "a line written to the FIFO is stored while the writer stays" 1 "$(rows "$T/f.db")"
line F0002 >&7
exec 7>&-
wait "$tpid"; eq "the end of the FIFO's writer ends tail (exit 0)" 0 $?; tpid=""
eq "both lines stored" 2 "$(rows "$T/f.db")"

# ---- the database deleted under a running tail -----------------------------
DB=$T/d.db LOG=$T/d.log
line D0001 >"$LOG"
"$BW" --db "$DB" --rules "$RULES" tail "$LOG" >"$T/out" 2>"$T/err" &
tpid=$!
wait_until 60 has_rows "$DB" 1
rm -f "$DB"
line D0002 >>"$LOG"
wait_until 60 exited "$tpid"
check "tail notices the deleted database and stops" exited "$tpid"
exited "$tpid" || kill -KILL "$tpid"
wait "$tpid"; eq "... with exit 1 (the service restarts)" 1 $?; tpid=""
check "... saying why" grep -q 'database file was deleted' "$T/err"
"$BW" --db "$DB" --rules "$RULES" tail "$LOG" >"$T/out" 2>"$T/err" &
tpid=$!
wait_until 60 has_rows "$DB" 2
kill -TERM "$tpid"; wait "$tpid"; tpid=""
eq "restarted on a new database: every line of the log stored" 2 "$(rows "$DB")"

# ---- the database path a symbolic link -------------------------------------
mkdir -p "$T/elsewhere"
ln -s "$T/elsewhere/target.db" "$T/dangling.db"
status "a dangling symbolic link as --db is refused" 1 "$BW" --db "$T/dangling.db" --rules "$RULES" scan "$LOG"
check "... the link's target was not created" test ! -e "$T/elsewhere/target.db"
check "... saying why" grep -q 'symbolic link' "$T/.err"
ln -s "$DB" "$T/link.db"
status "a symbolic link to a database is refused for reading too" 1 "$BW" --db "$T/link.db" query "SELECT 1"
