/* stream - a source of records that tail follows by a descriptor of its own
 *
 * A log file is followed by path, through rotation and truncation
 * (logpath.c; rotation.c decides, rotate.c finds files; source.h). Every other kind of source (the systemd
 * journal today) is a stream: the follower (follow.c) waits on its
 * descriptor together with the files' watches, asks it for records, and
 * commits its position with the rows, knowing nothing else of it. A stream
 * keeps its own position (position.h; stored with store_checkpoint() in
 * the transaction that holds its rows) and goes back to the committed one
 * after a rollback. Adding a kind of source is a new struct stream_ops in
 * the source layer (see ingest_journal_stream() for the journal), not a
 * change to the follower or the store.
 */
#ifndef BW_STREAM_H
#define BW_STREAM_H
#include <stddef.h>

struct stream_ops {
	/* Finds where the store left the stream and positions it after that.
	 * note receives what the operator should be told ("" for nothing);
	 * *gap is set to 1 when records may have been missed (e.g. the
	 * journal vacuumed past the stored cursor). 0, or -1 with err. */
	int (*attach)(void *arg, char *note, size_t notelen, int *gap, char *err, size_t errlen);
	/* The descriptor to wait on (readable: something may have changed). */
	int (*fd)(void *arg, char *err, size_t errlen);
	/* Milliseconds until the stream wants process() called even when its
	 * descriptor stays quiet; -1: never. */
	int (*timeout_ms)(void *arg);
	/* Called after every wait. 0, or -1 with err. */
	int (*process)(void *arg, char *err, size_t errlen);
	/* Reads at most cap records into the ingest object (rows in the open
	 * transaction). Returns how many (0: none now), -1 with err (the
	 * caller rolls back and calls rewind()). */
	int (*read)(void *arg, unsigned cap, char *err, size_t errlen);
	/* Writes the position of the last record read into the open
	 * transaction (nothing when none was read). 0, or -1 with err. */
	int (*checkpoint)(void *arg, char *err, size_t errlen);
	/* The transaction holding the checkpoint was committed. */
	void (*committed)(void *arg);
	/* After a rollback: back to the committed position. 0, or -1 with err. */
	int (*rewind)(void *arg, char *err, size_t errlen);
	void (*free)(void *arg);
	/* How long the descriptor may take to announce a new record, seconds
	 * (0: at once). When late, the follower looks again by itself while
	 * records keep coming (follow.c), and never while the stream is idle. */
	double notify_delay;
	/* What it is, for messages ("the journal"). */
	const char *what;
};

struct stream {
	const struct stream_ops *ops;
	void *arg;
	const char *name;	/* for messages ("journal:/var/log/journal"); borrowed */
};

#endif
