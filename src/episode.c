/* episode - the block episode state machine (see episode.h).
 *
 * Owns the in-memory table of open episodes: a hash of chains by pool, so a
 * success looks only at its pool's open episodes and a block finds its key
 * in one chain. Invariants: the table holds exactly the episodes the store
 * has open (after a rollback the caller reloads); every store write happens
 * in the caller's transaction; next_expiry is never later than the earliest
 * quiet deadline (last_seen + clear_after) of an open episode, next_hold
 * never later than the earliest held clear alert; the latest announced
 * alert of a key says what that key's state is, once held alerts are due
 * (the last word: announce_open / announce_clear); the counters (stats,
 * cap hits, the detector's) hold what the committed batches did plus the
 * open one's (settle / counting).
 * Must not depend on any log format, on rules' internals or on SQL: it
 * sees struct delivery / struct verdict and writes through store_episode.h.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "episode.h"
#include "epcap.h"
#include "store_cap.h"
#include "store_episode.h"
#include "suspect.h"
#include "xmalloc.h"

#define NBUCKET 256
#define NAME_MAX_LEN 255	/* provider, IP or host name kept per episode */

struct entry {
	struct entry *next;	/* chain of the pool's bucket */
	int64_t id, alert_id;	/* alert_id: the 'open' alert, 0 if none */
	char *provider, *pool, *ip, *key;
	const char *kind;	/* EPISODE_KIND_* (static) */
	char *cats, *hosts;	/* space-separated lists */
	double opened, last_seen;
	int64_t count;
	int64_t accepts;	/* accepted deliveries since the last refusal */
	double accept_first;	/* time of the first of them, -1 when none */
	int announced;		/* 1 when the open alert is announced (nothing left to decide) */
	double gate;		/* no min-interval lookup before this clock time */
};

struct episodes {
	struct store *st;
	const struct alert_cfg *cfg;
	struct entry *bucket[NBUCKET];
	size_t nopen;
	struct epcap *cap;	/* open episodes per pool and their caps */
	int counted;		/* stats or cap hits changed since `kept` ... */
	uint64_t counted_at;	/* ... under this store_commits() count */
	double next_expiry;	/* earliest quiet deadline, INFINITY when none */
	double next_hold;	/* earliest held clear alert, INFINITY when none */
	struct episode_stats stats;
	struct episode_stats kept;	/* stats as their last committed batch left them */
	struct suspect *sus;	/* the no-rule detector (suspect.h) */
};

static unsigned bucket_of(const char *pool)
{
	uint32_t h = 2166136261u;
	for (const unsigned char *p = (const unsigned char *)pool; *p; p++)
		h = (h ^ *p) * 16777619u;
	return h % NBUCKET;
}

static void entry_free(struct entry *e)
{
	if (e == NULL)
		return;
	free(e->provider);
	free(e->pool);
	free(e->ip);
	free(e->key);
	free(e->cats);
	free(e->hosts);
	free(e);
}

/* "pool ip" for a block, "pool ip KIND" for the other kinds: one open
 * episode per key, and the last word said is per key. */
static char *key_of(const char *pool, const char *ip, const char *kind)
{
	int block = strcmp(kind, EPISODE_KIND_BLOCK) == 0;
	size_t n = strlen(pool) + strlen(ip) + strlen(kind) + 3;
	char *k = xmalloc(n);
	snprintf(k, n, "%s %s%s%s", pool, ip, block ? "" : " ", block ? "" : kind);
	return k;
}

/* The static name of a stored kind; BLOCK for anything else. */
static const char *kind_of(const char *stored)
{
	static const char *const kinds[] = { EPISODE_KIND_CONFIG, EPISODE_KIND_SUSPECTED };
	for (size_t i = 0; stored && i < sizeof kinds / sizeof *kinds; i++)
		if (strcmp(stored, kinds[i]) == 0)
			return kinds[i];
	return EPISODE_KIND_BLOCK;
}

