/* episode - the block episode state machine (see episode.h).
 *
 * Owns the in-memory table of open episodes: a hash of chains by provider,
 * so a success looks only at its provider's open episodes and a block finds
 * its key in one chain. Invariants: the table holds exactly the episodes the
 * store has open (after a rollback the caller reloads); every store write
 * happens in the caller's transaction; next_expiry is never later than the
 * earliest quiet deadline (last_seen + clear_after) of an open episode.
 * Must not depend on any log format, on rules' internals or on SQL: it
 * sees struct delivery / struct verdict and writes through store_episode.h.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "episode.h"
#include "store_episode.h"
#include "xmalloc.h"

#define NBUCKET 256
#define NAME_MAX_LEN 255	/* provider, IP or host name kept per episode */

struct entry {
	struct entry *next;	/* chain of the provider's bucket */
	int64_t id, alert_id;	/* alert_id: the 'open' alert, 0 if none */
	char *provider, *ip, *key;
	char *cats, *hosts;	/* space-separated lists */
	double opened, last_seen;
	int64_t count;
	int announced;		/* 1 when the open alert is announced (nothing left to decide) */
	double gate;		/* no min-interval lookup before this clock time */
};

struct episodes {
	struct store *st;
	const struct alert_cfg *cfg;
	struct entry *bucket[NBUCKET];
	size_t nopen;
	double next_expiry;	/* earliest quiet deadline, INFINITY when none */
	struct episode_stats stats;
};

static unsigned bucket_of(const char *provider)
{
	uint32_t h = 2166136261u;
	for (const unsigned char *p = (const unsigned char *)provider; *p; p++)
		h = (h ^ *p) * 16777619u;
	return h % NBUCKET;
}

static void entry_free(struct entry *e)
{
	if (e == NULL)
		return;
	free(e->provider);
	free(e->ip);
	free(e->key);
	free(e->cats);
	free(e->hosts);
	free(e);
}

static char *key_of(const char *provider, const char *ip)
{
	size_t n = strlen(provider) + strlen(ip) + 2;
	char *k = xmalloc(n);
	snprintf(k, n, "%s %s", provider, ip);
	return k;
}

static void insert(struct episodes *ep, struct entry *e)
{
	unsigned b = bucket_of(e->provider);
	e->next = ep->bucket[b];
	ep->bucket[b] = e;
	ep->nopen++;
	ep->next_expiry = fmin(ep->next_expiry, e->last_seen + ep->cfg->clear_after);
}

static struct entry *find(struct episodes *ep, const char *provider, const char *ip)
{
	for (struct entry *e = ep->bucket[bucket_of(provider)]; e; e = e->next)
		if (strcmp(e->provider, provider) == 0 && strcmp(e->ip, ip) == 0)
			return e;
	return NULL;
}

/* ---- space-separated lists of names (categories, log hosts) ---- */

static int list_has(const char *list, struct str item)
{
	const char *p = list;
	while (p && *p) {
		size_t n = strcspn(p, " ");
		if (n == item.len && memcmp(p, item.p, n) == 0)
			return 1;
		p += n + (p[n] == ' ');
	}
	return 0;
}

/* A name fit for a list: non-empty, bounded, no spaces or control bytes. */
static int list_item_ok(struct str item)
{
	if (item.len == 0 || item.len > NAME_MAX_LEN)
		return 0;
	for (size_t i = 0; i < item.len; i++)
		if ((unsigned char)item.p[i] <= ' ' || item.p[i] == 0x7f)
			return 0;
	return 1;
}

/* Adds item to *list unless there, unfit or the list holds max items; 1 if added. */
static int list_add(char **list, struct str item, int max)
{
	size_t have = *list ? strlen(*list) : 0;
	int count = 0;
	if (!list_item_ok(item) || list_has(*list, item))
		return 0;
	for (const char *p = *list; p && *p; p++)
		count += *p == ' ';
	if (have > 0 && count + 1 >= max)
		return 0;
	*list = xrealloc(*list, have + item.len + 2);
	if (have > 0)
		(*list)[have++] = ' ';
	memcpy(*list + have, item.p, item.len);
	(*list)[have + item.len] = '\0';
	return 1;
}

/* ---- loading ---- */

static int load_one(void *arg, const struct alert_row *a)
{
	struct episodes *ep = arg;
	const struct episode_row *r = &a->ep;
	struct entry *e = xcalloc(1, sizeof *e);
	e->id = r->id;
	e->alert_id = a->id;
	e->provider = xstrdup(r->provider ? r->provider : "");
	e->ip = xstrdup(r->sending_ip ? r->sending_ip : "");
	e->key = xstrdup(r->key ? r->key : "");
	e->cats = xstrdup(r->categories ? r->categories : "");
	e->hosts = xstrdup(r->hosts ? r->hosts : "");
	e->opened = r->opened;
	e->last_seen = r->last_seen;
	e->count = r->count;
	e->announced = a->id == 0 || a->announce;
	insert(ep, e);
	return 0;
}

