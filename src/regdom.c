/* regdom - registered domain of a host name (see regdom.h).
 *
 * Works on a lower-cased copy; the result is a suffix of it. Pure: no
 * allocation, no state.
 */
#include <string.h>
#include "ascii.h"
#include "regdom.h"

/* Second-level labels below which two-letter country registries register
 * names (co.uk, com.au, ne.jp, or.jp, go.jp, org.uk, ac.uk, gov.br ...),
 * after the country sections of https://publicsuffix.org/list/. */
static const char *const ccsld[] = {
	"ac", "co", "com", "edu", "go", "gob", "gov", "gr", "in", "lg", "ltd", "me",
	"mil", "ne", "net", "nic", "nom", "or", "org", "plc", "sch",
};

static int is_ccsld(const char *label, size_t n)
{
	for (size_t i = 0; i < sizeof ccsld / sizeof ccsld[0]; i++)
		if (strlen(ccsld[i]) == n && memcmp(ccsld[i], label, n) == 0)
			return 1;
	return 0;
}

/* Start of the label that ends just before position end (a '.' or len). */
static size_t label_start(const char *s, size_t end)
{
	while (end > 0 && s[end - 1] != '.')
		end--;
	return end;
}

int regdom_of(const char *host, size_t len, char *out, size_t outsz)
{
	size_t tld, sld, keep, digits = 0;
	if (outsz == 0)
		return 0;
	out[0] = '\0';
	while (len > 0 && host && host[len - 1] == '.')
		len--;
	if (host == NULL || len == 0 || len >= outsz)
		return 0;
	for (size_t i = 0; i < len; i++) {	/* letters first: most of a name */
		unsigned char c = ascii_lower((unsigned char)host[i]);
		out[i] = (char)c;
		if ((unsigned)(c - 'a') < 26u || c == '-')
			continue;
		if ((unsigned)(c - '0') < 10u || (c == '.' && i > 0 && out[i - 1] != '.'))
			digits++;
		else
			return out[0] = '\0', 0;
	}
	out[len] = '\0';
	tld = label_start(out, len);
	if (tld == 0 || digits == len)	/* a bare label, or an IPv4 literal */
		return out[0] = '\0', 0;
	sld = label_start(out, tld - 1);
	keep = sld;
	if (len - tld == 2 && is_ccsld(out + sld, tld - 1 - sld) && sld > 0)
		keep = label_start(out, sld - 1);
	memmove(out, out + keep, len - keep + 1);
	return 1;
}
