/* store - the SQLite database
 *
 * The store family (store*.c) is the only code that speaks SQL or includes
 * sqlite3.h. The schema lives in schema/NNN_*.sql, embedded at build time and
 * applied by PRAGMA user_version. WAL mode; a busy timeout so readers and the
 * tailer never fail on each other. Every statement is prepared once with
 * bound parameters.
 *
 * Writers batch: store_begin(), many store_add(), store_checkpoint() for the
 * source, store_commit(): rows and the checkpoint land together or not at all.
 */
#ifndef BW_STORE_H
#define BW_STORE_H
#include <stdint.h>
#include "delivery.h"
#include "rules.h"
#include "file_ident.h"
#include "position.h"

struct store;

enum store_mode { STORE_READ, STORE_WRITE };

/* Opens (creating and migrating in STORE_WRITE mode; file mode 0640) the
 * database at path. READ mode opens read-only and refuses to create. A
 * path that is a symbolic link is refused (SQLITE_OPEN_NOFOLLOW). */
struct store *store_open(const char *path, enum store_mode mode, char *err, size_t errlen);
void store_free(struct store *st);
/* 1 when the path opened no longer names the file opened (deleted, or
 * replaced by another file), with err saying which; else 0. */
int store_file_gone(const struct store *st, char *err, size_t errlen);

/* A source as remembered: which one it is and where to resume. Every kind
 * of source is one row of this shape (position.h); the store does not
 * look inside ident or pos beyond saving and comparing them. */
struct store_source {
	int64_t id;
	struct source_ident ident;
	struct position pos;
	double updated;		/* clock_now() of its last checkpoint */
};

/* Finds what is remembered of the file now open at path, with identity id:
 * first the active source of that path if it is the same file (same device,
 * inode and fingerprint); then any source with the same device and inode and
 * fingerprint (the file was renamed, e.g. rotated to mail.log.1); then any
 * source whose full SOURCE_FP_MAX-byte fingerprint matches (the same log,
 * compressed by rotation). By path or inode, never a source of that device
 * and inode born at another time (source_ident_reborn(): a new file on a
 * reused inode number); by fingerprint, whatever the inode.
 * Returns 1 found, 0 not, -1 error. */
typedef int (*store_same_fn)(void *arg, const struct source_ident *remembered);
/* same(arg, remembered) says whether the open file still starts with the
 * bytes a candidate was fingerprinted from (source_same_file()). */
int store_source_find(struct store *st, const char *path, const struct source_ident *id,
		      store_same_fn same, void *arg, struct store_source *out,
		      char *err, size_t errlen);
/* Creates a source row for path with a new file identity at offset 0 (the
 * path's earlier rows become inactive); returns its id, or -1. Must be inside
 * a transaction. */
int64_t store_source_new(struct store *st, const char *path, const struct source_ident *id,
			 char *err, size_t errlen);

/* The last (at most max) sources remembered for path, active or not, oldest
 * first: the files a follower may have left unfinished (rotated away while
 * it was stopped). Returns how many were stored in out, or -1 with err. */
int store_source_recent(struct store *st, const char *path, struct store_source *out, int max,
			char *err, size_t errlen);

/* Sources named by their identity alone (kind other than 'file', e.g.
 * 'journal': one row per sequence-number id of a journal, dev = ino = 0).
 * The row of kind with identity id, whatever name it was read under
 * (the same journal opened as --journal or --journal-dir keeps its rows),
 * created under name when new (inside a transaction). Returns its id, or -1. */
int64_t store_source_of(struct store *st, const char *kind, const char *name,
			const struct source_ident *id, char *err, size_t errlen);
/* Where reading name (of kind) stopped: its row whose position, saved with
 * a resume token, was checkpointed last. Returns 1 found (out filled), 0
 * never read, -1 with err. */
int store_source_last(struct store *st, const char *kind, const char *name,
		      struct store_source *out, char *err, size_t errlen);

int store_begin(struct store *st, char *err, size_t errlen);
/* 1 when source source_id holds at offset a delivery with d's time, queue
 * id, recipient, status and reply (the same line), 0 when not, -1 error. */
int store_has(struct store *st, int64_t source_id, uint64_t offset, const struct delivery *d,
	      char *err, size_t errlen);
/* Adds one delivery row, at position offset (pos.at) of source source_id.
 * Returns 1 added, 0 already there (same source and position), -1 error. */
int store_add(struct store *st, int64_t source_id, uint64_t offset,
	      const struct delivery *d, const struct verdict *v, char *err, size_t errlen);
/* One mail_events row: a message the MTA queued (received = 1) or a client
 * it refused (0), at ts, from log host host (may be null). Identity as a
 * delivery's (source, offset). 1 added, 0 already there, -1 error. */
int store_event_add(struct store *st, int64_t source_id, uint64_t offset, double ts, int received,
		    struct str host, char *err, size_t errlen);
/* 1 when source source_id holds an event at offset with time ts, 0 when
 * not, -1 error. */
int store_event_has(struct store *st, int64_t source_id, uint64_t offset, double ts,
		    char *err, size_t errlen);
/* Saves the identity (its fingerprint may have widened; a birth time the
 * row lacks is filled in) and the position of source row source_id,
 * whatever its kind; inside the transaction that holds the rows up to pos. */
int store_checkpoint(struct store *st, int64_t source_id, const struct source_ident *id,
		     const struct position *pos, char *err, size_t errlen);
int store_commit(struct store *st, char *err, size_t errlen);
void store_rollback(struct store *st);
/* How many transactions st has committed since store_open: a change made
 * under one count is committed once the count moves on. */
uint64_t store_commits(const struct store *st);
/* Writes the rollups of every open hour (store_rollup.h: recent hours a
 * writer holds across its commits), in a transaction of its own: a writer
 * that stops (scan at its end, tail when it stops) leaves nothing for
 * readers to take from the rows or for the next writer to rebuild.
 * Another writer's open hour is rebuilt from its rows. Then the buckets of 6 hours, a day and more that
 * end by the end of the newest hour are folded, so a report over the last
 * whole day reads one day bucket per key rather than 24 hours (rows stored
 * in them later are added to the folded buckets too). 0 or -1 with err
 * (nothing is lost then: the next writer rebuilds those hours). */
int store_close_hours(struct store *st, char *err, size_t errlen);

/* Replaces the rules table with the loaded rules (inside its own transaction). */
int store_sync_rules(struct store *st, const struct rules *r, char *err, size_t errlen);

/* Runs a read-only statement and calls row() for each result row with the
 * column names and values as text (NULL for SQL NULL). Used by report and
 * query. Returns 0, or -1 with err (the SQLite message). */
typedef int (*store_row_fn)(void *arg, int ncol, const char *const *names,
			    const char *const *values);
int store_select(struct store *st, const char *sql, const char *const *params, int nparams,
		 store_row_fn row, void *arg, char *err, size_t errlen);

#endif