static void drop_all(struct episodes *ep)
{
	for (unsigned b = 0; b < NBUCKET; b++)
		while (ep->bucket[b]) {
			struct entry *e = ep->bucket[b];
			ep->bucket[b] = e->next;
			entry_free(e);
		}
	ep->nopen = 0;
	ep->next_expiry = INFINITY;
}

int episode_reload(struct episodes *ep, char *err, size_t errlen)
{
	drop_all(ep);
	if (store_episode_each_open(ep->st, load_one, ep, err, errlen) < 0) {
		drop_all(ep);
		return -1;
	}
	return 0;
}

struct episodes *episode_new(struct store *st, const struct alert_cfg *cfg, char *err, size_t errlen)
{
	struct episodes *ep = xcalloc(1, sizeof *ep);
	ep->st = st;
	ep->cfg = cfg;
	if (episode_reload(ep, err, errlen) < 0) {
		episode_free(ep);
		return NULL;
	}
	return ep;
}

void episode_free(struct episodes *ep)
{
	if (ep == NULL)
		return;
	drop_all(ep);
	free(ep);
}

size_t episode_open_count(const struct episodes *ep) { return ep->nopen; }
const struct episode_stats *episode_stats(const struct episodes *ep) { return &ep->stats; }

/* ---- announcing ---- */

/* Decides the open alert of e for a block reply at ts: 1 announce, 0 not
 * (note says why), -1 store error. Looks up the key's last announcement only
 * for a recent block, and not again before e->gate. */
static int decide(struct episodes *ep, struct entry *e, double ts, const char **note,
		  char *err, size_t errlen)
{
	const struct alert_cfg *c = ep->cfg;
	double now = alert_now(c), last = -1;
	int r;
	if (!alert_should_announce(c, now, ts, -1, note))
		return 0;
	if (now < e->gate) {
		*note = "min-interval";
		return 0;
	}
	if ((r = store_alert_last_announced(ep->st, e->key, &last, err, errlen)) < 0)
		return -1;
	if (alert_should_announce(c, now, ts, r ? last : -1, note))
		return 1;
	e->gate = last + c->min_interval;
	return 0;
}

static int announce_later(struct episodes *ep, struct entry *e, double ts, char *err, size_t errlen)
{
	const char *note;
	int r = decide(ep, e, ts, &note, err, errlen);
	if (r <= 0)
		return r;
	if (store_alert_announce(ep->st, e->alert_id, alert_now(ep->cfg), err, errlen) < 0)
		return -1;
	e->announced = 1;
	ep->stats.announced++;
	return 0;
}

/* ---- opening, updating, clearing ---- */

static const char *provider_of(const struct delivery *d, const struct verdict *v)
{
	if (v->provider && *v->provider)
		return v->provider;
	return d->rcpt_domain[0] ? d->rcpt_domain : "unknown";
}

/* The key's IP: the reply's capture, else --source-ip of the host, else the host. */
static const char *sending_ip(const struct episodes *ep, const struct delivery *d,
			      const struct verdict *v, char *buf, size_t n)
{
	const char *mapped = alert_source_ip_for(ep->cfg, d->host);
	size_t k = d->host.len < n - 1 ? d->host.len : n - 1;
	if (v->sending_ip[0])
		return v->sending_ip;
	if (mapped)
		return mapped;
	if (k == 0)
		return "unknown";
	memcpy(buf, d->host.p, k);
	buf[k] = '\0';
	return buf;
}

static void fill_row(const struct entry *e, struct episode_row *r)
{
	*r = (struct episode_row){ .id = e->id, .provider = e->provider, .sending_ip = e->ip,
		.key = e->key, .categories = e->cats, .opened = e->opened,
		.last_seen = e->last_seen, .cleared = -1, .count = e->count, .hosts = e->hosts };
}

static int open_episode(struct episodes *ep, const struct delivery *d, const struct verdict *v,
			const char *provider, const char *ip, char *err, size_t errlen)
{
	struct entry *e;
	struct episode_row r;
	const char *note;
	int ann;
	if (ep->nopen >= EPISODE_OPEN_MAX) {
		ep->stats.dropped++;
		return 0;
	}
	e = xcalloc(1, sizeof *e);
	e->provider = xstrdup(provider);
	e->ip = xstrdup(ip);
	e->key = key_of(provider, ip);
	e->opened = e->last_seen = d->ts;
	e->count = 1;
	list_add(&e->cats, str_cstr(v->category), EPISODE_CATS_MAX);
	list_add(&e->hosts, d->host, EPISODE_HOSTS_MAX);
	fill_row(e, &r);
	r.category = v->category;
	r.rule_id = v->rule_id;
	r.advice = v->advice;
	char *reply = d->reply.p ? xstrndup(d->reply.p, d->reply.len) : NULL;
	r.first_reply = reply;
	e->id = store_episode_open(ep->st, &r, err, errlen);
	free(reply);
	if (e->id < 0 || (ann = decide(ep, e, d->ts, &note, err, errlen)) < 0 ||
	    (e->alert_id = store_alert_add(ep->st, e->id, "open", alert_now(ep->cfg), ann, note,
					   err, errlen)) < 0) {
		entry_free(e);
		return -1;
	}
	e->announced = ann;
	insert(ep, e);
	ep->stats.opened++;
	ep->stats.announced += (unsigned)ann;
	return 0;
}

