#!/bin/sh
# rollups (schema/030_rollups.sql, 031_reason_rollups.sql,
# 055_rollup_spans.sql): the report read from the rollups is the report read
# from the rows, byte for byte, over the samples, a generated log and a
# generated year and more, in every format and for windows that start and
# end inside quarter hours (reasons included: their domain lists, long
# replies, rows added and changed with sqlite3); the migrations build the
# same rollups from existing rows as ingest does; a duplicate scan adds
# nothing; prune keeps the rollups (and the report's counts of the pruned
# days).
. "$(dirname "$0")/lib.sh"
export TZ=Asia/Kolkata	# +05:30: local days and hours from quarter-hour buckets
O=${BW_BUILD:-build}
case "$O" in /*) ;; *) O="$TOP/$O" ;; esac
G="$O/loggen"
make -s -C "$TOP" O="$O" "$O/loggen" >"$T/build.out" 2>&1 ||
	cc -std=c11 -D_GNU_SOURCE -O2 -o "$G" "$TOP/bench/loggen.c" >>"$T/build.out" 2>&1
check "loggen builds" test -x "$G"

# same_reports NAME DB NOW SINCE...: every section (those of $BY when set)
# in every format, from rollups and from rows
same_reports() {
	name=$1 db=$2 now=$3
	shift 3
	bad=""
	for since in "$@"; do
		for fmt in text json html; do
			BOUNCEWATCH_NOW=$now "$BW" --db "$db" report --since "$since" --top 0 \
				${BY:+--by "$BY"} --format "$fmt" >"$T/ru.out" 2>&1 ||
				bad="$bad $since/$fmt:failed"
			BOUNCEWATCH_REPORT_ROWS=1 BOUNCEWATCH_NOW=$now "$BW" --db "$db" report \
				--since "$since" --top 0 ${BY:+--by "$BY"} --format "$fmt" \
				>"$T/rows.out" 2>&1
			cmp -s "$T/ru.out" "$T/rows.out" || bad="$bad $since/$fmt"
		done
		# csv: one section at a time; host: the one the default report leaves out
		for by in $(echo "${BY:-host}" | tr , ' '); do
			BOUNCEWATCH_NOW=$now "$BW" --db "$db" report --since "$since" --format csv \
				--by "$by" >"$T/ru.out" 2>&1 || bad="$bad $since/$by:failed"
			BOUNCEWATCH_REPORT_ROWS=1 BOUNCEWATCH_NOW=$now "$BW" --db "$db" report \
				--since "$since" --format csv --by "$by" >"$T/rows.out" 2>&1
			cmp -s "$T/ru.out" "$T/rows.out" || bad="$bad $since/$by"
		done
	done
	if [ -z "$bad" ]; then ok "$name"; else notok "$name" "differ:$bad"; fi
}

# The samples: a few hundred attempts over a week.
S=$T/s.db
status "scan the samples" 0 "$BW" --db "$S" --rules "$RULES" scan "$TOP"/samples/*.log
NOW=1796460000	# 2026-12-06T17:20:00Z
same_reports "samples: rollups = rows" "$S" $NOW 100000d 30d 7d 1d 3h 20m 2026-12-01T10:07:13
check "rollups were written" test "$(sql "$S" "SELECT count(*) FROM rollups")" -gt 0
eq "rollup attempts = rows (outgoing; hours, and the totals' quarters)" \
	"$(sql "$S" "SELECT count(*) FROM deliveries WHERE is_local = 0")" \
	"$(sql "$S" "SELECT group_concat(DISTINCT n) FROM (SELECT span, sum(attempts) n FROM rollups
		WHERE sec = 0 AND span <= 3600 GROUP BY span)")"
eq "days and more: only the complete ones, below their marks" 0 \
	"$(sql "$S" "SELECT count(*) FROM rollups r JOIN rollup_marks m USING (span) WHERE r.start >= m.done")"

# A generated log: 60,000 lines over about 17 hours across midnight (a day
# is folded) from 3 servers, with block episodes.
"$G" --seed 7 --lines 60000 --rate 1 --hosts 3 --episodes 3 --start 1795860000 >"$T/gen.log"
D=$T/g.db
status "scan a generated log" 0 "$BW" --db "$D" --rules "$RULES" scan "$T/gen.log"
GNOW=1795925000
same_reports "generated log: rollups = rows" "$D" $GNOW 100000d 1d 12h 7h 90m 2025-12-01T10:07:13.5 2026-11-28T21:52:11
sql "$D" "SELECT * FROM rollups ORDER BY span, sec, start, key" >"$T/ingest.ru"
RR="SELECT span, start, status, reason, rule, provider, category, count, first, last,
	hex(domains), more, nlocal FROM reason_rollups ORDER BY span, start, status, reason, rule"
sql "$D" "$RR" >"$T/ingest.rr"

# Open hours: ingest writes a recent hour's rollups once, when it closes.
# A writer that stops without closing them (tail killed) leaves them open:
# reports read them from the rows, the next writer rebuilds them from the
# rows, prune closes them before deleting rows. A writer that stops cleanly
# (scan at its end, tail on a stop signal or at the end of standard input)
# closes them. Whatever the path, the rollups equal those of plain scans of
# the same lines.
"$G" --seed 9 --lines 30000 --rate 1 --hosts 2 --start 1795860000 --format iso >"$T/iso.log"
head -n 20000 "$T/iso.log" >"$T/iso-a.log"
tail -n +20001 "$T/iso.log" >"$T/iso-b.log"
OP=$T/open.db REF=$T/open-ref.db
RU="SELECT * FROM rollups ORDER BY span, sec, start, key"
status "reference: scan the same lines" 0 "$BW" --db "$REF" --rules "$RULES" scan "$T/iso-a.log"
eq "... a scan leaves no hour open" 0 "$(sql "$REF" "SELECT count(*) FROM rollup_open")"
sql "$REF" "$RU" >"$T/ref-a.ru"
sql "$REF" "$RR" >"$T/ref-a.rr"
status "tail on standard input stops at its end" 0 "$BW" --db "$T/stdin.db" --rules "$RULES" tail - <"$T/iso-a.log"
eq "... leaving no hour open" 0 "$(sql "$T/stdin.db" "SELECT count(*) FROM rollup_open")"
check "... and the rollups of a scan" sh -c "sqlite3 '$T/stdin.db' '$RU' | cmp - '$T/ref-a.ru'"
check "... and its reason rollups" sh -c "sqlite3 '$T/stdin.db' \"\$1\" | cmp - '$T/ref-a.rr'" - "$RR"
DB=$T/sigterm.db LOG=$T/iso-a.log
. "$TOP/tests/e2e/tail_env.sh"
nrows=$(sql "$REF" "SELECT count(*) FROM deliveries")
start
wait_until 60 has "$nrows"
stop
eq "tail stopped by SIGTERM exits 0" 0 "$st"
eq "... leaving no hour open" 0 "$(sql "$DB" "SELECT count(*) FROM rollup_open")"
check "... and the rollups of a scan" sh -c "sqlite3 '$DB' '$RU' | cmp - '$T/ref-a.ru'"
DB=$OP
start
wait_until 60 has "$nrows"
stop KILL
check "tail killed after its commits leaves its recent hours open" \
	test "$(sql "$OP" "SELECT count(*) FROM rollup_open")" -gt 0
ONOW=1795890000
same_reports "open hours: rollups = rows" "$OP" $ONOW 100000d 6h 2h
cp "$OP" "$T/pruned.db"
BOUNCEWATCH_NOW=1896000000 "$BW" --db "$T/pruned.db" prune --older-than 1d >/dev/null 2>&1
eq "prune: no row left, no hour open" "0 0" "$(sql "$T/pruned.db" "SELECT (SELECT count(*) FROM deliveries),
	(SELECT count(*) FROM rollup_open)" | tr '|' ' ')"
sql "$T/pruned.db" "$RU" >"$T/pruned.ru"
check "... the open hours were rebuilt from their rows before they went" cmp -s "$T/ref-a.ru" "$T/pruned.ru"
status "the next writer (scan of later lines)" 0 "$BW" --db "$OP" --rules "$RULES" scan "$T/iso-b.log"
status "reference: scan the later lines" 0 "$BW" --db "$REF" --rules "$RULES" scan "$T/iso-b.log"
eq "no hour left open" 0 "$(sql "$OP" "SELECT count(*) FROM rollup_open")"
sql "$OP" "$RU" >"$T/open.ru"
sql "$REF" "$RU" >"$T/ref.ru"
check "rollups after the rebuild = rollups of plain scans" cmp -s "$T/ref.ru" "$T/open.ru"
sql "$OP" "$RR" >"$T/open.rr"
sql "$REF" "$RR" >"$T/ref.rr"
check "... and the reason rollups" cmp -s "$T/ref.rr" "$T/open.rr"
same_reports "after the rebuild: rollups = rows" "$OP" $ONOW 100000d 6h 2h

# The digest's new reasons from the reason rollups: the same message as from
# the rows, local deliveries left out of the period's counts, and still
# right once the previous period's rows are pruned (rows alone would call
# its replies new).
norm_mail() { sed -e 's/=_bw_[0-9A-F]*/=_bw_X/g' -e '/^Message-ID:/d' "$1"; }
digest_same() { # name db now since...
	name=$1 db=$2 dnow=$3 bad=""
	shift 3
	for since in "$@"; do
		BOUNCEWATCH_NOW=$dnow "$BW" --db "$db" digest --stdout --always --to ops@example.org \
			--since "$since" >"$T/dg-ru.eml" 2>&1 || bad="$bad $since:failed"
		BOUNCEWATCH_REPORT_ROWS=1 BOUNCEWATCH_NOW=$dnow "$BW" --db "$db" digest --stdout \
			--always --to ops@example.org --since "$since" >"$T/dg-rows.eml" 2>&1
		norm_mail "$T/dg-ru.eml" >"$T/dg-ru.txt"
		norm_mail "$T/dg-rows.eml" >"$T/dg-rows.txt"
		cmp -s "$T/dg-ru.txt" "$T/dg-rows.txt" || bad="$bad $since"
	done
	if [ -z "$bad" ]; then ok "$name"; else notok "$name" "differ:$bad"; fi
}
digest_same "samples: digest from rollups = from rows" "$S" $NOW 2026-11-20 2026-11-27 \
	2026-11-28 2026-11-30 2026-12-01
