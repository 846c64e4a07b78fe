/* csv - reading RFC 4180 records from a buffer (see csv.h).
 * Invariant: r->p never passes r->end; every stored field lies in r->buf.
 */
#include <stdio.h>
#include "csv.h"

void csv_init(struct csv_reader *r, const char *data, size_t len)
{
	r->p = data;
	r->end = data + len;
	r->line = 0;
	r->next = 1;
	r->nfield = 0;
}

/* Skips the rest of the physical line after a bad record. */
static void skip_line(struct csv_reader *r)
{
	while (r->p < r->end && *r->p != '\n')
		r->p++;
	if (r->p < r->end)
		r->p++;
}

static int fail(struct csv_reader *r, char *err, size_t errlen, const char *why)
{
	snprintf(err, errlen, "line %zu: %s", r->line, why);
	skip_line(r);
	r->next = r->line + 1;
	return -1;
}

int csv_next(struct csv_reader *r, char *err, size_t errlen)
{
	size_t used = 0, start = 0, lines = 1;
	int quoted = 0, in_field = 0;

	if (r->p >= r->end)
		return 0;
	r->line = r->next;
	r->nfield = 0;
	for (;;) {
		int at_end = r->p >= r->end;
		char c = at_end ? '\n' : *r->p;
		if (quoted && !at_end) {
			r->p++;
			if (c == '"') {
				if (r->p < r->end && *r->p == '"')
					r->p++;	/* "" is one quote */
				else {
					quoted = 0;
					continue;
				}
			} else if (c == '\n')
				lines++;
			if (used >= sizeof r->buf)
				return fail(r, err, errlen, "record too long");
			r->buf[used++] = c;
			continue;
		}
		if (quoted && at_end)
			return fail(r, err, errlen, "unterminated quoted field");
		if (c == ',' || c == '\n' || (c == '\r' && (r->p + 1 >= r->end || r->p[1] == '\n'))) {
			if (r->nfield >= CSV_FIELDS_MAX)
				return fail(r, err, errlen, "too many fields");
			r->field[r->nfield++] = str_make(r->buf + start, used - start);
			start = used;
			in_field = 0;
			if (!at_end)
				r->p += c == '\r' ? 2 : 1;
			if (c != ',') {
				if (c == '\r' && r->p > r->end)
					r->p = r->end;	/* a CR as the last byte */
				r->next = r->line + lines;
				return 1;
			}
			continue;
		}
		r->p++;
		if (c == '"' && !in_field) {
			quoted = 1;
			in_field = 1;
			continue;
		}
		in_field = 1;
		if (used >= sizeof r->buf)
			return fail(r, err, errlen, "record too long");
		r->buf[used++] = c;
	}
}
