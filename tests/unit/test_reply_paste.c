/* Unit tests for reply_paste.c: each entity, character reference and
 * typographic character read as ASCII, masked addresses as the unspecified
 * one, Cloudflare's hidden e-mail address as one, what stays as written (other entities, cut or malformed references,
 * other UTF-8, invalid bytes, dotted names and numbers), one pass only, in
 * place, odd and long input, seeded random texts against the contract, and
 * rules_classify reading a pasted reply as the one logged. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include "delivery.h"
#include "reply_paste.h"
#include "rules.h"

/* Reads in[0..len) through the step and expects want[0..wlen), out of
 * place and in place, with reply_paste_at agreeing. */
static void paste_n(const char *in, size_t len, const char *want, size_t wlen)
{
	char *out = malloc(len + 1), *inplace = malloc(len + 1);
	size_t n;
	assert_non_null(out);
	assert_non_null(inplace);
	memset(out, 'Z', len + 1);
	n = reply_paste(in, len, out);
	assert_int_equal(n, wlen);
	assert_memory_equal(out, want, wlen);
	assert_int_equal(out[n], '\0');
	assert_int_equal(reply_paste_at(in, len) < len, wlen != len || memcmp(in, want, len) != 0);
	if (len > 0)
		memcpy(inplace, in, len);
	assert_int_equal(reply_paste(inplace, len, inplace), wlen);
	assert_memory_equal(inplace, want, wlen);
	free(out);
	free(inplace);
}

static void paste(const char *in, const char *want)
{
	paste_n(in, strlen(in), want, strlen(want));
}

static void same(const char *in)
{
	paste(in, in);
}

static void test_entities(void **state)
{
	(void)state;
	paste("550 5.7.1 &lt;user@example.org&gt;: Recipient address rejected",
	      "550 5.7.1 <user@example.org>: Recipient address rejected");
	paste("Remote Server returned &#39;550 5.1.1 User unknown&#39;", "Remote Server returned '550 5.1.1 User unknown'");
	paste("550 &quot;AT&amp;T&quot; says &apos;no&apos;", "550 \"AT&T\" says 'no'");
	paste("550&nbsp;5.7.1&nbsp;x", "550 5.7.1 x");
	/* numeric references: decimal, hexadecimal (either x), leading zeros */
	paste("&#60;a&#62; &#x3C;b&#x3e; &#X27;c&#0000039; &#x000027;", "<a> <b> 'c' '");
	/* of the characters the step folds: no-break space, quotes, zero width */
	paste("550&#160;x &#8217;s &#x201C;y&#x201D; a&#8203;b&#xFEFF;", "550 x 's \"y\" ab");
	/* one pass: what a reference writes is not read again */
	paste("&amp;lt; &amp;#39; &#38;gt;", "&lt; &#39; &gt;");
}

static void test_not_entities(void **state)
{
	(void)state;
	same("AT&T &copy; &eacute; &foo; & ; &amp &lt &#; &#x; &#xZ; &#39 &#x27");
	same("&LT; &Amp; &QUOT;");				/* HTML spells them in lower case */
	same("&#0; &#9; &#10; &#127; &#128; &#233; &#x2014; &#1114111; &#x110000;");	/* not printable ASCII */
	same("&#00000039; &#x0000027;");			/* more digits than a reference has here */
	same("&#99999999999999999999;");
	same("&");
	same("&#");
	same("&#x");
	same("&#3");
	same("&am");
}

