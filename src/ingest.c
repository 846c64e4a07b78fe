/* ingest - line -> header -> delivery -> verdict -> store (see ingest.h).
 *
 * The one place where the pipeline stages meet; scan and tail both drive it,
 * so everything a line can do is reachable without inotify or a clock.
 * Invariants: a checkpoint is only written for offsets at line boundaries
 * whose lines have all been handed to the store in the same transaction;
 * nothing here prints.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "clock.h"
#include "episode.h"
#include "ingest.h"
#include "line.h"
#include "store_selfmon.h"
#include "strmap.h"
#include "utf8.h"
#include "xmalloc.h"

struct ingest {
	struct store *st;
	struct rules *rules;
	struct line *lp;
	struct ingest_opts o;
	struct ingest_stats stats;
	struct ingest_stats committed;	/* stats at the last commit */
	unsigned pending;
	char *providers[INGEST_PROVIDERS_MAX];	/* names of the columns of stats.stored */
	struct strmap columns;	/* provider name -> its column (1 .. INGEST_PROVIDERS_MAX - 2) */
	unsigned ncolumns;	/* named columns in use */
	char fix[SOURCE_LINE_MAX];	/* a line whose invalid UTF-8 was replaced */
};

struct ingest *ingest_new(struct store *st, struct rules *r, const struct ingest_opts *o)
{
	struct ingest *ing = xcalloc(1, sizeof *ing);
	ing->st = st;
	ing->rules = r;
	ing->o = *o;
	if (ing->o.batch_lines == 0)
		ing->o.batch_lines = 5000;
	ing->lp = line_new(0, o->fixed_year);
	strmap_init(&ing->columns);
	return ing;
}

void ingest_free(struct ingest *ing)
{
	if (ing == NULL)
		return;
	line_free(ing->lp);
	for (unsigned i = 0; i < INGEST_PROVIDERS_MAX; i++)
		free(ing->providers[i]);
	strmap_release(&ing->columns);
	free(ing);
}

void ingest_set_rules(struct ingest *ing, struct rules *r) { ing->rules = r; }
const struct ingest_stats *ingest_stats(const struct ingest *ing) { return &ing->stats; }
unsigned ingest_pending(const struct ingest *ing) { return ing->pending; }

int ingest_attach(struct ingest *ing, struct source *src, time_t ref, struct ingest_source *is,
		  char *err, size_t errlen)
{
	struct store_source ss;
	int found = 0;

	*is = (struct ingest_source){ 0 };
	line_set_ref(ing->lp, ref);
	if (source_ident(src, &is->ident) < 0) {
		const char *bad = source_bad_data(src);
		snprintf(err, errlen, "%s: cannot read the start of the file%s%s", source_path(src),
			 bad ? ": " : "", bad ? bad : "");
		return -1;
	}
	if (source_is_seekable(src) || source_is_gzip(src)) {
		found = store_source_find(ing->st, source_path(src), &is->ident, source_same_file_cb, src, &ss,
					  err, errlen);
		if (found < 0)
			return -1;
	}
	/* A remembered offset past the end: the file was truncated in place
	 * (copytruncate, or to a size other than 0) and maybe refilled; it is
	 * a new source, whose kept start is checked line by line against the
	 * old one. */
	if (found && source_is_seekable(src) && ss.pos.at > source_size(src)) {
		found = 0;
		is->verify_id = ss.id;
		is->verify_until = ss.pos.at;
	}
	if (found) {
		is->id = ss.id;
		is->pos.at = ss.pos.at;
		is->resumed = 1;
		return is->pos.at ? source_seek(src, is->pos.at, err, errlen) : 0;
	}
	if (store_begin(ing->st, err, errlen) < 0)
		return -1;
	is->id = store_source_new(ing->st, source_path(src), &is->ident, err, errlen);
	return is->id < 0 ? -1 : 0;
}

/* Copies line into ing->fix with each byte of an invalid sequence as '?'. */
static struct str utf8_repair(struct ingest *ing, struct str line)
{
	const unsigned char *u = (const unsigned char *)line.p;
	size_t i = 0;
	while (i < line.len) {
		size_t k = utf8_decode(u + i, line.len - i, NULL);
		if (k == 0) {
			ing->fix[i++] = '?';
			continue;
		}
		memcpy(ing->fix + i, u + i, k);
		i += k;
	}
	return str_make(ing->fix, line.len);
}