static void insert(struct episodes *ep, struct entry *e, int listed)
{
	unsigned b = bucket_of(e->pool);
	e->next = ep->bucket[b];
	ep->bucket[b] = e;
	ep->nopen++;
	epcap_opened(ep->cap, e->pool, listed);
	ep->next_expiry = fmin(ep->next_expiry, e->last_seen + ep->cfg->clear_after);
}

static struct entry *find(struct episodes *ep, const char *pool, const char *ip, const char *kind)
{
	for (struct entry *e = ep->bucket[bucket_of(pool)]; e; e = e->next)
		if (strcmp(e->pool, pool) == 0 && strcmp(e->ip, ip) == 0 &&
		    strcmp(e->kind, kind) == 0)
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

/* ---- counters that follow the store's transactions ---- */

/* The in-memory counters (stats, the caps' hits, the detector's) change
 * with the rows of the caller's transaction, so they must commit or roll
 * back with it, as the summary, `check` and the metrics read them beside
 * the tables. The store counts its commits: changes counted under an
 * earlier count than now were committed, so they are kept; with
 * rolled_back, the ones counted under the current count went with the
 * transaction: forgotten. */
static void settle(struct episodes *ep, int rolled_back)
{
	if (!ep->counted)
		return;
	if (store_commits(ep->st) != ep->counted_at) {
		ep->kept = ep->stats;
		epcap_keep(ep->cap);
		suspect_keep(ep->sus);
	} else if (!rolled_back) {
		return;
	} else {
		ep->stats = ep->kept;
		epcap_undo(ep->cap);
		suspect_undo(ep->sus);
	}
	ep->counted = 0;
}

/* Called before any counter changes (inside the store transaction). */
static void counting(struct episodes *ep)
{
	settle(ep, 0);
	ep->counted = 1;
	ep->counted_at = store_commits(ep->st);
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
	e->pool = xstrdup(r->pool && *r->pool ? r->pool : e->provider);
	e->ip = xstrdup(r->sending_ip ? r->sending_ip : "");
	e->key = xstrdup(r->key ? r->key : "");
	e->kind = kind_of(r->kind);
	e->cats = xstrdup(r->categories ? r->categories : "");
	e->hosts = xstrdup(r->hosts ? r->hosts : "");
	e->opened = r->opened;
	e->last_seen = r->last_seen;
	e->count = r->count;
	e->accepts = r->accepts;
	e->accept_first = r->accept_first;
	e->announced = a->id == 0 || a->announce;
	insert(ep, e, !r->unlisted);
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
	epcap_reset(ep->cap);
	ep->next_expiry = INFINITY;
}

/* Announces the held clear alerts due at now; recomputes next_hold. */
static int release_holds(struct episodes *ep, double now, char *err, size_t errlen)
{
	double next;
	int n = store_alert_release(ep->st, now, &next, err, errlen);
	if (n < 0)
		return -1;
	counting(ep);
	ep->stats.announced += (unsigned)n;
	ep->next_hold = next < 0 ? INFINITY : next;
	return 0;
}

int episode_reload(struct episodes *ep, char *err, size_t errlen)
{
	double next;
	settle(ep, 1);
	drop_all(ep);
	if (store_alert_next_hold(ep->st, &next, err, errlen) < 0)
		return -1;
	ep->next_hold = next < 0 ? INFINITY : next;
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
	ep->sus = suspect_new(&(struct suspect_cfg){ cfg->suspect_recipients, cfg->suspect_window });
	suspect_keep(ep->sus);	/* its batches follow the store's (settle) */
	ep->cap = epcap_new(&(struct epcap_limits){ cfg->pool_cap, cfg->unlisted_pool_cap,
						    cfg->unlisted_cap });
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
	suspect_free(ep->sus);
	epcap_free(ep->cap);
	free(ep);
}

size_t episode_open_count(const struct episodes *ep) { return ep->nopen; }
double episode_next_due(const struct episodes *ep)
{
	return fmin(ep->nopen > 0 ? ep->next_expiry : INFINITY, ep->next_hold);
}
const struct episode_stats *episode_stats(const struct episodes *ep) { return &ep->stats; }
const struct epcap *episode_caps(const struct episodes *ep) { return ep->cap; }
const struct suspect_stats *episode_suspect_stats(const struct episodes *ep) { return suspect_stats(ep->sus); }

/* ---- announcing: the last word is the truth ---- */

/* Decides the open alert of e for a block reply at ts: 1 announce, 0 not
 * (note says why), -1 store error. An old block (backfill) is not news. A
 * clear of this key still held back is merged away instead: the operator's
 * last word stays "open", which is true again. After an announced clear the
 * opening is always announced; --min-interval only spaces openings while
 * the last word is already "open". The store is asked at most once per
 * min-interval per episode (e->gate). */
static int announce_open(struct episodes *ep, struct entry *e, double ts, const char **note,
			 char *err, size_t errlen)
{
	const struct alert_cfg *c = ep->cfg;
	double now = alert_now(c);
	struct alert_word w;
	if (!alert_should_announce(c, now, ts, -1, note))
		return 0;
	if (now < e->gate) {
		*note = "min-interval";
		return 0;
	}
	if (store_alert_last_word(ep->st, e->key, &w, err, errlen) < 0)
		return -1;
	if (w.held) {
		*note = "merged";
		return store_alert_merge(ep->st, w.held, err, errlen) < 0 ? -1 : 0;
	}
	if (w.kind == 'o' && now - w.announced < c->min_interval) {
		*note = "min-interval";
		e->gate = w.announced + c->min_interval;
		return 0;
	}
	*note = NULL;
	return 1;
}

/* Records the clear alert of e (cleared at when) and decides it: announced
 * when the operator's last word for the key is "open", whatever its age;
 * held back (note 'hold') until min-interval after that opening was
 * announced, so a block that comes back within it merges the two; recorded
 * only ('unannounced') when the operator never heard of the episode. */
static int announce_clear(struct episodes *ep, struct entry *e, double when, char *err, size_t errlen)
{
	const struct alert_cfg *c = ep->cfg;
	double now = alert_now(c), until;
	struct alert_word w;
	int64_t id;
	int ann;
	(void)when;
	if (store_alert_last_word(ep->st, e->key, &w, err, errlen) < 0)
		return -1;
	until = w.announced + c->min_interval;
	ann = w.kind == 'o' && now >= until;
	id = store_alert_add(ep->st, e->id, "clear", now, ann, w.kind == 'o' ? NULL : "unannounced",
			     err, errlen);
	if (id < 0)
		return -1;
	counting(ep);
	ep->stats.announced += (unsigned)ann;
	if (ann || w.kind != 'o')
		return 0;
	ep->next_hold = fmin(ep->next_hold, until);
	return store_alert_hold(ep->st, id, until, err, errlen);
}

static int announce_later(struct episodes *ep, struct entry *e, double ts, char *err, size_t errlen)
{
	const char *note;
	int r = announce_open(ep, e, ts, &note, err, errlen);
	if (r <= 0)
		return r;
	if (store_alert_announce(ep->st, e->alert_id, alert_now(ep->cfg), err, errlen) < 0)
		return -1;
	e->announced = 1;
	counting(ep);
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

const char *episode_pool_of(const struct delivery *d, const struct verdict *v)
{
	return v->pool && *v->pool ? v->pool : provider_of(d, v);
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
	*r = (struct episode_row){ .id = e->id, .provider = e->provider, .pool = e->pool,
		.sending_ip = e->ip, .key = e->key, .kind = e->kind, .categories = e->cats, .opened = e->opened,
		.last_seen = e->last_seen, .cleared = -1, .count = e->count, .hosts = e->hosts,
		.accepts = e->accepts, .accept_first = e->accept_first };
}

/* The fix to announce with a CONFIG episode whose rule gave no advice. */
static const char *config_advice(const char *category)
{
	if (category && strcmp(category, "ptr") == 0)
		return "give the sending IP a PTR record whose name resolves back to it, and use "
		       "that name as HELO (bouncewatch selfcheck --ip IP)";
	return "publish SPF for the sending IP, sign with DKIM and align DMARC for the sender's "
	       "domain (bouncewatch selfcheck --ip IP)";
}

static int open_episode(struct episodes *ep, const struct delivery *d, const struct verdict *v,
			const char *pool, const char *ip, const char *kind,
			const struct suspect_seen *seen, char *err, size_t errlen)
{
	struct entry *e;
	struct episode_row r;
	const char *note;
	int ann, total;
	size_t cap;
	counting(ep);
	cap = epcap_refuse(ep->cap, pool, v->pool_listed, &total);
	if (cap > 0) {		/* counted and stored: `check` and the summary say it */
		ep->stats.dropped++;
		return store_cap_hit(ep->st, total ? EPCAP_TOTAL_POOL : pool, (int64_t)cap,
				     alert_now(ep->cfg), err, errlen);
	}
	e = xcalloc(1, sizeof *e);
	e->provider = xstrdup(provider_of(d, v));
	e->pool = xstrdup(pool);
	e->ip = xstrdup(ip);
	e->kind = kind;
	e->key = key_of(pool, ip, kind);
	e->opened = e->last_seen = d->ts;
	e->count = 1;
	if (seen) {	/* SUSPECTED: since the first refusal the detector counted */
		e->opened = fmin(seen->since, d->ts);
		e->count = seen->recipients;
	}
	e->accept_first = -1;
	list_add(&e->cats, str_cstr(v->category), EPISODE_CATS_MAX);
	list_add(&e->hosts, d->host, EPISODE_HOSTS_MAX);
	fill_row(e, &r);
	r.category = v->category;
	r.rule_id = v->rule_id;
	r.advice = v->advice || strcmp(kind, EPISODE_KIND_CONFIG) != 0 ? v->advice
								     : config_advice(v->category);
	r.evidence = seen ? seen->evidence : NULL;
	r.worded_as = v->worded_as;
	r.unlisted = !v->pool_listed;
	char *reply = d->reply.p ? xstrndup(d->reply.p, d->reply.len) : NULL;
	r.first_reply = reply;
	e->id = store_episode_open(ep->st, &r, err, errlen);
	free(reply);
	if (e->id < 0 || (ann = announce_open(ep, e, d->ts, &note, err, errlen)) < 0 ||
	    (e->alert_id = store_alert_add(ep->st, e->id, "open", alert_now(ep->cfg), ann, note,
					   err, errlen)) < 0) {
		entry_free(e);
		return -1;
	}
	e->announced = ann;
	insert(ep, e, v->pool_listed);
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
	e->accepts = 0;		/* a refusal within the hold-down continues the episode */
	e->accept_first = -1;
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
	if (store_episode_clear(ep->st, e->id, when, reason, err, errlen) < 0)
		return -1;
	if (ep->cfg->alert_on_clear && announce_clear(ep, e, when, err, errlen) < 0)
		return -1;
	counting(ep);
	ep->stats.cleared++;
	ep->nopen--;
	epcap_closed(ep->cap, e->pool);
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

/* Whether an accepted delivery from d's log host came from e's sending IP:
 * the host's --source-ip when it has one, else the hosts whose block
 * replies are in e (a delivery logs no local address). */
static int same_sender(const struct episodes *ep, const struct entry *e, const struct delivery *d)
{
	const char *mapped = alert_source_ip_for(ep->cfg, d->host);
	if (mapped)
		return strcmp(mapped, e->ip) == 0;
	return list_has(e->hosts, d->host);
}

/* An accepted delivery: counts towards clearing the pool's episodes of the
 * same sender; clears one that reached clear_accepts over clear_span. */
static int on_success(struct episodes *ep, const struct delivery *d, const struct verdict *v,
		      char *err, size_t errlen)
{
	const struct alert_cfg *c = ep->cfg;
	const char *pool = episode_pool_of(d, v);
	struct entry **pp = &ep->bucket[bucket_of(pool)];
	while (*pp) {
		struct entry *e = *pp;
		struct episode_row r;
		if (strcmp(e->pool, pool) != 0 || d->ts < e->last_seen || !same_sender(ep, e, d)) {
			pp = &e->next;
			continue;
		}
		if (e->accepts++ == 0 || d->ts < e->accept_first)
			e->accept_first = d->ts;
		if (e->accepts < c->clear_accepts || d->ts - e->accept_first < c->clear_span) {
			fill_row(e, &r);
			if (store_episode_update(ep->st, &r, err, errlen) < 0)
				return -1;
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

/* Opens the episode of d's pool, sending IP and kind, or continues it. */
static int refused(struct episodes *ep, const struct delivery *d, const struct verdict *v,
		   const char *kind, const struct suspect_seen *seen, char *err, size_t errlen)
{
	char buf[NAME_MAX_LEN + 1];
	const char *pool = episode_pool_of(d, v);
	const char *ip = sending_ip(ep, d, v, buf, sizeof buf);
	struct entry *e = find(ep, pool, ip, kind);
	if (e == NULL)
		return open_episode(ep, d, v, pool, ip, kind, seen, err, errlen);
	return update_episode(ep, e, d, v, err, errlen);
}

int episode_refusal(enum delivery_status s)
{
	return s == DS_BOUNCED || s == DS_DEFERRED || s == DS_SOFTBOUNCE || s == DS_REFUSED;
}

const char *episode_kind_of(const struct delivery *d, const struct verdict *v)
{
	if (v->block)
		return EPISODE_KIND_BLOCK;
	if (v->category && episode_refusal(d->status) &&
	    (strcmp(v->category, "ptr") == 0 || strcmp(v->category, "auth") == 0))
		return EPISODE_KIND_CONFIG;
	return NULL;
}

int episode_suspect(struct episodes *ep, const struct delivery *d, const struct verdict *v,
		    const struct suspect_seen *seen, char *err, size_t errlen)
{
	return refused(ep, d, v, EPISODE_KIND_SUSPECTED, seen, err, errlen);
}

int episode_observe(struct episodes *ep, const struct delivery *d, const struct verdict *v,
		    char *err, size_t errlen)
{
	const char *kind = episode_kind_of(d, v);
	if (ep->nopen > 0 && d->ts >= ep->next_expiry && expire(ep, d->ts, err, errlen) < 0)
		return -1;
	if (alert_now(ep->cfg) >= ep->next_hold && release_holds(ep, alert_now(ep->cfg), err, errlen) < 0)
		return -1;
	if (kind)
		return refused(ep, d, v, kind, NULL, err, errlen);
	struct suspect_seen seen;
	counting(ep);	/* the detector counts its candidates */
	if (suspect_observe(ep->sus, d, v, episode_pool_of(d, v), &seen))
		return refused(ep, d, v, EPISODE_KIND_SUSPECTED, &seen, err, errlen);
	if (d->status == DS_SENT && ep->nopen > 0)
		return on_success(ep, d, v, err, errlen);
	return 0;
}

int episode_tick(struct episodes *ep, double now, char *err, size_t errlen)
{
	int due_expiry = ep->nopen > 0 && now >= ep->next_expiry;
	if (!due_expiry && now < ep->next_hold)
		return 0;
	if (store_begin(ep->st, err, errlen) < 0)
		return -1;
	if (due_expiry && expire(ep, now, err, errlen) < 0)
		return -1;
	return now >= ep->next_hold ? release_holds(ep, now, err, errlen) : 0;
}
