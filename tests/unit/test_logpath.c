/* Unit tests for logpath: one followed path's files through rotation,
 * truncation and files that cannot be opened, on real files and a real
 * SQLite file (reader_status), driven event by event without a poll loop.
 * The host here is the smallest one the contract in logpath.h allows:
 * attach gives a row number, read takes lines off the file, flush marks
 * them committed (or fails when told to); follow.c, the real host, is
 * tested with the same files in test_follow.c and the e2e tail tests. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "testutil.h"
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "clock.h"
#include "logpath.h"
#include "store_status.h"

static char dir[64];
static char notes[8192];

struct host {
	struct logpath p;
	struct store *st;
	int64_t ids;
	unsigned lines;		/* lines read */
	unsigned reads, flushes;
	int fail_flush;
	uint64_t counts[LOGPATH_UNREADABLE + 1];
};

static const char *tmp(const char *name)
{
	return tu_path(dir, name);
}

static void write_lines(const char *name, const char *mode, int from, int to)
{
	FILE *f = fopen(tmp(name), mode);
	assert_non_null(f);
	for (int n = from; n < to; n++)
		fprintf(f, "Nov 28 09:10:00 mx1 postfix/qmgr[1020]: %010X: removed\n", 0xB0000 + n);
	fclose(f);
}

static int h_attach(void *arg, struct logfile *ff)
{
	struct host *t = arg;
	assert_int_equal(source_ident(ff->src, &ff->is.ident), 0);
	ff->is.id = ++t->ids;
	ff->committed = ff->is.pos.at;
	ff->attached = 1;
	ff->quiet_since = clock_mono();
	return 0;
}

static int h_read(void *arg, struct logfile *ff)
{
	char err[512];
	struct host *t = arg;
	struct source_line l;
	int n = 0;
	t->reads++;
	while (n < 5000 && source_next(ff->src, &l, err, sizeof err) == 1) {
		ff->is.pos.at = l.end;
		ff->dirty = 1;
		n++;
	}
	t->lines += (unsigned)n;
	return n;
}

static int h_flush(void *arg)
{
	struct host *t = arg;
	t->flushes++;
	if (t->fail_flush)
		return -1;
	for (int j = 0; j < t->p.nold; j++) {
		t->p.old[j].committed = t->p.old[j].is.pos.at;
		t->p.old[j].dirty = 0;
	}
	t->p.cur.committed = t->p.cur.is.pos.at;
	t->p.cur.dirty = 0;
	return 0;
}

static void h_count(void *arg, enum logpath_count what)
{
	((struct host *)arg)->counts[what]++;
}

static void h_note(void *arg, int warn, const char *msg)
{
	size_t n = strlen(notes);
	(void)arg;
	snprintf(notes + n, sizeof notes - n, "%s%s\n", warn ? "warning: " : "", msg);
}

static struct logpath_host host_of(struct host *t, double grace)
{
	return (struct logpath_host){ .arg = t, .st = t->st, .grace = grace, .attach = h_attach,
				      .read = h_read, .flush = h_flush, .count = h_count,
				      .note = h_note };
}

/* Starts following dir/mail.log and reads what it holds. */
static void start(struct host *t, struct logpath_host *h)
{
	char err[1024];
	t->st = store_open(tmp("t.db"), STORE_WRITE, err, sizeof err);
	assert_non_null(t->st);
	h->st = t->st;
	t->p.path = strdup(tmp("mail.log"));
	assert_int_equal(logpath_start(&t->p, h, err, sizeof err), 0);
	if (t->p.cur.src)
		h_read(t, &t->p.cur);
}

static void stop(struct host *t)
{
	logpath_release(&t->p);
	store_free(t->st);
}

static struct watch_event event(enum watch_kind kind, const char *name)
{
	struct stat sb;
	assert_int_equal(stat(tmp(name), &sb), 0);
	return (struct watch_event){ .kind = kind, .file = { .dev = sb.st_dev, .ino = sb.st_ino } };
}

static ino_t ino_of(const struct logfile *ff)
{
	struct stat sb;
	assert_int_equal(fstat(source_fd(ff->src), &sb), 0);
	return sb.st_ino;
}

