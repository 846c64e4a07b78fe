/* store_rows - sources, deliveries, the rules table and generic selects
 * (see store.h). Part of the store family: the only code that speaks SQL.
 * Every statement is a string constant prepared once through store_stmt().
 */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "clock.h"
#include "store_int.h"
#include "store_rollup.h"

/* Source statements name their parameters (:path :dev :ino :fp :fp_len):
 * bind_source() binds those a statement has. */
static const char SQL_SRC_BY_PATH[] =
	"SELECT id, dev, ino, fp, fp_len, offset FROM sources "
	"WHERE path = :path AND active = 1 AND dev = :dev AND ino = :ino ORDER BY id DESC";
static const char SQL_SRC_BY_INODE[] =
	"SELECT id, dev, ino, fp, fp_len, offset FROM sources "
	"WHERE dev = :dev AND ino = :ino ORDER BY id DESC";
static const char SQL_SRC_BY_FP[] =
	"SELECT id, dev, ino, fp, fp_len, offset FROM sources "
	"WHERE fp = :fp AND fp_len = :fp_len ORDER BY id DESC";
static const char SQL_SRC_RECENT[] =
	"SELECT id, dev, ino, fp, fp_len, offset, updated FROM sources WHERE path = ?1 "
	"ORDER BY id DESC LIMIT ?2";
static const char SQL_SRC_RETIRE[] = "UPDATE sources SET active = 0 WHERE path = ?1";
static const char SQL_SRC_NEW[] =
	"INSERT INTO sources (path, dev, ino, fp, fp_len, offset, active, first_seen, updated) "
	"VALUES (:path, :dev, :ino, :fp, :fp_len, 0, 1, :now, :now)";
static const char SQL_CHECKPOINT[] =
	"UPDATE sources SET offset = ?2, fp = ?3, fp_len = ?4, updated = ?5 WHERE id = ?1";
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

static void bind_named_int(sqlite3_stmt *s, const char *name, sqlite3_int64 v)
{
	int i = sqlite3_bind_parameter_index(s, name);
	if (i > 0)
		sqlite3_bind_int64(s, i, v);
}

/* Binds the source parameters that s names. */
static void bind_source(sqlite3_stmt *s, const char *path, const struct source_ident *id)
{
	int i = sqlite3_bind_parameter_index(s, ":path");
	if (i > 0)
		sqlite3_bind_text(s, i, path, -1, SQLITE_STATIC);
	bind_named_int(s, ":dev", (sqlite3_int64)id->dev);
	bind_named_int(s, ":ino", (sqlite3_int64)id->ino);
	bind_named_int(s, ":fp", (sqlite3_int64)id->fp);
	bind_named_int(s, ":fp_len", id->fp_len);
}

/* One lookup: binds path, dev, ino, fp, fp_len; 1 found (same fingerprint), 0, -1. */
static int find_one(struct store *st, const char *sql, const char *path,
		    const struct source_ident *id, store_same_fn same, void *arg,
		    struct store_source *out, char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, sql, err, errlen);
	int rc, found = 0;
	if (s == NULL)
		return -1;
	bind_source(s, path, id);
	while (!found && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_source c = {
			.id = sqlite3_column_int64(s, 0),
			.ident = { .dev = (dev_t)sqlite3_column_int64(s, 1),
				   .ino = (ino_t)sqlite3_column_int64(s, 2),
				   .fp = (uint64_t)sqlite3_column_int64(s, 3),
				   .fp_len = (uint32_t)sqlite3_column_int64(s, 4) },
			.offset = (uint64_t)sqlite3_column_int64(s, 5),
		};
		/* The remembered fingerprint may cover fewer bytes than the file
		 * has now: the file itself must agree on what it covers. */
		if (c.ident.fp_len <= id->fp_len && same(arg, &c.ident)) {
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
	int r = find_one(st, SQL_SRC_BY_PATH, path, id, same, arg, out, err, errlen);
	if (r == 0)
		r = find_one(st, SQL_SRC_BY_INODE, path, id, same, arg, out, err, errlen);
	if (r == 0 && id->fp_len == SOURCE_FP_MAX)
		r = find_one(st, SQL_SRC_BY_FP, path, id, same, arg, out, err, errlen);
	return r;
}

int store_source_recent(struct store *st, const char *path, struct store_source *out, int max,
			char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_SRC_RECENT, err, errlen);
	int rc = SQLITE_DONE, n = 0;
	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, path, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 2, max);
	while (n < max && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		out[n++] = (struct store_source){
			.id = sqlite3_column_int64(s, 0),
			.ident = { .dev = (dev_t)sqlite3_column_int64(s, 1),
				   .ino = (ino_t)sqlite3_column_int64(s, 2),
				   .fp = (uint64_t)sqlite3_column_int64(s, 3),
				   .fp_len = (uint32_t)sqlite3_column_int64(s, 4) },
			.offset = (uint64_t)sqlite3_column_int64(s, 5),
			.updated = sqlite3_column_double(s, 6),
		};
	}
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

int64_t store_source_new(struct store *st, const char *path, const struct source_ident *id,
			 char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_SRC_RETIRE, err, errlen);
	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, path, -1, SQLITE_STATIC);
	if (store_exec_stmt(st, s, "retiring the old source", err, errlen) < 0)
		return -1;
	if ((s = store_stmt(st, SQL_SRC_NEW, err, errlen)) == NULL)
		return -1;
	bind_source(s, path, id);
	sqlite3_bind_double(s, sqlite3_bind_parameter_index(s, ":now"), clock_now());
	if (store_exec_stmt(st, s, "adding the source", err, errlen) < 0)
		return -1;
	return sqlite3_last_insert_rowid(st->db);
}

int store_checkpoint(struct store *st, int64_t source_id, const struct source_ident *id,
		     uint64_t offset, char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_CHECKPOINT, err, errlen);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, source_id);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)offset);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)id->fp);
	sqlite3_bind_int64(s, 4, id->fp_len);
	sqlite3_bind_double(s, 5, clock_now());
	return store_exec_stmt(st, s, "saving the checkpoint", err, errlen);
}

static void bind_opt_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v && *v)
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
}

int store_has(struct store *st, int64_t source_id, uint64_t offset, const struct delivery *d,
	      char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_SAME, err, errlen);
	int rc;
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, store_row_id(source_id, offset));
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
	sqlite3_stmt *s = store_stmt(st, SQL_ADD, err, errlen);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, store_row_id(source_id, offset));
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
	if (!st->in_txn && store_rollup_flush(st, err, errlen) < 0)
		return -1;
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
