/* store_rollup - rollups of the stored attempts (schema/030_rollups.sql).
 * Internal to the store family.
 *
 * Write side: store_add() hands each attempt it actually inserted to
 * store_rollup_note(), which adds it to per-quarter-hour groups in memory;
 * store_commit() writes them (store_rollup_flush) just before COMMIT, so
 * rollups and rows land together or not at all; store_rollback() drops
 * them. The groups of a recent hour (no larger bucket folded over it) are
 * not written at each commit: the hour is "open" (a row in rollup_open
 * counts its attempts, committed with them), the writer holds its groups
 * across commits (store_rollup_committed) and writes them once, in the
 * transaction that closes the hour (an attempt stored CLOSE_GRACE after its
 * end). Readers take open hours from the rows. An open hour whose count is
 * not the holder's (a writer that stopped or crashed, two writers) is
 * rebuilt from its rows when it closes, so nothing is counted twice or lost.
 * Read side: store_rollup_read() hands out the rollup rows of one section
 * that cover a window of whole quarter hours, each bucket once, largest
 * buckets first.
 *
 * Buckets: 1 and 6 hours, 1, 2, 4, ... 512 days for every section, and
 * quarter hours for the totals (local day and hour in +05:30 and +05:45 zones). Quarter
 * hours per recipient domain would cost more rows than the attempts of a
 * busy server.
 */
#ifndef BW_STORE_ROLLUP_H
#define BW_STORE_ROLLUP_H
#include <stddef.h>
#include <stdint.h>
#include "store.h"

/* Rollup sections (the sec column): stable numbers, stored. */
enum rollup_sec {
	RU_TOTALS, RU_PROVIDER, RU_POOL, RU_DOMAIN, RU_RELAY, RU_SENDING_IP, RU_HOST,
	RU_BLOCKLIST, RU_LOCAL, RU_SENDER, RU__COUNT
};

#define ROLLUP_QUARTER 900	/* totals only: local days and hours */
#define ROLLUP_HOUR 3600	/* the smallest bucket of every section */

struct store_rollup;

/* One rollup row as read. has_*: the nullable column is not NULL. */
struct rollup_row {
	int64_t start, span;
	const char *key, *extra;	/* extra NULL when none; valid during the callback */
	size_t klen, elen;
	int64_t attempts, sent, deferred, bounced, expired, blocks, ndelay;
	int64_t delay_us;	/* sum of the delays, whole microseconds each */
	double delay_max, last_sent, first, last;
	int has_delay_max, has_last_sent;
};
typedef void (*rollup_row_fn)(void *arg, const struct rollup_row *r);

/* Adds one stored attempt to the pending rollups (allocated on first use). */
void store_rollup_note(struct store *st, const struct delivery *d, const struct verdict *v);
/* Writes the pending rollups inside the open transaction; 0 or -1 with err
 * (the pending rollups are kept for the rollback to drop). */
int store_rollup_flush(struct store *st, char *err, size_t errlen);
/* Forgets the pending rollups (the transaction was rolled back); the
 * groups held for open hours stay. */
void store_rollup_drop(struct store *st);
/* After COMMIT: keeps this transaction's groups of open hours with those
 * held, forgets those of the hours it closed. */
void store_rollup_committed(struct store *st);
/* Closes every open hour that starts before `before` (prune: before the
 * rows go), inside the open transaction; 0 or -1 with err. */
int store_rollup_close_before(struct store *st, double before, char *err, size_t errlen);
/* The first open hour at or after from (INT64_MAX: none): the rollups hold
 * none of its attempts that rollup_open counts. 0 or -1 with err. */
int store_rollup_open_from(struct store *st, int64_t from, int64_t *h, char *err, size_t errlen);
void store_rollup_free(struct store_rollup *ru);
/* Folds the bucket sizes whose done mark lags behind the others (sizes a
 * schema version added: their mark starts at 0) up to the others, in a
 * transaction of its own; nothing when none lags. 0 or -1 with err. */
int store_rollup_catch_up(struct store *st, char *err, size_t errlen);

/* The rows of section sec covering [from, to) (multiples of ROLLUP_HOUR,
 * from < to), or with span > 0 the buckets of that size only (ROLLUP_HOUR,
 * and ROLLUP_QUARTER for the totals: local days and hours), of which only
 * start, attempts, sent, deferred, bounced and blocks are read (the rest 0,
 * key ""). expired, first and last are read for the totals with span 0 only
 * (else 0). 0 or -1 with err. */
int store_rollup_read(struct store *st, enum rollup_sec sec, int64_t from, int64_t to,
		      int64_t span, rollup_row_fn fn, void *arg, char *err, size_t errlen);

/* Reads the rollups of one bucket size span over [from, to) (whole buckets). */
typedef int (*rollup_span_fn)(void *arg, struct store *st, int64_t span, int64_t from, int64_t to,
			      char *err, size_t errlen);
/* Calls fn for the bucket sizes and ranges that cover [from, to) (multiples
 * of ROLLUP_HOUR) with the largest complete buckets, each time once. 0 or -1
 * with err (fn's or its own). */
int store_rollup_cover(struct store *st, int64_t from, int64_t to, rollup_span_fn fn, void *arg,
		       char *err, size_t errlen);
/* The whole hours [*q0, *q1) of the window [since, until); *q0 >= *q1 when
 * it holds none. */
void rollup_whole_hours(double since, double until, int64_t *q0, int64_t *q1);
/* Rebuilds the reason rollups of the stale hours (store_reason.h) inside
 * the open transaction; 0 or -1 with err. */
int store_rollup_settle(struct store *st, char *err, size_t errlen);

/* floor(ts) rounded down to a multiple of span. */
int64_t rollup_bucket(double ts, int64_t span);

#endif
