/* Unit tests for rotation: the follower's decisions from plain facts, no
 * file, no inotify, no store. While running: name events (one open file has
 * one reader: an event for the file the path still names is no rotation),
 * taking a rotated file back, truncation in place and its copy, the grace
 * period. On start: the remembered rows (read on, finish, re-read, gap) and
 * the threshold they give, then the files next to the path, among them the
 * four restart cases the crash loop found (tests/soak/tail_crashloop.sh;
 * their end-to-end checks are in tests/e2e/tail_restart.sh). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "rotation.h"

#define DEV 2049

static struct rotation_id id(ino_t ino)
{
	return (struct rotation_id){ DEV, ino };
}

static const struct rotation_id nothing = { 0, 0 };

/* A file held open: descriptor on ino, row naming row_ino, row id. */
static struct rotation_held held(ino_t ino, ino_t row_ino, int64_t row)
{
	return (struct rotation_held){ .open = id(ino), .row = id(row_ino), .attached = row > 0,
				       .id = row };
}

static struct timespec at(time_t s)
{
	return (struct timespec){ s, 0 };
}

/* ---- while running ------------------------------------------------------ */

static void same_inode_is_the_same_file_only(void **state)
{
	(void)state;
	assert_true(rotation_same(id(7), id(7)));
	assert_false(rotation_same(id(7), id(8)));
	assert_false(rotation_same(id(7), (struct rotation_id){ DEV + 1, 7 }));
	assert_false(rotation_same(nothing, nothing));	/* "none" matches nothing */
	struct rotation_held h[2] = { held(5, 5, 1), held(9, 3, 2) };
	assert_int_equal(rotation_holds(h, 2, id(9)), 1);
	assert_int_equal(rotation_holds(h, 2, id(3)), -1);	/* the row's file, not open */
	assert_int_equal(rotation_holds(h, 2, nothing), -1);
}

/* One open file has one reader: the watcher reports MOVED + CREATED for a
 * name event even when the path still names the file we read (renamed away
 * and back; the IN_CREATE of a delete + recreate read after the look that
 * already saw the new file). */
static void name_event_for_the_file_read_is_no_rotation(void **state)
{
	(void)state;
	struct rotation_held cur = held(10, 10, 1);
	assert_int_equal(rotation_on_event(WATCH_MOVED, id(10), &cur, id(10)), ROTATION_NONE);
	assert_int_equal(rotation_on_event(WATCH_CREATED, id(10), &cur, nothing), ROTATION_NONE);
	/* a copy taken back as the current file: its row names the file it
	 * was copied from, its descriptor the copy; the path names the copy */
	struct rotation_held copy = held(11, 10, 1);
	assert_int_equal(rotation_on_event(WATCH_MOVED, id(10), &copy, id(11)), ROTATION_NONE);
}

static void renamed_or_deleted_rotates(void **state)
{
	(void)state;
	struct rotation_held cur = held(10, 10, 1);
	/* renamed away, a new file at the path */
	assert_int_equal(rotation_on_event(WATCH_MOVED, id(10), &cur, id(12)), ROTATION_ROTATED);
	/* deleted, nothing at the path yet */
	assert_int_equal(rotation_on_event(WATCH_MOVED, id(10), &cur, nothing), ROTATION_ROTATED);
	/* the descriptor could not be asked: the path is not known to be ours */
	struct rotation_held unknown = { .row = id(10), .attached = 1, .id = 1 };
	assert_int_equal(rotation_on_event(WATCH_MOVED, id(10), &unknown, id(10)), ROTATION_ROTATED);
	/* an event for a file we do not read, or with no current file */
	assert_int_equal(rotation_on_event(WATCH_MOVED, id(99), &cur, nothing), ROTATION_NONE);
	assert_int_equal(rotation_on_event(WATCH_MOVED, id(10), NULL, nothing), ROTATION_NONE);
}

