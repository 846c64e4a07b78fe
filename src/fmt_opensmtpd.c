/* fmt_opensmtpd - OpenSMTPD 6.x / 7.x log lines -> struct delivery
 *
 * Owns: reading the lines smtpd writes (syslog tag "smtpd") for each
 * delivery attempt, and the bounded map session id -> last error of that
 * session. The shapes are those of OpenSMTPD's mta.c (mta_log) and
 * mta_session.c (mta_error), as written by Debian 12's OpenSMTPD 6.8.0p2
 * (tests/e2e/opensmtpd_tail.sh):
 *
 *   "SESSION mta delivery evpid=EVPID from=<s> to=<r> rcpt=<o|-> source=\"IP\"
 *    relay=\"IP (host)\" delay=2s result=\"Ok|TempFail|PermFail|Loop\" stat=\"...\""
 *      -> one delivery; status from result; stat is the remote reply when it
 *         starts with a code, else OpenSMTPD's own reason
 *   "SESSION mda delivery evpid=.. from=<s> to=<r> rcpt=<o> user=u delay=..
 *    result=\"Ok\" stat=\"Delivered\""   -> a local delivery (relay "local")
 *   "SESSION mta error reason=TEXT" and "smtp-out: Error on session SESSION
 *    after N messages sent: TEXT"  -> remembered for that session: a delivery
 *      line of the same session whose stat holds no reply code takes the
 *      remembered text as its reply when that one has a code (OpenSMTPD
 *      reports some refusals only there).
 * Older versions (5.x, 6.0: "delivery: Ok for ...: from=<..>, to=<..>, ...")
 * are not read. Stage: OpenSMTPD does not say which command the reply
 * answered; it is left unknown (NONE) except for connection errors.
 *
 * Pure: no I/O; must not depend on the store or the classifier.
 */
#include <stdlib.h>
#include <string.h>
#include "fmt_opensmtpd.h"
#include "idmap.h"
#include "smtp.h"
#include "xmalloc.h"

struct fmt_state {
	struct idmap *errors;	/* session id -> last error text */
};

static int is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

/* A 16-digit hex id at p followed by ' ' (or the end when end_ok). */
static struct str hex_id(const char *p, const char *e, int end_ok)
{
	const char *q = p;
	while (q < e && is_hex(*q) && q - p < 16)
		q++;
	if (q - p != 16 || (q < e && *q != ' ') || (q == e && !end_ok))
		return STR_NULL;
	return smtp_span(p, q);
}

/* The value of KEY (e.g. "to=<") in [p, e): up to the closing char c. */
static struct str field(const char *p, const char *e, const char *key, size_t n, char c)
{
	const char *k = p;
	while ((k = smtp_find(k, e, key, n)) != NULL) {
		if (k == p || k[-1] == ' ')
			break;
		k++;
	}
	if (!k)
		return STR_NULL;
	const char *v = k + n, *ve = memchr(v, c, (size_t)(e - v));
	return ve ? smtp_span(v, ve) : STR_NULL;
}
#define FIELD(p, e, key, c) field((p), (e), (key), sizeof(key) - 1, (c))

/* KEY=\"value\" (6.x mta lines) or KEY=value (7.x mda lines); key
 * includes the '='. */
static struct str qfield(const char *p, const char *e, const char *key, size_t n)
{
	const char *k = p;
	while ((k = smtp_find(k, e, key, n)) != NULL && k != p && k[-1] != ' ')
		k++;
	if (!k)
		return STR_NULL;
	const char *q = k + n;
	if (q < e && *q == '"') {
		const char *qe = memchr(q + 1, '"', (size_t)(e - q - 1));
		return qe ? smtp_span(q + 1, qe) : STR_NULL;
	}
	const char *sp = memchr(q, ' ', (size_t)(e - q));
	return smtp_span(q, sp ? sp : e);
}
#define QFIELD(p, e, key) qfield((p), (e), (key), sizeof(key) - 1)

/* relay="192.0.2.1 (mx.example.com)", "192.0.2.1", or 6.0's "mx [192.0.2.1]". */
static void set_relay(struct delivery *d, struct str r)
{
	const char *p = r.p, *e = r.p + r.len;
	const char *sp = memchr(p, ' ', r.len);
	if (memchr(p, '[', r.len)) {
		smtp_set_relay(d, p, e);
		return;
	}
	struct str ip = smtp_span(p, sp ? sp : e);
	if (smtp_is_ip(ip))
		d->relay_ip = ip;
	else
		d->relay_host = ip;
	if (sp && e - sp > 3 && sp[1] == '(' && e[-1] == ')')
		d->relay_host = smtp_span(sp + 2, e - 1);
}

static enum delivery_status result_status(struct str r)
{
	if (str_eq(r, "Ok"))
		return DS_SENT;
	if (str_eq(r, "TempFail"))
		return DS_DEFERRED;
	if (str_eq(r, "PermFail"))
		return DS_BOUNCED;
	return DS_OTHER;
}

