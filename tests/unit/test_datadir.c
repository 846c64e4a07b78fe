/* Unit tests for datadir: the data directory beside a binary. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "datadir.h"

static void beside_the_binary(void **state)
{
	char out[128];
	(void)state;
	assert_int_equal(datadir_beside("/usr/bin/bouncewatch", "patterns", out, sizeof out), 0);
	assert_string_equal(out, "/usr/bin/../share/bouncewatch/patterns");
	assert_int_equal(datadir_beside("/opt/bw/bin/bouncewatch", "x", out, sizeof out), 0);
	assert_string_equal(out, "/opt/bw/bin/../share/bouncewatch/x");
	assert_int_equal(datadir_beside("/bouncewatch", "patterns", out, sizeof out), 0);
	assert_string_equal(out, "/../share/bouncewatch/patterns");
}

static void no_directory_or_no_room(void **state)
{
	char out[16];
	(void)state;
	assert_int_equal(datadir_beside("bouncewatch", "patterns", out, sizeof out), -1);
	assert_int_equal(datadir_beside("/usr/bin/bouncewatch", "patterns", out, sizeof out), -1);
}

static void self_is_this_test(void **state)
{
	char out[4096];
	(void)state;
	assert_int_equal(datadir_self(out, sizeof out), 0);
	assert_non_null(strstr(out, "test_datadir"));
	assert_int_equal(datadir_self(out, 4), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(beside_the_binary),
		cmocka_unit_test(no_directory_or_no_room),
		cmocka_unit_test(self_is_this_test),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
