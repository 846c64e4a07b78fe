/* report_html - the report as one self-contained HTML file with inline SVG
 * charts: per-day stacked sent/deferred/bounced bars, per-provider deferral
 * and bounce rates, and the timeline of block episodes.
 *
 * No script, no external resource: the file opens without network. Every
 * byte of data is escaped for HTML (invalid UTF-8 and control characters
 * become U+FFFD, text_esc.h's hostile characters such as bidi overrides
 * are shown as \u{XXXX}); the markup is also well-formed XML. Charts read the
 * tables keyed "day", "provider" and "blocks" when the report has them.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "report_int.h"
#include "html_esc.h"
#include "text_esc.h"

#define W 760.0		/* chart width */
#define MIN_BAR 6.0	/* narrowest episode bar */
#define LONG_CELL 40	/* a column with a longer value wraps; others never do */

static const struct report_table *find_table(const struct report_doc *d, const char *key)
{
	for (size_t i = 0; i < d->ntables; i++)
		if (strcmp(d->tables[i]->key, key) == 0)
			return d->tables[i];
	return NULL;
}

static double num(const struct report_table *t, size_t r, int col)
{
	double v = 0;
	if (col < 0 || !report_number(report_cell(t, r, col), &v))
		return 0;
	return v;
}

static const char *text(const struct report_table *t, size_t r, int col)
{
	const struct report_cell *c;
	if (col < 0)
		return "";
	c = report_cell(t, r, col);
	return c->type == RV_NULL ? "" : c->p;
}

static void svg_open(FILE *f, const char *label, double h)
{
	fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"%.0f\" "
		   "height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"", W, h, W, h);
	html_esc_cstr(f, label);
	fputs("\">\n", f);
}

static void svg_note(FILE *f, const char *label, const char *note)
{
	svg_open(f, label, 40);
	fputs("<text x=\"10\" y=\"25\" class=\"note\">", f);
	html_esc_cstr(f, note);
	fputs("</text></svg>\n", f);
}

static void day_bar(FILE *f, const struct report_table *t, size_t r, double x, double bw,
		    double scale, double base)
{
	static const char *const keys[] = { "sent", "deferred", "bounced" };
	static const char *const fills[] = { "#2e7d32", "#ef6c00", "#c62828" };
	double y = base;
	for (int k = 0; k < 3; k++) {
		double v = num(t, r, report_col(t, keys[k])), h = v * scale;
		if (v <= 0)
			continue;
		y -= h;
		fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
			   "<title>", x, y, bw, h, fills[k]);
		html_esc_cstr(f, text(t, r, report_col(t, "day")));
		fprintf(f, ": %.0f %s</title></rect>\n", v, keys[k]);
	}
}

/* Per-day stacked bars: sent, deferred, bounced. */
static void chart_days(FILE *f, const struct report_table *t)
{
	const double h = 240, top = 20, base = 200, left = 50;
	double max = 0, slot, bw;
	size_t n = t ? t->nrows : 0, every;
	if (n == 0) {
		svg_note(f, "deliveries per day", "no deliveries in this window");
		return;
	}
	for (size_t r = 0; r < n; r++) {
		double s = num(t, r, report_col(t, "sent")) + num(t, r, report_col(t, "deferred")) +
			   num(t, r, report_col(t, "bounced"));
		max = s > max ? s : max;
	}
	max = max > 0 ? max : 1;
	slot = (W - left - 10) / (double)n;
	bw = slot * 0.8;
	every = n > 12 ? (n + 11) / 12 : 1;
	svg_open(f, "deliveries per day: sent, deferred, bounced", h);
	fprintf(f, "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"#888\"/>\n",
		left, base, W - 10, base);
	fprintf(f, "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"end\" class=\"axis\">%.0f</text>\n",
		left - 4, top + 4, max);
	fprintf(f, "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"end\" class=\"axis\">0</text>\n",
		left - 4, base);
	for (size_t r = 0; r < n; r++) {
		double x = left + slot * (double)r + (slot - bw) / 2;
		day_bar(f, t, r, x, bw, (base - top) / max, base);
		if (r % every == 0) {
			fprintf(f, "<text x=\"%.1f\" y=\"%.0f\" text-anchor=\"middle\" class=\"axis\">",
				x + bw / 2, base + 16);
			html_esc_cstr(f, text(t, r, report_col(t, "day")));
			fputs("</text>\n", f);
		}
	}
	fprintf(f, "<g class=\"legend\"><rect x=\"%.0f\" y=\"222\" width=\"10\" height=\"10\" "
		   "fill=\"#2e7d32\"/><text x=\"%.0f\" y=\"231\">sent</text>"
		   "<rect x=\"%.0f\" y=\"222\" width=\"10\" height=\"10\" fill=\"#ef6c00\"/>"
		   "<text x=\"%.0f\" y=\"231\">deferred</text>"
		   "<rect x=\"%.0f\" y=\"222\" width=\"10\" height=\"10\" fill=\"#c62828\"/>"
		   "<text x=\"%.0f\" y=\"231\">bounced</text></g>\n",
		left, left + 14, left + 70, left + 84, left + 160, left + 174);
	fputs("</svg>\n", f);
}

