/* store_reason - the reasons section from rollups (see store_reason.h).
 * Part of the store family.
 *
 * Groups live in a reason_set: a strmap from a byte key (bucket start,
 * then status and reason each with its length, then the rule id) to an
 * array of groups. The same set serves every use: the pending groups of a
 * transaction (one per hour), a fold (one per larger bucket), an hour
 * rebuilt from its rows, and a report (every bucket at start 0). Rollup
 * rows are written whole (INSERT OR REPLACE) after merging with what the
 * bucket held: the domain list cannot be added up in SQL.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "normalise.h"
#include "store_int.h"
#include "store_reason.h"
#include "store_rollup.h"
#include "strmap.h"
#include "xmalloc.h"

/* Columns of SQL_RS_GET and SQL_RS_RANGE, in this order. */
enum { R_STATUS, R_REASON, R_RULE, R_PROVIDER, R_CATEGORY, R_COUNT, R_FIRST, R_LAST,
       R_DOMAINS, R_MORE, R_NLOCAL, R_START };
#define RS_COLS "status, reason, rule, provider, category, count, first, last, domains, more, " \
	"nlocal"
static const char SQL_RS_GET[] =
	"SELECT " RS_COLS ", start FROM reason_rollups "
	"WHERE span = ?1 AND start = ?2 AND status = ?3 AND reason = ?4 AND rule = ?5";
static const char SQL_RS_RANGE[] =
	"SELECT " RS_COLS ", start FROM reason_rollups WHERE span = ?1 AND start >= ?2 AND start < ?3";
static const char SQL_RS_PUT[] =
	"INSERT OR REPLACE INTO reason_rollups (span, start, " RS_COLS ") "
	"VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13)";
static const char SQL_RS_CLEAR[] =
	"DELETE FROM reason_rollups WHERE span = ?1 AND start >= ?2 AND start < ?3";
/* What the report's row SQL (store_report.c) groups. */
enum { W_TS, W_STATUS, W_REPLY, W_RULE, W_PROVIDER, W_CATEGORY, W_DOMAIN, W_LOCAL };
static const char SQL_RS_ROWS[] =
	"SELECT ts, status, reply, rule_id, provider, category, rcpt_domain, is_local FROM deliveries "
	"WHERE ts >= ?1 AND ts < ?2 AND status <> 'sent' AND reply IS NOT NULL";
static const char SQL_RS_STALE[] =
	"SELECT start FROM reason_stale WHERE start >= ?1 AND start < ?2 ORDER BY start";
static const char SQL_RS_UNSTALE[] = "DELETE FROM reason_stale WHERE start >= ?1 AND start < ?2";

struct rdom {
	char *d[REASON_DOMAINS];	/* distinct, in byte order */
	size_t len[REASON_DOMAINS];
	int n, more;
};

struct rgroup {
	int64_t start;
	char *key;			/* the map key (owned); the spans below point into it */
	struct str status, reason, rule;	/* rule "": none */
	char *provider, *category;	/* max(), NULL when none */
	size_t plen, clen;
	int64_t count, nlocal;	/* nlocal: of them, deliveries into local mailboxes */
	double first, last;
	struct rdom dom;
};

struct reason_set {
	struct strmap idx;
	struct rgroup *g;
	size_t n, cap;
	char *kbuf;
	size_t kcap;
	char norm[REASON_MAX];
};

static int bytes_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	int c = an && bn ? memcmp(a, b, an < bn ? an : bn) : 0;
	return c ? c : (an > bn) - (an < bn);
}

static char *dup_bytes(const char *p, size_t n)
{
	char *s = xmalloc(n + 1);
	if (n)
		memcpy(s, p, n);
	s[n] = '\0';
	return s;
}

/* Keeps the REASON_DOMAINS smallest distinct domains seen; more: one was
 * left out (then at least REASON_DOMAINS + 1 distinct ones were seen). */
