/* fuzz_ingest - libFuzzer harness for the whole way a log's bytes take into
 * the database: the input is written to a file and scanned (source: line
 * splitting, gzip recognised by its magic bytes, over-long lines; ingest:
 * NUL lines skipped, invalid UTF-8 repaired, every MTA format, classifier,
 * store), or, when its first byte is 0x01, cut into journal records
 * ("HOST<TAB>PROG<TAB>MESSAGE" per line, the journal's framing: header
 * fields apart from the message, any bytes) fed through ingest_record.
 * Invariant: lines read equal the lines in the input's plain text (when
 * not gzip); a delivery row is never counted twice for one input.
 * One database serves every input (created and migrated once, in fuzz_tmp.h's
 * directory: /dev/shm when there is one): its rows are deleted between inputs, so that each
 * input starts from an empty store without paying for a new file. The rows
 * are deleted through the store's own connection (a second connection would
 * make the store drop its page cache at each transaction), by statements
 * prepared once, and only when the previous input changed a row.
 * Built and run by `make fuzz`; the committed corpus is replayed by `make test`. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include <unistd.h>
#include "fuzz_tmp.h"
#include "ingest.h"
#include "store_int.h"

#define TABLES_MAX 64

static const char *dir;
static char logp[300], dbp[300];
static struct rules *rules;
static struct store *st;
static sqlite3_stmt *wipe[TABLES_MAX];	/* "DELETE FROM t" for every table but rules */
static int nwipe;
static sqlite3_int64 changes;	/* sqlite3_total_changes() after the last wipe */
static unsigned long run;

static void fail(const char *what)
{
	fprintf(stderr, "fuzz_ingest: %s: %s\n", what, sqlite3_errmsg(st->db));
	abort();
}

/* Deletes every row the previous input left (the rules table stays). */
static void empty_store(void)
{
	if (sqlite3_total_changes64(st->db) == changes)
		return;
	if (sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		fail("emptying the database");
	for (int i = 0; i < nwipe; i++)
		if (sqlite3_step(wipe[i]) != SQLITE_DONE || sqlite3_reset(wipe[i]) != SQLITE_OK)
			fail("emptying the database");
	if (sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		fail("emptying the database");
	changes = sqlite3_total_changes64(st->db);
}

/* At exit, before fuzz_tmp.h removes the directory with the database. */
static void cleanup(void)
{
	for (int i = 0; i < nwipe; i++)
		sqlite3_finalize(wipe[i]);
	store_free(st);
	rules_free(rules);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char err[4096];
	const char *rd = getenv("BW_FUZZ_RULES") ? getenv("BW_FUZZ_RULES") : "patterns";
	(void)argc;
	(void)argv;
	sqlite3_stmt *s;
	dir = fuzz_tmp_make("ingest");
	snprintf(dbp, sizeof dbp, "%s/fuzz.db", dir);
	if ((rules = rules_load(rd, err, sizeof err)) == NULL ||
	    (st = store_open(dbp, STORE_WRITE, err, sizeof err)) == NULL) {
		fprintf(stderr, "fuzz_ingest: %s\n", err);
		exit(2);
	}
	if (sqlite3_prepare_v2(st->db, "SELECT name FROM sqlite_master WHERE type = 'table' AND "
			       "name NOT IN ('rules') AND name NOT LIKE 'sqlite_%'", -1, &s,
			       NULL) != SQLITE_OK)
		fail("listing the tables");
	while (sqlite3_step(s) == SQLITE_ROW) {
		char sql[160];
		if (nwipe == TABLES_MAX)
			fail("more tables than TABLES_MAX");
		snprintf(sql, sizeof sql, "DELETE FROM \"%s\"", (const char *)sqlite3_column_text(s, 0));
		if (sqlite3_prepare_v2(st->db, sql, -1, &wipe[nwipe++], NULL) != SQLITE_OK)
			fail(sql);
	}
	sqlite3_finalize(s);
	changes = -1;	/* the first input starts from an emptied store too */
	atexit(cleanup);
	return 0;
}

static void records(struct ingest *ing, const char *p, const char *end)
{
	char err[1024];
	uint64_t pos = 0;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end, *t1, *t2;
		struct syslog_hdr h;
		memset(&h, 0, sizeof h);
		h.ts = 1795857243.0 + (double)pos;
		h.pid = (long)pos;
		t1 = memchr(p, '\t', (size_t)(e - p));
		t2 = t1 ? memchr(t1 + 1, '\t', (size_t)(e - t1 - 1)) : NULL;
		if (t2 != NULL) {
			h.host = str_make(p, (size_t)(t1 - p));
			h.prog = str_make(t1 + 1, (size_t)(t2 - t1 - 1));
			h.msg = str_make(t2 + 1, (size_t)(e - t2 - 1));
		} else {
			h.msg = str_make(p, (size_t)(e - p));
		}
		if (ingest_record(ing, 1, pos++, &h, 0, err, sizeof err) < 0)
			__builtin_trap();
		p = e + 1;
	}
	if (ingest_finish(ing, err, sizeof err) < 0)
		__builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[4096];
	struct ingest_opts o = { 0, 7, NULL };
	struct ingest *ing;
	FILE *f;
	if (size < 1)
		return 0;
	empty_store();
	ing = ingest_new(st, rules, &o);
	if (data[0] == 1) {
		records(ing, (const char *)data + 1, (const char *)data + size);
	} else {
		struct source *src;
		struct ingest_source is;
		size_t nl = 0;
		snprintf(logp, sizeof logp, "%s/mail.log.%lu", dir, run++ % 4);
		if ((f = fopen(logp, "w")) == NULL)
			abort();
		fwrite(data, 1, size, f);
		fclose(f);
		for (size_t i = 0; i < size; i++)
			nl += data[i] == '\n';
		if ((src = source_open(logp, err, sizeof err)) != NULL) {
			memset(&is, 0, sizeof is);
			err[0] = '\0';
			/* a file that cannot be read (a broken gzip stream) is refused
			 * with a message; a plain file is always read whole */
			if (ingest_attach(ing, src, 1795857243, &is, err, sizeof err) < 0 ||
			    ingest_drain(ing, src, &is, err, sizeof err) < 0) {
				if (err[0] == '\0' || !source_is_gzip(src)) {
					fprintf(stderr, "fuzz_ingest: %s\n", err);
					abort();
				}
			} else if (!source_is_gzip(src) && ingest_stats(ing)->lines != nl) {
				__builtin_trap();
			}
			source_free(src);
		}
		unlink(logp);
	}
	ingest_free(ing);
	return 0;
}
