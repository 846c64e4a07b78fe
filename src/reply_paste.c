/* reply_paste - a reply as a web page or a word processor writes it, read
 * as the server wrote it (see reply_paste.h for the shapes).
 *
 * Every shape opens with one of a few bytes: '&' (an entity or a
 * character reference), '[' (a hidden address), 0xC2 (U+00A0), 0xE2
 * (U+2000 to U+2FFF: spaces, quotes, zero widths), 0xEF (U+FEFF), or a
 * digit, 'x', 'X' or '*' where no word, number or dotted name goes on (a
 * masked address); other bytes are copied without a look. reply_paste_at,
 * which runs on every reply, looks only at '&', '[', bytes of U+0080 and
 * up and mask bytes (16 at a time with SSE2): a masked address holds a
 * mask byte, and from the first one it goes back to where the address
 * opens. A shape is at
 * most 22 bytes long ("[email&#160;protected]") and writes no more bytes
 * than it consumes (a masked address at least 7 for the 7 of "0.0.0.0", a
 * hidden one at least 17 for the 17 of "x@example.invalid", an ellipsis 3
 * or more for "...", any other at least two for at most one), so the writer never overtakes the reader
 * (out may be in) and the whole is linear in len. Uses nothing but the C library.
 */
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include "reply_paste.h"
#include "utf8.h"

enum { ELLIPSIS = -5, HIDDEN = -4, MASKED = -3, KEEP = -2, NOTHING = -1 };

/* What the shapes that read as more than one byte write: a masked address,
 * a hidden e-mail address, an ellipsis. */
static const struct { int ch; const char *text; size_t len; } wide[] = {
	{ MASKED, "0.0.0.0", 7 }, { HIDDEN, "x@example.invalid", 17 }, { ELLIPSIS, "...", 3 },
};

/* What code point cp reads as: an ASCII byte, NOTHING, ELLIPSIS ("..."),
 * or KEEP (not a shape: written as it is). */
static int fold_cp(unsigned long cp)
{
	if (cp >= 0x20 && cp <= 0x7e)
		return (int)cp;
	switch (cp) {
	case 0xa0: case 0x2007: case 0x202f:
		return ' ';
	case 0x2018: case 0x2019: case 0x201b:
		return '\'';
	case 0x201c: case 0x201d: case 0x201f:
		return '"';
	case 0x200b: case 0x200c: case 0x200d: case 0x2060: case 0xfeff:
		return NOTHING;
	case 0x2026:
		return ELLIPSIS;
	default:
		return KEEP;
	}
}

static int hex_value(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
		return (c | 0x20) - 'a' + 10;
	return -1;
}

/* "&#N;" or "&#xH;" at p[0..n) (p[0] == '&', p[1] == '#'): what it reads
 * as, its length in *used; KEEP if it is not one or numbers no shape. */
static int char_ref(const unsigned char *p, size_t n, size_t *used)
{
	int hex = n > 2 && (p[2] == 'x' || p[2] == 'X');
	size_t i = hex ? 3 : 2, start = i, most = hex ? 6 : 7;
	unsigned long cp = 0;
	for (; i < n && i - start < most; i++) {
		int v = hex_value(p[i]);	/* a digit's value, hex or not */
		if (v < 0 || (!hex && v > 9))
			break;
		cp = cp * (hex ? 16 : 10) + (unsigned long)v;
	}
	if (i == start || i >= n || p[i] != ';')
		return KEEP;
	*used = i + 1;
	return fold_cp(cp);
}

/* An entity at p[0..n) (p[0] == '&'): what it reads as, its length in
 * *used; KEEP if none. */
