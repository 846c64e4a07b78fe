#!/bin/sh
# bench/run.sh - the benchmarks behind `make bench` (see bench/README.md).
#
# Generates a realistic Postfix log with bench/loggen.c and measures, on the
# same file and in one run: the floor (grep -c status=), the peer (pflogsumm),
# and `bouncewatch scan` into a fresh database (wall time, lines/s, MB/s,
# peak RSS), then the scan again on a 5x larger log to show that memory stays
# flat, the speed ratios, every report format on the scanned database, and
# the classifier micro-benchmark.
#
# Each section is a function named sec_<name>; BENCH_SECTIONS picks them, in
# order. Sections share results through variables set by measure().
#
# Environment:
#   O                 build directory (default build)
#   BENCH_LINES       lines of the main log (default 1000000)
#   BENCH_BIG_LINES   lines of the RSS-flatness log (default 5000000)
#   BENCH_SEED        generator seed (default 1)
#   BENCH_SECTIONS    default "generate floor peer scan big ratios formats report classify"
#   BENCH_FORMAT_LINES  lines of each per-format log (default 500000)
#   BENCH_RULES       rules directory (default patterns)
#   BENCH_TAIL_LINES  lines of the tail latency run (default 10000, at 500/s)
#   BENCH_FEED_ROWS   SNDS data rows of the feeds section (default 200000);
#                     BENCH_FEED_REPORTS complaint reports (default 2000)
#   BENCH_DNS_IPS, BENCH_DNS_ROUNDS  addresses per round and rounds of the
#                     dns_libs section (default 200 x 6 lists, 5 rounds)
#   BENCH_QUIET_SECONDS  length of the quiet-log CPU measurement (default 20; 60 for the note)
#   BENCH_YEAR_ROWS   attempts of the rollups section's simulated year (default
#                     2000000; ~100 s of CPU to generate here, 50000000 ~45 min)
#   BENCH_YEAR_MORE   set: the rollups section also adds a second year before
#                     the first (as many attempts again, stored late) and runs
#                     the 365-day report again: it reads as much as before
#   BENCH_BASELINE_BW an earlier bouncewatch (e.g. built from `git archive REV`):
#                     the baseline of a change, measured in the same run;
#                     tail_catchup, journal and startup also run it, and the
#                     rollups section compares its scan with ./bouncewatch's
#   BENCH_YEAR_FROM_ROWS  0: the rollups section skips the same commands
#                     read from the rows (minutes each on 50 M attempts)
#   BENCH_SCAN_RUNS   scans of the generated log by each binary in the rollups
#                     section, alternating (default 1)
#   BENCH_BASELINE_YEAR_DB  a simulated year the baseline wrote (e.g. its
#                     yeargen): the rollups section upgrades a copy of it for
#                     this binary (kept, NAME-up.db) instead of generating one,
#                     and runs check and the reports with both binaries,
#                     alternating, BENCH_YEAR_RUNS times (default 5)
#   BENCH_BASELINE_RULES  the baseline's own patterns directory (e.g. from
#                     `git archive REV patterns`), for when it cannot read
#                     today's; the startup section scans samples/ with it
#   BENCH_STARTUP_RUNS  runs of each command in the startup section (default 50)
set -u
cd "$(dirname "$0")/.."
export TZ=UTC LC_ALL=C

O=${O:-build}
B=$O/bench
LINES=${BENCH_LINES:-1000000}
BIG_LINES=${BENCH_BIG_LINES:-5000000}
SEED=${BENCH_SEED:-1}
SECTIONS=${BENCH_SECTIONS:-generate floor peer scan big ratios formats report classify tail_latency tail_quiet tail_catchup journal feeds dns_libs rollups startup}
YEAR_ROWS=${BENCH_YEAR_ROWS:-2000000}
YEAR_END=1796083200	# 2026-12-01T00:00:00Z: the clock of the rollups section
FORMAT_LINES=${BENCH_FORMAT_LINES:-500000}
TAIL_LINES=${BENCH_TAIL_LINES:-10000}
QUIET_SECONDS=${BENCH_QUIET_SECONDS:-20}
RULES=${BENCH_RULES:-patterns}
BW=./bouncewatch
LOG=$B/mail-$LINES.log
BIG=$B/mail-$BIG_LINES.log
RUNSTAT=$O/runstat
LOGGEN=$O/loggen

# Results of earlier sections (lines/s), "" when not measured.
grep_lps="" peer_lps="" scan_lps="" scan_rss="" big_rss=""

die() { echo "bench: $*" >&2; exit 1; }
. bench/gen_rules.sh	# gen_rules N
skip() { printf '  %-30s skipped: %s\n' "$1" "$2"; }

# calc EXPR: floating point arithmetic through awk
calc() { awk "BEGIN { v = $1; printf \"%s\", v }"; }
fmt() { awk -v v="$1" -v f="$2" 'BEGIN { printf f, v }'; }

# field NAME FILE: a value from the fastest runstat line in FILE
field() {
	awk '{ w = substr($1, 6) + 0; if (NR == 1 || w < best) { best = w; line = $0 } } END { print line }' "$2" |
		tr ' ' '\n' | sed -n "s/^$1=//p"
}

