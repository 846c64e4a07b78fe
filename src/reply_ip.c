/* reply_ip - the sending IP a remote reply names, without a rule (see reply_ip.h). */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "reply_ip.h"

#define LIT_MAX 46		/* INET6_ADDRSTRLEN */

static int is_hex(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Length of the run of address characters at p (digits, hex, '.', ':'). */
static size_t run_len(const char *p, const char *end)
{
	size_t n = 0;
	while (p + n < end && (is_hex((unsigned char)p[n]) || p[n] == '.' || p[n] == ':'))
		n++;
	return n;
}

/* A literal that is an address but not a sender's: unspecified, loopback,
 * or a dotted code that follows " - " (Yahoo's "- 4.16.55.1"). */
static int ignored(const char *lit, int v6, const char *text, const char *at)
{
	const char *q = at;
	if (v6)
		return strcmp(lit, "::") == 0 || strcmp(lit, "::1") == 0;
	if (strncmp(lit, "0.", 2) == 0 || strncmp(lit, "127.", 4) == 0)
		return 1;
	while (q > text && q[-1] == ' ')
		q--;
	return q > text && q[-1] == '-' && (lit[0] == '2' || lit[0] == '4' || lit[0] == '5') && lit[1] == '.';
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

int reply_ip_find(const char *text, size_t len, const char *relay_ip, const char *const *prefer,
		  size_t nprefer, char *out, size_t outsz)
{
	const char *p = text, *end = text + len;
	char first[LIT_MAX] = "";
	if (outsz)
		out[0] = '\0';
	if (text == NULL || outsz == 0)
		return 0;
	while (p < end) {
		unsigned char buf[16];
		char lit[LIT_MAX];
		size_t n;
		int v6;
		/* a literal starts after a non-address character */
		if (p > text && (is_hex((unsigned char)p[-1]) || p[-1] == '.' || p[-1] == ':')) {
			p++;
			continue;
		}
		n = run_len(p, end);
		if (n == 0) {
			p++;
			continue;
		}
		if (n > 2 && (p[0] == '4' || p[0] == '6') && p[1] == ':' && p - text >= 3 &&
		    strncasecmp(p - 3, "IPv", 3) == 0) {
			p += 2;	/* "[IPv6:2001:db8::1]": the tag is not part of the address */
			n -= 2;
		}
		if (p[0] == ':' && n > 1 && p[1] != ':') {
			p++;	/* "ip:192.0.2.1": no address starts with a single ':' */
			n--;
		}
		while (n > 0 && (p[n - 1] == '.' || (p[n - 1] == ':' && !(n > 1 && p[n - 2] == ':'))))
			n--;	/* "192.0.2.1." ends a sentence; "::" may end an address */
		v4_port(p, &n);
		if (n > 0 && n < LIT_MAX) {
			memcpy(lit, p, n);
			lit[n] = '\0';
			v6 = memchr(lit, ':', n) != NULL;
			if (inet_pton(v6 ? AF_INET6 : AF_INET, lit, buf) == 1 && !ignored(lit, v6, text, p) &&
			    (relay_ip == NULL || strcmp(lit, relay_ip) != 0)) {
				for (size_t i = 0; i < nprefer; i++)
					if (prefer[i] && strcmp(prefer[i], lit) == 0) {
						snprintf(out, outsz, "%s", lit);
						return 1;
					}
				if (first[0] == '\0')
					memcpy(first, lit, n + 1);
				if (nprefer == 0)
					break;
			}
		}
		p += n > 0 ? n : 1;
	}
	if (first[0] == '\0')
		return 0;
	snprintf(out, outsz, "%s", first);
	return 1;
}
