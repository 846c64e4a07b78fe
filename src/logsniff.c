/* logsniff - name what a file without MTA lines looks like (see logsniff.h).
 *
 * Counts the program tags of the sampled lines (at most NAMES distinct
 * ones, the rest counted as "other") and reports the most frequent. Uses
 * the source module for reading and the line pipeline for headers; prints
 * nothing.
 */
#include <stdio.h>
#include <string.h>
#include "line.h"
#include "log.h"
#include "logsniff.h"
#include "source.h"

#define NAMES 8
#define NAME_MAX_LEN 32

struct tally {
	char name[NAMES][NAME_MAX_LEN + 1];
	unsigned long count[NAMES];
	int n;
	unsigned long lines, headers, mta, other_mta;
	char other_mta_name[NAME_MAX_LEN + 1];
};

static void add_name(struct tally *t, struct str prog)
{
	char name[NAME_MAX_LEN + 1];
	size_t n = prog.len < NAME_MAX_LEN ? prog.len : NAME_MAX_LEN;
	log_printable(prog.p, n, name, sizeof name);
	for (int i = 0; i < t->n; i++)
		if (strcmp(t->name[i], name) == 0) {
			t->count[i]++;
			return;
		}
	if (t->n == NAMES)
		return;
	memcpy(t->name[t->n], name, strlen(name) + 1);
	t->count[t->n++] = 1;
}

static void one_line(struct tally *t, struct line *lp, struct str text)
{
	struct syslog_hdr h;
	struct delivery d;
	const struct fmt *f;
	t->lines++;
	if (line_parse(lp, text.p, text.len, &h, &d, &f) == LINE_NO_HEADER)
		return;
	t->headers++;
	if (f) {
		t->mta++;
		return;
	}
	if (fmt_unsupported_mta(h.prog)) {
		if (t->other_mta++ == 0) {
			size_t n = h.prog.len < NAME_MAX_LEN ? h.prog.len : NAME_MAX_LEN;
			log_printable(h.prog.p, n, t->other_mta_name, sizeof t->other_mta_name);
		}
		return;
	}
	add_name(t, h.prog.len ? h.prog : STR_LIT("(no program tag)"));
}

static void describe(const struct tally *t, char *desc, size_t len)
{
	size_t used = (size_t)snprintf(desc, len, "syslog lines of");
	int shown[NAMES] = { 0 };
	for (int k = 0; k < 3 && k < t->n && used < len; k++) {
		int best = -1;
		for (int i = 0; i < t->n; i++)
			if (!shown[i] && (best < 0 || t->count[i] > t->count[best]))
				best = i;
		shown[best] = 1;
		used += (size_t)snprintf(desc + used, len - used, "%s %s (%lu)", k ? "," : "", t->name[best],
					 t->count[best]);
	}
}

int logsniff_file(const char *path, char *desc, size_t len)
{
	struct tally t = { 0 };
	struct source_line l;
	char err[512];
	struct source *src = source_open(path, err, sizeof err);
	int rc;
	if (!src) {
		snprintf(desc, len, "%s", err);
		return -1;
	}
	struct line *lp = line_new(source_mtime(src), 0);
	while (t.lines < LOGSNIFF_LINES && (rc = source_next(src, &l, err, sizeof err)) == 1)
		if (!l.cut)
			one_line(&t, lp, l.text);
	line_free(lp);
	source_free(src);
	if (t.mta) {
		snprintf(desc, len, "%lu lines of a known MTA", t.mta);
		return LOGSNIFF_MTA;
	}
	if (t.lines == 0) {
		snprintf(desc, len, "empty");
		return LOGSNIFF_EMPTY;
	}
	if (t.other_mta) {
		snprintf(desc, len, "lines of %s (%lu), a mail server whose log bouncewatch does not read",
			 t.other_mta_name, t.other_mta);
		return LOGSNIFF_OTHER_MTA;
	}
	if (t.headers == 0) {
		snprintf(desc, len, "no line has a syslog header or an MTA's own format: not a mail log");
		return LOGSNIFF_NOT_LOG;
	}
	describe(&t, desc, len);
	return LOGSNIFF_NO_MAIL;
}
