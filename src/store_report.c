/* store_report - the read side: report sections, open blocks, health and
 * user queries (see store_report.h). Part of the store family.
 *
 * The delivery sections (totals .. hour) come from one pass over the window
 * (store_agg.c), reasons from rollups (store_reason.c; from rows with
 * SQL_REASONS when asked to read rows); blocks and the rest are string
 * constants over a
 * [since, until) window (the deliveries_ts index bounds the scan). User SQL is
 * guarded three times: the connection is read-only (SQLITE_OPEN_READONLY and
 * query_only), sqlite3_stmt_readonly() must agree, and an authorizer denies
 * ATTACH, DETACH and any pragma not on a read-only list. Nothing here
 * matches SQL text by string.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include "normalise.h"
#include "store_agg.h"
#include "store_int.h"
#include "store_reason.h"
#include "store_report.h"
#include "xmalloc.h"

static const char SQL_REASONS[] =
	"SELECT status, bw_normalise(reply) AS reason, count(*) AS count, rule_id, "
	"max(provider) AS provider, max(category) AS category, "
	"bw_domains(rcpt_domain) AS domains, min(ts) AS first, max(ts) AS last "
	"FROM deliveries WHERE ts >= ?1 AND ts < ?2 AND status <> 'sent' AND reply IS NOT NULL "
	"GROUP BY status, reason, rule_id ORDER BY count DESC, reason, status, rule_id LIMIT ?3";
/* Open episodes, and cleared ones that were active in the window. */
static const char SQL_BLOCKS[] =
	"SELECT CASE WHEN e.cleared IS NULL THEN 'open' ELSE 'cleared' END AS state, e.kind, "
	"e.provider, e.pool, e.sending_ip, e.category, e.opened, e.last_seen, e.cleared, "
	"e.clear_reason, e.event_count AS events, e.rule_id, coalesce(e.advice, r.advice) AS advice, e.first_reply, "
	"(SELECT group_concat(kind, ' ') FROM (SELECT DISTINCT kind FROM episode_evidence v "
	"WHERE v.episode_id = e.id ORDER BY kind)) AS evidence, e.worded_as, e.evidence AS behaviour "
	"FROM episodes e LEFT JOIN rules r ON r.id = e.rule_id "
	"WHERE e.opened < ?2 AND (e.cleared IS NULL OR e.cleared >= ?1 OR e.last_seen >= ?1) "
	"ORDER BY e.cleared IS NOT NULL, e.opened DESC, e.id LIMIT ?3";
/* SNDS's days beside what the log and the complaint reports say of the
 * same IP and day. */
static const char SQL_SNDS[] =
	"SELECT s.day, s.ip, s.filter, s.complaint_rate, s.trap_hits, s.recipients, "
	"(SELECT count(*) FROM deliveries d WHERE d.is_block = 1 AND d.sending_ip = s.ip "
	" AND d.ts >= unixepoch(s.day) AND d.ts < unixepoch(s.day, '+1 day')) AS log_blocks, "
	"(SELECT count(*) FROM complaints c WHERE c.source_ip = s.ip "
	" AND c.arrived >= unixepoch(s.day) AND c.arrived < unixepoch(s.day, '+1 day')) AS complaints "
	"FROM snds_data s WHERE s.day >= date(?1, 'unixepoch') AND s.day <= date(?2, 'unixepoch') "
	"ORDER BY s.day DESC, s.ip LIMIT ?3";
static const char SQL_COMPLAINTS[] =
	"SELECT day, source_ip, reporter, complaints, accepted, "
	"round(1.0 * complaints / max(accepted, 1), 4) AS complaint_rate FROM complaint_rates "
	"WHERE day >= date(?1, 'unixepoch') AND day <= date(?2, 'unixepoch') "
	"ORDER BY day DESC, complaints DESC, source_ip LIMIT ?3";
