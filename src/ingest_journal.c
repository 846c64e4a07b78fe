/* ingest_journal - journal entries into ingest (see ingest_journal.h).
 *
 * Invariant: ij->committed is the position stored in the database; ij->pos
 * only runs ahead of it by entries whose rows are in the open transaction.
 * Knows nothing of SQL (the store's API) nor of sd-journal (journal.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ingest_journal.h"
#include "syslog.h"
#include "xmalloc.h"

#define KIND "journal"	/* sources.kind of journal rows */

int ingest_journal_attach(struct ingest *ing, struct store *st, struct journal *j,
			  uint64_t since_us, struct ingest_journal *ij, char *err, size_t errlen)
{
	uint64_t at;
	int r;
	(void)ing;
	memset(ij, 0, sizeof *ij);
	ij->j = j;
	if ((r = store_source_last(st, KIND, journal_label(j), &ij->pos, err, errlen)) < 0)
		return -1;
	ij->resumed = r;
	ij->committed = ij->pos;
	at = ij->resumed ? (uint64_t)(ij->pos.pos.ts * 1e6 + 0.5) : 0;
	if (since_us > at)
		at = since_us;
	/* A --since later than the stored cursor skips ahead by time. */
	if (ij->resumed && at == (uint64_t)(ij->pos.pos.ts * 1e6 + 0.5))
		return journal_seek(j, ij->pos.pos.token, at, &ij->lost, err, errlen);
	return journal_seek(j, NULL, at, &(int){ 0 }, err, errlen);
}

/* The source row for the entry's sequence-number id. */
static int source_for(struct store *st, struct ingest_journal *ij, const struct journal_entry *e,
		      char *err, size_t errlen)
{
	struct source_ident ident = { .fp = e->seqnum_id };
	if (ij->pos.id > 0 && ij->pos.ident.fp == e->seqnum_id)
		return 0;
	int64_t id;
	if (store_begin(st, err, errlen) < 0 ||
	    (id = store_source_of(st, KIND, journal_label(ij->j), &ident, err, errlen)) < 0)
		return -1;
	ij->pos.id = id;
	ij->pos.ident = ident;
	return 0;
}

int ingest_journal_read(struct ingest *ing, struct store *st, struct ingest_journal *ij,
			unsigned cap, char *err, size_t errlen)
{
	struct journal_entry e;
	unsigned n = 0;
	int r = 0;
	while (n < cap && (r = journal_next(ij->j, &e, err, errlen)) == 1) {
		struct syslog_hdr h = { .ts = (double)e.realtime_us / 1e6, .host = e.host,
					.prog = e.prog, .pid = e.pid, .msg = e.msg };
		struct position at;
		if (position_set(&at, e.seqnum, e.cursor, h.ts) < 0) {
			snprintf(err, errlen, "%s: entry %llu: sequence number not below %llu or cursor "
				 "longer than %d bytes", journal_label(ij->j), (unsigned long long)e.seqnum,
				 (unsigned long long)POSITION_AT_LIMIT, POSITION_TOKEN_MAX - 1);
			return -1;
		}
		if (source_for(st, ij, &e, err, errlen) < 0 ||
		    ingest_record(ing, ij->pos.id, e.seqnum, &h, e.cut, err, errlen) < 0)
			return -1;
		ij->pos.pos = at;
		ij->dirty = 1;
		n++;
	}
	return r < 0 ? -1 : (int)n;
}

int ingest_journal_checkpoint(struct store *st, struct ingest_journal *ij, char *err, size_t errlen)
{
	if (!ij->dirty)
		return 0;
	if (store_begin(st, err, errlen) < 0)
		return -1;
	return store_checkpoint(st, ij->pos.id, &ij->pos.ident, &ij->pos.pos, err, errlen);
}

void ingest_journal_committed(struct ingest_journal *ij)
{
	ij->committed = ij->pos;
	ij->dirty = 0;
}

