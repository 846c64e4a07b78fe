#!/bin/sh
# fleet_rsyslog - the fleet path: mail servers forward their Postfix logs to a
# real rsyslog relay, one `bouncewatch tail` follows the combined file, and
# every report can be cut per log host.
#
# A private rsyslogd (Debian's package; installed here when missing, as root)
# runs in the foreground with its own configuration, work directory and pid
# file under $T, listening with imtcp and imudp on 127.0.0.1 only (no imuxsock,
# no imklog: it reads none of this machine's logs). It writes everything it
# receives to $T/collector/mail.log with RSYSLOG_FileFormat (RFC 3339 times,
# microseconds, the sender's offset) and to mail-trad.log with
# RSYSLOG_TraditionalFileFormat. Four servers send real Postfix lines
# (tests/e2e/data/basic.log, samples/postfix-loopback.log) through
# tests/e2e/fleet_send.py, each the way its own rsyslog would forward them:
#   mx1  RFC 3164 over TCP (LF framing), UTC wall time
#   mx2  RSYSLOG_ForwardFormat (RFC 3339 time, +01:00) over TCP, octet counting
#   mx3  RFC 5424 (Z) over TCP: rsyslog writes its tag without the ':'
#   mx4  RFC 5424 (-05:00) over UDP
# One tail follows mail.log (database A), another mail-trad.log with
# --source-ip mx1=192.0.2.10 (database B); both start before the file exists.
# Checks: rows per host, and each row's queue id, time (to the microsecond)
# and status, equal what each server sent (tests/e2e/postfix_rows.awk reads
# the servers' lines independently); `report --by host --format json`; block
# episodes keyed by the IP in the reply (S3140 from mx2) or, when the reply
# names none (Orange OFR_999), by the log host, or by --source-ip; an episode
# clears only on a success from a log host it saw; the traditional format
# drops the sender's offset. Then the collector file is rotated the way
# logrotate does it for rsyslog (rename, more lines still written to the old
# file, SIGHUP: rsyslogd reopens), more lines are sent, and nothing is lost
# or stored twice. Every wait is a bounded polling loop; every process it
# starts is stopped by pid.
. "$(dirname "$0")/lib.sh"
TZ=UTC
export TZ
SEND="python3 $TOP/tests/e2e/fleet_send.py"
ROWS_AWK="$TOP/tests/e2e/postfix_rows.awk"
BASIC="$TOP/tests/e2e/data/basic.log"
LOOPBACK="$TOP/samples/postfix-loopback.log"
COL=$T/collector
DBA=$T/bw.db DBB=$T/bw-trad.db
RS_PID="" TA_PID="" TB_PID=""
mkdir -p "$T/rs" "$T/ledger" "$T/markers" "$COL"	# the log directory exists, its files not yet

say() { echo "# fleet_rsyslog: $*" >&2; }
qa() { sqlite3 -batch -noheader -cmd '.timeout 5000' "$DBA" "$1" 2>/dev/null; }
qb() { sqlite3 -batch -noheader -cmd '.timeout 5000' "$DBB" "$1" 2>/dev/null; }

# ---- rsyslog: Debian's package, a private instance ----------------------------
rs_install() {
	[ -x /usr/sbin/rsyslogd ] && return 0
	if [ "$(id -u)" != 0 ]; then
		say "rsyslog is not installed and we are not root"; return 1
	fi
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends rsyslog >"$T/apt.log" 2>&1 || {
		apt-get update -qq >/dev/null 2>&1
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends rsyslog >"$T/apt.log" 2>&1
	} || { say "apt-get install rsyslog failed"; tail -5 "$T/apt.log" >&2; return 1; }
	[ -x /usr/sbin/rsyslogd ]
}

# free_port SEED: an odd port, below the ephemeral range, free for TCP and UDP
# on 127.0.0.1 (a seeded random walk, like pf_free_ports in postfix_env.sh;
# odd ports there are never its instance's port).
free_port() {
	python3 - "$1" <<'PYEOF'
import random, socket, sys
rnd = random.Random(int(sys.argv[1]))
for _ in range(50):
    p = rnd.randrange(30001, 32000, 2)
    try:
        for kind in (socket.SOCK_STREAM, socket.SOCK_DGRAM):
            s = socket.socket(socket.AF_INET, kind)
            s.bind(("127.0.0.1", p))
            s.close()
    except OSError:
        continue
    print(p)
    sys.exit(0)
sys.exit(1)
PYEOF
}

