/* rotate - the files a log was rotated to, found next to its path
 *
 * Pure file-system lookups for the follower (logpath.c); what is found
 * means what rotation.c decides, logpath.c does it: which file next to a path (mail.log.1,
 * mail.log-20261128, mail.log.2.gz, ...; next to the target of a symbolic
 * link) is the one remembered by identity and offset (rotation or
 * copytruncate while stopped), and which rotated files are newer than a
 * given time (rotated more than once while stopped). Knows nothing of the
 * store, of following or of log formats.
 */
#ifndef BW_ROTATE_H
#define BW_ROTATE_H
#include <limits.h>
#include <stdint.h>
#include <sys/stat.h>
#include <time.h>
#include "source.h"

struct rotate_sibling {
	struct source *src;	/* the open file (the caller's to free), or NULL */
	char path[PATH_MAX];
	int complete;		/* found, but nothing left to read past offset */
	struct timespec mtime;
};

/* Looks next to path for the file remembered as (id, offset), skipping the
 * file exclude (may be NULL): by device and inode first, then (by_fp) by
 * its first bytes. Returns 1 found (s filled; s->src open unless
 * complete), 0 not. */
int rotate_find(const char *path, const struct source_ident *id, uint64_t offset,
		const struct stat *exclude, int by_fp, struct rotate_sibling *s);

struct rotate_file {
	char path[PATH_MAX];
	struct timespec mtime;
};

/* The rotated files next to path modified strictly after `after`, oldest
 * first, at most max of them, leaving out those skip(arg, path, stat)
 * returns non-zero for. Returns how many were stored in out. */
int rotate_newer(const char *path, const struct timespec *after,
		 int (*skip)(void *arg, const char *full, const struct stat *sb), void *arg,
		 struct rotate_file *out, int max);

#endif
