#!/bin/sh
# The command line: -h and --help for every command `bouncewatch --help`
# lists, and the time forms --since / --until take (src/when.c), with the
# clock pinned (BOUNCEWATCH_NOW) and TZ=UTC so no figure depends on today.
. "$(dirname "$0")/lib.sh"
export TZ=UTC
DATA="$TOP/tests/e2e/data"

# Every command listed by the top-level help answers -h and --help: exit 0,
# its usage on stdout, nothing on stderr.
cmds=$("$BW" --help | awk '/^commands:/ { f = 1; next } /^$/ { f = 0 } f { print $1 }')
n=$(echo "$cmds" | grep -c .)
check "the top-level help lists the commands ($n)" test "$n" -ge 14
for c in $cmds; do
	for h in -h --help; do
		status "$c $h" 0 "$BW" "$c" $h
		check "$c $h: usage on stdout" grep -qi "usage" "$T/.out"
		check "$c $h: nothing on stderr" test ! -s "$T/.err"
	done
done

# A database of known rows (as report.sh makes it).
mkdir -p "$T/norules"
DB=$T/c.db
"$BW" --db "$DB" --rules "$T/norules" scan - </dev/null >/dev/null 2>&1 &&
	sqlite3 "$DB" "DELETE FROM sources" && sqlite3 "$DB" <"$DATA/fixture.sql"

# 1795348800 is 2026-11-22T12:00:00Z: yesterday is 2026-11-21, today 2026-11-22.
export BOUNCEWATCH_NOW=1795348800
"$BW" --db "$DB" report --since 2026-11-21 --until 2026-11-22 --format json >"$T/iso.json" 2>&1
"$BW" --db "$DB" report --since yesterday --until today --format json >"$T/words.json" 2>&1
eq "report --since yesterday --until today = the ISO dates" "$(cat "$T/iso.json")" "$(cat "$T/words.json")"
"$BW" --db "$DB" report --since @1795219200 --until 2026-11-22T00:00:00Z --format json >"$T/epoch.json" 2>&1
eq "report --since @EPOCH --until ...Z = the ISO dates" "$(cat "$T/iso.json")" "$(cat "$T/epoch.json")"
"$BW" --db "$DB" report --since 2d --format json >"$T/ago.json" 2>&1
"$BW" --db "$DB" report --since -2d --format json >"$T/minus.json" 2>&1
eq "report --since -2d = --since 2d" "$(cat "$T/ago.json")" "$(cat "$T/minus.json")"
check "the window holds rows (the reports compared are not empty)" \
	grep -q '"attempts": 8,' "$T/iso.json"

status "report --since 2026-02-30 (no such day)" 2 "$BW" --db "$DB" report --since 2026-02-30
check "the bad time is named with its option" \
	grep -q "report: --since: expected now, today, .*, got '2026-02-30'" "$T/.err"
status "report --until 2026-11-22T25:00" 2 "$BW" --db "$DB" report --until 2026-11-22T25:00
check "... named with its option" grep -q "report: --until: expected .*, got '2026-11-22T25:00'" "$T/.err"

status "blocks --since today" 0 "$BW" --db "$DB" blocks --since today
status "blocks --since 2026-11-20T10:00+01:00" 0 "$BW" --db "$DB" blocks --since 2026-11-20T10:00+01:00
status "blocks --since tomorrowish" 2 "$BW" --db "$DB" blocks --since tomorrowish
check "blocks names --since and the value" grep -q -- "--since.*tomorrowish" "$T/.err"

# First contact: a window with nothing in it says where the data is; an empty
# database says how to fill one; a missing database or directory says what to do.
# A month after the fixture's newest row (2026-11-22T09:00:00Z).
status "report over an empty window" 0 env BOUNCEWATCH_NOW=$((BOUNCEWATCH_NOW + 30 * 86400)) "$BW" --db "$DB" report
check "... says the newest delivery and a --since that shows it" \
	grep -q "no delivery in the window; the newest is at 2026-11-22T09:00:00Z: try --since 2026-11-22" "$T/.err"
