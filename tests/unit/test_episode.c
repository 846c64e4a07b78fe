/* test_episode - the block episode state machine against a real SQLite file.
 * Deliveries and verdicts are built here, as the parser and the classifier
 * would hand them over; the store, episodes and alert rows are the real ones.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include "testutil.h"
#include <sqlite3.h>
#include "alert.h"
#include "alert_opts.h"
#include "episode.h"
#include "store.h"

#define T0 1795857243.0	/* 2026-11-28T09:14:03Z */
#define H 3600.0

struct fx {
	char dir[64], db[96];
	struct store *st;
	struct alert_cfg cfg;
	struct episodes *ep;
	char err[512];
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	tu_mkdtemp(f->dir, sizeof f->dir, "episode");
	snprintf(f->db, sizeof f->db, "%s/t.db", f->dir);
	f->st = store_open(f->db, STORE_WRITE, f->err, sizeof f->err);
	assert_non_null(f->st);
	alert_cfg_init(&f->cfg);
	f->cfg.now = T0;
	f->ep = episode_new(f->st, &f->cfg, f->err, sizeof f->err);
	assert_non_null(f->ep);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	episode_free(f->ep);
	store_free(f->st);
	alert_cfg_release(&f->cfg);
	tu_rmtree(f->dir);
	free(f);
	return 0;
}

static const char S3140[] = "550 5.7.1 Unfortunately, messages from [203.0.113.7] weren't sent. "
	"Please contact your Internet service provider since part of their network is on our "
	"block list (S3140).";

/* One delivery: status, log time, log host, recipient domain. */
static struct delivery dlv(enum delivery_status s, double ts, const char *host, const char *domain)
{
	struct delivery d;
	delivery_reset(&d);
	d.ts = ts;
	d.status = s;
	d.host = str_cstr(host);
	d.mta = "postfix";
	snprintf(d.rcpt_domain, sizeof d.rcpt_domain, "%s", domain);
	if (s != DS_SENT)
		d.reply = str_cstr(S3140);
	return d;
}

static struct verdict block_v(const char *provider, const char *ip, const char *category)
{
	struct verdict v = { .rule_id = "microsoft-s3140", .provider = provider,
		.category = category, .block = 1, .advice = "https://sender.office.com" };
	snprintf(v.sending_ip, sizeof v.sending_ip, "%s", ip ? ip : "");
	return v;
}

static struct verdict plain_v(const char *provider)
{
	return (struct verdict){ .provider = provider };
}

/* One accepted delivery clears: for the tests about who may clear, not how often. */
static void one_accept_clears(struct fx *f)
{
	f->cfg.clear_accepts = 1;
	f->cfg.clear_span = 0;
}

static struct verdict pool_v(const char *provider, const char *pool, int block, const char *ip)
{
	struct verdict v = block ? block_v(provider, ip, "blocklist") : plain_v(provider);
	v.pool = pool;
	return v;
}

static void feed(struct fx *f, struct delivery d, struct verdict v)
{
	assert_int_equal(store_begin(f->st, f->err, sizeof f->err), 0);
	if (episode_observe(f->ep, &d, &v, f->err, sizeof f->err) != 0)
		fail_msg("observe: %s", f->err);
	assert_int_equal(store_commit(f->st, f->err, sizeof f->err), 0);
}

/* First column of the first row of sql, as an integer, read through its own connection. */
static long long q(struct fx *f, const char *sql)
{
	return tu_sql(f->db, sql, NULL, 0);
}

static void q_text(struct fx *f, const char *sql, char *out, size_t n)
{
	tu_sql(f->db, sql, out, n);
}

static void opens_once_and_counts(void **state)
{
	struct fx *f = *state;
	char t[256];
	feed(f, dlv(DS_BOUNCED, T0, "mx1", "hotmail.com"), block_v("microsoft", "203.0.113.7", "blocklist"));
	feed(f, dlv(DS_BOUNCED, T0 + 60, "mx1", "outlook.com"), block_v("microsoft", "203.0.113.7", "reputation"));
	feed(f, dlv(DS_DEFERRED, T0 + 90, "mx2", "live.com"), block_v("microsoft", "203.0.113.7", "blocklist"));
	assert_int_equal(q(f, "SELECT count(*) FROM episodes"), 1);
	assert_int_equal(q(f, "SELECT event_count FROM episodes"), 3);
	assert_int_equal(q(f, "SELECT last_seen - opened FROM episodes"), 90);
	q_text(f, "SELECT categories || '|' || hosts || '|' || key || '|' || rule_id FROM episodes", t, sizeof t);
	assert_string_equal(t, "blocklist reputation|mx1 mx2|microsoft 203.0.113.7|microsoft-s3140");
	q_text(f, "SELECT first_reply FROM episodes", t, sizeof t);
	assert_string_equal(t, S3140);
	assert_int_equal(q(f, "SELECT count(*) FROM alerts"), 1);
	assert_int_equal(q(f, "SELECT announce FROM alerts WHERE kind = 'open'"), 1);
	assert_int_equal(q(f, "SELECT count(*) FROM open_blocks"), 1);
	assert_int_equal(episode_open_count(f->ep), 1);
}

static void key_from_capture_map_or_host(void **state)
{
	struct fx *f = *state;
	char t[256];
	alert_cfg_add_source_ip(&f->cfg, "mx2", "198.51.100.2");
	feed(f, dlv(DS_BOUNCED, T0, "mx1", "gmail.com"), block_v("google", NULL, "reputation"));
	feed(f, dlv(DS_BOUNCED, T0, "mx2", "gmail.com"), block_v("google", NULL, "reputation"));
	feed(f, dlv(DS_BOUNCED, T0, "mx2", "gmail.com"), block_v("google", "192.0.2.9", "reputation"));
	/* no provider from the classifier: the recipient domain stands in */
	feed(f, dlv(DS_BOUNCED, T0, "mx1", "example.org"), block_v(NULL, "192.0.2.9", "blocklist"));
	assert_int_equal(q(f, "SELECT count(*) FROM episodes"), 4);
	q_text(f, "SELECT group_concat(key, ',') FROM (SELECT key FROM episodes ORDER BY id)", t, sizeof t);
	assert_string_equal(t, "google mx1,google 198.51.100.2,google 192.0.2.9,example.org 192.0.2.9");
}

/* A verdict of a rule that says block = no, in category cat. */
static struct verdict config_v(const char *provider, const char *ip, const char *cat)
{
	struct verdict v = block_v(provider, ip, cat);
	v.block = 0;
	v.rule_id = "google-ptr";
	v.advice = NULL;
	return v;
}