static void rate_bar(FILE *f, double x, double y, double rate, double scale, const char *fill,
		     const char *what)
{
	fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"9\" fill=\"%s\">"
		   "<title>%s %.1f%%</title></rect>"
		   "<text x=\"%.1f\" y=\"%.1f\" class=\"axis\">%.1f%%</text>\n",
		x, y, rate * scale, fill, what, rate * 100, x + rate * scale + 4, y + 8, rate * 100);
}

/* Per-provider deferral and bounce rates, horizontal bars. */
static void chart_providers(FILE *f, const struct report_table *t)
{
	const double left = 170, row = 26;
	double max = 0.01, scale;
	size_t n = t ? t->nrows : 0;
	int cp = t ? report_col(t, "provider") : -1;
	if (n == 0) {
		svg_note(f, "deferral and bounce rates per provider", "no deliveries in this window");
		return;
	}
	for (size_t r = 0; r < n; r++) {
		double a = num(t, r, report_col(t, "deferred_rate"));
		double b = num(t, r, report_col(t, "bounced_rate"));
		max = fmax(max, fmax(a, b));
	}
	scale = (W - left - 70) / max;
	svg_open(f, "deferral and bounce rates per provider", row * (double)n + 30);
	for (size_t r = 0; r < n; r++) {
		double y = 10 + row * (double)r;
		fprintf(f, "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\">", left - 6, y + 14);
		html_esc_cstr(f, text(t, r, cp));
		fputs("</text>\n", f);
		rate_bar(f, left, y, num(t, r, report_col(t, "deferred_rate")), scale, "#ef6c00",
			 "deferred");
		rate_bar(f, left, y + 10, num(t, r, report_col(t, "bounced_rate")), scale, "#c62828",
			 "bounced");
	}
	fprintf(f, "<text x=\"%.0f\" y=\"%.0f\" class=\"axis\">orange: deferral rate, red: bounce "
		   "rate</text>\n</svg>\n", left, row * (double)n + 24);
}

/* The fill of an open episode by its kind: BLOCK red, CONFIG (ours to fix)
 * orange, SUSPECTED (no rule yet) purple; a cleared one is grey. */
static const char *episode_fill(const char *kind, int open)
{
	if (!open)
		return "#78909c";
	if (strcmp(kind, "CONFIG") == 0)
		return "#ef6c00";
	if (strcmp(kind, "SUSPECTED") == 0)
		return "#6a1b9a";
	return "#c62828";
}

static void episode_bar(FILE *f, const struct report_table *t, size_t r, double y, double x0,
			double span, const struct report_doc *d)
{
	double opened = num(t, r, report_col(t, "opened"));
	double cleared = num(t, r, report_col(t, "cleared"));
	int open = report_cell(t, r, report_col(t, "cleared"))->type == RV_NULL;
	const char *kind = text(t, r, report_col(t, "kind"));
	double a = fmax(opened, d->since), b = open ? d->until : fmin(cleared, d->until);
	double w = W - x0 - 10;
	double xa = x0 + (a - d->since) / span * w;
	double xb = x0 + (b - d->since) / span * w;
	/* a short episode is drawn MIN_BAR wide, kept inside the axis, so one
	 * at either edge is a visible bar, not a sliver */
	if (xb - xa < MIN_BAR) {
		xb = fmin(xa + MIN_BAR, x0 + w);
		xa = xb - MIN_BAR;
	}
	fprintf(f, "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\">", x0 - 6, y + 12);
	if (*kind && strcmp(kind, "BLOCK") != 0) {
		html_esc_cstr(f, kind);
		fputs(" ", f);
	}
	html_esc_cstr(f, text(t, r, report_col(t, "provider")));
	if (*text(t, r, report_col(t, "pool"))) {
		fputs("/", f);
		html_esc_cstr(f, text(t, r, report_col(t, "pool")));
	}
	fputs(" ", f);
	html_esc_cstr(f, text(t, r, report_col(t, "sending_ip")));
	fprintf(f, "</text>\n<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"14\" fill=\"%s\">"
		   "<title>", xa, y, xb - xa, episode_fill(kind, open));
	html_esc_cstr(f, text(t, r, report_col(t, "provider")));
	fputs(" ", f);
	html_esc_cstr(f, *kind ? kind : "BLOCK");
	fprintf(f, " %s</title></rect>\n", open ? "open" : "cleared");
}

