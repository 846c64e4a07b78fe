-- bouncewatch schema, version 55: rollup buckets of 6 hours and of 2, 4,
-- 8, ... 512 days in place of those of 10 and 100 days, so a report over a
-- year reads fewer rollup rows.
--
-- A window is covered by the largest complete buckets that fit in it, its
-- ragged ends by smaller ones (src/store_rollup.c). With sizes ten times
-- apart a ragged end took up to 9 buckets of each size, ~30 rollup rows per
-- key for a year; with each size twice the next it takes at most one of
-- each, ~8. The 6-hour buckets do the same for a day that does not start
-- at midnight (24 hours before: at most 5 hours, 3 quarters of a day and
-- 5 hours, instead of 24 hours).
--
-- The new sizes start with a done mark of 0 (nothing folded): readers use
-- the smaller buckets meanwhile, and the first writer to open the database
-- folds them from the hours and days already stored (store_rollup_catch_up,
-- in src/store_rollup.c), as ingest folds every complete bucket. The 10-
-- and 100-day buckets go, rollups and reason rollups alike.
DELETE FROM rollups WHERE span IN (864000, 8640000);
DELETE FROM reason_rollups WHERE span IN (864000, 8640000);
DELETE FROM rollup_marks WHERE span IN (864000, 8640000);
INSERT OR IGNORE INTO rollup_marks (span, done)
SELECT value, 0 FROM json_each('[21600,172800,345600,691200,1382400,2764800,5529600,11059200,22118400,44236800]');

-- Rows written with sqlite3 (030's rolled = 0, 054's feed) reach the new
-- sizes: 054's trigger with the new list of sizes.
DROP TRIGGER rollup_feed_add;
CREATE TRIGGER rollup_feed_add INSTEAD OF INSERT ON rollup_feed BEGIN
INSERT INTO rollups (span, sec, start, key, extra, attempts, sent, deferred, bounced, expired,
	blocks, ndelay, delay_us, delay_max, last_sent, first, last)
SELECT s.value, k.value, f - (f % s.value + s.value) % s.value,
	CASE k.value WHEN 0 THEN '' WHEN 1 THEN coalesce(provider, '(unknown)')
	WHEN 2 THEN coalesce(pool, provider, '(unknown)') WHEN 3 THEN coalesce(rcpt_domain, '(none)')
	WHEN 4 THEN coalesce(relay_ip, '(none)') WHEN 5 THEN coalesce(sending_ip, '(not named)')
	WHEN 6 THEN coalesce(host, '(none)') WHEN 7 THEN blocklist WHEN 8 THEN coalesce(program, '(none)')
	ELSE coalesce(CASE WHEN sender = '' THEN '<>' ELSE sender END, '(unknown)') END,
	CASE WHEN k.value = 4 AND NEW.sign > 0 THEN relay_host END, NEW.sign,
	NEW.sign * (status = 'sent'), NEW.sign * (status = 'deferred'),
	NEW.sign * (status = 'bounced'), NEW.sign * (status = 'expired'),
	NEW.sign * (is_block <> 0), NEW.sign * (status = 'sent' AND delay IS NOT NULL),
	NEW.sign * CASE WHEN status = 'sent' AND delay IS NOT NULL
	                THEN CAST(round(delay * 1e6) AS INTEGER) ELSE 0 END,
	CASE WHEN NEW.sign > 0 AND status = 'sent' THEN delay END,
	CASE WHEN NEW.sign > 0 AND status = 'sent' THEN ts END, ts, ts
FROM (SELECT *, CAST(ts AS INTEGER) - (ts < CAST(ts AS INTEGER)) AS f FROM deliveries
      WHERE id = NEW.id),
	json_each('[900,3600,21600,86400,172800,345600,691200,1382400,2764800,5529600,11059200,22118400,44236800]') s,
	json_each('[0,1,2,3,4,5,6,7,8,9]') k
WHERE CASE k.value WHEN 8 THEN is_local = 1
	ELSE is_local = 0 AND (k.value <> 7 OR blocklist IS NOT NULL) END
  AND (s.value <> 900 OR k.value = 0)
  AND (s.value <= 3600 OR f - (f % s.value + s.value) % s.value
	< (SELECT done FROM rollup_marks WHERE span = s.value))
ON CONFLICT (span, sec, start, key) DO UPDATE SET
	extra = CASE WHEN extra IS NULL OR excluded.extra > extra THEN excluded.extra ELSE extra END,
	attempts = attempts + excluded.attempts, sent = sent + excluded.sent,
	deferred = deferred + excluded.deferred, bounced = bounced + excluded.bounced,
	expired = expired + excluded.expired, blocks = blocks + excluded.blocks,
	ndelay = ndelay + excluded.ndelay, delay_us = delay_us + excluded.delay_us,
	delay_max = CASE WHEN delay_max IS NULL OR excluded.delay_max > delay_max
	                 THEN excluded.delay_max ELSE delay_max END,
	last_sent = CASE WHEN last_sent IS NULL OR excluded.last_sent > last_sent
	                 THEN excluded.last_sent ELSE last_sent END,
	first = CASE WHEN excluded.attempts > 0 THEN min(first, excluded.first) ELSE first END,
	last = CASE WHEN excluded.attempts > 0 THEN max(last, excluded.last) ELSE last END;
END;