static void kind_of_a_refusal(void **state)
{
	struct delivery d = dlv(DS_BOUNCED, T0, "mx1", "gmail.com");
	struct verdict v = config_v("google", NULL, "ptr");
	(void)state;
	assert_string_equal(episode_kind_of(&d, &v), "CONFIG");
	v.category = "auth";
	d.status = DS_DEFERRED;
	assert_string_equal(episode_kind_of(&d, &v), "CONFIG");
	d.status = DS_SENT;	/* not a refusal */
	assert_null(episode_kind_of(&d, &v));
	d.status = DS_EXPIRED;	/* gave up: not a reply of the receiver */
	assert_null(episode_kind_of(&d, &v));
	d.status = DS_BOUNCED;
	v.category = "content";
	assert_null(episode_kind_of(&d, &v));
	v.category = "user-unknown";
	assert_null(episode_kind_of(&d, &v));
	v.category = NULL;	/* no rule */
	assert_null(episode_kind_of(&d, &v));
	v.block = 1;
	assert_string_equal(episode_kind_of(&d, &v), "BLOCK");
}

/* CONFIG and BLOCK of one pool and IP are two episodes, kept apart across a
 * reload; the fix is the rule's advice, else one by category. */
static void config_is_an_episode_of_its_own(void **state)
{
	struct fx *f = *state;
	char t[512];
	feed(f, dlv(DS_BOUNCED, T0, "mx1", "gmail.com"), config_v("google", "192.0.2.9", "ptr"));
	feed(f, dlv(DS_BOUNCED, T0 + 10, "mx1", "gmail.com"), block_v("google", "192.0.2.9", "reputation"));
	assert_int_equal(episode_reload(f->ep, f->err, sizeof f->err), 0);
	feed(f, dlv(DS_DEFERRED, T0 + 20, "mx1", "gmail.com"), config_v("google", "192.0.2.9", "auth"));
	feed(f, dlv(DS_BOUNCED, T0 + 30, "mx1", "gmail.com"), plain_v("google"));	/* no verdict */
	q_text(f, "SELECT group_concat(kind || '|' || key || '|' || event_count || '|' || categories, ',') "
		  "FROM (SELECT * FROM episodes ORDER BY id)", t, sizeof t);
	assert_string_equal(t, "CONFIG|google 192.0.2.9 CONFIG|2|ptr auth,BLOCK|google 192.0.2.9|1|reputation");
	q_text(f, "SELECT advice FROM episodes WHERE kind = 'CONFIG'", t, sizeof t);
	assert_non_null(strstr(t, "PTR record"));
	assert_int_equal(q(f, "SELECT count(*) FROM alerts WHERE kind = 'open' AND announce = 1"), 2);
	/* the same hysteresis clears both */
	one_accept_clears(f);
	feed(f, dlv(DS_SENT, T0 + 100, "mx1", "gmail.com"), plain_v("google"));
	assert_int_equal(q(f, "SELECT count(*) FROM episodes WHERE cleared IS NULL"), 0);
	assert_int_equal(episode_open_count(f->ep), 0);
}

/* SUSPECTED: opened by the detector with its evidence, continued, not a BLOCK. */
static void suspected_carries_its_evidence(void **state)
{
	struct fx *f = *state;
	struct delivery d = dlv(DS_BOUNCED, T0, "mx1", "example.net");
	struct verdict v = plain_v("example.net");
	char t[512];
	assert_int_equal(store_begin(f->st, f->err, sizeof f->err), 0);
	struct suspect_seen seen = { .recipients = 5, .since = T0 - 120, .evidence = "5 recipients" };
	assert_int_equal(episode_suspect(f->ep, &d, &v, &seen, f->err, sizeof f->err), 0);
	d.ts += 60;
	snprintf(seen.evidence, sizeof seen.evidence, "6 recipients");
	assert_int_equal(episode_suspect(f->ep, &d, &v, &seen, f->err, sizeof f->err), 0);
	assert_int_equal(store_commit(f->st, f->err, sizeof f->err), 0);
	q_text(f, "SELECT kind || '|' || key || '|' || event_count || '|' || evidence || '|' || (opened - "
		  "1795857243) || '|' || (last_seen - 1795857243) FROM episodes", t, sizeof t);
	/* opened at the first refusal counted, its recipients as refusals; then one more */
	assert_string_equal(t, "SUSPECTED|example.net mx1 SUSPECTED|6|5 recipients|-120.0|60.0");
}

static void clears_on_success_from_same_host(void **state)
{
	struct fx *f = *state;
	struct verdict b = block_v("microsoft", "203.0.113.7", "blocklist");
	one_accept_clears(f);
	feed(f, dlv(DS_BOUNCED, T0, "mx1", "hotmail.com"), b);
	feed(f, dlv(DS_BOUNCED, T0 + 100, "mx1", "hotmail.com"), b);
	/* not evidence: another provider, another log host, a line older than the last block,
	 * a deferral */
	feed(f, dlv(DS_SENT, T0 + 200, "mx1", "gmail.com"), plain_v("google"));
	feed(f, dlv(DS_SENT, T0 + 200, "mx9", "hotmail.com"), plain_v("microsoft"));
	feed(f, dlv(DS_SENT, T0 + 50, "mx1", "hotmail.com"), plain_v("microsoft"));
	feed(f, dlv(DS_DEFERRED, T0 + 200, "mx1", "hotmail.com"), plain_v("microsoft"));
	assert_int_equal(q(f, "SELECT count(*) FROM episodes WHERE cleared IS NULL"), 1);
	feed(f, dlv(DS_SENT, T0 + 300, "mx1", "outlook.com"), plain_v("microsoft"));
	assert_int_equal(q(f, "SELECT count(*) FROM episodes WHERE cleared IS NULL"), 0);
	assert_int_equal(q(f, "SELECT cleared - opened FROM episodes"), 300);
	assert_int_equal(q(f, "SELECT clear_reason = 'delivered' FROM episodes"), 1);
	assert_int_equal(q(f, "SELECT count(*) FROM alerts WHERE kind = 'clear'"), 0);	/* no --alert-on clear */
	/* a block after that opens a new episode */
	feed(f, dlv(DS_BOUNCED, T0 + 400, "mx1", "hotmail.com"), b);
	assert_int_equal(q(f, "SELECT count(*) FROM episodes"), 2);
	assert_int_equal(episode_open_count(f->ep), 1);
}

