/* ascii - byte-wise ASCII case folding (see ascii.h). */
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include "ascii.h"

/* Sixteen bytes at a time with SSE2 (x86-64's baseline), then eight at a
 * time: a byte's bit 7 says, after adding 0x3f to its low
 * seven bits, that it is >= 'A', after adding 0x25 that it is > 'Z'; a
 * letter (and bit 7 clear in the byte itself) gets 0x20 added. */
void ascii_lower_copy(unsigned char *dst, const unsigned char *src, size_t n)
{
	const uint64_t low7 = 0x7f7f7f7f7f7f7f7fULL, top = 0x8080808080808080ULL;
	size_t i = 0;
#if defined(__SSE2__)
	/* sixteen at a time first: 'A'..'Z' moved to -128..-103, the signed
	 * bytes below -102, get 0x20 */
	const __m128i to_min = _mm_set1_epi8((char)(0x80 - 'A')), past_z = _mm_set1_epi8((char)(-128 + 26));
	const __m128i bit = _mm_set1_epi8(0x20);
	for (; i + 16 <= n; i += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(src + i));
		__m128i up = _mm_cmplt_epi8(_mm_add_epi8(x, to_min), past_z);
		_mm_storeu_si128((__m128i *)(void *)(dst + i), _mm_or_si128(x, _mm_and_si128(up, bit)));
	}
#endif
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
