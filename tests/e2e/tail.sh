#!/bin/sh
# tail: following a live log with the real binary, real files and a real
# SQLite file: each rotation style (at run time and while stopped), a file
# created after start, a symbolic link, stdin, partial and over-long lines,
# SIGTERM, SIGHUP (good and bad rules), a reader holding a read transaction,
# a database locked by another writer, --poll, and an alert fired by tail.
# Every wait is a bounded polling loop on a condition.
. "$(dirname "$0")/lib.sh"
WRITER="python3 $TOP/tests/e2e/tail_writer.py"
tpid=""
at_exit 'for p in $tpid; do kill -KILL $p 2>/dev/null; done'

# start DB PATH... [OPTIONS]: tail in the background (pid in $tpid)
start() {
	db=$1; shift
	"$BW" --db "$db" --rules "${RULESDIR:-$RULES}" tail --grace "${GRACE:-1}" "$@" >"$T/out" 2>"$T/err" &
	tpid=$!
}
stop() { kill -TERM "$tpid" 2>/dev/null; wait "$tpid"; st=$?; tpid=""; return $st; }
rows() { sqlite3 "$1" "SELECT count(*) FROM deliveries" 2>/dev/null || echo 0; }
distinct() { sqlite3 "$1" "SELECT count(DISTINCT queue_id) FROM deliveries" 2>/dev/null || echo 0; }
# wait_rows DB N [TENTHS]: until the database holds N rows (default 10 s)
wait_rows() { i=0; while [ "$(rows "$1")" != "$2" ] && [ $i -lt "${3:-100}" ]; do sleep 0.1; i=$((i + 1)); done; rows "$1"; }
# wait_grep PATTERN FILE [TENTHS]
wait_grep() { i=0; while ! grep -q "$1" "$2" 2>/dev/null && [ $i -lt "${3:-100}" ]; do sleep 0.1; i=$((i + 1)); done; grep -q "$1" "$2"; }
w() { $WRITER "$@" --pause 0; }

# ---- start on an existing file; lines appended later ---------------------
DB=$T/a.db LOG=$T/a/mail.log
mkdir -p "$T/a"
w "$LOG" 0 100
# A grace period of 5 s: the late writer below must reach the renamed file
# within it even on a loaded machine (the closing check waits past it).
GRACE=5 start "$DB" "$LOG"
eq "existing lines stored" 100 "$(wait_rows "$DB" 100)"
w "$LOG" 100 50
eq "appended lines stored" 150 "$(wait_rows "$DB" 150)"

# ---- rename + create, the logger writing late lines to the old file ------
# The lines a logger writes to the renamed file even later (within the grace
# period, once tail reads the new file) are made now and appended at once
# below: starting the writer there took longer than the grace period on a
# loaded machine (the renamed file closed first, its late lines unread).
w "$T/later.log" 200 10
w "$LOG" 150 50 --rotate 150:rename --late 30
got="$(wait_rows "$DB" 200) $(distinct "$DB")"
cat "$T/later.log" >>"$LOG.1"
eq "rename + create: every line once" "200 200" "$got"
check "rename + create: said so" grep -q 'rotated; reading the old file to its end' "$T/err"
eq "late line in the renamed file read" 210 "$(wait_rows "$DB" 210)"
# open_fds PATTERN: how many of tail's descriptors name a file matching PATTERN
open_fds() { ls -l "/proc/$tpid/fd" 2>/dev/null | grep -c "$1"; }
i=0; while [ "$(open_fds 'mail.log.1$')" != 0 ] && [ $i -lt 150 ]; do sleep 0.1; i=$((i + 1)); done
eq "the renamed file is closed after the grace period (5 s)" 0 "$(open_fds 'mail.log.1$')"

# ---- delete + recreate ----------------------------------------------------
w "$LOG" 210 20 --rotate 210:delete
eq "delete + recreate: every line once" "230 230" "$(wait_rows "$DB" 230) $(distinct "$DB")"

# ---- copytruncate at run time, with lines tail had not read yet ----------
kill -STOP "$tpid"
w "$LOG" 230 40
w "$LOG" 270 30 --rotate 270:copytruncate
kill -CONT "$tpid"
eq "copytruncate: the copy finished, the new content read, once" "300 300" \
	"$(wait_rows "$DB" 300) $(distinct "$DB")"
