/* Unit tests for utf8: the well-formed sequences of RFC 3629 and every kind
 * of ill-formed one. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "utf8.h"

static size_t dec(const char *s, unsigned *cp)
{
	return utf8_decode((const unsigned char *)s, strlen(s), cp);
}

static void well_formed(void **state)
{
	unsigned cp;
	(void)state;
	assert_int_equal(dec("A", &cp), 1);
	assert_int_equal(cp, 'A');
	assert_int_equal(dec("\xc3\xa9", &cp), 2);	/* U+00E9 */
	assert_int_equal(cp, 0xe9);
	assert_int_equal(dec("\xe2\x80\xa8", &cp), 3);	/* U+2028 */
	assert_int_equal(cp, 0x2028);
	assert_int_equal(dec("\xf0\x9f\x93\xa7", &cp), 4);	/* U+1F4E7 */
	assert_int_equal(cp, 0x1f4e7);
	assert_int_equal(dec("\xf4\x8f\xbf\xbf", &cp), 4);	/* U+10FFFF */
	assert_true(utf8_valid("plain ascii", 11));
	assert_true(utf8_valid("caf\xc3\xa9 \xf0\x9f\x93\xa7", 10));
	assert_true(utf8_valid("", 0));
}

static void ill_formed(void **state)
{
	(void)state;
	assert_int_equal(dec("\xc0\xaf", NULL), 0);	/* overlong '/' */
	assert_int_equal(dec("\xc1\xbf", NULL), 0);
	assert_int_equal(dec("\xe0\x80\xaf", NULL), 0);	/* overlong, 3 bytes */
	assert_int_equal(dec("\xf0\x80\x80\xaf", NULL), 0);	/* overlong, 4 bytes */
	assert_int_equal(dec("\xed\xa0\x80", NULL), 0);	/* surrogate U+D800 */
	assert_int_equal(dec("\xf4\x90\x80\x80", NULL), 0);	/* U+110000 */
	assert_int_equal(dec("\xf5\x80\x80\x80", NULL), 0);
	assert_int_equal(dec("\x80", NULL), 0);		/* lone continuation */
	assert_int_equal(dec("\xff", NULL), 0);
	assert_int_equal(utf8_decode((const unsigned char *)"\xe2\x82", 2, NULL), 0);	/* truncated */
	assert_int_equal(dec("\xc3(", NULL), 0);
	assert_false(utf8_valid("ok \xff", 4));
	assert_false(utf8_valid("\xe2\x82", 2));
	assert_false(utf8_valid("a\xed\xa0\x80z", 5));
}

/* utf8_valid byte by byte, as it was before its eight-byte ASCII path. */
static int valid_slow(const unsigned char *u, size_t n)
{
	for (size_t i = 0, k; i < n; i += k)
		if ((k = utf8_decode(u + i, n - i, NULL)) == 0)
			return 0;
	return 1;
}

/* The eight-byte path at every length and alignment: one ill-formed or
 * multi-byte sequence at each position of an ASCII run, and the run cut
 * inside a sequence. */
static void every_position(void **state)
{
	static const char *const seq[] = { "\xff", "\x80", "\xc3\xa9", "\xe2\x82",
					   "\xf0\x9f\x93\xa7", "\xed\xa0\x80", "\x7f" };
	unsigned char buf[64 + 8];
	(void)state;
	for (size_t q = 0; q < sizeof seq / sizeof seq[0]; q++)
		for (size_t off = 0; off < 8; off++)
			for (size_t len = 0; len <= 40; len++)
				for (size_t at = 0; at <= len; at++) {
					size_t k = strlen(seq[q]), n = len + k;
					unsigned char *u = buf + off;
					memset(u, 'a', n);
					memcpy(u + at, seq[q], k);
					for (size_t cut = at; cut <= n; cut += k)
						assert_int_equal(utf8_valid((const char *)u, cut),
								 valid_slow(u, cut));
				}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(well_formed),
		cmocka_unit_test(ill_formed),
		cmocka_unit_test(every_position),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
