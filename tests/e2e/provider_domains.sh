#!/bin/sh
# provider_domains - the shipped providers.conf names a provider's whole
# family of address domains and MX hosts, not just its flagship: AOL's
# netscape.net, mail.com's profession domains, GMX's country domains,
# WEB.DE's .ms domains, Rambler's lenta.ru, BT's talk21.com, Xfinity,
# Apple's private relay, a Microsoft 365 tenant's onmicrosoft.com,
# GCC High's MX hosts, Zoho's other data centres, IONOS's country MX hosts,
# submission hosts (smtp.live.com, smtp.1und1.de, mail.gandi.net, ...), a
# company's own IronPort appliance named after it (ironportin-3...);
# and, without a relay host or recipient domain, the host names only one
# provider's replies link to (aka.ms, postmaster.info.aol.com,
# *.prod.exchangelabs.com) and the provider's name in its own words
# (Google, Yahoo, AOL, Hotmail, Comcast, EarthLink). Look-alike names attribute nothing
# (`rules classify --hosts`: provider and pool columns). The replies are
# generic wordings, so the attribution comes from the names alone.
. "$(dirname "$0")/lib.sh"

# from NAME RELAY DOMAIN PROVIDER POOL REPLY
from() {
	got=$(printf '%s\t%s\t%s\n' "$2" "$3" "$6" | "$BW" --rules "$RULES" rules classify --hosts | cut -f5,7)
	eq "$1" "$4	$5" "$got"
}
unknown='550 5.1.1 <someone@example.net>: Recipient address rejected: User unknown'

# Recipient domains.
from "AOL's netscape.net" "" netscape.net yahoo yahoo "$unknown"
from "AOL's compuserve.com" "" compuserve.com yahoo yahoo "$unknown"
from "a mail.com profession domain" "" engineer.com gmx gmx "$unknown"
from "a hyphenated mail.com domain" "" graphic-designer.com gmx gmx "$unknown"
from "a GMX country domain" "" gmx.ca gmx gmx "$unknown"
from "GMX's own top-level domain" "" mail.gmx gmx gmx "$unknown"
from "a 1&1 domain" "" sofort-surf.de gmx gmx "$unknown"
from "Xfinity's domain" "" xfinity.com comcast comcast "$unknown"
from "Apple's private relay" "" privaterelay.appleid.com apple apple "$unknown"
from "a tenant's onmicrosoft.com domain" "" contoso.onmicrosoft.com microsoft m365 "$unknown"
from "an Outlook.com country domain" "" live.co.jp microsoft outlook-consumer "$unknown"
from "Google's own company mail" "" google.com google google-workspace "$unknown"
from "Zoho's Australian domain" "" zohomail.com.au zoho zoho "$unknown"
from "o2.pl's sister domain" "" tlen.pl wp wp "$unknown"
from "a Fastmail domain" "" sent.com fastmail fastmail "$unknown"
from "Spectrum's domain" "" spectrum.net spectrum spectrum "$unknown"
from "AT&T's currently.com" "" currently.com att att "$unknown"
from "NetEase's 188.com" "" 188.com netease netease "$unknown"
from "a WEB.DE .ms domain" "" kuss.ms gmx web-de "$unknown"
from "WEB.DE's email.de" "" email.de gmx web-de "$unknown"
from "mail.com's email.com, not WEB.DE's" "" email.com gmx gmx "$unknown"
from "Rambler's lenta.ru" "" lenta.ru rambler rambler "$unknown"
from "Rambler's Ukrainian domain" "" rambler.ua rambler rambler "$unknown"
from "BT's talk21.com" "" talk21.com bt bt "$unknown"

# Relay (MX) hosts.
from "a GCC High tenant's MX" contoso-com.mail.protection.office365.us "" microsoft m365 "$unknown"
from "Zoho's Japanese MX" mx.zoho.jp example.jp zoho zoho "$unknown"
from "IONOS's British MX" mx00.ionos.co.uk example.co.uk gmx gmx "$unknown"
from "1&1's former British MX" mx00.1and1.co.uk example.co.uk gmx gmx "$unknown"
# A company's own IronPort appliance, named after it (providers.conf
# appliances): Cisco's, in the company's pool.
from "a company's IronPort appliance" ironportin-3.it.example.se mail.example.se cisco example.se \
	"554 ironportin-3.it.example.se"
from "a host that only contains the word" mx.ironport.example.se mail.example.se "" "" \
	"554 mx.ironport.example.se"
