/* test_alert - JSON strings, the run function and alert delivery, for real:
 * a SQLite file in a temporary directory and a small shell script run with
 * fork + execve that records its environment and stdin into files.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>
#include "testutil.h"
#include <sqlite3.h>
#include "alert.h"
#include "json_str.h"
#include "run.h"
#include "store_episode.h"

#define T0 1795857243.0	/* 2026-11-28T09:14:03Z */

struct fx {
	char dir[64], db[128], prog[128];
	struct store *st;
	struct alert_cfg cfg;
	char err[512];
};

static void write_file(const char *path, const char *text, int mode)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	chmod(path, (mode_t)mode);
}

/* Contents of dir/name into out ("" if missing). */
static size_t slurp(const struct fx *f, const char *name, char *out, size_t n)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", f->dir, name);
	FILE *fp = fopen(path, "r");
	size_t k = 0;
	if (fp) {
		k = fread(out, 1, n - 1, fp);
		fclose(fp);
	}
	out[k] = '\0';
	return k;
}

/* The recording program: each run n writes env.n and stdin.n, then exits
 * with the number in the file `exit` (0 if none), after sleeping `sleep` s. */
static const char PROG[] =
	"#!/bin/sh\n"
	"d=\"$BOUNCEWATCH_TESTDIR\"\n"
	"n=$(cat \"$d/count\" 2>/dev/null || echo 0); n=$((n + 1)); echo $n > \"$d/count\"\n"
	"env > \"$d/env.$n\"\n"
	"cat > \"$d/stdin.$n\"\n"
	"[ -f \"$d/sleep\" ] && sleep \"$(cat \"$d/sleep\")\"\n"
	"[ -f \"$d/exit\" ] && { echo \"failing on purpose\" >&2; exit \"$(cat \"$d/exit\")\"; }\n"
	"exit 0\n";

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	char env[160];
	tu_mkdtemp(f->dir, sizeof f->dir, "alert");
	snprintf(f->db, sizeof f->db, "%s/t.db", f->dir);
	snprintf(f->prog, sizeof f->prog, "%s/prog.sh", f->dir);
	write_file(f->prog, PROG, 0755);
	f->st = store_open(f->db, STORE_WRITE, f->err, sizeof f->err);
	assert_non_null(f->st);
	alert_cfg_init(&f->cfg);
	f->cfg.now = T0;
	f->cfg.timeout = 5;
	snprintf(env, sizeof env, "BOUNCEWATCH_TESTDIR=%s", f->dir);
	f->cfg.pass_env = calloc(3, sizeof(char *));
	f->cfg.pass_env[0] = strdup(env);
	f->cfg.pass_env[1] = strdup("BOUNCEWATCH_EVENT=forged");	/* ours wins */
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	store_free(f->st);
	alert_cfg_release(&f->cfg);
	tu_rmtree(f->dir);
	free(f);
	return 0;
}

static long long q(struct fx *f, const char *sql)
{
	return tu_sql(f->db, sql, NULL, 0);
}

/* An open episode with its announced open alert; returns the alert id. */
static int64_t make_alert_ip(struct fx *f, const char *reply, int announce, const char *ip)
{
	char key[64];
	snprintf(key, sizeof key, "outlook-consumer %s", ip);
	struct episode_row e = { .provider = "microsoft", .pool = "outlook-consumer", .sending_ip = ip, .key = key, .category = "blocklist", .categories = "blocklist",
		.opened = T0, .last_seen = T0 + 120, .count = 3, .first_reply = reply,
		.rule_id = "microsoft-s3140", .advice = "https://sender.office.com", .hosts = "mx1" };
	int64_t id = store_episode_open(f->st, &e, f->err, sizeof f->err);
	assert_true(id > 0);
	int64_t a = store_alert_add(f->st, id, "open", T0 + 120, announce, NULL, f->err, sizeof f->err);
	assert_true(a > 0);
	return a;
}

