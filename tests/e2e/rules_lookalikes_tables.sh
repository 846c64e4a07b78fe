#!/bin/sh
# Providers' published code tables (Exchange Online's NDR table, Gmail's SMTP
# error reference, Yahoo's, Cox's, La Poste's, AT&T's, Spectrum's, Forpsi's,
# Mimecast's, Bluehost's, Orange's, AOL's, MailChannels', EarthLink's, Rackspace's,
# T-Online's, ...) and mail software's fixed replies (hMailServer, ASSP,
# Proxmox Mail Gateway, iRedAPD, Stalwart, Haraka, qpsmtpd, Maddy, mox,
# MailCleaner, spamdyke, chkuser, qmail, rspamd, Sendmail, Exim and
# Debian's exim4-config, Postfix, policyd-weight, Apache James, PolicyD v2,
# Modoboa, postfwd, HestiaCP, Plesk, SQLgrey, OpenBSD spamd, amavisd-new):
# each block a table defines next to the codes of the same table that are
# not blocks (a recipient, the sender's own settings, one message or
# transaction), through `bouncewatch rules classify` on the shipped
# patterns/ directory. rules_lookalikes.sh holds the look-alikes of the
# shapes that need no provider. owner() checks the provider column where
# a table's own rule, not a shared one, must answer.
. "$(dirname "$0")/lib.sh"

# verdict NAME CATEGORY BLOCK REPLY (verdicts.sh, shared with
# rules_lookalikes.sh): classified in one batch when the script finishes.
. "$(dirname "$0")/verdicts.sh"
# One helper: a script with a verdict() of its own classified one reply per
# process (2.5 s for this file) and lost the check for names given twice.
eq "the look-alike scripts define no verdict of their own" "" \
	"$(grep -l '^verdict *()' "$TOP"/tests/e2e/rules_lookalikes*.sh)"

# owner NAME PROVIDER REPLY: the reply, with no relay or domain to go by,
# is attributed to PROVIDER (the provider column).
owner() {
	got=$(printf '%s\n' "$3" | "$BW" --rules "$RULES" rules classify | cut -f5)
	eq "$1" "$2" "$got"
}

verdict "Exchange Online banned sending IP" blocklist yes \
	"550 5.7.606 Access denied, banned sending IP [192.0.2.5]. To request removal from this list please visit https://sender.office.com/ and follow the directions."
verdict "Google sending account denied" other no "550 5.7.0, Mail Sending denied. This error occurs if the sender account is disabled."
verdict "Google policy size per transaction" rate no \
	"452 4.5.3 Domain policy size per transaction exceeded, please try this recipient in a separate transaction."
verdict "Cox account sending limited" reputation yes \
	"550 5.7.0 cox.net cmsmtp Email sending limited due to suspicious account activity. AUP#CXTHRT"
verdict "Cox SMTP protocol violation" other no "554 cox.net cmsmtp rejected. AUP#CXSMTP"
verdict "Yahoo TS03, IP left out" reputation yes "421 4.7.1 [TS03] All messages from x.x.x.x permanently deferred"
verdict "Yahoo unresolvable From domain" other no \
	"451 Message temporarily deferred due to unresolvable RFC.5321 from domain. See https://senders.yahooinc.com/error-codes#unresolvable-from-domain"
verdict "Mimecast local IP reputation" reputation yes "550 Local CT IP Reputation - (reject) - https://community.mimecast.com/docs/DOC-1369#550"
verdict "Mimecast blocked senders policy" other no \
	"550 Rejected by header-based Blocked Senders - Block policy for Header From - https://community.mimecast.com/docs/DOC-1369#550"
verdict "La Poste LPN_102" blocklist yes "521 5.7.1 Service unavailable LPN007_102"
verdict "La Poste LPN_630" other no "554 5.7.1 Client host rejected LPN000_630"
verdict "La Poste LPN_108" other no "550 5.5.0 Service refuse. Veuillez essayer plus tard. service refused, please try later. LPN001_108"
verdict "Yandex spam statistics" reputation yes \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using spamsource.mail.yandex.net; Blocked by spam statistics"
verdict "Yandex policy on the target address" other no "550 5.7.1 Policy rejection on the target address"
verdict "AOL will not accept this message" content no "521 5.2.1 :  AOL will not accept delivery of this message."
verdict "AOL RTR block" blocklist yes "554- (RTR:BL) http://postmaster.info.aol.com/errors/554rtrbl.html"
verdict "AT&T ATTRBL" blocklist yes \
	"553 5.3.0 flph829 DNSBL:ATTRBL 521< 192.0.2.77 >_is_blocked.For assistance forward this email to abuse_rbl@abuse-att.net"
verdict "AT&T reverse DNS" ptr no \
	"550 5.7.1 Connections not accepted from servers without a valid sender domain.flph840 Fix reverse DNS for 192.0.2.77"
verdict "Bluehost GL/GL greylisting" greylist no "452 <bob@example.com> requested action aborted: try again later - GL/GL"
verdict "Bluehost GL/BL recipient's own list" other no "550 <bob@example.com> recipient rejected GL/BL"
verdict "recipient rejected without GL/BL" user-unknown no "550 <bob@example.com> recipient rejected"
verdict "Fastmail From: address not an identity" other no "551 5.7.1 Not authorised to send from this header address"
verdict "Spectrum message and recipient limits (AUP#1370)" rate yes "421 cmsmtp 192.0.2.5 blocked. AUP#In-1370"
verdict "Spectrum recipients per message (AUP#1550)" rate no "452 4.5.3 cmsmtp too many recipients. AUP#In-1550"
verdict "Gmail anchor UnsolicitedIPError" reputation yes "550-5.7.1 [192.0.2.126] https://support.google.com/mail/?p=UnsolicitedIPError"
verdict "Gmail anchor UnsolicitedMessageError" content no "550-5.7.1 [192.0.2.126] https://support.google.com/mail/?p=UnsolicitedMessageError"
verdict "Outlook.com 4.7.652 connections from the IP" rate yes \
	"451 4.7.652 The mail server [192.0.2.88] has exceeded the maximum number of connections. (S3115)"
verdict "Exchange concurrent connections per resource forest" other no \
	"421 4.3.2 The maximum number of concurrent connections per resource forest has exceeded a limit, closing transmission channel. PRX8"
verdict "Forpsi account abused for spam (kb a4071)" reputation yes \
	"550 5.1.0 Naruszenie zasad cNkj1y0022zrrQM01NkjaD, zobacz https://support.forpsi.com/kb/a4071"
verdict "Forpsi policy violation quoted without its code" rate yes "5.1.0 piWs1j0010jifNx01iWsdh policy violation"
verdict "a policy violation of one message" content no "5.0.350 Requested action not taken: policy violation detected (AS345)"
verdict "Exchange content filter quarantine (5.2.1)" content no "550 5.2.1 Content Filter agent quarantined this message"
verdict "a disabled mailbox (5.2.1)" user-unknown no "550 5.2.1 The email account that you tried to reach is disabled."
verdict "Exchange RFC 2606 recipient" user-unknown no "550 5.1.5 Recipient address reserved by RFC 2606"
verdict "Exchange Online tenant without a mail subscription" other no \
	"451 4.4.4 Mail received as unauthenticated, incoming to a recipient domain configured in a hosted tenant which has no mail-enabled subscriptions. ATTR5"
verdict "Mail.ru defers the IP, abuse desk" reputation yes "421 Try again later (192.0.2.58). Please contact abuse@corp.mail.ru."
verdict "try again later alone" other no "421 Try again later"
verdict "Rambler spam message" content no "554 5.7.1 Spam message rejected; If this is not spam contact abuse at rambler-co.ru"
verdict "Orange OFR_999 service refused (blocked)" blocklist yes \
	"421 mwinf5c77 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR_999 [999]"
verdict "Orange OFR_103 service refused (blocked)" blocklist yes \
	"550 mwinf5c10 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR006_103 192.0.2.1 [103]"
verdict "Orange OFR_104 service refused (connections)" rate yes \
	"550 5.7.1 Service refuse. Veuillez essayer plus tard. service refused, please try later. OFR004_104 [104]"
verdict "Orange OFR_505 service refused (system error)" other no \
	"421 4.2.0 Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR005_505 [505]"
verdict "AOL RTR:RD reverse DNS typical of dynamic IPs" ptr no "554- (RTR:RD) http://postmaster.info.aol.com/errors/554rtrrd.html"
verdict "AOL RTR:BB dynamic or residential IP" blocklist yes "554- (RTR:BB) http://postmaster.info.aol.com/errors/554rtrbb.html"
verdict "Aruba policy violation (sending limits)" rate yes "421 4.7.0 iemL1p01Z0hMcT901emQ77 policy violation"
verdict "Free spam detected (one message)" content no \
	"550 5.7.1 Spam Detected - Mail Rejected.  Please see our policy at: http://postmaster.free.fr/#spam_detected"
