/* cmd_report - `bouncewatch report`: what happened to our mail in a window.
 *
 * Reads the database read-only (while `tail` writes), runs one store query
 * per section and hands the tables to report.c for the chosen format. The
 * sections, their columns and the JSON keys are documented in docs/sql.md
 * and report.h. No SQL here: sections are named queries of store_report.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "clock.h"
#include "cmd.h"
#include "cmd_args.h"
#include "cmd_table.h"
#include "when.h"
#include "log.h"
#include "report.h"
#include "store_report.h"

struct section {
	const char *name;	/* --by name and JSON key */
	enum store_section sec;
	const char *title;
};

static const struct section sections[] = {
	{ "totals", STORE_SEC_TOTALS, "Totals" },
	{ "provider", STORE_SEC_PROVIDER, "Per provider" },
	{ "pool", STORE_SEC_POOL, "Per receiving pool (patterns/providers.conf)" },
	{ "domain", STORE_SEC_DOMAIN, "Per recipient domain" },
	{ "relay", STORE_SEC_RELAY, "Per relay (receiving server)" },
	{ "sending-ip", STORE_SEC_SENDING_IP, "Per sending IP (as named in replies)" },
	{ "host", STORE_SEC_HOST, "Per log host" },
	{ "sender", STORE_SEC_SENDER, "Per sender (envelope from: where a compromised account shows)" },
	{ "blocklists", STORE_SEC_BLOCKLIST, "Block lists named in replies (the receiver stays the provider)" },
	{ "day", STORE_SEC_DAY, "Per day" },
	{ "hour", STORE_SEC_HOUR, "Per hour of day" },
	{ "local", STORE_SEC_LOCAL, "Local deliveries (lmtp, local, virtual, pipe; not in the sections above)" },
	{ "reasons", STORE_SEC_REASONS, "Top reasons (deferrals, bounces, refusals)" },
	{ "blocks", STORE_SEC_BLOCKS, "Block episodes (open, or active in the window)" },
	{ "snds", STORE_SEC_SNDS, "Microsoft SNDS per IP and day, beside the log's block replies and complaints" },
	{ "complaints", STORE_SEC_COMPLAINTS, "Complaint reports per day, IP and provider, with the complaint rate" },
};
#define NSECTIONS (sizeof sections / sizeof sections[0])
#define DEFAULT_BY "totals,provider,pool,domain,relay,sending-ip,sender,blocklists,day,hour,local,reasons,blocks,snds,complaints"

struct report_opts {
	const char *since, *until, *by, *output;
	double now, t_since, t_until;	/* the clock; --since and --until read against it */
	long top;
	enum report_format format;
};

static void report_usage(FILE *f)
{
	fprintf(f, "usage: bouncewatch report [--since TIME] [--until TIME] [--by LIST]\n"
		   "                          [--top N] [--format text|json|csv|html] [--output FILE]\n"
		   "What happened to outgoing mail in a window (default: the last 7 days).\n"
		   "  --since, --until  TIME: now, today, yesterday (00:00 local), a duration ago\n"
		   "                    (24h, 7d, -2d), an ISO date or date-time (2026-11-28,\n"
		   "                    2026-11-28T10:00[:SS], ...Z or +01:00; local without), @EPOCH\n"
		   "  --by LIST         sections, comma-separated (default %s;\n"
		   "                    also: host). csv prints one table: the one --by names\n"
		   "                    (default provider)\n"
		   "  --top N           at most N rows per list (default 20; 0: all)\n"
		   "  --format F        text (default), json, csv, html (one file, inline SVG charts)\n"
		   "  --output FILE     write there instead of stdout\n"
		   "Colour only on a terminal, never with NO_COLOR set. Exit 0, 1 runtime, 2 usage.\n",
		DEFAULT_BY);
}

static const struct section *find_section(const char *name, size_t len)
{
	for (size_t i = 0; i < NSECTIONS; i++)
		if (strlen(sections[i].name) == len && strncmp(sections[i].name, name, len) == 0)
			return &sections[i];
	return NULL;
}

/* Parses LIST into chosen[] (in the order given); returns the count or -1. */
static int parse_by(const char *list, const struct section **chosen)
{
	int n = 0;
	for (const char *p = list; *p;) {
		size_t len = strcspn(p, ",");
		const struct section *s = find_section(p, len);
		if (s == NULL) {
			msg_info("report: unknown section '%.*s' (see --help)", (int)len, p);
			return -1;
		}
		for (int i = 0; i < n; i++)
			if (chosen[i] == s)
				s = NULL;
		if (s)
			chosen[n++] = s;
		p += len + (p[len] == ',');
	}
	return n;
}

enum { OPT_SINCE = CMD_OPT_OWN, OPT_UNTIL, OPT_BY, OPT_TOP, OPT_FORMAT };

static const struct option report_options[] = {
	{ "since", required_argument, NULL, OPT_SINCE },
	{ "until", required_argument, NULL, OPT_UNTIL },
	{ "by", required_argument, NULL, OPT_BY },
	{ "output", required_argument, NULL, 'o' },
	{ "top", required_argument, NULL, OPT_TOP },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ 0 }
};

