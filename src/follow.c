/* follow - the tail loop (see follow.h).
 *
 * Owns the poll loop, the commit policy, stdin and the stream, and the
 * followed paths (struct logpath each: the current file and the rotated
 * files still being finished). What happens to a path's files through
 * rotation, truncation and restart is logpath.c's (which does what
 * rotation.c decides); it reads and commits through this file's
 * logpath_host callbacks.
 * Invariants: ff->committed only moves after a successful commit; after a
 * failed one every file is seeked back to it, so a line is either in a
 * committed transaction together with the checkpoint past it, or will be
 * read again. A frozen file (logpath.h) is never read again.
 * Knows nothing of SQL or log formats: lines go to ingest, checkpoints to
 * the store's API.
 */
#include <errno.h>
#include <inttypes.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "clock.h"
#include "follow.h"
#include "logpath.h"
#include "stream.h"
#include "waitsig.h"
#include "xmalloc.h"

#define BACKOFF_FIRST 0.5
#define BACKOFF_MAX 30.0
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

struct follow {
	struct store *st;
	struct ingest *ing;
	struct episodes *ep;
	struct follow_opts o;
	struct watch *w;	/* NULL until a file path is added */
	struct logpath *p;
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
	struct logpath_host host;	/* what each path asks of the follower */
};

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

/* ---- what a logpath asks of the follower (logpath.h) ----------------------- */

static int attach_new(struct follow *f, struct logfile *ff);
static int read_file(struct follow *f, struct logfile *ff, unsigned cap);

static int host_attach(void *arg, struct logfile *ff)
{
	return attach_new(arg, ff);
}

static int host_read(void *arg, struct logfile *ff)
{
	struct follow *f = arg;
	return read_file(f, ff, f->o.batch_lines);
}

static int host_flush(void *arg)
{
	char err[1024];
	return follow_flush(arg, err, sizeof err);
}

static void host_count(void *arg, enum logpath_count what)
{
	struct follow_stats *s = &((struct follow *)arg)->stats;
	switch (what) {
	case LOGPATH_ROTATION: s->rotations++; break;
	case LOGPATH_TRUNCATION: s->truncations++; break;
	case LOGPATH_FINISHED: s->finished++; break;
	case LOGPATH_GAP: s->gaps++; break;
	case LOGPATH_UNREADABLE: s->unreadable++; break;
	}
}

static void host_note(void *arg, int warn, const char *msg)
{
	struct follow *f = arg;
	if (f->o.note)
		f->o.note(f->o.note_arg, warn, msg);
}

/* The path cannot be opened (why): say so once, record it for `check`,
 * and try again with back-off, for ever. */
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
	f->host = (struct logpath_host){ .arg = f, .st = st, .grace = f->o.grace,
					 .attach = host_attach, .read = host_read, .flush = host_flush,
					 .count = host_count, .note = host_note };
	return f;
}

