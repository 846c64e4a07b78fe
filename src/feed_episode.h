/* feed_episode - outside facts turned into episode evidence
 *
 * The bridge between the feeds (SNDS, complaint reports) and episodes. A
 * fact that the receiver refuses or judges an IP (an SNDS RED day, a blocked
 * range, a complaint rate over the threshold) goes through the same episode
 * code as a block reply from the log (episode_observe), as an attempt the
 * provider refused from that IP, so opening, announcing and clearing follow
 * one set of rules and the log's own episode for that key is continued, not
 * doubled; it is not stored as a delivery row. Every fact, and every fact
 * that only informs (a GREEN day, complaints under the threshold), is kept
 * in episode_evidence on the key's open episode.
 */
#ifndef BW_FEED_EPISODE_H
#define BW_FEED_EPISODE_H
#include <stddef.h>
#include "store.h"

struct alert_cfg;
struct feed_episodes;

struct feed_fact {
	const char *provider;	/* "microsoft" */
	const char *pool;	/* receiving pool ("outlook-consumer"), as in providers.conf */
	const char *ip;		/* the sending IP */
	double ts;
	const char *kind;	/* evidence kind and episode category: "snds-filter" ... */
	const char *detail;	/* one line, shown as the episode's first reply */
	const char *advice;
	int opens;		/* 1: opens or continues the episode; 0: evidence only */
};

/* Borrows st and ac (the alert options; both outlive the object). */
struct feed_episodes *feed_episode_new(struct store *st, const struct alert_cfg *ac, char *err,
				       size_t errlen);
/* Records f; inside the caller's transaction. 0 or -1. */
int feed_episode_fact(struct feed_episodes *e, const struct feed_fact *f, char *err, size_t errlen);
size_t feed_episode_opened(const struct feed_episodes *e);
/* Commits, clears quiet episodes and delivers the alerts due. 0 or -1. */
int feed_episode_finish(struct feed_episodes *e, char *err, size_t errlen);
void feed_episode_free(struct feed_episodes *e);

#endif
