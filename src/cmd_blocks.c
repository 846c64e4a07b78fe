/* cmd_blocks - `bouncewatch blocks [--open] [--since DUR] [--format text|json|csv]`
 *
 * Lists block episodes, open ones first: provider and pool, sending IP, category,
 * opened, last seen, cleared, refusals, first reply and advice, and what DNS
 * said when the episode opened (`tail --resolver`: the block lists about the
 * sending IP, the self-check of PTR/SPF/DKIM/DMARC). Reads the
 * store only (read-only mode); remote text is made printable in text
 * output and escaped in JSON and CSV. Exit 0, 1 on a store error, 2 usage.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "alert_opts.h"
#include "clock.h"
#include "cmd.h"
#include "cmd_args.h"
#include "json_str.h"
#include "log.h"
#include "report.h"
#include "store_dnsbl.h"
#include "store_episode.h"
#include "when.h"
#include "xmalloc.h"

enum fmt { F_TEXT, F_JSON, F_CSV };

static const char *nz(const char *s)
{
	return s ? s : "";
}

struct out {
	enum fmt fmt;
	unsigned n;
	struct store *st;
	int failed;			/* reading a self-check failed (said once) */
};

/* What DNS said when the episode opened (selfchecks, joined by episode). */
struct dns_said {
	char summary[1024], dnsbl[1024];
	int found;
};

static int keep_selfcheck(void *arg, const struct selfcheck_row *r)
{
	struct dns_said *d = arg;
	snprintf(d->summary, sizeof d->summary, "%s", nz(r->summary));
	snprintf(d->dnsbl, sizeof d->dnsbl, "%s", nz(r->dnsbl));
	d->found = 1;
	return 0;
}

static void usage(FILE *f)
{
	fprintf(f, "usage: bouncewatch blocks [--open] [--since TIME] [--format text|json|csv]\n"
		   "Block episodes (a provider refusing one sending IP), open ones first.\n"
		   "  --open          only the episodes still open\n"
		   "  --since TIME    only episodes open or seen since TIME: 7d (ago), today,\n"
		   "                  yesterday, 2026-11-28[T10:00], @EPOCH (as report --since)\n"
		   "  --format F      text (default), json (one array) or csv (with a header)\n");
}



static void print_json_str(const char *s)
{
	if (s == NULL) {
		fputs("null", stdout);
		return;
	}
	size_t n = strlen(s), cap = JSON_STR_MAX(n);
	char *b = xmalloc(cap);
	json_str(b, cap, s, n);
	fputs(b, stdout);
	free(b);
}

static void print_csv(const char *s, int last)
{
	s = nz(s);
	report_csv_field(stdout, s, strlen(s));
	putchar(last ? '\n' : ',');
}

static void print_text(const struct episode_row *e, const char *opened, const char *last,
		       const char *cleared, const struct dns_said *d)
{
	char a[300], p[300], b[300], c[64], reply[1024], advice[1024];
	int sub = e->pool && *e->pool && strcmp(e->pool, nz(e->provider)) != 0;
	int block = e->kind == NULL || strcmp(e->kind, EPISODE_KIND_BLOCK) == 0;
	int config = !block && strcmp(e->kind, EPISODE_KIND_CONFIG) == 0;
	printf("%s%s%s %s %s: %s%s%s since %s, last %s, %" PRId64 " refusal%s",
	       log_printable(nz(e->provider), strlen(nz(e->provider)), a, sizeof a), sub ? "/" : "",
	       sub ? log_printable(e->pool, strlen(e->pool), p, sizeof p) : "",
	       log_printable(nz(e->sending_ip), strlen(nz(e->sending_ip)), b, sizeof b),
	       log_printable(nz(e->category), strlen(nz(e->category)), c, sizeof c),
	       block ? "" : e->kind, block ? "" : " ", e->cleared < 0 ? "OPEN" : "cleared", opened, last, e->count, e->count == 1 ? "" : "s");
	if (e->cleared >= 0)
		printf(", cleared %s (%s)", cleared, nz(e->clear_reason));
	if (e->worded_as)	/* rules.h, ATTRIBUTION: the relay is not that provider's */
		printf("\n  worded like %s's refusals, from a relay that is not %s's",
		       log_printable(e->worded_as, strlen(e->worded_as), a, sizeof a), a);
	printf("\n  reply:  %s\n", log_printable(nz(e->first_reply), strlen(nz(e->first_reply)), reply,
						sizeof reply));
	if (e->evidence)
		printf("  evidence: %s\n", log_printable(e->evidence, strlen(e->evidence), advice,
							  sizeof advice));
	printf("  %s %s\n", config ? "fix:   " : "advice:",
	       e->advice ? log_printable(e->advice, strlen(e->advice), advice, sizeof advice) : "-");
	if (d->found) {
		char x[1100], y[1100];
		printf("  dns:    %s%s%s\n", log_printable(d->dnsbl, strlen(d->dnsbl), x, sizeof x),
		       *d->dnsbl && *d->summary ? "; " : "",
		       log_printable(d->summary, strlen(d->summary), y, sizeof y));
	}
}

