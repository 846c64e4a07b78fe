/* when - parsing the times and durations of the command line (see when.h).
 * Base layer: libc only. Local time follows TZ through mktime/localtime_r,
 * so a unit test pins both the clock (an argument) and the zone (setenv).
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "when.h"

long when_duration(const char *s)
{
	char *end;
	long v, mul = 1;
	errno = 0;
	if (s == NULL || *s < '0' || *s > '9')
		return -1;
	v = strtol(s, &end, 10);
	if (errno != 0 || v < 0)
		return -1;
	switch (*end) {
	case 's': case '\0': mul = 1; break;
	case 'm': mul = 60; break;
	case 'h': mul = 3600; break;
	case 'd': mul = 86400; break;
	case 'w': mul = 7 * 86400; break;
	case 'y': mul = 365 * 86400; break;	/* 365 days, as in "report --since 1y" */
	default: return -1;
	}
	if (*end != '\0' && end[1] != '\0')
		return -1;
	if (v > (long)(1L << 40) / mul)
		return -1;
	return v * mul;
}

/* Parses "Z", "+HH:MM", "+HHMM", "+HH" (or '-') at s into a signed offset
 * east of UTC in seconds. */
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
	const char *p = s + 3;
	if (*p == ':')
		p++;
	if (*p) {
		if (!isdigit((unsigned char)p[0]) || !isdigit((unsigned char)p[1]) || p[2])
			return -1;
		m = (p[0] - '0') * 10 + (p[1] - '0');
	}
	if (h > 23 || m > 59)
		return -1;
	*off = (long)(h * 3600 + m * 60) * (s[0] == '-' ? -1 : 1);
	return 0;
}

/* n digits at *p into *v; advances *p. */
static int digits(const char **p, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++, (*p)++) {
		if (!isdigit((unsigned char)**p))
			return -1;
		*v = *v * 10 + (**p - '0');
	}
	return 0;
}

/* The calendar fields of an ISO 8601 date [time]; *p left at the zone. */
static int parse_fields(const char **p, struct tm *tm)
{
	int y, mo, d, h = 0, mi = 0, sec = 0;
	if (digits(p, 4, &y) < 0 || *(*p)++ != '-' || digits(p, 2, &mo) < 0 ||
	    *(*p)++ != '-' || digits(p, 2, &d) < 0)
		return -1;
	if (**p == 'T' || **p == 't' || **p == ' ') {
		(*p)++;
		if (digits(p, 2, &h) < 0 || *(*p)++ != ':' || digits(p, 2, &mi) < 0)
			return -1;
		if (**p == ':') {
			(*p)++;
			if (digits(p, 2, &sec) < 0)
				return -1;
			if (**p == '.' || **p == ',')
				for ((*p)++; isdigit((unsigned char)**p);)
					(*p)++;	/* fractions of a second: dropped */
		}
	}
	if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60)
		return -1;
	*tm = (struct tm){ .tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d, .tm_hour = h,
			   .tm_min = mi, .tm_sec = sec, .tm_isdst = -1 };
	return 0;
}

static int parse_iso(const char *s, double *out)
{
	struct tm tm, check;
	const char *p = s;
	long off = 0;
	time_t t;
	if (parse_fields(&p, &tm) < 0)
		return -1;
	check = tm;
	if (*p) {
		if (parse_zone(p, &off) < 0)
			return -1;
		t = timegm(&tm) - off;
	} else {
		t = mktime(&tm);
	}
	if (t == (time_t)-1 || tm.tm_mday != check.tm_mday)
		return -1;	/* e.g. 2026-02-30 */
	*out = (double)t;
	return 0;
}

/* 00:00 local time, days_back days before now's day. */
static int midnight(double now, int days_back, double *out)
{
	time_t n = (time_t)now, t;
	struct tm tm;
	if (localtime_r(&n, &tm) == NULL)
		return -1;
	tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
	tm.tm_mday -= days_back;
	tm.tm_isdst = -1;
	if ((t = mktime(&tm)) == (time_t)-1)
		return -1;
	*out = (double)t;
	return 0;
}

int when_parse(const char *s, double now, double *out)
{
	long d;
	if (s == NULL || *s == '\0')
		return -1;
	if (strcmp(s, "now") == 0) {
		*out = now;
		return 0;
	}
	if (strcmp(s, "today") == 0)
		return midnight(now, 0, out);
	if (strcmp(s, "yesterday") == 0)
		return midnight(now, 1, out);
	if (s[0] == '@') {
		char *end;
		double v;
		errno = 0;
		v = strtod(s + 1, &end);
		if (end == s + 1 || *end || errno || !isdigit((unsigned char)s[1]))
			return -1;
		*out = v;
		return 0;
	}
	if ((d = when_duration(s[0] == '-' ? s + 1 : s)) >= 0) {
		*out = now - (double)d;
		return 0;
	}
	return parse_iso(s, out);
}
