/* Unit tests for normalise.c: what is replaced, what is kept, bytes, caps. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "normalise.h"

static void check(const char *in, const char *want)
{
	char out[1024];
	size_t n = reply_normalise(in, strlen(in), out, sizeof out);
	assert_string_equal(out, want);
	assert_int_equal(n, strlen(want));
}

static void test_microsoft(void **state)
{
	check("550 5.7.1 Unfortunately, messages from [203.0.113.7] weren't sent. Please contact your "
	      "Internet service provider since part of their network is on our block list (S3140). "
	      "[AM4PEPF00027A6C.eurprd04.prod.outlook.com 2024-01-01T00:00:00.000Z 08DC0A1B2C3D4E5F]",
	      "550 5.7.1 Unfortunately, messages from [<ip>] weren't sent. Please contact your "
	      "Internet service provider since part of their network is on our block list (S3140). "
	      "[<host> <time> <id>]");
}

/* One kind of reply, one reason: the server tags and ids providers append
 * differ from one message to the next. */
static void test_server_tags_and_ids(void **state)
{
	static const char *const s3140[] = {
		"550 5.7.1 Unfortunately, messages from [203.0.113.7] weren't sent. (S3140). "
		"[DB5EUR03FT021.eop-EUR03.prod.protection.outlook.com 2026-11-27T07:54:23.481Z 7E4A43A0A43571C5]",
		"550 5.7.1 Unfortunately, messages from [203.0.113.8] weren't sent. (S3140). "
		"[BN8NAM11FT066.eop-nam11.prod.protection.outlook.com 2026-11-28T01:02:03.004Z 08DCE0000000070]",
	};
	char a[512], b[512];
	reply_normalise(s3140[0], strlen(s3140[0]), a, sizeof a);
	reply_normalise(s3140[1], strlen(s3140[1]), b, sizeof b);
	assert_string_equal(a, b);
	assert_string_equal(a, "550 5.7.1 Unfortunately, messages from [<ip>] weren't sent. (S3140). "
			    "[<host> <time> <id>]");
	check("452 4.2.2 recipient to 452 4.2.2 https://support.google.com/mail/?p=OverQuotaTemp "
	      "a48-d2e1a72fcca58.123 - gsmtp",
	      "452 4.2.2 recipient to 452 4.2.2 https://support.google.com/mail/?p=OverQuotaTemp <id> - gsmtp");
	check("452 4.2.2 x h04-20020a05600c1234.9 - gsmtp", "452 4.2.2 x <id> - gsmtp");
	check("554 delivery error: dd This user doesn't have a yahoo.com account (<a@yahoo.com>) [0] - "
	      "mta1012.mail.bf1.yahoo.com", "554 delivery error: dd This user doesn't have a yahoo.com "
	      "account (<addr>) [<n>] - <host>");
	/* names that say what they are stay: no digit, or two labels; words stay */
	check("blocked using zen.spamhaus.org; see mail.live.com and gmx.net",
	      "blocked using zen.spamhaus.org; see mail.live.com and gmx.net");
	check("TLSv1.3 UTF-8 x-y2 hotmail-com.olc.protection.outlook.com",
	      "TLSv1.<n> UTF-<n> x-y2 hotmail-com.olc.protection.outlook.com");
	check("- 4.16.55.1; see", "- <ip>; see");
}

/* Coremail's session id (NetEase 163 / 126 and the servers running it) and
 * Tencent's base64 tag are one id each, whatever letters they draw; words,
 * URL paths and host names are not. */
