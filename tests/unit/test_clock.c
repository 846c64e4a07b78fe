/* Unit tests for clock: BOUNCEWATCH_NOW pins the time of every command. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <time.h>
#include "clock.h"

static void pinned(void **state)
{
	double t = 0;
	(void)state;
	setenv("BOUNCEWATCH_NOW", "1795834800.25", 1);
	assert_int_equal(clock_pinned(&t), 1);
	assert_true(t == 1795834800.25);
	assert_true(clock_now() == 1795834800.25);
}

static void unset_is_real_time(void **state)
{
	double t = 0, before = (double)time(NULL);
	(void)state;
	unsetenv("BOUNCEWATCH_NOW");
	assert_int_equal(clock_pinned(&t), 0);
	assert_true(clock_now() >= before && clock_now() < before + 60);
	setenv("BOUNCEWATCH_NOW", "", 1);
	assert_int_equal(clock_pinned(&t), 0);
}

static void bad_values_refused(void **state)
{
	static const char *const bad[] = { "2026-11-28", "17958x", "-5", "0", "nan", "inf" };
	double t = 0;
	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		setenv("BOUNCEWATCH_NOW", bad[i], 1);
		assert_int_equal(clock_pinned(&t), -1);
		assert_true(clock_now() > 1e9);	/* falls back to the real clock */
	}
	unsetenv("BOUNCEWATCH_NOW");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pinned),
		cmocka_unit_test(unset_is_real_time),
		cmocka_unit_test(bad_values_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
