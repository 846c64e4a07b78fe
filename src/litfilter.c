/* litfilter - the rule prefilter by required literal (see litfilter.h).
 *
 * The pattern reader is deliberately small and conservative: it walks the
 * top level of the pattern only, and every construct it does not follow
 * ends the current run of literal characters (groups and classes are
 * skipped whole; a character followed by ?, * or {..} is optional and
 * dropped). A byte above 0x7f, written as itself or as \xHH, is a plain
 * character like a letter: the rules compile without UTF mode, so it
 * matches that one byte (how Cyrillic or CJK words are written).
 * Whatever it cannot prove (a top-level '|', \Q...\E, extended mode,
 * (*VERB)s such as (*ACCEPT), unknown escapes) gives no literal, so the
 * rule is always tried: the prefilter never changes a verdict. A second
 * walk reads the positive look-aheads of the same sequences, whose bodies
 * the first walk reads as patterns of their own: a rule such as
 * "^(?=.*\bgreylist)(?=.*\blisted\b).*" consumes no word, yet holds one.
 *
 * The index: each literal is filed under the hash of one three-byte window
 * of it, the window least seen in a sample of replies (the rules' own
 * examples: a window common in replies, such as "ail" or "rej", would make
 * the scan compare the literal for most replies), then shared by the
 * fewest literals. The scan lower-cases the reply (ascii_lower_copy, 16
 * bytes at a time), then visits its three-byte windows from the last to the
 * first: one four-byte load, a multiply and a byte map of the buckets in
 * use (16 KB, 2^14 buckets) reject most (8 instructions each); in a bucket
 * in use each literal filed there is compared where it would start: its
 * first eight bytes with one masked load, then its last eight and those
 * between, eight at a time, inline (a 32-byte entry holds what the first
 * compare reads). The first window, from the end, where a literal of a rule
 * is seen marks the rule and is kept (litfilter_start_max). Stepping by
 * more than one window is out: a literal of three bytes has one window.
 * The rules marked form a bit set (one bit per rule, starting from the set
 * of rules without a literal), so the classifier steps from one candidate
 * to the next (litfilter_next) instead of asking every rule.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "ascii.h"
#include "litfilter.h"
#include "rxparts.h"
#include "xmalloc.h"

#define NBUCKET_BITS 14
#define NBUCKET (1u << NBUCKET_BITS)

static int is_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The value of hex digit c, or -1. */
static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (ascii_lower((unsigned char)c) >= 'a' && ascii_lower((unsigned char)c) <= 'f')
		return ascii_lower((unsigned char)c) - 'a' + 10;
	return -1;
}

/* Whether a quantifier {n}, {n,}, {n,m} or {,m} starts at pat[i] == '{';
 * *end gets the index past it. */
static int brace_quant(const char *pat, size_t i, size_t *end)
{
	size_t j = i + 1, digits = 0;
	while (pat[j] >= '0' && pat[j] <= '9')
		j++, digits++;
	if (pat[j] == ',') {
		j++;
		while (pat[j] >= '0' && pat[j] <= '9')
			j++, digits++;
	}
	if (pat[j] != '}' || digits == 0)
		return 0;
	*end = j + 1;
	return 1;
}

/* Steps over the escape at pat[i] == '\\' whose letter or digit is
 * pat[i + 1]; returns the index past it, or 0 for one not known here. */
static size_t skip_escape(const char *pat, size_t i)
{
	char e = pat[i + 1];
	size_t j = i + 2;
	if (strchr("bBdDsSwWhHvVRAzZGKnrtefaXC", e))
		return j;
	if (e >= '0' && e <= '9') {	/* back reference or octal */
		while (pat[j] >= '0' && pat[j] <= '9')
			j++;
		return j;
	}
	if (strchr("xopPNgk", e) && pat[j] == '{') {
		const char *end = strchr(pat + j, '}');
		return end ? (size_t)(end - pat) + 1 : 0;
	}
	switch (e) {
	case 'N':	/* not a newline */
		return j;
	case 'x':	/* up to two hex digits */
		for (int k = 0; k < 2 && ((pat[j] >= '0' && pat[j] <= '9') ||
					  (ascii_lower((unsigned char)pat[j]) >= 'a' && ascii_lower((unsigned char)pat[j]) <= 'f')); k++)
			j++;
		return j;
	case 'c':
		return pat[j] ? j + 1 : 0;
	case 'p':
	case 'P':
		return pat[j] ? j + 1 : 0;
	case 'g':
		if (pat[j] == '-' || pat[j] == '+')
			j++;
		if (pat[j] == '<' || pat[j] == '\'') {
			const char *end = strchr(pat + j + 1, pat[j] == '<' ? '>' : '\'');
			return end ? (size_t)(end - pat) + 1 : 0;
		}
		while (pat[j] >= '0' && pat[j] <= '9')
			j++;
		return j;
	case 'k':
		if (pat[j] == '<' || pat[j] == '\'') {
			const char *end = strchr(pat + j + 1, pat[j] == '<' ? '>' : '\'');
			return end ? (size_t)(end - pat) + 1 : 0;
		}
		return 0;
	default:
		return 0;
	}
}

