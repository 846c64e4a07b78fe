/* cmd_query - `bouncewatch query "SELECT ..."`: the user's own SQL, read-only.
 *
 * The database is opened with STORE_READ and the statement runs through
 * store_query(), which refuses anything that would write (the connection,
 * sqlite3_stmt_readonly() and an authorizer each stop it; no string
 * matching) and hardens the connection. json and csv rows are written as
 * they are stepped (memory does not grow with the result); text is aligned,
 * so its rows are held, at most TEXT_ROWS_MAX of them. --max-rows and
 * --timeout bound the rest. Exit 0; 2 for a refused or malformed statement
 * or bad usage; 1 when the database cannot be read, a write fails, or a
 * limit stopped the statement (the rows before it are printed).
 */
#include <errno.h>
#include <math.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmd.h"
#include "cmd_args.h"
#include "cmd_table.h"
#include "json_str.h"
#include "log.h"
#include "report.h"
#include "store_report.h"

#define TEXT_ROWS_MAX 100000	/* rows text output holds to align them */
#define QUERY_SECONDS 300	/* default --timeout */

static void query_usage(FILE *f)
{
	fprintf(f, "usage: bouncewatch query [--format text|json|csv] [--max-rows N]\n"
		   "                         [--timeout SECONDS] \"SQL\"\n"
		   "Runs one read-only SQL statement on the database and prints its rows\n"
		   "(json: an array of objects, csv: RFC 4180 with a header line; both are\n"
		   "written as the rows come). Statements that would write, ATTACH, and\n"
		   "pragmas that set something are refused (exit 2). The tables and views are\n"
		   "described in docs/sql.md; bw_normalise(text) masks addresses, ids and\n"
		   "numbers in a reply.\n"
		   "  --max-rows N       stop after N rows (exit 1 when more were there);\n"
		   "                     text holds at most %d rows (default: that for text,\n"
		   "                     no limit for json and csv)\n"
		   "  --timeout SECONDS  stop the statement after SECONDS (default %d; 0: none)\n",
		TEXT_ROWS_MAX, QUERY_SECONDS);
}

struct qout {
	enum report_format fmt;
	unsigned long max_rows;	/* 0: none */
	unsigned long rows;
	int more;		/* stopped by max_rows with a row left */
	struct report_table *t;	/* text */
};

/* One row to csv or json as it comes; text rows into the table. */
static int out_row(void *arg, int ncol, const char *const *names, const struct store_cell *c)
{
	struct qout *o = arg;
	if (c != NULL && o->max_rows > 0 && o->rows >= o->max_rows) {
		o->more = 1;
		return 1;
	}
	if (o->fmt == REPORT_TEXT) {
		o->rows += c != NULL;
		return cmd_table_row(o->t, ncol, names, c);
	}
	if (c == NULL) {
		if (o->fmt == REPORT_JSON) {
			fputc('[', stdout);
			return 0;
		}
		for (int i = 0; i < ncol; i++) {
			if (i)
				fputc(',', stdout);
			report_csv_field(stdout, names[i], strlen(names[i]));
		}
		fputs("\r\n", stdout);
		return 0;
	}
	if (o->fmt == REPORT_JSON)
		fputs(o->rows ? ",\n{" : "\n{", stdout);
	for (int i = 0; i < ncol; i++) {
		if (o->fmt == REPORT_CSV) {
			if (i)
				fputc(',', stdout);
			if (c[i].type != STORE_NULL)
				report_csv_field(stdout, c[i].p, c[i].len);
			continue;
		}
		if (i)
			fputc(',', stdout);
		json_fput(stdout, names[i], strlen(names[i]));
		fputc(':', stdout);
		if (c[i].type == STORE_NULL)
			fputs("null", stdout);
		else if (c[i].type == STORE_INT ||
			 (c[i].type == STORE_REAL && isfinite(strtod(c[i].p, NULL))))
			fwrite(c[i].p, 1, c[i].len, stdout);
		else
			json_fput(stdout, c[i].p, c[i].len);
	}
	fputs(o->fmt == REPORT_JSON ? "}" : "\r\n", stdout);
	o->rows++;
	return ferror(stdout) ? 1 : 0;
}

