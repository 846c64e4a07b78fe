/* cmd_tail - `bouncewatch tail [FILE...|-]`: follow mail logs for ever.
 *
 * Runs in the foreground (systemd style) and logs to stderr. The following
 * itself (checkpoints, retries; rotation in logpath.c) is follow.c; this file owns the
 * options, the signals and the housekeeping around it: SIGTERM / SIGINT
 * commit, write the rollups of the hours held open (as scan does at its
 * end) and exit 0, SIGHUP reloads the rules (keeping the old ones when
 * the new ones do not compile), episodes clear by the clock and alerts go
 * out after each commit, and retries at their back-off time.
 * Alert programs run beside the loop (alert.h's sender): SIGCHLD ends the
 * wait, which otherwise lasts until the nearest program timeout. On
 * SIGTERM running programs are killed and their alerts stay due for the
 * next start; at the end of stdin they are waited for.
 * Signal handlers only set flags; the loop reads them after each wait. The
 * loop's signals are let in only inside its wait (waitsig.h), so the wait
 * needs no timeout to notice one: an idle tail sleeps until a line, a
 * signal or a deadline (the clock's, a feed's, retention's) comes.
 */
#include <inttypes.h>
#include <signal.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "alert_opts.h"
#include "clock.h"
#include "cmd.h"
#include "cmd_args.h"
#include "config.h"
#include "dnstail.h"
#include "episode.h"
#include "feed_jobs.h"
#include "follow.h"
#include "ingest.h"
#include "ingest_journal.h"
#include "journal_opts.h"
#include "log.h"
#include "metrics.h"
#include "retain.h"
#include "store_report.h"
#include "store_selfmon.h"
#include "waitsig.h"
#include "xmalloc.h"

#define HOUSEKEEPING 30.0	/* seconds between episode ticks and alert retries */

static volatile sig_atomic_t got_stop, got_hup, got_chld;

static void on_signal(int sig)
{
	if (sig == SIGHUP)
		got_hup = 1;
	else if (sig == SIGCHLD)
		got_chld = 1;
	else
		got_stop = 1;
}

static void tail_usage(FILE *f)
{
	fprintf(f, "usage: bouncewatch tail [--poll SECONDS] [--batch-lines N] [--batch-ms MS]\n"
		   "                        [--grace SECONDS] [ALERT OPTIONS] FILE...|-\n"
		   "       bouncewatch tail --journal [--journal-dir DIR|--journal-file FILE]\n"
		   "                        [--identifier NAME]... [--unit UNIT]... [OPTIONS]\n"
		   "Follows mail logs (or stdin) for ever, through rotation (rename + create,\n"
		   "copytruncate, delete + recreate, rotation while stopped); resumes where it\n"
		   "stopped. SIGTERM/SIGINT: commit and exit 0. SIGHUP: reload the rules.\n"
		   "  --poll SECONDS    stat() the files every SECONDS instead of inotify\n"
		   "                    (network file systems; chosen automatically when\n"
		   "                    inotify cannot be set up)\n"
		   "  --batch-lines N   commit after N lines (default 5000)\n"
		   "  --batch-ms MS     commit MS ms after the first uncommitted line, or MS/10 ms\n"
		   "                    after the last one once caught up (default: 200, and\n"
		   "                    once caught up, at once or 10 ms after the last commit)\n"
		   "  --grace SECONDS   keep reading a rotated file until quiet this long (default 5)\n"
		   "  --retention DUR   delete delivery rows older than DUR (e.g. 90d) a batch at a\n"
		   "                    time between reads, and give the space back\n"
		   "  --metrics-file PATH  write metrics for node_exporter's textfile collector to\n"
		   "                    PATH (e.g. /var/lib/prometheus/node-exporter/bouncewatch.prom)\n"
		   "                    every minute and at the end, atomically\n"
		   "With no FILE and no --journal, the sources come from the configuration file\n"
		   "([sources] in bouncewatch.conf; see `bouncewatch config`).\n"
		   "  --snds-every DUR  fetch Microsoft SNDS every DUR (e.g. 6h), as `snds fetch`\n"
		   "                    does (key: BOUNCEWATCH_SNDS_KEY or --snds-key-file FILE;\n"
		   "                    --snds-url BASE)\n"
		   "  --arf-maildir DIR read new complaint reports from the Maildir DIR every\n"
		   "                    --arf-every DUR (default 1m), as `arf --maildir` does\n"
		   "Lines longer than %d bytes are cut and counted.\n", SOURCE_LINE_MAX);
	journal_cli_usage(f, 0);
	alert_opts_usage(f);
	fprintf(f, "With --resolver, tail checks the sending IP of each new episode against the\n"
		   "block lists and its own DNS (PTR, SPF, DKIM, DMARC) on a thread of its own,\n"
		   "and every --dnsbl-interval (6h) every --source-ip; a listing opens an episode.\n");
	dnscheck_usage(f);
}

