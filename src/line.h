/* line - the one line pipeline: text -> header -> format -> delivery
 *
 * One pure function from a log line to zero or one struct delivery, used by
 * ingest (scan, tail), `rules test`, the fuzzers and the benchmarks alike.
 * The header is a syslog header (RFC 3164, RFC 3339, RFC 5424; syslog.h) or
 * an MTA's own format (Exim's mainlog); the format is then chosen per line
 * from the table in fmt.c by the program tag, so one collector file holding
 * several MTAs is read whole. A struct line owns the syslog context (year
 * inference) and every format's bounded state; it does no I/O.
 */
#ifndef BW_LINE_H
#define BW_LINE_H
#include <stdint.h>
#include <time.h>
#include "delivery.h"
#include "fmt.h"
#include "syslog.h"

enum line_result {
	LINE_NO_HEADER = -2,	/* no header we know */
	LINE_UNPARSED = -1,	/* an MTA status line that could not be read */
	LINE_OTHER = 0,		/* a header, but not a delivery attempt */
	LINE_DELIVERY = 1,	/* d is filled */
	LINE_RECEIVED = 2,	/* the MTA queued a message (fmt.h FMT_RECEIVED); d not filled */
	LINE_REJECTED = 3,	/* the MTA refused a client (FMT_REJECTED); d not filled */
};

struct line;

/* ref and fixed_year: as syslog_ctx_init(). */
struct line *line_new(time_t ref, int fixed_year);
void line_free(struct line *lp);	/* NULL: nothing */

/* A new year reference (the next file's mtime, or now when tailing); the
 * formats' state is kept (a queue id may span two files). */
void line_set_ref(struct line *lp, time_t ref);

/* Reads line[0..len). Fills h (always, when a header was found) and, for
 * LINE_DELIVERY, d. Spans in h and d borrow line or the format's state until
 * the next call. *fmt (may be NULL) gets the format that took the line, NULL
 * when no known MTA's. */
enum line_result line_parse(struct line *lp, const char *line, size_t len, struct syslog_hdr *h,
			    struct delivery *d, const struct fmt **fmt);

/* The steps after the header, for records whose header fields come apart
 * from their source (the journal): the format chosen by h->prog, then as
 * line_parse() (never LINE_NO_HEADER). h is not kept. */
enum line_result line_parse_hdr(struct line *lp, const struct syslog_hdr *h, struct delivery *d,
				const struct fmt **fmt);

#endif
