/* suspect - the no-rule block detector (see suspect.h).
 *
 * Owns a table of groups, keyed "pool NUL normalised reply" in a strmap
 * (when it is full, the groups not refused within the window are dropped
 * and the index rebuilt: a long `tail` keeps watching new replies),
 * and a table of pools with the time of their last accepted delivery.
 * Each group keeps a ring of (recipient hash, time) of its latest distinct
 * recipients; counting looks only at those refused after the window's
 * start and after the pool's last acceptance, so nothing has to be removed
 * when a pool accepts mail or time passes. Invariant: a group's pool has a
 * slot in the pool table (a group is made only when its pool has one).
 *
 * Batches (suspect_keep/undo): once kept, every group and pool touched
 * since the last keep has its state before the batch saved once (gen tells
 * whether it was); undo puts those back and the stats with them. A group
 * made in the batch goes back to empty (no recipients, never seen: the
 * same as absent; its slot stays), a pool to "nothing accepted". The saves
 * are bounded by the tables' bounds. A group dropped by compact() in the
 * batch loses its save: after an undo it stays dropped, as a quiet group
 * may be at any time.
 * Must not depend on the store, the episodes or any log format.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "normalise.h"
#include "strmap.h"
#include "suspect.h"
#include "xmalloc.h"

#define NORM_MAX 512
#define REPLY_KEEP 1024	/* bytes of the first reply kept per group */

struct hit {
	uint64_t h;	/* recipient hash */
	double ts;	/* latest refusal of that recipient */
};

struct group {
	char *pool, *norm, *reply;
	size_t pool_idx;
	struct hit ring[SUSPECT_RCPT_MAX];
	unsigned n;		/* entries used in ring */
	unsigned most;		/* the most recipients counted at once (seen groups) */
	uint64_t saved;		/* the gen its state before the batch was saved at */
};

struct group_save {
	size_t idx;
	unsigned n, most;
	struct hit ring[SUSPECT_RCPT_MAX];
};

struct pool_save {
	size_t idx;
	double accepted;
};

struct suspect {
	struct suspect_cfg cfg;
	struct strmap group_idx, pool_idx;
	struct group *groups;
	size_t ngroups, cap;
	double *accepted;	/* per pool: last accepted delivery, -1 when none */
	uint64_t *pool_saved;	/* per pool: as group.saved */
	size_t npools;
	struct suspect_stats stats;
	struct suspect_stats kept;	/* stats at the last suspect_keep */
	uint64_t gen;		/* batches kept or undone; 0: never kept, nothing saved */
	struct group_save *gsave;
	size_t ngsave, gsave_cap;
	struct pool_save *psave;
	size_t npsave, psave_cap;
};

struct suspect *suspect_new(const struct suspect_cfg *cfg)
{
	struct suspect *s = xcalloc(1, sizeof *s);
	s->cfg = *cfg;
	if (s->cfg.min_recipients > SUSPECT_RCPT_MAX)
		s->cfg.min_recipients = SUSPECT_RCPT_MAX;
	strmap_init(&s->group_idx);
	strmap_init(&s->pool_idx);
	return s;
}

void suspect_free(struct suspect *s)
{
	if (s == NULL)
		return;
	for (size_t i = 0; i < s->ngroups; i++) {
		free(s->groups[i].pool);
		free(s->groups[i].norm);
		free(s->groups[i].reply);
	}
	free(s->groups);
	free(s->accepted);
	free(s->pool_saved);
	free(s->gsave);
	free(s->psave);
	strmap_release(&s->group_idx);
	strmap_release(&s->pool_idx);
	free(s);
}

const struct suspect_stats *suspect_stats(const struct suspect *s) { return &s->stats; }

/* ---- which refusals count ---- */

static int is_refusal(enum delivery_status st)
{
	return st == DS_BOUNCED || st == DS_DEFERRED || st == DS_SOFTBOUNCE || st == DS_REFUSED;
}

/* An enhanced status code "C.S.D" at p (C 2, 4 or 5): its subject and
 * detail in *subj, *det; 1 when p holds one. */
