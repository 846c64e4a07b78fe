/* logpath - one followed log path through rotation, truncation and restart
 * (see logpath.h).
 *
 * Owns the files of one path: the current file and the rotated ones still
 * being finished, oldest first. Decides nothing itself: it gathers the
 * facts (stat of the path, fstat of held files, first bytes, rotate_find,
 * the store's rows of the path) and does what rotation.c decides. It never
 * reads lines or commits: the host does (struct logpath_host), so a file's
 * committed offset only moves in the host's committed transactions.
 * Must not depend on the poll loop, the commit policy, ingest's internals
 * or SQL (rows through the store's API only).
 */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include "clock.h"
#include "logpath.h"
#include "rotate.h"
#include "rotation.h"
#include "store_status.h"

#define OLD_CHECK 0.25		/* seconds between reads of rotated files */
#define OPEN_RETRY_FIRST 1.0	/* an unopenable path is tried again after this, */
#define OPEN_RETRY_MAX 30.0	/* doubling up to this, for ever */

static void say(const struct logpath_host *h, int warn, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void say(const struct logpath_host *h, int warn, const char *fmt, ...)
{
	char msg[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	h->note(h->arg, warn, msg);
}

void logfile_close(struct logfile *ff)
{
	source_free(ff->src);
	memset(ff, 0, sizeof *ff);
}

void logpath_release(struct logpath *p)
{
	logfile_close(&p->cur);
	for (int j = 0; j < p->nold; j++)
		logfile_close(&p->old[j]);
	p->nold = 0;
	free(p->path);
	p->path = NULL;
}

/* Removes old[j], keeping the order of the others. */
static void drop_old(struct logpath *p, int j)
{
	memmove(&p->old[j], &p->old[j + 1], (size_t)(p->nold - j - 1) * sizeof p->old[0]);
	memset(&p->old[--p->nold], 0, sizeof p->old[0]);
}

static struct rotation_id id_of(const struct stat *sb)
{
	return (struct rotation_id){ sb->st_dev, sb->st_ino };
}

/* What the rotation decisions know of ff (rotation.h): the file its
 * descriptor has open (an adopted copy's is.ident names the file it was
 * copied from), its row's file, the row. */
static struct rotation_held held_of(const struct logfile *ff)
{
	struct stat o;
	struct rotation_held r = { .row = { ff->is.ident.dev, ff->is.ident.ino },
				   .attached = ff->attached, .id = ff->is.id, .frozen = ff->frozen };
	if (ff->src && fstat(source_fd(ff->src), &o) == 0)
		r.open = id_of(&o);
	return r;
}

/* The files p finishes, as the decisions see them, in out; how many. */
static int old_held(const struct logpath *p, struct rotation_held *out)
{
	for (int j = 0; j < p->nold; j++)
		out[j] = held_of(&p->old[j]);
	return p->nold;
}

/* What the path names now (ino 0: nothing). */
static struct rotation_id path_id(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 ? id_of(&sb) : (struct rotation_id){ 0, 0 };
}

/* ---- opening ---------------------------------------------------------------- */

/* The path cannot be opened (why): say so once, record it for `check`,
 * and try again with back-off, for ever. */
static void open_failed(struct logpath *p, const struct logpath_host *h, const char *why)
{
	char err[512], when[32];
	time_t now = time(NULL);
	struct tm tm;
	if (p->unreadable_since == 0) {
		p->unreadable_since = (double)now;
		p->open_backoff = OPEN_RETRY_FIRST;
		h->count(h->arg, LOGPATH_UNREADABLE);
		gmtime_r(&now, &tm);
		strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
		say(h, 1, "%s: not reading %s since %s: %s; trying again (every %g s at most)",
		    p->path, p->path, when, why, OPEN_RETRY_MAX);
	} else if ((p->open_backoff *= 2) > OPEN_RETRY_MAX) {
		p->open_backoff = OPEN_RETRY_MAX;
	}
	p->open_retry_at = clock_mono() + p->open_backoff;
	if (store_unreadable_set(h->st, p->path, p->unreadable_since, why, err, sizeof err) < 0)
		say(h, 1, "%s", err);
}

static void open_ok(struct logpath *p, const struct logpath_host *h)
{
	char err[512];
	if (p->unreadable_since == 0)
		return;
	say(h, 0, "%s: readable again after %.0f s", p->path, (double)time(NULL) - p->unreadable_since);
	p->unreadable_since = p->open_retry_at = p->open_backoff = 0;
	if (store_unreadable_clear(h->st, p->path, err, sizeof err) < 0)
		say(h, 1, "%s", err);
}

int logpath_not_regular(const struct source *src, const char *path, char *err, size_t errlen)
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
static int take_back(struct logpath *p, const struct logpath_host *h)
{
	struct rotation_held old[LOGPATH_OLD_MAX];
	struct stat sb;
	int j;
	if (fstat(source_fd(p->cur.src), &sb) != 0 ||
	    (j = rotation_take_back(id_of(&sb), old, old_held(p, old))) < 0)
		return 0;
	logfile_close(&p->cur);
	p->cur = p->old[j];
	drop_old(p, j);
	say(h, 0, "%s: the rotated file is back at its path; reading it on", p->path);
	return 1;
}

/* Opens the file at p->path as the current file: 1 a new one, 2 a rotated
 * one taken back (take_back), 0 when it does not exist (the watcher tells
 * when it appears), -1 when it cannot be opened (tried again later). */
static int open_cur(struct logpath *p, const struct logpath_host *h)
{
	char err[1024];
	struct stat sb;
	p->open_retry_at = 0;
	if (stat(p->path, &sb) != 0 && errno == ENOENT) {
		if (p->unreadable_since > 0)	/* gone meanwhile: keep looking */
			p->open_retry_at = clock_mono() + p->open_backoff;
		return 0;
	}
	p->cur.src = source_open(p->path, err, sizeof err);
	if (p->cur.src && logpath_not_regular(p->cur.src, p->path, err, sizeof err))
		logfile_close(&p->cur);
	if (p->cur.src == NULL) {
		const char *why = strrchr(err, ':');
		open_failed(p, h, why && why[1] ? why + 2 : err);
		return -1;
	}
	open_ok(p, h);
	if (take_back(p, h))
		return 2;
	h->attach(h->arg, &p->cur);	/* retried by the read pass when it fails */
	return 1;
}

/* ---- rotated files ------------------------------------------------------------ */

/* Whether ff holds bytes not read yet (or a last line without newline). */
static int unread(const struct logfile *ff)
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
static void close_oldest(struct logpath *p, const struct logpath_host *h)
{
	struct logfile *o = &p->old[0];
	while (!o->frozen && o->attached && h->read(h->arg, o) > 0)
		;
	if (h->flush(h->arg) < 0 || o->dirty || unread(o)) {
		h->count(h->arg, LOGPATH_GAP);
		say(h, 1, "%s: too many rotated files open; closing %s with lines unread",
		    p->path, source_path(o->src));
	}
	logfile_close(o);
	drop_old(p, 0);
}

/* Makes the current file a rotated one (read on until quiet). */
static void cur_to_old(struct logpath *p, const struct logpath_host *h)
{
	if (p->nold == LOGPATH_OLD_MAX)
		close_oldest(p, h);
	p->old[p->nold] = p->cur;
	p->old[p->nold].quiet_since = clock_mono();
	p->nold++;
	memset(&p->cur, 0, sizeof p->cur);
}

/* Adds the found file s as a rotated file of p, read from the remembered
 * row's offset under that row. */
static int adopt_sibling(struct logpath *p, const struct logpath_host *h, struct rotate_sibling *s,
			 const struct ingest_source *is, uint64_t committed, int dirty)
{
	char err[1024];
	struct logfile *ff;
	if (p->nold == LOGPATH_OLD_MAX || source_seek(s->src, is->pos.at, err, sizeof err) < 0) {
		if (p->nold < LOGPATH_OLD_MAX)
			say(h, 1, "%s", err);
		source_free(s->src);
		s->src = NULL;
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
	ff->quiet_since = clock_mono();
	s->src = NULL;
	return 0;
}

/* What the store remembers of the file at full: 1 (row in *ss), 0 unknown,
 * -1 when it cannot be opened or looked up. */
static int stored_as(const struct logpath_host *h, const char *full, struct store_source *ss)
{
	char err[256];
	struct source_ident id;
	struct source *src = source_open(full, err, sizeof err);
	int r = -1;
	if (src && source_ident(src, &id) == 0)
		r = store_source_find(h->st, full, &id, source_same_file_cb, src, ss, err, sizeof err);
	source_free(src);
	return r;
}

/* Is the current file the file of row: its inode, not born again (where
 * birth times are known), starting with the bytes the row was
 * fingerprinted from? The inode alone is not enough: a file created while
 * stopped may have the number of the file deleted before it. */
static int cur_is_row_file(struct logfile *cur, const struct store_source *row)
{
	return cur->src && cur->is.ident.dev == row->ident.dev && cur->is.ident.ino == row->ident.ino &&
	       !source_ident_reborn(&cur->is.ident, &row->ident) && source_same_file(cur->src, &row->ident);
}

/* ... with the stored offset within it? */
static int cur_matches(struct logfile *cur, const struct store_source *row)
{
	return cur->src && row->pos.at <= source_size(cur->src) && cur_is_row_file(cur, row);
}

/* ---- start ----------------------------------------------------------------- */

/* rotate_newer()'s filter for the files next to the path on start: skips
 * those rotation_between() finds nothing to read in. */
struct between_ctx {
	struct logpath *p;
	const struct logpath_host *h;
	const struct timespec *after;	/* NULL: no unknown file is read */
};

static int between_skip(void *arg, const char *full, const struct stat *sb)
{
	struct between_ctx *c = arg;
	struct rotation_held old[LOGPATH_OLD_MAX], cur = held_of(&c->p->cur);
	struct store_source ss;
	struct rotation_sibling s = { .id = id_of(sb), .size = (uint64_t)sb->st_size,
				      .mtime = sb->st_mtim };
	if ((s.stored = stored_as(c->h, full, &ss)) == 1) {
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
static void read_between(struct logpath *p, const struct logpath_host *h, const struct timespec *after)
{
	struct rotate_file b[LOGPATH_OLD_MAX];
	struct between_ctx ctx = { p, h, after };
	int nb = rotate_newer(p->path, &(struct timespec){ 0, 0 }, between_skip, &ctx, b,
			      LOGPATH_OLD_MAX - p->nold);
	for (int i = 0; i < nb; i++) {
		char err[1024];
		struct store_source ss;
		struct logfile *ff = &p->old[p->nold];
		int known = stored_as(h, b[i].path, &ss);
		memset(ff, 0, sizeof *ff);
		if (known < 0 || (ff->src = source_open(b[i].path, err, sizeof err)) == NULL) {
			if (known >= 0)
				say(h, 1, "%s", err);
			continue;
		}
		if (known) {
			struct rotate_sibling s = { .src = ff->src };
			struct ingest_source is = { .id = ss.id, .ident = ss.ident, .pos = ss.pos };
			ff->src = NULL;
			if (adopt_sibling(p, h, &s, &is, ss.pos.at, 0) == 0)
				say(h, 0, "%s: finishing %s (left unfinished) from offset %" PRIu64,
				    p->path, b[i].path, ss.pos.at);
			continue;
		}
		p->nold++;
		say(h, 0, "%s: reading %s whole (rotated in between while stopped)", p->path, b[i].path);
		h->attach(h->arg, ff);	/* retried by the read pass when it fails */
	}
}

/* What the start-up decision about row i means (rotation_start_row()). */
static void start_row(struct logpath *p, const struct logpath_host *h, const struct store_source *row,
		      enum rotation_row_act act, struct rotate_sibling *s)
{
	struct ingest_source is = { .id = row->id, .ident = row->ident, .pos = row->pos };
	switch (act) {
	case ROTATION_ROW_REREAD:
		say(h, 0, "%s: truncated while stopped to %" PRIu64 " bytes, below the stored "
		    "position %" PRIu64 " (same inode %ju); reading it again from the start, "
		    "lines already stored are skipped", p->path, source_size(p->cur.src),
		    row->pos.at, (uintmax_t)row->ident.ino);
		break;
	case ROTATION_ROW_LOST:
		h->count(h->arg, LOGPATH_GAP);
		say(h, 1, "%s: the file read last (inode %ju, up to offset %" PRIu64 ") is gone; "
		    "lines written to it after that are lost", p->path, (uintmax_t)row->ident.ino,
		    row->pos.at);
		break;
	case ROTATION_ROW_FINISH:
		if (adopt_sibling(p, h, s, &is, row->pos.at, 0) == 0)
			say(h, 0, "%s: finishing %s (rotated while stopped) from offset %" PRIu64,
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
static int finish_remembered(struct logpath *p, const struct logpath_host *h, char *err, size_t errlen)
{
	struct store_source rows[LOGPATH_RECENT];
	struct rotation_start rs;
	struct stat cur_sb, *exclude = NULL;
	int n = store_source_recent(h->st, p->path, rows, LOGPATH_RECENT, err, errlen);
	if (n < 0)
		return -1;
	if (p->cur.src && stat(p->path, &cur_sb) == 0)
		exclude = &cur_sb;
	if (p->cur.src)
		source_ident(p->cur.src, &p->cur.is.ident);
	rotation_start_init(&rs, n, n > 0 ? rows[n - 1].updated : 0);
	for (int i = 0; i < n; i++) {
		struct rotate_sibling s = { .src = NULL };
		struct rotation_row r = { .id = { rows[i].ident.dev, rows[i].ident.ino },
					  .pos = rows[i].pos.at,
					  .in_cur = cur_matches(&p->cur, &rows[i]) };
		r.cut_in_cur = !r.in_cur && cur_is_row_file(&p->cur, &rows[i]);
		if (!r.in_cur &&
		    (r.found = rotate_find(p->path, &rows[i].ident, rows[i].pos.at, exclude, 1, &s))) {
			r.complete = s.complete;
			r.mtime = s.mtime;
		}
		start_row(p, h, &rows[i], rotation_start_row(&rs, &r, i == n - 1), &s);
	}
	read_between(p, h, rotation_start_after(&rs));
	return 0;
}

int logpath_start(struct logpath *p, const struct logpath_host *h, char *err, size_t errlen)
{
	if (stat(p->path, &(struct stat){ 0 }) == 0 &&
	    ((p->cur.src = source_open(p->path, err, errlen)) == NULL ||
	     logpath_not_regular(p->cur.src, p->path, err, errlen)))
		goto fail;
	if (finish_remembered(p, h, err, errlen) < 0)
		goto fail;
	if (p->cur.src == NULL)
		say(h, 0, "%s: does not exist yet; waiting for it", p->path);
	else if (h->attach(h->arg, &p->cur) < 0)
		say(h, 1, "%s: cannot record the file in the database yet; retrying", p->path);
	return 0;
fail:
	logfile_close(&p->cur);
	return -1;
}

/* ---- while running ------------------------------------------------------------ */

void logpath_event(struct logpath *p, const struct logpath_host *h, const struct watch_event *ev)
{
	if (ev->kind != WATCH_MOVED && ev->kind != WATCH_CREATED)
		return;	/* growth and truncation: logpath_check() and the read pass look */
	struct rotation_held cur = held_of(&p->cur);
	struct rotation_id path = ev->kind == WATCH_MOVED ? path_id(p->path) : (struct rotation_id){ 0, 0 };
	switch (rotation_on_event(ev->kind, (struct rotation_id){ ev->file.dev, ev->file.ino },
				  p->cur.src ? &cur : NULL, path)) {
	case ROTATION_ROTATED:
		say(h, 0, "%s: rotated; reading the old file to its end", p->path);
		h->count(h->arg, LOGPATH_ROTATION);
		cur_to_old(p, h);
		break;
	case ROTATION_REPLACED:
		h->count(h->arg, LOGPATH_ROTATION);
		cur_to_old(p, h);
		/* fall through */
	case ROTATION_NEW:
		if (open_cur(p, h) == 1)
			say(h, 0, "%s: new file; reading it from the start", p->path);
		break;
	case ROTATION_NONE:
		break;
	}
}

/* Has the current file been truncated in place (or rewritten) since read? */
static int cur_replaced(struct logfile *cur)
{
	struct stat sb;
	if (!cur->attached || cur->frozen || !source_is_seekable(cur->src))
		return 0;
	uint64_t size = fstat(source_fd(cur->src), &sb) == 0 ? (uint64_t)sb.st_size : UINT64_MAX;
	return rotation_truncated(cur->is.pos.at, size,
				  size < cur->is.pos.at || source_same_file(cur->src, &cur->is.ident));
}

/* copytruncate: finish the copy if there is one, then start the path over.
 * When the open file cannot even be examined (fstat fails: an I/O error),
 * its size is unknown: the copy is looked for all the same, the open file
 * left out by the identity its row names (it is the file the path named
 * when it was opened), and a warning says why. */
static void on_truncated(struct logpath *p, const struct logpath_host *h)
{
	struct rotate_sibling s = { .src = NULL };
	struct stat sb;
	struct logfile *cur = &p->cur;
	int why = 0;

	h->count(h->arg, LOGPATH_TRUNCATION);
	if (fstat(source_fd(cur->src), &sb) != 0) {
		why = errno;
		memset(&sb, 0, sizeof sb);
		sb.st_dev = cur->is.ident.dev;
		sb.st_ino = cur->is.ident.ino;
		say(h, 1, "%s: cannot examine the open file (%s); taking it as truncated in place",
		    p->path, strerror(why));
	}
	int found = rotate_find(p->path, &cur->is.ident, cur->is.pos.at, &sb, 1, &s);
	enum rotation_copy copy = rotation_copy(found, s.complete);
	if (copy == ROTATION_COPY_FINISH &&
	    adopt_sibling(p, h, &s, &cur->is, cur->committed, cur->dirty) == 0) {
		say(h, 0, "%s: truncated in place (copytruncate); finishing its copy %s from offset %"
		    PRIu64, p->path, s.path, cur->is.pos.at);
		p->old[p->nold - 1].quiet_since = clock_mono();
		logfile_close(cur);
	} else {
		if (copy == ROTATION_COPY_COMPLETE)
			say(h, 0, "%s: truncated in place (copytruncate); its copy %s holds nothing "
			    "unread", p->path, s.path);
		else if (why) {
			h->count(h->arg, LOGPATH_GAP);
			say(h, 1, "%s: no copy found next to it; lines written after offset %" PRIu64
			    " are lost", p->path, cur->is.pos.at);
		} else {
			h->count(h->arg, LOGPATH_GAP);
			say(h, 1, "%s: truncated in place to %jd bytes, below the read position %"
			    PRIu64 ", and no copy found next to it; lines written after the last "
			    "read are lost", p->path, (intmax_t)sb.st_size, cur->is.pos.at);
		}
		cur->frozen = 1;
		cur_to_old(p, h);
	}
	open_cur(p, h);
}

void logpath_check(struct logpath *p, const struct logpath_host *h)
{
	if (p->cur.src == NULL && p->open_retry_at > 0 && clock_mono() >= p->open_retry_at &&
	    open_cur(p, h) == 1)
		say(h, 0, "%s: new file; reading it from the start", p->path);
	if (p->cur.src && !p->cur.attached && h->attach(h->arg, &p->cur) < 0)
		return;
	if (p->cur.src && cur_replaced(&p->cur))
		on_truncated(p, h);
}

void logpath_close_quiet(struct logpath *p, const struct logpath_host *h, double now)
{
	for (int j = 0; j < p->nold;) {
		struct logfile *o = &p->old[j];
		if (!rotation_quiet(o->dirty, o->quiet_since, now, h->grace)) {
			j++;
			continue;
		}
		if (!o->frozen && source_pending(o->src) > 0)
			say(h, 1, "%s: closed with an unfinished last line (%zu bytes)",
			    source_path(o->src), source_pending(o->src));
		h->count(h->arg, LOGPATH_FINISHED);
		logfile_close(o);
		drop_old(p, j);
	}
}

double logpath_due(const struct logpath *p, double now, double due)
{
	if (p->nold > 0 || (p->cur.src && !p->cur.attached))
		due = now + OLD_CHECK < due ? now + OLD_CHECK : due;
	if (p->open_retry_at > 0 && p->open_retry_at < due)
		due = p->open_retry_at;
	return due;
}
