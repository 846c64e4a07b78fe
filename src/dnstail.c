/* dnstail - tail's DNS checks: requests, results into the store and
 * episodes (see dnstail.h). Runs on tail's thread only; the lookups run on
 * dnswork's thread.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dnstail.h"
#include "dnswork.h"
#include "store_dnsbl.h"
#include "store_episode.h"
#include "xmalloc.h"

#define HOLD_MAX 64	/* new episodes whose alert waits for its checks */

struct held {
	int64_t episode_id;
	double until;
};

struct dnstail {
	struct store *st;
	struct episodes *ep;
	const struct alert_cfg *ac;
	const struct dnscheck_cfg *cfg;
	struct dnsbl_conf *conf;
	struct dnswork *w;
	int64_t last_episode;		/* highest episode id asked about */
	uint64_t opened_seen;		/* episode_stats()->opened at the last look */
	double next_round;
	struct held held[HOLD_MAX];
	int nheld;
	double bound;			/* seconds a check may take at most */
};

enum ask_mode { ASK_MARK, ASK_NEW, ASK_ROUND };

struct ask {
	struct dnstail *t;
	enum ask_mode mode;
	double now;
};

static int ask_episode(void *arg, const struct episode_row *e);

struct dnstail *dnstail_new(struct store *st, struct episodes *ep, const struct alert_cfg *ac,
			    const struct dnscheck_cfg *cfg, const char *rules_dir, char *err, size_t errlen)
{
	struct dnstail *t = xcalloc(1, sizeof *t);
	*t = (struct dnstail){ .st = st, .ep = ep, .ac = ac, .cfg = cfg };
	if ((t->conf = dnscheck_zones(cfg, rules_dir, err, errlen)) == NULL ||
	    (t->w = dnswork_new(cfg, t->conf, err, errlen)) == NULL) {
		dnstail_free(t);
		return NULL;
	}
	/* The lists are asked at once; the self-check asks one name after the
	 * other: PTR, its A, HELO, SPF (a few), each DKIM selector, DMARC. */
	t->bound = (double)cfg->dns.timeout_ms * cfg->dns.tries / 1000.0 *
		   (2 + 10 + cfg->self.nselectors);
	if (t->bound > 120)
		t->bound = 120;
	/* Only episodes that open from now on are asked about at once. */
	t->last_episode = -1;
	t->opened_seen = episode_stats(ep)->opened;
	struct ask a = { t, ASK_MARK, 0 };
	if (store_episode_list(st, 1, -1, ask_episode, &a, err, errlen) < 0) {
		dnstail_free(t);
		return NULL;
	}
	return t;
}

void dnstail_free(struct dnstail *t)
{
	if (t == NULL)
		return;
	dnswork_free(t->w);
	dnsbl_conf_free(t->conf);
	free(t);
}

/* A definite block-list answer as evidence: a listing is a block reply of
 * pool "dnsbl:LIST" for the IP, "not listed" a success that clears it. The
 * log host is the IP itself, so a delisting clears that IP's episode only. */
static int observe(void *arg, const struct dnsbl_check *c, int listed, double now, char *err, size_t errlen)
{
	struct dnstail *t = arg;
	char provider[128], reply[1500];
	struct delivery d;
	struct verdict v;
	delivery_reset(&d);
	d.ts = now;
	d.host = str_cstr(c->ip);
	d.mta = "dnsbl";
	d.status = listed ? DS_REFUSED : DS_SENT;
	snprintf(provider, sizeof provider, "dnsbl:%s", c->zone->id);
	snprintf(reply, sizeof reply, "%s listed on %s (%s: %s)%s%s", c->ip, c->zone->zone, c->labels,
		 c->codes, c->txt[0] ? " " : "", c->txt);
	d.reply = str_cstr(listed ? reply : NULL);
	memset(&v, 0, sizeof v);
	v.provider = provider;
	v.category = "blocklist";
	v.block = listed;
	v.advice = c->zone->delist;
	v.pool_listed = 1;	/* our own lookup of our own addresses: never an unlisted pool's cap */
	snprintf(v.sending_ip, sizeof v.sending_ip, "%s", c->ip);
	return episode_observe(t->ep, &d, &v, err, errlen);
}

