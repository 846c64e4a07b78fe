/* fmt_postfix - Postfix delivery agents' log lines -> struct delivery
 *
 * Owns: reading the lines Postfix's delivery agents (smtp, lmtp, local,
 * virtual, pipe, error, retry, discard; any "postfix*" syslog name such as
 * postfix-out/smtp or postfix/relay/smtp) and qmgr write, and the bounded map
 * queue id -> sender built from qmgr's "from=<...>" lines.
 *
 * What becomes a delivery (parse returns 1):
 *   "QID: to=<..>, [orig_to=<..>,] relay=.., delay=.., delays=.., dsn=..,
 *    status=WORD (detail)"                        -> status from WORD
 *     (local = 1 for lmtp, local, virtual and pipe: local mailboxes)
 *   qmgr "QID: from=<s>, status=expired, returned to sender" -> DS_EXPIRED,
 *     no recipient (qmgr logs this once per message, not per recipient)
 * What is read but is not a delivery (parse returns 0): smtp(8) logs the
 * servers it tried in the attempt before its status= line,
 *   "QID: host H[IP] said: 4xx .. (in reply to X command)"
 *   "QID: host H[IP] refused to talk to me: 554 .."
 *   "[QID: ]connect to H[IP]:25: Connection timed out"
 *   "QID: lost connection with H[IP] while sending RCPT TO"
 *   "QID: conversation with H[IP] timed out while ..."
 * and the status= line then holds the last server's reply: a real Postfix
 * logs "connect to 127.0.0.7[127.0.0.7]:2525: Connection refused" and then
 * "to=<..>, relay=none, ... status=deferred (connect to 127.0.0.7...)" for
 * one connection (samples/postfix-loopback.log). One attempt, one row: a
 * refusal stored from both lines counted every refused connection twice.
 * Other lines without to= are not deliveries either.
 * Returns -1 for a line of a delivery agent with a queue id that carries
 * "to=<" without a "status=", or "status=" without "to=<": the shape of a
 * status line we could not read.
 *
 * Invariants: every span handed back lies inside the line or inside the
 * state; no byte past msg.len is read; lengths copied are capped. Pure: no
 * I/O, no SQLite, no PCRE2; must not depend on the store or the classifier.
 *
 * The sender map is an idmap (idmap.h: bounded, the oldest evicted); a queue
 * id seen again is moved to the newest position. Memory: at most
 * POSTFIX_SENDERS_MAX entries of ~300 bytes (about 19 MiB) plus a 512 KiB
 * index, growing on demand.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "fmt_postfix.h"
#include "idmap.h"
#include "smtp.h"
#include "xmalloc.h"

struct fmt_state {
	struct idmap *senders;	/* queue id -> sender */
};

enum agent { AG_NONE, AG_DELIVERY, AG_LOCAL, AG_QMGR, AG_POSTSUPER, AG_SMTPD, AG_POSTSCREEN,
	     AG_CLEANUP, AG_PICKUP };

/* ---- small span helpers ---- */

static int is_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* End of an address that opened with '<' at p-1: the first '>' followed by
 * ',' or by the end; NULL when there is none. */
static const char *addr_end(const char *p, const char *e)
{
	const char *q;
	while ((q = memchr(p, '>', (size_t)(e - p))) != NULL) {
		if (q + 1 == e || q[1] == ',')
			return q;
		p = q + 1;
	}
	return NULL;
}

static struct fmt_state *postfix_state_new(void)
{
	struct fmt_state *st = xcalloc(1, sizeof *st);
	st->senders = idmap_new(POSTFIX_SENDERS_MAX);
	return st;
}

static void postfix_state_free(struct fmt_state *st)
{
	if (!st)
		return;
	idmap_free(st->senders);
	free(st);
}

size_t fmt_postfix_senders(const struct fmt_state *st)
{
	return idmap_count(st->senders);
}

size_t fmt_postfix_state_bytes(const struct fmt_state *st)
{
	return sizeof *st + idmap_bytes(st->senders);
}

/* ---- fields ---- */

