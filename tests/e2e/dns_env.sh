# A real DNS server for the DNS tests: unbound (Debian package unbound) on a
# free loopback port, serving only test data; sourced after lib.sh.
#
# dns_start writes $T/dns/unbound.conf and starts unbound in the foreground
# (stopped by pid at exit). It answers from local zones:
#   - the block lists of patterns/dnsbl.conf under their real names
#     (zen.spamhaus.org ...), listing only test addresses;
#   - test domains good.test (SPF pass for 203.0.113.0/24, DKIM s2 valid,
#     s1 missing, DMARC p=none), broken.test (SPF -all elsewhere, DKIM s1
#     revoked, DMARC with a bad policy) and their PTR records;
#   - slow.dnsbl.test: a stub zone whose server never answers (a bound UDP
#     socket that reads nothing), so queries time out;
#   - servfail.dnsbl.test: a stub zone whose only server unbound may not
#     ask (do-not-query-address), so it answers SERVFAIL at once.
# Everything else is NXDOMAIN (local-zone "." static): nothing leaves the
# machine. DNS_RESOLVER is 127.0.0.1:PORT for --resolver.
dns_free_port() {
	python3 - "$1" <<'PY'
import random, socket, sys
rnd = random.Random(int(sys.argv[1]))
for _ in range(200):
    p = rnd.randrange(20000, 60000)
    try:
        u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(("127.0.0.1", p))
        t = socket.socket(socket.AF_INET, socket.SOCK_STREAM); t.bind(("127.0.0.1", p))
        u.close(); t.close(); print(p); sys.exit(0)
    except OSError:
        pass
sys.exit(1)
PY
}

# dns_query NAME TYPE: prints the rcode and answers as the server gives them
# (a readiness probe and a cross-check independent of bouncewatch).
dns_query() {
	python3 - "$DNS_PORT" "$1" "$2" <<'PY'
import socket, struct, sys
port, name, qtype = int(sys.argv[1]), sys.argv[2], {"A": 1, "TXT": 16, "PTR": 12}[sys.argv[3]]
q = struct.pack(">HHHHHH", 0x1234, 0x0100, 1, 0, 0, 0)
q += b"".join(bytes([len(l)]) + l.encode() for l in name.strip(".").split(".")) + b"\0"
q += struct.pack(">HH", qtype, 1)
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(1)
s.sendto(q, ("127.0.0.1", port))
r = s.recv(4096)
print("rcode", r[3] & 15, "answers", struct.unpack(">H", r[6:8])[0])
PY
}

dns_start() {
	D="$T/dns"
	mkdir -p "$D"
	DNS_PORT=$(dns_free_port $$) || { notok "a free loopback port for unbound"; exit 1; }
	DNS_SLOW_PORT=$(dns_free_port $(($$ + 7))) || { notok "a free port for the silent server"; exit 1; }
	DNS_RESOLVER="127.0.0.1:$DNS_PORT"
	# A server that never answers: the socket is bound, nothing reads it.
	python3 -c 'import socket,sys,time; s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM); s.bind(("127.0.0.1",int(sys.argv[1]))); open(sys.argv[2],"w").close(); time.sleep(3600)' \
		"$DNS_SLOW_PORT" "$D/silent.ready" &
	DNS_SILENT_PID=$!
	at_exit "kill $DNS_SILENT_PID 2>/dev/null"
	dns_write_conf
	dns_run
	# The test zones list: the shipped lists plus the slow and failing ones.
	cp "$TOP/patterns/dnsbl.conf" "$D/zones.conf"
	cat >> "$D/zones.conf" <<ZONES

[slow]
zone     = slow.dnsbl.test
code     = 127.0.0.2 SLOW listed

[broken]
zone     = servfail.dnsbl.test
code     = 127.0.0.2 BROKEN listed
ZONES
}

# dns_restart: the same server on the same port with new data (after
# DNS_ZEN_LISTED=0: 203.0.113.7 delisted from zen).
dns_restart() {
	kill "$DNS_PID"; wait "$DNS_PID" 2>/dev/null
	dns_write_conf
	dns_run
}

dns_run() {
	unbound -d -c "$D/unbound.conf" >"$D/unbound.stderr" 2>&1 &
	DNS_PID=$!
	at_exit "kill \$DNS_PID 2>/dev/null"
	if ! wait_until 60 dns_ready; then
		notok "unbound answers on $DNS_RESOLVER" "$(cat "$D/unbound.stderr" "$D/unbound.log" 2>/dev/null | tail -5)"
		exit 1
	fi
}

