#!/bin/sh
# provider_hosts - the shipped providers.conf attributes a reply to the
# provider whose host gave it: its MX hosts, and the hosts a sender relays
# through (a provider's submission or relay service: smtp.gmail.com,
# smtp-relay.gmail.com, smtp.office365.com, smtp.yandex.com,
# smtp.fastmail.com); a host of no provider keeps its own pool, whatever the
# words (`rules classify --hosts`: provider and pool columns).
. "$(dirname "$0")/lib.sh"

# from NAME RELAY DOMAIN PROVIDER POOL REPLY
from() {
	got=$(printf '%s\t%s\t%s\n' "$2" "$3" "$6" | "$BW" --rules "$RULES" rules classify --hosts | cut -f5,7)
	eq "$1" "$4	$5" "$got"
}
quota='550 5.4.5 Daily user sending quota exceeded. o65sm25351206pga.71 - gsmtp'
from "Gmail's SMTP server for mail clients" smtp.gmail.com "" google google "$quota"
from "Workspace's SMTP relay service" smtp-relay.gmail.com "" google google \
	"421 4.7.0 Try again later, closing connection. (EHLO) n18sm285960wrm.12 - gsmtp"
from "Gmail's MX" gmail-smtp-in.l.google.com gmail.com google gmail "$quota"
from "Exchange Online's submission host" smtp.office365.com "" microsoft microsoft \
	"432 4.3.2 Concurrent connections limit exceeded. Visit https://aka.ms/concurrent_sending for more information."
from "Yandex's international submission host" smtp.yandex.com "" yandex yandex \
	"502 5.5.2 Syntax error, command unrecognized."
from "Fastmail's submission host" smtp.fastmail.com "" fastmail fastmail "535 5.7.0 Authentication failed"
from "Google's words from a host of no provider" mx.other.example "" "" other.example "$quota"
from "a host whose name merely contains gmail.com" smtp.gmail.com.example.net "" "" example.net "$quota"

# Without a host, a provider's own codes and words name it (providers.conf
# signs, a provider's rule); words every installation of some software
# writes (Exchange's RESOLVER.) do not, nor a sign inside a longer word.
from "SimpleLogin's own code" "" "" simplelogin simplelogin "550 SL E507 Wrongly formatted subject"
from "Amazon SES's own throttling words" "" "" amazonses amazonses \
	"454 Throttling failure: Maximum sending rate exceeded"
tenant='5.7.64 TenantAttribution; Relay Access Denied'
from "Exchange Online's TenantAttribution" "" "" microsoft microsoft "$tenant"
from "Exchange Online's SMTP AUTH switch" "" "" microsoft microsoft \
	"535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant."
from "Outlook.com's S3150 behind other words" "" "" microsoft microsoft \
	"550 Mailbox unavailable. The server response was: 550 5.7.1 Unfortunately, messages from [192.0.2.9] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150)."
from "Microsoft's word from a host of no provider" mx.other.example "" "" "" "$tenant"
from "a company's own Exchange Server" "" example.jp "" "" "550 5.7.1 RESOLVER.RST.NotAuthorized; not authorized"
from "a sign inside a longer word" "" "" "" "" "550 5.7.1 Rejected, reference XS3150 TenantAttributions"
# A gateway's own refusal names it (SophosLabs' list and its lookup page):
# without a host Sophos's pool, from a company's own relay that company's;
# the same words without the page are any receiver's. A sending service's
# own bare wording (SES's credentials refusal) names it; the usual
# enhanced-code wording of every server does not.
sophos='554 5.7.1 Service unavailable; Client host [192.0.2.223] is blacklisted. Visit https://www.sophos.com/en-us/threat-center/ip-lookup.aspx?ip=192.0.2.223 to request delisting'
from "SophosLabs' refusal without a host" "" "" sophos sophos "$sophos"
from "SophosLabs' refusal from a company's gateway" mx1.corp.example "" sophos corp.example "$sophos"
from "SophosLabs' refusal from another provider's host" mx.mail.ru "" mailru mailru "$sophos"
from "a listed IP without Sophos's page" "" "" "" "" \
	"554 5.7.1 Service unavailable; Client host [192.0.2.223] is blacklisted."
