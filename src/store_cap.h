/* store_cap - block replies refused by the per-pool episode caps (table
 * episode_caps, schema/016_attribution.sql). Part of the store family:
 * written by episode.c in the ingest transaction, read by `check`.
 */
#ifndef BW_STORE_CAP_H
#define BW_STORE_CAP_H
#include <stddef.h>
#include <stdint.h>

struct store;

/* Counts one block reply of pool refused at cap, at clock time now. 0, or
 * -1 with err. */
int store_cap_hit(struct store *st, const char *pool, int64_t cap, double now, char *err, size_t errlen);

struct store_cap_row {
	const char *pool;	/* borrowed until the callback returns */
	int64_t cap, hits;
	double first_hit, last_hit;
};

/* Calls fn for each pool whose last hit is at or after since, most hits
 * first; fn returns non-zero to stop. 0, or -1 with err. */
int store_cap_each(struct store *st, double since, int (*fn)(void *arg, const struct store_cap_row *r),
		   void *arg, char *err, size_t errlen);

#endif
