#!/bin/sh
# Rules read from the corpus's dev rows of real logs and pages (a Czech
# bulk sender's Postfix log, a Russian registrar's Exim log, an Australian
# sender's Postfix log, university help pages, mail list archives): each
# rule's reply, the same reply in the frames a relay or a paste gives it
# (without its enhanced code, in another letter case, without its full
# stop, with an id after it, quoted by Postfix), and the near misses that
# must keep another verdict, through `bouncewatch rules classify` on the
# shipped patterns/ directory.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/verdicts.sh"

# owned RELAY PROVIDER POOL REPLY: the reply from RELAY is attributed to
# PROVIDER and POOL (the provider and pool columns of `rules classify --hosts`).
owned() {
	got=$(printf '%s\t\t%s\n' "$1" "$4" | "$BW" --rules "$RULES" rules classify --hosts | cut -f5,7)
	eq "owned by $2/$3 from $1: $4" "$2	$3" "$got"
}

# A relay's recipient probe that failed in the relay itself.
verdict "probe loops back to the relay" other no \
	"450 4.1.1 <n.laposa@example.cz>: Recipient address rejected: unverified address: mail for example.cz loops back to myself"
verdict "probe loops back, quoted by Postfix" other no \
	"host mx.example.cz[192.0.2.9] said: 450 4.1.1 <a@example.cz>: Recipient address rejected: unverified address: mail for example.cz loops back to myself (in reply to RCPT TO command)"
verdict "probe loops back, upper case" other no \
	"450 4.1.1 <A@EXAMPLE.CZ>: RECIPIENT ADDRESS REJECTED: UNVERIFIED ADDRESS: MAIL FOR EXAMPLE.CZ LOOPS BACK TO MYSELF"
verdict "probe's own DNS failure" other no \
	"450 4.1.1 <a@example.org>: Recipient address rejected: unverified address: Host or domain name not found. Name service error for name=example.org type=MX: Host not found, try again"
verdict "probe: an unknown user stays the recipient" user-unknown no \
	"450 4.1.1 <a@example.org>: Recipient address rejected: unverified address: unknown user: \"a@example.org\""
verdict "probe: a loop named without the probe is no probe failure" user-unknown no \
	"554 5.7.1 <a@example.org>: Recipient address rejected: Access denied"

# A backup MX its primary refuses.
verdict "backup MX refused by its primary" other no \
	"450 4.7.1 <a@example.cz>: Recipient address rejected: \"example.cz:primary MX doesn't accept mail from us, sorry\""
verdict "backup MX refused, without the enhanced code" other no \
	"450 <a@example.cz>: Recipient address rejected: primary MX does not accept mail from us"
verdict "backup MX refused, 5xx with an id" other no \
	"550 5.7.1 <a@example.cz>: Recipient address rejected: primary MX doesn't accept mail from us, sorry [id=4f2a]"

# A recipient domain held back for its bounces.
verdict "recipient domain receiving too many bounces, later" rate no \
	"450 4.7.1 <no-reply@example.cz>: Recipient address rejected: Domain example.cz receiving too many bounces. Please send later."
verdict "recipient domain receiving too many bounces, refused" rate no \
	"550 5.7.1 <no-reply@example.cz>: Recipient address rejected: Domain example.cz receiving too many bounces. Rejected."
verdict "recipient domain receiving too many bounces, no full stop" rate no \
	"450 <no-reply@example.cz>: Recipient address rejected: Domain example.cz receiving too many bounces"
verdict "the sender's domain sending bounces is not the recipient's limit" other no \
	"450 4.7.1 <a@example.org>: Sender address rejected: Domain example.org sending too many bounces"

# The recipient unknown in other words.
verdict "User <address> unknown" user-unknown no "550 User <jschwarcz@example.sk> unknown"
verdict "User <address> unknown, with an enhanced code" user-unknown no "550 5.1.1 User <a@example.sk> unknown"
verdict "User <address> is unknown, deferred" user-unknown no "450 User <a@example.sk> is unknown"
verdict "unroutable address" user-unknown no "550 unroutable address irena@example.cz"
verdict "mailbox access refused for an invalid user" user-unknown no \
	"550 Rule imposed mailbox access for don@example.com refused: Invalid User"
