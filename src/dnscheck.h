/* dnscheck - the DNS checks as commands and tail run them
 *
 * Commands layer glue between dns, dnsbl, selfcheck and the store: the
 * options they share (resolver, timeouts, zone list, sender domain, HELO,
 * DKIM selectors), the per-TTL cache of block-list answers, and storing a
 * round of checks with what changed since the last definite answer (a new
 * listing, a delisting). No printing.
 */
#ifndef BW_DNSCHECK_H
#define BW_DNSCHECK_H
#include <stdio.h>
#include "dns.h"
#include "dnsbl.h"
#include "selfcheck.h"
#include "store.h"

#define DNSCHECK_CACHE_MIN 60.0		/* seconds an answer is reused at least */
#define DNSCHECK_CACHE_MAX 86400.0	/* and at most, whatever its TTL */
#define DNSCHECK_ERROR_CACHE 60.0	/* an error is asked again after this */

struct dnscheck_cfg {
	struct dns_opts dns;
	int resolver_given;		/* --resolver (tail checks only then) */
	const char *zones;		/* --dnsbl-zones FILE; NULL: RULES/dnsbl.conf */
	const char *lists;		/* --dnsbl-lists a,b; NULL: every list */
	struct selfcheck_opts self;	/* --domain, --helo, --dkim-selector (ip set per check) */
	double interval;		/* --dnsbl-interval: tail re-checks this often (6h) */
};

void dnscheck_cfg_init(struct dnscheck_cfg *c);
/* Handles option name (without "--") with its value: 1 done, 0 not one of
 * these, -1 with err for a bad value. Options: resolver, dns-timeout (ms),
 * dns-tries, dnsbl-zones, dnsbl-lists, domain, helo, dkim-selector
 * (repeatable), dnsbl-interval (a duration). */
int dnscheck_opt(struct dnscheck_cfg *c, const char *name, const char *val, char *err, size_t errlen);
void dnscheck_usage(FILE *f);

/* The zone list of c (or rules_dir/dnsbl.conf, else the installed one),
 * narrowed to --dnsbl-lists. NULL with err. */
struct dnsbl_conf *dnscheck_zones(const struct dnscheck_cfg *c, const char *rules_dir,
				  char *err, size_t errlen);

/* The unexpired stored answers of every zone of conf for ip at now, into
 * out[0..conf->n): 1 when all are there, 0 when one is missing, -1 error. */
int dnscheck_cached(struct store *st, const struct dnsbl_conf *conf, const char *ip, double now,
		    struct dnsbl_check *out, char *err, size_t errlen);

/* Called for each check whose definite answer changed: listed 1 (a new
 * listing) or 0 (delisted). */
typedef int (*dnscheck_change_fn)(void *arg, const struct dnsbl_check *c, int listed, double now,
				  char *err, size_t errlen);
/* Stores the checks made at now (one transaction) and calls changed for
 * each change. Returns the number of changes, or -1 with err (rolled back). */
int dnscheck_store(struct store *st, const struct dnsbl_check *c, size_t n, double now,
		   dnscheck_change_fn changed, void *arg, char *err, size_t errlen);

#endif