static void dom_add(struct rdom *m, const char *p, size_t n)
{
	int lo = 0, hi = m->n;
	while (lo < hi) {
		int mid = (lo + hi) / 2, c = bytes_cmp(m->d[mid], m->len[mid], p, n);
		if (c == 0)
			return;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == REASON_DOMAINS) {
		m->more = 1;
		return;
	}
	if (m->n == REASON_DOMAINS) {
		free(m->d[--m->n]);
		m->more = 1;
	}
	memmove(&m->d[lo + 1], &m->d[lo], (size_t)(m->n - lo) * sizeof *m->d);
	memmove(&m->len[lo + 1], &m->len[lo], (size_t)(m->n - lo) * sizeof *m->len);
	m->d[lo] = dup_bytes(p, n);
	m->len[lo] = n;
	m->n++;
}

static void dom_release(struct rdom *m)
{
	for (int i = 0; i < m->n; i++)
		free(m->d[i]);
	m->n = m->more = 0;
}

/* The list as the report shows it: "a.example,b.example" and ",..." when
 * there are more; NULL when empty. Owned by the caller. */
static char *dom_text(const struct rdom *m, size_t *len)
{
	size_t n = m->more ? 4 : 0;
	char *s, *p;
	if (m->n == 0)
		return NULL;
	for (int i = 0; i < m->n; i++)
		n += m->len[i] + (i > 0);
	p = s = xmalloc(n + 1);
	for (int i = 0; i < m->n; i++) {
		if (i)
			*p++ = ',';
		if (m->len[i])
			memcpy(p, m->d[i], m->len[i]);
		p += m->len[i];
	}
	if (m->more)
		memcpy(p, ",...", 4);
	s[n] = '\0';
	*len = n;
	return s;
}

/* The stored form: each domain followed by a NUL byte. */
static char *dom_blob(const struct rdom *m, size_t *len)
{
	size_t n = 0;
	char *s;
	for (int i = 0; i < m->n; i++)
		n += m->len[i] + 1;
	s = xmalloc(n + 1);
	*len = 0;
	for (int i = 0; i < m->n; i++) {
		if (m->len[i])
			memcpy(s + *len, m->d[i], m->len[i]);
		*len += m->len[i];
		s[(*len)++] = '\0';
	}
	return s;
}

static void dom_add_blob(struct rdom *m, const char *p, size_t n)
{
	while (n > 0) {
		const char *z = memchr(p, '\0', n);
		size_t k = z ? (size_t)(z - p) : n;
		dom_add(m, p, k);
		k += z != NULL;
		p += k;
		n -= k;
	}
}

static void text_max(char **v, size_t *vl, const char *p, size_t n)
{
	if (p == NULL || (*v && bytes_cmp(p, n, *v, *vl) <= 0))
		return;
	free(*v);
	*v = dup_bytes(p, n);
	*vl = n;
}

struct reason_set *reason_set_new(void)
{
	struct reason_set *rs = xcalloc(1, sizeof *rs);
	strmap_init(&rs->idx);
	return rs;
}

void reason_set_clear(struct reason_set *rs)
{
	if (rs == NULL)
		return;
	for (size_t i = 0; i < rs->n; i++) {
		free(rs->g[i].key);
		free(rs->g[i].provider);
		free(rs->g[i].category);
		dom_release(&rs->g[i].dom);
	}
	rs->n = 0;
	strmap_release(&rs->idx);
	strmap_init(&rs->idx);
}

void reason_set_free(struct reason_set *rs)
{
	if (rs == NULL)
		return;
	reason_set_clear(rs);
	strmap_release(&rs->idx);
	free(rs->g);
	free(rs->kbuf);
	free(rs);
}

static void put_span(char *buf, size_t *at, struct str s, int with_len)
{
	if (with_len) {
		uint32_t n = (uint32_t)s.len;
		memcpy(buf + *at, &n, 4);
		*at += 4;
	}
	if (s.len)
		memcpy(buf + *at, s.p, s.len);
	*at += s.len;
}

