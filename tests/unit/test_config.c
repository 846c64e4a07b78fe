/* Unit tests for config: the file's keys become the commands' own options,
 * the command line and the environment win, errors name FILE:LINE. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "config.h"
#include "testutil.h"

static char dir[64], path[128];

static struct config *load_n(const char *text, size_t len, char *err, size_t errlen)
{
	FILE *f;
	snprintf(path, sizeof path, "%s/bw.conf", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fwrite(text, 1, len, f);
	fclose(f);
	return config_load(path, 0, NULL, err, errlen);
}

static struct config *load(const char *text, char *err, size_t errlen)
{
	return load_n(text, strlen(text), err, errlen);
}

/* argv joined by spaces, after config_argv. */
static void joined(const struct config *c, int argc, char **argv, char *out, size_t n)
{
	char **a = config_argv(c, &argc, argv);
	out[0] = '\0';
	for (int i = 0; i < argc; i++)
		snprintf(out + strlen(out), n - strlen(out), "%s%s", i ? " " : "", a[i]);
	assert_null(a[argc]);
	free(a);
}

#define CONF \
	"[general]\ndatabase = /srv/bw.db\n" \
	"[sending-ips]\nmx1 = 203.0.113.7\n" \
	"[alerts]\nexec = /usr/local/bin/hook\nsyslog = yes\non-clear = yes\n" \
	"[retention]\nattempts = 90d\n" \
	"[dns]\nresolver = 127.0.0.1\n" \
	"[sources]\nfile = /var/log/mail.log\nfile = /var/log/mail2.log\n"

static void options_for_each_command(void **state)
{
	char err[256], out[1024];
	struct config *c = load(CONF, err, sizeof err);
	(void)state;
	assert_non_null(c);
	assert_string_equal(config_db(c), "/srv/bw.db");
	assert_null(config_rules(c));
	joined(c, 2, (char *[]){ "tail", "-", NULL }, out, sizeof out);
	assert_string_equal(out, "tail --source-ip mx1=203.0.113.7 --alert-exec /usr/local/bin/hook "
				 "--syslog --alert-on clear --retention 90d --resolver 127.0.0.1 -");
	joined(c, 3, (char *[]){ "prune", "--vacuum", "x", NULL }, out, sizeof out);
	assert_string_equal(out, "prune --older-than 90d --vacuum x");
	joined(c, 2, (char *[]){ "dnsbl", "check", NULL }, out, sizeof out);
	assert_string_equal(out, "dnsbl check --source-ip mx1=203.0.113.7 --resolver 127.0.0.1");
	joined(c, 2, (char *[]){ "dnsbl", "--help", NULL }, out, sizeof out);
	assert_string_equal(out, "dnsbl --help");
	joined(c, 2, (char *[]){ "report", "--by", NULL }, out, sizeof out);
	assert_string_equal(out, "report --by");
	config_free(c);
}

static void command_line_and_environment_win(void **state)
{
	char err[256], out[1024];
	struct config *c = load(CONF "[mail]\nrelay = relay.example:25\n", err, sizeof err);
	(void)state;
	assert_non_null(c);
	/* --alert-mail yields the alert program pair; --retention=... its key */
	joined(c, 5, (char *[]){ "tail", "--alert-mail", "a@example.org", "--retention=2d", "-", NULL },
	       out, sizeof out);
	assert_string_equal(out, "tail --source-ip mx1=203.0.113.7 --syslog --alert-on clear "
				 "--resolver 127.0.0.1 --alert-mail a@example.org --retention=2d -");
	/* a repeatable option given once replaces all of the file's */
	joined(c, 3, (char *[]){ "scan", "--source-ip", "mx9=192.0.2.9", NULL }, out, sizeof out);
	assert_string_equal(out, "scan --alert-exec /usr/local/bin/hook --syslog --alert-on clear "
				 "--source-ip mx9=192.0.2.9");
	/* after "--" nothing is an option */
	joined(c, 3, (char *[]){ "tail", "--", "--syslog", NULL }, out, sizeof out);
	assert_non_null(strstr(out, "--alert-on clear --retention"));
	setenv("BOUNCEWATCH_SMTP_RELAY", "other:25", 1);
	joined(c, 1, (char *[]){ "alert-mail", NULL }, out, sizeof out);
	assert_string_equal(out, "alert-mail");
	unsetenv("BOUNCEWATCH_SMTP_RELAY");
	joined(c, 1, (char *[]){ "alert-mail", NULL }, out, sizeof out);
	assert_string_equal(out, "alert-mail --smtp-relay relay.example:25");
	config_free(c);
}

