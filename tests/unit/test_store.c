/* Unit tests for the store: migrations, file mode, idempotent rows,
 * checkpoints found by path / inode / fingerprint, atomic batches, and the
 * errors of a bad database path. A real SQLite file in a temporary directory. */
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
#include <sys/stat.h>
#include <unistd.h>
#include <sqlite3.h>
#include "store.h"

static char dir[64];

static const char *tmp(const char *name)
{
	return tu_path(dir, name);
}

static int setup(void **state)
{
	(void)state;
	tu_mkdtemp(dir, sizeof dir, "store");
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	tu_rmtree(dir);
	return 0;
}

static long count(const char *db, const char *sql)
{
	return (long)tu_sql(db, sql, NULL, 0);
}

static void sample_delivery(struct delivery *d, struct verdict *v)
{
	delivery_reset(d);
	d->ts = 1795000000.25;
	d->host = STR_LIT("mx1");
	d->mta = "postfix";
	d->program = STR_LIT("postfix/smtp");
	d->queue_id = STR_LIT("4F9D1C2A3B");
	d->recipient = STR_LIT("alice@hotmail.com");
	snprintf(d->rcpt_domain, sizeof d->rcpt_domain, "hotmail.com");
	d->status = DS_BOUNCED;
	d->smtp_code = 550;
	d->dsn = STR_LIT("5.7.1");
	d->stage = STAGE_RCPT;
	d->reply = STR_LIT("550 5.7.1 Unfortunately, messages from [203.0.113.7] weren't sent.");
	*v = (struct verdict){ .rule_id = "microsoft-s3140", .provider = "microsoft",
			       .category = "blocklist", .block = 1 };
	snprintf(v->sending_ip, sizeof v->sending_ip, "203.0.113.7");
}

static int same_yes(void *arg, const struct source_ident *r) { (void)arg; (void)r; return 1; }
static int same_no(void *arg, const struct source_ident *r) { (void)arg; (void)r; return 0; }

