/* reply_ip - the sending IP a remote reply names, without a rule (see reply_ip.h). */
#include <arpa/inet.h>
#include <string.h>
#include <strings.h>
#include "reply_ip.h"
#include "str.h"

#define LIT_MAX 46		/* INET6_ADDRSTRLEN */

/* What a byte can be in address text. */
enum { AC_DIGIT = 1, AC_HEXL = 2, AC_DOT = 4, AC_COLON = 8 };

static const unsigned char addr_class[256] = {
	['0'] = AC_DIGIT, ['1'] = AC_DIGIT, ['2'] = AC_DIGIT, ['3'] = AC_DIGIT, ['4'] = AC_DIGIT,
	['5'] = AC_DIGIT, ['6'] = AC_DIGIT, ['7'] = AC_DIGIT, ['8'] = AC_DIGIT, ['9'] = AC_DIGIT,
	['a'] = AC_HEXL, ['b'] = AC_HEXL, ['c'] = AC_HEXL, ['d'] = AC_HEXL, ['e'] = AC_HEXL, ['f'] = AC_HEXL,
	['A'] = AC_HEXL, ['B'] = AC_HEXL, ['C'] = AC_HEXL, ['D'] = AC_HEXL, ['E'] = AC_HEXL, ['F'] = AC_HEXL,
	['.'] = AC_DOT, [':'] = AC_COLON,
};

/* q moved back over the spaces before it (not before text). */
static const char *before_spaces(const char *text, const char *q)
{
	while (q > text && q[-1] == ' ')
		q--;
	return q;
}

/* Does the word before q (spaces skipped) end with the ASCII word w,
 * case aside? The word must start at text or after a non-letter. */
static int word_before(const char *text, const char *q, const char *w)
{
	size_t n = strlen(w);
	if ((size_t)(q - text) < n || strncasecmp(q - n, w, n) != 0)
		return 0;
	q -= n;
	return q == text || !((q[-1] | 0x20) >= 'a' && (q[-1] | 0x20) <= 'z');
}

/* "RFC2821 4.1.1.1", "RFC 5321 4.1.1.1", "section 4.1.1.1": a section
 * number, not an address. q is where the literal starts. */
static int rfc_section(const char *text, const char *q)
{
	q = before_spaces(text, q);
	if (word_before(text, q, "section"))
		return 1;
	if (q == text || !(addr_class[(unsigned char)q[-1]] & AC_DIGIT))
		return 0;
	while (q > text && (addr_class[(unsigned char)q[-1]] & AC_DIGIT))
		q--;
	if (q > text && q[-1] == ' ')
		q--;
	return word_before(text, q, "rfc");
}

/* "host mx.example.org[192.0.2.9] said:" (at the literal, end the text's
 * end): Postfix quoting the server it talked to, a relay down the line
 * whose reply a receiver passes on, not the client it refuses. */
static int said_by(const char *text, const char *at, const char *end, size_t n)
{
	static const char said[] = "] said:";
	return at > text && at[-1] == '[' && (size_t)(end - at) >= n + sizeof said - 1 &&
	       memcmp(at + n, said, sizeof said - 1) == 0;
}

/* Is lit shaped like a dotted status code: a one-digit first part and
 * parts of at most two digits ("3.2.1.1", "1.5.6.1", "4.16.55.1")? */
static int code_shaped(const char *lit)
{
	size_t part = 0;
	if (!(addr_class[(unsigned char)lit[0]] & AC_DIGIT) || lit[1] != '.')
		return 0;
	for (const char *c = lit + 2; *c; c++) {
		if (*c == '.')
			part = 0;
		else if (++part > 2)
			return 0;
	}
	return 1;
}

/* The word before q (spaces and one "(", "#", ":" or "=" skipped) is one of
 * the NULL-ended list ws? */
static int word_in(const char *text, const char *q, const char *const *ws)
{
	q = before_spaces(text, q);
	if (q > text && (q[-1] == '(' || q[-1] == '#' || q[-1] == ':' || q[-1] == '='))
		q--;
	q = before_spaces(text, q);
	for (; *ws; ws++)
		if (word_before(text, q, *ws))
			return 1;
	return 0;
}

/* A code-shaped literal in a status code's place: after a word that
 * introduces a code ("policy (3.2.1.1)", "code 4.16.55.1"), or alone in
 * parentheses after any word that does not introduce an address ("Too
 * many messages (1.5.6.1) from 192.0.2.1"; not "the sending IP
 * (1.2.3.4)", "from (5.9.10.20)"). at is the literal, n its length. */
static int status_code(const char *lit, const char *text, const char *at, const char *end, size_t n)
{
	static const char *const code_words[] = {
		"policy", "code", "error", "err", "status", "reason", "rule", "ref", "reference", NULL,
	};
	static const char *const addr_words[] = {
		"ip", "ipv4", "address", "addr", "host", "client", "from", "server", "sender", "relay",
		"source", "peer", "mta", "by", "connection", "helo", "ehlo", NULL,
	};
	const char *q;
	if (!code_shaped(lit))
		return 0;
	if (word_in(text, at, code_words))
		return 1;
	q = before_spaces(text, at);
	if (q == text || q[-1] != '(' || (size_t)(end - at) <= n || at[n] != ')')
		return 0;
	return q - 1 > text && !word_in(text, q - 1, addr_words);
}

/* A literal that is an address but not a sender's: unspecified, loopback,
 * a dotted code that follows " - " (Yahoo's "- 4.16.55.1") or stands in a
 * status code's place ("policy (3.2.1.1)"), an RFC's section number, or a
 * server Postfix says it talked to. */
