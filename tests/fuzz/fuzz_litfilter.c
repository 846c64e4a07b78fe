/* fuzz_litfilter - the rule prefilter's soundness against PCRE2 itself.
 *
 * Input: a pattern, a NUL byte, a subject. When the pattern compiles (as
 * the rules compile it: no UTF) and matches the subject, one of the
 * literals litfilter_required() reads from it must be in the subject
 * (ASCII case ignored), and litfilter_scan() must mark the rule; anything
 * else is a prefilter that would change a verdict, and aborts.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "litfilter.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, 0, size);
	if (nul == NULL || nul - data > 512)
		return 0;
	char *pat = malloc((size_t)(nul - data) + 1);
	memcpy(pat, data, (size_t)(nul - data));
	pat[nul - data] = '\0';
	const char *subj = (const char *)nul + 1;
	size_t slen = size - (size_t)(nul - data) - 1;
	char *lits[LITFILTER_ALT_MAX];
	size_t n = litfilter_required(pat, lits, LITFILTER_ALT_MAX);
	int ec;
	PCRE2_SIZE off;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED, PCRE2_NEVER_UTF, &ec, &off, NULL);
	if (re && n > 0) {
		pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
		pcre2_match_context *mc = pcre2_match_context_create(NULL);
		pcre2_set_match_limit(mc, 10000);
		int rc = pcre2_match(re, (PCRE2_SPTR)subj, slen, 0, 0, md, mc);
		size_t rule_of[LITFILTER_ALT_MAX] = { 0 };
		const char *sample[] = { pat };	/* any sample: only where literals are filed */
		struct litfilter *lf = litfilter_new_sampled((const char *const *)lits, rule_of, n, 1, sample, 1);
		litfilter_scan(lf, subj, slen);
		if (rc >= 0 && !litfilter_may(lf, 0))
			abort();	/* PCRE2 matches, the prefilter would skip the rule */
		litfilter_free(lf);
		pcre2_match_context_free(mc);
		pcre2_match_data_free(md);
	}
	for (size_t i = 0; i < n; i++)
		free(lits[i]);
	pcre2_code_free(re);
	free(pat);
	return 0;
}
