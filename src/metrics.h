/* metrics - a node_exporter textfile (Prometheus text exposition format)
 * of what `tail` does: attempts by status and provider, open episodes,
 * lines read and not understood, the time of the last line, commit
 * latency, alert failures, block replies refused by an episode cap.
 *
 * The file is replaced atomically (a temporary file in the same directory,
 * then rename), so the collector never reads half of it. Names follow the
 * Prometheus conventions: bouncewatch_ prefix, base units (seconds),
 * _total for counters. Counters count from the start of the process (a
 * restart is a counter reset, which rate() handles). Commands layer
 * helper: the caller gathers the facts, this file renders and writes them.
 */
#ifndef BW_METRICS_H
#define BW_METRICS_H
#include <stddef.h>
#include <stdint.h>
#include "buf.h"

#define METRICS_EVERY 60.0	/* seconds between two writes */
#define METRICS_SERIES_MAX 200	/* (status, provider) pairs; later providers become "other" */

struct metrics_series {
	char status[16];
	char provider[64];
	uint64_t n;
};

struct metrics {
	struct metrics_series series[METRICS_SERIES_MAX];
	size_t nseries;
	uint64_t lines, not_understood;	/* lines read, lines not understood */
	double last_line;		/* clock time of the last commit of lines; 0: none */
	double last_delivery;		/* log time of the newest stored delivery; 0: none */
	int64_t open_episodes;
	uint64_t commits;
	double commit_seconds;
	uint64_t alert_failures;	/* failed deliveries of alerts */
	int64_t alerts_undelivered;	/* alerts tried and not delivered yet */
	uint64_t episode_cap_hits;	/* block replies that opened no episode: a pool's cap (epcap.h) */
};

/* Adds n attempts of (status, provider); NULL or empty provider: "unknown". */
void metrics_add_attempts(struct metrics *m, const char *status, const char *provider, uint64_t n);

/* The exposition text of m into b (appended). */
void metrics_render(const struct metrics *m, struct buf *b);

/* Writes text to path atomically (path.tmp in the same directory, then
 * rename). 0, or -1 with err. */
int metrics_write(const char *path, const char *text, size_t len, char *err, size_t errlen);

#endif
