/* store_status - what the follower reports about its own health
 *
 * Rows of table reader_status: a followed path that names a file the
 * follower cannot open, since when and why. Written by tail, read by check.
 */
#ifndef BW_STORE_STATUS_H
#define BW_STORE_STATUS_H
#include <stddef.h>

struct store;

/* Records that path cannot be read since `since` (kept when a row exists)
 * because of why. 0, or -1 with err. */
int store_unreadable_set(struct store *st, const char *path, double since, const char *why,
			 char *err, size_t errlen);
/* Removes path's row (nothing when there is none). 0, or -1 with err. */
int store_unreadable_clear(struct store *st, const char *path, char *err, size_t errlen);

struct store_unreadable {
	int count;		/* paths not read */
	char path[512];		/* the one not read for longest */
	double since;
	char why[256];
};
/* Fills u (count 0 when every path is read, also on a database made before
 * the table existed). 0, or -1 with err. */
int store_unreadable_get(struct store *st, struct store_unreadable *u, char *err, size_t errlen);

#endif
