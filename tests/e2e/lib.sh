# Shared helpers for end-to-end scripts: sourced, not run.
# Each check prints one TAP line; the script exits non-zero if any check failed.
# $BW is the binary under test, $T a scratch directory removed at exit.
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
BW="${BW_BIN:-$TOP/bouncewatch}"
RULES="${BW_TEST_RULES:-$TOP/patterns}"
T=$(mktemp -d)
export BOUNCEWATCH_CONFIG=""	# no /etc/bouncewatch/bouncewatch.conf of this machine
export BOUNCEWATCH_DB="$T/default.db"
n_fail=0
n_test=0
cleanup_hooks=""
at_exit() { cleanup_hooks="$cleanup_hooks
$1"; }
finish() { eval "$cleanup_hooks"; rm -rf "$T"; [ "$n_fail" = 0 ]; }
trap 'finish' EXIT
ok()   { n_test=$((n_test + 1)); echo "ok $n_test - $1"; }
notok() { n_test=$((n_test + 1)); n_fail=$((n_fail + 1)); echo "not ok $n_test - $1"; shift; for l in "$@"; do echo "#   $l"; done; }
# POSIX sh has no local variables: a helper's own variables are named
# _helper_*, so that a caller's name, want or got survives the call.
# check NAME COMMAND...: passes when the command succeeds
check() { _check_name=$1; shift; if "$@" >"$T/.check" 2>&1; then ok "$_check_name"; else notok "$_check_name" "$(head -c 2000 "$T/.check")"; fi; }
# eq NAME EXPECTED ACTUAL
eq() { if [ "$2" = "$3" ]; then ok "$1"; else notok "$1" "expected: $2" "actual:   $3"; fi; }
# status NAME EXPECTED_EXIT COMMAND...
status() { _status_name=$1; _status_want=$2; shift 2; "$@" >"$T/.out" 2>"$T/.err"; _status_got=$?; eq "$_status_name (exit $_status_want)" "$_status_want" "$_status_got"; }
# sql DB QUERY: one value (first column of the result) via the read-only query command
sql() { sqlite3 -batch -noheader "$1" "$2"; }
# sent_line QUEUEID: one Postfix delivery line (status=sent) with that queue id.
sent_line() {
	printf '2026-11-28T09:14:30+00:00 mx1 postfix/smtp[2300]: %s: to=<z@example.org>, relay=mx.example.org[192.0.2.25]:25, delay=0.9, delays=0.1/0/0.4/0.4, dsn=2.0.0, status=sent (250 2.0.0 Ok)\n' "$1"
}
# alert_recorder PROGRAM [LINE]: writes an --alert-exec program that records
# its run N in $T/rec (time.N: epoch seconds, env.N, stdin.N), then runs the
# shell LINE (a failure switch, say) and exits 0. bouncewatch starts alert
# programs without waiting (several at once): runs are serialised by a lock,
# or two runs would take the same N and one record would be lost. The count is
# written last, so a record numbered up to runs is complete.
alert_recorder() {
	mkdir -p "$T/rec"
	cat >"$1" <<REC
#!/bin/sh
exec 9>"$T/rec/lock"; flock 9
n=\$(cat "$T/rec/count" 2>/dev/null || echo 0); n=\$((n + 1))
date +%s >"$T/rec/time.\$n"
env >"$T/rec/env.\$n"
cat >"$T/rec/stdin.\$n"
echo \$n >"$T/rec/count"
${2:-}
exit 0
REC
	chmod 755 "$1"
}
# runs: the alert recorder's runs so far; envof N VAR: VAR in run N's environment
runs() { cat "$T/rec/count" 2>/dev/null || echo 0; }
envof() { sed -n "s/^$2=//p" "$T/rec/env.$1" | head -n 1; }
# unpriv_bw: sets UBW and URULES to copies of the binary under test and of the
# rules that any user can read and run (others may pass through $T), for the checks that run
# bouncewatch as nobody: they must not depend on where the tree was cloned (a
# checkout under /root is closed to other users).
unpriv_bw() {
	mkdir -p "$T/ubw" && cp "$BW" "$T/ubw/bouncewatch" && cp -R "$RULES" "$T/ubw/patterns" &&
		chmod -R a+rX "$T/ubw" && chmod go+x "$T" || return 1
	UBW=$T/ubw/bouncewatch URULES=$T/ubw/patterns
}
. "$TOP/tests/e2e/wait.sh"

# qid_set_check DB N TAILERR: the delivery rows of DB are exactly the N lines
# tail_writer.py wrote (queue ids 1A000000000 + i), none twice; on a
# difference, what is missing or extra and the end of tail's stderr
qid_set_check() {
	eq "row count equals the lines written" "$2" "$(sqlite3 "$1" "SELECT count(*) FROM deliveries")"
	eq "no queue id twice" "$2" "$(sqlite3 "$1" "SELECT count(DISTINCT queue_id) FROM deliveries")"
	python3 -c 'import sys
for i in range(int(sys.argv[1])):
    print("%011X" % (0x1A000000000 + i))' "$2" | sort >"$T/want"
	sqlite3 "$1" "SELECT queue_id FROM deliveries" | sort >"$T/got"
	check "the set of queue ids is the writer's" cmp -s "$T/want" "$T/got"
	if ! cmp -s "$T/want" "$T/got"; then
		echo "# missing: $(comm -23 "$T/want" "$T/got" | wc -l), extra: $(comm -13 "$T/want" "$T/got" | wc -l)"
		comm -3 "$T/want" "$T/got" | head -5 | sed 's/^/# /'
		grep -v "resuming at" "$3" | tail -20 | sed 's/^/# /'
	fi
}
