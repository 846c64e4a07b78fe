#!/bin/sh
# Mail security gateways' and filtering services' published reply tables
# (Mimecast, Proofpoint, Barracuda, Trend Micro, Cisco Secure Email, ...)
# and the public block lists' own reply texts, in the frames a log shows
# them: as the table gives them, with and without the enhanced status code,
# split over the lines of a multi-line reply as Postfix joins them, and
# quoted after another server's words ("Remote server returned ... ->").
# Next to each, a near miss the rule must not take. Through `bouncewatch
# rules classify` on the shipped patterns/ directory.
. "$(dirname "$0")/lib.sh"

# verdict NAME CATEGORY BLOCK REPLY (verdicts.sh): classified in one batch
# when the script finishes.
. "$(dirname "$0")/verdicts.sh"

# columns NAME "PROVIDER<TAB>BLOCKLIST" REPLY: the reply, without a relay
# host or recipient domain, names PROVIDER and the list id BLOCKLIST.
columns() {
	eq "$1" "$2" "$(printf '%s\n' "$3" | "$BW" --rules "$RULES" rules classify | cut -f5,6)"
}

# Mimecast's SMTP error code table (its support article, as Sisimai's
# Rhost/Mimecast.pm lists it).
verdict "mimecast greylisting with its enhanced code" greylist no \
	"451 4.7.1 Internal resource is temporarily unavailable - https://community.mimecast.com/docs/DOC-1369#451"
verdict "mimecast greylisting split over two lines" greylist no \
	"451-4.7.1 Internal resources 451 4.7.1 are temporarily unavailable - https://community.mimecast.com/docs/DOC-1369#451"
verdict "mimecast spf sender invalid, the table's case" auth no \
	"550 Spf Sender Invalid - envelope rejected - https://community.mimecast.com/docs/DOC-1369#550"
verdict "mimecast dkim sender invalid with its enhanced code" auth no "550 5.7.1 DKIM Sender Invalid - envelope rejected"
verdict "mimecast host network with a comma" blocklist yes \
	"554 Host network, not allowed - https://community.mimecast.com/docs/DOC-1369#554"
verdict "mimecast administrative prohibition quoted by Exchange Online" other no \
	"550 5.7.1 Remote server returned message denied by administrative policy -> Administrative prohibition - envelope blocked - https://community.mimecast.com/docs/DOC-1369#550"
verdict "mimecast host network quoted by Exchange Online" blocklist yes \
	"550 5.7.1 Remote server returned an error -> 554 Host network not allowed - https://community.mimecast.com/docs/DOC-1369#554"
verdict "mimecast invalid recipients quoted" reputation yes \
	"450 4.4.7 Message delayed -> 451 Recipient temporarily unavailable - https://community.mimecast.com/docs/DOC-1369#451"
columns "mimecast spf sender invalid names mimecast" "mimecast	" \
	"550 5.7.1 SPF Sender Invalid - envelope rejected - https://community.mimecast.com/docs/DOC-1369#550"
# Near misses: another server's "Invalid recipient" (not Mimecast's), the
# bare "Recipient temporarily unavailable" (any server's words), a 2xx.
columns "another server's invalid recipient is not mimecast's" "	" "553 Invalid recipient user@example.org (Mode: normal)"
verdict "bare recipient temporarily unavailable" other no "451 4.4.1 Recipient temporarily unavailable"
verdict "host network words in a 250" other no "250 Host network not allowed - noted"

# Trend Micro: Email Security's ERS tag after "Recipient address rejected:"
# (the sending IP on its Quick IP List, not the recipient), Deep Discovery
# Email Inspector's fixed ERS texts; near misses: its NO-DOMAIN tag (the
# recipient domain not set up), a recipient refused for another reason.
verdict "trend micro ERS-QIL tag" blocklist yes "554 5.7.1 <user@example.org>: Recipient address rejected:  ERS-QIL."
verdict "trend micro ERS-QIL tag, deferred" blocklist yes "450 4.7.1 <user@example.org>: Recipient address rejected: ERS-QIL."
columns "trend micro ERS-QIL names the service and its list" "trendmicro-hes	trendmicro" \
	"554 5.7.1 <user@example.org>: Recipient address rejected: ERS-QIL."
verdict "trend micro DDEI zombie match" blocklist yes "450 Temporary denial of connection (450) for Zombie matches (ERS)"
columns "trend micro DDEI RBL+ match names the list" "	trendmicro" "550 Permanent denial of connection (550) for RBL+ matches (ERS)"
verdict "trend micro NO-DOMAIN is not the sender" relay-denied no "554 5.7.1 <user@example.com>: Recipient address rejected: NO-DOMAIN."
verdict "a recipient tag that is not ERS" user-unknown no "554 5.7.1 <user@example.org>: Recipient address rejected: ERS-USER-UNKNOWN."
verdict "DDEI's own block without ERS" other no "521 Block permanently (Sender Filtering/Authentication)"

# Cisco Secure Email (IronPort): the default header-size refusal without
# its '#' code is still the message's size, not content.
verdict "cisco header size without its code" size no "552 message header size exceeds limit"

# The public lists' own texts: the list column names the operator
# (blocklists.conf), in Postfix's and Exim's frames; near misses: a URI
# list's zone (a domain of the message), an allow list, a resolver error.
columns "exim black list names PSBL" "	psbl" "550 Rejected because 192.0.2.1 is in a black list at psbl.surriel.com"
columns "exim black list names UCEPROTECT, two lines" "	uceprotect" \
	"550-Rejected because 192.0.2.1 is in a black list at dnsbl-1.uceprotect.net 550 IP 192.0.2.1 is UCEPROTECT-Level1 listed."
columns "postfix names NordSpam" "	nordspam" "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using bl.nordspam.com"
columns "postfix names 0spam" "	0spam" "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using bl.0spam.org"
columns "postfix names 0spam's older zone" "	0spam" "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using 0spam.fusionzero.com"
columns "exim names LashBack's UBL" "	lashback" "550 Rejected because 192.0.2.1 is in a black list at ubl.unsubscore.com"
columns "mimecast quoting the PBL names both" "mimecast	spamhaus" \
	"550 zen.mimecast.org Listed by PBL, see https://check.spamhaus.org/query/ip/192.0.2.66"
verdict "exim black list" blocklist yes "550 Rejected because 192.0.2.1 is in a black list at psbl.surriel.com"
verdict "exim black list at a URI list" content no "550 Rejected because 192.0.2.1 is in a black list at multi.uribl.com"
verdict "exim black list at an allow list" other no "550 Rejected because 192.0.2.1 is in a black list at list.dnswl.org"
verdict "spamhaus open resolver" other no \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org; Error: open resolver; https://check.spamhaus.org/returnc/pub/192.0.2.5"

finish
