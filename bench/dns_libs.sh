#!/bin/sh
# The DNS library choice, measured: c-ares (what bouncewatch uses, through
# src/dns.c), libunbound and the libc resolver doing the same block-list
# lookups against one real unbound on loopback (tests/e2e/dns_env.sh: test
# zones only, nothing leaves the machine). See bench/dns_libs.c.
# usage: sh bench/dns_libs.sh [IPS] [ROUNDS]   (default 200 addresses x 6 lists, 5 rounds)
. "$(dirname "$0")/../tests/e2e/lib.sh"
. "$(dirname "$0")/../tests/e2e/dns_env.sh"
TOP=$(cd "$(dirname "$0")/.." && pwd)	# lib.sh assumes tests/e2e/
O=${O:-build}
make -s -C "$TOP" "$O/dns_libs" || exit 1
dns_start >/dev/null
"$TOP/$O/dns_libs" "$DNS_PORT" "${1:-200}" "${2:-5}"
