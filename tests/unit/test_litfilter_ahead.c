/* Unit tests for litfilter.c's literals read by positive look-aheads
 * (litfilter_required_ahead, litfilter_required_rarest): hand cases of what
 * every match passes through and what it need not, the choice by the
 * sample, and a reference property: for random patterns of a small grammar
 * and random texts, whenever PCRE2 matches, the prefilter marks the rule
 * (no skip that changes a verdict), and the offset limit the classifier
 * sets from a consumed literal (litfilter_start_max plus the longest
 * look-behind) finds the same match. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "litfilter.h"
#include "testutil.h"

/* Literals l[0..n) joined by '|' ("" for none), freed. */
static const char *show(char **l, size_t n)
{
	static char buf[1024];
	size_t o = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++, o = strlen(buf)) {
		snprintf(buf + o, sizeof buf - o, "%s%s", i ? "|" : "", l[i]);
		free(l[i]);
	}
	return buf;
}

static const char *consumed(const char *pat)
{
	char *l[LITFILTER_ALT_MAX];
	return show(l, litfilter_required(pat, l, LITFILTER_ALT_MAX));
}

static const char *ahead(const char *pat)
{
	char *l[LITFILTER_ALT_MAX];
	return show(l, litfilter_required_ahead(pat, l, LITFILTER_ALT_MAX));
}

/* Patterns and the literals their look-aheads give ("" none). */
static const struct {
	const char *pat, *want;
} ahead_cases[] = {
	/* at the top level: its body's literal; the longest of several */
	{ "^(?=.*\\bgreylist)(?=.*\\blisted\\b).*", "greylist" },
	{ "(?i)^[45]\\d\\d (?=.*?Spamhaus).*?\\d", "spamhaus" },
	{ "x(?=.*(?:spam|abuse))", "spam|abuse" },	/* a set, as consumed */
	{ "(?=.*spam|.*abuse)", "spam|abuse" },
	{ "(?=.*\\bIB(?:007|504))", "ib007|ib504" },
	{ "(?=foo)+bar", "foo" },			/* + keeps it required */
	{ "\\((?=.*foobar)", "foobar" },		/* an escaped '(' */
	{ "[(|](?=.*foobar)", "foobar" },		/* a class holding '(' and '|' */
	/* nested: in a group every match passes, in a look-ahead's body */
	{ "^(?:x(?=.*foobar))y", "foobar" },
	{ "^(x(?=.*foobar))+", "foobar" },
	{ "^(?<n>x(?=.*foobar))", "foobar" },
	{ "^(?i:(?=.*FooBar))", "foobar" },
	{ "^(?=.*?abc(?=.*defgh))", "defgh" },
	{ "^(?=.*?abcdef(?=.*gh))", "abcdef" },
	{ "(?=(?:a(?=.*foobar)))", "foobar" },
	/* a match need not pass: an alternative, an optional group or assertion */
	{ "(?=.*foobar)a|b", "" },
	{ "b|(?=.*foobar)a", "" },
	{ "(?:(?=.*foobar)|baz)qux", "" },
	{ "(?:(?=.*foobar)a|b)", "" },
	{ "(?|(?=.*foobar)|x)", "" },		/* a branch reset's alternatives */
	{ "(?|(?=.*foobar))", "foobar" },		/* ... one alone is no choice */
	{ "(?=a(?=.*foobar)|b)", "" },		/* in an alternative of the body */
	{ "(?:(?=.*foobar))?x", "" },
	{ "(?:x(?=.*foobar))*", "" },
	{ "(?:x(?=.*foobar)){0,2}", "" },
	{ "(?=.*foobar)?x", "" },
	{ "(?=.*foobar){0}x", "" },
	/* negative look-arounds, look-behinds, conditions, atomic groups */
	{ "(?!.*foobar)x", "" },
	{ "(?!(?=.*foobar))x", "" },
	{ "(?<=foobar)x", "" },
	{ "(?<!foobar)x", "" },
	{ "(?<=(?=foobar)\\w{6})x", "" },
	{ "(?(?=.*foobar)a|b)", "" },
	{ "(?>(?=.*foobar))", "" },
	/* what the reader does not follow, or too short */
	{ "(?=.*\\Qfoobar\\E)", "" },
	{ "(?x)(?=.*foo bar)", "" },
	{ "(?=.*foobar)(*ACCEPT)", "" },
	{ "(?=.*\\bab)", "" },
	{ "(?=.*foobar", "" },
	{ "foobar", "" },
};

