/* Unit tests for when.c: every form --since / --until take, with the
 * clock pinned (an argument) and the zone pinned (TZ). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <time.h>
#include "when.h"

/* 2026-11-28T15:30:00Z, a Saturday; in Europe/Berlin (CET, +01:00) 16:30. */
#define NOW 1795879800.0

static double at(const char *s)
{
	double t = -1;
	assert_int_equal(when_parse(s, NOW, &t), 0);
	return t;
}

static void bad(const char *s)
{
	double t = 12345;
	assert_int_equal(when_parse(s, NOW, &t), -1);
	assert_true(t == 12345);
}

static int utc(void **state)
{
	(void)state;
	setenv("TZ", "UTC", 1);
	tzset();
	return 0;
}

static int berlin(void **state)
{
	(void)state;
	setenv("TZ", "Europe/Berlin", 1);
	tzset();
	return 0;
}

static void test_relative(void **state)
{
	(void)state;
	assert_true(at("now") == NOW);
	assert_true(at("2d") == NOW - 2 * 86400);
	assert_true(at("-2d") == NOW - 2 * 86400);
	assert_true(at("1y") == NOW - 365 * 86400);	/* 365 days, not a calendar year */
	assert_true(at("36h") == NOW - 36 * 3600);
	assert_true(at("-90m") == NOW - 90 * 60);
	assert_true(at("90") == NOW - 90);
	assert_true(at("@1700000000") == 1700000000.0);
}

static void test_days_utc(void **state)
{
	(void)state;
	assert_true(at("today") == 1795824000.0);	/* 2026-11-28T00:00Z */
	assert_true(at("yesterday") == 1795824000.0 - 86400);
	assert_true(at("2026-11-28") == 1795824000.0);
}

static void test_days_local(void **state)
{
	(void)state;
	/* local midnight in Berlin is 23:00 UTC the day before */
	assert_true(at("today") == 1795824000.0 - 3600);
	assert_true(at("yesterday") == 1795824000.0 - 3600 - 86400);
	assert_true(at("2026-11-28") == 1795824000.0 - 3600);
	assert_true(at("2026-11-28T10:00") == 1795824000.0 - 3600 + 10 * 3600);
	/* summer time: +02:00 */
	assert_true(at("2026-07-01 12:00:00") == at("2026-07-01T10:00:00Z"));
}

static void test_iso_zones(void **state)
{
	(void)state;
	double base = 1795824000.0 + 10 * 3600;	/* 2026-11-28T10:00Z */
	assert_true(at("2026-11-28T10:00Z") == base);
	assert_true(at("2026-11-28T10:00:00Z") == base);
	assert_true(at("2026-11-28T10:00:00.250Z") == base);
	assert_true(at("2026-11-28t10:00z") == base);
	assert_true(at("2026-11-28T11:00+01:00") == base);
	assert_true(at("2026-11-28T11:00+0100") == base);
	assert_true(at("2026-11-28T05:00-05") == base);
	assert_true(at("2026-11-28T10:00:30Z") == base + 30);
}

static void test_bad(void **state)
{
	(void)state;
	const char *const cases[] = { "", "tomorrow", "2d3", "--2d", "2yr", "2026-11-31",
		"2026-13-01", "2026-11-28T25:00", "2026-11-28T10", "2026-11-28T10:00+1",
		"2026-11-28T10:00+24:00", "2026-11-28x", "26-11-28", "@", "@12x", "@-5",
		"1969-12-31", "2026-11-28T10:00Z junk" };
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		bad(cases[i]);
	assert_int_equal(when_parse(NULL, NOW, &(double){ 0 }), -1);
}

static void test_duration(void **state)
{
	(void)state;
	assert_int_equal(when_duration("90s"), 90);
	assert_int_equal(when_duration("15m"), 900);
	assert_int_equal(when_duration("2w"), 14 * 86400);
	assert_int_equal(when_duration("1y"), 365 * 86400);
	assert_int_equal(when_duration("1yr"), -1);
	assert_int_equal(when_duration("7"), 7);
	assert_int_equal(when_duration("7x"), -1);
	assert_int_equal(when_duration("-7d"), -1);
	assert_int_equal(when_duration("7dd"), -1);
	assert_int_equal(when_duration("99999999999999999999d"), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_relative, utc),
		cmocka_unit_test_setup(test_days_utc, utc),
		cmocka_unit_test_setup(test_days_local, berlin),
		cmocka_unit_test_setup(test_iso_zones, berlin),
		cmocka_unit_test_setup(test_bad, utc),
		cmocka_unit_test(test_duration),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
