/* strmap - a string to size_t hash table
 *
 * Open addressing with linear probing, a word-at-a-time multiplicative hash, power-of-two capacity
 * kept at most half full. Keys are byte spans, copied in (the map owns its
 * copies); lookups take a span so callers can probe suffixes of a buffer
 * without copying. Base layer: uses nothing of ours but xmalloc.
 */
#ifndef BW_STRMAP_H
#define BW_STRMAP_H
#include <stddef.h>

struct strmap_slot;

struct strmap {
	struct strmap_slot *slots;
	size_t cap;	/* 0 or a power of two */
	size_t count;
};

void strmap_init(struct strmap *m);
void strmap_release(struct strmap *m);

/* Adds key -> val. Returns 0, or -1 (map unchanged) when key is already
 * present; then *old (if not NULL) receives its value. */
int strmap_put(struct strmap *m, const char *key, size_t len, size_t val, size_t *old);

/* Returns 1 and sets *val when key is present, else 0. */
int strmap_get(const struct strmap *m, const char *key, size_t len, size_t *val);

#endif
