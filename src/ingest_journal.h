/* ingest_journal - the systemd journal through ingest, exactly once by cursor
 *
 * Reads entries of a journal (journal.h) into an ingest object: each entry
 * becomes a record with its header fields taken from the entry (no text
 * re-parsing), stored under the source row of the entry's sequence-number
 * id at the entry's sequence number. The cursor of the last entry read is
 * committed in the same transaction as the rows (store_checkpoint: the
 * cursor is the position's token, the sequence number its `at`);
 * a restart resumes after it. When the journal no longer has the entry of
 * the stored cursor (rotated away, vacuumed, another machine), reading
 * starts again at the oldest entry at or after the stored entry's time:
 * entries read before keep their row identity, so none is stored twice.
 */
#ifndef BW_INGEST_JOURNAL_H
#define BW_INGEST_JOURNAL_H
#include <stdint.h>
#include "ingest.h"
#include "journal.h"
#include "store.h"
#include "stream.h"

struct ingest_journal {
	struct journal *j;			/* borrowed */
	/* The source row of the last entry read (ident.fp: the first 64 bits
	 * of its sequence-number id) and its position (at: sequence number,
	 * token: cursor, ts: time); committed: the same as last committed. */
	struct store_source pos;
	struct store_source committed;
	int dirty;				/* entries read since the last commit */
	int resumed;				/* a stored cursor was found */
	int lost;				/* ... and the journal no longer had it */
};

/* Finds where the store left j, and positions j after it (or at since_us,
 * when later, or when nothing is stored; 0: the oldest entry). Fills ij
 * (resumed, lost say what happened). Returns 0, or -1 with err. */
int ingest_journal_attach(struct ingest *ing, struct store *st, struct journal *j,
			  uint64_t since_us, struct ingest_journal *ij, char *err, size_t errlen);

/* Reads at most cap entries. Returns how many were read (0: the journal
 * has nothing more now), -1 with err on a journal or store error (then the
 * caller rolls back: ingest_journal_rewind()). */
int ingest_journal_read(struct ingest *ing, struct store *st, struct ingest_journal *ij,
			unsigned cap, char *err, size_t errlen);

/* Writes the cursor into the open transaction (when entries were read):
 * the caller commits (ingest_finish) and then calls
 * ingest_journal_committed(). Returns 0, or -1 with err. */
int ingest_journal_checkpoint(struct store *st, struct ingest_journal *ij, char *err, size_t errlen);
void ingest_journal_committed(struct ingest_journal *ij);

/* After a rollback: the journal goes back to the committed cursor. */
int ingest_journal_rewind(struct ingest_journal *ij, char *err, size_t errlen);

/* Reads j to its current end, committing every batch_lines entries and at
 * the end (scan). Returns 0, or -1 with err (rolled back). */
int ingest_journal_drain(struct ingest *ing, struct store *st, struct ingest_journal *ij,
			 unsigned batch_lines, char *err, size_t errlen);

/* j as a stream for the follower (stream.h): attach, read, checkpoint ...
 * through an ingest_journal of its own, into ing and st (borrowed, like
 * j; they must outlive it). ops->free releases what this allocated. */
struct stream ingest_journal_stream(struct ingest *ing, struct store *st, struct journal *j);

#endif
