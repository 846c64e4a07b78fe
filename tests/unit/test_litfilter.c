/* Unit tests for litfilter.c (the rule prefilter by required literal): the
 * literals read from patterns; and the engine's two shortcuts never change a
 * verdict: the classifier's verdicts are identical with and without the
 * prefilter, and with every pattern compiled whole instead of in the parts
 * rxparts.h splits it into, over the reply corpus (tests/corpus/replies.tsv
 * and the dev rows of tests/corpus/independent.tsv, never its test rows)
 * and random replies made from it (with line breaks, where a '.' stops),
 * with the rules of patterns/. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "testutil.h"
#include "litfilter.h"
#include "rules.h"
#include "xmalloc.h"

/* The literals of pat joined by '|' ("" for none). */
static const char *lits(const char *pat)
{
	static char buf[1024];
	char *l[LITFILTER_ALT_MAX];
	size_t n = litfilter_required(pat, l, LITFILTER_ALT_MAX), o = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s", i ? "|" : "", l[i]);
		free(l[i]);
	}
	return buf;
}

static void test_required(void **state)
{
	(void)state;
	assert_string_equal(lits("^5\\d\\d[ -]5\\.7\\.1 \\[CS\\d\\d\\] Message rejected"), "] message rejected");
	assert_string_equal(lits("Blocked"), "blocked");
	assert_string_equal(lits("abcd?ef"), "abc");		/* d optional */
	assert_string_equal(lits("abcd*efgh"), "efgh");
	assert_string_equal(lits("abcd{0,2}efgh"), "efgh");
	assert_string_equal(lits("abc+defg"), "defg");
	assert_string_equal(lits("(?i)foo bar|baz qux"), "foo bar|baz qux");
	assert_string_equal(lits("^5\\d\\d (?:user unknown|no such user)\\b"), " user unknown| no such user");	/* with the space before the group */
	assert_string_equal(lits("^5\\d\\d (?:user unknown|no such user)?\\b"), "");	/* optional group */
	assert_string_equal(lits("(?:abc|\\d+)xyz"), "xyz");	/* a branch without literal */
	assert_string_equal(lits("ab|cdef"), "");		/* too short */
	assert_string_equal(lits("(?x) a b c d"), "");	/* extended mode: spaces ignored */
	assert_string_equal(lits("abcdef(*ACCEPT)ghijkl"), "");
	assert_string_equal(lits("\\Qa|b\\E"), "");
	assert_string_equal(lits("(?!abcdef)xyz"), "xyz");	/* lookaround skipped */
	assert_string_equal(lits("\\x41BCD"), "abcd");	/* \xHH: one plain byte */
	assert_string_equal(lits("\\xd0\\xb8\\xd1\\x80|\\xe9\\xbb\\x91\\xe5"), "\xd0\xb8\xd1\x80|\xe9\xbb\x91\xe5");
	assert_string_equal(lits("\xd0\xb8\xd1\x80" "ab"), "\xd0\xb8\xd1\x80" "ab");	/* raw bytes above 0x7f */
	assert_string_equal(lits("ab\\x00cd|efgh"), "");	/* \x00 is no literal: ab, cd too short */
	assert_string_equal(lits("\\xd0\\xb8?\\xd1\\x80\\xd1\\x83"), "\xd1\x80\xd1\x83");	/* an optional byte ends the run */
	assert_string_equal(lits("\\p{L}abcd"), "abcd");
	assert_string_equal(lits("[abc]def"), "def");
	assert_string_equal(lits("[]abc]def"), "def");
	assert_string_equal(lits("(unclosed"), "");
	assert_string_equal(lits("abc\\"), "");
	/* a run right before a group, joined to what each alternative starts with */
	assert_string_equal(lits("\\bIB(?:007|504|60[67])\\b"), "ib007|ib504|ib60");
	assert_string_equal(lits("ab(?:cd|ef)+g"), "abcd|abef");
	assert_string_equal(lits("ab(?:c\\.d|e+f)"), "abc.d|abe");
	assert_string_equal(lits("x(?:ab?c|de*f|h{2}i)yz"), "");	/* xa, xd, x: too short */
	assert_string_equal(lits("ab(?:cd|ef)?ghi"), "ghi");		/* an optional group */
	assert_string_equal(lits("ab(?:cd|)efg"), "efg");		/* an empty alternative: "ab" */
	assert_string_equal(lits("abc(?=def)"), "abc");		/* a lookahead: no join */
	assert_string_equal(lits("5\\.(?:1\\.[23]|7\\.13)\\b"), "5.1.|5.7.13");
}

