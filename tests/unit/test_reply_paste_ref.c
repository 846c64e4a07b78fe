/* Differential tests of reply_paste.c against a reference written from
 * reply_paste.h's contract alone: a plain reading of each shape (a table of
 * names, a full UTF-8 decoder, a masked address read part by part), run on
 * seeded random texts of the bytes the shapes are made of (cut references,
 * 8 and more digits, huge values, surrogates, NUL, invalid UTF-8, masked
 * parts of every length), each in a buffer of its exact length so that
 * AddressSanitizer sees any read past it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "reply_paste.h"

/* ---- the reference ---- */

enum { R_KEEP = -1, R_NOTHING = -2, R_ELLIPSIS = -3 };

/* What code point cp reads as (the header's list): an ASCII byte,
 * R_NOTHING, R_ELLIPSIS ("..."), or R_KEEP. */
static int ref_fold(unsigned long cp)
{
	static const struct { unsigned long cp; int to; } tab[] = {
		{ 0xa0, ' ' }, { 0x2007, ' ' }, { 0x202f, ' ' },
		{ 0x2018, '\'' }, { 0x2019, '\'' }, { 0x201b, '\'' },
		{ 0x201c, '"' }, { 0x201d, '"' }, { 0x201f, '"' },
		{ 0x200b, R_NOTHING }, { 0x200c, R_NOTHING }, { 0x200d, R_NOTHING },
		{ 0x2060, R_NOTHING }, { 0xfeff, R_NOTHING }, { 0x2026, R_ELLIPSIS },
	};
	if (cp >= 0x20 && cp <= 0x7e)
		return (int)cp;
	for (size_t k = 0; k < sizeof tab / sizeof tab[0]; k++)
		if (tab[k].cp == cp)
			return tab[k].to;
	return R_KEEP;
}

/* A well-formed UTF-8 sequence at p[0..n): its code point and length (0
 * if none: a lone byte, a cut sequence, an overlong form, a surrogate). */
static size_t ref_utf8(const unsigned char *p, size_t n, unsigned long *cp)
{
	size_t len;
	unsigned long min;
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		len = 2, min = 0x80, *cp = p[0] & 0x1f;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		len = 3, min = 0x800, *cp = p[0] & 0x0f;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		len = 4, min = 0x10000, *cp = p[0] & 0x07;
	else
		return 0;
	if (n < len)
		return 0;
	for (size_t k = 1; k < len; k++) {
		if ((p[k] & 0xc0) != 0x80)
			return 0;
		*cp = *cp << 6 | (p[k] & 0x3f);
	}
	if (*cp < min || *cp > 0x10ffff || (*cp >= 0xd800 && *cp <= 0xdfff))
		return 0;
	return len;
}

/* "&#N;" (1 to 7 decimal digits) or "&#xH;" / "&#XH;" (1 to 6 hex digits)
 * at p[0..n): its length and value, 0 if none. */
static size_t ref_charref(const unsigned char *p, size_t n, unsigned long *cp)
{
	static const char hexd[] = "0123456789abcdef";
	size_t i = 2, d = 0;
	int base = 10;
	if (n < 4 || p[0] != '&' || p[1] != '#')
		return 0;
	if (p[2] == 'x' || p[2] == 'X')
		base = 16, i = 3;
	*cp = 0;
	for (; i < n; i++, d++) {
		const char *h = p[i] ? strchr(hexd, p[i] >= 'A' && p[i] <= 'F' ? p[i] + 32 : p[i]) : NULL;
		if (h == NULL || (base == 10 && h - hexd > 9))
			break;
		*cp = *cp * (unsigned long)base + (unsigned long)(h - hexd);
	}
	if (d == 0 || d > (base == 10 ? 7u : 6u) || i >= n || p[i] != ';')
		return 0;
	return i + 1;
}