void follow_free(struct follow *f)
{
	if (f == NULL)
		return;
	for (int i = 0; i < f->np; i++)
		logpath_release(&f->p[i]);
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
static struct logfile *next_file(struct follow *f, int *i)
{
	for (;;) {
		int pi = *i / (LOGPATH_OLD_MAX + 1), k = *i % (LOGPATH_OLD_MAX + 1);
		if (pi >= f->np)
			return NULL;
		(*i)++;
		struct logpath *p = &f->p[pi];
		if (k < p->nold)
			return &p->old[k];
		if (k == LOGPATH_OLD_MAX) {
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
	struct logfile *ff;

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
	f->retry_at = clock_mono() + f->backoff;
	f->stats.failed_commits++;
	say(f, 1, "database: %s; %u line%s not checkpointed (read again after a retry in %.1f s)",
	    why, kept, kept == 1 ? "" : "s", f->backoff);
}

/* A fingerprint taken while the file was short covers few bytes: widen it
 * to what the file has now, so a later start can tell it from a file
 * truncated and refilled in place. */
static void widen_ident(struct logfile *ff)
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
	struct logfile *ff, *last = NULL;
	int i = 0, r;
	double t0 = clock_mono();

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
	double t1 = clock_mono();
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
static int attach_new(struct follow *f, struct logfile *ff)
{
	char err[1024];
	if (f->retry_at > clock_mono())
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
	ff->quiet_since = clock_mono();
	if (ff->is.resumed && ff->is.pos.at > 0)
		say(f, 0, "%s: resuming at offset %" PRIu64, source_path(ff->src), ff->is.pos.at);
	return 0;
}

static int add_stdin(struct follow *f, struct logpath *p, char *err, size_t errlen)
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
	struct logpath *p;
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
	if ((p->widx = watch_add(f->w, path, err, errlen)) < 0 ||
	    logpath_start(p, &f->host, err, errlen) < 0)
		goto fail;
	f->more = 1;	/* read what is there without waiting for a change */
	return 0;
fail:
	logpath_release(p);
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
		f->first_pending = clock_mono();
	f->pending += (unsigned)n;
	if ((unsigned)n == (cap < room ? cap : room))
		f->more = 1;
	return n;
}

/* ---- reading ------------------------------------------------------------------ */

/* Reads up to cap lines of ff. Returns lines read, -1 after a store error
 * (rolled back). */
static int read_file(struct follow *f, struct logfile *ff, unsigned cap)
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
			f->first_pending = clock_mono();
		n++;
	}
	if (r < 0)
		say(f, 1, "%s", err);
	else if (r == 0 && !ff->bad_said && source_bad_data(ff->src)) {
		/* a damaged .gz (a rotated copy cut short): reading ended there */
		ff->bad_said = 1;
		f->stats.gaps++;
		say(f, 1, "%s: %s; lines after it are lost (every complete line before it is read)",
		    source_path(ff->src), source_bad_data(ff->src));
	}
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
		f->stream_last = clock_mono();
		any = 1;
	}
	for (int i = 0; i < f->np; i++) {
		struct logpath *p = &f->p[i];
		for (int j = 0; j < p->nold; j++) {
			struct logfile *o = &p->old[j];
			if (o->src)
				source_verify(o->src, NULL);
			int n = o->frozen ? 0 : read_file(f, o, f->o.batch_lines);
			if (n < 0)
				return;
			if (n > 0)
				o->quiet_since = now;
			any |= n > 0;
		}
		logpath_check(p, &f->host);
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
		f->last_line = clock_mono();
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
	for (int i = 0; i < f->np; i++)
		due = logpath_due(&f->p[i], now, due);
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
	} else if (waitsig_poll(&pfd, pfd.fd >= 0, timeout) < 0 && errno != EINTR) {
		snprintf(err, errlen, "%s: %s", what, strerror(errno));
		return -1;
	}
	for (int i = 0; i < n; i++)
		for (int k = 0; k < f->np; k++)
			if (f->p[k].widx == ev[i].index)
				logpath_event(&f->p[k], &f->host, &ev[i]);
	return f->sr.ops ? f->sr.ops->process(f->sr.arg, err, errlen) : 0;
}

int follow_step(struct follow *f, int max_wait_ms, char *err, size_t errlen)
{
	double now = clock_mono();
	char cerr[1024];

	if (wait_change(f, next_timeout(f, now, max_wait_ms), err, errlen) < 0)
		return -1;
	now = clock_mono();
	if (f->retry_at > now)
		return 0;
	read_all(f, now);
	now = clock_mono();
	if (f->pending > 0 && f->retry_at <= now &&
	    (now >= f->first_pending + f->o.batch_ms / 1000.0 || f->eof ||
	     (!f->more && now >= caught_up_due(f))))
		follow_flush(f, cerr, sizeof cerr);
	for (int i = 0; i < f->np; i++)
		logpath_close_quiet(&f->p[i], &f->host, now);
	return 0;
}
