/* Unit tests for the per-hour id sets (store_ids.c): SipHash-2-4 against the
 * paper's test vectors; a window's distinct messages, deferred messages and
 * recipients from the sets and the ragged ends' rows equal those counted by
 * hand, across hours, writers and late attempts; an hour whose rows were
 * changed with sqlite3 is read from its rows; prune deletes the sets of the
 * hours it empties. A real SQLite file. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "testutil.h"
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include "store.h"
#include "store_ids.h"
#include "store_prune.h"

static char dir[64];
static char db[128];

static int setup(void **state)
{
	(void)state;
	tu_mkdtemp(dir, sizeof dir, "ids");
	snprintf(db, sizeof db, "%s", tu_path(dir, "i.db"));
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	tu_rmtree(dir);
	return 0;
}

/* SipHash-2-4, key 00 01 .. 0f: the empty message and 00 01 .. 0e (the
 * paper's appendix A, and the reference implementation's vectors). */
static void siphash_vectors(void **state)
{
	unsigned char msg[15];
	const uint64_t k[2] = { 0x0706050403020100ULL, 0x0f0e0d0c0b0a0908ULL };
	(void)state;
	for (int i = 0; i < 15; i++)
		msg[i] = (unsigned char)i;
	assert_true(store_ids_siphash(k, msg, 15) == 0xa129ca6149be45e5ULL);
	assert_true(store_ids_siphash(k, msg, 0) == 0x726fdb47dd0e0e31ULL);
}

static void msg_key(void **state)
{
	char buf[1024], big[2000];
	(void)state;
	assert_int_equal(store_ids_msg_key(buf, STR_LIT("mx1"), STR_LIT("4F9D")), 8);
	assert_string_equal(buf, "mx1 4F9D");
	assert_int_equal(store_ids_msg_key(buf, (struct str){ NULL, 0 }, STR_LIT("Q")), 2);
	assert_string_equal(buf, " Q");
	memset(big, 'h', sizeof big);
	assert_int_equal(store_ids_msg_key(buf, (struct str){ big, sizeof big }, STR_LIT("Q")), 1023);
	assert_int_equal(store_ids_msg_key(buf, (struct str){ "a\0b", 3 }, STR_LIT("Q")), 3);
	assert_string_equal(buf, "a Q");
}

#define T0 1795046400.0	/* 2026-11-18T00:00:00Z */

static int64_t source(struct store *st, int n)
{
	char err[512], path[64];
	struct source_ident id = { .dev = 1, .ino = (ino_t)(40 + n), .fp = (uint64_t)n, .fp_len = 100 };
	snprintf(path, sizeof path, "/var/log/mail%d.log", n);
	int64_t sid = store_source_new(st, path, &id, err, sizeof err);
	assert_true(sid > 0);
	return sid;
}

/* One attempt at t, in its own transaction. */
static void add(struct store *st, int64_t sid, uint64_t *off, double t, const char *qid,
		const char *rcpt, enum delivery_status status, int local)
{
	char err[512];
	struct delivery d;
	struct verdict v = { .provider = "generic" };
	delivery_reset(&d);
	d.ts = t;
	d.host = STR_LIT("mx1");
	d.mta = "postfix";
	d.program = local ? STR_LIT("postfix/lmtp") : STR_LIT("postfix/smtp");
	d.queue_id = str_cstr(qid);
	d.recipient = str_cstr(rcpt);
	snprintf(d.rcpt_domain, sizeof d.rcpt_domain, "example.org");
	d.relay_ip = STR_LIT("192.0.2.25");
	d.status = status;
	d.local = local;
	assert_int_equal(store_begin(st, err, sizeof err), 0);
	assert_int_equal(store_add(st, sid, (*off)++, &d, &v, err, sizeof err), 1);
	assert_int_equal(store_commit(st, err, sizeof err), 0);
}

/* Four hours: message A retried over three of them (deferred twice), B and
 * C once, a local delivery (not counted), four recipients. */
static void fill(struct store *st, int64_t sid, uint64_t *off)
{
	add(st, sid, off, T0 + 100, "A", "a@example.org", DS_DEFERRED, 0);
	add(st, sid, off, T0 + 3600 + 100, "A", "a@example.org", DS_DEFERRED, 0);
	add(st, sid, off, T0 + 3600 + 200, "B", "b@example.org", DS_SENT, 0);
	add(st, sid, off, T0 + 3600 + 300, "B", "c@example.org", DS_SENT, 0);
	add(st, sid, off, T0 + 7200 + 100, "A", "a@example.org", DS_SENT, 0);
	add(st, sid, off, T0 + 7200 + 200, "L", "l@example.org", DS_SENT, 1);
	add(st, sid, off, T0 + 10800 + 100, "C", "d@example.org", DS_SENT, 0);
}

