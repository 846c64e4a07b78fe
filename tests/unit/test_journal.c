/* Unit tests for the journal's pieces that need no journald: the cursor's
 * identity fields, opening errors, and ingest_record() (a header from
 * fields, binary-safe messages, the row identity from (source, position))
 * into a real SQLite file. The reading of real journal files is proven by
 * tests/e2e/journal_scan.sh and journal_tail.sh against a real journald. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "testutil.h"
#include <stdio.h>
#include <string.h>
#include <sqlite3.h>
#include "ingest.h"
#include "journal.h"

#define FIXTURE_RULES "tests/unit/fixtures/rules-basic"

static char dir[64];

static void cursor_ids_are_parsed(void **state)
{
	uint64_t id = 0, seq = 0;
	(void)state;
	assert_int_equal(journal_cursor_ids("s=341d42ce967c4a6784d5b1e9e20ba48f;i=1e;"
					    "b=aa1fa2105876440ab051ed866be7533d;m=b98a9168;"
					    "t=661dde0d886f5;x=6bce8d9c01e70cea", &id, &seq), 0);
	assert_true(id == UINT64_C(0x341d42ce967c4a67));
	assert_true(seq == 0x1e);
	assert_int_equal(journal_cursor_ids("i=1e;b=aa", &id, &seq), -1);
	assert_int_equal(journal_cursor_ids("s=341d;i=1e", &id, &seq), -1);
	assert_int_equal(journal_cursor_ids("s=341d42ce967c4a6784d5b1e9e20ba48f;i=zz", &id, &seq), -1);
	assert_int_equal(journal_cursor_ids("", &id, &seq), -1);
}

static void missing_file_is_an_error(void **state)
{
	char err[256];
	struct journal_opts o = { .file = "/nonexistent/x.journal" };
	(void)state;
	assert_null(journal_open(&o, err, sizeof err));
	assert_non_null(strstr(err, "journal:/nonexistent/x.journal"));
}

static struct syslog_hdr hdr(const char *msg, size_t len)
{
	return (struct syslog_hdr){ .ts = 1796455448.5, .host = STR_LIT("mx1"),
				    .prog = STR_LIT("postfix/smtp"), .pid = 42,
				    .msg = str_make(msg, len) };
}

static void records_are_binary_safe_and_unique(void **state)
{
	char err[512];
	(void)state;
	tu_mkdtemp(dir, sizeof dir, "journal");
	struct rules *r = rules_load(FIXTURE_RULES, err, sizeof err);
	assert_non_null(r);
	struct store *st = store_open(tu_path(dir, "t.db"), STORE_WRITE, err, sizeof err);
	assert_non_null(st);
	struct ingest_opts o = { 0 };
	struct ingest *ing = ingest_new(st, r, &o);
	static const char ok[] = "A1B2C3D4E5: to=<u@gmail.com>, relay=x[192.0.2.1]:25, delay=1, "
				 "dsn=5.7.1, status=bounced (550 5.7.1 caf\xe9 refused)";
	static const char nul[] = "A1B2C3D4E6: to=<v@gmail.com>, relay=x[192.0.2.1]:25, delay=1, "
				  "dsn=2.0.0, status=sent (250 ok\0hidden)";
	assert_int_equal(store_begin(st, err, sizeof err), 0);
	struct source_ident jid = { .fp = 0x1234 };
	int64_t src = store_source_of(st, "journal", "journal:t", &jid, err, sizeof err);
	assert_true(src > 0);
	assert_int_equal(store_source_of(st, "journal", "journal:other", &jid, err, sizeof err), src);
	struct syslog_hdr h = hdr(ok, sizeof ok - 1);
	assert_int_equal(ingest_record(ing, src, 7, &h, 0, err, sizeof err), 0);
	assert_int_equal(ingest_record(ing, src, 7, &h, 0, err, sizeof err), 0);	/* again: repaired again, not stored */
	h = hdr(nul, sizeof nul - 1);
	assert_int_equal(ingest_record(ing, src, 8, &h, 0, err, sizeof err), 0);
	h = hdr(ok, sizeof ok - 1);
	assert_int_equal(ingest_record(ing, src, 9, &h, 1, err, sizeof err), 0);	/* cut */
	struct position pos;
	assert_int_equal(position_set(&pos, 9, "s=x;i=9", 1.5), 0);
	assert_int_equal(store_checkpoint(st, src, &jid, &pos, err, sizeof err), 0);
	assert_int_equal(ingest_finish(ing, err, sizeof err), 0);
	const struct ingest_stats *s = ingest_stats(ing);
	assert_int_equal(s->lines, 4);
	assert_int_equal(s->deliveries, 1);
	assert_int_equal(s->duplicates, 1);
	assert_int_equal(s->binary, 1);
	assert_int_equal(s->cut, 1);
	assert_int_equal(s->repaired, 2);
	struct store_source got;
	assert_int_equal(store_source_last(st, "journal", "journal:t", &got, err, sizeof err), 1);
	assert_int_equal(got.id, src);
	assert_true(got.ident.fp == 0x1234);
	assert_int_equal(got.pos.at, 9);
	assert_string_equal(got.pos.token, "s=x;i=9");
	assert_true(got.pos.ts == 1.5);
	assert_int_equal(store_source_last(st, "journal", "journal:other", &got, err, sizeof err), 0);
	/* the same name of another kind is another source */
	assert_int_equal(store_source_last(st, "file", "journal:t", &got, err, sizeof err), 0);
	ingest_free(ing);
	store_free(st);
	rules_free(r);
	char sqlq[256];
	snprintf(sqlq, sizeof sqlq, "SELECT count(*) FROM deliveries WHERE reply = "
		 "'550 5.7.1 caf? refused' AND id = %lld * 1099511627776 + 7 AND offset = 7",
		 (long long)src);
	assert_int_equal(tu_sql(tu_path(dir, "t.db"), sqlq, NULL, 0), 1);
	tu_rmtree(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(cursor_ids_are_parsed),
		cmocka_unit_test(missing_file_is_an_error),
		cmocka_unit_test(records_are_binary_safe_and_unique),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
