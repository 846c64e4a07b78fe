/* feed_episode - outside facts turned into episode evidence (see
 * feed_episode.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "alert_opts.h"
#include "episode.h"
#include "feed_episode.h"
#include "store_feed.h"
#include "xmalloc.h"

struct feed_episodes {
	struct store *st;
	const struct alert_cfg *ac;
	struct episodes *ep;
};

struct feed_episodes *feed_episode_new(struct store *st, const struct alert_cfg *ac, char *err,
				       size_t errlen)
{
	struct feed_episodes *e = xcalloc(1, sizeof *e);
	e->st = st;
	e->ac = ac;
	if ((e->ep = episode_new(st, ac, err, errlen)) == NULL) {
		feed_episode_free(e);
		return NULL;
	}
	return e;
}

int feed_episode_fact(struct feed_episodes *e, const struct feed_fact *f, char *err, size_t errlen)
{
	int64_t id;
	int found;
	if (f->opens) {
		struct delivery d;
		struct verdict v = { 0 };
		delivery_reset(&d);
		d.ts = f->ts;
		d.host = str_cstr("feed");
		d.mta = "feed";
		d.status = DS_BOUNCED;
		d.reply = str_cstr(f->detail);
		v.rule_id = f->kind;
		v.provider = f->provider;
		v.pool = f->pool;
		v.category = f->kind;
		v.block = 1;
		v.advice = f->advice;
		v.pool_listed = 1;	/* the provider's own data, not a receiver's words: its pool's cap */
		snprintf(v.sending_ip, sizeof v.sending_ip, "%s", f->ip);
		if (episode_observe(e->ep, &d, &v, err, errlen) < 0)
			return -1;
	}
	if ((found = store_open_episode_id(e->st, f->pool, f->ip, &id, err, errlen)) < 0)
		return -1;
	return found ? store_evidence(e->st, id, f->kind, f->ts, f->detail, err, errlen) : 0;
}

size_t feed_episode_opened(const struct feed_episodes *e)
{
	return (size_t)episode_stats(e->ep)->opened;
}

int feed_episode_finish(struct feed_episodes *e, char *err, size_t errlen)
{
	if (store_begin(e->st, err, errlen) < 0)
		return -1;
	return alert_opts_finish(e->st, e->ep, e->ac) == 0 ? 0 : -1;
}

void feed_episode_free(struct feed_episodes *e)
{
	if (e == NULL)
		return;
	episode_free(e->ep);
	free(e);
}