check "copytruncate: finishing its copy" grep -q 'copytruncate); finishing its copy' "$T/err"

# ---- partial and over-long lines -----------------------------------------
w "$LOG" 300 1 >/dev/null
python3 - "$LOG" 301 <<'PY'
import sys
# half a line now, the rest later
sys.stdout = open(sys.argv[1], "a")
print("2026-11-28T02:40:00.000001+00:00 mx1 postfix/smtp[77]: 1A000000200: to=<half@example.org>, relay=mx.example.org[192.0.2.25]:25, ", end="")
PY
eq "complete line stored, partial held" 301 "$(wait_rows "$DB" 301)"
printf 'delay=0.52, delays=0.1/0.01/0.2/0.21, dsn=2.0.0, status=sent (250 2.0.0 Ok)\n' >>"$LOG"
eq "partial line stored once complete" 302 "$(wait_rows "$DB" 302)"
python3 -c 'import sys; open(sys.argv[1], "a").write("2026-11-28T02:40:00+00:00 mx1 postfix/smtp[1]: " + "x" * 20000 + "\n")' "$LOG"
w "$LOG" 302 1
eq "line after an over-long line stored" 303 "$(wait_rows "$DB" 303)"
stop
eq "SIGTERM: exit 0" 0 $?
check "over-long line counted" grep -q '1 lines cut at 16384 bytes' "$T/err"

# ---- SIGTERM commits what was read ---------------------------------------
start "$DB" "$LOG" --batch-ms 600000 --batch-lines 1000000
w "$LOG" 303 7
sleep 0.3
eq "big batch: nothing committed yet" 303 "$(rows "$DB")"
stop
eq "SIGTERM with pending lines: exit 0" 0 $?
eq "SIGTERM: pending lines committed" 310 "$(rows "$DB")"

# ---- rotation while stopped: rename (dateext name) --------------------------
w "$LOG" 310 20
mv "$LOG" "$LOG-20261128"
w "$LOG" 330 20
start "$DB" "$LOG"
eq "renamed while stopped: old file finished, new one read" "350 350" "$(wait_rows "$DB" 350) $(distinct "$DB")"
check "renamed while stopped: said so" grep -q "finishing .*mail.log-20261128 (rotated while stopped)" "$T/err"
stop

# ---- copytruncate while stopped --------------------------------------------
w "$LOG" 350 20
w "$LOG" 370 20 --rotate 370:copytruncate
start "$DB" "$LOG"
eq "copytruncate while stopped: copy finished, new content read" "390 390" "$(wait_rows "$DB" 390) $(distinct "$DB")"
stop

# ---- rotated twice while stopped: the file in between is read whole ---------
w "$LOG" 390 20
mv "$LOG" "$LOG.1"
w "$LOG" 410 20
touch -d '-2 min' "$LOG.1"; touch -d '-1 min' "$LOG"
mv "$LOG.1" "$LOG.2"; mv "$LOG" "$LOG.1"
w "$LOG" 430 20
start "$DB" "$LOG"
eq "rotated twice while stopped: remembered, middle and new file read" "450 450" \
	"$(wait_rows "$DB" 450) $(distinct "$DB")"
check "rotated twice while stopped: said so" grep -q "reading .*mail.log.1 whole" "$T/err"
stop

# ---- a file created after start; a symbolic link ---------------------------
DB=$T/b.db
mkdir -p "$T/b"
start "$DB" "$T/b/later.log"
check "missing file: waited for" wait_grep 'does not exist yet' "$T/err"
w "$T/b/later.log" 0 5
eq "file created after start read" 5 "$(wait_rows "$DB" 5)"
stop
mkdir -p "$T/c"
w "$T/c/real.log" 100 5
ln -s "$T/c/real.log" "$T/b/link.log"
start "$DB" "$T/b/link.log"
eq "symbolic link followed" 10 "$(wait_rows "$DB" 10)"
w "$T/c/real.log" 105 5
eq "symbolic link: appended lines read" 15 "$(wait_rows "$DB" 15)"
stop

