/* Unit tests for reply_names.c: the DNS names and words of a reply. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "reply_names.h"

/* The tokens of text, each as "word", "N:name", "A:name" (an address's
 * domain) or "C:name" (the client's), joined by ' '. */
static void want(const char *text, size_t len, const char *tokens)
{
	char got[1024] = "";
	size_t pos = 0, o = 0;
	struct reply_token tk;
	while (reply_token_next(text, len, &pos, &tk)) {
		const char *tag = tk.client ? "C:" : tk.address ? "A:" : tk.name ? "N:" : "";
		assert_true(tk.len > 0 && tk.p >= text && tk.p + tk.len <= text + len);
		o += (size_t)snprintf(got + o, sizeof got - o, "%s%s%.*s", o ? " " : "", tag, (int)tk.len, tk.p);
		assert_true(o < sizeof got);
	}
	assert_int_equal(pos, len);
	assert_string_equal(got, tokens);
}

static void test_shapes(void **state)
{
	(void)state;
	want("503 5.5.1 RCPT first. c108si4914016qgf.122 - gsmtp", 51,
	     "503 5.5.1 RCPT first c108si4914016qgf.122 gsmtp");
	want("550 <dautareuk2@hotmail.it>... Relaying denied", 46,
	     "550 dautareuk2 A:hotmail.it Relaying denied");
	want("451 ATTR35. [#.prod.protection.outlook.com]", 43,
	     "451 ATTR35 N:prod.protection.outlook.com");
	want("see https://support.google.com/mail/?p=x", 40, "see https N:support.google.com mail p x");
	want("554 <a8-95.smtp-out.amazonses.com[203.0.113.22]>: Client host rejected", 71,
	     "554 C:a8-95.smtp-out.amazonses.com 203.0.113.22 Client host rejected");
	want("504 <mail.example.org>: Helo command rejected", 45, "504 C:mail.example.org Helo command rejected");
}

/* A name in brackets after the word "host" is the client ("Client host
 * [name] blocked using ..."); not after another word, nor inside one. */
static void test_host_brackets(void **state)
{
	static const char a[] = "554 Client host [server1.mail.com] blocked using Barracuda Reputation";
	static const char b[] = "554 Client HOST [x.mail.com] blocked";
	static const char c[] = "554 ghost [x.mail.com] blocked";
	static const char d[] = "550 mailbox gone [AM0P1.prod.protection.outlook.com]";
	static const char e[] = "host [a.b.com";
	static const char f[] = "[a.b.com]";
	(void)state;
	want(a, sizeof a - 1, "554 Client host C:server1.mail.com blocked using Barracuda Reputation");
	want(b, sizeof b - 1, "554 Client HOST C:x.mail.com blocked");
	want(c, sizeof c - 1, "554 ghost N:x.mail.com blocked");
	want(d, sizeof d - 1, "550 mailbox gone N:AM0P1.prod.protection.outlook.com");
	want(e, sizeof e - 1, "host C:a.b.com");
	want(f, sizeof f - 1, "N:a.b.com");
}

static void test_not_names(void **state)
{
	(void)state;
	want("4.7.1 192.0.2.1 a..b.com x.c host. .com", 39, "4.7.1 192.0.2.1 a..b.com x.c host com");
	want("", 0, "");
	want("... --- ___ ", 12, "");
}

static void test_bytes(void **state)
{
	const char text[] = "mx\0.example.com\xff\xfe" "a\x80" "b.cd";
	(void)state;
	want(text, sizeof text - 1, "mx N:example.com a N:b.cd");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shapes),
		cmocka_unit_test(test_host_brackets),
		cmocka_unit_test(test_not_names),
		cmocka_unit_test(test_bytes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