# measure LABEL LINES FILE COMMAND...: runs COMMAND under runstat ($TRIES
# times, default once, keeping the fastest) and prints one table row; FILE is
# what was read (or written), for MB/s. The command's
# stdout and stderr go to $out and $err ($B/KEY.out, .err; KEY is LABEL with
# dashes for blanks). Sets wall, lps (lines/s), rss_mb and st.
measure() {
	name=$1 nlines=$2 file=$3
	shift 3
	key=$(printf '%s' "$name" | tr -c 'A-Za-z0-9.=_\n' '-')
	out=$B/$key.out err=$B/$key.err stat=$B/$key.stat
	rm -f "$stat"
	i=0
	while [ "$i" -lt "${TRIES:-1}" ]; do
		"$RUNSTAT" "$stat" "$@" >"$out" 2>"$err"
		st=$?
		i=$((i + 1))
	done
	if [ ! -s "$stat" ]; then
		wall="" lps="" rss_mb=""
		skip "$name" "could not run $1"
		return 1
	fi
	wall=$(field wall "$stat")
	rss_mb=$(calc "$(field maxrss_kb "$stat") / 1024")
	bytes=$(wc -c <"$file")
	lps=$(calc "$nlines / ($wall > 0 ? $wall : 0.001)")
	mbs=$(calc "$bytes / 1e6 / ($wall > 0 ? $wall : 0.001)")
	printf '  %-30s %9s %8.3f %12.0f %9.1f %9.1f%s\n' "$name" "$nlines" "$wall" \
		"$lps" "$mbs" "$rss_mb" "$([ "$st" = 0 ] || echo "  (exit $st)")"
	return 0
}

header() {
	printf '\n%s\n' "$1"
	printf '  %-30s %9s %8s %12s %9s %9s\n' "what" "lines" "wall s" "lines/s" "MB/s" "RSS MB"
}

# generate LINES FILE: the log, its mtime set just after its last line (the
# scanner infers the year of RFC 3164 stamps from the file's mtime).
generate() {
	measure "loggen $1" "$1" "$B/loggen-$1.out" "$LOGGEN" --seed "$SEED" --lines "$1" --stats || return 1
	[ "$st" = 0 ] || die "loggen failed: $(cat "$err")"
	mv "$out" "$2"
	last=$(sed -n 's/.*last_ts=\([0-9]*\).*/\1/p' "$err")
	[ -n "$last" ] && touch -d "@$((last + 60))" "$2"
	printf '  %-30s %s, %s MB\n' "" "$2" "$(calc "$(wc -c <"$2") / 1e6")"
}

sec_generate() {
	header "generator (bench/loggen.c, seed $SEED)"
	generate "$LINES" "$LOG"
	sed -n 's/^/    /p' "$B/loggen-$LINES.err"
}

sec_floor() {
	header "floor: grep -c status= (reads every byte once; best of 3)"
	TRIES=3 measure "grep -c status=" "$LINES" "$LOG" grep -c status= "$LOG" && grep_lps=$lps
	printf '  %-30s %s matching lines\n' "" "$(cat "$out")"
}

# pflogsumm is the usual Postfix log summarizer (Debian package pflogsumm).
sec_peer() {
	header "peer: pflogsumm (Perl; parses the same lines)"
	if ! command -v pflogsumm >/dev/null 2>&1; then
		if [ "$(id -u)" = 0 ]; then
			sh tests/deps.sh pflogsumm >&2 || true
		fi
	fi
	command -v pflogsumm >/dev/null 2>&1 || { skip pflogsumm "not installed (apt-get install pflogsumm)"; return 0; }
	measure "pflogsumm" "$LINES" "$LOG" pflogsumm "$LOG" && peer_lps=$lps
	grep -m 3 -E '^ +[0-9]+[km]? +(delivered|deferred|bounced)' "$out" | sed 's/^ */    pflogsumm: /'
}

# scan_once NAME LINES FILE: bouncewatch scan into a fresh database
scan_once() {
	db=$B/scan-$2.db
	rm -f "$db" "$db-wal" "$db-shm"
	measure "$1" "$2" "$3" "$BW" --db "$db" --rules "$RULES" scan "$3" || return 1
	cat "$out" "$err" | tail -n 3 | sed 's/^/    /'
	[ -f "$db" ] && printf '  %-30s database %s MB\n' "" "$(calc "$(wc -c <"$db") / 1e6")"
	return 0
}

have_bw() {
	[ -x "$BW" ] || { skip "bouncewatch scan" "no ./bouncewatch (make all)"; return 1; }
	[ -d "$RULES" ] || { skip "bouncewatch scan" "no rules directory $RULES"; return 1; }
}

sec_scan() {
	header "bouncewatch scan, fresh database"
	have_bw || return 0
	scan_once "bouncewatch scan" "$LINES" "$LOG" && { scan_lps=$lps; scan_rss=$rss_mb; }
}

