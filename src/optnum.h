/* optnum - strict numbers for option values (--year 2024, --top 5, 1.5, 15m)
 *
 * One reading of a number for every command, the configuration file and
 * the option sets they share: the whole value must be the number (no
 * leading blanks, no '+', no trailing text such as "2024x" or "10k", no
 * exponent, hex, inf or nan) and within the range the caller gives. On
 * failure the message names the option and the value:
 *   "--year: expected a whole number from 1970 to 9999, got '2024x'"
 * Base layer: pure, prints nothing.
 */
#ifndef BW_OPTNUM_H
#define BW_OPTNUM_H
#include <limits.h>
#include <stddef.h>

/* A whole number in [lo, hi] (hi LONG_MAX: no upper bound).
 * 0 with *out, or -1 with err ("OPT: expected ..., got 'V'"); *out is
 * left alone on failure. opt is the option as the user knows it (NULL:
 * the message starts at "expected"). */
int optnum_long(const char *opt, const char *v, long lo, long hi, long *out,
		char *err, size_t errlen);

/* A decimal number ("3", "0.5", ".5", "-2.25") in [lo, hi]. */
int optnum_double(const char *opt, const char *v, double lo, double hi, double *out,
		  char *err, size_t errlen);

/* A duration in seconds (when_duration: "90", "90s", "15m", "24h", "7d",
 * "2w") in [lo, hi] seconds (hi LONG_MAX: no upper bound). */
int optnum_duration(const char *opt, const char *v, long lo, long hi, long *out,
		    char *err, size_t errlen);

/* A rate: a fraction "0.1" or a percentage "10%", in [lo, hi] (fractions). */
int optnum_rate(const char *opt, const char *v, double lo, double hi, double *out,
		char *err, size_t errlen);

#endif
