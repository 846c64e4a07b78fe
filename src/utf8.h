/* utf8 - strict UTF-8 decoding of untrusted bytes
 *
 * One decoder for every place that must tell valid text from bytes: the
 * ingest repair of log lines, printable diagnostics, JSON, text and HTML
 * output. Well-formed sequences as RFC 3629 section 4 tabulates them: no
 * overlong forms, no surrogates, nothing past U+10FFFF. Base layer.
 */
#ifndef BW_UTF8_H
#define BW_UTF8_H
#include <stddef.h>

/* Length (1..4) of the well-formed sequence at s[0..n) with its code point
 * in *cp (cp may be NULL), or 0 when s does not start one (n must be > 0). */
size_t utf8_decode(const unsigned char *s, size_t n, unsigned *cp);

/* 1 when s[0..n) is entirely well-formed UTF-8 (ASCII fast path). */
int utf8_valid(const char *s, size_t n);

#endif
