#!/bin/sh
# journal_files: one `tail` follows the systemd journal and a log file at
# once (a host where Postfix logs to the journal and another program still
# writes a file, or a relay's file collected beside the local journal). Both
# are read in the same wait (the journal's descriptor beside the inotify
# one), committed with their own positions (cursor, offset); after a SIGKILL
# a restart resumes both: every attempt of each stored exactly once.
. "$(dirname "$0")/private_ns.sh"
[ -n "${BW_JD_NS:-}" ] || { private_ns env BW_JD_NS=1 sh "$0" "$@"; exit $?; }
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/journald_env.sh"

DB="$T/j.db" LOG="$T/mail.log"
TPID=""
at_exit 'for p in $TPID; do kill -KILL $p 2>/dev/null; done'
# ffeed N: the same lines appended to the file, queue ids + N.
ffeed() { sed "s/\(\]: [0-9A-F]\{6,\}\):/\1$1:/" "$TOP/tests/e2e/data/basic.log" >>"$LOG"; }
start() {
	"$BW" --db "$DB" --rules "$RULES" tail --journal-dir "$JD_DIR" "$LOG" >>"$T/out" 2>>"$T/err" &
	TPID=$!
}
rows() { sql "$DB" "SELECT count(*) FROM deliveries" 2>/dev/null || echo 0; }
has() { [ "$(rows)" = "$1" ]; }
per_kind() { sql "$DB" "SELECT group_concat(k || '=' || n, ' ') FROM (SELECT s.kind AS k, count(*) AS n
	FROM deliveries d JOIN sources s ON s.id = d.source_id GROUP BY s.kind ORDER BY s.kind)"; }
dups() { sql "$DB" "SELECT count(*) FROM (SELECT 1 FROM deliveries
	GROUP BY queue_id, recipient, status, ts HAVING count(*) > 1)"; }

check "private systemd-journald starts" jd_start
: >"$LOG"
start
jd_feed J1; ffeed F1
check "journal and file read by one tail" wait_until 120 has 10
eq "five attempts from each" "file=5 journal=5" "$(per_kind)"

kill -KILL "$TPID"; wait "$TPID" 2>/dev/null; TPID=""
jd_feed J2; ffeed F2
start
check "after SIGKILL and restart, both resumed" wait_until 120 has 20
eq "each source's attempts once" "file=10 journal=10" "$(per_kind)"
eq "no attempt stored twice" 0 "$(dups)"
jd_feed J3; ffeed F3
check "both followed after the restart" wait_until 120 has 30
kill -TERM "$TPID"; wait "$TPID"; eq "tail exits 0 on SIGTERM" 0 $?; TPID=""
eq "all thirty once" "file=15 journal=15 0" "$(per_kind) $(dups)"

status "stdin with the journal is refused" 2 "$BW" --db "$DB" --rules "$RULES" tail --journal-dir "$JD_DIR" -
check "and says why" grep -q "stdin (-) cannot be followed together with the journal" "$T/.err"
finish
