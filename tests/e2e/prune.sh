#!/bin/sh
# prune: deleting old delivery rows and giving the space back, with the real
# binary on a real SQLite file: exact counts by the pinned clock, episodes
# kept, idempotence, a file made with auto_vacuum off (one full VACUUM), and
# usage errors.
. "$(dirname "$0")/lib.sh"
export TZ=UTC
DB=$T/p.db
LOG=$T/mail.log
NOW=1795910400	# 2026-11-29T00:00:00Z
# 10 days (2026-11-19 .. 2026-11-28) of 2000 deliveries each, 10 a day refused by Outlook.com.
awk -v first=19 -v last=28 -v per=2000 -v block_every=200 -f "$TOP/tests/e2e/data/days.awk" >"$LOG"
bw() { BOUNCEWATCH_NOW=$NOW "$BW" --db "$DB" --rules "$RULES" "$@"; }
q() { sql "$DB" "$1"; }
status "scan 20,000 deliveries" 0 bw scan "$LOG"
eq "all stored" 20000 "$(q "SELECT count(*) FROM deliveries")"
eq "a new database vacuums incrementally" 2 "$(q "PRAGMA auto_vacuum")"
episodes=$(q "SELECT count(*) FROM episodes")
size0=$(stat -c %s "$DB")

status "prune --older-than 5d" 0 bw prune --older-than 5d
# the cut is 2026-11-24T00:00Z: the 5 days 19..23 go
eq "the rows older than the cut are gone, the rest kept" "10000 0" \
	"$(q "SELECT count(*) FROM deliveries") $(q "SELECT count(*) FROM deliveries WHERE ts < $NOW - 5 * 86400")"
eq "episodes kept" "$episodes" "$(q "SELECT count(*) FROM episodes")"
check "said what it did" grep -q "prune: 10000 deliveries older than 2026-11-24T00:00:00Z deleted in 1 batch; file .* (incremental vacuum)" "$T/.out"
size1=$(stat -c %s "$DB")
check "the file shrank ($size0 -> $size1 bytes)" test "$size1" -lt $((size0 * 3 / 4))
status "prune again" 0 bw prune --older-than 5d --batch 100
check "... deletes nothing" grep -q "prune: 0 deliveries" "$T/.out"

# A file made with auto_vacuum off (as before this version): the free pages
# stay inside until one full VACUUM, which also switches it to incremental.
sqlite3 "$DB" "PRAGMA auto_vacuum = NONE; VACUUM;"
status "prune --batch 1000 on a file without incremental vacuum" 0 bw prune --older-than 3d --batch 1000
check "... in 4 batches, and says --vacuum would give the space back" \
	sh -c "grep -q 'deleted in 4 batches' '$T/.out' && grep -q 'free inside the file; --vacuum' '$T/.out'"
size2=$(stat -c %s "$DB")
status "prune --vacuum" 0 bw prune --older-than 3d --vacuum
check "... full vacuum" grep -q "(full vacuum)" "$T/.out"
eq "... now incremental" 2 "$(q "PRAGMA auto_vacuum")"
check "... the file shrank" test "$(stat -c %s "$DB")" -lt "$size2"
eq "6000 rows left (the last 3 days)" 6000 "$(q "SELECT count(*) FROM deliveries")"
status "report still runs" 0 bw report --since 2026-11-20 --until 2026-11-29 --by totals

status "no --older-than (exit 2)" 2 bw prune
status "a bad duration (exit 2)" 2 bw prune --older-than soon
status "a bad batch (exit 2)" 2 bw prune --older-than 5d --batch 0
status "a missing database directory (exit 1)" 1 "$BW" --db "$T/nodir/x.db" prune --older-than 5d
