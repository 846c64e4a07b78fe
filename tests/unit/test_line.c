/* test_line - the one line pipeline: header, the format chosen per line
 * from fmt.c's table, the delivery; several MTAs' lines in one stream. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "line.h"

#define REF 1795857243	/* 2026-11-28, so RFC 3164 lines fall in 2026 */

struct lcase {
	const char *line;
	enum line_result r;
	const char *fmt;	/* name of the format that took it, NULL for none */
	const char *rcpt;	/* for LINE_DELIVERY */
};

static const struct lcase cases[] = {
	{ "Nov 28 00:00:01 mx postfix/smtp[12]: 4B2C1D3E5F: to=<a@example.com>, relay=mx.example.com[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 Ok)",
	  LINE_DELIVERY, "postfix", "a@example.com" },
	{ "Nov 28 00:00:01 mx postfix/smtp[12]: 4B2C1D3E5F: to=<a@example.com>, relay=x, delay=1",
	  LINE_UNPARSED, "postfix", NULL },
	{ "Nov 28 00:00:02 mx postfix/smtpd[13]: connect from unknown[192.0.2.9]", LINE_OTHER,
	  "postfix", NULL },
	{ "Nov 28 00:00:03 mx dovecot: imap-login: Login: user=<a>", LINE_OTHER, NULL, NULL },
	{ "Nov 28 00:00:03 mx kernel: [12.3] eth0: link up", LINE_OTHER, NULL, NULL },
	{ "this is not a log line", LINE_NO_HEADER, NULL, NULL },
	{ "", LINE_NO_HEADER, NULL, NULL },
};

static void one_stream(void **state)
{
	struct line *lp = line_new(REF, 0);
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const struct lcase *c = &cases[i];
		struct syslog_hdr h;
		struct delivery d;
		const struct fmt *f = (const struct fmt *)&d;	/* must be overwritten */
		size_t n = strlen(c->line);
		char *copy = malloc(n ? n : 1);
		memcpy(copy, c->line, n);
		enum line_result r = line_parse(lp, copy, n, &h, &d, &f);
		assert_int_equal(r, c->r);
		if (c->fmt)
			assert_string_equal(f->name, c->fmt);
		else
			assert_null(f);
		if (r == LINE_DELIVERY) {
			assert_int_equal(d.recipient.len, strlen(c->rcpt));
			assert_memory_equal(d.recipient.p, c->rcpt, d.recipient.len);
			assert_string_equal(d.mta, c->fmt);
		}
		free(copy);
	}
	line_free(lp);
	line_free(NULL);
}

static void table(void **state)
{
	(void)state;
	assert_non_null(fmt_for_prog(str_cstr("postfix-out/smtp")));
	assert_null(fmt_for_prog(str_cstr("dovecot")));
	assert_null(fmt_for_prog(STR_NULL));
	assert_true(fmt_unsupported_mta(str_cstr("qmail")));
	assert_false(fmt_unsupported_mta(str_cstr("postfix/smtp")));
	for (size_t i = 0; fmt_all[i]; i++) {
		assert_non_null(fmt_all[i]->claims);
		assert_non_null(fmt_all[i]->parse);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(one_stream),
		cmocka_unit_test(table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