static void test_ahead_required(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof ahead_cases / sizeof *ahead_cases; i++) {
		const char *got = ahead(ahead_cases[i].pat);
		if (strcmp(got, ahead_cases[i].want) != 0)
			fail_msg("'%s': look-ahead literals '%s', not '%s'", ahead_cases[i].pat, got, ahead_cases[i].want);
	}
	/* the consumed reader keeps ignoring look-aheads */
	assert_string_equal(consumed("^(?=.*\\bgreylist)(?=.*\\blisted\\b).*"), "");
	assert_string_equal(consumed("abc(?=defg)"), "abc");
}

/* The pick of litfilter_required_rarest for pat alone, joined by '|', and
 * *ah. */
static const char *rarest(const char *pat, const char *const *sample, size_t nsample, int *ah)
{
	struct litfilter_pick pick;
	litfilter_required_rarest(&pat, 1, sample, nsample, &pick);
	*ah = pick.ahead;
	return show(pick.lit, pick.n);
}

static void test_rarest(void **state)
{
	static const char *const pat = "(?i)^(?=.*\\bgreylist).*?\\blisted\\b";
	static const char *const few_grey[] = { "Listed in a DNSBL", "you are listed", "Greylisted, listed" };
	static const char *const many_grey[] = { "GREYLIST here", "greylisted", "listed" };
	static const char *const tie[] = { "greylisted", "blacklisted" };
	static const char *const conn[] = { "connection refused", "no connection", "connections from you" };
	int ah = -1;
	(void)state;
	assert_string_equal(rarest(pat, few_grey, 3, &ah), "greylist");	/* 1 text against 3 */
	assert_int_equal(ah, 1);
	assert_string_equal(rarest(pat, many_grey, 3, &ah), "listed");	/* 2 against 2 */
	assert_int_equal(ah, 0);
	assert_string_equal(rarest(pat, tie, 1, &ah), "listed");		/* a tie: the consumed one */
	assert_int_equal(ah, 0);
	assert_string_equal(rarest(pat, NULL, 0, &ah), "listed");		/* no sample */
	assert_int_equal(ah, 0);
	assert_string_equal(rarest("^(?=.*\\bgreylist)(?=.*\\blisted\\b).*", NULL, 0, &ah), "greylist");
	assert_int_equal(ah, 1);	/* nothing consumed */
	/* a set counts the texts that hold any of its literals, once each */
	assert_string_equal(rarest("(?=.*connection)(?:connections from|connection from)", conn, 3, &ah),
			    "connections from|connection from");
	assert_int_equal(ah, 0);	/* 1 text against 3 */
	assert_string_equal(rarest("(?=.*(?:spam|abuse)) (?:refused|connection)", conn, 3, &ah), "spam|abuse");
	assert_int_equal(ah, 1);	/* 0 against 2 */
	assert_string_equal(rarest("^5\\d\\d\\b", tie, 2, &ah), "");
	assert_int_equal(ah, 0);
}

/* Every required run is a candidate: the rarest in the sample wins, a run
 * a match may skip never does. */
