#!/bin/sh
# dynlib: the libraries only some commands need (libcurl, GMime, c-ares,
# libsystemd, libspf2) are loaded when first needed (src/dynlib.h), so the
# commands monitoring and cron run every minute (check, report, query,
# --version) never map them; a command that needs one it cannot load says
# which library, what for and the Debian package, and stops.
. "$(dirname "$0")/lib.sh"
export TZ=UTC
export BOUNCEWATCH_NOW=1796083200
DB=$T/s.db
HEAVY='libcurl|libgmime|libcares|libsystemd|libspf2|libglib|libgio|libgnutls|libssl|libcrypto'

"$BW" --db "$DB" --rules "$RULES" scan "$TOP"/samples/*.log >/dev/null 2>&1

# 1. Not in the binary's NEEDED list.
readelf -d "$BW" | awk '/NEEDED/ { print $5 }' | tr -d '[]' >"$T/needed"
eq "the binary links none of the libraries loaded at first use" "" \
	"$(grep -E "^($HEAVY)" "$T/needed" | tr '\n' ' ')"
check "it still links SQLite (the check: readelf read the list)" grep -q '^libsqlite3' "$T/needed"

# 2. The everyday commands open none of them (LD_DEBUG=files lists every
# object the dynamic loader opens, at start and by dlopen).
opened() { LD_DEBUG=files "$@" 2>&1 >/dev/null | grep -E 'file=.*\[0\];  (needed|dynamically loaded)' |
	sed 's/.*file=\([^ ]*\).*/\1/' | grep -E "^($HEAVY)" | sort -u | tr '\n' ' '; }
eq "--version opens none of them" "" "$(opened "$BW" --version)"
eq "check opens none of them" "" "$(opened "$BW" --db "$DB" check)"
eq "report --since 1d opens none of them" "" "$(opened "$BW" --db "$DB" report --since 1d)"
eq "query opens none of them" "" "$(opened "$BW" --db "$DB" query 'SELECT count(*) FROM deliveries')"
eq "scan of a file opens none of them" "" "$(opened "$BW" --db "$DB" --rules "$RULES" scan "$TOP/samples/postfix-loopback.log")"

# 3. The command that needs one loads it, by the soname of the library it
# was built against, and works.
case "$(opened "$BW" --db "$T/c.db" --rules "$RULES" arf "$TOP/tests/e2e/data/arf/rfc5965-shape.eml")" in
*libgmime-3.0.so.0*) ok "arf loads GMime at first use" ;;
*) notok "arf loads GMime at first use" "$(LD_DEBUG=files "$BW" --db "$T/c.db" --rules "$RULES" arf "$TOP/tests/e2e/data/arf/rfc5965-shape.eml" 2>&1 | tail -5)" ;;
esac
eq "... and stores the complaint" 1 "$(sql "$T/c.db" "SELECT count(*) FROM complaints")"

# 4. A library that cannot be loaded: a directory on LD_LIBRARY_PATH (searched
# first) holds a file of that soname that is not a library, or a library
# without the functions.
L=$T/lib
mkdir -p "$L"
for so in libgmime-3.0.so.0 libcurl.so.4 libcares.so.2 libsystemd.so.0; do : >"$L/$so"; done
broken() { LD_LIBRARY_PATH=$L "$BW" --db "$T/b.db" --rules "$RULES" "$@"; }
status "arf without GMime" 1 broken arf "$TOP/tests/e2e/data/arf/rfc5965-shape.eml"
check "... names the library, what for and the package" \
	grep -q 'cannot load libgmime-3.0.so.0 (needed for complaint reports (arf); Debian package libgmime-3.0-0): .*libgmime-3.0.so.0' "$T/.err"
check "... and stores nothing" test "$(sql "$T/b.db" "SELECT count(*) FROM complaints" 2>/dev/null || echo 0)" = 0
status "snds fetch without libcurl" 1 broken snds fetch --snds-key k --snds-url http://127.0.0.1:9/
check "... says libcurl4" grep -q 'cannot load libcurl.so.4 (needed for fetching SNDS data; Debian package libcurl4)' "$T/.err"
status "dnsbl check without c-ares" 1 broken dnsbl check 192.0.2.1 --resolver 127.0.0.1:9
check "... says libc-ares2" grep -q 'cannot load libcares.so.2 (needed for .*; Debian package libc-ares2)' "$T/.err"
status "selfcheck without c-ares" 1 broken selfcheck --ip 192.0.2.1 --domain example.org --resolver 127.0.0.1:9
check "... says libc-ares2" grep -q 'selfcheck: cannot load libcares.so.2' "$T/.err"
broken scan --journal --journal-file "$T/none.journal" >"$T/.out" 2>"$T/.err"
check "scan --journal without libsystemd says libsystemd0" grep -q 'cannot load libsystemd.so.0 (needed for reading the journal (--journal); Debian package libsystemd0)' "$T/.err"
status "check still works there (it needs none of them)" 2 env LD_LIBRARY_PATH="$L" "$BW" --db "$DB" check
check "... with its status line" grep -q '^BOUNCEWATCH CRITICAL' "$T/.out"

printf 'int bw_not_gmime;\n' >"$T/stub.c"
cc -shared -fPIC -Wl,-soname,libgmime-3.0.so.0 -o "$L/libgmime-3.0.so.0" "$T/stub.c"
status "arf with a GMime that lacks its functions" 1 broken arf "$TOP/tests/e2e/data/arf/rfc5965-shape.eml"
check "... names the missing function" grep -q 'libgmime-3.0.so.0 has no function g_.* (needed for complaint reports (arf); Debian package libgmime-3.0-0, too old?)' "$T/.err"
