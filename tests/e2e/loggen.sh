#!/bin/sh
# The benchmark's log generator (bench/loggen.c): deterministic, exact line
# counts, a syslog header on every line, a realistic share of delivery
# statuses, documentation addresses only, and block episodes when asked.
. "$(dirname "$0")/lib.sh"

O=${BW_BUILD:-build}
case "$O" in /*) ;; *) O="$TOP/$O" ;; esac
G="$O/loggen"
# Build it when missing or older than its source (make knows; cc as fallback).
make -s -C "$TOP" O="$O" "$O/loggen" >"$T/build.out" 2>&1 ||
	cc -std=c11 -D_GNU_SOURCE -O2 -o "$G" "$TOP/bench/loggen.c" >>"$T/build.out" 2>&1
check "loggen builds" test -x "$G"

"$G" --seed 1 --lines 20000 >"$T/a.log"
"$G" --seed 1 --lines 20000 >"$T/b.log"
"$G" --seed 2 --lines 20000 >"$T/c.log"
check "same seed, same bytes" cmp -s "$T/a.log" "$T/b.log"
if cmp -s "$T/a.log" "$T/c.log"; then notok "another seed, other bytes"; else ok "another seed, other bytes"; fi

for n in 0 1 7 20000; do
	eq "--lines $n gives $n lines" "$n" "$("$G" --seed 3 --lines $n | wc -l | tr -d ' ')"
done
eq "every line ends in a newline" "0" "$(tail -c 1 "$T/a.log" | tr -d '\n' | wc -c | tr -d ' ')"

# RFC 3164: "Mmm dd hh:mm:ss host prog[pid]: msg" (day padded with a blank)
re3164='^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ 123][0-9] [012][0-9]:[0-5][0-9]:[0-5][0-9] mx[0-9]+ [a-z][a-z0-9/-]*(\[[0-9]+\])?: [^ ]'
eq "every line has an RFC 3164 header" "0" "$(grep -cvE "$re3164" "$T/a.log")"
eq "no control characters" "0" "$(LC_ALL=C grep -c '[[:cntrl:]]' "$T/a.log")"

# status= share and the failure share
total=$(wc -l <"$T/a.log")
st=$(grep -c ' status=' "$T/a.log")
bad=$(grep -cE ' status=(deferred|bounced)' "$T/a.log")
check "status= lines are 5-40 % of the log ($st of $total)" test $((st * 100)) -ge $((total * 5)) -a $((st * 100)) -le $((total * 40))
"$G" --seed 4 --lines 200000 --episodes 0 >"$T/quiet.log"
qst=$(grep -c ' status=' "$T/quiet.log")
qbad=$(grep -cE ' status=(deferred|bounced)' "$T/quiet.log")
check "without episodes 2-5 % of statuses fail ($qbad of $qst)" test $((qbad * 100)) -ge $((qst * 2)) -a $((qbad * 100)) -le $((qst * 5))
check "some deliveries fail in the short log too ($bad)" test "$bad" -gt 0

# The shapes a parser must meet
for shape in 'postfix/postscreen\[[0-9]+\]: CONNECT from \[' 'postfix/postscreen\[[0-9]+\]: (PASS OLD|PASS NEW) \[' \
	'postfix/smtpd\[[0-9]+\]: Anonymous TLS connection established from ' 'NOQUEUE: reject: RCPT from ' \
	'postfix/cleanup\[[0-9]+\]: [0-9A-F]{10}: message-id=<' 'opendkim\[[0-9]+\]: [0-9A-F]{10}: DKIM-Signature field added' \
	'postfix/qmgr\[[0-9]+\]: [0-9A-F]{10}: from=<[^>]*>, size=[0-9]+, nrcpt=[0-9]+ \(queue active\)' \
	'postfix/qmgr\[[0-9]+\]: [0-9A-F]{10}: removed' \
	'postfix/smtp\[[0-9]+\]: [0-9A-F]{10}: to=<[^>]+>, relay=[^ ]+, delay=[0-9.]+, delays=[0-9.]+/[0-9.]+/[0-9.]+/[0-9.]+, dsn=[245]\.[0-9]+\.[0-9]+, status=sent \(250' \
	'postfix/lmtp\[[0-9]+\]: .*relay=[^ ]*\[private/dovecot-lmtp\].* status=sent' \
	'dovecot: imap-login: Login: user=<' 'postfix/anvil\[[0-9]+\]: statistics: max ' \
	'warning: hostname [^ ]+ does not resolve to address '; do
	check "has: $shape" grep -qE "$shape" "$T/quiet.log"
done
for reply in 'gmail-smtp-in.l.google.com\[' 'mail.protection.outlook.com\[' 'olc.protection.outlook.com\[' \
	'am0.yahoodns.net\[' 'mail.icloud.com\[' 'emig.gmx.net\[' '421-4.7.28 ' 'said: 550-5.1.1 ' \
	'refused to talk to me: ' 'User unknown' 'relay=none, .*status=deferred \(connect to ' \
	'\(in reply to RCPT TO command\)\)$'; do
	check "has: $reply" grep -qE "$reply" "$T/quiet.log"
done

# Only documentation addresses (RFC 5737, RFC 3849) and DNSBL answers (127.0.0.x)
ips=$(grep -oE '(\[|rip=|lip=|addr |to address |client \[)[0-9a-f.:]+' "$T/quiet.log" |
	sed -E 's/^(\[|rip=|lip=|addr |to address |client \[)//' |
	grep -E '^[0-9]+(\.[0-9]+){3}$|:' | sort -u)
other=$(printf '%s\n' "$ips" | grep -vE '^(192\.0\.2\.|198\.51\.100\.|203\.0\.113\.|2001:db8:)' | head -n 5)
eq "only documentation IP addresses" "" "$other"
check "found addresses to check" test "$(printf '%s\n' "$ips" | wc -l)" -gt 100

# Block episodes: one provider refuses everything from one IP for a while
"$G" --seed 5 --lines 200000 --episodes 0 >"$T/e0.log"
"$G" --seed 5 --lines 200000 --episodes 4 --stats >"$T/e4.log" 2>"$T/e4.stats"
f0=$(grep -cE ' status=(deferred|bounced)' "$T/e0.log")
f4=$(grep -cE ' status=(deferred|bounced)' "$T/e4.log")
check "episodes add refusals ($f0 -> $f4)" test "$f4" -gt "$f0"
eq "stats list the episodes" "4" "$(grep -c '^episode ' "$T/e4.stats")"

# --start, --rate, --format iso, --offset, --hosts
first=$("$G" --start 0 --lines 1 | cut -c1-15)
eq "--start 0 begins on Jan  1 00:00:00" "Jan  1 00:00:00" "$first"
last=$("$G" --start 0 --rate 10 --lines 36000 | tail -n 1 | cut -c8-12)
case "$last" in 00:5[5-9]|01:0[0-4]) ok "--rate 10: 36000 lines span about an hour ($last)" ;;
	*) notok "--rate 10: 36000 lines span about an hour" "last stamp $last" ;; esac
iso=$("$G" --format iso --offset 60 --start 0 --lines 1000)
eq "ISO 8601 stamps with fraction and offset" "0" \
	"$(printf '%s\n' "$iso" | grep -cvE '^1970-01-01T01:[0-9]{2}:[0-9]{2}\.[0-9]{6}\+01:00 mx1 [a-z]')"
eq "--hosts 3 logs three hosts" "mx1 mx2 mx3" \
	"$("$G" --hosts 3 --lines 3000 | cut -d' ' -f4 | sort -u | tr '\n' ' ' | sed 's/ $//')"
check "timestamps never go backwards" sh -c "'$G' --format iso --lines 50000 | cut -d' ' -f1 | LC_ALL=C sort -c"

# The classifier corpus: five tab-separated fields per reply
"$G" --replies 500 >"$T/r.tsv"
eq "--replies 500 gives 500 replies" "500" "$(wc -l <"$T/r.tsv" | tr -d ' ')"
eq "replies have five fields" "0" "$(awk -F'\t' 'NF != 5' "$T/r.tsv" | wc -l | tr -d ' ')"

status "bad --format is a usage error" 2 "$G" --format xml
status "bad --lines is a usage error" 2 "$G" --lines ten
status "extra argument is a usage error" 2 "$G" extra
