#!/bin/sh
# Providers' published code tables (Exchange Online's NDR table, Gmail's SMTP
# error reference, Yahoo's, Cox's, La Poste's, AT&T's, Spectrum's, Forpsi's,
# Mimecast's, Bluehost's, Orange's, AOL's, MailChannels', EarthLink's, Rackspace's,
# T-Online's, ...): each block a table defines next to the codes
# of the same table that are not blocks (a recipient, the sender's own
# settings, one message or transaction), through `bouncewatch rules
# classify` on the shipped patterns/ directory. rules_lookalikes.sh holds
# the look-alikes of the shapes that need no provider. owner() checks the
# provider column where a table's own rule, not a shared one, must answer.
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
verdict "T-Online refusal quoted by a relay (450 [EAB] 554 IP=)" reputation yes \
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
verdict "T-Online (TEM): a temporary condition, not the IP's standing" other no \
	"554 IP=192.0.2.4 - A problem occurred. Ask your postmaster for help or to contact tosa@rx.t-online.de to clarify. (TEM)"
verdict "T-Online (RL): the IP refused" reputation yes \
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
finish
