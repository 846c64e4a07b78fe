/* logpath - one followed log path through rotation, truncation and restart
 *
 * A logpath holds, for one path tail follows, the current file and the
 * rotated files it still finishes (each a struct logfile), and carries out
 * what rotation.c decides about a change of the path, from the facts it
 * gathers itself (stat of the path, fstat of the files it holds, first
 * bytes, rotate.c's finds, the store's rows of the path):
 *   - rename + create, delete + recreate: the renamed-away (or deleted)
 *     file stays open and is read to its end, and on every wake-up after,
 *     until it has been quiet for `grace` seconds (a logger may write to it
 *     until it reopens its log); then the new file is read from offset 0.
 *     Older files are always read before the current one (file-age order).
 *     One open file has one reader: a path that names the current file
 *     again after a name event is no rotation, and a rotated file that
 *     comes back to the path becomes the current file again.
 *   - copytruncate (the open file shrank, or no longer starts with the bytes
 *     it was fingerprinted from): the copy is looked for next to the path
 *     (mail.log.1, mail.log-20261128; by fingerprint) and finished from the
 *     checkpoint; without a copy, what was written after the last read is
 *     lost and a warning says so. The path is then read from offset 0 as a
 *     new source.
 *   - on start: the last LOGPATH_RECENT sources the store remembers for the
 *     path are looked up next to it (by device and inode, else by
 *     fingerprint); one found with unread bytes is finished first. When the
 *     newest one is found nowhere, a warning tells of a possible gap. Then
 *     the files next to the path: one the store knows with bytes past its
 *     stored offset (left unfinished by a crash) is finished from there;
 *     one it does not know, modified after the newest remembered file found
 *     (rotated in between while stopped), is read whole.
 *   - a path that names a file that cannot be opened (Permission denied, or
 *     gone between the event and the open) is tried again after 1 s,
 *     doubling up to 30 s, for ever; the operator is told once, and the
 *     store keeps a reader_status row (store_status.h) until the file is
 *     read again. A FIFO or device is refused (give it on stdin: `-`).
 * Reading lines, committing and giving a file its source row are the
 * host's (follow.c): a logpath asks for them through struct logpath_host,
 * so it knows nothing of the poll loop, the commit policy or ingest.
 * Nothing here prints: messages go to the host's note callback.
 */
#ifndef BW_LOGPATH_H
#define BW_LOGPATH_H
#include <stdint.h>
#include "ingest.h"
#include "source.h"
#include "store.h"
#include "watch.h"

#define LOGPATH_RECENT 4	/* remembered sources of a path checked on start */
#define LOGPATH_OLD_MAX 16	/* rotated files of a path being finished at once */

/* A file held open for a path: an open source, the ingest_source it feeds
 * (source row, identity, offset read) and the offset last committed.
 * committed only moves after a successful commit (the host's). A file whose
 * descriptor can no longer be trusted (truncated in place with no copy
 * found) is frozen: never read again, kept until committed. */
struct logfile {
	struct source *src;	/* NULL: none */
	struct ingest_source is;
	uint64_t committed;	/* offset of the last committed checkpoint */
	int attached;		/* is.id names a committed source row */
	int dirty;		/* lines read since the last commit */
	int frozen;		/* not to be read again */
	double quiet_since;	/* rotated files: when they last gave a line (clock_mono) */
	int bad_said;		/* its damaged compressed data was reported */
};

struct logpath {
	char *path;		/* owned */
	int widx;		/* the host's watch index; -1 for stdin */
	struct logfile cur;
	struct logfile old[LOGPATH_OLD_MAX];	/* oldest first */
	int nold;
	/* The path names a file we cannot open: since when (wall clock), the
	 * next try (clock_mono) and the back-off; 0 when none. */
	double unreadable_since, open_retry_at, open_backoff;
};

/* What a logpath counts (the host adds them to its statistics). */
enum logpath_count {
	LOGPATH_ROTATION,	/* the path named a new file (renamed, deleted, created) */
	LOGPATH_TRUNCATION,	/* the current file truncated in place (copytruncate) */
	LOGPATH_FINISHED,	/* a rotated file read to its end and closed */
	LOGPATH_GAP,		/* a warning that lines may have been lost */
	LOGPATH_UNREADABLE,	/* the path named a file that could not be opened */
};

/* What a logpath asks of the follower that holds it. Borrowed by every call. */
struct logpath_host {
	void *arg;		/* the first argument of each callback */
	struct store *st;	/* the source rows of the path; reader_status */
	double grace;		/* seconds a rotated file is read after it went quiet */
	/* Gives ff a source row (the one the store remembers for its file,
	 * else a new one), committed at once. 0, or -1: not now (the host
	 * retries; an unattached current file is attached by its read pass). */
	int (*attach)(void *arg, struct logfile *ff);
	/* Reads at most one batch of ff's lines into the open transaction.
	 * How many, or -1 after a store error (everything rolled back). */
	int (*read)(void *arg, struct logfile *ff);
	/* Commits what was read. 0, or -1 (rolled back, retried by the host). */
	int (*flush)(void *arg);
	void (*count)(void *arg, enum logpath_count what);
	/* A message for the operator; warn is 1 for problems. */
	void (*note)(void *arg, int warn, const char *msg);
};

/* Starts following p->path (p zeroed but for path and widx): opens the
 * file when it exists (a FIFO or device is an error), finishes what the
 * store remembers of the path (above), then attaches the current file.
 * Returns 0, or -1 with err (p->cur closed). */
int logpath_start(struct logpath *p, const struct logpath_host *h, char *err, size_t errlen);

/* Closes every file without committing, frees the path. */
void logpath_release(struct logpath *p);

/* Closes ff (NULL source: nothing) and zeroes it. */
void logfile_close(struct logfile *ff);

/* A FIFO (or device) cannot be followed as a file: 1 with err when src is
 * not a regular file, else 0. */
int logpath_not_regular(const struct source *src, const char *path, char *err, size_t errlen);

/* The watcher's event ev for p (a name event: rotation, replacement, a new
 * file; growth and truncation are left to logpath_check()). */
void logpath_event(struct logpath *p, const struct logpath_host *h, const struct watch_event *ev);

/* Before a read pass: opens the path again when its retry is due, and
 * handles a truncation in place of the current file (copytruncate). */
void logpath_check(struct logpath *p, const struct logpath_host *h);

/* Closes the rotated files quiet for the grace period whose lines are
 * committed (now: clock_mono()). */
void logpath_close_quiet(struct logpath *p, const struct logpath_host *h, double now);

/* The earliest clock_mono() time p wants a look without an event (rotated
 * files to read, an unattached current file, an open retry), at most due. */
double logpath_due(const struct logpath *p, double now, double due);

#endif
