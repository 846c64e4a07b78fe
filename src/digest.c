/* digest - the morning digest (see digest.h) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "digest.h"
#include "html_esc.h"
#include "store_digest.h"
#include "xmalloc.h"

#define ROWS_MAX 200	/* rows of one section in the mail */

const char *digest_arrow(double now, double prev)
{
	return now > prev ? "\xe2\x86\x91" : now < prev ? "\xe2\x86\x93" : "\xe2\x86\x92";
}

struct ctx {
	struct digest *d;
	FILE *t, *h;		/* text and HTML under construction */
	long rows;
	long tot[2][7];		/* now/prev: attempts sent deferred bounced blocks, and
				 * received rejected (what the MTA itself took in and refused) */
	int feeds[3];		/* complaints, snds, dnsbl tables have rows */
};

static long num(const char *s)
{
	return s ? strtol(s, NULL, 10) : 0;
}

static const char *str(const char *s)
{
	return s ? s : "";
}

static void iso(char *out, size_t n, double t)
{
	time_t s = (time_t)t;
	struct tm tm;
	gmtime_r(&s, &tm);
	strftime(out, n, "%Y-%m-%d %H:%M UTC", &tm);
}

static void h_cell(FILE *h, const char *tag, const char *s, const char *cls)
{
	fprintf(h, "<%s%s%s%s>", tag, cls ? " class=\"" : "", cls ? cls : "", cls ? "\"" : "");
	html_esc_cstr(h, s);
	fprintf(h, "</%s>", tag);
}

/* ---- rows of each query ---- */

static int totals_row(void *arg, int ncol, const char *const *names, const char *const *v)
{
	struct ctx *c = arg;
	int p = strcmp(str(v[0]), "now") != 0;
	(void)names;
	for (int i = 0; i < 7 && i + 1 < ncol; i++)
		c->tot[p][i] = num(v[i + 1]);
	return 0;
}

static int episode_row(void *arg, int ncol, const char *const *names, const char *const *v)
{
	struct ctx *c = arg;
	long o = num(v[3]), cl = num(v[4]), s = num(v[5]);
	const char *advice = v[6];
	(void)ncol;
	(void)names;
	c->d->opened += o;
	c->d->cleared += cl;
	c->d->still_open += s;
	if (c->rows++ >= ROWS_MAX)
		return 0;
	fprintf(c->t, "  %-39s %-28s %-9s %6ld %7ld %10ld\n", str(v[0]), str(v[1]), str(v[2]), o, cl, s);
	fprintf(c->h, "<tr class=\"%s\">", s ? "open" : "clear");
	h_cell(c->h, "td", str(v[0]), "nw");
	h_cell(c->h, "td", str(v[1]), "nw");
	h_cell(c->h, "td", str(v[2]), "nw");
	fprintf(c->h, "<td class=\"n\">%ld</td><td class=\"n\">%ld</td><td class=\"n\">%ld</td><td>",
		o, cl, s);
	if (s && advice && *advice)
		html_esc_linked(c->h, advice, strlen(advice));
	fputs("</td></tr>\n", c->h);
	if (s && advice && *advice)
		fprintf(c->t, "      what to do: %s\n", advice);
	return 0;
}

static int reason_row(void *arg, int ncol, const char *const *names, const char *const *v)
{
	struct ctx *c = arg;
	(void)ncol;
	(void)names;
	c->d->new_reasons++;
	fprintf(c->t, "  %6ld  %-10s %s\n", num(v[1]), str(v[2]), str(v[0]));
	fprintf(c->h, "<tr><td class=\"n\">%ld</td>", num(v[1]));
	h_cell(c->h, "td", str(v[2]), "nw");
	h_cell(c->h, "td", str(v[0]), NULL);
	fputs("</tr>\n", c->h);
	return 0;
}

static int complaint_row(void *arg, int ncol, const char *const *names, const char *const *v)
{
	struct ctx *c = arg;
	long now = num(v[2]), prev = num(v[3]);
	(void)ncol;
	(void)names;
	c->d->complaints += now;
	fprintf(c->t, "  %-39s %-14s %6ld %8ld %s\n", str(v[0]), str(v[1]), now, prev,
		digest_arrow((double)now, (double)prev));
	fputs("<tr>", c->h);
	h_cell(c->h, "td", str(v[0]), "nw");
	h_cell(c->h, "td", str(v[1]), "nw");
	fprintf(c->h, "<td class=\"n\">%ld</td><td class=\"n\">%ld</td><td>%s</td></tr>\n", now, prev,
		digest_arrow((double)now, (double)prev));
	return 0;
}

