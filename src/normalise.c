/* normalise - reply texts reduced to their shape (see normalise.h).
 *
 * A single left-to-right pass over tokens; no allocation, output always
 * bounded by outsz. Knows nothing of SQL or of any log format beyond the
 * shape of SMTP reply codes (RFC 5321 section 4.2, RFC 3463).
 */
#include <string.h>
#include "normalise.h"

static const char ADDR[] = "<addr>";

struct out {
	char *p;
	size_t n, cap;	/* cap excludes the NUL */
};

static void put(struct out *o, const char *s, size_t n)
{
	if (n > o->cap - o->n)
		n = o->cap - o->n;
	memcpy(o->p + o->n, s, n);
	o->n += n;
}

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static int is_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
static int is_hex(unsigned char c) { return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); }
static int is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/* Token characters: what ids, addresses and codes are made of. */
static int is_tok(unsigned char c)
{
	return is_digit(c) || is_alpha(c) || c >= 0x80 || strchr("._-+=/%:@#$&~", c) != NULL;
}

/* Number of digits at s (at most max + 1). */
static size_t digits(const char *s, size_t n, size_t max)
{
	size_t i = 0;
	while (i < n && i <= max && is_digit((unsigned char)s[i]))
		i++;
	return i;
}

/* A dotted quad at the start of s; returns its length or 0. */
static size_t ipv4_len(const char *s, size_t n)
{
	size_t i = 0;
	for (int part = 0; part < 4; part++) {
		size_t d = digits(s + i, n - i, 3);
		if (d == 0 || d > 3)
			return 0;
		i += d;
		if (part < 3) {
			if (i >= n || s[i] != '.')
				return 0;
			i++;
		}
	}
	return i;
}

/* An IPv6-looking run (hex digits and colons, two colons or more). */
static size_t ipv6_len(const char *s, size_t n)
{
	size_t i = 0, colons = 0, hex = 0;
	while (i < n && (is_hex((unsigned char)s[i]) || s[i] == ':' || s[i] == '.')) {
		colons += s[i] == ':';
		hex += s[i] != ':';
		i++;
	}
	return colons >= 2 && hex >= 1 && i >= 3 ? i : 0;
}

/* SMTP code (550), enhanced status (5.7.1) or both joined (550-5.7.26). */
static int is_code(const char *s, size_t n)
{
	size_t i = 0, d = digits(s, n, 3);
	if (d == 3 && s[0] >= '2' && s[0] <= '5') {
		if (n == 3)
			return 1;
		if (s[3] != '-' && s[3] != ' ')
			return 0;
		i = 4;
	}
	if (n - i < 5 || s[i] < '2' || s[i] > '5' || s[i + 1] != '.')
		return 0;
	i += 2;
	d = digits(s + i, n - i, 3);
	if (d == 0 || d > 3 || i + d >= n || s[i + d] != '.')
		return 0;
	i += d + 1;
	d = digits(s + i, n - i, 3);
	return d >= 1 && d <= 3 && i + d == n;
}

/* The replacement for one token, or NULL to keep it as it is. */
static const char *classify(const char *s, size_t n)
{
	size_t nd = 0, na = 0;
	const char *at = memchr(s, '@', n);
	if (at && at > s && at + 1 < s + n)
		return ADDR;
	if (ipv4_len(s, n) == n || ipv6_len(s, n) == n)
		return "<ip>";
	if (is_code(s, n))
		return NULL;
	for (size_t i = 0; i < n; i++) {
		nd += is_digit((unsigned char)s[i]);
		na += is_alpha((unsigned char)s[i]);
	}
	if (nd == 0)
		return NULL;
	if (na == 0)
		return "#";
	return n <= 6 ? NULL : "<id>";
}

/* Emits the token s[0..n); punctuation at either end is kept as it is
 * ("(S3140).", ":25"). */
static void token(struct out *o, const char *s, size_t n)
{
	size_t b = 0, e = n;
	const char *r;
	while (b < n && strchr(".:-", s[b]))
		b++;
	while (e > b && strchr(".:-", s[e - 1]))
		e--;
	put(o, s, b);
	if (e > b) {
		r = classify(s + b, e - b);
		if (r)
			put(o, r, strlen(r));
		else
			put(o, s + b, e - b);
	}
	put(o, s + e, n - e);
}

size_t reply_normalise(const char *in, size_t len, char *out, size_t outsz)
{
	struct out o = { out, 0, outsz ? outsz - 1 : 0 };
	size_t i = 0;
	int space = 0;
	if (outsz == 0)
		return 0;
	while (i < len && is_space((unsigned char)in[i]))
		i++;
	while (i < len) {
		unsigned char c = (unsigned char)in[i];
		if (is_space(c)) {
			space = 1;
			i++;
			continue;
		}
		if (space && o.n > 0)
			put(&o, " ", 1);
		space = 0;
		if (!is_tok(c)) {
			put(&o, (const char *)&in[i], 1);
			i++;
			continue;
		}
		size_t j = i;
		while (j < len && is_tok((unsigned char)in[j]))
			j++;
		/* "<user@host>" becomes "<addr>", not "<<addr>>" */
		if (o.n > 0 && o.p[o.n - 1] == '<' && j < len && in[j] == '>' &&
		    classify(in + i, j - i) == ADDR) {
			o.n--;
			put(&o, ADDR, strlen(ADDR));
			i = j + 1;
			continue;
		}
		token(&o, in + i, j - i);
		i = j;
	}
	out[o.n] = '\0';
	return o.n;
}