static int ignored(const char *lit, int v6, const char *text, const char *at, const char *end)
{
	const char *q;
	if (said_by(text, at, end, strlen(lit)))
		return 1;
	if (v6)
		return strcmp(lit, "::") == 0 || strcmp(lit, "::1") == 0;
	if (strncmp(lit, "0.", 2) == 0 || strncmp(lit, "127.", 4) == 0)
		return 1;
	q = before_spaces(text, at);
	if (q > text && q[-1] == '-' && (lit[0] == '2' || lit[0] == '4' || lit[0] == '5') && lit[1] == '.')
		return 1;
	return status_code(lit, text, at, end, strlen(lit)) || rfc_section(text, at);
}

/* "192.0.2.1:25431" (an IPv4 address and a port): *n shrinks to the
 * address when a '.' comes before the first ':'; an IPv6 literal has no
 * '.' before its first ':' (even "::ffff:192.0.2.1"). */
static void v4_port(const char *p, size_t *n)
{
	const char *colon = memchr(p, ':', *n);
	if (colon && memchr(p, '.', (size_t)(colon - p)) != NULL)
		*n = (size_t)(colon - p);
}

/* A run with one ':' (after any tag) can only be "IPv4:port": is the text
 * before that ':' free of hex letters? Asked only for the rare run that has
 * three '.' and a hex letter somewhere ("192.0.2.1:cafe"). */
static int v4_head_decimal(const char *run, const char *end)
{
	for (; run < end && *run != ':'; run++)
		if (addr_class[(unsigned char)*run] & AC_HEXL)
			return 0;
	return 1;
}

/* The first '.' or ':' at or after p, NULL if none: *dot and *colon hold
 * the next of each (NULL once there is none left), found again by memchr
 * only when p has passed them. */
static const char *next_separator(const char *p, const char *end, const char **dot, const char **colon)
{
	if (*dot && *dot < p)
		*dot = memchr(p, '.', (size_t)(end - p));
	if (*colon && *colon < p)
		*colon = memchr(p, ':', (size_t)(end - p));
	if (*dot == NULL || (*colon && *colon < *dot))
		return *colon;
	return *dot;
}

int reply_ip_find(const char *text, size_t len, const char *relay_ip, const char *const *prefer,
		  size_t nprefer, char *out, size_t outsz)
{
	const char *p = text, *end = text + len, *dot, *colon, *sep;
	char first[LIT_MAX] = "";
	if (outsz)
		out[0] = '\0';
	if (text == NULL || outsz == 0)
		return 0;
	dot = memchr(text, '.', len);
	colon = memchr(text, ':', len);
	/* Each maximal run of address characters (hex digits, '.', ':') is a
	 * candidate once. inet_pton() accepts an IPv6 text only with two ':'
	 * or more, an IPv4 text only with three '.' and nothing but digits
	 * (before a port's ':'): only runs around a '.' or ':' are looked at
	 * (memchr finds those; the words and numbers between are not read
	 * byte by byte), and a run that can be neither is passed over without
	 * copying it. p is always the end of the last run (a byte that is not
	 * an address character) or the text's start. */
	while (p < end && (sep = next_separator(p, end, &dot, &colon)) != NULL) {
		unsigned char lit_buf[16];
		char lit[LIT_MAX];
		const char *run = sep;
		unsigned seen = 0, k;
		size_t n, dots = 0, colons = 0;
		int v6;
		while (run > p && addr_class[(unsigned char)run[-1]])
			run--;
		for (p = run; p < end && (k = addr_class[(unsigned char)*p]) != 0; p++) {
			seen |= k;
			dots += k == AC_DOT;
			colons += k == AC_COLON;
		}
		if (p - run > 2 && (run[0] == '4' || run[0] == '6') && run[1] == ':' && run - text >= 3 &&
		    strncasecmp(run - 3, "IPv", 3) == 0) {
			run += 2;	/* "[IPv6:2001:db8::1]": the tag is not part of the address */
			colons--;
		}
		if (run[0] == ':' && p - run > 1 && run[1] != ':') {
			run++;		/* "ip:192.0.2.1": no address starts with a single ':' */
			colons--;
		}
		if (colons < 2 && (dots < 3 || ((seen & AC_HEXL) && (colons == 0 || !v4_head_decimal(run, p)))))
			continue;
		n = (size_t)(p - run);
		while (n > 0 && (run[n - 1] == '.' || (run[n - 1] == ':' && !(n > 1 && run[n - 2] == ':'))))
			n--;	/* "192.0.2.1." ends a sentence; "::" may end an address */
		v4_port(run, &n);
		if (n == 0 || n >= LIT_MAX)
			continue;
		memcpy(lit, run, n);
		lit[n] = '\0';
		v6 = memchr(lit, ':', n) != NULL;
		if (inet_pton(v6 ? AF_INET6 : AF_INET, lit, lit_buf) == 1 && !ignored(lit, v6, text, run, end) &&
		    (relay_ip == NULL || strcmp(lit, relay_ip) != 0)) {
			for (size_t i = 0; i < nprefer; i++)
				if (prefer[i] && strcmp(prefer[i], lit) == 0) {
					str_put(out, outsz, str_make(lit, n));
					return 1;
				}
			if (first[0] == '\0')
				memcpy(first, lit, n + 1);
			if (nprefer == 0)
				break;
		}
	}
	if (first[0] == '\0')
		return 0;
	str_put(out, outsz, str_cstr(first));
	return 1;
}
