/* store_selfmon - what bouncewatch knows about its own health: lines read
 * and not understood per hour (table line_counts), alerts that could not
 * be delivered, open episodes. Part of the store family; written by
 * ingest, read by check and the metrics.
 */
#ifndef BW_STORE_SELFMON_H
#define BW_STORE_SELFMON_H
#include <stddef.h>
#include <stdint.h>

struct store;

/* Adds lines and not_understood to the hour holding `now`, inside the open
 * transaction. 0, or -1 with err. */
int store_lines_add(struct store *st, double now, int64_t lines, int64_t not_understood,
		    char *err, size_t errlen);

/* Sums of the hours starting in [from, to). A database that predates the
 * table reads as zero. 0, or -1 with err. */
int store_lines_get(struct store *st, double from, double to, int64_t *lines,
		    int64_t *not_understood, char *err, size_t errlen);

struct store_alert_health {
	int64_t failing;	/* announced alerts not delivered, tried at least once */
	double since;		/* the oldest of them was created then */
	char last_error[256];	/* the newest failure's error */
	int64_t open_episodes;	/* episodes not cleared */
};

/* Fills h. 0, or -1 with err. */
int store_alert_health(struct store *st, struct store_alert_health *h, char *err, size_t errlen);

#endif