static void creates_migrates_with_mode_0640(void **state)
{
	char err[512];
	struct stat sb;
	(void)state;
	struct store *st = store_open(tmp("a.db"), STORE_WRITE, err, sizeof err);
	assert_non_null(st);
	store_free(st);
	assert_int_equal(stat(tmp("a.db"), &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0640);
	assert_true(count(tmp("a.db"), "PRAGMA user_version") >= 1);
	assert_int_equal(count(tmp("a.db"), "SELECT count(*) FROM sqlite_master WHERE name='deliveries'"), 1);
	/* opening again does not migrate twice */
	st = store_open(tmp("a.db"), STORE_WRITE, err, sizeof err);
	assert_non_null(st);
	store_free(st);
}

static void rows_are_idempotent_and_atomic_with_checkpoint(void **state)
{
	char err[512];
	struct delivery d;
	struct verdict v;
	struct source_ident id = { .dev = 1, .ino = 42, .fp = 7, .fp_len = 100 };
	(void)state;
	struct store *st = store_open(tmp("b.db"), STORE_WRITE, err, sizeof err);
	sample_delivery(&d, &v);
	assert_int_equal(store_begin(st, err, sizeof err), 0);
	int64_t sid = store_source_new(st, "/var/log/mail.log", &id, err, sizeof err);
	assert_true(sid > 0);
	assert_int_equal(store_add(st, sid, 0, &d, &v, err, sizeof err), 1);
	assert_int_equal(store_add(st, sid, 0, &d, &v, err, sizeof err), 0);
	assert_int_equal(store_add(st, sid, 300, &d, &v, err, sizeof err), 1);
	assert_int_equal(store_checkpoint(st, sid, &id, &(struct position){ .at = 400 }, err, sizeof err), 0);
	assert_int_equal(store_commit(st, err, sizeof err), 0);
	/* a batch rolled back loses its rows and its checkpoint together */
	assert_int_equal(store_begin(st, err, sizeof err), 0);
	assert_int_equal(store_add(st, sid, 400, &d, &v, err, sizeof err), 1);
	assert_int_equal(store_checkpoint(st, sid, &id, &(struct position){ .at = 500 }, err, sizeof err), 0);
	store_rollback(st);
	store_free(st);
	assert_int_equal(count(tmp("b.db"), "SELECT count(*) FROM deliveries"), 2);
	assert_int_equal(count(tmp("b.db"), "SELECT offset FROM sources"), 400);
	assert_int_equal(count(tmp("b.db"), "SELECT count(*) FROM deliveries WHERE is_block=1 AND "
				"sending_ip='203.0.113.7' AND stage='RCPT' AND smtp_code=550 AND relay_port IS NULL"), 2);
}

static void sources_found_by_path_inode_and_fingerprint(void **state)
{
	char err[512];
	struct store_source ss;
	struct source_ident id = { .dev = 1, .ino = 42, .fp = 7, .fp_len = SOURCE_FP_MAX };
	struct source_ident renamed = id, gz = { .dev = 1, .ino = 99, .fp = 7, .fp_len = SOURCE_FP_MAX };
	struct source_ident other = { .dev = 1, .ino = 77, .fp = 8, .fp_len = SOURCE_FP_MAX };
	(void)state;
	struct store *st = store_open(tmp("c.db"), STORE_WRITE, err, sizeof err);
	assert_int_equal(store_begin(st, err, sizeof err), 0);
	int64_t sid = store_source_new(st, "/l/mail.log", &id, err, sizeof err);
	assert_int_equal(store_checkpoint(st, sid, &id, &(struct position){ .at = 1234 }, err, sizeof err), 0);
	assert_int_equal(store_commit(st, err, sizeof err), 0);
	assert_int_equal(store_source_find(st, "/l/mail.log", &id, same_yes, NULL, &ss, err, sizeof err), 1);
	assert_int_equal(ss.id, sid);
	assert_int_equal(ss.pos.at, 1234);
	/* rotated to another name: found by inode */
	assert_int_equal(store_source_find(st, "/l/mail.log.1", &renamed, same_yes, NULL, &ss, err, sizeof err), 1);
	assert_int_equal(ss.id, sid);
	/* compressed by rotation: found by the full fingerprint */
	assert_int_equal(store_source_find(st, "/l/mail.log.2.gz", &gz, same_yes, NULL, &ss, err, sizeof err), 1);
	/* the file itself disagrees with the fingerprint: not the same */
	assert_int_equal(store_source_find(st, "/l/mail.log", &id, same_no, NULL, &ss, err, sizeof err), 0);
	assert_int_equal(store_source_find(st, "/l/mail.log", &other, same_yes, NULL, &ss, err, sizeof err), 0);
	store_free(st);
}

/* A file system gives a deleted file's inode number to the next file
 * created: a remembered row of that inode born at another time names the
 * deleted file, whatever the first bytes say. An unknown birth time (0: a
 * file system without one, a row from before they were kept) decides
 * nothing; a checkpoint fills in a row's unknown one, never changes a
 * known one. */
static void inode_born_again_is_another_file(void **state)
{
	char err[512];
	struct store_source ss;
	struct source_ident id = { .dev = 1, .ino = 42, .fp = 7, .fp_len = 100, .btime = 1000 };
	struct source_ident reborn = id, unknown = id;
	reborn.btime = 2000;
	unknown.btime = 0;
	(void)state;
	struct store *st = store_open(tmp("f.db"), STORE_WRITE, err, sizeof err);
	assert_non_null(st);
	assert_int_equal(store_begin(st, err, sizeof err), 0);
	int64_t sid = store_source_new(st, "/l/mail.log", &id, err, sizeof err);
	assert_int_equal(store_checkpoint(st, sid, &id, &(struct position){ .at = 99 }, err, sizeof err), 0);
	assert_int_equal(store_commit(st, err, sizeof err), 0);
	assert_int_equal(store_source_find(st, "/l/mail.log", &id, same_yes, NULL, &ss, err, sizeof err), 1);
	assert_int_equal(ss.ident.btime, 1000);
	/* not by path nor by inode */
	assert_int_equal(store_source_find(st, "/l/mail.log", &reborn, same_yes, NULL, &ss, err, sizeof err), 0);
	assert_int_equal(store_source_find(st, "/l/mail.log.1", &reborn, same_yes, NULL, &ss, err, sizeof err), 0);
	assert_int_equal(store_source_find(st, "/l/mail.log", &unknown, same_yes, NULL, &ss, err, sizeof err), 1);
	/* by its full fingerprint, whatever the inode (a compressed copy made
	 * after the file it copies freed its inode number) */
	struct source_ident full = { .dev = 1, .ino = 44, .fp = 11, .fp_len = SOURCE_FP_MAX, .btime = 1000 };
	assert_int_equal(store_begin(st, err, sizeof err), 0);
	int64_t fid = store_source_new(st, "/l/full.log", &full, err, sizeof err);
	assert_int_equal(store_commit(st, err, sizeof err), 0);
	full.btime = 2000;
	assert_int_equal(store_source_find(st, "/l/full.log.1.gz", &full, same_yes, NULL, &ss, err, sizeof err), 1);
	assert_int_equal(ss.id, fid);
	/* a row without a birth time gets it from its first checkpoint */
	struct source_ident old = { .dev = 1, .ino = 43, .fp = 9, .fp_len = 10 }, now = old;
	now.btime = 3000;
	assert_int_equal(store_begin(st, err, sizeof err), 0);
	sid = store_source_new(st, "/l/other.log", &old, err, sizeof err);
	assert_int_equal(store_checkpoint(st, sid, &now, &(struct position){ .at = 5 }, err, sizeof err), 0);
	now.btime = 4000;
	assert_int_equal(store_checkpoint(st, sid, &now, &(struct position){ .at = 6 }, err, sizeof err), 0);
	assert_int_equal(store_commit(st, err, sizeof err), 0);
	assert_int_equal(store_source_find(st, "/l/other.log", &now, same_yes, NULL, &ss, err, sizeof err), 0);
	now.btime = 3000;
	assert_int_equal(store_source_find(st, "/l/other.log", &now, same_yes, NULL, &ss, err, sizeof err), 1);
	assert_int_equal(ss.id, sid);
	assert_int_equal(ss.pos.at, 6);
	store_free(st);
}

/* A database from before birth times were kept (version 55): its rows are
 * found as before (an unknown birth time decides nothing), and the first
 * checkpoint gives each its file's birth time. */
static void rows_from_before_birth_times(void **state)
{
	char err[512];
	sqlite3 *h;
	struct store_source ss;
	struct source_ident id = { .dev = 1, .ino = 42, .fp = 7, .fp_len = 100, .btime = 5000 };
	(void)state;
	struct store *st = store_open(tmp("g.db"), STORE_WRITE, err, sizeof err);
	assert_non_null(st);
	store_free(st);
	assert_int_equal(sqlite3_open(tmp("g.db"), &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "ALTER TABLE sources DROP COLUMN btime; PRAGMA user_version = 55; "
				      "INSERT INTO sources (path, dev, ino, fp, fp_len, offset, first_seen, updated) "
				      "VALUES ('/l/mail.log', 1, 42, 7, 100, 77, 1, 1)", NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(h);
	st = store_open(tmp("g.db"), STORE_WRITE, err, sizeof err);
	assert_non_null(st);
	assert_true(count(tmp("g.db"), "PRAGMA user_version") >= 56);
	assert_int_equal(store_source_find(st, "/l/mail.log", &id, same_yes, NULL, &ss, err, sizeof err), 1);
	assert_int_equal(ss.ident.btime, 0);
	assert_int_equal(ss.pos.at, 77);
	assert_int_equal(store_begin(st, err, sizeof err), 0);
	assert_int_equal(store_checkpoint(st, ss.id, &id, &(struct position){ .at = 80 }, err, sizeof err), 0);
	assert_int_equal(store_commit(st, err, sizeof err), 0);
	store_free(st);
	assert_int_equal(count(tmp("g.db"), "SELECT btime FROM sources WHERE offset = 80"), 5000);
}

static void bad_paths_fail_with_a_message(void **state)
{
	char err[512];
	(void)state;
	assert_null(store_open(tmp("no/such/dir.db"), STORE_WRITE, err, sizeof err));
	assert_non_null(strstr(err, "No such file or directory"));
	assert_non_null(strstr(err, "does not exist; create it, or choose the database with "
				    "--db PATH or BOUNCEWATCH_DB"));
	assert_null(store_open(dir, STORE_WRITE, err, sizeof err));
	assert_non_null(strstr(err, "is a directory"));
	assert_null(store_open(tmp("missing.db"), STORE_READ, err, sizeof err));
	assert_non_null(strstr(err, "missing.db"));
	/* not a database */
	FILE *f = fopen(tmp("junk.db"), "w");
	fputs("this is not an SQLite file, just some text long enough to be a header.....", f);
	fclose(f);
	assert_null(store_open(tmp("junk.db"), STORE_WRITE, err, sizeof err));
	assert_true(strlen(err) > 0);
}

static void newer_schema_is_refused(void **state)
{
	char err[512];
	sqlite3 *h;
	(void)state;
	struct store *st = store_open(tmp("d.db"), STORE_WRITE, err, sizeof err);
	store_free(st);
	assert_int_equal(sqlite3_open(tmp("d.db"), &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "PRAGMA user_version = 999", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	assert_null(store_open(tmp("d.db"), STORE_WRITE, err, sizeof err));
	assert_non_null(strstr(err, "newer"));
}

static int collect(void *arg, int ncol, const char *const *names, const char *const *vals)
{
	(void)names;
	assert_int_equal(ncol, 1);
	*(long *)arg += strtol(vals[0], NULL, 10);
	return 0;
}

static void select_binds_params_read_only(void **state)
{
	char err[512];
	struct delivery d;
	struct verdict v;
	struct source_ident id = { .dev = 1, .ino = 5 };
	long n = 0;
	const char *p[] = { "microsoft" };
	(void)state;
	struct store *st = store_open(tmp("e.db"), STORE_WRITE, err, sizeof err);
	sample_delivery(&d, &v);
	store_begin(st, err, sizeof err);
	int64_t sid = store_source_new(st, "x", &id, err, sizeof err);
	store_add(st, sid, 10, &d, &v, err, sizeof err);
	store_commit(st, err, sizeof err);
	store_free(st);
	st = store_open(tmp("e.db"), STORE_READ, err, sizeof err);
	assert_non_null(st);
	assert_int_equal(store_select(st, "SELECT count(*) FROM deliveries WHERE provider = ?1", p, 1,
				      collect, &n, err, sizeof err), 0);
	assert_int_equal(n, 1);
	assert_int_equal(store_select(st, "DELETE FROM deliveries", NULL, 0, collect, &n, err, sizeof err), -1);
	store_free(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(creates_migrates_with_mode_0640),
		cmocka_unit_test(rows_are_idempotent_and_atomic_with_checkpoint),
		cmocka_unit_test(sources_found_by_path_inode_and_fingerprint),
		cmocka_unit_test(inode_born_again_is_another_file),
		cmocka_unit_test(rows_from_before_birth_times),
		cmocka_unit_test(bad_paths_fail_with_a_message),
		cmocka_unit_test(newer_schema_is_refused),
		cmocka_unit_test(select_binds_params_read_only),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
