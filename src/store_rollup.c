/* store_rollup - rollups of the stored attempts (see store_rollup.h). Part
 * of the store family.
 *
 * Pending groups are keyed by hour (quarter hour for the totals), section
 * and key (a byte span: 8 bytes of start, 1 of section, then the key) in a
 * strmap. A transaction's groups of an old hour are written at its commit
 * (one upsert per group and bucket size that holds it); those of a recent
 * hour are held across commits and written once when it closes
 * (store_rollup.h).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>
#include "store_ids.h"
#include "store_int.h"
#include "store_reason.h"
#include "store_rollup.h"
#include "strmap.h"
#include "xmalloc.h"

static sqlite3_stmt *range_stmt(struct store *st, const char *sql, enum rollup_sec sec,
				int64_t span, int64_t from, int64_t to, char *err, size_t errlen);
static int range_end(struct store *st, sqlite3_stmt *s, int rc, char *err, size_t errlen);

/* Largest first: the read side covers a window greedily. Ingest writes
 * hours (and the totals' quarters); the larger sizes are folded from the
 * next smaller one when complete (fold()), their done marks in
 * rollup_marks (schema/055_rollup_spans.sql). Each size is twice the next
 * from a day up, so a window's ragged end takes at most one bucket of each
 * (a year: ~8 buckets per key, where sizes ten times apart took ~30); 6
 * hours between the hour and the day halves what a day that does not start
 * at midnight reads. */
static const int64_t spans[] = { 512 * 86400, 256 * 86400, 128 * 86400, 64 * 86400, 32 * 86400,
				 16 * 86400, 8 * 86400, 4 * 86400, 2 * 86400, 86400, 6 * 3600,
				 ROLLUP_HOUR };
#define NSPANS (sizeof spans / sizeof spans[0])
#define NFOLDED (NSPANS - 1)	/* spans[0 .. NFOLDED) */

#define UPSERT_SET \
	"ON CONFLICT (span, sec, start, key) DO UPDATE SET " \
	"extra = CASE WHEN extra IS NULL OR excluded.extra > extra THEN excluded.extra ELSE extra END, " \
	"attempts = attempts + excluded.attempts, sent = sent + excluded.sent, " \
	"deferred = deferred + excluded.deferred, bounced = bounced + excluded.bounced, " \
	"expired = expired + excluded.expired, blocks = blocks + excluded.blocks, " \
	"ndelay = ndelay + excluded.ndelay, delay_us = delay_us + excluded.delay_us, " \
	"delay_max = CASE WHEN delay_max IS NULL OR excluded.delay_max > delay_max " \
	"THEN excluded.delay_max ELSE delay_max END, " \
	"last_sent = CASE WHEN last_sent IS NULL OR excluded.last_sent > last_sent " \
	"THEN excluded.last_sent ELSE last_sent END, " \
	"first = min(first, excluded.first), last = max(last, excluded.last)"

static const char SQL_RU_UPSERT[] =
	"INSERT INTO rollups (span, sec, start, key, extra, attempts, sent, deferred, bounced, "
	"expired, blocks, ndelay, delay_us, delay_max, last_sent, first, last) "
	"VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17) " UPSERT_SET;
static const char SQL_RU_MARKS[] = "SELECT span, done FROM rollup_marks";
static const char SQL_RU_MARK[] = "UPDATE rollup_marks SET done = ?2 WHERE span = ?1";
static const char SQL_RU_RANGE[] =
	"SELECT start, key, extra, attempts, sent, deferred, bounced, expired, blocks, ndelay, "
	"delay_us, delay_max, last_sent, first, last FROM rollups "
	"WHERE span = ?1 AND sec = ?2 AND start >= ?3 AND start < ?4";
/* The same without expired, first and last, which only the totals' window
 * uses: a year's report reads ~10^5 rollup rows, and each column loaded
 * costs (~150 instructions a column and row). */
static const char SQL_RU_RANGE_KEYED[] =
	"SELECT start, key, extra, attempts, sent, deferred, bounced, blocks, ndelay, "
	"delay_us, delay_max, last_sent FROM rollups "
	"WHERE span = ?1 AND sec = ?2 AND start >= ?3 AND start < ?4";
/* The day and hour series' columns only: a year's local days and hours
 * read 8,760 hours. */
static const char SQL_RU_RANGE_SERIES[] =
	"SELECT start, attempts, sent, deferred, bounced, blocks FROM rollups "
	"WHERE span = ?1 AND sec = ?2 AND start >= ?3 AND start < ?4";

/* The first bucket of span ?1 (the index's first row of each section). */
static const char SQL_RU_FIRST[] =
	"SELECT min(start) FROM rollups WHERE span = ?1 AND sec = ?2 AND start >= ?3 AND start < ?4";
static const char SQL_RS_FIRST[] =
	"SELECT min(start) FROM reason_rollups WHERE span = ?1 AND start >= ?2 AND start < ?3";
static const char SQL_RU_LAST_HOUR[] =
	"SELECT max(start) FROM rollups WHERE span = 3600 AND sec = ?1";
/* A fold of many buckets goes this many seconds of them at a time. */
#define FOLD_STEP (10 * 86400)

/* The open hours (schema/042_rollup_open.sql). */
static const char SQL_OPEN_ADD[] =
	"INSERT INTO rollup_open (start, rows, owner) VALUES (?1, ?2, ?3) "
	"ON CONFLICT (start) DO UPDATE SET rows = rows + excluded.rows, "
	"owner = CASE WHEN owner = excluded.owner THEN owner ELSE 0 END";
static const char SQL_OPEN_DUE[] =
	"SELECT start, rows, owner FROM rollup_open WHERE start < ?1 ORDER BY start";
static const char SQL_OPEN_DEL[] = "DELETE FROM rollup_open WHERE start = ?1";
static const char SQL_OPEN_FIRST[] = "SELECT min(start) FROM rollup_open WHERE start >= ?1";
static const char SQL_RU_CLEAR[] =
	"DELETE FROM rollups WHERE span = ?1 AND sec = ?2 AND start >= ?3 AND start < ?4";
