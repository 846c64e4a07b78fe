/* journal_opts - parsing of the journal options (see journal_opts.h).
 * Borrows the argv strings it stores; they live as long as the process.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "clock.h"
#include "cmd.h"
#include "journal_opts.h"

static int parse_since(const char *s, uint64_t *us)
{
	char *end;
	if (s[0] == '@') {
		double t = strtod(s + 1, &end);
		if (*end != '\0' || !(t > 0 && t < 1e11))
			return -1;
		*us = (uint64_t)(t * 1e6);
		return 0;
	}
	long d = cmd_parse_duration(s);
	double t = clock_now() - (double)d;
	if (d < 0 || t <= 0)
		return -1;
	*us = (uint64_t)(t * 1e6);
	return 0;
}

int journal_cli_set(struct journal_cli *c, const char *name, const char *v, char *err, size_t errlen)
{
	if (strcmp(name, "journal") == 0) {
		c->on = 1;
		return 1;
	}
	int takes = strcmp(name, "journal-dir") == 0 || strcmp(name, "journal-file") == 0 ||
		    strcmp(name, "identifier") == 0 || strcmp(name, "unit") == 0 ||
		    strcmp(name, "since") == 0;
	if (!takes)
		return 0;
	if (v == NULL || *v == '\0') {
		snprintf(err, errlen, "--%s needs a value", name);
		return -1;
	}
	if (strcmp(name, "since") == 0) {
		if (parse_since(v, &c->since_us) < 0) {
			snprintf(err, errlen, "--since: expected 7d, 24h or @EPOCH, got '%s'", v);
			return -1;
		}
		return 1;
	}
	c->on = 1;
	if (strcmp(name, "journal-dir") == 0) {
		c->o.dir = v;
	} else if (strcmp(name, "journal-file") == 0) {
		c->o.file = v;
	} else {
		int unit = strcmp(name, "unit") == 0;
		int *n = unit ? &c->o.nunits : &c->o.nidentifiers;
		if (*n == JOURNAL_MATCH_MAX) {
			snprintf(err, errlen, "at most %d --%s options", JOURNAL_MATCH_MAX, name);
			return -1;
		}
		(unit ? c->o.units : c->o.identifiers)[(*n)++] = v;
	}
	if (c->o.dir && c->o.file) {
		snprintf(err, errlen, "--journal-dir and --journal-file exclude each other");
		return -1;
	}
	return 1;
}

void journal_cli_usage(FILE *f, int with_since)
{
	fprintf(f, "Journal (instead of files):\n"
		   "  --journal            read the local systemd journal (the mail programs' entries)\n"
		   "  --journal-dir DIR    read the journal files in DIR\n"
		   "  --journal-file FILE  read one journal file\n"
		   "  --identifier NAME    entries with SYSLOG_IDENTIFIER NAME ('postfix*': a prefix);\n"
		   "                       repeatable; replaces the default MTA identifiers\n"
		   "  --unit UNIT          entries of the systemd unit UNIT; repeatable\n");
	if (with_since)
		fprintf(f, "  --since WHEN         from WHEN (7d, 24h, @EPOCH) when nothing is stored yet\n"
			   "                       or when later than where reading stopped\n");
}
