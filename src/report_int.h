/* report_int - what the report family (report*.c) shares; nothing else
 * includes it. */
#ifndef BW_REPORT_INT_H
#define BW_REPORT_INT_H
#include "report.h"
#include "utf8.h"

struct report_cell {
	enum report_vtype type;
	char *p;		/* owned, NUL-terminated copy (may hold NULs inside) */
	size_t len;
};

struct report_table {
	char *key, *title;
	int ncol, single;
	char **names;
	enum report_kind *kinds;
	size_t nrows, cap;
	struct report_cell *cells;	/* nrows * ncol, row-major */
};

static inline const struct report_cell *report_cell(const struct report_table *t, size_t row,
						    int col)
{
	return &t->cells[row * (size_t)t->ncol + (size_t)col];
}

/* A rendered value: points into the cell or into the caller's buffer. */
struct report_span {
	const char *p;
	size_t len;
};

/* Renders a cell for people (human = 1: "1.2%", "3.5m", local time) or for
 * machines (human = 0: 0.012, 210, ISO 8601 UTC). NULL renders as "". */
struct report_span report_render(const struct report_table *t, const struct report_cell *c,
				 int col, int human, char *buf, size_t bufsz);
/* The numeric value of a cell; 0 when it is not a number. */
int report_number(const struct report_cell *c, double *out);
/* Column index of name in t, or -1. */
int report_col(const struct report_table *t, const char *name);
void report_time_iso(double ts, char *buf, size_t n);
void report_time_local(double ts, char *buf, size_t n);
/* 0 or -1 with err, after checking f for a write error. */
int report_flush(FILE *f, char *err, size_t errlen);

int report_write_json(FILE *f, const struct report_doc *d);
int report_write_json_rows(FILE *f, const struct report_table *t);
int report_write_csv(FILE *f, const struct report_table *t);
int report_write_html(FILE *f, const struct report_doc *d);

#endif
