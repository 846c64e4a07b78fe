/* str - borrowed byte spans
 *
 * A struct str points into memory someone else owns (a line buffer, a map
 * entry); it is never NUL-terminated by contract and may hold any bytes.
 * Who owns the bytes, and for how long they live, is said by whoever hands
 * the span out.
 */
#ifndef BW_STR_H
#define BW_STR_H
#include <stddef.h>
#include <string.h>

struct str {
	const char *p;
	size_t len;
};

#define STR_NULL ((struct str){ NULL, 0 })
#define STR_LIT(s) ((struct str){ (s), sizeof(s) - 1 })

static inline struct str str_make(const char *p, size_t len)
{
	return (struct str){ p, len };
}

static inline struct str str_cstr(const char *s)
{
	return (struct str){ s, s ? strlen(s) : 0 };
}

static inline int str_eq(struct str a, const char *lit)
{
	size_t n = strlen(lit);
	return a.len == n && (n == 0 || memcmp(a.p, lit, n) == 0);
}

static inline int str_has_prefix(struct str a, const char *lit)
{
	size_t n = strlen(lit);
	return a.len >= n && memcmp(a.p, lit, n) == 0;
}

/* s copied into dst (cap bytes) and NUL-terminated, cut to cap - 1 bytes;
 * nothing written when cap is 0 (as snprintf): a plain copy where
 * snprintf's "%s" would parse a format. */
static inline void str_put(char *dst, size_t cap, struct str s)
{
	if (cap == 0)
		return;
	size_t n = s.len < cap - 1 ? s.len : cap - 1;
	if (n > 0)
		memcpy(dst, s.p, n);
	dst[n] = '\0';
}

#endif