static const char SQL_OPEN_EPISODES[] =
	"SELECT coalesce(nullif(pool, ''), provider) AS pool, sending_ip, category, opened, last_seen, "
	"event_count AS events, rule_id, kind FROM episodes WHERE cleared IS NULL "
	"ORDER BY unlisted, opened, id";
static const char SQL_HEALTH[] =
	"SELECT (SELECT max(ts) FROM deliveries), (SELECT max(updated) FROM sources), "
	"(SELECT count(*) FROM sources)";

static void sql_normalise(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	char out[REASON_MAX];
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	const char *in = (const char *)sqlite3_value_text(argv[0]);
	size_t n = reply_normalise(in ? in : "", (size_t)sqlite3_value_bytes(argv[0]), out, sizeof out);
	sqlite3_result_text(ctx, out, (int)n, SQLITE_TRANSIENT);
}

/* bw_normalise(text): reply_normalise() for SQL, and bw_domains(domain)
 * (store_reason.h), on this connection only. */
int store_register_functions(struct store *st, char *err, size_t errlen)
{
	if (sqlite3_create_function_v2(st->db, "bw_normalise", 1,
				       SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
				       sql_normalise, NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(st, "registering bw_normalise", err, errlen);
	return store_reason_register(st, err, errlen);
}

/* Steps s to the end, handing each row to fn. Leaves s reset. */
static int run_rows(struct store *st, sqlite3_stmt *s, store_cell_fn fn, void *arg,
		    char *err, size_t errlen)
{
	int ncol = sqlite3_column_count(s), rc, ret = 0;
	const char **names = xcalloc((size_t)ncol + 1, sizeof *names);
	struct store_cell *cells = xcalloc((size_t)ncol + 1, sizeof *cells);
	for (int i = 0; i < ncol; i++)
		names[i] = sqlite3_column_name(s, i);
	int stop = fn(arg, ncol, names, NULL) != 0;
	rc = SQLITE_DONE;
	while (!stop && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		for (int i = 0; i < ncol; i++) {
			static const enum store_type types[] = {
				[SQLITE_INTEGER] = STORE_INT, [SQLITE_FLOAT] = STORE_REAL,
				[SQLITE_TEXT] = STORE_TEXT, [SQLITE_BLOB] = STORE_BLOB,
				[SQLITE_NULL] = STORE_NULL,
			};
			int t = sqlite3_column_type(s, i);
			cells[i].type = types[t];
			cells[i].p = t == SQLITE_NULL ? NULL
				     : t == SQLITE_BLOB ? sqlite3_column_blob(s, i)
							: (const char *)sqlite3_column_text(s, i);
			cells[i].len = (size_t)sqlite3_column_bytes(s, i);
			if (cells[i].p == NULL && t != SQLITE_NULL)
				cells[i].p = "";	/* an empty blob */
		}
		stop = fn(arg, ncol, names, cells) != 0;
	}
	if (!stop && rc != SQLITE_DONE)
		ret = store_fail(st, "query", err, errlen);
	sqlite3_reset(s);
	free(names);
	free(cells);
	return ret;
}

/* One SQL section: reasons, blocks, snds, complaints. */
static int sql_section(struct store *st, const struct store_window *w,
		       const struct store_report_req *rq, char *err, size_t errlen)
{
	const char *sql = rq->sec == STORE_SEC_REASONS ? SQL_REASONS
			  : rq->sec == STORE_SEC_SNDS ? SQL_SNDS
			  : rq->sec == STORE_SEC_COMPLAINTS ? SQL_COMPLAINTS : SQL_BLOCKS;
	sqlite3_stmt *s;
	if (rq->sec == STORE_SEC_REASONS && store_register_functions(st, err, errlen) < 0)
		return -1;
	if ((s = store_stmt(st, sql, err, errlen)) == NULL)
		return -1;
	sqlite3_bind_double(s, 1, w->since);
	sqlite3_bind_double(s, 2, w->until);
	sqlite3_bind_int64(s, 3, w->top > 0 ? w->top : -1);
	return run_rows(st, s, rq->fn, rq->arg, err, errlen);
}

int store_report_run(struct store *st, const struct store_window *w,
		     const struct store_report_req *req, int n, char *err, size_t errlen)
{
	for (int i = 0; i < n; i++)
		if (req[i].sec < 0 || req[i].sec >= STORE_SEC__COUNT) {
			snprintf(err, errlen, "no such report section");
			return -1;
		}
	if (store_agg_run(st, w, req, n, err, errlen) < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		if (store_agg_section(req[i].sec))
			continue;
		if (req[i].sec == STORE_SEC_REASONS && !st->from_rows) {
			if (store_reason_report(st, w, req[i].fn, req[i].arg, err, errlen) < 0)
				return -1;
		} else if (sql_section(st, w, &req[i], err, errlen) < 0) {
			return -1;
		}
	}
	return 0;
}

void store_report_from_rows(struct store *st, int from_rows)
{
	st->from_rows = from_rows != 0;
}

int store_report_section(struct store *st, enum store_section sec, const struct store_window *w,
			 store_cell_fn fn, void *arg, char *err, size_t errlen)
{
	struct store_report_req rq = { sec, fn, arg };
	return store_report_run(st, w, &rq, 1, err, errlen);
}

int store_open_blocks(struct store *st, store_cell_fn fn, void *arg, char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_OPEN_EPISODES, err, errlen);
	if (s == NULL)
		return -1;
	return run_rows(st, s, fn, arg, err, errlen);
}

int store_health(struct store *st, struct store_health *h, char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_HEALTH, err, errlen);
	if (s == NULL)
		return -1;
	if (sqlite3_step(s) != SQLITE_ROW) {
		sqlite3_reset(s);
		return store_fail(st, "reading the database", err, errlen);
	}
	h->newest_delivery = sqlite3_column_double(s, 0);
	h->newest_source = sqlite3_column_double(s, 1);
	h->sources = sqlite3_column_int64(s, 2);
	sqlite3_reset(s);
	return 0;
}

