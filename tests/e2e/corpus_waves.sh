#!/bin/sh
# corpus_waves: tests/corpus/tools/wave.py end to end on a table of its own
# (tests/e2e/data/waves.tsv): each row becomes a wave of refusals in a Postfix
# log that `bouncewatch scan` reads, and the episodes it opens are read back.
#   a Microsoft S3150 reply                         -> BLOCK
#   the same reply at the same pool again           -> BLOCK (a log of its own:
#                                                      rows never share a pool)
#   Gmail's 5.7.25 PTR reply                        -> CONFIG
#   a refusal no rule calls a block, at a domain of
#   its own and at gmail.com                        -> SUSPECTED (5 recipients),
#                                                      none with 4 (under the
#                                                      detector's default 5)
#   the same with a message id, and with Coremail's
#   session id (NetEase's, as its rules' examples
#   show), with --vary-ids each recipient's own     -> SUSPECTED all the same
#   an unknown user (5.1.1)                         -> none
#   a reply naming the person ("kijitora has left") -> none: each recipient is
#                                                      named in its own reply
#   the limits whose rules say "no" as a tie-break
#   (tie_break = yes: "Too many connections", "Rate
#   limit exceeded", iRedAPD's and PolicyD's quotas,
#   "the total of RCPTs")                           -> SUSPECTED: the wave shows
#                                                      the sender's limit
#   "too many recipients" in one message            -> none
. "$(dirname "$0")/lib.sh"
WAVE=$TOP/tests/corpus/tools/wave.py
TSV=$TOP/tests/e2e/data/waves.tsv

status "wave.py runs" 0 python3 "$WAVE" "$BW" "$RULES" "$TSV" --dev --rows --wave 5 --wave 4
cp "$T/.out" "$T/rows"
# the tie-break rows, W their outcome in each check below
tie="w-connections W w-rate-unnamed W w-throttling W w-quota W w-rcpt-total W w-rcpt-total-any W"
outcomes() { sed -n "s/^ROW $1 \([^ ]*\) [^ ]* this=\([A-Za-z]*\)(.*/\1 \2/p" "$T/rows" | tr '\n' ' '; }
eq "five recipients: each row's episode" \
	"w-s3150 BLOCK w-s3150-again BLOCK w-ptr CONFIG w-hold SUSPECTED w-hold-gmail SUSPECTED w-hold-id SUSPECTED w-hold-session SUSPECTED w-unknown none w-left none $(echo "$tie" | sed 's/ W/ SUSPECTED/g') w-too-many-rcpts none " \
	"$(outcomes 5)"
eq "four recipients: the detector's threshold not reached" \
	"w-s3150 BLOCK w-s3150-again BLOCK w-ptr CONFIG w-hold none w-hold-gmail none w-hold-id none w-hold-session none w-unknown none w-left none $(echo "$tie" | sed 's/ W/ none/g') w-too-many-rcpts none " \
	"$(outcomes 4)"
check "figures: block rows BLOCK and SUSPECTED, per split" \
	grep -q '^  this block=yes 6: BLOCK  33.3 % (2/6), SUSPECTED  66.7 % (4/6), CONFIG   0.0 % (0/6), none   0.0 % (0/6)$' "$T/rows"
check "figures: by category" grep -Eq '^    ptr +block=no +1: +0 +1 +0 +0$' "$T/rows"

status "--base: the baseline's column beside this one" 0 python3 "$WAVE" "$BW" "$RULES" "$TSV" --dev --wave 5 --base "$BW" "$RULES"
check "... both printed" sh -c "grep -q '^  base block=yes 6: BLOCK  33.3 %' '$T/.out' && grep -q '^  this block=yes 6: BLOCK  33.3 %' '$T/.out'"

mkdir "$T/keep"
status "--keep DIR: the logs stay" 0 python3 "$WAVE" "$BW" "$RULES" "$TSV" --dev --wave 5 --keep "$T/keep"
eq "... one log per layer of pools: the two hotmail rows apart" 2 "$(ls "$T/keep" | grep -c '^this-5-[0-9]*\.log$')"
check "... the person named in each reply" sh -c "grep -c 'said: 550 Mail to <bob@example.org> is not read: bob has left' '$T/keep/this-5-0.log' | grep -qx 1"
check "... a 5xx reply bounced with its own enhanced code" \
	grep -q 'to=<alice@example.net>, .* dsn=5\.1\.1, status=bounced (host mx\.rw-unknown\.example\[' "$T/keep/this-5-0.log"

mkdir "$T/vary"
status "--vary-ids: each recipient's reply its own message id" 0 python3 "$WAVE" "$BW" "$RULES" "$TSV" --dev --rows --wave 5 --vary-ids --keep "$T/vary"
cp "$T/.out" "$T/rows"
eq "... the normaliser masks them: the same episodes" \
	"w-s3150 BLOCK w-s3150-again BLOCK w-ptr CONFIG w-hold SUSPECTED w-hold-gmail SUSPECTED w-hold-id SUSPECTED w-hold-session SUSPECTED w-unknown none w-left none $(echo "$tie" | sed 's/ W/ SUSPECTED/g') w-too-many-rcpts none " \
	"$(outcomes 5)"
eq "... five session ids" 5 "$(grep -o 'said: 554 PS:HLD 163 mx14,[A-Za-z0-9]*--\.[0-9][A-Z][0-9] 1665555128 sender' "$T/vary"/this-5-0.log | sort -u | wc -l)"
eq "... five ids, the code and the service name kept" 5 \
	"$(grep -o 'said: 550 5\.7\.0 Message refused by PolicyShield: sender server on hold [a-z][0-9][0-9]-[a-z][0-9][a-z][0-9][a-z][0-9][0-9][a-f]*[0-9]*\.123 - pshield' "$T/vary"/this-5-0.log | sort -u | wc -l)"

status "a bad option is a usage error" 2 python3 "$WAVE" "$BW" "$RULES" "$TSV" --stage later
