/* utf8 - strict UTF-8 decoding (see utf8.h).
 * The second byte's range does the work of excluding overlongs, surrogates
 * and code points past U+10FFFF (RFC 3629 section 4). Uses nothing of ours.
 */
#include <stdint.h>
#include <string.h>
#include "utf8.h"

size_t utf8_decode(const unsigned char *s, size_t n, unsigned *cp)
{
	unsigned lo = 0x80, hi = 0xbf, v;
	size_t need;
	if (s[0] < 0x80) {
		if (cp)
			*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		need = 2, v = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		need = 3, v = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		need = 4, v = s[0] & 0x07;
	else
		return 0;
	if (s[0] == 0xe0)
		lo = 0xa0;
	else if (s[0] == 0xed)
		hi = 0x9f;
	else if (s[0] == 0xf0)
		lo = 0x90;
	else if (s[0] == 0xf4)
		hi = 0x8f;
	if (n < need || s[1] < lo || s[1] > hi)
		return 0;
	for (size_t i = 1; i < need; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		v = v << 6 | (s[i] & 0x3f);
	}
	if (cp)
		*cp = v;
	return need;
}

/* Log lines are nearly all ASCII: eight bytes at a time until one has its
 * high bit set (memcpy: no alignment or aliasing assumptions). */
static size_t ascii_run(const unsigned char *u, size_t n)
{
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, u + i, 8);
		if (w & 0x8080808080808080ULL)
			break;
	}
	while (i < n && u[i] < 0x80)
		i++;
	return i;
}

int utf8_valid(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		size_t k;
		if (u[i] < 0x80) {
			i += ascii_run(u + i, n - i);
			continue;
		}
		if ((k = utf8_decode(u + i, n - i, NULL)) == 0)
			return 0;
		i += k;
	}
	return 1;
}
