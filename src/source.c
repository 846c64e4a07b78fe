/* source - a log file (plain or gzip) or stdin, as complete lines.
 *
 * Owns one file descriptor and one read buffer of SOURCE_BUF bytes. Plain
 * files are read with read(2) so that a file that grows can be read again
 * after end of data (tail); gzip files and stdin go through zlib's gzread,
 * which passes non-gzip data through unchanged. Invariants: buf[start..end)
 * holds unread bytes; `off` is the offset just past the last complete line
 * handed out and always sits on a line boundary; a line longer than
 * SOURCE_LINE_MAX is kept as its first SOURCE_LINE_MAX bytes in `cut` while
 * the rest is discarded. Compressed data that ends early or cannot be
 * decompressed is input, not an I/O failure: reading stops there as at
 * an end, source_bad_data() says why, and the partial line before the cut
 * is held, never handed out. Knows
 * nothing of log formats or storage.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>
#include "clock.h"
#include "source.h"
#include "xmalloc.h"

#define SOURCE_BUF (256 * 1024)

struct source {
	char *path;
	int fd;
	gzFile gz;		/* gzip files and stdin; NULL for plain files */
	int gzip;		/* the file starts with the gzip magic */
	int final;		/* no more data will ever come (stdin/gzip at EOF) */
	int live;		/* stdin read with read(2), non-blocking (tail) */
	struct stat st;
	int64_t btime;		/* birth time (file_ident.h); 0: unknown */
	char *buf;
	size_t start, scan, end;	/* unread bytes; scan: where the newline search resumes */
	uint64_t off;		/* offset past the last complete line */
	uint64_t lineno;
	char *cut;		/* first SOURCE_LINE_MAX bytes of an over-long line */
	int skipping;		/* discarding the rest of an over-long line */
	uint64_t dropped;	/* bytes of that line discarded so far */
	struct source_ident verify;	/* source_verify(): the file the bytes must come from */
	int verifying, replaced;
	char bad_data[160];	/* gzip data damaged or ending early; "" if not */
};

