/* Unit tests for rxparts.c: the parts a rule's pattern splits into (the
 * body, the guard at offset 0, the forbidden words), the patterns left
 * whole, and stepping over groups and classes. That the parts mean the
 * pattern is checked over the whole library by test_litfilter.c and
 * against PCRE2 by tests/fuzz/fuzz_rxparts.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "rxparts.h"

/* Splits pat and expects the parts (NULL: that part absent). */
static void split_as(const char *pat, const char *body, const char *guard, const char *forbid, int body_any,
		     int dot_all)
{
	struct rxparts p;
	assert_int_equal(rxparts_split(pat, &p), 1);
	assert_string_equal(p.body, body);
	if (guard)
		assert_string_equal(p.guard, guard);
	else
		assert_null(p.guard);
	if (forbid)
		assert_string_equal(p.forbid, forbid);
	else
		assert_null(p.forbid);
	assert_int_equal(p.body_any, body_any);
	assert_int_equal(p.dot_all, dot_all);
	rxparts_release(&p);
}

/* Splits pat and expects its forbidden words, '\n' between them ("" none). */
static void words_are(const char *pat, const char *words)
{
	struct rxparts p;
	char got[1024] = "";
	assert_int_equal(rxparts_split(pat, &p), 1);
	for (size_t k = 0; k < p.nwords; k++)
		snprintf(got + strlen(got), sizeof got - strlen(got), "%s%s", k ? "\n" : "", p.words[k]);
	if (strcmp(got, words) != 0)
		fail_msg("'%s': words\n%s\nnot\n%s", pat, got, words);
	rxparts_release(&p);
}

static void whole(const char *pat)
{
	struct rxparts p;
	if (rxparts_split(pat, &p) != 0)
		fail_msg("'%s' split into '%s'", pat, p.body);
	assert_null(p.body);
	assert_null(p.guard);
	assert_null(p.forbid);
	assert_int_equal(p.nwords, 0);
}

static void test_split(void **state)
{
	(void)state;
	/* the common guard: words that must not be anywhere ahead */
	split_as("(?i)^(?!.*?\\b(?:PTR|HELO|SPF)\\b).*?blocked (?<ip>[\\d.]+)", "(?i)blocked (?<ip>[\\d.]+)", NULL,
		 "(?i)(?:\\b(?:PTR|HELO|SPF)\\b)", 1, 0);
	/* greedy ".*" too; several join as alternatives; s kept */
	split_as("(?s)^(?!.*\\bmailbox\\b)(?!.*?inbox).*?limit", "(?s)limit", NULL,
		 "(?s)(?:\\bmailbox\\b)|(?:inbox)", 1, 1);
	/* other assertions without a capture: the guard at offset 0 */
	split_as("^(?![23]\\d\\d\\b)(?!.*?greylist)5\\d\\d .*?deferred", "^5\\d\\d .*?deferred", "^(?![23]\\d\\d\\b)",
		 "(?:greylist)", 0, 0);
	split_as("(?i)^(?=.*?\\bspam\\b)(?!.*?\\bURL).*?sender", "(?i)sender", "(?i)^(?=.*?\\bspam\\b)",
		 "(?i)(?:\\bURL)", 1, 0);
	/* an assertion with a capture stays with the body, which stays anchored */
	split_as("^(?=.*?(?<ip>\\d+\\.\\d+\\.\\d+\\.\\d+))(?!.*?PTR).*?listed", "^(?=.*?(?<ip>\\d+\\.\\d+\\.\\d+\\.\\d+)).*?listed",
		 NULL, "(?:PTR)", 0, 0);
	/* "(?!.*?X|Y)": Y at offset 0 only, so the guard keeps it */
	split_as("^(?!.*?foo|bar).*?baz", "baz", "^(?!.*?foo|bar)", NULL, 1, 0);
	/* a class holding ')' and '|' does not end the assertion */
	split_as("^(?![|)]x).*?y", "y", "^(?![|)]x)", NULL, 1, 0);
	/* "^.*?" alone: the body unanchored, nothing else */
	split_as("(?i)^.*?\\bblocked\\b", "(?i)\\bblocked\\b", NULL, NULL, 1, 0);
	/* a quantified assertion ends the run (and stays with the body) */
	split_as("^(?!.*?a)(?=b)?.*?c", "^(?=b)?.*?c", NULL, "(?:a)", 0, 0);
	/* an escaped parenthesis, or one in a class, calls nothing */
	split_as("^(?!.*?a).*?B\\(?RLY", "B\\(?RLY", NULL, "(?:a)", 1, 0);
	split_as("^(?!.*?a).*?[(?R]", "[(?R]", NULL, "(?:a)", 1, 0);
	/* (?-s) after (?s) turns it off again */
	split_as("(?s)(?-s)^.*?x", "(?s)(?-s)x", NULL, NULL, 1, 0);
}

