/* store_agg - the delivery sections of a report in one pass (see
 * store_report.h, store_report_run). Part of the store family.
 *
 * Totals, per provider / pool / domain / relay / sending IP / log host, per
 * day and per hour all count the same rows of one window: the outgoing
 * attempts. Deliveries into local mailboxes (is_local) are counted in the
 * local section only. SQL would scan the window
 * once per section, and its per-row aggregate calls cost more than the scan:
 * ~90 ms per section on 150,000 rows. Here one SELECT steps through the
 * window and each row updates every requested section's group, found in a
 * hash table; the rows handed out have the names, types and order the SQL
 * of each section would give (ORDER BY attempts DESC, key; series by key),
 * and rates and delays are rounded as SQLite's round() does (printf, then
 * back to a number).
 *
 * Local day and hour: localtime_r once per UTC quarter hour (rows come in
 * ts order from the index). Every zone offset and every transition in use
 * falls on a quarter hour, so all times of a quarter share its day and hour.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "store_agg.h"
#include "store_ids.h"
#include "store_int.h"
#include "store_rollup.h"
#include "strmap.h"
#include "xmalloc.h"

static const char SQL_WINDOW_ROWS[] =
	"SELECT ts, status, is_block, delay, provider, rcpt_domain, relay_ip, relay_host, "
	"sending_ip, host, queue_id, recipient, blocklist, coalesce(pool, provider), is_local, "
	"program, CASE WHEN sender = '' THEN '<>' ELSE sender END "
	"FROM deliveries WHERE ts >= ?1 AND ts < ?2";
/* The totals' messages, deferred_messages and recipients are distinct
 * counts no rollup can add up: they are counted from the hours' id sets
 * (store_ids.h) and the rows of the window's ragged ends, when there are at
 * most DISTINCT_MAX attempts in it (the rollups say how many; the set of
 * one kind then takes 16 MiB at most), at most DISTINCT_ROWS_MAX of them in
 * hours whose sets cannot be used (stored before the sets existed, rows
 * written with sqlite3) and none of them was pruned; else they are NULL. */
#define DISTINCT_MAX 1000000
#define DISTINCT_ROWS_MAX 200000
static const char SQL_OLDEST_ROW[] = "SELECT min(ts) FROM deliveries";
enum { C_TS, C_STATUS, C_BLOCK, C_DELAY, C_PROVIDER, C_DOMAIN, C_RELAY, C_RELAY_HOST,
       C_SENDING_IP, C_HOST, C_QUEUE_ID, C_RECIPIENT, C_BLOCKLIST, C_POOL, C_LOCAL, C_PROGRAM,
       C_SENDER };

/* The grouped sections, in store_section order from STORE_SEC_PROVIDER. */
static const struct keyed {
	enum store_section sec;
	int col;		/* the key's column; -1: local day / hour */
	int ru;			/* its rollup section; -1: day / hour (quarter totals) */
	const char *name, *none;	/* column name, the key when NULL (NULL: skip the row) */
	int series;		/* day/hour: fewer columns, ordered by key, no limit */
} keyed[] = {
	{ STORE_SEC_PROVIDER, C_PROVIDER, RU_PROVIDER, "provider", "(unknown)", 0 },
	{ STORE_SEC_POOL, C_POOL, RU_POOL, "pool", "(unknown)", 0 },
	{ STORE_SEC_DOMAIN, C_DOMAIN, RU_DOMAIN, "domain", "(none)", 0 },
	{ STORE_SEC_RELAY, C_RELAY, RU_RELAY, "relay_ip", "(none)", 0 },
	{ STORE_SEC_SENDING_IP, C_SENDING_IP, RU_SENDING_IP, "sending_ip", "(not named)", 0 },
	{ STORE_SEC_HOST, C_HOST, RU_HOST, "host", "(none)", 0 },
	{ STORE_SEC_SENDER, C_SENDER, RU_SENDER, "sender", "(unknown)", 0 },
	{ STORE_SEC_BLOCKLIST, C_BLOCKLIST, RU_BLOCKLIST, "blocklist", NULL, 0 },
	{ STORE_SEC_DAY, -1, -1, "day", NULL, 1 },
	{ STORE_SEC_HOUR, -1, -1, "hour", NULL, 1 },
	{ STORE_SEC_LOCAL, C_PROGRAM, RU_LOCAL, "agent", "(none)", 0 },
};
#define NKEYED (sizeof keyed / sizeof keyed[0])

