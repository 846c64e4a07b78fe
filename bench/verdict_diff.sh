#!/bin/sh
# verdict_diff.sh - the classifier's verdicts of two builds, reply by reply
#
# usage: sh bench/verdict_diff.sh BASE_REV [RULES_DIR]
#
# Builds classify_bench (this tree's bench/classify_bench.c) against the
# library of commit BASE_REV and against this tree's, classifies the same
# replies with both (`classify_bench --verdicts`, the same RULES_DIR,
# default patterns) and compares every field of every verdict: rule,
# category, block, sending IP, provider, pool, pool_listed, blocklist,
# foreign, worded_as and the advice. The replies: 20,000 of loggen's
# (seed 1), every reply of tests/corpus/replies.tsv, the dev rows of
# tests/corpus/independent.tsv (never its test rows: the differences this
# prints are read, and a test row read is no longer unseen) and every rule
# example, each
# as a bounce and as a deferral, with and without its relay and recipient
# domain, upper-cased, and 5,000 made of corpus replies spliced with
# address-like tokens (seed 1). Prints the count and exits 0 when every
# verdict is the same, else prints the first differences and exits 1.
# Work files go to $O/verdict_diff (O defaults to build).
set -u
cd "$(dirname "$0")/.."
export LC_ALL=C
[ $# -ge 1 ] || { echo "usage: sh bench/verdict_diff.sh BASE_REV [RULES_DIR]" >&2; exit 2; }
BASE=$1
RULES=${2:-patterns}
O=${O:-build}
W=$O/verdict_diff
die() { echo "verdict_diff: $*" >&2; exit 1; }

rm -rf "$W"
mkdir -p "$W/base" || die "cannot create $W"
git archive "$BASE" | tar -x -C "$W/base" || die "git archive $BASE failed"
cp bench/classify_bench.c bench/replies.h "$W/base/bench/"
make -s -C "$W/base" O=build build/classify_bench >"$W/base.build" 2>&1 ||
	die "building $BASE failed (see $W/base.build)"
make -s O="$O" "$O/classify_bench" "$O/loggen" >"$W/new.build" 2>&1 ||
	die "building this tree failed (see $W/new.build)"

# The replies, as loggen writes them: status, dsn, domain, relay, reply.
"$O/loggen" --seed 1 --replies 20000 >"$W/replies.tsv" || die "loggen failed"
{
	awk -F'\t' 'NR > 1 && $1 != "" { print "\t\t" $1 }' tests/corpus/replies.tsv
	awk -F'\t' '!/^#/ && NF >= 6 && $2 == "dev" { print $4 "\t" $5 "\t" $6 }' tests/corpus/independent.tsv
	sed -n 's/^example *= *//p' "$RULES"/*.rules | awk '{ print "\t\t" $0 }'
} >"$W/texts.tsv"	# relay, domain, reply
awk -F'\t' '{
	print "bounced\t5.0.0\t" $2 "\t" $1 "\t" $3
	print "deferred\t4.0.0\t" $2 "\t" $1 "\t" $3
	print "bounced\t5.0.0\t\t\t" $3
	print "deferred\t4.0.0\t\t\t" toupper($3)
}' "$W/texts.tsv" >>"$W/replies.tsv"
awk -F'\t' 'BEGIN { srand(1)
	n = split("192.0.2.1|192.0.2.1.|[198.51.100.7]|10.0.0.256|1.2.3.04|0.0.0.0|127.0.0.1|::1|::|" \
		  "2001:db8::1|2001:DB8::A:|ffff::192.0.2.3|a:b|1.2.3|1.2.3.4.5|deadbeef|cafe::|- 4.16.55.1|" \
		  "-5.7.1|4.7.0|12:00:01|fe80::1%eth0|[IPv6:2001:db8::2]|203.0.113.9:25|1.1.1.1.", tok, "|")
	}
	{ t[NR] = $3 }
	END {
		for (i = 0; i < 5000; i++) {
			a = t[int(rand() * NR) + 1]; b = t[int(rand() * NR) + 1]
			s = substr(a, 1, int(rand() * length(a))) " " tok[int(rand() * n) + 1] " " \
			    substr(b, int(rand() * length(b)) + 1)
			print (i % 2 ? "bounced\t5.0.0" : "deferred\t4.0.0") "\t\t\t" s
		}
	}' "$W/texts.tsv" >>"$W/replies.tsv"

"$W/base/build/classify_bench" --verdicts "$RULES" "$W/replies.tsv" >"$W/base.out" ||
	die "$BASE's classify_bench failed"
"$O/classify_bench" --verdicts "$RULES" "$W/replies.tsv" >"$W/new.out" ||
	die "this tree's classify_bench failed"
n=$(wc -l <"$W/replies.tsv")
matched=$(awk -F'\t' '$3 == 1' "$W/new.out" | wc -l)
if cmp -s "$W/base.out" "$W/new.out"; then
	echo "verdict_diff: $n replies ($matched matched a rule): every verdict the same as $BASE's"
	exit 0
fi
echo "verdict_diff: verdicts differ from $BASE's (first differences; replies in $W/replies.tsv):"
diff "$W/base.out" "$W/new.out" | head -20
exit 1
