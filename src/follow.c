/* follow - the tail loop's state machine (see follow.h).
 *
 * Owns, per followed path, the current file and the rotated files still
 * being finished, each a struct ffile: an open source, the ingest_source it
 * feeds (source row, identity, offset read) and the offset last committed.
 * Invariants: ff->committed only moves after a successful commit; after a
 * failed one every file is seeked back to it, so a line is either in a
 * committed transaction together with the checkpoint past it, or will be
 * read again. A file whose fd can no longer be trusted (truncated in place
 * with no copy found) is `frozen`: never read again, kept until committed.
 * Knows nothing of SQL or log formats: lines go to ingest, checkpoints to
 * the store's API. Decides nothing about rotation itself: it gathers the
 * facts (stat of the path, fstat of held files, first bytes, rotate_find,
 * the store's rows) and does what rotation.c decides.
 */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "clock.h"
#include "follow.h"
#include "rotate.h"
#include "rotation.h"
#include "store_status.h"
#include "stream.h"
#include "xmalloc.h"

#define BACKOFF_FIRST 0.5
#define BACKOFF_MAX 30.0
#define OLD_CHECK 0.25		/* seconds between reads of rotated files */
#define OPEN_RETRY_FIRST 1.0	/* an unopenable path is tried again after this, */
#define OPEN_RETRY_MAX 30.0	/* doubling up to this, for ever */
#define EVENTS 32
/* A stream whose descriptor announces records late (the journal: up to
 * 250 ms, stream.h's notify_delay) is looked at again by itself for a while
 * after it last gave a record (mail comes in bursts: a delivery logs
 * several lines within seconds): every (time since that record) /
 * RECHECK_DIV, at least every RECHECK_MIN seconds, for as long as that
 * stays below the descriptor's own delay, i.e. for notify_delay *
 * RECHECK_DIV seconds. A record is then found within about 1/16 of the
 * quiet time before it (10 ms in a stream) instead of up to notify_delay;
 * idle, nothing is due. */
#define RECHECK_MIN 0.01
#define RECHECK_DIV 16

struct ffile {
	struct source *src;	/* NULL: none */
	struct ingest_source is;
	uint64_t committed;	/* offset of the last committed checkpoint */
	int attached;		/* is.id names a committed source row */
	int dirty;		/* lines read since the last commit */
	int frozen;		/* not to be read again */
	double quiet_since;	/* rotated files: when they last gave a line */
};

struct fpath {
	char *path;
	int widx;		/* watch index; -1 for stdin */
	struct ffile cur;
	struct ffile old[FOLLOW_OLD_MAX];
	int nold;
	/* The path names a file we cannot open: since when (wall clock), the
	 * next try (monotonic) and the back-off; 0 when none. */
	double unreadable_since, open_retry_at, open_backoff;
};

struct follow {
	struct store *st;
	struct ingest *ing;
	struct episodes *ep;
	struct follow_opts o;
	struct watch *w;	/* NULL until a file path is added */
	struct fpath *p;
	int np;
	unsigned pending;	/* lines read since the last commit */
	double first_pending, last_line;
	double last_commit;	/* when the last commit of lines ended */
	double retry_at, backoff;
	int more;		/* a read pass stopped at its cap: do not sleep */
	int is_stdin, eof;
	struct stream sr;	/* the stream followed (sr.ops NULL: none) */
	double stream_last;	/* when it last gave a record */
	struct follow_stats stats;
};

