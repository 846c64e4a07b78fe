/* idmap - bounded id -> text map (see idmap.h).
 *
 * Open addressing (linear probing, backward-shift delete) over an entry
 * ring. Entries are written in ring order, so when the ring is full the
 * next insert overwrites the oldest entry (a removal leaves a hole that is
 * reused when the ring comes round). Must not depend on any log format.
 * The index starts small and doubles (rehashing every live entry) before
 * it would be more than half full; at 2 * max slots it never is, since at
 * most max entries are live. The entries grow the same way (ring_entry).
 */
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "idmap.h"
#include "xmalloc.h"

#define SLOTS_FIRST 64		/* slots of a new map (at most 2 * max) */
#define ENTS_FIRST 16		/* entries allocated first (at most max) */

struct ent {
	uint32_t hash;
	uint8_t klen;		/* 0: free */
	uint8_t vlen;
	char key[IDMAP_KEY_MAX];
	char val[IDMAP_VAL_MAX];
};

struct idmap {
	struct ent *ents;
	size_t max;		/* ring size */
	size_t nalloc;		/* entries allocated, <= max */
	uint64_t seq;		/* inserts so far; next ring position is seq % max */
	size_t count;
	uint32_t mask;		/* slots - 1 */
	uint32_t *slots;	/* entry index + 1; 0 = empty */
};

static uint32_t key_hash(const char *p, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)p[i]) * 16777619u;
	return h;
}

struct idmap *idmap_new(size_t max)
{
	assert(max >= 2 && (max & (max - 1)) == 0);
	struct idmap *m = xcalloc(1, sizeof *m);
	m->max = max;
	size_t n = 2 * max < SLOTS_FIRST ? 2 * max : SLOTS_FIRST;
	m->mask = (uint32_t)(n - 1);
	m->slots = xcalloc(n, sizeof *m->slots);
	return m;
}

void idmap_free(struct idmap *m)
{
	if (!m)
		return;
	free(m->ents);
	free(m->slots);
	free(m);
}

static long find_slot(const struct idmap *m, const char *k, size_t n, uint32_t h)
{
	for (uint32_t i = h & m->mask;; i = (i + 1) & m->mask) {
		uint32_t v = m->slots[i];
		if (v == 0)
			return -1;
		const struct ent *en = &m->ents[v - 1];
		if (en->hash == h && en->klen == n && memcmp(en->key, k, n) == 0)
			return (long)i;
	}
}

/* Empties slot i (backward-shift deletion) and frees its entry. */
static void del_slot(struct idmap *m, uint32_t i)
{
	m->ents[m->slots[i] - 1].klen = 0;
	m->count--;
	for (uint32_t j = (i + 1) & m->mask; m->slots[j]; j = (j + 1) & m->mask) {
		uint32_t k = m->ents[m->slots[j] - 1].hash & m->mask;
		int move = (j > i) ? (k <= i || k > j) : (k <= i && k > j);
		if (move) {
			m->slots[i] = m->slots[j];
			i = j;
		}
	}
	m->slots[i] = 0;
}

void idmap_remove(struct idmap *m, struct str key)
{
	if (key.len == 0 || key.len > IDMAP_KEY_MAX)
		return;
	long i = find_slot(m, key.p, key.len, key_hash(key.p, key.len));
	if (i >= 0)
		del_slot(m, (uint32_t)i);
}

int idmap_get(const struct idmap *m, struct str key, struct str *val)
{
	if (key.len == 0 || key.len > IDMAP_KEY_MAX)
		return 0;
	long i = find_slot(m, key.p, key.len, key_hash(key.p, key.len));
	if (i < 0)
		return 0;
	const struct ent *en = &m->ents[m->slots[i] - 1];
	*val = str_make(en->val, en->vlen);
	return 1;
}

/* The entry at ring position pos, allocated on demand; the oldest one
 * there (if any) is evicted. */
static struct ent *ring_entry(struct idmap *m, size_t pos)
{
	if (pos >= m->nalloc) {
		size_t n = m->nalloc ? 2 * m->nalloc : ENTS_FIRST;
		if (n > m->max)
			n = m->max;
		m->ents = xrealloc(m->ents, n * sizeof *m->ents);
		memset(m->ents + m->nalloc, 0, (n - m->nalloc) * sizeof *m->ents);
		m->nalloc = n;
	}
	struct ent *en = &m->ents[pos];
	if (en->klen) {
		long old = find_slot(m, en->key, en->klen, en->hash);
		if (old >= 0)
			del_slot(m, (uint32_t)old);
	}
	return en;
}

/* The first empty slot from h & mask on (linear probing). */
static uint32_t free_slot(const struct idmap *m, uint32_t h)
{
	uint32_t k = h & m->mask;
	while (m->slots[k])
		k = (k + 1) & m->mask;
	return k;
}

/* Doubles the index and puts every live entry in it again. */
static void grow_slots(struct idmap *m)
{
	size_t n = 2 * ((size_t)m->mask + 1);
	free(m->slots);
	m->slots = xcalloc(n, sizeof *m->slots);
	m->mask = (uint32_t)(n - 1);
	for (size_t e = 0; e < m->nalloc; e++)
		if (m->ents[e].klen)
			m->slots[free_slot(m, m->ents[e].hash)] = (uint32_t)e + 1;
}

void idmap_put(struct idmap *m, struct str key, struct str val)
{
	if (key.len == 0 || key.len > IDMAP_KEY_MAX)
		return;
	uint32_t h = key_hash(key.p, key.len);
	long i = find_slot(m, key.p, key.len, h);
	if (i >= 0)
		del_slot(m, (uint32_t)i);
	size_t pos = (size_t)(m->seq++ % m->max);
	struct ent *en = ring_entry(m, pos);
	size_t vl = val.len < IDMAP_VAL_MAX ? val.len : IDMAP_VAL_MAX;
	if (2 * (m->count + 1) > (size_t)m->mask + 1 && (size_t)m->mask + 1 < 2 * m->max)
		grow_slots(m);	/* before en is live: it is not in the index yet */
	en->hash = h;
	en->klen = (uint8_t)key.len;
	en->vlen = (uint8_t)vl;
	memcpy(en->key, key.p, key.len);
	if (vl)
		memcpy(en->val, val.p, vl);
	m->slots[free_slot(m, h)] = (uint32_t)pos + 1;
	m->count++;
}

size_t idmap_count(const struct idmap *m)
{
	return m->count;
}

size_t idmap_bytes(const struct idmap *m)
{
	return sizeof *m + ((size_t)m->mask + 1) * sizeof *m->slots + m->nalloc * sizeof *m->ents;
}
