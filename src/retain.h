/* retain - retention applied by a running tail: delivery rows older than
 * the configured age are deleted a small batch at a time between the
 * reads, and the space goes back by incremental vacuum at the end of each
 * pass (store_prune.h does the SQL).
 *
 * A pass starts at tail's start and then every RETAIN_EVERY seconds of the
 * monotonic clock; each step deletes at most one batch in its own short
 * transaction, so ingestion waits for at most one batch. The cut comes from
 * the caller's clock (pinnable: BOUNCEWATCH_NOW).
 */
#ifndef BW_RETAIN_H
#define BW_RETAIN_H
#include <stddef.h>
#include <stdint.h>

#define RETAIN_EVERY 3600.0	/* seconds between passes */
#define RETAIN_BATCH 2000	/* rows per transaction */

struct store;

struct retain {
	double age;		/* seconds; 0: retention off */
	long batch;
	double next;		/* monotonic time of the next step */
	int64_t pass_deleted;	/* rows deleted in the pass under way */
	int64_t deleted;	/* rows deleted since the start */
	int64_t pages_before, pages_after;	/* the file at the start and end of the last pass */
	int64_t page_size;
	int in_pass;
	double longest;		/* seconds of the longest batch so far (monotonic clock) */
};

/* Retention of age seconds (0: off). */
void retain_init(struct retain *r, double age);

/* One step when due and not off: deletes one batch of rows older than
 * now - age; at the end of a pass gives the free pages back. Must run
 * outside a write transaction. Returns rows deleted (0 also when not due;
 * *pass_done = 1 when a pass that deleted rows ended with this step), or -1
 * with err (tried again a minute later). */
int64_t retain_step(struct retain *r, struct store *st, double now, double mono, int *pass_done,
		    char *err, size_t errlen);

/* Milliseconds until the next step is due (0: now), -1 when off. */
int retain_wait_ms(const struct retain *r, double mono);

#endif
