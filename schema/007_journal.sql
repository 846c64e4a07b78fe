-- bouncewatch schema, version 7: the systemd journal as a source.
-- A journal source row (kind = 'journal') stands for one sequence-number id
-- of one journal (path = "journal", "journal:DIR" or "journal:FILE"): dev and
-- ino are 0, fp is the first 64 bits of the id (fp_len 0), offset the
-- sequence number of the last entry read, cursor and cursor_ts the
-- journal's cursor of that entry and its __REALTIME_TIMESTAMP, where a
-- restart resumes. A delivery's id is then source_id * 2^40 + the entry's
-- sequence number: the same entry is never stored twice, whatever cursor
-- it is reached by, with no index beyond the primary key.
ALTER TABLE sources ADD COLUMN kind TEXT NOT NULL DEFAULT 'file';
ALTER TABLE sources ADD COLUMN cursor TEXT;
ALTER TABLE sources ADD COLUMN cursor_ts REAL;
