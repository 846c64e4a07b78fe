/* rules_parse - rule files and providers.conf into plain specs (see
 * rules_parse.h; the format is described in rules.h).
 *
 * libinih does the INI parsing through ini_parse_stream() with our own
 * reader over the file in memory. The reader sees each physical line just
 * before libinih handles it, which gives us what libinih does not: the line
 * number of every key, the line of each [section] (sections without keys
 * included), lines longer than libinih's fixed buffer (the handler takes the
 * value from the whole line), and NUL bytes. Lines the reader rejects reach
 * libinih as blank lines, so each problem is reported once.
 * Only this file includes ini.h; it must not depend on PCRE2.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ini.h>
#include "rules_parse.h"
#include "strmap.h"
#include "xmalloc.h"

#define FILE_MAX (16u << 20)	/* a rule file larger than this is refused */
#define ERRLIST_MAX (1u << 20)
#define RULE_ID_MAX 64

static const char *const categories[] = {
	"blocklist", "reputation", "rate", "auth", "ptr", "content", "greylist",
	"user-unknown", "mailbox-full", "relay-denied", "size", "other", NULL
};

int rules_category_index(const char *name)
{
	for (int i = 0; categories[i]; i++)
		if (strcmp(categories[i], name) == 0)
			return i;
	return -1;
}

void errlist_add(struct errlist *e, const char *file, int line, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	int n;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	e->count++;
	if (e->len >= ERRLIST_MAX)
		return;
	if (e->cap - e->len < sizeof msg + 300) {
		e->cap = e->cap ? e->cap * 2 : 4096;
		e->buf = xrealloc(e->buf, e->cap);
	}
	if (line > 0)
		n = snprintf(e->buf + e->len, e->cap - e->len, "%s:%d: %s\n", file, line, msg);
	else
		n = snprintf(e->buf + e->len, e->cap - e->len, "%s: %s\n", file, msg);
	if (n > 0)
		e->len += (size_t)n < e->cap - e->len ? (size_t)n : e->cap - e->len - 1;
}

void errlist_release(struct errlist *e)
{
	free(e->buf);
	*e = (struct errlist){ 0 };
}

/* ---- reading a file through libinih ---- */

struct reader {
	const char *p, *end;
	const char *file;	/* path, for messages */
	int lineno;
	const char *line;	/* current physical line, without "\r\n" */
	size_t len;
	int is_long;		/* libinih got it cut: take the value from line */
	int had_key;		/* libinih would treat an indented line as a continuation */
	int in_section;		/* a section header, even a bad one, was seen */
	unsigned errors;	/* problems reported for this file */
	struct errlist *e;
	struct rules_spec *s;
	struct strmap *ids;	/* rule ids or provider ids seen */
	size_t file_idx;
	int providers;		/* 1: providers.conf, 2: blocklists.conf */
	void *cur;		/* current rule_spec / provider_spec, NULL before any */
};

static void rd_error(struct reader *rd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void rd_error(struct reader *rd, const char *fmt, ...)
{
	char msg[900];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	rd->errors++;
	errlist_add(rd->e, rd->file, rd->lineno, "%s", msg);
}

static int valid_name(const char *p, size_t n, int upper_ok)
{
	if (n == 0 || n > RULE_ID_MAX)
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		if (!(islower(c) || isdigit(c) || c == '-' || c == '_' ||
		      (upper_ok && (isupper(c) || c == '.'))))
			return 0;
	}
	return 1;
}

static void new_section(struct reader *rd, const char *name, size_t n);

/* Returns 0 when libinih may see the line, -1 when it was reported. */
static int check_line(struct reader *rd)
{
	const char *s = rd->line, *end = s + rd->len, *t = s, *close;
	if (memchr(s, '\0', rd->len)) {
		rd_error(rd, "NUL byte in line");
		return -1;
	}
	while (t < end && isspace((unsigned char)*t))
		t++;
	if (t == end || *t == ';' || *t == '#')
		return 0;
	if (t > s && rd->had_key) {
		rd_error(rd, "line starts with white space (continuation lines are not supported)");
		return -1;
	}
	if (*t == '[') {
		close = memchr(t, ']', (size_t)(end - t));
		if (close == NULL) {
			rd_error(rd, "missing ']' in section header");
			rd->in_section = 1;
			rd->cur = NULL;	/* its keys are skipped */
			return -1;
		}
		rd->had_key = 0;
		rd->in_section = 1;
		new_section(rd, t + 1, (size_t)(close - t - 1));
		return 0;
	}
	if (memchr(t, '=', (size_t)(end - t)) == NULL && memchr(t, ':', (size_t)(end - t)) == NULL) {
		rd_error(rd, "expected 'key = value', a [section] or a comment");
		return -1;
	}
	rd->had_key = 1;
	return 0;
}

