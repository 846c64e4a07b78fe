/* cmd_table - glue for commands that print store results: fills a
 * report_table from store_report rows. */
#ifndef BW_CMD_TABLE_H
#define BW_CMD_TABLE_H
#include "report.h"
#include "store_report.h"

/* A store_cell_fn: arg is a struct report_table *; the first call sets
 * its columns, later calls append rows. Always returns 0. */
int cmd_table_row(void *arg, int ncol, const char *const *names, const struct store_cell *cells);

/* Parses a time for --since / --until: the forms of when_parse() (when.h:
 * now, today, yesterday, 7d or -7d ago, ISO dates and date-times, @EPOCH). 0, or -1. */
int cmd_parse_time(const char *s, double now, double *out);

/* 1 when colour suits stream f: a terminal and NO_COLOR unset or empty. */
int cmd_use_colour(FILE *f);

/* After a report over [since, until): says on stderr (msg_info) when the
 * database holds no deliveries (how to make some) or when all of them are
 * older than since (the newest one's time and a --since that shows it). */
void cmd_window_hint(struct store *st, const char *cmd, double since, double until);

#endif
