#!/bin/sh
# journal_tail - `tail --journal-dir` follows a real systemd-journald that the
# real Postfix of the suite logs to (syslog(3) through /dev/log, in a mount
# namespace of the test's own: journald_env.sh), through journal rotation
# (journalctl --rotate, while following and while stopped), vacuuming
# (journalctl --vacuum-files, while following and while stopped, taking the
# entry of the stored cursor with it) and SIGKILL + restart several times
# mid-stream. Every delivery attempt is stored exactly once: the rows equal
# the attempts of `journalctl -o json`, read independently (snapshots taken
# before each vacuum, entries counted once per cursor; journal_attempts.py).
#
# Needs root (Postfix, mount namespace). Fails, never skips, when journald or
# Postfix cannot run. Every process it starts is stopped by pid.
. "$(dirname "$0")/private_ns.sh"
[ -n "${BW_JD_NS:-}" ] || { private_ns env BW_JD_NS=1 sh "$0" "$@"; exit $?; }
. "$(dirname "$0")/lib.sh"
PF_SYSLOG=1	# Postfix logs through syslog(3), into the private journald
. "$(dirname "$0")/postfix_env.sh"
. "$(dirname "$0")/journald_env.sh"

DB="$T/bw.db"
BWP=""
say() { echo "# journal_tail: $*" >&2; }
bw_start() {
	"$BW" --db "$DB" --rules "$RULES" tail --journal-dir "$JD_DIR" --batch-ms 50 2>>"$T/bw.err" &
	BWP=$!
}
bw_kill() { [ -n "$BWP" ] && kill -KILL "$BWP" 2>/dev/null; wait "$BWP" 2>/dev/null; BWP=""; }
bw_stop() { [ -n "$BWP" ] && kill -TERM "$BWP" 2>/dev/null; wait "$BWP" 2>/dev/null; BWP=""; }
at_exit bw_kill
snap() { jd_sync; jd_json "$T/snap.json"; }
expected() { python3 "$TOP/tests/e2e/journal_attempts.py" "$T/snap.json"; }
stored() { sqlite3 -batch -noheader -cmd '.timeout 5000' "$DB" "SELECT queue_id || '|' ||
	recipient || '|' || status FROM deliveries WHERE recipient IS NOT NULL ORDER BY 1" 2>/dev/null; }
# caught_up SECS: waits until the rows hold every attempt the journal has,
# at most SECS seconds (generous: a loaded machine only makes it slower).
# Takes a snapshot of the journal, waits for as many rows as it holds
# attempts (a cheap count), then compares the two sets; again with a new
# snapshot when they differ (Postfix may have logged more meanwhile).
stored_n() { sqlite3 -batch -noheader -cmd '.timeout 5000' "$DB" \
	"SELECT count(*) FROM deliveries WHERE recipient IS NOT NULL" 2>/dev/null || echo 0; }
caught_up() {
	_end=$(($(date +%s) + $1))
	while :; do
		snap
		_want=$(expected | wc -l)
		while [ "$(stored_n)" -lt "$_want" ] && [ "$(date +%s)" -lt "$_end" ]; do sleep 0.1; done
		[ "$(expected)" = "$(stored)" ] && return 0
		[ "$(date +%s)" -lt "$_end" ] || { echo "rows: $(stored_n), attempts in the journal: $_want"; return 1; }
		sleep 0.5
	done
}
# send N TAG: N messages, alternately accepted and refused for good (no
# retries, so the queue settles at once).
send() {
	i=0
	while [ $i -lt "$1" ]; do
		if [ $((i % 2)) = 0 ]; then r="ok$2$i@example.org"; else r="gone$2$i@example.org"; fi
		pf_send newsletter@example.net "$r" "journal $2 $i" 2>>"$T/send.err" || say "not accepted: $r"
		i=$((i + 1))
	done
}
settle() { pf_wait_empty 120 && jd_sync; }

printf '@example.org\t250 2.0.0 ok\n' >"$T/table"
for i in 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19; do
	printf 'goneA%s@example.org\t550 5.1.1 <x>: Recipient address rejected: User unknown\n' $i
	for tag in B C D E F G; do
		printf 'gone%s%s@example.org\t550 5.1.1 <x>: Recipient address rejected: User unknown\n' $tag $i
	done
done >>"$T/table"

check "private systemd-journald starts" jd_start
# The server lives until stopped by pid at exit (at most 15 min): under load
# the run can take minutes, and a server gone meanwhile turns deliveries
# into "Connection refused" deferrals logged by postfix/error and qmgr.
check "scripted SMTP server starts" sink_start "$T/table"
check "Postfix starts, logging to the journal" pf_start
bw_start
send 4 A; settle
check "A: following, the attempts stored" caught_up 120

# B: killed mid-stream and restarted twice; the journal rotated while followed.
send 3 B; bw_kill; bw_start; send 3 B; jd_rotate; bw_kill; bw_start; send 2 B; settle
check "B: SIGKILL twice, one rotation: every attempt once" caught_up 120

# C: stopped; rotated and the archive vacuumed (the stored cursor's entry
# with it); mail logged while stopped; restarted.
bw_kill; snap; jd_rotate; jd_vacuum 1
check "C: the archive holding the cursor's entry is vacuumed" \
	test -z "$(find "$JD_DIR" -name 'system@*.journal')"
send 4 C; settle; bw_start
check "C: after a lost cursor every attempt once" caught_up 120
check "C: the lost cursor is reported" grep -q "no longer in the journal" "$T/bw.err"

# D: rotated and vacuumed while followed, then killed twice mid-stream.
send 2 D; settle; caught_up 120; jd_rotate; send 2 D; settle
caught_up 120; jd_rotate; jd_vacuum 1
send 3 D; bw_kill; bw_start; send 3 D; bw_kill; bw_start; settle
check "D: vacuumed while followed, SIGKILL twice: every attempt once" caught_up 120

bw_stop
snap
n=$(expected | wc -l)
eq "every attempt of the journal stored once (journalctl -o json)" "$(expected)" "$(stored)"
check "at least 30 attempts in the run" test "$n" -ge 30
eq "no row stored twice" "0" "$(sqlite3 "$DB" "SELECT count(*) FROM (SELECT queue_id, recipient,
	status, ts FROM deliveries GROUP BY 1, 2, 3, 4 HAVING count(*) > 1)")"
# Each attempt's program and host are its entry's SYSLOG_IDENTIFIER and
# _HOSTNAME (compared row by row with journalctl's), and every row is Postfix's.
eq "rows are Postfix's, with the journal's fields" \
	"$(python3 "$TOP/tests/e2e/journal_attempts.py" --fields "$T/snap.json")" \
	"$(sqlite3 -batch -noheader "$DB" "SELECT queue_id || '|' || recipient || '|' || status || '|' ||
		program || '|' || host FROM deliveries WHERE recipient IS NOT NULL ORDER BY 1")"
eq "... and every row (attempts and the rest) is a postfix/ program's" "" \
	"$(sqlite3 "$DB" "SELECT DISTINCT program FROM deliveries WHERE program NOT LIKE 'postfix/%'")"