# ---- stdin -------------------------------------------------------------------
DB=$T/s.db
w "$T/in.log" 0 20
"$BW" --db "$DB" --rules "$RULES" tail - <"$T/in.log" 2>"$T/err"
eq "stdin to its end: exit 0" 0 $?
eq "stdin: rows stored" 20 "$(rows "$DB")"
mkfifo "$T/fifo"
"$BW" --db "$DB" --rules "$RULES" tail - <"$T/fifo" 2>"$T/err" &
tpid=$!
exec 3>"$T/fifo"
sed -n 1,5p "$T/in.log" | sed 's/1A0/2B0/' >&3
eq "stdin: a line is committed while the pipe stays open" 25 "$(wait_rows "$DB" 25)"
exec 3>&-
wait "$tpid"
eq "stdin: exit 0 when the pipe closes" 0 $?
tpid=""
status "stdin together with a file is refused" 2 "$BW" --db "$DB" --rules "$RULES" tail - "$T/in.log"

# ---- SIGHUP: good rules, then bad rules --------------------------------------
DB=$T/h.db LOG=$T/h/mail.log
mkdir -p "$T/h"
cp -r "$RULES" "$T/rules"
RULESDIR=$T/rules
marker() { # QUEUEID: a bounce with a reply no shipped rule knows
	printf '%s mx1 postfix/smtp[99]: %s: to=<m@marker.example>, relay=mx.marker.example[192.0.2.80]:25, delay=1, delays=0.1/0/0.4/0.5, dsn=5.7.1, status=bounced (host mx.marker.example[192.0.2.80] said: 550 5.7.1 Zebra policy refusal 4711 (in reply to RCPT TO command))\n' \
		"$(date -u +%Y-%m-%dT%H:%M:%S+00:00)" "$1" >>"$LOG"
}
rule_of() { sqlite3 "$DB" "SELECT coalesce(rule_id, '') FROM deliveries WHERE queue_id = '$1'"; }
: >"$LOG"
start "$DB" "$LOG"
marker 3C0000000A1
wait_rows "$DB" 1 >/dev/null
check "before SIGHUP: the marker rule is unknown" sh -c "[ \"\$(sqlite3 '$DB' \"SELECT coalesce(rule_id,'') FROM deliveries\")\" != test-zebra ]"
cat >"$T/rules/zebra.rules" <<'R'
# A test rule (not a real provider's wording).
[test-zebra]
provider = generic
category = content
priority = 100
block    = no
match    = ^550 5\.7\.1 Zebra policy refusal
advice   = none
description = test rule
example  = 550 5.7.1 Zebra policy refusal 4711
R
kill -HUP "$tpid"
check "SIGHUP: rules reloaded" wait_grep 'rules reloaded' "$T/err"
marker 3C0000000A2
wait_rows "$DB" 2 >/dev/null
eq "after SIGHUP: the new rule classifies" test-zebra "$(rule_of 3C0000000A2)"
printf '[broken]\nprovider = generic\ncategory = policy\nmatch = ^550 (unclosed\n' >"$T/rules/broken.rules"
kill -HUP "$tpid"
check "bad rules: the error is logged, old rules kept" wait_grep 'keeping the' "$T/err"
marker 3C0000000A3
wait_rows "$DB" 3 >/dev/null
eq "bad rules: the old rules still classify" test-zebra "$(rule_of 3C0000000A3)"
check "tail still running after a bad reload" kill -0 "$tpid"
stop
RULESDIR=""

# ---- a reader holding a read transaction; a writer holding the lock ----------
DB=$T/r.db LOG=$T/r/mail.log
mkdir -p "$T/r"
w "$LOG" 0 10
start "$DB" "$LOG"
wait_rows "$DB" 10 >/dev/null
# The reader keeps its transaction until the test removes $T/hold (not for a
# fixed time: on a loaded machine the rows below may take seconds).
: >"$T/hold"
{ echo "BEGIN;"; echo "SELECT count(*) FROM deliveries;"
  while [ -e "$T/hold" ]; do sleep 0.05; done; echo "SELECT count(*) FROM deliveries;"; echo "COMMIT;"; } |
	sqlite3 "$DB" >"$T/reader" &