static int snds_row(void *arg, int ncol, const char *const *names, const char *const *v)
{
	struct ctx *c = arg;
	(void)ncol;
	(void)names;
	fprintf(c->t, "  %-10s %-39s %-6s %-8s %s\n", str(v[0]), str(v[1]), str(v[2]), str(v[3]),
		str(v[4]));
	fputs("<tr>", c->h);
	for (int i = 0; i < 5; i++)
		h_cell(c->h, "td", str(v[i]), "nw");
	fputs("</tr>\n", c->h);
	return 0;
}

static int dnsbl_row(void *arg, int ncol, const char *const *names, const char *const *v)
{
	struct ctx *c = arg;
	(void)ncol;
	(void)names;
	c->d->listed++;
	fprintf(c->t, "  %-39s %-16s %s\n", str(v[0]), str(v[1]), str(v[2]));
	fputs("<tr>", c->h);
	for (int i = 0; i < 3; i++)
		h_cell(c->h, "td", str(v[i]), "nw");
	fputs("</tr>\n", c->h);
	return 0;
}

static int feeds_row(void *arg, int ncol, const char *const *names, const char *const *v)
{
	struct ctx *c = arg;
	(void)names;
	for (int i = 0; i < 3 && i < ncol; i++)
		c->feeds[i] = num(v[i]) != 0;
	return 0;
}

/* ---- the sections ---- */

static void rate_line(struct ctx *c, const char *label, long now_n, long prev_n)
{
	double a = c->tot[0][0] ? 100.0 * (double)now_n / (double)c->tot[0][0] : 0;
	double b = c->tot[1][0] ? 100.0 * (double)prev_n / (double)c->tot[1][0] : 0;
	char x[32], y[32];
	snprintf(x, sizeof x, "%.1f %%", a);
	snprintf(y, sizeof y, "%.1f %%", b);
	/* compared as shown, so that 2.0 % against 2.0 % is level */
	const char *arrow = digest_arrow(strtod(x, NULL), strtod(y, NULL));
	fprintf(c->t, "  %-16s %12s %12s   %s\n", label, x, y, arrow);
	fprintf(c->h, "<tr><th>%s</th><td class=\"n\">%s</td><td class=\"n\">%s</td><td>%s</td></tr>\n",
		label, x, y, arrow);
}

static void count_line(struct ctx *c, const char *label, int i)
{
	long a = c->tot[0][i], b = c->tot[1][i];
	char d[32];
	snprintf(d, sizeof d, "%+ld", a - b);
	fprintf(c->t, "  %-16s %12ld %12ld   %s %s\n", label, a, b, digest_arrow((double)a, (double)b),
		d);
	fprintf(c->h, "<tr><th>%s</th><td class=\"n\">%ld</td><td class=\"n\">%ld</td><td>%s %s</td></tr>\n",
		label, a, b, digest_arrow((double)a, (double)b), d);
}

static void heading(struct ctx *c, const char *title, const char *text_cols, const char *html_cols)
{
	fprintf(c->t, "\n%s\n", title);
	if (text_cols)
		fprintf(c->t, "%s\n", text_cols);
	fprintf(c->h, "<h2>%s</h2>\n<table>\n<tr>%s</tr>\n", title, html_cols);
}

static const char CSS[] =
	"body{font-family:sans-serif;color:#222;max-width:60em}"
	"table{border-collapse:collapse;margin:0.5em 0}"
	"th,td{border:1px solid #ccc;padding:0.2em 0.5em;text-align:left;vertical-align:top}"
	"td.n{text-align:right;white-space:nowrap}td.nw,th{white-space:nowrap}"
	"tr.open td{background:#fde8e8}tr.clear td{background:#e8f6e8}";

int digest_build(struct store *st, double since, double until, const char *host,
		 struct digest *d, char *err, size_t errlen)
{
	struct ctx c = { .d = d };
	char *tp = NULL, *hp = NULL, a[40], b[40];
	size_t tn = 0, hn = 0;
	double prev = since - (until - since);
	int rc = -1;
	memset(d, 0, sizeof *d);
	buf_init(&d->subject);
	buf_init(&d->text);
	buf_init(&d->html);
	c.t = open_memstream(&tp, &tn);
	c.h = open_memstream(&hp, &hn);
	if (!c.t || !c.h) {
		snprintf(err, errlen, "out of memory");
		goto out;
	}
	iso(a, sizeof a, since);
	iso(b, sizeof b, until);
	fprintf(c.t, "bouncewatch digest for %s, %s to %s\n", host, a, b);
	fprintf(c.h, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"/><title>bouncewatch digest</title>"
		     "<style>%s</style></head><body>\n<h1>bouncewatch digest</h1>\n<p>", CSS);
	html_esc_cstr(c.h, host);
	fprintf(c.h, ", %s to %s, against the %.0f hours before.</p>\n", a, b, (until - since) / 3600);

	if (store_digest_rows(st, STORE_DIGEST_FEEDS, prev, since, until, feeds_row, &c, err, errlen) < 0 ||
	    store_digest_rows(st, STORE_DIGEST_TOTALS, prev, since, until, totals_row, &c, err, errlen) < 0)
		goto out;
	d->blocks = c.tot[0][4];

