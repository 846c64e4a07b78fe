#!/bin/sh
# snds: Microsoft SNDS feeds fetched with libcurl from a real HTTP server on
# loopback (tests/e2e/snds_server.py serves CSV files in the documented
# shape and fails on demand), stored, turned into episodes and alerts.
# The clock is pinned (BOUNCEWATCH_NOW) to the feed's day.
. "$(dirname "$0")/lib.sh"
export TZ=UTC
NOW=1795878000	# 2026-11-28T15:00:00Z
KEY=0a1b2c3d-4e5f-6789-abcd-ef0123456789
. "$TOP/tests/e2e/feeds_env.sh"
snds() {
	BOUNCEWATCH_NOW=$NOW "$BW" --db "$T/s.db" --rules "$RULES" snds fetch --snds-url "$URL" \
		--alert-exec "$T/rec.sh" "$@" >"$T/out" 2>"$T/err"
}
q() { sql "$T/s.db" "$1"; }
crlf() { sed 's/$/\r/'; }

# Day one: two IPs GREEN, nothing blocked.
crlf >"$S/data.csv" <<CSV
203.0.113.7,11/27/2026 8:00 AM,11/28/2026 7:00 AM,1412,1410,1302,GREEN,< 0.1%,,,0,,,
203.0.113.8,11/27/2026 8:00 AM,11/28/2026 7:00 AM,88,88,80,GREEN,< 0.1%,,,0,mx2.example.net,,
CSV
: >"$S/status.csv"
status "fetch with the key from the environment" 0 env BOUNCEWATCH_SNDS_KEY=$KEY \
	sh -c "BOUNCEWATCH_NOW=$NOW '$BW' --db '$T/s.db' snds fetch --snds-url '$URL'"
eq "two data rows stored" 2 "$(q "SELECT count(*) FROM snds_data")"
eq "GREEN days open nothing" 0 "$(q "SELECT count(*) FROM episodes")"
check "the key went in the query string" grep -q "key=$KEY" "$S/requests.log"

# Day two turns RED with trap hits for .7; the status feed lists a range of three.
crlf >"$S/data-112926.csv" <<CSV
203.0.113.7,11/28/2026 8:00 AM,11/29/2026 7:00 AM,1502,1500,1490,RED,3.2%,11/29/2026 1:07 AM,11/29/2026 6:03 AM,12,mx1.example.net,bounce@example.net,
203.0.113.8,11/28/2026 8:00 AM,11/29/2026 7:00 AM,90,90,90,GREEN,< 0.1%,,,0,,,
CSV
crlf >"$S/status.csv" <<CSV
198.51.100.4,198.51.100.6,Yes,Blocked due to user complaints or other evidence of spamming
CSV
status "fetch of the RED day" 0 snds --snds-key "$KEY" --date 112926
eq "four rows now" 4 "$(q "SELECT count(*) FROM snds_data")"
eq "the RED day stored as RED" "RED|0.032|12" \
	"$(q "SELECT filter, complaint_rate, trap_hits FROM snds_data WHERE ip='203.0.113.7' AND day='2026-11-29'")"
eq "episodes: the RED IP and the three blocked ones" \
	"198.51.100.4 198.51.100.5 198.51.100.6 203.0.113.7" \
	"$(q "SELECT sending_ip FROM episodes WHERE provider='microsoft' AND cleared IS NULL ORDER BY 1" | tr '\n' ' ' | sed 's/ $//')"
eq "one alert per episode, delivered" 4 "$(runs)"
eq "the RED episode's alert carries the SNDS facts" "snds-filter" \
	"$(grep -l 203.0.113.7 "$T"/rec/env.* | head -1 | xargs sed -n 's/^BOUNCEWATCH_CATEGORY=//p')"
eq "evidence: filter and traps on the RED episode" "snds-filter snds-traps" \
	"$(q "SELECT group_concat(kind, ' ') FROM (SELECT v.kind FROM episode_evidence v JOIN episodes e ON e.id = v.episode_id WHERE e.sending_ip = '203.0.113.7' ORDER BY 1)")"
check "summary line" grep -q "snds: data 2 rows (2 new), status 1 range (1 new" "$T/err"

# The same feeds again: nothing new, no second alert.
status "fetch again" 0 snds --snds-key "$KEY" --date 112926
eq "rows unchanged" 4 "$(q "SELECT count(*) FROM snds_data")"
eq "no new episode" 4 "$(q "SELECT count(*) FROM episodes")"
eq "no new alert" 4 "$(runs)"

# The range is gone from the status feed: marked, not deleted.
: >"$S/status.csv"
status "an empty status feed" 0 snds --snds-key "$KEY" --date 112926
eq "the range is marked gone" 1 "$(q "SELECT count(*) FROM snds_status WHERE gone IS NOT NULL")"

# Bad records: named by line, skipped, the rest stored.
crlf >"$S/data-113026.csv" <<CSV
203.0.113.7,11/29/2026 8:00 AM,11/30/2026 7:00 AM,10,10,10,GREEN,< 0.1%,,,0,,,
not-an-ip,11/29/2026 8:00 AM,11/30/2026 7:00 AM,10,10,10,GREEN,< 0.1%,,,0,,,
203.0.113.8,11/29/2026 8:00 AM,11/30/2026 7:00 AM,10,10,10,PURPLE,< 0.1%,,,0,,,
CSV
status "a feed with bad records" 0 snds --snds-key "$KEY" --date 113026
check "line 2 named" grep -q "data feed, line 2: not an IP address" "$T/err"
check "line 3 named" grep -q "data feed, line 3: filter result" "$T/err"
eq "the good record stored" 1 "$(q "SELECT count(*) FROM snds_data WHERE day='2026-11-30'")"

# Failures: a refused key, a 5xx, a slow answer past the timeout. The key is
# never printed.
status "a refused key (exit 1)" 1 snds --snds-key 0000-wrong
check "... says the key was refused" grep -q "HTTP status 401 (the key was refused)" "$T/err"
check "... hides the key" grep -q "key=\*\*\*" "$T/err"
echo 503 >"$S/fail"
status "a 503 answer (exit 1)" 1 snds --snds-key "$KEY"
check "... names the status" grep -q "HTTP status 503" "$T/err"
rm -f "$S/fail"
echo 5 >"$S/slow"
status "an answer slower than --timeout (exit 1)" 1 snds --snds-key "$KEY" --timeout 1
check "... says it timed out" grep -qi "timed out" "$T/err"
rm -f "$S/slow"
if grep -q "$KEY" "$T/err" "$T/out"; then notok "the key never printed"; else ok "the key never printed"; fi
eq "nothing stored was lost" 5 "$(q "SELECT count(*) FROM snds_data")"

# Nothing listens: a clear connect error.
status "no server (exit 1)" 1 snds --snds-key "$KEY" --snds-url "http://127.0.0.1:1/snds/"
check "... a connect error" grep -qi "connect" "$T/err"

# Usage errors.
status "no key (exit 2)" 2 env -u BOUNCEWATCH_SNDS_KEY "$BW" --db "$T/s.db" snds fetch --snds-url "$URL"
status "a bad --date (exit 2)" 2 "$BW" --db "$T/s.db" snds fetch --snds-key "$KEY" --date 2026-11-29
status "import of a missing file (exit 2)" 2 "$BW" --db "$T/s.db" snds import --data "$T/nope.csv"