uint64_t source_fingerprint(const void *p, size_t n)
{
	const unsigned char *u = p;
	uint64_t h = 0xcbf29ce484222325ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= u[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

static void set_err(char *err, size_t errlen, const char *path, const char *what)
{
	snprintf(err, errlen, "%s: %s", path, what);
}

/* After gzread() of g gave -1, or 0 at its end: notes damaged or truncated
 * gzip data in s->bad_data (zlib: Z_DATA_ERROR, or Z_BUF_ERROR when the
 * file ends inside the stream, zlib.h gzerror()); 1 if so. */
static int note_bad_gzip(struct source *s, gzFile g)
{
	int zerr;
	const char *msg = gzerror(g, &zerr), *fd = msg ? strstr(msg, ">: ") : NULL;
	if (msg && strncmp(msg, "<fd:", 4) == 0 && fd)
		msg = fd + 3;	/* zlib names a gzdopen()ed file "<fd:N>" */
	if (zerr == Z_BUF_ERROR)
		snprintf(s->bad_data, sizeof s->bad_data,
			 "the gzip data ends early (a truncated file?)");
	else if (zerr == Z_DATA_ERROR)
		snprintf(s->bad_data, sizeof s->bad_data, "damaged gzip data (%s)", msg ? msg : "?");
	else
		return 0;
	return 1;
}

const char *source_bad_data(const struct source *s)
{
	return s->bad_data[0] ? s->bad_data : NULL;
}

static int detect_gzip(int fd)
{
	unsigned char m[2];
	return pread(fd, m, 2, 0) == 2 && m[0] == 0x1f && m[1] == 0x8b;
}

/* The birth time of the file open at fd, in nanoseconds since the epoch;
 * 0 where the kernel or the file system does not report one. */
static int64_t birth_time(int fd)
{
	struct statx sx;
	if (statx(fd, "", AT_EMPTY_PATH, STATX_BTIME, &sx) != 0 || !(sx.stx_mask & STATX_BTIME))
		return 0;
	return (int64_t)sx.stx_btime.tv_sec * 1000000000 + sx.stx_btime.tv_nsec;
}

struct source *source_open(const char *path, char *err, size_t errlen)
{
	struct source *s = xcalloc(1, sizeof *s);
	int is_stdin = strcmp(path, "-") == 0;

	s->path = xstrdup(path);
	s->fd = is_stdin ? dup(STDIN_FILENO) : open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (s->fd < 0 || fstat(s->fd, &s->st) != 0) {
		set_err(err, errlen, path, strerror(errno));
		goto fail;
	}
	if (S_ISDIR(s->st.st_mode)) {
		set_err(err, errlen, path, "is a directory");
		goto fail;
	}
	if (S_ISREG(s->st.st_mode))
		s->btime = birth_time(s->fd);
	if (!is_stdin) {
		/* O_NONBLOCK only guarded the open against FIFOs; reads block normally. */
		fcntl(s->fd, F_SETFL, fcntl(s->fd, F_GETFL) & ~O_NONBLOCK);
		s->gzip = S_ISREG(s->st.st_mode) && detect_gzip(s->fd);
	}
	if (is_stdin || s->gzip || !S_ISREG(s->st.st_mode)) {
		int fd2 = dup(s->fd);
		if (fd2 < 0 || (s->gz = gzdopen(fd2, "rb")) == NULL) {
			if (fd2 >= 0)
				close(fd2);
			set_err(err, errlen, path, "cannot set up decompression");
			goto fail;
		}
		gzbuffer(s->gz, 128 * 1024);
	}
	s->buf = xmalloc(SOURCE_BUF);
	return s;
fail:
	source_free(s);
	return NULL;
}

struct source *source_open_live_stdin(char *err, size_t errlen)
{
	struct source *s = xcalloc(1, sizeof *s);
	int fl;
	s->path = xstrdup("-");
	s->live = 1;
	s->fd = dup(STDIN_FILENO);
	if (s->fd < 0 || fstat(s->fd, &s->st) != 0 || (fl = fcntl(s->fd, F_GETFL)) < 0 ||
	    fcntl(s->fd, F_SETFL, fl | O_NONBLOCK) < 0) {
		set_err(err, errlen, "-", strerror(errno));
		source_free(s);
		return NULL;
	}
	s->buf = xmalloc(SOURCE_BUF);
	return s;
}

int source_fd(const struct source *s) { return s->fd; }
int source_eof(const struct source *s) { return s->final && s->start == s->end && !s->skipping; }

void source_free(struct source *s)
{
	if (s == NULL)
		return;
	if (s->gz)
		gzclose(s->gz);
	if (s->fd >= 0)
		close(s->fd);
	free(s->buf);
	free(s->cut);
	free(s->path);
	free(s);
}

const char *source_path(const struct source *s) { return s->path; }
int source_is_gzip(const struct source *s) { return s->gzip; }
int source_is_regular(const struct source *s) { return S_ISREG(s->st.st_mode) && !s->live; }
int source_is_seekable(const struct source *s) { return s->gz == NULL && !s->live; }
size_t source_pending(const struct source *s) { return s->end - s->start + s->dropped; }
uint64_t source_offset(const struct source *s) { return s->off; }

uint64_t source_size(const struct source *s)
{
	return S_ISREG(s->st.st_mode) ? (uint64_t)s->st.st_size : 0;
}

int64_t source_btime(const struct source *s)
{
	return s->btime;
}

time_t source_mtime(const struct source *s)
{
	return S_ISREG(s->st.st_mode) ? s->st.st_mtime : (time_t)clock_now();
}

/* The first bytes of the file's content (decompressed for gzip). */
static ssize_t read_head(struct source *s, char *head, size_t n)
{
	if (!s->gzip)
		return pread(s->fd, head, n, 0);
	int fd2 = open(s->path, O_RDONLY | O_CLOEXEC);
	gzFile g = fd2 >= 0 ? gzdopen(fd2, "rb") : NULL;
	if (g == NULL) {
		if (fd2 >= 0)
			close(fd2);
		return -1;
	}
	int r = gzread(g, head, (unsigned)n);
	if (r < 0)
		note_bad_gzip(s, g);
	gzclose(g);
	return r;
}

int source_ident(struct source *s, struct source_ident *id)
{
	char head[SOURCE_FP_MAX];
	ssize_t n = 0;

	*id = (struct source_ident){ .dev = s->st.st_dev, .ino = s->st.st_ino, .btime = s->btime };
	if (!S_ISREG(s->st.st_mode))
		return 0;
	if ((n = read_head(s, head, sizeof head)) < 0)
		return -1;
	id->fp_len = (uint32_t)n;
	id->fp = source_fingerprint(head, (size_t)n);
	return 0;
}

int source_same_file(struct source *s, const struct source_ident *id)
{
	char head[SOURCE_FP_MAX];
	if (!S_ISREG(s->st.st_mode) || id->fp_len > sizeof head)
		return 0;
	if (id->fp_len == 0)
		return 1;
	ssize_t n = read_head(s, head, id->fp_len);
	return n == (ssize_t)id->fp_len && source_fingerprint(head, id->fp_len) == id->fp;
}

int source_same_file_cb(void *src, const struct source_ident *id)
{
	return source_same_file(src, id);
}

int source_seek(struct source *s, uint64_t offset, char *err, size_t errlen)
{
	s->start = s->scan = s->end = 0;
	s->skipping = 0;
	s->dropped = 0;
	s->bad_data[0] = '\0';
	if (s->gz == NULL) {
		if (lseek(s->fd, (off_t)offset, SEEK_SET) < 0) {
			set_err(err, errlen, s->path, strerror(errno));
			return -1;
		}
	} else if (gzclearerr(s->gz), s->final = 0, gzseek(s->gz, (z_off_t)offset, SEEK_SET) < 0) {
		set_err(err, errlen, s->path, "cannot seek in compressed data");
		return -1;
	}
	s->off = offset;
	return 0;
}

/* Reads more bytes after buf[end]. Returns bytes read, 0 at end of data, -1 on error. */
static ssize_t fill(struct source *s, char *err, size_t errlen)
{
	ssize_t n;
	if (s->start > 0) {
		memmove(s->buf, s->buf + s->start, s->end - s->start);
		s->end -= s->start;
		s->scan -= s->start;
		s->start = 0;
	}
	if (s->gz) {
		int r = gzread(s->gz, s->buf + s->end, (unsigned)(SOURCE_BUF - s->end));
		if (r < 0 && note_bad_gzip(s, s->gz)) {
			s->final = 1;	/* the lines before the damage stand */
			return 0;
		}
		if (r < 0) {
			int zerr;
			set_err(err, errlen, s->path, gzerror(s->gz, &zerr));
			return -1;
		}
		if (r == 0 && (note_bad_gzip(s, s->gz) || gzeof(s->gz)))
			s->final = 1;
		n = r;
	} else {
		do
			n = read(s->fd, s->buf + s->end, SOURCE_BUF - s->end);
		while (n < 0 && errno == EINTR);
		if (n < 0 && s->live && (errno == EAGAIN || errno == EWOULDBLOCK))
			return 0;	/* nothing more yet */
		if (n == 0 && s->live)
			s->final = 1;
		if (n < 0) {
			set_err(err, errlen, s->path, strerror(errno));
			return -1;
		}
		/* Checked after the read, so no replacement can slip in between
		 * a check and the read: bytes read from a file that is no longer
		 * the one followed are given back, unread. */
		if (n > 0 && s->verifying && !source_same_file(s, &s->verify)) {
			if (lseek(s->fd, -(off_t)n, SEEK_CUR) < 0) {
				set_err(err, errlen, s->path, strerror(errno));
				return -1;
			}
			s->replaced = 1;
			return 0;
		}
	}
	s->end += (size_t)n;
	return n;
}

void source_verify(struct source *s, const struct source_ident *id)
{
	s->verifying = id != NULL && source_is_seekable(s);
	if (s->verifying)
		s->verify = *id;
	s->replaced = 0;
}

int source_replaced(const struct source *s)
{
	return s->replaced;
}

/* Hands out buf[start..stop) (or the kept head of a cut line) as a line ending at `next`. */
static int emit(struct source *s, struct source_line *l, size_t stop, size_t next)
{
	uint64_t consumed = next - s->start + s->dropped;
	s->dropped = 0;
	if (s->skipping) {
		l->text = str_make(s->cut, SOURCE_LINE_MAX);
		l->cut = 1;
		s->skipping = 0;
	} else {
		/* A long line read in one piece is cut here. */
		size_t len = stop - s->start;
		l->cut = len > SOURCE_LINE_MAX;
		l->text = str_make(s->buf + s->start, l->cut ? SOURCE_LINE_MAX : len);
	}
	l->start = s->off;
	s->off += consumed;
	s->start = s->scan = next;
	l->end = s->off;
	l->lineno = ++s->lineno;
	return 1;
}

int source_next(struct source *s, struct source_line *l, char *err, size_t errlen)
{
	for (;;) {
		char *nl = memchr(s->buf + s->scan, '\n', s->end - s->scan);
		if (nl != NULL)
			return emit(s, l, (size_t)(nl - s->buf), (size_t)(nl - s->buf) + 1);
		s->scan = s->end;
		if (s->end - s->start >= SOURCE_LINE_MAX) {
			/* Over-long: keep the head once, then drop bytes (they still
			 * count towards the offset) until the newline. */
			if (!s->skipping) {
				if (s->cut == NULL)
					s->cut = xmalloc(SOURCE_LINE_MAX);
				memcpy(s->cut, s->buf + s->start, SOURCE_LINE_MAX);
				s->skipping = 1;
			}
			s->dropped += s->end - s->start;
			s->start = s->scan = s->end;
		}
		if (s->final && s->bad_data[0])
			return 0;	/* cut by the damage: held, not a line */
		if (s->final)
			return s->end > s->start || s->skipping ? emit(s, l, s->end, s->end) : 0;
		ssize_t n = fill(s, err, errlen);
		if (n < 0)
			return -1;
		if (n == 0 && !s->final)
			return 0;
	}
}