static int status_code(const char *p, size_t len, int *subj, int *det)
{
	size_t i = 0;
	if (len < 5 || (p[0] != '2' && p[0] != '4' && p[0] != '5') || p[1] != '.')
		return 0;
	i = 2;
	*subj = 0;
	while (i < len && i < 5 && p[i] >= '0' && p[i] <= '9')
		*subj = *subj * 10 + (p[i++] - '0');
	if (i == 2 || i >= len || p[i] != '.' || ++i >= len || p[i] < '0' || p[i] > '9')
		return 0;
	*det = 0;
	while (i < len && i < 9 && p[i] >= '0' && p[i] <= '9')
		*det = *det * 10 + (p[i++] - '0');
	return 1;
}

/* X.1.x addressing, X.2.x mailbox, X.3.4 message too big: one recipient's
 * (or one message's) problem, not the sender's standing (RFC 3463, 3.2-3.4). */
static int per_recipient_code(const char *p, size_t len)
{
	int subj, det;
	if (!status_code(p, len, &subj, &det))
		return 0;
	return subj == 1 || subj == 2 || (subj == 3 && det == 4);
}

/* The enhanced code after the reply's leading "550 " / "550-", if any. */
static int reply_per_recipient(struct str r)
{
	size_t i = 0;
	while (i < r.len && i < 3 && r.p[i] >= '0' && r.p[i] <= '9')
		i++;
	if (i != 3 || i >= r.len || (r.p[i] != ' ' && r.p[i] != '-'))
		return 0;
	i++;
	return per_recipient_code(r.p + i, r.len - i);
}

int suspect_candidate(const struct delivery *d, const struct verdict *v)
{
	/* a rule that knows the reply: one recipient's problem, greylisting, a
	 * throttle it calls no block, or our configuration (CONFIG episodes) */
	static const char *const known[] = { "user-unknown", "mailbox-full", "relay-denied", "size",
		"greylist", "rate", "ptr", "auth" };
	struct str reply = d->reply.len ? d->reply : d->detail;
	if (!is_refusal(d->status) || v->block || d->recipient.len == 0 || reply.len == 0)
		return 0;
	/* a rule's tie-break "no" leaves the call to the behaviour seen here */
	for (size_t i = 0; v->category && !v->tie_break && i < sizeof known / sizeof *known; i++)
		if (strcmp(v->category, known[i]) == 0)
			return 0;
	if (d->dsn.len && per_recipient_code(d->dsn.p, d->dsn.len))
		return 0;
	return !reply_per_recipient(reply);
}

/* ---- groups ---- */

static uint64_t hash64(const char *p, size_t n)
{
	uint64_t h = 14695981039346656037ull;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		h = (h ^ (c >= 'A' && c <= 'Z' ? c | 0x20 : c)) * 1099511628211ull;
	}
	return h;
}

/* The pool's slot, made when missing; -1 when the table is full. */
static long pool_slot(struct suspect *s, const char *pool)
{
	size_t idx;
	if (strmap_get(&s->pool_idx, pool, strlen(pool), &idx))
		return (long)idx;
	if (s->npools >= SUSPECT_POOLS_MAX)
		return -1;
	if ((s->npools & (s->npools - 1)) == 0) {	/* 0, 1, 2, 4 ...: grow by doubling */
		size_t n = s->npools ? s->npools * 2 : 1;
		s->accepted = xrealloc(s->accepted, n * sizeof *s->accepted);
		s->pool_saved = xrealloc(s->pool_saved, n * sizeof *s->pool_saved);
	}
	s->accepted[s->npools] = -1;
	s->pool_saved[s->npools] = 0;
	strmap_put(&s->pool_idx, pool, strlen(pool), s->npools, NULL);
	return (long)s->npools++;
}

static double newest(const struct group *g)
{
	double t = -1;
	for (unsigned i = 0; i < g->n; i++)
		if (g->ring[i].ts > t)
			t = g->ring[i].ts;
	return t;
}

static void group_key(const struct group *g, char **key, size_t *len)
{
	size_t plen = strlen(g->pool), nlen = strlen(g->norm);
	*key = xmalloc(plen + nlen + 1);
	memcpy(*key, g->pool, plen + 1);
	memcpy(*key + plen + 1, g->norm, nlen);
	*len = plen + 1 + nlen;
}

/* The saves of the batch follow their groups to their new places (to[i]:
 * group i's, SIZE_MAX when it was dropped). */
static void move_saves(struct suspect *s, const size_t *to)
{
	size_t k = 0;
	for (size_t i = 0; i < s->ngsave; i++)
		if (to[s->gsave[i].idx] != SIZE_MAX) {
			s->gsave[k] = s->gsave[i];
			s->gsave[k++].idx = to[s->gsave[i].idx];
		}
	s->ngsave = k;
}

