/* Unit tests for mime: headers safe from injected lines, RFC 2047 words,
 * quoted-printable, dates, whole messages. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "mime.h"

/* 1 when every line of s ends in CRLF and holds at most max octets. */
static int lines_ok(const char *s, size_t max)
{
	while (*s) {
		const char *nl = strchr(s, '\n');
		if (nl == NULL || nl == s || nl[-1] != '\r' || (size_t)(nl - 1 - s) > max)
			return 0;
		if (memchr(s, '\r', (size_t)(nl - 1 - s)))
			return 0;
		s = nl + 1;
	}
	return 1;
}

static void header_cannot_start_another(void **state)
{
	struct buf b;
	(void)state;
	buf_init(&b);
	mime_header(&b, "Subject", "blocked\r\nBcc: evil@example.org\nX: y\rZ");
	assert_string_equal(b.p, "Subject: blocked  Bcc: evil@example.org X: y Z\r\n");
	buf_release(&b);
}

static void header_non_ascii_is_encoded(void **state)
{
	struct buf b;
	(void)state;
	buf_init(&b);
	mime_header(&b, "Subject", "St\xc3\xb6rung");
	assert_string_equal(b.p, "Subject: =?utf-8?B?U3TDtnJ1bmc=?=\r\n");
	buf_release(&b);
	buf_init(&b);
	mime_header(&b, "Subject", "bad \xff byte \xe2\x80\xae");	/* escaped as elsewhere */
	assert_string_equal(b.p, "Subject: bad \\xff byte \\u{202e}\r\n");
	buf_release(&b);
}

static void long_headers_fold(void **state)
{
	struct buf b;
	char v[600];
	(void)state;
	for (size_t i = 0; i < 100; i++)
		memcpy(v + i * 6, "words ", 6);
	v[599] = '\0';
	buf_init(&b);
	mime_header(&b, "Subject", v);	/* ASCII: folded at spaces */
	assert_true(lines_ok(b.p, 78));
	assert_non_null(strstr(b.p, "\r\n word"));
	buf_release(&b);
	for (size_t i = 0; i < 100; i++)
		memcpy(v + i * 6, "w\xc3\xa9rd ", 6);
	v[599] = '\0';	/* the loop wrote over the terminator */
	buf_init(&b);
	mime_header(&b, "Subject", v);	/* encoded-words of at most 75, lines of 76 */
	assert_true(lines_ok(b.p, 76));
	assert_int_equal(strncmp(b.p, "Subject: =?utf-8?B?", 19), 0);
	assert_non_null(strstr(b.p, "?=\r\n =?utf-8?B?"));
	buf_release(&b);
}

static void dates(void **state)
{
	struct buf b;
	(void)state;
	buf_init(&b);
	mime_date(&b, 1795834800);
	assert_string_equal(b.p, "Sat, 28 Nov 2026 03:00:00 +0000");
	buf_release(&b);
}

static void quoted_printable(void **state)
{
	struct buf b;
	char longline[301];
	(void)state;
	buf_init(&b);
	mime_qp(&b, "a=b \xc3\xa9\nend \nx\t", 14);
	assert_string_equal(b.p, "a=3Db =C3=A9\r\nend=20\r\nx=09");
	buf_release(&b);
	memset(longline, 'x', 300);
	longline[300] = '\0';
	longline[75] = '=';
	buf_init(&b);
	mime_qp(&b, longline, 300);
	buf_add(&b, "\r\n", 2);
	assert_true(lines_ok(b.p, 76));
	/* every line but the last ends with a soft break */
	assert_non_null(strstr(b.p, "=\r\n"));
	assert_non_null(strstr(b.p, "=3D"));
	buf_release(&b);
	assert_true(mime_is_7bit("plain\ntext\n", 11));
	assert_false(mime_is_7bit("trailing \n", 10));
	assert_false(mime_is_7bit("caf\xc3\xa9\n", 6));
	assert_false(mime_is_7bit(longline, 300));
}

static void clean_text(void **state)
{
	struct buf b;
	(void)state;
	buf_init(&b);
	mime_clean(&b, "a\r\nb\x01" "c\xc3", 7);
	assert_string_equal(b.p, "a\nb\\x01c\\xc3");
	buf_release(&b);
}

static void whole_message(void **state)
{
	static const char *const extra[] = { "Auto-Submitted", "auto-generated", NULL };
	struct buf b;
	(void)state;
	buf_init(&b);
	mime_message(&b, &(struct mime_msg){ .from = "bw@example.net", .to = "ops@example.org",
		.subject = "S\xc3\xbc", .date = 1795834800, .headers = extra,
		.text = "reply: 550 5.7.1 caf\xc3\xa9\n.dot\n" });
	assert_true(lines_ok(b.p, 78));
	assert_non_null(strstr(b.p, "Date: Sat, 28 Nov 2026 03:00:00 +0000\r\n"));
	assert_non_null(strstr(b.p, "\r\nFrom: bw@example.net\r\nTo: ops@example.org\r\n"));
	assert_non_null(strstr(b.p, "\r\nSubject: =?utf-8?B?U8O8?=\r\n"));
	assert_non_null(strstr(b.p, "\r\nMessage-ID: <20261128030000."));
	assert_non_null(strstr(b.p, ".bouncewatch@example.net>\r\n"));
	assert_non_null(strstr(b.p, "\r\nAuto-Submitted: auto-generated\r\n"));
	assert_non_null(strstr(b.p, "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
				    "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
				    "reply: 550 5.7.1 caf=C3=A9\r\n.dot\r\n"));
	buf_release(&b);
}

static void text_and_html(void **state)
{
	struct buf b;
	const char *bd;
	(void)state;
	buf_init(&b);
	mime_message(&b, &(struct mime_msg){ .from = "bw@example.net", .to = "ops@example.org",
		.subject = "digest", .date = 0, .text = "plain\n", .html = "<p>x=1</p>\n" });
	assert_true(lines_ok(b.p, 78));
	assert_non_null(bd = strstr(b.p, "multipart/alternative;\r\n boundary=\"=_bw_"));
	assert_non_null(strstr(b.p, "Content-Type: text/plain; charset=utf-8\r\n"
				    "Content-Transfer-Encoding: 7bit\r\n\r\nplain\r\n"));
	assert_non_null(strstr(b.p, "Content-Type: text/html; charset=utf-8\r\n"
				    "Content-Transfer-Encoding: 7bit\r\n\r\n<p>x=1</p>\r\n"));
	assert_non_null(strstr(b.p, "--\r\n"));
	buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(header_cannot_start_another),
		cmocka_unit_test(header_non_ascii_is_encoded),
		cmocka_unit_test(long_headers_fold),
		cmocka_unit_test(dates),
		cmocka_unit_test(quoted_printable),
		cmocka_unit_test(clean_text),
		cmocka_unit_test(whole_message),
		cmocka_unit_test(text_and_html),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