static char *rd_next(char *str, int num, void *stream)
{
	struct reader *rd = stream;
	const char *nl;
	size_t len;
	if (rd->p >= rd->end)
		return NULL;
	nl = memchr(rd->p, '\n', (size_t)(rd->end - rd->p));
	len = nl ? (size_t)(nl - rd->p) : (size_t)(rd->end - rd->p);
	rd->line = rd->p;
	rd->p += len + (nl != NULL);
	rd->lineno++;
	if (len > 0 && rd->line[len - 1] == '\r')
		len--;
	rd->len = len;
	rd->is_long = 0;
	if (check_line(rd) < 0)
		len = 0;
	if (len + 2 > (size_t)num) {
		rd->is_long = 1;
		len = (size_t)num - 2;
	}
	memcpy(str, rd->line, len);
	str[len] = '\n';
	str[len + 1] = '\0';
	return str;
}

/* The value of the current line as libinih would give it, had its buffer
 * been long enough: after the first '=' or ':', trimmed, up to an inline
 * comment (';' after white space). */
static char *whole_value(const struct reader *rd)
{
	const char *s = rd->line, *end = s + rd->len, *v = s, *q;
	while (v < end && *v != '=' && *v != ':')
		v++;
	if (v < end)
		v++;
	while (v < end && isspace((unsigned char)*v))
		v++;
	for (q = v; q < end; q++)
		if (*q == ';' && q > v && isspace((unsigned char)q[-1]))
			break;
	while (q > v && isspace((unsigned char)q[-1]))
		q--;
	return xstrndup(v, (size_t)(q - v));
}

static void new_rule(struct reader *rd, const char *name, size_t n)
{
	struct rules_spec *s = rd->s;
	struct rule_spec *r;
	size_t old;
	rd->cur = NULL;
	if (!valid_name(name, n, 1)) {
		rd_error(rd, "bad rule id '%.*s' (letters, digits, '.', '-', '_'; at most %d bytes)",
			 (int)(n > 80 ? 80 : n), name, RULE_ID_MAX);
		return;
	}
	if (strmap_put(rd->ids, name, n, s->n_rules, &old) < 0) {
		const struct rule_spec *o = &s->rules[old];
		rd_error(rd, "duplicate rule id '%.*s' (first at %s:%d)", (int)n, name,
			 s->files[o->file], o->line);
		return;
	}
	s->rules = xrealloc(s->rules, (s->n_rules + 1) * sizeof *s->rules);
	r = &s->rules[s->n_rules++];
	*r = (struct rule_spec){ .id = xstrndup(name, n), .file = rd->file_idx,
				 .line = rd->lineno, .priority = -1 };
	rd->cur = r;
}

static void new_provider(struct reader *rd, const char *name, size_t n)
{
	struct rules_spec *s = rd->s;
	struct provider_spec *p;
	rd->cur = NULL;
	if (!valid_name(name, n, 0)) {
		rd_error(rd, "bad provider id '%.*s' (a-z, 0-9, '-', '_')", (int)(n > 80 ? 80 : n), name);
		return;
	}
	if (n == 7 && memcmp(name, "generic", 7) == 0) {
		rd_error(rd, "provider id 'generic' is reserved");
		return;
	}
	if (strmap_put(rd->ids, name, n, rd->providers == 2 ? s->n_lists : s->n_prov, NULL) < 0) {
		rd_error(rd, "duplicate provider '%.*s'", (int)n, name);
		return;
	}
	if (rd->providers == 2) {
		s->lists = xrealloc(s->lists, (s->n_lists + 1) * sizeof *s->lists);
		p = &s->lists[s->n_lists++];
	} else {
		s->prov = xrealloc(s->prov, (s->n_prov + 1) * sizeof *s->prov);
		p = &s->prov[s->n_prov++];
	}
	*p = (struct provider_spec){ .id = xstrndup(name, n), .line = rd->lineno };
	rd->cur = p;
}

