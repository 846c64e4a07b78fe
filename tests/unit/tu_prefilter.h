/* tu_prefilter - what the prefilter's differential tests share: one
 * delivery classified twice, every rule tried and with the prefilter on;
 * one pattern loaded as a rule.
 * Header only (static inline); include after <cmocka.h> and rules.h. */
#ifndef BW_TU_PREFILTER_H
#define BW_TU_PREFILTER_H
#include "testutil.h"

/* *off: r's verdict on d with every rule tried; *on: with the prefilter,
 * which is left on. off's advice may be r's own buffer, which the second
 * call writes again: it is copied into advice (advicesz bytes) first. */
static inline void tu_classify_both(struct rules *r, const struct delivery *d, struct verdict *off,
				    struct verdict *on, char *advice, size_t advicesz)
{
	rules_set_prefilter(r, 0);
	rules_classify(r, d, off);
	snprintf(advice, advicesz, "%s", off->advice ? off->advice : "-");
	off->advice = advice;
	rules_set_prefilter(r, 1);
	rules_classify(r, d, on);
	if (on->advice == NULL)
		on->advice = "-";
}

/* One rule of pattern pat loaded the way the classifier takes it (split by
 * rxparts, its literals picked, the offset limit set from them); NULL when
 * rules_load refuses it. */
static inline struct rules *tu_rules_one(const char *pat)
{
	char dir[64], text[1024], err[1024];
	struct rules *r;
	tu_mkdtemp(dir, sizeof dir, "onerule");
	snprintf(text, sizeof text, "[r]\ncategory = other\nmatch = %s\n", pat);
	tu_write(dir, "a.rules", text);
	r = rules_load(dir, err, sizeof err);
	tu_rmtree(dir);
	return r;
}

#endif