static double mono(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

static void say(struct follow *f, int warn, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void say(struct follow *f, int warn, const char *fmt, ...)
{
	char msg[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (f->o.note)
		f->o.note(f->o.note_arg, warn, msg);
}

struct follow *follow_new(struct store *st, struct ingest *ing, struct episodes *ep,
			  const struct follow_opts *o, char *err, size_t errlen)
{
	struct follow *f = xcalloc(1, sizeof *f);
	(void)err;
	(void)errlen;
	f->st = st;
	f->ing = ing;
	f->ep = ep;
	f->o = *o;
	if (f->o.batch_lines == 0)
		f->o.batch_lines = 5000;
	if (f->o.batch_ms == 0)
		f->o.batch_ms = 200;
	if (f->o.idle_ms == 0)
		f->o.idle_ms = f->o.batch_ms / 10 ? f->o.batch_ms / 10 : 1;
	if (!(f->o.grace >= 0))
		f->o.grace = 5;
	if (!(f->o.poll_seconds > 0))
		f->o.poll_seconds = 1;
	f->last_commit = -1e9;	/* the first caught-up pass commits at once */
	return f;
}

static void ff_close(struct ffile *ff)
{
	source_free(ff->src);
	memset(ff, 0, sizeof *ff);
}

static struct rotation_id id_of(const struct stat *sb)
{
	return (struct rotation_id){ sb->st_dev, sb->st_ino };
}

/* What the rotation decisions know of ff (rotation.h): the file its
 * descriptor has open (an adopted copy's is.ident names the file it was
 * copied from), its row's file, the row. */
static struct rotation_held held_of(const struct ffile *ff)
{
	struct stat o;
	struct rotation_held h = { .row = { ff->is.ident.dev, ff->is.ident.ino },
				   .attached = ff->attached, .id = ff->is.id, .frozen = ff->frozen };
	if (ff->src && fstat(source_fd(ff->src), &o) == 0)
		h.open = id_of(&o);
	return h;
}

/* The files p finishes, as the decisions see them, in h; how many. */
static int old_held(const struct fpath *p, struct rotation_held *h)
{
	for (int j = 0; j < p->nold; j++)
		h[j] = held_of(&p->old[j]);
	return p->nold;
}

/* What the path names now (ino 0: nothing). */
static struct rotation_id path_id(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 ? id_of(&sb) : (struct rotation_id){ 0, 0 };
}

void follow_free(struct follow *f)
{
	if (f == NULL)
		return;
	for (int i = 0; i < f->np; i++) {
		ff_close(&f->p[i].cur);
		for (int j = 0; j < f->p[i].nold; j++)
			ff_close(&f->p[i].old[j]);
		free(f->p[i].path);
	}
	free(f->p);
	if (f->sr.ops)
		f->sr.ops->free(f->sr.arg);
	watch_free(f->w);
	free(f);
}

unsigned follow_pending(const struct follow *f) { return f->pending; }
int follow_eof(const struct follow *f) { return f->eof; }
const struct follow_stats *follow_stats(const struct follow *f) { return &f->stats; }

enum watch_mode follow_mode(const struct follow *f)
{
	return f->w ? watch_mode(f->w) : WATCH_INOTIFY;
}

const char *follow_mode_note(const struct follow *f)
{
	return f->w ? watch_note(f->w) : "";
}

/* Every file of every path, rotated ones first: *i is the cursor (start 0). */
static struct ffile *next_file(struct follow *f, int *i)
{
	for (;;) {
		int pi = *i / (FOLLOW_OLD_MAX + 1), k = *i % (FOLLOW_OLD_MAX + 1);
		if (pi >= f->np)
			return NULL;
		(*i)++;
		struct fpath *p = &f->p[pi];
		if (k < p->nold)
			return &p->old[k];
		if (k == FOLLOW_OLD_MAX) {
			if (p->cur.src)
				return &p->cur;
		}
	}
}

/* ---- commits -------------------------------------------------------------- */

/* Rolls back after a store error: every file goes back to its committed
 * offset, the episodes to the store's state, and a retry is scheduled. */
static void fail_store(struct follow *f, const char *why)
{
	char err[512];
	unsigned kept = f->pending;
	int i = 0;
	struct ffile *ff;

	ingest_rollback(f->ing);
	while ((ff = next_file(f, &i)) != NULL) {
		/* The line that failed was taken from its source but not marked
		 * dirty: compare the source's own offset too. */
		if (!ff->attached || (!ff->dirty && source_offset(ff->src) == ff->committed))
			continue;
		if (!source_is_seekable(ff->src)) {
			f->stats.stdin_lost += kept;
		} else if (source_seek(ff->src, ff->committed, err, sizeof err) < 0) {
			say(f, 1, "%s", err);
		}
		ff->is.pos.at = ff->committed;
		ff->dirty = 0;
	}
	if (f->sr.ops && f->sr.ops->rewind(f->sr.arg, err, sizeof err) < 0)
		say(f, 1, "%s", err);
	f->pending = 0;
	if (f->ep && episode_reload(f->ep, err, sizeof err) < 0)
		say(f, 1, "reloading the open block episodes: %s", err);
	f->backoff = f->backoff > 0 ? f->backoff * 2 : BACKOFF_FIRST;
	if (f->backoff > BACKOFF_MAX)
		f->backoff = BACKOFF_MAX;
	f->retry_at = mono() + f->backoff;
	f->stats.failed_commits++;
	say(f, 1, "database: %s; %u line%s not checkpointed (read again after a retry in %.1f s)",
	    why, kept, kept == 1 ? "" : "s", f->backoff);
}

/* A fingerprint taken while the file was short covers few bytes: widen it
 * to what the file has now, so a later start can tell it from a file
 * truncated and refilled in place. */
static void widen_ident(struct ffile *ff)
{
	struct source_ident id;
	if (ff->is.ident.fp_len >= SOURCE_FP_MAX || !source_is_seekable(ff->src) || ff->frozen)
		return;
	if (source_same_file(ff->src, &ff->is.ident) && source_ident(ff->src, &id) == 0 &&
	    id.fp_len > ff->is.ident.fp_len) {
		ff->is.ident.fp = id.fp;
		ff->is.ident.fp_len = id.fp_len;
	}
}

int follow_flush(struct follow *f, char *err, size_t errlen)
{
	struct ffile *ff, *last = NULL;
	int i = 0, r;
	double t0 = mono();

	while ((ff = next_file(f, &i)) != NULL) {
		if (!ff->attached || !ff->dirty)
			continue;
		widen_ident(ff);
		if (last && (store_begin(f->st, err, errlen) < 0 ||
			     store_checkpoint(f->st, last->is.id, &last->is.ident, &last->is.pos,
					      err, errlen) < 0))
			goto fail;
		last = ff;
	}
	if (f->sr.ops && f->sr.ops->checkpoint(f->sr.arg, err, errlen) < 0)
		goto fail;
	r = last ? ingest_commit(f->ing, &last->is, err, errlen)
		 : f->sr.ops ? ingest_finish(f->ing, err, errlen) : store_commit(f->st, err, errlen);
	if (r < 0)
		goto fail;
	if (f->sr.ops)
		f->sr.ops->committed(f->sr.arg);
	for (i = 0; (ff = next_file(f, &i)) != NULL;) {
		ff->committed = ff->is.pos.at;
		ff->dirty = 0;
	}
	double t1 = mono();
	if (f->pending > 0)
		f->last_commit = t1;
	f->pending = 0;
	f->stats.commits++;
	f->stats.commit_seconds += t1 - t0;
	if (f->backoff > 0)
		say(f, 0, "database: writable again; committed");
	f->backoff = 0;
	f->retry_at = 0;
	return 0;
fail:
	fail_store(f, err);
	return -1;
}

/* ---- opening and attaching files ---------------------------------------- */

/* Gives ff a source row: the one the store remembers for this file, else a
 * new one; committed at once, so the row exists before any line uses it. */
static int attach_new(struct follow *f, struct ffile *ff)
{
	char err[1024];
	if (f->retry_at > mono())
		return -1;
	if (follow_flush(f, err, sizeof err) < 0)
		return -1;
	if (ingest_attach(f->ing, ff->src, (time_t)clock_now(), &ff->is, err, sizeof err) < 0 ||
	    ingest_commit(f->ing, &ff->is, err, sizeof err) < 0) {
		fail_store(f, err);
		return -1;
	}
	ff->committed = ff->is.pos.at;
	ff->attached = 1;
	ff->quiet_since = mono();
	if (ff->is.resumed && ff->is.pos.at > 0)
		say(f, 0, "%s: resuming at offset %" PRIu64, source_path(ff->src), ff->is.pos.at);
	return 0;
}

/* The path cannot be opened (why): say so once, record it for `check`,
 * and try again with back-off, for ever. */
static void open_failed(struct follow *f, struct fpath *p, const char *why)
{
	char err[512], when[32];
	time_t now = time(NULL);
	struct tm tm;
	if (p->unreadable_since == 0) {
		p->unreadable_since = (double)now;
		p->open_backoff = OPEN_RETRY_FIRST;
		f->stats.unreadable++;
		gmtime_r(&now, &tm);
		strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
		say(f, 1, "%s: not reading %s since %s: %s; trying again (every %g s at most)",
		    p->path, p->path, when, why, OPEN_RETRY_MAX);
	} else if ((p->open_backoff *= 2) > OPEN_RETRY_MAX) {
		p->open_backoff = OPEN_RETRY_MAX;
	}
	p->open_retry_at = mono() + p->open_backoff;
	if (store_unreadable_set(f->st, p->path, p->unreadable_since, why, err, sizeof err) < 0)
		say(f, 1, "%s", err);
}

static void open_ok(struct follow *f, struct fpath *p)
{
	char err[512];
	if (p->unreadable_since == 0)
		return;
	say(f, 0, "%s: readable again after %.0f s", p->path, (double)time(NULL) - p->unreadable_since);
	p->unreadable_since = p->open_retry_at = p->open_backoff = 0;
	if (store_unreadable_clear(f->st, p->path, err, sizeof err) < 0)
		say(f, 1, "%s", err);
}

/* A FIFO (or device) cannot be followed as a file: no position to resume
 * from, and no end of file while no writer is attached. */
static int not_regular(const struct source *src, const char *path, char *err, size_t errlen)
{
	if (source_is_regular(src))
		return 0;
	snprintf(err, errlen, "%s: not a regular file (a FIFO?): give it on standard input "
		 "instead: bouncewatch tail - < %s", path, path);
	return 1;
}

/* The file just opened at p->path is one still being finished as a rotated
 * file (renamed away and back): one file is read by one reader only, so
 * that one becomes the current file again, read on from where it is (a
 * second reader would take whatever replaces its content later from the
 * old position, unchecked). A frozen one (truncated in place with no copy)
 * is not taken back. Returns 1 when taken back. */
static int take_back(struct follow *f, struct fpath *p)
{
	struct rotation_held old[FOLLOW_OLD_MAX];
	struct stat sb;
	int j;
	if (fstat(source_fd(p->cur.src), &sb) != 0 ||
	    (j = rotation_take_back(id_of(&sb), old, old_held(p, old))) < 0)
		return 0;
	struct ffile *o = &p->old[j];
	ff_close(&p->cur);
	p->cur = *o;
	memmove(o, o + 1, (size_t)(p->nold - j - 1) * sizeof *o);
	memset(&p->old[--p->nold], 0, sizeof *o);
	say(f, 0, "%s: the rotated file is back at its path; reading it on", p->path);
	return 1;
}

/* Opens the file at p->path as the current file: 1 a new one, 2 a rotated
 * one taken back (take_back), 0 when it does not exist (the watcher tells
 * when it appears), -1 when it cannot be opened (tried again by the read
 * pass). */
static int open_cur(struct follow *f, struct fpath *p)
{
	char err[1024];
	struct stat sb;
	p->open_retry_at = 0;
	if (stat(p->path, &sb) != 0 && errno == ENOENT) {
		if (p->unreadable_since > 0)	/* gone meanwhile: keep looking */
			p->open_retry_at = mono() + p->open_backoff;
		return 0;
	}
	p->cur.src = source_open(p->path, err, sizeof err);
	if (p->cur.src && not_regular(p->cur.src, p->path, err, sizeof err))
		ff_close(&p->cur);
	if (p->cur.src == NULL) {
		const char *why = strrchr(err, ':');
		open_failed(f, p, why && why[1] ? why + 2 : err);
		return -1;
	}
	open_ok(f, p);
	if (take_back(f, p))
		return 2;
	attach_new(f, &p->cur);	/* retried by the read pass when it fails */
	return 1;
}

static int read_file(struct follow *f, struct ffile *ff, unsigned cap);

/* Whether ff holds bytes not read yet (or a last line without newline). */
static int unread(const struct ffile *ff)
{
	struct stat sb;
	if (ff->frozen || !source_is_seekable(ff->src))
		return 0;
	return source_pending(ff->src) > 0 ||
	       (fstat(source_fd(ff->src), &sb) == 0 && (uint64_t)sb.st_size > ff->is.pos.at);
}

/* Too many rotated files open: the oldest is read to its end, committed
 * and closed. Lines are lost (and a gap counted) only when that fails or a
 * logger still writes to it later. */
static void close_oldest(struct follow *f, struct fpath *p)
{
	char err[1024];
	struct ffile *o = &p->old[0];
	while (!o->frozen && o->attached && read_file(f, o, f->o.batch_lines) > 0)
		;
	if (follow_flush(f, err, sizeof err) < 0 || o->dirty || unread(o)) {
		f->stats.gaps++;
		say(f, 1, "%s: too many rotated files open; closing %s with lines unread",
		    p->path, source_path(o->src));
	}
	ff_close(o);
	memmove(&p->old[0], &p->old[1], (size_t)(FOLLOW_OLD_MAX - 1) * sizeof p->old[0]);
	memset(&p->old[FOLLOW_OLD_MAX - 1], 0, sizeof p->old[0]);
	p->nold--;
}

/* Makes the current file a rotated one (read on until quiet). */
static void cur_to_old(struct follow *f, struct fpath *p)
{
	if (p->nold == FOLLOW_OLD_MAX)
		close_oldest(f, p);
	p->old[p->nold] = p->cur;
	p->old[p->nold].quiet_since = mono();
	p->nold++;
	memset(&p->cur, 0, sizeof p->cur);
}

/* ---- finishing rotated files ------------------------------------------- */

/* Adds the found file s as a rotated file of p, read from the remembered
 * row's offset under that row. */
static int adopt_sibling(struct follow *f, struct fpath *p, struct rotate_sibling *s,
			 const struct ingest_source *is, uint64_t committed, int dirty)
{
	char err[1024];
	struct ffile *ff;
	if (p->nold == FOLLOW_OLD_MAX || source_seek(s->src, is->pos.at, err, sizeof err) < 0) {
		if (p->nold < FOLLOW_OLD_MAX)
			say(f, 1, "%s", err);
		source_free(s->src);
		return -1;
	}
	ff = &p->old[p->nold++];
	memset(ff, 0, sizeof *ff);
	ff->src = s->src;
	ff->is = *is;
	ff->is.resumed = 1;
	ff->committed = committed;
	ff->dirty = dirty;
	ff->attached = 1;
	ff->quiet_since = mono();
	s->src = NULL;
	return 0;
}

/* What the store remembers of the file at full: 1 (row in *ss), 0 unknown,
 * -1 when it cannot be opened or looked up. */
static int stored_as(struct follow *f, const char *full, struct store_source *ss)
{
	char err[256];
	struct source_ident id;
	struct source *src = source_open(full, err, sizeof err);
	int r = -1;
	if (src && source_ident(src, &id) == 0)
		r = store_source_find(f->st, full, &id, source_same_file_cb, src, ss, err, sizeof err);
	source_free(src);
	return r;
}

/* Is the current file the file of row (identity, first bytes, and the
 * stored offset within it)? */
static int cur_matches(struct ffile *cur, const struct store_source *row)
{
	return cur->src && cur->is.ident.dev == row->ident.dev && cur->is.ident.ino == row->ident.ino &&
	       row->pos.at <= source_size(cur->src) && source_same_file(cur->src, &row->ident);
}

/* rotate_newer()'s filter for the files next to the path on start: skips
 * those rotation_between() finds nothing to read in. */
struct between_ctx {
	struct follow *f;
	struct fpath *p;
	const struct timespec *after;	/* NULL: no unknown file is read */
};

static int between_skip(void *arg, const char *full, const struct stat *sb)
{
	struct between_ctx *c = arg;
	struct rotation_held old[FOLLOW_OLD_MAX], cur = held_of(&c->p->cur);
	struct store_source ss;
	struct rotation_sibling s = { .id = id_of(sb), .size = (uint64_t)sb->st_size,
				      .mtime = sb->st_mtim };
	if ((s.stored = stored_as(c->f, full, &ss)) == 1) {
		s.row = ss.id;
		s.pos = ss.pos.at;
		s.row_in_cur = cur_matches(&c->p->cur, &ss);
	}
	return rotation_between(&s, path_id(c->p->path), c->p->cur.src ? &cur : NULL, old,
				old_held(c->p, old), c->after) == ROTATION_SKIP;
}

/* On start, the files next to p->path that hold lines not stored
 * (rotation_between()): known to the store with bytes past the stored
 * offset, finished from that offset under its row; unknown and modified
 * after `after`, read whole; oldest first. */
static void read_between(struct follow *f, struct fpath *p, const struct timespec *after)
{
	struct rotate_file b[FOLLOW_OLD_MAX];
	struct between_ctx ctx = { f, p, after };
	int nb = rotate_newer(p->path, &(struct timespec){ 0, 0 }, between_skip, &ctx, b,
			      FOLLOW_OLD_MAX - p->nold);
	for (int i = 0; i < nb; i++) {
		char err[1024];
		struct store_source ss;
		struct ffile *ff = &p->old[p->nold];
		int known = stored_as(f, b[i].path, &ss);
		memset(ff, 0, sizeof *ff);
		if (known < 0 || (ff->src = source_open(b[i].path, err, sizeof err)) == NULL) {
			if (known >= 0)
				say(f, 1, "%s", err);
			continue;
		}
		if (known) {
			struct rotate_sibling s = { .src = ff->src };
			struct ingest_source is = { .id = ss.id, .ident = ss.ident, .pos = ss.pos };
			ff->src = NULL;
			if (adopt_sibling(f, p, &s, &is, ss.pos.at, 0) == 0)
				say(f, 0, "%s: finishing %s (left unfinished) from offset %" PRIu64,
				    p->path, b[i].path, ss.pos.at);
			continue;
		}
		p->nold++;
		say(f, 0, "%s: reading %s whole (rotated in between while stopped)", p->path, b[i].path);
		attach_new(f, ff);	/* retried by the read pass when it fails */
	}
}

/* ---- start ----------------------------------------------------------------- */

/* What the start-up decision about row i means (rotation_start_row()). */
static void start_row(struct follow *f, struct fpath *p, const struct store_source *row,
		      enum rotation_row_act act, struct rotate_sibling *s)
{
	struct ingest_source is = { .id = row->id, .ident = row->ident, .pos = row->pos };
	switch (act) {
	case ROTATION_ROW_REREAD:
		say(f, 0, "%s: truncated while stopped to %" PRIu64 " bytes, below the stored "
		    "position %" PRIu64 " (same inode %ju); reading it again from the start, "
		    "lines already stored are skipped", p->path, source_size(p->cur.src),
		    row->pos.at, (uintmax_t)row->ident.ino);
		break;
	case ROTATION_ROW_LOST:
		f->stats.gaps++;
		say(f, 1, "%s: the file read last (inode %ju, up to offset %" PRIu64 ") is gone; "
		    "lines written to it after that are lost", p->path, (uintmax_t)row->ident.ino,
		    row->pos.at);
		break;
	case ROTATION_ROW_FINISH:
		if (adopt_sibling(f, p, s, &is, row->pos.at, 0) == 0)
			say(f, 0, "%s: finishing %s (rotated while stopped) from offset %" PRIu64,
			    p->path, s->path, row->pos.at);
		break;
	case ROTATION_ROW_CURRENT:
	case ROTATION_ROW_DONE:
	case ROTATION_ROW_GONE:
		break;
	}
}

/* Finishes what the store remembers of p->path and the current file does
 * not hold: files rotated (or copied and truncated) while we were stopped;
 * then the files next to the path (read_between) with the threshold the
 * rows gave (rotation.h). */
static int finish_remembered(struct follow *f, struct fpath *p, char *err, size_t errlen)
{
	struct store_source rows[FOLLOW_RECENT];
	struct rotation_start rs;
	struct stat cur_sb, *exclude = NULL;
	int n = store_source_recent(f->st, p->path, rows, FOLLOW_RECENT, err, errlen);
	if (n < 0)
		return -1;
	if (p->cur.src && stat(p->path, &cur_sb) == 0)
		exclude = &cur_sb;
	if (p->cur.src)
		source_ident(p->cur.src, &p->cur.is.ident);
	struct rotation_id cur = { p->cur.is.ident.dev, p->cur.is.ident.ino };
	rotation_start_init(&rs, n, n > 0 ? rows[n - 1].updated : 0);
	for (int i = 0; i < n; i++) {
		struct rotate_sibling s = { .src = NULL };
		struct rotation_row r = { .id = { rows[i].ident.dev, rows[i].ident.ino },
					  .pos = rows[i].pos.at,
					  .in_cur = cur_matches(&p->cur, &rows[i]) };
		if (!r.in_cur &&
		    (r.found = rotate_find(p->path, &rows[i].ident, rows[i].pos.at, exclude, 1, &s))) {
			r.complete = s.complete;
			r.mtime = s.mtime;
		}
		start_row(f, p, &rows[i], rotation_start_row(&rs, &r, i == n - 1, p->cur.src ? &cur : NULL),
			  &s);
	}
	read_between(f, p, rotation_start_after(&rs));
	return 0;
}

static int add_stdin(struct follow *f, struct fpath *p, char *err, size_t errlen)
{
	if (f->np > 1) {
		snprintf(err, errlen, "stdin (-) cannot be followed together with files");
		return -1;
	}
	p->widx = -1;
	if ((p->cur.src = source_open_live_stdin(err, errlen)) == NULL)
		return -1;
	f->is_stdin = 1;
	f->more = 1;
	if (attach_new(f, &p->cur) < 0) {
		snprintf(err, errlen, "stdin: cannot record the source in the database");
		return -1;
	}
	return 0;
}

int follow_add(struct follow *f, const char *path, char *err, size_t errlen)
{
	struct fpath *p;
	if (f->is_stdin || (f->sr.ops && strcmp(path, "-") == 0)) {
		if (f->is_stdin)
			snprintf(err, errlen, "stdin (-) cannot be followed together with files");
		else
			snprintf(err, errlen, "stdin (-) cannot be followed together with %s",
				 f->sr.ops->what);
		return -1;
	}
	f->p = xrealloc(f->p, (size_t)(f->np + 1) * sizeof *f->p);
	p = &f->p[f->np++];
	memset(p, 0, sizeof *p);
	p->path = xstrdup(path);
	if (strcmp(path, "-") == 0)
		return add_stdin(f, p, err, errlen);
	if (f->w == NULL &&
	    (f->w = watch_new(f->o.mode, f->o.poll_seconds, err, errlen)) == NULL)
		goto fail;
	/* Watch first, then open: a change in between is seen as an event. */
	if ((p->widx = watch_add(f->w, path, err, errlen)) < 0)
		goto fail;
	if (stat(path, &(struct stat){ 0 }) == 0 &&
	    ((p->cur.src = source_open(path, err, errlen)) == NULL ||
	     not_regular(p->cur.src, path, err, errlen)))
		goto fail;
	if (finish_remembered(f, p, err, errlen) < 0)
		goto fail;
	f->more = 1;	/* read what is there without waiting for a change */
	if (p->cur.src == NULL)
		say(f, 0, "%s: does not exist yet; waiting for it", path);
	else if (attach_new(f, &p->cur) < 0)
		say(f, 1, "%s: cannot record the file in the database yet; retrying", path);
	return 0;
fail:
	ff_close(&p->cur);
	free(p->path);
	f->np--;
	return -1;
}

int follow_add_stream(struct follow *f, struct stream sr, char *err, size_t errlen)
{
	char note[1024];
	int gap = 0;
	if (f->sr.ops || f->is_stdin) {
		if (f->sr.ops)
			snprintf(err, errlen, "one stream at a time (%s is followed already)", f->sr.name);
		else
			snprintf(err, errlen, "%s cannot be followed together with stdin (-)", sr.ops->what);
		sr.ops->free(sr.arg);
		return -1;
	}
	if (sr.ops->attach(sr.arg, note, sizeof note, &gap, err, errlen) < 0) {
		sr.ops->free(sr.arg);
		return -1;
	}
	f->sr = sr;
	f->stats.gaps += gap > 0;
	if (*note)
		say(f, gap > 0, "%s", note);
	f->more = 1;
	return 0;
}

/* Reads up to cap records of the stream, like read_file(). */
static int read_stream(struct follow *f, unsigned cap)
{
	char err[1024];
	unsigned room = f->o.batch_lines > f->pending ? f->o.batch_lines - f->pending : 0;
	if (room == 0) {
		if (follow_flush(f, err, sizeof err) < 0)
			return -1;
		room = f->o.batch_lines;
	}
	int n = f->sr.ops->read(f->sr.arg, cap < room ? cap : room, err, sizeof err);
	if (n < 0) {
		fail_store(f, err);
		return -1;
	}
	if (n > 0 && f->pending == 0)
		f->first_pending = mono();
	f->pending += (unsigned)n;
	if ((unsigned)n == (cap < room ? cap : room))
		f->more = 1;
	return n;
}

/* ---- events and reading ----------------------------------------------------- */

/* A name event: what it means is rotation_on_event()'s decision. */
static void on_event(struct follow *f, const struct watch_event *ev)
{
	struct fpath *p = NULL;
	for (int i = 0; i < f->np; i++)
		if (f->p[i].widx == ev->index)
			p = &f->p[i];
	if (p == NULL || (ev->kind != WATCH_MOVED && ev->kind != WATCH_CREATED))
		return;	/* growth and truncation: the read pass looks itself */
	struct rotation_held cur = held_of(&p->cur);
	struct rotation_id path = ev->kind == WATCH_MOVED ? path_id(p->path) : (struct rotation_id){ 0, 0 };
	switch (rotation_on_event(ev->kind, (struct rotation_id){ ev->file.dev, ev->file.ino },
				  p->cur.src ? &cur : NULL, path)) {
	case ROTATION_ROTATED:
		say(f, 0, "%s: rotated; reading the old file to its end", p->path);
		f->stats.rotations++;
		cur_to_old(f, p);
		break;
	case ROTATION_REPLACED:
		f->stats.rotations++;
		cur_to_old(f, p);
		/* fall through */
	case ROTATION_NEW:
		if (open_cur(f, p) == 1)
			say(f, 0, "%s: new file; reading it from the start", p->path);
		break;
	case ROTATION_NONE:
		break;
	}
}

/* Has the current file been truncated in place (or rewritten) since read? */
static int cur_replaced(struct ffile *cur)
{
	struct stat sb;
	if (!cur->attached || cur->frozen || !source_is_seekable(cur->src))
		return 0;
	uint64_t size = fstat(source_fd(cur->src), &sb) == 0 ? (uint64_t)sb.st_size : UINT64_MAX;
	return rotation_truncated(cur->is.pos.at, size,
				  size < cur->is.pos.at || source_same_file(cur->src, &cur->is.ident));
}

/* copytruncate: finish the copy if there is one, then start the path over. */
static void on_truncated(struct follow *f, struct fpath *p)
{
	struct rotate_sibling s;
	struct stat sb;
	struct ffile *cur = &p->cur;

	f->stats.truncations++;
	fstat(source_fd(cur->src), &sb);
	int found = rotate_find(p->path, &cur->is.ident, cur->is.pos.at, &sb, 1, &s);
	enum rotation_copy copy = rotation_copy(found, s.complete);
	if (copy == ROTATION_COPY_FINISH &&
	    adopt_sibling(f, p, &s, &cur->is, cur->committed, cur->dirty) == 0) {
		say(f, 0, "%s: truncated in place (copytruncate); finishing its copy %s from offset %"
		    PRIu64, p->path, s.path, cur->is.pos.at);
		p->old[p->nold - 1].quiet_since = mono();
		ff_close(cur);
	} else {
		if (copy == ROTATION_COPY_COMPLETE)
			say(f, 0, "%s: truncated in place (copytruncate); its copy %s holds nothing "
			    "unread", p->path, s.path);
		else {
			f->stats.gaps++;
			say(f, 1, "%s: truncated in place to %jd bytes, below the read position %"
			    PRIu64 ", and no copy found next to it; lines written after the last "
			    "read are lost", p->path, (intmax_t)sb.st_size, cur->is.pos.at);
		}
		cur->frozen = 1;
		cur_to_old(f, p);
	}
	open_cur(f, p);
}

/* Reads up to cap lines of ff. Returns lines read, -1 after a store error
 * (rolled back). */
static int read_file(struct follow *f, struct ffile *ff, unsigned cap)
{
	char err[1024];
	struct source_line l;
	unsigned n = 0;
	int r = 0;

	while (n < cap) {
		if (f->pending >= f->o.batch_lines && follow_flush(f, err, sizeof err) < 0)
			return -1;
		if ((r = source_next(ff->src, &l, err, sizeof err)) <= 0)
			break;
		if (ingest_line(f->ing, &ff->is, &l, err, sizeof err) < 0) {
			fail_store(f, err);
			return -1;
		}
		ff->is.pos.at = l.end;
		ff->dirty = 1;
		if (f->pending++ == 0)
			f->first_pending = mono();
		n++;
	}
	if (r < 0)
		say(f, 1, "%s", err);
	if (n == cap)
		f->more = 1;
	if (!source_is_seekable(ff->src) && source_eof(ff->src))
		f->eof = 1;
	return (int)n;
}

/* Reads every file (rotated ones first); closes rotated files gone quiet. */
static void read_all(struct follow *f, double now)
{
	int any = 0;
	f->more = 0;
	if (f->sr.ops && read_stream(f, f->o.batch_lines) > 0) {
		f->stream_last = mono();
		any = 1;
	}
	for (int i = 0; i < f->np; i++) {
		struct fpath *p = &f->p[i];
		for (int j = 0; j < p->nold; j++) {
			struct ffile *o = &p->old[j];
			if (o->src)
				source_verify(o->src, NULL);
			int n = o->frozen ? 0 : read_file(f, o, f->o.batch_lines);
			if (n < 0)
				return;
			if (n > 0)
				o->quiet_since = now;
			any |= n > 0;
		}
		if (p->cur.src == NULL && p->open_retry_at > 0 && mono() >= p->open_retry_at &&
		    open_cur(f, p) == 1)
			say(f, 0, "%s: new file; reading it from the start", p->path);
		if (p->cur.src && !p->cur.attached && attach_new(f, &p->cur) < 0)
			continue;
		if (p->cur.src && cur_replaced(&p->cur))
			on_truncated(f, p);
		if (p->cur.src && p->cur.attached) {
			/* a copytruncate between the check above and a read below
			 * is caught by the read itself (source_verify) */
			source_verify(p->cur.src, p->cur.frozen ? NULL : &p->cur.is.ident);
			int n = read_file(f, &p->cur, f->o.batch_lines);
			if (n < 0)
				return;
			any |= n > 0;
			if (p->cur.src && source_replaced(p->cur.src))
				f->more = 1;	/* handled at once by the next round */
		}
	}
	if (any)
		f->last_line = mono();
}

/* Closes rotated files quiet for the grace period whose lines are committed. */
static void close_quiet(struct follow *f, double now)
{
	for (int i = 0; i < f->np; i++) {
		struct fpath *p = &f->p[i];
		for (int j = 0; j < p->nold;) {
			struct ffile *o = &p->old[j];
			if (!rotation_quiet(o->dirty, o->quiet_since, now, f->o.grace)) {
				j++;
				continue;
			}
			if (!o->frozen && source_pending(o->src) > 0)
				say(f, 1, "%s: closed with an unfinished last line (%zu bytes)",
				    source_path(o->src), source_pending(o->src));
			f->stats.finished++;
			ff_close(o);
			memmove(o, o + 1, (size_t)(p->nold - j - 1) * sizeof *o);
			memset(&p->old[--p->nold], 0, sizeof *o);
		}
	}
}

/* When lines read by a pass that caught up are committed (follow.h). */
static double caught_up_due(const struct follow *f)
{
	return f->o.gap_ms ? f->last_commit + f->o.gap_ms / 1000.0
			   : f->last_line + f->o.idle_ms / 1000.0;
}

/* Milliseconds until something is due, at most max_ms (-1: none). */
static int next_timeout(struct follow *f, double now, int max_ms)
{
	double due = max_ms < 0 ? 1e300 : now + max_ms / 1000.0;
	if (f->more)
		return 0;
	if (f->retry_at > now) {
		if (f->retry_at < due)
			due = f->retry_at;
	} else if (f->pending > 0) {
		double a = f->first_pending + f->o.batch_ms / 1000.0;
		double b = caught_up_due(f);
		due = a < due ? a : due;
		due = b < due ? b : due;
	}
	for (int i = 0; i < f->np; i++) {
		if (f->p[i].nold > 0 || (f->p[i].cur.src && !f->p[i].cur.attached))
			due = now + OLD_CHECK < due ? now + OLD_CHECK : due;
		if (f->p[i].open_retry_at > 0 && f->p[i].open_retry_at < due)
			due = f->p[i].open_retry_at;
	}
	if (f->sr.ops && f->stream_last > 0 && f->sr.ops->notify_delay > 0 &&
	    now - f->stream_last < f->sr.ops->notify_delay * RECHECK_DIV) {
		double step = (now - f->stream_last) / RECHECK_DIV;
		step = step < RECHECK_MIN ? RECHECK_MIN : step;
		due = now + step < due ? now + step : due;
	}
	if (due >= 1e299)
		return -1;
	return due <= now ? 0 : (int)((due - now) * 1000) + 1;
}

static int wait_change(struct follow *f, int timeout, char *err, size_t errlen)
{
	struct watch_event ev[EVENTS];
	struct pollfd pfd = { .fd = -1, .events = POLLIN };
	const char *what = "waiting";
	int n = 0;
	if (f->is_stdin) {
		pfd.fd = source_fd(f->p[0].cur.src);
		what = "waiting for stdin";
	}
	if (f->sr.ops) {	/* the stream's descriptor and its own deadline join the wait */
		int st = f->sr.ops->timeout_ms(f->sr.arg);
		if (st >= 0 && (timeout < 0 || st < timeout))
			timeout = st;
		if ((pfd.fd = f->sr.ops->fd(f->sr.arg, err, errlen)) < 0)
			return -1;
		what = "waiting for the stream";
	}
	if (f->w) {
		int ready;
		n = pfd.fd >= 0 ? watch_wait_also(f->w, timeout, pfd.fd, &ready, ev, EVENTS, err, errlen)
				: watch_wait(f->w, timeout, ev, EVENTS, err, errlen);
		if (n < 0)
			return -1;
	} else if (poll(&pfd, pfd.fd >= 0, timeout) < 0 && errno != EINTR) {
		snprintf(err, errlen, "%s: %s", what, strerror(errno));
		return -1;
	}
	for (int i = 0; i < n; i++)
		on_event(f, &ev[i]);
	return f->sr.ops ? f->sr.ops->process(f->sr.arg, err, errlen) : 0;
}

int follow_step(struct follow *f, int max_wait_ms, char *err, size_t errlen)
{
	double now = mono();
	char cerr[1024];

	if (wait_change(f, next_timeout(f, now, max_wait_ms), err, errlen) < 0)
		return -1;
	now = mono();
	if (f->retry_at > now)
		return 0;
	read_all(f, now);
	now = mono();
	if (f->pending > 0 && f->retry_at <= now &&
	    (now >= f->first_pending + f->o.batch_ms / 1000.0 || f->eof ||
	     (!f->more && now >= caught_up_due(f))))
		follow_flush(f, cerr, sizeof cerr);
	close_quiet(f, now);
	return 0;
}
