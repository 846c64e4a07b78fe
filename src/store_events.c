/* store_events - mail_events: messages the MTA received, clients it
 * refused (see store.h, schema/025_mail_events.sql). Part of the store
 * family: the only code that speaks SQL.
 */
#include "store_int.h"

static const char SQL_EVENT_ADD[] =
	"INSERT OR IGNORE INTO mail_events (id, ts, kind, host) VALUES (?1, ?2, ?3, ?4)";
static const char SQL_EVENT_SAME[] = "SELECT 1 FROM mail_events WHERE id = ?1 AND ts = ?2";

int store_event_add(struct store *st, int64_t source_id, uint64_t offset, double ts, int received,
		    struct str host, char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_EVENT_ADD, err, errlen);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, store_row_id(source_id, offset));
	sqlite3_bind_double(s, 2, ts);
	sqlite3_bind_text(s, 3, received ? "received" : "rejected", -1, SQLITE_STATIC);
	store_bind_str(s, 4, host);
	if (store_exec_stmt(st, s, "storing a received/rejected count", err, errlen) < 0)
		return -1;
	return sqlite3_changes(st->db) > 0;
}

int store_event_has(struct store *st, int64_t source_id, uint64_t offset, double ts,
		    char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_EVENT_SAME, err, errlen);
	int rc;
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, store_row_id(source_id, offset));
	sqlite3_bind_double(s, 2, ts);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, "looking up a received/rejected count", err, errlen);
	return rc == SQLITE_ROW;
}