/* What a rollup counts of a row (the columns of struct fact). */
enum { F_TS, F_STATUS, F_BLOCK, F_DELAY, F_PROVIDER, F_POOL, F_DOMAIN, F_RELAY, F_RELAY_HOST,
       F_SENDING_IP, F_HOST, F_BLOCKLIST, F_PROGRAM, F_LOCAL, F_SENDER, F_QUEUE_ID, F_RECIPIENT };
static const char SQL_RU_ROWS[] =
	"SELECT ts, status, is_block, delay, provider, pool, rcpt_domain, relay_ip, relay_host, "
	"sending_ip, host, blocklist, program, is_local, sender, queue_id, recipient FROM deliveries "
	"WHERE ts >= ?1 AND ts < ?2";

/* An hour is closed (its rollups written) once this writer has stored an
 * attempt this long after its end: a few late lines of a log merged from
 * several hosts still find it open. */
#define CLOSE_GRACE 600

struct pending {
	int64_t start;
	int sec;
	char *key, *extra;
	size_t klen, elen;
	int64_t attempts, sent, deferred, bounced, expired, blocks, ndelay;
	int64_t delay_us;
	double delay_max, last_sent, first, last;
	int has_delay_max, has_last_sent;
	int held;		/* flush: kept for its open hour, not written */
};

/* Groups keyed by quarter hour, section and key. */
struct gset {
	struct strmap idx;
	struct pending *p;
	size_t n, cap;
};

/* Attempts per hour. */
struct hcount {
	int64_t hour, n;
};
struct hours {
	struct hcount *v;
	size_t n, cap;
};

struct store_rollup {
	struct reason_set *reasons;	/* the reasons section's pending groups */
	struct gset txn;	/* this transaction's attempts */
	struct hours txn_rows;	/* its attempts per hour */
	struct hours txn_held;	/* those of the hours it holds open */
	struct gset held;	/* committed attempts of the open hours this writer holds */
	struct hours held_rows;	/* their count per hour */
	struct hours closed;	/* hours this transaction closed: forgotten at commit */
	struct store_ids txn_ids;	/* this transaction's ids per hour (store_ids.h) */
	struct store_ids held_ids;	/* the ids of the open hours held */
	double newest, txn_newest;	/* the latest attempt stored (committed; with this transaction) */
	int64_t owner;		/* this writer's mark in rollup_open.owner (never 0) */
	char *kbuf;		/* the lookup key, grown as needed */
	size_t kcap;
};

/* The attempt as the rollups see it (a row stored now, or read back). */
struct fact {
	double ts, delay;	/* delay < 0: none */
	enum delivery_status status;
	int block, local, has_sender;
	struct str provider, pool, domain, relay, relay_host, sending_ip, host, blocklist,
		program, sender;	/* p NULL: NULL in the row */
};

int64_t rollup_bucket(double ts, int64_t span)
{
	double f = floor(ts);
	int64_t t = f < -9e18 ? INT64_MIN / 2 : f > 9e18 ? INT64_MAX / 2 : (int64_t)f;
	return t - ((t % span) + span) % span;
}

static int span_gt(const char *a, size_t an, const char *b, size_t bn)
{
	int c = memcmp(a, b, an < bn ? an : bn);
	return c ? c > 0 : an > bn;
}

static void gset_init(struct gset *g)
{
	memset(g, 0, sizeof *g);
	strmap_init(&g->idx);
}

static void gset_clear(struct gset *g)
{
	for (size_t i = 0; i < g->n; i++) {
		free(g->p[i].key);
		free(g->p[i].extra);
	}
	g->n = 0;
	strmap_release(&g->idx);
	strmap_init(&g->idx);
}

static void gset_free(struct gset *g)
{
	gset_clear(g);
	strmap_release(&g->idx);
	free(g->p);
}

static void hours_add(struct hours *h, int64_t hour, int64_t n)
{
	for (size_t i = h->n; i-- > 0;)
		if (h->v[i].hour == hour) {
			h->v[i].n += n;
			return;
		}
	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 8;
		h->v = xrealloc(h->v, h->cap * sizeof *h->v);
	}
	h->v[h->n++] = (struct hcount){ hour, n };
}

static int64_t hours_get(const struct hours *h, int64_t hour)
{
	for (size_t i = 0; i < h->n; i++)
		if (h->v[i].hour == hour)
			return h->v[i].n;
	return 0;
}

static struct pending *pending_of(struct store_rollup *ru, struct gset *g, int64_t start, int sec,
				  const char *key, size_t len)
{
	size_t i, n;
	if (len + 9 > ru->kcap) {
		ru->kcap = len + 9 + 256;
		ru->kbuf = xrealloc(ru->kbuf, ru->kcap);
	}
	memcpy(ru->kbuf, &start, 8);
	ru->kbuf[8] = (char)sec;
	if (len)
		memcpy(ru->kbuf + 9, key, len);
	n = len + 9;
	if (strmap_get(&g->idx, ru->kbuf, n, &i))
		return &g->p[i];
	if (g->n == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 64;
		g->p = xrealloc(g->p, g->cap * sizeof *g->p);
	}
	struct pending *p = &g->p[g->n];
	*p = (struct pending){ .start = start, .sec = sec, .key = xmalloc(len + 1), .klen = len };
	if (len)
		memcpy(p->key, key, len);
	p->key[len] = '\0';
	strmap_put(&g->idx, ru->kbuf, n, g->n++, NULL);
	return p;
}

static void set_extra(struct pending *p, const char *e, size_t n)
{
	if (e == NULL || (p->extra != NULL && !span_gt(e, n, p->extra, p->elen)))
		return;
	free(p->extra);
	p->extra = xmalloc(n + 1);
	memcpy(p->extra, e, n);
	p->extra[n] = '\0';
	p->elen = n;
}

