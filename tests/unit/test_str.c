/* Unit tests for str: str_put copies a span whole when it fits, cut to the
 * buffer when it does not, always NUL-terminated and never past the buffer;
 * any bytes, an empty or NULL span. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "str.h"

static void put_fits(void **state)
{
	char buf[8];
	(void)state;
	memset(buf, 'z', sizeof buf);
	str_put(buf, sizeof buf, STR_LIT("spamhaus"));	/* 8 bytes: one too many */
	assert_string_equal(buf, "spamhau");
	str_put(buf, sizeof buf, STR_LIT("zen"));
	assert_string_equal(buf, "zen");
	str_put(buf, sizeof buf, STR_LIT("1234567"));	/* exactly cap - 1 */
	assert_string_equal(buf, "1234567");
}

/* The span's own bytes, a NUL among them too, and nothing written past cap. */
static void put_bounds(void **state)
{
	char buf[16];
	(void)state;
	for (size_t cap = 1; cap <= 8; cap++)
		for (size_t len = 0; len <= 10; len++) {
			size_t n = len < cap - 1 ? len : cap - 1;
			memset(buf, 'z', sizeof buf);
			str_put(buf, cap, str_make("a\0bcdefghij", len));
			assert_memory_equal(buf, "a\0bcdefghij", n);
			assert_int_equal(buf[n], '\0');
			for (size_t i = cap; i < sizeof buf; i++)
				assert_int_equal(buf[i], 'z');
		}
}

static void put_empty(void **state)
{
	char buf[4] = "abc";
	(void)state;
	str_put(buf, sizeof buf, STR_NULL);
	assert_string_equal(buf, "");
	memcpy(buf, "abc", 4);
	str_put(buf, 1, STR_LIT("x"));
	assert_string_equal(buf, "");
	assert_string_equal(buf + 1, "bc");
}

/* No room at all: nothing written, as snprintf(dst, 0, ...) writes nothing
 * (reply_ip_find's out, outsz is its caller's). */
static void put_no_room(void **state)
{
	char buf[16];
	(void)state;
	memset(buf, 'z', sizeof buf);
	str_put(buf, 0, STR_LIT("192.0.2.1"));
	for (size_t i = 0; i < sizeof buf; i++)
		assert_int_equal(buf[i], 'z');
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(put_no_room),
		cmocka_unit_test(put_fits),
		cmocka_unit_test(put_bounds),
		cmocka_unit_test(put_empty),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
