#!/bin/sh
# The older generic block rules (shapes*, structural*, standing, generic,
# dnsbl, refusals, lookalikes) on near misses: replies with a block rule's
# words that are no block by patterns/README.md ("What counts as a block"),
# and beside each group a reply that stays a block. Each reply's category
# and block verdict through `bouncewatch rules classify`.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/verdicts.sh"

# A relay's recipient verification quoting its next hop: a named list's
# refusal there refuses the relay's probe, as an unnamed zone's does
# (other, no), also when the quote speaks of invalid recipients or gives
# X.1.0; the quoted recipient refusal stays the recipient's.
verdict "probe quoting bl.spamcop.net" other no \
	"450 4.1.1 <a@example.org>: Recipient address rejected: unverified address: host mx.example.net[198.51.100.5] said: 554 5.7.1 Service unavailable; Client host [203.0.113.5] blocked using bl.spamcop.net; Blocked - see https://www.spamcop.net/bl.shtml?203.0.113.5"
verdict "probe quoting b.barracudacentral.org" other no \
	"450 4.1.1 <a@example.org>: Recipient address rejected: unverified address: host mx.example.net[198.51.100.5] said: 550 Rejected because 203.0.113.5 is in a black list at b.barracudacentral.org"
verdict "probe quoting a Spamhaus listing" other no \
	"450 4.1.1 <a@example.org>: Recipient address rejected: unverified address: host mx.example.net[198.51.100.5] said: 550 Unable to add <a@example.org> because host 203.0.113.5 is listed on zen.spamhaus.org"
verdict "probe quoting an Exim black list" other no \
	"450 4.1.1 <a@example.org>: Recipient address rejected: unverified address: host mx.example.net[198.51.100.5] said: 550 Rejected because 203.0.113.5 is in a black list at psbl.surriel.com"
verdict "probe quoting Trend Micro ERS" other no \
	"450 4.1.1 <a@example.org>: Recipient address rejected: unverified address: host mx.example.net[198.51.100.5] said: 450 4.7.1 Mail from 203.0.113.5 has been blocked by Trend Micro Email Reputation Service"
verdict "probe quoting excessive unknown recipients" other no \
	"450 4.1.1 <a@example.org>: Recipient address rejected: unverified address: host mx.example.net[198.51.100.5] said: 451 Excessive unknown recipients - possible Open Relay (#4.1.8)"
verdict "probe quoting blocked for invalid recipients" other no \
	"450 4.1.1 <a@example.org>: Recipient address rejected: unverified address: host mx.example.net[198.51.100.5] said: 554 203.0.113.5 has been blocked for the day, for attempting to mail too many invalid recipients"
verdict "probe quoting a 5.1.0 listed MAIL FROM domain" other no \
	"450 4.1.1 <a@example.org>: Recipient address rejected: unverified address: host mx.example.net[198.51.100.5] said: 550 5.1.0 MailFrom domain is listed in Spamhaus. To request removal from this list see https://www.spamhaus.org/query/lookup/"
verdict "probe quoting an unknown recipient" user-unknown no \
	"450 4.1.1 <a@example.org>: Recipient address rejected: unverified address: host mx.example.net[198.51.100.5] said: 550 5.1.1 <a@example.org>: Recipient address rejected: User unknown in virtual mailbox table"
verdict "bl.spamcop.net without the probe stays a block" blocklist yes \
	"554 5.7.1 Service unavailable; Client host [203.0.113.5] blocked using bl.spamcop.net; Blocked - see https://www.spamcop.net/bl.shtml?203.0.113.5"
verdict "excessive unknown recipients without the probe stays a block" reputation yes \
	"451 Excessive unknown recipients - possible Open Relay (#4.1.8)"

# A receiver that could not check a listing says nothing of one, also when
# it names the IP or the zone with their dots.
verdict "could not check whether IP is blacklisted" other no \
	"451 4.7.1 Could not check whether 192.0.2.1 is blacklisted, try again later"
verdict "unable to check whether IP is listed on zone" other no \
	"451 4.7.1 Unable to check whether 192.0.2.1 is listed on zen.spamhaus.org, try again later"