/* Pragmas that only read; the first group may name a table or index. */
static int pragma_allowed(const char *name, const char *value)
{
	static const char *const with_arg[] = {
		"table_info", "table_xinfo", "index_list", "index_info", "index_xinfo",
		"foreign_key_list", "foreign_key_check", "integrity_check", "quick_check", NULL };
	static const char *const bare[] = {
		"database_list", "collation_list", "function_list", "module_list", "pragma_list",
		"compile_options", "user_version", "schema_version", "application_id", "page_count",
		"page_size", "freelist_count", "journal_mode", "encoding", "data_version",
		"table_list", NULL };
	for (int i = 0; with_arg[i]; i++)
		if (strcasecmp(name, with_arg[i]) == 0)
			return 1;
	for (int i = 0; bare[i]; i++)
		if (strcasecmp(name, bare[i]) == 0)
			return value == NULL;
	return 0;
}

struct guard {
	char why[160];
};

static int authorize(void *arg, int code, const char *a, const char *b, const char *db,
		     const char *trigger)
{
	struct guard *g = arg;
	(void)db;
	(void)trigger;
	switch (code) {
	case SQLITE_ATTACH:
	case SQLITE_DETACH:
		snprintf(g->why, sizeof g->why, "%s is not allowed",
			 code == SQLITE_ATTACH ? "ATTACH" : "DETACH");
		return SQLITE_DENY;
	case SQLITE_PRAGMA:
		if (a && pragma_allowed(a, b))
			return SQLITE_OK;
		snprintf(g->why, sizeof g->why, "PRAGMA %.40s%s%.40s is not allowed", a ? a : "?",
			 b ? " = " : "", b ? b : "");
		return SQLITE_DENY;
	default:
		return SQLITE_OK;
	}
}

/* Prepares the one statement of sql under the guard; *s NULL when refused
 * or failed (the return says which). */
