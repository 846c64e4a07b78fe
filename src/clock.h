/* clock - the wall clock of every command, pinnable
 *
 * Every "now" bouncewatch uses (alert windows, episode clearing, report and
 * check windows, blocks --since) comes from clock_now(), so one setting moves
 * it for a whole run: BOUNCEWATCH_NOW=EPOCH (UTC seconds, a fraction allowed)
 * replays old logs as if it were then, and pins the tests' clock so that no
 * expected figure depends on the day the suite runs.
 */
#ifndef BW_CLOCK_H
#define BW_CLOCK_H

/* The pinned time from BOUNCEWATCH_NOW when it is set to a positive number,
 * else the real time; UTC epoch seconds. */
double clock_now(void);

/* Seconds of the monotonic clock (never pinned): for intervals and
 * schedules, not for times stored or shown. */
double clock_mono(void);

/* 1 and *t when BOUNCEWATCH_NOW pins the clock, 0 when it is unset or empty,
 * -1 when it is set but not a positive number (callers say so and exit 2). */
int clock_pinned(double *t);

#endif
