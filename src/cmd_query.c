/* cmd_query - `bouncewatch query "SELECT ..."`: the user's own SQL, read-only.
 *
 * The database is opened with STORE_READ and the statement runs through
 * store_query(), which refuses anything that would write (the connection,
 * sqlite3_stmt_readonly() and an authorizer each stop it; no string
 * matching). Exit 0; 2 for a refused or malformed statement or bad usage;
 * 1 when the database cannot be read.
 */
#include <stdio.h>
#include <string.h>
#include "cmd.h"
#include "cmd_table.h"
#include "log.h"
#include "report.h"
#include "store_report.h"

static void query_usage(FILE *f)
{
	fprintf(f, "usage: bouncewatch query [--format text|json|csv] \"SQL\"\n"
		   "Runs one read-only SQL statement on the database and prints its rows\n"
		   "(json: an array of objects, csv: RFC 4180 with a header line).\n"
		   "Statements that would write, ATTACH, and pragmas that set something are\n"
		   "refused (exit 2). The tables and views are described in docs/sql.md;\n"
		   "bw_normalise(text) masks addresses, ids and numbers in a reply.\n");
}

static int query_exec(struct globals *g, int argc, char **argv)
{
	enum report_format fmt = REPORT_TEXT;
	const char *sql = NULL;
	char err[1024];
	int rc;

	for (int i = 1; i < argc; i++) {
		int c = cmd_common_opt(g, argc, argv, &i);
		if (c < 0)
			goto usage;
		if (c == 1)
			continue;
		if (strcmp(argv[i], "--help") == 0) {
			query_usage(stdout);
			return EXIT_OK;
		} else if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
			if (report_format_parse(argv[++i], &fmt) < 0 || fmt == REPORT_HTML) {
				msg_info("query: format must be text, json or csv");
				goto usage;
			}
		} else if (sql == NULL && (argv[i][0] != '-' || argv[i][1] == '\0')) {
			sql = argv[i];
		} else {
			msg_info("query: unexpected argument %s", argv[i]);
			goto usage;
		}
	}
	if (sql == NULL) {
		msg_info("query: no SQL given");
		goto usage;
	}
	struct store *st = store_open(cmd_db_path(g), STORE_READ, err, sizeof err);
	if (st == NULL) {
		msg_info("query: %s", err);
		return EXIT_RUNTIME;
	}
	struct report_table *t = report_table_new("rows", "rows");
	rc = store_query(st, sql, cmd_table_row, t, err, sizeof err);
	store_free(st);
	if (rc < 0) {
		msg_info("query: %s", err);
		report_table_free(t);
		return EXIT_USAGE;
	}
	for (int c = 0; c < report_table_ncol(t); c++)
		report_table_set_kind(t, c, RK_PLAIN);
	rc = report_write_table(stdout, fmt, t, fmt == REPORT_TEXT && cmd_use_colour(stdout), err,
				sizeof err);
	report_table_free(t);
	if (rc < 0) {
		msg_info("query: %s", err);
		return EXIT_RUNTIME;
	}
	return EXIT_OK;
usage:
	query_usage(stderr);
	return EXIT_USAGE;
}

const struct cmd cmd_query = {
	.name = "query",
	.summary = "run a read-only SQL statement; text, json or csv",
	.exec = query_exec,
};
