/* line - text -> header -> format -> delivery (see line.h).
 *
 * Owns: the syslog context and one state per format of fmt_all. The choice
 * of format is made per line: a syslog line goes to the format that claims
 * its program tag; a line without a syslog program tag is offered to the
 * formats that have their own header (Exim's mainlog: "2026-11-28 01:14:38
 * 1xX71R-0002sC-2x => ..." reads as a syslog line with no tag). Pure: no
 * I/O; must not depend on the classifier or the store.
 */
#include <stdlib.h>
#include "line.h"
#include "xmalloc.h"

#define LINE_FMTS 16

struct line {
	struct syslog_ctx sc;
	int fixed_year;
	struct fmt_state *st[LINE_FMTS];
};

struct line *line_new(time_t ref, int fixed_year)
{
	struct line *lp = xcalloc(1, sizeof *lp);
	syslog_ctx_init(&lp->sc, ref, fixed_year);
	lp->fixed_year = fixed_year;
	for (size_t i = 0; fmt_all[i]; i++) {
		if (i >= LINE_FMTS)
			abort();	/* a table longer than the array: a build error */
		lp->st[i] = fmt_all[i]->state_new();
	}
	return lp;
}

void line_free(struct line *lp)
{
	if (!lp)
		return;
	for (size_t i = 0; fmt_all[i]; i++)
		fmt_all[i]->state_free(lp->st[i]);
	free(lp);
}

void line_set_ref(struct line *lp, time_t ref)
{
	syslog_ctx_init(&lp->sc, ref, lp->fixed_year);
}

/* The table index of f. */
static size_t index_of(const struct fmt *f)
{
	size_t i = 0;
	while (fmt_all[i] != f)
		i++;
	return i;
}

/* A line with no syslog tag: the formats with a header of their own. */
static const struct fmt *own_header(struct line *lp, const char *line, size_t len, struct syslog_hdr *h)
{
	for (size_t i = 0; fmt_all[i]; i++)
		if (fmt_all[i]->own_header && fmt_all[i]->own_header(&lp->sc, line, len, h) == 0)
			return fmt_all[i];
	return NULL;
}

/* The format f (NULL: none claims the line) reads the header-parsed h. */
static enum line_result parse_with(struct line *lp, const struct fmt *f, const struct syslog_hdr *h,
				   struct delivery *d)
{
	if (!f)
		return LINE_OTHER;
	int r = f->parse(lp->st[index_of(f)], h, d);
	return r == FMT_RECEIVED ? LINE_RECEIVED
	       : r == FMT_REJECTED ? LINE_REJECTED
	       : r > 0 ? LINE_DELIVERY : r < 0 ? LINE_UNPARSED : LINE_OTHER;
}

enum line_result line_parse(struct line *lp, const char *line, size_t len, struct syslog_hdr *h,
			    struct delivery *d, const struct fmt **fmt)
{
	const struct fmt *f = NULL;
	int have = syslog_parse(&lp->sc, line, len, h) == 0;
	if (have && h->prog.len)
		f = fmt_for_prog(h->prog);
	if (!f && (!have || h->prog.len == 0)) {
		struct syslog_hdr oh;
		if ((f = own_header(lp, line, len, &oh)) != NULL) {
			*h = oh;
			have = 1;
		}
	}
	if (fmt)
		*fmt = f;
	if (!have)
		return LINE_NO_HEADER;
	return parse_with(lp, f, h, d);
}

enum line_result line_parse_hdr(struct line *lp, const struct syslog_hdr *h, struct delivery *d,
				const struct fmt **fmt)
{
	const struct fmt *f = h->prog.len ? fmt_for_prog(h->prog) : NULL;
	if (fmt)
		*fmt = f;
	return parse_with(lp, f, h, d);
}