/* Every example of every shipped rule holds one of its rule's literals:
 * the prefilter keeps each rule for the replies it was written from. */
static void test_examples_kept(void **state)
{
	char err[8192];
	struct rules *r = rules_load("patterns", err, sizeof err);
	size_t with = 0;
	(void)state;
	if (r == NULL)
		fail_msg("patterns: %s", err);
	for (size_t i = 0; i < rules_count(r); i++) {
		const struct rule_info *ri = rules_info(r, i);
		const char *l[LITFILTER_ALT_MAX];
		size_t rule_of[LITFILTER_ALT_MAX] = { 0 }, n = 0;
		while (n < LITFILTER_ALT_MAX && (l[n] = rules_literal(r, i, n)) != NULL)
			n++;
		with += n > 0;
		struct litfilter *lf = litfilter_new(l, rule_of, n, 1);
		for (size_t k = 0; k < ri->n_examples; k++) {
			const char *x = ri->examples[k].text;
			litfilter_scan(lf, x, strlen(x));
			if (!litfilter_may(lf, 0))
				fail_msg("%s: example '%s' holds none of its literals", ri->id, x);
		}
		litfilter_free(lf);
	}
	assert_true(with * 10 > rules_count(r) * 9);	/* nearly every rule has literals */
	rules_free(r);
}

/* The index over 200 rules (four 64-bit words): rule i has the literal
 * "w<i>x" (lower case), except every 50th, which has none and is always a
 * candidate. */
static struct litfilter *index_200(char names[200][8], const char *const *sample, size_t nsample)
{
	const char *lits[200];
	size_t rule_of[200], n = 0;
	for (size_t i = 0; i < 200; i++) {
		snprintf(names[i], 8, "w%zux", i);
		if (i % 50 != 0) {
			lits[n] = names[i];
			rule_of[n++] = i;
		}
	}
	return litfilter_new_sampled(lits, rule_of, n, 200, sample, nsample);
}

/* The candidates after scanning s, stepped with litfilter_next, agree
 * with litfilter_may and are want[0..nwant) in order. */
static void candidates(struct litfilter *lf, const char *s, size_t len, const size_t *want, size_t nwant)
{
	size_t k = 0;
	litfilter_scan(lf, s, len);
	for (size_t i = litfilter_next(lf, 0); i < 200; i = litfilter_next(lf, i + 1)) {
		assert_true(litfilter_may(lf, i));
		if (k >= nwant || want[k] != i)
			fail_msg("'%.*s': candidate %zu not expected (%zu of %zu)", (int)len, s, i, k, nwant);
		k++;
	}
	assert_int_equal(k, nwant);
	for (size_t i = 0; i < 200; i++) {
		int in = 0;
		for (size_t j = 0; j < nwant; j++)
			in |= want[j] == i;
		assert_int_equal(litfilter_may(lf, i), in);
	}
	assert_int_equal(litfilter_next(lf, 200), 200);
}

/* The marks of the index over 200 rules, filed with sample (which only
 * chooses the windows). */
static void check_index(const char *const *sample, size_t nsample)
{
	char names[200][8];
	struct litfilter *lf = index_200(names, sample, nsample);
	const size_t always[] = { 0, 50, 100, 150 };
	candidates(lf, "", 0, always, 4);
	candidates(lf, "w1", 2, always, 4);
	const size_t w7[] = { 0, 7, 50, 100, 150 };
	candidates(lf, "w7x", 3, w7, 5);
	candidates(lf, "550 W7X", 7, w7, 5);		/* case ignored */
	candidates(lf, "550 w7", 6, always, 4);		/* the literal cut at the end */
	candidates(lf, "w199y W12Y w65", 14, always, 4);	/* the first four bytes agree, the last not */
	const size_t many[] = { 0, 7, 50, 63, 64, 65, 100, 127, 128, 150, 199 };
	const char *s = "W199X w128x w127X,w65x:W64X w63x..w7x (w7x)";
	candidates(lf, s, strlen(s), many, 11);
	/* 0xD7 0xB7 0xD8 is "W7X" with bit 7 set: not the letters */
	candidates(lf, "550 \xd7\xb7\xd8 and \xf7\xb7\xf8", 15, always, 4);
	/* every length and position around the eight-byte steps of the copy */
	for (size_t len = 3; len <= 24; len++)
		for (size_t at = 0; at + 3 <= len; at++) {
			char buf[32];
			memset(buf, '.', len);
			memcpy(buf + at, at % 2 ? "W7X" : "w7x", 3);
			candidates(lf, buf, len, w7, 5);
		}
	litfilter_free(lf);
}

