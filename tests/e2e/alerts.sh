#!/bin/sh
# alerts: block episodes and alerts end to end - real Postfix-shaped log
# files, the real binary and rules, a real SQLite file, and a real program run
# by --alert-exec that records its environment and stdin.
# BOUNCEWATCH_NOW fixes the alert clock (epoch seconds; for tests only) so the
# RFC 3164 lines (with --year, in UTC) are "recent" or "old" on purpose; one
# case uses the real clock with RFC 3339 lines made by date(1).
. "$(dirname "$0")/lib.sh"
export TZ=UTC
T0=1795857243	# 2026-11-28T09:14:03Z = "Nov 28 09:14:03"
# The recording alert program (lib.sh): run N writes env.N and stdin.N; fails
# while $T/rec/fail exists.
alert_recorder "$T/rec.sh" "[ -f '$T/rec/fail' ] && { echo 'cannot reach the pager' >&2; exit 1; }"
# jsonof N KEY: KEY of run N's stdin JSON (python3 also proves it is valid JSON)
jsonof() { python3 -c 'import json,sys; v=json.load(open(sys.argv[1]))[sys.argv[2]]; print("null" if v is None else v)' "$T/rec/stdin.$1" "$2"; }
# scan OFFSET DB FILE [OPTIONS]: scan with the clock at T0 + OFFSET
scan() {
	off=$1 db=$2 file=$3; shift 3
	BOUNCEWATCH_NOW=$((T0 + off)) "$BW" --db "$db" --rules "$RULES" scan --year 2026 \
		--alert-exec "$T/rec.sh" "$@" "$file" >"$T/out" 2>"$T/err"
}
blockline() { grep -c '^BLOCK ' "$T/err"; }

# s3140 TIME QUEUEID IP RECIPIENT [HOST]: Outlook.com's block list refusal
# (the S3140 wording as Microsoft documents it: "Fix NDR error 550 5.7.1" in
# Exchange Online's troubleshooting pages, and as Postfix logs it)
s3140() {
	printf '%s %s postfix/smtp[2211]: %s: to=<%s>, relay=hotmail-com.olc.protection.outlook.com[52.101.8.44]:25, delay=1.2, delays=0.1/0/0.6/0.5, dsn=5.7.1, status=bounced (host hotmail-com.olc.protection.outlook.com[52.101.8.44] said: 550 5.7.1 Unfortunately, messages from [%s] weren'"'"'t sent. Please contact your Internet service provider since part of their network is on our block list (S3140). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors. (in reply to RCPT TO command))\n' \
		"$1" "${5:-mx1}" "$2" "$4" "$3"
}
# sent TIME QUEUEID RECIPIENT: a delivery Outlook.com accepted
sent() {
	printf '%s mx1 postfix/smtp[2300]: %s: to=<%s>, relay=hotmail-com.olc.protection.outlook.com[52.101.8.44]:25, delay=0.9, delays=0.1/0/0.4/0.4, dsn=2.6.0, status=sent (250 2.6.0 <20261128.%s@example.org> [InternalId=12345, Hostname=AM7EUR03HT123.eop-EUR03.prod.protection.outlook.com] Queued mail for delivery)\n' \
		"$1" "$2" "$3" "$2"
}