verdict "a failed check, then a listing, stays a block" blocklist yes \
	"451 4.7.1 Could not check whether sender is found. Your IP 192.0.2.1 is blacklisted"

# Greylisting a client a list or a score picked delays it; the next attempt
# goes through (greylist, no), whatever list or rate words come with it.
verdict "greylisted, listed in a zone" greylist no \
	"451 4.7.1 Greylisted: 192.0.2.1 is listed in dnsbl.sorbs.net, please come back in 24 hours"
verdict "greylisting, Client host blocked using" greylist no \
	"450 4.7.1 Service unavailable; Client host [192.0.2.1] blocked using bl.spamcop.net (greylisted, please try again later)"
verdict "greylisting, Spamhaus lookup page" greylist no \
	"451 4.7.1 Greylisted, see https://www.spamhaus.org/query/ip/192.0.2.1"
verdict "greylisting, insufficient reputation" greylist no \
	"421 4.7.0: Sender IP rejected: sending IP has insufficient reputation (greylisted, please try again later)"
verdict "greylisting, Trend Micro ERS" greylist no \
	"450 4.7.1 Mail from 192.0.2.1 has been blocked by Trend Micro Email Reputation Service (greylisted, please try again later)"
verdict "greylisting, excessive unknown recipients" greylist no \
	"451 Excessive unknown recipients - possible Open Relay (#4.1.8) (greylisted, please try again later)"
verdict "greylisting, IP filtered" greylist no \
	"450 4.7.1 Your IP (192.0.2.1) is filtered: greylisting in effect"
verdict "5xx after greylisting, listed: stays a block" blocklist yes \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using bl.spamcop.net (greylisted earlier)"
verdict "greylisting, the reply's own words" greylist no \
	"451 4.7.1 Greylisted, please try again in 900 seconds"

# A daily volume limit on the sender is a block; the same words for one
# recipient are that recipient's limit.
verdict "since you sent too many emails to this recipient" rate no \
	"550 5.7.1 Since you sent too many emails to this recipient, please try later"
verdict "your mail limit reached for this recipient" other no \
	"550 5.7.1 Your mail limit has been reached for this recipient"
verdict "your mail limit reached for the mailbox" other no \
	"550 5.7.1 Your mail limit has been reached for the mailbox"
verdict "your mail limit reached: stays a block" rate yes \
	"550 5.7.1 Your mail limit has been reached. Please try again tomorrow"

# The recipient's or the destination's domain or server on a list, and a
# header of the message listed, are not the sender's standing.
verdict "recipient domain is blacklisted" other no "550 5.7.1 Recipient domain is blacklisted"
verdict "destination domain blacklisted" other no "550 5.7.1 Destination domain blacklisted"
verdict "the recipient's server is on our blacklist" other no \
	"550 5.7.1 Your email was rejected because the recipient's server is on our blacklist"
verdict "recipient server IP is blacklisted" other no \
	"550 5.7.1 Recipient server 198.51.100.1 is blacklisted, delivery cancelled"
verdict "From header blacklisted" content no "550 5.7.1 Message blocked: From header blacklisted"
verdict "mail from blacklisted IP address stays a block" blocklist yes \
	"550 mail not accepted from blacklisted IP address"
verdict "host on our blacklist stays a block" blocklist yes \
	"550 5.7.1 Your server 192.0.2.1 is on our blacklist"

# One recipient's complaints, suppression or suspended account are that
# recipient's; complaints about the sender are its standing.
verdict "recipient account suspended for abuse complaints" user-unknown no \
	"550 5.7.1 Recipient account is suspended due to abuse complaints"
verdict "the recipient's account suspended for spam complaints" content no \
	"550 5.7.1 The recipient's account has been suspended for spam complaints"
verdict "address suppressed after this recipient's complaints" content no \
	"550 5.7.1 Address suppressed: previous spam complaints from this recipient"
verdict "the user has blocked you after complaints" content no \
	"550 5.7.1 The user has blocked you after spam complaints"
verdict "recipient unsubscribed after complaints" other no \
	"550 5.7.1 Recipient unsubscribed after user complaints"