#define DEPTH_MAX 8

/* The readers build their sets of literals, one of which any match holds,
 * as struct litfilter_pick (malloc'd strings; n == 0: none proven; ahead
 * 0 until the choice sets it). */

static void set_clear(struct litfilter_pick *ls)
{
	for (size_t i = 0; i < ls->n; i++)
		free(ls->lit[i]);
	ls->n = 0;
}

/* The weakest literal of a set: the shorter, the more replies it lets by. */
static size_t set_score(const struct litfilter_pick *ls)
{
	size_t m = SIZE_MAX;
	for (size_t i = 0; i < ls->n; i++)
		if (strlen(ls->lit[i]) < m)
			m = strlen(ls->lit[i]);
	return ls->n ? m : 0;
}

/* Keeps cand in best when it is better (longer weakest literal, then fewer). */
static void set_keep_better(struct litfilter_pick *best, struct litfilter_pick *cand)
{
	size_t sb = set_score(best), sc = set_score(cand);
	if (sc >= LITFILTER_MIN && (sc > sb || (sc == sb && cand->n < best->n))) {
		set_clear(best);
		*best = *cand;
		cand->n = 0;
	} else {
		set_clear(cand);
	}
}

static void set_one(struct litfilter_pick *ls, const char *run, size_t len)
{
	ls->lit[0] = xmalloc(len + 1);
	memcpy(ls->lit[0], run, len);
	ls->lit[0][len] = '\0';
	ls->n = 1;
}

/* Every candidate set of a pattern without a top-level '|' (litfilter_required_each). */
#define CAND_MAX 8
struct cands {
	struct litfilter_pick s[CAND_MAX];
	size_t n;
};

/* Puts a copy of cand into all (when there is one, room left, and cand is
 * a set the prefilter may use). */
static void cand_add(struct cands *all, const struct litfilter_pick *cand)
{
	if (all == NULL || all->n == CAND_MAX || set_score(cand) < LITFILTER_MIN)
		return;
	struct litfilter_pick *c = &all->s[all->n++];
	for (size_t k = 0; k < cand->n; k++)
		c->lit[k] = xstrdup(cand->lit[k]);
	c->n = cand->n;
	c->ahead = 0;
}

static int alt_set(const char *p, size_t n, struct litfilter_pick *out, int depth);
static size_t alt_end(const char *p, size_t n, size_t i);
static int head_set(const char *head, size_t hlen, const char *p, size_t n, struct litfilter_pick *out);

/* Where the body of the group p[0..n) (p[0] == '(', p[n - 1] == ')')
 * starts, for groups any match passes through as a sequence (plain,
 * non-capturing, named, branch reset, with inline flags); 0 for the
 * others (lookarounds, conditions, atomic, comments, flag settings). */
