/* store_sources - the sources table: one row per source, whatever its kind,
 * with its identity and its position (see store.h, position.h). Part of the
 * store family: the only code that speaks SQL.
 *
 * Files are found by path, then device and inode, then fingerprint (a log
 * renamed or compressed by rotation); other kinds (the journal) by their
 * identity alone. Invariant: a source's position only moves in the
 * transaction that stores the rows before it.
 */
#include <stdio.h>
#include <string.h>
#include "clock.h"
#include "store_int.h"

/* Every lookup returns the columns read_source() reads, in that order. */
#define SRC_COLS "SELECT id, dev, ino, fp, fp_len, offset, cursor, cursor_ts, updated, btime FROM sources "

/* File statements name their parameters (:path :dev :ino :fp :fp_len :btime):
 * bind_source() binds those a statement has. */
static const char SQL_SRC_BY_PATH[] =
	SRC_COLS "WHERE path = :path AND active = 1 AND dev = :dev AND ino = :ino ORDER BY id DESC";
static const char SQL_SRC_BY_INODE[] =
	SRC_COLS "WHERE dev = :dev AND ino = :ino ORDER BY id DESC";
static const char SQL_SRC_BY_FP[] =
	SRC_COLS "WHERE fp = :fp AND fp_len = :fp_len ORDER BY id DESC";
static const char SQL_SRC_RECENT[] =
	SRC_COLS "WHERE path = :path ORDER BY id DESC LIMIT :max";
static const char SQL_SRC_RETIRE[] = "UPDATE sources SET active = 0 WHERE path = :path";
static const char SQL_SRC_NEW[] =
	"INSERT INTO sources (path, dev, ino, fp, fp_len, btime, offset, active, first_seen, updated, kind) "
	"VALUES (:path, :dev, :ino, :fp, :fp_len, :btime, 0, 1, :now, :now, :kind)";
/* Other kinds: by identity alone (whatever the name), and the name's row
 * whose position was saved with a token last. */
static const char SQL_SRC_OF[] =
	SRC_COLS "WHERE kind = :kind AND dev = :dev AND ino = :ino AND fp = :fp AND fp_len = :fp_len "
	"ORDER BY id LIMIT 1";
static const char SQL_SRC_LAST[] =
	SRC_COLS "WHERE kind = :kind AND path = :path AND cursor IS NOT NULL "
	"ORDER BY updated DESC, id DESC LIMIT 1";
/* A row written before birth times were kept gets its file's at a
 * checkpoint; a known one is never changed (the row's file is that one). */
static const char SQL_CHECKPOINT[] =
	"UPDATE sources SET offset = ?2, fp = ?3, fp_len = ?4, cursor = ?5, cursor_ts = ?6, "
	"updated = ?7, btime = CASE btime WHEN 0 THEN ?8 ELSE btime END WHERE id = ?1";

static void bind_named_int(sqlite3_stmt *s, const char *name, sqlite3_int64 v)
{
	int i = sqlite3_bind_parameter_index(s, name);
	if (i > 0)
		sqlite3_bind_int64(s, i, v);
}

static void bind_named_text(sqlite3_stmt *s, const char *name, const char *v)
{
	int i = sqlite3_bind_parameter_index(s, name);
	if (i > 0)
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
}

/* Binds the source parameters that s names. */
static void bind_source(sqlite3_stmt *s, const char *path, const struct source_ident *id)
{
	bind_named_text(s, ":path", path);
	bind_named_int(s, ":dev", (sqlite3_int64)id->dev);
	bind_named_int(s, ":ino", (sqlite3_int64)id->ino);
	bind_named_int(s, ":fp", (sqlite3_int64)id->fp);
	bind_named_int(s, ":fp_len", id->fp_len);
	bind_named_int(s, ":btime", id->btime);
}

/* The row s stands on (SRC_COLS). */
static struct store_source read_source(sqlite3_stmt *s)
{
	struct store_source c = {
		.id = sqlite3_column_int64(s, 0),
		.ident = { .dev = (dev_t)sqlite3_column_int64(s, 1),
			   .ino = (ino_t)sqlite3_column_int64(s, 2),
			   .fp = (uint64_t)sqlite3_column_int64(s, 3),
			   .fp_len = (uint32_t)sqlite3_column_int64(s, 4),
			   .btime = sqlite3_column_int64(s, 9) },
		.updated = sqlite3_column_double(s, 8),
	};
	const unsigned char *token = sqlite3_column_text(s, 6);
	/* A stored position that does not fit (edited by hand) resumes at
	 * its offset alone. */
	if (position_set(&c.pos, (uint64_t)sqlite3_column_int64(s, 5), (const char *)token,
			 sqlite3_column_double(s, 7)) < 0)
		c.pos = position_offset((uint64_t)sqlite3_column_int64(s, 5));
	return c;
}

/* One lookup: binds path, dev, ino, fp, fp_len; 1 found (same fingerprint), 0, -1.
 * itself: the row must name the very file (by path or inode), so a row of
 * its inode born at another time names a file deleted since; a lookup by
 * fingerprint finds the content wherever it is (a compressed copy may have
 * the number of the inode it was made from, freed since). */
