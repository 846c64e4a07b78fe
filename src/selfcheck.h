/* selfcheck - is the sender's own DNS in order? (what a receiver checks)
 *
 * For one sending IP and envelope domain: the PTR of the IP, forward-
 * confirmed reverse DNS (a PTR name resolves back to the IP), the HELO
 * name (is one of those names and resolves to the IP), SPF evaluated for
 * the IP by libspf2 (spf.h), the DKIM public key record of each selector
 * (exists, its tags and base64 key parse), and the DMARC record (exists,
 * policy, alignment). Each finding has a status, what was seen, and the
 * fix in one line. Asks DNS only through struct dns; no store, no output.
 */
#ifndef BW_SELFCHECK_H
#define BW_SELFCHECK_H
#include <stddef.h>
#include "dns.h"

#define SELFCHECK_SELECTORS_MAX 8

struct selfcheck_opts {
	const char *ip;			/* required */
	const char *domain;		/* envelope sender domain; NULL: SPF/DKIM/DMARC skipped */
	const char *helo;		/* NULL: HELO skipped */
	const char *selectors[SELFCHECK_SELECTORS_MAX];
	int nselectors;
};

enum sc_status { SC_OK, SC_WARN, SC_FAIL, SC_ERROR, SC_SKIP };

struct sc_finding {
	char check[24];			/* "ptr" "fcrdns" "helo" "spf" "dkim:s1" "dmarc" */
	enum sc_status status;
	char brief[96];			/* for the summary line: "FCrDNS fails" */
	char detail[600];		/* what was seen */
	char fix[300];			/* what to do, one line; empty when nothing */
};

#define SELFCHECK_FINDINGS_MAX (6 + SELFCHECK_SELECTORS_MAX)

struct selfcheck {
	struct sc_finding f[SELFCHECK_FINDINGS_MAX];
	int n;
};

/* Runs every check; a check that cannot be made (timeout ...) is a finding
 * with SC_ERROR. -1 with err only when o->ip is not an address. */
int selfcheck_run(struct dns *d, const struct selfcheck_opts *o, struct selfcheck *out,
		  char *err, size_t errlen);

/* "PTR ok, FCrDNS fails, SPF pass, DKIM key for selector s1 missing, DMARC p=none" */
char *selfcheck_summary(const struct selfcheck *sc, char *buf, size_t bufsz);
/* A JSON array of {check, status, brief, detail, fix}; caller frees. */
char *selfcheck_json(const struct selfcheck *sc);
const char *selfcheck_status_str(enum sc_status s);	/* "ok" "warn" "fail" "error" "skip" */

/* Pure readers, exposed for tests. */
/* DKIM key record (RFC 6376 3.6.1): 0 and what it holds in detail, -1 and
 * why not in detail. */
int selfcheck_dkim_parse(const char *rec, char *detail, size_t detailsz);
/* DMARC record (RFC 7489 6.3): 0 with the policy ("none" ...) in p and the
 * settings in detail, -1 with why in detail. */
int selfcheck_dmarc_parse(const char *rec, char *p, size_t psz, char *detail, size_t detailsz);

#endif
