#!/bin/sh
# query_limits: `query` streams json and csv rows as they come, stops at
# --max-rows and --timeout (exit 1, the rows before printed), runs on a
# hardened connection (no fts3_tokenizer pointers, untrusted schema), and a
# read error (a damaged file) exits 1, not 2 (2 is for bad SQL).
. "$(dirname "$0")/lib.sh"
export TZ=UTC
DB=$T/q.db
"$BW" --db "$DB" --rules "$RULES" scan /dev/null >/dev/null 2>&1
INF="WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c"

"$BW" --db "$DB" query --format csv --timeout 1 "$INF" >"$T/inf.csv" 2>"$T/inf.err"
eq "an endless statement stops at --timeout (exit 1)" 1 $?
check "... saying so" grep -q 'stopped after 1 s' "$T/inf.err"
n=$(wc -l <"$T/inf.csv")
check "... and the rows before were streamed out ($n lines)" test "$n" -gt 1000
"$BW" --db "$DB" query --format json --max-rows 5 "$INF" >"$T/five.json" 2>"$T/five.err"
eq "--max-rows 5 on an endless statement: exit 1" 1 $?
check "... a valid JSON array of the first 5 rows" python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert [r["x"] for r in d]==[1,2,3,4,5], d' "$T/five.json"
check "... saying so" grep -q 'stopped after 5 rows' "$T/five.err"
"$BW" --db "$DB" query --format csv --max-rows 5 "SELECT 1 AS a UNION ALL SELECT 2" >"$T/two.csv" 2>&1
eq "--max-rows above the result: exit 0" 0 $?

"$BW" --db "$DB" query --format csv "SELECT hex(fts3_tokenizer('simple')) AS p" >"$T/fts.out" 2>"$T/fts.err"
eq "fts3_tokenizer() hands out no pointer" "" "$(sed -n 2p "$T/fts.out" | tr -d '\r')"
status "bad SQL is a usage error" 2 "$BW" --db "$DB" query "SELEC 1"
status "a refused statement is a usage error" 2 "$BW" --db "$DB" query "DELETE FROM deliveries"

# a damaged file: pages of the deliveries table overwritten
python3 "$TOP/tests/e2e/tail_writer.py" "$T/big.log" 0 3000 --pause 0 >/dev/null 2>&1
"$BW" --db "$T/bad.db" --rules "$RULES" scan "$T/big.log" >/dev/null 2>&1
pages=$(sqlite3 "$T/bad.db" "PRAGMA page_count")
check "the test database has pages to damage ($pages)" test "$pages" -gt 40
dd if=/dev/zero of="$T/bad.db" bs=4096 seek=$((pages / 2)) count=$((pages / 4)) conv=notrunc 2>/dev/null
status "a read error exits 1" 1 "$BW" --db "$T/bad.db" query "SELECT sum(length(reply)), count(*) FROM deliveries"
check "... with SQLite's message" grep -q 'malformed\|corrupt' "$T/.err"
