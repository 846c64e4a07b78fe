-- bouncewatch schema, version 54: the rollup triggers of 030 said again in
-- fewer words, with the same effect.
--
-- SQLite parses every CREATE statement of the schema whenever a connection
-- first prepares a statement, so each command pays for the schema's size,
-- and the rollup trigger was its largest part (a third of `check`'s schema
-- parse). The feed view now carries only the row's id and sign; the trigger
-- reads the row itself: after an insert or update its new values, and,
-- from a BEFORE UPDATE trigger, its old ones. The sections and spans come
-- from two small JSON lists instead of a ten-way UNION ALL. What reaches
-- the rollups, for rows inserted (rolled = 0) or changed with sqlite3, is
-- what 030's triggers wrote (tests/e2e/schema_triggers.sh compares them).
--
-- The reason_stale triggers of 031 and 042 also mark an hour that is
-- already marked with ON CONFLICT DO NOTHING instead of INSERT OR IGNORE:
-- an outer statement's own conflict clause (an UPSERT into deliveries,
-- UPDATE OR ROLLBACK, ...) overrides a trigger's OR IGNORE, and such a
-- write failed on "UNIQUE constraint failed: reason_stale.start".
DROP TRIGGER IF EXISTS rollups_insert;
DROP TRIGGER IF EXISTS rollups_update;
DROP TRIGGER IF EXISTS rollups_unadd;
DROP VIEW IF EXISTS rollup_feed;
CREATE VIEW rollup_feed AS SELECT id, 1 AS sign FROM deliveries WHERE 0;
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
	json_each('[900,3600,86400,864000,8640000]') s, json_each('[0,1,2,3,4,5,6,7,8,9]') k
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
CREATE TRIGGER rollups_insert AFTER INSERT ON deliveries WHEN NEW.rolled = 0 BEGIN
	INSERT INTO rollup_feed VALUES (NEW.id, 1);
END;
-- A changed row: its old values out (read before the change), its new ones in.
CREATE TRIGGER rollups_unadd BEFORE UPDATE OF ts, status, is_block, delay, provider, pool,
	rcpt_domain, relay_ip, relay_host, sending_ip, host, blocklist, program, is_local, sender
ON deliveries BEGIN
	INSERT INTO rollup_feed VALUES (OLD.id, -1);
END;
CREATE TRIGGER rollups_update AFTER UPDATE OF ts, status, is_block, delay, provider, pool,
	rcpt_domain, relay_ip, relay_host, sending_ip, host, blocklist, program, is_local, sender
ON deliveries BEGIN
	INSERT INTO rollup_feed VALUES (NEW.id, 1);
END;
DROP TRIGGER IF EXISTS reason_stale_insert;
DROP TRIGGER IF EXISTS reason_stale_update;
CREATE TRIGGER reason_stale_insert AFTER INSERT ON deliveries
WHEN NEW.rolled = 0 AND NEW.status <> 'sent' AND NEW.reply IS NOT NULL BEGIN
	INSERT INTO reason_stale (start)
	SELECT f - (f % 3600 + 3600) % 3600
	FROM (SELECT CAST(NEW.ts AS INTEGER) - (NEW.ts < CAST(NEW.ts AS INTEGER)) AS f) WHERE 1
	ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER reason_stale_update AFTER UPDATE OF ts, status, reply, rule_id, provider, category,
	rcpt_domain, is_local ON deliveries BEGIN
	INSERT INTO reason_stale (start)
	SELECT f - (f % 3600 + 3600) % 3600
	FROM (SELECT CAST(OLD.ts AS INTEGER) - (OLD.ts < CAST(OLD.ts AS INTEGER)) AS f
	      WHERE OLD.status <> 'sent' AND OLD.reply IS NOT NULL
	      UNION ALL
	      SELECT CAST(NEW.ts AS INTEGER) - (NEW.ts < CAST(NEW.ts AS INTEGER))
	      WHERE NEW.status <> 'sent' AND NEW.reply IS NOT NULL) WHERE 1
	ON CONFLICT DO NOTHING;
END;