/* The group of (start, status, reason, rule): its index in rs->g. */
static size_t group_of(struct reason_set *rs, int64_t start, struct str status, struct str reason,
		       struct str rule)
{
	size_t n = 8 + 4 + status.len + 4 + reason.len + rule.len, i;
	if (n > rs->kcap) {
		rs->kcap = n + 256;
		rs->kbuf = xrealloc(rs->kbuf, rs->kcap);
	}
	memcpy(rs->kbuf, &start, 8);
	i = 8;
	put_span(rs->kbuf, &i, status, 1);
	put_span(rs->kbuf, &i, reason, 1);
	put_span(rs->kbuf, &i, rule, 0);
	if (strmap_get(&rs->idx, rs->kbuf, n, &i))
		return i;
	if (rs->n == rs->cap) {
		rs->cap = rs->cap ? rs->cap * 2 : 64;
		rs->g = xrealloc(rs->g, rs->cap * sizeof *rs->g);
	}
	struct rgroup *g = &rs->g[rs->n];
	*g = (struct rgroup){ .start = start, .key = dup_bytes(rs->kbuf, n) };
	g->status = str_make(g->key + 12, status.len);
	g->reason = str_make(g->key + 16 + status.len, reason.len);
	g->rule = str_make(g->key + 16 + status.len + reason.len, rule.len);
	strmap_put(&rs->idx, rs->kbuf, n, rs->n, NULL);
	return rs->n++;
}

static void add_times(struct rgroup *g, int64_t count, double first, double last)
{
	g->first = g->count == 0 || first < g->first ? first : g->first;
	g->last = g->count == 0 || last > g->last ? last : g->last;
	g->count += count;
}

static struct str col_str(sqlite3_stmt *s, int i)
{
	const char *p = (const char *)sqlite3_column_text(s, i);
	return str_make(p, p ? (size_t)sqlite3_column_bytes(s, i) : 0);
}

/* One row of SQL_RS_ROWS into the group of bucket start. */
static void add_row(struct reason_set *rs, int64_t start, sqlite3_stmt *s)
{
	struct str reply = col_str(s, W_REPLY), st = col_str(s, W_STATUS), dom;
	struct str reason = { rs->norm, reply_normalise(reply.p ? reply.p : "", reply.len,
							 rs->norm, sizeof rs->norm) };
	double ts = sqlite3_column_double(s, W_TS);
	size_t i = group_of(rs, start, st, reason, col_str(s, W_RULE));
	struct rgroup *g = &rs->g[i];	/* after group_of: it may move rs->g */
	struct str pr = col_str(s, W_PROVIDER), ca = col_str(s, W_CATEGORY);
	text_max(&g->provider, &g->plen, pr.p, pr.len);
	text_max(&g->category, &g->clen, ca.p, ca.len);
	add_times(g, 1, ts, ts);
	g->nlocal += sqlite3_column_int(s, W_LOCAL) != 0;
	if ((dom = col_str(s, W_DOMAIN)).p)
		dom_add(&g->dom, dom.p, dom.len);
}

/* One rollup row (SQL_RS_GET, SQL_RS_RANGE) into the group of bucket start. */
static void add_rollup(struct reason_set *rs, int64_t start, sqlite3_stmt *s)
{
	size_t i = group_of(rs, start, col_str(s, R_STATUS), col_str(s, R_REASON), col_str(s, R_RULE));
	struct rgroup *g = &rs->g[i];
	struct str pr = col_str(s, R_PROVIDER), ca = col_str(s, R_CATEGORY);
	const char *b = sqlite3_column_blob(s, R_DOMAINS);
	text_max(&g->provider, &g->plen, pr.p, pr.len);
	text_max(&g->category, &g->clen, ca.p, ca.len);
	add_times(g, sqlite3_column_int64(s, R_COUNT), sqlite3_column_double(s, R_FIRST),
		  sqlite3_column_double(s, R_LAST));
	g->nlocal += sqlite3_column_int64(s, R_NLOCAL);
	if (b)
		dom_add_blob(&g->dom, b, (size_t)sqlite3_column_bytes(s, R_DOMAINS));
	g->dom.more |= sqlite3_column_int(s, R_MORE) != 0;
}