from "SES's own credentials refusal" "" "" amazonses amazonses "535 Authentication Credentials Invalid"
from "any server's credentials refusal" "" "" "" "" "535 5.7.8 Authentication credentials invalid"
# Exchange Online Protection's numbered anti-spam codes name it without a
# host (providers.conf "as#"), behind any words; not the letters in prose,
# nor from a relay of no provider.
eop='550 5.7.1 Service unavailable, Client host [192.0.2.40] blocked using Spamhaus. To request removal from this list see https://www.spamhaus.org/query/ip/192.0.2.40 (AS3130)'
from "Exchange Online's (ASnnnn) code" "" "" microsoft microsoft "$eop"
from "Exchange Online's AS(nnnn) code" "" "" microsoft microsoft \
	"550 5.7.1 Service unavailable, Client host [192.0.2.40] blocked using Spamhaus. To request removal from this list see https://www.spamhaus.org/query/ip/192.0.2.40 AS(1440)"
from "Exchange Online's code after a policy refusal" "" "" microsoft microsoft \
	"550 5.0.350 Requested action not taken: policy violation detected (AS345)"
from "an AS number in prose" "" "" "" "" "554 5.7.1 Mail from AS3130 is refused"
# Exchange Online's own enhanced status codes (providers.conf "5.7.606-649")
# name it behind any words; not a code outside its ranges, an RFC 3463 code,
# a code inside a longer word, nor from a relay of no provider.
from "Exchange Online's banned-IP range" "" "" microsoft microsoft "550 5.7.633 Access refused for this sender"
from "Exchange Online's suspicious-activity range" "" "" microsoft microsoft \
	"451 4.7.550 Temporary refusal, come back later"
from "Exchange Online's tenant range" "" "" microsoft microsoft "550 5.7.749 Access denied, the tenant is held back"
from "Outlook.com's 5.7.515" "" "" microsoft microsoft \
	"550 5.7.515 Access refused, the sending domain example.com is not authenticated as required"
from "a code outside Exchange Online's ranges" "" "" "" "" "550 5.7.650 Access refused for this sender"
from "an RFC 3463 code" "" "" "" "" "550 5.7.1 Access refused for this sender"
from "Exchange Online's code inside a longer word" "" "" "" "" "550 x5.7.633 Access refused for this sender"
from "Exchange Online's code from a relay of no provider" mx.other.example "" "" "" \
	"550 5.7.633 Access refused for this sender"
from "Exchange Online's code from a relay of no provider" mx.other.example "" "" "" "$eop"
# Without a recipient domain, the recipient's address names its provider;
# it does not keep another provider's own rule from running (the address
# may be the sender's), nor names the receiver of a relay refusal.
from "a recipient refused at its provider" "" "" microsoft outlook-consumer \
	"550 5.1.1 <x@hotmail.it>: Recipient address rejected: User unknown in virtual mailbox table"
from "a bare recipient address" "" "" apple apple "550 5.1.6 recipient no longer on server: someone@mac.com"
# Postfix's own reply to a milter's temporary failure (milter8.c) names
# iCloud only from iCloud's hosts or domain: any Postfix with a milter
# writes it.
milter_tempfail='451 4.7.1 Service unavailable - try again later'
from "Postfix's milter tempfail from no host" "" "" "" "" "$milter_tempfail"
from "Postfix's milter tempfail from iCloud's MX" mx01.mail.icloud.com icloud.com apple apple "$milter_tempfail"
from "Zoho's refusal of the sender's From address" "" "" zoho zoho "553 Relaying disallowed as user@gmail.com"
from "a local relay refusing a Hotmail recipient" "" "" "" "" \
	"550 5.7.1 <x@hotmail.it>... Relaying denied. Proper authentication required."
