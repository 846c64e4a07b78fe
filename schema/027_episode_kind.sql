-- bouncewatch schema, version 27: kinds of episode.
--
-- BLOCK: the receiver refuses us because of our standing (a block list,
-- reputation, volume); the rule said block = yes. CONFIG: the receiver
-- refuses us for something we fix in our own configuration (PTR / rDNS,
-- HELO, SPF, DKIM, DMARC: categories ptr and auth); it stops all mail to
-- that receiver as surely as a block, so it opens an episode of its own,
-- announced with the fix. SUSPECTED: no rule knows the reply, but many
-- distinct recipients at one pool were refused with the same reply while
-- nothing was accepted (src/suspect.c); evidence says how many and when.
-- A key (pool, sending IP) may have one open episode of each kind: the key
-- of a CONFIG or SUSPECTED episode ends in its kind.
ALTER TABLE episodes ADD COLUMN kind TEXT NOT NULL DEFAULT 'BLOCK'
	CHECK (kind IN ('BLOCK', 'CONFIG', 'SUSPECTED'));
ALTER TABLE episodes ADD COLUMN evidence TEXT;   -- SUSPECTED: the counts that opened it

-- Episodes in force now, with their kind (a CONFIG episode stops the
-- pool's mail too; SELECT ... WHERE kind = 'BLOCK' for blocks alone).
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
       e.hosts                            AS hosts,
       e.kind                             AS kind,
       e.evidence                         AS evidence
FROM episodes e
WHERE e.cleared IS NULL
ORDER BY e.opened;