static void source_ip_mapping_guards_the_clear(void **state)
{
	struct fx *f = *state;
	one_accept_clears(f);
	alert_cfg_add_source_ip(&f->cfg, "mx1", "198.51.100.1");
	feed(f, dlv(DS_BOUNCED, T0, "mx1", "hotmail.com"), block_v("microsoft", "203.0.113.7", "blocklist"));
	/* mx1 sends from another IP: its success says nothing about 203.0.113.7 */
	feed(f, dlv(DS_SENT, T0 + 10, "mx1", "hotmail.com"), plain_v("microsoft"));
	assert_int_equal(q(f, "SELECT count(*) FROM episodes WHERE cleared IS NULL"), 1);
	feed(f, dlv(DS_BOUNCED, T0 + 20, "mx1", "hotmail.com"), block_v("microsoft", NULL, "blocklist"));
	feed(f, dlv(DS_SENT, T0 + 30, "mx1", "hotmail.com"), plain_v("microsoft"));
	assert_int_equal(q(f, "SELECT count(*) FROM episodes WHERE cleared IS NULL"), 1);
	assert_int_equal(q(f, "SELECT count(*) FROM episodes WHERE cleared IS NULL AND sending_ip = '203.0.113.7'"), 1);
}

static void quiet_clear_by_log_time_and_clock(void **state)
{
	struct fx *f = *state;
	double retry;
	f->cfg.alert_on_clear = 1;
	assert_true(isinf(episode_next_due(f->ep)));	/* nothing open: the clock has nothing to do */
	feed(f, dlv(DS_BOUNCED, T0, "mx1", "hotmail.com"), block_v("microsoft", "203.0.113.7", "blocklist"));
	assert_true(episode_next_due(f->ep) == T0 + 24 * H);
	/* its open alert is due now (undelivered): a retry time only after it */
	assert_int_equal(store_alert_next_retry(f->st, T0 - 1, &retry, f->err, sizeof f->err), 0);
	assert_true(retry == T0);
	assert_int_equal(store_alert_next_retry(f->st, T0, &retry, f->err, sizeof f->err), 0);
	assert_true(isinf(retry));
	feed(f, dlv(DS_BOUNCED, T0, "mx1", "yahoo.com"), block_v("yahoo", "203.0.113.7", "rate"));
	feed(f, dlv(DS_BOUNCED, T0 + 2 * H, "mx1", "yahoo.com"), block_v("yahoo", "203.0.113.7", "rate"));
	/* any delivery 24h after microsoft's last block: the log's time clears it */
	feed(f, dlv(DS_DEFERRED, T0 + 24 * H, "mx1", "example.net"), plain_v(NULL));
	/* microsoft's clear alert is held until an hour after its open alert
	 * (--min-interval); then yahoo's quiet deadline */
	assert_true(episode_next_due(f->ep) == T0 + H);
	assert_int_equal(episode_tick(f->ep, T0 + H, f->err, sizeof f->err), 0);
	assert_int_equal(store_commit(f->st, f->err, sizeof f->err), 0);
	assert_true(episode_next_due(f->ep) == T0 + 26 * H);
	assert_int_equal(q(f, "SELECT count(*) FROM episodes WHERE cleared IS NOT NULL"), 1);
	assert_int_equal(q(f, "SELECT cleared - last_seen FROM episodes WHERE provider = 'microsoft'"), 24 * 3600);
	assert_int_equal(q(f, "SELECT clear_reason = 'quiet' FROM episodes WHERE provider = 'microsoft'"), 1);
	/* the clock clears yahoo (the log went silent); nothing before it is due */
	assert_int_equal(episode_tick(f->ep, T0 + 25 * H, f->err, sizeof f->err), 0);
	assert_int_equal(store_commit(f->st, f->err, sizeof f->err), 0);
	assert_int_equal(q(f, "SELECT count(*) FROM episodes WHERE cleared IS NULL"), 1);
	assert_int_equal(episode_tick(f->ep, T0 + 26 * H, f->err, sizeof f->err), 0);
	assert_int_equal(store_commit(f->st, f->err, sizeof f->err), 0);
	assert_int_equal(q(f, "SELECT count(*) FROM episodes WHERE cleared IS NULL"), 0);
	assert_int_equal(episode_open_count(f->ep), 0);
	/* clear alerts were recorded; the clock was T0, the clears lie a day later:
	 * within the window (future counts as recent) they are announced */
	assert_int_equal(q(f, "SELECT count(*) FROM alerts WHERE kind = 'clear'"), 2);
}

static void backfill_is_recorded_not_announced(void **state)
{
	struct fx *f = *state;
	f->cfg.now = T0 + 20 * H;	/* read later, by a scan catching up */
	feed(f, dlv(DS_BOUNCED, T0, "mx1", "hotmail.com"), block_v("microsoft", "203.0.113.7", "blocklist"));
	feed(f, dlv(DS_BOUNCED, T0 + 60, "mx1", "hotmail.com"), block_v("microsoft", "203.0.113.7", "blocklist"));
	assert_int_equal(q(f, "SELECT announce FROM alerts"), 0);
	assert_int_equal(q(f, "SELECT note = 'old' FROM alerts"), 1);
	assert_int_equal(q(f, "SELECT due IS NULL FROM alerts"), 1);
	/* the same episode's block replies (within --clear-after of each other)
	 * reach the present: now it is news */
	feed(f, dlv(DS_BOUNCED, T0 + 10 * H, "mx1", "hotmail.com"), block_v("microsoft", "203.0.113.7", "blocklist"));
	assert_int_equal(q(f, "SELECT announce FROM alerts"), 0);
	feed(f, dlv(DS_BOUNCED, f->cfg.now - 60, "mx1", "hotmail.com"), block_v("microsoft", "203.0.113.7", "blocklist"));
	assert_int_equal(q(f, "SELECT count(*) FROM alerts"), 1);
	assert_int_equal(q(f, "SELECT announce FROM alerts"), 1);
	assert_int_equal(q(f, "SELECT note IS NULL AND due IS NOT NULL FROM alerts"), 1);
	assert_int_equal(episode_stats(f->ep)->announced, 1);
}

static void flapping_is_rate_limited(void **state)
{
	struct fx *f = *state;
	char t[128];
	struct verdict b = block_v("microsoft", "203.0.113.7", "blocklist");
	one_accept_clears(f);
	feed(f, dlv(DS_BOUNCED, T0, "mx1", "hotmail.com"), b);
	feed(f, dlv(DS_SENT, T0 + 60, "mx1", "hotmail.com"), plain_v("microsoft"));
	f->cfg.now = T0 + 600;
	feed(f, dlv(DS_BOUNCED, T0 + 600, "mx1", "hotmail.com"), b);
	/* another key is not limited by this one */
	feed(f, dlv(DS_BOUNCED, T0 + 600, "mx1", "gmail.com"), block_v("google", "203.0.113.7", "reputation"));
	q_text(f, "SELECT group_concat(announce || coalesce(note, ''), ',') FROM "
		  "(SELECT * FROM alerts ORDER BY id)", t, sizeof t);
	assert_string_equal(t, "1,0min-interval,1");
	/* later blocks of the limited episode, once the interval has passed, announce it */
	f->cfg.now = T0 + 1800;
	feed(f, dlv(DS_BOUNCED, T0 + 1800, "mx1", "hotmail.com"), b);
	q_text(f, "SELECT announce FROM alerts WHERE id = 2", t, sizeof t);
	assert_string_equal(t, "0");
	f->cfg.now = T0 + H + 1;
	feed(f, dlv(DS_BOUNCED, T0 + H + 1, "mx1", "hotmail.com"), b);
	q_text(f, "SELECT announce || coalesce(note, '') FROM alerts WHERE id = 2", t, sizeof t);
	assert_string_equal(t, "1");
}

