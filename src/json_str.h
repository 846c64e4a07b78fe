/* json_str - JSON string literals from untrusted bytes
 *
 * Any bytes in, a valid JSON string out: quotes, backslashes and every
 * control character are escaped, and each byte of an invalid UTF-8 sequence
 * (overlong forms, surrogates, code points past U+10FFFF, truncated
 * sequences) becomes \ufffd. Base layer: libc only.
 */
#ifndef BW_JSON_STR_H
#define BW_JSON_STR_H
#include <stddef.h>

/* Output size that always suffices for len input bytes (quotes and NUL included). */
#define JSON_STR_MAX(len) (6 * (size_t)(len) + 3)

/* Writes s[0..len) as a quoted JSON string into out (NUL-terminated when
 * outsz > 0). Returns the length the full result needs (without the NUL),
 * like snprintf: a result >= outsz means out was cut. */
size_t json_str(char *out, size_t outsz, const char *s, size_t len);

/* Length (1..4) of the valid UTF-8 sequence at s[0..n), 0 if invalid. */
size_t json_utf8_len(const unsigned char *s, size_t n);

#endif