# rs_up: the relay accepts TCP connections and holds the UDP port
rs_up() {
	python3 - "$PORT" <<'PYEOF' 2>/dev/null
import socket, sys
port = int(sys.argv[1])
socket.create_connection(("127.0.0.1", port), 1).close()
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
try:
    u.bind(("127.0.0.1", port))
except OSError:
    sys.exit(0)
sys.exit(1)
PYEOF
}

rs_start() {
	# rsyslog.conf(5) in RainerScript: inputs bound to loopback, two files.
	cat >"$T/rsyslog.conf" <<EOF
global(workDirectory="$T/rs")
module(load="imtcp")
module(load="imudp")
input(type="imtcp" address="127.0.0.1" port="$PORT")
input(type="imudp" address="127.0.0.1" port="$PORT")
action(type="omfile" file="$COL/mail.log" template="RSYSLOG_FileFormat")
action(type="omfile" file="$COL/mail-trad.log" template="RSYSLOG_TraditionalFileFormat")
EOF
	/usr/sbin/rsyslogd -N1 -f "$T/rsyslog.conf" >"$T/rs-check.log" 2>&1 || {
		say "rsyslogd -N1 rejects the configuration:"; cat "$T/rs-check.log" >&2; return 1; }
	/usr/sbin/rsyslogd -n -f "$T/rsyslog.conf" -i "$T/rsyslog.pid" >"$T/rs.log" 2>&1 &
	RS_PID=$!
	i=0
	while [ $i -lt 50 ]; do
		rs_up && return 0
		kill -0 "$RS_PID" 2>/dev/null || break
		sleep 0.1; i=$((i + 1))
	done
	say "rsyslogd did not come up on 127.0.0.1:$PORT"; cat "$T/rs.log" >&2; return 1
}

# rs_stop: SIGTERM by pid, then wait (bounded) until it is gone
rs_stop() {
	[ -n "$RS_PID" ] || return 0
	kill -TERM "$RS_PID" 2>/dev/null
	i=0
	while kill -0 "$RS_PID" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
	if kill -0 "$RS_PID" 2>/dev/null; then
		say "rsyslogd $RS_PID ignored SIGTERM; killing it"; kill -KILL "$RS_PID" 2>/dev/null
	fi
	wait "$RS_PID" 2>/dev/null
	RS_PID=""
}
at_exit rs_stop
at_exit 'for p in $TA_PID $TB_PID; do kill -KILL $p 2>/dev/null; done'

