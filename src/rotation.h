/* rotation - what a change of a followed log's path means: the decisions
 *
 * A log file is followed by its path (logpath.c, in follow.c's loop). While tail runs, or while
 * it is stopped, the file at the path is renamed away and a new one created,
 * deleted and created again, or copied and truncated in place
 * (copytruncate). This module decides what each change means, from facts
 * the follower gathered: what the path names now (its stat), the files the
 * follower holds open for the path (the identity of each open descriptor,
 * the file its source row names, the row), offsets and sizes, the rows the
 * store remembers for the path, and what rotate.c found next to the path.
 * It returns decisions; logpath.c executes them (opens, adopts, closes,
 * tells the operator; follow.c reads and commits). No I/O, no store, no clock: every decision is tested
 * with plain values (tests/unit/test_rotation.c). rotate.c finds the files;
 * this module says what to do with them.
 *
 * The rules:
 *   - One open file has one reader. A name event for a file the path still
 *     names (renamed away and back, or the late event of a delete + recreate
 *     already handled) is no rotation; a file the path names again while it
 *     is being finished as a rotated file is taken back as the current file
 *     (unless frozen: truncated with no copy); at start, a file held open is
 *     never opened a second time.
 *   - While running: the current file renamed away or deleted becomes a
 *     rotated file, read to its end and on every wake-up until it has been
 *     quiet (no line, nothing uncommitted) for the grace period; a file
 *     created at the path becomes the current one, read from offset 0. The
 *     current file that shrank below the read position, or no longer starts
 *     with the bytes it was fingerprinted from, was truncated in place: its
 *     copy next to the path is finished from the checkpoint; without one,
 *     what was written after the last read is lost (a gap) and the file is
 *     frozen.
 *   - On start (rotation_start_row(), then rotation_between()), the last
 *     rows the store remembers for the path, oldest first, then the rotated
 *     files next to the path. A remembered file the current file still is,
 *     is read on; one found rotated with bytes past its offset is finished
 *     from there under its row; the newest one that the current file is,
 *     cut below the stored offset (same inode, not born again, same first
 *     bytes), was truncated while stopped (read again from 0, stored lines
 *     skipped); the newest one gone with bytes read is a gap, even when a
 *     new file has its inode number. Then,
 *     next to the path: a file the store knows with bytes past its stored
 *     offset was left unfinished by a crash and is finished from there (the
 *     middle file of two rotations, restart case 1; a copy finished under
 *     the row of the file truncated in place, whose refilled file keeps the
 *     row's inode, is compared by its open descriptor, case 3); a file the
 *     store does not know is read whole when modified after the threshold
 *     (rotation_start_after()): the newest row's last checkpoint, or the
 *     mtime of its file found rotated if earlier, or, when that file is
 *     gone, of the newest older file found (a file created while tail ran
 *     and rotated away before it was opened, case 2; a file opened empty,
 *     copied and truncated while stopped, whose copy is older than the
 *     refilled file, case 4).
 */
#ifndef BW_ROTATION_H
#define BW_ROTATION_H
#include <stdint.h>
#include <sys/types.h>
#include <time.h>
#include "watch.h"

/* Which file: device and inode. An inode number is never 0 for a file:
 * ino 0 means "none" (nothing at the path, or a descriptor that could not
 * be asked) and matches nothing. */
struct rotation_id {
	dev_t dev;
	ino_t ino;
};

/* A file the follower holds open for a path (the current one or one being
 * finished). */
struct rotation_held {
	struct rotation_id open;	/* the open descriptor's file (fstat) */
	struct rotation_id row;		/* the file its source row names (an adopted
					   copy's names the file it was copied from) */
	int attached;			/* id names a committed source row */
	int64_t id;			/* that row */
	int frozen;			/* truncated with no copy: never read again */
};

/* 1 when a and b name the same file (never for ino 0). */
int rotation_same(struct rotation_id a, struct rotation_id b);

/* The index in held[0..n) of the file whose open descriptor is the file
 * id, -1 when none is: one open file has one reader. */
int rotation_holds(const struct rotation_held *held, int n, struct rotation_id id);

/* ---- while running ------------------------------------------------------ */

enum rotation_act {
	ROTATION_NONE,		/* nothing for the rotation logic */
	ROTATION_ROTATED,	/* the current file becomes a rotated one */
	ROTATION_REPLACED,	/* that, then the file at the path is opened */
	ROTATION_NEW,		/* no current file: the file at the path is opened */
};

/* What the watcher's event of kind for file ev (watch.h) means, with cur
 * the current file (NULL: none) and path what the path names now (asked
 * for WATCH_MOVED only; ino 0: nothing). A MOVED or CREATED for the file
 * the follower already reads at the path is nothing (the watcher reports
 * a name event as MOVED + CREATED even when the path still names the same
 * file). GREW and TRUNCATED are nothing here (the read pass checks the
 * current file itself: rotation_truncated()). */
