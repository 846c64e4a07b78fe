-- Rows beyond fixture.log for the report tests: the rules table, block
-- episodes and their alert records, and hostile values that every format must
-- escape: quotes, commas, a newline, an ANSI escape, a bidi override, an
-- invalid UTF-8 byte, HTML markup, wide characters.
INSERT INTO rules (id, provider, category, block, priority, description, advice, file, line) VALUES
 ('microsoft-s3140', 'microsoft', 'blocklist', 1, 10, 'Microsoft block list S3140',
  'https://sender.office.com', 'microsoft.rules', 1),
 ('microsoft-ip-reputation', 'microsoft', 'reputation', 0, 20, 'Microsoft 4.7.650', NULL, 'microsoft.rules', 9),
 ('google-4.7.28', 'google', 'rate', 0, 10, 'Gmail unsolicited rate', NULL, 'google.rules', 1),
 ('yahoo-tss04', 'yahoo', 'reputation', 1, 10, 'Yahoo TSS04',
  'https://senders.yahooinc.com/contact', 'yahoo.rules', 1),
 ('user-unknown', NULL, 'user-unknown', 0, 90, 'Unknown recipient', NULL, 'generic.rules', 1);

-- Episodes as src/episode.c writes them (schema/002_episodes.sql): one open
-- (Microsoft), one cleared in the window (Yahoo), one cleared long before it
-- (Google), each with its 'open' alert record.
INSERT INTO episodes (id, provider, sending_ip, key, category, categories, opened, last_seen,
		      cleared, clear_reason, event_count, first_reply, rule_id, advice, hosts) VALUES
 (1, 'microsoft', '203.0.113.7', 'microsoft 203.0.113.7', 'blocklist', 'blocklist',
  1795248002, 1795251602, NULL, NULL, 3,
  '550 5.7.1 Unfortunately, messages from [203.0.113.7] weren''t sent. (S3140)',
  'microsoft-s3140', 'https://sender.office.com', 'mx1'),
 (2, 'yahoo', '203.0.113.7', 'yahoo 203.0.113.7', 'reputation', 'reputation',
  1795258804, 1795258804, 1795273200, 'delivered', 1,
  '421 4.7.0 [TSS04] Messages from 203.0.113.7 temporarily deferred', 'yahoo-tss04', NULL, 'mx1'),
 (3, 'google', '203.0.113.7', 'google 203.0.113.7', 'rate', 'rate',
  1793520000, 1793523600, 1793606400, 'quiet', 5,
  '421-4.7.28 old episode', 'google-4.7.28', NULL, 'mx1');
INSERT INTO alerts (episode_id, kind, created, announce, note) VALUES
 (1, 'open', 1795248003, 0, 'old'), (2, 'open', 1795258805, 0, 'old'),
 (3, 'open', 1793520001, 0, 'old');

-- 2026-11-21 13:00:00 and 14:00:00 UTC, source 2
INSERT INTO sources (id, path, dev, ino, fp, fp_len, offset, active, first_seen, updated)
 VALUES (2, 'hostile.log', 1, 2, 0, 0, 0, 1, 1795000000, 1795000000);
INSERT INTO deliveries (id, ts, host, mta, status, recipient, rcpt_domain, relay_ip, reply,
			provider, is_block, source_id, offset) VALUES
 (2199023255553, 1795266000, 'mx1', 'postfix', 'deferred', 'x@evil.example', 'evil.example',
  '198.51.100.66',
  '451 4.3.0 "quoted", comma' || char(10) || 'second line ' || char(27) || '[31mRED' ||
  char(27) || '[0m ' || char(8238) || 'reversed ' || CAST(X'FF' AS TEXT) || ' <b>bold</b> & done',
  '<script>alert(1)</script>', 0, 2, 1),
 (2199023255554, 1795269600, 'mx1', 'postfix', 'sent', 'y@例え.jp', '例え.jp',
  '198.51.100.67', '250 2.0.0 OK', '寿司', 0, 2, 2);
