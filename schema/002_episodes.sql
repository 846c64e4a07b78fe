-- bouncewatch schema, version 2: block episodes and their alerts.
-- Rows here are derived from deliveries by src/episode.c in the same
-- transaction as the delivery rows that caused them. Times are UTC epoch
-- seconds (REAL), like everywhere else.

-- One block episode: a provider refusing one sending IP (or, when neither the
-- reply nor --source-ip names the IP, one log host), from the first block
-- reply until it clears. At most one open episode per key (index below).
CREATE TABLE episodes (
	id           INTEGER PRIMARY KEY,
	provider     TEXT NOT NULL,       -- microsoft google yahoo ... (or the recipient domain)
	sending_ip   TEXT NOT NULL,       -- our IP as the reply names it, else --source-ip, else the log host
	key          TEXT NOT NULL,       -- provider || ' ' || sending_ip
	category     TEXT,                -- category of the first block reply
	categories   TEXT NOT NULL,       -- every category seen, space separated
	opened       REAL NOT NULL,       -- time of the first block reply
	last_seen    REAL NOT NULL,       -- time of the last block reply
	cleared      REAL,                -- NULL while open
	clear_reason TEXT,                -- 'delivered' (a later success) or 'quiet' (--clear-after)
	event_count  INTEGER NOT NULL,    -- block replies in the episode
	first_reply  TEXT,                -- the first block reply, as the remote server said it
	rule_id      TEXT,                -- rule of the first block reply (rules.id)
	advice       TEXT,                -- what to do (the rule's advice: delisting page ...)
	hosts        TEXT NOT NULL        -- log hosts the block replies came from, space separated
);
CREATE UNIQUE INDEX episodes_open ON episodes(key) WHERE cleared IS NULL;
CREATE INDEX episodes_key ON episodes(key, opened);

-- One notification about an episode. Every episode gets its 'open' row (and
-- a 'clear' row with --alert-on clear); announce = 0 rows are records only:
-- the episode was backfilled from old log lines (note 'old') or the key had
-- an announced opening within --min-interval (note 'min-interval').
-- Announced rows are sent until delivered: a failed or timed-out alert
-- program leaves delivered NULL, counts the attempt and sets the next due time.
CREATE TABLE alerts (
	id          INTEGER PRIMARY KEY,
	episode_id  INTEGER NOT NULL REFERENCES episodes(id),
	kind        TEXT NOT NULL CHECK (kind IN ('open', 'clear')),
	created     REAL NOT NULL,        -- clock time the row was made
	announce    INTEGER NOT NULL,     -- 1: to be sent; 0: recorded only
	announced   REAL,                 -- clock time announce became 1
	note        TEXT,                 -- why not announced: 'old', 'min-interval'
	due         REAL,                 -- next attempt (NULL when not announced)
	delivered   REAL,                 -- clock time of the successful delivery
	attempts    INTEGER NOT NULL DEFAULT 0,
	last_error  TEXT                  -- why the last attempt failed
);
CREATE INDEX alerts_episode ON alerts(episode_id);
CREATE INDEX alerts_pending ON alerts(due) WHERE delivered IS NULL AND announce = 1;

-- Blocks in force now, with what to do about them: one row per open episode.
--   sqlite3 bouncewatch.db 'SELECT provider, sending_ip, since, advice FROM open_blocks'
CREATE VIEW open_blocks AS
SELECT e.id                               AS episode_id,
       e.provider                         AS provider,
       e.sending_ip                       AS sending_ip,
       e.category                         AS category,
       datetime(e.opened, 'unixepoch')    AS since,       -- UTC
       datetime(e.last_seen, 'unixepoch') AS last_seen,   -- UTC
       e.event_count                      AS refusals,
       e.first_reply                      AS first_reply,
       e.rule_id                          AS rule_id,
       e.advice                           AS advice,
       e.hosts                            AS hosts
FROM episodes e
WHERE e.cleared IS NULL
ORDER BY e.opened;
