/* cmd_snds - `bouncewatch snds fetch|import`: Microsoft SNDS into the store
 *
 *   snds fetch  [--snds-key KEY | --snds-key-file FILE] [--snds-url BASE]
 *               [--date MMDDYY] [--timeout SECS]
 *   snds import [--data FILE] [--status FILE]
 *
 * fetch GETs BASE/data.aspx?key=KEY[&date=MMDDYY] and BASE/ipStatus.aspx?key=KEY
 * through libcurl (http_get.c); import reads the same CSVs from files (a
 * saved feed, a feed fetched by other means). The key comes from the option,
 * a file (mode 0600 is yours to set), or $BOUNCEWATCH_SNDS_KEY, and is never
 * printed: every URL shown has key=***. Exit 0 when both feeds were stored,
 * 1 when a fetch or the store failed (the other feed is still stored), 2 on a
 * usage error or an unreadable file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "alert_opts.h"
#include "clock.h"
#include "cmd.h"
#include "cmd_args.h"
#include "feed_snds.h"
#include "http_get.h"
#include "log.h"
#include "feed_episode.h"
#include "xmalloc.h"

#define SNDS_DEFAULT_URL "https://sendersupport.olc.protection.outlook.com/snds/"
#define SNDS_KEY_MAX 256

struct snds_opts {
	const char *key, *key_file, *url, *date, *data_file, *status_file;
	long timeout;
};

static void usage(FILE *f)
{
	fprintf(f, "usage: bouncewatch snds fetch [--snds-key KEY|--snds-key-file FILE] [--snds-url BASE]\n"
		   "                             [--date MMDDYY] [--timeout SECS]\n"
		   "       bouncewatch snds import [--data FILE] [--status FILE]\n"
		   "Microsoft SNDS (Smart Network Data Services): the per-IP daily data and the\n"
		   "blocked ranges of your access key, stored in snds_data and snds_status.\n"
		   "A RED or YELLOW day, trap hits or a blocked range opens an episode for\n"
		   "Outlook.com (pool outlook-consumer) and that IP.\n"
		   "  --snds-key KEY        the Automated Data Access key (else $BOUNCEWATCH_SNDS_KEY)\n"
		   "  --snds-key-file FILE  read the key from FILE (keeps it out of ps)\n"
		   "  --snds-url BASE       feed location (default " SNDS_DEFAULT_URL ")\n"
		   "  --date MMDDYY         the data of that day (default: SNDS's latest)\n"
		   "  --timeout SECS        per request (default 60)\n"
		   "  --data FILE, --status FILE   import saved feeds instead of fetching\n"
		   "Episode and alert options as for scan:\n");
	alert_opts_usage(f);
}

static void warn_bad(void *arg, const char *feed, size_t line, const char *why)
{
	(void)arg;
	msg_warn("SNDS %s feed, line %zu: %s (record skipped)", feed, line, why);
}

static int read_key(const char *file, char *key, size_t cap)
{
	FILE *f = fopen(file, "r");
	size_t n;
	if (f == NULL) {
		msg_info("cannot read the SNDS key file %s: %m", file);
		return -1;
	}
	n = fread(key, 1, cap - 1, f);
	fclose(f);
	key[n] = '\0';
	key[strcspn(key, "\r\n")] = '\0';
	return 0;
}

/* The key may only hold what SNDS keys hold: letters, digits and '-'. */
static int key_ok(const char *k)
{
	if (*k == '\0')
		return 0;
	for (; *k; k++)
		if (!((*k >= 'a' && *k <= 'z') || (*k >= 'A' && *k <= 'Z') || (*k >= '0' && *k <= '9') ||
		      *k == '-'))
			return 0;
	return 1;
}

/* Parses `snds VERB` options (argv[0] is the verb); 1 --help, 0 go on, -1
 * a usage error (message printed). */
