/* test_watch - the watcher against real files, real inotify and real stat()
 *
 * Each scenario runs twice: inotify mode with a 60 s poll interval (so a
 * periodic look cannot stand in for a missing inotify event) and poll mode
 * with a 50 ms interval. Files live in a fresh directory under /tmp.
 */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "watch.h"

#define MAXEV 64

struct fx {
	enum watch_mode mode;
	char dir[64];
	struct watch *w;
	struct watch_event ev[MAXEV];
	int nev;
	char kinds[512];
};

static enum watch_mode mode_inotify = WATCH_INOTIFY;
static enum watch_mode mode_poll = WATCH_POLL;

static char *pathf(struct fx *f, const char *name)
{
	static char buf[4][PATH_MAX];
	static int next;
	char *p = buf[next++ % 4];

	snprintf(p, PATH_MAX, "%s/%s", f->dir, name);
	return p;
}

static int rm_entry(const char *p, const struct stat *sb, int flag,
		    struct FTW *ftw)
{
	(void)sb; (void)flag; (void)ftw;
	return remove(p);
}

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));
	char err[256];

	f->mode = *(enum watch_mode *)*state;
	snprintf(f->dir, sizeof(f->dir), "/tmp/bw-watch-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	f->w = watch_new(f->mode, f->mode == WATCH_POLL ? 0.05 : 60, err,
			 sizeof(err));
	if (!f->w)
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;

	watch_free(f->w);
	nftw(f->dir, rm_entry, 8, FTW_DEPTH | FTW_PHYS);
	free(f);
	return 0;
}

static void write_file(const char *path, const char *text, int flags)
{
	int fd = open(path, O_WRONLY | O_CREAT | flags, 0644);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
}

static void append(const char *path, const char *text)
{
	write_file(path, text, O_APPEND);
}

static int add(struct fx *f, const char *name)
{
	char err[512];
	int i = watch_add(f->w, pathf(f, name), err, sizeof(err));

	if (i < 0)
		fail_msg("watch_add %s: %s", name, err);
	assert_int_equal(watch_mode(f->w), f->mode);
	return i;
}

/* Collects events until none came for 250 ms (3 s at most); f->kinds
 * lists them as "index:kind,...". */
static const char *settle(struct fx *f)
{
	char err[256];
	size_t used = 0;
	int r;

	f->nev = 0;
	f->kinds[0] = '\0';
	for (int rounds = 0; rounds < 12; rounds++) {
		r = watch_wait(f->w, 250, f->ev + f->nev, MAXEV - f->nev,
			       err, sizeof(err));
		if (r < 0)
			fail_msg("watch_wait: %s", err);
		if (r == 0)
			break;
		for (int k = f->nev; k < f->nev + r; k++)
			used += (size_t)snprintf(f->kinds + used,
				sizeof(f->kinds) - used, "%s%d:%s",
				used ? "," : "", f->ev[k].index,
				watch_kind_name(f->ev[k].kind));
		f->nev += r;
	}
	return f->kinds;
}

static const struct watch_event *last(struct fx *f)
{
	assert_true(f->nev > 0);
	return &f->ev[f->nev - 1];
}

static void test_append_grew(void **state)
{
	struct fx *f = *state;
	int i;

	write_file(pathf(f, "mail.log"), "one\n", 0);
	i = add(f, "mail.log");
	assert_int_equal(i, 0);
	assert_true(watch_state(f->w, i)->exists);
	assert_int_equal(watch_state(f->w, i)->size, 4);
	append(pathf(f, "mail.log"), "two\n");
	assert_string_equal(settle(f), "0:grew");
	assert_int_equal(last(f)->file.size, 8);
	append(pathf(f, "other.log"), "not followed\n");
	assert_string_equal(settle(f), "");
}

static void test_rename_create(void **state)
{
	struct fx *f = *state;
	struct stat sb;
	ino_t old;

	write_file(pathf(f, "mail.log"), "one\n", 0);
	add(f, "mail.log");
	old = watch_state(f->w, 0)->ino;
	/* logrotate's default: rename, then create an empty file */
	assert_int_equal(rename(pathf(f, "mail.log"), pathf(f, "mail.log.1")), 0);
	write_file(pathf(f, "mail.log"), "", 0);
	assert_string_equal(settle(f), "0:moved,0:created");
	assert_true(f->ev[0].file.ino == old);
	assert_int_equal(stat(pathf(f, "mail.log"), &sb), 0);
	assert_true(f->ev[1].file.ino == sb.st_ino);
	assert_int_equal(f->ev[1].file.size, 0);
	/* the new file is followed; the rotated one is not */
	append(pathf(f, "mail.log.1"), "late\n");
	assert_string_equal(settle(f), "");
	append(pathf(f, "mail.log"), "new\n");
	assert_string_equal(settle(f), "0:grew");
}

