/* Unit tests for rotate: the remembered file found next to its path after a
 * rotation (by inode, by first bytes, skipping an excluded file, complete
 * when nothing is left past the offset) and the rotated files newer than a
 * time, oldest first, filtered by the caller. Real files in a scratch
 * directory. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "testutil.h"
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <zlib.h>
#include "rotate.h"

static char dir[64];

static void put(const char *name, const char *text, time_t mtime)
{
	FILE *f = fopen(tu_path(dir, name), "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	struct timeval tv[2] = { { mtime, 0 }, { mtime, 0 } };
	assert_int_equal(utimes(tu_path(dir, name), tv), 0);
}

static void ident_of(const char *name, struct source_ident *id)
{
	char err[256];
	struct source *s = source_open(tu_path(dir, name), err, sizeof err);
	assert_non_null(s);
	assert_int_equal(source_ident(s, id), 0);
	source_free(s);
}

static void finds_the_renamed_file(void **state)
{
	struct source_ident id;
	struct rotate_sibling s;
	char old[512], cur[512];
	(void)state;
	tu_mkdtemp(dir, sizeof dir, "rotate");
	put("mail.log", "line one\nline two\n", 1000);
	ident_of("mail.log", &id);
	snprintf(old, sizeof old, "%s", tu_path(dir, "mail.log"));
	snprintf(cur, sizeof cur, "%s", tu_path(dir, "mail.log.1"));
	assert_int_equal(rename(old, cur), 0);
	put("mail.log", "new file\n", 2000);
	put("other.log.1", "line one\nline two\n", 1000);	/* not a rotation of mail.log */
	assert_int_equal(rotate_find(old, &id, 9, NULL, 0, &s), 1);
	assert_string_equal(s.path, cur);
	assert_int_equal(s.complete, 0);
	assert_non_null(s.src);
	source_free(s.src);
	assert_int_equal(rotate_find(old, &id, 18, NULL, 0, &s), 1);	/* read to its end */
	assert_int_equal(s.complete, 1);
	assert_null(s.src);
	struct stat sb;
	assert_int_equal(stat(cur, &sb), 0);
	assert_int_equal(rotate_find(old, &id, 9, &sb, 1, &s), 0);	/* excluded */
	tu_rmtree(dir);
}

/* A scratch directory holding name with text; its identity in id. */
static void one_file(const char *name, const char *text, struct source_ident *id)
{
	tu_mkdtemp(dir, sizeof dir, "rotate");
	put(name, text, 1000);
	ident_of(name, id);
}

static void finds_a_copy_by_its_first_bytes(void **state)
{
	struct source_ident id;
	struct rotate_sibling s;
	(void)state;
	one_file("mail.log", "copied line\n", &id);
	put("mail.log-20261128", "copied line\nmore\n", 1000);	/* another inode */
	assert_int_equal(rotate_find(tu_path(dir, "mail.log"), &id, 0, NULL, 0, &s), 0);
	assert_int_equal(rotate_find(tu_path(dir, "mail.log"), &id, 0, NULL, 1, &s), 1);
	assert_non_null(strstr(s.path, "mail.log-20261128"));
	source_free(s.src);
	tu_rmtree(dir);
}

/* A rotated file on the inode of the remembered one, with its first bytes,
 * but born after it (the remembered file deleted, its inode number given to
 * a new file with the same start): not that file itself (by inode), only a
 * copy by its first bytes. Where the file system gives no birth time,
 * nothing tells them apart and it is found by inode. */
static void not_itself_when_born_after_it_on_its_inode(void **state)
{
	struct source_ident id;
	struct rotate_sibling s;
	(void)state;
	one_file("mail.log.1", "line one\nline two\n", &id);
	const char *path = tu_path(dir, "mail.log");
	assert_int_equal(rotate_find(path, &id, 9, NULL, 0, &s), 1);
	source_free(s.src);
	int known = id.btime != 0;
	id.btime = known ? id.btime - 1 : 0;	/* the remembered file, born before */
	assert_int_equal(rotate_find(path, &id, 9, NULL, 0, &s), !known);
	if (!known)
		source_free(s.src);
	assert_int_equal(rotate_find(path, &id, 9, NULL, 1, &s), 1);	/* a copy */
	source_free(s.src);
	tu_rmtree(dir);
}

/* A compressed copy on the inode number of the file it was made from
 * (freed before the copy was made): found by its full fingerprint, as
 * on any other inode; never as the file itself. */
static void compressed_copy_on_the_inode_of_its_file(void **state)
{
	struct source_ident id;
	struct rotate_sibling s;
	char text[4096];
	(void)state;
	for (size_t n = 0; n + 1 < sizeof text; n++)
		text[n] = n % 64 == 63 ? '\n' : (char)('a' + n % 26);
	text[sizeof text - 1] = '\0';
	one_file("mail.log", text, &id);
	assert_int_equal(id.fp_len, SOURCE_FP_MAX);
	gzFile g = gzopen(tu_path(dir, "mail.log.1.gz"), "wb");
	assert_non_null(g);
	assert_int_equal(gzputs(g, text), (int)strlen(text));
	assert_int_equal(gzclose(g), Z_OK);
	struct stat sb;
	assert_int_equal(stat(tu_path(dir, "mail.log.1.gz"), &sb), 0);
	id.ino = sb.st_ino;	/* the number the plain file had */
	id.dev = sb.st_dev;
	const char *path = tu_path(dir, "mail.log");
	assert_int_equal(rotate_find(path, &id, 640, NULL, 0, &s), 0);
	assert_int_equal(rotate_find(path, &id, 640, NULL, 1, &s), 1);
	assert_non_null(strstr(s.path, "mail.log.1.gz"));
	assert_int_equal(s.complete, 0);
	source_free(s.src);
	tu_rmtree(dir);
}

static int skip_two(void *arg, const char *full, const struct stat *sb)
{
	(void)arg;
	(void)sb;
	return strstr(full, "mail.log.2") != NULL;
}

static void newer_files_oldest_first(void **state)
{
	struct rotate_file out[8];
	struct timespec after = { 1500, 0 };
	(void)state;
	tu_mkdtemp(dir, sizeof dir, "rotate");
	put("mail.log", "cur\n", 5000);
	put("mail.log.1", "one\n", 4000);
	put("mail.log.2", "two\n", 3000);
	put("mail.log.3", "three\n", 2000);
	put("mail.log.4", "four\n", 1000);	/* not newer */
	int n = rotate_newer(tu_path(dir, "mail.log"), &after, skip_two, NULL, out, 8);
	assert_int_equal(n, 2);	/* .3 and .1: not .2 (skipped), .4 (older), the path itself */
	assert_non_null(strstr(out[0].path, "mail.log.3"));
	assert_non_null(strstr(out[1].path, "mail.log.1"));
	assert_int_equal(rotate_newer(tu_path(dir, "mail.log"), &after, skip_two, NULL, out, 1), 1);
	tu_rmtree(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(finds_the_renamed_file),
		cmocka_unit_test(finds_a_copy_by_its_first_bytes),
		cmocka_unit_test(not_itself_when_born_after_it_on_its_inode),
		cmocka_unit_test(compressed_copy_on_the_inode_of_its_file),
		cmocka_unit_test(newer_files_oldest_first),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