digest_same "generated log: digest from rollups = from rows" "$D" $GNOW 2026-11-27 2026-11-28
# $1 time, $2 queue id, $3 agent (smtp|lmtp), $4 dsn, $5 status, $6 reply
refusal() {
	relay="mx.example.com[192.0.2.30]:25" rcpt=u@example.com
	[ "$3" = lmtp ] && relay="mail.example.net[private/dovecot-lmtp]" rcpt=u@example.net
	printf '%s mx1 postfix/%s[3100]: %s: to=<%s>, relay=%s, delay=0.2, delays=0/0/0.1/0.1, dsn=%s, status=%s (host %s said: %s (in reply to RCPT TO command))\n' \
		"$1" "$3" "$2" "$rcpt" "$relay" "$4" "$5" "${relay%:25}" "$6"
}
{
	refusal 2026-11-27T09:00:00+00:00 1A0001 smtp 5.7.1 bounced "550 5.7.1 Refused by policy"
	refusal 2026-11-27T09:10:00+00:00 1A0002 lmtp 4.2.2 deferred "452 4.2.2 Mailbox is full"
	refusal 2026-11-28T08:00:00+00:00 1A0003 smtp 5.7.1 bounced "550 5.7.1 Refused by policy"
	refusal 2026-11-28T08:05:00+00:00 1A0004 smtp 5.7.1 bounced "554 5.7.1 Spam content rejected"
	refusal 2026-11-28T08:06:00+00:00 1A0005 smtp 5.7.1 deferred "554 5.7.1 Spam content rejected"
	refusal 2026-11-28T08:07:00+00:00 1A0006 lmtp 4.2.2 deferred "452 4.2.2 Mailbox is full"
	refusal 2026-11-28T08:08:00+00:00 1A0007 lmtp 4.3.1 deferred "452 4.3.1 Insufficient system storage"
	refusal 2026-11-28T08:09:00+00:00 1A0008 smtp 4.2.2 deferred "452 4.2.2 Mailbox is full"
	refusal 2026-11-29T01:00:00+00:00 1A0009 smtp 2.0.0 deferred "451 4.3.0 Try later"
} >"$T/new.log"
N=$T/new.db
status "scan refusals over two days" 0 "$BW" --db "$N" --rules "$RULES" scan "$T/new.log"
DNOW=1796083200
new_reasons() { # the text part's new reasons: count, status, the reply's start
	BOUNCEWATCH_NOW=$DNOW "$BW" --db "$N" digest --stdout --always --to ops@example.org \
		--since 2026-11-28 --until 2026-11-29 | sed -n '/^Top new reasons/,/^$/p' | sed -n 's/^ *\([0-9][0-9]*\)  *\([a-z]*\)  *\(5[0-9]*\|4[0-9]*\) .*/\1 \2 \3/p' |
		tr '\n' ';'
}
eq "new reasons: the spam refusal (not the policy one, no local delivery)" "2 deferred 554;" "$(new_reasons)"
digest_same "... from rollups = from rows" "$N" $DNOW 2026-11-28
BOUNCEWATCH_NOW=1795910400 "$BW" --db "$N" prune --older-than 1d >/dev/null 2>&1
eq "the previous day's rows are pruned" "0 7" "$(sql "$N" "SELECT sum(ts < 1795824000), count(*) FROM deliveries" | tr '|' ' ')"
eq "new reasons after the prune: the same" "2 deferred 554;" "$(new_reasons)"
BOUNCEWATCH_REPORT_ROWS=1 BOUNCEWATCH_NOW=$DNOW "$BW" --db "$N" digest --stdout --always \
	--to ops@example.org --since 2026-11-28 --until 2026-11-29 >"$T/dg-pruned.eml" 2>&1
