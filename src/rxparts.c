/* rxparts - the parts of a rule's pattern (see rxparts.h). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rxparts.h"
#include "xmalloc.h"

size_t rxparts_skip_group(const char *pat, size_t i)
{
	int depth = 0;
	while (pat[i]) {
		char c = pat[i];
		if (c == '\\') {
			if (!pat[i + 1])
				return 0;
			i += 2;
		} else if (c == '[') {
			if ((i = rxparts_skip_class(pat, i)) == 0)
				return 0;
		} else {
			if (c == '(')
				depth++;
			else if (c == ')' && --depth == 0)
				return i + 1;
			i++;
		}
	}
	return 0;
}

size_t rxparts_skip_class(const char *pat, size_t i)
{
	i++;
	if (pat[i] == '^')
		i++;
	if (pat[i] == ']')
		i++;
	while (pat[i] && pat[i] != ']') {
		if (pat[i] == '\\') {
			if (!pat[i + 1])
				return 0;
			i += 2;
		} else if (pat[i] == '[' && (pat[i + 1] == ':' || pat[i + 1] == '.' || pat[i + 1] == '=')) {
			return 0;	/* a POSIX class ([:alpha:]): where PCRE2 ends one is
					 * not worth following here (the rules use none) */
		} else {
			i++;
		}
	}
	return pat[i] == ']' ? i + 1 : 0;
}

