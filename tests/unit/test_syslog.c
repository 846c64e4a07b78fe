/* test_syslog - syslog header parsing: formats, year inference, zones,
 * fractions, and lines no header parser should trust. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>
#include "syslog.h"

static void use_tz(const char *tz)
{
	setenv("TZ", tz, 1);
	tzset();
}

static time_t utc(int y, int mo, int d, int h, int mi, int s)
{
	struct tm tm = { .tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d,
			 .tm_hour = h, .tm_min = mi, .tm_sec = s };
	return timegm(&tm);
}

static void span_is(struct str s, const char *want)
{
	char buf[512];
	size_t n = s.len < sizeof buf - 1 ? s.len : sizeof buf - 1;
	if (n)
		memcpy(buf, s.p, n);
	buf[n] = '\0';
	assert_string_equal(buf, want);
}

static int parse(struct syslog_ctx *c, const char *line, struct syslog_hdr *h)
{
	return syslog_parse(c, line, strlen(line), h);
}

static void test_3164_basic(void **state)
{
	struct syslog_ctx c;
	struct syslog_hdr h;
	use_tz("UTC");
	syslog_ctx_init(&c, utc(2026, 11, 28, 12, 0, 0), 0);
	assert_int_equal(parse(&c, "Nov 28 00:00:01 mx1 postfix/smtp[1234]: msg here", &h), 0);
	assert_true(h.ts == (double)utc(2026, 11, 28, 0, 0, 1));
	span_is(h.host, "mx1");
	span_is(h.prog, "postfix/smtp");
	assert_int_equal(h.pid, 1234);
	span_is(h.msg, "msg here");
}

static void test_3164_space_padded_day(void **state)
{
	struct syslog_ctx c;
	struct syslog_hdr h;
	use_tz("UTC");
	syslog_ctx_init(&c, utc(2026, 11, 28, 12, 0, 0), 0);
	assert_int_equal(parse(&c, "Nov  3 07:08:09 mx1 postfix/qmgr[7]: x", &h), 0);
	assert_true(h.ts == (double)utc(2026, 11, 3, 7, 8, 9));
	/* padding lost in a copy through HTML ("Aug 7 17:31:32"), seen in
	 * forum posts quoting Postfix logs */
	assert_int_equal(parse(&c, "Aug 7 17:31:32 mail postfix/smtp[7487]: y", &h), 0);
	assert_true(h.ts == (double)utc(2026, 8, 7, 17, 31, 32));
	span_is(h.host, "mail");
	span_is(h.msg, "y");
}

static void test_3164_new_year(void **state)
{
	struct syslog_ctx c;
	struct syslog_hdr h;
	use_tz("UTC");
	syslog_ctx_init(&c, utc(2027, 1, 1, 0, 30, 0), 0);
	assert_int_equal(parse(&c, "Dec 31 23:59:58 mx1 postfix/smtp[1]: a", &h), 0);
	assert_true(h.ts == (double)utc(2026, 12, 31, 23, 59, 58));
	assert_int_equal(parse(&c, "Jan  1 00:00:05 mx1 postfix/smtp[1]: b", &h), 0);
	assert_true(h.ts == (double)utc(2027, 1, 1, 0, 0, 5));
	/* within the 7-day slack after the reference: still this year */
	assert_int_equal(parse(&c, "Jan  5 10:00:00 mx1 postfix/smtp[1]: c", &h), 0);
	assert_true(h.ts == (double)utc(2027, 1, 5, 10, 0, 0));
	/* beyond it: last year */
	assert_int_equal(parse(&c, "Jan 20 10:00:00 mx1 postfix/smtp[1]: d", &h), 0);
	assert_true(h.ts == (double)utc(2026, 1, 20, 10, 0, 0));
}

static void test_3164_new_year_local_zone(void **state)
{
	struct syslog_ctx c;
	struct syslog_hdr h;
	/* Berlin's New Year comes an hour before UTC's: a reference at
	 * 2026-12-31T23:30Z is already 2027 on the local clock. */
	use_tz("CET-1CEST,M3.5.0,M10.5.0/3");
	syslog_ctx_init(&c, utc(2026, 12, 31, 23, 30, 0), 0);
	assert_int_equal(parse(&c, "Jan  1 00:20:00 mx1 postfix/smtp[1]: a", &h), 0);
	assert_true(h.ts == (double)utc(2026, 12, 31, 23, 20, 0));
	assert_int_equal(parse(&c, "Dec 31 23:50:00 mx1 postfix/smtp[1]: b", &h), 0);
	assert_true(h.ts == (double)utc(2026, 12, 31, 22, 50, 0));
	use_tz("UTC");
}

