#!/bin/sh
# journal_scan - `scan --journal-dir` against a real systemd-journald (its own
# mount namespace, see journald_env.sh): entries written through syslog(3)
# (logger) and the journal's native protocol are stored once each, compared
# with `journalctl -o json` read independently; a second scan adds nothing;
# the same entries through a copied file (--journal-file) are not stored
# again; binary MESSAGEs (NUL, invalid UTF-8) are counted; after rotation
# and vacuuming removed the entry of the stored cursor, the scan says so,
# goes on from its time and stores every entry still there exactly once;
# --identifier and --since select.
. "$(dirname "$0")/private_ns.sh"
[ -n "${BW_JD_NS:-}" ] || { private_ns env BW_JD_NS=1 sh "$0" "$@"; exit $?; }
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/journald_env.sh"

DB="$T/j.db"
scan() { "$BW" --db "$DB" --rules "$RULES" scan "$@"; }
snap() { jd_sync; jd_json "$T/snap.json"; }
expected() { python3 "$TOP/tests/e2e/journal_attempts.py" "$T/snap.json"; }
stored() { sql "$DB" "SELECT queue_id || '|' || recipient || '|' || status FROM deliveries
	WHERE recipient IS NOT NULL ORDER BY 1"; }
field() { sed -n "s/.* \([0-9][0-9]*\) $1.*/\1/p" "$T/out"; }

check "private systemd-journald starts" jd_start
jd_feed A; jd_feed B; snap
n_exp=$(expected | wc -l)
scan --journal-dir "$JD_DIR" >"$T/out" 2>&1
eq "scan --journal-dir (exit 0)" 0 $?
eq "every attempt of the journal stored once" "$(expected)" "$(stored)"
eq "ten attempts in two feeds" 10 "$n_exp"
eq "rows name the journal's host and program" "postfix/smtp" \
	"$(sql "$DB" "SELECT DISTINCT program FROM deliveries")"
scan --journal-dir "$JD_DIR" >"$T/out" 2>&1
eq "second scan reads nothing new" "0" "$(field 'lines read')"

# The same entries through a copy of the archived file: same identity.
jd_rotate; jd_sync
arch=$(find "$JD_DIR" -name 'system@*.journal' | head -1)
cp "$arch" "$T/copy.journal"
scan --journal-file "$T/copy.journal" >"$T/out" 2>&1
eq "a copy's entries are already stored" "0 10" "$(field 'deliveries stored') $(field 'already stored')"

# Binary MESSAGEs through the native protocol (systemd.journal-fields(7),
# sd_journal_sendv: a field whose value holds a newline or is binary is sent
# as NAME\n, a little-endian 64-bit length, the bytes, \n).
python3 - <<'PYEOF'
import socket, struct
def field(name, value):
    return name + b"\n" + struct.pack("<Q", len(value)) + value + b"\n"
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
for msg in (b"B1E0F1A2C3: to=<nul@gmail.com>, relay=x[192.0.2.1]:25, delay=1, dsn=2.0.0, status=sent (250 ok\0hidden)",
            b"BAD2E0F1A2: to=<bad@gmail.com>, relay=x[192.0.2.1]:25, delay=1, dsn=5.7.1, status=bounced (550 5.7.1 caf\xe9 \xff refused)"):
    s.sendto(field(b"MESSAGE", msg) + b"SYSLOG_IDENTIFIER=postfix/smtp\nSYSLOG_PID=4242\n",
             "/run/systemd/journal/socket")
PYEOF
snap
scan --journal-dir "$JD_DIR" >"$T/out" 2>&1
eq "a MESSAGE with NUL is counted, not stored" "1" "$(field 'with NUL')"
eq "invalid UTF-8 is repaired and stored" "1 1" "$(field repaired) $(field 'deliveries stored')"
eq "the repaired reply" "550 5.7.1 caf? ? refused" \
	"$(sql "$DB" "SELECT reply FROM deliveries WHERE recipient = 'bad@gmail.com'")"
eq "pid and identifier from the fields" "postfix/smtp" \
	"$(sql "$DB" "SELECT program FROM deliveries WHERE recipient = 'bad@gmail.com'")"

# Rotated and vacuumed while stopped: the stored cursor's entry is gone.
jd_feed C; snap; jd_rotate; jd_feed D; snap; jd_rotate; snap
jd_vacuum 1
check "vacuuming removed the archived files" test -z "$(find "$JD_DIR" -name 'system@*.journal')"
jd_feed E; snap
scan --journal-dir "$JD_DIR" >"$T/out" 2>&1; rc=$?
eq "scan after vacuuming (exit 0)" 0 "$rc"
check "a lost cursor is reported" grep -q "no longer in the journal" "$T/out"
# C and D were read by nobody before the vacuum: the journal lost them, and
# the independent reading kept them in its snapshots; E is stored once.
expected | grep -v '[CD]|' >"$T/exp"
eq "after a lost cursor every attempt still there stored once" "$(grep -v '[CD]|' "$T/exp" | wc -l)" \
	"$(stored | grep -v '[CD]|' | wc -l)"
eq "the attempts stored equal the journal's (C, D vacuumed unread)" "$(cat "$T/exp")" "$(stored | grep -v '[CD]|')"

# Choosing entries: another identifier finds none; --since skips by time.
DB="$T/sel.db"
scan --journal-dir "$JD_DIR" --identifier exim >"$T/out" 2>&1
eq "--identifier exim: nothing read" "0" "$(field 'lines read')"
since=$(date +%s.%N)
sleep 0.1
jd_feed F; snap
scan --journal-dir "$JD_DIR" --identifier 'postfix/smtp' --since "@$since" >"$T/out" 2>&1
eq "--since: only the later feed" "5" "$(field 'deliveries stored')"
status "--journal with a file" 2 "$BW" --db "$DB" scan --journal "$T/copy.journal"
status "--journal-dir that is no journal" 2 "$BW" --db "$DB" --rules "$RULES" scan --journal-file "$T/nothing"

# Who may read the journal: root and the groups systemd-journal and adm
# (systemd-journald.service(8), "Access Control"; on a real system
# systemd-tmpfiles gives the files that group, done here by hand), so
# bouncewatch-journal.service runs in group systemd-journal. Without it
# sd-journal skips every file it may not open: that is an error, not an
# empty journal read for ever.
unpriv_bw || notok "a copy of bouncewatch others can run"
chgrp -R systemd-journal "$JD_DIR" && chmod -R g+rX,o-rwx "$JD_DIR" && chmod go+rx "$T/jd" "$T/jd/log"
mkdir -p "$T/u" && chown nobody "$T/u"
as_nobody() { setpriv --reuid=nobody --regid=nogroup "$@"; }
status "as nobody without the group: refused" 2 as_nobody --clear-groups \
	"$UBW" --db "$T/u/a.db" --rules "$URULES" scan --journal-dir "$JD_DIR"
readers="Permission denied (the journal is readable by root and the groups systemd-journal and adm)"
check "... saying who may read it" grep -qF "journal:$JD_DIR: cannot open: $readers" "$T/.err"
# The directories open to all, the files not: sd-journal opens the journal
# and skips every file.
find "$JD_DIR" -type d -exec chmod o+rx {} +
status "files closed to others: refused" 2 as_nobody --clear-groups \
	"$UBW" --db "$T/u/a.db" --rules "$URULES" scan --journal-dir "$JD_DIR"
check "... naming the file" grep -q "journal:$JD_DIR: cannot read $JD_DIR/[0-9a-f]*/system.*\.journal: $readers" "$T/.err"
status "as nobody in group systemd-journal (as the unit runs): read" 0 as_nobody \
	--groups=systemd-journal "$UBW" --db "$T/u/b.db" --rules "$URULES" scan --journal-dir "$JD_DIR"
jd_json "$T/now.json"
DB="$T/u/b.db"
eq "... every attempt the journal holds now stored once" \
	"$(python3 "$TOP/tests/e2e/journal_attempts.py" "$T/now.json")" "$(stored)"
check "... some" test -n "$(stored)"