# ---- one episode, its alerts, and a new one -------------------------------
DB=$T/a.db
LOG=$T/mail.log
s3140 'Nov 28 09:14:03' 4F9D1C2A3B 203.0.113.7 alice@hotmail.com >"$LOG"
scan 60 "$DB" "$LOG" --alert-on clear
eq "first S3140: scan exits 0" 0 $?
eq "first S3140: the program ran once" 1 "$(runs)"
eq "first S3140: one BLOCK line on stderr" 1 "$(blockline)"
check "stderr line in the stable format" grep -q '^BLOCK OPEN microsoft/outlook-consumer 203.0.113.7 blocklist since 2026-11-28T09:14:03Z (1 refusal): 550 5.7.1 Unfortunately, messages from \[203.0.113.7\] weren.t sent.* — advice: ..*$' "$T/err"
eq "env: event" open "$(envof 1 BOUNCEWATCH_EVENT)"
eq "env: provider" microsoft "$(envof 1 BOUNCEWATCH_PROVIDER)"
eq "env: pool (the relay is Outlook.com's consumer MX)" outlook-consumer "$(envof 1 BOUNCEWATCH_POOL)"
eq "env: sending IP" 203.0.113.7 "$(envof 1 BOUNCEWATCH_SENDING_IP)"
eq "env: category" blocklist "$(envof 1 BOUNCEWATCH_CATEGORY)"
eq "env: first seen" 2026-11-28T09:14:03Z "$(envof 1 BOUNCEWATCH_FIRST_SEEN)"
eq "env: count" 1 "$(envof 1 BOUNCEWATCH_COUNT)"
eq "env: PATH is fixed" /usr/bin:/bin "$(envof 1 PATH)"
check "env: reply is the remote text" grep -q '^BOUNCEWATCH_REPLY=550 5.7.1 Unfortunately, messages from \[203.0.113.7\] weren.t sent.*(S3140)' "$T/rec/env.1"
check "env: advice is set" grep -q '^BOUNCEWATCH_ADVICE=..*' "$T/rec/env.1"
check "env: rule is set" grep -q '^BOUNCEWATCH_RULE=..*' "$T/rec/env.1"
check "env: nothing else of ours leaks (HOME)" sh -c "! grep -q '^HOME=' '$T/rec/env.1'"
eq "stdin JSON: event" open "$(jsonof 1 event)"
eq "stdin JSON: sending_ip" 203.0.113.7 "$(jsonof 1 sending_ip)"
eq "stdin JSON: provider" microsoft "$(jsonof 1 provider)"
eq "stdin JSON: pool" outlook-consumer "$(jsonof 1 pool)"
eq "stdin JSON: advice = env advice" "$(envof 1 BOUNCEWATCH_ADVICE)" "$(jsonof 1 advice)"
eq "stdin JSON: reply = env reply" "$(envof 1 BOUNCEWATCH_REPLY)" "$(jsonof 1 reply)"
eq "one open episode" 1 "$(sql "$DB" "SELECT count(*) FROM open_blocks")"

s3140 'Nov 28 09:20:00' 5A0B1C2D3E 203.0.113.7 bob@outlook.com >>"$LOG"
s3140 'Nov 28 09:30:00' 6B1C2D3E4F 203.0.113.7 carol@live.com >>"$LOG"
scan 1000 "$DB" "$LOG" --alert-on clear
eq "more S3140: scan exits 0" 0 $?
eq "more S3140: no new alert" 1 "$(runs)"
eq "more S3140: no BLOCK line" 0 "$(blockline)"
eq "more S3140: counted in the episode" "1|3" "$(sql "$DB" "SELECT count(*), max(event_count) FROM episodes")"

# hysteresis: accepted twice, then refused again: the same episode goes on
sent 'Nov 28 09:40:00' 7A2D3E4F5A dave@hotmail.com >>"$LOG"
sent 'Nov 28 09:45:00' 7B2D3E4F5A dave@hotmail.com >>"$LOG"
s3140 'Nov 28 09:50:00' 7B3C2D3E4F 203.0.113.7 carol@live.com >>"$LOG"
scan 2500 "$DB" "$LOG" --alert-on clear
eq "accepted twice, refused again: no alert" 1 "$(runs)"
eq "... one episode, still open, since the first refusal" "1|4|2026-11-28 09:14:03" \
	"$(sql "$DB" "SELECT count(*), max(refusals), min(since) FROM open_blocks")"
