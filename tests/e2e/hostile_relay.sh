#!/bin/sh
# hostile_relay: a receiver that is not Microsoft answers in Microsoft's words
# (issue 17, defect 3). mx.evil.example refuses 12,000 deliveries with
# S3140-shaped replies, each naming another "sending IP"; at the end the real
# Outlook.com consumer MX refuses with S3140 for our address.
# Wanted: the real block opens and alerts (pool outlook-consumer); the evil
# replies are attributed to the relay's own pool (its registered domain),
# never to Microsoft, marked as worded like Microsoft's (src/rules.h,
# ATTRIBUTION), and capped per pool (src/epcap.h); the cap hit is said in the
# scan and tail summaries, by `check` and in the metrics file.
# Before the fix: 10,000 "microsoft" episodes, the global cap hit silently,
# the real block never opened (7 of the first 10 checks failed).
. "$(dirname "$0")/lib.sh"
export TZ=UTC
export BOUNCEWATCH_NOW=1795860000	# 2026-11-28T10:00:00Z
DB=$T/h.db
LOG=$T/mail.log
REPLY='weren'"'"'t sent. Please contact your Internet service provider since part of their network is on our block list (S3140). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors.'
awk -v reply="$REPLY" 'BEGIN {
	for (i = 0; i < 12000; i++) {
		t = sprintf("Nov 28 %02d:%02d:%02d", 6 + int(i / 3600), int(i / 60) % 60, i % 60)
		ip = sprintf("10.%d.%d.%d", int(i / 65536), int(i / 256) % 256, i % 256)
		printf "%s mx1 postfix/smtp[2211]: E%09X: to=<u%d@evil.example>, relay=mx.evil.example[198.51.100.66]:25, delay=1.2, delays=0.1/0/0.6/0.5, dsn=5.7.1, status=bounced (host mx.evil.example[198.51.100.66] said: 550 5.7.1 Unfortunately, messages from [%s] %s [X 2026-11-28T06:00:00.123Z 08DCE0000] (in reply to MAIL FROM command))\n", t, i, i, ip, reply
	}
	printf "Nov 28 09:59:00 mx1 postfix/smtp[2211]: F00000001: to=<a@hotmail.com>, relay=hotmail-com.olc.protection.outlook.com[52.101.8.44]:25, delay=1.2, delays=0.1/0/0.6/0.5, dsn=5.7.1, status=bounced (host hotmail-com.olc.protection.outlook.com[52.101.8.44] said: 550 5.7.1 Unfortunately, messages from [203.0.113.7] %s [DB5EUR03FT021.eop-EUR03.prod.protection.outlook.com 2026-11-28T09:59:00.123Z 08DCE00000F] (in reply to MAIL FROM command))\n", reply
}' >"$LOG"

status "scan" 0 "$BW" --db "$DB" --rules "$RULES" scan --year 2026 "$LOG"
eq "every line stored" 12001 "$(sql "$DB" "SELECT count(*) FROM deliveries")"
eq "the real Outlook.com block opens (pool outlook-consumer, our IP)" "1" \
	"$(sql "$DB" "SELECT count(*) FROM episodes WHERE pool = 'outlook-consumer' AND sending_ip = '203.0.113.7'")"
eq "... and is alerted" "1" \
	"$(sql "$DB" "SELECT count(*) FROM alerts a JOIN episodes e ON e.id = a.episode_id WHERE e.pool = 'outlook-consumer' AND a.kind = 'open'")"
eq "no episode from the evil relay is Microsoft's" "0" \
	"$(sql "$DB" "SELECT count(*) FROM episodes WHERE provider = 'microsoft' AND pool <> 'outlook-consumer'")"
n=$(sql "$DB" "SELECT count(*) FROM episodes WHERE pool LIKE '%evil.example%'")
check "the evil replies open episodes in the relay's own pool ($n)" test "$n" -gt 0
check "... capped per pool ($n < 12000)" test "$n" -lt 12000
check "the summary says the cap was hit" grep -qi 'cap' "$T/.err" "$T/.out"
"$BW" --db "$DB" check >"$T/check" 2>&1
check "check says the cap was hit" grep -qi 'cap' "$T/check"
check "check names the real block" grep -q 'outlook-consumer 203.0.113.7' "$T/check"
eq "the evil replies: no provider, worded like microsoft's, the relay's pool" "12000" \
	"$(sql "$DB" "SELECT count(*) FROM deliveries WHERE provider IS NULL AND worded_as = 'microsoft' AND pool = 'evil.example'")"
eq "the real reply is Microsoft's own" "microsoft outlook-consumer " \
	"$(sql "$DB" "SELECT provider || ' ' || pool || ' ' || coalesce(worded_as, '') FROM deliveries WHERE relay_host LIKE '%.outlook.com'")"
eq "the evil episodes are marked unlisted and worded like microsoft's" "$n" \
	"$(sql "$DB" "SELECT count(*) FROM episodes WHERE unlisted = 1 AND worded_as = 'microsoft'")"
eq "the cap hits are stored per pool" "evil.example $((12000 - n))" \
	"$(sql "$DB" "SELECT pool || ' ' || hits FROM episode_caps")"
"$BW" --db "$DB" blocks --open >"$T/blocks" 2>&1
check "blocks says whose wording it is" grep -q "^  worded like microsoft's refusals, from a relay that is not microsoft's" "$T/blocks"
"$BW" --db "$DB" report --since 2026-11-28 --format json >"$T/r.json" 2>&1
check "report: the blocks section carries worded_as" python3 -c '
import json, sys
b = json.load(open(sys.argv[1]))["blocks"]
real = [x for x in b if x["pool"] == "outlook-consumer"]
evil = [x for x in b if x["pool"] == "evil.example"]
assert len(real) == 1 and real[0]["worded_as"] is None, real
assert evil and all(x["worded_as"] == "microsoft" and x["provider"] != "microsoft" for x in evil), evil[:1]' "$T/r.json"

# tail reads the same log: it warns of the cap, the metrics count it, and the
# real block is announced.
"$BW" --db "$T/t.db" --rules "$RULES" tail --metrics-file "$T/m.prom" - <"$LOG" >"$T/tail.out" 2>"$T/tail.err"
eq "tail exits 0 at the end of stdin" 0 "$?"
check "tail warns of the cap" grep -q 'tail: episode cap hit: .*evil.example at its cap' "$T/tail.err"
check "tail announces the real block" grep -q '^BLOCK OPEN microsoft/outlook-consumer 203.0.113.7 ' "$T/tail.err"
eq "the metrics count the cap hits" "bouncewatch_episode_cap_hits_total $((12000 - n))" \
	"$(grep '^bouncewatch_episode_cap_hits_total ' "$T/m.prom")"
finish
