/* test_exim - Exim 4 log lines -> struct delivery, through the line pipeline.
 *
 * Each line names its source. "4.96 here": written by Debian 12's Exim 4.96
 * in this suite's end-to-end test (tests/e2e/exim_tail.sh, samples/exim-tail-run.log).
 * Public ones: the Exim test suite (git.exim.org, test/log/0139 as changed
 * by commit 41fdef91), the Linux Network Administrator's Guide 2nd ed. ch.
 * 19 "If Your Mail Doesn't Get Through" (lines joined as the text says they
 * are in the log), a cPanel support log on pastebin.com/V7YudKKB, an Astaro
 * syslog copy on pastebin.com/7N7NkGDE (its "2011:03:08-10:29:44" stamp
 * written as RFC 3164, which is what a Debian rsyslog writes).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>
#include "fmtcase.h"
#include "fmt_exim.h"

#define S3140 "550 5.7.1 Unfortunately, messages from [127.0.0.1] weren't sent."

static const struct fcase cases[] = {
	/* 4.96 here: arrival (sender map), delivery with C=, Completed */
	{ .line = "2026-12-05 07:28:12 1xZkBo-0002tV-0E <= news@example.net U=root P=local S=298", .r = LINE_RECEIVED },
	{ .line = "2026-12-05 07:28:12 1xZkBo-0002tV-0E => ok@example.org R=mx T=remote_smtp H=127.0.0.1 [127.0.0.1] C=\"250 2.0.0 Ok: queued as SINK\"",
	  .r = LINE_DELIVERY, .qid = "1xZkBo-0002tV-0E", .sender = "news@example.net", .rcpt = "ok@example.org",
	  .domain = "example.org", .rhost = "127.0.0.1", .rip = "127.0.0.1", .port = -1, .status = DS_SENT,
	  .code = 250, .dsn = "2.0.0", .stage = STAGE_NONE, .reply = "250 2.0.0 Ok: queued as SINK", .delay = -1,
	  .program = "remote_smtp" },
	{ .line = "2026-12-05 07:28:12 1xZkBo-0002tV-0E Completed", .r = LINE_OTHER },
	/* 4.96 here: a refusal at RCPT (bounce) */
	{ .line = "2026-12-05 07:28:12 1xZkBo-0002u0-1R <= news@example.net U=root P=local S=301", .r = LINE_RECEIVED },
	{ .line = "2026-12-05 07:28:12 1xZkBo-0002u0-1R ** block@hotmail.com R=mx T=remote_smtp H=127.0.0.1 [127.0.0.1]: SMTP error from remote mail server after RCPT TO:<block@hotmail.com>: " S3140 " (S3140)",
	  .r = LINE_DELIVERY, .qid = "1xZkBo-0002u0-1R", .sender = "news@example.net", .rcpt = "block@hotmail.com",
	  .domain = "hotmail.com", .rhost = "127.0.0.1", .rip = "127.0.0.1", .port = -1, .status = DS_BOUNCED,
	  .code = 550, .dsn = "5.7.1", .stage = STAGE_RCPT, .reply = S3140, .delay = -1 },
	/* 4.96 here: the bounce message itself, from <> */
	{ .line = "2026-12-05 07:28:12 1xZkBo-0002uS-1x <= <> R=1xZkBo-0002u0-1R U=Debian-exim P=local S=1818", .r = LINE_RECEIVED },
	{ .line = "2026-12-05 07:28:12 1xZkBo-0002uS-1x => news@example.net R=mx T=remote_smtp H=127.0.0.1 [127.0.0.1] C=\"250 2.0.0 Ok: queued as SINK\"",
	  .r = LINE_DELIVERY, .sender = "", .status = DS_SENT, .code = 250, .stage = STAGE_NONE, .port = FC_ANY },
	/* 4.96 here: deferral at RCPT, defer (-44) */
	{ .line = "2026-12-05 07:28:13 1xZkBo-0002v1-2p == later@gmail.com R=mx T=remote_smtp defer (-44) H=127.0.0.1 [127.0.0.1]: SMTP error from remote mail server after RCPT TO:<later@gmail.com>: 451 4.7.1 try later",
	  .r = LINE_DELIVERY, .rcpt = "later@gmail.com", .rip = "127.0.0.1", .port = -1, .status = DS_DEFERRED,
	  .code = 451, .dsn = "4.7.1", .stage = STAGE_RCPT, .reply = "451 4.7.1 try later" },
	/* Exim test suite 0139: defer at MAIL, IPv6 host */
	{ .line = "1999-03-02 09:44:33 10HmaX-0005vi-00 == userx@test.ex R=r1 T=t1 defer (-45) H=::1 [::1]: SMTP error from remote mail server after MAIL FROM:<CALLER@the.local.host.name>: 450 Temporary error",
	  .r = LINE_DELIVERY, .qid = "10HmaX-0005vi-00", .rcpt = "userx@test.ex", .rhost = "::1", .rip = "::1",
	  .port = -1, .status = DS_DEFERRED, .code = 450, .stage = STAGE_MAIL, .reply = "450 Temporary error",
	  .program = "t1" },
	/* NAG2 ch. 19: a local delivery (old D= key), kept apart as "local" */
	{ .line = "2000-01-30 15:46:37 12EwYe-0004WO-00 => jill <jill@vbrew.com> D=localuser T=local_delivery",
	  .r = LINE_DELIVERY, .rcpt = "jill@vbrew.com", .domain = "vbrew.com", .rhost = "local", .port = -1,
	  .status = DS_SENT, .code = 0, .stage = STAGE_NONE, .program = "local_delivery" },
	/* NAG2 ch. 19: "remote mailer" wording, the host before the reply */
	{ .line = "2000-01-30 14:48:28 12EvcH-0003rC-00 ** bill@lager.vbrew.com R=lookuphost T=smtp: SMTP error from remote mailer after RCPT TO:<bill@lager.vbrew.com>: host lager.vbrew.com [192.168.157.2]: 550 <bill@lager.vbrew.com>... User unknown",
	  .r = LINE_DELIVERY, .rcpt = "bill@lager.vbrew.com", .rhost = "lager.vbrew.com", .rip = "192.168.157.2",
	  .port = -1, .status = DS_BOUNCED, .code = 550, .stage = STAGE_RCPT, .reply = "550 <bill@lager.vbrew.com>... User unknown" },
	/* NAG2 ch. 19: a connection failure */
	{ .line = "2000-01-30 12:50:50 12E9Un-0004Wq-00 == jim@bitter.vbrew.com T=smtp defer (145): Connection timed out",
	  .r = LINE_DELIVERY, .rcpt = "jim@bitter.vbrew.com", .rhost = "local", .port = -1, .status = DS_DEFERRED,
	  .code = 0, .stage = STAGE_CONNECT, .reply = "Connection timed out" },
	/* pastebin V7YudKKB (cPanel): +subject and A= on the arrival, TLS fields on the delivery */
	{ .line = "2016-03-25 15:06:04 1ajLoq-0001wC-Pk <= email@buytickets.com.my H=mail.buytickets.com.my (buytickets.com.my) [124.217.254.72]:39926 P=esmtpa A=dovecot_login:email@buytickets.com.my S=964 id=f0876b3d8d0f5536de861efdbaf97057@buytickets.com.my T=\"Copy of: Support Enquiry\" for 0129.alexng@gmail.com",
	  .r = LINE_RECEIVED },
	{ .line = "2016-03-25 15:06:10 1ajLoq-0001wC-Pk => 0129.alexng@gmail.com R=dkim_lookuphost T=dkim_remote_smtp H=gmail-smtp-in.l.google.com [74.125.200.27] X=TLSv1.2:ECDHE-RSA-AES128-GCM-SHA256:128 CV=yes C=\"250 2.0.0 OK 1458889573 vy4si17489309pab.124 - gsmtp\"",
	  .r = LINE_DELIVERY, .sender = "email@buytickets.com.my", .rcpt = "0129.alexng@gmail.com", .domain = "gmail.com",
	  .rhost = "gmail-smtp-in.l.google.com", .rip = "74.125.200.27", .port = -1, .status = DS_SENT, .code = 250,
	  .dsn = "2.0.0", .stage = STAGE_NONE, .reply = "250 2.0.0 OK 1458889573", .program = "dkim_remote_smtp" },
	/* pastebin 7N7NkGDE: through syslog, the time repeated in the message */
	{ .line = "Mar  8 10:29:44 mx3 exim[11721]: 2011-03-08 10:29:44 1Pwzn4-000333-1Y <= aromer@mycompany.com H=(mail.mycompany.com) [10.1.1.1]:7664 P=esmtp S=584817 id=2153D402F60EF34AAA583B258AC440E10F1BAE@Exhchange.local",
	  .r = LINE_RECEIVED },
	/* log_selector +millisec +pid +outgoing_port +smtp_confirmation, QT= (spec ch. "Log files"), through syslog without the repeated time (syslog_timestamp = false) */
	{ .line = "Mar  8 10:29:45 mx3 exim4[11722]: [11722] 1Pwzn4-000333-1Y => bob@example.com R=dnslookup T=remote_smtp H=mx.example.com [192.0.2.25]:25 C=\"250 OK\" QT=1m2.5s DT=0.4s",
	  .r = LINE_DELIVERY, .sender = "aromer@mycompany.com", .rcpt = "bob@example.com", .rhost = "mx.example.com",
	  .rip = "192.0.2.25", .port = 25, .status = DS_SENT, .code = 250, .stage = STAGE_NONE, .delay = 62.5 },
	/* +millisec +pid and log_timezone in the mainlog; retry time not reached */
	{ .line = "2026-11-28 01:14:38.123 +0100 [4242] 1xX71R-0002sC-2x == ann@example.com R=dnslookup T=remote_smtp defer (-53): retry time not reached for any host for 'example.com'",
	  .r = LINE_DELIVERY, .rcpt = "ann@example.com", .status = DS_DEFERRED, .code = 0, .port = FC_ANY,
	  .stage = STAGE_NONE, .reply = "retry time not reached" },
	/* the greeting refused; pipelined end of data (4.9x wordings) */
	{ .line = "2026-11-28 01:14:39 1xX71R-0002sD-2x ** a@example.com R=dnslookup T=remote_smtp H=mx.example.com [192.0.2.1]: SMTP error from remote mail server after initial connection: 554 5.7.1 Go away",
	  .r = LINE_DELIVERY, .status = DS_BOUNCED, .code = 554, .dsn = "5.7.1", .stage = STAGE_CONNECT, .port = FC_ANY },
	{ .line = "2026-11-28 01:14:40 1xX71R-0002sE-2x == b@gmail.com R=dnslookup T=remote_smtp defer (-46) H=gmail-smtp-in.l.google.com [192.0.2.2]: SMTP error from remote mail server after pipelined end of data: 421-4.7.28 rate limited\\n421 4.7.28 gsmtp",
	  .r = LINE_DELIVERY, .status = DS_DEFERRED, .code = 421, .dsn = "4.7.28", .stage = STAGE_EOD, .port = FC_ANY },
	/* 4.97+ message ids */
	{ .line = "2026-11-28 01:14:41 1xX71R-000000005vi-0000 -> c@example.org R=dnslookup T=remote_smtp H=mx.example.org [192.0.2.3] C=\"250 ok\"",
	  .r = LINE_DELIVERY, .qid = "1xX71R-000000005vi-0000", .status = DS_SENT, .code = 250, .stage = STAGE_NONE, .port = FC_ANY },
	/* not deliveries */
	{ .line = "2026-11-28 01:14:42 Start queue run: pid=1234", .r = LINE_OTHER },
	{ .line = "2026-11-28 01:14:42 1xX71R-0002sE-2x SMTP error from remote mail server after RCPT TO:<b@x>: 451 later", .r = LINE_OTHER },
	{ .line = "2026-11-28 01:14:43 1xX71R-0002sF-2x ** ", .r = LINE_UNPARSED },
	{ .line = "2026-11-28 01:14:43 not an exim line", .r = LINE_OTHER },
	/* refusals Exim gave its clients (spec ch. "Log files", "Reject log"): counted as rejected */
	{ .line = "2026-11-28 10:00:01 H=(spammer) [198.51.100.9] F=<a@example.net> rejected RCPT <c@example.org>: relay not permitted", .r = LINE_REJECTED },
	{ .line = "2026-11-28 10:00:02 H=(x) [198.51.100.9]:41000 F=<a@example.net> temporarily rejected RCPT <c@example.org>: greylisted", .r = LINE_REJECTED },
	{ .line = "2026-11-28 10:00:03 rejected EHLO from [198.51.100.9]: syntactically invalid argument(s): _", .r = LINE_REJECTED },
	{ .line = "2026-11-28 10:00:04 H=[198.51.100.9] rejected connection in \"connect\" ACL", .r = LINE_REJECTED },
	{ .line = "2026-11-28 10:00:04 1xX71R-0002sG-2x H=mx.example.net [198.51.100.9] F=<a@example.net> rejected after DATA: spam", .r = LINE_REJECTED },
	{ .line = "Mar  8 10:29:44 mx3 exim[11721]: 2011-03-08 10:29:44 H=(x) [10.1.1.9] F=<a@b.example> rejected RCPT <c@example.org>: unknown user", .r = LINE_REJECTED },
	/* the word alone is not a refusal */
	{ .line = "2026-11-28 10:00:05 1xX71R-0002sH-2x H=mx.example.net [198.51.100.9] the sender rejected nothing", .r = LINE_OTHER },
};

