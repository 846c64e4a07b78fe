/* fmt_sendmail - Sendmail 8 log lines -> struct delivery
 *
 * Owns: reading the lines sendmail writes through syslog (tags "sm-mta",
 * "sendmail", "sm-msp-queue") and the bounded map queue id -> sender fed by
 * "from=" lines. The shapes are those of sendmail's logdelivery() and
 * logsender() (sendmail/deliver.c, savemail.c: "QID: to=..., delay=..,
 * xdelay=.., mailer=.., pri=.., relay=.., dsn=.., [reply=..,] stat=..."),
 * as Debian 12's sendmail 8.17.1 writes them (tests/e2e/sendmail_tail.sh):
 *
 *   "QID: from=<s>, size=.., class=.., nrcpts=.., msgid=<..>, relay=.."
 *      -> the sender of QID; with nrcpts= a message queued (FMT_RECEIVED)
 *   "QID|NOQUEUE: ruleset=check_rcpt, arg1=<..>, relay=.., reject=550 .."
 *   and "Milter: .. reject=.."  -> a refusal sendmail gave its client
 *      (FMT_REJECTED; sendmail's op.me, "Logging")
 *   "QID: to=<r>[,<r2>...], [ctladdr=.. (u/g),] delay=00:00:01,
 *    xdelay=00:00:01, mailer=esmtp, pri=.., relay=mx.example.com. [192.0.2.1],
 *    dsn=5.7.1, [reply=550 5.7.1 ...,] stat=TEXT"
 *      -> one delivery. Status: stat "Sent ..." sent, "Deferred..." deferred,
 *         otherwise by the dsn's class (5 bounced, 4 deferred, 2 sent). The
 *         remote reply is reply= (8.16 and later), else stat's text after
 *         "Deferred: " or inside "Sent (...)"; the enhanced code is dsn=.
 * A line listing several recipients (to=<a>,<b>) names the first one as the
 * recipient: sendmail logs one attempt for them all. Stage: sendmail does
 * not say which command the reply answered, except "Connection refused"
 * (CONNECT). Lines with a queue id and "to=" but no "stat=" return -1.
 *
 * Pure: no I/O; must not depend on the store or the classifier.
 */
#include <stdlib.h>
#include <string.h>
#include "fmt_sendmail.h"
#include "idmap.h"
#include "smtp.h"
#include "xmalloc.h"

struct fmt_state {
	struct idmap *senders;
};

