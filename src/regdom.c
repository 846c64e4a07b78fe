/* regdom - registered domain of a host name (see regdom.h).
 *
 * Works on a lower-cased copy; the result is a suffix of it. Pure: no
 * allocation, no state.
 */
#include <string.h>
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

static int host_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
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
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)host[i];
		out[i] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
		if (!host_byte((unsigned char)out[i]) || (out[i] == '.' && (i == 0 || out[i - 1] == '.')))
			return out[0] = '\0', 0;
		digits += (out[i] >= '0' && out[i] <= '9') || out[i] == '.';
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
