/* A differential test of litfilter_scan() against a naive reference: for
 * every literal filed in the index, every place it occurs in the reply
 * (ASCII case ignored) found by plain comparison; a rule is marked when one
 * of its literals occurs, and litfilter_start_max() is the largest of
 * (occurrence + the offset of the window the literal is filed under) over
 * them. Seeded random literal sets (lengths 1 to 40, short ones ignored by
 * the index, rules without literals, some literals shared by rules, over a
 * small alphabet with bytes above 0x7f so that they occur often) and
 * random texts (near misses, upper case, NUL, every length from 0, in a buffer of its
 * exact length so that AddressSanitizer sees any read past it), with and
 * without a sample for the filing. The index's internals (the offset each
 * literal is filed at) are read by including litfilter.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "litfilter.c"

static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint32_t next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng >> 11);
}

static const char alphabet[] = "abcab cd.-1\x80\xd0";

static void random_lit(char *out, size_t len)
{
	for (size_t k = 0; k < len; k++)
		out[k] = alphabet[next_rand() % (sizeof alphabet - 1)];
	out[len] = '\0';
}

/* A text of len bytes, made of pieces of the literals and random bytes. */
static void random_text(unsigned char *t, size_t len, char **lit, size_t nlit)
{
	size_t k = 0;
	while (k < len) {
		uint32_t r = next_rand() % 8;	/* 5 in 8: a piece of a literal */
		if (r < 5 && nlit) {
			const char *l = lit[next_rand() % nlit];
			size_t n = strlen(l), from = r == 0 ? 0 : next_rand() % (n + 1), at = k;
			for (size_t j = from; j < n && k < len; j++)
				t[k++] = (unsigned char)l[j];
			if (r == 0 && k > at)	/* a near miss: a whole literal, one byte changed */
				t[at + next_rand() % (k - at)] ^= 0x04;
		} else if (r == 5) {
			t[k++] = (unsigned char)(next_rand() & 0xff);
		} else {
			t[k++] = (unsigned char)alphabet[next_rand() % (sizeof alphabet - 1)];
		}
	}
	for (k = 0; k < len; k++)
		if (next_rand() % 4 == 0 && t[k] >= 'a' && t[k] <= 'z')
			t[k] = (unsigned char)(t[k] - 32);
}

/* The reference marks (mark[i]) and start offsets (last[i]) of text t. */
static void ref_scan(const struct litfilter *lf, const unsigned char *t, size_t len, int *mark, size_t *last)
{
	size_t nent = lf->start[NBUCKET];
	for (size_t i = 0; i < lf->n; i++) {
		mark[i] = (lf->always[i / 64] >> (i % 64) & 1) != 0;
		last[i] = SIZE_MAX;
	}
	for (size_t k = 0; k < nent; k++) {
		const struct lit_entry *e = &lf->ent[k];
		for (size_t o = 0; o + e->len <= len; o++) {
			size_t j = 0;
			while (j < e->len && ascii_lower(t[o + j]) == (unsigned char)lf->pool[e->at + j])
				j++;
			if (j < e->len)
				continue;
			if (!mark[e->rule] || last[e->rule] < o + e->off)
				last[e->rule] = o + e->off;
			mark[e->rule] = 1;
		}
	}
}

static void test_scan_reference(void **state)
{
	(void)state;
	size_t texts = 0, marks = 0;
	for (int round = 0; round < 4000; round++) {
		size_t n = 1 + next_rand() % 140, nlit = next_rand() % 60, nsample = next_rand() % 3 ? 0 : 20;
		char **lit = xcalloc(nlit + 1, sizeof *lit), **sample = xcalloc(nsample + 1, sizeof *sample);
		size_t *rule_of = xcalloc(nlit + 1, sizeof *rule_of);
		for (size_t i = 0; i < nlit; i++) {
			size_t len = 1 + next_rand() % (next_rand() % 4 ? 12 : 40);
			lit[i] = xmalloc(41);
			if (i && next_rand() % 6 == 0) {	/* one literal of several rules */
				const char *other = lit[next_rand() % i];
				memcpy(lit[i], other, strlen(other) + 1);
			} else {
				random_lit(lit[i], len);
			}
			rule_of[i] = next_rand() % (n + 1);	/* n: no such rule, ignored */
		}
		for (size_t i = 0; i < nsample; i++) {
			size_t len = next_rand() % 80;
			sample[i] = xmalloc(len + 1);
			random_text((unsigned char *)sample[i], len, lit, nlit);
			for (size_t k = 0; k < len; k++)
				sample[i][k] = sample[i][k] ? sample[i][k] : 'x';
			sample[i][len] = '\0';
		}
		struct litfilter *lf = litfilter_new_sampled((const char *const *)lit, rule_of, nlit, n,
							     (const char *const *)sample, nsample);
		int *mark = xcalloc(n, sizeof *mark);
		size_t *last = xcalloc(n, sizeof *last);
		for (int x = 0; x < 40; x++) {
			size_t len = next_rand() % (x % 8 ? 40 : 300);
			unsigned char *t = xmalloc(len ? len : 1);
			random_text(t, len, lit, nlit);
			litfilter_scan(lf, (const char *)t, len);
			ref_scan(lf, t, len, mark, last);
			for (size_t i = 0; i < n; i++) {
				if (litfilter_may(lf, i) != mark[i] ||
				    (mark[i] && litfilter_start_max(lf, i) != last[i]))
					fail_msg("round %d text %d (%zu bytes): rule %zu marked %d (reference %d), "
						 "start_max %zu (reference %zu)", round, x, len, i, litfilter_may(lf, i),
						 mark[i], litfilter_start_max(lf, i), last[i]);
				marks += mark[i] && last[i] != SIZE_MAX;	/* by a literal */
			}
			texts++;
			free(t);
		}
		litfilter_free(lf);
		for (size_t i = 0; i < nlit; i++)
			free(lit[i]);
		for (size_t i = 0; i < nsample; i++)
			free(sample[i]);
		free(lit);
		free(sample);
		free(rule_of);
		free(mark);
		free(last);
	}
	print_message("compared %zu texts, %zu marks\n", texts, marks);
	assert_true(2 * marks > texts);	/* the texts do hold literals */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scan_reference),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
