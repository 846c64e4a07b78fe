/* A differential test of litfilter's pattern readers against PCRE2: random
 * patterns of a grammar rich in what a reader may misread (alternatives,
 * optional and quantified groups, conditions, branch resets, verbs, \K,
 * look-arounds nested in look-behinds and negative ones, case switches,
 * octal, \x, \N{U+...} and \c escapes, \Q...\E, comments and callouts
 * between an item and its quantifier, back references, calls), random
 * texts over a small alphabet that makes matches common. For every pattern
 * PCRE2 compiles (the options rules.c gives) and every text it matches:
 *   - the index built from litfilter_required's literals, and the one built
 *     from litfilter_required_ahead's, both mark the rule (litfilter_may);
 *   - searched with the offset limit the classifier sets from a consumed
 *     literal (litfilter_start_max plus PCRE2_INFO_MAXLOOKBEHIND), PCRE2
 *     finds the same match as without it.
 * Fixed seeds; the hand cases first are each a way a reader and PCRE2 once
 * read one pattern apart. */
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
#include "rules.h"
#include "testutil.h"
#include "tu_prefilter.h"

#define ITEMS(a) (sizeof(a) / sizeof *(a))

struct probe {
	pcre2_code *re;
	pcre2_match_data *md, *md2;
	pcre2_match_context *mc, *lc;
	uint32_t lookbehind;
	struct litfilter *lf[2];	/* consumed literals, look-ahead literals */
	size_t nlit[2];
};

/* Compiles pat as rules.c does; 0, or -1 when PCRE2 refuses it. */
static int probe_open(struct probe *p, const char *pat)
{
	int ec;
	PCRE2_SIZE off;
	char *l[LITFILTER_ALT_MAX];
	size_t rule_of[LITFILTER_ALT_MAX] = { 0 };
	memset(p, 0, sizeof *p);
	p->re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED, PCRE2_NEVER_UTF | PCRE2_USE_OFFSET_LIMIT, &ec,
			      &off, NULL);
	if (p->re == NULL)
		return -1;
	pcre2_pattern_info(p->re, PCRE2_INFO_MAXLOOKBEHIND, &p->lookbehind);
	p->md = pcre2_match_data_create_from_pattern(p->re, NULL);
	p->md2 = pcre2_match_data_create_from_pattern(p->re, NULL);
	p->mc = pcre2_match_context_create(NULL);
	p->lc = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(p->mc, 20000);
	pcre2_set_match_limit(p->lc, 20000);
	for (int k = 0; k < 2; k++) {
		p->nlit[k] = k == 0 ? litfilter_required(pat, l, LITFILTER_ALT_MAX)
				    : litfilter_required_ahead(pat, l, LITFILTER_ALT_MAX);
		p->lf[k] = litfilter_new((const char *const *)l, rule_of, p->nlit[k], 1);
		for (size_t i = 0; i < p->nlit[k]; i++)
			free(l[i]);
	}
	return 0;
}

static void probe_close(struct probe *p)
{
	for (int k = 0; k < 2; k++)
		litfilter_free(p->lf[k]);
	pcre2_match_context_free(p->mc);
	pcre2_match_context_free(p->lc);
	pcre2_match_data_free(p->md);
	pcre2_match_data_free(p->md2);
	pcre2_code_free(p->re);
}

/* Checks the property on one text; returns 1 when PCRE2 matched it and a
 * reader gave literals (a case that tested something), else 0. */
