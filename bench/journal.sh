#!/bin/sh
# bench/journal.sh - the journal against files, in one run (bench/README.md).
#
# Needs root: starts a private systemd-journald in a mount namespace of its
# own (tests/e2e/journald_env.sh; the machine's journal is untouched), sends
# it the first BENCH_JOURNAL_LINES lines of the generated log through the
# native socket (bench/journal_send.py), and measures:
#   - scan --journal-dir (default MTA identifiers, and every entry with
#     --identifier '*') against scan of the same lines as a file;
#   - append -> committed row latency, p50/p90/p99/max, of tail --journal-dir
#     and of tail on a file, default batching (bench/tail_latency.py);
#   - the same for sporadic lines (BENCH_SPORADIC_LINES at 2 per second:
#     each after a quiet half second, as a mail server logs), with the CPU
#     time tail used meanwhile;
#   - a busy log and a busy journal (BENCH_BUSY_LINES at BENCH_BUSY_RATE per
#     second): latency, CPU and the number of commits, i.e. whether batching
#     holds under load;
#   - in every latency row: the first line's latency (it comes after tail
#     was idle), the p99 from the first second on, tail's CPU ms and the ms
#     it waited for a CPU (runq_ms: the machine's load); in the journal rows
#     also journald's part (sent -> the entry's __REALTIME_TIMESTAMP) and
#     the reader's (that stamp -> committed);
#   - wake-ups of an idle tail (voluntary context switches from
#     /proc/PID/status over BENCH_IDLE_SECONDS), journal and file: right
#     after start, and once the sporadic lines have stopped for 5 s.
# BENCH_BASELINE_BW=BINARY adds the file and journal rows run with that
# binary (an earlier build) in the same run, as the baseline of a change;
# BENCH_BW is the binary under test (default ./bouncewatch).
# usage: sh bench/journal.sh LOG   (run.sh's section `journal` passes its log)
[ -n "${BW_JD_NS:-}" ] || exec unshare -m --propagation private env BW_JD_NS=1 sh "$0" "$@"
set -u
cd "$(dirname "$0")/.."
export TZ=UTC LC_ALL=C
O=${O:-build}
B=$O/bench
SRC_LOG=$1
N=${BENCH_JOURNAL_LINES:-200000}
TAIL_LINES=${BENCH_TAIL_LINES:-10000}
IDLE=${BENCH_IDLE_SECONDS:-10}
SPORADIC=${BENCH_SPORADIC_LINES:-60}
BUSY_LINES=${BENCH_BUSY_LINES:-20000}
BUSY_RATE=${BENCH_BUSY_RATE:-5000}
BASE_BW=${BENCH_BASELINE_BW:-}
RULES=${BENCH_RULES:-patterns}
BW=${BENCH_BW:-./bouncewatch}
RUNSTAT=$O/runstat
# What journald_env.sh needs from tests/e2e/lib.sh.
T=$(mktemp -d)
hooks=""
at_exit() { hooks="$hooks
$1"; }
trap 'eval "$hooks"; rm -rf "$T"' EXIT
. tests/e2e/wait.sh
. tests/e2e/journald_env.sh
JD_MAX_FILE=128M

calc() { awk "BEGIN { v = $1; printf \"%s\", v }"; }
read_of() { sed -n 's/.* \([0-9][0-9]*\) lines read.*/\1/p' "$1"; }

jd_start || { echo "  journal: systemd-journald cannot start here"; exit 1; }
head -n "$N" "$SRC_LOG" >"$B/journal-same.log"
sent=$(python3 bench/journal_send.py "$B/journal-same.log" /run/systemd/journal/socket)
jd_sync
printf '  %-36s %s entries sent, journal %s MB\n' "journald" "$sent" \
	"$(du -sm "$JD_DIR" | cut -f1)"

scan_row() { # LABEL KEY ARGS...: a scan into a fresh database, best of 2
	label=$1 key=$2; shift 2
	rm -f "$B/j-$key.stat"
	for try in 1 2; do
		rm -f "$B/j-$key.db"*
		"$RUNSTAT" "$B/j-$key.stat" "$BW" --db "$B/j-$key.db" --rules "$RULES" scan "$@" \
			>"$B/j-$key.out" 2>&1
	done
	w=$(tr ' ' '\n' <"$B/j-$key.stat" | sed -n 's/^wall=//p' | sort -n | head -1)
	n=$(read_of "$B/j-$key.out")
	lps=$(calc "$n / $w")
	printf '  %-36s %9s %8.3f %12.0f\n' "$label" "$n" "$w" "$lps"
	eval "lps_$key=$lps"
}
printf '\n  %-36s %9s %8s %12s\n' "scan" "read" "wall s" "per s"
scan_row "file (the same lines)" file "$B/journal-same.log"
scan_row "journal, MTA identifiers" jmta --journal-dir "$JD_DIR"
scan_row "journal, every entry (--identifier '*')" jall --journal-dir "$JD_DIR" --identifier '*'
printf '  %-36s journal/file: %s (MTA identifiers: entries read per s %s)\n' "ratio" \
	"$(calc "$lps_jall / $lps_file")" "$(calc "$lps_jmta / $lps_file")"
printf '  %-36s deliveries: file %s, journal %s\n' "same result" \
	"$(sqlite3 "$B/j-file.db" 'SELECT count(*) FROM deliveries')" \
	"$(sqlite3 "$B/j-jmta.db" 'SELECT count(*) FROM deliveries')"

# Latency and idle wake-ups.
start_tail() { # KEY ARGS... (BIN: the binary, default $BW)
	rm -f "$B/t-$1.db"*
	db=$B/t-$1.db; shift
	"${BIN:-$BW}" --db "$db" --rules "$RULES" tail "$@" 2>"$db.err" &
	tpid=$!
	wait_for 50 test -s "$db"
	sleep 1
}
stop_tail() { kill -TERM "$tpid"; wait "$tpid" 2>/dev/null; }
# commits of the tail stopped last (its summary line)
commits() { sed -n 's/.* \([0-9][0-9]*\) commits .*/\1/p' "$db.err" | tail -n 1; }
ctxt() { sed -n 's/^voluntary_ctxt_switches:[[:space:]]*//p' "/proc/$1/status"; }
idle() { c0=$(ctxt "$tpid"); sleep "$IDLE"; c1=$(ctxt "$tpid"); echo $((c1 - c0)); }
cpu_ms() { awk '{ print ($14 + $15) * 1000 / '"$(getconf CLK_TCK)"' }' "/proc/$1/stat"; }
# ms tail spent runnable but waiting for a CPU (/proc/PID/schedstat, field 2:
# ns on a run queue): how much of a latency is the machine's load.
runq_ms() { awk '{ printf "%d", $2 / 1e6 }' "/proc/$1/schedstat" 2>/dev/null || echo 0; }
JSOCK=/run/systemd/journal/socket
lat() { # LOG ARGS...: the latency row of tail $tpid, with the CPU ms it used
	c0=$(cpu_ms "$tpid") q0=$(runq_ms "$tpid")
	r=$(python3 bench/tail_latency.py "$@")
	echo "$r cpu_ms=$(calc "$(cpu_ms "$tpid") - $c0") runq_ms=$(($(runq_ms "$tpid") - q0))"
}
row() { printf '  %-36s %s\n' "$1" "$2"; }
printf '\n  %-36s (%s lines at 500/s, %s at 2/s, %s at %s/s, default batching; idle: %s s)\n' \
	"tail latency" "$TAIL_LINES" "$SPORADIC" "$BUSY_LINES" "$BUSY_RATE" "$IDLE"
file_rows() { # LABEL: the file rows of binary $BIN
	: >"$B/t-file.log"
	start_tail file "$B/t-file.log"
	w_file=$(idle)
	row "$1" "$(lat "$B/t-file.log" "$db" --lines "$TAIL_LINES" --rate 500)"
	row "$1, sporadic" "$(lat "$B/t-file.log" "$db" --lines "$SPORADIC" --rate 2 --start 1000000)"
	sleep 5; w_file_after=$(idle)
	stop_tail
	row "$1, commits of the two rows" "$(commits)"
	: >"$B/t-busy.log"
	start_tail busy "$B/t-busy.log"
	r=$(lat "$B/t-busy.log" "$db" --lines "$BUSY_LINES" --rate "$BUSY_RATE")
	stop_tail
	row "$1, $BUSY_RATE/s" "$r commits=$(commits)"
}
if [ -n "$BASE_BW" ]; then
	BIN=$BASE_BW file_rows "file, baseline binary"
	row "idle wake-ups, baseline binary" "file $w_file after start, $w_file_after after lines, in $IDLE s"
fi
file_rows "file"
# Baseline of the same run: the batching default before "commit once caught
# up" (--batch-ms 200: 20 ms after the last line once caught up).
: >"$B/t-file200.log"
start_tail file200 --batch-ms 200 "$B/t-file200.log"
row "file, --batch-ms 200 (former default)" \
	"$(lat "$B/t-file200.log" "$db" --lines "$TAIL_LINES" --rate 500)"
stop_tail
journal_rows() { # LABEL START: the journal rows of binary $BIN, queue ids from START
	jd_rotate; jd_vacuum 1	# tail starts at the journal's end
	start_tail journal --journal-dir "$JD_DIR"
	w_journal=$(idle)
	row "$1" "$(lat - "$db" --lines "$TAIL_LINES" --rate 500 --journal-socket "$JSOCK" --start "$2")"
	row "$1, sporadic" "$(lat - "$db" --lines "$SPORADIC" --rate 2 --journal-socket "$JSOCK" \
		--start $(($2 + 1000000)))"
	sleep 5; w_journal_after=$(idle)
	stop_tail
	row "$1, commits of the two rows" "$(commits)"
	jd_rotate; jd_vacuum 1
	start_tail jbusy --journal-dir "$JD_DIR"
	r=$(lat - "$db" --lines "$BUSY_LINES" --rate "$BUSY_RATE" --journal-socket "$JSOCK" \
		--start $(($2 + 2000000)))
	stop_tail
	row "$1, $BUSY_RATE/s" "$r commits=$(commits)"
}
if [ -n "$BASE_BW" ]; then
	BIN=$BASE_BW journal_rows "journal, baseline binary" 2000000
	row "idle wake-ups, baseline binary" "journal $w_journal after start, $w_journal_after after lines, in $IDLE s"
fi
journal_rows "journal" 5000000
printf '  %-36s file %s, journal %s in %s s after start; %s and %s 5 s after the last line\n' \
	"idle wake-ups" "$w_file" "$w_journal" "$IDLE" "$w_file_after" "$w_journal_after"
printf '  %-36s (voluntary context switches); target: p99 <= 50 ms\n' ""
printf '  %-36s %s\n' "" "journald tells readers of appended entries only when a 250 ms timer" \
	"" "started by its first write after a quiet time runs out; the journal's first_ms" \
	"" "and the first 250 ms of each row wait for it (bench/README.md)"
