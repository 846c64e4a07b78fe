/* Unit tests for snds: the two SNDS feeds in the shapes the SNDS FAQ and
 * public readers of the feed show, and the awkward ones. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "snds.h"

struct got {
	struct snds_day day[8];
	struct snds_range range[8];
	size_t nday, nrange, nbad, bad_line[8];
};

static int on_day(void *arg, const struct snds_day *d, char *err, size_t errlen)
{
	struct got *g = arg;
	(void)err, (void)errlen;
	if (g->nday < 8)
		g->day[g->nday] = *d;
	g->nday++;
	return 0;
}

static int on_range(void *arg, const struct snds_range *r, char *err, size_t errlen)
{
	struct got *g = arg;
	(void)err, (void)errlen;
	if (g->nrange < 8)
		g->range[g->nrange] = *r;
	g->nrange++;
	return 0;
}

static void on_bad(void *arg, size_t line, const char *why)
{
	struct got *g = arg;
	(void)why;
	if (g->nbad < 8)
		g->bad_line[g->nbad] = line;
	g->nbad++;
}

static const char DATA[] =
	"203.0.113.7,11/27/2026 8:00 AM,11/28/2026 7:00 AM,1412,1410,1302,GREEN,< 0.1%,,,0,,,\r\n"
	"203.0.113.8,11/27/2026 9:00 PM,11/28/2026 9:00 PM,473,470,468,RED,2.5%,"
	"11/28/2026 8:07 AM,11/28/2026 12:03 PM,41,mx2.example.net,bounce@example.net,\r\n"
	"203.0.113.9,11/27/2026 12:00 AM,11/28/2026 12:30 PM,10,10,10,YELLOW,0.4%,,,3,\"helo, with comma\",,note\r\n";

static void data_feed(void **state)
{
	struct got g = { .nday = 0 };
	struct snds_counts c = { 0, 0 };
	char err[128];
	(void)state;
	assert_int_equal(snds_parse_data(DATA, sizeof DATA - 1, on_day, on_bad, &g, &c, err, sizeof err), 0);
	assert_int_equal(c.records, 3);
	assert_int_equal(c.skipped, 0);
	assert_string_equal(g.day[0].ip, "203.0.113.7");
	assert_string_equal(g.day[0].filter, "GREEN");
	assert_true(g.day[0].complaint_below && g.day[0].complaint_rate == 0.001);
	assert_int_equal(g.day[0].rcpt, 1412);
	assert_int_equal(g.day[0].recipients, 1302);
	assert_string_equal(g.day[0].day, "2026-11-28");
	assert_true(g.day[0].activity_start == 1795737600.0 + 8 * 3600);	/* 2026-11-27 08:00 */
	assert_string_equal(g.day[1].filter, "RED");
	assert_true(g.day[1].complaint_rate > 0.0249 && g.day[1].complaint_rate < 0.0251);
	assert_int_equal(g.day[1].trap_hits, 41);
	assert_string_equal(g.day[1].helo, "mx2.example.net");
	assert_string_equal(g.day[1].mail_from, "bounce@example.net");
	assert_true(g.day[1].activity_end == 1795737600.0 + 86400 + 21 * 3600);
	assert_string_equal(g.day[2].helo, "helo, with comma");
	assert_string_equal(g.day[2].comments, "note");
	assert_true(g.day[2].activity_start == 1795737600.0);	/* 12:00 AM is midnight */
	assert_true(g.day[2].activity_end == 1795737600.0 + 86400 + 12 * 3600 + 1800);
}

static void bad_records_skipped(void **state)
{
	static const char in[] =
		"not-an-ip,11/27/2026 8:00 AM,11/28/2026 7:00 AM,1,1,1,GREEN,< 0.1%,,,0,,,\r\n"
		"\r\n"
		"203.0.113.7,13/27/2026 8:00 AM,11/28/2026 7:00 AM,1,1,1,GREEN,< 0.1%,,,0,,,\r\n"
		"203.0.113.7,11/27/2026 8:00 AM,11/28/2026 7:00 AM,x,1,1,GREEN,< 0.1%,,,0,,,\r\n"
		"203.0.113.7,11/27/2026 8:00 AM,11/28/2026 7:00 AM,1,1,1,BLUE,< 0.1%,,,0,,,\r\n"
		"203.0.113.7,11/27/2026 8:00 AM,11/28/2026 7:00 AM,1,1,1,GREEN,lots,,,0,,,\r\n"
		"203.0.113.7,11/27/2026\r\n"
		"203.0.113.7,11/27/2026 8:00 AM,11/28/2026 7:00 AM,1,1,1,GREEN,< 0.1%,,,0,,,\r\n";
	struct got g = { .nday = 0 };
	struct snds_counts c = { 0, 0 };
	char err[128];
	(void)state;
	assert_int_equal(snds_parse_data(in, sizeof in - 1, on_day, on_bad, &g, &c, err, sizeof err), 0);
	assert_int_equal(c.records, 1);
	assert_int_equal(c.skipped, 6);
	assert_int_equal(g.bad_line[0], 1);
	assert_int_equal(g.bad_line[1], 3);	/* the blank line 2 is no record */
	assert_int_equal(g.bad_line[5], 7);
}

static void status_feed(void **state)
{
	static const char in[] =
		"203.0.113.0,203.0.113.3,Yes,Blocked due to user complaints or other evidence of spamming\r\n"
		"2001:db8::1,2001:db8::1,Yes,\r\n"
		"198.51.100.9,198.51.100.9,No,\r\n";
	struct got g = { .nday = 0 };
	struct snds_counts c = { 0, 0 };
	uint32_t a, b;
	char err[128];
	(void)state;
	assert_int_equal(snds_parse_status(in, sizeof in - 1, on_range, on_bad, &g, &c, err, sizeof err), 0);
	assert_int_equal(c.records, 3);
	assert_true(g.range[0].blocked);
	assert_string_equal(g.range[0].reason, "Blocked due to user complaints or other evidence of spamming");
	assert_int_equal(snds_range_v4(&g.range[0], &a, &b), 0);
	assert_int_equal(b - a, 3);
	assert_int_equal(snds_range_v4(&g.range[1], &a, &b), -1);
	assert_false(g.range[2].blocked);
}

static void times(void **state)
{
	double t;
	(void)state;
	assert_int_equal(snds_parse_time("1/2/2026 12:05 PM", 17, &t), 0);
	assert_true(t == 1767355500.0);	/* 2026-01-02 12:05 UTC */
	assert_int_equal(snds_parse_time("1/2/2026 13:05", 14, &t), 0);
	assert_int_equal(snds_parse_time("1/2/2026 13:05 PM", 17, &t), -1);
	assert_int_equal(snds_parse_time("1/2/2026 0:05 AM", 16, &t), -1);
	assert_int_equal(snds_parse_time("1/2/2026", 8, &t), -1);
	assert_int_equal(snds_parse_time("", 0, &t), -1);
}

static void every_prefix(void **state)
{
	struct snds_counts c = { 0, 0 };
	char err[128];
	(void)state;
	for (size_t k = 0; k < sizeof DATA - 1; k++) {
		struct got g = { .nday = 0 };
		assert_int_equal(snds_parse_data(DATA, k, on_day, on_bad, &g, &c, err, sizeof err), 0);
		assert_int_equal(snds_parse_status(DATA, k, on_range, on_bad, &g, &c, err, sizeof err), 0);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(data_feed),
		cmocka_unit_test(bad_records_skipped),
		cmocka_unit_test(status_feed),
		cmocka_unit_test(times),
		cmocka_unit_test(every_prefix),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
