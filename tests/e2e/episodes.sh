#!/bin/sh
# episodes: block episodes per receiving pool and counts a postmaster can
# trust, with the real binary, the shipped rules and providers.conf, and a
# Postfix-shaped log written here (RFC 3164, --year 2026, TZ=UTC; the clock
# pinned with BOUNCEWATCH_NOW so nothing depends on the day the suite runs).
#  - an Outlook.com consumer block (S3140, relay *.olc.protection.outlook.com)
#    with Microsoft 365 tenants (*.mail.protection.outlook.com) accepting mail
#    in between: one episode, pool outlook-consumer, never cleared by them;
#  - hysteresis: two accepted deliveries then a refusal continue it; three
#    over 15 minutes clear it;
#  - a refused connection ("connect to ...: Connection refused", then the
#    status=deferred line) is one attempt;
#  - S3140 replies with different server tags are one reason;
#  - local deliveries (lmtp) are kept, counted in the local section only.
. "$(dirname "$0")/lib.sh"
export TZ=UTC
export BOUNCEWATCH_NOW=1795860000	# 2026-11-28T10:00:00Z, the log's end
DB=$T/e.db
LOG=$T/mail.log

# s3140 TIME QID RCPT TAG: Outlook.com's consumer MX refuses (S3140), with the
# front-end server tag Microsoft appends
s3140() {
	printf '%s mx1 postfix/smtp[2211]: %s: to=<%s>, relay=hotmail-com.olc.protection.outlook.com[52.101.8.44]:25, delay=1.2, delays=0.1/0/0.6/0.5, dsn=5.7.1, status=bounced (host hotmail-com.olc.protection.outlook.com[52.101.8.44] said: 550 5.7.1 Unfortunately, messages from [203.0.113.7] weren'"'"'t sent. Please contact your Internet service provider since part of their network is on our block list (S3140). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors. [%s 2026-11-28T%s.123Z 08DCE00000%s] (in reply to MAIL FROM command))\n' \
		"Nov 28 $1" "$2" "$3" "$4" "$1" "$2"
}
# sent TIME QID RCPT RELAY: accepted
sent() {
	printf '%s mx1 postfix/smtp[2300]: %s: to=<%s>, relay=%s[52.101.9.10]:25, delay=0.9, delays=0.1/0/0.4/0.4, dsn=2.6.0, status=sent (250 2.6.0 <%s@example.org> Queued mail for delivery)\n' \
		"Nov 28 $1" "$2" "$3" "$4" "$2"
}
lmtp() {
	printf '%s mx1 postfix/lmtp[3100]: %s: to=<%s>, relay=mail.example.org[private/dovecot-lmtp], delay=0.05, delays=0.01/0/0.01/0.03, dsn=2.0.0, status=sent (250 2.0.0 <%s> Saved)\n' \
		"Nov 28 $1" "$2" "$3" "$3"
}
{
	s3140 09:00:00 A100000001 a@hotmail.com DB5EUR03FT021.eop-EUR03.prod.protection.outlook.com
	# Microsoft 365 tenants accept: another pool
	sent 09:01:00 A100000002 b@contoso.example contoso-example.mail.protection.outlook.com
	sent 09:05:00 A100000003 c@fabrikam.example fabrikam-example.mail.protection.outlook.com
	sent 09:20:00 A100000004 d@contoso.example contoso-example.mail.protection.outlook.com
	lmtp 09:21:00 A100000005 alice@example.org
	# the consumer pool accepts twice, then refuses again (another server tag)
	sent 09:22:00 A100000006 e@outlook.com outlook-com.olc.protection.outlook.com
	sent 09:24:00 A100000007 f@live.com hotmail-com.olc.protection.outlook.com
	s3140 09:25:00 A100000008 g@outlook.com BN8NAM11FT066.eop-nam11.prod.protection.outlook.com
	lmtp 09:26:00 A100000009 bob@example.org
	# a refused connection: Postfix's note, then the attempt's status line
	printf 'Nov 28 09:27:00 mx1 postfix/smtp[2400]: connect to mx.down.example[192.0.2.99]:25: Connection refused\n'
	printf 'Nov 28 09:27:00 mx1 postfix/smtp[2400]: A10000000A: to=<h@down.example>, relay=none, delay=0.1, delays=0.1/0/0/0, dsn=4.4.1, status=deferred (connect to mx.down.example[192.0.2.99]:25: Connection refused)\n'
	# three accepted over 15 minutes: cleared at the third
	sent 09:30:00 A10000000B i@hotmail.com hotmail-com.olc.protection.outlook.com
	sent 09:38:00 A10000000C j@hotmail.com hotmail-com.olc.protection.outlook.com
	sent 09:45:00 A10000000D k@msn.com hotmail-com.olc.protection.outlook.com
} >"$LOG"