verdict "mailbox access refused, upper case" user-unknown no \
	"550 RULE IMPOSED MAILBOX ACCESS FOR DON@EXAMPLE.COM REFUSED: INVALID USER"
verdict "the account you're trying to reach doesn't exist" user-unknown no \
	"550- 550- Greetings a@example.sk 550- 550- The account you're trying to reach doesn't exist, but we think you're trying 550- to find resources related to pet insurance. 550 Thanks!"
verdict "the account you're trying to reach doesn't exist, one line, upper case" user-unknown no \
	"550 THE ACCOUNT YOU'RE TRYING TO REACH DOESN'T EXIST"
verdict "a domain that doesn't exist is not the recipient" other no "451 4.5.2 xxxxx... domain doesn't exist"
verdict "a sender <address> unknown is the sender's" other no "553 5.1.8 Sender <a@example.org> unknown"
verdict "a sender address rejected as an unknown user is the sender's" other no \
	"550 5.7.1 Sender address rejected: User <a@example.org> unknown"
verdict "unroutable sender address is the sender's" other no "550 Unroutable sender address"
verdict "Exim's unrouteable address is the recipient" user-unknown no "550 Unrouteable address"

# A submission server refusing to relay without SMTP AUTH (cPanel's template).
verdict "turn on SMTP Authentication, not permitted to relay without it" relay-denied no \
	"550-Please turn on SMTP Authentication in your mail client, or login to the 550-IMAP/POP3 server before sending your message. (localhost.localdomain) 550-[192.0.2.190]:42630 is not permitted to relay through this server without 550 authentication."
verdict "relay through this server without authentication alone stays relaying" relay-denied no \
	"550-550 relay through this server without authentication."

# Sent to its ISP's server: an end-user IP refused (blocklist, a block, the
# call on a dynamic or residential IP); an open relay stays its reputation.
verdict "use the smtp server of your ISP is an end-user IP refused" blocklist yes \
	"550 5.7.0 <sender@example.jp>... Please use the smtp server of your ISP."
verdict "use the smtp server of your ISP, without the sender" blocklist yes \
	"550 Please use the smtp server of your ISP"
verdict "an open relay stays reputation" reputation yes \
	"501 <sender@example.co.jp>... no access from mail server [192.0.2.55] which is an open relay."

# A mail list host's content policy.
verdict "content policy: HTML refused as spam" content no \
	"550 5.7.1 Content-Policy reject msg: The message contains HTML, therefore we consider it SPAM.  Send pure TEXT/PLAIN if you are not a spammer. BF:<S 1>; S1343576AbhIMPoN"
verdict "content policy: HTML subpart" content no \
	"550 5.7.1 Content-Policy reject msg: The message contains HTML subpart, therefore we consider it SPAM or Outlook Virus.  TEXT/PLAIN is accepted.! BF:<H 0.259271>; S1753084AbdBNT"
verdict "content policy without the enhanced code, lower case" content no \
	"550 content-policy reject msg: the message contains html, therefore we consider it spam. send pure text/plain if you are not a spammer."
verdict "a known spammer without a content policy stays the sender's" reputation yes "550 5.7.1 You are a known spammer"

# The sending IP listed by an unnamed block list.
verdict "IP listed by an Internet spam block list" blocklist yes \
	"550 550 5.7.1 Email rejected because the IP address X.X.X.X has been listed by an Internet spam block list [1]."
verdict "IP listed by a block list, an IP, no full stop" blocklist yes \
	"550 5.7.1 Email rejected because the IP address 192.0.2.7 has been listed by an Internet spam block list"
verdict "IP listed by one or more DNSBLs, deferred" blocklist yes \
	"450 4.7.1 Your IP 192.0.2.7 is listed on one or more DNSBLs"
verdict "an IP not listed is no listing" content no \
	"550 5.7.1 Your IP address 192.0.2.7 is not listed by any block list, message rejected for content"
verdict "a URL listed by a block list is the message's" content no \
	"550 5.7.1 Message rejected: a URL in your message is listed by a block list"

# A connection refused with a hexadecimal tag and no reason.
verdict "access denied with a hexadecimal tag" other yes \
	"550 Access denied...3ddbc37ab3eb9797ab036f2b23230e2f8f3e9f1363f797abcb13975aa75abaa73b3b373b5aefbb5aefefef..."
