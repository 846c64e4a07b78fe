#!/bin/sh
# Times every report section and format, query and check on a synthetic
# database the size 1,000,000 log lines make (~150,000 delivery rows over 30
# days; 3 % deferred, 1 % bounced, block replies), filled by SQL alone.
# usage: bench/report.sh [ROWS] [BINARY]     (make bench runs it)
set -eu
ROWS=${1:-150000}
BW=${2:-./bouncewatch}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
[ -n "${KEEP_DB:-}" ] && trap - EXIT && echo "db: $T/bench.db"
DB=$T/bench.db
for f in schema/*.sql; do sqlite3 "$DB" <"$f"; done
v=$(ls schema | sed -n 's/^0*\([0-9][0-9]*\)_.*/\1/p' | sort -n | tail -1)
now=$(date +%s)
sqlite3 "$DB" >/dev/null <<SQL
PRAGMA user_version = $v;
PRAGMA journal_mode = WAL; -- prints wal
INSERT INTO sources (id, path, dev, ino, fp, fp_len, offset, active, first_seen, updated)
VALUES (1, 'mail.log', 1, 1, 0, 0, 0, 1, $now, $now);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $ROWS),
p(k, provider, domain, relay) AS (VALUES
  (0, 'microsoft', 'outlook.com', '52.101.0.'), (1, 'google', 'gmail.com', '142.250.102.'),
  (2, 'yahoo', 'yahoo.com', '67.195.204.'), (3, 'microsoft', 'hotmail.com', '52.101.1.'),
  (4, 'google', 'googlemail.com', '142.250.103.'), (5, NULL, 'example.org', '192.0.2.'),
  (6, 'gmx', 'gmx.de', '212.227.17.'), (7, NULL, 'corp.example', '198.51.100.')),
r AS (SELECT i, abs(random()) % 1000 AS roll, (i * 7 + i / 13) % 8 AS k FROM n)
INSERT INTO deliveries (id, ts, host, mta, program, queue_id, sender, recipient, rcpt_domain,
  relay_host, relay_ip, relay_port, status, smtp_code, dsn, stage, reply, delay, rule_id,
  provider, category, is_block, sending_ip, source_id, offset)
SELECT i, $now - 30 * 86400 + i * (30.0 * 86400 / $ROWS), 'mx' || (i % 3), 'postfix',
  'postfix/smtp', printf('%010X', i / 2), 'news@example.net',
  'user' || (i % 50000) || '@' || p.domain, p.domain, 'mx.' || p.domain,
  p.relay || (i % 200), 25,
  CASE WHEN roll < 30 THEN 'deferred' WHEN roll < 40 THEN 'bounced' ELSE 'sent' END,
  CASE WHEN roll < 30 THEN 421 WHEN roll < 40 THEN 550 ELSE 250 END,
  CASE WHEN roll < 30 THEN '4.7.0' WHEN roll < 40 THEN '5.7.1' ELSE '2.0.0' END,
  CASE WHEN roll < 40 THEN 'RCPT' END,
  CASE WHEN roll < 30 THEN '421 4.7.0 [TSS04] Messages from 203.0.113.' || (i % 4) ||
         ' temporarily deferred - 4.16.55.' || (i % 97)
       WHEN roll < 40 THEN '550 5.7.1 Unfortunately, messages from [203.0.113.' || (i % 4) ||
         '] weren''t sent. (S3140) [AM4PEPF' || printf('%08X', i) || '.prod.outlook.com]'
       ELSE '250 2.0.0 OK ' || i || ' - gsmtp' END,
  (abs(random()) % 5000) / 1000.0,
  CASE WHEN roll < 30 THEN 'yahoo-tss04' WHEN roll < 40 THEN 'microsoft-s3140' END,
  p.provider,
  CASE WHEN roll < 30 THEN 'reputation' WHEN roll < 40 THEN 'blocklist' END,
  roll >= 30 AND roll < 40,
  CASE WHEN roll < 40 THEN '203.0.113.' || (i % 4) END, 1, i
FROM r JOIN p ON p.k = r.k;
SQL
echo "rows: $(sqlite3 "$DB" 'SELECT count(*) FROM deliveries'), file: $(du -k "$DB" | cut -f1) KiB"
ms() { # ms LABEL CMD...: wall time of the command in milliseconds (best of 3)
	label=$1; shift; best=
	for k in 1 2 3; do
		a=$(date +%s%N); "$@" >/dev/null 2>&1 || true; b=$(date +%s%N)
		t=$(( (b - a) / 1000000 )); [ -z "$best" ] || [ "$t" -lt "$best" ] && best=$t
	done
	printf '%-44s %6d ms\n' "$label" "$best"
}
W="--since 30d"
for by in totals provider domain relay sending-ip host day hour reasons blocks; do
	ms "report --by $by (30 days)" "$BW" --db "$DB" report $W --by $by
done
for f in text json html; do
	ms "report, all sections, $f (30 days)" "$BW" --db "$DB" report $W --format $f
done
ms "report, all sections, text (7 days)" "$BW" --db "$DB" report
ms "report csv --by provider (30 days)" "$BW" --db "$DB" report $W --format csv --by provider
ms "query top_reasons view" "$BW" --db "$DB" query "SELECT * FROM top_reasons LIMIT 10"
ms "query daily_provider view" "$BW" --db "$DB" query "SELECT * FROM daily_provider"
ms "check (1h window)" "$BW" --db "$DB" check
