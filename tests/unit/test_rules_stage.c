/* test_rules_stage - a rule's "stage" list against the stage each log
 * format writes: a line of Postfix, Exim, Sendmail and OpenSMTPD read by
 * the line pipeline (line.h) into a struct delivery, then classified. The
 * same words are one rule's at RCPT TO (or at the greeting) and another's
 * after the message (end of DATA); a line that names no stage (Sendmail's
 * stat=, OpenSMTPD's result, Postfix's "said:" without "(in reply to ...)")
 * runs every rule, so the first of them takes it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include "line.h"
#include "rules.h"

#define REF 1795857243	/* 2026-11-28, so RFC 3164 lines fall in 2026 */
#define LPV "550 5.7.1 Local Policy Violation"
#define PF "Nov 28 00:00:01 mx postfix/smtp[12]: 4B2C1D3E5F: to=<a@example.org>, " \
	"relay=mx.example.org[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=5.7.1, status=bounced ("
#define EX "2026-11-28 00:00:04 1xX71R-0002sC-2x ** b@example.org R=dnslookup T=remote_smtp " \
	"H=mx.example.org [192.0.2.2]: SMTP error from remote mail server after "

static const char rules_text[] =
	"[at-rcpt]\ncategory = blocklist\nblock = yes\nstage = connect, rcpt\nmatch = Local Policy Violation\n"
	"[at-data]\ncategory = content\nstage = data\nmatch = Local Policy Violation\n"
	"[any]\ncategory = other\npriority = 990\nmatch = ^5\n";

static const struct {
	const char *line;
	enum delivery_stage stage;
	const char *rule;
} cases[] = {
	{ PF "host mx.example.org[192.0.2.1] said: " LPV " (in reply to RCPT TO command))", STAGE_RCPT, "at-rcpt" },
	{ PF "host mx.example.org[192.0.2.1] said: " LPV " (in reply to end of DATA command))", STAGE_EOD,
	  "at-data" },
	{ PF "host mx.example.org[192.0.2.1] said: " LPV " (in reply to DATA command))", STAGE_DATA, "at-data" },
	{ PF "host mx.example.org[192.0.2.1] said: " LPV " (in reply to MAIL FROM command))", STAGE_MAIL, "any" },
	{ PF "host mx.example.org[192.0.2.1] refused to talk to me: " LPV ")", STAGE_CONNECT, "at-rcpt" },
	{ PF "host mx.example.org[192.0.2.1] said: " LPV ")", STAGE_NONE, "at-rcpt" },
	{ EX "RCPT TO:<b@example.org>: " LPV, STAGE_RCPT, "at-rcpt" },
	{ EX "end of data: " LPV, STAGE_EOD, "at-data" },
	{ EX "MAIL FROM:<a@example.net> SIZE=1234: " LPV, STAGE_MAIL, "any" },
	{ "Nov 28 00:00:07 mx sm-mta[16]: 4ASA0012345678: to=<e@example.org>, delay=00:00:00, xdelay=00:00:00, "
	  "mailer=esmtp, pri=1, relay=mx.example.org. [192.0.2.2], dsn=5.7.1, reply=" LPV ", stat=Service unavailable",
	  STAGE_NONE, "at-rcpt" },
	{ "Nov 28 00:00:06 mx smtpd[15]: abafe3a27ce6a9b3 mta delivery evpid=ea8ba506af97eb76 from=<a@example.net> "
	  "to=<d@example.org> rcpt=<-> source=\"192.0.2.9\" relay=\"192.0.2.2 (mx.example.org)\" delay=0s "
	  "result=\"PermFail\" stat=\"" LPV "\"", STAGE_NONE, "at-rcpt" },
};

static struct rules *load(void)
{
	char dir[] = "/tmp/bw-stage-XXXXXX", path[64], err[1024];
	struct rules *r;
	FILE *f;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/a.rules", dir);
	assert_non_null(f = fopen(path, "w"));
	fputs(rules_text, f);
	fclose(f);
	r = rules_load(dir, err, sizeof err);
	unlink(path);
	rmdir(dir);
	assert_non_null(r);
	return r;
}

static void each_format(void **state)
{
	struct line *lp = line_new(REF, 0);
	struct rules *r = load();
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct syslog_hdr h;
		struct delivery d;
		struct verdict v;
		const struct fmt *f;
		size_t n = strlen(cases[i].line);
		char *copy = malloc(n);
		memcpy(copy, cases[i].line, n);
		assert_int_equal(line_parse(lp, copy, n, &h, &d, &f), LINE_DELIVERY);
		assert_int_equal(d.stage, cases[i].stage);
		assert_int_equal(rules_classify(r, &d, &v), 1);
		assert_string_equal(v.rule_id, cases[i].rule);
		free(copy);
	}
	rules_free(r);
	line_free(lp);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(each_format),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
