/* store_ids - per-hour sets of distinct ids (see store_ids.h). Part of the
 * store family: the only code that speaks SQL.
 *
 * A stored set is a BLOB of sorted distinct 64-bit hashes, 8 bytes each,
 * little-endian; writing one merges it with what the hour holds already (a
 * late attempt, another writer's). Counting a window puts every hash of its
 * hours' sets and of its row-read parts into one open-addressing table of
 * integers, one kind (messages, deferred messages, recipients) at a time,
 * so memory is 16 bytes an id of the largest kind at most.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "store_ids.h"
#include "store_int.h"
#include "xmalloc.h"

static const char SQL_KEY[] = "SELECT attempts, deferred FROM rollup_ids WHERE start = -1";
static const char SQL_KEY_NEW[] =
	"INSERT OR REPLACE INTO rollup_ids VALUES (-1, random(), random(), x'', x'', x'')";
static const char SQL_FORGET_ALL[] = "DELETE FROM rollup_ids WHERE start >= 0";
static const char SQL_GET[] =
	"SELECT attempts, deferred, messages, deferred_messages, recipients FROM rollup_ids "
	"WHERE start = ?1";
static const char SQL_PUT[] =
	"INSERT OR REPLACE INTO rollup_ids (start, attempts, deferred, messages, deferred_messages, "
	"recipients) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
static const char SQL_DEL[] = "DELETE FROM rollup_ids WHERE start = ?1";
static const char SQL_PRUNE[] = "DELETE FROM rollup_ids WHERE start >= 0 AND start <= ?1";
static const char SQL_COUNTS[] =
	"SELECT start, attempts, deferred FROM rollup_ids WHERE start >= ?1 AND start < ?2";
static const char SQL_TOTALS[] =
	"SELECT start, attempts, deferred FROM rollups "
	"WHERE span = 3600 AND sec = 0 AND start >= ?1 AND start < ?2";
/* One statement per kind: SQLite reads only the columns asked for. */
static const char *const SQL_SETS[IDS__COUNT] = {
	"SELECT start, messages FROM rollup_ids WHERE start >= ?1 AND start < ?2",
	"SELECT start, deferred_messages FROM rollup_ids WHERE start >= ?1 AND start < ?2",
	"SELECT start, recipients FROM rollup_ids WHERE start >= ?1 AND start < ?2",
};
/* A column as a span (p NULL: SQL NULL). */
static struct str store_col_str(sqlite3_stmt *s, int i)
{
	const char *p = (const char *)sqlite3_column_text(s, i);
	return (struct str){ p, p ? (size_t)sqlite3_column_bytes(s, i) : 0 };
}

static const char SQL_ROWS[] =
	"SELECT host, queue_id, status, recipient FROM deliveries "
	"WHERE ts >= ?1 AND ts < ?2 AND is_local = 0";

/* --- SipHash-2-4 (Aumasson and Bernstein, "SipHash: a fast short-input
 * PRF", 2012), written from the paper's description. */

static uint64_t rotl(uint64_t x, int b)
{
	return (x << b) | (x >> (64 - b));
}

#define SIPROUND(v0, v1, v2, v3) do { \
	v0 += v1; v1 = rotl(v1, 13); v1 ^= v0; v0 = rotl(v0, 32); \
	v2 += v3; v3 = rotl(v3, 16); v3 ^= v2; \
	v0 += v3; v3 = rotl(v3, 21); v3 ^= v0; \
	v2 += v1; v1 = rotl(v1, 17); v1 ^= v2; v2 = rotl(v2, 32); \
} while (0)