static ino_t ino_at(const char *name)
{
	struct stat sb;
	assert_int_equal(stat(tmp(name), &sb), 0);
	return sb.st_ino;
}

static int setup(void **state)
{
	(void)state;
	tu_mkdtemp(dir, sizeof dir, "logpath");
	notes[0] = '\0';
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	tu_rmtree(dir);
	return 0;
}

/* rename + create: the renamed file becomes a rotated one, read to its end
 * (a late line too), and is closed once committed and quiet for `grace`;
 * the new file is the current one. */
static void rename_then_create(void **state)
{
	struct host t = { 0 };
	struct logpath_host h = host_of(&t, 0.2);
	(void)state;
	write_lines("mail.log", "w", 0, 5);
	start(&t, &h);
	assert_int_equal(t.lines, 5);
	ino_t first = ino_at("mail.log");
	assert_int_equal(rename(tmp("mail.log"), tmp("mail.log.1")), 0);
	struct watch_event ev = event(WATCH_MOVED, "mail.log.1");
	logpath_event(&t.p, &h, &ev);
	assert_int_equal(t.p.nold, 1);
	assert_null(t.p.cur.src);
	assert_int_equal(t.counts[LOGPATH_ROTATION], 1);
	write_lines("mail.log.1", "a", 5, 6);	/* the logger has not reopened yet */
	write_lines("mail.log", "w", 6, 8);
	ev = event(WATCH_CREATED, "mail.log");
	logpath_event(&t.p, &h, &ev);
	assert_non_null(t.p.cur.src);
	assert_true(t.p.cur.attached);
	assert_int_equal(ino_of(&t.p.cur), ino_at("mail.log"));
	assert_int_equal(ino_of(&t.p.old[0]), first);
	assert_int_equal(h_read(&t, &t.p.old[0]), 1);
	assert_int_equal(h_read(&t, &t.p.cur), 2);
	/* uncommitted: kept, however long quiet */
	logpath_close_quiet(&t.p, &h, clock_mono() + 10);
	assert_int_equal(t.p.nold, 1);
	assert_int_equal(h_flush(&t), 0);
	logpath_close_quiet(&t.p, &h, t.p.old[0].quiet_since + 0.1);
	assert_int_equal(t.p.nold, 1);
	logpath_close_quiet(&t.p, &h, t.p.old[0].quiet_since + 0.3);
	assert_int_equal(t.p.nold, 0);
	assert_int_equal(t.counts[LOGPATH_FINISHED], 1);
	assert_non_null(strstr(notes, "rotated; reading the old file to its end"));
	stop(&t);
}

/* While rotated files are held, the path wants a look every OLD_CHECK
 * (0.25 s); with none and nothing to retry, never. */
static void due_only_with_work(void **state)
{
	struct host t = { 0 };
	struct logpath_host h = host_of(&t, 5);
	(void)state;
	write_lines("mail.log", "w", 0, 1);
	start(&t, &h);
	double now = clock_mono();
	assert_true(logpath_due(&t.p, now, 1e300) == 1e300);
	assert_int_equal(rename(tmp("mail.log"), tmp("mail.log.1")), 0);
	struct watch_event ev = event(WATCH_MOVED, "mail.log.1");
	logpath_event(&t.p, &h, &ev);
	assert_true(logpath_due(&t.p, now, 1e300) == now + 0.25);
	assert_true(logpath_due(&t.p, now, now + 0.1) == now + 0.1);
	stop(&t);
}

/* More rotated files than LOGPATH_OLD_MAX: the oldest is read to its end,
 * committed and closed; a gap is counted only when its commit fails. */
