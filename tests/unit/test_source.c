/* Unit tests for source: lines, offsets, partial and over-long lines, gzip,
 * identity. Real files in a temporary directory. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "testutil.h"
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>
#include "source.h"

static char dir[64];

static const char *tmp(const char *name)
{
	return tu_path(dir, name);
}

static void put(const char *path, const char *mode, const void *data, size_t n)
{
	FILE *f = fopen(path, mode);
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	fclose(f);
}

static int setup(void **state)
{
	(void)state;
	tu_mkdtemp(dir, sizeof dir, "src");
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	tu_rmtree(dir);
	return 0;
}

static void lines_and_offsets(void **state)
{
	char err[256];
	struct source_line l;
	(void)state;
	put(tmp("a.log"), "w", "one\ntwo\n\nthree\n", 15);
	struct source *s = source_open(tmp("a.log"), err, sizeof err);
	assert_non_null(s);
	assert_int_equal(source_next(s, &l, err, sizeof err), 1);
	assert_int_equal(l.text.len, 3);
	assert_memory_equal(l.text.p, "one", 3);
	assert_int_equal(l.start, 0);
	assert_int_equal(l.end, 4);
	assert_int_equal(source_next(s, &l, err, sizeof err), 1);
	assert_int_equal(l.start, 4);
	assert_int_equal(l.end, 8);
	assert_int_equal(source_next(s, &l, err, sizeof err), 1);
	assert_int_equal(l.text.len, 0);
	assert_int_equal(source_next(s, &l, err, sizeof err), 1);
	assert_memory_equal(l.text.p, "three", 5);
	assert_int_equal(l.end, 15);
	assert_int_equal(l.lineno, 4);
	assert_int_equal(source_next(s, &l, err, sizeof err), 0);
	assert_int_equal(source_offset(s), 15);
	source_free(s);
}

static void partial_line_held_until_newline(void **state)
{
	char err[256];
	struct source_line l;
	(void)state;
	put(tmp("p.log"), "w", "done\nhalf", 9);
	struct source *s = source_open(tmp("p.log"), err, sizeof err);
	assert_int_equal(source_next(s, &l, err, sizeof err), 1);
	assert_int_equal(source_next(s, &l, err, sizeof err), 0);
	assert_int_equal(source_pending(s), 4);
	assert_int_equal(source_offset(s), 5);
	put(tmp("p.log"), "a", " line\n", 6);
	assert_int_equal(source_next(s, &l, err, sizeof err), 1);
	assert_int_equal(l.text.len, 9);
	assert_memory_equal(l.text.p, "half line", 9);
	assert_int_equal(l.start, 5);
	assert_int_equal(l.end, 15);
	assert_int_equal(source_pending(s), 0);
	source_free(s);
}

static void over_long_line_is_cut_and_counted_whole(void **state)
{
	char err[256];
	struct source_line l;
	size_t big = 1024 * 1024 + 7;
	char *buf = malloc(big + 8);
	(void)state;
	memset(buf, 'x', big);
	buf[big] = '\n';
	memcpy(buf + big + 1, "after\n", 6);
	put(tmp("long.log"), "w", buf, big + 7);
	struct source *s = source_open(tmp("long.log"), err, sizeof err);
	assert_int_equal(source_next(s, &l, err, sizeof err), 1);
	assert_int_equal(l.cut, 1);
	assert_int_equal(l.text.len, SOURCE_LINE_MAX);
	assert_int_equal(l.start, 0);
	assert_int_equal(l.end, big + 1);
	assert_int_equal(source_next(s, &l, err, sizeof err), 1);
	assert_int_equal(l.cut, 0);
	assert_memory_equal(l.text.p, "after", 5);
	assert_int_equal(l.end, big + 7);
	source_free(s);
	free(buf);
}

/* A line over the limit but short enough to arrive in one read is cut too. */
static void long_line_in_one_read_is_cut(void **state)
{
	char err[256];
	struct source_line l;
	size_t big = SOURCE_LINE_MAX + 3000;
	char *buf = malloc(big + 8);
	(void)state;
	memset(buf, 'y', big);
	buf[big] = '\n';
	memcpy(buf + big + 1, "next\n", 5);
	put(tmp("long1.log"), "w", buf, big + 6);
	struct source *s = source_open(tmp("long1.log"), err, sizeof err);
	assert_int_equal(source_next(s, &l, err, sizeof err), 1);
	assert_int_equal(l.cut, 1);
	assert_int_equal(l.text.len, SOURCE_LINE_MAX);
	assert_int_equal(l.end, big + 1);
	assert_int_equal(source_next(s, &l, err, sizeof err), 1);
	assert_int_equal(l.cut, 0);
	assert_int_equal(l.text.len, 4);
	source_free(s);
	free(buf);
}

