/* The text the rules read (rules_subject: paste, frame, join, squeeze) of a
 * reply written as a web page or a word processor writes it is the text
 * they read of the reply as the server wrote it (reply_paste.h). Seeded
 * random replies (codes, frames, quote marks, code spans, continuation
 * lines, blanks and tabs) are written again with their characters as
 * entities, decimal and hexadecimal references (with leading zeros),
 * typographic quotes, no-break spaces and zero-width characters; both read
 * the same. The replies hold no '&', no '*' and 'x' only inside words:
 * there the text as written decides (one pass; a masked address opens only
 * where no word goes on), so the two may differ by the contract. */
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
#include "rules.h"
#include "testutil.h"

static uint64_t rng = 0x9fb21c651e98df25ull;

static uint64_t next(void)
{
	rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
	return rng;
}

/* Appends c to out as a paste may write it. */
static size_t encode(char c, char *out)
{
	static const char *const blank[] = { "&nbsp;", "\xc2\xa0", "\xe2\x80\x87", "\xe2\x80\xaf", "&#160;", "&#xA0;" };
	static const char *const zero[] = { "\xe2\x80\x8b", "\xe2\x80\x8c", "\xe2\x80\x8d", "\xe2\x81\xa0",
					    "\xef\xbb\xbf", "&#8203;", "&#xFEFF;" };
	size_t n = 0;
	if (next() % 8 == 0)	/* a zero-width character before it */
		n += (size_t)snprintf(out, 16, "%s", zero[next() % (sizeof zero / sizeof zero[0])]);
	if (c < 0x20 || c > 0x7e || next() % 3 == 0) {
		out[n] = c;
		return n + 1;
	}
	switch (next() % 4) {
	case 0:
		if (c == ' ')
			return n + (size_t)snprintf(out + n, 16, "%s", blank[next() % (sizeof blank / sizeof blank[0])]);
		if (c == '\'')
			return n + (size_t)snprintf(out + n, 16, "%s",
						   (const char *[]){ "\xe2\x80\x98", "\xe2\x80\x99", "\xe2\x80\x9b", "&apos;" }[next() % 4]);
		if (c == '"')
			return n + (size_t)snprintf(out + n, 16, "%s",
						   (const char *[]){ "\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x80\x9f", "&quot;" }[next() % 4]);
		if (c == '<' || c == '>')
			return n + (size_t)snprintf(out + n, 16, "%s", c == '<' ? "&lt;" : "&gt;");
		/* fall through */
	case 1:
		return n + (size_t)snprintf(out + n, 16, "&#%0*d;", (int)(1 + next() % 4), c);
	case 2:
		return n + (size_t)snprintf(out + n, 16, "&#%c%0*X;", next() % 2 ? 'x' : 'X', (int)(1 + next() % 4), c);
	default:
		return n + (size_t)snprintf(out + n, 16, "&#x%0*x;", (int)(1 + next() % 4), c);
	}
}

static void test_pasted_reads_as_written(void **state)
{
	static const char *const pieces[] = {
		"550 ", "550-", "421 ", "5.7.1 ", "4.4.2 ", "host mx.example.com[192.0.2.1] said: ",
		"Remote Server returned '", "smtp; ", "SMTP error from remote mail server after RCPT TO:<a@b>: ",
		"> ", ">> ", "`", "``", "blocked", "Blocked", "user unknown", "192.0.2.9", "[192.0.2.9]", "<a@b.example>",
		" ", "  ", "\t", "'", "\"", ":", ";", ".", ",", "(in reply to RCPT TO command)",
		" (in reply to end of DATA command)", "\n550-", "\n550 ", "\n", "Spamhaus", "see https://a.example/q?b=1",
		"#", "%", "$", "~", "0", "1.2.3.4", "5.5.5.5.5",
	};
	char dir[64], err[512];
	struct rules *r;
	(void)state;
	tu_mkdtemp(dir, sizeof dir, "pastesubj");
	tu_write(dir, "t.rules", "[t-any]\ncategory = other\nmatch = ^\\d\n");
	r = rules_load(dir, err, sizeof err);
	tu_rmtree(dir);
	if (r == NULL)
		fail_msg("%s", err);
	for (int it = 0; it < 50000; it++) {
		char plain[1024], pasted[1024 * 12], *want;
		size_t pl = 0, ql = 0;
		struct delivery d;
		struct str s;
		for (size_t k = 1 + next() % 10; k > 0; k--) {
			const char *p = pieces[next() % (sizeof pieces / sizeof pieces[0])];
			memcpy(plain + pl, p, strlen(p));
			pl += strlen(p);
		}
		for (size_t i = 0; i < pl; i++)
			ql += encode(plain[i], pasted + ql);
		delivery_reset(&d);
		d.status = DS_BOUNCED;
		d.reply = (struct str){ plain, pl };
		s = rules_subject(r, &d);
		want = malloc(s.len + 1);
		assert_non_null(want);
		memcpy(want, s.p, s.len);
		want[s.len] = '\0';
		d.reply = (struct str){ pasted, ql };
		s = rules_subject(r, &d);
		if (s.len != strlen(want) || memcmp(s.p, want, s.len) != 0)
			fail_msg("\"%.*s\" reads \"%.*s\"; as written, \"%.*s\" reads \"%s\"", (int)ql, pasted, (int)s.len,
				 s.p, (int)pl, plain, want);
		free(want);
	}
	rules_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pasted_reads_as_written),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
