#!/bin/sh
# rules_stage_lines - the shipped rules on real log lines, through `scan`
# into the SQLite file: the SMTP stage each format writes decides a reply
# whose words mean two things (Proofpoint's "550 5.7.0 Local Policy
# Violation": at the connection or RCPT TO its real-time blacklist, after
# DATA a verdict on the message), and a relay's probe, Exim's callout or
# Courier's sender verification quoting the host it called stores no
# sending IP (the rules' "sending_ip = none": the quoted address is the next
# hop's or the sender's own MX's).
# Each part is checked to fail without what it tests: the rules pair taken
# out, the key taken out.
. "$(dirname "$0")/lib.sh"

PF='Nov 28 00:00:01 out postfix/smtp[12]:'
PP='mx0a-00000001.pphosted.com[192.0.2.1]'
EX='2026-11-28 00:00:04'
LPV='550 5.7.0 Local Policy Violation'
cat >"$T/mail.log" <<LOG
$PF 1A0000000A: to=<pf-rcpt@example.com>, relay=$PP:25, delay=1, delays=0/0/0/1, dsn=5.7.0, status=bounced (host $PP said: $LPV (in reply to RCPT TO command))
$PF 1A0000000B: to=<pf-data@example.com>, relay=$PP:25, delay=1, delays=0/0/0/1, dsn=5.7.0, status=bounced (host $PP said: $LPV (in reply to end of DATA command))
$PF 1A0000000C: to=<pf-other@example.net>, relay=mx.example.net[192.0.2.3]:25, delay=1, delays=0/0/0/1, dsn=5.7.0, status=bounced (host mx.example.net[192.0.2.3] said: $LPV (in reply to RCPT TO command))
$EX 1xX71R-0002sC-2a ** ex-rcpt@example.com R=dnslookup T=remote_smtp H=mx0b-00000001.pphosted.com [192.0.2.2]: SMTP error from remote mail server after RCPT TO:<ex-rcpt@example.com>: $LPV
$EX 1xX71R-0002sC-2b ** ex-data@example.com R=dnslookup T=remote_smtp H=mx0b-00000001.pphosted.com [192.0.2.2]: SMTP error from remote mail server after end of data: $LPV
$PF 1A0000000D: to=<probe@example.net>, relay=mx.example.net[192.0.2.3]:25, delay=1, delays=0/0/0/1, dsn=4.1.1, status=deferred (host mx.example.net[192.0.2.3] said: 450 4.1.1 <probe@example.net>: Recipient address rejected: unverified address: host mx2.example.net[192.0.2.30] said: 554 5.7.1 Service unavailable; Client host [198.51.100.20] blocked using zen.spamhaus.org (in reply to RCPT TO command))
$PF 1A0000000E: to=<sender@example.net>, relay=mx.example.net[192.0.2.3]:25, delay=1, delays=0/0/0/1, dsn=5.1.7, status=bounced (host mx.example.net[192.0.2.3] said: 550 5.1.7 <a@example.org>: Sender address rejected: undeliverable address: host mx.example.org[192.0.2.9] said: 550 5.7.1 Client host [198.51.100.21] blocked using bl.spamcop.net (in reply to RCPT TO command))
$EX 1xX71R-0002sC-2c ** callout@example.com R=dnslookup T=remote_smtp H=mx.example.com [192.0.2.4]: SMTP error from remote mail server after RCPT TO:<callout@example.com>: 550-Verification failed for <a@example.org>\n550-Called:   198.51.100.5\n550-Sent:     MAIL FROM:<>\n550-Response: 554 5.7.1 Service unavailable; Client host [203.0.113.9] blocked using zen.spamhaus.org\n550 Sender verify failed
$PF 1A0000000F: to=<courier@example.net>, relay=mx.example.net[192.0.2.3]:25, delay=1, delays=0/0/0/1, dsn=5.0.0, status=bounced (host mx.example.net[192.0.2.3] said: 530-mx.example.org [198.51.100.22]: 530->>> RCPT TO:<a@example.org> 530-5.7.1 Service unavailable; Client host [203.0.113.10] blocked using zen.spamhaus.org 530 <a@example.org> verification failed. (in reply to RCPT TO command))
LOG

