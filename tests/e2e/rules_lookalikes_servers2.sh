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
# nobody names are a content verdict without a provider (`rules classify
# --hosts`: category, block, provider; hosted, verdicts.sh).
hosted "spam detected from no named server names no provider" "" "" content no "" \
	"554 spam detected"
hosted "spam detected from Free's relay stays Free's" "mx1.free.fr" "" content no "free" \
	"550 spam detected"
hosted "spam detected to a Free address, deferred, stays Free's" "" "free.fr" content no "free" \
	"450 spam detected"
# aiosmtpd's failed login in its own letter case names no provider; SES's
# own wording from no named host stays SES's.
hosted "aiosmtpd credentials invalid names no provider" "" "" other no "" \
	"535 Authentication credentials invalid"
hosted "SES's credentials invalid stays SES's" "" "" other no "amazonses" \
	"535 Authentication Credentials Invalid"
# Stalwart's DMARC refusal with an id after it, or without its full stop,
# names no provider; Zoho's, which names the domain, stays Zoho's.
hosted "stalwart DMARC refusal with an id names no provider" "" "" auth no "" \
	"550 5.7.1 Email rejected per DMARC policy. [Ab3dE5fG7hJ]"
hosted "stalwart DMARC refusal without its full stop names no provider" "" "" auth no "" \
	"550 5.7.1 Email rejected per DMARC policy"
hosted "zoho DMARC refusal naming the domain stays Zoho's" "" "" auth no "zoho" \
	"550 5.7.1 Email rejected per DMARC policy for example.com"
# ZoneMTA's recipient refusal in Gmail's words names no provider; Gmail's,
# with its "- gsmtp", stays Google's.
hosted "zonemta recipient not RFC 5321 names no provider" "" "" user-unknown no "" \
	"553 5.1.3 The recipient address <bob@example> is not a valid RFC-5321 address."
hosted "gmail recipient not RFC 5321 stays Google's" "" "" user-unknown no "google" \
	"553 5.1.3 The recipient address <bob@example> is not a valid RFC-5321 address. a1si2 - gsmtp"
# WildDuck's MX plugin in Gmail's words (a recipient receiving too fast,
# likely unsolicited mail) names no provider; Gmail's lines stay Google's.
hosted "wildduck recipient too fast names no provider" "" "" rate no "" \
	"450-4.2.1 The user you are trying to contact is receiving mail at a rate that 450-4.2.1 prevents additional messages from being delivered. 450 4.2.1 Please resend your message at a later time."
hosted "gmail recipient too fast stays Google's" "" "" rate no "google" \
	"450-4.2.1 The user you are trying to contact is receiving mail at a rate that 450-4.2.1 prevents additional messages from being delivered. 450 4.2.1 Please resend your message at a later time. a1si2 - gsmtp"
hosted "wildduck likely unsolicited names no provider" "" "" content no "" \
	"550-5.7.1 Our system has detected that this message is likely unsolicited mail. 550 5.7.1 To reduce the amount of spam this message has been blocked."
hosted "gmail likely unsolicited stays Google's" "" "" content no "google" \
	"550-5.7.1 Our system has detected that this message is likely unsolicited mail. 550 5.7.1 To reduce the amount of spam this message has been blocked. a1si2 - gsmtp"
# Haraka's plugins: a malformed HELO address literal is the HELO (ptr), an
# invalid recipient address stays the recipient's; recipients per
# connection (rate, no), not a sender's volume; a sender domain's null MX
# (other), an SPF failure under the same code stays auth; a bounce to
# several recipients (other), a recipient limit stays rate; bogus bounces
# (content).
verdict "haraka invalid address format in HELO" ptr no \
	"550 Invalid address format in HELO"
verdict "invalid recipient address stays the recipient's" user-unknown no \
	"550 Invalid address: <bob@example.org>"
verdict "haraka too many recipient attempts" rate no \
	"450 Too many recipient attempts"
verdict "haraka rcpt rate limit stays a block" rate yes \
	"450 rcpt rate limit exceeded"
verdict "haraka sender null MX" other no \
	"550 5.7.27 Null MX: example.net does not send mail"
verdict "SPF failure under 5.7.27's neighbour stays auth" auth no \
	"550 5.7.23 SPF validation failed"
verdict "haraka bounce with too many recipients" other no \
	"554 this bounce message has too many recipients"
verdict "too many recipients stays rate" rate no \
	"452 4.5.3 Too many recipients"
verdict "haraka invalid bounce" content no \
	"550 invalid bounce"
verdict "haraka bounce with a Return-Path header" content no \
	"550 bounce with non-empty Return-Path (RFC 3834)"
# Haraka with uuid.deny_chars puts "[uuid@host] " before the text: its
# rules read it; the same words without it too.
verdict "haraka invalid HELO address literal after the uuid" ptr no \
	"550 [8D2B4A1C@mx.example.org] Invalid address format in HELO"
verdict "haraka rcpt rate limit after the uuid" rate yes \
	"450 [0F3E61A2-77C4-4B0E-9D1A-2B5C6D7E8F90@mx.example.org] rcpt rate limit exceeded"