static void test_rarest_run(void **state)
{
	static const char *const rej[] = { "recipient rejected", "recipient rejected: relay denied",
					   "rejected: policy on host", "recipient address rejected" };
	static const char *const gmx[] = { "Nemesis ESMTP Service not available: relay",
					   "Nemesis ESMTP Service: mailbox full", "Nemesis ESMTP Service: policy" };
	static const char *const opt[] = { "recipient rejected", "recipient rejected now" };
	static const char *const zz[] = { "zzzz1", "zzzz2", "zzzz3", "zzzz4", "zzzz5", "zzzz6" };
	static const char *const box[] = { "mail here", "mailbox here", "mail box full" };
	struct litfilter_pick each[8];
	int ah = -1;
	(void)state;
	/* the shared long word loses to the rarer short one */
	assert_string_equal(rarest("recipient rejected.*\bpolicy\b", rej, 4, &ah), "policy");
	assert_int_equal(ah, 0);
	assert_string_equal(rarest("recipient rejected.*\bpolicy\b", NULL, 0, &ah), "recipient rejected");
	/* a group every match passes through is one candidate set */
	assert_string_equal(rarest("Nemesis ESMTP Service.*(?:relay|policy)", gmx, 3, &ah), "relay|policy");
	assert_string_equal(rarest("Nemesis ESMTP Service.*(?:relay|policy)", NULL, 0, &ah), "nemesis esmtp service");
	/* runs in an optional, quantified or look-around group: never */
	assert_string_equal(rarest("recipient rejected(?: nowhere)?", opt, 2, &ah), "recipient rejected");
	assert_string_equal(rarest("recipient rejected(?:zzz)*", opt, 2, &ah), "recipient rejected");
	assert_string_equal(rarest("recipient rejected(?:zzz){0,2}", opt, 2, &ah), "recipient rejected");
	assert_string_equal(rarest("recipient rejected(?!zzz)(?<!yyy)", opt, 2, &ah), "recipient rejected");
	assert_string_equal(rarest("recipient rejected( nowhere|)", opt, 2, &ah), "recipient rejected");
	/* a top-level '|': each alternative's rarest set, joined */
	assert_string_equal(rarest("recipient rejected zzz|policy", rej, 4, &ah), "recipient rejected zzz|policy");
	assert_string_equal(rarest("recipient rejected.*\\bpolicy\\b|sender refused.*\\bspamhaus\\b", rej, 4, &ah),
			    "policy|sender refused");	/* 1 text against 3; 0 and 0: the longer */
	assert_int_equal(ah, 0);
	/* a set an earlier alternative's pick covers costs nothing */
	assert_string_equal(rarest("recipient rejected.*\\bpolicy|relay denied.*\\bpolicy", rej, 4, &ah), "policy");
	/* a literal that holds another of the set adds nothing */
	assert_string_equal(rarest("listed|listed the", NULL, 0, &ah), "listed");
	assert_string_equal(rarest("(?:listed the|listed)x", NULL, 0, &ah), "listed");
	/* too many joined: each alternative's longest run, as without a sample */
	assert_string_equal(rarest("(?:aa1a|aa1b|aa1c) zzzz1|(?:aa2a|aa2b|aa2c) zzzz2|(?:aa3a|aa3b|aa3c) zzzz3|"
				   "(?:aa4a|aa4b|aa4c) zzzz4|(?:aa5a|aa5b|aa5c) zzzz5|(?:aa6a|aa6b|aa6c) zzzz6",
				   zz, 6, &ah), " zzzz1| zzzz2| zzzz3| zzzz4| zzzz5| zzzz6");
	/* the runs of a sequence group every match passes through: its rarest */
	assert_string_equal(rarest("(?i)(?:mail ?box (?:is )?full)", box, 3, &ah), "full");
	assert_string_equal(rarest("(?i)(?:spam)|(?:mail ?box (?:is )?full)", box, 3, &ah), "spam|full");
	assert_string_equal(rarest("(?:mail ?box (?:is )?full)?x{3}", box, 3, &ah), "");	/* optional: none */
	/* every candidate, in pattern order */
	assert_int_equal(litfilter_required_each("abc.*defg(?:hij|klm)x?yz", each, 8), 4);
	assert_string_equal(show(each[0].lit, each[0].n), "abc");
	assert_string_equal(show(each[1].lit, each[1].n), "defg");
	assert_string_equal(show(each[2].lit, each[2].n), "hij|klm");
	assert_string_equal(show(each[3].lit, each[3].n), "defghij|defgklm");
	assert_int_equal(litfilter_required_each("abc.*defg(?:hij|klm)x?yz", each, 1), 1);
	assert_string_equal(show(each[0].lit, each[0].n), "abc");
	assert_int_equal(litfilter_required_each("abc\\Qdefg", each, 8), 0);
}

/* Many patterns at once, those weighed among the others: each pick is the
 * one it gets alone. */
static void test_rarest_batch(void **state)
{
	static const char *const sample[] = { "Listed in a DNSBL", "you are listed", "Greylisted, listed" };
	const char *pats[] = {
		"(?i)^(?=.*\\bgreylist).*?\\blisted\\b", NULL, "^5\\d\\d\\b", "^(?=.*\\bdnsbl)",
		"(?i)^(?=.*\\blisted).*?\\bgreylist", "foobar", "(?=.*(?:you|dnsbl))(?:greylisted|in a)",
	};
	enum { N = sizeof pats / sizeof *pats };
	struct litfilter_pick pick[N];
	(void)state;
	litfilter_required_rarest(pats, N, sample, 3, pick);
	for (size_t i = 0; i < N; i++) {
		char want[256];
		int ah = 0;
		snprintf(want, sizeof want, "%s", pats[i] ? rarest(pats[i], sample, 3, &ah) : "");
		assert_string_equal(show(pick[i].lit, pick[i].n), want);
		assert_int_equal(pick[i].ahead, ah);
	}
}