static void test_utf8(void **state)
{
	(void)state;
	paste("550\xc2\xa0" "5.7.1 a\xe2\x80\xaf" "b\xe2\x80\x87" "c", "550 5.7.1 a b c");
	paste("weren\xe2\x80\x99t sent \xe2\x80\x98x\xe2\x80\x99 \xe2\x80\x9cy\xe2\x80\x9d \xe2\x80\x9bz\xe2\x80\x9f",
	      "weren't sent 'x' \"y\" 'z\"");
	paste("\xef\xbb\xbf" "550 a\xe2\x80\x8b" "b\xe2\x80\x8c" "c\xe2\x80\x8d" "d\xe2\x81\xa0" "e", "550 abcde");
	paste("550 5.1.1 <a@example.org>\xe2\x80\xa6 User unknown &#8230;&#x2026;", "550 5.1.1 <a@example.org>... User unknown ......");
	/* other characters stay: accents, dashes, a bullet, Cyrillic, CJK */
	same("550 5.7.1 r\xc3\xa9" "fus\xc3\xa9 \xe2\x80\x93 \xe2\x80\x94 \xe2\x80\xa2 \xd0\xbf\xd0\xbe \xe4\xb8\xad");
	/* invalid or cut UTF-8 stays byte for byte */
	same("\xc2");
	same("\xc2\x41");
	same("\xe2\x80");
	same("\xe2\x41\x99");
	same("\xe2\x80\x41");
	same("\xef\xbb");
	same("\xef\xbb\xbe");
	same("\xc3\xa0\xa0");
}

/* Masked IPv4 addresses read as the unspecified address; what only looks
 * like one stays. */
static void test_masked(void **state)
{
	(void)state;
	paste("Client host [x.x.x.x] blocked", "Client host [0.0.0.0] blocked");
	paste("client [54.224.254.xxx] blocked using zen.spamhaus.org", "client [0.0.0.0] blocked using zen.spamhaus.org");
	paste("Your IP(211.xxx.xxx.xxx) is filtered", "Your IP(0.0.0.0) is filtered");
	paste("from XX.XX.XX.XX: ip=xxx.xxx.xxx.xxx, 1.2.*.* and x.x.x.x.", "from 0.0.0.0: ip=0.0.0.0, 0.0.0.0 and 0.0.0.0.");
	paste("x.x.x.x", "0.0.0.0");
	paste("[xxx.xxx.xxx.xxx]:46615", "[0.0.0.0]:46615");
	same("192.0.2.1 1.2.3.4 x.x.x x.x.x.x.x mx.x.x.x.x 1.x.x.xx1 xxxx.x.x.x x.x.x.xxxx");
	same("a.x.x.x.x ax.x.x.x x.x.x.xa x.x.x.x-y x_x.x.x.x x.x.x.x.example .x.x.x.x 1x.x.x.x");
	same("box.xx.xx.xx 5.x.x.x.5 x..x.x.x x.x.x.");
	paste("x.x.x.x.\n", "0.0.0.0.\n");	/* a full stop and no word after it */
}

/* Cloudflare's hidden address reads as an address, its gap as written. */
static void test_hidden(void **state)
{
	(void)state;
	paste("550 5.7.1 <[email protected]>... Relaying denied", "550 5.7.1 <x@example.invalid>... Relaying denied");
	paste("[email&#160;protected] [email\xc2\xa0protected] [email&nbsp;protected]",
	      "x@example.invalid x@example.invalid x@example.invalid");
	same("[email  protected] [email protected [Email protected] [email-protected] email protected]");
	same("[email&#161;protected] [email\xc2\xa1protected] [");
}

static void test_at(void **state)
{
	(void)state;
	assert_int_equal(reply_paste_at("", 0), 0);
	assert_int_equal(reply_paste_at("550 AT&T", 8), 8);
	assert_int_equal(reply_paste_at("550 a&lt;", 9), 5);
	assert_int_equal(reply_paste_at("550 &x; \xe2\x80\x99", 11), 8);
	assert_int_equal(reply_paste_at("\xc2\xa0", 2), 0);
	assert_int_equal(reply_paste_at("ab\xc2", 3), 3);
	/* NUL bytes are copied like any other */
	paste_n("a\0&lt;\0b", 8, "a\0<\0b", 5);
}

/* reply_paste_at finds each shape at every offset of texts up to 70 bytes
 * (the SSE2 loop's blocks and the tail; a masked address across a block's
 * end, its mask byte in the next block): the per-byte loop alone runs it
 * when built so: make O=build-nosse OPT='-O2 -U__SSE2__' build-nosse/tests/test_reply_paste */
