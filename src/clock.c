/* clock - the wall clock of every command, pinnable (see clock.h).
 * Reads the environment on each call: it is called per command or per
 * episode event, never per log line.
 */
#include <math.h>
#include <stdlib.h>
#include <time.h>
#include "clock.h"

int clock_pinned(double *t)
{
	const char *s = getenv("BOUNCEWATCH_NOW");
	char *end;
	double v;
	if (s == NULL || *s == '\0')
		return 0;
	v = strtod(s, &end);
	if (*end != '\0' || !isfinite(v) || v <= 0)
		return -1;
	*t = v;
	return 1;
}

double clock_now(void)
{
	struct timespec ts;
	double t;
	if (clock_pinned(&t) == 1)
		return t;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

double clock_mono(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}