static void test_copytruncate(void **state)
{
	struct fx *f = *state;

	write_file(pathf(f, "mail.log"), "0123456789012345678901234567890\n", 0);
	add(f, "mail.log");
	assert_int_equal(truncate(pathf(f, "mail.log"), 0), 0);
	append(pathf(f, "mail.log"), "after\n");
	settle(f);
	assert_true(f->nev >= 1);
	assert_int_equal(f->ev[0].kind, WATCH_TRUNCATED);
	assert_int_equal(last(f)->file.size, 6);
	assert_int_equal(watch_state(f->w, 0)->size, 6);
	/* the same inode all along: never reported as moved */
	for (int k = 0; k < f->nev; k++)
		assert_int_not_equal(f->ev[k].kind, WATCH_MOVED);
}

static void test_delete_recreate(void **state)
{
	struct fx *f = *state;

	write_file(pathf(f, "mail.log"), "one\n", 0);
	add(f, "mail.log");
	assert_int_equal(unlink(pathf(f, "mail.log")), 0);
	assert_string_equal(settle(f), "0:moved");
	assert_false(watch_state(f->w, 0)->exists);
	write_file(pathf(f, "mail.log"), "again\n", 0);
	assert_string_equal(settle(f), "0:created");
	assert_int_equal(last(f)->file.size, 6);
	append(pathf(f, "mail.log"), "more\n");
	assert_string_equal(settle(f), "0:grew");
	/* both at once */
	assert_int_equal(unlink(pathf(f, "mail.log")), 0);
	write_file(pathf(f, "mail.log"), "third\n", 0);
	assert_string_equal(settle(f), "0:moved,0:created");
}

static void test_absent_then_created(void **state)
{
	struct fx *f = *state;

	add(f, "mail.log");
	assert_false(watch_state(f->w, 0)->exists);
	assert_string_equal(settle(f), "");
	write_file(pathf(f, "mail.log"), "first\n", 0);
	assert_string_equal(settle(f), "0:created");
	append(pathf(f, "mail.log"), "second\n");
	assert_string_equal(settle(f), "0:grew");
}

static void test_symlink(void **state)
{
	struct fx *f = *state;

	assert_int_equal(mkdir(pathf(f, "t"), 0755), 0);
	write_file(pathf(f, "t/real.log"), "one\n", 0);
	assert_int_equal(symlink("t/real.log", pathf(f, "mail.log")), 0);
	add(f, "mail.log");
	assert_int_equal(watch_state(f->w, 0)->size, 4);
	append(pathf(f, "t/real.log"), "two\n");
	assert_string_equal(settle(f), "0:grew");
	/* the target is rotated behind the link */
	assert_int_equal(rename(pathf(f, "t/real.log"), pathf(f, "t/real.log.1")), 0);
	write_file(pathf(f, "t/real.log"), "", 0);
	assert_string_equal(settle(f), "0:moved,0:created");
	append(pathf(f, "t/real.log"), "three\n");
	assert_string_equal(settle(f), "0:grew");
	/* the link is pointed elsewhere */
	write_file(pathf(f, "other.log"), "other\n", 0);
	assert_int_equal(unlink(pathf(f, "mail.log")), 0);
	assert_int_equal(symlink("other.log", pathf(f, "mail.log")), 0);
	assert_string_equal(settle(f), "0:moved,0:created");
	append(pathf(f, "other.log"), "x\n");
	assert_string_equal(settle(f), "0:grew");
}

/* The link and its target in one directory: rotating the target is seen
 * by name even before any periodic look. */
static void test_symlink_same_dir(void **state)
{
	struct fx *f = *state;

	write_file(pathf(f, "real.log"), "one\n", 0);
	assert_int_equal(symlink("real.log", pathf(f, "mail.log")), 0);
	add(f, "mail.log");
	assert_int_equal(rename(pathf(f, "real.log"), pathf(f, "real.log.1")), 0);
	write_file(pathf(f, "real.log"), "", 0);
	assert_string_equal(settle(f), "0:moved,0:created");
	append(pathf(f, "real.log"), "two\n");
	assert_string_equal(settle(f), "0:grew");
}

