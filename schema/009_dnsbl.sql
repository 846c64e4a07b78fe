-- bouncewatch schema, version 9: block-list checks of our own IPs and the
-- self-check of the sender's own DNS (src/dnsbl.c, src/selfcheck.c).
-- Times are UTC epoch seconds (REAL).

-- One answer of one block list about one of our IPs. result 'error' means
-- the list could not be asked or answered something that is not a listing
-- (a Spamhaus error code such as 127.255.255.254 for a public resolver, a
-- timeout, SERVFAIL, an undocumented address): never a listing.
CREATE TABLE dnsbl_checks (
	id       INTEGER PRIMARY KEY,
	checked  REAL NOT NULL,          -- when asked
	ip       TEXT NOT NULL,          -- our sending IP (IPv4 or IPv6 text)
	zone     TEXT NOT NULL,          -- the list's name in patterns/dnsbl.conf ('zen')
	dns_zone TEXT NOT NULL,          -- its DNS zone ('zen.spamhaus.org')
	result   TEXT NOT NULL CHECK (result IN ('listed', 'not-listed', 'error')),
	codes    TEXT,                   -- the A answers, space separated ('127.0.0.4')
	labels   TEXT,                   -- what they mean ('XBL')
	txt      TEXT,                   -- the list's TXT reason, when listed
	error    TEXT,                   -- why it could not be checked
	expires  REAL NOT NULL           -- reused until then (the answer's TTL, bounded)
);
CREATE INDEX dnsbl_checks_ip ON dnsbl_checks(ip, zone, checked);

-- The sender's own DNS as seen when a block opened (or by `selfcheck`):
-- PTR, forward-confirmed rDNS, HELO, SPF, DKIM, DMARC.
CREATE TABLE selfchecks (
	id         INTEGER PRIMARY KEY,
	checked    REAL NOT NULL,
	ip         TEXT NOT NULL,
	domain     TEXT,                 -- envelope sender domain checked (SPF, DKIM, DMARC)
	helo       TEXT,
	episode_id INTEGER,              -- the episode whose opening asked for it
	summary    TEXT NOT NULL,        -- 'PTR ok, FCrDNS fails, SPF pass, ...'
	dnsbl      TEXT,                 -- the block-list summary of the same moment
	findings   TEXT NOT NULL         -- JSON array: {check, status, detail, fix}
);
CREATE INDEX selfchecks_episode ON selfchecks(episode_id);

-- The latest answer of each list about each IP.
CREATE VIEW dnsbl_latest AS
SELECT c.ip, c.zone, c.result, c.labels, c.txt, c.error,
       datetime(c.checked, 'unixepoch') AS checked
FROM dnsbl_checks c
WHERE c.id = (SELECT max(d.id) FROM dnsbl_checks d WHERE d.ip = c.ip AND d.zone = c.zone);