static void add_to(struct pending *p, const struct fact *f)
{
	enum delivery_status s = f->status;
	p->first = p->attempts == 0 || f->ts < p->first ? f->ts : p->first;
	p->last = p->attempts == 0 || f->ts > p->last ? f->ts : p->last;
	p->attempts++;
	p->blocks += f->block;
	p->deferred += s == DS_DEFERRED;
	p->bounced += s == DS_BOUNCED;
	p->expired += s == DS_EXPIRED;
	if (s != DS_SENT)
		return;
	p->sent++;
	if (!p->has_last_sent || f->ts > p->last_sent)
		p->last_sent = f->ts;
	p->has_last_sent = 1;
	if (f->delay >= 0) {
		if (!p->has_delay_max || f->delay > p->delay_max)
			p->delay_max = f->delay;
		p->has_delay_max = 1;
		p->delay_us += llround(f->delay * 1e6);
		p->ndelay++;
	}
}

/* Adds group b to a (the same bucket and key). */
static void merge(struct pending *a, const struct pending *b)
{
	a->first = a->attempts == 0 || b->first < a->first ? b->first : a->first;
	a->last = a->attempts == 0 || b->last > a->last ? b->last : a->last;
	a->attempts += b->attempts;
	a->sent += b->sent;
	a->deferred += b->deferred;
	a->bounced += b->bounced;
	a->expired += b->expired;
	a->blocks += b->blocks;
	a->ndelay += b->ndelay;
	a->delay_us += b->delay_us;
	if (b->has_delay_max && (!a->has_delay_max || b->delay_max > a->delay_max))
		a->delay_max = b->delay_max;
	a->has_delay_max |= b->has_delay_max;
	if (b->has_last_sent && (!a->has_last_sent || b->last_sent > a->last_sent))
		a->last_sent = b->last_sent;
	a->has_last_sent |= b->has_last_sent;
	set_extra(a, b->extra, b->elen);
}

/* A column as SQL holds it: "" where the store binds "" as NULL (opt). */
static struct str opt(const char *s)
{
	return s && *s ? str_cstr(s) : (struct str){ NULL, 0 };
}

static struct str or_else(struct str s, const char *dflt)
{
	return s.p ? s : str_cstr(dflt);
}

/* Adds one attempt to its groups of every section. */
static void note_fact(struct store_rollup *ru, struct gset *g, const struct fact *f)
{
	int64_t q = rollup_bucket(f->ts, ROLLUP_HOUR);
	struct str k;
	if (f->local) {
		k = or_else(f->program, "(none)");
		add_to(pending_of(ru, g, q, RU_LOCAL, k.p, k.len), f);
		return;
	}
	add_to(pending_of(ru, g, rollup_bucket(f->ts, ROLLUP_QUARTER), RU_TOTALS, "", 0), f);
	k = or_else(f->provider, "(unknown)");
	add_to(pending_of(ru, g, q, RU_PROVIDER, k.p, k.len), f);
	k = f->pool.p ? f->pool : or_else(f->provider, "(unknown)");
	add_to(pending_of(ru, g, q, RU_POOL, k.p, k.len), f);
	k = or_else(f->domain, "(none)");
	add_to(pending_of(ru, g, q, RU_DOMAIN, k.p, k.len), f);
	k = or_else(f->relay, "(none)");
	struct pending *r = pending_of(ru, g, q, RU_RELAY, k.p, k.len);
	add_to(r, f);
	set_extra(r, f->relay_host.p, f->relay_host.len);
	k = or_else(f->sending_ip, "(not named)");
	add_to(pending_of(ru, g, q, RU_SENDING_IP, k.p, k.len), f);
	k = or_else(f->host, "(none)");
	add_to(pending_of(ru, g, q, RU_HOST, k.p, k.len), f);
	k = !f->has_sender ? str_cstr("(unknown)") : f->sender.len == 0 ? str_cstr("<>") : f->sender;
	add_to(pending_of(ru, g, q, RU_SENDER, k.p, k.len), f);
	if (f->blocklist.p)
		add_to(pending_of(ru, g, q, RU_BLOCKLIST, f->blocklist.p, f->blocklist.len), f);
}

static struct store_rollup *rollup_of(struct store *st)
{
	struct store_rollup *ru = st->ru;
	if (ru != NULL)
		return ru;
	ru = st->ru = xcalloc(1, sizeof *ru);
	gset_init(&ru->txn);
	gset_init(&ru->held);
	ru->reasons = reason_set_new();
	ru->newest = ru->txn_newest = -HUGE_VAL;
	/* Tells this writer's open hours from another's (or a crashed one's):
	 * only the count of rollup_open proves the held groups complete. */
	if (getrandom(&ru->owner, sizeof ru->owner, GRND_NONBLOCK) != (ssize_t)sizeof ru->owner)
		ru->owner = (int64_t)time(NULL) << 22 ^ (int64_t)getpid();
	ru->owner |= 1;
	return ru;
}

void store_rollup_note(struct store *st, const struct delivery *d, const struct verdict *v)
{
	struct store_rollup *ru = rollup_of(st);
	struct fact f = {
		.ts = d->ts, .delay = d->delay, .status = d->status, .block = v->block != 0,
		.local = d->local != 0, .has_sender = d->has_sender,
		.provider = opt(v->provider), .pool = opt(v->pool), .domain = opt(d->rcpt_domain),
		.relay = d->relay_ip, .relay_host = d->relay_host, .sending_ip = opt(v->sending_ip),
		.host = d->host, .blocklist = opt(v->blocklist), .program = d->program,
		.sender = d->sender,
	};
	if (f.sender.p == NULL)
		f.sender = str_cstr("");
	reason_set_note(ru->reasons, d, v);
	note_fact(ru, &ru->txn, &f);
	hours_add(&ru->txn_rows, rollup_bucket(d->ts, ROLLUP_HOUR), 1);
	if (!f.local)
		store_ids_note(st, &ru->txn_ids, rollup_bucket(d->ts, ROLLUP_HOUR), d->host,
			       d->queue_id, d->status == DS_DEFERRED, d->recipient);
	if (d->ts > ru->txn_newest)
		ru->txn_newest = d->ts;
}

