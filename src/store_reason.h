/* store_reason - the reasons section of a report from rollups
 * (schema/031_reason_rollups.sql). Internal to the store family.
 *
 * A reason group is (status, the reply as reply_normalise() words it, cut
 * as bw_normalise() cuts it, rule id): count, max(provider),
 * max(category), min and max ts, and its recipient domains: the first
 * REASON_DOMAINS distinct ones in byte order and whether there are more.
 * All of these add up across buckets exactly (the smallest N of a union are
 * the smallest N of the parts' smallest N), so a report from rollups and
 * one from rows (bw_domains(), the same list) agree byte for byte.
 *
 * Write side: store_rollup.c hands each attempt it counts to a pending
 * reason_set (reason_set_note) and, inside the transaction, calls
 * store_reason_flush() before it folds the day buckets and
 * store_reason_fold() after each fold. Hours listed in reason_stale are
 * rebuilt from the rows (store_reason_settle; prune calls it before it
 * deletes rows). Read side: store_reason_report().
 */
#ifndef BW_STORE_REASON_H
#define BW_STORE_REASON_H
#include <stddef.h>
#include <stdint.h>
#include "store_report.h"

#define REASON_DOMAINS 10	/* domains listed per reason group */
#define REASON_MAX 1024		/* bw_normalise's buffer: reasons are cut to 1023 bytes */

struct reason_set;

struct reason_set *reason_set_new(void);
void reason_set_clear(struct reason_set *rs);
void reason_set_free(struct reason_set *rs);
/* Adds one stored attempt to the group of its hour, if the reasons section
 * counts it (not sent, a reply). */
void reason_set_note(struct reason_set *rs, const struct delivery *d, const struct verdict *v);

/* Writes the pending groups (pending may be NULL) into their hours, then
 * rebuilds the stale hours from the rows, then the folded buckets (spans
 * ROLLUP spans[0 .. nfolded), below done[]) that hold a changed hour. 0 or
 * -1 with err. */
int store_reason_flush(struct store *st, struct reason_set *pending, const int64_t *spans,
		       const int64_t *done, size_t nfolded, char *err, size_t errlen);
/* The buckets of span in [from, to) from those of the smaller span child. */
int store_reason_fold(struct store *st, int64_t span, int64_t child, int64_t from, int64_t to,
		      char *err, size_t errlen);
/* store_reason_flush without pending groups, in its own transaction when
 * none is open. */
int store_reason_settle(struct store *st, char *err, size_t errlen);

/* The reasons section of window w, at most w->top groups: rollups for
 * whole hours, rows for the ragged ends and stale hours. */
int store_reason_report(struct store *st, const struct store_window *w, store_cell_fn fn,
			void *arg, char *err, size_t errlen);
/* The digest's new reasons: per normalised reply, the attempts of
 * [since, until) that are not local deliveries (n) and max(status), for the
 * replies no attempt of [prev, since) had, local ones included; the top
 * (<= 0: all) by n, then reply in byte order, as text rows (reason, n,
 * max(status)) to fn. From rollups like the report. 0 or -1 with err. */
int store_reason_fresh(struct store *st, double prev, double since, double until, long top,
		       store_row_fn fn, void *arg, char *err, size_t errlen);
/* bw_domains(domain): the aggregate of the domains column, for the row
 * path's SQL. 0 or -1 with err. */
int store_reason_register(struct store *st, char *err, size_t errlen);

#endif
