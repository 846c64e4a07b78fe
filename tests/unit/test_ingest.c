/* Unit tests for ingest: the pipeline from a real file into a real SQLite
 * file, resume by checkpoint, a batch lost mid-way (crash) re-read exactly
 * once, copytruncate detection, and the counters for odd lines. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "testutil.h"
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sqlite3.h>
#include "ingest.h"

#define FIXTURE_RULES "tests/unit/fixtures/rules-basic"

static char dir[64];
static struct rules *rules;

static const char *tmp(const char *name)
{
	return tu_path(dir, name);
}

/* A delivery line for queue id n (unique per n). */
static void line(FILE *f, int n, const char *status)
{
	fprintf(f, "Nov 28 09:10:%02d mx1 postfix/smtp[2211]: %010X: to=<u%d@gmail.com>, "
		"relay=gmail-smtp-in.l.google.com[142.250.27.26]:25, delay=0.9, "
		"delays=0.05/0.01/0.3/0.54, dsn=2.0.0, status=%s (250 2.0.0 OK gsmtp)\n",
		n % 60, 0xA0000 + n, n, status);
}

static void write_log(const char *name, const char *mode, int from, int to)
{
	FILE *f = fopen(tmp(name), mode);
	assert_non_null(f);
	for (int i = from; i < to; i++) {
		line(f, i, "sent");
		fprintf(f, "Nov 28 09:10:00 mx1 postfix/qmgr[1020]: %010X: removed\n", 0xA0000 + i);
	}
	fclose(f);
}

static long q(const char *sql)
{
	return (long)tu_sql(tmp("t.db"), sql, NULL, 0);
}

static int setup(void **state)
{
	char err[4096];
	(void)state;
	tu_mkdtemp(dir, sizeof dir, "ingest");
	rules = rules_load(FIXTURE_RULES, err, sizeof err);
	if (rules == NULL)
		fprintf(stderr, "%s\n", err);
	return rules == NULL;
}

static int teardown(void **state)
{
	(void)state;
	tu_rmtree(dir);
	rules_free(rules);
	return 0;
}

/* Scans name into t.db the way `scan` does; returns deliveries added. */
static uint64_t scan(const char *name, unsigned batch)
{
	char err[512];
	struct ingest_source is;
	struct ingest_opts o = { .batch_lines = batch, .fixed_year = 2026 };
	struct store *st = store_open(tmp("t.db"), STORE_WRITE, err, sizeof err);
	assert_non_null(st);
	struct ingest *ing = ingest_new(st, rules, &o);
	struct source *src = source_open(tmp(name), err, sizeof err);
	assert_non_null(src);
	assert_int_equal(ingest_attach(ing, src, 0, &is, err, sizeof err), 0);
	assert_int_equal(ingest_drain(ing, src, &is, err, sizeof err), 0);
	uint64_t n = ingest_stats(ing)->deliveries;
	source_free(src);
	ingest_free(ing);
	store_free(st);
	return n;
}

static void resume_reads_only_new_lines(void **state)
{
	(void)state;
	write_log("a.log", "w", 0, 100);
	assert_int_equal(scan("a.log", 7), 100);
	assert_int_equal(scan("a.log", 7), 0);
	write_log("a.log", "a", 100, 150);
	assert_int_equal(scan("a.log", 7), 50);
	assert_int_equal(q("SELECT count(*) FROM deliveries"), 150);
	assert_int_equal(q("SELECT count(DISTINCT recipient) FROM deliveries"), 150);
	assert_int_equal(q("SELECT count(*) FROM sources"), 1);
}

static void crash_mid_batch_loses_nothing_and_doubles_nothing(void **state)
{
	char err[512];
	struct ingest_source is;
	struct source_line l;
	struct ingest_opts o = { .batch_lines = 10, .fixed_year = 2026 };
	(void)state;
	write_log("b.log", "w", 1000, 1040);	/* 80 lines */
	struct store *st = store_open(tmp("t.db"), STORE_WRITE, err, sizeof err);
	struct ingest *ing = ingest_new(st, rules, &o);
	struct source *src = source_open(tmp("b.log"), err, sizeof err);
	assert_int_equal(ingest_attach(ing, src, 0, &is, err, sizeof err), 0);
	/* 25 lines: two batches committed (20 lines), 5 in an open transaction */
	for (int i = 0; i < 25; i++) {
		assert_int_equal(source_next(src, &l, err, sizeof err), 1);
		assert_int_equal(ingest_line(ing, &is, &l, err, sizeof err), 0);
		is.pos.at = l.end;
		if (ingest_pending(ing) >= 10)
			assert_int_equal(ingest_commit(ing, &is, err, sizeof err), 0);
	}
	/* the process dies here: the open transaction is never committed */
	source_free(src);
	ingest_free(ing);
	store_free(st);
	long before = q("SELECT count(*) FROM deliveries WHERE recipient LIKE 'u10__@gmail.com'");
	assert_int_equal(before, 10);
	assert_int_equal(scan("b.log", 10), 30);
	assert_int_equal(q("SELECT count(*) FROM deliveries WHERE recipient LIKE 'u10__@gmail.com'"), 40);
	assert_int_equal(q("SELECT count(DISTINCT queue_id) FROM deliveries WHERE recipient LIKE 'u10__@gmail.com'"), 40);
}

