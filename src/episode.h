/* episode - block episodes: when a provider starts and stops refusing us
 *
 * An episode is keyed by (provider, sending IP). The sending IP is the
 * verdict's capture from the reply, else the --source-ip mapping of the log
 * host, else the log host's name. It opens at the first block reply while no
 * episode of that key is open; later block replies move last_seen, count and
 * the categories and log hosts seen. It clears at a successful delivery
 * (status sent) to the same provider, no earlier than its last block reply,
 * from a log host whose block replies it saw (unless --source-ip maps that
 * host to another IP); or after clear_after seconds without a block reply,
 * judged by the log's own time and by the clock (episode_tick).
 *
 * Every change is written through the store in the caller's transaction, so
 * episodes commit (or roll back) with the delivery rows that caused them.
 * Open episodes are also kept in memory (loaded by episode_new): a delivery
 * that is not a block costs a hash lookup at most. Opening (and, with
 * alert_on_clear, clearing) adds an alert row; whether it is announced is
 * alert_should_announce() at the clock of cfg. An opening recorded as "old"
 * is announced later when a newer block reply of the same episode is recent.
 *
 * Usage (scan, tail): episode_new() after store_open(); ingest calls
 * episode_observe() for each stored delivery; episode_tick(now) when idle and
 * at the end of a scan; alert_dispatch() after each commit. After a rollback,
 * episode_reload().
 */
#ifndef BW_EPISODE_H
#define BW_EPISODE_H
#include <stddef.h>
#include <stdint.h>
#include "alert.h"
#include "delivery.h"
#include "rules.h"
#include "store.h"

#define EPISODE_OPEN_MAX 10000	/* open episodes kept; more block keys are counted, not opened */
#define EPISODE_HOSTS_MAX 16	/* log hosts remembered per episode */
#define EPISODE_CATS_MAX 8	/* categories remembered per episode */

struct episode_stats {
	uint64_t opened, cleared, announced;
	uint64_t dropped;	/* block replies not tracked: EPISODE_OPEN_MAX reached */
};

struct episodes;

/* Loads the open episodes of st. Borrows st and cfg (both must outlive the
 * object; cfg is read at each call, so its clock may move). NULL with err on
 * a store error. */
struct episodes *episode_new(struct store *st, const struct alert_cfg *cfg, char *err, size_t errlen);
void episode_free(struct episodes *ep);

/* Drops the in-memory state and loads it again from the store. */
int episode_reload(struct episodes *ep, char *err, size_t errlen);

/* Feeds one stored delivery and its verdict. Must be called inside the
 * store transaction that stored the row. Returns 0, or -1 with err. */
int episode_observe(struct episodes *ep, const struct delivery *d, const struct verdict *v,
		    char *err, size_t errlen);

/* Clears the episodes quiet for clear_after at time now. Opens a store
 * transaction if none is open (store_begin); the caller commits. */
int episode_tick(struct episodes *ep, double now, char *err, size_t errlen);

size_t episode_open_count(const struct episodes *ep);
const struct episode_stats *episode_stats(const struct episodes *ep);

#endif
