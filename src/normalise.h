/* normalise - a remote reply reduced to its wording, for grouping
 *
 * Replaces the parts of an SMTP reply that change from one message to the
 * next, so that equal refusals group together ("top reasons", the unmatched
 * list of `rules test`):
 *   e-mail addresses            -> <addr> (with their <> if they had them)
 *   IPv4 / IPv6 addresses       -> <ip>
 *   ISO 8601 times              -> <time>
 *   server host names: 3 labels or more, a digit in one of them
 *   ("DB5EUR03FT021.eop-EUR03.prod.protection.outlook.com") -> <host>
 *   ids joined by '-' or '.', 8 bytes or more, letters and digits
 *   (Gmail's "a48-d2e1a72fcca58.123 - gsmtp")  -> <id>
 *   ids: letter+digit runs of 8 or more ([A-Za-z0-9], at least one digit)
 *                               -> <id>
 *   base64 ids: 16 bytes or more of letters, digits, '+', '/' and '_', with
 *   a capital, a small letter and a digit (or a "--." tail), '='
 *   padding and a "--.0S2" tail (Coremail's
 *   "DsCowAA3D+JApVpd78gMKg--.16104S2"), not right after a '/': words
 *   joined by '/', '+' or '_' ("Dialup/transient") and a URL's path keep
 *   their words   -> <id>
 *   other digit runs            -> <n>
 * The reply code and enhanced status code are kept ("550 5.7.1",
 * "550-5.7.1" anywhere, a lone "5.7.1"), and so are short codes such as
 * "S3140". Runs of white space become one space; leading and trailing
 * white space go. Any bytes are accepted; others are copied unchanged.
 * Pure, linear in len.
 */
#ifndef BW_NORMALISE_H
#define BW_NORMALISE_H
#include <stddef.h>

/* Writes the normal form of in[0..len) into out (outsz >= 1), always
 * NUL-terminated, cut to fit; returns the length written. */
size_t reply_normalise(const char *in, size_t len, char *out, size_t outsz);

#endif
