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

# Pasted: a reply copied from a web page, a forum or an issue thread, or
# handed over by an HTML NDR (src/reply_paste.h, src/reply_frame.h): HTML
# entities and character references, typographic apostrophes and
# ellipses, no-break and zero-width spaces, a mail client's "> " and
# Markdown's backticks read as the reply the server sent; an IPv4 address
# masked by hand (or by the receiver) reads as an address, and so does the
# e-mail address Cloudflare hides in the pages it serves ("[email
# protected]"). The replies are the rules' own examples in those shapes.
nb=$(printf '\302\240') zw=$(printf '\342\200\213')
verdict "paste: iCloud's CS01 copied with no-break spaces" reputation yes \
	"550${nb}5.7.1 [CS01] Message rejected due to local policy.${nb} Please visit https://support.apple.com/en-us/HT204137"
verdict "paste: Gmail's try again later with a no-break space" rate yes \
	"421 4.7.0 Try again${nb}later, closing connection."
verdict "paste: Yahoo's BL23 with a zero-width space" blocklist yes \
	"553 5.7.1 [BL23] Connections not accepted from IP ${zw}addresses on Spamhaus XBL; see http://postmaster.yahoo.com/errors/550-bl23.html [550]"
verdict "paste: Yahoo's unknown user with an HTML apostrophe" user-unknown no \
	"554 delivery error: dd This user doesn&#39;t have a yahoo.com account (user@yahoo.com) [0] - mta1061.mail.ne1.yahoo.com"
verdict "paste: Yahoo's unknown user with a typographic apostrophe" user-unknown no \
	"554 delivery error: dd This user doesn$(printf '\342\200\231')t have a yahoo.com account (user@yahoo.com) [0] - mta1061.mail.ne1.yahoo.com"
verdict "paste: AT&T's unauthorized interface in HTML entities" blocklist yes \
	"550 unauthorized interface for &lt;192.0.2.7&gt;"
verdict "paste: T-Online's (BL) quoted by a mail client" blocklist yes \
	"> 554 IP=192.0.2.9 - A problem occurred. (Ask your postmaster for help or to contact tosa@rx.t-online.de to clarify.) (BL)"
verdict "paste: T-Online's (BL) as Markdown code" blocklist yes \
	"\`554 IP=192.0.2.9 - A problem occurred. (Ask your postmaster for help or to contact tosa@rx.t-online.de to clarify.) (BL)\`"
verdict "paste: Baruwa's banned sender as its page masks it" blocklist yes "550 The sender xxx.xxx.xxx.xxx is banned"
verdict "paste: UCEPROTECT's check page with the IP masked" blocklist yes \
	"550 Refused: see http://www.uceprotect.net/rblcheck.php?ipr=x.x.x.x"
verdict "paste: Mail.ru's try again later with the IP masked" reputation yes \
	"421 Try again later (xxx.xxx.xxx.xxx). Please contact abuse@corp.mail.ru."
verdict "paste: the NJABL dynablock refusal with the IP masked" blocklist yes \
	"553 5.3.0 Message from xx.xx.xx.xx blocked - see http://dynablock.njabl.org/"
verdict "paste: Sendmail's access map refusal with a Cloudflare-hidden address" other no \
	"553 5.3.0 <[email protected]>... SPAM REJECT"
verdict "paste: Sendmail's access map refusal with a typographic ellipsis" other no \
	"553 5.3.0 <sender@example.com>$(printf '\342\200\246') SPAM REJECT"
# Near miss: a dotted name with "x" labels is no masked address.
verdict "paste: a dotted host name with x labels is a name" user-unknown no \
	"550 5.1.1 <a@x.x.x.x.example>: Recipient address rejected: User unknown in virtual mailbox table"

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
# Replies whose verdict changed with the frame (frame_variants.py): the same
# refusal without its enhanced code, deferred instead of refused, or without
# its last full stop. Sources: each rule's own (patterns/*.rules).
verdict "frame: Sophos's mail flood without its enhanced code" rate yes "554 Mail flood detected;"
verdict "frame: web.de's domain-based policy refusal, deferred" reputation yes \
	"450 <user@example.net>: Reject due to policy restrictions (domain based)"
