/* fmt_exim - Exim 4 log lines -> struct delivery
 *
 * Owns: reading Exim's main log, both in its own format
 *   "2026-11-28 01:14:38[.123][ +0100][ [pid]] 1xX71R-0002sC-2x => ..."
 * (log_selector +millisec, log_timezone, +pid) and through syslog
 *   "Nov 28 01:14:38 mx exim[123]: [2026-11-28 01:14:38 ]1xX71R-0002sC-2x => ..."
 * (log_file_path = syslog; the time is repeated unless syslog_timestamp is
 * false), and the bounded map message id -> sender built from "<=" lines.
 * The shapes are those of the Exim specification, chapter "Log files"
 * (https://www.exim.org/exim-html-current/doc/html/spec_html/ch-log_files.html),
 * checked against the lines Debian 12's Exim 4.96 writes (tests/e2e/exim_tail.sh).
 *
 * What becomes a delivery (parse returns 1), one per recipient:
 *   "ID => rcpt [<orig>] R=.. T=.. H=host [ip]:port .. C=\"250 ..\" QT=.."  sent
 *   "ID -> rcpt .."   another recipient of the same delivery: sent
 *   "ID >> rcpt .."   cutthrough delivery: sent;  "*>" suppressed (-N): discarded
 *   "ID ** rcpt [R=.. T=.. H=..]: message"            bounced
 *   "ID == rcpt [R=.. T=..] defer (errno)[ H=..]: message"  deferred (including
 *      "retry time not reached", where no connection was made)
 * where message is "SMTP error from remote mail server after [pipelined]
 * CMD: reply" (reply, code, enhanced code and stage read from it), or Exim's
 * own reason ("Connection refused", "Unrouteable address" ...). A delivery by
 * a local transport (no H=: appendfile, pipe, LMTP over a socket) has relay
 * "local"; the program column holds the transport (T=) so local and remote
 * deliveries stay apart. "ID <= sender ..." feeds the sender map and counts
 * as a message received (FMT_RECEIVED), "ID Completed" empties it; a
 * refusal Exim gave a client ("H=.. [ip] F=<..> rejected RCPT <..>: ..",
 * "temporarily rejected RCPT", "rejected MAIL", "rejected after DATA",
 * "rejected EHLO|HELO", "rejected connection in \"connect\" ACL"; the spec's
 * "Reject log" section) counts as rejected (FMT_REJECTED); other lines are
 * not deliveries. Returns -1 for a
 * line with a message id and a delivery flag but no address.
 *
 * Pure: no I/O; must not depend on the store or the classifier.
 */
#include <stdlib.h>
#include <string.h>
#include "fmt_exim.h"
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

/* Alphanumerics at p, between min and max of them, followed by c; returns
 * the end (at c) or NULL. */
static const char *alnum_run(const char *p, const char *e, int min, int max, char c)
{
	const char *q = p;
	while (q < e && is_alnum(*q) && q - p <= max)
		q++;
	return (q - p >= min && q - p <= max && q < e && *q == c) ? q : NULL;
}

/* "1xX71R-0002sC-2x " (4.96: 6-6-2) or "1xX71R-000000005vi-0000 " (4.97+:
 * 6-11-4) at p; returns the id or STR_NULL. */
static struct str message_id(const char *p, const char *e)
{
	const char *q = alnum_run(p, e, 6, 6, '-');
	if (q)
		q = alnum_run(q + 1, e, 6, 11, '-');
	if (q)
		q = alnum_run(q + 1, e, 2, 4, ' ');
	return q ? smtp_span(p, q) : STR_NULL;
}

/* ---- the header of Exim's own log ---- */

static int digit(char c)
{
	return c >= '0' && c <= '9';
}

/* "[1234] " at p: returns the pid and moves *pp past it, or -1. */
static long pid_prefix(const char **pp, const char *e)
{
	const char *p = *pp, *q = p + 1;
	long v = 0;
	if (p >= e || *p != '[')
		return -1;
	while (q < e && digit(*q) && q - p <= 10)
		v = v * 10 + (*q++ - '0');
	if (q == p + 1 || e - q < 2 || q[0] != ']' || q[1] != ' ')
		return -1;
	*pp = q + 2;
	return v;
}

/* "YYYY-MM-DD hh:mm:ss[.fff][ +hhmm] " at p: the time into *ts, *pp past
 * it. The zone of log_timezone is separated by a blank, which the ISO reader
 * does not take, so the stamp is put together without it. */
