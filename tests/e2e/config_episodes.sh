#!/bin/sh
# config_episodes: a refusal for our own configuration (PTR, SPF/DKIM/DMARC:
# categories ptr and auth, block = no) stops a receiver's mail as surely as
# a block: it opens an episode of kind CONFIG, keyed like a block (pool,
# sending IP), announced "CONFIG OPEN ... — fix: ADVICE", cleared by the
# same hysteresis, and shown with its kind in blocks, report and check.
# A BLOCK of the same key is an episode of its own; a content rejection or
# an unknown user opens nothing. The real binary, the shipped rules, a
# Postfix-shaped log; the clock pinned (BOUNCEWATCH_NOW) near the log's time.
. "$(dirname "$0")/lib.sh"

export TZ=UTC
export BOUNCEWATCH_NOW=1795856400	# 2026-11-28T09:00:00Z
DB=$T/c.db
LOG=$T/mail.log

# gmail TIME QID RCPT DSN STATUS REPLY
gmail() {
	printf '%s mx1 postfix/smtp[2211]: %s: to=<%s>, relay=gmail-smtp-in.l.google.com[142.250.102.27]:25, delay=1.2, delays=0.1/0/0.6/0.5, dsn=%s, status=%s (host gmail-smtp-in.l.google.com[142.250.102.27] said: %s (in reply to end of DATA command))\n' \
		"Nov 28 $1" "$2" "$3" "$4" "$5" "$6"
}
PTR='550-5.7.25 [198.51.100.33] The IP address sending this message does not have a 550-5.7.25 PTR record setup, or the corresponding forward DNS entry does not 550-5.7.25 point to the sending IP. As a policy, Gmail does not accept messages 550-5.7.25 from IPs with missing PTR records. 550 5.7.25 u9si1234567ejx.55 - gsmtp'
AUTH='550-5.7.26 This mail has been blocked because the sender is unauthenticated. 550-5.7.26 Gmail requires all senders to authenticate with either SPF or DKIM. 550 5.7.26 f3si1234567wrs.321 - gsmtp'
UNKNOWN='550-5.1.1 The email account that you tried to reach does not exist. 550 5.1.1 https://support.google.com/mail/?p=NoSuchUser x1si1 - gsmtp'
BLOCKED='421-4.7.28 [198.51.100.33      15] Our system has detected an unusual rate of 421-4.7.28 unsolicited mail originating from your IP address. To protect our 421-4.7.28 users from spam, mail sent from your IP address has been temporarily 421 4.7.28 rate limited. z2si1 - gsmtp'
SENT='250 2.0.0 OK 1795856400 x1si1 - gsmtp'
{
	gmail 08:50:00 C100000001 a@gmail.com 5.7.25 bounced "$PTR"
	gmail 08:50:30 C100000002 b@gmail.com 5.1.1 bounced "$UNKNOWN"
	gmail 08:51:00 C100000003 c@gmail.com 5.7.26 bounced "$AUTH"
	gmail 08:52:00 C100000004 d@gmail.com 4.7.28 deferred "$BLOCKED"
} >"$LOG"

"$BW" --db "$DB" --rules "$RULES" scan --year 2026 --source-ip mx1=198.51.100.33 "$LOG" >"$T/out" 2>"$T/err"
eq "scan (exit 0)" 0 $?
eq "categories as the rules say: ptr, user-unknown, auth, reputation" "ptr|0 user-unknown|0 auth|0 reputation|1" \
	"$(sql "$DB" "SELECT category || '|' || is_block FROM deliveries ORDER BY ts" | tr '\n' ' ' | sed 's/ $//')"
eq "one CONFIG episode (ptr, then auth continues it) and one BLOCK of the same pool and IP" \
	"BLOCK|gmail 198.51.100.33|reputation|1 CONFIG|gmail 198.51.100.33 CONFIG|ptr auth|2" \
	"$(sql "$DB" "SELECT kind || '|' || key || '|' || categories || '|' || event_count FROM episodes ORDER BY kind" | tr '\n' ' ' | sed 's/ $//')"
check "announced: CONFIG OPEN with the rule's advice as the fix" \
	grep -q '^CONFIG OPEN google/gmail 198.51.100.33 ptr since 2026-11-28T08:50:00Z (2 refusals): 550-5.7.25 .* — fix: Publish a PTR record for the sending IP' "$T/err"
check "announced: the block as BLOCK OPEN" grep -q '^BLOCK OPEN google/gmail 198.51.100.33 reputation since 2026-11-28T08:52:00Z.* — advice: ' "$T/err"
eq "two openings announced, no more" 2 "$(grep -c ' OPEN ' "$T/err")"