/* The little-endian number in p[0..n), n <= 8. */
static uint64_t le64(const unsigned char *p, size_t n)
{
	uint64_t w = 0;
	if (n == 8) {
		memcpy(&w, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
		w = __builtin_bswap64(w);
#endif
		return w;
	}
	for (size_t i = n; i-- > 0;)
		w = w << 8 | p[i];
	return w;
}

uint64_t store_ids_siphash(const uint64_t k[2], const void *data, size_t n)
{
	const unsigned char *p = data;
	uint64_t v0 = k[0] ^ 0x736f6d6570736575ULL, v1 = k[1] ^ 0x646f72616e646f6dULL;
	uint64_t v2 = k[0] ^ 0x6c7967656e657261ULL, v3 = k[1] ^ 0x7465646279746573ULL;
	size_t i;
	for (i = 0; i + 8 <= n; i += 8) {
		uint64_t m = le64(p + i, 8);
		v3 ^= m;
		SIPROUND(v0, v1, v2, v3);
		SIPROUND(v0, v1, v2, v3);
		v0 ^= m;
	}
	uint64_t b = (uint64_t)(n & 0xff) << 56 | le64(p + i, n - i);
	v3 ^= b;
	SIPROUND(v0, v1, v2, v3);
	SIPROUND(v0, v1, v2, v3);
	v0 ^= b;
	v2 ^= 0xff;
	for (int r = 0; r < 4; r++)
		SIPROUND(v0, v1, v2, v3);
	return v0 ^ v1 ^ v2 ^ v3;
}

/* The bytes of p[0..n) before the first NUL (what a C string of it holds). */
static size_t c_len(const char *p, size_t n)
{
	const char *z = p ? memchr(p, '\0', n) : NULL;
	return p == NULL ? 0 : z ? (size_t)(z - p) : n;
}

size_t store_ids_msg_key(char *buf, struct str host, struct str qid)
{
	size_t h = c_len(host.p, host.len), q = c_len(qid.p, qid.len), o;
	o = h < 1023 ? h : 1023;
	memcpy(buf, host.p ? host.p : "", o);
	if (o < 1023)
		buf[o++] = ' ';
	q = q < 1023 - o ? q : 1023 - o;
	if (q)
		memcpy(buf + o, qid.p, q);
	o += q;
	buf[o] = '\0';
	return o;
}

/* --- the hash key ---------------------------------------------------------- */

/* Reads the key into st (once); a writer makes a new one when it is
 * missing (and forgets every set hashed with the old one). *have: 0 when a
 * reader found none. 0 or -1 with err. */
static int load_key(struct store *st, int *have, char *err, size_t errlen)
{
	sqlite3_stmt *s;
	int rc;
	*have = 1;
	if (st->ids_key_loaded)
		return 0;
	for (int pass = 0; pass < 2; pass++) {
		if ((s = store_stmt(st, SQL_KEY, err, errlen)) == NULL)
			return -1;
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			st->ids_key[0] = (uint64_t)sqlite3_column_int64(s, 0);
			st->ids_key[1] = (uint64_t)sqlite3_column_int64(s, 1);
			st->ids_key_loaded = 1;
		}
		sqlite3_reset(s);
		if (rc == SQLITE_ROW)
			return 0;
		if (rc != SQLITE_DONE)
			return store_fail(st, "reading the id hash key", err, errlen);
		if (st->mode == STORE_READ || pass > 0) {
			*have = 0;
			return 0;
		}
		if ((s = store_stmt(st, SQL_FORGET_ALL, err, errlen)) == NULL ||
		    store_exec_stmt(st, s, "making an id hash key", err, errlen) < 0 ||
		    (s = store_stmt(st, SQL_KEY_NEW, err, errlen)) == NULL ||
		    store_exec_stmt(st, s, "making an id hash key", err, errlen) < 0)
			return -1;
	}
	*have = 0;
	return 0;
}

/* --- sets in memory -------------------------------------------------------- */

static void vec_push(struct ids_vec *v, uint64_t x)
{
	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 64;
		v->v = xrealloc(v->v, v->cap * sizeof *v->v);
	}
	v->v[v->n++] = x;
}

static void hour_release(struct ids_hour *h)
{
	for (int k = 0; k < IDS__COUNT; k++)
		free(h->k[k].v);
}

void store_ids_clear(struct store_ids *s)
{
	for (size_t i = 0; i < s->n; i++)
		hour_release(&s->h[i]);
	s->n = 0;
}

void store_ids_release(struct store_ids *s)
{
	store_ids_clear(s);
	free(s->h);
	s->h = NULL;
	s->cap = 0;
}

struct ids_hour *store_ids_hour(struct store_ids *s, int64_t h)
{
	for (size_t i = s->n; i-- > 0;)
		if (s->h[i].hour == h)
			return &s->h[i];
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 4;
		s->h = xrealloc(s->h, s->cap * sizeof *s->h);
	}
	s->h[s->n] = (struct ids_hour){ .hour = h };
	return &s->h[s->n++];
}

static void add_ids(struct store *st, struct ids_hour *h, struct str host, struct str qid,
		    int deferred, struct str rcpt)
{
	char msg[1024];
	h->attempts++;
	h->deferred += deferred != 0;
	if (qid.p) {
		uint64_t x = store_ids_siphash(st->ids_key, msg, store_ids_msg_key(msg, host, qid));
		vec_push(&h->k[IDS_MESSAGES], x);
		if (deferred)
			vec_push(&h->k[IDS_DEFERRED], x);
	}
	if (rcpt.p)
		vec_push(&h->k[IDS_RECIPIENTS], store_ids_siphash(st->ids_key, rcpt.p, rcpt.len));
}