static void test_two_paths(void **state)
{
	struct fx *f = *state;

	write_file(pathf(f, "a.log"), "a\n", 0);
	add(f, "a.log");
	add(f, "b.log");
	append(pathf(f, "a.log"), "a\n");
	write_file(pathf(f, "b.log"), "b\n", 0);
	settle(f);
	assert_int_equal(f->nev, 2);
	assert_true(strstr(f->kinds, "0:grew") != NULL);
	assert_true(strstr(f->kinds, "1:created") != NULL);
}

static void test_small_buffer(void **state)
{
	struct fx *f = *state;
	struct watch_event ev;
	char err[256];

	write_file(pathf(f, "mail.log"), "one\n", 0);
	add(f, "mail.log");
	assert_int_equal(unlink(pathf(f, "mail.log")), 0);
	write_file(pathf(f, "mail.log"), "two\n", 0);
	assert_int_equal(watch_wait(f->w, 3000, &ev, 1, err, sizeof(err)), 1);
	assert_int_equal(ev.kind, WATCH_MOVED);
	assert_int_equal(watch_wait(f->w, 0, &ev, 1, err, sizeof(err)), 1);
	assert_int_equal(ev.kind, WATCH_CREATED);
}

static double elapsed_ms(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (t1.tv_sec - t0->tv_sec) * 1e3 + (t1.tv_nsec - t0->tv_nsec) / 1e6;
}

static void test_timeout(void **state)
{
	struct fx *f = *state;
	struct watch_event ev[4];
	struct timespec t0;
	char err[256];
	double ms;

	write_file(pathf(f, "mail.log"), "one\n", 0);
	add(f, "mail.log");
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(watch_wait(f->w, 300, ev, 4, err, sizeof(err)), 0);
	ms = elapsed_ms(&t0);
	assert_true(ms >= 250 && ms < 5000);
	assert_int_equal(watch_wait(f->w, 0, ev, 4, err, sizeof(err)), 0);
	/* a zero timeout still reports what the kernel has queued */
	if (f->mode == WATCH_INOTIFY) {
		append(pathf(f, "mail.log"), "two\n");
		assert_int_equal(watch_wait(f->w, 0, ev, 4, err, sizeof(err)), 1);
		assert_int_equal(ev[0].kind, WATCH_GREW);
	}
}

/* A write wakes an inotify wait long before its poll interval (60 s). */
static void test_wakes_on_write(void **state)
{
	struct fx *f = *state;
	struct watch_event ev[4];
	struct timespec t0;
	char err[256];
	pid_t pid;

	write_file(pathf(f, "mail.log"), "one\n", 0);
	add(f, "mail.log");
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		usleep(100 * 1000);
		append(pathf(f, "mail.log"), "two\n");
		_exit(0);
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(watch_wait(f->w, -1, ev, 4, err, sizeof(err)), 1);
	assert_int_equal(ev[0].kind, WATCH_GREW);
	assert_true(elapsed_ms(&t0) < 2000);
}

static void on_alarm(int sig)
{
	(void)sig;
}

/* A signal ends a wait without limit with 0, so the caller can look at
 * its flags. */
static void test_signal_interrupts(void **state)
{
	struct fx *f = *state;
	struct sigaction sa = { .sa_handler = on_alarm };	/* no SA_RESTART */
	struct itimerval it = { .it_value = { .tv_usec = 100000 } };
	struct watch_event ev[4];
	char err[256];

	sigemptyset(&sa.sa_mask);
	assert_int_equal(sigaction(SIGALRM, &sa, NULL), 0);
	write_file(pathf(f, "mail.log"), "one\n", 0);
	add(f, "mail.log");
	assert_int_equal(setitimer(ITIMER_REAL, &it, NULL), 0);
	assert_int_equal(watch_wait(f->w, -1, ev, 4, err, sizeof(err)), 0);
	signal(SIGALRM, SIG_DFL);
}