verdict "MailChannels outbound [SS] spam signature" content no \
	"550 5.7.1 [SS] Blocked. See https://console.mailchannels.net/insights/bounce?auid=hostingserviceptyltd&sender=thanasi%40logiqit.com.au&txid=210357ad38883888"
verdict "MailChannels outbound [FBL] complaints" reputation yes \
	"550 5.7.1 [FBL] Blocked. See See https://console.mailchannels.net/insights/bounce?auid=a2hosting&sender=concierge%40letterdash.co&txid=61543583074c45d8"
verdict "MailChannels [BR] invalid recipients from the account" reputation yes \
	"550 5.7.1 [BR] Our system has detected an excessively high number of invalid recipients originating from your account."
verdict "MailChannels [UNS] recipient unsubscribed" other no "550 5.7.1 [UNS] Recipient has unsubscribed from your list."
verdict "MailChannels [BFD] SPF" auth no "550 5.7.1 [BFD] Sender prohibited by SPF"
verdict "Sophos outbound mail flood (rate limit)" rate yes "554 5.7.28 Mail flood detected;"
verdict "QQ Mail rejected after a session id" other no "550 2efb645ddd8af6f-15f8b Mail rejected"
verdict "T-Online refusal quoted by a relay (450 [EAB] 554 IP=): no reason named" other yes \
	"450 4.7.1 [EAB] 554 IP=192.0.2.7 - A problem occurred. (Ask your postmaster for help or to contact tosa@rx.t-online.de to clarify.)"
verdict "T-Online (BL)" blocklist yes \
	"554 IP=192.0.2.7 - A problem occurred. (Ask your postmaster for help or to contact tosa@rx.t-online.de to clarify.) (BL)"
verdict "Forpsi platform: the recipient's own sender blacklist" other no "550 5.1.1 <user@example.com> sender is blacklisted"
verdict "Forpsi platform: blocked by SPF" auth no "550 5.1.0 0bcW1i00G0jifNx01bcmHa blocked by SPF"
verdict "Rackspace G1F: no PTR record" ptr no "450 4.7.1 Client host 192.0.2.8 has no PTR record (G1F)"
owner "Rackspace G1F is not Gmail's reply" rackspace "450 4.7.1 Client host 192.0.2.8 has no PTR record (G1F)"
owner "Cisco's poor-reputation default in lower case" cisco \
	"554-vgas1864.vgregion.se 554 your access to this mail system has been rejected due to the sending MTA poor reputation. If you believe that this failure is in error please contact the intended recipient via alternate means."
owner "Comcast's IP-led throttling" comcast "421 4.1.0 192.0.2.61 Throttled - try again later"
verdict "UOL filter code at RCPT (not the recipient)" other no \
	"450 4.7.1 <marcelo-moreno@uol.com.br>: Recipient address rejected: UOL-SH_D-H[5a042ab54f7862edaa06546ab12b4e4edbac0b5c75e9346379e7b00f5071e068407ee59939427de2224663d7b607567df4361e7ce59b315971e12b4663c8ac0d4575ed2f4f3febab0f6c11b4771521bcf2030479ee224075bba503507bba201225bdf204062fe97f1223ee][33]"
verdict "Locaweb [CS] message refused" content no \
	"550 5.7.1 [CS] Sua mensagem foi rejeitada. Para realizar o envio clique no link http://fp.email.locaweb.com.br/?str=zhten5ddyjwhs9hc"
owner "Mailgun: domain not allowed to send until the account is activated" mailgun \
	"421 Domain sandbox123.mailgun.org is not allowed to send: Please activate your Mailgun account. Check your inbox or log in to your control panel to resend the activation email."
verdict "Mailgun: domain not allowed to send (account setup, not a block)" other no \
	"421 Domain sandbox123.mailgun.org is not allowed to send: Please activate your Mailgun account. Check your inbox or log in to your control panel to resend the activation email."
owner "Orange OUK_513 (its OU codes)" orange "554 5.7.1 Mail rejete. Mail rejected. OUK_513"
verdict "Orange OUK_513 message refused" content no "554 5.7.1 Mail rejete. Mail rejected. OUK_513"
verdict "Korean CCRT: the spam centre blocks the IP (reads as busy)" reputation yes "421 4.4.5 CCRT 192.0.2.5: Connection refused. Server is busy(RT)"
verdict "Korean CHIC: the receiver busy" other no "421 4.4.1 CHIC 192.0.2.5: Network is busy."
verdict "Chinese server: remote ip check error (IP not the MAIL FROM domain's)" auth no "556 remote ip check error."
verdict "Unwelcome connection rejected (3): connection-attack protection" rate yes "554 Unwelcome connection rejected (3)"
verdict "Unwelcome connection rejected (4): outgoing-spam filter by IP" reputation yes "554 Unwelcome connection rejected (4)"
verdict "MailEnable denies the IP at the greeting (530, not SMTP AUTH)" blocklist yes \
	"530 mail.o2spa.org ESMTP MailEnable Service, Version: 8.60-- denied access at 09/01/15 06:32:55"
verdict "T-Online (TEM): the IP refused, no reason named" other yes \
	"554 IP=192.0.2.4 - A problem occurred. Ask your postmaster for help or to contact tosa@rx.t-online.de to clarify. (TEM)"
verdict "T-Online (RL): the IP refused, no reason named" other yes \
	"554 IP=203.0.113.60 - A problem occurred. (Ask your postmaster for help or to contact tosa@rx.t-online.de to clarify.) (RL)"
verdict "Alibaba behaviour stage naming SPF" auth no \
	"554 Reject by behaviour spam at Rcpt State(Connection IP address:192.0.2.80)ANTISPAM_BAT[0120131 1R156a, maildocker-behaviorspam033018096094]: spf check failedCONTINUE"
verdict "Alibaba behaviour stage: spam" reputation yes \
	"554 Reject by behaviour spam at Rcpt State(Connection IP address:192.0.2.80)ANTISPAM_BAT[01201311R156a, maildocker-behaviorspam033018096094]: spam"
verdict "Rackspace G8 quoted without its reply code" user-unknown no "5.1.1 <EMAIL>: Email address could not be found, or was misspelled (G8)"
verdict "Tiscali: the sending account frozen (not an AUTH failure)" reputation yes "535 5.7.0 sender is frozen"
verdict "T-Online (BL) with a placeholder IP" blocklist yes \
	"554 IP=IP_ADDRESS - A problem occurred. (Ask your postmaster for help or to contact [email protected] to clarify.) (BL)"
verdict "EarthLink ELNK _111 (Spamhaus)" blocklist yes \
	"550 5.7.1 Sender blocked error - ELNK0001_111 - https://postmaster-earthlink.vadesecure.com/inbound_error_codes"
verdict "EarthLink ELNK _105 (reverse DNS)" ptr no \
	"550 5.7.1 Connection refused - ELNK0001_105 - https://postmaster-earthlink.vadesecure.com/inbound_error_codes"
verdict "EarthLink ELNK _103 (server unavailable)" other no \
	"421 4.2.1 Connection deferred - ELNK0001_103 - https://postmaster-earthlink.vadesecure.com/inbound_error_codes"
verdict "QQ sender frequency limited" rate yes \
	"550 Sender frequency limited. http://service.exmail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000723"
verdict "QQ mail content denied" content no \
	"550 Mail content denied. http://service.exmail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000726"
verdict "Yandex blocked by spam statistics vs its spam verdict" content no \
	"554 5.7.1 [2] Message rejected under suspicion of SPAM; https://ya.cc/1IrBc"
verdict "Orange OFR_416 invalid recipient" user-unknown no "550 5.1.1 Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416]"
verdict "Trend Micro RBL+ via rbl-plus.mail-abuse.org" blocklist yes \
	"550 Mail from 192.0.2.7 refused by rbl-plus.mail-abuse.org. Please refer to http://mail-abuse.com/rbl for an explanation"
verdict "Trend Micro Email Security: the customer's own sender block" other no \
	"554 5.7.1 <example@example.com>: Recipient address rejected: BLOCK-SEND-ER."
