/* journal - sd-journal reading (see journal.h).
 *
 * Owns one sd_journal handle and a copy of the match list. Entries are
 * filtered twice: sd-journal matches on SYSLOG_IDENTIFIER when every
 * identifier is exact and no unit is given (the journal's own index, the
 * fast path), and always here by identifier (exact, or a prefix ending in
 * '*') or unit, since sd-journal matches have no wildcards.
 * Invariants: a returned entry always has a cursor whose s= and i= fields
 * were parsed; nothing here prints or knows about the store.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <systemd/sd-journal.h>
#include <time.h>
#include <unistd.h>
#include "dynlib.h"
#include "journal.h"
#include "xmalloc.h"

#define SYSTEMD_FUNCS(X) X(sd_journal_add_match) X(sd_journal_close) \
	X(sd_journal_enumerate_data) X(sd_journal_get_cursor) X(sd_journal_get_data) \
	X(sd_journal_get_fd) X(sd_journal_get_realtime_usec) X(sd_journal_get_timeout) \
	X(sd_journal_get_usage) X(sd_journal_next) X(sd_journal_open) X(sd_journal_open_directory) \
	X(sd_journal_open_files) X(sd_journal_process) X(sd_journal_restart_data) \
	X(sd_journal_seek_cursor) X(sd_journal_seek_head) X(sd_journal_seek_realtime_usec) \
	X(sd_journal_set_data_threshold) X(sd_journal_test_cursor)
DYNLIB_DEFINE(libsystemd, SYSTEMD_FUNCS, BW_SONAME_SYSTEMD, "libsystemd0", "reading the journal (--journal)");

const char *const journal_default_identifiers[] = {
	"postfix*",	/* postfix/smtp, postfix/submission/smtpd, postfix-out/lmtp ... */
	"exim", "exim4",	/* Debian's exim4 logs as exim */
	"smtpd",	/* OpenSMTPD */
	"sm-mta", "sendmail", "sm-msp-queue",
	NULL,
};

struct journal {
	sd_journal *j;
	char *label;
	const char *ids[JOURNAL_MATCH_MAX];
	int nids;
	const char *units[JOURNAL_MATCH_MAX];
	int nunits;
	/* dl_sd_journal_get_data() hands out memory valid until its next call:
	 * the fields an entry is returned with are copied here. */
	char host[256], prog[256], unit[256];
	char msg[JOURNAL_MSG_MAX];
};

static int fail(char *err, size_t errlen, const char *what, int r)
{
	snprintf(err, errlen, "journal: %s: %s", what, strerror(r < 0 ? -r : r));
	return -1;
}

/* Adds sd-journal matches for exact identifiers only; 0 or -r. */
static int add_matches(struct journal *j)
{
	char m[512];
	for (int i = 0; i < j->nids; i++)
		if (strchr(j->ids[i], '*') != NULL)
			return 0;
	if (j->nunits > 0)
		return 0;
	for (int i = 0; i < j->nids; i++) {
		int n = snprintf(m, sizeof m, "SYSLOG_IDENTIFIER=%s", j->ids[i]);
		int r = n > 0 && (size_t)n < sizeof m ? dl_sd_journal_add_match(j->j, m, 0) : -EINVAL;
		if (r < 0)
			return r;
	}
	return 0;
}

/* Said when the journal may not be read (systemd-journald.service(8),
 * "Access Control"). */
#define READERS " (the journal is readable by root and the groups systemd-journal and adm)"

/* The first journal file in dir or its subdirectories (one level: the
 * machine-id directories) that exists but cannot be read (EACCES): put in
 * out, returns 1; 0 when none. */
static int denied_in(const char *dir, int depth, char *out, size_t outlen)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int found = 0;
	if (d == NULL) {
		if (errno == EACCES) {
			snprintf(out, outlen, "%s", dir);
			return 1;
		}
		return 0;
	}
	while (!found && (e = readdir(d)) != NULL) {
		char path[PATH_MAX];
		size_t n = strlen(e->d_name);
		if (e->d_name[0] == '.' ||
		    snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path)
			continue;
		if (n > 8 && strcmp(e->d_name + n - 8, ".journal") == 0) {
			int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
			if (fd >= 0)
				close(fd);
			else if (errno == EACCES)
				found = snprintf(out, outlen, "%s", path) >= 0;
		} else if (depth > 0 && e->d_type == DT_DIR) {
			found = denied_in(path, depth - 1, out, outlen);
		}
	}
	closedir(d);
	return found;
}