	/* kind: BLOCK (our standing), CONFIG (our own DNS / authentication to fix),
	 * SUSPECTED (a wave of one unknown refusal; no rule yet) */
	heading(&c, "Episodes per sending IP and receiving pool",
		"  sending IP                              pool                         kind      opened cleared still open",
		"<th>sending IP</th><th>pool</th><th>kind</th><th>opened</th><th>cleared</th><th>still open</th>"
		"<th>what to do</th>");
	if (store_digest_rows(st, STORE_DIGEST_EPISODES, prev, since, until, episode_row, &c, err, errlen) < 0)
		goto out;
	if (c.rows == 0) {
		fputs("  none\n", c.t);
		fputs("<tr><td colspan=\"7\">none</td></tr>\n", c.h);
	}
	fputs("</table>\n", c.h);

	heading(&c, "Attempts against the previous period",
		"                        this period     previous   trend",
		"<th></th><th>this period</th><th>previous</th><th>trend</th>");
	count_line(&c, "attempts", 0);
	count_line(&c, "delivered", 1);
	count_line(&c, "deferred", 2);
	count_line(&c, "bounced", 3);
	count_line(&c, "block refusals", 4);
	rate_line(&c, "deferral rate", c.tot[0][2], c.tot[1][2]);
	rate_line(&c, "bounce rate", c.tot[0][3], c.tot[1][3]);
	count_line(&c, "received (MTA)", 5);
	count_line(&c, "rejected (MTA)", 6);
	fputs("</table>\n", c.h);

	heading(&c, "Top new reasons (not seen in the previous period)", NULL,
		"<th>count</th><th>status</th><th>reason</th>");
	if (store_digest_rows(st, STORE_DIGEST_REASONS, prev, since, until, reason_row, &c, err, errlen) < 0)
		goto out;
	if (d->new_reasons == 0) {
		fputs("  none\n", c.t);
		fputs("<tr><td colspan=\"3\">none</td></tr>\n", c.h);
	}
	fputs("</table>\n", c.h);

	if (c.feeds[0]) {
		heading(&c, "Complaints", "  our IP                                  reporter         now previous",
			"<th>our IP</th><th>reporter</th><th>this period</th><th>previous</th><th>trend</th>");
		if (store_digest_rows(st, STORE_DIGEST_COMPLAINTS, prev, since, until, complaint_row, &c,
				      err, errlen) < 0)
			goto out;
		fputs("</table>\n", c.h);
	}
	if (c.feeds[1]) {
		heading(&c, "SNDS", "  day        IP                                      filter complaint traps",
			"<th>day</th><th>IP</th><th>filter</th><th>complaint rate</th><th>trap hits</th>");
		if (store_digest_rows(st, STORE_DIGEST_SNDS, prev, since, until, snds_row, &c, err, errlen) < 0)
			goto out;
		fputs("</table>\n", c.h);
	}
	if (c.feeds[2]) {
		heading(&c, "DNSBL listings (latest answer)", NULL, "<th>IP</th><th>list</th><th>meaning</th>");
		if (store_digest_rows(st, STORE_DIGEST_DNSBL, prev, since, until, dnsbl_row, &c, err, errlen) < 0)
			goto out;
		if (d->listed == 0) {
			fputs("  not listed\n", c.t);
			fputs("<tr><td colspan=\"3\">not listed</td></tr>\n", c.h);
		}
		fputs("</table>\n", c.h);
	}
	fprintf(c.t, "\n-- \nbouncewatch digest; `bouncewatch report --since ...` has the details.\n");
	fputs("<p><small>bouncewatch digest; <code>bouncewatch report --format html</code> has the "
	      "details.</small></p>\n</body></html>\n", c.h);

	d->happened = d->opened || d->cleared || d->still_open || d->blocks || d->new_reasons ||
		      d->complaints || d->listed;
	iso(a, sizeof a, since);
	a[10] = '\0';
	buf_addf(&d->subject, "[bouncewatch] digest %s: ", a);
	if (d->happened)
		buf_addf(&d->subject, "%ld opened, %ld cleared, %ld still open, %ld block refusals",
			 d->opened, d->cleared, d->still_open, d->blocks);
	else
		buf_adds(&d->subject, "nothing new");
	rc = 0;
out:
	if (c.t)
		fclose(c.t);
	if (c.h)
		fclose(c.h);
	if (rc == 0) {
		buf_add(&d->text, tp, tn);
		buf_add(&d->html, hp, hn);
		buf_str(&d->text);
		buf_str(&d->html);
	}
	free(tp);
	free(hp);
	return rc;
}

void digest_release(struct digest *d)
{
	buf_release(&d->subject);
	buf_release(&d->text);
	buf_release(&d->html);
}