static void restart_neither_forgets_nor_reopens(void **state)
{
	struct fx *f = *state;
	struct verdict b = block_v("microsoft", "203.0.113.7", "blocklist");
	one_accept_clears(f);
	feed(f, dlv(DS_BOUNCED, T0, "mx1", "hotmail.com"), b);
	episode_free(f->ep);
	store_free(f->st);
	f->st = store_open(f->db, STORE_WRITE, f->err, sizeof f->err);
	assert_non_null(f->st);
	f->ep = episode_new(f->st, &f->cfg, f->err, sizeof f->err);
	assert_non_null(f->ep);
	assert_int_equal(episode_open_count(f->ep), 1);
	feed(f, dlv(DS_BOUNCED, T0 + 10, "mx1", "hotmail.com"), b);
	assert_int_equal(q(f, "SELECT count(*) FROM episodes"), 1);
	assert_int_equal(q(f, "SELECT count(*) FROM alerts"), 1);
	assert_int_equal(q(f, "SELECT event_count FROM episodes"), 2);
	/* the hosts list survived the restart: mx1's success clears */
	feed(f, dlv(DS_SENT, T0 + 20, "mx1", "hotmail.com"), plain_v("microsoft"));
	assert_int_equal(q(f, "SELECT count(*) FROM episodes WHERE cleared IS NULL"), 0);
}

static void week_old_log_announces_nothing(void **state)
{
	struct fx *f = *state;
	one_accept_clears(f);
	f->cfg.alert_on_clear = 1;
	f->cfg.now = T0 + 7 * 24 * H;
	feed(f, dlv(DS_BOUNCED, T0, "mx1", "hotmail.com"), block_v("microsoft", "203.0.113.7", "blocklist"));
	feed(f, dlv(DS_SENT, T0 + H, "mx1", "hotmail.com"), plain_v("microsoft"));
	feed(f, dlv(DS_BOUNCED, T0 + 2 * H, "mx1", "hotmail.com"), block_v("microsoft", "203.0.113.7", "blocklist"));
	assert_int_equal(episode_tick(f->ep, f->cfg.now, f->err, sizeof f->err), 0);
	assert_int_equal(store_commit(f->st, f->err, sizeof f->err), 0);
	assert_int_equal(q(f, "SELECT count(*) FROM episodes WHERE cleared IS NOT NULL"), 2);
	assert_int_equal(q(f, "SELECT count(*) FROM alerts"), 4);
	assert_int_equal(q(f, "SELECT count(*) FROM alerts WHERE announce = 1"), 0);
}

static void rollback_then_reload(void **state)
{
	struct fx *f = *state;
	struct delivery d = dlv(DS_BOUNCED, T0, "mx1", "hotmail.com");
	struct verdict v = block_v("microsoft", "203.0.113.7", "blocklist");
	assert_int_equal(store_begin(f->st, f->err, sizeof f->err), 0);
	assert_int_equal(episode_observe(f->ep, &d, &v, f->err, sizeof f->err), 0);
	store_rollback(f->st);
	assert_int_equal(episode_reload(f->ep, f->err, sizeof f->err), 0);
	assert_int_equal(episode_open_count(f->ep), 0);
	feed(f, d, v);
	assert_int_equal(q(f, "SELECT count(*) FROM episodes"), 1);
	assert_int_equal(q(f, "SELECT count(*) FROM alerts"), 1);
}

static void clear_alert_follows_the_open_one(void **state)
{
	struct fx *f = *state;
	char t[64];
	one_accept_clears(f);
	f->cfg.alert_on_clear = 1;
	/* announced open -> announced clear */
	feed(f, dlv(DS_BOUNCED, T0, "mx1", "hotmail.com"), block_v("microsoft", "203.0.113.7", "blocklist"));
	feed(f, dlv(DS_SENT, T0 + 5, "mx1", "hotmail.com"), plain_v("microsoft"));
	/* old open (not announced) -> its clear is not announced either */
	feed(f, dlv(DS_BOUNCED, T0 - 9 * H, "mx1", "gmail.com"), block_v("google", "203.0.113.7", "reputation"));
	feed(f, dlv(DS_SENT, T0 - 8 * H, "mx1", "gmail.com"), plain_v("google"));
	q_text(f, "SELECT group_concat(kind || announce || coalesce(note, ''), ',') FROM "
		  "(SELECT * FROM alerts ORDER BY id)", t, sizeof t);
	/* the clear of an opening announced less than --min-interval ago is held */
	assert_string_equal(t, "open1,clear0hold,open0old,clear0unannounced");
	assert_int_equal(episode_tick(f->ep, T0 + H - 1, f->err, sizeof f->err), 0);
	assert_int_equal(store_commit(f->st, f->err, sizeof f->err), 0);
	assert_int_equal(q(f, "SELECT announce FROM alerts WHERE id = 2"), 0);
	assert_int_equal(episode_tick(f->ep, T0 + H, f->err, sizeof f->err), 0);
	assert_int_equal(store_commit(f->st, f->err, sizeof f->err), 0);
	q_text(f, "SELECT group_concat(kind || announce || coalesce(note, ''), ',') FROM "
		  "(SELECT * FROM alerts ORDER BY id)", t, sizeof t);
	assert_string_equal(t, "open1,clear1,open0old,clear0unannounced");
}

static void hostile_hosts_are_bounded(void **state)
{
	struct fx *f = *state;
	char host[600];
	memset(host, 'h', sizeof host - 1);
	host[sizeof host - 1] = '\0';
	host[3] = ' ';
	feed(f, dlv(DS_BOUNCED, T0, host, "hotmail.com"), block_v("microsoft", NULL, "blocklist"));
	assert_int_equal(q(f, "SELECT length(sending_ip) FROM episodes"), 255);
	assert_int_equal(q(f, "SELECT length(hosts) FROM episodes"), 0);	/* unfit as a list item */
	/* non-blocks with no open episode of their provider cost nothing and change nothing */
	feed(f, dlv(DS_SENT, T0 + 1, "mx1", "gmail.com"), plain_v("google"));
	feed(f, dlv(DS_DEFERRED, T0 + 1, "mx1", "gmail.com"), plain_v("google"));
	assert_int_equal(q(f, "SELECT count(*) FROM episodes WHERE cleared IS NULL"), 1);
}

