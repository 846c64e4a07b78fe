/* syslog - the header of a syslog line (see syslog.h)
 *
 * Owns: recognising RFC 3164, RFC 3339 / ISO 8601 and RFC 5424 headers and
 * turning their times into UTC epoch seconds. Invariants: every span handed
 * back lies inside line[0..len); no byte past len is read; NULs and any other
 * bytes are data. Must not depend on any MTA format or on storage.
 *
 * Speed: this runs on every line. Times with an offset (or 'Z') are converted
 * with integer arithmetic (days from civil date). Local times (RFC 3164, ISO
 * without offset) need the zone rules, i.e. mktime(), which is slow; the ctx
 * caches the epoch of the last local hour converted, so mktime() runs once
 * per hour of log.
 *
 * DST assumption: within one local clock hour the UTC offset is constant,
 * which holds for every zone whose transitions fall on a whole hour. In the
 * hour repeated when DST ends, a local time names two instants; the log line
 * does not say which, and we take the one mktime() picks (tm_isdst = -1) for
 * the whole hour. A time inside the hour skipped when DST starts is taken as
 * mktime() normalises it.
 *
 * Year inference (RFC 3164) compares wall-clock times: the line's local time
 * against the reference's local time, the latter taken with the UTC offset of
 * the cached hour (or of the reference itself when the cache is empty). A DST
 * hour of error against a 7-day slack changes nothing.
 */
#include <stdint.h>
#include <time.h>
#include "syslog.h"

#define ISDIGIT(c) ((unsigned)((unsigned char)(c) - '0') < 10u)

void syslog_ctx_init(struct syslog_ctx *c, time_t ref, int fixed_year)
{
	*c = (struct syslog_ctx){ .ref = ref, .fixed_year = fixed_year };
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant). */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

/* Year of a day count since 1970-01-01 (inverse of the above, year only). */
static int64_t year_from_days(int64_t z)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	unsigned m = mp < 10 ? mp + 3 : mp - 9;
	return (int64_t)yoe + era * 400 + (m <= 2);
}

static int64_t floor_div(int64_t a, int64_t b)
{
	return a / b - (a % b < 0);
}

/* Wall-clock seconds of a broken-down time, as if it were UTC. */
static int64_t naive_secs(int y, int mo, int d, int h, int mi, int s)
{
	return days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400 + h * 3600 + mi * 60 + s;
}

/* Local time -> UTC epoch, through the one-hour cache. */
static int local_to_epoch(struct syslog_ctx *c, int y, int mo, int d, int h, int mi, int s,
			  int64_t *out)
{
	if (c->c_year != y || c->c_mon != mo || c->c_mday != d || c->c_hour != h) {
		struct tm tm = { .tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d,
				 .tm_hour = h, .tm_isdst = -1 };
		time_t t = mktime(&tm);
		if (t == (time_t)-1)
			return -1;
		c->c_year = y, c->c_mon = mo, c->c_mday = d, c->c_hour = h;
		c->c_epoch = t;
	}
	*out = (int64_t)c->c_epoch + mi * 60 + s;
	return 0;
}

/* The UTC offset to read the reference time as a local wall clock. */
static int64_t ref_offset(const struct syslog_ctx *c)
{
	if (c->c_year != 0)
		return naive_secs(c->c_year, c->c_mon, c->c_mday, c->c_hour, 0, 0) - c->c_epoch;
	struct tm tm;
	time_t r = c->ref;
	if (!localtime_r(&r, &tm))
		return 0;
	return tm.tm_gmtoff;
}

static int infer_year(const struct syslog_ctx *c, int mo, int d, int h, int mi, int s)
{
	if (c->fixed_year)
		return c->fixed_year;
	int64_t ref_naive = (int64_t)c->ref + ref_offset(c);
	int y = (int)year_from_days(floor_div(ref_naive, 86400));
	if (naive_secs(y, mo, d, h, mi, s) > ref_naive + SYSLOG_FUTURE_SLACK)
		y--;
	return y;
}

