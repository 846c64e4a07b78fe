/* Seeded random tests of reply_unframe's pasted-reply marks (reply_frame.h)
 * against the contract: quote marks ('>' and the blanks after it, once or
 * repeated) and a code span (1 to 3 backticks, as many or fewer closing it
 * at the end, blanks after them) go when a frame, a reply code or an
 * enhanced status code follows them, and then the reply read is the one
 * read without them; otherwise the text stays from its first byte. Each
 * text is in a buffer of its exact length (AddressSanitizer sees a read
 * past it). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "reply_frame.h"

static uint64_t rng = 0x853c49e6748fea9bull;

static uint64_t next(void)
{
	rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
	return rng;
}

static int digit(char c) { return c >= '0' && c <= '9'; }

/* Whether t[0..n) opens with a reply code or an enhanced status code (the
 * header's words: [2-5] two digits then ' ', '-' or the end; a class 2, 4
 * or 5, '.', 1 to 3 digits, '.', 1 to 3 digits, then ' ' or the end). */
static int opens_code(const char *t, size_t n)
{
	size_t i = 2, d;
	if (n >= 3 && t[0] >= '2' && t[0] <= '5' && digit(t[1]) && digit(t[2]) &&
	    (n == 3 || t[3] == ' ' || t[3] == '-'))
		return 1;
	if (n < 5 || (t[0] != '2' && t[0] != '4' && t[0] != '5') || t[1] != '.')
		return 0;
	for (d = 0; i < n && digit(t[i]); i++)
		d++;
	if (d < 1 || d > 3 || i >= n || t[i++] != '.')
		return 0;
	for (d = 0; i < n && digit(t[i]); i++)
		d++;
	return d >= 1 && d <= 3 && (i == n || t[i] == ' ');
}

/* The reply reply_unframe reads in s[0..n) (a copy of exactly n bytes). */
static size_t unframed(const char *s, size_t n, char *out, size_t *off)
{
	char *c = malloc(n ? n : 1);
	size_t k;
	assert_non_null(c);
	memcpy(c, s, n);
	k = reply_unframe(c, n, off);
	assert_true(*off <= n && k <= n - *off);
	memcpy(out, c + *off, k);
	free(c);
	return k;
}

static void test_marks_random(void **state)
{
	static const char *const heads[] = {
		"550 ", "550-", "421", "554 5.7.1 ", "5.7.1 ", "4.4.2 ", "2.0.0", "5.7.1234 ", "5.71.1x",
		"host mx.example.com[192.0.2.1] said: ", "host mx.example.com [192.0.2.1]: ",
		"Remote Server returned '", "smtp; ", "smtp;550 ",
		"SMTP error from remote mail server after RCPT TO:<a@b>: ", "hello ", "5.7 ", "55 ", "x.x ",
		"host ", "650 ", "5.", "",
	};
	static const char *const body[] = {
		"550 ", "5.7.1 ", "blocked", " ", "'", "\t", ">", "> ", "x", "[192.0.2.1]", ":",
		" (in reply to RCPT TO command)", " (in reply to end of DATA command)", "said: ", "host ",
	};
	static const char *const marks[] = { "> ", ">> ", "> > ", ">", ">\t", " > ", ">  >", "" };
	(void)state;
	for (int it = 0; it < 100000; it++) {
		char t[512], s[600], a[600], b[600];
		size_t tl = 0, sl = 0, ticks = next() % 4, close = ticks ? next() % (ticks + 1) : 0, off, toff, n, tn;
		const char *h = heads[next() % (sizeof heads / sizeof heads[0])], *m;
		memcpy(t, h, strlen(h));
		tl = strlen(h);
		for (size_t k = next() % 8; k > 0; k--) {
			const char *p = body[next() % (sizeof body / sizeof body[0])];
			memcpy(t + tl, p, strlen(p));
			tl += strlen(p);
		}
		if (ticks > 0) {	/* words before the closing backticks: a frame's bare code
					 * there ("`smtp;550`") is not read (left alone) */
			memcpy(t + tl, " x", 2);
			tl += 2;
		}
		while (tl > 0 && (t[tl - 1] == ' ' || t[tl - 1] == '\t'))
			tl--;	/* a code span closes right after the reply */
		if (tl > 0 && (t[0] == ' ' || t[0] == '\t'))
			continue;	/* the blanks after the marks are the marks' */
		m = marks[next() % (sizeof marks / sizeof marks[0])];
		if ((*m == '\0' && ticks == 0) || (ticks > 0 && tl > 0 && t[0] == '>'))
			continue;	/* no mark; or a quote mark inside a code span: "`> 550`" */
		memcpy(s, m, strlen(m));
		sl = strlen(m);
		for (size_t k = 0; k < ticks; k++)
			s[sl++] = '`';
		if (ticks > 0 && next() % 2)
			s[sl++] = ' ';
		memcpy(s + sl, t, tl);
		sl += tl;
		for (size_t k = 0; k < close; k++)
			s[sl++] = '`';
		if (close > 0 && next() % 2)
			s[sl++] = ' ';
		n = unframed(s, sl, a, &off);
		tn = unframed(t, tl, b, &toff);
		if (toff > 0 || opens_code(t, tl)) {
			if (n != tn || memcmp(a, b, n) != 0)
				fail_msg("marked \"%.*s\" reads \"%.*s\"; unmarked \"%.*s\" reads \"%.*s\"", (int)sl, s,
					 (int)n, a, (int)tl, t, (int)tn, b);
		} else if (off != 0) {
			fail_msg("\"%.*s\": no code follows the marks, yet the reply starts at %zu", (int)sl, s, off);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_marks_random),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
