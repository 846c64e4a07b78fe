/* litfilter - the rule prefilter by required literal.
 *
 * Every rule whose pattern holds a run of plain characters that any match
 * must contain (outside groups, classes, quantified characters and
 * alternations; a byte above 0x7f, as itself or as \xHH, is a plain
 * character) gets that run, lower-cased, as its "required literal", or one
 * that a positive look-ahead every match passes through requires (see
 * litfilter_required_ahead): of these runs and sets, the one fewest sample
 * replies hold (litfilter_required_rarest);
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

/* The same kind of set read by the positive look-aheads "(?=...)" that
 * every match passes through: those in the pattern's top-level sequence,
 * in the sequence of a group every match passes through as a sequence
 * (plain, non-capturing, named, with inline flags), or in the sequence of
 * such a look-ahead's body, at any depth of these, none followed by ?, *
 * or {..}. Each gives the literals its body consumes (litfilter_required
 * of the body): an assertion that holds where it stands finds its body's
 * match in the subject, at or after that point. An alternation of the
 * sequence a look-ahead stands in ("(?=.*X)a|b", "(?:(?=.*X)|b)"), a group
 * a match may skip, a negative look-around, a look-behind, a condition or
 * an atomic group give nothing: a match need not pass through it. A match
 * does not consume these literals, so litfilter_start_max() says nothing
 * for them. */
size_t litfilter_required_ahead(const char *pat, char **out, size_t max);

/* A rule's literals as the prefilter takes them: consumed, or read by
 * look-aheads (ahead = 1: litfilter_start_max() does not apply). */
struct litfilter_pick {
	char *lit[LITFILTER_ALT_MAX];	/* malloc'd, lower-case */
	size_t n;			/* 0: none, always tried */
	int ahead;
};

/* Every consumed set of pat, up to max, in out (ahead = 0): for a pattern
 * without a top-level '|', each run of its top-level sequence and the set
 * of each group every match passes through (as litfilter_required weighs
 * them), and of such a group without a '|' of its own, its runs and sets
 * in turn (never a run in a look-around or in a group followed by ?, * or
 * {..}), so every match consumes each set's literal; with a top-level '|',
 * litfilter_required's one set. Returns how many. The same sets of each
 * alternative are what litfilter_required_rarest weighs for a pattern
 * with a top-level '|'. */
size_t litfilter_required_each(const char *pat, struct litfilter_pick *out, size_t max);

/* For each pattern pats[i] (NULL: none) in out[i]: of litfilter_required_each's
 * sets and litfilter_required_ahead's, the one that fewest of the sample
 * texts hold (ASCII case ignored; typical input: the rules' own examples);
 * on a tie the one with the longer shortest literal, a consumed one before
 * the look-ahead one (a consumed literal bounds where a match starts), so
 * without a sample the longest. For a pattern with a top-level '|', the
 * same choice among each alternative's consumed sets (as
 * litfilter_required_each reads a pattern without one), the picks joined;
 * a set the picks of the alternatives before already cover (each of its
 * literals holds one of theirs) is taken at no cost. When an alternative
 * has none, or more than LITFILTER_ALT_MAX literals would be joined,
 * litfilter_required's set. A literal that holds another of the pick is
 * left out (every text with it holds the other). One index over the sets
 * to weigh reads the sample once. */
void litfilter_required_rarest(const char *const *pats, size_t npat, const char *const *sample, size_t nsample,
			       struct litfilter_pick *out);

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
 * has none. When a match consumes one of them (litfilter_required's, read
 * outside look-arounds), it starts at most that far in; the classifier
 * adds the pattern's longest look-behind (PCRE2_INFO_MAXLOOKBEHIND) as a
 * margin, and does not use it for literals read by look-aheads. The
 * offset is that of the last three-byte window where the scan saw one, at
 * or after its start. */
size_t litfilter_start_max(const struct litfilter *lf, size_t i);

/* After a scan: the first rule at or after i that can match (as
 * litfilter_may), or n when none; stepping with it visits the candidates in
 * rule order. */
size_t litfilter_next(const struct litfilter *lf, size_t i);

#endif