verdict "poor reputation of the recipient's domain" other no \
	"550 5.7.1 Poor reputation of the recipient's domain"
verdict "deferred due to user complaints stays a block" reputation yes \
	"421 4.7.0 Messages from 192.0.2.1 temporarily deferred due to user complaints"
verdict "IP with a bad reputation stays a block" reputation yes \
	"554 5.5.4 Your IP 192.0.2.57 address has a bad reputation"

# A list named or its lookup page for a domain of the message, the
# recipient's server, or a lookup the receiver could not make.
verdict "domain in message listed in Spamhaus DBL" content no \
	"550 5.7.1 Message rejected: domain example.com in message is listed in Spamhaus DBL"
verdict "the recipient's mail server listed in Spamhaus" other no \
	"550 5.7.1 Message blocked because the recipient's mail server is listed in Spamhaus"
verdict "the link in your message, a Spamhaus DBL query page" other no \
	"550 5.7.1 Rejected: the link https://www.spamhaus.org/query/dbl?domain=example.com in your message"
verdict "a link of the message, a Spamhaus DBL query page" other no \
	"550 5.7.1 Rejected: a link of your message, https://www.spamhaus.org/query/dbl?domain=example.com"
verdict "could not query the Spamhaus lookup page" other no \
	"451 4.7.1 Could not query https://www.spamhaus.org/lookup for 192.0.2.1, try again later"
verdict "DNSBL unavailable, Spamhaus page" other no \
	"451 4.7.1 DNSBL temporarily unavailable, see https://www.spamhaus.org/query/ip/192.0.2.1"
verdict "Spamhaus lookup page stays a block" blocklist yes \
	"554 5.7.1 You are sending spam (check http://www.spamhaus.org/query/bl?ip=192.0.2.44)"
verdict "service unavailable, Spamhaus page stays a block" blocklist yes \
	"554 5.7.1 Service unavailable; see http://www.spamhaus.org/query/bl?ip=192.0.2.44"
verdict "Invaluement named stays a block" blocklist yes \
	"550 5.5.4 Your IP 192.0.2.4 is listed by Invaluement. Please see http://www.invaluement.com/research/"

# Mail from the sender's IP or network refused for one message's spam
# verdict is that message's (content); refused as a whole it is a block.
verdict "refused mail from IP: spam detected in message" content no \
	"550 5.7.1 Refused mail from 192.0.2.1: spam detected in message"
verdict "refused mail from IP: message looks like spam" content no \
	"550 5.7.1 Refused mail from 192.0.2.1: message looks like spam"
verdict "mail from your network refused, suspicious message" other no \
	"550 5.7.1 Mail from your network refused due to suspicious message"
verdict "refused mail from IP stays a block" blocklist yes \
	"550 5.7.1 mx.example.net refused mail from 198.51.100.24: see http://example.net/codes"
verdict "mail from your location denied stays a block" blocklist yes \
	"550 5.7.1 Sorry, mail from your location [203.0.113.48] is administratively denied (#5.7.1)"

# The same for messages from the IP "not delivered" and the sender's IP
# "blocked" with a spam verdict on the message.
verdict "messages from IP not delivered, content is spam" content no \
	"550 5.7.1 Messages from 192.0.2.1 were not delivered because the content is spam"
verdict "sender IP blocked: message rejected as spam" content no \
	"550 5.7.1 Sender 192.0.2.1 blocked: message rejected as spam"
verdict "messages from IP weren't sent stays a block" reputation yes \
	"421 RP-001 Unfortunately, some messages from 192.0.2.77 weren't sent. Please try again."
verdict "the sender IP is banned stays a block" blocklist yes "550 The sender 192.0.2.45 is banned"