struct group {
	char *key, *extra;	/* extra: max(relay_host), NULL when none */
	size_t klen, elen;
	int64_t attempts, sent, deferred, bounced, blocks, ndelay;
	int64_t delay_us;	/* sum of delays in whole microseconds: the same
				 * whatever order rows and rollups add up in */
	double delay_max, last_sent;	/* last_sent < 0: none */
};

struct grouping {
	struct strmap idx;
	struct group *g;
	size_t n, cap;
};

struct totals {
	int64_t attempts, sent, deferred, bounced, expired, other, blocks;
	int64_t received, rejected;	/* mail_events in the window */
	double first, last;
	struct strmap messages, deferred_messages, recipients;	/* the rows path's */
	int64_t distinct[IDS__COUNT];	/* the rollups path's (store_ids_count) */
};

struct agg {
	int want[STORE_SEC__COUNT];
	struct grouping by[NKEYED];
	struct totals t;
	int no_sets;		/* rows: no distinct sets (counted apart, or not at all) */
	int from_ids;		/* totals: the distinct counts are in t.distinct */
	int no_distinct;	/* totals: messages, deferred_messages, recipients NULL */
	time_t quarter;		/* the quarter hour day/hour hold, or -1 */
	char day[16], hour[4];
	int day_year, day_yday;	/* the local date day holds */
	struct {		/* the last two localtime_r() answers */
		time_t t;
		struct tm tm;
		int ok;
	} lt[2];
	int lt_next;
	char msg[1024];		/* host ' ' queue_id */
};

static int span_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	int c = memcmp(a, b, an < bn ? an : bn);
	return c ? c : (an > bn) - (an < bn);
}

static struct group *group_of(struct grouping *gr, const char *key, size_t len)
{
	size_t i;
	if (strmap_get(&gr->idx, key, len, &i))
		return &gr->g[i];
	if (gr->n == gr->cap) {
		gr->cap = gr->cap ? gr->cap * 2 : 64;
		gr->g = xrealloc(gr->g, gr->cap * sizeof *gr->g);
	}
	struct group *g = &gr->g[gr->n];
	*g = (struct group){ .key = xmalloc(len + 1), .klen = len, .last_sent = -1 };
	memcpy(g->key, key, len);
	g->key[len] = '\0';
	strmap_put(&gr->idx, key, len, gr->n++, NULL);
	return g;
}

static void count_status(struct group *g, const char *status, double ts, int block,
			 sqlite3_stmt *s)
{
	g->attempts++;
	g->blocks += block;
	if (strcmp(status, "deferred") == 0) {
		g->deferred++;
	} else if (strcmp(status, "bounced") == 0) {
		g->bounced++;
	} else if (strcmp(status, "sent") == 0) {
		g->sent++;
		if (ts > g->last_sent)
			g->last_sent = ts;
		if (sqlite3_column_type(s, C_DELAY) != SQLITE_NULL) {
			double d = sqlite3_column_double(s, C_DELAY);
			g->delay_max = g->ndelay == 0 || d > g->delay_max ? d : g->delay_max;
			g->delay_us += llround(d * 1e6);
			g->ndelay++;
		}
	}
}

static void set_add(struct strmap *m, const char *p, size_t n)
{
	strmap_put(m, p, n, 0, NULL);
}

