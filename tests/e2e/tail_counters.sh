#!/bin/sh
# tail_counters: the summary's counters mean what they say. "possible gaps"
# counts only lines really left unread (100 fast rotations that lose
# nothing report 0), and a rule that gives up at the PCRE2 match limit is
# counted in the scan and tail summaries, not only by `rules test`.
. "$(dirname "$0")/lib.sh"
tpid=""
at_exit 'for p in $tpid; do kill -KILL $p 2>/dev/null; done'
export TZ=UTC
line() { sent_line "$1"; }
rows() { sqlite3 "$DB" "SELECT count(DISTINCT queue_id) || ' ' || count(*) FROM deliveries" 2>/dev/null || echo 0; }
stored() { [ "$(rows)" = "$1" ]; }

# ---- 100 rotations (rename + create), each file with 3 lines -------------
DB=$T/r.db LOG=$T/r/mail.log
mkdir -p "$T/r"
line A00000 >"$LOG"
"$BW" --db "$DB" --rules "$RULES" tail "$LOG" >"$T/out" 2>"$T/err" &
tpid=$!
wait_until 60 stored "1 1"
i=1
while [ $i -le 100 ]; do
	mv "$LOG" "$LOG.$i"
	for k in 1 2 3; do line "$(printf 'B%03d%02d' $i $k)" >>"$LOG"; done
	sleep 0.05
	i=$((i + 1))
done
wait_until 90 stored "301 301"
kill -TERM "$tpid"; wait "$tpid"; tpid=""
eq "100 rotations: every line stored once" "301 301" "$(rows)"
gaps=$(sed -n 's/.* \([0-9]*\) possible gaps$/\1/p' "$T/err")
eq "nothing lost, so no possible gap reported" 0 "$gaps"

# ---- a rule that backtracks: the match limit hit is counted ---------------
mkdir -p "$T/rules"
cp "$RULES"/* "$T/rules/"
cat >"$T/rules/zz-backtracking.rules" <<'R'
# Nested quantifiers: fine on its example, exponential on a long run of word
# characters that does not end the way it expects.
[test-backtracking]
provider = google
category = other
block    = no
match    = ^550 zz(\w+\s?)*$
description = backtracking test rule
example  = 550 zzhello world
R
evil() { # QUEUEID
	printf '2026-11-28T09:14:03+00:00 mx1 postfix/smtp[2211]: %s: to=<a@example.net>, relay=mx.example.net[192.0.2.9]:25, delay=1.2, delays=0.1/0/0.6/0.5, dsn=5.0.0, status=bounced (host mx.example.net[192.0.2.9] said: 550 zzaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa! (in reply to RCPT TO command))\n' "$1"
}
evil C00001 >"$T/evil.log"; evil C00002 >>"$T/evil.log"
"$BW" --db "$T/e.db" --rules "$T/rules" scan "$T/evil.log" >"$T/out" 2>"$T/err"
eq "scan: the match limit hits are in the summary" 2 \
	"$(sed -n 's/.*; \([0-9]*\) replies unclassified at the PCRE2 match limit$/\1/p' "$T/out")"
"$BW" --db "$T/t.db" --rules "$T/rules" tail "$T/evil.log" >"$T/out" 2>"$T/err" &
tpid=$!
DB=$T/t.db
wait_until 60 stored "2 2"
kill -TERM "$tpid"; wait "$tpid"; tpid=""
eq "tail: the match limit hits are in the summary" 2 \
	"$(sed -n 's/.*; \([0-9]*\) replies unclassified at the PCRE2 match limit; .*/\1/p' "$T/err")"
