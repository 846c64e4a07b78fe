/* cmd_args - getopt_long over one option table per command (see
 * cmd_args.h). Owns the options common to every command, the shared option
 * sets and the messages of a bad command line; numbers go through optnum.
 * getopt's global state is reset at the start of each parse, so a process
 * may parse several argument vectors in turn (main, then the command).
 */
#include <assert.h>
#include <stdio.h>
#include <string.h>
#include "cmd_args.h"
#include "config.h"
#include "log.h"
#include "optnum.h"
#include "when.h"

static const struct option common_options[] = {
	{ "db", required_argument, NULL, CMD_OPT_DB },
	{ "rules", required_argument, NULL, CMD_OPT_RULES },
	{ "config", required_argument, NULL, CMD_OPT_CONFIG },
	{ "verbose", no_argument, NULL, 'v' },
	{ "help", no_argument, NULL, 'h' },
	{ 0 }
};

static void add(struct cmd_args *a, const struct option *table)
{
	size_t n = 0;
	while (a->longopts[n].name)
		n++;
	for (; table && table->name; table++) {
		assert(n + 1 < CMD_ARGS_MAX);
		a->longopts[n++] = *table;
	}
	a->longopts[n] = (struct option){ 0 };
}

void cmd_args_init(struct cmd_args *a, struct globals *g, int argc, char **argv,
		   const char *shortopts, const struct option *table)
{
	memset(a, 0, sizeof *a);
	a->g = g;
	a->cmd = argv[0];
	a->argc = argc;
	a->argv = argv;
	a->optind = argc;
	assert(strlen(shortopts ? shortopts : "") + 6 < sizeof a->shortopts);
	snprintf(a->shortopts, sizeof a->shortopts, ":hv%s", shortopts ? shortopts : "");
	add(a, common_options);
	add(a, table);
}

void cmd_args_set(struct cmd_args *a, const struct cmd_optset *set, void *cfg)
{
	assert(a->nsets < CMD_ARGS_SETS);
	a->sets[a->nsets] = set;
	a->cfgs[a->nsets++] = cfg;
	add(a, set->options);
}

/* The command-line word of the option getopt just returned (with its
 * "=VALUE" if so written), or NULL. */
static const char *raw(const struct cmd_args *a, const char *arg)
{
	if (optind < 1 || optind > a->argc)
		return NULL;
	if (arg && optind >= 2 && arg == a->argv[optind - 1])
		return a->argv[optind - 2];	/* "--name VALUE" */
	return a->argv[optind - 1];
}

/* 1 when word ("--name" or "--name=v") spells option name in full. */
static int in_full(const char *word, const char *name)
{
	size_t n = strlen(name);
	return word && strncmp(word, "--", 2) == 0 && strncmp(word + 2, name, n) == 0 &&
	       (word[2 + n] == '\0' || word[2 + n] == '=');
}

static void bad_option(const struct cmd_args *a, int c)
{
	const char *r = optind >= 1 && optind <= a->argc ? a->argv[optind - 1] : NULL;
	char s[3] = { '-', optopt > 0 && optopt < 0x7f ? (char)optopt : '?', 0 };
	const char *pre = a->cmd ? a->cmd : "", *sep = a->cmd ? ": " : "", *eq;
	if (r == NULL || strncmp(r, "--", 2) != 0)
		r = s;
	eq = strchr(r, '=');
	if (c == ':') {
		msg_info("%s%s%s needs a value", pre, sep, r);
		return;
	}
	for (const struct option *o = a->longopts; eq && o->name; o++)
		if (o->has_arg == no_argument && in_full(r, o->name)) {
			msg_info("%s%s--%s takes no value", pre, sep, o->name);
			return;
		}
	msg_info("%s%sunknown option '%s' (see bouncewatch %s%s--help)", pre, sep, r, pre,
		 *pre ? " " : "");
}

/* Says that the value of the option just returned is bad: "CMD: why",
 * after "FILE:LINE: [section] key: " when the value came from the
 * configuration file (config_argv), so a value that only the command can
 * judge still names the line it was written on. */
static void bad_value(const struct cmd_args *a, const char *why)
{
	char where[1024];
	const char *o = a->g ? config_origin(a->g->cfg, a->arg, where, sizeof where) : NULL;
	msg_info("%s%s%s%s%s", o ? o : "", o ? ": " : "", a->cmd ? a->cmd : "", a->cmd ? ": " : "",
		 why);
}

