/* position - where reading a source stands, whatever kind of source it is
 *
 * Every source (a log file, the journal, a kind added later) is remembered
 * by the store as one row with an identity (file_ident.h: device, inode and
 * fingerprint for a file; the sequence-number id for a journal) and a
 * position, this type. The store saves and returns a position without
 * knowing which kind of source it belongs to:
 *   - at: the record's place in the source as row identities use it,
 *     below POSITION_AT_LIMIT: a file's byte offset just past the last line
 *     read; the journal's sequence number of the last entry read. A
 *     delivery's row id is position_row_id(source row, at).
 *   - token: opaque text to resume from when `at` alone cannot say where
 *     (the journal's cursor); "" when it can (a file seeks to `at`).
 *   - ts: the time of the record at the position, UTC epoch seconds
 *     (0 when not kept): where to start again when the token is no
 *     longer valid (the journal vacuumed past it).
 */
#ifndef BW_POSITION_H
#define BW_POSITION_H
#include <stdint.h>

#define POSITION_BITS 40	/* bits of a row id that hold `at` */
#define POSITION_AT_LIMIT (UINT64_C(1) << POSITION_BITS)
#define POSITION_TOKEN_MAX 256

struct position {
	uint64_t at;
	double ts;
	char token[POSITION_TOKEN_MAX];
};

/* A position that is a byte offset alone (files). */
struct position position_offset(uint64_t offset);

/* Sets *p to (at, token, ts); token NULL or "" for none. Returns 0, or -1
 * (p unchanged) when at is not below POSITION_AT_LIMIT or token does not
 * fit in POSITION_TOKEN_MAX - 1 bytes: a cut token would resume elsewhere. */
int position_set(struct position *p, uint64_t at, const char *token, double ts);

/* 1 when p carries a resume token. */
int position_has_token(const struct position *p);

/* 1 when a and b are the same position (at, token and ts). */
int position_same(const struct position *a, const struct position *b);

/* The id of the delivery row at position at of source row source_id
 * (source_id * 2^POSITION_BITS + at): one primary key for every kind of
 * source, no second index. -1 when at is not below POSITION_AT_LIMIT or
 * source_id is outside 1 .. 2^(63 - POSITION_BITS) - 1. */
int64_t position_row_id(int64_t source_id, uint64_t at);

#endif
