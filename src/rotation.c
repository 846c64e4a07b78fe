/* rotation - the follower's rotation decisions (see rotation.h).
 *
 * Pure functions of the facts they are given: no system call, no store, no
 * clock, no allocation. What a decision needs to know is in its arguments;
 * gathering the facts (stat, fstat, first bytes, rotate_find, store lookups)
 * and carrying the decisions out is logpath.c's job.
 */
#include "rotation.h"

int rotation_same(struct rotation_id a, struct rotation_id b)
{
	return a.ino != 0 && a.dev == b.dev && a.ino == b.ino;
}

int rotation_holds(const struct rotation_held *held, int n, struct rotation_id id)
{
	for (int j = 0; j < n; j++)
		if (rotation_same(held[j].open, id))
			return j;
	return -1;
}

/* The watcher's event names the file cur's row names. */
static int row_is(const struct rotation_held *cur, struct rotation_id ev)
{
	return cur != NULL && cur->row.dev == ev.dev && cur->row.ino == ev.ino;
}

enum rotation_act rotation_on_event(enum watch_kind kind, struct rotation_id ev,
				    const struct rotation_held *cur, struct rotation_id path)
{
	switch (kind) {
	case WATCH_MOVED:
		/* The file we hold open is the judge: its inode cannot be
		 * reused while it is open. */
		if (!row_is(cur, ev) || rotation_same(cur->open, path))
			return ROTATION_NONE;
		return ROTATION_ROTATED;
	case WATCH_CREATED:
		if (cur == NULL)
			return ROTATION_NEW;
		return row_is(cur, ev) ? ROTATION_NONE : ROTATION_REPLACED;
	case WATCH_GREW:
	case WATCH_TRUNCATED:
		break;
	}
	return ROTATION_NONE;
}

int rotation_take_back(struct rotation_id opened, const struct rotation_held *old, int nold)
{
	for (int j = 0; j < nold; j++)
		if (!old[j].frozen && rotation_same(old[j].open, opened))
			return j;
	return -1;
}

int rotation_truncated(uint64_t pos, uint64_t size, int same_head)
{
	return (size != UINT64_MAX && size < pos) || !same_head;
}

enum rotation_copy rotation_copy(int found, int complete)
{
	if (!found)
		return ROTATION_COPY_NONE;
	return complete ? ROTATION_COPY_COMPLETE : ROTATION_COPY_FINISH;
}

int rotation_quiet(int dirty, double quiet_since, double now, double grace)
{
	return !dirty && now - quiet_since >= grace;
}

/* ---- on start -------------------------------------------------------------- */

static int ts_before(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec < b->tv_sec || (a->tv_sec == b->tv_sec && a->tv_nsec < b->tv_nsec);
}

void rotation_start_init(struct rotation_start *rs, int nrows, double newest_updated)
{
	*rs = (struct rotation_start){ .nrows = nrows };
	if (nrows > 0) {
		rs->after.tv_sec = (time_t)newest_updated;
		rs->after.tv_nsec = (long)((newest_updated - (double)rs->after.tv_sec) * 1e9);
	}
}

enum rotation_row_act rotation_start_row(struct rotation_start *rs, const struct rotation_row *row,
					 int newest)
{
	if (row->in_cur)
		return ROTATION_ROW_CURRENT;
	if (!row->found) {
		/* no copy: ingest_attach() re-reads the current file, skipping
		 * what is stored */
		if (newest && row->cut_in_cur)
			return ROTATION_ROW_REREAD;
		/* the file read last is gone: an unknown file modified after
		 * the newest older file found was written after it */
		if (newest && rs->found.tv_sec > 0 && ts_before(&rs->found, &rs->after))
			rs->after = rs->found;
		return newest && row->pos > 0 ? ROTATION_ROW_LOST : ROTATION_ROW_GONE;
	}
	/* found rotated: what was written after it (its mtime) is newer */
	if (newest && ts_before(&row->mtime, &rs->after))
		rs->after = row->mtime;
	else if (!newest && ts_before(&rs->found, &row->mtime))
		rs->found = row->mtime;
	return row->complete ? ROTATION_ROW_DONE : ROTATION_ROW_FINISH;
}

const struct timespec *rotation_start_after(const struct rotation_start *rs)
{
	return rs->nrows > 0 ? &rs->after : NULL;
}

/* Is the row id read already (the current file or one being finished)? */
static int row_in_use(const struct rotation_held *cur, const struct rotation_held *old, int nold,
		      int64_t id)
{
	for (int j = 0; j < nold; j++)
		if (old[j].attached && old[j].id == id)
			return 1;
	return cur && cur->attached && cur->id == id;
}

enum rotation_sibling_act rotation_between(const struct rotation_sibling *s, struct rotation_id path,
					   const struct rotation_held *cur,
					   const struct rotation_held *old, int nold,
					   const struct timespec *after)
{
	/* the open file, not the row's identity: a copy finished under the
	 * row of the file truncated in place has an inode of its own */
	if (rotation_same(path, s->id) || rotation_holds(old, nold, s->id) >= 0)
		return ROTATION_SKIP;
	switch (s->stored) {
	case 0:
		return after != NULL && ts_before(after, &s->mtime) ? ROTATION_READ_WHOLE
								     : ROTATION_SKIP;
	case 1:
		if (s->size <= s->pos || row_in_use(cur, old, nold, s->row) || s->row_in_cur)
			return ROTATION_SKIP;
		return ROTATION_FINISH_FROM;
	default:
		return ROTATION_SKIP;
	}
}
