/* json_str - JSON string escaping (see json_str.h).
 *
 * RFC 8259 section 7: quotation mark, reverse solidus and U+0000..U+001F
 * must be escaped; the text must be UTF-8 (section 8.1), hence the strict
 * decoder (RFC 3629 section 4 table of well-formed byte sequences).
 * Base layer: uses only utf8.
 */
#include <stdio.h>
#include <stdlib.h>
#include "json_str.h"
#include "utf8.h"

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
		unsigned cp;
		size_t k = utf8_decode(u + i, len - i, &cp);
		char esc[8];
		if (k == 0) {
			put(&o, "\\ufffd", 6);
			i++;
			continue;
		}
		if (cp == 0x2028 || cp == 0x2029) {	/* valid JSON, but not inside JavaScript */
			snprintf(esc, sizeof esc, "\\u%04x", cp);
			put(&o, esc, 6);
			i += k;
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

void json_fput(FILE *f, const char *s, size_t len)
{
	char small[512];
	size_t need = JSON_STR_MAX(len);
	char *buf = need <= sizeof small ? small : malloc(need);
	if (buf == NULL) {
		fputs("\"\"", f);
		return;
	}
	fwrite(buf, 1, json_str(buf, need, s, len), f);
	if (buf != small)
		free(buf);
}
