/* smtp - MTA-neutral readings of SMTP text found in any MTA's log
 *
 * Reply codes ("550"), enhanced status codes ("5.7.1", RFC 3463), the SMTP
 * command a reply answered, IP literals, "host[ip]:port" relays, recipient
 * domains and decimal numbers, plus the span searches every parser needs.
 * Pure: no I/O, no state; no byte at or past a span's end is read. Every
 * fmt_<mta>.c uses these instead of keeping its own copy.
 */
#ifndef BW_SMTP_H
#define BW_SMTP_H
#include "delivery.h"
#include "str.h"

/* The span [p, e). */
static inline struct str smtp_span(const char *p, const char *e)
{
	return str_make(p, (size_t)(e - p));
}

/* First occurrence of lit[0..n) in [p, e), or NULL. */
const char *smtp_find(const char *p, const char *e, const char *lit, size_t n);
/* Last occurrence, or NULL. */
const char *smtp_find_last(const char *p, const char *e, const char *lit, size_t n);
/* 1 when [p, e) starts with lit[0..n). */
int smtp_starts(const char *p, const char *e, const char *lit, size_t n);
#define SMTP_FIND(p, e, lit) smtp_find((p), (e), (lit), sizeof(lit) - 1)
#define SMTP_STARTS(p, e, lit) smtp_starts((p), (e), (lit), sizeof(lit) - 1)

/* The reply code at the start of r: "550 ...", "421-..." or "250" alone;
 * 0 when r does not start with a code (2xx..5xx followed by ' ', '-' or end). */
int smtp_reply_code(struct str r);

/* The enhanced status code right after a reply code ("550 5.7.1 ..." ->
 * "5.7.1", RFC 3463 class.subject.detail with 1-3 digit parts), or after
 * nothing when r starts with it; STR_NULL when there is none. */
struct str smtp_enhanced_code(struct str r);

/* The stage a command names: "RCPT TO:<x>" -> STAGE_RCPT, "end of DATA"
 * -> STAGE_EOD, "EHLO" -> STAGE_HELO ...; STAGE_OTHER for any other text. */
enum delivery_stage smtp_stage_of_command(struct str c);

/* 1 when s is made only of the characters of an IPv4 or IPv6 literal
 * (hex digits, '.', ':') and is 1..45 bytes long: a shape check, used to
 * tell "[192.0.2.1]" from "[private/dovecot-lmtp]". */
int smtp_is_ip(struct str s);

/* "host[ip]:port" (port optional; "host[ip]" alone) into d's relay_host,
 * relay_ip and relay_port. A bracket holding no IP (a unix socket) stays
 * part of relay_host; no bracket: all of it is relay_host. */
void smtp_set_relay(struct delivery *d, const char *p, const char *e);

/* d->rcpt_domain from d->recipient: the part after the last '@', lower
 * case, cut to DELIVERY_DOMAIN_MAX - 1 bytes; "" when there is no '@'. */
void smtp_set_domain(struct delivery *d);

/* "12", "0.58": a non-negative decimal of at most 24 bytes; -1 otherwise. */
double smtp_decimal(struct str v);

#endif
