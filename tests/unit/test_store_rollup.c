/* Unit tests for the open hours of the rollups (store_rollup.c): a recent
 * hour's groups are held across commits and written once when it closes; a
 * rolled-back batch leaves nothing behind in what is held; an hour left open
 * by a writer that stopped, or filled by two writers, is rebuilt from its
 * rows; nothing is counted twice; attempts decades apart are folded by
 * the buckets that hold them, not by every stretch of time between. A real
 * SQLite file, several connections. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "testutil.h"
#include <stdio.h>
#include <string.h>
#include <sqlite3.h>
#include "store.h"
#include "store_int.h"

static char dir[64];
static char db[128];

static int setup(void **state)
{
	(void)state;
	tu_mkdtemp(dir, sizeof dir, "rollup");
	snprintf(db, sizeof db, "%s", tu_path(dir, "r.db"));
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	tu_rmtree(dir);
	return 0;
}

#define T0 1795046400.0	/* 2026-11-18T00:00:00Z */
#define LATER (T0 + 3600 + 700)	/* closes the hour T0 (after the grace) */

static struct store *open_w(void)
{
	char err[512];
	struct store *st = store_open(db, STORE_WRITE, err, sizeof err);
	assert_non_null(st);
	return st;
}

/* A source of its own per writer (the row ids differ). */
static int64_t source(struct store *st, int n)
{
	char err[512], path[64];
	struct source_ident id = { .dev = 1, .ino = (ino_t)(40 + n), .fp = (uint64_t)n, .fp_len = 100 };
	snprintf(path, sizeof path, "/var/log/mail%d.log", n);
	int64_t sid = store_source_new(st, path, &id, err, sizeof err);
	assert_true(sid > 0);
	return sid;
}

/* n attempts sent at t, t + 1, ... in one transaction; rollback instead of
 * commit when asked. */
static void batch(struct store *st, int64_t sid, uint64_t *off, double t, int n, int rollback)
{
	char err[512];
	assert_int_equal(store_begin(st, err, sizeof err), 0);
	for (int i = 0; i < n; i++) {
		struct delivery d;
		struct verdict v = { .provider = "generic" };
		delivery_reset(&d);
		d.ts = t + i;
		d.host = STR_LIT("mx1");
		d.mta = "postfix";
		d.program = STR_LIT("postfix/smtp");
		d.queue_id = STR_LIT("4F9D1C2A3B");
		d.recipient = STR_LIT("someone@example.org");
		snprintf(d.rcpt_domain, sizeof d.rcpt_domain, "example.org");
		d.relay_ip = STR_LIT("192.0.2.25");
		d.status = DS_SENT;
		d.delay = 1.5;
		assert_int_equal(store_add(st, sid, (*off)++, &d, &v, err, sizeof err), 1);
	}
	if (rollback)
		store_rollback(st);
	else
		assert_int_equal(store_commit(st, err, sizeof err), 0);
}

/* Attempts the rollups of section sec hold for the hour T0. */
static long long hour_t0(int sec)
{
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT coalesce(sum(attempts), 0) FROM rollups "
		 "WHERE span = 3600 AND sec = %d AND start = %.0f", sec, T0);
	return tu_sql(db, sql, NULL, 0);
}

static long long open_rows(double hour)
{
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT coalesce(sum(rows), 0) FROM rollup_open WHERE start = %.0f",
		 hour);
	return tu_sql(db, sql, NULL, 0);
}