static int upsert(struct store *st, const struct pending *p, int64_t span, char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_RU_UPSERT, err, errlen);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, span);
	sqlite3_bind_int(s, 2, p->sec);
	sqlite3_bind_int64(s, 3, p->start - ((p->start % span) + span) % span);
	sqlite3_bind_text(s, 4, p->key, (int)p->klen, SQLITE_STATIC);
	if (p->extra)
		sqlite3_bind_text(s, 5, p->extra, (int)p->elen, SQLITE_STATIC);
	sqlite3_bind_int64(s, 6, p->attempts);
	sqlite3_bind_int64(s, 7, p->sent);
	sqlite3_bind_int64(s, 8, p->deferred);
	sqlite3_bind_int64(s, 9, p->bounced);
	sqlite3_bind_int64(s, 10, p->expired);
	sqlite3_bind_int64(s, 11, p->blocks);
	sqlite3_bind_int64(s, 12, p->ndelay);
	sqlite3_bind_int64(s, 13, p->delay_us);
	if (p->has_delay_max)
		sqlite3_bind_double(s, 14, p->delay_max);
	if (p->has_last_sent)
		sqlite3_bind_double(s, 15, p->last_sent);
	sqlite3_bind_double(s, 16, p->first);
	sqlite3_bind_double(s, 17, p->last);
	return store_exec_stmt(st, s, "storing a rollup", err, errlen);
}

/* Section, key, then start: the upserts of one bucket size walk the
 * table's primary key (span, sec, start, key) in order. */
static int by_sec_start_key(const void *x, const void *y)
{
	const struct pending *a = x, *b = y;
	int c;
	if (a->sec != b->sec)
		return a->sec < b->sec ? -1 : 1;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	c = memcmp(a->key, b->key, a->klen < b->klen ? a->klen : b->klen);
	return c ? c : (a->klen > b->klen) - (a->klen < b->klen);
}

/* The done marks of spans[0 .. NFOLDED); 0 or -1 with err. */
static int load_marks(struct store *st, int64_t *done, char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_RU_MARKS, err, errlen);
	int rc;
	if (s == NULL)
		return -1;
	for (size_t k = 0; k < NFOLDED; k++)
		done[k] = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		for (size_t k = 0; k < NFOLDED; k++)
			if (sqlite3_column_int64(s, 0) == spans[k])
				done[k] = sqlite3_column_int64(s, 1);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, "reading rollup marks", err, errlen);
}

/* Writes group p into its hour (and the totals' quarter) and into the
 * larger buckets of its time that are folded already (stored late). */
static int write_group(struct store *st, const struct pending *p, const int64_t *done, char *err,
		       size_t errlen)
{
	if (upsert(st, p, ROLLUP_HOUR, err, errlen) < 0 ||
	    (p->sec == RU_TOTALS && upsert(st, p, ROLLUP_QUARTER, err, errlen) < 0))
		return -1;
	for (size_t k = 0; k < NFOLDED; k++)
		if (rollup_bucket((double)p->start, spans[k]) < done[k] &&
		    upsert(st, p, spans[k], err, errlen) < 0)
			return -1;
	return 0;
}

/* The first stored bucket of spans[k + 1] in [lo, to), rounded down to
 * spans[k], into *from (to when there is none); 0 or -1 with err. lo is a
 * multiple of spans[k], so the rounded start is never below it. */
static int first_child(struct store *st, size_t k, int64_t lo, int64_t to, int64_t *from,
		       char *err, size_t errlen)
{
	int64_t first = to;
	for (int sec = 0; sec <= RU__COUNT; sec++) {
		sqlite3_stmt *s = store_stmt(st, sec < RU__COUNT ? SQL_RU_FIRST : SQL_RS_FIRST, err,
					     errlen);
		int rc, n = 1;
		if (s == NULL)
			return -1;
		sqlite3_bind_int64(s, n++, spans[k + 1]);
		if (sec < RU__COUNT)
			sqlite3_bind_int(s, n++, sec);
		sqlite3_bind_int64(s, n++, lo);
		sqlite3_bind_int64(s, n, to);
		if ((rc = sqlite3_step(s)) == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL &&
		    sqlite3_column_int64(s, 0) < first)
			first = sqlite3_column_int64(s, 0);
		sqlite3_reset(s);
		if (rc != SQLITE_ROW)
			return store_fail(st, "reading rollups", err, errlen);
	}
	*from = first < to ? rollup_bucket((double)first, spans[k]) : to;
	return 0;
}

/* Folds the buckets of spans[k + 1] in [from, to) into spans[k], for
 * every section: read in order, added up here, one upsert per new bucket
 * and key. (INSERT ... SELECT ... GROUP BY did the same in SQL at ~5 us a
 * row read, mostly its sorter and 13 aggregates: a third of what ingest
 * spent on rollups.) */
static int fold_range(struct store *st, size_t k, int64_t from, int64_t to, char *err,
		      size_t errlen)
{
	struct store_rollup scratch = { 0 };	/* pending_of's key buffer */
	struct gset g;
	int ret = 0;
	gset_init(&g);
	for (int sec = 0; ret == 0 && sec < RU__COUNT; sec++) {
		sqlite3_stmt *s = range_stmt(st, SQL_RU_RANGE, (enum rollup_sec)sec, spans[k + 1], from,
					     to, err, errlen);
		int rc;
		if (s == NULL) {
			ret = -1;
			break;
		}
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			struct pending c = {
				.extra = (char *)sqlite3_column_text(s, 2),
				.elen = (size_t)sqlite3_column_bytes(s, 2),
				.attempts = sqlite3_column_int64(s, 3),
				.sent = sqlite3_column_int64(s, 4),
				.deferred = sqlite3_column_int64(s, 5),
				.bounced = sqlite3_column_int64(s, 6),
				.expired = sqlite3_column_int64(s, 7),
				.blocks = sqlite3_column_int64(s, 8),
				.ndelay = sqlite3_column_int64(s, 9),
				.delay_us = sqlite3_column_int64(s, 10),
				.has_delay_max = sqlite3_column_type(s, 11) != SQLITE_NULL,
				.delay_max = sqlite3_column_double(s, 11),
				.has_last_sent = sqlite3_column_type(s, 12) != SQLITE_NULL,
				.last_sent = sqlite3_column_double(s, 12),
				.first = sqlite3_column_double(s, 13),
				.last = sqlite3_column_double(s, 14),
			};
			const char *key = (const char *)sqlite3_column_text(s, 1);
			merge(pending_of(&scratch, &g, rollup_bucket((double)sqlite3_column_int64(s, 0),
								      spans[k]), sec,
					 key ? key : "", key ? (size_t)sqlite3_column_bytes(s, 1) : 0),
			      &c);
		}
		ret = range_end(st, s, rc, err, errlen);
	}
	/* in key order, as a fold in SQL wrote them (none when the stretch
	 * holds only reason buckets: g.p is NULL, which qsort may not take) */
	if (g.n > 1)
		qsort(g.p, g.n, sizeof *g.p, by_sec_start_key);
	for (size_t i = 0; ret == 0 && i < g.n; i++)
		ret = upsert(st, &g.p[i], spans[k], err, errlen);
	gset_free(&g);
	free(scratch.kbuf);
	return ret < 0 ? -1 : store_reason_fold(st, spans[k], spans[k + 1], from, to, err, errlen);
}

