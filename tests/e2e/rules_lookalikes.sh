#!/bin/sh
# The shipped rules on replies that look like a block and are not, and on the
# blocks they resemble: each reply's category and block verdict through
# `bouncewatch rules classify` (the engine, the patterns/ directory).
. "$(dirname "$0")/lib.sh"

# verdict NAME CATEGORY BLOCK REPLY (verdicts.sh): classified in one batch
# when the script finishes.
. "$(dirname "$0")/verdicts.sh"

# "rbl" as part of a host name (a PTR reply quoting the client's name) is no
# block list; the word RBL or DNSBL on its own still is.
verdict "ptr reply naming an rbl host" ptr no \
	"550 5.7.1 Client host rejected: cannot find your hostname, [rbl.example.net]"
verdict "ptr reply naming an mx-rbl host" ptr no \
	"450 4.7.1 Client host rejected: cannot find your reverse hostname, [mx-rbl.example.org 192.0.2.1]"
verdict "listed in RBL" blocklist yes "550 5.7.1 Connection refused - listed in RBL"
verdict "found in a DNSBL" blocklist yes "554 Rejected: sender IP found in DNSBL"

# A message "from IP blocked as spam" is a verdict on that message (content,
# no block); the IP blocked for its own sake is a block.
verdict "message from IP blocked as spam" content no "550 5.7.1 Message from 192.0.2.1 blocked as spam"
verdict "message from IP n blocked as spam" content no "550 5.7.1 Message from IP 192.0.2.1 blocked as spam"
verdict "message blocked due to spam" content no "554 5.7.1 Message blocked due to spam content in the message."
verdict "mail from IP rejected for a virus" content no "550 Mail from 192.0.2.1 rejected: virus found"
verdict "IP blocked" blocklist yes "550 5.7.1 Access denied: IP 192.0.2.14 blocked"
verdict "host blocked for spam" reputation yes "554 5.7.1 This host has been temporarily blocked for sending spam"
verdict "messages from IP rejected" reputation yes "550 5.7.1 Messages from 192.0.2.9 are rejected for 24 hours."
verdict "IP blacklisted" blocklist yes "554 Your IP 192.0.2.1 is blacklisted"

# A list entry for a link or a domain in the message is not the sender's; a
# name lookup or PTR reason is the sender's configuration (ptr).
verdict "blacklisted domain in the body" other no "550 Message body contains blacklisted domain"
verdict "access denied, IP name lookup" ptr no "550 5.7.1 Access denied: IP name lookup failed [192.0.2.1]"
verdict "access denied, IP without reverse DNS" ptr no "550 5.7.1 Access denied, IP 192.0.2.1 has no reverse DNS"
verdict "access denied, IP" reputation yes "554 Access denied, IP 192.0.2.1 is not welcome here"

# The sending host refused without a reason is a block (other); refused for
# its PTR it is not.
verdict "host not allowed to connect" other yes "550 Your host is not allowed to connect to this server."
verdict "host not allowed to connect, PTR" ptr no \
	"550 Your host is not allowed to connect: no PTR record for 192.0.2.1"
verdict "reply opening with the IP" other yes "554 IP=192.0.2.9 - Connection refused"
verdict "reply opening with the IP, PTR" ptr no "554 IP=192.0.2.9 - invalid DNS PTR resource record"

# Every NetEase HL: code is about the sending IP, one the tables do not list
# yet too; its per-connection codes are not.
verdict "NetEase HL: code" reputation yes "421 HL:ZZZ 163 mx1,QsCowEBJN2gjW0ZjbxgBAA--.0S2 1665555235"
verdict "NetEase per-connection code" other no "450 MI:DMC 163 mx7,C8CowAB3UmcnXEZjMQx6Aw--.1S2 1665555495"

# A mailbox too small for the message is the recipient's, not a size refusal.
verdict "message would exceed mailbox size" mailbox-full no \
	"552 bob: message would exceed maximum mailbox size for this recipient"
verdict "message size exceeded" size no "552 5.3.4 Message size of 31457280 bytes exceeds the limit"
verdict "mailbox space" mailbox-full no "452 Insufficient mailbox space"
verdict "the server's disk space" other no "452 4.4.5 Insufficient disk space; try again later"
verdict "recipient storage full" mailbox-full no "552 recipient storage full, try again later"
verdict "the mail system's storage" other no "452 4.3.1 Mail system storage is full."
verdict "mail data refused" content no "553 Mail data refused by AISP, rule [169648]."
verdict "mail refused, no reason" other no "550 5.5.0 Mail refused"
verdict "qmail-style 5.1.1" user-unknown no "553 VS10-RT Possible forgery or deactivated due to abuse (#5.1.1) 192.0.2.1"
verdict "sender domain not found" other no "550 5.1.2 Sender Domain Not Found"
verdict "recipient syntax" user-unknown no "501 5.5.2 RCPT TO syntax error"
verdict "command syntax" other no "501 5.5.2 Syntax error in parameters"

# The recipient's domain not served here is a relay refusal; a refusal of the
# sender's domain is not.
verdict "no mail for this domain" relay-denied no "553 5.7.1 Sorry, we do not accept mail for this domain"
verdict "no mail from this domain" other no "553 5.7.1 Sorry, we do not accept mail from this domain"
verdict "relay operation rejected" relay-denied no "554 Relay operation rejected"
verdict "relay check local" other no "553 relay check local fail."
verdict "relaying to an address prohibited" relay-denied no "550 relaying to <bob@example.org> prohibited by administrator"

# A limit on the sender's messages per hour is a block; per connection or
# per recipient it is not.
verdict "messages per hour" rate yes "421 4.7.0 You have exceeded the limit of messages per hour"
verdict "messages per connection" rate no "421 Max message per connection reached, closing transmission channel"
verdict "mailbox receiving too much" rate no "450 4.2.1 Mailbox received too much email in a short period of time"
verdict "sending quota" rate yes "552 Monthly sending quota exceeded"
verdict "mail limit reached" rate yes "550 5.7.1 Your mail limit has been reached."
verdict "connections from this IP" rate yes "421 Maximum number of connections from this IP exceeded"
verdict "the server's own connections" other no "421 Server has reached its maximum connections, try later"
verdict "banned from a list" other no "550 You are banned from posting to this list"
verdict "blacklisted, the sender" blocklist yes "554 5.7.1 You are blacklisted"
verdict "IP under investigation" blocklist yes "554 Access denied - Under investigation for spam abuse."
verdict "deny page for the IP" blocklist yes "554 Please visit http://antispam.example.org/denyip.php?IP=192.0.2.1 (#5.7.1)"
verdict "mailbox quota" mailbox-full no "552 5.2.2 Quota exceeded"
# The sending IP blocked for what it did (spam sent, invalid recipients) is a
# block, reputation, even when the reply says "this IP" before "blocked"; too
# many recipients or bad commands in one session are not.
verdict "IP blocked for sending spam" reputation yes \
	"554 192.0.2.8 has been temporarily blocked for attempting to send too many messages containing content judged to be spam by the Internet community."
verdict "this IP blocked for invalid recipients" reputation yes \
	"554 This IP has been temporarily blocked for attempting to mail too many invalid recipients."
verdict "excessive unknown recipients" reputation yes "451 Excessive unknown recipients - possible Open Relay (#4.1.8)"
verdict "too many invalid recipients, one session" user-unknown no "550 5.5.1 Too many invalid recipients"
verdict "too many recipients" rate no "452 4.5.3 Too many recipients"
verdict "bad commands from IP" reputation yes "421 too many bad commands from 198.51.100.74"
verdict "bad commands, one session" other no "421 4.7.0 Too many bad commands"

# A whole reply "NAME is blocked" refuses the sender; a message, an
# attachment, a recipient or an account that is blocked is not the sender's.
verdict "name is blocked" blocklist yes "550 5.7.1 example-mailer.net is blocked"
verdict "message is blocked" other no "550 Your message is blocked"
verdict "attachment is blocked" content no "550 5.7.1 Attachment is blocked"
verdict "recipient is blocked" other no "550 Recipient is blocked"
verdict "account is blocked" other no "550 Account is blocked"
verdict "email is blocked" other no "550 5.7.1 Email is blocked"

# Mail from the sender's location or IP refused is a block; from the
# sender's domain for SPF, or for a virus, it is not.
verdict "mail from your location denied" blocklist yes \
	"550 5.7.1 Sorry, mail from your location [203.0.113.48] is administratively denied (#5.7.1)"
verdict "refused mail from IP" blocklist yes "550 5.7.1 mx.example.net refused mail from 198.51.100.24: see http://example.net/codes"
verdict "mail from IP refused" reputation yes "550 5.7.1 Mail from 203.0.113.140 refused, see https://www.example.net/mailblocking.html"
verdict "mail from your domain, SPF" auth no "550 5.7.1 Mail from your domain is refused: SPF fail"
verdict "mail from IP refused for a virus" content no "550 Mail from 192.0.2.1 refused: virus found"
verdict "message from (IP) deferred" reputation yes "421 Message from (198.51.100.31) temporarily deferred"
verdict "traffic not accepted from this IP" reputation yes "550 5.7.1 Access denied, traffic not accepted from this IP."

# A dynamic or dial-up address refused is a list entry (blocklist); with a
# PTR or SPF reason it is the sender's configuration.
verdict "dial-up IP" blocklist yes "554 Dialup/transient IP not allowed. Use a mailgateway or contact the postmaster if obsolete. (DIAL)"
verdict "dynamic IP space" blocklist yes "554 resimta.example.net 192.0.2.61 Dynamic IP space refused."
verdict "dynamic IP without reverse DNS" ptr no "550 5.7.1 Client host rejected: dynamic IP without reverse DNS"
verdict "reverse hostname, dynamic IP" ptr no \
	"450 4.7.1 Client host rejected: cannot find your reverse hostname, dynamic IP [192.0.2.1]"
verdict "dynamic IP, SPF" auth no "550 5.7.1 Dynamic IP addresses must pass SPF"

# TLS not used, a recipient's own volume or receive limit, a recipient
# restriction's policy rejection, a policy verdict under a size code and the
# receiver's own resources are not blocks.
verdict "not sent over TLS" other no "550 5.7.29 This message was blocked because it wasn't sent over a TLS connection."
verdict "rate limited without TLS" other no \
	"421 4.7.29 Your email has been rate limited because you're not using a TLS connection."
verdict "messages to a recipient, volume" rate no \
	"421 Messages to someone@example.com deferred due to excessive volume. Try again later"
verdict "messages from IP, volume" reputation yes "421 4.7.0 Messages from 192.0.2.1 deferred due to excessive volume"
verdict "recipient receive limit" rate no "450 4.2.1 Recipient's per hour message receive limit exceeded"
verdict "recipient policy rejection" other no \
	"554 5.7.1 <user@example.com>: Recipient address rejected: Policy rejection due to null sender"
verdict "recipient policy rejection, RBL" blocklist yes \
	"554 5.7.1 <user@example.com>: Recipient address rejected: Policy rejection, your IP is on our RBL"
verdict "policy violation, size code" content no "554 5.2.3 Policy violation Error delivering to mailboxes"
verdict "resources exceeded" other no "421 4.3.4 allocated resources exceeded"
verdict "policy restrictions, mailbox unavailable" content no \
	"550-Requested action not taken: mailbox unavailable 550-Reject due to policy restrictions. 550 For explanation visit http://example.net/"
# A filter's "Sender blocked" as the whole reply is a list entry; blocked by
# the recipient is not. The cmsmtp front end's "blocked" is a block or not by
# its code (a DNS code is ptr): without a known code, no block.
verdict "sender blocked" blocklist yes "550 5.7.1 [ESA] Sender blocked"
verdict "sender blocked by recipient" other no "550 Sender blocked by recipient"
verdict "cmsmtp DNS code" ptr no "554 cox.net cmsmtp 192.0.2.97 rejected. AUP#CXDNS"
verdict "cmsmtp, unknown code" other no "554 cmsmtp 192.0.2.115 blocked. AUP#In-9990"
verdict "all messages from IP permanently deferred" reputation yes \
	"421 4.7.1 All messages from 192.0.2.37 will be permanently deferred; Retrying will NOT succeed."
# Exim's "Sender rate overlimit" limits the sender (a block); amavisd-new's
# verdicts are about one message.
verdict "exim sender rate overlimit" rate yes "550 Sender rate overlimit - 290.8 / 24h"
verdict "amavis banned file" content no "554 5.7.0 Reject, id=12345-01 - BANNED: P=p003,L=1,M=multipart/mixed | P=p002,L=1/2,T=exe"
verdict "amavis virus" content no "554 5.7.0 Reject, id=12345-01 - INFECTED: Eicar-Test-Signature"
# Too many messages per session (without an article) is a session limit, not
# the sender's; too many messages from the IP is.
verdict "messages per session" rate no "421 Too many messages per session"
verdict "messages from your IP" rate yes "421 Too many messages from your IP"

# Limits per unit of time on the sender are a block; the same limit for one
# recipient, mailbox or session is not (a rule of its own where the receiver
# has one, else the fallback's other).
verdict "sender messages per second" rate yes "452 4.4.5 Messages per second limit exceeded"
verdict "recipient messages per hour" rate no "450 4.2.1 Recipient messages per hour limit exceeded"
verdict "daily message limit" rate yes "452 4.5.3 Daily message limit exceeded"
verdict "daily message limit of a recipient" rate no "452 4.5.3 Daily message limit for this recipient exceeded"
verdict "IP exceeded permitted limits" rate yes "550 5.7.508 Access denied, [192.0.2.7] has exceeded permitted limits within 2001:db8::/48 range"
verdict "message exceeded permitted limits" size no "552 5.3.4 Your message has exceeded the permitted limits for size"
verdict "sender throttled" rate yes "550 5.2.254 Sender throttled due to continuous too many recipients errors."
verdict "recipient receive limit from one sender" rate no "550 5.2.121 Recipient's per hour message receive limit from specific sender exceeded"
verdict "recipient thread limit" rate no "432 4.3.2 STOREDRV.Deliver; recipient thread limit exceeded"
# Failed logins that got the IP listed are a block; a failed login alone is not.
verdict "blacklisted for failed logins" reputation yes "550 Message rejected because [192.0.2.4]:1234 is blacklisted see Blocked - Too many failed logins"
verdict "failed login without a list" other no "535 5.7.8 Error: authentication failed: too many failed login attempts"
# An open relay check on the sender is a block; "not an open relay" of the receiver is not.
verdict "open relay check" reputation yes "554 openrelay check."
verdict "receiver not an open relay" relay-denied no "554 5.7.1 Relaying denied: this server is not an open relay"
# Spamhaus named as the list that refused the IP; a Spamhaus DBL domain in the message is content.
verdict "on Spamhaus XBL" blocklist yes "553 Mail from 192.0.2.2 not allowed - 5.7.1 Connections not accepted from IP addresses on Spamhaus XBL"
verdict "domain in the Spamhaus DBL" content no "550 5.7.1 Your email was rejected due to having a domain present in the Spamhaus DBL"
# The recipient's own setting or choice is not a block; spam abuse of the sender is.
verdict "sender not in allowed senders" other no "550 5.7.124 Sender not in allowed-senders list"
verdict "sender not authenticated, SPF" auth no "550 5.7.1 Sender not authenticated: SPF check failed"
verdict "spam abuse detected" reputation yes "550 5.7.501 Access denied, spam abuse detected"
verdict "recipient does not want your mail" other no "554 5.7.1 The recipient does not want your mail."
verdict "user defined policy" other no "553 User defined policy matched for [192.0.2.5]"
verdict "no mail over IPv6" other no "550 5.7.510 Access denied, [example.com] does not accept email over IPv6"
# Exim's callout on the sender is the sender's address, not the recipient's.
verdict "sender verify callout" other no \
	"550-Verification failed for <a@example.net> 550-The account or domain may not exist, they may be blacklisted. 550 Sender verify failed"
verdict "recipient may not exist" user-unknown no \
	"550 The mail server could not deliver mail to b@example.org. The account or domain may not exist"
# A reply quoted with its enhanced code only: the words decide, else other.
verdict "enhanced code only, words" user-unknown no "5.1.1 User unknown"
verdict "Exchange Online 5.1.0 Sender denied: the recipient address" user-unknown no "5.1.0 Sender denied"
# The sender's submission quota is a limit on the sender; a mailbox's quota is the recipient's.
verdict "submission quota exceeded" rate yes "554 5.2.2 Submission quota exceeded"
verdict "mailbox quota exceeded" mailbox-full no "552 5.2.2 Mailbox quota exceeded"
# A banned sender account is a block; a recipient refused is not.
verdict "bad outbound sender" reputation yes "550 5.1.8 Access denied, bad outbound sender"
verdict "banned recipient" user-unknown no "550 5.7.505 Access denied, banned recipient"
# The receiver's TLS / DANE failures and the sender's own recipient block list are not blocks.
verdict "DANE validation failed" other no "450 4.7.323 tlsa-invalid: The domain failed DANE validation."
verdict "own organisation blocks recipient" other no \
	"550 5.7.703 Your message can't be delivered because one or more recipients are blocked by your organization's tenant recipient block policy"
# Messages from a masked IP deferred are the IP's standing; one recipient's
# messages deferred are not.
verdict "messages from masked IP deferred" reputation yes "421 Message from (X.X.X.X) temporarily deferred"
verdict "messages to a recipient deferred" rate no "421 Messages to someone@example.com deferred due to excessive volume. Try again later"
# "Client host rejected" with a recipient address is a relay refusal; the
# recipient's own refusal of the relay is not the sender's standing either.
verdict "client rejected, recipient context" relay-denied no "554 5.7.1 <user@example.com>: Client host rejected: Access denied"
verdict "relay access denied" relay-denied no "554 5.7.1 <user@example.com>: Relay access denied"
# A tenant blocked from sending from domains it has not registered fixes its
# own setup (Exchange Online 5.7.750: other); a sender blocked from sending
# to one recipient is that recipient's choice.
verdict "client blocked from sending" other no "550 5.7.750 Client blocked from sending from unregistered domain"
verdict "sender blocked for one recipient" other no "550 5.7.1 Sender blocked from sending to this recipient"
# The sender's own named limits (messages per second, daily messages,
# concurrent connections, "sender throttled")
# are blocks; a recipient's daily or thread limit is not.
verdict "recipient daily message limit" rate no "452 Recipient daily message limit exceeded"
verdict "daily limit for this recipient" rate no "452 4.5.3 Daily message limit exceeded for this recipient"
verdict "concurrent connections limit" rate yes "432 4.3.2 Concurrent connections limit exceeded."
verdict "spam in the message" content no "550 5.7.1 Message rejected: spam detected"

# Replies quoted with an enhanced code only: read by their words, else the
# last resort (other, no block).
verdict "bare code, no words known" other no "5.7.1 Delivery not authorized"
verdict "bare code, RFC 5322" content no "5.7.512 Access denied, message must be RFC 5322 section 3.6.2 compliant"

# An address not available here is the recipient's; a sender verification
# callout that failed is the sender's (other), even when it quotes "may not
# exist"; a Spamhaus list named after "IP addresses on" is a list entry.
verdict "address not available here" user-unknown no "557 Email address - someone@example.com - is not available here."
verdict "sender verification failed" other no \
	"550-Verification failed for <a@example.org> 550-The mail server could not deliver mail to a@example.org. The account or domain may not exist. 550 Sender verify failed"
verdict "IP addresses on Spamhaus XBL" blocklist yes \
	"553 Mail from 192.0.2.2 not allowed - 5.7.1 Connections not accepted from IP addresses on Spamhaus XBL;"
# A bare word that "is blocked" and mail refused for PTR or SPF reasons are
# not list entries.
verdict "relaying is blocked" other no "550 Relaying is blocked"
verdict "mail from your server, SPF" auth no "550 5.7.1 Mail from your server rejected: SPF fail"
verdict "refused mail from IP, no PTR" ptr no "550 5.7.1 mx.example.net refused mail from 192.0.2.7: no PTR record"
verdict "not accepted from this IP, reverse DNS" ptr no "550 Mail not accepted from this IP: reverse DNS missing"

# A limit on the requests of the sending host is a block; the receiver's own
# load, a limit of recipients per message and a PTR reason are not.
verdict "limit of requests from your host" rate yes \
	"451-The server has reached its limit for processing requests from your host. 451 Please try again later."
verdict "limit of connections from your IP" rate yes "421 4.7.0 You have exceeded the limit of connections from your IP address"
verdict "the server's own request limit" other no "451 The server has reached its limit for processing requests. Please try again later."
verdict "limit of recipients from your host" other no "452 You have reached the limit of recipients from your host"
verdict "host limit with a PTR reason" ptr no \
	"550 5.7.1 Client host rejected: cannot find your reverse hostname, reached the limit of connections from your host"
verdict "host limit while greylisting" greylist no "450 4.7.1 Reached the limit of messages from your host: greylisted, try again later"
# The receiver's broken restriction, a recipient known to bounce, an account
# without inbound mail, the sender's address not allowed: none is the
# sender's standing; a sending IP blocked for mail to bouncing addresses is.
verdict "restriction on a broken configuration" other no \
	"451 4.3.5 <a@example.org>: Recipient address rejected: Server configuration problem"
verdict "recipient known to bounce" user-unknown no "550 5.1.1 Recipient address rejected: recipient is known to bounce"
verdict "IP blocked for mail to bouncing addresses" blocklist yes \
	"550 Your IP has been blocked: too many messages to addresses that previously bounced"
verdict "account inbound mail disabled: the organisation's account" other no "451 Account inbounds disabled."
verdict "delivery requirements" content no "554 5.7.1 This message does not meet our delivery requirements"
verdict "sender address not allowed" other no \
	"550-Requested action not taken: mailbox unavailable 550 Sender address is not allowed."
verdict "mailbox unavailable alone" user-unknown no "550 Requested action not taken: mailbox unavailable"
verdict "domain not hosted here" relay-denied no "550 No such domain at this location (someone@example.net)"
# Provider codes that sit side by side in one table: SFR's spam and volume
# suspensions are the sender's standing, its SMTP-errors pause is not; AAISP's
# CA2 blocks the IP, BO1 refuses one bounce; SendGrid's credit limit holds
# the account back, an unverified From address is its setup; OCI's sending
# limits hold the tenancy back, repeated login failures are its setup.
verdict "SFR spam suspension" reputation yes "450 4.7.1 SFR_IN_101"
verdict "SFR volume suspension" rate yes "450 4.7.1 SFR_IN_205"
verdict "SFR SMTP errors" other no "450 4.7.1 SFR_IN_103"
verdict "AAISP CA2" reputation yes \
	"550 Error CA2 see: http://wiki.aa.org.uk/Sending_Email_Errors 192.0.2.4 is blocked from sending. Probably due to sending spam messages."
verdict "AAISP BO1" other no "550 Error BO1 see: http://wiki.aa.org.uk/Sending_Email_Errors"
verdict "SendGrid credits" rate yes "451 Authentication failed: Maximum credits exceeded"
verdict "SendGrid sender identity" other no "403 You are not authorized to send from that email address"
verdict "OCI daily limit" rate yes "455 Maximum messages sent per day reached : limit is 50"
verdict "OCI auth failures" other no "421 Too many auth failures, try again later"
verdict "Proximus blacklist" blocklist yes "554 Access denied - Under investigation for spam abuse"
verdict "ImprovMX anti-spam retry" other no "450 4.2.1 Please try again later. (#id-5.9.4)"
# Shaw's smarthost names "spam" for its daily volume limit (a block); a
# spam verdict on one message is not one. TalkTalk's TT992 is a verdict on
# the message.
verdict "Shaw spam limit" rate yes "4.5.9|Spam limit has been reached."
verdict "spam detected in one message" content no "550 5.7.1 Spam detected"
verdict "TalkTalk TT992" content no "Content rejected (TT992)"
verdict "AAISP CA3" reputation yes "550 Error CA3 see: http://wiki.aa.org.uk/Sending_Email_Errors"
# LWS's codes: the sender's volume is a block, one message's size and one
# recipient's volume are not, nor an IP blocked after failed logins.
verdict "LWS sending volume" rate yes "LPR-RATE01"
verdict "LWS one recipient" rate no "LPR-DEST01"
verdict "LWS message size" size no "L-SIZE00"
verdict "LWS data volume" rate yes "L-SIZE01"
verdict "LWS failed logins" other no "L-IPA1"
verdict "LWS spam" reputation yes "L-SPAM10"
# cPanel's hourly caps hold the whole domain back (blocks); a limit of
# recipients in one message does not.
verdict "cPanel max emails per hour" rate yes \
	"Domain example.com has exceeded the max emails per hour (101/100 (101%)) allowed. Message discarded."
verdict "cPanel max defers and failures" reputation yes \
	"Domain example.com has exceeded the max defers and failures per hour (5/5 (100%)) allowed. Message discarded."
verdict "too many recipients in one message" rate no "452 4.5.3 Too many recipients"
# A Baruwa gateway's banned senders list and its dictionary-attack
# refusal are the sender's standing; its sender verification is not.
verdict "Baruwa banned IP" blocklist yes "550 The sender 192.0.2.45 is banned"
verdict "Baruwa dictionary attack" reputation yes "550 Dictionary attack detected"
verdict "Baruwa sender verification" other no "550 Sender verification failed"
# Iridis's send-rate limit holds the sender back; a blocked attachment
# type is one message's (not a list entry, whatever "Blacklisted" says).
# Qboxmail's plan limits are blocks, its setup refusals are not.
verdict "Iridis send rate" rate yes "HST-RTE: Hourly send rate exceeded, retry later."
verdict "Iridis attachment type" content no "MSG-EXT: Blacklisted high risk file extension detected"
verdict "Qboxmail daily limit" rate yes "err=daily_limit_reached"
verdict "Qboxmail IP not enabled" other no "err=ip_not_allowed"
verdict "PolarisMail daily limit" rate yes "462 Daily send limit reached. Please try again tomorrow"
# JetEmail: a sender blocked for abuse is a block, one message scored as
# spam and a From domain the SMTP user may not use are not. SocketLabs'
# suspended account (its monthly allotment) is a block.
verdict "JetEmail abuse block" reputation yes "550 5.7.1 [ABUSE] Sender blocked: spam or abuse detected."
verdict "JetEmail spam message" content no "550 [SPAM] Blocked. See https://reports.jetsmtp.net/?id=0"
verdict "JetEmail ACL" other no "550 [ACL] Blocked. See https://reports.jetsmtp.net/?id=0"
verdict "SocketLabs account suspended" rate yes "451 4.7.1 Your account has been temporarily suspended"
# Outlook.com's outbound verdicts: over the account's quota is a block, a
# human verification to pass is not. Relays' sender-setup refusals are not.
verdict "Outlook.com RefuseQuota" rate yes \
	"554 5.2.0 STOREDRV.Submission.Exception:OutboundSpamException; Failed to process message due to a permanent exception with message WASCL UserAction verdict is not None. Actual verdict is RefuseQuota, ShowTierUpgrade."
verdict "Outlook.com HipNotify" other no \
	"554 5.2.0 STOREDRV.Submission.Exception:OutboundSpamException; Failed to process message due to a permanent exception with message WASCL UserAction verdict is not None. Actual verdict is HipNotify, ShowTierUpgrade."
verdict "Mailgun sandbox" other no "554 Sandbox subdomains are for test purposes only. Please add your own domain."
verdict "SparkPost unconfigured domain" other no "550 5.7.1 Unconfigured Sending Domain <example.com>"
verdict "SES identity not verified" other no "554 Message rejected: Email address is not verified."
verdict "Webcentral daily limit" rate yes '550 "Daily limit has been exceeded for someone@example.com"'
# BT's daily cap names the server's IP after a dotted policy code: the
# IP is the one after "from", and the cap is a block.
verdict "BT too many messages" rate yes "421 Too many messages (1.5.6.1) from 198.51.100.7"
# EarthLink's outbound ELNK_ codes: volume and SMTP AUTH attacks are the
# sender's standing, an unacceptable HELO is its setup.
verdict "EarthLink ELNK_136" rate yes "421 4.2.1 Connection deferred - ELNK0001_136"
verdict "EarthLink ELNK_134" reputation yes "421 4.2.1 Connection deferred - ELNK0001_134"
verdict "EarthLink ELNK_201" ptr no "550 5.7.1 HELO command rejected - ELNK0001_201"

# Blacklisted words in the message are a verdict on it; the sender on the
# receiver's internal block list is a block.
verdict "blacklisted words" content no "554 Your message was rejected because it contains blacklisted words"
verdict "on our internal block list" blocklist yes "550 5.7.1 Reject: the sending domain is listed on our internal block list"

# A sending client named and blocked, or refused "by your IP" with the lists
# to leave, is a list entry; the receiver's own list failure, a PTR reason,
# an authentication or relaying requirement are not.
verdict "client host blocked, list not named" blocklist yes \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked you may be infected"
verdict "client host blocked by the customer's list" other no \
	"550 5.7.513 Service unavailable, Client host [192.0.2.1] blocked by example.com using Customer Block list (AS16012607)"
verdict "client host blocked, no PTR" ptr no "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked: no PTR record"
verdict "access forbidden by your IP, lists named" blocklist yes \
	"551 Server access forbidden by your IP 192.0.2.2 websites spamcop.net, mailspike.net for removal"
verdict "access denied for your IP, authenticate" other no "550 Access denied for your IP: authentication required"
verdict "access forbidden for your IP, relaying" relay-denied no "553 Access forbidden for your IP 192.0.2.3: relaying not permitted"
# Complaints that got a block placed on the IP and an account suspended by
# its sending service are the sender's standing; an account's sending
# disabled by its own provider, limits per session, per message's
# recipients or of a mailbox are not.
verdict "block placed against your IP" reputation yes \
	"550 SC-004 Mail rejected for policy reasons. A block has been placed against your IP address because we have received complaints"
verdict "sending suspended for this account" reputation yes "554 Message rejected: Sending suspended for this account."
verdict "sending account suspended" reputation yes \
	"550 5.7.0 Email relay denied. The sending email account has been temporarily suspended due to abuse."
verdict "relay denied alone" relay-denied no "550 5.7.0 Email relay denied"
verdict "exceeded your messaging limits" rate yes "451 You've exceeded your messaging limits"
verdict "only N messages per day" rate yes "5.7.1 <DATA>: Data command rejected: only 10 messages per day"
verdict "message limits for recipients" rate no "452 4.5.3 You have exceeded your message limits for recipients per message"
verdict "mails per session limit" rate no "451-Requested action aborted 451 Mails per session limit"
verdict "mailbox storage limit" mailbox-full no "452 4.2.2 You have exceeded your mailbox storage limit"
verdict "delayed by postgrey" greylist no "450 4.2.0 <someone@example.com>: Recipient address rejected: Delayed by postgrey"
verdict "recipient rejected, openspf" auth no \
	"550 5.7.1 <someone@example.com>: Recipient address rejected: Please see http://www.openspf.net/Why?s=helo;id=example.com;ip=192.0.2.4"

# Mail from the sending host not accepted, the host deferred or suspended, a
# policy on the IP, suspicious activity of the sender, the sender named as a
# spam source: blocks; the same words about a domain, a recipient, a
# message, a login, a session, or with a PTR, TLS, IPv6 or greylisting
# reason are not.
verdict "not accepting mail from your host" reputation yes \
	"554 VIRUS Contact postmaster@example.org if this is in error, but we do not accept mail from your host, which is sending us viruses."
verdict "not accepting mail from an open relay" reputation yes \
	"554 LOLORLY Contact postmaster@example.org if this is in error, but we do not accept mail from your server as it appears to be an open relay"
verdict "no mail from your server over IPv6" other no "550 5.7.1 We do not accept mail from your server over IPv6"
verdict "no mail from your IP without TLS" other no "554 5.7.1 We do not accept mail from your IP without TLS"
verdict "no mail from your server, PTR" ptr no "550 5.7.1 We do not accept mail from your server: no PTR record"
verdict "not accepting from your IP, greylisted" greylist no \
	"450 4.7.1 Not accepting mail from your IP yet: greylisted, try again later"
verdict "recipient does not accept your address" other no "550 5.7.1 The recipient does not accept mail from your address"
verdict "recipient does not accept your server" other no "550 5.7.1 This recipient does not accept mail from your server"
verdict "IP subnet deferred" reputation yes "Your IP subnet has been temporarily deferred"
verdict "IP address suspended" reputation yes "421 4.7.0 Your IP address has been temporarily suspended"
verdict "mailbox suspended" other no "421 4.2.1 Mailbox temporarily suspended"
verdict "recipient account suspended" user-unknown no "550 5.2.1 Recipient account suspended"
verdict "server restricted to authenticated relaying" other no \
	"554 5.7.1 Your server has been restricted to authenticated relaying"
verdict "IP deferred while greylisting" greylist no \
	"421 4.7.0 Your IP has been temporarily deferred: greylisted, please try again later"
verdict "server deferred, per-session limit" rate no \
	"421 4.7.0 Your server is temporarily deferred: too many messages in this session"
verdict "IP is rejected" other yes "IP is rejected"
verdict "IP is rejected, reverse DNS" ptr no "550 IP is rejected: no reverse DNS"
verdict "policy for your IP" other yes "554 5.7.1 Rejected due to policy for your IP"
verdict "message refused by a content filter" content no \
	"550 5.7.1 Message rejected due to policy for your IP: content filter"
verdict "unusual activity from your account" reputation yes \
	"550 5.7.1 [ITR] Our system has detected unusual activity from your account. (0.50) See http://endsp.am/1bsbIfq"
verdict "suspicious message content" content no \
	"421 4.7.0 This message is suspicious due to the nature of the content or the links within."
verdict "suspicious login" other no "535 5.7.8 Suspicious login activity detected, please change your password"
verdict "unusual activity of a recipient" other no "550 5.7.1 Unusual activity detected on the recipient's mailbox"
verdict "unsolicited mail from your address" reputation yes \
	"550 5.7.1 [CSR] Our system has detected an unusual amount of unsolicited email originating from your address."
verdict "message identified as a source of spam" content no "554 5.7.1 Your message was identified as a source of spam"
verdict "recipient quota, mail from your server" mailbox-full no \
	"452 4.2.2 Quota exceeded for this recipient, unusual amount of mail from your server"
verdict "recipient's own block list" other no "550 5.7.1 Sender address blocked by the recipient's own block list"
# The sender held back for abuse or over a limit set on it is a block; a
# recipient's account or restriction that speaks of abuse, a login failure,
# the receiver's own connection load and a session limit for one recipient
# are not.
verdict "spam abuse detected, words only" reputation yes "Access denied, spam abuse detected"
verdict "tenant over threshold, words only" reputation yes "Access denied, tenant has exceeded threshold"
verdict "mail from this IP blocked for abuse" reputation yes "550 5.7.1 Mail from this IP is blocked due to abuse"
verdict "incoming mail suspended for abuse" user-unknown no \
	"550 5.2.1 <user@example.com>: Recipient address rejected: Incoming suspended due to abuse"
verdict "recipient policy rejection, abuse" other no \
	"450 4.7.1 <email@example.com>: Recipient address rejected: Policy Rejection- Abuse. Go away."
verdict "account suspended for failed logins" other no \
	"550 5.7.1 Your account has been suspended due to abuse: too many failed login attempts"
verdict "mail server over the connection limit" rate yes \
	"451- 4.7.652 The mail server [192.0.2.52] has exceeded the maximum number of connections. (S3115)"
verdict "the server's own connection limit" other no \
	"421 4.3.2 The server has reached its maximum number of connections, try again later"
verdict "sessions for one recipient" other no \
	"421 4.7.0 Your server has exceeded the maximum number of sessions for this recipient"
verdict "mailbox connection limit" mailbox-full no "452 4.2.2 Mailbox has exceeded the maximum number of connections"
verdict "recipient throttled" other no "450 4.2.1 Recipient throttled, try again later"
# One receiver's table (enemieslist's sendmail rulesets): mail from the IP
# refused for its history is a block; the same words for missing reverse DNS
# or for the sender's domain are not.
verdict "not accepting mail from your IP, history" reputation yes \
	"554 ROLEACT Contact postmaster@example.org if this is in error, but we do not accept mail from your IP address, (192.0.2.1), which has a history of spamming/abusing role accounts, e.g., abuse or postmaster."
verdict "not accepting mail from your IP, reverse DNS" ptr no \
	"550 NOFCRDNS Contact postmaster@example.org if this is in error, but we do not accept mail from your IP address, (192.0.2.1), which appears to lack forward-compatible reverse DNS."
verdict "not accepting mail from your domain" other no \
	"554 SDOMAIN Contact postmaster@example.org if this is in error, but we do not accept mail from your domain."
# The receiver's own server suspended (maintenance) is not the sender's
# standing.
verdict "the receiver's mail server suspended" other no "421 Mail server temporarily suspended."
verdict "this server suspended" other no "421 4.3.2 This server is temporarily suspended."
verdict "server a known source of spam" reputation yes "554 Your server is a known source of spam"
verdict "message identified as a source of spam, recipient" content no \
	"550 This message was identified as a source of spam by the recipient"
verdict "this server's own connection limit" other no \
	"421 4.3.2 This server has reached the maximum number of connections"
# ---- Look-alikes of every block rule on wordings they were not written
# from (block precision on unseen replies). ----

# A recipient's, a user's or an organisation's own list of senders ("blocked
# senders", "blacklisted by the recipient", Mimecast's Blocked Senders
# entries, Exchange's sender filter): that recipient's choice, not the
# sender's standing (patterns/README.md: no block).
verdict "rcpt blocked senders list" other no "550 5.7.1 Sender is on the recipient's blocked senders list"
verdict "blacklisted by the recipient" other no "550 5.7.1 Your address is blacklisted by the recipient"
verdict "sender rejected, blacklisted by recipient" other no "554 5.7.1 <a@example.com>: Sender address rejected: blacklisted by recipient"
verdict "user's blacklist" other no "550 Sender address is on the user's blacklist"
verdict "sender blacklisted by user" other no "550 5.7.1 Message rejected: sender blacklisted by user"
verdict "mimecast header from blocked senders" other no "550 Rejected by header-based Blocked Senders - block policy for Header From address"
verdict "mimecast manually blocked senders" other no "550 Rejected by header-based manually Blocked Senders - block for manual block."
verdict "mimecast manual blocked senders ip" other no "550 Rejected by header-based manually Blocked Senders: 192.0.2.1"
verdict "mimecast 421 sender address blocked" other no "421 Sender address blocked"
verdict "mimecast envelope user entry" other no "550 Envelope blocked - User Entry - https://community.mimecast.com/docs/DOC-1369#550"
verdict "mimecast envelope user domain entry" other no "550 Envelope blocked - User Domain Entry"
verdict "recipient has blocked this sender" other no "550 5.7.1 The recipient has blocked this sender"
verdict "sender blocked by recipient org" other no "554 5.7.1 Sender blocked by recipient's organization"
verdict "personal block list" other no "550 5.7.1 Sender address blocked by the recipient's personal block list"
verdict "in the recipient's blacklist" other no "550 5.7.1 Your email address is in the recipient's blacklist"
verdict "domain on recipient's block list" other no "550 5.7.1 example.net is on the recipient's block list"
verdict "sender domain blacklisted by recipient" other no "550 Sender domain example.net is blacklisted by the recipient"
verdict "sender on domain's blacklist" other no "551 Sender is on domain's blacklist"
verdict "sender blocklisted" other no "550 5.1.1 <a@example.net> sender is blocklisted"
verdict "sender on user blocklist" other no "550 5.7.1 Mail from a@example.net rejected: sender on user blocklist"
verdict "blacklisted sender address" other no "553 5.7.1 <a@example.net>: Sender address rejected: Access denied - blacklisted sender"
verdict "sender address blacklisted" other no "554 5.7.1 <a@example.net>: Sender address rejected: Your address is blacklisted"
verdict "exchange sender filter" other no "554 5.7.105 SenderFilterAgent; Sender denied as sender's email address is on SenderFilterConfig list"
verdict "blocked senders list of the mailbox" other no "550 5.7.1 Message rejected: the sender is in the blocked senders list of this mailbox"
verdict "sender address on blacklist of user" other no "550 Your email address is on the blacklist of this user"
verdict "blocked by this recipient GE" other no "554 5.7.1 a@example.net: Sender address rejected: Blocked by this recipient (GE)"
verdict "recipient's blocklist ip" other no "550 5.7.1 Rejected: 192.0.2.1 is on the recipient's personal blocklist"
verdict "user's block list IP" other no "550 Message from 192.0.2.1 rejected: sender is in user's block list"
verdict "SPFBL permanently blocked" other no "550 5.7.1 SPFBL you are permanently blocked on this server."
verdict "sender denied by recipient" other no "550 5.7.1 Sender denied by recipient"
verdict "blocked senders policy" other no "550 Envelope rejected - Blocked Senders Policy"
verdict "zoho mailbox restricted by policy" content no "452 <example@zoho.com> Mailbox delivery restricted by policy error"
verdict "zoho rejected by destination" other no "541 5.4.1 Mail rejected by destination domain"
verdict "user filter" other no "550 5.7.1 Rejected by the recipient's mail filter: sender blocked"

# A link, URL, domain, attachment or words in the message on a list, or
# with a poor reputation: a verdict on that message (content), whatever
# list zone or "blacklisted" the reply names.
verdict "blacklisted URL" content no "554 5.7.1 Message contains a blacklisted URL"
verdict "URL listed in URIBL" content no "550 5.7.1 Message rejected: URL in body is listed in multi.uribl.com"
verdict "domain in DBL body" content no "554 5.7.1 Blocked: message contains a domain listed in dbl.spamhaus.org"
verdict "link in SURBL" content no "550 5.7.1 Message rejected because it contains a link listed in multi.surbl.org"
verdict "blocked attachment type" content no "552 5.7.0 Blocked attachment type (.exe)"
verdict "attachment blacklisted" content no "550 5.7.1 Attachment blacklisted"
verdict "blacklisted phrase" content no "554 5.7.1 Message blocked: blacklisted phrase in subject"
verdict "spam filter score" content no "550 5.7.1 Your message was blocked by our spam filter (score 9.1)"
verdict "blocked file extension" content no "554 5.7.1 Rejected: message blocked due to blocked file extension"
verdict "UBE id" content no "550 5.7.1 Message content rejected, UBE, id=12345"
verdict "link on our block list" content no "550 5.7.1 Your message contains a link on our block list"
verdict "body URI SURBL" content no "554 5.7.0 Message rejected: body URI blocked by SURBL"
verdict "forpsi spam detected" content no "552 5.2.0 0biL1i00V1cmcpM01biL4w spam detected"
verdict "spam detected" content no "550 Spam detected"
verdict "url reputation" content no "550 5.7.1 Message rejected due to URL reputation"
verdict "poor reputation link" content no "554 5.7.1 Message contains a link with a poor reputation"
verdict "message reputation" content no "550 5.7.1 Message rejected: content reputation too low"
verdict "virus from IP" content no "554 5.7.1 Message from 192.0.2.1 rejected: virus detected"
verdict "message blocked listed content" content no "550 5.7.1 This message was blocked because its content is listed as spam"
verdict "phishing" content no "554 5.7.1 Message rejected: phishing URL blacklisted"

# Limits of one session, one transaction or one message ("connection
# limit" of one session, messages or recipients per connection): rate or
# other, no block.
verdict "too many messages in this connection" rate no "421 4.7.0 Too many messages in this connection"
verdict "too many messages in one session" rate no "421 Too many messages in one session, please reconnect"
verdict "messages per connection limit" rate no "421 4.7.0 Messages per connection limit reached, please reconnect"
verdict "connection limit one session" rate no "451 4.7.1 Connection limit of 100 messages per session reached"
verdict "per-session message limit" other no "452 4.5.3 Per-session message limit exceeded"
verdict "session recipient limit" rate no "452 4.5.3 Too many recipients in this session"
verdict "recipients per message" rate no "452 4.5.3 Too many recipients per message, limit 100"
verdict "max recipients per connection" rate no "452 4.5.3 Service unavailable, recipients per connection limit reached"
verdict "batch limit" rate no "452 4.5.3 Service unavailable, batch limit reached"
verdict "max messages per session" rate no "452 4.4.5 Maximum number of messages per session exceeded."
verdict "godaddy messages per session" rate no "550 192.0.2.1 This message has exceded the max number of messages per session. Please open a new session and try again. IB510"
verdict "rate limit recipients per message" rate no "452 4.5.3 Rate limit: too many recipients per message"
verdict "slow down recipients" rate no "452 4.5.3 Slow down: too many RCPT commands in this transaction"

# A mailbox's quota or volume, whatever limit words it uses: the recipient's.
verdict "mailbox too many messages" mailbox-full no "452 4.2.2 Mailbox over quota: too many messages in mailbox"
verdict "recipient's mailbox rate" rate no "450 4.2.1 Mailbox received too much email in a short period of time (G30)"
verdict "mailbox message limit" mailbox-full no "552 5.2.2 Mailbox limit exceeded: too many messages stored"
verdict "quota limit" mailbox-full no "422 4.2.2 Quota limit exceeded (Speicherplatz des Kontos ueberschritten)"
verdict "mailbox volume limit" mailbox-full no "452 4.2.2 Mailbox volume limit reached"
verdict "account over quota slow down" mailbox-full no "452 4.2.2 The email account that you tried to reach is over quota"
verdict "user too many mails" mailbox-full no "550 <a@web.de> Benutzer hat zuviele Mails auf dem Server. / User has too many messages on the server."

# Greylisting, even when it names the IP or "too many connections".
verdict "greylisted try again" greylist no "451 4.7.1 Greylisted, please try again in 300 seconds"
verdict "greylisted IP" greylist no "450 4.7.1 Client host [192.0.2.1] greylisted, try again later"
verdict "greylist too many conn" greylist no "451 4.7.1 Greylisting in action: too many new connections from unknown hosts, try again later"
verdict "not yet authorized" greylist no "451 4.7.1 You are not yet authorized to deliver mail, try again in 5 minutes"
verdict "deferred greylist IP listed" greylist no "450 4.7.1 Your IP 192.0.2.1 is on the greylist, please try again later"
verdict "try again in N seconds" greylist no "450 4.2.0 Temporarily rejected: try again in 60 seconds"
verdict "mimecast greylisting" greylist no "451 Internal resource temporarily unavailable - https://community.mimecast.com/docs/DOC-1369#451"

# SMTP AUTH and relaying refused by a submission server, even with the
# client's IP named: the sender's setup (other, relay-denied).
verdict "auth required" other no "530 5.7.0 Authentication required"
verdict "auth failed" other no "535 5.7.8 Error: authentication failed: authentication failure"
verdict "relay denied your IP" relay-denied no "550 5.7.1 Relaying denied for your IP address 192.0.2.1"
verdict "not allowed to relay from IP" other no "553 5.7.1 Sorry, you are not allowed to relay from your IP [192.0.2.1]"
verdict "relay not allowed authenticate" relay-denied no "530 5.7.1 Relaying not allowed - please authenticate"
verdict "unable to relay ip not authorized" relay-denied no "550 5.7.1 Unable to relay for a@example.org, your IP 192.0.2.1 is not authorized"
verdict "client not allowed to relay" other no "554 5.7.1 Client host rejected: your IP 192.0.2.1 is not allowed to relay"
verdict "submission auth needed" other no "550 5.7.1 Client does not have permissions to send as this sender"
verdict "must authenticate" other no "530 5.7.57 Client not authenticated to send mail"
verdict "submission IP not allowed no auth" other no "554 5.7.1 Access denied: you must authenticate before sending from 192.0.2.1"
verdict "too many failed logins" other no "535 5.7.8 Too many failed login attempts, try again later"
verdict "too many auth failures" other no "421 4.7.0 Too many authentication failures from this session"

# PTR, HELO, SPF, DKIM and DMARC reasons, even with "blocked", "rate
# limited" or the IP: ptr and auth, not blocks.
verdict "IP blocked no reverse DNS" ptr no "550 5.7.1 Client host rejected: IP 192.0.2.1 blocked: no reverse DNS"
verdict "IP blocked no PTR" ptr no "550 5.7.1 Your IP 192.0.2.1 is blocked because it has no PTR record"
verdict "blocked invalid HELO" ptr no "421 4.7.0 Your IP 192.0.2.1 has been temporarily blocked: invalid HELO"
verdict "helo blacklisted" ptr no "554 5.7.1 Rejected: HELO hostname not valid, blocked"
verdict "ip blocked spf" auth no "550 5.7.1 Your IP is blocked for failing SPF checks"
verdict "dmarc sender blocked" auth no "550 5.7.1 Message rejected: DMARC policy of example.com is reject, sender blocked"
verdict "spf not permitted ip" auth no "550 5.7.23 Message rejected due to SPF fail: IP 192.0.2.1 is not permitted"
verdict "dkim blocked" auth no "550 5.7.1 Message blocked: DKIM signature invalid"
verdict "rate limited dkim" auth no "421 4.7.30 Your email has been rate limited because DKIM authentication didn't pass for this message."
verdict "generic hostname blocked" ptr no "550 5.7.1 Connection refused: generic reverse DNS for 192.0.2.1 (blocked)"
verdict "ptr rate limited" ptr no "421 4.7.0 Rate limited: your IP 192.0.2.1 has no PTR record"
verdict "forward dns mismatch" ptr no "550 5.7.1 domain [example.net] mismatches client ip [192.0.2.1]"
verdict "helo too many" ptr no "421 4.7.0 Too many connections with invalid HELO, bye"

# The receiver's own trouble or total limits (overload, a "global" or bare
# "connection limit", its list lookups failing): other, no block.
verdict "exim server connections, all clients (4.3.2)" other no "421 4.3.2 Too many concurrent SMTP connections; please try again later."
verdict "server busy" other no "421 4.3.2 Service not available, closing transmission channel"
verdict "concurrency limit" other no "421 4.4.5 Service unavailable, concurrency limit reached"
verdict "resource forest" other no "421 4.3.2 The maximum number of concurrent connections per resource forest has exceeded a limit, closing transmission channel."
verdict "server overloaded slow down" other no "421 4.3.2 System overloaded, slow down and try again later"
verdict "connection limit server" other no "421 4.3.2 Connection limit reached, try again later"
verdict "global connection limit" other no "421 4.7.0 Global connection limit exceeded, please try again later"
verdict "mimecast max load" other no "421 Unable to process connection at this time"
verdict "godaddy server unavailable" other no "421 Server temporarily unavailable. Try again later. IB101"
verdict "temporary local problem" other no "451 4.3.0 Temporary local problem - please try later"
verdict "queue full" other no "452 4.3.1 Insufficient system storage"
verdict "dns lookup failure" other no "451 4.4.3 Temporary lookup failure"
verdict "list query refused" other no "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using multi.uribl.com; 127.0.0.1 -> Query Refused. See http://uribl.com/refused.shtml"
verdict "open resolver" other no "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org; Error: open resolver; https://www.spamhaus.org/returnc/pub/192.0.2.53"
verdict "too many errors" other no "421 4.7.0 mx.example.net Error: too many errors"
verdict "too many bad commands" other no "421 4.7.0 Too many bad commands, closing connection"

# Positive replies (2xx, 3xx) and success-like words ("not blacklisted",
# "IP reputation good"): no rule of a refusal reads them.
verdict "250 queued not blacklisted" other no "250 2.0.0 Ok: queued as 4F1B2C3D, sender not blacklisted"
verdict "250 accepted rate limit info" other no "250 2.0.0 Message accepted for delivery (rate limit 100/hour)"
verdict "250 ok IP not listed" other no "250 Requested mail action okay, completed: IP 192.0.2.1 not listed in zen.spamhaus.org"
verdict "250 blocked using nothing" other no "250 2.0.0 OK, spam check passed: not blocked using bl.spamcop.net"
verdict "250 too many connections info" other no "250 2.0.0 Ok: queued as 12345 (too many connections warning ignored)"
verdict "250 IP reputation good" other no "250 2.6.0 Message accepted; IP reputation good"
verdict "251 user not local" other no "251 2.1.5 User not local; will forward"
verdict "250 mimecast ok" other no "250 Ok - Blocked Senders list checked"

# The blocks these look-alikes resemble stay blocks (the sending IP's
# connections, a named list, La Poste's _102, Spectrum's AUP#In-1310 /
# 1370 as patterns/README.md calls them); La Poste's _510 with words that
# name the message's content is content.
verdict "too many connections from IP" rate yes "421 4.7.0 Error: too many connections from 192.0.2.10"
verdict "connection limit for IP" rate yes "421 4.7.0 Connection limit reached for your IP 192.0.2.1"
verdict "exim per host" rate yes "421 Too many concurrent SMTP connections from this IP address; please try again later."
verdict "spamhaus" blocklist yes "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.1"
verdict "godaddy sessions" rate yes "421 Connection refused, too many sessions from 192.0.2.1. Please lower the number of concurrent sessions. IB007"
verdict "socketlabs temp blacklist" blocklist yes "421 4.5.1 Too many errors, you have been temporarily blacklisted"
verdict "vpop3 connections" rate yes "421 4.3.2 VPOP3 Too many connections from your IP address - try later"
verdict "socketlabs connections" rate yes "421 4.4.5 - Too many connections from your host"
verdict "La Poste 102" blocklist yes "521 5.7.1 Service unavailable LPN007_102"
verdict "spectrum 1310" rate yes "550 5.1.0 sender rejected. AUP#In-1310"
verdict "spectrum 1370" rate yes "421 cmsmtp 192.0.2.1 blocked. AUP#In-1370"
verdict "La Poste 510 content" content no "550 5.7.1 Suspicion de contenu non sollicite, ce message n'a pas ete transmis LPN007_510"
verdict "La Poste 630" other no "554 5.7.1 Client host rejected LPN000_630"

# The IP, the server or the account named, but the reason is one message's,
# one mailbox's, a submission server's or the receiver's own: no block.
verdict "mail from IP blocked no rdns" ptr no "550 5.7.1 Mail from 192.0.2.1 blocked: no reverse DNS"
verdict "connection from IP blocked SPF" auth no "550 5.7.1 Connection from 192.0.2.1 blocked: SPF fail"
verdict "client IP blocked greylisted" greylist no "421 4.7.0 Client 192.0.2.1 blocked: greylisted, try again later"
verdict "message from IP blocked virus" content no "554 5.7.1 Message from 192.0.2.1 blocked: virus found"
verdict "message from IP blocked attachment" content no "550 Message from 192.0.2.1 blocked: attachment type not allowed"
verdict "relay from IP blocked auth" other no "530 5.7.0 Relay from 192.0.2.1 blocked: authentication required"
verdict "your IP blocked invalid HELO" ptr no "550 5.7.1 Your IP address is blocked: invalid HELO name"
verdict "your mail server blocked no rdns" ptr no "550 5.7.1 Your mail server has been blocked because it has no reverse DNS"
verdict "IP not in allowed list rcpt domain" other no "550 5.7.1 Access denied: IP 192.0.2.1 not in the allowed list for this recipient domain"
verdict "IP not in whitelist rcpt domain" other no "421 4.7.0 IP not in whitelist for RCPT domain, closing connection."
verdict "not authorized to use smtp server" other no "554 Access denied: your IP is not authorized to use this SMTP server"
verdict "IP reputation service unavailable" other no "451 4.7.1 IP reputation service unavailable, try again later"
verdict "mail from your IP refused relay auth" other no "553 5.7.1 Mail from your IP refused: relaying requires authentication"
verdict "mail from IP rejected too big" size no "552 Mail from 192.0.2.1 rejected: message too big"
verdict "mail from IP deferred mailbox full" mailbox-full no "450 Mail from 192.0.2.1 deferred: recipient mailbox full"
verdict "mail from IP rejected user unknown" user-unknown no "550 Mail from 192.0.2.1 rejected: user unknown"
verdict "mail from IP deferred session recipients" rate no "451 Mail from 192.0.2.1 deferred: too many recipients in this session"
verdict "recipient limit for this sender" other no "452 4.5.3 Recipient limit exceeded for this sender"
verdict "mailbox size limit for this account" mailbox-full no "552 5.2.2 Mailbox size limit exceeded for this account"
verdict "storage limit for this account" mailbox-full no "552 5.2.2 Storage limit exceeded for this account"
verdict "attachment size limit for this sender" size no "552 5.3.4 Attachment size limit exceeded for this sender"
verdict "sender domain found on rcpt block list" other no "550 5.7.1 Your sender domain was found on the recipient's block list"
verdict "server in user's blacklist" other no "550 The server example.net is in the user's blacklist"
verdict "spamhaus excessive queries" other no "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org; Error: excessive number of queries; https://www.spamhaus.org/returnc/vol/192.0.2.53"
verdict "exchange server-wide connections" other no "421 4.3.2 The maximum number of concurrent server connections has exceeded a limit, closing transmission channel"
verdict "microsoft temporary server error" other no "451 4.7.0 Temporary server error. Please try again later. PRX4"
verdict "godaddy reverse dns" ptr no "421 Temporarily rejected. Reverse DNS for 192.0.2.1 failed. IB108"
verdict "godaddy too many recipients" rate no "452 This message contains too many recipients. Reduce the number of recipients and retry. IB605"
verdict "rate limited session" rate no "421 4.7.0 Rate limited: too many messages in this session, please reconnect"
verdict "throttled mailbox" other no "451 4.3.2 Message delivery throttled: mailbox busy, try again later"
verdict "message rate mailbox" other no "452 4.2.1 Message rate exceeded for this mailbox"
verdict "tonline IP SPF" auth no "554 IP=192.0.2.1 - SPF check failed, see http://www.openspf.net/"
verdict "tonline IP rdns" ptr no "554 IP=192.0.2.1 - no reverse DNS (RDNS)"
verdict "name is blocked TLS" other no "550 5.7.1 example.net is blocked: TLS required"
verdict "exchange not authorized" other no "550 5.7.1 RESOLVER.RST.NotAuthorized; not authorized"
verdict "exchange group auth" other no "550 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup; authentication required"
verdict "sender rate per recipient" rate no "450 4.2.1 Sender rate limit exceeded for this recipient"
verdict "too many connections for recipient domain" rate no "421 4.7.0 Too many connections for this recipient domain"
verdict "throttled SPF" auth no "421 4.7.0 Throttled: SPF check failed for example.com"
verdict "slow down helo" ptr no "421 4.7.0 Slow down: HELO example is not a valid hostname"
verdict "blocked for spam message" content no "554 5.7.1 Your message was blocked for spam content"
verdict "blocked due to abuse message" content no "550 5.7.1 This message was blocked due to abuse reports on its content"
verdict "zombie virus" content no "554 5.7.1 Message rejected: attachment contains the Zombie virus"
verdict "open relay receiver" relay-denied no "554 5.7.1 Relay access denied: we are not an open relay"
verdict "dynamic ip auth" other no "554 5.7.1 Dynamic IP addresses must authenticate before sending (SMTP AUTH)"
verdict "complaint rate per recipient" other no "550 5.7.1 Delivery to this recipient blocked by the recipient's spam complaints"
verdict "bad reputation from-domain recipient policy" other no "550 5.7.1 Sender blocked by the recipient's reputation filter settings"
verdict "your ip temporarily blocked auth failures" blocklist yes "421 4.7.0 Your IP has been temporarily blocked for too many failed authentication attempts"

# Providers' documented refusals that are not blocks (Exchange Online's
# DMARC, tenant relay, DBEB, send-as and TLS codes, a customer's own block
# list under the older 5.7.1; Gmail's PTR and authentication replies;
# Yahoo's policy and per-recipient deferrals), and a common noun where
# Mail.ru's "550 NAME is blocked" has a domain.
verdict "bare relaying is blocked" other no "550 relaying is blocked"
verdict "bare mailbox is blocked" other no "550 mailbox is blocked"
verdict "bare account is blocked" other no "550 account is blocked"
verdict "bare sender is blocked" other no "550 sender is blocked"
verdict "bare message is blocked" other no "550 message is blocked"
verdict "mailru tutanota from a server nobody names: no party named" other no "550 tutanota is blocked"
verdict "exchange customer block list 5.7.1" other no "550 5.7.1 Service unavailable, Client host [192.0.2.1] blocked by example.com using Customer Block list (AS16012607)"
verdict "organization's block list" other no "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked by example.org using the organization's block list"
verdict "exchange dmarc 5.7.509" auth no "550 5.7.509 Access denied, sending domain [example.com] does not pass DMARC verification and has a DMARC policy of reject."
verdict "exchange tenant relay denied" relay-denied no "550 5.7.64 TenantAttribution; Relay Access Denied"
verdict "exchange dbeb access denied" user-unknown no "550 5.4.1 Recipient address rejected: Access denied. AS(201806281)"
verdict "exchange not authenticated anonymous" other no "550 5.7.57 SMTP; Client was not authenticated to send anonymous mail during MAIL FROM"
verdict "exchange send as" other no "550 5.7.60 SMTP; Client does not have permissions to send as this sender"
verdict "exchange starttls" other no "451 4.7.321 starttls-not-supported: Destination mail server must support TLS to receive mail."
verdict "exchange mailbox auth" other no "550 5.7.134 RESOLVER.RST.SenderNotAuthenticatedForMailbox; Sender was not authenticated for mailbox"
verdict "exchange spf" auth no "550 5.7.23 The message was rejected because of Sender Policy Framework violation"
verdict "exchange content filter" content no "550 5.7.1 Message rejected as spam by Content Filtering."
verdict "gmail ptr blocked" ptr no "550 5.7.1 Your IP address has been blocked because it has no PTR record"
verdict "gmail auth info" auth no "421 4.7.0 [192.0.2.1] This message does not have authentication information or fails to pass authentication checks. To best protect our users from spam, the message has been blocked."
verdict "gmail dmarc" auth no "550 5.7.26 Unauthenticated email from example.com is not accepted due to domain's DMARC policy."
verdict "gmail 4.7.27 spf" auth no "421 4.7.27 Your email has been rate limited because SPF authentication didn't pass for this message."
verdict "yahoo 5.7.9 policy" content no "554 5.7.9 Message not accepted for policy reasons. See https://postmaster.yahooinc.com/error-codes"
verdict "yahoo unresolvable from" other no "451 Message temporarily deferred due to unresolvable RFC.5321 from domain; see https://postmaster.yahooinc.com/error-codes"
verdict "yahoo recipient volume" other no "421 Message temporarily deferred due to excessive volume for this recipient - 4.16.56"
verdict "yahoo TSS04" reputation yes "421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes"
verdict "yahoo TSS09" reputation yes "553 5.7.2 [TSS09] All messages from 192.0.2.1 will be permanently deferred; Retrying will NOT succeed."

# The IP or server "on a block list" for a PTR, HELO or SPF reason, or
# flagged and greylisted: the sender's configuration or greylisting.
verdict "IP blacklisted for missing PTR" ptr no "550 5.7.1 Your IP 192.0.2.1 has been blacklisted for missing reverse DNS (PTR)"
verdict "server on block list HELO" ptr no "550 5.7.1 Your server 192.0.2.1 is on our block list: HELO name is not a FQDN"
verdict "IP gesperrt PTR" ptr no "550 5.7.1 Ihre IP-Adresse ist gesperrt: kein Reverse DNS (PTR) vorhanden"
verdict "IP found on block list SPF" auth no "550 5.7.1 Host 192.0.2.1 found on our block list of hosts failing SPF checks"
verdict "IP banned spam greylisted" greylist no "450 4.7.1 IP 192.0.2.1 flagged for spam checks: greylisted, try again later"

# Greylisting worded with "too many connections", "temporarily blocked",
# "rate limited" or "throttled".
verdict "greylisted too many connections" greylist no "450 4.7.1 <mx.example.net[192.0.2.1]>: Client host rejected: Greylisted, too many connections from new hosts"
verdict "greylisted IP temporarily blocked" greylist no "451 4.7.1 Greylisted: your IP 192.0.2.1 is temporarily blocked, try again in 5 minutes"
verdict "greylisting rate limited" greylist no "451 4.7.1 Service unavailable - try again later (greylisting, rate limited)"
verdict "greylisting IP blocked try again" greylist no "450 4.7.1 Try again later: your IP 192.0.2.1 has been temporarily blocked (greylisting)"
verdict "not yet authorized IP listed" greylist no "451 4.7.1 192.0.2.1 is not yet authorized to deliver mail from <a@example.net> to <b@example.org>. Please try later."
verdict "greylist throttled" greylist no "451 4.7.1 Throttled by greylisting, please retry later"

# The same kinds in other words: recipients' and users' lists, message
# content, session and mailbox limits, greylisting, relaying on submission
# servers, configuration reasons, the receiver's own load ("too many
# connections to this server", "connection limit reached for this server").
verdict "rcpt rejected sender blacklisted by recipient" other no "550 5.7.1 <a@example.org>: Recipient address rejected: Access denied, sender blacklisted by recipient"
verdict "rejected by recipient block list" other no "554 5.7.1 Rejected by recipient: your address is on their block list"
verdict "blacklisted domain in message" content no "550 5.7.0 Your message was rejected: it contains a blacklisted domain (example.biz)"
verdict "URL in message on blocklist" other no "554 5.7.1 The URL https://example.biz in the message is on our blocklist"
verdict "gmail illegal attachment" content no "552 5.7.0 Our system detected an illegal attachment on your message. Please visit http://mail.google.com/support/bin/answer.py?answer=6590 to review our attachment guidelines."
verdict "attachment extension block list" content no "550 5.7.1 Message blocked: attachment extension .js is on the block list"
verdict "too many messages sent in this session" rate no "421 4.7.0 Too many messages sent in this session; closing connection"
verdict "too many recipients in this message" rate no "451 4.5.3 Too many recipients in this message, please retry the remaining ones"
verdict "mailbox full today" mailbox-full no "452 4.2.2 Mailbox full: too many messages received today"
verdict "recipient's daily message limit" mailbox-full no "552 5.2.2 This message would exceed the recipient's daily message limit"
verdict "recipient temporarily blocked too many messages" rate no "450 4.2.1 Recipient temporarily blocked: too many messages received in a short time"
verdict "greylist retry 10 minutes" greylist no "451 4.7.1 Greylisting: your IP is on the greylist, please retry in 10 minutes"
verdict "delayed by greylisting new senders" greylist no "451 4.7.1 Please try again later: delayed by greylisting (too many new senders)"
verdict "not authenticated relaying denied IP" other no "530 5.7.1 Client was not authenticated; relaying from 192.0.2.1 denied"
verdict "relaying from your IP not allowed" other no "550 5.7.1 Relaying from your IP address is not allowed; please authenticate"
verdict "sender IP blocked HELO" ptr no "550 5.7.1 Sender IP 192.0.2.1 blocked: HELO/EHLO hostname does not resolve"
verdict "server rejected reverse DNS" ptr no "554 5.7.1 Your server 192.0.2.1 is rejected: reverse DNS lookup failed"
verdict "mail from IP SPF designate" auth no "550 5.7.1 Mail from 192.0.2.1 rejected: SPF record of example.com does not designate this IP"
verdict "DMARC rejects sender blocked" auth no "550 5.7.26 DMARC policy rejects mail from your domain; sender blocked"
verdict "too many connections to this server" other no "421 4.3.2 System busy: too many connections to this server, try again later"
verdict "connection limit for this server" other no "421 4.3.0 Service temporarily unavailable: connection limit reached for this server"
verdict "RBL lookup timed out" other no "451 4.3.0 Temporary failure: the RBL lookup timed out"
verdict "DNSBL check failed" other no "451 4.7.1 DNSBL check failed, please try later"
verdict "250 not listed in any RBL" other no "250 2.0.0 Ok: queued as ABC; spam score 0.1 (not listed in any RBL)"
verdict "250 reputation check passed" other no "250 2.1.5 Recipient OK; sender reputation check passed"
verdict "spam message contact abuse" content no "554 5.7.1 Spam message rejected; If this is not spam contact abuse at example.net"
verdict "URIBL_BLACK score" content no "550 5.7.1 Message rejected due to high spam score from your content (URIBL_BLACK)"
verdict "spam content in the message P2" content no "550 5.7.1 [P2] Message blocked due to spam content in the message"
verdict "exchange mail content denied" content no "554 5.7.1 Mail content denied. AS(4810)"
verdict "prohibited virus or spam content" content no "550 5.7.1 The message was rejected because it contains prohibited virus or spam content"
verdict "exchange TLS 1.0" other no "421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2."
verdict "recipient blocked your domain" other no "550 5.7.1 Unfortunately, messages to this recipient cannot be accepted: the recipient has blocked your domain"
verdict "domain blacklisted by the recipient" other no "554 5.7.1 <a@example.net>: Sender address rejected: Domain blacklisted by the recipient"
verdict "domain on user's blocked senders" other no "550 5.7.1 Sender domain example.net is on the user's blocked senders list"
verdict "connection limit per session" rate no "421 4.7.0 Connection limit per session exceeded"
verdict "rate limit for this mailbox" rate no "421 4.7.1 Rate limit for this mailbox exceeded, try again later"
verdict "rate limit for this recipient" user-unknown no "450 4.7.1 Recipient address rejected: rate limit exceeded for this recipient"
verdict "IP must authenticate to relay" other no "550 5.7.1 Access denied: your IP 192.0.2.1 must authenticate to relay"
verdict "IP listed in our greylist" other no "554 5.7.1 Your IP address is listed in our greylist; please try again later"
verdict "IP does not match SPF" auth no "550 Your e-mail was rejected because your IP address 192.0.2.1 does not match the SPF record of example.com"
verdict "content blacklisted" content no "550 5.7.1 Rejected: the content of your message is blacklisted"
verdict "too many errors in this session" other no "421 Too many errors in this session, closing connection"
verdict "too many invalid recipients in this session" user-unknown no "421 4.7.0 Too many invalid recipients in this session"

# More of the same kinds (a user's block of one address, malware, limits of
# one connection, an inbox's message limit, relaying on the submission
# port, the receiver's resources), and three blocks they resemble.
verdict "recipient blocklist zimbra" other no "550 5.7.1 Message rejected: sender is on the recipient's blocklist"
verdict "user blocked your address" other no "550 5.7.1 The user has blocked your email address"
verdict "address in personal denylist" other no "550 5.7.1 Your address is in the personal deny list of the recipient"
verdict "org blocked senders" other no "550 5.7.1 Message rejected by recipient organization policy: sender blocked"
verdict "domain blocked by admin" other no "550 5.7.1 Mail from example.net is blocked by the domain administrator"
verdict "URL blocklisted in body" other no "550 5.7.1 Rejected: body contains a blocklisted URL (example.biz)"
verdict "link reputation" content no "554 5.7.1 Rejected: link in message has a bad reputation"
verdict "file type not allowed" other no "552 5.7.0 File type .exe is not allowed"
verdict "message contains malware" content no "554 5.7.1 Message rejected: message contains malware"
verdict "spam score IP" content no "550 5.7.1 Message from 192.0.2.1 scored 12.5 spam points (limit 5): rejected"
verdict "recipients per message limit" rate no "452 4.5.3 Recipients per message limit (50) exceeded"
verdict "too many messages one connection" rate no "421 4.7.0 Too many messages in one connection, reconnect and retry"
verdict "session limit" rate no "421 4.7.0 Session limit exceeded: too many RCPT commands"
verdict "max messages per connection" rate no "452 4.3.2 Maximum messages per connection reached"
verdict "mailbox quota volume" mailbox-full no "452 4.2.2 Over quota: mailbox has reached its message limit"
verdict "recipient inbox limit" mailbox-full no "552 5.2.2 Recipient inbox is full (message limit reached)"
verdict "greylisted retry later with IP" greylist no "450 4.7.1 Greylisted: 192.0.2.1 must retry in 60 seconds"
verdict "greylist temporary block" greylist no "451 4.7.1 Temporary block: greylisting in effect, try again later"
verdict "auth required from IP" other no "530 5.7.0 Authentication required for relay from 192.0.2.1"
verdict "relay access denied IP" relay-denied no "554 5.7.1 Relay access denied for 192.0.2.1"
verdict "submission port relay" relay-denied no "550 5.7.1 Relaying denied: authenticate on port 587 first"
verdict "PTR missing IP blocked" ptr no "550 5.7.1 Client 192.0.2.1 blocked: PTR record missing"
verdict "HELO rejected blocked" ptr no "550 5.7.1 HELO example rejected: host blocked for invalid HELO"
verdict "SPF fail blocked" auth no "550 5.7.23 Message blocked: SPF fail for IP 192.0.2.1"
verdict "DKIM fail rejected" auth no "550 5.7.1 Message rejected: DKIM verification failed, sender blocked"
verdict "DMARC quarantine rejected" auth no "550 5.7.1 Rejected by DMARC policy: example.com sender not authorized"
verdict "server overload" other no "421 4.3.2 Server overloaded, too many concurrent connections, try later"
verdict "maintenance" other no "421 4.3.2 Service temporarily unavailable: system maintenance"
verdict "resources" other no "452 4.3.1 Insufficient system resources, too many connections"
verdict "queue full 2" other no "451 4.3.0 Queue full, try again later"
verdict "rbl timeout" other no "451 4.4.3 RBL query timed out, try again later"
verdict "blocklist service unavailable" other no "451 4.7.1 Blocklist service unavailable, please retry"
verdict "250 ok blocklist checked" other no "250 2.0.0 Accepted: sender checked against blocklists"
verdict "354 start mail" other no "354 Start mail input; end with <CRLF>.<CRLF>"
verdict "250 ok rate info" other no "250 OK (rate 5/min)"
verdict "connection limit per message" rate no "452 4.5.3 Recipient limit per message reached (connection limit 100)"
verdict "one session too many errors" other no "421 4.7.0 Too many errors in this connection, bye"
verdict "too many unknown in session" user-unknown no "550 5.1.1 Too many unknown recipients in this session"
verdict "sender verification failed blocked" other no "550 5.7.1 Sender verification failed: sender address blocked"
verdict "address blocked" other no "550 5.7.1 Sender address <a@example.net> is blocked"
verdict "ip blocked plain" blocklist yes "554 5.7.1 Your IP 192.0.2.1 has been blocked"
verdict "too many connections from your IP" rate yes "421 4.7.0 Too many connections from your IP, try again later"
verdict "listed spamhaus" blocklist yes "550 5.7.1 Rejected: 192.0.2.1 listed at zen.spamhaus.org"
# The sendmail access table's documented text for a sender's entry is the
# receiver's own entry for that sender, not a reputation verdict.
verdict "sendmail access entry for spammers" other no "550 <a@example.net>... We don't accept mail from spammers"
# Providers' published tables: a code that names the sender's standing is a
# block; the codes next to it in the same table that name a recipient, the
# sender's own settings or one transaction are not.
verdict "rejected by Spamhaus (the list named)" blocklist yes "550 Rejected by Spamhaus."
verdict "refused by a host named like a list" content no "550 Message rejected by spamcop.example.com content filter"
verdict "refused by the Barracuda appliance for a virus" content no "554 Mail refused by Barracuda: virus found in attachment"
verdict "a mail host on the receiver's global list" blocklist yes "551 Mailhost is on our global blacklist (Mode: normal)"
verdict "the IP sending excessive rejected messages" reputation yes "554 Your IP is sending excessive rejected messages. Please contact support."
verdict "one message's size over the configured limit" size no "552 Message size exceeds the configured limit"
verdict "the per-client submission rate" rate yes "421 4.4.2 Message submission rate for this client has exceeded the configured limit"
verdict "relaying disabled (not a block)" relay-denied no "550 Relay Disabled"
verdict "a domain not allowed to be relayed (qmail)" relay-denied no "553 sorry, that domain isn't allowed to be relayed thru this MTA (#5.7.1)"
# Replies in the receiver's language (patterns/shapes12.rules): the sending IP
# or server listed, blocked, of bad reputation or limited is a block; in the
# same words, the sender's address on a recipient's list, a recipient's
# account blocked, a reverse DNS reason, greylisting and limits per recipient
# are not. Accented letters arrive as UTF-8, as Latin-1 bytes (printf's octal
# escapes below), as '?' and inside RFC 2047 Q-encoded words.
verdict "de: the IP on a Sperrliste" blocklist yes "554 5.7.1 Ihre IP-Adresse 192.0.2.1 ist auf einer Sperrliste"
verdict "de: the mail server blocked" blocklist yes "554 Ihr Mailserver 192.0.2.1 ist gesperrt"
verdict "de: the IP on a Blacklist" blocklist yes "550 Ihre IP-Adresse steht auf einer Blacklist"
verdict "de: the IP's bad reputation" reputation yes "550 5.7.1 Ihre IP-Adresse hat eine schlechte Reputation"
verdict "de: too many connections from the IP" rate yes "421 4.7.0 Zu viele Verbindungen von Ihrer IP-Adresse"
verdict "de: the sending limit, Latin-1" rate yes "$(printf '451 4.7.1 Sendelimit \374berschritten')"
verdict "de: the sender address on the recipient's Sperrliste" other no \
	"550 5.7.1 Die Absenderadresse steht auf der Sperrliste des Empfängers"
verdict "de: the recipient's mailbox gesperrt" user-unknown no "550 5.2.1 Postfach gesperrt"
verdict "de: the IP gesperrt for no reverse DNS" ptr no \
	"550 5.7.1 Kein Reverse-DNS-Eintrag für Ihre IP-Adresse, IP gesperrt"
verdict "de: SPF failed, the IP gesperrt" auth no "550 5.7.23 SPF-Prüfung fehlgeschlagen, IP-Adresse gesperrt"
verdict "de: the grey list" greylist no "451 4.7.1 Sie stehen auf der grauen Liste, bitte später erneut versuchen"
verdict "de: too many recipients, Latin-1" rate no "$(printf '452 4.5.3 Zu viele Empf\344nger')"
verdict "de: a message from the IP blocked for a virus" content no "554 Nachricht von IP 192.0.2.1 blockiert: Virus gefunden"
verdict "de: the account's storage used up" mailbox-full no "552 5.2.2 Speicherplatz des Postfachs überschritten"
verdict "fr: the IP on a liste noire" blocklist yes "550 5.7.1 Votre adresse IP 192.0.2.1 est sur liste noire"
verdict "fr: the server blocked, Latin-1" blocklist yes "$(printf '554 5.7.1 Votre serveur est bloqu\351')"
verdict "fr: the IP blocked, RFC 2047 Q-encoded" blocklist yes "550 =?utf-8?Q?Votre_adresse_IP_est_bloqu=C3=A9e?="
verdict "fr: the IP blacklisted, '?' for the accent" blocklist yes "550 Adresse IP blacklist?e"
verdict "fr: the IP's bad reputation" reputation yes "550 Votre adresse IP a une mauvaise réputation"
verdict "fr: the server a spam source" reputation yes "550 Votre serveur est une source de spam"
verdict "fr: too many messages sent" rate yes "421 Trop de messages envoyés, réessayez plus tard"
verdict "fr: the sender on the recipient's liste noire" other no \
	"550 5.1.1 L'expéditeur figure sur la liste noire du destinataire"
verdict "fr: the account disabled" user-unknown no "550 Compte désactivé"
verdict "fr: no reverse DNS for the IP" ptr no "550 5.7.25 Pas de DNS inverse pour votre adresse IP 192.0.2.1"
verdict "fr: the liste grise" greylist no "451 Liste grise, veuillez réessayer plus tard"
verdict "fr: too many recipients" rate no "452 Trop de destinataires"
verdict "it: the IP in a lista nera" blocklist yes "550 IP 192.0.2.1 presente in lista nera"
verdict "it: too many connections" rate yes "421 Troppe connessioni dal tuo IP"
verdict "it: the IP's bad reputation" reputation yes "554 Indirizzo IP con cattiva reputazione"
verdict "it: the sender in a user's blacklist" other no "550 Mittente in blacklist"
verdict "it: the mailbox disabled" user-unknown no "550 5.2.1 Casella disabilitata"
verdict "it: the lista grigia" greylist no "451 Lista grigia, riprovare più tardi"
verdict "it: too many recipients" rate no "452 Troppi destinatari"
verdict "es: the IP on a lista negra" blocklist yes "550 Su IP está en lista negra"
verdict "es: the mail server on a lista negra, Latin-1" blocklist yes \
	"$(printf '554 Su servidor de correo est\341 en la lista negra')"
verdict "es: too many connections" rate yes "421 Demasiadas conexiones desde su IP"
verdict "es: the sender on the recipient's lista negra" other no \
	"550 El remitente está en la lista negra del destinatario"
verdict "es: the user unknown" user-unknown no "550 Usuario desconocido"
verdict "es: the message refused by DMARC" auth no "550 5.7.1 Mensaje rechazado por la política DMARC"
verdict "es: too many recipients" rate no "452 Demasiados destinatarios"
verdict "pt: the IP on a lista negra" blocklist yes "550 Seu IP está na lista negra"
verdict "pt: the IP blocked" blocklist yes "554 Endereço IP bloqueado"
verdict "pt: the message rejected" content no "550 5.7.1 [CS] Sua mensagem foi rejeitada"
verdict "pt: the message blocked for spam" content no "550 Mensagem bloqueada por conter spam"
verdict "pt: the account disabled" user-unknown no "550 Conta desativada"
verdict "pt: the lista cinza" greylist no "451 Lista cinza, tente novamente mais tarde"
verdict "pl: the IP on a czarna lista" blocklist yes "550 Twój adres IP jest na czarnej liście"
verdict "pl: too many connections" rate yes "421 Zbyt wiele połączeń z Twojego adresu IP"
verdict "pl: the account zablokowane" user-unknown no "550 Konto zablokowane"
verdict "pl: no PTR record for the IP" ptr no "550 Brak rekordu PTR dla adresu IP 192.0.2.7"
verdict "cs: the IP zablokovana" blocklist yes "554 Vaše IP adresa byla zablokována"
verdict "cs: the IP on a cerna listina" blocklist yes "550 IP adresa je na černé listině"
verdict "cs: the sender on the recipient's blacklist" other no "550 5.1.1 Odesílatel zprávy je na blacklistu příjemce"
verdict "cs: the mailbox full" mailbox-full no "552 Schránka je plná"
verdict "nl: the IP on a zwarte lijst" blocklist yes "550 Uw IP-adres staat op een zwarte lijst"
verdict "nl: the IP geblokkeerd" blocklist yes "554 IP-adres geblokkeerd"
verdict "nl: too many connections" rate yes "421 Te veel verbindingen vanaf uw IP-adres"
verdict "nl: too many recipients" rate no "452 Te veel ontvangers"
verdict "nl: the grijze lijst" greylist no "451 U staat op de grijze lijst, probeer het later opnieuw"
verdict "nl: the mailbox full" mailbox-full no "552 Mailbox vol"
verdict "sv: the IP blockerad" blocklist yes "550 Din IP-adress är blockerad"
verdict "no: the IP svartelistet" blocklist yes "550 IP-adressen er svartelistet"
verdict "sv: too many recipients" rate no "452 För många mottagare"
verdict "tr: the IP on the kara liste" blocklist yes "550 IP adresiniz kara listede"
verdict "tr: the IP engellendi" blocklist yes "550 IP adresi engellendi"
verdict "tr: the user not found" user-unknown no "550 Kullanıcı bulunamadı"
verdict "tr: the mailbox full" mailbox-full no "552 Posta kutusu dolu"
verdict "ru: the IP blocked" blocklist yes "550 Ваш IP-адрес заблокирован"
verdict "ru: the IP on a black list" blocklist yes "550 IP-адрес 192.0.2.1 находится в черном списке"
verdict "uk: the IP on a black list" blocklist yes "550 Ваш IP-адрес внесено до чорного списку"
verdict "ru: the IP's bad reputation" reputation yes "550 IP-адрес имеет плохую репутацию"
verdict "ru: too many connections" rate yes "421 Слишком много соединений с вашего IP"
verdict "ru: the mailbox blocked" user-unknown no "550 Почтовый ящик заблокирован"
verdict "ru: the user not found" user-unknown no "550 Пользователь не найден"
verdict "ru: the message refused as spam" content no "550 Сообщение отклонено как спам"
verdict "ru: the grey list" greylist no "451 Серый список, попробуйте позже"
verdict "zh: the IP on a blacklist" blocklist yes "550 您的IP已被列入黑名单"
verdict "zh: the IP banned" blocklist yes "550 发信IP被封禁"
verdict "zh: sending too often" rate yes "450 发信过于频繁，请稍后再试"
verdict "zh: the sender on the recipient's blacklist" other no "550 您已被收件人加入黑名单"
verdict "zh: the user does not exist" user-unknown no "550 该用户不存在"
verdict "zh: the recipient's space used up" mailbox-full no "552 收件人空间不足"
verdict "zh: the grey list" greylist no "451 灰名单，请稍后重试"
verdict "ja: the IP on a blacklist" blocklist yes "550 送信元IPアドレスはブラックリストに登録されています"
verdict "ja: no reverse DNS for the IP" ptr no "550 IPアドレスの逆引きができません"
verdict "ja: the user does not exist" user-unknown no "550 宛先のユーザーは存在しません"
verdict "ja: a spam verdict" content no "550 スパムと判定されました"
verdict "ko: the IP blocked" blocklist yes "550 귀하의 IP가 차단되었습니다"
verdict "ko: the IP blocked for reverse DNS" ptr no "550 역방향 DNS 조회 실패로 IP가 차단되었습니다"
verdict "ko: a spam verdict" content no "550 스팸으로 분류되었습니다"
verdict "de: the sender's domain on a Sperrliste" blocklist yes "550 5.7.1 Ihre Domain example.org steht auf einer Sperrliste"
verdict "de: a linked domain on a Sperrliste" other no \
	"550 5.7.1 Die Domain example.net im Link der Nachricht steht auf einer Sperrliste"
verdict "fr: the domain on a liste noire" blocklist yes "550 Votre domaine est sur liste noire"
verdict "ru: the sender address on a black list" other no "550 Адрес отправителя в черном списке"
verdict "zh: the mail refused, no reason" other no "550 邮件被拒收"
verdict "zh: the recipient refused the mail" other no "550 收件人拒收了您的邮件"
verdict "ko: blocked by the recipient's spam setting" other no "550 수신자의 스팸 설정에 의해 차단되었습니다"
verdict "de: the server overloaded, too many connections" other no \
	"421 4.3.2 Server überlastet, zu viele gleichzeitige Verbindungen, bitte später erneut versuchen"
verdict "zh: too many connections, the server busy" other no "421 连接数过多，服务器繁忙"
verdict "ru: the server overloaded, too many connections" other no "421 Сервер перегружен, слишком много соединений"
verdict "de: a message classified as spam" content no "550 Nachricht als Spam eingestuft"
verdict "fr: a message considered spam" content no "550 Message considéré comme spam"
verdict "it: a message classified as spam" content no "550 Messaggio classificato come spam"
verdict "pl: the sender on the recipient's czarna lista" other no "550 Nadawca jest na czarnej liście odbiorcy"
verdict "pl: too many recipients" rate no "452 Zbyt wielu odbiorców"
verdict "sv: the account spärrat" user-unknown no "550 Kontot är spärrat"
verdict "no: the account sperret" user-unknown no "550 Kontoen er sperret"
verdict "tr: the recipient's account disabled" user-unknown no "550 Alıcı hesabı devre dışı"
verdict "uk: the mailbox blocked" user-unknown no "550 Скриньку заблоковано"
verdict "ja: refused by the recipient" other no "550 受信者により受信拒否されました"
verdict "de: the IP on a Blacklist, RFC 2047 Q-encoded" blocklist yes \
	"550 =?utf-8?Q?Ihre_IP-Adresse_steht_auf_einer_Blacklist?="
verdict "pl: too many connections, RFC 2047 Q-encoded" rate yes \
	"421 =?utf-8?Q?Zbyt_wiele_po=C5=82=C4=85cze=C5=84_z_Twojego_adresu_IP?="
verdict "pt: the IP's bad reputation, Latin-1" reputation yes "$(printf '550 Seu IP tem m\341 reputa\347\343o')"
# "Sender blocked <user@domain>" without a list tag names one address, which
# a recipient's own blocked-senders list holds as well (other, no); a URI
# list's zone for a domain of the message is content, for the client's
# name, the envelope sender or the HELO name a block; throttling in words
# of greylisting is greylisting.
verdict "sender blocked, one address (a recipient's list maybe)" other no "550 Sender blocked <bob@example.com>"
verdict "sender blocked, one address, enhanced code" other no "550 5.7.1 Sender blocked <alice@example.org>."
verdict "sender blocked, [ESA] tag, bare" blocklist yes "550 5.7.1 [ESA] Sender blocked"
verdict "sender blocked, [RBL] tag with an address" blocklist yes "550 5.7.1 [RBL] Sender blocked <bob@example.com>"
verdict "sender blocked, an IP" blocklist yes "550 Sender blocked <192.0.2.7>"
verdict "URI list zone, a domain of the message" content no "554 5.7.1 Message rejected: domain example.com listed in multi.surbl.org"
verdict "URI list zone, a URL on the DBL" content no "550 5.7.1 Rejected: URL listed in dbl.spamhaus.org"
verdict "URI list zone, a bare domain on URIBL" content no "554 rejected because example.com is listed in black.uribl.com"
verdict "URI list zone, SpamEatingMonkey" content no "550 5.7.1 Rejected: example.net is listed at uribl.spameatingmonkey.net"
verdict "URI list zone, the client's name (rhsbl_client)" blocklist yes "554 5.7.1 Service unavailable; Client host [mail.example.com] blocked using multi.uribl.com"
verdict "URI list zone, the envelope sender's domain" blocklist yes "554 5.7.1 Service unavailable; Sender address [user@example.com] blocked using dbl.spamhaus.org; https://www.spamhaus.org/query/domain/example.com"
verdict "URI list zone, the HELO name" blocklist yes "554 5.7.1 Service unavailable; Helo command [news.example.com] blocked using dbl.spamhaus.org"
verdict "URI list zone, sender domain listed" blocklist yes "550 5.7.1 Sender domain example.com is listed in dbl.spamhaus.org"
verdict "sender throttled, grey listed (two words)" greylist no "451 Sender throttled: grey listed"
verdict "throttled, sender not yet authorized" greylist no "451 Temporarily throttled, sender not yet authorized, come back later"
verdict "throttled, greylisting triplet" greylist no "451 4.7.1 Throttled: triplet not seen before, retry later"
verdict "sender throttled, liste grise" greylist no "450 Sender throttled par la liste grise, reessayez plus tard"
verdict "sender throttled, graue Liste" greylist no "450 4.7.1 Absender gedrosselt (graue Liste), bitte spaeter erneut versuchen"
verdict "throttled, try again later (still a block)" rate yes "451 4.7.1 Throttled - try again later"
# Orange's shared "Service refuse" words: the code decides (OFR_999 blocked,
# as Orange's only published code table says; OFR_505 its system error);
# Aruba's "spam detected" has the words of Forpsi's inbound verdict: without
# the server the tie-break says no.
verdict "Orange OFR_999 under the shared words (blocked)" blocklist yes "421 mwinf5c77 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR_999 [999]"
verdict "Orange OFR_505 under the shared words (system error)" other no "421 4.2.0 Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR005_505 [505]"
verdict "Orange OFR_105 (too many messages from the IP)" reputation yes "421 mwinf5j12 ME 198.51.100.82 Trop de messages, reessayez plus tard. Too many messages, retry later. OFR004_105 [105]"
verdict "Aruba or Forpsi spam detected without the server (tie-break)" content no "552 5.2.0 igxL1p00E1WDM2s01gxMXG spam detected"
# Not-block look-alikes in many wordings and languages: a recipient's or an
# organisation's own list, content, quota, greylisting, SPF / DKIM / DMARC,
# PTR / HELO, the receiver's outage, per-session and per-message limits,
# TLS, size, one mailbox's receive rate, SMTP AUTH on submission; and the
# same with a block's words in them (blocked, blacklisted, listed, IP,
# throttled, rate limit, too many connections). None is a block.
verdict "recipient's personal block list, sender address" other no "550 5.7.1 <bob@example.org>: Sender address rejected: blocked by the recipient's personal block list"
verdict "the recipient blocked your address" other no "550 5.7.1 The recipient has blocked messages from your address"
verdict "your address on this user's blacklist" other no "554 5.7.1 Your address is on this user's blacklist"
verdict "recipient blocked the sender (German)" other no "550 Der Empfaenger hat Ihre Absenderadresse gesperrt"
verdict "sender blocked by the recipient (French)" other no "550 5.7.1 L'expediteur est bloque par le destinataire"
verdict "sender blocked by the recipient (Spanish)" other no "550 5.7.1 Remitente bloqueado por el destinatario"
verdict "sender address blacklisted by recipient, with an IP" other no "553 5.7.1 Sender address blacklisted by recipient 192.0.2.44"
verdict "sender on the recipient's personal blacklist (Italian)" other no "550 5.7.1 Mittente in blacklist personale del destinatario"
verdict "sender in the recipient's blocked senders, with an IP" other no "550 5.7.1 Message refused: sender is in the recipient's blocked senders list [192.0.2.45]"
verdict "spam score over the threshold" content no "554 5.7.1 Message rejected: spam score 12.3 exceeds threshold 5.0"
verdict "message looks like spam (bayes)" content no "550 5.7.1 Rejected: message looks like spam (bayes 0.99)"
verdict "virus found, a signature named" content no "554 5.7.1 Virus found: Eicar-Test-Signature"
verdict "forbidden attachment type" content no "552 5.7.0 Message contains a forbidden attachment type (.exe)"
verdict "message taken for spam (German)" content no "550 Nachricht als Spam erkannt und abgelehnt"
verdict "message taken for spam (French)" content no "554 5.7.1 Message refuse: contenu identifie comme spam"
verdict "message with spam (Spanish)" content no "550 5.7.1 Mensaje rechazado por contener spam"
verdict "phishing URL in the body" content no "554 5.7.1 Message blocked: phishing URL detected in body"
verdict "content filter, message from an IP scored as spam" content no "550 5.7.1 Rejected by content filter, message from 192.0.2.46 scored as spam"
verdict "virus in the attachment (Italian)" content no "550 Messaggio rifiutato: rilevato virus nell'allegato"
verdict "mailbox quota exceeded for an address" mailbox-full no "552 5.2.2 Mailbox quota exceeded for bob@example.org"
verdict "mailbox full (German)" mailbox-full no "450 4.2.2 Postfach voll"
verdict "mailbox full (French)" mailbox-full no "552 5.2.2 Boite aux lettres pleine"
verdict "mailbox full (Spanish)" mailbox-full no "552 5.2.2 Buzon lleno"
verdict "mailbox full (Italian)" mailbox-full no "452 4.2.2 Casella di posta piena"
verdict "mailbox full (Polish)" mailbox-full no "552 5.2.2 Skrzynka odbiorcy jest pelna"
verdict "mailbox over its storage limit" mailbox-full no "422 The recipient's mailbox has exceeded its storage limit"
verdict "greylisting in action, come back later" greylist no "451 4.7.1 Greylisting in action, please come back later"
verdict "grey-listed, retry in minutes" greylist no "450 4.2.0 Grey-listed, retry in 5 minutes"
verdict "greylisting in effect" greylist no "451 Temporary local problem, greylisting in effect"
verdict "greylisting (German)" greylist no "451 4.7.1 Bitte versuchen Sie es spaeter noch einmal (Greylisting)"
verdict "greylisting (French)" greylist no "450 4.7.1 Vous etes en liste grise, reessayez dans quelques minutes"
verdict "first-time sender from an IP, try again in seconds" greylist no "451 4.7.1 Your message has been delayed: first time sender from 192.0.2.47, try again in 300 seconds"
verdict "greylisting (Spanish)" greylist no "451 4.4.3 Lista gris activada, intente mas tarde"
verdict "SPF validation failed for an IP" auth no "550 5.7.23 SPF validation failed for 192.0.2.48"
verdict "DKIM signature verification failed" auth no "550 5.7.1 Rejected: DKIM signature verification failed"
verdict "rejected per DMARC policy" auth no "550 5.7.1 Email rejected per DMARC policy for example.com"
verdict "SPF check failed, IP not allowed (German)" auth no "550 5.7.1 SPF-Pruefung fehlgeschlagen: 192.0.2.49 ist nicht berechtigt"
verdict "SPF failure, IP not authorised (French)" auth no "550 5.7.1 Echec SPF: l'adresse IP 192.0.2.50 n'est pas autorisee a envoyer pour example.com"
verdict "sender domain fails DMARC alignment" auth no "550 5.7.1 Message blocked: sender domain example.com fails DMARC alignment"
verdict "temporary SPF lookup failure" auth no "451 4.7.24 Temporary SPF lookup failure for example.com"
verdict "IP not authorized to send for a domain (SPF -all)" auth no "550 5.7.1 IP 192.0.2.51 is not authorized to send for example.com (SPF -all)"
verdict "reverse DNS lookup failed for an IP" ptr no "550 5.7.1 Reverse DNS lookup failed for 192.0.2.52"
verdict "your IP has no PTR record, mail refused" ptr no "554 5.7.1 Your IP 192.0.2.53 has no PTR record; mail refused"
verdict "HELO name not fully qualified" ptr no "550 5.7.1 HELO name example is not a fully qualified domain name"
verdict "HELO command rejected, a short name" ptr no "504 5.5.2 <server01>: Helo command rejected: need fully-qualified hostname"
verdict "no reverse DNS (German)" ptr no "550 5.7.1 Kein Reverse-DNS-Eintrag fuer 192.0.2.54"
verdict "HELO name does not match reverse DNS (French)" ptr no "550 5.7.1 Le nom HELO ne correspond pas au DNS inverse de 192.0.2.55"
verdict "rDNS does not match forward DNS" ptr no "450 4.7.1 Client host rejected: rDNS of 192.0.2.56 does not match forward DNS"
verdict "generic PTR not allowed" ptr no "554 5.7.1 Blocked: generic PTR (192-0-2-57.dyn.example.net) not allowed, use a proper hostname"
verdict "temporary system failure" other no "421 4.3.0 Temporary system failure, please try again later"
verdict "local error in processing" other no "451 4.3.0 Local error in processing"
verdict "connection timed out, server overloaded" other no "421 4.4.2 Connection timed out, server overloaded"
verdict "server configuration error" other no "451 4.3.5 Server configuration error"
verdict "service temporarily unavailable (French)" other no "421 Service temporairement indisponible, veuillez reessayer plus tard"
verdict "system shutting down for maintenance" other no "421 4.3.2 System shutting down for maintenance"
verdict "temporary error (German)" other no "451 Temporaerer Fehler, bitte spaeter erneut versuchen"
verdict "database unavailable" other no "450 4.4.1 Database unavailable, try again later"
verdict "too many recipients in this session" rate no "452 4.5.3 Too many recipients for this session, send the rest in a new one"
verdict "too many messages on one connection, reconnect" rate no "421 4.7.0 Too many messages in this connection, please reconnect"
verdict "messages per SMTP session exceeded" rate no "451 4.7.1 Maximum 50 messages per SMTP session exceeded"
verdict "too many recipients per message (German)" rate no "452 Zu viele Empfaenger pro Nachricht"
verdict "too many recipients for this message (French)" rate no "452 4.5.3 Trop de destinataires pour ce message"
verdict "RCPT per connection limit" rate no "421 Session limit reached: max 100 RCPT per connection"
verdict "STARTTLS first" other no "530 5.7.0 Must issue a STARTTLS command first"
verdict "TLS required for this domain" other no "550 5.7.1 TLS required for this domain, message not delivered"
verdict "TLS not available, a local problem" other no "454 4.7.0 TLS not available due to local problem"
verdict "encryption required for authentication" other no "530 5.7.10 Encryption required for requested authentication mechanism"
verdict "connection without TLS refused (German)" other no "550 5.7.1 Verbindung ohne TLS abgelehnt"
verdict "message too big for the system" size no "552 5.3.4 Message too big for system"
verdict "message over the maximum fixed size" size no "552 5.2.3 Message exceeds maximum fixed size (26214400)"
verdict "message too large (German)" size no "552 Nachricht zu gross"
verdict "message too large (French)" size no "552 5.3.4 Message trop volumineux"
verdict "message too large (Spanish)" size no "523 5.3.4 Mensaje demasiado grande"
verdict "the recipient receiving mail too quickly" rate no "450 4.2.1 The recipient is receiving mail too quickly, please try later"
verdict "a mailbox with too many messages in the last hour" rate no "452 4.2.1 Mailbox <bob@example.org> has received too many messages in the last hour"
verdict "rate limit exceeded for one recipient" rate no "450 4.2.1 Rate limit exceeded for recipient bob@example.org"
verdict "too many messages for this recipient, slow down" rate no "421 4.7.0 Too many messages for this recipient, slow down"
verdict "the recipient receiving too many messages (German)" rate no "450 4.2.1 Der Empfaenger erhaelt zu viele Nachrichten, bitte spaeter erneut versuchen"
verdict "hourly limit for this recipient (Spanish)" rate no "451 4.2.1 Limite de mensajes por hora alcanzado para este destinatario"
verdict "client not authenticated for anonymous mail" other no "530 5.7.1 Client was not authenticated to send anonymous mail during MAIL FROM"
verdict "authentication credentials invalid" other no "535 5.7.8 Authentication credentials invalid"
verdict "sender not logged in, submission needs authentication" other no "553 5.7.1 Sender not logged in: authentication required for submission"
verdict "authentication required (German)" other no "530 Authentifizierung erforderlich"
verdict "authentication unsuccessful" other no "535 5.7.3 Authentication unsuccessful"
verdict "authentication required (Italian)" other no "530 5.7.0 Autenticazione richiesta"
verdict "temporary authentication failure" other no "454 4.7.0 Temporary authentication failure"
verdict "user unknown, the connecting IP named" user-unknown no "550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown (connection from 192.0.2.58)"
verdict "mailbox busy, the connecting IP named" other no "450 4.2.0 Mailbox busy, try again later (from 192.0.2.59)"
verdict "message from an IP with a macro attachment" content no "554 5.7.1 Message from 192.0.2.60 rejected: attachment contains a macro"
verdict "blocked: the sender address on the recipient's blacklist" other no "550 5.7.1 Blocked: sender address bob@example.com is on the recipient's blacklist"
verdict "sender blacklisted by the recipient's filter settings" other no "554 5.7.1 Sender blacklisted by recipient's personal filter settings"
verdict "your address blocked by the user" other no "550 5.7.1 Your e-mail address has been blocked by the user"
verdict "sender blocked by user preferences, an IP named" other no "550 5.7.1 Message rejected: sender blocked by user preferences (192.0.2.101)"
verdict "the recipient's filter settings list the sender" other no "554 Blocked by the recipient's spam filter settings: sender listed in block list"
verdict "sender on the recipient's blacklist (German)" other no "550 5.7.1 Absender steht auf der Blacklist des Empfaengers"
verdict "address on the recipient's black list (French)" other no "550 Votre adresse est sur la liste noire du destinataire"
verdict "sender domain blocked by the recipient organisation's policy" other no "550 5.7.1 Domain example.com blocked by recipient's organization policy"
verdict "sender domain on this organisation's block list" other no "550 5.7.1 The sender's domain is on this organisation's block list"
verdict "message blocked, its content blacklisted" content no "554 5.7.1 Message blocked: content blacklisted"
verdict "message with blacklisted words" content no "550 5.7.1 Blocked: message contains blacklisted words"
verdict "message blocked by the spam filter, from an IP" content no "554 5.7.1 Message blocked by spam filter: score 9.1 from 192.0.2.102"
verdict "message on a fuzzy hash blocklist" content no "550 5.7.1 Rejected: this message is listed in a hash blocklist (fuzzy)"
verdict "attachment hash blacklisted" content no "554 5.7.1 Message rejected: attachment hash is blacklisted"
verdict "spam message, the IP not listed" content no "550 5.7.1 Spam message rejected; the IP 192.0.2.103 is not listed"
verdict "message blocked as suspected spam (German)" content no "554 5.7.1 Nachricht blockiert: Spamverdacht"
verdict "message blocked, suspicious content (French)" content no "550 5.7.1 Message bloque : contenu suspect"
verdict "mailbox full, too many messages stored" mailbox-full no "452 4.2.2 Mailbox full: too many messages stored"
verdict "quota exceeded, the mailbox at its limit" mailbox-full no "552 5.2.2 Quota exceeded: the recipient's mailbox has reached its limit"
verdict "an IP greylisted, retry in minutes" greylist no "451 4.7.1 192.0.2.104 is greylisted, please retry in 5 minutes"
verdict "client host temporarily blocked: greylisted" greylist no "450 4.7.1 Client host [192.0.2.105] temporarily blocked: greylisted"
verdict "too many connections from unknown senders, greylisting" greylist no "451 4.7.1 Too many connections from unknown senders, greylisting active"
verdict "rate limited: greylisting new senders" greylist no "451 Rate limited: greylisting new senders, try again later"
verdict "your IP not yet authorized to deliver" greylist no "450 4.7.1 Your IP 192.0.2.106 is not yet authorized to deliver, retry later"
verdict "blocked temporarily by greylist" greylist no "451 4.7.1 Deferred: blocked temporarily by greylist"
verdict "blocked: SPF fail for an IP" auth no "550 5.7.1 Blocked: SPF fail for 192.0.2.107"
verdict "IP refused by the SPF record of a domain" auth no "550 5.7.1 Your IP 192.0.2.108 is blacklisted in the SPF record of example.com"
verdict "DMARC policy, sender IP blocked" auth no "550 5.7.1 Rejected due to DMARC policy; sender IP 192.0.2.109 blocked"
verdict "message blocked: invalid DKIM signature" auth no "554 5.7.1 Message blocked: invalid DKIM signature for example.com"
verdict "IP banned: not permitted by SPF" auth no "550 5.7.1 IP 192.0.2.110 banned: not permitted by SPF record of example.com"
verdict "DMARC reject policy, too many authentication failures" auth no "550 5.7.1 Sender rejected, DMARC reject policy (p=reject) - too many authentication failures"
verdict "blocked: your IP without reverse DNS" ptr no "550 5.7.1 Blocked: your IP 192.0.2.111 has no reverse DNS"
verdict "IP listed as having no PTR" ptr no "554 5.7.1 Connection refused: IP 192.0.2.112 listed as having no PTR"
verdict "host blacklisted for an invalid HELO" ptr no "550 5.7.1 Host 192.0.2.113 blacklisted for invalid HELO"
verdict "too many connections with an invalid HELO" ptr no "421 4.7.0 Too many connections with an invalid HELO from 192.0.2.114"
verdict "reverse DNS looks dynamic (a blacklisted pattern)" ptr no "550 5.7.1 Rejected: reverse DNS of 192.0.2.115 looks dynamic (blacklisted pattern)"
verdict "HELO name blocked, not a valid hostname" ptr no "554 5.7.1 HELO example.local blocked: not a valid hostname"
verdict "service not available, too many connections to this server" other no "421 4.3.2 Service not available, too many connections to this server"
verdict "DNSBL lookup failed" other no "451 4.3.0 DNSBL lookup failed, please try again later"
verdict "temporary RBL lookup error" other no "450 4.7.1 Client host rejected: temporary RBL lookup error"
verdict "DNS timeout checking blacklists for an IP" other no "451 4.4.0 DNS timeout while checking blacklists for 192.0.2.116"
verdict "mail system overloaded, rate limiting all connections" other no "421 4.3.0 Mail system overloaded, rate limiting all connections, try later"
verdict "server busy, its connection limit reached" other no "421 4.4.5 Server busy: connection limit reached, please try again later"
verdict "too many errors from an IP in this session" other no "421 4.7.0 Too many errors from 192.0.2.117 in this session, closing connection"
verdict "rate limit: too many recipients per message from an IP" rate no "452 4.5.3 Rate limit: too many recipients per message from 192.0.2.118"
verdict "connection blocked: too many messages in this session" rate no "421 4.7.0 Connection blocked: too many messages in this session"
verdict "throttled: recipients per connection" rate no "451 4.7.1 Throttled: max 20 recipients per connection"
verdict "max messages per connection exceeded for an IP" rate no "421 Max messages per connection exceeded for 192.0.2.119"
verdict "blocked: connection not encrypted, TLS required" other no "550 5.7.1 Blocked: connection not encrypted, TLS required"
verdict "rejected: the server without TLS 1.2" other no "554 5.7.1 Rejected: your server 192.0.2.120 does not support TLS 1.2"
verdict "TLS handshake failed, connection refused" other no "421 4.7.0 TLS handshake failed with 192.0.2.121, connection refused"
verdict "message blocked: size limit exceeded" size no "552 5.3.4 Message blocked: size limit exceeded"
verdict "message from an IP over the size limit" size no "552 5.3.4 Rejected: message from 192.0.2.122 exceeds the size limit"
verdict "throttled: the recipient receiving mail too fast" rate no "450 4.2.1 Throttled: the recipient is receiving mail too fast"
verdict "rate limited: too many messages to this mailbox" rate no "421 4.7.0 Rate limited: too many messages to this mailbox"
verdict "mailbox temporarily blocked, receiving too many messages" rate no "450 4.2.1 Mailbox temporarily blocked: receiving too many messages"
verdict "recipient rate limit, the sender's IP named" rate no "451 4.7.1 Recipient rate limit exceeded, sender 192.0.2.123 may retry later"
verdict "too many messages for one address from an IP in the last hour" rate no "452 4.2.1 Too many messages for bob@example.org from 192.0.2.124 in the last hour"
verdict "too many login attempts, account blocked" other no "535 5.7.8 Authentication failed: too many attempts, account blocked temporarily"
verdict "authentication required: relaying blocked for unauthenticated" other no "530 5.7.0 Authentication required: relaying blocked for unauthenticated 192.0.2.125"
verdict "too many failed logins, try later" other no "535 5.7.0 Too many failed logins, try again later"
verdict "your IP not on the allow list for this domain" other no "554 5.7.1 Your IP 192.0.2.126 is not on the allow list for this domain"
verdict "IP not whitelisted by this recipient domain" other no "554 Access denied: 192.0.2.127 is not whitelisted by this recipient domain"
verdict "recipient blocked: mailbox disabled" user-unknown no "550 5.1.1 Recipient blocked: mailbox disabled"
verdict "sender domain without an MX record, blocked" other no "554 5.7.1 Sender domain example.com has no MX record, blocked"
verdict "sender address on the local suppression list" other no "550 5.7.1 Listed: sender address bob@example.com on the local suppression list"
# Blocks in many wordings and languages, so that the guards above lose none.
verdict "client host blocked using SpamCop" blocklist yes "554 5.7.1 Service unavailable; Client host [192.0.2.70] blocked using bl.spamcop.net"
verdict "your IP listed on our blocklist" blocklist yes "550 5.7.1 Your IP address 192.0.2.71 is listed on our blocklist"
verdict "too many concurrent connections from an IP" rate yes "421 4.7.0 Too many concurrent connections from 192.0.2.72"
verdict "sending rate for an IP exceeded" rate yes "450 4.7.1 Sending rate for 192.0.2.73 exceeded, try again later"
verdict "IP with a poor reputation" reputation yes "554 5.7.1 Rejected: IP 192.0.2.74 has a poor reputation"
verdict "Yahoo TSS04 for an IP" reputation yes "421 4.7.0 [TSS04] Messages from 192.0.2.75 temporarily deferred due to unexpected volume or user complaints"
verdict "IP on our block list (German)" blocklist yes "550 5.7.1 Die IP-Adresse 192.0.2.76 ist auf unserer Sperrliste"
verdict "IP blocked for spam (French)" blocklist yes "554 Votre adresse IP 192.0.2.77 est bloquee pour cause de spam"
verdict "SpamCop lookup page for the IP" blocklist yes "550 5.7.1 Blocked - see https://www.spamcop.net/bl.shtml?192.0.2.78"
verdict "client host blocked using zen with its page" blocklist yes "554 5.7.1 Client host [192.0.2.79] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.79"
verdict "mail from an IP refused, listed in BRBL" blocklist yes "550 5.7.1 Mail from 192.0.2.80 refused: listed in b.barracudacentral.org"
verdict "Gmail unusual rate of unsolicited mail" reputation yes "421 4.7.28 [192.0.2.81] Our system has detected an unusual rate of unsolicited mail originating from your IP address"
verdict "IP listed in Mailspike" blocklist yes "550 5.7.1 Connection refused: 192.0.2.82 is listed in bl.mailspike.net"
verdict "IP blacklisted for sending spam" blocklist yes "554 5.7.1 Your IP 192.0.2.83 has been blacklisted for sending spam"
verdict "too many connections from your IP address" rate yes "421 Too many connections from your IP address, please try again later"
verdict "your IP banned" blocklist yes "550 5.7.1 Access denied: your IP 192.0.2.84 is banned"
verdict "rate limit exceeded for an IP" rate yes "451 4.7.1 Rate limit exceeded for IP 192.0.2.85"
verdict "host on UCEPROTECT Level 1" blocklist yes "554 5.7.1 Host 192.0.2.86 is on the UCEPROTECT Level 1 list"
verdict "your server sending too much mail, blocked" rate yes "550 5.7.1 Your server is sending too much mail, temporarily blocked"
verdict "IP throttled for high volume" rate yes "421 4.7.0 IP 192.0.2.87 throttled due to high volume"
verdict "sender domain listed in the DBL" blocklist yes "554 5.7.1 Rejected: sender domain example.com is listed in dbl.spamhaus.org"
verdict "sender address blocked using the DBL" blocklist yes "554 5.7.1 Service unavailable; Sender address [bob@example.com] blocked using dbl.spamhaus.org"
verdict "connection from an IP on SORBS" blocklist yes "550 5.7.1 Connection from 192.0.2.88 rejected: IP on SORBS DNSBL"
verdict "your IP throttled for spam complaints" reputation yes "421 4.7.0 Temporarily rejected: your IP 192.0.2.89 has been throttled for spam complaints"
verdict "IP on our black list (Spanish)" blocklist yes "550 5.7.1 Su direccion IP 192.0.2.90 esta en nuestra lista negra"
verdict "IP in blacklist (Italian)" blocklist yes "554 5.7.1 Indirizzo IP 192.0.2.91 in blacklist"
verdict "IP blocked for spamming" blocklist yes "550 IP 192.0.2.92 blocked for spamming"
verdict "connection rate limit for an IP" rate yes "421 4.7.0 Connection rate limit exceeded for 192.0.2.93"
verdict "your IP blocked for invalid recipients" reputation yes "550 5.7.1 Your IP has been blocked due to excessive invalid recipients"
verdict "sending IP on Spamhaus SBL" blocklist yes "554 5.7.1 The sending IP 192.0.2.94 is listed on Spamhaus SBL"
verdict "too many messages per hour from this IP" blocklist yes "450 4.7.1 Client host [192.0.2.95] blocked: too many messages per hour from this IP"
verdict "sending server with a bad reputation (Cloudmark)" reputation yes "554 rejected: the sending server 192.0.2.96 has a bad reputation (Cloudmark)"
verdict "IP on PSBL" blocklist yes "550 5.7.1 Sender blacklisted: IP 192.0.2.97 appears on psbl.surriel.com"
# The sending IP named beside a reason about one message (its size, a spam
# score, a virus, a forged header), a message's or a link's reputation,
# words or a subject blacklisted, the receiver's list servers down: none is
# the sender's standing.
verdict "message from an IP blocked, over the size limit" size no "552 5.3.4 Message from 192.0.2.130 blocked: size exceeds the limit"
verdict "size over the fixed limit, message from an IP blocked" size no "552 5.3.4 Message size exceeds fixed limit; message from 192.0.2.131 blocked"
verdict "mail from an IP rejected as spam with a score" content no "550 5.7.1 Mail from 192.0.2.132 rejected: message appears to be spam (score 15.0)"
verdict "messages from an IP rejected for a virus" content no "550 5.7.1 Messages from 192.0.2.133 rejected: virus detected"
verdict "mail from an IP rejected for SPF" auth no "550 5.7.1 Mail from 192.0.2.134 rejected: SPF check failed"
verdict "mail from an IP refused for no reverse DNS" ptr no "550 5.7.1 Mail from 192.0.2.135 refused: no reverse DNS"
verdict "messages from an IP deferred: greylisted" greylist no "421 4.7.0 Messages from 192.0.2.136 deferred: greylisted"
verdict "your IP blocked for a virus in the message" content no "554 5.7.1 Your IP 192.0.2.138 is blocked: message contains a virus"
verdict "IP rejected, the recipient's mailbox full" mailbox-full no "550 5.7.1 IP 192.0.2.139 rejected: recipient mailbox full"
verdict "connection from an IP rejected, user unknown" user-unknown no "550 5.7.1 Connection from 192.0.2.140 rejected: user unknown"
verdict "an IP temporarily rejected, mailbox busy" other no "421 4.7.0 192.0.2.141 temporarily rejected: mailbox busy"
verdict "access denied to an IP that tried to relay" relay-denied no "554 5.7.1 Access denied: 192.0.2.142 tried to relay"
verdict "banned attachment type from an IP" content no "550 5.7.1 Banned: attachment type .scr from 192.0.2.143"
verdict "host refused, the message too large" size no "550 5.7.1 Host 192.0.2.144 refused: message too large"
verdict "your IP rejected for a forged From header" content no "554 5.7.1 Rejected: your IP 192.0.2.146 sent a message with a forged From header"
verdict "sender IP not allowed by a DMARC policy" auth no "550 5.7.1 Sender IP 192.0.2.147 not allowed by DMARC policy of example.com"
verdict "blocked by policy, a message with an executable" content no "550 5.7.1 Blocked by policy: message from 192.0.2.148 contains executable"
verdict "spam blocked, a message from an IP scored" content no "554 5.7.1 Spam blocked: message from 192.0.2.149 scored 20"
verdict "too many connections from all hosts, server busy" other no "421 4.4.5 Too many connections from all hosts, server busy"
verdict "the server's maximum number of connections" other no "421 4.3.2 Maximum number of connections reached for this server, try later"
verdict "your IP deferred for greylisting" greylist no "451 4.7.1 Your IP 192.0.2.151 is temporarily deferred: please retry (greylisting)"
verdict "reputation of a link domain" content no "550 5.7.1 Reputation of the link domain example.net is poor"
verdict "a domain in the body with a poor reputation" content no "554 5.7.1 Domain example.net in the message body has a poor reputation"
verdict "blacklisted attachment name" content no "550 5.7.1 Blacklisted attachment name"
verdict "keyword blacklisted in the subject" content no "550 5.7.1 Keyword blacklisted in subject"
verdict "not on the recipient's allow list" other no "550 5.7.1 Not listed in the recipient's allow list"
verdict "sender not in a recipient's whitelist" other no "554 5.7.1 Sender not in whitelist of recipient bob@example.org"
verdict "client host not listed in the SPF record" auth no "550 5.7.1 Client host 192.0.2.152 not listed in the sending domain's SPF record"
verdict "client host not yet listed, greylisted" greylist no "451 4.7.1 Client host 192.0.2.153 not yet listed: greylisted for 5 minutes"
verdict "IP with a HELO on the blacklist" ptr no "550 5.7.1 Reject: IP 192.0.2.154 uses a HELO that is blacklisted"
verdict "your HELO name on our blacklist" ptr no "550 5.7.1 Rejected: your HELO name is on our blacklist"
verdict "your IP not allowed to send to this recipient" other no "554 5.7.1 Your IP 192.0.2.155 is not allowed to send to this recipient"
verdict "system storage, too many messages queued" other no "452 4.3.1 Insufficient system storage, too many messages queued"
verdict "queue full, rate limiting in effect" other no "451 4.3.0 Queue full, rate limiting in effect, try later"
verdict "message rate limit for the recipient domain" rate no "554 5.7.1 Message rate limit exceeded for this recipient domain"
verdict "too many messages to one domain's recipients, slow down" rate no "450 4.7.1 Too many messages to example.org recipients, slow down"
verdict "the message with a poor reputation (fingerprint)" content no "554 5.7.1 Blocked: the message has a poor reputation (fingerprint)"
verdict "message ID listed as spam" content no "550 5.7.1 Rejected: message ID listed as spam (hash)"
verdict "phishing link detected, the IP named" content no "550 5.7.1 Phishing link detected, IP 192.0.2.157 notified"
verdict "TLS required, your server offered no STARTTLS" other no "554 5.7.1 TLS required: your server 192.0.2.158 offered no STARTTLS"
verdict "DNSBL servers unreachable, all mail held" other no "421 4.7.0 Try again later: DNSBL servers unreachable, temporarily blocking all mail"
verdict "a domain not a permitted sender for this recipient" other no "550 5.7.1 example.com is not listed as a permitted sender for this recipient"
verdict "sender address domain listed as nonexistent" other no "550 5.1.8 Sender address domain example.com is listed as nonexistent"
verdict "your domain without an SPF record, blocked" auth no "550 5.7.1 Your domain example.com has no SPF record; blocked"
verdict "DKIM key listed as revoked" auth no "550 5.7.1 DKIM key for example.com is listed as revoked"
verdict "From header domain blacklisted by the recipient" other no "554 5.7.1 Rejected: From header domain example.com blacklisted by the recipient"
verdict "sender not authorised for a distribution list" other no "550 5.7.1 The sender is not authorised to send to this distribution list"
verdict "mail from your address blocked by the recipient's rules" other no "550 5.7.1 Mail from your address is blocked by the recipient's rules"
# More look-alikes with a block's words: a phishing flag, a spam source in
# links, an address blacklisted, "Client host [IP] blocked:" with one
# recipient's or one message's reason, a host asked to authenticate on
# port 587, a recipient's mailbox or inbox over its limit.
verdict "suspicious activity on the recipient's account" other no "550 5.7.1 Suspicious activity detected on the recipient's account"
verdict "suspicious link in the message" content no "554 5.7.1 Suspicious link detected in the message"
verdict "message flagged for a phishing attempt" content no "550 5.7.1 Message flagged for suspicious activity: phishing attempt"
verdict "daily receiving limit of a mailbox" rate no "550 5.7.1 Daily receiving limit reached for this mailbox"
verdict "daily recipient limit for one address" rate no "452 4.5.3 Daily recipient limit reached for bob@example.org"
verdict "this server is not an open relay" relay-denied no "550 5.7.1 This server is not an open relay"
verdict "dynamic content in the message" content no "550 5.7.1 Dynamic content in message blocked"
verdict "dynamic DNS domains in links" content no "550 5.7.1 Dynamic DNS domains in links are not allowed"
verdict "recipient address on the suppression list" other no "550 5.7.1 Blocked: recipient address on the suppression list"
verdict "an address is blocked" other no "550 5.7.1 bob@example.org is blocked"
verdict "an address in brackets is blacklisted" other no "550 5.7.1 <bob@example.org> is blacklisted"
verdict "too many SMTP sessions for this recipient" rate no "421 4.7.0 Too many SMTP sessions for this recipient"
verdict "the recipient domain's messages per minute" rate no "450 4.7.1 Rate limit: the recipient domain accepts 10 messages per minute"
verdict "spam source in the message links" content no "554 5.7.1 Spam source detected in the message links"
verdict "failed logins, the account locked" other no "550 5.7.1 Failed login attempts exceeded for user bob, account locked"
verdict "too many invalid logins from an IP" other no "535 5.7.8 Too many invalid logins from 192.0.2.161, please wait"
verdict "too many AUTH failures from your IP" other no "421 4.7.0 Too many AUTH failures from your IP, try later"
verdict "host not allowed to send mail for a domain" auth no "550 5.7.1 Host 192.0.2.162 is not allowed to send mail for example.com (SPF)"
verdict "client host not permitted to relay" relay-denied no "550 5.7.1 Client host [192.0.2.163] is not permitted to relay"
verdict "client host blocked: sender domain not found" other no "554 5.7.1 Client host [192.0.2.164] blocked: sender address domain not found"
verdict "client host blocked: message size over the limit" size no "554 5.7.1 Client host [192.0.2.165] blocked: message size exceeds limit"
verdict "client host blocked: user unknown" user-unknown no "550 5.7.1 Client host [192.0.2.166] blocked: user unknown"
verdict "client host blocked: greylisting" greylist no "421 4.7.0 Client host [192.0.2.167] blocked: greylisting"
verdict "access from an IP forbidden: authentication required" other no "554 5.7.1 Access from 192.0.2.168 forbidden: authentication required"
verdict "host not allowed to connect: port 587 with authentication" other no "550 5.7.1 Your host is not allowed to connect: use port 587 with authentication"
verdict "host not allowed to send: submission requires login" other no "554 5.7.1 This host 192.0.2.169 is not allowed to send: submission requires login"
verdict "a block placed on this recipient address" other no "550 5.7.1 A block has been placed on this recipient address"
verdict "message over the limit of recipients" rate no "452 4.5.3 Your message exceeds the limit of 100 recipients"
verdict "recipient over its daily limit of messages" rate no "550 5.7.1 Recipient exceeded its daily limit of messages"
verdict "maximum messages for this recipient today" rate no "421 4.7.0 Exceeded the maximum number of messages for this recipient today"
verdict "limit exceeded for this customer's mailbox" rate no "550 5.7.1 Limit exceeded for this customer's mailbox"
verdict "message limit for this account's inbox" rate no "550 5.7.1 Message limit exceeded for this account's inbox"
verdict "sender verify failed, the sender's MX busy" other no "554 5.7.1 Sender verify failed: too many connections to the sender's MX"
verdict "sender verification, the callout not accepted" other no "550 5.7.1 Sender verification failed: your server 192.0.2.171 did not accept the callout"
verdict "server unreachable for callback verification" other no "421 4.7.0 Server 192.0.2.172 unreachable for callback verification"
verdict "mail flood protection for one recipient" rate no "451 4.7.1 Mail flood protection: too many messages to this recipient"
verdict "zombie attachment" content no "550 5.7.1 Zombie attachment detected (W32.Zombie)"
verdict "refused mail from your domain, DMARC reject" auth no "550 5.7.1 Refused mail from your domain: DMARC p=reject"
verdict "refused: mail from an address blocked by the recipient's filter" other no "550 5.7.1 Refused: mail from <bob@example.com> is blocked by recipient's filter"
verdict "traffic from this sender not accepted by the recipient's settings" other no "550 5.7.1 Traffic from this sender is not accepted by the recipient's settings"
verdict "connections from this IP not accepted until TLS" other no "421 4.7.0 Connections from this IP are not accepted until TLS is used"
verdict "mail from this IP not accepted without SMTP authentication" other no "550 5.7.1 Mail from this IP is not accepted without SMTP authentication"
verdict "no mail from your IP without a valid PTR" ptr no "550 5.7.1 We do not accept mail from your IP without a valid PTR"
verdict "not allowed over IPv6 without PTR" ptr no "554 5.7.1 Your server is not allowed to send to us over IPv6 without PTR"
# Blocks with the words the guards above look for (messages, a score, a
# mailbox-free limit, a list page), so that the guards keep them.
verdict "messages from an IP rejected, the IP's poor reputation" reputation yes "554 5.7.1 Messages from 192.0.2.180 rejected: your IP has a poor reputation"
verdict "mail from an IP blocked, sender score too low" blocklist yes "550 5.7.1 Mail from 192.0.2.181 blocked: sender score too low"
verdict "client host blocked for too many connections" blocklist yes "421 4.7.0 Client host [192.0.2.182] blocked: too many connections"
verdict "your IP blocked for sending spam messages" blocklist yes "554 5.7.1 Your IP 192.0.2.183 has been blocked for sending spam messages"
verdict "the message rejected for the sending IP's reputation" reputation yes "550 5.7.1 The message was rejected because the sending IP 192.0.2.184 has a poor reputation"
verdict "your IP blacklisted, a Spamhaus page for the listing" blocklist yes "554 5.7.1 Your IP is blacklisted; see https://www.spamhaus.org/query/ip/192.0.2.185 for details about the listing"
verdict "too many messages from an IP, slow down" rate yes "421 4.7.0 Too many messages from 192.0.2.186, slow down"
verdict "your mail server a known spam source" reputation yes "550 5.7.1 Service refused: your mail server 192.0.2.187 is a known spam source"
verdict "spam trap hits from your IP" reputation yes "554 5.7.1 Spam trap hits from your IP 192.0.2.188, delivery suspended"
verdict "your IP rate limited for user complaints" reputation yes "421 4.7.0 Your IP 192.0.2.189 is rate limited due to user complaints"
verdict "sender IP on our local blacklist" blocklist yes "554 5.7.1 Connection rejected: sender IP 192.0.2.190 on our local blacklist (see postmaster page)"
verdict "client host blocked, on an internal list" blocklist yes "550 5.7.1 Client host [192.0.2.191] blocked: listed on our internal list"
verdict "too many emails from your domain in the last hour" rate yes "451 4.7.1 Too many emails from your domain example.com in the last hour"
verdict "sender domain with a poor reputation" reputation yes "550 5.7.1 Sender domain example.com has a poor reputation"
verdict "unusual activity from your account, sending suspended" reputation yes "421 4.7.0 Unusual activity from your account detected, sending suspended"
# The sending IP named first ("Your IP 192.0.2.1: ...", "(client 192.0.2.1)")
# and then a reason that is not its standing: still no.
verdict "the IP named first, then a recipient blocked" other no "550 Your IP 192.0.2.200: Recipient is blocked"
verdict "the IP named first, then the spam filter's verdict" content no "550 5.7.1 Your IP 192.0.2.200: Your message was blocked by our spam filter (score 9.1)"
verdict "the IP named first, then relaying blocked" other no "550 Your IP 192.0.2.200: Relaying is blocked"
verdict "URI list zone, the client's IP appended" content no "550 5.7.1 Rejected: example.net is listed at uribl.spameatingmonkey.net (client 192.0.2.200)"
verdict "the IP named first, a spam verdict in German" content no "554 5.7.1 Your IP 192.0.2.200: Nachricht blockiert: Spamverdacht"
verdict "your IP after a colon, blocked" blocklist yes "554 Your IP: 192.0.2.201 is blocked"
verdict "your IPv6 address blocked" blocklist yes "554 5.7.1 Your IP 2001:db8::25 has been blocked"
# Look-alikes aimed at one block rule each (a list service down, a URL's or
# an attachment's reputation, a dynamic IP sent to the submission port,
# "mail from your server rejected: message too large", one session's or
# one recipient's count, a relay or TLS reason, a link's host listed), and
# the blocks beside them that those rules must keep.
verdict "RBL check temporarily unavailable" other no "451 4.7.1 RBL check temporarily unavailable, try again later"
verdict "DNS blocklist service unavailable" other no "450 4.7.1 DNS blocklist service unavailable"
verdict "rejected because of URL reputation" content no "550 5.7.1 Rejected because of URL reputation"
verdict "blocked due to attachment reputation" content no "554 5.7.1 Blocked due to attachment reputation"
verdict "dynamic IPs sent to the submission port with authentication" other no "550 5.7.1 Dynamic IP addresses must use the submission port with authentication"
verdict "message from an IP flagged as spam by the content filter" content no "554 5.7.1 Message from IP 192.0.2.201 flagged as spam by content filter"
verdict "mail from your server rejected, the message too large" size no "550 5.7.1 Mail from your server was rejected: message too large"
verdict "mail from your network rejected, the mailbox full" mailbox-full no "550 5.7.1 Mail from your network rejected: the recipient's mailbox is full"
verdict "refused mail from an IP, the recipient unknown" user-unknown no "554 mx.example.net refused mail from 192.0.2.202: recipient address unknown"
verdict "too many messages in this session from your server" rate no "421 4.7.0 Too many messages in this session from your server"
verdict "too many identical messages to this recipient" rate no "550 5.7.1 Too many identical messages to this recipient"
verdict "a mailbox receiving too many emails from your domain" rate no "452 4.2.1 Mailbox bob@example.org receives too many emails from your domain"
verdict "too many connections on this server (French)" other no "421 4.7.0 Trop de connexions sur ce serveur, reessayez plus tard"
verdict "too many recipients from your host in this message" rate no "452 4.5.3 Too many recipients from your host in this message"
verdict "the sender server blocked from relaying" relay-denied no "550 5.7.1 The sender server is blocked from relaying"
verdict "your server blocked: TLS required" other no "554 5.7.1 Your server is blocked: TLS required"
verdict "a link host found on a blacklist" content no "550 5.7.1 Message rejected: link host example.net found on a blacklist"
verdict "the host in the message URL on our blacklist" content no "554 5.7.1 The host in the message URL is on our blacklist"
verdict "too many messages from your IP, slow down" rate yes "421 4.7.0 Too many messages from your IP, slow down"
verdict "mail from your IP refused, on our blocklist" blocklist yes "550 5.7.1 Mail from your IP refused: listed on our blocklist"
verdict "refused mail from an IP, a page to see" blocklist yes "554 mx.example.net refused mail from 192.0.2.210: see http://example.net/blocked"
verdict "too many recipients from your IP in the last hour" rate yes "452 4.5.3 Too many recipients from your IP in the last hour"
verdict "a dynamic IP refused, use the provider's relay" blocklist yes "550 5.7.1 Dynamic IP 192.0.2.211 refused, use your provider's relay"
verdict "your server blocked for sending spam" blocklist yes "554 5.7.1 Your server is blocked for sending spam"
verdict "too many connections, check your configuration (French)" rate yes "421 4.7.0 Trop de connexions, veuillez verifier votre configuration"
verdict "rejected due to IP reputation" reputation yes "554 5.7.1 Rejected due to IP reputation"
verdict "a host found on our block list" blocklist yes "550 5.7.1 Host 192.0.2.212 found on our block list"
verdict "your IP on a DNS blacklist" blocklist yes "550 5.7.1 Your IP is on a DNS blacklist"
verdict "too many similar messages from your server" rate yes "554 5.7.1 Too many similar messages from your server"
verdict "an RBL code with the IP listed" blocklist yes "421 4.7.0 RBL: your IP 192.0.2.213 is listed"
# Shapes that only a provider's rule read before (shapes11.rules): a 4.7.0
# refusal closing the connection, RCPT attempts over a threshold, a
# bracketed list code, a bare code on 421 / 521, a host and its IP blocked,
# a try-again-later naming the IP, hourly limits, a bare policy refusal
# (blocks); the same words with a reason that is the sender's
# configuration, greylisting or a session's limit, a bare policy refusal
# that keeps the session, the sender's own account and setup (not blocks).
verdict "4.7.0 closing connection, no reason" rate yes "451 4.7.0 Try again later, closing connection. (MAIL) mx.example.net"
verdict "4.7.0 closing connection, invalid HELO" ptr no "451 4.7.0 Try again later, closing connection: invalid HELO name"
verdict "4.7.0 closing connection, greylisted" greylist no "451 4.7.0 Try again later, closing connection (greylisted)"
# "the total of RCPTs" has a per-message reading (Alibaba's 505, README's
# call): a limit, not a block.
verdict "RCPTs over the maximum threshold" rate no "554 the total of RCPTs has exceeded the maximum threshold"
verdict "RCPT threshold per session" other no \
	"452 4.5.3 The number of RCPT commands has reached the maximum threshold for this session"
verdict "bracketed BL code" blocklist yes "554 (MX:BL) see http://postmaster.example.com/errors"
verdict "bracketed BL code, SPF reason" auth no "550 5.7.1 (MX:BL) SPF check failed"
verdict "BL code of the recipient's list" other no "550 5.7.1 Sender is on the recipient's block list (BL)"
verdict "URIBL in brackets" content no "554 5.7.1 Rejected: URL in the message listed (URIBL)"
verdict "bare code on 521" other yes "521 (XYZ:B2)"
verdict "bare DNS code on 421" other no "421 4.7.1 (DNS:X1) http://postmaster.example.net/errors"
verdict "bare code on 554" other no "554 (ABC:X1) http://postmaster.example.net/errors/554abcx1.html"
verdict "host and IP blocked" blocklist yes "421 mx 198.51.100.3 blocked."
verdict "host and IP blocked, HELO" ptr no "421 4.7.1 mx 192.0.2.1 blocked: HELO name invalid"
verdict "message and IP blocked as spam" content no "550 message 192.0.2.1 blocked as spam"
verdict "try later from IP" rate yes "451 4.7.1 Service busy, please try again later from [192.0.2.1]."
verdict "try later from IP, greylisted" greylist no "451 4.7.1 Greylisted, please try again later from [192.0.2.1]"
verdict "try later from IP, SPF" auth no "451 4.7.1 Try again later from [192.0.2.1]: SPF temporary error"
verdict "try later, IP and abuse desk" reputation yes "421 Try again later [192.0.2.1]. Contact abuse@example.org"
verdict "try later, IP and abuse desk, greylisting" greylist no \
	"421 4.7.0 Try again later (192.0.2.1), greylisting in effect; contact abuse@example.net"
verdict "hourly and daily sending limits" rate yes \
	"451 4.7.1 Some messages were not sent. We have limits for how many messages can be sent per hour and per day."
verdict "bare policy violations closing" other yes "421 4.7.0 Refused due to local policy violation"
verdict "bare policy violation deferred" other no "451 4.7.1 Rejected due to policy violation."
verdict "policy violation for too many recipients" rate no \
	"451 4.3.2 Reject due to policy violations: too many recipients in this session"
verdict "sender address not verified" other no "554 Transaction failed: sender address is not verified for this account"
verdict "recipient address not verified" user-unknown no "550 5.1.1 Recipient address is not verified"
verdict "account sending disabled" other no "554 Mail sending for your account has been disabled"
verdict "account sending disabled, complaints" reputation yes "554 Mail sending for this account is disabled: too many complaints"
verdict "not this message" content no "554 5.7.1 We will not accept delivery of this message."
verdict "too many failures for a recipient" other no "451 4.2.1 Too many failures for this recipient, try later"
verdict "connections from the host refused" other yes "554 Connections from your server are refused"
verdict "connections from the host refused, PTR" ptr no "550 5.7.1 Connections from your host are denied: no PTR record"
verdict "connections from the IP refused, relaying" other no \
	"554 5.7.1 Connections from your IP are rejected: relaying requires authentication"
verdict "recipient check, internal error" other no \
	"450 4.7.1 <user@example.com>: Recipient address rejected: Internal error, lookup failed"
verdict "sender account disabled" other no "550 5.7.1 <a@example.net>: Sender address rejected: account is disabled"
verdict "recipient account disabled" user-unknown no "550 5.7.1 <b@example.net>: Recipient address rejected: account is disabled"
verdict "hourly send rate exceeded" rate yes "452 4.7.1 Hourly send rate exceeded, retry later"
verdict "messages per hour for a mailbox" mailbox-full no "452 4.2.2 Maximum messages per hour for this mailbox exceeded"
verdict "messages per session reached" rate no "421 4.7.0 Maximum messages per session reached, reconnect"
verdict "too many messages this hour" rate yes "452 4.5.3 Too many messages received this hour"
verdict "too many messages this hour for a recipient" rate no "452 4.2.1 Too many messages this hour for this recipient"
verdict "sender IP banned" blocklist yes "550 5.7.1 Sender 192.0.2.45 is banned here"
verdict "sender IP blocked, PTR" ptr no "550 5.7.1 Sender 192.0.2.45 is blocked: no PTR record"
verdict "directory harvest attack" reputation yes "550 5.7.1 Directory harvest attack detected from your host"
verdict "suspected spam IP" reputation yes "554 5.7.1 Refused: suspected spam IP address"
verdict "suspicious account activity" reputation yes "550 5.7.0 Email sending suspended due to suspicious account activity"
verdict "not allowed directly to our servers" blocklist yes \
	"554 5.7.1 Your IP is not allowed to send mail directly to our servers, use your provider's relay"
verdict "not allowed directly to our servers, SPF" auth no \
	"550 5.7.1 Not authorized to send directly to our servers: SPF check failed"
verdict "the host handling your mail named a spam source" reputation yes \
	"554 5.7.1 The host handling your mail was identified as a source of spam"
verdict "your mail named a source of spam" content no "554 5.7.1 Your mail was identified as a source of spam"
verdict "banned outbound sender" reputation yes "554 5.7.1 Access denied, banned outbound sender"
verdict "messages from IP not sent" reputation yes "451 Some messages from 192.0.2.61 were not sent, try later"
verdict "messages from IP not sent, greylisted" greylist no "451 Some messages from 192.0.2.61 were not sent: greylisted"
verdict "messages from IP not sent, too big" size no "552 Messages from 192.0.2.61 were not accepted: message too big"
# The receiver's limit on all its clients' connections together (Exim's
# smtp_accept_max: no "from") is its own load, not a block; the same limit
# per sending host (smtp_accept_max_per_host) is. A block list that answers
# for every address ("the server you are sending to is misconfigured") is the
# receiver's configuration. A behaviour-stage refusal naming a failed SPF
# check is an authentication fix (patterns/README.md).
verdict "Exim's global connection limit" other no "421 Too many concurrent SMTP connections; please try again later."
verdict "Exim's connection limit per host" rate yes "421 Too many concurrent SMTP connections from this IP address; please try again later."
verdict "a dead list that lists everyone" other no "554 Service unavailable; [192.0.2.76] blocked using list.example.net, reason: Mail rejected because the server you are sending to is misconfigured"
verdict "behaviour stage, SPF check failed" auth no "554 Reject by behaviour spam at Rcpt State(Connection IP address:192.0.2.81)ANTISPAM_BAT[01201311R156a, maildocker-behaviorspam033018096094]: spf check failed"

# A blackhole list naming the IP, an administrative prohibition of mail
# from the IP, a client host refused for phishing, the sender's account frozen: blocks; a failed
# blackhole lookup, a bare administrative prohibition, a sender address on
# the recipient's list, one message refused as phishing, a failed SMTP AUTH
# login, messages to a domain deferred for volume are not.
verdict "refused by blackhole site" blocklist yes "550 5.7.1 Mail from 192.0.2.31 refused by blackhole site bl.example.net"
verdict "blackhole list lookup timed out" other no "451 4.7.1 Temporary failure: blackhole list lookup timed out"
verdict "mail from IP, administrative prohibition" other yes "550 mail from 192.0.2.32 rejected: administrative prohibition"
verdict "bare administrative prohibition" other no "550 Administrative prohibition"
verdict "sender address blacklisted by recipient" other no "550 Sender address blacklisted by recipient"
verdict "client host rejected for phishing" reputation yes "550 5.7.1 <mx.example.com[192.0.2.33]>: Client host rejected: Rejected : Phishing"
verdict "one message rejected for phishing" content no "550 5.7.1 Message rejected: Phishing"
verdict "sender account frozen" reputation yes "535 5.7.0 sender is frozen"
verdict "failed SMTP AUTH login" other no "535 5.7.3 Authentication unsuccessful"
verdict "messages to a domain deferred for volume" rate no "421 4.7.1 Messages to example.org deferred due to excessive volume. Try again later"
verdict "messages from an IP deferred for volume" reputation yes "421 4.7.1 Messages from 192.0.2.35 deferred due to excessive volume"
verdict "intentional policy rejection, later" greylist no \
	"451 4.7.1 <bob@example.org>: Recipient address rejected: Intentional policy rejection, please try again later."
verdict "recipient rejected, try again later" other no "450 4.7.1 <bob@example.org>: Recipient address rejected: Try again later."
verdict "message size violation" size no "554 5.7.0 Message Size Violation"
verdict "mailbox size limit exceeded" mailbox-full no "552 5.2.2 Mailbox size limit exceeded"
verdict "sender address rejected, blocked due to spam" other no "554 5.7.1 <user@example.net>: Sender address rejected: Blocked due to spam"
verdict "relay denied with user not local" relay-denied no "550 User not local or invalid address - Relay denied"
# A spam source listed, a connection refused at the greeting with no reason:
# blocks; one message blocked as spam, a bare "Connection refused", a
# connection refused for too many sessions or a PTR reason are not (or are
# the rate rule's).
verdict "spam source blocked" blocklist yes "571 spam source blocked - psmtp"
verdict "spam blocked, one message" content no "501 Spam Blocked - psmtp"
verdict "connection not authorized, no reason" other yes "554 5.7.1 mx.example.org Connection not authorized"
verdict "connection from IP rejected, no reason" other yes "501 Connection from 192.0.2.37 rejected"
verdict "bare connection refused" other no "550 Connection refused"
verdict "connection from IP rejected, no PTR" ptr no "550 Connection from 192.0.2.38 rejected: no PTR record"
verdict "qmail trouble in home directory" mailbox-full no "451 qq trouble in home directory"
verdict "Haraka, no plugin accepted the recipient" relay-denied no "550 I cannot deliver mail for <bob@example.org>"
verdict "cannot deliver mail, mailbox full" mailbox-full no "452 I cannot deliver mail for <bob@example.org>: mailbox full"
verdict "malformed mail denied" content no "554 Malformed mail denied!"
verdict "sender rejected, malformed DNS reply" other no "450 4.1.8 <foo@bad.example>: Sender address rejected: Malformed DNS server reply"
# More look-alikes aimed at one block rule each (a banned sender in the
# From header, a link's reputation, a mailbox's access or limit, the
# receiver's maintenance or load, one transaction's limit, a recipient's
# domain on a list), and blocks beside them.
verdict "banned sender in the From header, a user's rule" content no "550 5.7.1 Banned sender in From: header (user rule)"
verdict "a link domain with insufficient reputation" content no "550 5.7.1 Link domain has insufficient reputation"
verdict "access denied for your IP to this mailbox" other no "550 5.7.1 Access denied for your IP to this mailbox"
verdict "not accepting mail from this IP during maintenance" other no "421 4.3.2 We are not accepting mail from this IP at the moment due to server maintenance"
verdict "sending limit reached for this recipient" rate no "452 4.5.3 Sending limit reached for this recipient"
verdict "a mailbox's daily message limit exceeded" mailbox-full no "452 4.2.2 Mailbox bob@example.org: daily message limit exceeded"
verdict "your message limit for this transaction" rate no "452 4.5.3 You have exceeded your message limit for this transaction"
verdict "recipient blocked due to abuse" other no "550 5.7.1 Recipient blocked due to abuse"
verdict "a message body URL listed in Spamhaus DBL" content no "550 5.7.1 Message body URL listed in Spamhaus DBL"
verdict "recipient address blocked using a domain list" other no "554 5.7.1 Service unavailable; Recipient address [bob@example.org] blocked using dbl.spamhaus.org"
verdict "rate limited: the server under heavy load" other no "451 4.7.1 Rate limited: server under heavy load"
verdict "throttling for the server's load" other no "421 4.7.0 Throttling in effect due to high server load"
verdict "rate limit: the mail system under maintenance" other no "421 Rate limit exceeded: the mail system is under maintenance"
verdict "a banned sending IP named" blocklist yes "550 5.7.1 Banned sending IP 192.0.2.230"
verdict "insufficient reputation of the sending IP" reputation yes "554 5.7.1 Rejected: insufficient reputation of the sending IP"
verdict "access denied for your IP" blocklist yes "550 5.7.1 Access denied for your IP"
verdict "not accepting mail from your IP address" reputation yes "421 4.7.0 We are not accepting mail from your IP address"
verdict "your daily sending limit reached" rate yes "550 5.7.1 You have reached your daily sending limit"
verdict "daily sending quota exceeded" rate yes "550 5.7.1 Daily sending quota exceeded"
verdict "your sending limits exceeded" rate yes "550 5.7.1 You have exceeded your sending limits"
verdict "your server blocked due to abuse" blocklist yes "554 5.7.1 Your server is blocked due to abuse"
verdict "your IP listed in Spamhaus" blocklist yes "554 5.7.1 Your IP is listed in Spamhaus"
verdict "you are being rate limited, slow down" rate yes "451 4.7.1 You are being rate limited, slow down"
verdict "rate limit exceeded for your IP" rate yes "421 4.7.0 Rate limit exceeded for your IP, try again later"
# "IP blocked" in French, German, Spanish, Italian or Polish words with a
# reason that is not the IP's standing (greylisting, size, a full mailbox,
# an unknown recipient), and the same words for the IP's block.
verdict "IP blocked for now: greylisting (Spanish)" greylist no "554 5.7.1 IP bloqueada temporalmente: lista gris, intente mas tarde"
verdict "IP blocked: message too large (Italian)" size no "550 5.7.1 Indirizzo IP bloccato: messaggio troppo grande"
verdict "IP blocked: the recipient's mailbox full (Polish)" mailbox-full no "550 5.7.1 IP zablokowany: skrzynka odbiorcy pelna"
verdict "IP blocked: the recipient unknown (German)" user-unknown no "550 5.7.1 IP gesperrt: Empfaenger unbekannt"
verdict "IP blocked: unknown recipient (French)" user-unknown no "550 5.7.1 Adresse IP bloquee : destinataire inconnu"
verdict "IP blocked: greylisting (French)" greylist no "451 4.7.1 Votre IP est bloquee temporairement (liste grise)"
verdict "IP blocked: greylisting (Italian)" greylist no "451 4.7.1 IP bloccato temporaneamente: lista grigia"
verdict "your IP blocked for sending spam (Spanish)" blocklist yes "554 5.7.1 Su IP ha sido bloqueada por envio de spam"
verdict "your IP address blocked (French), the IP named" blocklist yes "550 5.7.1 Votre adresse IP 192.0.2.242 est bloquee"
# The recipient's mailbox full next to an IP word, in three languages: not a
# block (the mailbox's state, whatever the IP words around it).
verdict "IP words, mailbox full (Polish)" mailbox-full no "550 5.7.1 IP zablokowany: skrzynka odbiorcy pelna"
verdict "IP words, mailbox full (Italian)" mailbox-full no "550 5.7.1 IP bloccato: casella piena"
verdict "IP words, mailbox full (Portuguese)" mailbox-full no "550 5.7.1 IP bloqueado: caixa cheia"

verdict "try later from an IP placeholder" rate yes "451 4.7.1 Busy. Please try again later from [IP address]."
verdict "too many recipients this hour for a mailbox" rate no \
	"452 4.2.1 Mailbox <bob@example.org> got too many messages this hour"

# Look-alikes for the list-page, spam-source, abuse and "NAME is blocked"
# shapes: a URL listed, a link's domain, spam abuse in the content, a file
# name, attachments refused; and the blocks beside them.
verdict "a URL listed, a Spamhaus DBL page" content no "550 5.7.1 Message rejected: URL listed, see https://www.spamhaus.org/dbl/"
verdict "classified as spam by Cloudmark Authority" content no "550 5.7.1 Message classified as spam by Cloudmark Authority"
verdict "the domain in your links known as a source of spam" content no "550 5.7.1 The domain in your links is known as a source of spam"
verdict "spam abuse detected in the message content" content no "550 5.7.1 Spam abuse detected in message content"
verdict "a file name is blocked" content no "550 5.7.1 invoice.exe is blocked"
verdict "attachments blocked by our services (French)" content no "550 5.7.1 Messages contenant des pieces jointes executables bloques par nos services"
verdict "your IP listed, a Spamhaus page behind a link" blocklist yes "554 5.7.1 Your IP is listed, follow the link https://www.spamhaus.org/query/ip/192.0.2.251"
verdict "blocked, a CBL lookup page for the IP" blocklist yes "550 5.7.1 Blocked - see http://cbl.abuseat.org/lookup.cgi?ip=192.0.2.250"
verdict "your server known as a source of spam" reputation yes "550 5.7.1 Your server is known as a source of spam"
verdict "spam abuse detected from your IP" reputation yes "550 5.7.1 Spam abuse detected from your IP"
# Block words in German, Spanish and French beside a reason that is not the
# sender's standing (greylisting, SPF, PTR, TLS, the server's own load, a
# recipient's list).
verdict "too many connections from your IP, greylisting (German)" greylist no "450 4.7.1 Zu viele Verbindungen von Ihrer IP-Adresse, Greylisting aktiv"
verdict "too many connections to the server (Spanish)" other no "421 4.7.0 Demasiadas conexiones al servidor, intentelo mas tarde"
verdict "your IP blocked: SPF invalid (Spanish)" auth no "554 5.7.1 Su IP 192.0.2.60 ha sido bloqueada: SPF invalido"
verdict "IP blocked: no PTR record (German)" ptr no "550 5.7.1 IP 192.0.2.61 gesperrt: kein PTR-Eintrag"
verdict "your IP blocked for now: greylisting (German)" greylist no "451 4.7.1 Ihre IP-Adresse ist voruebergehend gesperrt: Greylisting"
verdict "your server blocked: TLS certificate invalid (French)" other no "554 5.7.1 Votre serveur est bloque : certificat TLS invalide"
verdict "IP on the recipient's black list (French)" other no "550 5.7.1 Adresse IP en liste noire du destinataire"
verdict "client host rejected, spam content" content no "550 5.7.1 Client host rejected: spam content"

# Look-alikes of the block rules written since 3deae6f: the same key words
# with a reason that is not a block (a link, URL or attachment, the
# recipient or its organisation, SMTP AUTH or STARTTLS on submission, the
# receiver's own load or outage, a per-user or per-domain limit), and a few
# blocks in the same words.
verdict "look-alike of alibaba-behaviour-spam: behaviour spam, DKIM signature check failed" auth no \
	"554 Reject by behaviour spam: DKIM signature check failed"
verdict "look-alike of cnmail-unwelcome-connections: unwelcome connection (30)" other no \
	"554 Unwelcome connection rejected (30)"
verdict "look-alike of krmail-ccrt-spam-ip: CCRT server busy without (RT)" other no \
	"421 4.4.5 CCRT 192.0.2.5: Connection refused. Server is busy"
verdict "look-alike of generic-rate: rate limit lookup failed on the server" other no \
	"451 4.3.0 Rate limit lookup failed: temporary server error"
verdict "look-alike of generic-rate: rate limit for deliveries to a domain" other no \
	"451 4.7.1 Rate limit exceeded for deliveries to example.org, try again later"
verdict "look-alike of jetemail-sender-blocked: ABUSE tag, URL in the message listed" content no \
	"550 5.7.1 [ABUSE] Sender blocked: a URL in the message is on a spam URI list"
verdict "look-alike of lookalikes-ip-list-i18n: German IP of a link on the block list" other no \
	"550 5.7.1 Die IP-Adresse des Links in der Nachricht ist auf unserer Sperrliste"
verdict "look-alike of lookalikes-ip-list-i18n: French IP of a link on the black list" other no \
	"550 5.7.1 L'adresse IP du lien contenu dans le message est sur notre liste noire"
verdict "look-alike of lookalikes-on-named-list: domain of a link on the Spamhaus list" content no \
	"550 5.7.1 The domain in the link is on the Spamhaus block list"
verdict "look-alike of lookalikes-sending-too-much: sending too much mail to one domain" other no \
	"421 4.7.0 Your server is sending too much mail to this domain, try again later"
verdict "look-alike of lookalikes-ip-appears-on-zone: a link's IP appears on a zone" content no \
	"550 5.7.1 Message rejected: a link's IP 192.0.2.1 appears on sbl.spamhaus.org"
verdict "look-alike of shapes-relay-quota: outgoing quota of the Sent folder" mailbox-full no \
	"452 4.3.1 Outgoing quota exceeded, please free some space in your Sent folder"
verdict "look-alike of shapes-list-named: linked web address listed in Spamhaus" other no \
	"554 5.7.1 Rejected: the domain of a web address you linked is listed in Spamhaus DBL"
verdict "look-alike of shapes-list-named: Spamhaus check could not be done" other no \
	"451 4.7.1 Could not check whether you are listed in Spamhaus, try again later"
verdict "look-alike of shapes-ip-standing: file hosting site of insufficient reputation" content no \
	"550 5.7.1 The file hosting site in your message has insufficient reputation"
verdict "look-alike of shapes10-not-accepting-from-host: no mail from the host without SMTP AUTH" other no \
	"550 5.7.1 We do not accept mail from your server without SMTP AUTH"
verdict "look-alike of shapes10-not-accepting-from-host: no mail from the host without STARTTLS" other no \
	"550 5.7.1 We do not accept messages from your server over unencrypted connections, use STARTTLS"
verdict "look-alike of shapes10-suspicious-activity: suspicious activity in this message" other no \
	"550 5.7.1 Suspicious activity detected in this message, rejected"
verdict "look-alike of shapes10-suspicious-activity: unusual traffic on the receiver's servers" other no \
	"421 4.7.0 Unusual traffic on our servers, try again later"
verdict "look-alike of shapes10-spam-source: URL domain known as a source of spam" content no \
	"550 5.7.1 The URL domain in your message is known as a source of spam"
verdict "look-alike of shapes10-sender-limit: sending account throttled for one recipient" rate no \
	"452 4.2.1 Sending account throttled for the recipient bob@example.org: too many messages to this address"
verdict "look-alike of shapes11-try-later-closing: try later closing, server shutting down" other no \
	"451 4.7.0 Try again later, closing connection: server shutting down"
verdict "look-alike of shapes11-rcpt-threshold: RCPT threshold in a single transaction" other no \
	"452 4.5.3 the total of RCPTs has reached the maximum threshold in a single SMTP transaction"
verdict "look-alike of shapes11-bl-code: URL:BL code for a link" other no \
	"550 5.7.1 (URL:BL) a link in your message is blocklisted"
verdict "look-alike of shapes11-bare-code-url: bare AUTH:REQ code" other no \
	"421 4.7.0 (AUTH:REQ) https://help.example.net/smtp-auth"
verdict "look-alike of shapes11-bare-code-url: bare SIZE:MAX code" size no \
	"521 5.3.4 (SIZE:MAX) https://help.example.net/limits"
verdict "look-alike of shapes11-host-ip-blocked: url IP blocked" other no \
	"554 5.7.1 url 192.0.2.8 is blocked"
verdict "look-alike of shapes11-host-ip-blocked: client IP blocked, SMTP AUTH required" other no \
	"451 4.7.1 client 192.0.2.1 temporarily blocked: SMTP AUTH required on this port"
verdict "look-alike of shapes11-try-later-from-ip: maintenance, try later from IP" other no \
	"451 4.3.0 Server shutting down for maintenance, try again later from [192.0.2.1]"
verdict "look-alike of shapes11-try-later-abuse: local problem, try later, abuse desk" other no \
	"451 4.3.0 Temporary local problem, try again later (192.0.2.1). If it persists contact abuse@example.net"
verdict "look-alike of shapes11-hourly-limits: hourly limit to a single user" other no \
	"452 4.2.1 We have limits for how many messages can be sent per hour to a single user"
verdict "look-alike of shapes11-sending-disabled-abuse: sending from the account held for phone verification" content no \
	"550 5.7.1 Sending from this account is suspended until you verify your phone number (anti-spam check)"
verdict "look-alike of shapes11-host-connections-denied: connections from the host not accepted without SMTP AUTH" other no \
	"554 5.7.1 Connections from your IP are not accepted on port 587 without SMTP AUTH"
verdict "look-alike of shapes11-sender-send-rate: hourly send rate to one user" other no \
	"452 4.2.1 Hourly send rate exceeded for messages to user bob@example.org"
verdict "look-alike of shapes11-too-many-this-hour: too many messages this hour, server overloaded" other no \
	"421 4.3.2 Too many messages received this hour, server overloaded"
verdict "look-alike of shapes11-sender-ip-banned: sender IP blocked by the domain's administrator" other no \
	"550 5.7.1 Sender 192.0.2.45 is blocked by the domain administrator's block list for example.org"
verdict "look-alike of shapes11-dictionary-attack: user unknown with harvest protection" user-unknown no \
	"550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown (directory harvest attack protection)"
verdict "look-alike of shapes11-suspected-spam-ip: link to a suspected spam host" content no \
	"550 5.7.1 Refused: link to suspected spam host in message body"
verdict "look-alike of shapes11-suspicious-account-activity: login blocked for suspicious account activity" other no \
	"535 5.7.8 Login blocked due to suspicious account activity, reset your password"
verdict "look-alike of shapes11-not-direct-to-servers: not permitted directly without SMTP AUTH" other no \
	"550 5.7.1 Clients are not permitted to send mail directly to these servers, log in with SMTP AUTH on port 587"
verdict "look-alike of shapes11-messages-from-ip-not-sent: messages from IP not delivered for size" size no \
	"451 Some messages from 192.0.2.61 were not delivered: message size exceeds limit"
verdict "look-alike of shapes12-ip-listed: German sender address on the recipient's list" other no \
	"550 5.7.1 Ihre Absenderadresse ist auf der Sperrliste des Empfaengers"
verdict "look-alike of shapes12-ip-listed: Spanish server of a link on the black list" other no \
	"550 5.7.1 El servidor del enlace en el mensaje esta en una lista negra"
verdict "look-alike of shapes12-ip-blocked: German IP blocked, SMTP AUTH required" other no \
	"554 5.7.1 IP gesperrt: Anmeldung erforderlich (SMTP-AUTH)"
verdict "look-alike of shapes12-ip-blocked: Spanish IP blocked for an attachment" other no \
	"550 5.7.1 IP bloqueada: adjunto no permitido"
verdict "look-alike of shapes12-reputation: German link of bad reputation" other no \
	"550 5.7.1 Der Link in Ihrer Nachricht hat eine schlechte Reputation"
verdict "look-alike of shapes12-reputation: French link of bad reputation" other no \
	"550 5.7.1 Le lien dans votre message a une mauvaise reputation"
verdict "look-alike of shapes12-spam-source: German links to a spam source" content no \
	"550 5.7.1 Die Nachricht enthaelt Links zu einer Spam-Quelle"
verdict "look-alike of shapes12-spam-sender: German page of a link sending spam" content no \
	"554 Nachricht abgelehnt: der Link verweist auf eine Seite, die Spam versendet"
verdict "look-alike of shapes12-sender-connections: Italian too many connections to the server" other no \
	"421 4.7.0 Troppe connessioni al server, riprovare piu tardi"
verdict "look-alike of shapes12-sender-connections: Spanish too many connections on the server" other no \
	"421 Demasiadas conexiones en el servidor, intente mas tarde"
verdict "look-alike of shapes12-sender-volume: Italian too many messages for one user" other no \
	"452 Troppi messaggi per questo utente, riprovare piu tardi"
verdict "look-alike of shapes12-sender-volume: Spanish too many messages for one user" other no \
	"452 Demasiados mensajes para este usuario, intente mas tarde"
verdict "look-alike of shapes12-sender-volume-2: Dutch too many messages for one user" other no \
	"452 Te veel berichten voor deze gebruiker, probeer het later opnieuw"
verdict "look-alike of shapes12-sender-volume-2: Polish too many messages to one recipient" other no \
	"452 Zbyt wiele wiadomosci do tego odbiorcy, sprobuj pozniej"
verdict "look-alike of shapes12-sender-rate-2: Russian too many letters for one recipient" other no \
	"452 Слишком много писем для этого получателя"
verdict "look-alike of shapes12-reputation-2: Russian link of bad reputation" other no \
	"550 Ссылка в письме имеет плохую репутацию"
verdict "look-alike of shapes12-ip-blocked-cjk: Chinese recipient's own black list" other no \
	"550 IP: 192.0.2.1 收件人已将您加入黑名单"
verdict "look-alike of shapes12-ip-blocked-cjk: Russian recipient's own black list" other no \
	"550 IP 192.0.2.1: получатель добавил ваш адрес в черный список"
verdict "look-alike of shapes13-blackhole-refused: refused by the recipient's blackhole list" other no \
	"550 5.7.1 Mail to this user is refused by the recipient's blackhole list"
verdict "look-alike of shapes13-ip-administrative-prohibition: administrative prohibition of an attachment type" other no \
	"550 mail from 192.0.2.194 rejected: administrative prohibition - attachment type not allowed"
verdict "look-alike of shapes13-client-host-abuse: client host rejected, spam content in the message" content no \
	"550 5.7.1 <mx.example.com[192.0.2.2]>: Client host rejected: spam content in message"
verdict "look-alike of shapes13-sender-frozen: sending account suspended until verified" other no \
	"550 5.7.1 Your sending account has been suspended until you verify your email address"
verdict "look-alike of shapes13-spam-source-listed: attachment from a spam source blocked" content no \
	"554 5.7.1 Attachment from known spam source blocked"
verdict "look-alike of shapes3-ip-blocked: IP blocked by the recipient domain's list" other no \
	"550 5.7.1 IP 192.0.2.1 blocked by the recipient domain's block list"
verdict "look-alike of shapes3-ip-refused: IP banned by the recipient domain's administrator" other no \
	"550 5.7.1 Your IP address has been banned by the administrator of the recipient domain"
verdict "look-alike of shapes3-list-words: banned sender on the recipient's senders list" other no \
	"550 5.7.1 Banned sender: bob@example.com is on the recipient's blocked senders list"
verdict "look-alike of shapes3-blocked-for-abuse: URL blocked for spam" content no \
	"554 5.7.1 This URL has been blocked for spam"
verdict "look-alike of shapes3-host-rate: French too many connections on the server" other no \
	"421 Trop de connexions simultanees sur le serveur, reessayez plus tard"
verdict "look-alike of shapes3-found-on-list: client address on the organisation's list" other no \
	"550 5.7.1 Client address found on a block list of the recipient organisation"
verdict "look-alike of shapes3-ip-blocked-i18n: Italian IP blocked for an attachment" other no \
	"550 5.7.1 Indirizzo IP bloccato: allegato non consentito"
verdict "look-alike of shapes3-spam-source: too many spam words in the subject" content no \
	"550 5.7.1 too many spam words in subject"
verdict "look-alike of shapes4-sender-rate: throttled logins on submission" other no \
	"451 4.7.1 Throttled: SMTP AUTH required before MAIL FROM on port 587"
verdict "look-alike of shapes4-host-on-list: IP on the customer blacklist" other no \
	"550 5.7.1 Your IP is on the customer blacklist of example.org"
verdict "look-alike of shapes4-ip-reputation: access denied, IP outside the tenant connector" other no \
	"550 5.7.1 Access denied: IP not in the permitted range of the tenant's inbound connector"
verdict "look-alike of shapes4-dns-list: DNS blacklist check temporarily failed" other no \
	"451 4.7.1 DNS blacklist check temporarily failed, try again"
verdict "look-alike of shapes6-not-allowed-connect: host not allowed to connect, use SMTP AUTH" other no \
	"550 5.7.1 Your host is not allowed to connect without SMTP AUTH"
verdict "look-alike of shapes7-mail-from-refused: mail from the server refused for an attachment" content no \
	"550 5.7.1 Mail from your server refused: attachment type .exe not allowed"
verdict "look-alike of shapes7-refused-mail-from-ip: refused mail from IP, STARTTLS required" other no \
	"550 5.7.1 mx.example.net refused mail from 198.51.100.24: STARTTLS required"
verdict "look-alike of shapes8-sender-volume-limit: daily message limit of incoming mail for a user" rate no \
	"550 5.7.1 Daily message limit exceeded for incoming mail to user bob"
verdict "look-alike of shapes9-client-host-blocked: client host blocked, message content" content no \
	"554 5.7.1 Client host [192.0.2.1] blocked: message content rejected as spam"
verdict "look-alike of structural-blocked-using: URL blocked using a URI list" content no \
	"554 5.7.1 Message content rejected, URL blocked using multi.uribl.com"
verdict "look-alike of structural-blacklisted: recipient has blacklisted the address" other no \
	"550 5.7.1 The recipient has blacklisted your address"
verdict "look-alike of structural-reputation: words used by spammers" content no \
	"550 5.7.1 Subject contains words used by spammers"
verdict "look-alike of structural2-zone-listed: domain in the body listed" content no \
	"550 5.7.1 dbl.spamhaus.org listed domain in the message body: example.net"
verdict "look-alike of structural2-messages-from-ip: messages from IP deferred, server busy" other no \
	"451 4.7.1 Messages from 192.0.2.1 deferred: server busy, try again later"
verdict "look-alike of structural2-ip-words: sender IP blocked by the recipient's list" other no \
	"550 5.7.1 Sender IP blocked by the recipient organisation's own block list"
verdict "look-alike of shapes9-sender-message-limits: only N messages a day to a list" other no \
	"452 4.5.3 This list accepts only 10 messages per day from non-members"
verdict "block like shapes3-ip-blocked: IP blocked for spam" blocklist yes \
	"554 5.7.1 IP 192.0.2.1 blocked for sending spam"
verdict "block like shapes4-dns-list: listed in a DNS blacklist" blocklist yes \
	"554 5.7.1 Your IP is listed in a DNS blacklist"
verdict "block like generic-rate: rate limit for the IP" rate yes \
	"421 4.7.0 Rate limit exceeded for your IP, try again later"
verdict "block like shapes11-host-ip-blocked: host IP blocked" blocklist yes \
	"421 4.7.0 edge 192.0.2.1 blocked."
verdict "block like shapes12-ip-listed: Spanish IP on a black list" blocklist yes \
	"550 5.7.1 Su direccion IP 192.0.2.90 esta en una lista negra"
verdict "block like shapes11-bare-code-url: bare code and page" other yes \
	"421 4.7.1 (XYZ:T2) http://postmaster.example.org/errors/421xyzt2.html"
verdict "look-alike of cisco-poor-reputation: poor reputation of a link in the message" content no \
	"554 5.7.1 Your message was rejected due to the poor reputation of a link it contains"
verdict "look-alike of comcast-throttled-ip: Comcast-like throttled for one recipient" other no \
	"452 4.2.1 <bob@example.net> mailbox throttled - try again later"
verdict "look-alike of mailchannels-complaints: FBL words on a recipient's unsubscribe" other no \
	"550 5.7.1 Recipient unsubscribed via FBL, message not delivered"
verdict "look-alike of mailchannels-bad-recipients: one bad recipient" user-unknown no \
	"550 5.1.1 <bob@example.org>: invalid recipient"
verdict "look-alike of mailenable-denied-access: MailEnable relay denied" relay-denied no \
	"550 5.7.1 Relay denied at mail.example.org ESMTP MailEnable Service"
verdict "look-alike of orange-service-refused: Orange size code words" size no \
	"552 5.3.4 Message size exceeds the limit for this server, please try later"
verdict "look-alike of sophos-mail-flood: mail flood to one mailbox" mailbox-full no \
	"452 4.2.2 Mailbox flood detected for <bob@example.org>, try again later"
verdict "look-alike of tiscali-sender-frozen: sender frozen account words on login" other no \
	"535 5.7.8 Authentication credentials invalid, account temporarily locked"
verdict "look-alike of structural-sender-rate: sending rate exceeded for one recipient" other no \
	"452 4.2.1 Sending rate exceeded for recipient bob@example.org"
verdict "look-alike of structural2-rbl-code: URIBL code" content no \
	"554 5.7.1 Message rejected: link domain listed in URIBL"
verdict "look-alike of structural2-sender-rate: too many connections from the IP to the server under load" other no \
	"421 4.7.0 Server overloaded: too many connections in total, try again later"
verdict "look-alike of structural2-sender-volume: too many same messages to one recipient" rate no \
	"452 4.2.1 Too many similar messages for this recipient"
verdict "look-alike of structural2-sender-limit: limit exceeded for the recipient's mailbox" mailbox-full no \
	"452 4.2.2 Storage limit exceeded for this account's mailbox"
verdict "look-alike of shapes7-errors-from-ip: too many errors from the IP in this session" other no \
	"421 4.7.0 Too many errors from your IP in this session, closing connection"
verdict "look-alike of shapes7-sender-blocked: sender address blocked by the recipient" other no \
	"550 5.7.1 Sender blocked by recipient <bob@example.org>"
verdict "look-alike of shapes7-dynamic-ip: dynamic IP must authenticate on submission" other no \
	"554 5.7.1 Dynamic IP addresses must authenticate before sending; use port 587"
verdict "look-alike of shapes9-forbidden-by-ip: access denied for your IP without authentication" other no \
	"530 5.7.0 Access denied for your IP: authentication required"
verdict "look-alike of shapes3-client-recipient-rate: too many recipients from the IP in one message" rate no \
	"452 4.5.3 Too many recipients from your IP for a single message"
verdict "look-alike of shapes11-policy-close: policy violation on a 550 about content" content no \
	"550 5.7.1 Rejected due to policy violation: message content"
verdict "look-alike of shapes11-bad-outbound-sender: outbound sender words about a From header" content no \
	"550 5.7.1 Outbound sender address not permitted in From header"
verdict "look-alike of shapes13-connection-refused-no-reason: connection refused, TLS required" other no \
	"554 5.7.1 Connection not authorized without TLS"
verdict "look-alike of shapes11-sender-ip-banned: sender IP banned for HELO" ptr no \
	"550 5.7.1 Sender 192.0.2.45 is banned: invalid HELO name"
verdict "look-alike of shapes11-not-direct-to-servers: not allowed to send directly to the recipient's servers by its organisation" other no \
	"550 5.7.1 Your address is not allowed to send mail directly to our servers because the recipient's organisation requires its gateway"
verdict "look-alike of shapes13-blackhole-refused: blackhole list lookup failed" other no \
	"451 4.7.1 Lookup at blackhole list failed, try again later"
verdict "look-alike of shapes13-spam-source-listed: spam source URL listed" content no \
	"554 5.7.1 Spam source URL listed in the message"
verdict "look-alike of shapes4-ip-reputation: reputation of the attachment" content no \
	"550 5.7.1 Rejected due to attachment reputation"
verdict "look-alike of shapes10-spam-source: message identified as a source of spam" content no \
	"550 5.7.1 This message was identified as a source of spam"
verdict "look-alike of shapes-relay-quota: relay quota of a recipient" mailbox-full no \
	"452 4.2.2 Relay quota exceeded for recipient bob@example.org"
verdict "look-alike of shapes12-ip-blocked-cjk: Chinese link blocked" other no \
	"550 IP地址链接被屏蔽"
verdict "look-alike of lookalikes-sending-too-much: sending too much mail to one recipient" other no \
	"421 4.7.0 Your server is sending too much mail to this recipient, try later"
verdict "look-alike of shapes11-too-many-this-hour: too many messages this hour for one address" rate no \
	"452 4.2.1 Too many messages received this hour for <bob@example.org>"
verdict "look-alike of shapes11-rcpt-threshold: RCPT threshold per session" rate no \
	"452 4.5.3 the number of RCPTs has reached the maximum threshold per session"
verdict "block like cnmail-unwelcome-spam-ip: unwelcome (4)" reputation yes \
	"554 Unwelcome connection rejected (4)"
verdict "block like shapes13-blackhole-refused: refused by blackhole list" blocklist yes \
	"550 5.7.1 Mail from 192.0.2.194 refused by blackhole list"
verdict "block like shapes11-dictionary-attack: dictionary attack from the host" reputation yes \
	"550 5.7.1 Dictionary attack detected from your host, connection refused"
verdict "block like shapes3-spam-source: IP reported as spam source" reputation yes \
	"550 5.7.1 Your IP address has been reported as a spam source"
verdict "block like shapes12-reputation-2: Russian IP of bad reputation" reputation yes \
	"550 IP-адрес имеет плохую репутацию"
verdict "block like shapes10-not-accepting-from-host: no mail from the IP" reputation yes \
	"554 We do not accept mail from your IP address"
verdict "look-alike of orange-code-blocked: Orange-like size refusal without an OFR code" size no \
	"552 5.3.4 mwinf5c21 ME Message trop volumineux. Message too large."
verdict "look-alike of orange-service-refused-blocked: service refused for a mailbox over quota" mailbox-full no \
	"452 4.2.2 Service refuse: boite pleine. Mailbox full, please try later."
verdict "look-alike of orange-service-refused-connections: service refused for maintenance" other no \
	"421 Service refuse, maintenance en cours. Service refused, maintenance in progress, please try later."
verdict "look-alike of orange-code-refused: too many messages to one recipient in French" rate no \
	"452 4.2.1 Trop de messages pour ce destinataire, reessayez plus tard"
verdict "look-alike of t-online-ip-other: IP quoted with a greylisting reason" greylist no \
	"450 4.7.1 IP=192.0.2.7 - Greylisted, please try again in 5 minutes"
verdict "look-alike of t-online-bl: IP quoted with a temporary receiver fault" other no \
	"451 4.3.0 IP=192.0.2.9 - Temporary local problem, please try again later"
verdict "look-alike of shapes11-bl-code: sender address on the user's list (BL)" other no \
	"550 5.7.1 Sender address rejected by the user's own list (BL)"
verdict "look-alike of shapes11-host-connections-denied: connections from the host denied, server busy" other no \
	"421 4.3.2 Connections from your host are refused for now: server busy, try again later"
verdict "look-alike of shapes11-hourly-limits: hourly limits per mailbox" mailbox-full no \
	"452 4.2.2 There are limits for how many messages can be sent per hour to each mailbox"
verdict "look-alike of shapes11-messages-from-ip-not-sent: messages from IP not delivered, user unknown" user-unknown no \
	"550 Messages from 192.0.2.61 were not delivered: user unknown"
verdict "look-alike of shapes11-sender-send-rate: send rate per connection" rate no \
	"421 4.7.0 Maximum messages per connection exceeded, reconnect"
verdict "look-alike of shapes11-suspected-spam-ip: suspected spam message" content no \
	"550 5.7.1 Refused: this message is from a suspected spam source according to its content filter"
verdict "look-alike of shapes11-try-later-from-ip: greylisted, try later from IP" greylist no \
	"451 4.7.1 Greylisted, please try again later from [192.0.2.1]"
verdict "look-alike of shapes11-try-later-abuse: try later, greylisting, abuse desk" greylist no \
	"451 4.7.1 Greylisted, try again later (192.0.2.1). Questions: contact abuse@example.net"
verdict "look-alike of shapes11-sending-disabled-abuse: account sending disabled for the recipient's bounces" user-unknown no \
	"550 5.1.1 Recipient mailbox disabled: sending from the account is disabled by its owner, bounces returned"
verdict "look-alike of shapes11-suspicious-account-activity: suspicious account activity of the recipient" user-unknown no \
	"550 5.2.1 Recipient mailbox locked for suspicious account activity"
verdict "look-alike of shapes12-spam-source: French link to a spam source" content no \
	"550 5.7.1 Le lien de votre message pointe vers une source de spam"
verdict "look-alike of shapes12-spam-sender: Italian link sending spam" content no \
	"554 Il link nel messaggio invia spam"
verdict "look-alike of shapes13-client-host-abuse: client host rejected, spam of the HELO name" content no \
	"550 5.7.1 Client host rejected: spam HELO hostname"
verdict "look-alike of shapes13-sender-frozen: sender address suspended by the recipient" other no \
	"550 5.7.1 Sender address has been suspended for recipients of example.org"
verdict "look-alike of shapes3-blocked-for-abuse: link blocked due to abuse" content no \
	"554 5.7.1 Link in message blocked due to abuse reports"
verdict "look-alike of shapes3-found-on-list: host of a link found on a black list" other no \
	"550 5.7.1 A host named in a link in the body was found on a blacklist"
verdict "look-alike of shapes4-host-on-list: IP on the organisation's block list" other no \
	"550 5.7.1 Sender IP is on the organization's block list"
verdict "look-alike of shapes7-mail-from-refused: mail from the host refused, no TLS" other no \
	"530 5.7.0 Mail from your server refused: must issue a STARTTLS command first"
verdict "look-alike of shapes8-sender-volume-limit: daily message quota of a mailbox" mailbox-full no \
	"452 4.2.2 Daily message quota exceeded for mailbox bob"
verdict "look-alike of shapes9-forbidden-by-ip: connection refused for your IP, relaying" relay-denied no \
	"550 5.7.1 Connection denied for your IP: relaying not permitted"
verdict "look-alike of structural2-ip-words: sender IP blocked, PTR" ptr no \
	"550 5.7.1 Your sender IP is blocked: no reverse DNS"
verdict "look-alike of structural2-sender-limit: limit exceeded for this sender at the recipient" other no \
	"452 4.2.1 Rate limit exceeded for this sender to the recipient mailbox"
verdict "look-alike of structural-blacklisted: keyword blacklisted" content no \
	"550 5.7.1 Message rejected: keyword is blacklisted"
verdict "look-alike of shapes4-sender-rate: throttled for the recipient's mailbox" rate no \
	"452 4.2.1 Throttled: recipient mailbox receiving too fast"
verdict "look-alike of shapes10-suspicious-activity: suspicious activity on login" other no \
	"535 5.7.8 Suspicious sign-in activity, password reset required"
verdict "look-alike of shapes10-sender-limit: sender throttled, greylisting" greylist no \
	"451 4.7.1 Sender throttled: greylisted, try again in 300 seconds"
verdict "block like orange-code-blocked: Orange OFR 102" blocklist yes \
	"550 5.7.1 mwinf5c21 ME 203.0.113.81 refused. OFR006_102 [102]"
verdict "block like shapes11-sender-send-rate: hourly send rate" rate yes \
	"452 4.7.1 Hourly send rate exceeded, retry later"
verdict "block like shapes3-ip-refused: sending IP banned" blocklist yes \
	"554 5.7.1 The sending IP has been banned"
verdict "block like shapes11-suspected-spam-ip: suspected spam IP" reputation yes \
	"554 5.7.1 Refused: suspected spam IP address"
# The sending host refused by name (its IP, or "your IP / host / server") with
# no reason is a block (other); the same words with a reason that is the
# sender's configuration, one recipient, one message, greylisting, the
# receiver's own trouble, relaying or authentication are not.
verdict "look-alike of shapes14-host-refused: access denied, no PTR" ptr no \
	"550 5.7.1 Access denied for 192.0.2.1: no reverse DNS (PTR) record"
verdict "look-alike of shapes14-host-refused: connection rejected, no PTR" ptr no \
	"554 5.7.1 Connection from 192.0.2.1 rejected: the client has no PTR record"
verdict "look-alike of shapes14-host-refused: host not permitted, HELO" ptr no \
	"550 5.7.1 Host 192.0.2.1 not permitted: invalid HELO name"
verdict "look-alike of shapes14-host-refused: IPv6 host without PTR" ptr no \
	"550 5.7.1 Access denied for 2001:db8::25: IPv6 sending host has no PTR record"
verdict "look-alike of shapes14-host-refused: client host [IP] rejected, PTR" ptr no \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] rejected: no PTR record"
verdict "look-alike of shapes14-host-refused: IP not allowed to send for a domain" auth no \
	"550 5.7.1 SPF fail: 192.0.2.1 is not allowed to send mail from example.org"
verdict "look-alike of shapes14-host-refused: IP not permitted for a domain" auth no \
	"550 5.7.1 Sender Policy Framework: IP 192.0.2.1 is not permitted to send mail for example.org"
verdict "look-alike of shapes14-host-refused: SPF words, IP not allowed" auth no \
	"550 5.7.1 SPF: 198.51.100.4 is not allowed to send mail."
verdict "look-alike of shapes14-host-refused: access denied, DKIM" auth no \
	"554 5.7.5 Access denied for 192.0.2.1: DKIM signature invalid"
verdict "look-alike of shapes14-host-refused: mail refused, DMARC" auth no \
	"550 5.7.1 Mail from 192.0.2.1 refused: DMARC policy of example.org is reject"
verdict "look-alike of shapes14-host-refused: access denied, greylisted" greylist no \
	"451 4.7.1 Access denied for 192.0.2.1 for now: greylisted, try again in 5 minutes"
verdict "look-alike of shapes14-host-refused: service unavailable, greylisted" greylist no \
	"451 4.7.1 Service unavailable for [192.0.2.1]: greylisted, please retry later"
verdict "look-alike of shapes14-host-refused: service not available, maintenance" other no \
	"421 4.3.2 Service not available for 192.0.2.1: the system is under maintenance"
verdict "look-alike of shapes14-host-refused: connection refused, server busy" other no \
	"421 4.3.2 Connection from 192.0.2.1 refused: server too busy"
verdict "look-alike of shapes14-host-refused: all clients' connections" other no \
	"421 Too many concurrent SMTP connections; connection from 192.0.2.1 refused"
verdict "look-alike of shapes14-host-refused: access denied, local problem" other no \
	"451 4.7.1 Access denied for 192.0.2.1: temporary local problem, try again later"
verdict "look-alike of shapes14-host-refused: access denied, DNS lookup failed" other no \
	"451 4.3.0 Access denied for 192.0.2.1: DNS lookup failed, try again"
verdict "look-alike of shapes14-host-refused: connection rejected, STARTTLS" other no \
	"530 5.7.0 Connection from 192.0.2.1 rejected: must issue STARTTLS first"
verdict "look-alike of shapes14-host-refused: access denied, authentication" other no \
	"530 5.7.1 Access denied for 192.0.2.1: authentication required"
verdict "look-alike of shapes14-host-refused: access denied, port 587" other no \
	"554 5.7.1 Access denied for 192.0.2.1: submission requires SMTP AUTH on port 587"
verdict "look-alike of shapes14-host-refused: not allowed without authentication" other no \
	"550 5.7.1 Your IP 192.0.2.1 is not allowed to send mail without authentication"
verdict "look-alike of shapes14-host-refused: authentication failed" other no \
	"535 5.7.8 Authentication failed: access denied for 192.0.2.1"
verdict "look-alike of shapes14-host-refused: relay access denied for IP" relay-denied no \
	"554 5.7.1 Relay access denied for 192.0.2.1"
verdict "look-alike of shapes14-host-refused: IP not allowed to relay" other no \
	"550 5.7.1 192.0.2.1 is not allowed to relay through this server"
verdict "look-alike of shapes14-host-refused: IP not allowed through this server" other no \
	"554 5.7.1 Your IP 192.0.2.1 is not allowed to send mail through this server"
verdict "look-alike of shapes14-host-refused: recipient rejected, access denied for IP" user-unknown no \
	"550 5.7.1 <bob@example.org>: Recipient address rejected: access denied for 192.0.2.1"
verdict "look-alike of shapes14-host-refused: IP not authorised for a recipient domain" other no \
	"554 5.7.1 192.0.2.1 is not authorised to send email to example.com"
verdict "look-alike of shapes14-host-refused: IP not allowed to this domain" other no \
	"550 5.7.1 Your IP 192.0.2.1 is not allowed to send to this domain"
verdict "look-alike of shapes14-host-refused: message rejected, virus" content no \
	"550 5.7.1 Message from 192.0.2.1 rejected: contains a virus"
verdict "look-alike of shapes14-host-refused: mail refused, looks like spam" content no \
	"554 5.7.1 Mail from 192.0.2.1 refused: message looks like spam"
verdict "look-alike of shapes14-host-refused: message rejected, size" size no \
	"552 5.3.4 Message from 192.0.2.1 rejected: size exceeds the limit"
verdict "look-alike of shapes14-host-refused: connector permissions" other no \
	"550 5.7.1 External client with IP address 192.0.2.1 does not have permissions to submit to this server"
verdict "look-alike of shapes14-host-refused: errors in this session" other no \
	"421 4.7.0 Connection from 192.0.2.1 refused: too many errors in this session"
verdict "look-alike of shapes14-host-refused: recipients in this session" rate no \
	"550 5.7.1 Too many recipients in this session; connection from 192.0.2.1 rejected"
verdict "look-alike of shapes14-host-refused: mailbox full, mail not accepted" mailbox-full no \
	"452 4.2.2 Mailbox full; mail from 192.0.2.1 not accepted"
verdict "look-alike of shapes14-host-refused: a sender address from the IP" other no \
	"550 5.7.1 Sender <alice@example.org> from 192.0.2.1 not allowed"
verdict "look-alike of shapes14-host-refused: pipelining" other no \
	"503 5.5.1 Connection from 192.0.2.1 rejected: improper command pipelining"
verdict "look-alike of shapes14-host-refused: Postfix access map, client named" other no \
	"554 5.7.1 <unknown[192.0.2.1]>: Client host rejected: Access denied"
verdict "look-alike of shapes14-host-refused: access denied, sender domain" other no \
	"554 5.7.1 Access for 192.0.2.1 denied: sender domain does not exist"
verdict "look-alike of shapes14-host-refused: you are not allowed to connect" other no \
	"554 5.7.1 You are not allowed to connect"
verdict "look-alike of shapes14-host-refused: bare access denied at 521" other no \
	"521 Access denied"
verdict "look-alike of shapes14-host-refused: a banner not accepting connections" other no \
	"554 mx.example.org ESMTP not accepting connections"
verdict "look-alike of shapes14-host-refused: connection dropped, timeout" other no \
	"421 4.4.2 Connection from 192.0.2.1 dropped: timeout exceeded"
verdict "look-alike of shapes14-host-refused: service not available under 4.3.2" other no \
	"421 4.3.2 Service not available for 192.0.2.1"
verdict "look-alike of shapes14-host-refused: the IP of a recipient address" user-unknown no \
	"550 5.1.1 <bob@[192.0.2.7]>: Recipient address rejected: User unknown"
verdict "look-alike of shapes14-host-refused: reverse DNS of the IP" ptr no \
	"550 5.7.1 Client 192.0.2.1 not permitted: reverse DNS does not match"
verdict "look-alike of shapes14-host-refused: the sender's own account" other no \
	"553 5.7.1 Your address 198.51.100.31 is not permitted to send as this user"
verdict "block like shapes14-host-refused: access denied for IP" other yes \
	"550 Access denied for 192.0.2.10"
verdict "block like shapes14-host-refused: your IP not allowed here" other yes \
	"554 5.7.1 Your IP 198.51.100.7 is not allowed to send mail here"
verdict "block like shapes14-host-refused: greeting, access denied for IP" other yes \
	"421 mx1.example.net Service not available - access denied for [203.0.113.9]"
verdict "block like shapes14-rbl-head: client host [IP] access denied" blocklist yes \
	"554 5.7.1 Service unavailable; Client host [192.0.2.8] access denied"
verdict "block like shapes14-host-refused: you (IP) not permitted" other yes \
	"550 5.7.1 You (198.51.100.23) are not permitted to connect"
verdict "block like shapes14-host-refused: rejected by policy [IP]" other yes \
	"554 Connection rejected by policy [203.0.113.50]"
verdict "block like shapes14-host-refused: sending host not allowed" other yes \
	"550 5.7.0 Sending host 192.0.2.61 not allowed"
verdict "block like shapes14-host-refused: IP access denied" other yes \
	"554 192.0.2.5 access denied"
verdict "block like shapes14-host-refused: rejected: IP" other yes \
	"550 Rejected: 198.51.100.77"
verdict "block like shapes14-host-refused: IPv6 access denied" other yes \
	"554 5.7.1 Access denied for [2001:db8::1f]"
verdict "block like shapes14-host-refused: connections from IP refused" other yes \
	"421 4.7.0 Connections from 203.0.113.12 are refused"
verdict "look-alike of shapes14-host-refused: banner not accepting connections from IP" other no \
	"554 mx.example.org ESMTP not accepting connections from 192.0.2.44"
verdict "look-alike of shapes14-host-refused: banner not accepting messages from IP" other no \
	"554 5.7.1 mx.example.net ESMTP not accepting messages from 198.51.100.60"
verdict "block like shapes14-host-refused: your address IP denied" other yes \
	"550 5.7.1 Your address 198.51.100.31 has been denied"
verdict "block like shapes14-host-refused: IP not authorized to this server" other yes \
	"554 Sorry, your IP 203.0.113.77 is not authorized to send mail to this server"
verdict "block like shapes14-host-refused: service unavailable, IP refused" other yes \
	"554 Service unavailable - 192.0.2.90 refused"
verdict "block like shapes14-host-refused: client not permitted, see page" other yes \
	"550 5.7.1 Client 198.51.100.2 not permitted - see https://postmaster.example.net/"
verdict "block like shapes14-host-refused: no access from mail server" other yes \
	"550 No access from mail server 192.0.2.1"
verdict "block like shapes14-host-refused: your server not welcome" other yes \
	"550 Your server 203.0.113.3 is not welcome here"
verdict "look-alike of shapes14-host-refused, your host: not allowed to a recipient domain" other no \
	"550 5.7.1 Your IP is not allowed to send mail to example.org"
verdict "look-alike of shapes14-host-refused, your host: not allowed to relay" other no \
	"554 5.7.1 Your server is not allowed to relay"
verdict "look-alike of shapes14-host-refused, your host: not allowed from this domain" other no \
	"550 Your host is not allowed to send mail from this domain"
verdict "look-alike of shapes14-host-refused, your host: not allowed to use this server" other no \
	"554 Your IP address is not allowed to use this server"
verdict "look-alike of shapes14-host-refused, your host: not allowed to send mail, no place" other no \
	"550 Your IP is not allowed to send mail"
verdict "look-alike of shapes14-host-refused, your host: not allowed over IPv6" other no \
	"550 5.7.1 Your IP is not allowed to send mail over IPv6"
verdict "look-alike of shapes14-host-refused, your host: no reverse DNS" ptr no \
	"554 5.7.1 Your mail server is not allowed to connect: no reverse DNS"
verdict "look-alike of shapes14-host-refused, your host: the sender's address" other no \
	"550 5.7.1 Your address is not allowed to send mail here"
verdict "look-alike of shapes14-host-refused, your host: greylisted" greylist no \
	"451 4.7.1 Your IP is not allowed right now: greylisted, come back later"
verdict "look-alike of shapes14-host-refused, your host: a mail client that must log in" other no \
	"554 5.7.1 Your client is not authorized, please log in first"
verdict "look-alike of shapes14-host-refused, your host: without authentication" other no \
	"530 Your IP address is not allowed to send mail without authentication"
verdict "block like shapes14-host-refused, your host: your IP not allowed here" other yes \
	"550 5.7.1 Your IP address is not allowed to send mail here"
verdict "block like shapes14-host-refused, your host: your server not permitted to connect" other yes \
	"554 Your server is not permitted to connect"
verdict "block like shapes14-host-refused, your host: your host rejected" other yes \
	"554 Your host is rejected"
verdict "block like shapes14-host-refused, your host: your IP refused for now" other yes \
	"421 4.7.0 Your IP address has been refused, try again later"
verdict "block like shapes14-host-refused, your host: your network not allowed here" other yes \
	"554 5.7.1 Your network is not allowed to send mail here"
verdict "block like shapes14-host-refused, your host: mail from your IP not accepted" other yes \
	"550 5.7.1 Mail from your IP address is not accepted"
verdict "block like shapes14-host-refused, your host: your server not welcome" other yes \
	"554 Sorry, your server is not welcome here"
verdict "block like shapes14-host-refused, your host: your mail server not authorized" other yes \
	"550 Your mail server is not authorized to send mail to this server"
verdict "look-alike of shapes14-host-refused: a masked IP without PTR" ptr no \
	"550 5.7.1 Access denied for x.x.x.x: no PTR record"
verdict "look-alike of shapes14-host-refused: a masked IP, greylisted" greylist no \
	"450 4.7.1 Connection from [IP] refused: greylisted, retry in 5 minutes"
verdict "block like shapes14-host-refused: a masked IP after the refusal" other yes \
	"550 Access denied for xx.xx.xx.xx"
verdict "block like shapes14-host-refused: a bracketed placeholder refused" other yes \
	"554 5.7.1 [IP] access denied"
verdict "look-alike of shapes14-rbl-head: list lookup timed out" other no \
	"451 4.7.1 Service unavailable; Client host [192.0.2.1] list lookup timed out, try again later"
verdict "look-alike of shapes14-rbl-head: greylisted" greylist no \
	"450 4.7.1 Service unavailable; Client host [192.0.2.1] greylisted, retry later"
verdict "look-alike of shapes14-rbl-head: no PTR record" ptr no \
	"554 5.7.1 Service unavailable; Client host [mail.example.org] rejected: no PTR record"
verdict "look-alike of shapes14-rbl-head: HELO name" ptr no \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] HELO name rejected"
verdict "look-alike of shapes14-rbl-head: SPF" auth no \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] SPF check failed"
verdict "look-alike of shapes14-rbl-head: a recipient domain on a list" other no \
	"554 5.7.1 Service unavailable; Recipient address [bob@example.org] blocked using rhsbl.example.net"
verdict "look-alike of shapes14-rbl-head: a list that refuses the query" other no \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using multi.uribl.com; 127.0.0.1 -> Query Refused"
verdict "look-alike of shapes14-rbl-head: the receiver's DNS failure" other no \
	"451 4.3.0 Service unavailable; Client host [192.0.2.1] temporary DNS failure"
verdict "look-alike of shapes14-rbl-head: message content" content no \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] message content rejected"
verdict "block like shapes14-rbl-head: the head alone" blocklist yes \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1]"
verdict "block like shapes14-rbl-head: client blocked, no zone" blocklist yes \
	"550 5.7.1 Service unavailable; client [198.51.100.20] blocked"
verdict "block like shapes14-rbl-head: a page after the client" blocklist yes \
	"554 5.7.1 Service unavailable; Client host [203.0.113.5] https://www.example.net/blocked.html"
verdict "block like shapes14-rbl-head: listed, see a page" blocklist yes \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] is listed, see https://rbl.example.net/"
verdict "look-alike of shapes14-host-refused: POP before SMTP" other no \
	"550 5.7.1 Access denied for 192.0.2.1: POP before SMTP required"
verdict "look-alike of shapes14-host-refused: only the receiver's networks" other no \
	"550 5.7.1 Access denied for 192.0.2.1 - only local networks may send here"
verdict "look-alike of shapes14-host-refused: outside the organisation" other no \
	"554 5.7.1 192.0.2.1 is not allowed: mail from outside the organisation is refused"
verdict "look-alike of shapes14-host-refused: try again in N minutes" greylist no \
	"421 4.7.1 Access denied for 192.0.2.1 - please try again in 10 minutes"
verdict "look-alike of shapes14-host-refused: a sender named by its IP" other no \
	"553 5.7.1 Sender 192.0.2.1 not allowed"
verdict "look-alike of shapes14-host-refused, your host: service unavailable, greylisted" greylist no \
	"554 Service unavailable for your IP address: greylisted"
verdict "look-alike of shapes14-host-refused, your host: not allowed without authentication" other no \
	"550 5.7.1 Access not allowed from your network without authentication"
verdict "look-alike of shapes14-host-refused, your host: the receiver shutting down" other no \
	"421 4.3.2 Service not available to your host, shutting down"
verdict "look-alike of shapes14-host-refused, your host: the sender's address not verified" other no \
	"550 Rejected: your address is not verified"
verdict "block like shapes14-host-refused, your host: service unavailable for your IP" other yes \
	"554 Service unavailable for your IP address"
verdict "block like shapes14-host-refused, your host: connection refused from your server" other yes \
	"421 Connection refused from your server"
verdict "block like shapes14-host-refused, your host: no access from your mail server" other yes \
	"550 No access from your mail server"
verdict "block like shapes14-host-refused, your host: rejected: your IP" other yes \
	"554 5.7.1 Rejected: your IP address"
verdict "block like shapes14-host-refused, your host: service not available to your host" other yes \
	"550 5.7.1 Service not available to your host"
verdict "look-alike of shapes14-host-refused, this IP: for the sender's domain" other no \
	"550 This IP is not allowed to send mail for example.org"
verdict "look-alike of shapes14-host-refused, this IP: denied without a PTR" ptr no \
	"554 5.7.1 The sending IP address has been denied: no PTR record"
verdict "block like shapes14-host-refused, this IP: not allowed here" other yes \
	"554 This IP is not allowed to send mail here"
verdict "block like shapes14-host-refused, this IP: the sending IP denied" other yes \
	"550 5.7.1 The sending IP address has been denied"
verdict "block like shapes14-host-refused, this IP: the connecting host not permitted" other yes \
	"554 The connecting host is not permitted"
verdict "look-alike of shapes14-rbl-head: sender address verification" other no \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] sender address verification failed"
verdict "look-alike of shapes14-rbl-head: user unknown" user-unknown no \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] user unknown"
verdict "look-alike of shapes14-rbl-head: relay access denied" relay-denied no \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] relay access denied"
verdict "look-alike of shapes14-rbl-head: must authenticate" other no \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] must authenticate first"
verdict "look-alike of shapes14-rbl-head: size limit" size no \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] size limit exceeded"
verdict "look-alike of shapes14-host-refused: IP, colon, a recipient refused" user-unknown no \
	"554 5.7.1 192.0.2.1: Recipient address rejected"
verdict "look-alike of shapes14-host-refused: IP, colon, a message refused" content no \
	"550 5.7.1 192.0.2.1: message rejected"
verdict "block like shapes14-host-refused: IP, colon, connection refused" other yes \
	"550 5.7.1 192.0.2.1: Connection refused"
verdict "block like shapes14-host-refused: [IP], colon, access denied" other yes \
	"554 [192.0.2.1]: access denied"
verdict "block like shapes14-host-refused: IP not allowed to connect to this server" other yes \
	"554 Your IP 192.0.2.1 is not allowed to connect to this server"
verdict "block like shapes14-host-refused: your server not allowed to send to us" other yes \
	"550 Your server is not allowed to send mail to us"
verdict "block like shapes14-host-refused: IP not allowed at this time" other yes \
	"421 4.7.0 192.0.2.1 not allowed at this time"
verdict "block like shapes14-host-refused: not permitted to connect to our servers" other yes \
	"554 5.7.1 Your host is not permitted to connect to our mail servers."
verdict "look-alike of shapes14-host-refused: not allowed to connect to this server over IPv6" other no \
	"550 Your IP 2001:db8::7 is not allowed to connect to this server over IPv6"
verdict "look-alike of shapes14-host-refused: client rejected for its host name" ptr no \
	"550 5.7.1 Client 192.0.2.1 rejected: cannot find your hostname"
verdict "look-alike of shapes14-rbl-head: server busy" other no \
	"421 4.7.0 Service unavailable; Client host [192.0.2.1] server busy, try later"
verdict "look-alike of shapes14-rbl-head: TLS required" other no \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] TLS required"
verdict "look-alike of shapes14-host-refused: access denied for IP to an address" other no \
	"550 5.7.1 Access denied for 192.0.2.1 to bob@example.org"

# The newer block rules of the generic and receiver files, each against
# replies in its own words whose reason is not a block (a limit per
# recipient, message or session, the recipient's or its organisation's own
# list, a message's content, PTR / HELO / SPF, greylisting, the receiver's
# own trouble, TLS, relaying, authentication, an unknown user, a URI list)
# and against the blocks it is written for. The receivers' wordings these
# rules read: ASSP, Haraka's limit plugin, MailCleaner, mox,
# policyd-rate-limit, qpsmtpd's karma, SophosLabs, Gandi (their
# sources are cited in patterns/); the look-alikes change one reason each.
verdict "look-alike of assp-service-denied: service shutting down" other no \
	"421 4.3.2 Service shutting down, closing transmission channel"
verdict "look-alike of assp-service-denied: relaying, closing channel" relay-denied no \
	"554 5.7.1 Service denied: relaying not permitted, closing transmission channel"
verdict "look-alike of assp-service-denied: SPF, closing channel" auth no \
	"554 5.7.1 Service denied, SPF check failed for example.com, closing transmission channel"
verdict "look-alike of assp-service-denied: no PTR, closing channel" ptr no \
	"554 5.7.1 Service denied: no PTR record for 192.0.2.1, closing transmission channel"
verdict "look-alike of assp-service-denied: authentication, closing channel" other no \
	"554 5.7.0 Service denied: authentication required, closing transmission channel"
verdict "look-alike of assp-service-denied: too many recipients, closing channel" rate no \
	"554 5.5.3 Service denied: too many recipients in this message, closing transmission channel"
verdict "look-alike of assp-service-denied: virus, closing channel" content no \
	"554 5.7.1 Service denied: message contains a virus, closing transmission channel"
verdict "look-alike of assp-service-denied: TLS, closing channel" other no \
	"554 5.7.0 Service denied: must issue a STARTTLS command first, closing transmission channel"
verdict "block like assp-service-denied: deny list" blocklist yes \
	"554 5.7.2 <mail.example.net> Service denied, closing transmission channel"
verdict "look-alike of assp-harvester: a recipient unknown" user-unknown no \
	"550 5.1.1 Service denied for recipient <bob@example.org>: user unknown"
verdict "look-alike of assp-harvester: one failed login" other no \
	"535 5.7.8 Service denied for IP 192.0.2.1: authentication failed"
verdict "look-alike of assp-harvester: relay service" relay-denied no \
	"554 <mx.example.org> Relay Service denied for IP 192.0.2.1, closing transmission channel"
verdict "look-alike of assp-harvester: no PTR" ptr no \
	"550 5.7.1 Service denied for IP 192.0.2.1 (no PTR record)"
verdict "look-alike of assp-harvester: greylisted" greylist no \
	"451 4.7.1 Service denied for IP 192.0.2.1 (greylisted), try again later"
verdict "look-alike of assp-harvester: SPF fail" auth no \
	"550 5.7.1 Service denied for IP 192.0.2.1 (SPF fail for example.com)"
verdict "look-alike of assp-harvester: TLS" other no \
	"530 5.7.0 Service denied for IP 192.0.2.1 (STARTTLS required)"
verdict "block like assp-harvester: harvester" reputation yes \
	"554 5.7.2 Service denied for IP 198.51.100.4 (harvester), closing transmission channel"
verdict "look-alike of generic-ip-blocklisted: blacklisted by recipient" other no \
	"550 5.7.1 IP address blacklisted by recipient"
verdict "look-alike of generic-ip-blocklisted: the organisation's list" other no \
	"554 5.7.1 Your IP address 192.0.2.1 is blacklisted by the recipient's organization"
verdict "look-alike of generic-ip-blocklisted: a user's policy" other no \
	"550 5.7.1 IP address blocklisted by user policy of bob@example.org"
verdict "look-alike of generic-ip-blocklisted: HELO name" ptr no \
	"554 5.7.1 HELO name of IP 192.0.2.1 is blacklisted"
verdict "look-alike of generic-ip-blocklisted: greylisted" greylist no \
	"451 4.7.1 IP address blocklisted temporarily: greylisted, try again later"
verdict "look-alike of generic-ip-blocklisted: list lookup failed" other no \
	"451 4.7.1 IP address blocklist lookup failed: open resolver"
verdict "look-alike of generic-ip-blocklisted: URL in the message" content no \
	"554 5.7.1 Message rejected: URL IP address in body is blacklisted (URIBL)"
verdict "block like generic-ip-blocklisted: your IP blocklisted" blocklist yes \
	"554 5.7.1 Your IP address 192.0.2.1 is blocklisted"
verdict "look-alike of haraka-rcpt-rate-sender: for one recipient" rate no \
	"450 4.2.1 rcpt rate limit exceeded for recipient bob@example.org"
verdict "look-alike of haraka-rcpt-rate-sender: recipients per message" rate no \
	"452 4.5.3 rcpt limit exceeded: too many recipients in this message"
verdict "look-alike of haraka-rcpt-rate-sender: mailbox receiving too fast" rate no \
	"451 4.7.1 rcpt rate limit exceeded: recipient mailbox receiving mail too fast"
verdict "look-alike of haraka-rcpt-rate-sender: per session" rate no \
	"452 4.7.1 rcpt rate limit exceeded: too many recipients in this session"
verdict "look-alike of haraka-rcpt-rate-sender: greylisted" greylist no \
	"451 4.7.1 rcpt rate limit exceeded: greylisted, try again later"
verdict "look-alike of haraka-rcpt-rate-sender: a recipient domain" rate no \
	"451 4.7.1 rcpt rate limit exceeded for recipient domain example.org"
verdict "block like haraka-rcpt-rate-sender: rcpt rate limit" rate yes \
	"451 rcpt rate limit exceeded"
verdict "look-alike of mailcleaner-user-abuse: recipient disabled for abuse" user-unknown no \
	"550 5.7.1 refused user bob@example.org: mailbox disabled due to abuse"
verdict "look-alike of mailcleaner-user-abuse: unknown address" user-unknown no \
	"550 5.1.1 refused user due to unknown address"
verdict "look-alike of mailcleaner-user-abuse: failed logins" other no \
	"535 5.7.8 refused user: authentication failed due to too many attempts"
verdict "look-alike of mailcleaner-user-abuse: massive spam content" content no \
	"554 5.7.1 message refused due to massive spam content"
verdict "block like mailcleaner-user-abuse: massive abuse" reputation yes \
	"554 5.7.1 refused user due to massive abuse"
verdict "look-alike of mox-account-send-limit: recipients per message" rate no \
	"452 4.5.3 max number of recipients (50) per message reached"
verdict "look-alike of mox-account-send-limit: the server's connections" other no \
	"421 4.3.2 max number of connections (500) reached, server busy, try again later"
verdict "look-alike of mox-account-send-limit: the queue" other no \
	"452 4.3.1 max number of messages in queue (10000) reached"
verdict "look-alike of mox-account-send-limit: login attempts" other no \
	"535 5.7.8 max number of login attempts (5) over past hour reached"
verdict "look-alike of mox-account-send-limit: messages per session" rate no \
	"452 4.5.3 max number of messages (100) per session reached"
verdict "block like mox-account-send-limit: messages over 24h" rate yes \
	"451 4.7.1 max number of messages (500) over past 24h reached, try increasing per-account setting MaxOutgoingMessagesPerDay"
verdict "block like mox-account-send-limit: first-time recipients" rate yes \
	"451 4.7.1 max number of new/first-time recipients (50) over past 24h reached"
verdict "look-alike of policyd-rate-limit-reach: greylisted" greylist no \
	"450 4.7.1 <bob@example.org>: Recipient address rejected: Greylisted, retry later"
verdict "look-alike of policyd-rate-limit-reach: server configuration" other no \
	"451 4.3.5 <bob@example.org>: Recipient address rejected: Server configuration problem, retry later"
verdict "block like policyd-rate-limit-reach: rate limit reach" rate yes \
	"450 4.7.1 <bob@example.org>: Recipient address rejected: Rate limit reach, retry later"
verdict "look-alike of qpsmtpd-karma-penalty-box: greylisted" greylist no \
	"451 4.7.1 You cannot connect for 5 more minutes: greylisted"
verdict "look-alike of qpsmtpd-karma-penalty-box: the server busy" other no \
	"421 4.3.2 You cannot connect right now: too many connections overall, server busy"
verdict "look-alike of qpsmtpd-karma-penalty-box: maintenance" other no \
	"421 4.3.2 You cannot connect for 10 more minutes: server maintenance"
verdict "look-alike of qpsmtpd-karma-penalty-box: no PTR" ptr no \
	"550 5.7.1 You were naughty: no reverse DNS for 192.0.2.1, you cannot connect"
verdict "look-alike of qpsmtpd-karma-penalty-box: TLS" other no \
	"530 5.7.0 You cannot connect for 1 more day without STARTTLS"
verdict "block like qpsmtpd-karma-penalty-box: naughty, days" reputation yes \
	"550 You were naughty. You are cannot connect for 1 more days."
verdict "block like qpsmtpd-karma-penalty-box: naughty, fraction of a day" reputation yes \
	"554 You were naughty. You are cannot connect for 0.96 more days."
verdict "look-alike of sophos-ip-lookup: a URL in the message" content no \
	"554 5.7.1 Message rejected: a URL in the message is listed by SophosLabs, see https://www.sophos.com/en-us/threat-center/ip-lookup"
verdict "look-alike of sophos-ip-lookup: spam verdict" content no \
	"554 5.7.1 Message rejected as spam by Sophos, see https://support.sophos.com/ip-lookup"
verdict "look-alike of sophos-ip-lookup: SPF" auth no \
	"550 5.7.1 SPF check failed for 192.0.2.1, see https://www.sophos.com/en-us/threat-center/ip-lookup"
verdict "look-alike of sophos-ip-lookup: the organisation's list" other no \
	"550 5.7.1 Sender address rejected by the organization's block list (Sophos Email), https://www.sophos.com/en-us/threat-center/ip-lookup"
verdict "look-alike of sophos-ip-lookup: malware" content no \
	"554 5.7.1 Attachment blocked by Sophos: malware detected, see https://www.sophos.com/en-us/threat-center/ip-lookup"
verdict "block like sophos-ip-lookup: IP on SophosLabs' list" blocklist yes \
	"550 5.7.1 Your IP 192.0.2.1 is blocked by SophosLabs, see https://www.sophos.com/en-us/threat-center/ip-lookup.aspx?ip=192.0.2.1"
verdict "look-alike of gandi-infected: attachment may be infected" content no \
	"550 5.7.1 Message blocked: attachment may be infected"
verdict "look-alike of gandi-infected: message may be infected" content no \
	"554 5.7.1 Client host [192.0.2.1] blocked: your message may be infected with a virus"
verdict "look-alike of gandi-infected: no PTR" ptr no \
	"550 5.7.1 Client host [192.0.2.1] blocked: no reverse DNS, you may be infected"
verdict "block like gandi-infected: may be infected" blocklist yes \
	"554 5.7.1 Client host [192.0.2.1] blocked you may be infected"
verdict "look-alike of shapes9-client-host-blocked: the recipient organisation's list" other no \
	"554 5.7.1 Client host [192.0.2.1] blocked by the recipient organization's block list"
verdict "look-alike of shapes9-client-host-blocked: SPF" auth no \
	"554 5.7.1 Client host [192.0.2.1] blocked: SPF fail for example.com"
verdict "look-alike of shapes9-client-host-blocked: greylisted" greylist no \
	"450 4.7.1 Client host [192.0.2.1] blocked: greylisted, try again later"
verdict "look-alike of shapes9-client-host-blocked: relaying" relay-denied no \
	"554 5.7.1 Client host [192.0.2.1] blocked: relaying denied"
verdict "look-alike of shapes9-client-host-blocked: authentication" other no \
	"554 5.7.1 Client host [192.0.2.1] blocked: authentication required"
verdict "look-alike of shapes9-client-host-blocked: user unknown" user-unknown no \
	"554 5.7.1 Client host [192.0.2.1] blocked: user unknown <bob@example.org>"
verdict "look-alike of shapes9-client-host-blocked: HELO" ptr no \
	"554 5.7.1 Client host [192.0.2.1] blocked: invalid HELO name"
verdict "look-alike of shapes9-client-host-blocked: TLS" other no \
	"554 5.7.1 Client host [192.0.2.1] blocked: TLS required"
verdict "look-alike of shapes9-client-host-blocked: a URI list" content no \
	"554 5.7.1 Client host [192.0.2.1] blocked: a URL in the message is listed by URIBL"
verdict "look-alike of shapes9-client-host-blocked: recipients per message" rate no \
	"554 5.7.1 Client host [192.0.2.1] blocked: too many recipients per message"
verdict "block like shapes9-client-host-blocked: no reason" blocklist yes \
	"554 5.7.1 Client host [192.0.2.1] blocked"
verdict "look-alike of shapes14: for your IP, maintenance" other no \
	"421 4.3.2 Service unavailable for your IP address: server shutting down for maintenance"
verdict "look-alike of shapes14: from your server, server busy" other no \
	"421 4.7.0 Connection refused from your server: too many concurrent connections overall, server busy"
verdict "look-alike of shapes14: from your server, no PTR" ptr no \
	"550 5.7.1 Connection refused from your server: no PTR record"
verdict "look-alike of shapes14: from your host, SPF" auth no \
	"550 5.7.1 Connection refused from your host: SPF check failed"
verdict "look-alike of shapes14: from your server, STARTTLS" other no \
	"530 5.7.0 Connection refused from your server: STARTTLS required"
verdict "look-alike of shapes14: for your IP, relaying" relay-denied no \
	"550 5.7.1 Service unavailable for your IP address: relaying denied"
verdict "look-alike of shapes14: for your IP, greylisted" greylist no \
	"451 4.7.1 Service unavailable for your IP address, greylisted, try again in 300 seconds"
verdict "look-alike of shapes14: for your IP, authentication" other no \
	"535 5.7.8 Service unavailable for your IP address: authentication failed"
verdict "look-alike of shapes14: for your IP, user unknown" user-unknown no \
	"550 5.1.1 Service unavailable for your IP address: user unknown <bob@example.org>"
verdict "look-alike of shapes14: recipient listed" other no \
	"554 5.7.1 Service unavailable; Recipient address [bob@example.org] blocked using dbl.example.net"
verdict "look-alike of shapes14: a list's open resolver answer" other no \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org; Error: open resolver; https://www.spamhaus.org/returnc/pub/"
verdict "look-alike of shapes14: a message size" size no \
	"552 5.3.4 Service unavailable for your IP address: message size exceeds limit"

# More look-alikes in the words of the client-host and IP-blacklisted
# rules: the receiver's own load or outage, a user's or the recipient's own
# list, a spam verdict on the message.
verdict "look-alike of shapes9-client-host-blocked: the receiver busy" other no \
	"451 4.3.2 Client host [192.0.2.1] blocked: server busy, try again later"
verdict "look-alike of shapes9-client-host-blocked: the receiver unavailable" other no \
	"421 4.3.2 Client host [192.0.2.1] blocked: service temporarily unavailable, try again later"
verdict "look-alike of shapes9-client-host-blocked: connections overall" other no \
	"450 4.7.1 Client host [192.0.2.1] blocked: too many unauthenticated connections overall"
verdict "look-alike of shapes9-client-host-blocked: the user's blocked senders" other no \
	"554 5.7.1 Client host [192.0.2.1] blocked: sender address on the user's blocked senders list"
verdict "look-alike of shapes9-client-host-blocked: blacklisted by recipient" other no \
	"554 5.7.1 Client host [192.0.2.1] blocked: IP address blacklisted by recipient"
verdict "look-alike of shapes9-client-host-blocked: a spam verdict" content no \
	"554 5.7.1 Client host [192.0.2.1] blocked: Message rejected as spam"
verdict "look-alike of generic-ip-blocklisted: blacklisted by the user" other no \
	"550 5.7.1 IP address 192.0.2.1 is blacklisted by the user"
verdict "look-alike of generic-ip-blocklisted: blacklisted by the mailbox owner" other no \
	"554 5.7.1 Your IP address 192.0.2.1 has been blacklisted by the mailbox owner"
# dev rows the library misread: a receiver's list of abusing envelope senders, a
# recipient invalid or inactive, rspamd's rSPAM verdict, a recipient without a domain,
# qmail greylisting
verdict "envelope sender denied as a spammer" blocklist yes \
	"553 sorry, your envelope sender has been denied, maybe you are a SPAMMER (#5.7.1)"
verdict "envelope sender denied without the spammer words: not a block" other no \
	"553 sorry, your envelope sender has been denied (#5.7.1)"
verdict "invalid or inactive user" user-unknown no "553 Invalid/inactive user."
verdict "classified as rSPAM" content no "550 This message was classified as rSPAM"
verdict "recipient without a domain" user-unknown no "501 <null>: recipient address must contain a domain"
verdict "qmail greylisting envelope failure" greylist no "421 temporary envelope failure (#4.3.0)"

# The envelope sender on a receiver's list of spammers, and in its words a
# user's own list, qmail's badmailfrom, SPF and greylisting (not blocks).
verdict "look-alike of shapes13-envelope-sender-spammer: qmail's badmailfrom" other no \
	"553 sorry, your envelope sender is in my badmailfrom list (#5.7.1)"
verdict "look-alike of shapes13-envelope-sender-spammer: SPF" auth no \
	"550 5.7.1 Your envelope sender has been denied: SPF fail for example.com, maybe you are a spammer"
verdict "look-alike of shapes13-envelope-sender-spammer: the user's blocked senders" other no \
	"553 sorry, your envelope sender has been denied (user's blocked senders), maybe you are a SPAMMER"
verdict "look-alike of shapes13-envelope-sender-spammer: greylisted" greylist no \
	"451 4.7.1 envelope sender has been denied temporarily (greylisted), maybe you are a spammer, try again later"
verdict "block like shapes13-envelope-sender-spammer: the receiver's list" blocklist yes \
	"553 sorry, your envelope sender has been denied, maybe you are a SPAMMER (#5.7.1)"
# a refusal naming the client's IP with a reason that is not the sender's standing:
# IPv6 not taken at all (configuration), a spam score (one message)
verdict "client refused: IPv6 not supported" other no \
	"554 5.7.1 Connection refused from your server (IPv6 not supported)"
verdict "client IPv6 address refused: ipv6 not supported" other no \
	"550 5.7.1 Access denied for 2001:db8::25: ipv6 not supported"
verdict "client IP rejected for a spam score" content no "554 5.7.1 Rejected: 192.0.2.1 (spam score too high)"

# Replies that use the words of a block and are not one by the definition in
# patterns/README.md (the sender's standing), in the wordings of common MTAs
# and filters, and real blocks next to them so that a guard keeps them.
# The recipient's mailbox over its quota:
verdict "broad rules, not a block: Postfix virtual mailbox full" mailbox-full no \
	"552 5.2.2 <bob@example.org>: Recipient address rejected: Mailbox full"
verdict "broad rules, not a block: Dovecot LMTP quota" mailbox-full no \
	"552 5.2.2 <bob@example.org> Quota exceeded (mailbox for user is full)"
verdict "broad rules, not a block: qmail mailbox full" mailbox-full no \
	"552 sorry, the user's mailbox is full (#5.2.2)"
verdict "broad rules, not a block: Exim appendfile quota" mailbox-full no \
	"552 Mailbox quota exceeded for bob@example.org"
verdict "broad rules, not a block: mailbox full, messages refused until space is freed" mailbox-full no \
	"452 4.2.2 Over quota: mail to bob@example.org is blocked until the user frees some space"
verdict "broad rules, not a block: mailbox full with the client IP" mailbox-full no \
	"552 5.2.2 Mailbox full; message from 192.0.2.1 rejected for bob@example.org"
verdict "broad rules, not a block: Exchange mailbox full" mailbox-full no \
	"552 5.2.2 STOREDRV.Deliver; mailbox full"
verdict "broad rules, not a block: recipient over its storage limit" mailbox-full no \
	"452 4.2.2 The recipient's mailbox has exceeded its storage limit, try again later"
verdict "broad rules, not a block: mailbox over quota, temporarily rejected" mailbox-full no \
	"450 4.2.2 <bob@example.org>: mailbox over quota, temporarily rejected"
verdict "broad rules, not a block: Courier mailbox full" mailbox-full no \
	"552 5.2.2 Mail quota exceeded for this mailbox, rejected."
# The recipient address unknown, disabled or blocked at its provider:
verdict "broad rules, not a block: Postfix virtual user unknown" user-unknown no \
	"550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown in virtual mailbox table"
verdict "broad rules, not a block: Postfix local recipient unknown" user-unknown no \
	"550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown in local recipient table"
verdict "broad rules, not a block: Sendmail user unknown" user-unknown no \
	"550 5.1.1 <bob@example.org>... User unknown"
verdict "broad rules, not a block: vpopmail no mailbox" user-unknown no \
	"550 sorry, no mailbox here by that name. (#5.1.1)"
verdict "broad rules, not a block: Exchange recipient not found" user-unknown no \
	"550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup"
verdict "broad rules, not a block: recipient account blocked" user-unknown no \
	"550 5.7.1 <bob@example.org>: Recipient address rejected: Account blocked"
verdict "broad rules, not a block: recipient account disabled" user-unknown no \
	"550 5.2.1 The email account that you tried to reach is disabled."
verdict "broad rules, not a block: recipient inactive or blocked" user-unknown no \
	"550 5.2.1 Mailbox inactive or blocked: bob@example.org"
verdict "broad rules, not a block: recipient account suspended" user-unknown no \
	"550 5.2.1 <bob@example.org>: account suspended, mailbox blocked"
verdict "broad rules, not a block: mailbox disabled" user-unknown no \
	"550 5.2.1 Mailbox disabled, not accepting messages"
verdict "broad rules, not a block: Exim unknown user" user-unknown no \
	"550 5.1.1 Unknown user; rejected from 192.0.2.1"
verdict "broad rules, not a block: no such user with the client named" user-unknown no \
	"550 5.1.1 <bob@example.org>: Recipient address rejected: no such user (client host 192.0.2.1)"
verdict "broad rules, not a block: recipient banned address" user-unknown no \
	"550 5.1.1 <bob@example.org>: recipient address banned, account closed"
verdict "broad rules, not a block: recipient expired" user-unknown no \
	"550 5.1.1 Recipient account expired: bob@example.org"
verdict "broad rules, not a block: Haraka rcpt unknown" user-unknown no \
	"550 5.1.1 User does not exist: bob@example.org"
verdict "broad rules, not a block: invalid recipient" user-unknown no \
	"550 5.1.1 Invalid recipient <bob@example.org>, rejected"
# The sender refused by the recipient or its organisation's own lists:
verdict "broad rules, not a block: sender blocked by recipient" other no \
	"550 5.7.1 Sender blocked by recipient"
verdict "broad rules, not a block: recipient has blocked your address" other no \
	"550 5.7.1 The recipient has blocked your email address"
verdict "broad rules, not a block: sender address blacklisted by recipient" other no \
	"554 5.7.1 <alice@example.com>: Sender address rejected: blacklisted by recipient"
verdict "broad rules, not a block: sender on the recipient's block list" other no \
	"550 Sender alice@example.com is on the recipient's block list"
verdict "broad rules, not a block: blocked senders list of the recipient" other no \
	"550 5.7.1 Message rejected: sender is in the blocked senders list of the recipient"
verdict "broad rules, not a block: user's personal blacklist" other no \
	"550 5.7.1 Blocked by user's personal blacklist"
verdict "broad rules, not a block: sender blacklisted by the domain admin" other no \
	"554 5.7.1 <alice@example.com>: Sender address rejected: sender blacklisted by domain admin"
verdict "broad rules, not a block: access map refusal of the sender address" other no \
	"550 5.7.1 <alice@example.com>: Sender address rejected: Access denied"
verdict "broad rules, not a block: sender address blocked by the recipient's administrator" other no \
	"550 5.7.1 Sender address blocked by the administrator of example.org"
verdict "broad rules, not a block: recipient domain's sender blacklist" other no \
	"550 5.7.1 Rejected by recipient domain's sender blacklist: alice@example.com"
verdict "broad rules, not a block: the recipient's blocked domains list" other no \
	"554 5.7.1 Access denied: sender domain example.com is on the blocked domains list of example.org"
verdict "broad rules, not a block: IP blacklisted by recipient" other no \
	"554 5.7.1 IP address blacklisted by recipient"
verdict "broad rules, not a block: IP blocked by the recipient's own rules" other no \
	"550 5.7.1 Your IP 192.0.2.1 has been blocked by the recipient's filtering rules"
verdict "broad rules, not a block: recipient organisation's IP block list" other no \
	"550 5.7.1 Connection from 192.0.2.1 refused by the recipient organization's IP block list"
verdict "broad rules, not a block: organisation's blocked senders policy" other no \
	"550 5.7.1 Message rejected by the organization's Blocked Senders policy"
verdict "broad rules, not a block: blocked by company policy" other no \
	"554 5.7.1 <alice@example.com>: Sender address rejected: Blocked by company policy"
verdict "broad rules, not a block: Exchange transport rule" content no \
	"550 5.7.1 TRANSPORT.RULES.RejectMessage; the message was rejected by organization policy"
verdict "broad rules, not a block: delivery not authorized" content no \
	"550 5.7.1 Delivery not authorized, message refused"
verdict "broad rules, not a block: not authorized for this recipient" other no \
	"550 5.7.1 RESOLVER.RST.NotAuthorized; not authorized"
verdict "broad rules, not a block: sender not in the recipient's whitelist" other no \
	"550 5.7.1 Sender not in recipient's whitelist"
verdict "broad rules, not a block: IP not in whitelist for the recipient domain" other no \
	"550 5.7.1 IP 192.0.2.1 not in whitelist for RCPT domain example.org"
verdict "broad rules, not a block: recipient accepts only allowed senders" other no \
	"550 5.7.1 <bob@example.org>: this recipient accepts mail only from senders on its allow list"
verdict "broad rules, not a block: mailing list non-member" other no \
	"550 5.7.1 Your address is not on the approved senders list of this mailing list"
verdict "broad rules, not a block: recipient's spam folder rule rejects" other no \
	"550 5.7.1 Rejected: the recipient has marked alice@example.com as a blocked sender"
verdict "broad rules, not a block: domain blacklisted by the recipient" other no \
	"550 5.7.1 Your domain example.com has been blacklisted by the recipient"
verdict "broad rules, not a block: sender banned by the recipient's mailbox rule" other no \
	"550 5.7.1 Sender alice@example.com banned by recipient's mailbox rule"
# One message too large or with too many recipients, a session's limits:
verdict "broad rules, not a block: Postfix message size" size no \
	"552 5.3.4 Message size exceeds fixed limit"
verdict "broad rules, not a block: Postfix file too big" size no \
	"552 5.3.4 Error: message file too big"
verdict "broad rules, not a block: Exim message size" size no \
	"552 Message size exceeds maximum permitted"
verdict "broad rules, not a block: message too big for system" size no \
	"554 5.3.4 Message too big for system"
verdict "broad rules, not a block: message size with the client IP" size no \
	"552 5.3.4 Message from 192.0.2.1 rejected: size 52428800 exceeds the limit of 26214400 bytes"
verdict "broad rules, not a block: Exchange message size" size no \
	"552 5.3.4 Message size exceeds fixed maximum message size"
verdict "broad rules, not a block: Postfix too many recipients" rate no \
	"452 4.5.3 Error: too many recipients"
verdict "broad rules, not a block: recipients per message" rate no \
	"452 4.5.3 Too many recipients in this message, max 100 per message"
verdict "broad rules, not a block: recipients per message with the client IP" rate no \
	"550 5.5.3 Too many recipients for this message from 192.0.2.1 (limit 50)"
verdict "broad rules, not a block: recipient limit of the message" rate no \
	"452 4.5.3 Recipient limit exceeded for this message"
verdict "broad rules, not a block: messages per session" rate no \
	"421 4.7.0 Too many messages in this session, please reconnect"
verdict "broad rules, not a block: messages per connection with IP" rate no \
	"421 4.7.0 Maximum number of messages per connection reached for 192.0.2.1, closing connection"
verdict "broad rules, not a block: recipients per session" rate no \
	"452 4.5.3 Too many recipients per session, try the rest in a new connection"
# A verdict on one message (spam score, virus, banned attachment, links):
verdict "broad rules, not a block: content filter spam" content no \
	"550 5.7.1 Message rejected as spam by Content Filtering."
verdict "broad rules, not a block: spam score with the client IP" content no \
	"554 5.7.1 Rejected: spam score 15.2 exceeds threshold 5.0 (IP 192.0.2.1)"
verdict "broad rules, not a block: rspamd spam message rejected" content no \
	"554 5.7.1 Spam message rejected"
verdict "broad rules, not a block: ClamAV virus" content no \
	"550 5.7.1 Virus detected: Eicar-Test-Signature"
verdict "broad rules, not a block: Exim malware ACL" content no \
	"550 This message contains a virus (Win.Test.EICAR_HDB-1)"
verdict "broad rules, not a block: amavisd spam" content no \
	"554 5.7.0 Reject, id=12345-01 - spam"
verdict "broad rules, not a block: amavisd banned attachment" content no \
	"554 5.7.0 Reject, id=27375-07 - BANNED: multipart/mixed | application/x-msdownload,.exe"
verdict "broad rules, not a block: content filter blocked the message" content no \
	"554 5.7.1 Message blocked by content filter"
verdict "broad rules, not a block: attachment type blocked" content no \
	"550 5.7.1 Attachment type not allowed: .exe blocked"
verdict "broad rules, not a block: high probability of spam" content no \
	"550 High probability of spam"
verdict "broad rules, not a block: message looks like spam and was blocked" content no \
	"550 5.7.1 Your message looks like spam and was blocked"
verdict "broad rules, not a block: rejected under suspicion of spam" content no \
	"554 5.7.1 Message rejected under suspicion of SPAM"
verdict "broad rules, not a block: body checks" content no \
	"550 5.7.1 Message content rejected"
verdict "broad rules, not a block: SpamAssassin score via Exim" content no \
	"550 Rejected: message scored 12.3 spam points (required 5.0) from 192.0.2.1"
verdict "broad rules, not a block: Haraka spamassassin" content no \
	"550 5.7.1 spam score exceeded threshold"
verdict "broad rules, not a block: message blocked, spam from IP in one message" content no \
	"554 5.7.1 Spam detected in message from 192.0.2.1, rejected"
verdict "broad rules, not a block: phishing message" content no \
	"550 5.7.1 Message rejected: phishing content detected"
verdict "broad rules, not a block: blocked because of a blacklisted URL" content no \
	"550 5.7.1 Message rejected: contains a URL listed on multi.surbl.org"
verdict "broad rules, not a block: blocked for a link on a URI list" content no \
	"554 5.7.1 Rejected: message body contains a link listed in multi.uribl.com"
verdict "broad rules, not a block: message refused by the spam filter with its score" content no \
	"550 5.7.1 This message has been blocked because it was identified as spam (score 9.7)"
verdict "broad rules, not a block: message quarantined" content no \
	"550 5.7.1 Message quarantined by policy: spam"
verdict "broad rules, not a block: bulk message" content no \
	"550 5.7.1 Unsolicited bulk message rejected by the spam filter"
# Greylisting, a first attempt deferred:
verdict "broad rules, not a block: postgrey" greylist no \
	"450 4.2.0 <bob@example.org>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.org.html"
verdict "broad rules, not a block: greylisting in action" greylist no \
	"451 4.7.1 Greylisting in action, please come back later"
verdict "broad rules, not a block: greylisted for seconds" greylist no \
	"450 4.7.1 Greylisted for 300 seconds"
verdict "broad rules, not a block: sqlgrey" greylist no \
	"450 4.7.1 Greylisted, please try again in 180 seconds"
verdict "broad rules, not a block: milter-greylist" greylist no \
	"451 4.7.1 Greylisting in action, please come back in 00:05:00"
verdict "broad rules, not a block: greylisted IP" greylist no \
	"421 4.7.0 Temporarily rejected: IP 192.0.2.1 greylisted, try again in 5 minutes"
verdict "broad rules, not a block: client host temporarily rejected, greylisting" greylist no \
	"450 4.7.1 Client host 192.0.2.1 temporarily rejected: greylisting in effect"
verdict "broad rules, not a block: not yet authorized to deliver" greylist no \
	"451 4.7.1 You are not yet authorized to deliver mail from <alice@example.com> to <bob@example.org>. Please try later."
verdict "broad rules, not a block: Haraka greylist" greylist no \
	"450 4.7.1 Greylisted, please come back later"
verdict "broad rules, not a block: IP reputation greylisted" greylist no \
	"451 4.7.1 IP Reputation Greylisted, please retry"
verdict "broad rules, not a block: first attempt deferred" greylist no \
	"451 4.7.1 First delivery attempt from 192.0.2.1 deferred (greylisting), retry in 10 minutes"
verdict "broad rules, not a block: greylisted sender" greylist no \
	"450 4.7.1 <alice@example.com>: Sender address rejected: greylisted, try again later"
# Reverse DNS and HELO problems of the sending host:
verdict "broad rules, not a block: Postfix unknown client hostname" ptr no \
	"450 4.7.1 Client host rejected: cannot find your hostname, [192.0.2.1]"
verdict "broad rules, not a block: Postfix reverse hostname" ptr no \
	"550 5.7.1 Client host rejected: cannot find your reverse hostname, [192.0.2.1]"
verdict "broad rules, not a block: Helo host not found" ptr no \
	"550 5.7.1 <mail.example.com>: Helo command rejected: Host not found"
verdict "broad rules, not a block: Helo not fully qualified" ptr no \
	"504 5.5.2 <localhost>: Helo command rejected: need fully-qualified hostname"
verdict "broad rules, not a block: reverse DNS failed, connection blocked" ptr no \
	"550 5.7.1 Reverse DNS lookup failed for host 192.0.2.1, connection blocked"
verdict "broad rules, not a block: invalid HELO name" ptr no \
	"550 Access denied - Invalid HELO name (See RFC2821 4.1.1.1)"
verdict "broad rules, not a block: Exim host impersonating" ptr no \
	"550 Bad HELO - Host impersonating [example.org]"
verdict "broad rules, not a block: IP without a PTR record, mail rejected" ptr no \
	"554 5.7.1 Your IP 192.0.2.1 has no PTR record; mail rejected"
verdict "broad rules, not a block: connection refused without reverse DNS" ptr no \
	"421 4.7.1 Connection refused: no reverse DNS for 192.0.2.1"
verdict "broad rules, not a block: generic PTR" ptr no \
	"550 5.7.1 Rejected: 192.0.2.1 has a generic PTR (dsl-192-0-2-1.example.net), please use a proper host name"
verdict "broad rules, not a block: HELO mismatch" ptr no \
	"550 5.7.1 Client host rejected: HELO hostname mismatch for 192.0.2.1"
verdict "broad rules, not a block: PTR and HELO do not match, blocked" ptr no \
	"550 5.7.1 PTR record of 192.0.2.1 does not match HELO name, blocked"
verdict "broad rules, not a block: qmail no reverse DNS" ptr no \
	"553 sorry, your host 192.0.2.1 has no reverse DNS (#5.7.1)"
verdict "broad rules, not a block: reverse DNS did not resolve, access denied" ptr no \
	"451 4.7.1 Access denied: reverse DNS of 192.0.2.1 did not resolve, try again later"
verdict "broad rules, not a block: forward and reverse DNS mismatch" ptr no \
	"550 5.7.1 Connection from 192.0.2.1 refused: forward and reverse DNS do not match"
verdict "broad rules, not a block: HELO with an IP literal" ptr no \
	"550 5.7.1 Rejected: HELO [192.0.2.1] is an IP literal, use your host name"
# SPF, DKIM and DMARC of the sender's domain:
verdict "broad rules, not a block: policyd-spf fail" auth no \
	"550 5.7.23 <bob@example.org>: Recipient address rejected: Message rejected due to: SPF fail - not authorized. Please see http://www.openspf.net/Why?s=mfrom;id=alice@example.com;ip=192.0.2.1;r=bob@example.org"
verdict "broad rules, not a block: DMARC policy" auth no \
	"550 5.7.1 Email rejected per DMARC policy for example.com"
verdict "broad rules, not a block: rspamd DMARC" auth no \
	"550 5.7.1 Rejected due to DMARC policy"
verdict "broad rules, not a block: SPF check failed, blocked" auth no \
	"550 5.7.1 SPF check failed: 192.0.2.1 is not allowed to send mail from example.com, blocked"
verdict "broad rules, not a block: Exim SPF" auth no \
	"550 SPF check failed: 192.0.2.1 is not allowed to send mail from example.com"
verdict "broad rules, not a block: IP not authorised by SPF" auth no \
	"550 5.7.1 Rejected: IP 192.0.2.1 is not authorized to send for example.com (SPF)"
verdict "broad rules, not a block: no valid DKIM signature" auth no \
	"550 5.7.20 Message rejected: no valid DKIM signature found"
verdict "broad rules, not a block: DKIM verification failed, blocked" auth no \
	"550 5.7.1 DKIM signature verification failed; message blocked"
verdict "broad rules, not a block: unauthenticated mail rate limited" auth no \
	"421 4.7.26 Unauthenticated mail from 192.0.2.1 is rate limited; please set up SPF or DKIM"
verdict "broad rules, not a block: sender IP not permitted by SPF, connection blocked" auth no \
	"550 5.7.1 Sender IP 192.0.2.1 not permitted by SPF record of example.com, connection blocked"
verdict "broad rules, not a block: DMARC reject from the client" auth no \
	"550 5.7.1 Message from 192.0.2.1 rejected: DMARC policy of example.com is reject"
verdict "broad rules, not a block: SPF hard fail banned" auth no \
	"554 5.7.1 Banned: SPF hardfail for example.com from 192.0.2.1"
verdict "broad rules, not a block: sender domain fails alignment" auth no \
	"550 5.7.1 Message refused: DMARC alignment failure for example.com"
# TLS requirements of the receiver:
verdict "broad rules, not a block: STARTTLS first" other no \
	"530 5.7.0 Must issue a STARTTLS command first"
verdict "broad rules, not a block: TLS required, client rejected" other no \
	"554 5.7.1 TLS required for this connection, rejected 192.0.2.1"
verdict "broad rules, not a block: TLS required but not offered" other no \
	"421 4.7.0 TLS required but not offered by client 192.0.2.1"
verdict "broad rules, not a block: not sent over TLS" other no \
	"550 5.7.1 This message was not sent over a TLS connection"
verdict "broad rules, not a block: cipher too weak, connection refused" other no \
	"421 4.7.0 Cipher too weak, connection refused"
verdict "broad rules, not a block: STARTTLS required" other no \
	"550 5.7.3 STARTTLS is required to send mail"
verdict "broad rules, not a block: encryption required" other no \
	"530 5.7.0 Encryption required: connection from 192.0.2.1 blocked until STARTTLS"
# The receiver's own load, outage or configuration:
verdict "broad rules, not a block: service not available" other no \
	"421 4.3.2 Service not available, closing transmission channel"
verdict "broad rules, not a block: Exim concurrent connections of all clients" other no \
	"421 Too many concurrent SMTP connections; please try again later."
verdict "broad rules, not a block: Exim load" other no \
	"421 Too much load; please try again later"
verdict "broad rules, not a block: system shutting down" other no \
	"421 4.3.2 System shutting down"
verdict "broad rules, not a block: temporary server error" other no \
	"451 4.3.0 Temporary server error, please try again later"
verdict "broad rules, not a block: insufficient system storage" other no \
	"452 4.3.1 Insufficient system storage"
verdict "broad rules, not a block: overloaded, every host deferred" other no \
	"421 4.3.0 System overloaded, connections from all hosts are deferred, try again later"
verdict "broad rules, not a block: server configuration problem" other no \
	"451 4.3.5 Server configuration problem"
verdict "broad rules, not a block: Exchange concurrent server connections" other no \
	"421 4.3.2 The maximum number of concurrent server connections has exceeded a limit, closing transmission channel"
verdict "broad rules, not a block: local error in processing" other no \
	"451 4.3.0 Requested action aborted: local error in processing"
verdict "broad rules, not a block: maintenance" other no \
	"421 4.3.2 Service temporarily unavailable: the mail server is in maintenance"
verdict "broad rules, not a block: server too busy with the load" other no \
	"421 4.3.2 Server is too busy, load average too high, please try again later"
verdict "broad rules, not a block: too many connections to the server" other no \
	"421 4.7.0 Too many connections to this server from all clients, try again later"
verdict "broad rules, not a block: temporary lookup failure" other no \
	"451 4.3.0 <bob@example.org>: Temporary lookup failure"
verdict "broad rules, not a block: queue full" other no \
	"452 4.3.1 Mail queue full, connection from 192.0.2.1 deferred, try again later"
verdict "broad rules, not a block: database unavailable" other no \
	"451 4.3.0 Internal database error, please try again later"
# Relaying refused for the recipient's domain:
verdict "broad rules, not a block: Postfix relay access denied" relay-denied no \
	"554 5.7.1 <bob@example.org>: Relay access denied"
verdict "broad rules, not a block: temporary relay access denied" relay-denied no \
	"454 4.7.1 <bob@example.org>: Relay access denied"
verdict "broad rules, not a block: unable to relay" relay-denied no \
	"550 5.7.1 Unable to relay for bob@example.org"
verdict "broad rules, not a block: Exim relay not permitted" relay-denied no \
	"550 relay not permitted"
verdict "broad rules, not a block: qmail rcpthosts" relay-denied no \
	"553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)"
verdict "broad rules, not a block: Sendmail relaying denied" relay-denied no \
	"550 5.7.1 <bob@example.org>... Relaying denied. Proper authentication required."
verdict "broad rules, not a block: relaying denied for the client" relay-denied no \
	"550 5.7.1 Relaying denied for 192.0.2.1"
verdict "broad rules, not a block: client not permitted to relay" relay-denied no \
	"550 Client host 192.0.2.1 is not permitted to relay through this server"
verdict "broad rules, not a block: not in the allowed relay hosts" relay-denied no \
	"554 5.7.1 Relay denied: your IP 192.0.2.1 is not in the list of allowed relay hosts"
verdict "broad rules, not a block: Exchange Online relay access" relay-denied no \
	"550 5.7.64 TenantAttribution; Relay Access Denied"
verdict "broad rules, not a block: we do not relay" relay-denied no \
	"550 5.7.1 We do not relay non-local mail, sorry"
# SMTP AUTH required or failed at a submission server:
verdict "broad rules, not a block: authentication required" other no \
	"530 5.7.0 Authentication required"
verdict "broad rules, not a block: Exchange anonymous mail" other no \
	"530 5.7.57 SMTP; Client was not authenticated to send anonymous mail during MAIL FROM"
verdict "broad rules, not a block: Postfix SASL failure" other no \
	"535 5.7.8 Error: authentication failed: UGFzc3dvcmQ6"
verdict "broad rules, not a block: authentication unsuccessful" other no \
	"535 5.7.3 Authentication unsuccessful"
verdict "broad rules, not a block: send as permissions" other no \
	"550 5.7.1 Client does not have permissions to send as this sender"
verdict "broad rules, not a block: sender not logged in" other no \
	"553 5.7.1 <alice@example.com>: Sender address rejected: not logged in"
verdict "broad rules, not a block: authentication required from the IP" other no \
	"530 5.7.0 Authentication required for 192.0.2.1, access denied"
verdict "broad rules, not a block: sender not owned by user" other no \
	"553 5.7.1 <alice@example.com>: Sender address rejected: not owned by user bob"
# IPv6 not taken by the receiver:
verdict "broad rules, not a block: IPv6 connections not accepted" other no \
	"550 5.7.1 IPv6 connections are not accepted, please use IPv4"
verdict "broad rules, not a block: IPv6 not supported, connection refused" other no \
	"554 5.7.1 Sorry, IPv6 is not supported; connection from 2001:db8::25 refused"
verdict "broad rules, not a block: service not available over IPv6" other no \
	"421 4.7.0 Service not available for IPv6 clients"
verdict "broad rules, not a block: IPv6 blocked, use IPv4" other no \
	"554 Connections over IPv6 are blocked here, please deliver over IPv4"
# A DNS list that answered with its own trouble, not a listing:
verdict "broad rules, not a block: Spamhaus open resolver" other no \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org; Error: open resolver; https://www.spamhaus.org/returnc/pub/203.0.113.1"
verdict "broad rules, not a block: Spamhaus excessive queries" other no \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org; Error: excessive number of queries; https://www.spamhaus.org/returnc/vol/203.0.113.1"
verdict "broad rules, not a block: URIBL query refused" other no \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using multi.uribl.com; Query Refused. See http://uribl.com/refused.shtml"
verdict "broad rules, not a block: list answering misconfigured" other no \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using relays.orbz.org; the server you are sending to is misconfigured"
verdict "broad rules, not a block: query refused by a list" other no \
	"550 5.7.1 Client host [192.0.2.1] blocked using bl.example.net; Query Refused"
verdict "broad rules, not a block: DNSBL lookup failure" other no \
	"451 4.7.1 Temporary lookup failure on DNSBL zen.spamhaus.org for 192.0.2.1"
verdict "broad rules, not a block: DNSBL timeout" other no \
	"451 4.3.0 DNSBL check timed out for 192.0.2.1 (bl.spamcop.net), try again later"
verdict "broad rules, not a block: a shut-down list" other no \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using dnsbl.example.net; this list has been shut down, remove it from your configuration"
verdict "broad rules, not a block: a list rejecting the receiver's resolver" other no \
	"554 5.7.1 Rejected: 192.0.2.1 listed by dnsbl.example.net: query refused, your resolver is not allowed to use this list"
# A recipient receiving too much mail (its limit, not the sender's):
verdict "broad rules, not a block: recipient receiving at a rate" rate no \
	"450 4.2.1 The user you are trying to contact is receiving mail at a rate that prevents additional messages from being delivered."
verdict "broad rules, not a block: mailbox receiving too many messages" rate no \
	"452 4.2.1 Mailbox bob@example.org is receiving too many messages, temporarily blocked"
verdict "broad rules, not a block: too many messages for the recipient" rate no \
	"421 4.7.0 Too many messages for this recipient, try again later"
verdict "broad rules, not a block: recipient daily limit" rate no \
	"550 5.7.1 Daily recipient limit reached for bob@example.org"
# The sender's own address or domain refused for its setup:
verdict "broad rules, not a block: sender domain not found" other no \
	"553 5.1.8 <alice@example.com>: Sender address rejected: Domain not found"
verdict "broad rules, not a block: sender domain not found, temporary" other no \
	"450 4.1.8 <alice@example.com>: Sender address rejected: Domain not found"
verdict "broad rules, not a block: Exim sender verify" other no \
	"550 Verification failed for <alice@example.com> Unrouteable address Sender verify failed"
verdict "broad rules, not a block: sender verification blocked" other no \
	"550 5.7.1 Sender verification failed, message from 192.0.2.1 blocked"
verdict "broad rules, not a block: invalid sender syntax" other no \
	"501 5.1.7 Invalid sender address syntax"
verdict "broad rules, not a block: banned from a mailing list" other no \
	"550 5.7.1 alice@example.com is banned from posting to this list"
verdict "broad rules, not a block: protocol error" other no \
	"503 5.5.1 Error: need MAIL command, connection from 192.0.2.1 rejected"
verdict "broad rules, not a block: pipelining before greeting" other no \
	"554 5.5.0 SMTP protocol violation: pipelining before greeting, 192.0.2.1 rejected"
# Blocks, in the same wordings, that the guards must keep:
verdict "broad rules, a block: Postfix zen.spamhaus.org" blocklist yes \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.1"
verdict "broad rules, a block: Postfix SpamCop" blocklist yes \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using bl.spamcop.net; Blocked - see https://www.spamcop.net/bl.shtml?192.0.2.1"
verdict "broad rules, a block: Postfix Barracuda" blocklist yes \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using b.barracudacentral.org; http://www.barracudanetworks.com/reputation/?pr=1&ip=192.0.2.1"
verdict "broad rules, a block: Exim black list" blocklist yes \
	"550 Rejected because 192.0.2.1 is in a black list at zen.spamhaus.org"
verdict "broad rules, a block: IP listed at UCEPROTECT" blocklist yes \
	"550 5.7.1 Your IP address 192.0.2.1 is listed in dnsbl-1.uceprotect.net"
verdict "broad rules, a block: Postfix anvil connections" rate yes \
	"421 4.7.0 mx.example.org Error: too many connections from 192.0.2.1"
verdict "broad rules, a block: Postfix anvil message rate" rate yes \
	"450 4.7.1 Error: too much mail from 192.0.2.1"
verdict "broad rules, a block: too many connections from your IP" rate yes \
	"421 4.7.0 Too many connections from your IP, slow down"
verdict "broad rules, a block: IP with a poor reputation" reputation yes \
	"554 5.7.1 Your IP 192.0.2.1 has a poor reputation"
verdict "broad rules, a block: rate limit for the IP" rate yes \
	"421 4.7.1 Rate limit exceeded for 192.0.2.1, try again later"
verdict "broad rules, a block: IP on our blacklist" blocklist yes \
	"554 5.7.1 Rejected: sender IP 192.0.2.1 is on our blacklist"
verdict "broad rules, a block: listed on SORBS" blocklist yes \
	"550 5.7.1 Connection refused: 192.0.2.1 is listed on SORBS"
verdict "broad rules, a block: Cisco poor reputation" reputation yes \
	"554 Your access to this mail system has been rejected due to the sending MTA's poor reputation."
verdict "broad rules, a block: spam complaints" reputation yes \
	"550 5.7.1 [192.0.2.1] blocked: too many spam complaints"
verdict "broad rules, a block: IP listed at Mailspike" blocklist yes \
	"550 5.7.1 Rejected: 192.0.2.1 listed at bl.mailspike.net"
verdict "broad rules, a block: Exim sender rate" rate yes \
	"451 4.7.1 Sender rate overlimit - 250.0 / 1h / per_conn"
verdict "broad rules, a block: too many messages from the IP" rate yes \
	"421 4.7.0 Too many messages from 192.0.2.1, please slow down"
verdict "broad rules, a block: sender domain on DBL" blocklist yes \
	"550 5.7.1 Your domain example.com is listed on dbl.spamhaus.org"
verdict "broad rules, a block: dynamic IP refused" blocklist yes \
	"554 5.7.1 Mail from dynamic IP 192.0.2.1 refused, use your provider's smarthost"
verdict "broad rules, a block: IP banned for spam" blocklist yes \
	"550 Your IP 192.0.2.1 is banned for sending spam"
verdict "broad rules, a block: IP blacklisted by Spamhaus" blocklist yes \
	"554 5.7.1 Your IP 192.0.2.1 is blacklisted by Spamhaus"
verdict "broad rules, a block: client host on a DNSBL" blocklist yes \
	"550 5.7.1 Client host [192.0.2.1] is on the DNSBL psbl.surriel.com"
# More of the same in other wordings, the sending IP named next to words of
# a block where the cause is not the sender's standing:
verdict "broad rules, not a block: greylisted IP, try again" greylist no \
	"451 4.7.1 Please try again later (greylisted 192.0.2.1)"
verdict "broad rules, not a block: greylisting an unknown IP" greylist no \
	"451 4.7.1 Greylisting: your IP 192.0.2.1 is not yet known, retry later"
verdict "broad rules, not a block: first contact blocked temporarily" greylist no \
	"450 4.7.1 Temporarily blocked: first contact from 192.0.2.1, greylisted"
verdict "broad rules, not a block: deferred by greylisting" greylist no \
	"451 Temporary failure, please try again later (IP 192.0.2.1 deferred by greylisting)"
verdict "broad rules, not a block: greylisting, retry in minutes" greylist no \
	"421 4.7.1 Service temporarily unavailable (greylisting); retry in 5 minutes"
verdict "broad rules, not a block: recipients from the IP in one message" rate no \
	"452 4.5.3 Too many recipients from 192.0.2.1 in one message"
verdict "broad rules, not a block: RCPT commands in one session" rate no \
	"452 4.5.3 Recipient limit exceeded: 192.0.2.1 sent too many RCPT commands in this session"
verdict "broad rules, not a block: Postfix too many errors" other no \
	"421 4.7.0 mx.example.org Error: too many errors"
verdict "broad rules, not a block: Postfix timeout" other no \
	"421 4.4.2 mx.example.org Error: timeout exceeded"
verdict "broad rules, not a block: temporary failure checking the client" other no \
	"451 4.3.0 Temporary failure while checking 192.0.2.1, try again later"
verdict "broad rules, not a block: server shutting down, client refused" other no \
	"421 4.3.2 Connection from 192.0.2.1 refused: server shutting down"
verdict "broad rules, not a block: server at its total connection limit" other no \
	"421 4.7.0 Try again later, server is at its connection limit (200 in total)"
verdict "broad rules, not a block: open resolver without the page" other no \
	"550 5.7.1 Client host [192.0.2.1] blocked using zen.spamhaus.org; Error: open resolver"
verdict "broad rules, not a block: a list's return code for public resolvers" other no \
	"554 5.7.1 Rejected: 192.0.2.1 blocked by dnsbl.example.net (127.255.255.254: query via public resolver)"
verdict "broad rules, not a block: DMARC failed for the IP, blocked" auth no \
	"550 5.7.1 Blocked: DMARC reject policy of example.com failed for 192.0.2.1"
verdict "broad rules, not a block: SPF permerror, mail from the IP refused" auth no \
	"554 5.7.1 Mail from 192.0.2.1 refused: SPF permerror for example.com"
verdict "broad rules, not a block: IP not listed in the SPF record" auth no \
	"550 5.7.1 Rejected: 192.0.2.1 is not listed in the SPF record of example.com"
verdict "broad rules, not a block: blocked as unauthenticated" auth no \
	"550 5.7.26 This mail has been blocked because the sender is unauthenticated."
verdict "broad rules, not a block: client host blocked for no reverse DNS" ptr no \
	"550 5.7.1 Client host [192.0.2.1] blocked: no reverse DNS"
verdict "broad rules, not a block: blacklisted for a missing PTR" ptr no \
	"554 5.7.1 Rejected: 192.0.2.1 blacklisted for having no PTR record"
verdict "broad rules, not a block: banned for a hostname that does not resolve" ptr no \
	"421 4.7.1 Your IP 192.0.2.1 is banned: hostname does not resolve"
verdict "broad rules, not a block: TLS not used, blocked by policy" other no \
	"550 5.7.1 Rejected: 192.0.2.1 did not use TLS, blocked by policy"
verdict "broad rules, not a block: TLS handshake failed" other no \
	"421 4.7.0 TLS handshake failed with 192.0.2.1, connection refused"
verdict "broad rules, not a block: IPv4 only" other no \
	"550 5.7.1 Mail from 2001:db8::25 rejected: we accept mail over IPv4 only"
verdict "broad rules, not a block: IPv6 sending blocked" other no \
	"421 4.7.1 2001:db8::25 blocked: IPv6 sending not supported here"
verdict "broad rules, not a block: IP not allowed to relay" other no \
	"550 5.7.1 192.0.2.1 is not allowed to relay"
verdict "broad rules, not a block: relaying from the IP denied" other no \
	"554 5.7.1 Relaying from 192.0.2.1 denied for unauthenticated clients"
verdict "broad rules, not a block: Sendmail relaying denied, IP name lookup" relay-denied no \
	"550 5.7.1 <bob@example.org>... Relaying denied. IP name lookup failed [192.0.2.1]"
verdict "broad rules, not a block: unauthenticated submission" other no \
	"554 5.7.1 Access denied: unauthenticated submission from 192.0.2.1 is not allowed, use port 587 with AUTH"
verdict "broad rules, not a block: malicious URL in the message" content no \
	"554 5.7.1 Content rejected: malicious URL in message from 192.0.2.1"
verdict "broad rules, not a block: blocked file type" content no \
	"550 5.7.1 Blocked file type in attachment, message from 192.0.2.1 refused"
verdict "broad rules, not a block: virus in the message from the IP" content no \
	"554 5.7.1 192.0.2.1 rejected: message contains a virus"
verdict "broad rules, not a block: banned word" content no \
	"550 5.7.1 Rejected: message from 192.0.2.1 contains a banned word"
verdict "broad rules, not a block: IP blocked for one recipient by the recipient" other no \
	"550 5.7.1 Your IP 192.0.2.1 is blocked from sending to bob@example.org by the recipient"
verdict "broad rules, not a block: blocked by the mailbox owner" other no \
	"550 5.7.1 This sender has been blocked by the mailbox owner"
verdict "broad rules, not a block: recipient's blocklist of addresses" other no \
	"550 5.7.1 Mail from alice@example.com is blocked by the recipient's blocklist"
verdict "broad rules, not a block: sender in the user's blacklist" other no \
	"550 5.7.1 Sender in the user's blacklist"
verdict "broad rules, not a block: in the blacklist of a user" other no \
	"554 5.7.1 Rejected: alice@example.com is in the blacklist of bob@example.org"
verdict "broad rules, not a block: cPanel recipient blacklist" other no \
	"550 The sender address is in the recipient's blacklist"
verdict "broad rules, not a block: SmarterMail user denied list" other no \
	"550 Sender is on user denied list"
verdict "broad rules, not a block: the administrator blocked the domain" other no \
	"550 5.7.1 Your email was rejected because the recipient's administrator has blocked your domain"
# ... and in other languages:
verdict "broad rules, not a block: German unknown recipient" user-unknown no \
	"550 5.1.1 Empfänger unbekannt: bob@example.org"
verdict "broad rules, not a block: German mailbox full" mailbox-full no \
	"552 5.2.2 Postfach voll"
verdict "broad rules, not a block: German sender blocked by the recipient" other no \
	"550 5.7.1 Absender vom Empfänger gesperrt"
verdict "broad rules, not a block: German greylisting" greylist no \
	"451 4.7.1 Graue Liste: bitte später erneut versuchen"
verdict "broad rules, not a block: German spam verdict" content no \
	"550 5.7.1 Nachricht als Spam erkannt und abgelehnt"
verdict "broad rules, not a block: French unknown user" user-unknown no \
	"550 5.1.1 Utilisateur inconnu"
verdict "broad rules, not a block: French mailbox full" mailbox-full no \
	"552 5.2.2 Boîte aux lettres pleine"
verdict "broad rules, not a block: French sender blocked by the recipient" other no \
	"550 5.7.1 Expéditeur bloqué par le destinataire"
verdict "broad rules, not a block: French greylisting" greylist no \
	"451 4.7.1 Liste grise, réessayez plus tard"
verdict "broad rules, not a block: French spam verdict" content no \
	"554 5.7.1 Message refusé : contenu identifié comme spam"
verdict "broad rules, not a block: Spanish unknown user" user-unknown no \
	"550 5.1.1 Usuario desconocido"
verdict "broad rules, not a block: Spanish mailbox full" mailbox-full no \
	"552 5.2.2 Buzón lleno"
verdict "broad rules, not a block: Spanish sender blocked by the recipient" other no \
	"550 5.7.1 Remitente bloqueado por el destinatario"
verdict "broad rules, not a block: Spanish virus" content no \
	"554 5.7.1 Mensaje rechazado por contener virus"
verdict "broad rules, not a block: Italian unknown user" user-unknown no \
	"550 5.1.1 Utente sconosciuto"
verdict "broad rules, not a block: Italian sender blocked by the recipient" other no \
	"550 5.7.1 Mittente bloccato dal destinatario"
verdict "broad rules, not a block: Portuguese sender blocked by the recipient" other no \
	"550 5.7.1 Remetente bloqueado pelo destinatário"
verdict "broad rules, not a block: Portuguese mailbox full" mailbox-full no \
	"552 5.2.2 Caixa postal cheia"
verdict "broad rules, not a block: Polish sender blocked by the recipient" other no \
	"550 5.7.1 Nadawca zablokowany przez odbiorcę"
verdict "broad rules, not a block: Polish mailbox full" mailbox-full no \
	"552 5.2.2 Skrzynka odbiorcy jest pełna"
verdict "broad rules, not a block: Russian sender blocked by the recipient" other no \
	"550 5.7.1 Отправитель заблокирован получателем"
verdict "broad rules, not a block: Russian mailbox full" mailbox-full no \
	"552 5.2.2 Почтовый ящик переполнен"
verdict "broad rules, not a block: Russian greylisting" greylist no \
	"451 4.7.1 Серый список, повторите попытку позже"
verdict "broad rules, not a block: Chinese sender on the recipient's blacklist" other no \
	"550 5.7.1 发件人已被收件人列入黑名单"
verdict "broad rules, not a block: Chinese mailbox full" mailbox-full no \
	"552 5.2.2 收件人邮箱已满"
verdict "broad rules, not a block: Chinese unknown recipient" user-unknown no \
	"550 5.1.1 收件人不存在"
verdict "broad rules, a block: German IP on a block list" blocklist yes \
	"550 5.7.1 Ihre IP-Adresse 192.0.2.1 steht auf einer Sperrliste"
verdict "broad rules, a block: French IP on a black list" blocklist yes \
	"554 5.7.1 Votre adresse IP 192.0.2.1 est sur liste noire"
verdict "broad rules, a block: an IPv6 address blacklisted" blocklist yes \
	"554 5.7.1 Your IPv6 address 2001:db8::25 is blacklisted"
verdict "broad rules, a block: an IPv6 address blocked" blocklist yes \
	"550 5.7.1 Your IPv6 address 2001:db8::25 has been blocked"
verdict "broad rules, a block: messages from an IPv6 address rejected" reputation yes \
	"550 5.7.1 Messages from 2001:db8::25 are rejected for 24 hours"
# The same, in the words the broad rules read (a reason after the block
# words that is one message's, one recipient's, greylisting, TLS, IPv6,
# the receiver's load or a user's own list):
verdict "broad rules, not a block, in the rules' words: Sender domain example.com listed in the recipient's block list" other no \
	"550 5.7.1 Sender domain example.com listed in the recipient's block list"
verdict "broad rules, not a block, in the rules' words: URL www.example.net listed in SURBL" content no \
	"554 5.7.1 URL www.example.net listed in SURBL"
verdict "broad rules, not a block, in the rules' words: HELO mail.example.com listed as forged" ptr no \
	"550 5.7.1 HELO mail.example.com listed as forged"
verdict "broad rules, not a block, in the rules' words: RBL lookup failed, try again later" other no \
	"451 4.7.1 RBL lookup failed, try again later"
verdict "broad rules, not a block, in the rules' words: Greylisted, see https://antispam.example.org/lookup?ip=192.0.2.1" greylist no \
	"450 4.7.1 Greylisted, see https://antispam.example.org/lookup?ip=192.0.2.1"
verdict "broad rules, not a block, in the rules' words: Message rejected: the domain in the message body has a poor reputation" content no \
	"550 5.7.1 Message rejected: the domain in the message body has a poor reputation"
verdict "broad rules, not a block, in the rules' words: Link in message has bad reputation" content no \
	"554 5.7.1 Link in message has bad reputation"
verdict "broad rules, not a block, in the rules' words: The attachment has a low reputation score" content no \
	"550 5.7.1 The attachment has a low reputation score"
verdict "broad rules, not a block, in the rules' words: Greylisted due to sender reputation, try again in 5 minutes" greylist no \
	"450 4.7.1 Greylisted due to sender reputation, try again in 5 minutes"
verdict "broad rules, not a block, in the rules' words: Deferred due to IP reputation: greylisting in effect" greylist no \
	"451 4.7.1 Deferred due to IP reputation: greylisting in effect"
verdict "broad rules, not a block, in the rules' words: Message rejected due to the reputation of a URL in the body" content no \
	"550 5.7.1 Message rejected due to the reputation of a URL in the body"
verdict "broad rules, not a block, in the rules' words: The URL in your message is known as a source of spam" content no \
	"550 5.7.1 The URL in your message is known as a source of spam"
verdict "broad rules, not a block, in the rules' words: Suspicious activity detected on the recipient's account, mailbox locke" user-unknown no \
	"550 5.7.1 Suspicious activity detected on the recipient's account, mailbox locked"
verdict "broad rules, not a block, in the rules' words: Suspicious login activity, authentication failed" other no \
	"535 5.7.8 Suspicious login activity, authentication failed"
verdict "broad rules, not a block, in the rules' words: Host [192.0.2.1] deferred: server too busy, try again later" other no \
	"421 4.7.0 Host [192.0.2.1] deferred: server too busy, try again later"
verdict "broad rules, not a block, in the rules' words: We do not accept mail from your server without TLS" other no \
	"550 5.7.1 We do not accept mail from your server without TLS"
verdict "broad rules, not a block, in the rules' words: We do not accept mail from your IP address over IPv6" other no \
	"550 5.7.1 We do not accept mail from your IP address over IPv6"
verdict "broad rules, not a block, in the rules' words: We do not accept mail from your host: HELO name is invalid" ptr no \
	"550 5.7.1 We do not accept mail from your host: HELO name is invalid"
verdict "broad rules, not a block, in the rules' words: Sender address alice@example.com from IP 192.0.2.1 is on the user's bl" other no \
	"550 5.7.1 Sender address alice@example.com from IP 192.0.2.1 is on the user's blocklist"
verdict "broad rules, not a block, in the rules' words: Message body links to a known spam source listed on SURBL" content no \
	"550 5.7.1 Message body links to a known spam source listed on SURBL"
verdict "broad rules, not a block, in the rules' words: Too much spam in your message" content no \
	"552 5.7.1 Too much spam in your message"
verdict "broad rules, not a block, in the rules' words: Message from IP 192.0.2.1 flagged as spam by the content filter" content no \
	"550 5.7.1 Message from IP 192.0.2.1 flagged as spam by the content filter"
verdict "broad rules, not a block, in the rules' words: IP 192.0.2.1 flagged: spam score 12.4 for this message" content no \
	"550 5.7.1 IP 192.0.2.1 flagged: spam score 12.4 for this message"
verdict "broad rules, not a block, in the rules' words: TLSv1.1 is blocked" other no \
	"554 5.7.1 TLSv1.1 is blocked"
verdict "broad rules, not a block, in the rules' words: IPv6 is blocked" other no \
	"550 5.7.1 IPv6 is blocked"
verdict "broad rules, not a block, in the rules' words: Messages from 192.0.2.1 weren't sent because TLS is required by the re" other no \
	"550 5.7.1 Messages from 192.0.2.1 weren't sent because TLS is required by the recipient domain"
verdict "broad rules, not a block, in the rules' words: Messages from 192.0.2.1 weren't sent: authentication required" other no \
	"550 5.7.1 Messages from 192.0.2.1 weren't sent: authentication required"
verdict "broad rules, not a block, in the rules' words: All server ports are busy" other no \
	"421 4.3.2 All server ports are busy"
verdict "broad rules, not a block, in the rules' words: Throttled: too many messages to this mailbox" rate no \
	"421 4.7.0 Throttled: too many messages to this mailbox"
verdict "broad rules, not a block, in the rules' words: Greylisted: you are being throttled for 300 seconds" greylist no \
	"451 4.7.1 Greylisted: you are being throttled for 300 seconds"
verdict "broad rules, not a block, in the rules' words: Rate limited: the recipient domain receives too many messages" rate no \
	"451 4.7.1 Rate limited: the recipient domain receives too many messages"
verdict "broad rules, not a block, in the rules' words: Messages per session exceeded" rate no \
	"552 5.3.4 Messages per session exceeded"
verdict "broad rules, not a block, in the rules' words: Too many messages per recipient" rate no \
	"550 5.7.1 Too many messages per recipient"
verdict "broad rules, not a block, in the rules' words: Zu viele Nachrichten an diesen Empfänger, bitte später erneut versuche" rate no \
	"451 4.7.1 Zu viele Nachrichten an diesen Empfänger, bitte später erneut versuchen"
verdict "broad rules, not a block, in the rules' words: Trop de messages pour ce destinataire, réessayez plus tard" rate no \
	"451 4.7.1 Trop de messages pour ce destinataire, réessayez plus tard"
verdict "broad rules, not a block, in the rules' words: Server überlastet, zu viele Verbindungen, bitte später erneut versuche" other no \
	"421 4.3.2 Server überlastet, zu viele Verbindungen, bitte später erneut versuchen"
verdict "broad rules, not a block, in the rules' words: IP 192.0.2.1 gesperrt wegen fehlendem PTR-Eintrag" ptr no \
	"550 5.7.1 IP 192.0.2.1 gesperrt wegen fehlendem PTR-Eintrag"
verdict "broad rules, not a block, in the rules' words: Your message contains a domain listed by Spamhaus" content no \
	"554 5.7.1 Your message contains a domain listed by Spamhaus"
verdict "broad rules, not a block, in the rules' words: Message rejected: domain in body listed, see https://www.spamhaus.org/" content no \
	"554 5.7.1 Message rejected: domain in body listed, see https://www.spamhaus.org/query/domain/example.net"
verdict "broad rules, not a block, in the rules' words: Message rejected: a link in the body is listed, see https://www.spamha" content no \
	"554 5.7.1 Message rejected: a link in the body is listed, see https://www.spamhaus.org/query/dbl?domain=example.net"
verdict "broad rules, not a block, in the rules' words: Banned sender alice@example.com by user rule" other no \
	"550 5.7.1 Banned sender alice@example.com by user rule"
verdict "broad rules, not a block, in the rules' words: The sender IP is blocked by the recipient's policy" other no \
	"554 5.7.1 The sender IP is blocked by the recipient's policy"
verdict "broad rules, not a block, in the rules' words: Your mail server is blocked: TLS 1.0 not supported" other no \
	"550 5.7.1 Your mail server is blocked: TLS 1.0 not supported"
verdict "broad rules, not a block, in the rules' words: Access denied: sender domain example.com is blacklisted by the recipie" other no \
	"550 5.7.1 Access denied: sender domain example.com is blacklisted by the recipient organization"
verdict "broad rules, not a block, in the rules' words: Your domain example.com is on the recipient's blacklist" other no \
	"554 5.7.1 Your domain example.com is on the recipient's blacklist"
verdict "broad rules, not a block, in the rules' words: bob@example.org: recipient blacklisted, account closed" user-unknown no \
	"550 5.1.1 bob@example.org: recipient blacklisted, account closed"
verdict "broad rules, not a block, in the rules' words: Message rejected: blacklisted attachment type .exe" content no \
	"550 5.7.1 Message rejected: blacklisted attachment type .exe"
verdict "broad rules, not a block, in the rules' words: Subject contains blacklisted words" content no \
	"550 5.7.1 Subject contains blacklisted words"
verdict "broad rules, not a block, in the rules' words: You are not allowed to send mail from this address" other no \
	"550 5.7.1 You are not allowed to send mail from this address"
verdict "broad rules, not a block, in the rules' words: Rejected: SPF record of example.com does not authorize 192.0.2.1, IP b" auth no \
	"550 5.7.1 Rejected: SPF record of example.com does not authorize 192.0.2.1, IP blocked for this domain"
verdict "broad rules, not a block, in the rules' words: Dynamic IP 192.0.2.1 rejected: no reverse DNS" ptr no \
	"554 5.7.1 Dynamic IP 192.0.2.1 rejected: no reverse DNS"
verdict "broad rules, not a block, in the rules' words: Spam message from 192.0.2.1 rejected" content no \
	"550 5.7.1 Spam message from 192.0.2.1 rejected"
verdict "broad rules, not a block, in the rules' words: Rejected: message from 192.0.2.1 contains spam" content no \
	"550 5.7.1 Rejected: message from 192.0.2.1 contains spam"
verdict "broad rules, not a block, in the rules' words: Message from 192.0.2.1 refused: spam detected" content no \
	"554 5.7.1 Message from 192.0.2.1 refused: spam detected"
verdict "broad rules, not a block, in the rules' words: Service unavailable: too many connections to this server, try later" other no \
	"421 4.7.0 Service unavailable: too many connections to this server, try later"
verdict "broad rules, not a block, in the rules' words: Too many recipients from your IP in this message" rate no \
	"452 4.5.3 Too many recipients from your IP in this message"
verdict "broad rules, not a block, in the rules' words: Your IP 192.0.2.1 is temporarily deferred: the recipient's server is b" other no \
	"450 4.7.1 Your IP 192.0.2.1 is temporarily deferred: the recipient's server is busy"
verdict "broad rules, not a block, in the rules' words: Your IP 192.0.2.1 is blocked by the recipient's administrator" other no \
	"554 5.7.1 Your IP 192.0.2.1 is blocked by the recipient's administrator"
verdict "broad rules, not a block, in the rules' words: IP 192.0.2.1 blocked by user filter" other no \
	"550 5.7.1 IP 192.0.2.1 blocked by user filter"
verdict "broad rules, not a block, in the rules' words: Client host [192.0.2.1] blocked by the recipient's personal block list" other no \
	"554 5.7.1 Client host [192.0.2.1] blocked by the recipient's personal block list"
verdict "broad rules, not a block, in the rules' words: Client host rejected: your IP is blacklisted by the recipient" other no \
	"550 5.7.1 Client host rejected: your IP is blacklisted by the recipient"
verdict "broad rules, not a block, in the rules' words: Rejected: spam from your IP in this message, score 15.0" content no \
	"550 5.7.1 Rejected: spam from your IP in this message, score 15.0"
verdict "broad rules, not a block, in the rules' words: Too many connections, the server is overloaded" other no \
	"421 4.7.0 Too many connections, the server is overloaded"
verdict "broad rules, not a block, in the rules' words: Too many messages in the queue, try again later" other no \
	"451 4.3.0 Too many messages in the queue, try again later"
verdict "broad rules, not a block, in the rules' words: Too many messages from you in this session" rate no \
	"421 4.7.0 Too many messages from you in this session"
# Postfix's DNS-list and access-map wordings for what is not the sender's
# standing (a recipient's domain on a list, an allow list the receiver
# misuses or the recipient keeps, the sender address on an access map):
verdict "broad rules, not a block, Postfix and gateway words: <bob@example.org>: Recipient address rejected: Recipient address [bob@" other no \
	"554 5.7.1 <bob@example.org>: Recipient address rejected: Recipient address [bob@example.org] blocked using dbl.example.net"
verdict "broad rules, not a block, Postfix and gateway words: Service unavailable; Recipient address [bob@example.org] blocked using" other no \
	"554 5.7.1 Service unavailable; Recipient address [bob@example.org] blocked using dbl.spamhaus.org; https://www.spamhaus.org/query/domain/example.org"
verdict "broad rules, not a block, Postfix and gateway words: <unknown[192.0.2.1]>: Client host rejected: Access denied" other no \
	"554 5.7.1 <unknown[192.0.2.1]>: Client host rejected: Access denied"
verdict "broad rules, not a block, Postfix and gateway words: <alice@example.com>: Sender address rejected: Blacklisted" other no \
	"550 5.7.1 <alice@example.com>: Sender address rejected: Blacklisted"
verdict "broad rules, not a block, Postfix and gateway words: <alice@example.com>: Sender address rejected: Blocked due to spam" other no \
	"550 5.7.1 <alice@example.com>: Sender address rejected: Blocked due to spam"
verdict "broad rules, not a block, Postfix and gateway words: <alice@example.com>: Sender address rejected: Your address is blacklis" other no \
	"553 5.7.1 <alice@example.com>: Sender address rejected: Your address is blacklisted here"
verdict "broad rules, not a block, Postfix and gateway words: <bob@example.org>: Recipient address rejected: Blacklisted" other no \
	"550 5.7.1 <bob@example.org>: Recipient address rejected: Blacklisted"
verdict "broad rules, not a block, Postfix and gateway words: Your message can't be delivered because the recipient's organization h" other no \
	"550 5.7.1 Your message can't be delivered because the recipient's organization has blocked your domain"
verdict "broad rules, not a block, Postfix and gateway words: [192.0.2.1] Our system has detected that this message is suspicious du" content no \
	"421 4.7.0 [192.0.2.1] Our system has detected that this message is suspicious due to the nature of the content and/or the links within."
verdict "broad rules, not a block, Postfix and gateway words: [192.0.2.1] Our system has detected that this message is likely unsoli" content no \
	"550 5.7.1 [192.0.2.1] Our system has detected that this message is likely unsolicited mail."
verdict "broad rules, not a block, Postfix and gateway words: Service unavailable, Client host [192.0.2.1] blocked using Customer Bl" other no \
	"550 5.7.1 Service unavailable, Client host [192.0.2.1] blocked using Customer Block list (AS16012607)"
verdict "broad rules, not a block, Postfix and gateway words: Message not accepted for policy reasons. See https://help.yahoo.com/kb" content no \
	"554 5.7.9 Message not accepted for policy reasons. See https://help.yahoo.com/kb/postmaster/SLN7007.html"
verdict "broad rules, not a block, Postfix and gateway words: Service unavailable; Client host [192.0.2.1] blocked using list.dnswl" other no \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using list.dnswl.org; not whitelisted"
verdict "broad rules, not a block, Postfix and gateway words: Client host [192.0.2.1] blocked: not in the recipient's allow list" other no \
	"550 5.7.1 Client host [192.0.2.1] blocked: not in the recipient's allow list"
verdict "broad rules, not a block, Postfix and gateway words: Mail from 192.0.2.1 refused: sender address alice@example.com is black" other no \
	"550 5.7.1 Mail from 192.0.2.1 refused: sender address alice@example.com is blacklisted by the recipient"
verdict "broad rules, not a block, Postfix and gateway words: Client host [192.0.2.1] blocked temporarily: greylisted" greylist no \
	"450 4.7.1 Client host [192.0.2.1] blocked temporarily: greylisted"
verdict "broad rules, not a block, Postfix and gateway words: 192.0.2.1 deferred: too many concurrent connections to this server" other no \
	"421 4.7.0 192.0.2.1 deferred: too many concurrent connections to this server"
verdict "broad rules, not a block, Postfix and gateway words: Service unavailable; Client host [192.0.2.1] blocked using zen.spamhau" other no \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org; Error: open resolver; https://check.spamhaus.org/returnc/pub/203.0.113.9/"
verdict "broad rules, not a block, Postfix and gateway words: Your IP 192.0.2.1 is not on the list of allowed senders for example.or" other no \
	"550 5.7.1 Your IP 192.0.2.1 is not on the list of allowed senders for example.org"
verdict "broad rules, not a block, Postfix and gateway words: This domain accepts mail only from IPs on its allow list; 192.0.2.1 is" other no \
	"550 5.7.1 This domain accepts mail only from IPs on its allow list; 192.0.2.1 is not listed"
verdict "broad rules, not a block, Postfix and gateway words: Client host rejected: cannot find your hostname, [192.0.2.1] is blackl" ptr no \
	"550 5.7.1 Client host rejected: cannot find your hostname, [192.0.2.1] is blacklisted until it has a PTR"
verdict "broad rules, not a block, Postfix and gateway words: Message contains a URL listed in zen.spamhaus.org" content no \
	"550 5.7.1 Message contains a URL listed in zen.spamhaus.org"
verdict "broad rules, a block, Postfix and gateway words: Service unavailable; Sender address [alice@example.com] blocked using" blocklist yes \
	"554 5.7.1 Service unavailable; Sender address [alice@example.com] blocked using dbl.spamhaus.org; https://www.spamhaus.org/query/domain/example.com"
verdict "broad rules, a block, Postfix and gateway words: host [192.0.2.1] is blacklisted by zen.spamhaus.org" blocklist yes \
	"550 5.7.1 host [192.0.2.1] is blacklisted by zen.spamhaus.org"
# In other languages: a server (the receiver's) blocking a message, the
# recipient's own server or list, greylisting, the receiver's load:
verdict "broad rules, not a block, in other languages: Adresse IP 192.0.2.1 bloquée temporairement : greylisting, réessayez d" greylist no \
	"450 4.7.1 Adresse IP 192.0.2.1 bloquée temporairement : greylisting, réessayez dans 5 minutes"
verdict "broad rules, not a block, in other languages: Le serveur du destinataire a bloqué votre adresse d'expéditeur" other no \
	"550 5.7.1 Le serveur du destinataire a bloqué votre adresse d'expéditeur"
verdict "broad rules, not a block, in other languages: Le serveur a bloqué ce message car il contient un virus" content no \
	"550 5.7.1 Le serveur a bloqué ce message car il contient un virus"
verdict "broad rules, not a block, in other languages: El servidor bloqueó el mensaje por contener spam" content no \
	"550 5.7.1 El servidor bloqueó el mensaje por contener spam"
verdict "broad rules, not a block, in other languages: Serwer zablokował wiadomość zawierającą wirusa" content no \
	"550 5.7.1 Serwer zablokował wiadomość zawierającą wirusa"
verdict "broad rules, not a block, in other languages: Der Server hat die Nachricht blockiert, da sie Spam enthält" content no \
	"550 5.7.1 Der Server hat die Nachricht blockiert, da sie Spam enthält"
verdict "broad rules, not a block, in other languages: Ihre IP 192.0.2.1 ist vorübergehend gesperrt (Greylisting), bitte spät" greylist no \
	"450 4.7.1 Ihre IP 192.0.2.1 ist vorübergehend gesperrt (Greylisting), bitte später erneut versuchen"
verdict "broad rules, not a block, in other languages: Сервер заблокировал сообщение: обнаружен вирус" content no \
	"550 5.7.1 Сервер заблокировал сообщение: обнаружен вирус"
verdict "broad rules, not a block, in other languages: IP 192.0.2.1 被列入灰名单，请稍后重试" greylist no \
	"450 4.7.1 IP 192.0.2.1 被列入灰名单，请稍后重试"
verdict "broad rules, not a block, in other languages: Votre serveur n'a pas d'enregistrement PTR, connexion bloquée" ptr no \
	"550 5.7.1 Votre serveur n'a pas d'enregistrement PTR, connexion bloquée"
verdict "broad rules, not a block, in other languages: Der Empfänger hat Ihre Absenderadresse gesperrt" other no \
	"550 5.7.1 Der Empfänger hat Ihre Absenderadresse gesperrt"
verdict "broad rules, not a block, in other languages: Das Postfach des Empfängers ist gesperrt" user-unknown no \
	"550 5.1.1 Das Postfach des Empfängers ist gesperrt"
verdict "broad rules, not a block, in other languages: La boîte aux lettres du destinataire est bloquée" user-unknown no \
	"550 5.2.1 La boîte aux lettres du destinataire est bloquée"
verdict "broad rules, not a block, in other languages: Postfach des Empfängers ist voll, Server lehnt weitere Nachrichten ab" mailbox-full no \
	"552 5.2.2 Postfach des Empfängers ist voll, Server lehnt weitere Nachrichten ab"
verdict "broad rules, not a block, in other languages: Zu viele Empfänger für diese Nachricht" rate no \
	"452 4.5.3 Zu viele Empfänger für diese Nachricht"
verdict "broad rules, not a block, in other languages: Trop de destinataires pour ce message" rate no \
	"452 4.5.3 Trop de destinataires pour ce message"
verdict "broad rules, not a block, in other languages: Serveur surchargé, trop de connexions, réessayez plus tard" other no \
	"421 4.3.2 Serveur surchargé, trop de connexions, réessayez plus tard"
verdict "broad rules, not a block, in other languages: Servidor sobrecargado, demasiadas conexiones, inténtelo más tarde" other no \
	"421 4.3.2 Servidor sobrecargado, demasiadas conexiones, inténtelo más tarde"
verdict "broad rules, not a block, in other languages: SPF-Prüfung fehlgeschlagen: IP 192.0.2.1 ist für example.com nicht erl" auth no \
	"550 5.7.1 SPF-Prüfung fehlgeschlagen: IP 192.0.2.1 ist für example.com nicht erlaubt, gesperrt"
verdict "broad rules, not a block, in other languages: Ihre IP-Adresse 192.0.2.1 steht auf der Sperrliste des Empfängers" other no \
	"550 5.7.1 Ihre IP-Adresse 192.0.2.1 steht auf der Sperrliste des Empfängers"
verdict "broad rules, a block, in other languages: IP-Adresse 192.0.2.1 wurde gesperrt" blocklist yes \
	"550 5.7.1 IP-Adresse 192.0.2.1 wurde gesperrt"
verdict "broad rules, a block, in other languages: Zu viele Verbindungen von Ihrer IP 192.0.2.1, bitte später erneut vers" rate yes \
	"421 4.7.0 Zu viele Verbindungen von Ihrer IP 192.0.2.1, bitte später erneut versuchen"
# Words of the broad rules (dynamic, throttled, credits, suspicious, a
# list of hosts) in replies about something else:
verdict "broad rules, not a block, other subjects: This dynamic address has expired" user-unknown no \
	"550 5.1.1 This dynamic address has expired"
verdict "broad rules, not a block, other subjects: Transient address lookup failure for example.org, try again later" other no \
	"451 4.4.3 Transient address lookup failure for example.org, try again later"
verdict "broad rules, not a block, other subjects: <alice@example.com>: Sender address rejected: spammer address on the u" other no \
	"550 5.7.1 <alice@example.com>: Sender address rejected: spammer address on the user's blacklist"
verdict "broad rules, not a block, other subjects: Unusual traffic on our network, please try again later" other no \
	"421 4.7.0 Unusual traffic on our network, please try again later"
verdict "broad rules, not a block, other subjects: Message flagged as suspicious activity by the content filter" content no \
	"550 5.7.1 Message flagged as suspicious activity by the content filter"
verdict "broad rules, not a block, other subjects: The receiving server is throttled, please try again later" other no \
	"451 4.7.1 The receiving server is throttled, please try again later"
verdict "broad rules, not a block, other subjects: Your account credits are exhausted; log in to the web portal to buy mo" other no \
	"550 5.7.1 Your account credits are exhausted; log in to the web portal to buy more"
verdict "broad rules, not a block, other subjects: Mailbox bob@example.org throttled: receiving too many messages" rate no \
	"452 4.2.1 Mailbox bob@example.org throttled: receiving too many messages"
verdict "broad rules, not a block, other subjects: Message contains a domain found on a blocklist" content no \
	"550 5.7.1 Message contains a domain found on a blocklist"
verdict "broad rules, not a block, other subjects: Message rejected: link to a host on our blacklist" content no \
	"550 5.7.1 Message rejected: link to a host on our blacklist"
verdict "broad rules, not a block, other subjects: Server [192.0.2.1] blacklisted recipient address bob@example.org" other no \
	"550 5.7.1 Server [192.0.2.1] blacklisted recipient address bob@example.org"
verdict "broad rules, not a block, other subjects: Host 192.0.2.1 found on a blocklist of hosts without reverse DNS" ptr no \
	"550 5.7.1 Host 192.0.2.1 found on a blocklist of hosts without reverse DNS"
verdict "broad rules, not a block, other subjects: Your mail server's IP is not in the SPF record and is blocked from sen" auth no \
	"550 5.7.1 Your mail server's IP is not in the SPF record and is blocked from sending as example.com"
verdict "broad rules, not a block, other subjects: Your server has exceeded the maximum number of connections to this rec" other no \
	"421 4.7.0 Your server has exceeded the maximum number of connections to this recipient"
# The sending host refused or limited for a reason the reply gives after
# the refusal (TLS, PTR, IPv6, authentication, the receiver's maintenance or
# load, the recipient's own rules):
verdict "broad rules, not a block, host refused with a reason: Connection from 192.0.2.1 rejected: TLS required" other no \
	"550 5.7.1 Connection from 192.0.2.1 rejected: TLS required"
verdict "broad rules, not a block, host refused with a reason: Connection from 192.0.2.1 rejected: no PTR" ptr no \
	"550 5.7.1 Connection from 192.0.2.1 rejected: no PTR"
verdict "broad rules, not a block, host refused with a reason: Connection from 192.0.2.1 refused: IPv6 not supported" other no \
	"554 5.7.1 Connection from 192.0.2.1 refused: IPv6 not supported"
verdict "broad rules, not a block, host refused with a reason: Your host is not allowed to connect without authentication" other no \
	"550 5.7.1 Your host is not allowed to connect without authentication"
verdict "broad rules, not a block, host refused with a reason: Connections from your host are refused during maintenance" other no \
	"421 4.7.0 Connections from your host are refused during maintenance"
verdict "broad rules, not a block, host refused with a reason: Connections from your host are refused: server overloaded" other no \
	"421 4.7.0 Connections from your host are refused: server overloaded"
verdict "broad rules, not a block, host refused with a reason: Try again later from [192.0.2.1]: greylisted" greylist no \
	"451 4.7.1 Try again later from [192.0.2.1]: greylisted"
verdict "broad rules, not a block, host refused with a reason: Access to this server is denied for your IP: authentication required" other no \
	"554 5.7.1 Access to this server is denied for your IP: authentication required"
verdict "broad rules, not a block, host refused with a reason: Rejected by local policy for your IP: relaying denied" relay-denied no \
	"550 5.7.1 Rejected by local policy for your IP: relaying denied"
verdict "broad rules, not a block, host refused with a reason: Rejected due to local policy for your IP address: use port 587" other no \
	"550 5.7.1 Rejected due to local policy for your IP address: use port 587"
verdict "broad rules, not a block, host refused with a reason: IP 192.0.2.1 flagged for spam content in this message" content no \
	"550 5.7.1 IP 192.0.2.1 flagged for spam content in this message"
verdict "broad rules, not a block, host refused with a reason: Service not available for your IP address: the server is shutting down" other no \
	"421 4.7.0 Service not available for your IP address: the server is shutting down"
verdict "broad rules, not a block, host refused with a reason: 192.0.2.1 access denied: TLS handshake failed" other no \
	"554 5.7.1 192.0.2.1 access denied: TLS handshake failed"
verdict "broad rules, not a block, host refused with a reason: Too many connections from all hosts, server busy" other no \
	"421 4.3.2 Too many connections from all hosts, server busy"
verdict "broad rules, not a block, host refused with a reason: Too many connections from your IP for this recipient" rate no \
	"421 4.7.0 Too many connections from your IP for this recipient"
verdict "broad rules, not a block, host refused with a reason: Sender blocked by recipient's allow-list policy" other no \
	"550 5.7.1 Sender blocked by recipient's allow-list policy"
verdict "broad rules, not a block, host refused with a reason: Access denied for 192.0.2.1: sender address alice@example.com is not a" other no \
	"550 5.7.1 Access denied for 192.0.2.1: sender address alice@example.com is not allowed to send to this list"
verdict "broad rules, not a block, host refused with a reason: Your IP 192.0.2.1 is temporarily restricted: server under maintenance" other no \
	"421 4.7.1 Your IP 192.0.2.1 is temporarily restricted: server under maintenance"
verdict "broad rules, not a block, host refused with a reason: Rejected: 192.0.2.1 is not in the list of hosts allowed to send for ex" other no \
	"554 5.7.1 Rejected: 192.0.2.1 is not in the list of hosts allowed to send for example.org (tenant connector)"
# The sending IP refused for the country or region it is in (a geographical
# block: the receiver's list of networks by country, a block), and the same
# words for a PTR name, a login, a recipient's or an organisation's own
# setting, greylisting or a message's charset (not blocks).
verdict "geographical location" blocklist yes "550 5.7.1 Rejected based on geographical location"
verdict "country not allowed to connect" blocklist yes "550 Your country is not allowed to connect to this server."
verdict "connection from IP (country code) rejected" blocklist yes "501 Connection from 198.51.100.7 (CN) rejected"
verdict "sender rejected GeoIP" blocklist yes "550 5.1.0 <alice@example.cz> sender rejected GeoIP example.cz:203.0.113.29:CN"
verdict "mail from your country not accepted" blocklist yes "554 5.7.1 Access denied: mail from your country is not accepted"
verdict "IP in a blocked country" blocklist yes "550 Your IP address 192.0.2.1 is in a blocked country (RU)"
verdict "country list named by its zone" blocklist yes \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using ee.countries.nerd.dk; Your IP is in ee, rejected based on geographical location"
verdict "mail from your location not accepted" blocklist yes \
	"553 sorry, mail from your location is not accepted here (#5.7.1)"
verdict "look-alike of shapes15-geo-refused: no such domain at this location" relay-denied no \
	"550 No such domain at this location (recipient@example.net)"
verdict "look-alike of shapes15-geo-refused: a login from your location" other no \
	"550 5.7.1 Login from your location is not allowed"
verdict "look-alike of shapes15-geo-refused: a country code in the PTR name" ptr no \
	"554 Refused. Your reverse DNS entry contains your IP address and a country code."
verdict "look-alike of shapes15-geo-refused: the recipient's own setting" other no \
	"550 5.7.1 Recipient does not accept mail from your country"
verdict "look-alike of shapes15-geo-refused: a login from abroad" other no "535 5.7.8 Login from your country is not allowed"
verdict "look-alike of shapes15-geo-refused: the recipient organisation's policy" other no \
	"550 5.7.1 Your country is blocked by the recipient organization's policy"
verdict "look-alike of shapes15-geo-refused: greylisting by country" greylist no \
	"451 4.7.1 Greylisted: connections from your country are delayed, try again in 5 minutes"
verdict "look-alike of shapes15-geo-refused: SPF naming a country" auth no \
	"550 5.7.1 SPF fail: the sending IP is not permitted for this domain from your country"
verdict "look-alike of shapes15-geo-refused: a HELO name's country code" ptr no \
	"550 5.7.1 HELO name rejected: country code domain not allowed"
verdict "look-alike of shapes15-geo-refused: a DMARC policy naming a country" auth no \
	"550 5.7.1 DMARC policy of the sender's domain rejects mail from your country"
verdict "look-alike of shapes15-geo-refused: the receiver busy" other no \
	"421 4.7.0 Server busy: connections from your country are temporarily refused"
verdict "look-alike of shapes15-geo-refused: a message's charset" content no \
	"550 5.7.1 Message rejected: charset of a blocked country"

# A bare "Mail rejected" / "Mail refused" (a code, perhaps a session id,
# nothing after): the mail refused without naming the message or a cause
# (other, README); words after it decide.
verdict "bare mail rejected under 5.7.1" other no "550 5.7.1 Mail rejected"
verdict "bare mail refused with a period" other no "554 Mail refused."
verdict "bare mail rejected after a session id" other no "550 3fa2b1c9d0e-4c1a Mail rejected"
verdict "look-alike of shapes15-mail-rejected-bare: spam detected" content no "550 5.7.1 Spam Detected - Mail Rejected."
verdict "look-alike of shapes15-mail-rejected-bare: message rejected" content no "550 Message rejected"
verdict "block like shapes15-mail-rejected-bare: IP blacklisted" blocklist yes \
	"550 Mail rejected: your IP 192.0.2.1 is blacklisted"
verdict "block like shapes15-mail-rejected-bare: IP reputation" reputation yes \
	"550 Mail rejected due to sender IP reputation"

# "553 NAME does not exist", a domain name alone: the sender's own domain
# (other, README: SoftBank), not a recipient address.
verdict "553 domain does not exist" other no "553 mail.example.jp does not exist"
verdict "look-alike of shapes15-domain-does-not-exist: an address" user-unknown no "553 <bob@example.jp> does not exist"
verdict "look-alike of shapes15-domain-does-not-exist: a recipient" user-unknown no \
	"550 5.1.1 <bob@example.org>: Recipient address rejected: User does not exist"
verdict "block like shapes15-domain-does-not-exist: a name blocked" blocklist yes "553 example.net is blocked"

# "Bad address syntax" (RFC 3463 X.1.3, the destination address), not the
# sender's address syntax.
verdict "bad address syntax" user-unknown no "501 Bad address syntax"
verdict "bad address syntax with a help link" user-unknown no "501 Bad address syntax. http://help.example.com/cgi-bin/help?id=1000730"
verdict "look-alike of shapes15-bad-address-syntax: the sender's" other no "501 5.1.7 Bad sender address syntax"
verdict "look-alike of shapes15-bad-address-syntax: in MAIL FROM" other no "501 Bad address syntax in MAIL FROM"
verdict "block like shapes15-bad-address-syntax: bad sender IP" reputation yes "554 5.7.1 Bad sender IP 192.0.2.1"
# Default replies of Postfix, postscreen, Exim, Sendmail, qmail and Haraka
# that use refusal words, and their list and rate refusals beside them:
verdict "broad rules, not a block, MTA defaults: <alice@example.com>: Sender address rejected: Access denied" other no \
	"554 5.7.1 <alice@example.com>: Sender address rejected: Access denied"
verdict "broad rules, not a block, MTA defaults: <mail.example.com>: Helo command rejected: Access denied" ptr no \
	"554 5.7.1 <mail.example.com>: Helo command rejected: Access denied"
verdict "broad rules, not a block, MTA defaults: <unknown[192.0.2.1]>: Client host rejected: Improper use of SMTP comma" other no \
	"554 5.5.1 <unknown[192.0.2.1]>: Client host rejected: Improper use of SMTP command pipelining"
verdict "broad rules, not a block, MTA defaults: <bob@example.org>: Data command rejected: Multi-recipient bounce" other no \
	"550 5.5.0 <bob@example.org>: Data command rejected: Multi-recipient bounce"
verdict "broad rules, not a block, MTA defaults: <alice@example.com>: Sender address rejected: Malformed DNS server rep" other no \
	"450 4.1.8 <alice@example.com>: Sender address rejected: Malformed DNS server reply"
verdict "broad rules, not a block, MTA defaults: Service currently unavailable" other no \
	"450 4.3.2 Service currently unavailable"
verdict "broad rules, not a block, MTA defaults: SMTP incoming data timeout - closing connection" other no \
	"421 SMTP incoming data timeout - closing connection."
verdict "broad rules, not a block, MTA defaults: Temporary local problem - please try later" other no \
	"451 Temporary local problem - please try later"
verdict "broad rules, not a block, MTA defaults: Too many syntax or protocol errors" other no \
	"550 Too many syntax or protocol errors"
verdict "broad rules, not a block, MTA defaults: SMTP synchronization error" other no \
	"554 SMTP synchronization error"
verdict "broad rules, not a block, MTA defaults: qq temporary problem (#4.3.0)" other no \
	"451 qq temporary problem (#4.3.0)"
verdict "broad rules, not a block, MTA defaults: Domain of sender address alice@example.com does not resolve" other no \
	"451 4.1.8 Domain of sender address alice@example.com does not resolve"
verdict "broad rules, not a block, MTA defaults: Your message was rejected because it contained a blocked attachment" content no \
	"554 5.7.1 Your message was rejected because it contained a blocked attachment"
verdict "broad rules, not a block, MTA defaults: Delivery not authorized" other no \
	"550 5.7.1 Delivery not authorized"
verdict "broad rules, not a block, MTA defaults: mx.example.org Error: timeout exceeded after END-OF-MESSAGE from unkno" other no \
	"421 4.4.2 mx.example.org Error: timeout exceeded after END-OF-MESSAGE from unknown[192.0.2.1]"
verdict "broad rules, not a block, MTA defaults: mx.example.org Error: too many errors after RCPT from unknown[192.0.2" other no \
	"421 4.7.0 mx.example.org Error: too many errors after RCPT from unknown[192.0.2.1]"
verdict "broad rules, a block, MTA defaults: Connection rate limit exceeded" rate yes \
	"421 4.3.2 Connection rate limit exceeded."
verdict "broad rules, a block, MTA defaults: Too many open connections" rate yes \
	"421 4.3.2 Too many open connections."
verdict "broad rules, a block, MTA defaults: host [192.0.2.1] is listed by zen.spamhaus.org" blocklist yes \
	"550 5.7.1 host [192.0.2.1] is listed by zen.spamhaus.org"
verdict "broad rules, a block, MTA defaults: Rejected: 192.0.2.1 listed at zen.spamhaus.org" blocklist yes \
	"550 5.7.1 Rejected: 192.0.2.1 listed at zen.spamhaus.org"
# The sending IP refused in the usual words (blocked, blacklisted, banned,
# refused, deferred, listed) with the reason after them: not a block when
# the reason is the sender's configuration, one recipient or message, the
# receiver's own state or a recipient's list; a block when it is its
# standing (complaints, a list, reputation, spam sent, volume).
verdict "broad rules, not a block, reason after the block words: Your IP 192.0.2.1 is blocked: no PTR record for your IP" ptr no \
	"550 5.7.1 Your IP 192.0.2.1 is blocked: no PTR record for your IP"
verdict "broad rules, not a block, reason after the block words: Your IP 192.0.2.1 is blocked: reverse DNS lookup failed" ptr no \
	"550 5.7.1 Your IP 192.0.2.1 is blocked: reverse DNS lookup failed"
verdict "broad rules, not a block, reason after the block words: Your IP 192.0.2.1 is blocked: HELO name is not a fully qualified domain name" ptr no \
	"550 5.7.1 Your IP 192.0.2.1 is blocked: HELO name is not a fully qualified domain name"
verdict "broad rules, not a block, reason after the block words: Your IP 192.0.2.1 is blocked: SPF check failed for example.com" auth no \
	"550 5.7.1 Your IP 192.0.2.1 is blocked: SPF check failed for example.com"
verdict "broad rules, not a block, reason after the block words: Your IP 192.0.2.1 is blocked: message fails DMARC policy of example.com" auth no \
	"550 5.7.1 Your IP 192.0.2.1 is blocked: message fails DMARC policy of example.com"
verdict "broad rules, not a block, reason after the block words: Your IP 192.0.2.1 is blocked: greylisted, please try again in 5 minutes" greylist no \
	"550 5.7.1 Your IP 192.0.2.1 is blocked: greylisted, please try again in 5 minutes"
verdict "broad rules, not a block, reason after the block words: Your IP 192.0.2.1 is blocked: recipient mailbox is full" mailbox-full no \
	"550 5.7.1 Your IP 192.0.2.1 is blocked: recipient mailbox is full"
verdict "broad rules, not a block, reason after the block words: Your IP 192.0.2.1 is blocked: user unknown" user-unknown no \
	"550 5.7.1 Your IP 192.0.2.1 is blocked: user unknown"
verdict "broad rules, not a block, reason after the block words: Your IP 192.0.2.1 is blocked: message size exceeds the limit" size no \
	"550 5.7.1 Your IP 192.0.2.1 is blocked: message size exceeds the limit"
verdict "broad rules, not a block, reason after the block words: Your IP 192.0.2.1 is blocked: message contains a virus" content no \
	"550 5.7.1 Your IP 192.0.2.1 is blocked: message contains a virus"
verdict "broad rules, not a block, reason after the block words: Your IP 192.0.2.1 is blocked: TLS is required" other no \
	"550 5.7.1 Your IP 192.0.2.1 is blocked: TLS is required"
verdict "broad rules, not a block, reason after the block words: Your IP 192.0.2.1 is blocked: authentication required" other no \
	"550 5.7.1 Your IP 192.0.2.1 is blocked: authentication required"
verdict "broad rules, not a block, reason after the block words: Your IP 192.0.2.1 is blocked: relaying denied" relay-denied no \
	"550 5.7.1 Your IP 192.0.2.1 is blocked: relaying denied"
verdict "broad rules, not a block, reason after the block words: Your IP 192.0.2.1 is blocked: IPv6 is not supported" other no \
	"550 5.7.1 Your IP 192.0.2.1 is blocked: IPv6 is not supported"
verdict "broad rules, not a block, reason after the block words: Your IP 192.0.2.1 is blocked: server is busy, try again later" other no \
	"550 5.7.1 Your IP 192.0.2.1 is blocked: server is busy, try again later"
verdict "broad rules, not a block, reason after the block words: Your IP 192.0.2.1 is blocked: server under maintenance" other no \
	"550 5.7.1 Your IP 192.0.2.1 is blocked: server under maintenance"
verdict "broad rules, not a block, reason after the block words: Your IP 192.0.2.1 is blocked: sender is on the recipient's block list" other no \
	"550 5.7.1 Your IP 192.0.2.1 is blocked: sender is on the recipient's block list"
verdict "broad rules, not a block, reason after the block words: Your IP 192.0.2.1 is blocked: DNSBL lookup timed out" other no \
	"550 5.7.1 Your IP 192.0.2.1 is blocked: DNSBL lookup timed out"
verdict "broad rules, not a block, reason after the block words: Client host [192.0.2.1] blocked: no PTR record for your IP" ptr no \
	"554 5.7.1 Client host [192.0.2.1] blocked: no PTR record for your IP"
verdict "broad rules, not a block, reason after the block words: Client host [192.0.2.1] blocked: reverse DNS lookup failed" ptr no \
	"554 5.7.1 Client host [192.0.2.1] blocked: reverse DNS lookup failed"
verdict "broad rules, not a block, reason after the block words: Client host [192.0.2.1] blocked: HELO name is not a fully qualified domain name" ptr no \
	"554 5.7.1 Client host [192.0.2.1] blocked: HELO name is not a fully qualified domain name"
verdict "broad rules, not a block, reason after the block words: Client host [192.0.2.1] blocked: SPF check failed for example.com" auth no \
	"554 5.7.1 Client host [192.0.2.1] blocked: SPF check failed for example.com"
verdict "broad rules, not a block, reason after the block words: Client host [192.0.2.1] blocked: message fails DMARC policy of example.com" auth no \
	"554 5.7.1 Client host [192.0.2.1] blocked: message fails DMARC policy of example.com"
verdict "broad rules, not a block, reason after the block words: Client host [192.0.2.1] blocked: greylisted, please try again in 5 minutes" greylist no \
	"554 5.7.1 Client host [192.0.2.1] blocked: greylisted, please try again in 5 minutes"
verdict "broad rules, not a block, reason after the block words: Client host [192.0.2.1] blocked: recipient mailbox is full" mailbox-full no \
	"554 5.7.1 Client host [192.0.2.1] blocked: recipient mailbox is full"
verdict "broad rules, not a block, reason after the block words: Client host [192.0.2.1] blocked: user unknown" user-unknown no \
	"554 5.7.1 Client host [192.0.2.1] blocked: user unknown"
verdict "broad rules, not a block, reason after the block words: Client host [192.0.2.1] blocked: message size exceeds the limit" size no \
	"554 5.7.1 Client host [192.0.2.1] blocked: message size exceeds the limit"
verdict "broad rules, not a block, reason after the block words: Client host [192.0.2.1] blocked: message contains a virus" content no \
	"554 5.7.1 Client host [192.0.2.1] blocked: message contains a virus"
verdict "broad rules, not a block, reason after the block words: Client host [192.0.2.1] blocked: TLS is required" other no \
	"554 5.7.1 Client host [192.0.2.1] blocked: TLS is required"
verdict "broad rules, not a block, reason after the block words: Client host [192.0.2.1] blocked: authentication required" other no \
	"554 5.7.1 Client host [192.0.2.1] blocked: authentication required"
verdict "broad rules, not a block, reason after the block words: Client host [192.0.2.1] blocked: relaying denied" relay-denied no \
	"554 5.7.1 Client host [192.0.2.1] blocked: relaying denied"
verdict "broad rules, not a block, reason after the block words: Client host [192.0.2.1] blocked: IPv6 is not supported" other no \
	"554 5.7.1 Client host [192.0.2.1] blocked: IPv6 is not supported"
verdict "broad rules, not a block, reason after the block words: Client host [192.0.2.1] blocked: server is busy, try again later" other no \
	"554 5.7.1 Client host [192.0.2.1] blocked: server is busy, try again later"
verdict "broad rules, not a block, reason after the block words: Client host [192.0.2.1] blocked: server under maintenance" other no \
	"554 5.7.1 Client host [192.0.2.1] blocked: server under maintenance"
verdict "broad rules, not a block, reason after the block words: Client host [192.0.2.1] blocked: sender is on the recipient's block list" other no \
	"554 5.7.1 Client host [192.0.2.1] blocked: sender is on the recipient's block list"
verdict "broad rules, not a block, reason after the block words: Client host [192.0.2.1] blocked: DNSBL lookup timed out" other no \
	"554 5.7.1 Client host [192.0.2.1] blocked: DNSBL lookup timed out"
verdict "broad rules, not a block, reason after the block words: Mail from 192.0.2.1 refused: no PTR record for your IP" ptr no \
	"550 5.7.1 Mail from 192.0.2.1 refused: no PTR record for your IP"
verdict "broad rules, not a block, reason after the block words: Mail from 192.0.2.1 refused: reverse DNS lookup failed" ptr no \
	"550 5.7.1 Mail from 192.0.2.1 refused: reverse DNS lookup failed"
verdict "broad rules, not a block, reason after the block words: Mail from 192.0.2.1 refused: HELO name is not a fully qualified domain name" ptr no \
	"550 5.7.1 Mail from 192.0.2.1 refused: HELO name is not a fully qualified domain name"
verdict "broad rules, not a block, reason after the block words: Mail from 192.0.2.1 refused: SPF check failed for example.com" auth no \
	"550 5.7.1 Mail from 192.0.2.1 refused: SPF check failed for example.com"
verdict "broad rules, not a block, reason after the block words: Mail from 192.0.2.1 refused: message fails DMARC policy of example.com" auth no \
	"550 5.7.1 Mail from 192.0.2.1 refused: message fails DMARC policy of example.com"
verdict "broad rules, not a block, reason after the block words: Mail from 192.0.2.1 refused: greylisted, please try again in 5 minutes" greylist no \
	"550 5.7.1 Mail from 192.0.2.1 refused: greylisted, please try again in 5 minutes"
verdict "broad rules, not a block, reason after the block words: Mail from 192.0.2.1 refused: recipient mailbox is full" mailbox-full no \
	"550 5.7.1 Mail from 192.0.2.1 refused: recipient mailbox is full"
verdict "broad rules, not a block, reason after the block words: Mail from 192.0.2.1 refused: user unknown" user-unknown no \
	"550 5.7.1 Mail from 192.0.2.1 refused: user unknown"
verdict "broad rules, not a block, reason after the block words: Mail from 192.0.2.1 refused: message size exceeds the limit" size no \
	"550 5.7.1 Mail from 192.0.2.1 refused: message size exceeds the limit"
verdict "broad rules, not a block, reason after the block words: Mail from 192.0.2.1 refused: message contains a virus" content no \
	"550 5.7.1 Mail from 192.0.2.1 refused: message contains a virus"
verdict "broad rules, not a block, reason after the block words: Mail from 192.0.2.1 refused: TLS is required" other no \
	"550 5.7.1 Mail from 192.0.2.1 refused: TLS is required"
verdict "broad rules, not a block, reason after the block words: Mail from 192.0.2.1 refused: authentication required" other no \
	"550 5.7.1 Mail from 192.0.2.1 refused: authentication required"
verdict "broad rules, not a block, reason after the block words: Mail from 192.0.2.1 refused: relaying denied" relay-denied no \
	"550 5.7.1 Mail from 192.0.2.1 refused: relaying denied"
verdict "broad rules, not a block, reason after the block words: Mail from 192.0.2.1 refused: IPv6 is not supported" other no \
	"550 5.7.1 Mail from 192.0.2.1 refused: IPv6 is not supported"
verdict "broad rules, not a block, reason after the block words: Mail from 192.0.2.1 refused: server is busy, try again later" other no \
	"550 5.7.1 Mail from 192.0.2.1 refused: server is busy, try again later"
verdict "broad rules, not a block, reason after the block words: Mail from 192.0.2.1 refused: server under maintenance" other no \
	"550 5.7.1 Mail from 192.0.2.1 refused: server under maintenance"
verdict "broad rules, not a block, reason after the block words: Mail from 192.0.2.1 refused: sender is on the recipient's block list" other no \
	"550 5.7.1 Mail from 192.0.2.1 refused: sender is on the recipient's block list"
verdict "broad rules, not a block, reason after the block words: Mail from 192.0.2.1 refused: DNSBL lookup timed out" other no \
	"550 5.7.1 Mail from 192.0.2.1 refused: DNSBL lookup timed out"
verdict "broad rules, not a block, reason after the block words: 192.0.2.1 is blacklisted: no PTR record for your IP" ptr no \
	"554 5.7.1 192.0.2.1 is blacklisted: no PTR record for your IP"
verdict "broad rules, not a block, reason after the block words: 192.0.2.1 is blacklisted: reverse DNS lookup failed" ptr no \
	"554 5.7.1 192.0.2.1 is blacklisted: reverse DNS lookup failed"
verdict "broad rules, not a block, reason after the block words: 192.0.2.1 is blacklisted: HELO name is not a fully qualified domain name" ptr no \
	"554 5.7.1 192.0.2.1 is blacklisted: HELO name is not a fully qualified domain name"
verdict "broad rules, not a block, reason after the block words: 192.0.2.1 is blacklisted: SPF check failed for example.com" auth no \
	"554 5.7.1 192.0.2.1 is blacklisted: SPF check failed for example.com"
verdict "broad rules, not a block, reason after the block words: 192.0.2.1 is blacklisted: message fails DMARC policy of example.com" auth no \
	"554 5.7.1 192.0.2.1 is blacklisted: message fails DMARC policy of example.com"
verdict "broad rules, not a block, reason after the block words: 192.0.2.1 is blacklisted: greylisted, please try again in 5 minutes" greylist no \
	"554 5.7.1 192.0.2.1 is blacklisted: greylisted, please try again in 5 minutes"
verdict "broad rules, not a block, reason after the block words: 192.0.2.1 is blacklisted: recipient mailbox is full" mailbox-full no \
	"554 5.7.1 192.0.2.1 is blacklisted: recipient mailbox is full"
verdict "broad rules, not a block, reason after the block words: 192.0.2.1 is blacklisted: user unknown" user-unknown no \
	"554 5.7.1 192.0.2.1 is blacklisted: user unknown"
verdict "broad rules, not a block, reason after the block words: 192.0.2.1 is blacklisted: message size exceeds the limit" size no \
	"554 5.7.1 192.0.2.1 is blacklisted: message size exceeds the limit"
verdict "broad rules, not a block, reason after the block words: 192.0.2.1 is blacklisted: TLS is required" other no \
	"554 5.7.1 192.0.2.1 is blacklisted: TLS is required"
verdict "broad rules, not a block, reason after the block words: 192.0.2.1 is blacklisted: authentication required" other no \
	"554 5.7.1 192.0.2.1 is blacklisted: authentication required"
verdict "broad rules, not a block, reason after the block words: 192.0.2.1 is blacklisted: relaying denied" relay-denied no \
	"554 5.7.1 192.0.2.1 is blacklisted: relaying denied"
verdict "broad rules, not a block, reason after the block words: 192.0.2.1 is blacklisted: IPv6 is not supported" other no \
	"554 5.7.1 192.0.2.1 is blacklisted: IPv6 is not supported"
verdict "broad rules, not a block, reason after the block words: 192.0.2.1 is blacklisted: server is busy, try again later" other no \
	"554 5.7.1 192.0.2.1 is blacklisted: server is busy, try again later"
verdict "broad rules, not a block, reason after the block words: 192.0.2.1 is blacklisted: server under maintenance" other no \
	"554 5.7.1 192.0.2.1 is blacklisted: server under maintenance"
verdict "broad rules, not a block, reason after the block words: 192.0.2.1 is blacklisted: sender is on the recipient's block list" other no \
	"554 5.7.1 192.0.2.1 is blacklisted: sender is on the recipient's block list"
verdict "broad rules, not a block, reason after the block words: 192.0.2.1 is blacklisted: DNSBL lookup timed out" other no \
	"554 5.7.1 192.0.2.1 is blacklisted: DNSBL lookup timed out"
verdict "broad rules, not a block, reason after the block words: Connection from 192.0.2.1 denied: no PTR record for your IP" ptr no \
	"550 5.7.1 Connection from 192.0.2.1 denied: no PTR record for your IP"
verdict "broad rules, not a block, reason after the block words: Connection from 192.0.2.1 denied: reverse DNS lookup failed" ptr no \
	"550 5.7.1 Connection from 192.0.2.1 denied: reverse DNS lookup failed"
verdict "broad rules, not a block, reason after the block words: Connection from 192.0.2.1 denied: HELO name is not a fully qualified domain name" ptr no \
	"550 5.7.1 Connection from 192.0.2.1 denied: HELO name is not a fully qualified domain name"
verdict "broad rules, not a block, reason after the block words: Connection from 192.0.2.1 denied: SPF check failed for example.com" auth no \
	"550 5.7.1 Connection from 192.0.2.1 denied: SPF check failed for example.com"
verdict "broad rules, not a block, reason after the block words: Connection from 192.0.2.1 denied: message fails DMARC policy of example.com" auth no \
	"550 5.7.1 Connection from 192.0.2.1 denied: message fails DMARC policy of example.com"
verdict "broad rules, not a block, reason after the block words: Connection from 192.0.2.1 denied: greylisted, please try again in 5 minutes" greylist no \
	"550 5.7.1 Connection from 192.0.2.1 denied: greylisted, please try again in 5 minutes"
verdict "broad rules, not a block, reason after the block words: Connection from 192.0.2.1 denied: recipient mailbox is full" mailbox-full no \
	"550 5.7.1 Connection from 192.0.2.1 denied: recipient mailbox is full"
verdict "broad rules, not a block, reason after the block words: Connection from 192.0.2.1 denied: user unknown" user-unknown no \
	"550 5.7.1 Connection from 192.0.2.1 denied: user unknown"
verdict "broad rules, not a block, reason after the block words: Connection from 192.0.2.1 denied: message size exceeds the limit" size no \
	"550 5.7.1 Connection from 192.0.2.1 denied: message size exceeds the limit"
verdict "broad rules, not a block, reason after the block words: Connection from 192.0.2.1 denied: message contains a virus" content no \
	"550 5.7.1 Connection from 192.0.2.1 denied: message contains a virus"
verdict "broad rules, not a block, reason after the block words: Connection from 192.0.2.1 denied: TLS is required" other no \
	"550 5.7.1 Connection from 192.0.2.1 denied: TLS is required"
verdict "broad rules, not a block, reason after the block words: Connection from 192.0.2.1 denied: authentication required" other no \
	"550 5.7.1 Connection from 192.0.2.1 denied: authentication required"
verdict "broad rules, not a block, reason after the block words: Connection from 192.0.2.1 denied: relaying denied" relay-denied no \
	"550 5.7.1 Connection from 192.0.2.1 denied: relaying denied"
verdict "broad rules, not a block, reason after the block words: Connection from 192.0.2.1 denied: IPv6 is not supported" other no \
	"550 5.7.1 Connection from 192.0.2.1 denied: IPv6 is not supported"
verdict "broad rules, not a block, reason after the block words: Connection from 192.0.2.1 denied: server is busy, try again later" other no \
	"550 5.7.1 Connection from 192.0.2.1 denied: server is busy, try again later"
verdict "broad rules, not a block, reason after the block words: Connection from 192.0.2.1 denied: server under maintenance" other no \
	"550 5.7.1 Connection from 192.0.2.1 denied: server under maintenance"
verdict "broad rules, not a block, reason after the block words: Connection from 192.0.2.1 denied: sender is on the recipient's block list" other no \
	"550 5.7.1 Connection from 192.0.2.1 denied: sender is on the recipient's block list"
verdict "broad rules, not a block, reason after the block words: Connection from 192.0.2.1 denied: DNSBL lookup timed out" other no \
	"550 5.7.1 Connection from 192.0.2.1 denied: DNSBL lookup timed out"
verdict "broad rules, not a block, reason after the block words: Access denied for 192.0.2.1: no PTR record for your IP" ptr no \
	"550 5.7.1 Access denied for 192.0.2.1: no PTR record for your IP"
verdict "broad rules, not a block, reason after the block words: Access denied for 192.0.2.1: reverse DNS lookup failed" ptr no \
	"550 5.7.1 Access denied for 192.0.2.1: reverse DNS lookup failed"
verdict "broad rules, not a block, reason after the block words: Access denied for 192.0.2.1: HELO name is not a fully qualified domain name" ptr no \
	"550 5.7.1 Access denied for 192.0.2.1: HELO name is not a fully qualified domain name"
verdict "broad rules, not a block, reason after the block words: Access denied for 192.0.2.1: SPF check failed for example.com" auth no \
	"550 5.7.1 Access denied for 192.0.2.1: SPF check failed for example.com"
verdict "broad rules, not a block, reason after the block words: Access denied for 192.0.2.1: message fails DMARC policy of example.com" auth no \
	"550 5.7.1 Access denied for 192.0.2.1: message fails DMARC policy of example.com"
verdict "broad rules, not a block, reason after the block words: Access denied for 192.0.2.1: greylisted, please try again in 5 minutes" greylist no \
	"550 5.7.1 Access denied for 192.0.2.1: greylisted, please try again in 5 minutes"
verdict "broad rules, not a block, reason after the block words: Access denied for 192.0.2.1: recipient mailbox is full" mailbox-full no \
	"550 5.7.1 Access denied for 192.0.2.1: recipient mailbox is full"
verdict "broad rules, not a block, reason after the block words: Access denied for 192.0.2.1: user unknown" user-unknown no \
	"550 5.7.1 Access denied for 192.0.2.1: user unknown"
verdict "broad rules, not a block, reason after the block words: Access denied for 192.0.2.1: message size exceeds the limit" size no \
	"550 5.7.1 Access denied for 192.0.2.1: message size exceeds the limit"
verdict "broad rules, not a block, reason after the block words: Access denied for 192.0.2.1: message contains a virus" content no \
	"550 5.7.1 Access denied for 192.0.2.1: message contains a virus"
verdict "broad rules, not a block, reason after the block words: Access denied for 192.0.2.1: TLS is required" other no \
	"550 5.7.1 Access denied for 192.0.2.1: TLS is required"
verdict "broad rules, not a block, reason after the block words: Access denied for 192.0.2.1: authentication required" other no \
	"550 5.7.1 Access denied for 192.0.2.1: authentication required"
verdict "broad rules, not a block, reason after the block words: Access denied for 192.0.2.1: relaying denied" relay-denied no \
	"550 5.7.1 Access denied for 192.0.2.1: relaying denied"
verdict "broad rules, not a block, reason after the block words: Access denied for 192.0.2.1: IPv6 is not supported" other no \
	"550 5.7.1 Access denied for 192.0.2.1: IPv6 is not supported"
verdict "broad rules, not a block, reason after the block words: Access denied for 192.0.2.1: server is busy, try again later" other no \
	"550 5.7.1 Access denied for 192.0.2.1: server is busy, try again later"
verdict "broad rules, not a block, reason after the block words: Access denied for 192.0.2.1: server under maintenance" other no \
	"550 5.7.1 Access denied for 192.0.2.1: server under maintenance"
verdict "broad rules, not a block, reason after the block words: Access denied for 192.0.2.1: sender is on the recipient's block list" other no \
	"550 5.7.1 Access denied for 192.0.2.1: sender is on the recipient's block list"
verdict "broad rules, not a block, reason after the block words: Access denied for 192.0.2.1: DNSBL lookup timed out" other no \
	"550 5.7.1 Access denied for 192.0.2.1: DNSBL lookup timed out"
verdict "broad rules, not a block, reason after the block words: Messages from 192.0.2.1 are rejected: no PTR record for your IP" ptr no \
	"550 5.7.1 Messages from 192.0.2.1 are rejected: no PTR record for your IP"
verdict "broad rules, not a block, reason after the block words: Messages from 192.0.2.1 are rejected: reverse DNS lookup failed" ptr no \
	"550 5.7.1 Messages from 192.0.2.1 are rejected: reverse DNS lookup failed"
verdict "broad rules, not a block, reason after the block words: Messages from 192.0.2.1 are rejected: HELO name is not a fully qualified domain name" ptr no \
	"550 5.7.1 Messages from 192.0.2.1 are rejected: HELO name is not a fully qualified domain name"
verdict "broad rules, not a block, reason after the block words: Messages from 192.0.2.1 are rejected: SPF check failed for example.com" auth no \
	"550 5.7.1 Messages from 192.0.2.1 are rejected: SPF check failed for example.com"
verdict "broad rules, not a block, reason after the block words: Messages from 192.0.2.1 are rejected: message fails DMARC policy of example.com" auth no \
	"550 5.7.1 Messages from 192.0.2.1 are rejected: message fails DMARC policy of example.com"
verdict "broad rules, not a block, reason after the block words: Messages from 192.0.2.1 are rejected: greylisted, please try again in 5 minutes" greylist no \
	"550 5.7.1 Messages from 192.0.2.1 are rejected: greylisted, please try again in 5 minutes"
verdict "broad rules, not a block, reason after the block words: Messages from 192.0.2.1 are rejected: recipient mailbox is full" mailbox-full no \
	"550 5.7.1 Messages from 192.0.2.1 are rejected: recipient mailbox is full"
verdict "broad rules, not a block, reason after the block words: Messages from 192.0.2.1 are rejected: user unknown" user-unknown no \
	"550 5.7.1 Messages from 192.0.2.1 are rejected: user unknown"
verdict "broad rules, not a block, reason after the block words: Messages from 192.0.2.1 are rejected: message size exceeds the limit" size no \
	"550 5.7.1 Messages from 192.0.2.1 are rejected: message size exceeds the limit"
verdict "broad rules, not a block, reason after the block words: Messages from 192.0.2.1 are rejected: message contains a virus" content no \
	"550 5.7.1 Messages from 192.0.2.1 are rejected: message contains a virus"
verdict "broad rules, not a block, reason after the block words: Messages from 192.0.2.1 are rejected: TLS is required" other no \
	"550 5.7.1 Messages from 192.0.2.1 are rejected: TLS is required"
verdict "broad rules, not a block, reason after the block words: Messages from 192.0.2.1 are rejected: authentication required" other no \
	"550 5.7.1 Messages from 192.0.2.1 are rejected: authentication required"
verdict "broad rules, not a block, reason after the block words: Messages from 192.0.2.1 are rejected: relaying denied" relay-denied no \
	"550 5.7.1 Messages from 192.0.2.1 are rejected: relaying denied"
verdict "broad rules, not a block, reason after the block words: Messages from 192.0.2.1 are rejected: IPv6 is not supported" other no \
	"550 5.7.1 Messages from 192.0.2.1 are rejected: IPv6 is not supported"
verdict "broad rules, not a block, reason after the block words: Messages from 192.0.2.1 are rejected: server is busy, try again later" other no \
	"550 5.7.1 Messages from 192.0.2.1 are rejected: server is busy, try again later"
verdict "broad rules, not a block, reason after the block words: Messages from 192.0.2.1 are rejected: server under maintenance" other no \
	"550 5.7.1 Messages from 192.0.2.1 are rejected: server under maintenance"
verdict "broad rules, not a block, reason after the block words: Messages from 192.0.2.1 are rejected: sender is on the recipient's block list" other no \
	"550 5.7.1 Messages from 192.0.2.1 are rejected: sender is on the recipient's block list"
verdict "broad rules, not a block, reason after the block words: Messages from 192.0.2.1 are rejected: DNSBL lookup timed out" other no \
	"550 5.7.1 Messages from 192.0.2.1 are rejected: DNSBL lookup timed out"
verdict "broad rules, not a block, reason after the block words: Your IP address 192.0.2.1 has been banned: no PTR record for your IP" ptr no \
	"554 5.7.1 Your IP address 192.0.2.1 has been banned: no PTR record for your IP"
verdict "broad rules, not a block, reason after the block words: Your IP address 192.0.2.1 has been banned: reverse DNS lookup failed" ptr no \
	"554 5.7.1 Your IP address 192.0.2.1 has been banned: reverse DNS lookup failed"
verdict "broad rules, not a block, reason after the block words: Your IP address 192.0.2.1 has been banned: HELO name is not a fully qualified domain name" ptr no \
	"554 5.7.1 Your IP address 192.0.2.1 has been banned: HELO name is not a fully qualified domain name"
verdict "broad rules, not a block, reason after the block words: Your IP address 192.0.2.1 has been banned: SPF check failed for example.com" auth no \
	"554 5.7.1 Your IP address 192.0.2.1 has been banned: SPF check failed for example.com"
verdict "broad rules, not a block, reason after the block words: Your IP address 192.0.2.1 has been banned: message fails DMARC policy of example.com" auth no \
	"554 5.7.1 Your IP address 192.0.2.1 has been banned: message fails DMARC policy of example.com"
verdict "broad rules, not a block, reason after the block words: Your IP address 192.0.2.1 has been banned: greylisted, please try again in 5 minutes" greylist no \
	"554 5.7.1 Your IP address 192.0.2.1 has been banned: greylisted, please try again in 5 minutes"
verdict "broad rules, not a block, reason after the block words: Your IP address 192.0.2.1 has been banned: recipient mailbox is full" mailbox-full no \
	"554 5.7.1 Your IP address 192.0.2.1 has been banned: recipient mailbox is full"
verdict "broad rules, not a block, reason after the block words: Your IP address 192.0.2.1 has been banned: user unknown" user-unknown no \
	"554 5.7.1 Your IP address 192.0.2.1 has been banned: user unknown"
verdict "broad rules, not a block, reason after the block words: Your IP address 192.0.2.1 has been banned: message size exceeds the limit" size no \
	"554 5.7.1 Your IP address 192.0.2.1 has been banned: message size exceeds the limit"
verdict "broad rules, not a block, reason after the block words: Your IP address 192.0.2.1 has been banned: message contains a virus" content no \
	"554 5.7.1 Your IP address 192.0.2.1 has been banned: message contains a virus"
verdict "broad rules, not a block, reason after the block words: Your IP address 192.0.2.1 has been banned: TLS is required" other no \
	"554 5.7.1 Your IP address 192.0.2.1 has been banned: TLS is required"
verdict "broad rules, not a block, reason after the block words: Your IP address 192.0.2.1 has been banned: authentication required" other no \
	"554 5.7.1 Your IP address 192.0.2.1 has been banned: authentication required"
verdict "broad rules, not a block, reason after the block words: Your IP address 192.0.2.1 has been banned: relaying denied" relay-denied no \
	"554 5.7.1 Your IP address 192.0.2.1 has been banned: relaying denied"
verdict "broad rules, not a block, reason after the block words: Your IP address 192.0.2.1 has been banned: IPv6 is not supported" other no \
	"554 5.7.1 Your IP address 192.0.2.1 has been banned: IPv6 is not supported"
verdict "broad rules, not a block, reason after the block words: Your IP address 192.0.2.1 has been banned: server is busy, try again later" other no \
	"554 5.7.1 Your IP address 192.0.2.1 has been banned: server is busy, try again later"
verdict "broad rules, not a block, reason after the block words: Your IP address 192.0.2.1 has been banned: server under maintenance" other no \
	"554 5.7.1 Your IP address 192.0.2.1 has been banned: server under maintenance"
verdict "broad rules, not a block, reason after the block words: Your IP address 192.0.2.1 has been banned: sender is on the recipient's block list" other no \
	"554 5.7.1 Your IP address 192.0.2.1 has been banned: sender is on the recipient's block list"
verdict "broad rules, not a block, reason after the block words: Your IP address 192.0.2.1 has been banned: DNSBL lookup timed out" other no \
	"554 5.7.1 Your IP address 192.0.2.1 has been banned: DNSBL lookup timed out"
verdict "broad rules, not a block, reason after the block words: Your server 192.0.2.1 is temporarily deferred: no PTR record for your IP" ptr no \
	"421 4.7.0 Your server 192.0.2.1 is temporarily deferred: no PTR record for your IP"
verdict "broad rules, not a block, reason after the block words: Your server 192.0.2.1 is temporarily deferred: reverse DNS lookup failed" ptr no \
	"421 4.7.0 Your server 192.0.2.1 is temporarily deferred: reverse DNS lookup failed"
verdict "broad rules, not a block, reason after the block words: Your server 192.0.2.1 is temporarily deferred: HELO name is not a fully qualified domain n" ptr no \
	"421 4.7.0 Your server 192.0.2.1 is temporarily deferred: HELO name is not a fully qualified domain name"
verdict "broad rules, not a block, reason after the block words: Your server 192.0.2.1 is temporarily deferred: SPF check failed for example.com" auth no \
	"421 4.7.0 Your server 192.0.2.1 is temporarily deferred: SPF check failed for example.com"
verdict "broad rules, not a block, reason after the block words: Your server 192.0.2.1 is temporarily deferred: message fails DMARC policy of example.com" auth no \
	"421 4.7.0 Your server 192.0.2.1 is temporarily deferred: message fails DMARC policy of example.com"
verdict "broad rules, not a block, reason after the block words: Your server 192.0.2.1 is temporarily deferred: greylisted, please try again in 5 minutes" greylist no \
	"421 4.7.0 Your server 192.0.2.1 is temporarily deferred: greylisted, please try again in 5 minutes"
verdict "broad rules, not a block, reason after the block words: Your server 192.0.2.1 is temporarily deferred: recipient mailbox is full" mailbox-full no \
	"421 4.7.0 Your server 192.0.2.1 is temporarily deferred: recipient mailbox is full"
verdict "broad rules, not a block, reason after the block words: Your server 192.0.2.1 is temporarily deferred: user unknown" user-unknown no \
	"421 4.7.0 Your server 192.0.2.1 is temporarily deferred: user unknown"
verdict "broad rules, not a block, reason after the block words: Your server 192.0.2.1 is temporarily deferred: message size exceeds the limit" size no \
	"421 4.7.0 Your server 192.0.2.1 is temporarily deferred: message size exceeds the limit"
verdict "broad rules, not a block, reason after the block words: Your server 192.0.2.1 is temporarily deferred: message contains a virus" content no \
	"421 4.7.0 Your server 192.0.2.1 is temporarily deferred: message contains a virus"
verdict "broad rules, not a block, reason after the block words: Your server 192.0.2.1 is temporarily deferred: TLS is required" other no \
	"421 4.7.0 Your server 192.0.2.1 is temporarily deferred: TLS is required"
verdict "broad rules, not a block, reason after the block words: Your server 192.0.2.1 is temporarily deferred: authentication required" other no \
	"421 4.7.0 Your server 192.0.2.1 is temporarily deferred: authentication required"
verdict "broad rules, not a block, reason after the block words: Your server 192.0.2.1 is temporarily deferred: relaying denied" relay-denied no \
	"421 4.7.0 Your server 192.0.2.1 is temporarily deferred: relaying denied"
verdict "broad rules, not a block, reason after the block words: Your server 192.0.2.1 is temporarily deferred: IPv6 is not supported" other no \
	"421 4.7.0 Your server 192.0.2.1 is temporarily deferred: IPv6 is not supported"
verdict "broad rules, not a block, reason after the block words: Your server 192.0.2.1 is temporarily deferred: server under maintenance" other no \
	"421 4.7.0 Your server 192.0.2.1 is temporarily deferred: server under maintenance"
verdict "broad rules, not a block, reason after the block words: Your server 192.0.2.1 is temporarily deferred: sender is on the recipient's block list" other no \
	"421 4.7.0 Your server 192.0.2.1 is temporarily deferred: sender is on the recipient's block list"
verdict "broad rules, not a block, reason after the block words: Your server 192.0.2.1 is temporarily deferred: DNSBL lookup timed out" other no \
	"421 4.7.0 Your server 192.0.2.1 is temporarily deferred: DNSBL lookup timed out"
verdict "broad rules, not a block, reason after the block words: Your IP 192.0.2.1 is listed: no PTR record for your IP" ptr no \
	"550 5.7.1 Your IP 192.0.2.1 is listed: no PTR record for your IP"
verdict "broad rules, not a block, reason after the block words: Your IP 192.0.2.1 is listed: reverse DNS lookup failed" ptr no \
	"550 5.7.1 Your IP 192.0.2.1 is listed: reverse DNS lookup failed"
verdict "broad rules, not a block, reason after the block words: Your IP 192.0.2.1 is listed: HELO name is not a fully qualified domain name" ptr no \
	"550 5.7.1 Your IP 192.0.2.1 is listed: HELO name is not a fully qualified domain name"
verdict "broad rules, not a block, reason after the block words: Your IP 192.0.2.1 is listed: SPF check failed for example.com" auth no \
	"550 5.7.1 Your IP 192.0.2.1 is listed: SPF check failed for example.com"
verdict "broad rules, not a block, reason after the block words: Your IP 192.0.2.1 is listed: message fails DMARC policy of example.com" auth no \
	"550 5.7.1 Your IP 192.0.2.1 is listed: message fails DMARC policy of example.com"
verdict "broad rules, not a block, reason after the block words: Your IP 192.0.2.1 is listed: greylisted, please try again in 5 minutes" greylist no \
	"550 5.7.1 Your IP 192.0.2.1 is listed: greylisted, please try again in 5 minutes"
verdict "broad rules, not a block, reason after the block words: Your IP 192.0.2.1 is listed: recipient mailbox is full" mailbox-full no \
	"550 5.7.1 Your IP 192.0.2.1 is listed: recipient mailbox is full"
verdict "broad rules, not a block, reason after the block words: Your IP 192.0.2.1 is listed: user unknown" user-unknown no \
	"550 5.7.1 Your IP 192.0.2.1 is listed: user unknown"
verdict "broad rules, not a block, reason after the block words: Your IP 192.0.2.1 is listed: message size exceeds the limit" size no \
	"550 5.7.1 Your IP 192.0.2.1 is listed: message size exceeds the limit"
verdict "broad rules, not a block, reason after the block words: Your IP 192.0.2.1 is listed: message contains a virus" content no \
	"550 5.7.1 Your IP 192.0.2.1 is listed: message contains a virus"
verdict "broad rules, not a block, reason after the block words: Your IP 192.0.2.1 is listed: TLS is required" other no \
	"550 5.7.1 Your IP 192.0.2.1 is listed: TLS is required"
verdict "broad rules, not a block, reason after the block words: Your IP 192.0.2.1 is listed: authentication required" other no \
	"550 5.7.1 Your IP 192.0.2.1 is listed: authentication required"
verdict "broad rules, not a block, reason after the block words: Your IP 192.0.2.1 is listed: relaying denied" relay-denied no \
	"550 5.7.1 Your IP 192.0.2.1 is listed: relaying denied"
verdict "broad rules, not a block, reason after the block words: Your IP 192.0.2.1 is listed: IPv6 is not supported" other no \
	"550 5.7.1 Your IP 192.0.2.1 is listed: IPv6 is not supported"
verdict "broad rules, not a block, reason after the block words: Your IP 192.0.2.1 is listed: server is busy, try again later" other no \
	"550 5.7.1 Your IP 192.0.2.1 is listed: server is busy, try again later"
verdict "broad rules, not a block, reason after the block words: Your IP 192.0.2.1 is listed: server under maintenance" other no \
	"550 5.7.1 Your IP 192.0.2.1 is listed: server under maintenance"
verdict "broad rules, not a block, reason after the block words: Your IP 192.0.2.1 is listed: sender is on the recipient's block list" other no \
	"550 5.7.1 Your IP 192.0.2.1 is listed: sender is on the recipient's block list"
verdict "broad rules, not a block, reason after the block words: Your IP 192.0.2.1 is listed: DNSBL lookup timed out" other no \
	"550 5.7.1 Your IP 192.0.2.1 is listed: DNSBL lookup timed out"
verdict "broad rules, not a block, reason after the block words: Service unavailable; Client host [192.0.2.1] blocked: no PTR record for your IP" ptr no \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked: no PTR record for your IP"
verdict "broad rules, not a block, reason after the block words: Service unavailable; Client host [192.0.2.1] blocked: reverse DNS lookup failed" ptr no \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked: reverse DNS lookup failed"
verdict "broad rules, not a block, reason after the block words: Service unavailable; Client host [192.0.2.1] blocked: HELO name is not a fully qualified d" ptr no \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked: HELO name is not a fully qualified domain name"
verdict "broad rules, not a block, reason after the block words: Service unavailable; Client host [192.0.2.1] blocked: SPF check failed for example.com" auth no \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked: SPF check failed for example.com"
verdict "broad rules, not a block, reason after the block words: Service unavailable; Client host [192.0.2.1] blocked: message fails DMARC policy of exampl" auth no \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked: message fails DMARC policy of example.com"
verdict "broad rules, not a block, reason after the block words: Service unavailable; Client host [192.0.2.1] blocked: greylisted, please try again in 5 mi" greylist no \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked: greylisted, please try again in 5 minutes"
verdict "broad rules, not a block, reason after the block words: Service unavailable; Client host [192.0.2.1] blocked: recipient mailbox is full" mailbox-full no \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked: recipient mailbox is full"
verdict "broad rules, not a block, reason after the block words: Service unavailable; Client host [192.0.2.1] blocked: user unknown" user-unknown no \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked: user unknown"
verdict "broad rules, not a block, reason after the block words: Service unavailable; Client host [192.0.2.1] blocked: message size exceeds the limit" size no \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked: message size exceeds the limit"
verdict "broad rules, not a block, reason after the block words: Service unavailable; Client host [192.0.2.1] blocked: message contains a virus" content no \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked: message contains a virus"
verdict "broad rules, not a block, reason after the block words: Service unavailable; Client host [192.0.2.1] blocked: TLS is required" other no \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked: TLS is required"
verdict "broad rules, not a block, reason after the block words: Service unavailable; Client host [192.0.2.1] blocked: authentication required" other no \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked: authentication required"
verdict "broad rules, not a block, reason after the block words: Service unavailable; Client host [192.0.2.1] blocked: relaying denied" relay-denied no \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked: relaying denied"
verdict "broad rules, not a block, reason after the block words: Service unavailable; Client host [192.0.2.1] blocked: IPv6 is not supported" other no \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked: IPv6 is not supported"
verdict "broad rules, not a block, reason after the block words: Service unavailable; Client host [192.0.2.1] blocked: server is busy, try again later" other no \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked: server is busy, try again later"
verdict "broad rules, not a block, reason after the block words: Service unavailable; Client host [192.0.2.1] blocked: server under maintenance" other no \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked: server under maintenance"
verdict "broad rules, not a block, reason after the block words: Service unavailable; Client host [192.0.2.1] blocked: sender is on the recipient's block l" other no \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked: sender is on the recipient's block list"
verdict "broad rules, not a block, reason after the block words: Service unavailable; Client host [192.0.2.1] blocked: DNSBL lookup timed out" other no \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked: DNSBL lookup timed out"
verdict "broad rules, not a block, reason after the block words: Rejected: IP 192.0.2.1 blocked by policy: no PTR record for your IP" ptr no \
	"550 5.7.1 Rejected: IP 192.0.2.1 blocked by policy: no PTR record for your IP"
verdict "broad rules, not a block, reason after the block words: Rejected: IP 192.0.2.1 blocked by policy: reverse DNS lookup failed" ptr no \
	"550 5.7.1 Rejected: IP 192.0.2.1 blocked by policy: reverse DNS lookup failed"
verdict "broad rules, not a block, reason after the block words: Rejected: IP 192.0.2.1 blocked by policy: HELO name is not a fully qualified domain name" ptr no \
	"550 5.7.1 Rejected: IP 192.0.2.1 blocked by policy: HELO name is not a fully qualified domain name"
verdict "broad rules, not a block, reason after the block words: Rejected: IP 192.0.2.1 blocked by policy: SPF check failed for example.com" auth no \
	"550 5.7.1 Rejected: IP 192.0.2.1 blocked by policy: SPF check failed for example.com"
verdict "broad rules, not a block, reason after the block words: Rejected: IP 192.0.2.1 blocked by policy: message fails DMARC policy of example.com" auth no \
	"550 5.7.1 Rejected: IP 192.0.2.1 blocked by policy: message fails DMARC policy of example.com"
verdict "broad rules, not a block, reason after the block words: Rejected: IP 192.0.2.1 blocked by policy: greylisted, please try again in 5 minutes" greylist no \
	"550 5.7.1 Rejected: IP 192.0.2.1 blocked by policy: greylisted, please try again in 5 minutes"
verdict "broad rules, not a block, reason after the block words: Rejected: IP 192.0.2.1 blocked by policy: recipient mailbox is full" mailbox-full no \
	"550 5.7.1 Rejected: IP 192.0.2.1 blocked by policy: recipient mailbox is full"
verdict "broad rules, not a block, reason after the block words: Rejected: IP 192.0.2.1 blocked by policy: user unknown" user-unknown no \
	"550 5.7.1 Rejected: IP 192.0.2.1 blocked by policy: user unknown"
verdict "broad rules, not a block, reason after the block words: Rejected: IP 192.0.2.1 blocked by policy: message size exceeds the limit" size no \
	"550 5.7.1 Rejected: IP 192.0.2.1 blocked by policy: message size exceeds the limit"
verdict "broad rules, not a block, reason after the block words: Rejected: IP 192.0.2.1 blocked by policy: message contains a virus" content no \
	"550 5.7.1 Rejected: IP 192.0.2.1 blocked by policy: message contains a virus"
verdict "broad rules, not a block, reason after the block words: Rejected: IP 192.0.2.1 blocked by policy: TLS is required" other no \
	"550 5.7.1 Rejected: IP 192.0.2.1 blocked by policy: TLS is required"
verdict "broad rules, not a block, reason after the block words: Rejected: IP 192.0.2.1 blocked by policy: authentication required" other no \
	"550 5.7.1 Rejected: IP 192.0.2.1 blocked by policy: authentication required"
verdict "broad rules, not a block, reason after the block words: Rejected: IP 192.0.2.1 blocked by policy: relaying denied" relay-denied no \
	"550 5.7.1 Rejected: IP 192.0.2.1 blocked by policy: relaying denied"
verdict "broad rules, not a block, reason after the block words: Rejected: IP 192.0.2.1 blocked by policy: sender is on the recipient's block list" other no \
	"550 5.7.1 Rejected: IP 192.0.2.1 blocked by policy: sender is on the recipient's block list"
verdict "broad rules, not a block, reason after the block words: Rejected: IP 192.0.2.1 blocked by policy: DNSBL lookup timed out" other no \
	"550 5.7.1 Rejected: IP 192.0.2.1 blocked by policy: DNSBL lookup timed out"
verdict "broad rules, a block, reason after the block words: Your IP 192.0.2.1 is blocked: too many spam complaints" blocklist yes \
	"550 5.7.1 Your IP 192.0.2.1 is blocked: too many spam complaints"
verdict "broad rules, a block, reason after the block words: Your IP 192.0.2.1 is blocked: listed on our block list" blocklist yes \
	"550 5.7.1 Your IP 192.0.2.1 is blocked: listed on our block list"
verdict "broad rules, a block, reason after the block words: Your IP 192.0.2.1 is blocked: poor reputation" blocklist yes \
	"550 5.7.1 Your IP 192.0.2.1 is blocked: poor reputation"
verdict "broad rules, a block, reason after the block words: Your IP 192.0.2.1 is blocked: sending spam" blocklist yes \
	"550 5.7.1 Your IP 192.0.2.1 is blocked: sending spam"
verdict "broad rules, a block, reason after the block words: Your IP 192.0.2.1 is blocked: too many connections from your IP" blocklist yes \
	"550 5.7.1 Your IP 192.0.2.1 is blocked: too many connections from your IP"
verdict "broad rules, a block, reason after the block words: Your IP 192.0.2.1 is blocked: dictionary attack" blocklist yes \
	"550 5.7.1 Your IP 192.0.2.1 is blocked: dictionary attack"
verdict "broad rules, a block, reason after the block words: Your IP 192.0.2.1 is blocked: unexpected volume" blocklist yes \
	"550 5.7.1 Your IP 192.0.2.1 is blocked: unexpected volume"
verdict "broad rules, a block, reason after the block words: Your IP 192.0.2.1 is blocked: see https://www.spamhaus.org/query/ip/192.0.2.1" blocklist yes \
	"550 5.7.1 Your IP 192.0.2.1 is blocked: see https://www.spamhaus.org/query/ip/192.0.2.1"
verdict "broad rules, a block, reason after the block words: Client host [192.0.2.1] blocked: too many spam complaints" blocklist yes \
	"554 5.7.1 Client host [192.0.2.1] blocked: too many spam complaints"
verdict "broad rules, a block, reason after the block words: Client host [192.0.2.1] blocked: listed on our block list" blocklist yes \
	"554 5.7.1 Client host [192.0.2.1] blocked: listed on our block list"
verdict "broad rules, a block, reason after the block words: Client host [192.0.2.1] blocked: poor reputation" blocklist yes \
	"554 5.7.1 Client host [192.0.2.1] blocked: poor reputation"
verdict "broad rules, a block, reason after the block words: Client host [192.0.2.1] blocked: sending spam" blocklist yes \
	"554 5.7.1 Client host [192.0.2.1] blocked: sending spam"
verdict "broad rules, a block, reason after the block words: Client host [192.0.2.1] blocked: too many connections from your IP" blocklist yes \
	"554 5.7.1 Client host [192.0.2.1] blocked: too many connections from your IP"
verdict "broad rules, a block, reason after the block words: Client host [192.0.2.1] blocked: dictionary attack" blocklist yes \
	"554 5.7.1 Client host [192.0.2.1] blocked: dictionary attack"
verdict "broad rules, a block, reason after the block words: Client host [192.0.2.1] blocked: unexpected volume" blocklist yes \
	"554 5.7.1 Client host [192.0.2.1] blocked: unexpected volume"
verdict "broad rules, a block, reason after the block words: Client host [192.0.2.1] blocked: see https://www.spamhaus.org/query/ip/192.0.2.1" blocklist yes \
	"554 5.7.1 Client host [192.0.2.1] blocked: see https://www.spamhaus.org/query/ip/192.0.2.1"
verdict "broad rules, a block, reason after the block words: Mail from 192.0.2.1 refused: too many spam complaints" reputation yes \
	"550 5.7.1 Mail from 192.0.2.1 refused: too many spam complaints"
verdict "broad rules, a block, reason after the block words: Mail from 192.0.2.1 refused: listed on our block list" blocklist yes \
	"550 5.7.1 Mail from 192.0.2.1 refused: listed on our block list"
verdict "broad rules, a block, reason after the block words: Mail from 192.0.2.1 refused: poor reputation" reputation yes \
	"550 5.7.1 Mail from 192.0.2.1 refused: poor reputation"
verdict "broad rules, a block, reason after the block words: Mail from 192.0.2.1 refused: sending spam" reputation yes \
	"550 5.7.1 Mail from 192.0.2.1 refused: sending spam"
verdict "broad rules, a block, reason after the block words: Mail from 192.0.2.1 refused: too many connections from your IP" reputation yes \
	"550 5.7.1 Mail from 192.0.2.1 refused: too many connections from your IP"
verdict "broad rules, a block, reason after the block words: Mail from 192.0.2.1 refused: dictionary attack" reputation yes \
	"550 5.7.1 Mail from 192.0.2.1 refused: dictionary attack"
verdict "broad rules, a block, reason after the block words: Mail from 192.0.2.1 refused: unexpected volume" reputation yes \
	"550 5.7.1 Mail from 192.0.2.1 refused: unexpected volume"
verdict "broad rules, a block, reason after the block words: Mail from 192.0.2.1 refused: see https://www.spamhaus.org/query/ip/192.0.2.1" blocklist yes \
	"550 5.7.1 Mail from 192.0.2.1 refused: see https://www.spamhaus.org/query/ip/192.0.2.1"
verdict "broad rules, a block, reason after the block words: 192.0.2.1 is blacklisted: too many spam complaints" reputation yes \
	"554 5.7.1 192.0.2.1 is blacklisted: too many spam complaints"
verdict "broad rules, a block, reason after the block words: 192.0.2.1 is blacklisted: listed on our block list" blocklist yes \
	"554 5.7.1 192.0.2.1 is blacklisted: listed on our block list"
verdict "broad rules, a block, reason after the block words: 192.0.2.1 is blacklisted: poor reputation" blocklist yes \
	"554 5.7.1 192.0.2.1 is blacklisted: poor reputation"
verdict "broad rules, a block, reason after the block words: 192.0.2.1 is blacklisted: sending spam" blocklist yes \
	"554 5.7.1 192.0.2.1 is blacklisted: sending spam"
verdict "broad rules, a block, reason after the block words: 192.0.2.1 is blacklisted: too many connections from your IP" blocklist yes \
	"554 5.7.1 192.0.2.1 is blacklisted: too many connections from your IP"
verdict "broad rules, a block, reason after the block words: 192.0.2.1 is blacklisted: dictionary attack" blocklist yes \
	"554 5.7.1 192.0.2.1 is blacklisted: dictionary attack"
verdict "broad rules, a block, reason after the block words: 192.0.2.1 is blacklisted: unexpected volume" blocklist yes \
	"554 5.7.1 192.0.2.1 is blacklisted: unexpected volume"
verdict "broad rules, a block, reason after the block words: 192.0.2.1 is blacklisted: see https://www.spamhaus.org/query/ip/192.0.2.1" blocklist yes \
	"554 5.7.1 192.0.2.1 is blacklisted: see https://www.spamhaus.org/query/ip/192.0.2.1"
verdict "broad rules, a block, reason after the block words: 192.0.2.1 is blacklisted: sending viruses" blocklist yes \
	"554 5.7.1 192.0.2.1 is blacklisted: sending viruses"
verdict "broad rules, a block, reason after the block words: Messages from 192.0.2.1 are rejected: too many spam complaints" reputation yes \
	"550 5.7.1 Messages from 192.0.2.1 are rejected: too many spam complaints"
verdict "broad rules, a block, reason after the block words: Messages from 192.0.2.1 are rejected: listed on our block list" blocklist yes \
	"550 5.7.1 Messages from 192.0.2.1 are rejected: listed on our block list"
verdict "broad rules, a block, reason after the block words: Messages from 192.0.2.1 are rejected: poor reputation" reputation yes \
	"550 5.7.1 Messages from 192.0.2.1 are rejected: poor reputation"
verdict "broad rules, a block, reason after the block words: Messages from 192.0.2.1 are rejected: sending spam" reputation yes \
	"550 5.7.1 Messages from 192.0.2.1 are rejected: sending spam"
verdict "broad rules, a block, reason after the block words: Messages from 192.0.2.1 are rejected: too many connections from your IP" reputation yes \
	"550 5.7.1 Messages from 192.0.2.1 are rejected: too many connections from your IP"
verdict "broad rules, a block, reason after the block words: Messages from 192.0.2.1 are rejected: dictionary attack" reputation yes \
	"550 5.7.1 Messages from 192.0.2.1 are rejected: dictionary attack"
verdict "broad rules, a block, reason after the block words: Messages from 192.0.2.1 are rejected: unexpected volume" reputation yes \
	"550 5.7.1 Messages from 192.0.2.1 are rejected: unexpected volume"
verdict "broad rules, a block, reason after the block words: Messages from 192.0.2.1 are rejected: see https://www.spamhaus.org/query/ip/192.0.2.1" blocklist yes \
	"550 5.7.1 Messages from 192.0.2.1 are rejected: see https://www.spamhaus.org/query/ip/192.0.2.1"
verdict "broad rules, a block, reason after the block words: Your IP address 192.0.2.1 has been banned: too many spam complaints" blocklist yes \
	"554 5.7.1 Your IP address 192.0.2.1 has been banned: too many spam complaints"
verdict "broad rules, a block, reason after the block words: Your IP address 192.0.2.1 has been banned: listed on our block list" blocklist yes \
	"554 5.7.1 Your IP address 192.0.2.1 has been banned: listed on our block list"
verdict "broad rules, a block, reason after the block words: Your IP address 192.0.2.1 has been banned: poor reputation" blocklist yes \
	"554 5.7.1 Your IP address 192.0.2.1 has been banned: poor reputation"
verdict "broad rules, a block, reason after the block words: Your IP address 192.0.2.1 has been banned: sending spam" blocklist yes \
	"554 5.7.1 Your IP address 192.0.2.1 has been banned: sending spam"
verdict "broad rules, a block, reason after the block words: Your IP address 192.0.2.1 has been banned: too many connections from your IP" blocklist yes \
	"554 5.7.1 Your IP address 192.0.2.1 has been banned: too many connections from your IP"
verdict "broad rules, a block, reason after the block words: Your IP address 192.0.2.1 has been banned: dictionary attack" blocklist yes \
	"554 5.7.1 Your IP address 192.0.2.1 has been banned: dictionary attack"
verdict "broad rules, a block, reason after the block words: Your IP address 192.0.2.1 has been banned: unexpected volume" blocklist yes \
	"554 5.7.1 Your IP address 192.0.2.1 has been banned: unexpected volume"
verdict "broad rules, a block, reason after the block words: Your IP address 192.0.2.1 has been banned: see https://www.spamhaus.org/query/ip/192.0.2.1" blocklist yes \
	"554 5.7.1 Your IP address 192.0.2.1 has been banned: see https://www.spamhaus.org/query/ip/192.0.2.1"
verdict "broad rules, a block, reason after the block words: Service unavailable; Client host [192.0.2.1] blocked: too many spam complaints" blocklist yes \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked: too many spam complaints"
verdict "broad rules, a block, reason after the block words: Service unavailable; Client host [192.0.2.1] blocked: listed on our block list" blocklist yes \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked: listed on our block list"
verdict "broad rules, a block, reason after the block words: Service unavailable; Client host [192.0.2.1] blocked: poor reputation" blocklist yes \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked: poor reputation"
verdict "broad rules, a block, reason after the block words: Service unavailable; Client host [192.0.2.1] blocked: sending spam" blocklist yes \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked: sending spam"
verdict "broad rules, a block, reason after the block words: Service unavailable; Client host [192.0.2.1] blocked: too many connections from your IP" blocklist yes \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked: too many connections from your IP"
verdict "broad rules, a block, reason after the block words: Service unavailable; Client host [192.0.2.1] blocked: dictionary attack" blocklist yes \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked: dictionary attack"
verdict "broad rules, a block, reason after the block words: Service unavailable; Client host [192.0.2.1] blocked: unexpected volume" blocklist yes \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked: unexpected volume"
verdict "broad rules, a block, reason after the block words: Service unavailable; Client host [192.0.2.1] blocked: see https://www.spamhaus.org/query/i" blocklist yes \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked: see https://www.spamhaus.org/query/ip/192.0.2.1"
# Rate wordings of the sending IP with a reason after them: not a block
# for a limit per session or message, greylisting, the receiver busy or an
# authentication reason; a block when the limit is the sender's.
verdict "broad rules, not a block, rate words with a reason: Rate limit exceeded for 192.0.2.1: this recipient receives too much mail" rate no \
	"421 4.7.0 Rate limit exceeded for 192.0.2.1: this recipient receives too much mail"
verdict "broad rules, not a block, rate words with a reason: Rate limit exceeded for 192.0.2.1: limit of 50 recipients per message" rate no \
	"421 4.7.0 Rate limit exceeded for 192.0.2.1: limit of 50 recipients per message"
verdict "broad rules, not a block, rate words with a reason: Rate limit exceeded for 192.0.2.1: limit of 10 messages per session" rate no \
	"421 4.7.0 Rate limit exceeded for 192.0.2.1: limit of 10 messages per session"
verdict "broad rules, not a block, rate words with a reason: Rate limit exceeded for 192.0.2.1: greylisted, retry in 300 seconds" greylist no \
	"421 4.7.0 Rate limit exceeded for 192.0.2.1: greylisted, retry in 300 seconds"
verdict "broad rules, not a block, rate words with a reason: Rate limit exceeded for 192.0.2.1: server busy, try later" other no \
	"421 4.7.0 Rate limit exceeded for 192.0.2.1: server busy, try later"
verdict "broad rules, not a block, rate words with a reason: Rate limit exceeded for 192.0.2.1: unauthenticated mail is rate limited, set up SPF or DKI" auth no \
	"421 4.7.0 Rate limit exceeded for 192.0.2.1: unauthenticated mail is rate limited, set up SPF or DKIM"
verdict "broad rules, not a block, rate words with a reason: Rate limit exceeded for 192.0.2.1: mailbox bob@example.org is over quota" mailbox-full no \
	"421 4.7.0 Rate limit exceeded for 192.0.2.1: mailbox bob@example.org is over quota"
verdict "broad rules, not a block, rate words with a reason: Rate limit exceeded for 192.0.2.1: TLS is required" other no \
	"421 4.7.0 Rate limit exceeded for 192.0.2.1: TLS is required"
verdict "broad rules, not a block, rate words with a reason: Too many messages from 192.0.2.1: this recipient receives too much mail" rate no \
	"450 4.7.1 Too many messages from 192.0.2.1: this recipient receives too much mail"
verdict "broad rules, not a block, rate words with a reason: Too many messages from 192.0.2.1: limit of 50 recipients per message" rate no \
	"450 4.7.1 Too many messages from 192.0.2.1: limit of 50 recipients per message"
verdict "broad rules, not a block, rate words with a reason: Too many messages from 192.0.2.1: limit of 10 messages per session" rate no \
	"450 4.7.1 Too many messages from 192.0.2.1: limit of 10 messages per session"
verdict "broad rules, not a block, rate words with a reason: Too many messages from 192.0.2.1: greylisted, retry in 300 seconds" greylist no \
	"450 4.7.1 Too many messages from 192.0.2.1: greylisted, retry in 300 seconds"
verdict "broad rules, not a block, rate words with a reason: Too many messages from 192.0.2.1: server busy, try later" other no \
	"450 4.7.1 Too many messages from 192.0.2.1: server busy, try later"
verdict "broad rules, not a block, rate words with a reason: Too many messages from 192.0.2.1: unauthenticated mail is rate limited, set up SPF or DKIM" auth no \
	"450 4.7.1 Too many messages from 192.0.2.1: unauthenticated mail is rate limited, set up SPF or DKIM"
verdict "broad rules, not a block, rate words with a reason: Too many messages from 192.0.2.1: mailbox bob@example.org is over quota" mailbox-full no \
	"450 4.7.1 Too many messages from 192.0.2.1: mailbox bob@example.org is over quota"
verdict "broad rules, not a block, rate words with a reason: Too many messages from 192.0.2.1: TLS is required" other no \
	"450 4.7.1 Too many messages from 192.0.2.1: TLS is required"
verdict "broad rules, not a block, rate words with a reason: 192.0.2.1 throttled: limit of 50 recipients per message" rate no \
	"421 4.7.0 192.0.2.1 throttled: limit of 50 recipients per message"
verdict "broad rules, not a block, rate words with a reason: 192.0.2.1 throttled: limit of 10 messages per session" rate no \
	"421 4.7.0 192.0.2.1 throttled: limit of 10 messages per session"
verdict "broad rules, not a block, rate words with a reason: 192.0.2.1 throttled: greylisted, retry in 300 seconds" greylist no \
	"421 4.7.0 192.0.2.1 throttled: greylisted, retry in 300 seconds"
verdict "broad rules, not a block, rate words with a reason: 192.0.2.1 throttled: server busy, try later" other no \
	"421 4.7.0 192.0.2.1 throttled: server busy, try later"
verdict "broad rules, not a block, rate words with a reason: 192.0.2.1 throttled: unauthenticated mail is rate limited, set up SPF or DKIM" auth no \
	"421 4.7.0 192.0.2.1 throttled: unauthenticated mail is rate limited, set up SPF or DKIM"
verdict "broad rules, not a block, rate words with a reason: 192.0.2.1 throttled: mailbox bob@example.org is over quota" mailbox-full no \
	"421 4.7.0 192.0.2.1 throttled: mailbox bob@example.org is over quota"
verdict "broad rules, not a block, rate words with a reason: 192.0.2.1 throttled: TLS is required" other no \
	"421 4.7.0 192.0.2.1 throttled: TLS is required"
verdict "broad rules, not a block, rate words with a reason: Sending rate exceeded: limit of 50 recipients per message" rate no \
	"452 4.7.1 Sending rate exceeded: limit of 50 recipients per message"
verdict "broad rules, not a block, rate words with a reason: Sending rate exceeded: limit of 10 messages per session" rate no \
	"452 4.7.1 Sending rate exceeded: limit of 10 messages per session"
verdict "broad rules, not a block, rate words with a reason: Sending rate exceeded: greylisted, retry in 300 seconds" greylist no \
	"452 4.7.1 Sending rate exceeded: greylisted, retry in 300 seconds"
verdict "broad rules, not a block, rate words with a reason: Sending rate exceeded: server busy, try later" other no \
	"452 4.7.1 Sending rate exceeded: server busy, try later"
verdict "broad rules, not a block, rate words with a reason: Sending rate exceeded: unauthenticated mail is rate limited, set up SPF or DKIM" auth no \
	"452 4.7.1 Sending rate exceeded: unauthenticated mail is rate limited, set up SPF or DKIM"
verdict "broad rules, not a block, rate words with a reason: Sending rate exceeded: mailbox bob@example.org is over quota" mailbox-full no \
	"452 4.7.1 Sending rate exceeded: mailbox bob@example.org is over quota"
verdict "broad rules, not a block, rate words with a reason: Too many connections from your IP: limit of 50 recipients per message" rate no \
	"421 4.7.0 Too many connections from your IP: limit of 50 recipients per message"
verdict "broad rules, not a block, rate words with a reason: Too many connections from your IP: limit of 10 messages per session" rate no \
	"421 4.7.0 Too many connections from your IP: limit of 10 messages per session"
verdict "broad rules, not a block, rate words with a reason: Too many connections from your IP: greylisted, retry in 300 seconds" greylist no \
	"421 4.7.0 Too many connections from your IP: greylisted, retry in 300 seconds"
verdict "broad rules, not a block, rate words with a reason: Too many connections from your IP: server busy, try later" other no \
	"421 4.7.0 Too many connections from your IP: server busy, try later"
verdict "broad rules, not a block, rate words with a reason: Too many connections from your IP: unauthenticated mail is rate limited, set up SPF or DKI" auth no \
	"421 4.7.0 Too many connections from your IP: unauthenticated mail is rate limited, set up SPF or DKIM"
verdict "broad rules, not a block, rate words with a reason: Too many connections from your IP: mailbox bob@example.org is over quota" mailbox-full no \
	"421 4.7.0 Too many connections from your IP: mailbox bob@example.org is over quota"
verdict "broad rules, not a block, rate words with a reason: Your IP 192.0.2.1 is rate limited: this recipient receives too much mail" rate no \
	"451 4.7.1 Your IP 192.0.2.1 is rate limited: this recipient receives too much mail"
verdict "broad rules, not a block, rate words with a reason: Your IP 192.0.2.1 is rate limited: limit of 50 recipients per message" rate no \
	"451 4.7.1 Your IP 192.0.2.1 is rate limited: limit of 50 recipients per message"
verdict "broad rules, not a block, rate words with a reason: Your IP 192.0.2.1 is rate limited: limit of 10 messages per session" rate no \
	"451 4.7.1 Your IP 192.0.2.1 is rate limited: limit of 10 messages per session"
verdict "broad rules, not a block, rate words with a reason: Your IP 192.0.2.1 is rate limited: greylisted, retry in 300 seconds" greylist no \
	"451 4.7.1 Your IP 192.0.2.1 is rate limited: greylisted, retry in 300 seconds"
verdict "broad rules, not a block, rate words with a reason: Your IP 192.0.2.1 is rate limited: server busy, try later" other no \
	"451 4.7.1 Your IP 192.0.2.1 is rate limited: server busy, try later"
verdict "broad rules, not a block, rate words with a reason: Your IP 192.0.2.1 is rate limited: unauthenticated mail is rate limited, set up SPF or DKI" auth no \
	"451 4.7.1 Your IP 192.0.2.1 is rate limited: unauthenticated mail is rate limited, set up SPF or DKIM"
verdict "broad rules, not a block, rate words with a reason: Your IP 192.0.2.1 is rate limited: mailbox bob@example.org is over quota" mailbox-full no \
	"451 4.7.1 Your IP 192.0.2.1 is rate limited: mailbox bob@example.org is over quota"
verdict "broad rules, not a block, rate words with a reason: Your IP 192.0.2.1 is rate limited: TLS is required" other no \
	"451 4.7.1 Your IP 192.0.2.1 is rate limited: TLS is required"
verdict "broad rules, a block, rate words with a reason: Rate limit exceeded for 192.0.2.1" rate yes \
	"421 4.7.0 Rate limit exceeded for 192.0.2.1"
verdict "broad rules, a block, rate words with a reason: Rate limit exceeded for 192.0.2.1; try again later" rate yes \
	"421 4.7.0 Rate limit exceeded for 192.0.2.1; try again later"
verdict "broad rules, a block, rate words with a reason: Rate limit exceeded for 192.0.2.1: too many messages in the last hour" rate yes \
	"421 4.7.0 Rate limit exceeded for 192.0.2.1: too many messages in the last hour"
verdict "broad rules, a block, rate words with a reason: Rate limit exceeded for 192.0.2.1: slow down" rate yes \
	"421 4.7.0 Rate limit exceeded for 192.0.2.1: slow down"
verdict "broad rules, a block, rate words with a reason: Rate limit exceeded for 192.0.2.1: 500 messages per hour allowed" rate yes \
	"421 4.7.0 Rate limit exceeded for 192.0.2.1: 500 messages per hour allowed"
verdict "broad rules, a block, rate words with a reason: Too many messages from 192.0.2.1" rate yes \
	"450 4.7.1 Too many messages from 192.0.2.1"
verdict "broad rules, a block, rate words with a reason: Too many messages from 192.0.2.1; try again later" rate yes \
	"450 4.7.1 Too many messages from 192.0.2.1; try again later"
verdict "broad rules, a block, rate words with a reason: Too many messages from 192.0.2.1: too many messages in the last hour" rate yes \
	"450 4.7.1 Too many messages from 192.0.2.1: too many messages in the last hour"
verdict "broad rules, a block, rate words with a reason: Too many messages from 192.0.2.1: slow down" rate yes \
	"450 4.7.1 Too many messages from 192.0.2.1: slow down"
verdict "broad rules, a block, rate words with a reason: Too many messages from 192.0.2.1: 500 messages per hour allowed" rate yes \
	"450 4.7.1 Too many messages from 192.0.2.1: 500 messages per hour allowed"
verdict "broad rules, a block, rate words with a reason: 192.0.2.1 throttled" rate yes \
	"421 4.7.0 192.0.2.1 throttled"
verdict "broad rules, a block, rate words with a reason: 192.0.2.1 throttled; try again later" rate yes \
	"421 4.7.0 192.0.2.1 throttled; try again later"
verdict "broad rules, a block, rate words with a reason: 192.0.2.1 throttled: too many messages in the last hour" rate yes \
	"421 4.7.0 192.0.2.1 throttled: too many messages in the last hour"
verdict "broad rules, a block, rate words with a reason: 192.0.2.1 throttled: slow down" rate yes \
	"421 4.7.0 192.0.2.1 throttled: slow down"
verdict "broad rules, a block, rate words with a reason: 192.0.2.1 throttled: 500 messages per hour allowed" rate yes \
	"421 4.7.0 192.0.2.1 throttled: 500 messages per hour allowed"
verdict "broad rules, a block, rate words with a reason: Sending rate exceeded" rate yes \
	"452 4.7.1 Sending rate exceeded"
verdict "broad rules, a block, rate words with a reason: Sending rate exceeded; try again later" rate yes \
	"452 4.7.1 Sending rate exceeded; try again later"
verdict "broad rules, a block, rate words with a reason: Sending rate exceeded: too many messages in the last hour" rate yes \
	"452 4.7.1 Sending rate exceeded: too many messages in the last hour"
verdict "broad rules, a block, rate words with a reason: Sending rate exceeded: slow down" rate yes \
	"452 4.7.1 Sending rate exceeded: slow down"
verdict "broad rules, a block, rate words with a reason: Sending rate exceeded: 500 messages per hour allowed" rate yes \
	"452 4.7.1 Sending rate exceeded: 500 messages per hour allowed"
verdict "broad rules, a block, rate words with a reason: Too many connections from your IP" rate yes \
	"421 4.7.0 Too many connections from your IP"
verdict "broad rules, a block, rate words with a reason: Too many connections from your IP; try again later" rate yes \
	"421 4.7.0 Too many connections from your IP; try again later"
verdict "broad rules, a block, rate words with a reason: Too many connections from your IP: too many messages in the last hour" rate yes \
	"421 4.7.0 Too many connections from your IP: too many messages in the last hour"
verdict "broad rules, a block, rate words with a reason: Too many connections from your IP: slow down" rate yes \
	"421 4.7.0 Too many connections from your IP: slow down"
verdict "broad rules, a block, rate words with a reason: Too many connections from your IP: 500 messages per hour allowed" rate yes \
	"421 4.7.0 Too many connections from your IP: 500 messages per hour allowed"
verdict "broad rules, a block, rate words with a reason: Your IP 192.0.2.1 is rate limited" rate yes \
	"451 4.7.1 Your IP 192.0.2.1 is rate limited"
verdict "broad rules, a block, rate words with a reason: Your IP 192.0.2.1 is rate limited; try again later" rate yes \
	"451 4.7.1 Your IP 192.0.2.1 is rate limited; try again later"
verdict "broad rules, a block, rate words with a reason: Your IP 192.0.2.1 is rate limited: too many messages in the last hour" rate yes \
	"451 4.7.1 Your IP 192.0.2.1 is rate limited: too many messages in the last hour"
verdict "broad rules, a block, rate words with a reason: Your IP 192.0.2.1 is rate limited: slow down" rate yes \
	"451 4.7.1 Your IP 192.0.2.1 is rate limited: slow down"
verdict "broad rules, a block, rate words with a reason: Your IP 192.0.2.1 is rate limited: 500 messages per hour allowed" rate yes \
	"451 4.7.1 Your IP 192.0.2.1 is rate limited: 500 messages per hour allowed"
# List and reputation words about something in the message (a URL, a
# link, an attachment's hash): not the sender's standing.
verdict "broad rules, not a block, the message listed: Rejected: a URL in the message is listed in multi.surbl.org" content no \
	"550 5.7.1 Rejected: a URL in the message is listed in multi.surbl.org"
verdict "broad rules, not a block, the message listed: Rejected: a URL in the message is blacklisted" content no \
	"554 5.7.1 Rejected: a URL in the message is blacklisted"
verdict "broad rules, not a block, the message listed: Rejected: a URL in the message has a poor reputation" content no \
	"550 5.7.1 Rejected: a URL in the message has a poor reputation"
verdict "broad rules, not a block, the message listed: Rejected: a URL in the message is listed on Spamhaus DBL" content no \
	"550 5.7.1 Rejected: a URL in the message is listed on Spamhaus DBL"
verdict "broad rules, not a block, the message listed: Rejected: the link www.example.net in the message body is listed in multi.surbl.org" content no \
	"550 5.7.1 Rejected: the link www.example.net in the message body is listed in multi.surbl.org"
verdict "broad rules, not a block, the message listed: Rejected: the link www.example.net in the message body has a poor reputation" content no \
	"550 5.7.1 Rejected: the link www.example.net in the message body has a poor reputation"
verdict "broad rules, not a block, the message listed: Rejected: a domain in the message body is listed in multi.surbl.org" content no \
	"550 5.7.1 Rejected: a domain in the message body is listed in multi.surbl.org"
verdict "broad rules, not a block, the message listed: Rejected: a domain in the message body is blacklisted" content no \
	"554 5.7.1 Rejected: a domain in the message body is blacklisted"
verdict "broad rules, not a block, the message listed: Rejected: a domain in the message body has a poor reputation" content no \
	"550 5.7.1 Rejected: a domain in the message body has a poor reputation"
verdict "broad rules, not a block, the message listed: Rejected: a domain in the message body is listed on Spamhaus DBL" content no \
	"550 5.7.1 Rejected: a domain in the message body is listed on Spamhaus DBL"
verdict "broad rules, not a block, the message listed: Rejected: the attachment's hash is listed in multi.surbl.org" content no \
	"550 5.7.1 Rejected: the attachment's hash is listed in multi.surbl.org"
verdict "broad rules, not a block, the message listed: Rejected: the attachment's hash is blacklisted" content no \
	"554 5.7.1 Rejected: the attachment's hash is blacklisted"
verdict "broad rules, not a block, the message listed: Rejected: the attachment's hash has a poor reputation" content no \
	"550 5.7.1 Rejected: the attachment's hash has a poor reputation"
verdict "broad rules, not a block, the message listed: Blocked: the attachment's hash is on a block list" content no \
	"554 5.7.1 Blocked: the attachment's hash is on a block list"
verdict "broad rules, not a block, the message listed: Rejected: the attachment's hash is listed on Spamhaus DBL" content no \
	"550 5.7.1 Rejected: the attachment's hash is listed on Spamhaus DBL"
verdict "broad rules, not a block, the message listed: Rejected: the attachment's hash found on a blocklist" content no \
	"550 5.7.1 Rejected: the attachment's hash found on a blocklist"
verdict "broad rules, not a block, the message listed: Rejected: the sender address alice@example.com on the recipient's list is listed in multi" other no \
	"550 5.7.1 Rejected: the sender address alice@example.com on the recipient's list is listed in multi.surbl.org"
verdict "broad rules, not a block, the message listed: Blocked: the sender address alice@example.com on the recipient's list is on a block list" other no \
	"554 5.7.1 Blocked: the sender address alice@example.com on the recipient's list is on a block list"
verdict "broad rules, not a block, the message listed: Rejected: the sender address alice@example.com on the recipient's list found on a blocklis" other no \
	"550 5.7.1 Rejected: the sender address alice@example.com on the recipient's list found on a blocklist"
# The sending IP blocked in German, French, Spanish and Italian, with the
# reason after the words: not a block for a recipient's mailbox or address,
# greylisting, PTR, TLS, authentication or the receiver's load.
verdict "broad rules, not a block, the IP blocked in other languages: Ihre IP-Adresse 192.0.2.1 ist gesperrt: Empfänger unbekannt" user-unknown no \
	"550 5.7.1 Ihre IP-Adresse 192.0.2.1 ist gesperrt: Empfänger unbekannt"
verdict "broad rules, not a block, the IP blocked in other languages: Ihre IP-Adresse 192.0.2.1 ist gesperrt: Greylisting, bitte später erneut versuchen" greylist no \
	"550 5.7.1 Ihre IP-Adresse 192.0.2.1 ist gesperrt: Greylisting, bitte später erneut versuchen"
verdict "broad rules, not a block, the IP blocked in other languages: Ihre IP-Adresse 192.0.2.1 ist gesperrt: kein PTR-Eintrag" ptr no \
	"550 5.7.1 Ihre IP-Adresse 192.0.2.1 ist gesperrt: kein PTR-Eintrag"
verdict "broad rules, not a block, the IP blocked in other languages: Ihre IP-Adresse 192.0.2.1 ist gesperrt: TLS erforderlich" other no \
	"550 5.7.1 Ihre IP-Adresse 192.0.2.1 ist gesperrt: TLS erforderlich"
verdict "broad rules, not a block, the IP blocked in other languages: Ihre IP-Adresse 192.0.2.1 ist gesperrt: Authentifizierung erforderlich" other no \
	"550 5.7.1 Ihre IP-Adresse 192.0.2.1 ist gesperrt: Authentifizierung erforderlich"
verdict "broad rules, not a block, the IP blocked in other languages: Ihre IP-Adresse 192.0.2.1 ist gesperrt: Server überlastet" other no \
	"550 5.7.1 Ihre IP-Adresse 192.0.2.1 ist gesperrt: Server überlastet"
verdict "broad rules, not a block, the IP blocked in other languages: Votre adresse IP 192.0.2.1 est bloquée : boîte aux lettres pleine" mailbox-full no \
	"550 5.7.1 Votre adresse IP 192.0.2.1 est bloquée : boîte aux lettres pleine"
verdict "broad rules, not a block, the IP blocked in other languages: Votre adresse IP 192.0.2.1 est bloquée : destinataire inconnu" user-unknown no \
	"550 5.7.1 Votre adresse IP 192.0.2.1 est bloquée : destinataire inconnu"
verdict "broad rules, not a block, the IP blocked in other languages: Votre adresse IP 192.0.2.1 est bloquée : greylisting, réessayez plus tard" greylist no \
	"550 5.7.1 Votre adresse IP 192.0.2.1 est bloquée : greylisting, réessayez plus tard"
verdict "broad rules, not a block, the IP blocked in other languages: Votre adresse IP 192.0.2.1 est bloquée : pas d'enregistrement PTR" ptr no \
	"550 5.7.1 Votre adresse IP 192.0.2.1 est bloquée : pas d'enregistrement PTR"
verdict "broad rules, not a block, the IP blocked in other languages: Votre adresse IP 192.0.2.1 est bloquée : TLS obligatoire" other no \
	"550 5.7.1 Votre adresse IP 192.0.2.1 est bloquée : TLS obligatoire"
verdict "broad rules, not a block, the IP blocked in other languages: Votre adresse IP 192.0.2.1 est bloquée : authentification requise" other no \
	"550 5.7.1 Votre adresse IP 192.0.2.1 est bloquée : authentification requise"
verdict "broad rules, not a block, the IP blocked in other languages: Votre adresse IP 192.0.2.1 est bloquée : serveur surchargé" other no \
	"550 5.7.1 Votre adresse IP 192.0.2.1 est bloquée : serveur surchargé"
verdict "broad rules, not a block, the IP blocked in other languages: Su dirección IP 192.0.2.1 está bloqueada: buzón lleno" mailbox-full no \
	"550 5.7.1 Su dirección IP 192.0.2.1 está bloqueada: buzón lleno"
verdict "broad rules, not a block, the IP blocked in other languages: Su dirección IP 192.0.2.1 está bloqueada: destinatario desconocido" user-unknown no \
	"550 5.7.1 Su dirección IP 192.0.2.1 está bloqueada: destinatario desconocido"
verdict "broad rules, not a block, the IP blocked in other languages: Su dirección IP 192.0.2.1 está bloqueada: greylisting, inténtelo más tarde" greylist no \
	"550 5.7.1 Su dirección IP 192.0.2.1 está bloqueada: greylisting, inténtelo más tarde"
verdict "broad rules, not a block, the IP blocked in other languages: Su dirección IP 192.0.2.1 está bloqueada: sin registro PTR" ptr no \
	"550 5.7.1 Su dirección IP 192.0.2.1 está bloqueada: sin registro PTR"
verdict "broad rules, not a block, the IP blocked in other languages: Su dirección IP 192.0.2.1 está bloqueada: se requiere TLS" other no \
	"550 5.7.1 Su dirección IP 192.0.2.1 está bloqueada: se requiere TLS"
verdict "broad rules, not a block, the IP blocked in other languages: Su dirección IP 192.0.2.1 está bloqueada: se requiere autenticación" other no \
	"550 5.7.1 Su dirección IP 192.0.2.1 está bloqueada: se requiere autenticación"
verdict "broad rules, not a block, the IP blocked in other languages: Su dirección IP 192.0.2.1 está bloqueada: servidor sobrecargado" other no \
	"550 5.7.1 Su dirección IP 192.0.2.1 está bloqueada: servidor sobrecargado"
verdict "broad rules, not a block, the IP blocked in other languages: Il tuo IP 192.0.2.1 è bloccato: casella piena" mailbox-full no \
	"550 5.7.1 Il tuo IP 192.0.2.1 è bloccato: casella piena"
verdict "broad rules, not a block, the IP blocked in other languages: Il tuo IP 192.0.2.1 è bloccato: destinatario sconosciuto" user-unknown no \
	"550 5.7.1 Il tuo IP 192.0.2.1 è bloccato: destinatario sconosciuto"
verdict "broad rules, not a block, the IP blocked in other languages: Il tuo IP 192.0.2.1 è bloccato: greylisting, riprova più tardi" greylist no \
	"550 5.7.1 Il tuo IP 192.0.2.1 è bloccato: greylisting, riprova più tardi"
verdict "broad rules, not a block, the IP blocked in other languages: Il tuo IP 192.0.2.1 è bloccato: nessun record PTR" ptr no \
	"550 5.7.1 Il tuo IP 192.0.2.1 è bloccato: nessun record PTR"
verdict "broad rules, not a block, the IP blocked in other languages: Il tuo IP 192.0.2.1 è bloccato: TLS obbligatorio" other no \
	"550 5.7.1 Il tuo IP 192.0.2.1 è bloccato: TLS obbligatorio"
verdict "broad rules, not a block, the IP blocked in other languages: Il tuo IP 192.0.2.1 è bloccato: autenticazione richiesta" other no \
	"550 5.7.1 Il tuo IP 192.0.2.1 è bloccato: autenticazione richiesta"
verdict "broad rules, not a block, the IP blocked in other languages: Il tuo IP 192.0.2.1 è bloccato: server sovraccarico" other no \
	"550 5.7.1 Il tuo IP 192.0.2.1 è bloccato: server sovraccarico"
verdict "broad rules, a block, the IP blocked in other languages: Ihre IP-Adresse 192.0.2.1 ist gesperrt" blocklist yes \
	"550 5.7.1 Ihre IP-Adresse 192.0.2.1 ist gesperrt"
verdict "broad rules, a block, the IP blocked in other languages: Votre adresse IP 192.0.2.1 est bloquée" blocklist yes \
	"550 5.7.1 Votre adresse IP 192.0.2.1 est bloquée"
verdict "broad rules, a block, the IP blocked in other languages: Su dirección IP 192.0.2.1 está bloqueada" blocklist yes \
	"550 5.7.1 Su dirección IP 192.0.2.1 está bloqueada"
verdict "broad rules, a block, the IP blocked in other languages: Il tuo IP 192.0.2.1 è bloccato" blocklist yes \
	"550 5.7.1 Il tuo IP 192.0.2.1 è bloccato"
# The sending server or IP named without an address, blocked, with a reason
# after the words that is not its standing:
verdict "broad rules, not a block, the server blocked with a reason: during maintenance" other no \
	"421 4.3.2 The mail server is blocked during maintenance, try later"
verdict "broad rules, not a block, the server blocked with a reason: under maintenance" other no \
	"550 5.7.1 Your server is blocked: server under maintenance"
verdict "broad rules, not a block, the server blocked with a reason: user unknown" user-unknown no \
	"550 5.7.1 Your IP address is blocked: user unknown"
verdict "broad rules, a block, the server blocked: bare" blocklist yes \
	"550 5.7.1 Your server is blocked"
verdict "broad rules, a block, the server blocked: banned" blocklist yes \
	"554 5.7.1 Your IP address has been banned"
# The labeller's calls carried into the rules: T-Online's IP= refusal
# without a reason, GMX's held-back sending, cloudfilter.net's AUP#CNCT, a
# bare "rate limit exceeded".
verdict "T-Online IP= refusal, tag (TEM): no reason, a block" other yes \
	"554 IP=192.0.2.40 - A problem occurred. Ask your postmaster for help or to contact tosa@rx.t-online.de to clarify. (TEM)"
verdict "T-Online IP: refusal without a tag: no reason, a block" other yes \
	"554 IP:192.0.2.41 - A problem occurred. (Ask your postmaster for help or to contact tosa@rx.t-online.de to clarify.)"
verdict "T-Online IP= refusal under (BL) stays its list" blocklist yes \
	"554 IP=192.0.2.42 - A problem occurred. (Ask your postmaster for help or to contact tosa@rx.t-online.de to clarify.) (BL)"
verdict "T-Online dial-up range stays its list" blocklist yes \
	"554 IP=192.0.2.43 - Dialup/transient IP not allowed. Use a mailgateway or contact toda@rx.t-online.de if obsolete. (DIAL)"
verdict "T-Online bad reputation stays reputation" reputation yes \
	"554 IP=192.0.2.44 - None/bad reputation. Ask your postmaster for help or to contact tosa@rx.t-online.de for reset. (NOWL)"
verdict "GMX submission: sending held back (the last line decides)" rate yes \
	"550-Requested action not taken: mailbox unavailable 550 Failure sending mail. Try again later."
verdict "GMX: mailbox unavailable alone stays the recipient" user-unknown no \
	"550 Requested action not taken: mailbox unavailable"
verdict "cloudfilter.net AUP#CNCT: concurrent connections from the IP" rate yes \
	"421 mwd-ibgw-6002a.ext.cloudfilter.net cmsmtp 192.0.2.45 blocked AUP#CNCT:"
verdict "cloudfilter.net AUP#CDRBL stays a list" blocklist yes \
	"451 4.2.0 [192.0.2.46] blocked AUP#CDRBL."
verdict "Cox AUP#CXCNCT stays rate" rate yes \
	"421 cmsmtp 192.0.2.47 blocked. Refer to Error Codes section at https://www.cox.com/internet/mail/error-codes for more information. AUP#CXCNCT"
verdict "bare rate limit exceeded (Stalwart): names no one" rate no "451 4.4.5 Rate limit exceeded, try again later."
verdict "bare rate limit exceeded (Haraka per recipient)" rate no "451 rate limit exceeded"
verdict "bare rate limit exceeded, please retry" rate no "450 4.7.1 Rate limit exceeded; please retry later"
verdict "rate limit exceeded naming the sending IP" rate yes "421 4.7.0 Rate limit exceeded for 192.0.2.48"
verdict "rate limit exceeded naming the connections" rate yes "421 4.7.0 Connection rate limit exceeded, try again later"
verdict "rate limit exceeded for you" rate yes "451 4.7.1 You have exceeded the rate limit, try again later"
# The sender's own account over its sending quota at its provider (rate, a
# block while it lasts: README, the sender's own provider's limits), and the
# same words for one message, one recipient, a session or a mailbox.
verdict "account reached its email quota limit" rate yes \
	"450 Your account reached its email quota limit. Contact support to increase it. #MS42204"
verdict "account reached its daily sending quota" rate yes "550 5.7.1 Your account has reached its daily sending quota"
verdict "account exceeded its sending limit" rate yes "450 4.7.1 Your account has exceeded its sending limit"
verdict "look-alike of shapes15-account-sending-quota: a message size limit" size no \
	"552 5.3.4 Your account has exceeded its message size limit"
verdict "look-alike of shapes15-account-sending-quota: recipients per message" rate no \
	"452 4.5.3 Your account has exceeded its recipient limit per message"
verdict "look-alike of shapes15-account-sending-quota: the recipient's storage" mailbox-full no \
	"552 5.2.2 The email account that you tried to reach has exceeded its storage quota"
verdict "look-alike of shapes15-account-sending-quota: the recipient's account quota" mailbox-full no \
	"452 4.2.2 The recipient's account has reached its quota"
verdict "look-alike of shapes15-account-sending-quota: a session's limit" rate no \
	"421 4.7.0 Your account has exceeded its connection limit per session"
verdict "block like shapes15-account-sending-quota: the account suspended for abuse" reputation yes \
	"550 5.7.1 Your account has been suspended for abuse"

# Bare CR or LF line endings in a message (content, one message's form), and a
# list named beside them (the block).
verdict "message contains bare CR" content no "552 5.2.0 Message contains bare CR and is violating 822.bis section 2.3"
verdict "message contains bare LF" content no "550 5.7.1 Message contains bare LF"
verdict "block like shapes15-bare-line-ending: a list named" blocklist yes \
	"451 4.5.0 Bare CR received from 192.0.2.1, listed at zen.spamhaus.org"
verdict "service unavailable for your IP, please wait: no standing named" other no "451 Service unavailable for your IP, please wait"
verdict "service not available for IP, closing transmission channel" other no "421 Service not available for IP, closing transmission channel"
verdict "service not available for the IP, closing the transmission channel" other no \
	"421 4.3.2 Service not available for 192.0.2.49, closing the transmission channel"
verdict "access denied for the IP stays a refusal of the IP" other yes "550 Access denied for 192.0.2.50"
verdict "Mimecast host network not allowed: a geographical refusal" blocklist yes "554 Host network not allowed."
verdict "Mimecast host network not allowed, with its link" blocklist yes \
	"554 Host network not allowed - https://community.mimecast.com/docs/DOC-1369#554 [Zz9yXw8vUt7sRq6pOn5mLk.us53]"
verdict "Mimecast security policies stay a verdict on the message" content no \
	"554 Email rejected due to security policies - https://community.mimecast.com/docs/DOC-1369#554"

# Providers' own wordings that are not blocks (one recipient, one message, the
# sender's DNS or signing, the recipient organisation's own policy, the
# receiver's own trouble or load), and blocks in the same providers' styles.
verdict "provider audit: Exchange Online recipient not found" user-unknown no \
	"550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup"
verdict "provider audit: Exchange Online RecipNotFound" user-unknown no \
	"550 5.1.1 RESOLVER.ADR.RecipNotFound; not found [BN8NAM11FT034.eop-nam11.prod.protection.outlook.com]"
verdict "provider audit: Exchange Online too many recipients" rate no "452 4.5.3 Too many recipients"
verdict "provider audit: Exchange Online external forwarding not allowed" other no \
	"550 5.7.520 Access denied, Your organization does not allow external forwarding. Please contact your administrator for further assistance. AS(7555)"
verdict "provider audit: Exchange Online sender not authenticated for group" other no \
	"550 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup; authentication required; Delivery restriction check failed as sender not authenticated"
verdict "provider audit: Exchange Online restricted to recipients permission" other no \
	"550 5.7.129 RESOLVER.RST.RestrictedToRecipientsPermission; not authorized to send to this recipient"
verdict "provider audit: Exchange Online sender not authenticated for mailbox" other no \
	"550 5.7.134 RESOLVER.RST.SenderNotAuthenticatedForMailbox; authentication required; Delivery restriction check failed as sender not authenticated"
verdict "provider audit: Exchange Online mailbox quota" mailbox-full no \
	"554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded"
verdict "provider audit: Exchange Online directory based edge blocking" user-unknown no \
	"550 5.4.1 Recipient address rejected: Access denied. AS(201806281) [BN8NAM11FT123.eop-nam11.prod.protection.outlook.com 192.0.2.1]"
verdict "provider audit: Exchange Online DMARC reject" auth no \
	"550 5.7.509 Access denied, sending domain example.com does not pass DMARC verification and has a DMARC policy of reject."
verdict "provider audit: Exchange Online SPF violation" auth no \
	"550 5.7.23 The message was rejected because of Sender Policy Framework violation"
verdict "provider audit: Exchange Online authentication level" auth no \
	"550 5.7.515 Access denied, sending domain example.com doesn't meet the required authentication level."
verdict "provider audit: Exchange Online bare linefeeds" content no \
	"550 5.6.11 SMTPSEND.BareLinefeedsAreIllegal; message contains bare linefeeds, which cannot be sent via DATA"
verdict "provider audit: Exchange Online message size" size no \
	"552 5.3.4 Message size exceeds fixed maximum message size"
verdict "provider audit: Exchange Online SendAs denied" other no \
	"550 5.7.3 STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message due to a permanent exception"
verdict "provider audit: Exchange Online hop count" other no \
	"554 5.4.14 Hop count exceeded - possible mail loop ATTR34 [DM6NAM11FT054.eop-nam11.prod.protection.outlook.com]"
verdict "provider audit: Exchange Online client authentication disabled" other no \
	"550 5.7.57 Client not authenticated to send mail. Error: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant."
verdict "provider audit: Exchange Online RFC 5322 From" content no \
	"550 5.7.512 Access denied, message must be RFC 5322 section 3.6.2 compliant and include a valid From address"
verdict "provider audit: Outlook.com mailbox unavailable" user-unknown no \
	"550 5.5.0 Requested action not taken: mailbox unavailable (S2017062302). [AM4PEPF00027A5F.eurprd04.prod.outlook.com 2026-01-12T10:00:00.000Z]"
verdict "provider audit: Exchange Online per-sender receive limit" rate no \
	"550 5.2.121 Recipient's per hour message receive limit from specific sender exceeded."
verdict "provider audit: Exchange Online per-recipient receive limit" rate no \
	"550 5.2.122 Recipient's per hour message receive limit exceeded."
verdict "provider audit: Exchange Online group allowed senders" other no \
	"550 5.7.124 Sender not in allowed-senders list [BN8NAM11FT012.eop-nam11.prod.protection.outlook.com]"
verdict "provider audit: Exchange Server concurrent connections" other no \
	"421 4.3.2 The maximum number of concurrent server connections has exceeded a limit, closing transmission channel"
verdict "provider audit: Exchange Server insufficient resources" other no "452 4.3.1 Insufficient system resources (TrRSRC)"
verdict "provider audit: Exchange Online DNS query failed" other no \
	"451 4.4.0 DNS query failed. The error was: DNS query failed with error: ErrorRetry"
verdict "provider audit: Exchange Online message expired" other no \
	"550 4.4.7 QUEUE.Expired; message expired [DM6PR11MB1234.namprd11.prod.outlook.com]"
verdict "provider audit: Exchange Online content filter" content no "550 5.7.1 Message rejected as spam by Content Filtering."
verdict "provider audit: Exchange Online remote user unknown" user-unknown no \
	"550 5.1.351 Cannot deliver mail. Remote host said: 550 5.1.1 User unknown"
verdict "provider audit: Exchange Online banned sending IP" blocklist yes \
	"550 5.7.606 Access denied, banned sending IP [192.0.2.1]. To request removal from this list please visit https://sender.office.com/ and follow the directions."
verdict "provider audit: Exchange Online traffic not accepted from this IP" reputation yes \
	"550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP."
verdict "provider audit: Exchange Online server busy" rate yes \
	"451 4.7.500 Server busy. Please try again later from [192.0.2.1]. (S77714) [DM6NAM11FT064.eop-nam11.prod.protection.outlook.com]"
verdict "provider audit: Exchange Online IP throttled" reputation yes \
	"451 4.7.650 The mail server [192.0.2.1] has been temporarily rate limited due to IP reputation. For e-mail delivery information, see https://postmaster.live.com (S775)"
verdict "provider audit: Outlook.com block list S3150" blocklist yes \
	"550 5.7.1 Unfortunately, messages from [192.0.2.1] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors."
verdict "provider audit: Exchange Online banned sender" blocklist yes \
	"550 5.7.511 Access denied, banned sender[192.0.2.1]. To request removal from this list, forward this message to delist@messaging.microsoft.com."

verdict "provider audit: Gmail recipient receiving rate" rate no \
	"450 4.2.1 The user you are trying to contact is receiving mail at a rate that prevents additional messages from being delivered. Please resend your message at a later point. If the user is able to receive mail at that time, your message will be delivered. https://support.google.com/mail/?p=ReceivingRate"
verdict "provider audit: Gmail over quota" mailbox-full no \
	"452 4.2.2 The email account that you tried to reach is over quota. Please direct the recipient to https://support.google.com/mail/?p=OverQuotaTemp"
verdict "provider audit: Gmail no such user" user-unknown no \
	"550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. https://support.google.com/mail/?p=NoSuchUser"
verdict "provider audit: Gmail account disabled" user-unknown no \
	"550 5.2.1 The email account that you tried to reach is disabled. https://support.google.com/mail/?p=DisabledUser"
verdict "provider audit: Gmail DMARC policy" auth no \
	"550 5.7.26 Unauthenticated email from example.com is not accepted due to domain's DMARC policy. Please contact the administrator of example.com domain if this was a legitimate mail. https://support.google.com/mail/answer/2451690"
verdict "provider audit: Gmail unauthenticated sender" auth no \
	"550 5.7.26 This mail has been blocked because the sender is unauthenticated. Gmail requires all senders to authenticate with either SPF or DKIM."
verdict "provider audit: Gmail From alignment" auth no \
	"421 4.7.32 [192.0.2.1] The 'From' header is not aligned with either the authenticated SPF or DKIM organizational domain. https://support.google.com/mail/?p=UnauthenticatedEmail"
verdict "provider audit: Gmail short DKIM key" auth no \
	"421 4.7.30 [192.0.2.1] The DKIM signature uses a key less than 1024 bits. https://support.google.com/mail/?p=UnauthenticatedEmail"
verdict "provider audit: Gmail suspicious SPF record" auth no \
	"451 4.7.24 [192.0.2.1] The SPF record of the sending domain has one or more suspicious entries. https://support.google.com/mail/?p=UnauthenticatedEmail"
verdict "provider audit: Gmail PTR" ptr no \
	"550 5.7.25 [192.0.2.1] The IP address sending this message does not have a PTR record setup, or the corresponding forward DNS entry does not point to the sending IP. https://support.google.com/mail/?p=IPv6AuthError"
verdict "provider audit: Gmail STARTTLS first" other no "530 5.7.0 Must issue a STARTTLS command first."
verdict "provider audit: Gmail TLS required for the recipient domain" other no \
	"421 4.7.0 TLS required for RCPT domain, closing connection. https://support.google.com/mail/?p=TLSRequired"
verdict "provider audit: Gmail message likely unsolicited" content no \
	"550 5.7.1 [192.0.2.1] Our system has detected that this message is likely unsolicited mail. To reduce the amount of spam sent to Gmail, this message has been blocked. https://support.google.com/mail/?p=UnsolicitedMessageError"
verdict "provider audit: Gmail blocked message security" content no \
	"552 5.7.0 This message was blocked because its content presents a potential security issue. Please visit https://support.google.com/mail/?p=BlockedMessage to review our message content and attachment content guidelines."
verdict "provider audit: Gmail content and links suspicious" content no \
	"421 4.7.0 [192.0.2.1 15] Our system has detected that this message is suspicious due to the nature of the content and/or the links within. https://support.google.com/mail/?p=UnsolicitedMessageError"
verdict "provider audit: Gmail message size" size no \
	"552 5.2.3 Your message exceeded Google's message size limits. Please visit https://support.google.com/mail/?p=MaxSizeError"
verdict "provider audit: Gmail policy of the recipient domain" content no \
	"550 5.7.1 [192.0.2.1] The user or domain that you are sending to (or from) has a policy that prohibited the mail that you sent. Please contact your domain administrator for further details. https://support.google.com/a/answer/172179"
verdict "provider audit: Gmail temporary rejection" other no "451 4.3.0 Mail server temporarily rejected message."
verdict "provider audit: Gmail temporary system problem" other no "421 4.3.0 Temporary System Problem. Try again later."
verdict "provider audit: Gmail multiple From addresses" content no \
	"550 5.7.1 Messages with multiple addresses in From: header are not accepted. https://support.google.com/mail/?p=MultipleFrom"
verdict "provider audit: Gmail recipient domain not found" user-unknown no \
	"553 5.1.2 We weren't able to find the recipient domain. Please check for any spelling errors, and make sure you didn't enter any spaces, periods, or other punctuation after the recipient's email address."
verdict "provider audit: Gmail too many recipients" rate no "452 4.5.3 Your message has too many recipients. https://support.google.com/mail/?p=TooManyRecipientsError"
verdict "provider audit: Gmail fails authentication checks" auth no \
	"550 5.7.1 This message does not have authentication information or fails to pass authentication checks (SPF or DKIM). To best protect our users from spam, the message has been blocked."
verdict "provider audit: Gmail unusual rate of unsolicited mail" reputation yes \
	"421 4.7.28 [192.0.2.1] Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been temporarily rate limited. https://support.google.com/mail/?p=UnsolicitedRateLimitError"
verdict "provider audit: Gmail very low reputation of the IP" reputation yes \
	"550 5.7.1 [192.0.2.1] Our system has detected that this message is likely suspicious due to the very low reputation of the sending IP address. https://support.google.com/mail/answer/188131"
verdict "provider audit: Gmail very low reputation of the domain" reputation yes \
	"550 5.7.1 [192.0.2.1] Our system has detected that this message is likely suspicious due to the very low reputation of the sending domain. https://support.google.com/mail/answer/188131"
verdict "provider audit: Google daily user sending limit" rate yes "550 5.4.5 Daily user sending limit exceeded."

verdict "provider audit: Yahoo no account" user-unknown no \
	"554 delivery error: dd This user doesn't have a yahoo.com account (someone@yahoo.com) [0] - mta1234.mail.bf1.yahoo.com"
verdict "provider audit: Yahoo mailbox disabled" user-unknown no \
	"554 delivery error: dd Sorry your message to someone@yahoo.com cannot be delivered. This mailbox is disabled (554.30). - mta1012.mail.gq1.yahoo.com"
verdict "provider audit: Yahoo account disabled or discontinued" user-unknown no \
	"554 30 Sorry, your message to someone@yahoo.com cannot be delivered. This account has been disabled or discontinued [#102]. - mta1003.mail.ne1.yahoo.com"
verdict "provider audit: Yahoo unauthenticated sender" auth no \
	"550 5.7.9 This mail has been blocked because the sender is unauthenticated. Yahoo requires all senders to authenticate with either SPF or DKIM."
verdict "provider audit: Yahoo DMARC" auth no \
	"554 5.7.9 Message not accepted for policy reasons. DMARC verification failed for example.com. See https://postmaster.yahooinc.com/error-codes"
verdict "provider audit: Yahoo DMARC evaluation error" auth no "554 5.7.5 Permanent error evaluating DMARC policy"
verdict "provider audit: Yahoo headers not RFC compliant" content no "554 Message not allowed - Headers are not RFC compliant[291]"
verdict "provider audit: Yahoo mailbox not found" user-unknown no "552 1 Requested mail action aborted, mailbox not found"
verdict "provider audit: Yahoo TSS04" reputation yes \
	"421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes"
verdict "provider audit: Yahoo TSS09" reputation yes \
	"421 4.7.0 [TSS09] All messages from 192.0.2.1 will be permanently deferred; Retrying will NOT succeed. See https://postmaster.yahooinc.com/error-codes"
verdict "provider audit: Yahoo BL21" blocklist yes \
	"553 5.7.1 [BL21] Connections will not be accepted from 192.0.2.1, because the ip is in Spamhaus's list; see https://postmaster.yahooinc.com/error-codes"
verdict "provider audit: Yahoo BL23" blocklist yes \
	"553 5.7.1 [BL23] Connections not accepted from IP addresses on Spamhaus XBL; see https://postmaster.yahooinc.com/error-codes"

verdict "provider audit: AOL RTR:RD" ptr no "554- (RTR:RD) http://postmaster.info.aol.com/errors/554rtrrd.html"
verdict "provider audit: AOL DNS:NR" ptr no "421 4.7.0 : (DNS:NR) http://postmaster.info.aol.com/errors/421dnsnr.html"
verdict "provider audit: AOL recipient rejected" user-unknown no "550 5.1.1 <someone@aol.com>: Recipient address rejected: aol.com"
verdict "provider audit: AOL RTR:BL" blocklist yes "554- (RTR:BL) http://postmaster.info.aol.com/errors/554rtrbl.html"
verdict "provider audit: AOL DYN:T1" rate yes "421 4.7.1 : (DYN:T1) http://postmaster.info.aol.com/errors/421dynt1.html"

verdict "provider audit: iCloud over quota" mailbox-full no "552 5.2.2 <someone@icloud.com>: user is over quota (in reply to RCPT TO command)"
verdict "provider audit: iCloud inactive address" user-unknown no "550 5.1.1 <someone@icloud.com>: inactive email address (in reply to RCPT TO command)"
verdict "provider audit: iCloud recipient rate" rate no "450 4.2.1 The recipient has exceeded their message rate limit. Try again later."
verdict "provider audit: iCloud Spamhaus SBL" blocklist yes \
	"550 5.7.1 Mail from IP 192.0.2.1 was rejected due to listing in Spamhaus SBL. For details please see http://www.spamhaus.org/query/bl?ip=192.0.2.1"

verdict "provider audit: GMX mailbox unavailable" user-unknown no "550 Requested action not taken: mailbox unavailable"
verdict "provider audit: GMX DMARC" auth no \
	"550 5.7.1 Unauthenticated email from gmx.net is not accepted due to domain's DMARC policy"
verdict "provider audit: GMX IP block listed" blocklist yes \
	"554-gmx.net (mxgmx110) Nemesis ESMTP Service not available 554-No SMTP service 554-IP address is block listed. 554 For explanation visit https://www.gmx.net/mail/senderguidelines?ip=192.0.2.1&c=bl"

verdict "provider audit: T-Online recipient unknown" user-unknown no "550 5.1.1 <someone@t-online.de>: Recipient address rejected: no such user (UNK)"
verdict "provider audit: T-Online BL" blocklist yes \
	"554 IP=192.0.2.1 - A problem occurred. (Ask your postmaster for help or to contact tosa@rx.t-online.de to clarify.) (BL)"
verdict "provider audit: T-Online DIAL" blocklist yes "554 IP=192.0.2.1 - Dialup/transient IP not allowed. (DIAL)"

verdict "provider audit: Orange system error 505" other no \
	"421 mwinf5c10 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR_505 [505]"
verdict "provider audit: Orange user unknown" user-unknown no "550 5.1.1 <someone@orange.fr>: Recipient address rejected: User unknown"

verdict "provider audit: Comcast not our customer" user-unknown no "550 5.1.1 <someone@comcast.net> Not our Customer"
verdict "provider audit: Comcast PTR" ptr no \
	"554 5.7.1 192.0.2.1 does not have a valid PTR record, see https://postmaster.comcast.net/smtp-error-codes.php#PTR"
verdict "provider audit: Comcast DNSBL" blocklist yes \
	"554 resimta-ch2-18v.sys.comcast.net resimta-ch2-18v.sys.comcast.net 192.0.2.1 found on one or more DNSBLs, see http://postmaster.comcast.net/smtp-error-codes.php#BL000001"
verdict "provider audit: Comcast RL" rate yes \
	"421 4.7.0 192.0.2.1 rate limited, see http://postmaster.comcast.net/smtp-error-codes.php#RL000001"

verdict "provider audit: Cox recipient rejected" user-unknown no "550 5.1.1 <someone@cox.net> recipient rejected"
verdict "provider audit: Cox mailbox full" mailbox-full no "552 5.2.2 <someone@cox.net> mailbox full"
verdict "provider audit: Cox no reverse DNS" ptr no \
	"554 cdptpa-ibmta02.email.rr.com rejected. IP 192.0.2.1 has no reverse DNS. Please visit http://postmaster.cox.net/confluence/display/postmaster/Error+Codes#ErrorCodes-CXDNS"

verdict "provider audit: AT&T reverse DNS" ptr no \
	"550 5.7.1 Connections not accepted from servers without a valid sender domain.flph829 Fix reverse DNS for 192.0.2.1"
verdict "provider audit: AT&T addressee unknown" user-unknown no "550 5.1.1 <someone@att.net>... Addressee unknown, relay=[192.0.2.1]"
verdict "provider audit: AT&T mailbox full" mailbox-full no "552 5.2.2 <someone@att.net>... Mailbox full"
verdict "provider audit: AT&T ATTRBL" blocklist yes \
	"553 5.3.0 flpd576 DNSBL:ATTRBL 521< 192.0.2.1 >_is_blocked.For assistance forward this email to abuse_rbl@abuse-att.net"

verdict "provider audit: Mimecast user entry" other no "550 Envelope blocked - User Entry - https://community.mimecast.com/docs/DOC-1369#550"
verdict "provider audit: Mimecast administrative prohibition" other no \
	"550 Administrative prohibition - envelope blocked - https://community.mimecast.com/docs/DOC-1369#550"
verdict "provider audit: Mimecast anti-spoofing" content no \
	"550 Rejected by header based Anti-Spoofing policy: someone@example.com - https://community.mimecast.com/docs/DOC-1369#550"
verdict "provider audit: Mimecast invalid recipient" user-unknown no "550 Invalid Recipient - https://community.mimecast.com/docs/DOC-1369#550"
verdict "provider audit: Mimecast internal resources" greylist no \
	"451 Internal resources are temporarily unavailable - https://community.mimecast.com/docs/DOC-1369#451"
verdict "provider audit: Mimecast manually blocked senders" other no \
	"550 Rejected by header-based manually Blocked Senders - block for manual block - https://community.mimecast.com/docs/DOC-1369#550"
verdict "provider audit: Mimecast attachment size" size no \
	"550 Message Attachment Size Exceeds Maximum Set By Administrator - https://community.mimecast.com/docs/DOC-1369#550"
verdict "provider audit: Mimecast DMARC" auth no \
	"550 Rejected by DMARC policy Please check DMARC configuration - https://community.mimecast.com/docs/DOC-1369#550"
verdict "provider audit: Mimecast IP reputation" reputation yes \
	"550 Local CT IP Reputation - (reject) - https://community.mimecast.com/docs/DOC-1369#550"

verdict "provider audit: Proofpoint relay access denied" relay-denied no "554 5.7.1 <someone@example.com>: Relay access denied"
verdict "provider audit: Proofpoint blocked" blocklist yes "554 5.7.1 Blocked - see https://ipcheck.proofpoint.com/?ip=192.0.2.1"

verdict "provider audit: Barracuda recipient unknown" user-unknown no \
	"550 permanent failure for one or more recipients (someone@example.com:550 5.1.1 User unknown)"
verdict "provider audit: Barracuda reputation" blocklist yes \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using Barracuda Reputation; http://www.barracudanetworks.com/reputation/?r=1&ip=192.0.2.1"

verdict "provider audit: Cisco address rejected" user-unknown no "550 #5.1.0 Address rejected someone@example.com"
verdict "provider audit: Cisco invalid header" content no "554 5.6.0 Message contains invalid header"
verdict "provider audit: Cisco DMARC" auth no "550 #5.7.1 Your message was rejected by DMARC policy"
verdict "provider audit: Cisco temporary rejection" other no "451 #4.3.0 Mail server temporarily rejected message"
verdict "provider audit: Cisco poor reputation" reputation yes \
	"554 Your access to this mail system has been rejected due to the sending MTA's poor reputation. If you believe that this failure is in error, please contact the intended recipient via alternate means."

verdict "provider audit: QQ content denied" content no \
	"550 Mail content denied. http://service.exmail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000726"
verdict "provider audit: QQ mailbox not found" user-unknown no \
	"550 Mailbox not found. http://service.exmail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000728"
verdict "provider audit: QQ mail from not the login" other no "501 Mail from address must be same as authorization user."
verdict "provider audit: QQ IP frequency" rate yes \
	"550 Ip frequency limited. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000722"

verdict "provider audit: NetEase user not found" user-unknown no "550 User not found: someone@163.com"
verdict "provider audit: NetEase DT:SPM" content no \
	"554 DT:SPM 163 mx14,QsCowECpr0Fb8K9jAAAA--.1S2 1672476507, please see http://mail.163.com/help/help_spam_16.htm?ip=192.0.2.1&hostid=mx14&time=1672476507"

verdict "provider audit: Yandex spam suspicion" content no \
	"554 5.7.1 [2] Message rejected under suspicion of SPAM; https://ya.cc/1IrBc 1672476507-abcdef"
verdict "provider audit: Yandex target address policy" other no "550 5.7.1 Policy rejection on the target address"
verdict "provider audit: Yandex no such user" user-unknown no "550 5.7.1 No such user!"
verdict "provider audit: Yandex service unavailable" other no "451 4.7.1 Sorry, the service is currently unavailable. Please come back later."
verdict "provider audit: Yandex DMARC" auth no "550 5.7.1 Email rejected per DMARC policy for example.com"

verdict "provider audit: Mail.ru spam message" content no \
	"550 spam message rejected. Please visit https://help.mail.ru/notspam-support/id?c=abc or report details to abuse@corp.mail.ru. Error code: 1234567890."
verdict "provider audit: Mail.ru account disabled" user-unknown no \
	"550 Message was not accepted -- invalid mailbox. Local mailbox someone@mail.ru is unavailable: account is disabled"
verdict "provider audit: Mail.ru user not found" user-unknown no \
	"550 Message was not accepted -- invalid mailbox. Local mailbox someone@mail.ru is unavailable: user not found"
verdict "provider audit: Mail.ru DMARC" auth no "550 Message rejected due to DMARC policy"

verdict "provider audit: Zoho user does not exist" user-unknown no "550 5.1.1 User does not exist - <someone@zoho.com>"
verdict "provider audit: Zoho relaying disallowed" other no "553 Relaying disallowed as someone@example.com"
verdict "provider audit: Zoho unusual sending activity" reputation yes "550 5.4.6 Unusual sending activity detected. Please try after sometime."
verdict "provider audit: Gmail rate limited for SPF" auth no \
	"421 4.7.27 [192.0.2.1] Your email has been rate limited because SPF authentication didn't pass for this message. https://support.google.com/mail/?p=UnauthenticatedEmail"
verdict "provider audit: Gmail rate limited without authentication" auth no \
	"421 4.7.26 [192.0.2.1] Your email has been rate limited because this message is not authenticated with SPF or DKIM. https://support.google.com/mail/?p=UnauthenticatedEmail"
verdict "provider audit: Gmail rate limited for DKIM" auth no \
	"421 4.7.40 [192.0.2.1] Your email has been rate limited because DKIM authentication didn't pass for this message. https://support.google.com/mail/?p=UnauthenticatedEmail"
verdict "provider audit: Gmail rate limited without TLS" other no \
	"421 4.7.0 [192.0.2.1] Your email has been rate limited because it was not sent over a TLS connection. https://support.google.com/mail/?p=TLS"
verdict "provider audit: Gmail missing Message-ID" content no \
	"550 5.7.1 [192.0.2.1] Messages missing a valid Message-ID header are not accepted. https://support.google.com/mail/?p=RfcMessageNonCompliant"
verdict "provider audit: Gmail missing From" content no \
	"550 5.7.1 [192.0.2.1] Messages missing a valid address in the From: header, or having no From: header, are not accepted. https://support.google.com/mail/?p=RfcMessageNonCompliant"
verdict "provider audit: Gmail not RFC 5322" content no \
	"550 5.7.1 [192.0.2.1] Our system has detected that this message is not RFC 5322 compliant. https://support.google.com/mail/?p=RfcMessageNonCompliant"
verdict "provider audit: Exchange Online TLS versions" other no \
	"421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2. Visit https://aka.ms/smtp_auth_tls."
verdict "provider audit: Exchange Online connection dropped" other no "421 4.4.2 Connection dropped due to TimeoutException"
verdict "provider audit: Exchange Online organization queue quota" other no "451 4.7.3 Organization queue quota exceeded."
verdict "provider audit: Exchange Online spam abuse" reputation yes \
	"550 5.7.501 Access denied, spam abuse detected. The sending account has been banned due to detected spam activity."
verdict "provider audit: Outlook.com S3140" blocklist yes \
	"550 5.7.1 Unfortunately, messages from [192.0.2.1] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3140). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors."
verdict "provider audit: Outlook.com 4.7.651" reputation yes \
	"451 4.7.651 The mail server IP connecting to Outlook.com server is temporarily rate limited due to IP reputation. For e-mail delivery information, see https://postmaster.live.com (S843)"
verdict "provider audit: Yahoo unresolvable from domain" other no \
	"451 Message temporarily deferred due to unresolvable RFC.5321 from domain"
verdict "provider audit: Yahoo policy reasons" content no \
	"554 5.7.9 Message not accepted for policy reasons. See https://postmaster.yahooinc.com/error-codes"
verdict "provider audit: Yahoo max messages per connection" rate no "421 Max message per connection reached, closing transmission channel"
verdict "provider audit: Yahoo GL01" reputation yes \
	"421 4.7.0 [GL01] Message from (192.0.2.1) temporarily deferred - 4.16.50. Please refer to http://postmaster.yahoo.com/errors/postmaster-21.html"
verdict "provider audit: AOL RLY:B1" reputation yes "554 5.7.1 : (RLY:B1) http://postmaster.info.aol.com/errors/554rlyb1.html"
verdict "provider audit: AOL CON:B1" rate yes "421 4.7.1 : (CON:B1) http://postmaster.info.aol.com/errors/421conb1.html"
verdict "provider audit: Comcast RL sessions" rate yes \
	"421 4.7.0 192.0.2.1 Too many sessions opened, see http://postmaster.comcast.net/smtp-error-codes.php#RL000010"
verdict "provider audit: Orange mailbox full" mailbox-full no "552 5.2.2 Boite du destinataire pleine. Recipient mailbox full. OFR_417 [417]"
verdict "provider audit: Orange OFR 102" blocklist yes \
	"550 5.7.1 Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR_102 [102]"
verdict "provider audit: GMX quota naming the IP" mailbox-full no \
	"452 4.2.2 Quota exceeded (mailbox for someone@gmx.de full) for 192.0.2.1"
verdict "provider audit: Mimecast header Blocked Senders" other no \
	"550 Rejected by header based Blocked Senders - Block policy for Header From - https://community.mimecast.com/docs/DOC-1369#550"
verdict "provider audit: Mimecast open relay" relay-denied no "451 Open relay not allowed - https://community.mimecast.com/docs/DOC-1369#451"
verdict "provider audit: Barracuda b.barracudacentral.org" blocklist yes \
	"554 Service unavailable; Client host [192.0.2.1] blocked using b.barracudacentral.org; http://www.barracudanetworks.com/reputation/?pr=1&ip=192.0.2.1"
verdict "provider audit: Cisco concurrent connections from the IP" rate yes \
	"421 Too many concurrent SMTP connections from this IP address; please try again later."
verdict "provider audit: QQ rejected by recipients" other no "550 Mail is rejected by recipients [MZTNpGI4JS8AAAA yNE0RgAA]"
verdict "provider audit: QQ connection frequency" rate yes \
	"550 Connection frequency limited. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000722"
verdict "provider audit: Mail.ru user terminated" user-unknown no \
	"550 Message was not accepted -- invalid mailbox. Local mailbox someone@mail.ru is unavailable: user is terminated"
verdict "provider audit: Zoho sender not allowed to relay" other no "553 Sender is not allowed to relay emails"
verdict "provider audit: Exchange Online Customer Block list" other no \
	"550 5.7.1 Service unavailable, Client host [192.0.2.1] blocked using Customer Block list (AS16012607). To request removal from this list please forward this message to delist@messaging.microsoft.com"
verdict "provider audit: Exchange Online recipient organization blocks the domain" other no \
	"550 5.7.1 Your email was rejected because the recipient's organization blocks messages from your domain"
verdict "provider audit: Exchange Online send as permission" other no "550 5.7.60 SMTP; Client does not have permissions to send as this sender"
verdict "provider audit: Exchange Online non-accepted domain" relay-denied no "550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain"
verdict "provider audit: Exchange Server STARTTLS required" other no "451 5.7.3 STARTTLS is required to send mail"
verdict "provider audit: Exchange Online bad outbound sender" reputation yes "550 5.1.8 Access denied, bad outbound sender"
verdict "provider audit: Google inbound gateway whitelist" other no \
	"421 4.7.0 [192.0.2.1] IP not in whitelist for RCPT domain, closing connection. https://support.google.com/a/answer/60730"
verdict "provider audit: Google SMTP relay credentials" relay-denied no \
	"550 5.7.0 Mail relay denied [192.0.2.1]. Invalid credentials for relay for one of the domains in: example.com (as obtained from HELO and MAIL FROM). Email is being sent from a domain or IP address which isn't registered in your Workspace account."
verdict "provider audit: Gmail not allowed to send directly" blocklist yes \
	"550 5.7.1 [192.0.2.1] The IP you're using to send mail is not authorized to send email directly to our servers. Please use the SMTP relay at your service provider instead. https://support.google.com/mail/?p=NotAuthorizedError"
verdict "provider audit: Yahoo TS01" reputation yes \
	"421 4.7.0 [TS01] Messages from 192.0.2.1 temporarily deferred due to excessive user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes"
verdict "provider audit: Mimecast sender address blocked" other no "421 Sender address blocked - https://community.mimecast.com/docs/DOC-1369#421"
verdict "provider audit: Proofpoint recipient's blocked senders" other no \
	"550 5.7.1 Sender is on the recipient's blocked senders list"
verdict "provider audit: Zoho too many messages to this recipient" rate no \
	"421 4.7.0 [192.0.2.1] Too many messages to this recipient, try again later"
verdict "provider audit: Mail.ru sender to recipient rate" rate no \
	"451 Try again later. Too many messages from sender someone@example.com to recipient someone@mail.ru"
verdict "provider audit: iCloud Proofpoint list" blocklist yes "550 5.7.0 Blocked - see https://support.proofpoint.com/dnsbl-lookup.cgi?ip=192.0.2.1"
verdict "provider audit: Barracuda blocked for a recipient" other no \
	"550 permanent failure for one or more recipients (someone@example.com:blocked)"
verdict "provider audit: Exchange Server service not available" other no "421 4.3.2 Service not available, closing transmission channel"
verdict "provider audit: Exchange Online unable to relay" relay-denied no "550 5.7.1 Unable to relay"
verdict "provider audit: Exchange Online message detected as spam" content no \
	"550 5.7.350 Remote server returned message detected as spam -> 554 5.7.1 Message rejected as spam"
verdict "provider audit: Gmail receiving too quickly per sender" rate no \
	"450 4.2.1 The user you are trying to contact is receiving mail too quickly. Please resend your message at a later point. https://support.google.com/mail/?p=ReceivingRatePerSender"
verdict "provider audit: Gmail multiple destination domains" other no \
	"451 4.3.0 Multiple destination domains per transaction is unsupported. Please try again."
verdict "provider audit: Gmail domain policy size per transaction" rate no \
	"452 4.5.3 Domain policy size per transaction exceeded, please try this recipient in a separate transaction."
verdict "provider audit: Gmail inbox out of storage" mailbox-full no \
	"452 4.2.2 The recipient's inbox is out of storage space. Please direct the recipient to https://support.google.com/mail/?p=OverQuotaTemp"
verdict "provider audit: Gmail invalid HELO" ptr no \
	"421 4.7.0 [192.0.2.1] Our system has detected an invalid HELO/EHLO hostname. https://support.google.com/mail/?p=helo"
verdict "provider audit: Gmail 4.7.29 not over TLS" other no \
	"421 4.7.29 [192.0.2.1] Your email has been rate limited because this message wasn't sent over a TLS connection. https://support.google.com/mail/?p=TLS"
verdict "provider audit: Gmail 4.7.31 DMARC" auth no \
	"421 4.7.31 [192.0.2.1] Your email has been rate limited because DMARC policy checks didn't pass for this message. https://support.google.com/mail/?p=UnauthenticatedEmail"
verdict "provider audit: Yahoo internal error" other no "451 4.3.2 Internal error. Please retry later [#4.3.2]"
verdict "provider audit: Cox sender domain does not resolve" other no \
	"550 cox.net rejected. Sender domain example.com does not resolve (CXSNDR)"
verdict "provider audit: Cox SMTP protocol" other no "554 cox.net rejected. Improper SMTP command sequence (CXSMTP)"
verdict "provider audit: MessageLabs SPF" auth no \
	"553-SPF (Sender Policy Framework) domain authentication fail. Refer to the Troubleshooting page at http://www.symanteccloud.com/troubleshooting for more details. (#5.7.1)"
verdict "provider audit: MessageLabs invalid recipient" user-unknown no "550-Invalid recipient <someone@example.com> (#5.1.1)"
verdict "provider audit: MessageLabs message filtered" content no \
	"553-Message filtered. Refer to the Troubleshooting page at http://www.symanteccloud.com/troubleshooting for more details. (#5.7.1)"
verdict "provider audit: MessageLabs relay naming the client" relay-denied no \
	"553-you are trying to use me [server-4.tower-21.messagelabs.com] as a relay, but I have not been configured to let you [192.0.2.1, mail.example.com] do this."
verdict "provider audit: MailChannels spam signature" content no "550 5.7.1 [SS] Message rejected as spam"
verdict "provider audit: Hornetsecurity recipient's list" other no \
	"550 5.7.1 Sender rejected (rejected by the whitelist/blacklist of the recipient)"
verdict "provider audit: Hotmail OU-002 content or reputation" content no \
	"550 OU-002 (SNT004-MC2F7) Mail rejected by Windows Live Hotmail for policy reasons. Reasons for rejection may be related to content with spam-like characteristics or IP/domain reputation problems."
verdict "provider audit: Hotmail SC-004 complaints" reputation yes \
	"550 SC-004 (BAY0-MC3-F13) Mail rejected by Hotmail for policy reasons. A block has been placed against your IP address because we have received complaints concerning mail coming from that IP address."
verdict "provider audit: Outlook.com RP-002 connection limit" rate yes \
	"421 RP-002 (COL004-MC1F23) Unfortunately, some messages from 192.0.2.1 weren't sent. Please try again. The mail server IP connecting to Outlook.com server has exceeded the connection limit allowed."
verdict "provider audit: Facebook POL-P1" blocklist yes \
	"550 5.7.1 POL-P1 http://postmaster.facebook.com/response_codes?ip=192.0.2.1#pol-p1 Your mail server's IP Address is listed on the Spamhaus PBL."
verdict "provider audit: GMX bad DNS PTR" ptr no \
	"554-gmx.net (mxgmx017) Nemesis ESMTP Service not available 554-No SMTP service 554-Bad DNS PTR resource record. 554 For explanation visit https://postmaster.gmx.net/en/case?c=r0701&i=ip&v=192.0.2.1&r=1abcDe"
verdict "provider audit: web.de bad DNS PTR" ptr no \
	"554-web.de (mxweb112) Nemesis ESMTP Service not available 554-No SMTP service 554-Bad DNS PTR resource record. 554 For explanation visit https://web.de/email/senderguidelines?ip=192.0.2.1&c=rdns"
verdict "provider audit: T-Online user unknown with tosa" user-unknown no \
	"550 5.1.1 <someone@t-online.de> user unknown. (Ask your postmaster for help or to contact tosa@rx.t-online.de to clarify.)"
verdict "provider audit: T-Online SPF with tosa" auth no \
	"554 5.7.1 IP=192.0.2.1 - Sender domain has no valid SPF record. (Ask your postmaster for help or to contact tosa@rx.t-online.de to clarify.)"
verdict "provider audit: Orange virus" content no \
	"550 5.7.1 Le message a ete refuse car il contient un virus. The message was refused because it contains a virus. OFR_301 [301]"
verdict "provider audit: Orange too many connections" rate yes \
	"421 mwinf5c79 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR005_104 [104]"
verdict "provider audit: Exchange Online certificate validation" other no "450 4.7.320 Certificate validation failed"
verdict "provider audit: Exchange Online wrong region" other no "451 4.4.62 Mail sent to the wrong Office 365 region. ATTR35"
verdict "provider audit: Exchange Server submit permission" other no "550 5.7.1 Client does not have permissions to submit to this server"
verdict "provider audit: Exchange Online inbound connector" other no \
	"550 5.7.51 TenantInboundAttribution; Rejecting. The sender's IP is not authorized to send via the partner inbound connector"
verdict "provider audit: Exchange Online content restrictions" content no "550 5.7.1 Message rejected due to content restrictions"
verdict "provider audit: Exchange Server not accepting network messages" other no "421 4.3.2 System not accepting network messages"
verdict "provider audit: Exchange Online target host" other no "451 4.4.397 Error communicating with target host"
verdict "provider audit: Google relay IP mismatch" relay-denied no \
	"550 5.7.1 Invalid credentials for relay [192.0.2.1]. The IP address you've registered in your Workspace SMTP Relay service doesn't match the domain of the account this email is being sent from."
verdict "provider audit: Google daily relay limit" rate yes "550 5.7.1 Daily SMTP relay limit exceeded for customer. For more information on SMTP relay sending limits please contact your administrator."
verdict "provider audit: Gmail suspicious attachment" content no \
	"552 5.7.0 [192.0.2.1] Gmail has detected that this message contains a suspicious attachment. https://support.google.com/mail/?p=BlockedMessage"
verdict "provider audit: Comcast DMARC code" auth no \
	"554 5.7.1 Email from 192.0.2.1 rejected: sender domain failed DMARC policy, see https://postmaster.comcast.net/smtp-error-codes.php#DM000001"
verdict "provider audit: Cisco recipients per message" rate no "452 #4.5.3 Too many recipients for this message"
verdict "provider audit: NetEase SMTP auth failures" reputation yes "554 IP is rejected, smtp auth error limit exceed"
verdict "provider audit: deferred for one recipient's disabled mailbox" user-unknown no \
	"421 4.7.0 All messages to this recipient will be permanently deferred; mailbox temporarily disabled"
verdict "provider audit: policy violation for an attachment type" content no \
	"554 5.7.1 Message rejected: policy violation - attachment type not allowed"
verdict "provider audit: connection denied, server too busy" other no "421 4.7.0 Connection denied, server too busy, please try again later"
verdict "provider audit: message suspected as spam" content no "554 5.7.1 Message suspected as spam, rejected"
verdict "provider audit: GMX transaction failed with the IP in the case link" content no \
	"554-Transaction failed 554-Reject due to policy restrictions. 554 For explanation visit https://postmaster.gmx.net/en/case?c=hi&i=ip&v=192.0.2.1&r=0ABCde"
verdict "provider audit: too many messages in this session" rate no "421 4.7.0 cox.net too many messages in this session, please reconnect"
verdict "provider audit: Exchange Online delivery quota" mailbox-full no \
	"552 5.2.2 STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionQuotaExceeded; Failed to process message due to a permanent exception with message Cannot open mailbox"
verdict "provider audit: Outlook.com HipNotify verdict" other no \
	"554 5.2.0 STOREDRV.Submission.Exception:OutboundSpamException; Failed to process message due to a permanent exception with message WASCL UserAction verdict is not None. Actual verdict is HipNotify."
verdict "provider audit: T-Online receiver storage" other no "452 4.3.1 IP=192.0.2.1 - Insufficient system storage, try again later"
verdict "provider audit: Orange message refused as spam" content no \
	"550 5.7.1 Votre message a ete refuse car il est considere comme spam. Your message was refused as spam."
verdict "provider audit: Mail.ru greylisting with the abuse desk" greylist no \
	"451 4.7.1 Try again later, greylisted. Contact abuse@corp.mail.ru for questions"
verdict "provider audit: Exchange Online submission quota" rate yes \
	"554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException; Failed to process message due to a permanent exception with message Cannot submit message."

# Open-source mail servers' replies (shapes16.rules): a DNS list's own TXT
# text, a sender domain on an RHSBL, complaint blocks, open connections from
# the sender (blocks); malformed recipients, an account not available,
# the sender's own address, internal errors, SMTPUTF8 / 8BITMIME, header
# addresses, HELO out of sequence, recipients per message, a domain not
# served, MIME parts and line endings (not blocks); and their near misses.
verdict "shapes16: latest spam received via a list's host" blocklist yes \
	"554 Latest spam received via mx.example.net at Mon, 07 Dec 2026 10:00:00 +0100, see http://www.dnsbl.example.org/lookup.php?value=192.0.2.5"
verdict "shapes16: latest spam via, no link" blocklist yes "550 Latest spam received via trap.example.net at Mon, 07 Dec 2026 10:00:00 +0100"
verdict "shapes16: latest spam of a link is no block" content no \
	"554 Latest spam received via mx.example.net at Mon, 07 Dec 2026 10:00:00 +0100 with a URL in the body"
verdict "shapes16: your domain listed in the RHSBL at a zone" blocklist yes "554 Refused. Your domain name is listed in the RHSBL at rhsbl.example.org"
verdict "shapes16: recipient domain in an RHSBL is no block" other no \
	"554 5.7.1 Recipient domain example.com is listed in the RHSBL rhsbl.example.org"
verdict "shapes16: RHSBL lookup failure is no block" other no "451 4.3.0 Temporary lookup failure: domain listed in the RHSBL could not be checked"
verdict "shapes16: recipient blocked due to complaints is no block" user-unknown no \
	"550 5.1.1 Recipient mailbox disabled due to complaints"
verdict "shapes16: complaints address in a refusal is no block" other no "550 Sender rejected: send complaints to postmaster"
verdict "shapes16: too many open connections from your ip" rate yes "421 4.7.0 too many open connections from your ip or network"
verdict "shapes16: too many simultaneous connections from your host" rate yes "421 Too many simultaneous connections from your host, try later"
verdict "shapes16: too many concurrent SMTP connections, all clients" other no "421 Too many concurrent SMTP connections; please try again later."
verdict "shapes16: too many open connections, server busy" other no "421 4.3.2 Server busy: too many open connections from your ip, overloaded"
verdict "shapes16: account not available" user-unknown no "550 Account not available"
verdict "shapes16: recipient account unavailable" user-unknown no "550 5.1.1 <bob@example.org>: Recipient account unavailable"
verdict "shapes16: your account not available is the sender's" other no "550 Your account is not available for sending"
verdict "shapes16: account not available, temporary" other no "450 Account not available, try again later"
verdict "shapes16: improper recipient address" user-unknown no "554 Improper recipient address. Try supplying a domain name."
verdict "shapes16: malformed destination domain" user-unknown no "501 5.1.2 Malformed destination domain (IDNA conversion failed)"
verdict "shapes16: malformed sender domain is the sender's" other no "501 5.1.8 Malformed sender domain (IDNA conversion failed)"
verdict "shapes16: recipient address not normalized" user-unknown no "501 5.1.2 Unable to normalize the recipient address"
verdict "shapes16: invalid sender address under 5.1.3" other no "501 5.1.3 Invalid sender address"
verdict "shapes16: invalid recipient address under 5.1.3" user-unknown no "501 5.1.3 Invalid recipient address"
verdict "shapes16: internal error during policy check" other no "454 4.7.0 Internal error during policy check"
verdict "shapes16: internal error while checking a recipient" other no "451 4.3.0 Internal server error while checking recipient"
verdict "shapes16: message rejected by policy stays content" content no "550 5.7.1 Message rejected due to local policy"
verdict "shapes16: internal error beside a listing stays a block" blocklist yes \
	"554 5.7.1 Internal error during check: client 192.0.2.1 is listed in zen.spamhaus.org"
verdict "shapes16: SMTPUTF8 required" other no "550 5.6.7 SMTPUTF8 is required for non-ASCII senders"
verdict "shapes16: smtputf8 extension required" other no "550 5.6.0 smtputf8 extension is required but was not added to the MAIL command"
verdict "shapes16: non-ASCII message without 8BITMIME" content no "500 5.6.0 message with non-us-ascii requires 8bitmime extension"
verdict "shapes16: 8-bit characters in a command" other no "501 Syntax error (8-bit characters not allowed)"
verdict "shapes16: invalid address in From" content no "554 5.6.0 Invalid address in From"
verdict "shapes16: invalid address in the From header" content no "550 Invalid address in the From header"
verdict "shapes16: invalid address in MAIL FROM is the sender's" other no "553 5.1.7 Invalid address in MAIL FROM"
verdict "shapes16: invalid recipient address after the address" user-unknown no "550 <bob@example.org>: invalid address"
verdict "shapes16: use EHLO before MAIL" other no "503 Use EHLO/HELO before MAIL"
verdict "shapes16: HELO, MAIL and RCPT before data" other no "503 HELO/EHLO, MAIL FROM and RCPT TO before sending data"
verdict "shapes16: invalid HELO before MAIL stays ptr" ptr no "550 Invalid HELO name rejected before MAIL"
verdict "shapes16: HELO host must be a FQDN stays ptr" ptr no "550 HELO host must be a FQDN or address literal (RFC 5321 2.3.5)"
verdict "shapes16: one recipient with a null sender" rate no "452 4.5.3 only one recipient allowed with null reverse address"
verdict "shapes16: only N recipients per message" rate no "452 Only 50 recipients allowed per message"
verdict "shapes16: not accepting email for domain" relay-denied no "550 5.1.1 not accepting email for domain"
verdict "shapes16: not accepting mail from a domain" other no "550 5.7.1 We are not accepting mail from this domain"
verdict "shapes16: too many MIME parts" content no "554 Transaction failed due to too many MIME parts"
verdict "shapes16: bare transaction failed" other no "554 Transaction failed"
verdict "shapes16: invalid line ending" content no "521 5.5.2 Error reading DATA: invalid line ending"
verdict "shapes16: line too long stays a protocol error" other no "500 5.5.0 line too long, smtp max is 512, we reached 2048"
verdict "shapes16: DSN extension disabled is no account" other no "501 5.5.4 DSN extension has been disabled."
verdict "shapes16: REQUIRETLS disabled is no account" other no "501 5.5.4 REQUIRETLS has been disabled."
verdict "shapes16: a login disabled is the sender's" other no "535 5.7.8 Authentication failed: login has been disabled"
verdict "shapes16: mailbox disabled stays the recipient's" user-unknown no "550 5.2.1 This mailbox has been disabled"
verdict "mailchannels: unsubscribed recipient" other no "550 5.7.1 [UNS] Recipient has unsubscribed from your list."
verdict "mailchannels: recipient policy mismatch" other no "452 4.5.3 Recipient policy mismatch"
verdict "mailchannels: too many recipients stays a limit" rate no "452 4.5.3 Too many recipients"
verdict "mailchannels: domain lockdown" other no "550 5.7.1 This sender is not authorized to send from example.com"
# Sendmail's access map refusing a sender address (sendmail.rules): the
# site's own entry, not the sender's reputation, whatever the address says.
verdict "sendmail: access map SPAM REJECT for a sender address" other no "553 5.3.0 <spammer@example.com>... SPAM REJECT"
verdict "sendmail: access map no mail from spammers" other no \
	"550 5.7.1 <info@cyberspammer.example>... We don't accept mail from spammers"
verdict "sendmail: spam source IP blocked stays a block" blocklist yes "553 5.3.0 <x@example.com>... Spam source IP 192.0.2.1 blocked"
verdict "sendmail: a message refused as spam stays content" content no "550 5.7.1 <bob@example.org>... Message rejected as spam"
verdict "sendmail: user unknown after the address" user-unknown no "550 5.1.1 <bob@example.org>... User unknown"
# The session's own errors and its TLS / AUTH trouble (shapes16.rules): not
# blocks; counted from the sender's IP they stay the block rules'.
verdict "shapes16: too many errors in this session" other no "550 Too many errors in this session"
verdict "shapes16: too many bad commands, closing" other no "421 4.7.0 Too many bad commands; closing connection"
verdict "shapes16: too many failed logins locks no recipient" other no "535 5.7.0 Too many failed login attempts, account locked"
verdict "shapes16: too many AUTH errors" other no "454 4.7.0 Too many AUTH errors"
verdict "shapes16: too many errors from your IP stays a block" reputation yes "421 4.7.0 Too many errors from your IP"
verdict "shapes16: too many bad commands from an IP stays a block" reputation yes "554 Too many bad commands from 192.0.2.1"
verdict "shapes16: too many connections from your IP stays a block" rate yes "421 4.7.0 Too many connections from your IP"
verdict "shapes16: TLS currently unavailable" other no "454 TLS currently unavailable"
verdict "shapes16: TLS not available" other no "550 TLS not available"
verdict "shapes16: submission port must be authenticated" other no "550 Mail to submission port must be authenticated"
verdict "shapes16: please re-authenticate" other no "550 Login credentials no longer valid. Please re-authenticate."
verdict "shapes16: mailbox unavailable stays the recipient's" user-unknown no "550 Requested action not taken: mailbox unavailable"
verdict "shapes16: DKIM must be authenticated stays auth" auth no "550 5.7.1 Messages from example.com must be authenticated with DKIM"
verdict "sendmail: a dnsbl text quoting the address is no access entry" blocklist yes \
	"553 5.3.0 <x@example.com>... Spam blocked see: http://spamcop.net/bl.shtml?192.0.2.1"
# The labeller's calls (patterns/README.md): Alibaba's 505 is per message
# (rate, no) and its 504 the sender's (rate, yes); GMX / web.de's "(IP
# based)" and "(domain based)" policy refusals are the sender's standing,
# "(header based)" a message's; Mimecast's account replies are the
# receiving organisation's; hMailServer's route list is the address's.
verdict "alibaba 505 recipient total: per message" rate no "505 the total of RCPTs is achieved the maximum threshold"
verdict "alibaba 504 recipient attempts: the sender's" rate yes "504 the number of RCPT attempts is achieved the maximum threshold"
verdict "web.de policy restrictions, IP based" reputation yes "550 <someone@web.de>: Reject due to policy restrictions (IP based)"
verdict "web.de policy restrictions, domain based" reputation yes "550 <a.b@web.de>: Reject due to policy restrictions (domain based)"
verdict "web.de policy restrictions, header based: a message's" content no "550 <a.b@web.de>: Reject due to policy restrictions (header based)"
verdict "mimecast account inbounds disabled, coded" other no "451 4.3.2 Account inbounds disabled"
verdict "hmailserver route list, 550" user-unknown no "550 Recipient not in route list."
verdict "maddy normalize recipient, quoted" user-unknown no "host mx.example.org[192.0.2.7] said: 501 5.1.2 Unable to normalize the recipient address (in reply to RCPT TO command)"
verdict "exchange online 5.1.0 sender denied, coded" user-unknown no "550 5.1.0 Sender denied"
verdict "exchange online 5.7.1 not authenticated stays other" other no "550 5.7.1 Client was not authenticated"
# Precision of rules widened to any case or to a reply quoted after other
# words: a recipient's refusal, a URL or link of the message, a lookup that
# could not check and "not listed" are not the sending IP on a list; a
# relay's per-recipient refusal quoting the words after its own code is the
# recipient's (att, dnsbl, forpsi, apple, aol, shapes16, baruwa, cloudflare,
# shapes rules).
verdict "att blocked for abuse: a recipient's account is not the sender" user-unknown no "550 5.1.1 <a@b.example>: Recipient address rejected: account blocked for abuse"
verdict "att blocked for abuse: a URL in the message is not the sender" other no "550 5.7.1 Your message contains a URL blocked for abuse"
verdict "att blocked for abuse stays a block" blocklist yes "550 Error. Blocked for abuse"
verdict "cbl named: a lookup that could not check is no listing" other no "451 4.7.1 Could not check whether your IP is listed in the CBL"
verdict "cbl named: not listed is no listing" other no "550 5.7.1 Your IP is not listed in the CBL; rejected for other reasons"
verdict "cbl named: listed in the CBL stays a block" blocklist yes "550 5.7.1 Your IP is listed in the CBL"
verdict "ivmsip named: a lookup that could not check is no listing" other no "451 4.7.1 Could not check whether your IP is listed in ivmSIP"
verdict "ivmsip named: listed in ivmSIP stays a block" blocklist yes "550 5.7.1 Your IP is listed in ivmSIP"
verdict "dnsbl lookup page: a URL in the body is the message's" other no "550 5.7.1 Message contains URL http://psbl.org/listing?ip=192.0.2.1 in body"
verdict "dnsbl lookup page: the refusal's own page stays a block" blocklist yes "550 Refused: see https://psbl.org/listing?ip=192.0.2.1"
verdict "forpsi policy violation: a 4.1.0 sender policy is not its id" content no "450 4.1.0 Sender policy violation"
verdict "forpsi policy violation: a 5.1.0 recipient policy is not its id" content no "550 5.1.0 Recipient policy violation"
verdict "forpsi policy violation with its id stays a block" rate yes "550 5.1.0 cNkj1y0022zrrQM01NkjaD policy violation, see https://support.forpsi.com/kb/a4077"
verdict "apple CS01 quoted inside a relay's recipient refusal is the recipient's" user-unknown no "550 5.1.1 <a@b.example>: Recipient address rejected: host mx.example.org said: 550 5.7.1 [CS01] Message rejected due to local policy"
verdict "apple CS01 quoted after a relay's host prefix stays a block" reputation yes "host mx01.mail.icloud.com[17.57.154.6] said: 554 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137"
verdict "aol RLY:B1 inside a relay's recipient refusal is the recipient's" user-unknown no "550 5.1.1 <a@b.example>: Recipient address rejected: user unknown in table 451 (RLY:B1)"
verdict "aol RLY:B1 stays a block" reputation yes "554 RLY:B1 http://postmaster.info.aol.com/errors/554rlyb1.html"
verdict "latest spam received via: a recipient refusal is the recipient's" user-unknown no "550 5.1.1 <a@b.example>: Recipient address rejected: Latest spam received via mx.example.net at Wed, 02 Jan 2008 11:58:35 +0100"
verdict "latest spam received via with its lookup page stays a block" blocklist yes "554 Latest spam received via gollum.manitu.net at Wed, 02 Jan 2008 11:58:35 +0100, see http://www.dnsbl.manitu.net/lookup.php?value=192.0.2.167"
verdict "baruwa msgs per hour to one recipient is no sender limit" user-unknown no "550 5.1.1 No such user; you can only send 10 msgs per hour to this recipient"
verdict "baruwa msgs per hour stays a block" rate yes "451 You can only send 100 msgs per hour"
verdict "cloudflare RBLs: a URL found on lists is the message's" content no "550 5.7.1 message refused; 1 URL found on one or more RBLs"
verdict "cloudflare RBLs abusix: a link found on lists is the message's" other no "550 5.7.1 Your message contains a link found on one or more RBLs (abusix)"
verdict "cloudflare RBLs: the client IP stays a block" blocklist yes "554 <192.0.2.122> found on one or more DNSBLs"
verdict "cloudflare RBLs abusix: the client IP stays a block" blocklist yes "554 <192.0.2.121> found on one or more RBLs (abusixip). Refer to https://developers.cloudflare.com/email-routing/postmaster/"
verdict "list named: not listed in spamhaus is no listing" ptr no "550 5.7.1 Your IP 192.0.2.1 is not listed in spamhaus; rejected for missing PTR"
# A policy refusal based on the sending IP is the IP's standing; the other
# bases, and an SPF or greylisting reason, are not.
verdict "policy refusal, IP based" reputation yes "550 5.7.1 Rejected by local policy (IP based)"
verdict "policy refusal, IP based, temporary" reputation yes "451 4.7.1 <a@example.org>: Reject due to policy restrictions (IP based)"
verdict "policy refusal, header based" content no "550 <a@example.org>: Reject due to policy restrictions (header based)"
verdict "policy refusal, IP based, SPF" auth no "550 5.7.1 Mail rejected by policy (IP based): SPF check failed"
verdict "policy refusal, IP based, greylisted" greylist no "550 5.7.1 Rejected due to policy (IP based), greylisted"
# The sender's address or account blocked for complaints is its standing; a
# recipient's address or one message is not.
verdict "sender address blocked due to complaints" reputation yes "550 5.7.1 Your email address has been blocked due to complaints"
verdict "sending address suspended due to complaints" reputation yes "550 Your sending address has been suspended due to complaints"
verdict "recipient address blocked due to complaints" other no "550 5.7.1 Recipient address blocked due to complaints"
verdict "message blocked due to complaints about its content" content no "550 5.7.1 Your message was blocked due to complaints about its content"
verdict "sender address blocked, complaints about SPF" auth no "550 5.7.1 Your email address has been blocked due to complaints about your SPF record"
# A refusal pointing to a DNS list's own site names that list; a list's
# lookup failure, a PTR reason or a recipient refused do not.
verdict "rejected, see a list's site" blocklist yes "553 Rejected due to abuse - see http://dnsbl.sorbs.net"
verdict "blocked, see an rbl site" blocklist yes "550 5.7.1 Blocked - see http://rbl.example.net/lookup"
verdict "rejected, see a site that is no list" other no "550 Rejected due to abuse - see http://www.example.net/abuse"
verdict "list site after a lookup failure" other no "451 4.7.1 DNSBL lookup failed, rejected - see http://dnsbl.example.net"
verdict "list site after a PTR reason" ptr no "550 5.7.1 Rejected: no PTR record - see http://rbl.example.net/ptr"
verdict "list site in a recipient refusal" user-unknown no "550 5.1.1 <a@example.org>: Recipient address rejected: blocked - see http://rbl.example.net"
# A receiver that could not check a list has no listing to report.
verdict "could not check whether sender is found on RBLs" other no "451 4.7.1 Could not check whether sender is found on one or more RBLs"
verdict "could not check whether sender is found on RBLs, permanent" other no "550 Could not check whether sender is found on one or more RBLs"
verdict "unable to verify if your IP is listed" other no "451 Unable to verify if your IP is listed, try again later"
# A HELO name on Spamhaus DBL is the sending host's own name listed.
verdict "HELO name listed on Spamhaus DBL" blocklist yes "554 5.7.1 <news.example.com>: Helo command rejected: listed on Spamhaus DBL"
verdict "HELO name blocked using the DBL, with its lookup page" blocklist yes \
	"554 5.7.1 Service unavailable; Helo command [news.example.com] blocked using dbl.spamhaus.org; http://www.spamhaus.org/query/dbl?domain=example.com"
# The sender's domain on the DBL is a block; a link's domain on it is not.
verdict "sender address domain listed in DBL" blocklist yes "550 5.7.1 sender address domain listed in DBL"
verdict "GoDaddy RBL Reject naming the DBL" blocklist yes "554 RBL Reject: sender address domain listed in dbl"
verdict "URL domain listed in DBL" other no "550 5.7.1 URL domain listed in DBL"
verdict "sender domain DBL lookup failed" other no "451 4.7.1 sender address domain DBL lookup failed"
# Connections from the IP to one recipient are a limit per recipient.
verdict "too many open connections from this IP for this recipient" rate no "421 4.7.0 too many open connections from this IP for this recipient"
verdict "too many concurrent sessions for this mailbox" rate no "451 4.7.1 Too many concurrent sessions for this mailbox"
verdict "too many open connections from your IP stays a block" rate yes "421 4.7.0 too many open connections from your ip or network"
# A relay's recipient verification quoting its next hop refuses the relay's
# probe: no verdict on the sender; a quoted refusal of the recipient stays
# the recipient's.
verdict "verify probe: next hop's list block quoted" other no \
	"550 5.1.1 <a@example.org>: Recipient address rejected: unverified address: host mx.example.net[192.0.2.9] said: 554 5.7.1 Service unavailable; Client host [198.51.100.2] blocked using zen.spamhaus.org"
verdict "verify probe: next hop's blacklisted IP quoted" other no \
	"450 4.1.1 <a@example.org>: Recipient address rejected: unverified address: host mx.example.net[192.0.2.9] said: 550 5.7.1 Your IP 198.51.100.2 is blacklisted"
verdict "verify probe: next hop's connection limit quoted" other no \
	"450 4.1.1 <a@example.org>: Recipient address rejected: unverified address: host mx.example.net[192.0.2.9] said: 421 4.7.0 Too many connections from your IP"
verdict "verify probe: lost connection with the next hop" other no \
	"421 4.1.1 <a@example.org>: Recipient address rejected: unverified address: host example.com[192.0.2.9] said: 450 4.1.1 <a@example.org>: Recipient address rejected: unverified address: lost connection with mail.example.com[192.0.2.10] while sending RCPT TO"
verdict "verify probe: user unknown quoted stays the recipient's" user-unknown no \
	"550 5.1.1 <a@example.org>: Recipient address rejected: undeliverable address: host mx.example.net[192.0.2.9] said: 550 5.1.1 <a@example.org>: Recipient address rejected: User unknown in virtual mailbox table"
verdict "verify probe: no such user quoted stays the recipient's" user-unknown no \
	"550 5.1.1 <a@example.org>: Recipient address rejected: undeliverable address: host mx.example.net[192.0.2.9] said: 550 No such user here"
verdict "verify probe: mailbox full quoted stays the recipient's" mailbox-full no \
	"550 5.1.1 <a@example.org>: Recipient address rejected: undeliverable address: host mx.example.net[192.0.2.9] said: 552 5.2.2 Mailbox full"
verdict "a list block of the client itself stays a block" blocklist yes \
	"554 5.7.1 Service unavailable; Client host [198.51.100.2] blocked using zen.spamhaus.org"
# Gmail's IPv6AuthError anchor is the PTR guideline; its DMARC anchor is auth.
verdict "gmail IPv6AuthError anchor" ptr no "550-5.7.1 [2001:db8::25] https://support.google.com/mail/?p=IPv6AuthError"
verdict "gmail DmarcRejection anchor" auth no "550-5.7.26 https://support.google.com/mail/?p=DmarcRejection"
# A whole reply "WORD is blocked" names the sender when the word is no word
# of the protocol; the protocol's own nouns name what is refused.
verdict "a bare name is blocked, with an enhanced code" other no "550 5.7.1 tutanota is blocked"
verdict "a bare name is blocked, temporary" other no "450 4.7.1 examplemailer is blocked"
verdict "relaying is blocked, a bare word" other no "550 Relaying is blocked"
verdict "sender is blocked, bare" other no "550 Sender is blocked"
verdict "recipient is blocked, bare" other no "550 Recipient is blocked"
verdict "port is blocked" other no "550 5.7.1 port is blocked"
verdict "TLSv1 is blocked, bare" other no "550 TLSv1 is blocked"
verdict "spam is blocked, bare" content no "550 spam is blocked"
verdict "a bare name is blocked with a reason" reputation yes "550 tutanota is blocked for spam"
# A refusal pointing to the receiver's dynamic-address section names the
# IP's class; a PTR reason does not.
verdict "mail refused, see the dynamic section" blocklist yes \
	"554 5.7.1 - ERROR: Mail Refused - <example.com> - See http://www.example.net/mail_blocks#dynamic"
verdict "rejected, see the dialup section" blocklist yes "550 Rejected - see http://www.example.net/blocks#dialup"
verdict "no PTR, see the dynamic section" ptr no "550 5.7.1 Rejected: no PTR - see http://www.example.net/help#dynamic"
verdict "a dynamic section link without a refusal" other no "550 5.7.1 See http://www.example.net/help#dynamic"
# An unusual rate of mail from the sender's SPF or DKIM domain is the
# domain's standing; an SPF or DKIM failure is not.
verdict "unusual rate from your SPF domain, no enhanced code" reputation yes \
	"451 Unusual rate of mail originating from your SPF domain [example.com], mail temporarily rate limited"
verdict "unusual rate of unsolicited mail from your DKIM domain" reputation yes \
	"451 Unusual rate of unsolicited mail originating from your DKIM domain example.com, try again later"
verdict "SPF domain failing, not a rate" auth no "550 5.7.1 Mail from your SPF domain failed the SPF check"
verdict "unusual rate from your SPF domain with an SPF failure" auth no \
	"421 Unusual rate of mail from your SPF domain: SPF check failed"
# The total of RCPTs over a threshold has a per-message reading (no block);
# the number of RCPT attempts is the sender's frequency.
verdict "the total of RCPTs over the threshold, under 550" rate no "550 the total of RCPTs is achieved the maximum threshold"
verdict "the total of RCPTs over the threshold, with a code" rate no "451 4.7.1 the total of RCPTs has reached the maximum threshold"
verdict "the number of RCPT attempts over the threshold stays a block" rate yes "450 4.7.1 the number of RCPT attempts has reached the maximum threshold"
verdict "a .com domain is blocked, with an enhanced code" blocklist yes "550 5.7.1 example.com is blocked"
verdict "a host under .com is blocked" blocklist yes "554 mail.example.com is blocked"
verdict "a program file is blocked" content no "550 5.7.1 invoice.exe is blocked"
# GMX's multi-line replies: the later line decides, the first is a prefix.
verdict "gmx mailbox unavailable prefix, policy restrictions later" content no \
	"550-Requested action not taken: mailbox unavailable 550-Reject due to policy restrictions. 550 For explanation visit http://postmaster.gmx.com/en/error-messages?ip=192.0.2.33&c=poli"
verdict "gmx mailbox unavailable prefix, IP black listed later" blocklist yes \
	"550-Requested action not taken: mailbox unavailable 550-IP address is black listed. 550 For explanation visit https://postmaster.gmx.com/en/error-messages"
verdict "gmx mailbox unavailable with its explanation link" user-unknown no \
	"550-Requested action not taken: mailbox unavailable 550 For explanation visit http://postmaster.gmx.com/en/error-messages"
# GMX's connection refusal naming a list is that list's block.
verdict "gmx Nemesis refusal naming Spamhaus" blocklist yes \
	"554-gmx.net (mxgmx116) Nemesis ESMTP Service not available 554-No SMTP service 554-IP address is listed on Spamhaus. 554 For explanation visit https://postmaster.gmx.com/en/error-messages"
verdict "gmx Nemesis refusal for policy stays reputation" reputation yes \
	"554 gmx.net (mxgmx016) Nemesis ESMTP Service not available No SMTP service Reject due to policy restrictions"
# The sender's IP address on a list, in the receiver's language, is the
# sending IP listed; the sender's address on a recipient's list is not.
verdict "Polish: the sender's IP address on a black list" blocklist yes "550 Adres IP nadawcy znajduje sie na czarnej liscie"
verdict "French: the sender's IP address on a black list" blocklist yes "550 L'adresse IP de l'expediteur est sur liste noire"
verdict "Polish: the sender's address on the recipient's black list" other no "550 Adres nadawcy znajduje sie na czarnej liscie odbiorcy"
verdict "a bare name is blocked, an id appended" other no "550 5.7.1 tutanota is blocked #p4a4w2j1x9z6"
verdict "gmail IPv6AuthError anchor in upper case" ptr no "550-5.7.1 [2001:DB8::25] HTTPS://SUPPORT.GOOGLE.COM/MAIL/?P=IPV6AUTHERROR"
# "User not exist" (without its verb) is the recipient unknown.
verdict "user not exist" user-unknown no "550 <a@example.jp>... User not exist"
verdict "mailbox not exists" user-unknown no "550 Mailbox not exists"
verdict "list site after an unknown user" user-unknown no "550 5.1.1 User unknown; rejected - see http://rbl.example.org/"
verdict "sender domain named, listed in DBL" blocklist yes "554 5.7.1 Sender domain example.com is listed in DBL"
verdict "sender domain named, blocked due to complaints" reputation yes "550 5.7.1 Your domain example.com has been blocked due to complaints"
verdict "sender address named, blocked due to complaints" reputation yes "550 5.7.1 Your email address user@example.com has been blocked due to complaints"
# Refusals in the receivers' own languages (patterns/languages.rules): the
# relay denied in German, French, Portuguese, Japanese and Chinese, also in
# Latin-1 and with '?' for the accented letter; a relay refusal naming the
# IP's list stays a block; an open relay refused is the sender's standing.
verdict "languages: relay verweigert" relay-denied no "550 <jemand@beispiel.com>... Relay verweigert"
verdict "languages: relais refuse in latin-1" relay-denied no "550 <personne@exemple.com>... Relais refus$(printf '\351')"
verdict "languages: retransmissao negada with ?" relay-denied no "550 nome@exemplo.com... Retransmiss?o Negada"
verdict "languages: rcpthosts in german" relay-denied no "553 Entschuldigung, diese Domäne ist nicht in meiner Liste erlaubter rcpthosts (#5.7.1)"
verdict "languages: relay refused naming the IP's list stays a block" blocklist yes "550 Relay verweigert: Ihre IP 192.0.2.1 steht auf der Sperrliste"
verdict "languages: relais refuse naming a liste noire stays a block" blocklist yes "550 Relais refusé : adresse IP 192.0.2.1 sur liste noire"
verdict "languages: anfitrioes rcpt is qmail's rcpthosts" relay-denied no "553 este domínio não faz parte da minha lista de anfitriões rcpt (#5.7.1)"
verdict "languages: usuario recebendo a uma taxa" rate no "450 4.2.1 O usuário com quem você está tentando entrar em contato está recebendo e-mails a uma taxa que impede a entrega de outras mensagens."
verdict "languages: doorsturen geweigerd" relay-denied no "550 <iemand@example.com>... Doorsturen geweigerd"
verdict "languages: rcpt-hosts in dutch" relay-denied no "553, dat domein is niet in mijn lijst met toegestane rcpt-hosts (#5.7.1)"
verdict "languages: japanese relay denied" relay-denied no "550 <someone@example.com> ....リレー拒否"
verdict "languages: chinese relay denied" relay-denied no "553 拒绝中继"
verdict "languages: chinese open relay refused is a block" reputation yes "554 拒绝开放中继服务器"
# A message too large is one message's size; the mailbox's capacity over its
# limit is the recipient's mailbox.
verdict "languages: message trop volumineux" size no "552 Message trop volumineux"
verdict "languages: wiadomosc zbyt dluga" size no "552 Wiadomość zbyt długa"
verdict "languages: relais refuse q-encoded" relay-denied no "550 =?utf-8?q?Relais_refus=C3=A9?="
verdict "languages: wiadomosc zbyt dluga folded to ascii" size no "552 Wiadomosc zbyt dluga"
verdict "languages: chinese mail size over the limit" size no "552 邮件大小超过限制"
verdict "languages: chinese mailbox capacity over the limit" mailbox-full no "552 邮箱容量超过限制"
# One recipient receiving too fast is no block; the IP's unusual rate of
# unwanted mail is, but not without the IP.
verdict "languages: nutzer erhaelt zu schnell" rate no "450 4.2.1 Der Nutzer, den Sie kontaktieren möchten, erhält zu schnell E-Mails."
verdict "languages: utilisateur recoit a un rythme" rate no "450 L'utilisateur que vous tentez de contacter reçoit des e-mails à un rythme qui empêche la distribution de tout nouveau message."
verdict "languages: nutzer erhaelt zu rasch" rate no "450 4.2.1 Der Nutzer, den Sie kontaktieren möchten, erhält zu rasch E-Mails."
verdict "languages: anvandaren tar emot e-post for snabbt" rate no "450 4.2.1 Användaren du försöker kontakta tar emot e-post för snabbt. Skicka om meddelandet senare."
verdict "languages: mottagarens inkorg slut pa lagringsutrymme" mailbox-full no "452 Mottagarens inkorg har slut på lagringsutrymme."
verdict "languages: no storage left on the server is not the mailbox" other no "452 Im Posteingang ist kein Speicherplatz mehr verfügbar, der Server ist voll"
verdict "languages: chinese user receiving too often is no sender limit" rate no "450 4.2.1 您尝试联系的用户目前接收电子邮件过于频繁,因此系统无法递送更多邮件。请稍后重发您的邮件。"
verdict "languages: chinese sender sending too often stays a block" rate yes "450 发信过于频繁，请稍后再试"
verdict "languages: chinese user you tried to contact does not exist" user-unknown no "550 您尝试联系的用户不存在"
verdict "languages: chinese unusual unwanted mail from the IP" reputation yes "421 4.7.0 我们的系统检测到您的 IP 地址发出了数量庞大、来路不明的邮件。"
verdict "languages: japanese unusual unwanted mail from the IP" reputation yes "421 4.7.0 ご使用の IP アドレスから大量の迷惑メールが送信されたことを検出しました。"
verdict "languages: chinese recipient inbox storage full" mailbox-full no "收件人的收件箱存储空间不足。"
verdict "languages: nutzer existiert nicht is no rate" user-unknown no "550 Der Nutzer, den Sie kontaktieren möchten, existiert nicht"
verdict "languages: unusual unwanted mail from the IP" reputation yes "421 4.7.0 Unser System hat eine ungewöhnliche Anzahl unerwünschter E-Mails von Ihrer IP-Adresse festgestellt. E-Mails von Ihrer IP-Adresse werden vorübergehend blockiert."
verdict "languages: unusual unwanted links in one message" content no "550 Nachricht abgelehnt: ungewöhnliche Anzahl unerwünschter Links"
# An inactive or locked recipient is the address; a login's user name or
# password and the sender's own locked mailbox are not.
verdict "languages: nieaktywna skrzynka" user-unknown no "550 Nieaktywna skrzynka pocztowa"
verdict "languages: user name or password is smtp auth" other no "535 Nieprawidłowa nazwa użytkownika lub hasło"
verdict "languages: chinese mailbox locked" user-unknown no "550 邮箱被锁"
verdict "languages: chinese your own mailbox locked is not the recipient" other no "550 您的邮箱被锁定"
# The sending IP banned is a block, unless a PTR reason is named.
verdict "languages: chinese sending IP banned" blocklist yes "550 发信IP被禁止"
verdict "languages: chinese sending IP banned for its PTR" ptr no "550 发信IP被禁止: 反向解析失败"
verdict "languages: chinese IP not the MAIL FROM domain's" auth no "556 发信ip与Mail From地址不一致"
verdict "languages: chinese too many RCPTs" rate no "451 超出 RCPT 允许上限"
verdict "languages: chinese sending quota" rate yes "550 发信数超限制"
# Domino's directory refusal in its shipped languages is the recipient; an
# ambiguous name in its directory is not.
verdict "languages: domino directory in spanish" user-unknown no "550 Usuario Neko (kijitora@example.es) no se encuentra en el Directorio de Domino"
verdict "languages: domino directory in french" user-unknown no "550 Utilisateur Neko (kijitora@example.fr) non répertorié dans l'annuaire Domino"
verdict "languages: notes directory in japanese" user-unknown no "550 ディレクトリのリストにありません"
verdict "languages: several matches in the domino directory" other no "550 Several matches found in Domino Directory"
# A whole reply "WORD is blocked" whose word names what a filter refuses
# (the recipient side, a kind of content or file, a way of sending, two
# such nouns joined) is no sender's name; nor is any word under an
# enhanced code of the address, mailbox or content classes. A bare name
# under 5.7.1 and Mail.ru's bare form stay blocks.
verdict "word is blocked: the receiver" other no "550 5.7.1 Receiver is blocked"
verdict "word is blocked: the destination, deferred" other no "450 4.7.1 Destination is blocked"
verdict "word is blocked: an inbox" other no "550 5.7.1 Inbox is blocked"
verdict "word is blocked: an executable" other no "550 5.7.1 Executable is blocked"
verdict "word is blocked: a file extension" other no "554 5.7.1 Extension is blocked"
verdict "word is blocked: malware" content no "554 5.7.1 Malware is blocked"
verdict "word is blocked: phishing" content no "554 5.7.1 Phishing is blocked"
verdict "word is blocked: outbound" other no "550 5.7.1 Outbound is blocked"
verdict "word is blocked: unauthenticated" other no "550 5.7.1 Unauthenticated is blocked"
verdict "word is blocked: two nouns joined" other no "550 5.7.1 Sender-address is blocked"
verdict "word is blocked: a recipient address, mailbox class" user-unknown no "550 5.2.1 Recipient-address is blocked"
verdict "word is blocked: any word under a mailbox code" user-unknown no "550 5.2.1 tutanota is blocked"
verdict "word is blocked: Mail.ru's form, a filter noun" other no "550 Receiver is blocked"
verdict "word is blocked: Mail.ru's form, a file kind" other no "550 Executable is blocked"
verdict "word is blocked: a bare name under 5.7.1 names no party" other no "554 5.7.1 examplemailer is blocked"
verdict "word is blocked: a name that starts with a filter noun names no party" other no "550 5.7.1 filemaker is blocked"
verdict "word is blocked: Mail.ru's form from a server nobody names, a name that starts with a filter noun" other no "550 encryptomatic is blocked"
# A refusal linking to a site whose host starts with dnsbl / rbl / bl is a
# list's only when it refuses the sender: one message's verdict, a list
# that could not be reached or an IP said not to be listed keeps its own
# reading.
verdict "list site link: a message rejected as spam" content no \
	"550 5.7.1 Message rejected as spam, see http://bl.example.com for details"
verdict "list site link: an attachment blocked" content no \
	"550 5.7.1 Attachment blocked, see http://bl.example.com/attachments"
verdict "list site link: the list unreachable" other no \
	"451 4.7.1 Rejected: DNSBL temporarily unreachable, see http://dnsbl.example.net"
verdict "list site link: the IP not listed" content no \
	"550 5.7.1 Mail rejected. Your IP is not listed, please see http://rbl.example.net for our list"
verdict "list site link: the sender refused stays a block" blocklist yes \
	"554 5.7.1 Rejected due to abuse - see http://dnsbl.example.net/lookup"
# Chinese: the sending IP refused for a PTR or SPF reason is that reason's
# (no block); the server saying it is no open relay is no verdict on the
# sender; an open-relay server refused and a banned IP stay blocks.
verdict "languages: source IP refused for its PTR" ptr no "550 来源IP被拒绝 (PTR)"
verdict "languages: sending IP refused, SPF check failed" auth no "550 发件IP被拒绝,SPF检查失败"
verdict "languages: the sending IP banned stays a block" blocklist yes "550 发信IP被禁止"
verdict "languages: this server is no open relay" other no "553 本服务器不开放中继,拒绝投递"
verdict "languages: this system is no open-relay server" relay-denied no "553 本系统不是开放中继服务器,拒绝中继"
verdict "languages: open relay not allowed" other no "553 不允许开放中继"
verdict "languages: a bare refuse open relay is relaying refused" relay-denied no "554 拒绝开放中继"
verdict "languages: an open-relay server refused stays a block" reputation yes "554 拒绝开放中继服务器"
# The sender's domain said not to be on the DBL is no DBL block.
verdict "sender domain not listed in DBL" other no \
	"550 5.7.1 Sender domain example.com is not listed in DBL, but the URL domain is"
verdict "sender domain listed in DBL stays a block" blocklist yes "550 5.7.1 The sender domain example.org is listed in DBL"
# The sender's IP on a list only when the sender's word follows "IP" within
# a few words; an address or a clause between them leaves the sender's
# address on a user's list (no block).
verdict "Italian: an IPv6 address named, the sender on the user's list" other no \
	"550 5.7.1 Messaggio da IP 2001:db8::1 rifiutato, mittente in blacklist utente"
verdict "Polish: an IPv6 address named, the sender on the recipient's list" other no \
	"550 5.7.1 IP [2001:db8::1] : adres nadawcy na czarnej liscie odbiorcy"
verdict "Dutch: the sender's IP address on a black list stays a block" blocklist yes \
	"550 5.7.1 Het IP-adres van de afzender staat op de zwarte lijst"
# A dynamic address greylisted is a delay, not a block; a page's dynamic
# section linked from one message's verdict is that verdict.
verdict "dynamic IP addresses greylisted" greylist no \
	"450 4.7.1 Greylisted: mail from dynamic IP addresses is delayed, try again in 5 minutes"
verdict "dynamic IP greylisting in effect" greylist no "452 4.7.1 Deferred: dynamic IP greylisting in effect"
verdict "message refused as spam, see the dynamic section" content no \
	"554 5.7.1 Message refused as spam, see http://www.example.net/policy#dynamic"
verdict "unable to check if your IP is listed on a zone" other no "451 4.7.1 Unable to check if your IP is listed on bl.spamcop.net"
verdict "cannot verify whether your IP is blacklisted" other no "450 Cannot verify whether your IP is blacklisted, try later"
verdict "could not check whether sender is found on a zone" other no "451 4.7.1 Could not check whether sender is found on zen.spamhaus.org"
# A bare "Too many connections" names no one (the tie-break: no block, the
# receiver's own trouble: other); with the sender named it is the sender's
# rate. A receiver's host name and session id before the words name no one.
verdict "too many connections, bare" other no "421 Too many connections"
verdict "too many connections, try again later" other no "421 Too many connections, try again later"
verdict "too many concurrent connections, bare, enhanced code" other no "421 4.7.0 Too many concurrent connections."
verdict "too many connections after the receiver's host and id" other no \
	"421 mx2.example.net smtpin 4aB7cD9eF0 Too many connections, try later."
verdict "too many sessions after the receiver's host" other no "421 mx1.example.com Too many sessions"
verdict "too many connections after a host, from an IP stays a block" rate yes \
	"421 mx.example.net Too many connections from 192.0.2.1"
verdict "too many connections after a host, your IP stays a block" rate yes \
	"421 mx.example.net 7f3a Too many connections from your IP, try later."
verdict "too many connections after a host without a digit is not a session id" rate yes \
	"421 mx.example.net your IP made too many connections"
verdict "too many connections from your IP stays a block" rate yes "421 Too many connections from your IP"
verdict "too many connections from an IP stays a block" rate yes "421 4.7.0 Error: too many connections from 192.0.2.10"
verdict "too many simultaneous connections, bare" other no "450 Too many simultaneous connections"
# SMTP servers' own replies (servers.rules). Too many connections with no
# client named is the receiver's own load; with the client named it is the
# sender's rate, and "try later" alone is not read as the load.
verdict "servers: too many connections, try again later" other no "421 Too many connections, try again later"
verdict "servers: exim smtp_accept_max" other no "421 Too many concurrent SMTP connections; please try again later."
verdict "servers: too many connections from your IP, try again later" rate yes "421 4.7.0 Too many connections from your IP, try again later"
verdict "servers: exim per-host limit names the IP" rate yes "421 Too many concurrent SMTP connections from this IP address; please try again later."
verdict "servers: too many connections from an IP literal" rate yes "421 4.7.0 Error: too many connections from 192.0.2.10"
# A message or its header too large is size; a mailbox's storage is not.
verdict "servers: too much mail data" size no "552 Error: Too much mail data"
verdict "servers: maximum DATA size exceeded" size no "451 4.3.0 Error: maximum DATA size exceeded"
verdict "servers: header size too large" size no "552 Header size is too large"
verdict "servers: SIZE exceeds system limit" size no "552 MAIL FROM ERROR - SIZE EXCEEDS SYSTEM LIMIT"
verdict "servers: mailbox size exceeds its limit is the mailbox" mailbox-full no "552 5.2.2 Mailbox size exceeds maximum limit"
verdict "servers: quota storage exceeded is the mailbox" mailbox-full no "552 5.2.2 Over STORAGE quota"
# HELO / EHLO without its argument is the HELO name to fix (ptr, the call on
# an empty HELO), as a HELO name refused; HELO not sent at all is the
# client's protocol use (other).
verdict "servers: syntax EHLO hostname (an empty HELO: ptr)" ptr no "501 Syntax: EHLO hostname"
verdict "servers: postfix syntax HELO hostname with enhanced code" ptr no "501 5.5.2 Syntax: HELO hostname"
verdict "servers: magma's missing domain parameter" ptr no "501 EHLO SYNTAX ERROR - MISSING REQUIRED DOMAIN PARAMETER"
verdict "servers: provide a HELO or EHLO" other no "503 MAIL FROM REJECTED - PLEASE PROVIDE A HELO OR EHLO AND TRY AGAIN"
verdict "servers: HELO name not fully qualified stays ptr" ptr no "504 5.5.2 <localhost>: Helo command rejected: need fully-qualified hostname"
verdict "servers: invalid HELO name stays ptr" ptr no "501 5.5.2 <bad_name>: Helo command rejected: Invalid name"
verdict "servers: we don't relay" relay-denied no "550 we don't relay (#5.7.1)"
# A server that takes mail only over TLS is not a full mailbox, whatever
# its code; a mailbox full stays one.
verdict "servers: accepts messages only on TLS" other no "451 4.2.2 Server accepts messages only on TLS connection"
verdict "servers: X.2.2 mailbox full stays full" mailbox-full no "452 4.2.2 Mailbox full"
# DATA before a recipient is the session, not an unknown recipient.
verdict "servers: 503 error no recipients" other no "503 5.5.1 Error: No recipients"
verdict "servers: postfix need RCPT command" other no "503 5.5.1 Error: need RCPT command"
verdict "servers: 550 no such recipient stays unknown" user-unknown no "550 5.1.1 No such recipient"
# The recipient's address syntax is the recipient; the sender's is not.
verdict "servers: syntax error in address 5.1.3" user-unknown no "555 syntax error in address (#5.1.3)"
verdict "servers: syntax error in recipient address" user-unknown no "500 5.5.2 Syntax error in recipient address"
verdict "servers: RCPT TO rejected invalid address" user-unknown no "551 RCPT TO REJECTED - INVALID ADDRESS"
verdict "servers: syntax error in sender address is not the recipient" other no "501 5.1.7 Syntax error in sender address"
# Too many recipients in one session is per message; per hour it is the sender's.
verdict "servers: max rcpt limit exceeded" rate no "452 max rcpt limit exceeded (#5.7.1)"
verdict "servers: chkuser maximum recipients in one session" rate no "550 5.5.3 sorry, reached maximum number of recipients allowed in one session (chkuser)"
verdict "servers: maximum recipients per hour is not a per-session limit" other no "550 Maximum number of recipients per hour reached"
verdict "servers: maximum recipients today is not a per-session limit" other no "550 max recipients limit exceeded for today"
# qmail's bare LF page is the message; the PTR words are ptr.
verdict "servers: qmail smtplf page" content no "451 See http://pobox.com/~djb/docs/smtplf.html."
verdict "servers: no proper reverse mapping" ptr no "451 4.7.1 Your IP address does not resolve to an existing hostname - no proper reverse mapping exists"
# An SMTP AUTH failure naming the account is the sender's own login, not a
# disabled recipient; a locked recipient stays one.
verdict "servers: 535 account locked is the login" other no "535 AUTHENTICATION FAILURE - THIS ACCOUNT HAS BEEN ADMINISTRATIVELY LOCKED"
verdict "servers: 550 recipient account locked stays unknown" user-unknown no "550 5.2.1 Recipient account is locked"
# A temporary failure to verify a recipient is not the recipient unknown.
verdict "servers: 421 unable to verify recipient" other no "421 unable to verify recipient (#4.3.0)"
verdict "servers: 550 recipient cannot be verified stays unknown" user-unknown no "550 The recipient cannot be verified."
# The storage allocation text after a recipient restriction is the mailbox.
verdict "servers: recipient rejected exceeded storage allocation" mailbox-full no "522 5.7.1 : Recipient address rejected: Requested mail action aborted: exceeded storage allocation"
# policyd-weight's cache holding back a client that retries too fast.
verdict "servers: policyd-weight cache retrying too fast" other no "550 5.7.1 <bob@example.com>: Recipient address rejected: temporarily blocked because of previous errors - retrying too fast. penalty: 30 seconds x 0 retries."
verdict "servers: policyd-weight cached score stays other" other no "550 5.7.1 <bob@example.com>: Recipient address rejected: Mail appeared to be SPAM or forged. Ask your Mail/DNS-Administrator to correct HELO and DNS MX settings or to get removed from DNSBLs [cached]"
# Exchange's sender filter is the organisation's own list of the sender.
verdict "servers: exchange sender filter 554 5.1.0" other no "554 5.1.0 Sender Denied"
# A recipient address unavailable in a 5xx is the recipient; the sender's
# address or a temporary reply is not.
verdict "servers: 556 address unavailable" user-unknown no "556 Address unavailable."
verdict "servers: 556 recipient address unavailable" user-unknown no "556 <bob@example.com>: Recipient address unavailable"
verdict "servers: sender address unavailable is not the recipient" other no "553 Sender address unavailable"
# Road Runner's "ERROR: Mail Refused - IP - See PAGE" template is the
# receiver's own list; a bare "Mail Refused" is not.
verdict "servers: mail refused template with a lookup page" blocklist yes "554 5.7.1 - ERROR: Mail Refused - 198.51.100.61 - See http://mail.example.net/cgi-bin/block-lookup?198.51.100.61"
verdict "servers: bare mail refused stays other" other no "554 Mail refused"
# VPOP3's relay refusal names a "bad sender IP address": the client outside
# its relay subnets, not the IP's standing; its content filter timing out
# or its scanner failing is the receiver's trouble, not a verdict; the IP
# refused in the same words without the relay stays a block.
verdict "vpop3: relaying not allowed bad sender IP" relay-denied no "550 5.7.1 Relaying not allowed! Bad sender IP address"
verdict "vpop3: bad sender IP without a relay refusal stays a block" reputation yes "550 5.7.1 Bad sender IP address 192.0.2.33"
verdict "vpop3: content filter timeout" other no "450 4.3.2 Content Filter Timeout"
verdict "vpop3: content scanner problem" other no "421 4.3.2 VPOP3 SMTP server access disabled - content scanner problem"
verdict "vpop3: content filter rejected stays content" content no "550 5.7.1 Message rejected by content filter"
verdict "vpop3: its intrusion prevention blocks the IP" reputation yes "421 Your connection has been blocked temporarily - Try again later"
verdict "vpop3: its login protection blocks the IP" reputation yes "421 Server access temporarily blocked! Please try again later"
# Domino's default DNS blacklist refusal names no list and reads like a
# policy verdict; a message refused for policy reasons stays content.
verdict "domino: connection denied based on policy reason" blocklist yes "550 Connection denied based on policy reason."
verdict "domino: a message rejected for policy reasons stays content" content no "550 5.7.1 Message rejected for policy reasons."
# VIPRE's refusal of a HELO in its own name is the sender's HELO setup; its
# "domain not configured to use this MX host" is the recipient's domain not
# on the service (neither a block, neither "other").
verdict "vipre: HELO in the receiver's own name" ptr no "550 You cannot say you are me. I am me."
verdict "vipre: domain not configured for this MX" relay-denied no "550 Your domain is not configured to use this MX host."
finish