static enum agent agent_of(struct str prog)
{
	if (!str_has_prefix(prog, "postfix"))
		return AG_NONE;
	const char *sl = memrchr(prog.p, '/', prog.len);
	if (!sl)
		return AG_NONE;
	struct str a = smtp_span(sl + 1, prog.p + prog.len);
	static const char *const delivery[] = { "smtp", "error", "retry", "discard" };
	static const char *const local[] = { "lmtp", "local", "virtual", "pipe" };
	for (size_t i = 0; i < sizeof delivery / sizeof *delivery; i++)
		if (str_eq(a, delivery[i]))
			return AG_DELIVERY;
	for (size_t i = 0; i < sizeof local / sizeof *local; i++)
		if (str_eq(a, local[i]))
			return AG_LOCAL;
	if (str_eq(a, "qmgr") || str_eq(a, "nqmgr"))
		return AG_QMGR;
	if (str_eq(a, "postsuper"))
		return AG_POSTSUPER;
	if (str_eq(a, "smtpd"))
		return AG_SMTPD;
	if (str_eq(a, "postscreen"))
		return AG_POSTSCREEN;
	if (str_eq(a, "cleanup"))
		return AG_CLEANUP;
	if (str_eq(a, "pickup"))
		return AG_PICKUP;
	return AG_NONE;
}

/* "QID: " at the start of m: [0-9A-Za-z]{5,31} then ": ". */
static struct str queue_id(const char *p, const char *e)
{
	const char *q = p;
	while (q < e && q - p <= POSTFIX_QID_MAX && is_alnum((unsigned char)*q))
		q++;
	if (q - p < 5 || q - p > POSTFIX_QID_MAX || e - q < 2 || q[0] != ':' || q[1] != ' ')
		return STR_NULL;
	return smtp_span(p, q);
}

static enum delivery_status status_of(struct str w)
{
	static const struct { const char *w; enum delivery_status s; } tab[] = {
		{ "sent", DS_SENT }, { "deferred", DS_DEFERRED }, { "bounced", DS_BOUNCED },
		{ "expired", DS_EXPIRED }, { "undeliverable", DS_UNDELIVERABLE },
		{ "deliverable", DS_DELIVERABLE }, { "discarded", DS_DISCARDED },
		{ "SOFTBOUNCE", DS_SOFTBOUNCE },
	};
	for (size_t i = 0; i < sizeof tab / sizeof *tab; i++)
		if (str_eq(w, tab[i].w))
			return tab[i].s;
	return DS_OTHER;
}

/* ---- the detail: reply, code, stage ---- */

/* The words after "while " in Postfix's lost-connection / timeout texts. */
static enum delivery_stage stage_of_while(struct str w)
{
	if (str_has_prefix(w, "receiving the initial server greeting"))
		return STAGE_CONNECT;
	if (str_has_prefix(w, "performing the ") || str_has_prefix(w, "sending ")) {
		const char *sp = memchr(w.p, ' ', w.len);
		struct str rest = smtp_span(sp + 1, w.p + w.len);
		if (str_has_prefix(rest, "the "))
			rest = smtp_span(rest.p + 4, w.p + w.len);
		if (str_has_prefix(rest, "message body"))
			return STAGE_DATA;
		if (str_has_prefix(rest, "end of data"))
			return STAGE_EOD;
		return smtp_stage_of_command(rest);
	}
	return STAGE_OTHER;
}

/* Stage from a text with no "(in reply to ...)": connect failures, greeting
 * refusals, lost connections and timeouts. */
static enum delivery_stage stage_of_text(const char *p, const char *e)
{
	const char *w;
	if (SMTP_STARTS(p, e, "connect to ") || SMTP_FIND(p, e, ": connect to ") ||
	    SMTP_FIND(p, e, " refused to talk to me"))
		return STAGE_CONNECT;
	if ((SMTP_STARTS(p, e, "lost connection with ") || SMTP_STARTS(p, e, "conversation with ")) &&
	    (w = SMTP_FIND(p, e, " while ")) != NULL)
		return stage_of_while(smtp_span(w + 7, e));
	return STAGE_NONE;
}

/* Fills reply, smtp_code and stage from a detail text. */
static void read_detail(struct delivery *d, const char *p, const char *e)
{
	static const char said[] = " said: ", refused[] = " refused to talk to me: ";
	static const char inreply[] = " (in reply to ";
	const char *q;
	d->stage = STAGE_NONE;
	if ((q = SMTP_FIND(p, e, said)) != NULL) {
		p = q + sizeof said - 1;
	} else if ((q = SMTP_FIND(p, e, refused)) != NULL) {
		p = q + sizeof refused - 1;
		d->stage = STAGE_CONNECT;
	} else {
		d->stage = stage_of_text(p, e);
	}
	if ((q = smtp_find_last(p, e, inreply, sizeof inreply - 1)) != NULL) {
		const char *c = q + sizeof inreply - 1;
		const char *ce = SMTP_FIND(c, e, " command)");
		d->stage = smtp_stage_of_command(smtp_span(c, ce ? ce : e));
		e = q;
	}
	d->reply = smtp_span(p, e);
	d->smtp_code = smtp_reply_code(d->reply);
}

