/* regdom - the registered domain of a host name (an approximation)
 *
 * "mx1.mail.evil.example" -> "evil.example", "mx.shop.co.uk" -> "shop.co.uk":
 * the label below the public suffix plus the suffix. The public suffix is
 * approximated without the Public Suffix List (https://publicsuffix.org/list/):
 * the last label, or the last two when the last is a two-letter country code
 * and the second-level label is one that such registries hand out below
 * ("co", "com", "net", "org", "ac", "gov", "edu", "ne", "or", "go", ...).
 * Hosting suffixes (github.io ...) are not known: their hosts share one
 * registered domain, which errs towards grouping, never towards splitting.
 * Base layer: uses nothing of ours.
 */
#ifndef BW_REGDOM_H
#define BW_REGDOM_H
#include <stddef.h>

/* Writes the lower-cased registered domain of host[0..len) into out and
 * returns 1; returns 0 with out "" when host is not a DNS name of at least
 * two labels (an IP literal, "none", "local", a bare label, bytes other than
 * letters, digits, '-' and '.', or a name that does not fit in outsz). */
int regdom_of(const char *host, size_t len, char *out, size_t outsz);

#endif
