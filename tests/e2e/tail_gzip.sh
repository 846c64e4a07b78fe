#!/bin/sh
# tail_gzip: the log rotated and compressed while tail was stopped
# (logrotate's compress without delaycompress: mail.log.1.gz), the lines
# written after tail's last read inside the .gz. Undamaged: tail finishes
# it from the stored offset, then reads the live log, without a word about
# gzip. Damaged (the .gz cut short, as by a full disk): tail keeps the
# complete lines before the damage, warns naming the file and what is
# wrong, counts a possible gap, and goes on following the live log. The
# .gz on the inode number of the file it was made from (a copy written after
# that file was deleted: the cut copy here, on a busy machine) is the same
# copy: it was taken for the file itself, compressed in place, and skipped.
. "$(dirname "$0")/lib.sh"
. "$TOP/tests/e2e/tail_env.sh"
# qids FROM COUNT ...: the writer's queue ids of each range, sorted
qids() { python3 -c 'import sys
a = sys.argv[1:]
for k in range(0, len(a), 2):
    for i in range(int(a[k]), int(a[k]) + int(a[k + 1])):
        print("%011X" % (0x1A000000000 + i))' "$@" | sort; }
stored() { sqlite3 "$DB" "SELECT queue_id FROM deliveries" | sort; }

# before DIR: 1000 lines read and committed by tail, 2000 more written
# while it is stopped, then the log rotated and compressed, and a new log.
before() {
	mkdir "$T/$1"; DB=$T/$1.db LOG=$T/$1/mail.log
	w "$LOG" 0 1000
	start; check "$1: the first 1000 lines read" wait_until 120 has 1000; stop
	w "$LOG" 1000 2000
	mv "$LOG" "$LOG.1" && gzip -9 "$LOG.1"
	w "$LOG" 3000 10
}

# ---- an undamaged .gz ----------------------------------------------------------
before good
: >"$T/err"
start
check "undamaged: the .gz finished, then the live log" wait_until 120 has 3010
qids 0 3010 >"$T/want"; stored >"$T/got"
check "undamaged: every line once" cmp -s "$T/want" "$T/got"
check "undamaged: finished from the stored offset" grep -q "finishing .*mail.log.1.gz (rotated while stopped) from offset" "$T/err"
check "undamaged: nothing said about gzip" sh -c "! grep -q gzip '$T/err'"
stop

# ---- the same, the .gz cut at two thirds ------------------------------------------
before cut
gz=$LOG.1.gz
size=$(wc -c <"$gz")
head -c $((size * 2 / 3)) "$gz" >"$T/cut.gz" && mv "$T/cut.gz" "$gz"
# the complete lines the cut copy still holds: lines 0 .. kept-1
kept=$(gzip -dc "$gz" 2>/dev/null | wc -l)
check "cut: the damage is past the stored offset ($kept lines before it)" test "$kept" -gt 1000 -a "$kept" -lt 3000
: >"$T/err"
start
check "cut: the lines before the damage and the live log stored" wait_until 120 has $((kept + 10))
check "cut: warns, naming the file and the damage" \
	grep -q "warning: $gz: the gzip data ends early (a truncated file?); lines after it are lost" "$T/err"
w "$LOG" 3010 5
check "cut: still follows the live log" wait_until 120 has $((kept + 15))
stop; eq "cut: tail exits 0 on SIGTERM" 0 "$st"
qids 0 "$kept" 3000 15 >"$T/want"; stored >"$T/got"
check "cut: exactly the lines before the damage and the live log's, once" cmp -s "$T/want" "$T/got"
check "cut: counted as a possible gap" grep -q " 1 possible gaps" "$T/err"
eq "cut: said once" 1 "$(grep -c 'gzip data ends early' "$T/err")"

# ---- the .gz on the inode number of the file it was made from -----------------
# Which number a file system gives the copy is not for the test to rely on:
# the row is given the .gz's inode, the state such a reuse leaves.
before reused
sqlite3 "$DB" "UPDATE sources SET ino = $(stat -c %i "$LOG.1.gz") WHERE path = '$LOG'"
: >"$T/err"
start
check "reused inode: the .gz finished, then the live log" wait_until 120 has 3010
qids 0 3010 >"$T/want"; stored >"$T/got"
check "reused inode: every line once" cmp -s "$T/want" "$T/got"
check "reused inode: finished from the stored offset" \
	grep -q "finishing .*mail.log.1.gz (rotated while stopped) from offset" "$T/err"
check "reused inode: no gap said" sh -c "! grep -q 'is gone' '$T/err'"
stop
finish
