# days.awk: a Postfix log of whole days, for the tests of bounded growth.
# awk -v first=19 -v last=28 -v per=2000 -v block_every=200 -f days.awk
# Days first..last of 2026-11, per deliveries a day (per <= 2400), one in
# block_every refused by Outlook.com (S3140), the others accepted with a
# long reply. Queue ids are unique across days.
BEGIN {
	for (d = first; d <= last; d++) for (i = 0; i < per; i++) {
		t = sprintf("2026-11-%02dT%02d:%02d:%02d+00:00", d, int(i / 100), int(i / 2) % 60, i % 60)
		q = sprintf("%02X%08X", d, i)
		if (i % block_every == 0)
			printf "%s mx1 postfix/smtp[1]: %s: to=<u%d@outlook.com>, relay=outlook-com.olc.protection.outlook.com[52.101.0.1]:25, delay=1, delays=0/0/0/1, dsn=5.7.1, status=bounced (host outlook-com.olc.protection.outlook.com[52.101.0.1] said: 550 5.7.1 Unfortunately, messages from [203.0.113.7] weren%ct sent. Please contact your Internet service provider since part of their network is on our block list (S3140). (in reply to RCPT TO command))\n", t, q, i, 39
		else
			printf "%s mx1 postfix/smtp[1]: %s: to=<u%d@example.org>, relay=mx.example.org[192.0.2.25]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as ABC%d with a long enough reply to take some room in the database %d)\n", t, q, i, i, i
	}
}