# three accepted deliveries over 15 minutes clear it (--clear-accepts 3 --clear-span 15m)
sent 'Nov 28 09:51:00' 7C1D3E4F5A dave@hotmail.com >>"$LOG"
sent 'Nov 28 09:58:00' 7C2D3E4F5B dave@hotmail.com >>"$LOG"
sent 'Nov 28 10:00:00' 7C2D3E4F5A dave@hotmail.com >>"$LOG"
scan 3000 "$DB" "$LOG" --alert-on clear
eq "two accepted over 9 min: still open" 1 "$(sql "$DB" "SELECT count(*) FROM open_blocks")"
sent 'Nov 28 10:06:00' 7C3D3E4F5A dave@hotmail.com >>"$LOG"
scan 3700 "$DB" "$LOG" --alert-on clear
eq "success to hotmail.com: a clear alert" 2 "$(runs)"
eq "clear: event" clear "$(envof 2 BOUNCEWATCH_EVENT)"
eq "clear: reason" delivered "$(envof 2 BOUNCEWATCH_CLEAR_REASON)"
eq "clear: when" 2026-11-28T10:06:00Z "$(envof 2 BOUNCEWATCH_CLEARED)"
eq "clear: count" 4 "$(envof 2 BOUNCEWATCH_COUNT)"
check "clear: stderr line" grep -q '^BLOCK CLEAR microsoft/outlook-consumer 203.0.113.7 blocklist since 2026-11-28T09:14:03Z (4 refusals): cleared 2026-11-28T10:06:00Z (delivered)$' "$T/err"
eq "no open episode" 0 "$(sql "$DB" "SELECT count(*) FROM open_blocks")"

s3140 'Nov 28 11:30:00' 8D3E4F5A6B 203.0.113.7 erin@hotmail.com >>"$LOG"
scan 8200 "$DB" "$LOG" --alert-on clear
eq "a new block: a new alert" 3 "$(runs)"
eq "new block: event" open "$(envof 3 BOUNCEWATCH_EVENT)"
eq "new block: a second episode" 2 "$(envof 3 BOUNCEWATCH_EPISODE)"
eq "new block: first seen" 2026-11-28T11:30:00Z "$(envof 3 BOUNCEWATCH_FIRST_SEEN)"
eq "alerts table: all delivered once" "3|3|3" "$(sql "$DB" "SELECT count(*), sum(delivered IS NOT NULL), sum(attempts) FROM alerts")"

# ---- blocks ----------------------------------------------------------------
BOUNCEWATCH_NOW=$((T0 + 8200)) "$BW" --db "$DB" blocks >"$T/blocks" 2>&1
eq "blocks: exits 0" 0 $?
check "blocks: open episode first, with its pool" sh -c "head -n 1 '$T/blocks' | grep -q '^microsoft/outlook-consumer 203.0.113.7 blocklist: OPEN since 2026-11-28T11:30:00Z'"
check "blocks: the cleared one listed" grep -q 'cleared 2026-11-28T10:06:00Z (delivered)' "$T/blocks"
eq "blocks --open: one" 1 "$("$BW" --db "$DB" blocks --open | grep -c '^microsoft')"
"$BW" --db "$DB" blocks --format json >"$T/blocks.json"
check "blocks --format json: valid, two episodes, open first" python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d)==2 and d[0]["cleared"] is None and d[0]["count"]==1 and d[1]["clear_reason"]=="delivered" and d[0]["pool"]=="outlook-consumer"' "$T/blocks.json"
eq "blocks --format csv: header + 2 rows" 3 "$("$BW" --db "$DB" blocks --format csv | wc -l | tr -d ' ')"
status "blocks --format xml is a usage error" 2 "$BW" --db "$DB" blocks --format xml

# ---- hostile reply text -----------------------------------------------------
# A receiver can say anything: quotes, $(...), backticks, ; | & > < and
# control bytes (a log line cannot hold a newline; rsyslog writes #012).
# None of it may run.
H1="\"q\" 'single' \$(touch $T/pwned1) \`touch $T/pwned2\` ; touch $T/pwned3 | & > < \\ #012 	tab"
s3140 'Nov 28 11:40:00' 9E4F5A6B7C "203.0.113.66] weren't sent. $H1 [x" frank@hotmail.com >>"$LOG"
s3140 'Nov 28 11:40:01' AF5A6B7C8D "\$(touch $T/pwned4)" grace@hotmail.com >>"$LOG"
scan 8800 "$DB" "$LOG" --alert-on clear
eq "hostile: scan exits 0" 0 $?
eq "hostile: two alerts" 5 "$(runs)"
check "hostile: nothing was executed" sh -c "! ls '$T'/pwned* 2>/dev/null | grep -q ."
# the two run concurrently: h is the run that got the hostile reply, o the other
h=4 o=5; grep -qF "$H1" "$T/rec/env.5" && h=5 o=4
check "hostile: reply reached the program verbatim" grep -qF "$H1" "$T/rec/env.$h"
eq "hostile: JSON decodes to the same reply" "$(envof $h BOUNCEWATCH_REPLY)" "$(jsonof $h reply)"
# a capture that is not an IP address is not a sending IP: the log host keys the episode
eq "hostile: non-address capture falls back to the log host" "mx1" "$(envof $o BOUNCEWATCH_SENDING_IP)"
eq "hostile: one stderr line per alert" 2 "$(grep -c '^BLOCK OPEN' "$T/err")"
check "hostile: no raw control bytes on stderr" sh -c "! grep -q \"\$(printf '\\t')\" '$T/err'"