verdict "frame: JetEmail's rate limit without its last full stop" rate yes \
	"421 4.7.1 Rate limit exceeded. Try again later"
verdict "frame: a bare policy refusal that closes, as 521" other yes "521 5.7.0 Refused due to local policy violation"
verdict "frame: a 521 policy refusal that names the message stays content" content no \
	"521 5.7.0 Refused due to local policy violation in the message"
verdict "frame: SocketLabs' suspended account without its enhanced code" rate yes \
	"451 - Your account has been temporarily suspended"

# More replies whose category changed with the frame: the words in another
# case, a neutral enhanced code added or the code dropped, an id or a full
# stop after the reply; and a host name that only looks like the frame.
verdict "frame: SpaceQuad's refusal in lower case" blocklist yes \
	"554 5.7.1 - ERROR: mail refused - 192.0.2.14 - see REASON_CODE - 20090312"
verdict "frame: T-Online's listed IP quoted after a relay's tag, no enhanced code" blocklist yes \
	"450 [EAB] 554 IP=192.0.2.9 - A problem occurred. (Ask your postmaster for help or to contact tosa@rx.t-online.de to clarify.) (BL)"
verdict "frame: T-Online's NOWL with an enhanced code" reputation yes \
	"554 5.7.1 IP=198.51.100.71 - None/bad reputation. Ask your postmaster for help or to contact tosa@rx.t-online.de for reset. (NOWL)"
verdict "frame: NetEase's invalid user with a full stop" user-unknown no "550 Invalid User."
verdict "frame: NetEase's invalid user with an id" user-unknown no "550 Invalid User (7Db9Ds3L8ov7)"
verdict "frame: Stalwart's unparsable message without its enhanced code" content no "550 Failed to parse message"
verdict "frame: hMailServer's relay refusal without its full stop" relay-denied no "550 Delivery is not allowed to this address"
verdict "frame: Haraka's relay refusal with an id" relay-denied no "550 I cannot deliver mail for <test@example.com> #BZ4JH24SG5557"
verdict "frame: qmail's badrcptto with an id" user-unknown no \
	"553 sorry, your envelope recipient has been denied (#5.7.1) [JL3SZ94TC7045]"
verdict "frame: a missing domain with a neutral enhanced code" other no "553 5.0.0 mail.example.jp does not exist"
verdict "frame: a missing domain with an id" other no "553 mail.example.jp does not exist #LA7AF28GK3589"
verdict "frame: an address rejected with #5.1.0 after a neutral enhanced code" user-unknown no \
	"550 5.0.0 550 #5.1.0 Address rejected nobody@example.org (state 14)."
verdict "frame: MailChannels' recipient policy mismatch in upper case" other no "452 4.5.3 RECIPIENT POLICY MISMATCH"
verdict "frame: Tencent's mail rejected with an id" other no "550 2efb645ddd8af6f-15f8b Mail rejected (7Ak5Eo2A6le9)"
verdict "frame: UOL's filter code in upper case" other no \
	"450 4.7.1 <USER@UOL.COM.BR>: RECIPIENT ADDRESS REJECTED: UOL-SH_D-H[5A042AB54F7862EDAA06546AB12B4E4EDBAC0B5C][33]"
verdict "frame: a SURBL refusal with a full stop" content no "550 5.7.1 Blocked by SURBL."
verdict "frame: a bare deferral by policy with an id" other no "451 4.7.1 Rejected due to policy violation. id=3353978558-Tc0aAc"
verdict "frame: iRedAPD's not authorized with an id" other no \
	"554 5.7.1 <bob@example.com>: Recipient address rejected: Not authorized [Hu4bR6iW5zW]"
