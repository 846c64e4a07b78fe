#!/bin/sh
# The providers' code-table rules and the mail servers' fixed replies
# (aol, microsoft legacy codes, la poste, orange, gmx, netease, icewarp,
# vpop3, domino) on near misses: the same words in a reply that is no block
# by patterns/README.md ("What counts as a block"), and beside each group
# the reply that stays a block. Each reply's category and block verdict
# through `bouncewatch rules classify`.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/verdicts.sh"

# A relay's recipient verification quoting its next hop (Postfix's
# "Recipient address rejected: unverified address: host H said: ..."): the
# quoted refusal is the next hop's answer to the relay's probe, not the
# receiver's to the sender, whatever table its code comes from (other, no).
# The providers' own rules (priority 99-101) came before the frame's
# look-alike (199) and read the quoted code as the sender's block.
P="450 4.1.1 <a@example.org>: Recipient address rejected: unverified address: host mx.example.net[198.51.100.5] said:"
verdict "probe quoting Domino's default DNSBL text" other no \
	"$P 550 Connection denied based on policy reason. (in reply to MAIL FROM command)"
verdict "probe quoting IceWarp intrusion prevention" other no \
	"$P 421 4.7.1 Intrusion prevention active for [198.51.100.5][D] (in reply to MAIL FROM command)"
verdict "probe quoting VPOP3 intrusion prevention" other no \
	"$P 421 Your connection has been blocked temporarily - Try again later (in reply to MAIL FROM command)"
verdict "probe quoting NetEase HL:ICC" other no \
	"$P 421 HL:ICC 163 mx17,QsCowEBJN2gjW0ZjbxgBAA--.0S2 1665555235 (in reply to MAIL FROM command)"
verdict "probe quoting AOL RTR:DU" other no \
	"$P 554- (RTR:DU) http://postmaster.info.aol.com/errors/554rtrdu.html (in reply to MAIL FROM command)"
verdict "probe quoting AOL DNS:B2" other no \
	"$P 554 5.7.1 : (DNS:B2) http://postmaster.info.aol.com/errors/554dnsb2.html (in reply to MAIL FROM command)"
verdict "probe quoting AOL RLY:NW" other no \
	"$P 554 RLY:NW http://postmaster.info.aol.com/errors/554rlynw.html (in reply to MAIL FROM command)"
verdict "probe quoting Outlook.com OU-001" other no \
	"$P 550 OU-001 (SNT004-MC3F21) Unfortunately, messages from 198.51.100.5 weren't sent. Please contact your Internet service provider (in reply to MAIL FROM command)"
verdict "probe quoting La Poste LPN007_510" other no \
	"$P 550 5.7.1 Service refuse. Veuillez essayer plus tard. service refused, please try later. LPN007_510 (in reply to MAIL FROM command)"
verdict "probe quoting La Poste LPN007_101" other no \
	"$P 550 5.7.1 Service unavailable LPN007_101 (in reply to MAIL FROM command)"
verdict "probe quoting GMX's IP based policy" other no \
	"$P 550 Reject due to policy restrictions (IP based) (in reply to MAIL FROM command)"
verdict "probe quoting Orange OFR_102" other no \
	"$P 550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com (in reply to MAIL FROM command)"
# Without the frame each stays the sender's block.
verdict "Domino's default DNSBL text stays a block" blocklist yes "550 Connection denied based on policy reason."
verdict "IceWarp reason D stays a block" blocklist yes "421 4.7.1 Intrusion prevention active for [192.0.2.5][D]"
verdict "NetEase HL:ICC stays a block" rate yes "421 HL:ICC 163 mx17,QsCowEBJN2gjW0ZjbxgBAA--.0S2 1665555235"
verdict "NetEase HL:ICC quoted by Exchange stays a block" rate yes \
	"451 4.4.0 Remote server returned: 421 HL:ICC 163 mx17,QsCowEBJN2gjW0ZjbxgBAA--.0S2 1665555235"
verdict "AOL DNS:B2 stays a block" reputation yes "554 5.7.1 : (DNS:B2) http://postmaster.info.aol.com/errors/554dnsb2.html"
verdict "La Poste LPN007_510 stays a block" blocklist yes \
	"550 5.7.1 Service refuse. Veuillez essayer plus tard. service refused, please try later. LPN007_510"
verdict "a probe's quoted unknown recipient stays the recipient's" user-unknown no \
	"$P 550 5.1.1 <a@example.org>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)"
# Exim's callout verification quoting the called host's answer: sender
# verification ("Verification failed for <a> Called: IP Sent: MAIL FROM:<>
# Response: ..." then "Sender verify failed"; the Called / Sent / Response
# lines alone with a 4xx) calls the sender's own MX, recipient verification
# ("Callout verification failed: ...") the relay's next hop: the quoted
# refusal is the called host's, not the receiver's verdict on the sender
# (other, no), whatever table, list or words it quotes.
S="550-Verification failed for <a@example.org> Called: 198.51.100.5 Sent: MAIL FROM:<> Response:"
D="451-Called: 198.51.100.5 Sent: MAIL FROM:<> Response:"
C="550-Callout verification failed:"
verdict "sender callout quoting a Spamhaus listing" other no \
	"$S 554 5.7.1 Service unavailable; Client host [203.0.113.5] blocked using zen.spamhaus.org Sender verify failed"
