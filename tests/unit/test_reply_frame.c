/* Unit tests for reply_frame.c: each frame taken off before a reply code,
 * the texts that only look like frames, the stage tail, squeezed blanks,
 * odd input (empty, cut, NUL bytes, long), and the rules matching a framed
 * reply as they match the bare one (rules_classify with a real rule set,
 * and rules_subject, the text they read). */
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
#include "reply_frame.h"
#include "rules.h"

/* Unframes in[0..len) and expects the reply want[0..wlen). */
static void unframe_n(const char *in, size_t len, const char *want, size_t wlen)
{
	size_t off = 99, n = reply_unframe(in, len, &off);
	assert_true(off + n <= len);
	assert_int_equal(n, wlen);
	assert_memory_equal(in + off, want, wlen);
}

static void unframe(const char *in, const char *want)
{
	unframe_n(in, strlen(in), want, strlen(want));
}

static void same(const char *in)
{
	size_t off = 99;
	assert_int_equal(reply_unframe(in, strlen(in), &off), strlen(in));
	assert_int_equal(off, 0);
}

/* Postfix's bounce text (as its DSNs and forum posts quote it). */
static void test_postfix(void **state)
{
	unframe("host mx.example.net[192.0.2.1] said: 550 5.7.1 Service unavailable; Client host [198.51.100.7] "
		"blocked using Blocklist 1 (in reply to RCPT TO command)",
		"550 5.7.1 Service unavailable; Client host [198.51.100.7] blocked using Blocklist 1");
	unframe("host mail.example.com[private/dovecot-lmtp] said: 550 5.1.1 <a@example.com> User doesn't exist",
		"550 5.1.1 <a@example.com> User doesn't exist");
	unframe("host mx.example.org[2001:db8::25] refused to talk to me: 554 5.7.1 Go away",
		"554 5.7.1 Go away");
	unframe("HOST MX.EXAMPLE.NET[192.0.2.1] SAID: 421 4.7.0 Try again", "421 4.7.0 Try again");
	/* a multi-line reply keeps its later prefixes for reply_join */
	unframe("host mx.example.net[192.0.2.1] said: 550-5.7.26 one 550 5.7.26 two (in reply to end of DATA command)",
		"550-5.7.26 one 550 5.7.26 two");
}

/* Exim's bounce text: "host H [A]: " and "SMTP error from remote mail
 * server after C: ", one inside the other too. */
static void test_exim(void **state)
{
	unframe("host mx.example.net [192.0.2.1]: 550 5.1.1 No such user", "550 5.1.1 No such user");
	unframe("SMTP error from remote mail server after RCPT TO:<a@example.net>: 550 5.7.1 Blocked",
		"550 5.7.1 Blocked");
	unframe("SMTP error from remote mail server after pipelined MAIL FROM:<b@example.org> SIZE=1234: "
		"452 4.3.1 Insufficient system resources", "452 4.3.1 Insufficient system resources");
	unframe("SMTP error from remote mail server after end of data: 554 5.6.0 Message rejected",
		"554 5.6.0 Message rejected");
	unframe("host mx.example.net [192.0.2.1]: SMTP error from remote mail server after RCPT TO:<a@b>: 550 No",
		"550 No");
	/* a colon inside the command that no code follows */
	unframe("SMTP error from remote mail server after RCPT TO:<a:b@example.net>: 550 x", "550 x");
}

