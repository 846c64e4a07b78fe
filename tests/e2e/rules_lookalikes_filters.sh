#!/bin/sh
# Filters' and policy daemons' own texts (tests/e2e/data/server_texts.tsv,
# their block) that the shared rules misread, beside their near misses: each
# reply's category and block verdict through `bouncewatch rules classify`.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/verdicts.sh"

# iRedAPD's throttle plugin answers Postfix's end-of-data query: its limits
# per sender or recipient (rate, no), per message (rate, no) and its size
# limit (size) read the same as at RCPT TO; a limit that names the sending
# host's rate stays a block.
verdict "iredapd throttling quota at end of data" rate no \
	"554 5.7.1 <END-OF-MESSAGE>: End-of-data rejected: Throttling quota exceeded"
verdict "iredapd too many recipients at end of data" rate no \
	"554 5.7.1 <END-OF-MESSAGE>: End-of-data rejected: Too many recipients in single message"
verdict "iredapd message size at end of data" size no \
	"554 5.7.1 <END-OF-MESSAGE>: End-of-data rejected: Message size is too large"
verdict "a client's message rate at end of data stays a block" rate yes \
	"554 5.7.1 <END-OF-MESSAGE>: End-of-data rejected: sorry, max 3 messages per hour"

# iRedAPD's sender checks: the sender's own submission (other), not the
# recipient "Recipient address rejected" heads; a recipient refused by name
# stays the recipient's.
verdict "iredapd SMTP AUTH required for a hosted sender domain" other no \
	"554 5.7.1 <bob@example.org>: Recipient address rejected: SMTP AUTH is required for users under this sender domain"
verdict "iredapd sender not the SMTP AUTH login" other no \
	"554 5.7.1 <bob@example.org>: Recipient address rejected: Sender is not same as SMTP authenticate username"
verdict "an unknown recipient stays user-unknown" user-unknown no \
	"550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown in virtual mailbox table"

# postfwd's score action names no cause (other); a spam score is the
# message's (content).
verdict "postfwd score exceeded" other no \
	"554 5.7.1 <bob@example.org>: Recipient address rejected: postfwd3 score exceeded"
verdict "postfwd score exceeded without Postfix's words" other no \
	"554 5.7.1 postfwd2 score exceeded"
verdict "a spam score stays content" content no \
	"554 5.7.1 <bob@example.org>: Recipient address rejected: Spam score exceeded"

# OpenDKIM's own internal error is the receiver's trouble (other); its
# verdicts on the signature stay auth.
verdict "opendkim internal DKIM error" other no \
	"451 4.7.0 internal DKIM error"
verdict "opendkim key retrieval stays auth" auth no \
	"451 4.7.5 DKIM key retrieval failed"
verdict "opendkim bad signature stays auth" auth no \
	"550 5.7.0 bad DKIM signature data"

# rspamd's GTUBE pre-result is the message's test string (content), soft or
# not; its default soft reject without a reason stays other.
verdict "rspamd gtube pattern" content no \
	"554 5.7.1 Gtube pattern"
verdict "rspamd gtube pattern soft reject" content no \
	"451 4.7.1 Gtube pattern"
verdict "rspamd soft reject without a reason stays other" other no \
	"451 4.7.1 Try again later"

# policyd-weight's score refusal and its hints: "please relay via your ISP"
# (the client on a DNS list, no mail host of the sender's domain) is a
# block; "Please use DynDNS" names the HELO (ptr), with or without the relay
# hint; the bare score names no cause (other).
pw='550 5.7.1 <bob@example.org>: Recipient address rejected: Mail appeared to be SPAM or forged. Ask your Mail/DNS-Administrator to correct HELO and DNS MX settings or to get removed from DNSBLs'
verdict "policyd-weight relay via your ISP" blocklist yes "$pw; please relay via your ISP (example.net)"
verdict "policyd-weight please use DynDNS" ptr no "$pw; Please use DynDNS"
verdict "policyd-weight relay hint and DynDNS" ptr no "$pw; please relay via your ISP (example.net); Please use DynDNS"
verdict "policyd-weight relay hint with the HELO mismatch" ptr no \
	"$pw; MTA helo: mail, MTA hostname: unknown[192.0.2.10] (helo/hostname mismatch); please relay via your ISP (example.net)"
verdict "policyd-weight bare score stays other" other no "$pw"

# greylistd's blacklisted triplet is the administrator's own entry (other);
# its deferral stays greylisting; an IP named alone as blacklisted stays a
# block.
verdict "greylistd blacklisted triplet" other no \
	"550 192.0.2.10 is blacklisted from delivering mail from <alice@example.net> to <bob@example.org>."
verdict "greylistd not yet authorized stays greylist" greylist no \
	"451 192.0.2.10 is not yet authorized to deliver mail from <alice@example.net> to <bob@example.org>. Please try later."
verdict "an IP named alone as blacklisted stays a block" blocklist yes \
	"554 Refused. Your IP address is blacklisted."

# A milter's reject without its own text (Postfix's and Sendmail's default
# "Command rejected"): at the end of DATA a verdict on the message
# (content); at RCPT TO and with no stage named it names no cause (other).
at_stage() { printf '%s\n' "$2" | "$BW" --rules "$RULES" rules classify --stage "$1" | cut -f2,3; }
eq "milter reject at end of data" "content	no" "$(at_stage data '550 5.7.1 Command rejected')"
eq "sendmail's milter reject at end of data" "content	no" "$(at_stage data '554 5.7.1 Command rejected')"
eq "milter reject at RCPT TO stays other" "other	no" "$(at_stage rcpt '550 5.7.1 Command rejected')"
verdict "milter reject without a stage stays other" other no "550 5.7.1 Command rejected"
eq "a reason after the words decides at end of data" "blocklist	yes" \
	"$(at_stage data '550 5.7.1 Command rejected: Your IP 192.0.2.1 is blacklisted')"
verdict "a reason after the words decides" blocklist yes "550 5.7.1 Command rejected: Your IP 192.0.2.1 is blacklisted"
finish