/* ---- line shapes ---- */

static void fill_common(struct fmt_state *st, const struct syslog_hdr *h, struct str qid,
			struct delivery *d)
{
	delivery_reset(d);
	d->ts = h->ts;
	d->host = h->host;
	d->mta = "postfix";
	d->program = h->prog;
	d->queue_id = qid;
	if (qid.len)
		d->has_sender = idmap_get(st->senders, qid, &d->sender);
}

/* One "key=value" field of a status line; returns the value's end. */
static const char *status_field(struct delivery *d, struct str key, const char *v, const char *e)
{
	const char *ve;
	if (str_eq(key, "orig_to") && v < e && *v == '<') {
		ve = addr_end(v + 1, e);
		if (!ve)
			return e;
		d->orig_to = smtp_span(v + 1, ve);
		return ve + 1;
	}
	ve = memchr(v, ',', (size_t)(e - v));
	if (!ve)
		ve = e;
	if (str_eq(key, "relay"))
		smtp_set_relay(d, v, ve);
	else if (str_eq(key, "delay"))
		d->delay = smtp_decimal(smtp_span(v, ve));
	else if (str_eq(key, "delays"))
		d->delays = smtp_span(v, ve);
	else if (str_eq(key, "dsn"))
		d->dsn = smtp_span(v, ve);
	return ve;
}

/* "status=WORD (detail)" at p. */
static void status_value(struct delivery *d, const char *p, const char *e)
{
	const char *w = p;
	while (p < e && *p != ' ' && *p != ',')
		p++;
	d->status_word = smtp_span(w, p);
	d->status = status_of(d->status_word);
	if (e - p >= 2 && p[0] == ' ' && p[1] == '(') {
		const char *de = (e[-1] == ')' && e - p > 2) ? e - 1 : e;
		d->detail = smtp_span(p + 2, de);
	} else if (e - p >= 2 && p[0] == ',' && p[1] == ' ') {
		d->detail = smtp_span(p + 2, e);	/* qmgr: "expired, returned to sender" */
	}
	read_detail(d, d->detail.p ? d->detail.p : p, d->detail.p ? d->detail.p + d->detail.len : p);
}

/* "to=<rcpt>, key=value, ..., status=WORD (detail)" at p. */
static int status_line(struct delivery *d, const char *p, const char *e)
{
	const char *re = addr_end(p + 4, e);
	if (!re)
		return -1;
	d->recipient = smtp_span(p + 4, re);
	smtp_set_domain(d);
	for (p = re + 1; p < e;) {
		while (p < e && (*p == ',' || *p == ' '))
			p++;
		const char *eq = memchr(p, '=', (size_t)(e - p));
		if (!eq)
			break;
		struct str key = smtp_span(p, eq);
		if (str_eq(key, "status")) {
			status_value(d, eq + 1, e);
			return 1;
		}
		p = status_field(d, key, eq + 1, e);
	}
	return -1;
}

/* Lines of an smtp/lmtp client without to=: refusals and unreachable hosts. */
static int session_line(struct delivery *d, const char *p, const char *e)
{
	const char *he;
	if (SMTP_STARTS(p, e, "connect to ")) {
		const char *h = p + 11;
		he = SMTP_FIND(h, e, ": ");
		if (!he)
			return 0;
		smtp_set_relay(d, h, he);
		/* Postfix before 2.3: "connect to H[IP]: server refused to talk to me: 421 ..." */
		d->status = SMTP_FIND(he, e, " refused to talk to me: ") ? DS_REFUSED : DS_UNREACHABLE;
	} else if (SMTP_STARTS(p, e, "host ") && (SMTP_FIND(p, e, " said: ") ||
					     SMTP_FIND(p, e, " refused to talk to me: "))) {
		he = memchr(p + 5, ' ', (size_t)(e - p - 5));
		smtp_set_relay(d, p + 5, he);
		d->status = DS_REFUSED;
	} else if (SMTP_STARTS(p, e, "lost connection with ") || SMTP_STARTS(p, e, "conversation with ")) {
		const char *h = p + (p[0] == 'l' ? 21 : 18);
		he = memchr(h, ' ', (size_t)(e - h));
		if (!he)
			return 0;
		smtp_set_relay(d, h, he);
		d->status = DS_UNREACHABLE;
	} else {
		return 0;
	}
	d->status_word = STR_NULL;
	d->detail = smtp_span(p, e);
	read_detail(d, p, e);
	return 1;
}