/* Episodes on the report's time axis, of every kind (BLOCK, CONFIG,
 * SUSPECTED, told apart by colour and label): open ones run to its end. */
static void chart_blocks(FILE *f, const struct report_table *t, const struct report_doc *d)
{
	const double x0 = 230, row = 22;
	double span = d->until - d->since;
	char a[32], b[32];
	if (t == NULL || t->nrows == 0) {
		svg_note(f, "episodes", "no episodes in this window");
		return;
	}
	span = span > 0 ? span : 1;
	svg_open(f, "timeline of episodes", row * (double)t->nrows + 50);
	for (size_t r = 0; r < t->nrows; r++)
		episode_bar(f, t, r, 6 + row * (double)r, x0, span, d);
	report_time_local(d->since, a, sizeof a);
	report_time_local(d->until, b, sizeof b);
	fprintf(f, "<text x=\"%.0f\" y=\"%.0f\" class=\"axis\">%s</text>"
		   "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"end\" class=\"axis\">%s</text>"
		   "<text x=\"%.0f\" y=\"%.0f\" class=\"axis\">red: block, orange: configuration to fix, "
		   "purple: suspected (no rule yet), grey: cleared</text>\n</svg>\n",
		x0, row * (double)t->nrows + 24, a, W - 10, row * (double)t->nrows + 24, b,
		x0, row * (double)t->nrows + 40);
}

/* The current state per sending IP (rows) x receiving pool (columns): the
 * latest episode of each pair in the window, open or cleared. */
static void state_matrix(FILE *f, const struct report_table *t)
{
	int ci = t ? report_col(t, "sending_ip") : -1, cp = t ? report_col(t, "provider") : -1;
	int cl = t ? report_col(t, "pool") : -1, cs = t ? report_col(t, "state") : -1;
	int ck = t ? report_col(t, "kind") : -1;
	if (t == NULL || t->nrows == 0 || ci < 0 || cp < 0 || cs < 0) {
		fputs("<p class=\"note\">every sending IP is clear for every pool</p>\n", f);
		return;
	}
	fputs("<table class=\"matrix\">\n<thead><tr><th>sending IP</th>", f);
	for (size_t c = 0; c < t->nrows; c++) {	/* one column per distinct pool */
		int seen = 0;
		for (size_t k = 0; k < c && !seen; k++)
			seen = strcmp(text(t, k, cp), text(t, c, cp)) == 0 &&
			       (cl < 0 || strcmp(text(t, k, cl), text(t, c, cl)) == 0);
		if (seen)
			continue;
		fputs("<th>", f);
		html_esc_cstr(f, text(t, c, cp));
		if (cl >= 0 && *text(t, c, cl)) {
			fputs("/", f);
			html_esc_cstr(f, text(t, c, cl));
		}
		fputs("</th>", f);
	}
	fputs("</tr></thead>\n<tbody>\n", f);
	for (size_t r = 0; r < t->nrows; r++) {
		int seen = 0;
		for (size_t k = 0; k < r && !seen; k++)
			seen = strcmp(text(t, k, ci), text(t, r, ci)) == 0;
		if (seen)
			continue;
		fputs("<tr><th>", f);
		html_esc_cstr(f, text(t, r, ci));
		fputs("</th>", f);
		for (size_t c = 0; c < t->nrows; c++) {
			int dup = 0;
			const char *state = NULL, *kind = "";
			for (size_t k = 0; k < c && !dup; k++)
				dup = strcmp(text(t, k, cp), text(t, c, cp)) == 0 &&
				      (cl < 0 || strcmp(text(t, k, cl), text(t, c, cl)) == 0);
			if (dup)
				continue;
			/* rows come open first, then newest: the first match is the state */
			for (size_t k = 0; k < t->nrows && !state; k++)
				if (strcmp(text(t, k, ci), text(t, r, ci)) == 0 &&
				    strcmp(text(t, k, cp), text(t, c, cp)) == 0 &&
				    (cl < 0 || strcmp(text(t, k, cl), text(t, c, cl)) == 0)) {
					state = text(t, k, cs);
					kind = ck < 0 ? "" : text(t, k, ck);
				}
			if (state == NULL)
				fputs("<td class=\"ok\">-</td>", f);
			else {
				fprintf(f, "<td class=\"%s\">", strcmp(state, "open") == 0 ? "open" : "clear");
				html_esc_cstr(f, state);
				if (*kind && strcmp(kind, "BLOCK") != 0) {	/* CONFIG, SUSPECTED */
					fputs(" ", f);
					html_esc_cstr(f, kind);
				}
				fputs("</td>", f);
			}
		}
		fputs("</tr>\n", f);
	}
	fputs("</tbody>\n</table>\n", f);
}

