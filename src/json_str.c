/* json_str - JSON string escaping (see json_str.h).
 *
 * RFC 8259 section 7: quotation mark, reverse solidus and U+0000..U+001F
 * must be escaped; the text must be UTF-8 (section 8.1), hence the strict
 * decoder (RFC 3629 section 4 table of well-formed byte sequences).
 * Base layer: uses nothing of ours.
 */
#include <stdio.h>
#include "json_str.h"

size_t json_utf8_len(const unsigned char *s, size_t n)
{
	unsigned lo = 0x80, hi = 0xbf;
	size_t need;
	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		need = 2;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		need = 3;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		need = 4;
	else
		return 0;
	/* The second byte's range excludes overlongs, surrogates, > U+10FFFF. */
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
	for (size_t i = 2; i < need; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	return need;
}

struct out {
	char *p;
	size_t size, len;
};

static void put(struct out *o, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++, o->len++)
		if (o->len + 1 < o->size)
			o->p[o->len] = s[i];
}

size_t json_str(char *outbuf, size_t outsz, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	struct out o = { outbuf, outsz, 0 };
	size_t i = 0;

	put(&o, "\"", 1);
	while (i < len) {
		size_t k = json_utf8_len(u + i, len - i);
		char esc[8];
		if (k == 0) {
			put(&o, "\\ufffd", 6);
			i++;
			continue;
		}
		if (k > 1) {
			put(&o, s + i, k);
			i += k;
			continue;
		}
		switch (u[i]) {
		case '"': put(&o, "\\\"", 2); break;
		case '\\': put(&o, "\\\\", 2); break;
		case '\n': put(&o, "\\n", 2); break;
		case '\r': put(&o, "\\r", 2); break;
		case '\t': put(&o, "\\t", 2); break;
		case '\b': put(&o, "\\b", 2); break;
		case '\f': put(&o, "\\f", 2); break;
		default:
			if (u[i] < 0x20 || u[i] == 0x7f) {
				snprintf(esc, sizeof esc, "\\u%04x", u[i]);
				put(&o, esc, 6);
			} else {
				put(&o, s + i, 1);
			}
		}
		i++;
	}
	put(&o, "\"", 1);
	if (outsz > 0)
		outbuf[o.len < outsz ? o.len : outsz - 1] = '\0';
	return o.len;
}
