/* Unit tests for follow: the tail state machine on real files, a real
 * SQLite file and real inotify: resume, rename + late lines, rotation while
 * stopped, copytruncate with unread lines in the copy, the commit policy;
 * a kind of source defined here alone (a pipe of numbered records, through
 * stream.h) followed, committed and resumed by its own position. */
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
#include <fcntl.h>
#include <unistd.h>
#include <sqlite3.h>
#include "follow.h"
#include "position.h"
#include "syslog.h"

#define FIXTURE_RULES "tests/unit/fixtures/rules-basic"

static char dir[64];
static struct rules *rules;
static char notes[8192];
static unsigned gap_ms;	/* follow_opts.gap_ms of run_open() (0: idle_ms) */

static const char *tmp(const char *name)
{
	return tu_path(dir, name);
}

/* Appends deliveries from..to-1 (one delivery line and one other line each). */
static void write_log(const char *name, const char *mode, int from, int to)
{
	FILE *f = fopen(tmp(name), mode);
	assert_non_null(f);
	for (int n = from; n < to; n++) {
		fprintf(f, "Nov 28 09:10:%02d mx1 postfix/smtp[2211]: %010X: to=<u%d@gmail.com>, "
			"relay=gmail-smtp-in.l.google.com[142.250.27.26]:25, delay=0.9, "
			"delays=0.05/0.01/0.3/0.54, dsn=2.0.0, status=sent (250 2.0.0 OK gsmtp)\n",
			n % 60, 0xB0000 + n, n);
		fprintf(f, "Nov 28 09:10:00 mx1 postfix/qmgr[1020]: %010X: removed\n", 0xB0000 + n);
	}
	fclose(f);
}

static void copy_file(const char *from, const char *to)
{
	char buf[65536];
	size_t n;
	FILE *in = fopen(tmp(from), "rb"), *out = fopen(tmp(to), "wb");
	assert_non_null(in);
	assert_non_null(out);
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		assert_int_equal(fwrite(buf, 1, n, out), n);
	fclose(in);
	fclose(out);
}

static long q(const char *sql)
{
	return (long)tu_sql(tmp("t.db"), sql, NULL, 0);
}

static long rows(void) { return q("SELECT count(*) FROM deliveries"); }
static long distinct(void) { return q("SELECT count(DISTINCT queue_id) FROM deliveries"); }

static void note(void *arg, int warn, const char *msg)
{
	(void)arg;
	(void)warn;
	size_t n = strlen(notes);
	snprintf(notes + n, sizeof notes - n, "%s\n", msg);
}

/* One tail run: store, ingest and follow together. */
struct run {
	struct store *st;
	struct ingest *ing;
	struct follow *f;
};

static void run_open(struct run *r, unsigned batch_lines, unsigned batch_ms, double grace)
{
	char err[1024];
	struct ingest_opts io = { .batch_lines = batch_lines };
	struct follow_opts fo = { .batch_lines = batch_lines, .batch_ms = batch_ms, .grace = grace,
				  .gap_ms = gap_ms, .mode = WATCH_INOTIFY, .poll_seconds = 1, .note = note };
	r->st = store_open(tmp("t.db"), STORE_WRITE, err, sizeof err);
	assert_non_null(r->st);
	r->ing = ingest_new(r->st, rules, &io);
	r->f = follow_new(r->st, r->ing, NULL, &fo, err, sizeof err);
	assert_non_null(r->f);
}

static void run_close(struct run *r)
{
	char err[1024];
	assert_int_equal(follow_flush(r->f, err, sizeof err), 0);
	follow_free(r->f);
	ingest_free(r->ing);
	store_free(r->st);
}

/* Steps until the database holds n rows (at most about 5 s). */
static long until_rows(struct run *r, long n)
{
	char err[1024];
	for (int i = 0; i < 100 && rows() != n; i++)
		assert_int_equal(follow_step(r->f, 50, err, sizeof err), 0);
	return rows();
}

static void steps(struct run *r, int n)
{
	char err[1024];
	for (int i = 0; i < n; i++)
		assert_int_equal(follow_step(r->f, 20, err, sizeof err), 0);
}