from "AOL's submission host" smtp.aol.com "" yahoo yahoo "$unknown"
from "Sophos Email's regional MX" mx-01-eu-central-1.prod.hydra.sophos.com example.de sophos sophos "$unknown"
from "NetEase's 188.com MX" mx.188.com example.cn netease netease "$unknown"

# Submission hosts, where a provider refuses its own user's mail.
from "Outlook.com's former submission host" smtp.live.com "" microsoft microsoft "$unknown"
from "1&1's submission host" smtp.1und1.de "" gmx gmx "$unknown"
from "yeah.net's submission host" smtp.yeah.net "" netease netease "$unknown"
from "Gandi's submission host" mail.gandi.net "" gandi gandi "$unknown"
from "EarthLink's servers at Vade" mta-102a.earthlink-vadesecure.net "" earthlink earthlink "$unknown"
from "BT Mail's server" mail.btinternet.com "" bt bt "$unknown"
from "Time Warner Cable's mail host" mail.twc.com "" spectrum spectrum "$unknown"

# Without a relay host or recipient domain, the host names a reply links to.
from "Exchange Online's short links" "" "" microsoft microsoft \
	"550 5.7.1 Service unavailable. For more information see https://aka.ms/exo-smtp-help"
from "AOL's error pages" "" "" yahoo yahoo \
	"421 Service temporarily unavailable - see http://postmaster.info.aol.com/errors/421.html"
from "Exchange Online's internal server names" "" "" microsoft microsoft \
	"452 4.3.1 Insufficient system resources [BN8PR01MB1234.prod.exchangelabs.com]"
from "Yandex's link shortener" "" "" yandex yandex \
	"550 5.7.1 Message refused by policy, see https://ya.cc/1IrBc 1668911002-AbCd"
from "Italiaonline's postmaster site" "" "" libero libero \
	"550 5.7.1 Message rejected, see https://postmaster.italiaonline.it/"
from "Rambler's company domain" "" "" rambler rambler \
	"550 5.7.1 Message refused. If this is an error contact abuse at rambler-co.ru"
from "SophosLabs' lookup page in other words" "" "" sophos sophos \
	"554 5.7.1 Your IP is on our list, see https://www.sophos.com/en-us/threat-center/ip-lookup.aspx?ip=192.0.2.9"
from "I.UA's error pages" "" "" iua iua "550 Sending refused, see https://mail.i.ua/err/12/"
from "the recipient's address at 188.com" "" "" netease netease \
	"550 5.1.1 <someone@188.com>: Recipient address rejected: User unknown"

# The provider's own name as its replies write it (providers.conf signs).
from "Google's name" "" "" google google "550 5.7.1 Message rejected by Google Groups, see its help"
from "Yahoo's name" "" "" yahoo yahoo "554 5.7.1 Message not accepted by Yahoo for policy reasons"
from "AOL's name" "" "" yahoo yahoo "550 5.7.1 Message refused by AOL for policy reasons"
from "Hotmail's name" "" "" microsoft microsoft "550 Mail rejected by Windows Live Hotmail for policy reasons"
from "Comcast's name" "" "" comcast comcast "554 Comcast refused the message for policy reasons"
from "EarthLink's name" "" "" earthlink earthlink "550 5.7.1 Your IP 192.0.2.15 is blocked by EarthLink"

# Look-alikes name no provider: a host that merely contains a provider's
# suffix, a domain that merely ends like one, a longer host name.
from "a host under another domain" mx.aol.com.example.net "" "" "" "$unknown"
from "a domain ending in a provider's name" "" notxfinity.com "" "" "$unknown"
from "a provider's name inside a longer word" "" "" "" "" \
	"550 5.7.1 Message rejected: links to googleadservices are not allowed"
from "aka.ms inside a longer name" "" "" "" "" \
	"550 5.7.1 Service unavailable. For more information see https://aka.ms.example.net/help"
from "a domain ending in rambler-co.ru's letters" "" "" "" "" \
	"550 5.7.1 Message refused. Contact abuse at notrambler-co.ru"
from "a domain ending in ro.ru's letters" "" euro.ru "" "" "$unknown"
from "a .ms domain under another domain" "" kuss.ms.example.org "" "" "$unknown"
from "I.UA's host name under another domain" "" "" "" "" "550 see http://mail.i.ua.example.net/err/3/"
from "a host ending in btinternet.com's letters" mx.notbtinternet.com "" "" "" "$unknown"
finish
