/* replies - the classifier benchmarks' input (classify_bench, rule_cost)
 *
 * A file written by `loggen --replies N` (status, dsn, recipient domain,
 * relay host, reply; tab-separated, one reply per line), read whole, and
 * each record turned into the Postfix status line it stands for and read
 * through the line pipeline (line.h) into a struct delivery, as scan
 * reads a log. Header-only: bench/verdict_diff.sh builds classify_bench
 * against an older tree's Makefile, which compiles one source file.
 */
#ifndef BW_BENCH_REPLIES_H
#define BW_BENCH_REPLIES_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "line.h"
#include "xmalloc.h"

/* The whole file at path, NUL-terminated, its length in *len; NULL when it
 * cannot be opened. */
static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0;

	if (!f)
		return NULL;
	for (;;) {
		if (cap - n < 65536) {
			cap = cap ? cap * 2 : 1 << 20;
			buf = xrealloc(buf, cap + 1);
		}
		size_t r = fread(buf + n, 1, cap - n, f);
		n += r;
		if (r == 0)
			break;
	}
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* Turns one TSV record (NUL-terminated, modified in place) into the Postfix
 * log line it stands for and reads that through the line pipeline, as scan
 * does; the line is kept (the delivery borrows it) and freed by the caller
 * through *keep. */
static int parse_line(struct line *lp, char *rec, struct delivery *d, char **keep)
{
	char *f[5];
	int i = 0;
	struct syslog_hdr h;

	for (char *p = rec; i < 5; i++) {
		f[i] = p;
		if (i == 4)
			break;
		p = strchr(p, '\t');
		if (!p)
			return -1;
		*p++ = '\0';
	}
	size_t n = strlen(f[4]) + strlen(f[3]) * 2 + strlen(f[2]) + 256;
	char *text = xmalloc(n);
	int len = snprintf(text, n,
			   "Nov 28 00:00:01 bench postfix/smtp[1]: 4B2C1D3E5F: to=<rcpt@%s>, "
			   "relay=%s[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=%s, status=%s "
			   "(host %s[192.0.2.1] said: %s (in reply to RCPT TO command))",
			   f[2], f[3], f[1], f[0], f[3], f[4]);
	*keep = text;
	if (len < 0 || (size_t)len >= n)
		return -1;
	return line_parse(lp, text, (size_t)len, &h, d, NULL) == LINE_DELIVERY ? 0 : -1;
}

/* The replies of one file, parsed: d[0..n) in file order (records that do
 * not parse are left out); each delivery borrows its line from keep. */
struct replies {
	struct delivery *d;
	char **keep;
	size_t n, nkeep;
	char *buf;
};

/* Reads path into rs (zeroed by the caller); 0, or -1 when it cannot be
 * read (errno set). */
static int replies_read(struct replies *rs, const char *path)
{
	size_t len;
	struct line *lp;
	if ((rs->buf = slurp(path, &len)) == NULL)
		return -1;
	lp = line_new(1795857243, 2026);
	for (char *line = rs->buf, *nl; *line; line = nl + 1) {
		struct delivery d;
		nl = strchr(line, '\n');
		if (!nl)
			nl = line + strlen(line) - 1;
		else
			*nl = '\0';
		rs->keep = xrealloc(rs->keep, (rs->nkeep + 1) * sizeof *rs->keep);
		if (parse_line(lp, line, &d, &rs->keep[rs->nkeep++]) == 0) {
			rs->d = xrealloc(rs->d, (rs->n + 1) * sizeof *rs->d);
			rs->d[rs->n++] = d;
		}
	}
	line_free(lp);
	return 0;
}

static void replies_free(struct replies *rs)
{
	for (size_t i = 0; i < rs->nkeep; i++)
		free(rs->keep[i]);
	free(rs->keep);
	free(rs->d);
	free(rs->buf);
}

#endif