/* Held over two commits, written once when a later attempt closes it. */
static void held_then_written_once(void **state)
{
	uint64_t off = 0;
	(void)state;
	struct store *st = open_w();
	int64_t sid = source(st, 1);
	batch(st, sid, &off, T0 + 10, 3, 0);
	batch(st, sid, &off, T0 + 100, 2, 0);
	assert_int_equal(hour_t0(0), 0);	/* not written yet: readers take the rows */
	assert_int_equal(open_rows(T0), 5);
	batch(st, sid, &off, LATER, 1, 0);
	assert_int_equal(hour_t0(0), 5);
	assert_int_equal(hour_t0(3), 5);	/* the domain section */
	assert_int_equal(open_rows(T0), 0);
	assert_int_equal(open_rows(T0 + 3600), 1);
	/* scan's end: every hour held is written */
	char err[512];
	assert_int_equal(store_close_hours(st, err, sizeof err), 0);
	assert_int_equal(tu_sql(db, "SELECT count(*) FROM rollup_open", NULL, 0), 0);
	assert_int_equal(tu_sql(db, "SELECT sum(attempts) FROM rollups WHERE span = 3600 AND sec = 0",
				NULL, 0), 6);
	store_free(st);
}

/* A rolled-back batch in a held hour leaves nothing in what is held. */
static void rollback_leaves_nothing_held(void **state)
{
	uint64_t off = 0;
	(void)state;
	struct store *st = open_w();
	int64_t sid = source(st, 1);
	batch(st, sid, &off, T0 + 10, 3, 0);
	batch(st, sid, &off, T0 + 20, 4, 1);	/* rolled back */
	batch(st, sid, &off, T0 + 30, 2, 0);
	assert_int_equal(open_rows(T0), 5);
	batch(st, sid, &off, LATER, 1, 1);	/* would have closed it: rolled back */
	assert_int_equal(hour_t0(0), 0);
	batch(st, sid, &off, LATER, 1, 0);
	assert_int_equal(hour_t0(0), 5);
	assert_int_equal(tu_sql(db, "SELECT count(*) FROM deliveries", NULL, 0), 6);
	store_free(st);
}

/* A writer that stopped without writing its held hour: the next writer
 * rebuilds it from the rows. */
static void stopped_writer_rebuilt(void **state)
{
	uint64_t off = 0, off2 = 0;
	(void)state;
	struct store *a = open_w();
	batch(a, source(a, 1), &off, T0 + 10, 3, 0);
	store_free(a);	/* its held groups are gone, like a crash */
	assert_int_equal(open_rows(T0), 3);
	struct store *b = open_w();
	batch(b, source(b, 2), &off2, LATER, 2, 0);
	assert_int_equal(hour_t0(0), 3);
	assert_int_equal(hour_t0(1), 3);	/* the provider section */
	assert_int_equal(open_rows(T0), 0);
	store_free(b);
}

/* Two writers in the same hour: whoever closes it rebuilds it from the
 * rows, and the other forgets what it held instead of adding it again. */
static void two_writers_counted_once(void **state)
{
	uint64_t oa = 0, ob = 0;
	(void)state;
	struct store *a = open_w(), *b = open_w();
	int64_t sa = source(a, 1), sb = source(b, 2);
	batch(a, sa, &oa, T0 + 10, 2, 0);
	batch(b, sb, &ob, T0 + 20, 3, 0);
	assert_int_equal(tu_sql(db, "SELECT owner FROM rollup_open", NULL, 0), 0);
	batch(a, sa, &oa, LATER, 1, 0);
	assert_int_equal(hour_t0(0), 5);
	batch(b, sb, &ob, LATER + 10, 1, 0);
	assert_int_equal(hour_t0(0), 5);
	char err[512];
	assert_int_equal(store_close_hours(a, err, sizeof err), 0);
	assert_int_equal(store_close_hours(b, err, sizeof err), 0);
	assert_int_equal(tu_sql(db, "SELECT sum(attempts) FROM rollups WHERE span = 3600 AND sec = 0",
				NULL, 0), 7);
	store_free(a);
	store_free(b);
}

static long long day_t0(int sec)
{
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT coalesce(sum(attempts), 0) FROM rollups "
		 "WHERE span = 86400 AND sec = %d AND start = %.0f", sec, T0);
	return tu_sql(db, sql, NULL, 0);
}

/* A scan that ends with the day's last hour folds the day (a report over
 * that day reads one bucket per key); attempts stored in it later are added
 * to the folded day as well. */