verdict "sender callout quoting NetEase HL:ITC" other no "$S 554 5.7.3 HL:ITC Sender verify failed"
verdict "sender callout quoting AOL RTR:DU" other no \
	"$S 554- (RTR:DU) http://postmaster.info.aol.com/errors/554rtrdu.html Sender verify failed"
verdict "sender callout quoting Domino's default DNSBL text" other no \
	"$S 550 Connection denied based on policy reason. Sender verify failed"
verdict "sender callout quoting La Poste LPN007_510" other no \
	"$S 550 5.7.1 Service refuse. Veuillez essayer plus tard. service refused, please try later. LPN007_510 Sender verify failed"
verdict "sender callout quoting an IP listed by a block list" other no \
	"$S 550 5.7.1 Email rejected because the IP address 203.0.113.5 has been listed by an Internet spam block list Sender verify failed"
verdict "deferred sender callout quoting NetEase HL:ICC" other no \
	"$D 421 HL:ICC 163 mx17,QsCowEBJN2gjW0ZjbxgBAA--.0S2 1665555235"
verdict "deferred sender callout quoting IceWarp reason D" other no \
	"$D 421 4.7.1 Intrusion prevention active for [203.0.113.5][D]"
verdict "deferred sender callout quoting VPOP3 intrusion prevention" other no \
	"$D 421 Your connection has been blocked temporarily - Try again later"
verdict "deferred sender callout quoting a connection rate" other no \
	"$D 421 4.5.1. Connection Rate - See https://helpdesk.example.net/email/"
verdict "deferred sender callout quoting bl.spamcop.net" other no \
	"$D 421 4.7.1 Client host [203.0.113.5] blocked using bl.spamcop.net"
verdict "recipient callout quoting a Spamhaus listing" other no \
	"$C 554 5.7.1 Service unavailable; Client host [203.0.113.5] blocked using zen.spamhaus.org"
verdict "recipient callout quoting Domino's default DNSBL text" other no "$C 550 Connection denied based on policy reason."
verdict "recipient callout quoting Outlook.com OU-001" other no \
	"$C 550 OU-001 (SNT004-MC3F21) Unfortunately, messages from 203.0.113.5 weren't sent."
verdict "recipient callout quoting an IP listed by a block list" other no \
	"$C 550 5.7.1 Email rejected because the IP address 203.0.113.5 has been listed by an Internet spam block list"
verdict "recipient callout quoting an unknown recipient stays the recipient's" user-unknown no \
	"$C 550 5.1.1 <a@example.org>: Recipient address rejected: User unknown in virtual mailbox table"
verdict "a bare sender verify failure stays the sender's setup" other no "550 Sender verify failed"
# Domino's default DNSBL refusal words with a reason of another control
# added (the administrator's own text): that reason decides, not a listing.
verdict "Domino's words with a greylisting reason" greylist no \
	"451 4.7.1 Connection denied based on policy reason: greylisted, try again in 5 minutes"
verdict "Domino's words with a recipient's refusal" content no \
	"550 5.7.1 <bob@example.com>: Connection denied based on policy reason: recipient does not accept mail from this sender"
verdict "Domino's words with a reverse DNS reason" ptr no \
	"550 5.7.1 Connection denied based on policy reason: no reverse DNS (PTR) for your IP"
verdict "Domino's default words in capitals stay a block" blocklist yes "550 5.7.1 CONNECTION DENIED BASED ON POLICY REASON"
# Postfix's sender address verification quoting the sender's own server
# (reject_unverified_sender: "Sender address rejected: unverified address:
# host H said: ..."): the sender's server refused the receiver's probe, no
# block, whatever provider code it quotes. The providers' files sort before
# postfix.rules at their priority 100 and read the quoted code.
Q="450 4.1.7 <a@example.org>: Sender address rejected: unverified address: host mx.example.org[198.51.100.5] said:"
verdict "sender probe quoting NetEase HL:ICC" other no \
	"$Q 421 HL:ICC 163 mx17,QsCowEBJN2gjW0ZjbxgBAA--.0S2 1665555235 (in reply to MAIL FROM command)"
verdict "sender probe quoting AOL RTR:DU" other no \
	"$Q 554- (RTR:DU) http://postmaster.info.aol.com/errors/554rtrdu.html (in reply to MAIL FROM command)"
verdict "sender probe quoting Domino's default DNSBL text" other no \
	"$Q 550 Connection denied based on policy reason. (in reply to MAIL FROM command)"
verdict "sender probe quoting IceWarp reason D" other no \
	"$Q 421 4.7.1 Intrusion prevention active for [203.0.113.5][D] (in reply to MAIL FROM command)"
verdict "sender probe quoting Outlook.com OU-001" other no \
	"$Q 550 OU-001 (SNT004-MC3F21) Unfortunately, messages from 203.0.113.5 weren't sent. (in reply to MAIL FROM command)"
verdict "sender probe quoting La Poste LPN007_510" other no \
	"$Q 550 5.7.1 Service refuse. Veuillez essayer plus tard. service refused, please try later. LPN007_510 (in reply to MAIL FROM command)"
finish