static void test_index(void **state)
{
	/* windows seen in the sample are avoided: every literal is filed
	 * under another window than without it, the marks are the same */
	static const char *const sample[] = { "w19 w12 199 128 127 w65 w64 w63", "65x 64x 63x w1 w7x" };
	(void)state;
	check_index(NULL, 0);
	check_index(sample, 2);
}

/* How far in a match can start: at or after the start of the last
 * occurrence of any of the rule's literals, and no further than the
 * literal's last window (its length less two past that start); SIZE_MAX for
 * a rule without literals or one the scan did not mark. */
static void start_within(struct litfilter *lf, size_t rule, const char *s, size_t start, size_t len)
{
	size_t at;
	litfilter_scan(lf, s, strlen(s));
	assert_true(litfilter_may(lf, rule));
	at = litfilter_start_max(lf, rule);
	if (at < start || at > start + len - 3)
		fail_msg("'%s': rule %zu may start at most at %zu, its last literal starts at %zu", s, rule, at,
			 start);
}

static void test_start_max(void **state)
{
	/* rule 0: two literals filed under windows at different offsets into
	 * them; rule 1: one literal; rule 2: none */
	static const char *const lits[] = { "blocked using", "rbl", "spamhaus" };
	static const size_t rule_of[] = { 0, 0, 1 };
	static const char *const sample[] = { "blocked blocked using using bl" };
	(void)state;
	for (int sampled = 0; sampled < 2; sampled++) {
		struct litfilter *lf = litfilter_new_sampled(lits, rule_of, 3, 3, sample, (size_t)sampled);
		start_within(lf, 0, "Blocked using RBL", 14, 3);
		start_within(lf, 0, "rbl: blocked using x", 5, 13);
		start_within(lf, 0, "blocked using a, blocked using b", 17, 13);
		start_within(lf, 0, "RBL rbl rbl blocked using", 12, 13);
		start_within(lf, 0, "blocked using RBL rbl", 18, 3);
		start_within(lf, 1, "spamhaus spamhaus SPAMHAUS.", 18, 8);
		litfilter_scan(lf, "spamhaus", 8);
		assert_true(litfilter_start_max(lf, 0) == SIZE_MAX);	/* not marked */
		assert_true(litfilter_start_max(lf, 2) == SIZE_MAX);	/* no literal */
		assert_true(litfilter_start_max(lf, 3) == SIZE_MAX);	/* no such rule */
		litfilter_free(lf);
	}
}

/* Two verdicts are the same: rule, provider, pool, category, block, IP. */
static void same_verdict(const struct verdict *a, const struct verdict *b, const char *reply,
			 const char *how)
{
	const char *ra = a->rule_id ? a->rule_id : "-", *rb = b->rule_id ? b->rule_id : "-";
	if (strcmp(ra, rb) != 0)
		fail_msg("reply '%s': rule %s %s, %s with the engine's shortcuts", reply, ra, how, rb);
	assert_int_equal(a->block, b->block);
	assert_string_equal(a->sending_ip, b->sending_ip);
	assert_string_equal(a->blocklist, b->blocklist);
	assert_true((a->category == NULL) == (b->category == NULL));
	if (a->category)
		assert_string_equal(a->category, b->category);
}

static size_t compared;

/* r's verdict on reply against r's without the prefilter and whole's (the
 * same rules, each pattern compiled whole). */
static void compare(struct rules *r, struct rules *whole, const char *reply, size_t len)
{
	struct delivery d;
	struct verdict a, b, c;
	delivery_reset(&d);
	d.status = DS_BOUNCED;
	d.reply = str_make(reply, len);
	rules_set_prefilter(r, 0);
	rules_classify(r, &d, &a);
	rules_set_prefilter(r, 1);
	rules_classify(r, &d, &b);
	same_verdict(&a, &b, reply, "without the prefilter");
	rules_classify(whole, &d, &c);
	same_verdict(&c, &b, reply, "with its pattern whole");
	compared++;
}

/* patterns/ copied into dir with "(?:)" before every match expression: an
 * empty group means nothing, and rxparts_split() leaves a pattern that does
 * not open with its options and anchor whole. */
