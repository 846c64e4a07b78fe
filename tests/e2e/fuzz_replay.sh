#!/bin/sh
# Replays every fuzz harness's committed corpus (tests/fuzz/corpus/NAME/:
# seeds, and every input a fuzzing run found to crash, kept with its fix)
# through the plain driver build of the harness ($BW_BUILD/fuzz/replay_NAME,
# built by `make unit-bins`). Each harness must have a corpus, and run it
# without a crash or a failed invariant (under `make sanitize` with ASan+UBSan),
# and leave nothing behind in its TMPDIR (fuzz_tmp.h).
. "$(dirname "$0")/lib.sh"
B=${BW_BUILD:-build}
case $B in /*) ;; *) B=$TOP/$B ;; esac
export BW_FUZZ_RULES="$RULES"
for src in "$TOP"/tests/fuzz/fuzz_*.c; do
	h=$(basename "$src" .c); h=${h#fuzz_}
	c=$TOP/tests/fuzz/corpus/$h
	n=$(ls "$c" 2>/dev/null | wc -l)
	if [ "$n" -lt 1 ]; then
		notok "$h: a committed corpus" "tests/fuzz/corpus/$h is missing or empty"
		continue
	fi
	if [ ! -x "$B/fuzz/replay_$h" ]; then
		notok "$h: replay driver built" "$B/fuzz/replay_$h missing (make unit-bins)"
		continue
	fi
	mkdir -p "$T/tmp"
	if (cd "$T" && TMPDIR=$T/tmp "$B/fuzz/replay_$h" "$c") >"$T/out" 2>"$T/err"; then
		eq "$h: $n inputs replayed" "$n inputs replayed" "$(cat "$T/out")"
	else
		notok "$h: corpus replayed without a crash" "$(tail -n 30 "$T/err")"
	fi
	eq "$h: no scratch file left in TMPDIR" "" "$(ls -A "$T/tmp")"
	# a harness that needs files makes them under TMPDIR (so the check above
	# sees them): with TMPDIR a plain file, it cannot start
	if grep -q fuzz_tmp_make "$src"; then
		: >"$T/notadir"
		(cd "$T" && TMPDIR=$T/notadir "$B/fuzz/replay_$h" "$c") >"$T/out" 2>"$T/err"
		eq "$h: its scratch directory is made under TMPDIR" 2 $?
	fi
done