static int probe_text(struct probe *p, const char *pat, const char *t, size_t len)
{
	int rc = pcre2_match(p->re, (PCRE2_SPTR)t, len, 0, 0, p->md, p->mc), tested = 0;
	if (rc < 0)
		return 0;	/* no match, or a limit: nothing to hold */
	for (int k = 0; k < 2; k++) {
		if (p->nlit[k] == 0)
			continue;
		tested = 1;
		litfilter_scan(p->lf[k], t, len);
		if (!litfilter_may(p->lf[k], 0))
			fail_msg("pattern '%s' matches '%.*s' but its %s literals are not there", pat, (int)len, t,
				 k ? "look-ahead" : "consumed");
		if (k == 1)
			continue;
		size_t at = litfilter_start_max(p->lf[0], 0);
		if (at == SIZE_MAX || at + p->lookbehind >= len)
			continue;
		pcre2_set_offset_limit(p->lc, at + p->lookbehind);
		int rc2 = pcre2_match(p->re, (PCRE2_SPTR)t, len, 0, 0, p->md2, p->lc);
		PCRE2_SIZE *a = pcre2_get_ovector_pointer(p->md), *b = pcre2_get_ovector_pointer(p->md2);
		if (rc2 == PCRE2_ERROR_MATCHLIMIT)
			continue;
		if (rc2 != rc || a[0] != b[0] || a[1] != b[1])
			fail_msg("pattern '%s' on '%.*s': offset limit %zu finds rc %d [%zu,%zu), not rc %d [%zu,%zu)",
				 pat, (int)len, t, at + (size_t)p->lookbehind, rc2, rc2 >= 0 ? (size_t)b[0] : 0,
				 rc2 >= 0 ? (size_t)b[1] : 0, rc, (size_t)a[0], (size_t)a[1]);
	}
	return tested;
}

/* Each pattern with a text it matches: once a reader took a literal from a
 * part of it that PCRE2 reads otherwise. */
static const struct {
	const char *pat, *text;
} hand[] = {
	/* \c takes the next byte, a metacharacter too: "\c)" is 'i', "\c(" 'h' */
	{ "(?:a|\\c)(?=.*XYZ)(b\\c())", "a" },
	{ "(?:a|\\c)XYZ(b\\c())", "a" },
	{ "[\\c](?=.*XYZ)]", "X" },
	{ "[\\c]XYZ]", "X" },
	/* a callout's string holds any bytes, parentheses too */
	{ "(?C\"x)(?=.*XYZ)(\")", "a" },
	{ "(?C\"x)XYZ(\")", "a" },
	/* a quantifier after a comment applies to the item before it */
	{ "(?=.*XYZ)(?#c)?q", "q" },
	{ "XYZ(?#c)?", "XY" },
	{ "(?:XYZ)(?#c)?q", "q" },
	/* ... and so does one after a lone \E (PCRE2 ignores it) */
	{ "c(?:ABCc\\E?)", "cABC" },
	/* the rest must keep holding */
	{ "^(?=.*\\bgreylist)(?=.*\\blisted\\b).*", "greylisted and listed" },
	{ "(?i)^[45]\\d\\d (?=.*?Spamhaus).*?\\d", "554 see SPAMHAUS 1" },
	{ "ab\\Kcdef", "abcdef" },
	{ "(?<=abc)defg", "abcdefg" },
};

static void test_hand(void **state)
{
	struct probe p;
	(void)state;
	for (size_t i = 0; i < ITEMS(hand); i++) {
		if (probe_open(&p, hand[i].pat) < 0)
			fail_msg("'%s' does not compile", hand[i].pat);
		if (pcre2_match(p.re, (PCRE2_SPTR)hand[i].text, strlen(hand[i].text), 0, 0, p.md, p.mc) < 0)
			fail_msg("'%s' does not match '%s'", hand[i].pat, hand[i].text);
		probe_text(&p, hand[i].pat, hand[i].text, strlen(hand[i].text));
		probe_close(&p);
	}
}

/* ---- the random grammar ---- */

static uint64_t rng;	/* splitmix64's state */
static unsigned pick(unsigned n)
{
	uint64_t z = (rng += 0x9e3779b97f4a7c15u);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return (unsigned)((z ^ (z >> 31)) % n);
}

/* A pattern being written: what does not fit is left out, the text stays
 * NUL-terminated. */
struct out {
	char s[400];
	size_t n;
};

static void put(struct out *o, const char *s)
{
	int w = snprintf(o->s + o->n, sizeof o->s - o->n, "%s", s);
	if (w > 0 && o->n + (size_t)w < sizeof o->s)
		o->n += (size_t)w;
	else
		o->s[o->n] = '\0';
}

