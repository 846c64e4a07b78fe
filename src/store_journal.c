/* store_journal - journal sources: one row per sequence-number id of a
 * journal, and the cursor where reading resumes (see store.h). Part of the
 * store family: the only code that speaks SQL.
 * Invariant: the cursor of a journal only moves in the transaction that
 * stores the rows of the entries before it.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "store_int.h"

/* By the sequence-number id alone: the same journal read under another
 * name (--journal, --journal-dir /var/log/journal, a copy) keeps its rows. */
static const char SQL_JSRC_FIND[] =
	"SELECT id FROM sources WHERE kind = 'journal' AND fp = ?1 AND fp_len = 0 ORDER BY id LIMIT 1";
static const char SQL_JSRC_NEW[] =
	"INSERT INTO sources (path, dev, ino, fp, fp_len, offset, active, first_seen, updated, kind) "
	"VALUES (?1, 0, 0, ?2, 0, 0, 1, ?3, ?3, 'journal')";
static const char SQL_JSRC_LAST[] =
	"SELECT id, fp, offset, cursor, cursor_ts FROM sources "
	"WHERE kind = 'journal' AND path = ?1 AND cursor IS NOT NULL "
	"ORDER BY updated DESC, id DESC LIMIT 1";
static const char SQL_JSRC_CHECKPOINT[] =
	"UPDATE sources SET offset = ?2, cursor = ?3, cursor_ts = ?4, updated = ?5 WHERE id = ?1";

static double now_real(void)
{
	struct timespec t;
	clock_gettime(CLOCK_REALTIME, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

int64_t store_journal_source(struct store *st, const char *label, uint64_t seqnum_id,
			     char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_JSRC_FIND, err, errlen);
	int64_t id = -1;
	int rc;
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, (sqlite3_int64)seqnum_id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (rc == SQLITE_ROW)
		return id;
	if (rc != SQLITE_DONE)
		return store_fail(st, "looking up the journal source", err, errlen);
	if ((s = store_stmt(st, SQL_JSRC_NEW, err, errlen)) == NULL)
		return -1;
	sqlite3_bind_text(s, 1, label, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)seqnum_id);
	sqlite3_bind_double(s, 3, now_real());
	if (store_exec_stmt(st, s, "adding the journal source", err, errlen) < 0)
		return -1;
	return sqlite3_last_insert_rowid(st->db);
}

int store_journal_last(struct store *st, const char *label, struct store_journal_pos *out,
		       char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_JSRC_LAST, err, errlen);
	int rc;
	if (s == NULL)
		return -1;
	memset(out, 0, sizeof *out);
	sqlite3_bind_text(s, 1, label, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		const unsigned char *c = sqlite3_column_text(s, 3);
		out->id = sqlite3_column_int64(s, 0);
		out->seqnum_id = (uint64_t)sqlite3_column_int64(s, 1);
		out->seqnum = (uint64_t)sqlite3_column_int64(s, 2);
		snprintf(out->cursor, sizeof out->cursor, "%s", c ? (const char *)c : "");
		out->ts = sqlite3_column_double(s, 4);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, "looking up the journal cursor", err, errlen);
	return rc == SQLITE_ROW;
}

int store_journal_checkpoint(struct store *st, const struct store_journal_pos *pos,
			     char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_JSRC_CHECKPOINT, err, errlen);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, pos->id);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)pos->seqnum);
	sqlite3_bind_text(s, 3, pos->cursor, -1, SQLITE_STATIC);
	sqlite3_bind_double(s, 4, pos->ts);
	sqlite3_bind_double(s, 5, now_real());
	return store_exec_stmt(st, s, "saving the journal cursor", err, errlen);
}
