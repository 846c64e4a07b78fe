/* store_digest - the queries of the morning digest (digest.h)
 *
 * Each query reads a window [since, until) and the period of the same length
 * before it [prev, since), and hands its rows to a store_row_fn as text.
 * Part of the store family.
 */
#ifndef BW_STORE_DIGEST_H
#define BW_STORE_DIGEST_H
#include "store.h"

enum store_digest_q {
	STORE_DIGEST_TOTALS,	/* period ('now'|'prev'), attempts, sent, deferred, bounced, blocks */
	STORE_DIGEST_EPISODES,	/* sending_ip, pool, kind, opened, cleared, still_open, advice */
	STORE_DIGEST_REASONS,	/* reason, count, status: replies not seen in the previous period */
	STORE_DIGEST_COMPLAINTS,	/* source_ip, reporter, now, prev (only when the table has rows) */
	STORE_DIGEST_SNDS,	/* day, ip, filter, complaint_rate, trap_hits */
	STORE_DIGEST_DNSBL,	/* ip, zone, labels: the latest answer per (ip, zone) says listed */
	STORE_DIGEST_FEEDS,	/* complaints, snds, dnsbl: 1 when the table has any row */
};

int store_digest_rows(struct store *st, enum store_digest_q q, double prev, double since,
		      double until, store_row_fn row, void *arg, char *err, size_t errlen);

#endif
