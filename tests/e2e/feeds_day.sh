#!/bin/sh
# feeds_day: one day told three ways. The log shows Outlook.com's S3140
# refusals for 203.0.113.7; SNDS (a real HTTP server on loopback) turns that
# IP RED with trap hits; JMRP complaints arrive in a Maildir. One episode
# carries all three kinds of evidence, one alert goes out, and the report
# shows SNDS beside the log and the complaint rate. The clock is pinned.
. "$(dirname "$0")/lib.sh"
export TZ=UTC
KEY=feedsday-0001
. "$TOP/tests/e2e/feeds_env.sh"
DB=$T/d.db
mkdir -p "$T/fbl/new" "$T/fbl/cur"
NOW=1795858200	# 2026-11-28T09:30:00Z, half an hour after the refusals
bw() { BOUNCEWATCH_NOW=$NOW "$BW" --db "$DB" --rules "$RULES" "$@" --alert-exec "$T/rec.sh"; }
q() { sql "$DB" "$1"; }

# The log: 40 accepted deliveries to Outlook.com in the morning, then the block.
{
	i=0
	while [ $i -lt 40 ]; do
		printf '2026-11-28T08:%02d:%02d+00:00 mx1 postfix/smtp[10]: 5B%08X: to=<user%d@outlook.com>, relay=outlook-com.olc.protection.outlook.com[52.101.0.1]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.6.0 <m%d@mail.example.net> Queued mail for delivery)\n' \
			$((i / 2)) $((i % 2 * 30)) $i $i $i
		i=$((i + 1))
	done
	for m in 1 2 3; do
		printf '2026-11-28T09:0%d:00+00:00 mx1 postfix/smtp[11]: 6C0000000%d: to=<late%d@hotmail.com>, relay=hotmail-com.olc.protection.outlook.com[52.101.0.2]:25, delay=1, delays=0/0/0/1, dsn=5.7.1, status=bounced (host hotmail-com.olc.protection.outlook.com[52.101.0.2] said: 550 5.7.1 Unfortunately, messages from [203.0.113.7] weren'"'"'t sent. Please contact your Internet service provider since part of their network is on our block list (S3140). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors. [BN8NAM11FT041.eop-nam11.prod.protection.outlook.com] (in reply to RCPT TO command))\n' \
			$m $m $m
	done
} >"$T/mail.log"
status "scan of the day's log" 0 bw scan "$T/mail.log"
eq "the log opens one episode for microsoft 203.0.113.7" 1 \
	"$(q "SELECT count(*) FROM episodes WHERE provider = 'microsoft' AND sending_ip = '203.0.113.7' AND cleared IS NULL")"
eq "one alert" 1 "$(runs)"

# SNDS turns the IP RED for the same day.
printf '203.0.113.7,11/28/2026 12:00 AM,11/28/2026 10:00 AM,43,43,43,RED,4.7%%,11/28/2026 9:30 AM,11/28/2026 9:45 AM,2,mx1.mail.example.net,bounces@mail.example.net,\r\n' >"$S/data.csv"
: >"$S/status.csv"
status "SNDS fetch" 0 bw snds fetch --snds-key "$KEY" --snds-url "$URL"

# Two JMRP complaints about mail from that IP that morning.
for n in 1 2; do
	sed "s/digest-77/day-$n/; s/Fri, 27 Nov 2026 10:57:58 +0000/Sat, 28 Nov 2026 08:1$n:00 +0000/" \
		"$TOP/tests/e2e/data/arf/jmrp-shape.eml" >"$T/fbl/new/17950000$n.M$n.host"
done
status "complaints from the Maildir" 0 bw arf --maildir "$T/fbl" --complaint-rate 1%

eq "still one episode for the IP" 1 "$(q "SELECT count(*) FROM episodes WHERE sending_ip = '203.0.113.7'")"
eq "its evidence: the complaints and SNDS's filter and traps" "complaints snds-filter snds-traps" \
	"$(q "SELECT group_concat(kind, ' ') FROM (SELECT kind FROM episode_evidence ORDER BY kind)")"
# 3 refusals, SNDS's RED day and trap hits, the complaint rate over 1%
eq "the log's refusals, SNDS's facts and the complaint rate counted on it" 6 "$(q "SELECT event_count FROM episodes")"
eq "still one alert" 1 "$(runs)"
eq "complaint rate: 2 complaints against 40 accepted" "2026-11-28|203.0.113.7|microsoft|2|40" \
	"$(q "SELECT day, source_ip, reporter, complaints, accepted FROM complaint_rates")"

BOUNCEWATCH_NOW=$NOW "$BW" --db "$DB" report --since 2026-11-28 --until 2026-11-29 --by snds,complaints,blocks --format json >"$T/r.json"
pycheck() { if python3 -c "$2" "$T/r.json" >"$T/.py" 2>&1; then ok "$1"; else notok "$1" "$(head -c 800 "$T/.py")"; fi; }
pycheck "report: SNDS RED beside the log's 3 block replies and 2 complaints" '
import json, sys
r = json.load(open(sys.argv[1]))
row = r["snds"][0]
assert (row["filter"], row["log_blocks"], row["complaints"], row["trap_hits"]) == ("RED", 3, 2, 2), row'
pycheck "report: the complaint rate (2/40 = 0.05)" '
import json, sys
r = json.load(open(sys.argv[1]))
row = r["complaints"][0]
assert abs(row["complaint_rate"] - 0.05) < 1e-9 and row["accepted"] == 40, row'
pycheck "report: the episode lists its evidence" '
import json, sys
r = json.load(open(sys.argv[1]))
assert r["blocks"][0]["evidence"] == "complaints snds-filter snds-traps", r["blocks"][0]'
BOUNCEWATCH_NOW=$NOW "$BW" --db "$DB" report --since 2026-11-28 --until 2026-11-29 --format html --output "$T/r.html" 2>/dev/null
check "the HTML report has the SNDS section with the RED day" \
	sh -c "grep -q 'Microsoft SNDS per IP and day' '$T/r.html' && grep -q '>RED<' '$T/r.html'"
