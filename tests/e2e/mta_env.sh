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
