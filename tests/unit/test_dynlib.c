/* Unit tests for dynlib.c: a real library loaded by its soname with its
 * functions typed and callable; a soname that does not exist and a
 * function a library lacks fail with the soname, the purpose and the
 * package named, fill no slot, and fail the same way when asked again. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include <zlib.h>
#include "dynlib.h"

#define ZLIB_FUNCS(X) X(zlibVersion) X(crc32)
DYNLIB_DEFINE(libz, ZLIB_FUNCS, "libz.so.1", "zlib1g", "a test");

#define MISSING_FUNCS(X) X(adler32)
DYNLIB_DEFINE(missing, MISSING_FUNCS, "libbouncewatch-not-there.so.9", "no-such-package",
	      "nothing real");

/* zlib with a function it does not have (declared here, defined nowhere,
 * never called: only its name is looked up). */
int no_such_function(void);
#define LACKING_FUNCS(X) X(deflateEnd) X(no_such_function)
DYNLIB_DEFINE(lacking, LACKING_FUNCS, "libz.so.1", "zlib1g", "a test");

static void test_loads_and_calls(void **state)
{
	char err[512] = "";
	(void)state;
	assert_int_equal(dynlib_load(&libz, err, sizeof err), 0);
	assert_string_equal(dl_zlibVersion(), zlibVersion());	/* the same library */
	assert_int_equal(dl_crc32(0, (const Bytef *)"abc", 3), 0x352441c2);
	assert_int_equal(dynlib_load(&libz, err, sizeof err), 0);	/* once is enough */
}

static void test_missing_library(void **state)
{
	char err[512] = "";
	(void)state;
	assert_int_equal(dynlib_load(&missing, err, sizeof err), -1);
	assert_non_null(strstr(err, "cannot load libbouncewatch-not-there.so.9 (needed for nothing real; "
				    "Debian package no-such-package): "));
	assert_null(*missing.slots[0]);
	err[0] = '\0';
	assert_int_equal(dynlib_load(&missing, err, sizeof err), -1);
	assert_non_null(strstr(err, "cannot load libbouncewatch-not-there.so.9"));
}

static void test_missing_function(void **state)
{
	char err[512] = "";
	(void)state;
	assert_int_equal(dynlib_load(&lacking, err, sizeof err), -1);
	assert_non_null(strstr(err, "libz.so.1 has no function no_such_function (needed for a test; "
				    "Debian package zlib1g, too old?)"));
	assert_null(*lacking.slots[0]);	/* all or none: deflateEnd was found, then cleared */
	assert_null(*lacking.slots[1]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_loads_and_calls),
		cmocka_unit_test(test_missing_library),
		cmocka_unit_test(test_missing_function),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