/* An episode clears only after --clear-accepts accepted deliveries spanning
 * --clear-span (defaults 3 over 15 min), with no refusal in between: a
 * refusal within the hold-down continues it, and "since" stays. */
static void hysteresis_needs_repeated_accepts(void **state)
{
	struct fx *f = *state;
	struct verdict b = pool_v("microsoft", "outlook-consumer", 1, "203.0.113.7");
	struct verdict ok = pool_v("microsoft", "outlook-consumer", 0, NULL);
	assert_int_equal(f->cfg.clear_accepts, 3);
	assert_true(f->cfg.clear_span == 900);
	feed(f, dlv(DS_BOUNCED, T0, "mx1", "hotmail.com"), b);
	feed(f, dlv(DS_SENT, T0 + 60, "mx1", "hotmail.com"), ok);
	feed(f, dlv(DS_SENT, T0 + 120, "mx1", "outlook.com"), ok);
	assert_int_equal(q(f, "SELECT accepts FROM episodes"), 2);
	/* the block is back within the hold-down: the same episode */
	feed(f, dlv(DS_BOUNCED, T0 + 300, "mx1", "hotmail.com"), b);
	assert_int_equal(q(f, "SELECT count(*) FROM episodes"), 1);
	assert_int_equal(q(f, "SELECT accepts FROM episodes"), 0);
	/* three more, but within 200 s: not yet */
	feed(f, dlv(DS_SENT, T0 + 400, "mx1", "hotmail.com"), ok);
	feed(f, dlv(DS_SENT, T0 + 500, "mx1", "hotmail.com"), ok);
	feed(f, dlv(DS_SENT, T0 + 600, "mx1", "hotmail.com"), ok);
	assert_int_equal(q(f, "SELECT count(*) FROM episodes WHERE cleared IS NULL"), 1);
	assert_int_equal(q(f, "SELECT accepts FROM episodes"), 3);
	assert_int_equal(q(f, "SELECT accept_first - opened FROM episodes"), 400);
	/* the fourth, 15 min after the first of them: cleared there */
	feed(f, dlv(DS_SENT, T0 + 1300, "mx1", "live.com"), ok);
	assert_int_equal(q(f, "SELECT count(*) FROM episodes WHERE cleared IS NULL"), 0);
	assert_int_equal(q(f, "SELECT cleared - opened FROM episodes"), 1300);
	assert_int_equal(q(f, "SELECT event_count FROM episodes"), 2);
	assert_int_equal(q(f, "SELECT clear_reason = 'delivered' FROM episodes"), 1);
}

/* Episodes are kept per receiving pool: Microsoft 365 tenants accepting mail
 * say nothing about an Outlook.com consumer block, and refuse on their own. */
static void pools_keep_episodes_apart(void **state)
{
	struct fx *f = *state;
	char t[256];
	one_accept_clears(f);
	feed(f, dlv(DS_BOUNCED, T0, "mx1", "hotmail.com"), pool_v("microsoft", "outlook-consumer", 1, "203.0.113.7"));
	for (int i = 1; i <= 5; i++)
		feed(f, dlv(DS_SENT, T0 + 60 * i, "mx1", "contoso.example"), pool_v("microsoft", "m365", 0, NULL));
	assert_int_equal(q(f, "SELECT count(*) FROM episodes WHERE cleared IS NULL"), 1);
	feed(f, dlv(DS_BOUNCED, T0 + 400, "mx1", "fabrikam.example"), pool_v("microsoft", "m365", 1, "203.0.113.7"));
	assert_int_equal(q(f, "SELECT count(*) FROM episodes WHERE cleared IS NULL"), 2);
	q_text(f, "SELECT group_concat(provider || '|' || pool || '|' || key, ',') FROM (SELECT * FROM episodes ORDER BY id)",
	       t, sizeof t);
	assert_string_equal(t, "microsoft|outlook-consumer|outlook-consumer 203.0.113.7,microsoft|m365|m365 203.0.113.7");
	feed(f, dlv(DS_SENT, T0 + 500, "mx1", "outlook.com"), pool_v("microsoft", "outlook-consumer", 0, NULL));
	q_text(f, "SELECT group_concat(pool || (cleared IS NULL), ',') FROM (SELECT * FROM episodes ORDER BY id)",
	       t, sizeof t);
	assert_string_equal(t, "outlook-consumer0,m3651");
	q_text(f, "SELECT pool FROM open_blocks", t, sizeof t);
	assert_string_equal(t, "m365");
}

/* The accepts counted so far survive a restart. */
static void accepts_survive_a_restart(void **state)
{
	struct fx *f = *state;
	struct verdict b = pool_v("google", "gmail", 1, "203.0.113.7");
	struct verdict ok = pool_v("google", "gmail", 0, NULL);
	feed(f, dlv(DS_DEFERRED, T0, "mx1", "gmail.com"), b);
	feed(f, dlv(DS_SENT, T0 + 100, "mx1", "gmail.com"), ok);
	feed(f, dlv(DS_SENT, T0 + 200, "mx1", "gmail.com"), ok);
	episode_free(f->ep);
	f->ep = episode_new(f->st, &f->cfg, f->err, sizeof f->err);
	assert_non_null(f->ep);
	feed(f, dlv(DS_SENT, T0 + 1000, "mx1", "gmail.com"), ok);
	assert_int_equal(q(f, "SELECT count(*) FROM episodes WHERE cleared IS NULL"), 0);
	assert_int_equal(q(f, "SELECT cleared - opened FROM episodes"), 1000);
}

/* ---- the last word is the truth ---- */

enum ev { EV_BLOCK, EV_ACCEPT, EV_WAIT, EV__N };

struct word_fx {
	struct fx *f;
	FILE *rd;		/* reads the alert lines as they are delivered */
	char key[96];		/* "microsoft/outlook-consumer IP " */
	char last;		/* last line delivered for key: 'O', 'C' or 0 */
};

/* Delivers the due alerts at now and reads the new lines. */
static void deliver(struct word_fx *w, double now)
{
	struct alert_stats s;
	char line[4096];
	size_t n = strlen(w->key);
	if (alert_dispatch(w->f->st, &w->f->cfg, now, &s, w->f->err, sizeof w->f->err) != 0)
		fail_msg("dispatch: %s", w->f->err);
	fflush(w->f->cfg.out);
	clearerr(w->rd);
	while (fgets(line, sizeof line, w->rd))
		if (strncmp(line, "BLOCK OPEN ", 11) == 0 && strncmp(line + 11, w->key, n) == 0)
			w->last = 'O';
		else if (strncmp(line, "BLOCK CLEAR ", 12) == 0 && strncmp(line + 12, w->key, n) == 0)
			w->last = 'C';
}

