/* fuzz_rxparts - a pattern split into its parts means the pattern.
 *
 * Input: a pattern, a NUL byte, a subject. When the pattern compiles (as
 * the rules compile it: no UTF) and rxparts_split() splits it into parts
 * that compile, the parts evaluated as rxparts.h says (the body, unanchored
 * when body_any; no forbidden words; the guard at offset 0; without
 * dot_all, a match after a '\n' does not count) must match exactly when the
 * whole pattern does, with the same captures, and the forbidden words
 * searched one by one must answer as their alternation; anything else
 * aborts. A match limit hit on either side is not compared.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "rxparts.h"

static pcre2_code *compile(const char *p)
{
	int ec;
	PCRE2_SIZE off;
	return p ? pcre2_compile((PCRE2_SPTR)p, PCRE2_ZERO_TERMINATED, PCRE2_NEVER_UTF, &ec, &off, NULL) : NULL;
}

/* 1 match, 0 none, -1 a limit or error */
static int run(const pcre2_code *re, const char *s, size_t n, pcre2_match_data *md, pcre2_match_context *mc)
{
	int rc = pcre2_match(re, (PCRE2_SPTR)s, n, 0, 0, md, mc);
	return rc >= 0 ? 1 : rc == PCRE2_ERROR_NOMATCH ? 0 : -1;
}

static int after_newline(const char *s, pcre2_match_data *md)
{
	return memchr(s, '\n', pcre2_get_ovector_pointer(md)[0]) != NULL;
}

/* The forbidden words one by one, as rules.c searches them: 1 one is
 * where the pattern's ".*?" reaches it, 0 none, -1 a limit or a word that
 * does not compile (not compared). */
static int words_found(const struct rxparts *p, const char *s, size_t n, pcre2_match_data *md,
		       pcre2_match_context *mc)
{
	int found = 0;
	for (size_t k = 0; k < p->nwords && found == 0; k++) {
		pcre2_code *w = compile(p->words[k]);
		int x = w ? run(w, s, n, md, mc) : -1;
		found = x == 1 ? (p->dot_all || !after_newline(s, md)) : x;
		pcre2_code_free(w);
	}
	return found;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, 0, size);
	struct rxparts p;
	if (nul == NULL || nul - data > 512)
		return 0;
	char *pat = malloc((size_t)(nul - data) + 1);
	memcpy(pat, data, (size_t)(nul - data));
	pat[nul - data] = '\0';
	const char *s = (const char *)nul + 1;
	size_t n = size - (size_t)(nul - data) - 1;
	pcre2_code *whole = compile(pat);
	if (whole && rxparts_split(pat, &p)) {
		pcre2_code *b = compile(p.body), *g = compile(p.guard), *f = compile(p.forbid);
		if (b && (g || !p.guard) && (f || !p.forbid)) {
			pcre2_match_context *mc = pcre2_match_context_create(NULL);
			pcre2_match_data *wmd = pcre2_match_data_create_from_pattern(whole, NULL);
			pcre2_match_data *bmd = pcre2_match_data_create_from_pattern(b, NULL);
			pcre2_match_data *xmd = pcre2_match_data_create(1, NULL);
			pcre2_set_match_limit(mc, 10000);
			int w = run(whole, s, n, wmd, mc), m = run(b, s, n, bmd, mc), x;
			if (m == 1 && p.body_any && !p.dot_all && after_newline(s, bmd))
				m = 0;
			if (f && p.nwords) {	/* the words one by one answer as the alternation */
				int a = run(f, s, n, xmd, mc), o = words_found(&p, s, n, xmd, mc);
				if (a == 1)
					a = p.dot_all || !after_newline(s, xmd);
				if (a >= 0 && o >= 0 && a != o)
					abort();
			}
			if (m == 1 && f && (x = run(f, s, n, xmd, mc)) != 0)
				m = x < 0 ? -1 : (!p.dot_all && after_newline(s, xmd)) ? 1 : 0;
			if (m == 1 && g)
				m = run(g, s, n, xmd, mc);
			if (w >= 0 && m >= 0 && w != m)
				abort();	/* the parts and the pattern disagree */
			uint32_t cw = pcre2_get_ovector_count(wmd), cb = pcre2_get_ovector_count(bmd);
			if (w == 1 && m == 1) {
				PCRE2_SIZE *ow = pcre2_get_ovector_pointer(wmd), *ob = pcre2_get_ovector_pointer(bmd);
				for (uint32_t k = 1; k < cw && k < cb; k++)
					if (ow[2 * k] != ob[2 * k] || ow[2 * k + 1] != ob[2 * k + 1])
						abort();	/* a capture moved */
			}
			pcre2_match_data_free(wmd);
			pcre2_match_data_free(bmd);
			pcre2_match_data_free(xmd);
			pcre2_match_context_free(mc);
		}
		pcre2_code_free(b);
		pcre2_code_free(g);
		pcre2_code_free(f);
		rxparts_release(&p);
	}
	pcre2_code_free(whole);
	free(pat);
	return 0;
}