static int stamp(struct syslog_ctx *c, const char **pp, const char *e, double *ts)
{
	char buf[40];
	const char *p = *pp, *q = p + 19;
	size_t n;
	if (e - p < 20 || p[4] != '-' || p[10] != ' ' || p[13] != ':')
		return -1;
	if (q < e && *q == '.')
		for (q++; q < e && digit(*q) && q - p < 29; q++)
			;
	n = (size_t)(q - p);
	memcpy(buf, p, n);
	if (e - q >= 7 && q[0] == ' ' && (q[1] == '+' || q[1] == '-') && digit(q[2]) && digit(q[3]) &&
	    digit(q[4]) && digit(q[5]) && (q + 6 == e || q[6] == ' ')) {
		memcpy(buf + n, q + 1, 5);
		n += 5;
		q += 6;
	}
	const char *b = buf;
	if (syslog_iso_time(c, &b, buf + n, ts) < 0 || b != buf + n || q >= e || *q != ' ')
		return -1;
	*pp = q + 1;
	return 0;
}

/* The few Exim lines without a message id that still say "this is Exim". */
static int exim_words(const char *p, const char *e)
{
	static const char *const w[] = { "Start queue run: ", "End queue run: ", "SMTP connection from ",
					 "exim ", "Exim ", "daemon started: " };
	for (size_t i = 0; i < sizeof w / sizeof *w; i++)
		if (smtp_starts(p, e, w[i], strlen(w[i])))
			return 1;
	return 0;
}

/* A refusal Exim logged in its main log (see the top of the file). */
static int rejection(const char *p, const char *e)
{
	static const char *const what[] = { "RCPT ", "MAIL ", "after DATA", "EHLO ", "HELO ",
					    "connection ", "DATA", "VRFY ", "AUTH " };
	const char *q = SMTP_STARTS(p, e, "rejected ") ? p + 9 : NULL;
	for (;;) {
		if (q == NULL) {
			const char *f = SMTP_FIND(p, e, " rejected ");
			if (f == NULL)
				return 0;
			q = f + 10;
		}
		for (size_t i = 0; i < sizeof what / sizeof *what; i++)
			if (smtp_starts(q, e, what[i], strlen(what[i])))
				return FMT_REJECTED;
		p = q;
		q = NULL;
	}
}

static int exim_header(struct syslog_ctx *c, const char *line, size_t len, struct syslog_hdr *h)
{
	const char *p = line, *e = line + len;
	*h = (struct syslog_hdr){ .pid = -1 };
	if (e - p < 21 || !digit(p[0]) || stamp(c, &p, e, &h->ts) < 0)
		return -1;
	const char *m = p;
	long pid = pid_prefix(&m, e);
	if (pid >= 0)
		p = m;
	if (!message_id(p, e).p && !exim_words(p, e) && !rejection(p, e))
		return -1;
	h->pid = pid;
	h->host = str_make(line, 0);
	h->prog = STR_LIT("exim");
	h->msg = smtp_span(p, e);
	return 0;
}

/* ---- fields ---- */

/* End of a value at p: a "quoted \"string\"" or up to the next blank. */
static const char *value_end(const char *p, const char *e)
{
	if (p < e && *p == '"') {
		for (p++; p < e; p++) {
			if (*p == '\\' && p + 1 < e)
				p++;
			else if (*p == '"')
				return p + 1;
		}
		return e;
	}
	const char *q = memchr(p, ' ', (size_t)(e - p));
	return q ? q : e;
}

/* End of a field at p: "KEY=value", "KEY=\"quoted value\"" or a bare word. */
static const char *field_end(const char *p, const char *e)
{
	const char *q = p;
	while (q < e && *q != ' ' && *q != '=')
		q++;
	if (q < e && *q == '=')
		return value_end(q + 1, e);
	return q;
}

/* "H=host [ip]:port", "H=[ip]", "H=host [ip] DS": relay fields; returns the
 * end of what was read. */
static const char *host_field(struct delivery *d, const char *v, const char *e)
{
	const char *he = value_end(v, e);
	if (v < e && *v == '[') {
		smtp_set_relay(d, v, he);
		d->relay_host = str_make(v, 0);
		return he;
	}
	if (e - he > 2 && he[1] == '[') {
		const char *ie = value_end(he + 1, e);
		if (ie > he + 1 && ie[-1] == ':')
			ie--;	/* "[ip]:" ends the fields */
		smtp_set_relay(d, he + 1, ie);
		d->relay_host = smtp_span(v, he);
		return ie;
	}
	if (he > v && he[-1] == ':')
		he--;
	d->relay_host = smtp_span(v, he);
	return he;
}

