/* store_rollup - rollups of the stored attempts (see store_rollup.h). Part
 * of the store family.
 *
 * Pending groups are keyed by quarter hour, section and key (a byte span:
 * 8 bytes of start, 1 of section, then the key) in a strmap; a batch of
 * attempts usually falls in one or two quarters, so a commit writes a few
 * groups per section however many rows it stored. Each group is added to
 * its bucket of every size with one upsert.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "store_int.h"
#include "store_reason.h"
#include "store_rollup.h"
#include "strmap.h"
#include "xmalloc.h"

/* Largest first: the read side covers a window greedily. Ingest writes
 * hours (and the totals' quarters); the larger sizes are folded from the
 * next smaller one when complete (fold()), their done marks in
 * rollup_marks. */
static const int64_t spans[] = { 8640000, 864000, 86400, ROLLUP_HOUR };
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
/* The buckets of span ?1 from those of span ?2 in [?4, ?5), section ?3. */
static const char SQL_RU_FOLD[] =
	"INSERT INTO rollups (span, sec, start, key, extra, attempts, sent, deferred, bounced, "
	"expired, blocks, ndelay, delay_us, delay_max, last_sent, first, last) "
	"SELECT ?1, sec, start - ((start % ?1) + ?1) % ?1 AS b, key, max(extra), sum(attempts), "
	"sum(sent), sum(deferred), sum(bounced), sum(expired), sum(blocks), sum(ndelay), "
	"sum(delay_us), max(delay_max), max(last_sent), min(first), max(last) FROM rollups "
	"WHERE span = ?2 AND sec = ?3 AND start >= ?4 AND start < ?5 GROUP BY b, key " UPSERT_SET;
static const char SQL_RU_MARKS[] = "SELECT span, done FROM rollup_marks";
static const char SQL_RU_MARK[] = "UPDATE rollup_marks SET done = ?2 WHERE span = ?1";
static const char SQL_RU_RANGE[] =
	"SELECT start, key, extra, attempts, sent, deferred, bounced, expired, blocks, ndelay, "
	"delay_us, delay_max, last_sent, first, last FROM rollups "
	"WHERE span = ?1 AND sec = ?2 AND start >= ?3 AND start < ?4";

struct pending {
	int64_t start;
	int sec;
	char *key, *extra;
	size_t klen, elen;
	int64_t attempts, sent, deferred, bounced, expired, blocks, ndelay;
	int64_t delay_us;
	double delay_max, last_sent, first, last;
	int has_delay_max, has_last_sent;
};