/* stdin as a live stream: 0 while nothing complete has arrived, then the
 * line, then the end of input. */
static void live_stdin_does_not_wait(void **state)
{
	char err[256];
	struct source_line l;
	int fds[2], saved = dup(STDIN_FILENO);
	(void)state;
	assert_int_equal(pipe(fds), 0);
	dup2(fds[0], STDIN_FILENO);
	close(fds[0]);
	struct source *s = source_open_live_stdin(err, sizeof err);
	dup2(saved, STDIN_FILENO);
	close(saved);
	assert_non_null(s);
	assert_int_equal(source_is_seekable(s), 0);
	assert_int_equal(source_next(s, &l, err, sizeof err), 0);
	assert_int_equal(write(fds[1], "one\ntw", 6), 6);
	assert_int_equal(source_next(s, &l, err, sizeof err), 1);
	assert_memory_equal(l.text.p, "one", 3);
	assert_int_equal(source_next(s, &l, err, sizeof err), 0);
	assert_int_equal(source_eof(s), 0);
	close(fds[1]);
	assert_int_equal(source_next(s, &l, err, sizeof err), 1);
	assert_memory_equal(l.text.p, "tw", 2);
	assert_int_equal(source_next(s, &l, err, sizeof err), 0);
	assert_int_equal(source_eof(s), 1);
	source_free(s);
}

static void nul_bytes_are_kept_in_the_line(void **state)
{
	char err[256];
	struct source_line l;
	(void)state;
	put(tmp("nul.log"), "w", "a\0b\nc\n", 6);
	struct source *s = source_open(tmp("nul.log"), err, sizeof err);
	assert_int_equal(source_next(s, &l, err, sizeof err), 1);
	assert_int_equal(l.text.len, 3);
	assert_int_equal(l.text.p[1], '\0');
	assert_int_equal(source_next(s, &l, err, sizeof err), 1);
	assert_int_equal(l.end, 6);
	source_free(s);
}

static void gzip_is_read_and_seekable(void **state)
{
	char err[256];
	struct source_line l;
	(void)state;
	gzFile g = gzopen(tmp("z.log.gz"), "wb");
	assert_non_null(g);
	gzputs(g, "first\nsecond\nlast-no-newline");
	gzclose(g);
	struct source *s = source_open(tmp("z.log.gz"), err, sizeof err);
	assert_non_null(s);
	assert_true(source_is_gzip(s));
	assert_int_equal(source_next(s, &l, err, sizeof err), 1);
	assert_memory_equal(l.text.p, "first", 5);
	assert_int_equal(source_next(s, &l, err, sizeof err), 1);
	assert_int_equal(l.end, 13);
	/* a gzip file cannot grow: its unterminated last line is a line */
	assert_int_equal(source_next(s, &l, err, sizeof err), 1);
	assert_int_equal(l.text.len, 15);
	assert_int_equal(source_next(s, &l, err, sizeof err), 0);
	assert_int_equal(source_seek(s, 6, err, sizeof err), 0);
	assert_int_equal(source_next(s, &l, err, sizeof err), 1);
	assert_memory_equal(l.text.p, "second", 6);
	source_free(s);
}

