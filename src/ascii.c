/* ascii - byte-wise ASCII case folding (see ascii.h). */
#include <stdint.h>
#include <string.h>
#include "ascii.h"

/* Eight bytes at a time: a byte's bit 7 says, after adding 0x3f to its low
 * seven bits, that it is >= 'A', after adding 0x25 that it is > 'Z'; a
 * letter (and bit 7 clear in the byte itself) gets 0x20 added. */
void ascii_lower_copy(unsigned char *dst, const unsigned char *src, size_t n)
{
	const uint64_t low7 = 0x7f7f7f7f7f7f7f7fULL, top = 0x8080808080808080ULL;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t x, h;
		memcpy(&x, src + i, 8);
		h = x & low7;
		x |= ((h + 0x3f3f3f3f3f3f3f3fULL) & ~(h + 0x2525252525252525ULL) & ~x & top) >> 2;
		memcpy(dst + i, &x, 8);
	}
	for (; i < n; i++)
		dst[i] = ascii_lower(src[i]);
}