void store_ids_note(struct store *st, struct store_ids *s, int64_t h, struct str host,
		    struct str qid, int deferred, struct str rcpt)
{
	add_ids(st, store_ids_hour(s, h), host, qid, deferred, rcpt);
}

int store_ids_open(struct store *st, char *err, size_t errlen)
{
	int have;
	return load_key(st, &have, err, errlen);
}

void store_ids_merge(struct store_ids *s, const struct ids_hour *a)
{
	struct ids_hour *h = store_ids_hour(s, a->hour);
	h->attempts += a->attempts;
	h->deferred += a->deferred;
	for (int k = 0; k < IDS__COUNT; k++)
		for (size_t i = 0; i < a->k[k].n; i++)
			vec_push(&h->k[k], a->k[k].v[i]);
}

void store_ids_forget(struct store_ids *s, int64_t h)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->h[i].hour == h) {
			hour_release(&s->h[i]);
			s->h[i] = s->h[--s->n];
			return;
		}
}

/* --- stored sets ----------------------------------------------------------- */

/* Sorts v->v (LSD radix, 11 bits a pass: an hour's few thousand ids cost a
 * tenth of what qsort's comparisons do). */
static void radix_sort(struct ids_vec *v)
{
	uint64_t *a = v->v, *b = xmalloc(v->n * sizeof *b), *t;
	size_t cnt[2048];
	for (int shift = 0; shift < 64; shift += 11) {
		size_t sum = 0;
		memset(cnt, 0, sizeof cnt);
		for (size_t i = 0; i < v->n; i++)
			cnt[a[i] >> shift & 2047]++;
		for (size_t d = 0; d < 2048; d++) {
			size_t c = cnt[d];
			cnt[d] = sum;
			sum += c;
		}
		for (size_t i = 0; i < v->n; i++)
			b[cnt[a[i] >> shift & 2047]++] = a[i];
		t = a, a = b, b = t;
	}
	/* 6 passes: the sorted copy is back in the vector's own array */
	free(b);
	v->v = a;
}

/* Sorts v and drops repeats. */
static void vec_unique(struct ids_vec *v)
{
	size_t j = 0;
	if (v->n > 1)
		radix_sort(v);
	for (size_t i = 0; i < v->n; i++)
		if (j == 0 || v->v[i] != v->v[j - 1])
			v->v[j++] = v->v[i];
	v->n = j;
}

static void put_le64(unsigned char *p, uint64_t x)
{
	for (int i = 0; i < 8; i++, x >>= 8)
		p[i] = (unsigned char)x;
}

/* v (sorted, distinct) merged with the stored set blob[0..n) as a blob. */
static unsigned char *merged_blob(const struct ids_vec *v, const unsigned char *blob, size_t n,
				  size_t *len)
{
	size_t nb = n / 8, i = 0, j = 0, o = 0;
	unsigned char *out = xmalloc((v->n + nb) * 8 + 1);
	while (i < v->n || j < nb) {
		uint64_t b = j < nb ? le64(blob + 8 * j, 8) : 0, x;
		if (j >= nb || (i < v->n && v->v[i] < b))
			x = v->v[i++];
		else if (i < v->n && v->v[i] == b)
			x = b, i++, j++;
		else
			x = b, j++;
		put_le64(out + 8 * o++, x);
	}
	*len = o * 8;
	return out;
}

int store_ids_write(struct store *st, struct store_ids *s, int64_t h, char *err, size_t errlen)
{
	struct ids_hour *x = NULL;
	unsigned char *blob[IDS__COUNT] = { NULL };
	size_t len[IDS__COUNT];
	int64_t attempts = 0, deferred = 0;
	int rc, ret = -1;
	for (size_t i = 0; i < s->n && x == NULL; i++)
		if (s->h[i].hour == h)
			x = &s->h[i];
	if (x == NULL || x->attempts == 0)
		return 0;
	sqlite3_stmt *g = store_stmt(st, SQL_GET, err, errlen);
	if (g == NULL)
		return -1;
	sqlite3_bind_int64(g, 1, h);
	rc = sqlite3_step(g);
	if (rc == SQLITE_ROW) {
		attempts = sqlite3_column_int64(g, 0);
		deferred = sqlite3_column_int64(g, 1);
	}
	for (int k = 0; k < IDS__COUNT; k++) {
		const void *p = rc == SQLITE_ROW ? sqlite3_column_blob(g, 2 + k) : NULL;
		size_t n = p ? (size_t)sqlite3_column_bytes(g, 2 + k) : 0;
		vec_unique(&x->k[k]);
		blob[k] = merged_blob(&x->k[k], p, n, &len[k]);
	}
	sqlite3_reset(g);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		store_fail(st, "reading id sets", err, errlen);
		goto out;
	}
	sqlite3_stmt *p = store_stmt(st, SQL_PUT, err, errlen);
	if (p == NULL)
		goto out;
	sqlite3_bind_int64(p, 1, h);
	sqlite3_bind_int64(p, 2, attempts + x->attempts);
	sqlite3_bind_int64(p, 3, deferred + x->deferred);
	for (int k = 0; k < IDS__COUNT; k++)
		sqlite3_bind_blob(p, 4 + k, blob[k], (int)len[k], SQLITE_STATIC);
	ret = store_exec_stmt(st, p, "storing id sets", err, errlen);
