/* dnswork - tail's DNS checks on a worker thread
 *
 * Lookups must never delay the storing of log lines: tail hands requests
 * (an IP to check against the block lists, and for a new episode the
 * self-check too) to one worker thread through a bounded queue and takes
 * the results back in its own loop, where they are stored. The worker owns
 * its struct dns and touches nothing else of tail's: no store, no episodes.
 * A full queue drops the request (counted); the next scheduled round asks
 * again. dnswork_fd() becomes readable when a result is waiting.
 */
#ifndef BW_DNSWORK_H
#define BW_DNSWORK_H
#include <stdint.h>
#include "dnscheck.h"

#define DNSWORK_QUEUE_MAX 64

struct dnswork_result {
	char ip[DNSBL_IP_MAX];
	int64_t episode_id;		/* the episode that asked (0: a scheduled round) */
	struct dnsbl_check *checks;	/* owned */
	size_t n;
	int has_self;			/* the self-check ran */
	struct selfcheck self;
	double started, finished;	/* monotonic seconds, for the log */
};

struct dnswork;

/* Starts the worker with its own resolver channel. Borrows cfg and conf
 * (both must outlive the object). NULL with err. */
struct dnswork *dnswork_new(const struct dnscheck_cfg *cfg, const struct dnsbl_conf *conf,
			    char *err, size_t errlen);
/* Stops the worker (the lookup in flight is cancelled: within 100 ms) and
 * frees everything, results not taken included. */
void dnswork_free(struct dnswork *w);

/* Queues a check of ip; selfcheck: the self-check too. 0, or -1 when the
 * queue is full or ip is no address (dropped, counted). */
int dnswork_request(struct dnswork *w, const char *ip, int64_t episode_id, int selfcheck);
/* A finished result (caller frees with dnswork_result_free), or NULL. */
struct dnswork_result *dnswork_take(struct dnswork *w);
void dnswork_result_free(struct dnswork_result *r);
/* 1 when a result waits to be taken. */
int dnswork_ready(struct dnswork *w);
/* Requests queued or running. */
unsigned dnswork_pending(struct dnswork *w);
/* Readable while a result waits (for a poll loop); -1 if none. */
int dnswork_fd(const struct dnswork *w);
uint64_t dnswork_dropped(const struct dnswork *w);

#endif