check "... which the rows alone no longer know" grep -q 'Refused by policy' "$T/dg-pruned.eml"

# Reasons over three days: one refusal to 15 recipient domains (the list
# keeps 10, then '...'), and replies longer than the 1023 bytes a reason
# keeps, differing only beyond them (one group); then older days, read late.
# $1 day, $2 first domain number, $3 queue id prefix
reasons_log() {
	awk -v day="$1" -v d0="$2" -v q="$3" 'BEGIN {
		long = "550 5.7.1"; for (i = 0; i < 300; i++) long = long " blah"
		for (h = 0; h < 24; h += 5) for (i = 0; i < 15; i++) {
			d = "d" (d0 + i) ".example"
			printf "Nov %d %02d:%02d:%02d mx9 postfix/smtp[100]: %s%02d%02dA: to=<u%d@%s>, relay=mx.%s[192.0.2.%d]:25, delay=1, delays=0/0/0/1, dsn=5.1.1, status=bounced (host mx.%s[192.0.2.%d] said: 550 5.1.1 <u%d@%s>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command))\n", day, h, i, i, q, h, i, i, d, d, i + 1, d, i + 1, i, d
		}
		for (i = 0; i < 2; i++)
			printf "Nov %d 23:%02d:00 mx9 postfix/smtp[100]: %sFF%02dB: to=<v@long%d.example>, relay=mx.long.example[192.0.2.99]:25, delay=1, delays=0/0/0/1, dsn=4.7.1, status=deferred (host mx.long.example[192.0.2.99] said: %s tail%s (in reply to RCPT TO command))\n", day, i, q, i, i, long, i ? "b" : "a"
	}'
}
L=$T/l.db
LNOW=1795392000	# 2026-11-23T00:00:00Z
for day in 20 21 22; do reasons_log $day $((day - 20)) "C$day"; done >"$T/reasons.log"
status "scan three days of refusals" 0 "$BW" --db "$L" --rules "$RULES" scan --year 2026 "$T/reasons.log"
check "reason rollups were written, days folded" \
	test "$(sql "$L" "SELECT count(DISTINCT span) FROM reason_rollups")" -ge 2
