/* strmap - string to size_t hash table (see strmap.h).
 * Invariant: count <= cap / 2, so every probe sequence ends at an empty
 * slot. Base layer: knows nothing of mail, rules or logs.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "strmap.h"
#include "xmalloc.h"

struct strmap_slot {
	char *key;	/* NULL: empty */
	size_t len;
	size_t val;
	uint64_t hash;
};

/* One step of hash_bytes: word w multiplied in, the high half folded down. */
static uint64_t hash_step(uint64_t h, uint64_t w)
{
	h = (h ^ w) * 0xff51afd7ed558ccdULL;
	return h ^ (h >> 32);
}

/* Eight bytes at a time (the last word padded with zeros); the length
 * seeds it. Most keys are host names and addresses of 10 to 40 bytes: a
 * few multiplies, where a multiply per byte was most of a lookup's cost.
 * Not keyed: it does not resist chosen keys. */
static uint64_t hash_bytes(const char *p, size_t n)
{
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ n, w;
	for (; n >= 8; p += 8, n -= 8) {
		memcpy(&w, p, 8);
		h = hash_step(h, w);
	}
	if (n > 0) {
		w = 0;
		for (size_t i = 0; i < n; i++)
			w |= (uint64_t)(unsigned char)p[i] << (8 * i);
		h = hash_step(h, w);
	}
	return h;
}

void strmap_init(struct strmap *m)
{
	*m = (struct strmap){ 0 };
}

void strmap_release(struct strmap *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->slots[i].key);
	free(m->slots);
	strmap_init(m);
}

static struct strmap_slot *find(const struct strmap *m, const char *key, size_t len, uint64_t h)
{
	/* keys that differ in a few bytes (user1@x, user2@x) may share
	 * low bits: fold the high bits in before masking. */
	uint64_t mix = (h ^ (h >> 33)) * 0xff51afd7ed558ccdULL;
	size_t mask = m->cap - 1, i = (size_t)(mix ^ (mix >> 33)) & mask;
	for (;; i = (i + 1) & mask) {
		struct strmap_slot *s = &m->slots[i];
		if (s->key == NULL)
			return s;
		if (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0)
			return s;
	}
}

static void grow(struct strmap *m)
{
	struct strmap old = *m;
	m->cap = old.cap ? old.cap * 2 : 16;
	m->slots = xcalloc(m->cap, sizeof *m->slots);
	for (size_t i = 0; i < old.cap; i++) {
		struct strmap_slot *s = &old.slots[i];
		if (s->key)
			*find(m, s->key, s->len, s->hash) = *s;
	}
	free(old.slots);
}

int strmap_put(struct strmap *m, const char *key, size_t len, size_t val, size_t *old)
{
	uint64_t h = hash_bytes(key, len);
	struct strmap_slot *s;
	if ((m->count + 1) * 2 > m->cap)
		grow(m);
	s = find(m, key, len, h);
	if (s->key) {
		if (old)
			*old = s->val;
		return -1;
	}
	s->key = xmalloc(len + 1);	/* a span: may hold NUL bytes */
	memcpy(s->key, key, len);
	s->key[len] = '\0';
	s->len = len;
	s->val = val;
	s->hash = h;
	m->count++;
	return 0;
}

int strmap_get(const struct strmap *m, const char *key, size_t len, size_t *val)
{
	struct strmap_slot *s;
	if (m->cap == 0)
		return 0;
	s = find(m, key, len, hash_bytes(key, len));
	if (s->key == NULL)
		return 0;
	*val = s->val;
	return 1;
}