static void set_reply(struct fmt_state *st, struct delivery *d, struct str session, struct str stat)
{
	struct str remembered;
	d->detail = stat;
	d->reply = stat;
	if (!smtp_reply_code(stat) && idmap_get(st->errors, session, &remembered) &&
	    smtp_reply_code(remembered))
		d->reply = remembered;
	d->smtp_code = smtp_reply_code(d->reply);
	if (d->smtp_code)
		d->dsn = smtp_enhanced_code(d->reply);
	const char *p = d->reply.p, *e = p + d->reply.len;
	if (!d->smtp_code && (SMTP_FIND(p, e, "Connection refused") || SMTP_FIND(p, e, "timed out") ||
			      SMTP_FIND(p, e, "Connection rejected") || SMTP_FIND(p, e, "Network error")))
		d->stage = STAGE_CONNECT;
}

/* "mta delivery ..." / "mda delivery ..." after the session id. */
static int delivery_line(struct fmt_state *st, struct delivery *d, struct str session, int local,
			 const char *p, const char *e)
{
	struct str evpid = FIELD(p, e, "evpid=", ' ');
	struct str to = FIELD(p, e, "to=<", '>');
	struct str res = QFIELD(p, e, "result=");
	const char *sk = SMTP_FIND(p, e, " stat=");
	if (!to.p || !res.p || !sk)
		return -1;
	d->queue_id = evpid.p ? evpid : session;
	d->recipient = to;
	struct str from = FIELD(p, e, "from=<", '>');
	if (from.p) {
		d->sender = from;
		d->has_sender = 1;
	}
	struct str rcpt = FIELD(p, e, "rcpt=<", '>');
	if (rcpt.p && !str_eq(rcpt, "-"))
		d->orig_to = rcpt;
	smtp_set_domain(d);
	if (local) {
		d->relay_host = STR_LIT("local");
	} else {
		struct str relay = QFIELD(p, e, "relay=");
		if (relay.p)
			set_relay(d, relay);
	}
	struct str delay = FIELD(p, e, "delay=", ' ');
	if (delay.p)
		d->delay = smtp_duration(delay);
	d->status_word = res;
	d->status = result_status(res);
	/* stat is the last field and may hold quotes: up to the line's end */
	const char *sv = sk + 6;
	int quoted = sv < e && *sv == '"';
	sv += quoted;
	struct str stat = smtp_span(sv, (quoted && e > sv && e[-1] == '"') ? e - 1 : e);
	set_reply(st, d, session, stat);
	return 1;
}

/* An error text "Connection rejected: 554 5.7.1 ..." -> from the reply
 * code on, when there is one after a ": ". */
static struct str error_reply(const char *p, const char *e)
{
	for (const char *q = p; (q = SMTP_FIND(q, e, ": ")) != NULL; q += 2)
		if (smtp_reply_code(smtp_span(q + 2, e)))
			return smtp_span(q + 2, e);
	return smtp_span(p, e);
}

static int opensmtpd_parse(struct fmt_state *st, const struct syslog_hdr *h, struct delivery *d)
{
	const char *p = h->msg.p, *e = h->msg.p + h->msg.len;
	static const char errout[] = "smtp-out: Error on session ";
	if (!p)
		return 0;
	if (SMTP_STARTS(p, e, errout)) {
		struct str s = hex_id(p + sizeof errout - 1, e, 0);
		const char *c = s.p ? SMTP_FIND(s.p, e, " sent: ") : NULL;
		if (c)
			idmap_put(st->errors, s, error_reply(c + 7, e));
		return 0;
	}
	struct str session = hex_id(p, e, 0);
	if (!session.p)
		return 0;
	p = session.p + session.len + 1;
	if (SMTP_STARTS(p, e, "mta error reason=")) {
		idmap_put(st->errors, session, error_reply(p + 17, e));
		return 0;
	}
	/* the receiving side (smtpd's lka/smtp logging): "smtp message msgid=..
	 * size=.. nrcpt=.. proto=.." a message queued; "smtp failed-command
	 * command=\"..\" result=\"5xx ..\"" a refusal given to the client */
	if (SMTP_STARTS(p, e, "smtp message ") && SMTP_FIND(p, e, " nrcpt="))
		return FMT_RECEIVED;
	if (SMTP_STARTS(p, e, "smtp failed-command "))
		return FMT_REJECTED;
	int local = SMTP_STARTS(p, e, "mda delivery ");
	if (!local && !SMTP_STARTS(p, e, "mta delivery "))
		return 0;
	delivery_reset(d);
	d->ts = h->ts;
	d->host = h->host;
	d->mta = "opensmtpd";
	d->program = h->prog;
	return delivery_line(st, d, session, local, p + 13, e);
}

static struct fmt_state *opensmtpd_state_new(void)
{
	struct fmt_state *st = xmalloc(sizeof *st);
	st->errors = idmap_new(OPENSMTPD_SESSIONS_MAX);
	return st;
}

static void opensmtpd_state_free(struct fmt_state *st)
{
	if (!st)
		return;
	idmap_free(st->errors);
	free(st);
}

size_t fmt_opensmtpd_sessions(const struct fmt_state *st)
{
	return idmap_count(st->errors);
}

static int opensmtpd_claims(struct str prog)
{
	return str_eq(prog, "smtpd") || str_eq(prog, "opensmtpd");
}

const struct fmt fmt_opensmtpd = {
	.name = "opensmtpd",
	.claims = opensmtpd_claims,
	.state_new = opensmtpd_state_new,
	.state_free = opensmtpd_state_free,
	.parse = opensmtpd_parse,
};