same_reports "refusals to many domains: rollups = rows" "$L" $LNOW 100000d 2d 30h 5h
BOUNCEWATCH_NOW=$LNOW "$BW" --db "$L" report --since 100000d --by reasons --format csv --top 0 \
	>"$T/reasons.csv"
check "a reason's recipient domains: 10, then '...'" \
	grep -q '"d0.example,d1.example,d10.example,d11.example,d12.example,d13.example,d14.example,d15.example,d16.example,d2.example,\.\.\."' "$T/reasons.csv"
check "... as do the rollups (more = 1 where the days hold 15 or 17)" \
	test "$(sql "$L" "SELECT count(*) FROM reason_rollups WHERE more = 1 AND span = 86400")" -ge 2
eq "replies that differ beyond 1023 bytes are one reason, cut to 1023 bytes" "6 1023" \
	"$(sql "$L" "SELECT sum(count) || ' ' || max(length(CAST(reason AS BLOB))) FROM reason_rollups WHERE span = 3600 AND status = 'deferred'")"
reasons_log 19 30 C19 >"$T/reasons-late.log"
status "scan an older day after them" 0 "$BW" --db "$L" --rules "$RULES" scan --year 2026 "$T/reasons-late.log"
same_reports "late refusals: rollups = rows" "$L" $LNOW 100000d 3d 2d 30h
# Local days and hours come from the totals' hours where the zone's offset
# is a whole hour, from their quarters where it is not: a zone with summer
# time from 2026-11-20 02:00 to 11-22 03:00 (local), once a whole hour
# ahead, once an hour and a half.
for tz in UTC 'AAA-1BBB,J324/2,J326/3' 'AAA-1BBB-1:30,J324/2,J326/3'; do
	TZ=$tz
	BY=day,hour same_reports "days and hours in TZ=$tz: rollups = rows" "$L" $LNOW 100000d 2d 30h