status "scan" 0 "$BW" --db "$DB" --rules "$RULES" scan --year 2026 "$LOG"

# ---- pools and hysteresis ------------------------------------------------------
eq "pools of the attempts: local (none), tenants, consumer" "|2 m365|3 outlook-consumer|7" \
	"$(sql "$DB" "SELECT p || '|' || n FROM (SELECT coalesce(pool, '') AS p, count(*) AS n FROM deliveries WHERE status <> 'deferred' GROUP BY p ORDER BY p)" | tr '\n' ' ' | sed 's/ $//')"
eq "one episode, keyed by pool and IP, since the first refusal, both refusals in it" \
	"1|microsoft|outlook-consumer|outlook-consumer 203.0.113.7|2026-11-28 09:00:00|2" \
	"$(sql "$DB" "SELECT count(*), provider, pool, key, datetime(opened, 'unixepoch'), event_count FROM episodes")"
eq "cleared by the third accepted delivery in 15 minutes" "2026-11-28 09:45:00|delivered" \
	"$(sql "$DB" "SELECT datetime(cleared, 'unixepoch'), clear_reason FROM episodes")"
BOUNCEWATCH_NOW=1795860000 "$BW" --db "$DB" blocks >"$T/blocks" 2>&1
check "blocks shows provider/pool" grep -q '^microsoft/outlook-consumer 203.0.113.7 blocklist: cleared since 2026-11-28T09:00:00Z' "$T/blocks"

# the same log with one accepted delivery clearing (the rule before the hysteresis)
status "scan with --clear-accepts 1 --clear-span 0" 0 "$BW" --db "$T/one.db" --rules "$RULES" scan --year 2026 \
	--clear-accepts 1 --clear-span 0 "$LOG"
eq "... flaps: two episodes" 2 "$(sql "$T/one.db" "SELECT count(*) FROM episodes")"
status "--clear-accepts 0 is a usage error" 2 "$BW" --db "$T/x.db" scan --clear-accepts 0 "$LOG"
status "--clear-span 5x is a usage error" 2 "$BW" --db "$T/x.db" scan --clear-span 5x "$LOG"

# ---- counts ------------------------------------------------------------------------
eq "the refused connection is one attempt (its status line)" "1|deferred" \
	"$(sql "$DB" "SELECT count(*), group_concat(status) FROM deliveries WHERE reply LIKE 'connect to mx.down.example%'")"
eq "local deliveries kept, flagged" "2|2" "$(sql "$DB" "SELECT count(*), sum(is_local) FROM deliveries WHERE program = 'postfix/lmtp'")"
status "report json" 0 "$BW" --db "$DB" report --since 2026-11-28 --until 2026-11-29 --format json
cp "$T/.out" "$T/r.json"
check "report: totals, provider, domain, relay without the local deliveries; local section; pool section" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["totals"]["attempts"] == 11, d["totals"]
assert not [r for r in d["domain"] if r["domain"] == "example.org"], d["domain"]
assert sum(r["attempts"] for r in d["provider"]) == 11, d["provider"]
assert sum(r["attempts"] for r in d["relay"]) == 11, d["relay"]
assert [(r["agent"], r["attempts"], r["sent"]) for r in d["local"]] == [("postfix/lmtp", 2, 2)], d["local"]
p = {r["pool"]: (r["attempts"], r["sent"], r["bounced"], r["blocks"]) for r in d["pool"]}
assert p["outlook-consumer"] == (7, 5, 2, 2) and p["m365"] == (3, 3, 0, 0), p
b = d["blocks"][0]
assert (b["provider"], b["pool"], b["events"]) == ("microsoft", "outlook-consumer", 2), b
' "$T/r.json"
check "reasons: the two S3140 replies (different server tags) are one reason" python3 -c '
import json, sys
r = [x for x in json.load(open(sys.argv[1]))["reasons"] if x["rule_id"] == "microsoft-s3140"]
assert len(r) == 1 and r[0]["count"] == 2, r
assert r[0]["reason"].endswith("[<host> <time> <id>]"), r[0]["reason"]
' "$T/r.json"

finish
