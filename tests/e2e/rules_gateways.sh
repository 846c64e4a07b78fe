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

# Inbound filters' replies quoted by Exchange Online keep their verdict:
# MailChannels' [S10] list block and [S09] greylisting, Email
# Security.cloud's recipient refusal, and Spamhaus' DBL verdict on a domain
# in the message (content: not a block, whatever the list lookup page).
verdict "mailchannels S10 quoted" blocklist yes "550 5.7.1 Remote server returned an error -> 550 [S10] Blocked"
verdict "mailchannels S09 quoted" greylist no "450 4.4.7 Remote server returned an error -> 450 [S09] Try Again Later"
verdict "messagelabs recipient not allowed quoted" user-unknown no \
	"550 5.7.1 Remote server returned an error -> 553 Recipient mailbox is not allowed"
verdict "spamhaus DBL content verdict quoted" content no \
	"550 5.7.1 Remote server returned an error -> 550 5.7.1 Your email was rejected due to having a domain present in the Spamhaus DBL -- see https://www.spamhaus.org/dbl/"
verdict "S10 inside a sentence is not mailchannels" content no "550 5.7.1 message rejected, rule S10 Blocked by local policy"

# Hornetsecurity / antispameurope's classification table: its spam-IP
# refusal is the IP's reputation, its size codes a size refusal (not
# content), a bounce to several recipients not the recipient; near misses:
# RFC 3463's 5.5.4 in another server's protocol error, a content verdict.
verdict "antispameurope spam IP" reputation yes "554 5.5.4 Spam IP rejected"
verdict "antispameurope content filter size" size no "554 5.5.3 e-mail Rejected Content Filter Size"
verdict "antispameurope message size (content filter)" size no "552 5.5.2 Message size (content filter)"
verdict "antispameurope multi-recipient bounce" other no "550 5.5.3 Recipient address rejected: Multi-recipient bounce"
verdict "hornetsecurity bad reputation quoted" reputation yes \
	"550 5.7.1 Remote server returned an error -> 554 5.5.4 Your IP 198.51.100.57 address has a bad reputation. To unblock visit http://cloud-security.net/unblock?a=2906&e=198.51.100.57-mx-gate24-hz3"
verdict "5.5.4 protocol error is no spam IP" other no "554 5.5.4 Error: send AUTH command first"
verdict "antispameurope spam body" content no "554 5.6.3 Spam Body rejected"

verdict "antispameurope explicit block is no full mailbox" other no "550 5.2.2 explicit blocking of sender or recipient address"
verdict "antispameurope content filter size limit" size no "554 5.5.3 email rejected due to Content Filter Size Limit"
verdict "a full mailbox under 5.2.2" mailbox-full no "552 5.2.2 Mailbox full"

# Commtouch / Cyren IP reputation in mtpolicyd's default words: the reject
# is the IP's reputation, the defer a retry that passes (greylist); a
# delivery "rejected" without the reputation page is not this rule's.
verdict "commtouch ip reputation reject" reputation yes \
	"550 delivery from 192.0.2.44 is rejected. Check at http://www.commtouch.com/Site/Resources/Check_IP_Reputation.asp. Reference code: 0a1b2c"
verdict "commtouch ip reputation defer" greylist no \
	"450 delivery from 192.0.2.44 is deferred,repeatedly. Send again or check at http://www.commtouch.com/Site/Resources/Check_IP_Reputation.asp. Reference code: 0a1b2c"
verdict "delivery rejected without the reputation page" other yes "550 delivery from 192.0.2.44 is rejected."