enum { OPT_FORMAT = CMD_OPT_OWN, OPT_MAX_ROWS, OPT_TIMEOUT };

static const struct option query_options[] = {
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "max-rows", required_argument, NULL, OPT_MAX_ROWS },
	{ "timeout", required_argument, NULL, OPT_TIMEOUT },
	{ 0 }
};

/* Parses the options; 1 run, 0 --help, -1 usage error. */
static int query_opts(struct globals *g, int argc, char **argv, struct qout *o, double *seconds,
		      const char **sql)
{
	struct cmd_args a;
	long n;
	int c;
	cmd_args_init(&a, g, argc, argv, NULL, query_options);
	while ((c = cmd_args_next(&a)) != -1) {
		if (c == 'h')
			return 0;
		if (c == OPT_FORMAT) {
			if (report_format_parse(a.arg, &o->fmt) < 0 || o->fmt == REPORT_HTML)
				return cmd_args_bad(&a, "text, json or csv");
		} else if (c == OPT_MAX_ROWS && cmd_args_long(&a, 1, LONG_MAX, &n) == 0) {
			o->max_rows = (unsigned long)n;
		} else if (!(c == OPT_TIMEOUT && cmd_args_double(&a, 0, 1e7, seconds) == 0)) {
			return -1;
		}
	}
	if (a.optind >= argc) {
		msg_info("query: no SQL given");
		return -1;
	}
	if (a.optind + 1 < argc) {
		msg_info("query: unexpected argument '%s' (one SQL statement, quoted)", argv[a.optind + 1]);
		return -1;
	}
	*sql = argv[a.optind];
	return 1;
}

static int finish(struct qout *o, char *err, size_t errlen)
{
	int rc = 0;
	if (o->fmt == REPORT_TEXT) {
		for (int c = 0; c < report_table_ncol(o->t); c++)
			report_table_set_kind(o->t, c, RK_PLAIN);
		rc = report_write_table(stdout, o->fmt, o->t, cmd_use_colour(stdout), err, errlen);
	} else if (o->fmt == REPORT_JSON) {
		fputs(o->rows ? "\n]\n" : "]\n", stdout);
	}
	if (rc == 0 && (fflush(stdout) != 0 || ferror(stdout))) {
		snprintf(err, errlen, "write error: %s", strerror(errno ? errno : EIO));
		rc = -1;
	}
	return rc < 0 ? -1 : 0;
}

static int query_exec(struct globals *g, int argc, char **argv)
{
	struct qout o = { .fmt = REPORT_TEXT };
	const char *sql = NULL;
	double seconds = QUERY_SECONDS;
	char err[1024];
	int rc = query_opts(g, argc, argv, &o, &seconds, &sql);

	if (rc <= 0) {
		query_usage(rc == 0 ? stdout : stderr);
		return rc == 0 ? EXIT_OK : EXIT_USAGE;
	}
	if (o.fmt == REPORT_TEXT && (o.max_rows == 0 || o.max_rows > TEXT_ROWS_MAX))
		o.max_rows = TEXT_ROWS_MAX;
	struct store *st = store_open(cmd_db_path(g), STORE_READ, err, sizeof err);
	if (st == NULL) {
		msg_info("query: %s", err);
		return EXIT_RUNTIME;
	}
	o.t = report_table_new("rows", "rows");
	rc = store_query(st, sql, seconds, out_row, &o, err, sizeof err);
	store_free(st);
	if (rc == STORE_REFUSED || rc == STORE_BAD_SQL) {
		msg_info("query: %s", err);
		report_table_free(o.t);
		return EXIT_USAGE;
	}
	if (rc < 0)
		msg_info("query: %s", err);	/* the rows read so far are still printed */
	if (finish(&o, err, sizeof err) < 0) {
		msg_info("query: %s", err);
		rc = -1;
	}
	report_table_free(o.t);
	if (o.more)
		msg_info("query: stopped after %lu rows (--max-rows; text output holds at most %d: "
			 "csv and json have no limit)", o.rows, TEXT_ROWS_MAX);
	return rc < 0 || o.more ? EXIT_RUNTIME : EXIT_OK;
}

const struct cmd cmd_query = {
	.name = "query",
	.summary = "run a read-only SQL statement; text, json or csv",
	.exec = query_exec,
};
