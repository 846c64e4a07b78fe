/* Storage under failing I/O: `bouncewatch scan` (ingest, store, episodes,
 * alert records) run in-process through faultvfs.h, which fails the Nth
 * xWrite/xSync/xTruncate/xFileControl with SQLITE_FULL (from the Nth call on:
 * the disk stays full), SQLITE_IOERR or SQLITE_BUSY (that call only), for
 * every N from 1 to past the last such call of the run. The log's first half
 * is stored before; the faulty run reads the second half; then a clean
 * restart. After each: the scan's exit code is 0 or 1 (runtime) and a
 * failed run said why on stderr; the database passes integrity_check; the
 * rows, episodes (with their event counts), alert records and line counts
 * equal those of a run without faults: nothing committed lost, nothing
 * counted twice. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cmd.h"
#include "config.h"
#include "testutil.h"
#include "faultvfs.h"

#define LINES 24	/* per half of the log */

static char dir[256];

/* Half h (0, 1) of the log: Outlook S3140 blocks for two sending IPs,
 * deferrals, deliveries, one line of another program. */
static void write_half(const char *log, int h)
{
	FILE *f = fopen(log, h ? "a" : "w");
	assert_non_null(f);
	for (int i = h * LINES; i < (h + 1) * LINES; i++) {
		fprintf(f, "Nov 28 0%d:%02d:%02d mx1 postfix/smtp[%d]: %05X%dQ: to=<u%d@hotmail.com>, "
			"relay=mx%d.outlook.com[52.101.0.%d]:25, delay=0.1, delays=0/0/0/0.1, ",
			i / 60, i % 60, i % 60, 100 + i, 0xA000 + i, i, i, i % 3, i % 200);
		if (i % 4 == 3)
			fprintf(f, "dsn=2.0.0, status=sent (250 2.0.0 OK)\n");
		else if (i % 4 == 2)
			fprintf(f, "dsn=4.7.0, status=deferred (host said: 451 4.7.0 Try again later)\n");
		else
			fprintf(f, "dsn=5.7.1, status=bounced (host said: 550 5.7.1 Unfortunately, "
				"messages from [192.0.2.%d] weren't sent. Please contact your Internet "
				"service provider since part of their network is on our block list "
				"(S3140). (in reply to RCPT TO command))\n", 1 + i % 2);
		if (i % 10 == 0)
			fprintf(f, "Nov 28 0%d:%02d:%02d mx1 postfix/qmgr[9]: %05X%dQ: removed\n",
				i / 60, i % 60, i % 60, 0xA000 + i, i);
	}
	assert_int_equal(fclose(f), 0);
}

/* `bouncewatch --db DB scan --batch 5 LOG` in-process; its stderr goes to
 * errf, its stdout (the summary) nowhere. */
static int scan(const char *db, const char *log, const char *errf)
{
	char a0[] = "scan", a1[] = "--batch", a2[] = "5", a3[512];
	char *argv[] = { a0, a1, a2, a3, NULL };
	char err[256];
	struct globals g = { db, "patterns", 0, NULL };
	int saved = dup(2), saved1 = dup(1), fd, rc;
	snprintf(a3, sizeof a3, "%s", log);
	g.cfg = config_load(NULL, 4, argv, err, sizeof err);
	fd = open(errf, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0 && saved >= 0);
	fflush(stderr);
	fflush(stdout);
	dup2(fd, 2);
	close(fd);
	fd = open("/dev/null", O_WRONLY);
	assert_true(fd >= 0);
	dup2(fd, 1);
	close(fd);
	rc = cmd_scan.exec(&g, 4, argv);
	fflush(stderr);
	fflush(stdout);
	dup2(saved, 2);
	dup2(saved1, 1);
	close(saved);
	close(saved1);
	config_free(g.cfg);
	return rc;
}

/* What must come out the same: rows (count, distinct ids, their sum,
 * distinct queue ids), episodes and their event counts, alert records,
 * lines counted, integrity. */
static void state(const char *db, char *out, size_t n)
{
	char a[256], b[256], c[64];
	tu_sql(db, "SELECT count(*) || '/' || count(DISTINCT id) || '/' || sum(id) || '/' || "
	       "count(DISTINCT queue_id) FROM deliveries", a, sizeof a);
	tu_sql(db, "SELECT (SELECT count(*) || '/' || total(event_count) FROM episodes) || ' ' || "
	       "(SELECT count(*) FROM alerts) || ' ' || (SELECT total(lines) FROM line_counts)",
	       b, sizeof b);
	tu_sql(db, "PRAGMA integrity_check", c, sizeof c);
	snprintf(out, n, "rows %s episodes %s integrity %s", a, b, c);
}