# A provider's sign decides over a mail domain its reply quotes (Gmail's
# DMARC refusal names the sender's domain, outlook.com, before "gsmtp").
from "Gmail's refusal quoting outlook.com" "" "" google google \
	"550-5.7.26 Unauthenticated email from outlook.com is not accepted due to domain's DMARC policy. Please contact the administrator of outlook.com domain if this was a legitimate mail. Please visit https://support.google.com/mail/answer/2451690 to learn about the DMARC initiative. a1si123 - gsmtp"
# Gandi's own refusal of a client IP Spamhaus lists names Gandi without a
# host; the same "Client host [...] blocked" in other words does not.
from "Gandi's 'blocked you may be infected'" "" "" gandi gandi \
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked you may be infected"
from "another receiver's client host blocked" "" "" "" "" \
	"550 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using Blocklist 1; To request removal from this list please forward this message to delist@example.net"
# QQ Mail's SPF refusal in its own shape names Tencent; the bare words are
# any server's.
from "QQ Mail's SPF refusal" "" "" tencent tencent \
	"550 SPF check failed [MNMd/iBQy6N9sE7LEmi7VALmV7Qk3Rub5BKtpGtN0eQbM+int3YLGrxF3VPwzKE+3g== IP: 192.0.2.233]."
from "any server's SPF refusal" "" "" "" "" \
	"550 5.7.1 SPF check failed: IP_host is not authorized to send in the name of domain_name."
# Providers' own codes and tags name them without a host: Rackspace's
# "(Gnn)", Yahoo's bracketed "[BL23]" / "[TS01]", Barracuda's "cuda_nsu",
# Forefront's (Exchange Online Protection's) "NN.blocklist.zap"; a client
# named in "Client host [NAME]" is not the receiver.
from "Rackspace's (G1C)" "" "" rackspace rackspace \
	"550 5.7.0 mime_banned_file - File attachment is not allowed because they can be used to exploit Winzip (G1C)"
from "Rackspace's (G2) after '421:'" "" "" rackspace rackspace "421: Too many concurrent connections from this client (G2)"
from "Yahoo's [BL23]" "" "" yahoo yahoo \
	"553 Mail from 192.0.2.2 not allowed - 5.7.1 [BL23] Connections not accepted from IP addresses on Spamhaus XBL;"
from "Yahoo's [TS01]" "" "" yahoo yahoo \
	"421 4.16.55 [TS01] Messages from 192.0.2.2 temporarily deferred due to excessive user complaints"
from "Yahoo's own 4.16.5x code" "" "" yahoo yahoo "421 Messages deferred for now - 4.16.52"
from "a 4.16 code Yahoo's pages do not name" "" "" "" "" "421 Messages deferred for now - 4.16.53"
from "AT&T's own list in other words" "" "" att att "550 5.7.1 Refused: 192.0.2.4 is listed on ATTRBL"
from "a word that merely begins with ATTRBL" "" "" "" "" "550 5.7.1 Refused: attribute ATTRBLINK is not allowed"
from "Barracuda's cuda_nsu" "" "" barracuda barracuda "451 cuda_nsu 4.4.3 Temporary server error. Please try again later"
from "Forefront's blocklist.zap" "" "" microsoft microsoft \
	"550 5.7.1 Service unavailable; Client host [192.0.2.3] blocked using 88.blocklist.zap; Mail from IP banned."
from "a client host named in brackets" "" "" barracuda barracuda \
	"554 Service unavailable; Client host [server1.mail.com] blocked using Barracuda Reputation; http://bbl.barracudacentral.com/q.cgi?ip=192.0.2.1"
