-- bouncewatch schema, version 8: what the receivers say besides the bounce:
-- Microsoft SNDS (per-IP daily data, blocked ranges) and complaint reports
-- (ARF, RFC 5965; Microsoft JMRP). Written by `bouncewatch snds` and
-- `bouncewatch arf` (src/feed_snds.c, src/feed_arf.c). Times are UTC epoch
-- seconds (REAL), like everywhere else.

-- SNDS data feed: one row per IP and day, replaced when fetched again.
CREATE TABLE snds_data (
	ip               TEXT NOT NULL,
	day              TEXT NOT NULL,   -- YYYY-MM-DD of the activity end
	activity_start   REAL,            -- SNDS's times, read as UTC
	activity_end     REAL,
	rcpt             INTEGER,         -- RCPT commands SNDS counted
	data             INTEGER,         -- DATA commands
	recipients       INTEGER,         -- message recipients
	filter           TEXT,            -- GREEN (spam < 10%), YELLOW (10-90%), RED (> 90%)
	complaint_rate   REAL,            -- fraction; the bound when SNDS wrote "< 0.1%"
	complaint_below  INTEGER,         -- 1 when SNDS wrote "< x%"
	trap_start       REAL,
	trap_end         REAL,
	trap_hits        INTEGER,
	sample_helo      TEXT,
	sample_mail_from TEXT,
	comments         TEXT,
	fetched          REAL NOT NULL,   -- when bouncewatch read it
	PRIMARY KEY (ip, day)
) WITHOUT ROWID;

-- SNDS IP status feed: the sender's ranges Microsoft blocks. A range missing
-- from a later fetch is marked gone (unblocked) rather than deleted.
CREATE TABLE snds_status (
	first_ip    TEXT NOT NULL,
	last_ip     TEXT NOT NULL,
	first_num   INTEGER,              -- IPv4 as a number (for range queries), else NULL
	last_num    INTEGER,
	blocked     INTEGER NOT NULL,
	reason      TEXT,
	first_seen  REAL NOT NULL,
	last_seen   REAL NOT NULL,
	gone        REAL,                 -- first fetch that no longer listed it
	seen_run    INTEGER NOT NULL,     -- the status fetch that last listed it (1, 2, ...)
	PRIMARY KEY (first_ip, last_ip)
);

-- One complaint: a recipient marked one of our messages as junk.
CREATE TABLE complaints (
	id               INTEGER PRIMARY KEY,
	arrived          REAL NOT NULL,   -- Arrival-Date (ARF), else the original's Date, else the report's
	read_at          REAL NOT NULL,   -- when bouncewatch read the report
	reporter         TEXT,            -- provider whose user complained (microsoft for JMRP ...)
	format           TEXT NOT NULL,   -- 'arf' (RFC 5965) or 'forward' (message/rfc822 only, JMRP style)
	feedback_type    TEXT,            -- abuse, fraud, ... (ARF Feedback-Type)
	source_ip        TEXT,            -- our IP the complained-of mail came from
	mail_from        TEXT,            -- envelope sender of the original
	mail_from_domain TEXT,
	rcpt_domain      TEXT,            -- recipient domain of the original
	message_id       TEXT,            -- Message-ID of the original
	subject          TEXT,            -- Subject of the original (decoded)
	origin           TEXT NOT NULL UNIQUE  -- hash of the report's bytes: each report counts once
);
CREATE INDEX complaints_ip ON complaints(source_ip, arrived);

-- Outside evidence attached to an episode (SNDS days, blocked ranges,
-- complaints), shown beside the log's own refusals.
CREATE TABLE episode_evidence (
	episode_id  INTEGER NOT NULL REFERENCES episodes(id),
	kind        TEXT NOT NULL,        -- 'snds-filter', 'snds-traps', 'snds-blocked', 'complaints'
	ts          REAL NOT NULL,
	detail      TEXT NOT NULL,
	PRIMARY KEY (episode_id, kind, ts)
) WITHOUT ROWID;

-- Complaints per day, IP and reporting provider, with the deliveries that
-- provider accepted that day from the log hosts whose replies named that IP:
-- what providers judge a sender by.
CREATE VIEW complaint_rates AS
SELECT c.day, c.source_ip, c.reporter, c.complaints,
       (SELECT count(*) FROM deliveries d
         WHERE d.status = 'sent' AND d.provider = c.reporter
           AND date(d.ts, 'unixepoch') = c.day
           AND d.host IN (SELECT DISTINCT host FROM deliveries WHERE sending_ip = c.source_ip)
       ) AS accepted
FROM (SELECT date(arrived, 'unixepoch') AS day, source_ip, reporter, count(*) AS complaints
        FROM complaints GROUP BY 1, 2, 3) c;