/* [provider/pool]: a receiving pool of provider (checked in rules.c). */
static void new_pool(struct reader *rd, const char *name, size_t n, const char *slash)
{
	struct rules_spec *s = rd->s;
	size_t k = (size_t)(slash - name);
	struct provider_spec *p;
	rd->cur = NULL;
	if (!valid_name(name, k, 0) || !valid_name(slash + 1, n - k - 1, 0)) {
		rd_error(rd, "bad pool '%.*s' (provider/pool; a-z, 0-9, '-', '_')",
			 (int)(n > 80 ? 80 : n), name);
		return;
	}
	s->pools = xrealloc(s->pools, (s->n_pools + 1) * sizeof *s->pools);
	p = &s->pools[s->n_pools++];
	*p = (struct provider_spec){ .id = xstrndup(slash + 1, n - k - 1),
				     .owner = xstrndup(name, k), .line = rd->lineno };
	rd->cur = p;
}

static void new_section(struct reader *rd, const char *name, size_t n)
{
	const char *slash = rd->providers ? memchr(name, '/', n) : NULL;
	if (slash)
		new_pool(rd, name, n, slash);
	else if (rd->providers)
		new_provider(rd, name, n);
	else
		new_rule(rd, name, n);
}

/* ---- rule keys ---- */

enum rule_key { K_PROVIDER, K_CATEGORY, K_BLOCK, K_PRIORITY, K_MATCH, K_MATCH_STATUS,
		K_ADVICE, K_DESCRIPTION, K_EXAMPLE, K_EXAMPLE_MORE, K_EXAMPLE_IP, K_BLOCKLIST, K_SCOPE, K_STAGE,
		K_SENDING_IP, K_TIE_BREAK, K__COUNT };

static const char *const rule_keys[K__COUNT] = {
	"provider", "category", "block", "priority", "match", "match_status",
	"advice", "description", "example", "example+", "example_ip", "blocklist", "scope", "stage",
	"sending_ip", "tie_break",
};

/* A comma (and blank) separated list of words, each added to *mask by
 * word(), which returns 0 for a word it does not know. Returns -1 for an
 * unknown word or an empty list. */
static int parse_list(const char *v, int (*word)(const char *w, size_t n, unsigned *mask), unsigned *mask)
{
	*mask = 0;
	while (*v) {
		size_t n;
		while (*v == ',' || isspace((unsigned char)*v))
			v++;
		n = strcspn(v, ", \t");
		if (n == 0)
			break;
		if (!word(v, n, mask))
			return -1;
		v += n;
	}
	return *mask ? 0 : -1;
}

/* match_status: a status that needs a verdict, by its stored name. */
static int status_word(const char *w, size_t n, unsigned *mask)
{
	for (int s = 0; s < DS__COUNT; s++) {
		const char *name = delivery_status_name((enum delivery_status)s);
		if (strlen(name) == n && memcmp(name, w, n) == 0 && delivery_needs_verdict((enum delivery_status)s)) {
			*mask |= 1u << s;
			return 1;
		}
	}
	return 0;
}

unsigned rules_stage_word(const char *w, size_t n)
{
	static const struct { const char *name; unsigned bits; } tab[] = {
		{ "connect", 1u << STAGE_CONNECT }, { "helo", 1u << STAGE_HELO },
		{ "starttls", 1u << STAGE_STARTTLS }, { "auth", 1u << STAGE_AUTH },
		{ "mail", 1u << STAGE_MAIL }, { "rcpt", 1u << STAGE_RCPT },
		{ "data", 1u << STAGE_DATA | 1u << STAGE_EOD },
	};
	for (size_t i = 0; i < sizeof tab / sizeof *tab; i++)
		if (strlen(tab[i].name) == n && memcmp(tab[i].name, w, n) == 0)
			return tab[i].bits;
	return 0;
}