# Providers' codes of one word with '_' (providers.conf "ofr_#"): Orange's
# OFR_ / OFRnnn_ and OUK_, La Poste's LPNnnn_, SFR's SFR_IN_, EarthLink's
# ELNKnnnn_, Libero's LIB_ and Virgilio's VIR_, Sophos's XGEMAIL_ name them
# behind any words, and gate the rules as a host would (Mimecast's
# "Invalid Recipient" rule does not take Virgilio's reply); not without the
# '_' and a digit, with other letters, nor from a relay of no provider.
from "Orange's OFRnnn_ code" "" "" orange orange \
	"550 5.7.1 Message refused for policy reasons. OFR004_998 [998]"
from "Orange's OUK_ code" "" "" orange orange "550 5.1.1 Unknown recipient. OUK_416"
from "La Poste's LPN code" "" "" laposte laposte "550 5.7.1 Message refused for policy reasons LPN004_999"
from "SFR's SFR_IN_ code" "" "" sfr sfr "450 4.7.1 SFR_IN_106 Service refused"
from "EarthLink's ELNK code" "" "" earthlink earthlink \
	"550 5.7.1 Message refused - ELNK0001_300 - see the postmaster page"
from "Virgilio's VIR_ code" "" "" libero libero "550 Invalid Recipient [smtp-7.iol.local; VIR_421]"
from "Libero's LIB_ code" "" "" libero libero "550 Service refused [smtp-7.iol.local; LIB_999]"
from "Sophos's XGEMAIL_ code" "" "" sophos sophos "550 5.7.1 Message refused. XGEMAIL_0099"
from "Alibaba's anti-spam tag" "" "" alibaba alibaba \
	"554 Reject at DATA State(Connection IP address:192.0.2.4)ANTISPAM_BAT[01201311R5167S531, r41g03022]: bad sending"
from "Alibaba's outgoing spam engine" "" "" alibaba alibaba "554 (13)ESO_LOCAL_SPAM: spamed by local spam engine"
from "a code without '_'" "" "" "" "" "550 5.7.1 Message refused. OFR0004"
from "a code with '-'" "" "" "" "" "550 5.7.1 Message refused. SFR-IN-101"
from "a code without a digit" "" "" "" "" "550 5.7.1 Message refused. OFR_ [416]"
from "a code of other letters" "" "" "" "" "550 5.7.1 Message refused by policy. XOFR_506"
from "Orange's code from a relay of no provider" mx.other.example "" "" "" \
	"550 5.7.1 Message refused for policy reasons. OFR004_998 [998]"
# A provider's own phrase (providers.conf "sl+e#", "throttling+failure",
# Exchange Online's IPv6 words, "using Barracuda Reputation"): its words in
# a row name it without a host, behind any other words, even where no rule
# of its own reads the reply; not the words apart, inside longer words or
# with other bytes between them, nor part of them (the list's name in
# prose), and never over a host of another provider or of none, nor below
# a sign that comes first.
from "SimpleLogin's code no rule reads" "" "" simplelogin simplelogin "550 SL E999 Mailbox gone"
from "SES's throttling words with another code" "" "" amazonses amazonses \
	"421 Throttling failure: Maximum sending rate exceeded"
from "SES's account refusal with another code" "" "" amazonses amazonses "554 Account not subscribed to SES"
from "SES's unverified identities behind other words" "" "" amazonses amazonses \
	"554 Transaction failed: The following identities failed the check in region US-EAST-1: a@example.org"
from "SimpleLogin's code before a quoted Gmail address" "" "" simplelogin simplelogin \
	"550 SL E999 Mailbox gone <someone@gmail.com>"
from "SimpleLogin's code after Gmail's sign" "" "" google google "550 5.1.1 user gone - gsmtp SL E999"
from "SES's words from Mail.ru's host" mx.mail.ru "" mailru mailru \
	"421 Throttling failure: Maximum sending rate exceeded"