verdict "Cisco SPF default reject" auth no "550 #5.7.1 SPF unauthorized mail is prohibited."
verdict "hMailServer default Spamhaus reject" blocklist yes "550 Rejected by Spamhaus."
verdict "hMailServer default SpamCop reject" blocklist yes "550 Rejected by SpamCop."
verdict "hMailServer SURBL: a link in the message" content no "554 Rejected by SURBL."
verdict "hMailServer SPF test" auth no "550 Blocked by SPF."
verdict "hMailServer DKIM test" auth no "554 Rejected by DKIM."
verdict "hMailServer PTR test" ptr no "550 No valid rDNS/PTR record found."
verdict "hMailServer HELO test" ptr no "550 The host name specified in HELO does not match IP address."
verdict "hMailServer sender domain without MX" other no "550 Sender domain does not have any MX records."
verdict "hMailServer SpamAssassin verdict" content no "554 Tagged as Spam by SpamAssassin"
verdict "hMailServer relaying not allowed" relay-denied no "550 Delivery is not allowed to this address."
verdict "hMailServer AUTH required" other no "530 SMTP authentication is required."
verdict "hMailServer failed logons" other no "535 Authentication failed. Too many invalid logon attempts."
verdict "hMailServer unknown user" user-unknown no "550 Unknown user"
verdict "hMailServer too many recipients" rate no "550 Too many recipients."
verdict "hMailServer message size" size no "552 Message size exceeds fixed maximum message size. Size: 30720 KB, Max size: 20480 KB"
verdict "ASSP service denied (the IP blocked)" blocklist yes "554 5.7.2 Service denied, closing transmission channel (m1-41822-07)"
verdict "ASSP service denied with its name" blocklist yes "554 <mx.example.org> Service denied, closing transmission channel"
verdict "ASSP harvester IP (AUTH errors)" reputation yes \
	"554 <mx.example.org> Service denied for IP 192.0.2.7 (harvester), closing transmission channel"
verdict "ASSP relay port refused" relay-denied no "554 <mx.example.org> Relay Service denied for IP 192.0.2.7, closing transmission channel"
verdict "ASSP shutting down" other no "421 <mx.example.org> Service not available, closing transmission channel"
verdict "ASSP unsolicited mail" content no \
	"554 5.7.1 Mail (m1-41822-07) appears to be unsolicited - resend with the code 4f2a appended to subject and ask to have your email whitelisted."
verdict "ASSP infected mail" content no "554 5.7.1 Mail appears infected with Eicar-Test-Signature -- disinfect and resend."
verdict "ASSP attachments not allowed" content no "500 These attachments are not allowed -- Please compress (zip,tar..) them before mailing."
verdict "Proxmox Mail Gateway greylisting" greylist no \
	"450 4.7.1 <bob@example.com>: Recipient address rejected: Service is unavailable (try later)"
verdict "Proxmox Mail Gateway block action" content no "554 5.7.1 Rejected for policy reasons (4B1D2C3A5E6F7A8B9C0)"
verdict "Proxmox Mail Gateway undelivered mail" other no "451 4.4.0 detected undelivered mail to <bob@example.com>"
verdict "ZeptoMail STARTTLS first" other no "530 Must issue a STARTTLS command first."
verdict "ZeptoMail token refused" other no "535 Authentication Failed."
verdict "ZeptoMail From domain not verified" other no "553 Relaying disallowed as sender@example.com"
verdict "ZeptoMail virus" content no "552 5.7.1 virus Win.Test.EICAR_HDB-1 detected by Zoho Mail"
verdict "ZeptoMail Subject missing (not a recipient)" content no "5.2.1 Subject is Mandatory."
verdict "ZeptoMail size policy" size no "5.2.0 Email size exceeded the policy."
verdict "Unwelcome connection rejected (1): outside the allowed range" other no "554 Unwelcome connection rejected (1)"
verdict "iRedAPD Blacklisted: the organisation's own list, not a public one" other no \
	"554 5.7.1 <bob@example.com>: Recipient address rejected: Blacklisted"
verdict "iRedAPD blacklisted PTR name" ptr no \
	"554 5.7.1 <bob@example.com>: Recipient address rejected: Blacklisted reverse DNS name of server IP address"
verdict "iRedAPD throttling (not a full mailbox)" rate no "554 5.7.1 <bob@example.com>: Recipient address rejected: Throttling quota exceeded"
verdict "iRedAPD recipients per message" rate no \
	"554 5.7.1 <bob@example.com>: Recipient address rejected: Too many recipients in single message"
verdict "iRedAPD message size (not the recipient)" size no \
	"554 5.7.1 <bob@example.com>: Recipient address rejected: Message size exceed (maybe caused by big attachment file)"
verdict "iRedAPD mailing list not authorized" other no "554 5.7.1 <bob@example.com>: Recipient address rejected: Not authorized"
verdict "iRedAPD sender score reputation" reputation yes \
	"554 5.7.1 <bob@example.com>: Recipient address rejected: Server IP address has bad reputation. FYI: https://www.senderscore.org/lookup.php?lookup=192.0.2.9"
verdict "iRedAPD greylisting" greylist no \
	"451 4.7.1 <bob@example.com>: Recipient address rejected: Intentional policy rejection, please try again later"
verdict "iRedAPD null sender" other no "554 5.7.1 <bob@example.com>: Recipient address rejected: Policy rejection due to null sender"
verdict "iRedAPD forged local sender" other no \
	"554 5.7.1 <alice@example.org>: Sender address rejected: SMTP AUTH is required for users under this sender domain"
verdict "Stalwart session transfer quota (not Gmail's mail flood)" rate no "452 4.7.28 mx.example.org Session exceeded transfer quota."
verdict "Stalwart DMARC reject" auth no "550 5.7.1 Email rejected per DMARC policy."
verdict "Stalwart DMARC temporary reject" auth no "451 4.7.1 Email temporarily rejected per DMARC policy."
owner "Stalwart's DMARC words name no provider" "" "550 5.7.1 Email rejected per DMARC policy."
owner "Zoho's DMARC words with the domain stay Zoho's" zoho "550 5.7.1 Email rejected per DMARC policy for example.com"
verdict "Stalwart unparsable message" content no "550 5.7.7 Failed to parse message."
verdict "Stalwart spam score" content no "550 5.7.1 Message rejected due to excessive spam score."
verdict "Stalwart greylisting" greylist no "452 4.2.2 Greylisted, please try again in a few moments."
verdict "Stalwart relay not allowed (X.1.2)" relay-denied no "550 5.1.2 Relay not allowed."
verdict "Stalwart mailbox does not exist" user-unknown no "550 5.1.2 Mailbox does not exist."
verdict "Stalwart reverse DNS" ptr no "550 5.7.25 Reverse DNS validation failed."
verdict "Stalwart SPF" auth no "550 5.7.23 SPF validation failed, status: fail."
verdict "Stalwart DKIM" auth no "550 5.7.20 No passing DKIM signatures found."
verdict "Stalwart messages per session" rate no "452 4.4.5 Maximum number of messages per session exceeded."
verdict "Stalwart recipients per message" rate no "455 4.5.3 Too many recipients."
verdict "Stalwart too many errors" other no "451 4.3.0 Too many errors, disconnecting."
verdict "Stalwart session too long" other no "421 4.3.2 mx.example.org Session open for too long."
verdict "Stalwart account not authorized" other no "550 5.7.1 Your account is not authorized to use this service."
verdict "Stalwart loop" other no "450 4.4.6 Too many Received headers. Possible loop detected."
verdict "Haraka dns-list listing" blocklist yes "554 host [192.0.2.44] is listed on zen.spamhaus.org"
verdict "Haraka backscatterer listing" blocklist yes "550 Host mail.example.net [192.0.2.44] is listed by ips.backscatterer.org"
verdict "Haraka connection rate (per host)" rate yes "421 connection rate limit exceeded"
verdict "Haraka recipients per sender" rate yes "450 rcpt rate limit exceeded"
verdict "Haraka null-sender mail per recipient" rate no "450 null recip rate limit"
verdict "Haraka recipient attempts per connection" rate no "450 Too many recipient attempts"
verdict "Haraka no rDNS" ptr no "550 client [192.0.2.44] rejected; no rDNS"
verdict "Haraka no FCrDNS" ptr no "550 Sorry, no FCrDNS match found"
verdict "Haraka dynamic HELO" ptr no "550 HELO is dynamic"
verdict "Haraka big company HELO" ptr no "550 You are not who you say you are"
verdict "Haraka greylisting" greylist no "451 4.7.1 Greylisted. Please come back later."
verdict "Haraka too busy (its own load)" other no "421 Too busy; please try again later"
verdict "Haraka spam signature" content no "550 Mail matches a known spam signature"
verdict "qpsmtpd karma penalty box (the IP's history)" reputation yes "550 You were naughty. You are cannot connect for 0.99 more days."
verdict "qpsmtpd karma of one connection" other no "550 very bad karma: -6"
verdict "qpsmtpd recipients for karma" rate no "450 too many recipients for karma -2 (h: -3)"
verdict "qpsmtpd dnsbl default" blocklist yes "550 Blocked by zen.spamhaus.org"
verdict "policyd-rate-limit default fail action (the sender, not the recipient)" rate yes \
	"450 4.7.1 <bob@example.com>: Recipient address rejected: Rate limit reach, retry later"
verdict "postfix-policyd-spf-python SPF fail" auth no \
	"550 5.7.1 <bob@example.com>: Recipient address rejected: Message rejected due to: SPF fail - not authorized. Please see http://www.openspf.net/Why?s=mfrom;id=alice@example.org;ip=192.0.2.5;r=bob@example.com"