done
TZ=Asia/Kolkata

# Rescanning the same file stores nothing twice and counts nothing twice.
status "scan the same log again" 0 "$BW" --db "$D" --rules "$RULES" scan "$T/gen.log"
sql "$D" "SELECT * FROM rollups ORDER BY span, sec, start, key" >"$T/again.ru"
check "a duplicate scan leaves the rollups as they were" cmp -s "$T/ingest.ru" "$T/again.ru"

# A database of the previous schema: the migration builds them from the rows.
cp "$D" "$T/old.db"
cp "$D" "$T/old31.db"
sql "$T/old.db" "DROP TABLE rollup_ids; ALTER TABLE sources DROP COLUMN btime;" >/dev/null	# versions 51's, 56's
sql "$T/old.db" "DROP TRIGGER reason_stale_insert; DROP TRIGGER reason_stale_update;
	DROP TABLE reason_rollups; DROP TABLE reason_stale;
	DROP TRIGGER rollups_insert; DROP TRIGGER rollups_update; DROP TRIGGER rollups_unadd;
	DROP VIEW rollup_feed;
	DROP TABLE rollups; DROP TABLE rollup_marks; DROP TABLE rollup_open;
	ALTER TABLE deliveries DROP COLUMN rolled; PRAGMA user_version = 29;" >/dev/null
status "open a version 29 database (before rollups) for writing (migrates)" 0 "$BW" --db "$T/old.db" --rules "$RULES" scan "$T/gen.log"
eq "... now version 30 or later" 1 "$(sql "$T/old.db" "SELECT user_version >= 30 FROM pragma_user_version")"
sql "$T/old.db" "SELECT * FROM rollups ORDER BY span, sec, start, key" >"$T/migrated.ru"
check "the migration builds the rollups ingest builds" cmp -s "$T/ingest.ru" "$T/migrated.ru"
sql "$T/old.db" "$RR" >"$T/migrated.rr"
check "... and the reason rollups ingest builds" cmp -s "$T/ingest.rr" "$T/migrated.rr"
# A version 30 database (rollups, no reason rollups): reports read the rows
# of its hours until the first write rebuilds them.
sql "$T/old31.db" "DROP TRIGGER reason_stale_insert; DROP TRIGGER reason_stale_update;
	DROP TABLE reason_rollups; DROP TABLE reason_stale; DROP TABLE rollup_open;
	DROP TABLE rollup_ids; ALTER TABLE sources DROP COLUMN btime; PRAGMA user_version = 30;" >/dev/null
