/* digest - the morning digest: what changed in a period, as text and HTML
 *
 * For a window [since, until) and the period of the same length before it:
 * block episodes opened, cleared and still open per sending IP x receiving
 * pool; attempts, deliveries, deferrals, bounces and block refusals with
 * their rates against the previous period (trend arrows); the top new
 * reasons (normalised replies not seen in the previous period); complaints,
 * SNDS days and DNSBL listings when those tables have rows. All text from
 * the database is untrusted: the HTML escapes it (html_esc.h), the text
 * goes through mime.h's cleaning when mailed. Store layer (store_digest.h).
 */
#ifndef BW_DIGEST_H
#define BW_DIGEST_H
#include "buf.h"
#include "store.h"

struct digest {
	struct buf subject, text, html;	/* NUL-terminated after digest_build */
	int happened;		/* 1 when there is something to tell */
	long opened, cleared, still_open, blocks, new_reasons, complaints, listed;
};

/* "↑", "↓" or "→" as now is above, below or equal to prev. */
const char *digest_arrow(double now, double prev);

/* Fills d (to be released with digest_release) for [since, until); host
 * names the machine in the footer. 0, or -1 with err. */
int digest_build(struct store *st, double since, double until, const char *host,
		 struct digest *d, char *err, size_t errlen);
void digest_release(struct digest *d);

#endif
