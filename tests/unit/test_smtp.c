/* test_smtp - the MTA-neutral SMTP readings: reply and enhanced codes,
 * stages, IP shapes, relays, domains, decimals, span searches. Each value is
 * read from an exact-size heap copy so that a read past the span is caught
 * under AddressSanitizer. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "smtp.h"

/* An exact-size copy of s (no NUL after it). */
static struct str copy_of(const char *s)
{
	size_t n = strlen(s);
	char *p = malloc(n ? n : 1);
	memcpy(p, s, n);
	return str_make(p, n);
}

static void span_is(struct str s, const char *want)
{
	if (want == NULL) {
		assert_null(s.p);
		return;
	}
	assert_int_equal(s.len, strlen(want));
	assert_memory_equal(s.p, want, s.len);
}

static void reply_codes(void **state)
{
	static const struct { const char *in; int code; } t[] = {
		{ "550 5.7.1 blocked", 550 }, { "421-4.7.0 try later", 421 }, { "250", 250 },
		{ "250 OK id=1xX71R", 250 }, { "199 no", 0 }, { "600 no", 0 }, { "55", 0 },
		{ "5500 x", 0 }, { "55a x", 0 }, { "", 0 }, { "SMTP error", 0 },
	};
	(void)state;
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		struct str s = copy_of(t[i].in);
		assert_int_equal(smtp_reply_code(s), t[i].code);
		free((void *)s.p);
	}
}

static void enhanced_codes(void **state)
{
	static const struct { const char *in, *want; } t[] = {
		{ "550 5.7.1 Unfortunately", "5.7.1" }, { "421-4.7.28 rate", "4.7.28" },
		{ "550 5.7.1", "5.7.1" }, { "5.1.1 user unknown", "5.1.1" },
		{ "250 2.0.0 Ok: queued", "2.0.0" }, { "550 Administrative prohibition", NULL },
		{ "550 5.7", NULL }, { "550 5.7.1234 x", NULL }, { "550 3.1.1 x", NULL },
		{ "550 5.x.1", NULL }, { "", NULL }, { "550 5.1.1)", "5.1.1" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		struct str s = copy_of(t[i].in);
		span_is(smtp_enhanced_code(s), t[i].want);
		free((void *)s.p);
	}
}

static void stages(void **state)
{
	static const struct { const char *in; enum delivery_stage s; } t[] = {
		{ "RCPT TO:<a@b>", STAGE_RCPT }, { "MAIL FROM:<>", STAGE_MAIL },
		{ "end of DATA", STAGE_EOD }, { "DATA", STAGE_DATA }, { "EHLO x", STAGE_HELO },
		{ "HELO", STAGE_HELO }, { "LHLO", STAGE_HELO }, { "STARTTLS", STAGE_STARTTLS },
		{ "AUTH PLAIN", STAGE_AUTH }, { "QUIT", STAGE_QUIT }, { "BDAT", STAGE_OTHER },
		{ "", STAGE_OTHER },
	};
	(void)state;
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		struct str s = copy_of(t[i].in);
		assert_int_equal(smtp_stage_of_command(s), t[i].s);
		free((void *)s.p);
	}
}

static void ip_shapes(void **state)
{
	(void)state;
	assert_true(smtp_is_ip(str_cstr("192.0.2.1")));
	assert_true(smtp_is_ip(str_cstr("2001:db8::1")));
	assert_false(smtp_is_ip(str_cstr("private/dovecot-lmtp")));
	assert_false(smtp_is_ip(str_cstr("")));
	assert_false(smtp_is_ip(str_cstr("1111:2222:3333:4444:5555:6666:7777:8888:9999:0")));
}

static void relays(void **state)
{
	static const struct { const char *in, *host, *ip; int port; } t[] = {
		{ "mx.example.com[192.0.2.1]:25", "mx.example.com", "192.0.2.1", 25 },
		{ "mx.example.com[2001:db8::1]", "mx.example.com", "2001:db8::1", -1 },
		{ "private/dovecot-lmtp[private/x]", "private/dovecot-lmtp[private/x]", NULL, -1 },
		{ "none", "none", NULL, -1 },
		{ "h[192.0.2.1]:99999", "h", "192.0.2.1", -1 },
		{ "h[192.0.2.1", "h[192.0.2.1", NULL, -1 },
	};
	(void)state;
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		struct delivery d;
		struct str s = copy_of(t[i].in);
		delivery_reset(&d);
		smtp_set_relay(&d, s.p, s.p + s.len);
		span_is(d.relay_host, t[i].host);
		span_is(d.relay_ip, t[i].ip);
		assert_int_equal(d.relay_port, t[i].port);
		free((void *)s.p);
	}
}

static void domains(void **state)
{
	struct delivery d;
	char big[600];
	(void)state;
	delivery_reset(&d);
	d.recipient = str_cstr("\"a@b\"@Mail.EXAMPLE.com");
	smtp_set_domain(&d);
	assert_string_equal(d.rcpt_domain, "mail.example.com");
	d.recipient = str_cstr("postmaster");
	smtp_set_domain(&d);
	assert_string_equal(d.rcpt_domain, "");
	d.recipient = STR_NULL;
	smtp_set_domain(&d);
	assert_string_equal(d.rcpt_domain, "");
	memset(big, 'A', sizeof big);
	big[0] = '@';
	d.recipient = str_make(big, sizeof big);
	smtp_set_domain(&d);
	assert_int_equal(strlen(d.rcpt_domain), DELIVERY_DOMAIN_MAX - 1);
	assert_int_equal(d.rcpt_domain[0], 'a');
}

static void decimals(void **state)
{
	(void)state;
	assert_true(smtp_decimal(str_cstr("0.58")) == 0.58);
	assert_true(smtp_decimal(str_cstr("332")) == 332);
	assert_true(smtp_decimal(str_cstr("")) == -1);
	assert_true(smtp_decimal(str_cstr("1.2.3")) == -1);
	assert_true(smtp_decimal(str_cstr("1s")) == -1);
	assert_true(smtp_decimal(str_cstr("1234567890123456789012345")) == -1);
}

static void searches(void **state)
{
	static const char text[] = "a said: b said: c";
	struct str s = str_make(text, sizeof text - 1);
	const char *e = s.p + s.len;
	(void)state;
	assert_ptr_equal(SMTP_FIND(s.p, e, " said: "), s.p + 1);
	assert_ptr_equal(smtp_find_last(s.p, e, " said: ", 7), s.p + 9);
	assert_null(SMTP_FIND(s.p, e, "said: c!"));
	assert_true(SMTP_STARTS(s.p, e, "a said"));
	assert_false(SMTP_STARTS(s.p, e, "a said: b said: c!"));
	static const char empty[] = "abc";
	assert_null(SMTP_FIND(empty + 3, empty + 3, "a"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reply_codes), cmocka_unit_test(enhanced_codes),
		cmocka_unit_test(stages), cmocka_unit_test(ip_shapes),
		cmocka_unit_test(relays), cmocka_unit_test(domains),
		cmocka_unit_test(decimals), cmocka_unit_test(searches),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
