/* delivery - names of statuses and stages (see delivery.h).
 * Knows nothing of any log format or of storage.
 */
#include <assert.h>
#include "delivery.h"

static const char *const status_names[DS__COUNT] = {
	[DS_SENT] = "sent", [DS_DEFERRED] = "deferred", [DS_BOUNCED] = "bounced",
	[DS_EXPIRED] = "expired", [DS_UNDELIVERABLE] = "undeliverable",
	[DS_DELIVERABLE] = "deliverable", [DS_DISCARDED] = "discarded",
	[DS_SOFTBOUNCE] = "softbounce", [DS_REFUSED] = "refused",
	[DS_UNREACHABLE] = "unreachable", [DS_OTHER] = "other",
};

static const char *const stage_names[STAGE__COUNT] = {
	[STAGE_NONE] = NULL, [STAGE_CONNECT] = "CONNECT", [STAGE_HELO] = "HELO",
	[STAGE_STARTTLS] = "STARTTLS", [STAGE_AUTH] = "AUTH", [STAGE_MAIL] = "MAIL",
	[STAGE_RCPT] = "RCPT", [STAGE_DATA] = "DATA", [STAGE_EOD] = "EOD",
	[STAGE_QUIT] = "QUIT", [STAGE_OTHER] = "OTHER",
};

const char *delivery_status_name(enum delivery_status s)
{
	assert(s >= 0 && s < DS__COUNT);
	return status_names[s];
}

int delivery_needs_verdict(enum delivery_status s)
{
	return !(s == DS_SENT || s == DS_DELIVERABLE || s == DS_DISCARDED);
}

const char *delivery_stage_name(enum delivery_stage s)
{
	assert(s >= 0 && s < STAGE__COUNT);
	return stage_names[s];
}

void delivery_reset(struct delivery *d)
{
	*d = (struct delivery){ 0 };
	d->relay_port = -1;
	d->delay = -1;
}
