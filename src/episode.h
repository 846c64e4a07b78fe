/* episode - block episodes: when a receiving pool starts and stops refusing us
 *
 * An episode is keyed by (pool, sending IP): the pool is the receiving system
 * the verdict names (patterns/providers.conf: Outlook.com consumer mail, a
 * Microsoft 365 tenant, Gmail ...; else the provider, else the recipient
 * domain). The sending IP is the verdict's capture from the reply, else the
 * --source-ip mapping of the log host, else the log host's name. It opens at
 * the first block reply while no episode of that key is open; later block
 * replies move last_seen, count and the categories and log hosts seen, and
 * reset the accepted deliveries counted towards clearing.
 *
 * Clearing (hysteresis). An accepted delivery (status sent) to the same pool,
 * no earlier than the last block reply, counts for the episode when it came
 * from its sending IP. A delivery does not log the local address it was sent
 * from: it counts when its log host maps to the episode's IP by --source-ip,
 * or, for a host without a mapping, when block replies of the episode came
 * from that host. The episode clears when clear_accepts such deliveries
 * (default 3) span at least clear_span seconds (default 900) with no block
 * reply in between; or after clear_after seconds without a block reply,
 * judged by the log's own time and by the clock (episode_tick). "since"
 * (opened) stays the first refusal of the continuing block.
 *
 * Kinds (store_episode.h): BLOCK from a verdict that says block; CONFIG
 * from a refusal of category ptr or auth (our configuration: it stops the
 * pool's mail too); SUSPECTED from the no-rule detector (suspect.h), which
 * sees every delivery here. Each kind has its own key, so a pool and IP may
 * have one open episode of each; all clear by the same rules.
 *
 * Alerts: the last word is the truth. After any sequence of events, the
 * last alert delivered for a key says what its state is, once held clears
 * are due. An opening is announced at once, whatever --min-interval says,
 * when the operator's last word for the key was a clear; --min-interval only
 * spaces openings while the last word is already "open" (flap damping), and
 * holds a clear back until min_interval after the opening was announced: a
 * block that comes back within that time merges it away (note 'merged').
 * Backfilled blocks (older than the alert window) are recorded, not
 * announced; a clear is announced whenever the last word was "open".
 *
 * Caps (epcap.h): per pool, never global. A block reply that would open
 * one more episode in a pool at its cap opens nothing; it is counted
 * (episode_stats.dropped, episode_caps()) and stored (store_cap.h) so the
 * summaries, `check` and the metrics say it. verdict.pool_listed chooses
 * the pool's cap; the store keeps it per episode (unlisted) for a reload.
 *
 * Every change is written through the store in the caller's transaction, so
 * episodes commit (or roll back) with the delivery rows that caused them.
 * Open episodes are also kept in memory (loaded by episode_new): a delivery
 * that is not a block costs a hash lookup at most. Opening (and, with
 * alert_on_clear, clearing) adds an alert row, decided at the clock of cfg.
 * An opening recorded as "old" is announced later when a newer block reply
 * of the same episode is recent.
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
#include "epcap.h"
#include "rules.h"
#include "store.h"
#include "store_episode.h"
#include "suspect.h"

#define EPISODE_HOSTS_MAX 16	/* log hosts remembered per episode */
#define EPISODE_CATS_MAX 8	/* categories remembered per episode */

/* Counted with the rows they stand for: after a rollback, episode_reload()
 * takes them (and the caps' hits, and the detector's counters) back to
 * what the last commit left. */
struct episode_stats {
	uint64_t opened, cleared, announced;
	uint64_t dropped;	/* block replies not tracked: their pool's cap reached (epcap.h) */
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

/* Clears the episodes quiet for clear_after at time now and announces the
 * held clear alerts due then. Opens a store transaction if none is open
 * (store_begin); the caller commits. */
int episode_tick(struct episodes *ep, double now, char *err, size_t errlen);

/* 1 for the statuses that are a refusal by the receiver (bounced, deferred,
 * SOFTBOUNCE, refused). */
int episode_refusal(enum delivery_status s);
/* The kind of episode d opens or continues (EPISODE_KIND_*, static): BLOCK
 * when v says block; CONFIG for a refusal of category ptr or auth (the
 * sender's own configuration: PTR, HELO, SPF, DKIM, DMARC); else NULL. */
const char *episode_kind_of(const struct delivery *d, const struct verdict *v);

/* The receiving pool of d: the verdict's, else its provider, else the
 * recipient domain ("unknown" without one). Borrowed from d or v. */
const char *episode_pool_of(const struct delivery *d, const struct verdict *v);

/* Opens (or continues) the SUSPECTED episode of d's pool and sending IP:
 * the detector (suspect.h) saw the shape of a block in refusals no rule
 * calls a block; seen says what it saw (copied): a new episode opens at
 * seen->since with seen->recipients refusals and its evidence. Inside the
 * store transaction, like episode_observe(); episode_observe() calls it
 * itself. Returns 0, or -1 with err. */
int episode_suspect(struct episodes *ep, const struct delivery *d, const struct verdict *v,
		    const struct suspect_seen *seen, char *err, size_t errlen);

/* The clock time at which episode_tick() has work next: the earliest quiet
 * deadline of an open episode or held clear alert (INFINITY: none). */
double episode_next_due(const struct episodes *ep);

size_t episode_open_count(const struct episodes *ep);
const struct episode_stats *episode_stats(const struct episodes *ep);
/* The per-pool caps and their hits (epcap.h); borrowed. */
const struct epcap *episode_caps(const struct episodes *ep);
/* The no-rule detector's counters (suspect.h); borrowed. They follow the
 * store like episode_stats(). */
const struct suspect_stats *episode_suspect_stats(const struct episodes *ep);

#endif
