# mta_env.sh - shared by the Exim, OpenSMTPD and Sendmail end-to-end tests:
# the unpacked MTA packages, a private mount namespace for running them, and
# the port of the scripted SMTP server (sink_env.sh). Sourced after lib.sh, not run.
#   MTA_DIR   where tests/mta_fetch.sh unpacks the packages (default build/mta)
. "$TOP/tests/e2e/private_ns.sh"
MTA_DIR=${MTA_DIR:-$TOP/${BW_BUILD:-build}/mta}
# The MTAs run from a copy under $T: they drop privileges and re-execute
# themselves, and the tree may be cloned where other users cannot reach it
# (a checkout under /root). mta_fetch unpacks into MTA_DIR once, then copies.
MTA_ROOT=$T/mta
chmod 755 "$T"	# the MTAs drop privileges and must reach their spool and log under $T

mta_fetch() {
	sh "$TOP/tests/mta_fetch.sh" "$MTA_DIR" "$@" >&2 && rm -rf "$MTA_ROOT" &&
		cp -a "$MTA_DIR/root" "$MTA_ROOT" && chmod 755 "$MTA_ROOT"
}

# mta_free_id: a uid and gid number no account or group of this machine uses
mta_free_id() {
	i=64990
	while getent passwd "$i" >/dev/null 2>&1 || getent group "$i" >/dev/null 2>&1; do i=$((i + 1)); done
	echo "$i"
}

# mta_passwd NAME ID HOME: copies of /etc/passwd and /etc/group with the
# MTA's own account added, bound over the real ones only inside mta_ns
mta_passwd() {
	[ -f "$T/passwd" ] || { cp /etc/passwd "$T/passwd"; cp /etc/group "$T/group"; }
	echo "$1:x:$2:$2::$3:/usr/sbin/nologin" >>"$T/passwd"
	echo "$1:x:$2:" >>"$T/group"
}