static const char *const words[] = { "abc", "bca", "cab", "abca", "ab", "c", "ABC", "hi" };

static void gen_seq(struct out *o, int depth);

static void gen_item(struct out *o, int depth)
{
	static const char *const atoms[] = {
		".", ".*", ".*?", ".+", "\\b", "\\B", "^", "$", "\\A", "\\z", "\\Z", "\\G", "[ab]", "[^a]", "[]a]",
		"[\\c]]", "[(]", "[|]", "\\w", "\\s", "\\K", "\\x61", "\\x{62}", "\\141", "\\o{143}", "\\N{U+61}",
		"\\Qab|c\\E", "\\Q(?=\\E", "\\E", "\\c)", "\\c(", "\\c[", "\\c|", "\\ch", "\\c\\", "(?#a)b|)",
		"(?#x)", "(?C1)", "(?C\"x)|(\")", "(?C{)})", "(*SKIP)", "(*ACCEPT)", "(*FAIL)", "(*COMMIT)",
		"(*PRUNE)", "(*THEN)", "(*MARK:x)", "(*SKIP:x)", "(?i)", "(?-i)", "(?s)", "(?m)", "(?x)", "(?n)",
		"(?U)", "(?^)", "\\1", "\\g{1}", "\\g-1", "\\k<n>", "(?1)", "(?R)", "(?&n)", "\\(", "\\)", "\\|",
		"\\[", "\\.", "\\\\", "\\x28", "\\x7c", "\\X", "\\R", "\\h", "\\N", "\\p{L}", "\\pL", "\\d",
	};
	static const char *const groups[] = {
		"(?:", "(", "(?<n>", "(?|", "(?=", "(?=.*", "(?=.*?", "(?!", "(?!.*", "(?<=", "(?<!", "(?>",
		"(?i:", "(?-i:", "(?^:", "(?(1)", "(?(?=a)", "(?(?!b)", "(?(<n>)", "(?(R)", "(?(DEFINE)",
		"(*pla:", "(*positive_lookahead:", "(?*", "(*napla:", "(*atomic:", "(?x:", "(?P<n>", "(?'n'",
		"(?s:", "(?U:", "(*plb:",
	};
	static const char *const quants[] = { "?", "*", "+", "{0}", "{0,2}", "{1,2}", "{2}", "??", "*+",
					      "?+", "{,2}", "(?#q)?", "(?#q)*", "\\E?", "{0}+", "{1}?" };
	unsigned k = pick(depth < 3 ? 12 : 7);
	if (k < 4) {
		put(o, words[pick(ITEMS(words))]);
	} else if (k < 6) {
		put(o, atoms[pick(ITEMS(atoms))]);
	} else if (k == 6) {
		static const char *const behind[] = { "(?<=ab)", "(?<!ca)", "(?<=(?=abc)a)", "(?<=a(?=.*XYZ))",
						      "(?<=(?=.*abc)b)" };
		put(o, behind[pick(ITEMS(behind))]);
	} else {	/* a group of one to three alternatives */
		put(o, groups[pick(ITEMS(groups))]);
		for (unsigned alt = pick(4) == 0 ? 1 + pick(3) : 1; alt > 0; alt--) {
			gen_seq(o, depth + 1);
			put(o, alt > 1 ? "|" : ")");
		}
	}
	if (pick(5) == 0)
		put(o, quants[pick(ITEMS(quants))]);
}

static void gen_seq(struct out *o, int depth)
{
	for (unsigned n = pick(4); n > 0; n--)
		gen_item(o, depth);
}

static void gen_pattern(struct out *o)
{
	o->n = 0;
	o->s[0] = '\0';
	gen_seq(o, 0);
	if (pick(6) == 0) {
		put(o, "|");
		gen_seq(o, 0);
	}
}

