/* journal_opts - the journal options scan and tail share
 *
 *   --journal             read the local systemd journal
 *   --journal-dir DIR     the journal files in DIR (implies --journal)
 *   --journal-file FILE   one journal file (implies --journal)
 *   --identifier NAME     entries with SYSLOG_IDENTIFIER=NAME (a trailing '*'
 *                         matches a prefix); repeatable
 *   --unit UNIT           entries of the systemd unit UNIT; repeatable
 *   --since WHEN          (scan) entries from WHEN on when nothing is stored
 *                         yet, or when later than where reading stopped:
 *                         a duration back from now (7d, 24h) or @EPOCH
 * Given identifiers or units replace the default identifiers (the MTAs').
 */
#ifndef BW_JOURNAL_OPTS_H
#define BW_JOURNAL_OPTS_H
#include <stdint.h>
#include <stdio.h>
#include "journal.h"

struct journal_cli {
	int on;			/* --journal or one implying it */
	struct journal_opts o;
	uint64_t since_us;	/* 0: from where reading stopped, or the oldest */
};

/* Handles option name (without "--") with its value v (NULL for
 * --journal): 1 handled, 0 not a journal option, -1 with err on a bad
 * value. --since is one of them; the commands that do not take it leave it
 * out of their table (journal_optset vs journal_optset_since, cmd_args.h). */
int journal_cli_set(struct journal_cli *c, const char *name, const char *v, char *err, size_t errlen);

/* Prints the options' help lines. */
void journal_cli_usage(FILE *f, int with_since);

#endif