# row RULES_DIR RECIPIENT: rule|category|is_block|sending_ip|stage|provider stored for it
row() {
	rm -f "$T/$1.db"
	"$BW" --db "$T/$1.db" --rules "$2" scan "$T/mail.log" >"$T/scan.out" 2>&1 || { cat "$T/scan.out"; return 1; }
	sql "$T/$1.db" "SELECT recipient, rule_id, category, is_block, coalesce(sending_ip, ''), stage, coalesce(provider, '')
		FROM deliveries ORDER BY recipient" >"$T/$1.rows"
}
got() { awk -F'|' -v r="$2" '$1 == r { sub(/^[^|]*\|/, ""); print }' "$T/$1.rows"; }

check "scan the lines" row ship "$RULES"
eq "Postfix, RCPT TO: Proofpoint's blacklist" "proofpoint-local-policy-blacklist|blocklist|1||RCPT|proofpoint" \
	"$(got ship pf-rcpt@example.com)"
eq "Postfix, end of DATA: a verdict on the message" "proofpoint-local-policy-data|content|0||EOD|proofpoint" \
	"$(got ship pf-data@example.com)"
eq "Exim, after RCPT TO: Proofpoint's blacklist" "proofpoint-local-policy-blacklist|blocklist|1||RCPT|proofpoint" \
	"$(got ship ex-rcpt@example.com)"
eq "Exim, after end of data: a verdict on the message" "proofpoint-local-policy-data|content|0||EOD|proofpoint" \
	"$(got ship ex-data@example.com)"
eq "the same words at RCPT TO from a relay not Proofpoint's: no block" "0" \
	"$(got ship pf-other@example.net | cut -d'|' -f3)"
eq "a relay's recipient probe: no sending IP stored" "refusals-recipient-verify-next-hop|other|0||RCPT|" \
	"$(got ship probe@example.net)"
eq "Postfix's sender probe: no sending IP stored" "postfix-sender-unverified|other|0||RCPT|" \
	"$(got ship sender@example.net)"
eq "Exim's sender callout: no sending IP stored" "refusals-callout-quoted|other|0||RCPT|" \
	"$(got ship callout@example.com)"
eq "Courier's sender verification: no sending IP stored" "courier-sender-verify|other|0||RCPT|" \
	"$(got ship courier@example.net)"

# Without the pair the stage decides nothing: the RCPT TO lines are no block.
mkdir "$T/nopair" && cp "$RULES"/* "$T/nopair/"
awk '/^\[proofpoint-local-policy-/ { skip = 1; next } /^\[/ { skip = 0 } !skip' "$RULES/proofpoint.rules" \
	>"$T/nopair/proofpoint.rules"
check "scan without the pair" row nopair "$T/nopair"
eq "without the pair: Postfix at RCPT TO is no block" "0" "$(got nopair pf-rcpt@example.com | cut -d'|' -f3)"
eq "without the pair: Exim at RCPT TO is no block" "0" "$(got nopair ex-rcpt@example.com | cut -d'|' -f3)"

# Without the key an address of the quote is stored as the sending IP: the
# client the quoted refusal names (the relay's own address, the receiver's
# in a sender probe), or the host the callout called.
mkdir "$T/nokey" && cp "$RULES"/* "$T/nokey/"
sed -i '/^sending_ip *= *none/d' "$T/nokey"/*.rules
check "scan without sending_ip = none" row nokey "$T/nokey"
eq "without the key: the relay's own address in the quote" "198.51.100.20" "$(got nokey probe@example.net | cut -d'|' -f4)"
eq "without the key: the receiver's address in the sender probe's quote" "198.51.100.21" "$(got nokey sender@example.net | cut -d'|' -f4)"
eq "without the key: the host the callout called" "198.51.100.5" "$(got nokey callout@example.com | cut -d'|' -f4)"
eq "without the key: the sender's MX Courier called" "198.51.100.22" "$(got nokey courier@example.net | cut -d'|' -f4)"