/* sd-journal skips the files it may not read: a journal that holds files
 * but opened none of them is an error (reading it would give nothing, for
 * ever), not an empty journal. 0, or -1 with err. */
static int check_readable(struct journal *j, const struct journal_opts *o, char *err, size_t errlen)
{
	static const char *const local[] = { "/var/log/journal", "/run/log/journal", NULL };
	char denied[PATH_MAX];
	uint64_t used = 0;
	int found = 0;
	if (o->file || dl_sd_journal_get_usage(j->j, &used) < 0 || used > 0)
		return 0;
	if (o->dir)
		found = denied_in(o->dir, 1, denied, sizeof denied);
	for (int i = 0; !o->dir && !found && local[i]; i++)
		found = denied_in(local[i], 1, denied, sizeof denied);
	if (!found)
		return 0;
	snprintf(err, errlen, "%s: cannot read %s: %s%s", j->label, denied, strerror(EACCES), READERS);
	return -1;
}

struct journal *journal_open(const struct journal_opts *o, char *err, size_t errlen)
{
	struct journal *j;
	char label[4096];
	int r;

	if (dynlib_load(&libsystemd, err, errlen) < 0)
		return NULL;
	j = xcalloc(1, sizeof *j);
	if (o->file) {
		const char *files[] = { o->file, NULL };
		r = dl_sd_journal_open_files(&j->j, files, 0);
		snprintf(label, sizeof label, "journal:%s", o->file);
	} else if (o->dir) {
		r = dl_sd_journal_open_directory(&j->j, o->dir, 0);
		snprintf(label, sizeof label, "journal:%s", o->dir);
	} else {
		r = dl_sd_journal_open(&j->j, SD_JOURNAL_LOCAL_ONLY);
		snprintf(label, sizeof label, "journal");
	}
	j->label = xstrdup(label);
	if (r < 0) {
		snprintf(err, errlen, "%s: cannot open: %s%s", label, strerror(-r),
			 r == -EACCES ? READERS : "");
		goto fail;
	}
	if (check_readable(j, o, err, errlen) < 0)
		goto fail;
	for (int i = 0; i < o->nidentifiers && i < JOURNAL_MATCH_MAX; i++)
		j->ids[j->nids++] = xstrdup(o->identifiers[i]);
	for (int i = 0; i < o->nunits && i < JOURNAL_MATCH_MAX; i++)
		j->units[j->nunits++] = xstrdup(o->units[i]);
	if (j->nids == 0 && j->nunits == 0)
		for (int i = 0; journal_default_identifiers[i]; i++)
			j->ids[j->nids++] = xstrdup(journal_default_identifiers[i]);
	dl_sd_journal_set_data_threshold(j->j, JOURNAL_MSG_MAX + 16);
	if ((r = add_matches(j)) < 0) {
		fail(err, errlen, "adding the matches", r);
		goto fail;
	}
	return j;
fail:
	journal_free(j);
	return NULL;
}

void journal_free(struct journal *j)
{
	if (j == NULL)
		return;
	dl_sd_journal_close(j->j);
	for (int i = 0; i < j->nids; i++)
		free((char *)j->ids[i]);
	for (int i = 0; i < j->nunits; i++)
		free((char *)j->units[i]);
	free(j->label);
	free(j);
}

const char *journal_label(const struct journal *j) { return j->label; }

/* The value of FIELD= in the current entry, borrowed until the next call:
 * 1 found, 0 not, -r error. */
static int field_raw(struct journal *j, const char *name, struct str *v)
{
	const void *d;
	size_t n, nl = strlen(name);
	int r = dl_sd_journal_get_data(j->j, name, &d, &n);
	*v = STR_NULL;
	if (r == -ENOENT)
		return 0;
	if (r < 0)
		return r;
	if (n < nl + 1 || memcmp(d, name, nl) != 0 || ((const char *)d)[nl] != '=')
		return -EBADMSG;
	*v = str_make((const char *)d + nl + 1, n - nl - 1);
	return 1;
}

