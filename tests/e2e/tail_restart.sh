#!/bin/sh
# tail_restart: what a restart must find next to the log after a crash
# (cases found by the SIGKILL crash loop, tests/soak/tail_crashloop.sh),
# each set up without timing: exactly the lines written are stored, once.
#   1. A file read whole (rotated twice while stopped: the middle one) whose
#      row was committed but not its lines: tail was SIGKILLed between the
#      two commits. The state such a kill leaves is made here by setting
#      that row back to offset 0 and removing its rows. The next start
#      finished the current file and never looked at the middle one again.
#   2. The log deleted and created again, tail stopped before it opened the
#      new file, which was then rotated away while tail was stopped: the
#      file read last is gone, and the new file (now mail.log.1) was never
#      looked for.
#   5. The log deleted and created again while tail was stopped, the new
#      file on the inode number of the file read last (ext4 gives a deleted
#      file's number to the next file created, at once or, on a busy
#      machine, to a later one): it was said to be that file "truncated
#      while stopped".
. "$(dirname "$0")/lib.sh"
. "$TOP/tests/e2e/tail_env.sh"

# ---- 1. the middle file of two rotations, its lines never committed ---------
mkdir "$T/a"
DB=$T/a.db LOG=$T/a/mail.log
w "$LOG" 0 20
run 20
mv "$LOG" "$LOG.1"
w "$LOG" 20 20
touch -d '-2 min' "$LOG.1"; touch -d '-1 min' "$LOG"
mv "$LOG.1" "$LOG.2"; mv "$LOG" "$LOG.1"
w "$LOG" 40 20
run 60
eq "middle file: read whole" 60 "$(rows)"
mid=$(sqlite3 "$DB" "SELECT id FROM sources WHERE path = '$LOG.1'")
sqlite3 "$DB" "UPDATE sources SET offset = 0 WHERE id = $mid; DELETE FROM deliveries WHERE source_id = $mid"
eq "middle file: the state of a kill between its attach and its lines" 40 "$(rows)"
: >"$T/err"
run 60
qid_set_check "$DB" 60 "$T/err"
check "middle file: said so" grep -q "finishing .*mail.log.1 (left unfinished) from offset 0" "$T/err"
w "$LOG" 60 5
: >"$T/err"
run 65
eq "middle file: a later start reads only the new lines" "65 65" \
	"$(rows) $(sqlite3 "$DB" "SELECT count(DISTINCT queue_id) FROM deliveries")"
check "middle file: not finished again" sh -c "! grep -q 'mail.log.1' '$T/err'"

# ---- 2. deleted and created again, then rotated while stopped ----------------
mkdir "$T/b"
DB=$T/b.db LOG=$T/b/mail.log
w "$LOG" 0 20
run 20
mv "$LOG" "$LOG.1"
w "$LOG" 20 20
run 40
rm "$LOG"
w "$LOG" 40 20	# the new file: tail was stopped before it opened it
mv "$LOG.1" "$LOG.2"; mv "$LOG" "$LOG.1"
touch -d '-1 min' "$LOG.2"
w "$LOG" 60 20
: >"$T/err"
run 80
qid_set_check "$DB" 80 "$T/err"
check "deleted file: the file read last is said to be gone" grep -q "the file read last .* is gone" "$T/err"
check "deleted file: its successor read whole" grep -q "reading .*mail.log.1 whole" "$T/err"

# ---- 3. copytruncate while stopped, the truncated file refilled and rotated --
# The copy is finished under the row of the file truncated in place, whose
# inode the refilled file still has: it was taken for the copy and skipped.
mkdir "$T/c"
DB=$T/c.db LOG=$T/c/mail.log
w "$LOG" 0 20
run 20
w "$LOG" 20 20
cp "$LOG" "$LOG.1"; : >"$LOG"	# copytruncate while stopped
touch -d '-1 min' "$LOG.1"
w "$LOG" 40 20	# the truncated file refilled
mv "$LOG.1" "$LOG.2"; mv "$LOG" "$LOG.1"	# and rotated
w "$LOG" 60 20
: >"$T/err"
run 80
qid_set_check "$DB" 80 "$T/err"
check "refilled file: the copy finished" grep -q "finishing .*mail.log.2 (rotated while stopped) from offset" "$T/err"
check "refilled file: read whole" grep -q "reading .*mail.log.1 whole" "$T/err"

# ---- 4. a file opened empty, filled, then copied and truncated while stopped -
# Its row has no fingerprint (nothing to take it from) and offset 0: the
# copy holds every line and is known by nothing but being newer than the
# row's last checkpoint (it is older than the refilled file itself).
mkdir "$T/d"
DB=$T/d.db LOG=$T/d/mail.log
w "$LOG" 0 20
run 20
mv "$LOG" "$LOG.1"; : >"$LOG"
ino=$(stat -c %i "$LOG")
start
wait_until 60 sh -c "[ \"\$(sqlite3 '$DB' 'SELECT count(*) FROM sources WHERE ino = $ino')\" = 1 ]"
stop
w "$LOG" 20 20	# while stopped
mv "$LOG.1" "$LOG.2"; cp "$LOG" "$LOG.1"; : >"$LOG"	# copytruncate while stopped
w "$LOG" 40 20
: >"$T/err"
run 60
qid_set_check "$DB" 60 "$T/err"
check "empty when opened: the copy read whole" grep -q "reading .*mail.log.1 whole" "$T/err"

# ---- 5. deleted while stopped, a new file on the inode of the file read last --
# Whether this file system reuses the number here, and for which file, is
# not for the test to rely on: the row is given the new file's inode, the
# state such a reuse leaves. With the deleted file's birth time kept (e) the
# birth times tell the files apart; without one (f: a file system that has
# none, or a row from before they were kept) the first bytes do.
for c in e f; do
	mkdir "$T/$c"
	DB=$T/$c.db LOG=$T/$c/mail.log
	w "$LOG" 0 20
	run 20
	rm "$LOG"
	w "$LOG" 20 5	# the new file, shorter than what was read of the old one
	birth=btime; [ $c = f ] && birth=0
	sqlite3 "$DB" "UPDATE sources SET ino = $(stat -c %i "$LOG"), btime = $birth WHERE path = '$LOG'"
	: >"$T/err"
	run 25
	qid_set_check "$DB" 25 "$T/err"
	check "new file on the inode read last ($c): the file read last is said to be gone" \
		grep -q "the file read last .* is gone" "$T/err"
	check "new file on the inode read last ($c): not said to be truncated" \
		sh -c "! grep -q 'truncated while stopped' '$T/err'"
done
