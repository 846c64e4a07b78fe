/* test_opensmtpd - OpenSMTPD log lines -> struct delivery, through the line
 * pipeline.
 *
 * "6.8 here": written by Debian 12's OpenSMTPD 6.8.0p2 in this suite's
 * end-to-end test (samples/opensmtpd-run.log). Public ones:
 * OpenSMTPD/OpenSMTPD#1276 (an mda delivery line of 7.x, unquoted result=
 * and stat=; its wrapping undone), #1253 (the bounce's smtp lines), #195
 * (the smtp-out error line). The shape of "mta delivery" is mta_log() in
 * OpenSMTPD's mta.c; "mta error reason=" is mta_error() in mta_session.c.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>
#include "fmtcase.h"
#include "fmt_opensmtpd.h"

#define S3140 "550 5.7.1 Unfortunately, messages from [127.0.0.1] weren't sent."

static const struct fcase cases[] = {
	/* 6.8 here */
	{ .line = "2026-12-05T07:36:02.503330+00:00 vm smtpd[13206]: abafe39bff7a5150 smtp disconnected reason=quit", .r = LINE_OTHER },
	{ .line = "2026-12-05T07:36:02.522300+00:00 vm smtpd[13206]: abafe3a27ce6a9b3 mta connecting address=smtp://127.0.0.1:2600 host=localhost", .r = LINE_OTHER },
	{ .line = "2026-12-05T07:36:02.583602+00:00 vm smtpd[13206]: abafe3a27ce6a9b3 mta delivery evpid=ea8ba506af97eb76 from=<news@example.net> to=<ok@example.org> rcpt=<-> source=\"127.0.0.1\" relay=\"127.0.0.1 (localhost)\" delay=0s result=\"Ok\" stat=\"250 2.0.0 Ok: queued as SINK\"",
	  .r = LINE_DELIVERY, .qid = "ea8ba506af97eb76", .sender = "news@example.net", .rcpt = "ok@example.org",
	  .domain = "example.org", .rhost = "localhost", .rip = "127.0.0.1", .port = -1, .status = DS_SENT,
	  .code = 250, .dsn = "2.0.0", .stage = STAGE_NONE, .reply = "250 2.0.0 Ok: queued as SINK",
	  .program = "smtpd" },
	{ .line = "2026-12-05T07:36:02.588296+00:00 vm smtpd[13206]: abafe3a27ce6a9b3 mta delivery evpid=fb9dd81bc1648abe from=<news@example.net> to=<block@hotmail.com> rcpt=<-> source=\"127.0.0.1\" relay=\"127.0.0.1 (localhost)\" delay=0s result=\"PermFail\" stat=\"" S3140 " (S3140)\"",
	  .r = LINE_DELIVERY, .rcpt = "block@hotmail.com", .domain = "hotmail.com", .rip = "127.0.0.1", .port = -1,
	  .status = DS_BOUNCED, .code = 550, .dsn = "5.7.1", .stage = STAGE_NONE, .reply = S3140 },
	{ .line = "2026-12-05T07:36:02.589638+00:00 vm smtpd[13206]: abafe3a27ce6a9b3 mta delivery evpid=26b9495a8b1348d0 from=<news@example.net> to=<later@gmail.com> rcpt=<-> source=\"127.0.0.1\" relay=\"127.0.0.1 (localhost)\" delay=1m3s result=\"TempFail\" stat=\"451 4.7.1 try later\"",
	  .r = LINE_DELIVERY, .status = DS_DEFERRED, .code = 451, .dsn = "4.7.1", .stage = STAGE_NONE, .port = -1,
	  .delay = 63 },
	/* the bounce, from <> (6.8 here) */
	{ .line = "2026-12-05T07:36:04.735613+00:00 vm smtpd[13206]: abafe3a27ce6a9b3 mta delivery evpid=30a4c8a9d97883e0 from=<> to=<news@example.net> rcpt=<-> source=\"127.0.0.1\" relay=\"127.0.0.1 (localhost)\" delay=1s result=\"Ok\" stat=\"250 2.0.0 Ok: queued as SINK\"",
	  .r = LINE_DELIVERY, .sender = "", .status = DS_SENT, .code = 250, .stage = STAGE_NONE, .port = -1, .delay = 1 },
	/* a session whose reply is only on its "mta error" line */
	{ .line = "Nov 28 01:00:00 mx smtpd[77]: 1111111111111111 mta error reason=Connection rejected: 554 5.7.1 Service unavailable; Client host [127.0.0.1] blocked using zen.spamhaus.org", .r = LINE_OTHER },
	{ .line = "Nov 28 01:00:00 mx smtpd[77]: 1111111111111111 mta delivery evpid=2222222222222222 from=<a@example.net> to=<b@example.org> rcpt=<c@example.org> source=\"192.0.2.9\" relay=\"192.0.2.1 (mx.example.org)\" delay=5s result=\"TempFail\" stat=\"Connection rejected\"",
	  .r = LINE_DELIVERY, .rcpt = "b@example.org", .rhost = "mx.example.org", .rip = "192.0.2.1", .port = -1,
	  .status = DS_DEFERRED, .code = 554, .dsn = "5.7.1", .stage = STAGE_NONE,
	  .reply = "554 5.7.1 Service unavailable; Client host [127.0.0.1] blocked" },
	/* a route error: no session, OpenSMTPD's own reason */
	{ .line = "Nov 28 01:00:01 mx smtpd[77]: 0000000000000000 mta delivery evpid=3333333333333333 from=<a@example.net> to=<d@down.example.org> rcpt=<-> source=\"-\" relay=\"192.0.2.7\" delay=10m result=\"TempFail\" stat=\"Network error on destination MXs\"",
	  .r = LINE_DELIVERY, .rip = "192.0.2.7", .status = DS_DEFERRED, .code = 0, .stage = STAGE_CONNECT,
	  .reply = "Network error on destination MXs", .delay = 600, .port = -1 },
	/* OpenSMTPD#1276: 7.x mda line, unquoted result and stat: local */
	{ .line = "Apr  2 10:00:00 forge smtpd[24227]: 1e722991167e2b80 mda delivery evpid=f9293a5cb336a379 from=<me@runxiyu.org> to=<powxy/-/repos/powxy@forge.lindenii.runxiyu.org> rcpt=<powxy/-/repos/powxy@forge.lindenii.runxiyu.org> user=forge delay=40s result=TempFail stat=Error (temporary failure: \"mail.lmtp: LMTP server error: 550 5.7.1 <powxy/-/repos/powxy@forge.lindenii.runxiyu.org> Permanent failure: unrecognized patch header format\")",
	  .r = LINE_DELIVERY, .rhost = "local", .status = DS_DEFERRED, .code = 0, .stage = STAGE_NONE, .delay = 40,
	  .domain = "forge.lindenii.runxiyu.org", .port = -1, .reply = "Error (temporary failure" },
	/* OpenSMTPD#195 */
	{ .line = "Apr 25 12:48:01 lx2 smtpd[4603]: smtp-out: Error on session 00000016486029f7 after 1 message sent: Connection closed unexpectedly", .r = LINE_OTHER },
	/* not read */
	{ .line = "Nov 28 01:00:02 mx smtpd[77]: 1111111111111111 mta delivery evpid=4444444444444444 from=<a@b>", .r = LINE_UNPARSED },
	{ .line = "Nov 28 01:00:02 mx smtpd[77]: info: OpenSMTPD 6.8.0p2 starting", .r = LINE_OTHER },
	/* the receiving side: a message queued, a command refused */
	{ .line = "2026-12-05T08:28:17.625570+00:00 vm smtpd[8106]: e16b6ba86afa14dc smtp message msgid=29edaa9c size=323 nrcpt=1 proto=ESMTP", .r = LINE_RECEIVED },
	{ .line = "Nov 28 01:00:03 mx smtpd[77]: 2222222222222222 smtp failed-command command=\"RCPT TO:<nobody@example.org>\" result=\"550 Invalid recipient: <nobody@example.org>\"", .r = LINE_REJECTED },
};

static void line_shapes(void **state)
{
	(void)state;
	fc_run(cases, sizeof cases / sizeof *cases, "opensmtpd");
}

/* The session map stays bounded. */
static void session_map(void **state)
{
	struct fmt_state *st = fmt_opensmtpd.state_new();
	char line[128];
	(void)state;
	for (int i = 0; i < OPENSMTPD_SESSIONS_MAX + 100; i++) {
		struct syslog_hdr h = { .prog = STR_LIT("smtpd") };
		struct delivery d;
		int n = snprintf(line, sizeof line, "%016x mta error reason=Connection refused", i);
		h.msg = str_make(line, (size_t)n);
		assert_int_equal(fmt_opensmtpd.parse(st, &h, &d), 0);
		assert_true(fmt_opensmtpd_sessions(st) <= OPENSMTPD_SESSIONS_MAX);
	}
	assert_int_equal(fmt_opensmtpd_sessions(st), OPENSMTPD_SESSIONS_MAX);
	fmt_opensmtpd.state_free(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(line_shapes),
		cmocka_unit_test(session_map),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
