/* json_str - JSON string literals from untrusted bytes
 *
 * Any bytes in, a valid JSON string out: quotes, backslashes and every
 * control character are escaped, and each byte of an invalid UTF-8 sequence
 * (overlong forms, surrogates, code points past U+10FFFF, truncated
 * sequences) becomes \ufffd; U+2028 and U+2029 are escaped too, so the
 * text may also be embedded in JavaScript. Base layer: uses utf8 only.
 */
#ifndef BW_JSON_STR_H
#define BW_JSON_STR_H
#include <stddef.h>
#include <stdio.h>

/* Output size that always suffices for len input bytes (quotes and NUL included). */
#define JSON_STR_MAX(len) (6 * (size_t)(len) + 3)

/* Writes s[0..len) as a quoted JSON string into out (NUL-terminated when
 * outsz > 0). Returns the length the full result needs (without the NUL),
 * like snprintf: a result >= outsz means out was cut. */
size_t json_str(char *out, size_t outsz, const char *s, size_t len);

/* Writes s[0..len) as a quoted JSON string to f. */
void json_fput(FILE *f, const char *s, size_t len);

#endif