# ---- a failing program is retried, across runs --------------------------------
DB=$T/b.db
LOG=$T/retry.log
rm -f "$T/rec/count"
touch "$T/rec/fail"
s3140 'Nov 28 09:14:03' B06B7C8D9E 203.0.113.20 henry@hotmail.com >"$LOG"
scan 60 "$DB" "$LOG"
eq "failing program: scan still exits 0" 0 $?
eq "failing program: ran once" 1 "$(runs)"
check "failing program: warned" grep -q 'not delivered (exit status 1: cannot reach the pager)' "$T/err"
eq "failing program: recorded for retry" "1|1|exit status 1: cannot reach the pager|32" \
	"$(sql "$DB" "SELECT delivered IS NULL, attempts, last_error, CAST(round(due - $T0 - 60) AS INTEGER) FROM alerts")"
scan 70 "$DB" "$LOG"
eq "restart before the due time: not retried yet" 1 "$(runs)"
eq "restart before the due time: no BLOCK line again" 0 "$(blockline)"
rm -f "$T/rec/fail"
scan 100 "$DB" "$LOG"
eq "restart after the due time: retried" 2 "$(runs)"
eq "retried alert carries the same facts" 203.0.113.20 "$(envof 2 BOUNCEWATCH_SENDING_IP)"
eq "retry: the stderr line is not repeated" 0 "$(blockline)"
eq "delivered after 2 attempts" "1|2" "$(sql "$DB" "SELECT delivered IS NOT NULL, attempts FROM alerts")"
scan 5000 "$DB" "$LOG"
eq "delivered: never sent again" 2 "$(runs)"

# ---- backfill of a week-old log announces nothing -----------------------------
DB=$T/c.db
LOG=$T/old.log
rm -f "$T/rec/count"
s3140 'Nov 21 09:14:03' C17C8D9EAF 203.0.113.7 ivan@hotmail.com >"$LOG"
s3140 'Nov 21 10:00:00' D28D9EAFB0 203.0.113.7 judy@hotmail.com >>"$LOG"
sent 'Nov 21 12:00:00' E39EAFB0C1 kim@hotmail.com >>"$LOG"
s3140 'Nov 22 08:00:00' F4AFB0C1D2 198.51.100.9 leo@hotmail.com >>"$LOG"
scan 60 "$DB" "$LOG" --alert-on clear
eq "week-old log: scan exits 0" 0 $?
eq "week-old log: no program run" 0 "$(runs)"
eq "week-old log: no BLOCK line" 0 "$(blockline)"
eq "week-old log: episodes recorded and cleared" "2|2" "$(sql "$DB" "SELECT count(*), sum(cleared IS NOT NULL) FROM episodes")"
eq "week-old log: alerts recorded, none announced" "4|0" "$(sql "$DB" "SELECT count(*), sum(announce) FROM alerts")"

# ---- the real clock, RFC 3339 lines -------------------------------------------
DB=$T/d.db
LOG=$T/now.log
rm -f "$T/rec/count"
s3140 "$(date -u +%Y-%m-%dT%H:%M:%S+00:00)" A1B2C3D4E5 192.0.2.44 mia@hotmail.com >"$LOG"
"$BW" --db "$DB" --rules "$RULES" scan --alert-exec "$T/rec.sh" "$LOG" >"$T/out" 2>"$T/err"
eq "real clock: a block just now is announced" 1 "$(runs)"
eq "real clock: the IP" 192.0.2.44 "$(envof 1 BOUNCEWATCH_SENDING_IP)"