/* A DSN's Diagnostic-Code and an Exchange NDR. */
static void test_dsn_and_exchange(void **state)
{
	unframe("smtp; 550 5.1.1 <a@example.com>... User unknown", "550 5.1.1 <a@example.com>... User unknown");
	unframe("smtp;550 5.1.1 User unknown", "550 5.1.1 User unknown");
	unframe("SMTP;\t 421 Busy", "421 Busy");
	unframe("Remote Server returned '550 5.1.8 Access denied, bad outbound sender'",
		"550 5.1.8 Access denied, bad outbound sender");
	unframe("Remote server returned '550 5.7.1 Unable to relay' ", "550 5.7.1 Unable to relay");
	/* the quote stays when no Exchange frame opened it */
	unframe("550 5.7.1 'quoted'", "550 5.7.1 'quoted'");
	/* a frame that quotes a bare code, and the code alone */
	unframe("smtp; 550", "550");
	unframe("smtp; 550-5.7.1 first 550 5.7.1 last", "550-5.7.1 first 550 5.7.1 last");
	/* Exchange's closing quote before Postfix's tail goes with the tail */
	unframe("Remote Server returned '550 x' (in reply to RCPT TO command)", "550 x");
	unframe("Remote Server returned '421 4.7.0 busy' (in reply to end of DATA command) ", "421 4.7.0 busy");
	/* a bare code may end at Exchange's closing quote */
	unframe("Remote Server returned '550'", "550");
	/* the tail in any case */
	unframe("550 x (IN REPLY TO RCPT TO COMMAND)", "550 x");
}

/* Texts that only look like frames stay whole. */
static void test_not_frames(void **state)
{
	same("host unknown");
	same("host mx.example.net[192.0.2.1] said: the server is down");
	same("host mx.example.net[192.0.2.1] said:550 no space");
	same("host mx.example.net[192.0.2.1 said: 550 x");
	same("host mx.example.net[] said: 550 x");
	same("host mx.example.net [192.0.2.1] 550 x");
	same("smtp; 5.1.1 enhanced code only");
	same("smtp; 6000 not a code");
	same("smtp; 5500 not a code");
	same("Remote Server returned 'Message rejected'");
	same("Remote Server returned '550x'");
	same("smtp; 550'");
	same("SMTP error from remote mail server after RCPT TO:<a@b>: no code");
	same("SMTP error from remote mail server after ");
	/* the relay's own reply that quotes another server stays the relay's */
	same("550 5.1.1 <a@example.com>: Recipient address rejected: undeliverable address: host "
	     "mx.example.com[192.0.2.9] said: 550 5.1.1 unknown user");
	same("550 5.7.1 smtp; 550 quoted inside");
}

/* Postfix's stage tail goes, once or repeated; look-alikes stay. */
static void test_stage(void **state)
{
	unframe("550 5.5.2 <a@b>: Sender address rejected (in reply to RCPT TO command)",
		"550 5.5.2 <a@b>: Sender address rejected");
	unframe("554 5.7.1 <a@b>: Relay access denied (in reply to RCPT TO command) (in reply to RCPT TO command)  ",
		"554 5.7.1 <a@b>: Relay access denied");
	unframe("550 Rejected (in reply to end of DATA command)", "550 Rejected");
	unframe("550 No (in reply to MAIL FROM command)", "550 No");
	same("550 No (in reply to RCPT TO command) and more");
	same("550 No (in reply to command)");
	same("550 No (in reply to 2 command)");
	same("550 No(in reply to RCPT TO command)");
	same("(in reply to RCPT TO command)");
	unframe(" (in reply to RCPT TO command)", "");
}

/* Blanks before a bare code, before a frame and after one go with them;
 * blanks nothing of the kind follows stay. */
static void test_leading_blanks(void **state)
{
	unframe(" 550 5.7.1 Blocked", "550 5.7.1 Blocked");
	unframe("\t  421-4.7.0 a 421 4.7.0 b", "421-4.7.0 a 421 4.7.0 b");
	unframe("  550", "550");
	unframe(" 550 x (in reply to RCPT TO command)", "550 x");
	unframe("  host mx.example.net[192.0.2.1] said: 550 5.1.1 No", "550 5.1.1 No");
	unframe("host mx.example.net[192.0.2.1] said:  \t550 5.1.1 No", "550 5.1.1 No");
	unframe("\tsmtp; \tRemote Server returned ' 550 5.7.1 x'", "550 5.7.1 x");
	unframe(" host mx.example.net [192.0.2.1]:  SMTP error from remote mail server after RCPT TO:<a@b>: 550 No",
		"550 No");
	unframe("SMTP error from remote mail server after RCPT TO:<a@b>:  \t550 5.1.1 No", "550 5.1.1 No");
	same("SMTP error from remote mail server after RCPT TO:<a@b>:   no code");
	same(" ");
	same(" \t ");
	same("  hello 550 x");
	same(" 5500 x");
	same(" 5.7.1 x");
	same("\n550 x");
	same("  host mx.example.net[192.0.2.1] said:  the server is down");
	same(" smtp;  ");
}