static void test_3164_fixed_year(void **state)
{
	struct syslog_ctx c;
	struct syslog_hdr h;
	use_tz("UTC");
	syslog_ctx_init(&c, utc(2027, 1, 1, 0, 30, 0), 2019);
	assert_int_equal(parse(&c, "Jun 18 07:24:19 servername postfix/smtp[28949]: x", &h), 0);
	assert_true(h.ts == (double)utc(2019, 6, 18, 7, 24, 19));
}

static void test_3164_berlin_dst(void **state)
{
	struct syslog_ctx c;
	struct syslog_hdr h;
	/* POSIX rule for Europe/Berlin, so the test needs no tzdata. In 2026
	 * summer time starts on Sunday 29 March at 02:00 CET and ends on
	 * Sunday 25 October at 03:00 CEST. */
	use_tz("CET-1CEST,M3.5.0,M10.5.0/3");
	syslog_ctx_init(&c, utc(2026, 11, 28, 12, 0, 0), 0);
	assert_int_equal(parse(&c, "Jan 15 12:00:00 mx1 p[1]: winter", &h), 0);
	assert_true(h.ts == (double)utc(2026, 1, 15, 11, 0, 0));
	assert_int_equal(parse(&c, "Jul  1 12:00:00 mx1 p[1]: summer", &h), 0);
	assert_true(h.ts == (double)utc(2026, 7, 1, 10, 0, 0));
	/* the DST day, across the hour cache */
	assert_int_equal(parse(&c, "Mar 29 01:30:00 mx1 p[1]: before", &h), 0);
	assert_true(h.ts == (double)utc(2026, 3, 29, 0, 30, 0));
	assert_int_equal(parse(&c, "Mar 29 01:59:59 mx1 p[1]: before", &h), 0);
	assert_true(h.ts == (double)utc(2026, 3, 29, 0, 59, 59));
	assert_int_equal(parse(&c, "Mar 29 03:00:00 mx1 p[1]: after", &h), 0);
	assert_true(h.ts == (double)utc(2026, 3, 29, 1, 0, 0));
	assert_int_equal(parse(&c, "Mar 29 03:30:00 mx1 p[1]: after", &h), 0);
	assert_true(h.ts == (double)utc(2026, 3, 29, 1, 30, 0));
	/* the repeated hour in October: either reading is a right one */
	assert_int_equal(parse(&c, "Oct 25 02:30:00 mx1 p[1]: twice", &h), 0);
	assert_true(h.ts == (double)utc(2026, 10, 25, 0, 30, 0) ||
		    h.ts == (double)utc(2026, 10, 25, 1, 30, 0));
	assert_int_equal(parse(&c, "Oct 25 04:00:00 mx1 p[1]: after", &h), 0);
	assert_true(h.ts == (double)utc(2026, 10, 25, 3, 0, 0));
	use_tz("UTC");
}

static void test_3164_berlin_tzdata(void **state)
{
	struct syslog_ctx c;
	struct syslog_hdr h;
	FILE *f = fopen("/usr/share/zoneinfo/Europe/Berlin", "r");
	if (!f)
		skip();
	fclose(f);
	use_tz("Europe/Berlin");
	syslog_ctx_init(&c, utc(2026, 11, 28, 12, 0, 0), 0);
	assert_int_equal(parse(&c, "Mar 29 03:30:00 mx1 p[1]: after", &h), 0);
	assert_true(h.ts == (double)utc(2026, 3, 29, 1, 30, 0));
	assert_int_equal(parse(&c, "Nov 28 00:00:01 mx1 p[1]: winter", &h), 0);
	assert_true(h.ts == (double)utc(2026, 11, 27, 23, 0, 1));
	use_tz("UTC");
}

