/* cmd - the subcommand table
 *
 * One cmd_<name>.c per subcommand exports a constant struct cmd; main.c
 * collects them in one table and dispatches. A command parses its own
 * options, prints its own errors and returns the process exit code.
 */
#ifndef BW_CMD_H
#define BW_CMD_H

/* Exit codes (DESIGN.md): */
#define EXIT_OK 0
#define EXIT_RUNTIME 1
#define EXIT_USAGE 2	/* usage or input error */

/* Options common to all commands, parsed by main before the command name
 * (and accepted after it too, see cmd_args.h). */
struct globals {
	const char *db;		/* --db, $BOUNCEWATCH_DB, else BW_DEFAULT_DB */
	const char *rules_dir;	/* --rules, else BW_PATTERNS_DIR or ./patterns */
	int verbose;
	struct config *cfg;	/* the configuration file (config.h); never NULL in a command */
};

#ifndef BW_DEFAULT_DB
#define BW_DEFAULT_DB "/var/lib/bouncewatch/bouncewatch.db"
#endif


struct cmd {
	const char *name;
	const char *summary;	/* one line for --help */
	int (*exec)(struct globals *g, int argc, char **argv);	/* argv[0] is the command name */
};

/* Parses durations "90s", "15m", "24h", "7d", "2w"; returns seconds or -1. */
long cmd_parse_duration(const char *s);

extern const struct cmd cmd_scan, cmd_report, cmd_rules;
extern const struct cmd cmd_blocks;
extern const struct cmd cmd_query, cmd_check;
extern const struct cmd cmd_tail;
extern const struct cmd cmd_snds, cmd_arf;
extern const struct cmd cmd_alert_mail;
extern const struct cmd cmd_dnsbl, cmd_selfcheck;
extern const struct cmd cmd_prune;
extern const struct cmd cmd_config;
extern const struct cmd cmd_digest;

struct rules;

/* Loads the rule set of g (--rules, $BOUNCEWATCH_RULES, the installed
 * patterns, else ./patterns); prints the error and returns NULL on failure. */
struct rules *cmd_load_rules(const struct globals *g);
/* The database path of g; never NULL. */
const char *cmd_db_path(const struct globals *g);

#endif
