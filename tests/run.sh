#!/bin/sh
# Runs every unit test binary (cmocka, TAP output) and every end-to-end script
# (tests/e2e/*.sh, TAP-style "ok"/"not ok" lines) and prints the tally as the last line.
# A program that exits non-zero without reporting a failure counts as one failure.
# With BW_SAN_REPORTS=DIR (make sanitize: the sanitizers' log_path is in DIR),
# every report a test's programs wrote there is one failure of that test, even
# when the program's exit status was one the test expected.
# usage: tests/run.sh BUILD_DIR [FILTER]
O=${1:-build}
filter=${2:-}
pass=0 fail=0
# the binary under test: the build directory's own, else the default ./bouncewatch
bin=$(pwd)/bouncewatch
[ -x "$O/bouncewatch" ] && bin=$(cd "$O" && pwd)/bouncewatch
log=$(mktemp)
trap 'rm -f "$log"' EXIT
tally() { # name, exit status; the TAP lines are in $log
	p=$(grep -c '^ok ' "$log"); f=$(grep -c '^not ok ' "$log")
	if [ "$2" != 0 ] && [ "$f" = 0 ]; then
		f=1; echo "not ok - $1 exited with status $2"
	fi
	for r in ${BW_SAN_REPORTS:+"$BW_SAN_REPORTS"/*.[0-9]*}; do
		case "$r" in *.seen) continue ;; esac
		[ -f "$r" ] || continue
		f=$((f + 1))
		echo "not ok - $1: sanitizer report $r: $(grep -m 1 -E 'ERROR|runtime error' "$r")"
		mv "$r" "$r.seen"
	done
	grep '^not ok ' "$log" | sed "s|^|$1: |"
	echo "$1: $p passed, $f failed"
	pass=$((pass + p)); fail=$((fail + f))
}
for t in "$O"/tests/test_*; do
	[ -x "$t" ] || continue
	case "$t" in *"$filter"*) ;; *) continue ;; esac
	CMOCKA_MESSAGE_OUTPUT=TAP "$t" >"$log" 2>&1; st=$?
	tally "$(basename "$t")" $st
done
for t in tests/e2e/*.sh; do
	[ -f "$t" ] || continue
	head -n 1 "$t" | grep -q '^#!' || continue	# sourced helpers have no #! line
	case "$t" in *"$filter"*) ;; *) continue ;; esac
	BW_BUILD="$O" BW_BIN="$bin" sh "$t" >"$log" 2>&1; st=$?
	[ -n "$VERBOSE" ] && cat "$log"
	tally "$(basename "$t" .sh)" $st
done
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