/* Fills reply, code, dsn and stage from the message after the fields. */
static void read_message(struct delivery *d, const char *p, const char *e)
{
	/* "... remote mail server after" (4.x); "... remote mailer after"
	 * (early 4.x and 3.x, with "host H [ip]: " before the reply) */
	static const char err[] = "SMTP error from remote mail";
	const char *q;
	d->detail = smtp_span(p, e);
	d->reply = d->detail;
	if ((q = SMTP_FIND(p, e, err)) != NULL && (q = SMTP_FIND(q, e, " after ")) != NULL) {
		const char *c = q + 7;
		if (SMTP_STARTS(c, e, "pipelined "))
			c += 10;
		/* the command may hold ':' (RCPT TO:<a>:): the reply follows ">: "
		 * when the command carries an address, else the first ": " */
		const char *re = (SMTP_STARTS(c, e, "RCPT TO:<") || SMTP_STARTS(c, e, "MAIL FROM:<"))
				 ? SMTP_FIND(c, e, ">: ") : NULL;
		re = re ? re + 1 : SMTP_FIND(c, e, ": ");
		struct str cmd = smtp_span(c, re ? re : e);
		if (str_has_prefix(cmd, "initial connection"))
			d->stage = STAGE_CONNECT;
		else if (str_has_prefix(cmd, "end of data"))
			d->stage = STAGE_EOD;
		else
			d->stage = smtp_stage_of_command(cmd);
		d->reply = re ? smtp_span(re + 2, e) : STR_NULL;
		const char *he;
		if (re && SMTP_STARTS(re + 2, e, "host ") && (he = SMTP_FIND(re + 2, e, "]: ")) != NULL) {
			if (!d->relay_ip.p) {
				smtp_set_relay(d, re + 7, he + 1);
				if (d->relay_host.len && d->relay_host.p[d->relay_host.len - 1] == ' ')
					d->relay_host.len--;
			}
			d->reply = smtp_span(he + 3, e);
		}
	} else if (SMTP_FIND(p, e, "Connection refused") || SMTP_FIND(p, e, "Connection timed out") ||
		   SMTP_FIND(p, e, "initial connection")) {
		d->stage = STAGE_CONNECT;
	} else if ((q = SMTP_FIND(p, e, " in response to ")) != NULL) {
		d->stage = SMTP_STARTS(q + 16, e, "end of data") ? STAGE_EOD
								  : smtp_stage_of_command(smtp_span(q + 16, e));
	} else if ((q = SMTP_FIND(p, e, "timeout after ")) != NULL) {
		d->stage = SMTP_STARTS(q + 14, e, "end of data") ? STAGE_EOD
								 : smtp_stage_of_command(smtp_span(q + 14, e));
	}
	d->smtp_code = smtp_reply_code(d->reply);
	if (d->smtp_code)
		d->dsn = smtp_enhanced_code(d->reply);
}