static void unhold(struct dnstail *t, int64_t id)
{
	for (int i = 0; i < t->nheld; i++)
		if (t->held[i].episode_id == id)
			t->held[i--] = t->held[--t->nheld];
}

static int store_result(struct dnstail *t, struct dnswork_result *r, double now, char *err, size_t errlen)
{
	char dnsbl[1024] = "", summary[1024];
	if (r->checks && dnscheck_store(t->st, r->checks, r->n, now, observe, t, err, errlen) < 0)
		return -1;
	if (r->checks)
		dnsbl_summary(r->checks, r->n, r->ip, dnsbl, sizeof dnsbl);
	if (r->has_self) {
		char *js = selfcheck_json(&r->self);
		struct selfcheck_row row = { .checked = now, .ip = r->ip, .domain = t->cfg->self.domain,
			.helo = t->cfg->self.helo, .episode_id = r->episode_id,
			.summary = selfcheck_summary(&r->self, summary, sizeof summary),
			.dnsbl = dnsbl[0] ? dnsbl : NULL, .findings = js };
		int64_t id = store_selfcheck_add(t->st, &row, err, errlen);
		free(js);
		if (id < 0)
			return -1;
	}
	return 0;
}

/* MARK: remember the newest episode (at the start); NEW: the block-list
 * check and the self-check of each episode newer than that, its alert
 * held; ROUND: the block-list check of every open episode's IP. */
static int ask_episode(void *arg, const struct episode_row *e)
{
	struct ask *a = arg;
	struct dnstail *t = a->t;
	int dnsbl = e->provider && strncmp(e->provider, "dnsbl:", 6) == 0;
	if (a->mode == ASK_ROUND) {
		dnswork_request(t->w, e->sending_ip, 0, 0);
		return 0;
	}
	if (e->id <= t->last_episode)
		return 0;
	t->last_episode = e->id;
	if (a->mode == ASK_MARK || dnsbl || dnswork_request(t->w, e->sending_ip, e->id, 1) < 0)
		return 0;
	if (t->nheld < HOLD_MAX)
		t->held[t->nheld++] = (struct held){ e->id, a->now + t->bound };
	return 0;
}

static int ask(struct dnstail *t, double now, char *err, size_t errlen)
{
	const struct episode_stats *es = episode_stats(t->ep);
	struct ask a = { t, ASK_NEW, now };
	int fresh = es->opened != t->opened_seen;
	t->opened_seen = es->opened;
	if (fresh && store_episode_list(t->st, 1, -1, ask_episode, &a, err, errlen) < 0)
		return -1;
	if (now < t->next_round || t->cfg->interval <= 0)
		return 0;
	a.mode = ASK_ROUND;
	t->next_round = now + t->cfg->interval;
	for (size_t i = 0; i < t->ac->nsource_ip; i++)
		dnswork_request(t->w, t->ac->source_ip[i].ip, 0, 0);
	return store_episode_list(t->st, 1, -1, ask_episode, &a, err, errlen);
}

int dnstail_step(struct dnstail *t, double now, char *err, size_t errlen)
{
	struct dnswork_result *r;
	int n = 0;
	while ((r = dnswork_take(t->w)) != NULL) {
		int rc = store_result(t, r, now, err, errlen);
		unhold(t, r->episode_id);
		dnswork_result_free(r);
		if (rc < 0) {
			char e2[256];
			episode_reload(t->ep, e2, sizeof e2);
			return -1;
		}
		n++;
	}
	return ask(t, now, err, errlen) < 0 ? -1 : n;
}

int dnstail_due(struct dnstail *t, double now)
{
	return dnswork_ready(t->w) || episode_stats(t->ep)->opened != t->opened_seen ||
	       (t->cfg->interval > 0 && now >= t->next_round);
}

int dnstail_hold(const struct dnstail *t, double now)
{
	for (int i = 0; i < t->nheld; i++)
		if (t->held[i].until > now)
			return 1;
	return 0;
}

int dnstail_wait_ms(const struct dnstail *t)
{
	return dnswork_pending(t->w) > 0 || t->nheld > 0 ? 50 : -1;
}
