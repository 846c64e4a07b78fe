#!/bin/sh
# tail_unreadable: after a rotation the new log cannot be opened yet
# (Permission denied) or is not there: tail must keep trying with back-off
# for ever, say so on stderr and in `check`, and read the file once it can.
# tail runs as the unprivileged user nobody (root reads any file), in a
# directory of its own.
. "$(dirname "$0")/lib.sh"
tpid=""
at_exit 'for p in $tpid; do kill -KILL $p 2>/dev/null; done'
export TZ=UTC
chmod 711 "$T"
D=$T/d; mkdir -p "$D"; chmod 777 "$D"
DB=$D/a.db LOG=$D/mail.log
line() { sent_line "$1"; }
# -readonly: root must not create the file before tail (as nobody) does
rows() { sqlite3 -readonly "$DB" "SELECT count(*) FROM deliveries" 2>/dev/null || echo 0; }
has_rows() { [ "$(rows)" = "$1" ]; }

unpriv_bw || { notok "a copy of bouncewatch others can run"; exit 1; }
line A0001 >"$LOG"; chmod 644 "$LOG"
# setpriv execs bouncewatch: $! is tail's own pid
setpriv --reuid=65534 --regid=65534 --clear-groups "$UBW" --db "$DB" --rules "$URULES" tail --grace 0.2 "$LOG" >"$T/out" 2>"$T/err" &
tpid=$!
wait_until 60 has_rows 1
eq "the first line is stored" 1 "$(rows)"

# rotation: the new file is created readable by root only
mv "$LOG" "$LOG.1"
(umask 077; line B0001 >"$LOG"; line B0002 >>"$LOG")
said() { grep -q "$1" "$T/err"; }
wait_until 60 said "not reading $LOG since"
check "tail says it is not reading the file, and why" grep -q "not reading $LOG since .*Permission denied" "$T/err"
check "tail keeps running" kill -0 "$tpid"
st=0; "$BW" --db "$DB" check >"$T/check" 2>&1 || st=$?
eq "check: UNKNOWN while the log cannot be read" 3 "$st"
check "check names the file and since when" grep -q "not reading $LOG since" "$T/check"
sleep 1.5
chmod 644 "$LOG"
wait_until 60 has_rows 3
eq "once readable, its lines are read (no restart)" 3 "$(rows)"
check "tail said it reads it again" grep -q "$LOG: readable again" "$T/err"
st=0; "$BW" --db "$DB" check >"$T/check" 2>&1 || st=$?
check "check no longer complains" sh -c "! grep -q 'not reading' '$T/check'"

# a second rotation where the new file is missing for a while, then appears
# under a name the watcher does not expect to be created (a hard link)
mv "$LOG" "$LOG.2"
line C0001 >"$D/staged"; chmod 644 "$D/staged"
sleep 0.5
ln "$D/staged" "$LOG"
wait_until 60 has_rows 4
eq "a file that appears later is read" 4 "$(rows)"
kill -TERM "$tpid"; wait "$tpid"; eq "tail exits 0" 0 $?; tpid=""
eq "every line once" "4 4" "$(sqlite3 -readonly "$DB" "SELECT count(*) || ' ' || count(DISTINCT queue_id) FROM deliveries")"