/* ---- the reference property ---- */

static uint64_t rng = 0x2545f4914f6cdd1du;
static unsigned pick(unsigned n)
{
	return tu_pick(&rng, n);
}

static const char *const words[] = { "abc", "bcd", "cab", "dab", "abcd", "ab", "d", "ca" };
#define NWORDS (sizeof words / sizeof *words)

struct out {
	char s[512];
	size_t n;
};

static void put(struct out *o, const char *s)
{
	size_t l = strlen(s);
	if (o->n + l < sizeof o->s) {
		memcpy(o->s + o->n, s, l + 1);
		o->n += l;
	}
}

static void gen_seq(struct out *o, int depth);

/* One item of the grammar: a word, a wildcard, an assertion, a class, a
 * group (plain, alternating, look-around), maybe quantified. */
static void gen_item(struct out *o, int depth)
{
	static const char *const atoms[] = { ".*", ".*?", "\\b", "^", "$", "[ab]", "\\w", ".", " " };
	static const char *const groups[] = { "(?:", "(", "(?=", "(?=.*", "(?!", "(?=.*?", "(?i:", "(?>" };
	static const char *const quants[] = { "?", "*", "+", "{0,2}", "{1}", "??" };
	unsigned k = pick(depth < 3 ? 10 : 6);
	if (k < 3) {
		put(o, words[pick(NWORDS)]);
	} else if (k < 5) {
		put(o, atoms[pick(sizeof atoms / sizeof *atoms)]);
	} else if (k == 5) {
		put(o, pick(2) ? "(?<=ab)" : "(?<!cd)");
	} else {
		put(o, groups[pick(sizeof groups / sizeof *groups)]);
		gen_seq(o, depth + 1);
		if (pick(3) == 0) {
			put(o, "|");
			gen_seq(o, depth + 1);
		}
		put(o, ")");
	}
	if (pick(5) == 0)
		put(o, quants[pick(sizeof quants / sizeof *quants)]);
}

static void gen_seq(struct out *o, int depth)
{
	for (unsigned n = 1 + pick(4); n > 0; n--)
		gen_item(o, depth);
}

/* A pattern: maybe case-insensitive, a sequence, sometimes two alternatives. */
static void gen_pattern(struct out *o)
{
	o->n = 0;
	o->s[0] = '\0';
	if (pick(3) == 0)
		put(o, "(?i)");
	gen_seq(o, 0);
	if (pick(6) == 0) {
		put(o, "|");
		gen_seq(o, 0);
	}
}

/* A text of the same words, single letters and spaces, some upper case. */
static size_t gen_text(char *t, size_t cap)
{
	size_t n = 0;
	for (unsigned k = pick(12); k > 0; k--) {
		const char *w = pick(4) ? words[pick(NWORDS)] : pick(2) ? " " : "x";
		int up = pick(5) == 0;
		for (; *w && n + 1 < cap; w++)
			t[n++] = up && *w >= 'a' && *w <= 'z' ? (char)(*w - 32) : *w;
	}
	t[n] = '\0';
	return n;
}

struct tally {
	size_t matched[2];	/* PCRE2 matched with a consumed / look-ahead set */
	size_t bounded;		/* the limited search tried */
};

/* For the literal set lits[0..n) of re: every text re matches is marked,
 * and with bound, the search limited as the classifier does finds the same
 * match. */
