/* feed_snds - Microsoft SNDS into the store
 *
 * Takes the bytes of the two SNDS feeds (fetched by cmd_snds through
 * http_get, or read from files), parses them (snds.c) and stores the rows
 * (store_feed.c) in one transaction per feed, so a feed is stored whole or
 * not at all. Re-importing the same feed changes nothing: rows are keyed by
 * (ip, day) and (first_ip, last_ip).
 *
 * Signals: a day whose filter result is RED or YELLOW, a day with trap hits,
 * and a range listed as blocked are the facts that open an episode for the
 * Outlook.com consumer pool; they are reported to sig() in the same
 * transaction as the rows, so the caller can add them to episodes there. A
 * day is signalled once, when first stored; a blocked range at every fetch
 * that lists it (the block goes on while SNDS lists it).
 */
#ifndef BW_FEED_SNDS_H
#define BW_FEED_SNDS_H
#include <stddef.h>
#include "snds.h"
#include "store.h"

struct feed_snds_stats {
	size_t rows, new_rows, skipped;		/* data feed */
	size_t ranges, new_ranges, gone;	/* status feed */
	size_t signals;
};

enum snds_signal_kind { SNDS_FILTER, SNDS_TRAPS, SNDS_BLOCKED };

struct snds_signal {
	enum snds_signal_kind kind;
	const char *ip;		/* one IP: a range is expanded (up to a bound) */
	double ts;		/* activity end of the day, or the fetch time for a range */
	const char *day;	/* YYYY-MM-DD, or NULL for a range */
	const char *detail;	/* "filter RED, complaint rate 2.5%, 41 trap hits" ... */
	int green;		/* SNDS_FILTER: 1 for a GREEN day (evidence toward clearing) */
};

typedef int (*snds_signal_fn)(void *arg, const struct snds_signal *s, char *err, size_t errlen);
typedef void (*snds_warn_fn)(void *arg, const char *feed, size_t line, const char *why);

/* A blocked range wider than this opens episodes only for the IPs the store
 * already knows as ours (store_known_ips). */
#define FEED_SNDS_RANGE_EXPAND 256

/* Stores the data feed (buf may be empty: SNDS has no data for the day).
 * Inside its own transaction. 0, or -1 with err (nothing stored). */
int feed_snds_data(struct store *st, const char *buf, size_t len, double now,
		   snds_signal_fn sig, snds_warn_fn warn, void *arg, struct feed_snds_stats *s,
		   char *err, size_t errlen);

/* Stores the status feed; ranges not listed any more are marked gone. */
int feed_snds_status(struct store *st, const char *buf, size_t len, double now,
		     snds_signal_fn sig, snds_warn_fn warn, void *arg, struct feed_snds_stats *s,
		     char *err, size_t errlen);

#endif
