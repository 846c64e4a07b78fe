/* Unit tests for reply_ip.c: the sending IP a reply names, without a rule. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "reply_ip.h"

static void want(const char *text, const char *relay, const char *const *pref, size_t np, const char *ip)
{
	char out[64];
	int rc = reply_ip_find(text, strlen(text), relay, pref, np, out, sizeof out);
	assert_string_equal(out, ip);
	assert_int_equal(rc, ip[0] != '\0');
}

static void test_shapes(void **state)
{
	(void)state;
	want("550 5.7.606 Access denied, banned sending IP [192.0.2.7]. To request removal", NULL, NULL, 0,
	     "192.0.2.7");
	want("554 IP=198.51.100.3 - A problem occurred. (BL)", NULL, NULL, 0, "198.51.100.3");
	want("554 see http://postmaster.example/x?ip=203.0.113.9&c=bip", NULL, NULL, 0, "203.0.113.9");
	want("550 IP 203.0.113.4 is blocked by EarthLink.", NULL, NULL, 0, "203.0.113.4");
	want("421 4.7.0 [2001:db8::25 15] Our system has detected", NULL, NULL, 0, "2001:db8::25");
	want("550 from 192.0.2.1.", NULL, NULL, 0, "192.0.2.1");
}

/* Shapes the scan missed: the address-literal tag of RFC 5321 ("IPv6:"),
 * a key glued with ':' ("ip:192.0.2.1"), a port after a bare IPv4 address. */
static void test_tagged_and_ported(void **state)
{
	(void)state;
	want("554 5.7.1 Client host [IPv6:2001:db8::10] blocked using zen.spamhaus.org", NULL, NULL, 0,
	     "2001:db8::10");
	want("554 5.7.1 helo [ipv6:2001:db8:1::5] refused", NULL, NULL, 0, "2001:db8:1::5");
	want("554 5.7.1 Client host [IPv4:192.0.2.10] refused", NULL, NULL, 0, "192.0.2.10");
	want("554 5.7.1 blocked using zen.spamhaus.org ip:192.0.2.11", NULL, NULL, 0, "192.0.2.11");
	want("550 JunkMail rejected - host 192.0.2.12:24706 is in an RBL", NULL, NULL, 0, "192.0.2.12");
	want("550 from [192.0.2.13]:24706 refused", NULL, NULL, 0, "192.0.2.13");
	want("550 from ::ffff:192.0.2.14 refused", NULL, NULL, 0, "::ffff:192.0.2.14");
	want("550 from 2001:db8::15 refused", NULL, NULL, 0, "2001:db8::15");
}

/* A port colon followed by hex letters: only the text before the ':' has
 * to be an IPv4 address ("192.0.2.1:cafe" was passed over as a hex word). */
static void test_port_with_hex_letters(void **state)
{
	(void)state;
	want("550 5.7.1 rejected from 192.0.2.1:cafe", NULL, NULL, 0, "192.0.2.1");
	want("550 from [IPv4:192.0.2.2]:beef refused", NULL, NULL, 0, "192.0.2.2");
	want("550 from ip:192.0.2.3:add refused", NULL, NULL, 0, "192.0.2.3");
	want("550 from 192.0.2.c:25 refused", NULL, NULL, 0, "");
	want("550 from 1.2:3.4.5 refused", NULL, NULL, 0, "");
}

/* A section number after an RFC's name is not an address ("See RFC2821
 * 4.1.1.1", "RFC 5321 section 4.1.1.1"). */
static void test_rfc_section(void **state)
{
	(void)state;
	want("550 Access denied - Invalid HELO name (See RFC2821 4.1.1.1)", NULL, NULL, 0, "");
	want("501 Syntax error, see RFC 5321 4.1.1.1 please", NULL, NULL, 0, "");
	want("501 see rfc5321 section 4.1.1.1", NULL, NULL, 0, "");
	want("550 RFC2821 4.1.1.1 then [192.0.2.40] refused", NULL, NULL, 0, "192.0.2.40");
	want("550 host 192.0.2.41 refused", NULL, NULL, 0, "192.0.2.41");
}

/* A four-part number in a status code's place is a code, not an address:
 * after a word that introduces a code, or alone in parentheses after a
 * word that does not introduce an address. The same numbers named as an
 * address stay addresses. */