# A zombie, an RBL code or a lookup link said of the message, not the host.
verdict "message contains a zombie link" other no "550 5.7.1 Your message contains a zombie link"
verdict "zombie botnet URL in body" content no "550 5.7.1 Message rejected: zombie botnet URL in body"
verdict "zombie matches stays a block" blocklist yes "554 Permanent denial of connection (554) for zombie matches"
verdict "rejected by URIRBL" content no "550 5.7.1 Message rejected by URIRBL"
verdict "AUP#MXRBL stays a block" blocklist yes "550 <info@example.co.uk> sender rejected AUP#MXRBL"
verdict "message rejected as spam, a blocked?ip= link" content no \
	"550 5.7.1 Message rejected as spam, see https://mail.example.com/blocked?ip=192.0.2.1"
verdict "message content rejected, a blocklist-info?ip= link" content no \
	"550 5.7.1 Message content rejected, details at https://support.example.com/blocklist-info?ip=192.0.2.1&msg=spam"
verdict "a blocklist lookup?ip= link stays a block" blocklist yes \
	"554 5.7.1 Rejected. See https://check.example.org/blocklist/lookup?ip=192.0.2.71"

# The sending IP blocked or listed by the recipient or a user, in other
# languages, is that recipient's own entry (other, no), as in English.
verdict "IP bloquee par le destinataire" other no "550 5.7.1 Adresse IP 192.0.2.1 bloquee par le destinataire"
verdict "IP bloqueada por el destinatario" other no "550 5.7.1 La direccion IP 192.0.2.1 esta bloqueada por el destinatario"
verdict "IP bloccato dal destinatario" other no "550 5.7.1 Indirizzo IP 192.0.2.1 bloccato dal destinatario"
verdict "IP geblokkeerd door de ontvanger" other no "550 5.7.1 IP 192.0.2.1 geblokkeerd door de ontvanger"
verdict "IP en la lista negra del usuario" other no "550 5.7.1 Tu IP esta en la lista negra del usuario"
verdict "IP sur la liste noire de l'utilisateur" other no "550 5.7.1 Votre IP est sur la liste noire de l'utilisateur"
verdict "Ihre IP-Adresse ist gesperrt stays a block" blocklist yes "550 5.7.1 Ihre IP-Adresse 192.0.2.1 ist gesperrt"
verdict "servidor en la lista negra stays a block" blocklist yes "550 5.7.1 Su servidor de correo esta en la lista negra"
verdict "IP zablokowany przez odbiorce" other no "550 5.7.1 Adres IP 192.0.2.1 zablokowany przez odbiorce"
verdict "IP zablokowany stays a block" blocklist yes "550 5.7.1 Adres IP 192.0.2.1 zablokowany"

# A named list or a zone said of the recipient's domain or server, or of a
# domain in the message.
verdict "the recipient's domain is on the Spamhaus blocklist" other no \
	"550 5.7.1 The recipient's domain is on the Spamhaus blocklist"
verdict "the domain in your message is on the Spamhaus block list" other no \
	"550 5.7.1 The domain in your message is on the Spamhaus block list"
verdict "the IP of the recipient's server appears on a zone" other no \
	"550 5.7.1 The IP of the recipient's server appears on zen.spamhaus.org"
verdict "on the UCEPROTECT Level 1 list stays a block" blocklist yes \
	"550 5.7.1 Your IP 192.0.2.5 is on the UCEPROTECT Level 1 list"
verdict "IP appears on a zone stays a block" blocklist yes \
	"550 5.7.1 Your IP 192.0.2.5 appears on psbl.surriel.com"

# A country lookup that failed is the receiver's own trouble.
verdict "GeoIP database unavailable" other no "451 4.7.1 GeoIP database unavailable, rejected temporarily"
verdict "country blocked stays a block" blocklist yes "550 5.7.1 Your country is not allowed to connect to this server"
# "Client host rejected:" with one message's or one recipient's reason.
verdict "client host rejected: phishing URL in message" other no \
	"550 5.7.1 Client host rejected: phishing URL in message"
verdict "client host rejected: abuse report for this message" other no \
	"550 5.7.1 Client host rejected: abuse report for this message"
verdict "client host rejected: phishing stays a block" reputation yes \
	"550 5.7.1 <gateway36.example.com[192.0.2.2]>: Client host rejected: Rejected : Phishing"
