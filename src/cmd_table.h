/* cmd_table - glue for commands that print store results: fills a
 * report_table from store_report rows. */
#ifndef BW_CMD_TABLE_H
#define BW_CMD_TABLE_H
#include "report.h"
#include "store_report.h"

/* A store_cell_fn: arg is a struct report_table *; the first call sets
 * its columns, later calls append rows. Always returns 0. */
int cmd_table_row(void *arg, int ncol, const char *const *names, const struct store_cell *cells);

/* Parses a time for --since / --until: a duration ago ("24h", "7d"), "now",
 * or an ISO 8601 date or date-time ("2026-11-28", "2026-11-28T10:00[:SS]",
 * optional "Z" or "+HH:MM"; local time without one). 0, or -1. */
int cmd_parse_time(const char *s, double now, double *out);

/* 1 when colour suits stream f: a terminal and NO_COLOR unset or empty. */
int cmd_use_colour(FILE *f);

#endif