static void too_many_rotated_files(void **state)
{
	char name[32];
	struct host t = { 0 };
	struct logpath_host h = host_of(&t, 5);
	(void)state;
	write_lines("mail.log", "w", 0, 1);
	start(&t, &h);
	for (int i = 0; i <= LOGPATH_OLD_MAX; i++) {
		snprintf(name, sizeof name, "mail.log.%d", i + 1);
		assert_int_equal(rename(tmp("mail.log"), tmp(name)), 0);
		write_lines(name, "a", 100 + i, 101 + i);	/* unread when rotated */
		struct watch_event ev = event(WATCH_MOVED, name);
		logpath_event(&t.p, &h, &ev);
		write_lines("mail.log", "w", 200 + i, 201 + i);
		ev = event(WATCH_CREATED, "mail.log");
		logpath_event(&t.p, &h, &ev);
	}
	assert_int_equal(t.p.nold, LOGPATH_OLD_MAX);
	assert_int_equal(t.counts[LOGPATH_ROTATION], LOGPATH_OLD_MAX + 1);
	assert_int_equal(t.lines, 2);	/* the first file, whole, before it was closed */
	assert_int_equal(t.counts[LOGPATH_GAP], 0);
	assert_int_equal(ino_of(&t.p.old[0]), ino_at("mail.log.2"));
	/* the next one, with its commit failing: a gap, said */
	t.fail_flush = 1;
	assert_int_equal(rename(tmp("mail.log"), tmp("mail.log.x")), 0);
	struct watch_event ev = event(WATCH_MOVED, "mail.log.x");
	logpath_event(&t.p, &h, &ev);
	assert_int_equal(t.p.nold, LOGPATH_OLD_MAX);
	assert_int_equal(t.counts[LOGPATH_GAP], 1);
	assert_non_null(strstr(notes, "too many rotated files open; closing"));
	stop(&t);
}

/* copytruncate with a copy next to the path: the copy is finished from the
 * read position under the row, the path read again from 0. */
static void truncated_with_copy(void **state)
{
	struct host t = { 0 };
	struct logpath_host h = host_of(&t, 5);
	(void)state;
	write_lines("mail.log", "w", 0, 4);
	start(&t, &h);
	int64_t row = t.p.cur.is.id;
	write_lines("mail.log", "a", 4, 6);	/* unread when copied */
	FILE *in = fopen(tmp("mail.log"), "rb"), *out = fopen(tmp("mail.log.1"), "wb");
	char buf[4096];
	size_t n;
	assert_non_null(in);
	assert_non_null(out);
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		assert_int_equal(fwrite(buf, 1, n, out), n);
	fclose(in);
	fclose(out);
	assert_int_equal(truncate(tmp("mail.log"), 0), 0);
	write_lines("mail.log", "a", 10, 11);
	logpath_check(&t.p, &h);
	assert_int_equal(t.counts[LOGPATH_TRUNCATION], 1);
	assert_int_equal(t.counts[LOGPATH_GAP], 0);
	assert_int_equal(t.p.nold, 1);
	assert_int_equal(t.p.old[0].is.id, row);	/* under the row of the original */
	assert_int_equal(ino_of(&t.p.old[0]), ino_at("mail.log.1"));
	assert_int_equal(h_read(&t, &t.p.old[0]), 2);
	assert_int_equal(t.p.cur.is.pos.at, 0);
	assert_int_equal(h_read(&t, &t.p.cur), 1);
	assert_non_null(strstr(notes, "finishing its copy"));
	stop(&t);
}

/* The open file cannot be examined (its descriptor is gone, so fstat
 * fails): a warning names the reason, the file is taken as truncated with
 * no copy (a gap), frozen, and the path opened afresh. */
static void open_file_cannot_be_examined(void **state)
{
	int spare[8];
	struct host t = { 0 };
	struct logpath_host h = host_of(&t, 5);
	(void)state;
	/* Descriptors below the source's, freed before its own is closed, so
	 * the opens that follow take them and not the source's number: its
	 * fstat keeps failing (EBADF). */
	for (int i = 0; i < 8; i++)
		assert_true((spare[i] = open("/dev/null", O_RDONLY)) >= 0);
	write_lines("mail.log", "w", 0, 3);
	start(&t, &h);
	int fd = source_fd(t.p.cur.src);
	for (int i = 0; i < 8; i++)
		assert_true(spare[i] < fd);
	for (int i = 0; i < 8; i++)
		close(spare[i]);
	close(fd);
	logpath_check(&t.p, &h);
	assert_non_null(strstr(notes, "cannot examine the open file (Bad file descriptor)"));
	assert_non_null(strstr(notes, "no copy found next to it; lines written after offset"));
	assert_int_equal(t.counts[LOGPATH_TRUNCATION], 1);
	assert_int_equal(t.counts[LOGPATH_GAP], 1);
	assert_int_equal(t.p.nold, 1);
	assert_true(t.p.old[0].frozen);
	assert_non_null(t.p.cur.src);
	assert_true(source_fd(t.p.cur.src) != fd);
	assert_int_equal(ino_of(&t.p.cur), ino_at("mail.log"));
	assert_int_equal(h_read(&t, &t.p.cur), 3);	/* read again from the start */
	stop(&t);
}

