/* watch - tell a follower when the files it follows change
 *
 * A watch follows a set of paths (log files) and reports what happened to
 * each: written to, truncated, renamed away or deleted, created again. It
 * only reports; the tail loop decides what to do, and it reads the files
 * itself (the watcher never opens them).
 *
 * The watcher keeps, per path, the state it last reported (stat() of the
 * path, following symbolic links) and, whenever something may have changed,
 * compares a fresh stat() with it. Both modes share that comparison:
 *   - inotify mode: a watch on the path's directory (renames, deletions,
 *     creations of that name), one on the file itself (writes, truncation,
 *     attribute changes), and for a symbolic link one on the final target's
 *     directory too. Writes to other files of the directory (the rest of
 *     /var/log) do not wake the caller. A path whose directory vanishes
 *     later, or whose watches cannot be set, is polled until they can be.
 *   - poll mode: every path is compared every poll_seconds.
 * A file is "the same" while device, inode and birth time (where the file
 * system records one) stay; in inotify mode a rename, deletion or creation
 * of the name also counts as a new file, even when the inode number was
 * reused at once. So MOVED + CREATED may name the same file: when the name
 * came back to it (renamed away and back), or when the name event of a
 * delete + recreate is read after the look that already reported the new
 * file. A caller holding the file open tells these apart (an open file's
 * inode cannot be reused).
 * A write, a rotation or a deletion that started and finished between two
 * looks is therefore reported by its outcome, in the order MOVED before
 * CREATED. A truncation followed by an append larger than the old size
 * before the watcher looks is seen as GREW: the caller must still compare
 * the file's first bytes (source_same_file) when it reads.
 *
 * Deviation from the design's "through libinotifytools": this module uses
 * inotify(7) directly. libinotifytools 3.22 (Debian 12) does not expose its
 * file descriptor, so its only wait is inotifytools_next_events() with a
 * timeout in whole seconds, too coarse for a sub-second batching timer;
 * inotifytools_watch_file() does not return the watch descriptor, and its
 * name-to-descriptor map keeps the old descriptor after the kernel drops a
 * watch (IN_IGNORED when a rotated file is deleted), which is exactly the
 * case a log follower lives in; it also prints to stderr on some failures
 * and allows one instance per process. With inotify(7) each struct watch
 * owns its own descriptor, and waiting is a poll() with a millisecond
 * timeout that blocks in the kernel (no CPU on a quiet log).
 */
#ifndef BW_WATCH_H
#define BW_WATCH_H
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

enum watch_mode {
	WATCH_AUTO,	/* inotify; polling when inotify cannot be set up */
	WATCH_INOTIFY,	/* inotify or an error */
	WATCH_POLL	/* stat() every poll_seconds */
};

enum watch_kind {
	WATCH_GREW,	/* same file, written: size >= the last reported size
			   (equal when rewritten in place: read and compare) */
	WATCH_TRUNCATED,/* same file, size < the last reported size */
	WATCH_MOVED,	/* the file the path named was renamed away or
			   deleted (or the path now names another file) */
	WATCH_CREATED	/* the path names a file it did not name before */
};

/* What a path names, as stat() (following symbolic links) saw it. */
struct watch_file {
	int exists;		/* 0: nothing at the path (other fields 0) */
	dev_t dev;
	ino_t ino;
	uint64_t size;
	struct timespec mtime;
	struct timespec btime;	/* birth time; 0 where the file system has
				   none. File systems reuse a deleted file's
				   inode number at once (ext4 does): the birth
				   time tells the new file from the old. */
};

struct watch_event {
	int index;		/* as returned by watch_add() */
	enum watch_kind kind;
	/* MOVED: the file that went away, as last reported.
	 * Other kinds: the file the path names now. */
	struct watch_file file;
};

struct watch;

/* A new watcher. poll_seconds (> 0) is the poll mode interval, and the
 * interval at which inotify mode retries paths it could not watch. In
 * WATCH_AUTO mode a failure to create the inotify instance (EMFILE, ENFILE,
 * ENOSYS) selects polling; see watch_mode() and watch_note(). Returns NULL
 * with a message in err on failure. */
struct watch *watch_new(enum watch_mode mode, double poll_seconds,
			char *err, size_t errlen);
/* Closes the inotify descriptor and frees everything; NULL does nothing. */
void watch_free(struct watch *w);

/* Follows path (copied). The path itself need not exist yet (it is waited
 * for), but its directory must: otherwise -1 and a message in err. A path
 * naming a directory is an error too. Returns the path's index (0, 1, ...
 * in order of calls). The state at this moment is the baseline: call
 * watch_add() before opening the file, and compare watch_state() with the
 * opened file to close the gap between the two.
 * In WATCH_AUTO mode, running out of inotify watches (ENOSPC), or a
 * directory on NFS or CIFS/SMB (where inotify sees only local writes),
 * switches the whole watch to polling. */
int watch_add(struct watch *w, const char *path, char *err, size_t errlen);

/* Waits up to timeout_ms (-1: without limit) for something to happen to a
 * followed path, and stores up to n events in ev (more stay queued for the
 * next call). Returns the number stored, 0 on timeout or when a signal
 * interrupted the wait (so that the caller checks its signal flags), -1
 * with a message in err on an error of the inotify descriptor. */
int watch_wait(struct watch *w, int timeout_ms, struct watch_event *ev,
	       int n, char *err, size_t errlen);
/* The same, waiting also for another descriptor to become readable (the
 * journal's, when files and the journal are followed together): returns at
 * once when it is, with *also_ready = 1 (and any events already queued). */
int watch_wait_also(struct watch *w, int timeout_ms, int also_fd, int *also_ready,
		    struct watch_event *ev, int n, char *err, size_t errlen);

/* The mode in force: WATCH_INOTIFY or WATCH_POLL (never WATCH_AUTO). */
enum watch_mode watch_mode(const struct watch *w);
/* Why WATCH_AUTO fell back to polling ("" if it did not); borrowed. */
const char *watch_note(const struct watch *w);
/* The path given to watch_add(), and the state last reported for it
 * (after watch_add(): the baseline). Borrowed until the next call on w. */
const char *watch_path(const struct watch *w, int index);
const struct watch_file *watch_state(const struct watch *w, int index);
/* A short name for a kind ("grew", "truncated", "moved", "created"). */
const char *watch_kind_name(enum watch_kind kind);

#endif
