/* Unit tests for reply_normalise(): what is masked, what is kept, bounds. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "normalise.h"

static const char *norm(const char *in)
{
	static char out[512];
	reply_normalise(in, strlen(in), out, sizeof out);
	return out;
}

static void test_masks(void **state)
{
	assert_string_equal(norm("550 5.7.1 Unfortunately, messages from [203.0.113.7] weren't sent"),
			    "550 5.7.1 Unfortunately, messages from [<ip>] weren't sent");
	assert_string_equal(norm("421-4.7.28 [2001:db8::7      15] rate limited"),
			    "421-4.7.28 [<ip> #] rate limited");
	assert_string_equal(norm("550 5.1.1 <bob@example.org>: User unknown"),
			    "550 5.1.1 <addr>: User unknown");
	assert_string_equal(norm("250 2.0.0 OK 1795248002 4F3A21C0A1 - gsmtp"),
			    "250 2.0.0 OK # <id> - gsmtp");
	assert_string_equal(norm("[AM4PEPF00027A5F.eurprd04.prod.outlook.com] (S3140)."),
			    "[<id>] (S3140).");
	assert_string_equal(norm("421 4.7.0 [TSS04] Messages from 203.0.113.7 deferred"),
			    "421 4.7.0 [TSS04] Messages from <ip> deferred");
}

static void test_same_shape(void **state)
{
	char a[256], b[256];
	const char *x = "451 4.7.650 The mail server [203.0.113.7] has been rate limited [DB5PEPF00011]";
	const char *y = "451 4.7.650 The mail server [198.51.100.9] has been rate limited [DB5PEPF00042]";
	reply_normalise(x, strlen(x), a, sizeof a);
	reply_normalise(y, strlen(y), b, sizeof b);
	assert_string_equal(a, b);
}

static void test_whitespace_and_bounds(void **state)
{
	char out[8];
	assert_string_equal(norm("  a \t\n b  "), "a b");
	assert_int_equal(reply_normalise("abcdefghijkl", 12, out, sizeof out), 7);
	assert_string_equal(out, "abcdefg");
	assert_int_equal(reply_normalise("x", 1, out, 1), 0);
	assert_string_equal(out, "");
	assert_int_equal(reply_normalise("a\0b", 3, out, sizeof out), 3);	/* any bytes */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_masks),
		cmocka_unit_test(test_same_shape),
		cmocka_unit_test(test_whitespace_and_bounds),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
