#!/bin/sh
# feeds_tail: `tail` keeps the outside feeds up beside the log: SNDS fetched
# from a real HTTP server on loopback every second, complaint reports read
# from a Maildir the test fills while tail runs. The rows land, the episode
# SNDS opens is alerted once by tail's own alert sender, and SIGTERM ends it.
. "$(dirname "$0")/lib.sh"
export TZ=UTC
KEY=feedstail-key
. "$TOP/tests/e2e/feeds_env.sh"
DB=$T/t.db
mkdir -p "$T/fbl/new" "$T/fbl/cur" "$T/fbl/tmp"
echo "$KEY" >"$T/key"
q() { sqlite3 "$DB" "$1" 2>/dev/null; }
printf '203.0.113.9,11/28/2026 12:00 AM,11/28/2026 10:00 AM,43,43,43,RED,4.7%%,,,0,,,\r\n' >"$S/data.csv"
: >"$S/status.csv"
: >"$T/mail.log"

BOUNCEWATCH_NOW=1795860000 "$BW" --db "$DB" --rules "$RULES" tail --snds-every 1s \
	--snds-url "$URL" --snds-key-file "$T/key" \
	--arf-maildir "$T/fbl" --arf-every 1s --alert-exec "$T/rec.sh" "$T/mail.log" >"$T/out" 2>"$T/err" &
TP=$!
at_exit "kill -KILL $TP 2>/dev/null"
wait_until 60 sh -c "[ \"\$(sqlite3 '$DB' 'SELECT count(*) FROM snds_data' 2>/dev/null)\" = 1 ]"
eq "tail fetched SNDS" 1 "$(q "SELECT count(*) FROM snds_data")"
wait_until 60 sh -c "[ \$(ls '$T/rec' | grep -c '^env') -ge 1 ]"
eq "the RED IP's episode alerted once, by tail" 1 "$(runs)"
cp "$TOP/tests/e2e/data/arf/jmrp-shape.eml" "$T/fbl/new/1795860001.M1.host"
wait_until 60 sh -c "[ \"\$(sqlite3 '$DB' 'SELECT count(*) FROM complaints' 2>/dev/null)\" = 1 ]"
eq "a report dropped in the Maildir is stored" 1 "$(q "SELECT count(*) FROM complaints")"
sleep 2.5	# two more rounds of both feeds
eq "... once" 1 "$(q "SELECT count(*) FROM complaints")"
eq "SNDS fetched again changes nothing" "1 1" "$(q "SELECT count(*) FROM snds_data") $(q "SELECT count(*) FROM episodes")"
eq "still one alert" 1 "$(runs)"
kill -TERM $TP
wait $TP
eq "SIGTERM: exit 0" 0 $?
check "no feed failure reported" sh -c "! grep -q 'feeds:' '$T/err'"