verdict "access denied with a tag, an id after it" other yes \
	"550 5.7.1 Access denied...3ddbc37ab3eb9797ab036f2b23230e2f8f3e9f1363f797abcb13975aa75abaa73b3b373b5aefbb5aefefef... [id=7f3a]"
verdict "a bare access denied is no block" other no "550 Access denied"
verdict "access denied for a HELO name stays the HELO" ptr no "550 Access denied - Invalid HELO name (See RFC2821 4.1.3)"
verdict "access denied with a short tag is no block" other no "550 Access denied...3ddbc37a..."
verdict "access denied with a tag, its last dot dropped" other yes \
	"550 Access denied...3ddbc37ab3eb9797ab036f2b23230e2f8f3e9f1363f797abcb13975aa75abaa73b3b373b5aefbb5aefefef.."

# A connection rate limit.
verdict "connection rate, the university's page" rate yes "421 4.5.1. Connection Rate - See https://helpdesk.ugent.be/email/"
verdict "connection rate without the enhanced code" rate yes "421 Connection rate - see https://mail.example.org/help"
verdict "connection rate limit exceeded" rate yes "452 4.3.2 Connection rate limit exceeded."
verdict "connection rate refused with a 5xx" rate yes "521 5.5.1 Connection Rate - See https://mail.example.org/help"
verdict "a connection rate for a recipient domain is no block" rate no \
	"421 4.7.0 Connection rate limit exceeded for this recipient domain"

# A disabled mailbox in a temporary reply: still the recipient.
verdict "450 5.1.1 mailbox disabled" user-unknown no "450 5.1.1 Mailbox is currently disabled."
verdict "450 5.1.1 mailbox disabled, no full stop" user-unknown no "450 5.1.1 Mailbox is currently disabled"
verdict "450 mailbox disabled without the enhanced code" user-unknown no "450 Mailbox is currently disabled."
verdict "a 4xx sender mailbox suspended is not the recipient" other no "450 5.2.1 Sender mailbox suspended"

# A message deferred without a greylisting word.
verdict "message temporarily deferred, try again" other no "451 4.3.0 Message temporarily deferred. Please try again later."
verdict "message temporarily deferred, greylisted" greylist no \
	"451 4.7.1 Message temporarily deferred (greylisted), please try again later"
verdict "temporarily rejected, try again in N seconds" greylist no "450 4.2.0 Temporarily rejected: try again in 60 seconds"

# A list that defers the client, named by its zone.
verdict "Trend Micro QIL defers the client" blocklist yes \
	"450 Service temporarily unavailable; Client host [192.0.2.46] deferred using qil.kelkea.com"
verdict "a message deferred using a relay is no listing" other no \
	"451 4.4.1 Message deferred using backup route smtp.example.com"
eq "QIL's zone names Trend Micro's list" "trendmicro" \
	"$(printf '%s\n' "450 Service temporarily unavailable; Client host [192.0.2.46] deferred using qil.kelkea.com" | "$BW" --rules "$RULES" rules classify | cut -f6)"

# Alibaba Mail's behaviour stage naming the block lists.
verdict "Alibaba behaviour stage: list on rbl sites" blocklist yes \
	"554 Reject by behaviour spam at DATA State(Connection IP address:*)ANTISPAM_BAT[]:list on rbl sites"
verdict "Alibaba behaviour stage: list on rbl sites, with an IP and an id" blocklist yes \
	"554 Reject by behaviour spam at Rcpt State(Connection IP address:192.0.2.80)ANTISPAM_BAT[01201311R156a, maildocker-behaviorspam033018096094]: list on rbl sites"
verdict "Alibaba behaviour stage: spam stays reputation" reputation yes \
	"554 Reject by behaviour spam at Rcpt State(Connection IP address:192.0.2.80)ANTISPAM_BAT[01201311R156a, maildocker-behaviorspam033018096094]: spam"

# Providers' own wordings.
verdict "GMX mail bomb" rate no \
	"450 4.3.2 Too many mails (mail bomb), try again in 1 hour(s) 25 minute(s) and see ( http://portal.gmx.net/serverrules ) {mx-us011}"