/* A pasted reply's quote marks and code span go before a code, an
 * enhanced code or a frame;
 * the closing backticks with them; without a code after them all stays. */
static void test_paste_marks(void **state)
{
	unframe("> 550 5.7.1 Blocked", "550 5.7.1 Blocked");
	unframe(">> 550 5.7.1 Blocked", "550 5.7.1 Blocked");
	unframe(" > > 	550 5.7.1 Blocked", "550 5.7.1 Blocked");
	unframe(">550", "550");
	unframe("`550 5.7.1 Blocked`", "550 5.7.1 Blocked");
	unframe("```550 5.7.1 Blocked``` ", "550 5.7.1 Blocked");
	unframe("`` 550 5.7.1 Blocked ``", "550 5.7.1 Blocked ");
	unframe("`550 5.7.1 Blocked", "550 5.7.1 Blocked");	/* cut before its end */
	unframe("`550 5.7.1 Blocked``", "550 5.7.1 Blocked`");	/* as many as opened, no more */
	unframe("> `550 5.7.1 x (in reply to RCPT TO command)`", "550 5.7.1 x");
	unframe("> host mx.example.net[192.0.2.1] said: 550 5.1.1 No (in reply to RCPT TO command)", "550 5.1.1 No");
	unframe("`Remote Server returned '550 5.7.1 x'`", "550 5.7.1 x");
	unframe("> `smtp; 550 5.7.1 x`", "550 5.7.1 x");
	/* an enhanced code after the marks (not after blanks alone: see test_leading_blanks) */
	unframe("> 5.5.1 Polite people say HELO first", "5.5.1 Polite people say HELO first");
	unframe("`4.3.0 <a@example.org>: Temporary lookup failure`", "4.3.0 <a@example.org>: Temporary lookup failure");
	unframe(">> `2.0.0`", "2.0.0");
	unframe("`550`", "550");
	same("550`");
	same("> 550`");
	same("> 5.7 x");
	same("> 5.7.1234 x");
	same("> 3.1.1 x");
	same("`5.1.1x`");
	same("> 5..1 x");
	same("> hello 550 x");
	same("> ");
	same(">");
	same("`");
	same("``````");
	same("`x` 550 y");
	same("````550 four backticks`");
	same("550 5.7.1 x `quoted` y`");	/* a reply without the opening mark keeps its backticks */
	same("550 a\n> 550 b");		/* a quote mark inside the text stays */
}

/* Seeded random framed replies, each unframed as written plainly (no blank
 * but those inside the frames and the reply) and again with blanks (spaces,
 * tabs) before the first frame and after each: the blanks change nothing
 * but where the reply starts, which moves by as many bytes; with no frame,
 * blanks before a bare code go. Each text in a heap buffer of exactly its
 * length. */
