/* reply_ip - the sending IP a remote reply names, without a rule
 *
 * Receivers quote the client's address in many shapes: "[192.0.2.1]",
 * "from 192.0.2.1", "IP=192.0.2.1", "?ip=192.0.2.1", "(2001:db8::1)",
 * "[IPv6:2001:db8::1]" (RFC 5321's address literal), "ip:192.0.2.1",
 * "192.0.2.1:25431" (with the client's port). When no rule captures it,
 * the first IPv4 or IPv6 literal of the reply is the candidate, unless it
 * is the relay's own address, unspecified or loopback, a dotted status or
 * tracking code ("- 4.16.55.1" after Yahoo's text; a short four-part
 * number after "policy", "code", "error" ..., or in parentheses after a
 * word that does not name an address: "policy (3.2.1.1)", "messages
 * (1.5.6.1)"), an RFC's section number, or a server Postfix
 * quotes ("host mx.example.org[192.0.2.9] said:", a relay down the line
 * whose reply the receiver passes on). When the caller knows the host's
 * own addresses (--source-ip), a literal among them wins over the first.
 */
#ifndef BW_REPLY_IP_H
#define BW_REPLY_IP_H
#include <stddef.h>

/* Writes the candidate into out (NUL-terminated) and returns 1, or returns
 * 0 with out "" when the text names none. relay_ip (may be NULL) is
 * skipped; prefer[0..nprefer) (may be NULL) are preferred. text is any
 * bytes, len long. */
int reply_ip_find(const char *text, size_t len, const char *relay_ip, const char *const *prefer,
		  size_t nprefer, char *out, size_t outsz);

#endif