struct store_rollup {
	struct reason_set *reasons;	/* the reasons section's pending groups */
	struct strmap idx;
	struct pending *p;
	size_t n, cap;
	char *kbuf;	/* the lookup key, grown as needed */
	size_t kcap;
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

static struct pending *pending_of(struct store_rollup *ru, int64_t start, int sec,
				  const char *key, size_t len)
{
	size_t i, n;
	if (len + 9 > ru->kcap) {
		ru->kcap = len + 9 + 256;
		ru->kbuf = xrealloc(ru->kbuf, ru->kcap);
	}
	memcpy(ru->kbuf, &start, 8);
	ru->kbuf[8] = (char)sec;
	memcpy(ru->kbuf + 9, key, len);
	n = len + 9;
	if (strmap_get(&ru->idx, ru->kbuf, n, &i))
		return &ru->p[i];
	if (ru->n == ru->cap) {
		ru->cap = ru->cap ? ru->cap * 2 : 64;
		ru->p = xrealloc(ru->p, ru->cap * sizeof *ru->p);
	}
	struct pending *p = &ru->p[ru->n];
	*p = (struct pending){ .start = start, .sec = sec, .key = xmalloc(len + 1), .klen = len };
	memcpy(p->key, key, len);
	p->key[len] = '\0';
	strmap_put(&ru->idx, ru->kbuf, n, ru->n++, NULL);
	return p;
}

static void add_to(struct pending *p, const struct delivery *d, int block)
{
	enum delivery_status s = d->status;
	p->first = p->attempts == 0 || d->ts < p->first ? d->ts : p->first;
	p->last = p->attempts == 0 || d->ts > p->last ? d->ts : p->last;
	p->attempts++;
	p->blocks += block;
	p->deferred += s == DS_DEFERRED;
	p->bounced += s == DS_BOUNCED;
	p->expired += s == DS_EXPIRED;
	if (s != DS_SENT)
		return;
	p->sent++;
	if (!p->has_last_sent || d->ts > p->last_sent)
		p->last_sent = d->ts;
	p->has_last_sent = 1;
	if (d->delay >= 0) {
		if (!p->has_delay_max || d->delay > p->delay_max)
			p->delay_max = d->delay;
		p->has_delay_max = 1;
		p->delay_us += llround(d->delay * 1e6);
		p->ndelay++;
	}
}

/* A text column as SQL sees it: NULL for a NULL span (or "" where the
 * store binds "" as NULL: opt). */
static int text_of(struct str s, const char **p, size_t *n)
{
	*p = s.p;
	*n = s.len;
	return s.p != NULL;
}

static int opt_of(const char *s, const char **p, size_t *n)
{
	*p = s;
	*n = s ? strlen(s) : 0;
	return s != NULL && *s != '\0';
}

void store_rollup_note(struct store *st, const struct delivery *d, const struct verdict *v)
{
	struct store_rollup *ru = st->ru;
	const char *p;
	size_t n;
	int block = v->block != 0;
	int64_t q = rollup_bucket(d->ts, ROLLUP_QUARTER);
	if (ru == NULL) {
		ru = st->ru = xcalloc(1, sizeof *ru);
		strmap_init(&ru->idx);
		ru->reasons = reason_set_new();
	}
	reason_set_note(ru->reasons, d, v);
	if (d->local) {
		if (!text_of(d->program, &p, &n))
			p = "(none)", n = 6;
		add_to(pending_of(ru, q, RU_LOCAL, p, n), d, block);
		return;
	}
	add_to(pending_of(ru, q, RU_TOTALS, "", 0), d, block);
	if (!opt_of(v->provider, &p, &n))
		p = "(unknown)", n = 9;
	add_to(pending_of(ru, q, RU_PROVIDER, p, n), d, block);
	if (!opt_of(v->pool, &p, &n) && !opt_of(v->provider, &p, &n))
		p = "(unknown)", n = 9;
	add_to(pending_of(ru, q, RU_POOL, p, n), d, block);
	if (!opt_of(d->rcpt_domain, &p, &n))
		p = "(none)", n = 6;
	add_to(pending_of(ru, q, RU_DOMAIN, p, n), d, block);
	if (!text_of(d->relay_ip, &p, &n))
		p = "(none)", n = 6;
	struct pending *r = pending_of(ru, q, RU_RELAY, p, n);
	add_to(r, d, block);
	if (text_of(d->relay_host, &p, &n) && (r->extra == NULL || span_gt(p, n, r->extra, r->elen))) {
		free(r->extra);
		r->extra = xmalloc(n + 1);
		memcpy(r->extra, p, n);
		r->extra[n] = '\0';
		r->elen = n;
	}
	if (!opt_of(v->sending_ip, &p, &n))
		p = "(not named)", n = 11;
	add_to(pending_of(ru, q, RU_SENDING_IP, p, n), d, block);
	if (!text_of(d->host, &p, &n))
		p = "(none)", n = 6;
	add_to(pending_of(ru, q, RU_HOST, p, n), d, block);
	if (!d->has_sender)
		p = "(unknown)", n = 9;
	else if (d->sender.len == 0)
		p = "<>", n = 2;
	else
		p = d->sender.p, n = d->sender.len;
	add_to(pending_of(ru, q, RU_SENDER, p, n), d, block);
	if (opt_of(v->blocklist, &p, &n))
		add_to(pending_of(ru, q, RU_BLOCKLIST, p, n), d, block);
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

/* Folds the complete buckets of spans[k + 1] below upto into spans[k],
 * for every section, and moves the mark. */
static int fold(struct store *st, size_t k, int64_t *done, int64_t upto, char *err, size_t errlen)
{
	int64_t to = rollup_bucket((double)upto, spans[k]);
	sqlite3_stmt *s;
	if (to <= done[k])
		return 0;
	for (int sec = 0; sec < RU__COUNT; sec++) {
		if ((s = store_stmt(st, SQL_RU_FOLD, err, errlen)) == NULL)
			return -1;
		sqlite3_bind_int64(s, 1, spans[k]);
		sqlite3_bind_int64(s, 2, spans[k + 1]);
		sqlite3_bind_int(s, 3, sec);
		sqlite3_bind_int64(s, 4, done[k]);
		sqlite3_bind_int64(s, 5, to);
		if (store_exec_stmt(st, s, "folding rollups", err, errlen) < 0)
			return -1;
	}
	if (store_reason_fold(st, spans[k], spans[k + 1], done[k], to, err, errlen) < 0)
		return -1;
	if ((s = store_stmt(st, SQL_RU_MARK, err, errlen)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, spans[k]);
	sqlite3_bind_int64(s, 2, to);
	if (store_exec_stmt(st, s, "moving a rollup mark", err, errlen) < 0)
		return -1;
	done[k] = to;
	return 0;
}

int store_rollup_flush(struct store *st, char *err, size_t errlen)
{
	struct store_rollup *ru = st->ru;
	int64_t done[NFOLDED], top = INT64_MIN;
	if (ru == NULL || ru->n == 0)
		return store_rollup_settle(st, err, errlen);	/* rows changed by others */
	if (load_marks(st, done, err, errlen) < 0)
		return -1;
	qsort(ru->p, ru->n, sizeof *ru->p, by_sec_start_key);	/* the index is dropped below */
	for (size_t i = 0; i < ru->n; i++) {
		const struct pending *p = &ru->p[i];
		top = p->start > top ? p->start : top;
		if (upsert(st, p, ROLLUP_HOUR, err, errlen) < 0 ||
		    (p->sec == RU_TOTALS && upsert(st, p, ROLLUP_QUARTER, err, errlen) < 0))
			return -1;
		/* stored late: the larger buckets of its time are folded already */
		for (size_t k = 0; k < NFOLDED; k++)
			if (rollup_bucket((double)p->start, spans[k]) < done[k] &&
			    upsert(st, p, spans[k], err, errlen) < 0)
				return -1;
	}
	if (store_reason_flush(st, ru->reasons, spans, done, NFOLDED, err, errlen) < 0)
		return -1;
	for (size_t k = NFOLDED; k-- > 0;) {
		if (fold(st, k, done, top, err, errlen) < 0)
			return -1;
		top = done[k];	/* the next size folds only complete buckets of this one */
	}
	store_rollup_drop(st);
	return 0;
}

void store_rollup_drop(struct store *st)
{
	struct store_rollup *ru = st->ru;
	if (ru == NULL)
		return;
	for (size_t i = 0; i < ru->n; i++) {
		free(ru->p[i].key);
		free(ru->p[i].extra);
	}
	ru->n = 0;
	strmap_release(&ru->idx);
	strmap_init(&ru->idx);
	reason_set_clear(ru->reasons);
}

void store_rollup_free(struct store_rollup *ru)
{
	if (ru == NULL)
		return;
	for (size_t i = 0; i < ru->n; i++) {
		free(ru->p[i].key);
		free(ru->p[i].extra);
	}
	free(ru->p);
	free(ru->kbuf);
	reason_set_free(ru->reasons);
	strmap_release(&ru->idx);
	free(ru);
}

static int read_span(struct store *st, enum rollup_sec sec, int64_t span, int64_t from, int64_t to,
		     rollup_row_fn fn, void *arg, char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_RU_RANGE, err, errlen);
	int rc;
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, span);
	sqlite3_bind_int(s, 2, (int)sec);
	sqlite3_bind_int64(s, 3, from);
	sqlite3_bind_int64(s, 4, to);
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
		if (r.key == NULL)
			r.key = "";
		fn(arg, &r);
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, "reading rollups", err, errlen);
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
	return read_span(st, r->sec, span, from, to, r->fn, r->arg, err, errlen);
}

int store_rollup_read(struct store *st, enum rollup_sec sec, int64_t from, int64_t to,
		      int64_t span, rollup_row_fn fn, void *arg, char *err, size_t errlen)
{
	struct section_read r = { sec, fn, arg };
	if (span > 0)
		return read_span(st, sec, span, from, to, fn, arg, err, errlen);
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
