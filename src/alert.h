/* alert - telling the operator that a block episode opened or cleared
 *
 * Alert rows (table alerts) are made by the episode module; this module
 * decides whether a new one is announced (no storm on backfill, a per-key
 * minimum interval) and delivers the due ones: a stable line on a stream
 * (stderr), syslog (LOG_MAIL) and an alert program run through run.h with
 * the facts in BOUNCEWATCH_* environment variables and as one JSON object
 * on stdin. Delivery is at least once: a failed or timed-out program leaves
 * the row undelivered with a back-off due time (30 s doubling up to 1 h,
 * and never less than the timeout plus the kill grace: a retry starts after the last attempt was surely over), across
 * restarts; a delivered row is never sent again. The stream and syslog
 * lines go out on an alert's first attempt only.
 * Programs run beside the caller's loop (struct alert_sender): started
 * without waiting, at most ALERT_CHILDREN_MAX at once, reaped and killed at
 * their timeout when the caller pumps; a program that hangs delays only
 * its own alert. On stop, running programs are killed and their alerts
 * stay due, to go out at the next start.
 */
#ifndef BW_ALERT_H
#define BW_ALERT_H
#include <stdint.h>
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
	int64_t clear_accepts;	/* --clear-accepts: accepted deliveries that clear an episode (3) */
	double clear_span;	/* --clear-span: ... spanning at least this many seconds (900) */
	int alert_on_clear;	/* --alert-on clear: clear alerts too */
	double alert_window;	/* --alert-window: announce only blocks this recent (3600) */
	double min_interval;	/* --min-interval: between announced openings of a key (3600) */
	FILE *out;		/* where alert lines go (borrowed); NULL for none */
	int use_syslog;		/* --syslog */
	const char *exec;	/* --alert-exec PROGRAM (borrowed), NULL for none */
	char *const *exec_argv;	/* its argv (borrowed), NULL for { exec } */
	char *self;		/* --alert-mail: this binary's path, exec points here (owned) */
	double timeout;		/* --alert-timeout (30) */
	char **pass_env;	/* extra NAME=value entries for the program (owned, NULL-terminated) */
	double now;		/* fixed clock (tests, BOUNCEWATCH_NOW); 0 for the real time */
	unsigned suspect_recipients;	/* --suspect-recipients: SUSPECTED at this many (5; 0 off) */
	double suspect_window;	/* --suspect-window: ... refused within this time (600) */
	size_t pool_cap;	/* --pool-cap: open episodes of a listed pool (0: EPCAP_LISTED) */
	size_t unlisted_pool_cap;	/* --unlisted-pool-cap: ... of an unlisted one (EPCAP_UNLISTED) */
	size_t unlisted_cap;	/* --unlisted-cap: ... of all unlisted ones (EPCAP_UNLISTED_TOTAL) */
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

/* Seconds to wait before attempt number `attempts` + 1 after a failure of
 * a program allowed `timeout` seconds. */
double alert_backoff(int attempts, double timeout);

#define ALERT_CHILDREN_MAX 4	/* alert programs running at once */

struct alert_stats {
	unsigned sent;		/* delivered now */
	unsigned failed;	/* attempts failed now (retried later) */
	unsigned interrupted;	/* programs killed by alert_sender_stop() (sent again later) */
	char last_error[RUN_STDERR_MAX + 64];	/* why the last failed attempt failed (may hold program text) */
};

struct alert_sender;

/* A sender for c (borrowed; it must outlive the sender). */
struct alert_sender *alert_sender_new(const struct alert_cfg *c);
/* Kills running programs without recording anything; NULL does nothing. */
void alert_sender_free(struct alert_sender *q);
/* Without blocking and without the store: reaps programs that ended and
 * kills those past their timeout (their outcome is kept for the next pump). */
void alert_sender_reap(struct alert_sender *q);
/* Records the outcome of every program that ended, then starts due alerts
 * (announcing them on the stream and syslog) while a slot is free. Call it
 * outside a write transaction: each result is saved on its own. Adds to s
 * (sent, failed). A failing program is not an error here; -1 with err only
 * on a store error or when no child process can be started. */
int alert_sender_pump(struct alert_sender *q, struct store *st, double now, struct alert_stats *s,
		      char *err, size_t errlen);
/* Programs running or ended but not yet recorded. */
unsigned alert_sender_busy(const struct alert_sender *q);
/* Milliseconds until the sender needs a pump (a program's timeout or kill
 * time, 0 when one ended or due alerts wait for a slot), -1 when idle. */
int alert_sender_wait_ms(const struct alert_sender *q);
/* Records what ended, kills what still runs and leaves those alerts due
 * now (counted in s->interrupted). Outside a write transaction. */
int alert_sender_stop(struct alert_sender *q, struct store *st, double now, struct alert_stats *s,
		      char *err, size_t errlen);

/* Delivers every announced, undelivered alert due at now through a sender
 * and waits until its programs ended (scan). Clears s first; returns as
 * alert_sender_pump(). */
int alert_dispatch(struct store *st, const struct alert_cfg *c, double now, struct alert_stats *s,
		   char *err, size_t errlen);

/* "2026-11-28T09:14:03Z" */
char *alert_time(double t, char *buf, size_t n);

#endif