static int prepare_guarded(struct store *st, const char *sql, struct guard *g, sqlite3_stmt **s,
			   char *err, size_t errlen)
{
	const char *tail = NULL;
	sqlite3_stmt *more = NULL;
	if (sqlite3_prepare_v2(st->db, sql, -1, s, &tail) != SQLITE_OK) {
		if (g->why[0]) {
			snprintf(err, errlen, "refused: %s (bouncewatch query only reads)", g->why);
			return STORE_REFUSED;
		}
		store_fail(st, "query", err, errlen);
		return STORE_BAD_SQL;
	}
	if (*s == NULL) {
		snprintf(err, errlen, "query: no SQL statement given");
		return -1;
	}
	if (tail == NULL || *tail == '\0')
		return 0;
	if (sqlite3_prepare_v2(st->db, tail, -1, &more, NULL) == SQLITE_OK && more == NULL)
		return 0;	/* only white space or comments follow */
	sqlite3_finalize(more);
	sqlite3_finalize(*s);
	*s = NULL;
	snprintf(err, errlen, "refused: one statement at a time");
	return STORE_REFUSED;
}

/* Limits for a user's statement: generous for reporting, far from what
 * would exhaust memory in one value or one parse. */
static void harden(sqlite3 *db)
{
	static const int lim[][2] = {
		{ SQLITE_LIMIT_LENGTH, 16 * 1024 * 1024 }, { SQLITE_LIMIT_SQL_LENGTH, 100000 },
		{ SQLITE_LIMIT_COLUMN, 200 }, { SQLITE_LIMIT_EXPR_DEPTH, 200 },
		{ SQLITE_LIMIT_COMPOUND_SELECT, 50 }, { SQLITE_LIMIT_VDBE_OP, 250000 },
		{ SQLITE_LIMIT_FUNCTION_ARG, 32 }, { SQLITE_LIMIT_ATTACHED, 0 },
		{ SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 1000 }, { SQLITE_LIMIT_VARIABLE_NUMBER, 100 },
		{ SQLITE_LIMIT_TRIGGER_DEPTH, 10 },
	};
	sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, (int *)NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, (int *)NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER, 0, (int *)NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, (int *)NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_VIEW, 1, (int *)NULL);
	for (size_t i = 0; i < sizeof lim / sizeof *lim; i++)
		sqlite3_limit(db, lim[i][0], lim[i][1]);
}

static double mono(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

/* Progress handler: non-zero interrupts the statement. */
static int past_deadline(void *arg)
{
	return mono() > *(const double *)arg;
}

int store_query(struct store *st, const char *sql, double seconds, store_cell_fn fn, void *arg,
		char *err, size_t errlen)
{
	struct guard g = { "" };
	sqlite3_stmt *s = NULL;
	double deadline = mono() + seconds;
	int ret;
	if (st->mode != STORE_READ) {
		snprintf(err, errlen, "query: the database must be opened read-only");
		return -1;
	}
	harden(st->db);
	if (sqlite3_exec(st->db, "PRAGMA query_only = 1", NULL, NULL, NULL) != SQLITE_OK ||
	    store_register_functions(st, err, errlen) < 0)
		return store_fail(st, "query", err, errlen);
	sqlite3_set_authorizer(st->db, authorize, &g);
	ret = prepare_guarded(st, sql, &g, &s, err, errlen);
	if (ret == 0 && s && !sqlite3_stmt_readonly(s)) {
		snprintf(err, errlen, "refused: this statement would change the database "
			 "(bouncewatch query only reads)");
		ret = STORE_REFUSED;
	} else if (ret == 0 && s) {
		if (seconds > 0)
			sqlite3_progress_handler(st->db, 1000, past_deadline, &deadline);
		ret = run_rows(st, s, fn, arg, err, errlen);
		sqlite3_progress_handler(st->db, 0, NULL, NULL);
		if (ret < 0 && sqlite3_errcode(st->db) == SQLITE_INTERRUPT)
			snprintf(err, errlen, "query: stopped after %g s (the time limit)", seconds);
	}
	sqlite3_finalize(s);
	sqlite3_set_authorizer(st->db, NULL, NULL);
	return ret;
}
