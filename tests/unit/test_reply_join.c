/* Unit tests for reply_join.c: the line forms of each MTA, what stays text,
 * cut and odd input (empty, NUL bytes, long), and the length contract. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "reply_join.h"

/* Joins in[0..len) and expects want[0..wlen); checks the contract too. */
static void check_n(const char *in, size_t len, const char *want, size_t wlen)
{
	char *out = malloc(len + 1);
	size_t n;
	assert_non_null(out);
	memset(out, 'Z', len + 1);
	n = reply_join(in, len, out);
	assert_int_equal(n, wlen);
	assert_memory_equal(out, want, wlen);
	assert_int_equal(out[n], '\0');
	/* the same length only when nothing changed */
	assert_true(n < len || memcmp(out, in, len) == 0);
	free(out);
}

static void check(const char *in, const char *want)
{
	check_n(in, strlen(in), want, strlen(want));
}

static void same(const char *in)
{
	check(in, in);
}

/* Postfix: the lines joined by one space (samples/postfix-loopback.log). */
static void test_postfix_spaces(void **state)
{
	check("550-5.7.26 This mail is unauthenticated, which poses a security risk to the 550-5.7.26 "
	      "sender and Gmail users, and has been blocked. The sender must 550-5.7.26 authenticate "
	      "with at least one of SPF or DKIM. The sender should visit 550-5.7.26  "
	      "https://support.google.com/mail/answer/81126#authentication 550 5.7.26 for instructions.",
	      "550-5.7.26 This mail is unauthenticated, which poses a security risk to the sender and "
	      "Gmail users, and has been blocked. The sender must authenticate with at least one of SPF "
	      "or DKIM. The sender should visit https://support.google.com/mail/answer/81126#authentication "
	      "for instructions.");
	check("421-4.7.28 [192.0.2.1      15] Gmail has detected an unusual rate of unsolicited 421-4.7.28 "
	      "mail originating from your IP address. 421 4.7.28 a1b2c3d4e5.11 - gsmtp",
	      "421-4.7.28 [192.0.2.1      15] Gmail has detected an unusual rate of unsolicited "
	      "mail originating from your IP address. a1b2c3d4e5.11 - gsmtp");
	/* an empty line: two prefixes, one space */
	check("550-5.7.26 blocked. 550-5.7.26 550-5.7.26 Authentication results: 550 5.7.26 DKIM",
	      "550-5.7.26 blocked. Authentication results: DKIM");
	/* an empty first line */
	check("550-5.7.1 550-5.7.1 text", "550-5.7.1 text");
}

/* Exim writes the break as backslash-n (samples/exim-tail-run.log). */
static void test_exim_backslash_n(void **state)
{
	check("421-4.7.28 [192.0.2.1      15] Gmail has detected an unusual rate of unsolicited\\n421 4.7.28 "
	      "mail originating from your IP address. a1b2c3d4e5.11 - gsmtp",
	      "421-4.7.28 [192.0.2.1      15] Gmail has detected an unusual rate of unsolicited "
	      "mail originating from your IP address. a1b2c3d4e5.11 - gsmtp");
	check("550-a\\r\\n550 b", "550-a b");
	/* a break is a break, whatever the first line says */
	check("550 a\\n550 b", "550 a b");
	/* a backslash-n before another code is text */
	same("550-a\\n421 b");
}

static void test_real_newlines(void **state)
{
	check("550-5.7.1 one\r\n550-5.7.1 two \r\n550 5.7.1 three", "550-5.7.1 one two three");
	check("550-5.7.1 one\n550 5.7.1 two", "550-5.7.1 one two");
	check("550 one\n550 two", "550 one two");
}

/* Replies without enhanced codes: the last line has none to tell it. */
static void test_codes_without_enhanced_code(void **state)
{
	check("550-Blacklisted in dnsbl-1.uceprotect.net: 550-IP 192.0.2.82 is UCEPROTECT-Level 1 listed. "
	      "See 550 http://www.uceprotect.net/rblcheck.php?ipr=192.0.2.82",
	      "550-Blacklisted in dnsbl-1.uceprotect.net: IP 192.0.2.82 is UCEPROTECT-Level 1 listed. "
	      "See http://www.uceprotect.net/rblcheck.php?ipr=192.0.2.82");
	check("554-mx.example.net Nemesis ESMTP Service not available 554-No SMTP service 554 For explanation",
	      "554-mx.example.net Nemesis ESMTP Service not available No SMTP service For explanation");
	/* the enhanced code of a later line is taken with it even when the first has none */
	check("550-text 550-5.7.1 more", "550-text more");
}