static int parse(struct globals *g, int argc, char **argv, struct snds_opts *o,
		 struct alert_cfg *ac)
{
	enum { OPT_KEY = CMD_OPT_OWN, OPT_KEY_FILE, OPT_URL, OPT_DATE, OPT_TIMEOUT, OPT_DATA,
	       OPT_STATUS };
	static const struct option opts[] = {
		{ "snds-key", required_argument, NULL, OPT_KEY },
		{ "snds-key-file", required_argument, NULL, OPT_KEY_FILE },
		{ "snds-url", required_argument, NULL, OPT_URL },
		{ "date", required_argument, NULL, OPT_DATE },
		{ "timeout", required_argument, NULL, OPT_TIMEOUT },
		{ "data", required_argument, NULL, OPT_DATA },
		{ "status", required_argument, NULL, OPT_STATUS },
		{ NULL, 0, NULL, 0 },
	};
	struct cmd_args a;
	int c;
	cmd_args_init(&a, g, argc, argv, NULL, opts);
	a.cmd = strcmp(argv[0], "fetch") == 0 ? "snds fetch" : "snds import";
	cmd_args_set(&a, &alert_optset, ac);
	while ((c = cmd_args_next(&a)) != -1) {
		switch (c) {
		case OPT_KEY: o->key = a.arg; break;
		case OPT_KEY_FILE: o->key_file = a.arg; break;
		case OPT_URL: o->url = a.arg; break;
		case OPT_DATE:
			if (strlen(a.arg) != 6 || strspn(a.arg, "0123456789") != 6)
				return cmd_args_bad(&a, "MMDDYY (e.g. 112826)");
			o->date = a.arg;
			break;
		case OPT_TIMEOUT:
			if (cmd_args_long(&a, 1, 3600, &o->timeout) < 0)
				return -1;
			break;
		case OPT_DATA: o->data_file = a.arg; break;
		case OPT_STATUS: o->status_file = a.arg; break;
		case 'h': return 1;
		default: return -1;
		}
	}
	if (a.optind != argc) {
		msg_info("%s: unexpected argument '%s'", a.cmd, argv[a.optind]);
		return -1;
	}
	return 0;
}

#define SNDS_ADVICE "https://sendersupport.olc.protection.outlook.com/snds/ (SNDS: the IP's data; " \
	"https://sender.office.com to request delisting)"

/* An SNDS signal as an episode fact of microsoft and that IP: warning signs
 * open (or continue) the episode, a GREEN day is evidence only. */
static int snds_signal_fact(void *arg, const struct snds_signal *s, char *err, size_t errlen)
{
	static const char *const kind[] = { [SNDS_FILTER] = "snds-filter",
		[SNDS_TRAPS] = "snds-traps", [SNDS_BLOCKED] = "snds-blocked" };
	struct feed_fact f = { "microsoft", "outlook-consumer", s->ip, s->ts, kind[s->kind], s->detail,
			       SNDS_ADVICE, !s->green };
	return feed_episode_fact(arg, &f, err, errlen);
}

struct run {
	struct store *st;
	struct feed_episodes *ep;
	struct feed_snds_stats s;
	int failed;
};

/* Stores one feed's bytes; says what happened. */
static void store_feed(struct run *r, int status, const char *buf, size_t len)
{
	char err[1024];
	double now = clock_now();
	int rc = status ? feed_snds_status(r->st, buf, len, now, snds_signal_fact, warn_bad,
					   r->ep, &r->s, err, sizeof err)
			: feed_snds_data(r->st, buf, len, now, snds_signal_fact, warn_bad, r->ep,
					 &r->s, err, sizeof err);
	if (rc < 0) {
		msg_info("SNDS %s feed not stored: %s", status ? "status" : "data", err);
		r->failed = 1;
	}
}

static int fetch_one(struct run *r, const struct snds_opts *o, const char *key, int status)
{
	const char *base = o->url ? o->url : SNDS_DEFAULT_URL;
	size_t n = strlen(base) + strlen(key) + 64;
	char *url = xmalloc(n), err[1024];
	struct http_opts ho = { .timeout_ms = o->timeout * 1000, .secret_param = "key" };
	struct http_body b;
	int slash = n > 0 && base[strlen(base) - 1] == '/';
	snprintf(url, n, "%s%s%s?key=%s%s%s", base, slash ? "" : "/",
		 status ? "ipStatus.aspx" : "data.aspx", key, o->date && !status ? "&date=" : "",
		 o->date && !status ? o->date : "");
	if (http_get(url, &ho, &b, err, sizeof err) < 0) {
		msg_info("SNDS %s feed: %s", status ? "status" : "data", err);
		r->failed = 1;
		free(url);
		return -1;
	}
	store_feed(r, status, b.data, b.len);
	free(b.data);
	free(url);
	return 0;
}

