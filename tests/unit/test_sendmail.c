/* test_sendmail - Sendmail 8 log lines -> struct delivery, through the
 * line pipeline.
 *
 * "8.17 here": written by Debian 12's sendmail 8.17.1 in this suite's
 * end-to-end test (samples/sendmail-run.log). "shape": a line made from
 * the fields sendmail's logdelivery() (sendmail/deliver.c) writes, for a
 * case the suite's servers do not produce (several recipients, IPv6 relay,
 * a delay of days, the local mailer, a sendmail before 8.16 without reply=).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>
#include "fmtcase.h"
#include "fmt_sendmail.h"

#define S3140 "550 5.7.1 Unfortunately, messages from [127.0.0.1] weren't sent."

static const struct fcase cases[] = {
	/* 8.17 here */
	{ .line = "2026-12-05T07:37:44.505149+00:00 vm sendmail[27590]: 6B57bi3R027590: from=news@example.net, size=18, class=0, nrcpts=1, msgid=<202612050737.6B57bi3R027590@mx.example.net>, relay=root@localhost", .r = LINE_RECEIVED },
	{ .line = "2026-12-05T07:37:44.596978+00:00 vm sendmail[27590]: 6B57bi3R027590: to=ok@example.org, ctladdr=news@example.net (0/0), delay=00:00:00, xdelay=00:00:00, mailer=esmtp, pri=30018, relay=[127.0.0.1] [127.0.0.1], dsn=2.0.0, stat=Sent (Ok: queued as SINK)",
	  .r = LINE_DELIVERY, .qid = "6B57bi3R027590", .sender = "news@example.net", .rcpt = "ok@example.org",
	  .domain = "example.org", .rhost = "", .rip = "127.0.0.1", .port = -1, .status = DS_SENT, .code = 0,
	  .dsn = "2.0.0", .stage = STAGE_NONE, .reply = "Ok: queued as SINK", .program = "sendmail" },
	{ .line = "2026-12-05T07:37:44.795365+00:00 vm sendmail[27667]: 6B57bipV027667: from=<news@example.net>, size=18, class=0, nrcpts=1, msgid=<202612050737.6B57bipV027667@mx.example.net>, relay=root@localhost", .r = LINE_RECEIVED },
	{ .line = "2026-12-05T07:37:44.796971+00:00 vm sendmail[27667]: 6B57bipV027667: to=block@hotmail.com, ctladdr=news@example.net (0/0), delay=00:00:00, xdelay=00:00:00, mailer=esmtp, pri=30018, relay=[127.0.0.1] [127.0.0.1], dsn=5.7.1, reply=" S3140 " (S3140), stat=User unknown",
	  .r = LINE_DELIVERY, .sender = "news@example.net", .rcpt = "block@hotmail.com", .domain = "hotmail.com",
	  .rip = "127.0.0.1", .port = -1, .status = DS_BOUNCED, .code = 550, .dsn = "5.7.1", .stage = STAGE_NONE,
	  .reply = S3140 " (S3140)" },
	{ .line = "2026-12-05T07:37:44.840104+00:00 vm sendmail[27667]: 6B57bipV027667: 6B57bipW027667: DSN: User unknown", .r = LINE_OTHER },
	{ .line = "2026-12-05T07:37:45.145799+00:00 vm sendmail[27728]: 6B57bjsT027728: to=later@gmail.com, ctladdr=news@example.net (0/0), delay=00:00:00, xdelay=00:00:00, mailer=esmtp, pri=30018, relay=[127.0.0.1] [127.0.0.1], dsn=4.7.1, reply=451 4.7.1 try later, stat=Deferred: 451 4.7.1 try later",
	  .r = LINE_DELIVERY, .status = DS_DEFERRED, .code = 451, .dsn = "4.7.1", .stage = STAGE_NONE, .port = -1,
	  .reply = "451 4.7.1 try later" },
	{ .line = "2026-12-05T07:33:15.360487+00:00 vm sendmail[12410]: 6B57XFoT012410: to=block@hotmail.com, ctladdr=news@example.net (0/0), delay=00:00:00, xdelay=00:00:00, mailer=esmtp, pri=30018, relay=[127.0.0.1] [127.0.0.1], dsn=4.4.1, stat=Deferred: Connection refused by [127.0.0.1]",
	  .r = LINE_DELIVERY, .status = DS_DEFERRED, .code = 0, .dsn = "4.4.1", .stage = STAGE_CONNECT, .port = -1,
	  .reply = "Connection refused by [127.0.0.1]" },
	/* shape: several recipients, a named relay, a delay of days, sm-mta tag, no reply= (before 8.16) */
	{ .line = "Nov 28 01:00:00 mx sm-mta[4242]: 4ASA0012345678: to=<a@Example.COM>,<b@example.com>, delay=1+02:03:04, xdelay=00:00:02, mailer=esmtp, pri=120, relay=mx.example.com. [192.0.2.25], dsn=4.0.0, stat=Deferred: 421 4.7.0 Try again later, closing connection.",
	  .r = LINE_DELIVERY, .qid = "4ASA0012345678", .rcpt = "a@Example.COM", .domain = "example.com",
	  .rhost = "mx.example.com", .rip = "192.0.2.25", .port = -1, .status = DS_DEFERRED, .code = 421,
	  .dsn = "4.0.0", .stage = STAGE_NONE, .reply = "421 4.7.0 Try again later, closing connection.",
	  .delay = 93784, .program = "sm-mta" },
	/* shape: IPv6 relay, "(may be forged)" */
	{ .line = "Nov 28 01:00:01 mx sm-mta[4243]: 4ASA0112345679: to=<c@example.net>, delay=00:00:01, xdelay=00:00:01, mailer=esmtp, pri=120, relay=mx6.example.net. [IPv6:2001:db8::25] (may be forged), dsn=5.1.1, stat=User unknown",
	  .r = LINE_DELIVERY, .rhost = "mx6.example.net", .rip = "2001:db8::25", .port = -1, .status = DS_BOUNCED,
	  .code = 0, .dsn = "5.1.1", .stage = STAGE_NONE, .reply = "User unknown", .delay = 1 },
	/* shape: the local mailer */
	{ .line = "Nov 28 01:00:02 mx sm-mta[4244]: 4ASA0212345670: to=<jill@example.org>, delay=00:00:00, xdelay=00:00:00, mailer=local, pri=30000, dsn=2.0.0, stat=Sent",
	  .r = LINE_DELIVERY, .rhost = "local", .status = DS_SENT, .code = 0, .stage = STAGE_NONE, .port = -1 },
	/* not read */
	{ .line = "Nov 28 01:00:03 mx sm-mta[4245]: 4ASA0312345671: to=<d@example.org>, delay=00:00:00", .r = LINE_UNPARSED },
	{ .line = "Nov 28 01:00:03 mx sm-mta[4245]: starting daemon (8.17.1): SMTP+queueing@00:10:00", .r = LINE_OTHER },
	/* refusals sendmail gave its client (op.me, "Logging"); a from= without nrcpts= is not a queued message */
	{ .line = "Nov 28 01:00:00 mx sm-mta[77]: 1A2B3C4D5E6F7G8: ruleset=check_rcpt, arg1=<a@example.org>, relay=x.example.net [198.51.100.9], reject=550 5.7.1 <a@example.org>... Relaying denied", .r = LINE_REJECTED },
	{ .line = "Nov 28 01:00:00 mx sm-mta[77]: NOQUEUE: ruleset=check_relay, arg1=x.example.net, arg2=198.51.100.9, relay=x.example.net [198.51.100.9], reject=554 5.7.1 Rejected 198.51.100.9 found in zen.spamhaus.org", .r = LINE_REJECTED },
	{ .line = "Nov 28 01:00:00 mx sm-mta[77]: 1A2B3C4D5E6F7G9: Milter: data, reject=554 5.7.1 spam", .r = LINE_REJECTED },
	{ .line = "Nov 28 01:00:00 mx sm-mta[77]: NOQUEUE: connect from x.example.net [198.51.100.9]", .r = LINE_OTHER },
	{ .line = "Nov 28 01:00:00 mx sm-mta[77]: 1A2B3C4D5E6F7GA: from=<a@example.net>, size=0, class=0", .r = LINE_OTHER },
};

static void line_shapes(void **state)
{
	(void)state;
	fc_run(cases, sizeof cases / sizeof *cases, "sendmail");
}

static void sender_map(void **state)
{
	struct fmt_state *st = fmt_sendmail.state_new();
	char line[128];
	(void)state;
	for (int i = 0; i < SENDMAIL_SENDERS_MAX + 100; i++) {
		struct syslog_hdr h = { .prog = STR_LIT("sm-mta") };
		struct delivery d;
		int n = snprintf(line, sizeof line, "4AS%011d: from=<s%d@example.com>, size=1", i, i);
		h.msg = str_make(line, (size_t)n);
		assert_int_equal(fmt_sendmail.parse(st, &h, &d), 0);
	}
	assert_int_equal(fmt_sendmail_senders(st), SENDMAIL_SENDERS_MAX);
	fmt_sendmail.state_free(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(line_shapes),
		cmocka_unit_test(sender_map),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