/* qmgr: "from=<s>, size=.., nrcpt=.. (queue active)", "from=<s>, status=expired,
 * returned to sender", "removed"; postsuper: "removed". */
static int qmgr_line(struct fmt_state *st, const struct syslog_hdr *h, struct str qid,
		     const char *p, const char *e, struct delivery *d)
{
	if (e - p == 7 && memcmp(p, "removed", 7) == 0) {
		idmap_remove(st->senders, qid);
		return 0;
	}
	if (!SMTP_STARTS(p, e, "from=<"))
		return 0;
	const char *se = addr_end(p + 6, e);
	if (!se)
		return 0;
	struct str sender = smtp_span(p + 6, se);
	idmap_put(st->senders, qid, sender);
	if (!SMTP_STARTS(se + 1, e, ", status="))
		return 0;
	fill_common(st, h, qid, d);
	status_value(d, se + 10, e);
	return 1;
}

/* The receiving side, counted not stored (fmt.h FMT_RECEIVED, FMT_REJECTED):
 *   smtpd "QID: client=H[IP]"            a message from an SMTP client queued
 *   pickup "QID: uid=N from=<s>"         a local submission queued
 *   smtpd, postscreen, cleanup "NOQUEUE: reject: ..." or "QID: reject: ...",
 *   and "milter-reject:"                 a refusal Postfix gave the client
 * (Postfix's SMTPD_README and postconf(5) document these lines; pflogsumm
 * counts the same ones). "reject_warning:" is a dry run: not counted. */
static int receiving_line(enum agent ag, struct str qid, const char *p, const char *e)
{
	if (qid.len == 0)
		return 0;
	if (SMTP_STARTS(p, e, "reject: ") || SMTP_STARTS(p, e, "milter-reject: "))
		return FMT_REJECTED;
	if (ag == AG_SMTPD && SMTP_STARTS(p, e, "client="))
		return FMT_RECEIVED;
	if (ag == AG_PICKUP && SMTP_STARTS(p, e, "uid=") && SMTP_FIND(p, e, " from=<"))
		return FMT_RECEIVED;
	return 0;
}

static int postfix_parse(struct fmt_state *st, const struct syslog_hdr *h, struct delivery *d)
{
	enum agent ag = agent_of(h->prog);
	if (ag == AG_NONE || !h->msg.p)
		return 0;
	const char *p = h->msg.p, *e = h->msg.p + h->msg.len;
	struct str qid = queue_id(p, e);
	int r;
	if (qid.len)
		p = qid.p + qid.len + 2;
	if (ag >= AG_SMTPD)
		return receiving_line(ag, qid, p, e);
	if (ag == AG_QMGR || ag == AG_POSTSUPER) {
		if (!qid.len)
			return 0;
		if (ag == AG_QMGR && SMTP_STARTS(p, e, "to=<")) {
			fill_common(st, h, qid, d);
			return status_line(d, p, e);
		}
		return qmgr_line(st, h, qid, p, e, d);
	}
	if (qid.len && SMTP_STARTS(p, e, "to=<")) {
		fill_common(st, h, qid, d);
		r = status_line(d, p, e);
		d->local = ag == AG_LOCAL;
		return r;
	}
	/* a server of the attempt (see above): read, not stored */
	fill_common(st, h, qid, d);
	r = session_line(d, p, e);
	if (r == 0 && qid.len && (SMTP_STARTS(p, e, "status=") || SMTP_FIND(p, e, " status=")))
		return -1;
	return 0;
}

static int postfix_claims(struct str prog)
{
	return str_has_prefix(prog, "postfix");
}

const struct fmt fmt_postfix = {
	.name = "postfix",
	.claims = postfix_claims,
	.state_new = postfix_state_new,
	.state_free = postfix_state_free,
	.parse = postfix_parse,
};