static void test_blanks_random(void **state)
{
	static const char *const frames[] = { "host mx.a.example[192.0.2.1] said: ", "HOST mx.b.example [192.0.2.3]: ",
					       "SMTP error from remote mail server after RCPT TO:<a@b>: ", "smtp;", "SMTP;",
					       "Remote Server returned '", "host x[192.0.2.4] refused to talk to me: " };
	static const char *const tails[] = { "550 5.7.1 blocked", "550-5.7.1 a\n550 5.7.1 b", "550", "452 4.2.2 full'",
					     "no code here", "5.7.1 x", "550 x (in reply to RCPT TO command)", "",
					     "host y[192.0.2.9] said: 421 later", "5500 x", "'550'" };
	uint64_t x = 0x853c49e6748fea9bull;
	(void)state;
	for (int it = 0; it < 20000; it++) {
		char plain[512], blanked[512], *a, *b;
		size_t lp = 0, lb = 0, nf, added = 0, off0, k0, off, k;
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		nf = (size_t)(x % 4);
		for (size_t j = (size_t)(x >> 4) % 4; j > 0; j--, added++)	/* before the first frame */
			blanked[lb++] = (x >> (8 + j)) & 1 ? ' ' : '\t';
		for (size_t f = 0; f < nf; f++) {
			const char *fr = frames[(x >> (12 + 4 * f)) % (sizeof frames / sizeof *frames)];
			size_t fl = strlen(fr);
			memcpy(plain + lp, fr, fl);
			memcpy(blanked + lb, fr, fl);
			lp += fl;
			lb += fl;
			for (size_t j = (x >> (30 + 3 * f)) % 3; j > 0; j--, added++)
				blanked[lb++] = (x >> (45 + j)) & 1 ? '\t' : ' ';
		}
		{
			const char *t = tails[(x >> 56) % (sizeof tails / sizeof *tails)];
			size_t tl = strlen(t);
			memcpy(plain + lp, t, tl);
			memcpy(blanked + lb, t, tl);
			lp += tl;
			lb += tl;
		}
		a = malloc(lp ? lp : 1);
		b = malloc(lb ? lb : 1);
		assert_non_null(a);
		assert_non_null(b);
		memcpy(a, plain, lp);
		memcpy(b, blanked, lb);
		k0 = reply_unframe(a, lp, &off0);
		k = reply_unframe(b, lb, &off);
		if (off0 > 0) {
			assert_int_equal(off, off0 + added);
			assert_int_equal(k, k0);
		} else if (nf == 0 && lp >= 3 && a[0] >= '2' && a[0] <= '5' && a[1] >= '0' && a[1] <= '9' &&
			   a[2] >= '0' && a[2] <= '9' && (lp == 3 || a[3] == ' ' || a[3] == '-')) {
			assert_int_equal(off, added);	/* blanks before a bare code */
			assert_int_equal(k, k0);
		} else {
			assert_int_equal(off, 0);
			assert_int_equal(lb - k, lp - k0);
		}
		free(a);
		free(b);
	}
}

/* Squeezes in and expects want; the contract too. */
static void squeeze(const char *in, const char *want)
{
	size_t len = strlen(in), n;
	char *out = malloc(len + 1);
	assert_non_null(out);
	memset(out, 'Z', len + 1);
	n = reply_squeeze(in, len, out);
	assert_int_equal(n, strlen(want));
	assert_memory_equal(out, want, n);
	assert_int_equal(out[n], '\0');
	assert_int_equal(reply_squeeze_at(in, len) < len, strcmp(in, want) != 0);
	/* in place */
	memcpy(out, in, len + 1);
	assert_int_equal(reply_squeeze(out, len, out), n);
	assert_string_equal(out, want);
	free(out);
}

static void test_squeeze(void **state)
{
	squeeze("550 5.7.1 Message rejected  due to local policy.  Please visit",
		"550 5.7.1 Message rejected due to local policy. Please visit");
	squeeze("550\t5.1.1 \t user unknown \t ", "550 5.1.1 user unknown");
	squeeze("550 5.1.1 user unknown", "550 5.1.1 user unknown");
	squeeze("550 a\nb", "550 a\nb");
	squeeze("  550 x", " 550 x");
	squeeze("   ", "");
	squeeze("", "");
}

/* The first byte to change, at every offset of texts up to 70 bytes (the
 * fast loop's blocks, SSE2's last overlapping block and the tails): two
 * spaces, a space and a tab, a tab, a space at the end; words with single
 * spaces find none. The 8-byte word loop of targets without SSE2 runs it
 * when built so: make O=build-nosse OPT='-O2 -U__SSE2__' build-nosse/tests/test_reply_frame */
