/* main - global options and the subcommand table
 *
 * Parses the options common to every command, then hands argv from the
 * command name on to that command's exec(). Nothing else lives here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "clock.h"
#include "cmd.h"
#include "cmd_args.h"
#include "config.h"
#include "log.h"

#ifndef BW_VERSION
#define BW_VERSION "0.1.0"
#endif

static const struct cmd *const commands[] = {
	&cmd_scan,
	&cmd_tail,
	&cmd_report,
	&cmd_blocks,
	&cmd_query,
	&cmd_check,
	&cmd_rules,
	&cmd_snds,
	&cmd_arf,
	&cmd_alert_mail,
	&cmd_dnsbl,
	&cmd_selfcheck,
	&cmd_prune,
	&cmd_config,
	&cmd_digest,
	NULL
};

static void usage(FILE *f)
{
	fprintf(f, "usage: bouncewatch [--config FILE] [--db PATH] [--rules DIR] [-v] COMMAND [ARGS]\n\n"
		   "Follows a mail log, classifies every remote refusal, stores each delivery\n"
		   "attempt in SQLite and alerts when a provider starts blocking you.\n\ncommands:\n");
	for (const struct cmd *const *c = commands; *c; c++)
		fprintf(f, "  %-8s %s\n", (*c)->name, (*c)->summary);
	fprintf(f, "\noptions:\n"
		   "  --config FILE the configuration (default $BOUNCEWATCH_CONFIG, else\n"
		   "                %s if it exists;\n"
		   "                see `bouncewatch config`)\n"
		   "  --db PATH     database (default $BOUNCEWATCH_DB, else %s)\n"
		   "  --rules DIR   rule files (default $BOUNCEWATCH_RULES, else\n"
		   "                ../share/bouncewatch/patterns beside the binary, else\n"
		   "                %s, else ./patterns)\n"
		   "  -v            more detail on stderr\n"
		   "  --help, --version\n"
		   "\n'bouncewatch COMMAND --help' describes a command.\n"
		   "exit codes: 0 ok, 1 runtime failure, 2 usage or input error\n",
		BW_CONFIG_FILE, BW_DEFAULT_DB, BW_PATTERNS_DIR);
}

/* Reads the configuration, lets it fill in what the environment and the
 * command line left open, and runs command c on argv[i..] with the file's
 * options for it in front of its own. */
static int run(const struct cmd *c, struct globals *g, int argc, char **argv, int i)
{
	char err[1024], **cargv;
	const char *path;
	int given, cargc = argc - i, rc;
	if (config_locate(argc, argv, &path, &given) < 0) {
		msg_info("--config needs a value");
		return EXIT_USAGE;
	}
	if ((g->cfg = config_load(path, argc, argv, err, sizeof err)) == NULL) {
		msg_info("%s", err);
		return EXIT_USAGE;
	}
	/* The commands this one runs (alert-mail, the feeds) read the same file. */
	if (given)
		setenv("BOUNCEWATCH_CONFIG", path, 1);
	if (g->db == NULL || *g->db == '\0')
		g->db = config_db(g->cfg);
	if (g->rules_dir == NULL || *g->rules_dir == '\0')
		g->rules_dir = config_rules(g->cfg);
	cargv = config_argv(g->cfg, &cargc, argv + i);
	rc = c->exec(g, cargc, cargv);
	free(cargv);
	config_free(g->cfg);
	return rc;
}

int main(int argc, char **argv)
{
	static const struct option options[] = {
		{ "version", no_argument, NULL, CMD_OPT_VERSION }, { 0 }
	};
	struct globals g = { .db = getenv("BOUNCEWATCH_DB"), .rules_dir = getenv("BOUNCEWATCH_RULES") };
	struct cmd_args a;
	int c, i;

	cmd_args_init(&a, &g, argc, argv, NULL, options);
	a.cmd = NULL;		/* messages without a command name */
	a.in_order = 1;		/* the options before the command name */
	while ((c = cmd_args_next(&a)) != -1) {
		if (c == 'h') {
			usage(stdout);
			return EXIT_OK;
		}
		if (c == CMD_OPT_VERSION) {
			printf("bouncewatch %s\n", BW_VERSION);
			return EXIT_OK;
		}
		usage(stderr);
		return EXIT_USAGE;
	}
	if ((i = a.optind) >= argc) {
		usage(stderr);
		return EXIT_USAGE;
	}
	double pinned;
	if (clock_pinned(&pinned) < 0) {
		msg_info("BOUNCEWATCH_NOW must be UTC epoch seconds (a positive number), not '%s'",
			 getenv("BOUNCEWATCH_NOW"));
		return EXIT_USAGE;
	}
	for (const struct cmd *const *cp = commands; *cp; cp++)
		if (strcmp((*cp)->name, argv[i]) == 0)
			return run(*cp, &g, argc, argv, i);
	msg_info("unknown command: %s (see bouncewatch --help)", argv[i]);
	return EXIT_USAGE;
}
