#!/bin/sh
# tests/corpus/tools/paste_variants.py on a small fixture: three rules, two
# dev rows and a test row (never read). Exact counts: the variants made per
# kind, the masked IPs and address that the fixture's rules cannot read, the
# wrapped replies they read, and the kinds the engine reads through (none
# changed); --base, --kinds, --diff and the usage errors.
. "$(dirname "$0")/lib.sh"
PV="$TOP/tests/corpus/tools/paste_variants.py"
mkdir "$T/p"
cat >"$T/p/fx.rules" <<'RULES'
[fx-listed]
provider   = generic
category   = blocklist
block      = yes
match      = ^550 5\.7\.1 Client host \[(?<ip>\d+\.\d+\.\d+\.\d+)\] blocked
example    = 550 5.7.1 Client host [192.0.2.7] blocked using a list
example_ip = 192.0.2.7

[fx-unknown]
provider = generic
category = user-unknown
block    = no
match    = ^550 5\.1\.1 <[^@>\s]+@[a-z.]+>: Recipient address rejected
example  = 550 5.1.1 <j.doe@example.org>: Recipient address rejected: User unknown in virtual mailbox table

[fx-queue]
provider = generic
category = other
block    = no
match    = ^451 4\.7\.1 The server's queue is full$
example  = 451 4.7.1 The server's queue is full
RULES
{
	printf 'a1\tdev\tfixture\t\t\t550 5.7.1 Client host [198.51.100.9] blocked using zen.spamhaus.org; see the list for the reason\n'
	printf 'a2\ttest\tfixture\t\t\t550 5.7.1 Client host [198.51.100.8] blocked\n'
	printf 'a3\tdev\tfixture\t\t\t451 4.7.1 The server'"'"'s queue is full\n'
} >"$T/fx.tsv"
check "fixture rules compile" "$BW" --rules "$T/p" rules check

python3 "$PV" "$BW" "$T/p" "$T/fx.tsv" --base "$BW" "$T/p" --diff >"$T/out" 2>&1
rc=$?
sed 's/^/# /' "$T/out"
eq "runs" 0 "$rc"
check "dev rows and examples only (the test row is not read)" \
	grep -qx 'seed 1: 2 dev rows and 3 rule examples, 33 variants' "$T/out"
# kind: variants (a reply with the characters or the gap the kind needs)
for kv in entities:3 numeric:3 typo-quotes:2 nbsp:5 zero-width:5 mask-ip:2 mask-addr:1 wrap:2 quote:5 backticks:5; do
	k=${kv%:*} n=${kv#*:}
	got=$(awk -v k="$k" '/^this tree/ { on = 1 } /^base/ { on = 0 } on && $1 == k { print $2 }' "$T/out")
	eq "$k: $n variants" "$n" "${got:-0}"
done
# a masked IP: fx-listed reads digits; the engine reads "[x.x.x.x]" (the
# example's, seed 1) as an address, "[IP]" (the dev row's) is a word: it
# changes (category and block; the provider stays: no rule names one). The
# wrapped replies read the same.
eq "mask-ip: the word changed, x.x.x.x read as an address" "1 1 1 0" \
	"$(awk '/^this tree/ { on = 1 } on && $1 == "mask-ip" { print $3, $4, $5, $6; exit }' "$T/out")"
eq "mask-addr: the address as seed 1 masks it changed" "1 1 0 0" \
	"$(awk '/^this tree/ { on = 1 } on && $1 == "mask-addr" { print $3, $4, $5, $6; exit }' "$T/out")"
eq "wrap: none changed" "0" "$(awk '/^this tree/ { on = 1 } on && $1 == "wrap" { print $3; exit }' "$T/out")"
# The engine reads a paste as the server's reply (src/reply_paste.h, the
# marks in src/reply_frame.h): these kinds change no verdict of the fixture.
for k in entities numeric typo-quotes nbsp zero-width quote backticks; do
	eq "$k: read as the reply" "0" "$(awk -v k="$k" '/^this tree/ { on = 1 } on && $1 == k { print $3; exit }' "$T/out")"
done
eq "--base: the same tree gives the same table" \
	"$(sed -n '/^this tree/,/^  all/p' "$T/out" | tail -n +2)" "$(sed -n '/^base/,/^  all/p' "$T/out" | tail -n +2)"
eq "--diff: one line per changed mask-ip variant" 1 "$(grep -c '^mask-ip	' "$T/out")"
check "--diff: the masked variant and its old and new verdicts" \
	grep -q '^mask-ip	.*Client host \[198.51.100.9\].*	blocklist/yes/ fx-listed	/no/ $' "$T/out"
python3 "$PV" "$BW" "$T/p" "$T/fx.tsv" --kinds mask-ip,wrap --seed 7 >"$T/k" 2>&1
check "--kinds: only the kinds asked" grep -qx 'seed 7: 2 dev rows and 3 rule examples, 4 variants' "$T/k"
eq "--kinds: no other row" "" "$(awk '$1 == "quote" || $1 == "nbsp"' "$T/k")"
python3 "$PV" "$BW" "$T/p" "$T/fx.tsv" --exclude-source '^fix' --kinds wrap >"$T/x" 2>&1
check "--exclude-source: the dev rows of that source left out" grep -qx 'seed 1: 0 dev rows and 3 rule examples, 1 variants' "$T/x"
status "usage: --exclude-source that does not compile" 2 python3 "$PV" "$BW" "$T/p" "$T/fx.tsv" --exclude-source '('
status "usage: a kind that does not exist" 2 python3 "$PV" "$BW" "$T/p" "$T/fx.tsv" --kinds nosuch
status "usage: too few arguments" 2 python3 "$PV" "$BW" "$T/p"
status "usage: --base without its two arguments" 2 python3 "$PV" "$BW" "$T/p" "$T/fx.tsv" --base "$BW"
