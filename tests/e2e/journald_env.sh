# journald_env - a private systemd-journald for end-to-end tests.
# Sourced (POSIX sh) after tests/e2e/lib.sh. The script must already run in a
# mount namespace of its own: start it with
#   . "$(dirname "$0")/private_ns.sh"
#   [ -n "${BW_JD_NS:-}" ] || { private_ns env BW_JD_NS=1 sh "$0" "$@"; exit $?; }
# before sourcing lib.sh (a test that cannot get one fails there).
#
# Inside that namespace only, /run/systemd and /run/log are directories of
# $T, /etc/systemd/journald.conf is ours (volatile storage, no rate limit,
# small files), and /dev is a small copy whose /dev/log is the private
# journald's syslog socket: syslog(3) of every program the test starts
# (Postfix, logger) goes to it. The machine's own journald, /dev and /run
# stay untouched. systemd-journald runs without systemd as PID 1: it creates
# its sockets itself when none are passed to it (systemd-journald.service(8)).
#
# Functions: jd_start, jd_stop, jd_rotate, jd_vacuum N, jd_json FILE (appends
# every entry of the journal as JSON lines, journalctl -o json).
# Variables: JD_DIR (the storage directory for --journal-dir), JD_PID;
# JD_MAX_FILE (before jd_start): RuntimeMaxFileSize (default 4M).

JD_ROOT="$T/jd"
JD_DIR="$JD_ROOT/log/journal"
JD_PID=""
JD_SYS=""	# what jd_mounts mounted of /sys (in a chroot)
JD_MOUNTED=""	# jd_mounts ran: jd_stop has mounts to undo (once: a second
		# umount of /dev would take the namespace's own /dev away)
JOURNALD=/lib/systemd/systemd-journald

jd_say() { echo "# journald_env: $*" >&2; }

jd_mounts() {
	JD_MOUNTED=1
	mkdir -p "$JD_ROOT/systemd" "$JD_ROOT/log" "$JD_ROOT/dev" || return 1
	cat >"$JD_ROOT/journald.conf" <<CONF
[Journal]
Storage=volatile
RateLimitIntervalSec=0
RuntimeMaxFileSize=${JD_MAX_FILE:-4M}
ForwardToSyslog=no
ForwardToKMsg=no
ForwardToConsole=no
ForwardToWall=no
CONF
	for n in null zero full random urandom; do
		: >"$JD_ROOT/dev/$n" && mount --bind "/dev/$n" "$JD_ROOT/dev/$n" || return 1
	done
	ln -s /proc/self/fd "$JD_ROOT/dev/fd"
	ln -s /proc/self/fd/0 "$JD_ROOT/dev/stdin"
	ln -s /proc/self/fd/1 "$JD_ROOT/dev/stdout"
	ln -s /proc/self/fd/2 "$JD_ROOT/dev/stderr"
	ln -s /run/systemd/journal/dev-log "$JD_ROOT/dev/log"
	# journald asks the cgroup file system which hierarchy it runs in; a
	# chroot (a fresh debootstrap) has no /sys: mount one, in this namespace only.
	if [ ! -d /sys/fs/cgroup ]; then
		mount -t sysfs sysfs /sys && mount -t cgroup2 cgroup2 /sys/fs/cgroup || return 1
		JD_SYS="/sys/fs/cgroup /sys"
	fi
	mount --bind "$JD_ROOT/systemd" /run/systemd &&
	mount --bind "$JD_ROOT/log" /run/log &&
	mount --bind "$JD_ROOT/journald.conf" /etc/systemd/journald.conf &&
	mount --bind "$JD_ROOT/dev" /dev
}

jd_start() {
	[ -n "${BW_JD_NS:-}" ] || { jd_say "not in a mount namespace of our own"; return 1; }
	[ -x "$JOURNALD" ] || { jd_say "$JOURNALD is missing (package systemd)"; return 1; }
	jd_mounts || { jd_say "cannot set up the mounts"; return 1; }
	at_exit jd_stop
	"$JOURNALD" >"$T/journald.log" 2>&1 &
	JD_PID=$!
	wait_until 30 test -S /run/systemd/journal/dev-log && wait_until 30 jd_has_file && return 0
	jd_say "systemd-journald did not come up"; cat "$T/journald.log" >&2; return 1
}

# jd_feed N: the Postfix lines of tests/e2e/data/basic.log sent through
# /dev/log with their tags and pids, queue ids suffixed with N (so that every
# feed holds new attempts: five).
jd_feed() {
	sed 's/^[A-Z][a-z][a-z] [0-9 ][0-9] [0-9:]* mx1 //' "$TOP/tests/e2e/data/basic.log" |
	grep '^postfix' | while IFS= read -r l; do
		tag=${l%%\[*}; pid=${l#*\[}; pid=${pid%%\]*}; rest=${l#*\]: }
		case "$rest" in [0-9A-F]*:*) rest="${rest%%:*}$1:${rest#*:}" ;; esac
		logger --id="$pid" -t "$tag" -- "$rest"
	done
}

jd_has_file() { [ -n "$(find "$JD_DIR" -name '*.journal' 2>/dev/null | head -1)" ]; }

jd_stop() {
	if [ -n "$JD_PID" ]; then
		kill "$JD_PID" 2>/dev/null
		wait "$JD_PID" 2>/dev/null
		JD_PID=""
	fi
	[ -n "$JD_MOUNTED" ] || return 0
	JD_MOUNTED=""
	for m in /dev /etc/systemd/journald.conf /run/log /run/systemd $JD_SYS \
		"$JD_ROOT"/dev/null "$JD_ROOT"/dev/zero "$JD_ROOT"/dev/full \
		"$JD_ROOT"/dev/random "$JD_ROOT"/dev/urandom; do
		umount "$m" 2>/dev/null
	done
	return 0
}

# Rotation and vacuuming as an operator does them (journalctl(1)).
jd_rotate() { journalctl --rotate >/dev/null 2>&1 || kill -USR2 "$JD_PID"; }
jd_vacuum() { journalctl -D "$JD_DIR" --vacuum-files="$1" >"$T/vacuum.log" 2>&1; }
# jd_sync: everything sent so far is in the files (journalctl --sync).
jd_sync() { journalctl --sync >/dev/null 2>&1; }
jd_json() { journalctl -D "$JD_DIR" -o json --no-pager >>"$1"; }
