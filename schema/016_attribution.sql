-- bouncewatch schema, version 16: replies worded like another provider's,
-- and the per-pool caps on open block episodes.
--
-- A rule of a receiving provider (patterns/providers.conf) that matches a
-- reply from a relay that is not one of that provider's makes a "foreign"
-- verdict (src/rules.h, ATTRIBUTION): the receiver is the relay's own pool
-- (its registered domain, else the recipient domain), the provider is not
-- claimed, and the provider whose wording it is is kept here. NULL: not
-- foreign (and in rows stored before version 16).
ALTER TABLE deliveries ADD COLUMN worded_as TEXT;
ALTER TABLE episodes ADD COLUMN worded_as TEXT;
-- 1 when the episode's pool is not in providers.conf: such pools are capped
-- lower (src/epcap.h). Episodes stored before version 16 count as listed.
ALTER TABLE episodes ADD COLUMN unlisted INTEGER NOT NULL DEFAULT 0;

-- Block replies that opened no episode because their pool was at its cap
-- (src/epcap.h), per pool; pool '*' counts the bound on all unlisted pools
-- together. Written in the transaction of the rows; read by `check`.
-- Times are the (pinnable) clock when it happened.
CREATE TABLE episode_caps (
    pool      TEXT PRIMARY KEY,
    cap       INTEGER NOT NULL,   -- open episodes the pool was held to
    hits      INTEGER NOT NULL,   -- block replies not tracked
    first_hit REAL NOT NULL,
    last_hit  REAL NOT NULL
);