status "open a version 30 database for writing (migrates)" 0 "$BW" --db "$T/old31.db" --rules "$RULES" prune --older-than 100000d
sql "$T/old31.db" "$RR" >"$T/migrated31.rr"
check "version 30 -> 31 builds the reason rollups ingest builds" cmp -s "$T/ingest.rr" "$T/migrated31.rr"
eq "no hour left to rebuild" 0 "$(sql "$T/old31.db" "SELECT count(*) FROM reason_stale")"

# Rows stored by something else than bouncewatch (sqlite3): a trigger adds them.
X=$T/x.db
cp "$D" "$X"
sql "$X" "INSERT INTO deliveries (id, ts, host, mta, program, queue_id, sender, recipient,
	rcpt_domain, relay_host, relay_ip, status, reply, delay, provider, pool, is_block, sending_ip,
	source_id, offset)
	SELECT id + 1000000000, ts + 3600, host, mta, program, queue_id || 'X',
	CASE id % 3 WHEN 0 THEN '' WHEN 1 THEN 'sql' || (id % 5) || '@example.net' END, recipient,
	rcpt_domain, relay_host, relay_ip, status, reply, delay, provider, pool, is_block, sending_ip,
	source_id, offset
	FROM deliveries WHERE id % 7 = 0" >/dev/null
check "rows added with sqlite3 have null, empty and named senders" \
	test "$(sql "$X" "SELECT count(DISTINCT coalesce(sender, '-')) FROM deliveries WHERE id > 1000000000")" -ge 3