static int is_alnum(char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* "QID: " at p: 8..20 alphanumerics (sendmail 8.12+: 14). */
static struct str queue_id(const char *p, const char *e)
{
	const char *q = p;
	while (q < e && is_alnum(*q) && q - p <= 20)
		q++;
	if (q - p < 8 || q - p > 20 || e - q < 2 || q[0] != ':' || q[1] != ' ')
		return STR_NULL;
	return smtp_span(p, q);
}

/* An address "<a@b>" or "a@b" -> "a@b". */
static struct str bare(struct str a)
{
	if (a.len >= 2 && a.p[0] == '<' && a.p[a.len - 1] == '>')
		return str_make(a.p + 1, a.len - 2);
	return a;
}

/* The value of ", KEY=" (or "KEY=" at p) up to the next ", " or the end. */
static struct str field(const char *p, const char *e, const char *key)
{
	size_t n = strlen(key);
	const char *k = p;
	if (!smtp_starts(p, e, key, n)) {
		char pat[24] = ", ";
		memcpy(pat + 2, key, n);
		k = smtp_find(p, e, pat, n + 2);
		if (!k)
			return STR_NULL;
		k += 2;
	}
	const char *v = k + n, *ve = smtp_find(v, e, ", ", 2);
	return smtp_span(v, ve ? ve : e);
}

/* "00:00:01" or "1+02:03:04": seconds, or -1. */
static double sm_delay(struct str v)
{
	long days = 0, part[3] = { 0, 0, 0 };
	size_t i = 0;
	int k = 0, nd = 0;
	const char *plus = memchr(v.p, '+', v.len);
	if (v.len == 0 || v.len > 24)
		return -1;
	if (plus) {
		for (; v.p + i < plus; i++) {
			if (v.p[i] < '0' || v.p[i] > '9')
				return -1;
			days = days * 10 + (v.p[i] - '0');
		}
		i++;
	}
	for (; i < v.len; i++) {
		char c = v.p[i];
		if (c == ':' && k < 2 && nd) {
			k++, nd = 0;
		} else if (c >= '0' && c <= '9' && nd < 2) {
			part[k] = part[k] * 10 + (c - '0');
			nd++;
		} else {
			return -1;
		}
	}
	if (k != 2 || !nd)
		return -1;
	return (double)(days * 86400 + part[0] * 3600 + part[1] * 60 + part[2]);
}

/* relay="mx.example.com. [192.0.2.1]", "[127.0.0.1] [127.0.0.1]",
 * "host [IPv6:2001:db8::1] (may be forged)", "localhost". */
static void set_relay(struct delivery *d, struct str r)
{
	const char *p = r.p, *e = r.p + r.len;
	const char *sp = memchr(p, ' ', r.len);
	const char *he = sp ? sp : e;
	if (he > p && he[-1] == '.')
		he--;
	d->relay_host = (p < he && *p == '[') ? str_make(p, 0) : smtp_span(p, he);
	if (!sp || e - sp < 3 || sp[1] != '[')
		return;
	const char *ip = sp + 2, *rb = memchr(ip, ']', (size_t)(e - ip));
	if (!rb)
		return;
	if (SMTP_STARTS(ip, rb, "IPv6:"))
		ip += 5;
	if (smtp_is_ip(smtp_span(ip, rb)))
		d->relay_ip = smtp_span(ip, rb);
}

static void set_status(struct delivery *d, struct str stat)
{
	const char *p = stat.p, *e = p + stat.len;
	d->status_word = stat;
	d->detail = stat;
	if (SMTP_STARTS(p, e, "Sent"))
		d->status = DS_SENT;
	else if (SMTP_STARTS(p, e, "Deferred"))
		d->status = DS_DEFERRED;
	else if (d->dsn.len && d->dsn.p[0] == '5')
		d->status = DS_BOUNCED;
	else if (d->dsn.len && d->dsn.p[0] == '4')
		d->status = DS_DEFERRED;
	else if (d->dsn.len && d->dsn.p[0] == '2')
		d->status = DS_SENT;
	else
		d->status = DS_OTHER;
	if (d->reply.p)
		return;
	if (SMTP_STARTS(p, e, "Deferred: "))
		d->reply = smtp_span(p + 10, e);
	else if (SMTP_STARTS(p, e, "Sent (") && e[-1] == ')')
		d->reply = smtp_span(p + 6, e - 1);
	else
		d->reply = stat;
}

static int to_line(struct fmt_state *st, struct delivery *d, struct str qid, const char *p, const char *e)
{
	const char *sk = SMTP_FIND(p, e, ", stat=");
	if (!sk)
		return -1;
	struct str to = field(p, sk, "to=");
	const char *comma = memchr(to.p, ',', to.len);
	d->recipient = bare(comma ? smtp_span(to.p, comma) : to);
	smtp_set_domain(d);
	d->has_sender = idmap_get(st->senders, qid, &d->sender);
	struct str v = field(p, sk, "delay=");
	if (v.p)
		d->delay = sm_delay(v);
	if ((v = field(p, sk, "relay=")).p)
		set_relay(d, v);
	if ((v = field(p, sk, "mailer=")).p && (str_eq(v, "local") || str_eq(v, "prog") ||
						 str_eq(v, "*file*") || str_eq(v, "cyrusv2")))
		d->relay_host = STR_LIT("local");
	d->dsn = field(p, sk, "dsn=");
	const char *rk = SMTP_FIND(p, sk + 2, ", reply=");
	if (rk)
		d->reply = smtp_span(rk + 8, sk);	/* the reply may hold ", " */
	set_status(d, smtp_span(sk + 7, e));
	d->smtp_code = smtp_reply_code(d->reply);
	if (SMTP_FIND(d->detail.p, e, "Connection refused") || SMTP_FIND(d->detail.p, e, "timed out"))
		d->stage = STAGE_CONNECT;
	return 1;
}

static int sendmail_parse(struct fmt_state *st, const struct syslog_hdr *h, struct delivery *d)
{
	const char *p = h->msg.p, *e = h->msg.p + h->msg.len;
	if (!p)
		return 0;
	struct str qid = queue_id(p, e);
	if (!qid.p) {
		if (!SMTP_STARTS(p, e, "NOQUEUE: "))
			return 0;
		p += 9;
		return (SMTP_STARTS(p, e, "ruleset=") || SMTP_STARTS(p, e, "Milter")) &&
		       SMTP_FIND(p, e, ", reject=") ? FMT_REJECTED : 0;
	}
	p = qid.p + qid.len + 2;
	if (SMTP_STARTS(p, e, "from=")) {
		struct str from = field(p, e, "from=");
		idmap_put(st->senders, qid, bare(from));
		return SMTP_FIND(p, e, ", nrcpts=") ? FMT_RECEIVED : 0;
	}
	if ((SMTP_STARTS(p, e, "ruleset=") || SMTP_STARTS(p, e, "Milter")) && SMTP_FIND(p, e, ", reject="))
		return FMT_REJECTED;
	if (!SMTP_STARTS(p, e, "to="))
		return 0;
	delivery_reset(d);
	d->ts = h->ts;
	d->host = h->host;
	d->mta = "sendmail";
	d->program = h->prog;
	d->queue_id = qid;
	return to_line(st, d, qid, p, e);
}

static struct fmt_state *sendmail_state_new(void)
{
	struct fmt_state *st = xmalloc(sizeof *st);
	st->senders = idmap_new(SENDMAIL_SENDERS_MAX);
	return st;
}

static void sendmail_state_free(struct fmt_state *st)
{
	if (!st)
		return;
	idmap_free(st->senders);
	free(st);
}

size_t fmt_sendmail_senders(const struct fmt_state *st)
{
	return idmap_count(st->senders);
}

static int sendmail_claims(struct str prog)
{
	return str_eq(prog, "sm-mta") || str_eq(prog, "sendmail") || str_eq(prog, "sm-msp-queue");
}

const struct fmt fmt_sendmail = {
	.name = "sendmail",
	.claims = sendmail_claims,
	.state_new = sendmail_state_new,
	.state_free = sendmail_state_free,
	.parse = sendmail_parse,
};