out:
	for (int k = 0; k < IDS__COUNT; k++)
		free(blob[k]);
	return ret;
}

static int exec_one(struct store *st, const char *sql, int64_t v, char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, sql, err, errlen);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, v);
	return store_exec_stmt(st, s, "deleting id sets", err, errlen);
}

int store_ids_delete(struct store *st, int64_t h, char *err, size_t errlen)
{
	return exec_one(st, SQL_DEL, h, err, errlen);
}

int store_ids_prune(struct store *st, double before, char *err, size_t errlen)
{
	if (!(before > 3600.0))
		return 0;
	return exec_one(st, SQL_PRUNE, (int64_t)before - 3600, err, errlen);
}

/* --- counting a window ----------------------------------------------------- */

/* A set of 64-bit hashes: open addressing, linear probing, at most half
 * full; 0 marks an empty slot (the hash 0 is counted apart). */
struct u64set {
	uint64_t *slot;
	size_t cap, count;
	int zero;
	size_t room;		/* slots allocated (>= cap) */
};

/* Empties s with room for n hashes: a day's sets are counted one kind
 * after the other in the same slots, sized once for the largest, so the
 * pages of a table of a few MiB are faulted in once, not at every growth
 * of every kind. */
static void u64set_reset(struct u64set *s, size_t n)
{
	size_t cap = 1024;
	while (cap < 2 * n + 2)
		cap *= 2;
	if (cap > s->room) {
		free(s->slot);
		s->slot = xcalloc(cap, sizeof *s->slot);
		s->room = cap;
	} else {
		memset(s->slot, 0, cap * sizeof *s->slot);
	}
	s->cap = cap;
	s->count = 0;
	s->zero = 0;
}

static void u64set_add(struct u64set *s, uint64_t x);

static void u64set_grow(struct u64set *s)
{
	struct u64set n = { xcalloc(s->cap ? s->cap * 2 : 1024, sizeof *s->slot),
			    s->cap ? s->cap * 2 : 1024, 0, s->zero, s->cap ? s->cap * 2 : 1024 };
	for (size_t i = 0; i < s->cap; i++)
		if (s->slot[i])
			u64set_add(&n, s->slot[i]);
	free(s->slot);
	*s = n;
}

static void u64set_add(struct u64set *s, uint64_t x)
{
	if (x == 0) {
		s->zero = 1;
		return;
	}
	if (2 * (s->count + 1) > s->cap)
		u64set_grow(s);
	size_t i = (size_t)(x ^ x >> 32) & (s->cap - 1);
	while (s->slot[i]) {
		if (s->slot[i] == x)
			return;
		i = (i + 1) & (s->cap - 1);
	}
	s->slot[i] = x;
	s->count++;
}

struct hcount {
	int64_t start, attempts, deferred;
};

/* Statement sql with the hours [q0, q1) bound; NULL with err. */
static sqlite3_stmt *hours_stmt(struct store *st, const char *sql, int64_t q0, int64_t q1,
				char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, sql, err, errlen);
	if (s != NULL) {
		sqlite3_bind_int64(s, 1, q0);
		sqlite3_bind_int64(s, 2, q1);
	}
	return s;
}

/* The hours [q0, q1) of sql (start, attempts, deferred), in start order. */
static int read_counts(struct store *st, const char *sql, int64_t q0, int64_t q1,
		       struct hcount **v, size_t *n, char *err, size_t errlen)
{
	sqlite3_stmt *s = hours_stmt(st, sql, q0, q1, err, errlen);
	size_t cap = 0;
	int rc;
	*v = NULL;
	*n = 0;
	if (s == NULL)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap)
			*v = xrealloc(*v, (cap = cap ? cap * 2 : 64) * sizeof **v);
		(*v)[(*n)++] = (struct hcount){ sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 1),
						sqlite3_column_int64(s, 2) };
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, "reading id sets", err, errlen);
}