static int entity(const unsigned char *p, size_t n, size_t *used)
{
	static const struct { char name[6]; unsigned char len; char ch; } named[] = {
		{ "amp;", 4, '&' }, { "lt;", 3, '<' }, { "gt;", 3, '>' },
		{ "quot;", 5, '"' }, { "apos;", 5, '\'' }, { "nbsp;", 5, ' ' },
	};
	if (n > 1 && p[1] == '#')
		return char_ref(p, n, used);
	for (size_t k = 0; k < sizeof named / sizeof named[0]; k++)
		if (n > named[k].len && memcmp(p + 1, named[k].name, named[k].len) == 0) {
			*used = 1 + (size_t)named[k].len;
			return named[k].ch;
		}
	return KEEP;
}

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static int is_mask(unsigned char c) { return c == 'x' || c == 'X' || c == '*'; }
static int is_word(unsigned char c)
{
	return is_digit(c) || is_mask(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '_' || c == '-';
}

/* Whether p (at the start or after prev) may open a masked address: not
 * inside a word, a number or a dotted name. */
static int mask_start(const unsigned char *p, int prev)
{
	return (is_digit(p[0]) || is_mask(p[0])) && (prev < 0 || (!is_word((unsigned char)prev) && prev != '.'));
}

/* The length of the masked IPv4 address at p[0..n): four parts joined by
 * '.', each 1 to 3 digits or 1 to 3 of 'x', 'X', '*', at least one part
 * masked, and no letter, digit, '_', '-' or ".word" right after it; 0 if
 * none. At least 7 bytes ("x.x.x.x"). */
static size_t mask_len(const unsigned char *p, size_t n)
{
	size_t i = 0;
	int masked = 0;
	for (int part = 0; part < 4; part++) {
		size_t b;
		int m;
		if (part > 0 && (i >= n || p[i++] != '.'))
			return 0;
		b = i;
		m = i < n && is_mask(p[i]);
		while (i < n && i - b < 4 && (m ? is_mask(p[i]) : is_digit(p[i])))
			i++;
		if (i == b || i - b > 3)
			return 0;
		masked |= m;
	}
	if (!masked || (i < n && (is_word(p[i]) || (p[i] == '.' && i + 1 < n && is_word(p[i + 1])))))
		return 0;
	return i;
}

/* The length of Cloudflare's "[email protected]" at p[0..n) (the space
 * as written: ' ', U+00A0, "&#160;" or "&nbsp;"); 0 if none. */
static size_t hidden_len(const unsigned char *p, size_t n)
{
	static const char *const gaps[] = { " ", "\xc2\xa0", "&#160;", "&nbsp;" };
	static const char head[] = "[email", tail[] = "protected]";
	size_t h = sizeof head - 1, t = sizeof tail - 1;
	if (n < h || memcmp(p, head, h) != 0)
		return 0;
	for (size_t k = 0; k < sizeof gaps / sizeof gaps[0]; k++) {
		size_t g = strlen(gaps[k]);
		if (n >= h + g + t && memcmp(p + h, gaps[k], g) == 0 && memcmp(p + h + g, tail, t) == 0)
			return h + g + t;
	}
	return 0;
}

/* The shape at p[0..n) (n > 0; prev the byte before it, -1 at the start):
 * what it reads as (MASKED: the unspecified address, HIDDEN: an address
 * of the reserved name example.invalid), its length in *used; KEEP if p
 * does not open one. */
static int shape(const unsigned char *p, size_t n, int prev, size_t *used)
{
	if (mask_start(p, prev)) {
		*used = mask_len(p, n);
		return *used > 0 ? MASKED : KEEP;
	}
	switch (p[0]) {
	case '[':
		*used = hidden_len(p, n);
		return *used > 0 ? HIDDEN : KEEP;
	case '&':
		return entity(p, n, used);
	default: {
		unsigned cp;
		size_t k = p[0] >= 0x80 ? utf8_decode(p, n, &cp) : 0;
		int c = k > 0 ? fold_cp(cp) : KEEP;
		if (c != KEEP)
			*used = k;
		return c;
	}
	}
}

/* Whether the scan must look at byte c: a shape's first byte, any byte
 * of U+0080 and up, or a mask byte (a masked address opens before it). */
static int candidate(unsigned char c)
{
	return c == '&' || c == '[' || c >= 0x80 || is_mask(c);
}

/* Where a shape opens that candidate byte p[i] is part of: at i, or, for
 * a mask byte, where the masked address opens (its first digit or mask
 * byte, at most 14 bytes back over digits, mask bytes and dots: an
 * address is at most 15 bytes, and none opens after a digit, a mask byte
 * or a dot); SIZE_MAX if none. Nothing before that offset changes. */
static size_t opening_at(const unsigned char *p, size_t len, size_t i)
{
	size_t used, b = i;
	if (!is_mask(p[i]))
		return shape(p + i, len - i, i ? p[i - 1] : -1, &used) != KEEP ? i : SIZE_MAX;
	while (b > 0 && i - b < 14 && (is_digit(p[b - 1]) || is_mask(p[b - 1]) || p[b - 1] == '.'))
		b--;
	return shape(p + b, len - b, b ? p[b - 1] : -1, &used) == MASKED ? b : SIZE_MAX;
}

#if defined(__SSE2__)
/* A bit per candidate byte of p[0..16). */
static unsigned candidates16(const unsigned char *p)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
	__m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('&')), _mm_cmpeq_epi8(v, _mm_set1_epi8('['))),
				 _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('x')),
							   _mm_cmpeq_epi8(v, _mm_set1_epi8('X'))),
					      _mm_cmpeq_epi8(v, _mm_set1_epi8('*'))));
	return (unsigned)_mm_movemask_epi8(m) | (unsigned)_mm_movemask_epi8(v);	/* and the high bit */
}
#endif

size_t reply_paste_at(const char *in, size_t len)
{
	const unsigned char *p = (const unsigned char *)in;
	size_t i = 0, at;
#if defined(__SSE2__)
	for (; i + 16 <= len; i += 16)
		for (unsigned m = candidates16(p + i); m != 0; m &= m - 1)
			if ((at = opening_at(p, len, i + (size_t)__builtin_ctz(m))) != SIZE_MAX)
				return at;
#endif
	for (; i < len; i++)
		if (candidate(p[i]) && (at = opening_at(p, len, i)) != SIZE_MAX)
			return at;
	return len;
}

size_t reply_paste_from(const char *in, size_t len, size_t at, char *out)
{
	const unsigned char *p = (const unsigned char *)in;
	size_t i = at, j = at, used = 0;
	int prev = at ? p[at - 1] : -1;	/* the text as written decides where a word ends */
	if (out != in && at > 0)
		memcpy(out, in, at);
	while (i < len) {
		int ch = candidate(p[i]) || is_digit(p[i]) ? shape(p + i, len - i, prev, &used) : KEEP;
		if (ch == KEEP)
			used = 1;
		prev = p[i + used - 1];	/* read before out[j] may overwrite it */
		if (ch == KEEP) {
			out[j++] = in[i];
		} else if (ch < NOTHING) {
			for (size_t k = 0; k < sizeof wide / sizeof wide[0]; k++)
				if (wide[k].ch == ch) {
					memcpy(out + j, wide[k].text, wide[k].len);
					j += wide[k].len;
				}
		} else if (ch != NOTHING) {
			out[j++] = (char)ch;
		}
		i += used;
	}
	out[j] = '\0';
	return j;
}

size_t reply_paste(const char *in, size_t len, char *out)
{
	return reply_paste_from(in, len, reply_paste_at(in, len), out);
}
