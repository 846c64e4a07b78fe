#!/bin/sh
# wait_helpers - the tests' own waiting helpers (tests/e2e/wait.sh): a
# condition that held once is success, even when it no longer holds at the
# next look (a log still written while the rows catch up); one that never
# holds fails once the time is up; one that comes true in time succeeds.
. "$(dirname "$0")/lib.sh"

# once: true at its first run only
once() { [ -e "$T/once.$1" ] && return 1; : >"$T/once.$1"; }
# after N: true from its Nth run on
after() { c=$(($(cat "$T/after" 2>/dev/null || echo 0) + 1)); echo "$c" >"$T/after"; [ "$c" -ge "$1" ]; }

check "wait_until: a condition true at the first look, false at the next, succeeded" wait_until 5 once u
check "wait_for: the same" wait_for 50 once f
check "wait_until: a condition true from the 4th look on" wait_until 10 after 4
rm -f "$T/after"
check "wait_for: the same" wait_for 50 after 4
t0=$(date +%s)
status "wait_until: a condition never true fails" 1 wait_until 1 false
check "... once its time is up (within 3 s)" test $(($(date +%s) - t0)) -le 3
status "wait_for: a condition never true fails" 1 wait_for 3 false
