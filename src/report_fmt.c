/* report_fmt - the JSON and CSV formats (see report.h for the JSON keys).
 *
 * JSON: RFC 8259; strings are always valid UTF-8 (a byte that is not
 * becomes U+FFFD), control characters and U+2028/U+2029 are escaped.
 * CSV: RFC 4180; a field is quoted when it holds a comma, a quote, CR or
 * LF, with quotes doubled; records end with CRLF. Knows nothing of SQL.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "json_str.h"
#include "report_int.h"

static void json_cell(FILE *f, const struct report_table *t, const struct report_cell *c, int col)
{
	char buf[64];
	double v;
	if (c->type == RV_NULL) {
		fputs("null", f);
		return;
	}
	if (report_number(c, &v)) {
		if (t->kinds[col] == RK_TIME) {
			report_time_iso(v, buf, sizeof buf);
			json_fput(f, buf, strlen(buf));
		} else if (c->type == RV_INT && c->len > 0 && c->len < 24 &&
			   strspn(c->p + (c->p[0] == '-'), "0123456789") == c->len - (c->p[0] == '-')) {
			fwrite(c->p, 1, c->len, f);	/* exact, even beyond 2^53 */
		} else {
			fprintf(f, "%.10g", v);
		}
		return;
	}
	if (c->type == RV_INT || c->type == RV_REAL) {
		fputs("null", f);	/* Inf, NaN: not representable in JSON */
		return;
	}
	json_fput(f, c->p, c->len);
}

static void json_row(FILE *f, const struct report_table *t, size_t r)
{
	fputc('{', f);
	for (int c = 0; c < t->ncol; c++) {
		if (c)
			fputs(", ", f);
		json_fput(f, t->names[c], strlen(t->names[c]));
		fputs(": ", f);
		json_cell(f, t, report_cell(t, r, c), c);
	}
	fputc('}', f);
}

static void json_rows(FILE *f, const struct report_table *t)
{
	fputc('[', f);
	for (size_t r = 0; r < t->nrows; r++) {
		fputs(r ? ",\n  " : "\n  ", f);
		json_row(f, t, r);
	}
	fputs(t->nrows ? "\n]" : "]", f);
}

int report_write_json_rows(FILE *f, const struct report_table *t)
{
	json_rows(f, t);
	fputc('\n', f);
	return 0;
}

static void json_time(FILE *f, const char *key, double ts)
{
	char buf[40];
	report_time_iso(ts, buf, sizeof buf);
	fprintf(f, ",\n\"%s\": ", key);
	json_fput(f, buf, strlen(buf));
}

int report_write_json(FILE *f, const struct report_doc *d)
{
	fputs("{\"report\": \"bouncewatch\",\n\"version\": 1", f);
	json_time(f, "generated", d->generated);
	json_time(f, "since", d->since);
	json_time(f, "until", d->until);
	for (size_t i = 0; i < d->ntables; i++) {
		const struct report_table *t = d->tables[i];
		fputs(",\n", f);
		json_fput(f, t->key, strlen(t->key));
		fputs(": ", f);
		if (t->single && t->nrows > 0)
			json_row(f, t, 0);
		else if (t->single)
			fputs("{}", f);
		else
			json_rows(f, t);
	}
	fputs("}\n", f);
	return 0;
}

/* A cell a spreadsheet would take for a formula: it starts with = + - @,
 * TAB or CR, and is not simply a number ("-3", "+0.5"). OWASP's "CSV
 * Injection" page recommends prefixing such cells with a single quote and
 * quoting them: the quote makes the cell text in Excel, LibreOffice and
 * Google Sheets. */
static int formula_like(const char *s, size_t len)
{
	char num[64], *end;
	if (len == 0 || strchr("=+-@\t\r", s[0]) == NULL)
		return 0;
	if ((s[0] == '-' || s[0] == '+') && len < sizeof num && len > 1 &&
	    ((s[1] >= '0' && s[1] <= '9') || s[1] == '.')) {
		memcpy(num, s, len);
		num[len] = '\0';
		strtod(num, &end);
		return *end != '\0';
	}
	return 1;
}

void report_csv_field(FILE *f, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	int formula = formula_like(s, len), quote = formula;
	for (size_t i = 0; i < len && !quote; i++)
		quote = u[i] == ',' || u[i] == '"' || u[i] == '\r' || u[i] == '\n';
	if (quote)
		fputc('"', f);
	if (formula)
		fputc('\'', f);
	for (size_t i = 0; i < len;) {
		unsigned cp;
		size_t k = utf8_decode(u + i, len - i, &cp);
		if (k == 0 || cp == 0) {
			fputs("\xef\xbf\xbd", f);	/* U+FFFD */
			i++;
			continue;
		}
		if (cp == '"')
			fputc('"', f);
		fwrite(u + i, 1, k, f);
		i += k;
	}
	if (quote)
		fputc('"', f);
}

int report_write_csv(FILE *f, const struct report_table *t)
{
	char buf[64];
	for (int c = 0; c < t->ncol; c++) {
		if (c)
			fputc(',', f);
		report_csv_field(f, t->names[c], strlen(t->names[c]));
	}
	if (t->ncol)
		fputs("\r\n", f);
	for (size_t r = 0; r < t->nrows; r++) {
		for (int c = 0; c < t->ncol; c++) {
			struct report_span sp = report_render(t, report_cell(t, r, c), c, 0, buf,
							      sizeof buf);
			if (c)
				fputc(',', f);
			report_csv_field(f, sp.p, sp.len);
		}
		fputs("\r\n", f);
	}
	return 0;
}
