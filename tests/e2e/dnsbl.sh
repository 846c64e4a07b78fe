#!/bin/sh
# dnsbl check and selfcheck against a real DNS server (unbound on loopback,
# tests/e2e/dns_env.sh): listings by published meaning, error answers never
# counted as listings, IPv6 nibbles, TXT reasons, a silent server, SERVFAIL,
# a resolver that is not there, the per-TTL cache; PTR/FCrDNS/HELO/SPF/DKIM/
# DMARC findings with their fixes.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/dns_env.sh"
dns_start
DB="$T/dns.db"
O="--resolver $DNS_RESOLVER --dns-timeout 400 --dns-tries 1"
Z="--dnsbl-zones $D/zones.conf"

status "dnsbl check: some lists cannot be checked" 1 $BW --db "$DB" dnsbl check $O $Z 203.0.113.7 203.0.113.8 203.0.113.9 2001:db8::7
grep '^[0-9]' "$T/.out" > "$T/sum"
eq "summary: listed on zen as XBL" "203.0.113.7 listed on zen (XBL), not on the others; cannot check slow, broken" "$(sed -n 1p "$T/sum")"
eq "Spamhaus 127.255.255.254 is 'cannot check', the real listing is one" \
	"203.0.113.8 listed on spamcop (SCBL), not on the others; cannot check zen, slow, broken" "$(sed -n 2p "$T/sum")"
eq "an undocumented answer is not a listing" "203.0.113.9 not listed on 5 lists; cannot check barracuda, slow, broken" "$(sed -n 3p "$T/sum")"
eq "IPv6 in nibble format" "2001:db8::7 listed on zen (CSS)" "$(sed -n 4p "$T/sum")"
q() { sql "$DB" "SELECT result || '|' || coalesce(codes,'') || '|' || coalesce(labels,'') FROM dnsbl_checks WHERE ip = '$1' AND zone = '$2' ORDER BY id DESC LIMIT 1"; }
eq "stored: zen listing with its code" "listed|127.0.0.4|XBL" "$(q 203.0.113.7 zen)"
eq "stored: the TXT reason" "https://check.spamhaus.org/results?query=203.0.113.7" \
	"$(sql "$DB" "SELECT txt FROM dnsbl_checks WHERE ip = '203.0.113.7' AND zone = 'zen'")"
eq "stored: 127.255.255.254 as an error" "error|127.255.255.254|" "$(q 203.0.113.8 zen)"
eq "stored: garbage answer as an error" "error|10.0.0.1|" "$(q 203.0.113.9 barracuda)"
eq "stored: not listed" "not-listed||" "$(q 203.0.113.9 zen)"
check "a silent server is a timeout" grep -q 'slow: timeout' "$T/.out"
check "SERVFAIL says so" grep -q 'broken: servfail' "$T/.out"
eq "nothing is listed that should not be" "2001:db8::7 zen
203.0.113.7 zen
203.0.113.8 spamcop" "$(sql "$DB" "SELECT ip || ' ' || zone FROM dnsbl_checks WHERE result = 'listed' ORDER BY ip, zone")"
check "the new listings are announced" grep -q '203.0.113.7 is now listed on zen' "$T/.err"

n0=$(sql "$DB" "SELECT count(*) FROM dnsbl_checks")
status "the shipped lists only: all answer" 0 $BW --db "$DB" dnsbl check $O --dnsbl-lists zen,spamcop 203.0.113.7
check "answers within their TTL are reused" grep -q 'stored answer' "$T/.out"
eq "nothing asked again" "$n0" "$(sql "$DB" "SELECT count(*) FROM dnsbl_checks")"
status "--fresh asks again" 0 $BW --db "$DB" dnsbl check $O --dnsbl-lists zen,spamcop --fresh --format json 203.0.113.7
eq "json: two answers, one listed" "2 1" "$(python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); print(len(a), sum(x["result"]=="listed" for x in a))' "$T/.out")"
check "no change reported on the second asking" sh -c "! grep -q 'now listed' '$T/.err'"

# --source-ip supplies the default IPs.
status "default IPs from --source-ip" 0 $BW --db "$DB" dnsbl check $O --dnsbl-lists zen --source-ip mx1=203.0.113.7
check "the --source-ip address was checked" grep -q '^203.0.113.7 listed on zen (XBL)' "$T/.out"