/* The table is full: keeps the groups refused within the window before
 * now, and (keep_seen) those that showed the shape; rebuilds the index. */
static void compact(struct suspect *s, double now, int keep_seen)
{
	size_t k = 0, *to = xmalloc((s->ngroups + 1) * sizeof *to);
	strmap_release(&s->group_idx);
	strmap_init(&s->group_idx);
	for (size_t i = 0; i < s->ngroups; i++) {
		struct group *g = &s->groups[i];
		to[i] = SIZE_MAX;
		if (newest(g) <= now - s->cfg.window && !(keep_seen && g->most > 0)) {
			free(g->pool);
			free(g->norm);
			free(g->reply);
			continue;
		}
		char *key;
		size_t len;
		s->groups[k] = *g;
		group_key(&s->groups[k], &key, &len);
		strmap_put(&s->group_idx, key, len, k, NULL);
		free(key);
		to[i] = k++;
	}
	s->ngroups = k;
	move_saves(s, to);
	free(to);
}

static struct group *group_for(struct suspect *s, const char *pool, const char *norm, size_t nlen,
			       struct str reply, double now)
{
	size_t plen = strlen(pool), idx;
	char *key = xmalloc(plen + nlen + 1);
	memcpy(key, pool, plen);
	key[plen] = '\0';
	memcpy(key + plen + 1, norm, nlen);
	if (strmap_get(&s->group_idx, key, plen + 1 + nlen, &idx)) {
		free(key);
		return &s->groups[idx];
	}
	long p = pool_slot(s, pool);
	if (s->ngroups >= SUSPECT_GROUPS_MAX) {
		compact(s, now, 1);
		if (s->ngroups >= SUSPECT_GROUPS_MAX * 3 / 4)
			compact(s, now, 0);
	}
	if (p < 0 || s->ngroups >= SUSPECT_GROUPS_MAX) {
		free(key);
		return NULL;
	}
	if (s->ngroups == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->groups = xrealloc(s->groups, s->cap * sizeof *s->groups);
	}
	struct group *g = &s->groups[s->ngroups];
	*g = (struct group){ .pool = xstrdup(pool), .norm = xstrndup(norm, nlen),
		.reply = xstrndup(reply.p, reply.len < REPLY_KEEP ? reply.len : REPLY_KEEP),
		.pool_idx = (size_t)p };
	strmap_put(&s->group_idx, key, plen + 1 + nlen, s->ngroups++, NULL);
	free(key);
	return g;
}

/* ---- batches ---- */

/* Saves g's state before the batch, once per batch. */
static void save_group(struct suspect *s, struct group *g)
{
	if (s->gen == 0 || g->saved == s->gen)
		return;
	if (s->ngsave == s->gsave_cap) {
		s->gsave_cap = s->gsave_cap ? s->gsave_cap * 2 : 16;
		s->gsave = xrealloc(s->gsave, s->gsave_cap * sizeof *s->gsave);
	}
	struct group_save *v = &s->gsave[s->ngsave++];
	v->idx = (size_t)(g - s->groups);
	v->n = g->n;
	v->most = g->most;
	memcpy(v->ring, g->ring, g->n * sizeof *g->ring);
	g->saved = s->gen;
}

/* Saves pool p's last acceptance before the batch, once per batch. */
static void save_pool(struct suspect *s, size_t p)
{
	if (s->gen == 0 || s->pool_saved[p] == s->gen)
		return;
	if (s->npsave == s->psave_cap) {
		s->psave_cap = s->psave_cap ? s->psave_cap * 2 : 16;
		s->psave = xrealloc(s->psave, s->psave_cap * sizeof *s->psave);
	}
	s->psave[s->npsave++] = (struct pool_save){ p, s->accepted[p] };
	s->pool_saved[p] = s->gen;
}

static void next_batch(struct suspect *s)
{
	s->ngsave = s->npsave = 0;
	s->gen++;
}

void suspect_keep(struct suspect *s)
{
	s->kept = s->stats;
	next_batch(s);
}

