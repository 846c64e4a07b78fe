/* store_prune - bounded growth: deleting old delivery rows, giving the
 * space back. Part of the store family.
 *
 * Deliveries older than a cut are deleted in batches, each its own short
 * transaction, so a running tail (WAL, busy timeout) is never held up for
 * long. Episodes, alerts, rules, sources and the feeds' rows are kept: they
 * are small, and they are the history. Reports over a pruned period count
 * only what is left.
 *
 * Space: a database created by this version has auto_vacuum=INCREMENTAL, so
 * the freed pages go back to the file system with PRAGMA incremental_vacuum
 * (store_reclaim). An older file needs one full VACUUM (store_reclaim with
 * full = 1), which also switches it to incremental for the next time.
 */
#ifndef BW_STORE_PRUNE_H
#define BW_STORE_PRUNE_H
#include <stddef.h>
#include <stdint.h>
#include "store.h"

/* Deletes at most batch delivery rows and at most batch mail_events rows
 * (what the MTA received and rejected) with ts < before, in one
 * transaction. Returns how many deliveries were deleted, *events how many
 * mail_events (both 0: none left), or -1 with err. */
int64_t store_prune_batch(struct store *st, double before, long batch, int64_t *events,
			  char *err, size_t errlen);

/* Pages of the file, and of them free. 0 or -1. */
int store_pages(struct store *st, int64_t *pages, int64_t *free_pages, int64_t *page_size,
		char *err, size_t errlen);

/* Gives free pages back: PRAGMA incremental_vacuum when the file allows it,
 * else (full = 1) VACUUM after setting auto_vacuum=INCREMENTAL. *mode says
 * which ran: "incremental", "full", or "none" (neither possible nor asked).
 * 0 or -1 with err. */
int store_reclaim(struct store *st, int full, const char **mode, char *err, size_t errlen);

#endif