/* stage: the SMTP stages the reply answered (rules.h). */
static int stage_word(const char *w, size_t n, unsigned *mask)
{
	unsigned bits = rules_stage_word(w, n);
	*mask |= bits;
	return bits != 0;
}

static int parse_int(const char *v, long lo, long hi, int *out)
{
	char *end;
	long x;
	errno = 0;
	if (!isdigit((unsigned char)*v))
		return -1;
	x = strtol(v, &end, 10);
	if (errno || *end || x < lo || x > hi)
		return -1;
	*out = (int)x;
	return 0;
}

static int is_ip(const char *s)
{
	unsigned char buf[16];
	return inet_pton(AF_INET, s, buf) == 1 || inet_pton(AF_INET6, s, buf) == 1;
}

static void add_example(struct reader *rd, struct rule_spec *r, const char *v)
{
	if (*v == '\0') {
		rd_error(rd, "empty example");
		return;
	}
	if (r->n_ex == r->cap_ex) {
		r->cap_ex = r->cap_ex ? r->cap_ex * 2 : 4;
		r->ex = xrealloc(r->ex, r->cap_ex * sizeof *r->ex);
	}
	r->ex[r->n_ex++] = (struct rule_example){ .text = xstrdup(v), .line = rd->lineno };
}

/* "example+" continues the preceding example after one space, so a long
 * reply can be written over several lines. */
static void extend_example(struct reader *rd, struct rule_spec *r, const char *v)
{
	struct rule_example *x = r->n_ex ? &r->ex[r->n_ex - 1] : NULL;
	size_t a, b;
	char *t;
	if (x == NULL || x->ip) {
		rd_error(rd, x ? "example+ after example_ip" : "example+ without a preceding example");
		return;
	}
	a = strlen(x->text);
	b = strlen(v);
	t = xmalloc(a + b + 2);
	memcpy(t, x->text, a);
	t[a] = ' ';
	memcpy(t + a + 1, v, b + 1);
	free((char *)x->text);
	x->text = t;
}

static void add_example_ip(struct reader *rd, struct rule_spec *r, const char *v)
{
	struct rule_example *x = r->n_ex ? &r->ex[r->n_ex - 1] : NULL;
	if (x == NULL)
		rd_error(rd, "example_ip without a preceding example");
	else if (x->ip)
		rd_error(rd, "second example_ip for one example");
	else if (!is_ip(v))
		rd_error(rd, "example_ip '%s' is not an IP address", v);
	else
		x->ip = xstrdup(v);
}

/* A key of two values: *out 1 for on, 0 for off, an error for another. */
static void two_words(struct reader *rd, const char *key, const char *v, const char *on, const char *off, int *out)
{
	if (strcmp(v, on) == 0 || strcmp(v, off) == 0)
		*out = strcmp(v, on) == 0;
	else
		rd_error(rd, "%s must be %s or %s, not '%s'", key, on, off, v);
}

