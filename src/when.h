/* when - the times and durations a user types (--since, --until, --window)
 *
 * Pure: the current time comes in as an argument (clock_now() in the
 * commands), the time zone is the process's (TZ), nothing is printed.
 */
#ifndef BW_WHEN_H
#define BW_WHEN_H

/* A duration: a whole number with an optional unit s (default), m, h, d,
 * w, y (365 days, not a calendar year): "90s", "15m", "24h", "7d", "2w",
 * "1y". Seconds, or -1 when it is not one. */
long when_duration(const char *s);

/* A point in time, relative to now (epoch seconds):
 *   now
 *   today, yesterday          00:00 local time of that day
 *   2d, -2d, 36h, -90m        a duration ago (with or without the minus)
 *   2026-11-28                00:00 local time of that day
 *   2026-11-28T10:00[:SS[.frac]]   local time ('T' or one space)
 *   ...Z, ...+01:00, ...-0500      UTC, or that offset
 *   @1764324000               epoch seconds
 * 0 with *out, or -1 when s is none of these (or out of range). */
int when_parse(const char *s, double now, double *out);

/* The forms when_parse() takes, for a command's help and errors. */
#define WHEN_FORMS "now, today, yesterday, 2d (or -2d: ago), 2026-11-28, " \
	"2026-11-28T10:00[:SS][Z|+01:00], @EPOCH"

#endif