static void count_totals(struct agg *a, sqlite3_stmt *s, const char *status, double ts, int block)
{
	struct totals *t = &a->t;
	const char *host = (const char *)sqlite3_column_text(s, C_HOST);
	const char *qid = (const char *)sqlite3_column_text(s, C_QUEUE_ID);
	t->first = t->attempts == 0 || ts < t->first ? ts : t->first;
	t->last = t->attempts == 0 || ts > t->last ? ts : t->last;
	t->attempts++;
	t->blocks += block;
	t->sent += strcmp(status, "sent") == 0;
	t->deferred += strcmp(status, "deferred") == 0;
	t->bounced += strcmp(status, "bounced") == 0;
	t->expired += strcmp(status, "expired") == 0;
	t->other += strcmp(status, "sent") && strcmp(status, "deferred") &&
		    strcmp(status, "bounced") && strcmp(status, "expired");
	if (a->no_sets)
		return;
	if (qid) {
		struct str h = { host, host ? (size_t)sqlite3_column_bytes(s, C_HOST) : 0 };
		size_t len = store_ids_msg_key(a->msg, h,
					       (struct str){ qid, (size_t)sqlite3_column_bytes(s, C_QUEUE_ID) });
		set_add(&t->messages, a->msg, len);
		if (strcmp(status, "deferred") == 0)
			set_add(&t->deferred_messages, a->msg, len);
	}
	if (sqlite3_column_type(s, C_RECIPIENT) != SQLITE_NULL)
		set_add(&t->recipients, (const char *)sqlite3_column_text(s, C_RECIPIENT),
			(size_t)sqlite3_column_bytes(s, C_RECIPIENT));
}

/* localtime_r(t) through the last two answers: the day and hour series
 * from rollups ask for each hour's start and the next hour's. NULL when
 * localtime_r fails. */
static const struct tm *local_tm(struct agg *a, time_t t)
{
	for (int i = 0; i < 2; i++)
		if (a->lt[i].ok && a->lt[i].t == t)
			return &a->lt[i].tm;
	int i = a->lt_next;
	a->lt_next ^= 1;
	a->lt[i].t = t;
	a->lt[i].ok = localtime_r(&t, &a->lt[i].tm) != NULL;
	return a->lt[i].ok ? &a->lt[i].tm : NULL;
}

/* Local day and hour of ts into a->day, a->hour. */
static void local_day_hour(struct agg *a, double ts)
{
	time_t t = (time_t)floor(ts), q = t - (t % 900 + 900) % 900;
	const struct tm *tm;
	if (q == a->quarter)
		return;
	a->quarter = q;
	if ((tm = local_tm(a, q)) == NULL) {
		snprintf(a->day, sizeof a->day, "?");
		snprintf(a->hour, sizeof a->hour, "00");
		a->day_year = -1;
		return;
	}
	if (tm->tm_year != a->day_year || tm->tm_yday != a->day_yday) {
		if (strftime(a->day, sizeof a->day, "%Y-%m-%d", tm) == 0)
			snprintf(a->day, sizeof a->day, "?");
		a->day_year = tm->tm_year;
		a->day_yday = tm->tm_yday;
	}
	snprintf(a->hour, sizeof a->hour, "%02d", tm->tm_hour % 24);
}

static void max_text(struct group *g, const char *p, size_t n)
{
	if (p == NULL || (g->extra && span_cmp(p, n, g->extra, g->elen) <= 0))
		return;
	free(g->extra);
	g->extra = xmalloc(n + 1);
	memcpy(g->extra, p, n);
	g->extra[n] = '\0';
	g->elen = n;
}

static void add_row(struct agg *a, sqlite3_stmt *s)
{
	double ts = sqlite3_column_double(s, C_TS);
	const char *st = (const char *)sqlite3_column_text(s, C_STATUS);
	int block = sqlite3_column_int(s, C_BLOCK) != 0;
	int local = sqlite3_column_int(s, C_LOCAL) != 0;
	if (st == NULL)
		st = "";
	if (a->want[STORE_SEC_TOTALS] && !local)
		count_totals(a, s, st, ts, block);
	if (a->want[STORE_SEC_DAY] || a->want[STORE_SEC_HOUR])
		local_day_hour(a, ts);
	for (size_t k = 0; k < NKEYED; k++) {
		const struct keyed *kd = &keyed[k];
		const char *key;
		size_t len;
		if (!a->want[kd->sec] || local != (kd->sec == STORE_SEC_LOCAL))
			continue;
		if (kd->col < 0) {
			key = kd->sec == STORE_SEC_DAY ? a->day : a->hour;
			len = strlen(key);
		} else if ((key = (const char *)sqlite3_column_text(s, kd->col)) != NULL) {
			len = (size_t)sqlite3_column_bytes(s, kd->col);
		} else if (kd->none == NULL) {
			continue;
		} else {
			key = kd->none;
			len = strlen(key);
		}
		struct group *g = group_of(&a->by[k], key, len);
		count_status(g, st, ts, block, s);
		if (kd->sec == STORE_SEC_RELAY)
			max_text(g, (const char *)sqlite3_column_text(s, C_RELAY_HOST),
				 (size_t)sqlite3_column_bytes(s, C_RELAY_HOST));
	}
}

