/* alert_opts - episode and alert options shared by scan and tail (see
 * alert_opts.h). Parses and checks values only; prints nothing.
 */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "alert_opts.h"
#include "cmd.h"
#include "datadir.h"
#include "episode.h"
#include "log.h"
#include "optnum.h"
#include "smtp_client.h"
#include "store.h"
#include "suspect.h"
#include "xmalloc.h"

extern char **environ;

void alert_opts_init(struct alert_cfg *c)
{
	size_t n = 0;
	alert_cfg_init(c);
	c->out = stderr;
	for (char **e = environ; e && *e; e++)
		n += strncmp(*e, "BOUNCEWATCH_", 12) == 0;
	c->pass_env = xcalloc(n + 1, sizeof *c->pass_env);
	n = 0;
	for (char **e = environ; e && *e; e++)
		if (strncmp(*e, "BOUNCEWATCH_", 12) == 0)
			c->pass_env[n++] = xstrdup(*e);
}

/* --alert-mail ADDR[,ADDR...]: this binary's `alert-mail` becomes the
 * alert program, with BOUNCEWATCH_MAIL_TO=ADDR in its environment. */
static int alert_mail(struct alert_cfg *c, const char *v, char *err, size_t errlen)
{
	static char *const argv[] = { "bouncewatch", "alert-mail", NULL };
	char self[PATH_MAX], *copy = xstrdup(v), *save = NULL, *tok;
	size_t n = 0;
	int ok = 1;
	for (tok = strtok_r(copy, ", ", &save); tok && ok; tok = strtok_r(NULL, ", ", &save), n++)
		ok = smtp_addr_ok(tok);
	free(copy);
	if (!ok || n == 0) {
		snprintf(err, errlen, "--alert-mail: expected ADDR[,ADDR...], got '%s'", v);
		return -1;
	}
	if (c->exec && c->self == NULL) {
		snprintf(err, errlen, "--alert-mail and --alert-exec: one alert program only");
		return -1;
	}
	if (datadir_self(self, sizeof self) < 0) {
		snprintf(err, errlen, "--alert-mail: cannot find this program (/proc/self/exe)");
		return -1;
	}
	free(c->self);
	c->exec = c->self = xstrdup(self);
	c->exec_argv = argv;
	for (n = 0; c->pass_env[n]; n++)
		if (strncmp(c->pass_env[n], "BOUNCEWATCH_MAIL_TO=", 20) == 0)
			break;
	if (c->pass_env[n] == NULL) {	/* one more entry */
		c->pass_env = xrealloc(c->pass_env, (n + 2) * sizeof *c->pass_env);
		c->pass_env[n + 1] = NULL;
	}
	free(c->pass_env[n]);
	c->pass_env[n] = xmalloc(strlen(v) + 21);
	snprintf(c->pass_env[n], strlen(v) + 21, "BOUNCEWATCH_MAIL_TO=%s", v);
	return 1;
}

static int duration(const char *name, const char *v, double *out, long min,
		    char *err, size_t errlen)
{
	long d;
	if (optnum_duration(name, v, min, LONG_MAX, &d, err, errlen) < 0)
		return -1;
	*out = (double)d;
	return 1;
}

/* 0 (off), or 2 to SUSPECT_RCPT_MAX distinct recipients. */
static int suspect_recipients(struct alert_cfg *c, const char *opt, const char *v, char *err,
			      size_t errlen)
{
	long n;
	if (optnum_long(NULL, v, 0, SUSPECT_RCPT_MAX, &n, err, errlen) < 0 || n == 1) {
		snprintf(err, errlen, "%s: expected 0 (off) or a whole number from 2 to %d, got '%s'",
			 opt, SUSPECT_RCPT_MAX, v);
		return -1;
	}
	c->suspect_recipients = (unsigned)n;
	return 1;
}

static int source_ip(struct alert_cfg *c, const char *v, char *err, size_t errlen)
{
	const char *eq = strchr(v, '=');
	if (eq == NULL || eq == v || eq[1] == '\0') {
		snprintf(err, errlen, "--source-ip: expected HOST=IP, got '%s'", v);
		return -1;
	}
	char *host = xstrndup(v, (size_t)(eq - v));
	alert_cfg_add_source_ip(c, host, eq + 1);
	free(host);
	return 1;
}

/* An episode cap (epcap.h): a whole number from 1 to EPCAP_MAX. */
static int episode_cap(const char *opt, const char *v, size_t *out, char *err, size_t errlen)
{
	long n;
	if (optnum_long(opt, v, 1, EPCAP_MAX, &n, err, errlen) < 0)
		return -1;
	*out = (size_t)n;
	return 1;
}