static void created_replaces_or_opens(void **state)
{
	(void)state;
	struct rotation_held cur = held(10, 10, 1);
	assert_int_equal(rotation_on_event(WATCH_CREATED, id(12), &cur, nothing), ROTATION_REPLACED);
	assert_int_equal(rotation_on_event(WATCH_CREATED, id(12), NULL, nothing), ROTATION_NEW);
	/* growth and truncation are the read pass's to see */
	assert_int_equal(rotation_on_event(WATCH_GREW, id(10), &cur, id(10)), ROTATION_NONE);
	assert_int_equal(rotation_on_event(WATCH_TRUNCATED, id(10), &cur, id(10)), ROTATION_NONE);
	assert_int_equal(rotation_on_event(WATCH_GREW, id(12), NULL, id(12)), ROTATION_NONE);
}

/* Renamed away and back: the file the path names again is one being
 * finished; that reader becomes the current one (compared by descriptor:
 * an adopted copy's row names another file). Frozen ones are not. */
static void rotated_file_back_at_its_path_is_taken_back(void **state)
{
	(void)state;
	struct rotation_held old[3] = { held(20, 20, 1), held(21, 30, 2), held(22, 22, 3) };
	assert_int_equal(rotation_take_back(id(22), old, 3), 2);
	assert_int_equal(rotation_take_back(id(21), old, 3), 1);
	assert_int_equal(rotation_take_back(id(30), old, 3), -1);	/* only the row's file */
	assert_int_equal(rotation_take_back(id(40), old, 3), -1);	/* a new file */
	assert_int_equal(rotation_take_back(id(20), old, 0), -1);
	old[0].frozen = 1;	/* truncated in place with no copy: never read again */
	assert_int_equal(rotation_take_back(id(20), old, 3), -1);
}

static void truncation_in_place_is_seen(void **state)
{
	(void)state;
	assert_false(rotation_truncated(100, 150, 1));	/* grew */
	assert_false(rotation_truncated(100, 100, 1));	/* read to its end */
	assert_true(rotation_truncated(100, 99, 1));	/* shrank below the read position */
	assert_true(rotation_truncated(100, 150, 0));	/* refilled past it: other first bytes */
	assert_false(rotation_truncated(100, UINT64_MAX, 1));	/* size unknown */
	assert_true(rotation_truncated(100, UINT64_MAX, 0));
	assert_false(rotation_truncated(0, 0, 1));
}

static void copy_of_a_truncated_file(void **state)
{
	(void)state;
	assert_int_equal(rotation_copy(1, 0), ROTATION_COPY_FINISH);
	assert_int_equal(rotation_copy(1, 1), ROTATION_COPY_COMPLETE);
	assert_int_equal(rotation_copy(0, 0), ROTATION_COPY_NONE);
	assert_int_equal(rotation_copy(0, 1), ROTATION_COPY_NONE);
}

/* A rotated file is read until it has been quiet for the grace period and
 * all its lines are committed. */
static void rotated_reader_grace_period(void **state)
{
	(void)state;
	assert_false(rotation_quiet(0, 100.0, 104.9, 5));
	assert_true(rotation_quiet(0, 100.0, 105.0, 5));
	assert_false(rotation_quiet(1, 100.0, 200.0, 5));	/* lines not committed yet */
	assert_true(rotation_quiet(0, 100.0, 100.0, 0));	/* grace 0: at once */
}

/* ---- on start: the remembered rows --------------------------------------- */

static struct rotation_row row(ino_t ino, uint64_t pos)
{
	return (struct rotation_row){ .id = id(ino), .pos = pos };
}

static struct rotation_row found(ino_t ino, uint64_t pos, time_t mtime, int complete)
{
	struct rotation_row r = row(ino, pos);
	r.found = 1;
	r.complete = complete;
	r.mtime = at(mtime);
	return r;
}

/* One row, the current file's (ino): read on; returns the threshold. */
static const struct timespec *start_with_current(struct rotation_start *rs, ino_t ino, uint64_t pos,
						 double updated)
{
	struct rotation_row r = row(ino, pos);
	r.in_cur = 1;
	rotation_start_init(rs, 1, updated);
	assert_int_equal(rotation_start_row(rs, &r, 1), ROTATION_ROW_CURRENT);
	return rotation_start_after(rs);
}

