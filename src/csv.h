/* csv - reading RFC 4180 records from a buffer
 *
 * Outside feeds (Microsoft SNDS) arrive as CSV. The reader walks a buffer
 * the caller owns, one record at a time: fields may be quoted ("a,b" and ""
 * for a quote), records end at LF or CRLF (CR LF inside quotes belongs to the
 * field), a last record needs no line end. Fields are copied, unquoted, into
 * the reader's own bounded storage; a record with more than CSV_FIELDS_MAX
 * fields or more than CSV_RECORD_MAX bytes is reported, not cut silently.
 * Any bytes are accepted (NUL included): validation is the caller's.
 */
#ifndef BW_CSV_H
#define BW_CSV_H
#include <stddef.h>
#include "str.h"

#define CSV_FIELDS_MAX 64
#define CSV_RECORD_MAX 65536

struct csv_reader {
	const char *p, *end;
	size_t line;		/* line number (1-based) where the current record starts */
	size_t next;		/* where the next one starts */
	size_t nfield;
	struct str field[CSV_FIELDS_MAX];	/* borrow from buf until the next call */
	char buf[CSV_RECORD_MAX];
};

void csv_init(struct csv_reader *r, const char *data, size_t len);

/* Reads the next record. 1 with r->field[0..nfield) and r->line; 0 at the
 * end of the data; -1 with err for a record that is too long, has too many
 * fields or an unterminated quote (the reader then skips to the next line,
 * so a caller may count the error and go on). */
int csv_next(struct csv_reader *r, char *err, size_t errlen);

#endif
