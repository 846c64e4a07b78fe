#!/bin/sh
# tail_diskfull: the database's file system fills up while tail writes.
# The database lives on a small tmpfs of its own (mounted by this test, as
# root); the log grows past what fits. tail must say so, keep the lines
# un-checkpointed, retry with back-off, and once there is room again (the
# tmpfs is grown in place) store every line exactly once. Fails, never
# skips, when the tmpfs cannot be mounted.
. "$(dirname "$0")/lib.sh"
WRITER="python3 $TOP/tests/e2e/tail_writer.py"
MNT=$T/small
tpid=""
at_exit 'for p in $tpid; do kill -KILL $p 2>/dev/null; done; umount "$MNT" 2>/dev/null'
mkdir -p "$MNT" "$T/log"
if ! mount -t tmpfs -o size=1m tmpfs "$MNT" 2>"$T/mount.err"; then
	notok "a 1 MiB tmpfs for the database" "$(cat "$T/mount.err")"
	exit 1
fi
ok "a 1 MiB tmpfs for the database"
DB=$MNT/bw.db LOG=$T/log/mail.log
rows() { sqlite3 "$DB" "SELECT count(*) FROM deliveries" 2>/dev/null || echo 0; }
distinct() { sqlite3 "$DB" "SELECT count(DISTINCT queue_id) FROM deliveries" 2>/dev/null || echo 0; }

"$BW" --db "$DB" --rules "$RULES" tail "$LOG" >"$T/out" 2>"$T/err" &
tpid=$!
$WRITER "$LOG" 0 200 --pause 0
check "first lines stored" wait_until 60 sh -c "[ \$(sqlite3 '$DB' 'SELECT count(*) FROM deliveries') = 200 ]"
# ~6000 rows of a few hundred bytes each do not fit in 1 MiB with the WAL
$WRITER "$LOG" 200 6000 --pause 0
check "disk full: said on stderr" wait_until 60 grep -qi "full" "$T/err"
before=$(rows)
check "disk full: not everything fitted" test "$before" -lt 6200
check "disk full: tail keeps running" kill -0 "$tpid"
# room again: the same mount, grown in place; tail's retry finds it
mount -o remount,size=64m "$MNT"
eq "after the disk has room again: every line stored once" "6200 6200" \
	"$(wait_until 90 sh -c "[ \$(sqlite3 '$DB' 'SELECT count(*) FROM deliveries') = 6200 ]"; echo "$(rows) $(distinct)")"
$WRITER "$LOG" 6200 100 --pause 0
eq "lines appended later stored" 6300 "$(wait_until 60 sh -c "[ \$(sqlite3 '$DB' 'SELECT count(*) FROM deliveries') = 6300 ]"; rows)"
kill -TERM "$tpid"; wait "$tpid"; st=$?; tpid=""
check "summary counts each line once, re-read lines too" grep -q 'tail: 6300 lines read, 6300 deliveries stored' "$T/err"
check "summary counts the failed commits" grep -Eq '\([1-9][0-9]* failed and retried\)' "$T/err"
eq "SIGTERM after a disk-full spell: exit 0" 0 "$st"
eq "checkpoint is at the end of the log" "$(stat -c %s "$LOG")" \
	"$(sqlite3 "$DB" "SELECT offset FROM sources WHERE active = 1")"
