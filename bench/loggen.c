/* loggen - a deterministic generator of realistic Postfix mail logs
 *
 * Writes exactly --lines syslog lines to stdout: the traffic of one or more
 * mail servers (inbound through postscreen and smtpd to Dovecot LMTP,
 * authenticated submission signed by OpenDKIM and relayed by smtp to the big
 * providers and to small company domains, local cron mail, retries of
 * deferred mail) and the noise around it (postscreen rejecting bots, smtpd
 * NOQUEUE rejects, SASL guessing, IMAP/POP3 logins, anvil statistics).
 * Between 2 and 5 % of remote deliveries fail with the replies the providers
 * really send, and a few "block episodes" make one provider refuse all mail
 * from one sending IP for a window of the log, then clear.
 *
 * Invariants: the output depends only on the options (same --seed, same
 * bytes); timestamps never go backwards; every line has a syslog header;
 * every IP address is a documentation address (RFC 5737, RFC 3849) and our
 * own domains are example.com/.org/.net; small companies live under .example.
 * Must not depend on anything of bouncewatch: it is a stand-alone program.
 *
 * Where the line shapes come from (facts only; the wording here is ours):
 *  - postscreen CONNECT / PASS OLD|NEW / DNSBL rank / PREGREET / HANGUP /
 *    DISCONNECT and dnsblog "listed by domain": postscreen(8) and
 *    https://www.postfix.org/POSTSCREEN_README.html
 *  - a whole submission -> Gmail trace (client= sasl_method, cleanup
 *    message-id, opendkim "DKIM-Signature field added", qmgr from=/nrcpt,
 *    "Trusted TLS connection established to", status=sent "... - gsmtp"):
 *    https://ynotes.cn/blog/article_detail/146
 *  - delay= and delays=a/b/c/d (before qmgr / in qmgr / connection setup /
 *    transmission): Postfix 2.3 release notes, explained at
 *    https://www.mattzeunert.com/2012/08/08/a-postfix-maillog-entry-explained.html
 *  - "host X refused to talk to me: 554 IP=... (BL)" (T-Online), Comcast
 *    "found on one or more DNSBLs", relay=none for "connect to ...":
 *    https://www.plesk.com/kb/support/unable-to-send-mail-in-plesk-error-554-host-refused-to-talk-to-me/
 *  - GMX/Web.de "Nemesis ESMTP Service not available ... block listed":
 *    http://marmaro.de/lue/txt/2013-10-24.txt
 *  - Gmail multi-line replies as Postfix joins them (421-4.7.28, 450-4.2.1):
 *    https://mail-archive.com/mailop@mailop.org/msg20199.html,
 *    https://go.mail-archive.com/postfix-users@postfix.org/msg65793.html
 *  - Microsoft S3150 wording and the [FE host] suffix:
 *    https://xenforo.com/community/threads/error-s3150-is-processed-as-soft-bounce-should-be-an-error.234398
 *    and 451 4.4.4 ... ATTR1 on outlook-com.olc.protection.outlook.com:
 *    https://www.suped.com/email-deliverability/answers/what-causes-email-delivery-issues-with-microsoft-outlook-and-are-there-deferrals-from-usca-regio
 *  - Yahoo TSS04/TS03 and 5.7.9: https://postmaster.yahooinc.com/error-codes
 *  - anvil "statistics: max connection rate N/60s for (smtp:IP) at ...":
 *    https://newbetuts.com/422765-postfix-and-anvil-rate-limiting
 *  - Dovecot LMTP "saved mail to INBOX" and imap-login lines: Dovecot 2.3
 *    logging (doc/wiki/LMTP.txt, Logging.txt).
 *
 * usage: loggen [--seed N] [--lines N] [--start EPOCH] [--rate R] [--hosts N]
 *               [--format 3164|iso] [--offset MINUTES] [--episodes N]
 *               [--stats] [--replies N]
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define OUT_CAP (4u << 20)	/* output buffer; flushed with one fwrite */
#define LINE_ROOM 16384		/* no line is longer; flush before less is left */
#define NSLOT 8			/* sessions in flight: their lines interleave */
#define MAXOPS 40		/* lines one session can plan */
#define MAXRCPT 4
#define POOL_CAP 4096		/* deferred mail waiting for a retry */
#define MAXHOSTS 64
#define MAXEPISODES 64
#define DEFAULT_START 1795737600LL	/* 2026-11-27 00:00:00 UTC */

/* ---- output buffer --------------------------------------------------- */

struct sb {
	char *p;
	size_t n, cap;
};

static void sb_init(struct sb *b, char *p, size_t size)
{
	b->p = p;
	b->n = 0;
	b->cap = size - 1;	/* room for a NUL (sb_end) */
}

static void sb_end(struct sb *b)
{
	b->p[b->n] = '\0';
}

static void putn(struct sb *b, const char *s, size_t l)
{
	if (l > b->cap - b->n)
		l = b->cap - b->n;
	memcpy(b->p + b->n, s, l);
	b->n += l;
}

static void put(struct sb *b, const char *s)
{
	putn(b, s, strlen(s));
}

static void putch(struct sb *b, char c)
{
	if (b->n < b->cap)
		b->p[b->n++] = c;
}

