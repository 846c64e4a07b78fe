/* suspect - a block seen from behaviour alone, without a rule
 *
 * A receiver that starts refusing us in words no rule knows still shows the
 * shape of a block: many distinct recipients at one pool refused with the
 * same reply while the pool accepts nothing. This module watches for that
 * shape; the episode module opens a SUSPECTED episode when it is seen, and
 * `rules test` lists those replies first, as the rules to write.
 *
 * A refusal is a candidate when its status is a refusal (bounced, deferred,
 * SOFTBOUNCE, refused), it has a recipient, and no rule said more: not a
 * block, not a configuration problem (ptr, auth: both have episodes of
 * their own), and not a problem of one recipient — rule categories
 * user-unknown, mailbox-full, relay-denied, size, greylist, and rate when
 * the rule says it is no block ("too many recipients"), unless the rule's
 * "no" is the tie-break of a reply that may be the sender's standing too
 * (verdict.tie_break: "421 Too many connections", whose limit may be the
 * server's or one on the client) — nor an enhanced
 * status code of the addressing or mailbox classes or "message too big"
 * (X.1.x, X.2.x, X.3.4; RFC 3463 section 3) in the log's dsn= or at the
 * reply's start. Refusals group by (pool, normalised reply) (normalise.h:
 * addresses, IPs, ids and numbers do not split a group; a reply that names
 * the recipient's mailbox in other words does).
 *
 * The shape is there when min_recipients distinct recipients of one group
 * were refused within `window` seconds (by the log's times) and the pool
 * accepted no delivery in that time. An accepted delivery to the pool
 * starts its groups afresh. Memory is bounded: at most SUSPECT_GROUPS_MAX
 * groups and SUSPECT_POOLS_MAX pools (refusals beyond are counted, not
 * tracked), SUSPECT_RCPT_MAX recipients remembered per group.
 * Pure: no store, no clock but the deliveries' own times; no output.
 */
#ifndef BW_SUSPECT_H
#define BW_SUSPECT_H
#include <stddef.h>
#include <stdint.h>
#include "delivery.h"
#include "rules.h"

#define SUSPECT_RECIPIENTS_DEFAULT 5	/* --suspect-recipients */
#define SUSPECT_WINDOW_DEFAULT 600.0	/* --suspect-window, seconds */
#define SUSPECT_RCPT_MAX 64		/* recipients remembered per group; the largest threshold */
#define SUSPECT_GROUPS_MAX 4096
#define SUSPECT_POOLS_MAX 8192
#define SUSPECT_EVIDENCE_MAX 256

struct suspect_cfg {
	unsigned min_recipients;	/* 0: the detector is off */
	double window;			/* seconds */
};

struct suspect_stats {
	uint64_t candidates;	/* refusals that joined a group */
	uint64_t seen;		/* of which completed or continued the shape */
	uint64_t dropped;	/* candidates not tracked: a bound reached */
};

struct suspect;

/* cfg is copied; min_recipients above SUSPECT_RCPT_MAX counts as that. */
struct suspect *suspect_new(const struct suspect_cfg *cfg);
void suspect_free(struct suspect *s);

/* 1 when d (with verdict v) is a candidate refusal (see above). */
int suspect_candidate(const struct delivery *d, const struct verdict *v);

/* What the detector saw when a group showed the shape. */
struct suspect_seen {
	unsigned recipients;	/* distinct recipients refused within the window */
	double since;		/* the earliest of those refusals (log time) */
	char evidence[SUSPECT_EVIDENCE_MAX];	/* "6 recipients refused with this reply
						 * within 4m10s since 2026-11-28T09:00:00Z,
						 * nothing accepted; no rule calls it a block" */
};

/* Feeds one delivery, its verdict and its receiving pool. An accepted
 * delivery (sent) starts the pool's groups afresh and returns 0. A
 * candidate refusal joins its group; returns 1 when its group shows the
 * shape (at least min_recipients distinct recipients within the window,
 * none accepted), and fills *seen. Else 0. */
int suspect_observe(struct suspect *s, const struct delivery *d, const struct verdict *v,
		    const char *pool, struct suspect_seen *seen);

/* Calls fn for each group that showed the shape, most distinct recipients
 * first: its pool, normalised reply, the first reply as written (borrowed
 * until the next call on s) and the most recipients it held within the
 * window. fn returns non-zero to stop. */
typedef int (*suspect_fn)(void *arg, const char *pool, const char *norm, const char *reply,
			  unsigned recipients);
void suspect_each_seen(struct suspect *s, suspect_fn fn, void *arg);

const struct suspect_stats *suspect_stats(const struct suspect *s);

/* Batches: what suspect_observe() did since the last suspect_keep() (the
 * stats, the recipients and acceptances it remembered) is kept when the
 * caller's batch committed, suspect_keep(), or forgotten when it rolled
 * back, suspect_undo(): the lines read again after the retry then count
 * once, and a shape is seen at the same line as without the rollback. A
 * caller that never calls suspect_keep() pays nothing for it; one that
 * does calls it once before its first batch. */
void suspect_keep(struct suspect *s);
void suspect_undo(struct suspect *s);

#endif
