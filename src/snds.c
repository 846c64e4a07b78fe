/* snds - Microsoft SNDS feeds, parsed (see snds.h for the formats and their
 * sources). Every field is checked before it is used: an IP must parse as
 * IPv4 or IPv6, counts must be decimal, the filter one of three words; a
 * record that fails is skipped and told to bad(), the rest go on.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "csv.h"
#include "snds.h"

static struct str trim(struct str s)
{
	while (s.len && isspace((unsigned char)s.p[0]))
		s.p++, s.len--;
	while (s.len && isspace((unsigned char)s.p[s.len - 1]))
		s.len--;
	return s;
}

static int ip_ok(struct str s, char *out, size_t cap)
{
	unsigned char b[16];
	char tmp[64];
	if (s.len == 0 || s.len >= sizeof tmp)
		return -1;
	memcpy(tmp, s.p, s.len);
	tmp[s.len] = '\0';
	if (inet_pton(AF_INET, tmp, b) != 1 && inet_pton(AF_INET6, tmp, b) != 1)
		return -1;
	str_put(out, cap, s);
	return 0;
}

static int count(struct str s, int64_t *v)
{
	int64_t n = 0;
	s = trim(s);
	if (s.len == 0) {
		*v = 0;
		return 0;
	}
	if (s.len > 15)
		return -1;
	for (size_t i = 0; i < s.len; i++) {
		if (!isdigit((unsigned char)s.p[i]))
			return -1;
		n = n * 10 + (s.p[i] - '0');
	}
	*v = n;
	return 0;
}

/* Reads an unsigned decimal of at most max digits at *p. */
static int num(const char **p, const char *end, int max, int *v)
{
	int n = 0, k = 0;
	while (*p < end && k < max && isdigit((unsigned char)**p))
		n = n * 10 + (*(*p)++ - '0'), k++;
	*v = n;
	return k ? 0 : -1;
}

static int lit(const char **p, const char *end, char c)
{
	if (*p >= end || **p != c)
		return -1;
	(*p)++;
	return 0;
}

int snds_parse_time(const char *s, size_t len, double *t)
{
	const char *p = s, *end = s + len;
	int mo, d, y, h, mi, sec = 0;
	struct tm tm = { 0 };
	while (p < end && *p == ' ')
		p++;
	while (end > p && end[-1] == ' ')
		end--;
	if (num(&p, end, 2, &mo) || lit(&p, end, '/') || num(&p, end, 2, &d) || lit(&p, end, '/') ||
	    num(&p, end, 4, &y) || lit(&p, end, ' ') || num(&p, end, 2, &h) || lit(&p, end, ':') ||
	    num(&p, end, 2, &mi))
		return -1;
	if (p < end && *p == ':' && (p++, num(&p, end, 2, &sec)))
		return -1;
	if (p < end) {
		if (lit(&p, end, ' ') || end - p != 2 || (p[1] != 'M' && p[1] != 'm'))
			return -1;
		int pm = p[0] == 'P' || p[0] == 'p';
		if (!pm && p[0] != 'A' && p[0] != 'a')
			return -1;
		if (h < 1 || h > 12)
			return -1;
		h = h % 12 + (pm ? 12 : 0);
	}
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1970 || y > 9999 || h > 23 || mi > 59 ||
	    sec > 60)
		return -1;
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = sec;
	*t = (double)timegm(&tm);
	return 0;
}

/* "< 0.1%", "0.3%", "12%", "" -> fraction. */
static int rate(struct str s, double *v, int *below)
{
	char tmp[32], *e;
	s = trim(s);
	*below = 0;
	*v = 0;
	if (s.len == 0)
		return 0;
	if (s.p[0] == '<') {
		*below = 1;
		s.p++, s.len--;
		s = trim(s);
	}
	if (s.len == 0 || s.p[s.len - 1] != '%' || s.len >= sizeof tmp)
		return -1;
	memcpy(tmp, s.p, s.len - 1);
	tmp[s.len - 1] = '\0';
	*v = strtod(tmp, &e) / 100.0;
	return e != tmp && *e == '\0' && *v >= 0 && *v <= 1 ? 0 : -1;
}

static int opt_time(struct str s, double *t)
{
	s = trim(s);
	*t = 0;
	return s.len == 0 ? 0 : snds_parse_time(s.p, s.len, t);
}