/* A path that names something it cannot open (a directory here) is said
 * once, recorded for `check`, retried with back-off, and cleared once
 * read again. */
static void unopenable_path_retried(void **state)
{
	struct store_unreadable u;
	char err[512];
	struct host t = { 0 };
	struct logpath_host h = host_of(&t, 5);
	(void)state;
	write_lines("mail.log", "w", 0, 1);
	start(&t, &h);
	assert_int_equal(rename(tmp("mail.log"), tmp("mail.log.1")), 0);
	struct watch_event ev = event(WATCH_MOVED, "mail.log.1");
	logpath_event(&t.p, &h, &ev);
	assert_int_equal(mkdir(tmp("mail.log"), 0755), 0);
	double before = clock_mono();
	ev = event(WATCH_CREATED, "mail.log");
	logpath_event(&t.p, &h, &ev);
	assert_null(t.p.cur.src);
	assert_int_equal(t.counts[LOGPATH_UNREADABLE], 1);
	assert_true(t.p.open_retry_at >= before + 1.0);
	assert_true(logpath_due(&t.p, before, 1e300) <= t.p.open_retry_at);
	assert_int_equal(store_unreadable_get(t.st, &u, err, sizeof err), 0);
	assert_int_equal(u.count, 1);
	/* not yet due: nothing tried */
	logpath_check(&t.p, &h);
	assert_null(t.p.cur.src);
	/* due, still a directory: the back-off doubles, said once */
	t.p.open_retry_at = clock_mono();
	logpath_check(&t.p, &h);
	assert_true(t.p.open_backoff == 2.0);
	assert_int_equal(t.counts[LOGPATH_UNREADABLE], 1);
	assert_int_equal(rmdir(tmp("mail.log")), 0);
	write_lines("mail.log", "w", 5, 7);
	t.p.open_retry_at = clock_mono();
	logpath_check(&t.p, &h);
	assert_non_null(t.p.cur.src);
	assert_true(t.p.unreadable_since == 0);
	assert_int_equal(store_unreadable_get(t.st, &u, err, sizeof err), 0);
	assert_int_equal(u.count, 0);
	assert_non_null(strstr(notes, "readable again after"));
	stop(&t);
}

/* A FIFO at the path is refused on start (no position to resume from). */
static void fifo_refused(void **state)
{
	char err[1024];
	struct host t = { 0 };
	struct logpath_host h = host_of(&t, 5);
	(void)state;
	assert_int_equal(mkfifo(tmp("mail.log"), 0600), 0);
	t.st = store_open(tmp("t.db"), STORE_WRITE, err, sizeof err);
	h.st = t.st;
	t.p.path = strdup(tmp("mail.log"));
	int fd = open(tmp("mail.log"), O_RDWR | O_NONBLOCK);	/* lets the open not block */
	assert_true(fd >= 0);
	assert_int_equal(logpath_start(&t.p, &h, err, sizeof err), -1);
	assert_non_null(strstr(err, "not a regular file"));
	assert_null(t.p.cur.src);
	close(fd);
	stop(&t);
}

/* The identity of dir/name as a source computes it. */
static struct source_ident ident_at(const char *name)
{
	char err[512];
	struct source_ident id;
	struct source *src = source_open(tmp(name), err, sizeof err);
	assert_non_null(src);
	assert_int_equal(source_ident(src, &id), 0);
	source_free(src);
	return id;
}

/* Writes in t.db what a tail stopped after reading dir/mail.log up to pos
 * leaves: the path's row, with identity id, checkpointed at pos. */
