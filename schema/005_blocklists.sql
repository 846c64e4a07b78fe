-- bouncewatch schema, version 5: the block list a reply names.
-- A block list is a property of the reply, not a provider: provider stays
-- the receiver (relay, else recipient domain), blocklist is the list's id
-- from patterns/blocklists.conf ('spamhaus', 'spamcop', 'microsoft' for a
-- receiver's own list ...), or the DNS zone the reply quotes when no list
-- there claims it. NULL when the reply names none.
ALTER TABLE deliveries ADD COLUMN blocklist TEXT;
CREATE INDEX deliveries_blocklist ON deliveries (blocklist, ts) WHERE blocklist IS NOT NULL;
