#!/bin/sh
# The same refusal in other frames keeps its verdict (tests/corpus/tools/
# frame_variants.py measures this over the dev rows and rule examples):
# quoted by the software that reported it, padded, in another letter case,
# without its enhanced code, deferred instead of refused, with an id after
# it; and the texts that only look like a frame stay what they are. Each
# reply's category and block verdict through `bouncewatch rules classify`.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/verdicts.sh"

# Quoted: Postfix's bounce text, a DSN's Diagnostic-Code, an Exchange NDR,
# Exim's bounce text (the rules anchored on the reply code read the reply
# inside). Source of the Postfix frame: Carlo Hamalainen's Office 365 bounce
# (github.com/carlohamalainen/carlohamalainen.github.io,
# _posts/2014-05-26-microsoft-blocked-using-blocklist1.md); Exchange's:
# Microsoft's restricted-sender NDR ("Remote Server returned '550 5.1.8 ...'").
verdict "frame: Postfix quotes Microsoft's banned sending IP" blocklist yes \
	"host mx.example.net[192.0.2.1] said: 550 5.7.606 Access denied, banned sending IP [198.51.100.45]. To request removal from this list please visit https://sender.office.com/ and follow the directions. (in reply to RCPT TO command)"
verdict "frame: Exchange quotes Microsoft's S3150" blocklist yes \
	"Remote Server returned '550 5.7.1 Unfortunately, messages from [198.51.100.90] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150).'"
verdict "frame: Exim quotes Yahoo's TSS04" reputation yes \
	"SMTP error from remote mail server after RCPT TO:<user@example.org>: 421 4.7.0 [TSS04] Messages from 198.51.100.3 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes"
verdict "frame: Exim's host frame quotes iCloud's CS01" reputation yes \
	"host mx.example.org [192.0.2.25]: 554 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137"
verdict "frame: a DSN quotes Gmail's DMARC refusal on several lines" auth no \
	"smtp;550-5.7.26 Unauthenticated email from example.com is not accepted due to 550-5.7.26 domain's DMARC policy. Please contact the administrator of 550-5.7.26 example.com domain if this was a legitimate mail. 550 5.7.26 https://support.google.com/mail/answer/2451690 - gsmtp"
verdict "frame: Postfix's stage after a PTR refusal" ptr no \
	"450 4.7.1 Client host rejected: cannot find your hostname, [198.51.100.162] (in reply to RCPT TO command)"
# Near misses: no reply code after the frame, or the relay's own reply that
# quotes another server after its own code: read as they are.
verdict "frame: a quoted text without a code stays text" content no \
	"Remote Server returned 'Message rejected as spam'"
verdict "frame: the relay's own refusal quoting a server is the relay's" user-unknown no \
	"550 5.1.1 <a@example.com>: Recipient address rejected: undeliverable address: host mx.example.com[192.0.2.9] said: 550 5.1.1 unknown user"
verdict "frame: 'said:' inside a sentence is no frame" other no \
	"host mx.example.net[192.0.2.1] said: 4.4.2 connection timed out while receiving the greeting"

# Padding: runs of spaces and tabs read as one space.
verdict "blanks: iCloud's CS01 with double spaces" reputation yes \
	"550 5.7.1 [CS01] Message rejected  due to local policy.  Please visit https://support.apple.com/en-us/HT204137"
verdict "blanks: Postfix's PTR refusal with double spaces" ptr no \
	"450 4.7.1 Client host rejected: cannot  find  your hostname, [198.51.100.162]"
verdict "blanks: relay access denied with double spaces" relay-denied no \
	"554 5.7.1 <user@example.org>: Relay  access  denied"

# Letter case: the words of these rules mean the same in any case.
verdict "case: T-Online's (BL) in upper case" blocklist yes \
	"554 IP=192.0.2.9 - A PROBLEM OCCURRED. (ASK YOUR POSTMASTER FOR HELP OR TO CONTACT TOSA@RX.T-ONLINE.DE TO CLARIFY.) (BL)"
verdict "case: iCloud's CS01 in upper case" reputation yes \
	"550 5.7.1 [CS01] MESSAGE REJECTED DUE TO LOCAL POLICY. PLEASE VISIT HTTPS://SUPPORT.APPLE.COM/EN-US/HT204137"
verdict "case: USA.NET's block list in lower case words" blocklist yes \
	"550 mail from refused. UNL. please go to http://postmaster.usa.net for an explanation."
verdict "case: Alibaba's behaviour spam in upper case" reputation yes "554 REJECT BY BEHAVIOUR SPAM"
verdict "case: the PTR reply naming an rbl host stays PTR in lower case" ptr no \
	"550 5.7.1 client host rejected: cannot find your hostname, [mx-rbl.example.org]"