static void test_iso_fraction_offset(void **state)
{
	struct syslog_ctx c;
	struct syslog_hdr h;
	use_tz("UTC");
	syslog_ctx_init(&c, 0, 0);
	assert_int_equal(parse(&c, "2026-11-28T00:00:01.123456+01:00 mx1 postfix/smtp[1234]: m",
			       &h), 0);
	assert_true(h.ts > (double)utc(2026, 11, 27, 23, 0, 1) + 0.123455);
	assert_true(h.ts < (double)utc(2026, 11, 27, 23, 0, 1) + 0.123457);
	span_is(h.host, "mx1");
	span_is(h.prog, "postfix/smtp");
	assert_int_equal(h.pid, 1234);
	span_is(h.msg, "m");
	assert_int_equal(parse(&c, "2026-11-28T00:00:01Z mx1 postfix/smtp[1]: m", &h), 0);
	assert_true(h.ts == (double)utc(2026, 11, 28, 0, 0, 1));
	assert_int_equal(parse(&c, "2026-11-28T00:00:01.5-05:30 mx1 postfix/smtp[1]: m", &h), 0);
	assert_true(h.ts == (double)utc(2026, 11, 28, 5, 30, 1) + 0.5);
}

static void test_iso_journalctl_short_iso(void **state)
{
	struct syslog_ctx c;
	struct syslog_hdr h;
	use_tz("UTC");
	syslog_ctx_init(&c, 0, 0);
	/* journalctl -o short-iso writes the offset without a colon */
	assert_int_equal(parse(&c, "2026-11-28T00:00:01+0100 mx1 postfix/smtp[1234]: m", &h), 0);
	assert_true(h.ts == (double)utc(2026, 11, 27, 23, 0, 1));
	/* short-iso-precise */
	assert_int_equal(parse(&c, "2026-11-28T00:00:01.250000+0100 mx1 postfix/smtp[1]: m", &h), 0);
	assert_true(h.ts == (double)utc(2026, 11, 27, 23, 0, 1) + 0.25);
}

static void test_iso_real_rsyslog_line(void **state)
{
	struct syslog_ctx c;
	struct syslog_hdr h;
	/* rsyslog high-precision line quoted in 1it/docker-mail issue #2 */
	const char *l = "2019-04-11T19:41:56.554496+00:00 09ad1b99d14b postfix/lmtp[238]: "
			"87F043F2BE: to=<info@domain.de>, relay=none";
	use_tz("UTC");
	syslog_ctx_init(&c, 0, 0);
	assert_int_equal(parse(&c, l, &h), 0);
	assert_true(h.ts > 1555011716.5544 && h.ts < 1555011716.5546);
	span_is(h.host, "09ad1b99d14b");
	span_is(h.prog, "postfix/lmtp");
	assert_int_equal(h.pid, 238);
}

static void test_iso_local_time(void **state)
{
	struct syslog_ctx c;
	struct syslog_hdr h;
	use_tz("CET-1CEST,M3.5.0,M10.5.0/3");
	syslog_ctx_init(&c, 0, 0);
	assert_int_equal(parse(&c, "2026-07-01 12:00:00 mx1 postfix/smtp[1]: m", &h), 0);
	assert_true(h.ts == (double)utc(2026, 7, 1, 10, 0, 0));
	assert_int_equal(parse(&c, "2026-07-01T12:00:00.75 mx1 postfix/smtp[1]: m", &h), 0);
	assert_true(h.ts == (double)utc(2026, 7, 1, 10, 0, 0) + 0.75);
	use_tz("UTC");
}

static void test_5424(void **state)
{
	struct syslog_ctx c;
	struct syslog_hdr h;
	use_tz("UTC");
	syslog_ctx_init(&c, 0, 0);
	assert_int_equal(parse(&c, "<22>1 2026-11-28T00:00:01.003Z mx1 postfix/smtp 1234 - - msg", &h),
			 0);
	assert_true(h.ts > (double)utc(2026, 11, 28, 0, 0, 1) + 0.0029);
	assert_true(h.ts < (double)utc(2026, 11, 28, 0, 0, 1) + 0.0031);
	span_is(h.host, "mx1");
	span_is(h.prog, "postfix/smtp");
	assert_int_equal(h.pid, 1234);
	span_is(h.msg, "msg");
	/* structured data with an escaped ']' inside a value, and a BOM
	 * (RFC 5424 section 6.3 and 6.4 examples' shape) */
	assert_int_equal(parse(&c, "<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - "
			       "ID47 [exampleSDID@32473 iut=\"3\" x=\"a\\]b\"][y@1 z=\"\"] \xEF\xBB\xBF"
			       "An application event", &h), 0);
	span_is(h.host, "mymachine.example.com");
	span_is(h.prog, "evntslog");
	assert_int_equal(h.pid, -1);
	span_is(h.msg, "An application event");
	/* nil host and app, no message */
	assert_int_equal(parse(&c, "<13>1 2026-11-28T00:00:01Z - - - - -", &h), 0);
	assert_int_equal(h.host.len, 0);
	assert_int_equal(h.prog.len, 0);
	assert_int_equal(h.msg.len, 0);
	/* a nil timestamp gives nothing to store */
	assert_int_equal(parse(&c, "<13>1 - mx1 app - - - msg", &h), -1);
}