static void putu(struct sb *b, uint64_t v)
{
	char t[24];
	int i = sizeof t;

	do {
		t[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	putn(b, t + i, sizeof t - (size_t)i);
}

static void putu0(struct sb *b, uint64_t v, int width)
{
	char t[24];
	int i = sizeof t;

	while (width-- > 0 || v) {
		t[--i] = (char)('0' + v % 10);
		v /= 10;
		if (i == 0)
			break;
	}
	putn(b, t + i, sizeof t - (size_t)i);
}

/* Postfix prints delays with two significant digits at most, trailing zeros
 * dropped, whole seconds from 10 s on: 0, 0.01, 0.1, 0.87, 4.3, 79, 92187. */
static void put_delay(struct sb *b, uint64_t cs)
{
	if (cs >= 1000) {
		putu(b, (cs + 50) / 100);
	} else if (cs >= 100) {
		uint64_t d = (cs + 5) / 10;
		putu(b, d / 10);
		if (d % 10) {
			putch(b, '.');
			putch(b, (char)('0' + d % 10));
		}
	} else if (cs == 0) {
		putch(b, '0');
	} else {
		put(b, "0.");
		putch(b, (char)('0' + cs / 10));
		if (cs % 10)
			putch(b, (char)('0' + cs % 10));
	}
}

/* ---- tables ------------------------------------------------------------ */

enum provider { P_NONE, P_GOOGLE, P_MICROSOFT, P_YAHOO, P_APPLE, P_UNITED,
	P_TONLINE, P_ORANGE, P_MAILRU, P_YANDEX, P_COMCAST, P__COUNT };

static const char *const provider_name[P__COUNT] = {
	"other", "google", "microsoft", "yahoo", "apple", "gmx/web.de",
	"t-online", "orange", "mail.ru", "yandex", "comcast"
};

/* How a failed delivery shows in the status= detail:
 *   S  host H[ip] said: TEXT (in reply to STAGE command)
 *   T  host H[ip] refused to talk to me: TEXT
 *   C  connect to H[ip]:25: TEXT          (relay=none)
 *   L  lost connection with H[ip] while TEXT
 *   O  conversation with H[ip] timed out while TEXT
 *   N  Host or domain name not found. ... TEXT   (relay=none) */
struct failure {
	unsigned w;		/* weight within the group */
	char how;
	char status;		/* 'd' deferred, 'b' bounced */
	const char *dsn;
	const char *stage;	/* "RCPT TO", "MAIL FROM", "end of DATA" */
	const char *text;	/* template, see expand() */
};

#define RCPT "RCPT TO"
#define MAIL "MAIL FROM"
#define EOD "end of DATA"

/* Replies: Google (Gmail SMTP error reference, support.google.com/a/answer/3726730) */
static const struct failure f_gmail[] = {
	{ 30, 'S', 'b', "5.1.1", RCPT, "550-5.1.1 The email account that you tried to reach does not exist. Please try 550-5.1.1 double-checking the recipient's email address for typos or 550-5.1.1 unnecessary spaces. For more information, go to 550 5.1.1  https://support.google.com/mail/?p=NoSuchUser %G - gsmtp" },
	{ 15, 'S', 'd', "4.2.2", RCPT, "452-4.2.2 The recipient's inbox is out of storage space. Please direct the 452-4.2.2 recipient to 452 4.2.2  https://support.google.com/mail/?p=OverQuotaTemp %G - gsmtp" },
	{ 10, 'S', 'd', "4.7.28", EOD, "421-4.7.28 [%I      15] Our system has detected an unusual rate of 421-4.7.28 unsolicited mail originating from your IP address. To protect our 421-4.7.28 users from spam, mail sent from your IP address has been temporarily 421-4.7.28 rate limited. Please visit 421-4.7.28  https://support.google.com/mail/?p=UnsolicitedRateLimitError to 421 4.7.28 review our Bulk Email Senders Guidelines. %G - gsmtp" },
	{ 8, 'S', 'b', "5.7.26", EOD, "550-5.7.26 This mail has been blocked because the sender is unauthenticated. 550-5.7.26 Gmail requires all senders to authenticate with either SPF or DKIM. 550-5.7.26 550-5.7.26  Authentication results: 550-5.7.26  DKIM = did not pass 550-5.7.26  SPF [%F] with ip: [%I] = did not pass 550-5.7.26 550-5.7.26  For instructions on setting up authentication, go to 550 5.7.26  https://support.google.com/mail/answer/81126#authentication %G - gsmtp" },
	{ 6, 'S', 'b', "5.7.1", EOD, "550-5.7.1 [%I] Gmail has detected that this message is likely 550-5.7.1 unsolicited mail. To reduce the amount of spam sent to Gmail, this 550-5.7.1 message has been blocked. For more information, go to 550 5.7.1  https://support.google.com/mail/?p=UnsolicitedMessageError %G - gsmtp" },
	{ 6, 'S', 'd', "4.2.1", RCPT, "450-4.2.1 The user you are trying to contact is receiving mail at a rate that 450-4.2.1 prevents additional messages from being delivered. Please resend your 450-4.2.1 message at a later time. If the user is able to receive mail at that 450-4.2.1 time, your message will be delivered. For more information, go to 450 4.2.1  https://support.google.com/mail/?p=ReceivingRate %G - gsmtp" },
	{ 5, 'C', 'd', "4.4.1", NULL, "Connection timed out" },
};
static const struct failure b_gmail = { 1, 'S', 'd', "4.7.28", EOD, "421-4.7.28 [%I      15] Our system has detected an unusual rate of 421-4.7.28 unsolicited mail originating from your IP address. To protect our 421-4.7.28 users from spam, mail sent from your IP address has been temporarily 421-4.7.28 rate limited. Please visit 421-4.7.28  https://support.google.com/mail/?p=UnsolicitedRateLimitError to 421 4.7.28 review our Bulk Email Senders Guidelines. %G - gsmtp" };

/* Microsoft: outlook.com consumer domains and Microsoft 365 tenants */
static const struct failure f_outlook[] = {
	{ 30, 'S', 'b', "5.5.0", RCPT, "550 5.5.0 Requested action not taken: mailbox unavailable (S2017062302). [%M %T %u]" },
	{ 20, 'S', 'd', "4.7.650", MAIL, "451 4.7.650 The mail server [%I] has been temporarily rate limited due to IP reputation. For e-mail delivery information, see https://postmaster.live.com (S775) [%M %T %u]" },
	{ 15, 'S', 'b', "5.7.1", MAIL, "550 5.7.1 Unfortunately, messages from [%I] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3140). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors. [%M %T %u]" },
	{ 15, 'S', 'd', "4.4.4", RCPT, "451 4.4.4 Temporary server error. Please try again later ATTR1 (in reply to RCPT TO command)" },
	{ 5, 'O', 'd', "4.4.2", NULL, "receiving the initial server greeting" },
};
static const struct failure b_outlook = { 1, 'S', 'b', "5.7.1", MAIL, "550 5.7.1 Unfortunately, messages from [%I] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors. [%M %T %u]" };

static const struct failure f_m365[] = {
	{ 40, 'S', 'b', "5.4.1", RCPT, "550 5.4.1 Recipient address rejected: Access denied. For more information see https://aka.ms/EXOSmtpErrors [%M %T %u]" },
	{ 20, 'S', 'b', "5.1.10", RCPT, "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient %R not found by SMTP address lookup" },
	{ 10, 'S', 'b', "5.2.2", RCPT, "552 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded [%M]" },
	{ 10, 'S', 'd', "4.4.4", RCPT, "451 4.4.4 Temporary server error. Please try again later ATTR1" },
};
static const struct failure b_m365 = { 1, 'S', 'b', "5.7.606", MAIL, "550 5.7.606 Access denied, banned sending IP [%I]. To request removal from this list please visit https://sender.office.com/ and follow the directions. For more information please go to  http://go.microsoft.com/fwlink/?LinkID=526655 AS(1430) [%M %T %u]" };

/* Yahoo/AOL */
static const struct failure f_yahoo[] = {
	{ 30, 'S', 'b', "5.0.0", EOD, "554 delivery error: dd This user doesn't have a %D account (%R) [0] - mta%3%2.mail.bf1.yahoo.com" },
	{ 20, 'T', 'd', "4.7.0", NULL, "421 4.7.0 [TSS04] Messages from %I temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes" },
	{ 15, 'S', 'b', "5.7.9", EOD, "554 5.7.9 Message not accepted for policy reasons.  See https://postmaster.yahooinc.com/error-codes" },
	{ 10, 'S', 'd', "4.2.2", RCPT, "452 4.2.2 [%D] Mailbox is full. Please try again later" },
};
static const struct failure b_yahoo = { 1, 'T', 'd', "4.7.0", NULL, "421 4.7.0 [TSS04] Messages from %I temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes" };

/* Apple iCloud (support.apple.com/en-us/102322) */
static const struct failure f_apple[] = {
	{ 30, 'S', 'b', "5.1.1", RCPT, "550 5.1.1 <%R>: user does not exist" },
	{ 10, 'S', 'b', "5.7.1", EOD, "554 5.7.1 [HM08] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137" },
	{ 10, 'S', 'd', "4.2.2", RCPT, "452 4.2.2 <%R>: Over quota" },
};
static const struct failure b_apple = { 1, 'S', 'b', "5.7.1", MAIL, "550 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137" };

/* United Internet (GMX, Web.de) */
static const struct failure f_united[] = {
	{ 30, 'S', 'b', "5.0.0", RCPT, "550 Requested action not taken: mailbox unavailable" },
	{ 15, 'S', 'b', "5.0.0", RCPT, "552 Requested mail action aborted: exceeded storage allocation" },
	{ 10, 'T', 'd', "4.0.0", NULL, "554-%Y (mx%Z%3) Nemesis ESMTP Service not available 554-No SMTP service 554-Bad DNS PTR resource record. 554 For explanation visit https://postmaster.%Y/en/case?c=r0601&i=ip&v=%I&r=%u" },
};
static const struct failure b_united = { 1, 'T', 'd', "4.0.0", NULL, "554-%Y (mx%Z%3) Nemesis ESMTP Service not available 554-No SMTP service 554-IP address is block listed. 554 For explanation visit https://postmaster.%Y/en/case?c=hi&i=ip&v=%I&r=%u" };

static const struct failure f_tonline[] = {
	{ 30, 'S', 'b', "5.1.1", RCPT, "550 5.1.1 <%R> recipient rejected" },
	{ 10, 'S', 'd', "4.2.2", RCPT, "452 4.2.2 <%R> mailbox full" },
};
static const struct failure b_tonline = { 1, 'T', 'd', "4.0.0", NULL, "554 IP=%I - A problem occurred. (Ask your postmaster for help or to contact tosa@rx.t-online.de to clarify.) (BL)" };

static const struct failure f_orange[] = {
	{ 30, 'S', 'b', "5.1.1", RCPT, "550 5.1.1 Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416]" },
	{ 20, 'T', 'd', "4.0.0", NULL, "421 mwinf5c%2 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR005_104 [104]" },
};
static const struct failure b_orange = { 1, 'T', 'd', "4.0.0", NULL, "554 5.7.1 mwinf5c%2 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR_999 [999]" };

static const struct failure f_mailru[] = {
	{ 30, 'S', 'b', "5.0.0", RCPT, "550 Message was not accepted -- invalid mailbox.  Local mailbox %R is unavailable: user not found" },
	{ 20, 'S', 'b', "5.0.0", EOD, "550 spam message rejected. Please visit https://help.mail.ru/notspam-support/id?c=%u or report details to abuse@corp.mail.ru. Error code: %u. ID: %u." },
};
static const struct failure b_mailru = { 1, 'S', 'b', "5.0.0", EOD, "550 spam message rejected. Please visit https://help.mail.ru/notspam-support/id?c=%u or report details to abuse@corp.mail.ru. Error code: %u. ID: %u." };

static const struct failure f_yandex[] = {
	{ 30, 'S', 'b', "5.7.1", RCPT, "550 5.7.1 No such user!" },
	{ 20, 'S', 'b', "5.7.1", EOD, "554 5.7.1 [2] Message rejected under suspicion of SPAM; https://ya.cc/1IrBc %E-%U" },
};
static const struct failure b_yandex = { 1, 'S', 'b', "5.7.1", EOD, "554 5.7.1 [2] Message rejected under suspicion of SPAM; https://ya.cc/1IrBc %E-%U" };

static const struct failure f_comcast[] = {
	{ 30, 'S', 'b', "5.1.1", RCPT, "550 5.1.1 <%R> Not our Customer" },
};
static const struct failure b_comcast = { 1, 'T', 'd', "4.0.0", NULL, "554 resimta-po-%2v.sys.comcast.net resimta-po-%2v.sys.comcast.net %I found on one or more DNSBLs, see http://postmaster.comcast.net/smtp-error-codes.php#BL000001" };

/* Small companies: mostly Postfix, some Exchange/other, greylisting, spamhaus */
static const struct failure f_small[] = {
	{ 40, 'S', 'b', "5.1.1", RCPT, "550 5.1.1 <%R>: Recipient address rejected: User unknown in virtual mailbox table" },
	{ 20, 'S', 'b', "5.1.1", RCPT, "550 5.1.1 <%R>: Recipient address rejected: User unknown in local recipient table" },
	{ 15, 'S', 'b', "5.2.2", EOD, "552 5.2.2 <%R> Quota exceeded (mailbox for user is full)" },
	{ 10, 'S', 'b', "5.2.2", RCPT, "552 5.2.2 <%R>: Recipient address rejected: Mailbox full" },
	{ 15, 'S', 'd', "4.7.1", RCPT, "450 4.7.1 <%R>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/%D.html" },
	{ 10, 'S', 'b', "5.7.1", RCPT, "554 5.7.1 Service unavailable; Client host [%I] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/%I" },
	{ 12, 'C', 'd', "4.4.1", NULL, "Connection timed out" },
	{ 6, 'C', 'd', "4.4.1", NULL, "Connection refused" },
	{ 4, 'C', 'd', "4.4.1", NULL, "No route to host" },
	{ 5, 'L', 'd', "4.4.2", NULL, "receiving the initial server greeting" },
	{ 4, 'O', 'd', "4.4.2", NULL, "sending end of data -- message may be sent more than once" },
	{ 6, 'T', 'd', "4.0.0", NULL, "554 5.7.1 %H ESMTP not accepting messages" },
	{ 4, 'N', 'd', "4.4.3", NULL, "Name service error for name=%D type=MX: Host not found, try again" },
};
static const struct failure b_small = { 1, 'S', 'b', "5.7.1", RCPT, "554 5.7.1 Service unavailable; Client host [%I] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/%I" };

static const struct failure f_typo[] = {
	{ 1, 'N', 'b', "5.4.4", NULL, "Name service error for name=%D type=MX: Host not found" },
};

#define NF(a) (int)(sizeof(a) / sizeof((a)[0]))

/* A group of domains sharing MX hosts and reply habits. MX templates may
 * use %D (domain) and %X (domain with dots as dashes). */
struct group {
	enum provider prov;
	const char *mx[4];
	const char *ok;		/* 250 reply template */
	const char *client;	/* their outbound host name (inbound mail) */
	const char *tls;	/* what our smtp client logs after "... [ip]:25: " */
	unsigned fail_permille;
	unsigned v6_permille;
	const struct failure *fail;
	int nfail;
	const struct failure *block;
};

#define TLS13 "TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits) key-exchange X25519 server-signature ECDSA (P-256) server-digest SHA256"
#define TLS13R "TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits) key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256"
#define TLS12 "TLSv1.2 with cipher ECDHE-RSA-AES256-GCM-SHA384 (256/256 bits)"

enum group_id { G_GMAIL, G_GWS, G_OUTLOOK, G_M365, G_YAHOO, G_APPLE, G_GMX, G_WEBDE,
	G_TONLINE, G_ORANGE, G_MAILRU, G_YANDEX, G_COMCAST, G_SMALL, G_TYPO, G__COUNT };

static const struct group groups[G__COUNT] = {
	[G_GMAIL] = { P_GOOGLE, { "gmail-smtp-in.l.google.com", "alt1.gmail-smtp-in.l.google.com", "alt2.gmail-smtp-in.l.google.com" },
		"250 2.0.0 OK  %E %G - gsmtp", "mail-wr1-f%2.google.com", TLS13, 45, 150, f_gmail, NF(f_gmail), &b_gmail },
	[G_GWS] = { P_GOOGLE, { "aspmx.l.google.com", "alt1.aspmx.l.google.com", "alt2.aspmx.l.google.com" },
		"250 2.0.0 OK  %E %G - gsmtp", "mail-ej1-f%2.google.com", TLS13, 45, 150, f_gmail, 2, &b_gmail },
	[G_OUTLOOK] = { P_MICROSOFT, { "%X.olc.protection.outlook.com" },
		"250 2.6.0 <%m> [InternalId=%N, Hostname=%P.namprd%2.prod.outlook.com] %S bytes in 0.%3, %3.%3 KB/sec Queued mail for delivery -> 250 2.1.5",
		"mail-%a.outbound.protection.outlook.com", TLS12, 70, 100, f_outlook, NF(f_outlook), &b_outlook },
	[G_M365] = { P_MICROSOFT, { "%X.mail.protection.outlook.com" },
		"250 2.6.0 <%m> [InternalId=%N, Hostname=%P.eurprd0%1.prod.outlook.com] %S bytes in 0.%3, %3.%3 KB/sec Queued mail for delivery",
		"mail-%a.outbound.protection.outlook.com", TLS12, 50, 100, f_m365, NF(f_m365), &b_m365 },
	[G_YAHOO] = { P_YAHOO, { "mta5.am0.yahoodns.net", "mta6.am0.yahoodns.net", "mta7.am0.yahoodns.net" },
		"250 ok dirdel", "sonic%3-%2.consmr.mail.bf2.yahoo.com", TLS12, 70, 0, f_yahoo, NF(f_yahoo), &b_yahoo },
	[G_APPLE] = { P_APPLE, { "mx01.mail.icloud.com", "mx02.mail.icloud.com" },
		"250 2.0.0 Ok: queued as 01%U", "qs51p00im-qukt0%4%4.me.com", TLS13R, 40, 0, f_apple, NF(f_apple), &b_apple },
	[G_GMX] = { P_UNITED, { "mx00.emig.gmx.net", "mx01.emig.gmx.net" },
		"250 Requested mail action okay, completed: id=1M%U-1%U", "mout.gmx.net", TLS13R, 50, 0, f_united, NF(f_united), &b_united },
	[G_WEBDE] = { P_UNITED, { "mx-ha03.web.de", "mx-ha02.web.de" },
		"250 Requested mail action okay, completed: id=1N%U-1%U", "mout.web.de", TLS13R, 50, 0, f_united, NF(f_united), &b_united },
	[G_TONLINE] = { P_TONLINE, { "mx00.t-online.de", "mx01.t-online.de", "mx02.t-online.de", "mx03.t-online.de" },
		"250 2.0.0 Message accepted.", "mailout%2.t-online.de", TLS12, 50, 0, f_tonline, NF(f_tonline), &b_tonline },
	[G_ORANGE] = { P_ORANGE, { "smtp-in.orange.fr" },
		"250 2.0.0 %U mail accepted for delivery", "smtp-%2.smtpout.orange.fr", TLS12, 50, 0, f_orange, NF(f_orange), &b_orange },
	[G_MAILRU] = { P_MAILRU, { "mxs.mail.ru" },
		"250 OK id=1t%U-00%U", "f%3.i.mail.ru", TLS13R, 70, 0, f_mailru, NF(f_mailru), &b_mailru },
	[G_YANDEX] = { P_YANDEX, { "mx.yandex.ru" },
		"250 2.0.0 Ok: queued on mail-nwsmtp-mxfront-production-main-%2.vla.yp-c.yandex.net %E-%U", "forward%3a.mail.yandex.net", TLS13, 50, 0, f_yandex, NF(f_yandex), &b_yandex },
	[G_COMCAST] = { P_COMCAST, { "mx1a1.comcast.net", "mx2c1.comcast.net" },
		"250 2.0.0 %U mail accepted for delivery", "resqmta-po-%2v.sys.comcast.net", TLS12, 50, 0, f_comcast, NF(f_comcast), &b_comcast },
	[G_SMALL] = { P_NONE, { "mx.%D", "mail.%D", "mx1.%D", "mx2.%D" },
		"250 2.0.0 Ok: queued as %Q", "mail.%D", TLS13R, 100, 50, f_small, NF(f_small), &b_small },
	[G_TYPO] = { P_NONE, { "none" }, "", "", "", 1000, 0, f_typo, NF(f_typo), NULL },
};

struct domain {
	const char *name;
	enum group_id g;
	unsigned w;		/* per mille of recipients */
};

static const struct domain big_domains[] = {
	{ "gmail.com", G_GMAIL, 280 }, { "googlemail.com", G_GMAIL, 5 },
	{ "outlook.com", G_OUTLOOK, 60 }, { "hotmail.com", G_OUTLOOK, 70 },
	{ "live.com", G_OUTLOOK, 15 }, { "msn.com", G_OUTLOOK, 5 },
	{ "hotmail.de", G_OUTLOOK, 8 }, { "hotmail.fr", G_OUTLOOK, 6 }, { "outlook.de", G_OUTLOOK, 4 },
	{ "yahoo.com", G_YAHOO, 50 }, { "yahoo.co.uk", G_YAHOO, 5 }, { "yahoo.fr", G_YAHOO, 5 },
	{ "ymail.com", G_YAHOO, 3 }, { "aol.com", G_YAHOO, 12 },
	{ "icloud.com", G_APPLE, 40 }, { "me.com", G_APPLE, 8 }, { "mac.com", G_APPLE, 3 },
	{ "gmx.de", G_GMX, 40 }, { "gmx.net", G_GMX, 15 }, { "gmx.at", G_GMX, 3 },
	{ "web.de", G_WEBDE, 40 }, { "t-online.de", G_TONLINE, 30 },
	{ "orange.fr", G_ORANGE, 15 }, { "wanadoo.fr", G_ORANGE, 5 },
	{ "mail.ru", G_MAILRU, 10 }, { "bk.ru", G_MAILRU, 2 }, { "inbox.ru", G_MAILRU, 2 }, { "list.ru", G_MAILRU, 2 },
	{ "yandex.ru", G_YANDEX, 10 }, { "ya.ru", G_YANDEX, 2 },
	{ "comcast.net", G_COMCAST, 15 },
	{ "gmail.con", G_TYPO, 1 }, { "hotmail.con", G_TYPO, 1 },
};
#define NBIG NF(big_domains)
#define COMPANY_PERMILLE 230

static const char *const co_a[] = { "nord", "alpen", "rhein", "blue", "green", "north", "sun",
	"river", "stone", "oak", "iron", "silver", "bright", "swift", "cedar", "maple", "harbor",
	"summit", "pioneer", "atlas" };
static const char *const co_b[] = { "logistik", "bau", "consult", "tech", "media", "design",
	"partners", "systems", "foods", "motors", "legal", "dental", "energy", "print", "travel",
	"immobilien", "solutions", "labs", "works", "trading" };
#define NCOMPANY (NF(co_a) * NF(co_b))

static const char *const first_names[] = { "anna", "ben", "clara", "david", "emma", "felix",
	"greta", "hannah", "ivan", "julia", "karl", "lena", "maria", "nico", "olga", "paul",
	"quentin", "rosa", "sven", "tina", "uwe", "vera", "wei", "xavier", "yuki", "zoe", "amelie",
	"bruno", "chloe", "dmitri", "elif", "fatima", "georg", "hugo", "ines", "jonas", "kemal",
	"lucas", "mia", "noah", "oscar", "pierre", "sofia", "thomas", "ulrike", "valentin",
	"wolfgang", "yusuf" };
static const char *const last_names[] = { "schmidt", "mueller", "martin", "dubois", "ivanov",
	"smith", "johnson", "garcia", "rossi", "novak", "kowalski", "nielsen", "berg", "weber",
	"fischer", "meyer", "wagner", "bernard", "petrov", "brown", "taylor", "lopez", "bianchi",
	"horvat", "jansen", "larsen", "schulz", "keller", "moreau", "sokolov" };
static const char *const our_users[] = { "alice", "bob", "carol", "dave", "erin", "frank",
	"grace", "heidi", "ivan", "judy", "mallory", "oscar", "peggy", "rupert", "sybil", "trent",
	"victor", "walter", "info", "sales", "support", "office", "billing", "newsletter" };
static const char *const our_domains[] = { "example.com", "example.org", "example.net" };
static const char *const dnsbls[] = { "zen.spamhaus.org", "b.barracudacentral.org",
	"bl.spamcop.net", "bl.mailspike.net", "psbl.surriel.com" };
static const char *const bot_helos[] = { "User", "WIN-3J5OK2M1QH8", "ylmf-pc", "localhost",
	"[198.51.100.1]", "mail.example.net", "ADMIN" };
static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
	"Aug", "Sep", "Oct", "Nov", "Dec" };

/* ---- generator state ------------------------------------------------- */

enum op {
	OP_PS_CONNECT, OP_PS_PASS_OLD, OP_PS_PASS_NEW, OP_PS_DNSBL, OP_PS_PREGREET,
	OP_PS_HANGUP, OP_PS_NOQUEUE, OP_PS_DISCONNECT, OP_DNSBLOG,
	OP_WARN_RESOLVE, OP_CONNECT, OP_TLS_IN, OP_CLIENT, OP_CLEANUP, OP_DKIM, OP_QMGR_FROM,
	OP_DISCONNECT, OP_NOQUEUE, OP_SASL_FAIL, OP_LOST_AUTH,
	OP_SMTP_TLS, OP_SMTP_CONNFAIL, OP_SMTP_STATUS, OP_LMTP, OP_DOVECOT_SAVED, OP_LOCAL,
	OP_PICKUP, OP_REMOVED, OP_EXPIRED, OP_BOUNCE_NOTE, OP_DELAY_NOTE,
	OP_IMAP_LOGIN, OP_IMAP_LOGOUT, OP_POP_LOGOUT, OP_IMAP_AUTHFAIL,
	OP_ANVIL_RATE, OP_ANVIL_COUNT, OP_ANVIL_CACHE
};

struct rcpt {
	char addr[96];
	int dom;		/* index into g->dom; -1 for our own users */
	char relay[128];	/* relay host name (or "none") */
	char rip[48];		/* relay IP */
	int v6;
	int mx, mxbase;		/* index into the group's mx[]; first MX tried */
	const struct failure *f;	/* NULL: delivered */
	int attempts;
	double arrival, last;	/* queued; last delivery attempt */
	unsigned size;		/* of the message, kept across retries */
};

struct session {
	int nops, at;
	unsigned char ops[MAXOPS];
	unsigned char arg[MAXOPS];
	int host;
	int pid;		/* smtpd / submission / postscreen client pid */
	int out_pid;		/* smtp / lmtp / local delivery pid */
	char qid[12], qid2[12];
	char cip[48], cname[128];
	unsigned cport;
	char from[96], msgid[128], user[64], session_id[24];
	unsigned size;
	int nrcpt, submission;
	int proto;		/* imap: 0, pop3: 1 */
	int dnsbl;
	int variant;		/* which reject */
	struct rcpt rc[MAXRCPT];
};

struct episode {
	enum provider prov;
	int host;
	uint64_t from, to;	/* line numbers */
};

struct gen {
	uint64_t rs;		/* splitmix64 state */
	uint64_t lines, want;
	double t, step;		/* simulated clock, mean seconds per line */
	int iso, offset_min, nhosts;
	int64_t cached_sec;
	char ts[40];
	size_t tslen;
	struct sb out;
	char hostname[MAXHOSTS][16];
	int pid[MAXHOSTS][8];	/* long-lived daemons: postscreen qmgr cleanup anvil pickup bounce dnsblog opendkim */
	int next_pid;
	char company[NCOMPANY][48];
	unsigned cum[NBIG];	/* cumulative weights of big_domains */
	unsigned cum_total;
	struct session slot[NSLOT];
	struct rcpt pool[POOL_CAP];
	char pool_qid[POOL_CAP][12];
	char pool_from[POOL_CAP][96];
	int pool_host[POOL_CAP];
	int npool;
	struct episode ep[MAXEPISODES];
	int nep;
	uint64_t n_status[3];	/* sent, deferred, bounced */
	uint64_t n_block;
	int write_error;
};

enum daemon { D_POSTSCREEN, D_QMGR, D_CLEANUP, D_ANVIL, D_PICKUP, D_BOUNCE, D_DNSBLOG, D_OPENDKIM };

static uint64_t rnd(struct gen *g)
{
	uint64_t z = (g->rs += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static unsigned below(struct gen *g, unsigned n)
{
	return (unsigned)(((rnd(g) >> 32) * n) >> 32);
}

static int chance(struct gen *g, unsigned permille)
{
	return below(g, 1000) < permille;
}

static double unit(struct gen *g)
{
	return (double)(rnd(g) >> 11) * 0x1.0p-53;
}

static uint64_t fnv(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return h;
}

/* A documentation IPv4 address (RFC 5737), never .0 or .255. */
static void doc_ip4(struct sb *b, uint64_t h)
{
	static const char *const nets[] = { "192.0.2.", "198.51.100.", "203.0.113." };
	put(b, nets[h % 3]);
	putu(b, 1 + (h >> 8) % 254);
}

static void doc_ip6(struct sb *b, uint64_t h)
{
	static const char hex[] = "0123456789abcdef";
	put(b, "2001:db8:");
	for (int i = 0; i < 4; i++)
		putch(b, hex[(h >> (4 * (3 - i) + 16)) & 15]);
	put(b, "::");
	putch(b, hex[(h >> 4) & 15]);
	putch(b, hex[h & 15]);
}

static void our_ip(struct sb *b, int host, int v6)
{
	if (v6) {
		put(b, "2001:db8:25::");
		putu(b, (uint64_t)host + 1);
	} else {
		put(b, "203.0.113.");
		putu(b, 7 + (uint64_t)host);
	}
}

/* ---- the syslog header --------------------------------------------- */

static void render_second(struct gen *g, int64_t sec)
{
	struct tm tm;
	time_t tt = (time_t)(sec + (int64_t)g->offset_min * 60);
	struct sb b;

	gmtime_r(&tt, &tm);
	sb_init(&b, g->ts, sizeof g->ts);
	if (g->iso) {
		putu0(&b, (uint64_t)tm.tm_year + 1900, 4);
		putch(&b, '-');
		putu0(&b, (uint64_t)tm.tm_mon + 1, 2);
		putch(&b, '-');
		putu0(&b, (uint64_t)tm.tm_mday, 2);
		putch(&b, 'T');
	} else {
		put(&b, months[tm.tm_mon]);
		putch(&b, ' ');
		putch(&b, tm.tm_mday < 10 ? ' ' : (char)('0' + tm.tm_mday / 10));
		putch(&b, (char)('0' + tm.tm_mday % 10));
		putch(&b, ' ');
	}
	putu0(&b, (uint64_t)tm.tm_hour, 2);
	putch(&b, ':');
	putu0(&b, (uint64_t)tm.tm_min, 2);
	putch(&b, ':');
	putu0(&b, (uint64_t)tm.tm_sec, 2);
	g->tslen = b.n;
	g->cached_sec = sec;
}

static void put_offset(struct sb *b, int off)
{
	int a = off < 0 ? -off : off;
	putch(b, off < 0 ? '-' : '+');
	putu0(b, (uint64_t)a / 60, 2);
	putch(b, ':');
	putu0(b, (uint64_t)a % 60, 2);
}

static void make_room(struct gen *g)
{
	if (g->out.cap - g->out.n < LINE_ROOM) {
		if (fwrite(g->out.p, 1, g->out.n, stdout) != g->out.n)
			g->write_error = 1;
		g->out.n = 0;
	}
}

/* Starts a line: advances the clock one tick and writes the header. */
static void hdr(struct gen *g, int host, const char *prog, int pid)
{
	make_room(g);
	g->t += 2.0 * g->step * unit(g);
	int64_t sec = (int64_t)g->t;
	if (g->t < 0 && (double)sec != g->t)
		sec--;
	if (sec != g->cached_sec)
		render_second(g, sec);
	putn(&g->out, g->ts, g->tslen);
	if (g->iso) {
		putch(&g->out, '.');
		putu0(&g->out, (uint64_t)((g->t - (double)sec) * 1e6) % 1000000, 6);
		put_offset(&g->out, g->offset_min);
	}
	putch(&g->out, ' ');
	put(&g->out, g->hostname[host]);
	putch(&g->out, ' ');
	put(&g->out, prog);
	if (pid > 0) {
		putch(&g->out, '[');
		putu(&g->out, (uint64_t)pid);
		putch(&g->out, ']');
	}
	put(&g->out, ": ");
	g->lines++;
}

static void eol(struct gen *g)
{
	putch(&g->out, '\n');
}

/* ---- templates --------------------------------------------------------- */

struct ctx {
	struct gen *g;
	const struct session *s;
	const struct rcpt *r;
};

static void put_rand(struct gen *g, struct sb *b, const char *alphabet, unsigned n, int len)
{
	for (int i = 0; i < len; i++)
		putch(b, alphabet[below(g, n)]);
}

static const char ALNUM[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
static const char LOWNUM[] = "abcdefghijklmnopqrstuvwxyz0123456789";
static const char HEXUP[] = "0123456789ABCDEF";

static const char *domain_of(const char *addr)
{
	const char *at = strrchr(addr, '@');
	return at ? at + 1 : addr;
}

/* Tokens: %I sending IP  %R recipient  %D its domain  %X domain with dashes
 * %H relay host  %m message-id  %F sender domain  %G Gmail id  %M Microsoft
 * front-end  %P Microsoft mailbox server  %T ISO time  %E epoch  %U 12 alnum
 * %u 16 hex  %a 12 lower alnum  %N 9 digits  %1 %2 %3 %4 digits  %S size
 * %Q Postfix queue id  %Y/%Z gmx.net|web.de / gmx|web (from the domain). */
static void expand(const struct ctx *c, struct sb *b, const char *t);

/* Gmail's transaction id: "b67-20020a05600c907955si0099704uuw.240" */
static void put_gmail_id(struct gen *g, struct sb *b)
{
	putch(b, (char)('a' + below(g, 26)));
	put_rand(g, b, "0123456789", 10, 2);
	put(b, "-20020a05600c");
	put_rand(g, b, "0123456789abcdef", 16, 6);
	put(b, "si");
	put_rand(g, b, "0123456789", 10, 7);
	put_rand(g, b, "abcdefghijklmnopqrstuvwxyz", 26, 3);
	putch(b, '.');
	putu(b, below(g, 999) + 1);
}

/* Microsoft's stamp in replies: "2026-11-27T00:00:00.725Z" */
static void put_ms_time(struct gen *g, struct sb *b)
{
	time_t tt = (time_t)g->t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	putu0(b, (uint64_t)tm.tm_year + 1900, 4); putch(b, '-');
	putu0(b, (uint64_t)tm.tm_mon + 1, 2); putch(b, '-');
	putu0(b, (uint64_t)tm.tm_mday, 2); putch(b, 'T');
	putu0(b, (uint64_t)tm.tm_hour, 2); putch(b, ':');
	putu0(b, (uint64_t)tm.tm_min, 2); putch(b, ':');
	putu0(b, (uint64_t)tm.tm_sec, 2); putch(b, '.');
	putu0(b, below(g, 1000), 3); put(b, "Z");
}

/* Microsoft front end: "AM4EUR03FT012.eop-EUR03.prod.protection.outlook.com" */
static void put_ms_frontend(struct gen *g, struct sb *b)
{
	static const char *const fe[] = { "AM", "DB", "VE", "HE", "BN", "SN", "CO", "MW" };
	unsigned reg = below(g, 2), n = 1 + below(g, 7);
	put(b, fe[below(g, 8)]);
	putu(b, below(g, 10));
	put(b, reg ? "NAM0" : "EUR0");
	putu(b, n);
	put(b, "FT0");
	putu0(b, below(g, 100), 2);
	put(b, reg ? ".eop-NAM0" : ".eop-EUR0");
	putu(b, n);
	put(b, ".prod.protection.outlook.com");
}

static void expand_tok(const struct ctx *c, struct sb *b, char k)
{
	struct gen *g = c->g;
	const char *d = c->r ? domain_of(c->r->addr) : "";
	int web = strcmp(d, "web.de") == 0;

	switch (k) {
	case 'I': our_ip(b, c->s->host, c->r && c->r->v6); break;
	case 'R': put(b, c->r ? c->r->addr : ""); break;
	case 'D': put(b, d); break;
	case 'X': for (; *d; d++) putch(b, *d == '.' ? '-' : *d); break;
	case 'H': put(b, c->r ? c->r->relay : ""); break;
	case 'm': put(b, c->s->msgid); break;
	case 'F': put(b, domain_of(c->s->from)); break;
	case 'G': put_gmail_id(g, b); break;
	case 'M': put_ms_frontend(g, b); break;
	case 'P':
		put(b, below(g, 2) ? "AM0PR0" : "DB9PR0");
		putu(b, below(g, 9) + 1);
		put(b, "MB");
		putu0(b, below(g, 10000), 4);
		break;
	case 'T': put_ms_time(g, b); break;
	case 'E': putu(b, (uint64_t)g->t); break;
	case 'U': put_rand(g, b, ALNUM, 62, 12); break;
	case 'u': put_rand(g, b, HEXUP, 16, 16); break;
	case 'a': put_rand(g, b, LOWNUM, 36, 12); break;
	case 'N': putu(b, 100000000 + below(g, 900000000)); break;
	case '1': case '2': case '3': case '4': {
		static const unsigned lim[] = { 10, 100, 1000, 10000 };
		putu0(b, below(g, lim[k - '1']), k - '0');
		break;
	}
	case 'S': putu(b, c->s->size); break;
	case 'Q': put_rand(g, b, HEXUP, 16, 10); break;
	case 'Y': put(b, web ? "web.de" : "gmx.net"); break;
	case 'Z': put(b, web ? "web" : "gmx"); break;
	default: putch(b, '%'); putch(b, k); break;
	}
}

static void expand(const struct ctx *c, struct sb *b, const char *t)
{
	for (;;) {
		const char *p = strchr(t, '%');
		if (!p) {
			put(b, t);
			return;
		}
		putn(b, t, (size_t)(p - t));
		if (!p[1])
			return;
		expand_tok(c, b, p[1]);
		t = p + 2;
	}
}

static void expand_to(struct gen *g, const struct session *s, const struct rcpt *r,
		      char *dst, size_t size, const char *t)
{
	struct ctx c = { g, s, r };
	struct sb b;
	sb_init(&b, dst, size);
	expand(&c, &b, t);
	sb_end(&b);
}

/* ---- picking people, domains, hosts ------------------------------------ */

static int pick_domain(struct gen *g)
{
	unsigned x = below(g, g->cum_total + COMPANY_PERMILLE);
	if (x >= g->cum_total)
		return NBIG + (int)below(g, NCOMPANY);
	int lo = 0, hi = NBIG - 1;
	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (x < g->cum[mid])
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

static const char *dom_name(const struct gen *g, int dom)
{
	return dom < NBIG ? big_domains[dom].name : g->company[dom - NBIG];
}

/* Companies host their own MX (55 %), on Microsoft 365 (30 %) or Google (15 %). */
static enum group_id dom_group(const struct gen *g, int dom)
{
	if (dom < NBIG)
		return big_domains[dom].g;
	uint64_t h = fnv(g->company[dom - NBIG]) % 100;
	return h < 55 ? G_SMALL : h < 85 ? G_M365 : G_GWS;
}

static void person_local(struct gen *g, struct sb *b)
{
	const char *f = first_names[below(g, NF(first_names))];
	const char *l = last_names[below(g, NF(last_names))];
	switch (below(g, 6)) {
	case 0: put(b, f); putch(b, '.'); put(b, l); break;
	case 1: put(b, f); put(b, l); break;
	case 2: put(b, f); putch(b, '_'); put(b, l); break;
	case 3: putch(b, f[0]); putch(b, '.'); put(b, l); break;
	case 4: put(b, f); putu(b, 1 + below(g, 9999)); break;
	default: put(b, f); putch(b, '.'); put(b, l); putu(b, 1950 + below(g, 60)); break;
	}
}

static void remote_addr(struct gen *g, char *dst, size_t size, int dom)
{
	struct sb b;
	sb_init(&b, dst, size);
	person_local(g, &b);
	putch(&b, '@');
	put(&b, dom_name(g, dom));
	sb_end(&b);
}

static void our_addr(struct gen *g, char *dst, size_t size)
{
	struct sb b;
	sb_init(&b, dst, size);
	put(&b, our_users[below(g, NF(our_users))]);
	putch(&b, '@');
	put(&b, our_domains[below(g, 3)]);
	sb_end(&b);
}

static void make_qid(struct gen *g, char *q)
{
	for (int i = 0; i < 10; i++)
		q[i] = HEXUP[below(g, 16)];
	q[10] = '\0';
}

static void random_ip(struct gen *g, char *dst, size_t size, int v6)
{
	struct sb b;
	sb_init(&b, dst, size);
	if (v6)
		doc_ip6(&b, rnd(g));
	else
		doc_ip4(&b, rnd(g));
	sb_end(&b);
}

/* Chooses the relay for r (already holding addr and dom). */
static void choose_relay(struct gen *g, struct session *s, struct rcpt *r)
{
	enum group_id gid = dom_group(g, r->dom);
	const struct group *gr = &groups[gid];
	int nmx = 0;
	while (nmx < 4 && gr->mx[nmx])
		nmx++;
	r->mxbase = 0;
	if (gid == G_SMALL) {	/* a company has either mx./mail. or mx1./mx2. */
		r->mxbase = (int)(fnv(domain_of(r->addr)) % 2) * 2;
		nmx = 2;
	}
	r->mx = r->mxbase + (below(g, 10) < 8 ? 0 : (int)below(g, (unsigned)nmx));
	expand_to(g, s, r, r->relay, sizeof r->relay, gr->mx[r->mx]);
	r->v6 = chance(g, gr->v6_permille);
	struct sb b;
	sb_init(&b, r->rip, sizeof r->rip);
	if (r->v6)
		doc_ip6(&b, fnv(r->relay) ^ below(g, 4));
	else
		doc_ip4(&b, fnv(r->relay) + below(g, 4) * 0x100);
	sb_end(&b);
}

static const struct episode *active_episode(const struct gen *g, enum provider p, int host)
{
	for (int i = 0; i < g->nep; i++)
		if (g->ep[i].prov == p && g->ep[i].host == host &&
		    g->lines >= g->ep[i].from && g->lines < g->ep[i].to)
			return &g->ep[i];
	return NULL;
}

/* Decides r->f: a block during an episode, else the group's failure mix. */
static void choose_outcome(struct gen *g, struct session *s, struct rcpt *r)
{
	const struct group *gr = &groups[dom_group(g, r->dom)];
	r->f = NULL;
	if (gr->block && gr->prov != P_NONE && active_episode(g, gr->prov, s->host)) {
		r->f = gr->block;
		r->v6 = 0;	/* the block names one sending IP */
		struct sb b;
		sb_init(&b, r->rip, sizeof r->rip);
		doc_ip4(&b, fnv(r->relay));
		sb_end(&b);
		g->n_block++;
		return;
	}
	if (!chance(g, gr->fail_permille))
		return;
	unsigned tot = 0;
	for (int i = 0; i < gr->nfail; i++)
		tot += gr->fail[i].w;
	unsigned x = below(g, tot);
	for (int i = 0; i < gr->nfail; i++) {
		if (x < gr->fail[i].w) {
			r->f = &gr->fail[i];
			return;
		}
		x -= gr->fail[i].w;
	}
}

static int out_pid(struct gen *g)
{
	return 10000 + (int)below(g, 30000);
}

static void session_client(struct gen *g, struct session *s, int dom, int known)
{
	random_ip(g, s->cip, sizeof s->cip, chance(g, 80));
	s->cport = 1024 + below(g, 64000);
	if (!known) {
		snprintf(s->cname, sizeof s->cname, "unknown");
		return;
	}
	const struct group *gr = &groups[dom_group(g, dom)];
	struct rcpt r = { .dom = dom };
	snprintf(r.addr, sizeof r.addr, "x@%s", dom_name(g, dom));
	expand_to(g, s, &r, s->cname, sizeof s->cname, gr->client);
}

/* ---- session plans ------------------------------------------------------ */

/* Message-ID from a template, completed with the sender's domain when the
 * template ends in '@'. */
static void make_msgid(struct gen *g, struct session *s, const char *t)
{
	expand_to(g, s, NULL, s->msgid, sizeof s->msgid, t);
	size_t n = strlen(s->msgid);
	if (n && s->msgid[n - 1] == '@')
		snprintf(s->msgid + n, sizeof s->msgid - n, "%s", domain_of(s->from));
}

static void plan(struct session *s, enum op op, int arg)
{
	if (s->nops < MAXOPS) {
		s->ops[s->nops] = (unsigned char)op;
		s->arg[s->nops] = (unsigned char)arg;
		s->nops++;
	}
}

static void plan_inbound(struct gen *g, struct session *s)
{
	int dom = pick_domain(g);
	if (dom_group(g, dom) == G_TYPO)
		dom = 0;
	session_client(g, s, dom, 1);
	remote_addr(g, s->from, sizeof s->from, dom);
	our_addr(g, s->rc[0].addr, sizeof s->rc[0].addr);
	s->rc[0].dom = -1;
	s->nrcpt = 1;
	make_qid(g, s->qid);
	make_msgid(g, s, dom_group(g, dom) == G_GMAIL ? "CA+%a%a@mail.gmail.com" : "%u.%4@");
	s->size = 2000 + below(g, 60000);
	s->rc[0].f = chance(g, 4) ? &f_small[2] : NULL;	/* Dovecot: over quota */
	plan(s, OP_PS_CONNECT, 0);
	plan(s, chance(g, 900) ? OP_PS_PASS_OLD : OP_PS_PASS_NEW, 0);
	plan(s, OP_CONNECT, 0);
	plan(s, OP_TLS_IN, 0);
	plan(s, OP_CLIENT, 0);
	plan(s, OP_CLEANUP, 0);
	plan(s, OP_QMGR_FROM, 0);
	plan(s, OP_DISCONNECT, 0);
	plan(s, OP_LMTP, 0);
	if (!s->rc[0].f) {
		plan(s, OP_DOVECOT_SAVED, 0);
		plan(s, OP_REMOVED, 0);
	}
}

static void plan_outbound(struct gen *g, struct session *s)
{
	s->submission = 1;
	session_client(g, s, 0, 0);
	our_addr(g, s->from, sizeof s->from);
	make_qid(g, s->qid);
	make_msgid(g, s, "%u%4.%a@");
	s->size = chance(g, 50) ? 500000 + below(g, 4000000) : 1500 + below(g, 40000);
	s->nrcpt = chance(g, 800) ? 1 : 2 + (int)below(g, MAXRCPT - 1);
	int bounced = 0, deferred = 0;
	for (int i = 0; i < s->nrcpt; i++) {
		struct rcpt *r = &s->rc[i];
		r->dom = pick_domain(g);
		remote_addr(g, r->addr, sizeof r->addr, r->dom);
		choose_relay(g, s, r);
		choose_outcome(g, s, r);
		r->attempts = 1;
		r->arrival = r->last = g->t;
		r->size = s->size;
		bounced += r->f && r->f->status == 'b';
		deferred += r->f && r->f->status == 'd';
	}
	plan(s, OP_CONNECT, 0);
	plan(s, OP_TLS_IN, 0);
	plan(s, OP_CLIENT, 0);
	plan(s, OP_CLEANUP, 0);
	plan(s, OP_DKIM, 0);
	plan(s, OP_QMGR_FROM, 0);
	plan(s, OP_DISCONNECT, 0);
	for (int i = 0; i < s->nrcpt; i++) {
		const struct failure *f = s->rc[i].f;
		if (f && f->how == 'C' && groups[dom_group(g, s->rc[i].dom)].mx[1])
			plan(s, OP_SMTP_CONNFAIL, i);
		else if (!f || f->how == 'S')
			plan(s, OP_SMTP_TLS, i);
		plan(s, OP_SMTP_STATUS, i);
	}
	if (bounced) {
		make_qid(g, s->qid2);
		plan(s, OP_BOUNCE_NOTE, 0);
	}
	if (!deferred)
		plan(s, OP_REMOVED, 0);
}

/* Postfix's retry schedule: minimal_backoff_time 300s, doubling up to
 * maximal_backoff_time 4000s (postconf(5)). */
static int retry_due(const struct gen *g, const struct rcpt *r)
{
	double backoff = 300.0 * (double)(1u << (r->attempts < 5 ? r->attempts - 1 : 4));
	return g->t - r->last >= (backoff < 4000 ? backoff : 4000);
}

/* Pool entry i (due for a retry) tries again; after five attempts it expires
 * (a short maximal_queue_lifetime keeps that visible in a short log). */
static void plan_retry(struct gen *g, struct session *s, unsigned i)
{
	s->rc[0] = g->pool[i];
	memcpy(s->qid, g->pool_qid[i], sizeof s->qid);
	memcpy(s->from, g->pool_from[i], sizeof s->from);
	s->host = g->pool_host[i];
	g->npool--;
	g->pool[i] = g->pool[g->npool];
	memcpy(g->pool_qid[i], g->pool_qid[g->npool], sizeof g->pool_qid[i]);
	memcpy(g->pool_from[i], g->pool_from[g->npool], sizeof g->pool_from[i]);
	g->pool_host[i] = g->pool_host[g->npool];

	struct rcpt *r = &s->rc[0];
	s->nrcpt = 1;
	s->size = r->size;
	r->attempts++;
	r->last = g->t;
	make_msgid(g, s, "%u%4.%a@");
	plan(s, OP_QMGR_FROM, 0);
	if (r->attempts > 5) {
		make_qid(g, s->qid2);
		plan(s, OP_EXPIRED, 0);
		plan(s, OP_BOUNCE_NOTE, 0);
		plan(s, OP_REMOVED, 0);
		return;
	}
	choose_relay(g, s, r);
	choose_outcome(g, s, r);
	if (r->f && r->f->status == 'd' && r->attempts == 3) {
		make_qid(g, s->qid2);
		plan(s, OP_DELAY_NOTE, 0);
	}
	if (!r->f || r->f->how == 'S')
		plan(s, OP_SMTP_TLS, 0);
	plan(s, OP_SMTP_STATUS, 0);
	if (!r->f || r->f->status == 'b') {
		if (r->f) {
			make_qid(g, s->qid2);
			plan(s, OP_BOUNCE_NOTE, 0);
		}
		plan(s, OP_REMOVED, 0);
	}
}

static void plan_bot(struct gen *g, struct session *s)
{
	session_client(g, s, 0, 0);
	remote_addr(g, s->from, sizeof s->from, pick_domain(g));
	our_addr(g, s->rc[0].addr, sizeof s->rc[0].addr);
	s->dnsbl = (int)below(g, NF(dnsbls));
	plan(s, OP_PS_CONNECT, 0);
	switch (below(g, 4)) {
	case 0:
		plan(s, OP_PS_PREGREET, 0);
		break;
	case 1:
		plan(s, OP_PS_HANGUP, 0);
		break;
	default:
		plan(s, OP_DNSBLOG, 0);
		plan(s, OP_PS_DNSBL, 0);
		plan(s, OP_PS_NOQUEUE, 0);
		break;
	}
	plan(s, OP_PS_DISCONNECT, 0);
}

static void plan_reject(struct gen *g, struct session *s)
{
	int known = chance(g, 500);
	session_client(g, s, NBIG + (int)below(g, NCOMPANY), known);
	remote_addr(g, s->from, sizeof s->from, pick_domain(g));
	if (chance(g, 400))
		remote_addr(g, s->rc[0].addr, sizeof s->rc[0].addr, pick_domain(g));	/* relay attempt */
	else
		our_addr(g, s->rc[0].addr, sizeof s->rc[0].addr);
	s->variant = (int)below(g, 3);
	plan(s, OP_PS_CONNECT, 0);
	plan(s, OP_PS_PASS_NEW, 0);
	if (!known)
		plan(s, OP_WARN_RESOLVE, 0);
	plan(s, OP_CONNECT, 0);
	if (chance(g, 500))
		plan(s, OP_TLS_IN, 0);
	plan(s, OP_NOQUEUE, 0);
	plan(s, OP_DISCONNECT, 1);
}

static void plan_sasl(struct gen *g, struct session *s)
{
	s->submission = 1;
	session_client(g, s, 0, 0);
	plan(s, OP_CONNECT, 0);
	plan(s, OP_SASL_FAIL, 0);
	plan(s, OP_LOST_AUTH, 0);
	plan(s, OP_DISCONNECT, 2);
}

static void plan_imap(struct gen *g, struct session *s)
{
	random_ip(g, s->cip, sizeof s->cip, chance(g, 700));
	our_addr(g, s->user, sizeof s->user);
	expand_to(g, s, NULL, s->session_id, sizeof s->session_id, "%U");
	s->proto = chance(g, 150);
	s->pid = out_pid(g);
	if (chance(g, 100)) {
		plan(s, OP_IMAP_AUTHFAIL, 0);
		return;
	}
	plan(s, OP_IMAP_LOGIN, 0);
	plan(s, s->proto ? OP_POP_LOGOUT : OP_IMAP_LOGOUT, 0);
}

static void plan_local(struct gen *g, struct session *s)
{
	make_qid(g, s->qid);
	snprintf(s->from, sizeof s->from, "root");
	snprintf(s->rc[0].addr, sizeof s->rc[0].addr, "root@%s.example.com", g->hostname[s->host]);
	expand_to(g, s, NULL, s->msgid, sizeof s->msgid, "2026%4%4.");
	snprintf(s->msgid + strlen(s->msgid), sizeof s->msgid - strlen(s->msgid), "%s@%s.example.com",
		 s->qid, g->hostname[s->host]);
	s->size = 600 + below(g, 3000);
	s->nrcpt = 1;
	plan(s, OP_PICKUP, 0);
	plan(s, OP_CLEANUP, 0);
	plan(s, OP_QMGR_FROM, 0);
	plan(s, OP_LOCAL, 0);
	plan(s, OP_REMOVED, 0);
}

static void plan_anvil(struct gen *g, struct session *s)
{
	random_ip(g, s->cip, sizeof s->cip, 0);
	s->submission = chance(g, 300);
	plan(s, OP_ANVIL_RATE, 0);
	plan(s, OP_ANVIL_COUNT, 0);
	plan(s, OP_ANVIL_CACHE, 0);
}

static void new_session(struct gen *g, struct session *s)
{
	memset(s, 0, sizeof *s);
	s->host = (int)below(g, (unsigned)g->nhosts);
	s->pid = out_pid(g);
	s->out_pid = out_pid(g);
	unsigned x = below(g, 1000);
	unsigned due = g->npool > 0 ? below(g, (unsigned)g->npool) : 0;
	if (g->npool > 0 && x < 100 && retry_due(g, &g->pool[due]))
		plan_retry(g, s, due);
	else if (x < 350)
		plan_inbound(g, s);
	else if (x < 550)
		plan_outbound(g, s);
	else if (x < 750)
		plan_bot(g, s);
	else if (x < 830)
		plan_reject(g, s);
	else if (x < 870)
		plan_sasl(g, s);
	else if (x < 960)
		plan_imap(g, s);
	else if (x < 990)
		plan_local(g, s);
	else
		plan_anvil(g, s);
}

/* ---- rendering one planned line ------------------------------------ */

static const char *smtpd_prog(const struct session *s)
{
	return s->submission ? "postfix/submission/smtpd" : "postfix/smtpd";
}

static void put_client(struct gen *g, const struct session *s)
{
	put(&g->out, s->cname);
	putch(&g->out, '[');
	put(&g->out, s->cip);
	putch(&g->out, ']');
}

static void put_ps_client(struct gen *g, const struct session *s)
{
	putch(&g->out, '[');
	put(&g->out, s->cip);
	put(&g->out, "]:");
	putu(&g->out, s->cport);
}

static void put_relay(struct gen *g, const struct rcpt *r, int port)
{
	put(&g->out, r->relay);
	putch(&g->out, '[');
	put(&g->out, r->rip);
	putch(&g->out, ']');
	if (port)
		put(&g->out, ":25");
}

static void put_delays(struct gen *g, unsigned a, unsigned b, unsigned c, unsigned d)
{
	put(&g->out, ", delay=");
	put_delay(&g->out, (uint64_t)a + b + c + d);
	put(&g->out, ", delays=");
	put_delay(&g->out, a);
	putch(&g->out, '/');
	put_delay(&g->out, b);
	putch(&g->out, '/');
	put_delay(&g->out, c);
	putch(&g->out, '/');
	put_delay(&g->out, d);
}

/* Deferred recipients go to the retry pool (the oldest is dropped when full). */
static void pool_add(struct gen *g, const struct session *s, const struct rcpt *r)
{
	int i = g->npool < POOL_CAP ? g->npool++ : (int)below(g, POOL_CAP);
	g->pool[i] = *r;
	memcpy(g->pool_qid[i], s->qid, sizeof s->qid);
	memcpy(g->pool_from[i], s->from, sizeof s->from);
	g->pool_host[i] = s->host;
}

static void render_failure_detail(struct gen *g, const struct session *s, const struct rcpt *r)
{
	const struct failure *f = r->f;
	struct ctx c = { g, s, r };
	switch (f->how) {
	case 'S':
		put(&g->out, "host ");
		put_relay(g, r, 0);
		put(&g->out, " said: ");
		expand(&c, &g->out, f->text);
		put(&g->out, " (in reply to ");
		put(&g->out, f->stage);
		put(&g->out, " command)");
		break;
	case 'T':
		put(&g->out, "host ");
		put_relay(g, r, 0);
		put(&g->out, " refused to talk to me: ");
		expand(&c, &g->out, f->text);
		break;
	case 'C':
		put(&g->out, "connect to ");
		put_relay(g, r, 1);
		put(&g->out, ": ");
		put(&g->out, f->text);
		break;
	case 'L':
	case 'O':
		put(&g->out, f->how == 'L' ? "lost connection with " : "conversation with ");
		put_relay(g, r, 0);
		put(&g->out, f->how == 'L' ? " while " : " timed out while ");
		put(&g->out, f->text);
		break;
	default:
		put(&g->out, "Host or domain name not found. ");
		expand(&c, &g->out, f->text);
		break;
	}
}

static void render_smtp_status(struct gen *g, struct session *s, int i)
{
	struct rcpt *r = &s->rc[i];
	const struct failure *f = r->f;
	int norelay = f && (f->how == 'C' || f->how == 'N');
	unsigned a = r->attempts > 1 ? (unsigned)((g->t - r->arrival) * 100) : 1 + below(g, 120);
	unsigned conn = f && f->how == 'C' && strcmp(f->text, "Connection timed out") == 0
		? 3000 + below(g, 100) : 5 + below(g, 90);

	hdr(g, s->host, "postfix/smtp", s->out_pid);
	put(&g->out, s->qid);
	put(&g->out, ": to=<");
	put(&g->out, r->addr);
	put(&g->out, ">, relay=");
	if (norelay)
		put(&g->out, "none");
	else
		put_relay(g, r, 1);
	put_delays(g, a, below(g, 5), conn, f && f->how != 'S' ? 0 : 10 + below(g, 150));
	put(&g->out, ", dsn=");
	put(&g->out, f ? f->dsn : "2.0.0");
	put(&g->out, ", status=");
	if (!f) {
		struct ctx c = { g, s, r };
		put(&g->out, "sent (");
		expand(&c, &g->out, groups[dom_group(g, r->dom)].ok);
		g->n_status[0]++;
	} else {
		put(&g->out, f->status == 'b' ? "bounced (" : "deferred (");
		render_failure_detail(g, s, r);
		g->n_status[f->status == 'b' ? 2 : 1]++;
		if (f->status == 'd')
			pool_add(g, s, r);
	}
	putch(&g->out, ')');
	eol(g);
}

static void render_smtp_pre(struct gen *g, struct session *s, enum op op, int i)
{
	struct rcpt *r = &s->rc[i];
	const struct group *gr = &groups[dom_group(g, r->dom)];
	hdr(g, s->host, "postfix/smtp", s->out_pid);
	if (op == OP_SMTP_TLS) {
		put(&g->out, gr->prov == P_NONE && chance(g, 400) ? "Untrusted" : "Trusted");
		put(&g->out, " TLS connection established to ");
		put_relay(g, r, 1);
		put(&g->out, ": ");
		put(&g->out, gr->tls);
	} else {	/* the first MX failed; the status line names the next one */
		struct rcpt first = *r;
		expand_to(g, s, r, first.relay, sizeof first.relay, gr->mx[r->mxbase]);
		if (r->mx == r->mxbase) {
			r->mx = r->mxbase + 1;
			expand_to(g, s, r, r->relay, sizeof r->relay, gr->mx[r->mx]);
			struct sb b;
			sb_init(&b, r->rip, sizeof r->rip);
			doc_ip4(&b, fnv(r->relay));
			sb_end(&b);
		}
		put(&g->out, "connect to ");
		put_relay(g, &first, 1);
		put(&g->out, ": ");
		put(&g->out, r->f->text);
	}
	eol(g);
}

static void put_ps_noqueue(struct gen *g, const struct session *s)
{
	put(&g->out, "NOQUEUE: reject: RCPT from ");
	put_ps_client(g, s);
	put(&g->out, ": 550 5.7.1 Service unavailable; client [");
	put(&g->out, s->cip);
	put(&g->out, "] blocked using ");
	put(&g->out, dnsbls[s->dnsbl]);
	put(&g->out, "; from=<");
	put(&g->out, s->from);
	put(&g->out, ">, to=<");
	put(&g->out, s->rc[0].addr);
	put(&g->out, ">, proto=ESMTP, helo=<");
	put(&g->out, bot_helos[below(g, NF(bot_helos))]);
	putch(&g->out, '>');
}

static void render_postscreen(struct gen *g, struct session *s, enum op op)
{
	if (op == OP_DNSBLOG) {
		hdr(g, s->host, "postfix/dnsblog", g->pid[s->host][D_DNSBLOG]);
		put(&g->out, "addr ");
		put(&g->out, s->cip);
		put(&g->out, " listed by domain ");
		put(&g->out, dnsbls[s->dnsbl]);
		put(&g->out, s->dnsbl == 0 ? " as 127.0.0.4" : " as 127.0.0.2");
		eol(g);
		return;
	}
	hdr(g, s->host, "postfix/postscreen", g->pid[s->host][D_POSTSCREEN]);
	switch (op) {
	case OP_PS_CONNECT:
		put(&g->out, "CONNECT from ");
		put_ps_client(g, s);
		put(&g->out, " to [");
		our_ip(&g->out, s->host, 0);
		put(&g->out, "]:25");
		break;
	case OP_PS_PASS_OLD: put(&g->out, "PASS OLD "); put_ps_client(g, s); break;
	case OP_PS_PASS_NEW: put(&g->out, "PASS NEW "); put_ps_client(g, s); break;
	case OP_PS_DNSBL:
		put(&g->out, "DNSBL rank ");
		putu(&g->out, 3 + below(g, 6));
		put(&g->out, " for ");
		put_ps_client(g, s);
		break;
	case OP_PS_PREGREET:
		put(&g->out, "PREGREET ");
		putu(&g->out, 11 + below(g, 20));
		put(&g->out, " after 0.");
		putu0(&g->out, below(g, 100), 2);
		put(&g->out, " from ");
		put_ps_client(g, s);
		put(&g->out, ": EHLO ");
		put(&g->out, bot_helos[below(g, NF(bot_helos))]);
		put(&g->out, "\\r\\n");
		break;
	case OP_PS_HANGUP:
		put(&g->out, "HANGUP after ");
		put_delay(&g->out, 1 + below(g, 900));
		put(&g->out, " from ");
		put_ps_client(g, s);
		put(&g->out, " in tests before SMTP handshake");
		break;
	case OP_PS_NOQUEUE: put_ps_noqueue(g, s); break;
	default:
		put(&g->out, "DISCONNECT ");
		put_ps_client(g, s);
		break;
	}
	eol(g);
}

static void put_smtpd_noqueue(struct gen *g, const struct session *s)
{
	put(&g->out, "NOQUEUE: reject: RCPT from ");
	put_client(g, s);
	put(&g->out, ": ");
	if (strcmp(s->cname, "unknown") == 0 && s->variant == 0) {
		put(&g->out, "450 4.7.25 Client host rejected: cannot find your hostname, [");
		put(&g->out, s->cip);
		putch(&g->out, ']');
	} else if (strstr(s->rc[0].addr, "@example.") == NULL) {
		put(&g->out, "454 4.7.1 <");
		put(&g->out, s->rc[0].addr);
		put(&g->out, ">: Relay access denied");
	} else {
		put(&g->out, "550 5.1.1 <");
		put(&g->out, s->rc[0].addr);
		put(&g->out, ">: Recipient address rejected: User unknown in virtual mailbox table");
	}
	put(&g->out, "; from=<");
	put(&g->out, s->from);
	put(&g->out, "> to=<");
	put(&g->out, s->rc[0].addr);
	put(&g->out, "> proto=ESMTP helo=<");
	put(&g->out, strcmp(s->cname, "unknown") ? s->cname : bot_helos[1]);
	putch(&g->out, '>');
}

/* The command counts smtpd logs at disconnect: 1 rejected, 2 failed AUTH. */
static void put_disconnect(struct gen *g, const struct session *s, int kind)
{
	put(&g->out, "disconnect from ");
	put_client(g, s);
	if (kind == 1) {
		put(&g->out, " ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4");
	} else if (kind == 2) {
		put(&g->out, " ehlo=1 auth=0/1 commands=1/2");
	} else if (s->submission) {
		put(&g->out, " ehlo=2 starttls=1 auth=1 mail=1 rcpt=");
		putu(&g->out, (uint64_t)s->nrcpt);
		put(&g->out, " data=1 quit=1 commands=");
		putu(&g->out, 7 + (uint64_t)s->nrcpt);
	} else {
		put(&g->out, " ehlo=2 starttls=1 mail=1 rcpt=1 data=1 quit=1 commands=7");
	}
}

static void render_smtpd(struct gen *g, struct session *s, enum op op, int arg)
{
	hdr(g, s->host, smtpd_prog(s), s->pid);
	switch (op) {
	case OP_WARN_RESOLVE:
		put(&g->out, "warning: hostname ");
		expand_to(g, s, NULL, s->cname, sizeof s->cname, "%a.dyn.example.net");
		put(&g->out, s->cname);
		put(&g->out, " does not resolve to address ");
		put(&g->out, s->cip);
		put(&g->out, chance(g, 500) ? ": Name or service not known" : "");
		snprintf(s->cname, sizeof s->cname, "unknown");
		break;
	case OP_CONNECT: put(&g->out, "connect from "); put_client(g, s); break;
	case OP_TLS_IN:
		put(&g->out, "Anonymous TLS connection established from ");
		put_client(g, s);
		put(&g->out, ": " TLS13R);
		break;
	case OP_CLIENT:
		put(&g->out, s->qid);
		put(&g->out, ": client=");
		put_client(g, s);
		if (s->submission) {
			put(&g->out, ", sasl_method=PLAIN, sasl_username=");
			put(&g->out, s->from);
		}
		break;
	case OP_NOQUEUE: put_smtpd_noqueue(g, s); break;
	case OP_SASL_FAIL:
		put(&g->out, "warning: unknown[");
		put(&g->out, s->cip);
		put(&g->out, "]: SASL LOGIN authentication failed: UGFzc3dvcmQ6");
		break;
	case OP_LOST_AUTH: put(&g->out, "lost connection after AUTH from "); put_client(g, s); break;
	default: put_disconnect(g, s, arg); break;
	}
	eol(g);
}

static void render_queue(struct gen *g, struct session *s, enum op op)
{
	int h = s->host;
	switch (op) {
	case OP_CLEANUP:
		hdr(g, h, "postfix/cleanup", g->pid[h][D_CLEANUP]);
		put(&g->out, s->qid);
		put(&g->out, ": message-id=<");
		put(&g->out, s->msgid);
		putch(&g->out, '>');
		break;
	case OP_DKIM:
		hdr(g, h, "opendkim", g->pid[h][D_OPENDKIM]);
		put(&g->out, s->qid);
		put(&g->out, ": DKIM-Signature field added (s=mail, d=");
		put(&g->out, domain_of(s->from));
		putch(&g->out, ')');
		break;
	case OP_PICKUP:
		hdr(g, h, "postfix/pickup", g->pid[h][D_PICKUP]);
		put(&g->out, s->qid);
		put(&g->out, ": uid=0 from=<root>");
		break;
	case OP_QMGR_FROM:
		hdr(g, h, "postfix/qmgr", g->pid[h][D_QMGR]);
		put(&g->out, s->qid);
		put(&g->out, ": from=<");
		put(&g->out, s->from);
		put(&g->out, ">, size=");
		putu(&g->out, s->size);
		put(&g->out, ", nrcpt=");
		putu(&g->out, (uint64_t)s->nrcpt);
		put(&g->out, " (queue active)");
		break;
	case OP_EXPIRED:
		hdr(g, h, "postfix/qmgr", g->pid[h][D_QMGR]);
		put(&g->out, s->qid);
		put(&g->out, ": from=<");
		put(&g->out, s->from);
		put(&g->out, ">, status=expired, returned to sender");
		break;
	case OP_BOUNCE_NOTE:
	case OP_DELAY_NOTE:
		hdr(g, h, "postfix/bounce", g->pid[h][D_BOUNCE]);
		put(&g->out, s->qid);
		put(&g->out, op == OP_BOUNCE_NOTE ? ": sender non-delivery notification: "
						  : ": sender delay notification: ");
		put(&g->out, s->qid2);
		break;
	default:
		hdr(g, h, "postfix/qmgr", g->pid[h][D_QMGR]);
		put(&g->out, s->qid);
		put(&g->out, ": removed");
		break;
	}
	eol(g);
}

static void render_mailbox(struct gen *g, struct session *s, enum op op)
{
	const struct rcpt *r = &s->rc[0];
	int h = s->host;
	if (op == OP_DOVECOT_SAVED) {
		hdr(g, h, "dovecot", 0);
		put(&g->out, "lmtp(");
		put(&g->out, r->addr);
		put(&g->out, ")<");
		putu(&g->out, (uint64_t)s->out_pid + 7);
		put(&g->out, "><");
		put(&g->out, s->session_id);
		put(&g->out, ">: msgid=<");
		put(&g->out, s->msgid);
		put(&g->out, ">: saved mail to INBOX");
		eol(g);
		return;
	}
	hdr(g, h, op == OP_LOCAL ? "postfix/local" : "postfix/lmtp", s->out_pid);
	put(&g->out, s->qid);
	put(&g->out, ": to=<");
	put(&g->out, r->addr);
	if (op == OP_LOCAL) {
		put(&g->out, ">, orig_to=<root>, relay=local");
	} else {
		put(&g->out, ">, relay=");
		put(&g->out, g->hostname[h]);
		put(&g->out, ".example.com[private/dovecot-lmtp]");
	}
	put_delays(g, 1 + below(g, 20), below(g, 2), below(g, 2), 1 + below(g, 8));
	if (r->f) {
		put(&g->out, ", dsn=4.2.2, status=deferred (host ");
		put(&g->out, g->hostname[h]);
		put(&g->out, ".example.com[private/dovecot-lmtp] said: 452 4.2.2 <");
		put(&g->out, r->addr);
		put(&g->out, "> Quota exceeded (mailbox for user is full) (in reply to end of DATA command))");
		g->n_status[1]++;
	} else if (op == OP_LOCAL) {
		put(&g->out, ", dsn=2.0.0, status=sent (delivered to mailbox)");
		g->n_status[0]++;
	} else {
		expand_to(g, s, NULL, s->session_id, sizeof s->session_id, "%U%4");
		put(&g->out, ", dsn=2.0.0, status=sent (250 2.0.0 <");
		put(&g->out, r->addr);
		put(&g->out, "> ");
		put(&g->out, s->session_id);
		put(&g->out, " Saved)");
		g->n_status[0]++;
	}
	eol(g);
}

static void render_dovecot(struct gen *g, struct session *s, enum op op)
{
	const char *proto = s->proto ? "pop3" : "imap";
	hdr(g, s->host, "dovecot", 0);
	if (op == OP_IMAP_LOGIN || op == OP_IMAP_AUTHFAIL) {
		put(&g->out, proto);
		put(&g->out, op == OP_IMAP_LOGIN ? "-login: Login: user=<"
			: "-login: Disconnected: Connection closed (auth failed, 1 attempts in 2 secs): user=<");
		put(&g->out, s->user);
		put(&g->out, ">, method=PLAIN, rip=");
		put(&g->out, s->cip);
		put(&g->out, ", lip=");
		our_ip(&g->out, s->host, strchr(s->cip, ':') != NULL);
		if (op == OP_IMAP_LOGIN) {
			put(&g->out, ", mpid=");
			putu(&g->out, (uint64_t)s->pid);
		}
		put(&g->out, ", TLS, session=<");
		put(&g->out, s->session_id);
		putch(&g->out, '>');
	} else {
		put(&g->out, proto);
		putch(&g->out, '(');
		put(&g->out, s->user);
		put(&g->out, ")<");
		putu(&g->out, (uint64_t)s->pid);
		put(&g->out, "><");
		put(&g->out, s->session_id);
		if (op == OP_IMAP_LOGOUT) {
			put(&g->out, ">: Logged out in=");
			putu(&g->out, 200 + below(g, 5000));
			put(&g->out, " out=");
			putu(&g->out, 1000 + below(g, 900000));
			put(&g->out, " deleted=0 expunged=0 trashed=0 hdr_count=0 hdr_bytes=0 body_count=0 body_bytes=0");
		} else {
			unsigned n = below(g, 4), sz = n * (3000 + below(g, 40000));
			put(&g->out, ">: Disconnected: Logged out top=0/0, retr=");
			putu(&g->out, n);
			putch(&g->out, '/');
			putu(&g->out, sz);
			put(&g->out, ", del=");
			putu(&g->out, n);
			putch(&g->out, '/');
			putu(&g->out, n + below(g, 20));
			put(&g->out, ", size=");
			putu(&g->out, sz);
		}
	}
	eol(g);
}

static void render_anvil(struct gen *g, struct session *s, enum op op)
{
	time_t at = (time_t)g->t - 60 - below(g, 500);
	struct tm tm;
	gmtime_r(&at, &tm);
	hdr(g, s->host, "postfix/anvil", g->pid[s->host][D_ANVIL]);
	put(&g->out, "statistics: max ");
	if (op == OP_ANVIL_CACHE) {
		put(&g->out, "cache size ");
		putu(&g->out, 1 + below(g, 12));
	} else {
		put(&g->out, op == OP_ANVIL_RATE ? "connection rate " : "connection count ");
		putu(&g->out, 1 + below(g, 6));
		put(&g->out, op == OP_ANVIL_RATE ? "/60s for (" : " for (");
		put(&g->out, s->submission ? "submission:" : "smtp:");
		put(&g->out, s->cip);
		putch(&g->out, ')');
	}
	put(&g->out, " at ");
	put(&g->out, months[tm.tm_mon]);
	putch(&g->out, ' ');
	putch(&g->out, tm.tm_mday < 10 ? ' ' : (char)('0' + tm.tm_mday / 10));
	putch(&g->out, (char)('0' + tm.tm_mday % 10));
	putch(&g->out, ' ');
	putu0(&g->out, (uint64_t)tm.tm_hour, 2);
	putch(&g->out, ':');
	putu0(&g->out, (uint64_t)tm.tm_min, 2);
	putch(&g->out, ':');
	putu0(&g->out, (uint64_t)tm.tm_sec, 2);
	eol(g);
}

static void render(struct gen *g, struct session *s)
{
	enum op op = (enum op)s->ops[s->at];
	int arg = s->arg[s->at];
	s->at++;
	switch (op) {
	case OP_PS_CONNECT: case OP_PS_PASS_OLD: case OP_PS_PASS_NEW: case OP_PS_DNSBL:
	case OP_PS_PREGREET: case OP_PS_HANGUP: case OP_PS_NOQUEUE: case OP_PS_DISCONNECT:
	case OP_DNSBLOG:
		render_postscreen(g, s, op);
		break;
	case OP_WARN_RESOLVE: case OP_CONNECT: case OP_TLS_IN: case OP_CLIENT:
	case OP_DISCONNECT: case OP_NOQUEUE: case OP_SASL_FAIL: case OP_LOST_AUTH:
		render_smtpd(g, s, op, arg);
		break;
	case OP_CLEANUP: case OP_DKIM: case OP_QMGR_FROM: case OP_PICKUP: case OP_REMOVED:
	case OP_EXPIRED: case OP_BOUNCE_NOTE: case OP_DELAY_NOTE:
		render_queue(g, s, op);
		break;
	case OP_SMTP_TLS: case OP_SMTP_CONNFAIL:
		render_smtp_pre(g, s, op, arg);
		break;
	case OP_SMTP_STATUS:
		render_smtp_status(g, s, arg);
		break;
	case OP_LMTP: case OP_LOCAL: case OP_DOVECOT_SAVED:
		render_mailbox(g, s, op);
		break;
	case OP_IMAP_LOGIN: case OP_IMAP_LOGOUT: case OP_POP_LOGOUT: case OP_IMAP_AUTHFAIL:
		render_dovecot(g, s, op);
		break;
	default:
		render_anvil(g, s, op);
		break;
	}
}

/* ---- setup, episodes, main ------------------------------------------ */

static void setup(struct gen *g)
{
	unsigned c = 0;
	for (int i = 0; i < NBIG; i++)
		g->cum[i] = (c += big_domains[i].w);
	g->cum_total = c;
	for (int a = 0; a < NF(co_a); a++)
		for (int b = 0; b < NF(co_b); b++)
			snprintf(g->company[a * NF(co_b) + b], sizeof g->company[0], "%s-%s.example",
				 co_a[a], co_b[b]);
	for (int h = 0; h < g->nhosts; h++) {
		snprintf(g->hostname[h], sizeof g->hostname[h], "mx%d", h + 1);
		for (int d = 0; d < 8; d++)
			g->pid[h][d] = 700 + (int)below(g, 3000);
	}
	g->cached_sec = INT64_MIN;
}

/* Episodes: a provider refuses one host's IP for 0.5-3 % of the log. */
static void plan_episodes(struct gen *g, int n)
{
	static const enum provider who[] = { P_MICROSOFT, P_MICROSOFT, P_MICROSOFT, P_GOOGLE,
		P_GOOGLE, P_YAHOO, P_YAHOO, P_UNITED, P_TONLINE, P_COMCAST, P_APPLE, P_ORANGE };
	if (n > MAXEPISODES)
		n = MAXEPISODES;
	for (int i = 0; i < n; i++) {
		struct episode *e = &g->ep[i];
		uint64_t len = g->want * (5 + below(g, 26)) / 1000;
		e->prov = who[below(g, NF(who))];
		e->host = (int)below(g, (unsigned)g->nhosts);
		e->from = (uint64_t)(unit(g) * (double)g->want * 0.9);
		e->to = e->from + len;
	}
	g->nep = n;
}

static void print_stats(const struct gen *g, double start)
{
	fprintf(stderr, "lines=%" PRIu64 " first_ts=%.0f last_ts=%.0f\n", g->lines, start, g->t);
	fprintf(stderr, "status sent=%" PRIu64 " deferred=%" PRIu64 " bounced=%" PRIu64
		" block_replies=%" PRIu64 " retry_pool=%d\n",
		g->n_status[0], g->n_status[1], g->n_status[2], g->n_block, g->npool);
	for (int i = 0; i < g->nep; i++)
		fprintf(stderr, "episode provider=%s host=%s lines=%" PRIu64 "-%" PRIu64 "\n",
			provider_name[g->ep[i].prov], g->hostname[g->ep[i].host],
			g->ep[i].from, g->ep[i].to);
}

/* --replies N: the classifier's input, one reply per line, tab-separated:
 * status, dsn, recipient domain, relay host, reply (the remote text, or the
 * whole detail when the remote server said nothing). */
static void emit_replies(struct gen *g, uint64_t n)
{
	struct session s;
	memset(&s, 0, sizeof s);
	our_addr(g, s.from, sizeof s.from);
	snprintf(s.msgid, sizeof s.msgid, "reply@example.com");
	for (uint64_t k = 0; k < n; k++) {
		struct rcpt r = { .dom = pick_domain(g) };
		const struct group *gr = &groups[dom_group(g, r.dom)];
		remote_addr(g, r.addr, sizeof r.addr, r.dom);
		choose_relay(g, &s, &r);
		r.f = chance(g, 300) ? NULL : &gr->fail[below(g, (unsigned)gr->nfail)];
		if (r.f && gr->block && chance(g, 200))
			r.f = gr->block;
		make_room(g);
		struct ctx c = { g, &s, &r };
		put(&g->out, !r.f ? "sent\t2.0.0\t" : r.f->status == 'b' ? "bounced\t" : "deferred\t");
		if (r.f) {
			put(&g->out, r.f->dsn);
			putch(&g->out, '\t');
		}
		put(&g->out, domain_of(r.addr));
		putch(&g->out, '\t');
		put(&g->out, r.f && (r.f->how == 'C' || r.f->how == 'N') ? "none" : r.relay);
		putch(&g->out, '\t');
		if (!r.f)
			expand(&c, &g->out, gr->ok);
		else if (r.f->how == 'S' || r.f->how == 'T')
			expand(&c, &g->out, r.f->text);
		else
			render_failure_detail(g, &s, &r);
		eol(g);
	}
}

static void usage(FILE *f)
{
	fprintf(f, "usage: loggen [--seed N] [--lines N] [--start EPOCH] [--rate LINES_PER_S]\n"
		   "              [--hosts N] [--format 3164|iso] [--offset MINUTES]\n"
		   "              [--episodes N] [--stats] [--replies N]\n"
		   "Writes a realistic Postfix mail log (deterministic for a seed) to stdout.\n");
}

static int num(const char *s, double lo, double hi, double *v)
{
	char *end;
	errno = 0;
	*v = strtod(s, &end);
	return errno || end == s || *end || *v < lo || *v > hi ? -1 : 0;
}

struct opts {
	double seed, lines, start, rate, hosts, offset, episodes, replies;
	int iso, stats;
};

static int parse_opts(int argc, char **argv, struct opts *o)
{
	static const struct option lo[] = {
		{ "seed", 1, NULL, 's' }, { "lines", 1, NULL, 'n' }, { "start", 1, NULL, 't' },
		{ "rate", 1, NULL, 'r' }, { "hosts", 1, NULL, 'H' }, { "format", 1, NULL, 'f' },
		{ "offset", 1, NULL, 'o' }, { "episodes", 1, NULL, 'e' }, { "stats", 0, NULL, 'S' },
		{ "replies", 1, NULL, 'R' }, { "help", 0, NULL, 'h' }, { NULL, 0, NULL, 0 }
	};
	int c, bad = 0;
	while ((c = getopt_long(argc, argv, "", lo, NULL)) != -1) {
		switch (c) {
		case 's': bad |= num(optarg, 0, 9007199254740992.0, &o->seed); break;
		case 'n': bad |= num(optarg, 0, 1e12, &o->lines); break;
		case 't': bad |= num(optarg, -1e10, 1e11, &o->start); break;
		case 'r': bad |= num(optarg, 1e-3, 1e7, &o->rate); break;
		case 'H': bad |= num(optarg, 1, MAXHOSTS, &o->hosts); break;
		case 'o': bad |= num(optarg, -1440, 1440, &o->offset); break;
		case 'e': bad |= num(optarg, 0, MAXEPISODES, &o->episodes); break;
		case 'R': bad |= num(optarg, 1, 1e9, &o->replies); break;
		case 'S': o->stats = 1; break;
		case 'f':
			if (strcmp(optarg, "iso") == 0)
				o->iso = 1;
			else if (strcmp(optarg, "3164") == 0)
				o->iso = 0;
			else
				bad = 1;
			break;
		case 'h': usage(stdout); exit(0);
		default: bad = 1; break;
		}
	}
	return bad || optind != argc ? -1 : 0;
}

int main(int argc, char **argv)
{
	struct opts o = { .seed = 1, .lines = 100000, .start = (double)DEFAULT_START,
			  .rate = 10, .hosts = 1, .episodes = -1 };
	static struct gen gen;
	struct gen *g = &gen;

	if (parse_opts(argc, argv, &o) < 0) {
		usage(stderr);
		return 2;
	}
	g->rs = (uint64_t)o.seed * 0x2545F4914F6CDD1DULL + 1;
	g->want = (uint64_t)o.lines;
	g->t = o.start;
	g->step = 1.0 / o.rate;
	g->iso = o.iso;
	g->offset_min = (int)o.offset;
	g->nhosts = (int)o.hosts;
	g->out.p = malloc(OUT_CAP);
	if (!g->out.p)
		return 1;
	g->out.cap = OUT_CAP;
	setup(g);
	if (o.replies > 0) {
		emit_replies(g, (uint64_t)o.replies);
	} else {
		plan_episodes(g, o.episodes >= 0 ? (int)o.episodes : (int)(1 + g->want / 250000));
		for (int i = 0; i < NSLOT; i++)
			new_session(g, &g->slot[i]);
		while (g->lines < g->want) {
			struct session *s = &g->slot[below(g, NSLOT)];
			render(g, s);
			if (s->at >= s->nops)
				new_session(g, s);
		}
	}
	if (o.stats)
		print_stats(g, o.start);
	if (fwrite(g->out.p, 1, g->out.n, stdout) != g->out.n || fflush(stdout) != 0 || g->write_error) {
		perror("loggen: write");
		return 1;
	}
	free(g->out.p);
	return 0;
}