static void set_rule_key(struct reader *rd, struct rule_spec *r, int k, const char *v)
{
	switch (k) {
	case K_PROVIDER:
		if (!valid_name(v, strlen(v), 0))
			rd_error(rd, "bad provider name '%s'", v);
		r->provider = xstrdup(v);
		r->provider_line = rd->lineno;
		break;
	case K_CATEGORY:
		if (rules_category_index(v) < 0)
			rd_error(rd, "unknown category '%s'", v);
		r->category = xstrdup(v);
		break;
	case K_BLOCK:
		two_words(rd, "block", v, "yes", "no", &r->block);
		break;
	case K_PRIORITY:
		if (parse_int(v, 0, 9999, &r->priority) < 0)
			rd_error(rd, "priority must be an integer 0..9999, not '%s'", v);
		break;
	case K_MATCH:
		if (*v == '\0')
			rd_error(rd, "empty match");
		r->match = xstrdup(v);
		r->match_line = rd->lineno;
		break;
	case K_MATCH_STATUS:
		if (parse_list(v, status_word, &r->status_mask) < 0)
			rd_error(rd, "match_status: '%s' is not a list of non-success statuses", v);
		break;
	case K_STAGE:
		if (parse_list(v, stage_word, &r->stage_mask) < 0)
			rd_error(rd, "stage: '%s' is not a list of SMTP stages (connect, helo, starttls, auth, "
				 "mail, rcpt, data)", v);
		break;
	case K_BLOCKLIST:
		if (!valid_name(v, strlen(v), 0))
			rd_error(rd, "bad block list id '%s'", v);
		r->blocklist = xstrdup(v);
		r->blocklist_line = rd->lineno;
		break;
	case K_SCOPE:
		two_words(rd, "scope", v, "own", "any", &r->own_only);
		r->scope_line = rd->lineno;
		break;
	case K_SENDING_IP:
		two_words(rd, "sending_ip", v, "none", "reply", &r->no_sending_ip);
		r->sending_ip_line = rd->lineno;
		break;
	case K_TIE_BREAK:
		two_words(rd, "tie_break", v, "yes", "no", &r->tie_break);
		r->tie_break_line = rd->lineno;
		break;
	case K_ADVICE: r->advice = xstrdup(v); break;
	case K_DESCRIPTION: r->description = xstrdup(v); break;
	case K_EXAMPLE: add_example(rd, r, v); break;
	case K_EXAMPLE_MORE: extend_example(rd, r, v); break;
	case K_EXAMPLE_IP: add_example_ip(rd, r, v); break;
	}
}

static int rule_handler(void *user, const char *section __attribute__((unused)), const char *name, const char *value)
{
	struct reader *rd = user;
	struct rule_spec *r = rd->cur;
	char *whole = rd->is_long ? whole_value(rd) : NULL;
	int k;
	if (whole)
		value = whole;
	for (k = 0; k < K__COUNT; k++)
		if (strcmp(name, rule_keys[k]) == 0)
			break;
	if (!rd->in_section)
		rd_error(rd, "key '%s' outside a [section]", name);
	else if (k == K__COUNT)
		rd_error(rd, "unknown key '%s'", name);
	else if (r == NULL)
		;	/* the section header was reported */
	else if ((r->seen & (1u << k)) && k != K_EXAMPLE && k != K_EXAMPLE_MORE && k != K_EXAMPLE_IP)
		rd_error(rd, "duplicate key '%s'", name);
	else {
		r->seen |= 1u << k;
		set_rule_key(rd, r, k, value);
	}
	free(whole);
	return 1;
}

/* ---- providers.conf ---- */

/* What add_hosts reads: domains, relay hosts (may start with '.'), or
 * signature and appliance words (letters and digits only; a signature word
 * may have '_' inside, as Barracuda's "cuda_nsu", or be letters and '#' or
 * "_#", a numbered sign, an enhanced status code or a range of them, or a
 * phrase of words joined by '+': rules.h, THE REPLY'S WORDS). */
enum { HOST_DOMAIN, HOST_RELAY, HOST_WORD, HOST_APPLIANCE };

/* The number of 1-3 digits at p (its value in *v), 0 if p has none or more. */
static size_t code_part(const char *p, unsigned *v)
{
	size_t i = 0;
	for (*v = 0; isdigit((unsigned char)p[i]); i++) {
		if (i == 3)
			return 0;
		*v = *v * 10 + (unsigned)(p[i] - '0');
	}
	return i;
}

/* A signature word that is an enhanced status code, "5.7.606", or a range
 * of its last number, "5.7.606-649" (rules.h, THE REPLY'S WORDS): a class
 * of 2, 4 or 5, numbers of 1-3 digits without leading zeros. The codes it
 * lists are added to *list one by one. Returns 0 when h[0, len) is not of
 * that form, 1 when it is and was added, -1 when the range is empty. */