/* A text of pieces the patterns are made of (and 'h', 'i': "\c(", "\c)"). */
static size_t gen_text(char *t, size_t cap)
{
	static const char *const pieces[] = { "abc", "bca", "cab", "a", "b", "c", "ab", " ", "h", "i", "XYZ",
					      "ABC", "\n", "(", ")", "|", "x", "\x1c" };
	size_t n = 0;
	for (unsigned k = pick(10); k > 0; k--) {
		const char *s = pieces[pick(ITEMS(pieces))];
		size_t l = strlen(s);
		if (n + l >= cap)
			break;
		memcpy(t + n, s, l);
		n += l;
	}
	t[n] = '\0';
	return n;
}

/* Many patterns, each against many texts; fails at the first text a reader
 * got wrong, and when too few cases tested anything. */
static void run_random(uint64_t seed, unsigned npat, unsigned ntext)
{
	unsigned compiled = 0, tested = 0;
	struct out o;
	char t[128];
	rng = seed;
	for (unsigned i = 0; i < npat; i++) {
		struct probe p;
		gen_pattern(&o);
		if (probe_open(&p, o.s) < 0)
			continue;
		compiled++;
		for (unsigned j = 0; j < ntext; j++) {
			size_t len = gen_text(t, sizeof t);
			tested += (unsigned)probe_text(&p, o.s, t, len);
		}
		probe_close(&p);
	}
	print_message("seed %llu: %u patterns, %u compiled, %u matches tested\n", (unsigned long long)seed, npat,
		      compiled, tested);
	assert_true(compiled > npat / 8);
	assert_true(tested > npat / 4);
}

static void test_random_1(void **state)
{
	(void)state;
	run_random(0x9e3779b97f4a7c15u, 40000, 40);
}

static void test_random_2(void **state)
{
	(void)state;
	run_random(0xd1b54a32d192ed03u, 40000, 40);
}

/* Patterns shaped as the rules write them, "(?i)^" and look-arounds over
 * the line before the rest (what rxparts_split takes apart), or as the
 * grammar gives them; each loaded as a rule and classified with and
 * without the prefilter: the same rule must match. */
static void test_rules_random(void **state)
{
	static const char *const guards[] = { "(?=.*abc)", "(?!.*bca)", "(?=.*?cab)", "(?!.*?XYZ)", "(?=.*(?:abc|hi))",
					      "(?=.*\\bab)", "(?=(?<n>.*abc))", "(?<=a)", "(?=.*ABC)?" };
	unsigned loaded = 0, tested = 0;
	struct out o;
	char t[128];
	(void)state;
	rng = 0x7fb5d329728ea185u;
	for (unsigned i = 0; i < 3000; i++) {
		struct rules *r;
		gen_pattern(&o);
		if (pick(2)) {
			char rest[sizeof o.s];
			snprintf(rest, sizeof rest, "%s", o.s);
			o.n = 0;
			put(&o, pick(2) ? "(?i)^" : "^");
			for (unsigned g = pick(4); g > 0; g--)
				put(&o, guards[pick(ITEMS(guards))]);
			put(&o, pick(2) ? ".*?" : "");
			put(&o, rest);
		}
		if (strchr(o.s, '\n') || (r = tu_rules_one(o.s)) == NULL)
			continue;
		loaded++;
		for (unsigned j = 0; j < 30; j++) {
			struct delivery d;
			struct verdict a, b;
			char advice[256];
			delivery_reset(&d);
			d.status = DS_BOUNCED;
			d.reply = str_make(t, gen_text(t, sizeof t));
			tu_classify_both(r, &d, &a, &b, advice, sizeof advice);
			if ((a.rule_id == NULL) != (b.rule_id == NULL))
				fail_msg("rule '%s' on '%.*s': %s every rule tried, %s with the prefilter", o.s,
					 (int)d.reply.len, t, a.rule_id ? "matches" : "no match", b.rule_id ? "matches" : "no match");
			tested += a.rule_id != NULL && rules_literal(r, 0, 0) != NULL;
		}
		rules_free(r);
	}
	print_message("%u rules loaded, %u matches of a rule with literals\n", loaded, tested);
	assert_true(loaded > 1000 && tested > 500);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hand),
		cmocka_unit_test(test_random_1),
		cmocka_unit_test(test_random_2),
		cmocka_unit_test(test_rules_random),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