static void test_missing_directory(void **state)
{
	struct fx *f = *state;
	char err[512];

	assert_int_equal(watch_add(f->w, pathf(f, "nodir/mail.log"), err,
				   sizeof(err)), -1);
	assert_true(strstr(err, "nodir") != NULL);
	assert_true(strstr(err, "No such file or directory") != NULL);
	write_file(pathf(f, "plain"), "x\n", 0);
	assert_int_equal(watch_add(f->w, pathf(f, "plain/mail.log"), err,
				   sizeof(err)), -1);
	assert_true(strstr(err, "not a directory") != NULL);
	assert_int_equal(mkdir(pathf(f, "sub"), 0755), 0);
	assert_int_equal(watch_add(f->w, pathf(f, "sub"), err, sizeof(err)), -1);
	assert_true(strstr(err, "is a directory") != NULL);
	/* a failed add leaves no index behind */
	assert_int_equal(add(f, "mail.log"), 0);
}

/* The directory of a followed path is removed and made again: the path
 * is polled meanwhile, then followed by inotify again. */
static void test_directory_recreated(void **state)
{
	struct fx *f = *state;
	char err[256];
	struct watch *w;

	watch_free(f->w);
	f->w = w = watch_new(f->mode, 0.05, err, sizeof(err));
	assert_non_null(w);
	assert_int_equal(mkdir(pathf(f, "d"), 0755), 0);
	write_file(pathf(f, "d/mail.log"), "one\n", 0);
	add(f, "d/mail.log");
	assert_int_equal(unlink(pathf(f, "d/mail.log")), 0);
	assert_int_equal(rmdir(pathf(f, "d")), 0);
	assert_string_equal(settle(f), "0:moved");
	assert_int_equal(mkdir(pathf(f, "d"), 0755), 0);
	write_file(pathf(f, "d/mail.log"), "two\n", 0);
	assert_string_equal(settle(f), "0:created");
	append(pathf(f, "d/mail.log"), "three\n");
	assert_string_equal(settle(f), "0:grew");
}

/* Without a free descriptor inotify cannot start: AUTO polls and says
 * why, INOTIFY is an error. */
static void test_auto_fallback(void **state)
{
	struct rlimit saved, low;
	struct watch *w, *strict;
	char err[256] = "";
	int lowest = dup(0);

	(void)state;
	assert_true(lowest >= 0);
	close(lowest);
	assert_int_equal(getrlimit(RLIMIT_NOFILE, &saved), 0);
	low = saved;
	low.rlim_cur = (rlim_t)lowest;
	assert_int_equal(setrlimit(RLIMIT_NOFILE, &low), 0);
	w = watch_new(WATCH_AUTO, 0.05, err, sizeof(err));
	strict = watch_new(WATCH_INOTIFY, 0.05, err, sizeof(err));
	assert_int_equal(setrlimit(RLIMIT_NOFILE, &saved), 0);
	assert_non_null(w);
	assert_int_equal(watch_mode(w), WATCH_POLL);
	assert_true(strstr(watch_note(w), "inotify") != NULL);
	assert_null(strict);
	assert_true(strstr(err, "inotify") != NULL);
	watch_free(w);

	w = watch_new(WATCH_AUTO, 0.05, err, sizeof(err));
	assert_non_null(w);
	assert_int_equal(watch_mode(w), WATCH_INOTIFY);
	assert_string_equal(watch_note(w), "");
	watch_free(w);
	assert_null(watch_new(WATCH_POLL, 0, err, sizeof(err)));
}

#define BOTH(fn) \
	cmocka_unit_test_prestate_setup_teardown(fn, setup, teardown, &mode_inotify), \
	cmocka_unit_test_prestate_setup_teardown(fn, setup, teardown, &mode_poll)

int main(void)
{
	const struct CMUnitTest tests[] = {
		BOTH(test_append_grew),
		BOTH(test_rename_create),
		BOTH(test_copytruncate),
		BOTH(test_delete_recreate),
		BOTH(test_absent_then_created),
		BOTH(test_symlink),
		BOTH(test_symlink_same_dir),
		BOTH(test_two_paths),
		BOTH(test_small_buffer),
		BOTH(test_timeout),
		BOTH(test_signal_interrupts),
		BOTH(test_missing_directory),
		BOTH(test_directory_recreated),
		cmocka_unit_test_prestate_setup_teardown(test_wakes_on_write,
			setup, teardown, &mode_inotify),
		cmocka_unit_test(test_auto_fallback),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