static void last_day_folded_at_close(void **state)
{
	uint64_t off = 0, off2 = 0;
	char err[512];
	(void)state;
	struct store *a = open_w();
	int64_t sa = source(a, 1);
	batch(a, sa, &off, T0 + 10, 2, 0);
	batch(a, sa, &off, T0 + 86400 - 60, 3, 0);	/* 23:59, the day's last hour */
	assert_int_equal(day_t0(0), 0);
	assert_int_equal(store_close_hours(a, err, sizeof err), 0);
	assert_int_equal(day_t0(0), 5);
	assert_int_equal(day_t0(3), 5);	/* the domain section */
	store_free(a);
	struct store *b = open_w();
	batch(b, source(b, 2), &off2, T0 + 7200, 4, 0);	/* late, inside the folded day */
	assert_int_equal(store_close_hours(b, err, sizeof err), 0);
	assert_int_equal(day_t0(0), 9);
	assert_int_equal(tu_sql(db, "SELECT sum(attempts) FROM rollups WHERE span = 3600 AND sec = 3",
				NULL, 0), 9);
	store_free(b);
}

/* A day that is not over when the scan ends stays in hours. */
static void partial_day_not_folded(void **state)
{
	uint64_t off = 0;
	char err[512];
	(void)state;
	struct store *a = open_w();
	batch(a, source(a, 1), &off, T0 + 3600 * 20, 3, 0);
	assert_int_equal(store_close_hours(a, err, sizeof err), 0);
	assert_int_equal(day_t0(0), 0);
	assert_int_equal(hour_t0(0) + tu_sql(db, "SELECT sum(attempts) FROM rollups "
					    "WHERE span = 3600 AND sec = 0", NULL, 0), 3);
	store_free(a);
}

static int count_stmt(unsigned type, void *ctx, void *p, void *x)
{
	(void)type;
	(void)p;
	(void)x;
	++*(long *)ctx;
	return 0;
}

/* One attempt in 1990 and some in 2026 (a clock that was wrong, a hostile
 * log): closing the hours folds every bucket size from the buckets that
 * hold attempts, skipping the 36 empty years between them. Each stretch
 * of empty time folded one at a time took 92,244 statements here, now 659;
 * the statements are counted, not timed. */
static void decades_apart_fold_by_the_data(void **state)
{
	uint64_t off = 0;
	long stmts = 0;
	char err[512];
	(void)state;
	struct store *a = open_w();
	int64_t sid = source(a, 1);
	sqlite3_trace_v2(a->db, SQLITE_TRACE_STMT, count_stmt, &stmts);
	batch(a, sid, &off, 631152000.0, 1, 0);	/* 1990-01-01T00:00:00Z */
	batch(a, sid, &off, T0 + 10, 2, 0);
	batch(a, sid, &off, T0 + 86400 - 60, 3, 0);
	assert_int_equal(store_close_hours(a, err, sizeof err), 0);
	sqlite3_trace_v2(a->db, 0, NULL, NULL);
	assert_true(stmts > 0);
	assert_true(stmts < 2000);
	assert_int_equal(day_t0(0), 5);	/* the day of T0 folded */
	assert_int_equal(tu_sql(db, "SELECT sum(attempts) FROM rollups WHERE span = 86400 AND sec = 0 "
				"AND start = 631152000", NULL, 0), 1);	/* and 1990's */
	assert_int_equal(tu_sql(db, "SELECT sum(attempts) FROM rollups WHERE span = 3600 AND sec = 0",
				NULL, 0), 6);
	store_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(held_then_written_once, setup, teardown),
		cmocka_unit_test_setup_teardown(rollback_leaves_nothing_held, setup, teardown),
		cmocka_unit_test_setup_teardown(stopped_writer_rebuilt, setup, teardown),
		cmocka_unit_test_setup_teardown(two_writers_counted_once, setup, teardown),
		cmocka_unit_test_setup_teardown(last_day_folded_at_close, setup, teardown),
		cmocka_unit_test_setup_teardown(partial_day_not_folded, setup, teardown),
		cmocka_unit_test_setup_teardown(decades_apart_fold_by_the_data, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
