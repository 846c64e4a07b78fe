/* alert - announcing and delivering alerts (see alert.h).
 *
 * Owns the alert line format, the program's environment and JSON, and the
 * retry schedule. Invariants: an alert is marked delivered only after every
 * channel took it; the program gets a fixed argv and exactly the
 * environment built here; text from log lines reaches a terminal or syslog
 * only through log_printable(). Must not depend on ingest, rules or any log
 * format: it reads what the store remembers of the episode.
 */
#include <inttypes.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syslog.h>	/* <syslog.h> would find src/syslog.h through -Isrc */
#include <time.h>
#include "alert.h"
#include "clock.h"
#include "json_str.h"
#include "log.h"
#include "run.h"
#include "store_dnsbl.h"
#include "store_episode.h"
#include "suspect.h"
#include "xmalloc.h"

#define REPLY_PRINT_MAX 1024
#define ENV_MAX 64

void alert_cfg_init(struct alert_cfg *c)
{
	*c = (struct alert_cfg){
		.clear_after = 86400, .clear_accepts = 3, .clear_span = 900, .alert_window = 3600, .min_interval = 3600, .timeout = 30,
		.suspect_recipients = SUSPECT_RECIPIENTS_DEFAULT, .suspect_window = SUSPECT_WINDOW_DEFAULT,
	};
}

void alert_cfg_release(struct alert_cfg *c)
{
	for (size_t i = 0; i < c->nsource_ip; i++) {
		free(c->source_ip[i].host);
		free(c->source_ip[i].ip);
	}
	free(c->source_ip);
	for (char **e = c->pass_env; e && *e; e++)
		free(*e);
	free(c->pass_env);
	free(c->self);
	c->self = NULL;
	c->source_ip = NULL;
	c->pass_env = NULL;
	c->nsource_ip = 0;
}

void alert_cfg_add_source_ip(struct alert_cfg *c, const char *host, const char *ip)
{
	c->source_ip = xrealloc(c->source_ip, (c->nsource_ip + 1) * sizeof *c->source_ip);
	c->source_ip[c->nsource_ip++] = (struct alert_source_ip){ xstrdup(host), xstrdup(ip) };
}

const char *alert_source_ip_for(const struct alert_cfg *c, struct str host)
{
	for (size_t i = c->nsource_ip; i-- > 0;)
		if (str_eq(host, c->source_ip[i].host))
			return c->source_ip[i].ip;
	return NULL;
}

double alert_now(const struct alert_cfg *c)
{
	return c->now > 0 ? c->now : clock_now();
}

int alert_should_announce(const struct alert_cfg *c, double now, double last_block,
			  double last_announced, const char **note)
{
	*note = NULL;
	if (now - last_block > c->alert_window)
		*note = "old";
	else if (last_announced >= 0 && now - last_announced < c->min_interval)
		*note = "min-interval";
	return *note == NULL;
}

double alert_backoff(int attempts, double timeout)
{
	double d = ALERT_BACKOFF_FIRST, floor = timeout + RUN_KILL_GRACE;
	for (int i = 1; i < attempts && d < ALERT_BACKOFF_MAX; i++)
		d *= 2;
	d = d < ALERT_BACKOFF_MAX ? d : ALERT_BACKOFF_MAX;
	return d > floor ? d : floor;
}