static void identity_and_same_file(void **state)
{
	char err[256];
	struct source_ident a, b;
	(void)state;
	put(tmp("id.log"), "w", "hello\n", 6);
	struct source *s = source_open(tmp("id.log"), err, sizeof err);
	assert_int_equal(source_ident(s, &a), 0);
	assert_int_equal(a.fp_len, 6);
	assert_true(source_same_file(s, &a));
	source_free(s);
	/* grown: the old fingerprint still matches its prefix */
	put(tmp("id.log"), "a", "world\n", 6);
	s = source_open(tmp("id.log"), err, sizeof err);
	assert_int_equal(source_ident(s, &b), 0);
	assert_int_equal(b.fp_len, 12);
	assert_true(a.ino == b.ino);
	assert_true(source_same_file(s, &a));
	source_free(s);
	/* rewritten with other content: not the same file */
	put(tmp("id.log"), "w", "jello\n", 6);
	s = source_open(tmp("id.log"), err, sizeof err);
	assert_false(source_same_file(s, &a));
	source_free(s);
}

/* copytruncate between a reader's check and its read: the read itself
 * notices that the file no longer starts as it did, and gives the bytes
 * of the new content back instead of handing them out as lines that
 * follow the old ones. */
static void read_after_copytruncate_is_refused(void **state)
{
	char err[256];
	struct source_line l;
	struct source_ident id;
	(void)state;
	put(tmp("ct.log"), "w", "old one\nold two\n", 16);
	struct source *s = source_open(tmp("ct.log"), err, sizeof err);
	assert_non_null(s);
	assert_int_equal(source_ident(s, &id), 0);
	source_verify(s, &id);
	assert_int_equal(source_next(s, &l, err, sizeof err), 1);
	assert_int_equal(source_next(s, &l, err, sizeof err), 1);
	assert_int_equal(source_next(s, &l, err, sizeof err), 0);
	assert_false(source_replaced(s));
	/* truncated in place and refilled past the read position */
	put(tmp("ct.log"), "w", "new 1\nnew 2\nnew 3\nnew 4\n", 24);
	assert_int_equal(source_next(s, &l, err, sizeof err), 0);
	assert_true(source_replaced(s));
	assert_int_equal(source_offset(s), 16);
	/* without the check (as an old file is read), the same bytes become
	 * lines: the tail of a line of the new content, then the rest */
	source_verify(s, NULL);
	assert_false(source_replaced(s));
	assert_int_equal(source_next(s, &l, err, sizeof err), 1);
	assert_int_equal(l.text.len, 1);
	assert_memory_equal(l.text.p, "3", 1);
	source_free(s);
	/* appended, not replaced: read as usual under the check */
	put(tmp("ap.log"), "w", "a\n", 2);
	s = source_open(tmp("ap.log"), err, sizeof err);
	assert_int_equal(source_ident(s, &id), 0);
	source_verify(s, &id);
	assert_int_equal(source_next(s, &l, err, sizeof err), 1);
	put(tmp("ap.log"), "a", "b\n", 2);
	assert_int_equal(source_next(s, &l, err, sizeof err), 1);
	assert_memory_equal(l.text.p, "b", 1);
	assert_false(source_replaced(s));
	source_free(s);
}

static void errors_name_the_problem(void **state)
{
	char err[256];
	(void)state;
	assert_null(source_open(tmp("missing.log"), err, sizeof err));
	assert_non_null(strstr(err, "No such file"));
	assert_null(source_open(dir, err, sizeof err));
	assert_non_null(strstr(err, "is a directory"));
}

static void empty_file_has_no_lines(void **state)
{
	char err[256];
	struct source_line l;
	struct source_ident id;
	(void)state;
	put(tmp("empty.log"), "w", "", 0);
	struct source *s = source_open(tmp("empty.log"), err, sizeof err);
	assert_int_equal(source_next(s, &l, err, sizeof err), 0);
	assert_int_equal(source_ident(s, &id), 0);
	assert_int_equal(id.fp_len, 0);
	source_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lines_and_offsets),
		cmocka_unit_test(partial_line_held_until_newline),
		cmocka_unit_test(over_long_line_is_cut_and_counted_whole),
		cmocka_unit_test(long_line_in_one_read_is_cut),
		cmocka_unit_test(live_stdin_does_not_wait),
		cmocka_unit_test(nul_bytes_are_kept_in_the_line),
		cmocka_unit_test(gzip_is_read_and_seekable),
		cmocka_unit_test(identity_and_same_file),
		cmocka_unit_test(read_after_copytruncate_is_refused),
		cmocka_unit_test(errors_name_the_problem),
		cmocka_unit_test(empty_file_has_no_lines),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
