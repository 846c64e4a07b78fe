/* watch - inotify (or stat() polling) on followed log files
 *
 * Owns one inotify descriptor per struct watch and, per followed path, the
 * watch descriptors that cover it and the state last reported. Events from
 * the kernel only mark paths "dirty"; refresh() then compares a fresh
 * stat() with the last reported state, so both modes report through the
 * same comparison (diff()) and the same queue.
 * Invariants: a path's st is what the caller was last told; a watch
 * descriptor is removed only when no other path uses it; the queue holds
 * events in the order they were found.
 * Depends on nothing of bouncewatch but xmalloc; never opens the files.
 */
#include "watch.h"

#include <assert.h>
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "waitsig.h"
#include "xmalloc.h"

/* The directory: this name came, went or was renamed. */
#define DIR_MASK (IN_CREATE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | \
		  IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)
/* The file: written, truncated, attributes (link count, mode) changed. */
#define FILE_MASK (IN_MODIFY | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)

/* Magic numbers of file systems where inotify sees only local changes. */
#define FS_NFS 0x6969
#define FS_SMB 0x517B
#define FS_CIFS 0xFF534D42
#define FS_SMB2 0xFE534D42

struct wpath {
	char *path;
	const char *name;	/* basename, inside path */
	char *tname;		/* basename of a symlink's target, or NULL */
	int dir_wd;		/* the path's directory, -1 if not watched */
	int tdir_wd;		/* the target's directory, -1 if none */
	int file_wd;		/* the file (its inode), -1 if none */
	int dirty;		/* look again at the next refresh */
	int modified;		/* IN_MODIFY seen since the last refresh */
	int replaced;		/* the name was unlinked, renamed or created */
	int poll;		/* inotify coverage incomplete: poll it */
	struct watch_file st;
};

struct watch {
	enum watch_mode mode;
	int fd;			/* inotify, -1 in poll mode */
	int poll_ms;
	int auto_mode;		/* created as WATCH_AUTO: may fall back */
	int64_t next_tick;	/* CLOCK_MONOTONIC ms of the next poll */
	struct wpath *p;
	int np, pcap;
	struct watch_event *q;
	int qhead, nq, qcap;
	char note[PATH_MAX + 64];
};

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Directory part of path: "." for a bare name, "/" for "/name". */
static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

static void look(const char *path, struct watch_file *f)
{
	struct statx sx;

	memset(f, 0, sizeof(*f));
	if (statx(AT_FDCWD, path, 0, STATX_BASIC_STATS | STATX_BTIME, &sx) != 0)
		return;
	f->exists = 1;
	f->dev = makedev(sx.stx_dev_major, sx.stx_dev_minor);
	f->ino = (ino_t)sx.stx_ino;
	f->size = sx.stx_size;
	f->mtime.tv_sec = sx.stx_mtime.tv_sec;
	f->mtime.tv_nsec = sx.stx_mtime.tv_nsec;
	if (sx.stx_mask & STATX_BTIME) {
		f->btime.tv_sec = sx.stx_btime.tv_sec;
		f->btime.tv_nsec = sx.stx_btime.tv_nsec;
	}
}

static int same_file(const struct watch_file *a, const struct watch_file *b)
{
	return a->exists && b->exists && a->dev == b->dev &&
	       a->ino == b->ino && a->btime.tv_sec == b->btime.tv_sec &&
	       a->btime.tv_nsec == b->btime.tv_nsec;
}

static void push(struct watch *w, int index, enum watch_kind kind,
		 const struct watch_file *f)
{
	if (w->qhead == w->nq)
		w->qhead = w->nq = 0;
	if (w->nq == w->qcap) {
		w->qcap = w->qcap ? 2 * w->qcap : 16;
		w->q = xrealloc(w->q, (size_t)w->qcap * sizeof(*w->q));
	}
	w->q[w->nq].index = index;
	w->q[w->nq].kind = kind;
	w->q[w->nq].file = *f;
	w->nq++;
}

/* Reports how old became now; modified: the kernel said "written";
 * replaced: it said the name was unlinked, renamed or created. */
static void diff(struct watch *w, int index, const struct watch_file *old,
		 const struct watch_file *now, int modified, int replaced)
{
	int same = same_file(old, now) && !replaced;

	if (old->exists && !same)
		push(w, index, WATCH_MOVED, old);
	if (!now->exists)
		return;
	if (!same) {
		push(w, index, WATCH_CREATED, now);
		return;
	}
	if (now->size < old->size)
		push(w, index, WATCH_TRUNCATED, now);
	else if (now->size > old->size || modified ||
		 now->mtime.tv_sec != old->mtime.tv_sec ||
		 now->mtime.tv_nsec != old->mtime.tv_nsec)
		push(w, index, WATCH_GREW, now);
}

