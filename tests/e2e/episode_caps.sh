#!/bin/sh
# episode_caps: the per-pool caps on open block episodes (src/epcap.h) are
# options and [episodes] keys: --pool-cap (a pool in providers.conf),
# --unlisted-pool-cap (a pool not listed there), --unlisted-cap (all
# unlisted pools together). A block reply past a cap opens nothing and is
# counted (episode_caps, the summary, the metrics); a bad value is a usage
# error. Before they were options, every check below but the defaults failed.
. "$(dirname "$0")/lib.sh"
export TZ=UTC
export BOUNCEWATCH_NOW=1795860000	# 2026-11-28T10:00:00Z
REPLY='weren'"'"'t sent. Please contact your Internet service provider since part of their network is on our block list (S3140). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors.'
# N block replies from relay mx.DOMAIN, each naming another sending IP (base B)
blocks() { # domain n base
	awk -v reply="$REPLY" -v dom="$1" -v n="$2" -v b="$3" 'BEGIN {
	for (i = 0; i < n; i++)
		printf "Nov 28 09:%02d:%02d mx1 postfix/smtp[2211]: E%03d%06X: to=<u%d@%s>, relay=mx.%s[198.51.100.66]:25, delay=1.2, delays=0.1/0/0.6/0.5, dsn=5.7.1, status=bounced (host mx.%s[198.51.100.66] said: 550 5.7.1 Unfortunately, messages from [10.%d.0.%d] %s [X 2026-11-28T06:00:00.123Z 08DCE0000] (in reply to MAIL FROM command))\n", b, i, b, i, i, dom, dom, dom, b, i + 1, reply
	}'
}
# N real Outlook.com blocks, each for another of our IPs
outlook() { # n
	awk -v reply="$REPLY" -v n="$1" 'BEGIN {
	for (i = 0; i < n; i++)
		printf "Nov 28 09:50:%02d mx1 postfix/smtp[2211]: F%09X: to=<a%d@hotmail.com>, relay=hotmail-com.olc.protection.outlook.com[52.101.8.44]:25, delay=1.2, delays=0.1/0/0.6/0.5, dsn=5.7.1, status=bounced (host hotmail-com.olc.protection.outlook.com[52.101.8.44] said: 550 5.7.1 Unfortunately, messages from [203.0.113.%d] %s [DB5EUR03FT021.eop-EUR03.prod.protection.outlook.com 2026-11-28T09:50:00.123Z 08DCE00000F] (in reply to MAIL FROM command))\n", i, i, i, i + 1, reply
	}'
}
{ blocks evil.example 8 1; blocks bad.example 8 2; outlook 3; } >"$T/mail.log"
scan() { # db, options...
	db=$1; shift
	status "scan $*" 0 "$BW" --db "$db" --rules "$RULES" scan --year 2026 "$@" "$T/mail.log"
}
episodes() { sql "$1" "SELECT pool || ' ' || count(*) FROM episodes GROUP BY pool ORDER BY pool" | tr '\n' ' '; }
caps() { sql "$1" "SELECT pool || ' ' || cap || ' ' || hits FROM episode_caps ORDER BY pool" | tr '\n' ' '; }

# the defaults: nothing capped
scan "$T/d.db"
eq "defaults: every block opens" "bad.example 8 evil.example 8 outlook-consumer 3 " "$(episodes "$T/d.db")"
"$BW" config >"$T/config" 2>&1
check "config shows the defaults" grep -q '^episodes.unlisted-pool-cap = 256  # default' "$T/config"

# --unlisted-pool-cap: each unlisted pool holds 3; the listed one is not capped
scan "$T/u.db" --unlisted-pool-cap 3
eq "--unlisted-pool-cap 3: 3 per unlisted pool" "bad.example 3 evil.example 3 outlook-consumer 3 " \
	"$(episodes "$T/u.db")"
eq "... the 10 refused replies are counted per pool" "bad.example 3 5 evil.example 3 5 " "$(caps "$T/u.db")"
check "... and the summary says it" grep -q '10 block replies opened no episode: evil.example at its cap of 3 open episodes (5 replies), bad.example at its cap of 3' "$T/.out"

# --unlisted-cap: all unlisted pools together
scan "$T/t.db" --unlisted-cap 10
eq "--unlisted-cap 10: 10 unlisted in all" "bad.example 2 evil.example 8 outlook-consumer 3 " "$(episodes "$T/t.db")"
eq "... the hits counted under '*'" "* 10 6 " "$(caps "$T/t.db")"

# --pool-cap: a listed pool
scan "$T/l.db" --pool-cap 2
eq "--pool-cap 2: the listed pool holds 2" "bad.example 8 evil.example 8 outlook-consumer 2 " "$(episodes "$T/l.db")"
eq "... one hit" "outlook-consumer 2 1 " "$(caps "$T/l.db")"

# the configuration file's [episodes] keys; the command line wins over them
printf '[episodes]\nunlisted-pool-cap = 2\npool-cap = 1\n' >"$T/bw.conf"
BOUNCEWATCH_CONFIG=$T/bw.conf scan "$T/c.db"
eq "[episodes] unlisted-pool-cap = 2, pool-cap = 1" "bad.example 2 evil.example 2 outlook-consumer 1 " \
	"$(episodes "$T/c.db")"
BOUNCEWATCH_CONFIG=$T/bw.conf scan "$T/c2.db" --unlisted-pool-cap 4
eq "... --unlisted-pool-cap 4 replaces the key" "bad.example 4 evil.example 4 outlook-consumer 1 " \
	"$(episodes "$T/c2.db")"
BOUNCEWATCH_CONFIG=$T/bw.conf "$BW" config >"$T/config" 2>&1
check "config shows the key and its origin" grep -q "^episodes.unlisted-pool-cap = 2  # $T/bw.conf:2" "$T/config"

# tail takes them too, and the metrics count the hits
"$BW" --db "$T/tail.db" --rules "$RULES" tail --unlisted-pool-cap 5 --metrics-file "$T/m.prom" - \
	<"$T/mail.log" >"$T/tail.out" 2>"$T/tail.err"
eq "tail --unlisted-pool-cap 5 exits 0 at the end of stdin" 0 "$?"
eq "... 5 per unlisted pool" "bad.example 5 evil.example 5 outlook-consumer 3 " "$(episodes "$T/tail.db")"
eq "... the metrics count 6 hits" "bouncewatch_episode_cap_hits_total 6" \
	"$(grep '^bouncewatch_episode_cap_hits_total ' "$T/m.prom")"

# bad values
status "--unlisted-pool-cap 0 is a usage error" 2 "$BW" --db "$T/x.db" scan --unlisted-pool-cap 0 "$T/mail.log"
check "... with a message" grep -q -- '--unlisted-pool-cap' "$T/.err"
status "--pool-cap 1000001 is a usage error" 2 "$BW" --db "$T/x.db" tail --pool-cap 1000001 "$T/mail.log"
printf '[episodes]\nunlisted-cap = 12x\n' >"$T/bad.conf"
status "unlisted-cap = 12x in the file is a usage error" 2 env BOUNCEWATCH_CONFIG="$T/bad.conf" \
	"$BW" --db "$T/x.db" scan "$T/mail.log"
check "... naming the file and line" grep -q "bad.conf:2" "$T/.err"
finish
