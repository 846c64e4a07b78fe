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
# attempts KIND: the queue ids of the delivery rows read from KIND's source
attempts() { sql "$DB" "SELECT d.queue_id FROM deliveries d JOIN sources s ON s.id = d.source_id
	WHERE s.kind = '$1'" 2>/dev/null | sort; }
# logged: the queue ids of the delivery attempts (status=) a stream of lines holds
logged() { sed -n 's/.*postfix\/smtp\[[0-9]*\]: \([0-9A-Z]*\): .*status=.*/\1/p' | sort; }
# check_rows NAME N: check NAME waits (120 s) until the database holds N
# rows; when it does not, the failure shows what each side holds: the
# attempts the private journal has (read by journalctl from its files) and
# the file has, against the rows of each source kind (queue ids that
# differ), whether journald still runs, and the end of tail's stderr
check_rows() {
	if wait_until 120 has "$2"; then ok "$1"; return; fi
	jd_sync
	journalctl -D "$JD_DIR" -o short --no-pager 2>&1 | logged >"$T/cr.journal"
	logged <"$LOG" >"$T/cr.file"
	attempts journal >"$T/cr.jrows"; attempts file >"$T/cr.frows"
	notok "$1" "rows: $(rows) of $2 ($(per_kind)); tail $(kill -0 "$TPID" 2>/dev/null && echo runs || echo "is gone")" \
		"journal: $(wc -l <"$T/cr.journal" | tr -d ' ') attempts in $(find "$JD_DIR" -name '*.journal*' | wc -l) files; journald $(kill -0 "$JD_PID" 2>/dev/null && echo runs || echo "is gone")" \
		"journal attempts vs journal rows: $(diff "$T/cr.journal" "$T/cr.jrows" | grep '^[<>]' | head -6 | tr '\n' ' ')" \
		"file: $(wc -l <"$T/cr.file" | tr -d ' ') attempts; vs file rows: $(diff "$T/cr.file" "$T/cr.frows" | grep '^[<>]' | head -6 | tr '\n' ' ')" \
		"tail's stderr: $(tail -n 8 "$T/err" | cut -c 1-200)"
}

check "private systemd-journald starts" jd_start
: >"$LOG"
start
jd_feed J1; ffeed F1
check_rows "journal and file read by one tail" 10
eq "five attempts from each" "file=5 journal=5" "$(per_kind)"

kill -KILL "$TPID"; wait "$TPID" 2>/dev/null; TPID=""
jd_feed J2; ffeed F2
start
check_rows "after SIGKILL and restart, both resumed" 20
eq "each source's attempts once" "file=10 journal=10" "$(per_kind)"
eq "no attempt stored twice" 0 "$(dups)"
jd_feed J3; ffeed F3
check_rows "both followed after the restart" 30
kill -TERM "$TPID"; wait "$TPID"; eq "tail exits 0 on SIGTERM" 0 $?; TPID=""
eq "all thirty once" "file=15 journal=15 0" "$(per_kind) $(dups)"

status "stdin with the journal is refused" 2 "$BW" --db "$DB" --rules "$RULES" tail --journal-dir "$JD_DIR" -
check "and says why" grep -q "stdin (-) cannot be followed together with the journal" "$T/.err"
finish
