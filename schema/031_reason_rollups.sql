-- bouncewatch schema, version 31: the reasons section of `bouncewatch
-- report` from rollups, so a month or a year of refusals reads a few
-- thousand rows instead of every attempt.
--
-- One row per time bucket (the spans and done marks of the rollups table,
-- 030_rollups.sql) and group of the reasons section: status, the reply as
-- bw_normalise() words it (cut to 1023 bytes, as the report cuts it), and
-- rule_id ('' when the row has none). Only attempts that were not sent and
-- have a reply are counted, as in the report. Written by ingest in the
-- transaction that stores the attempts (src/store_reason.c).
CREATE TABLE reason_rollups (
	span     INTEGER NOT NULL,   -- 3600, 86400, 864000, 8640000 seconds
	start    INTEGER NOT NULL,   -- UTC epoch seconds, a multiple of span
	status   TEXT NOT NULL,
	reason   TEXT NOT NULL,      -- bw_normalise(reply)
	rule     TEXT NOT NULL,      -- rule_id, '' for none
	provider TEXT,               -- max(provider)
	category TEXT,               -- max(category)
	count    INTEGER NOT NULL,
	first    REAL NOT NULL,      -- min(ts)
	last     REAL NOT NULL,      -- max(ts)
	domains  BLOB,               -- the first 10 distinct recipient domains in byte
	                             -- order, each followed by a NUL byte; NULL: none
	more     INTEGER NOT NULL,   -- 1: more distinct domains than those
	PRIMARY KEY (span, start, status, reason, rule)
) WITHOUT ROWID;

-- Hours whose reason rollups do not match the rows: rows inserted or
-- changed by something else than bouncewatch (sqlite3; the reply's wording
-- needs bouncewatch's normaliser, which plain SQL lacks), and every hour
-- with such rows when this version is reached. Readers take these hours
-- from the rows; the next writer (a scan, tail or prune) rebuilds their
-- rollups from the rows and forgets them.
CREATE TABLE reason_stale (
	start INTEGER PRIMARY KEY   -- UTC epoch seconds, a multiple of 3600
);
INSERT OR IGNORE INTO reason_stale (start)
SELECT f - ((f % 3600) + 3600) % 3600
FROM (SELECT CAST(ts AS INTEGER) - (ts < CAST(ts AS INTEGER)) AS f FROM deliveries
      WHERE status <> 'sent' AND reply IS NOT NULL);

CREATE TRIGGER reason_stale_insert AFTER INSERT ON deliveries
WHEN NEW.rolled = 0 AND NEW.status <> 'sent' AND NEW.reply IS NOT NULL BEGIN
	INSERT OR IGNORE INTO reason_stale (start)
	SELECT f - ((f % 3600) + 3600) % 3600
	FROM (SELECT CAST(NEW.ts AS INTEGER) - (NEW.ts < CAST(NEW.ts AS INTEGER)) AS f);
END;
CREATE TRIGGER reason_stale_update AFTER UPDATE OF ts, status, reply, rule_id, provider, category,
	rcpt_domain ON deliveries BEGIN
	INSERT OR IGNORE INTO reason_stale (start)
	SELECT f - ((f % 3600) + 3600) % 3600
	FROM (SELECT CAST(OLD.ts AS INTEGER) - (OLD.ts < CAST(OLD.ts AS INTEGER)) AS f
	      WHERE OLD.status <> 'sent' AND OLD.reply IS NOT NULL
	      UNION ALL
	      SELECT CAST(NEW.ts AS INTEGER) - (NEW.ts < CAST(NEW.ts AS INTEGER))
	      WHERE NEW.status <> 'sent' AND NEW.reply IS NOT NULL);
END;
