/* testutil - what the unit tests share: a scratch directory made fresh and
 * removed whole, paths inside it, a file written there, one-value reads
 * of a SQLite file, and a small random generator for property tests.
 * Header only (static inline); include after <cmocka.h>. */
#ifndef BW_TESTUTIL_H
#define BW_TESTUTIL_H
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sqlite3.h>

/* The next number below n of the xorshift generator whose state is *rng
 * (never 0): fixed seeds give the same cases on every run. */
static inline unsigned tu_pick(uint64_t *rng, unsigned n)
{
	*rng ^= *rng << 13;
	*rng ^= *rng >> 7;
	*rng ^= *rng << 17;
	return (unsigned)(*rng % n);
}

/* Makes /tmp/bw-NAME-XXXXXX into dir (size n). */
static inline void tu_mkdtemp(char *dir, size_t n, const char *name)
{
	snprintf(dir, n, "/tmp/bw-%s-XXXXXX", name);
	assert_non_null(mkdtemp(dir));
}

static inline int tu_rm_one(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(p);
}

/* Removes dir and everything below it. */
static inline void tu_rmtree(const char *dir)
{
	nftw(dir, tu_rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* dir/name in one of four rotating buffers (valid for four more calls). */
static inline const char *tu_path(const char *dir, const char *name)
{
	static char p[4][512];
	static int k;
	k = (k + 1) % 4;
	snprintf(p[k], sizeof p[k], "%s/%s", dir, name);
	return p[k];
}

/* Writes text to dir/name (a new file, or over an old one). */
static inline void tu_write(const char *dir, const char *name, const char *text)
{
	FILE *f = fopen(tu_path(dir, name), "w");
	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

/* The first column of the first row of sql on the database db, opened
 * read-only; -1 when there is no row. A statement that does not prepare fails
 * the test. When text is not NULL, the value is also copied there as text. */
static inline long long tu_sql(const char *db, const char *sql, char *text, size_t textsz)
{
	sqlite3 *h;
	sqlite3_stmt *s;
	long long v = -1;
	if (text)
		text[0] = '\0';
	assert_int_equal(sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	if (sqlite3_prepare_v2(h, sql, -1, &s, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(h));
	if (sqlite3_step(s) == SQLITE_ROW) {
		v = sqlite3_column_int64(s, 0);
		if (text && sqlite3_column_text(s, 0))
			snprintf(text, textsz, "%s", (const char *)sqlite3_column_text(s, 0));
	}
	sqlite3_finalize(s);
	sqlite3_close(h);
	return v;
}

#endif