check "their hours are marked for the reasons" test "$(sql "$X" "SELECT count(*) FROM reason_stale")" -gt 0
same_reports "rows added with sqlite3: rollups = rows" "$X" $GNOW 100000d 7h
# Attempts of days already folded (an older log read after a newer one).
status "scan older logs after newer ones" 0 "$BW" --db "$X" --rules "$RULES" scan "$TOP"/samples/*.log
same_reports "late attempts: rollups = rows" "$X" 1796460000 100000d 30d 7d 1d
eq "a write rebuilt their reason rollups" 0 "$(sql "$X" "SELECT count(*) FROM reason_stale")"
sql "$X" "UPDATE deliveries SET status = 'bounced', provider = 'elsewhere',
	sender = 'moved@example.net', reply = '554 5.7.1 moved away ' || (id % 3),
	rcpt_domain = 'moved' || (id % 13) || '.example' WHERE id > 1000000000" >/dev/null
# (the other sections keep first, last, last_sent and the like as wide as
# they were: docs/sql.md; their counts are compared below)
BY=reasons same_reports "rows changed with sqlite3: reasons from rollups = rows" "$X" $GNOW \
	100000d 7h
status "a scan after the change (rebuilds the changed hours)" 0 "$BW" --db "$X" --rules "$RULES" scan "$TOP"/samples/*.log
eq "... they are rebuilt" 0 "$(sql "$X" "SELECT count(*) FROM reason_stale")"
BY=reasons same_reports "... reasons from rollups = rows" "$X" $GNOW 100000d 30d 7h
for by in provider sender reasons; do
	BOUNCEWATCH_NOW=$GNOW "$BW" --db "$X" report --since 100000d --by $by --format csv --top 0 \
		| cut -d, -f1-6 >"$T/ru.csv"
	BOUNCEWATCH_REPORT_ROWS=1 BOUNCEWATCH_NOW=$GNOW "$BW" --db "$X" report --since 100000d \
		--by $by --format csv --top 0 | cut -d, -f1-6 >"$T/rows.csv"
	key=$(case $by in provider) echo elsewhere ;; sender) echo moved@example.net ;;
		*) echo 'bounced,554 5.7.1 moved away <n>' ;; esac)
	check "rows changed with sqlite3: the $by counts move with them" \
		sh -c "grep -q '^$key,' '$T/ru.csv' && cmp -s '$T/ru.csv' '$T/rows.csv'"
done

# Prune: rows go, rollups stay; the report of the pruned hours keeps its counts.
BOUNCEWATCH_NOW=$GNOW "$BW" --db "$D" report --since 100000d --by provider,domain,relay,day,hour \
	--top 0 --format json >"$T/before.json"
rows=$(sql "$D" "SELECT count(*) FROM deliveries")
status "prune the first hours" 0 env BOUNCEWATCH_NOW=$GNOW "$BW" --db "$D" prune --older-than 10h
check "rows were deleted" test "$(sql "$D" "SELECT count(*) FROM deliveries")" -lt "$rows"
sql "$D" "SELECT * FROM rollups ORDER BY span, sec, start, key" >"$T/pruned.ru"
check "prune leaves the rollups alone" cmp -s "$T/ingest.ru" "$T/pruned.ru"
BOUNCEWATCH_NOW=$GNOW "$BW" --db "$D" report --since 100000d --by provider,domain,relay,day,hour \
	--top 0 --format json >"$T/after.json"
check "the report over the pruned hours is unchanged" cmp -s "$T/before.json" "$T/after.json"
BOUNCEWATCH_NOW=$GNOW "$BW" --db "$D" report --since 100000d --by totals --format csv >"$T/tot.csv"
check "totals: the distinct counts the rows no longer hold are empty" \
	grep -q '^[0-9]*,[0-9]*,[0-9]*,[0-9]*,[0-9]*,[0-9]*,[0-9]*,,,,' "$T/tot.csv"

# Over a year and more (schema/055_rollup_spans.sql: buckets of 6 hours, 1,
# 2, 4, ... 512 days): the report from rollups = from rows for windows of a
# year, a few months and a day, starting at midnight, on the hour and inside
# an hour; a bucket size whose done mark is behind (as after the upgrade to
# version 55) is folded by the next writer into exactly the rows ingest
# wrote; late attempts reach the large buckets.
# (built by make unit-bins with this build's flags: a make here would build
# a sanitizer build's yeargen without them and fail to link)
Y="$O/yeargen"
check "yeargen built" test -x "$Y"

# 40,000 attempts over 600 days ending 2026-12-01T00:00:00Z
Y1=$T/y.db
END=1796083200
status "yeargen: 40,000 attempts over 600 days" 0 "$Y" "$Y1" 40000 600 $END
eq "every bucket size below its done mark, the 10- and 100-day ones gone" \
	"21600 86400 172800 345600 691200 1382400 2764800 5529600 11059200 22118400 44236800" \
	"$(sql "$Y1" "SELECT group_concat(span, ' ') FROM (SELECT span FROM rollup_marks ORDER BY span)")"
check "the largest buckets were folded (512 days)" \
	test "$(sql "$Y1" "SELECT count(*) FROM rollups WHERE span = 44236800 AND sec = 3")" -gt 0
eq "no bucket at or after its mark" 0 \
	"$(sql "$Y1" "SELECT count(*) FROM rollups r JOIN rollup_marks m USING (span) WHERE r.start >= m.done")"
eq "... nor a reason bucket" 0 \
	"$(sql "$Y1" "SELECT count(*) FROM reason_rollups r JOIN rollup_marks m USING (span) WHERE r.start >= m.done")"
eq "each size holds every attempt before its mark" "" \
	"$(sql "$Y1" "SELECT m.span FROM rollup_marks m WHERE (SELECT sum(attempts) FROM rollups
		WHERE span = m.span AND sec = 0) <> (SELECT sum(attempts) FROM rollups WHERE span = 3600
		AND sec = 0 AND start < m.done AND start >= (SELECT min(start) FROM rollups
		WHERE span = m.span AND sec = 0))")"
# midnight, on the hour, inside an hour; a year, ~3 months, 40 days, a day
same_reports "a year and more: rollups = rows (midnight)" "$Y1" $END 365d 97d 40d 1d 100000d
same_reports "... ending on the hour" "$Y1" $((END - 7 * 86400 - 5 * 3600)) 365d 97d 1d 31h
same_reports "... ending inside an hour" "$Y1" $((END - 200 * 86400 - 12345)) 365d 97d 1d

# The sizes a version adds start at mark 0: the next writer folds them from
# the smaller ones. Take a size's buckets and mark away (6 hours, 4 and 64
# days, 512 days: each folded from another), and those of the days above a
# day too: the writer rebuilds exactly what ingest wrote.
RU="SELECT * FROM rollups ORDER BY span, sec, start, key"
RR="SELECT * FROM reason_rollups ORDER BY span, start, status, reason, rule"
sql "$Y1" "$RU" >"$T/y-ingest.ru"
sql "$Y1" "$RR" >"$T/y-ingest.rr"
sql "$Y1" "SELECT * FROM rollup_marks ORDER BY span" >"$T/y-ingest.marks"
cp "$Y1" "$T/behind.db"
sql "$T/behind.db" "DELETE FROM rollups WHERE span IN (21600, 345600, 5529600, 44236800);
	DELETE FROM reason_rollups WHERE span IN (21600, 345600, 5529600, 44236800);
	UPDATE rollup_marks SET done = 0 WHERE span IN (21600, 345600, 5529600, 44236800)" >/dev/null
same_reports "marks behind: reports still from rollups = rows" "$T/behind.db" $END 365d 97d
status "a writer opens the database (folds the sizes behind)" 0 \
	"$BW" --db "$T/behind.db" --rules "$RULES" prune --older-than 100000d
sql "$T/behind.db" "$RU" >"$T/caught.ru"
sql "$T/behind.db" "$RR" >"$T/caught.rr"
sql "$T/behind.db" "SELECT * FROM rollup_marks ORDER BY span" >"$T/caught.marks"
check "... into the rollups ingest wrote" cmp "$T/y-ingest.ru" "$T/caught.ru"
check "... and the reason rollups" cmp "$T/y-ingest.rr" "$T/caught.rr"
check "... and the same marks" cmp "$T/y-ingest.marks" "$T/caught.marks"
cp "$T/behind.db" "$T/again.db"
status "a second writer finds nothing behind" 0 \
	"$BW" --db "$T/again.db" --rules "$RULES" prune --older-than 100000d
check "... and changes nothing" sh -c "sqlite3 '$T/again.db' '$RU' | cmp - '$T/y-ingest.ru'"

# A version 54 database (10- and 100-day buckets): the upgrade drops them
# and the first writer folds the new sizes.
cp "$Y1" "$T/v54.db"
sql "$T/v54.db" "DELETE FROM rollups WHERE span NOT IN (900, 3600, 86400);
	DELETE FROM reason_rollups WHERE span NOT IN (3600, 86400);
	DELETE FROM rollup_marks WHERE span <> 86400;
	INSERT INTO rollup_marks VALUES (864000, 0), (8640000, 0);
	INSERT INTO rollups SELECT 864000, sec, start, key, extra, attempts, sent, deferred, bounced,
		expired, blocks, ndelay, delay_us, delay_max, last_sent, first, last FROM rollups
		WHERE span = 86400 AND start < 1700000000;
	ALTER TABLE sources DROP COLUMN btime; PRAGMA user_version = 54" >/dev/null
status "open a version 54 database for writing (migrates)" 0 \
	"$BW" --db "$T/v54.db" --rules "$RULES" prune --older-than 100000d
eq "... version 55 or later" 1 "$(sql "$T/v54.db" "SELECT user_version >= 55 FROM pragma_user_version")"
check "... the rollups ingest writes" sh -c "sqlite3 '$T/v54.db' '$RU' | cmp - '$T/y-ingest.ru'"
check "... the reason rollups" sh -c "sqlite3 '$T/v54.db' '$RR' | cmp - '$T/y-ingest.rr'"

# Attempts stored late, into buckets folded long ago: every size takes them.
status "yeargen: 3,000 attempts over the first 300 days, stored late" 0 \
	"$Y" "$Y1" 3000 300 $((END - 300 * 86400)) 5
eq "the largest buckets hold every attempt before their mark" "" \
	"$(sql "$Y1" "SELECT m.span FROM rollup_marks m WHERE (SELECT sum(attempts) FROM rollups
		WHERE span = m.span AND sec = 0) <> (SELECT sum(attempts) FROM rollups WHERE span = 3600
		AND sec = 0 AND start < m.done AND start >= (SELECT min(start) FROM rollups
		WHERE span = m.span AND sec = 0))")"
same_reports "late attempts: rollups = rows" "$Y1" $((END - 3 * 3600 - 600)) 365d 500d 97d 1d