rpid=$!
check "a reader is in its read transaction" wait_grep '^10$' "$T/reader" 300
w "$LOG" 10 10
eq "rows committed while a reader holds a read transaction" 20 "$(wait_rows "$DB" 20 300)"
check "the reader is still in its transaction" kill -0 "$rpid"
rm -f "$T/hold"
wait "$rpid"
eq "the reader saw its snapshot to the end of its transaction" "10 10" "$(tr '\n' ' ' <"$T/reader" | sed 's/ $//')"
# Another writer holds the write lock longer than the busy timeout (10 s):
# tail says so, keeps the lines un-checkpointed and stores them once later.
# The other writer waits for the lock as long as it must (tail may hold it
# for a moment: a commit or a checkpoint) and says when it has it; only then
# is tail stopped and the lines written, so tail's first write attempt starts
# right after SIGCONT, well inside the lock, however loaded the machine.
# The lock is held until tail has said so ($T/lock removed by the test), not
# for a fixed time that a loaded machine could outlast.
: >"$T/lock"
{ echo ".timeout 60000"; echo "BEGIN IMMEDIATE;"; echo "SELECT 'holding';"
  while [ -e "$T/lock" ]; do sleep 0.05; done; echo "COMMIT;"; } |
	sqlite3 "$DB" >"$T/locker" 2>&1 &
lpid=$!
check "another writer holds the write lock" wait_grep holding "$T/locker" 300
kill -STOP "$tpid"
w "$LOG" 20 10
kill -CONT "$tpid"
check "database locked: said on stderr" wait_grep 'not checkpointed' "$T/err" 600
eq "database locked: nothing stored while locked" 20 "$(rows "$DB")"
rm -f "$T/lock"
wait "$lpid"
eq "database locked: lines stored once after the retry" "30 30" "$(wait_rows "$DB" 30 250) $(distinct "$DB")"
check "database locked: recovery said" wait_grep 'writable again' "$T/err" 50
stop

# ---- --poll -------------------------------------------------------------------
DB=$T/p.db LOG=$T/p/mail.log
mkdir -p "$T/p"
w "$LOG" 0 10
start "$DB" "$LOG" --poll 0.2
eq "--poll: existing lines" 10 "$(wait_rows "$DB" 10)"
w "$LOG" 10 10
eq "--poll: appended lines" 20 "$(wait_rows "$DB" 20)"
w "$LOG" 20 10 --rotate 20:rename --late 5
eq "--poll: rename + create" "30 30" "$(wait_rows "$DB" 30) $(distinct "$DB")"
stop

# ---- alerts fire from tail ---------------------------------------------------------
DB=$T/al.db LOG=$T/al/mail.log
mkdir -p "$T/al"
cat >"$T/alert.sh" <<A
#!/bin/sh
cat >"$T/alert.json"
A
chmod 755 "$T/alert.sh"
: >"$LOG"
start "$DB" "$LOG" --alert-exec "$T/alert.sh"
wait_grep 'resuming\|tail' /dev/null 5 || true
printf '%s mx1 postfix/smtp[2211]: 4F9D1C2A3B: to=<alice@hotmail.com>, relay=hotmail-com.olc.protection.outlook.com[52.101.8.44]:25, delay=1.2, delays=0.1/0/0.6/0.5, dsn=5.7.1, status=bounced (host hotmail-com.olc.protection.outlook.com[52.101.8.44] said: 550 5.7.1 Unfortunately, messages from [203.0.113.7] weren'"'"'t sent. Please contact your Internet service provider since part of their network is on our block list (S3140). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors. (in reply to RCPT TO command))\n' \
	"$(date -u +%Y-%m-%dT%H:%M:%S+00:00)" >>"$LOG"
check "S3140 appended: the alert program ran within 2 s" sh -c "i=0; while [ ! -s '$T/alert.json' ] && [ \$i -lt 20 ]; do sleep 0.1; i=\$((i+1)); done; grep -q '\"provider\": *\"microsoft\"' '$T/alert.json'"
stop