# A resolver that is not there: errors, never listed.
DEAD=$(dns_free_port $(($$ + 3)))
status "no resolver: cannot check" 1 $BW --db "$T/dead.db" dnsbl check --resolver 127.0.0.1:$DEAD --dns-timeout 300 --dns-tries 1 203.0.113.7
eq "no resolver: not a single listing stored" "0" "$(sql "$T/dead.db" "SELECT count(*) FROM dnsbl_checks WHERE result <> 'error'")"
check "no resolver: the message names it" grep -q "cannot check zen" "$T/.out"
status "bad resolver address" 2 $BW --db "$T/dead.db" dnsbl check --resolver 127.0.0.1:99999 203.0.113.7
check "bad resolver: clear message" grep -q "is not ADDRESS\[:PORT\]" "$T/.err"
status "not an IP" 2 $BW --db "$T/dead.db" dnsbl check --resolver "$DNS_RESOLVER" 203.0.113.300
printf '[x]\nzone = a.test\n' > "$T/bad.conf"
status "a zone without codes" 2 $BW --db "$T/dead.db" dnsbl check $O --dnsbl-zones "$T/bad.conf" 203.0.113.7
check "zone list error names file:line" grep -q "bad.conf:1: needs at least one listing code" "$T/.err"

# Many addresses at once: 250 x the 6 shipped lists = 1,500 queries, more than
# a resolver holds at once (unbound: 1,024 per thread). Every one is answered
# (not listed), none lost to a dropped query's timeout.
ips=$(i=0; while [ $i -lt 250 ]; do echo "10.9.$((i / 250)).$((i % 250 + 1))"; i=$((i + 1)); done)
status "250 addresses on every shipped list: all answered" 0 $BW --db "$T/many.db" dnsbl check $O --fresh $ips
eq "1,500 answers stored, none an error" "1500 0" \
	"$(sql "$T/many.db" "SELECT count(*) || ' ' || sum(result = 'error') FROM dnsbl_checks")"

ips=$(i=0; while [ $i -lt 257 ]; do echo "10.8.$((i / 250)).$((i % 250 + 1))"; i=$((i + 1)); done)
status "257 addresses: more than one check takes" 2 $BW --db "$T/many.db" dnsbl check $O $ips
check "... and says so (none silently left out)" grep -q "at most 256 addresses in one check" "$T/.err"
status "the same address twice is checked once" 0 $BW --db "$T/many.db" dnsbl check $O --dnsbl-lists zen 10.8.0.1 10.8.0.1

# selfcheck
status "selfcheck good.test: FCrDNS and DKIM s1 fail" 1 $BW --db "$DB" selfcheck $O --ip 203.0.113.7 \
	--domain good.test --dkim-selector s1 --dkim-selector s2
eq "selfcheck summary" "PTR ok, FCrDNS fails, SPF pass, DKIM key for selector s1 missing, DKIM key for selector s2 ok, DMARC p=none" \
	"$(sed -n 1p "$T/.out")"
check "each failure has a fix" sh -c "[ \$(grep -c '  fix: ' '$T/.out') -eq 3 ]"
eq "selfcheck stored" "1" "$(sql "$DB" "SELECT count(*) FROM selfchecks WHERE ip = '203.0.113.7' AND summary LIKE 'PTR ok, FCrDNS fails%'")"
status "selfcheck broken.test" 1 $BW --db "$DB" selfcheck $O --ip 203.0.113.8 --domain broken.test \
	--helo mail.ok.test --dkim-selector s1 --dkim-selector s3
eq "broken: SPF fail, revoked and garbage keys, bad DMARC" \
	"PTR ok, FCrDNS ok, HELO ok, SPF fail, DKIM key for selector s1 broken, DKIM key for selector s3 broken, DMARC broken" \
	"$(sed -n 1p "$T/.out")"
status "selfcheck ok.test in JSON" 0 $BW --db "$DB" selfcheck $O --ip 203.0.113.8 --domain ok.test --format json
eq "json findings" "ok ok ok ok" "$(python3 -c 'import json,sys; print(" ".join(f["status"] for f in json.load(open(sys.argv[1]))["findings"]))' "$T/.out")"
status "selfcheck: no PTR, SPF permerror" 1 $BW --db "$DB" selfcheck $O --ip 203.0.113.9 --domain permerror.test --helo mail.ok.test
eq "permerror summary" "PTR missing, HELO mismatch, SPF permerror, DMARC missing" "$(sed -n 1p "$T/.out")"
status "selfcheck through a dead resolver" 1 $BW --db "$T/dead.db" selfcheck --resolver 127.0.0.1:$DEAD \
	--dns-timeout 300 --dns-tries 1 --ip 203.0.113.7 --domain good.test
eq "dead resolver: cannot check, no verdict" "PTR cannot be checked, SPF temperror, DMARC cannot be checked" "$(sed -n 1p "$T/.out")"
finish
