/* source - a log file (plain or gzip) or stdin, as complete lines
 *
 * Knows the file's identity (device, inode, a fingerprint of its first
 * bytes) and the byte offset just past each complete line, so a reader can
 * checkpoint and resume. A partial last line is held until its newline
 * arrives (a later source_next() after the file grew returns it). Lines
 * longer than SOURCE_LINE_MAX are cut: the first SOURCE_LINE_MAX bytes are
 * returned with cut=1 and the rest up to the newline is dropped.
 * Offsets of a .gz source count uncompressed bytes.
 */
#ifndef BW_SOURCE_H
#define BW_SOURCE_H
#include <stdint.h>
#include <sys/types.h>
#include "file_ident.h"
#include "str.h"

#define SOURCE_LINE_MAX 16384

struct source_line {
	struct str text;	/* without the newline; borrowed until the next call */
	uint64_t start;		/* offset of the line's first byte */
	uint64_t end;		/* offset just past the newline */
	uint64_t lineno;	/* 1-based, counted from where reading started */
	int cut;		/* 1 when the line was longer than SOURCE_LINE_MAX */
};

struct source;

/* Opens path ("-" for stdin); gzip is recognised by its magic bytes.
 * Returns NULL and a message in err (e.g. "is a directory") on failure. */
struct source *source_open(const char *path, char *err, size_t errlen);
/* Opens stdin as a live stream (tail -): plain text only, read with read(2)
 * in non-blocking mode, so source_next() returns 0 at once when no complete
 * line has arrived yet instead of waiting; poll source_fd() for more. At the
 * end of input the last line is returned as usual and source_eof() is 1. */
struct source *source_open_live_stdin(char *err, size_t errlen);
void source_free(struct source *s);
int source_fd(const struct source *s);
/* 1 once a stream that cannot grow has been read to its end. */
int source_eof(const struct source *s);

const char *source_path(const struct source *s);
int source_is_gzip(const struct source *s);
/* 1 when the source is a regular file (not stdin, a FIFO or a device). */
int source_is_regular(const struct source *s);
int source_is_seekable(const struct source *s);	/* plain regular file */
/* Identity of the open file (fingerprint computed from the file itself). */
int source_ident(struct source *s, struct source_ident *id);
/* Does the open file still start with the bytes id was fingerprinted from? */
int source_same_file(struct source *s, const struct source_ident *id);
/* Reads of a followed file check, after each read(2), that the file still
 * starts with the bytes id was fingerprinted from (a copy of id is kept;
 * NULL stops the check; plain regular files only). When it does not (the
 * file was truncated and refilled in place, copytruncate), the bytes are
 * given back unread, reading stops as at the end of the data, and
 * source_replaced() says so until the next source_verify(). */
void source_verify(struct source *s, const struct source_ident *id);
int source_replaced(const struct source *s);
/* Size of the open file when opened or last refreshed (0 unless a regular file). */
uint64_t source_size(const struct source *s);
/* source_same_file() with the source as a void pointer: the store's
 * store_same_fn callback. */
int source_same_file_cb(void *src, const struct source_ident *id);
/* Birth time of the open file (file_ident.h: nanoseconds since the epoch,
 * 0 when unknown). */
int64_t source_btime(const struct source *s);
/* Modification time of the open file (now for stdin). */
time_t source_mtime(const struct source *s);

/* Continues reading at offset (which must be a line boundary): lseek for
 * plain files, decompress-and-discard for gzip. Returns 0, or -1 with err. */
int source_seek(struct source *s, uint64_t offset, char *err, size_t errlen);

/* Next complete line. Returns 1 with *l filled, 0 when no complete line is
 * available (end of data so far; a partial line stays held), -1 on a read
 * error (message in err). At the real end of a stream that cannot grow
 * (stdin closed, gzip) a final line without newline is returned as a line. */
int source_next(struct source *s, struct source_line *l, char *err, size_t errlen);

/* NULL, or what is wrong with the compressed data read so far: "the gzip
 * data ends early (a truncated file?)" or "damaged gzip data (zlib's
 * reason)". source_next() ends there as at the end of the data (every
 * complete line before it was handed out; the partial one is held), and
 * source_ident() fails when even the start cannot be read. Bad input, not
 * an I/O error. */
const char *source_bad_data(const struct source *s);

/* Bytes of a partial line currently held (0 if none). */
size_t source_pending(const struct source *s);
/* Offset just past the last complete line returned. */
uint64_t source_offset(const struct source *s);

uint64_t source_fingerprint(const void *p, size_t n);

#endif