static const char *read_day(const struct csv_reader *r, struct snds_day *d)
{
	const struct str *f = r->field;
	struct str filter;
	time_t end;
	struct tm tm;
	memset(d, 0, sizeof *d);
	if (r->nfield < 11)
		return "fewer than 11 fields";
	if (ip_ok(trim(f[0]), d->ip, sizeof d->ip))
		return "not an IP address in field 1";
	if (snds_parse_time(f[1].p, f[1].len, &d->activity_start) ||
	    snds_parse_time(f[2].p, f[2].len, &d->activity_end))
		return "activity start or end is not M/D/YYYY h:mm AM";
	if (count(f[3], &d->rcpt) || count(f[4], &d->data) || count(f[5], &d->recipients) ||
	    count(f[10], &d->trap_hits))
		return "a count is not a number";
	filter = trim(f[6]);
	if (!(str_eq(filter, "GREEN") || str_eq(filter, "YELLOW") || str_eq(filter, "RED") ||
	      filter.len == 0))
		return "filter result is not GREEN, YELLOW or RED";
	str_put(d->filter, sizeof d->filter, filter);
	if (rate(f[7], &d->complaint_rate, &d->complaint_below))
		return "complaint rate is not a percentage";
	if (opt_time(f[8], &d->trap_start) || opt_time(f[9], &d->trap_end))
		return "trap period is not M/D/YYYY h:mm AM";
	if (r->nfield > 11)
		str_put(d->helo, sizeof d->helo, trim(f[11]));
	if (r->nfield > 12)
		str_put(d->mail_from, sizeof d->mail_from, trim(f[12]));
	if (r->nfield > 13)
		str_put(d->comments, sizeof d->comments, trim(f[13]));
	end = (time_t)d->activity_end;
	gmtime_r(&end, &tm);
	strftime(d->day, sizeof d->day, "%Y-%m-%d", &tm);
	return NULL;
}

static const char *read_range(const struct csv_reader *r, struct snds_range *g)
{
	const struct str *f = r->field;
	struct str b;
	memset(g, 0, sizeof *g);
	if (r->nfield < 3)
		return "fewer than 3 fields";
	if (ip_ok(trim(f[0]), g->first, sizeof g->first) ||
	    ip_ok(trim(f[1]), g->last, sizeof g->last))
		return "not an IP address in field 1 or 2";
	b = trim(f[2]);
	g->blocked = str_eq(b, "Yes") || str_eq(b, "yes") || str_eq(b, "YES");
	if (!g->blocked && !(str_eq(b, "No") || str_eq(b, "no") || str_eq(b, "NO")))
		return "blocked is not Yes or No";
	if (r->nfield > 3)
		str_put(g->reason, sizeof g->reason, trim(f[3]));
	return NULL;
}

/* A record that is one empty field: a blank line. */
static int blank(const struct csv_reader *r)
{
	return r->nfield == 1 && trim(r->field[0]).len == 0;
}

#define PARSE_LOOP(TYPE, READ, FN)                                                     \
	struct csv_reader *r = malloc(sizeof *r);                                      \
	TYPE rec;                                                                      \
	int rc = 0, n;                                                                 \
	char why[160];                                                                 \
	if (r == NULL) {                                                               \
		snprintf(err, errlen, "out of memory");                                \
		return -1;                                                             \
	}                                                                              \
	csv_init(r, buf, len);                                                         \
	while ((n = csv_next(r, why, sizeof why)) != 0) {                              \
		const char *bad_why = n < 0 ? why : blank(r) ? "" : READ(r, &rec);    \
		if (bad_why && *bad_why == '\0')                                       \
			continue;                                                      \
		if (bad_why) {                                                         \
			c->skipped++;                                                  \
			if (bad)                                                       \
				bad(arg, r->line, bad_why);                            \
			continue;                                                      \
		}                                                                      \
		c->records++;                                                          \
		if (FN(arg, &rec, err, errlen) < 0) {                                  \
			rc = -1;                                                       \
			break;                                                         \
		}                                                                      \
	}                                                                              \
	free(r);                                                                       \
	return rc

int snds_parse_data(const char *buf, size_t len, snds_day_fn fn, snds_bad_fn bad, void *arg,
		    struct snds_counts *c, char *err, size_t errlen)
{
	PARSE_LOOP(struct snds_day, read_day, fn);
}

int snds_parse_status(const char *buf, size_t len, snds_range_fn fn, snds_bad_fn bad, void *arg,
		      struct snds_counts *c, char *err, size_t errlen)
{
	PARSE_LOOP(struct snds_range, read_range, fn);
}

static int v4(const char *s, uint32_t *v)
{
	struct in_addr a;
	if (inet_pton(AF_INET, s, &a) != 1)
		return -1;
	*v = ntohl(a.s_addr);
	return 0;
}

int snds_range_v4(const struct snds_range *r, uint32_t *first, uint32_t *last)
{
	if (v4(r->first, first) || v4(r->last, last) || *first > *last)
		return -1;
	return 0;
}