/* The ids of the outgoing rows in [a, b) into h. */
static int rows_ids(struct store *st, struct ids_hour *h, double a, double b, char *err,
		    size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_ROWS, err, errlen);
	int rc;
	if (s == NULL)
		return -1;
	sqlite3_bind_double(s, 1, a);
	sqlite3_bind_double(s, 2, b);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *status = (const char *)sqlite3_column_text(s, 2);
		add_ids(st, h, store_col_str(s, 0), store_col_str(s, 1),
			status && strcmp(status, "deferred") == 0, store_col_str(s, 3));
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, "reading deliveries", err, errlen);
}

/* Adds the stored sets of kind k of the good hours (sorted) to set. */
static int add_sets(struct store *st, int k, int64_t q0, int64_t q1, const int64_t *good,
		    size_t ngood, struct u64set *set, char *err, size_t errlen)
{
	sqlite3_stmt *s = hours_stmt(st, SQL_SETS[k], q0, q1, err, errlen);
	size_t g = 0;
	int rc;
	if (s == NULL)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t start = sqlite3_column_int64(s, 0);
		while (g < ngood && good[g] < start)
			g++;
		if (g == ngood || good[g] != start)
			continue;
		const unsigned char *p = sqlite3_column_blob(s, 1);
		size_t n = (size_t)sqlite3_column_bytes(s, 1) / 8;
		for (size_t i = 0; p && i < n; i++)
			u64set_add(set, le64(p + 8 * i, 8));
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, "reading id sets", err, errlen);
}

int store_ids_count(struct store *st, double since, double until, int64_t q0, int64_t q1,
		    int64_t rows_max, int64_t out[IDS__COUNT], char *err, size_t errlen)
{
	struct hcount *tot = NULL, *ids = NULL;
	size_t ntot = 0, nids = 0, ngood = 0, j = 0;
	int64_t *good = NULL, *stale = NULL, nrows = 0;
	int64_t in_sets[IDS__COUNT] = { 0 };	/* ids the good hours' sets hold */
	size_t nstale = 0;
	struct u64set set = { 0 };
	struct ids_hour rows = { 0 };
	int have, ret = -1;
	if (load_key(st, &have, err, errlen) < 0 ||
	    read_counts(st, SQL_TOTALS, q0, q1, &tot, &ntot, err, errlen) < 0 ||
	    (have && read_counts(st, SQL_COUNTS, q0, q1, &ids, &nids, err, errlen) < 0))
		goto out;
	good = xmalloc((ntot + 1) * sizeof *good);
	stale = xmalloc((ntot + 1) * sizeof *stale);
	/* an hour's sets count when they hold what its totals rollup counts */
	for (size_t i = 0; i < ntot; i++) {
		if (tot[i].attempts <= 0)
			continue;
		while (j < nids && ids[j].start < tot[i].start)
			j++;
		if (j < nids && ids[j].start == tot[i].start && ids[j].attempts == tot[i].attempts &&
		    ids[j].deferred == tot[i].deferred) {
			good[ngood++] = tot[i].start;
			in_sets[IDS_MESSAGES] += ids[j].attempts;
			in_sets[IDS_DEFERRED] += ids[j].deferred;
			in_sets[IDS_RECIPIENTS] += ids[j].attempts;
		} else {
			stale[nstale++] = tot[i].start;
			nrows += tot[i].attempts;
		}
	}
	if (nrows > rows_max) {
		ret = 0;
		goto out;
	}
	if ((since < (double)q0 && rows_ids(st, &rows, since, (double)q0, err, errlen) < 0) ||
	    ((double)q1 < until && rows_ids(st, &rows, (double)q1, until, err, errlen) < 0))
		goto out;
	for (size_t i = 0; i < nstale; i++)
		if (rows_ids(st, &rows, (double)stale[i], (double)(stale[i] + 3600), err, errlen) < 0)
			goto out;
	for (int k = 0; k < IDS__COUNT; k++) {
		/* room for every id counted, distinct or not: never grown */
		u64set_reset(&set, rows.k[k].n + (size_t)in_sets[k]);
		for (size_t i = 0; i < rows.k[k].n; i++)
			u64set_add(&set, rows.k[k].v[i]);
		if (add_sets(st, k, q0, q1, good, ngood, &set, err, errlen) < 0)
			goto out;
		out[k] = (int64_t)set.count + set.zero;
	}
	ret = 1;
out:
	free(set.slot);
	hour_release(&rows);
	free(tot);
	free(ids);
	free(good);
	free(stale);
	return ret;
}