static void note(void *arg, int warn, const char *msg)
{
	(void)arg;
	if (warn)
		msg_warn("%s", msg);
	else
		msg_info("%s", msg);
}

static void set_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;	/* no SA_RESTART: a signal ends the wait */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	/* poll() is never restarted after a handler: SIGCHLD ends the wait,
	 * and SA_RESTART keeps it from interrupting file and SQLite I/O. */
	sa.sa_flags = SA_RESTART | SA_NOCLDSTOP;
	sigaction(SIGCHLD, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

struct tail {
	struct globals *g;
	struct journal_cli jc;
	struct journal *j;
	struct store *st;
	struct rules *rules;
	struct ingest *ing;
	struct episodes *ep;
	struct follow *f;
	struct alert_cfg ac;
	struct alert_sender *q;
	struct dnscheck_cfg dc;	/* --resolver ...: DNS checks on (dnstail.h) */
	struct dnstail *dt;	/* NULL without --resolver */
	int dns_stored;		/* DNS results stored since the last dispatch */
	uint64_t dispatched_at;	/* commit count at the last alert dispatch */
	double housekept;
	double retry_at;	/* clock time of the next alert retry (INFINITY: none) */
	struct feed_jobs_cfg fj;	/* --snds-every, --arf-maildir ... */
	struct feed_jobs *jobs;	/* NULL when no feed is configured */
	struct retain ret;	/* --retention */
	const char *metrics_file;	/* --metrics-file; NULL: none */
	double metrics_at;	/* monotonic time of the next write */
	uint64_t alert_failures;	/* alert deliveries that failed */
	uint64_t caps_said;	/* episode cap hits (epcap.h) last warned of */
	double caps_said_at;	/* monotonic time of that warning */
};

/* Monotonic seconds, for the feed jobs' schedule. */
static double mono_now(void)
{
	return clock_mono();
}

/* The outside feeds beside the log: starts the due ones, reports the ended. */
static void feed_jobs_run(struct tail *t)
{
	struct feed_job_end ends[4];
	char err[512], why[640];
	int n;
	if (t->jobs == NULL)
		return;
	if ((n = feed_jobs_tick(t->jobs, mono_now(), ends, 4, err, sizeof err)) < 0)
		msg_warn("feeds: %s", err);
	if (n > 0)	/* alerts the children left due go out at the next housekeeping */
		t->dispatched_at = UINT64_MAX;
	for (int i = 0; i < n; i++)
		if (!run_ok(&ends[i].res)) {
			run_describe(&ends[i].res, ends[i].timeout, why, sizeof why);
			msg_warn("feeds: %s: %s; tried again later", ends[i].name, why);
		}
}

static void report_alerts(const struct alert_stats *as)
{
	char why[512];
	if (as->interrupted > 0)
		msg_info("%u alert program%s stopped; sent again at the next start", as->interrupted,
			 as->interrupted == 1 ? "" : "s");
	if (as->failed > 0)
		msg_warn("%u alert%s not delivered (%s); retried later", as->failed,
			 as->failed == 1 ? "" : "s",
			 log_printable(as->last_error, strlen(as->last_error), why, sizeof why));
}

/* Records ended alert programs and starts due alerts; outside a write
 * transaction only (uncommitted lines: reaped now, recorded next time).
 * Once stopping, no program starts (finish_alerts() records the rest). */
static void dispatch(struct tail *t)
{
	char err[1024];
	struct alert_stats as = { 0 };
	got_chld = 0;
	if (follow_pending(t->f) > 0 || (got_stop && t->ac.exec != NULL)) {
		alert_sender_reap(t->q);
		return;
	}
	if (t->dt && dnstail_hold(t->dt, alert_now(&t->ac))) {	/* a new episode's checks first */
		alert_sender_reap(t->q);
		return;
	}
	t->dns_stored = 0;
	if (alert_sender_pump(t->q, t->st, alert_now(&t->ac), &as, err, sizeof err) < 0)
		msg_warn("alerts: %s", err);
	else if (store_alert_next_retry(t->st, alert_now(&t->ac), &t->retry_at, err, sizeof err) < 0)
		msg_warn("alerts: %s", err);
	t->alert_failures += as.failed;
	report_alerts(&as);
}

/* SIGHUP: new rules for the lines that follow, or the old ones kept. */
static void reload_rules(struct tail *t)
{
	char err[1024];
	struct rules *r = cmd_load_rules(t->g);	/* prints its errors */
	if (r == NULL) {
		msg_warn("SIGHUP: the new rules do not compile; keeping the %zu rules in use",
			 rules_count(t->rules));
		return;
	}
	alert_opts_prefer_ips(&t->ac, r);
	follow_flush(t->f, err, sizeof err);	/* lines read so far keep the old verdicts */
	ingest_set_rules(t->ing, r);
	rules_free(t->rules);
	t->rules = r;
	if (store_sync_rules(t->st, r, err, sizeof err) < 0)
		msg_warn("SIGHUP: saving the rules table: %s", err);
	msg_info("SIGHUP: rules reloaded (%zu rules)", rules_count(r));
}

/* Finished DNS checks into the store (outside a write transaction), new
 * ones asked for. */
static void dns_step(struct tail *t, double now)
{
	char err[1024];
	int n;
	if (t->dt == NULL || !dnstail_due(t->dt, now))
		return;
	if (follow_pending(t->f) > 0 && follow_flush(t->f, err, sizeof err) < 0)
		return;	/* the store is busy: next time */
	if ((n = dnstail_step(t->dt, now, err, sizeof err)) < 0)
		msg_warn("dns: %s", err);
	else
		t->dns_stored += n;
}

/* The clock time of the next thing the clock alone makes due: an episode
 * quiet long enough to clear, a held clear alert, an alert retry; after a
 * failed tick (its deadline passed and stayed), HOUSEKEEPING after the last
 * one. INFINITY when nothing is due, or the clock is pinned (--now: it
 * never gets there by waiting). */
static double clock_due(const struct tail *t)
{
	double due = fmin(episode_next_due(t->ep), t->retry_at);
	if (t->ac.now > 0 || isinf(due))
		return INFINITY;
	return due > t->housekept ? due : t->housekept + HOUSEKEEPING;
}

/* Quiet episodes clear by the clock; due alerts (and retries) go out. */
static void housekeeping(struct tail *t, int force)
{
	char err[1024];
	double now = alert_now(&t->ac);
	const struct follow_stats *fs = follow_stats(t->f);
	dns_step(t, now);
	if (force || now - t->housekept >= HOUSEKEEPING || now >= clock_due(t)) {
		t->housekept = now;
		/* Flushed first, so a failed tick rolls back nothing but itself. */
		if (follow_flush(t->f, err, sizeof err) == 0 &&
		    episode_tick(t->ep, now, err, sizeof err) < 0) {
			msg_warn("episodes: %s", err);
			store_rollback(t->st);
			if (episode_reload(t->ep, err, sizeof err) < 0)
				msg_warn("episodes: %s", err);
		}
		follow_flush(t->f, err, sizeof err);
		dispatch(t);
		t->dispatched_at = fs->commits;
	} else if (fs->commits != t->dispatched_at || got_chld || alert_sender_wait_ms(t->q) == 0 ||
		   t->dns_stored > 0 || (t->dt && dnstail_wait_ms(t->dt) >= 0)) {
		t->dispatched_at = fs->commits;
		dispatch(t);
	}
}

/* Retention: one batch of old rows when due, between reads (outside a
 * write transaction; lines waiting to be committed go first). */
static void retention_step(struct tail *t)
{
	char err[1024];
	int done;
	if (retain_wait_ms(&t->ret, mono_now()) != 0)
		return;
	if (follow_pending(t->f) > 0 && follow_flush(t->f, err, sizeof err) < 0)
		return;	/* the store is busy: next time */
	if (retain_step(&t->ret, t->st, alert_now(&t->ac), mono_now(), &done, err, sizeof err) < 0)
		msg_warn("retention: %s; tried again in a minute", err);
	else if (done)
		msg_info("retention: %" PRId64 " delivery rows older than %.0f days deleted so far; "
			 "file %.2f MB -> %.2f MB; longest batch %.0f ms", t->ret.deleted, t->ret.age / 86400,
			 t->ret.pages_before * (double)t->ret.page_size / 1e6,
			 t->ret.pages_after * (double)t->ret.page_size / 1e6, t->ret.longest * 1000);
}

/* The metrics file, when due (force: now, at the end). */
static void metrics_step(struct tail *t, int force)
{
	char err[1024];
	struct metrics *m;
	struct store_health h;
	struct store_alert_health a;
	struct buf b;
	if (t->metrics_file == NULL || (!force && mono_now() < t->metrics_at))
		return;
	t->metrics_at = mono_now() + METRICS_EVERY;
	if (follow_pending(t->f) > 0 && follow_flush(t->f, err, sizeof err) < 0)
		return;	/* the store is busy: the next time */
	if (store_health(t->st, &h, err, sizeof err) < 0 || store_alert_health(t->st, &a, err, sizeof err) < 0) {
		msg_warn("metrics: %s", err);
		return;
	}
	const struct ingest_stats *s = ingest_stats(t->ing);
	const struct follow_stats *fs = follow_stats(t->f);
	m = xcalloc(1, sizeof *m);
	for (unsigned st = 0; st < DS__COUNT; st++)
		for (unsigned p = 0; p < INGEST_PROVIDERS_MAX; p++)
			if (s->stored[st][p] > 0)
				metrics_add_attempts(m, delivery_status_name(st), ingest_provider_name(t->ing, p),
						     s->stored[st][p]);
	m->lines = s->lines;
	m->not_understood = s->no_header + s->unparsed;
	m->last_line = h.sources > 0 ? h.newest_source : 0;
	m->last_delivery = h.newest_delivery > 0 ? h.newest_delivery : 0;
	m->open_episodes = a.open_episodes;
	m->commits = fs->commits;
	m->commit_seconds = fs->commit_seconds;
	m->alert_failures = t->alert_failures;
	m->alerts_undelivered = a.failing;
	m->episode_cap_hits = epcap_hits(episode_caps(t->ep));
	buf_init(&b);
	metrics_render(m, &b);
	if (metrics_write(t->metrics_file, buf_str(&b), strlen(buf_str(&b)), err, sizeof err) < 0)
		msg_warn("metrics: %s", err);
	buf_release(&b);
	free(m);
}

/* How long the next wait may last. */
/* The sooner of two waits in ms (-1: none). */
static int ms_min(int a, int b)
{
	return a < 0 ? b : b < 0 || a < b ? a : b;
}

/* Milliseconds from now to time `at` on a clock (0 when passed). */
static int ms_until(double at, double now)
{
	double ms = (at - now) * 1000;
	return ms <= 0 ? 0 : ms >= INT_MAX ? INT_MAX : (int)ms + 1;
}

/* How long the loop may sleep (-1: until something happens): until the
 * first of the alert programs, the feed jobs, retention, the metrics file,
 * the DNS checks, a cap warning held back, and the clock's deadlines. A
 * signal ends the sleep at once (waitsig.h), so an idle tail never wakes. */
static int wait_ms(const struct tail *t)
{
	int ms = alert_sender_wait_ms(t->q);
	double due = clock_due(t);
	ms = ms_min(ms, t->jobs ? feed_jobs_wait_ms(t->jobs, mono_now()) : -1);
	ms = ms_min(ms, retain_wait_ms(&t->ret, mono_now()));
	if (t->metrics_file)
		ms = ms_min(ms, ms_until(t->metrics_at, mono_now()));
	if (t->dt)
		ms = ms_min(ms, dnstail_wait_ms(t->dt));
	if (epcap_hits(episode_caps(t->ep)) != t->caps_said)
		ms = ms_min(ms, ms_until(t->caps_said_at, mono_now()));
	if (!isinf(due))
		ms = ms_min(ms, ms_until(due, alert_now(&t->ac)));
	return ms;
}

/* The end: on a stop signal, running alert programs are killed (their
 * alerts stay due); at the end of stdin they are waited for (a stop signal
 * still cuts the wait short). */
static void finish_alerts(struct tail *t)
{
	char err[1024];
	struct alert_stats as = { 0 };
	while (!got_stop && alert_sender_busy(t->q) > 0) {
		int ms = wait_ms(t);
		nanosleep(&(struct timespec){ .tv_nsec = (ms < 50 ? ms : 50) * 1000000L }, NULL);
		dispatch(t);
	}
	if (alert_sender_stop(t->q, t->st, alert_now(&t->ac), &as, err, sizeof err) < 0)
		msg_warn("alerts: %s", err);
	t->alert_failures += as.failed;
	report_alerts(&as);
}

enum { OPT_POLL = CMD_OPT_OWN, OPT_BATCH_LINES, OPT_BATCH_MS, OPT_GRACE, OPT_SNDS_EVERY,
       OPT_SNDS_URL, OPT_SNDS_KEY_FILE, OPT_ARF_MAILDIR, OPT_ARF_EVERY, OPT_RETENTION,
       OPT_METRICS_FILE };

static const struct option tail_options[] = {
	{ "poll", required_argument, NULL, OPT_POLL },
	{ "batch-lines", required_argument, NULL, OPT_BATCH_LINES },
	{ "batch-ms", required_argument, NULL, OPT_BATCH_MS },
	{ "grace", required_argument, NULL, OPT_GRACE },
	{ "snds-every", required_argument, NULL, OPT_SNDS_EVERY },
	{ "snds-url", required_argument, NULL, OPT_SNDS_URL },
	{ "snds-key-file", required_argument, NULL, OPT_SNDS_KEY_FILE },
	{ "arf-maildir", required_argument, NULL, OPT_ARF_MAILDIR },
	{ "arf-every", required_argument, NULL, OPT_ARF_EVERY },
	{ "retention", required_argument, NULL, OPT_RETENTION },
	{ "metrics-file", required_argument, NULL, OPT_METRICS_FILE },
	{ 0 }
};

/* One of tail's own options (c) with its value in a: 0, or -1 (message
 * printed). */
static int tail_opt(struct tail *t, struct follow_opts *o, struct cmd_args *a, int c)
{
	double v;
	long n;
	switch (c) {
	case OPT_POLL:
		if (cmd_args_double(a, 0, 86400, &v) < 0)
			return -1;
		if (v > 0) {	/* 0: inotify, the default */
			o->mode = WATCH_POLL;
			o->poll_seconds = v;
		}
		return 0;
	case OPT_BATCH_LINES:
		if (cmd_args_long(a, 1, 10000000, &n) < 0)
			return -1;
		o->batch_lines = (unsigned)n;
		return 0;
	case OPT_BATCH_MS:
		if (cmd_args_long(a, 1, 10000000, &n) < 0)
			return -1;
		o->batch_ms = (unsigned)n;
		o->idle_ms = n >= 10 ? (unsigned)n / 10 : 1;
		o->gap_ms = 0;
		return 0;
	case OPT_GRACE:
		return cmd_args_double(a, 0, 86400, &o->grace);
	case OPT_SNDS_EVERY:
	case OPT_ARF_EVERY:
		if (cmd_args_duration(a, 1, LONG_MAX, &n) < 0)
			return -1;
		*(c == OPT_SNDS_EVERY ? &t->fj.snds_every : &t->fj.arf_every) = (double)n;
		return 0;
	case OPT_RETENTION:
		if (cmd_args_duration(a, 3600, LONG_MAX, &n) < 0)
			return -1;
		retain_init(&t->ret, (double)n);
		return 0;
	case OPT_METRICS_FILE: t->metrics_file = a->arg; return 0;
	case OPT_SNDS_URL: t->fj.snds_url = a->arg; return 0;
	case OPT_SNDS_KEY_FILE: t->fj.snds_key_file = a->arg; return 0;
	case OPT_ARF_MAILDIR: t->fj.arf_maildir = a->arg; return 0;
	}
	return -1;
}

/* Parses the tail options into o (and t->ac, t->jc, t->dc); the files are
 * moved to argv[1..*nfiles]. 1 go on, 0 --help, -1 a usage error. */
static int parse_opts(struct tail *t, struct follow_opts *o, int argc, char **argv, int *nfiles)
{
	struct cmd_args a;
	int c;
	cmd_args_init(&a, t->g, argc, argv, NULL, tail_options);
	cmd_args_set(&a, &alert_optset, &t->ac);
	cmd_args_set(&a, &journal_optset, &t->jc);
	cmd_args_set(&a, &dns_optset_tail, &t->dc);
	while ((c = cmd_args_next(&a)) != -1) {
		if (c == 'h')
			return 0;
		if (c == '?' || tail_opt(t, o, &a, c) < 0)
			return -1;
	}
	*nfiles = argc - a.optind;
	memmove(argv + 1, argv + a.optind, (size_t)*nfiles * sizeof *argv);
	return 1;
}

static int tail_open(struct tail *t, const struct follow_opts *o)
{
	char err[1024];
	struct ingest_opts io = { .batch_lines = o->batch_lines };
	if ((t->rules = cmd_load_rules(t->g)) == NULL)
		return EXIT_USAGE;
	alert_opts_prefer_ips(&t->ac, t->rules);
	t->st = store_open(cmd_db_path(t->g), STORE_WRITE, err, sizeof err);
	if (t->st == NULL || store_sync_rules(t->st, t->rules, err, sizeof err) < 0 ||
	    (t->ep = episode_new(t->st, &t->ac, err, sizeof err)) == NULL) {
		msg_info("%s", err);
		return EXIT_RUNTIME;
	}
	io.episodes = t->ep;
	t->q = alert_sender_new(&t->ac);
	t->ing = ingest_new(t->st, t->rules, &io);
	t->f = follow_new(t->st, t->ing, t->ep, o, err, sizeof err);
	if (t->fj.snds_every > 0 || t->fj.arf_maildir) {
		static char exe[4096];
		ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
		if (n <= 0) {
			msg_info("tail: cannot find my own program for the feed jobs: %m");
			return EXIT_RUNTIME;
		}
		exe[n] = '\0';
		t->fj.exe = exe;
		t->fj.db = cmd_db_path(t->g);
		t->fj.rules = t->g->rules_dir;
		t->fj.clear_after = t->ac.clear_after;
		t->fj.alert_window = t->ac.alert_window;
		t->fj.min_interval = t->ac.min_interval;
		t->fj.env = t->ac.pass_env;
		t->jobs = feed_jobs_new(&t->fj);
	}
	if (t->dc.resolver_given &&
	    (t->dt = dnstail_new(t->st, t->ep, &t->ac, &t->dc, t->g->rules_dir, err, sizeof err)) == NULL) {
		msg_info("tail: %s", err);
		return EXIT_USAGE;
	}
	return EXIT_OK;
}

static void tail_close(struct tail *t)
{
	feed_jobs_free(t->jobs);
	dnstail_free(t->dt);	/* cancels the lookup in flight */
	follow_free(t->f);
	journal_free(t->j);	/* after the follower, which reads it */
	alert_sender_free(t->q);
	ingest_free(t->ing);
	episode_free(t->ep);
	store_free(t->st);
	rules_free(t->rules);
	alert_cfg_release(&t->ac);
}

#define CAPS_SAY_EVERY 60.0	/* seconds between two warnings of new cap hits */

/* Warns when block replies opened no episode because of a pool's cap
 * (epcap.h): at the first hit, then at most once a minute while more come. */
static void caps_step(struct tail *t, int force)
{
	char text[1024];
	uint64_t hits = epcap_hits(episode_caps(t->ep));
	if (hits == t->caps_said || (!force && mono_now() < t->caps_said_at))
		return;
	if (alert_opts_caps_text(t->ep, text, sizeof text))
		msg_warn("tail: episode cap hit: %s", text);
	t->caps_said = hits;
	t->caps_said_at = mono_now() + CAPS_SAY_EVERY;
}

static void print_summary(struct tail *t)
{
	const struct ingest_stats *s = ingest_stats(t->ing);
	const struct follow_stats *fs = follow_stats(t->f);
	msg_info("tail: %" PRIu64 " lines read, %" PRIu64 " deliveries stored (%" PRIu64
		 " block replies), %" PRIu64 " already stored; the MTA received %" PRIu64
		 " messages and rejected %" PRIu64 "; %" PRIu64 " lines cut at %d bytes; "
		 "%" PRIu64 " replies unclassified at the PCRE2 match limit; "
		 "%" PRIu64 " commits (%" PRIu64 " failed and retried); %" PRIu64 " rotations, %"
		 PRIu64 " truncations, %" PRIu64 " possible gaps", s->lines, s->deliveries, s->blocks,
		 s->duplicates, s->received, s->rejected, s->cut, SOURCE_LINE_MAX, s->limit_hits, fs->commits, fs->failed_commits,
		 fs->rotations, fs->truncations, fs->gaps);
}

/* The loop: until a stop signal or the end of stdin. */
static int tail_run(struct tail *t)
{
	static const int sigs[] = { SIGTERM, SIGINT, SIGHUP, SIGCHLD };
	char err[1024];
	int rc = EXIT_OK;
	waitsig_block(sigs, sizeof sigs / sizeof *sigs);	/* let in only while waiting */
	while (!got_stop && !follow_eof(t->f)) {
		if (follow_step(t->f, wait_ms(t), err, sizeof err) < 0) {
			msg_info("%s", err);
			rc = EXIT_RUNTIME;
			break;
		}
		if (got_hup) {
			got_hup = 0;
			reload_rules(t);
		}
		if (store_file_gone(t->st, err, sizeof err)) {
			/* Rows committed now would vanish at exit: stop, so that the
			 * service restarts on a new database that reads the log again. */
			msg_info("tail: %s; exiting", err);
			rc = EXIT_RUNTIME;
			break;
		}
		housekeeping(t, 0);
		feed_jobs_run(t);
		retention_step(t);
		metrics_step(t, 0);
		caps_step(t, 0);
	}
	waitsig_unblock();	/* the end's own waits are interrupted as before */
	/* Commit what was read; a store that stays locked gets a few tries. */
	for (int i = 0; follow_pending(t->f) > 0 && i < 5; i++) {
		if (follow_flush(t->f, err, sizeof err) == 0)
			break;
		nanosleep(&(struct timespec){ .tv_nsec = 200000000L * (i + 1) }, NULL);
	}
	if (follow_pending(t->f) > 0) {
		msg_info("tail: could not commit the last lines; they are read again at the next start");
		rc = EXIT_RUNTIME;
	} else if (store_close_hours(t->st, err, sizeof err) < 0) {
		/* Nothing is lost: readers take the open hours from the rows,
		 * the next writer rebuilds them. */
		msg_info("tail: %s; the next writer writes those hours' rollups", err);
	}
	housekeeping(t, 1);
	finish_alerts(t);
	metrics_step(t, 1);
	caps_step(t, 1);
	print_summary(t);
	return rc;
}

static int tail_exec(struct globals *g, int argc, char **argv)
{
	struct tail t = { .g = g };
	retain_init(&t.ret, 0);
	/* Default batching: a read pass that finds nothing more to read
	 * commits at once, or 10 ms after the last commit when lines keep
	 * coming (an isolated line is committed at once; a busy log in
	 * batches, at most 100 commits a second: every small commit rewrites
	 * whole pages, and the WAL's checkpoints sync them); a backlog that
	 * keeps the reader busy still commits every 200 ms or 5000 lines. */
	struct follow_opts o = { .mode = WATCH_AUTO, .poll_seconds = 1, .grace = 5,
				 .gap_ms = 10, .note = note };
	char err[1024];
	int nfiles, rc;

	alert_opts_init(&t.ac);
	dnscheck_cfg_init(&t.dc);
	if ((rc = parse_opts(&t, &o, argc, argv, &nfiles)) <= 0) {
		tail_usage(rc == 0 ? stdout : stderr);
		alert_cfg_release(&t.ac);
		return rc == 0 ? EXIT_OK : EXIT_USAGE;
	}
	char **src = NULL;
	if (nfiles == 0 && !t.jc.on) {	/* the sources of the configuration file */
		int n;
		src = config_sources(g->cfg, &n);
		if (n > 0) {
			memmove(src + 1, src, (size_t)(n + 1) * sizeof *src);
			src[0] = argv[0];
			if (parse_opts(&t, &o, n + 1, src, &nfiles) <= 0) {
				free(src);
				alert_cfg_release(&t.ac);
				return EXIT_USAGE;
			}
			argv = src;
		}
	}
	if (nfiles == 0 && !t.jc.on) {
		free(src);
		msg_info("tail: no file given (use - for stdin, or [sources] in the configuration)");
		tail_usage(stderr);
		alert_cfg_release(&t.ac);
		return EXIT_USAGE;
	}
	set_signals();
	if ((rc = tail_open(&t, &o)) != EXIT_OK)
		goto out;
	if (t.jc.on && ((t.j = journal_open(&t.jc.o, err, sizeof err)) == NULL ||
			follow_add_stream(t.f, ingest_journal_stream(t.ing, t.st, t.j), err,
					  sizeof err) < 0)) {
		msg_info("tail: %s", err);
		rc = t.j == NULL ? EXIT_USAGE : EXIT_RUNTIME;
		goto out;
	}
	for (int i = 1; i <= nfiles; i++)
		if (follow_add(t.f, argv[i], err, sizeof err) < 0) {
			msg_info("tail: %s", err);
			rc = EXIT_USAGE;
			goto out;
		}
	if (follow_mode(t.f) == WATCH_POLL && *follow_mode_note(t.f))
		msg_warn("tail: polling the files: %s", follow_mode_note(t.f));
	msg_debug("tail: following %d file%s", nfiles, nfiles == 1 ? "" : "s");
	t.housekept = alert_now(&t.ac);
	t.retry_at = INFINITY;
	if (store_alert_next_retry(t.st, t.housekept, &t.retry_at, err, sizeof err) < 0)
		msg_warn("alerts: %s", err);
	rc = tail_run(&t);
out:
	tail_close(&t);
	free(src);
	return rc;
}

const struct cmd cmd_tail = {
	.name = "tail",
	.summary = "follow mail logs for ever (rotation-safe, exactly once); alerts on new blocks",
	.exec = tail_exec,
};