static void count(struct store *st, double since, double until, int64_t want_m, int64_t want_d,
		  int64_t want_r)
{
	char err[512];
	int64_t out[IDS__COUNT] = { -1, -1, -1 };
	int64_t q0 = (int64_t)since + 3599 - ((int64_t)since + 3599) % 3600;
	int64_t q1 = (int64_t)until - (int64_t)until % 3600;
	assert_int_equal(store_ids_count(st, since, until, q0, q1, 1000, out, err, sizeof err), 1);
	assert_int_equal(out[IDS_MESSAGES], want_m);
	assert_int_equal(out[IDS_DEFERRED], want_d);
	assert_int_equal(out[IDS_RECIPIENTS], want_r);
}

/* A writer that stored fill()'s attempts and closed their hours. */
static struct store *filled(void)
{
	uint64_t off = 0;
	char err[512];
	struct store *st = store_open(db, STORE_WRITE, err, sizeof err);
	assert_non_null(st);
	fill(st, source(st, 1), &off);
	assert_int_equal(store_close_hours(st, err, sizeof err), 0);
	return st;
}

static void window_counts(void **state)
{
	(void)state;
	struct store *st = filled();
	assert_int_equal(tu_sql(db, "SELECT count(*) FROM rollup_ids WHERE start >= 0", NULL, 0), 4);
	count(st, T0, T0 + 4 * 3600, 3, 1, 4);		/* whole hours */
	count(st, T0 + 150, T0 + 10800 + 150, 3, 1, 4);	/* ragged ends from rows */
	count(st, T0 + 3600, T0 + 7200, 2, 1, 3);		/* one hour */
	count(st, T0 + 7200, T0 + 3 * 3600, 1, 0, 1);	/* the local one left out */
	count(st, T0 + 150, T0 + 3600 + 150, 1, 1, 1);	/* no whole hour */
	store_free(st);
}

/* A change made with sqlite3 (its own connection, the schema's triggers on). */
static void write_sql(const char *sql)
{
	sqlite3 *h;
	assert_int_equal(sqlite3_open_v2(db, &h, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
}

/* Rows added and moved with sqlite3 (the schema's triggers keep the
 * rollups right, not the sets): those hours are read from their rows. */
static void foreign_rows_read_from_rows(void **state)
{
	char sql[512];
	(void)state;
	struct store *st = filled();
	snprintf(sql, sizeof sql, "INSERT INTO deliveries (id, ts, host, mta, queue_id, recipient, "
		 "rcpt_domain, status, source_id, offset) SELECT 1000000000, %.0f, 'mx1', 'postfix', "
		 "'Z', 'z@example.org', 'example.org', 'deferred', source_id, 999999 "
		 "FROM deliveries LIMIT 1", T0 + 3600 + 400);
	write_sql(sql);
	assert_int_equal(tu_sql(db, "SELECT count(*) FROM deliveries", NULL, 0), 8);
	count(st, T0, T0 + 4 * 3600, 4, 2, 5);
	write_sql("UPDATE deliveries SET ts = ts + 3600 WHERE queue_id = 'C'");
	count(st, T0, T0 + 4 * 3600, 3, 2, 4);	/* C left the window */
	store_free(st);
}

/* A second writer's late attempt into a closed hour is merged into its set. */
static void late_attempt_merged(void **state)
{
	uint64_t off2 = 0;
	char err[512];
	(void)state;
	struct store *st = filled();
	struct store *b = store_open(db, STORE_WRITE, err, sizeof err);
	assert_non_null(b);
	int64_t sb = source(b, 2);
	add(b, sb, &off2, T0 + 10800 + 3600 + 900, "E", "e@example.org", DS_SENT, 0);	/* later */
	add(b, sb, &off2, T0 + 3600 + 500, "D", "a@example.org", DS_DEFERRED, 0);	/* late */
	assert_int_equal(store_close_hours(b, err, sizeof err), 0);
	count(st, T0, T0 + 4 * 3600, 4, 2, 4);
	assert_int_equal(tu_sql(db, "SELECT attempts FROM rollup_ids WHERE start = 1795050000",
				NULL, 0), 4);
	store_free(b);
	store_free(st);
}

static void prune_deletes_sets(void **state)
{
	char err[512];
	int64_t ev;
	(void)state;
	struct store *st = filled();
	assert_true(store_prune_batch(st, T0 + 7200 + 150, 1000, &ev, err, sizeof err) >= 0);
	assert_int_equal(tu_sql(db, "SELECT count(*) FROM rollup_ids WHERE start >= 0", NULL, 0), 2);
	assert_int_equal(tu_sql(db, "SELECT count(*) FROM rollup_ids WHERE start = -1", NULL, 0), 1);
	store_free(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(siphash_vectors),
		cmocka_unit_test(msg_key),
		cmocka_unit_test_setup_teardown(window_counts, setup, teardown),
		cmocka_unit_test_setup_teardown(foreign_rows_read_from_rows, setup, teardown),
		cmocka_unit_test_setup_teardown(late_attempt_merged, setup, teardown),
		cmocka_unit_test_setup_teardown(prune_deletes_sets, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