/* Codes that are text. */
static void test_code_in_text(void **state)
{
	/* a one-line reply quoting another reply */
	same("550 5.1.1 <a@example.org>: Recipient address rejected: host mx.example.org[192.0.2.9] said: "
	     "550 5.1.1 <a@example.org>: User unknown");
	same("550 550 This system is configured to reject mail");
	/* a code in the text of a reply with enhanced codes: no enhanced code after it */
	check("550-5.7.1 error 550 occurred 550 5.7.1 end", "550-5.7.1 error 550 occurred end");
	/* another code, or the code inside a word or a number */
	same("550-5.7.1 see 421-4.7.0 and 421 4.7.0");
	same("550-5.7.1 id 1550-5.7.1 x550 y");
	same("550-5.7.1 port 5501 and 550.1");
	/* one last line, after every middle line */
	check("550-a error 550 b 550-c 550 d", "550-a error 550 b c d");
	check("550-a 550 b and 550 c", "550-a b and 550 c");
	/* not a reply code at the start: nothing is joined */
	same("host said: 550-5.7.1 a 550-5.7.1 b");
	same("650-a 650-b");
	same("55");
	same("550x 550-a");
	same("Connection refused");
}

/* OpenSMTPD strips later codes itself; a two-digit enhanced code stays glued. */
static void test_opensmtpd_glued(void **state)
{
	check("550-5.7.26 This mail is unauthenticated, which poses a security risk to the5.7.26 sender and "
	      "Gmail users, and has been blocked.5.7.26 The sender must authenticate",
	      "550-5.7.26 This mail is unauthenticated, which poses a security risk to the sender and "
	      "Gmail users, and has been blocked. The sender must authenticate");
	/* after a digit or a dot after a digit it is a number; one-line replies have no glue */
	same("550-5.7.26 host 10.5.7.26 is listed; v15.7.26 x");
	same("550 5.7.26 the5.7.26 sender");
	/* one-digit codes: OpenSMTPD removed them, what remains is text */
	same("550-5.7.1 risk to the5.7.1 sender");
}

static void test_empty(void **state)
{
	char out[1] = { 'Z' };
	assert_int_equal(reply_join("", 0, out), 0);
	assert_int_equal(out[0], '\0');
	same("550");
	same("550-");
	same("550 ");
}

/* The end of a cut reply: a prefix partly there goes. */
static void test_cut_prefix(void **state)
{
	check("550-5.7.1 blocked. Please visit 550 5.", "550-5.7.1 blocked. Please visit");
	check("550-5.7.1 x the 550-5.7", "550-5.7.1 x the");
	check("550-5.7.1 x the 550-", "550-5.7.1 x the");
	check("550-5.7.1 x the 550", "550-5.7.1 x the");
	check("550-5.7.1 x the\\n550", "550-5.7.1 x the");
	check("550-5.7.1 x the 550 ", "550-5.7.1 x the");
	same("550-5.7.1 x the 55");
	same("550-5.7.1 x the \\");
	same("550-5.7.1 x the \\n55");
}

static void test_nul_bytes(void **state)
{
	static const char in[] = "550-5.7.1 a\0b 550-5.7.1 c\0 550 5.7.1 \0d";
	static const char want[] = "550-5.7.1 a\0b c\0 \0d";
	check_n(in, sizeof in - 1, want, sizeof want - 1);
	check_n("\0\0\0", 3, "\0\0\0", 3);
	check_n("550-\0 550-x", 11, "550-\0 x", 7);
}

/* Long replies: many lines, long runs of blanks (the look-back is linear). */
static void test_long(void **state)
{
	enum { LINES = 20000 };
	static const char line[] = "550-5.7.1 word ";
	size_t ll = sizeof line - 1, len = LINES * ll, blanks = 1 << 20;
	char *in = malloc(len + 1), *want = malloc(len + 1), *out = malloc(blanks + 16);
	size_t w = 0;
	assert_non_null(in);
	assert_non_null(want);
	assert_non_null(out);
	for (size_t i = 0; i < LINES; i++)
		memcpy(in + i * ll, line, ll);
	memcpy(want, "550-5.7.1 ", 10);
	w = 10;
	for (size_t i = 0; i < LINES; i++) {
		memcpy(want + w, "word ", 5);
		w += 5;
	}
	check_n(in, len, want, w);
	free(in);
	free(want);
	in = malloc(blanks + 16);
	assert_non_null(in);
	memcpy(in, "550-a", 5);
	memset(in + 5, ' ', blanks);
	memcpy(in + 5 + blanks, "550-b", 5);
	assert_int_equal(reply_join(in, blanks + 10, out), 7);
	assert_memory_equal(out, "550-a b", 7);
	free(in);
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_postfix_spaces),
		cmocka_unit_test(test_exim_backslash_n),
		cmocka_unit_test(test_real_newlines),
		cmocka_unit_test(test_codes_without_enhanced_code),
		cmocka_unit_test(test_code_in_text),
		cmocka_unit_test(test_opensmtpd_glued),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_cut_prefix),
		cmocka_unit_test(test_nul_bytes),
		cmocka_unit_test(test_long),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
