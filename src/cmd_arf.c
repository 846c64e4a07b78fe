/* cmd_arf - `bouncewatch arf [FILE...|-] [--maildir DIR]`: complaint reports
 *
 * Reads ARF (RFC 5965) and JMRP-style complaint reports from files, standard
 * input (one message) or a Maildir (new/ and cur/), and stores one row per
 * complaint (feed_arf.c). A report read again is not stored again (its
 * bytes' hash is its identity), so running it from cron over the same
 * Maildir is safe. Exit 0; 2 when a FILE argument is unreadable or is not a
 * complaint report (the others are still read; in a Maildir, messages that
 * are not reports are only counted, a feedback mailbox gets spam too); 1 on
 * a store error.
 */
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include "alert_opts.h"
#include "arf.h"
#include "clock.h"
#include "cmd.h"
#include "cmd_args.h"
#include "feed_arf.h"
#include "feed_episode.h"
#include "log.h"
#include "rules.h"
#include "store_feed.h"
#include "xmalloc.h"

static void usage(FILE *f)
{
	fprintf(f, "usage: bouncewatch arf [--maildir DIR] [FILE...|-]\n"
		   "Stores complaint reports (ARF, RFC 5965; Microsoft JMRP) in the complaints table:\n"
		   "source IP, reporting provider, envelope sender, recipient domain, Message-ID and\n"
		   "Subject of the original. A report already stored is not stored twice.\n"
		   "  --maildir DIR          read every message of DIR/new and DIR/cur\n"
		   "  --complaint-rate R     open an episode for an IP and provider when a day's\n"
		   "                         complaints / accepted deliveries reach R (0.003 or 0.3%%)\n"
		   "  --complaint-min N      ... with at least N accepted deliveries that day (default 20)\n"
		   "Complaints are kept as evidence on the open episode of their IP and provider.\n"
		   "Episode and alert options as for scan:\n");
	alert_opts_usage(f);
}

#define ARF_KEYS_MAX 4096	/* (day, IP, provider) judged per run */

struct key {
	char day[11], ip[64], reporter[64], pool[64];
	double ts;
};

struct run {
	struct store *st;
	struct rules *rules;
	struct feed_arf_stats s;
	int bad_input, store_failed;
	struct key *keys;
	size_t nkeys, keys_dropped;
	double rate;		/* --complaint-rate; 0: none */
	long min_accepted;
};

/* Remembers the (day, IP, provider) of a new complaint, once. */
static void remember(struct run *r, const struct arf_report *rep, const char *reporter)
{
	struct key k = { .ts = rep->arrival > 0 ? rep->arrival : clock_now() };
	time_t t = (time_t)k.ts;
	struct tm tm;
	if (!rep->source_ip[0] || !reporter || !*reporter)
		return;
	gmtime_r(&t, &tm);
	strftime(k.day, sizeof k.day, "%Y-%m-%d", &tm);
	snprintf(k.ip, sizeof k.ip, "%s", rep->source_ip);
	snprintf(k.reporter, sizeof k.reporter, "%s", reporter);
	/* the pool the complained-of mail went to, by its recipient domain
	 * (jane@outlook.com: outlook-consumer), else the reporter's own */
	char dom[256];
	arf_addr_domain(rep->rcpt, dom, sizeof dom);
	const char *pool = dom[0] ? rules_pool_for(r->rules, dom, STR_NULL) : NULL;
	snprintf(k.pool, sizeof k.pool, "%s", pool ? pool : reporter);
	for (size_t i = 0; i < r->nkeys; i++)
		if (!strcmp(r->keys[i].day, k.day) && !strcmp(r->keys[i].ip, k.ip) &&
		    !strcmp(r->keys[i].reporter, k.reporter))
			return;
	if (r->nkeys == ARF_KEYS_MAX) {
		r->keys_dropped++;
		return;
	}
	r->keys[r->nkeys++] = k;
}

/* Each (day, IP, provider) with new complaints: evidence on its open
 * episode, and an episode of its own when the rate reaches --complaint-rate. */
