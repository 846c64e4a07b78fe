/* report - result tables and the text format (see report.h).
 *
 * Owns struct report_table: copies of every name and value, so a table
 * outlives the store rows it was filled from. Text output measures each cell
 * in display columns after making it terminal-safe, so hostile reply texts
 * (escape sequences, bidi overrides, invalid UTF-8, wide characters) can
 * neither move the cursor nor break the alignment. Knows nothing of SQL.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "report_int.h"
#include "text_esc.h"
#include "xmalloc.h"

#define TEXT_MAXW 56	/* widest text cell, in display columns */

int report_format_parse(const char *name, enum report_format *f)
{
	static const char *const names[] = { "text", "json", "csv", "html" };
	for (int i = 0; i < 4; i++)
		if (name && strcmp(name, names[i]) == 0) {
			*f = (enum report_format)i;
			return 0;
		}
	return -1;
}

struct report_table *report_table_new(const char *key, const char *title)
{
	struct report_table *t = xcalloc(1, sizeof *t);
	t->key = xstrdup(key);
	t->title = xstrdup(title);
	return t;
}

void report_table_free(struct report_table *t)
{
	if (t == NULL)
		return;
	for (size_t i = 0; i < t->nrows * (size_t)t->ncol; i++)
		free(t->cells[i].p);
	for (int i = 0; i < t->ncol; i++)
		free(t->names[i]);
	free(t->cells);
	free(t->names);
	free(t->kinds);
	free(t->key);
	free(t->title);
	free(t);
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

static enum report_kind guess_kind(const char *name)
{
	static const char *const times[] = { "first", "last", "opened", "last_seen", "cleared",
					     "last_sent", NULL };
	if (ends_with(name, "_rate"))
		return RK_RATE;
	if (ends_with(name, "_delay"))
		return RK_SECONDS;
	for (int i = 0; times[i]; i++)
		if (strcmp(name, times[i]) == 0)
			return RK_TIME;
	return RK_PLAIN;
}

void report_table_columns(struct report_table *t, int ncol, const char *const *names)
{
	if (t->ncol > 0 || ncol <= 0)
		return;
	t->ncol = ncol;
	t->names = xcalloc((size_t)ncol, sizeof *t->names);
	t->kinds = xcalloc((size_t)ncol, sizeof *t->kinds);
	for (int i = 0; i < ncol; i++) {
		t->names[i] = xstrdup(names[i] ? names[i] : "");
		t->kinds[i] = guess_kind(t->names[i]);
	}
}

void report_table_set_kind(struct report_table *t, int col, enum report_kind k)
{
	if (col >= 0 && col < t->ncol)
		t->kinds[col] = k;
}

void report_table_add(struct report_table *t, const struct report_value *row)
{
	if (t->ncol == 0)
		return;
	if (t->nrows == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 16;
		t->cells = xrealloc(t->cells, t->cap * (size_t)t->ncol * sizeof *t->cells);
	}
	struct report_cell *c = &t->cells[t->nrows * (size_t)t->ncol];
	for (int i = 0; i < t->ncol; i++) {
		c[i].type = row[i].p ? row[i].type : RV_NULL;
		c[i].len = c[i].type == RV_NULL ? 0 : row[i].len;
		c[i].p = NULL;
		if (c[i].type != RV_NULL) {
			c[i].p = xmalloc(c[i].len + 1);
			memcpy(c[i].p, row[i].p, c[i].len);
			c[i].p[c[i].len] = '\0';
		}
	}
	t->nrows++;
}

void report_table_single(struct report_table *t) { t->single = 1; }

int report_table_ncol(const struct report_table *t) { return t->ncol; }
size_t report_table_nrows(const struct report_table *t) { return t->nrows; }
const char *report_table_key(const struct report_table *t) { return t->key; }

int report_col(const struct report_table *t, const char *name)
{
	for (int i = 0; i < t->ncol; i++)
		if (strcmp(t->names[i], name) == 0)
			return i;
	return -1;
}

int report_number(const struct report_cell *c, double *out)
{
	char *end;
	if (c->type != RV_INT && c->type != RV_REAL)
		return 0;
	*out = strtod(c->p, &end);
	return end != c->p && isfinite(*out);
}

void report_time_iso(double ts, char *buf, size_t n)
{
	time_t t = (time_t)floor(ts);
	struct tm tm;
	if (gmtime_r(&t, &tm) == NULL || strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		snprintf(buf, n, "%.0f", ts);
}

void report_time_local(double ts, char *buf, size_t n)
{
	time_t t = (time_t)floor(ts);
	struct tm tm;
	if (localtime_r(&t, &tm) == NULL || strftime(buf, n, "%Y-%m-%d %H:%M:%S", &tm) == 0)
		snprintf(buf, n, "%.0f", ts);
}

static void human_seconds(double s, char *buf, size_t n)
{
	if (s < 60)
		snprintf(buf, n, "%.1fs", s);
	else if (s < 3600)
		snprintf(buf, n, "%.1fm", s / 60);
	else if (s < 86400)
		snprintf(buf, n, "%.1fh", s / 3600);
	else
		snprintf(buf, n, "%.1fd", s / 86400);
}

struct report_span report_render(const struct report_table *t, const struct report_cell *c,
				 int col, int human, char *buf, size_t bufsz)
{
	double v;
	if (c->type == RV_NULL)
		return (struct report_span){ "", 0 };
	if (report_number(c, &v)) {
		switch (t->kinds[col]) {
		case RK_RATE:
			if (human)
				snprintf(buf, bufsz, "%.1f%%", v * 100);
			else
				snprintf(buf, bufsz, "%.6g", v);
			return (struct report_span){ buf, strlen(buf) };
		case RK_SECONDS:
			if (human)
				human_seconds(v, buf, bufsz);
			else
				snprintf(buf, bufsz, "%.6g", v);
			return (struct report_span){ buf, strlen(buf) };
		case RK_TIME:
			(human ? report_time_local : report_time_iso)(v, buf, bufsz);
			return (struct report_span){ buf, strlen(buf) };
		case RK_PLAIN:
			if (c->type == RV_REAL) {
				snprintf(buf, bufsz, human ? "%.2f" : "%.10g", v);
				return (struct report_span){ buf, strlen(buf) };
			}
			break;
		}
	}
	return (struct report_span){ c->p, c->len };
}

int report_flush(FILE *f, char *err, size_t errlen)
{
	if (fflush(f) != 0 || ferror(f)) {
		snprintf(err, errlen, "write error: %s", strerror(errno ? errno : EIO));
		return -1;
	}
	return 0;
}

static int text_width(const char *s, size_t len)
{
	char esc[16];
	const char *p;
	size_t i = 0;
	int w, total = 0;
	while (i < len) {
		text_esc_piece(s, len, &i, esc, &p, &w);
		total += w;
	}
	return total;
}

char *report_text_cell(const char *s, size_t len, int maxw, char *out, size_t outsz, int *width)
{
	char esc[16];
	const char *p;
	size_t i = 0, o = 0;
	int w, total = 0;
	int cut = text_width(s, len) > maxw;
	int room = cut ? maxw - 3 : maxw;
	while (i < len) {
		size_t n = text_esc_piece(s, len, &i, esc, &p, &w);
		if (total + w > room || o + n + 4 > outsz) {
			cut = 1;
			break;
		}
		memcpy(out + o, p, n);
		o += n;
		total += w;
	}
	if (cut && o + 4 <= outsz) {
		memcpy(out + o, "...", 3);
		o += 3;
		total += 3;
	}
	out[o] = '\0';
	*width = total;
	return out;
}

#define C_BOLD "\033[1m"
#define C_RED "\033[31m"
#define C_YELLOW "\033[33m"
#define C_OFF "\033[0m"

/* The colour a cell deserves, or NULL. */
static const char *cell_colour(const struct report_table *t, const struct report_cell *c, int col)
{
	double v;
	if (t->kinds[col] == RK_RATE && report_number(c, &v))
		return v >= 0.10 ? C_RED : v >= 0.02 ? C_YELLOW : NULL;
	if ((strcmp(t->names[col], "blocks") == 0 || strcmp(t->names[col], "bounced") == 0) &&
	    report_number(c, &v) && v > 0)
		return C_RED;
	if (strcmp(t->names[col], "state") == 0 && c->p && strcmp(c->p, "open") == 0)
		return C_RED;
	return NULL;
}

static int col_numeric(const struct report_table *t, int col)
{
	for (size_t r = 0; r < t->nrows; r++) {
		enum report_vtype ty = report_cell(t, r, col)->type;
		if (ty == RV_TEXT)
			return 0;
	}
	return t->kinds[col] != RK_TIME;
}

struct text_cell {
	char buf[TEXT_MAXW * 8 + 16];
	int width;
};

static void render_text(const struct report_table *t, size_t row, int col, struct text_cell *tc)
{
	char tmp[64];
	const struct report_cell *c = report_cell(t, row, col);
	struct report_span sp = report_render(t, c, col, 1, tmp, sizeof tmp);
	if (c->type == RV_NULL)
		sp = (struct report_span){ "-", 1 };
	report_text_cell(sp.p, sp.len, TEXT_MAXW, tc->buf, sizeof tc->buf, &tc->width);
}

static void put_padded(FILE *f, const char *s, int w, int width, int right, const char *colour)
{
	if (right)
		fprintf(f, "%*s", width - w, "");
	if (colour)
		fputs(colour, f);
	fputs(s, f);
	if (colour)
		fputs(C_OFF, f);
	if (!right)
		fprintf(f, "%*s", width - w, "");
}

static void text_single(FILE *f, const struct report_table *t, int colour)
{
	struct text_cell tc;
	int wname = 0;
	for (int i = 0; i < t->ncol; i++)
		if ((int)strlen(t->names[i]) > wname)
			wname = (int)strlen(t->names[i]);
	for (int i = 0; i < t->ncol; i++) {
		fprintf(f, "  %-*s  ", wname, t->names[i]);
		render_text(t, 0, i, &tc);
		put_padded(f, tc.buf, tc.width, tc.width, 0,
			   colour ? cell_colour(t, report_cell(t, 0, i), i) : NULL);
		fputc('\n', f);
	}
}

static void text_rows(FILE *f, const struct report_table *t, int colour)
{
	struct text_cell tc;
	int *width = xcalloc((size_t)t->ncol, sizeof *width);
	int *right = xcalloc((size_t)t->ncol, sizeof *right);
	for (int c = 0; c < t->ncol; c++) {
		char hb[256];
		report_text_cell(t->names[c], strlen(t->names[c]), TEXT_MAXW, hb, sizeof hb, &width[c]);
		right[c] = col_numeric(t, c);
		for (size_t r = 0; r < t->nrows; r++) {
			render_text(t, r, c, &tc);
			if (tc.width > width[c])
				width[c] = tc.width;
		}
	}
	fputs(" ", f);
	for (int c = 0; c < t->ncol; c++) {
		char hb[256];
		int w;
		report_text_cell(t->names[c], strlen(t->names[c]), TEXT_MAXW, hb, sizeof hb, &w);
		fputc(' ', f);
		put_padded(f, hb, w, c == t->ncol - 1 && !right[c] ? w : width[c], right[c], NULL);
	}
	fputc('\n', f);
	for (size_t r = 0; r < t->nrows; r++) {
		fputs(" ", f);
		for (int c = 0; c < t->ncol; c++) {
			render_text(t, r, c, &tc);
			fputc(' ', f);
			put_padded(f, tc.buf, tc.width,
				   c == t->ncol - 1 && !right[c] ? tc.width : width[c], right[c],
				   colour ? cell_colour(t, report_cell(t, r, c), c) : NULL);
		}
		fputc('\n', f);
	}
	free(width);
	free(right);
}

static void text_table(FILE *f, const struct report_table *t, int colour)
{
	if (t->nrows == 0)
		fputs("  (none)\n", f);
	else if (t->single)
		text_single(f, t, colour);
	else
		text_rows(f, t, colour);
}

static int write_text(FILE *f, const struct report_doc *d, int colour)
{
	char a[32], b[32];
	report_time_local(d->since, a, sizeof a);
	report_time_local(d->until, b, sizeof b);
	fprintf(f, "%s%s%s: %s .. %s (local time)\n", colour ? C_BOLD : "", d->title,
		colour ? C_OFF : "", a, b);
	for (size_t i = 0; i < d->ntables; i++) {
		const struct report_table *t = d->tables[i];
		fprintf(f, "\n%s%s%s\n", colour ? C_BOLD : "", t->title, colour ? C_OFF : "");
		text_table(f, t, colour);
	}
	return 0;
}

int report_write(FILE *f, enum report_format fmt, const struct report_doc *d, int colour,
		 char *err, size_t errlen)
{
	errno = 0;
	switch (fmt) {
	case REPORT_TEXT: write_text(f, d, colour); break;
	case REPORT_JSON: report_write_json(f, d); break;
	case REPORT_CSV:
		if (d->ntables > 0)
			report_write_csv(f, d->tables[0]);
		break;
	case REPORT_HTML: report_write_html(f, d); break;
	}
	return report_flush(f, err, errlen);
}

int report_write_table(FILE *f, enum report_format fmt, const struct report_table *t,
		       int colour, char *err, size_t errlen)
{
	errno = 0;
	switch (fmt) {
	case REPORT_TEXT: text_table(f, t, colour); break;
	case REPORT_JSON: report_write_json_rows(f, t); break;
	case REPORT_CSV: report_write_csv(f, t); break;
	case REPORT_HTML:
		snprintf(err, errlen, "html is offered for reports only");
		return -1;
	}
	return report_flush(f, err, errlen);
}
