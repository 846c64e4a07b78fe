/* alert - telling the operator that a block episode opened or cleared
 *
 * Alert rows (table alerts) are made by the episode module; this module
 * decides whether a new one is announced (no storm on backfill, a per-key
 * minimum interval) and delivers the due ones: a stable line on a stream
 * (stderr), syslog (LOG_MAIL) and an alert program run through run.h with
 * the facts in BOUNCEWATCH_* environment variables and as one JSON object
 * on stdin. Delivery is at least once: a failed or timed-out program leaves
 * the row undelivered with a back-off due time (30 s doubling up to 1 h),
 * across restarts; a delivered row is never sent again. The stream and
 * syslog lines go out on an alert's first attempt only.
 */
#ifndef BW_ALERT_H
#define BW_ALERT_H
#include <stdio.h>
#include "run.h"
#include "store.h"
#include "str.h"

struct store;

struct alert_source_ip {
	char *host;		/* log host */
	char *ip;		/* the sending IP of that host */
};

/* Settings of the episode and alert modules: one context, clock included. */
struct alert_cfg {
	struct alert_source_ip *source_ip;	/* --source-ip HOST=IP (owned) */
	size_t nsource_ip;
	double clear_after;	/* --clear-after: quiet seconds before an episode clears (86400) */
	int alert_on_clear;	/* --alert-on clear: clear alerts too */
	double alert_window;	/* --alert-window: announce only blocks this recent (3600) */
	double min_interval;	/* --min-interval: between announced openings of a key (3600) */
	FILE *out;		/* where alert lines go (borrowed); NULL for none */
	int use_syslog;		/* --syslog */
	const char *exec;	/* --alert-exec PROGRAM (borrowed), NULL for none */
	double timeout;		/* --alert-timeout (30) */
	char **pass_env;	/* extra NAME=value entries for the program (owned, NULL-terminated) */
	double now;		/* fixed clock (tests, BOUNCEWATCH_NOW); 0 for the real time */
};

#define ALERT_BACKOFF_FIRST 30.0
#define ALERT_BACKOFF_MAX 3600.0

/* Defaults as documented above; out = NULL. */
void alert_cfg_init(struct alert_cfg *c);
void alert_cfg_release(struct alert_cfg *c);
/* Adds a HOST=IP mapping (copied); a later mapping of the same host wins. */
void alert_cfg_add_source_ip(struct alert_cfg *c, const char *host, const char *ip);
/* The IP --source-ip gives for host, or NULL. */
const char *alert_source_ip_for(const struct alert_cfg *c, struct str host);
/* c->now when set, else the real time (UTC epoch seconds). */
double alert_now(const struct alert_cfg *c);

/* Whether an alert about a block reply seen at last_block is announced at
 * now: 0 with *note "old" when it is more than alert_window in the past;
 * 0 with "min-interval" when last_announced (< 0: never) is less than
 * min_interval before now; else 1 and *note NULL. */
int alert_should_announce(const struct alert_cfg *c, double now, double last_block,
			  double last_announced, const char **note);

/* Seconds to wait before attempt number `attempts` + 1 after a failure. */
double alert_backoff(int attempts);

struct alert_stats {
	unsigned sent;		/* delivered now */
	unsigned failed;	/* attempts failed now (retried later) */
	char last_error[RUN_STDERR_MAX + 64];	/* why the last failed attempt failed (may hold program text) */
};

/* Delivers every announced, undelivered alert due at now. Call it outside
 * a write transaction: each result is saved on its own (autocommit), right
 * after its delivery. A failing program is not an error here (it is
 * recorded and counted in s); returns -1 with err only on a store error or
 * when no child process can be started. */
int alert_dispatch(struct store *st, const struct alert_cfg *c, double now, struct alert_stats *s,
		   char *err, size_t errlen);

/* "2026-11-28T09:14:03Z" */
char *alert_time(double t, char *buf, size_t n);

#endif