dns_write_conf() {
	zen_listing=""
	[ "${DNS_ZEN_LISTED:-1}" = 1 ] && zen_listing='	local-data: "7.113.0.203.zen.spamhaus.org. 300 A 127.0.0.4"
	local-data: '"'"'7.113.0.203.zen.spamhaus.org. 300 TXT "https://check.spamhaus.org/results?query=203.0.113.7"'"'"
	[ -n "${dkim_txt:-}" ] || dkim_key=$(openssl genrsa 2048 2>/dev/null | openssl rsa -pubout 2>/dev/null | grep -v '^-----' | tr -d '\n')
	[ -n "${dkim_txt:-}" ] || [ -n "$dkim_key" ] || { notok "openssl makes a DKIM test key"; exit 1; }
	# A TXT string holds at most 255 bytes: the key is split like a real zone's.
	[ -n "${dkim_txt:-}" ] || dkim_txt=$(printf 'v=DKIM1; k=rsa; p=%s' "$dkim_key" | fold -w 200 | sed 's/.*/"&"/' | tr '\n' ' ')
	cat > "$D/unbound.conf" <<CONF
server:
	interface: 127.0.0.1@$DNS_PORT
	port: $DNS_PORT
	do-daemonize: no
	username: ""
	chroot: ""
	directory: "$D"
	pidfile: ""
	use-syslog: no
	logfile: "$D/unbound.log"
	verbosity: 1
	num-threads: 1
	do-ip6: no
	so-reuseport: no
	access-control: 127.0.0.0/8 allow
	module-config: "iterator"
	do-not-query-localhost: no
	do-not-query-address: 127.0.0.2
	udp-connect: no
	cache-max-ttl: 0
	cache-max-negative-ttl: 0
	local-zone: "." static
	local-zone: "slow.dnsbl.test." transparent
	local-zone: "servfail.dnsbl.test." transparent

	# Block lists (real names, test data only).
	local-zone: "zen.spamhaus.org." static
$zen_listing
	local-data: "8.113.0.203.zen.spamhaus.org. 300 A 127.255.255.254"
	local-data: "7.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.zen.spamhaus.org. 300 A 127.0.0.3"
	local-zone: "b.barracudacentral.org." static
	local-data: "9.113.0.203.b.barracudacentral.org. 300 A 10.0.0.1"
	local-zone: "bl.spamcop.net." static
	local-data: "8.113.0.203.bl.spamcop.net. 300 A 127.0.0.2"
	local-data: '8.113.0.203.bl.spamcop.net. 300 TXT "Blocked - see https://www.spamcop.net/bl.shtml?203.0.113.8"'
	local-zone: "dnsbl-1.uceprotect.net." static
	local-zone: "bl.mailspike.net." static
	local-zone: "psbl.surriel.com." static
	local-zone: "fail.dnsbl.test." static
	local-data: "7.113.0.203.fail.dnsbl.test. 300 A 127.0.0.2"

	# Reverse DNS of the test senders.
	local-zone: "113.0.203.in-addr.arpa." static
	local-data-ptr: "203.0.113.7 mail.good.test"
	local-data-ptr: "203.0.113.8 mail.ok.test"

	# good.test: PTR ok, FCrDNS fails (mail.good.test is another address),
	# SPF pass, DKIM s2 present, s1 missing, DMARC p=none.
	local-zone: "good.test." static
	local-data: "mail.good.test. 300 A 198.51.100.1"
	local-data: 'good.test. 300 TXT "v=spf1 ip4:203.0.113.0/24 -all"'
	local-data: 's2._domainkey.good.test. 300 TXT $dkim_txt'
	local-data: '_dmarc.good.test. 300 TXT "v=DMARC1; p=none; rua=mailto:dmarc@good.test"'

	# ok.test: FCrDNS ok, HELO ok.
	local-zone: "ok.test." static
	local-data: "mail.ok.test. 300 A 203.0.113.8"
	local-data: 'ok.test. 300 TXT "v=spf1 a:mail.ok.test ~all"'
	local-data: '_dmarc.ok.test. 300 TXT "v=DMARC1; p=reject; adkim=s; aspf=s"'

	# broken.test: SPF fail, DKIM s1 revoked, s3 garbage, DMARC bad policy.
	local-zone: "broken.test." static
	local-data: 'broken.test. 300 TXT "v=spf1 ip4:192.0.2.1 -all"'
	local-data: 's1._domainkey.broken.test. 300 TXT "v=DKIM1; k=rsa; p="'
	local-data: 's3._domainkey.broken.test. 300 TXT "v=DKIM1; k=rsa; p=not*base64!"'
	local-data: '_dmarc.broken.test. 300 TXT "v=DMARC1; p=maybe"'

	# permerror.test: an SPF record libspf2 cannot read.
	local-zone: "permerror.test." static
	local-data: 'permerror.test. 300 TXT "v=spf1 ip4:300.1.1.1 bogus:x -all"'

stub-zone:
	name: "slow.dnsbl.test."
	stub-addr: 127.0.0.1@$DNS_SLOW_PORT
stub-zone:
	name: "servfail.dnsbl.test."
	stub-addr: 127.0.0.2
CONF
	unbound-checkconf "$D/unbound.conf" >"$D/checkconf.out" 2>&1 ||
		{ notok "unbound-checkconf accepts the test configuration" "$(cat "$D/checkconf.out")"; exit 1; }
}

dns_ready() { [ -e "$D/silent.ready" ] && dns_query good.test TXT 2>/dev/null | grep -q '^rcode 0 answers 1'; }