# Without the enhanced code, and the other class of reply code, where the
# words are the provider's own and say neither "later" nor "permanently".
verdict "code: iCloud's CS01 without its enhanced code" reputation yes \
	"550 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137"
verdict "code: the Korean spam centre's CCRT without its enhanced code" reputation yes \
	"421 CCRT 192.0.2.5: Connection refused. Server is busy(RT)"
verdict "code: Google's size limit without its enhanced code" size no \
	"552 Your message exceeded Google's message size limits. To view our message size guidelines, go to Send attachments with your Gmail message."
verdict "code: Spamhaus DBL for a domain in the message without the code" content no \
	"550 Your email was rejected due to having a domain present in the Spamhaus DBL -- see https://www.spamhaus.org/dbl/"
verdict "code: MailChannels [FBL] deferred" reputation yes \
	"450 4.7.1 [FBL] Blocked. See https://console.mailchannels.net/insights/bounce?auid=example"
verdict "code: China's unwelcome spam IP deferred" reputation yes \
	"454 Unwelcome connection rejected (4)"
verdict "code: USA.NET's block list deferred" blocklist yes \
	"450 Mail from refused. UNL. Please go to http://postmaster.usa.net for an explanation."
verdict "code: T-Online's tosa quote deferred" other yes \
	"454 IP:192.0.2.44 - A problem occurred. (Ask your postmaster for help or to contact tosa@rx.t-online.de to clarify.)"
# Near misses: words any server writes keep needing the provider's code.
verdict "code: RFC 3463's delivery not authorized is no provider's" other no \
	"550 Delivery not authorized, message refused"
verdict "code: a policy violation without Forpsi's 5.1.0 is content" content no \
	"550 cNkj1y0022zrrQM01NkjaD policy violation, see https://support.forpsi.com/kb/a4077"

# An id after a short refusal of the sender.
verdict "suffix: 'Sender blocked' with an id" blocklist yes "550 5.7.1 [ESA] Sender blocked [4Fc6Ia0X6qx1]"
verdict "suffix: 'NAME is blocked' with an id" blocklist yes "550 5.7.1 example-mailer.net is blocked #a2c9a2a2z2a2"
verdict "suffix: 'IP is rejected' with an id" other yes "550 IP is rejected [AG0NE33BO6952]"
verdict "suffix: a host not allowed with an id" other yes "554 5.7.1 Your IP 198.51.100.7 is not allowed to send mail here [GC2YJ69NE6953]"
# Near misses: words after the refusal, not an id, keep the whole-reply rules off.
verdict "suffix: 'Sender blocked' by a recipient's list is no block" other no \
	"550 5.7.1 Sender blocked by recipient's personal block list"
verdict "suffix: an attachment is blocked, id after it" content no "550 invoice.exe is blocked [4Fc6Ia0X6qx1]"
verdict "suffix: an attachment is blocked" content no "550 invoice.exe is blocked"
# Replies in the receiver's language (patterns/languages.rules) in the same
# frames: Postfix's, a DSN's, Exim's; and a multi-line Gmail 4.2.1 in Chinese.
verdict "frame: Postfix quotes a German relay refusal" relay-denied no \
	"host mx.example.de[192.0.2.1] said: 550 <jemand@beispiel.com>... Relay verweigert (in reply to RCPT TO command)"
verdict "frame: a DSN quotes a Japanese relay refusal" relay-denied no \
	"smtp; 550 <someone@example.com> ....リレー拒否"
verdict "frame: Exim quotes a Chinese open-relay refusal" reputation yes \
	"SMTP error from remote mail server after RCPT TO:<user@example.cn>: 554 拒绝开放中继服务器"
verdict "frame: a multi-line Chinese per-recipient rate" rate no \
	"450-4.2.1 您尝试联系的用户接收电子邮件的频率过高。 450-4.2.1 请稍后重发您的邮件。 450 4.2.1 如果届时用户可以接收电子邮件,则系统将递送您的邮件。 - gsmtp"
# Not blocks in any frame: deferred instead of refused, or with an id
# appended, these stay what their usual form is (no false block from a
# broader rule).
verdict "frame: a DBL-listed domain in the message, deferred" content no \
	"450 4.7.1 Your email was rejected due to having a domain present in the Spamhaus DBL -- see https://www.spamhaus.org/dbl/"
verdict "frame: a blacklisted regex in the message, deferred" content no "450 contains blacklisted regex (viagra)"
verdict "frame: the recipient organisation's own list, deferred" other no \
	"454 4.7.1 <bob@example.com>: Recipient address rejected: Blacklisted"
verdict "frame: the recipient organisation's own list, an id appended" other no \
	"554 5.7.1 <bob@example.com>: Recipient address rejected: Blacklisted id=4073671083-Sc1iBk"