from "SimpleLogin's code from a host of no provider" mx.other.example "" "" "" "550 SL E999 Mailbox gone"
from "the words apart" "" "" "" "" "421 4.7.0 Throttling in effect: too many failures, try later"
from "a longer word" "" "" "" "" "421 4.7.0 Throttling failures: Maximum sending rate exceeded"
from "a code joined to the word" "" "" "" "" "550 5.1.1 SL-E999 Mailbox gone"
from "a colon between the words" "" "" "" "" "550 5.1.1 SL: E999 Mailbox gone"
from "another word than SES" "" "" "" "" "535 5.7.8 Account not subscribed to session limits"
from "Exchange Online's IPv6 authentication words" "" "" microsoft microsoft \
	"451 4.7.26 Message from [2001:db8::5] must pass either SPF or DKIM validation"
from "other words on IPv6 mail" "" "" "" "" "550 5.7.1 Your message sent over IPv6 was refused"
from "other words on SPF or DKIM" "" "" "" "" "550 5.7.1 Messages must pass either SPF or DKIM checks"
from "Zoho's refusal of a From address naming Gmail" "" "" zoho zoho "451 Relaying disallowed as someone@gmail.com"
from "another server's relay refusal naming Gmail" "" "" "" "" "550 5.7.1 <someone@gmail.com>... Relaying denied"
from "Zoho's give-up on a recipient" "" "" zoho zoho "451 4.2.1 Too many failures for the recipient, try later"
from "other words on a recipient's failures" "" "" "" "" "550 5.1.1 Too many failures for this recipient"
from "Barracuda's own reputation check" "" "" barracuda barracuda \
	"421 4.7.1 Client host [192.0.2.8] deferred using Barracuda Reputation, try again later"
from "the Barracuda list's name in prose" "" "" "" "" \
	"550 5.7.1 Rejected: your host is on the Barracuda Reputation Block List"
from "Barracuda's words from a host of no provider" mx.corp.example "" "" "" \
	"421 4.7.1 Client host [192.0.2.8] deferred using Barracuda Reputation, try again later"
# SES's own hosts in amazonaws.com, in any region: its SMTP interface and
# its receiving MX; not the rest of amazonaws.com (EC2 instances are named
# there, anyone's servers), as a relay or in the reply's words.
throttle='454 Throttling failure: Maximum sending rate exceeded'
from "SES's SMTP interface" email-smtp.eu-west-1.amazonaws.com "" amazonses amazonses "$throttle"
from "SES's receiving MX" inbound-smtp.us-west-2.amazonaws.com example.org amazonses amazonses \
	"550 5.1.1 Requested action not taken: mailbox unavailable"
from "an EC2 instance as the relay" ec2-192-0-2-1.eu-west-1.compute.amazonaws.com example.org "" "" \
	"550 5.1.1 <a@example.org>: Recipient address rejected: User unknown in local recipient table"
from "an EC2 instance's private name" ip-10-0-0-5.eu-west-1.compute.internal example.org "" "" \
	"550 5.1.1 <a@example.org>: Recipient address rejected: User unknown in local recipient table"
from "an EC2 name in the reply's words" "" "" "" "" \
	"550 5.7.1 Rejected - ec2-192-0-2-1.eu-west-1.compute.amazonaws.com [192.0.2.1] is in an RBL"
# Barracuda's Email Security Service hosts name it, in any region; its
# public list's lookup page in a reply does not (a server quoting the list
# it queried, as Postfix does, is the receiver).
from "Barracuda's service, Canadian instance" d405521.a.ess.ca.barracudanetworks.com "" barracuda barracuda \
	"550 permanent failure"
from "Barracuda's service, US instance" d241253a.ess.barracudanetworks.com "" barracuda barracuda "550 permanent failure"
brbl='554 5.7.1 Service unavailable; Client host [192.0.2.7] blocked using b.barracudacentral.org; http://www.barracudanetworks.com/reputation/?pr=1&ip=192.0.2.7'
from "Barracuda's list quoted by a server, no host" "" "" "" "" "$brbl"
from "Barracuda's list quoted by a server, a domain of no provider" "" example.org "" "" "$brbl"
from "Barracuda's list quoted by Gmail's MX" gmail-smtp-in.l.google.com gmail.com google gmail "$brbl"
# SimpleLogin's server is self-hosted too (providers.conf selfhosted): a
# self-hosted instance's handler answers its operator's Postfix from
# 127.0.0.1:20381 with the same codes, which then name that operator, not
# SimpleLogin; SimpleLogin's own domain still names it, and another
# provider's words still name theirs from an address.
from "SimpleLogin's code from a self-hosted handler" 127.0.0.1 mydomain.example "" mydomain.example \
	"550 SL E502 Email not exist"
