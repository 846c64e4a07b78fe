/* store_feed - rows from outside feeds: SNDS data and status, complaints,
 * and the evidence they add to episodes (schema/008_feeds.sql). Part of the
 * store family. Every writer must run inside store_begin()/store_commit().
 */
#ifndef BW_STORE_FEED_H
#define BW_STORE_FEED_H
#include <stddef.h>
#include <stdint.h>
#include "snds.h"
#include "store.h"

/* Inserts or replaces the (ip, day) row. 1 new, 0 replaced, -1 error. */
int store_snds_day(struct store *st, const struct snds_day *d, double fetched, char *err,
		   size_t errlen);

/* The number of a new status fetch (one more than the last), or -1. */
int64_t store_snds_run(struct store *st, char *err, size_t errlen);
/* Records a range of status fetch run as seen at now: 1 newly listed (or
 * listed again after it was gone), 0 already listed, -1 error. */
int store_snds_range(struct store *st, const struct snds_range *r, double now, int64_t run,
		     char *err, size_t errlen);
/* Marks gone (at now) every listed range that fetch run did not list.
 * Returns how many, or -1. Call after a complete status feed only. */
int store_snds_ranges_gone(struct store *st, double now, int64_t run, char *err, size_t errlen);

struct complaint {
	double arrived;
	const char *reporter, *format, *feedback_type, *source_ip, *mail_from,
		*mail_from_domain, *rcpt_domain, *message_id, *subject;
	char origin[40];
};

/* 1 stored, 0 already there (same origin), -1 error. */
int store_complaint(struct store *st, const struct complaint *c, double read_at, char *err,
		    size_t errlen);

/* Complaints on day (YYYY-MM-DD, UTC) about ip reported by provider, and the
 * deliveries that provider accepted that day from the log hosts whose
 * replies named ip (view complaint_rates). 0 or -1. */
int store_complaint_rate(struct store *st, const char *day, const char *ip, const char *provider,
			 int64_t *complaints, int64_t *accepted, char *err, size_t errlen);

/* Adds (or refreshes) evidence on an episode; 0 or -1. */
int store_evidence(struct store *st, int64_t episode_id, const char *kind, double ts,
		   const char *detail, char *err, size_t errlen);

/* The id of the open episode of (pool, ip): 1 and *id, 0 none, -1 error. */
int store_open_episode_id(struct store *st, const char *pool, const char *ip, int64_t *id,
			  char *err, size_t errlen);

/* The sending IPs bouncewatch knows: named by replies (deliveries.sending_ip)
 * or by open episodes. fn is called once per IP; 0 or -1. */
int store_known_ips(struct store *st, int (*fn)(void *arg, const char *ip), void *arg,
		    char *err, size_t errlen);

#endif
