/* fuzz_feeds - libFuzzer harness for the outside feeds: the input is read
 * as an SNDS data feed, as an SNDS status feed and as a complaint report
 * (ARF / JMRP, through GMime). Any input must parse or be refused with a
 * message; none may crash, leak or hang. Built and run by `make fuzz`. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "arf.h"
#include "snds.h"
#include "utf8.h"

static int on_day(void *arg, const struct snds_day *d, char *err, size_t errlen)
{
	(void)arg, (void)err, (void)errlen;
	if (d->ip[0] == '\0' || strlen(d->day) != 10)
		__builtin_trap();
	return 0;
}

static int on_range(void *arg, const struct snds_range *r, char *err, size_t errlen)
{
	uint32_t a, b;
	(void)arg, (void)err, (void)errlen;
	if (snds_range_v4(r, &a, &b) == 0 && a > b)
		__builtin_trap();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct snds_counts c = { 0, 0 };
	struct arf_report r;
	char err[512];
	snds_parse_data((const char *)data, size, on_day, NULL, NULL, &c, err, sizeof err);
	snds_parse_status((const char *)data, size, on_range, NULL, NULL, &c, err, sizeof err);
	if (arf_parse((const char *)data, size, &r, err, sizeof err) == 0 &&
	    (!utf8_valid(r.subject, strlen(r.subject)) || !utf8_valid(r.rcpt, strlen(r.rcpt)) ||
	     !utf8_valid(r.mail_from, strlen(r.mail_from))))
		__builtin_trap();
	return 0;
}
