/* Unit tests for the reasons section from rollups (store_reason.c): the
 * domain list keeps the first 10 in byte order and says there are more,
 * over hours and folded days alike; the report from rollups is the report
 * from rows; a reply is grouped by its first 1023 bytes of wording; a
 * rolled-back batch leaves no reason rollup. A real SQLite file. */
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
#include "store_report.h"

static char dir[64];

static int setup(void **state)
{
	(void)state;
	tu_mkdtemp(dir, sizeof dir, "reason");
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	tu_rmtree(dir);
	return 0;
}

#define T0 1795046400.0	/* 2026-11-18T00:00:00Z, a day boundary */

/* One bounce to domain dom at t, with reply. */
static void bounce(struct store *st, int64_t sid, uint64_t off, double t, const char *dom,
		   const char *reply)
{
	char err[512];
	struct delivery d;
	struct verdict v = { .rule_id = "unknown-user", .provider = "generic",
			     .category = "user-unknown" };
	delivery_reset(&d);
	d.ts = t;
	d.host = STR_LIT("mx1");
	d.mta = "postfix";
	d.program = STR_LIT("postfix/smtp");
	d.queue_id = STR_LIT("4F9D1C2A3B");
	d.recipient = STR_LIT("someone@example");
	snprintf(d.rcpt_domain, sizeof d.rcpt_domain, "%s", dom);
	d.status = DS_BOUNCED;
	d.reply = str_cstr(reply);
	assert_int_equal(store_add(st, sid, off, &d, &v, err, sizeof err), 1);
}

/* Every reasons row as "count|domains|reason length" lines. */
struct rows {
	char text[4096];
};

static int collect(void *arg, int ncol, const char *const *names, const struct store_cell *c)
{
	struct rows *r = arg;
	size_t n = strlen(r->text);
	(void)names;
	if (c == NULL || ncol != 9)
		return 0;
	snprintf(r->text + n, sizeof r->text - n, "%.*s|%.*s|%zu\n", (int)c[2].len, c[2].p,
		 (int)c[6].len, c[6].p ? c[6].p : "", c[1].len);
	return 0;
}

static void report(const char *db, int from_rows, double since, double until, struct rows *r)
{
	char err[512];
	struct store *st = store_open(db, STORE_READ, err, sizeof err);
	struct store_window w = { since, until, 0 };
	assert_non_null(st);
	store_report_from_rows(st, from_rows);
	memset(r, 0, sizeof *r);
	assert_int_equal(store_report_section(st, STORE_SEC_REASONS, &w, collect, r, err, sizeof err), 0);
	store_free(st);
}

static int64_t source(struct store *st)
{
	char err[512];
	struct source_ident id = { .dev = 1, .ino = 42, .fp = 7, .fp_len = 100 };
	int64_t sid = store_source_new(st, "/var/log/mail.log", &id, err, sizeof err);
	assert_true(sid > 0);
	return sid;
}

static void ten_domains_then_more(void **state)
{
	static const char *const doms[] = { "m.example", "b.example", "l.example", "a.example",
					    "k.example", "c.example", "j.example", "d.example",
					    "i.example", "e.example", "h.example", "f.example" };
	char err[512], db[128];
	struct rows rows, ru;
	(void)state;
	snprintf(db, sizeof db, "%s", tu_path(dir, "a.db"));
	struct store *st = store_open(db, STORE_WRITE, err, sizeof err);
	assert_non_null(st);
	int64_t sid = source(st);
	/* 12 domains over two days and a few hours, then a third day (the
	 * first two are folded into day buckets) */
	for (int i = 0; i < 12; i++) {
		assert_int_equal(store_begin(st, err, sizeof err), 0);
		bounce(st, sid, (uint64_t)i * 100, T0 + i * 4 * 3600.0 + 17, doms[i],
		       "550 5.1.1 <x@y.example>: user unknown");
		assert_int_equal(store_commit(st, err, sizeof err), 0);
	}
	assert_int_equal(store_begin(st, err, sizeof err), 0);
	bounce(st, sid, 5000, T0 + 2 * 86400 + 60, "a.example", "550 5.1.1 <z@y.example>: user unknown");
	assert_int_equal(store_commit(st, err, sizeof err), 0);
	store_free(st);
	assert_true(tu_sql(db, "SELECT count(*) FROM reason_rollups WHERE span = 86400", NULL, 0) >= 2);

	report(db, 0, T0 - 600, T0 + 3 * 86400, &ru);
	report(db, 1, T0 - 600, T0 + 3 * 86400, &rows);
	assert_string_equal(ru.text, "13|a.example,b.example,c.example,d.example,e.example,"
				     "f.example,h.example,i.example,j.example,k.example,...|30\n");
	assert_string_equal(ru.text, rows.text);
}

static void domains_without_more(void **state)
{
	char err[512], db[128];
	struct rows rows, ru;
	(void)state;
	snprintf(db, sizeof db, "%s", tu_path(dir, "b.db"));
	struct store *st = store_open(db, STORE_WRITE, err, sizeof err);
	int64_t sid = source(st);
	assert_int_equal(store_begin(st, err, sizeof err), 0);
	for (int i = 0; i < 3; i++)
		bounce(st, sid, (uint64_t)i, T0 + i * 3600.0, i == 2 ? "b.example" : "a.example",
		       "550 5.1.1 user unknown");
	assert_int_equal(store_commit(st, err, sizeof err), 0);
	/* a rolled-back batch adds nothing */
	assert_int_equal(store_begin(st, err, sizeof err), 0);
	bounce(st, sid, 99, T0 + 600, "z.example", "550 5.1.1 user unknown");
	store_rollback(st);
	store_free(st);
	report(db, 0, T0, T0 + 86400, &ru);
	report(db, 1, T0, T0 + 86400, &rows);
	assert_string_equal(ru.text, "3|a.example,b.example|22\n");
	assert_string_equal(ru.text, rows.text);
}

static void long_replies_cut_as_the_row_report_cuts(void **state)
{
	char err[512], db[128], reply[3000];
	struct rows rows, ru;
	(void)state;
	snprintf(db, sizeof db, "%s", tu_path(dir, "c.db"));
	struct store *st = store_open(db, STORE_WRITE, err, sizeof err);
	int64_t sid = source(st);
	memset(reply, 'x', sizeof reply - 1);
	memcpy(reply, "450 4.7.1 ", 10);
	reply[sizeof reply - 1] = '\0';
	assert_int_equal(store_begin(st, err, sizeof err), 0);
	bounce(st, sid, 1, T0 + 10, "a.example", reply);
	reply[2000] = 'y';	/* differs only beyond the 1023 bytes kept */
	bounce(st, sid, 2, T0 + 7200, "a.example", reply);
	assert_int_equal(store_commit(st, err, sizeof err), 0);
	store_free(st);
	report(db, 0, T0, T0 + 86400, &ru);
	report(db, 1, T0, T0 + 86400, &rows);
	assert_string_equal(ru.text, "2|a.example|1023\n");
	assert_string_equal(ru.text, rows.text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ten_domains_then_more),
		cmocka_unit_test(domains_without_more),
		cmocka_unit_test(long_replies_cut_as_the_row_report_cuts),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