static int wd_in_use(const struct watch *w, int wd)
{
	for (int i = 0; i < w->np; i++)
		if (w->p[i].file_wd == wd || w->p[i].dir_wd == wd ||
		    w->p[i].tdir_wd == wd)
			return 1;
	return 0;
}

static void drop_wd(struct watch *w, int *wdp)
{
	int wd = *wdp;

	*wdp = -1;
	if (wd >= 0 && !wd_in_use(w, wd))
		inotify_rm_watch(w->fd, wd);	/* EINVAL if already gone */
}

/* Watches dir; -1 with errno on failure. */
static int add_dir(struct watch *w, const char *path_or_dir, int is_dir)
{
	char *dir = is_dir ? xstrdup(path_or_dir) : dir_of(path_or_dir);
	int wd = inotify_add_watch(w->fd, dir, DIR_MASK);
	int saved = errno;

	free(dir);
	errno = saved;
	return wd;
}

/* For a symbolic link: watch the final target's directory (rotation of
 * the target keeps the link but replaces the file behind it). */
static void watch_target(struct watch *w, struct wpath *p)
{
	struct stat sb;
	char *real, *slash;
	int wd;

	if (lstat(p->path, &sb) != 0 || !S_ISLNK(sb.st_mode)) {
		free(p->tname);
		p->tname = NULL;
		drop_wd(w, &p->tdir_wd);
		return;
	}
	real = realpath(p->path, NULL);
	if (!real) {		/* dangling: nothing to name yet */
		p->poll = 1;
		return;
	}
	slash = strrchr(real, '/');
	free(p->tname);
	p->tname = xstrdup(slash + 1);
	*slash = '\0';
	wd = inotify_add_watch(w->fd, *real ? real : "/", DIR_MASK);
	free(real);
	if (wd != p->tdir_wd) {
		int old = p->tdir_wd;

		p->tdir_wd = wd;
		drop_wd(w, &old);
	}
	if (wd < 0)
		p->poll = 1;
}

/* Brings the path's inotify watches in line with what it names now.
 * Adding a watch on an inode already watched returns the same descriptor,
 * so doing it at every refresh costs one system call and heals any race
 * between the kernel's events and our stat(). */
static void rewatch(struct watch *w, struct wpath *p)
{
	int wd;

	p->poll = 0;
	if (p->dir_wd < 0)
		p->dir_wd = add_dir(w, p->path, 0);
	if (p->dir_wd < 0)
		p->poll = 1;
	wd = inotify_add_watch(w->fd, p->path, FILE_MASK);
	if (wd < 0 && errno != ENOENT && errno != ENOTDIR)
		p->poll = 1;
	if (wd != p->file_wd) {
		int old = p->file_wd;

		p->file_wd = wd < 0 ? -1 : wd;
		drop_wd(w, &old);
	}
	watch_target(w, p);
}

static void refresh(struct watch *w, int index)
{
	struct wpath *p = &w->p[index];
	struct watch_file now;
	int modified = p->modified, replaced = p->replaced;

	p->dirty = p->modified = p->replaced = 0;
	if (w->mode == WATCH_INOTIFY)
		rewatch(w, p);
	look(p->path, &now);
	diff(w, index, &p->st, &now, modified, replaced);
	p->st = now;
}

static void refresh_dirty(struct watch *w)
{
	for (int i = 0; i < w->np; i++)
		if (w->p[i].dirty)
			refresh(w, i);
}

/* One kernel event against one path. A symbolic link and its target may
 * share a directory: both names are looked for. */
static void mark(struct wpath *p, const struct inotify_event *e)
{
	const uint32_t gone = IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF |
			      IN_UNMOUNT;
	int in_dir = e->wd == p->dir_wd, in_tdir = e->wd == p->tdir_wd;

	if (e->wd == p->file_wd) {
		p->dirty = 1;
		if (e->mask & IN_MODIFY)
			p->modified = 1;
		if (e->mask & (IN_MOVE_SELF | IN_DELETE_SELF))
			p->replaced = 1;
		if (e->mask & IN_IGNORED)
			p->file_wd = -1;
	}
	if (!in_dir && !in_tdir)
		return;
	if (e->mask & gone) {
		/* The directory went away: its watch no longer covers the
		 * path; rewatch() tries again. */
		if (in_dir)
			p->dir_wd = -1;
		if (in_tdir)
			p->tdir_wd = -1;
		p->dirty = 1;
	} else if (e->len && ((in_dir && strcmp(e->name, p->name) == 0) ||
		   (in_tdir && p->tname && strcmp(e->name, p->tname) == 0))) {
		p->dirty = 1;
		p->replaced = 1;	/* DIR_MASK: only name events */
	}
}

