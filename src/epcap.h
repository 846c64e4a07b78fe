/* epcap - how many block episodes each receiving pool may hold open
 *
 * A receiver that is not in providers.conf (an unlisted pool) is whoever
 * runs the relay: a hostile one can answer every delivery with a block
 * naming another IP. Caps are per pool, never global, so such a pool fills
 * only its own share and never hides another pool's block:
 *   - a listed pool (providers.conf) may hold EPCAP_LISTED open episodes
 *     (one per sending IP of a /16); it is never capped below that;
 *   - an unlisted pool may hold EPCAP_UNLISTED;
 *   - all unlisted pools together EPCAP_UNLISTED_TOTAL (memory).
 * Those are the defaults; --pool-cap, --unlisted-pool-cap, --unlisted-cap
 * (alert_opts.c, [episodes] in the configuration file) change them.
 * A block reply that would open one more episode past a cap is refused and
 * counted per pool (hits); the caller reports it (summary, `check`,
 * metrics). Base layer: uses nothing of ours but strmap and xmalloc.
 */
#ifndef BW_EPCAP_H
#define BW_EPCAP_H
#include <stddef.h>
#include <stdint.h>

#define EPCAP_LISTED 65536
#define EPCAP_UNLISTED 256
#define EPCAP_UNLISTED_TOTAL 10000
#define EPCAP_MAX 1000000	/* the highest cap the options accept */
#define EPCAP_TOTAL_POOL "*"	/* the pool name hits of the unlisted total are counted under */

struct epcap_limits {
	size_t listed, unlisted, unlisted_total;	/* 0: the EPCAP_ default */
};

struct epcap;

struct epcap *epcap_new(const struct epcap_limits *lim);	/* lim may be NULL */
void epcap_free(struct epcap *c);
/* Forgets every pool's open count (hits are kept). */
void epcap_reset(struct epcap *c);

/* The cap that keeps pool from one more open episode: 0 when it may open
 * one; else the cap (and *total 1 when it is the bound of all unlisted
 * pools together), after counting one hit for pool (or EPCAP_TOTAL_POOL). */
size_t epcap_refuse(struct epcap *c, const char *pool, int listed, int *total);
/* An episode of pool opened (or loaded) / cleared. */
void epcap_opened(struct epcap *c, const char *pool, int listed);
void epcap_closed(struct epcap *c, const char *pool);

/* The hits counted so far are kept (their transaction committed) /
 * forgotten back to the last epcap_keep (it rolled back). */
void epcap_keep(struct epcap *c);
void epcap_undo(struct epcap *c);

/* Hits since epcap_new, in all and per pool. */
uint64_t epcap_hits(const struct epcap *c);
/* Calls fn for each pool with hits, in the order the pools were first seen. */
void epcap_each_hit(const struct epcap *c, void (*fn)(void *arg, const char *pool, size_t cap,
						    uint64_t hits), void *arg);
/* Open episodes of pool (0 when unknown). */
size_t epcap_open(const struct epcap *c, const char *pool);

#endif
