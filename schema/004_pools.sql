-- bouncewatch schema, version 4: receiving pools, episode hysteresis, local
-- deliveries.
--
-- A provider runs several receiving systems that block and accept on their
-- own (Outlook.com consumer mail and Microsoft 365 tenants; Gmail and Google
-- Workspace): patterns/providers.conf names them ([provider/pool] sections),
-- and block episodes are kept per pool and sending IP.

-- The receiving pool of each attempt (from the relay host, else the
-- recipient domain; the provider's id for its default pool). NULL in rows
-- stored before version 4 and when no provider is known: reports read
-- coalesce(pool, provider).
ALTER TABLE deliveries ADD COLUMN pool TEXT;
-- 1 for a delivery into a local mailbox (Postfix lmtp, local, virtual,
-- pipe): kept, but not an outgoing attempt to a provider; reports count it
-- in a section of its own.
ALTER TABLE deliveries ADD COLUMN is_local INTEGER NOT NULL DEFAULT 0;
UPDATE deliveries SET is_local = 1
WHERE program LIKE '%/lmtp' OR program LIKE '%/local' OR program LIKE '%/virtual'
   OR program LIKE '%/pipe';

-- Episodes: key = pool || ' ' || sending_ip. Episodes stored before version
-- 4 were kept per provider: their pool is the provider (the key is unchanged).
-- accepts / accept_first: accepted deliveries from the episode's IP to its
-- pool since its last refusal, and the time of the first of them (the
-- hysteresis of src/episode.c: --clear-accepts within --clear-span).
ALTER TABLE episodes ADD COLUMN pool TEXT NOT NULL DEFAULT '';
ALTER TABLE episodes ADD COLUMN accepts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE episodes ADD COLUMN accept_first REAL;
UPDATE episodes SET pool = provider;

-- Blocks in force now, with the pool.
DROP VIEW open_blocks;
CREATE VIEW open_blocks AS
SELECT e.id                               AS episode_id,
       e.provider                         AS provider,
       e.pool                             AS pool,
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