verdict "GMX mail bomb without its enhanced code" rate no "450 Too many mails (mail bomb), try again in 2 hour(s)"
verdict "too many mails from the IP is the sender's rate" rate yes "421 4.7.0 Too many mails from 192.0.2.1, slow down"
owned mx0.gmx.com gmx gmx "450 4.3.2 Too many mails (mail bomb), try again in 1 hour(s) 25 minute(s)"
verdict "Barracuda cuda_nsu unknown user" user-unknown no \
	"550 cuda_nsu 5.1.1 recipient@example.com: Recipient address rejected: undeliverable address: unknown user: \"a@example.com.au\""
verdict "Barracuda cuda_nsu policy rejection stays other" other no \
	"450 cuda_nsu 4.7.1 <a@example.org>: Recipient address rejected: Policy Rejection- Abuse. Go away."
owned barracuda.example.com.au barracuda example.com.au \
	"550 cuda_nsu 5.1.1 <a@example.com.au>: Recipient address rejected: User unknown"
verdict "Barracuda cuda_nsu unknown user after an enhanced code" user-unknown no \
	"550 5.0.0 cuda_nsu 5.1.1 <a@example.com.au>: Recipient address rejected: User unknown"
verdict "Outlook.com domain owner policy" auth no \
	"5.7.0 (COL004-MC1F52) Unfortunately, messages from (192.0.2.100) on behalf of (yahoo.com) could not be delivered due to domain owner policy restrictions."
verdict "Outlook.com domain owner policy with its basic code, no full stop" auth no \
	"550 5.7.0 Unfortunately, messages from (192.0.2.100) on behalf of (example.org) could not be delivered due to domain owner policy restrictions"
verdict "Outlook.com's messages from the IP weren't sent stays its block" blocklist yes \
	"550 5.7.1 Unfortunately, messages from [192.0.2.1] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150)."
owned mx01.1and1.mx gmx gmx \
	"450-Requested mail action not taken: mailbox unavailable 450-Reject due to policy violations. 450 For explanation visit https://help.1and1.com/smtp-error-messages?ip=192.0.2.212&c=poli"

# Rackspace's (GE): the sender on the recipient's own block list.
verdict "Rackspace GE blocked by this recipient" other no \
	"554 5.7.1 user@example.com: Sender address rejected: Blocked by this recipient (GE)"
verdict "Rackspace GE, upper case, deferred" other no \
	"450 4.7.1 <A@EXAMPLE.COM>: SENDER ADDRESS REJECTED: BLOCKED BY THIS RECIPIENT (GE)"
owned "" rackspace rackspace \
	"554 5.7.1 user@example.com: Sender address rejected: Blocked by this recipient (GE)"
owned "" rackspace rackspace \
	"554 Sender address rejected: Blocked by this recipient (GE) [id=4f2a]"
owned "" "" "" \
	"554 5.7.1 user@example.com: Sender address rejected: Blocked by this recipient"

# A receiver's page naming the public block lists it refuses the IP from.
verdict "guxhagen.net's block list page" blocklist yes "550 Rejected - see http://spam.guxhagen.net/"
verdict "guxhagen.net's page, enhanced code, upper case" blocklist yes \
	"550 5.7.1 REJECTED - SEE HTTP://SPAM.GUXHAGEN.NET/"
verdict "guxhagen.net's page, deferred, with an id" blocklist yes \
	"450 Rejected - see http://spam.guxhagen.net [id=12]"
verdict "another receiver's spam page is no list" content no \
	"550 Rejected - see http://spam.example.net/"
verdict "guxhagen.net's other pages are no list" other no \
	"550 Rejected - see http://www.guxhagen.net/"

# TDC's policy based throttling: the IP blocked an hour for addressing
# many unknown recipients.
verdict "TDC policy based throttling" reputation yes "452 4.5.0 policy based throttling ([ip-address])"
verdict "TDC policy based throttling with the IP, upper case, full stop" reputation yes \
	"452 POLICY BASED THROTTLING (192.0.2.4)."
verdict "TDC policy based throttling refused, with an id" reputation yes \
	"552 5.7.1 policy based throttling (192.0.2.4) [id=4f2a]"
verdict "policy throttling per session is no block" rate no \
	"452 policy based throttling: too many messages per session"

