/* ingest - line -> header -> delivery -> verdict -> store, shared by scan and tail
 *
 * One ingest object per run. It owns the syslog context and the MTA parser
 * state, borrows the store and the rules (which must outlive it), and batches
 * rows into transactions that also carry the source checkpoint.
 *
 * Flow for one source:  ingest_attach() (find where to resume, seek),
 * ingest_line() for each line, ingest_commit() every batch and at the end.
 */
#ifndef BW_INGEST_H
#define BW_INGEST_H
#include <stdint.h>
#include <time.h>
#include "fmt.h"
#include "rules.h"
#include "source.h"
#include "store.h"
#include "syslog.h"

#define INGEST_PROVIDERS_MAX 48	/* columns of ingest_stats.stored */

struct ingest_stats {
	uint64_t lines;		/* lines read */
	uint64_t deliveries;	/* delivery rows stored */
	uint64_t duplicates;	/* delivery rows already stored (not added again) */
	uint64_t other;		/* lines with a header that are not delivery attempts */
	uint64_t mta_lines;	/* lines of a known MTA (fmt.c's table), deliveries or not */
	uint64_t no_header;	/* lines without a syslog header we know */
	uint64_t unparsed;	/* MTA status lines the parser could not read */
	uint64_t cut;		/* lines longer than SOURCE_LINE_MAX (skipped) */
	uint64_t binary;	/* lines holding NUL bytes (skipped) */
	uint64_t repaired;	/* lines with invalid UTF-8, stored with '?' in its place */
	uint64_t blocks;	/* stored rows whose verdict is a block */
	uint64_t limit_hits;	/* replies a rule gave up on at the PCRE2 match limit (no match) */
	uint64_t received;	/* messages the MTA queued (fmt.h FMT_RECEIVED), stored once */
	uint64_t rejected;	/* refusals the MTA gave its clients (FMT_REJECTED), stored once */
	/* stored rows by status and provider (ingest_provider_name() names the
	 * provider of each column; providers beyond the last column count in it) */
	uint64_t stored[DS__COUNT][INGEST_PROVIDERS_MAX];
};

struct episodes;

struct ingest_opts {
	int fixed_year;		/* --year, 0 to infer */
	unsigned batch_lines;	/* commit after this many lines (default 5000) */
	struct episodes *episodes;	/* fed each stored row (episode.h); borrowed, NULL for none */
};

/* Where the current source stands. */
struct ingest_source {
	int64_t id;
	struct source_ident ident;
	struct position pos;	/* resume point: pos.at, a line boundary */
	int resumed;		/* 1 when a remembered source was found */
	/* The file was truncated in place below the checkpoint of source
	 * verify_id (at verify_until): it is read again from the start as a
	 * new source, and a delivery line before verify_until that verify_id
	 * holds at the same offset (the same line, kept by the truncation) is
	 * counted as already stored. 0: none. */
	int64_t verify_id;
	uint64_t verify_until;
};

struct ingest;

struct ingest *ingest_new(struct store *st, struct rules *r, const struct ingest_opts *o);
void ingest_free(struct ingest *ing);
/* Classifies the lines that follow with r (borrowed, as in ingest_new); the
 * caller frees the rules it replaced (tail's SIGHUP reload). */
void ingest_set_rules(struct ingest *ing, struct rules *r);

/* Finds what the store remembers of src (by path, inode, fingerprint), seeks
 * src to the resume offset (or starts a new source row) and sets the year
 * reference to ref. Returns 0, or -1 with err. */
int ingest_attach(struct ingest *ing, struct source *src, time_t ref, struct ingest_source *is,
		  char *err, size_t errlen);

/* Processes one line of the attached source. Opens a transaction if none is
 * open. Returns 0, or -1 on a store error (with err). */
int ingest_line(struct ingest *ing, const struct ingest_source *is, const struct source_line *l,
		char *err, size_t errlen);

/* One record whose header fields came apart from the source (the journal):
 * the steps of ingest_line() after the syslog header, with h->msg any
 * bytes (NULs: counted as binary and skipped; invalid UTF-8: repaired; a
 * host or program that is not UTF-8 text is dropped). cut says the message
 * was longer than its source keeps. The row's identity is (source_id, pos),
 * pos below 2^40. Returns 0, or -1 on a store error (with err). */
int ingest_record(struct ingest *ing, int64_t source_id, uint64_t pos, const struct syslog_hdr *h,
		  int cut, char *err, size_t errlen);

/* Commits the open transaction, in which the caller wrote its checkpoint;
 * rolled back on failure. Returns 0, or -1 with err. */
int ingest_finish(struct ingest *ing, char *err, size_t errlen);

/* Lines processed since the last commit. */
unsigned ingest_pending(const struct ingest *ing);

/* Saves the checkpoint is->pos for is and commits. */
int ingest_commit(struct ingest *ing, const struct ingest_source *is, char *err, size_t errlen);

/* Rolls back the open transaction; the counters return to their values at
 * the last commit, since the lines will be read again. */
void ingest_rollback(struct ingest *ing);

/* Reads src from the attached position to its current end, committing every
 * batch_lines lines and at the end. Returns 0, or -1 with err. */
int ingest_drain(struct ingest *ing, struct source *src, struct ingest_source *is,
		 char *err, size_t errlen);

const struct ingest_stats *ingest_stats(const struct ingest *ing);
/* The provider of column i of ingest_stats.stored: "unknown" (0), a
 * provider id, "other" (the last); NULL for a column not used yet. */
const char *ingest_provider_name(const struct ingest *ing, unsigned i);

#endif