verdict "postgrey greylisting" greylist no \
	"450 4.2.0 <bob@example.com>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.com.html"
verdict "amavis spam verdict" content no "554 5.7.0 Reject, id=12345-01 - spam"
verdict "amavis banned attachment" content no "554 5.7.0 Reject, id=12345-01 - BANNED: P=p003,L=1,M=multipart/mixed | P=p002,L=1/2,M=application/x-msdownload,T=exe,N=setup.exe"
verdict "Maddy DNSBL default" blocklist yes "554 5.7.0 Client identity is listed in the used DNSBL"
verdict "Maddy no PTR" ptr no "550 5.7.25 No PTR record found"
verdict "Maddy rDNS mismatch" ptr no "550 5.7.25 rDNS name does not match source hostname"
verdict "Maddy MAIL FROM domain without MX (not auth)" other no "501 5.7.27 Domain in MAIL FROM does not have any MX records"
verdict "Maddy MAIL FROM domain with null MX" other no "501 5.7.27 Domain in MAIL FROM has null MX record"
verdict "Maddy SPF" auth no "550 5.7.23 SPF authentication failed"
verdict "Maddy local policy (its milter and rspamd checks)" content no "550 5.7.1 Message rejected due to local policy"
verdict "Maddy high load" other no "451 4.4.5 High load, try again later"
verdict "mox daily message limit of the sending account" rate yes \
	"451 4.7.1 max number of messages (1000) over past 24h reached, try increasing per-account setting MaxOutgoingMessagesPerDay"
verdict "mox daily first-time recipients of the sending account" rate yes \
	"451 4.7.1 max number of new/first-time recipients (200) over past 24h reached, try increasing per-account setting MaxFirstTimeRecipientsPerDay"
verdict "mox null-MX sender domain (not auth)" other no "550 5.7.27 mailfrom domain not configured for mail"
verdict "mox DMARC" auth no "550 5.7.26 rejecting per dmarc policy"
verdict "mox opaque refusal" other no "451 4.3.0 error processing"
verdict "MailCleaner DNS list" blocklist yes "550 Blacklisted in zen.spamhaus.org: https://www.spamhaus.org/query/ip/192.0.2.8"
verdict "MailCleaner host blacklist" blocklist yes "550 blacklisted host: 192.0.2.8"
verdict "MailCleaner sender blacklist (an address)" other no "550 blacklisted sender: alice@example.org"
verdict "MailCleaner recipient blacklist (the recipient)" user-unknown no "550 blacklisted recipient: bob@example.com"
verdict "MailCleaner sending account blacklisted for abuse" reputation yes "550 refused user due to massive abuse"
verdict "MailCleaner HELO blocked" ptr no "550 HELO/EHLO blocked"
verdict "MailCleaner reverse DNS" ptr no "550 Reverse DNS lookup failed for 192.0.2.8"
verdict "MailCleaner SPF" auth no "550 192.0.2.8 is not allowed to send mail from example.org (SPF failure)"
verdict "MailCleaner DMARC" auth no "550 Message from example.org failed sender's DMARC policy, rejecting."
verdict "MailCleaner malware" content no "550 This message contains malware (Eicar-Test-Signature)"
verdict "MailCleaner forbidden file type" content no "550 Detected forbidden filetype (Security reasons)."
verdict "MailCleaner unsigned bounce" other no "550 This domain does not accept unsigned bounces."
verdict "OpenSMTPD filter-senderscore block" reputation yes "550 your IP reputation is too low for this MX"
verdict "spamdyke IP blacklist" blocklist yes "554 Refused. Your IP address is blacklisted."
verdict "spamdyke rDNS name blacklist" blocklist yes "554 Refused. Your domain name is blacklisted."
verdict "spamdyke RBL" blocklist yes "554 Refused. Your IP address is listed in the RBL at zen.spamhaus.org"
verdict "spamdyke IP and keyword in rDNS (a PTR reason, not content)" ptr no \
	"554 Refused. Your reverse DNS entry contains your IP address and a banned keyword."
verdict "spamdyke IP and country code in rDNS" ptr no "554 Refused. Your reverse DNS entry contains your IP address and a country code."
verdict "spamdyke no rDNS" ptr no "421 Refused. You have no reverse DNS entry."
verdict "spamdyke sender blacklist (an address)" other no "554 Refused. Your sender address has been blacklisted."
verdict "spamdyke recipient blacklist" user-unknown no "554 Refused. Mail is not being accepted at this address."
verdict "spamdyke relaying" relay-denied no "554 Refused. Sending to remote addresses (relaying) is not allowed."
verdict "spamdyke graylisting" greylist no "451 Your address has been graylisted. Try again later."
verdict "spamdyke recipients per connection" rate no "421 Too many recipients. Try the remaining addresses again later."
verdict "spamdyke sender domain without MX" other no "421 Refused. The domain of your sender address has no mail exchanger (MX)."
verdict "spamdyke reject-all" other no "554 Refused. Mail is not being accepted."
verdict "chkuser no mailbox" user-unknown no "511 sorry, no mailbox here by that name (#5.1.1 - chkuser)"
verdict "chkuser mailbox full" mailbox-full no "522 sorry, recipient mailbox is full (#5.2.2 - chkuser)"
verdict "chkuser recipients per session" rate no "571 sorry, reached maximum number of recipients for one session (#5.7.1 - chkuser)"
verdict "chkuser wrong recipients in the session (not content)" other no "571 sorry, you are violating our security policies (#5.1.1 - chkuser)"
verdict "chkuser sender domain without MX (not the recipient)" other no "511 sorry, can't find a valid MX for sender domain (#5.1.1 - chkuser)"
verdict "chkuser recipient domain without MX" user-unknown no "511 sorry, can't find a valid MX for rcpt domain (#5.1.1 - chkuser)"
verdict "chkuser rcpthosts" relay-denied no "553 sorry, that domain isn't in my list of allowed rcpthosts (#5.5.3 - chkuser)"
verdict "qmail stock badmailfrom (the sender address)" other no "553 sorry, your envelope sender is in my badmailfrom list (#5.7.1)"
owner "qmail's stock badmailfrom is no gateway's" "" "553 sorry, your envelope sender is in my badmailfrom list (#5.7.1)"
owner "Email Security.cloud's badmailfrom with its page" messagelabs \
	"553 sorry, your envelope sender is in my badmailfrom list. Please visit www.symanteccloud.com/troubleshooting for more details about this error message and instructions to resolve this issue. (#5.7.1)"
verdict "qmail qregex sender denied" other no "553 sorry, your envelope sender has been denied (#5.7.1)"
verdict "qmail qregex recipient denied" user-unknown no "553 sorry, your envelope recipient has been denied (#5.7.1)"
verdict "mailfront badmailfrom" other no "553 5.1.0 Sorry, your envelope sender is in my badmailfrom list."
verdict "qmail rcpthosts" relay-denied no "553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)"
verdict "qmail sender domain must exist" other no "553 sorry, your envelope sender domain must exist (#5.7.1)"
# rspamd's ratelimit module names the bucket that overflowed: its
# predefined "to", "to_ip", "to_ip_from", "bounce_to" and "bounce_to_ip"
# are per recipient (with the sender's IP or address), "user" is the
# authenticated sender.
verdict "rspamd ratelimit per recipient (to)" rate no '451 4.7.1 Ratelimit "to" exceeded'
verdict "rspamd ratelimit per recipient and IP (to_ip)" rate no '451 4.7.1 Ratelimit "to_ip" exceeded'
verdict "rspamd ratelimit per recipient, sender and IP (to_ip_from)" rate no '451 4.7.1 Ratelimit "to_ip_from" exceeded'
verdict "rspamd ratelimit bounces per recipient (bounce_to)" rate no '451 4.7.1 Ratelimit "bounce_to" exceeded'
verdict "rspamd ratelimit bounces per recipient and IP (bounce_to_ip)" rate no '451 4.7.1 Ratelimit "bounce_to_ip" exceeded'
verdict "rspamd ratelimit of the authenticated sender (user)" rate yes '451 4.7.1 Ratelimit "user" exceeded'
verdict "rspamd default reject" content no "554 5.7.1 Spam message rejected"
# Sendmail's conncontrol (open connections per client host, ClientConn)
# and ratecontrol features; its dnsbl feature and a list lookup failure.
verdict "Sendmail conncontrol (the client's open connections)" rate yes "452 4.3.2 Too many open connections."
verdict "open connections to the server (its own load)" other no "421 4.3.2 Too many open connections to this server, try again later"
verdict "Sendmail ratecontrol" rate yes "421 4.3.2 Connection rate limit exceeded."
verdict "Sendmail dnsbl feature" blocklist yes "550 5.7.1 Rejected: 192.0.2.1 listed at bl.example.net"
verdict "Sendmail dnsbl lookup failure (not a listing)" other no "451 4.4.3 Temporary lookup failure of 192.0.2.1 at bl.example.net"
# Exim's specification: the ratelimit example (keyed on the client host)
# and the regex example (a message's words, not a list of the sender).
verdict "Exim ratelimit example (the sending host)" rate yes "451 Sender rate exceeds 100 messages per 1h"
verdict "Exim ratelimit example, fractional limit" rate yes "450 Sender rate exceeds 20.5 messages per 1d"
verdict "Exim regex example (the message's words, not a list)" content no "550 contains blacklisted regex (viagra)"
verdict "Exim default configure's DNS list example" blocklist yes "550 rejected because 192.0.2.1 is in a black list at bl.example.net"
# policyd-weight's score rejection sums DNS lists, HELO, reverse DNS and
# dynamic-client checks: a list only when the reply names one (its RHSBL
# hits), HELO when it names the mismatch, else no cause.
verdict "policyd-weight score naming no list" other no \
	"550 5.7.1 <bob@example.com>: Recipient address rejected: Mail appeared to be SPAM or forged. Ask your Mail/DNS-Administrator to correct HELO and DNS MX settings or to get removed from DNSBLs"