# A list's own lookup page for the IP names the list (UCEPROTECT, PSBL,
# SpamRATS, Abusix, Backscatterer); near misses: greylisting that links a
# page, a link of the message listed.
columns "uceprotect lookup page names the list" "	uceprotect" "550 Refused: see http://www.uceprotect.net/rblcheck.php?ipr=192.0.2.1"
columns "psbl lookup page names the list" "	psbl" "550 Refused: see https://psbl.org/listing?ip=192.0.2.1"
columns "spamrats lookup page names the list" "	spamrats" "550 5.7.1 See https://www.spamrats.com/lookup.php?ip=192.0.2.1"
columns "abusix lookup page names the list" "	abusix" "550 5.7.1 see https://lookup.abusix.com/search?q=192.0.2.1"
columns "backscatterer lookup page names the list" "	backscatterer" \
	"550 5.7.1 Sorry, see https://www.backscatterer.org/?target=test&ip=192.0.2.1"
verdict "abusix lookup page" blocklist yes "550 5.7.1 see https://lookup.abusix.com/search?q=192.0.2.1"
verdict "greylisting linking a list page" greylist no "450 4.7.1 Greylisted, see https://psbl.org/listing?ip=192.0.2.1"

columns "trend micro ERS-DUL in longer words names the list" "trendmicro-hes	trendmicro" \
	"554 5.7.1 <user@example.org>: Recipient address rejected: Mail from <192.0.2.11> was refused due to the sender IP found in ERS-DUL. For details, query the IP reputation on https://servicecentral.trendmicro.com/en-US/ers/."
verdict "trend micro ERS customized block is the recipient side's" other no \
	"550 5.7.1 <example@example.com>: Recipient address rejected: ERS-Customized-Block."

# Email Security.cloud (MessageLabs): "your IP address has been
# blacklisted" is the recipient company's own blacklist (Broadcom 173082:
# other, no), "has been blocked" the Spamhaus PBL (165165: a block).
verdict "messagelabs IP on the company's blacklist" other no "553-Sorry, your IP address has been blacklisted"
verdict "messagelabs IP blocked (PBL)" blocklist yes "553 Sorry, your IP address (192.0.2.123) has been blocked"
verdict "messagelabs relay refusal" relay-denied no \
	"553 You are trying to use me [server-2.tower-1.messagelabs.com] as a relay, but I have not been configured to let you [192.0.2.1, example.com] do this."

columns "spamcop checkblock page names spamcop, not its site" "	spamcop" \
	"550 5.7.1 Blocked, see https://www.spamcop.net/w3m?action=checkblock&ip=192.0.2.1"
columns "s5h lookup page names the list" "	s5h" "554 5.7.1 Rejected, see https://www.s5h.net/?ip=192.0.2.1"
columns "nix spam lookup page names the list" "	manitu" "550 see https://www.dnsbl.manitu.net/lookup.php?value=192.0.2.1"
verdict "nix spam lookup page" blocklist yes "550 see https://www.dnsbl.manitu.net/lookup.php?value=192.0.2.1"

# The public lists named in words: the name is the list id; a link of
# the message listed, or a longer word, is not the list.
columns "listed by Abusix names the list" "	abusix" "550 Your IP is listed by Abusix"
columns "listed in PSBL names the list" "	psbl" "550 Your IP is listed in PSBL"
verdict "listed on Mailspike" blocklist yes "550 Your IP is listed on Mailspike"
verdict "listed in DroneBL" blocklist yes "550 Your IP is listed in DroneBL"
verdict "a link listed in PSBL" other no "550 5.7.1 a link in your message is listed in PSBL"
verdict "a longer word than PSBL" other no "550 Your IP is listed in PSBLX"

verdict "listed in ivmSIP/24" blocklist yes "550 5.7.1 Your IP is listed in ivmSIP/24"
verdict "a link listed in ivmSIP is not the IP's" content no "550 5.7.1 a link in the body is listed in ivmSIP"

columns "listed in the CBL names spamhaus" "	spamhaus" "550 5.7.1 Your IP is listed in the CBL"
verdict "listed on CBL" blocklist yes "554 Rejected: 192.0.2.1 is listed on CBL"
verdict "a longer word than CBL" other no "550 listed in CBLX"

finish