# A source of spam "by the recipient": that recipient's own call.
verdict "sender address a source of spam by the recipient" content no \
	"550 5.7.1 Your sender address has been identified as a source of spam by the recipient"
verdict "IP known as a source of spam stays a block" reputation yes \
	"550 5.7.1 Your IP 192.0.2.5 has been identified as a source of spam"
# Sender reputation with the sender's own setup named; a destination host
# on a list.
verdict "rejected by sender reputation: SPF record missing" auth no \
	"550 5.7.1 Rejected by sender reputation: SPF record missing"
verdict "the destination host is on a blacklist" other no \
	"550 5.7.1 Blocked: the destination host is on a blacklist"
verdict "rejected by IP reputation stays a block" reputation yes "550 5.7.1 Rejected by IP reputation"
verdict "your server on our blacklist stays a block" blocklist yes \
	"554 5.7.1 Access denied: your server 192.0.2.8 is on our blacklist"
# The sending IP blocked while the receiver is overloaded is its own load.
verdict "your IP blocked temporarily: server overloaded" other no \
	"450 4.7.1 Your IP 192.0.2.1 is blocked temporarily: server overloaded"
verdict "your IP has been blocked stays a block" blocklist yes "550 5.7.1 Your IP 192.0.2.1 has been blocked"
# Rate limited "to our server": the receiver's total, not the sender's.
verdict "rate limited: too many connections to our server" other no \
	"421 4.7.0 Rate limited: too many connections to our server"
verdict "rate limited stays a block" rate yes "451 4.7.1 You are rate limited, try again later"
# Messages "to this domain" from the sending IP: a recipient domain's quota.
verdict "too many messages to this domain from your IP" other no \
	"550 5.7.1 Rate limit: too many messages to this domain from your IP"
verdict "too many connections from your IP stays a block" rate yes "421 4.7.0 Too many connections from your IP, try later"
# The IP named in a spam verdict on one message.
verdict "your IP flagged as spam for this message" content no \
	"550 5.7.1 Your IP was flagged as spam for this message"
verdict "IP flagged: message classified as spam" content no "550 5.7.1 IP flagged: message classified as spam"
verdict "spam score for this IP's message" content no "550 5.7.1 Spam score for this IP's message is too high"
verdict "IP flagged for sending spam stays a block" reputation yes "554 Your IP has been flagged for sending spam"
# Recipients counted in one message.
verdict "has sent to too many recipients in this message" rate no \
	"550 5.7.1 Has sent to too many recipients in this message"
verdict "has sent to too many recipients stays a block" rate yes "550 5.7.1 Your IP has sent to too many recipients"
# Identical messages counted in one session; the recipient domain's
# administrator refusing the IP.
verdict "too many same messages in this session" other no "550 5.7.1 Too many same messages in this session"
verdict "too many same size mails stays a block" rate yes "552 too many same size mails"
verdict "mail from IP rejected by the recipient domain's administrator" other no \
	"550 5.7.1 Mail from 192.0.2.1 rejected by administrator of the recipient domain"
verdict "messages from IP rejected stays a block" reputation yes "550 5.7.1 Messages from 192.0.2.9 are rejected for 24 hours."
# Sender rate over limit for one recipient.
verdict "sender rate overlimit for this recipient" other no "550 5.7.1 Sender rate overlimit for this recipient"
verdict "sender rate overlimit stays a block" rate yes "550 Sender rate overlimit - 290.8 / 24h"
# A block placed by the recipient is its own entry.
verdict "block placed on your domain by the recipient" other no \
	"550 5.7.1 Block has been placed on your domain by the recipient"
verdict "block placed against your IP stays a block" reputation yes \
	"550 SC-004 Mail rejected due to complaints. A block has been placed against your IP address"
# Unusual activity "for this message".
verdict "unusual sending pattern for this message" other no "550 5.7.1 Unusual sending pattern detected for this message"
verdict "suspicious sending activity stays a block" reputation yes "550 5.7.1 Suspicious sending activity detected from your IP"
# The sending IP on one recipient's or one mailbox's own list, whatever
# IP words come first, is that recipient's entry (other, no).
verdict "your IP blacklisted for this recipient only" other no \
	"550 5.7.1 Your IP 192.0.2.1 is blacklisted for this recipient only"
