/* tu_prefilter - what the prefilter's differential tests share: one
 * delivery classified twice, every rule tried and with the prefilter on.
 * Header only (static inline); include after <cmocka.h> and rules.h. */
#ifndef BW_TU_PREFILTER_H
#define BW_TU_PREFILTER_H

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

#endif