static void no_rows_no_unknown_file(void **state)
{
	(void)state;
	struct rotation_start rs;
	rotation_start_init(&rs, 0, 0);
	assert_null(rotation_start_after(&rs));
	struct rotation_sibling s = { .id = id(5), .size = 10, .mtime = at(2000) };
	assert_int_equal(rotation_between(&s, id(1), NULL, NULL, 0, rotation_start_after(&rs)),
			 ROTATION_SKIP);
}

static void current_file_holds_the_row(void **state)
{
	(void)state;
	struct rotation_start rs;
	const struct timespec *after = start_with_current(&rs, 10, 300, 1000.25);
	assert_non_null(after);
	assert_int_equal(after->tv_sec, 1000);
	assert_int_equal(after->tv_nsec, 250000000);
}

/* Rotated while stopped: found next to the path, finished from the stored
 * offset; the threshold is the found file's mtime when earlier than the
 * last checkpoint (what was written after it went to the new file). */
static void rotated_while_stopped(void **state)
{
	(void)state;
	struct rotation_start rs;
	struct rotation_row older = found(10, 50, 700, 1), newest = found(11, 300, 900, 0);
	rotation_start_init(&rs, 2, 1000);
	assert_int_equal(rotation_start_row(&rs, &older, 0), ROTATION_ROW_DONE);
	assert_int_equal(rotation_start_row(&rs, &newest, 1), ROTATION_ROW_FINISH);
	assert_int_equal(rotation_start_after(&rs)->tv_sec, 900);
	/* written after the last checkpoint: the checkpoint stays the threshold */
	struct rotation_row late = found(11, 300, 1100, 0);
	rotation_start_init(&rs, 1, 1000);
	assert_int_equal(rotation_start_row(&rs, &late, 1), ROTATION_ROW_FINISH);
	assert_int_equal(rotation_start_after(&rs)->tv_sec, 1000);
}

static void truncated_while_stopped_is_read_again(void **state)
{
	(void)state;
	struct rotation_start rs;
	struct rotation_row r = row(10, 5000);	/* no copy found */
	r.cut_in_cur = 1;	/* the current file is it, cut below 5000 */
	rotation_start_init(&rs, 1, 1000);
	assert_int_equal(rotation_start_row(&rs, &r, 1), ROTATION_ROW_REREAD);
	/* an older row of that inode is just gone */
	rotation_start_init(&rs, 2, 1000);
	assert_int_equal(rotation_start_row(&rs, &r, 0), ROTATION_ROW_GONE);
}

/* The file read last deleted while stopped and a new file created on its
 * inode number (ext4 gives it at once): the current file has the row's
 * inode but other first bytes or another birth time, so it is not the
 * row's file cut short. The file read last is gone (a gap), never
 * "truncated while stopped". */
static void new_file_on_the_inode_of_the_file_read_last(void **state)
{
	(void)state;
	struct rotation_start rs;
	struct rotation_row r = row(10, 5000);	/* the current file: inode 10 too */
	rotation_start_init(&rs, 1, 1000);
	assert_int_equal(rotation_start_row(&rs, &r, 1), ROTATION_ROW_LOST);
	struct rotation_row empty = row(10, 0);	/* nothing read from it */
	rotation_start_init(&rs, 1, 1000);
	assert_int_equal(rotation_start_row(&rs, &empty, 1), ROTATION_ROW_GONE);
}

static void file_read_last_gone(void **state)
{
	(void)state;
	struct rotation_start rs;
	struct rotation_row r = row(10, 5000), empty = row(11, 0);
	rotation_start_init(&rs, 1, 1000);
	assert_int_equal(rotation_start_row(&rs, &r, 1), ROTATION_ROW_LOST);
	rotation_start_init(&rs, 1, 1000);
	assert_int_equal(rotation_start_row(&rs, &empty, 1), ROTATION_ROW_GONE);
	rotation_start_init(&rs, 2, 1000);
	assert_int_equal(rotation_start_row(&rs, &r, 0), ROTATION_ROW_GONE);
}

