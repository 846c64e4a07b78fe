/* report - result tables and their formats: text, json, csv, html
 *
 * Pure formatting: a report is a list of tables (one per section) that the
 * caller filled from the store; this module knows nothing of SQL. Cell
 * values may hold any bytes (they come from remote SMTP replies): every
 * format escapes them for its own syntax, and text output makes them safe
 * for a terminal.
 *
 * JSON document (version 1), keys stable:
 *   { "report": "bouncewatch", "version": 1, "generated": ISO, "since": ISO,
 *     "until": ISO, "<section>": [ {column: value, ...}, ... ], ... }
 * A single-row section (totals) is one object. Times are ISO 8601 UTC
 * strings ("2026-11-28T10:00:00Z"), rates fractions (0.0123), delays seconds.
 * Text that is not valid UTF-8 has each bad byte replaced by U+FFFD.
 */
#ifndef BW_REPORT_H
#define BW_REPORT_H
#include <stddef.h>
#include <stdio.h>

enum report_format { REPORT_TEXT, REPORT_JSON, REPORT_CSV, REPORT_HTML };

/* Returns 0 and sets *f for "text", "json", "csv", "html"; -1 otherwise. */
int report_format_parse(const char *name, enum report_format *f);

/* How a column is shown. RATE: a fraction shown as a percentage; SECONDS: a
 * delay; TIME: UTC epoch seconds shown as a date (local time in text and
 * html, ISO 8601 UTC in json and csv). */
enum report_kind { RK_PLAIN, RK_RATE, RK_SECONDS, RK_TIME };

enum report_vtype { RV_NULL, RV_INT, RV_REAL, RV_TEXT };

struct report_value {
	enum report_vtype type;
	const char *p;		/* text rendering (any bytes); NULL for RV_NULL */
	size_t len;
};

struct report_table;

/* A table named key (a JSON key and --by name) with a human title. Both
 * strings are copied. */
struct report_table *report_table_new(const char *key, const char *title);
void report_table_free(struct report_table *t);
/* Sets the columns (once, before any row); names are copied. Each kind is
 * guessed from its name: "*_rate" RATE, "*_delay" SECONDS, "first", "last",
 * "opened", "last_seen", "cleared", "last_sent" TIME, else PLAIN. */
void report_table_columns(struct report_table *t, int ncol, const char *const *names);
void report_table_set_kind(struct report_table *t, int col, enum report_kind k);
/* Appends a row of report_table_ncol(t) values; the bytes are copied. */
void report_table_add(struct report_table *t, const struct report_value *row);
/* Marks the table as a single record (one JSON object, a vertical text list). */
void report_table_single(struct report_table *t);
int report_table_ncol(const struct report_table *t);
size_t report_table_nrows(const struct report_table *t);
const char *report_table_key(const struct report_table *t);

struct report_doc {
	const char *title;
	double since, until, generated;	/* UTC epoch seconds */
	struct report_table *const *tables;
	size_t ntables;
};

/* Writes the whole report in fmt (CSV: the first table only; use
 * report_write_table to choose). colour: ANSI colour in text output.
 * Returns 0, or -1 with err on a write error. */
int report_write(FILE *f, enum report_format fmt, const struct report_doc *d, int colour,
		 char *err, size_t errlen);

/* One CSV cell (RFC 4180: quoted when needed, quotes doubled, invalid
 * UTF-8 and NUL as U+FFFD); a cell a spreadsheet would run as a formula
 * (starting with = + - @ TAB CR, and not a plain number) is written as
 * text: quoted, with a single quote in front. */
void report_csv_field(FILE *f, const char *s, size_t len);

/* Writes one table alone: text (aligned), json (an array of row objects) or
 * csv (RFC 4180: header line, CRLF line ends). HTML is not offered here. */
int report_write_table(FILE *f, enum report_format fmt, const struct report_table *t,
		       int colour, char *err, size_t errlen);

/* Renders s[0..len) for a terminal into out (size outsz >= 8): control
 * bytes, DEL, invalid UTF-8 and bidirectional overrides become \xNN or
 * \u{NNNN} escapes; cut with "..." to at most maxw display columns (wide
 * characters count two). Stores the display width in *width; returns out. */
char *report_text_cell(const char *s, size_t len, int maxw, char *out, size_t outsz, int *width);

#endif