verdict "policyd-weight score, cached" other no \
	"550 5.7.1 <bob@example.com>: Recipient address rejected: Mail appeared to be SPAM or forged. Ask your Mail/DNS-Administrator to correct HELO and DNS MX settings or to get removed from DNSBLs [cached]"
verdict "policyd-weight score with the HELO mismatch" ptr no \
	"550 5.7.1 <bob@example.com>: Recipient address rejected: Mail appeared to be SPAM or forged. Ask your Mail/DNS-Administrator to correct HELO and DNS MX settings or to get removed from DNSBLs; MTA helo: localhost, MTA hostname: unknown[192.0.2.1] (helo/hostname mismatch)"
verdict "policyd-weight score naming an RHSBL" blocklist yes \
	"550 5.7.1 <bob@example.com>: Recipient address rejected: Mail appeared to be SPAM or forged. Ask your Mail/DNS-Administrator to correct HELO and DNS MX settings or to get removed from DNSBLs; in dbl.spamhaus.org"
verdict "policyd-weight too many DNSBLs" blocklist yes \
	"550 5.7.1 <bob@example.com>: Recipient address rejected: Your MTA is listed in too many DNSBLs; check http://www.robtex.com/rbl/192.0.2.1.html"
verdict "policyd-weight no DNS for the client (not the recipient)" ptr no \
	"450 4.7.1 <bob@example.com>: Recipient address rejected: No DNS entries for your MTA, HELO and Domain. Contact YOUR administrator"
# Apache James: its DNSRBL handler's default text and its greylisting.
verdict "Apache James DNSRBL" blocklist yes \
	"554 5.7.1 Rejected: unauthenticated e-mail from 192.0.2.1 is restricted.  Contact the postmaster for details."
verdict "a restricted mailbox (not James's DNSRBL)" other no "553 mailbox bob@example.com is restricted"
verdict "Apache James greylisting, reconnected too fast" greylist no "451 4.4.3 Temporary rejected: Reconnect to fast. Please try again later"
verdict "Apache James greylisting" greylist no "451 4.4.3 Temporary rejected: Please try again later"
verdict "Apache James URI list (a domain in the message)" content no \
	"554 5.7.1 Rejected: message contains domain example.com listed by multi.surbl.org"
# PolicyD v2 (cbpolicyd, Zimbra's policy daemon) answers through Postfix's
# "Recipient address rejected:"; its quotas are keyed on the sender or
# the recipient as configured (not a block), its greylisting
# auto-blacklists an IP that keeps failing it (a block).
verdict "PolicyD greylisting" greylist no \
	"451 4.7.1 <bob@example.com>: Recipient address rejected: Greylisting in effect, please come back later"
verdict "PolicyD greylisting auto-blacklist (the IP)" blocklist yes \
	"554 5.7.1 <bob@example.com>: Recipient address rejected: Greylisting in effect, sending server blacklisted"
verdict "PolicyD HELO not a FQDN (not the recipient)" ptr no \
	"554 5.7.1 <bob@example.com>: Recipient address rejected: Invalid HELO/EHLO; Must be a FQDN or an address literal, not 'localhost'"
verdict "PolicyD HELO randomisation limit" ptr no \
	"554 5.7.1 <bob@example.com>: Recipient address rejected: Invalid HELO/EHLO; HRP limit exceeded"
verdict "PolicyD message count quota (sender or recipient)" rate no \
	"554 5.7.1 <bob@example.com>: Recipient address rejected: Policy rejection; Message count quota exceeded"
verdict "PolicyD cumulative size quota" rate no \
	"554 5.7.1 <bob@example.com>: Recipient address rejected: Policy rejection; Cumulative message size quota exceeded"
verdict "PolicyD SPF" auth no \
	"554 5.7.1 <bob@example.com>: Recipient address rejected: Failed SPF check; Please see http://www.openspf.org/Why?s=mfrom;id=alice@example.org;ip=192.0.2.1;r=bob@example.com"
# Modoboa's policy daemon: the sending account's or domain's daily limit.
verdict "Modoboa daily sending limit (the sender's own server)" rate yes \
	"450 4.7.1 <bob@example.com>: Recipient address rejected: Daily limit reached, retry later"
# postfwd's documented rate, rcpt and size limits, keyed on the client.
verdict "postfwd documented request rate of the client" rate yes \
	"450 4.7.1 <bob@example.com>: Recipient address rejected: sorry, max 3 requests per 5 minutes"
verdict "postfwd documented recipients per hour of the client" rate yes \
	"450 4.7.1 <bob@example.com>: Recipient address rejected: sorry, max 3 recipients per hour"
verdict "postfwd documented volume per hour of the client" rate yes \
	"450 4.7.1 <bob@example.com>: Recipient address rejected: sorry, max 1.5mb per hour"
# HestiaCP's Exim template: its hosting accounts' sending limits (the
# sender's own server limiting the sender), beside its HELO and content
# refusals.
verdict "HestiaCP website sending limit" rate yes "550 Website of user alice is sending too many emails - rate overlimit = 201.3 / 1h"
verdict "HestiaCP mail account sending limit" rate yes \
	"550 Email account alice@example.org is sending too many emails - rate overlimit = 201.3 / 1h"
verdict "HestiaCP invalid HELO" ptr no "550 Access denied - Invalid HELO name (See RFC2821 4.1.3)"
verdict "HestiaCP SpamAssassin verdict" content no "550 SpamAssassin detected spam (from alice@example.org to bob@example.com)."
# SQLgrey: greylisting, and its throttle of unknown sources still being
# greylisted (greylisting, not the sender's rate).
verdict "SQLgrey greylisting" greylist no "450 4.7.1 <bob@example.com>: Recipient address rejected: Greylisted for 5 minutes"
verdict "SQLgrey throttle of a new source" greylist no \
	"450 4.7.1 <bob@example.com>: Recipient address rejected: Throttling too many connections from new source - Try again later."
verdict "SQLgrey throttle quoted without Postfix's words" greylist no \
	"450 4.7.1 Throttling too many connections from new source - Try again later."
# Postfix's sender address verification (reject_unverified_sender)
# quotes the probe's answer: a user unknown there is the sender's own
# address, not the recipient.
verdict "Postfix sender verification, probe's user unknown (the sender's address)" other no \
	"550 5.1.7 <alice@example.org>: Sender address rejected: undeliverable address: host mx.example.org[192.0.2.9] said: 550 5.1.1 <alice@example.org>: Recipient address rejected: User unknown in local recipient table (in reply to RCPT TO command)"
verdict "Postfix sender verification, temporary" other no \
	"450 4.1.7 <alice@example.org>: Sender address rejected: undeliverable address: host mx.example.org[192.0.2.9] said: 550 5.1.1 User unknown"
verdict "Postfix recipient verification (the recipient)" user-unknown no \
	"550 5.1.1 <bob@example.com>: Recipient address rejected: undeliverable address: host mx.example.com[192.0.2.9] said: 550 5.1.1 <bob@example.com>: User unknown"
# Plesk's outgoing mail control: a subscription's, domain's or mailbox's
# hourly limit on its own server (the sender's own server: a block).
verdict "Plesk outgoing mail limit" rate yes \
	"550 5.7.0 Your message could not be sent. The limit on the number of allowed outgoing messages was exceeded. Try again later."
# Debian's exim4-config: its local sender blacklist is the server's own
# entry for an envelope sender address (not a list of the sending host);
# its local host blacklist is the server's own list of the sending IP.
verdict "Debian exim4 local sender blacklist (an address)" other no \
	"550 sender envelope address alice@example.org is locally blacklisted here. If you think this is wrong, get in touch with postmaster"
verdict "Debian exim4 local host blacklist (the IP)" blocklist yes \
	"550 sender IP address 192.0.2.1 is locally blacklisted here. If you think this is wrong, get in touch with postmaster"