static int find_one(struct store *st, const char *sql, const char *path,
		    const struct source_ident *id, int itself, store_same_fn same, void *arg,
		    struct store_source *out, char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, sql, err, errlen);
	int rc, found = 0;
	if (s == NULL)
		return -1;
	bind_source(s, path, id);
	while (!found && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_source c = read_source(s);
		/* The remembered fingerprint may cover fewer bytes than the file
		 * has now: the file itself must agree on what it covers. */
		if (c.ident.fp_len <= id->fp_len && !(itself && source_ident_reborn(&c.ident, id)) &&
		    same(arg, &c.ident)) {
			*out = c;
			found = 1;
		}
	}
	if (!found && rc != SQLITE_DONE)
		found = store_fail(st, "looking up the source", err, errlen);
	sqlite3_reset(s);
	return found;
}

int store_source_find(struct store *st, const char *path, const struct source_ident *id,
		      store_same_fn same, void *arg, struct store_source *out,
		      char *err, size_t errlen)
{
	int r = find_one(st, SQL_SRC_BY_PATH, path, id, 1, same, arg, out, err, errlen);
	if (r == 0)
		r = find_one(st, SQL_SRC_BY_INODE, path, id, 1, same, arg, out, err, errlen);
	if (r == 0 && id->fp_len == SOURCE_FP_MAX)
		r = find_one(st, SQL_SRC_BY_FP, path, id, 0, same, arg, out, err, errlen);
	return r;
}

int store_source_recent(struct store *st, const char *path, struct store_source *out, int max,
			char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_SRC_RECENT, err, errlen);
	int rc = SQLITE_DONE, n = 0;
	if (s == NULL)
		return -1;
	bind_named_text(s, ":path", path);
	bind_named_int(s, ":max", max);
	while (n < max && (rc = sqlite3_step(s)) == SQLITE_ROW)
		out[n++] = read_source(s);
	if (n < max && rc != SQLITE_DONE)
		n = store_fail(st, "listing the sources", err, errlen);
	sqlite3_reset(s);
	for (int i = 0; i < n / 2; i++) {	/* newest first -> oldest first */
		struct store_source t = out[i];
		out[i] = out[n - 1 - i];
		out[n - 1 - i] = t;
	}
	return n;
}

/* Inserts a row of kind for (path, id) at position 0; its id, or -1. */
static int64_t add_row(struct store *st, const char *kind, const char *path,
		       const struct source_ident *id, char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_SRC_NEW, err, errlen);
	if (s == NULL)
		return -1;
	bind_source(s, path, id);
	bind_named_text(s, ":kind", kind);
	sqlite3_bind_double(s, sqlite3_bind_parameter_index(s, ":now"), clock_now());
	if (store_exec_stmt(st, s, "adding the source", err, errlen) < 0)
		return -1;
	return sqlite3_last_insert_rowid(st->db);
}

int64_t store_source_new(struct store *st, const char *path, const struct source_ident *id,
			 char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_SRC_RETIRE, err, errlen);
	if (s == NULL)
		return -1;
	bind_named_text(s, ":path", path);
	if (store_exec_stmt(st, s, "retiring the old source", err, errlen) < 0)
		return -1;
	return add_row(st, "file", path, id, err, errlen);
}

int64_t store_source_of(struct store *st, const char *kind, const char *name,
			const struct source_ident *id, char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_SRC_OF, err, errlen);
	int64_t found = -1;
	int rc;
	if (s == NULL)
		return -1;
	bind_source(s, name, id);
	bind_named_text(s, ":kind", kind);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		found = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (rc == SQLITE_ROW)
		return found;
	if (rc != SQLITE_DONE)
		return store_fail(st, "looking up the source", err, errlen);
	return add_row(st, kind, name, id, err, errlen);
}

int store_source_last(struct store *st, const char *kind, const char *name,
		      struct store_source *out, char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_SRC_LAST, err, errlen);
	int rc;
	if (s == NULL)
		return -1;
	memset(out, 0, sizeof *out);
	bind_named_text(s, ":kind", kind);
	bind_named_text(s, ":path", name);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*out = read_source(s);
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, "looking up where reading stopped", err, errlen);
	return rc == SQLITE_ROW;
}

int store_checkpoint(struct store *st, int64_t source_id, const struct source_ident *id,
		     const struct position *pos, char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_CHECKPOINT, err, errlen);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, source_id);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)pos->at);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)id->fp);
	sqlite3_bind_int64(s, 4, id->fp_len);
	if (position_has_token(pos)) {
		sqlite3_bind_text(s, 5, pos->token, -1, SQLITE_STATIC);
		sqlite3_bind_double(s, 6, pos->ts);
	}
	sqlite3_bind_double(s, 7, clock_now());
	sqlite3_bind_int64(s, 8, id->btime);
	return store_exec_stmt(st, s, "saving the checkpoint", err, errlen);
}
