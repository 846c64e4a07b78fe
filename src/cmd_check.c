/* cmd_check - `bouncewatch check`: a monitoring plugin (Nagios, Icinga, cron).
 *
 * Monitoring Plugins conventions: one status line with performance data
 * after '|', exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN. The state is the
 * worst of: open block episodes (BLOCK and CONFIG: both stop a pool's mail;
 * a SUSPECTED one is a WARNING), the deferral rate of each provider over
 * --window, and (with --stale) how long ago the log and the last delivery
 * were seen. Anything that stops us from knowing is UNKNOWN: a missing or
 * unreadable database, a bad option, a log file tail cannot open. No SQL here (store_report).
 */
#include <ctype.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "clock.h"
#include "cmd.h"
#include "cmd_args.h"
#include "log.h"
#include "optnum.h"
#include "store_cap.h"
#include "store_report.h"
#include "store_selfmon.h"
#include "store_status.h"

enum state { ST_OK, ST_WARNING, ST_CRITICAL, ST_UNKNOWN };
static const char *const state_names[] = { "OK", "WARNING", "CRITICAL", "UNKNOWN" };

struct threshold {
	long blocks;		/* open blocks at or above: this state */
	double rate;		/* a provider's deferral rate at or above: this state */
};

struct check_opts {
	struct threshold warn, crit;
	long window, stale, min_attempts;
	long silent;		/* WARNING when no line was read for this long; 0: off */
	double jump;		/* WARNING when the share not understood rose this much */
};

#define JUMP_MIN_LINES 20	/* lines in the window before a share means something */
#define JUMP_BASELINE (7 * 86400.0)	/* the share of the week before, to compare with */

struct facts {
	long open_blocks;	/* BLOCK and CONFIG episodes: both stop the pool's mail */
	long open_config, open_suspected;	/* of which CONFIG; SUSPECTED (not in open_blocks) */
	char blocks_text[256];	/* "microsoft 203.0.113.7, CONFIG yahoo 192.0.2.1, ..." */
	long attempts, deferred, bounced;
	double worst_rate;
	char worst[64];		/* provider with worst_rate */
	const char *worst_what;	/* "deferred" or "bounced" */
	char perf[2048];	/* per-provider performance data */
	int64_t cap_hits;	/* block replies refused by an episode cap in the window */
	char caps_text[512];	/* "evil.example (11744 over 256), ..." */
	int col[4];		/* provider attempts deferred bounced */
	long min_attempts;
};

static void check_usage(FILE *f)
{
	fprintf(f, "usage: bouncewatch check [--warning B[,R]] [--critical B[,R]] [--window DUR]\n"
		   "                         [--min-attempts N] [--stale DUR] [--silent DUR]\n"
		   "                         [--not-understood R]\n"
		   "Monitoring plugin: one status line with performance data; exit 0 OK,\n"
		   "1 WARNING, 2 CRITICAL, 3 UNKNOWN.\n"
		   "  --warning B,R   WARNING at B open block episodes or more (BLOCK or CONFIG;\n"
		   "                  a SUSPECTED episode is always a WARNING), or when a provider's\n"
		   "                  deferral or bounce rate over the window reaches R (0.1 or 10%%)\n"
		   "                  (default 1,10%%)\n"
		   "  --critical B,R  the same for CRITICAL (default 1,30%%)\n"
		   "  --window DUR    the window for the rates (default 1h)\n"
		   "  --min-attempts N  rates only for providers with N attempts or more (default 5)\n"
		   "  --stale DUR     UNKNOWN when the log has not been read for DUR (no checkpoint\n"
		   "                  since), WARNING when the newest delivery is older than DUR\n"
		   "Said by default (WARNING):\n"
		   "  --silent DUR    no line read for DUR: the log has gone silent (default 24h;\n"
		   "                  0: never)\n"
		   "  --not-understood R  the share of lines not understood over the window is R\n"
		   "                  (0.2 or 20%%, the default) above that of the week before:\n"
		   "                  the MTA changed its log format (at least %d lines read)\n"
		   "  alerts that could not be delivered (tried and failed, still due)\n",
		JUMP_MIN_LINES);
}