static void add(struct run *r, const char *name)
{
	char err[1024];
	assert_int_equal(follow_add(r->f, tmp(name), err, sizeof err), 0);
}

static int setup(void **state)
{
	char err[4096];
	(void)state;
	tu_mkdtemp(dir, sizeof dir, "follow");
	notes[0] = '\0';
	gap_ms = 0;
	rules = rules_load(FIXTURE_RULES, err, sizeof err);
	return rules == NULL;
}

static int teardown(void **state)
{
	(void)state;
	tu_rmtree(dir);
	rules_free(rules);
	return 0;
}

static void follows_and_resumes(void **state)
{
	struct run r;
	(void)state;
	write_log("mail.log", "w", 0, 10);
	run_open(&r, 5000, 200, 5);
	add(&r, "mail.log");
	assert_int_equal(until_rows(&r, 10), 10);
	write_log("mail.log", "a", 10, 12);
	assert_int_equal(until_rows(&r, 12), 12);
	run_close(&r);
	write_log("mail.log", "a", 12, 15);
	run_open(&r, 5000, 200, 5);
	add(&r, "mail.log");
	assert_int_equal(until_rows(&r, 15), 15);
	steps(&r, 3);
	run_close(&r);
	assert_int_equal(rows(), 15);
	assert_int_equal(distinct(), 15);
	assert_non_null(strstr(notes, "resuming at offset"));
}

static void rename_late_lines_and_new_file(void **state)
{
	struct run r;
	(void)state;
	write_log("mail.log", "w", 0, 5);
	run_open(&r, 5000, 200, 0.3);
	add(&r, "mail.log");
	assert_int_equal(until_rows(&r, 5), 5);
	assert_int_equal(rename(tmp("mail.log"), tmp("mail.log.1")), 0);
	write_log("mail.log.1", "a", 5, 8);	/* the logger has not reopened yet */
	write_log("mail.log", "w", 8, 12);
	assert_int_equal(until_rows(&r, 12), 12);
	write_log("mail.log.1", "a", 12, 13);	/* later still, within the grace period */
	assert_int_equal(until_rows(&r, 13), 13);
	for (int i = 0; i < 100 && follow_stats(r.f)->finished == 0; i++)
		steps(&r, 1);
	assert_int_equal(follow_stats(r.f)->rotations, 1);
	assert_int_equal(follow_stats(r.f)->finished, 1);
	run_close(&r);
	assert_int_equal(distinct(), 13);
}

static void rotated_while_stopped(void **state)
{
	struct run r;
	(void)state;
	write_log("mail.log", "w", 0, 5);
	run_open(&r, 5000, 200, 5);
	add(&r, "mail.log");
	assert_int_equal(until_rows(&r, 5), 5);
	run_close(&r);
	write_log("mail.log", "a", 5, 9);
	assert_int_equal(rename(tmp("mail.log"), tmp("mail.log-20261128")), 0);
	write_log("mail.log", "w", 9, 12);
	run_open(&r, 5000, 200, 5);
	add(&r, "mail.log");
	assert_int_equal(until_rows(&r, 12), 12);
	run_close(&r);
	assert_int_equal(distinct(), 12);
	assert_non_null(strstr(notes, "mail.log-20261128 (rotated while stopped)"));
}

static void copytruncate_with_unread_lines(void **state)
{
	struct run r;
	(void)state;
	write_log("mail.log", "w", 0, 5);
	run_open(&r, 5000, 200, 5);
	add(&r, "mail.log");
	assert_int_equal(until_rows(&r, 5), 5);
	/* Unread lines, then the copy, then the truncation and new lines. */
	write_log("mail.log", "a", 5, 9);
	copy_file("mail.log", "mail.log.1");
	assert_int_equal(truncate(tmp("mail.log"), 0), 0);
	write_log("mail.log", "a", 9, 11);
	assert_int_equal(until_rows(&r, 11), 11);
	steps(&r, 3);
	assert_int_equal(follow_stats(r.f)->truncations, 1);
	run_close(&r);
	assert_int_equal(rows(), 11);
	assert_int_equal(distinct(), 11);
	assert_non_null(strstr(notes, "finishing its copy"));
}

