/* feed_arf - complaint reports into the store (see feed_arf.h). */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include "feed_arf.h"
#include "store_feed.h"

void feed_arf_origin(const char *buf, size_t len, char *out, size_t outsz)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)buf[i]) * 0x100000001b3ULL;
	snprintf(out, outsz, "fnv1a64:%016" PRIx64 ":%zu", h, len);
}

int feed_arf_one(struct store *st, const struct rules *rules, const char *buf, size_t len,
		 double now, struct arf_report *r, const char **reporter,
		 struct feed_arf_stats *s, char *err, size_t errlen)
{
	struct complaint c = { 0 };
	char from_domain[256], rcpt_domain[256];
	const char *provider;
	int rc;

	if (arf_init(err, errlen) < 0)
		return -1;	/* GMime missing: nothing read, not a bad report */
	s->read++;
	if (arf_parse(buf, len, r, err, errlen) < 0) {
		s->skipped++;
		return -2;
	}
	provider = r->reporter_domain[0] && rules
			   ? rules_provider_for(rules, r->reporter_domain, STR_NULL) : NULL;
	arf_addr_domain(r->mail_from, from_domain, sizeof from_domain);
	arf_addr_domain(r->rcpt, rcpt_domain, sizeof rcpt_domain);
	c.arrived = r->arrival > 0 ? r->arrival : now;
	c.reporter = *reporter = provider ? provider : r->reporter_domain;
	c.format = r->format;
	c.feedback_type = r->feedback_type;
	c.source_ip = r->source_ip;
	c.mail_from = r->mail_from;
	c.mail_from_domain = from_domain;
	c.rcpt_domain = rcpt_domain;
	c.message_id = r->message_id;
	c.subject = r->subject;
	feed_arf_origin(buf, len, c.origin, sizeof c.origin);
	if (store_begin(st, err, errlen) < 0)
		return -1;
	if ((rc = store_complaint(st, &c, now, err, errlen)) < 0 ||
	    store_commit(st, err, errlen) < 0) {
		store_rollback(st);
		return -1;
	}
	if (rc == 1)
		s->stored++;
	else
		s->duplicate++;
	return rc;
}
