/* arf - complaint reports: ARF (RFC 5965) and forwarded-message feedback
 *
 * A feedback loop tells a sender that a recipient marked its mail as junk.
 * Two shapes are read:
 *  - ARF (RFC 5965): multipart/report; report-type=feedback-report, with a
 *    human-readable part, a message/feedback-report part (fields such as
 *    Feedback-Type, User-Agent, Version, Arrival-Date, Source-IP,
 *    Original-Mail-From, Original-Rcpt-To, Reported-Domain; RFC 5965
 *    section 3.1) and the original as message/rfc822 or text/rfc822-headers.
 *  - Forwarded (what Microsoft's JMRP has long sent, and some others): no
 *    feedback-report part, the complained-of message attached as
 *    message/rfc822; its source IP is read from the topmost Received header
 *    the receiver added ("from name ([IP]) by ..."), its recipient from
 *    X-HmXmrOriginalRecipient (JMRP) or To.
 *
 * MIME is parsed by GMime (the only file that includes gmime.h). Any bytes:
 * headers are decoded (RFC 2047) and made valid UTF-8 (invalid sequences
 * become '?'), every field is cut to ARF_TEXT_MAX bytes, and a report larger
 * than ARF_INPUT_MAX is refused before parsing. Pure: bytes in, a struct
 * out; no I/O, no SQL.
 */
#ifndef BW_ARF_H
#define BW_ARF_H
#include <stddef.h>

#define ARF_INPUT_MAX (16u << 20)
#define ARF_TEXT_MAX 512

struct arf_report {
	char format[8];			/* "arf" or "forward" */
	char feedback_type[32];		/* abuse, fraud, ... ("abuse" for forwarded reports) */
	char user_agent[128];		/* the reporter's software (ARF User-Agent) */
	char reporter_domain[256];	/* domain of the report's From: (staff@hotmail.com -> hotmail.com) */
	char source_ip[64];
	char mail_from[ARF_TEXT_MAX];	/* Original-Mail-From, else the original's Return-Path */
	char rcpt[ARF_TEXT_MAX];	/* Original-Rcpt-To, X-HmXmrOriginalRecipient or To */
	char reported_domain[256];
	char message_id[ARF_TEXT_MAX];	/* of the original */
	char subject[ARF_TEXT_MAX];	/* of the original, decoded */
	double arrival;			/* Arrival-Date, else the original's Date, else the report's; 0 if none */
};

/* Loads GMime (dynlib.h) and initialises it, once; arf_parse does it too.
 * -1 with err when the library cannot be loaded: a runtime failure, where
 * arf_parse's -1 otherwise means a bad report. */
int arf_init(char *err, size_t errlen);

/* Parses one report message. 0 with *r filled; -1 with err saying why it is
 * not a complaint report (not MIME, no feedback-report part and no attached
 * message, too large). */
int arf_parse(const char *buf, size_t len, struct arf_report *r, char *err, size_t errlen);

/* The domain part of an address ("<a@B.example>" -> "b.example", lower
 * case) into out; "" when there is none. */
void arf_addr_domain(const char *addr, char *out, size_t outsz);

#endif
