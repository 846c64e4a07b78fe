#!/bin/sh
# units - every systemd unit of contrib/, installed by `make install
# DESTDIR=... PREFIX=/usr`, checked by systemd's own tools, which run without
# systemd as PID 1 (systemd-analyze(1)):
#   - `verify --root` of each unit alone and of all of them together: exit 0
#     and nothing printed (systemd warns about an unknown key or a bad value
#     and goes on with exit 0, so the output must be empty);
#   - `security --offline` of each service: no service more exposed than
#     EXPOSURE_MAX (bouncewatch.service as shipped: 1.9);
#   - `condition --unit` of the journal unit: it starts only where
#     /var/log/mail.log does not exist (in a mount namespace of the test's own
#     whose /var/log is a scratch tmpfs).
# Controls: a unit with a misspelled key and one whose binary is missing are
# reported, so an empty output means something here.
# What cannot run here: starting a unit (no systemd as PID 1), so the
# sandboxing itself (DynamicUser=, SystemCallFilter=, ...) is not exercised.
. "$(dirname "$0")/private_ns.sh"
[ -n "${BW_UNITS_NS:-}" ] || { private_ns env BW_UNITS_NS=1 sh "$0" "$@"; exit $?; }
. "$(dirname "$0")/lib.sh"
ROOT=$T/root
O=${BW_BUILD:-build}
SYSD=$ROOT/usr/lib/systemd/system
EXPOSURE_MAX=20		# systemd-analyze --threshold: tenths (1.9 -> 19)

check "make install DESTDIR PREFIX=/usr" make -s -C "$TOP" O="$O" DESTDIR="$ROOT" PREFIX=/usr install
units=$(cd "$TOP/contrib" && ls | grep -E '\.(service|timer|socket|path|target)$')
check "contrib/ has units" test -n "$units"
missing=""
for u in $units; do [ -f "$SYSD/$u" ] || missing="$missing $u"; done
eq "every unit of contrib/ installed into /usr/lib/systemd/system" "" "$missing"

# The root holds the installed tree and the units ours name (the targets they
# are wanted by or ordered after), as on a Debian system, and what ExecReload runs.
for u in sysinit.target basic.target multi-user.target local-fs.target network.target \
	 sockets.target paths.target timers.target slices.target shutdown.target; do
	cp "/usr/lib/systemd/system/$u" "$SYSD/" 2>>"$T/cp.err"
done
mkdir -p "$ROOT/bin" && cp /bin/kill "$ROOT/bin/"
eq "the targets copied into the root" "" "$(cat "$T/cp.err")"
verify() { systemd-analyze verify --root="$ROOT" "$@" 2>&1; echo "exit $?"; }
for u in $units; do
	eq "systemd-analyze verify $u: nothing to say (exit 0)" "exit 0" "$(verify "/usr/lib/systemd/system/$u")"
done
all=""
for u in $units; do all="$all /usr/lib/systemd/system/$u"; done
# shellcheck disable=SC2086 # one word per unit
eq "systemd-analyze verify of every unit at once (exit 0)" "exit 0" "$(verify $all)"

# Controls: what verify says about a broken copy of the journal unit.
sed 's/^ProtectSystem=/ProtectSytem=/' "$SYSD/bouncewatch-journal.service" >"$SYSD/bw-typo.service"
check "control: a misspelled key is reported" \
	sh -c "systemd-analyze verify --root='$ROOT' /usr/lib/systemd/system/bw-typo.service 2>&1 | grep -q \"Unknown key 'ProtectSytem'\""
sed 's|^ExecStart=/usr/bin/bouncewatch |ExecStart=/usr/bin/bouncewatch-none |' \
	"$SYSD/bouncewatch-journal.service" >"$SYSD/bw-nobin.service"
check "control: a missing binary is reported" \
	sh -c "systemd-analyze verify --root='$ROOT' /usr/lib/systemd/system/bw-nobin.service 2>&1 | grep -q 'bouncewatch-none is not executable'"
rm -f "$SYSD/bw-typo.service" "$SYSD/bw-nobin.service"

# The sandboxing of every service, as systemd rates it.
for u in $units; do
	case "$u" in *.service) ;; *) continue ;; esac
	name="$u: exposure at most $EXPOSURE_MAX/10 (systemd-analyze security --offline)"
	if systemd-analyze security --offline=yes --no-pager --threshold="$EXPOSURE_MAX" --root="$ROOT" \
		"/usr/lib/systemd/system/$u" >"$T/sec" 2>&1; then
		ok "$name"
	else
		notok "$name" "$(grep 'Overall exposure' "$T/sec")" "$(grep '^✗' "$T/sec" | head -n 40)"
	fi
done

# The journal unit's condition, evaluated by systemd, with and without a mail log.
check "a scratch /var/log in this namespace" mount -t tmpfs bw-units-varlog /var/log
at_exit "umount /var/log 2>/dev/null"
cond() { systemd-analyze condition --root="$ROOT" --unit=bouncewatch-journal.service 2>&1; }
cond >"$T/cond1"
check "journal unit: without /var/log/mail.log it starts" grep -q '^Conditions succeeded' "$T/cond1"
: >/var/log/mail.log
cond >"$T/cond2"
check "journal unit: with /var/log/mail.log it does not start" \
	grep -qF 'ConditionPathExists=!/var/log/mail.log failed' "$T/cond2"
