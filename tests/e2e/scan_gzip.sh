#!/bin/sh
# scan_gzip: damaged .gz files are bad input (exit 2) named with what is
# wrong with the gzip data: one that ends early keeps every complete line
# before the cut, says so, and stores nothing twice when scanned again; one
# whose header is damaged says gzip, not a read failure (exit 1).
. "$(dirname "$0")/lib.sh"
export TZ=UTC
DB=$T/g.db
scan() { "$BW" --db "$DB" --rules "$RULES" scan "$@"; }
rows() { sql "$DB" "SELECT count(*) FROM deliveries"; }

# A log big enough for several gzip blocks, its compressed copy, and that
# copy cut in the middle.
for i in 1 2 3 4 5 6 7 8; do sed "s/mx1/mx$i/" "$TOP/samples/postfix-loopback.log"; done >"$T/mail.log"
gzip -9 -c "$T/mail.log" >"$T/full.gz"
size=$(wc -c <"$T/full.gz")
head -c $((size / 2)) "$T/full.gz" >"$T/cut.gz"
# What a reader gets from the cut copy, without its partial last line: the
# rows scan must store from it, counted by scanning that text as a plain log.
gzip -dc "$T/cut.gz" 2>/dev/null | sed '$d' >"$T/prefix.log"
touch -r "$T/cut.gz" "$T/prefix.log"
"$BW" --db "$T/p.db" --rules "$RULES" scan "$T/prefix.log" >/dev/null 2>&1
kept=$(sql "$T/p.db" "SELECT count(*) FROM deliveries")
"$BW" --db "$T/all.db" --rules "$RULES" scan "$T/mail.log" >/dev/null 2>&1
all=$(sql "$T/all.db" "SELECT count(*) FROM deliveries")

status "scan of a .gz that ends early" 2 scan "$T/cut.gz"
check "... names the file and says the gzip data ends early" \
	grep -q "^bouncewatch: warning: $T/cut.gz: the gzip data ends early (a truncated file?); the complete lines before it are stored ([0-9]* read by this scan), not the [0-9]* bytes of the line it cuts" "$T/.err"
check "... and still prints its summary" grep -q '^scan: 1 file, ' "$T/.out"
eq "... the rows of the complete lines before the cut are stored" "$kept" "$(rows)"
check "... which is some but not all of the log ($kept of $all)" test "$kept" -gt 0 -a "$kept" -lt "$all"
status "scanned again" 2 scan "$T/cut.gz"
eq "... nothing stored twice" "$kept" "$(rows)"
check "... says it again" grep -q "cut.gz: the gzip data ends early" "$T/.err"

sed 's/mx1/mx9/' "$TOP/samples/postfix-loopback.log" >"$T/next.log"
status "with a good file after it" 2 scan "$T/cut.gz" "$T/next.log"
check "... and the good file is scanned" test "$(rows)" -gt "$kept"

# A damaged header: the compression method byte (RFC 1952 2.3.1, CM = 8).
python3 -c 'import sys
d = bytearray(open(sys.argv[1], "rb").read()); d[2] = 99
open(sys.argv[2], "wb").write(d)' "$T/full.gz" "$T/badhead.gz"
status "scan of a .gz with a damaged header" 2 scan "$T/badhead.gz"
check "... says gzip" grep -q "^bouncewatch: $T/badhead.gz: cannot read the start of the file: damaged gzip data (unknown compression method)" "$T/.err"

# Damage in the middle of the compressed data.
python3 -c 'import sys
d = bytearray(open(sys.argv[1], "rb").read())
for i in range(len(d) // 2, len(d) // 2 + 64): d[i] ^= 0x5a
open(sys.argv[2], "wb").write(d)' "$T/full.gz" "$T/mid.gz"
status "scan of a .gz damaged in the middle" 2 "$BW" --db "$T/m.db" --rules "$RULES" scan "$T/mid.gz"
check "... says damaged gzip data" grep -q "^bouncewatch: warning: $T/mid.gz: damaged gzip data (" "$T/.err"

status "the undamaged .gz: exit 0" 0 "$BW" --db "$T/f.db" --rules "$RULES" scan "$T/full.gz"
check "... without a word about gzip" test ! -s "$T/.err"