status "report over a window with rows" 0 env BOUNCEWATCH_NOW=$((BOUNCEWATCH_NOW + 30 * 86400)) "$BW" --db "$DB" report --since 2026-11-22
check "... gives no hint" test ! -s "$T/.err"
"$BW" --db "$T/empty.db" --rules "$T/norules" scan - </dev/null >/dev/null 2>&1
status "report on a database without deliveries" 0 "$BW" --db "$T/empty.db" report
check "... says scan or tail fills it" grep -q "no deliveries yet: .bouncewatch scan LOG" "$T/.err"
status "report on a missing database" 1 "$BW" --db "$T/none.db" report
check "... says scan or tail creates it, names --db and BOUNCEWATCH_DB" \
	grep -q "none.db: No such file or directory (no such database: .bouncewatch scan LOG. (once) or .bouncewatch tail LOG. creates it, or choose another with --db PATH or BOUNCEWATCH_DB)" "$T/.err"
status "scan into a missing directory" 1 "$BW" --db "$T/nodir/x.db" scan - </dev/null
check "... names the directory, --db and BOUNCEWATCH_DB" \
	grep -q "x.db: No such file or directory (the directory $T/nodir does not exist; create it, or choose the database with --db PATH or BOUNCEWATCH_DB)" "$T/.err"
status "blocks with a missing directory (BOUNCEWATCH_DB)" 1 env BOUNCEWATCH_DB="$T/nodir/x.db" "$BW" blocks
check "... says the same" grep -q "$T/nodir does not exist.*BOUNCEWATCH_DB" "$T/.err"

# --- one option parser (src/cmd_args.c): the same errors from every command ----
# An unknown option: "CMD: unknown option '--x' (see bouncewatch CMD --help)",
# exit 2 (check: 3, UNKNOWN). config takes the configuration's options only
# (its own message); snds and dnsbl take their verb first.
printf 'x\n' >"$T/x.log"
for c in $cmds; do
	case $c in
	config) continue ;;
	snds) args="snds import" ;;
	dnsbl) args="dnsbl check" ;;
	*) args=$c ;;
	esac
	want=2
	[ "$c" = check ] && want=3
	# shellcheck disable=SC2086
	status "$args --frobnicate" $want timeout 10 "$BW" --db "$DB" $args --frobnicate
	check "$args: the unknown option named the one way" \
		grep -q "^bouncewatch: $args: unknown option '--frobnicate' (see bouncewatch $args --help)" "$T/.err"
done
status "report --top (no value)" 2 "$BW" --db "$DB" report --top
check "... says it needs a value" grep -q "report: --top needs a value" "$T/.err"
status "scan --yea 2024 (an abbreviation)" 2 "$BW" --db "$DB" scan --yea 2024 "$T/x.log"
check "... is refused, naming the option meant" grep -q "unknown option '--yea' (did you mean --year?)" "$T/.err"
status "blocks --open=yes (a flag given a value)" 2 "$BW" --db "$DB" blocks --open=yes
check "... says it takes none" grep -q "blocks: --open takes no value" "$T/.err"
status "--frobnicate before the command" 2 "$BW" --frobnicate report
check "... named by the top level" grep -q "^bouncewatch: unknown option '--frobnicate' (see bouncewatch --help)" "$T/.err"

# Global options before or after the command name, --opt=value, options after
# operands, and "--" before an operand that starts with a dash.
"$BW" --db "$DB" report --format json --since 2026-11-21 --until 2026-11-22 >"$T/a.json" 2>&1
"$BW" report --until=2026-11-22 --db="$DB" --format=json --since 2026-11-21 >"$T/b.json" 2>&1
eq "report: --db after the command and --opt=value give the same report" "$(cat "$T/a.json")" "$(cat "$T/b.json")"
check "... a report with rows" grep -q '"attempts": 8,' "$T/b.json"
eq "query: options after the SQL" "x
1" "$("$BW" query "SELECT 1 AS x" --db "$DB" --format csv | tr -d '\r')"
eq "query -- '-1 AS x' (an operand after --)" "x
-1" "$("$BW" --db "$DB" query --format csv -- "SELECT -1 AS x" | tr -d '\r')"

