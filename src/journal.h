/* journal - the systemd journal as a source of mail log records
 *
 * The only file that includes systemd/sd-journal.h (libsystemd). Opens the
 * local journal, a directory of journal files (--journal-dir) or one file
 * (--journal-file), keeps the entries of the mail programs (by default the
 * SYSLOG_IDENTIFIERs of the MTAs in journal_default_identifiers; otherwise
 * the given identifiers and units, OR-ed), and hands out one entry at a
 * time with its header fields already split: no text is re-parsed.
 *
 * Position and identity of an entry: its cursor (opaque text, where to
 * resume) and, parsed from it, the journal's sequence-number id (the
 * "s=" field: 128 random bits a journald keeps for all the files it writes
 * in a row) and the entry's sequence number within it ("i="). Together
 * they name the entry for good: the same entry read again, from another
 * copy of the files or after a rotation, has the same pair.
 * The cursor's field layout is systemd's (src/libsystemd/sd-journal/
 * sd-journal.c, sd_journal_get_cursor: "s=%s;i=%llx;b=%s;m=%llx;t=%llx;
 * x=%llx"); sd_journal_get_seqnum() only exists from libsystemd 254 on.
 *
 * Following: journal_fd() is an inotify descriptor to poll with the other
 * descriptors; after it is readable, journal_process() lets libsystemd
 * take in rotated, added and vacuumed files before reading on.
 */
#ifndef BW_JOURNAL_H
#define BW_JOURNAL_H
#include <stddef.h>
#include <stdint.h>
#include "str.h"

#define JOURNAL_CURSOR_MAX 256
#define JOURNAL_MSG_MAX 16384	/* MESSAGE bytes kept; longer ones are cut */
#define JOURNAL_MATCH_MAX 32

struct journal_opts {
	const char *dir;	/* --journal-dir, or NULL */
	const char *file;	/* --journal-file, or NULL */
	const char *identifiers[JOURNAL_MATCH_MAX];	/* SYSLOG_IDENTIFIER= values */
	int nidentifiers;
	const char *units[JOURNAL_MATCH_MAX];	/* _SYSTEMD_UNIT= values */
	int nunits;
};

/* One entry. Spans borrow libsystemd's memory (or the journal object's)
 * until the next call on the journal. */
struct journal_entry {
	uint64_t realtime_us;	/* __REALTIME_TIMESTAMP */
	struct str host;	/* _HOSTNAME (STR_NULL when absent) */
	struct str prog;	/* SYSLOG_IDENTIFIER, else _COMM */
	long pid;		/* SYSLOG_PID, else _PID; -1 when neither */
	struct str msg;		/* MESSAGE, any bytes (NULs included) */
	int cut;		/* MESSAGE was longer than JOURNAL_MSG_MAX */
	char cursor[JOURNAL_CURSOR_MAX];
	uint64_t seqnum_id;	/* first 64 bits of the sequence-number id */
	uint64_t seqnum;
};

/* The identifiers matched when none are given, NULL-terminated. */
extern const char *const journal_default_identifiers[];

struct journal;

/* Opens the journal o names. NULL with err on failure. */
struct journal *journal_open(const struct journal_opts *o, char *err, size_t errlen);
void journal_free(struct journal *j);

/* "journal", "journal:DIR" or "journal:FILE": the name sources are stored
 * under. Borrowed. */
const char *journal_label(const struct journal *j);

/* Positions the journal so that the next journal_next() returns the entry
 * after cursor. When the journal no longer has that entry (rotated away,
 * vacuumed, another machine), positions at the oldest entry whose time is
 * at or after since_us and sets *lost = 1. A NULL cursor starts at
 * since_us (0: the oldest entry). Returns 0, or -1 with err. */
int journal_seek(struct journal *j, const char *cursor, uint64_t since_us, int *lost,
		 char *err, size_t errlen);

/* The next matching entry: 1 with e filled, 0 at the end of what the
 * journal holds now, -1 with err. */
int journal_next(struct journal *j, struct journal_entry *e, char *err, size_t errlen);

/* The descriptor to poll for changes (-1 with err if none). */
int journal_fd(struct journal *j, char *err, size_t errlen);
/* Milliseconds until libsystemd wants journal_process() called even when
 * the descriptor stays quiet (-1: never). */
int journal_timeout_ms(struct journal *j);
/* Takes in what changed (files rotated, added, vacuumed). Returns 0, or
 * -1 with err. */
int journal_process(struct journal *j, char *err, size_t errlen);

/* Parses the s= and i= fields of a cursor. Returns 0, or -1 if the cursor
 * has not that shape. */
int journal_cursor_ids(const char *cursor, uint64_t *seqnum_id, uint64_t *seqnum);

#endif