/* Runs one sequence of events for its own sending IP, the clock at each
 * event (live), from t, and checks: while the block is open, the last alert
 * delivered for (pool, IP) says OPEN at once (an opening is never held
 * back); once held clears are due, the last alert delivered says what the
 * state is. Each sequence has its own key and its own days. */
static void run_sequence(struct word_fx *w, const enum ev *seq, size_t n, double t, double wait,
			 const char *label)
{
	struct fx *f = w->f;
	char ip[64];
	static unsigned seqno;
	snprintf(ip, sizeof ip, "2001:db8::%x", ++seqno);
	snprintf(w->key, sizeof w->key, "microsoft/outlook-consumer %s ", ip);
	w->last = 0;
	struct verdict b = pool_v("microsoft", "outlook-consumer", 1, ip);
	struct verdict ok = pool_v("microsoft", "outlook-consumer", 0, NULL);
	FILE *out = f->cfg.out;
	alert_cfg_release(&f->cfg);
	alert_cfg_init(&f->cfg);
	alert_cfg_add_source_ip(&f->cfg, "mx1", ip);	/* mx1 sends from ip */
	f->cfg.out = out;
	f->cfg.alert_on_clear = 1;
	f->cfg.clear_accepts = 2;
	f->cfg.clear_span = 300;
	f->cfg.clear_after = 3 * H;
	for (size_t i = 0; i < n; i++) {
		t += seq[i] == EV_WAIT ? wait : 60;
		f->cfg.now = t;
		if (seq[i] == EV_BLOCK)
			feed(f, dlv(DS_BOUNCED, t, "mx1", "hotmail.com"), b);
		else if (seq[i] == EV_ACCEPT)
			feed(f, dlv(DS_SENT, t, "mx1", "hotmail.com"), ok);
		assert_int_equal(episode_tick(f->ep, t, f->err, sizeof f->err), 0);
		assert_int_equal(store_commit(f->st, f->err, sizeof f->err), 0);
		deliver(w, t);
		if (q(f, "SELECT count(*) FROM episodes WHERE cleared IS NULL AND key LIKE '% 2001:db8:%'") > 1)
			fail_msg("%s: more than one open episode", label);
		if (episode_open_count(f->ep) > 0 && w->last != 'O')
			fail_msg("%s: after event %zu the block is open, the last alert says %c",
				 label, i, w->last ? w->last : '-');
	}
	t += 3600 + 1;	/* --min-interval: every held clear is due */
	f->cfg.now = t;
	assert_int_equal(episode_tick(f->ep, t, f->err, sizeof f->err), 0);
	assert_int_equal(store_commit(f->st, f->err, sizeof f->err), 0);
	deliver(w, t);
	char want = episode_open_count(f->ep) > 0 ? 'O' : 'C';
	if (!(w->last == want || (w->last == 0 && want == 'C')))
		fail_msg("%s: at the end the episode is %s, the last alert says %c", label,
			 want == 'O' ? "open" : "cleared", w->last ? w->last : '-');
	/* quiet: the episode (if open) clears before the next sequence's days */
	t += 4 * 3600;
	f->cfg.now = t;
	assert_int_equal(episode_tick(f->ep, t, f->err, sizeof f->err), 0);
	assert_int_equal(store_commit(f->st, f->err, sizeof f->err), 0);
	deliver(w, t);
	assert_int_equal(episode_open_count(f->ep), 0);
}

/* Every sequence of 6 events (block, accept, a wait) with two wait lengths,
 * then 150 random ones of 30 events; clears with --alert-on clear after 2
 * accepted deliveries over 5 min, quiet after 3 h, --min-interval 1 h. */
static void last_word_is_the_truth(void **state)
{
	struct fx *f = *state;
	struct word_fx w = { .f = f };
	enum ev seq[30];
	char label[64], path[160];
	double t = T0;
	snprintf(path, sizeof path, "%s/alerts.out", f->dir);
	FILE *out = fopen(path, "w");
	w.rd = fopen(path, "r");
	assert_non_null(out);
	assert_non_null(w.rd);
	f->cfg.out = out;
	for (int gap = 0; gap < 2; gap++)
		for (unsigned code = 0; code < 243; code++, t += 2 * 86400) {
			unsigned c = code;
			for (int i = 0; i < 5; i++, c /= 3)
				seq[i] = (enum ev)(c % 3);
			snprintf(label, sizeof label, "sequence %u, wait %s", code, gap ? "40m" : "4h");
			f->cfg.out = out;
			run_sequence(&w, seq, 5, t, gap ? 40 * 60 : 4 * H, label);
		}
	uint32_t r = 12345;
	for (int k = 0; k < 150; k++, t += 4 * 86400) {
		for (int i = 0; i < 30; i++) {
			r = r * 1103515245u + 12345u;
			seq[i] = (enum ev)((r >> 16) % EV__N);
		}
		snprintf(label, sizeof label, "random sequence %d", k);
		f->cfg.out = out;
		run_sequence(&w, seq, 30, t, (double)(((r >> 8) % 5) * 900 + 60), label);
	}
	fclose(w.rd);
	fclose(out);
	f->cfg.out = NULL;
}

/* Caps are per pool: a receiver not in providers.conf that refuses every
 * delivery with a block naming another IP fills its own share (EPCAP_UNLISTED),
 * counted and stored; a listed pool's block still opens, and a reload
 * (restart) keeps the counts from the store. */
