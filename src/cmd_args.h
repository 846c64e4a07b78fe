/* cmd_args - one option table per command, parsed by getopt_long
 *
 * A command lists its own options in a constant struct option table (ids
 * from CMD_OPT_OWN up, or a short letter) and loops:
 *
 *	struct cmd_args a;
 *	cmd_args_init(&a, g, argc, argv, "o:", report_options);
 *	while ((c = cmd_args_next(&a)) != -1)
 *		switch (c) {
 *		case OPT_TOP: if (cmd_args_long(&a, 0, LONG_MAX, &o.top) < 0) ...
 *		case 'h': help;  default: usage error ('?': message printed)
 *		}
 *	operands: argv[a.optind .. argc-1]
 *
 * Adding an option is one table row plus one case. The options every
 * command accepts (--db, --rules, --config, -v/--verbose, -h/--help) are
 * merged in here: --db, --rules and -v go into the globals (--config was
 * read by main) and never reach the command; -h and --help come back as
 * 'h'. Option sets that several commands share (alert_opts, journal_opts,
 * dnscheck) are added with cmd_args_set() and handled here too. Operands
 * and options may be mixed (GNU permutation); "--" ends the options. An
 * option must be spelled in full (no GNU abbreviations): the configuration
 * file relies on one spelling to see what the command line overrides.
 *
 * Errors are uniform: "CMD: unknown option '--x' (see bouncewatch CMD
 * --help)", "CMD: --x needs a value", "CMD: --year: expected a whole
 * number from 1970 to 9999, got '2024x'" (optnum.h). Commands layer: prints
 * on stderr, never exits.
 */
#ifndef BW_CMD_ARGS_H
#define BW_CMD_ARGS_H
#include <getopt.h>
#include <limits.h>
#include <stddef.h>
#include "cmd.h"

enum {
	CMD_OPT_DB = 0x100,	/* ids of the common options */
	CMD_OPT_RULES,
	CMD_OPT_CONFIG,
	CMD_OPT_VERSION,	/* main only */
	CMD_OPT_SET,		/* an option of a shared set (cmd_args_set) */
	CMD_OPT_OWN = 0x140,	/* a command's own ids start here */
};

#define CMD_ARGS_MAX 96		/* options of one command, common ones included */
#define CMD_ARGS_SETS 4

/* A shared option set: its table (every val CMD_OPT_SET) and its handler,
 * called with the option's name without "--" and its value (NULL for a
 * flag): 1 done, 0 not one of its options, -1 with err. */
struct cmd_optset {
	const struct option *options;
	int (*set)(void *cfg, const char *name, const char *value, char *err, size_t errlen);
};

/* The shared sets (cmd_optsets.c); their handlers take a struct alert_cfg,
 * struct journal_cli and struct dnscheck_cfg. _since adds the journal's
 * --since (scan), _tail adds --dnsbl-interval (tail). */
extern const struct cmd_optset alert_optset, journal_optset, journal_optset_since;
extern const struct cmd_optset dns_optset, dns_optset_tail;

/* Parser state: cmd_args_init() fills it, cmd_args_next() advances it. */
struct cmd_args {
	struct globals *g;
	const char *cmd;	/* the command's name, for messages ("report") */
	int argc;
	char **argv;
	int optind;		/* after -1: the first operand */
	const char *arg;	/* the value of the option just returned, or NULL */
	char name[48];		/* "--top" or "-o": the option just returned */
	int started;
	int in_order;		/* stop at the first operand (main, verbs) */
	char shortopts[64];
	struct option longopts[CMD_ARGS_MAX];
	const struct cmd_optset *sets[CMD_ARGS_SETS];
	void *cfgs[CMD_ARGS_SETS];
	int nsets;
};

/* Prepares to parse argv[1..argc-1] of command cmd (argv[0] is its name)
 * with its short options (getopt syntax, e.g. "o:") and its table (ended
 * by a zeroed row; may be NULL). Keeps pointers to all of them. */
void cmd_args_init(struct cmd_args *a, struct globals *g, int argc, char **argv,
		   const char *shortopts, const struct option *table);

/* Adds a shared option set whose handler gets cfg (kept). */
void cmd_args_set(struct cmd_args *a, const struct cmd_optset *set, void *cfg);

/* The next option's id (its table val): 'h' for help, -1 after the last
 * option, '?' for an unknown option, a missing or a bad value (message
 * printed). The value, if any, is in a->arg. */
int cmd_args_next(struct cmd_args *a);

/* Strict conversions of a->arg (optnum.h). On failure they print
 * "CMD: --name: expected ..., got 'VALUE'" and return -1. */
int cmd_args_long(struct cmd_args *a, long min, long max, long *out);
int cmd_args_int(struct cmd_args *a, int min, int max, int *out);
int cmd_args_double(struct cmd_args *a, double min, double max, double *out);
int cmd_args_duration(struct cmd_args *a, long min, long max, long *out);
int cmd_args_rate(struct cmd_args *a, double min, double max, double *out);

/* A time (when.h: now, today, yesterday, 2d, ISO dates and date-times,
 * @EPOCH) relative to now; on failure "CMD: --since: expected now, today,
 * ..., got 'VALUE'" and -1. */
int cmd_args_time(struct cmd_args *a, double now, double *out);

/* A word among names (NULL-terminated, e.g. { "text", "json", NULL }):
 * 0 with *out its index, else "CMD: --format: expected text or json, got
 * 'VALUE'" and -1. */
int cmd_args_choice(const struct cmd_args *a, const char *const *names, int *out);

/* Prints "CMD: --name: expected WHAT, got 'VALUE'": for a value the
 * command rejects itself (a format name, a list). Returns -1. */
int cmd_args_bad(const struct cmd_args *a, const char *what);

#endif
