/* xmalloc - allocation that cannot fail
 *
 * Out of memory is not an error a caller can handle here: these print one line
 * and exit(1). Everything else in bouncewatch is a result code.
 */
#ifndef BW_XMALLOC_H
#define BW_XMALLOC_H
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
