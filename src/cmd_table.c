/* cmd_table - helpers shared by report, query and check (see cmd_table.h).
 * Converts between the store's cells and the report's values; parses the
 * times of the command line. No SQL, no output.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "alert.h"
#include "cmd.h"
#include "cmd_table.h"
#include "log.h"
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

void cmd_window_hint(struct store *st, const char *cmd, double since, double until)
{
	struct store_health h;
	char err[256], day[32], at[64];
	struct tm tm;
	time_t t;

	(void)until;
	if (store_health(st, &h, err, sizeof err) < 0)
		return;
	if (h.newest_delivery <= 0) {
		msg_info("%s: the database holds no deliveries yet: `bouncewatch scan LOG` reads a "
			 "log once, `bouncewatch tail LOG` follows it", cmd);
		return;
	}
	if (h.newest_delivery >= since)
		return;
	t = (time_t)h.newest_delivery;
	if (localtime_r(&t, &tm) == NULL || strftime(day, sizeof day, "%Y-%m-%d", &tm) == 0)
		return;
	msg_info("%s: no delivery in the window; the newest is at %s: try --since %s", cmd,
		 alert_time(h.newest_delivery, at, sizeof at), day);
}