static void test_dotted_status_code(void **state)
{
	/* each reply and the address it names ("" for none) */
	static const char *const cases[][2] = {
		{ "554 Message rejected on 2023/11/23 18:59:46 GMT, policy (3.2.1.1) ID (647543E51DFE1873) - "
		  "Your message looks like SPAM", "" },
		{ "421 Too many messages (1.5.6.1) from 192.0.2.60", "192.0.2.60" },
		{ "550 rejected, error code 5.7.1.3 see the docs", "" },
		{ "550 refused (reason: 4.2.0.1)", "" },
		{ "550 policy#3.2.1.1 then [192.0.2.61]", "192.0.2.61" },
		{ "550 policy (3.2.1.1", "" },		/* cut short: the code word still decides */
		/* an address however short its parts, when the words name one */
		{ "550 The sending IP (1.2.3.4) is listed", "1.2.3.4" },
		{ "421 Message from (5.9.10.20) temporarily deferred", "5.9.10.20" },
		{ "554 Client host [1.2.3.4] blocked", "1.2.3.4" },
		{ "554 Connection from 1.2.3.4 rejected", "1.2.3.4" },
		{ "550 refused (5.9.100.20)", "5.9.100.20" },	/* a part of three digits */
		{ "550 refused (51.9.10.20)", "51.9.10.20" },	/* a first part of two */
		{ "(3.2.1.1)", "3.2.1.1" },			/* no word before: nothing says code */
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		want(cases[i][0], NULL, NULL, 0, cases[i][1]);
}

static void test_not_an_ip(void **state)
{
	(void)state;
	want("550 5.1.1 user unknown", NULL, NULL, 0, "");
	want("421 4.7.0 [TSS04] deferred due to complaints - 4.16.55.1; see https://x", NULL, NULL, 0, "");
	want("550 at 10:55:22 rejected", NULL, NULL, 0, "");
	want("550 version 1.2.3.4.5 rejected", NULL, NULL, 0, "");
	want("550 [127.0.0.1] and [0.0.0.0]", NULL, NULL, 0, "");
	want("550 999.1.1.1 x", NULL, NULL, 0, "");
	want("", NULL, NULL, 0, "");
}

/* Runs that are not addresses (hex words, codes, times, ports) before and
 * around the one that is; inet_pton() decides, the scan only passes over
 * runs that cannot be one. */
static void test_runs(void **state)
{
	(void)state;
	want("550 cafe deadbeef fed 4.7.0 12:00:01 then 192.0.2.8 and 192.0.2.9", NULL, NULL, 0, "192.0.2.8");
	want("550 1.2.3.04 10.0.0.256 1.2.3 a:b 198.51.100.1", NULL, NULL, 0, "198.51.100.1");
	want("550 from 2001:DB8::A: refused", NULL, NULL, 0, "2001:DB8::A");
	want("550 ::ffff:192.0.2.3 refused", NULL, NULL, 0, "::ffff:192.0.2.3");
	want("550 host 203.0.113.9:25 refused", NULL, NULL, 0, "203.0.113.9");	/* the address before its port */
	want("550 :: and ::1 then 1.1.1.1.", NULL, NULL, 0, "1.1.1.1");
	want("550 ab.cd.ef.01 x", NULL, NULL, 0, "");
	want("192.0.2.4", NULL, NULL, 0, "192.0.2.4");	/* the whole text */
}

static void test_relay_and_prefer(void **state)
{
	const char *mine[] = { "198.51.100.20" };
	(void)state;
	want("550 mx [192.0.2.50] refuses [203.0.113.5]", "192.0.2.50", NULL, 0, "203.0.113.5");
	want("550 [192.0.2.1] relayed for [198.51.100.20]", NULL, mine, 1, "198.51.100.20");
	want("550 [192.0.2.1] only", NULL, mine, 1, "192.0.2.1");
	/* Postfix's "host NAME[IP] said:" names a server down the line */
	want("554 host mx.example.org[192.0.2.9] said: 554 5.7.1 poor reputation of 198.51.100.7",
	     NULL, NULL, 0, "198.51.100.7");
	want("554 host mx.example.org[192.0.2.9] said: 554 5.7.1 rejected", NULL, NULL, 0, "");
	want("554 Client host [192.0.2.9] said nothing", NULL, NULL, 0, "192.0.2.9");
	want("554 [192.0.2.9] sai", NULL, NULL, 0, "192.0.2.9");
}

static void test_bytes(void **state)
{
	char big[5000];
	char out[8];
	(void)state;
	memset(big, '1', sizeof big);
	big[100] = '\0';
	want(big, NULL, NULL, 0, "");
	memset(big, ':', sizeof big);
	assert_int_equal(reply_ip_find(big, sizeof big, NULL, NULL, 0, out, sizeof out), 0);
	/* an address longer than out is cut, never overrun */
	assert_int_equal(reply_ip_find("x 2001:db8::1234 y", 18, NULL, NULL, 0, out, sizeof out), 1);
	assert_string_equal(out, "2001:db");
	/* the preferred address, cut the same way */
	assert_int_equal(reply_ip_find("x 192.0.2.1 2001:db8::1234 y", 28, NULL, (const char *const[]){ "2001:db8::1234" },
				       1, out, sizeof out), 1);
	assert_string_equal(out, "2001:db");
	/* no room: nothing written (the preferred address or the first) */
	memset(out, 'z', sizeof out);
	reply_ip_find("x 192.0.2.1 y", 13, NULL, (const char *const[]){ "192.0.2.1" }, 1, out, 0);
	reply_ip_find("x 192.0.2.1 y", 13, NULL, NULL, 0, out, 0);
	for (size_t i = 0; i < sizeof out; i++)
		assert_int_equal(out[i], 'z');
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shapes),
		cmocka_unit_test(test_tagged_and_ported),
		cmocka_unit_test(test_port_with_hex_letters),
		cmocka_unit_test(test_rfc_section),
		cmocka_unit_test(test_dotted_status_code),
		cmocka_unit_test(test_not_an_ip),
		cmocka_unit_test(test_runs),
		cmocka_unit_test(test_relay_and_prefer),
		cmocka_unit_test(test_bytes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
