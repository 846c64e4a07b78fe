/* reply_names - the DNS names and words of a remote reply (see reply_names.h).
 *
 * One pass, no copies: tokens point into the caller's text. A token is a
 * name only when it has a dot inside, no empty label and a last label of
 * letters (so "4.7.1", "192.0.2.1" and "c108si4914016qgf.122" are not).
 */
#include <ctype.h>
#include "reply_names.h"

static int name_byte(unsigned char c)
{
	return (c < 128 && isalnum(c)) || c == '-' || c == '_' || c == '.';
}

static int trim_byte(char c)
{
	return c == '.' || c == '-' || c == '_';
}

static int is_name(const char *p, size_t len)
{
	size_t last = 0, dots = 0;
	for (size_t i = 0; i < len; i++)
		if (p[i] == '.') {
			if (i > 0 && p[i - 1] == '.')
				return 0;
			dots++;
			last = i + 1;
		}
	if (dots == 0 || len - last < 2)
		return 0;
	for (size_t i = last; i < len; i++)
		if (!isalpha((unsigned char)p[i]))
			return 0;
	return 1;
}

/* Whether a token starting at b is in brackets after the word "host", as
 * receivers quote the client: "Client host [mx.example.org] blocked". */
static int after_host(const char *text, size_t b)
{
	static const char w[] = "host [";
	size_t n = sizeof w - 1;
	if (b < n || (b > n && (isalnum((unsigned char)text[b - n - 1]) || text[b - n - 1] == '-')))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (tolower((unsigned char)text[b - n + i]) != w[i])
			return 0;
	return 1;
}

int reply_token_next(const char *text, size_t len, size_t *pos, struct reply_token *tok)
{
	size_t i = *pos;
	while (i < len) {
		size_t run, b, e;
		while (i < len && !name_byte((unsigned char)text[i]))
			i++;
		run = b = i;
		while (i < len && name_byte((unsigned char)text[i]))
			i++;
		e = i;
		while (b < e && trim_byte(text[b]))
			b++;
		while (e > b && trim_byte(text[e - 1]))
			e--;
		if (b == e)
			continue;
		tok->p = text + b;
		tok->len = e - b;
		tok->name = is_name(tok->p, tok->len);
		tok->address = tok->name && b == run && run > 0 && text[run - 1] == '@';
		tok->client = tok->name && ((b == run && run > 0 && text[run - 1] == '<') ||
					    (e == i && i < len && text[i] == '[') ||
					    (b == run && after_host(text, run)));
		*pos = i;
		return 1;
	}
	*pos = len;
	return 0;
}