void reason_set_note(struct reason_set *rs, const struct delivery *d, const struct verdict *v)
{
	struct str reason, none = { NULL, 0 };
	if (d->status == DS_SENT || d->reply.p == NULL)
		return;
	reason = str_make(rs->norm, reply_normalise(d->reply.p, d->reply.len, rs->norm,
						    sizeof rs->norm));
	size_t i = group_of(rs, rollup_bucket(d->ts, ROLLUP_HOUR),
			    str_cstr(delivery_status_name(d->status)), reason,
			    v->rule_id ? str_cstr(v->rule_id) : none);
	struct rgroup *g = &rs->g[i];
	if (v->provider && *v->provider)
		text_max(&g->provider, &g->plen, v->provider, strlen(v->provider));
	if (v->category && *v->category)
		text_max(&g->category, &g->clen, v->category, strlen(v->category));
	add_times(g, 1, d->ts, d->ts);
	g->nlocal += d->local != 0;
	if (d->rcpt_domain[0])
		dom_add(&g->dom, d->rcpt_domain, strlen(d->rcpt_domain));
}

/* --- reading ------------------------------------------------------------- */

/* Rows in [from, to) into rs, each in its bucket of size span (0: start 0). */
static int from_rows(struct store *st, struct reason_set *rs, double from, double to,
		     int64_t span, char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_RS_ROWS, err, errlen);
	int rc;
	if (s == NULL)
		return -1;
	sqlite3_bind_double(s, 1, from);
	sqlite3_bind_double(s, 2, to);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		add_row(rs, span ? rollup_bucket(sqlite3_column_double(s, W_TS), span) : 0, s);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, "reading deliveries", err, errlen);
}

/* The rollups of span in [from, to) into rs, each in its bucket of size
 * into (0: start 0). */
static int from_rollups(struct store *st, struct reason_set *rs, int64_t span, int64_t from,
			int64_t to, int64_t into, char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_RS_RANGE, err, errlen);
	int rc;
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, span);
	sqlite3_bind_int64(s, 2, from);
	sqlite3_bind_int64(s, 3, to);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		add_rollup(rs, into ? rollup_bucket((double)sqlite3_column_int64(s, R_START), into) : 0, s);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, "reading reason rollups", err, errlen);
}

/* The stale hours in [from, to), ascending; *n of them (caller frees). */
static int64_t *stale_hours(struct store *st, int64_t from, int64_t to, size_t *n, int *fail,
			    char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_RS_STALE, err, errlen);
	int64_t *h = NULL;
	size_t cap = 0;
	int rc;
	*n = 0;
	*fail = s == NULL;
	if (s == NULL)
		return NULL;
	sqlite3_bind_int64(s, 1, from);
	sqlite3_bind_int64(s, 2, to);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap)
			h = xrealloc(h, (cap = cap ? cap * 2 : 16) * sizeof *h);
		h[(*n)++] = sqlite3_column_int64(s, 0);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		*fail = store_fail(st, "reading stale reason hours", err, errlen);
	return h;
}

/* --- writing ------------------------------------------------------------- */

