-- bouncewatch schema, version 42: open hours, so ingest writes an hour's
-- rollups once instead of at every commit; local deliveries counted apart in
-- the reason rollups (the digest's new reasons read them).
--
-- A writer keeps the rollup groups of a recent hour in memory across its
-- commits and writes them in the transaction that closes the hour
-- (src/store_rollup.c). Until then the hour is listed here, with the number
-- of attempts stored in it that the rollups do not hold yet, committed with
-- those attempts; readers take a listed hour from the rows. The writer
-- that closes an hour writes the groups it holds only when it stored every
-- one of those attempts itself (owner) and holds as many; any other way
-- (a writer that stopped or crashed, two writers at once) the hour's
-- rollups are rebuilt from its rows. Rows others write (sqlite3) are added
-- by the triggers of 030 whether the hour is open or not.
CREATE TABLE rollup_open (
	start INTEGER PRIMARY KEY,   -- UTC epoch seconds, a multiple of 3600
	rows  INTEGER NOT NULL,      -- attempts stored in it since it was opened
	owner INTEGER NOT NULL       -- the writer that stored them all; 0: several
);

-- The digest's new reasons leave deliveries into local mailboxes out of the
-- period's counts (the report's reasons section keeps them): each reason
-- group also counts those. The hours with local refusals are rebuilt from
-- their rows by the next writer (031's reason_stale), and a change of
-- is_local with sqlite3 marks its hour too.
ALTER TABLE reason_rollups ADD COLUMN nlocal INTEGER NOT NULL DEFAULT 0;
INSERT OR IGNORE INTO reason_stale (start)
SELECT f - ((f % 3600) + 3600) % 3600
FROM (SELECT CAST(ts AS INTEGER) - (ts < CAST(ts AS INTEGER)) AS f FROM deliveries
      WHERE is_local = 1 AND status <> 'sent' AND reply IS NOT NULL);
DROP TRIGGER reason_stale_update;
CREATE TRIGGER reason_stale_update AFTER UPDATE OF ts, status, reply, rule_id, provider, category,
	rcpt_domain, is_local ON deliveries BEGIN
	INSERT OR IGNORE INTO reason_stale (start)
	SELECT f - ((f % 3600) + 3600) % 3600
	FROM (SELECT CAST(OLD.ts AS INTEGER) - (OLD.ts < CAST(OLD.ts AS INTEGER)) AS f
	      WHERE OLD.status <> 'sent' AND OLD.reply IS NOT NULL
	      UNION ALL
	      SELECT CAST(NEW.ts AS INTEGER) - (NEW.ts < CAST(NEW.ts AS INTEGER))
	      WHERE NEW.status <> 'sent' AND NEW.reply IS NOT NULL);
END;