/* The copytruncate below, with deliveries 0..4 read: 5..8 are in the copy
 * only, the path starts over with 9..19 (more bytes than were read). */
static void copytruncate_after(struct run *r)
{
	write_log("mail.log", "a", 5, 9);
	copy_file("mail.log", "mail.log.1");
	assert_int_equal(truncate(tmp("mail.log"), 0), 0);
	write_log("mail.log", "a", 9, 20);
	until_rows(r, 20);
	steps(r, 3);
	run_close(r);
	assert_int_equal(rows(), 20);
	assert_int_equal(distinct(), 20);
}

/* The file is renamed away and back before the watcher looks (as when it
 * reads the name event of a delete + recreate after it already saw the new
 * file): the path still names the open file, which is not a rotation. Were
 * it followed twice, the second reader (with no check of the file's head)
 * would take the new content after the copytruncate below from the old
 * position: the flake of tail.sh, 10 lines stored twice and 10 lost. */
static void renamed_away_and_back_unseen(void **state)
{
	struct run r;
	(void)state;
	write_log("mail.log", "w", 0, 5);
	run_open(&r, 5000, 200, 5);
	add(&r, "mail.log");
	assert_int_equal(until_rows(&r, 5), 5);
	assert_int_equal(rename(tmp("mail.log"), tmp("mail.log.tmp")), 0);
	assert_int_equal(rename(tmp("mail.log.tmp"), tmp("mail.log")), 0);
	steps(&r, 3);
	assert_int_equal(follow_stats(r.f)->rotations, 0);
	assert_null(strstr(notes, "rotated"));
	copytruncate_after(&r);
}

/* Renamed away (seen: read as a rotated file) and back (seen): the same
 * file becomes the current one again instead of being followed twice. */
static void renamed_away_and_back_seen(void **state)
{
	struct run r;
	(void)state;
	write_log("mail.log", "w", 0, 5);
	run_open(&r, 5000, 200, 5);
	add(&r, "mail.log");
	assert_int_equal(until_rows(&r, 5), 5);
	assert_int_equal(rename(tmp("mail.log"), tmp("mail.log.tmp")), 0);
	steps(&r, 3);
	assert_int_equal(follow_stats(r.f)->rotations, 1);
	assert_int_equal(rename(tmp("mail.log.tmp"), tmp("mail.log")), 0);
	steps(&r, 3);
	assert_non_null(strstr(notes, "back at its path"));
	copytruncate_after(&r);
}

static void commits_every_batch_lines(void **state)
{
	struct run r;
	char err[1024];
	(void)state;
	write_log("mail.log", "w", 0, 20);	/* 40 lines, 20 deliveries */
	run_open(&r, 7, 100000, 5);
	add(&r, "mail.log");
	for (int i = 0; i < 50 && follow_pending(r.f) != 5; i++)
		steps(&r, 1);
	/* 35 lines committed in batches of 7 (18 deliveries), 5 pending. */
	assert_int_equal(follow_pending(r.f), 5);
	assert_int_equal(rows(), 18);
	assert_int_equal(follow_flush(r.f, err, sizeof err), 0);
	assert_int_equal(rows(), 20);
	run_close(&r);
}

/* gap_ms: a read pass that catches up commits what it read at once when
 * the last commit is older than the gap; lines read within the gap wait
 * for it (batch_ms 100 s and idle_ms 10 s, far away). */
static void commits_once_caught_up(void **state)
{
	struct run r;
	char err[1024];
	(void)state;
	gap_ms = 600000;
	write_log("mail.log", "w", 0, 3);
	run_open(&r, 5000, 100000, 5);
	add(&r, "mail.log");
	for (int i = 0; i < 50 && rows() == 0 && follow_pending(r.f) == 0; i++)
		steps(&r, 1);
	/* committed by the step that read them */
	assert_int_equal(rows(), 3);
	assert_int_equal(follow_pending(r.f), 0);
	write_log("mail.log", "a", 3, 5);
	for (int i = 0; i < 50 && follow_pending(r.f) == 0; i++)
		steps(&r, 1);
	/* the last commit is younger than the gap: read, not yet committed */
	assert_int_equal(follow_pending(r.f), 4);
	assert_int_equal(rows(), 3);
	assert_int_equal(follow_flush(r.f, err, sizeof err), 0);
	assert_int_equal(rows(), 5);
	run_close(&r);
}

