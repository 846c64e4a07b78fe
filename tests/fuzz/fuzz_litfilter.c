/* fuzz_litfilter - the rule prefilter's soundness against PCRE2 itself.
 *
 * Input: a pattern, a NUL byte, a subject. When the pattern compiles (as
 * the rules compile it: no UTF) and matches the subject, one of the
 * literals litfilter_required() reads from it must be in the subject
 * (ASCII case ignored), and litfilter_scan() must mark the rule; and the
 * pattern searched with the offset limit the classifier sets
 * (litfilter_start_max() plus the longest look-behind) must find the same
 * match as without it. Anything else is a prefilter that would change a
 * verdict, and aborts. The literals litfilter_required_ahead() reads from
 * the positive look-aheads every match passes through must be marked
 * likewise (no offset limit: a match does not consume them), and so must
 * each consumed set litfilter_required_each() offers the choice (with the
 * offset limit).
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "litfilter.h"

/* A consumed set lits[0..n) of pat (compiled: re): marked when PCRE2
 * matches subj, and the classifier's limited search finds the same match. */
static void check_consumed(const char *pat, pcre2_code *re, const char *subj, size_t slen, char **lits, size_t n)
{
	int ec;
	PCRE2_SIZE off;
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
	pcre2_code *lre = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED,
					PCRE2_NEVER_UTF | PCRE2_USE_OFFSET_LIMIT, &ec, &off, NULL);
	uint32_t lb = 0;
	size_t at = litfilter_start_max(lf, 0);
	if (lre && rc >= 0 && at != SIZE_MAX) {	/* the classifier's limited search */
		PCRE2_SIZE m0 = pcre2_get_ovector_pointer(md)[0], m1 = pcre2_get_ovector_pointer(md)[1];
		pcre2_pattern_info(lre, PCRE2_INFO_MAXLOOKBEHIND, &lb);
		pcre2_set_offset_limit(mc, at + lb);
		int lrc = pcre2_match(lre, (PCRE2_SPTR)subj, slen, 0, 0, md, mc);
		if (lrc != rc || pcre2_get_ovector_pointer(md)[0] != m0 || pcre2_get_ovector_pointer(md)[1] != m1)
			abort();	/* the limit lost or moved the match */
	}
	pcre2_code_free(lre);
	litfilter_free(lf);
	pcre2_match_context_free(mc);
	pcre2_match_data_free(md);
}

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
	if (re && n > 0)
		check_consumed(pat, re, subj, slen, lits, n);
	struct litfilter_pick each[8];	/* every consumed set the choice weighs */
	size_t ne = re ? litfilter_required_each(pat, each, 8) : 0;
	for (size_t k = 0; k < ne; k++) {
		check_consumed(pat, re, subj, slen, each[k].lit, each[k].n);
		for (size_t i = 0; i < each[k].n; i++)
			free(each[k].lit[i]);
	}
	char *ahead[LITFILTER_ALT_MAX];
	size_t na = litfilter_required_ahead(pat, ahead, LITFILTER_ALT_MAX);
	if (re && na > 0) {
		pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
		pcre2_match_context *mc = pcre2_match_context_create(NULL);
		size_t rule_of[LITFILTER_ALT_MAX] = { 0 };
		struct litfilter *lf = litfilter_new((const char *const *)ahead, rule_of, na, 1);
		pcre2_set_match_limit(mc, 10000);
		litfilter_scan(lf, subj, slen);
		if (pcre2_match(re, (PCRE2_SPTR)subj, slen, 0, 0, md, mc) >= 0 && !litfilter_may(lf, 0))
			abort();	/* a look-ahead's literal that a match need not see */
		litfilter_free(lf);
		pcre2_match_context_free(mc);
		pcre2_match_data_free(md);
	}
	for (size_t i = 0; i < na; i++)
		free(ahead[i]);
	for (size_t i = 0; i < n; i++)
		free(lits[i]);
	pcre2_code_free(re);
	free(pat);
	return 0;
}