static void remember(const struct source_ident *id, uint64_t pos)
{
	char err[512];
	struct store *st = store_open(tmp("t.db"), STORE_WRITE, err, sizeof err);
	assert_non_null(st);
	assert_int_equal(store_begin(st, err, sizeof err), 0);
	int64_t row = store_source_new(st, tmp("mail.log"), id, err, sizeof err);
	assert_true(row > 0);
	assert_int_equal(store_checkpoint(st, row, id, &(struct position){ .at = pos }, err, sizeof err), 0);
	assert_int_equal(store_commit(st, err, sizeof err), 0);
	store_free(st);
}

/* The file read last (old.log here, its 40 lines read) deleted while tail
 * was stopped and a new mail.log, lines [from, to), created on its inode
 * number: ext4 gives a deleted file's number to the next file at once; here
 * the remembered row is given the new file's inode, as such a reuse leaves
 * it. Its birth time: the deleted file's (born before the new one) when
 * born_before, else 0 (a file system without birth times). Returns the new
 * file's identity. */
static struct source_ident read_last_then_reused(int from, int to, int born_before)
{
	struct stat sb;
	write_lines("old.log", "w", 0, 40);
	struct source_ident old = ident_at("old.log");
	assert_int_equal(stat(tmp("old.log"), &sb), 0);
	write_lines("mail.log", "w", from, to);
	struct source_ident now = ident_at("mail.log");
	old.dev = now.dev;
	old.ino = now.ino;
	old.btime = born_before && now.btime ? now.btime - 1 : 0;
	remember(&old, (uint64_t)sb.st_size);
	return now;
}

/* With no birth time to tell them apart the first bytes do: the new file
 * starts with others, so the file read last is gone (a gap) and the new one
 * is read from its start, never "truncated while stopped". */
static void new_file_on_the_inode_read_last(void **state)
{
	struct host t = { 0 };
	struct logpath_host h = host_of(&t, 5);
	(void)state;
	read_last_then_reused(100, 105, 0);
	start(&t, &h);
	assert_null(strstr(notes, "truncated while stopped"));
	assert_non_null(strstr(notes, "the file read last"));
	assert_non_null(strstr(notes, "is gone"));
	assert_int_equal(t.counts[LOGPATH_GAP], 1);
	assert_int_equal(t.lines, 5);
	stop(&t);
}

/* The same with a new file that starts with the very bytes of the one read
 * last (the first 20 of its 40 lines): where the file system gives birth
 * times, the row's (the deleted file's) differs from the new file's, and
 * the file read last is gone; where it gives none, nothing tells this file
 * from the old one truncated in place, and it is said to be that. */
static void new_file_with_the_same_start_on_the_inode_read_last(void **state)
{
	struct host t = { 0 };
	struct logpath_host h = host_of(&t, 5);
	(void)state;
	struct source_ident now = read_last_then_reused(0, 20, 1);
	assert_int_equal(now.fp_len, SOURCE_FP_MAX);
	start(&t, &h);
	if (now.btime != 0) {
		assert_null(strstr(notes, "truncated while stopped"));
		assert_non_null(strstr(notes, "is gone"));
		assert_int_equal(t.counts[LOGPATH_GAP], 1);
	} else {
		assert_non_null(strstr(notes, "truncated while stopped"));
		assert_int_equal(t.counts[LOGPATH_GAP], 0);
	}
	stop(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(rename_then_create, setup, teardown),
		cmocka_unit_test_setup_teardown(due_only_with_work, setup, teardown),
		cmocka_unit_test_setup_teardown(too_many_rotated_files, setup, teardown),
		cmocka_unit_test_setup_teardown(truncated_with_copy, setup, teardown),
		cmocka_unit_test_setup_teardown(open_file_cannot_be_examined, setup, teardown),
		cmocka_unit_test_setup_teardown(unopenable_path_retried, setup, teardown),
		cmocka_unit_test_setup_teardown(fifo_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(new_file_on_the_inode_read_last, setup, teardown),
		cmocka_unit_test_setup_teardown(new_file_with_the_same_start_on_the_inode_read_last, setup,
						teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