static int scan_window(struct store *st, struct agg *a, const struct store_window *w,
		       char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_WINDOW_ROWS, err, errlen);
	int rc;
	if (s == NULL)
		return -1;
	sqlite3_bind_double(s, 1, w->since);
	sqlite3_bind_double(s, 2, w->until);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		add_row(a, s);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, "reading deliveries", err, errlen);
}

/* --- rollups (store_rollup.h) ------------------------------------------------ */

static void add_counts(struct group *g, const struct rollup_row *r)
{
	g->attempts += r->attempts;
	g->sent += r->sent;
	g->deferred += r->deferred;
	g->bounced += r->bounced;
	g->blocks += r->blocks;
	if (r->has_last_sent && r->last_sent > g->last_sent)
		g->last_sent = r->last_sent;
	if (r->ndelay > 0) {
		if (g->ndelay == 0 || (r->has_delay_max && r->delay_max > g->delay_max))
			g->delay_max = r->delay_max;
		g->delay_us += r->delay_us;
		g->ndelay += r->ndelay;
	}
}

struct ru_ctx {
	struct agg *a;
	size_t k;	/* keyed[] index, NKEYED: totals, DAY_HOUR: day and hour */
	int64_t *redo;	/* DAY_HOUR: hours to read by quarter */
	size_t nredo, cap;
};
#define DAY_HOUR (NKEYED + 1)

/* 1 when every quarter of the hour at start has the local day and hour of
 * its first: a whole-hour offset at its start and still at the next hour's
 * (the zone does not change its offset and back within an hour). */
static int whole_local_hour(struct agg *a, int64_t start)
{
	const struct tm *t = local_tm(a, (time_t)start);
	long off = t ? t->tm_gmtoff : 1;
	t = local_tm(a, (time_t)(start + ROLLUP_HOUR));
	return t && t->tm_gmtoff == off && off % 3600 == 0;
}

/* A totals bucket (an hour, or a quarter) into the day and hour sections. */
static void on_day_hour(struct ru_ctx *c, const struct rollup_row *r)
{
	struct agg *a = c->a;
	if (r->span == ROLLUP_HOUR && !whole_local_hour(a, r->start)) {
		if (c->nredo == c->cap)
			c->redo = xrealloc(c->redo, (c->cap = c->cap ? 2 * c->cap : 16) * sizeof *c->redo);
		c->redo[c->nredo++] = r->start;
		return;
	}
	local_day_hour(a, (double)r->start);
	for (size_t k = 0; k < NKEYED; k++) {
		const char *key = keyed[k].sec == STORE_SEC_DAY ? a->day : a->hour;
		if (keyed[k].ru >= 0 || !a->want[keyed[k].sec])
			continue;
		add_counts(group_of(&a->by[k], key, strlen(key)), r);
	}
}

static void on_rollup(void *arg, const struct rollup_row *r)
{
	struct ru_ctx *c = arg;
	struct agg *a = c->a;
	if (c->k == NKEYED) {
		struct totals *t = &a->t;
		if (r->attempts <= 0)
			return;
		t->first = t->attempts == 0 || r->first < t->first ? r->first : t->first;
		t->last = t->attempts == 0 || r->last > t->last ? r->last : t->last;
		t->attempts += r->attempts;
		t->sent += r->sent;
		t->deferred += r->deferred;
		t->bounced += r->bounced;
		t->expired += r->expired;
		t->other += r->attempts - r->sent - r->deferred - r->bounced - r->expired;
		t->blocks += r->blocks;
		return;
	}
	if (c->k == DAY_HOUR) {
		on_day_hour(c, r);
		return;
	}
	struct group *g = group_of(&a->by[c->k], r->key, r->klen);
	add_counts(g, r);
	if (keyed[c->k].sec == STORE_SEC_RELAY)
		max_text(g, r->extra, r->elen);
}

