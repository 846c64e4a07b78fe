/* position - a source's position, opaque to the store (see position.h).
 *
 * Invariant: a position held in a struct position always satisfies
 * at < POSITION_AT_LIMIT and a NUL-terminated token (position_set refuses
 * anything else rather than cutting it).
 */
#include <string.h>
#include "position.h"

#define SOURCE_ID_LIMIT (INT64_C(1) << (63 - POSITION_BITS))

struct position position_offset(uint64_t offset)
{
	struct position p;
	memset(&p, 0, sizeof p);
	p.at = offset;
	return p;
}

int position_set(struct position *p, uint64_t at, const char *token, double ts)
{
	size_t n = token ? strlen(token) : 0;
	if (at >= POSITION_AT_LIMIT || n >= POSITION_TOKEN_MAX)
		return -1;
	memset(p, 0, sizeof *p);
	p->at = at;
	p->ts = ts;
	if (n > 0)
		memcpy(p->token, token, n);
	return 0;
}

int position_has_token(const struct position *p) { return p->token[0] != '\0'; }

int position_same(const struct position *a, const struct position *b)
{
	return a->at == b->at && a->ts == b->ts && strcmp(a->token, b->token) == 0;
}

int64_t position_row_id(int64_t source_id, uint64_t at)
{
	if (at >= POSITION_AT_LIMIT || source_id < 1 || source_id >= SOURCE_ID_LIMIT)
		return -1;
	return (int64_t)(((uint64_t)source_id << POSITION_BITS) | at);
}
