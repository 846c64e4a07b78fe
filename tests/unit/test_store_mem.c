/* Unit tests for store_mem: SQLite's allocator for short-lived readers.
 * Blocks from the arena (new or reused after a free) and, once it is used
 * up, from malloc() never overlap, report at least the size asked for,
 * keep their bytes across realloc (growing and shrinking, in the arena and
 * outside it); a real database is then written and read through it. Under AddressSanitizer
 * store_mem_short_lived() does nothing and the same checks hold. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "testutil.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "store.h"

#define NBLOCK 3000

static void fill(unsigned char *p, int n, unsigned tag)
{
	for (int i = 0; i < n; i++)
		p[i] = (unsigned char)(tag * 31 + (unsigned)i);
}

static int intact(const unsigned char *p, int n, unsigned tag)
{
	for (int i = 0; i < n; i++)
		if (p[i] != (unsigned char)(tag * 31 + (unsigned)i))
			return 0;
	return 1;
}

/* 3000 blocks of 1 byte to 8 KiB (about 12 MiB: past the 8 MiB arena),
 * each filled with its own pattern; every third grown (its old block freed
 * and handed out again to a later one), every fifth shrunk. */
static void blocks(void **state)
{
	(void)state;
	static unsigned char *p[NBLOCK];
	static int n[NBLOCK];
	store_mem_short_lived();
	assert_int_equal(sqlite3_initialize(), SQLITE_OK);
	for (unsigned i = 0; i < NBLOCK; i++) {
		n[i] = 1 + (int)((i * 7919u) % 8192u);
		p[i] = sqlite3_malloc(n[i]);
		assert_non_null(p[i]);
		assert_true(sqlite3_msize(p[i]) >= (sqlite3_uint64)n[i]);
		assert_int_equal((uintptr_t)p[i] % 8, 0);
		fill(p[i], n[i], i);
	}
	for (unsigned i = 0; i < NBLOCK; i++) {
		int m = i % 3 == 0 ? n[i] * 2 + 5 : i % 5 == 0 ? (n[i] + 1) / 2 : n[i];
		if (m != n[i]) {
			unsigned char *q = sqlite3_realloc(p[i], m);
			assert_non_null(q);
			assert_true(intact(q, m < n[i] ? m : n[i], i));
			p[i] = q;
			n[i] = m;
			fill(p[i], n[i], i);
		}
	}
	for (unsigned i = 0; i < NBLOCK; i++)
		assert_true(intact(p[i], n[i], i));	/* no block wrote over another */
	for (unsigned i = 0; i < NBLOCK; i++)
		sqlite3_free(p[i]);
	sqlite3_free(NULL);
}

/* A database through the same allocator: written, closed, read back. */
static void database(void **state)
{
	(void)state;
	char dir[64], err[256];
	sqlite3 *h;
	tu_mkdtemp(dir, sizeof dir, "storemem");
	store_mem_short_lived();
	struct store *st = store_open(tu_path(dir, "m.db"), STORE_WRITE, err, sizeof err);
	assert_non_null(st);
	store_free(st);
	assert_int_equal(sqlite3_open(tu_path(dir, "m.db"), &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "CREATE TABLE t(x); WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL "
				      "SELECT i + 1 FROM c WHERE i < 20000) INSERT INTO t SELECT "
				      "printf('%0500d', i) FROM c", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	st = store_open(tu_path(dir, "m.db"), STORE_READ, err, sizeof err);
	assert_non_null(st);
	store_free(st);
	assert_int_equal(sqlite3_open_v2(tu_path(dir, "m.db"), &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(h, "SELECT count(*), sum(CAST(x AS INTEGER)) FROM t", -1, &s, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int64(s, 0), 20000);
	assert_int_equal(sqlite3_column_int64(s, 1), 200010000);
	sqlite3_finalize(s);
	sqlite3_close(h);
	tu_rmtree(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(blocks),
		cmocka_unit_test(database),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
