/* smtp - MTA-neutral SMTP readings (see smtp.h).
 *
 * Owns nothing; every function is pure and bounded by its span. Must not
 * depend on any MTA's log format, on the classifier or on storage.
 */
#include <string.h>
#include "smtp.h"

const char *smtp_find(const char *p, const char *e, const char *lit, size_t n)
{
	if (p == NULL || p >= e || (size_t)(e - p) < n)
		return NULL;
	return memmem(p, (size_t)(e - p), lit, n);
}

const char *smtp_find_last(const char *p, const char *e, const char *lit, size_t n)
{
	const char *last = NULL, *q;
	while ((q = smtp_find(p, e, lit, n)) != NULL) {
		last = q;
		p = q + 1;
	}
	return last;
}

int smtp_starts(const char *p, const char *e, const char *lit, size_t n)
{
	return p != NULL && e >= p && (size_t)(e - p) >= n && memcmp(p, lit, n) == 0;
}

static int digit(char c)
{
	return c >= '0' && c <= '9';
}

int smtp_reply_code(struct str r)
{
	if (r.len < 3 || r.p[0] < '2' || r.p[0] > '5' || !digit(r.p[1]) || !digit(r.p[2]))
		return 0;
	if (r.len > 3 && r.p[3] != ' ' && r.p[3] != '-')
		return 0;
	return (r.p[0] - '0') * 100 + (r.p[1] - '0') * 10 + (r.p[2] - '0');
}

/* Digits at p (1..max of them); returns their end or NULL. */
static const char *digits(const char *p, const char *e, int max)
{
	const char *q = p;
	while (q < e && digit(*q) && q - p < max)
		q++;
	return q == p || (q < e && digit(*q)) ? NULL : q;
}

struct str smtp_enhanced_code(struct str r)
{
	const char *p = r.p, *e = r.p + r.len, *q;
	if (smtp_reply_code(r)) {
		p += 3;
		if (p < e)
			p++;
	}
	if (e - p < 5 || (*p != '2' && *p != '4' && *p != '5') || p[1] != '.')
		return STR_NULL;
	if ((q = digits(p + 2, e, 3)) == NULL || q >= e || *q != '.')
		return STR_NULL;
	if ((q = digits(q + 1, e, 3)) == NULL || (q < e && *q != ' ' && *q != '-' && *q != ',' &&
						   *q != ';' && *q != ')'))
		return STR_NULL;
	return smtp_span(p, q);
}

enum delivery_stage smtp_stage_of_command(struct str c)
{
	static const struct { const char *w; enum delivery_stage s; } tab[] = {
		{ "RCPT TO", STAGE_RCPT }, { "MAIL FROM", STAGE_MAIL }, { "end of DATA", STAGE_EOD },
		{ "DATA", STAGE_DATA }, { "EHLO", STAGE_HELO }, { "HELO", STAGE_HELO },
		{ "LHLO", STAGE_HELO }, { "STARTTLS", STAGE_STARTTLS }, { "AUTH", STAGE_AUTH },
		{ "QUIT", STAGE_QUIT },
	};
	for (size_t i = 0; i < sizeof tab / sizeof *tab; i++)
		if (str_has_prefix(c, tab[i].w))
			return tab[i].s;
	return STAGE_OTHER;
}

int smtp_is_ip(struct str s)
{
	if (s.len == 0 || s.len > 45)
		return 0;
	for (size_t i = 0; i < s.len; i++) {
		unsigned char c = (unsigned char)s.p[i];
		if (!(c == '.' || c == ':' || digit((char)c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')))
			return 0;
	}
	return 1;
}

void smtp_set_relay(struct delivery *d, const char *p, const char *e)
{
	const char *lb = memchr(p, '[', (size_t)(e - p));
	const char *rb = lb ? memchr(lb, ']', (size_t)(e - lb)) : NULL;
	d->relay_host = smtp_span(p, e);
	if (!rb)
		return;
	struct str ip = smtp_span(lb + 1, rb);
	if (!smtp_is_ip(ip)) {
		d->relay_host = smtp_span(p, rb + 1);
		return;
	}
	d->relay_host = smtp_span(p, lb);
	d->relay_ip = ip;
	const char *q = rb + 1;
	if (q < e && *q == ':') {
		long port = 0;
		int n = 0;
		for (q++; q < e && digit(*q) && n < 6; q++, n++)
			port = port * 10 + (*q - '0');
		if (n > 0 && port <= 65535)
			d->relay_port = (int)port;
	}
}

void smtp_set_domain(struct delivery *d)
{
	const char *at = d->recipient.len ? memrchr(d->recipient.p, '@', d->recipient.len) : NULL;
	d->rcpt_domain[0] = '\0';
	if (!at)
		return;
	const char *p = at + 1, *e = d->recipient.p + d->recipient.len;
	size_t n = 0;
	for (; p < e && n < DELIVERY_DOMAIN_MAX - 1; p++, n++) {
		char c = *p;
		d->rcpt_domain[n] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
	}
	d->rcpt_domain[n] = '\0';
}

double smtp_decimal(struct str v)
{
	double x = 0, scale = 1;
	int seen = 0, dot = 0;
	if (v.len > 24)
		return -1;
	for (size_t i = 0; i < v.len; i++) {
		char c = v.p[i];
		if (c == '.' && !dot) {
			dot = 1;
		} else if (digit(c)) {
			x = x * 10 + (c - '0');
			scale *= dot ? 10 : 1;
			seen = 1;
		} else {
			return -1;
		}
	}
	return seen ? x / scale : -1;
}