static void test_pri_then_3164(void **state)
{
	struct syslog_ctx c;
	struct syslog_hdr h;
	use_tz("UTC");
	syslog_ctx_init(&c, utc(2026, 11, 28, 12, 0, 0), 0);
	assert_int_equal(parse(&c, "<22>Nov 28 00:00:01 mx1 postfix/smtp[9]: m", &h), 0);
	span_is(h.prog, "postfix/smtp");
	assert_int_equal(h.pid, 9);
}

static void test_tags(void **state)
{
	struct syslog_ctx c;
	struct syslog_hdr h;
	use_tz("UTC");
	syslog_ctx_init(&c, utc(2026, 11, 28, 12, 0, 0), 0);
	assert_int_equal(parse(&c, "Nov 28 00:00:01 mx1 postfix/smtp: no pid", &h), 0);
	span_is(h.prog, "postfix/smtp");
	assert_int_equal(h.pid, -1);
	span_is(h.msg, "no pid");
	assert_int_equal(parse(&c, "Nov 28 00:00:01 mx1 last message repeated 3 times", &h), 0);
	assert_int_equal(h.prog.len, 0);
	span_is(h.msg, "last message repeated 3 times");
	assert_int_equal(parse(&c, "Nov 28 00:00:01 mx1 postfix/submission/smtpd[6466]: x", &h), 0);
	span_is(h.prog, "postfix/submission/smtpd");
	assert_int_equal(parse(&c, "Nov 28 00:00:01 mx1 prog[12x]: odd pid", &h), 0);
	assert_int_equal(h.pid, -1);
	span_is(h.msg, "odd pid");
	assert_int_equal(parse(&c, "Nov 28 00:00:01 mx1 prog[99999999999999]: big", &h), 0);
	assert_int_equal(h.pid, -1);
	/* rsyslog's file line for a relayed RFC 5424 message: no ':' after the tag */
	assert_int_equal(parse(&c, "2026-11-28T00:00:01.5Z mx3 postfix/smtp[2213] 5F9D1C2A3B: to=<a@b>", &h), 0);
	span_is(h.prog, "postfix/smtp");
	assert_int_equal(h.pid, 2213);
	span_is(h.msg, "5F9D1C2A3B: to=<a@b>");
	assert_int_equal(parse(&c, "Nov 28 00:00:01 mx1 prog[12] ", &h), 0);
	span_is(h.prog, "prog");
	assert_int_equal(h.msg.len, 0);
}

static void test_rejects(void **state)
{
	static const char *const bad[] = {
		"", "hello world", "Foo 28 00:00:01 mx1 p: m", "Nov 32 00:00:01 mx1 p: m",
		"Nov 28 24:00:01 mx1 p: m", "Nov 28 00:60:01 mx1 p: m", "Nov 28 00:00:01",
		"Nov 28 00:00:01 ", "2026-13-28T00:00:01Z mx1 p: m", "2026-11-28X00:00:01Z mx1 p: m",
		"2026-11-28T00:00:01+2500 mx1 p: m", "2026-11-28T00:00:01Zmx1 p: m", "<22", "<>1 x",
		"<22>1 2026-11-28T00:00:01Z mx1", "<22>1 2026-11-28T00:00:01Z a b c d [unclosed",
	};
	struct syslog_ctx c;
	struct syslog_hdr h;
	syslog_ctx_init(&c, utc(2026, 11, 28, 12, 0, 0), 0);
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		if (parse(&c, bad[i], &h) != -1)
			fail_msg("accepted: \"%s\"", bad[i]);
	}
}

static void spans_inside(const struct syslog_hdr *h, const char *line, size_t len)
{
	const struct str *s[] = { &h->host, &h->prog, &h->msg };
	for (size_t i = 0; i < 3; i++) {
		if (s[i]->len == 0)
			continue;
		assert_true(s[i]->p >= line);
		assert_true(s[i]->p + s[i]->len <= line + len);
	}
}

