#!/bin/sh
# Tail latency (a line appended -> its row committed) while DNS checks run,
# three runs in one go on the same machine and log shape (bench/README.md):
#   none    tail without --resolver (the baseline: no DNS work at all)
#   fast    --resolver at a real unbound on loopback (tests/e2e/dns_env.sh)
#   silent  --resolver at a server that never answers (--dns-timeout 2000,
#           --dns-tries 2: each lookup waits 4 s; the worker's queue fills)
# Every 50th line is an S3140 refusal from a new IP: an episode opens and
# tail asks the resolver about that IP (block lists and self-check).
# usage: sh bench/dns_latency.sh [LINES]   (default 5000 at 500 lines/s)
. "$(dirname "$0")/../tests/e2e/lib.sh"
. "$(dirname "$0")/../tests/e2e/dns_env.sh"
TOP=$(cd "$(dirname "$0")/.." && pwd)	# lib.sh assumes tests/e2e/
BW="${BW_BIN:-$TOP/bouncewatch}"
RULES="$TOP/patterns"
LINES=${1:-5000}
dns_start >/dev/null
run() {
	name=$1; shift
	db="$T/$name.db"; log="$T/$name.log"; : >"$log"
	"$BW" --db "$db" --rules "$RULES" tail "$@" "$log" 2>"$T/$name.err" &
	pid=$!
	i=0; while [ ! -s "$db" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
	printf '  %-7s ' "$name"
	python3 "$TOP/bench/tail_latency.py" "$log" "$db" --lines "$LINES" --rate 500 --block-every 50
	kill -TERM "$pid"; wait "$pid"
	printf '          episodes %s, block-list answers stored %s, self-checks %s\n' \
		"$(sql "$db" 'SELECT count(*) FROM episodes')" "$(sql "$db" 'SELECT count(*) FROM dnsbl_checks')" \
		"$(sql "$db" 'SELECT count(*) FROM selfchecks')"
}
echo "tail latency with DNS checks ($LINES lines at 500/s, one new episode per 50 lines)"
run none
run fast --resolver "$DNS_RESOLVER" --domain good.test --dkim-selector s1
run silent --resolver "127.0.0.1:$DNS_SLOW_PORT" --dns-timeout 2000 --dns-tries 2 --domain good.test --dkim-selector s1
finish
