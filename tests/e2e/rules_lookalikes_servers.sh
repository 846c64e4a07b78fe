#!/bin/sh
# Stock mail servers' and filters' own texts (tests/e2e/data/server_texts.tsv)
# that the shared rules misread, beside their near misses: each reply's
# category and block verdict through `bouncewatch rules classify`.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/verdicts.sh"

# Postfix: a sender domain with a null MX is the sender's DNS (other), not an
# authentication verdict; the recipient's null MX stays the recipient's; an
# SPF refusal under the same code stays auth.
verdict "postfix sender domain nullMX" other no \
	"550 5.7.27 <alice@example.net>: Sender address rejected: Domain example.net does not accept mail (nullMX)"
verdict "postfix recipient domain nullMX stays the recipient's" user-unknown no \
	"556 5.1.10 <bob@example.org>: Recipient address rejected: Domain example.org does not accept mail (nullMX)"
verdict "sender rejected for SPF under 5.7.27 stays auth" auth no \
	"550 5.7.27 <alice@example.net>: Sender address rejected: SPF fail"

# Postfix's AUTH command rate per client address: the sending host's rate, a
# block; failed logins and one session's errors are not.
verdict "postfix too many AUTH commands from IP" rate yes \
	"450 4.7.1 Error: too many AUTH commands from 192.0.2.1"
verdict "postfix AUTH rate in IPv6" rate yes \
	"450 4.7.1 Error: too many AUTH commands from 2001:db8::25"
verdict "authentication failed is no rate" other no \
	"535 5.7.8 Error: authentication failed: authentication failure"
verdict "too many errors in one session is no rate" other no \
	"421 4.7.0 mail.example.org Error: too many errors"

# SMTPUTF8 asked for a non-ASCII address: the sending MTA's use of the
# extension (other), not a content verdict; an unsupported option is the
# protocol's.
verdict "postfix must declare SMTPUTF8" other no \
	"553 5.6.7 Must declare SMTPUTF8 to send unicode address"
verdict "unsupported SMTPUTF8 option" other no \
	"555 5.5.4 Unsupported option: SMTPUTF8"

# Exim's default data ACL: a line over 998 octets is the message's form
# (content); the server's size limit stays size.
verdict "exim maximum allowed line length" content no \
	"550 maximum allowed line length is 998 octets, got 1200"
verdict "exim message size limit stays size" size no \
	"552 Message size exceeds maximum permitted"

# OpenSMTPD's refusal of a message without RFC 2822's form: the message's
# build (content) under RFC 3463's "Delivery not authorized, message
# refused", with or without its code; the bare description stays other.
verdict "opensmtpd message not RFC 2822 compliant" content no \
	"550 5.7.1 Delivery not authorized, message refused: Message is not RFC 2822 compliant"
verdict "opensmtpd not RFC 2822 compliant without its code" content no \
	"550 Delivery not authorized, message refused: Message is not RFC 2822 compliant"
verdict "bare delivery not authorized stays other" other no \
	"571 Delivery not authorized, message refused"

# Sendmail's require_rdns: the client's reverse DNS unresolvable or forged
# (ptr), not the sender's address that X.1.8 names; the sender domain's
# unresolvable DNS stays the sender's (other). Its badmx: the sender
# domain's MX unusable (other), not the recipient's domain. Its relay
# refusal naming the client's failed name lookup stays relay-denied.
verdict "sendmail client IP does not resolve" ptr no \
	"451 4.1.8 Client IP address 192.0.2.1 does not resolve"
verdict "sendmail possibly forged hostname" ptr no \
	"451 4.1.8 Possibly forged hostname for 192.0.2.1"
verdict "sendmail sender domain does not resolve stays other" other no \
	"451 4.1.8 Domain of sender address alice@example.net does not resolve"
verdict "sendmail illegal MX record of the sender domain" other no \
	"550 5.1.2 Illegal MX record for host example.net"
verdict "sendmail invalid MX record of the sender domain" other no \
	"550 5.1.2 Invalid MX record for host example.net"
verdict "sendmail relaying denied stays relay-denied" relay-denied no \
	"550 5.7.1 <bob@example.org>... Relaying denied. IP name lookup failed [192.0.2.1]"

# Haraka's default refusal of a recipient no plugin accepted, with a full
# stop after it: relaying refused, not a catch-all.
verdict "haraka I cannot deliver mail for, a full stop" relay-denied no \
	"550 I cannot deliver mail for <bob@example.org>."

# qmail's and chkuser's texts in their current forms: the recipient refused
# with a full stop after qmail's code; chkuser's session refusal under
# 5.5.3 with its bare "(chkuser)" tag (other, not a content verdict); its
# recipient address refusals without their enhanced code (user-unknown),
# while its sender domain's MX stays the sender's.
verdict "qmail envelope recipient denied, a full stop" user-unknown no \
	"553 sorry, your envelope recipient has been denied (#5.7.1)."
verdict "chkuser security policies under 5.5.3" other no \
	"550 5.5.3 sorry, you are violating our security policies (chkuser)"
verdict "chkuser you must specify a domain" user-unknown no \
	"550 sorry, you must specify a domain (chkuser)"
verdict "chkuser rcpt syntax not allowed" user-unknown no \
	"553 sorry, rcpt syntax not allowed (chkuser)"
verdict "chkuser no valid MX for rcpt domain" user-unknown no \
	"550 sorry, can't find a valid MX for rcpt domain (chkuser)"
verdict "chkuser no valid MX for sender domain stays the sender's" other no \
	"550 sorry, can't find a valid MX for sender domain (chkuser)"

# Courier's sender domain check: a domain that does not exist, or an MX
# host of it on the badmx list, is the sender's (other), not the recipient's
# nor a block of the client; a recipient's unknown domain in
# Postfix's words stays the recipient's.
verdict "courier sender domain does not exist" other no \
	"517-Domain does not exist: alice@example.invalid. 517 Invalid domain, see <URL:https://datatracker.ietf.org/doc/html/rfc1035>"
verdict "courier sender domain MX host blocked" other no \
	"517 Mail server at 192.0.2.99 is blocked."
verdict "courier invalid domain alone" other no \
	"517 Invalid domain, see <URL:https://datatracker.ietf.org/doc/html/rfc1035>"
verdict "postfix recipient domain not found stays the recipient's" user-unknown no \
	"450 4.1.2 <bob@example.org>: Recipient address rejected: Domain not found"

# mox's limit of recipients in one transaction: per message (rate, no), with
# or without its code; a limit on the sender's recipients per day stays a
# block.
verdict "mox max of N recipients reached" rate no \
	"452 4.5.3 max of 1000 recipients reached"
verdict "mox max of N recipients without its code" rate no \
	"452 max of 1000 recipients reached"
verdict "mox first-time recipients over 24h stays a block" rate yes \
	"451 4.7.1 max number of new/first-time recipients (200) over past 24h reached, try increasing per-account setting MaxFirstTimeRecipientsPerDay"
finish