# --- strict numbers (src/optnum.c): the whole value is the number, in range -----
# Each line: exit, option, value, the command and its other arguments. The
# message names the option and the value; nothing runs (timeout guards tail,
# which before followed the file with --batch-lines 1.5).
strict() { # want opt val command...
	_want=$1 _opt=$2 _val=$3
	shift 3
	status "$* $_opt $_val" "$_want" timeout 10 "$BW" --db "$DB" "$@" "$_opt" "$_val"
	check "... names $_opt" grep -qF -- "$_opt: expected" "$T/.err"
	check "... shows '$_val'" grep -qF -- "got '$_val'" "$T/.err"
}
while IFS='|' read -r want opt val rest; do
	[ -n "$want" ] || continue
	# shellcheck disable=SC2086
	strict "$want" "$opt" "$val" $(echo "$rest" | sed "s#X\$#$T/x.log#")
done <<'END'
2|--year|2024x|scan X
2|--year|20 24|scan X
2|--year|1969|scan X
2|--batch|10k|scan X
2|--batch|0x10|scan X
2|--clear-accepts|3x|scan X
2|--clear-after|1e9|scan X
2|--alert-timeout|1e9|scan X
2|--alert-timeout|0|scan X
2|--min-interval|-5m|scan X
2|--suspect-recipients|5x|scan X
2|--suspect-recipients|1|scan X
2|--suspect-recipients|65|tail X
2|--suspect-window|0|scan X
2|--suspect-window|10 m|tail X
2|--batch-lines|1.5|tail X
2|--batch-ms|100ms|tail X
2|--poll|nan|tail X
2|--poll|-1|tail X
2|--grace|inf|tail X
2|--retention|30m|tail X
2|--dns-timeout|5x|tail X
2|--dns-tries|+2|tail X
2|--top|-3|report
2|--top|5x|report
2|--max-rows|-3|query SELECT-1
2|--max-rows|1e3|query SELECT-1
2|--timeout|nan|query SELECT-1
2|--timeout|0x10|query SELECT-1
3|--min-attempts|5x|check
3|--window|1e9|check
3|--warning|1x|check
3|--warning|,30|check
3|--critical|,150%|check
3|--not-understood|20%%|check
2|--batch|-3|prune --older-than 90d
2|--older-than|1.5d|prune
2|--complaint-min|2x|arf --maildir /nonexistent
2|--complaint-rate|1e9|arf --maildir /nonexistent
2|--timeout|5x|snds import --data /dev/null
2|--explain|1a|rules test /dev/null
2|--top|0|rules test /dev/null
2|--dns-tries|2x|dnsbl check 127.0.0.2
2|--dns-timeout|abc|selfcheck --ip 127.0.0.2
2|--smtp-timeout|0|alert-mail
2|--timeout|1e3|digest --to ops@example.org
2|--format|xml|blocks
2|--format|yaml|dnsbl check 127.0.0.2
2|--format|x|selfcheck --ip 127.0.0.2
END
status "scan --year=2024x (the = form)" 2 "$BW" --db "$DB" scan --year=2024x "$T/x.log"
check "... names --year and the value" \
	grep -q -- "scan: --year: expected a whole number from 1970 to 9999, got '2024x'" "$T/.err"

# --- first contact for blocks: an empty --since window says where the episodes are
# samples/postfix-loopback.log ends 2026-11-28T02:25:57Z; scanned with the clock
# a month later, its four episodes have cleared (quiet for --clear-after 24h).
B=$T/b.db
BOUNCEWATCH_NOW=$((1795834800 + 30 * 86400)) "$BW" --db "$B" --rules "$RULES" scan --year 2026 \
	"$TOP/samples/postfix-loopback.log" >/dev/null 2>&1
status "blocks --since 2026-11-30 (after every episode)" 0 env BOUNCEWATCH_NOW=$((1795834800 + 30 * 86400)) \
	"$BW" --db "$B" blocks --since 2026-11-30
check "... says the newest episode and a --since that shows it" \
	grep -q "blocks: no episode seen since the --since time; the newest was last seen at 2026-11-28T.*: try --since 2026-11-28" "$T/.err"
status "blocks --since 2026-11-28 --format json (episodes in the window)" 0 env BOUNCEWATCH_NOW=1795834800 \
	"$BW" --db "$B" blocks --since 2026-11-28 --format json
check "... lists them" grep -q '"provider"' "$T/.out"
check "... gives no hint" test ! -s "$T/.err"
status "blocks on a database without episodes" 0 "$BW" --db "$T/empty.db" blocks
check "... says scan or tail opens them" \
	grep -q "blocks: the database holds no block episode: .bouncewatch scan LOG" "$T/.err"

echo "1..$n_test"
finish
