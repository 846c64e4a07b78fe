#!/bin/sh
# hostile_output: text a remote server or a log line controls reaches people
# only escaped (C1 controls, bidi overrides, line separators: in the BLOCK
# line on stderr, `blocks`, report text and HTML), and reaches spreadsheets
# only as text (CSV cells that would be formulas: report, query, blocks).
. "$(dirname "$0")/lib.sh"
export TZ=UTC
export BOUNCEWATCH_NOW=1795857303
DB=$T/h.db LOG=$T/mail.log
CSI=$(printf '\302\233')	# U+009B
RLO=$(printf '\342\200\256')	# U+202E
LSEP=$(printf '\342\200\250')	# U+2028
printf '2026-11-28T09:14:03+00:00 mx1 postfix/smtp[2211]: 4F9D1C2A3B: to=<alice@=cmd|calc!A0>, relay=hotmail-com.olc.protection.outlook.com[52.101.8.44]:25, delay=1.2, delays=0.1/0/0.6/0.5, dsn=5.7.1, status=bounced (host hotmail-com.olc.protection.outlook.com[52.101.8.44] said: 550 5.7.1 Unfortunately, messages from [203.0.113.7] weren'"'"'t sent. %s2J %sgnp.exe %sfake line (S3140) (in reply to RCPT TO command))\n' "$CSI" "$RLO" "$LSEP" >"$LOG"
"$BW" --db "$DB" --rules "$RULES" scan "$LOG" >"$T/out" 2>"$T/err"
eq "scan exits 0" 0 $?
raw() { grep -c -e "$CSI" -e "$RLO" -e "$LSEP" "$1"; }
check "a BLOCK OPEN line was written" grep -q '^BLOCK OPEN' "$T/err"
eq "BLOCK line: no raw C1, bidi override or line separator" 0 "$(raw "$T/err")"
check "BLOCK line: they are shown escaped" grep -qF '\u{009b}2J \u{202e}gnp.exe \u{2028}fake line' "$T/err"
"$BW" --db "$DB" blocks >"$T/blocks" 2>&1
eq "blocks text: nothing raw" 0 "$(raw "$T/blocks")"
check "blocks text: escaped" grep -qF '\u{202e}gnp.exe' "$T/blocks"
"$BW" --db "$DB" report --since 2026-11-01 --by reasons >"$T/report" 2>&1
eq "report text: nothing raw" 0 "$(raw "$T/report")"
"$BW" --db "$DB" report --since 2026-11-01 --format html --output "$T/r.html" 2>"$T/.err"
eq "report html: no bidi override or C1 control as such" 0 "$(raw "$T/r.html")"
check "report html: shown as an escape" grep -qF '\u{202e}gnp.exe' "$T/r.html"

# CSV: formula-like cells become text (a leading ' inside quotes)
"$BW" --db "$DB" query --format csv "SELECT rcpt_domain, '=1+1' AS f, '+SUM(A1)' AS p, '@x' AS a, '-3' AS n, -2.5 AS m, 'ok' AS o FROM deliveries" >"$T/q.csv" 2>"$T/.err"
eq "query csv exits 0" 0 $?
eq "query csv: formula cells neutralised, numbers kept" "\"'=cmd|calc!a0\",\"'=1+1\",\"'+SUM(A1)\",\"'@x\",-3,-2.5,ok" "$(sed -n 2p "$T/q.csv" | tr -d '\r')"
"$BW" --db "$DB" report --since 2026-11-01 --format csv --by domain >"$T/r.csv" 2>"$T/.err"
check "report csv: the domain is neutralised" grep -qF "\"'=cmd|calc!a0\"" "$T/r.csv"
"$BW" --db "$DB" blocks --format csv >"$T/b.csv" 2>"$T/.err"
check "blocks csv: a reply cell stays as it is (not formula-like)" grep -q '^microsoft,' "$T/b.csv"
"$BW" --db "$DB" query --format csv "SELECT char(9) || 'tab', char(13) || 'cr'" >"$T/q2.csv" 2>"$T/.err"
eq "query csv: TAB and CR at the start neutralised" "\"'	tab\",\"'$(printf '\r')cr\"" "$(sed -n 2p "$T/q2.csv" | sed 's/\r$//')"