/* "B", "B,R" or ",R" for option a->name (messages name it). */
static int parse_threshold(const struct cmd_args *a, struct threshold *t)
{
	char b[64], err[256];
	const char *comma = strchr(a->arg, ',');
	size_t n = comma ? (size_t)(comma - a->arg) : strlen(a->arg);
	long blocks = t->blocks;
	double rate = t->rate;
	int bad = n >= sizeof b;
	if (!bad && (n > 0 || comma == NULL)) {
		memcpy(b, a->arg, n);
		b[n] = '\0';
		bad = optnum_long(NULL, b, 0, LONG_MAX, &blocks, err, sizeof err) < 0;
	}
	if (!bad && comma)
		bad = optnum_rate(NULL, comma + 1, 0, 1, &rate, err, sizeof err) < 0;
	if (bad)
		return cmd_args_bad(a, "B[,R]: open block episodes (a whole number), and a deferral "
				       "rate (0.1 or 10%)");
	t->blocks = blocks;
	t->rate = rate;
	return 0;
}

enum { OPT_WINDOW = CMD_OPT_OWN, OPT_STALE, OPT_SILENT, OPT_JUMP, OPT_MIN_ATTEMPTS };

static const struct option check_options[] = {
	{ "warning", required_argument, NULL, 'w' },
	{ "critical", required_argument, NULL, 'c' },
	{ "window", required_argument, NULL, OPT_WINDOW },
	{ "stale", required_argument, NULL, OPT_STALE },
	{ "silent", required_argument, NULL, OPT_SILENT },
	{ "not-understood", required_argument, NULL, OPT_JUMP },
	{ "min-attempts", required_argument, NULL, OPT_MIN_ATTEMPTS },
	{ 0 }
};

/* 0 go on, 1 --help, -1 a usage error (message printed). */
static int parse_check_opts(struct globals *g, int argc, char **argv, struct check_opts *o)
{
	struct cmd_args a;
	int c, r;
	cmd_args_init(&a, g, argc, argv, "w:c:", check_options);
	while ((c = cmd_args_next(&a)) != -1) {
		switch (c) {
		case 'h': return 1;
		case 'w': r = parse_threshold(&a, &o->warn); break;
		case 'c': r = parse_threshold(&a, &o->crit); break;
		case OPT_WINDOW: r = cmd_args_duration(&a, 1, LONG_MAX, &o->window); break;
		case OPT_STALE: r = cmd_args_duration(&a, 1, LONG_MAX, &o->stale); break;
		case OPT_SILENT: r = cmd_args_duration(&a, 0, LONG_MAX, &o->silent); break;
		case OPT_JUMP: r = cmd_args_rate(&a, 0.001, 1, &o->jump); break;
		case OPT_MIN_ATTEMPTS: r = cmd_args_long(&a, 1, LONG_MAX, &o->min_attempts); break;
		default: return -1;
		}
		if (r < 0)
			return -1;
	}
	if (a.optind < argc) {
		msg_info("check: unexpected argument '%s'", argv[a.optind]);
		return -1;
	}
	return 0;
}

static int col_of(int ncol, const char *const *names, const char *name)
{
	for (int i = 0; i < ncol; i++)
		if (strcmp(names[i], name) == 0)
			return i;
	return -1;
}

static void append(char *buf, size_t size, const char *s)
{
	size_t n = strlen(buf);
	if (n < size - 1)
		snprintf(buf + n, size - n, "%s", s);
}

/* A printable, plugin-safe rendering of a database value ('|' is not
 * allowed in a status line; perf labels take [A-Za-z0-9_.-]). */
static void safe(const struct store_cell *c, int label, char *out, size_t size)
{
	size_t o = 0;
	for (size_t i = 0; c->p && i < c->len && o + 1 < size && i < 40; i++) {
		unsigned char ch = (unsigned char)c->p[i];
		int ok = label ? (isalnum(ch) || ch == '_' || ch == '.' || ch == '-')
			       : (ch >= 0x21 && ch < 0x7f && ch != '|');
		out[o++] = ok ? (char)ch : '_';
	}
	out[o] = '\0';
	if (o == 0)
		snprintf(out, size, "%s", label ? "unknown" : "?");
}