int alert_opt_set(struct alert_cfg *c, const char *name, const char *v, char *err, size_t errlen)
{
	char opt[64];
	long n;
	snprintf(opt, sizeof opt, "--%s", name);
	if (strcmp(name, "syslog") == 0) {
		c->use_syslog = 1;
		return 1;
	}
	if (strcmp(name, "source-ip") == 0)
		return source_ip(c, v, err, errlen);
	if (strcmp(name, "clear-after") == 0)
		return duration(opt, v, &c->clear_after, 1, err, errlen);
	if (strcmp(name, "clear-span") == 0)
		return duration(opt, v, &c->clear_span, 0, err, errlen);
	if (strcmp(name, "clear-accepts") == 0) {
		if (optnum_long(opt, v, 1, 1000000, &n, err, errlen) < 0)
			return -1;
		c->clear_accepts = n;
		return 1;
	}
	if (strcmp(name, "alert-window") == 0)
		return duration(opt, v, &c->alert_window, 0, err, errlen);
	if (strcmp(name, "min-interval") == 0)
		return duration(opt, v, &c->min_interval, 0, err, errlen);
	if (strcmp(name, "alert-timeout") == 0)
		return duration(opt, v, &c->timeout, 1, err, errlen);
	if (strcmp(name, "suspect-window") == 0)
		return duration(opt, v, &c->suspect_window, 1, err, errlen);
	if (strcmp(name, "suspect-recipients") == 0)
		return suspect_recipients(c, opt, v, err, errlen);
	if (strcmp(name, "pool-cap") == 0)
		return episode_cap(opt, v, &c->pool_cap, err, errlen);
	if (strcmp(name, "unlisted-pool-cap") == 0)
		return episode_cap(opt, v, &c->unlisted_pool_cap, err, errlen);
	if (strcmp(name, "unlisted-cap") == 0)
		return episode_cap(opt, v, &c->unlisted_cap, err, errlen);
	if (strcmp(name, "alert-on") == 0) {
		if (strcmp(v, "clear") != 0 && strcmp(v, "open,clear") != 0) {
			snprintf(err, errlen, "--alert-on: expected 'clear', got '%s'", v);
			return -1;
		}
		c->alert_on_clear = 1;
		return 1;
	}
	if (strcmp(name, "alert-mail") == 0)
		return alert_mail(c, v, err, errlen);
	if (strcmp(name, "alert-exec") != 0)
		return 0;
	if (c->self) {
		snprintf(err, errlen, "--alert-mail and --alert-exec: one alert program only");
		return -1;
	}
	if (access(v, X_OK) != 0) {
		snprintf(err, errlen, "--alert-exec: %s is not an executable file", v);
		return -1;
	}
	c->exec = v;
	return 1;
}

void alert_opts_usage(FILE *f)
{
	fprintf(f,
		"block episodes and alerts:\n"
		"  --source-ip HOST=IP  sending IP of log host HOST (repeatable), for replies that\n"
		"                       do not name it and to match successes to blocks\n"
		"  --clear-after DUR    an episode clears after DUR without block replies (24h)\n"
		"  --clear-accepts N    ... or when its pool accepted N deliveries from its IP (3)\n"
		"  --clear-span DUR     ... spanning at least DUR, with no refusal between (15m)\n"
		"  --alert-on clear     alert when an episode clears too (default: openings only)\n"
		"  --alert-window DUR   announce only episodes whose last block reply is this\n"
		"                       recent (1h): backfilling old logs announces nothing\n"
		"  --min-interval DUR   flap damping per pool and IP (1h): a clear is announced no\n"
		"                       sooner than DUR after its opening (merged away if the block\n"
		"                       returns first); openings are spaced by DUR unless a clear\n"
		"                       was announced: the last alert always tells the state\n"
		"  --syslog             also send alerts to syslog (facility mail)\n"
		"  --alert-exec PROG    run PROG for each alert (no shell, no arguments): the facts\n"
		"                       in BOUNCEWATCH_* environment variables and as JSON on stdin;\n"
		"                       retried with back-off until it exits 0\n"
		"  --alert-timeout DUR  kill PROG after DUR (30s)\n"
		"  --alert-mail ADDR    mail each alert to ADDR (several: a,b) over SMTP: runs\n"
		"                       `bouncewatch alert-mail` as the alert program (relay and\n"
		"                       sender from BOUNCEWATCH_SMTP_RELAY, _MAIL_FROM; see its --help)\n"
		"  --suspect-recipients N  a SUSPECTED episode when N distinct recipients at one\n"
		"                       pool are refused with the same reply no rule knows, and\n"
		"                       nothing is accepted (5; 0: off)\n"
		"  --suspect-window DUR ... within DUR (10m)\n"
		"  --pool-cap N         open episodes a pool in providers.conf may hold (65536)\n"
		"  --unlisted-pool-cap N  ... a pool not in providers.conf (256)\n"
		"  --unlisted-cap N     ... all pools not in providers.conf together (10000)\n"
		"Alerts go to stderr as 'BLOCK|CONFIG|SUSPECTED OPEN|CLEAR provider[/pool] ip category\n"
		"since ...'.\n");
}

