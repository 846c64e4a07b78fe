/* cmd_config - `bouncewatch config [OPTION VALUE]...`: the effective
 * configuration, each value with where it came from.
 *
 * main has read and checked the file already (a bad file never gets
 * here: exit 2 with file:line); this command only shows the result. The
 * options given after `config` are those of the commands (--alert-exec
 * PROGRAM, --source-ip HOST=IP ...), so that `bouncewatch config
 * --db /tmp/x.db` shows what a command run with --db /tmp/x.db would use.
 */
#include <stdio.h>
#include <string.h>
#include "cmd.h"
#include "config.h"
#include "log.h"

static void usage(FILE *f)
{
	fprintf(f, "usage: bouncewatch [--config FILE] config [OPTION VALUE]...\n"
		   "Prints the effective configuration: every key of the configuration file with\n"
		   "its value and where that came from (FILE:LINE, env NAME, command line,\n"
		   "default). The file is %s unless --config FILE or\n"
		   "BOUNCEWATCH_CONFIG (empty: no file) names another; the command line\n"
		   "overrides the environment, which overrides the file. OPTIONs are the\n"
		   "commands' own (--db PATH, --alert-exec PROGRAM, --source-ip HOST=IP ...).\n"
		   "exit codes: 0 ok, 2 an unknown key or a bad value in the file (FILE:LINE)\n",
		BW_CONFIG_FILE);
}

static int config_exec(struct globals *g, int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		int takes = 0;
		const char *a = argv[i];
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			usage(stdout);
			return EXIT_OK;
		}
		if (strncmp(a, "--", 2) == 0 && strchr(a, '=') == NULL && config_is_option(a + 2, &takes)) {
			if (takes && ++i >= argc) {
				msg_info("config: %s needs a value", a);
				return EXIT_USAGE;
			}
			continue;
		}
		if (strncmp(a, "--", 2) == 0 && strchr(a, '=') != NULL) {
			char name[64];
			snprintf(name, sizeof name, "%.*s", (int)(strchr(a, '=') - a - 2), a + 2);
			if (config_is_option(name, &takes) && takes)
				continue;
		}
		msg_info("config: %s is not an option of the configuration", a);
		usage(stderr);
		return EXIT_USAGE;
	}
	config_print(g->cfg, argc - 1, argv + 1, stdout);
	return EXIT_OK;
}

const struct cmd cmd_config = { "config", "print the effective configuration and where each value came from",
				config_exec };