# OpenBSD spamd: its reply for a blacklisted IP when the list gives no
# message, and the messages of the lists its spamd.conf ships (a trap
# list of IPs, address ranges by country): the sending IP on a list.
verdict "OpenBSD spamd blacklisted IP, generic reply" blocklist yes \
	"450-Sorry 192.0.2.1 450-You are trying to send mail from an address listed by one 450 or more IP-based registries as being a SPAM source."
verdict "OpenBSD spamd uatraps list" blocklist yes \
	"450-Your address 192.0.2.1 has sent mail to a ualberta.ca spamtrap 450 within the last 24 hours"
verdict "OpenBSD spamd country list" blocklist yes \
	"450-SPAM. Your address 192.0.2.1 appears to be from China 450 See http://www.okean.com/asianspamblocks.html for more details"
verdict "OpenBSD spamd nixspam list" blocklist yes \
	"450-Your address 192.0.2.1 is in the nixspam list 450 See http://www.heise.de/ix/nixspam/dnsbl_en/ for details"
verdict "spam from an address (a message verdict, not spamd)" content no "554 5.7.1 Spam message rejected from this address"
# amavisd-new's reply when its own processing fails (a virus scanner
# down, a decoder failing): the filter's trouble, not a verdict on the
# message, beside its virus verdict.
verdict "amavis processing error: virus scanners failed (not a verdict)" other no \
	"451 4.5.0 Error in processing, id=16908-01, virus_scan FAILED: virus_scan: ALL VIRUS SCANNERS FAILED"
verdict "amavis processing error: decoder failed" other no \
	"451 4.5.0 Error in processing, id=03231-02, parts_decode_ext FAILED: file(1) utility (/usr/bin/file) failed, exit 8"
verdict "amavis virus verdict" content no "554 5.7.0 Reject, id=16908-01 - INFECTED: Eicar-Test-Signature"

# NetEase's own table (help.163.com): MI:SPB, the sending user not among
# those allowed, is its list as WM:BLU is; MI:IMF is the sender's syntax;
# its fixed "550 Invalid User" and "... exceeded mailsize limit" words.
verdict "netease MI:SPB sending user refused" blocklist yes "554 MI:SPB 163 smtp9,DcCowAD3HxEsX3dm1KyDAA--.1S2 1719099437"
verdict "netease MI:SPB-like token" other no "554 MI:SPBX"
verdict "netease MI:IMF sender syntax" other no "550 MI:IMF 163 mx1"
verdict "netease invalid user" user-unknown no "550 Invalid User"
verdict "invalid user name or password" other no "550 Invalid User name or password"
verdict "netease exceeded mailsize limit" size no "552 Requested mail action aborted: exceeded mailsize limit"
# Sohu's policy/10 page, its SPF check of the sender's domain; the other
# policy pages are not read as SPF.
verdict "sohu policy 10 spf" auth no "553 5.7.1 Sender ERROR C:a@example.com: http://mail.sohu.com/info/policy/10"
verdict "sohu policy 101 not spf" content no "553 5.7.1 Sender ERROR:a@example.com: http://mail.sohu.com/info/policy/101"


# Orange's OFR_108, given to every sender during an incident of its own
# platform: not the sender's standing, unlike the same words under OFR_105.
verdict "orange OFR_108 incident" other no "421 Service refused, please try later. OFR_108 [108]"
verdict "orange OFR_108 incident, bilingual" other no \
	"421 mwinf5c20 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR_108 [108]"
verdict "orange OFR004_105 still refused" reputation yes \
	"421 mwinf5c20 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR004_105 [105]"
# GMX's multi-line refusal of a recipient opens with "mailbox unavailable";
# the line after it decides (an SPF refusal is not an unknown user).
verdict "gmx mailbox-unavailable head then SPF" auth no \
	"550-Requested action not taken: mailbox unavailable 550 Reject due to SPF policy. The originating IP of the message is not permitted by the domain owner"
verdict "gmx mailbox unavailable alone" user-unknown no "550 <someone@gmx.de>: Requested action not taken: mailbox unavailable"


# T-Online: its (BL) tag names its list also when a relay quotes the refusal
# after its own deferral and tag; a (DIAL) refusal naming the tosa desk is
# still the dial-up list, not a refusal without a reason.
verdict "t-online BL quoted after a relay's tag" blocklist yes \
	"450 4.7.1 [EAB] 554 IP=192.0.2.9 - A problem occurred. (Ask your postmaster for help or to contact tosa@rx.t-online.de to clarify.) (BL)"
verdict "t-online untagged refusal quoted after a relay's tag" other yes \
	"450 4.7.1 [EAB] 554 IP=192.0.2.9 - A problem occurred. (Ask your postmaster for help or to contact tosa@rx.t-online.de to clarify.)"
verdict "t-online DIAL naming the tosa desk" blocklist yes \
	"554 IP=192.0.2.1 - Dialup/transient IP not allowed. Ask your postmaster for help or to contact tosa@rx.t-online.de to clarify. (DIAL)"


# Alibaba Mail's two anti-spam stages: behaviour (the sender) and content
# (one message).
verdict "alibaba content stage spam" content no "554 5.7.1 Reject by content spam at DATA State"
verdict "alibaba behaviour stage spam" reputation yes "554 Reject by behaviour spam"


# A bare "rate limit exceeded" is the tie-break's rate, no, whatever the
# spacing (Rambler's two spaces after its enhanced code); STRATO's list of
# full-mailbox wordings.
verdict "bare rate limit, two spaces after the code" rate no "452 4.5.3  Rate limit exceeded, try again later."
verdict "rate limit naming the sending IP" rate yes "421 4.7.0 rate limit exceeded for 192.0.2.1, slow down"
verdict "user has exhausted allowed storage space" mailbox-full no "552 User has exhausted allowed storage space"


# Orange's codes in lower case ("ofr_506 [506]", as its servers also write
# them) keep their meaning; a token that only ends in OFR_ is not one.
verdict "orange ofr_999 in lower case" blocklist yes "421 mwinf5c77 ME Service refuse. Veuillez essayer plus tard. ofr_999 [999]"
verdict "orange ofr_417 in lower case" mailbox-full no "552 5.1.1 Boite du destinataire pleine. Recipient overquota. ofr_417 [417]"
verdict "not an orange code: XOFR_999" other no "550 Something XOFR_999 here"


# The tables' own wordings name their provider without a relay host.
owner "provider: alibaba content stage spam" alibaba "554 Reject by content spam"
owner "provider: netease MI:IMF sender syntax" netease "550 MI:IMF"


# NetEase's and QQ Mail's replies quoted by a relay after its own code keep
# their meaning (the tag or QQ's own words after the quoted code decide).
verdict "netease HL:ICC quoted by a relay" rate yes \
	"451 4.4.0 Remote server returned: 421 HL:ICC 163 mx17,QsCowEBJN2gjW0ZjbxgBAA--.0S2 1665555235"
verdict "netease DT:SPM quoted by a relay" content no \
	"554 5.0.0 host 163mx01.mxmail.netease.com said: 554 DT:SPM 163 mx1,QsCowEBJN2gjW0ZjbxgBAA--.0S2 1665555235"
verdict "netease MI:SPF quoted by a relay" auth no "550 5.7.1 Remote server returned: 550 MI:SPF 163 mx1"
verdict "qq mailbox unavailable quoted by a relay" user-unknown no \
	"451 4.4.0 Remote server returned: 550 Mailbox unavailable or access denied [aGVsbG8= IP: 192.0.2.5]. https://service.mail.qq.com/detail/122/166."
verdict "qq suspected bounce attacks quoted by a relay" reputation yes \
	"451 4.4.0 Remote server returned: 550 Suspected bounce attacks. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000727"
verdict "qq domain frequency limited quoted by a relay" rate yes \
	"451 4.4.0 Remote server returned: 550 Domain frequency limited [aGVsbG8= IP: 192.0.2.5]. https://service.mail.qq.com/detail/122/173."
verdict "a tag-like token in prose is no NetEase code" other no "550 5.7.1 Rejected: see note 554 DTSPM in our logs"

# listed NAME LIST REPLY: the reply's blocklist column is LIST (empty: none).
listed() {
	got=$(printf '%s\n' "$3" | "$BW" --rules "$RULES" rules classify | cut -f6)
	eq "$1" "$2" "$got"
}

# Outlook.com's and Exchange Online's own codes read in every frame a log
# shows them in: without the enhanced status code, and quoted after another
# server's words (a forwarder's "host said:"), the list column still the
# provider's own list and each code's verdict its table's.
listed "Outlook.com S3150 without the enhanced code: its own list" microsoft \
	"550 Unfortunately, messages from [192.0.2.1] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors."
listed "Outlook.com S3140 quoted by a forwarder: its own list" microsoft \
	"550 5.0.0 <mx.relay.example>: host said: 550 5.7.1 Unfortunately, messages from [192.0.2.1] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3140)."
