/* feed_jobs - the outside feeds that `tail` keeps up beside the log
 *
 * `tail --snds-every DUR` fetches Microsoft SNDS every DUR, and
 * `tail --arf-maildir DIR` reads new complaint reports from DIR every
 * minute. Each run is a child process of bouncewatch itself (`snds fetch`,
 * `arf --maildir`) started through run.c with an argument vector built here
 * and never from outside text, so a slow HTTPS server or a huge report never
 * holds up the log: the child writes its rows and episode changes in its
 * own transactions (SQLite WAL serialises the writers) and leaves the alerts
 * it makes due in the store, for tail's own alert sender to deliver (the
 * child is told so by BOUNCEWATCH_ALERTS_BY_PARENT=1). At most one child per
 * job runs at a time; one that outlives its timeout is killed.
 */
#ifndef BW_FEED_JOBS_H
#define BW_FEED_JOBS_H
#include <stddef.h>
#include "run.h"

struct feed_jobs_cfg {
	const char *exe;		/* bouncewatch itself (/proc/self/exe) */
	const char *db, *rules;		/* passed on as --db, --rules */
	double snds_every;		/* seconds; 0: no SNDS job */
	const char *snds_url, *snds_key_file;	/* optional; the key may be in the env */
	const char *arf_maildir;	/* NULL: no complaint job */
	double arf_every;		/* seconds between Maildir reads (60) */
	double clear_after, alert_window, min_interval;	/* the episode options of tail */
	char *const *env;		/* BOUNCEWATCH_* to pass (alert_cfg.pass_env) */
};

struct feed_jobs;

/* Copies what it needs of c. */
struct feed_jobs *feed_jobs_new(const struct feed_jobs_cfg *c);
/* Kills running children. NULL does nothing. */
void feed_jobs_free(struct feed_jobs *j);

struct feed_job_end {
	const char *name;	/* "snds", "arf" */
	struct run_result res;
	double timeout;
};

/* Without blocking: reaps ended children (up to max of them into ends, for
 * the caller to report) and starts the jobs that are due at now (monotonic
 * seconds are fine: only differences count). Returns how many ended, or -1
 * with err when a child could not be started (retried at the next due time). */
int feed_jobs_tick(struct feed_jobs *j, double now, struct feed_job_end *ends, int max, char *err,
		   size_t errlen);
/* Milliseconds until a job is due or a child needs polling; -1 when none. */
int feed_jobs_wait_ms(const struct feed_jobs *j, double now);

#endif