verdict "haraka big company HELO after the uuid" ptr no \
	"550 [8D2B4A1C@mx.example.org] You are not who you say you are"
# qpsmtpd: its helo plugin's refusals are the HELO name (ptr), not the
# recipient ("does not exist") nor an unnamed refusal; a recipient that
# does not exist stays user-unknown. Its greylisting's default text
# (greylist); a mail "temporarily rejected" for its content stays content.
# A bounce's non-empty return path (content).
verdict "qpsmtpd HELO hostname does not exist" ptr no \
	"550 HELO hostname does not exist"
verdict "recipient does not exist stays user-unknown" user-unknown no \
	"550 5.1.1 Recipient address does not exist"
verdict "qpsmtpd badhelo" ptr no \
	"550 I do not believe you are mail.example.org."
verdict "qpsmtpd localhost HELO" ptr no \
	"550 You are not localhost"
verdict "qpsmtpd forged IP literal" ptr no \
	"550 Forged IPs not accepted here"
verdict "qpsmtpd address literal refused" ptr no \
	"550 RFC 2821 allows an address literal, but we do not"
verdict "qpsmtpd greylisting" greylist no \
	"450 This mail is temporarily denied"
verdict "qpsmtpd greylisting after DATA" greylist no \
	"451 This mail is temporarily denied"
verdict "qpsmtpd bogus bounce return path" content no \
	"552 a bounce return path must be empty (RFC 3834)"
# go-guerrilla: a message line over the limit is the message's form
# (content) under X.2.3, with or without the code; the message over the
# size limit stays size.
verdict "go-guerrilla maximum line length exceeded" content no \
	"550 5.2.3 Error: maximum line length exceeded"
verdict "go-guerrilla line length without its code" content no \
	"550 Error: maximum line length exceeded"
verdict "go-guerrilla message size stays size" size no \
	"552 5.4.0 Error: maximum message size exceeded"
# Stalwart: an ARC chain that fails is an authentication verdict (auth),
# with or without its code.
verdict "stalwart ARC validation failed" auth no \
	"550 5.7.29 ARC validation failed."
verdict "stalwart ARC validation failed without its code" auth no \
	"451 ARC validation failed."
# hMailServer: a recipient's account, alias or list made inactive, or an
# address it cannot parse, is the recipient (user-unknown); the sender's
# own account not active stays other.
verdict "hmailserver account is not active" user-unknown no \
	"550 Account is not active."
verdict "hmailserver alias is not active" user-unknown no \
	"550 Alias is not active."
verdict "hmailserver distribution list is not active" user-unknown no \
	"550 Distribution list is not active."
verdict "hmailserver a valid address is required" user-unknown no \
	"550 A valid address is required."
verdict "the sender's own account not active stays other" other no \
	"535 5.7.8 Your account is not active"
# ZoneMTA through nodemailer's smtp-server, whose table puts an enhanced
# code of its own before a plugin's text: a shutdown under 5.1.1 is the
# receiver's (other), a message over the size limit under 5.2.2 or 4.3.1
# is size (a mailbox over its quota stays mailbox-full), too many
# recipients under 4.2.2 stays rate; a recipient not an RFC 5321 address
# (user-unknown) with or without its code.
verdict "zonemta server shutdown under 5.1.1" other no \
	"550 5.1.1 Server shutdown in progress"
verdict "user unknown under 5.1.1 stays user-unknown" user-unknown no \
	"550 5.1.1 User unknown"
verdict "smtp-server message over the size limit under 5.2.2" size no \
	"552 5.2.2 Error: message exceeds fixed maximum message size 10485760 B (12000000 B)"
verdict "smtp-server message over the size limit under 4.3.1" size no \
	"552 4.3.1 Error: message exceeds fixed maximum message size 10485760"
verdict "mailbox over quota under 5.2.2 stays mailbox-full" mailbox-full no \
	"552 5.2.2 Mailbox full"
verdict "zonemta too many recipients under 4.2.2" rate no \
	"452 4.2.2 Too many recipients"
verdict "zonemta recipient not an RFC 5321 address without its code" user-unknown no \
	"553 The recipient address <bob@example> is not a valid RFC-5321 address."
# KumoMTA's listener over its session limit for all clients (other, no);
# with the client named it stays the sender's rate, a block.
verdict "kumomta too many concurrent sessions" other no \
	"421 4.3.2 mx.example.org too many concurrent sessions. Try later"
verdict "kumomta sessions limit without its code" other no \
	"421 mx.example.org too many concurrent sessions. Try later"
verdict "too many concurrent sessions from your IP stays a block" rate yes \
	"421 4.7.0 Too many concurrent sessions from your IP 192.0.2.1, try later"
# Citadel: its session limit for all clients (other, no), the client's IP
# on a DNS list it queries (blocklist, a block); with the client named the
# connections stay the sender's rate; a spammer source named with its
# complaints stays reputation.
verdict "citadel too many connections already open" other no \
	"451 Too many connections are already open; please try again later."
verdict "too many connections open from your IP stays a block" rate yes \
	"451 Too many connections are already open from your IP 192.0.2.1; please try again later."
verdict "citadel known spammer source IP" blocklist yes \
	"550 Message rejected due to known spammer source IP address"
finish
