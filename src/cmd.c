/* cmd - helpers shared by the subcommands (see cmd.h).
 * Option parsing only; no I/O beyond what the caller asks for.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include "cmd.h"
#include "datadir.h"
#include "log.h"
#include "rules.h"
#include "when.h"
#include "xmalloc.h"

long cmd_parse_duration(const char *s)
{
	return when_duration(s);
}

const char *cmd_db_path(const struct globals *g)
{
	return g->db && *g->db ? g->db : BW_DEFAULT_DB;
}

#define LOAD_ERR_MAX (256 * 1024)	/* every error of a rule set, one per line */

struct rules *cmd_load_rules(const struct globals *g)
{
	char *err, found[PATH_MAX + 64];
	const char *dir = g->rules_dir;
	struct rules *r;
	if (dir == NULL || *dir == '\0') {
		if (datadir_patterns(found, sizeof found) < 0) {
			msg_info("no rules directory: looked in %s (give --rules DIR or set "
				 "BOUNCEWATCH_RULES)", found);
			return NULL;
		}
		dir = found;
	}
	msg_debug("rules from %s", dir);
	err = xmalloc(LOAD_ERR_MAX);
	if ((r = rules_load(dir, err, LOAD_ERR_MAX)) == NULL)
		fprintf(stderr, "%s\n", err);
	free(err);
	return r;
}
