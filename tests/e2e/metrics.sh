#!/bin/sh
# metrics: `tail --metrics-file PATH` (or [metrics] file) writes a
# node_exporter textfile at its start, every minute and at its end,
# replacing it atomically; promtool (Debian's prometheus package) accepts
# it, and its figures are those of the database tail wrote.
. "$(dirname "$0")/lib.sh"
export TZ=UTC
DB=$T/m.db
LOG=$T/mail.log
P=$T/textfile/bouncewatch.prom
mkdir -p "$T/textfile"
check "promtool is installed (Debian: prometheus)" command -v promtool
cp "$TOP/samples/postfix-tail-run.log" "$LOG"
printf 'not a syslog line\nnor this one\n' >>"$LOG"
printf '[metrics]\nfile = %s\n' "$P" >"$T/bw.conf"
BOUNCEWATCH_NOW=1795910400 "$BW" --config "$T/bw.conf" --db "$DB" --rules "$RULES" tail "$LOG" 2>"$T/tail.err" &
pid=$!
at_exit "kill $pid 2>/dev/null"
written() { grep -q '^bouncewatch_lines_read_total 235$' "$P" 2>/dev/null; }
# the first file is written after tail's first read (which may commit every
# line of this log), then every minute: wait for the lines to be committed
# and for that first file, then stop tail, which writes the last one.
stored() { [ "$(sql "$DB" "SELECT count(*) FROM deliveries" 2>/dev/null)" = 61 ]; }
check "tail stores the log's 61 deliveries" wait_until 90 stored
check "a metrics file is there while tail runs ([metrics] file)" wait_until 30 test -s "$P"
kill -TERM $pid
wait $pid
eq "tail stops cleanly" 0 $?
check "... and writes the file at its end" written
check "promtool check metrics accepts it" sh -c "promtool check metrics <'$P'"
eq "no temporary file left" "bouncewatch.prom" "$(ls "$T/textfile")"
# every (status, provider) of the database, with its count
want=$(sql "$DB" "SELECT 'bouncewatch_attempts_total{status=\"' || status || '\",provider=\"' ||
	coalesce(nullif(provider, ''), 'unknown') || '\"} ' || count(*) FROM deliveries GROUP BY status, provider ORDER BY 1")
eq "attempts by status and provider, as stored" "$want" "$(grep '^bouncewatch_attempts_total{' "$P" | sort)"
eq "lines not understood: the two lines without a header" "bouncewatch_lines_not_understood_total 2" \
	"$(grep '^bouncewatch_lines_not_understood_total ' "$P")"
eq "open episodes, as in the table" "bouncewatch_open_episodes $(sql "$DB" "SELECT count(*) FROM episodes WHERE cleared IS NULL")" \
	"$(grep '^bouncewatch_open_episodes ' "$P")"
eq "last line: the pinned clock of the last commit" "bouncewatch_last_line_timestamp_seconds 1795910400.000" \
	"$(grep '^bouncewatch_last_line_timestamp_seconds ' "$P")"
eq "last delivery: the newest row's time" \
	"bouncewatch_last_delivery_timestamp_seconds $(sql "$DB" "SELECT printf('%.3f', max(ts)) FROM deliveries")" \
	"$(grep '^bouncewatch_last_delivery_timestamp_seconds ' "$P")"
check "commit latency: a summary with as many commits as tail made" \
	sh -c "grep -q '^bouncewatch_commit_duration_seconds_count [1-9]' '$P' && grep -q '^bouncewatch_commit_duration_seconds_sum [0-9.]*$' '$P'"
check "every series has HELP and TYPE" sh -c "[ \$(grep -c '^# TYPE ' '$P') = 10 ] && [ \$(grep -c '^# HELP ' '$P') = 10 ]"

# a file that cannot be written: tail says so and goes on
BOUNCEWATCH_NOW=1795910400 "$BW" --db "$DB" --rules "$RULES" tail --metrics-file "$T/nodir/x.prom" - </dev/null 2>"$T/err2"
eq "an unwritable metrics file is not fatal" 0 $?
check "... and is named" grep -q "metrics: $T/nodir/x.prom.tmp: No such file" "$T/err2"
