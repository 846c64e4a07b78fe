#!/bin/sh
# config_values: a bad value in the configuration file is an error naming
# FILE:LINE, for every key, whether the file's own check finds it or the
# command's parser does; and the file takes exactly the values the command
# line takes, with the same wording (one range, one message per option).
. "$(dirname "$0")/lib.sh"
export TZ=UTC
C=$T/bw.conf
DB=$T/s.db
"$BW" --db "$DB" --rules "$RULES" scan "$TOP/samples/postfix-loopback.log" >/dev/null 2>&1

# conf SECTION KEY VALUE: a file with that key on line 2
conf() { printf '[%s]\n%s = %s\n' "$1" "$2" "$3" >"$C"; }

conf episodes suspect-recipients 1
status "suspect-recipients = 1 stops report" 2 "$BW" --config "$C" --db "$DB" report
check "... naming FILE:2 and the key" grep -q "^bouncewatch: $C:2: \[episodes\] suspect-recipients: .*expected 0 (off) or a whole number from 2 to 64, got '1'" "$T/.err"
status "... and scan" 2 "$BW" --config "$C" --db "$DB" --rules "$RULES" scan "$TOP/samples/postfix-loopback.log"
check "... naming FILE:2" grep -q "^bouncewatch: $C:2: \[episodes\] suspect-recipients" "$T/.err"

# A value only the command judges (an alert program that is not executable):
# the command's parser says it, with the line it came from.
: >"$T/plain" && chmod 644 "$T/plain"
conf alerts exec "$T/plain"
status "exec = a file that is not executable, scan" 2 "$BW" --config "$C" --db "$DB" --rules "$RULES" scan "$TOP/samples/postfix-loopback.log"
check "... names FILE:2 and the key" grep -q "^bouncewatch: $C:2: \[alerts\] exec: scan: --alert-exec: $T/plain is not an executable file" "$T/.err"
printf '[alerts]\non-clear = yes\n[sending-ips]\nmx1 = 192.0.2.1\n[dns]\nresolver = 127.0.0.1:99999\n' >"$C"
status "resolver with a bad port, dnsbl check" 2 "$BW" --config "$C" --db "$DB" --rules "$RULES" dnsbl check 192.0.2.1
check "... names FILE:6" grep -q "^bouncewatch: $C:6: \[dns\] resolver: " "$T/.err"

# The same wording for a duration in the file and on the command line.
conf snds interval 0s
status "[snds] interval = 0s" 2 "$BW" --config "$C" --db "$DB" report
file_msg=$(sed -n 's/.*\] interval: //p' "$T/.err")
status "tail --snds-every 0s" 2 "$BW" --db "$DB" tail --snds-every 0s --help
eq "... the file's message is the option's" "$(sed -n 's/.*--snds-every: //p' "$T/.err")" "$file_msg"
conf snds interval 30s
status "[snds] interval = 30s, as --snds-every 30s" 0 "$BW" --config "$C" --db "$DB" tail --help

# Every key that stands for a number or a duration: for each value, the file
# refuses it (naming FILE:2) exactly when the command line does. The probe
# is `CMD --help` after the option, which parses the options (the file's
# come first) and runs nothing. [retention] attempts stands for tail's
# --retention and prune's --older-than: the file takes tail's (1h floor).
DURS="0s 1s 59s 60s 3599s 3600s 2w 1.5h -1s x"
INTS="0 1 2 9 10 11 64 65 60000 60001 10000000 10000001 -1 1e3 x"
NUMS="0 0.5 86400 86401 -1 nan"
mism=""
while read -r sec key cmd opt vals; do
	eval "vals=\$$vals"
	for v in $vals; do
		conf "$sec" "$key" "$v"
		"$BW" --config "$C" --db "$DB" $cmd --help >/dev/null 2>"$T/f.err"; f=$?
		"$BW" --db "$DB" $cmd "$opt" "$v" --help >/dev/null 2>"$T/c.err"; c=$?
		if [ "$f" != "$c" ]; then
			mism="$mism [$sec] $key = $v: file $f, $cmd $opt $c;"
		elif [ "$f" != 0 ] && ! grep -q "$C:2: \[$sec\] $key: " "$T/f.err"; then
			mism="$mism [$sec] $key = $v: no FILE:2 in '$(cat "$T/f.err")';"
		fi
	done
done <<'KEYS'
sources poll tail --poll NUMS
sources grace tail --grace NUMS
sources batch-lines tail --batch-lines INTS
sources batch-ms tail --batch-ms INTS
episodes clear-after scan --clear-after DURS
episodes clear-accepts scan --clear-accepts INTS
episodes clear-span scan --clear-span DURS
episodes suspect-recipients scan --suspect-recipients INTS
episodes suspect-window scan --suspect-window DURS
alerts timeout scan --alert-timeout DURS
alerts window scan --alert-window DURS
alerts min-interval scan --min-interval DURS
retention attempts tail --retention DURS
snds interval tail --snds-every DURS
arf interval tail --arf-every DURS
dns timeout-ms tail --dns-timeout INTS
dns tries tail --dns-tries INTS
dns dnsbl-interval tail --dnsbl-interval DURS
KEYS
eq "every number and duration: the file and the command line agree, the file names FILE:2" "" "$mism"