/* The column of ingest_stats.stored for provider p (NULL: unknown): one
 * hash lookup per stored delivery, whatever the number of providers. */
static unsigned provider_column(struct ingest *ing, const char *p)
{
	size_t len, col;
	if (p == NULL || *p == '\0')
		return 0;
	len = strlen(p);
	if (strmap_get(&ing->columns, p, len, &col))
		return (unsigned)col;
	if (ing->ncolumns == INGEST_PROVIDERS_MAX - 2)
		return INGEST_PROVIDERS_MAX - 1;	/* "other" */
	col = ++ing->ncolumns;
	ing->providers[col] = xstrdup(p);
	strmap_put(&ing->columns, p, len, col, NULL);
	return (unsigned)col;
}

const char *ingest_provider_name(const struct ingest *ing, unsigned i)
{
	if (i == 0)
		return "unknown";
	if (i == INGEST_PROVIDERS_MAX - 1)
		return "other";
	return i < INGEST_PROVIDERS_MAX ? ing->providers[i] : NULL;
}

/* A message the MTA queued or a client it refused: one mail_events row,
 * identified like a delivery by (source, position), so a line read twice
 * counts once. */
static int message_event(struct ingest *ing, int64_t source_id, uint64_t pos, int64_t verify_id,
			 enum line_result r, const struct syslog_hdr *h, char *err, size_t errlen)
{
	int received = r == LINE_RECEIVED;
	if (store_begin(ing->st, err, errlen) < 0)
		return -1;
	if (verify_id) {	/* a line the truncation kept, counted from the old source? */
		int same = store_event_has(ing->st, verify_id, pos, h->ts, err, errlen);
		if (same < 0)
			return -1;
		if (same) {
			ing->stats.duplicates++;
			return 0;
		}
	}
	int added = store_event_add(ing->st, source_id, pos, h->ts, received, h->host, err, errlen);
	if (added < 0)
		return -1;
	if (added == 0)
		ing->stats.duplicates++;
	else if (received)
		ing->stats.received++;
	else
		ing->stats.rejected++;
	return 0;
}

/* Counts a read line's result and, for a delivery, classifies and stores
 * it (row identity (source_id, pos)) and tells the episodes. verify_id:
 * the source this one replaces after a truncation below its checkpoint,
 * whose row at pos, when it is the same line, makes this one a duplicate
 * (0: none). */
static int deliver(struct ingest *ing, int64_t source_id, uint64_t pos, int64_t verify_id,
		   enum line_result r, const struct syslog_hdr *h,
		   const struct delivery *d, char *err, size_t errlen)
{
	struct verdict v;
	if (r == LINE_RECEIVED || r == LINE_REJECTED)
		return message_event(ing, source_id, pos, verify_id, r, h, err, errlen);
	if (r != LINE_DELIVERY) {
		if (r == LINE_NO_HEADER)
			ing->stats.no_header++;
		else if (r == LINE_UNPARSED)
			ing->stats.unparsed++;
		else
			ing->stats.other++;
		return 0;
	}
	if (store_begin(ing->st, err, errlen) < 0)
		return -1;
	if (verify_id) {	/* a line the truncation kept, stored from the old source? */
		int same = store_has(ing->st, verify_id, pos, d, err, errlen);
		if (same < 0)
			return -1;
		if (same) {
			ing->stats.duplicates++;
			return 0;
		}
	}
	unsigned long hits = rules_limit_hits(ing->rules);
	rules_classify(ing->rules, d, &v);
	ing->stats.limit_hits += rules_limit_hits(ing->rules) - hits;
	int added = store_add(ing->st, source_id, pos, d, &v, err, errlen);
	if (added < 0)
		return -1;
	if (added == 0) {
		ing->stats.duplicates++;
		return 0;
	}
	ing->stats.deliveries++;
	ing->stats.blocks += v.block != 0;
	ing->stats.stored[d->status < DS__COUNT ? d->status : DS_OTHER][provider_column(ing, v.provider)]++;
	if (ing->o.episodes && episode_observe(ing->o.episodes, d, &v, err, errlen) < 0)
		return -1;
	return 0;
}

/* Counts a line or record read; 0 when it is to be skipped (cut or NUL
 * bytes), 1 to go on, with invalid UTF-8 in *text repaired. */
