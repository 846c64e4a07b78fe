# postfix_env - a private Postfix instance on loopback, for end-to-end tests.
# Sourced (POSIX sh) after tests/e2e/lib.sh, which provides $T, $TOP and at_exit.
#
# The instance lives entirely under $PF_DIR ($T/pf): its own config directory
# (main.cf and master.cf written here), queue_directory and data_directory.
# It receives mail over SMTP on $PF_SMTPD (127.0.0.1:$PF_SMTPD_PORT, a free port unless given) and delivers with
# smtp(8) bound to 127.0.0.1 to scripted servers (build/tools/smtpsink) on
# 127.0.0.2-127.0.0.6 port $SINK_PORT. It logs to $PF_LOG through postlogd(8).
# Nothing leaves 127.0.0.0/8 and nothing does DNS.
#
# Why these choices (Postfix 3.7 as shipped by Debian 12):
# - Injection over SMTP, not sendmail(1): postdrop(1) is set-gid, and a set-gid
#   program accepts a non-default config directory only when the default
#   main.cf lists it in alternate_config_directories (postconf(5),
#   MULTI_INSTANCE_README). Submitting to the instance's own smtpd needs no
#   change to /etc/postfix. postfix(1), postqueue(1) and postconf(1) run as root
#   here and take "-c DIR" without that check.
# - maillog_file needs the postlog unix-dgram service in master.cf and a
#   prefix listed in maillog_file_prefixes (MAILLOG_README, postlogd(8),
#   postconf(5) maillog_file, maillog_file_prefixes).
# - Rotation is "postfix logrotate" (postfix(1), Postfix >= 3.4): it renames
#   $maillog_file with a $maillog_file_rotate_suffix suffix, makes master(8)
#   reload so that postlogd opens a new file, then runs
#   $maillog_file_compressor on the old one. PF_LOG_COMPRESSOR=true keeps the
#   rotated file uncompressed (the command is given the file name and ignores it).
# - transport_maps is an inline: table (transport(5), postconf(5) "inline"),
#   next-hops are [address]:port so no MX or A lookup happens;
#   smtp_dns_support_level = disabled and smtp_host_lookup = native keep the
#   client off DNS altogether.
# - chroot is off for every service: the queue is in a scratch directory.
#
# Functions: pf_install, pf_start, pf_send FROM TO SUBJECT, pf_wait_idle [SECS],
# pf_wait_empty [SECS], pf_wait_log ERE COUNT [SECS], pf_flush, pf_rotate, pf_stop; sink_start TABLE
# and sink_stop come from sink_env.sh. Each returns non-zero and prints why on failure.
# PF_SYSLOG=1 before sourcing: log through syslog(3) instead of $PF_LOG.

PF_DIR="$T/pf"
PF_CONF="$PF_DIR/etc"
PF_QUEUE="$PF_DIR/spool"
PF_LOG="${PF_LOG:-$T/postfix.log}"
PF_SMTPD_ADDR=127.0.0.1
# Ports of our own unless given, so that two runs at once do not collide:
# P and P+1, below the ephemeral range, free on the addresses we use: P for
# the instance's smtpd on 127.0.0.1, P+1 for the scripted servers
# (127.0.0.2-127.0.0.7). Chosen by a seeded random walk over even ports.
pf_free_ports() {
	python3 - "$1" <<'PYEOF'
import random, socket, sys
rnd = random.Random(int(sys.argv[1]))
for _ in range(50):
    p = rnd.randrange(20000, 30000, 2)
    try:
        for port, addrs in ((p, ["127.0.0.1"]), (p + 1, ["127.0.0.%d" % i for i in range(2, 8)])):
            for a in addrs:
                s = socket.socket()
                s.bind((a, port))
                s.close()
    except OSError:
        continue
    print(p)
    sys.exit(0)
sys.exit(1)
PYEOF
}
if [ -z "${PF_SMTPD_PORT:-}" ] || [ -z "${SINK_PORT:-}" ]; then
	PF_PORTS=$(pf_free_ports $$) || { echo "not ok 1 - two free loopback ports"; exit 1; }
	PF_SMTPD_PORT=${PF_SMTPD_PORT:-$PF_PORTS}
	SINK_PORT=${SINK_PORT:-$((PF_PORTS + 1))}
fi
PF_SMTPD="$PF_SMTPD_ADDR:$PF_SMTPD_PORT"
PF_LOG_COMPRESSOR=${PF_LOG_COMPRESSOR:-gzip}
. "$TOP/tests/e2e/sink_env.sh"	# sink_start, sink_stop, SINK_ADDRS
SINK_DOWN="127.0.0.7"	# routed to, never listened on: connection refused

