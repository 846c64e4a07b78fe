/* feed_snds - Microsoft SNDS into the store (see feed_snds.h).
 * Invariant: every row and every signal of one feed lands in one
 * transaction; a failure rolls all of it back.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include "feed_snds.h"
#include "store_feed.h"

struct ctx {
	struct store *st;
	double now;
	snds_signal_fn sig;
	snds_warn_fn warn;
	void *arg;
	struct feed_snds_stats *s;
	const char *feed;
	const struct snds_range *range;	/* the range being expanded */
	int64_t run;			/* status fetch number */
};

static void on_bad(void *arg, size_t line, const char *why)
{
	struct ctx *c = arg;
	c->s->skipped++;
	if (c->warn)
		c->warn(c->arg, c->feed, line, why);
}

static int signal(struct ctx *c, const struct snds_signal *g, char *err, size_t errlen)
{
	if (!g->green)
		c->s->signals++;
	return c->sig ? c->sig(c->arg, g, err, errlen) : 0;
}

static int on_day(void *arg, const struct snds_day *d, char *err, size_t errlen)
{
	struct ctx *c = arg;
	char detail[200];
	int rc = store_snds_day(c->st, d, c->now, err, errlen);
	if (rc < 0)
		return -1;
	c->s->rows++;
	c->s->new_rows += (size_t)rc;
	if (rc == 0)	/* a day already stored: its signals were given then */
		return 0;
	snprintf(detail, sizeof detail, "SNDS %s: filter %s, complaint rate %s%.1f%%, %lld trap hit%s, %lld recipients",
		 d->day, d->filter[0] ? d->filter : "none", d->complaint_below ? "< " : "",
		 d->complaint_rate * 100, (long long)d->trap_hits, d->trap_hits == 1 ? "" : "s",
		 (long long)d->recipients);
	if (strcmp(d->filter, "RED") == 0 || strcmp(d->filter, "YELLOW") == 0 ||
	    strcmp(d->filter, "GREEN") == 0) {
		struct snds_signal g = { SNDS_FILTER, d->ip, d->activity_end, d->day, detail,
					 strcmp(d->filter, "GREEN") == 0 };
		if (signal(c, &g, err, errlen) < 0)
			return -1;
	}
	if (d->trap_hits > 0) {
		struct snds_signal g = { SNDS_TRAPS, d->ip, d->activity_end, d->day, detail, 0 };
		if (signal(c, &g, err, errlen) < 0)
			return -1;
	}
	return 0;
}

static int range_signal(struct ctx *c, const char *ip, char *err, size_t errlen)
{
	char detail[SNDS_TEXT_MAX + 120];
	snprintf(detail, sizeof detail, "SNDS lists %s%s%s as blocked: %s", c->range->first,
		 strcmp(c->range->first, c->range->last) ? "-" : "",
		 strcmp(c->range->first, c->range->last) ? c->range->last : "",
		 c->range->reason[0] ? c->range->reason : "(no reason given)");
	struct snds_signal g = { SNDS_BLOCKED, ip, c->now, NULL, detail, 0 };
	return signal(c, &g, err, errlen);
}

/* For a wide range: only the IPs the store knows inside it. */
static int known_in_range(void *arg, const char *ip)
{
	struct ctx *c = arg;
	struct in_addr a;
	uint32_t lo, hi, v;
	char err[256];
	if (inet_pton(AF_INET, ip, &a) != 1 || snds_range_v4(c->range, &lo, &hi) < 0)
		return 0;
	v = ntohl(a.s_addr);
	return v >= lo && v <= hi ? range_signal(c, ip, err, sizeof err) : 0;
}

static int on_range(void *arg, const struct snds_range *r, char *err, size_t errlen)
{
	struct ctx *c = arg;
	uint32_t lo, hi;
	int rc = store_snds_range(c->st, r, c->now, c->run, err, errlen);
	if (rc < 0)
		return -1;
	c->s->ranges++;
	c->s->new_ranges += (size_t)rc;
	if (!r->blocked)
		return 0;
	c->range = r;
	if (snds_range_v4(r, &lo, &hi) < 0)	/* IPv6, or first > last: the first IP alone */
		return range_signal(c, r->first, err, errlen);
	if (hi - lo >= FEED_SNDS_RANGE_EXPAND)
		return store_known_ips(c->st, known_in_range, c, err, errlen);
	for (uint64_t v = lo; v <= hi; v++) {
		struct in_addr a = { htonl((uint32_t)v) };
		char ip[INET_ADDRSTRLEN];
		inet_ntop(AF_INET, &a, ip, sizeof ip);
		if (range_signal(c, ip, err, errlen) < 0)
			return -1;
	}
	return 0;
}

static int run(struct ctx *c, int status, const char *buf, size_t len, char *err, size_t errlen)
{
	struct snds_counts n = { 0, 0 };
	int rc;
	if (store_begin(c->st, err, errlen) < 0)
		return -1;
	if (status && (c->run = store_snds_run(c->st, err, errlen)) < 0) {
		store_rollback(c->st);
		return -1;
	}
	rc = status ? snds_parse_status(buf, len, on_range, on_bad, c, &n, err, errlen)
		    : snds_parse_data(buf, len, on_day, on_bad, c, &n, err, errlen);
	if (rc == 0 && status) {
		int gone = store_snds_ranges_gone(c->st, c->now, c->run, err, errlen);
		rc = gone < 0 ? -1 : 0;
		c->s->gone += gone > 0 ? (size_t)gone : 0;
	}
	if (rc < 0 || store_commit(c->st, err, errlen) < 0) {
		store_rollback(c->st);
		return -1;
	}
	return 0;
}

int feed_snds_data(struct store *st, const char *buf, size_t len, double now,
		   snds_signal_fn sig, snds_warn_fn warn, void *arg, struct feed_snds_stats *s,
		   char *err, size_t errlen)
{
	struct ctx c = { st, now, sig, warn, arg, s, "data", NULL, 0 };
	return run(&c, 0, buf, len, err, errlen);
}

int feed_snds_status(struct store *st, const char *buf, size_t len, double now,
		     snds_signal_fn sig, snds_warn_fn warn, void *arg, struct feed_snds_stats *s,
		     char *err, size_t errlen)
{
	struct ctx c = { st, now, sig, warn, arg, s, "status", NULL, 0 };
	return run(&c, 1, buf, len, err, errlen);
}