verdict "IP blocked: recipient's blacklist" other no "550 5.7.1 IP 192.0.2.1 blocked: recipient's blacklist"
verdict "message from IP blocked by mailbox rule" other no "550 5.7.1 Message from 192.0.2.1 blocked by mailbox rule"
verdict "IP blocked for this mailbox by its owner" other no \
	"550 5.7.1 Your IP 192.0.2.1 is blocked for this mailbox by its owner"
verdict "your IP is blacklisted stays a block" blocklist yes "554 Your IP 192.0.2.1 is blacklisted"
verdict "IP blocked, access denied stays a block" blocklist yes "550 5.7.1 Access denied: IP 192.0.2.14 blocked"
# A rate limit for one recipient domain or list, in generic words.
verdict "rate limit exceeded for this list" other no "451 4.7.1 Rate limit exceeded for this list, try later"
verdict "rate limit exceeded stays a block" rate yes "451 4.7.1 Rate limit exceeded for your IP"
# Hourly counts for one recipient domain or one list address.
verdict "too many messages this hour for this domain" other no "421 4.7.0 Too many messages this hour for this domain"
verdict "too many messages received this hour for this list" other no \
	"450 4.7.1 Too many messages received this hour for this list"
verdict "only 5 messages per hour to this list" other no "550 5.7.1 You can only send 5 messages per hour to this list"
verdict "too many messages received this hour stays a block" rate yes "452 4.5.3 Too many messages received this hour, try later"
# A message rate for one list address.
verdict "message rate too high for this list" other no "451 4.7.1 Message rate too high for this list"
verdict "sending rate exceeded stays a block" rate yes "451 4.7.1 Your sending rate exceeded, slow down"
# Messaging limits for one mailing list.
verdict "exceeded your messaging limits for this mailing list" other no \
	"451 4.7.1 You have exceeded your messaging limits for this mailing list"
verdict "exceeded your messaging limits stays a block" rate yes "550 5.4.6 You have exceeded your messaging limits"
# The sender's connections counted for one list address.
verdict "sender exceeded the connections allowed for this list" other no \
	"550 5.7.1 Sender has exceeded the maximum number of connections allowed for this list"
verdict "your server exceeded the connections allowed stays a block" rate yes \
	"421 4.7.0 Your server has exceeded the maximum number of connections allowed"
# A named list that refused or failed the receiver's query, after
# "blocked using ZONE;", is no listing.
verdict "bl.spamcop.net, query refused: public resolver" other no \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using bl.spamcop.net; Query refused: public resolver"
verdict "dnsbl.sorbs.net, excessive number of queries" other no \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using dnsbl.sorbs.net; Excessive number of queries"
verdict "b.barracudacentral.org, lookup timed out" other no \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using b.barracudacentral.org; lookup timed out"
verdict "dnsbl.sorbs.net with its reason stays a block" blocklist yes \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using dnsbl.sorbs.net; Currently Sending Spam See: http://www.sorbs.net/lookup.shtml?192.0.2.1"
# The recipient's or the destination's domain or server on a list, in
# other words than Postfix's reject_rhsbl_recipient.
verdict "RBL: recipient domain is listed" other no "550 5.7.1 RBL: recipient domain is listed"
verdict "RBL listing of the recipient's domain" other no "550 5.7.1 RBL listing of the recipient's domain"
verdict "zone listed the recipient's domain" other no "550 5.7.1 zen.example.test listed the recipient's domain"
verdict "a list site's status of the recipient's domain" other no \
	"550 5.7.1 Blocked, see https://dnsbl.example.net/ for the status of the recipient's domain"
verdict "zone listed stays a block" blocklist yes "550 zen.example.test Listed by CSS"
# One message's spam verdict, a URL's or an earlier hop's reputation, one
# recipient's session limit.
verdict "blocked for spam content in this message" content no "550 5.7.1 Blocked for spam content in this message"
verdict "reputation problems with the URL in your message" other no \
	"550 5.7.1 Reputation problems with the URL in your message"