/* field_raw() copied into buf (cap bytes); *cut = 1 when longer. */
static int field(struct journal *j, const char *name, char *buf, size_t cap, struct str *v, int *cut)
{
	int r = field_raw(j, name, v);
	if (r <= 0)
		return r;
	if (cut)
		*cut = v->len > cap;
	size_t n = v->len > cap ? cap : v->len;
	memcpy(buf, v->p, n);
	*v = str_make(buf, n);
	return 1;
}

static int id_matches(const char *pat, struct str v)
{
	size_t pl = strlen(pat);
	if (pl > 0 && pat[pl - 1] == '*')
		return v.len >= pl - 1 && memcmp(v.p, pat, pl - 1) == 0;
	return str_eq(v, pat);
}

/* Whether the current entry is one of ours; fills e->prog. 1, 0 or -r. */
static int wanted(struct journal *j, struct journal_entry *e)
{
	struct str unit;
	int r = field(j, "SYSLOG_IDENTIFIER", j->prog, sizeof j->prog, &e->prog, NULL);
	if (r < 0)
		return r;
	for (int i = 0; r > 0 && i < j->nids; i++)
		if (id_matches(j->ids[i], e->prog))
			return 1;
	if (j->nunits == 0)
		return 0;
	if ((r = field(j, "_SYSTEMD_UNIT", j->unit, sizeof j->unit, &unit, NULL)) <= 0)
		return r;
	for (int i = 0; i < j->nunits; i++)
		if (str_eq(unit, j->units[i]))
			return 1;
	return 0;
}

/* Fills e from the current entry (already known to be wanted). */
static int fields(struct journal *j, struct journal_entry *e, char *err, size_t errlen);

static int fill(struct journal *j, struct journal_entry *e, char *err, size_t errlen)
{
	char *c = NULL;
	int r;
	if ((r = dl_sd_journal_get_realtime_usec(j->j, &e->realtime_us)) < 0)
		return fail(err, errlen, "reading the entry's time", r);
	if ((r = dl_sd_journal_get_cursor(j->j, &c)) < 0)
		return fail(err, errlen, "reading the entry's cursor", r);
	size_t cl = strlen(c);
	int bad = cl >= sizeof e->cursor || journal_cursor_ids(c, &e->seqnum_id, &e->seqnum) < 0;
	if (!bad)
		memcpy(e->cursor, c, cl + 1);
	free(c);
	if (bad) {
		snprintf(err, errlen, "%s: a cursor of an unknown shape", j->label);
		return -1;
	}
	return fields(j, e, err, errlen);
}

/* Copies a field's value into buf (cap bytes); 1 when it was longer. */
static int keep(const char *v, size_t n, char *buf, size_t cap, struct str *out)
{
	size_t k = n > cap ? cap : n;
	memcpy(buf, v, k);
	*out = str_make(buf, k);
	return n > cap;
}

static long pid_of(const char *v, size_t n)
{
	long pid = 0;
	if (n == 0 || n > 10)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (v[i] < '0' || v[i] > '9')
			return -1;
		pid = pid * 10 + (v[i] - '0');
	}
	return pid;
}

/* The other fields in one walk over the entry's data (each
 * dl_sd_journal_get_data() call walks them again). The data threshold returns
 * at least JOURNAL_MSG_MAX bytes of a field; a longer MESSAGE is cut and
 * said so. */