/* 0 go on, 1 --help, -1 a usage error (message printed). */
static int parse_opts(struct globals *g, int argc, char **argv, struct report_opts *o)
{
	struct cmd_args a;
	int c;
	cmd_args_init(&a, g, argc, argv, "o:", report_options);
	while ((c = cmd_args_next(&a)) != -1) {
		switch (c) {
		case OPT_SINCE:
			o->since = a.arg;
			if (cmd_args_time(&a, o->now, &o->t_since) < 0)
				return -1;
			break;
		case OPT_UNTIL:
			o->until = a.arg;
			if (cmd_args_time(&a, o->now, &o->t_until) < 0)
				return -1;
			break;
		case OPT_BY: o->by = a.arg; break;
		case 'o': o->output = a.arg; break;
		case OPT_TOP:
			if (cmd_args_long(&a, 0, LONG_MAX, &o->top) < 0)
				return -1;
			break;
		case OPT_FORMAT:
			if (report_format_parse(a.arg, &o->format) < 0)
				return cmd_args_bad(&a, "text, json, csv or html");
			break;
		case 'h': return 1;
		default: return -1;
		}
	}
	if (a.optind < argc) {
		msg_info("report: unexpected argument '%s'", argv[a.optind]);
		return -1;
	}
	return 0;
}

/* Fills one table per chosen section, all in one store call (the delivery
 * sections share one pass over the window). 0, or -1 (message printed). */
static int fill(struct store *st, const struct section *const *chosen, int n,
		const struct store_window *w, struct report_table **tables)
{
	char err[1024];
	struct store_report_req req[NSECTIONS];
	for (int i = 0; i < n; i++) {
		tables[i] = report_table_new(chosen[i]->name, chosen[i]->title);
		if (chosen[i]->sec == STORE_SEC_TOTALS)
			report_table_single(tables[i]);
		req[i] = (struct store_report_req){ chosen[i]->sec, cmd_table_row, tables[i] };
	}
	if (store_report_run(st, w, req, n, err, sizeof err) < 0) {
		msg_info("report: %s", err);
		return -1;
	}
	return 0;
}

static int emit(const struct report_opts *o, const struct report_doc *d)
{
	char err[256];
	FILE *f = o->output ? fopen(o->output, "w") : stdout;
	int colour = o->output == NULL && o->format == REPORT_TEXT && cmd_use_colour(stdout);
	int rc;
	if (f == NULL) {
		msg_info("report: %s: cannot write: %m", o->output);
		return EXIT_RUNTIME;
	}
	rc = report_write(f, o->format, d, colour, err, sizeof err);
	if (o->output && fclose(f) != 0 && rc == 0) {
		snprintf(err, sizeof err, "%s", "closing the output failed");
		rc = -1;
	}
	if (rc < 0) {
		msg_info("report: %s: %s", o->output ? o->output : "stdout", err);
		return EXIT_RUNTIME;
	}
	return EXIT_OK;
}

static int report_exec(struct globals *g, int argc, char **argv)
{
	struct report_opts o = { .top = 20, .format = REPORT_TEXT, .now = clock_now() };
	const struct section *chosen[NSECTIONS];
	struct report_table *tables[NSECTIONS] = { 0 };
	struct store_window w;
	char err[1024];
	double now = o.now;
	int n, rc = parse_opts(g, argc, argv, &o);

	if (rc != 0) {
		report_usage(rc > 0 ? stdout : stderr);
		return rc > 0 ? EXIT_OK : EXIT_USAGE;
	}
	if (o.by == NULL)
		o.by = o.format == REPORT_CSV ? "provider" : DEFAULT_BY;
	if ((n = parse_by(o.by, chosen)) <= 0)
		return EXIT_USAGE;
	if (o.format == REPORT_CSV && n != 1) {
		msg_info("report: csv prints one table: name it with --by (e.g. --by provider)");
		return EXIT_USAGE;
	}
	w = (struct store_window){ o.since ? o.t_since : now - 7 * 86400.0,
				   o.until ? o.t_until : now, o.top };
	struct store *st = store_open(cmd_db_path(g), STORE_READ, err, sizeof err);
	if (st == NULL) {
		msg_info("report: %s", err);
		return EXIT_RUNTIME;
	}
	/* Every delivery section from the rows, as before the rollups: the
	 * tests and the benchmark compare the two. */
	store_report_from_rows(st, getenv("BOUNCEWATCH_REPORT_ROWS") != NULL);
	rc = fill(st, chosen, n, &w, tables) < 0 ? EXIT_RUNTIME : EXIT_OK;
	if (rc == EXIT_OK)
		cmd_window_hint(st, "report", w.since, w.until);
	store_free(st);
	if (rc == EXIT_OK) {
		struct report_doc d = { "bouncewatch report", w.since, w.until, now, tables, (size_t)n };
		rc = emit(&o, &d);
	}
	for (int i = 0; i < n; i++)
		report_table_free(tables[i]);
	return rc;
}

const struct cmd cmd_report = {
	.name = "report",
	.summary = "what happened to outgoing mail: totals, providers, reasons, blocks",
	.exec = report_exec,
};
