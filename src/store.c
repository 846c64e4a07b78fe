/* store - the SQLite database: opening, schema migrations, transactions,
 * sources and deliveries (see store.h).
 *
 * Owns the sqlite3 handle and every prepared statement (cached in
 * store_stmt()). Invariants: a writer's rows and its source checkpoint are
 * only ever committed together; deliveries.id = source_id * 2^40 + offset, so
 * INSERT OR IGNORE makes a repeated line a no-op. Knows nothing of log
 * formats: it stores what struct delivery and struct verdict say.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "schema.h"
#include "store_ids.h"
#include "store_int.h"
#include "store_rollup.h"
#include "xmalloc.h"


int store_fail(struct store *st, const char *what, char *err, size_t errlen)
{
	snprintf(err, errlen, "%s: %s", what, st && st->db ? sqlite3_errmsg(st->db) : "out of memory");
	return -1;
}

sqlite3_stmt *store_stmt(struct store *st, const char *sql, char *err, size_t errlen)
{
	for (int i = 0; i < st->nstmt; i++)
		if (st->sql_key[i] == sql) {
			sqlite3_reset(st->stmt[i]);
			sqlite3_clear_bindings(st->stmt[i]);
			return st->stmt[i];
		}
	if (st->nstmt == STORE_STMT_MAX) {
		snprintf(err, errlen, "too many prepared statements");
		return NULL;
	}
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL) != SQLITE_OK) {
		store_fail(st, "prepare", err, errlen);
		return NULL;
	}
	st->sql_key[st->nstmt] = sql;
	st->stmt[st->nstmt++] = s;
	return s;
}

int store_bind_str(sqlite3_stmt *s, int i, struct str v)
{
	if (v.p == NULL)
		return sqlite3_bind_null(s, i);
	return sqlite3_bind_text(s, i, v.p, (int)v.len, SQLITE_STATIC);
}

int store_exec_stmt(struct store *st, sqlite3_stmt *s, const char *what, char *err, size_t errlen)
{
	int rc = sqlite3_step(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		store_fail(st, what, err, errlen);
	sqlite3_reset(s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

static int exec_sql(struct store *st, const char *sql, const char *what, char *err, size_t errlen)
{
	char *msg = NULL;
	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) == SQLITE_OK)
		return 0;
	snprintf(err, errlen, "%s: %s", what, msg ? msg : sqlite3_errmsg(st->db));
	sqlite3_free(msg);
	return -1;
}

static int user_version(struct store *st, int *v, char *err, size_t errlen)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s, NULL);
	if (rc == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
		*v = sqlite3_column_int(s, 0);
	else
		rc = SQLITE_ERROR;
	if (rc != SQLITE_OK)
		store_fail(st, "reading the schema version", err, errlen);
	sqlite3_finalize(s);
	return rc == SQLITE_OK ? 0 : -1;
}

static int migrate(struct store *st, char *err, size_t errlen)
{
	int have;
	const int want = schema_migrations[schema_migration_count - 1].version;
	if (user_version(st, &have, err, errlen) < 0)
		return -1;
	if (have > want) {
		snprintf(err, errlen, "database schema version %d is newer than this bouncewatch (%d)",
			 have, want);
		return -1;
	}
	if (st->mode == STORE_READ) {
		if (have < want) {
			snprintf(err, errlen, "database schema version %d is older than this bouncewatch "
				 "(%d): run 'bouncewatch scan' once to upgrade it", have, want);
			return -1;
		}
		return 0;
	}
	for (int i = 0; i < schema_migration_count; i++) {
		const struct schema_migration *m = &schema_migrations[i];
		char setv[64];
		if (m->version <= have)
			continue;
		snprintf(setv, sizeof setv, "PRAGMA user_version = %d", m->version);
		if (exec_sql(st, "BEGIN IMMEDIATE", "migration", err, errlen) < 0)
			return -1;
		if (exec_sql(st, m->sql, m->name, err, errlen) < 0 ||
		    exec_sql(st, setv, m->name, err, errlen) < 0 ||
		    exec_sql(st, "COMMIT", m->name, err, errlen) < 0) {
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
			return -1;
		}
	}
	return 0;
}

/* Creates the file with mode 0640 so the WAL files SQLite makes inherit it. */
static int create_file(const char *path, char *err, size_t errlen)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0640);
	if (fd < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	close(fd);
	return 0;
}

/* 1 with err when the directory that would hold path does not exist:
 * the message names the ways to choose another path. */
static int missing_dir(const char *path, char *err, size_t errlen)
{
	const char *slash = strrchr(path, '/');
	struct stat sb;
	char *dir;
	int missing;

	if (slash == NULL || slash == path)
		return 0;
	dir = xstrndup(path, (size_t)(slash - path));
	missing = stat(dir, &sb) != 0 && errno == ENOENT;
	if (missing)
		snprintf(err, errlen, "%s: %s (the directory %s does not exist; create it, or "
			 "choose the database with --db PATH or BOUNCEWATCH_DB)", path,
			 strerror(ENOENT), dir);
	free(dir);
	errno = ENOENT;
	return missing;
}

/* SQLite's allocation statistics take a mutex and update counters on every
 * allocation; nothing here reads them (no sqlite3_memory_used(), no heap
 * limit), and parsing the schema, which every command's first statement
 * does, allocates a few thousand times: a fifth of that parse. Settable
 * only before SQLite initialises, hence once, before the first open. */