/* ---- on start: the files next to the path --------------------------------- */

static struct rotation_sibling unknown(ino_t ino, time_t mtime)
{
	return (struct rotation_sibling){ .id = id(ino), .size = 400, .mtime = at(mtime) };
}

static struct rotation_sibling known(ino_t ino, int64_t r, uint64_t pos, uint64_t size)
{
	return (struct rotation_sibling){ .id = id(ino), .size = size, .mtime = at(500), .stored = 1,
					  .row = r, .pos = pos };
}

/* Case 1: the middle file of two rotations, read whole under its own row,
 * killed between the row's commit and its lines': the row is at offset 0
 * and the file has bytes. It is finished from there. */
static void restart_case1_middle_file_left_unfinished(void **state)
{
	(void)state;
	struct rotation_held cur = held(30, 30, 3);
	struct timespec after = at(1000);
	struct rotation_sibling s = known(20, 2, 0, 400);
	assert_int_equal(rotation_between(&s, id(30), &cur, NULL, 0, &after), ROTATION_FINISH_FROM);
	s.pos = 400;	/* everything stored */
	assert_int_equal(rotation_between(&s, id(30), &cur, NULL, 0, &after), ROTATION_SKIP);
	s.pos = 500;	/* stored past its size (a copy of a longer file) */
	assert_int_equal(rotation_between(&s, id(30), &cur, NULL, 0, &after), ROTATION_SKIP);
}

/* Case 2: deleted and created again while tail ran, killed before the new
 * file was opened, and that file rotated away while stopped: the file read
 * last is gone, the newest older file found gives the threshold, and the
 * unknown file written after it is read whole. */
static void restart_case2_file_read_last_gone(void **state)
{
	(void)state;
	struct rotation_start rs;
	struct rotation_row older = found(10, 200, 800, 1), gone = row(11, 300);
	rotation_start_init(&rs, 2, 1000);
	assert_int_equal(rotation_start_row(&rs, &older, 0), ROTATION_ROW_DONE);
	assert_int_equal(rotation_start_row(&rs, &gone, 1), ROTATION_ROW_LOST);
	const struct timespec *after = rotation_start_after(&rs);
	assert_int_equal(after->tv_sec, 800);
	struct rotation_held h = held(40, 40, 0);
	struct rotation_sibling s = unknown(12, 900);	/* the recreated file, rotated */
	assert_int_equal(rotation_between(&s, id(40), &h, NULL, 0, after), ROTATION_READ_WHOLE);
	s.mtime = at(800);	/* not after the threshold: written before */
	assert_int_equal(rotation_between(&s, id(40), &h, NULL, 0, after), ROTATION_SKIP);
	/* an older file found after the last checkpoint does not move it */
	struct rotation_row newer = found(10, 200, 1200, 1);
	rotation_start_init(&rs, 2, 1000);
	rotation_start_row(&rs, &newer, 0);
	rotation_start_row(&rs, &gone, 1);
	assert_int_equal(rotation_start_after(&rs)->tv_sec, 1000);
}

/* Case 3: copied and truncated while stopped, the truncated file refilled
 * and rotated. The copy (inode 51) is finished under the row of the
 * truncated file (inode 50); the refilled file keeps inode 50 but is not
 * the file held open: it is compared by the open descriptor and read. */
static void restart_case3_refilled_file_keeps_the_rows_inode(void **state)
{
	(void)state;
	struct rotation_held cur = held(60, 60, 0), old[1] = { held(51, 50, 5) };
	struct timespec after = at(1000);
	struct rotation_sibling refilled = unknown(50, 1100), copy = known(51, 5, 100, 400);
	assert_int_equal(rotation_between(&refilled, id(60), &cur, old, 1, &after),
			 ROTATION_READ_WHOLE);
	assert_int_equal(rotation_between(&copy, id(60), &cur, old, 1, &after), ROTATION_SKIP);
}

/* Case 4: a file opened empty (row at offset 0 with no fingerprint), filled,
 * copied and truncated while stopped, then refilled. The current file is
 * the row's file, so the threshold is the row's last checkpoint: the copy,
 * older than the refilled file but written after that checkpoint, is read
 * whole (it held every line). */
