/* follow - the tail loop: follow log paths through rotation, crash and restart
 *
 * A follow object follows paths (or stdin alone) and feeds every complete
 * line to an ingest object, committing rows and checkpoints together. Each
 * path is a struct logpath (logpath.h): the current file and the older
 * files it still finishes, through rename + create, delete + recreate,
 * copytruncate, rotation while stopped and files it cannot open; what a
 * change of the path means is decided in rotation.c, carried out in
 * logpath.c; this loop waits, reads, and commits.
 * Commit policy: after batch_lines lines; batch_ms after the first
 * uncommitted line; or once a read pass has caught up (nothing more to
 * read): with gap_ms, as soon as the last commit is gap_ms old (an
 * isolated line at once; a steady stream in batches of what arrived
 * during the gap, at most one commit per gap_ms), else idle_ms after the
 * last line.
 * The checkpoint of a file only moves in a committed transaction: when a
 * commit fails (database locked, disk full), everything is rolled back,
 * every file is re-read from its last committed offset (episodes reloaded)
 * after a back-off of 0.5 s doubling to 30 s, so nothing is lost or doubled.
 * Lines of stdin cannot be read again: those of a failed commit are lost
 * (and counted).
 * Messages for the operator go to the note callback; nothing here prints.
 */
#ifndef BW_FOLLOW_H
#define BW_FOLLOW_H
#include <stddef.h>
#include <stdint.h>
#include "episode.h"
#include "ingest.h"
#include "store.h"
#include "stream.h"
#include "watch.h"

struct follow_opts {
	unsigned batch_lines;	/* commit after this many lines (5000) */
	unsigned batch_ms;	/* at most this long after the first uncommitted line (200) */
	unsigned idle_ms;	/* caught up and no new line for this long (batch_ms / 10) */
	unsigned gap_ms;	/* caught up: commit once the last commit is this old (0: use idle_ms) */
	double grace;		/* seconds a rotated file is still read after it went quiet (5) */
	enum watch_mode mode;	/* WATCH_AUTO: inotify, polling if it cannot be set up */
	double poll_seconds;	/* poll mode interval (1) */
	/* Receives each message for the operator; warn is 1 for problems. */
	void (*note)(void *arg, int warn, const char *msg);
	void *note_arg;
};

struct follow_stats {
	uint64_t commits;
	double commit_seconds;	/* the time the commits took, summed (monotonic clock) */
	uint64_t failed_commits;	/* rolled back, retried after a back-off */
	uint64_t rotations;	/* the path named a new file (renamed, deleted, created) */
	uint64_t truncations;	/* a file truncated in place (copytruncate) */
	uint64_t finished;	/* rotated files read to their end and closed */
	uint64_t gaps;		/* warnings that lines may have been lost */
	uint64_t unreadable;	/* times a path named a file we could not open */
	uint64_t stdin_lost;	/* stdin lines of failed commits */
};

struct follow;

/* Borrows st, ing and ep (episodes to reload after a rollback; may be
 * NULL); they must outlive the object. NULL with err on failure. */
struct follow *follow_new(struct store *st, struct ingest *ing, struct episodes *ep,
			  const struct follow_opts *o, char *err, size_t errlen);
/* Closes every file without committing (call follow_flush() first). */
void follow_free(struct follow *f);

/* Follows path (copied), "-" for stdin (which must then be the only path):
 * finishes what the store remembers of it (see above) and opens the file
 * when it exists (else it is waited for). A missing directory is an error.
 * Returns 0, or -1 with err. */
int follow_add(struct follow *f, const char *path, char *err, size_t errlen);

/* Follows the stream sr (stream.h; the journal: ingest_journal_stream())
 * besides the files: attaches it (resuming where the store left it; what
 * the stream says of that goes to the note callback), waits on its
 * descriptor in the same poll as the watches and the batch timer, and
 * commits its position with the rows. One stream at a time, not with
 * stdin. The follower owns sr from here on, even on failure. Returns 0,
 * or -1 with err. */
int follow_add_stream(struct follow *f, struct stream sr, char *err, size_t errlen);

/* One turn: waits at most max_wait_ms (-1: no limit) for a change or a due
 * commit, handles rotations, reads every file, commits when due. A signal
 * ends the wait early. Returns 0, or -1 with err when waiting itself fails
 * (store errors are retried, not returned). */
int follow_step(struct follow *f, int max_wait_ms, char *err, size_t errlen);

/* Commits what was read (and whatever the caller wrote in the open
 * transaction, e.g. episode_tick). Returns 0, or -1 with err: then rolled
 * back, the files re-seeked, a retry scheduled. */
int follow_flush(struct follow *f, char *err, size_t errlen);

/* Lines read but not yet committed. */
unsigned follow_pending(const struct follow *f);
/* 1 once stdin has ended (nothing more will come). */
int follow_eof(const struct follow *f);
/* The watch mode in force (WATCH_POLL or WATCH_INOTIFY) and why AUTO fell
 * back to polling ("" if it did not, or no file is watched). */
enum watch_mode follow_mode(const struct follow *f);
const char *follow_mode_note(const struct follow *f);
const struct follow_stats *follow_stats(const struct follow *f);

#endif