static void html_table(FILE *f, const struct report_table *t)
{
	char buf[64];
	if (t->nrows == 0) {
		fputs("<p class=\"note\">none</p>\n", f);
		return;
	}
	/* columns with long values (replies, advice) wrap at spaces; the rest
	 * (statuses, IPs, times, counts) never break inside a word */
	char *long_col = calloc((size_t)t->ncol + 1, 1);
	if (long_col == NULL)
		return;
	for (size_t r = 0; r < t->nrows; r++)
		for (int c = 0; c < t->ncol; c++) {
			const struct report_cell *cell = report_cell(t, r, c);
			if (report_render(t, cell, c, 1, buf, sizeof buf).len > LONG_CELL)
				long_col[c] = 1;
		}
	fputs("<table>\n<thead><tr>", f);
	for (int c = 0; c < t->ncol; c++) {
		fputs("<th>", f);
		html_esc_cstr(f, t->names[c]);
		fputs("</th>", f);
	}
	fputs("</tr></thead>\n<tbody>\n", f);
	for (size_t r = 0; r < t->nrows; r++) {
		fputs("<tr>", f);
		for (int c = 0; c < t->ncol; c++) {
			const struct report_cell *cell = report_cell(t, r, c);
			struct report_span sp = report_render(t, cell, c, 1, buf, sizeof buf);
			fputs(cell->type == RV_INT || cell->type == RV_REAL ? "<td class=\"n\">"
			      : long_col[c] ? "<td class=\"t\">" : "<td>", f);
			html_esc_linked(f, sp.p, sp.len);
			fputs("</td>", f);
		}
		fputs("</tr>\n", f);
	}
	fputs("</tbody>\n</table>\n", f);
	free(long_col);
}

static const char CSS[] =
	"body{font-family:sans-serif;margin:2em;color:#222}"
	"table{border-collapse:collapse;margin:0.5em 0 1.5em}"
	"th,td{border:1px solid #ccc;padding:2px 8px;text-align:left;vertical-align:top}"
	"td.n{text-align:right;font-variant-numeric:tabular-nums}"
	"th,td{white-space:nowrap}td.t{white-space:normal;min-width:24em;max-width:60em;"
	"overflow-wrap:break-word}"
	"table.matrix td{text-align:center}td.open{background:#ffcdd2;color:#b71c1c;font-weight:bold}"
	"td.clear{background:#eceff1}td.ok{color:#2e7d32}"
	"th{background:#f0f0f0}.note{color:#666;font-style:italic}"
	"svg.chart{display:block;margin:0.5em 0;font-size:11px}"
	"svg .axis{fill:#555;font-size:10px}";

int report_write_html(FILE *f, const struct report_doc *d)
{
	char a[32], b[32], g[32];
	report_time_local(d->since, a, sizeof a);
	report_time_local(d->until, b, sizeof b);
	report_time_local(d->generated, g, sizeof g);
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>", f);
	html_esc_cstr(f, d->title);
	fprintf(f, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>", CSS);
	html_esc_cstr(f, d->title);
	fprintf(f, "</h1>\n<p>%s .. %s (local time); generated %s</p>\n", a, b, g);
	fputs("<h2>State per sending IP and receiving pool</h2>\n", f);
	state_matrix(f, find_table(d, "blocks"));
	fputs("<h2>Charts</h2>\n", f);
	chart_days(f, find_table(d, "day"));
	chart_providers(f, find_table(d, "provider"));
	chart_blocks(f, find_table(d, "blocks"), d);
	for (size_t i = 0; i < d->ntables; i++) {
		fputs("<section id=\"", f);
		html_esc_cstr(f, d->tables[i]->key);
		fputs("\">\n<h2>", f);
		html_esc_cstr(f, d->tables[i]->title);
		fputs("</h2>\n", f);
		html_table(f, d->tables[i]);
		fputs("</section>\n", f);
	}
	fputs("</body>\n</html>\n", f);
	return 0;
}