/* 1 when rows of the totals' attempts were pruned (the oldest row left is
 * younger than the first attempt the rollups count), 0, or -1 with err. */
static int pruned(struct store *st, const struct agg *a, char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_OLDEST_ROW, err, errlen);
	int rc, gone = 0;
	if (s == NULL)
		return -1;
	if ((rc = sqlite3_step(s)) == SQLITE_ROW && a->t.attempts > 0)
		gone = sqlite3_column_type(s, 0) == SQLITE_NULL ||
		       sqlite3_column_double(s, 0) > a->t.first;
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? gone : store_fail(st, "reading deliveries", err, errlen);
}

/* Local days and hours of [q0, q1) from the totals' hours, or their
 * quarters where the zone's offset is not a whole hour. */
static int day_hour(struct store *st, struct agg *a, int64_t q0, int64_t q1, char *err,
		    size_t errlen)
{
	struct ru_ctx c = { a, DAY_HOUR, NULL, 0, 0 };
	int ret = store_rollup_read(st, RU_TOTALS, q0, q1, ROLLUP_HOUR, on_rollup, &c, err, errlen);
	for (size_t i = 0; ret == 0 && i < c.nredo; i++)
		ret = store_rollup_read(st, RU_TOTALS, c.redo[i], c.redo[i] + ROLLUP_HOUR,
					ROLLUP_QUARTER, on_rollup, &c, err, errlen);
	free(c.redo);
	return ret;
}

/* The window from rollups: whole hours [q0, q1) from the rollup rows (local
 * days and hours from the totals' quarter hours), the ragged ends (less
 * than an hour each) from the deliveries. */
static int rollup_window(struct store *st, struct agg *a, const struct store_window *w,
			 int64_t q0, int64_t q1, char *err, size_t errlen)
{
	struct store_window end = *w;
	a->no_sets = 1;
	end.until = (double)q0;
	if (end.since < end.until && scan_window(st, a, &end, err, errlen) < 0)
		return -1;
	end.since = (double)q1;
	end.until = w->until;
	if (end.since < end.until && scan_window(st, a, &end, err, errlen) < 0)
		return -1;
	for (size_t k = 0; k <= NKEYED; k++) {
		enum store_section sec = k < NKEYED ? keyed[k].sec : STORE_SEC_TOTALS;
		struct ru_ctx c = { a, k, NULL, 0, 0 };
		if (!a->want[sec] || (k < NKEYED && keyed[k].ru < 0))
			continue;
		if (store_rollup_read(st, k < NKEYED ? keyed[k].ru : RU_TOTALS, q0, q1, 0, on_rollup,
				      &c, err, errlen) < 0)
			return -1;
	}
	if ((a->want[STORE_SEC_DAY] || a->want[STORE_SEC_HOUR]) &&
	    day_hour(st, a, q0, q1, err, errlen) < 0)
		return -1;
	if (!a->want[STORE_SEC_TOTALS])
		return 0;
	int gone = a->t.attempts > DISTINCT_MAX ? 1 : pruned(st, a, err, errlen), ok = 0;
	if (gone < 0 || (!gone && (ok = store_ids_count(st, w->since, w->until, q0, q1,
							 DISTINCT_ROWS_MAX, a->t.distinct, err,
							 errlen)) < 0))
		return -1;
	a->no_distinct = !ok;
	a->from_ids = ok;
	return 0;
}

/* --- handing rows out ------------------------------------------------------ */

#define MAXCOL 14

struct out_row {
	int n;
	const char *names[MAXCOL];
	struct store_cell c[MAXCOL];
	char buf[MAXCOL][32];
};

