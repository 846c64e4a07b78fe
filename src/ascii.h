/* ascii - byte-wise ASCII case folding, the same in every locale
 *
 * Mail text is bytes: host names, replies, codes. Only 'A'..'Z' fold; every
 * other byte (NUL, bytes >= 0x80) is copied as it is. Base layer: uses
 * nothing of ours.
 */
#ifndef BW_ASCII_H
#define BW_ASCII_H
#include <stddef.h>

/* c lower-cased when it is 'A'..'Z'. */
static inline unsigned char ascii_lower(unsigned char c)
{
	return (unsigned)(c - 'A') < 26u ? (unsigned char)(c + ('a' - 'A')) : c;
}

/* dst[0..n) = src[0..n) lower-cased (dst may be src), eight or sixteen
 * bytes at a time. */
void ascii_lower_copy(unsigned char *dst, const unsigned char *src, size_t n);

#endif