static int fields(struct journal *j, struct journal_entry *e, char *err, size_t errlen)
{
	const void *d;
	size_t n;
	long spid = -1, pid = -1;
	int r, have_prog = e->prog.p != NULL;
	dl_sd_journal_restart_data(j->j);
	while ((r = dl_sd_journal_enumerate_data(j->j, &d, &n)) > 0) {
		const char *p = d, *eq = memchr(p, '=', n);
		if (eq == NULL)
			continue;
		size_t kl = (size_t)(eq - p), vl = n - kl - 1;
#define IS(k) (kl == sizeof(k) - 1 && memcmp(p, k, kl) == 0)
		if (IS("MESSAGE"))
			e->cut = keep(eq + 1, vl, j->msg, sizeof j->msg, &e->msg);
		else if (IS("_HOSTNAME"))
			keep(eq + 1, vl, j->host, sizeof j->host, &e->host);
		else if (IS("SYSLOG_PID"))
			spid = pid_of(eq + 1, vl);
		else if (IS("_PID"))
			pid = pid_of(eq + 1, vl);
		else if (IS("_COMM") && !have_prog)
			keep(eq + 1, vl, j->prog, sizeof j->prog, &e->prog);
#undef IS
	}
	if (r < 0)
		return fail(err, errlen, "reading the entry's fields", r);
	e->pid = spid >= 0 ? spid : pid;
	return 0;
}

int journal_next(struct journal *j, struct journal_entry *e, char *err, size_t errlen)
{
	for (;;) {
		int r = dl_sd_journal_next(j->j);
		if (r == 0)
			return 0;
		if (r < 0)
			return fail(err, errlen, "reading the next entry", r);
		memset(e, 0, sizeof *e);
		if ((r = wanted(j, e)) < 0)
			return fail(err, errlen, "reading SYSLOG_IDENTIFIER", r);
		if (r == 0)
			continue;
		return fill(j, e, err, errlen) < 0 ? -1 : 1;
	}
}

int journal_seek(struct journal *j, const char *cursor, uint64_t since_us, int *lost,
		 char *err, size_t errlen)
{
	int r;
	*lost = 0;
	if (cursor && *cursor) {
		if ((r = dl_sd_journal_seek_cursor(j->j, cursor)) < 0)
			return fail(err, errlen, "seeking to the stored cursor", r);
		/* On the cursor's entry when the journal still has it; the next
		 * journal_next() then returns the one after. */
		r = dl_sd_journal_next(j->j);
		if (r > 0 && dl_sd_journal_test_cursor(j->j, cursor) > 0)
			return 0;
		*lost = 1;
	}
	r = since_us ? dl_sd_journal_seek_realtime_usec(j->j, since_us) : dl_sd_journal_seek_head(j->j);
	return r < 0 ? fail(err, errlen, "seeking by time", r) : 0;
}

int journal_fd(struct journal *j, char *err, size_t errlen)
{
	int fd = dl_sd_journal_get_fd(j->j);
	return fd < 0 ? fail(err, errlen, "no descriptor to wait on", fd) : fd;
}

int journal_timeout_ms(struct journal *j)
{
	uint64_t t;
	if (dl_sd_journal_get_timeout(j->j, &t) < 0 || t == UINT64_MAX)
		return -1;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	uint64_t n = (uint64_t)now.tv_sec * 1000000 + (uint64_t)now.tv_nsec / 1000;
	if (t <= n)
		return 0;
	t = (t - n + 999) / 1000;
	return t > 3600000 ? 3600000 : (int)t;
}

int journal_process(struct journal *j, char *err, size_t errlen)
{
	int r = dl_sd_journal_process(j->j);
	return r < 0 ? fail(err, errlen, "taking in changes", r) : 0;
}

static int hex64(const char *p, size_t n, uint64_t *v)
{
	*v = 0;
	if (n == 0 || n > 16)
		return -1;
	for (size_t i = 0; i < n; i++) {
		int c = p[i], d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
		if (d < 0)
			return -1;
		*v = *v << 4 | (uint64_t)d;
	}
	return 0;
}

int journal_cursor_ids(const char *cursor, uint64_t *seqnum_id, uint64_t *seqnum)
{
	int have = 0;
	for (const char *p = cursor; *p;) {
		const char *end = strchr(p, ';');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		if (n == 34 && strncmp(p, "s=", 2) == 0 && hex64(p + 2, 16, seqnum_id) == 0)
			have |= 1;	/* 128-bit id: its first 64 bits */
		else if (n > 2 && strncmp(p, "i=", 2) == 0 && hex64(p + 2, n - 2, seqnum) == 0)
			have |= 2;
		p += n + (end != NULL);
	}
	return have == 3 ? 0 : -1;
}