sec_big() {
	header "bouncewatch scan at $BIG_LINES lines (RSS must stay flat)"
	have_bw || return 0
	generate "$BIG_LINES" "$BIG" || return 0
	scan_once "bouncewatch scan (big)" "$BIG_LINES" "$BIG"
	rm -f "$BIG"	# large; regenerated identically on the next run
	[ -n "$rss_mb" ] || return 0
	big_rss=$rss_mb
	[ -n "$scan_rss" ] && printf '  %-30s peak RSS %s MB at %s lines, %s MB at %s lines (x%s)\n' "" \
		"$(fmt "$scan_rss" %.1f)" "$LINES" "$(fmt "$big_rss" %.1f)" "$BIG_LINES" \
		"$(fmt "$(calc "$big_rss / $scan_rss")" %.2f)"
	return 0
}

ratio() { # NAME NUMERATOR DENOMINATOR
	if [ -n "$2" ] && [ -n "$3" ]; then
		printf '  %-44s %8s\n' "$1" "$(fmt "$(calc "$2 / $3")" %.2fx)"
	else
		printf '  %-44s %8s\n' "$1" "n/a"
	fi
}

sec_ratios() {
	printf '\nratios (lines/s on the same %s-line file)\n' "$LINES"
	ratio "bouncewatch scan vs pflogsumm" "$scan_lps" "$peer_lps"
	ratio "bouncewatch scan vs grep -c status= (floor)" "$scan_lps" "$grep_lps"
	ratio "pflogsumm vs grep -c status=" "$peer_lps" "$grep_lps"
}

# rows_of DB: delivery rows stored (the scan's cost is mostly the rows)
rows_of() {
	printf '  %-30s %s delivery rows (%s per line)\n' "" "$(sqlite3 "$1" 'SELECT count(*) FROM deliveries')" \
		"$(sqlite3 "$1" "SELECT printf('%.2f', count(*) * 1.0 / $FORMAT_LINES) FROM deliveries")"
}

