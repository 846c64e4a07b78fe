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

/* Parses "Z", "+HH:MM", "-HHMM" at s; the offset's size in seconds in
 * *off (the caller applies the sign). */
static int parse_zone(const char *s, long *off)
{
	int h, m = 0;
	if (strcmp(s, "Z") == 0 || strcmp(s, "z") == 0) {
		*off = 0;
		return 0;
	}
	if ((s[0] != '+' && s[0] != '-') || !isdigit((unsigned char)s[1]) ||
	    !isdigit((unsigned char)s[2]))
		return -1;
	h = (s[1] - '0') * 10 + (s[2] - '0');
	s += 3;
	if (*s == ':')
		s++;
	if (*s) {
		if (!isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1]) || s[2])
			return -1;
		m = (s[0] - '0') * 10 + (s[1] - '0');
	}
	if (h > 23 || m > 59)
		return -1;
	*off = (long)(h * 3600 + m * 60);
	return 0;
}

static int parse_iso(const char *s, double *out)
{
	struct tm tm = { 0 };
	const char *p = strptime(s, "%Y-%m-%d", &tm);
	long off = 0;
	int zoned = 0;
	if (p == NULL)
		return -1;
	if (*p == 'T' || *p == 't' || *p == ' ') {
		const char *q = strptime(p + 1, "%H:%M", &tm);
		if (q == NULL)
			return -1;
		p = q;
		if (*p == ':' && (q = strptime(p + 1, "%S", &tm)) != NULL)
			p = q;
	}
	if (*p) {
		if (parse_zone(p, &off) < 0)
			return -1;
		if (*p == '-')
			off = -off;
		zoned = 1;
	}
	tm.tm_isdst = -1;
	time_t t = zoned ? timegm(&tm) - off : mktime(&tm);
	if (t == (time_t)-1 && !zoned)
		return -1;
	*out = (double)t;
	return 0;
}

int cmd_parse_time(const char *s, double now, double *out)
{
	long d;
	if (s == NULL || *s == '\0')
		return -1;
	if (strcmp(s, "now") == 0) {
		*out = now;
		return 0;
	}
	if (strchr(s, '-') == NULL && (d = cmd_parse_duration(s)) >= 0) {
		*out = now - (double)d;
		return 0;
	}
	return parse_iso(s, out);
}

int cmd_use_colour(FILE *f)
{
	const char *nc = getenv("NO_COLOR");
	return isatty(fileno(f)) && (nc == NULL || *nc == '\0');
}
