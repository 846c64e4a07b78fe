/* rxparts - the parts of a rule's PCRE2 pattern that the engine reads
 * before compiling it: stepping over a group or a class (for litfilter.c's
 * literal reader), and the leading guards split from the rest.
 *
 * Rules guard a verdict with negative look-aheads over the whole reply
 * right after the anchor: "(?i)^(?!.*?\b(?:PTR|HELO|SPF)\b).*?blocked".
 * Run first, such a guard scans the whole reply for every rule the literal
 * prefilter lets through, although the rest of the rule rarely matches,
 * and a look-ahead ".*?X" tries X at every offset. rxparts_split()
 * separates the parts, so the engine searches for the body first, the
 * guard's words only for replies the body took, each unanchored.
 *
 * Why the parts mean the pattern, and when it stays whole:
 *   - "^" must anchor at the subject's start only: no (?m) (only i and s
 *     may be set before it; the rules compile without PCRE2_MULTILINE),
 *     and it must be the "^" itself: "\A(?!...)" stays whole. A \A or \G
 *     inside a part still means offset 0, as in the pattern.
 *   - the assertions are tested at offset 0 in any order, so they may run
 *     after the body; the options before "^" are copied to every part.
 *   - a part must not need another's groups: an assertion with a capture
 *     stays in the body (group numbers do not move, the (?<ip>) and
 *     (?<zone>) captures come from the body's match as before); a back
 *     reference from a forbidden word or guard to the body's group makes
 *     that part fail to compile, and the rule keeps the pattern whole;
 *     \K, a call of the whole pattern or of a named group refuse.
 *   - a top-level '|' refuses: the assertions bind its first alternative
 *     only. An empty REST is "^", which every subject matches, as the
 *     pattern's REST.
 *   - without (?s), ".*?" does not cross a '\n': a forbidden word counts
 *     only where it starts on the first line (see struct rxparts).
 */
#ifndef BW_RXPARTS_H
#define BW_RXPARTS_H
#include <stddef.h>

/* Index just past the ')' closing the group opened at pat[i] == '(', or 0
 * when it does not close. Escapes and classes inside are stepped over. */
size_t rxparts_skip_group(const char *pat, size_t i);

/* Index just past the ']' closing the class opened at pat[i] == '[', or 0
 * (also for a class holding a POSIX class, "[[:alpha:]]", not followed). */
size_t rxparts_skip_class(const char *pat, size_t i);

/* Whether these readers can follow pat: no \Q...\E, no (*VERB), no
 * extended mode set inline ((?x), (?xx), (?ix:...)), where spaces and
 * comments change what a byte means, no \c (it takes any next byte: "\c)"
 * is a letter), no comment "(?#...)" nor callout "(?C...)" (their text may
 * hold parentheses), no \E (a quantifier after it or after a comment is
 * the item's before). */
int rxparts_followable(const char *pat);

/* What rxparts_split() makes of a pattern: it matches a subject exactly
 * when body matches (searched unanchored when body_any), forbid is not
 * found, and guard matches at offset 0. Without dot_all a '.' does not
 * cross a '\n', so a match of body (when body_any) or of forbid counts only
 * when no '\n' comes before its start. The body's captures are the
 * pattern's. */
#define RXPARTS_WORDS_MAX 32

struct rxparts {
	char *body;	/* malloc'd */
	char *guard;	/* malloc'd, or NULL */
	char *forbid;	/* malloc'd, or NULL: searched unanchored */
	int body_any;	/* body stands for "^.*?body" */
	int dot_all;	/* the pattern's options set s */
	/* forbid's alternatives one by one (malloc'd, nwords 0 when they
	 * cannot be told apart or there are more than RXPARTS_WORDS_MAX),
	 * each "OPTS(?:X)", or for an X written P(?:A|B...)S (no group or
	 * class in P and S, no option setting in the group, none of its own
	 * quantified) "OPTS P(?:A)S", "OPTS P(?:B)S" ...: forbid matches
	 * where one of them does, and its leftmost match starts where the
	 * leftmost of theirs does, so searching them one by one (each with
	 * PCRE2's start-of-match scan for its own first bytes, where the
	 * alternation tries every alternative at every offset) finds the
	 * same answer, the newline rule above applied to each. */
	char *words[RXPARTS_WORDS_MAX];
	size_t nwords;
};

/* Frees what rxparts_split() put in p (p itself is the caller's). */
void rxparts_release(struct rxparts *p);

/* When pat is written "OPTS^A1A2...REST", where OPTS are inline option
 * settings of i and s only, A1... a run of look-around assertions and REST
 * holds no top-level '|' (all of the run is tested at offset 0, in any
 * order, so only captures tie an assertion to the body):
 *   - each assertion "(?!.*?X)" or "(?!.*X)" (X found nowhere ahead on the
 *     line) becomes an alternative (?:X) of forbid, searched unanchored:
 *     PCRE2's start-of-match optimisations (a first byte, a start bitmap)
 *     skip the offsets X cannot start at, where the look-ahead tried every
 *     length of ".*?" in turn;
 *   - the other assertions without a capturing group form the guard,
 *     "OPTS^" followed by them;
 *   - the body is "OPTS^", the assertions with a capture and REST; when no
 *     such assertion is left and REST starts with a lazy ".*?", the body
 *     drops "^.*?" and is searched unanchored (body_any): the leftmost
 *     match, and so the captures, are the same.
 * Returns 1 and fills *out when any of this applies, else 0 (the pointers
 * NULL; also when !rxparts_followable(pat), or pat holds \K, which moves a
 * match's start, or calls the whole pattern or a named group, which in a
 * part would mean the part). An assertion followed by a quantifier,
 * "(?=x)?", ends the run. A pattern that must not be split for reasons only the
 * compiler knows (a back reference across the parts) is the caller's to
 * detect: compile the parts, and fall back to pat whole when one fails. */
int rxparts_split(const char *pat, struct rxparts *out);

#endif