static void test_squeeze_at_offsets(void **state)
{
	char t[72];
	(void)state;
	for (size_t len = 1; len <= 70; len++) {
		for (size_t i = 0; i < len; i++)
			t[i] = i % 4 == 3 ? ' ' : 'a';
		t[len - 1] = 'z';
		assert_int_equal(reply_squeeze_at(t, len), len);
		for (size_t k = 0; k + 1 < len; k++) {
			char a = t[k], b = t[k + 1];
			t[k] = ' ';
			t[k + 1] = ' ';
			assert_int_equal(reply_squeeze_at(t, len), k < 3 || t[k - 1] != ' ' ? k : k - 1);
			t[k + 1] = '\t';
			assert_int_equal(reply_squeeze_at(t, len), k < 3 || t[k - 1] != ' ' ? k : k - 1);
			t[k] = a;
			t[k + 1] = b;
			if (a != ' ' && (k == 0 || t[k - 1] != ' ')) {
				t[k] = '\t';
				assert_int_equal(reply_squeeze_at(t, len), k);
				t[k] = a;
			}
		}
		t[len - 1] = ' ';
		assert_int_equal(reply_squeeze_at(t, len), t[len - 2 < len ? len - 2 : 0] == ' ' && len >= 2 ? len - 2 : len - 1);
		t[len - 1] = 'z';
	}
}

/* The per-byte definition reply_squeeze_at's fast loops must agree with. */
static size_t squeeze_at_ref(const char *in, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (in[i] == '\t' || (in[i] == ' ' && (i + 1 == len || in[i + 1] == ' ' || in[i + 1] == '\t')))
			return i;
	return len;
}

/* reply_squeeze written plainly: each run of blanks one space, none at the end. */
static size_t squeeze_ref(const char *in, size_t len, char *out)
{
	size_t o = 0, i = 0;
	while (i < len)
		if (in[i] == ' ' || in[i] == '\t') {
			while (i < len && (in[i] == ' ' || in[i] == '\t'))
				i++;
			if (i < len)
				out[o++] = ' ';
		} else
			out[o++] = in[i++];
	out[o] = '\0';
	return o;
}

/* Seeded random texts against the plain versions, each in a heap buffer of
 * exactly its length (so that a sanitized or valgrind run sees any read
 * past it): any bytes, blanks often, or rarely in a long text so that the
 * first one falls in the fast loop, its last overlapping block or the tail;
 * reply_squeeze in a separate buffer and in place. */
static void test_squeeze_random(void **state)
{
	uint64_t x = 0x9e3779b97f4a7c15ull;
	(void)state;
	for (int it = 0; it < 40000; it++) {
		size_t len, want, n;
		char *in, *out, *ref;
		int mode;
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		len = (size_t)(x % (it % 8 == 0 ? 300 : 72));
		mode = (int)((x >> 20) % 3);
		in = malloc(len ? len : 1);
		out = malloc(len + 1);
		ref = malloc(len + 1);
		assert_non_null(in);
		assert_non_null(out);
		assert_non_null(ref);
		for (size_t i = 0; i < len; i++) {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			in[i] = mode == 0 ? (char)(x >> 24) : mode == 1 ? " \t a\0b"[x % 6] : (char)('a' + x % 26);
		}
		if (mode == 2 && len > 0) {	/* one blank, or two, somewhere in a long word */
			size_t k = (size_t)(x >> 32) % len;
			in[k] = (x >> 8) % 3 == 0 ? '\t' : ' ';
			if ((x >> 12) % 2 && k + 1 < len)
				in[k + 1] = (x >> 16) % 2 ? '\t' : ' ';
		}
		want = squeeze_at_ref(in, len);
		assert_int_equal(reply_squeeze_at(in, len), want);
		n = squeeze_ref(in, len, ref);
		assert_int_equal(reply_squeeze(in, len, out), n);
		assert_memory_equal(out, ref, n + 1);
		memcpy(out, in, len);
		assert_int_equal(reply_squeeze(out, len, out), n);
		assert_memory_equal(out, ref, n + 1);
		free(in);
		free(out);
		free(ref);
	}
}