verdict "frame: a bare rate limit with an id appended" rate no "451 4.4.5 Rate limit exceeded, try again later. [k8j6u2n8d0m7]"
verdict "frame: a bare rate limit with id= appended" rate no "451 rate limit exceeded id=u1h9l4i5d4s0"
verdict "frame: a session's transfer quota without its full stop" rate no "452 4.7.28 mx.example.org Session exceeded transfer quota"
# Blocks in any frame: in another letter case, deferred instead of refused
# (or refused instead of deferred), with an id appended.
verdict "frame: OpenBSD spamd's list text in upper case" blocklist yes \
	"450-SPAM. YOUR ADDRESS 192.0.2.1 APPEARS TO BE FROM CHINA 450 SEE HTTP://WWW.OKEAN.COM/ASIANSPAMBLOCKS.HTML FOR MORE DETAILS"
verdict "frame: OpenBSD spamd's spamtrap text in lower case" blocklist yes \
	"450-your address 192.0.2.1 has sent mail to a ualberta.ca spamtrap 450 within the last 24 hours"
verdict "frame: spamdyke's RHSBL refusal in lower case" blocklist yes "554 refused. your domain name is listed in the RHSBL at a.rhsbl"
verdict "frame: a bare receiver code and its page in upper case" other yes "521 5.2.1 : (ABC:X1) HTTPS://POSTMASTER.EXAMPLE.NET/ERRORS#521ABCX1"
verdict "frame: a bare receiver code and its page, an id appended" other yes \
	"421 4.7.1 (XYZ:T2) http://postmaster.example.org/errors/421xyzt2.html [AM6GG27WV7024]"
verdict "frame: Hornetsecurity's spam IP, deferred" reputation yes "454 4.5.4 Spam IP rejected"
verdict "frame: Cyren's IP reputation, deferred" reputation yes \
	"450 delivery from 192.0.2.44 is rejected. Check at http://www.commtouch.com/Site/Resources/Check_IP_Reputation.asp. Reference code: 0a1b2c"
verdict "frame: Verizon's anti-spam block, deferred" blocklist yes \
	"450 You are not permitted to send mail. Please visit http://www.verizon.net/whitelist to request removal."
verdict "frame: postfwd's client limit, refused" rate yes "550 5.7.1 <bob@example.com>: Recipient address rejected: sorry, max 3 recipients per hour"
verdict "frame: Baruwa's banned domain in upper case" blocklist yes "550 THE DOMAIN EXAMPLE.COM IS BANNED"
verdict "frame: Cox's message threshold, refused" rate yes "552 [Message threshold exceeded]"
verdict "frame: Exchange Online's 4.7.652 as a permanent refusal" rate yes \
	"551 5.7.652 The mail server has exceeded the maximum number of connections. (S3115) [BN1NAM02FT051.eop-nam02.prod.protection.outlook.com]"
verdict "frame: Exchange Online's submission quota without its enhanced code" rate yes \
	"554 STOREDRV.Submission.Exception:SubmissionQuotaExceededException"
verdict "frame: Exchange Online's submission quota, deferred" rate yes \
	"454 4.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException"
verdict "frame: web.de's IP-based policy refusal, deferred" reputation yes \
	"450 <user@example.net>: Reject due to policy restrictions (IP based)"
verdict "frame: T-Online's IP refusal with an enhanced code" other yes \
	"554 5.0.0 IP:192.0.2.44 - A problem occurred. (Ask your postmaster for help or to contact tosa@rx.t-online.de to clarify.)"
verdict "frame: T-Online's IP refusal quoted after a relay's tag, no enhanced code" other yes \
	"450 [EAB] 554 IP=192.0.2.7 - A problem occurred. (Ask your postmaster for help or to contact tosa@rx.t-online.de to clarify.)"
verdict "frame: T-Online's IP refusal quoted after a relay's tag, upper case" other yes \
	"450 4.7.1 [EAB] 554 IP=192.0.2.7 - A PROBLEM OCCURRED. (ASK YOUR POSTMASTER FOR HELP OR TO CONTACT TOSA@RX.T-ONLINE.DE TO CLARIFY.)"
verdict "frame: Forpsi's submission policy violation in upper case" rate yes "5.1.0 PIWS1J0010JIFNX01IWSDH POLICY VIOLATION"
verdict "frame: Aruba's submission policy violation in upper case" rate yes "421 4.7.0 IEML1P01Z0HMCT901EMQ77 POLICY VIOLATION"
verdict "frame: T-Online's refusal for an SPF record is no block" auth no \
	"554 IP=192.0.2.1 - Sender domain has no valid SPF record. (Ask your postmaster for help or to contact tosa@rx.t-online.de to clarify.)"
verdict "frame: T-Online's refusal for a PTR record is no block" ptr no \
	"554 IP=192.0.2.1 - No PTR record. (Ask your postmaster for help or to contact tosa@rx.t-online.de to clarify.)"
finish
