/* text_esc - the escaping rule for human-facing output (see text_esc.h).
 *
 * Invariant: a piece is either valid, harmless UTF-8 copied from the input
 * or an ASCII escape; nothing else is ever handed out.
 */
#include <stdio.h>
#include <string.h>
#include "text_esc.h"
#include "utf8.h"

int text_esc_hostile(unsigned cp)
{
	return (cp >= 0x80 && cp < 0xa0) || cp == 0x061c || (cp >= 0x200b && cp <= 0x200f) ||
	       (cp >= 0x2028 && cp <= 0x202e) || (cp >= 0x2060 && cp <= 0x206f) || cp == 0xfeff;
}

/* East Asian wide and fullwidth ranges, emoji: two columns. */
static int cp_width(unsigned cp)
{
	if ((cp >= 0x0300 && cp <= 0x036f) || (cp >= 0xfe00 && cp <= 0xfe0f))
		return 0;
	if ((cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) ||
	    (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
	    (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
	    (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1faff) ||
	    (cp >= 0x20000 && cp <= 0x3fffd))
		return 2;
	return 1;
}

size_t text_esc_piece(const char *s, size_t len, size_t *i, char esc[16], const char **piece,
		      int *w)
{
	const unsigned char *u = (const unsigned char *)s + *i;
	unsigned cp;
	size_t k = utf8_decode(u, len - *i, &cp);
	size_t n;
	if (k == 0 || cp < 0x20 || cp == 0x7f) {
		snprintf(esc, 16, "\\x%02x", u[0]);
		k = 1;
	} else if (text_esc_hostile(cp)) {
		snprintf(esc, 16, "\\u{%04x}", cp);
	} else {
		*piece = (const char *)u;
		*w = cp_width(cp);
		*i += k;
		return k;
	}
	*i += k;
	*piece = esc;
	n = strlen(esc);
	*w = (int)n;
	return n;
}