static int put_group(struct store *st, const struct rgroup *g, int64_t span, char *err,
		     size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_RS_PUT, err, errlen);
	size_t blen = 0;
	char *blob;
	if (s == NULL)
		return -1;
	blob = dom_blob(&g->dom, &blen);
	sqlite3_bind_int64(s, 1, span);
	sqlite3_bind_int64(s, 2, g->start);
	sqlite3_bind_text(s, 3, g->status.p, (int)g->status.len, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, g->reason.p, (int)g->reason.len, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, g->rule.p, (int)g->rule.len, SQLITE_STATIC);
	if (g->provider)
		sqlite3_bind_text(s, 6, g->provider, (int)g->plen, SQLITE_STATIC);
	if (g->category)
		sqlite3_bind_text(s, 7, g->category, (int)g->clen, SQLITE_STATIC);
	sqlite3_bind_int64(s, 8, g->count);
	sqlite3_bind_double(s, 9, g->first);
	sqlite3_bind_double(s, 10, g->last);
	if (g->dom.n > 0)
		sqlite3_bind_blob(s, 11, blob, (int)blen, SQLITE_STATIC);
	sqlite3_bind_int(s, 12, g->dom.more);
	sqlite3_bind_int64(s, 13, g->nlocal);
	int ret = store_exec_stmt(st, s, "storing a reason rollup", err, errlen);
	sqlite3_clear_bindings(s);
	free(blob);
	return ret;
}

static int put_all(struct store *st, const struct reason_set *rs, int64_t span, char *err,
		   size_t errlen)
{
	for (size_t i = 0; i < rs->n; i++)
		if (put_group(st, &rs->g[i], span, err, errlen) < 0)
			return -1;
	return 0;
}

/* Deletes the buckets of span in [from, to). */
static int clear(struct store *st, int64_t span, int64_t from, int64_t to, char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_RS_CLEAR, err, errlen);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, span);
	sqlite3_bind_int64(s, 2, from);
	sqlite3_bind_int64(s, 3, to);
	return store_exec_stmt(st, s, "clearing reason rollups", err, errlen);
}

int store_reason_fold(struct store *st, int64_t span, int64_t child, int64_t from, int64_t to,
		      char *err, size_t errlen)
{
	struct reason_set *rs = reason_set_new();
	int ret = from_rollups(st, rs, child, from, to, span, err, errlen) < 0 ||
			  clear(st, span, from, to, err, errlen) < 0 ||
			  put_all(st, rs, span, err, errlen) < 0 ? -1 : 0;
	reason_set_free(rs);
	return ret;
}

/* Each pending group added to what its hour holds. */
static int merge_pending(struct store *st, struct reason_set *p, char *err, size_t errlen)
{
	for (size_t i = 0, n = p->n; i < n; i++) {
		sqlite3_stmt *s = store_stmt(st, SQL_RS_GET, err, errlen);
		int rc;
		if (s == NULL)
			return -1;
		sqlite3_bind_int64(s, 1, ROLLUP_HOUR);
		sqlite3_bind_int64(s, 2, p->g[i].start);
		sqlite3_bind_text(s, 3, p->g[i].status.p, (int)p->g[i].status.len, SQLITE_STATIC);
		sqlite3_bind_text(s, 4, p->g[i].reason.p, (int)p->g[i].reason.len, SQLITE_STATIC);
		sqlite3_bind_text(s, 5, p->g[i].rule.p, (int)p->g[i].rule.len, SQLITE_STATIC);
		if ((rc = sqlite3_step(s)) == SQLITE_ROW)
			add_rollup(p, p->g[i].start, s);	/* finds group i */
		sqlite3_reset(s);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return store_fail(st, "reading reason rollups", err, errlen);
		if (put_group(st, &p->g[i], ROLLUP_HOUR, err, errlen) < 0)
			return -1;
	}
	return 0;
}

