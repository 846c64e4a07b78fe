/* litfilter - the rule prefilter by required literal.
 *
 * Every rule whose pattern holds a run of plain characters that any match
 * must contain (outside groups, classes, quantified characters and
 * alternations; a byte above 0x7f, as itself or as \xHH, is a plain
 * character) gets that run, lower-cased, as its "required literal";
 * litfilter_scan() marks in one pass over a reply every rule whose literal
 * occurs in it (ASCII case ignored: a superset of what the rule can match),
 * so the classifier runs PCRE2 only for rules marked or without a literal.
 * Derived from the patterns alone: nothing to annotate by hand.
 */
#ifndef BW_LITFILTER_H
#define BW_LITFILTER_H
#include <stddef.h>
#include <stdint.h>

#define LITFILTER_MIN 3		/* shorter literals are not used */
#define LITFILTER_ALT_MAX 16	/* literals per rule at most (one per alternative) */

/* The required literals of PCRE2 pattern pat (options as the rules compile
 * it: no UTF, no extended mode from outside): a set of lower-case strings,
 * each at least LITFILTER_MIN long, one of which every match holds (one per
 * alternative when the pattern or a group every match passes through
 * alternates). Stores up to max malloc'd strings in out and returns how
 * many; 0 when this reader can prove none (\Q, (?x), verbs, POSIX classes, escapes it
 * does not know, an alternative without a literal, more than max). */
size_t litfilter_required(const char *pat, char **out, size_t max);

struct litfilter;

/* An index over n rules: literal lits[i] (lower-case) belongs to rule
 * rule_of[i]; a rule with no literal is always tried. */
struct litfilter *litfilter_new(const char *const *lits, const size_t *rule_of, size_t nlits,
				size_t n);
/* The same, filing each literal under the window of it least seen in the
 * sample texts (typical input: the rules' own examples), so that the scan
 * compares few literals per reply; ties (and no sample) go to the window
 * shared by the fewest literals. Any sample gives the same marks. */
struct litfilter *litfilter_new_sampled(const char *const *lits, const size_t *rule_of, size_t nlits, size_t n,
					const char *const *sample, size_t nsample);
void litfilter_free(struct litfilter *lf);

/* Marks the rules whose literal occurs in s (len bytes); afterwards
 * litfilter_may(lf, i) says whether rule i can match s. */
void litfilter_scan(struct litfilter *lf, const char *s, size_t len);
int litfilter_may(const struct litfilter *lf, size_t i);

/* After a scan, of rule i when it can match (litfilter_may): an offset
 * that no occurrence of its literals in s starts after, SIZE_MAX when it
 * has none. A match consumes one of them (they are read outside
 * look-arounds), so it starts at most that far in; the classifier adds the
 * pattern's longest look-behind (PCRE2_INFO_MAXLOOKBEHIND) as a margin. The
 * offset is that of the last three-byte window where the scan saw one, at
 * or after its start. */
size_t litfilter_start_max(const struct litfilter *lf, size_t i);

/* After a scan: the first rule at or after i that can match (as
 * litfilter_may), or n when none; stepping with it visits the candidates in
 * rule order. */
size_t litfilter_next(const struct litfilter *lf, size_t i);

#endif
