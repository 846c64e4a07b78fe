-- bouncewatch schema, version 30: rollups, so reports over a month or a
-- year read a few thousand rows instead of every attempt.
--
-- One row per time bucket, report section and key: the additive columns of
-- the delivery sections of `bouncewatch report` (src/store_agg.c). Buckets
-- are UTC-aligned spans of 1 hour, 1 day, 10 days and 100 days, and for the
-- totals also 900 s (a quarter hour: every zone offset in use is a whole
-- quarter, so local days and hours stay exact); a window is covered by the
-- largest buckets that fit in it, the ragged ends by smaller ones and, below
-- an hour, by the rows.
-- Written in the transaction that stores the attempts (src/store_rollup.c);
-- retention (prune) deletes attempts and keeps rollups.
--
-- sec: 0 totals (key ''), 1 provider, 2 pool, 3 recipient domain, 4 relay IP
-- (extra: max(relay_host)), 5 sending IP, 6 log host, 7 block list, 8 local
-- delivery agent (is_local rows; every other section counts is_local = 0),
-- 9 envelope sender ('<>' for the null sender).
-- A missing key is stored as the report shows it: (unknown), (none),
-- (not named); rows that name no block list are not in section 7.
CREATE TABLE rollups (
	span      INTEGER NOT NULL,   -- 3600, 86400, 864000, 8640000 seconds; 900 (totals)
	sec       INTEGER NOT NULL,
	start     INTEGER NOT NULL,   -- UTC epoch seconds, a multiple of span
	key       TEXT NOT NULL,
	extra     TEXT,
	attempts  INTEGER NOT NULL,
	sent      INTEGER NOT NULL,
	deferred  INTEGER NOT NULL,
	bounced   INTEGER NOT NULL,
	expired   INTEGER NOT NULL,
	blocks    INTEGER NOT NULL,
	ndelay    INTEGER NOT NULL,   -- sent attempts with a delay
	delay_us  INTEGER NOT NULL,   -- sum of their delays, each rounded to whole microseconds
	delay_max REAL,
	last_sent REAL,               -- max(ts) of sent attempts
	first     REAL NOT NULL,      -- min(ts)
	last      REAL NOT NULL,      -- max(ts)
	PRIMARY KEY (span, sec, start, key)
) WITHOUT ROWID;

-- Buckets of a day and more are folded from the next smaller size once
-- complete (src/store_rollup.c): every bucket of a span that starts before
-- its done mark holds all it will hold from ingest; none starts at or after
-- it yet, and readers use smaller buckets there. Attempts stored late, for
-- a time before the mark, are added to those buckets directly.
CREATE TABLE rollup_marks (
	span INTEGER PRIMARY KEY,   -- 86400, 864000, 8640000
	done INTEGER NOT NULL       -- UTC epoch seconds, a multiple of span
);
INSERT INTO rollup_marks (span, done)
WITH m(t) AS (SELECT coalesce(CAST(max(ts) AS INTEGER), 0) FROM deliveries),
d(t) AS (SELECT t - ((t % 86400) + 86400) % 86400 FROM m),
d10(t) AS (SELECT t - ((t % 864000) + 864000) % 864000 FROM d)
SELECT 86400, t FROM d
UNION ALL SELECT 864000, t FROM d10
UNION ALL SELECT 8640000, t - ((t % 8640000) + 8640000) % 8640000 FROM d10;

-- The rollups of the attempts already stored.
INSERT INTO rollups (span, sec, start, key, extra, attempts, sent, deferred, bounced, expired,
                     blocks, ndelay, delay_us, delay_max, last_sent, first, last)
WITH lv(span) AS (VALUES (900), (3600), (86400), (864000), (8640000)),
d AS (
	SELECT ts, status, is_block, delay, provider, pool, rcpt_domain, relay_ip, relay_host,
	       sending_ip, host, blocklist, program, is_local, sender,
	       CAST(ts AS INTEGER) - (ts < CAST(ts AS INTEGER)) AS f
	FROM deliveries),