# ---- blocks, report, check --------------------------------------------------------
"$BW" --db "$DB" blocks >"$T/blocks" 2>&1
check "blocks (text): the kind and the fix" grep -q '^google/gmail 198.51.100.33 ptr: CONFIG OPEN since 2026-11-28T08:50:00Z' "$T/blocks"
check "blocks (text): 'fix:' for CONFIG" grep -q '^  fix:    Publish a PTR record' "$T/blocks"
check "blocks (text): a BLOCK has no kind word" grep -q '^google/gmail 198.51.100.33 reputation: OPEN since' "$T/blocks"
"$BW" --db "$DB" blocks --format json >"$T/blocks.json" 2>&1
check "blocks (json): kind" python3 -c '
import json, sys
b = json.load(open(sys.argv[1]))
assert sorted(x["kind"] for x in b) == ["BLOCK", "CONFIG"], b
c = [x for x in b if x["kind"] == "CONFIG"][0]
assert c["category"] == "ptr" and c["categories"] == "ptr auth" and c["count"] == 2, c
assert c["evidence"] is None, c' "$T/blocks.json"
"$BW" --db "$DB" blocks --format csv >"$T/blocks.csv" 2>&1
check "blocks (csv): kind column" python3 -c '
import csv, sys
r = list(csv.DictReader(open(sys.argv[1])))
assert sorted(x["kind"] for x in r) == ["BLOCK", "CONFIG"], r' "$T/blocks.csv"
"$BW" --db "$DB" report --since 1d --format json >"$T/r.json" 2>&1
check "report (json): blocks carry their kind" python3 -c '
import json, sys
b = json.load(open(sys.argv[1]))["blocks"]
assert sorted((x["kind"], x["category"]) for x in b) == [("BLOCK", "reputation"), ("CONFIG", "ptr")], b' "$T/r.json"
"$BW" --db "$DB" report --since 1d --by blocks --format csv >"$T/r.csv" 2>&1
check "report (csv): kind column in the blocks section" grep -q '^open,CONFIG,google,gmail,198.51.100.33,ptr,' "$T/r.csv"
"$BW" --db "$DB" report --since 1d >"$T/r.txt" 2>&1
check "report (text): CONFIG in the blocks section" grep -q 'open  *CONFIG  *google' "$T/r.txt"
"$BW" --db "$DB" check --min-attempts 100 >"$T/check" 2>&1
eq "check: CRITICAL (exit 2)" 2 $?
check "check: the CONFIG episode named and counted" \
	grep -q '^BOUNCEWATCH CRITICAL - 2 open blocks (CONFIG gmail 198.51.100.33, gmail 198.51.100.33), .*open_blocks=2;.*open_config=1;;;0 open_suspected=0;;;0' "$T/check"

# ---- the same hysteresis: three accepted deliveries over 15 minutes -------------------
{
	for m in 00 08 16; do
		printf 'Nov 28 09:%s:00 mx1 postfix/smtp[2300]: D1000000%s: to=<ok%s@gmail.com>, relay=gmail-smtp-in.l.google.com[142.250.102.27]:25, delay=0.9, delays=0.1/0/0.4/0.4, dsn=2.0.0, status=sent (%s)\n' \
			"$m" "$m" "$m" "$SENT"
	done
} >>"$LOG"
BOUNCEWATCH_NOW=1795860100 "$BW" --db "$DB" --rules "$RULES" scan --year 2026 --source-ip mx1=198.51.100.33 \
	--alert-on clear "$LOG" >"$T/out" 2>"$T/err"
eq "both cleared by the accepted deliveries" "BLOCK|delivered CONFIG|delivered" \
	"$(sql "$DB" "SELECT kind || '|' || clear_reason FROM episodes ORDER BY kind" | tr '\n' ' ' | sed 's/ $//')"
check "clear announced as CONFIG CLEAR" grep -q '^CONFIG CLEAR google/gmail 198.51.100.33 ptr since 2026-11-28T08:50:00Z (2 refusals): cleared 2026-11-28T09:16:00Z (delivered)$' "$T/err"

# ---- accuracy figures count blocks only: the CONFIG replies stay block = no -------------
eq "CONFIG replies stored with is_block = 0" 0 "$(sql "$DB" "SELECT count(*) FROM deliveries WHERE category IN ('ptr', 'auth') AND is_block = 1")"

# ---- --source-ip: the IP a reply names without a rule prefers ours ------------------------
printf 'Nov 28 08:55:00 mx1 postfix/smtp[2211]: E100000001: to=<a@hotmail.com>, relay=hotmail-com.olc.protection.outlook.com[52.101.8.44]:25, delay=1, delays=0.1/0/0.6/0.5, dsn=5.7.708, status=bounced (host hotmail-com.olc.protection.outlook.com[52.101.8.44] said: 550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP. [192.0.2.1] via [198.51.100.33] (in reply to MAIL FROM command))\n' >"$T/two.log"
"$BW" --db "$T/p1.db" --rules "$RULES" scan --year 2026 "$T/two.log" >/dev/null 2>&1
eq "a reply naming two addresses, no --source-ip: the first" "192.0.2.1|outlook-consumer 192.0.2.1" \
	"$(sql "$T/p1.db" "SELECT d.sending_ip || '|' || e.key FROM deliveries d, episodes e")"
"$BW" --db "$T/p2.db" --rules "$RULES" scan --year 2026 --source-ip mx1=198.51.100.33 "$T/two.log" >/dev/null 2>&1
eq "... with --source-ip mx1=198.51.100.33: ours, stored and keyed" "198.51.100.33|outlook-consumer 198.51.100.33" \
	"$(sql "$T/p2.db" "SELECT d.sending_ip || '|' || e.key FROM deliveries d, episodes e")"