/* Folds the complete buckets of spans[k + 1] below upto into spans[k],
 * for every section, and moves the mark. A long stretch (a size added to
 * a database holding months: schema 055) goes a few days at a time, so
 * the reason groups held in memory stay few. */
static int fold(struct store *st, size_t k, int64_t *done, int64_t upto, char *err, size_t errlen)
{
	int64_t to = rollup_bucket((double)upto, spans[k]), step = spans[k];
	sqlite3_stmt *s;
	if (to <= done[k])
		return 0;
	while (step < FOLD_STEP)
		step += spans[k];
	/* Each stretch starts at the next stored bucket: a mark of 0 (a size
	 * never folded) or years between two lines' stamps cost one look each,
	 * not one fold per FOLD_STEP of empty time. */
	for (int64_t from = done[k], end; from < to; from = end) {
		if (first_child(st, k, from, to, &from, err, errlen) < 0)
			return -1;
		end = to - from > step ? from + step : to;
		if (from < end && fold_range(st, k, from, end, err, errlen) < 0)
			return -1;
	}
	if ((s = store_stmt(st, SQL_RU_MARK, err, errlen)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, spans[k]);
	sqlite3_bind_int64(s, 2, to);
	if (store_exec_stmt(st, s, "moving a rollup mark", err, errlen) < 0)
		return -1;
	done[k] = to;
	return 0;
}

static int exec_i64(struct store *st, const char *sql, int64_t a, int64_t b, int64_t c, int64_t d,
		    int n, const char *what, char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, sql, err, errlen);
	const int64_t v[4] = { a, b, c, d };
	if (s == NULL)
		return -1;
	for (int i = 0; i < n; i++)
		sqlite3_bind_int64(s, i + 1, v[i]);
	return store_exec_stmt(st, s, what, err, errlen);
}

/* The first open hour at or after from, INT64_MAX when none; 0 or -1. */
static int first_open(struct store *st, int64_t from, int64_t *h, char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_OPEN_FIRST, err, errlen);
	int rc;
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, from);
	rc = sqlite3_step(s);
	*h = rc == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL ?
	     sqlite3_column_int64(s, 0) : INT64_MAX;
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 0 : store_fail(st, "reading open hours", err, errlen);
}

static struct str col(sqlite3_stmt *s, int i)
{
	const char *p = (const char *)sqlite3_column_text(s, i);
	return (struct str){ p, p ? (size_t)sqlite3_column_bytes(s, i) : 0 };
}

static enum delivery_status status_of(struct str s)
{
	for (int i = 0; i < DS__COUNT; i++)
		if (str_eq(s, delivery_status_name((enum delivery_status)i)))
			return (enum delivery_status)i;
	return DS__COUNT;	/* counted as an attempt only, as add_to counts any other */
}

/* The rollups of hour h from its rows, every one (rows others wrote
 * included), in place of what its hour and quarter buckets held. */
static int rebuild_hour(struct store *st, struct store_rollup *ru, int64_t h, const int64_t *done,
			char *err, size_t errlen)
{
	struct gset g;
	struct store_ids ids = { 0 };
	sqlite3_stmt *s;
	int rc, ret = -1;
	if (store_ids_delete(st, h, err, errlen) < 0)
		return -1;
	for (int sec = 0; sec < RU__COUNT; sec++)
		if (exec_i64(st, SQL_RU_CLEAR, ROLLUP_HOUR, sec, h, h + ROLLUP_HOUR, 4,
			     "rebuilding rollups", err, errlen) < 0)
			return -1;
	if (exec_i64(st, SQL_RU_CLEAR, ROLLUP_QUARTER, RU_TOTALS, h, h + ROLLUP_HOUR, 4,
		     "rebuilding rollups", err, errlen) < 0 ||
	    (s = store_stmt(st, SQL_RU_ROWS, err, errlen)) == NULL)
		return -1;
	gset_init(&g);
	sqlite3_bind_int64(s, 1, h);
	sqlite3_bind_int64(s, 2, h + ROLLUP_HOUR);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct fact f = {
			.ts = sqlite3_column_double(s, F_TS),
			.delay = sqlite3_column_type(s, F_DELAY) == SQLITE_NULL ? -1 :
				 sqlite3_column_double(s, F_DELAY),
			.status = status_of(col(s, F_STATUS)),
			.block = sqlite3_column_int64(s, F_BLOCK) != 0,
			.local = sqlite3_column_int64(s, F_LOCAL) != 0,
			.has_sender = sqlite3_column_type(s, F_SENDER) != SQLITE_NULL,
			.provider = col(s, F_PROVIDER), .pool = col(s, F_POOL),
			.domain = col(s, F_DOMAIN), .relay = col(s, F_RELAY),
			.relay_host = col(s, F_RELAY_HOST), .sending_ip = col(s, F_SENDING_IP),
			.host = col(s, F_HOST), .blocklist = col(s, F_BLOCKLIST),
			.program = col(s, F_PROGRAM), .sender = col(s, F_SENDER),
		};
		note_fact(ru, &g, &f);
		if (!f.local)
			store_ids_note(st, &ids, h, f.host, col(s, F_QUEUE_ID),
				       f.status == DS_DEFERRED, col(s, F_RECIPIENT));
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		store_fail(st, "rebuilding rollups", err, errlen);
		goto out;
	}
	if (store_ids_write(st, &ids, h, err, errlen) < 0)
		goto out;
	if (g.n > 1)	/* an hour without groups: g.p is NULL */
		qsort(g.p, g.n, sizeof *g.p, by_sec_start_key);
	for (size_t i = 0; i < g.n; i++)
		if (write_group(st, &g.p[i], done, err, errlen) < 0)
			goto out;
	ret = 0;