/* Reads everything the kernel has queued. 0, or -1 with err. */
static int read_events(struct watch *w, char *err, size_t errlen)
{
	char buf[16384] __attribute__((aligned(__alignof__(struct inotify_event))));

	for (;;) {
		ssize_t len = read(w->fd, buf, sizeof(buf));

		if (len < 0) {
			if (errno == EAGAIN || errno == EINTR)
				return 0;
			snprintf(err, errlen, "reading inotify events: %s",
				 strerror(errno));
			return -1;
		}
		for (char *at = buf; at < buf + len;) {
			const struct inotify_event *e = (const void *)at;

			for (int i = 0; i < w->np; i++) {
				if (e->mask & IN_Q_OVERFLOW)
					w->p[i].dirty = 1;
				else
					mark(&w->p[i], e);
			}
			at += sizeof(*e) + e->len;
		}
	}
}

/* The periodic look: all paths in poll mode, the uncovered ones in
 * inotify mode. */
static void tick(struct watch *w, int64_t now)
{
	if (now < w->next_tick)
		return;
	w->next_tick = now + w->poll_ms;
	for (int i = 0; i < w->np; i++)
		if (w->mode == WATCH_POLL || w->p[i].poll)
			w->p[i].dirty = 1;
	refresh_dirty(w);
}

static int needs_tick(const struct watch *w)
{
	if (w->mode == WATCH_POLL)
		return 1;
	for (int i = 0; i < w->np; i++)
		if (w->p[i].poll)
			return 1;
	return 0;
}

static int pop(struct watch *w, struct watch_event *ev, int n)
{
	int k = 0;

	while (k < n && w->qhead < w->nq)
		ev[k++] = w->q[w->qhead++];
	return k;
}

struct watch *watch_new(enum watch_mode mode, double poll_seconds,
			char *err, size_t errlen)
{
	struct watch *w;

	if (!(poll_seconds > 0 && poll_seconds <= 86400)) {
		snprintf(err, errlen, "poll interval must be between 0 and "
			 "86400 seconds");
		return NULL;
	}
	w = xcalloc(1, sizeof(*w));
	w->poll_ms = poll_seconds * 1000 < 1 ? 1 : (int)(poll_seconds * 1000);
	w->next_tick = now_ms() + w->poll_ms;
	w->fd = -1;
	w->mode = mode == WATCH_POLL ? WATCH_POLL : WATCH_INOTIFY;
	w->auto_mode = mode == WATCH_AUTO;
	if (w->mode == WATCH_INOTIFY) {
		w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
		if (w->fd < 0 && mode == WATCH_INOTIFY) {
			snprintf(err, errlen, "inotify: %s", strerror(errno));
			free(w);
			return NULL;
		}
		if (w->fd < 0) {
			snprintf(w->note, sizeof(w->note), "inotify: %s",
				 strerror(errno));
			w->mode = WATCH_POLL;
		}
	}
	return w;
}

void watch_free(struct watch *w)
{
	if (!w)
		return;
	if (w->fd >= 0)
		close(w->fd);
	for (int i = 0; i < w->np; i++) {
		free(w->p[i].path);
		free(w->p[i].tname);
	}
	free(w->p);
	free(w->q);
	free(w);
}

/* WATCH_AUTO could not use inotify for this watch: poll everything. */
static void fall_back(struct watch *w, const char *why)
{
	snprintf(w->note, sizeof(w->note), "%s", why);
	close(w->fd);
	w->fd = -1;
	w->mode = WATCH_POLL;
	for (int i = 0; i < w->np; i++)
		w->p[i].dir_wd = w->p[i].tdir_wd = w->p[i].file_wd = -1;
}

static int remote_fs(const char *dir)
{
	struct statfs sf;

	if (statfs(dir, &sf) != 0)
		return 0;
	switch ((unsigned long)sf.f_type) {
	case FS_NFS: case FS_SMB: case FS_CIFS: case FS_SMB2:
		return 1;
	}
	return 0;
}

/* inotify set-up for a new path in AUTO or INOTIFY mode: 0, or -1 with
 * err when the mode is INOTIFY and inotify cannot cover it. */
static int setup_inotify(struct watch *w, struct wpath *p, const char *dir,
			 char *err, size_t errlen)
{
	char why[PATH_MAX + 64];

	if (w->auto_mode && remote_fs(dir)) {
		snprintf(why, sizeof(why), "%s is on a network file system",
			 dir);
		goto cannot;
	}
	p->dir_wd = add_dir(w, dir, 1);
	if (p->dir_wd < 0) {
		snprintf(why, sizeof(why), "inotify on %s: %s%s", dir,
			 strerror(errno), errno == ENOSPC ?
			 " (sysctl fs.inotify.max_user_watches)" : "");
		goto cannot;
	}
	rewatch(w, p);
	return 0;
cannot:
	if (!w->auto_mode) {
		snprintf(err, errlen, "%s", why);
		return -1;
	}
	fall_back(w, why);
	return 0;
}