static void sources(void **state)
{
	char err[256];
	int n;
	struct config *c = load(CONF, err, sizeof err);
	(void)state;
	char **s = config_sources(c, &n);
	assert_int_equal(n, 2);
	assert_string_equal(s[0], "/var/log/mail.log");
	assert_string_equal(s[1], "/var/log/mail2.log");
	free(s);
	config_free(c);
	c = load("[sources]\njournal = yes\nidentifier = postfix*\nidentifier = exim4\n", err, sizeof err);
	s = config_sources(c, &n);
	assert_int_equal(n, 5);
	assert_string_equal(s[0], "--journal");
	assert_string_equal(s[2], "postfix*");
	assert_string_equal(s[4], "exim4");
	free(s);
	config_free(c);
	c = load("[sources]\njournal = no\n", err, sizeof err);
	s = config_sources(c, &n);
	assert_int_equal(n, 0);
	free(s);
	config_free(c);
}

static void errors_name_file_and_line(void **state)
{
	static const struct { const char *text, *msg; } bad[] = {
		{ "[general]\n\nnope = 1\n", ":3: unknown key 'nope' in [general]" },
		{ "[alerts]\ntimeout = 5 minutes\n", ":2: [alerts] timeout: expected a duration" },
		{ "[sources]\nbatch-lines = 0\n", ":2: [sources] batch-lines: expected a whole number from 1" },
		{ "[sources]\npoll = fast\n", ":2: [sources] poll: expected a number" },
		{ "[sending-ips]\nmx1 = 300.1.1.1\n", ":2: [sending-ips] mx1: expected an IPv4 or IPv6" },
		{ "[x]\na = b\n", ":2: unknown section [x]" },
		{ "[general]\n    database = /a\n  database = /b\n", ":3: [general] database given twice" },
	};
	char err[256], want[256];
	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		struct config *c = load(bad[i].text, err, sizeof err);
		assert_null(c);
		snprintf(want, sizeof want, "%s%s", path, bad[i].msg);
		if (strncmp(err, want, strlen(want)) != 0)
			fail_msg("case %zu: got '%s', want '%s...'", i, err, want);
	}
	assert_null(load_n("[general]\nrules = a\0b\n", 22, err, sizeof err));
	assert_non_null(strstr(err, ":2: a NUL byte"));
	char line[400];
	memset(line, 'x', sizeof line);
	memcpy(line, "[general]\nrules = ", 18);
	line[sizeof line - 1] = '\0';
	assert_null(load(line, err, sizeof err));
	assert_non_null(strstr(err, ":2: a line longer than"));
	assert_null(config_load("/nonexistent/bw.conf", 0, NULL, err, sizeof err));
	assert_non_null(strstr(err, "No such file"));
}

static void locate(void **state)
{
	const char *p;
	int given;
	(void)state;
	setenv("BOUNCEWATCH_CONFIG", "/env.conf", 1);
	assert_int_equal(config_locate(4, (char *[]){ "bw", "--config", "/a.conf", "report", NULL }, &p, &given), 0);
	assert_string_equal(p, "/a.conf");
	assert_int_equal(given, 1);
	assert_int_equal(config_locate(3, (char *[]){ "bw", "report", "--config=/b.conf", NULL }, &p, &given), 0);
	assert_string_equal(p, "/b.conf");
	assert_int_equal(config_locate(2, (char *[]){ "bw", "report", NULL }, &p, &given), 0);
	assert_string_equal(p, "/env.conf");
	setenv("BOUNCEWATCH_CONFIG", "", 1);
	assert_int_equal(config_locate(2, (char *[]){ "bw", "report", NULL }, &p, &given), 0);
	assert_null(p);
	assert_int_equal(given, 0);
	assert_int_equal(config_locate(2, (char *[]){ "bw", "--config", NULL }, &p, &given), -1);
	unsetenv("BOUNCEWATCH_CONFIG");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(options_for_each_command),
		cmocka_unit_test(command_line_and_environment_win),
		cmocka_unit_test(sources),
		cmocka_unit_test(errors_name_file_and_line),
		cmocka_unit_test(locate),
	};
	tu_mkdtemp(dir, sizeof dir, "config");
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	tu_rmtree(dir);
	return rc;
}