verdict "frame: an invalid address with a neutral enhanced code" user-unknown no "550 5.0.0 : invalid address"
verdict "frame: Seznam's unmapped service without its enhanced code" user-unknown no "550 szn; User hasn't got the service mapped"
verdict "frame: a list zone named surbl.org is no SURBL content refusal" blocklist yes \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using multi.surbl.org"
# Deferred (4xx) instead of refused, the words still name the recipient, the
# message or the sender's SPF the same way (RFC 5321's 450 "mailbox
# unavailable", a busy or blocked mailbox, stays apart).
verdict "frame: iCloud's unknown alias, deferred" user-unknown no "450 4.1.1 unknown or illegal alias: someone@icloud.com"
verdict "frame: an address rejected with #5.1.0, deferred" user-unknown no "450 #5.1.0 Address rejected nobody@example.org"
verdict "frame: an invalid or inactive user, deferred" user-unknown no "453 Invalid/inactive user."
verdict "frame: a user that cannot be accepted, deferred" user-unknown no "450 can't accept user... (#5.7.1)"
verdict "frame: a deferred mailbox unavailable is no unknown user" other no \
	"450 Requested action not taken: mailbox unavailable"
verdict "frame: delivery not authorized, deferred" other no "471 Delivery not authorized, message refused"
verdict "frame: Sohu's SPF policy page, deferred" auth no "453 4.7.1 Sender ERROR:sender@example.com: http://mail.sohu.com/info/policy/10"
verdict "frame: an invalid address, deferred" user-unknown no "450 <someone@example.org>: invalid address"
# The words of an authentication refusal in another case, or without their
# enhanced code (Gmail's sentence for an unauthenticated sender).
verdict "frame: Seznam's SPF refusal in upper case" auth no \
	"550 5.7.1 SENDER POLICY FRAMEWORK OF \`PRO-CERT.CZ' DOMAIN DENIED YOUR IP ADDRESS."
verdict "frame: Seznam's SPF refusal in lower case" auth no \
	"550 5.7.1 sender policy framework of \`pro-cert.cz' domain denied your IP address."
verdict "frame: Gmail's unauthenticated sender without its enhanced code" auth no \
	"550-Your email has been blocked because the sender is unauthenticated."
verdict "frame: a login that must authenticate is no unauthenticated sender" other no "530 Must authenticate first"
# The same wording under the other class of reply code (a provider's or a
# server's own words, deferred or refused: frame_variants.py's code-flip).
verdict "frame: hornetsecurity-size, deferred" size no \
	"452 4.5.2 Message size (content filter)"
verdict "frame: shapes6-rcpt-words, deferred" user-unknown no \
	"450 : invalid address"
verdict "frame: shapes16-account-not-available, deferred" user-unknown no \
	"450 Account not available"
verdict "frame: shapes13-malformed-message, deferred" content no \
	"454 Malformed mail denied!"
verdict "frame: messagelabs-message-format, deferred" content no \
	"453 Stray linefeeds in message (#5.6.2)"
verdict "frame: mailchannels-spam-signature, deferred" content no \
	"450 4.7.1 [SS] Blocked. See https://console.mailchannels.net/insights/bounce?auid=example&sender=user%40example.com&txid=210357ad38883888"
verdict "frame: maddy-rcpt-normalize, deferred" user-unknown no \
	"401 4.1.2 Unable to normalize the recipient address"
verdict "frame: exchange-reserved-recipient, deferred" user-unknown no \
	"450 4.1.4 Recipient address reserved by RFC 2606"
verdict "frame: comcast-user-unknown, deferred" user-unknown no \
	"450 4.1.1 sid=i01K1n00l0kn1Em01 Address rejected foobar@foobar.com. [code=28]"
verdict "frame: cnmail-remote-ip-check, deferred" auth no \
	"456 remote ip check error."
verdict "frame: spamdyke-relaying-denied, deferred" relay-denied no \
	"454 Refused. Sending to remote addresses (relaying) is not allowed."
verdict "frame: spamdyke-recipient-blacklisted, deferred" user-unknown no \
	"454 Refused. Mail is not being accepted at this address."