struct caps_text {
	char *out;
	size_t size, used;
	int n;
};

static void cap_item(void *arg, const char *pool, size_t cap, uint64_t hits)
{
	struct caps_text *c = arg;
	char name[128];
	int k;
	if (c->used + 1 >= c->size)
		return;
	if (c->n++ == 4) {
		k = snprintf(c->out + c->used, c->size - c->used, ", ...");
	} else if (c->n > 4) {
		return;
	} else if (strcmp(pool, EPCAP_TOTAL_POOL) == 0) {
		k = snprintf(c->out + c->used, c->size - c->used, "%sunlisted pools together at their "
			     "cap of %zu open episodes (%" PRIu64 " replies)", c->n > 1 ? ", " : "", cap, hits);
	} else {
		k = snprintf(c->out + c->used, c->size - c->used, "%s%s at its cap of %zu open episodes "
			     "(%" PRIu64 " replies)", c->n > 1 ? ", " : "",
			     log_printable(pool, strlen(pool), name, sizeof name), cap, hits);
	}
	if (k > 0)
		c->used += (size_t)k < c->size - c->used ? (size_t)k : c->size - c->used - 1;
}

int alert_opts_caps_text(const struct episodes *ep, char *out, size_t outsz)
{
	const struct epcap *caps = episode_caps(ep);
	struct caps_text c = { out, outsz, 0, 0 };
	int k;
	out[0] = '\0';
	if (epcap_hits(caps) == 0 || outsz == 0)
		return 0;
	k = snprintf(out, outsz, "%" PRIu64 " block repl%s opened no episode: ", epcap_hits(caps),
		     epcap_hits(caps) == 1 ? "y" : "ies");
	c.used = k > 0 && (size_t)k < outsz ? (size_t)k : outsz - 1;
	epcap_each_hit(caps, cap_item, &c);
	return 1;
}

int alert_opts_finish(struct store *st, struct episodes *ep, const struct alert_cfg *ac)
{
	char caps[1024];
	char err[1024], why[512];
	struct alert_stats as;
	const struct episode_stats *es = episode_stats(ep);
	double now = alert_now(ac);

	/* A child of tail (feed_jobs.c) leaves its alerts due for tail to send. */
	const char *by_parent = getenv("BOUNCEWATCH_ALERTS_BY_PARENT");
	memset(&as, 0, sizeof as);
	if (episode_tick(ep, now, err, sizeof err) < 0 || store_commit(st, err, sizeof err) < 0 ||
	    (!(by_parent && strcmp(by_parent, "1") == 0) &&
	     alert_dispatch(st, ac, now, &as, err, sizeof err) < 0)) {
		store_rollback(st);
		msg_info("%s", err);
		return EXIT_RUNTIME;
	}
	if (as.failed > 0)
		msg_warn("%u alert%s not delivered (%s); retried on a later run",
			 as.failed, as.failed == 1 ? "" : "s",
			 log_printable(as.last_error, strlen(as.last_error), why, sizeof why));
	if (es->opened + es->cleared + as.sent + as.failed > 0)
		printf("blocks: %" PRIu64 " episode%s opened, %" PRIu64 " cleared, %zu open; "
		       "alerts: %u sent, %u failed\n", es->opened, es->opened == 1 ? "" : "s",
		       es->cleared, episode_open_count(ep), as.sent, as.failed);
	if (alert_opts_caps_text(ep, caps, sizeof caps))
		printf("blocks: CAP HIT: %s\n", caps);
	return EXIT_OK;
}

void alert_opts_prefer_ips(const struct alert_cfg *ac, struct rules *r)
{
	const char **ips = xcalloc(ac->nsource_ip + 1, sizeof *ips);
	for (size_t i = 0; i < ac->nsource_ip; i++)
		ips[i] = ac->source_ip[i].ip;
	rules_prefer_ips(r, ips, ac->nsource_ip);
	free(ips);
}
