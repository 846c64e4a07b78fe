/* test_episode - the block episode state machine against a real SQLite file.
 * Deliveries and verdicts are built here, as the parser and the classifier
 * would hand them over; the store, episodes and alert rows are the real ones.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include "testutil.h"
#include <sqlite3.h>
#include "alert.h"
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

static void clears_on_success_from_same_host(void **state)
{
	struct fx *f = *state;
	struct verdict b = block_v("microsoft", "203.0.113.7", "blocklist");
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
	f->cfg.alert_on_clear = 1;
	feed(f, dlv(DS_BOUNCED, T0, "mx1", "hotmail.com"), block_v("microsoft", "203.0.113.7", "blocklist"));
	feed(f, dlv(DS_BOUNCED, T0, "mx1", "yahoo.com"), block_v("yahoo", "203.0.113.7", "rate"));
	feed(f, dlv(DS_BOUNCED, T0 + 2 * H, "mx1", "yahoo.com"), block_v("yahoo", "203.0.113.7", "rate"));
	/* any delivery 24h after microsoft's last block: the log's time clears it */
	feed(f, dlv(DS_DEFERRED, T0 + 24 * H, "mx1", "example.net"), plain_v(NULL));
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
	f->cfg.alert_on_clear = 1;
	/* announced open -> announced clear */
	feed(f, dlv(DS_BOUNCED, T0, "mx1", "hotmail.com"), block_v("microsoft", "203.0.113.7", "blocklist"));
	feed(f, dlv(DS_SENT, T0 + 5, "mx1", "hotmail.com"), plain_v("microsoft"));
	/* old open (not announced) -> its clear is not announced either */
	feed(f, dlv(DS_BOUNCED, T0 - 9 * H, "mx1", "gmail.com"), block_v("google", "203.0.113.7", "reputation"));
	feed(f, dlv(DS_SENT, T0 - 8 * H, "mx1", "gmail.com"), plain_v("google"));
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(opens_once_and_counts, setup, teardown),
		cmocka_unit_test_setup_teardown(key_from_capture_map_or_host, setup, teardown),
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
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