out:
	gset_free(&g);
	store_ids_release(&ids);
	return ret;
}

/* Writes the held groups of hour h (proved complete) into the rollups. */
static int write_held(struct store *st, struct store_rollup *ru, int64_t h, const int64_t *done,
		      char *err, size_t errlen)
{
	for (size_t i = 0; i < ru->held.n; i++) {
		const struct pending *p = &ru->held.p[i];
		if (rollup_bucket((double)p->start, ROLLUP_HOUR) == h &&
		    write_group(st, p, done, err, errlen) < 0)
			return -1;
	}
	return 0;
}

/* Closes the open hours before limit: from the groups this writer holds
 * when rollup_open proves they are all the hour's attempts stored without
 * rollups (this writer stored every one of them, and holds as many), else
 * from the rows. The hours go into ru->closed, for the commit to forget. */
static int close_hours(struct store *st, struct store_rollup *ru, int64_t limit,
		       const int64_t *done, char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_OPEN_DUE, err, errlen);
	struct hours due = { 0 };
	int rc, ret = -1;
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, limit);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t h = sqlite3_column_int64(s, 0), n = sqlite3_column_int64(s, 1);
		int mine = ru && sqlite3_column_int64(s, 2) == ru->owner &&
			   hours_get(&ru->held_rows, h) == n;
		hours_add(&due, h, mine);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		store_fail(st, "reading open hours", err, errlen);
		goto out;
	}
	for (size_t i = 0; i < due.n; i++) {
		int64_t h = due.v[i].hour;
		struct store_rollup scratch = { 0 };
		struct store_rollup *use = ru ? ru : &scratch;
		if ((due.v[i].n ? write_held(st, ru, h, done, err, errlen)
				: rebuild_hour(st, use, h, done, err, errlen)) < 0 ||
		    (due.v[i].n && store_ids_write(st, &ru->held_ids, h, err, errlen) < 0) ||
		    exec_i64(st, SQL_OPEN_DEL, h, 0, 0, 0, 1, "closing an hour", err, errlen) < 0) {
			free(scratch.kbuf);
			goto out;
		}
		free(scratch.kbuf);
		if (ru)
			hours_add(&ru->closed, h, 0);
	}
	/* held hours another writer closed (its rebuild counted them) */
	for (size_t i = 0; ru && i < ru->held_rows.n; i++)
		if (ru->held_rows.v[i].hour < limit)
			hours_add(&ru->closed, ru->held_rows.v[i].hour, 0);
	ret = 0;
out:
	free(due.v);
	return ret;
}

/* Folds the complete buckets below top (an hour or quarter start), never
 * over an open hour: its attempts are not in the hours yet. */
static int fold_below(struct store *st, int64_t *done, int64_t top, char *err, size_t errlen)
{
	int64_t open;
	if (first_open(st, INT64_MIN, &open, err, errlen) < 0)
		return -1;
	top = top < open ? top : open;
	for (size_t k = NFOLDED; k-- > 0;) {
		if (fold(st, k, done, top, err, errlen) < 0)
			return -1;
		top = done[k];	/* the next size folds only complete buckets of this one */
	}
	return 0;
}

int store_rollup_flush(struct store *st, char *err, size_t errlen)
{
	struct store_rollup *ru = st->ru;
	int64_t done[NFOLDED], top = INT64_MIN, limit;
	if (ru == NULL || ru->txn.n == 0)
		return store_rollup_settle(st, err, errlen);	/* rows changed by others */
	if (load_marks(st, done, err, errlen) < 0)
		return -1;
	double newest = ru->txn_newest > ru->newest ? ru->txn_newest : ru->newest;
	limit = rollup_bucket(newest - CLOSE_GRACE, ROLLUP_HOUR);
	ru->txn_held.n = 0;
	qsort(ru->txn.p, ru->txn.n, sizeof *ru->txn.p, by_sec_start_key);	/* index rebuilt at commit */
	for (size_t i = 0; i < ru->txn.n; i++) {
		struct pending *p = &ru->txn.p[i];
		int64_t h = rollup_bucket((double)p->start, ROLLUP_HOUR);
		top = p->start > top ? p->start : top;
		/* Held while its hour is recent and no larger bucket holds it
		 * (readers take open hours from the rows; outside a transaction
		 * the row is committed already). */
		p->held = st->in_txn && h >= limit && h >= done[NFOLDED - 1];
		if (!p->held && write_group(st, p, done, err, errlen) < 0)
			return -1;
	}
	for (size_t i = 0; i < ru->txn_ids.n; i++) {
		struct ids_hour *x = &ru->txn_ids.h[i];
		x->held = st->in_txn && x->hour >= limit && x->hour >= done[NFOLDED - 1];
		if (!x->held && store_ids_write(st, &ru->txn_ids, x->hour, err, errlen) < 0)
			return -1;
	}
	for (size_t i = 0; i < ru->txn_rows.n; i++) {
		int64_t h = ru->txn_rows.v[i].hour;
		if (!st->in_txn || h < limit || h < done[NFOLDED - 1])
			continue;
		if (exec_i64(st, SQL_OPEN_ADD, h, ru->txn_rows.v[i].n, ru->owner, 0, 3,
			     "opening an hour", err, errlen) < 0)
			return -1;
		hours_add(&ru->txn_held, h, ru->txn_rows.v[i].n);
	}
	if (store_reason_flush(st, ru->reasons, spans, done, NFOLDED, err, errlen) < 0 ||
	    close_hours(st, ru, limit, done, err, errlen) < 0)
		return -1;
	return fold_below(st, done, top, err, errlen);
}

/* The end of the latest hour with rollups (INT64_MIN: none), as the
 * writer that stored it folded up to when it closed the hour. */
