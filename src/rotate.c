/* rotate - finding rotated files next to a log's path (see rotate.h).
 *
 * Owns nothing between calls: each lookup opens the directory, stats the
 * names that look like rotations of the path's base name (base.N,
 * base-DATE, with any suffix) and opens candidates only to compare their
 * first bytes. Must not depend on the store or the follower.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rotate.h"

static void split_dir(const char *path, char *dir, size_t dn, const char **base)
{
	const char *slash = strrchr(path, '/');
	if (slash == NULL) {
		snprintf(dir, dn, ".");
		*base = path;
	} else {
		snprintf(dir, dn, "%.*s", slash == path ? 1 : (int)(slash - path), path);
		*base = slash + 1;
	}
}

/* Whether the file at full is the one remembered as (id, offset): the file
 * itself (its device and inode, not born again there, plain), else (by_fp)
 * a copy by its first bytes, a compressed one by its full fingerprint
 * whatever its inode number (gzip makes the copy before the plain file
 * goes, but a copy made later may get the number that file freed). Fills
 * s (opened) on a match. */
static int sibling_try(const char *full, const struct stat *sb, const struct source_ident *id,
		       uint64_t offset, const struct stat *exclude, int by_fp, struct rotate_sibling *s)
{
	char err[256];
	int same_ino = sb->st_dev == id->dev && sb->st_ino == id->ino;
	if (exclude && sb->st_dev == exclude->st_dev && sb->st_ino == exclude->st_ino)
		return 0;
	if (!same_ino && !(by_fp && id->fp_len > 0))
		return 0;
	struct source *src = source_open(full, err, sizeof err);
	if (src == NULL)
		return 0;
	struct source_ident here = { .dev = sb->st_dev, .ino = sb->st_ino, .btime = source_btime(src) };
	int gz = source_is_gzip(src);
	int itself = same_ino && !gz && !source_ident_reborn(&here, id);
	int copy = by_fp && id->fp_len > 0 && (!gz || id->fp_len == SOURCE_FP_MAX);
	if ((!itself && !copy) || !source_same_file(src, id)) {
		source_free(src);
		return 0;
	}
	snprintf(s->path, sizeof s->path, "%s", full);
	s->mtime = sb->st_mtim;
	s->complete = !source_is_gzip(src) && source_size(src) <= offset;
	if (s->complete)
		source_free(src);
	else
		s->src = src;
	return 1;
}

/* Whether name in dir is a rotated name of base (base.N, base-DATE, with
 * any suffix) and a regular file; fills full and sb. */
static int sibling_stat(const char *dir, const char *base, size_t bl, const char *name,
			char *full, size_t fullsz, struct stat *sb)
{
	if (strncmp(name, base, bl) != 0 || (name[bl] != '.' && name[bl] != '-'))
		return 0;
	return snprintf(full, fullsz, "%s/%s", dir, name) < (int)fullsz && stat(full, sb) == 0 &&
	       S_ISREG(sb->st_mode);
}

int rotate_find(const char *path, const struct source_ident *id, uint64_t offset,
			const struct stat *exclude, int by_fp, struct rotate_sibling *s)
{
	char real[PATH_MAX], dir[PATH_MAX], full[PATH_MAX];
	const char *base;
	struct dirent *de;
	int found = 0;
	DIR *d;

	memset(s, 0, sizeof *s);
	split_dir(realpath(path, real) ? real : path, dir, sizeof dir, &base);
	if ((d = opendir(dir)) == NULL)
		return 0;
	size_t bl = strlen(base);
	/* Two passes: a match by inode beats one by fingerprint. */
	for (int pass = 0; pass < 2 && !found; pass++) {
		rewinddir(d);
		while (!found && (de = readdir(d)) != NULL) {
			struct stat sb;
			if (!sibling_stat(dir, base, bl, de->d_name, full, sizeof full, &sb))
				continue;
			found = sibling_try(full, &sb, id, offset, exclude, pass == 1 && by_fp, s);
		}
	}
	closedir(d);
	return found;
}

static int ts_cmp(const struct timespec *x, const struct timespec *y)
{
	if (x->tv_sec != y->tv_sec)
		return (x->tv_sec > y->tv_sec) - (x->tv_sec < y->tv_sec);
	return (x->tv_nsec > y->tv_nsec) - (x->tv_nsec < y->tv_nsec);
}

static int by_mtime(const void *a, const void *b)
{
	return ts_cmp(&((const struct rotate_file *)a)->mtime, &((const struct rotate_file *)b)->mtime);
}

int rotate_newer(const char *path, const struct timespec *after,
		 int (*skip)(void *arg, const char *full, const struct stat *sb), void *arg,
		 struct rotate_file *out, int max)
{
	char real[PATH_MAX], dir[PATH_MAX];
	const char *base;
	struct dirent *de;
	int n = 0;
	DIR *d;

	split_dir(realpath(path, real) ? real : path, dir, sizeof dir, &base);
	if (max <= 0 || (d = opendir(dir)) == NULL)
		return 0;
	while (n < max && (de = readdir(d)) != NULL) {
		struct stat sb;
		if (!sibling_stat(dir, base, strlen(base), de->d_name, out[n].path, sizeof out[n].path, &sb) ||
		    ts_cmp(&sb.st_mtim, after) <= 0 || skip(arg, out[n].path, &sb))
			continue;
		out[n++].mtime = sb.st_mtim;
	}
	closedir(d);
	qsort(out, (size_t)n, sizeof *out, by_mtime);
	return n;
}
