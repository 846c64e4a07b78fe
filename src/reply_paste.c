/* reply_paste - a reply as a web page or a word processor writes it, read
 * as the server wrote it (see reply_paste.h for the shapes).
 *
 * Every shape opens with one of four bytes: '&' (an entity or a character
 * reference), 0xC2 (U+00A0), 0xE2 (U+2000 to U+2FFF: spaces, quotes, zero
 * widths) or 0xEF (U+FEFF); other bytes are copied without a look. A shape
 * is at most 10 bytes long ("&#0000039;") and consumes at least two bytes
 * while it writes at most one, so the writer never overtakes the reader
 * (out may be in) and the whole is linear in len. Uses nothing but the C
 * library.
 */
#include <string.h>
#include "reply_paste.h"

enum { KEEP = -2, NOTHING = -1 };

/* What code point cp reads as: an ASCII byte, NOTHING, or KEEP (not a
 * shape: written as it is). */
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
	int hex = n > 2 && (p[2] == 'x' || p[2] == 'X'), v;
	size_t i = hex ? 3 : 2, start = i, most = hex ? 6 : 7;
	unsigned long cp = 0;
	for (; i < n && i - start < most; i++) {
		if (hex ? (v = hex_value(p[i])) < 0 : (p[i] < '0' || p[i] > '9'))
			break;
		cp = cp * (hex ? 16 : 10) + (unsigned long)(hex ? v : p[i] - '0');
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

/* The shape at p[0..n) (n > 0): what it reads as, its length in *used;
 * KEEP if p does not open one. */
static int shape(const unsigned char *p, size_t n, size_t *used)
{
	switch (p[0]) {
	case '&':
		return entity(p, n, used);
	case 0xc2:
		if (n < 2 || p[1] != 0xa0)
			return KEEP;
		*used = 2;
		return ' ';
	case 0xe2:
		if (n < 3 || (p[1] & 0xc0) != 0x80 || (p[2] & 0xc0) != 0x80)
			return KEEP;
		*used = 3;
		return fold_cp(0x2000ul | ((unsigned long)(p[1] & 0x3f) << 6) | (p[2] & 0x3f));
	case 0xef:
		if (n < 3 || p[1] != 0xbb || p[2] != 0xbf)
			return KEEP;
		*used = 3;
		return NOTHING;
	default:
		return KEEP;
	}
}

size_t reply_paste_at(const char *in, size_t len)
{
	const unsigned char *p = (const unsigned char *)in;
	size_t used;
	for (size_t i = 0; i < len; i++)
		if ((p[i] == '&' || p[i] == 0xc2 || p[i] == 0xe2 || p[i] == 0xef) &&
		    shape(p + i, len - i, &used) != KEEP)
			return i;
	return len;
}

size_t reply_paste_from(const char *in, size_t len, size_t at, char *out)
{
	const unsigned char *p = (const unsigned char *)in;
	size_t i = at, j = at, used = 0;
	if (out != in && at > 0)
		memcpy(out, in, at);
	while (i < len) {
		int ch = KEEP;
		if (p[i] == '&' || p[i] == 0xc2 || p[i] == 0xe2 || p[i] == 0xef)
			ch = shape(p + i, len - i, &used);
		if (ch == KEEP) {
			out[j++] = in[i++];
			continue;
		}
		if (ch != NOTHING)
			out[j++] = (char)ch;
		i += used;
	}
	out[j] = '\0';
	return j;
}

size_t reply_paste(const char *in, size_t len, char *out)
{
	return reply_paste_from(in, len, reply_paste_at(in, len), out);
}