static void missing_file_is_waited_for(void **state)
{
	struct run r;
	(void)state;
	run_open(&r, 5000, 200, 5);
	add(&r, "later.log");
	steps(&r, 2);
	write_log("later.log", "w", 0, 3);
	assert_int_equal(until_rows(&r, 3), 3);
	run_close(&r);
	assert_non_null(strstr(notes, "does not exist yet"));
}

/* ---- a third kind of source, written against stream.h only --------------
 * Records "N TEXT\n" on a pipe, N increasing; the position is N with the
 * token "n=N". Nothing in follow.c or the store knows this kind. */
struct pipe_stream {
	struct ingest *ing;
	struct store *st;
	int fd;
	int64_t src;
	struct position pos, committed;
	int dirty;
	char buf[8192];
	size_t len;
};

static const struct source_ident PIPE_ID = { .fp = 0x9199 };

static int ps_attach(void *arg, char *note_, size_t notelen, int *gap, char *err, size_t errlen)
{
	struct pipe_stream *p = arg;
	struct store_source ss;
	int r = store_source_last(p->st, "pipe", "pipe:test", &ss, err, errlen);
	(void)gap;
	*note_ = '\0';
	if (r < 0)
		return -1;
	if (r == 1) {
		p->src = ss.id;
		p->pos = p->committed = ss.pos;
		snprintf(note_, notelen, "pipe:test: resuming after %s", ss.pos.token);
	}
	return 0;
}

static int ps_fd(void *arg, char *err, size_t errlen)
{
	(void)err;
	(void)errlen;
	return ((struct pipe_stream *)arg)->fd;
}

static int ps_timeout(void *arg)
{
	(void)arg;
	return -1;
}

static int ps_process(void *arg, char *err, size_t errlen)
{
	(void)arg;
	(void)err;
	(void)errlen;
	return 0;
}

static int ps_read(void *arg, unsigned cap, char *err, size_t errlen)
{
	struct pipe_stream *p = arg;
	unsigned n = 0;
	ssize_t got = read(p->fd, p->buf + p->len, sizeof p->buf - p->len);
	char *nl;
	if (got > 0)
		p->len += (size_t)got;
	while (n < cap && (nl = memchr(p->buf, '\n', p->len)) != NULL) {
		char *text;
		unsigned long long at = strtoull(p->buf, &text, 10);
		size_t used = (size_t)(nl - p->buf) + 1;
		if (at > p->pos.at) {
			char token[32];
			struct syslog_hdr h = { .ts = 1764321000 + (double)at, .host = STR_LIT("mx1"),
						.prog = STR_LIT("postfix/smtp"), .pid = 7,
						.msg = { text + 1, (size_t)(nl - text - 1) } };
			if (p->src == 0 && (store_begin(p->st, err, errlen) < 0 ||
					    (p->src = store_source_of(p->st, "pipe", "pipe:test", &PIPE_ID,
								      err, errlen)) < 0))
				return -1;
			if (ingest_record(p->ing, p->src, at, &h, 0, err, errlen) < 0)
				return -1;
			snprintf(token, sizeof token, "n=%llu", at);
			assert_int_equal(position_set(&p->pos, at, token, h.ts), 0);
			p->dirty = 1;
			n++;
		}
		memmove(p->buf, nl + 1, p->len - used);
		p->len -= used;
	}
	return (int)n;
}

static int ps_checkpoint(void *arg, char *err, size_t errlen)
{
	struct pipe_stream *p = arg;
	if (!p->dirty)
		return 0;
	if (store_begin(p->st, err, errlen) < 0)
		return -1;
	return store_checkpoint(p->st, p->src, &PIPE_ID, &p->pos, err, errlen);
}

static void ps_committed(void *arg)
{
	struct pipe_stream *p = arg;
	p->committed = p->pos;
	p->dirty = 0;
}