static void test_words(void **state)
{
	(void)state;
	/* a lone group's alternatives apart, what stands around it on each */
	words_are("(?i)^(?!.*?\\b(?:PTR|HELO|SPF)\\b).*?x", "(?i)\\b(?:PTR)\\b\n(?i)\\b(?:HELO)\\b\n(?i)\\b(?:SPF)\\b");
	/* several assertions: each its words */
	words_are("^(?!.*?(?:a|b))(?!.*c).*?x", "(?:a)\n(?:b)\n(?:c)");
	/* kept as one: a group in what stands around, a quantified group, one
	 * that sets an option (it holds for the alternatives after it) */
	words_are("^(?!.*?(?:a|b)(?:c|d)).*?x", "(?:(?:a|b)(?:c|d))");
	words_are("^(?!.*?(?:a|b)?c).*?x", "(?:(?:a|b)?c)");
	words_are("^(?!.*?(?:a(?i)b|c)).*?x", "(?:(?:a(?i)b|c))");
	words_are("^(?!.*?[(](?:a|b)).*?x", "(?:[(](?:a|b))");
	/* groups and classes inside an alternative stay with it; an empty one */
	words_are("^(?!.*?(?:a(?:b|c)|[|]d|)).*?x", "(?:a(?:b|c))\n(?:[|]d)\n(?:)");
	/* more than RXPARTS_WORDS_MAX: the alternation alone */
	words_are("^(?!.*?(?:a|b|c|d|e|f|g|h|i|j|k|l|m|n|o|p|q|r|s|t|u|v|w|x|y|z|0|1|2|3|4|5|6)).*?x", "");
	words_are("^(?![23]\\d\\d\\b).*?x", "");	/* a guard, no words */
}

static void test_whole(void **state)
{
	(void)state;
	whole("");
	whole("blocked");
	whole("(?i)\\bblocked\\b");
	whole("^550 blocked");			/* nothing to split */
	whole("(?i)^(?!.*?PTR).*?a|b");		/* the guard reads one alternative only */
	whole("(?m)^(?!.*?PTR).*?x");		/* ^ at every line */
	whole("(?U)^.*?x");			/* ".*?" greedy */
	whole("(?x)^ (?!.*?PTR) .*?x");		/* spaces and comments */
	whole("\\Q^(?!\\E.*?x");
	whole("(*NOTEMPTY)^(?!.*?a).*?x");
	whole("^(?!.*?a).*?x\\Ky");		/* \K moves the start */
	whole("(?:)(?i)^(?!.*?a).*?x");		/* not options and anchor first */
	whole("^(?!.*?a");			/* does not close */
	whole("^.*??x");			/* not the lazy ".*?" followed by X */
	whole("(?i)^(?!.*?d[[:[:]x|te]]0)y");	/* POSIX classes: not followed */
	whole("^(?!.*?(?R)).*?x");		/* (?R) would call the part */
	whole("^(?!.*?a)(?<n>b)(?&n)");
	whole("^(?!.*?a).*?\\\\(?R)");		/* an escaped backslash, then a call */
	whole("^(?!.*?a).*?\\g<n>(?<n>b)");
}

static void test_skip(void **state)
{
	(void)state;
	assert_int_equal(rxparts_skip_group("(a(b)c)d", 0), 7);
	assert_int_equal(rxparts_skip_group("(a\\)b)c", 0), 6);
	assert_int_equal(rxparts_skip_group("([)]b)c", 0), 6);
	assert_int_equal(rxparts_skip_group("(ab", 0), 0);
	assert_int_equal(rxparts_skip_class("[]a]b", 0), 4);
	assert_int_equal(rxparts_skip_class("[^]a]b", 0), 5);
	assert_int_equal(rxparts_skip_class("[[:alpha:]]x", 0), 0);	/* not followed */
	assert_int_equal(rxparts_skip_class("[[]x", 0), 3);
	assert_int_equal(rxparts_skip_class("[ab", 0), 0);
	assert_int_equal(rxparts_followable("(?i)a(?-i:b)"), 1);
	assert_int_equal(rxparts_followable("(?ix)a"), 0);
	assert_int_equal(rxparts_followable("a(*SKIP)b"), 0);
	/* read apart from PCRE2 by a reader that steps over "\x" and groups */
	assert_int_equal(rxparts_followable("(?:a|\\c)b)"), 0);
	assert_int_equal(rxparts_followable("a(?#c)?b"), 0);
	assert_int_equal(rxparts_followable("(?C\"x)\")b"), 0);
	assert_int_equal(rxparts_followable("ab\\E?"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_whole),
		cmocka_unit_test(test_skip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