listed "Hotmail SC-001 quoted by a forwarder: its own list" microsoft \
	"550 5.0.0 <mx.relay.example>: host said: 550 SC-001 (BAY004-MC4F49) Unfortunately, messages from 192.0.2.17 weren't sent. Please contact your Internet service provider since part of their network is on our block list."
verdict "Hotmail DY-001 quoted by a forwarder" blocklist yes \
	"550 5.0.0 <mx.relay.example>: host said: 550 DY-001 (SNT004-MC1F43) Unfortunately, messages from 192.0.2.17 weren't sent. Please contact your Internet service provider."
verdict "Hotmail RP-003 quoted by a forwarder" rate yes \
	"451 4.4.0 <mx.relay.example>: host said: 421 RP-003 (COL004-MC1F10) Unfortunately, some messages from 192.0.2.17 weren't sent. Please try again. We have limits for how many connections can be made."
verdict "Exchange Online 4.7.550 quoted by a forwarder" rate yes \
	"451 4.4.0 <mx.relay.example>: host said: 451 4.7.550 Access denied, please try again later"
verdict "Exchange Online 4.7.850 quoted by a forwarder" reputation yes \
	"451 4.4.0 <mx.relay.example>: host said: 451 4.7.850 Access denied, please try again later"
verdict "Exchange Online 5.1.1 quoted by a forwarder" user-unknown no \
	"550 5.0.0 <mx.relay.example>: host said: 550 5.1.1 Bad destination mailbox address"
verdict "Exchange Online 5.7.502 quoted by a forwarder: the account banned" reputation yes \
	"550 5.0.0 <mx.relay.example>: host said: 550 5.7.502 Access denied, banned sender"
verdict "Exchange Online banned recipient without the enhanced code" user-unknown no "550 Access denied, banned recipient"
listed "Exchange Online 5.7.606 quoted by a forwarder: its own list" microsoft \
	"550 5.0.0 <mx.relay.example>: host said: 550 5.7.606 Access denied, banned sending IP [192.0.2.1]. To request removal from this list please visit https://sender.office.com/ and follow the directions."
listed "Exchange Online banned sending IP without the enhanced code: its own list" microsoft \
	"550 Access denied, banned sending IP [192.0.2.1]. To request removal from this list please visit https://sender.office.com/ and follow the directions."
listed "Exchange Online 5.7.511 without the enhanced code: its own list" microsoft \
	"550 Access denied, banned sender[192.0.2.1]. To request removal from this list please forward this message to delist@microsoft.com."
# Near misses: another enhanced code before the same words, a sender
# address where 5.7.511 names the IP, a recipient domain, the block list
# sentence without a code or list.
verdict "4.7.1 access denied, try later (not Exchange Online's 4.7.5xx)" other no "451 4.7.1 Access denied, please try again later"
listed "banned sender address (not Exchange Online's IP list)" "" "550 Access denied, banned sender [bob@example.org]"
verdict "banned recipient domain (not 5.7.505)" other no "550 5.7.1 Access denied, banned recipient domain"
listed "weren't sent without a list named (not Outlook.com's list)" "" \
	"550 5.0.0 <mx.relay.example>: host said: 550 5.7.1 Unfortunately, messages from [192.0.2.1] weren't sent. Please contact your ISP."
# Yahoo's BL2x and AOL's bracketed codes read without the enhanced code and
# quoted after a forwarder's words, as their own rules read them bare.
listed "Yahoo BL21 without the enhanced code: Spamhaus" spamhaus \
	"553 [BL21] Connections will not be accepted from 192.0.2.25, because the ip is in Spamhaus's list; see http://postmaster.yahoo.com/550-bl23.html"
listed "Yahoo BL23 quoted by a forwarder: Spamhaus" spamhaus \
	"550 5.0.0 <mx.relay.example>: host said: 553 5.7.1 [BL23] Connections not accepted from IP addresses on Spamhaus XBL; see http://postmaster.yahoo.com/errors/550-bl23.html [550]"
verdict "AOL RTR:BB quoted by a forwarder" blocklist yes \
	"550 5.0.0 <mx.relay.example>: host said: 554 5.7.1 : (RTR:BB) http://postmaster.info.aol.com/errors/554rtrbb.html"
verdict "AOL RTR:RD quoted by a forwarder (reverse DNS)" ptr no \
	"550 5.0.0 <mx.relay.example>: host said: 554 5.7.1 : (RTR:RD) http://postmaster.info.aol.com/errors/554rtrrd.html"
verdict "AOL RLY:B1 quoted by a forwarder" reputation yes \
	"550 5.0.0 <mx.relay.example>: host said: 554 5.7.1 : (RLY:B1) http://postmaster.info.aol.com/errors/554rlyb1.html"
verdict "AOL DYN:T1 quoted by a forwarder" rate yes \
	"451 4.4.0 <mx.relay.example>: host said: 421 4.7.1 : (DYN:T1) http://postmaster.info.aol.com/errors/421dynt1.html"
verdict "AOL HVU:B1 quoted by a forwarder (a domain in the message)" content no \
	"550 5.0.0 <mx.relay.example>: host said: 554 5.7.1 : (HVU:B1) http://postmaster.info.aol.com/errors/554hvub1.html"
verdict "AOL RLY:SN quoted by a forwarder (the sender's address)" auth no \
	"550 5.0.0 <mx.relay.example>: host said: 554 5.7.1 : (RLY:SN) http://postmaster.info.aol.com/errors/554rlysn.html"
verdict "AOL DNS:NR quoted by a forwarder" ptr no \
	"451 4.4.0 <mx.relay.example>: host said: 421 4.7.1 : (DNS:NR) http://postmaster.info.aol.com/errors/421dnsnr.html"
listed "connections not accepted for the sender domain (not Yahoo's BL2x)" "" \
	"550 5.7.1 Connections not accepted from servers without a valid sender domain"
# Gmail's table in the frames a log shows it in: without the enhanced code
# (some relays drop it) and quoted after a forwarder's words.
verdict "Gmail low reputation of the sending IP without the enhanced code" reputation yes \
	"550 [192.0.2.1 12] Our system has detected that this message is likely suspicious due to the very low reputation of the sending IP address. To best protect our users from spam, the message has been blocked. https://support.google.com/mail/?p=UnsolicitedMessageError a1si2 - gsmtp"
verdict "Gmail low reputation of the sending domain quoted by a forwarder" reputation yes \
	"451 4.4.0 <mx.relay.example>: host said: 421 4.7.0 [192.0.2.1 15] This message is suspicious due to the very low reputation of the sending domain. To best protect our users from spam, the message has been blocked. https://support.google.com/mail/?p=UnsolicitedMessageError a1si2 - gsmtp"
verdict "Gmail try again later, closing connection without the enhanced code" rate yes \
	"421 Try again later, closing connection. (EHLO) a1si2 - gsmtp"
verdict "Gmail attachments over its limit without the enhanced code" size no \
	"552 The number of attachments (600) exceeds Google's limit of 500 attachments. a1si2 - gsmtp"
verdict "Gmail 5.1.3 recipient syntax quoted by a forwarder" user-unknown no \
	"550 5.0.0 <mx.relay.example>: host said: 553 5.1.3 The recipient address <bob@example> is not a valid RFC-5321 address. a1si2 - gsmtp"
verdict "Gmail 5.6.0 malformed message without the enhanced code" content no "554 Mail message is malformed. Not accepted. a1si2 - gsmtp"
verdict "Gmail HELO argument quoted by a forwarder" ptr no \
	"550 5.0.0 <mx.relay.example>: host said: 501 5.5.4 Empty HELO/EHLO argument not allowed, closing connection. a1si2 - gsmtp"
# Near misses: the server closing for its own shutdown, the sender's address
# (5.1.7's words), a limit that is not Google's.
verdict "try again later, closing connection: the server shutting down (not Gmail's)" other no \
	"421 Try again later, closing connection: server shutting down"
verdict "sender address not a valid RFC 5321 address (not the recipient)" other no \
	"553 The sender address <bob@example> is not a valid RFC-5321 address."
# iCloud's codes without the enhanced code and quoted after a forwarder's
# words: CSxx the sender refused (a block), HMxx one message.
verdict "iCloud CS01 without the enhanced code" reputation yes \
	"550 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137"
verdict "iCloud CS02 quoted by a forwarder" reputation yes \
	"550 5.0.0 <mx.relay.example>: host said: 550 5.7.1 [CS02] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137"
verdict "iCloud HM08 quoted by a forwarder (one message)" content no \
	"550 5.0.0 <mx.relay.example>: host said: 554 5.7.1 [HM08] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137"
verdict "iCloud inactive address quoted by a forwarder" user-unknown no \
	"550 5.0.0 <mx.relay.example>: host said: 550 5.1.1 <bob@icloud.com>: inactive email address"
