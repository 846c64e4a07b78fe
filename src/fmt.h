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
	/* 1 when a syslog program tag ("postfix/smtp", "exim", "smtpd") is
	 * this MTA's: the line goes to this format and no other. */
	int (*claims)(struct str prog);
	/* The MTA's own log format, for lines without a syslog header (Exim's
	 * mainlog); NULL when there is none. Returns 0 and fills h as
	 * syslog_parse does (prog is the format's name), or -1. */
	int (*own_header)(struct syslog_ctx *c, const char *line, size_t len, struct syslog_hdr *h);
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

/* What parse() returns beyond a delivery (1), nothing (0) and an unread
 * status line (-1): a message the MTA took into its queue (from an SMTP
 * client or a local submission), and a refusal the MTA itself gave a client
 * (Postfix "NOQUEUE: reject:", Exim "rejected RCPT"). d is not filled for
 * these; the header says when and where. They are counted, not classified:
 * pflogsumm's "received" and "rejected". */
enum { FMT_RECEIVED = 2, FMT_REJECTED = 3 };

extern const struct fmt fmt_postfix;
extern const struct fmt fmt_exim;
extern const struct fmt fmt_opensmtpd;
extern const struct fmt fmt_sendmail;

/* The formats bouncewatch knows, NULL-terminated, in the order their
 * claims are tried (the most common first). */
extern const struct fmt *const fmt_all[];

/* The format whose claims() accepts prog, or NULL. */
const struct fmt *fmt_for_prog(struct str prog);

/* 1 when prog names a mail server whose log bouncewatch does not read
 * (qmail, Courier, ...): a file of such lines is an input error, not a
 * quiet log. */
int fmt_unsupported_mta(struct str prog);

#endif