# ---- expectations from what the servers sent ------------------------------------
# expected HOST: "queue id<TAB>epoch<TAB>status" of every delivery attempt sent
expected() { awk -f "$ROWS_AWK" "$T/ledger/$1" | cut -f 1-3 | sort; }
# expected_trad HOST SHIFT: the same, to the second, shifted by SHIFT seconds
expected_trad() {
	awk -f "$ROWS_AWK" "$T/ledger/$1" |
		awk -F '\t' -v s="$2" '{ printf "%s\t%.6f\t%s\n", $1, int($2) + s, $3 }' | sort
}
sent_total() { cat "$T/ledger"/* | awk -f "$ROWS_AWK" | wc -l | tr -d ' '; }
stored() { # DB HOST: the same three fields, from the database
	sqlite3 -batch -noheader -separator "$(printf '\t')" -cmd '.timeout 5000' "$1" \
		"SELECT coalesce(queue_id, ''), printf('%.6f', ts), status FROM deliveries WHERE host = '$2'" | sort
}
rows() { sqlite3 -cmd '.timeout 5000' "$1" "SELECT count(*) FROM deliveries" 2>/dev/null || echo 0; }
# wait_rows DB N: until the database holds N rows (10 s at most)
wait_rows() { i=0; while [ "$(rows "$1")" != "$2" ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done; rows "$1"; }
# same NAME FILE_EXPECTED FILE_ACTUAL: equal files, or the first differences
same() {
	if cmp -s "$2" "$3"; then ok "$1"; else
		notok "$1" "$(wc -l <"$2") expected, $(wc -l <"$3") stored; diff (< expected, > stored):" \
			"$(diff "$2" "$3" | head -8)"
	fi
}
# send HOST FORM TRANSPORT < LINES
send() { $SEND "$PORT" "$1" "$2" "$3" "$T/ledger" "$T/clock"; }
# marker: one line that is not Postfix's, from the relay itself
marker() { echo "Nov 28 00:00:00 relay logrotate: reopen check $1" | $SEND "$PORT" relay 3164 tcp "$T/markers" "$T/clock"; }
# sync NAME: both databases hold every row sent so far
sync_rows() {
	n=$(sent_total)
	eq "$1: both followers stored every delivery sent ($n)" "$n $n" "$(wait_rows "$DBA" "$n") $(wait_rows "$DBB" "$n")"
}
# check_hosts NAME: per host, rows and their fields in both databases
check_hosts() {
	for h in mx1 mx2 mx3 mx4; do
		expected "$h" >"$T/exp.$h"; stored "$DBA" "$h" >"$T/got.$h"
		same "$1: $h's rows in the RFC 3339 file: queue id, time (us), status" "$T/exp.$h" "$T/got.$h"
	done
	for hs in mx1:0 mx2:3600 mx3:0 mx4:-18000; do
		h=${hs%%:*}
		expected_trad "$h" "${hs#*:}" >"$T/exp.$h"; stored "$DBB" "$h" >"$T/got.$h"
		same "$1: $h's rows in the traditional file (to the second; the sender's offset dropped: ${hs#*:} s)" "$T/exp.$h" "$T/got.$h"
	done
}
# epoch_of HOST QUEUE_ID STATUS: the time sent for that host's last such attempt
epoch_of() { awk -f "$ROWS_AWK" "$T/ledger/$1" | awk -F '\t' -v q="$2" -v s="$3" '$1 == q && $3 == s { t = $2 } END { print t }'; }

# ---- set-up ------------------------------------------------------------------------
if rs_install; then ok "rsyslog installed ($(/usr/sbin/rsyslogd -v | awk 'NR == 1 { print $2 }'))"; else
	notok "rsyslog installed" "see above"; exit 1; fi
PORT=$(free_port $$) || { notok "a free loopback port for the relay"; exit 1; }
date -u -d '-30 min' +%s >"$T/clock"	# the servers' lines start 30 minutes ago

# Both followers first: the collector's files do not exist yet. One accepted
# delivery clears an episode here (--clear-accepts 1 --clear-span 0): what is
# tested is whose success may clear, not the hysteresis (test_episode).
ONE="--clear-accepts 1 --clear-span 0"
"$BW" --db "$DBA" --rules "$RULES" tail --grace 10 $ONE "$COL/mail.log" >"$T/tail-a.out" 2>"$T/tail-a.err" &
TA_PID=$!
"$BW" --db "$DBB" --rules "$RULES" tail --grace 10 $ONE --source-ip mx1=192.0.2.10 "$COL/mail-trad.log" \
	>"$T/tail-b.out" 2>"$T/tail-b.err" &
TB_PID=$!
i=0; while ! grep -q 'does not exist yet' "$T/tail-a.err" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
check "tail waits for the collector file that does not exist yet" grep -q 'does not exist yet' "$T/tail-a.err"

if rs_start; then ok "private rsyslogd up on 127.0.0.1:$PORT (imtcp, imudp)"; else
	notok "private rsyslogd up on 127.0.0.1:$PORT" "$(tail -5 "$T/rs.log")"; exit 1; fi

# ---- phase A: four servers -------------------------------------------------------
# Orange's OFR_999 reply names no IP (patterns/orange.rules, tests/corpus/replies.tsv);
# Postfix logs a refused greeting as "host H[IP] refused to talk to me: REPLY".
orange() {
	printf 'Nov 28 09:40:07 mx1 postfix/smtp[%s]: %s: to=<gina@orange.fr>, relay=smtp-in.orange.fr[193.252.22.84]:25, delay=1.1, delays=0.1/0/1/0, dsn=4.0.0, status=deferred (host smtp-in.orange.fr[193.252.22.84] refused to talk to me: 421 mwinf5c77 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR_999 [999])\n' "$1" "$2"
}
# mx2: a delivery to Gmail, the S3140 (naming mx2's own address), a 5.1.1
grep -e 3A1B2C3D4E -e 4F9D1C2A3B -e 7B8C9D0E1F "$BASIC" | sed 's/203\.0\.113\.7/198.51.100.7/g' |
	send mx2 fwd+01:00 tcp-octet
wait_rows "$DBA" "$(sent_total)" >/dev/null
# mx1: basic.log without the S3140 (Yahoo TSS04, a 5.1.1, Hotmail accepted), an Orange block
{ grep -v 4F9D1C2A3B "$BASIC"; orange 2250 9D0E1F2A3B; } | send mx1 3164 tcp
wait_rows "$DBA" "$(sent_total)" >/dev/null
# mx3: the log of a real Postfix run (samples/README.md), then an Orange block
{ cat "$LOOPBACK"; orange 29990 AE0F1A2B3C; } | send mx3 5424Z tcp
grep -e 3A1B2C3D4E "$BASIC" | send mx4 5424-05:00 udp
sync_rows "phase A"

hosts_a=$(qa "SELECT group_concat(host || '=' || n, ' ') FROM (SELECT host, count(*) n FROM deliveries GROUP BY host ORDER BY host)")
hosts_e=$(for h in mx1 mx2 mx3 mx4; do printf '%s=%s ' "$h" "$(expected "$h" | wc -l | tr -d ' ')"; done)
eq "rows per log host equal what each server sent" "${hosts_e% }" "$hosts_a"
check_hosts "phase A"

# report --by host: attempts and outcomes per server
report_hosts() {
	"$BW" --db "$1" report --by host --format json >"$T/report.json" 2>"$T/report.err" || { cat "$T/report.err"; return; }
	python3 -c '
import json, sys
for r in sorted(json.load(open(sys.argv[1]))["host"], key=lambda r: r["host"]):
    print(r["host"], r["attempts"], r["sent"], r["deferred"], r["bounced"])' "$T/report.json" 2>&1
}
outcomes() {
	for h in mx1 mx2 mx3 mx4; do
		expected "$h" | awk -F '\t' -v h="$h" '{ n++; c[$3]++ } END { print h, n, c["sent"] + 0, c["deferred"] + 0, c["bounced"] + 0 }'
	done
}
eq "report --by host --format json: attempts, sent, deferred, bounced per server" "$(outcomes)" "$(report_hosts "$DBA")"

# block episodes
s3140=$(epoch_of mx2 4F9D1C2A3B bounced)
eq "S3140 from mx2: an episode keyed by the IP in the reply, opened at its time, seen from mx2" \
	"microsoft 198.51.100.7 $s3140 mx2 open" \
	"$(qa "SELECT provider, sending_ip, printf('%.6f', opened), hosts, CASE WHEN cleared IS NULL THEN 'open' ELSE clear_reason END FROM episodes WHERE key = 'outlook-consumer 198.51.100.7'" | tr '|' ' ')"
eq "Orange OFR_999 (no IP in the reply): one episode per log host" "mx1:mx1 mx3:mx3" \
	"$(qa "SELECT group_concat(sending_ip || ':' || hosts, ' ') FROM (SELECT * FROM episodes WHERE provider = 'orange' ORDER BY sending_ip)")"
eq "--source-ip mx1=192.0.2.10 keys mx1's Orange episode by that IP; mx3 stays keyed by its name" \
	"192.0.2.10:mx1 mx3:mx3" \
	"$(qb "SELECT group_concat(sending_ip || ':' || hosts, ' ') FROM (SELECT * FROM episodes WHERE provider = 'orange' ORDER BY sending_ip)")"
check "tail announced the openings (S3140 of mx2, Orange of mx1)" \
	sh -c "grep -q 'BLOCK OPEN microsoft/outlook-consumer 198.51.100.7' '$T/tail-a.err' && grep -q 'BLOCK OPEN orange mx1' '$T/tail-a.err'"
eq "Hotmail accepted from mx1 (after the S3140) does not clear mx2's episode" "open" \
	"$(qa "SELECT CASE WHEN cleared IS NULL THEN 'open' ELSE clear_reason END FROM episodes WHERE key = 'outlook-consumer 198.51.100.7'")"
eq "the collector holds only what the servers sent (no host logs)" "mx1 mx2 mx3 mx4" \
	"$(awk '{ print $2 }' "$COL/mail.log" | sort -u | tr '\n' ' ' | sed 's/ $//')"

# ---- phase B: rotation as logrotate does it for rsyslog -----------------------------
# Debian's /etc/logrotate.d/rsyslog: rename (no copytruncate), then postrotate
# /usr/lib/rsyslog/rsyslog-rotate, which sends rsyslogd SIGHUP; rsyslog 8
# closes its files on HUP and opens them again on the next message.
mv "$COL/mail.log" "$COL/mail.log.1"
mv "$COL/mail-trad.log" "$COL/mail-trad.log.1"
# lines logged between the rename and the HUP still go to the renamed files
grep -e 6A7B8C9D0E -e 3A1B2C3D4E "$BASIC" | send mx1 3164 tcp
sed -n 1,60p "$LOOPBACK" | send mx3 5424Z tcp
n_before=$(sent_total)
sync_rows "renamed, not yet reopened"
kill -HUP "$RS_PID"
i=0
while [ ! -e "$COL/mail.log" ] && [ $i -lt 25 ]; do marker $i; sleep 0.2; i=$((i + 1)); done
check "rsyslogd reopened mail.log after SIGHUP" test -e "$COL/mail.log"
# after the reopen: Hotmail accepts mx2's mail again, more from the others
grep -e 8C9D0E1F2A "$BASIC" | send mx2 fwd+01:00 tcp-octet
grep -e 7B8C9D0E1F "$BASIC" | send mx1 3164 tcp
sed -n 61,140p "$LOOPBACK" | send mx3 5424Z tcp
grep -e 8C9D0E1F2A "$BASIC" | send mx4 5424-05:00 udp
sync_rows "after the rotation"
n_all=$(sent_total)
eq "rotation: no row twice (host, queue id, time, status)" "$n_all" \
	"$(qa "SELECT count(*) FROM (SELECT DISTINCT host, queue_id, ts, status FROM deliveries)")"
eq "rotation: rows from the renamed file, then the new one" "$n_before $((n_all - n_before))" \
	"$(qa "SELECT count(*) FROM deliveries d JOIN sources s ON s.id = d.source_id WHERE s.ino = $(stat -c %i "$COL/mail.log.1")") $(qa "SELECT count(*) FROM deliveries d JOIN sources s ON s.id = d.source_id WHERE s.ino = $(stat -c %i "$COL/mail.log")")"
check "tail said it followed the rotation" grep -q 'rotated' "$T/tail-a.err"
check_hosts "after the rotation"
eq "report --by host after the rotation" "$(outcomes)" "$(report_hosts "$DBA")"
eq "Hotmail accepted from mx2 clears mx2's S3140 episode, at that line's time" \
	"delivered $(epoch_of mx2 8C9D0E1F2A sent)" \
	"$(qa "SELECT clear_reason, printf('%.6f', cleared) FROM episodes WHERE key = 'outlook-consumer 198.51.100.7'" | tr '|' ' ')"

# ---- stop ------------------------------------------------------------------------------
kill -TERM "$TA_PID" "$TB_PID" 2>/dev/null
wait "$TA_PID"; sa=$?; wait "$TB_PID"; sb=$?; TA_PID="" TB_PID=""
eq "both followers exit 0 on SIGTERM" "0 0" "$sa $sb"
pid=$RS_PID
rs_stop
check "private rsyslogd stopped by its pid" sh -c "! kill -0 $pid 2>/dev/null"
