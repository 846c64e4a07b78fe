/* Unit tests for ascii: only 'A'..'Z' fold, whatever the byte's
 * neighbours, the length or the alignment; the word-at-a-time copy agrees
 * with the byte-wise fold on every byte value. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "ascii.h"

static void one_byte(void **state)
{
	(void)state;
	for (unsigned c = 0; c < 256; c++) {
		unsigned want = c >= 'A' && c <= 'Z' ? c + 32 : c;
		assert_int_equal(ascii_lower((unsigned char)c), want);
	}
	assert_int_equal(ascii_lower('@'), '@');	/* 'A' - 1 */
	assert_int_equal(ascii_lower('['), '[');	/* 'Z' + 1 */
	assert_int_equal(ascii_lower(0xc1), 0xc1);	/* 'A' | 0x80 */
	assert_int_equal(ascii_lower(0xda), 0xda);	/* 'Z' | 0x80 */
}

/* Every byte value at every position of a word, at every length up to 80
 * (the sixteen-byte blocks, the eight-byte words and the bytes after them)
 * and every alignment of source and destination. */
static void copy_agrees(void **state)
{
	unsigned char src[96], dst[96], want[96];
	(void)state;
	for (unsigned c = 0; c < 256; c++)
		for (size_t len = 0; len <= 80; len++)
			for (size_t al = 0; al < 8; al++) {
				for (size_t i = 0; i < len; i++)
					src[al + i] = i % 3 == 0 ? (unsigned char)c : (unsigned char)"aZ@[\x80\xc1Q"[(c + i) % 7];
				for (size_t i = 0; i < len; i++)
					want[i] = ascii_lower(src[al + i]);
				memset(dst, 0xee, sizeof dst);
				ascii_lower_copy(dst + (7 - al), src + al, len);
				assert_memory_equal(dst + (7 - al), want, len);
				assert_int_equal(dst[7 - al + len], 0xee);	/* nothing past n */
			}
}

static void in_place(void **state)
{
	unsigned char s[] = "MX1.Example.ORG[192.0.2.1] \xc3\x89T\xc3\x89 Spamhaus ZEN";
	(void)state;
	ascii_lower_copy(s, s, sizeof s - 1);
	assert_string_equal((char *)s, "mx1.example.org[192.0.2.1] \xc3\x89t\xc3\x89 spamhaus zen");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(one_byte),
		cmocka_unit_test(copy_agrees),
		cmocka_unit_test(in_place),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
