/* dnstail - the DNS checks inside `tail`
 *
 * Glue between tail's loop and the DNS worker (dnswork.h): asks for a
 * block-list check and a self-check of the sending IP of every episode that
 * opens (not of block-list episodes themselves), re-checks every --source-ip
 * and open episode's IP each --dnsbl-interval, and stores what the worker
 * finished: dnsbl_checks rows, a listing opening (and a delisting clearing)
 * an episode whose pool is "dnsbl:LIST", the self-check of an episode. The
 * worker's lookups never run on tail's thread.
 *
 * The opening alert of an episode is held while its checks run (at most
 * dnstail's bound: every lookup of a check timing out), so the alert that
 * goes out already carries them (alert.c reads them from the store).
 */
#ifndef BW_DNSTAIL_H
#define BW_DNSTAIL_H
#include "alert.h"
#include "dnscheck.h"
#include "episode.h"
#include "store.h"

struct dnstail;

/* Borrows st, ep, ac and cfg (all must outlive it); loads the zone list.
 * NULL with err. */
struct dnstail *dnstail_new(struct store *st, struct episodes *ep, const struct alert_cfg *ac,
			    const struct dnscheck_cfg *cfg, const char *rules_dir, char *err, size_t errlen);
void dnstail_free(struct dnstail *t);

/* Outside a write transaction: stores finished results and asks for new
 * checks. Returns the number of results stored, or -1 with err (the
 * episodes are reloaded from the store). */
int dnstail_step(struct dnstail *t, double now, char *err, size_t errlen);
/* 1 when dnstail_step has something to do at now (results to store, an
 * episode opened, a round due): the caller then ends its transaction. */
int dnstail_due(struct dnstail *t, double now);
/* 1 while the checks of a newly opened episode are still running (and
 * within their bound): alerts wait. */
int dnstail_hold(const struct dnstail *t, double now);
/* Milliseconds the loop may wait before dnstail_step is due; -1: no limit. */
int dnstail_wait_ms(const struct dnstail *t);

#endif