static int ps_rewind(void *arg, char *err, size_t errlen)
{
	struct pipe_stream *p = arg;
	(void)err;
	(void)errlen;
	p->pos = p->committed;
	p->dirty = 0;
	return 0;
}

static void ps_free(void *arg) { free(arg); }

static const struct stream_ops PIPE_OPS = {
	.attach = ps_attach, .fd = ps_fd, .timeout_ms = ps_timeout, .process = ps_process,
	.read = ps_read, .checkpoint = ps_checkpoint, .committed = ps_committed,
	.rewind = ps_rewind, .free = ps_free, .what = "the pipe",
};

static void send_records(int fd, int from, int to)
{
	char line[512];
	for (int n = from; n < to; n++) {
		int len = snprintf(line, sizeof line, "%d %010X: to=<p%d@gmail.com>, relay=x[192.0.2.1]:25, "
				   "delay=1, dsn=2.0.0, status=sent (250 ok)\n", n, 0xC0000 + n, n);
		assert_int_equal(write(fd, line, (size_t)len), len);
	}
}

static void add_pipe(struct run *r, int fd)
{
	char err[1024];
	struct pipe_stream *p = calloc(1, sizeof *p);
	assert_non_null(p);
	p->ing = r->ing;
	p->st = r->st;
	p->fd = fd;
	struct stream sr = { .ops = &PIPE_OPS, .arg = p, .name = "pipe:test" };
	assert_int_equal(follow_add_stream(r->f, sr, err, sizeof err), 0);
}

static void another_kind_of_source(void **state)
{
	struct run r;
	int fds[2];
	char err[1024];
	(void)state;
	assert_int_equal(pipe(fds), 0);
	assert_int_equal(fcntl(fds[0], F_SETFL, O_NONBLOCK), 0);
	run_open(&r, 5000, 200, 5);
	add_pipe(&r, fds[0]);
	send_records(fds[1], 1, 4);
	assert_int_equal(until_rows(&r, 3), 3);
	/* files and the stream in one wait */
	write_log("mail.log", "w", 0, 2);
	add(&r, "mail.log");
	send_records(fds[1], 4, 6);
	assert_int_equal(until_rows(&r, 7), 7);
	/* stdin cannot join a stream, named by what it is */
	assert_int_equal(follow_add(r.f, "-", err, sizeof err), -1);
	assert_string_equal(err, "stdin (-) cannot be followed together with the pipe");
	run_close(&r);
	/* Restart: the records are sent again from 1; those up to the
	 * committed position are skipped, by the stream alone. */
	run_open(&r, 5000, 200, 5);
	add_pipe(&r, fds[0]);
	send_records(fds[1], 1, 9);
	assert_int_equal(until_rows(&r, 10), 10);
	steps(&r, 3);
	run_close(&r);
	assert_int_equal(rows(), 10);
	assert_int_equal(q("SELECT count(DISTINCT queue_id) FROM deliveries WHERE recipient GLOB 'p*'"), 8);
	assert_int_equal(q("SELECT count(*) FROM sources WHERE kind = 'pipe' AND cursor = 'n=8' "
			   "AND offset = 8"), 1);
	assert_non_null(strstr(notes, "pipe:test: resuming after n=5"));
	close(fds[0]);
	close(fds[1]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(follows_and_resumes, setup, teardown),
		cmocka_unit_test_setup_teardown(rename_late_lines_and_new_file, setup, teardown),
		cmocka_unit_test_setup_teardown(rotated_while_stopped, setup, teardown),
		cmocka_unit_test_setup_teardown(copytruncate_with_unread_lines, setup, teardown),
		cmocka_unit_test_setup_teardown(renamed_away_and_back_unseen, setup, teardown),
		cmocka_unit_test_setup_teardown(renamed_away_and_back_seen, setup, teardown),
		cmocka_unit_test_setup_teardown(commits_every_batch_lines, setup, teardown),
		cmocka_unit_test_setup_teardown(commits_once_caught_up, setup, teardown),
		cmocka_unit_test_setup_teardown(missing_file_is_waited_for, setup, teardown),
		cmocka_unit_test_setup_teardown(another_kind_of_source, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