static const char *slurp(const char *p)
{
	static char buf[4096];
	FILE *f = fopen(p, "r");
	size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
	if (f)
		fclose(f);
	buf[n] = '\0';
	return buf;
}

static long file_size(const char *p)
{
	FILE *f = fopen(p, "r");
	long n;
	if (f == NULL)
		return -1;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fclose(f);
	return n;
}

static void remove_db(const char *db)
{
	char p[600];
	unlink(db);
	snprintf(p, sizeof p, "%s-wal", db);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", db);
	unlink(p);
}

struct mode {
	const char *name;
	enum fv_class cls;
	int rc, sticky;
};

static void copy_file(const char *from, const char *to)
{
	FILE *f = fopen(from, "rb"), *t = fopen(to, "wb");
	char buf[65536];
	size_t n;
	assert_true(f != NULL && t != NULL);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		assert_int_equal(fwrite(buf, 1, n, t), n);
	fclose(f);
	assert_int_equal(fclose(t), 0);
}

static void faults(void **st)
{
	static const struct mode modes[] = {
		{ "SQLITE_FULL from a write (and every one after)", FV_WRITES, SQLITE_FULL, 1 },
		{ "SQLITE_IOERR from a write", FV_WRITES, SQLITE_IOERR, 0 },
		{ "SQLITE_BUSY from a lock", FV_LOCKS, SQLITE_BUSY, 0 },
	};
	const char *log = tu_path(dir, "mail.log"), *db = tu_path(dir, "t.db");
	const char *half = tu_path(dir, "half.db"), *errf = tu_path(dir, "stderr");
	char want[512], got[512], what[64];
	long k[2], points = 0, failed_runs = 0;
	(void)st;
	fv_install();
	/* the first half stored (kept as half.db), then the run without faults
	 * of the second: its result, and how many calls of each class it makes */
	write_half(log, 0);
	assert_int_equal(scan(db, log, errf), 0);
	copy_file(db, half);
	write_half(log, 1);
	fv_arm(FV_WRITES, 0, SQLITE_OK, 0);
	assert_int_equal(scan(db, log, errf), 0);
	k[FV_WRITES] = fv.calls;
	k[FV_LOCKS] = fv.other;
	assert_true(k[FV_WRITES] > 10 && k[FV_LOCKS] > 10);
	state(db, want, sizeof want);
	assert_non_null(strstr(want, "integrity ok"));
	for (size_t m = getenv("FV_MODE") ? (size_t)atol(getenv("FV_MODE")) : 0;
	     m < sizeof modes / sizeof *modes; m++) {
		long kn = k[modes[m].cls];
		for (long n = getenv("FV_FROM") ? atol(getenv("FV_FROM")) : 1; n <= kn + 1; n++) {
			int rc;
			remove_db(db);
			copy_file(half, db);
			fv_arm(modes[m].cls, n, modes[m].rc, modes[m].sticky);
			rc = scan(db, log, errf);
			snprintf(what, sizeof what, "%s", fv.fired ? fv.what : "nothing failed");
			points += fv.fired > 0;
			fv_arm(FV_WRITES, 0, SQLITE_OK, 0);
			if (rc != 0 && rc != 1)
				fail_msg("%s at call %ld (%s): exit %d, not 0 or 1", modes[m].name, n,
					 what, rc);
			if (rc == 1 && file_size(errf) <= 0)
				fail_msg("%s at call %ld (%s): exit 1 without a message", modes[m].name,
					 n, what);
			failed_runs += rc == 1;
			/* the restart stores what the faulty run did not */
			if (scan(db, log, errf) != 0)
				fail_msg("%s at call %ld (%s): the restart failed: %s", modes[m].name, n,
					 what, slurp(errf));
			state(db, got, sizeof got);
			if (strcmp(want, got) != 0)
				fail_msg("%s at call %ld (%s; run exit %d):\n want %s\n got  %s",
					 modes[m].name, n, what, rc, want, got);
		}
	}
	printf("# %ld write calls and %ld lock calls per run; %ld fault points injected, "
	       "%ld runs exited 1, every restart complete: %s\n",
	       k[FV_WRITES], k[FV_LOCKS], points, failed_runs, want);
	/* a fault that never fired would test nothing */
	if (getenv("FV_MODE") == NULL && getenv("FV_FROM") == NULL)
		assert_true(points >= k[FV_WRITES] * 2 + k[FV_LOCKS]);
}

static int setup(void **st)
{
	(void)st;
	/* in memory when the machine has a tmpfs: a thousand small databases */
	snprintf(dir, sizeof dir, "%s/bw-faultvfs-XXXXXX", access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
	assert_non_null(mkdtemp(dir));
	setenv("BOUNCEWATCH_NOW", "1795857243", 1);
	return 0;
}

static int teardown(void **st)
{
	(void)st;
	tu_rmtree(dir);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(faults, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