static size_t group_body(const char *p, size_t n)
{
	size_t i = 1;
	if (p[1] != '?')
		return 1;
	if (p[2] == ':' || p[2] == '|')
		return 3;
	if ((p[2] == '<' && p[3] != '=' && p[3] != '!') || p[2] == '\'' ||
	    (p[2] == 'P' && p[3] == '<')) {
		const char *end = memchr(p + 3, p[2] == '\'' ? '\'' : '>', n - 3);
		return end ? (size_t)(end - p) + 1 : 0;
	}
	for (i = 2; i < n && ((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z') || p[i] == '-' || p[i] == '^'); i++)
		;
	return i < n && p[i] == ':' ? i + 1 : 0;
}

/* The best literal set of one branch p[0..n) (no top-level '|'): its
 * longest run of characters, or the set of a group every match passes;
 * all (when not NULL) gets a copy of every candidate, in pattern order. */
static int branch_set(const char *p, size_t n, struct litfilter_pick *best, int depth, struct cands *all)
{
	char *run = xmalloc(n + 1);
	size_t rlen = 0, i = 0;
	int last_lit = 0;	/* the previous token was a character of the run */
	struct litfilter_pick cand = { 0 };
	best->n = 0;
#define RUN_END() do { if (rlen) { set_one(&cand, run, rlen); cand_add(all, &cand); set_keep_better(best, &cand); } rlen = 0; } while (0)
	while (i < n) {
		unsigned char c = (unsigned char)p[i];
		size_t next = 0;
		if (c == '\\') {
			unsigned char d = (unsigned char)p[i + 1];
			if (i + 1 >= n)
				goto none;
			if (d == 'x' && i + 3 < n && hex_value(p[i + 2]) >= 0 && hex_value(p[i + 3]) >= 0 &&
			    (p[i + 2] != '0' || p[i + 3] != '0')) {
				/* "\xd0\xb8": one byte each, as plain as a letter (no UTF mode) */
				run[rlen++] = (char)ascii_lower((unsigned char)(hex_value(p[i + 2]) << 4 | hex_value(p[i + 3])));
				last_lit = 1;
				i += 4;
				continue;
			}
			if (is_alnum(d)) {
				if ((next = skip_escape(p, i)) == 0 || next > n)
					goto none;
				RUN_END();
				last_lit = 0;
				i = next;
				continue;
			}
			if (d >= 0x80 || d < 0x20) {
				RUN_END();
				last_lit = 0;
			} else {
				run[rlen++] = (char)ascii_lower(d);
				last_lit = 1;
			}
			i += 2;
		} else if (c == '(') {
			if ((next = rxparts_skip_group(p, i)) == 0 || next > n)
				goto none;
			size_t head = last_lit ? rlen : 0;	/* the run right before the group */
			RUN_END();
			last_lit = 0;
			size_t body = group_body(p + i, next - i);
			int optional = next < n && (p[next] == '?' || p[next] == '*' || p[next] == '{');
			size_t blen = next - i - body - 1;
			if (body && !optional && depth < DEPTH_MAX && all && alt_end(p + i + body, blen, 0) == blen) {
				/* a sequence every match passes through: its runs and groups too */
				struct cands in = { .n = 0 };
				int ok = branch_set(p + i + body, blen, &cand, depth + 1, &in) == 0;
				if (ok)
					set_keep_better(best, &cand);
				for (size_t k = 0; k < in.n; k++) {
					if (ok)	/* a walk that gave up proves none of them */
						cand_add(all, &in.s[k]);
					set_clear(&in.s[k]);
				}
			} else if (body && !optional && depth < DEPTH_MAX &&
				   alt_set(p + i + body, blen, &cand, depth + 1) == 0) {
				cand_add(all, &cand);
				set_keep_better(best, &cand);
			}
			/* "IB(?:007|504|60[67])": ib007, ib504 or ib60 */
			if (body && !optional && head &&
			    head_set(run, head, p + i + body, next - i - body - 1, &cand) == 0) {
				cand_add(all, &cand);
				set_keep_better(best, &cand);
			}
			i = next;
		} else if (c == '[') {
			if ((next = rxparts_skip_class(p, i)) == 0 || next > n)
				goto none;
			RUN_END();
			last_lit = 0;
			i = next;
		} else if (c == '|' || c == ')') {
			goto none;
		} else if (c == '?' || c == '*' || (c == '{' && brace_quant(p, i, &next))) {
			if (last_lit)	/* the character before is optional */
				rlen--;
			RUN_END();
			last_lit = 0;
			i = c == '{' ? next : i + 1;
		} else if (c == '+' || c == '.' || c == '^' || c == '$' || c == '{' || c < 0x20) {
			RUN_END();	/* '+': the character stays required, the run ends */
			last_lit = 0;
			i++;
		} else {
			run[rlen++] = (char)ascii_lower(c);
			last_lit = 1;
			i++;
		}
	}
	RUN_END();
#undef RUN_END
	free(run);
	return best->n ? 0 : -1;
none:
	free(run);
	set_clear(&cand);
	set_clear(best);
	return -1;
}

/* The literal set of p[0..n), alternatives split at its top-level '|':
 * one literal (or set) per alternative. 0, or -1 when not proven. */
/* The end of the alternative of p[0..n) that starts at i: the index of the
 * next top-level '|', or n; SIZE_MAX when a group, class or escape in it
 * does not close. */
static size_t alt_end(const char *p, size_t n, size_t i)
{
	while (i < n && p[i] != '|') {
		size_t next = i + 1;
		if (p[i] == '\\')
			next = i + 1 < n ? i + 2 : 0;
		else if (p[i] == '(')
			next = rxparts_skip_group(p, i);
		else if (p[i] == '[')
			next = rxparts_skip_class(p, i);
		if (next == 0 || next > n)
			return SIZE_MAX;
		i = next;
	}
	return i;
}

static int alt_set(const char *p, size_t n, struct litfilter_pick *out, int depth)
{
	out->n = 0;
	for (size_t start = 0, end; start <= n; start = end + 1) {
		struct litfilter_pick b = { 0 };
		if ((end = alt_end(p, n, start)) == SIZE_MAX || branch_set(p + start, end - start, &b, depth, NULL) < 0 ||
		    out->n + b.n > LITFILTER_ALT_MAX) {
			set_clear(&b);
			set_clear(out);
			return -1;
		}
		for (size_t k = 0; k < b.n; k++)
			out->lit[out->n++] = b.lit[k];
	}
	return out->n ? 0 : -1;
}

/* The literal characters p[0..n) starts with (lower-cased, into out, which
 * has room for n): up to the first construct that is not one plain
 * character, without a character that a ?, * or {..} makes optional. */
static size_t lead_run(const char *p, size_t n, char *out)
{
	size_t i = 0, len = 0, q;
	while (i < n) {
		unsigned char c = (unsigned char)p[i], ch;
		size_t adv = 1;
		if (c == '\\') {
			unsigned char d = i + 1 < n ? (unsigned char)p[i + 1] : 0;
			if (d == 0 || is_alnum(d) || d >= 0x80 || d < 0x20)
				break;
			ch = ascii_lower(d);
			adv = 2;
		} else if (strchr("()[|.^$+*?{", c) || c < 0x20 || c >= 0x80) {
			break;
		} else {
			ch = ascii_lower(c);
		}
		i += adv;
		if (i < n && (p[i] == '?' || p[i] == '*' || (p[i] == '{' && brace_quant(p, i, &q))))
			break;	/* optional */
		out[len++] = (char)ch;
		if (i < n && p[i] == '+')
			break;
	}
	return len;
}

/* The set {head + the characters each alternative of the group body
 * p[0..n) starts with}: any match of head followed by the group holds one.
 * 0, or -1 when an alternative does not close or there are too many. */
static int head_set(const char *head, size_t hlen, const char *p, size_t n, struct litfilter_pick *out)
{
	out->n = 0;
	for (size_t start = 0, end; start <= n; start = end + 1) {
		if ((end = alt_end(p, n, start)) == SIZE_MAX || out->n == LITFILTER_ALT_MAX) {
			set_clear(out);
			return -1;
		}
		char *l = xmalloc(hlen + (end - start) + 1);
		memcpy(l, head, hlen);
		size_t len = hlen + lead_run(p + start, end - start, l + hlen);
		l[len] = '\0';
		out->lit[out->n++] = l;
	}
	return 0;
}

/* The best literal set of the positive look-aheads that every match of the
 * sequence p[0..n) passes through (litfilter.h): each look-ahead of the
 * sequence not made optional gives the literals its body consumes and,
 * recursively, those of its own look-aheads; a group every match passes
 * through as a sequence gives its look-aheads'. A '|' of the sequence
 * itself gives nothing: each look-ahead then stands in one alternative. */
static int ahead_set(const char *p, size_t n, struct litfilter_pick *best, int depth)
{
	struct litfilter_pick cand = { 0 };
	best->n = 0;
	for (size_t i = 0, next; i < n; i = next) {
		next = i + 1;
		if (p[i] == '\\')
			next = i + 1 >= n ? 0 : is_alnum((unsigned char)p[i + 1]) ? skip_escape(p, i) : i + 2;
		else if (p[i] == '[')
			next = rxparts_skip_class(p, i);
		else if (p[i] == '(')
			next = rxparts_skip_group(p, i);
		if (next == 0 || next > n || p[i] == '|') {
			set_clear(best);
			return -1;
		}
		if (p[i] != '(' || depth >= DEPTH_MAX ||
		    (next < n && (p[next] == '?' || p[next] == '*' || p[next] == '{')))
			continue;	/* not a group, or one a match may skip */
		size_t body = group_body(p + i, next - i);
		if (p[i + 1] == '?' && p[i + 2] == '=') {	/* (?=...): its body is read from here on */
			body = 3;
			if (alt_set(p + i + body, next - i - body - 1, &cand, depth + 1) == 0)
				set_keep_better(best, &cand);
		}
		if (body && ahead_set(p + i + body, next - i - body - 1, &cand, depth + 1) == 0)
			set_keep_better(best, &cand);
	}
	return best->n ? 0 : -1;
}

/* Hands the set over to out (up to max), or frees it and returns 0 when it
 * has more or a literal shorter than LITFILTER_MIN. */
static size_t set_out(struct litfilter_pick *ls, char **out, size_t max)
{
	if (ls->n > max || set_score(ls) < LITFILTER_MIN) {
		set_clear(ls);
		return 0;
	}
	for (size_t i = 0; i < ls->n; i++)
		out[i] = ls->lit[i];
	return ls->n;
}

size_t litfilter_required(const char *pat, char **out, size_t max)
{
	struct litfilter_pick ls = { 0 };
	if (!rxparts_followable(pat) || alt_set(pat, strlen(pat), &ls, 0) < 0)
		return 0;
	return set_out(&ls, out, max);
}

size_t litfilter_required_each(const char *pat, struct litfilter_pick *out, size_t max)
{
	struct cands all = { .n = 0 };
	struct litfilter_pick best = { 0 };
	size_t len = strlen(pat), m = 0;
	if (!rxparts_followable(pat) || alt_end(pat, len, 0) != len) {	/* '|' at the top: the one best set */
		if (max && (out[0].n = litfilter_required(pat, out[0].lit, LITFILTER_ALT_MAX)) > 0)
			return out[0].ahead = 0, 1;
		return 0;
	}
	if (branch_set(pat, len, &best, 0, &all) < 0) {	/* a construct not followed: none */
		for (size_t c = 0; c < all.n; c++)
			set_clear(&all.s[c]);
		return 0;
	}
	set_clear(&best);
	for (size_t c = 0; c < all.n; c++) {
		if (m == max || all.s[c].n > LITFILTER_ALT_MAX) {
			set_clear(&all.s[c]);
			continue;
		}
		out[m].n = set_out(&all.s[c], out[m].lit, LITFILTER_ALT_MAX);
		out[m].ahead = 0;
		m += out[m].n > 0;
	}
	return m;
}

size_t litfilter_required_ahead(const char *pat, char **out, size_t max)
{
	struct litfilter_pick ls = { 0 };
	if (strstr(pat, "(?=") == NULL || !rxparts_followable(pat) || ahead_set(pat, strlen(pat), &ls, 0) < 0)
		return 0;	/* most patterns have none: not walked twice */
	return set_out(&ls, out, max);
}

/* ---- the index ---- */

struct lit_entry {		/* 32 bytes: what the scan reads first */
	uint64_t head, mask;	/* its first eight bytes (all of it when shorter:
				 * mask keeps those) as an eight-byte load sees them */
	uint32_t off;		/* the window it is filed under starts at lit + off */
	uint32_t len, rule;
	uint32_t at;		/* its bytes: pool + at (no NUL) */
};

struct litfilter {
	size_t n;		/* rules */
	size_t nword;		/* 64-bit words of a rule set */
	uint64_t *always;	/* rules without a literal */
	uint64_t *mark;		/* after a scan: always, plus the rules whose literal was seen */
	size_t *last;		/* after a scan, of a rule marked by it: the last
				 * window a literal of it was seen at (SIZE_MAX:
				 * a rule without literals) */
	char *low;		/* pad NULs, the reply lower-cased, eight NULs */
	size_t lowcap;
	size_t pad;		/* the largest entry off: a head loaded that far
				 * before the reply's start reads NULs */
	unsigned char occ[NBUCKET];	/* 1: the bucket holds at least one literal */
	uint32_t *start;	/* entries of bucket b: ent[start[b] .. start[b + 1]) */
	struct lit_entry *ent;
	uint64_t *tail;		/* of ent[k] longer than eight: its last eight bytes */
	char *pool;		/* every literal's bytes, in entry order (ent[].at) */
};

/* The bucket of a three-byte window whose bytes are, from the lowest,
 * the low three bytes of v (the rest is ignored). */
static unsigned window_hash(uint32_t v)
{
	return ((v & 0xffffff) * 2654435761u) >> (32 - NBUCKET_BITS);
}

/* The bucket of the three bytes at p (lower-cased). */
static unsigned bucket(const unsigned char *p)
{
	uint32_t v;
	memcpy(&v, p, 4);	/* a fourth byte is always there to read */
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	v = __builtin_bswap32(v);
#endif
	return window_hash(v);
}

struct litfilter *litfilter_new(const char *const *lits, const size_t *rule_of, size_t nlits, size_t n)
{
	return litfilter_new_sampled(lits, rule_of, nlits, n, NULL, 0);
}

/* seen[b]: how many three-byte windows of the sample texts (lower-cased)
 * fall in bucket b. */
static void count_windows(uint32_t *seen, const char *const *sample, size_t nsample)
{
	for (size_t i = 0; i < nsample; i++) {
		const unsigned char *t = (const unsigned char *)sample[i];
		for (size_t k = 0; t[k] && t[k + 1] && t[k + 2]; k++) {
			unsigned char w[4] = { ascii_lower(t[k]), ascii_lower(t[k + 1]), ascii_lower(t[k + 2]), 0 };
			seen[bucket(w)]++;
		}
	}
}

/* Whether bucket a is a better home for a literal than bucket b: seen less
 * in the sample (a window common in replies makes the scan compare the
 * literal often), then shared by fewer literals. */
static int better_bucket(unsigned a, unsigned b, const uint32_t *seen, const uint32_t *use)
{
	return seen[a] != seen[b] ? seen[a] < seen[b] : use[a] < use[b];
}

struct litfilter *litfilter_new_sampled(const char *const *lits, const size_t *rule_of, size_t nlits, size_t n,
					const char *const *sample, size_t nsample)
{
	struct litfilter *lf = xcalloc(1, sizeof *lf);
	size_t nent = 0;
	uint32_t *fill = xcalloc(NBUCKET, sizeof *fill), *use = xcalloc(NBUCKET, sizeof *use);
	uint32_t *seen = xcalloc(NBUCKET, sizeof *seen);
	size_t *off = xcalloc(nlits ? nlits : 1, sizeof *off);
	lf->n = n;
	lf->nword = (n + 63) / 64;
	lf->always = xcalloc(lf->nword ? lf->nword : 1, sizeof *lf->always);
	lf->mark = xcalloc(lf->nword ? lf->nword : 1, sizeof *lf->mark);
	lf->last = xcalloc(n ? n : 1, sizeof *lf->last);
	lf->start = xcalloc(NBUCKET + 1, sizeof *lf->start);
	for (size_t i = 0; i < n; i++) {
		lf->always[i / 64] |= (uint64_t)1 << (i % 64);
		lf->last[i] = SIZE_MAX;	/* kept by the rules that have no literal */
	}
	for (size_t i = 0; i < nlits; i++)	/* how many literals hold each window */
		if (rule_of[i] < n && strlen(lits[i]) >= LITFILTER_MIN) {
			const unsigned char *l = (const unsigned char *)lits[i];
			lf->always[rule_of[i] / 64] &= ~((uint64_t)1 << (rule_of[i] % 64));
			for (size_t k = 0; l[k + 2]; k++)
				use[bucket(l + k)]++;
			nent++;
		}
	count_windows(seen, sample, nsample);
	for (size_t i = 0; i < nlits; i++)	/* each is filed under its rarest window */
		if (rule_of[i] < n && strlen(lits[i]) >= LITFILTER_MIN) {
			const unsigned char *l = (const unsigned char *)lits[i];
			for (size_t k = 1; l[k + 2]; k++)
				if (better_bucket(bucket(l + k), bucket(l + off[i]), seen, use))
					off[i] = k;
			unsigned b = bucket(l + off[i]);
			lf->start[b + 1]++;
			lf->occ[b] = 1;
		}
	for (size_t b = 0; b < NBUCKET; b++)
		lf->start[b + 1] += lf->start[b];
	lf->ent = xcalloc(nent ? nent : 1, sizeof *lf->ent);
	for (size_t i = 0; i < nlits; i++)
		if (rule_of[i] < n && strlen(lits[i]) >= LITFILTER_MIN) {
			unsigned b = bucket((const unsigned char *)lits[i] + off[i]);
			struct lit_entry e = { .len = (uint32_t)strlen(lits[i]), .rule = (uint32_t)rule_of[i],
					       .off = (uint32_t)off[i], .at = (uint32_t)i };	/* at: lits[i] for now */
			uint64_t ones = ~(uint64_t)0;
			size_t h = e.len < 8 ? e.len : 8;
			if (off[i] > lf->pad)
				lf->pad = off[i];
			memcpy(&e.head, lits[i], h);
			memcpy(&e.mask, &ones, h);
			lf->ent[lf->start[b] + fill[b]++] = e;
		}
	size_t pool = 0;	/* the literals' bytes in entry order, for locality */
	for (size_t k = 0; k < nent; k++)
		pool += lf->ent[k].len;
	lf->pool = xmalloc(pool ? pool : 1);
	lf->tail = xcalloc(nent ? nent : 1, sizeof *lf->tail);
	pool = 0;
	for (size_t k = 0; k < nent; k++) {
		struct lit_entry *e = &lf->ent[k];
		const char *lit = lits[e->at];
		memcpy(lf->pool + pool, lit, e->len);
		if (e->len > 8)
			memcpy(&lf->tail[k], lit + e->len - 8, 8);
		e->at = (uint32_t)pool;
		pool += e->len;
	}
	memcpy(lf->mark, lf->always, lf->nword * sizeof *lf->mark);
	free(fill);
	free(use);
	free(seen);
	free(off);
	return lf;
}

void litfilter_free(struct litfilter *lf)
{
	if (lf == NULL)
		return;
	free(lf->always);
	free(lf->mark);
	free(lf->last);
	free(lf->start);
	free(lf->ent);
	free(lf->tail);
	free(lf->pool);
	free(lf->low);
	free(lf);
}

/* Whether the literal of entry k, filed under the window at win (left:
 * the bytes from there to the reply's end), starts at win - off: its first
 * eight bytes are compared inline (before the reply and after it the load
 * reads NULs, which no literal holds, so no bounds are tested until the
 * head is there), then its last eight and those between, eight at a time. */
static inline int entry_at(const struct litfilter *lf, uint32_t k, const unsigned char *win, size_t left)
{
	const struct lit_entry *e = &lf->ent[k];
	const unsigned char *at = win - e->off;
	uint64_t a, b;
	memcpy(&a, at, 8);
	if ((a & e->mask) != e->head)
		return 0;
	if (e->len <= 8)
		return 1;
	if (e->len > left + e->off)
		return 0;	/* it would run past the reply */
	memcpy(&a, at + e->len - 8, 8);
	if (a != lf->tail[k])
		return 0;
	for (size_t i = 8; i + 8 < e->len; i += 8) {
		memcpy(&a, at + i, 8);
		memcpy(&b, lf->pool + e->at + i, 8);
		if (a != b)
			return 0;
	}
	return 1;
}

/* Compares the entries of bucket b with the reply lo (len bytes) at
 * window p, marking the rules not marked yet whose literal is there. */
static inline void probe(struct litfilter *lf, const unsigned char *lo, size_t p, size_t len, unsigned b)
{
	const uint32_t *range = &lf->start[b];	/* entries range[0] .. range[1] */
	for (uint32_t k = range[0]; k < range[1]; k++) {
		if (!entry_at(lf, k, lo + p, len - p))
			continue;
		uint32_t rule = lf->ent[k].rule;
		uint64_t *word = &lf->mark[rule / 64], bit = (uint64_t)1 << (rule % 64);
		if (!(*word & bit)) {
			*word |= bit;
			lf->last[rule] = p;
		}
	}
}

/* The scan visits the reply's three-byte windows from the last to the
 * first, so that a rule is marked at the last window where a literal of it
 * is seen (kept for litfilter_start_max). Most windows have no bucket in
 * use (occ). */
void litfilter_scan(struct litfilter *lf, const char *s, size_t len)
{
	memcpy(lf->mark, lf->always, lf->nword * sizeof *lf->mark);
	if (len < LITFILTER_MIN)
		return;
	if (lf->pad + len + 8 > lf->lowcap) {
		lf->lowcap = lf->pad + len + 8;
		lf->low = xrealloc(lf->low, lf->lowcap);
		memset(lf->low, 0, lf->pad);
	}
	unsigned char *lo = (unsigned char *)lf->low + lf->pad;
	ascii_lower_copy(lo, (const unsigned char *)s, len);
	memset(lo + len, 0, 8);	/* the loads of the last windows and heads read these */
	for (size_t p = len - (LITFILTER_MIN - 1); p-- > 0;) {
		unsigned b = bucket(lo + p);
		if (lf->occ[b])
			probe(lf, lo, p, len, b);
	}
}

int litfilter_may(const struct litfilter *lf, size_t i)
{
	return i < lf->n && (lf->mark[i / 64] >> (i % 64) & 1);
}

size_t litfilter_start_max(const struct litfilter *lf, size_t i)
{
	return i < lf->n && litfilter_may(lf, i) ? lf->last[i] : SIZE_MAX;
}

size_t litfilter_next(const struct litfilter *lf, size_t i)
{
	if (i >= lf->n)
		return lf->n;
	size_t w = i / 64;
	uint64_t bits = lf->mark[w] & (~(uint64_t)0 << (i % 64));
	while (bits == 0) {
		if (++w >= lf->nword)
			return lf->n;
		bits = lf->mark[w];
	}
	return w * 64 + (size_t)__builtin_ctzll(bits);
}

/* ---- the choice among a rule's literal sets ---- */

#define PICK_MAX (CAND_MAX + 1)	/* consumed sets, then the look-ahead one */

/* One choice of litfilter_required_rarest for pattern pat: it takes one of
 * its candidate sets c[0..n). A pattern with a top-level '|' makes one per
 * alternative (the picks are joined), any other one. */
struct choice {
	size_t pat;
	struct litfilter_pick c[PICK_MAX];
	size_t n;
	size_t set;	/* c[0]'s set in the index (c[k]'s: set + k), SIZE_MAX: none */
};

/* The candidates of each alternative of pat, which has a top-level '|',
 * into ch[0..) one choice each: the sets branch_set weighs (its runs, the
 * groups every match of it passes through), every match of the
 * alternative consuming a literal of each. Returns how many, 0 when an
 * alternative has none or there are more than max. */
static size_t alt_choices(const char *pat, struct choice *ch, size_t max)
{
	size_t len = strlen(pat), k = 0, end;
	for (size_t start = 0; start <= len; start = end + 1) {
		struct cands all = { .n = 0 };
		struct litfilter_pick best = { 0 };
		if (k == max || (end = alt_end(pat, len, start)) == SIZE_MAX)
			goto none;
		int ok = branch_set(pat + start, end - start, &best, 0, &all) == 0;
		set_clear(&best);
		memcpy(ch[k].c, all.s, all.n * sizeof *all.s);
		ch[k++].n = all.n;
		if (!ok || all.n == 0)
			goto none;
	}
	return k;
none:
	while (k > 0)
		for (k--; ch[k].n > 0; ch[k].n--)
			set_clear(&ch[k].c[ch[k].n - 1]);
	return 0;
}

/* The choices of pattern pat (its index i) into ch[0..), at most
 * LITFILTER_ALT_MAX; returns how many (0: none, the pattern has no set). */
static size_t pattern_choices(const char *pat, size_t i, struct choice *ch)
{
	size_t k = 0;
	if (rxparts_followable(pat) && alt_end(pat, strlen(pat), 0) != strlen(pat))
		k = alt_choices(pat, ch, LITFILTER_ALT_MAX);
	if (k == 0) {
		struct choice *c = &ch[0];
		c->n = litfilter_required_each(pat, c->c, CAND_MAX);
		if ((c->c[c->n].n = litfilter_required_ahead(pat, c->c[c->n].lit, LITFILTER_ALT_MAX)) > 0)
			c->c[c->n++].ahead = 1;
		k = c->n > 0;
	}
	for (size_t j = 0; j < k; j++)
		ch[j].pat = i;
	return k;
}

/* Adds p's literals to out (p is emptied): a literal that holds one of
 * out's is left out, one of out's that holds it goes (a text with the
 * longer holds the shorter). Returns -1 when out has no room left. */
static int join_pick(struct litfilter_pick *out, struct litfilter_pick *p)
{
	int rc = 0;
	for (size_t k = 0; k < p->n; k++) {
		char *l = p->lit[k];
		size_t j = 0, m = 0;
		for (; j < out->n && strstr(l, out->lit[j]) == NULL; j++)
			;
		if (j < out->n || rc < 0) {
			free(l);
			continue;
		}
		for (j = 0; j < out->n; j++)
			if (strstr(out->lit[j], l))
				free(out->lit[j]);
			else
				out->lit[m++] = out->lit[j];
		out->n = m;
		if (out->n == LITFILTER_ALT_MAX) {
			free(l);
			rc = -1;
		} else {
			out->lit[out->n++] = l;
		}
	}
	p->n = 0;
	return rc;
}

/* Whether each literal of p holds one of o's: p adds no text to o's. */
static int covered(const struct litfilter_pick *o, const struct litfilter_pick *p)
{
	for (size_t k = 0; k < p->n; k++) {
		size_t j = 0;
		while (j < o->n && strstr(p->lit[k], o->lit[j]) == NULL)
			j++;
		if (j == o->n)
			return 0;
	}
	return o->n > 0;
}

void litfilter_required_rarest(const char *const *pats, size_t npat, const char *const *sample, size_t nsample,
			       struct litfilter_pick *out)
{
	size_t cap = LITFILTER_ALT_MAX, nch = 0, nl = 0, nset = 0;
	struct choice *ch = xcalloc(cap, sizeof *ch);
	for (size_t i = 0; i < npat; i++) {
		out[i] = (struct litfilter_pick){ .n = 0 };
		if (pats[i] == NULL)
			continue;
		if (nch + LITFILTER_ALT_MAX > cap) {
			ch = xrealloc(ch, 2 * cap * sizeof *ch);
			cap *= 2;
		}
		nch += pattern_choices(pats[i], i, ch + nch);
	}
	for (size_t j = 0; j < nch; j++) {	/* only a choice of several sets is weighed */
		ch[j].set = ch[j].n > 1 ? nset : SIZE_MAX;
		nset += ch[j].n > 1 ? ch[j].n : 0;
		for (size_t k = 0; k < ch[j].n && ch[j].n > 1; k++)
			nl += ch[j].c[k].n;
	}
	const char **lits = xcalloc(nl ? nl : 1, sizeof *lits);
	size_t *set_of = xcalloc(nl ? nl : 1, sizeof *set_of), *hits = xcalloc(nset + 1, sizeof *hits);
	nl = 0;
	for (size_t j = 0; j < nch; j++)
		for (size_t k = 0; k < ch[j].n && ch[j].set != SIZE_MAX; k++)
			for (size_t l = 0; l < ch[j].c[k].n; l++)
				lits[nl] = ch[j].c[k].lit[l], set_of[nl++] = ch[j].set + k;
	struct litfilter *lf = litfilter_new(lits, set_of, nl, nset);
	for (size_t t = 0; t < nsample && nset; t++) {	/* the index itself counts the texts */
		litfilter_scan(lf, sample[t], strlen(sample[t]));
		for (size_t s = litfilter_next(lf, 0); s < nset; s = litfilter_next(lf, s + 1))
			hits[s]++;
	}
	for (size_t j = 0; j < nch; j++) {
		struct choice *c = &ch[j];
		struct litfilter_pick *o = &out[c->pat];
		size_t best = 0;	/* fewest texts, then the longest, then consumed and first */
		for (size_t k = 1; k < c->n; k++) {
			size_t hk = hits[c->set + k], hb = hits[c->set + best];
			if (hk < hb || (hk == hb && set_score(&c->c[k]) > set_score(&c->c[best]) && !c->c[k].ahead))
				best = k;
		}
		for (size_t k = 0; k < c->n; k++)	/* free: an earlier alternative's pick covers it */
			if (covered(o, &c->c[k]))
				best = k;
		o->ahead = c->c[best].ahead;
		if (join_pick(o, &c->c[best]) < 0) {
			set_clear(o);	/* too many: each alternative's longest run */
			o->n = litfilter_required(pats[c->pat], o->lit, LITFILTER_ALT_MAX);
			o->ahead = 0;
			while (j + 1 < nch && ch[j + 1].pat == c->pat)
				for (j++; ch[j].n > 0; ch[j].n--)
					set_clear(&ch[j].c[ch[j].n - 1]);
		}
		for (size_t k = 0; k < c->n; k++)
			set_clear(&c->c[k]);
	}
	litfilter_free(lf);
	free(hits);
	free(set_of);
	free(lits);
	free(ch);
}