static void truncated_in_place_is_a_new_file(void **state)
{
	(void)state;
	write_log("c.log", "w", 2000, 2050);
	assert_int_equal(scan("c.log", 1000), 50);
	/* copytruncate: emptied, then written again with fewer bytes */
	write_log("c.log", "w", 3000, 3010);
	assert_int_equal(scan("c.log", 1000), 10);
	assert_int_equal(q("SELECT count(*) FROM sources WHERE path LIKE '%c.log'"), 2);
	assert_int_equal(q("SELECT count(*) FROM sources WHERE path LIKE '%c.log' AND active=1"), 1);
}

static void odd_lines_are_counted(void **state)
{
	char err[512];
	struct ingest_source is;
	struct ingest_opts o = { .fixed_year = 2026 };
	(void)state;
	FILE *f = fopen(tmp("d.log"), "w");
	fputs("garbage without a header\n", f);
	fputs("Nov 28 09:10:00 mx1 postfix/smtpd[1]: connect from x[192.0.2.1]\n", f);
	fputs("Nov 28 09:10:00 mx1 postfix/smtp[1]: ABCDEF1234: to=<a@b.c>, relay=none, delay=1\n", f);
	fwrite("Nov 28 09:10:00 mx1 nul\0here\n", 1, 29, f);
	line(f, 4000, "bounced");
	fputs("Nov 28 09:10:00 mx1 postfix/smtp[1]: ABCDEF1235: to=<\xff\xfe@b.c>, relay=none, "
	      "delay=1, delays=0/0/0/0, dsn=5.0.0, status=bounced (x)\n", f);
	fclose(f);
	struct store *st = store_open(tmp("t.db"), STORE_WRITE, err, sizeof err);
	struct ingest *ing = ingest_new(st, rules, &o);
	struct source *src = source_open(tmp("d.log"), err, sizeof err);
	assert_int_equal(ingest_attach(ing, src, 0, &is, err, sizeof err), 0);
	assert_int_equal(ingest_drain(ing, src, &is, err, sizeof err), 0);
	const struct ingest_stats *s = ingest_stats(ing);
	assert_int_equal(s->lines, 6);
	assert_int_equal(s->no_header, 1);
	assert_int_equal(s->other, 1);
	assert_int_equal(s->unparsed, 1);
	assert_int_equal(s->binary, 1);
	assert_int_equal(s->repaired, 1);
	assert_int_equal(s->deliveries, 2);
	source_free(src);
	ingest_free(ing);
	store_free(st);
	assert_int_equal(q("SELECT count(*) FROM deliveries WHERE recipient = '??@b.c'"), 1);
}

/* Stored rows by provider: each of 60 providers gets a column in the order
 * first seen until the columns run out; later ones count as "other". */
static void provider_columns(void **state)
{
	char err[4096], rdir[128];
	struct ingest_source is;
	struct ingest_opts o = { .fixed_year = 2026 };
	const int nprov = 60, named = INGEST_PROVIDERS_MAX - 2;
	(void)state;
	snprintf(rdir, sizeof rdir, "%s", tmp("many"));
	assert_int_equal(mkdir(rdir, 0700), 0);
	FILE *f = fopen(tu_path(rdir, "providers.conf"), "w");
	for (int i = 0; i < nprov; i++)
		fprintf(f, "[p%02d]\ndomains = p%02d.example\n", i, i);
	fclose(f);
	f = fopen(tu_path(rdir, "a.rules"), "w");
	fputs("[x]\ncategory = other\nmatch = ^never$\n", f);
	fclose(f);
	struct rules *many = rules_load(rdir, err, sizeof err);
	assert_non_null(many);
	f = fopen(tmp("e.log"), "w");
	for (int k = 0; k < 2; k++)	/* twice: a known name finds its column again */
		for (int i = 0; i < nprov; i++)
			fprintf(f, "Nov 28 09:10:00 mx1 postfix/smtp[1]: %010X: to=<a@p%02d.example>, "
				"relay=mx.p%02d.example[192.0.2.1]:25, delay=1, delays=0/0/0/0, dsn=2.0.0, "
				"status=sent (250 ok)\n", 0xB0000 + k * 100 + i, i, i);
	fclose(f);
	struct store *st = store_open(tmp("t.db"), STORE_WRITE, err, sizeof err);
	struct ingest *ing = ingest_new(st, many, &o);
	struct source *src = source_open(tmp("e.log"), err, sizeof err);
	assert_int_equal(ingest_attach(ing, src, 0, &is, err, sizeof err), 0);
	assert_int_equal(ingest_drain(ing, src, &is, err, sizeof err), 0);
	const struct ingest_stats *s = ingest_stats(ing);
	for (int i = 0; i < named; i++) {
		char want[16];
		snprintf(want, sizeof want, "p%02d", i);
		assert_string_equal(ingest_provider_name(ing, (unsigned)i + 1), want);
		assert_int_equal(s->stored[DS_SENT][i + 1], 2);
	}
	assert_string_equal(ingest_provider_name(ing, INGEST_PROVIDERS_MAX - 1), "other");
	assert_int_equal(s->stored[DS_SENT][INGEST_PROVIDERS_MAX - 1], 2 * (nprov - named));
	assert_int_equal(s->stored[DS_SENT][0], 0);
	source_free(src);
	ingest_free(ing);
	store_free(st);
	rules_free(many);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(resume_reads_only_new_lines),
		cmocka_unit_test(crash_mid_batch_loses_nothing_and_doubles_nothing),
		cmocka_unit_test(truncated_in_place_is_a_new_file),
		cmocka_unit_test(odd_lines_are_counted),
		cmocka_unit_test(provider_columns),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
