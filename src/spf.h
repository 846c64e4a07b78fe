/* spf - SPF evaluated by libspf2, asking DNS through our struct dns
 *
 * The only file that includes libspf2's headers. libspf2's own resolver
 * layer (spf_dns_resolv) calls res_ninit(), which reads /etc/resolv.conf
 * and cannot be given a server address and port; instead we hand libspf2 a
 * DNS layer of our own (an SPF_dns_server_t whose lookup runs through
 * dns.c), so SPF is evaluated by libspf2 against exactly the resolver the
 * rest of bouncewatch uses (--resolver). Not thread-safe beyond one call
 * per struct dns at a time.
 */
#ifndef BW_SPF_H
#define BW_SPF_H
#include <stddef.h>
#include "dns.h"

struct spf_result {
	char result[16];	/* pass fail softfail neutral none temperror permerror */
	char detail[512];	/* libspf2's reason / error text */
};

/* Evaluates SPF for a message from ip with envelope sender postmaster@domain
 * (and helo, when not NULL). Returns 0 with out filled (every SPF result,
 * errors included, is a result), -1 with err when libspf2 cannot start or
 * ip is not an address. */
int spf_eval(struct dns *d, const char *ip, const char *domain, const char *helo,
	     struct spf_result *out, char *err, size_t errlen);

#endif
