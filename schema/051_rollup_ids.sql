-- bouncewatch schema, version 51: the report's distinct counts (messages,
-- deferred messages, recipients) from per-hour id sets, so a busy day's
-- totals need not read and compare every row of the day.
--
-- One row per hour with outgoing attempts: each set is the hour's distinct
-- ids as 64-bit keyed hashes (SipHash-2-4; a message is "host queue_id" as
-- the report words it, a recipient its address), sorted, 8 bytes each,
-- little-endian. A window's distinct count is the size of the union of its
-- hours' sets (plus the ids of the rows at its ragged ends). Written by
-- ingest in the transaction that writes the hour's rollups
-- (src/store_ids.c); attempts and deferred say how many outgoing attempts
-- the sets hold: an hour whose totals rollup counts differently (rows added,
-- moved or deleted with sqlite3, hours stored before this version) is read
-- from its rows instead. Deleted by prune with the hour's rows.
-- The row start = -1 holds the hash key (attempts, deferred), random per
-- database, so that log content cannot aim at a collision.
CREATE TABLE rollup_ids (
	start             INTEGER PRIMARY KEY,  -- UTC epoch seconds, a multiple of 3600
	attempts          INTEGER NOT NULL,
	deferred          INTEGER NOT NULL,
	messages          BLOB NOT NULL,
	deferred_messages BLOB NOT NULL,
	recipients        BLOB NOT NULL
);
INSERT INTO rollup_ids VALUES (-1, random(), random(), x'', x'', x'');