static void put_text(struct out_row *r, const char *name, const char *p, size_t len)
{
	r->names[r->n] = name;
	r->c[r->n++] = p ? (struct store_cell){ STORE_TEXT, p, len }
			 : (struct store_cell){ STORE_NULL, NULL, 0 };
}

static void put_int(struct out_row *r, const char *name, int64_t v)
{
	int n = snprintf(r->buf[r->n], sizeof r->buf[0], "%lld", (long long)v);
	r->names[r->n] = name;
	r->c[r->n] = (struct store_cell){ STORE_INT, r->buf[r->n], (size_t)n };
	r->n++;
}

/* A REAL as SQLite shows it; digits < 0: as it is, else round(v, digits). */
static void put_real(struct out_row *r, const char *name, int have, double v, int digits)
{
	char tmp[64];
	if (!have) {
		put_text(r, name, NULL, 0);
		return;
	}
	if (digits >= 0) {
		snprintf(tmp, sizeof tmp, "%.*f", digits, v);
		v = strtod(tmp, NULL);
	}
	int n = snprintf(r->buf[r->n], sizeof r->buf[0], "%.15g", v);
	r->names[r->n] = name;
	r->c[r->n] = (struct store_cell){ STORE_REAL, r->buf[r->n], (size_t)n };
	r->n++;
}

static void group_row(const struct keyed *kd, const struct group *g, struct out_row *r)
{
	r->n = 0;
	put_text(r, kd->name, g->key, g->klen);
	if (kd->sec == STORE_SEC_RELAY)
		put_text(r, "relay_host", g->extra, g->elen);
	put_int(r, "attempts", g->attempts);
	put_int(r, "sent", g->sent);
	put_int(r, "deferred", g->deferred);
	put_int(r, "bounced", g->bounced);
	put_int(r, "blocks", g->blocks);
	if (kd->series)
		return;
	put_real(r, "deferred_rate", 1, (double)g->deferred / (double)g->attempts, 4);
	put_real(r, "bounced_rate", 1, (double)g->bounced / (double)g->attempts, 4);
	put_real(r, "avg_delay", g->ndelay > 0, 
		g->ndelay ? (double)g->delay_us / 1e6 / (double)g->ndelay : 0, 2);
	put_real(r, "max_delay", g->ndelay > 0, g->delay_max, -1);
	put_real(r, "last_sent", g->last_sent >= 0, g->last_sent, -1);
}

static int by_attempts(const void *x, const void *y)
{
	const struct group *a = x, *b = y;
	if (a->attempts != b->attempts)
		return a->attempts > b->attempts ? -1 : 1;
	return span_cmp(a->key, a->klen, b->key, b->klen);
}

static int by_key(const void *x, const void *y)
{
	const struct group *a = x, *b = y;
	return span_cmp(a->key, a->klen, b->key, b->klen);
}

static int emit_grouped(struct agg *a, size_t k, long top, store_cell_fn fn, void *arg)
{
	const struct keyed *kd = &keyed[k];
	struct grouping *gr = &a->by[k];
	struct out_row r;
	struct group empty = { .key = "", .last_sent = -1 };
	size_t n = gr->n;
	group_row(kd, &empty, &r);	/* the column names */
	if (fn(arg, r.n, r.names, NULL) != 0)
		return 0;
	if (n > 1)
		qsort(gr->g, n, sizeof *gr->g, kd->series ? by_key : by_attempts);
	if (!kd->series && top > 0 && (size_t)top < n)
		n = (size_t)top;
	for (size_t i = 0; i < n; i++) {
		group_row(kd, &gr->g[i], &r);
		if (fn(arg, r.n, r.names, r.c) != 0)
			break;
	}
	return 0;
}