verdict "too many smtp sessions for this host to this recipient" rate no \
	"550 5.7.1 Too many smtp sessions for this host to this recipient"
verdict "blocked for sending spam stays a block" reputation yes "554 5.7.1 This host has been temporarily blocked for sending spam"
verdict "bad sender IP stays a block" reputation yes "554 5.7.1 Bad sender IP 192.0.2.5"
verdict "too many smtp sessions for this host stays a block" rate yes "421 4.7.0 Too many smtp sessions for this host"
# Invalid recipients counted in one message.
verdict "blocked for too many invalid recipients in this message" user-unknown no \
	"550 5.7.1 Blocked for too many invalid recipients in this message"
verdict "blocked for the day for invalid recipients stays a block" reputation yes \
	"554 192.0.2.8 has been blocked for the day, for attempting to mail too many invalid recipients"
# A host's limit for one recipient.
verdict "reached the limit of messages from your host for this recipient" other no \
	"550 5.7.1 Reached the limit of messages from your host for this recipient"
verdict "reached the limit of connections from your host stays a block" rate yes \
	"421 4.7.0 You have reached the limit of connections from your host"
# A client's rate over the recipient's limit; a host's message too large.
verdict "rate for this client exceeded the recipient's limit" other no \
	"550 5.7.1 Message rate for this client has exceeded the recipient's limit"
verdict "no longer accept mail from your host: message too large" size no \
	"550 5.7.1 We no longer accept mail from your host: message too large"
verdict "rate for this client exceeded stays a block" rate yes \
	"421 4.4.2 Message submission rate for this client has exceeded the configured limit"
verdict "no longer accept mail from your host stays a block" reputation yes \
	"550 5.7.1 We no longer accept mail from your host"
# The same frame quoting a provider's own block: the provider refuses the
# relay's probe (it sees only the relay's address), not the sender.
verdict "probe quoting Yahoo TSS04" other no \
	"450 4.1.1 <a@example.org>: Recipient address rejected: unverified address: host mx.example.net[198.51.100.5] said: 421 4.7.0 [TSS04] Messages from 198.51.100.5 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes"
verdict "probe quoting Outlook.com S3150" other no \
	"450 4.1.1 <a@example.org>: Recipient address rejected: unverified address: host mx.example.net[198.51.100.5] said: 550 5.7.1 Unfortunately, messages from [198.51.100.5] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150)."
verdict "probe quoting Comcast BL000001" other no \
	"450 4.1.1 <a@example.org>: Recipient address rejected: unverified address: host mx.example.net[198.51.100.5] said: 550 5.7.1 mx.comcast.net refused mail from 198.51.100.5: see http://postmaster.comcast.net/smtp-error-codes.php#BL000001"
verdict "Yahoo TSS04 without the probe stays a block" reputation yes \
	"421 4.7.0 [TSS04] Messages from 192.0.2.5 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes"
# Exim's recipient callout quotes its next hop the same way ("Callout
# verification failed:" and the reply to the relay's own callout).
verdict "callout quoting zen.spamhaus.org" other no \
	"550-Callout verification failed: 550 554 5.7.1 Service unavailable; Client host [198.51.100.5] blocked using zen.spamhaus.org"
verdict "callout quoting Yahoo TSS04" other no \
	"550-Callout verification failed: 550 421 4.7.0 [TSS04] Messages from 198.51.100.5 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes"
verdict "callout quoting a host rate limit" other no \
	"550-Callout verification failed: 550 HST-RTE: Hourly send rate exceeded, retry later."
verdict "callout quoting no such user stays the recipient's" user-unknown no \
	"550-Callout verification failed: 550 550 No Such User Here"
# Exim's sender verification quotes the sender's own MX answering the
# receiver's callout: a block there refuses the receiver, not the sender.
verdict "sender callout quoting zen.spamhaus.org" other no \
	"550-Verification failed for <a@example.com> 550-Called: 198.51.100.5 550-Sent: RCPT TO:<a@example.com> 550-Response: 554 5.7.1 Service unavailable; Client host [203.0.113.9] blocked using zen.spamhaus.org 550 Sender verify failed"