int rxparts_followable(const char *pat)
{
	/* \c takes the next byte whatever it is ("\c)" is 'i'), a comment or
	 * a callout's string any bytes up to its end, and a quantifier after a
	 * comment or a lone \E applies to the item before it: readers stepping
	 * over "\x", groups and classes would read them apart from PCRE2 */
	if (strstr(pat, "\\Q") || strstr(pat, "\\E") || strstr(pat, "(*") || strstr(pat, "\\c") ||
	    strstr(pat, "(?#") || strstr(pat, "(?C"))
		return 0;
	for (const char *p = strstr(pat, "(?"); p; p = strstr(p + 2, "(?")) {
		for (const char *q = p + 2; *q && *q != ')' && *q != ':'; q++) {
			if (*q == 'x')
				return 0;
			if (!(*q == '-' || *q == '^' || (*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z')))
				break;
		}
	}
	return 1;
}

/* Length of an inline option setting "(?is-is)" at p, or 0; *dot_all
 * becomes whether s is on after it. Other letters change what this reader
 * or the anchor means (x, m, U, n ...): not followed. */
static size_t option_setting(const char *p, int *dot_all)
{
	size_t i = 2;
	int on = 1, s = *dot_all;
	if (p[0] != '(' || p[1] != '?')
		return 0;
	for (; p[i] == 'i' || p[i] == 's' || p[i] == '-'; i++) {
		if (p[i] == '-')
			on = 0;
		else if (p[i] == 's')
			s = on;
	}
	if (p[i] != ')' || i == 2)
		return 0;
	*dot_all = s;
	return i + 1;
}

/* The kind of look-around assertion opening at p: '!' a negative
 * look-ahead, 'a' any other look-around, 0 none. */
static int assertion_at(const char *p)
{
	if (p[0] != '(' || p[1] != '?')
		return 0;
	if (p[2] == '!')
		return '!';
	if (p[2] == '=' || (p[2] == '<' && (p[3] == '=' || p[3] == '!')))
		return 'a';
	return 0;
}

/* Whether p[0..n) holds a '|' outside every group and class (or cannot be
 * read: a group or class that does not close within it). */
static int top_level_bar(const char *p, size_t n)
{
	for (size_t i = 0; i < n;) {
		if (p[i] == '|')
			return 1;
		if (p[i] == '\\')
			i += 2;
		else if (p[i] == '(' || p[i] == '[') {
			size_t e = p[i] == '(' ? rxparts_skip_group(p, i) : rxparts_skip_class(p, i);
			if (e == 0 || e > n)
				return 1;
			i = e;
		} else
			i++;
	}
	return 0;
}

/* Whether the group p[0..n) holds a capturing group: "(" not followed by
 * "?", or a named group "(?<name>", "(?'name'", "(?P<name>". */
static int has_capture(const char *p, size_t n)
{
	for (size_t i = 0; i < n;) {
		if (p[i] == '\\') {
			i += 2;
		} else if (p[i] == '[') {
			size_t e = rxparts_skip_class(p, i);
			if (e == 0)
				return 1;
			i = e;
		} else if (p[i] == '(') {
			const char *q = p + i + 1;
			if (q[0] != '?' || q[1] == '\'' || q[1] == 'P' ||
			    (q[1] == '<' && q[2] != '=' && q[2] != '!'))
				return 1;
			i++;
		} else {
			i++;
		}
	}
	return 0;
}

static char *concat(const char *a, size_t an, const char *b, size_t bn, const char *c, size_t cn)
{
	char *s = xmalloc(an + bn + cn + 1);
	memcpy(s, a, an);
	memcpy(s + an, b, bn);
	memcpy(s + an + bn, c, cn);
	s[an + bn + cn] = '\0';
	return s;
}

/* Whether pat calls the whole pattern or a named group ((?R), (?0),
 * (?&name), (?P>name), \g<..>, \g'..'): in a part, the call would mean
 * the part. Escaped characters are not groups: "\(?RLY" calls nothing. A
 * class this reader cannot follow counts as a call. */
static int recurses(const char *pat)
{
	for (size_t i = 0; pat[i];) {
		const char *p = pat + i;
		if (p[0] == '\\') {
			if (p[1] == 'g' && (p[2] == '<' || p[2] == '\''))
				return 1;
			i += p[1] ? 2 : 1;
		} else if (p[0] == '[') {
			if ((i = rxparts_skip_class(pat, i)) == 0)
				return 1;
		} else if (p[0] == '(' && p[1] == '?' && p[2] &&
			   (strchr("R0&", p[2]) || (p[2] == 'P' && p[3] == '>'))) {
			return 1;
		} else {
			i++;
		}
	}
	return 0;
}

/* When the assertion a[0..n) reads "(?!.*?X)" or "(?!.*X)" (X somewhere
 * ahead on the line), the length of ".*?" or ".*" and *xl X's, else 0. */
static size_t somewhere_not(const char *a, size_t n, size_t *xl)
{
	size_t d = strncmp(a, "(?!.*?", 6) == 0 ? 6 : strncmp(a, "(?!.*", 5) == 0 ? 5 : 0;
	if (d == 0 || n <= d + 1 || strchr("?*+{", a[d]) || top_level_bar(a + d, n - d - 1))
		return 0;
	*xl = n - d - 1;
	return d - 3;
}

void rxparts_release(struct rxparts *p)
{
	free(p->body);
	free(p->guard);
	free(p->forbid);
	for (size_t k = 0; k < p->nwords; k++)
		free(p->words[k]);
	*p = (struct rxparts){ 0 };
}

/* The end of the span of x[0..n) from i that holds no group or class
 * (escapes stepped over): the index of the first '(' or '[', or n. */
static size_t plain_span(const char *x, size_t n, size_t i)
{
	while (i < n && x[i] != '(' && x[i] != '[')
		i += x[i] == '\\' && i + 1 < n ? 2 : 1;
	return i;
}

/* Whether g[0..n) holds an inline option setting "(?i)", "(?-s)", which
 * in a group holds for the alternatives after it too. */
static int sets_options(const char *g, size_t n)
{
	for (size_t i = 0; i + 2 < n; i++) {
		size_t k = i + 2;
		if (g[i] != '(' || g[i + 1] != '?' || (i > 0 && g[i - 1] == '\\'))
			continue;
		while (k < n && ((g[k] >= 'a' && g[k] <= 'z') || (g[k] >= 'A' && g[k] <= 'Z') || g[k] == '-' || g[k] == '^'))
			k++;
		if (k < n && g[k] == ')')
			return 1;
	}
	return 0;
}

static void add_word(struct rxparts *p, const char *pre, size_t pl, const char *a, size_t al, const char *post,
		     size_t sl)
{
	if (p->nwords == RXPARTS_WORDS_MAX) {	/* too many: forbid whole */
		for (size_t k = 0; k < p->nwords; k++)
			free(p->words[k]);
		p->nwords = SIZE_MAX;
		return;
	}
	if (p->nwords == SIZE_MAX)
		return;
	char *w = xmalloc(pl + al + sl + 6);
	snprintf(w, pl + al + sl + 6, "%.*s(?:%.*s)%.*s", (int)pl, pre, (int)al, a, (int)sl, post);
	p->words[p->nwords++] = w;
}

/* Adds the words (struct rxparts) of the forbidden X, x[0..n), to p;
 * opts[0..ol) the pattern's options. */
static void add_words(struct rxparts *p, const char *opts, size_t ol, const char *x, size_t n)
{
	size_t g = plain_span(x, n, 0), e = 0, pl = ol + g;
	char *pre = concat(opts, ol, x, g, "", 0);
	if (g + 2 < n && x[g + 1] == '?' && x[g + 2] == ':' && (e = rxparts_skip_group(x, g)) > 0 && e <= n &&
	    (e == n || !strchr("?*+{", x[e])) && plain_span(x, n, e) == n && !sets_options(x + g, e - g)) {
		for (size_t a = g + 3, b; a < e; a = b + 1) {	/* each alternative of the group */
			for (b = a; b < e - 1 && x[b] != '|';) {
				size_t c = b + 1;
				if (x[b] == '\\')
					c = b + 2;
				else if (x[b] == '(')
					c = rxparts_skip_group(x, b);
				else if (x[b] == '[')
					c = rxparts_skip_class(x, b);
				b = c;
			}
			add_word(p, pre, pl, x + a, b - a, x + e, n - e);
		}
	} else {
		add_word(p, opts, ol, x, n, "", 0);
	}
	free(pre);
}

int rxparts_split(const char *pat, struct rxparts *out)
{
	size_t opts = 0, i, n, gl = 0, kl = 0, fl = 0, len = strlen(pat), d, xl;
	int lazy_any;
	char *g, *k, *f;
	*out = (struct rxparts){ 0 };
	if (!rxparts_followable(pat) || strstr(pat, "\\K") || recurses(pat))
		return 0;
	while ((n = option_setting(pat + opts, &out->dot_all)) > 0)
		opts += n;
	if (pat[opts] != '^' || top_level_bar(pat + opts + 1, len - opts - 1))
		return 0;
	/* the run of assertions: "somewhere not X" to f as (?:X)|(?:Y)..., the
	 * others without a capture to g, the rest to k */
	g = xmalloc(len + 1);
	k = xmalloc(len + 1);
	f = xmalloc(2 * len + 1);
	for (i = opts + 1; assertion_at(pat + i); i = n) {
		n = rxparts_skip_group(pat, i);	/* closes: top_level_bar said so */
		if (pat[n] && strchr("?*+{", pat[n]))
			break;	/* a quantified assertion, "(?=x)?": part of REST */
		if (has_capture(pat + i, n - i)) {
			memcpy(k + kl, pat + i, n - i);
			kl += n - i;
		} else if ((d = somewhere_not(pat + i, n - i, &xl)) > 0) {
			fl += (size_t)snprintf(f + fl, 2 * len + 1 - fl, "%s(?:%.*s)", fl ? "|" : "", (int)xl, pat + i + 3 + d);
			add_words(out, pat, opts, pat + i + 3 + d, xl);
		} else {
			memcpy(g + gl, pat + i, n - i);
			gl += n - i;
		}
	}
	lazy_any = kl == 0 && strncmp(pat + i, ".*?", 3) == 0 && !strchr("?*+{", pat[i + 3]);
	if (gl > 0)
		out->guard = concat(pat, opts + 1, g, gl, "", 0);
	if (fl > 0)
		out->forbid = concat(pat, opts, f, fl, "", 0);
	if (lazy_any) {
		out->body = concat(pat, opts, pat + i + 3, len - i - 3, "", 0);
		out->body_any = 1;
	} else if (gl > 0 || fl > 0) {
		out->body = concat(pat, opts + 1, k, kl, pat + i, len - i);
	}
	free(g);
	free(k);
	free(f);
	if (out->nwords == SIZE_MAX || out->body == NULL)
		out->nwords = 0;
	if (out->body == NULL)
		rxparts_release(out);
	return out->body != NULL;
}