# ---- the shipped mail example ---------------------------------------------------
DB=$T/e.db
LOG=$T/mailex.log
cat >"$T/sendmail" <<FAKE
#!/bin/sh
echo "\$*" >"$T/sendmail.args"
cat >"$T/sendmail.msg"
FAKE
chmod 755 "$T/sendmail"
s3140 'Nov 28 09:14:03' B1C2D3E4F5 203.0.113.7 nora@hotmail.com >"$LOG"
BOUNCEWATCH_NOW=$((T0 + 60)) BOUNCEWATCH_SENDMAIL="$T/sendmail" BOUNCEWATCH_MAIL_TO=ops@example.org \
	"$BW" --db "$DB" --rules "$RULES" scan --year 2026 --alert-exec "$TOP/examples/alert-mail.sh" \
	"$LOG" >"$T/out" 2>"$T/err"
eq "mail example: sendmail -t -i" "-t -i" "$(cat "$T/sendmail.args" 2>/dev/null)"
check "mail example: To" grep -q '^To: ops@example.org$' "$T/sendmail.msg"
check "mail example: Subject" grep -q '^Subject: Mail blocked: microsoft refuses 203.0.113.7$' "$T/sendmail.msg"
check "mail example: advice in the body" grep -q '^What to do:$' "$T/sendmail.msg"
eq "mail example: delivered" 1 "$(sql "$DB" "SELECT count(*) FROM alerts WHERE delivered IS NOT NULL")"

# ---- option errors --------------------------------------------------------------
status "--alert-exec of a missing program is a usage error" 2 "$BW" --db "$T/f.db" scan --alert-exec "$T/nope" "$LOG"
status "--clear-after 0 is a usage error" 2 "$BW" --db "$T/f.db" scan --clear-after 0 "$LOG"
status "--source-ip without = is a usage error" 2 "$BW" --db "$T/f.db" scan --source-ip mx1 "$LOG"

# ---- a block that opened and cleared within one scan --------------------
# Announced (it is recent), but the line says it has cleared meanwhile.
DB=$T/oc.db
{ s3140 'Nov 28 09:14:03' 1A2B3C4D5E 203.0.113.9 ivan@hotmail.com
  sent 'Nov 28 09:20:00' 2B3C4D5E6F judy@hotmail.com; } >"$T/oc.log"
scan 600 "$DB" "$T/oc.log" --clear-accepts 1 --clear-span 0
check "opened and cleared in one scan: the open line says it cleared" \
	grep -q '^BLOCK OPEN microsoft/outlook-consumer 203.0.113.9 blocklist since 2026-11-28T09:14:03Z (1 refusal): .* (cleared since, 2026-11-28T09:20:00Z: delivered)$' "$T/err"

# ---- a receiver that is not Microsoft, in Microsoft's words ---------------
# (a foreign verdict, src/rules.h ATTRIBUTION): the program is told whose
# wording it was, the pool is the relay's own, the provider empty
sed -e 's/hotmail-com\.olc\.protection\.outlook\.com\[52\.101\.8\.44\]/mx.evil.example[198.51.100.66]/g' \
	-e 's/@hotmail\.com/@evil.example/' \
	"$T/oc.log" | head -n 1 >"$T/evil.log"
before=$(runs)
scan 600 "$T/evil.db" "$T/evil.log"
n=$(runs)
eq "foreign: one alert" $((before + 1)) "$n"
eq "env: worded as microsoft" microsoft "$(envof "$n" BOUNCEWATCH_WORDED_AS)"
eq "env: filed under the recipient's domain, not microsoft" evil.example "$(envof "$n" BOUNCEWATCH_PROVIDER)"
eq "env: the relay's own pool" evil.example "$(envof "$n" BOUNCEWATCH_POOL)"
eq "stdin JSON: worded_as" microsoft "$(jsonof "$n" worded_as)"
eq "a genuine block: worded_as is null" null "$(jsonof 1 worded_as)"
finish