static void line_shapes(void **state)
{
	(void)state;
	fc_run(cases, sizeof cases / sizeof *cases, "exim");
}

/* The sender map stays bounded and "Completed" empties it. */
static void sender_map(void **state)
{
	struct fmt_state *st = fmt_exim.state_new();
	char line[128];
	(void)state;
	for (int i = 0; i < EXIM_SENDERS_MAX + 100; i++) {
		struct syslog_hdr h = { .prog = STR_LIT("exim") };
		struct delivery d;
		int n = snprintf(line, sizeof line, "1xX%03d-%06d-2x <= s%d@example.com P=local", i % 1000, i, i);
		h.msg = str_make(line, (size_t)n);
		assert_int_equal(fmt_exim.parse(st, &h, &d), FMT_RECEIVED);
		assert_true(fmt_exim_senders(st) <= EXIM_SENDERS_MAX);
	}
	assert_int_equal(fmt_exim_senders(st), EXIM_SENDERS_MAX);
	struct syslog_hdr h = { .prog = STR_LIT("exim") };
	struct delivery d;
	int n = snprintf(line, sizeof line, "1xX%03d-%06d-2x Completed", (EXIM_SENDERS_MAX + 99) % 1000,
			 EXIM_SENDERS_MAX + 99);
	h.msg = str_make(line, (size_t)n);
	fmt_exim.parse(st, &h, &d);
	assert_int_equal(fmt_exim_senders(st), EXIM_SENDERS_MAX - 1);
	fmt_exim.state_free(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(line_shapes),
		cmocka_unit_test(sender_map),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