static int64_t make_alert(struct fx *f, const char *reply, int announce)
{
	return make_alert_ip(f, reply, announce, "203.0.113.7");
}

static void dispatch(struct fx *f, double now, struct alert_stats *s)
{
	if (alert_dispatch(f->st, &f->cfg, now, s, f->err, sizeof f->err) != 0)
		fail_msg("dispatch: %s", f->err);
}

/* ---- JSON strings ---- */

static void json_escapes_everything_needed(void **state)
{
	char out[256];
	static const char in[] = "a\"b\\c\n\r\t\b\f\x01\x1f\x7f/\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80";
	size_t n = json_str(out, sizeof out, in, sizeof in - 1);
	assert_string_equal(out, "\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0001\\u001f\\u007f/\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"");
	assert_int_equal(n, strlen(out));
}

static void json_replaces_invalid_utf8(void **state)
{
	char out[256];
	/* lone continuation, overlong '/', surrogate U+D800, > U+10FFFF, truncated 3-byte, 0xff */
	static const char in[] = "x\x80y\xc0\xafz\xed\xa0\x80w\xf4\x90\x80\x80v\xe2\x82";
	json_str(out, sizeof out, in, sizeof in - 1);
	assert_string_equal(out, "\"x\\ufffdy\\ufffd\\ufffdz\\ufffd\\ufffd\\ufffdw"
			    "\\ufffd\\ufffd\\ufffd\\ufffdv\\ufffd\\ufffd\"");
	json_str(out, sizeof out, "\xff", 1);
	assert_string_equal(out, "\"\\ufffd\"");
	/* the documented bound holds for the worst input */
	char worst[64], big[JSON_STR_MAX(64)];
	memset(worst, 0x01, sizeof worst);
	assert_true(json_str(big, sizeof big, worst, sizeof worst) < sizeof big);
}

static void json_cut_like_snprintf(void **state)
{
	char out[8];
	size_t n = json_str(out, sizeof out, "abcdefghij", 10);
	assert_int_equal(n, 12);
	assert_string_equal(out, "\"abcdef");
	assert_int_equal(json_str(NULL, 0, "\"", 1), 4);
}

/* ---- the run function ---- */

static void run_feeds_stdin_and_sets_env(void **state)
{
	struct fx *f = *state;
	struct run_result r;
	char buf[4096], envv[128];
	snprintf(envv, sizeof envv, "BOUNCEWATCH_TESTDIR=%s", f->dir);
	char *const env[] = { envv, "ONLY=this", NULL };
	assert_int_equal(run_program(f->prog, env, "hello\n", 6, 5, &r, f->err, sizeof f->err), 0);
	assert_true(run_ok(&r));
	slurp(f, "stdin.1", buf, sizeof buf);
	assert_string_equal(buf, "hello\n");
	slurp(f, "env.1", buf, sizeof buf);
	assert_non_null(strstr(buf, "ONLY=this\n"));
	assert_null(strstr(buf, "HOME="));	/* nothing inherited */
}

static void run_reports_failure_and_missing_program(void **state)
{
	struct fx *f = *state;
	struct run_result r;
	char d[600], path[200];
	char *const env[] = { NULL };
	snprintf(path, sizeof path, "%s/fail.sh", f->dir);
	write_file(path, "#!/bin/sh\necho 'bad thing' >&2\nexit 3\n", 0755);
	assert_int_equal(run_program(path, env, NULL, 0, 5, &r, f->err, sizeof f->err), 0);
	assert_false(run_ok(&r));
	run_describe(&r, 5, d, sizeof d);
	assert_string_equal(d, "exit status 3: bad thing");
	snprintf(path, sizeof path, "%s/nope", f->dir);
	assert_int_equal(run_program(path, env, "x", 1, 5, &r, f->err, sizeof f->err), 0);
	assert_int_equal(r.exit_code, 127);
	assert_non_null(strstr(r.stderr_head, "cannot execute"));
}

static double mono(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

static void run_kills_after_timeout(void **state)
{
	struct fx *f = *state;
	struct run_result r;
	char path[200], d[200];
	char *const env[] = { "PATH=/usr/bin:/bin", NULL };
	snprintf(path, sizeof path, "%s/slow.sh", f->dir);
	write_file(path, "#!/bin/sh\nsleep 30\n", 0755);
	double t = mono();
	assert_int_equal(run_program(path, env, NULL, 0, 1, &r, f->err, sizeof f->err), 0);
	assert_true(mono() - t < 1 + RUN_KILL_GRACE + 1);
	assert_true(r.timed_out);
	run_describe(&r, 1, d, sizeof d);
	assert_string_equal(d, "timed out after 1 s");
	/* a program that ignores SIGTERM is killed after the grace period */
	write_file(path, "#!/bin/sh\ntrap '' TERM\nwhile :; do sleep 1; done\n", 0755);
	t = mono();
	assert_int_equal(run_program(path, env, NULL, 0, 1, &r, f->err, sizeof f->err), 0);
	assert_true(r.timed_out);
	assert_true(mono() - t >= 1 + RUN_KILL_GRACE - 0.5);
	assert_true(mono() - t < 1 + RUN_KILL_GRACE + 2);
}

static void run_survives_program_not_reading_stdin(void **state)
{
	struct fx *f = *state;
	struct run_result r;
	char path[200];
	size_t n = 1 << 20;
	char *big = malloc(n);
	char *const env[] = { NULL };
	memset(big, 'x', n);
	snprintf(path, sizeof path, "%s/deaf.sh", f->dir);
	write_file(path, "#!/bin/sh\nexit 0\n", 0755);
	assert_int_equal(run_program(path, env, big, n, 5, &r, f->err, sizeof f->err), 0);
	assert_true(run_ok(&r));
	free(big);
}

/* ---- announcing and delivering ---- */

static void announce_rules(void **state)
{
	struct fx *f = *state;
	const char *note;
	assert_true(alert_should_announce(&f->cfg, T0, T0 - 3599, -1, &note));
	assert_null(note);
	assert_false(alert_should_announce(&f->cfg, T0, T0 - 3601, -1, &note));
	assert_string_equal(note, "old");
	assert_true(alert_should_announce(&f->cfg, T0, T0 + 60, -1, &note));
	assert_false(alert_should_announce(&f->cfg, T0, T0, T0 - 1800, &note));
	assert_string_equal(note, "min-interval");
	assert_true(alert_should_announce(&f->cfg, T0, T0, T0 - 3600, &note));
	assert_true(alert_backoff(1, 2) == 30 && alert_backoff(2, 2) == 60 && alert_backoff(3, 2) == 120);
	assert_true(alert_backoff(8, 2) == 3600 && alert_backoff(100, 2) == 3600 && alert_backoff(1, 40) == 42 && alert_backoff(1, 30) == 32);
}

static void line_env_and_json(void **state)
{
	struct fx *f = *state;
	struct alert_stats s;
	char line[2048], buf[8192], path[200];
	static const char reply[] = "550 5.7.1 Unfortunately, messages from [203.0.113.7] weren't sent. (S3140)";
	snprintf(path, sizeof path, "%s/lines", f->dir);
	f->cfg.out = fopen(path, "w+");
	f->cfg.exec = f->prog;
	make_alert(f, reply, 1);
	dispatch(f, T0 + 121, &s);
	assert_int_equal(s.sent, 1);
	fclose(f->cfg.out);
	slurp(f, "lines", line, sizeof line);
	assert_string_equal(line, "BLOCK OPEN microsoft/outlook-consumer 203.0.113.7 blocklist since 2026-11-28T09:14:03Z "
			    "(3 refusals): 550 5.7.1 Unfortunately, messages from [203.0.113.7] weren't "
			    "sent. (S3140) \u2014 advice: https://sender.office.com\n");
	slurp(f, "env.1", buf, sizeof buf);
	static const char *const want[] = { "BOUNCEWATCH_EVENT=open\n", "BOUNCEWATCH_PROVIDER=microsoft\n",
		"BOUNCEWATCH_SENDING_IP=203.0.113.7\n", "BOUNCEWATCH_POOL=outlook-consumer\n",
		"BOUNCEWATCH_CATEGORY=blocklist\n",
		"BOUNCEWATCH_ADVICE=https://sender.office.com\n", "BOUNCEWATCH_FIRST_SEEN=2026-11-28T09:14:03Z\n",
		"BOUNCEWATCH_LAST_SEEN=2026-11-28T09:16:03Z\n", "BOUNCEWATCH_COUNT=3\n",
		"BOUNCEWATCH_EPISODE=1\n", "BOUNCEWATCH_RULE=microsoft-s3140\n", "PATH=/usr/bin:/bin\n",
		"BOUNCEWATCH_REPLY=550 5.7.1 Unfortunately, messages from [203.0.113.7] weren't sent. (S3140)\n" };
	for (size_t i = 0; i < sizeof want / sizeof *want; i++)
		if (strstr(buf, want[i]) == NULL)
			fail_msg("missing %s in\n%s", want[i], buf);
	assert_null(strstr(buf, "forged"));
	slurp(f, "stdin.1", buf, sizeof buf);
	assert_non_null(strstr(buf, "{\"event\":\"open\",\"provider\":\"microsoft\",\"sending_ip\":\"203.0.113.7\","
				    "\"pool\":\"outlook-consumer\","));
	assert_non_null(strstr(buf, "\"reply\":\"550 5.7.1 Unfortunately, messages from [203.0.113.7] weren't sent. (S3140)\""));
	assert_non_null(strstr(buf, "\"count\":3,\"episode\":1,\"rule\":\"microsoft-s3140\""));
	assert_non_null(strstr(buf, "\"cleared\":null"));
	assert_int_equal(q(f, "SELECT delivered IS NOT NULL AND attempts = 1 FROM alerts"), 1);
	/* delivered: never again */
	dispatch(f, T0 + 9999, &s);
	assert_int_equal(s.sent + s.failed, 0);
	slurp(f, "count", buf, sizeof buf);
	assert_string_equal(buf, "1\n");
}

static void hostile_reply_runs_nothing(void **state)
{
	struct fx *f = *state;
	struct alert_stats s;
	char reply[1024], buf[8192], marker[200], want[1100];
	snprintf(marker, sizeof marker, "%s/pwned", f->dir);
	snprintf(reply, sizeof reply, "550 \"quoted\" 'single' $(touch %s) `touch %s` ; touch %s | "
		 "& > < \\ \x01\x1b[31m \xff end", marker, marker, marker);
	f->cfg.exec = f->prog;
	make_alert(f, reply, 1);
	dispatch(f, T0 + 121, &s);
	assert_int_equal(s.sent, 1);
	assert_int_equal(access(marker, F_OK), -1);
	slurp(f, "env.1", buf, sizeof buf);
	snprintf(want, sizeof want, "BOUNCEWATCH_REPLY=%s\n", reply);
	assert_non_null(strstr(buf, want));
	slurp(f, "stdin.1", buf, sizeof buf);
	assert_non_null(strstr(buf, "550 \\\"quoted\\\" 'single' $(touch "));
	assert_non_null(strstr(buf, "\\\\ \\u0001\\u001b[31m \\ufffd end\""));
}

static void failure_is_retried_with_backoff(void **state)
{
	struct fx *f = *state;
	struct alert_stats s;
	char path[200], buf[64];
	snprintf(path, sizeof path, "%s/exit", f->dir);
	write_file(path, "1\n", 0644);
	f->cfg.exec = f->prog;
	make_alert(f, "550 no", 1);
	make_alert_ip(f, "550 not announced", 0, "203.0.113.8");
	dispatch(f, T0 + 200, &s);
	assert_int_equal(s.failed, 1);
	assert_string_equal(s.last_error, "exit status 1: failing on purpose");
	assert_int_equal(q(f, "SELECT attempts = 1 AND delivered IS NULL AND due = 1795857473 "
			      "AND last_error = 'exit status 1: failing on purpose' FROM alerts WHERE id = 1"), 1);
	dispatch(f, T0 + 229, &s);	/* not due yet */
	assert_int_equal(s.failed + s.sent, 0);
	dispatch(f, T0 + 230, &s);
	assert_int_equal(s.failed, 1);
	assert_int_equal(q(f, "SELECT due - 1795857473 FROM alerts WHERE id = 1"), 60);
	/* a restart: a new store handle, the program fixed */
	store_free(f->st);
	f->st = store_open(f->db, STORE_WRITE, f->err, sizeof f->err);
	assert_non_null(f->st);
	unlink(path);
	dispatch(f, T0 + 290, &s);
	assert_int_equal(s.sent, 1);
	assert_int_equal(q(f, "SELECT attempts = 3 AND delivered = 1795857533 FROM alerts WHERE id = 1"), 1);
	assert_int_equal(q(f, "SELECT delivered IS NULL AND attempts = 0 FROM alerts WHERE id = 2"), 1);
	slurp(f, "count", buf, sizeof buf);
	assert_string_equal(buf, "3\n");
}

static void timeout_is_a_failure(void **state)
{
	struct fx *f = *state;
	struct alert_stats s;
	char path[200];
	snprintf(path, sizeof path, "%s/sleep", f->dir);
	write_file(path, "20\n", 0644);
	f->cfg.exec = f->prog;
	f->cfg.timeout = 1;
	make_alert(f, "550 slow", 1);
	dispatch(f, T0 + 200, &s);
	assert_int_equal(s.failed, 1);
	assert_string_equal(s.last_error, "timed out after 1 s");
	assert_int_equal(q(f, "SELECT delivered IS NULL AND attempts = 1 FROM alerts"), 1);
}

static void clear_waits_for_its_open(void **state)
{
	struct fx *f = *state;
	struct alert_stats s;
	char path[200], buf[4096];
	snprintf(path, sizeof path, "%s/exit", f->dir);
	write_file(path, "2\n", 0644);
	f->cfg.exec = f->prog;
	make_alert(f, "550 a", 1);
	assert_int_equal(store_episode_clear(f->st, 1, T0 + 300, "delivered", f->err, sizeof f->err), 0);
	assert_true(store_alert_add(f->st, 1, "clear", T0 + 300, 1, NULL, f->err, sizeof f->err) > 0);
	dispatch(f, T0 + 301, &s);
	assert_int_equal(s.failed, 1);	/* the open failed; the clear waits */
	assert_int_equal(q(f, "SELECT attempts FROM alerts WHERE kind = 'clear'"), 0);
	unlink(path);
	dispatch(f, T0 + 400, &s);
	assert_int_equal(s.sent, 2);
	slurp(f, "env.3", buf, sizeof buf);
	if (strstr(buf, "BOUNCEWATCH_EVENT=clear") == NULL)
		fail_msg("env.3:\n%s", buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(json_escapes_everything_needed),
		cmocka_unit_test(json_replaces_invalid_utf8),
		cmocka_unit_test(json_cut_like_snprintf),
		cmocka_unit_test_setup_teardown(run_feeds_stdin_and_sets_env, setup, teardown),
		cmocka_unit_test_setup_teardown(run_reports_failure_and_missing_program, setup, teardown),
		cmocka_unit_test_setup_teardown(run_kills_after_timeout, setup, teardown),
		cmocka_unit_test_setup_teardown(run_survives_program_not_reading_stdin, setup, teardown),
		cmocka_unit_test_setup_teardown(announce_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(line_env_and_json, setup, teardown),
		cmocka_unit_test_setup_teardown(hostile_reply_runs_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(failure_is_retried_with_backoff, setup, teardown),
		cmocka_unit_test_setup_teardown(timeout_is_a_failure, setup, teardown),
		cmocka_unit_test_setup_teardown(clear_waits_for_its_open, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
