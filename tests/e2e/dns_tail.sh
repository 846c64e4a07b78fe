#!/bin/sh
# tail with DNS checks, end to end: an S3140 refusal in the log opens an
# episode; tail checks the refused IP against the block lists and the
# sender's own DNS (PTR, FCrDNS, SPF, DKIM, DMARC) through a real unbound on
# loopback (tests/e2e/dns_env.sh), on its worker thread; the alert that
# arrives already carries both. The zen listing opens its own episode (pool
# dnsbl:zen); after the list drops the IP, the next check stores it.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/dns_env.sh"
export TZ=UTC
T0=1795857243	# 2026-11-28T09:14:03Z
dns_start
alert_recorder "$T/rec.sh"
jsonof() { python3 -c 'import json,sys; v=json.load(open(sys.argv[1]))[sys.argv[2]]; print(json.dumps(v) if isinstance(v, list) else v)' "$T/rec/stdin.$1" "$2"; }
# the run whose provider is $1
run_of() { for i in $(seq 1 "$(runs)"); do [ "$(envof "$i" BOUNCEWATCH_PROVIDER)" = "$1" ] && { echo "$i"; return; }; done; echo 0; }

DB="$T/t.db"
LOG="$T/mail.log"
: >"$LOG"
tpid=""
at_exit '[ -n "$tpid" ] && kill -KILL $tpid 2>/dev/null'
start_tail() {
	BOUNCEWATCH_NOW=$((T0 + 60)) "$BW" --db "$DB" --rules "$RULES" tail --grace 1 \
		--resolver "$DNS_RESOLVER" --dns-timeout 3000 --dns-tries 2 \
		--domain good.test --dkim-selector s1 --source-ip mx1=203.0.113.7 \
		--alert-exec "$T/rec.sh" "$LOG" >"$T/out" 2>>"$T/err" &
	tpid=$!
}
stop_tail() { kill -TERM "$tpid"; wait "$tpid"; st=$?; tpid=""; return $st; }

start_tail
printf '2026-11-28T09:14:03+00:00 mx1 postfix/smtp[2211]: 4F9D1C2A3B: to=<alice@hotmail.com>, relay=hotmail-com.olc.protection.outlook.com[52.101.8.44]:25, delay=1.2, delays=0.1/0/0.6/0.5, dsn=5.7.1, status=bounced (host hotmail-com.olc.protection.outlook.com[52.101.8.44] said: 550 5.7.1 Unfortunately, messages from [203.0.113.7] weren'"'"'t sent. Please contact your Internet service provider since part of their network is on our block list (S3140). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors. (in reply to RCPT TO command))\n' >>"$LOG"
two_alerts() { [ "$(runs)" -ge 2 ]; }
check "two alerts: the Outlook block and the zen listing" wait_until 60 two_alerts
m=$(run_of microsoft)
z=$(run_of dnsbl:zen)
check "the Outlook alert ran" [ "$m" -gt 0 ]
eq "the alert carries the block-list answer" "203.0.113.7 listed on zen (XBL), not on the others" \
	"$(envof "$m" BOUNCEWATCH_DNSBL)"
eq "the alert carries the self-check" \
	"PTR ok, FCrDNS fails, SPF pass, DKIM key for selector s1 missing, DMARC p=none" \
	"$(envof "$m" BOUNCEWATCH_SELFCHECK)"
eq "the same in its JSON" "203.0.113.7 listed on zen (XBL), not on the others" "$(jsonof "$m" dnsbl)"
eq "JSON findings with their fixes" "ptr:ok fcrdns:fail spf:ok dkim:s1:fail dmarc:warn" \
	"$(python3 -c 'import json,sys; print(" ".join(f["check"]+":"+f["status"] for f in json.load(open(sys.argv[1]))["selfcheck_findings"]))' "$T/rec/stdin.$m")"
check "the BLOCK line carries it" grep -q '^BLOCK OPEN microsoft[^ ]* 203.0.113.7 .* — DNS: 203.0.113.7 listed on zen (XBL), not on the others; PTR ok, FCrDNS fails, SPF pass, DKIM key for selector s1 missing, DMARC p=none$' "$T/err"
check "the listing alert ran" [ "$z" -gt 0 ]
eq "the listing's episode" "1" "$(sql "$DB" "SELECT count(*) FROM episodes WHERE provider = 'dnsbl:zen' AND sending_ip = '203.0.113.7' AND cleared IS NULL")"
check "its advice is the delisting page" grep -q 'check.spamhaus.org' "$T/rec/env.$z"
eq "no other list opened an episode" "0" "$(sql "$DB" "SELECT count(*) FROM episodes WHERE provider LIKE 'dnsbl:%' AND provider <> 'dnsbl:zen'")"
eq "the self-check is kept with its episode" "PTR ok, FCrDNS fails, SPF pass, DKIM key for selector s1 missing, DMARC p=none" \
	"$(sql "$DB" "SELECT s.summary FROM selfchecks s JOIN episodes e ON e.id = s.episode_id WHERE e.provider = 'microsoft'")"
"$BW" --db "$DB" blocks --open >"$T/blocks" 2>&1
check "blocks shows what DNS said when it opened" grep -qx '  dns:    203.0.113.7 listed on zen (XBL), not on the others; PTR ok, FCrDNS fails, SPF pass, DKIM key for selector s1 missing, DMARC p=none' "$T/blocks"
eq "and in its JSON" "203.0.113.7 listed on zen (XBL), not on the others|PTR ok, FCrDNS fails, SPF pass, DKIM key for selector s1 missing, DMARC p=none" \
	"$("$BW" --db "$DB" blocks --open --format json | python3 -c 'import json,sys; e=[x for x in json.load(sys.stdin) if x["provider"]=="microsoft"][0]; print(e["dnsbl"]+"|"+e["selfcheck"])')"
check "tail stops cleanly" stop_tail

# The list drops the IP; tail's first round (at start, for --source-ip) asks
# again: "not listed" is stored and counts towards clearing the zen episode
# as an accepted delivery does (episode.h: the pool's hysteresis decides).
DNS_ZEN_LISTED=0 dns_restart
start_tail
zen_answered() { [ "$(sql "$DB" "SELECT result FROM dnsbl_checks WHERE ip = '203.0.113.7' AND zone = 'zen' ORDER BY id DESC LIMIT 1")" = not-listed ]; }
check "delisted: stored as not listed" wait_until 60 zen_answered
eq "the Outlook episode stays open" "1" "$(sql "$DB" "SELECT count(*) FROM episodes WHERE provider = 'microsoft' AND cleared IS NULL")"
check "tail stops cleanly again" stop_tail
finish
