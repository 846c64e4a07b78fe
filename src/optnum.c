/* optnum - strict number conversions for option values (see optnum.h).
 * The text is checked by hand before strtol/strtod see it, because those
 * skip blanks and take '+', hex, exponents, "inf" and "nan".
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "optnum.h"
#include "when.h"

/* 1 when v is -?[0-9]+ (whole) or -?([0-9]+(.[0-9]*)?|.[0-9]+) (decimal). */
static int well_formed(const char *v, int decimal)
{
	size_t digits = 0, dots = 0;
	if (v == NULL)
		return 0;
	if (*v == '-')
		v++;
	for (; *v; v++) {
		if (*v >= '0' && *v <= '9')
			digits++;
		else if (*v == '.' && decimal && dots == 0)
			dots++;
		else
			return 0;
	}
	return digits > 0;
}

static void show(const char *v, char *out, size_t len)
{
	size_t o = 0;
	for (; v && *v && o + 4 < len; v++)	/* keep the message printable and short */
		out[o++] = (*v >= 0x20 && *v < 0x7f) ? *v : '?';
	if (v && *v)
		snprintf(out + o, len - o, "...");
	else
		out[o] = '\0';
}

static void fail(const char *opt, const char *v, const char *what, char *err, size_t errlen)
{
	char s[72];
	show(v, s, sizeof s);
	snprintf(err, errlen, "%s%sexpected %s, got '%s'", opt ? opt : "", opt ? ": " : "", what, s);
}

/* "KIND of at least LO" (hi unbounded) or "KIND from LO to HI", then tail. */
static void fail_range(const char *opt, const char *v, const char *kind, const char *lo,
		       const char *hi, const char *tail, char *err, size_t errlen)
{
	char what[160];
	if (hi == NULL)
		snprintf(what, sizeof what, "%s of at least %s%s", kind, lo, tail);
	else
		snprintf(what, sizeof what, "%s from %s to %s%s", kind, lo, hi, tail);
	fail(opt, v, what, err, errlen);
}

int optnum_long(const char *opt, const char *v, long lo, long hi, long *out,
		char *err, size_t errlen)
{
	char a[32], b[32], *end;
	long n = 0;
	int ok = well_formed(v, 0);
	if (ok) {
		errno = 0;
		n = strtol(v, &end, 10);
		ok = errno == 0 && *end == '\0' && n >= lo && n <= hi;
	}
	if (!ok) {
		snprintf(a, sizeof a, "%ld", lo);
		snprintf(b, sizeof b, "%ld", hi);
		fail_range(opt, v, "a whole number", a, hi == LONG_MAX ? NULL : b, "", err, errlen);
		return -1;
	}
	*out = n;
	return 0;
}

int optnum_double(const char *opt, const char *v, double lo, double hi, double *out,
		  char *err, size_t errlen)
{
	char what[96], *end;
	double d = NAN;
	if (well_formed(v, 1))
		d = strtod(v, &end);
	if (!(d >= lo && d <= hi)) {	/* NaN fails too */
		snprintf(what, sizeof what, "a number from %g to %g", lo, hi);
		fail(opt, v, what, err, errlen);
		return -1;
	}
	*out = d;
	return 0;
}

/* "90s", "15m", "3h", "2d": the largest unit that divides s. */
static void dur_text(long s, char *out, size_t len)
{
	static const struct { long sec; char unit; } u[] = {
		{ 7 * 86400, 'w' }, { 86400, 'd' }, { 3600, 'h' }, { 60, 'm' }
	};
	for (size_t i = 0; i < sizeof u / sizeof *u; i++)
		if (s != 0 && s % u[i].sec == 0) {
			snprintf(out, len, "%ld%c", s / u[i].sec, u[i].unit);
			return;
		}
	snprintf(out, len, "%lds", s);
}

int optnum_duration(const char *opt, const char *v, long lo, long hi, long *out,
		    char *err, size_t errlen)
{
	char a[32], b[32];
	long d = v ? when_duration(v) : -1;
	if (d < 0 || d < lo || d > hi) {
		dur_text(lo, a, sizeof a);
		dur_text(hi, b, sizeof b);
		fail_range(opt, v, "a duration", a, hi == LONG_MAX ? NULL : b,
			   " (90s, 15m, 24h, 7d, 2w)", err, errlen);
		return -1;
	}
	*out = d;
	return 0;
}

int optnum_rate(const char *opt, const char *v, double lo, double hi, double *out,
		char *err, size_t errlen)
{
	char num[64], what[96];
	size_t n = v ? strlen(v) : 0;
	int pct = n > 0 && v[n - 1] == '%';
	double d = NAN;
	if (v && n - (size_t)pct < sizeof num) {
		memcpy(num, v, n - (size_t)pct);
		num[n - (size_t)pct] = '\0';
		if (well_formed(num, 1))
			d = strtod(num, NULL) / (pct ? 100.0 : 1.0);
	}
	if (!(d >= lo && d <= hi)) {
		snprintf(what, sizeof what, "a fraction from %g to %g or a percentage such as 10%%",
			 lo, hi);
		fail(opt, v, what, err, errlen);
		return -1;
	}
	*out = d;
	return 0;
}