static struct rules *load_whole(char *dir, size_t n)
{
	char err[8192], line[65536], path[512];
	struct dirent *e;
	DIR *d = opendir("patterns");
	struct rules *r;
	assert_non_null(d);
	snprintf(dir, n, "/tmp/bw-whole-XXXXXX");
	assert_non_null(mkdtemp(dir));
	while ((e = readdir(d)) != NULL) {
		FILE *in, *out;
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "patterns/%s", e->d_name);
		assert_non_null(in = fopen(path, "r"));
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		assert_non_null(out = fopen(path, "w"));
		while (fgets(line, sizeof line, in)) {
			char *eq = strchr(line, '=');
			if (strncmp(line, "match", 5) == 0 && eq && strspn(line + 5, " \t") == (size_t)(eq - line - 5))
				fprintf(out, "%.*s= (?:)%s", (int)(eq - line), line, eq + 1 + strspn(eq + 1, " \t"));
			else
				fputs(line, out);
		}
		fclose(in);
		fclose(out);
	}
	closedir(d);
	r = rules_load(dir, err, sizeof err);
	if (r == NULL)
		fail_msg("patterns compiled whole: %s", err);
	return r;
}

/* Reply column col (0-based) of each line of a corpus file; with split, only
 * the lines whose second column is that split (the independent corpus: its
 * test rows are never read here, so a failure never prints one). */
static size_t read_replies(const char *path, size_t col, const char *split, char ***out)
{
	FILE *f = fopen(path, "r");
	char line[16384];
	size_t n = 0;
	assert_non_null(f);
	while (fgets(line, sizeof line, f)) {
		char *p = line, *tab;
		if (line[0] == '#' || strncmp(line, "reply\t", 6) == 0)
			continue;
		if (split) {
			const char *s = strchr(line, '\t');
			size_t sl = strlen(split);
			if (s == NULL || strncmp(s + 1, split, sl) != 0 || s[1 + sl] != '\t')
				continue;
		}
		for (size_t k = 0; k < col && p; k++)
			p = (tab = strchr(p, '\t')) ? tab + 1 : NULL;
		if (p == NULL)
			continue;
		p[strcspn(p, "\t\n")] = '\0';
		*out = xrealloc(*out, (n + 1) * sizeof **out);
		(*out)[n++] = xstrdup(p);
	}
	fclose(f);
	return n;
}

static uint64_t rng = 0x9e3779b97f4a7c15u;
static uint64_t next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static void test_same_verdicts(void **state)
{
	char err[8192], **rep = NULL;
	struct rules *r = rules_load("patterns", err, sizeof err);
	char wdir[64];
	(void)state;
	if (r == NULL)
		fail_msg("patterns: %s", err);
	struct rules *whole = load_whole(wdir, sizeof wdir);
	size_t n = read_replies("tests/corpus/replies.tsv", 0, NULL, &rep);
	size_t m = n;
	char **rep2 = NULL;
	size_t n2 = read_replies("tests/corpus/independent.tsv", 5, "dev", &rep2);
	assert_true(n2 > 100);
	rep = xrealloc(rep, (m + n2) * sizeof *rep);
	memcpy(rep + m, rep2, n2 * sizeof *rep2);
	free(rep2);
	n = m + n2;
	assert_true(n > 100);
	for (size_t i = 0; i < n; i++)
		compare(r, whole, rep[i], strlen(rep[i]));
	/* Random replies: pieces of two corpus replies spliced, case flipped,
	 * bytes replaced, a space made a line break; any bytes. */
	char buf[1024];
	for (int k = 0; k < 20000; k++) {
		const char *a = rep[next_rand() % n], *b = rep[next_rand() % n];
		size_t la = strlen(a), lb = strlen(b);
		size_t ca = la ? next_rand() % (la + 1) : 0, cb = lb ? next_rand() % (lb + 1) : 0;
		size_t len = 0;
		for (size_t i = 0; i < ca && len < sizeof buf; i++)
			buf[len++] = a[i];
		for (size_t i = cb; i < lb && len < sizeof buf; i++)
			buf[len++] = b[i];
		for (int e = (int)(next_rand() % 4); e > 0 && len; e--) {
			size_t at = next_rand() % len;
			uint64_t what = next_rand() % 3;
			if (buf[at] == ' ' && next_rand() % 2)
				buf[at] = '\n';
			else if (what == 0)
				buf[at] = (char)(next_rand() & 0xff);
			else if (what == 1 && buf[at] >= 'a' && buf[at] <= 'z')
				buf[at] = (char)(buf[at] - 32);
			else if (buf[at] >= 'A' && buf[at] <= 'Z')
				buf[at] = (char)(buf[at] + 32);
		}
		compare(r, whole, buf, len);
	}
	print_message("compared %zu replies\n", compared);
	for (size_t i = 0; i < n; i++)
		free(rep[i]);
	free(rep);
	rules_free(r);
	rules_free(whole);
	tu_rmtree(wdir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_required),
		cmocka_unit_test(test_index),
		cmocka_unit_test(test_start_max),
		cmocka_unit_test(test_examples_kept),
		cmocka_unit_test(test_same_verdicts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