static void restart_case4_copy_older_than_the_refilled_file(void **state)
{
	(void)state;
	struct rotation_start rs;
	const struct timespec *after = start_with_current(&rs, 70, 0, 1000);
	struct rotation_held cur = held(70, 70, 0);
	struct rotation_sibling copy = unknown(71, 1100);	/* refilled file: 1200 */
	assert_int_equal(rotation_between(&copy, id(70), &cur, NULL, 0, after), ROTATION_READ_WHOLE);
	/* the former rule (after the current file's mtime) left it unread */
	struct timespec cur_mtime = at(1200);
	assert_int_equal(rotation_between(&copy, id(70), &cur, NULL, 0, &cur_mtime), ROTATION_SKIP);
}

/* One open file has one reader at start too: the file the path names, a
 * file being finished, a row read already, and a row the current file
 * holds are not opened again. */
static void at_start_one_open_file_has_one_reader(void **state)
{
	(void)state;
	struct rotation_held cur = held(80, 80, 8), old[2] = { held(81, 81, 9), held(82, 90, 10) };
	struct timespec after = at(1000);
	struct rotation_sibling s = unknown(80, 2000);	/* a link to the current file */
	assert_int_equal(rotation_between(&s, id(80), &cur, old, 2, &after), ROTATION_SKIP);
	s = unknown(82, 2000);	/* open as a copy being finished */
	assert_int_equal(rotation_between(&s, id(80), &cur, old, 2, &after), ROTATION_SKIP);
	s = known(83, 9, 0, 400);	/* its row is being finished from another file */
	assert_int_equal(rotation_between(&s, id(80), &cur, old, 2, &after), ROTATION_SKIP);
	s = known(83, 8, 0, 400);	/* its row is the current file's */
	assert_int_equal(rotation_between(&s, id(80), &cur, old, 2, &after), ROTATION_SKIP);
	s = known(83, 11, 0, 400);
	s.row_in_cur = 1;	/* the current file is that row's file */
	assert_int_equal(rotation_between(&s, id(80), &cur, old, 2, &after), ROTATION_SKIP);
	s.row_in_cur = 0;
	assert_int_equal(rotation_between(&s, id(80), &cur, old, 2, &after), ROTATION_FINISH_FROM);
	/* a row not attached yet does not count as read */
	cur.attached = 0;
	s = known(83, 8, 0, 400);
	assert_int_equal(rotation_between(&s, id(80), &cur, old, 2, &after), ROTATION_FINISH_FROM);
	s.stored = -1;	/* the store could not tell: not read */
	assert_int_equal(rotation_between(&s, id(80), &cur, old, 2, &after), ROTATION_SKIP);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(same_inode_is_the_same_file_only),
		cmocka_unit_test(name_event_for_the_file_read_is_no_rotation),
		cmocka_unit_test(renamed_or_deleted_rotates),
		cmocka_unit_test(created_replaces_or_opens),
		cmocka_unit_test(rotated_file_back_at_its_path_is_taken_back),
		cmocka_unit_test(truncation_in_place_is_seen),
		cmocka_unit_test(copy_of_a_truncated_file),
		cmocka_unit_test(rotated_reader_grace_period),
		cmocka_unit_test(no_rows_no_unknown_file),
		cmocka_unit_test(current_file_holds_the_row),
		cmocka_unit_test(rotated_while_stopped),
		cmocka_unit_test(truncated_while_stopped_is_read_again),
		cmocka_unit_test(new_file_on_the_inode_of_the_file_read_last),
		cmocka_unit_test(file_read_last_gone),
		cmocka_unit_test(restart_case1_middle_file_left_unfinished),
		cmocka_unit_test(restart_case2_file_read_last_gone),
		cmocka_unit_test(restart_case3_refilled_file_keeps_the_rows_inode),
		cmocka_unit_test(restart_case4_copy_older_than_the_refilled_file),
		cmocka_unit_test(at_start_one_open_file_has_one_reader),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
