/* delivery - one delivery attempt, as an MTA parser reports it
 *
 * The record that flows from an MTA parser (fmt_*.c) to the classifier and
 * the store. Spans borrow memory from the line being parsed or from the
 * parser's state; they are valid until the next parse call on that parser.
 * Fields not present in the line are STR_NULL / 0 / -1 as noted.
 */
#ifndef BW_DELIVERY_H
#define BW_DELIVERY_H
#include "str.h"

enum delivery_status {
	DS_SENT,		/* status=sent */
	DS_DEFERRED,		/* status=deferred */
	DS_BOUNCED,		/* status=bounced */
	DS_EXPIRED,		/* status=expired (gave up after the queue lifetime) */
	DS_UNDELIVERABLE,	/* status=undeliverable (address verification) */
	DS_DELIVERABLE,		/* status=deliverable (address verification) */
	DS_DISCARDED,		/* status=discarded (discard transport, header checks) */
	DS_SOFTBOUNCE,		/* status=SOFTBOUNCE (soft_bounce = yes) */
	DS_REFUSED,		/* no to=: "host H[IP] said: ..." / "refused to talk to me" */
	DS_UNREACHABLE,		/* no to=: "connect to H[IP]:port: Connection ..." */
	DS_OTHER,		/* a status word we do not know; kept, text in status_word */
	DS__COUNT
};

/* Stable lower-case names stored in SQLite ("sent", "deferred", ...). */
const char *delivery_status_name(enum delivery_status s);
/* 1 for statuses that are not plain success (sent, deliverable, discarded). */
int delivery_needs_verdict(enum delivery_status s);

/* Where in the SMTP dialogue the reply came ("in reply to RCPT TO command"). */
enum delivery_stage {
	STAGE_NONE,	/* not said */
	STAGE_CONNECT,	/* greeting, or connect() itself */
	STAGE_HELO,	/* EHLO / HELO / LHLO */
	STAGE_STARTTLS,
	STAGE_AUTH,
	STAGE_MAIL,	/* MAIL FROM */
	STAGE_RCPT,	/* RCPT TO */
	STAGE_DATA,	/* DATA */
	STAGE_EOD,	/* end of DATA */
	STAGE_QUIT,
	STAGE_OTHER,
	STAGE__COUNT
};
const char *delivery_stage_name(enum delivery_stage s);	/* "RCPT", "DATA", ... ; NULL for NONE */

#define DELIVERY_DOMAIN_MAX 256

struct delivery {
	double ts;		/* UTC epoch seconds, fraction kept */
	struct str host;	/* log host (syslog header) */
	const char *mta;	/* "postfix", ... (static) */
	struct str program;	/* "postfix/smtp", "postfix-out/lmtp" ... */
	struct str queue_id;
	struct str sender;	/* from= of this queue id, when seen (may be empty: <>) */
	int has_sender;		/* 1 when sender is known (even if empty) */
	struct str recipient;	/* to= (without <>) */
	struct str orig_to;	/* orig_to= */
	char rcpt_domain[DELIVERY_DOMAIN_MAX];	/* lower-cased domain of recipient, "" if none */
	struct str relay_host;	/* "mx.b" of relay=mx.b[1.2.3.4]:25, or "local", "none" */
	struct str relay_ip;	/* "1.2.3.4" / "2001:db8::1" */
	int relay_port;		/* -1 when absent */
	double delay;		/* delay=, -1 when absent */
	struct str delays;	/* "a/b/c/d" as logged */
	struct str dsn;		/* "5.7.1" */
	enum delivery_status status;
	struct str status_word;	/* the status as logged */
	int smtp_code;		/* remote SMTP reply code (550), 0 when none */
	struct str reply;	/* remote reply text: "550 5.7.1 ... (S3140)", or the whole detail */
	struct str detail;	/* the whole parenthesised detail after status= */
	enum delivery_stage stage;
	int local;		/* 1: delivery into a local mailbox (lmtp, local, virtual, pipe) */
};

/* Zeroes d and sets the "absent" markers (-1 for relay_port and delay). */
void delivery_reset(struct delivery *d);

#endif