static void test_base64_ids(void **state)
{
	check("421 HL:ICC 163 mx17,QsCowEBJN2gjW0ZjbxgBAA--.0S2 1665555235",
	      "421 HL:ICC <n> mx17,<id> <n>");
	check("554 DT:SPM 163 smtp12,EMCowACnzwc_BjhcKMZmAQ--.20404S2 1547175487,please see",
	      "554 DT:SPM <n> smtp12,<id> <n>,please see");
	check("554 sender is rejected: 0,mx20,wKjR5bDrnoM2yNtEZVAkBg==.32467S2",
	      "554 sender is rejected: <n>,mx20,<id>");
	check("550 Mail content denied. [MMgClwz4CxLNCeDGU0+rBWda1uvaHEb9H77TktQ1Wj]",
	      "550 Mail content denied. [<id>]");
	check("550 [MMgClwz4CxLNCeDGU0+rBWda1uvaHEb9H77TktQ1WjmDFt0KfX6R1lTM0m9ug3/S9Q== IP: 192.0.2.1]",
	      "550 [<id> IP: <ip>]");
	check("see https://help.example.com/cgi-bin/help/help_spam_16.htm and/or TCP/IP Postfix/Dovecot",
	      "see https://help.example.com/cgi-bin/help/help_spam_<n>.htm and/or TCP/IP Postfix/Dovecot");
	check("535 5.7.139 SmtpClientAuthentication is disabled. Visit https://aka.ms/smtp_auth_disabled "
	      "https://support.apple.com/en-us/HT204137 DeliveryRestrictionsFailed",
	      "535 5.7.139 SmtpClientAuthentication is disabled. Visit https://aka.ms/smtp_auth_disabled "
	      "https://support.apple.com/en-us/<id> DeliveryRestrictionsFailed");
	/* two waves of one refusal group as one */
	char a[256], b[256];
	const char *x = "451 MI:XYZ 163 smtp3,DdGowAAHgU8jW0Zj7k8BAA--.0S2 1665555235";
	const char *y = "451 MI:XYZ 163 smtp3,HdxpCgA3f+63sTNhtiNZDA--.2001S2 1630777785";
	reply_normalise(x, strlen(x), a, sizeof a);
	reply_normalise(y, strlen(y), b, sizeof b);
	assert_string_equal(a, b);
}

/* What a base64 id is not: words joined by '/' or '_' ("Dialup/transient",
 * "Filtering/Authentication", a URL's path), nor the head of an id joined
 * by '-' (base64url: Naver's "ldE8NzE3RyeycidQ-DBxBg", Mimecast's
 * "gz1Vvz1VN9ikuIVSF81-Wg.au11"), which stays one <id> as a whole. */
static void test_base64_not_words(void **state)
{
	char a[256], b[256];
	const char *css = "554 5.7.1 Client host [192.0.2.1] blocked using zen.spamhaus.org; "
			  "https://www.spamhaus.org/sbl/query/SBLCSS";
	const char *sbl = "554 5.7.1 Client host [192.0.2.1] blocked using zen.spamhaus.org; "
			  "https://www.spamhaus.org/sbl/query/SBL498263";
	(void)state;
	check("554 IP=http://192.0.2.1/ - Dialup/transient IP not allowed. (DIAL)",
	      "554 IP=http://<ip>/ - Dialup/transient IP not allowed. (DIAL)");
	check("421 Block temporarily (Sender Filtering/Authentication)",
	      "421 Block temporarily (Sender Filtering/Authentication)");
	check("553 5.3.0 Spam/blacklisted see", "553 5.3.0 Spam/blacklisted see");
	check("553 Invalid/inactive user.", "553 Invalid/inactive user.");
	check("see https://search.example.com/?q=Sender+Policy+Framework",
	      "see https://search.example.com/?q=Sender+Policy+Framework");
	check("550 [Message=InfoDomainNonexistent] [LastAttemptedServerName=nx.example]",
	      "550 [Message=InfoDomainNonexistent] [LastAttemptedServerName=nx.example]");
	check("see http://kb.example.com/Mail_Knowledge_Base/Administration_Console/Error_Codes#550",
	      "see http://kb.example.com/Mail_Knowledge_Base/Administration_Console/Error_Codes#<n>");
	check("see https://help.yahoo.com/kb/postmaster/SLN3434.html",
	      "see https://help.yahoo.com/kb/postmaster/<id>");
	/* a CSS listing and an SBL record are two reasons */
	reply_normalise(css, strlen(css), a, sizeof a);
	reply_normalise(sbl, strlen(sbl), b, sizeof b);
	assert_string_not_equal(a, b);
	check(css, "554 5.7.1 Client host [<ip>] blocked using zen.spamhaus.org; "
		   "https://www.spamhaus.org/sbl/query/SBLCSS");
	check("550 5.1.1 No such user ldE8NzE3RyeycidQ-DBxBg - nsmtp", "550 5.1.1 No such user <id> - nsmtp");
	check("550 Envelope blocked - User Entry [gz1Vvz1VN9ikuIVSF81-Wg.au11]",
	      "550 Envelope blocked - User Entry [<id>]");
	check("550 c=7y4ytdHbuOGv3O50NYTwpz1F-TVIpnactxtFPeFQSDYMAAAAaKgAAOX_3hE~",
	      "550 c=<id>_3hE~");
}