verdict "frame: spamdyke-ip-in-rdns-keyword, deferred" ptr no \
	"454 Refused. Your reverse DNS entry contains your IP address and a banned keyword."
verdict "frame: netease-sender-mismatch, deferred" content no \
	"454 DT:SUM"
verdict "frame: netease-relay, deferred" relay-denied no \
	"450 RP:FRL"
verdict "frame: netease-helo, deferred" ptr no \
	"450 MI:NHD"
verdict "frame: netease-auth, deferred" auth no \
	"450 MI:DMA"
verdict "frame: netease-recipients-per-message, deferred" rate no \
	"450 RP:RCL"
verdict "frame: netease-mailsize, deferred" size no \
	"452 Requested mail action aborted: exceeded mailsize limit"
verdict "frame: netease-invalid-user, deferred" user-unknown no \
	"450 Invalid User"
verdict "frame: mimecast-outbound-limit, deferred" rate no \
	"450 Exceeding outbound thread limit - https://community.mimecast.com/docs/DOC-1369#550"
verdict "frame: mimecast-blocked-senders-policy, deferred" other no \
	"450 Envelope rejected - Block policy for Envelope From address - https://community.mimecast.com/docs/DOC-1369#550"
verdict "frame: mimecast-auth, deferred" auth no \
	"450 Spf Sender Invalid - envelope rejected - https://community.mimecast.com/docs/DOC-1369#550"
verdict "frame: messagelabs-recipient-not-allowed, deferred" user-unknown no \
	"453 Recipient mailbox is not allowed"
verdict "frame: mailcleaner-recipient-blacklisted, deferred" user-unknown no \
	"450 blacklisted recipient: bob@example.com"
verdict "frame: iredapd-message-size, deferred" size no \
	"454 4.7.1 <bob@example.com>: Recipient address rejected: Message size exceed (maybe caused by big attachment file)"
verdict "frame: iredapd-max-rcpts, deferred" rate no \
	"454 4.7.1 <bob@example.com>: Recipient address rejected: Too many recipients in single message"
verdict "frame: iredapd-blacklisted-rdns, deferred" ptr no \
	"454 4.7.1 <bob@example.com>: Recipient address rejected: Blacklisted reverse DNS name of server IP address"
verdict "frame: iredapd-not-authorized, deferred" other no \
	"454 4.7.1 <bob@example.com>: Recipient address rejected: Not authorized"
verdict "frame: hornetsecurity-multi-recipient-bounce, deferred" other no \
	"450 4.5.3 Recipient address rejected: Multi-recipient bounce"
verdict "frame: hornetsecurity-explicit-block, deferred" other no \
	"450 4.2.2 explicit blocking of sender or recipient address"
verdict "frame: hmailserver-relay-not-allowed, deferred" relay-denied no \
	"450 Delivery is not allowed to this address."
verdict "frame: haraka-helo-big-company, deferred" ptr no \
	"450 You are not who you say you are"
verdict "frame: att-suspended, deferred" user-unknown no \
	"450 [suspend] Mailbox currently suspended--Please contact correspondent directly."
verdict "frame: assp-relay-denied, deferred" relay-denied no \
	"454 <mx.example.org> Relay Service denied for IP 192.0.2.7, closing transmission channel"
verdict "frame: alibaba-attachments, deferred" size no \
	"410 The number of attachments is achieved the maximum threshold"
verdict "frame: alibaba-account-receive, deferred" user-unknown no \
	"442 This account isn't allowed to receive email"
verdict "frame: yandex-no-correct-recipients, deferred" user-unknown no \
	"454 4.5.1 Error: no correct recipients"
verdict "frame: docomo-too-much-data, deferred" mailbox-full no \
	"452 Too much mail data recipient-mailbox-is-full@docomo.ne.jp"
verdict "frame: google-recipient-syntax, deferred" user-unknown no \
	"453 4.1.3 The recipient address address is not a valid RFC 5321 address. For more information, go to About SMTP error messages and review RFC 5321 specifications."