static void caps_are_per_pool(void **state)
{
	struct fx *f = *state;
	char ip[32], t[128];
	const int n = EPCAP_UNLISTED + 40;
	assert_int_equal(store_begin(f->st, f->err, sizeof f->err), 0);
	for (int i = 0; i < n; i++) {
		struct delivery d = dlv(DS_BOUNCED, T0 + i, "mx1", "evil.example");
		struct verdict v = pool_v(NULL, "evil.example", 1, NULL);
		snprintf(ip, sizeof ip, "10.0.%d.%d", i / 256, i % 256);
		snprintf(v.sending_ip, sizeof v.sending_ip, "%s", ip);
		v.worded_as = "microsoft";
		v.foreign = 1;
		assert_int_equal(episode_observe(f->ep, &d, &v, f->err, sizeof f->err), 0);
	}
	assert_int_equal(store_commit(f->st, f->err, sizeof f->err), 0);
	assert_int_equal(q(f, "SELECT count(*) FROM episodes WHERE pool = 'evil.example'"), EPCAP_UNLISTED);
	assert_int_equal(q(f, "SELECT count(*) FROM episodes WHERE unlisted = 1 AND worded_as = 'microsoft'"),
			 EPCAP_UNLISTED);
	assert_int_equal(episode_stats(f->ep)->dropped, 40);
	q_text(f, "SELECT pool || ' ' || cap || ' ' || hits FROM episode_caps", t, sizeof t);
	snprintf(ip, sizeof ip, "evil.example %d 40", EPCAP_UNLISTED);
	assert_string_equal(t, ip);
	/* the real block of a listed pool opens and is announced */
	struct verdict v = pool_v("microsoft", "outlook-consumer", 1, "203.0.113.7");
	v.pool_listed = 1;
	feed(f, dlv(DS_BOUNCED, T0 + n, "mx1", "hotmail.com"), v);
	assert_int_equal(q(f, "SELECT count(*) FROM episodes e JOIN alerts a ON a.episode_id = e.id "
			      "WHERE e.pool = 'outlook-consumer' AND e.unlisted = 0 AND a.kind = 'open' "
			      "AND a.announce = 1"), 1);
	/* after a reload the pool is still full */
	assert_int_equal(episode_reload(f->ep, f->err, sizeof f->err), 0);
	struct verdict w = pool_v(NULL, "evil.example", 1, "10.9.9.9");
	feed(f, dlv(DS_BOUNCED, T0 + n + 1, "mx1", "evil.example"), w);
	assert_int_equal(q(f, "SELECT count(*) FROM episodes WHERE pool = 'evil.example'"), EPCAP_UNLISTED);
	assert_int_equal(q(f, "SELECT hits FROM episode_caps WHERE pool = 'evil.example'"), 41);
	assert_int_equal(epcap_hits(episode_caps(f->ep)), 41);
}

/* Feeds n block replies of the unlisted pool evil.example, each naming
 * another IP (from 10.1.x.y on, first + i), inside the open transaction. */
static void evil_blocks(struct fx *f, int first, int n)
{
	char ip[32];
	for (int i = first; i < first + n; i++) {
		struct delivery d = dlv(DS_BOUNCED, T0 + i, "mx1", "evil.example");
		struct verdict v = pool_v(NULL, "evil.example", 1, NULL);
		snprintf(ip, sizeof ip, "10.1.%d.%d", i / 256, i % 256);
		snprintf(v.sending_ip, sizeof v.sending_ip, "%s", ip);
		assert_int_equal(episode_observe(f->ep, &d, &v, f->err, sizeof f->err), 0);
	}
}

/* The cap hits counted in memory (the summary, the metrics) go back with a
 * batch that rolls back, as the episode_caps table does; the hits of the
 * batches committed before stay. */
static void cap_hits_roll_back_with_the_batch(void **state)
{
	struct fx *f = *state;
	const int n = EPCAP_UNLISTED;
	assert_int_equal(store_begin(f->st, f->err, sizeof f->err), 0);
	evil_blocks(f, 0, n + 3);		/* 3 hits, committed */
	assert_int_equal(store_commit(f->st, f->err, sizeof f->err), 0);
	assert_int_equal(store_begin(f->st, f->err, sizeof f->err), 0);
	evil_blocks(f, n + 3, 5);		/* 5 hits, rolled back */
	store_rollback(f->st);
	assert_int_equal(episode_reload(f->ep, f->err, sizeof f->err), 0);
	assert_int_equal(q(f, "SELECT hits FROM episode_caps WHERE pool = 'evil.example'"), 3);
	assert_int_equal(epcap_hits(episode_caps(f->ep)), 3);
	assert_int_equal(episode_stats(f->ep)->dropped, 3);
	/* one batch of 2 committed, then one of 4 rolled back: 5 in all */
	assert_int_equal(store_begin(f->st, f->err, sizeof f->err), 0);
	evil_blocks(f, n + 10, 2);
	assert_int_equal(store_commit(f->st, f->err, sizeof f->err), 0);
	assert_int_equal(store_begin(f->st, f->err, sizeof f->err), 0);
	evil_blocks(f, n + 20, 4);
	store_rollback(f->st);
	assert_int_equal(episode_reload(f->ep, f->err, sizeof f->err), 0);
	assert_int_equal(q(f, "SELECT hits FROM episode_caps WHERE pool = 'evil.example'"), 5);
	assert_int_equal(epcap_hits(episode_caps(f->ep)), 5);
	assert_int_equal(episode_stats(f->ep)->dropped, 5);
	char t[256];
	assert_int_equal(alert_opts_caps_text(f->ep, t, sizeof t), 1);
	assert_non_null(strstr(t, "5 block replies opened no episode: evil.example"));
}

/* The episode counters in memory (opened, cleared, announced: the summary,
 * the metrics, dnstail's "new episode" check) go back with a batch that
 * rolls back, as its rows do; those of the batches committed stay. */
static void counters_roll_back_with_the_batch(void **state)
{
	struct fx *f = *state;
	const struct episode_stats *es = episode_stats(f->ep);
	struct verdict a = block_v("microsoft", "203.0.113.7", "blocklist");
	struct verdict b = block_v("microsoft", "203.0.113.8", "blocklist");
	struct verdict c = block_v("microsoft", "203.0.113.9", "blocklist");
	one_accept_clears(f);
	f->cfg.alert_on_clear = 1;
	f->cfg.min_interval = 0;	/* a clear is announced at once */
	feed(f, dlv(DS_BOUNCED, T0 - 60, "mx1", "hotmail.com"), a);	/* 1 opened, announced */
	assert_int_equal(store_begin(f->st, f->err, sizeof f->err), 0);
	struct delivery d = dlv(DS_BOUNCED, T0 - 50, "mx2", "hotmail.com");
	assert_int_equal(episode_observe(f->ep, &d, &b, f->err, sizeof f->err), 0);
	d = dlv(DS_SENT, T0 - 40, "mx1", "hotmail.com");		/* clears a */
	struct verdict ok = plain_v("microsoft");
	assert_int_equal(episode_observe(f->ep, &d, &ok, f->err, sizeof f->err), 0);
	assert_int_equal(es->opened, 2);
	assert_int_equal(es->cleared, 1);
	store_rollback(f->st);
	assert_int_equal(episode_reload(f->ep, f->err, sizeof f->err), 0);
	assert_int_equal(q(f, "SELECT count(*) FROM episodes"), 1);
	assert_int_equal(es->opened, 1);
	assert_int_equal(es->cleared, 0);
	assert_int_equal(es->announced, q(f, "SELECT count(*) FROM alerts WHERE announce = 1"));
	/* a committed batch after a rolled-back one: both count once */
	assert_int_equal(store_begin(f->st, f->err, sizeof f->err), 0);
	d = dlv(DS_BOUNCED, T0 - 30, "mx3", "hotmail.com");
	assert_int_equal(episode_observe(f->ep, &d, &c, f->err, sizeof f->err), 0);
	d = dlv(DS_SENT, T0 - 20, "mx1", "hotmail.com");
	assert_int_equal(episode_observe(f->ep, &d, &ok, f->err, sizeof f->err), 0);
	assert_int_equal(store_commit(f->st, f->err, sizeof f->err), 0);
	assert_int_equal(store_begin(f->st, f->err, sizeof f->err), 0);
	d = dlv(DS_BOUNCED, T0 - 10, "mx2", "hotmail.com");
	assert_int_equal(episode_observe(f->ep, &d, &b, f->err, sizeof f->err), 0);
	store_rollback(f->st);
	assert_int_equal(episode_reload(f->ep, f->err, sizeof f->err), 0);
	assert_int_equal(es->opened, q(f, "SELECT count(*) FROM episodes"));
	assert_int_equal(es->opened, 2);
	assert_int_equal(es->cleared, q(f, "SELECT count(*) FROM episodes WHERE cleared IS NOT NULL"));
	assert_int_equal(es->cleared, 1);
	assert_int_equal(es->announced, q(f, "SELECT count(*) FROM alerts WHERE announce = 1"));
	assert_int_equal(es->announced, 3);
}