/* The address and what follows the flag: "rcpt [<orig>] [(parent)] fields[: message]". */
static int delivery_line(struct delivery *d, const char *p, const char *e)
{
	const char *ae = value_end(p, e);
	if (ae == p)
		return -1;
	const char *me = NULL;	/* where ": message" starts */
	if (ae[-1] == ':' && (ae == e || *ae == ' ')) {
		me = ae - 1;	/* "** rcpt: Unrouteable address" */
		ae--;
	}
	d->recipient = smtp_span(p, ae);
	for (p = me ? me : ae; p < e && !me;) {
		while (p < e && *p == ' ')
			p++;
		const char *ve = field_end(p, e);
		struct str tok = smtp_span(p, ve);
		if (tok.len > 2 && tok.p[0] == '<' && !d->orig_to.p) {
			d->orig_to = smtp_span(p + 1, ve[-1] == '>' ? ve - 1 : ve);
		} else if (str_has_prefix(tok, "T=")) {
			d->program = smtp_span(p + 2, ve);
		} else if (str_has_prefix(tok, "H=")) {
			ve = host_field(d, p + 2, e);
		} else if (str_has_prefix(tok, "C=")) {
			const char *v = p + 2;
			/* "C=" may end the line: the length first, then the quote */
			d->reply = (ve - v >= 2 && *v == '"') ? smtp_span(v + 1, ve - 1) : smtp_span(v, ve);
		} else if (str_has_prefix(tok, "QT=")) {
			d->delay = smtp_duration(smtp_span(p + 3, ve));
		} else if (str_has_prefix(tok, "defer")) {
			ve = value_end(ve + (ve < e), e);	/* "defer (-44)" */
		}
		if (ve < e && ve[0] == ':' && (ve + 1 == e || ve[1] == ' '))
			me = ve;
		else if (ve > p && ve[-1] == ':' && tok.p[0] != '"' && (ve == e || *ve == ' '))
			me = ve - 1;
		p = ve;
	}
	if (me)
		read_message(d, me + 1 + (me + 1 < e && me[1] == ' '), e);
	else if (d->reply.p) {
		d->smtp_code = smtp_reply_code(d->reply);
		d->dsn = smtp_enhanced_code(d->reply);
	}
	/* a local part alone (local transports) with the full address in <..> */
	if (!memchr(d->recipient.p, '@', d->recipient.len) && d->orig_to.len) {
		struct str t = d->recipient;
		d->recipient = d->orig_to;
		d->orig_to = t;
	}
	smtp_set_domain(d);
	if (!d->relay_host.p && !d->relay_ip.p)
		d->relay_host = STR_LIT("local");
	return 1;
}

static enum delivery_status flag_status(const char *p, const char *e)
{
	if (e - p < 3 || p[2] != ' ')
		return DS__COUNT;
	if ((p[0] == '=' || p[0] == '-' || p[0] == '>') && p[1] == '>')
		return DS_SENT;
	if (p[0] == '*' && p[1] == '>')
		return DS_DISCARDED;
	if (p[0] == '*' && p[1] == '*')
		return DS_BOUNCED;
	if (p[0] == '=' && p[1] == '=')
		return DS_DEFERRED;
	return DS__COUNT;
}

static int exim_parse(struct fmt_state *st, const struct syslog_hdr *h, struct delivery *d)
{
	const char *p = h->msg.p, *e = h->msg.p + h->msg.len;
	double ts;
	struct syslog_ctx c;
	if (!p)
		return 0;
	syslog_ctx_init(&c, (time_t)h->ts, 0);
	if (e - p > 20 && digit(*p) && p[4] == '-')
		stamp(&c, &p, e, &ts);	/* syslog_timestamp: the time again */
	pid_prefix(&p, e);
	struct str id = message_id(p, e);
	if (!id.p)
		return rejection(p, e);
	p = id.p + id.len + 1;
	if (SMTP_STARTS(p, e, "<= ")) {
		const char *se = value_end(p + 3, e);
		struct str s = smtp_span(p + 3, se);
		idmap_put(st->senders, id, str_eq(s, "<>") ? str_make(s.p, 0) : s);
		return FMT_RECEIVED;
	}
	if (e - p == 9 && memcmp(p, "Completed", 9) == 0) {
		idmap_remove(st->senders, id);
		return 0;
	}
	enum delivery_status s = flag_status(p, e);
	if (s == DS__COUNT)
		return rejection(p, e);
	delivery_reset(d);
	d->ts = h->ts;
	d->host = h->host;
	d->mta = "exim";
	d->program = h->prog;
	d->queue_id = id;
	d->status = s;
	d->status_word = smtp_span(p, p + 2);
	d->has_sender = idmap_get(st->senders, id, &d->sender);
	return delivery_line(d, p + 3, e);
}

static struct fmt_state *exim_state_new(void)
{
	struct fmt_state *st = xmalloc(sizeof *st);
	st->senders = idmap_new(EXIM_SENDERS_MAX);
	return st;
}

static void exim_state_free(struct fmt_state *st)
{
	if (!st)
		return;
	idmap_free(st->senders);
	free(st);
}

size_t fmt_exim_senders(const struct fmt_state *st)
{
	return idmap_count(st->senders);
}

static int exim_claims(struct str prog)
{
	return str_has_prefix(prog, "exim");
}

const struct fmt fmt_exim = {
	.name = "exim",
	.claims = exim_claims,
	.own_header = exim_header,
	.state_new = exim_state_new,
	.state_free = exim_state_free,
	.parse = exim_parse,
};