# Castles' outgoing filter: one message taken for spam.
verdict "Castles outbound spam refusal" content no \
	"550 Permanent Failure: Message delivery failed. If you believe this message is an error, please review the User Service Agreement and contact Support."
verdict "Castles outbound spam refusal, upper case, enhanced code, no full stop" content no \
	"550 5.7.1 PERMANENT FAILURE: MESSAGE DELIVERY FAILED. IF YOU BELIEVE THIS MESSAGE IS AN ERROR, PLEASE REVIEW THE USER SERVICE AGREEMENT AND CONTACT SUPPORT"
verdict "Castles outbound spam refusal with an id" content no \
	"550 Permanent Failure: Message delivery failed. If you believe this message is an error, please review the User Service Agreement and contact Support. [id=4f2a]"
verdict "a bare permanent delivery failure is no verdict on the message" other no \
	"550 Permanent Failure: Message delivery failed"

# 1&1's 450 "Reject due to policy violations" (two documented causes, one
# not a block) after its "mailbox unavailable" prefix line.
verdict "1&1 multi-line 450 policy violations" other no \
	"450-Requested mail action not taken: mailbox unavailable 450-Reject due to policy violations. 450 For explanation visit https://help.1and1.com/smtp-error-messages?ip=192.0.2.212&c=poli"
verdict "1&1 multi-line 450 policy violations, lower case, enhanced codes" other no \
	"450-4.7.1 requested action not taken: mailbox unavailable 450-4.7.1 reject due to policy violations [id=4f2a]"
verdict "1&1 multi-line 421 policy violations stays the IP's refusal" reputation yes \
	"421 Reject due to policy violations"
verdict "GMX multi-line policy restrictions stays the message's" content no \
	"550-Requested mail action not taken: mailbox unavailable 550-Reject due to policy restrictions. 550 For explanation visit https://postmaster.gmx.net/en/case?c=hi"

# Courier's verifyfilter: the sender's own address probed at its MX.
verdict "Courier sender verification, a sender without a domain" other no \
	"530-Invalid email address 530 <alice> verification failed."
verdict "Courier sender verification quoting a block of its probe" other no \
	"530-mx.example.org [192.0.2.9]: 530->>> RCPT TO:<alice@example.org> 530-5.7.1 Service unavailable; Client host [203.0.113.5] blocked using zen.spamhaus.org 530 <alice@example.org> verification failed."
verdict "Courier sender verification quoting an unknown user is the sender's" other no \
	"530-mx.example.org [192.0.2.9]: 530->>> RCPT TO:<alice@example.org> 530-5.1.1 <alice@example.org>... User unknown 530 <alice@example.org> verification failed."
verdict "Courier sender verification, soft, upper case, no full stop" other no \
	"430-MX.EXAMPLE.ORG [192.0.2.9]: 430-ERROR: CONNECTION TIMED OUT 430 <ALICE@EXAMPLE.ORG> VERIFICATION FAILED"
verdict "a 550 naming a failed verification is no Courier probe" user-unknown no \
	"550 5.1.1 <a@example.org>: Recipient address rejected: User unknown; verification failed"
verdict "a 530 quoting a block without the verification line stays the block" blocklist yes \
	"530 5.7.1 Service unavailable; Client host [203.0.113.5] blocked using zen.spamhaus.org"

# A mailbox or account over its quota in other words.
verdict "account temporarily exceeded its incoming quota" mailbox-full no \
	"550 [SMTPD]: This account has temporarily exceeded its incoming quota"
verdict "account exceeded its incoming quota, upper case, deferred, with an id" mailbox-full no \
	"452 4.2.2 THIS ACCOUNT HAS TEMPORARILY EXCEEDED ITS INCOMING QUOTA [id=4f2a]"
verdict "mailbox has exceeded its quota" mailbox-full no "552 Mailbox has exceeded its quota"
verdict "user exceeded their disk quota, full stop" mailbox-full no "550 The user has exceeded their disk quota."
verdict "the sender's own account over its quota is no full mailbox" other no \
	"550 Your account has exceeded its quota"
verdict "an account over its sending quota stays the sender's limit" rate yes \
	"550 This account has exceeded its sending quota"

# All mail from the IP deferred, the word "IP" in place of the address.
verdict "all messages from IP permanently deferred, the address as a word" reputation yes \
	"553 5.7.2 All messages from IP will be permanently deferred; Retrying will NOT succeed."
