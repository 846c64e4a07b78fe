/* store_rows - deliveries, the rules table and generic selects
 * (see store.h). Part of the store family: the only code that speaks SQL.
 * Every statement is a string constant prepared once through store_stmt().
 */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "clock.h"
#include "store_int.h"
#include "store_rollup.h"

static const char SQL_ADD[] =
	"INSERT OR IGNORE INTO deliveries (id, ts, host, mta, program, queue_id, sender, recipient, "
	"orig_to, rcpt_domain, relay_host, relay_ip, relay_port, status, smtp_code, dsn, stage, "
	"reply, delay, delays, rule_id, provider, category, is_block, sending_ip, source_id, offset, "
	"blocklist, pool, is_local, worded_as, rolled) "
	"VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,"
	"?23,?24,?25,?26,?27,?28,?29,?30,?31,1)";
static const char SQL_SAME[] =
	"SELECT 1 FROM deliveries WHERE id = ?1 AND ts = ?2 AND queue_id IS ?3 AND recipient IS ?4 "
	"AND status = ?5 AND reply IS ?6";
static const char SQL_RULES_CLEAR[] = "DELETE FROM rules";
static const char SQL_RULES_ADD[] =
	"INSERT OR REPLACE INTO rules (id, provider, category, block, priority, description, "
	"advice, file, line) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)";

/* The delivery row id of position offset of source source_id; -1 with err
 * when the position does not fit (position.h). */
static int64_t row_id(int64_t source_id, uint64_t offset, char *err, size_t errlen)
{
	int64_t id = position_row_id(source_id, offset);
	if (id < 0)
		snprintf(err, errlen, "source %lld: position %llu does not fit in a row id",
			 (long long)source_id, (unsigned long long)offset);
	return id;
}

static void bind_opt_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v && *v)
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
}

int store_has(struct store *st, int64_t source_id, uint64_t offset, const struct delivery *d,
	      char *err, size_t errlen)
{
	sqlite3_stmt *s;
	int64_t id = row_id(source_id, offset, err, errlen);
	int rc;
	if (id < 0 || (s = store_stmt(st, SQL_SAME, err, errlen)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_double(s, 2, d->ts);
	store_bind_str(s, 3, d->queue_id);
	store_bind_str(s, 4, d->recipient);
	sqlite3_bind_text(s, 5, delivery_status_name(d->status), -1, SQLITE_STATIC);
	store_bind_str(s, 6, d->reply);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, "looking up a delivery", err, errlen);
	return rc == SQLITE_ROW;
}

int store_add(struct store *st, int64_t source_id, uint64_t offset,
	      const struct delivery *d, const struct verdict *v, char *err, size_t errlen)
{
	sqlite3_stmt *s;
	int64_t id = row_id(source_id, offset, err, errlen);
	if (id < 0 || (s = store_stmt(st, SQL_ADD, err, errlen)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_double(s, 2, d->ts);
	store_bind_str(s, 3, d->host);
	sqlite3_bind_text(s, 4, d->mta, -1, SQLITE_STATIC);
	store_bind_str(s, 5, d->program);
	store_bind_str(s, 6, d->queue_id);
	if (d->has_sender)
		sqlite3_bind_text(s, 7, d->sender.p ? d->sender.p : "", (int)d->sender.len, SQLITE_STATIC);
	store_bind_str(s, 8, d->recipient);
	store_bind_str(s, 9, d->orig_to);
	bind_opt_text(s, 10, d->rcpt_domain);
	store_bind_str(s, 11, d->relay_host);
	store_bind_str(s, 12, d->relay_ip);
	if (d->relay_port >= 0)
		sqlite3_bind_int(s, 13, d->relay_port);
	sqlite3_bind_text(s, 14, delivery_status_name(d->status), -1, SQLITE_STATIC);
	if (d->smtp_code > 0)
		sqlite3_bind_int(s, 15, d->smtp_code);
	store_bind_str(s, 16, d->dsn);
	bind_opt_text(s, 17, delivery_stage_name(d->stage));
	store_bind_str(s, 18, d->reply);
	if (d->delay >= 0)
		sqlite3_bind_double(s, 19, d->delay);
	store_bind_str(s, 20, d->delays);
	bind_opt_text(s, 21, v->rule_id);
	bind_opt_text(s, 22, v->provider);
	bind_opt_text(s, 23, v->category);
	sqlite3_bind_int(s, 24, v->block);
	bind_opt_text(s, 25, v->sending_ip);
	sqlite3_bind_int64(s, 26, source_id);
	sqlite3_bind_int64(s, 27, (sqlite3_int64)offset);
	bind_opt_text(s, 28, v->blocklist);
	bind_opt_text(s, 29, v->pool);
	sqlite3_bind_int(s, 30, d->local != 0);
	bind_opt_text(s, 31, v->worded_as);
	if (store_exec_stmt(st, s, "storing a delivery", err, errlen) < 0)
		return -1;
	if (sqlite3_changes(st->db) == 0)
		return 0;
	store_rollup_note(st, d, v);
	/* Outside a transaction the row is already committed: so is its rollup. */
	if (!st->in_txn) {
		if (store_rollup_flush(st, err, errlen) < 0)
			return -1;
		store_rollup_committed(st);
	}
	return 1;
}

int store_sync_rules(struct store *st, const struct rules *r, char *err, size_t errlen)
{
	sqlite3_stmt *s;
	int own = !st->in_txn;
	if (own && store_begin(st, err, errlen) < 0)
		return -1;
	if ((s = store_stmt(st, SQL_RULES_CLEAR, err, errlen)) == NULL ||
	    store_exec_stmt(st, s, "clearing rules", err, errlen) < 0)
		goto fail;
	for (size_t i = 0; i < rules_count(r); i++) {
		const struct rule_info *ri = rules_info(r, i);
		if ((s = store_stmt(st, SQL_RULES_ADD, err, errlen)) == NULL)
			goto fail;
		sqlite3_bind_text(s, 1, ri->id, -1, SQLITE_STATIC);
		bind_opt_text(s, 2, ri->provider);
		sqlite3_bind_text(s, 3, ri->category, -1, SQLITE_STATIC);
		sqlite3_bind_int(s, 4, ri->block);
		sqlite3_bind_int(s, 5, ri->priority);
		bind_opt_text(s, 6, ri->description);
		bind_opt_text(s, 7, ri->advice);
		bind_opt_text(s, 8, ri->file);
		sqlite3_bind_int(s, 9, ri->line);
		if (store_exec_stmt(st, s, "storing a rule", err, errlen) < 0)
			goto fail;
	}
	if (own && store_commit(st, err, errlen) < 0)
		goto fail;
	return 0;
fail:
	if (own)
		store_rollback(st);
	return -1;
}

int store_select(struct store *st, const char *sql, const char *const *params, int nparams,
		 store_row_fn row, void *arg, char *err, size_t errlen)
{
	sqlite3_stmt *s = NULL;
	const char *names[64], *vals[64];
	int rc, ret = 0;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return store_fail(st, "query", err, errlen);
	for (int i = 0; i < nparams; i++)
		sqlite3_bind_text(s, i + 1, params[i], -1, SQLITE_STATIC);
	int ncol = sqlite3_column_count(s);
	if (ncol > 64)
		ncol = 64;
	for (int i = 0; i < ncol; i++)
		names[i] = sqlite3_column_name(s, i);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		for (int i = 0; i < ncol; i++)
			vals[i] = (const char *)sqlite3_column_text(s, i);
		if (row(arg, ncol, names, vals) != 0)
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		ret = store_fail(st, "query", err, errlen);
	sqlite3_finalize(s);
	return ret;
}