from "SimpleLogin's code no rule reads, from an address" 127.0.0.1 "" "" "" "550 SL E999 Mailbox gone"
from "SimpleLogin's code from a bare host name" sl-email mydomain.example "" mydomain.example \
	"550 SL E502 Email not exist"
from "SimpleLogin's code for its own domain" 127.0.0.1 slmail.me simplelogin simplelogin "550 SL E502 Email not exist"
from "SES's words from a local proxy's address" 127.0.0.1 "" amazonses amazonses "$throttle"
finish

# Mail.ru's "NAME is blocked" (its block of the sender's domain) is read only
# from Mail.ru's own servers (scope = own): from another host, or from none
# with nothing naming Mail.ru, the same words are no block.
# as NAME RELAY DOMAIN RULE CATEGORY BLOCK REPLY
as() {
	got=$(printf '%s\t%s\t%s\n' "$2" "$3" "$7" | "$BW" --rules "$RULES" rules classify --hosts | cut -f1-3)
	eq "$1" "$4	$5	$6" "$got"
}
blocked='550 tutanota is blocked'
as "Mail.ru's domain block from its MX" mxs.mail.ru "" mailru-domain-blocked blocklist yes "$blocked"
as "Mail.ru's domain block to its domain" "" bk.ru mailru-domain-blocked blocklist yes "$blocked"
as "Mail.ru's domain block from its MX, a name that starts with a filter noun" mxs.mail.ru "" \
	mailru-domain-blocked blocklist yes "550 encryptomatic is blocked"
as "the same words from a host of no provider" mx.other.example "" shapes7-word-is-blocked other no "$blocked"
as "the same words with no host" "" "" shapes7-word-is-blocked other no "$blocked"
as "the same words from Gmail" mx.google.com mail.ru shapes7-word-is-blocked other no "$blocked"
# Yahoo's bare deferral (its help: the sender's traffic or complaints) only
# from Yahoo; any other server's names no reason.
deferred='451 Message temporarily deferred'
as "Yahoo's bare deferral from its MX" mta7.am0.yahoodns.net "" yahoo-bare-deferred reputation yes "$deferred"
as "Yahoo's bare deferral to its domain" "" aol.com yahoo-bare-deferred reputation yes "$deferred"
as "a bare deferral from a host of no provider" mx.other.example "" generic-421-451 other no "$deferred"
as "a bare deferral with no host" "" "" generic-421-451 other no "$deferred"
as "Yahoo's deferral with a numeric code from its MX" mta7.am0.yahoodns.net "" yahoo-bare-deferred reputation yes "451 Message temporarily deferred - [170]"
as "a deferral with a numeric code from a host of no provider" mx.other.example "" generic-421-451 other no "451 Message temporarily deferred - [170]"
# NetEase's "IP / User in blacklist" without a code: its own list only
# from its own servers; elsewhere the bare words name no list, or no one.
as "NetEase's IP in blacklist from its MX" mx1.163.com "" netease-in-blacklist blocklist yes "554 IP in blacklist"
as "NetEase's User in blacklist to its domain" "" 126.com netease-in-blacklist blocklist yes "550 User in blacklist"
as "IP in blacklist with no host" "" "" shapes3-ip-blocked-i18n blocklist yes "554 IP in blacklist"
as "User in blacklist with no host" "" "" shapes5-unclassified other no "550 User in blacklist"
as "User in blacklist from a host of no provider" mx.other.example "" shapes5-unclassified other no "550 User in blacklist"