static int month3(const char *p)
{
	static const char names[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	for (int i = 0; i < 12; i++)
		if (p[0] == names[3 * i] && p[1] == names[3 * i + 1] && p[2] == names[3 * i + 2])
			return i + 1;
	return 0;
}

static int two_digits(const char *p, int *v)
{
	if (!ISDIGIT(p[0]) || !ISDIGIT(p[1]))
		return -1;
	*v = (p[0] - '0') * 10 + (p[1] - '0');
	return 0;
}

/* "hh:mm:ss" at p (8 bytes available). */
static int parse_hms(const char *p, int *h, int *mi, int *s)
{
	if (two_digits(p, h) || p[2] != ':' || two_digits(p + 3, mi) || p[5] != ':' ||
	    two_digits(p + 6, s))
		return -1;
	return (*h > 23 || *mi > 59 || *s > 60) ? -1 : 0;
}

/* Fraction digits after '.', as seconds; advances *pp. */
static double parse_frac(const char **pp, const char *e)
{
	const char *p = *pp;
	double f = 0, scale = 1;
	int n = 0;
	while (p < e && ISDIGIT(*p)) {
		if (n++ < 9) {
			f = f * 10 + (*p - '0');
			scale *= 10;
		}
		p++;
	}
	*pp = p;
	return f / scale;
}

/* "Mmm dd hh:mm:ss " ("Mmm  d" padded; "Mmm d" when a copy through HTML
 * lost the padding). Leaves *pp at the space after the time. */
static int parse_3164(struct syslog_ctx *c, const char **pp, const char *e, double *ts)
{
	const char *p = *pp, *t;
	int mo, d, h, mi, s;
	int64_t epoch;
	if (e - p < 15 || !(mo = month3(p)) || p[3] != ' ')
		return -1;
	if (p[4] == ' ' && ISDIGIT(p[5])) {
		d = p[5] - '0', t = p + 7;
	} else if (ISDIGIT(p[4]) && p[5] == ' ') {
		d = p[4] - '0', t = p + 6;
	} else if (two_digits(p + 4, &d) == 0) {
		t = p + 7;
	} else {
		return -1;
	}
	if (d < 1 || d > 31 || t[-1] != ' ' || e - t < 9 || parse_hms(t, &h, &mi, &s) ||
	    t[8] != ' ')
		return -1;
	int y = infer_year(c, mo, d, h, mi, s);
	if (local_to_epoch(c, y, mo, d, h, mi, s, &epoch))
		return -1;
	*ts = (double)epoch;
	*pp = t + 8;
	return 0;
}

/* Zone suffix: 'Z', "+hh:mm", "+hhmm", "+hh"; *off in seconds, *has 0/1. */
static int parse_zone(const char **pp, const char *e, int *off, int *has)
{
	const char *p = *pp;
	int zh, zm = 0;
	*has = 0, *off = 0;
	if (p < e && (*p == 'Z' || *p == 'z')) {
		*has = 1, *pp = p + 1;
		return 0;
	}
	if (p >= e || (*p != '+' && *p != '-'))
		return 0;
	int sign = *p == '-' ? -1 : 1;
	if (e - p < 3 || two_digits(p + 1, &zh))
		return -1;
	p += 3;
	if (p < e && *p == ':')
		p++;
	if (e - p >= 2 && ISDIGIT(p[0])) {
		if (two_digits(p, &zm))
			return -1;
		p += 2;
	}
	if (zh > 23 || zm > 59)
		return -1;
	*off = sign * (zh * 3600 + zm * 60), *has = 1, *pp = p;
	return 0;
}

/* "YYYY-MM-DD[T ]hh:mm:ss[.frac][zone]" */
static int parse_iso(struct syslog_ctx *c, const char **pp, const char *e, double *ts)
{
	const char *p = *pp;
	int yh, yl, mo, d, h, mi, s, off, has;
	int64_t t;
	if (e - p < 19 || two_digits(p, &yh) || two_digits(p + 2, &yl) || p[4] != '-' ||
	    two_digits(p + 5, &mo) || p[7] != '-' || two_digits(p + 8, &d) ||
	    (p[10] != 'T' && p[10] != ' ' && p[10] != 't') || parse_hms(p + 11, &h, &mi, &s))
		return -1;
	if (mo < 1 || mo > 12 || d < 1 || d > 31)
		return -1;
	int y = yh * 100 + yl;
	p += 19;
	double frac = 0;
	if (p < e && (*p == '.' || *p == ',')) {
		p++;
		frac = parse_frac(&p, e);
	}
	if (parse_zone(&p, e, &off, &has))
		return -1;
	if (has)
		t = naive_secs(y, mo, d, h, mi, s) - off;
	else if (local_to_epoch(c, y, mo, d, h, mi, s, &t))
		return -1;
	*ts = (double)t + frac;
	*pp = p;
	return 0;
}

int syslog_iso_time(struct syslog_ctx *c, const char **pp, const char *e, double *ts)
{
	return parse_iso(c, pp, e, ts);
}

/* Next space-delimited token at p; returns its end (a space or e). */
static const char *token_end(const char *p, const char *e)
{
	const char *q = memchr(p, ' ', (size_t)(e - p));
	return q ? q : e;
}

static long parse_pid(const char *p, const char *e)
{
	long v = 0;
	if (p == e || e - p > 10)
		return -1;
	for (; p < e; p++) {
		if (!ISDIGIT(*p))
			return -1;
		v = v * 10 + (*p - '0');
	}
	return v;
}

/* RFC 3164 TAG: "prog[pid]: msg" or "prog: msg"; without ':' the whole
 * rest is the message and prog stays empty. "prog[pid] msg" is a tag too:
 * rsyslog writes an RFC 5424 message's APP-NAME[PROCID] without the colon
 * (rsyslog issues #557, #4891), so a relayed fleet's lines look like that. */
static void parse_tag(const char *p, const char *e, struct syslog_hdr *h)
{
	const char *q = p;
	while (q < e && *q != '[' && *q != ':' && *q != ' ')
		q++;
	h->msg = str_make(p, (size_t)(e - p));
	if (q == e || q == p || *q == ' ')
		return;
	const char *tag_end = q;
	long pid = -1;
	if (*q == '[') {
		const char *b = memchr(q, ']', (size_t)(e - q));
		if (!b || b + 1 >= e || (b[1] != ':' && b[1] != ' '))
			return;
		pid = parse_pid(q + 1, b);
		q = b + 1;
	}
	q++;			/* the ':' (or the blank after ']') */
	if (q < e && *q == ' ')
		q++;
	h->prog = str_make(p, (size_t)(tag_end - p));
	h->pid = pid;
	h->msg = str_make(q, (size_t)(e - q));
}

/* After the time: " host tag..." (the caller has consumed the time). */
static int parse_host_tag(const char *p, const char *e, struct syslog_hdr *h)
{
	while (p < e && *p == ' ')
		p++;
	const char *he = token_end(p, e);
	if (he == p)
		return -1;
	h->host = str_make(p, (size_t)(he - p));
	p = he < e ? he + 1 : e;
	parse_tag(p, e, h);
	return 0;
}

/* RFC 5424 structured data: "-" or one or more "[...]" with \-escapes. */
static const char *skip_sd(const char *p, const char *e)
{
	if (p < e && *p == '-')
		return p + 1;
	while (p < e && *p == '[') {
		p++;
		while (p < e && *p != ']')
			p += (*p == '\\' && p + 1 < e) ? 2 : 1;
		if (p == e)
			return NULL;
		p++;
	}
	return p;
}

/* "1 TS HOST APP PROCID MSGID SD [MSG]" after "<pri>" */
static int parse_5424(struct syslog_ctx *c, const char *p, const char *e, struct syslog_hdr *h)
{
	struct str tok[4];	/* host, app, procid, msgid */
	p += 2;			/* version "1 " */
	if (p < e && *p == '-')
		return -1;	/* no time: nothing we can store */
	if (parse_iso(c, &p, e, &h->ts) || p >= e || *p != ' ')
		return -1;
	p++;
	for (int i = 0; i < 4; i++) {
		const char *te = token_end(p, e);
		if (te == e)
			return -1;
		tok[i] = str_make(p, (size_t)(te - p));
		p = te + 1;
	}
	p = skip_sd(p, e);
	if (!p)
		return -1;
	if (p < e && *p == ' ')
		p++;
	if (e - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	h->host = str_eq(tok[0], "-") ? str_make(tok[0].p, 0) : tok[0];
	h->prog = str_eq(tok[1], "-") ? str_make(tok[1].p, 0) : tok[1];
	h->pid = parse_pid(tok[2].p, tok[2].p + tok[2].len);
	h->msg = str_make(p, (size_t)(e - p));
	return 0;
}

int syslog_parse(struct syslog_ctx *c, const char *line, size_t len, struct syslog_hdr *h)
{
	const char *p = line, *e = line + len;
	*h = (struct syslog_hdr){ .pid = -1 };
	if (p < e && *p == '<') {
		const char *q = p + 1;
		while (q < e && q - p <= 4 && ISDIGIT(*q))
			q++;
		if (q == p + 1 || q >= e || *q != '>')
			return -1;
		p = q + 1;
		if (e - p >= 2 && ISDIGIT(p[0]) && p[1] == ' ')
			return parse_5424(c, p, e, h);
	}
	if (e - p >= 4 && ISDIGIT(p[0])) {
		if (parse_iso(c, &p, e, &h->ts))
			return -1;
	} else if (parse_3164(c, &p, e, &h->ts)) {
		return -1;
	}
	if (p >= e || *p != ' ')
		return -1;
	return parse_host_tag(p, e, h);
}
