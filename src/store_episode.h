/* store_episode - the episodes and alerts tables (schema/002_episodes.sql)
 *
 * Part of the store family (implemented in store_episode.c): the episode
 * module writes through these functions inside the ingest transaction, the
 * alert module and `blocks` read through them. Strings handed to callbacks
 * are borrowed until the callback returns; NULL for SQL NULL.
 */
#ifndef BW_STORE_EPISODE_H
#define BW_STORE_EPISODE_H
#include <stdint.h>
#include "store.h"

/* Kinds of episode (schema/027_episode_kind.sql). */
#define EPISODE_KIND_BLOCK "BLOCK"		/* refused for our standing: the rule says block */
#define EPISODE_KIND_CONFIG "CONFIG"		/* refused for our configuration: ptr, auth */
#define EPISODE_KIND_SUSPECTED "SUSPECTED"	/* no rule; the refusals' pattern (suspect.h) */

struct episode_row {
	int64_t id;
	const char *provider, *pool, *sending_ip, *key;	/* key: pool || ' ' || sending_ip
							 * (|| ' ' || kind, but for BLOCK) */
	const char *kind;		/* EPISODE_KIND_*; NULL on open means BLOCK */
	const char *evidence;		/* SUSPECTED: the counts that opened it; else NULL */
	const char *category;		/* of the first block reply */
	const char *categories;		/* space separated */
	double opened, last_seen;
	double cleared;			/* < 0 while open */
	const char *clear_reason;	/* "delivered", "quiet"; NULL while open */
	int64_t count;
	const char *first_reply, *rule_id, *advice;
	const char *hosts;		/* space separated log hosts */
	int64_t accepts;		/* accepted deliveries since the last refusal */
	double accept_first;		/* time of the first of them; < 0 when none */
	const char *worded_as;		/* foreign verdict: whose wording (rules.h); NULL */
	int unlisted;			/* 1: pool not in providers.conf (epcap.h) */
};

struct alert_row {
	int64_t id;
	const char *kind;		/* "open", "clear" */
	double created;
	int announce;
	const char *note;
	double due;			/* < 0 when NULL */
	double delivered;		/* < 0 when not delivered */
	int attempts;
	const char *last_error;
	struct episode_row ep;		/* the alert's episode */
};

/* Inserts an open episode from e (id, cleared, clear_reason ignored);
 * returns its id or -1. */
int64_t store_episode_open(struct store *st, const struct episode_row *e, char *err, size_t errlen);
/* Saves e's last_seen, count, categories, hosts, accepts and accept_first. */
int store_episode_update(struct store *st, const struct episode_row *e, char *err, size_t errlen);
int store_episode_clear(struct store *st, int64_t id, double when, const char *reason,
			char *err, size_t errlen);

typedef int (*store_alert_fn)(void *arg, const struct alert_row *a);
/* Calls fn for each open episode with its 'open' alert (a->id 0 when the
 * episode has none). fn returns non-zero to stop. */
int store_episode_each_open(struct store *st, store_alert_fn fn, void *arg, char *err, size_t errlen);

typedef int (*store_episode_fn)(void *arg, const struct episode_row *e);
/* Episodes, open ones first (oldest opening first), then cleared ones, most
 * recent first. open_only: only open ones; since >= 0: only those open or
 * seen (last_seen) at or after since. */
int store_episode_list(struct store *st, int open_only, double since, store_episode_fn fn,
		       void *arg, char *err, size_t errlen);

/* Adds an alert row; due is `created` when announce, else NULL. Returns its id or -1. */
int64_t store_alert_add(struct store *st, int64_t episode_id, const char *kind, double created,
			int announce, const char *note, char *err, size_t errlen);
/* Turns a recorded alert into an announced one, due now. */
int store_alert_announce(struct store *st, int64_t id, double now, char *err, size_t errlen);
/* What the operator was last told about a key. */
struct alert_word {
	char kind;		/* 'o' open, 'c' clear, 0 nothing announced yet */
	double announced;	/* clock time it was announced; < 0 when none */
	int64_t held;		/* a clear alert held back (note 'hold'), 0 if none */
};
/* The key's latest announced alert and its held clear alert: 0 or -1. */
int store_alert_last_word(struct store *st, const char *key, struct alert_word *w,
			  char *err, size_t errlen);
/* Holds a recorded (unannounced) alert until `until`: note 'hold', due until. */
int store_alert_hold(struct store *st, int64_t id, double until, char *err, size_t errlen);
/* A held alert that will never go out (its key reopened): note 'merged'. */
int store_alert_merge(struct store *st, int64_t id, char *err, size_t errlen);
/* Earliest due time of the held alerts (< 0: none): 0 or -1. */
int store_alert_next_hold(struct store *st, double *next, char *err, size_t errlen);
/* Earliest due time after `now` of the announced, undelivered alerts (a
 * retry's back-off; INFINITY: none): 0 or -1. */
int store_alert_next_retry(struct store *st, double now, double *next, char *err, size_t errlen);
/* Announces the held alerts due at now; *next is the earliest due time of
 * those still held (< 0: none). Returns how many were released, or -1. */
int store_alert_release(struct store *st, double now, double *next, char *err, size_t errlen);
/* Ids of announced, undelivered alerts due at now, oldest first, at most max;
 * an alert waits while an earlier alert of its key is undelivered.
 * Returns the number found, or -1. */
int store_alert_due(struct store *st, double now, int64_t *ids, int max, char *err, size_t errlen);
/* Calls fn with alert id joined with its episode: 1 found, 0 no such alert, -1 error. */
int store_alert_get(struct store *st, int64_t id, store_alert_fn fn, void *arg,
		    char *err, size_t errlen);
/* Records a successful delivery at now (attempts + 1). */
int store_alert_delivered(struct store *st, int64_t id, double now, char *err, size_t errlen);
/* Records a failed attempt: attempts + 1, the next due time and the reason. */
int store_alert_failed(struct store *st, int64_t id, double due, const char *why,
		       char *err, size_t errlen);

#endif
