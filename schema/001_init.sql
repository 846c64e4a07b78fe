-- bouncewatch schema, version 1: deliveries, sources, rules.
-- Applied once, in order, by PRAGMA user_version (src/store.c). Times are UTC
-- epoch seconds (REAL, fraction kept): datetime(ts, 'unixepoch') shows them.

-- One log file as bouncewatch knows it: where to resume. A path that now names
-- a different file (rotation) gets a new row; the old one keeps active = 0.
CREATE TABLE sources (
	id        INTEGER PRIMARY KEY,
	path      TEXT NOT NULL,
	dev       INTEGER NOT NULL,
	ino       INTEGER NOT NULL,
	fp        INTEGER NOT NULL,      -- FNV-1a 64 of the first fp_len bytes
	fp_len    INTEGER NOT NULL,
	offset    INTEGER NOT NULL DEFAULT 0, -- bytes read and stored, a line boundary
	active    INTEGER NOT NULL DEFAULT 1,
	first_seen REAL NOT NULL,
	updated   REAL NOT NULL
);
CREATE INDEX sources_path ON sources(path, active);

-- One row per delivery attempt. id = source_id * 2^40 + offset of the line's
-- start: the same line can never be stored twice, and no extra index is needed
-- to guarantee it.
CREATE TABLE deliveries (
	id          INTEGER PRIMARY KEY,
	ts          REAL NOT NULL,
	host        TEXT,                -- log host (syslog header)
	mta         TEXT NOT NULL,       -- 'postfix'
	program     TEXT,                -- 'postfix/smtp'
	queue_id    TEXT,
	sender      TEXT,                -- NULL when not seen; '' for <>
	recipient   TEXT,
	orig_to     TEXT,
	rcpt_domain TEXT,                -- lower case
	relay_host  TEXT,
	relay_ip    TEXT,
	relay_port  INTEGER,
	status      TEXT NOT NULL,       -- sent deferred bounced expired undeliverable deliverable
	                                 -- discarded softbounce refused unreachable other
	smtp_code   INTEGER,             -- remote reply code, NULL when none
	dsn         TEXT,                -- enhanced status code 5.7.1
	stage       TEXT,                -- CONNECT HELO STARTTLS AUTH MAIL RCPT DATA EOD QUIT OTHER
	reply       TEXT,                -- the remote reply (or Postfix's own reason)
	delay       REAL,
	delays      TEXT,                -- a/b/c/d as logged
	rule_id     TEXT,                -- matching rule (rules.id), NULL when none
	provider    TEXT,                -- microsoft google yahoo ... NULL when unknown
	category    TEXT,                -- blocklist reputation rate auth ptr content greylist
	                                 -- user-unknown mailbox-full relay-denied size other
	is_block    INTEGER NOT NULL DEFAULT 0,
	sending_ip  TEXT,                -- our IP as the reply names it
	source_id   INTEGER NOT NULL,
	offset      INTEGER NOT NULL     -- byte offset of the line in its source
);
CREATE INDEX deliveries_ts ON deliveries(ts);

-- The loaded rule set, rewritten at each start so SQL can join on rule_id.
CREATE TABLE rules (
	id          TEXT PRIMARY KEY,
	provider    TEXT,
	category    TEXT NOT NULL,
	block       INTEGER NOT NULL,
	priority    INTEGER NOT NULL,
	description TEXT,
	advice      TEXT,
	file        TEXT,
	line        INTEGER
);
