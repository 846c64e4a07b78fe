#!/bin/sh
# The command line: -h and --help for every command `bouncewatch --help`
# lists, and the time forms --since / --until take (src/when.c), with the
# clock pinned (BOUNCEWATCH_NOW) and TZ=UTC so no figure depends on today.
. "$(dirname "$0")/lib.sh"
export TZ=UTC
DATA="$TOP/tests/e2e/data"

# Every command listed by the top-level help answers -h and --help: exit 0,
# its usage on stdout, nothing on stderr.
cmds=$("$BW" --help | awk '/^commands:/ { f = 1; next } /^$/ { f = 0 } f { print $1 }')
n=$(echo "$cmds" | grep -c .)
check "the top-level help lists the commands ($n)" test "$n" -ge 14
for c in $cmds; do
	for h in -h --help; do
		status "$c $h" 0 "$BW" "$c" $h
		check "$c $h: usage on stdout" grep -qi "usage" "$T/.out"
		check "$c $h: nothing on stderr" test ! -s "$T/.err"
	done
done

# A database of known rows (as report.sh makes it).
mkdir -p "$T/norules"
DB=$T/c.db
"$BW" --db "$DB" --rules "$T/norules" scan - </dev/null >/dev/null 2>&1 &&
	sqlite3 "$DB" "DELETE FROM sources" && sqlite3 "$DB" <"$DATA/fixture.sql"

# 1795348800 is 2026-11-22T12:00:00Z: yesterday is 2026-11-21, today 2026-11-22.
export BOUNCEWATCH_NOW=1795348800
"$BW" --db "$DB" report --since 2026-11-21 --until 2026-11-22 --format json >"$T/iso.json" 2>&1
"$BW" --db "$DB" report --since yesterday --until today --format json >"$T/words.json" 2>&1
eq "report --since yesterday --until today = the ISO dates" "$(cat "$T/iso.json")" "$(cat "$T/words.json")"
"$BW" --db "$DB" report --since @1795219200 --until 2026-11-22T00:00:00Z --format json >"$T/epoch.json" 2>&1
eq "report --since @EPOCH --until ...Z = the ISO dates" "$(cat "$T/iso.json")" "$(cat "$T/epoch.json")"
"$BW" --db "$DB" report --since 2d --format json >"$T/ago.json" 2>&1
"$BW" --db "$DB" report --since -2d --format json >"$T/minus.json" 2>&1
eq "report --since -2d = --since 2d" "$(cat "$T/ago.json")" "$(cat "$T/minus.json")"
check "the window holds rows (the reports compared are not empty)" \
	grep -q '"attempts": 8,' "$T/iso.json"

status "report --since 2026-02-30 (no such day)" 2 "$BW" --db "$DB" report --since 2026-02-30
check "the bad time is named" grep -q "2026-02-30" "$T/.err"
status "report --until 2026-11-22T25:00" 2 "$BW" --db "$DB" report --until 2026-11-22T25:00

status "blocks --since today" 0 "$BW" --db "$DB" blocks --since today
status "blocks --since 2026-11-20T10:00+01:00" 0 "$BW" --db "$DB" blocks --since 2026-11-20T10:00+01:00
status "blocks --since tomorrowish" 2 "$BW" --db "$DB" blocks --since tomorrowish
check "blocks names --since and the value" grep -q -- "--since.*tomorrowish" "$T/.err"

# First contact: a window with nothing in it says where the data is; an empty
# database says how to fill one; a missing database or directory says what to do.
# A month after the fixture's newest row (2026-11-22T09:00:00Z).
status "report over an empty window" 0 env BOUNCEWATCH_NOW=$((BOUNCEWATCH_NOW + 30 * 86400)) "$BW" --db "$DB" report
check "... says the newest delivery and a --since that shows it" \
	grep -q "no delivery in the window; the newest is at 2026-11-22T09:00:00Z: try --since 2026-11-22" "$T/.err"
status "report over a window with rows" 0 env BOUNCEWATCH_NOW=$((BOUNCEWATCH_NOW + 30 * 86400)) "$BW" --db "$DB" report --since 2026-11-22
check "... gives no hint" test ! -s "$T/.err"
"$BW" --db "$T/empty.db" --rules "$T/norules" scan - </dev/null >/dev/null 2>&1
status "report on a database without deliveries" 0 "$BW" --db "$T/empty.db" report
check "... says scan or tail fills it" grep -q "no deliveries yet: .bouncewatch scan LOG" "$T/.err"
status "report on a missing database" 1 "$BW" --db "$T/none.db" report
check "... says scan or tail creates it, names --db and BOUNCEWATCH_DB" \
	grep -q "none.db: No such file or directory (no such database: .bouncewatch scan LOG. (once) or .bouncewatch tail LOG. creates it, or choose another with --db PATH or BOUNCEWATCH_DB)" "$T/.err"
status "scan into a missing directory" 1 "$BW" --db "$T/nodir/x.db" scan - </dev/null
check "... names the directory, --db and BOUNCEWATCH_DB" \
	grep -q "x.db: No such file or directory (the directory $T/nodir does not exist; create it, or choose the database with --db PATH or BOUNCEWATCH_DB)" "$T/.err"
status "blocks with a missing directory (BOUNCEWATCH_DB)" 1 env BOUNCEWATCH_DB="$T/nodir/x.db" "$BW" blocks
check "... says the same" grep -q "$T/nodir does not exist.*BOUNCEWATCH_DB" "$T/.err"

echo "1..$n_test"
finish