static int on_block(void *arg, int ncol, const char *const *names, const struct store_cell *cells)
{
	struct facts *f = arg;
	char p[48], ip[48], kind[16], one[120];
	long listed = f->open_blocks + f->open_suspected;
	(void)names;
	if (cells == NULL)
		return 0;
	safe(&cells[0], 0, p, sizeof p);
	safe(&cells[1], 0, ip, sizeof ip);
	safe(&cells[ncol - 1], 1, kind, sizeof kind);	/* the last column: kind */
	int block = strcmp(kind, "BLOCK") == 0;
	if (listed < 3) {
		snprintf(one, sizeof one, "%s%s%s%s %s", listed ? ", " : "", block ? "" : kind,
			 block ? "" : " ", p, ip);
		append(f->blocks_text, sizeof f->blocks_text, one);
	} else if (listed == 3) {
		append(f->blocks_text, sizeof f->blocks_text, ", ...");
	}
	if (strcmp(kind, "SUSPECTED") == 0) {
		f->open_suspected++;
		return 0;
	}
	f->open_config += strcmp(kind, "CONFIG") == 0;
	f->open_blocks++;
	return 0;
}

static int on_provider(void *arg, int ncol, const char *const *names, const struct store_cell *cells)
{
	struct facts *f = arg;
	char label[48], perf[160];
	if (cells == NULL) {
		f->col[0] = col_of(ncol, names, "provider");
		f->col[1] = col_of(ncol, names, "attempts");
		f->col[2] = col_of(ncol, names, "deferred");
		f->col[3] = col_of(ncol, names, "bounced");
		return f->col[0] < 0 || f->col[1] < 0 || f->col[2] < 0 || f->col[3] < 0;
	}
	long att = strtol(cells[f->col[1]].p ? cells[f->col[1]].p : "0", NULL, 10);
	long def = strtol(cells[f->col[2]].p ? cells[f->col[2]].p : "0", NULL, 10);
	long bou = strtol(cells[f->col[3]].p ? cells[f->col[3]].p : "0", NULL, 10);
	double rate = att > 0 ? (double)def / (double)att : 0, brate = att > 0 ? (double)bou / (double)att : 0;
	f->attempts += att;
	f->deferred += def;
	f->bounced += bou;
	if (att < f->min_attempts)
		return 0;
	safe(&cells[f->col[0]], 1, label, sizeof label);
	snprintf(perf, sizeof perf, " deferred_rate_%s=%.4f bounced_rate_%s=%.4f", label, rate, label, brate);
	append(f->perf, sizeof f->perf, perf);
	for (int k = 0; k < 2; k++) {
		double r = k ? brate : rate;
		if (r > f->worst_rate || f->worst[0] == '\0') {
			f->worst_rate = r;
			f->worst_what = k ? "bounced" : "deferred";
			snprintf(f->worst, sizeof f->worst, "%s", label);
		}
	}
	return 0;
}

static enum state worst(enum state a, enum state b) { return a > b ? a : b; }

static enum state judge(const struct check_opts *o, const struct facts *f)
{
	enum state s = ST_OK;
	if (f->open_blocks >= o->warn.blocks || f->open_suspected > 0)
		s = ST_WARNING;
	if (f->worst[0] && f->worst_rate >= o->warn.rate)
		s = ST_WARNING;
	if (f->open_blocks >= o->crit.blocks || (f->worst[0] && f->worst_rate >= o->crit.rate))
		s = ST_CRITICAL;
	return s;
}

static int say(enum state s, const char *text, const char *perf)
{
	printf("BOUNCEWATCH %s - %s%s%s\n", state_names[s], text, perf && *perf ? " | " : "",
	       perf ? perf : "");
	return (int)s;
}

/* Freshness: UNKNOWN when the log was not read for o->stale, WARNING when
 * no delivery came in it. Writes a note into why. */
