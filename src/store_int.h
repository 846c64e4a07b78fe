/* store_int - what the store family (store*.c) shares; nothing else includes it.
 *
 * Statements are prepared once and cached by the address of their SQL text,
 * which must therefore be a string constant: store_stmt(st, SQL_X) returns the
 * same reset statement on every call.
 */
#ifndef BW_STORE_INT_H
#define BW_STORE_INT_H
#include <sqlite3.h>
#include <sys/types.h>
#include "store.h"

#define STORE_STMT_MAX 96

/* A row's identity from the line it came from: source id * 2^40 + the
 * line's position (deliveries.id, mail_events.id): position_row_id()
 * (position.h), -1 when the position does not fit. */
static inline sqlite3_int64 store_row_id(int64_t source_id, uint64_t offset)
{
	return position_row_id(source_id, offset);
}

struct store {
	sqlite3 *db;
	enum store_mode mode;
	char *path;		/* as opened */
	dev_t dev;		/* the file opened, to notice it deleted or replaced */
	ino_t ino;
	int in_txn;
	uint64_t commits;	/* transactions committed (store_commits) */
	struct store_rollup *ru;	/* rollups of this transaction's rows (store_rollup.h) */
	int from_rows;		/* reports: rows, not rollups (store_report_from_rows) */
	uint64_t ids_key[2];	/* the id sets' hash key (store_ids.c), once loaded */
	int ids_key_loaded;
	int nstmt;
	const char *sql_key[STORE_STMT_MAX];
	sqlite3_stmt *stmt[STORE_STMT_MAX];
};

/* The cached, reset, unbound statement for sql (a string constant); NULL
 * with err filled on a prepare error. */
sqlite3_stmt *store_stmt(struct store *st, const char *sql, char *err, size_t errlen);
/* Fills err with "what: sqlite message"; returns -1. */
int store_fail(struct store *st, const char *what, char *err, size_t errlen);
/* Binds a span as text (SQL NULL when s.p is NULL); the bytes must live until the step. */
int store_bind_str(sqlite3_stmt *s, int i, struct str v);
/* Runs a statement that returns no rows; 0 or -1 with err. */
int store_exec_stmt(struct store *st, sqlite3_stmt *s, const char *what, char *err, size_t errlen);
/* Registers bw_normalise(text) (reply_normalise) and the aggregate
 * bw_domains(domain) (store_reason.h) on st's connection; 0 or -1 with err. */
int store_register_functions(struct store *st, char *err, size_t errlen);

#endif