# The same scan on a log of each other MTA: the lines a real server wrote in
# the suite (samples/*-run.log) repeated to BENCH_FORMAT_LINES lines, each
# against the Postfix log cut to the same length, in the same run.
sec_formats() {
	header "bouncewatch scan per log format, $FORMAT_LINES lines each (samples repeated)"
	have_bw || return 0
	head -n "$FORMAT_LINES" "$LOG" >"$B/fmt-postfix.log"
	touch -r "$LOG" "$B/fmt-postfix.log"
	scan_once "scan postfix" "$FORMAT_LINES" "$B/fmt-postfix.log" >"$B/fmt.out" && pf_lps=$lps
	grep -v '^    ' "$B/fmt.out"
	rows_of "$B/scan-$FORMAT_LINES.db"
	for f in exim:samples/exim-tail-run.log opensmtpd:samples/opensmtpd-run.log sendmail:samples/sendmail-run.log; do
		name=${f%%:*} src=${f#*:}
		[ -f "$src" ] || { skip "scan $name" "no $src"; continue; }
		awk -v n="$FORMAT_LINES" '{ l[NR] = $0 } END { for (i = 0; i < n; i++) print l[i % NR + 1] }' "$src" >"$B/fmt-$name.log"
		touch -r "$src" "$B/fmt-$name.log"
		scan_once "scan $name" "$FORMAT_LINES" "$B/fmt-$name.log" >"$B/fmt.out" || continue
		grep -v '^    ' "$B/fmt.out"
		rows_of "$B/scan-$FORMAT_LINES.db"
		[ -n "${pf_lps:-}" ] && printf '  %-30s %s of Postfix lines/s (same run)\n' "" "$(fmt "$(calc "$lps / $pf_lps")" %.2fx)"
	done
}

# Reports on the database the scan section built (scanned now if missing):
# every format with all sections, each csv section, the views, check. Best
# of 3 each; the requirement is under 1 s for any report on this database.
sec_report() {
	header "bouncewatch report on the $LINES-line database (best of 3; must be < 1 s)"
	have_bw || return 0
	db=$B/scan-$LINES.db
	if [ ! -f "$db" ]; then
		scan_once "bouncewatch scan (for report)" "$LINES" "$LOG" >/dev/null || return 0
	fi
	printf '  %-30s %s delivery rows\n' "" "$("$BW" --db "$db" query --format csv \
		'SELECT count(*) FROM deliveries' | tr -d '\r' | sed 1d)"
	slow=0
	all="--since 2000-01-01 --until 2100-01-01"
	for f in text json html; do
		report_row "report all sections $f" "$db" report $all --format "$f"
	done
	report_row "report all, 7-day default" "$db" report
	for by in totals provider domain relay sending-ip host day hour reasons blocks; do
		report_row "report csv --by $by" "$db" report $all --format csv --by "$by"
	done
	report_row "blocks" "$db" blocks
	report_row "query top_reasons" "$db" query "SELECT * FROM top_reasons LIMIT 10"
	report_row "query daily_provider" "$db" query "SELECT * FROM daily_provider"
	report_row "check" "$db" check
	[ "$slow" = 0 ] && printf '  %-30s all under 1 s\n' "" ||
		printf '  %-30s %s over 1 s (requirement: under 1 s)\n' "" "$slow"
}

# report_row LABEL DB ARGS...: one timed row (lines/s: log lines per second)
report_row() {
	label=$1 rdb=$2
	shift 2
	TRIES=3 measure "$label" "$LINES" "$rdb" "$BW" --db "$rdb" "$@" || return 0
	[ "$(calc "$wall >= 1")" = 1 ] && slow=$((slow + 1))
	return 0
}

# The classifier alone: rules_classify() on a mix of real-shaped replies.
sec_classify() {
	printf '\n%s\n' "classifier micro-benchmark (bench/classify_bench.c)"
	if [ ! -f "$O/libbw.a" ] || ! nm "$O/libbw.a" 2>/dev/null | grep -q ' T rules_classify$'; then
		skip "classify_bench" "rules_classify is not in $O/libbw.a yet (src/rules.c)"
		return 0
	fi
	[ -d "$RULES" ] || { skip "classify_bench" "no rules directory $RULES"; return 0; }
	make -s O="$O" "$O/classify_bench" || die "building $O/classify_bench failed"
	"$LOGGEN" --seed "$SEED" --replies 20000 >"$B/replies.tsv" || die "loggen --replies failed"
	"$O/classify_bench" "$RULES" "$B/replies.tsv" 9 | sed 's/^/  /'
	# A library ten times today's: the rules plus generated ones up to
	# 2,000, shaped like real provider rules (a code, an enhanced code, a
	# provider's own wording and reference), none matching loggen's replies.
	rm -rf "$B/rules2k"; mkdir -p "$B/rules2k"; cp "$RULES"/* "$B/rules2k/"
	have=$(grep -c '^match' "$RULES"/*.rules | awk -F: '{ n += $2 } END { print n }')
	gen_rules $((2000 - have)) >"$B/rules2k/zz-generated.rules"
	printf '  %s\n' "2,000 rules ($have real, $((2000 - have)) generated):"
	"$O/classify_bench" "$B/rules2k" "$B/replies.tsv" 9 | sed 's/^/  /'
}

# ---- bouncewatch tail -------------------------------------------------------

# tail_start NAME LOG [OPTIONS]: a fresh database and `tail` in the background
# (pid in $tail_pid, database in $tail_db).
tail_start() {
	tail_db=$B/tail-$1.db
	rm -f "$tail_db" "$tail_db-wal" "$tail_db-shm"
	log=$2
	shift 2
	"${BIN:-$BW}" --db "$tail_db" --rules "$RULES" tail "$@" "$log" 2>"$B/tail-$(basename "$tail_db" .db).err" &
	tail_pid=$!
	i=0	# until the database exists (bounded)
	while [ ! -s "$tail_db" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
}
tail_stop() { kill -TERM "$tail_pid" 2>/dev/null; wait "$tail_pid" 2>/dev/null; }
# CPU seconds (user + system) a process has used, from /proc/PID/stat
cpu_s() { awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); print ($12 + $13) / hz }' "/proc/$1/stat"; }

# Latency from a line appended to its row committed, default batching: a
# steady writer (500 lines/s) that polls the database for its own queue ids
# (bench/tail_latency.py explains the method).
# The outside feeds: an SNDS data feed of BENCH_FEED_ROWS IP-days imported
# into a fresh database (rows/s, against scan's deliveries stored per second
# above when measured in the same run), and BENCH_FEED_REPORTS complaint
# reports (RFC 5965 and JMRP shapes) read from a Maildir (reports/s).
sec_feeds() {
	rows=${BENCH_FEED_ROWS:-200000} reports=${BENCH_FEED_REPORTS:-2000}
	header "feeds: snds import, arf --maildir"
	awk -v n="$rows" 'BEGIN { for (i = 0; i < n; i++)
		printf "10.%d.%d.%d,11/27/2026 8:00 AM,11/28/2026 7:00 AM,%d,%d,%d,%s,< 0.1%%,,,0,,,\r\n",
			int(i / 65536) % 256, int(i / 256) % 256, i % 256, 100 + i % 50, 100 + i % 50, 90,
			(i % 97 == 0) ? "YELLOW" : "GREEN" }' >"$B/snds-$rows.csv"
	rm -f "$B/feeds.db"*
	measure "snds import ($rows rows)" "$rows" "$B/snds-$rows.csv" \
		"$BW" --db "$B/feeds.db" --rules "$RULES" snds import --data "$B/snds-$rows.csv" --alert-window 0
	snds_rps=$lps
	rm -rf "$B/fbl"; mkdir -p "$B/fbl/new" "$B/fbl/cur"
	i=0
	while [ $i -lt "$reports" ]; do
		sed "s/8787KJKJ3K4J3K4J3K4J3/bench-$i/" tests/e2e/data/arf/rfc5965-shape.eml >"$B/fbl/new/$i.M$i.bench"
		i=$((i + 1))
	done
	cat "$B"/fbl/new/* >"$B/fbl.all"
	measure "arf --maildir ($reports reports)" "$reports" "$B/fbl.all" \
		"$BW" --db "$B/feeds.db" --rules "$RULES" arf --maildir "$B/fbl"
	printf '  %-30s "lines/s" above: SNDS rows/s and complaint reports/s\n' ""
	[ -n "$scan_lps" ] && printf '  %-30s SNDS import %s rows/s = %sx scan'"'"'s %s log lines/s\n' "" \
		"$(fmt "$snds_rps" %.0f)" "$(fmt "$(calc "$snds_rps / $scan_lps")" %.3f)" "$(fmt "$scan_lps" %.0f)"
	return 0
}

sec_tail_latency() {
	printf "\n%s\n" "tail: latency append -> committed row ($TAIL_LINES lines at 500/s, default batching)"
	have_bw || return 0
	command -v python3 >/dev/null 2>&1 || { skip "tail latency" "no python3"; return 0; }
	: >"$B/tail-latency.log"
	tail_start latency "$B/tail-latency.log"
	python3 bench/tail_latency.py "$B/tail-latency.log" "$tail_db" --lines "$TAIL_LINES" --rate 500 |
		sed 's/^/  /'
	tail_stop
	printf '  %-30s target: p99 <= 50 ms\n' ""
}

# CPU used while following a quiet log (nothing written): inotify blocks in
# the kernel, so this should be ~0.
sec_tail_quiet() {
	printf "\n%s\n" "tail: CPU on a quiet log over $QUIET_SECONDS s (BENCH_QUIET_SECONDS)"
	have_bw || return 0
	head -n 1000 "$LOG" >"$B/tail-quiet.log" 2>/dev/null || : >"$B/tail-quiet.log"
	tail_start quiet "$B/tail-quiet.log"
	sleep 2	# past start-up and the first commits
	c0=$(cpu_s "$tail_pid")
	sleep "$QUIET_SECONDS"
	c1=$(cpu_s "$tail_pid")
	tail_stop
	printf '  %-30s resolution: 1/%s s of CPU\n' "" "$(getconf CLK_TCK)"
	printf '  %-30s %s s CPU in %s s = %s %% of a core (target < 0.1 %%)\n' "" \
		"$(fmt "$(calc "$c1 - $c0")" %.3f)" "$QUIET_SECONDS" \
		"$(fmt "$(calc "($c1 - $c0) * 100 / $QUIET_SECONDS")" %.4f)"
}

# catchup_once LABEL: tail ($BIN, default $BW) started on the whole backlog;
# done when the checkpoint reaches the end of the file (the sources row).
catchup_once() {
	size=$(wc -c <"$LOG")
	t0=$(date +%s.%N)
	tail_start catchup "$LOG"
	i=0
	while [ $i -lt 6000 ]; do
		o=$(sqlite3 "$tail_db" "SELECT max(offset) FROM sources" 2>/dev/null)
		[ "${o:-0}" = "$size" ] && break
		sleep 0.05
		i=$((i + 1))
	done
	t1=$(date +%s.%N)
	tail_stop
	wall=$(calc "$t1 - $t0")
	tail_lps=$(calc "$LINES / $wall")
	printf '  %-30s %9s %8.3f %12.0f\n' "$1" "$LINES" "$wall" "$tail_lps"
}

# Catch-up: tail started on the whole backlog, compared with scan (and with
# BENCH_BASELINE_BW, an earlier binary, when set).
sec_tail_catchup() {
	header "tail: catch-up on the $LINES-line backlog vs scan"
	have_bw || return 0
	[ -n "$scan_lps" ] || { scan_once "bouncewatch scan" "$LINES" "$LOG" && scan_lps=$lps; }
	if [ -n "${BENCH_BASELINE_BW:-}" ]; then
		BIN=$BENCH_BASELINE_BW catchup_once "tail catch-up, baseline binary"
		base_lps=$tail_lps
	fi
	catchup_once "bouncewatch tail (catch-up)"
	ratio "tail catch-up vs scan (target >= 0.80)" "$tail_lps" "$scan_lps"
	if [ -n "${BENCH_BASELINE_BW:-}" ]; then
		ratio "tail catch-up vs baseline binary" "$tail_lps" "$base_lps"
	fi
	printf '  %-30s (the tail time includes up to 50 ms of polling for the end)\n' ""
}

# The journal against files on the same lines, in one run (bench/journal.sh):
# scan throughput, append -> commit latency, idle wake-ups. Needs root (a
# private systemd-journald in a mount namespace of its own).
sec_dns_libs() {
	printf "\n%s\n" "dns_libs: the same block-list lookups through c-ares, libunbound and libc (bench/dns_libs.sh)"
	have_bw || return 0
	O=$O sh bench/dns_libs.sh "${BENCH_DNS_IPS:-200}" "${BENCH_DNS_ROUNDS:-5}"
}

sec_journal() {
	printf "\n%s\n" "journal: scan, tail latency and idle wake-ups against files (bench/journal.sh)"
	have_bw || return 0
	[ "$(id -u)" = 0 ] || { skip "journal" "needs root (a private journald)"; return 0; }
	[ -s "$LOG" ] || { skip "journal" "no generated log (section generate)"; return 0; }
	O=$O BENCH_RULES=$RULES BENCH_TAIL_LINES=$TAIL_LINES sh bench/journal.sh "$LOG"
}

# Rollups (schema/030_rollups.sql, 031_reason_rollups.sql): a year of
# attempts written straight into SQLite through the store by build/yeargen
# (bench/yeargen.c); report and check read the rollups, and the same
# commands read the rows (BOUNCEWATCH_REPORT_ROWS=1, as before the rollups)
# as the baseline. User and system CPU are printed beside the wall time: on
# a shared machine they are the steadier figure.
year_reports() {
	ydb=$1
	for cmd in "report --since 365d" "report --since 365d --by reasons" "report --since 1d" \
		"check" \
		"report --since 365d --by totals,provider,pool,domain,relay,sending-ip,sender,blocklists,day,hour,local"; do
		# shellcheck disable=SC2086
		BOUNCEWATCH_NOW=$YEAR_END TRIES=3 measure "$cmd" "$YEAR_ROWS" "$ydb" "$BW" --db "$ydb" $cmd
		rw=$wall rr=$rss_mb ru=$(field user "$stat") rs=$(field sys "$stat")
		[ "${BENCH_YEAR_FROM_ROWS:-1}" = 0 ] && continue
		# shellcheck disable=SC2086
		BOUNCEWATCH_NOW=$YEAR_END BOUNCEWATCH_REPORT_ROWS=1 measure "$cmd (rows)" "$YEAR_ROWS" \
			"$ydb" "$BW" --db "$ydb" $cmd
		[ -n "$rw" ] && [ -n "$wall" ] &&
			printf '  %-30s rollups %.1f ms (CPU %.0f+%.0f ms), %.1f MiB; rows %.1f ms (CPU %.0f+%.0f ms), %.1f MiB; %.1fx faster\n' "" \
				"$(calc "$rw * 1000")" "$(calc "$ru * 1000")" "$(calc "$rs * 1000")" "$rr" \
				"$(calc "$wall * 1000")" "$(calc "$(field user "$stat") * 1000")" \
				"$(calc "$(field sys "$stat") * 1000")" "$rss_mb" \
				"$(calc "$wall / ($rw > 0 ? $rw : 0.001)")"
	done
}

# year_vs BASE_DB NEW_DB: the reports and check of year_reports, and a day
# ending inside an hour, by the baseline binary (BENCH_BASELINE_BW) on
# BASE_DB and by this one on NEW_DB (the same attempts, its own schema),
# alternating, BENCH_YEAR_RUNS times each (default 5): best and median wall,
# median CPU (user+sys), peak RSS, and the ratios baseline / this one.
year_vs() {
	runs=${BENCH_YEAR_RUNS:-5}
	printf '\n  %s runs each, alternating; load: %s\n' "$runs" "$(uptime | sed 's/.*load/load/')"
	printf '  %-34s %-5s %10s %10s %10s %8s\n' "command (BOUNCEWATCH_NOW)" "bin" "best ms" \
		"median ms" "CPU ms" "RSS MiB"
	for spec in "$YEAR_END check" "$YEAR_END report --since 1d" \
		"$((YEAR_END - 5 * 3600 - 1234)) report --since 1d" "$YEAR_END report --since 365d" \
		"$YEAR_END report --since 365d --by reasons" \
		"$YEAR_END report --since 365d --by totals,provider,pool,domain,relay,sending-ip,sender,blocklists,day,hour,local"; do
		now=${spec%% *} cmd=${spec#* }
		key=$(printf '%s' "$spec" | tr -c 'A-Za-z0-9\n' '-' | cut -c1-60)
		rm -f "$B/yv-$key-base" "$B/yv-$key-new"
		i=0
		while [ "$i" -lt "$runs" ]; do
			# shellcheck disable=SC2086
			BOUNCEWATCH_NOW=$now "$RUNSTAT" "$B/yv-$key-base" "$BENCH_BASELINE_BW" --db "$1" $cmd \
				>/dev/null 2>&1
			# shellcheck disable=SC2086
			BOUNCEWATCH_NOW=$now "$RUNSTAT" "$B/yv-$key-new" "$BW" --db "$2" $cmd >/dev/null 2>&1
			i=$((i + 1))
		done
		label=$(printf '%s (%s)' "$cmd" "$now" | cut -c1-34)
		for which in base new; do
			f=$B/yv-$key-$which
			printf '  %-34s %-5s %10s %10s %10s %8s\n' "$label" "$which" \
				"$(fmt "$(calc "$(field wall "$f") * 1000")" '%.1f')" \
				"$(median "$f" wall)" "$(median "$f" cpu)" \
				"$(awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^maxrss_kb=/) { v = substr($i, 11) / 1024; if (v > m) m = v } } END { printf "%.1f", m }' "$f")"
			label=""
		done
		printf '  %-34s %-5s %10s %10s %10s\n' "" "ratio" \
			"$(fmt "$(calc "$(field wall "$B/yv-$key-base") / $(field wall "$B/yv-$key-new")")" '%.2fx')" \
			"$(fmt "$(calc "$(median "$B/yv-$key-base" wall) / $(median "$B/yv-$key-new" wall)")" '%.2fx')" \
			"$(fmt "$(calc "$(median "$B/yv-$key-base" cpu) / $(median "$B/yv-$key-new" cpu)")" '%.2fx')"
	done
}

sec_rollups() {
	header "rollups: $YEAR_ROWS attempts over 365 days (baseline: the same command from rows)"
	have_bw || return 0
	make -s O="$O" "$O/yeargen" || { skip "yeargen" "cannot build"; return 0; }
	ydb=$B/year3-$YEAR_ROWS.db	# year3: with reason rollups (schema 31)
	if [ -n "${BENCH_BASELINE_YEAR_DB:-}" ]; then
		# the baseline's year, upgraded once for this binary (kept)
		ydb=$B/$(basename "$BENCH_BASELINE_YEAR_DB" .db)-up.db
		if [ ! -f "$ydb" ]; then
			cp "$BENCH_BASELINE_YEAR_DB" "$ydb" || return 0
			measure "upgrade a copy (migrations, folds)" "$YEAR_ROWS" "$ydb" "$BW" --db "$ydb" \
				prune --older-than 100000d || return 0
			[ "$st" = 0 ] || { rm -f "$ydb"; skip "upgrade" "$(cat "$err")"; return 0; }
		fi
	elif [ ! -f "$ydb" ]; then
		measure "yeargen (store_add, rollups)" "$YEAR_ROWS" "$RUNSTAT" "$O/yeargen" "$ydb" \
			"$YEAR_ROWS" 365 "$YEAR_END" || return 0
		[ "$st" = 0 ] || { rm -f "$ydb"; skip "yeargen" "$(cat "$err")"; return 0; }
	fi
	printf '  %-30s %s, %s MB, %s rollup rows, %s reason rollup rows\n' "" "$ydb" \
		"$(calc "$(wc -c <"$ydb") / 1e6")" \
		"$("$BW" --db "$ydb" query --format csv 'SELECT count(*) FROM rollups' | sed 1d)" \
		"$("$BW" --db "$ydb" query --format csv 'SELECT count(*) FROM reason_rollups' | sed 1d)"
	year_reports "$ydb"
	if [ -n "${BENCH_BASELINE_BW:-}" ] && [ -n "${BENCH_BASELINE_YEAR_DB:-}" ]; then
		printf '\n  baseline %s on %s; this binary on %s\n' "$BENCH_BASELINE_BW" \
			"$BENCH_BASELINE_YEAR_DB" "$ydb"
		year_vs "$BENCH_BASELINE_YEAR_DB" "$ydb"
	fi
	if [ -n "${BENCH_YEAR_MORE:-}" ]; then
		ydb2=$B/year3-$YEAR_ROWS-2y.db
		if [ ! -f "$ydb2" ]; then
			cp "$ydb" "$ydb2"
			measure "yeargen, the year before (late)" "$YEAR_ROWS" "$RUNSTAT" "$O/yeargen" \
				"$ydb2" "$YEAR_ROWS" 365 "$((YEAR_END - 365 * 86400))" 7 || return 0
			[ "$st" = 0 ] || { rm -f "$ydb2"; skip "yeargen" "$(cat "$err")"; return 0; }
		fi
		printf '  %-30s %s: two years, the same 365-day window\n' "" "$ydb2"
		year_reports "$ydb2"
	fi
	if [ -z "${BENCH_BASELINE_BW:-}" ]; then
		skip "scan before/after" "set BENCH_BASELINE_BW to an earlier bouncewatch (one without rollups, say)"
		return 0
	fi
	[ -s "$LOG" ] || { skip "scan before/after" "no generated log"; return 0; }
	# alternating, BENCH_SCAN_RUNS times each (default 1): the fastest of each
	sr=0	# (measure uses i)
	rm -f "$B/scan--baseline-binary.stat.all" "$B/scan--this-binary.stat.all"
	while [ "$sr" -lt "${BENCH_SCAN_RUNS:-1}" ]; do
		for bin in "$BENCH_BASELINE_BW" "$BW"; do
			rm -f "$B/ru-scan.db" "$B/ru-scan.db-wal" "$B/ru-scan.db-shm"
			label="scan, $([ "$bin" = "$BW" ] && echo "this binary" || echo "baseline binary")"
			TRIES=1 measure "$label" "$LINES" "$LOG" "$bin" --db "$B/ru-scan.db" --rules "$RULES" \
				scan "$LOG"
			cat "$stat" >>"$stat.all"
		done
		sr=$((sr + 1))
	done
	sb=$B/scan--baseline-binary.stat.all sn=$B/scan--this-binary.stat.all
	[ -s "$sb" ] && [ -s "$sn" ] &&
		printf '  %-30s wall ms median (min-max): baseline %s, this binary %s; CPU ms: baseline %s, this binary %s; this binary %.2fx the baseline'"'"'s lines/s (medians)\n' \
			"" "$(stats "$sb" wall)" "$(stats "$sn" wall)" "$(stats "$sb" cpu)" "$(stats "$sn" cpu)" \
			"$(calc "$(median "$sb" wall) / $(median "$sn" wall)")"
}

# stats FILE FIELD: "median (min-max)" in ms of a runstat field over FILE's
# lines; FIELD cpu is user+sys.
stats() {
	awk -v f="$2" '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
		print (f == "cpu" ? v["user"] + v["sys"] : v[f]) * 1000 }' "$1" | sort -n |
		awk '{ a[NR] = $1 } END { m = NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2;
			printf "%.1f (%.1f-%.1f)", m, a[1], a[NR] }'
}
median() { stats "$1" "$2" | cut -d' ' -f1; }

# Start-up cost of the short commands monitoring and cron run (check every
# minute): wall and CPU per run, the baseline binary (BENCH_BASELINE_BW) and
# this one alternating in the same loop, on a small database (samples/); plus
# callgrind's instruction counts, which do not depend on the machine's load.
sec_startup() {
	runs=${BENCH_STARTUP_RUNS:-50}
	printf '\nstart-up: %s runs of each command, alternating%s; ms, median (min-max)\n' "$runs" \
		"$([ -n "${BENCH_BASELINE_BW:-}" ] && echo " with $BENCH_BASELINE_BW" || echo " (no BENCH_BASELINE_BW)")"
	have_bw || return 0
	# Each binary reads a database it wrote itself: a baseline with an older
	# schema refuses a newer file at once, and its figures would time the refusal.
	for which in new base; do
		bin=$BW rules=$RULES
		[ "$which" = base ] && bin=${BENCH_BASELINE_BW:-} rules=${BENCH_BASELINE_RULES:-$RULES}
		[ -n "$bin" ] || continue
		sdb=$B/startup-$which.db
		rm -f "$sdb" "$sdb-wal" "$sdb-shm"
		BOUNCEWATCH_CONFIG= "$bin" --db "$sdb" --rules "$rules" scan samples/*.log >/dev/null 2>&1 ||
			{ skip "startup" "$which: cannot scan samples/"; return 0; }
	done
	printf '  %-22s %-8s %22s %22s %14s\n' "command" "binary" "wall ms" "CPU ms (user+sys)" "instructions"
	for cmd in "--version" "check" "report --since 1d"; do
		key=$(printf '%s' "$cmd" | tr -c 'A-Za-z0-9\n' '-')
		rm -f "$B/su-$key-new" "$B/su-$key-base"
		i=0
		while [ "$i" -lt "$runs" ]; do
			for which in base new; do
				bin=$BW
				[ "$which" = base ] && bin=${BENCH_BASELINE_BW:-}
				[ -n "$bin" ] || continue
				# shellcheck disable=SC2086
				BOUNCEWATCH_CONFIG= BOUNCEWATCH_NOW=1796083200 "$RUNSTAT" "$B/su-$key-$which" \
					"$bin" --db "$B/startup-$which.db" $cmd >/dev/null 2>&1
			done
			i=$((i + 1))
		done
		for which in base new; do
			[ -s "$B/su-$key-$which" ] || continue
			bin=$BW
			[ "$which" = base ] && bin=$BENCH_BASELINE_BW
			ir=""
			if command -v valgrind >/dev/null 2>&1; then
				# shellcheck disable=SC2086
				ir=$(BOUNCEWATCH_CONFIG= BOUNCEWATCH_NOW=1796083200 valgrind --tool=callgrind \
					--callgrind-out-file=/dev/null "$bin" --db "$B/startup-$which.db" $cmd 2>&1 >/dev/null |
					sed -n 's/.*Collected : //p')
			fi
			printf '  %-22s %-8s %22s %22s %14s\n' "$cmd" "$which" "$(stats "$B/su-$key-$which" wall)" \
				"$(stats "$B/su-$key-$which" cpu)" "${ir:-?}"
			eval "ir_$which=\${ir:-0}"
		done
		[ -s "$B/su-$key-base" ] && [ -s "$B/su-$key-new" ] &&
			printf '  %-22s %-8s %22s %22s %14s\n' "" "ratio" \
				"$(fmt "$(calc "$(median "$B/su-$key-base" wall) / $(median "$B/su-$key-new" wall)")" '%.1fx')" \
				"$(fmt "$(calc "$(median "$B/su-$key-base" cpu) / $(median "$B/su-$key-new" cpu)")" '%.1fx')" \
				"$(fmt "$(calc "$ir_base / ($ir_new > 0 ? $ir_new : 1)")" '%.1fx')"
	done
	printf '  shared objects mapped at start: %s (this binary)%s\n' \
		"$(LD_TRACE_LOADED_OBJECTS=1 "$BW" | wc -l)" \
		"$([ -n "${BENCH_BASELINE_BW:-}" ] && printf ', %s (baseline)' "$(LD_TRACE_LOADED_OBJECTS=1 "$BENCH_BASELINE_BW" | wc -l)")"
}

main() {
	mkdir -p "$B"
	make -s O="$O" "$LOGGEN" "$RUNSTAT" || die "cannot build $LOGGEN and $RUNSTAT"
	printf 'bouncewatch benchmarks: %s, %s CPUs, %s\n' "$(uname -m)" "$(nproc 2>/dev/null || echo '?')" \
		"$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)"
	[ -f "$LOG" ] || case " $SECTIONS " in *" generate "* | " startup ") ;; *) SECTIONS="generate $SECTIONS" ;; esac
	for s in $SECTIONS; do
		command -v "sec_$s" >/dev/null 2>&1 || die "unknown section: $s"
		"sec_$s"
	done
}

main "$@"
