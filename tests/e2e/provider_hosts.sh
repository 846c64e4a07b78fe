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
from "Exchange Online's code from a relay of no provider" mx.other.example "" "" "" "$eop"
# Without a recipient domain, the recipient's address as MTAs quote it
# ("<user@domain>") names its provider; a bare address in prose (often the
# sender's) does not, nor an address a server refuses to relay to.
from "a recipient refused at its provider" "" "" microsoft outlook-consumer \
	"550 5.1.1 <x@hotmail.it>: Recipient address rejected: User unknown in virtual mailbox table"
from "Zoho's refusal of the sender's From address" "" "" zoho zoho "553 Relaying disallowed as user@gmail.com"
from "a sender's address in prose" "" "" "" "" '550 "envelope sender not allowed xyz@yahoo.com"'
from "a local relay refusing a Hotmail recipient" "" "" "" "" \
	"550 5.7.1 <x@hotmail.it>... Relaying denied. Proper authentication required."
finish