static void test_codes_kept(void **state)
{
	check("421-4.7.0 [2001:db8::1 12] Our system has detected 550-5.7.1 x",
	      "421-4.7.0 [<ip> <n>] Our system has detected 550-5.7.1 x");
	check("554 rejected", "554 rejected");
	check("host said: 5.1.1 unknown", "host said: 5.1.1 unknown");
	check("try again in 300 seconds", "try again in <n> seconds");
	check("192.0.2.1 listed", "<ip> listed");
	check("[IPv6:2001:db8::25] x", "[IPv6:<ip>] x");
	check("at 12:30:01 today", "at <n>:<n>:<n> today");
}

static void test_addresses(void **state)
{
	check("550 5.1.1 <john.doe+x@mail.example.co.uk>: Recipient address rejected",
	      "550 5.1.1 <addr>: Recipient address rejected");
	/* bracketed or bare, the same reason */
	check("550 5.1.1 <u3@example.org>: unknown", "550 5.1.1 <addr>: unknown");
	check("550 5.1.1 u3@example.org: unknown", "550 5.1.1 <addr>: unknown");
	check("RCPT TO:<a@b.example> rejected", "RCPT TO:<addr> rejected");
	/* an unclosed or empty bracket stays */
	check("<a@b.example x", "<<addr> x");
	check("<> and <x> and <", "<> and <x> and <");
	check("user@localhost and a@b.c.", "user@localhost and <addr>.");
	check("queue id 4XyZ1Q2w3Ab accepted", "queue id <id> accepted");
}

static void test_space_and_bytes(void **state)
{
	char out[64];
	static const char in[] = "  550 5.7.1\t\t a\0b \xff\xfe 1234  ";
	size_t n = reply_normalise(in, sizeof in - 1, out, sizeof out);
	assert_int_equal(n, 20);
	assert_memory_equal(out, "550 5.7.1 a\0b \xff\xfe <n>", 21);
}

static void test_caps(void **state)
{
	char out[8], *big;
	size_t n = reply_normalise("550 5.7.1 blocked", 17, out, sizeof out);
	assert_int_equal(n, 7);
	assert_string_equal(out, "550 5.7");
	n = reply_normalise("abc", 3, out, 1);
	assert_int_equal(n, 0);
	assert_string_equal(out, "");
	/* long runs of near-misses stay linear (and finish) */
	big = malloc(200001);
	for (size_t i = 0; i < 200000; i++)
		big[i] = "a-1:."[i % 5];
	big[200000] = '\0';
	{
		char *o = malloc(300000);
		n = reply_normalise(big, 200000, o, 300000);
		assert_true(n > 0);
		free(o);
	}
	free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_microsoft),
		cmocka_unit_test(test_server_tags_and_ids),
		cmocka_unit_test(test_base64_ids),
		cmocka_unit_test(test_base64_not_words),
		cmocka_unit_test(test_codes_kept),
		cmocka_unit_test(test_addresses),
		cmocka_unit_test(test_space_and_bytes),
		cmocka_unit_test(test_caps),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
