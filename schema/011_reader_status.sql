-- bouncewatch schema, version 11: files the follower cannot read.
-- `bouncewatch tail` adds a row when a followed path names a file it cannot
-- open (Permission denied, ...), keeps retrying, and deletes the row once it
-- reads the file again; `bouncewatch check` reports these rows as UNKNOWN.
CREATE TABLE reader_status (
    path  TEXT PRIMARY KEY,     -- the followed path
    since REAL NOT NULL,        -- UTC epoch seconds of the first failure
    error TEXT NOT NULL         -- the last reason ("Permission denied")
);