static int row(void *arg, const struct episode_row *e)
{
	struct out *o = arg;
	char opened[32], last[32], cleared[32], count[32], err[512];
	struct dns_said d = { .found = 0 };
	if (store_selfcheck_for_episode(o->st, e->id, keep_selfcheck, &d, err, sizeof err) < 0 &&
	    !o->failed++)
		msg_info("blocks: %s", err);
	const char *cl = e->cleared >= 0 ? alert_time(e->cleared, cleared, sizeof cleared) : NULL;
	const char *vals[] = { e->provider, e->pool, e->sending_ip, e->category, e->categories,
		alert_time(e->opened, opened, sizeof opened), alert_time(e->last_seen, last, sizeof last),
		cl, e->clear_reason, count, e->first_reply, e->rule_id, e->advice, e->hosts,
		d.found ? d.dnsbl : NULL, d.found ? d.summary : NULL, e->worded_as,
		e->kind ? e->kind : EPISODE_KIND_BLOCK, e->evidence };
	static const char *const names[] = { "provider", "pool", "sending_ip", "category",
		"categories", "opened", "last_seen", "cleared", "clear_reason", "count", "first_reply",
		"rule_id", "advice", "hosts", "dnsbl", "selfcheck", "worded_as", "kind", "evidence" };
	const size_t n = sizeof names / sizeof *names;

	snprintf(count, sizeof count, "%" PRId64, e->count);
	if (o->fmt == F_TEXT) {
		print_text(e, vals[5], vals[6], cl, &d);
	} else if (o->fmt == F_CSV) {
		for (size_t i = 0; i < n; i++)
			print_csv(vals[i], i + 1 == n);
	} else {
		printf("%s\n  {\"episode\":%" PRId64, o->n ? "," : "", e->id);
		for (size_t i = 0; i < n; i++) {
			printf(",\"%s\":", names[i]);
			if (vals[i] == count)
				fputs(count, stdout);
			else
				print_json_str(vals[i]);
		}
		putchar('}');
	}
	o->n++;
	return 0;
}

static int newest_seen(void *arg, const struct episode_row *e)
{
	double *newest = arg;
	if (e->last_seen > *newest)
		*newest = e->last_seen;
	return 0;
}

/* After an empty listing over --since: whether the database holds any
 * episode, and if so when the newest was last seen and a --since that
 * shows it (stderr; stdout stays what the format says). */
static void empty_hint(struct store *st, double since)
{
	char err[256], day[32], at[64];
	double newest = -1;
	struct tm tm;
	time_t t;
	if (store_episode_list(st, 0, -1, newest_seen, &newest, err, sizeof err) < 0)
		return;
	if (newest < 0) {
		msg_info("blocks: the database holds no block episode: `bouncewatch scan LOG` or "
			 "`bouncewatch tail LOG` opens them as refusals are read");
		return;
	}
	t = (time_t)newest;
	if (since < 0 || newest >= since || localtime_r(&t, &tm) == NULL ||
	    strftime(day, sizeof day, "%Y-%m-%d", &tm) == 0)
		return;
	msg_info("blocks: no episode seen since the --since time; the newest was last seen at %s: "
		 "try --since %s", alert_time(newest, at, sizeof at), day);
}

enum { OPT_OPEN = CMD_OPT_OWN, OPT_SINCE, OPT_FORMAT };

static const struct option blocks_options[] = {
	{ "open", no_argument, NULL, OPT_OPEN },
	{ "since", required_argument, NULL, OPT_SINCE },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ 0 }
};
static const char *const formats[] = { "text", "json", "csv", NULL };	/* enum fmt's order */

static int blocks_exec(struct globals *g, int argc, char **argv)
{
	struct out o = { .fmt = F_TEXT };
	struct cmd_args a;
	double since = -1;
	int open_only = 0, rc = EXIT_OK, c, f;
	char err[1024];

	cmd_args_init(&a, g, argc, argv, NULL, blocks_options);
	while ((c = cmd_args_next(&a)) != -1) {
		if (c == 'h') {
			usage(stdout);
			return EXIT_OK;
		} else if (c == OPT_OPEN) {
			open_only = 1;
		} else if (c == OPT_SINCE) {
			if (cmd_args_time(&a, clock_now(), &since) < 0)
				return EXIT_USAGE;
		} else if (c == OPT_FORMAT && cmd_args_choice(&a, formats, &f) == 0) {
			o.fmt = (enum fmt)f;
		} else {
			goto usage;
		}
	}
	if (a.optind < argc) {
		msg_info("blocks: unexpected argument '%s'", argv[a.optind]);
		goto usage;
	}
	struct store *st = store_open(cmd_db_path(g), STORE_READ, err, sizeof err);
	if (st == NULL) {
		msg_info("%s", err);
		return EXIT_RUNTIME;
	}
	if (o.fmt == F_CSV)
		printf("provider,pool,sending_ip,category,categories,opened,last_seen,cleared,clear_reason,"
		       "count,first_reply,rule_id,advice,hosts,dnsbl,selfcheck,worded_as,kind,evidence\n");
	if (o.fmt == F_JSON)
		putchar('[');
	o.st = st;
	if (store_episode_list(st, open_only, since, row, &o, err, sizeof err) < 0) {
		msg_info("%s", err);
		rc = EXIT_RUNTIME;
	}
	if (o.failed)
		rc = EXIT_RUNTIME;
	if (o.fmt == F_JSON)
		printf("%s]\n", o.n ? "\n" : "");
	if (o.fmt == F_TEXT && o.n == 0 && rc == EXIT_OK)
		printf("no block episodes%s\n", open_only ? " open" : "");
	if (o.n == 0 && rc == EXIT_OK)
		empty_hint(st, since);
	store_free(st);
	return rc;
usage:
	usage(stderr);
	return EXIT_USAGE;
}

const struct cmd cmd_blocks = {
	.name = "blocks",
	.summary = "block episodes (provider, sending IP, since, advice), open first",
	.exec = blocks_exec,
};
