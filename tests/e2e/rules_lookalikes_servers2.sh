#!/bin/sh
# More stock mail servers' own texts (the block of tests/e2e/data/
# server_texts.tsv after Zimbra's line: chasquid, Haraka's and qpsmtpd's
# plugins, Postal, ...) that the shared rules misread, beside their near
# misses: each reply's category and block verdict through `bouncewatch rules
# classify`.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/verdicts.sh"

# chasquid: an empty HELO / EHLO (501) is the missing host name (ptr); the
# same words under 503 answer DATA before any HELO (the protocol: other).
verdict "chasquid empty HELO" ptr no \
	"501 Invisible customers are not welcome!"
verdict "chasquid empty HELO with a code" ptr no \
	"501 5.5.2 Invisible customers are not welcome!"
verdict "chasquid DATA before HELO stays other" other no \
	"503 5.5.1 Invisible customers are not welcome!"
# chasquid's recipient checks without their code: the recipient's address
# (user-unknown); the sender's address too long stays the sender's.
verdict "chasquid destination address is invalid without its code" user-unknown no \
	"550 Destination address is invalid"
verdict "chasquid destination address too long without its code" user-unknown no \
	"501 Destination address too long"
verdict "sender address too long stays other" other no \
	"501 5.1.7 Sender address too long"
# Free's "spam detected" is its own only: the same words from a server
# nobody names are a content verdict without a provider (relay TAB domain TAB
# reply through `rules classify --hosts`: category, block, provider).
printf '\t\t554 spam detected\nmx1.free.fr\t\t550 spam detected\n\tfree.fr\t450 spam detected\n' |
	"$BW" --rules "$RULES" rules classify --hosts | cut -f2,3,5 >"$T/free"
eq "spam detected from no named server names no provider" "content	no	" "$(sed -n 1p "$T/free")"
eq "spam detected from Free's relay stays Free's" "content	no	free" "$(sed -n 2p "$T/free")"
eq "spam detected to a Free address, deferred, stays Free's" "content	no	free" "$(sed -n 3p "$T/free")"
finish