pf_say() { echo "# postfix_env: $*" >&2; }

# Debian's package, without letting it configure or start the default instance:
# "No configuration" leaves /etc/postfix/main.cf absent, so the system instance
# cannot start; ours never reads /etc/postfix/main.cf.
pf_install() {
	command -v postfix >/dev/null 2>&1 && [ -x /usr/sbin/postconf ] && return 0
	if [ "$(id -u)" != 0 ]; then
		pf_say "postfix is not installed and we are not root"; return 1
	fi
	echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections || return 1
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postfix >"$T/apt.log" 2>&1 || {
		apt-get update -qq >/dev/null 2>&1
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postfix >"$T/apt.log" 2>&1
	} || { pf_say "apt-get install postfix failed"; tail -5 "$T/apt.log" >&2; return 1; }
}

pf_write_main_cf() {
	cat >"$PF_CONF/main.cf" <<EOF
# Private test instance; see tests/e2e/postfix_env.sh.
compatibility_level = 3.6
queue_directory = $PF_QUEUE
data_directory = $PF_DIR/data
myhostname = mx1.example.net
mydomain = example.net
myorigin = \$mydomain
mydestination =
local_recipient_maps =
alias_maps =
alias_database =
relayhost =
relay_domains =
inet_interfaces = loopback-only
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
smtpd_relay_restrictions = permit_mynetworks, reject
smtp_bind_address = 127.0.0.1
smtp_host_lookup = native
smtp_dns_support_level = disabled
smtp_tls_security_level = none
smtp_connect_timeout = 5s
smtp_helo_timeout = 10s
smtputf8_enable = no
biff = no
append_dot_mydomain = no
# Every domain the tests use goes to a scripted server; anything else fails.
# inline: items are separated by commas or spaces, so "key=value" has no
# spaces unless braced (postconf(5), "inline").
transport_maps = inline:{
    hotmail.com=smtp:[127.0.0.2]:$SINK_PORT,
    outlook.com=smtp:[127.0.0.2]:$SINK_PORT,
    gmail.com=smtp:[127.0.0.3]:$SINK_PORT,
    yahoo.com=smtp:[127.0.0.4]:$SINK_PORT,
    example.org=smtp:[127.0.0.5]:$SINK_PORT,
    example.net=smtp:[127.0.0.5]:$SINK_PORT,
    example.com=smtp:[127.0.0.5]:$SINK_PORT,
    refuse.example.org=smtp:[127.0.0.6]:$SINK_PORT,
    down.example.org=smtp:[$SINK_DOWN]:$SINK_PORT,
    { * = error:5.1.2 no route in the test instance } }
# Retry fast so that deferrals show up several times within a test.
queue_run_delay = 1s
minimal_backoff_time = 2s
maximal_backoff_time = 4s
maximal_queue_lifetime = 30s
bounce_queue_lifetime = 30s
delay_warning_time = 0
EOF
	# PF_SYSLOG=1: no maillog_file, so Postfix logs through syslog(3) to
	# /dev/log (the private journald of journald_env.sh).
	[ "${PF_SYSLOG:-}" = 1 ] || cat >>"$PF_CONF/main.cf" <<EOF
maillog_file = $PF_LOG
maillog_file_prefixes = $T
maillog_file_compressor = $PF_LOG_COMPRESSOR
EOF
}

pf_write_master_cf() {
	cat >"$PF_CONF/master.cf" <<EOF
# service type  private unpriv chroot wakeup maxproc command
$PF_SMTPD inet  n       -       n       -       -       smtpd
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
EOF
}