static int add_codes(char ***list, size_t *n, const char *h, size_t len)
{
	unsigned cls, sub, lo, hi;
	size_t a, b, c, at, e = 0;
	char code[16];
	if ((a = code_part(h, &cls)) == 0 || h[a] != '.' || (b = code_part(h + a + 1, &sub)) == 0 ||
	    h[a + 1 + b] != '.' || (c = code_part(h + a + b + 2, &lo)) == 0 || (cls != 2 && cls != 4 && cls != 5))
		return 0;
	at = a + b + 2 + c;
	hi = lo;
	if (at < len && (h[at] != '-' || (e = code_part(h + at + 1, &hi)) == 0 || at + 1 + e != len))
		return 0;
	if ((size_t)snprintf(code, sizeof code, "%u.%u.%u", cls, sub, lo) != at || memcmp(code, h, at) != 0 ||
	    (e > 0 && (size_t)snprintf(code, sizeof code, "%u", hi) != e))
		return 0;	/* a leading zero */
	if (hi < lo)
		return -1;
	for (unsigned d = lo; d <= hi; d++) {
		snprintf(code, sizeof code, "%u.%u.%u", cls, sub, d);
		*list = xrealloc(*list, (*n + 1) * sizeof **list);
		(*list)[(*n)++] = xstrdup(code);
	}
	return 1;
}

/* Whether h[0, len) (lower case) is a phrase sign: two or more words of
 * letters and digits joined by '+', the last of which may be letters and
 * '#', a code (rules.h, THE REPLY'S WORDS: "sl+e#", "throttling+failure"). */
static int phrase_sign(const char *h, size_t len)
{
	size_t words = 0, i = 0;
	while (i <= len) {
		size_t b = i, letters;
		while (i < len && isalnum((unsigned char)h[i]))
			i++;
		for (letters = b; letters < i && isalpha((unsigned char)h[letters]); letters++)
			;
		if (i < len && h[i] == '#' && letters == i && i > b && i + 1 == len && words > 0)
			i++;	/* the last word: letters and '#' */
		else if (i == b || (i < len && h[i] != '+'))
			return 0;
		words++;
		i++;
	}
	return words >= 2;
}

/* Whether the name h[0..len) has an empty label: two dots in a row, or a
 * dot at the end (a relay's leading dot marks a suffix, not a label). A
 * name is looked up as a host writes it, without a root dot, so such a
 * name could never match, or (with '*' labels) would match by accident. */
static int empty_label(const char *h, size_t len)
{
	return h[len - 1] == '.' || memmem(h, len, "..", 2) != NULL;
}

static void add_hosts(struct reader *rd, char ***list, size_t *n, const char *v, int kind)
{
	static const char *const what[] = { "domain", "relay host", "signature word", "appliance word" };
	int word = kind == HOST_WORD || kind == HOST_APPLIANCE;
	while (*v) {
		size_t len, i;
		char *h;
		while (isspace((unsigned char)*v))
			v++;
		len = strcspn(v, " \t");
		if (len == 0)
			break;
		h = xstrndup(v, len);
		if (kind == HOST_WORD) {
			int codes = add_codes(list, n, h, len);
			if (codes != 0) {	/* enhanced status codes, added one by one */
				if (codes < 0)
					rd_error(rd, "empty range in signature word '%s'", h);
				free(h);
				v += len;
				continue;
			}
		}
		for (i = 0; i < len; i++) {
			unsigned char c = (unsigned char)h[i];
			h[i] = (char)tolower(c);
			if (!(isalnum(c) || (!word && (c == '-' || c == '.' || c == '_')) ||
			      (kind == HOST_WORD && c == '_' && i > 0 && i < len - 1) ||
			      (kind == HOST_RELAY && c == '*' && (i == 0 || h[i - 1] == '.') && i + 1 < len &&
			       h[i + 1] == '.')))
				break;
		}
		if (kind == HOST_WORD && i > 0 && i < len && h[i] == '+' && phrase_sign(h, len)) {
			for (; i < len; i++)	/* a phrase: lower case as the words are */
				h[i] = (char)tolower((unsigned char)h[i]);
		} else if (kind == HOST_WORD && i > 0 && i == len - 1 && h[i] == '#') {
			size_t j = 0;	/* a numbered sign: letters, then '#' or "_#" */
			while (j < i && isalpha((unsigned char)h[j]))
				j++;
			if (j == i || (j > 0 && j + 1 == i && h[j] == '_'))
				i = len;
		}
		if (i < len || (kind != HOST_RELAY && h[0] == '.') || len >= DELIVERY_DOMAIN_MAX ||
		    (len == 1 && h[0] == '.') || (!word && empty_label(h, len))) {
			rd_error(rd, "bad %s '%s'", what[kind], h);
			free(h);
		} else {
			*list = xrealloc(*list, (*n + 1) * sizeof **list);
			(*list)[(*n)++] = h;
		}
		v += len;
	}
}