static void check_set(const char *pat, pcre2_code *re, char **lits, size_t n, int bound, char texts[][128],
		      size_t ntext, pcre2_match_data *md, pcre2_match_context *mc, struct tally *t)
{
	size_t rule_of[LITFILTER_ALT_MAX] = { 0 };
	struct litfilter *lf = litfilter_new((const char *const *)lits, rule_of, n, 1);
	uint32_t lb = 0;
	pcre2_pattern_info(re, PCRE2_INFO_MAXLOOKBEHIND, &lb);
	for (size_t k = 0; k < ntext; k++) {
		size_t len = strlen(texts[k]);
		pcre2_set_offset_limit(mc, PCRE2_UNSET);
		int rc = pcre2_match(re, (PCRE2_SPTR)texts[k], len, 0, 0, md, mc);
		if (rc < 0)
			continue;
		t->matched[!bound]++;
		litfilter_scan(lf, texts[k], len);
		if (!litfilter_may(lf, 0))
			fail_msg("'%s' matches '%s', its literal '%s' not marked", pat, texts[k], lits[0]);
		size_t at = litfilter_start_max(lf, 0);
		if (!bound || at == SIZE_MAX)
			continue;
		PCRE2_SIZE m0 = pcre2_get_ovector_pointer(md)[0], m1 = pcre2_get_ovector_pointer(md)[1];
		pcre2_set_offset_limit(mc, at + lb);
		int lrc = pcre2_match(re, (PCRE2_SPTR)texts[k], len, 0, 0, md, mc);
		if (lrc != rc || pcre2_get_ovector_pointer(md)[0] != m0 || pcre2_get_ovector_pointer(md)[1] != m1)
			fail_msg("'%s' on '%s': the limit %zu + %u lost or moved the match at %zu", pat, texts[k], at,
				 lb, (size_t)m0);
		t->bounded++;
	}
	litfilter_free(lf);
	for (size_t i = 0; i < n; i++)
		free(lits[i]);
}

static void test_reference(void **state)
{
	enum { NPAT = 12000, NTEXT = 60 };
	static char texts[NTEXT][128];
	pcre2_match_data *md = pcre2_match_data_create(32, NULL);
	pcre2_match_context *mc = pcre2_match_context_create(NULL);
	struct tally t = { { 0, 0 }, 0 };
	size_t with[3] = { 0, 0, 0 };
	struct out p;
	(void)state;
	pcre2_set_match_limit(mc, 100000);
	for (int i = 0; i < NPAT; i++) {
		int ec;
		PCRE2_SIZE off;
		char *lits[LITFILTER_ALT_MAX];
		gen_pattern(&p);
		pcre2_code *re = pcre2_compile((PCRE2_SPTR)p.s, PCRE2_ZERO_TERMINATED,
					       PCRE2_NEVER_UTF | PCRE2_USE_OFFSET_LIMIT, &ec, &off, NULL);
		if (re == NULL)
			continue;
		for (size_t k = 0; k < NTEXT; k++)
			gen_text(texts[k], sizeof texts[k]);
		size_t n = litfilter_required(p.s, lits, LITFILTER_ALT_MAX);
		with[0] += n > 0;
		if (n)
			check_set(p.s, re, lits, n, 1, texts, NTEXT, md, mc, &t);
		n = litfilter_required_ahead(p.s, lits, LITFILTER_ALT_MAX);
		with[1] += n > 0;
		if (n)
			check_set(p.s, re, lits, n, 0, texts, NTEXT, md, mc, &t);
		struct litfilter_pick each[8];	/* every consumed set, and the pick over the texts */
		n = litfilter_required_each(p.s, each, 8);
		with[2] += n > 1;
		for (size_t k = 0; k < n; k++)
			check_set(p.s, re, each[k].lit, each[k].n, 1, texts, NTEXT, md, mc, &t);
		const char *sample[NTEXT], *pat = p.s;
		for (size_t k = 0; k < NTEXT; k++)
			sample[k] = texts[k];
		litfilter_required_rarest(&pat, 1, sample, NTEXT / 2, each);
		if (each[0].n)
			check_set(p.s, re, each[0].lit, each[0].n, !each[0].ahead, texts, NTEXT, md, mc, &t);
		pcre2_code_free(re);
	}
	print_message("patterns with a consumed set %zu, a look-ahead set %zu, several consumed sets %zu; matches checked %zu and %zu, "
		      "limited searches %zu\n", with[0], with[1], with[2], t.matched[0], t.matched[1], t.bounded);
	/* the property was put to the test, not passed for want of cases */
	assert_true(with[1] > 300 && with[2] > 300 && t.matched[1] > 2000 && t.bounded > 2000);
	pcre2_match_context_free(mc);
	pcre2_match_data_free(md);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ahead_required),
		cmocka_unit_test(test_rarest),
		cmocka_unit_test(test_rarest_run),
		cmocka_unit_test(test_rarest_batch),
		cmocka_unit_test(test_reference),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
