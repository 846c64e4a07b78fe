/* idmap - a bounded map from a short id to a short text, oldest evicted
 *
 * What an MTA parser remembers between lines: Postfix's and Sendmail's
 * queue id -> sender, Exim's message id -> sender, OpenSMTPD's session id
 * -> last reply. Keys are at most IDMAP_KEY_MAX bytes (longer ones are not
 * stored), values are cut to IDMAP_VAL_MAX bytes. At most `max` entries:
 * when full, an insert overwrites the oldest entry. Memory: what the map
 * holds, not what it may hold: entries of ~300 bytes and an index of twice
 * as many 4-byte slots, both grown (doubled) as the map fills, up to max
 * entries and 2 * max slots. A new map costs a few KiB, whatever max is.
 */
#ifndef BW_IDMAP_H
#define BW_IDMAP_H
#include <stddef.h>
#include "str.h"

#define IDMAP_KEY_MAX 31
#define IDMAP_VAL_MAX 255

struct idmap;

/* max: a power of two, at least 2. */
struct idmap *idmap_new(size_t max);
void idmap_free(struct idmap *m);	/* NULL: nothing */

/* Stores key -> val (the newest entry; a key seen again moves there).
 * Keys longer than IDMAP_KEY_MAX are ignored; val is cut to IDMAP_VAL_MAX. */
void idmap_put(struct idmap *m, struct str key, struct str val);
/* 1 and *val (borrowed until the next put or remove) when key is there. */
int idmap_get(const struct idmap *m, struct str key, struct str *val);
void idmap_remove(struct idmap *m, struct str key);

size_t idmap_count(const struct idmap *m);
/* Bytes held on the heap now (bounded by max). */
size_t idmap_bytes(const struct idmap *m);

#endif