/* A provider's key of yes or no into *val, given once (*has); val and has
 * NULL outside a section. */
static void yes_no(struct reader *rd, const char *name, const char *value, int *val, int *has)
{
	if (has && *has)
		rd_error(rd, "duplicate key '%s'", name);
	else if (strcmp(value, "yes") != 0 && strcmp(value, "no") != 0)
		rd_error(rd, "%s must be yes or no, not '%s'", name, value);
	else if (val) {
		*val = strcmp(value, "yes") == 0;
		*has = 1;
	}
}

static int provider_handler(void *user, const char *section __attribute__((unused)), const char *name, const char *value)
{
	struct reader *rd = user;
	struct provider_spec *p = rd->cur;
	char *whole = rd->is_long ? whole_value(rd) : NULL;
	char **single = NULL;
	if (whole)
		value = whole;
	if (!rd->in_section)
		rd_error(rd, "key '%s' outside a [section]", name);
	else if (strcmp(name, "name") == 0)
		single = p ? &p->name : NULL;
	else if (strcmp(name, "advice") == 0 && !(p && p->owner))
		single = p ? &p->advice : NULL;
	else if (strcmp(name, "domains") == 0 && rd->providers == 1) {
		if (p)
			add_hosts(rd, &p->domains, &p->n_domains, value, HOST_DOMAIN);
	} else if (strcmp(name, "relays") == 0 && rd->providers == 1) {
		if (p)
			add_hosts(rd, &p->relays, &p->n_relays, value, HOST_RELAY);
	} else if (strcmp(name, "signs") == 0 && rd->providers == 1) {
		if (p)
			add_hosts(rd, &p->signs, &p->n_signs, value, HOST_WORD);
	} else if (strcmp(name, "appliances") == 0 && rd->providers == 1 && !(p && p->owner)) {
		if (p)
			add_hosts(rd, &p->appliances, &p->n_appliances, value, HOST_APPLIANCE);
	} else if (strcmp(name, "zones") == 0 && rd->providers == 2) {
		if (p)
			add_hosts(rd, &p->zones, &p->n_zones, value, HOST_DOMAIN);
	} else if (strcmp(name, "gateway") == 0 && rd->providers == 1 && !(p && p->owner)) {
		yes_no(rd, name, value, p ? &p->gateway : NULL, p ? &p->has_gateway : NULL);
	} else if (strcmp(name, "selfhosted") == 0 && rd->providers == 1 && !(p && p->owner)) {
		yes_no(rd, name, value, p ? &p->selfhosted : NULL, p ? &p->has_selfhosted : NULL);
	} else
		rd_error(rd, "unknown key '%s'", name);
	if (single && *single)
		rd_error(rd, "duplicate key '%s'", name);
	else if (single)
		*single = xstrdup(value);
	free(whole);
	return 1;
}

/* ---- files and the directory ---- */