static enum state freshness(const struct check_opts *o, const struct store_health *h, double now,
			    char *why, size_t size)
{
	if (o->stale <= 0)
		return ST_OK;
	if (h->sources == 0 || now - h->newest_source > (double)o->stale) {
		snprintf(why, size, "log not read for %.0fs (stale after %lds)",
			 h->sources ? now - h->newest_source : INFINITY, o->stale);
		return ST_UNKNOWN;
	}
	if (h->newest_delivery <= 0 || now - h->newest_delivery > (double)o->stale) {
		snprintf(why, size, "no delivery for %.0fs (stale after %lds); ",
			 h->newest_delivery > 0 ? now - h->newest_delivery : INFINITY, o->stale);
		return ST_WARNING;
	}
	return ST_OK;
}

/* bouncewatch's own health, said by default: the log gone silent, a jump
 * in the share of lines not understood, alerts not delivered. Appends a
 * note per finding to why; WARNING when there is one. */
static enum state self_health(struct store *st, const struct check_opts *o, const struct store_health *h,
			      double now, char *why, size_t size, char *err, size_t errlen)
{
	struct store_alert_health a;
	int64_t n, nu, bn, bnu;
	char note[512], e[300];
	enum state s = ST_OK;
	double win = (double)o->window;
	if (o->silent > 0 && h->sources > 0 && now - h->newest_source > (double)o->silent) {
		snprintf(note, sizeof note, "log silent for %.1fh (nothing read; silent after %lds); ",
			 (now - h->newest_source) / 3600, o->silent);
		append(why, size, note);
		s = ST_WARNING;
	}
	if (store_lines_get(st, now - win, now + 1, &n, &nu, err, errlen) < 0 ||
	    store_lines_get(st, now - win - JUMP_BASELINE, now - win, &bn, &bnu, err, errlen) < 0 ||
	    store_alert_health(st, &a, err, errlen) < 0)
		return ST_UNKNOWN;
	double share = n > 0 ? (double)nu / (double)n : 0, base = bn > 0 ? (double)bnu / (double)bn : 0;
	if (n >= JUMP_MIN_LINES && share - base >= o->jump) {
		snprintf(note, sizeof note, "%.1f%% of the lines not understood over %lds (%.1f%% the week "
			 "before: has the log format changed?); ", share * 100, o->window, base * 100);
		append(why, size, note);
		s = ST_WARNING;
	}
	if (a.failing > 0) {
		snprintf(note, sizeof note, "%" PRId64 " alert%s not delivered (last error: %s); ", a.failing,
			 a.failing == 1 ? "" : "s", log_printable(a.last_error, strlen(a.last_error), e, sizeof e));
		append(why, size, note);
		s = ST_WARNING;
	}
	return s;
}

