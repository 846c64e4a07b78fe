/* normalise - reply texts reduced to their shape
 *
 * Two refusals that differ only in our IP address, a queue or tracking id, a
 * number or an e-mail address normalise to the same text, so they can be
 * counted together ("top reasons"). Pure: no I/O, no state.
 */
#ifndef BW_NORMALISE_H
#define BW_NORMALISE_H
#include <stddef.h>

/* Writes the normalised form of in[0..len) (any bytes) into out, NUL
 * terminated and cut to fit outsz (>= 1): IPv4 and IPv6 addresses become
 * "<ip>", e-mail addresses "<addr>", long identifiers containing digits
 * "<id>", other numbers "#"; the SMTP code and enhanced status codes
 * (550, 5.7.1, 421-4.7.28) and short codes such as S3140 are kept; runs of
 * white space become one space. Returns the length written. */
size_t reply_normalise(const char *in, size_t len, char *out, size_t outsz);

#endif
