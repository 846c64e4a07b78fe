/* syslog - the header of a syslog line
 *
 * Recognises, per line:
 *   RFC 3164   "Nov 28 00:00:01 host prog[pid]: msg"   (year inferred)
 *   RFC 3339   "2026-11-28T00:00:01.123456+01:00 host prog[pid]: msg"
 *              (rsyslog high precision, journalctl -o short-iso; 'Z' and
 *              space-separated "2026-11-28 00:00:01" local time accepted)
 *   RFC 5424   "<34>1 2026-11-28T00:00:01Z host prog pid msgid [sd] msg"
 * and hands back the time as UTC epoch seconds and spans into the line.
 * Pure: no I/O. Local times are converted with the process time zone (TZ).
 */
#ifndef BW_SYSLOG_H
#define BW_SYSLOG_H
#include <time.h>
#include "str.h"

struct syslog_hdr {
	double ts;		/* UTC epoch seconds */
	struct str host;
	struct str prog;	/* "postfix/smtp" (without [pid]) */
	long pid;		/* -1 when absent */
	struct str msg;		/* text after "prog[pid]: " */
};

/* Year inference for RFC 3164 lines. A line's year is the reference time's
 * year, or the year before when that would put the line more than
 * SYSLOG_FUTURE_SLACK seconds after the reference (Dec 31 lines read on Jan 1).
 * A fixed year (--year) overrides the inference. */
#define SYSLOG_FUTURE_SLACK (7 * 86400)

struct syslog_ctx {
	time_t ref;		/* reference time: file mtime when scanning, now when tailing */
	int fixed_year;		/* 0: infer */
	/* cache of the last local hour converted (mktime is slow) */
	int c_year, c_mon, c_mday, c_hour;
	time_t c_epoch;
};

void syslog_ctx_init(struct syslog_ctx *c, time_t ref, int fixed_year);

/* Parses the header of line[0..len). Returns 0 and fills h (spans borrow
 * line), or -1 when the line has no header we know. */
int syslog_parse(struct syslog_ctx *c, const char *line, size_t len, struct syslog_hdr *h);

/* "YYYY-MM-DD[T ]hh:mm:ss[.frac][zone]" at *pp (before e): the time into
 * *ts and *pp past it; 0, or -1 when it is not such a time. For MTAs whose
 * own log lines start with such a stamp (Exim). */
int syslog_iso_time(struct syslog_ctx *c, const char **pp, const char *e, double *ts);

#endif