verdict "iCloud unknown alias without the enhanced code" user-unknown no "550 unknown or illegal alias: bob@icloud.com"
verdict "message rejected due to local policy without iCloud's code (not CSxx)" content no \
	"550 5.7.1 Message rejected due to local policy [ABC1]"
# Comcast's BL codes name the list whatever words come before them
# ("found on one or more DNSBLs, see ...#BL0000nn"): BL000000 its own,
# BL000001 Spamhaus ZEN, BL000010 Cloudmark CSI, the older BL006 / BL007
# Spamhaus and Cloudmark; several lists at once name none.
listed "Comcast BL000000 after the DNSBL words: its own list" comcast \
	"554 resimta-h1p-037598.sys.comcast.net resimta-h1p-037598.sys.comcast.net 192.0.2.1 found on one or more DNSBLs, see http://postmaster.comcast.net/smtp-error-codes.php#BL000000"
listed "Comcast BL000001 after the DNSBL words: Spamhaus" spamhaus \
	"554 resimta-h1p-037598.sys.comcast.net resimta-h1p-037598.sys.comcast.net 192.0.2.1 found on one or more DNSBLs, see http://postmaster.comcast.net/smtp-error-codes.php#BL000001"
listed "Comcast BL000010 after the DNSBL words: Cloudmark" cloudmark \
	"452 resimta-po-24v.sys.comcast.net comcast 192.0.2.41 found on one or more DNSBLs, see http://postmaster.comcast.net/smtp-error-codes.php#BL000010"
listed "Comcast legacy BL006: Spamhaus" spamhaus \
	"550 Mail from 203.0.113.57 refused by Comcast, code BL006 - see http://www.comcast.net/help/faq/index.jsp?faq=SecurityMail_Policy18850"
listed "Comcast legacy BL007: Cloudmark" cloudmark \
	"550 Mail from 203.0.113.57 refused by Comcast, code BL007 - see http://www.comcast.net/help/faq/index.jsp?faq=SecurityMail_Policy19051"
listed "Comcast BL000011, two lists at once: no one list" "" \
	"554 resimta-h1p-037598.sys.comcast.net resimta-h1p-037598.sys.comcast.net 192.0.2.1 found on one or more DNSBLs, see http://postmaster.comcast.net/smtp-error-codes.php#BL000011"
verdict "Comcast unknown address quoted by a forwarder" user-unknown no \
	"550 5.0.0 <mx.relay.example>: host said: 550 5.1.1 sid=i01K1n00l0kn1Em01 Address rejected someone@comcast.net. [code=28]"
# Cox's IPBL table: IPBL0100 is Invaluement's ivmSIP alone; two lists at
# once name none; its per-session message threshold quoted by a forwarder.
listed "Cox IPBL0100: Invaluement" invaluement "554 cox.net cmsmtp 192.0.2.93 rejected. IPBL0100"
listed "Cox IPBL0110, Return Path and Invaluement: no one list" "" "554 cox.net cmsmtp 192.0.2.93 rejected. IPBL0110"
verdict "Cox message threshold quoted by a forwarder" rate yes \
	"451 4.4.0 <mx.relay.example>: host said: 452 [Message threshold exceeded]"
# AT&T's table quoted by a forwarder; EarthLink's ELNK_111 names Spamhaus
# (_101 / _102, Vade's and Validity's lists, name none).
verdict "AT&T unauthorized interface quoted by a forwarder" blocklist yes \
	"550 5.0.0 <mx.relay.example>: host said: 550 unauthorized interface for <192.0.2.72>"
verdict "AT&T DNS look-up failure quoted by a forwarder" ptr no \
	"451 4.4.0 <mx.relay.example>: host said: 421 failure in DNS look-up."
verdict "AT&T busy quoted by a forwarder (not a limit on the sender)" rate no \
	"451 4.4.0 <mx.relay.example>: host said: 450 busy--Please try again later"
listed "EarthLink ELNK_111: Spamhaus" spamhaus \
	"550 5.7.1 Sender blocked error - ELNK0001_111 - https://postmaster-earthlink.vadesecure.com/inbound_error_codes"
listed "EarthLink ELNK_102 (Validity): no list id" "" \
	"550 5.7.1 Sender blocked error - ELNK0001_102 - https://postmaster-earthlink.vadesecure.com/inbound_error_codes"
listed "EarthLink's IP block quoted by a forwarder: its own list" earthlink \
	"550 5.0.0 <mx.relay.example>: host said: 550 IP 203.0.113.120 is blocked by EarthLink. Go to the EarthLink blocking page for details."
# Verizon Online's anti-spam block of the sending IP (its whitelist page),
# not a verdict on one message; its outbound spam verdict on a message is.
verdict "Verizon Online anti-spam system blocks the IP" blocklist yes \
	"571 Email from 192.0.2.138 is currently blocked by Verizon Online's anti-spam system. The email sender or Email Service Provider may visit http://www.verizon.net/whitelist and request removal of the block. 160716"
verdict "Verizon Online: not permitted to send mail, whitelist page" blocklist yes \
	"550 You are not permitted to send mail. Please visit http://www.verizon.net/whitelist to request removal."
verdict "Verizon outbound: the message determined to be spam (one message)" content no \
	"554 The message you attempted to send was determined to be spam. Please visit http://www.verizon.net for more information."
# Yahoo's Spamhaus sentence under a TSS code names the list too.
listed "Yahoo TSS07 Spamhaus sentence: Spamhaus" spamhaus \
	"553 5.7.1 [TSS07] Connections will not be accepted from 192.0.2.26, because the ip is in Spamhaus's list; see https://postmaster.verizonmedia.com"
# Exchange Online Protection's own lists (Blocklist N with its delisting
# address, Forefront's NN.blocklist.zap) are Microsoft's list.
listed "EOP Blocklist 1 with its delisting address: Microsoft's list" microsoft \
	"550 5.7.1 Service unavailable; Client host [192.0.2.3] blocked using Blocklist 1; To request removal from this list please forward this message to delist@messaging.microsoft.com"
listed "Forefront 88.blocklist.zap: Microsoft's list" microsoft \
	"550 5.7.1 Service unavailable; Client host [192.0.2.3] blocked using 88.blocklist.zap; Mail from IP banned."
verdict "EOP Blocklist 1 quoted by a forwarder" blocklist yes \
	"550 5.0.0 <mx.relay.example>: host said: 550 5.7.1 Service unavailable; Client host [192.0.2.3] blocked using Blocklist 1; To request removal from this list please forward this message to delist@messaging.microsoft.com"
# The same codes inside an Exchange NDR's "Remote Server returned '...'"
# (the provider's reply after a quote mark, not a space).
verdict "AOL RTR:BB in an Exchange NDR quote" blocklist yes \
	"554 5.4.0 Remote Server returned '554 5.7.1 : (RTR:BB) http://postmaster.info.aol.com/errors/554rtrbb.html'"
verdict "iCloud CS01 in an Exchange NDR quote" reputation yes \
	"554 5.4.0 Remote Server returned '550 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137'"
verdict "AT&T unauthorized interface in an Exchange NDR quote" blocklist yes \
	"554 5.4.0 Remote Server returned '550 unauthorized interface for <192.0.2.72>'"
# The DBL named with the refusal names Spamhaus; GoDaddy's bare RBL Reject
# names no list.
listed "GoDaddy RBL Reject naming the DBL: spamhaus" spamhaus "554 RBL Reject: sender address domain listed in dbl"
listed "GoDaddy bare RBL Reject: no list" "" "554 RBL Reject -Please submit an unblock request"
listed "sender domain listed in DBL: spamhaus" spamhaus "550 5.7.1 sender address domain listed in DBL"
listed "HELO name listed on Spamhaus DBL: spamhaus" spamhaus "554 5.7.1 <news.example.com>: Helo command rejected: listed on Spamhaus DBL"
listed "a list's site in the refusal: sorbs" sorbs "553 Rejected due to abuse - see http://dnsbl.sorbs.net"
# Cox's IPBL bits: 1000 is Cloudmark alone; Cloudmark with other lists names
# no one list.
listed "Cox IPBL1000: cloudmark" cloudmark "554 cox.net cmsmtp 192.0.2.94 rejected. IPBL1000"
listed "Cox IPBL1001: several lists, none named" "" "554 cox.net cmsmtp 192.0.2.94 rejected. IPBL1001"
listed "Cox IPBL1111: several lists, none named" "" "554 cox.net cmsmtp 192.0.2.94 rejected. IPBL1111"
verdict "Cox IPBL1101 stays a block" blocklist yes "554 cox.net cmsmtp 192.0.2.94 rejected. IPBL1101"
listed "verify probe quoting a list block: no list" "" \
	"550 5.1.1 <a@example.org>: Recipient address rejected: unverified address: host mx.example.net[192.0.2.9] said: 554 5.7.1 Service unavailable; Client host [198.51.100.2] blocked using zen.spamhaus.org"
finish
