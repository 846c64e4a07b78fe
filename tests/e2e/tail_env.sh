# tail_env.sh - one `bouncewatch tail` of $LOG into $DB, stopped and started
# again around the log by the tests of what a restart finds (tail_restart,
# tail_gzip, tail_crash, tail_truncate). Sourced (POSIX sh) after lib.sh; no #! line. The
# test sets DB and LOG before each start.
#
# start: tail in the background with $TAIL_OPTS (--grace 1: a rotated file
#   is finished quickly; a test that wants the default empties it); its pid
#   in $tpid, its output appended to $T/out and $T/err. The test's exit
#   kills it.
# stop [SIGNAL]: sends SIGNAL (TERM) and waits; the exit status in $st, and
#   returned.
# rows: the delivery rows in $DB (0 while it cannot be read); has N: at
#   least N of them.
# run N: start, wait until $DB holds N rows (at most TAIL_RUN_SECONDS, 60:
#   a deadline, not a count of polls, so a loaded machine only waits
#   longer), stop.
# w LOG FROM COUNT [OPTION...]: tail_writer.py's Postfix lines, no pauses.
WRITER="python3 $TOP/tests/e2e/tail_writer.py"
TAIL_OPTS="--grace 1"
TAIL_RUN_SECONDS=60
tpid=""
at_exit 'for p in $tpid; do kill -KILL $p 2>/dev/null; done'

start() {
	# shellcheck disable=SC2086 # TAIL_OPTS is a list of options
	"$BW" --db "$DB" --rules "$RULES" tail $TAIL_OPTS "$LOG" >>"$T/out" 2>>"$T/err" &
	tpid=$!
}
stop() { kill -"${1:-TERM}" "$tpid" 2>/dev/null; wait "$tpid" 2>/dev/null; st=$?; tpid=""; return $st; }
rows() { sqlite3 "$DB" "SELECT count(*) FROM deliveries" 2>/dev/null || echo 0; }
has() { [ "$(rows)" -ge "$1" ]; }
run() { start; wait_until "$TAIL_RUN_SECONDS" has "$1"; stop; }
w() { $WRITER "$@" --pause 0 >/dev/null; }