static void test_at_offsets(void **state)
{
	static const char *const shapes[] = { "&lt;", "\xc2\xa0", "\xe2\x80\x99", "\xef\xbb\xbf", "x.x.x.x",
					      "211.xxx.xxx.xxx", "192.0.2.xxx", "1.2.*.*", "[email protected]" };
	char t[96];
	(void)state;
	for (size_t k = 0; k < sizeof shapes / sizeof shapes[0]; k++) {
		size_t sl = strlen(shapes[k]);
		for (size_t len = sl; len <= 70; len++)
			for (size_t at = 0; at + sl <= len; at++) {
				for (size_t i = 0; i < len; i++)
					t[i] = i % 5 == 4 ? ' ' : "words"[i % 5];
				if (at > 0)
					t[at - 1] = ' ';	/* a masked address opens after a blank */
				if (at + sl < len)
					t[at + sl] = ' ';
				memcpy(t + at, shapes[k], sl);
				assert_int_equal(reply_paste_at(t, len), at);
				if (at > 0 && k >= 4 && k <= 7) {	/* inside a word: no masked address */
					t[at - 1] = 'a';
					assert_int_equal(reply_paste_at(t, len), len);
				}
			}
	}
}

/* Long input: one pass, whatever it holds (a reference or a cut one at
 * every offset), and the output never longer. */
static void test_long(void **state)
{
	size_t n = 1 << 20, k;
	char *big = malloc(n + 1), *out = malloc(n + 1);
	(void)state;
	assert_non_null(big);
	assert_non_null(out);
	for (size_t i = 0; i < n; i++)
		big[i] = "&#39;"[i % 5];
	assert_int_equal(reply_paste(big, n, out), n / 5 + n % 5);	/* a cut "&#39;" stays */
	for (size_t i = 0; i < n; i++)
		big[i] = "&#3"[i % 3];
	assert_int_equal(reply_paste_at(big, n), n);
	for (size_t i = 0; i < n; i++)
		big[i] = (char)"\xe2\x80\x8b"[i % 3];
	k = reply_paste(big, n, big);
	assert_int_equal(k, n % 3);
	free(big);
	free(out);
}

/* Seeded random texts of the step's bytes: the output is no longer than
 * the input, as long only when it is the same, the same in place, and
 * reply_paste_at says where the first change is. */
static void test_random(void **state)
{
	static const char *const parts[] = { "&", "#", "x", "3", "9", ";", "lt", "amp", "a", " ", "\xc2", "\xa0",
					     "\xe2", "\x80", "\x99", "\x8b", "\xef", "\xbb", "\xbf", "\0",
					     ".", "x.", "xx", "*", "1.", "-", "X", "[email", "protected]", "&#160;" };
	uint64_t x = 0x2545f4914f6cdd1dull;
	(void)state;
	for (int it = 0; it < 20000; it++) {
		char text[96], *in, *out, *inplace;
		size_t len = 0, n, at;
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		for (size_t k = (size_t)(x % 24); k > 0; k--) {
			const char *p;
			size_t pl;
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			p = parts[x % (sizeof parts / sizeof parts[0])];
			pl = *p ? strlen(p) : 1;
			memcpy(text + len, p, pl);
			len += pl;
		}
		in = malloc(len ? len : 1);
		out = malloc(len + 1);
		inplace = malloc(len + 1);
		assert_non_null(in);
		assert_non_null(out);
		assert_non_null(inplace);
		memcpy(in, text, len);
		n = reply_paste(in, len, out);
		at = reply_paste_at(in, len);
		assert_true(n <= len);
		assert_int_equal(at == len, n == len && memcmp(out, in, len) == 0);
		assert_memory_equal(out, in, at);	/* nothing before the first change changes */
		memcpy(inplace, in, len);
		assert_int_equal(reply_paste_from(inplace, len, at, inplace), n);
		assert_memory_equal(inplace, out, n + 1);
		assert_int_equal(reply_paste_from(in, len, 0, inplace), n);	/* the fast scan missed nothing */
		assert_memory_equal(inplace, out, n + 1);
		free(in);
		free(out);
		free(inplace);
	}
}

