/* epcap - per-pool caps on open block episodes (see epcap.h).
 *
 * Pools live in an array (first-seen order) indexed by a strmap. A pool
 * whose count is back to 0 and that has no hits is dead weight: when dead
 * ones outnumber the live ones (and 1024), the table is rebuilt, so its
 * size follows the pools with open episodes, not every pool ever seen.
 * Invariant: unlisted_open is the sum of open over the unlisted pools.
 */
#include <stdlib.h>
#include <string.h>
#include "epcap.h"
#include "strmap.h"
#include "xmalloc.h"

#define SLACK 1024

struct pool {
	char *name;
	size_t open;
	size_t cap;		/* the cap of its last hit */
	uint64_t hits;
	uint64_t kept;		/* hits at the last epcap_keep */
	int listed;
};

struct epcap {
	struct epcap_limits lim;
	struct strmap ix;	/* name -> index in pool[] */
	struct pool *pool;
	size_t n, alloc;
	size_t unlisted_open;
	uint64_t hits, kept;
};

struct epcap *epcap_new(const struct epcap_limits *lim)
{
	struct epcap *c = xcalloc(1, sizeof *c);
	if (lim)
		c->lim = *lim;
	if (c->lim.listed == 0)
		c->lim.listed = EPCAP_LISTED;
	if (c->lim.unlisted == 0)
		c->lim.unlisted = EPCAP_UNLISTED;
	if (c->lim.unlisted_total == 0)
		c->lim.unlisted_total = EPCAP_UNLISTED_TOTAL;
	strmap_init(&c->ix);
	return c;
}

void epcap_free(struct epcap *c)
{
	if (c == NULL)
		return;
	for (size_t i = 0; i < c->n; i++)
		free(c->pool[i].name);
	free(c->pool);
	strmap_release(&c->ix);
	free(c);
}

/* Drops the pools with nothing open and no hits; re-indexes the rest. */
static void compact(struct epcap *c)
{
	size_t k = 0;
	strmap_release(&c->ix);
	strmap_init(&c->ix);
	for (size_t i = 0; i < c->n; i++) {
		struct pool *p = &c->pool[i];
		if (p->open == 0 && p->hits == 0) {
			free(p->name);
			continue;
		}
		c->pool[k] = *p;
		strmap_put(&c->ix, p->name, strlen(p->name), k, NULL);
		k++;
	}
	c->n = k;
}

static struct pool *find(const struct epcap *c, const char *name)
{
	size_t i;
	return strmap_get(&c->ix, name, strlen(name), &i) ? &c->pool[i] : NULL;
}

/* pool's entry, made when missing (listed as given then). */
static struct pool *get(struct epcap *c, const char *name, int listed)
{
	struct pool *p = find(c, name);
	if (p)
		return p;
	if (c->n == c->alloc) {
		size_t live = 0;
		for (size_t i = 0; i < c->n; i++)
			live += c->pool[i].open > 0 || c->pool[i].hits > 0;
		if (c->n - live > live + SLACK)
			compact(c);
	}
	if (c->n == c->alloc) {
		c->alloc = c->alloc ? 2 * c->alloc : 64;
		c->pool = xrealloc(c->pool, c->alloc * sizeof *c->pool);
	}
	p = &c->pool[c->n];
	*p = (struct pool){ .name = xstrdup(name), .listed = listed };
	strmap_put(&c->ix, name, strlen(name), c->n, NULL);
	c->n++;
	return p;
}

void epcap_reset(struct epcap *c)
{
	for (size_t i = 0; i < c->n; i++)
		c->pool[i].open = 0;
	c->unlisted_open = 0;
}

void epcap_keep(struct epcap *c)
{
	for (size_t i = 0; i < c->n; i++)
		c->pool[i].kept = c->pool[i].hits;
	c->kept = c->hits;
}

void epcap_undo(struct epcap *c)
{
	for (size_t i = 0; i < c->n; i++)
		c->pool[i].hits = c->pool[i].kept;
	c->hits = c->kept;
}

static size_t hit(struct epcap *c, const char *name, int listed, size_t cap)
{
	struct pool *p = get(c, name, listed);
	p->hits++;
	p->cap = cap;
	c->hits++;
	return cap;
}

size_t epcap_refuse(struct epcap *c, const char *pool, int listed, int *total)
{
	const struct pool *p = find(c, pool);
	size_t open = p ? p->open : 0;
	*total = 0;
	if (listed || (p && p->listed))
		return open >= c->lim.listed ? hit(c, pool, 1, c->lim.listed) : 0;
	if (open >= c->lim.unlisted)
		return hit(c, pool, 0, c->lim.unlisted);
	if (c->unlisted_open >= c->lim.unlisted_total) {
		*total = 1;
		return hit(c, EPCAP_TOTAL_POOL, 0, c->lim.unlisted_total);
	}
	return 0;
}

void epcap_opened(struct epcap *c, const char *pool, int listed)
{
	struct pool *p = get(c, pool, listed);
	if (listed && !p->listed) {	/* its episodes leave the unlisted total */
		c->unlisted_open -= p->open < c->unlisted_open ? p->open : c->unlisted_open;
		p->listed = 1;
	}
	p->open++;
	c->unlisted_open += !p->listed;
}

void epcap_closed(struct epcap *c, const char *pool)
{
	struct pool *p = find(c, pool);
	if (p == NULL || p->open == 0)
		return;
	p->open--;
	c->unlisted_open -= !p->listed && c->unlisted_open > 0;
}

uint64_t epcap_hits(const struct epcap *c) { return c->hits; }

size_t epcap_open(const struct epcap *c, const char *pool)
{
	const struct pool *p = find(c, pool);
	return p ? p->open : 0;
}

void epcap_each_hit(const struct epcap *c, void (*fn)(void *arg, const char *pool, size_t cap, uint64_t hits),
		    void *arg)
{
	for (size_t i = 0; i < c->n; i++)
		if (c->pool[i].hits > 0)
			fn(arg, c->pool[i].name, c->pool[i].cap, c->pool[i].hits);
}
