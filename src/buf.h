/* buf - a growable byte buffer, always NUL-terminated
 *
 * For text we build ourselves (messages, protocol commands): it grows as
 * needed (out of memory is fatal, xmalloc.h). Text from outside is bounded
 * by its reader before it gets here. Embedded: buf_init() / buf_release().
 * Base layer.
 */
#ifndef BW_BUF_H
#define BW_BUF_H
#include <stddef.h>

struct buf {
	char *p;	/* NUL-terminated; NULL until the first add */
	size_t len;	/* bytes before the NUL */
	size_t cap;
};

void buf_init(struct buf *b);
/* Frees the bytes; b is empty (and reusable) afterwards. */
void buf_release(struct buf *b);
void buf_add(struct buf *b, const void *p, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_addf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The bytes so far ("" when none); borrowed until the next add. */
const char *buf_str(const struct buf *b);

#endif
