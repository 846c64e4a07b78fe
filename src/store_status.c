/* store_status - the follower's health rows (see store_status.h).
 *
 * Owns the SQL of table reader_status. A database opened read-only that
 * predates the table (never opened by a writer of this version) simply has
 * no such rows.
 */
#include <stdio.h>
#include <string.h>
#include "store_int.h"
#include "store_status.h"

static const char SQL_SET[] =
	"INSERT INTO reader_status (path, since, error) VALUES (?1, ?2, ?3) "
	"ON CONFLICT (path) DO UPDATE SET error = excluded.error";
static const char SQL_CLEAR[] = "DELETE FROM reader_status WHERE path = ?1";
static const char SQL_GET[] =
	"SELECT (SELECT count(*) FROM reader_status), path, since, error "
	"FROM reader_status ORDER BY since, path LIMIT 1";

int store_unreadable_set(struct store *st, const char *path, double since, const char *why,
			 char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_SET, err, errlen);
	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, path, -1, SQLITE_STATIC);
	sqlite3_bind_double(s, 2, since);
	sqlite3_bind_text(s, 3, why, -1, SQLITE_STATIC);
	return store_exec_stmt(st, s, "recording an unreadable file", err, errlen);
}

int store_unreadable_clear(struct store *st, const char *path, char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_CLEAR, err, errlen);
	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, path, -1, SQLITE_STATIC);
	return store_exec_stmt(st, s, "clearing an unreadable file", err, errlen);
}

static void col_text(sqlite3_stmt *s, int i, char *out, size_t n)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	snprintf(out, n, "%s", t ? (const char *)t : "");
}

int store_unreadable_get(struct store *st, struct store_unreadable *u, char *err, size_t errlen)
{
	sqlite3_stmt *s;
	int rc;
	memset(u, 0, sizeof *u);
	if (sqlite3_table_column_metadata(st->db, NULL, "reader_status", "path", NULL, NULL, NULL,
					  NULL, NULL) != SQLITE_OK)
		return 0;
	if ((s = store_stmt(st, SQL_GET, err, errlen)) == NULL)
		return -1;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		u->count = sqlite3_column_int(s, 0);
		col_text(s, 1, u->path, sizeof u->path);
		u->since = sqlite3_column_double(s, 2);
		col_text(s, 3, u->why, sizeof u->why);
	}
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_fail(st, "reading reader_status", err, errlen);
}