static int judge(struct run *r, struct feed_episodes *fe, char *err, size_t errlen)
{
	if (store_begin(r->st, err, errlen) < 0)
		return -1;
	for (size_t i = 0; i < r->nkeys; i++) {
		const struct key *k = &r->keys[i];
		int64_t n, acc;
		char detail[300];
		struct tm tm = { 0 };
		if (store_complaint_rate(r->st, k->day, k->ip, k->reporter, &n, &acc, err, errlen) < 0)
			return -1;
		double rate = acc > 0 ? (double)n / (double)acc : 0;
		snprintf(detail, sizeof detail,
			 "%lld complaint%s on %s from %s users about mail from %s; %lld accepted that day (rate %.2f%%)",
			 (long long)n, n == 1 ? "" : "s", k->day, k->reporter, k->ip, (long long)acc, rate * 100);
		strptime(k->day, "%Y-%m-%d", &tm);
		struct feed_fact f = { k->reporter, k->pool, k->ip, (double)timegm(&tm), "complaints", detail,
			"lower the complaint rate: check consent and list hygiene of the sending domain",
			r->rate > 0 && acc >= r->min_accepted && rate >= r->rate };
		if (feed_episode_fact(fe, &f, err, errlen) < 0)
			return -1;
	}
	return 0;
}

/* Reads at most ARF_INPUT_MAX + 1 bytes: a longer input is refused by
 * arf_parse without being held whole. NULL on a read error. */
