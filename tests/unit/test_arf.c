/* Unit tests for arf: an RFC 5965 report, a JMRP-style forwarded message,
 * things that are not reports, hostile bytes, and every prefix of a report. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "arf.h"
#include "utf8.h"

#define DIR "tests/e2e/data/arf/"

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *b = malloc(1 << 20);
	assert_non_null(f);
	*len = fread(b, 1, 1 << 20, f);
	fclose(f);
	return b;
}

static void rfc5965_report(void **state)
{
	struct arf_report r;
	char err[256];
	size_t n;
	char *b = slurp(DIR "rfc5965-shape.eml", &n);
	(void)state;
	assert_int_equal(arf_parse(b, n, &r, err, sizeof err), 0);
	assert_string_equal(r.format, "arf");
	assert_string_equal(r.feedback_type, "abuse");
	assert_string_equal(r.source_ip, "203.0.113.7");
	assert_string_equal(r.mail_from, "bounces-42@mail.example.net");
	assert_string_equal(r.rcpt, "someone@example.com");
	assert_string_equal(r.reported_domain, "mail.example.net");
	assert_string_equal(r.reporter_domain, "example.com");
	assert_string_equal(r.user_agent, "SomeGenerator/1.0");
	assert_string_equal(r.message_id, "8787KJKJ3K4J3K4J3K4J3.mail@mail.example.net");
	assert_string_equal(r.subject, "Weekly offers \xe2\x80\x94 n\xc2\xba 48");
	assert_true(r.arrival == 1795731580.0);	/* 2026-11-26 22:19:40 UTC, Arrival-Date */
	free(b);
}

static void jmrp_forward(void **state)
{
	struct arf_report r;
	char err[256];
	size_t n;
	char *b = slurp(DIR "jmrp-shape.eml", &n);
	(void)state;
	assert_int_equal(arf_parse(b, n, &r, err, sizeof err), 0);
	assert_string_equal(r.format, "forward");
	assert_string_equal(r.feedback_type, "abuse");
	assert_string_equal(r.source_ip, "203.0.113.7");	/* topmost Received only */
	assert_string_equal(r.rcpt, "jane@outlook.com");
	assert_string_equal(r.mail_from, "bounces-77@mail.example.net");
	assert_string_equal(r.reporter_domain, "hotmail.com");
	assert_string_equal(r.message_id, "digest-77@mail.example.net");
	assert_true(r.arrival == 1795777078.0);	/* the original's Date, 2026-11-27 10:57:58 UTC */
	free(b);
}

static void not_reports(void **state)
{
	struct arf_report r;
	char err[256];
	size_t n;
	char *b = slurp(DIR "not-a-report.eml", &n);
	(void)state;
	assert_int_equal(arf_parse(b, n, &r, err, sizeof err), -1);
	assert_non_null(strstr(err, "not a complaint report"));
	assert_int_equal(arf_parse("", 0, &r, err, sizeof err), -1);
	assert_int_equal(arf_parse(b, ARF_INPUT_MAX + 1u, &r, err, sizeof err), -1);
	assert_non_null(strstr(err, "limit"));
	free(b);
}

static void hostile_bytes(void **state)
{
	struct arf_report r;
	char err[256];
	size_t n;
	char *b = slurp(DIR "truncated-bad.eml", &n);
	(void)state;
	assert_int_equal(arf_parse(b, n, &r, err, sizeof err), 0);
	assert_string_equal(r.source_ip, "");	/* 999.1.1.1 is no address */
	assert_true(r.arrival == 0);
	assert_true(utf8_valid(r.rcpt, strlen(r.rcpt)));
	assert_non_null(strchr(r.rcpt, '?'));
	free(b);
}

static void every_prefix(void **state)
{
	struct arf_report r;
	char err[256];
	size_t n;
	char *b = slurp(DIR "rfc5965-shape.eml", &n);
	(void)state;
	for (size_t k = 0; k <= n; k += 7) {
		char *c = malloc(k + 1);
		memcpy(c, b, k);
		if (arf_parse(c, k, &r, err, sizeof err) == 0) {
			assert_true(utf8_valid(r.subject, strlen(r.subject)));
			assert_true(utf8_valid(r.rcpt, strlen(r.rcpt)));
		}
		free(c);
	}
	free(b);
}

/* Inputs the fuzzer found (tests/fuzz/fuzz_feeds.c), kept as fixtures:
 * each parses or is refused, with valid UTF-8 out. */
static void fuzz_finds(void **state)
{
	static const char *const files[] = { DIR "fuzz-empty-feedback-part.eml" };
	struct arf_report r;
	char err[256];
	(void)state;
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		size_t n;
		char *b = slurp(files[i], &n);
		if (arf_parse(b, n, &r, err, sizeof err) == 0)
			assert_true(utf8_valid(r.rcpt, strlen(r.rcpt)));
		free(b);
	}
}

static void domains(void **state)
{
	char d[64];
	(void)state;
	arf_addr_domain("<Bounce@Mail.Example.NET>", d, sizeof d);
	assert_string_equal(d, "mail.example.net");
	arf_addr_domain("nodomain", d, sizeof d);
	assert_string_equal(d, "");
	arf_addr_domain(NULL, d, sizeof d);
	assert_string_equal(d, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rfc5965_report),
		cmocka_unit_test(jmrp_forward),
		cmocka_unit_test(not_reports),
		cmocka_unit_test(hostile_bytes),
		cmocka_unit_test(every_prefix),
		cmocka_unit_test(fuzz_finds),
		cmocka_unit_test(domains),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