static int import_one(struct run *r, const char *path, int status)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	size_t len = 0, cap = 1 << 16, got;
	if (f == NULL) {
		msg_info("cannot read %s: %m", path);
		return -1;
	}
	buf = xmalloc(cap);
	while ((got = fread(buf + len, 1, cap - len, f)) > 0) {
		len += got;
		if (len == cap) {
			if (cap >= (64u << 20)) {
				msg_info("%s: larger than 64 MiB, not an SNDS feed", path);
				fclose(f);
				free(buf);
				return -1;
			}
			buf = xrealloc(buf, cap *= 2);
		}
	}
	fclose(f);
	store_feed(r, status, buf, len);
	free(buf);
	return 0;
}

static void summary(const struct run *r)
{
	msg_info("snds: data %zu row%s (%zu new), status %zu range%s (%zu new, %zu no longer listed), "
		 "%zu record%s skipped, %zu warning sign%s, %zu episode%s opened",
		 r->s.rows, r->s.rows == 1 ? "" : "s", r->s.new_rows, r->s.ranges,
		 r->s.ranges == 1 ? "" : "s", r->s.new_ranges, r->s.gone, r->s.skipped,
		 r->s.skipped == 1 ? "" : "s", r->s.signals, r->s.signals == 1 ? "" : "s",
		 feed_episode_opened(r->ep), feed_episode_opened(r->ep) == 1 ? "" : "s");
}

static int snds_exec(struct globals *g, int argc, char **argv)
{
	struct snds_opts o = { .timeout = 60 };
	struct alert_cfg ac;
	struct run r = { 0 };
	char key[SNDS_KEY_MAX], err[1024];
	int fetch, rc;

	if (argc < 2 || (strcmp(argv[1], "fetch") != 0 && strcmp(argv[1], "import") != 0)) {
		if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
			usage(stdout);
			return EXIT_OK;
		}
		usage(stderr);
		return EXIT_USAGE;
	}
	fetch = strcmp(argv[1], "fetch") == 0;
	alert_opts_init(&ac);
	if ((rc = parse(g, argc - 1, argv + 1, &o, &ac)) != 0) {
		alert_cfg_release(&ac);
		usage(rc > 0 ? stdout : stderr);
		return rc > 0 ? EXIT_OK : EXIT_USAGE;
	}
	if (fetch) {
		const char *k = o.key ? o.key : getenv("BOUNCEWATCH_SNDS_KEY");
		if (o.key_file) {
			if (read_key(o.key_file, key, sizeof key) < 0) {
				alert_cfg_release(&ac);
				return EXIT_USAGE;
			}
			k = key;
		}
		if (k == NULL || !key_ok(k)) {
			msg_info(k == NULL ? "snds fetch needs the access key: --snds-key, --snds-key-file "
					     "or BOUNCEWATCH_SNDS_KEY"
					   : "the SNDS key may only hold letters, digits and '-'");
			alert_cfg_release(&ac);
			return EXIT_USAGE;
		}
		if (k != key)
			snprintf(key, sizeof key, "%s", k);
	} else if (!o.data_file && !o.status_file) {
		msg_info("snds import needs --data FILE and/or --status FILE");
		alert_cfg_release(&ac);
		return EXIT_USAGE;
	}
	if ((r.st = store_open(cmd_db_path(g), STORE_WRITE, err, sizeof err)) == NULL ||
	    (r.ep = feed_episode_new(r.st, &ac, err, sizeof err)) == NULL) {
		msg_info("%s", err);
		store_free(r.st);
		alert_cfg_release(&ac);
		return EXIT_RUNTIME;
	}
	rc = EXIT_OK;
	if (fetch) {
		fetch_one(&r, &o, key, 0);
		fetch_one(&r, &o, key, 1);
	} else if ((o.data_file && import_one(&r, o.data_file, 0) < 0) ||
		   (o.status_file && import_one(&r, o.status_file, 1) < 0)) {
		rc = EXIT_USAGE;
	}
	memset(key, 0, sizeof key);
	summary(&r);
	if (feed_episode_finish(r.ep, err, sizeof err) < 0) {
		msg_info("%s", err);
		r.failed = 1;
	}
	feed_episode_free(r.ep);
	store_free(r.st);
	alert_cfg_release(&ac);
	return rc != EXIT_OK ? rc : r.failed ? EXIT_RUNTIME : EXIT_OK;
}

const struct cmd cmd_snds = { "snds", "fetch or import Microsoft SNDS data and blocked ranges",
			      snds_exec };