k(sec, key, extra, ts, f, status, is_block, delay) AS (
	SELECT 0, '', NULL, ts, f, status, is_block, delay FROM d WHERE is_local = 0
	UNION ALL SELECT 1, coalesce(provider, '(unknown)'), NULL, ts, f, status, is_block, delay
	FROM d WHERE is_local = 0
	UNION ALL SELECT 2, coalesce(pool, provider, '(unknown)'), NULL, ts, f, status, is_block, delay
	FROM d WHERE is_local = 0
	UNION ALL SELECT 3, coalesce(rcpt_domain, '(none)'), NULL, ts, f, status, is_block, delay
	FROM d WHERE is_local = 0
	UNION ALL SELECT 4, coalesce(relay_ip, '(none)'), relay_host, ts, f, status, is_block, delay
	FROM d WHERE is_local = 0
	UNION ALL SELECT 5, coalesce(sending_ip, '(not named)'), NULL, ts, f, status, is_block, delay
	FROM d WHERE is_local = 0
	UNION ALL SELECT 6, coalesce(host, '(none)'), NULL, ts, f, status, is_block, delay
	FROM d WHERE is_local = 0
	UNION ALL SELECT 7, blocklist, NULL, ts, f, status, is_block, delay
	FROM d WHERE is_local = 0 AND blocklist IS NOT NULL
	UNION ALL SELECT 8, coalesce(program, '(none)'), NULL, ts, f, status, is_block, delay
	FROM d WHERE is_local = 1
	UNION ALL SELECT 9, coalesce(CASE WHEN sender = '' THEN '<>' ELSE sender END, '(unknown)'),
	       NULL, ts, f, status, is_block, delay FROM d WHERE is_local = 0)
SELECT lv.span, k.sec, k.f - ((k.f % lv.span) + lv.span) % lv.span AS bucket, k.key, max(k.extra),
       count(*), sum(k.status = 'sent'), sum(k.status = 'deferred'), sum(k.status = 'bounced'),
       sum(k.status = 'expired'), sum(k.is_block <> 0),
       sum(k.status = 'sent' AND k.delay IS NOT NULL),
       coalesce(sum(CASE WHEN k.status = 'sent' THEN CAST(round(k.delay * 1e6) AS INTEGER) END), 0),
       max(CASE WHEN k.status = 'sent' THEN k.delay END),
       max(CASE WHEN k.status = 'sent' THEN k.ts END), min(k.ts), max(k.ts)
FROM k, lv
WHERE (lv.span <> 900 OR k.sec = 0)
  AND (lv.span <= 3600 OR k.f - ((k.f % lv.span) + lv.span) % lv.span
                          < (SELECT done FROM rollup_marks m WHERE m.span = lv.span))
GROUP BY lv.span, k.sec, bucket, k.key;


-- Rows that reach the table another way than ingest (sqlite3, a fixture:
-- rolled = 0) are added by triggers; ingest sets rolled = 1 and adds its rows
-- per batch itself (src/store_rollup.c), which is much cheaper. A row
-- inserted into rollup_feed is added to its buckets (sign 1) or taken out of
-- them (sign -1: the sums; first, last, delay_max, last_sent and extra stay
-- as wide as they were), and a bucket left with no attempt goes.
ALTER TABLE deliveries ADD COLUMN rolled INTEGER NOT NULL DEFAULT 0;
CREATE VIEW rollup_feed AS
SELECT ts, status, is_block, delay, provider, pool, rcpt_domain, relay_ip, relay_host, sending_ip,
       host, blocklist, program, is_local, sender, 1 AS sign FROM deliveries WHERE 0;
