/* fmt - MTA log formats
 *
 * Each MTA parser is a constant table entry; its parse function is pure:
 * a header-parsed line in, zero or one delivery out. It keeps only bounded
 * state of its own (e.g. Postfix's queue id -> sender map). No I/O, no
 * SQLite, no PCRE2.
 */
#ifndef BW_FMT_H
#define BW_FMT_H
#include "delivery.h"
#include "syslog.h"

struct fmt_state;	/* a parser's own state, opaque */

struct fmt {
	const char *name;
	struct fmt_state *(*state_new)(void);
	void (*state_free)(struct fmt_state *);
	/* Returns 1 and fills d (delivery_reset first) when the line is a
	 * delivery attempt, 0 when it is not (noise, or bookkeeping such as a
	 * qmgr from= line that only updates the state), -1 when it has the
	 * shape of a delivery-status line that could not be read (Postfix: a
	 * queue id line with "to=<" but no "status=", or "status=" without
	 * "to=<"); the caller counts those, d is then unspecified. Spans in d
	 * borrow from h's line or from st until the next parse call. */
	int (*parse)(struct fmt_state *st, const struct syslog_hdr *h, struct delivery *d);
};

extern const struct fmt fmt_postfix;

/* The formats bouncewatch knows, NULL-terminated. */
extern const struct fmt *const fmt_all[];

#endif
