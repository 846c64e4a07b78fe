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
#include <stdlib.h>
#include <string.h>
#include <sys/syslog.h>	/* <syslog.h> would find src/syslog.h through -Isrc */
#include <time.h>
#include "alert.h"
#include "clock.h"
#include "json_str.h"
#include "log.h"
#include "run.h"
#include "store_episode.h"
#include "xmalloc.h"

#define REPLY_PRINT_MAX 1024
#define ENV_MAX 64

void alert_cfg_init(struct alert_cfg *c)
{
	*c = (struct alert_cfg){
		.clear_after = 86400, .alert_window = 3600, .min_interval = 3600, .timeout = 30,
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

double alert_backoff(int attempts)
{
	double d = ALERT_BACKOFF_FIRST;
	for (int i = 1; i < attempts && d < ALERT_BACKOFF_MAX; i++)
		d *= 2;
	return d < ALERT_BACKOFF_MAX ? d : ALERT_BACKOFF_MAX;
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
	char *cat = printable(e->category, 64), *reply = printable(e->first_reply, REPLY_PRINT_MAX);
	char *advice = printable(e->advice, REPLY_PRINT_MAX);
	char tail[REPLY_PRINT_MAX * 2 + 64];
	size_t n;

	if (m->is_open && e->cleared >= 0)	/* sent late: the episode ended meanwhile */
		snprintf(tail, sizeof tail, "%s%s%s (cleared since, %s: %s)", reply,
			 *advice ? " \u2014 advice: " : "", advice,
			 alert_time(e->cleared, cleared, sizeof cleared), nz(e->clear_reason));
	else if (m->is_open)
		snprintf(tail, sizeof tail, "%s%s%s", reply, *advice ? " \u2014 advice: " : "", advice);
	else
		snprintf(tail, sizeof tail, "cleared %s (%s)", alert_time(e->cleared, cleared, sizeof cleared),
			 nz(e->clear_reason));
	n = strlen(prov) + strlen(ip) + strlen(cat) + strlen(tail) + 128;
	m->line = xmalloc(n);
	snprintf(m->line, n, "BLOCK %s %s %s %s since %s (%" PRId64 " refusal%s): %s",
		 m->is_open ? "OPEN" : "CLEAR", prov, ip, *cat ? cat : "-",
		 alert_time(e->opened, since, sizeof since), e->count, e->count == 1 ? "" : "s", tail);
	free(prov);
	free(ip);
	free(cat);
	free(reply);
	free(advice);
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
	const char *names[] = { "EVENT", "PROVIDER", "SENDING_IP", "CATEGORY", "CATEGORIES",
		"REPLY", "ADVICE", "FIRST_SEEN", "LAST_SEEN", "COUNT", "EPISODE", "RULE", "HOSTS",
		"CLEARED", "CLEAR_REASON" };
	const char *vals[] = { m->is_open ? "open" : "clear", e->provider, e->sending_ip,
		e->category, e->categories, e->first_reply, e->advice,
		alert_time(e->opened, first, sizeof first), alert_time(e->last_seen, last, sizeof last),
		count, id, e->rule_id, e->hosts,
		e->cleared >= 0 ? alert_time(e->cleared, cleared, sizeof cleared) : NULL,
		e->clear_reason };
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
	m->attempts = a->attempts;
	m->is_open = a->kind && strcmp(a->kind, "open") == 0;
	build_line(m, a);
	build_facts(m, a);
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

/* Sends m through every channel: 0 when delivered, 1 when the program
 * failed (why filled), -1 when no child could be started (err). */
static int send_msg(struct msg *m, const struct alert_cfg *c, char *why, size_t whylen,
		    char *err, size_t errlen)
{
	struct run_result res;
	if (m->attempts == 0 && c->out) {
		fprintf(c->out, "%s\n", m->line);
		fflush(c->out);
	}
	if (m->attempts == 0 && c->use_syslog) {
		openlog("bouncewatch", LOG_PID, LOG_MAIL);
		syslog(m->is_open ? LOG_WARNING : LOG_NOTICE, "%s", m->line);
	}
	if (c->exec == NULL)
		return 0;
	finish_env(m, c);
	if (run_program(c->exec, m->env, m->json, m->jsonlen, c->timeout, &res, err, errlen) < 0)
		return -1;
	if (run_ok(&res))
		return 0;
	run_describe(&res, c->timeout, why, whylen);
	return 1;
}

static int deliver(struct store *st, const struct alert_cfg *c, double now, int64_t id,
		   struct alert_stats *s, char *err, size_t errlen)
{
	struct msg m = { 0 };
	char why[sizeof s->last_error];
	int r = store_alert_get(st, id, fill_msg, &m, err, errlen);

	if (r <= 0)
		goto out;
	r = send_msg(&m, c, why, sizeof why, err, errlen);
	if (r == 0) {
		r = store_alert_delivered(st, id, now, err, errlen);
		s->sent++;
	} else if (r == 1) {
		r = store_alert_failed(st, id, now + alert_backoff(m.attempts + 1), why, err, errlen);
		memcpy(s->last_error, why, sizeof why);
		s->failed++;
	}
out:
	msg_release(&m);
	return r < 0 ? -1 : 0;
}

int alert_dispatch(struct store *st, const struct alert_cfg *c, double now, struct alert_stats *s,
		   char *err, size_t errlen)
{
	int64_t ids[32];
	int n;
	unsigned sent;
	*s = (struct alert_stats){ 0 };
	/* Again while alerts go out: a delivered one may release its episode's next. */
	do {
		sent = s->sent;
		n = store_alert_due(st, now, ids, 32, err, errlen);
		for (int i = 0; i < n; i++)
			if (deliver(st, c, now, ids[i], s, err, errlen) < 0)
				return -1;
	} while (n > 0 && s->sent > sent);
	return n < 0 ? -1 : 0;
}
