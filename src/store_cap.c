/* store_cap - the SQL of table episode_caps (see store_cap.h). */
#include <stdio.h>
#include "store_cap.h"
#include "store_int.h"

static const char SQL_HIT[] =
	"INSERT INTO episode_caps (pool, cap, hits, first_hit, last_hit) VALUES (?1, ?2, 1, ?3, ?3) "
	"ON CONFLICT (pool) DO UPDATE SET cap = excluded.cap, hits = hits + 1, "
	"last_hit = max(last_hit, excluded.last_hit)";
static const char SQL_EACH[] =
	"SELECT pool, cap, hits, first_hit, last_hit FROM episode_caps WHERE last_hit >= ?1 "
	"ORDER BY hits DESC, pool";

int store_cap_hit(struct store *st, const char *pool, int64_t cap, double now, char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_HIT, err, errlen);
	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, pool, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, cap);
	sqlite3_bind_double(s, 3, now);
	return store_exec_stmt(st, s, "counting a capped block reply", err, errlen);
}

int store_cap_each(struct store *st, double since, int (*fn)(void *arg, const struct store_cap_row *r),
		   void *arg, char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_EACH, err, errlen);
	int rc;
	if (s == NULL)
		return -1;
	sqlite3_bind_double(s, 1, since);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_cap_row r = {
			.pool = (const char *)sqlite3_column_text(s, 0),
			.cap = sqlite3_column_int64(s, 1), .hits = sqlite3_column_int64(s, 2),
			.first_hit = sqlite3_column_double(s, 3), .last_hit = sqlite3_column_double(s, 4),
		};
		if (fn(arg, &r))
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		sqlite3_reset(s);
		return store_fail(st, "reading episode_caps", err, errlen);
	}
	sqlite3_reset(s);
	return 0;
}