void suspect_undo(struct suspect *s)
{
	for (size_t i = 0; i < s->ngsave; i++) {
		const struct group_save *v = &s->gsave[i];
		struct group *g = &s->groups[v->idx];
		g->n = v->n;
		g->most = v->most;
		memcpy(g->ring, v->ring, v->n * sizeof *g->ring);
	}
	for (size_t i = 0; i < s->npsave; i++)
		s->accepted[s->psave[i].idx] = s->psave[i].accepted;
	s->stats = s->kept;
	next_batch(s);
}

/* Records recipient h refused at ts: its entry moves to ts, or the oldest
 * entry gives way. */
static void add_hit(struct group *g, uint64_t h, double ts)
{
	unsigned oldest = 0;
	for (unsigned i = 0; i < g->n; i++) {
		if (g->ring[i].h == h) {
			if (ts > g->ring[i].ts)
				g->ring[i].ts = ts;
			return;
		}
		if (g->ring[i].ts < g->ring[oldest].ts)
			oldest = i;
	}
	if (g->n < SUSPECT_RCPT_MAX)
		oldest = g->n++;
	g->ring[oldest] = (struct hit){ h, ts };
}

/* Distinct recipients refused after `after`; the earliest of them in *first. */
static unsigned count_after(const struct group *g, double after, double *first)
{
	unsigned n = 0;
	*first = 0;
	for (unsigned i = 0; i < g->n; i++)
		if (g->ring[i].ts > after) {
			if (n++ == 0 || g->ring[i].ts < *first)
				*first = g->ring[i].ts;
		}
	return n;
}

static void describe(unsigned n, double first, double last, char *out, size_t outsz)
{
	char when[32];
	time_t t = (time_t)first;
	struct tm tm;
	long span = (long)(last - first);
	if (gmtime_r(&t, &tm) == NULL || strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		snprintf(when, sizeof when, "?");
	snprintf(out, outsz, "%u recipients refused with this reply within %ldm%02lds since %s, "
		 "nothing accepted; no rule calls it a block", n, span / 60, span % 60, when);
}

int suspect_observe(struct suspect *s, const struct delivery *d, const struct verdict *v,
		    const char *pool, struct suspect_seen *seen)
{
	char norm[NORM_MAX];
	seen->recipients = 0;
	seen->evidence[0] = '\0';
	if (s->cfg.min_recipients == 0)
		return 0;
	if (d->status == DS_SENT) {
		long p = pool_slot(s, pool);
		if (p >= 0 && d->ts > s->accepted[p]) {
			save_pool(s, (size_t)p);
			s->accepted[p] = d->ts;
		}
		return 0;
	}
	if (!suspect_candidate(d, v))
		return 0;
	struct str reply = d->reply.len ? d->reply : d->detail;
	size_t nlen = reply_normalise(reply.p, reply.len, norm, sizeof norm);
	struct group *g = group_for(s, pool, norm, nlen, reply, d->ts);
	if (g == NULL) {
		s->stats.dropped++;
		return 0;
	}
	s->stats.candidates++;
	save_group(s, g);
	add_hit(g, hash64(d->recipient.p, d->recipient.len), d->ts);
	double after = d->ts - s->cfg.window, first;
	if (s->accepted[g->pool_idx] >= after)
		after = s->accepted[g->pool_idx];
	unsigned k = count_after(g, after, &first);
	if (k < s->cfg.min_recipients)
		return 0;
	if (k > g->most)
		g->most = k;
	s->stats.seen++;
	seen->recipients = k;
	seen->since = first;
	describe(k, first, d->ts, seen->evidence, sizeof seen->evidence);
	return 1;
}

static int by_most(const void *a, const void *b)
{
	const struct group *x = *(const struct group *const *)a, *y = *(const struct group *const *)b;
	if (x->most != y->most)
		return x->most > y->most ? -1 : 1;
	return strcmp(x->norm, y->norm);
}

void suspect_each_seen(struct suspect *s, suspect_fn fn, void *arg)
{
	const struct group **seen = xcalloc(s->ngroups + 1, sizeof *seen);
	size_t k = 0;
	for (size_t i = 0; i < s->ngroups; i++)
		if (s->groups[i].most > 0)
			seen[k++] = &s->groups[i];
	qsort(seen, k, sizeof *seen, by_most);
	for (size_t i = 0; i < k; i++)
		if (fn(arg, seen[i]->pool, seen[i]->norm, seen[i]->reply, seen[i]->most) != 0)
			break;
	free(seen);
}