verdict "sender callout quoting Outlook.com S3150" other no \
	"550-Verification failed for <a@example.com> 550-Called: 198.51.100.5 550-Sent: RCPT TO:<a@example.com> 550-Response: 550 5.7.1 Unfortunately, messages from [203.0.113.9] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150). 550 Sender verify failed"
verdict "sender callout, no such user" other no \
	"550-Verification failed for <noreply@example.com> 550-No Such User Here 550 Sender verify failed"
# Postfix's sender address verification quoting a provider's block: the
# sender's own domain's server refusing the receiver's probe.
verdict "sender probe quoting Outlook.com S3150" other no \
	"450 4.1.7 <a@example.com>: Sender address rejected: unverified address: host mx.example.com[198.51.100.5] said: 550 5.7.1 Unfortunately, messages from [203.0.113.9] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150)."
verdict "sender probe quoting Comcast BL000001" other no \
	"450 4.1.7 <a@example.com>: Sender address rejected: unverified address: host mx.example.com[198.51.100.5] said: 550 5.7.1 mx.comcast.net refused mail from 203.0.113.9: see http://postmaster.comcast.net/smtp-error-codes.php#BL000001"
# An IP or host of the message's Received headers (an earlier hop) on a
# list is a check of the message's headers (content, no); the connecting
# client's listing stays a block.
verdict "Received: header IP listed in a zone" content no \
	"554 5.7.1 Rejected: Received: header IP 198.51.100.7 listed in bl.spamcop.net"
verdict "an earlier hop listed in a zone" content no \
	"550 5.7.1 Message rejected: an earlier hop 198.51.100.7 is listed in zen.spamhaus.org"
verdict "Received header contains a blacklisted host" content no \
	"550 5.7.1 Received header contains a blacklisted host"
verdict "residential IP in the Received header" content no \
	"550 5.7.1 Residential IP found in the Received header of the message"
verdict "bad sender IP in the message headers" content no "550 5.7.1 Bad sender IP in the message headers"
verdict "client host blocked using a zone stays a block" blocklist yes \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using bl.spamcop.net; Blocked - see https://www.spamcop.net/bl.shtml?192.0.2.1"
# The sender's own account suspended for billing is no block; frozen or
# suspended without a reason, or for abuse, it is.
verdict "sending account suspended: unpaid invoice" other no \
	"550 5.7.1 Your sending account has been suspended: unpaid invoice"
verdict "sending suspended for this account: billing problem" other no \
	"550 5.7.1 Sending has been suspended for this account: billing problem"
verdict "sender is frozen stays a block" reputation yes "550 5.7.0 sender is frozen"
verdict "sending suspended for this account stays a block" reputation yes \
	"554 Message rejected: Sending suspended for this account."
# A rule's exclusion binds every alternative of its match, not only the
# first: a later wording in the same reply with an excluded word (a link in
# the message, a recipient's refusal, greylisting) is not the sender's
# standing.
verdict "a link to a host under investigation is the message's" content no \
	"554 5.7.1 Message body contains a link to a host under investigation for spam abuse"
verdict "refused due to abuse in a recipient's refusal" user-unknown no \
	"550 5.7.1 <bob@example.org>: Recipient address rejected: refused due to abuse"
verdict "complaints from your IP while greylisting" greylist no \
	"451 4.7.1 Greylisted: complaints from your IP are checked, try again later"
verdict "a link in the letter to a spam source (Russian)" content no \
	"550 $(printf '\321\201\321\201\321\213\320\273\320\272\320\260 \320\262 \320\277\320\270\321\201\321\214\320\274\320\265 \320\262\320\265\320\264\321\221\321\202 \320\275\320\260 \320\270\321\201\321\202\320\276\321\207\320\275\320\270\320\272 \321\201\320\277\320\260\320\274\320\260')"
verdict "ip in jail stays a block" blocklist yes "554 5.7.1 Service unavailable; ip in jail for zombie activity"
verdict "complaints from your IP stays a block" reputation yes "550 5.7.1 Too many complaints from your IP"
finish