static int slurp(const char *path, char **buf, size_t *len, struct errlist *e)
{
	FILE *f = fopen(path, "rb");
	size_t cap = 8192, n = 0, got;
	char *b;
	if (f == NULL) {
		if (errno != ENOENT)
			errlist_add(e, path, 0, "%s", strerror(errno));
		return errno == ENOENT ? 1 : -1;
	}
	b = xmalloc(cap);
	while ((got = fread(b + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n > FILE_MAX)
			break;
		if (n == cap)
			b = xrealloc(b, cap *= 2);
	}
	if (ferror(f) || n > FILE_MAX) {
		errlist_add(e, path, 0, "%s", n > FILE_MAX ? "file too large" : strerror(errno));
		fclose(f);
		free(b);
		return -1;
	}
	fclose(f);
	*buf = b;
	*len = n;
	return 0;
}

/* Parses one file; returns 1 when it does not exist, else 0. */
static int parse_file(struct reader *rd, const char *path, ini_handler h)
{
	char *buf = NULL;
	size_t len = 0;
	unsigned before = rd->e->count;
	int rc = slurp(path, &buf, &len, rd->e);
	if (rc != 0)
		return rc > 0;
	rd->p = buf;
	rd->end = buf + len;
	rd->file = path;
	rd->lineno = 0;
	rd->had_key = 0;
	rd->in_section = 0;
	rd->cur = NULL;
	rc = ini_parse_stream(rd_next, rd, h, rd);
	if (rc > 0 && rd->e->count == before)
		errlist_add(rd->e, path, rc, "syntax error");
	else if (rc < 0 && rd->e->count == before)
		errlist_add(rd->e, path, 0, "cannot parse (libinih error %d)", rc);
	free(buf);
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *join(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *p = xmalloc(n);
	snprintf(p, n, "%s/%s", dir, name);
	return p;
}

static void list_dir(const char *dir, struct rules_spec *s, struct errlist *e)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	if (d == NULL) {
		errlist_add(e, dir, 0, "%s", strerror(errno));
		return;
	}
	while ((de = readdir(d)) != NULL) {
		size_t n = strlen(de->d_name);
		if (de->d_name[0] == '.' || n <= 6 || strcmp(de->d_name + n - 6, ".rules") != 0)
			continue;
		s->files = xrealloc(s->files, (s->n_files + 1) * sizeof *s->files);
		s->files[s->n_files++] = join(dir, de->d_name);
	}
	closedir(d);
	if (s->n_files > 0)
		qsort(s->files, s->n_files, sizeof *s->files, cmp_str);
}

void rules_spec_read(const char *dir, struct rules_spec *s, struct errlist *e)
{
	struct strmap ids;
	struct reader rd = { .e = e, .s = s, .ids = &ids };
	*s = (struct rules_spec){ 0 };
	list_dir(dir, s, e);
	if (e->count)
		return;
	strmap_init(&ids);
	s->providers_file = join(dir, "providers.conf");
	rd.providers = 1;
	s->have_providers = parse_file(&rd, s->providers_file, provider_handler) == 0;
	strmap_release(&ids);
	strmap_init(&ids);
	s->lists_file = join(dir, "blocklists.conf");
	rd.providers = 2;
	s->have_lists = parse_file(&rd, s->lists_file, provider_handler) == 0;
	strmap_release(&ids);
	rd.providers = 0;
	for (size_t i = 0; i < s->n_files; i++) {
		rd.file_idx = i;
		parse_file(&rd, s->files[i], rule_handler);
	}
	strmap_release(&ids);
}

void rules_spec_release(struct rules_spec *s)
{
	for (size_t i = 0; i < s->n_files; i++)
		free(s->files[i]);
	for (size_t i = 0; i < s->n_rules; i++) {
		struct rule_spec *r = &s->rules[i];
		free(r->id); free(r->provider); free(r->category); free(r->match);
		free(r->advice); free(r->description); free(r->blocklist);
		for (size_t j = 0; j < r->n_ex; j++) {
			free((char *)r->ex[j].text);
			free((char *)r->ex[j].ip);
		}
		free(r->ex);
	}
	for (size_t i = 0; i < s->n_prov + s->n_pools + s->n_lists; i++) {
		struct provider_spec *p = i < s->n_prov ? &s->prov[i]
					  : i < s->n_prov + s->n_pools ? &s->pools[i - s->n_prov]
					  : &s->lists[i - s->n_prov - s->n_pools];
		free(p->id); free(p->name); free(p->advice); free(p->owner);
		for (size_t j = 0; j < p->n_domains; j++)
			free(p->domains[j]);
		for (size_t j = 0; j < p->n_relays; j++)
			free(p->relays[j]);
		for (size_t j = 0; j < p->n_zones; j++)
			free(p->zones[j]);
		for (size_t j = 0; j < p->n_signs; j++)
			free(p->signs[j]);
		for (size_t j = 0; j < p->n_appliances; j++)
			free(p->appliances[j]);
		free(p->domains); free(p->relays); free(p->zones); free(p->signs); free(p->appliances);
	}
	free(s->files); free(s->rules); free(s->prov); free(s->pools); free(s->providers_file);
	free(s->lists); free(s->lists_file);
	*s = (struct rules_spec){ 0 };
}