CREATE TRIGGER rollup_feed_add INSTEAD OF INSERT ON rollup_feed BEGIN
	INSERT INTO rollups (span, sec, start, key, extra, attempts, sent, deferred, bounced, expired,
	                     blocks, ndelay, delay_us, delay_max, last_sent, first, last)
	SELECT lv.span, k.sec, fl.f - ((fl.f % lv.span) + lv.span) % lv.span, k.key,
	       CASE WHEN NEW.sign > 0 THEN k.extra END, NEW.sign,
	       NEW.sign * (NEW.status = 'sent'), NEW.sign * (NEW.status = 'deferred'),
	       NEW.sign * (NEW.status = 'bounced'), NEW.sign * (NEW.status = 'expired'),
	       NEW.sign * (NEW.is_block <> 0), NEW.sign * (NEW.status = 'sent' AND NEW.delay IS NOT NULL),
	       NEW.sign * CASE WHEN NEW.status = 'sent' AND NEW.delay IS NOT NULL
	                       THEN CAST(round(NEW.delay * 1e6) AS INTEGER) ELSE 0 END,
	       CASE WHEN NEW.sign > 0 AND NEW.status = 'sent' THEN NEW.delay END,
	       CASE WHEN NEW.sign > 0 AND NEW.status = 'sent' THEN NEW.ts END, NEW.ts, NEW.ts
	FROM (SELECT 900 AS span UNION ALL SELECT 3600 UNION ALL SELECT 86400
	      UNION ALL SELECT 864000 UNION ALL SELECT 8640000) lv,
	     (SELECT CAST(NEW.ts AS INTEGER) - (NEW.ts < CAST(NEW.ts AS INTEGER)) AS f) fl,
	     (SELECT 0 AS sec, '' AS key, NULL AS extra WHERE NEW.is_local = 0
	      UNION ALL SELECT 1, coalesce(NEW.provider, '(unknown)'), NULL WHERE NEW.is_local = 0
	      UNION ALL SELECT 2, coalesce(NEW.pool, NEW.provider, '(unknown)'), NULL WHERE NEW.is_local = 0
	      UNION ALL SELECT 3, coalesce(NEW.rcpt_domain, '(none)'), NULL WHERE NEW.is_local = 0
	      UNION ALL SELECT 4, coalesce(NEW.relay_ip, '(none)'), NEW.relay_host WHERE NEW.is_local = 0
	      UNION ALL SELECT 5, coalesce(NEW.sending_ip, '(not named)'), NULL WHERE NEW.is_local = 0
	      UNION ALL SELECT 6, coalesce(NEW.host, '(none)'), NULL WHERE NEW.is_local = 0
	      UNION ALL SELECT 7, NEW.blocklist, NULL
	      WHERE NEW.is_local = 0 AND NEW.blocklist IS NOT NULL
	      UNION ALL SELECT 8, coalesce(NEW.program, '(none)'), NULL WHERE NEW.is_local = 1
	      UNION ALL SELECT 9, coalesce(CASE WHEN NEW.sender = '' THEN '<>' ELSE NEW.sender END,
	                                   '(unknown)'), NULL WHERE NEW.is_local = 0) k
	WHERE (lv.span <> 900 OR k.sec = 0)
	  AND (lv.span <= 3600 OR fl.f - ((fl.f % lv.span) + lv.span) % lv.span
	                          < (SELECT done FROM rollup_marks m WHERE m.span = lv.span))
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
CREATE TRIGGER rollups_empty AFTER UPDATE OF attempts ON rollups WHEN NEW.attempts <= 0 BEGIN
	DELETE FROM rollups
	WHERE span = NEW.span AND sec = NEW.sec AND start = NEW.start AND key = NEW.key;
END;
CREATE TRIGGER rollups_insert AFTER INSERT ON deliveries WHEN NEW.rolled = 0 BEGIN
	INSERT INTO rollup_feed SELECT NEW.ts, NEW.status, NEW.is_block, NEW.delay, NEW.provider,
	       NEW.pool, NEW.rcpt_domain, NEW.relay_ip, NEW.relay_host, NEW.sending_ip, NEW.host,
	       NEW.blocklist, NEW.program, NEW.is_local, NEW.sender, 1;
END;
-- prune deletes rows and keeps their rollups: no trigger on DELETE.
CREATE TRIGGER rollups_update AFTER UPDATE OF ts, status, is_block, delay, provider, pool,
	rcpt_domain, relay_ip, relay_host, sending_ip, host, blocklist, program, is_local, sender
ON deliveries BEGIN
	INSERT INTO rollup_feed SELECT OLD.ts, OLD.status, OLD.is_block, OLD.delay, OLD.provider,
	       OLD.pool, OLD.rcpt_domain, OLD.relay_ip, OLD.relay_host, OLD.sending_ip, OLD.host,
	       OLD.blocklist, OLD.program, OLD.is_local, OLD.sender, -1;
	INSERT INTO rollup_feed SELECT NEW.ts, NEW.status, NEW.is_block, NEW.delay, NEW.provider,
	       NEW.pool, NEW.rcpt_domain, NEW.relay_ip, NEW.relay_host, NEW.sending_ip, NEW.host,
	       NEW.blocklist, NEW.program, NEW.is_local, NEW.sender, 1;
END;
