/* store_ids - per-hour sets of distinct ids for the report's distinct
 * counts (schema/051_rollup_ids.sql). Internal to the store family.
 *
 * The totals of a report count distinct messages ("host queue_id"),
 * deferred messages and recipients: no rollup can add those up. Ingest
 * keeps, per hour, the keyed 64-bit hashes of the ids of its outgoing
 * attempts (in memory while the hour is open, like the rollup groups,
 * store_rollup.h) and writes them as sorted sets with the hour's rollups.
 * A window's count is the size of the union of its hours' sets and of the
 * hashes of the rows at its ragged ends and in hours whose sets do not
 * match the totals rollup (rows written by something else).
 *
 * Why hashes and not the ids: 8 bytes an id instead of ~25, and a union of
 * integers is a few instructions an id. Two different ids counted as one
 * needs a collision of a 64-bit keyed hash among the window's ids: for a
 * million ids the odds are n^2 / 2^65, about 1 in 37 million, and the key
 * is random per database, so log content cannot aim at one. Why not a
 * sketch (HyperLogLog): its error (1-2 % at a few kilobytes an hour) shows
 * in a count people compare with pflogsumm's.
 */
#ifndef BW_STORE_IDS_H
#define BW_STORE_IDS_H
#include <stddef.h>
#include <stdint.h>
#include "store.h"

enum { IDS_MESSAGES, IDS_DEFERRED, IDS_RECIPIENTS, IDS__COUNT };

struct ids_vec {
	uint64_t *v;
	size_t n, cap;
};

/* One hour's ids, not yet deduplicated. */
struct ids_hour {
	int64_t hour, attempts, deferred;
	struct ids_vec k[IDS__COUNT];
	int held;		/* store_rollup_flush: kept for its open hour */
};

struct store_ids {
	struct ids_hour *h;
	size_t n, cap;
};

/* The message id as the report counts it: "host queue_id" (a NULL host as
 * ""), each up to a NUL byte, cut to 1023 bytes, into buf (1024 bytes,
 * NUL-terminated); returns its length. */
size_t store_ids_msg_key(char *buf, struct str host, struct str qid);

/* SipHash-2-4 of p[0..n) under key k (exposed for the unit tests). */
uint64_t store_ids_siphash(const uint64_t k[2], const void *p, size_t n);

void store_ids_clear(struct store_ids *s);
void store_ids_release(struct store_ids *s);
/* The hour h of s, added when absent. */
struct ids_hour *store_ids_hour(struct store_ids *s, int64_t h);
/* A writer's store reads the hash key (makes one when it is missing, and
 * forgets the sets hashed with the old one); 0 or -1 with err. */
int store_ids_open(struct store *st, char *err, size_t errlen);
/* Adds one outgoing attempt to hour h: host, qid, rcpt as stored (p NULL:
 * SQL NULL). The key is st's (store_ids_open). */
void store_ids_note(struct store *st, struct store_ids *s, int64_t h, struct str host,
		    struct str qid, int deferred, struct str rcpt);
/* Adds hour a's ids and counts to those of hour h of s. */
void store_ids_merge(struct store_ids *s, const struct ids_hour *a);
/* Removes hour h from s (nothing when absent). */
void store_ids_forget(struct store_ids *s, int64_t h);

/* Adds hour h of s (when s has it) to the stored sets of that hour, in the
 * open transaction; 0 or -1 with err. */
int store_ids_write(struct store *st, struct store_ids *s, int64_t h, char *err, size_t errlen);
/* Deletes the stored sets of hour h (rebuilt from rows next); 0 or -1. */
int store_ids_delete(struct store *st, int64_t h, char *err, size_t errlen);
/* Deletes the sets of the hours that end by before (prune); 0 or -1. */
int store_ids_prune(struct store *st, double before, char *err, size_t errlen);

/* The distinct messages, deferred messages and recipients (out[IDS_*]) of
 * the outgoing attempts in [since, until), whose whole hours [q0, q1) the
 * totals rollups hold: from the stored sets of those hours where they
 * match the totals rollup, from the rows elsewhere. Returns 1 when
 * counted, 0 when more than rows_max attempts would have to be read from
 * rows (out untouched), -1 with err. */
int store_ids_count(struct store *st, double since, double until, int64_t q0, int64_t q1,
		    int64_t rows_max, int64_t out[IDS__COUNT], char *err, size_t errlen);

#endif