/* Rebuilds the stale hours from the rows; their starts appended to *hours. */
static int settle(struct store *st, int64_t **hours, size_t *nh, size_t *cap, char *err,
		  size_t errlen)
{
	size_t n;
	int fail, ret = 0;
	int64_t *h = stale_hours(st, INT64_MIN, INT64_MAX, &n, &fail, err, errlen);
	struct reason_set *rs = reason_set_new();
	sqlite3_stmt *s;
	for (size_t i = 0; !fail && ret == 0 && i < n; i++) {
		reason_set_clear(rs);
		if (from_rows(st, rs, (double)h[i], (double)(h[i] + ROLLUP_HOUR), ROLLUP_HOUR, err,
			      errlen) < 0 ||
		    clear(st, ROLLUP_HOUR, h[i], h[i] + 1, err, errlen) < 0 ||
		    put_all(st, rs, ROLLUP_HOUR, err, errlen) < 0)
			ret = -1;
		if (*nh == *cap)
			*hours = xrealloc(*hours, (*cap = *cap ? *cap * 2 : 64) * sizeof **hours);
		(*hours)[(*nh)++] = h[i];
	}
	reason_set_free(rs);
	free(h);
	if (fail || ret < 0)
		return -1;
	if (n == 0)
		return 0;
	if ((s = store_stmt(st, SQL_RS_UNSTALE, err, errlen)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, INT64_MIN);
	sqlite3_bind_int64(s, 2, INT64_MAX);
	return store_exec_stmt(st, s, "forgetting stale reason hours", err, errlen);
}

static int cmp_i64(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
	return (a > b) - (a < b);
}

int store_reason_flush(struct store *st, struct reason_set *pending, const int64_t *spans,
		       const int64_t *done, size_t nfolded, char *err, size_t errlen)
{
	int64_t *hours = NULL;
	size_t nh = 0, cap = 0;
	int ret = 0;
	if (pending && merge_pending(st, pending, err, errlen) < 0)
		return -1;
	for (size_t i = 0; pending && i < pending->n; i++) {
		if (nh == cap)
			hours = xrealloc(hours, (cap = cap ? cap * 2 : 64) * sizeof *hours);
		hours[nh++] = pending->g[i].start;
	}
	if (settle(st, &hours, &nh, &cap, err, errlen) < 0)
		ret = -1;
	if (nh > 1)
		qsort(hours, nh, sizeof *hours, cmp_i64);
	/* the folded buckets that hold a changed hour, smallest span first */
	for (size_t k = nfolded; ret == 0 && k-- > 0;) {
		int64_t last = INT64_MIN;
		for (size_t i = 0; ret == 0 && i < nh; i++) {
			int64_t b = rollup_bucket((double)hours[i], spans[k]);
			if (b == last || b >= done[k])
				continue;
			last = b;
			ret = store_reason_fold(st, spans[k], spans[k + 1], b, b + spans[k], err,
						errlen);
		}
	}
	free(hours);
	return ret;
}

/* --- the report ---------------------------------------------------------- */

static int on_span(void *arg, struct store *st, int64_t span, int64_t from, int64_t to, char *err,
		   size_t errlen)
{
	return from_rollups(st, arg, span, from, to, 0, err, errlen);
}

/* Whole hours [q0, q1): rollups, except the stale hours (rows). */
static int whole_hours(struct store *st, struct reason_set *rs, int64_t q0, int64_t q1, char *err,
		       size_t errlen)
{
	size_t n;
	int fail, ret = 0;
	int64_t *h = stale_hours(st, q0, q1, &n, &fail, err, errlen), at = q0;
	if (fail)
		return -1;
	for (size_t i = 0; ret == 0 && i <= n; i++) {
		int64_t end = i < n ? h[i] : q1;
		if (at < end && store_rollup_cover(st, at, end, on_span, rs, err, errlen) < 0)
			ret = -1;
		if (ret == 0 && i < n &&
		    from_rows(st, rs, (double)h[i], (double)(h[i] + ROLLUP_HOUR), 0, err, errlen) < 0)
			ret = -1;
		at = i < n ? h[i] + ROLLUP_HOUR : q1;
	}
	free(h);
	return ret;
}

/* ORDER BY count DESC, reason, status, rule_id (NULL, stored as "", first). */
static int by_count(const void *x, const void *y)
{
	const struct rgroup *a = x, *b = y;
	int c;
	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	if ((c = bytes_cmp(a->reason.p, a->reason.len, b->reason.p, b->reason.len)) != 0 ||
	    (c = bytes_cmp(a->status.p, a->status.len, b->status.p, b->status.len)) != 0)
		return c;
	return bytes_cmp(a->rule.p, a->rule.len, b->rule.p, b->rule.len);
}

static struct store_cell text_cell(const char *p, size_t n)
{
	return p ? (struct store_cell){ STORE_TEXT, p, n } : (struct store_cell){ STORE_NULL, NULL, 0 };
}

/* A REAL as the row SQL hands it out (15 significant digits). */
static struct store_cell real_cell(double v, char *buf, size_t n)
{
	int k = snprintf(buf, n, "%.15g", v);
	return (struct store_cell){ STORE_REAL, buf, k < 0 ? 0 : (size_t)k };
}

static int emit(struct reason_set *rs, long top, store_cell_fn fn, void *arg)
{
	static const char *const names[] = { "status", "reason", "count", "rule_id", "provider",
					      "category", "domains", "first", "last" };
	char cnt[32], first[40], last[40];
	size_t n = rs->n;
	if (fn(arg, 9, names, NULL) != 0)
		return 0;
	if (n > 1)
		qsort(rs->g, n, sizeof *rs->g, by_count);	/* the index is not used again */
	if (top > 0 && (size_t)top < n)
		n = (size_t)top;
	for (size_t i = 0; i < n; i++) {
		const struct rgroup *g = &rs->g[i];
		size_t dlen = 0;
		char *doms = dom_text(&g->dom, &dlen);
		int k = snprintf(cnt, sizeof cnt, "%lld", (long long)g->count);
		struct store_cell c[9] = {
			text_cell(g->status.p, g->status.len), text_cell(g->reason.p, g->reason.len),
			{ STORE_INT, cnt, (size_t)k },
			text_cell(g->rule.len ? g->rule.p : NULL, g->rule.len),
			text_cell(g->provider, g->plen), text_cell(g->category, g->clen),
			text_cell(doms, dlen), real_cell(g->first, first, sizeof first),
			real_cell(g->last, last, sizeof last),
		};
		int stop = fn(arg, 9, names, c) != 0;
		free(doms);
		if (stop)
			break;
	}
	return 0;
}

/* The groups of [since, until) into rs (every bucket at start 0): rollups
 * for whole hours, rows for the ragged ends and stale hours. */
static int collect(struct store *st, struct reason_set *rs, double since, double until, char *err,
		   size_t errlen)
{
	int64_t q0, q1;
	rollup_whole_hours(since, until, &q0, &q1);
	if (q0 >= q1)
		return from_rows(st, rs, since, until, 0, err, errlen);
	if (((double)q0 > since && from_rows(st, rs, since, (double)q0, 0, err, errlen) < 0) ||
	    ((double)q1 < until && from_rows(st, rs, (double)q1, until, 0, err, errlen) < 0) ||
	    whole_hours(st, rs, q0, q1, err, errlen) < 0)
		return -1;
	return 0;
}

int store_reason_report(struct store *st, const struct store_window *w, store_cell_fn fn,
			void *arg, char *err, size_t errlen)
{
	struct reason_set *rs = reason_set_new();
	int ret = collect(st, rs, w->since, w->until, err, errlen);
	if (ret == 0)
		emit(rs, w->top, fn, arg);
	reason_set_free(rs);
	return ret;
}

/* --- the digest's new reasons -------------------------------------------- */

struct fresh {
	struct str reason;	/* borrowed from the set */
	int64_t n;
	struct str status;	/* max(status) */
};

static int by_n_reason(const void *x, const void *y)
{
	const struct fresh *a = x, *b = y;
	if (a->n != b->n)
		return a->n > b->n ? -1 : 1;
	return bytes_cmp(a->reason.p, a->reason.len, b->reason.p, b->reason.len);
}

/* Per reason over every status and rule: the attempts that are not local
 * deliveries, the largest status among their groups; only reasons the
 * previous period's set does not hold. */
static size_t fresh_of(const struct reason_set *now, const struct reason_set *prev,
		       struct fresh **out)
{
	struct strmap seen, idx;
	struct fresh *f = NULL;
	size_t n = 0, cap = 0, i;
	strmap_init(&seen);
	strmap_init(&idx);
	for (size_t k = 0; k < prev->n; k++)
		strmap_put(&seen, prev->g[k].reason.p, prev->g[k].reason.len, 0, NULL);
	for (size_t k = 0; k < now->n; k++) {
		const struct rgroup *g = &now->g[k];
		if (g->count - g->nlocal <= 0 || strmap_get(&seen, g->reason.p, g->reason.len, &i))
			continue;
		if (!strmap_get(&idx, g->reason.p, g->reason.len, &i)) {
			if (n == cap)
				f = xrealloc(f, (cap = cap ? cap * 2 : 16) * sizeof *f);
			f[n] = (struct fresh){ g->reason, 0, g->status };
			strmap_put(&idx, g->reason.p, g->reason.len, i = n++, NULL);
		}
		f[i].n += g->count - g->nlocal;
		if (bytes_cmp(g->status.p, g->status.len, f[i].status.p, f[i].status.len) > 0)
			f[i].status = g->status;
	}
	strmap_release(&seen);
	strmap_release(&idx);
	*out = f;
	return n;
}

int store_reason_fresh(struct store *st, double prev, double since, double until, long top,
		       store_row_fn fn, void *arg, char *err, size_t errlen)
{
	static const char *const names[] = { "reason", "n", "max(status)" };
	struct reason_set *now = reason_set_new(), *before = reason_set_new();
	struct fresh *f = NULL;
	size_t n = 0;
	int ret = collect(st, now, since, until, err, errlen) < 0 ||
		  collect(st, before, prev, since, err, errlen) < 0 ? -1 : 0;
	if (ret == 0)
		n = fresh_of(now, before, &f);
	if (n > 1)
		qsort(f, n, sizeof *f, by_n_reason);
	for (size_t i = 0; i < n && (top <= 0 || (long)i < top); i++) {
		char cnt[32];
		char *reason = dup_bytes(f[i].reason.p, f[i].reason.len);
		char *status = dup_bytes(f[i].status.p, f[i].status.len);
		const char *v[3] = { reason, cnt, status };
		snprintf(cnt, sizeof cnt, "%lld", (long long)f[i].n);
		int stop = fn(arg, 3, names, v) != 0;
		free(reason);
		free(status);
		if (stop)
			break;
	}
	free(f);
	reason_set_free(now);
	reason_set_free(before);
	return ret;
}

/* --- bw_domains(): the row path's domain list ----------------------------- */

static void domains_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct rdom *m = sqlite3_aggregate_context(ctx, sizeof *m);
	const char *p;
	(void)argc;
	if (m == NULL) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
		return;
	p = (const char *)sqlite3_value_text(argv[0]);
	dom_add(m, p ? p : "", (size_t)sqlite3_value_bytes(argv[0]));
}

static void domains_final(sqlite3_context *ctx)
{
	struct rdom *m = sqlite3_aggregate_context(ctx, 0);
	size_t n = 0;
	char *s = m ? dom_text(m, &n) : NULL;
	if (s)
		sqlite3_result_text(ctx, s, (int)n, free);
	else
		sqlite3_result_null(ctx);
	if (m)
		dom_release(m);
}

int store_reason_register(struct store *st, char *err, size_t errlen)
{
	if (sqlite3_create_function_v2(st->db, "bw_domains", 1,
				       SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL, NULL,
				       domains_step, domains_final, NULL) != SQLITE_OK)
		return store_fail(st, "registering bw_domains", err, errlen);
	return 0;
}
