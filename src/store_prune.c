/* store_prune - bounded growth (see store_prune.h). Part of the store
 * family: the only code that speaks SQL.
 */
#include <stdio.h>
#include "store_ids.h"
#include "store_int.h"
#include "store_prune.h"
#include "store_rollup.h"

static const char SQL_PRUNE[] =
	"DELETE FROM deliveries WHERE id IN "
	"(SELECT id FROM deliveries WHERE ts < ?1 ORDER BY ts LIMIT ?2)";
static const char SQL_PRUNE_EVENTS[] =
	"DELETE FROM mail_events WHERE id IN "
	"(SELECT id FROM mail_events WHERE ts < ?1 ORDER BY ts LIMIT ?2)";

/* One bounded DELETE; the rows deleted, or -1 with err. */
static int64_t prune_one(struct store *st, const char *sql, double before, long batch,
			 char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, sql, err, errlen);
	if (s == NULL)
		return -1;
	sqlite3_bind_double(s, 1, before);
	sqlite3_bind_int64(s, 2, batch);
	if (store_exec_stmt(st, s, "prune", err, errlen) < 0)
		return -1;
	return sqlite3_changes(st->db);
}

int64_t store_prune_batch(struct store *st, double before, long batch, int64_t *events,
			  char *err, size_t errlen)
{
	int64_t n, ev;
	if (store_begin(st, err, errlen) < 0)
		return -1;
	/* reason rollups still to be built from rows, open hours: before the rows go */
	if (store_rollup_settle(st, err, errlen) < 0 ||
	    store_rollup_close_before(st, before, err, errlen) < 0 ||
	    (n = prune_one(st, SQL_PRUNE, before, batch, err, errlen)) < 0 ||
	    store_ids_prune(st, before, err, errlen) < 0 ||
	    (ev = prune_one(st, SQL_PRUNE_EVENTS, before, batch, err, errlen)) < 0 ||
	    store_commit(st, err, errlen) < 0)
		goto fail;
	*events = ev;
	return n;
fail:
	store_rollback(st);
	return -1;
}

static int pragma_int(struct store *st, const char *sql, int64_t *v, char *err, size_t errlen)
{
	sqlite3_stmt *s;
	int rc;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return store_fail(st, sql, err, errlen);
	rc = sqlite3_step(s);
	*v = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_finalize(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_fail(st, sql, err, errlen);
}

int store_pages(struct store *st, int64_t *pages, int64_t *free_pages, int64_t *page_size,
		char *err, size_t errlen)
{
	if (pragma_int(st, "PRAGMA page_count", pages, err, errlen) < 0 ||
	    pragma_int(st, "PRAGMA freelist_count", free_pages, err, errlen) < 0 ||
	    pragma_int(st, "PRAGMA page_size", page_size, err, errlen) < 0)
		return -1;
	return 0;
}

static int run(struct store *st, const char *sql, char *err, size_t errlen)
{
	char *msg = NULL;
	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		snprintf(err, errlen, "%s: %s", sql, msg ? msg : sqlite3_errmsg(st->db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

int store_reclaim(struct store *st, int full, const char **mode, char *err, size_t errlen)
{
	int64_t av;
	*mode = "none";
	if (pragma_int(st, "PRAGMA auto_vacuum", &av, err, errlen) < 0)
		return -1;
	if (av == 2) {	/* INCREMENTAL */
		*mode = "incremental";
		return run(st, "PRAGMA incremental_vacuum", err, errlen);
	}
	if (!full)
		return 0;
	*mode = "full";
	return run(st, "PRAGMA auto_vacuum = INCREMENTAL", err, errlen) < 0 ? -1
	       : run(st, "VACUUM", err, errlen);
}
