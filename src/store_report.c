/* store_report - the read side: report sections, open blocks, health and
 * user queries (see store_report.h). Part of the store family.
 *
 * Every report statement is a string constant over a [since, until) window
 * on deliveries.ts (the deliveries_ts index bounds the scan). User SQL is
 * guarded three times: the connection is read-only (SQLITE_OPEN_READONLY and
 * query_only), sqlite3_stmt_readonly() must agree, and an authorizer denies
 * ATTACH, DETACH and any pragma not on a read-only list. Nothing here
 * matches SQL text by string.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "normalise.h"
#include "store_int.h"
#include "store_report.h"
#include "xmalloc.h"

#define WINDOW " FROM deliveries WHERE ts >= ?1 AND ts < ?2 "
#define DELIVERY_COLS \
	"count(*) AS attempts, sum(status = 'sent') AS sent, " \
	"sum(status = 'deferred') AS deferred, sum(status = 'bounced') AS bounced, " \
	"sum(is_block) AS blocks, round(avg(status = 'deferred'), 4) AS deferred_rate, " \
	"round(avg(status = 'bounced'), 4) AS bounced_rate, " \
	"round(avg(CASE WHEN status = 'sent' THEN delay END), 2) AS avg_delay, " \
	"max(CASE WHEN status = 'sent' THEN delay END) AS max_delay, " \
	"max(CASE WHEN status = 'sent' THEN ts END) AS last_sent"
#define GROUPED(key) \
	"SELECT " key ", " DELIVERY_COLS WINDOW "GROUP BY 1 ORDER BY attempts DESC, 1 LIMIT ?3"
#define SERIES(key) \
	"SELECT " key ", count(*) AS attempts, sum(status = 'sent') AS sent, " \
	"sum(status = 'deferred') AS deferred, sum(status = 'bounced') AS bounced, " \
	"sum(is_block) AS blocks" WINDOW "GROUP BY 1 ORDER BY 1"
#define MESSAGE "coalesce(host, '') || ' ' || queue_id"

static const char SQL_TOTALS[] =
	"SELECT count(*) AS attempts, coalesce(sum(status = 'sent'), 0) AS sent, "
	"coalesce(sum(status = 'deferred'), 0) AS deferred, "
	"coalesce(sum(status = 'bounced'), 0) AS bounced, "
	"coalesce(sum(status = 'expired'), 0) AS expired, "
	"coalesce(sum(status NOT IN ('sent', 'deferred', 'bounced', 'expired')), 0) AS other, "
	"coalesce(sum(is_block), 0) AS blocks, count(DISTINCT " MESSAGE ") AS messages, "
	"count(DISTINCT CASE WHEN status = 'deferred' THEN " MESSAGE " END) AS deferred_messages, "
	"count(DISTINCT recipient) AS recipients, min(ts) AS first, max(ts) AS last" WINDOW;
static const char SQL_PROVIDER[] = GROUPED("coalesce(provider, '(unknown)') AS provider");
static const char SQL_DOMAIN[] = GROUPED("coalesce(rcpt_domain, '(none)') AS domain");
static const char SQL_RELAY[] =
	GROUPED("coalesce(relay_ip, '(none)') AS relay_ip, max(relay_host) AS relay_host");
static const char SQL_SENDING_IP[] = GROUPED("coalesce(sending_ip, '(not named)') AS sending_ip");
static const char SQL_HOST[] = GROUPED("coalesce(host, '(none)') AS host");
static const char SQL_DAY[] = SERIES("date(ts, 'unixepoch', 'localtime') AS day");
static const char SQL_HOUR[] = SERIES("strftime('%H', ts, 'unixepoch', 'localtime') AS hour");
static const char SQL_REASONS[] =
	"SELECT status, bw_normalise(reply) AS reason, count(*) AS count, rule_id, "
	"max(provider) AS provider, max(category) AS category, "
	"group_concat(DISTINCT rcpt_domain) AS domains, min(ts) AS first, max(ts) AS last"
	WINDOW "AND status <> 'sent' AND reply IS NOT NULL "
	"GROUP BY status, reason, rule_id ORDER BY count DESC, reason LIMIT ?3";
static const char SQL_BLOCKS[] =
	"SELECT CASE WHEN e.cleared IS NULL THEN 'open' ELSE 'cleared' END AS state, "
	"e.provider, e.sending_ip, e.category, e.opened, e.last_seen, e.cleared, "
	"e.event_count AS events, e.rule_id, coalesce(e.advice, r.advice) AS advice, e.first_reply "
	"FROM episodes e LEFT JOIN rules r ON r.id = e.rule_id "
	"WHERE e.opened < ?2 AND (e.cleared IS NULL OR e.cleared >= ?1 OR e.last_seen >= ?1) "
	"ORDER BY e.cleared IS NOT NULL, e.opened DESC LIMIT ?3";
static const char SQL_HAS_TABLE[] =
	"SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?1";
static const char SQL_OPEN_EPISODES[] =
	"SELECT provider, sending_ip, category, opened, last_seen, event_count AS events, rule_id "
	"FROM episodes WHERE cleared IS NULL ORDER BY opened";
static const char SQL_OPEN_DERIVED[] =
	"WITH b AS (SELECT provider, sending_ip, max(category) AS category, min(ts) AS opened, "
	"max(ts) AS last_seen, count(*) AS events, max(rule_id) AS rule_id FROM deliveries "
	"WHERE ts >= ?1 AND is_block = 1 GROUP BY provider, sending_ip) "
	"SELECT * FROM b WHERE NOT EXISTS (SELECT 1 FROM deliveries s WHERE s.ts > b.last_seen "
	"AND s.status = 'sent' AND s.provider IS b.provider) ORDER BY opened";
static const char SQL_HEALTH[] =
	"SELECT (SELECT max(ts) FROM deliveries), (SELECT max(updated) FROM sources), "
	"(SELECT count(*) FROM sources)";

static const char *const section_sql[STORE_SEC__COUNT] = {
	[STORE_SEC_TOTALS] = SQL_TOTALS, [STORE_SEC_PROVIDER] = SQL_PROVIDER,
	[STORE_SEC_DOMAIN] = SQL_DOMAIN, [STORE_SEC_RELAY] = SQL_RELAY,
	[STORE_SEC_SENDING_IP] = SQL_SENDING_IP, [STORE_SEC_HOST] = SQL_HOST,
	[STORE_SEC_DAY] = SQL_DAY, [STORE_SEC_HOUR] = SQL_HOUR,
	[STORE_SEC_REASONS] = SQL_REASONS, [STORE_SEC_BLOCKS] = SQL_BLOCKS,
};

static void sql_normalise(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	char out[1024];
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	const char *in = (const char *)sqlite3_value_text(argv[0]);
	size_t n = reply_normalise(in ? in : "", (size_t)sqlite3_value_bytes(argv[0]), out, sizeof out);
	sqlite3_result_text(ctx, out, (int)n, SQLITE_TRANSIENT);
}

/* bw_normalise(text): reply_normalise() for SQL, on this connection only. */
static int register_functions(struct store *st, char *err, size_t errlen)
{
	if (sqlite3_create_function_v2(st->db, "bw_normalise", 1,
				       SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
				       sql_normalise, NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(st, "registering bw_normalise", err, errlen);
	return 0;
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

int store_has_table(struct store *st, const char *name, char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_HAS_TABLE, err, errlen);
	int rc;
	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, "looking up a table", err, errlen);
	return rc == SQLITE_ROW;
}

int store_report_section(struct store *st, enum store_section sec, const struct store_window *w,
			 store_cell_fn fn, void *arg, char *err, size_t errlen)
{
	sqlite3_stmt *s;
	if (sec < 0 || sec >= STORE_SEC__COUNT) {
		snprintf(err, errlen, "no such report section");
		return -1;
	}
	if (sec == STORE_SEC_BLOCKS) {
		int has = store_has_table(st, "episodes", err, errlen);
		if (has <= 0)
			return has < 0 ? -1 : 1;
	}
	if (sec == STORE_SEC_REASONS && register_functions(st, err, errlen) < 0)
		return -1;
	if ((s = store_stmt(st, section_sql[sec], err, errlen)) == NULL)
		return -1;
	sqlite3_bind_double(s, 1, w->since);
	sqlite3_bind_double(s, 2, w->until);
	if (sqlite3_bind_parameter_count(s) >= 3)
		sqlite3_bind_int64(s, 3, w->top > 0 ? w->top : -1);
	return run_rows(st, s, fn, arg, err, errlen);
}

int store_open_blocks(struct store *st, double since, store_cell_fn fn, void *arg,
		      char *err, size_t errlen)
{
	sqlite3_stmt *s;
	int has = store_has_table(st, "episodes", err, errlen);
	if (has < 0)
		return -1;
	if ((s = store_stmt(st, has ? SQL_OPEN_EPISODES : SQL_OPEN_DERIVED, err, errlen)) == NULL)
		return -1;
	if (!has)
		sqlite3_bind_double(s, 1, since);
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
		return store_fail(st, "query", err, errlen);
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

int store_query(struct store *st, const char *sql, store_cell_fn fn, void *arg,
		char *err, size_t errlen)
{
	struct guard g = { "" };
	sqlite3_stmt *s = NULL;
	int ret;
	if (st->mode != STORE_READ) {
		snprintf(err, errlen, "query: the database must be opened read-only");
		return -1;
	}
	sqlite3_db_config(st->db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL);
	sqlite3_db_config(st->db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, (int *)NULL);
	if (sqlite3_exec(st->db, "PRAGMA query_only = 1", NULL, NULL, NULL) != SQLITE_OK ||
	    register_functions(st, err, errlen) < 0)
		return store_fail(st, "query", err, errlen);
	sqlite3_set_authorizer(st->db, authorize, &g);
	ret = prepare_guarded(st, sql, &g, &s, err, errlen);
	if (ret == 0 && s && !sqlite3_stmt_readonly(s)) {
		snprintf(err, errlen, "refused: this statement would change the database "
			 "(bouncewatch query only reads)");
		ret = STORE_REFUSED;
	} else if (ret == 0 && s) {
		ret = run_rows(st, s, fn, arg, err, errlen);
	}
	sqlite3_finalize(s);
	sqlite3_set_authorizer(st->db, NULL, NULL);
	return ret;
}