char *alert_time(double t, char *buf, size_t n)
{
	struct tm tm;
	time_t s = (time_t)t;
	if (gmtime_r(&s, &tm) == NULL || strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		snprintf(buf, n, "?");
	return buf;
}

/* ---- one alert, ready to send ---- */

struct msg {
	int64_t id;
	int64_t episode;
	int attempts;
	int is_open;
	char *line;		/* printable */
	char *json;
	size_t jsonlen;
	char *env[ENV_MAX];
	int nenv;
};

static void msg_release(struct msg *m)
{
	free(m->line);
	free(m->json);
	for (int i = 0; i < m->nenv; i++)
		free(m->env[i]);
}

static const char *nz(const char *s)
{
	return s ? s : "";
}

static char *printable(const char *s, size_t max)
{
	char *out = xmalloc(max);
	return log_printable(nz(s), strlen(nz(s)), out, max);
}

static void build_line(struct msg *m, const struct alert_row *a)
{
	const struct episode_row *e = &a->ep;
	char since[32], cleared[32];
	char *prov = printable(e->provider, 256), *ip = printable(e->sending_ip, 256);
	char *pool = printable(e->pool, 256);
	char *cat = printable(e->category, 64), *reply = printable(e->first_reply, REPLY_PRINT_MAX);
	char *advice = printable(e->advice, REPLY_PRINT_MAX);
	char *evidence = printable(e->evidence, REPLY_PRINT_MAX);
	char tail[REPLY_PRINT_MAX * 3 + 96];
	const char *kind = e->kind && *e->kind ? e->kind : EPISODE_KIND_BLOCK;
	/* a CONFIG episode is ours to fix: its advice is the fix */
	const char *adv = strcmp(kind, EPISODE_KIND_CONFIG) == 0 ? " \u2014 fix: " : " \u2014 advice: ";
	size_t n;

	if (m->is_open && e->cleared >= 0)	/* sent late: the episode ended meanwhile */
		snprintf(tail, sizeof tail, "%s%s%s%s%s (cleared since, %s: %s)", reply,
			 *evidence ? " \u2014 evidence: " : "", evidence, *advice ? adv : "", advice,
			 alert_time(e->cleared, cleared, sizeof cleared), nz(e->clear_reason));
	else if (m->is_open)
		snprintf(tail, sizeof tail, "%s%s%s%s%s", reply, *evidence ? " \u2014 evidence: " : "",
			 evidence, *advice ? adv : "", advice);
	else
		snprintf(tail, sizeof tail, "cleared %s (%s)", alert_time(e->cleared, cleared, sizeof cleared),
			 nz(e->clear_reason));
	/* the receiving pool, when it is not the provider's default: microsoft/m365 */
	int sub = *pool && strcmp(pool, prov) != 0;
	n = strlen(kind) + strlen(prov) + strlen(pool) + strlen(ip) + strlen(cat) + strlen(tail) + 128;
	m->line = xmalloc(n);
	snprintf(m->line, n, "%s %s %s%s%s %s %s since %s (%" PRId64 " refusal%s): %s",
		 kind, m->is_open ? "OPEN" : "CLEAR", prov, sub ? "/" : "", sub ? pool : "", ip, *cat ? cat : "-",
		 alert_time(e->opened, since, sizeof since), e->count, e->count == 1 ? "" : "s", tail);
	free(prov);
	free(pool);
	free(ip);
	free(cat);
	free(reply);
	free(advice);
	free(evidence);
}

static void add_env(struct msg *m, const char *name, const char *value)
{
	size_t n = strlen(name) + strlen(value) + 2;
	if (m->nenv >= ENV_MAX - 1)
		return;
	m->env[m->nenv] = xmalloc(n);
	snprintf(m->env[m->nenv++], n, "%s=%s", name, value);
}

struct jbuf {
	char *p;
	size_t len, cap;
};

static void jb_raw(struct jbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->p = xrealloc(b->p, b->cap);
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

/* "key":value, where value is s as a JSON string (or as is when numeric),
 * or null for NULL. */
static void jb_field(struct jbuf *b, const char *key, const char *s, int numeric)
{
	jb_raw(b, b->len > 1 ? ",\"" : "\"", b->len > 1 ? 2 : 1);
	jb_raw(b, key, strlen(key));
	jb_raw(b, "\":", 2);
	if (s == NULL || numeric) {
		jb_raw(b, s ? s : "null", s ? strlen(s) : 4);
		return;
	}
	size_t n = strlen(s), cap = JSON_STR_MAX(n);
	char *tmp = xmalloc(cap);
	size_t k = json_str(tmp, cap, s, n);
	jb_raw(b, tmp, k);
	free(tmp);
}

/* The same facts as environment variables and as one JSON object. */
static void build_facts(struct msg *m, const struct alert_row *a)
{
	const struct episode_row *e = &a->ep;
	char first[32], last[32], cleared[32], count[32], id[32];
	const char *names[] = { "EVENT", "PROVIDER", "SENDING_IP", "POOL", "CATEGORY", "CATEGORIES",
		"REPLY", "ADVICE", "FIRST_SEEN", "LAST_SEEN", "COUNT", "EPISODE", "RULE", "HOSTS",
		"CLEARED", "CLEAR_REASON", "KIND", "EVIDENCE", "WORDED_AS" };
	const char *vals[] = { m->is_open ? "open" : "clear", e->provider, e->sending_ip, e->pool,
		e->category, e->categories, e->first_reply, e->advice,
		alert_time(e->opened, first, sizeof first), alert_time(e->last_seen, last, sizeof last),
		count, id, e->rule_id, e->hosts,
		e->cleared >= 0 ? alert_time(e->cleared, cleared, sizeof cleared) : NULL,
		e->clear_reason, e->kind && *e->kind ? e->kind : EPISODE_KIND_BLOCK, e->evidence,
		e->worded_as };	/* a foreign verdict: whose wording, from a relay not theirs */
	struct jbuf b = { 0 };

	snprintf(count, sizeof count, "%" PRId64, e->count);
	snprintf(id, sizeof id, "%" PRId64, e->id);
	jb_raw(&b, "{", 1);
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		char key[64], var[64];
		size_t k;
		for (k = 0; names[i][k] && k < sizeof key - 1; k++)
			key[k] = (char)(names[i][k] >= 'A' && names[i][k] <= 'Z' ? names[i][k] | 0x20
									  : names[i][k]);
		key[k] = '\0';
		jb_field(&b, key, vals[i], vals[i] == count || vals[i] == id);
		snprintf(var, sizeof var, "BOUNCEWATCH_%s", names[i]);
		add_env(m, var, nz(vals[i]));
	}
	jb_raw(&b, "}\n", 2);
	m->json = b.p;
	m->jsonlen = b.len;
}

static int fill_msg(void *arg, const struct alert_row *a)
{
	struct msg *m = arg;
	m->id = a->id;
	m->episode = a->ep.id;
	m->attempts = a->attempts;
	m->is_open = a->kind && strcmp(a->kind, "open") == 0;
	build_line(m, a);
	build_facts(m, a);
	return 0;
}

/* The DNS checks made when the episode opened (dnstail.h): appended to the
 * line, as BOUNCEWATCH_DNSBL / _SELFCHECK, and as "dnsbl", "selfcheck" and
 * "selfcheck_findings" (the stored JSON array, ours) in the JSON. */
static int add_dns(void *arg, const struct selfcheck_row *r)
{
	struct msg *m = arg;
	char *dnsbl = printable(r->dnsbl, 1024), *self = printable(r->summary, 1024);
	size_t n = strlen(m->line) + strlen(dnsbl) + strlen(self) + 32;
	struct jbuf b = { m->json, m->jsonlen, m->jsonlen + 1 };
	m->line = xrealloc(m->line, n);
	snprintf(m->line + strlen(m->line), n - strlen(m->line), " \u2014 DNS: %s%s%s", dnsbl,
		 *dnsbl ? "; " : "", self);
	add_env(m, "BOUNCEWATCH_DNSBL", nz(r->dnsbl));
	add_env(m, "BOUNCEWATCH_SELFCHECK", nz(r->summary));
	if (b.len >= 2 && b.p[b.len - 2] == '}')
		b.len -= 2;	/* reopen the object */
	jb_field(&b, "dnsbl", r->dnsbl, 0);
	jb_field(&b, "selfcheck", r->summary, 0);
	jb_field(&b, "selfcheck_findings", r->findings ? r->findings : "[]", 1);
	jb_raw(&b, "}\n", 2);
	m->json = b.p;
	m->jsonlen = b.len;
	free(dnsbl);
	free(self);
	return 0;
}

/* The program's environment: our facts, PATH, then the pass-through entries
 * whose names we do not set ourselves. */
static void finish_env(struct msg *m, const struct alert_cfg *c)
{
	add_env(m, "PATH", "/usr/bin:/bin");
	for (char **p = c->pass_env; p && *p; p++) {
		size_t n = strcspn(*p, "=") + 1;
		int mine = 0;
		for (int i = 0; i < m->nenv && !mine; i++)
			mine = strncmp(m->env[i], *p, n) == 0;
		if (!mine && m->nenv < ENV_MAX - 1)
			m->env[m->nenv++] = xstrdup(*p);
	}
	m->env[m->nenv] = NULL;
}

/* The stream and syslog lines of a first attempt. */
static void announce_line(const struct msg *m, const struct alert_cfg *c)
{
	if (m->attempts > 0)
		return;
	if (c->out) {
		fprintf(c->out, "%s\n", m->line);
		fflush(c->out);
	}
	if (c->use_syslog) {
		openlog("bouncewatch", LOG_PID, LOG_MAIL);
		syslog(m->is_open ? LOG_WARNING : LOG_NOTICE, "%s", m->line);
	}
}

/* ---- the sender: alert programs run beside the caller's loop ---- */

struct slot {
	int64_t id;		/* 0: free */
	int attempts;		/* before this one */
	struct run_child *child;	/* NULL once finished */
	struct run_result res;
};

struct alert_sender {
	const struct alert_cfg *c;
	struct slot slot[ALERT_CHILDREN_MAX];
	int backlog;		/* the last pump left due alerts for lack of a slot */
};

struct alert_sender *alert_sender_new(const struct alert_cfg *c)
{
	struct alert_sender *q = xcalloc(1, sizeof *q);
	q->c = c;
	return q;
}

void alert_sender_free(struct alert_sender *q)
{
	if (q == NULL)
		return;
	for (int i = 0; i < ALERT_CHILDREN_MAX; i++)
		run_abandon(q->slot[i].child);
	free(q);
}

static int in_flight(const struct alert_sender *q, int64_t id)
{
	for (int i = 0; i < ALERT_CHILDREN_MAX; i++)
		if (q->slot[i].id == id)
			return 1;
	return 0;
}

static struct slot *free_slot(struct alert_sender *q)
{
	for (int i = 0; i < ALERT_CHILDREN_MAX; i++)
		if (q->slot[i].id == 0)
			return &q->slot[i];
	return NULL;
}

unsigned alert_sender_busy(const struct alert_sender *q)
{
	unsigned n = 0;
	for (int i = 0; i < ALERT_CHILDREN_MAX; i++)
		n += q->slot[i].id != 0;
	return n;
}

int alert_sender_wait_ms(const struct alert_sender *q)
{
	int ms = -1;
	for (int i = 0; i < ALERT_CHILDREN_MAX; i++) {
		const struct slot *sl = &q->slot[i];
		int w = sl->child ? run_wait_ms(sl->child) : sl->id ? 0 : -1;
		if (w >= 0 && (ms < 0 || w < ms))
			ms = w;
	}
	if (q->backlog && ms < 0)
		ms = 0;
	return ms;
}

void alert_sender_reap(struct alert_sender *q)
{
	for (int i = 0; i < ALERT_CHILDREN_MAX; i++)
		if (q->slot[i].child && run_poll(q->slot[i].child, &q->slot[i].res))
			q->slot[i].child = NULL;
}

/* Saves the outcome of a finished slot and frees it. */
static int record(struct alert_sender *q, struct slot *sl, struct store *st, double now,
		  struct alert_stats *s, char *err, size_t errlen)
{
	char why[sizeof s->last_error];
	int r;
	if (run_ok(&sl->res)) {
		r = store_alert_delivered(st, sl->id, now, err, errlen);
		s->sent++;
	} else {
		run_describe(&sl->res, q->c->timeout, why, sizeof why);
		r = store_alert_failed(st, sl->id, now + alert_backoff(sl->attempts + 1, q->c->timeout),
				       why, err, errlen);
		memcpy(s->last_error, why, sizeof why);
		s->failed++;
	}
	*sl = (struct slot){ 0 };
	return r;
}

/* Announces alert id and starts its program in sl (or delivers it at once
 * when there is none). Returns 1 when started, 0 when done or gone, -1 on
 * error. */
static int start(struct alert_sender *q, struct slot *sl, struct store *st, double now,
		 int64_t id, struct alert_stats *s, char *err, size_t errlen)
{
	struct msg m = { 0 };
	int r = store_alert_get(st, id, fill_msg, &m, err, errlen);

	if (r > 0 && m.is_open && store_selfcheck_for_episode(st, m.episode, add_dns, &m, err, errlen) < 0)
		r = -1;
	if (r <= 0)
		goto out;
	announce_line(&m, q->c);
	if (q->c->exec == NULL) {
		r = store_alert_delivered(st, id, now, err, errlen);
		s->sent++;
		goto out;
	}
	finish_env(&m, q->c);
	sl->child = run_start_argv(q->c->exec, q->c->exec_argv, m.env, m.json, m.jsonlen,
				   q->c->timeout, err, errlen);
	if (sl->child == NULL) {
		r = -1;
		goto out;
	}
	sl->id = id;
	sl->attempts = m.attempts;
	r = 1;
out:
	msg_release(&m);
	return r;
}

int alert_sender_pump(struct alert_sender *q, struct store *st, double now, struct alert_stats *s,
		      char *err, size_t errlen)
{
	int64_t ids[2 * ALERT_CHILDREN_MAX];
	int n;
	unsigned sent;

	alert_sender_reap(q);
	for (int i = 0; i < ALERT_CHILDREN_MAX; i++)
		if (q->slot[i].id && q->slot[i].child == NULL &&
		    record(q, &q->slot[i], st, now, s, err, errlen) < 0)
			return -1;
	/* Again while alerts go out at once: a delivered one may release its
	 * episode's next. */
	do {
		sent = s->sent;
		q->backlog = 0;
		n = store_alert_due(st, now, ids, 2 * ALERT_CHILDREN_MAX, err, errlen);
		for (int i = 0; i < n; i++) {
			struct slot *sl;
			if (in_flight(q, ids[i]))
				continue;
			if ((sl = free_slot(q)) == NULL) {
				q->backlog = 1;
				break;
			}
			if (start(q, sl, st, now, ids[i], s, err, errlen) < 0)
				return -1;
		}
	} while (n > 0 && s->sent > sent);
	return n < 0 ? -1 : 0;
}

int alert_sender_stop(struct alert_sender *q, struct store *st, double now, struct alert_stats *s,
		      char *err, size_t errlen)
{
	int rc = 0;
	alert_sender_reap(q);
	for (int i = 0; i < ALERT_CHILDREN_MAX; i++) {
		struct slot *sl = &q->slot[i];
		if (sl->id == 0)
			continue;
		if (sl->child == NULL) {	/* finished: its outcome counts */
			rc |= record(q, sl, st, now, s, err, errlen);
			continue;
		}
		run_abandon(sl->child);
		/* Due at once: the next start sends it again (without a second
		 * stream or syslog line). */
		rc |= store_alert_failed(st, sl->id, now, "interrupted: bouncewatch stopped", err, errlen);
		s->interrupted++;
		*sl = (struct slot){ 0 };
	}
	return rc < 0 ? -1 : 0;
}

int alert_dispatch(struct store *st, const struct alert_cfg *c, double now, struct alert_stats *s,
		   char *err, size_t errlen)
{
	struct alert_sender *q = alert_sender_new(c);
	int rc;
	*s = (struct alert_stats){ 0 };
	while ((rc = alert_sender_pump(q, st, now, s, err, errlen)) == 0 && alert_sender_busy(q) > 0) {
		int ms = alert_sender_wait_ms(q);
		poll(NULL, 0, ms < 0 || ms > 20 ? 20 : ms);
	}
	alert_sender_free(q);
	return rc;
}
