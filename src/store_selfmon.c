/* store_selfmon - bouncewatch's own health in the store (see
 * store_selfmon.h). Owns the SQL of table line_counts and the health
 * queries on alerts and episodes.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "store_int.h"
#include "store_selfmon.h"

static const char SQL_ADD[] =
	"INSERT INTO line_counts (hour, lines, not_understood) VALUES (?1, ?2, ?3) "
	"ON CONFLICT (hour) DO UPDATE SET lines = lines + excluded.lines, "
	"not_understood = not_understood + excluded.not_understood";
static const char SQL_GET[] =
	"SELECT coalesce(sum(lines), 0), coalesce(sum(not_understood), 0) FROM line_counts "
	"WHERE hour >= ?1 AND hour < ?2";
static const char SQL_ALERTS[] =
	"SELECT (SELECT count(*) FROM alerts WHERE announce = 1 AND delivered IS NULL AND attempts > 0), "
	"(SELECT min(created) FROM alerts WHERE announce = 1 AND delivered IS NULL AND attempts > 0), "
	"(SELECT last_error FROM alerts WHERE announce = 1 AND delivered IS NULL AND attempts > 0 "
	" ORDER BY id DESC LIMIT 1), "
	"(SELECT count(*) FROM episodes WHERE cleared IS NULL)";

int store_lines_add(struct store *st, double now, int64_t lines, int64_t not_understood,
		    char *err, size_t errlen)
{
	sqlite3_stmt *s;
	if (lines <= 0 && not_understood <= 0)
		return 0;
	if ((s = store_stmt(st, SQL_ADD, err, errlen)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, (int64_t)floor(now / 3600) * 3600);
	sqlite3_bind_int64(s, 2, lines);
	sqlite3_bind_int64(s, 3, not_understood);
	return store_exec_stmt(st, s, "counting lines", err, errlen);
}

int store_lines_get(struct store *st, double from, double to, int64_t *lines,
		    int64_t *not_understood, char *err, size_t errlen)
{
	sqlite3_stmt *s;
	int rc;
	*lines = *not_understood = 0;
	if (sqlite3_table_column_metadata(st->db, NULL, "line_counts", "hour", NULL, NULL, NULL, NULL,
					  NULL) != SQLITE_OK)
		return 0;
	if ((s = store_stmt(st, SQL_GET, err, errlen)) == NULL)
		return -1;
	sqlite3_bind_double(s, 1, from);
	sqlite3_bind_double(s, 2, to);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*lines = sqlite3_column_int64(s, 0);
		*not_understood = sqlite3_column_int64(s, 1);
	}
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 0 : store_fail(st, "reading line_counts", err, errlen);
}

int store_alert_health(struct store *st, struct store_alert_health *h, char *err, size_t errlen)
{
	sqlite3_stmt *s;
	int rc;
	memset(h, 0, sizeof *h);
	if ((s = store_stmt(st, SQL_ALERTS, err, errlen)) == NULL)
		return -1;
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const unsigned char *t = sqlite3_column_text(s, 2);
		h->failing = sqlite3_column_int64(s, 0);
		h->since = sqlite3_column_double(s, 1);
		snprintf(h->last_error, sizeof h->last_error, "%s", t ? (const char *)t : "");
		h->open_episodes = sqlite3_column_int64(s, 3);
	}
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 0 : store_fail(st, "reading alerts", err, errlen);
}