verdict "frame: google-disabled-user, deferred" user-unknown no \
	"450 4.2.1 The email account that you tried to reach is disabled. g0000000000ggg.00"
verdict "frame: seznam-no-service, deferred" user-unknown no \
	"450 4.1.1 szn; User hasn't got the service mapped"
verdict "frame: qmail-badrcptto, deferred" user-unknown no \
	"453 sorry, your envelope recipient has been denied (#5.7.1)"
verdict "frame: mox-mailfrom-null-mx, deferred" other no \
	"450 4.7.27 mailfrom domain not configured for mail"
verdict "frame: maddy-mail-from-no-mx, deferred" other no \
	"401 4.7.27 Domain in MAIL FROM does not have any MX records"
verdict "frame: mailchannels-policies, refused" other no \
	"552 5.5.3 Recipient policy mismatch"
verdict "frame: chkuser-security-policies, deferred" other no \
	"471 sorry, you are violating our security policies (#5.1.1 - chkuser)"
verdict "frame: chkuser-sender-domain-mx, deferred" other no \
	"411 sorry, can't find a valid MX for sender domain (#5.1.1 - chkuser)"
verdict "frame: libero-invalid-domain, deferred" auth no \
	"450 Invalid Domain [smtp-12.iol.local; LIB_420]"
verdict "frame: t-online-nowl, deferred" reputation yes \
	"454 IP=198.51.100.71 - None/bad reputation. Ask your postmaster for help or to contact tosa@rx.t-online.de for reset. (NOWL)"
verdict "frame: stalwart-parse-failed, deferred" content no \
	"450 4.7.7 Failed to parse message."
verdict "frame: tencent-mail-rejected-id, deferred" other no \
	"450 2efb645ddd8af6f-15f8b Mail rejected"
verdict "frame: shapes13-qmail-home-directory, refused" mailbox-full no \
	"551 qq trouble in home directory"
verdict "frame: amavis-processing-error, refused" other no \
	"551 5.5.0 Error in processing, id=16908-01, virus_scan FAILED: virus_scan: ALL VIRUS SCANNERS FAILED"
verdict "frame: mimecast-account-inbounds-disabled, refused" other no \
	"551 Account inbounds disabled."
verdict "frame: microsoft-table-bad-mailbox, deferred" user-unknown no \
	"450 4.1.1 Bad destination mailbox address"
verdict "frame: microsoft-sender-denied, deferred" user-unknown no \
	"450 4.1.0 Sender denied"
verdict "frame: microsoft-not-authorized, deferred" content no \
	"450 4.7.1 Delivery not authorized, message refused: Message Rejected by Sender"
verdict "frame: shapes15-domain-does-not-exist, deferred" other no \
	"453 xxx.xx.xx does not exist"