static char *slurp(FILE *f, size_t *len)
{
	size_t cap = 1 << 16, n = 0, got;
	char *b = xmalloc(cap);
	while ((got = fread(b + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n > ARF_INPUT_MAX)
			break;
		if (n == cap)
			b = xrealloc(b, cap *= 2);
	}
	if (ferror(f)) {
		free(b);
		return NULL;
	}
	*len = n;
	return b;
}

/* One message; strict (an argument) or lenient (a Maildir entry). */
static void one(struct run *r, const char *path, FILE *f, int strict)
{
	struct arf_report rep;
	char err[1024], shown[600];
	size_t len;
	char *buf = slurp(f, &len);
	int rc;
	log_printable(path, strlen(path), shown, sizeof shown);
	if (buf == NULL) {
		msg_info("%s: read error: %m", shown);
		r->bad_input = 1;
		return;
	}
	const char *reporter = NULL;
	rc = feed_arf_one(r->st, r->rules, buf, len, clock_now(), &rep, &reporter, &r->s, err, sizeof err);
	if (rc == 1)
		remember(r, &rep, reporter);
	free(buf);
	if (rc == -2) {
		if (strict)
			r->bad_input = 1;
		msg_warn("%s: %s (skipped)", shown, err);
	} else if (rc == -1) {
		msg_info("%s: %s", shown, err);
		r->store_failed = 1;
	} else if (log_verbose) {
		char ip[80];
		msg_debug("%s: %s complaint from %s about %s%s", shown, rep.format,
			  rep.reporter_domain[0] ? rep.reporter_domain : "?",
			  log_printable(rep.source_ip, strlen(rep.source_ip), ip, sizeof ip),
			  rc == 0 ? " (already stored)" : "");
	}
}

static void one_path(struct run *r, const char *path, int strict)
{
	struct stat sb;
	FILE *f;
	if (strcmp(path, "-") == 0) {
		one(r, "standard input", stdin, strict);
		return;
	}
	if ((f = fopen(path, "rb")) == NULL || fstat(fileno(f), &sb) < 0 || !S_ISREG(sb.st_mode)) {
		if (f) {
			msg_info("%s: not a regular file", path);
			fclose(f);
		} else {
			msg_info("cannot read %s: %m", path);
		}
		r->bad_input = r->bad_input || strict;
		return;
	}
	one(r, path, f, strict);
	fclose(f);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every message file of DIR/new then DIR/cur, each directory in name order. */
static int maildir(struct run *r, const char *dir)
{
	static const char *const sub[] = { "new", "cur" };
	for (size_t k = 0; k < 2; k++) {
		size_t n = 0, cap = 64, plen = strlen(dir) + 8;
		char **names = xmalloc(cap * sizeof *names), *p = xmalloc(plen);
		struct dirent *e;
		DIR *d;
		snprintf(p, plen, "%s/%s", dir, sub[k]);
		if ((d = opendir(p)) == NULL) {
			msg_info("%s is not a Maildir: cannot open %s: %m", dir, p);
			free(p);
			free(names);
			return -1;
		}
		while ((e = readdir(d)) != NULL) {
			if (e->d_name[0] == '.')
				continue;
			if (n == cap)
				names = xrealloc(names, (cap *= 2) * sizeof *names);
			size_t fl = plen + strlen(e->d_name) + 2;
			names[n] = xmalloc(fl);
			snprintf(names[n++], fl, "%s/%s", p, e->d_name);
		}
		closedir(d);
		qsort(names, n, sizeof *names, by_name);
		for (size_t i = 0; i < n; i++) {
			one_path(r, names[i], 0);
			free(names[i]);
		}
		free(names);
		free(p);
	}
	return 0;
}

static int arf_exec(struct globals *g, int argc, char **argv)
{
	enum { OPT_MAILDIR = CMD_OPT_OWN, OPT_RATE, OPT_MIN };
	static const struct option opts[] = {
		{ "maildir", required_argument, NULL, OPT_MAILDIR },
		{ "complaint-rate", required_argument, NULL, OPT_RATE },
		{ "complaint-min", required_argument, NULL, OPT_MIN },
		{ NULL, 0, NULL, 0 },
	};
	const char *dir = NULL;
	struct run r = { .min_accepted = 20 };
	struct feed_episodes *fe = NULL;
	struct alert_cfg ac;
	struct cmd_args a;
	char err[4096];
	int c, rc;

	alert_opts_init(&ac);
	cmd_args_init(&a, g, argc, argv, NULL, opts);
	cmd_args_set(&a, &alert_optset, &ac);
	while ((c = cmd_args_next(&a)) != -1) {
		if (c == 'h') {
			usage(stdout);
			alert_cfg_release(&ac);
			return EXIT_OK;
		}
		if (c == OPT_MAILDIR)
			dir = a.arg;
		else if (!(c == OPT_RATE && cmd_args_rate(&a, 0.0001, 1, &r.rate) == 0) &&
			 !(c == OPT_MIN && cmd_args_long(&a, 0, LONG_MAX, &r.min_accepted) == 0))
			goto usage;
	}
	if (dir == NULL && a.optind >= argc) {
		msg_info("arf needs a FILE, - or --maildir DIR");
		goto usage;
	}
	if ((r.rules = cmd_load_rules(g)) == NULL) {
		alert_cfg_release(&ac);
		return EXIT_USAGE;
	}
	if ((r.st = store_open(cmd_db_path(g), STORE_WRITE, err, sizeof err)) == NULL ||
	    (fe = feed_episode_new(r.st, &ac, err, sizeof err)) == NULL) {
		msg_info("%s", err);
		store_free(r.st);
		rules_free(r.rules);
		alert_cfg_release(&ac);
		return EXIT_RUNTIME;
	}
	r.keys = xmalloc(ARF_KEYS_MAX * sizeof *r.keys);
	if (dir && maildir(&r, dir) < 0)
		r.bad_input = 1;
	for (int i = a.optind; i < argc && !r.store_failed; i++)
		one_path(&r, argv[i], 1);
	msg_info("arf: %zu report%s read, %zu complaint%s stored, %zu already stored, %zu skipped",
		 r.s.read, r.s.read == 1 ? "" : "s", r.s.stored, r.s.stored == 1 ? "" : "s",
		 r.s.duplicate, r.s.skipped);
	if (r.keys_dropped)
		msg_warn("complaints of %zu more (day, IP, provider) not judged this run (at most %d)",
			 r.keys_dropped, ARF_KEYS_MAX);
	if (!r.store_failed && (judge(&r, fe, err, sizeof err) < 0 ||
				feed_episode_finish(fe, err, sizeof err) < 0)) {
		store_rollback(r.st);
		msg_info("%s", err);
		r.store_failed = 1;
	}
	rc = r.store_failed ? EXIT_RUNTIME : r.bad_input ? EXIT_USAGE : EXIT_OK;
	free(r.keys);
	feed_episode_free(fe);
	store_free(r.st);
	rules_free(r.rules);
	alert_cfg_release(&ac);
	return rc;
usage:
	alert_cfg_release(&ac);
	usage(stderr);
	return EXIT_USAGE;
}

const struct cmd cmd_arf = { "arf", "store complaint reports (ARF, JMRP) from files or a Maildir",
			     arf_exec };