/* An option of a shared set: 1 handled, -1 bad value (message printed). */
static int run_set(struct cmd_args *a, const char *name)
{
	char err[512];
	for (int i = 0; i < a->nsets; i++) {
		int r = a->sets[i]->set(a->cfgs[i], name, a->arg, err, sizeof err);
		if (r < 0) {
			bad_value(a, err);
			return -1;
		}
		if (r > 0)
			return 1;
	}
	assert(!"an option of a set that no set handles");
	return -1;
}

int cmd_args_next(struct cmd_args *a)
{
	char so[sizeof a->shortopts + 1];
	int idx, c;
	if (!a->started) {
		optind = 0;	/* GNU: start afresh (argv may be another vector) */
		a->started = 1;
	}
	snprintf(so, sizeof so, "%s%s", a->in_order ? "+" : "", a->shortopts);
	opterr = 0;
	for (;;) {
		idx = -1;
		c = getopt_long(a->argc, a->argv, so, a->longopts, &idx);
		a->arg = optarg;
		if (c == -1) {
			a->optind = optind;
			return -1;
		}
		if (c == ':' || c == '?') {
			bad_option(a, c);
			return '?';
		}
		if (idx >= 0 && !in_full(raw(a, optarg), a->longopts[idx].name)) {
			const char *r = raw(a, optarg);
			msg_info("%s%sunknown option '%s' (did you mean --%s?)", a->cmd ? a->cmd : "",
				 a->cmd ? ": " : "", r ? r : "?", a->longopts[idx].name);
			return '?';
		}
		if (idx >= 0)
			snprintf(a->name, sizeof a->name, "--%s", a->longopts[idx].name);
		else
			snprintf(a->name, sizeof a->name, "-%c", c > 0 && c < 0x7f ? c : '?');
		if (c == CMD_OPT_DB)
			a->g->db = optarg;
		else if (c == CMD_OPT_RULES)
			a->g->rules_dir = optarg;
		else if (c == CMD_OPT_CONFIG)
			;	/* read by main (config_locate) */
		else if (c == 'v')
			log_verbose = ++a->g->verbose;
		else if (c == CMD_OPT_SET) {
			if (run_set(a, a->name + 2) < 0)
				return '?';
		} else
			return c;
	}
}

int cmd_args_bad(const struct cmd_args *a, const char *what)
{
	char why[1024];
	snprintf(why, sizeof why, "%s: expected %s, got '%s'", a->name, what, a->arg ? a->arg : "");
	bad_value(a, why);
	return -1;
}

int cmd_args_choice(const struct cmd_args *a, const char *const *names, int *out)
{
	char what[256];
	size_t len = 0;
	int i;
	for (i = 0; names[i]; i++)
		if (a->arg && strcmp(a->arg, names[i]) == 0) {
			*out = i;
			return 0;
		}
	what[0] = '\0';
	for (i = 0; names[i] && len < sizeof what; i++) {
		const char *sep = i == 0 ? "" : names[i + 1] ? ", " : " or ";
		int n = snprintf(what + len, sizeof what - len, "%s%s", sep, names[i]);
		len += n > 0 ? (size_t)n : 0;
	}
	return cmd_args_bad(a, what);
}

static int said(const struct cmd_args *a, int rc, const char *err)
{
	if (rc < 0)
		bad_value(a, err);
	return rc;
}

int cmd_args_long(struct cmd_args *a, long min, long max, long *out)
{
	char err[256];
	return said(a, optnum_long(a->name, a->arg, min, max, out, err, sizeof err), err);
}

int cmd_args_int(struct cmd_args *a, int min, int max, int *out)
{
	long v;
	if (cmd_args_long(a, min, max, &v) < 0)
		return -1;
	*out = (int)v;
	return 0;
}

int cmd_args_double(struct cmd_args *a, double min, double max, double *out)
{
	char err[256];
	return said(a, optnum_double(a->name, a->arg, min, max, out, err, sizeof err), err);
}

int cmd_args_duration(struct cmd_args *a, long min, long max, long *out)
{
	char err[256];
	return said(a, optnum_duration(a->name, a->arg, min, max, out, err, sizeof err), err);
}

int cmd_args_rate(struct cmd_args *a, double min, double max, double *out)
{
	char err[256];
	return said(a, optnum_rate(a->name, a->arg, min, max, out, err, sizeof err), err);
}

int cmd_args_time(struct cmd_args *a, double now, double *out)
{
	if (a->arg == NULL || when_parse(a->arg, now, out) < 0)
		return cmd_args_bad(a, WHEN_FORMS);
	return 0;
}
