#!/bin/sh
# Generic shapes for wordings no provider rule was written for, and their
# near misses: each reply's category and block verdict through
# `bouncewatch rules classify` (patterns/README.md, "What counts as a block").
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/verdicts.sh"

# A message refused for its domain owner's policy (RFC 7489's Domain
# Owner: the sending domain's DMARC / SPF policy): auth, whoever writes it;
# a recipient domain's owner, or an owner's request without a policy, not.
verdict "domain owner policy restrictions, no receiver named" auth no \
	"550 5.7.0 Unfortunately, messages from (192.0.2.10) on behalf of (example.org) could not be delivered due to domain owner policy restrictions."
verdict "domain (name) owner DMARC policy" auth no \
	"550 5.7.1 This message was not accepted due to domain (example.org) owner DMARC policy (RFC 7489)"
verdict "sender domain owner's policy, deferred" auth no "451 4.7.1 Message deferred due to the sender domain owner's policy"
verdict "recipient domain owner policy is no authentication verdict" content no \
	"550 5.7.1 Rejected due to recipient domain owner policy"
verdict "domain owner's request (no policy) is no authentication verdict" content no \
	"550 5.7.1 Message blocked due to domain owner's request"
# X.7.28 (RFC 7372 "mail flood detected") with no other reason: too many
# messages from the sender (rate, a block); one naming unsolicited mail or
# spam is the sender's reputation by its words; a limit per session or per
# recipient is no block.
verdict "bare X.7.28 mail flood, no provider" rate yes "421 4.7.28 Mail flood detected from your IP, try again later"
verdict "X.7.28 mail flood, permanent" rate yes "550 5.7.28 Mail flood detected"
verdict "X.7.28 unusual rate of unsolicited mail stays reputation" reputation yes \
	"421 4.7.28 Our system has detected an unusual rate of unsolicited mail originating from your IP address."
verdict "X.7.28 with Gmail's unsolicited-rate anchor in lower case stays reputation" reputation yes \
	"421-4.7.28 [192.0.2.124] https://support.google.com/mail/?p=unsolicitedratelimiterror"
verdict "X.7.28 with Gmail's unsolicited-rate anchor in upper case stays reputation" reputation yes \
	"421-4.7.28 [192.0.2.124] HTTPS://SUPPORT.GOOGLE.COM/MAIL/?P=UNSOLICITEDRATELIMITERROR"
verdict "X.7.28 per-recipient flood is no block" rate no \
	"451 4.7.28 Mail flood protection: too many messages to this recipient"
verdict "X.7.28 mail flood naming the sender's address stays a block" rate yes \
	"421 4.7.28 Mail flood detected from user@example.org, try again later"
# An SPF / DKIM / DMARC check said to fail, in any letter case, decides
# over "spam" words elsewhere in the line (auth); a block list, a PTR or a
# list's refusal that also names it keeps its own verdict.
verdict "spf check fail in lower case after spam words" auth no \
	"554 5.7.1 Rejected by the anti-spam stage: spf check fail"
verdict "dkim verification failed beside a spam verdict" auth no "550 5.7.1 message rejected as spam: dkim verification failed"
verdict "dmarc policy did not pass, lower case" auth no "550 5.7.1 rejected: dmarc policy did not pass"
verdict "SPF named as passed is no failure: the spam verdict stays" content no "550 5.7.1 spf pass, but the message looks like spam"
verdict "listed on Spamhaus with an SPF failure stays a block" blocklist yes \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org; SPF check failed"
finish