static int update_episode(struct episodes *ep, struct entry *e, const struct delivery *d,
			  const struct verdict *v, char *err, size_t errlen)
{
	struct episode_row r;
	if (d->ts > e->last_seen)
		e->last_seen = d->ts;
	e->count++;
	list_add(&e->cats, str_cstr(v->category), EPISODE_CATS_MAX);
	list_add(&e->hosts, d->host, EPISODE_HOSTS_MAX);
	fill_row(e, &r);
	if (store_episode_update(ep->st, &r, err, errlen) < 0)
		return -1;
	return e->announced ? 0 : announce_later(ep, e, d->ts, err, errlen);
}

/* Clears e in the store (with its clear alert); the caller unlinks it. */
static int clear_episode(struct episodes *ep, struct entry *e, double when, const char *reason,
			 char *err, size_t errlen)
{
	const struct alert_cfg *c = ep->cfg;
	const char *note = "unannounced";
	double now = alert_now(c);
	int ann = 0;
	if (store_episode_clear(ep->st, e->id, when, reason, err, errlen) < 0)
		return -1;
	if (c->alert_on_clear) {
		if (e->announced)
			ann = alert_should_announce(c, now, when, -1, &note);
		if (store_alert_add(ep->st, e->id, "clear", now, ann, note, err, errlen) < 0)
			return -1;
	}
	ep->stats.cleared++;
	ep->stats.announced += (unsigned)ann;
	ep->nopen--;
	return 0;
}

/* Clears every episode quiet for clear_after at t; recomputes next_expiry. */
static int expire(struct episodes *ep, double t, char *err, size_t errlen)
{
	double next = INFINITY, after = ep->cfg->clear_after;
	for (unsigned b = 0; b < NBUCKET; b++) {
		struct entry **pp = &ep->bucket[b];
		while (*pp) {
			struct entry *e = *pp;
			if (e->last_seen + after > t) {
				next = fmin(next, e->last_seen + after);
				pp = &e->next;
				continue;
			}
			if (clear_episode(ep, e, e->last_seen + after, "quiet", err, errlen) < 0)
				return -1;
			*pp = e->next;
			entry_free(e);
		}
	}
	ep->next_expiry = next;
	return 0;
}

static int on_success(struct episodes *ep, const struct delivery *d, const struct verdict *v,
		      char *err, size_t errlen)
{
	const char *provider = provider_of(d, v);
	const char *mapped = alert_source_ip_for(ep->cfg, d->host);
	struct entry **pp = &ep->bucket[bucket_of(provider)];
	while (*pp) {
		struct entry *e = *pp;
		if (strcmp(e->provider, provider) != 0 || d->ts < e->last_seen ||
		    !list_has(e->hosts, d->host) || (mapped && strcmp(mapped, e->ip) != 0)) {
			pp = &e->next;
			continue;
		}
		if (clear_episode(ep, e, d->ts, "delivered", err, errlen) < 0)
			return -1;
		*pp = e->next;
		entry_free(e);
	}
	return 0;
}

int episode_observe(struct episodes *ep, const struct delivery *d, const struct verdict *v,
		    char *err, size_t errlen)
{
	char buf[NAME_MAX_LEN + 1];
	if (ep->nopen > 0 && d->ts >= ep->next_expiry && expire(ep, d->ts, err, errlen) < 0)
		return -1;
	if (v->block) {
		const char *provider = provider_of(d, v);
		const char *ip = sending_ip(ep, d, v, buf, sizeof buf);
		struct entry *e = find(ep, provider, ip);
		if (e == NULL)
			return open_episode(ep, d, v, provider, ip, err, errlen);
		return update_episode(ep, e, d, v, err, errlen);
	}
	if (d->status == DS_SENT && ep->nopen > 0)
		return on_success(ep, d, v, err, errlen);
	return 0;
}

int episode_tick(struct episodes *ep, double now, char *err, size_t errlen)
{
	if (ep->nopen == 0 || now < ep->next_expiry)
		return 0;
	if (store_begin(ep->st, err, errlen) < 0)
		return -1;
	return expire(ep, now, err, errlen);
}
