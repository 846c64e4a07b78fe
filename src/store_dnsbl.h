/* store_dnsbl - the dnsbl_checks and selfchecks tables (schema/009_dnsbl.sql)
 *
 * Part of the store family (implemented in store_dnsbl.c). Strings handed
 * to callbacks are borrowed until the callback returns; NULL for SQL NULL.
 */
#ifndef BW_STORE_DNSBL_H
#define BW_STORE_DNSBL_H
#include <stdint.h>
#include "store.h"

struct dnsbl_row {
	double checked;
	const char *ip, *zone, *dns_zone;
	const char *result;		/* "listed" "not-listed" "error" */
	const char *codes, *labels, *txt, *error;
	double expires;
};

int store_dnsbl_add(struct store *st, const struct dnsbl_row *r, char *err, size_t errlen);

typedef int (*store_dnsbl_fn)(void *arg, const struct dnsbl_row *r);
/* Calls fn with the latest check of (ip, zone); definite: the latest whose
 * result is not "error". Returns 1 found, 0 none, -1 error. */
int store_dnsbl_latest(struct store *st, const char *ip, const char *zone, int definite,
		       store_dnsbl_fn fn, void *arg, char *err, size_t errlen);

struct selfcheck_row {
	double checked;
	const char *ip, *domain, *helo;
	int64_t episode_id;		/* 0: none */
	const char *summary, *dnsbl, *findings;
};

int64_t store_selfcheck_add(struct store *st, const struct selfcheck_row *r, char *err, size_t errlen);
typedef int (*store_selfcheck_fn)(void *arg, const struct selfcheck_row *r);
/* The latest self-check made for episode_id: 1 found, 0 none, -1 error. */
int store_selfcheck_for_episode(struct store *st, int64_t episode_id, store_selfcheck_fn fn,
				void *arg, char *err, size_t errlen);

#endif