verdict "frame: google-relay-credentials, deferred" relay-denied no "450 4.7.1 Invalid credentials for relay [198.51.100.71]."
# The provider stays with the words: Cisco's poor-reputation refusal deferred,
# MailChannels' policy refusals in another case (field 5: the provider).
for _fp in "cisco	454-mx.example.com Your access to this mail system has been rejected due to the sending MTA's poor reputation." \
	"mailchannels	550 5.7.1 THIS SENDER IS NOT AUTHORIZED TO SEND FROM EXAMPLE.COM" \
	"mailchannels	550 5.7.1 [UNS] recipient has unsubscribed from your list."; do
	eq "frame: provider ${_fp%%	*} of: ${_fp#*	}" "${_fp%%	*}" \
		"$(printf '%s\n' "${_fp#*	}" | "$BW" --rules "$RULES" rules classify | cut -f5)"
done
# Providers' own words under the other class of reply code keep their
# provider with their verdict (PROVIDER TAB CATEGORY TAB BLOCK TAB REPLY;
# fields 2, 3 and 5 of `rules classify`).
while IFS='	' read -r _fp_prov _fp_cat _fp_block _fp_reply; do
	eq "frame: $_fp_prov's words under the other code class: $_fp_reply" "$_fp_cat	$_fp_block	$_fp_prov" \
		"$(printf '%s\n' "$_fp_reply" | "$BW" --rules "$RULES" rules classify | cut -f2,3,5)"
done <<'FRAMES'
alibaba	other	no	441 This account isn't allowed to send email
alibaba	rate	yes	404 the number of RCPT attempts is achieved the maximum threshold
alibaba	rate	no	405 the total of RCPTs is achieved the maximum threshold
apple	auth	no	450 4.7.1 Your message was rejected due to example.org DMARC policy.
apple	mailbox-full	no	452 4.2.2 <[recipient email]>: user is over quota
economia	reputation	yes	454 Your access to this mail system has been rejected due to poor reputation of a domain used in message transfer
fastmail	other	no	451 4.7.1 Not authorised to send from this header address
forpsi	other	no	450 4.1.1 <sender@example.org> sender is blacklisted
gandi	content	no	450 4.7.1 Reject for policy reason. RULE1_1
gmx	ptr	no	454-web.de (mxweb005) Nemesis ESMTP Service not available 454-No SMTP service 554 invalid DNS PTR resource record, IP=198.51.100.31
gmx	auth	no	450 <someone@example.org>: Reject due to SPF policy. The originating IP of the message is not permitted by the domain owner
godaddy	blocklist	yes	454 RBL Reject -Please submit an unblock request
godaddy	blocklist	yes	454 RBL Reject: sender address domain listed in dbl
google	mailbox-full	no	450 4.7.1 Email quota exceeded.
google	user-unknown	no	450 4.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces.
hornetsecurity	reputation	yes	454 4.5.4 Your IP 1.2.3.4 address has a bad reputation. To unblock visit http://cloud-security.net/unblock?{query-string}
interia	user-unknown	no	450 4.1.1 Account not found
interia	other	no	450 4.7.1 Recipient doesn't want your mail
jetemail	other	no	450 [ACL] Blocked. See https://reports.jetsmtp.net/?id=000000000000000000&auth=smtpuser
jetemail	content	no	450 [SPAM] Blocked. See https://reports.jetsmtp.net/?id=000000000000000000&auth=smtpuser
jetemail	reputation	yes	450 4.7.1 [ABUSE] Sender blocked: spam or abuse detected. See: https://reports.jetsmtp.net/?id=1ec5d310c951ebd54d84
mailchannels	auth	no	450 4.7.1 Email has been rejected due to the domain's SPF policy
mailchannels	content	no	450 4.7.1 [NR] Message rejected
mailchannels	content	no	450 4.7.1 [CS] Message blocked
mailchannels	reputation	yes	450 4.7.1 [SB01] Your email address has been blocked due to complaints
mailru	other	no	450 message sending for this account is disabled
messagelabs	content	no	453 - Message Filtered
mimecast	other	no	450 Administrative prohibition - envelope blocked
mimecast	user-unknown	no	450 Invalid Recipient - [Link]
mimecast	content	no	454 Email rejected due to security policies (e.g., MCSpamSignature.x.x).
netease	other	no	450 MI:IMF
proximus	blocklist	yes	454 Access denied - Under investigation for spam abuse. Contact your email provider for more info
sparkpost	other	no	450 4.7.1 Unconfigured Sending Domain <mapzen.com>
tencent	other	no	450 Mail is rejected by recipients
tencent	content	no	450 Spam is embedded in the email
tencent	reputation	yes	450 Suspected spam sender.
tencent	reputation	yes	450 Suspected spam ip
yandex	user-unknown	no	450 4.7.1 No such user! 1699886045-EnHKaGMZg0U0-fZQTw1tE
yandex	other	no	450 4.7.1 Policy rejection on the target address
zoho	auth	no	450 4.7.1 Email rejected per DMARC policy for ...
zoho	content	no	552 <user@example.org> Mailbox delivery restricted by policy error
zoho	content	no	452 4.7.1 virus Eicar-Test-Signature detected by Zoho Mail
FRAMES
finish