/* A refusal no rule knows, to recipient n of the PolicyShield pool. */
static void hold_reply(struct fx *f, int n, double ts)
{
	static const char hold[] = "550 5.7.0 Message refused by PolicyShield (ref 8812): sender "
		"server on hold";
	char rcpt[64];
	struct delivery d = dlv(DS_BOUNCED, ts, "mx1", "shield.example");
	struct verdict v = plain_v(NULL);
	snprintf(rcpt, sizeof rcpt, "user%d@shield.example", n);
	d.recipient = str_cstr(rcpt);
	d.reply = str_cstr(hold);
	assert_int_equal(episode_observe(f->ep, &d, &v, f->err, sizeof f->err), 0);
}

/* The no-rule detector's counters follow the batches like the episode
 * counters: a rolled-back batch's candidates and its shape are forgotten,
 * and the same lines read again after the retry count once. */
static void suspect_counters_roll_back_with_the_batch(void **state)
{
	struct fx *f = *state;
	const struct suspect_stats *ss = episode_suspect_stats(f->ep);
	assert_int_equal(f->cfg.suspect_recipients, 5);
	assert_int_equal(store_begin(f->st, f->err, sizeof f->err), 0);
	for (int i = 1; i <= 3; i++)
		hold_reply(f, i, T0 - 100 + i);
	assert_int_equal(store_commit(f->st, f->err, sizeof f->err), 0);
	for (int round = 0; round < 2; round++) {	/* rolled back, then read again */
		assert_int_equal(store_begin(f->st, f->err, sizeof f->err), 0);
		for (int i = 4; i <= 5; i++)
			hold_reply(f, i, T0 - 100 + i);
		assert_int_equal(ss->candidates, 5);
		assert_int_equal(ss->seen, 1);	/* the fifth recipient shows the shape */
		if (round == 1)
			break;
		store_rollback(f->st);
		assert_int_equal(episode_reload(f->ep, f->err, sizeof f->err), 0);
		assert_int_equal(q(f, "SELECT count(*) FROM episodes"), 0);
		assert_int_equal(ss->candidates, 3);
		assert_int_equal(ss->seen, 0);
		assert_int_equal(episode_stats(f->ep)->opened, 0);
	}
	assert_int_equal(store_commit(f->st, f->err, sizeof f->err), 0);
	assert_int_equal(q(f, "SELECT count(*) FROM episodes WHERE kind = 'SUSPECTED'"), 1);
	assert_int_equal(q(f, "SELECT event_count FROM episodes"), 5);	/* each refusal once */
	assert_int_equal(episode_stats(f->ep)->opened, 1);
	/* committed counts stay through a later rollback of nothing of theirs */
	assert_int_equal(store_begin(f->st, f->err, sizeof f->err), 0);
	hold_reply(f, 6, T0 - 90);
	store_rollback(f->st);
	assert_int_equal(episode_reload(f->ep, f->err, sizeof f->err), 0);
	assert_int_equal(ss->candidates, 5);
	assert_int_equal(ss->seen, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(opens_once_and_counts, setup, teardown),
		cmocka_unit_test_setup_teardown(key_from_capture_map_or_host, setup, teardown),
		cmocka_unit_test(kind_of_a_refusal),
		cmocka_unit_test_setup_teardown(config_is_an_episode_of_its_own, setup, teardown),
		cmocka_unit_test_setup_teardown(suspected_carries_its_evidence, setup, teardown),
		cmocka_unit_test_setup_teardown(clears_on_success_from_same_host, setup, teardown),
		cmocka_unit_test_setup_teardown(source_ip_mapping_guards_the_clear, setup, teardown),
		cmocka_unit_test_setup_teardown(quiet_clear_by_log_time_and_clock, setup, teardown),
		cmocka_unit_test_setup_teardown(backfill_is_recorded_not_announced, setup, teardown),
		cmocka_unit_test_setup_teardown(flapping_is_rate_limited, setup, teardown),
		cmocka_unit_test_setup_teardown(restart_neither_forgets_nor_reopens, setup, teardown),
		cmocka_unit_test_setup_teardown(week_old_log_announces_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(rollback_then_reload, setup, teardown),
		cmocka_unit_test_setup_teardown(clear_alert_follows_the_open_one, setup, teardown),
		cmocka_unit_test_setup_teardown(hostile_hosts_are_bounded, setup, teardown),
		cmocka_unit_test_setup_teardown(hysteresis_needs_repeated_accepts, setup, teardown),
		cmocka_unit_test_setup_teardown(pools_keep_episodes_apart, setup, teardown),
		cmocka_unit_test_setup_teardown(accepts_survive_a_restart, setup, teardown),
		cmocka_unit_test_setup_teardown(last_word_is_the_truth, setup, teardown),
		cmocka_unit_test_setup_teardown(caps_are_per_pool, setup, teardown),
		cmocka_unit_test_setup_teardown(cap_hits_roll_back_with_the_batch, setup, teardown),
		cmocka_unit_test_setup_teardown(counters_roll_back_with_the_batch, setup, teardown),
		cmocka_unit_test_setup_teardown(suspect_counters_roll_back_with_the_batch, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
