/* snds_episode - SNDS signals turned into episode evidence (see
 * snds_episode.h). An SNDS fact goes through the same episode code as a
 * block reply from the log (episode_observe), as an attempt refused by
 * Outlook.com's consumer pool for that IP, so opening, announcing and
 * clearing follow one set of rules; it is not stored as a delivery row.
 * The fact itself is kept in episode_evidence beside the episode.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "alert_opts.h"
#include "episode.h"
#include "snds_episode.h"
#include "store_feed.h"
#include "xmalloc.h"

#define SNDS_PROVIDER "microsoft"
#define SNDS_ADVICE "https://sendersupport.olc.protection.outlook.com/snds/ (SNDS: the IP's data; " \
	"https://sender.office.com to request delisting)"

struct snds_episodes {
	struct store *st;
	const struct alert_cfg *ac;
	struct episodes *ep;
};

struct snds_episodes *snds_episode_new(struct store *st, const struct alert_cfg *ac, char *err,
				       size_t errlen)
{
	struct snds_episodes *e = xcalloc(1, sizeof *e);
	e->st = st;
	e->ac = ac;
	if ((e->ep = episode_new(st, ac, err, errlen)) == NULL) {
		snds_episode_free(e);
		return NULL;
	}
	return e;
}

static const char *category_of(const struct snds_signal *s)
{
	switch (s->kind) {
	case SNDS_FILTER: return "snds-filter";
	case SNDS_TRAPS: return "snds-traps";
	case SNDS_BLOCKED: return "snds-blocked";
	}
	return "snds";
}

int snds_episode_signal(void *arg, const struct snds_signal *s, char *err, size_t errlen)
{
	struct snds_episodes *e = arg;
	struct delivery d;
	struct verdict v = { 0 };
	int64_t id;
	int found;

	if (s->green)	/* a GREEN day: evidence on an open episode only */
		goto evidence;
	delivery_reset(&d);
	d.ts = s->ts;
	d.host = str_cstr("snds");
	d.mta = "snds";
	d.status = DS_BOUNCED;
	d.reply = str_cstr(s->detail);
	snprintf(d.rcpt_domain, sizeof d.rcpt_domain, "outlook.com");
	v.rule_id = category_of(s);
	v.provider = SNDS_PROVIDER;
	v.category = category_of(s);
	v.block = 1;
	v.advice = SNDS_ADVICE;
	snprintf(v.sending_ip, sizeof v.sending_ip, "%s", s->ip);
	if (episode_observe(e->ep, &d, &v, err, errlen) < 0)
		return -1;
evidence:
	if ((found = store_open_episode_id(e->st, SNDS_PROVIDER, s->ip, &id, err, errlen)) < 0)
		return -1;
	return found ? store_evidence(e->st, id, category_of(s), s->ts, s->detail, err, errlen) : 0;
}

size_t snds_episode_opened(const struct snds_episodes *e)
{
	return (size_t)episode_stats(e->ep)->opened;
}

int snds_episode_finish(struct snds_episodes *e, char *err, size_t errlen)
{
	(void)err, (void)errlen;
	if (store_begin(e->st, err, errlen) < 0)
		return -1;
	return alert_opts_finish(e->st, e->ep, e->ac) == 0 ? 0 : -1;
}

void snds_episode_free(struct snds_episodes *e)
{
	if (e == NULL)
		return;
	episode_free(e->ep);
	free(e);
}