static int hours_end(struct store *st, int64_t *top, char *err, size_t errlen)
{
	*top = INT64_MIN;
	for (int sec = 0; sec < RU__COUNT; sec++) {
		sqlite3_stmt *s = store_stmt(st, SQL_RU_LAST_HOUR, err, errlen);
		int rc;
		if (s == NULL)
			return -1;
		sqlite3_bind_int(s, 1, sec);
		if ((rc = sqlite3_step(s)) == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL &&
		    sqlite3_column_int64(s, 0) + ROLLUP_HOUR > *top)
			*top = sqlite3_column_int64(s, 0) + ROLLUP_HOUR;
		sqlite3_reset(s);
		if (rc != SQLITE_ROW)
			return store_fail(st, "reading rollups", err, errlen);
	}
	return 0;
}

int store_rollup_catch_up(struct store *st, char *err, size_t errlen)
{
	int64_t done[NFOLDED], top, t, open;
	int behind = 0;
	if (load_marks(st, done, err, errlen) < 0 || first_open(st, INT64_MIN, &open, err, errlen) < 0 ||
	    hours_end(st, &top, err, errlen) < 0)
		return -1;
	/* what fold_below would do: nothing, in a database kept by this version */
	t = top < open ? top : open;
	for (size_t k = NFOLDED; k-- > 0;) {
		int64_t to = rollup_bucket((double)t, spans[k]);
		behind |= to > done[k];
		t = to > done[k] ? to : done[k];
	}
	if (!behind)
		return 0;
	if (store_begin(st, err, errlen) < 0)
		return -1;
	if (fold_below(st, done, top, err, errlen) < 0 || store_commit(st, err, errlen) < 0) {
		store_rollback(st);
		return -1;
	}
	return 0;
}

int store_close_hours(struct store *st, char *err, size_t errlen)
{
	struct store_rollup *ru = st->ru;
	int64_t done[NFOLDED];
	if (ru == NULL || ru->held_rows.n == 0)
		return 0;
	if (store_begin(st, err, errlen) < 0)
		return -1;
	if (load_marks(st, done, err, errlen) < 0 ||
	    close_hours(st, ru, INT64_MAX, done, err, errlen) < 0 ||
	    fold_below(st, done, rollup_bucket(ru->newest, ROLLUP_HOUR) + ROLLUP_HOUR, err,
		       errlen) < 0 ||
	    store_commit(st, err, errlen) < 0) {
		store_rollback(st);
		return -1;
	}
	return 0;
}

static int was_closed(const struct store_rollup *ru, int64_t start)
{
	int64_t h = rollup_bucket((double)start, ROLLUP_HOUR);
	for (size_t i = 0; i < ru->closed.n; i++)
		if (ru->closed.v[i].hour == h)
			return 1;
	return 0;
}

/* Forgets the held groups of the hours this transaction closed. */
static void forget_closed(struct store_rollup *ru)
{
	struct gset kept;
	size_t j = 0;
	gset_init(&kept);
	for (size_t i = 0; i < ru->held.n; i++) {
		const struct pending *p = &ru->held.p[i];
		if (!was_closed(ru, p->start))
			merge(pending_of(ru, &kept, p->start, p->sec, p->key, p->klen), p);
	}
	gset_free(&ru->held);
	ru->held = kept;
	for (size_t i = 0; i < ru->held_rows.n; i++)
		if (!was_closed(ru, ru->held_rows.v[i].hour))
			ru->held_rows.v[j++] = ru->held_rows.v[i];
	ru->held_rows.n = j;
	for (size_t i = 0; i < ru->closed.n; i++)
		store_ids_forget(&ru->held_ids, ru->closed.v[i].hour);
}

void store_rollup_committed(struct store *st)
{
	struct store_rollup *ru = st->ru;
	if (ru == NULL)
		return;
	if (ru->closed.n > 0)
		forget_closed(ru);
	for (size_t i = 0; i < ru->txn.n; i++) {
		const struct pending *p = &ru->txn.p[i];
		if (p->held)
			merge(pending_of(ru, &ru->held, p->start, p->sec, p->key, p->klen), p);
	}
	for (size_t i = 0; i < ru->txn_held.n; i++)
		hours_add(&ru->held_rows, ru->txn_held.v[i].hour, ru->txn_held.v[i].n);
	for (size_t i = 0; i < ru->txn_ids.n; i++)
		if (ru->txn_ids.h[i].held)
			store_ids_merge(&ru->held_ids, &ru->txn_ids.h[i]);
	if (ru->txn_newest > ru->newest)
		ru->newest = ru->txn_newest;
	store_rollup_drop(st);
}

void store_rollup_drop(struct store *st)
{
	struct store_rollup *ru = st->ru;
	if (ru == NULL)
		return;
	gset_clear(&ru->txn);
	store_ids_clear(&ru->txn_ids);
	ru->txn_rows.n = ru->txn_held.n = ru->closed.n = 0;
	ru->txn_newest = ru->newest;
	reason_set_clear(ru->reasons);
}

void store_rollup_free(struct store_rollup *ru)
{
	if (ru == NULL)
		return;
	gset_free(&ru->txn);
	gset_free(&ru->held);
	store_ids_release(&ru->txn_ids);
	store_ids_release(&ru->held_ids);
	free(ru->txn_rows.v);
	free(ru->txn_held.v);
	free(ru->held_rows.v);
	free(ru->closed.v);
	free(ru->kbuf);
	reason_set_free(ru->reasons);
	free(ru);
}

int store_rollup_close_before(struct store *st, double before, char *err, size_t errlen)
{
	int64_t done[NFOLDED];
	if (load_marks(st, done, err, errlen) < 0)
		return -1;
	return close_hours(st, st->ru, rollup_bucket(before, ROLLUP_HOUR) + ROLLUP_HOUR, done, err,
			   errlen);
}

int store_rollup_open_from(struct store *st, int64_t from, int64_t *h, char *err, size_t errlen)
{
	return first_open(st, from, h, err, errlen);
}

/* Statement sql of a range of one bucket size, bound; NULL with err. */
static sqlite3_stmt *range_stmt(struct store *st, const char *sql, enum rollup_sec sec,
				int64_t span, int64_t from, int64_t to, char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, sql, err, errlen);
	if (s == NULL)
		return NULL;
	sqlite3_bind_int64(s, 1, span);
	sqlite3_bind_int(s, 2, (int)sec);
	sqlite3_bind_int64(s, 3, from);
	sqlite3_bind_int64(s, 4, to);
	return s;
}

