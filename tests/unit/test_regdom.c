/* Unit tests for regdom: the registered domain of relay host names, and
 * everything that is not a host name. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "regdom.h"

static const char *rd(const char *host)
{
	static char out[256];
	return regdom_of(host, strlen(host), out, sizeof out) ? out : NULL;
}

static void names(void **state)
{
	(void)state;
	assert_string_equal(rd("mx.evil.example"), "evil.example");
	assert_string_equal(rd("evil.example"), "evil.example");
	assert_string_equal(rd("a.b.c.MX.Evil.Example."), "evil.example");
	assert_string_equal(rd("mx2.mail.example.co.uk"), "example.co.uk");
	assert_string_equal(rd("mx.shop.com.au"), "shop.com.au");
	assert_string_equal(rd("mail.ne.jp"), "mail.ne.jp");	/* the label below ne.jp */
	assert_string_equal(rd("mx.example.de"), "example.de");
	assert_string_equal(rd("mx.co.example"), "co.example");	/* "co" only below a country code */
	assert_string_equal(rd("co.uk"), "co.uk");
}

static void not_names(void **state)
{
	char out[8], big[64];
	(void)state;
	assert_null(rd(""));
	assert_null(rd("none"));
	assert_null(rd("local"));
	assert_null(rd("198.51.100.66"));
	assert_null(rd("2001:db8::1"));
	assert_null(rd("mx..example"));
	assert_null(rd(".example"));
	assert_null(rd("mx.evil.example\x1b[31m"));
	assert_null(rd("mx evil.example"));
	assert_int_equal(regdom_of("mx.evil.example", 15, out, sizeof out), 0);	/* does not fit */
	assert_string_equal(out, "");
	assert_int_equal(regdom_of(NULL, 0, out, sizeof out), 0);
	/* a span, not a C string: the bytes after len do not count */
	assert_int_equal(regdom_of("mx.a.example|junk", 12, big, sizeof big), 1);
	assert_string_equal(big, "a.example");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(names),
		cmocka_unit_test(not_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