/* "not reading /var/log/mail.log since 2026-11-28T09:14:03Z: Permission denied" */
static const char *unreadable_text(const struct store_unreadable *u, char *out, size_t n)
{
	char when[32], path[sizeof u->path * 4], why[sizeof u->why * 4];
	time_t t = (time_t)u->since;
	struct tm tm;
	if (gmtime_r(&t, &tm) == NULL || strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		snprintf(when, sizeof when, "?");
	snprintf(out, n, "not reading %s since %s: %s%s", log_printable(u->path, strlen(u->path), path, sizeof path),
		 when, log_printable(u->why, strlen(u->why), why, sizeof why),
		 u->count > 1 ? " (and other files)" : "");
	return out;
}

static int on_cap(void *arg, const struct store_cap_row *r)
{
	struct facts *f = arg;
	struct store_cell c = { .p = r->pool, .len = r->pool ? strlen(r->pool) : 0 };
	char pool[48], one[128];
	safe(&c, 0, pool, sizeof pool);
	if (strcmp(pool, "*") == 0)
		snprintf(pool, sizeof pool, "unlisted pools together");
	snprintf(one, sizeof one, "%s%s (%" PRId64 " over its cap of %" PRId64 ")", f->cap_hits ? ", " : "",
		 pool, r->hits, r->cap);
	append(f->caps_text, sizeof f->caps_text, one);
	f->cap_hits += r->hits;
	return 0;
}

static int gather(struct store *st, const struct check_opts *o, double now, struct facts *f,
		  char *err, size_t errlen)
{
	struct store_window w = { now - (double)o->window, now + 1, 0 };
	if (store_open_blocks(st, on_block, f, err, errlen) < 0 ||
	    store_cap_each(st, now - (double)o->window, on_cap, f, err, errlen) < 0)
		return -1;
	return store_report_section(st, STORE_SEC_PROVIDER, &w, on_provider, f, err, errlen);
}

static int check_exec(struct globals *g, int argc, char **argv)
{
	struct check_opts o = { { 1, 0.10 }, { 1, 0.30 }, 3600, 0, 5, 86400, 0.20 };
	struct facts f = { .min_attempts = 0 };
	struct store_health h;
	struct store_unreadable u;
	char err[1024], text[2048], why[1200] = "", perf[3072];
	double now = clock_now(), overall;
	int rc = parse_check_opts(g, argc, argv, &o);
	enum state s;

	if (rc != 0) {
		if (rc > 0) {
			check_usage(stdout);
			return ST_OK;
		}
		check_usage(stderr);
		return say(ST_UNKNOWN, "bad usage (see bouncewatch check --help)", NULL);
	}
	f.min_attempts = o.min_attempts;
	struct store *st = store_open(cmd_db_path(g), STORE_READ, err, sizeof err);
	if (st == NULL)
		return say(ST_UNKNOWN, err, NULL);
	if (store_begin(st, err, sizeof err) < 0 ||
	    store_health(st, &h, err, sizeof err) < 0 || gather(st, &o, now, &f, err, sizeof err) < 0 ||
	    store_unreadable_get(st, &u, err, sizeof err) < 0) {
		store_free(st);
		return say(ST_UNKNOWN, err, NULL);
	}
	if (u.count > 0) {
		store_free(st);
		return say(ST_UNKNOWN, unreadable_text(&u, text, sizeof text), NULL);
	}
	s = freshness(&o, &h, now, why, sizeof why);
	if (s == ST_UNKNOWN) {
		store_free(st);
		return say(s, why, NULL);
	}
	s = worst(s, self_health(st, &o, &h, now, why, sizeof why, err, sizeof err));
	store_free(st);
	if (s == ST_UNKNOWN)
		return say(s, err, NULL);
	s = worst(s, judge(&o, &f));
	if (f.cap_hits > 0) {	/* blocks may be missing from what follows: say it first */
		char note[700];
		snprintf(note, sizeof note, "episode cap hit: %" PRId64 " block replies opened no episode "
			 "over %lds: %s; ", f.cap_hits, o.window, f.caps_text);
		append(why, sizeof why, note);
		s = worst(s, ST_WARNING);
	}
	overall = f.attempts ? (double)f.deferred / (double)f.attempts : 0;
	double bounced = f.attempts ? (double)f.bounced / (double)f.attempts : 0;
	long listed = f.open_blocks + f.open_suspected;
	char more[64] = "";
	if (f.open_suspected > 0)
		snprintf(more, sizeof more, " and %ld suspected", f.open_suspected);
	snprintf(text, sizeof text, "%s%ld open block%s%s%s%s%s, deferral %.1f%% and bounces %.1f%% over %lds",
		 why, f.open_blocks, f.open_blocks == 1 ? "" : "s", more, listed ? " (" : "",
		 f.blocks_text, listed ? ")" : "", overall * 100, bounced * 100, o.window);
	if (f.worst[0] && f.worst_rate > 0) {
		size_t n = strlen(text);
		snprintf(text + n, sizeof text - n, ", worst %s %.1f%% %s", f.worst, f.worst_rate * 100,
			 f.worst_what);
	}
	snprintf(perf, sizeof perf, "open_blocks=%ld;%ld;%ld;0 deferred_rate=%.4f;%g;%g;0;1 "
		 "bounced_rate=%.4f;%g;%g;0;1 attempts=%ld;;;0 episode_cap_hits=%" PRId64 ";;;0 "
		 "open_config=%ld;;;0 open_suspected=%ld;;;0%s",
		 f.open_blocks, o.warn.blocks, o.crit.blocks, overall, o.warn.rate, o.crit.rate, bounced,
		 o.warn.rate, o.crit.rate, f.attempts, f.cap_hits, f.open_config, f.open_suspected, f.perf);
	return say(s, text, perf);
}

const struct cmd cmd_check = {
	.name = "check",
	.summary = "monitoring plugin: open blocks, deferral and bounce rates, own health; exit 0-3",
	.exec = check_exec,
};