static void test_every_prefix(void **state)
{
	static const char *const lines[] = {
		"Nov 28 00:00:01 mx1 postfix/smtp[1234]: 4F9D1C2A3B: to=<a@b>, status=sent (ok)",
		"2026-11-28T00:00:01.123456+01:00 mx1 postfix/smtp[1234]: m",
		"<22>1 2026-11-28T00:00:01.003Z mx1 postfix/smtp 1234 - [a b=\"]\"] msg",
	};
	struct syslog_ctx c;
	struct syslog_hdr h;
	syslog_ctx_init(&c, utc(2026, 11, 28, 12, 0, 0), 0);
	for (size_t k = 0; k < sizeof lines / sizeof *lines; k++) {
		size_t n = strlen(lines[k]);
		for (size_t len = 0; len <= n; len++) {
			/* an exact-size heap copy, so a read past len is caught
			 * by the sanitizer build */
			char *cp = malloc(len ? len : 1);
			memcpy(cp, lines[k], len);
			if (syslog_parse(&c, cp, len, &h) == 0)
				spans_inside(&h, cp, len);
			free(cp);
		}
	}
}

static void test_nul_and_binary(void **state)
{
	struct syslog_ctx c;
	struct syslog_hdr h;
	static const char l[] = "Nov 28 00:00:01 mx\0 post\0fix[1]: a\0b\xff\xfe";
	syslog_ctx_init(&c, utc(2026, 11, 28, 12, 0, 0), 0);
	assert_int_equal(syslog_parse(&c, l, sizeof l - 1, &h), 0);
	assert_int_equal(h.host.len, 3);
	spans_inside(&h, l, sizeof l - 1);
	/* NUL inside the time */
	static const char t[] = "Nov 28 00:\0:01 mx1 p[1]: m";
	assert_int_equal(syslog_parse(&c, t, sizeof t - 1, &h), -1);
	/* random bytes never crash and never point outside */
	unsigned seed = 12345;
	char buf[64];
	for (int i = 0; i < 20000; i++) {
		for (size_t j = 0; j < sizeof buf; j++) {
			seed = seed * 1103515245u + 12345u;
			buf[j] = (char)(seed >> 16);
		}
		memcpy(buf, i & 1 ? "Nov 28 00:00:01 " : "<1>1 2026-11-28T00:00:01Z ", i & 1 ? 16 : 26);
		if (syslog_parse(&c, buf, sizeof buf, &h) == 0)
			spans_inside(&h, buf, sizeof buf);
	}
}

static void test_huge_line(void **state)
{
	struct syslog_ctx c;
	struct syslog_hdr h;
	size_t n = 1 << 20;
	char *l = malloc(n);
	memset(l, 'A', n);
	static const char hd[] = "Nov 28 00:00:01 mx1 postfix/smtp[1]: ";
	memcpy(l, hd, sizeof hd - 1);
	syslog_ctx_init(&c, utc(2026, 11, 28, 12, 0, 0), 0);
	assert_int_equal(syslog_parse(&c, l, n, &h), 0);
	assert_int_equal(h.msg.len, n - (sizeof hd - 1));
	/* a 1 MiB host name: no tag, still inside the line */
	memset(l + 16, 'h', n - 16);
	assert_int_equal(syslog_parse(&c, l, n, &h), 0);
	assert_int_equal(h.host.len, n - 16);
	free(l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_3164_basic),
		cmocka_unit_test(test_3164_space_padded_day),
		cmocka_unit_test(test_3164_new_year),
		cmocka_unit_test(test_3164_new_year_local_zone),
		cmocka_unit_test(test_3164_fixed_year),
		cmocka_unit_test(test_3164_berlin_dst),
		cmocka_unit_test(test_3164_berlin_tzdata),
		cmocka_unit_test(test_iso_fraction_offset),
		cmocka_unit_test(test_iso_journalctl_short_iso),
		cmocka_unit_test(test_iso_real_rsyslog_line),
		cmocka_unit_test(test_iso_local_time),
		cmocka_unit_test(test_5424),
		cmocka_unit_test(test_pri_then_3164),
		cmocka_unit_test(test_tags),
		cmocka_unit_test(test_rejects),
		cmocka_unit_test(test_every_prefix),
		cmocka_unit_test(test_nul_and_binary),
		cmocka_unit_test(test_huge_line),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