static int ref_maskc(unsigned char c) { return c == 'x' || c == 'X' || c == '*'; }
static int ref_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static int ref_alnum(unsigned char c)
{
	return ref_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
/* The bytes a masked address may not touch (the header's list). */
static int ref_wordc(unsigned char c) { return ref_alnum(c) || c == '_' || c == '-' || c == '*'; }

/* A masked IPv4 address at p[0..n), b the byte before it (-1 at the
 * start): its length, 0 if none. Read part by part: a run of digits or a
 * run of mask bytes, 1 to 3 long, then '.'. */
static size_t ref_masked(const unsigned char *p, size_t n, int b)
{
	size_t i = 0;
	int masked = 0;
	if (b >= 0 && (ref_wordc((unsigned char)b) || b == '.'))
		return 0;
	for (int part = 0; part < 4; part++) {
		size_t s = i;
		if (part > 0) {
			if (i >= n || p[i] != '.')
				return 0;
			s = ++i;
		}
		if (i < n && ref_maskc(p[i])) {
			while (i < n && ref_maskc(p[i]))
				i++;
			masked = 1;
		} else {
			while (i < n && ref_digit(p[i]))
				i++;
		}
		if (i - s < 1 || i - s > 3)
			return 0;
	}
	if (!masked)
		return 0;
	if (i < n && ref_wordc(p[i]))
		return 0;
	if (i + 1 < n && p[i] == '.' && ref_wordc(p[i + 1]))
		return 0;
	return i;
}

/* Cloudflare's hidden address at p[0..n): its length, 0 if none. */
static size_t ref_hidden(const unsigned char *p, size_t n)
{
	static const char *const forms[] = { "[email protected]", "[email\xc2\xa0protected]", "[email&#160;protected]",
					     "[email&nbsp;protected]" };
	for (size_t k = 0; k < sizeof forms / sizeof forms[0]; k++) {
		size_t l = strlen(forms[k]);
		if (n >= l && memcmp(p, forms[k], l) == 0)
			return l;
	}
	return 0;
}

/* The header's step, one pass from left to right, into out (len + 1). */
static size_t ref_paste(const unsigned char *p, size_t len, char *out)
{
	static const struct { const char *name; char to; } named[] = {
		{ "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' }, { "&apos;", '\'' },
		{ "&nbsp;", ' ' },
	};
	size_t i = 0, j = 0;
	while (i < len) {
		size_t n = len - i, l = 0, k;
		unsigned long cp;
		int to = R_KEEP;
		if ((l = ref_masked(p + i, n, i ? p[i - 1] : -1)) > 0) {
			memcpy(out + j, "0.0.0.0", 7);
			j += 7, i += l;
			continue;
		}
		if ((l = ref_hidden(p + i, n)) > 0) {
			memcpy(out + j, "x@example.invalid", 17);
			j += 17, i += l;
			continue;
		}
		for (k = 0; k < sizeof named / sizeof named[0] && to == R_KEEP; k++)
			if (n >= strlen(named[k].name) && memcmp(p + i, named[k].name, strlen(named[k].name)) == 0)
				to = named[k].to, l = strlen(named[k].name);
		if (to == R_KEEP && (l = ref_charref(p + i, n, &cp)) > 0)
			to = ref_fold(cp);
		if (to == R_KEEP && (l = ref_utf8(p + i, n, &cp)) > 0)
			to = cp >= 0x80 ? ref_fold(cp) : R_KEEP;
		if (to == R_KEEP) {
			out[j++] = (char)p[i++];
			continue;
		}
		if (to == R_ELLIPSIS) {
			memcpy(out + j, "...", 3);
			j += 3;
		} else if (to != R_NOTHING) {
			out[j++] = (char)to;
		}
		i += l;
	}
	out[j] = '\0';
	return j;
}

/* ---- the comparison ---- */

static uint64_t rng = 0x9e3779b97f4a7c15ull;

static uint64_t next(void)
{
	rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
	return rng;
}

/* in[0..len) (a buffer of exactly len bytes) through reply_paste, out of
 * place and in place, against the reference. */
static void compare(const char *text, size_t len)
{
	char *in = malloc(len ? len : 1), *out = malloc(len + 1), *ref = malloc(len + 1), *inplace = malloc(len + 1);
	size_t n, rn, at;
	assert_non_null(in);
	assert_non_null(out);
	assert_non_null(ref);
	assert_non_null(inplace);
	memcpy(in, text, len);
	rn = ref_paste((const unsigned char *)in, len, ref);
	n = reply_paste(in, len, out);
	if (n != rn || memcmp(out, ref, n + 1) != 0) {
		char shown[1024];
		size_t w = 0;
		for (size_t k = 0; k < len && w + 5 < sizeof shown; k++)
			w += (size_t)snprintf(shown + w, sizeof shown - w,
					      (unsigned char)in[k] >= 0x20 && (unsigned char)in[k] < 0x7f ? "%c" : "\\x%02x",
					      (unsigned char)in[k]);
		fail_msg("reply_paste(\"%s\") = \"%.*s\" (%zu), the contract says \"%.*s\" (%zu)", shown, (int)n, out,
			 n, (int)rn, ref, rn);
	}
	at = reply_paste_at(in, len);
	assert_true(at <= len);
	assert_memory_equal(out, in, at);
	if (at < len)
		assert_true(n != len || memcmp(out, in, len) != 0);
	memcpy(inplace, in, len);
	assert_int_equal(reply_paste_from(inplace, len, at, inplace), rn);
	assert_memory_equal(inplace, ref, rn + 1);
	free(in);
	free(out);
	free(ref);
	free(inplace);
}

static void cmp(const char *s)
{
	compare(s, strlen(s));
}

/* The shapes' edges, one by one. */
static void test_edges(void **state)
{
	(void)state;
	cmp("&#1234567; &#12345678; &#0000065; &#00000065; &#x00041; &#x000041; &#x0000041;");
	cmp("&#xD800; &#xDFFF; &#55296; &#x10FFFF; &#x110000; &#4294967295; &#18446744073709551617;");
	cmp("&#xFFFFFF; &#9999999; &#x7e; &#x7f; &#x1f; &#32; &#31; &#126; &#127;");
	cmp("&#x2007;&#x202F;&#x2018;&#x201b;&#X201F;&#x200D;&#x2060;&#65279;&#xfeff;&#8230;&#x2026;\xe2\x80\xa6");
	cmp("&#");
	cmp("&#x");
	cmp("&#X;");
	cmp("&#65");
	cmp("&#x41");
	cmp("&nbsp");
	cmp("&quot");
	cmp("[email protected");
	cmp("[email&#160;protected");
	cmp("\xe2\x80\x9c");
	cmp("\xe2\x80");
	cmp("\xe2");
	cmp("\xef\xbb\xbf");
	cmp("\xef\xbb");
	cmp("\xc2\xa0");
	cmp("\xc2");
	cmp("\xed\xa0\x80 \xf0\x9f\x98\x80 \xc0\xa0 \xe0\x80\xa0 \xf4\x90\x80\x80");
	cmp("x.x.x.x");
	cmp("x.x.x.");
	cmp("x.x.x.x.");
	cmp("x.x.x.x.a");
	cmp("x.x.x.x..");
	cmp(".x.x.x.x");
	cmp("1.2.3.x 1.2.3.4 999.xxx.0.* xxxx.1.1.1 1.1.1.xxxx");
	compare("\0x.x.x.x\0&lt;\0", 14);
	compare("&#\0; &\0lt; x.x\0.x.x", 19);
}

/* Seeded random texts of the shapes' bytes and pieces. */
static void test_random_against_reference(void **state)
{
	static const char *const pieces[] = {
		"&", "#", "x", "X", "*", ";", "0", "1", "2", "3", "9", "6", "5", "a", "A", "f", "F", "g", ".", " ",
		"_", "-", "[", "]", "\0", "\xc2", "\xa0", "\xe2", "\x80", "\x81", "\x99", "\x9c", "\x8b", "\xa0",
		"\xaf", "\xef", "\xbb", "\xbf", "\xff", "\xed", "\xc3", "lt;", "amp;", "nbsp;", "quot;", "apos;",
		"gt;", "&#", "&#x", "&#X", "x.", "1.", "xx.", "123.", "*.", "12345678", "0000039", "FFFFFF",
		"D800", "1114111", "[email", " protected]", "protected]", "&#160;", "\xe2\x80\x9d", "\xef\xbb\xbf",
		"x.x.x.x", "0.0.0.0", "\xe2\x80\xa6", "&#8230;", "\xa6",
	};
	char text[28 * 16];	/* 27 pieces of at most 11 bytes */
	(void)state;
	for (int it = 0; it < 200000; it++) {
		size_t len = 0;
		for (size_t k = next() % 28; k > 0; k--) {
			const char *p = pieces[next() % (sizeof pieces / sizeof pieces[0])];
			size_t pl = *p ? strlen(p) : 1;
			memcpy(text + len, p, pl);
			len += pl;
		}
		compare(text, len);
	}
	/* any bytes */
	for (int it = 0; it < 50000; it++) {
		size_t len = next() % 40;
		for (size_t k = 0; k < len; k++)
			text[k] = (char)(next() & 0xff);
		compare(text, len);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_edges),
		cmocka_unit_test(test_random_against_reference),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