/* rules_classify reads a pasted reply as the logged one: the rule reads
 * "<", "'", single spaces and an address for a masked one; rules_subject
 * shows the text it read, and the delivery's reply keeps every byte. */
static void test_rules_read_the_paste(void **state)
{
	char dir[] = "/tmp/bw-paste-XXXXXX", path[64], err[512];
	static const char *replies[] = {
		"550 5.7.1 Unfortunately, messages from [192.0.2.8] weren't sent <x@example.org>",
		"550 5.7.1 Unfortunately, messages from [192.0.2.8] weren&#39;t sent &lt;x@example.org&gt;",
		"550 5.7.1 Unfortunately, messages from [192.0.2.8] weren&#x27;t sent &#60;x@example.org&#62;",
		"550 5.7.1 Unfortunately, messages from [192.0.2.8] weren\xe2\x80\x99t sent <x@example.org>",
		"550\xc2\xa0" "5.7.1 Unfortunately,\xc2\xa0 messages from [192.0.2.8] weren't sent <x@example.org>",
		"\xef\xbb\xbf" "550 5.7.1 Unfortunately, messages\xe2\x80\x8b from [192.0.2.8] weren't sent <x@example.org>",
		"Remote Server returned &#39;550 5.7.1 Unfortunately, messages from [192.0.2.8] weren&#39;t sent "
		"&lt;x@example.org&gt;&#39;",
	};
	const char *want = replies[0];
	FILE *f;
	struct rules *r;
	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/t.rules", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("[t-s3140]\nprovider = generic\ncategory = blocklist\nblock = yes\npriority = 800\n"
	      "match = ^550 5\\.7\\.1 Unfortunately, messages from \\[(?<ip>[\\d.]+)\\] weren't sent <[^>]+>$\n"
	      "example = 550 5.7.1 Unfortunately, messages from [192.0.2.9] weren&#39;t sent &lt;a@example.org&gt;\n"
	      "example_ip = 192.0.2.9\n", f);
	fclose(f);
	r = rules_load(dir, err, sizeof err);
	if (r == NULL)
		fail_msg("%s", err);
	for (size_t i = 0; i < sizeof replies / sizeof replies[0]; i++) {
		struct delivery d;
		struct verdict v;
		struct str rd;
		delivery_reset(&d);
		d.status = DS_BOUNCED;
		d.reply = (struct str){ replies[i], strlen(replies[i]) };
		if (rules_classify(r, &d, &v) != 1)
			fail_msg("not matched: %s", replies[i]);
		assert_string_equal(v.rule_id, "t-s3140");
		assert_string_equal(v.sending_ip, "192.0.2.8");
		rd = rules_subject(r, &d);
		assert_int_equal(rd.len, strlen(want));
		assert_memory_equal(rd.p, want, rd.len);
		assert_ptr_equal(d.reply.p, replies[i]);
		assert_int_equal(d.reply.len, strlen(replies[i]));
	}
	/* a masked IP: the rule reads an address, the verdict names none; an
	 * unspecified address the reply writes itself is named as before */
	for (int k = 0; k < 2; k++) {
		const char *t = k == 0 ? "550 5.7.1 Unfortunately, messages from [xx.xx.xx.xx] weren't sent <x@example.org>"
				       : "550 5.7.1 Unfortunately, messages from [0.0.0.0] weren't sent <x@example.org>";
		struct delivery d;
		struct verdict v;
		delivery_reset(&d);
		d.status = DS_BOUNCED;
		d.reply = (struct str){ t, strlen(t) };
		if (rules_classify(r, &d, &v) != 1)
			fail_msg("not matched: %s", t);
		assert_string_equal(v.rule_id, "t-s3140");
		assert_string_equal(v.sending_ip, k == 0 ? "" : "0.0.0.0");
	}
	rules_free(r);
	unlink(path);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_entities),
		cmocka_unit_test(test_not_entities),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_masked),
		cmocka_unit_test(test_hidden),
		cmocka_unit_test(test_at),
		cmocka_unit_test(test_at_offsets),
		cmocka_unit_test(test_long),
		cmocka_unit_test(test_random),
		cmocka_unit_test(test_rules_read_the_paste),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
