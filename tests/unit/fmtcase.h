/* fmtcase - the table runner shared by the MTA parsers' unit tests
 * (test_exim.c, test_opensmtpd.c, test_sendmail.c).
 *
 * A table of real line shapes, each with the fields it must give, is fed in
 * order through line_parse (as in a log: a sender line comes before the
 * deliveries that use it), each line in an exact-size heap copy so that a
 * read past it is caught under AddressSanitizer. Then every prefix of every
 * line is fed through a fresh pipeline: it must not crash, and whatever it
 * hands back must lie inside the prefix.
 */
#ifndef BW_TEST_FMTCASE_H
#define BW_TEST_FMTCASE_H
#include <stdlib.h>
#include <string.h>
#include "line.h"

#define FC_REF 1795857243	/* 2026-11-28, so RFC 3164 lines fall in 2026 */
#define FC_ANY 1000		/* an int field not checked */

struct fcase {
	const char *line;
	enum line_result r;
	const char *qid, *sender, *rcpt, *domain, *rhost, *rip;	/* NULL: not checked */
	int port;		/* FC_ANY: not checked */
	enum delivery_status status;
	int code;
	const char *dsn;
	enum delivery_stage stage;
	const char *reply;	/* prefix the reply must start with; NULL: not checked */
	double delay;		/* 0: not checked; -1: absent */
	const char *program;
};

static char *fc_copy(const char *s, size_t n)
{
	char *p = malloc(n ? n : 1);
	memcpy(p, s, n);
	return p;
}

static void fc_span(struct str s, const char *want, const char *what, const char *line)
{
	if (!want)
		return;
	if (s.len != strlen(want) || (s.len && memcmp(s.p, want, s.len) != 0)) {
		print_error("%s: got '%.*s', want '%s'\n  in: %s\n", what, (int)s.len, s.p ? s.p : "",
			    want, line);
		fail();
	}
}

static void fc_inside(struct str s, const char *b, size_t n)
{
	if (s.len == 0)
		return;
	/* inside the line, or inside a parser's state (not the line): only
	 * the line's bounds can be checked here; ASan checks the rest */
	if (s.p >= b && s.p <= b + n)
		assert_true(s.p + s.len <= b + n);
}

static void fc_check(const struct fcase *c, const struct delivery *d, const char *mta)
{
	assert_string_equal(d->mta, mta);
	fc_span(d->queue_id, c->qid, "queue id", c->line);
	fc_span(d->sender, c->sender, "sender", c->line);
	fc_span(d->recipient, c->rcpt, "recipient", c->line);
	if (c->domain)
		assert_string_equal(d->rcpt_domain, c->domain);
	fc_span(d->relay_host, c->rhost, "relay host", c->line);
	fc_span(d->relay_ip, c->rip, "relay ip", c->line);
	if (c->port != FC_ANY)
		assert_int_equal(d->relay_port, c->port);
	assert_int_equal(d->status, c->status);
	assert_int_equal(d->smtp_code, c->code);
	fc_span(d->dsn, c->dsn, "dsn", c->line);
	assert_int_equal(d->stage, c->stage);
	if (c->reply && (d->reply.len < strlen(c->reply) || memcmp(d->reply.p, c->reply, strlen(c->reply)))) {
		print_error("reply: got '%.*s', want '%s...'\n", (int)d->reply.len, d->reply.p, c->reply);
		fail();
	}
	if (c->delay != 0)
		assert_true(d->delay > c->delay - 0.0005 && d->delay < c->delay + 0.0005);
	fc_span(d->program, c->program, "program", c->line);
}

/* Feeds the table in order, then every prefix of every line. */
static void fc_run(const struct fcase *cases, size_t n, const char *mta)
{
	struct line *lp = line_new(FC_REF, 0);
	for (size_t i = 0; i < n; i++) {
		const struct fcase *c = &cases[i];
		struct syslog_hdr h;
		struct delivery d;
		size_t len = strlen(c->line);
		char *copy = fc_copy(c->line, len);
		enum line_result r = line_parse(lp, copy, len, &h, &d, NULL);
		if (r != c->r) {
			print_error("line %zu: result %d, want %d: %s\n", i, r, c->r, c->line);
			fail();
		}
		if (r == LINE_DELIVERY)
			fc_check(c, &d, mta);
		free(copy);
	}
	line_free(lp);
	lp = line_new(FC_REF, 0);
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(cases[i].line);
		for (size_t k = 0; k <= len; k++) {
			struct syslog_hdr h;
			struct delivery d;
			char *copy = fc_copy(cases[i].line, k);
			enum line_result r = line_parse(lp, copy, k, &h, &d, NULL);
			assert_true(r >= LINE_NO_HEADER && r <= LINE_REJECTED);
			if (r == LINE_DELIVERY) {
				fc_inside(d.recipient, copy, k);
				fc_inside(d.reply, copy, k);
				fc_inside(d.relay_host, copy, k);
				fc_inside(d.relay_ip, copy, k);
				fc_inside(d.dsn, copy, k);
				fc_inside(d.queue_id, copy, k);
				assert_true(d.status >= 0 && d.status < DS__COUNT);
				assert_true(strlen(d.rcpt_domain) < sizeof d.rcpt_domain);
			}
			free(copy);
		}
	}
	line_free(lp);
}

#endif