int ingest_journal_rewind(struct ingest_journal *ij, char *err, size_t errlen)
{
	int lost = 0;
	ij->pos = ij->committed;
	ij->dirty = 0;
	if (!position_has_token(&ij->committed.pos))
		return journal_seek(ij->j, NULL, 0, &lost, err, errlen);
	return journal_seek(ij->j, ij->committed.pos.token,
			    (uint64_t)(ij->committed.pos.ts * 1e6 + 0.5), &lost, err, errlen);
}

int ingest_journal_drain(struct ingest *ing, struct store *st, struct ingest_journal *ij,
			 unsigned batch_lines, char *err, size_t errlen)
{
	int n;
	if (batch_lines == 0)
		batch_lines = 5000;
	do {
		if ((n = ingest_journal_read(ing, st, ij, batch_lines, err, errlen)) < 0 ||
		    ingest_journal_checkpoint(st, ij, err, errlen) < 0 ||
		    ingest_finish(ing, err, errlen) < 0) {
			ingest_rollback(ing);
			return -1;
		}
		ingest_journal_committed(ij);
	} while (n > 0);
	return 0;
}

/* ---- the journal as a stream (stream.h) ------------------------------------ */

struct jstream {
	struct ingest *ing;
	struct store *st;
	struct ingest_journal ij;
};

static int js_attach(void *arg, char *note, size_t notelen, int *gap, char *err, size_t errlen)
{
	struct jstream *s = arg;
	struct journal *j = s->ij.j;
	*note = '\0';
	if (ingest_journal_attach(s->ing, s->st, j, 0, &s->ij, err, errlen) < 0 ||
	    journal_fd(j, err, errlen) < 0)
		return -1;
	if (s->ij.lost) {
		*gap = 1;
		snprintf(note, notelen, "%s: the entry read last is no longer in the journal (rotated "
			 "away or vacuumed); reading on from the oldest entry at or after its time",
			 journal_label(j));
	} else if (s->ij.resumed) {
		snprintf(note, notelen, "%s: resuming after the entry read last", journal_label(j));
	}
	return 0;
}

static int js_fd(void *arg, char *err, size_t errlen)
{
	return journal_fd(((struct jstream *)arg)->ij.j, err, errlen);
}

static int js_timeout_ms(void *arg) { return journal_timeout_ms(((struct jstream *)arg)->ij.j); }

static int js_process(void *arg, char *err, size_t errlen)
{
	return journal_process(((struct jstream *)arg)->ij.j, err, errlen);
}

static int js_read(void *arg, unsigned cap, char *err, size_t errlen)
{
	struct jstream *s = arg;
	return ingest_journal_read(s->ing, s->st, &s->ij, cap, err, errlen);
}

static int js_checkpoint(void *arg, char *err, size_t errlen)
{
	struct jstream *s = arg;
	return ingest_journal_checkpoint(s->st, &s->ij, err, errlen);
}

static void js_committed(void *arg) { ingest_journal_committed(&((struct jstream *)arg)->ij); }

static int js_rewind(void *arg, char *err, size_t errlen)
{
	return ingest_journal_rewind(&((struct jstream *)arg)->ij, err, errlen);
}

static void js_free(void *arg) { free(arg); }

static const struct stream_ops JOURNAL_STREAM = {
	.attach = js_attach, .fd = js_fd, .timeout_ms = js_timeout_ms, .process = js_process,
	.read = js_read, .checkpoint = js_checkpoint, .committed = js_committed,
	.rewind = js_rewind, .free = js_free,
	/* journald announces appended entries on its descriptor only when a
	 * 250 ms timer it starts at the first write runs out
	 * (POST_CHANGE_TIMER_INTERVAL_USEC and schedule_post_change() in
	 * systemd's src/libsystemd/sd-journal/journal-file.c). */
	.notify_delay = 0.25,
	.what = "the journal",
};

struct stream ingest_journal_stream(struct ingest *ing, struct store *st, struct journal *j)
{
	struct jstream *s = xcalloc(1, sizeof *s);
	s->ing = ing;
	s->st = st;
	s->ij.j = j;
	return (struct stream){ .ops = &JOURNAL_STREAM, .arg = s, .name = journal_label(j) };
}
