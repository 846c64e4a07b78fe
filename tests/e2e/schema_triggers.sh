#!/bin/sh
# schema_triggers (schema/054_schema_parse.sql): the shorter rollup triggers
# keep the rollups exactly as 030's triggers kept them for rows written by
# something else than bouncewatch (sqlite3: inserted with rolled = 0,
# changed, moved, replaced, upserted, deleted); a database upgraded from
# version 42 ends with the schema a new one has; the file stays sound.
. "$(dirname "$0")/lib.sh"
export TZ=UTC

NEW=$T/new.db OLD=$T/old.db CF=$T/cf.db
status "scan the samples" 0 "$BW" --db "$NEW" --rules "$RULES" scan "$TOP"/samples/*.log
cp "$NEW" "$CF"
eq "schema version 54 or later" 1 "$(sql "$NEW" "SELECT user_version >= 54 FROM pragma_user_version")"

# The same file with the triggers of 030, 031 and 042 (their text in
# schema/), as a version 42 database had them.
cp "$NEW" "$OLD"
# 030's bucket sizes are those of today (schema 055 changed them).
SPANS=$(grep -ho "json_each('\[900,3600,[0-9,]*\]')" "$TOP"/schema/*.sql | tail -n 1)
eq "the bucket sizes found in schema/" 1 "$(printf '%s\n' "$SPANS" | grep -c 86400)"
{
	sed -n '/^CREATE VIEW rollup_feed/,$p' "$TOP/schema/030_rollups.sql" |
		sed -e "s/(SELECT 900 AS span UNION ALL SELECT 3600 UNION ALL SELECT 86400\$/(SELECT value AS span FROM $SPANS/" \
		    -e "s/^\( *\)UNION ALL SELECT 864000 UNION ALL SELECT 8640000) lv,/\1) lv,/"
	sed -n '/^CREATE TRIGGER reason_stale_insert/,/^END;/p' "$TOP/schema/031_reason_rollups.sql"
	sed -n '/^CREATE TRIGGER reason_stale_update/,/^END;/p' "$TOP/schema/042_rollup_open.sql"
} >"$T/old.sql"
eq "the old triggers found in schema/" 6 "$(grep -c '^CREATE TRIGGER' "$T/old.sql")"
{
	echo "DROP TRIGGER rollups_insert; DROP TRIGGER rollups_update; DROP TRIGGER rollups_unadd;"
	echo "DROP TRIGGER rollups_empty; DROP VIEW rollup_feed;"
	echo "DROP TRIGGER reason_stale_insert; DROP TRIGGER reason_stale_update;"
	cat "$T/old.sql"
} | sqlite3 -batch "$OLD" >"$T/old.out" 2>&1
check "the old triggers restored" sh -c "[ ! -s '$T/old.out' ] && [ \"\$(sqlite3 '$OLD' \"SELECT count(*) FROM sqlite_master WHERE name = 'rollups_unadd'\")\" = 0 ]"

# Rows written with sqlite3: every key missing or present, local and not,
# each status, delays to round, times before the folded days' marks (late)
# and after, a negative fractional time; then changes of every kind.
cat >"$T/work.sql" <<'EOF'
INSERT INTO deliveries (id, ts, host, mta, program, queue_id, sender, recipient, rcpt_domain,
	relay_host, relay_ip, status, reply, delay, provider, pool, is_block, sending_ip, blocklist,
	is_local, source_id, offset)
SELECT id + 1000000000, ts + (id % 11) * 3607.25 - 86400 * (id % 3), host, mta,
	CASE id % 4 WHEN 0 THEN NULL ELSE program END, queue_id || 'X',
	CASE id % 3 WHEN 0 THEN '' WHEN 1 THEN 'sql' || (id % 5) || '@example.net' END, recipient,
	CASE id % 6 WHEN 0 THEN NULL ELSE rcpt_domain END,
	CASE id % 5 WHEN 0 THEN NULL ELSE 'h' || (id % 7) || '.example' END,
	CASE id % 5 WHEN 1 THEN NULL ELSE relay_ip END, status, reply,
	CASE id % 4 WHEN 0 THEN NULL ELSE (id % 1000) / 7.0 END,
	CASE id % 7 WHEN 0 THEN NULL ELSE provider END, CASE id % 3 WHEN 0 THEN NULL ELSE pool END,
	is_block, CASE id % 8 WHEN 0 THEN NULL ELSE sending_ip END,
	CASE id % 9 WHEN 0 THEN 'zen.example' ELSE blocklist END,
	CASE id % 10 WHEN 0 THEN 1 WHEN 5 THEN 2 ELSE 0 END, source_id, offset
FROM deliveries;
INSERT INTO deliveries (id, ts, mta, status, delay, is_local, source_id, offset, rolled)
VALUES (3000000001, 1796000000.5, 'postfix', 'sent', 1.5, 0, 1, 1, 1),
	(3000000002, -0.5, 'postfix', 'expired', NULL, 0, 1, 2, 0),
	(3000000003, 1700000000.999999, 'exim', 'sent', 0.0000005, 1, 1, 3, 0),
	(3000000004, 1796459999.75, 'postfix', 'deferred', 12.25, 0, 1, 4, 0);
UPDATE deliveries SET ts = ts + 3 * 86400 + 1800 WHERE id > 1000000000 AND id % 5 = 0;
UPDATE deliveries SET status = 'sent', delay = 3.333 WHERE id > 1000000000 AND id % 5 = 1;
UPDATE deliveries SET provider = NULL, pool = NULL, sender = NULL WHERE id % 5 = 2;
UPDATE deliveries SET is_local = 1 - is_local WHERE id > 1000000000 AND id % 5 = 3 AND is_local <= 1;
UPDATE deliveries SET reply = 'only the reply' WHERE id % 5 = 4;
UPDATE deliveries SET id = id + 500000000, ts = ts - 7200 WHERE id > 1000000000 AND id % 13 = 0;
UPDATE deliveries SET ts = 1600000000 WHERE id = 3000000002;
DELETE FROM deliveries WHERE id > 1000000000 AND id % 17 = 0;
INSERT OR REPLACE INTO deliveries (id, ts, mta, status, source_id, offset, relay_ip, relay_host)
SELECT id, ts + 60, mta, 'deferred', source_id, offset, '192.0.2.99', 'zz.example'
FROM deliveries WHERE id > 1000000000 AND id % 23 = 0;
EOF
sql "$NEW" "SELECT * FROM rollups" >"$T/before.ru"
for db in "$OLD" "$NEW"; do
	sqlite3 -batch "$db" <"$T/work.sql" >"$T/work.out" 2>&1
	check "the writes with sqlite3 succeed ($(basename "$db"))" test ! -s "$T/work.out"
done
sql "$NEW" "SELECT * FROM rollups" >"$T/after.ru"
check "the writes moved the rollups" sh -c "! cmp -s '$T/before.ru' '$T/after.ru'"
diff_rows() {
	sqlite3 -batch "$NEW" "ATTACH '$OLD' AS o;
		SELECT count(*) FROM (SELECT * FROM main.$1 EXCEPT SELECT * FROM o.$1);
		SELECT count(*) FROM (SELECT * FROM o.$1 EXCEPT SELECT * FROM main.$1);
		SELECT (SELECT count(*) FROM main.$1) = (SELECT count(*) FROM o.$1)"
}
eq "rollups: the same rows, exactly, as with 030's triggers" "0
0
1" "$(diff_rows rollups)"
eq "reason_stale: the same hours" "0
0
1" "$(diff_rows reason_stale)"
eq "deliveries: the same rows" "0
0
1" "$(diff_rows deliveries)"
check "rows replaced with sqlite3 reach the folded days" \
	test "$(sql "$NEW" "SELECT count(*) FROM rollups r JOIN rollup_marks m USING (span) WHERE r.start < m.done AND r.key = '192.0.2.99'")" -gt 0

eq "integrity_check" ok "$(sql "$NEW" "PRAGMA integrity_check")"
GNOW=1796460000
for by in provider domain relay sender reasons; do
	BOUNCEWATCH_NOW=$GNOW "$BW" --db "$NEW" report --since 100000d --by $by --format csv --top 0 >"$T/new.csv" 2>&1
	BOUNCEWATCH_NOW=$GNOW "$BW" --db "$OLD" report --since 100000d --by $by --format csv --top 0 >"$T/old.csv" 2>&1
	check "report --by $by: the same with either triggers" cmp "$T/new.csv" "$T/old.csv"
done

# Writes whose own conflict clause overrides a trigger's OR IGNORE (031's
# reason_stale triggers failed them): an UPSERT that updates, UPDATE OR
# ROLLBACK, INSERT OR ABORT of a refusal in an hour already marked.
sqlite3 -batch "$CF" "INSERT INTO deliveries (id, ts, mta, status, reply, source_id, offset, provider)
	SELECT id, ts, mta, 'bounced', 'upserted', source_id, offset, 'upserted' FROM deliveries
	WHERE id % 3 = 0 AND status <> 'sent' AND reply IS NOT NULL
	ON CONFLICT (id) DO UPDATE SET status = excluded.status, provider = excluded.provider;
	UPDATE OR ROLLBACK deliveries SET provider = 'rolled-back' WHERE id % 7 = 1 AND status = 'deferred';
	INSERT OR ABORT INTO deliveries (id, ts, mta, status, reply, source_id, offset)
	SELECT id + 7000000000, ts, mta, 'deferred', 'again', source_id, offset FROM deliveries
	WHERE status <> 'sent' AND reply IS NOT NULL" >"$T/conflict.out" 2>&1
check "an upsert, UPDATE OR ROLLBACK and INSERT OR ABORT with sqlite3 succeed" test ! -s "$T/conflict.out"
check "... they changed rows of marked hours" test "$(sql "$CF" "SELECT count(*) FROM deliveries WHERE provider IN ('upserted', 'rolled-back') OR id > 7000000000")" -gt 10
check "... the rollups follow them" test "$(sql "$CF" "SELECT sum(attempts) FROM rollups WHERE sec = 1 AND span = 3600 AND key IN ('upserted', 'rolled-back')")" -gt 0
for by in provider reasons; do
	BOUNCEWATCH_NOW=1796460000 "$BW" --db "$CF" report --since 100000d --by $by --format csv --top 0 2>&1 | cut -d, -f1-6 >"$T/ru.csv"
	BOUNCEWATCH_REPORT_ROWS=1 BOUNCEWATCH_NOW=1796460000 "$BW" --db "$CF" report --since 100000d --by $by --format csv --top 0 2>&1 | cut -d, -f1-6 >"$T/rows.csv"
	check "... report --by $by counts from rollups = from rows (first and last stay as wide as they were)" cmp "$T/ru.csv" "$T/rows.csv"
done

# A version 42 database (030's triggers) upgraded: the schema a new one has.
UP=$T/up.db
cp "$OLD" "$UP"
sql "$UP" "DROP TABLE rollup_ids; ALTER TABLE sources DROP COLUMN btime; PRAGMA user_version = 42" >/dev/null	# 51's table, 56's column: not in a version 42 file
status "open a version 42 database for writing (migrates)" 0 "$BW" --db "$UP" --rules "$RULES" prune --older-than 100000d
SCHEMA="SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
sql "$NEW" "$SCHEMA" >"$T/new.schema"
sql "$UP" "$SCHEMA" >"$T/up.schema"
check "upgraded: the same schema as a new database" cmp "$T/new.schema" "$T/up.schema"
eq "upgraded: integrity_check" ok "$(sql "$UP" "PRAGMA integrity_check")"
sql "$UP" "INSERT INTO deliveries (id, ts, mta, status, source_id, offset, provider)
	VALUES (4000000001, 1796000000, 'postfix', 'sent', 1, 1, 'after-upgrade')" >/dev/null
# the hour, and every folded size whose done mark is past the row's bucket
eq "upgraded: a row added with sqlite3 reaches the rollups (hour, folded buckets)" \
	"$(sql "$UP" "SELECT group_concat(span) FROM (SELECT 3600 AS span UNION ALL SELECT span
		FROM rollup_marks WHERE 1796000000 - 1796000000 % span < done ORDER BY span)")" \
	"$(sql "$UP" "SELECT group_concat(span) FROM (SELECT span FROM rollups WHERE key = 'after-upgrade' AND sec = 1 ORDER BY span)")"
check "... more than the hour and the day" test "$(sql "$UP" "SELECT count(*) FROM rollups WHERE key = 'after-upgrade' AND sec = 1")" -gt 2
