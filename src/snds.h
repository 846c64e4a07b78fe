/* snds - Microsoft SNDS (Smart Network Data Services) feeds, parsed
 *
 * SNDS's Automated Data Access gives two CSV feeds per access key; neither
 * has a header line, both end records with CRLF:
 *
 *  - data (snds/data.aspx?key=K[&date=MMDDYY]): one record per IP and day,
 *    14 fields: IP, activity start, activity end ("M/D/YYYY h:mm AM|PM"),
 *    RCPT commands, DATA commands, message recipients, filter result
 *    (GREEN, YELLOW or RED), complaint rate ("< 0.1%" or "1.5%"), trap
 *    message period start and end, trap hits, sample HELO, sample MAIL FROM,
 *    comments. The sample fields are often empty.
 *  - IP status (snds/ipStatus.aspx?key=K): one record per blocked range,
 *    4 fields: first IP, last IP, blocked ("Yes"), reason.
 *
 * Field order as Microsoft's SNDS FAQ ("Automated Data Access") describes
 * it and as public readers of the feed use it (e.g. the sndslib project's
 * parser and fixtures; check_snds reads the status feed's fourth field as
 * the reason). Times carry no zone; they are kept as SNDS writes them and
 * read as UTC for the day they belong to.
 *
 * Pure: bytes in, records out through a callback; no I/O, no SQL. A record
 * that cannot be read is reported (line number and why) and skipped.
 */
#ifndef BW_SNDS_H
#define BW_SNDS_H
#include <stddef.h>
#include <stdint.h>

#define SNDS_TEXT_MAX 256

struct snds_day {
	char ip[48];
	char day[11];		/* YYYY-MM-DD of the activity end */
	double activity_start, activity_end;	/* epoch seconds, the times read as UTC */
	int64_t rcpt, data, recipients;
	char filter[8];		/* GREEN, YELLOW, RED, or "" when SNDS gave none */
	double complaint_rate;	/* a fraction; for "< 0.1%" the bound 0.001 */
	int complaint_below;	/* 1 when SNDS wrote "< x%" */
	double trap_start, trap_end;	/* 0 when none */
	int64_t trap_hits;
	char helo[SNDS_TEXT_MAX], mail_from[SNDS_TEXT_MAX], comments[SNDS_TEXT_MAX];
};

struct snds_range {
	char first[48], last[48];
	int blocked;		/* "Yes" */
	char reason[SNDS_TEXT_MAX];
};

struct snds_counts {
	size_t records, skipped;
};

/* Callbacks return 0 to go on, -1 to stop (the parse then returns -1 with
 * the callback's err). bad() is told of each skipped record: line, why. */
typedef int (*snds_day_fn)(void *arg, const struct snds_day *d, char *err, size_t errlen);
typedef int (*snds_range_fn)(void *arg, const struct snds_range *r, char *err, size_t errlen);
typedef void (*snds_bad_fn)(void *arg, size_t line, const char *why);

int snds_parse_data(const char *buf, size_t len, snds_day_fn fn, snds_bad_fn bad, void *arg,
		    struct snds_counts *c, char *err, size_t errlen);
int snds_parse_status(const char *buf, size_t len, snds_range_fn fn, snds_bad_fn bad, void *arg,
		      struct snds_counts *c, char *err, size_t errlen);

/* "M/D/YYYY h:mm AM" (also 24-hour "M/D/YYYY HH:MM[:SS]") -> epoch seconds
 * read as UTC; 0 and *t, or -1. */
int snds_parse_time(const char *s, size_t len, double *t);

/* IPv4 first..last as numbers; -1 unless both are IPv4 with first <= last. */
int snds_range_v4(const struct snds_range *r, uint32_t *first, uint32_t *last);

#endif