verdict "all messages from IP deferred, lower case, no enhanced code" reputation yes \
	"553 all messages from ip will be permanently deferred"
verdict "mails from IP addresses without a PTR stay the PTR's" ptr no \
	"550 Mails from IP addresses without a PTR record are rejected"

# A connection refused for a block list, in a receiver's own words.
verdict "connection refused, we hate spammers" blocklist yes "550 Connection refused - we hate spammers!"
verdict "connection refused, we hate spammers, upper case, enhanced code" blocklist yes \
	"554 5.7.1 CONNECTION REFUSED - WE HATE SPAMMERS"
verdict "connection refused, we hate spammers, deferred with an id" blocklist yes \
	"421 Connection refused - we hate spammers! [id=4f2a]"
verdict "spammers named without the refused connection stay reputation" reputation yes \
	"550 We hate spammers, your IP has a poor reputation"


# Exchange's Sender ID agent: the sender's DNS authentication, not a relay refusal.
verdict "Sender ID (PRA) not permitted" auth no "550 5.7.1 Sender ID (PRA) Not Permitted"
verdict "Sender ID, upper case, no enhanced code" auth no "550 SENDER ID (PRA) NOT PERMITTED"
verdict "Sender ID, quoted by Postfix" auth no \
	"host mail.example.com[192.0.2.9] said: 550 5.7.1 Sender ID (PRA) Not Permitted (in reply to end of DATA command)"
verdict "Sender ID, MAIL FROM scope, failed" auth no "550 5.7.1 Sender ID (MAIL FROM) Fail"
verdict "a sender not permitted to relay stays relaying" relay-denied no "550 5.7.1 Sender not permitted to relay"
verdict "a Sender ID pass is no auth refusal" other no "550 5.7.1 Sender ID (PRA) Pass"

# A forged HELO named among a filter's reasons: the HELO name, before the content words.
verdict "forged HELO in an unsolicited-mail refusal" ptr no \
	"554 5.7.1 Mail (id-34054-07247) appears to be unsolicited - Forged Helo - resend with the code uvamupu4 appended to subject"
verdict "forged HELO, upper case, no enhanced code" ptr no "554 MAIL APPEARS TO BE UNSOLICITED - FORGED HELO"
verdict "forged HELO, deferred with an id" ptr no "450 4.7.1 Forged HELO [id=4f2a]"
verdict "forged headers stay the message's" content no "554 5.7.1 Mail appears to be unsolicited - forged headers"

# The recipient not in the server's own list of users.
verdict "recipient address not in my local list" user-unknown no "550 sorry, your recipient address is not in my local list"
verdict "recipient not in my local list, enhanced code, upper case" user-unknown no \
	"550 5.1.1 SORRY, YOUR RECIPIENT ADDRESS IS NOT IN MY LOCAL LIST."
verdict "qmail's rcpthosts list stays relaying" relay-denied no \
	"553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)"
verdict "a sender address not in the list is no recipient" other no "550 sorry, your sender address is not in my local list"

# A recipient account unavailable in a 5xx.
verdict "user account is unavailable after the address" user-unknown no \
	"550 trabzrtn@earthlink.net...User account is unavailable"
verdict "user account unavailable, enhanced code, upper case" user-unknown no "550 5.1.1 USER ACCOUNT IS UNAVAILABLE."
verdict "user account unavailable, bracketed address, with an id" user-unknown no \
	"550 <a@example.org> User account is unavailable [id=4f2a]"
verdict "user account unavailable in a 4xx is no unknown user" other no \
	"450 trabzrtn@earthlink.net...User account is unavailable"
verdict "a sender account unavailable is no recipient" other no "550 Sender account is unavailable"
verdict "user account unavailable after a pasted mask" user-unknown no "550 redacted...User account is unavailable"
verdict "user account unavailable after stars" user-unknown no "550 ***...User account is unavailable"
verdict "a sending account before the words is no recipient's mask" other no \
	"550 Your sending account...User account is unavailable"

# A recipient address "not used".
verdict "address not used" user-unknown no "550 <ouqa@ukr.net> not used"
verdict "address not used, enhanced code, full stop" user-unknown no "550 5.1.1 <ouqa@ukr.net> not used."
verdict "address not used, upper case, quoted by Postfix" user-unknown no \
	"host mxs.ukr.net[192.0.2.9] said: 550 <OUQA@UKR.NET> NOT USED (in reply to RCPT TO command)"
