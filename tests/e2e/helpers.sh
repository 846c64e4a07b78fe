#!/bin/sh
# helpers.sh - the shared helpers of the end-to-end tests do what their
# comments say: lib.sh's leave the caller's variables alone (POSIX sh has no
# locals: a helper that assigned name, want or got overwrote the caller's
# variable of that name) and report what they checked; sink_env.sh's
# sink_start keeps a scripted SMTP server alive for at least SINK_LIFE_MIN.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/postfix_env.sh"	# SINK_PORT; starts nothing

name=caller want=caller got=caller _n=caller _i=caller
status "status of true" 0 true
status "status of false" 1 false
check "check of true" true
wait_for 1 true
eq "the caller's name, want, got, _n, _i survive status, check and wait_for" \
	"caller caller caller caller caller" "$name $want $got $_n $_i"

# a failing check still fails: run in a child so its failure is not ours
# (its $0 names a script in tests/e2e, as lib.sh expects of the scripts that source it)
sh -c '. "$1/tests/e2e/lib.sh"; status "x" 3 true; check "y" false' "$TOP/tests/e2e/child" "$TOP" >"$T/child" 2>&1
eq "a wrong exit status and a failing command are reported" "2" "$(grep -c '^not ok' "$T/child")"
check "... naming the check and the expected status" grep -qx 'not ok 1 - x (exit 3)' "$T/child"

# sink_start: a life below SINK_LIFE_MIN is raised to it, a longer one kept
sink_life() { tr '\0' ' ' <"/proc/$SINK_PID/cmdline" | grep -o -- '--max-seconds [0-9]*'; }
printf 'x@example.org\t550 5.7.1 no\n' >"$T/table"
check "sink_start with a 5 s life starts" sink_start "$T/table" 5
eq "... and lives $SINK_LIFE_MIN s" "--max-seconds $SINK_LIFE_MIN" "$(sink_life)"
sink_stop
check "sink_start without a life starts" sink_start "$T/table"
eq "... and lives $SINK_LIFE_MIN s" "--max-seconds $SINK_LIFE_MIN" "$(sink_life)"
sink_stop
check "sink_start with a 2000 s life starts" sink_start "$T/table" 2000
eq "... and lives 2000 s" "--max-seconds 2000" "$(sink_life)"
sink_stop
echo "1..$n_test"
finish