static void store_library_init(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

struct store *store_open(const char *path, enum store_mode mode, char *err, size_t errlen)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	struct store *st;
	struct stat sb;
	int flags = mode == STORE_READ ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;

	pthread_once(&once, store_library_init);
	st = xcalloc(1, sizeof *st);
	st->mode = mode;
	/* A symbolic link is refused: a dangling one would make us create its
	 * target wherever it points. */
	if (lstat(path, &sb) == 0 && S_ISLNK(sb.st_mode)) {
		snprintf(err, errlen, "%s: is a symbolic link; give the database's real path", path);
		goto fail;
	}
	if (stat(path, &sb) != 0) {
		if (errno == ENOENT && missing_dir(path, err, errlen))
			goto fail;
		if (errno == ENOENT && mode == STORE_READ) {
			snprintf(err, errlen, "%s: %s (no such database: `bouncewatch scan LOG` "
				 "(once) or `bouncewatch tail LOG` creates it, or choose another with "
				 "--db PATH or BOUNCEWATCH_DB)", path, strerror(ENOENT));
			goto fail;
		}
		if (mode == STORE_READ || errno != ENOENT) {
			snprintf(err, errlen, "%s: %s", path, strerror(errno));
			goto fail;
		}
		if (create_file(path, err, errlen) < 0)
			goto fail;
		sb.st_size = 0;
	} else if (S_ISDIR(sb.st_mode)) {
		snprintf(err, errlen, "%s: is a directory", path);
		goto fail;
	}
	if (sqlite3_open_v2(path, &st->db, flags | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_NOFOLLOW,
			    NULL) != SQLITE_OK) {
		store_fail(st, path, err, errlen);
		goto fail;
	}
	if (mode == STORE_WRITE && sqlite3_db_readonly(st->db, "main") == 1) {
		snprintf(err, errlen, "%s: database is read-only (no write permission)", path);
		goto fail;
	}
	sqlite3_busy_timeout(st->db, 10000);
	sqlite3_extended_result_codes(st->db, 1);
	/* A new (empty) file returns freed pages with PRAGMA incremental_vacuum
	 * (prune): auto_vacuum can only be chosen before the file has a header,
	 * which switching to WAL writes. */
	if (mode == STORE_WRITE && sb.st_size == 0 &&
	    exec_sql(st, "PRAGMA auto_vacuum = INCREMENTAL", path, err, errlen) < 0)
		goto fail;
	if (mode == STORE_WRITE &&
	    (exec_sql(st, "PRAGMA journal_mode=WAL", path, err, errlen) < 0 ||
	     exec_sql(st, "PRAGMA synchronous=NORMAL", path, err, errlen) < 0))
		goto fail;
	if (migrate(st, err, errlen) < 0)
		goto fail;
	/* The triggers of the schema keep the rollups right for rows others
	 * write (sqlite3: rolled = 0); bouncewatch adds its own rows itself
	 * (store_rollup.c) and never changes them, and a trigger program run per
	 * row stored and per rollup upsert costs a scan ~10 % of its CPU. */
	if (mode == STORE_WRITE)
		sqlite3_db_config(st->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, (int *)NULL);
	if (mode == STORE_WRITE &&
	    (store_ids_open(st, err, errlen) < 0 || store_rollup_catch_up(st, err, errlen) < 0))
		goto fail;
	if (stat(path, &sb) == 0) {
		st->dev = sb.st_dev;
		st->ino = sb.st_ino;
	}
	st->path = xstrdup(path);
	return st;
fail:
	store_free(st);
	return NULL;
}

int store_file_gone(const struct store *st, char *err, size_t errlen)
{
	struct stat sb;
	if (stat(st->path, &sb) != 0 && errno == ENOENT) {
		snprintf(err, errlen, "%s: the database file was deleted; what is written now "
			 "would be lost", st->path);
		return 1;
	}
	if (stat(st->path, &sb) == 0 && (sb.st_dev != st->dev || sb.st_ino != st->ino)) {
		snprintf(err, errlen, "%s: the database file was replaced by another file", st->path);
		return 1;
	}
	return 0;
}

void store_free(struct store *st)
{
	if (st == NULL)
		return;
	free(st->path);
	if (st->in_txn)
		store_rollback(st);
	store_rollup_free(st->ru);
	for (int i = 0; i < st->nstmt; i++)
		sqlite3_finalize(st->stmt[i]);
	sqlite3_close(st->db);
	free(st);
}

int store_begin(struct store *st, char *err, size_t errlen)
{
	if (st->in_txn)
		return 0;
	/* A reader's transaction is one snapshot for all it reads. */
	if (exec_sql(st, st->mode == STORE_READ ? "BEGIN" : "BEGIN IMMEDIATE", "begin transaction",
		     err, errlen) < 0)
		return -1;
	st->in_txn = 1;
	return 0;
}

int store_commit(struct store *st, char *err, size_t errlen)
{
	if (!st->in_txn)
		return 0;
	if (store_rollup_flush(st, err, errlen) < 0 || exec_sql(st, "COMMIT", "commit", err, errlen) < 0)
		return -1;
	st->in_txn = 0;
	store_rollup_committed(st);
	st->commits++;
	return 0;
}

uint64_t store_commits(const struct store *st) { return st->commits; }

void store_rollback(struct store *st)
{
	if (st->in_txn)
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	store_rollup_drop(st);
	st->in_txn = 0;
}
