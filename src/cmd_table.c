/* cmd_table - helpers shared by report, query and check (see cmd_table.h).
 * Converts between the store's cells and the report's values; parses the
 * times of the command line. No SQL, no output.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "cmd.h"
#include "cmd_table.h"
#include "when.h"
#include "xmalloc.h"

int cmd_table_row(void *arg, int ncol, const char *const *names, const struct store_cell *cells)
{
	struct report_table *t = arg;
	struct report_value *v;
	if (cells == NULL) {
		report_table_columns(t, ncol, names);
		return 0;
	}
	if (ncol != report_table_ncol(t))
		return 0;
	v = xcalloc((size_t)ncol, sizeof *v);
	for (int i = 0; i < ncol; i++) {
		static const enum report_vtype map[] = {
			[STORE_NULL] = RV_NULL, [STORE_INT] = RV_INT, [STORE_REAL] = RV_REAL,
			[STORE_TEXT] = RV_TEXT, [STORE_BLOB] = RV_TEXT,
		};
		v[i] = (struct report_value){ map[cells[i].type], cells[i].p, cells[i].len };
	}
	report_table_add(t, v);
	free(v);
	return 0;
}

int cmd_parse_time(const char *s, double now, double *out)
{
	return when_parse(s, now, out);
}

int cmd_use_colour(FILE *f)
{
	const char *nc = getenv("NO_COLOR");
	return isatty(fileno(f)) && (nc == NULL || *nc == '\0');
}