enum rotation_act rotation_on_event(enum watch_kind kind, struct rotation_id ev,
				    const struct rotation_held *cur, struct rotation_id path);

/* The file just opened at the path (its descriptor's identity) is one of
 * old[0..nold) still being finished (renamed away and back): the index of
 * the reader to take back as the current file (read on from where it is),
 * -1 to read it as a new file. A frozen one is not taken back. */
int rotation_take_back(struct rotation_id opened, const struct rotation_held *old, int nold);

/* Was the current file, read up to pos, truncated in place or rewritten?
 * size: its size now (UINT64_MAX when unknown); same_head: it still starts
 * with the bytes it was fingerprinted from. */
int rotation_truncated(uint64_t pos, uint64_t size, int same_head);

enum rotation_copy {
	ROTATION_COPY_FINISH,	/* finish the copy from the checkpoint, under the row */
	ROTATION_COPY_COMPLETE,	/* the copy holds nothing unread */
	ROTATION_COPY_NONE,	/* no copy: lines written after the last read are lost */
};

/* After a truncation in place: what the copy looked for next to the path
 * (rotate_find(): found, complete) means. When finishing it fails, the
 * follower acts as for ROTATION_COPY_NONE. Either way but FINISH, the
 * truncated file is frozen. */
enum rotation_copy rotation_copy(int found, int complete);

/* Is a rotated file done (to be closed): nothing uncommitted (dirty 0)
 * and no line since quiet_since for grace seconds at now? */
int rotation_quiet(int dirty, double quiet_since, double now, double grace);

/* ---- on start -------------------------------------------------------------- */

/* A row the store remembers for the path, with what the follower found of
 * it. */
struct rotation_row {
	struct rotation_id id;	/* the row's file */
	uint64_t pos;		/* its stored offset */
	int in_cur;		/* the current file is that file (identity, first
				   bytes, offset within it) */
	int cut_in_cur;		/* the current file is that file (its inode, not
				   born again, its first bytes) cut below pos */
	int found;		/* rotate_find() found it next to the path */
	int complete;		/* found with nothing past pos */
	struct timespec mtime;	/* the found file's */
};

enum rotation_row_act {
	ROTATION_ROW_CURRENT,	/* the current file holds it: read on from there */
	ROTATION_ROW_FINISH,	/* found with bytes past pos: finish it from pos */
	ROTATION_ROW_DONE,	/* found, nothing past pos */
	ROTATION_ROW_REREAD,	/* the newest, the current file is it cut short:
				   truncated while stopped, read again */
	ROTATION_ROW_LOST,	/* the newest, gone with bytes read: a gap */
	ROTATION_ROW_GONE,	/* gone, nothing to say */
};

/* The start-up state of one path: the threshold for unknown files. */
struct rotation_start {
	int nrows;
	struct timespec after;	/* unknown files modified after this are read */
	struct timespec found;	/* the newest mtime of older rows' files found */
};

/* Before the rows: nrows of them, the newest's last checkpoint at
 * newest_updated (seconds since the epoch; unused when nrows is 0). */
void rotation_start_init(struct rotation_start *rs, int nrows, double newest_updated);

/* Decides row i (rows in the store's order, oldest first; called in that
 * order, newest = i == nrows - 1). Moves the threshold. The inode alone
 * never makes the current file the row's: a file deleted while stopped
 * leaves its inode number to the next file created (ext4 gives it at
 * once), and that new file, started with other bytes or born at another
 * time, is a new file (the row's is gone), not one truncated in place. */
enum rotation_row_act rotation_start_row(struct rotation_start *rs, const struct rotation_row *row,
					 int newest);

/* The threshold once every row is decided: unknown files modified after
 * it were written while nothing read them. NULL when the store remembers
 * no row for the path (no unknown file is read: a first start reads the
 * current file only). Borrowed from rs. */
const struct timespec *rotation_start_after(const struct rotation_start *rs);

/* A rotated file next to the path, found on start (rotate_newer()). */
struct rotation_sibling {
	struct rotation_id id;
	uint64_t size;
	struct timespec mtime;
	int stored;		/* the store knows it: 1 (row, pos), 0 not, -1 cannot tell */
	int64_t row;
	uint64_t pos;		/* the row's stored offset */
	int row_in_cur;		/* the current file is that row's file */
};

enum rotation_sibling_act {
	ROTATION_SKIP,		/* nothing to read in it, or read already */
	ROTATION_READ_WHOLE,	/* unknown, written while stopped: read from 0 */
	ROTATION_FINISH_FROM,	/* known, left unfinished: finish from pos */
};

/* What to do with the rotated file s, with path what the path names, cur
 * the current file (NULL: none), old[0..nold) the files being finished,
 * after the threshold (rotation_start_after(), may be NULL). */
enum rotation_sibling_act rotation_between(const struct rotation_sibling *s, struct rotation_id path,
					   const struct rotation_held *cur,
					   const struct rotation_held *old, int nold,
					   const struct timespec *after);

#endif