# Processes whose working directory is our queue: every Postfix daemon
# chdir()s there, so this finds the instance's processes and nothing else.
pf_pids() {
	for p in /proc/[0-9]*; do
		case "$(readlink "$p/cwd" 2>/dev/null)" in
		"$PF_QUEUE"|"$PF_QUEUE"/*) echo "${p#/proc/}" ;;
		esac
	done
}

pf_start() {
	[ "$(id -u)" = 0 ] || { pf_say "must run as root (postfix start)"; return 1; }
	pf_install || return 1
	# Daemons drop to the postfix user after chdir; postlogd opens $PF_LOG.
	chmod 0755 "$T" || return 1
	mkdir -p "$PF_CONF" "$PF_QUEUE" "$PF_DIR/data" || return 1
	# data_directory belongs to the mail_owner (master.lock, caches).
	chown postfix "$PF_DIR/data" || return 1
	pf_write_main_cf && pf_write_master_cf || return 1
	at_exit pf_stop
	postfix -c "$PF_CONF" check >"$T/pf-check.log" 2>&1 || {
		pf_say "postfix check failed:"; cat "$T/pf-check.log" >&2; return 1; }
	postfix -c "$PF_CONF" start >"$T/pf-start.log" 2>&1 || {
		pf_say "postfix start failed:"; cat "$T/pf-start.log" >&2
		[ -f "$PF_LOG" ] && tail -20 "$PF_LOG" >&2; return 1; }
	i=0
	while [ $i -lt 50 ]; do
		[ -s "$PF_QUEUE/pid/master.pid" ] && pf_smtpd_up && return 0
		sleep 0.2; i=$((i + 1))
	done
	pf_say "postfix did not come up (no master.pid or no smtpd on $PF_SMTPD)"
	[ -f "$PF_LOG" ] && tail -20 "$PF_LOG" >&2
	return 1
}

pf_smtpd_up() {
	python3 -c 'import socket,sys; socket.create_connection((sys.argv[1], int(sys.argv[2])), 2).close()' \
		"$PF_SMTPD_ADDR" "$PF_SMTPD_PORT" 2>/dev/null
}

# pf_send FROM TO SUBJECT: one message through the instance's smtpd.
pf_send() {
	python3 - "$PF_SMTPD_ADDR" "$PF_SMTPD_PORT" "$1" "$2" "$3" <<'EOF'
import smtplib, sys
from email.message import EmailMessage
host, port, sender, rcpt, subject = sys.argv[1], int(sys.argv[2]), *sys.argv[3:6]
m = EmailMessage()
m["From"], m["To"], m["Subject"] = sender, rcpt, subject
m.set_content("bouncewatch end-to-end test message\n")
with smtplib.SMTP(host, port, local_hostname="client.example.net", timeout=10) as s:
    s.send_message(m)
EOF
}

# pf_wait_idle [SECS]: nothing in incoming, active or maildrop (everything was
# delivered, bounced, or waits in deferred) on two checks in a row.
pf_wait_idle() {
	limit=$(( ${1:-30} * 5 )); i=0; quiet=0
	while [ $i -lt "$limit" ]; do
		if [ -z "$(find "$PF_QUEUE/incoming" "$PF_QUEUE/active" "$PF_QUEUE/maildrop" -type f 2>/dev/null | head -1)" ]; then
			quiet=$((quiet + 1)); [ $quiet -ge 2 ] && return 0
		else
			quiet=0
		fi
		sleep 0.2; i=$((i + 1))
	done
	pf_say "queue not idle after ${1:-30}s"; postqueue -c "$PF_CONF" -p >&2; return 1
}

# pf_wait_empty [SECS]: nothing queued at all, deferred included.
pf_queue_empty() {
	[ -z "$(find "$PF_QUEUE/incoming" "$PF_QUEUE/active" "$PF_QUEUE/maildrop" \
		"$PF_QUEUE/deferred" "$PF_QUEUE/hold" -type f 2>/dev/null | head -1)" ]
}
pf_wait_empty() {
	wait_for $(( ${1:-30} * 10 )) pf_queue_empty && return 0
	pf_say "queue not empty after ${1:-30}s"; postqueue -c "$PF_CONF" -p >&2; return 1
}

# pf_wait_log ERE COUNT [SECS]: until $PF_LOG has COUNT lines matching ERE.
pf_log_has() { [ "$(grep -cE -- "$1" "$PF_LOG" 2>/dev/null)" -ge "$2" ] 2>/dev/null; }
pf_wait_log() {
	wait_for $(( ${3:-30} * 10 )) pf_log_has "$1" "$2" && return 0
	pf_say "timeout waiting for $2 x '$1' in $PF_LOG"; return 1
}

pf_flush() { postqueue -c "$PF_CONF" -f; }

# pf_rotate: "postfix logrotate"; prints the rotated file's name.
pf_rotate() {
	before=$(ls "$PF_LOG".* 2>/dev/null)
	postfix -c "$PF_CONF" logrotate >&2 || return 1
	for f in "$PF_LOG".*; do
		case "$before" in *"$f"*) ;; *) [ -e "$f" ] && echo "$f" ;; esac
	done
}

pf_stop() {
	[ -d "$PF_QUEUE" ] || return 0
	pid=$(cat "$PF_QUEUE/pid/master.pid" 2>/dev/null | tr -d ' ')
	[ -n "$pid" ] && postfix -c "$PF_CONF" stop >/dev/null 2>&1
	i=0
	while [ $i -lt 50 ] && [ -n "$(pf_pids)" ]; do sleep 0.2; i=$((i + 1)); done
	left=$(pf_pids)
	if [ -n "$left" ]; then
		pf_say "killing leftover Postfix processes: $left"
		kill -9 $left 2>/dev/null
	fi
	return 0
}