verdict "a relay not used names no address" other no "550 Relay not used"
verdict "address not used, the address masked" user-unknown no "550 <redacted> not used"
verdict "address not used, the address starred" user-unknown no "550 <***> not used"

# A mailing list's posting policy, not an unknown recipient.
verdict "address not subscribed to that group" other no \
	"510 5.1.1 Your email address, someone@example.org, is not subscribed to that group. To subscribe, send an email to list+subscribe@groups.io"
verdict "you are not subscribed to that group, upper case" other no "510 5.1.1 YOU ARE NOT SUBSCRIBED TO THAT GROUP"
verdict "address not subscribed to this list, 550" other no \
	"550 5.7.1 Your address is not subscribed to this list and the list is members only"
verdict "an unknown recipient stays the recipient's" user-unknown no \
	"550 5.1.1 <a@example.org>: Recipient address rejected: User unknown"

# MXLogic's filter verdict.
verdict "MXLogic denied with its id and mode" content no \
	"554 Denied [870d8845.0.55892.00-2367.107321.p01c12m012.mxlogic.net] (Mode: normal)"
verdict "MXLogic denied, enhanced code, upper case" content no "554 5.7.1 DENIED [ABC.MXLOGIC.NET] (MODE: NORMAL)"
verdict "a bare Denied stays other" other no "554 Denied"
verdict "Denied with an id but no filter mode stays other" other no "554 Denied [abc.mxlogic.net]"

# UOL's MX-UOL limit on mail to one recipient.
verdict "UOL's MX-UOL too many messages" rate no \
	"450 4.7.1 <cfracari@uol.com.br>: Recipient address rejected: MX-UOL-02 - Too many messages, try again later."
verdict "UOL's MX-UOL too many messages, no enhanced code, upper case" rate no \
	"450 <A@UOL.COM.BR>: RECIPIENT ADDRESS REJECTED: MX-UOL-02 - TOO MANY MESSAGES"
verdict "UOL's filter code without a cause stays other" other no \
	"450 4.7.1 <a@uol.com.br>: Recipient address rejected: UOL-SH_D-H[5a04][33]"
verdict "too many messages from the IP stays the sender's" rate yes "421 Too many messages from your IP, try again later"

# The hop limit in other words.
verdict "received header counts over the maximum" other no \
	"552 Your \"received:\" header counts exceeds the maximum setting."
verdict "received header count over the maximum, enhanced code, upper case" other no \
	"552 5.4.6 YOUR RECEIVED HEADER COUNT EXCEEDS THE MAXIMUM SETTING"
verdict "a header size over the maximum stays size" size no "552 Header size exceeds the maximum setting"

# Exchange Online's own codes named by their words.
verdict "5.1.10 recipient not found" user-unknown no "550 5.1.10 Recipient not found"
owned "" microsoft "microsoft" "550 5.1.10 Recipient not found"
owned "" "" "" "550 5.1.1 Recipient not found"
verdict "4.4.317 cannot connect to remote server" other no "450 4.4.317 Cannot connect to remote server [Message=UntrustedRoot]"
owned "" microsoft "microsoft" "450 4.4.317 Cannot connect to remote server [Message=UntrustedRoot]"
owned "" "" "" "451 4.4.0 Cannot connect to remote server"
verdict "5.4.1 relay access denied" relay-denied no "550 5.4.1 Relay Access Denied"
verdict "5.4.1 relay access denied, lower case, quoted by Postfix" relay-denied no \
	"host mail.protection.outlook.com[192.0.2.9] said: 550 5.4.1 relay access denied (in reply to RCPT TO command)"
owned "" microsoft "microsoft" "550 5.4.1 Relay Access Denied"
owned "" "" "" "554 5.7.1 <a@example.org>: Relay access denied"
verdict "Postfix's relay refusal stays relaying" relay-denied no "554 5.7.1 <a@example.org>: Relay access denied"
verdict "5.4.1 recipient access denied stays the recipient's" user-unknown no \
	"550 5.4.1 Recipient address rejected: Access denied. AS(201806281)"

finish