static int admit(struct ingest *ing, int cut, struct str *text)
{
	ing->stats.lines++;
	ing->pending++;
	if (cut) {
		ing->stats.cut++;
		return 0;
	}
	if (memchr(text->p, '\0', text->len) != NULL) {
		ing->stats.binary++;
		return 0;
	}
	if (!utf8_valid(text->p, text->len)) {
		ing->stats.repaired++;
		*text = utf8_repair(ing, *text);
	}
	return 1;
}

int ingest_line(struct ingest *ing, const struct ingest_source *is, const struct source_line *l,
		char *err, size_t errlen)
{
	struct syslog_hdr h;
	struct delivery d;
	struct str text = l->text;

	if (!admit(ing, l->cut, &text))
		return 0;
	const struct fmt *f = NULL;
	enum line_result r = line_parse(ing->lp, text.p, text.len, &h, &d, &f);
	ing->stats.mta_lines += f != NULL;
	int64_t verify = is->verify_id && l->start < is->verify_until ? is->verify_id : 0;
	return deliver(ing, is->id, l->start, verify, r, &h, &d, err, errlen);
}

int ingest_record(struct ingest *ing, int64_t source_id, uint64_t pos, const struct syslog_hdr *h,
		  int cut, char *err, size_t errlen)
{
	struct syslog_hdr r = *h;
	struct delivery d;
	if (r.msg.p == NULL)
		r.msg = STR_LIT("");
	if (!admit(ing, cut || r.msg.len > SOURCE_LINE_MAX, &r.msg))
		return 0;
	/* The header fields are untrusted bytes too: ones that are not
	 * UTF-8 text are dropped rather than stored. */
	if (r.host.p && (memchr(r.host.p, '\0', r.host.len) || !utf8_valid(r.host.p, r.host.len)))
		r.host = STR_NULL;
	if (r.prog.p && (memchr(r.prog.p, '\0', r.prog.len) || !utf8_valid(r.prog.p, r.prog.len)))
		r.prog = STR_NULL;
	const struct fmt *f = NULL;
	enum line_result lr = line_parse_hdr(ing->lp, &r, &d, &f);
	ing->stats.mta_lines += f != NULL;
	return deliver(ing, source_id, pos, 0, lr, &r, &d, err, errlen);
}

/* The lines since the last commit into line_counts (store_selfmon.h), by
 * the pinnable clock: check and the metrics read them. */
static int count_lines(struct ingest *ing, char *err, size_t errlen)
{
	const struct ingest_stats *n = &ing->stats, *o = &ing->committed;
	if (n->lines == o->lines)
		return 0;
	return store_lines_add(ing->st, clock_now(), (int64_t)(n->lines - o->lines),
			       (int64_t)(n->no_header + n->unparsed - o->no_header - o->unparsed), err, errlen);
}

int ingest_finish(struct ingest *ing, char *err, size_t errlen)
{
	if (count_lines(ing, err, errlen) < 0 || store_commit(ing->st, err, errlen) < 0) {
		ingest_rollback(ing);
		return -1;
	}
	ing->pending = 0;
	ing->committed = ing->stats;
	return 0;
}

int ingest_commit(struct ingest *ing, const struct ingest_source *is, char *err, size_t errlen)
{
	if (store_begin(ing->st, err, errlen) < 0 ||
	    store_checkpoint(ing->st, is->id, &is->ident, &is->pos, err, errlen) < 0) {
		ingest_rollback(ing);
		return -1;
	}
	return ingest_finish(ing, err, errlen);
}

void ingest_rollback(struct ingest *ing)
{
	store_rollback(ing->st);
	ing->stats = ing->committed;
	ing->pending = 0;
}

int ingest_drain(struct ingest *ing, struct source *src, struct ingest_source *is,
		 char *err, size_t errlen)
{
	struct source_line l;
	int r;
	while ((r = source_next(src, &l, err, errlen)) == 1) {
		if (ingest_line(ing, is, &l, err, errlen) < 0)
			goto fail;
		is->pos.at = l.end;
		if (ing->pending >= ing->o.batch_lines && ingest_commit(ing, is, err, errlen) < 0)
			goto fail;
	}
	if (r < 0 || ingest_commit(ing, is, err, errlen) < 0)
		goto fail;
	return 0;
fail:
	ingest_rollback(ing);
	return -1;
}