static int emit_totals(struct agg *a, store_cell_fn fn, void *arg)
{
	const struct totals *t = &a->t;
	struct out_row r = { 0 };
	put_int(&r, "attempts", t->attempts);
	put_int(&r, "sent", t->sent);
	put_int(&r, "deferred", t->deferred);
	put_int(&r, "bounced", t->bounced);
	put_int(&r, "expired", t->expired);
	put_int(&r, "other", t->other);
	put_int(&r, "blocks", t->blocks);
	if (a->no_distinct) {
		put_text(&r, "messages", NULL, 0);
		put_text(&r, "deferred_messages", NULL, 0);
		put_text(&r, "recipients", NULL, 0);
	} else if (a->from_ids) {
		put_int(&r, "messages", t->distinct[IDS_MESSAGES]);
		put_int(&r, "deferred_messages", t->distinct[IDS_DEFERRED]);
		put_int(&r, "recipients", t->distinct[IDS_RECIPIENTS]);
	} else {
		put_int(&r, "messages", (int64_t)t->messages.count);
		put_int(&r, "deferred_messages", (int64_t)t->deferred_messages.count);
		put_int(&r, "recipients", (int64_t)t->recipients.count);
	}
	put_real(&r, "first", t->attempts > 0, t->first, -1);
	put_real(&r, "last", t->attempts > 0, t->last, -1);
	put_int(&r, "received", t->received);
	put_int(&r, "rejected", t->rejected);
	if (fn(arg, r.n, r.names, NULL) == 0)
		fn(arg, r.n, r.names, r.c);
	return 0;
}

static void agg_release(struct agg *a)
{
	for (size_t k = 0; k < NKEYED; k++) {
		for (size_t i = 0; i < a->by[k].n; i++) {
			free(a->by[k].g[i].key);
			free(a->by[k].g[i].extra);
		}
		free(a->by[k].g);
		strmap_release(&a->by[k].idx);
	}
	strmap_release(&a->t.messages);
	strmap_release(&a->t.deferred_messages);
	strmap_release(&a->t.recipients);
}

static const char SQL_EVENTS[] =
	"SELECT coalesce(sum(kind = 'received'), 0), coalesce(sum(kind = 'rejected'), 0) "
	"FROM mail_events WHERE ts >= ?1 AND ts < ?2";

/* The totals' received and rejected: what the MTA queued and refused. */
static int count_events(struct store *st, struct totals *t, const struct store_window *w,
			char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_EVENTS, err, errlen);
	int rc;
	if (s == NULL)
		return -1;
	sqlite3_bind_double(s, 1, w->since);
	sqlite3_bind_double(s, 2, w->until);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		t->received = sqlite3_column_int64(s, 0);
		t->rejected = sqlite3_column_int64(s, 1);
	}
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 0 : store_fail(st, "counting received and rejected", err, errlen);
}

int store_agg_run(struct store *st, const struct store_window *w,
		  const struct store_report_req *req, int n, char *err, size_t errlen)
{
	struct agg *a = xcalloc(1, sizeof *a);
	int ret = 0, any = 0;
	a->quarter = -1;
	a->day_year = -1;
	for (int i = 0; i < n; i++)
		if (store_agg_section(req[i].sec))
			any = a->want[req[i].sec] = 1;
	int64_t q0, q1, open = INT64_MAX;
	rollup_whole_hours(w->since, w->until, &q0, &q1);
	if (any && !st->from_rows && q0 < q1) {
		/* open hours (the latest ones, as a rule) and all after the
		 * first: from the rows */
		if (store_rollup_open_from(st, q0, &open, err, errlen) < 0)
			ret = -1;
		q1 = open < q1 ? open : q1;
	}
	if (ret < 0 || !any)
		;
	else if (st->from_rows || q0 >= q1)
		ret = scan_window(st, a, w, err, errlen);
	else
		ret = rollup_window(st, a, w, q0, q1, err, errlen);
	if (ret == 0 && a->want[STORE_SEC_TOTALS] && count_events(st, &a->t, w, err, errlen) < 0)
		ret = -1;
	for (int i = 0; ret == 0 && i < n; i++) {
		if (req[i].sec == STORE_SEC_TOTALS)
			emit_totals(a, req[i].fn, req[i].arg);
		for (size_t k = 0; k < NKEYED; k++)
			if (keyed[k].sec == req[i].sec)
				emit_grouped(a, k, w->top, req[i].fn, req[i].arg);
	}
	agg_release(a);
	free(a);
	return ret;
}

int store_agg_section(enum store_section sec)
{
	return sec >= STORE_SEC_TOTALS && sec <= STORE_SEC_LOCAL;
}
