#!/bin/sh
# received - what the MTA itself received and refused (pflogsumm's "received"
# and "rejected"): Postfix smtpd/pickup/postscreen/cleanup and Exim lines in
# one log, counted once each whether the log is scanned twice, appended to
# under tail or tail is restarted; shown in the report's totals (text, json)
# and in the scan and tail summaries. The line shapes are those of the
# parsers' unit tests; the real MTAs' lines are counted in postfix_tail.sh
# and exim_tail.sh.
. "$(dirname "$0")/lib.sh"
export TZ=UTC
LOG=$T/mail.log
DB=$T/r.db
WIN="--since 2026-11-28 --until 2026-11-29"
cat >"$LOG" <<'L'
2026-11-28T10:00:00+00:00 mx1 postfix/smtpd[123]: NOQUEUE: reject: RCPT from unknown[198.51.100.9]: 554 5.7.1 Service unavailable; Client host [198.51.100.9] blocked using zen.spamhaus.org; from=<a@example.net> to=<c@example.org> proto=ESMTP helo=<x>
2026-11-28T10:00:01+00:00 mx1 postfix/smtpd[123]: 4F9D1C2A3B: client=mail.example.com[192.0.2.1]
2026-11-28T10:00:02+00:00 mx1 postfix/cleanup[124]: 4F9D1C2A3B: message-id=<1@example.com>
2026-11-28T10:00:03+00:00 mx1 postfix/qmgr[125]: 4F9D1C2A3B: from=<news@example.com>, size=1234, nrcpt=1 (queue active)
2026-11-28T10:00:04+00:00 mx1 postfix/smtp[126]: 4F9D1C2A3B: to=<x@example.org>, relay=mx.example.org[192.0.2.25]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 ok)
2026-11-28T10:00:05+00:00 mx1 postfix/pickup[127]: 5A9D1C2A3B: uid=0 from=<root>
2026-11-28T10:00:06+00:00 mx1 postfix/postscreen[128]: NOQUEUE: reject: RCPT from [192.0.2.77]:50000: 550 5.7.1 Service unavailable; client [192.0.2.77] blocked using zen.spamhaus.org; from=<a@b.example>, to=<c@example.org>, proto=ESMTP, helo=<x>
2026-11-28T10:00:07+00:00 mx1 postfix/smtpd[123]: NOQUEUE: reject_warning: RCPT from unknown[198.51.100.9]: 450 4.7.1 test; from=<a@example.net> to=<c@example.org> proto=ESMTP helo=<x>
2026-11-28T10:00:08+00:00 mx1 postfix/cleanup[124]: 6B9D1C2A3B: milter-reject: END-OF-MESSAGE from unknown[198.51.100.9]: 5.7.1 spam; from=<a@example.net> to=<c@example.org> proto=ESMTP helo=<x>
2026-11-28T10:00:09+00:00 mx2 exim[77]: 2026-11-28 10:00:09 1xZkBo-0002tV-0E <= news@example.net H=client.example.com [192.0.2.10] P=esmtp S=298
2026-11-28T10:00:10+00:00 mx2 exim[77]: 2026-11-28 10:00:10 H=(spammer) [198.51.100.9] F=<a@example.net> rejected RCPT <c@example.org>: relay not permitted
L
bw() { "$BW" --rules "$RULES" --db "$DB" "$@"; }
status "scan" 0 bw scan "$LOG"
check "the summary says what the MTA received and rejected" grep -q "; the MTA received 3 messages and rejected 4; " "$T/.out"
eq "stored: 3 received, 4 rejected, one delivery" "received|3 rejected|4 1" \
	"$(sql "$DB" "SELECT kind, count(*) FROM mail_events GROUP BY kind ORDER BY kind" | tr '\n' ' ')$(sql "$DB" 'SELECT count(*) FROM deliveries')"
eq "each with its time and log host" "2026-11-28 10:00:10|mx2|rejected" \
	"$(sql "$DB" "SELECT datetime(ts, 'unixepoch'), host, kind FROM mail_events ORDER BY ts DESC LIMIT 1")"
status "scan again" 0 bw scan "$LOG"
eq "scanned twice: counted once" "7" "$(sql "$DB" 'SELECT count(*) FROM mail_events')"
cp "$LOG" "$T/copy.log"
status "the same lines under another file name" 0 bw scan "$T/copy.log"
eq "a copy of a log already read is recognised: nothing counted again" "7 1" \
	"$(sql "$DB" 'SELECT count(*) FROM mail_events') $(sql "$DB" 'SELECT count(*) FROM deliveries')"

DB=$T/t.db
status "report text" 0 sh -c "'$BW' --rules '$RULES' --db '$T/r.db' report $WIN --by totals"
check "... totals: received" grep -q '^  received  *3$' "$T/.out"
check "... totals: rejected" grep -q '^  rejected  *4$' "$T/.out"
status "report json" 0 sh -c "'$BW' --rules '$RULES' --db '$T/r.db' report $WIN --by totals --format json"
eq "... json totals" "3 4" "$(python3 -c 'import json,sys; t=json.load(open(sys.argv[1]))["totals"]; print(t["received"], t["rejected"])' "$T/.out")"
status "report over a window without them: 0, not absent" 0 sh -c "'$BW' --rules '$RULES' --db '$T/r.db' report --since 2026-11-29 --until 2026-11-30 --by totals --format json"
eq "... zero counts" "0 0" "$(python3 -c 'import json,sys; t=json.load(open(sys.argv[1]))["totals"]; print(t["received"], t["rejected"])' "$T/.out")"

# ---- tail: appended lines, a restart in between ---------------------------------
: >"$T/live.log"
"$BW" --rules "$RULES" --db "$DB" tail --grace 1 "$T/live.log" 2>"$T/tail.err" &
tp=$!
at_exit "kill $tp 2>/dev/null"
head -n 5 "$LOG" >>"$T/live.log"
has() { [ "$(sql "$DB" 'SELECT count(*) FROM mail_events' 2>/dev/null)" = "$1" ]; }
check "tail counts appended lines" wait_until 60 has 2
kill -TERM $tp; wait $tp
eq "tail stops cleanly" 0 $?
check "tail's summary counts them" grep -q "the MTA received 1 messages and rejected 1; " "$T/tail.err"
"$BW" --rules "$RULES" --db "$DB" tail --grace 1 "$T/live.log" 2>"$T/tail2.err" &
tp=$!
at_exit "kill $tp 2>/dev/null"
tail -n +6 "$LOG" >>"$T/live.log"
check "restarted tail resumes: the rest counted" wait_until 60 has 7
kill -TERM $tp; wait $tp
eq "the restarted tail stops cleanly" 0 $?
eq "nothing counted twice across the restart" "received|3 rejected|4" \
	"$(sql "$DB" "SELECT kind, count(*) FROM mail_events GROUP BY kind ORDER BY kind" | tr '\n' ' ' | sed 's/ $//')"

# ---- retention removes them with the attempts -------------------------------------
status "prune --older-than 1d (the clock a week later)" 0 env BOUNCEWATCH_NOW=1796428800 "$BW" --rules "$RULES" --db "$DB" prune --older-than 1d
check "... and says so" grep -q "prune: with them 7 received/rejected records of the MTA" "$T/.out"
eq "pruned with the attempts" "0 0" "$(sql "$DB" 'SELECT count(*) FROM mail_events') $(sql "$DB" 'SELECT count(*) FROM deliveries')"