int watch_add(struct watch *w, const char *path, char *err, size_t errlen)
{
	struct wpath *p;
	struct stat sb;
	char *dir = dir_of(path);
	int rc = -1;

	if (stat(dir, &sb) != 0) {
		snprintf(err, errlen, "cannot follow %s: directory %s: %s",
			 path, dir, strerror(errno));
		goto done;
	}
	if (!S_ISDIR(sb.st_mode)) {
		snprintf(err, errlen, "cannot follow %s: %s is not a directory",
			 path, dir);
		goto done;
	}
	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		snprintf(err, errlen, "cannot follow %s: is a directory", path);
		goto done;
	}
	if (w->np == w->pcap) {
		w->pcap = w->pcap ? 2 * w->pcap : 4;
		w->p = xrealloc(w->p, (size_t)w->pcap * sizeof(*w->p));
	}
	p = &w->p[w->np];
	memset(p, 0, sizeof(*p));
	p->path = xstrdup(path);
	p->name = strrchr(p->path, '/') ? strrchr(p->path, '/') + 1 : p->path;
	p->dir_wd = p->tdir_wd = p->file_wd = -1;
	w->np++;
	if (w->mode == WATCH_INOTIFY &&
	    setup_inotify(w, p, dir, err, errlen) != 0) {
		free(p->path);
		free(p->tname);
		w->np--;
		goto done;
	}
	look(p->path, &p->st);
	rc = w->np - 1;
done:
	free(dir);
	return rc;
}

/* Milliseconds poll() may sleep: until the deadline or the next tick. */
static int sleep_ms(const struct watch *w, int64_t now, int64_t deadline)
{
	int64_t until = deadline;

	if (needs_tick(w) && w->next_tick < until)
		until = w->next_tick;
	if (until == INT64_MAX)
		return -1;
	if (until <= now)
		return 0;
	return until - now > INT_MAX ? INT_MAX : (int)(until - now);
}

int watch_wait(struct watch *w, int timeout_ms, struct watch_event *ev,
	       int n, char *err, size_t errlen)
{
	return watch_wait_also(w, timeout_ms, -1, NULL, ev, n, err, errlen);
}

int watch_wait_also(struct watch *w, int timeout_ms, int also_fd, int *also_ready,
		    struct watch_event *ev, int n, char *err, size_t errlen)
{
	int64_t deadline = timeout_ms < 0 ? INT64_MAX : now_ms() + timeout_ms;

	if (also_ready)
		*also_ready = 0;
	for (;;) {
		/* the other descriptor first, so that pfd[0] is always polled */
		struct pollfd pfd[2] = { { .fd = also_fd, .events = POLLIN },
					 { .fd = w->fd, .events = POLLIN } };
		int r;

		if (w->qhead < w->nq)
			return pop(w, ev, n);
		if (needs_tick(w)) {
			tick(w, now_ms());
			if (w->qhead < w->nq)
				continue;
		}
		/* Even with a zero timeout, look once at what is queued. A
		 * negative also_fd is ignored by poll(). */
		r = waitsig_poll(pfd, w->fd >= 0 ? 2 : 1, sleep_ms(w, now_ms(), deadline));
		if (r < 0 && errno == EINTR)
			return 0;
		if (r < 0) {
			snprintf(err, errlen, "waiting for inotify: %s",
				 strerror(errno));
			return -1;
		}
		if (w->fd >= 0 && (pfd[1].revents & (POLLIN | POLLERR | POLLHUP)) &&
		    read_events(w, err, errlen) != 0)
			return -1;
		refresh_dirty(w);
		if (also_fd >= 0 && pfd[0].revents) {
			if (also_ready)
				*also_ready = 1;
			return w->qhead < w->nq ? pop(w, ev, n) : 0;
		}
		if (w->qhead == w->nq && now_ms() >= deadline)
			return 0;
	}
}

enum watch_mode watch_mode(const struct watch *w)
{
	return w->mode;
}

const char *watch_note(const struct watch *w)
{
	return w->note;
}

const char *watch_path(const struct watch *w, int index)
{
	assert(index >= 0 && index < w->np);
	return w->p[index].path;
}

const struct watch_file *watch_state(const struct watch *w, int index)
{
	assert(index >= 0 && index < w->np);
	return &w->p[index].st;
}

const char *watch_kind_name(enum watch_kind kind)
{
	switch (kind) {
	case WATCH_GREW: return "grew";
	case WATCH_TRUNCATED: return "truncated";
	case WATCH_MOVED: return "moved";
	case WATCH_CREATED: return "created";
	}
	return "?";
}