/* Empty, cut and NUL-holding input; a long one. */
static void test_odd_input(void **state)
{
	static const char nul[] = "smtp; 550 a\0b";
	char *big;
	size_t n = 1 << 20, off;
	same("");
	same("host ");
	same("host a");
	same("host a[");
	same("host a[b]");
	same("host a[b] said: ");
	same("host a [b]:");
	same("Remote Server returned '");
	same("smtp;");
	unframe_n(nul, sizeof nul - 1, "550 a\0b", 7);
	assert_int_equal(reply_squeeze_at("a\0 \0b", 5), 5);
	assert_int_equal(reply_squeeze_at("ab  c", 5), 2);
	assert_int_equal(reply_squeeze_at("ab c\t", 5), 4);
	assert_int_equal(reply_squeeze_at("ab c ", 5), 4);
	big = malloc(n);
	assert_non_null(big);
	memset(big, ' ', n);
	assert_int_equal(reply_unframe(big, n, &off), n);
	assert_int_equal(reply_squeeze(big, n, big), 0);
	memcpy(big, "smtp; ", 6);
	for (size_t i = 6; i < n; i++)
		big[i] = "550 "[(i - 6) % 4];
	assert_int_equal(reply_unframe(big, n, &off), n - 6);
	assert_int_equal(off, 6);
	free(big);
}

/* rules_classify reads a framed reply as the bare one, and its example
 * check too: a rule anchored on the reply code takes both. */
static void test_rules_read_the_reply(void **state)
{
	char dir[] = "/tmp/bw-frame-XXXXXX", path[64], err[512];
	static const char *replies[] = {
		"550 5.7.1 Client host [192.0.2.8] blocked  by our list",
		"host mx.example.net[198.51.100.1] said: 550 5.7.1 Client host [192.0.2.8] blocked by our list "
		"(in reply to RCPT TO command)",
		"smtp; 550-5.7.1 Client host [192.0.2.8] 550 5.7.1 blocked by\tour list",
		"Remote Server returned '550 5.7.1 Client host [192.0.2.8] blocked by our list'",
		"SMTP error from remote mail server after RCPT TO:<a@example.org>: 550 5.7.1 Client host "
		"[192.0.2.8] blocked by our list",
		" \t550 5.7.1 Client host [192.0.2.8] blocked by our list",
		"  550-5.7.1 Client host [192.0.2.8] 550 5.7.1 blocked by our list",	/* joined once unframed */
	};
	FILE *f;
	struct rules *r;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/t.rules", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("[t-listed]\nprovider = generic\ncategory = blocklist\nblock = yes\npriority = 800\n"
	      "match = ^550[ -]5\\.7\\.1 Client host \\[(?<ip>[\\d.]+)\\] blocked by our list$\n"
	      "example = host mx.example.net[198.51.100.1] said: 550 5.7.1 Client host [192.0.2.9] blocked by "
	      "our list\nexample_ip = 192.0.2.9\n", f);
	fclose(f);
	r = rules_load(dir, err, sizeof err);
	assert_non_null(r);
	for (size_t i = 0; i < sizeof replies / sizeof replies[0]; i++) {
		struct delivery d;
		struct verdict v;
		delivery_reset(&d);
		d.status = DS_BOUNCED;
		d.reply = (struct str){ replies[i], strlen(replies[i]) };
		if (rules_classify(r, &d, &v) != 1)
			fail_msg("not matched: %s", replies[i]);
		assert_string_equal(v.rule_id, "t-listed");
		assert_string_equal(v.sending_ip, "192.0.2.8");
		/* the text rules_subject shows is the one the rule read */
		struct str rd = rules_subject(r, &d);
		const char *want = i == 2 || i == 6 ? "550-5.7.1 Client host [192.0.2.8] blocked by our list"
					  : "550 5.7.1 Client host [192.0.2.8] blocked by our list";
		assert_int_equal(rd.len, strlen(want));
		assert_memory_equal(rd.p, want, rd.len);
	}
	rules_free(r);
	unlink(path);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_postfix),
		cmocka_unit_test(test_exim),
		cmocka_unit_test(test_dsn_and_exchange),
		cmocka_unit_test(test_not_frames),
		cmocka_unit_test(test_stage),
		cmocka_unit_test(test_leading_blanks),
		cmocka_unit_test(test_paste_marks),
		cmocka_unit_test(test_blanks_random),
		cmocka_unit_test(test_squeeze),
		cmocka_unit_test(test_squeeze_at_offsets),
		cmocka_unit_test(test_squeeze_random),
		cmocka_unit_test(test_odd_input),
		cmocka_unit_test(test_rules_read_the_reply),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