# mta_ns COMMAND...: runs COMMAND in a private mount namespace where
# /etc/passwd and /etc/group are the copies above and /etc/hosts names this
# machine (the MTAs look their own host name up when they start; a fresh
# debootstrap's /etc/hosts lacks it, and asking DNS for it would stall them);
# $T/ns.d/*.sh (run in order) may bind more. The mounts vanish with the
# namespace's last process.
mta_ns() {
	[ -f "$T/hosts" ] || { cat /etc/hosts; echo "127.0.0.1 $(hostname)"; } >"$T/hosts"
	private_ns sh -c '
		mount --bind "$0/passwd" /etc/passwd && mount --bind "$0/group" /etc/group || exit 111
		mount --bind "$0/hosts" /etc/hosts || exit 111
		for f in "$0"/ns.d/*.sh; do [ -f "$f" ] && { . "$f" || exit 111; }; done
		exec "$@"' "$T" "$@"
}

# mta_ports: a free port on 127.0.0.1-127.0.0.7 (the sink listens there)
mta_port() {
	python3 - "$$" <<'PYEOF'
import random, socket, sys
rnd = random.Random(int(sys.argv[1]) * 7919)
for _ in range(50):
    p = rnd.randrange(30000, 40000)
    try:
        for i in range(1, 8):
            s = socket.socket(); s.bind(("127.0.0.%d" % i, p)); s.close()
    except OSError:
        continue
    print(p); sys.exit(0)
sys.exit(1)
PYEOF
}
SINK_PORT=$(mta_port) || { echo "not ok 1 - a free loopback port"; exit 1; }
. "$TOP/tests/e2e/sink_env.sh"	# sink_start TABLE, sink_stop

# ---- syslog for the MTAs that log only through it (OpenSMTPD, Sendmail) ----------
# A private rsyslogd reads its own socket $T/syslog.sock and writes mail.* to
# $MTA_LOG (RFC 3339 times, RSYSLOG_FileFormat); inside mta_ns, /dev is a copy
# whose "log" is that socket, so syslog(3) of the MTA reaches it.
MTA_LOG=$T/log/mail.log
RS_PID=""
mta_syslog_start() {
	[ -x /usr/sbin/rsyslogd ] || sh "$TOP/tests/deps.sh" rsyslog >&2 || return 1
	mkdir -p "$T/log" "$T/nsdev" "$T/ns.d"
	cat >"$T/rsyslog.conf" <<RSCONF
global(workDirectory="$T")
module(load="imuxsock" SysSock.Use="off")
input(type="imuxsock" Socket="$T/syslog.sock")
mail.* action(type="omfile" file="$MTA_LOG" template="RSYSLOG_FileFormat")
RSCONF
	/usr/sbin/rsyslogd -n -f "$T/rsyslog.conf" -i "$T/rsyslog.pid" >"$T/rsyslog.out" 2>&1 &
	RS_PID=$!
	at_exit mta_syslog_stop
	wait_until 60 test -S "$T/syslog.sock" || { echo "# rsyslogd did not start" >&2; cat "$T/rsyslog.out" >&2; return 1; }
	cat >"$T/ns.d/10-dev.sh" <<'NSDEV'
for n in null zero random urandom full tty; do
	[ -e "$0/nsdev/$n" ] || : >"$0/nsdev/$n"; mount --bind "/dev/$n" "$0/nsdev/$n" || exit 111
done
[ -e "$0/nsdev/log" ] || : >"$0/nsdev/log"
mount --bind "$0/syslog.sock" "$0/nsdev/log" && mount --rbind "$0/nsdev" /dev
NSDEV
}
mta_syslog_rotate() { mv "$MTA_LOG" "$MTA_LOG.1" && kill -HUP "$RS_PID"; }
mta_syslog_stop() {
	[ -n "$RS_PID" ] || return 0
	kill -TERM "$RS_PID" 2>/dev/null; wait "$RS_PID" 2>/dev/null; RS_PID=""
}

# ---- what the three tests check the same way ---------------------------------------
# Each sets LOG (the MTA's log), DB, ROWS_AWK (the test's own reading of the log:
# one attempt per line, tab-separated as the query in mta_rows_match) and
# ROTATED (the rotated files, oldest first, once the log is rotated).
TAB=$(printf '\t')
q() { sqlite3 -batch -noheader -cmd '.timeout 5000' "$DB" "$1"; }
logrows() { for f in $ROTATED "$LOG"; do [ -f "$f" ] && awk -f "$ROWS_AWK" "$f"; done; }
# caught_up [MIN]: every attempt of the log is a row, and there are at least MIN (1)
caught_up() {
	want=$(logrows | wc -l)
	[ "$want" -ge "${1:-1}" ] && [ "$want" = "$(q "SELECT count(*) FROM deliveries" 2>/dev/null)" ]
}
# check_caught_up NAME [MIN]: check NAME waits (120 s) until caught_up MIN;
# when it does not, the failure shows why: both counts, the attempts the log
# has and the rows the database has (queue id, status, reply; the first
# lines that differ), and the end of tail's standard error
check_caught_up() {
	if wait_until 120 caught_up "${2:-1}"; then ok "$1"; return; fi
	logrows | cut -f1,3,8 | sort >"$T/cu.want"
	q "SELECT ifnull(queue_id,''), status, ifnull(reply,'') FROM deliveries" |
		tr '|' "$TAB" | sort >"$T/cu.got"
	notok "$1" "log attempts: $(wc -l <"$T/cu.want" | tr -d ' '), rows: $(wc -l <"$T/cu.got" | tr -d ' ')" \
		"$(diff "$T/cu.want" "$T/cu.got" | head -12)" "tail's stderr: $(tail -n 8 "$T/tail.err" 2>/dev/null)"
}
# mta_rows_match ID [TIME_MODIFIER]: every attempt in the log files is one row
# with ID (the MTA's name for its queue id), time (whole seconds, as the line
# shows them: SQLite rounds to the millisecond, so .9996 s would read as the
# next second), status, domain, relay IP, code, enhanced code and reply.
# TIME_MODIFIER is 'localtime' for an MTA that logs local time.
mta_rows_match() {
	logrows >"$T/want.tsv"
	q "SELECT ifnull(queue_id,''), strftime('%H:%M:%S', CAST(ts AS INTEGER), 'unixepoch'${2:+, '$2'}),
		status, ifnull(rcpt_domain,''), ifnull(relay_ip,''), ifnull(smtp_code,''), ifnull(dsn,''),
		ifnull(reply,'') FROM deliveries ORDER BY id" | tr '|' "$TAB" >"$T/got.tsv"
	n=$(wc -l <"$T/want.tsv" | tr -d ' ')
	if cmp -s "$T/want.tsv" "$T/got.tsv"; then
		ok "all $n attempts in the log files are rows with $1, time, status, domain, relay IP, code, dsn, reply"
	else
		notok "every attempt is one row with the logged fields" "$(diff "$T/want.tsv" "$T/got.tsv" | head -8)"
	fi
}
# mta_received WHAT COUNT: one received event per line the MTA wrote (COUNT
# of them, counted from the log by the test), and some
mta_received() {
	eq "received: $1" "$2" "$(q "SELECT count(*) FROM mail_events WHERE kind = 'received'")"
	check "... and there were some" test "$2" -gt 0
}
# mta_microsoft_once: the S3140 refusals are one episode, announced to the
# alert program (alert_recorder, lib.sh) exactly once
mta_microsoft_once() {
	eq "the Microsoft block: one episode, alerted exactly once" "1|1" \
		"$(q "SELECT count(*) FROM episodes WHERE provider = 'microsoft'")|$(grep -l '^BOUNCEWATCH_PROVIDER=microsoft$' "$T"/rec/env.* 2>/dev/null | wc -l | tr -d ' ')"
}