/* Resets s after its last step (rc); 0, or -1 with err. */
static int range_end(struct store *st, sqlite3_stmt *s, int rc, char *err, size_t errlen)
{
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, "reading rollups", err, errlen);
}

/* The series' columns of one bucket size (store_rollup_read, span > 0). */
static int read_series(struct store *st, enum rollup_sec sec, int64_t span, int64_t from,
		       int64_t to, rollup_row_fn fn, void *arg, char *err, size_t errlen)
{
	sqlite3_stmt *s = range_stmt(st, SQL_RU_RANGE_SERIES, sec, span, from, to, err, errlen);
	int rc;
	if (s == NULL)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct rollup_row r = {
			.span = span,
			.start = sqlite3_column_int64(s, 0),
			.key = "",
			.attempts = sqlite3_column_int64(s, 1),
			.sent = sqlite3_column_int64(s, 2),
			.deferred = sqlite3_column_int64(s, 3),
			.bounced = sqlite3_column_int64(s, 4),
			.blocks = sqlite3_column_int64(s, 5),
		};
		fn(arg, &r);
	}
	return range_end(st, s, rc, err, errlen);
}

/* The rows of one bucket size; full: with expired, first and last. */
static int read_span(struct store *st, enum rollup_sec sec, int64_t span, int64_t from, int64_t to,
		     int full, rollup_row_fn fn, void *arg, char *err, size_t errlen)
{
	sqlite3_stmt *s = range_stmt(st, full ? SQL_RU_RANGE : SQL_RU_RANGE_KEYED, sec, span, from, to,
				     err, errlen);
	int rc, x = full ? 1 : 0;	/* the columns after bounced move by one */
	if (s == NULL)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct rollup_row r = {
			.span = span,
			.start = sqlite3_column_int64(s, 0),
			.key = (const char *)sqlite3_column_text(s, 1),
			.klen = (size_t)sqlite3_column_bytes(s, 1),
			.extra = (const char *)sqlite3_column_text(s, 2),
			.elen = (size_t)sqlite3_column_bytes(s, 2),
			.attempts = sqlite3_column_int64(s, 3),
			.sent = sqlite3_column_int64(s, 4),
			.deferred = sqlite3_column_int64(s, 5),
			.bounced = sqlite3_column_int64(s, 6),
			.expired = full ? sqlite3_column_int64(s, 7) : 0,
			.blocks = sqlite3_column_int64(s, 7 + x),
			.ndelay = sqlite3_column_int64(s, 8 + x),
			.delay_us = sqlite3_column_int64(s, 9 + x),
			.has_delay_max = sqlite3_column_type(s, 10 + x) != SQLITE_NULL,
			.delay_max = sqlite3_column_double(s, 10 + x),
			.has_last_sent = sqlite3_column_type(s, 11 + x) != SQLITE_NULL,
			.last_sent = sqlite3_column_double(s, 11 + x),
			.first = full ? sqlite3_column_double(s, 13) : 0,
			.last = full ? sqlite3_column_double(s, 14) : 0,
		};
		if (r.key == NULL)
			r.key = "";
		fn(arg, &r);
	}
	return range_end(st, s, rc, err, errlen);
}

/* Covers [from, to) with the largest complete buckets from spans[level]
 * down (done: the marks of the folded sizes). */
static int cover(struct store *st, const int64_t *done, size_t level, int64_t from, int64_t to,
		 rollup_span_fn fn, void *arg, char *err, size_t errlen)
{
	for (; from < to && level < NSPANS; level++) {
		int64_t sp = spans[level];
		int64_t lo = from + (sp - ((from % sp) + sp) % sp) % sp, hi = to - ((to % sp) + sp) % sp;
		if (level < NFOLDED && hi > done[level])
			hi = done[level];
		if (lo >= hi)
			continue;
		if (fn(arg, st, sp, lo, hi, err, errlen) < 0 ||
		    cover(st, done, level + 1, from, lo, fn, arg, err, errlen) < 0 ||
		    cover(st, done, level + 1, hi, to, fn, arg, err, errlen) < 0)
			return -1;
		return 0;
	}
	return 0;
}

int store_rollup_cover(struct store *st, int64_t from, int64_t to, rollup_span_fn fn, void *arg,
		       char *err, size_t errlen)
{
	int64_t done[NFOLDED];
	if (load_marks(st, done, err, errlen) < 0)
		return -1;
	return cover(st, done, 0, from, to, fn, arg, err, errlen);
}

struct section_read {
	enum rollup_sec sec;
	rollup_row_fn fn;
	void *arg;
};

static int on_span(void *arg, struct store *st, int64_t span, int64_t from, int64_t to, char *err,
		   size_t errlen)
{
	const struct section_read *r = arg;
	return read_span(st, r->sec, span, from, to, r->sec == RU_TOTALS, r->fn, r->arg, err, errlen);
}

int store_rollup_read(struct store *st, enum rollup_sec sec, int64_t from, int64_t to,
		      int64_t span, rollup_row_fn fn, void *arg, char *err, size_t errlen)
{
	struct section_read r = { sec, fn, arg };
	if (span > 0)
		return read_series(st, sec, span, from, to, fn, arg, err, errlen);
	return store_rollup_cover(st, from, to, on_span, &r, err, errlen);
}

void rollup_whole_hours(double since, double until, int64_t *q0, int64_t *q1)
{
	*q0 = rollup_bucket(since + ROLLUP_HOUR, ROLLUP_HOUR);
	*q1 = rollup_bucket(until, ROLLUP_HOUR);
	if (since == (double)rollup_bucket(since, ROLLUP_HOUR))
		*q0 = (int64_t)since;
}

int store_rollup_settle(struct store *st, char *err, size_t errlen)
{
	int64_t done[NFOLDED];
	if (load_marks(st, done, err, errlen) < 0)
		return -1;
	return store_reason_flush(st, NULL, spans, done, NFOLDED, err, errlen);
}
