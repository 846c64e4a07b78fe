/* Unit tests for optnum.c: the one strict reading of numbers in option
 * values. Every value a loose strtol/strtod would take in part must be
 * refused whole, with a message naming the option and the value. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include "optnum.h"

static void long_ok(const char *v, long lo, long hi, long want)
{
	char err[256] = "";
	long n = -12345;
	assert_int_equal(optnum_long("--n", v, lo, hi, &n, err, sizeof err), 0);
	assert_int_equal(n, want);
}

static void long_bad(const char *v, long lo, long hi)
{
	char err[256] = "", want[256];
	long n = -12345;
	assert_int_equal(optnum_long("--year", v, lo, hi, &n, err, sizeof err), -1);
	assert_int_equal(n, -12345);	/* untouched */
	assert_non_null(strstr(err, "--year: expected a whole number"));
	snprintf(want, sizeof want, "got '%s'", v);
	assert_non_null(strstr(err, want));
}

static void whole(void **state)
{
	(void)state;
	long_ok("2024", 1970, 9999, 2024);
	long_ok("0", 0, LONG_MAX, 0);
	long_ok("-3", -5, 5, -3);
	long_ok("1970", 1970, 9999, 1970);
	long_ok("9999", 1970, 9999, 9999);
	long_ok("007", 0, 10, 7);
	const char *bad[] = { "2024x", "x2024", "", " 2024", "2024 ", "+2024", "20 24", "2024.0",
			      "2e3", "0x7e8", "10k", "-", "--1", "99999999999999999999999", NULL };
	for (const char **b = bad; *b; b++)
		long_bad(*b, 1970, 9999);
	long_bad("1969", 1970, 9999);
	long_bad("10000", 1970, 9999);
	long_bad("-3", 0, LONG_MAX);
}

static void messages(void **state)
{
	char err[256];
	long n;
	(void)state;
	optnum_long("--year", "2024x", 1970, 9999, &n, err, sizeof err);
	assert_string_equal(err, "--year: expected a whole number from 1970 to 9999, got '2024x'");
	optnum_long("--top", "-3", 0, LONG_MAX, &n, err, sizeof err);
	assert_string_equal(err, "--top: expected a whole number of at least 0, got '-3'");
	optnum_long(NULL, "x", 1, 10, &n, err, sizeof err);
	assert_string_equal(err, "expected a whole number from 1 to 10, got 'x'");
	optnum_long("--n", "a\nb\033c", 1, 10, &n, err, sizeof err);
	assert_null(strchr(err, '\n'));	/* the value is shown printable */
	assert_null(strchr(err, '\033'));
	char longv[300];
	memset(longv, '9', sizeof longv - 1);
	longv[sizeof longv - 1] = '\0';
	optnum_long("--n", longv, 1, 10, &n, err, sizeof err);
	assert_non_null(strstr(err, "...'"));	/* cut, and says so */
}

static void decimal(void **state)
{
	char err[256];
	double d = -1;
	(void)state;
	assert_int_equal(optnum_double("--poll", "1.5", 0, 10, &d, err, sizeof err), 0);
	assert_true(d == 1.5);
	assert_int_equal(optnum_double("--poll", ".5", 0, 10, &d, err, sizeof err), 0);
	assert_true(d == 0.5);
	assert_int_equal(optnum_double("--poll", "3", 0, 10, &d, err, sizeof err), 0);
	assert_true(d == 3);
	assert_int_equal(optnum_double("--poll", "3.", 0, 10, &d, err, sizeof err), 0);
	const char *bad[] = { "1e9", "1e-3", "nan", "inf", "-inf", "0x10", "1.5.2", ".", "", " 1",
			      "1 ", "+1", "1,5", "11", "-1", NULL };
	for (const char **b = bad; *b; b++) {
		d = 42;
		assert_int_equal(optnum_double("--poll", *b, 0, 10, &d, err, sizeof err), -1);
		assert_true(d == 42);
		assert_non_null(strstr(err, "--poll: expected a number from 0 to 10"));
	}
}

static void duration(void **state)
{
	char err[256];
	long s = -1;
	(void)state;
	assert_int_equal(optnum_duration("--t", "90", 1, LONG_MAX, &s, err, sizeof err), 0);
	assert_int_equal(s, 90);
	assert_int_equal(optnum_duration("--t", "15m", 1, LONG_MAX, &s, err, sizeof err), 0);
	assert_int_equal(s, 900);
	assert_int_equal(optnum_duration("--t", "2w", 1, LONG_MAX, &s, err, sizeof err), 0);
	assert_int_equal(s, 14 * 86400);
	assert_int_equal(optnum_duration("--t", "0", 0, LONG_MAX, &s, err, sizeof err), 0);
	assert_int_equal(s, 0);
	const char *bad[] = { "1e9", "5 minutes", "15mm", "-5m", "m", "", "1.5h", "0", NULL };
	for (const char **b = bad; *b; b++) {
		s = 42;
		assert_int_equal(optnum_duration("--alert-timeout", *b, 1, LONG_MAX, &s, err,
						 sizeof err), -1);
		assert_int_equal(s, 42);
		assert_non_null(strstr(err, "--alert-timeout: expected a duration of at least 1s"));
	}
	assert_int_equal(optnum_duration("--retention", "30m", 3600, 86400, &s, err, sizeof err), -1);
	assert_string_equal(err, "--retention: expected a duration from 1h to 1d (90s, 15m, 24h, 7d, "
				 "2w), got '30m'");
}

static void rate(void **state)
{
	char err[256];
	double r = -1;
	(void)state;
	assert_int_equal(optnum_rate("--r", "0.1", 0, 1, &r, err, sizeof err), 0);
	assert_true(r == 0.1);
	assert_int_equal(optnum_rate("--r", "10%", 0, 1, &r, err, sizeof err), 0);
	assert_true(r > 0.0999 && r < 0.1001);
	assert_int_equal(optnum_rate("--r", "100%", 0, 1, &r, err, sizeof err), 0);
	assert_true(r == 1);
	const char *bad[] = { "1.5", "150%", "%", "10%%", "x%", "1e-1", "-0.1", "", "10 %", NULL };
	for (const char **b = bad; *b; b++) {
		r = 42;
		assert_int_equal(optnum_rate("--warning", *b, 0, 1, &r, err, sizeof err), -1);
		assert_true(r == 42);
		assert_non_null(strstr(err, "--warning: expected a fraction"));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(whole),
		cmocka_unit_test(messages),
		cmocka_unit_test(decimal),
		cmocka_unit_test(duration),
		cmocka_unit_test(rate),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
