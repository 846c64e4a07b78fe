/* rules - compiled rules, provider maps and the classifier (see rules.h).
 *
 * rules_parse.c reads the files into specs; this file validates what needs
 * PCRE2 (compiling, examples, the ip group), orders the rules by precedence
 * and matches. The specs stay alive inside struct rules: every string a
 * rule_info or verdict hands out points into them.
 *
 * Matching is byte-oriented (PCRE2_NEVER_UTF): log lines may hold any
 * bytes. Each rule is JIT-compiled; matches run under a match limit and a
 * bounded JIT stack, and a limit hit counts as "no match" (rules_limit_hits).
 * Prefilter, cheapest first: the rule's status mask, PCRE2's minimum subject
 * length, and for anchored rules the set of bytes that can start a match
 * (PCRE2_INFO_FIRSTCODEUNIT / FIRSTBITMAP) tested against the first byte,
 * and in rules_classify the rule's required literal (litfilter.h: one pass
 * over the reply marks every rule whose literal it holds).
 * The rules match a reply's text read as the server wrote it (entities and
 * typographic characters of a pasted reply, reply_paste.h), without its
 * frame (reply_frame.h), with its continuation prefixes joined
 * (reply_join.h), in buffers of struct rules that grow to the longest
 * reply seen. The sending IP found without a rule (reply_ip.h) is read
 * from the joined text too (a line break between "host x[IP]" and "said:"
 * would hide which IP is the relay's); the provider named by the reply's
 * words is read from the text as logged.
 * The only file that includes pcre2.h; it must not depend on log formats.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <arpa/inet.h>
#include <ctype.h>
#include <pcre2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "ascii.h"
#include "litfilter.h"
#include "regdom.h"
#include "reply_ip.h"
#include "reply_frame.h"
#include "reply_join.h"
#include "reply_paste.h"
#include "reply_names.h"
#include "rules.h"
#include "rules_parse.h"
#include "rxparts.h"
#include "strmap.h"
#include "xmalloc.h"

#define MATCH_LIMIT 200000	/* backtracking steps per rule per reply */
#define DEPTH_LIMIT 2000	/* interpreter only; JIT is bounded by its stack */
#define JIT_STACK_MIN (32 * 1024)
#define JIT_STACK_MAX (1024 * 1024)
#define ADVICE_MAX 2048
#define PRIO_PROVIDER 100
#define PRIO_GENERIC 900

struct rule {
	struct rule_info info;
	pcre2_code *re;		/* the pattern, or its body (rxparts.h) */
	pcre2_code *guard;	/* the body's guard and forbidden words, or NULL */
	pcre2_code *forbid;	/* the words' alternation, when word is NULL */
	struct word {
		pcre2_code *code;
		int jit;	/* 0: not JIT-compiled yet (at its first search
				 * after load: the rules' examples need no JIT),
				 * 1: it is, -1: JIT refused it */
	} *word;		/* the forbidden words one by one (rxparts.h), or NULL */
	size_t nword;
	int jit, gjit, fjit;	/* JIT-compiled: use pcre2_jit_match */
	int body_any, dot_all;	/* rxparts.h */
	uint32_t ip_group;	/* capture number of (?<ip>), 0 if none */
	uint32_t zone_group;	/* capture number of (?<zone>), 0 if none */
	uint32_t minlen;
	uint32_t lookbehind;	/* PCRE2_INFO_MAXLOOKBEHIND of re */
	uint8_t first[32];	/* bytes that can start a match at offset 0 */
	int generic;		/* provider "generic": does not set verdict.provider */
	long gate;		/* provider index when that provider receives mail
				 * (has domains or relays), else -1: see rules.h */
	size_t seq;		/* position over all files, for a stable order */
	char *lit[LITFILTER_ALT_MAX];	/* required literals, lower-case (litfilter.h) */
	size_t nlit;		/* 0: always tried */
	int lit_ahead;		/* lit is read by look-aheads: no bound on a match's start */
	char *own_relay;	/* info.own_relay, owned */
};

/* What a domain or relay host names: a provider and one of its receiving
 * pools (the provider's own id for its domains and relays outside a pool). */
struct target {
	size_t prov;		/* spec.prov index */
	const char *pool;	/* borrowed from spec */
	int receives;		/* provider entries: it has domains or relays (its own or a pool's) */
};

/* A phrase sign ("sl+e#", rules.h, THE REPLY'S WORDS), found by its first
 * word: in struct rules' signs, ntgt + its index. */
struct phrase {
	const char *rest;	/* the words after the first, '+' between them; borrowed from spec */
	size_t tgt;
	size_t next;		/* the next phrase of the same first word, SIZE_MAX if none */
};

struct rules {
	struct rules_spec spec;	/* owns every string handed out */
	struct rule *rule;	/* precedence order */
	size_t n;
	struct strmap prov_ids;	/* -> spec.prov index */
	struct strmap domains, relay_exact, relay_suffix;	/* -> tgt index */
	struct wild_relay {
		const char *pat;	/* a relay with '*' labels; borrowed from spec */
		const char *tail;	/* what follows its last '*' (".amazonaws.com") */
		size_t taillen, tgt;
	} *wild;
	size_t nwild;
	struct appliance {
		const char *word;	/* a gateway's appliance word; borrowed from spec */
		size_t len, prov;
	} *appl;		/* every provider's, in providers.conf order (appliance_of) */
	size_t nappl;
	struct strmap signs;	/* -> tgt index; a phrase's first word -> ntgt + phrase index */
	struct target *tgt;	/* spec.prov (same index), then spec.pools */
	size_t ntgt;
	struct phrase *phrase;
	size_t nphrase;
	struct strmap list_ids, zones;	/* -> spec.lists index */
	pcre2_match_data *md;
	pcre2_match_data *gmd;	/* a guard's, so that md keeps the body's captures */
	pcre2_match_context *mctx;
	pcre2_match_context *lctx;	/* mctx with an offset limit (set per match) */
	pcre2_jit_stack *jstack;
	unsigned long limit_hits;
	int loading;		/* 1 while rules_load checks the examples */
	struct litfilter *lf;	/* over rule[] in precedence order */
	int prefilter;		/* 1: rules_classify uses lf (default) */
	char advice[ADVICE_MAX];
	char **prefer;		/* our sending IPs (rules_prefer_ips), owned */
	size_t nprefer;
	char own_pool[DELIVERY_DOMAIN_MAX];	/* verdict.pool of an unnamed receiver */
	char *subj;		/* the joined text the rules match (join_text), owned */
	size_t subjcap;
	char *paste;		/* the reply read through reply_paste (join_text), owned */
	size_t pastecap;
};

static int is_generic(const char *p)
{
	return p == NULL || *p == '\0' || strcmp(p, "generic") == 0;
}

/* ---- providers ---- */

/* The pool a sign's value in r->signs names (a phrase's for its first word). */
static const char *sign_pool(const struct rules *r, size_t v)
{
	return r->tgt[v < r->ntgt ? v : r->phrase[v - r->ntgt].tgt].pool;
}

/* Whether the words a ("e#", "failure+to") are all of b or its first
 * words (b is a, or a then '+'). */
static int words_prefix(const char *a, const char *b)
{
	size_t n = strlen(a);
	return strncmp(a, b, n) == 0 && (b[n] == '\0' || b[n] == '+');
}

/* Adds the phrase sign w ("throttling+failure") of provider p, target t:
 * its first word to r->signs, where one lookup of a reply's word finds a
 * sign or the phrases it begins. (Its whole text is there too, where no
 * token can find it, a token having no '+': a phrase is one provider's.) */
static void add_phrase(struct rules *r, const struct provider_spec *p, const char *w, size_t t, struct errlist *e)
{
	size_t first = strcspn(w, "+"), i = r->nphrase, h;
	r->phrase = xrealloc(r->phrase, (i + 1) * sizeof *r->phrase);
	r->phrase[i] = (struct phrase){ .rest = w + first + 1, .tgt = t, .next = SIZE_MAX };
	r->nphrase++;
	if (strmap_put(&r->signs, w, first, r->ntgt + i, &h) == 0)
		return;
	if (h < r->ntgt) {
		errlist_add(e, r->spec.providers_file, p->line, "phrase sign '%s' of %s begins with a signature "
			    "word of %s", w, p->id, r->tgt[h].pool);
		return;
	}
	for (h -= r->ntgt;; h = r->phrase[h].next) {	/* after the others of that first word */
		if (r->phrase[h].tgt != t && (words_prefix(r->phrase[h].rest, r->phrase[i].rest) ||
					      words_prefix(r->phrase[i].rest, r->phrase[h].rest))) {
			/* the first that follows wins (phrase_sign): the longer could never */
			errlist_add(e, r->spec.providers_file, p->line, "phrase sign '%s' of %s and a phrase "
				    "sign of %s begin with the same words", w, p->id, r->tgt[r->phrase[h].tgt].pool);
			return;
		}
		if (r->phrase[h].next == SIZE_MAX)
			break;
	}
	r->phrase[h].next = i;
}

/* Adds relay h of p, one with '*' labels, for target t; the same name twice
 * is an error, as for the others. */
static void add_wild(struct rules *r, const struct provider_spec *p, const char *h, size_t t, struct errlist *e)
{
	for (size_t i = 0; i < r->nwild; i++)
		if (strcmp(r->wild[i].pat, h) == 0) {
			errlist_add(e, r->spec.providers_file, p->line, "relay '%s' of %s already belongs to %s",
				    h, p->id, r->tgt[r->wild[i].tgt].pool);
			return;
		}
	r->wild = xrealloc(r->wild, (r->nwild + 1) * sizeof *r->wild);
	r->wild[r->nwild].pat = h;
	r->wild[r->nwild].tail = strrchr(h, '*') + 1;
	r->wild[r->nwild].taillen = strlen(r->wild[r->nwild].tail);
	r->wild[r->nwild++].tgt = t;
}

/* Maps p's domains and relays to target t. */
static void map_target(struct rules *r, const struct provider_spec *p, size_t t, struct errlist *e)
{
	struct rules_spec *s = &r->spec;
	size_t old;
	for (size_t j = 0; j < p->n_domains; j++)
		if (strmap_put(&r->domains, p->domains[j], strlen(p->domains[j]), t, &old) < 0)
			errlist_add(e, s->providers_file, p->line, "domain '%s' of %s already belongs to %s",
				    p->domains[j], p->id, r->tgt[old].pool);
	for (size_t j = 0; j < p->n_relays; j++) {
		const char *h = p->relays[j];
		struct strmap *m = h[0] == '.' ? &r->relay_suffix : &r->relay_exact;
		if (strchr(h, '*')) {
			add_wild(r, p, h, t, e);
			continue;
		}
		if (strmap_put(m, h, strlen(h), t, &old) < 0)
			errlist_add(e, s->providers_file, p->line, "relay '%s' of %s already belongs to %s",
				    h, p->id, r->tgt[old].pool);
	}
	for (size_t j = 0; j < p->n_signs; j++) {
		if (strmap_put(&r->signs, p->signs[j], strlen(p->signs[j]), t, &old) < 0)
			errlist_add(e, s->providers_file, p->line, "signature word '%s' of %s already belongs to %s",
				    p->signs[j], p->id, sign_pool(r, old));
		else if (strchr(p->signs[j], '+'))
			add_phrase(r, p, p->signs[j], t, e);
	}
	r->tgt[r->tgt[t].prov].receives |= p->n_domains + p->n_relays > 0;
}

static void map_hosts(struct rules *r, struct errlist *e)
{
	struct rules_spec *s = &r->spec;
	struct strmap pool_ids;
	size_t old;
	r->ntgt = s->n_prov + s->n_pools;
	r->tgt = xcalloc(r->ntgt ? r->ntgt : 1, sizeof *r->tgt);
	strmap_init(&pool_ids);
	for (size_t i = 0; i < s->n_prov; i++) {
		r->tgt[i] = (struct target){ .prov = i, .pool = s->prov[i].id };
		strmap_put(&r->prov_ids, s->prov[i].id, strlen(s->prov[i].id), i, NULL);
		strmap_put(&pool_ids, s->prov[i].id, strlen(s->prov[i].id), i, NULL);
	}
	for (size_t i = 0; i < s->n_prov; i++) {
		map_target(r, &s->prov[i], i, e);
		if (s->prov[i].n_appliances && !s->prov[i].gateway)
			errlist_add(e, s->providers_file, s->prov[i].line,
				    "appliances of %s: only a gateway (gateway = yes) has them", s->prov[i].id);
		for (size_t j = 0; j < s->prov[i].n_appliances; j++) {
			const char *w = s->prov[i].appliances[j];
			r->appl = xrealloc(r->appl, (r->nappl + 1) * sizeof *r->appl);
			r->appl[r->nappl++] = (struct appliance){ .word = w, .len = strlen(w), .prov = i };
		}
	}
	for (size_t j = 0; j < s->n_pools; j++) {
		const struct provider_spec *p = &s->pools[j];
		size_t t = s->n_prov + j;
		r->tgt[t].pool = p->id;
		if (!strmap_get(&r->prov_ids, p->owner, strlen(p->owner), &r->tgt[t].prov)) {
			errlist_add(e, s->providers_file, p->line, "pool %s: unknown provider '%s'", p->id, p->owner);
			continue;
		}
		if (strmap_put(&pool_ids, p->id, strlen(p->id), t, &old) < 0) {
			errlist_add(e, s->providers_file, p->line, "pool '%s' is already %s", p->id,
				    old < s->n_prov ? "a provider" : "a pool");
			continue;
		}
		map_target(r, p, t, e);
	}
	strmap_release(&pool_ids);
}

static void map_lists(struct rules *r, struct errlist *e)
{
	struct rules_spec *s = &r->spec;
	for (size_t i = 0; i < s->n_lists; i++) {
		struct provider_spec *p = &s->lists[i];
		size_t old;
		strmap_put(&r->list_ids, p->id, strlen(p->id), i, NULL);
		for (size_t j = 0; j < p->n_zones; j++)
			if (strmap_put(&r->zones, p->zones[j], strlen(p->zones[j]), i, &old) < 0)
				errlist_add(e, s->lists_file, p->line, "zone '%s' of %s already belongs to %s",
					    p->zones[j], p->id, s->lists[old].id);
	}
}

/* The list id of a zone (lower case), or the zone itself when no list
 * claims it or a parent of it. */
static void zone_list(const struct rules *r, const char *zone, char *out, size_t outsz)
{
	size_t i;
	for (const char *z = zone; *z; ) {
		const char *dot;
		if (strmap_get(&r->zones, z, strlen(z), &i)) {
			str_put(out, outsz, str_cstr(r->spec.lists[i].id));
			return;
		}
		if ((dot = strchr(z, '.')) == NULL)
			break;
		z = dot + 1;
	}
	str_put(out, outsz, str_cstr(zone));
}

int rules_blocklist_info(const struct rules *r, const char *id, const char **name, const char **advice)
{
	size_t i;
	if (id == NULL || !strmap_get(&r->list_ids, id, strlen(id), &i))
		return 0;
	*name = r->spec.lists[i].name;
	*advice = r->spec.lists[i].advice;
	return 1;
}

/* The target the relay host (first) or the recipient domain names, in
 * *idx: returns BY_RELAY, BY_DOMAIN, or 0 when neither names one
 * (BY_WORDS, BY_ADDRESS: the reply's words, an address in them; see
 * target_of). */
enum { BY_RELAY = 1, BY_DOMAIN = 2, BY_WORDS = 3, BY_ADDRESS = 4 };

/* The number of labels of p[0..n): one more than its dots. */
static size_t labels(const char *p, size_t n)
{
	size_t k = 1;
	for (size_t i = 0; i < n; i++)
		k += p[i] == '.';
	return k;
}

/* Whether host[0..n) (lower case) is a name of pat, a relay with '*'
 * labels (rules.h, PROVIDERS): label by label, '*' any label but an empty
 * one; with pat's leading dot, host's last labels, and at least one more. */
static int wild_match(const char *pat, const char *host, size_t n)
{
	int suffix = pat[0] == '.';
	size_t kp, kh = labels(host, n), i = 0;
	pat += suffix;
	kp = labels(pat, strlen(pat));
	if (suffix ? kh <= kp : kh != kp)
		return 0;
	for (size_t skip = kh - kp; skip > 0; i++)	/* to the labels pat covers */
		skip -= host[i] == '.';
	for (size_t k = 0; k < kp; k++) {	/* each label, an empty last one too ("a.*.") */
		size_t pl = strcspn(pat, "."), hl = 0;
		while (i + hl < n && host[i + hl] != '.')
			hl++;
		if (pl == 1 && pat[0] == '*' ? hl == 0 : pl != hl || memcmp(pat, host + i, hl) != 0)
			return 0;
		pat += pl + (pat[pl] == '.');
		i += hl + 1;
	}
	return 1;
}

static int provider_index(const struct rules *r, const char *domain, struct str relay, size_t *idx)
{
	char host[DELIVERY_DOMAIN_MAX];
	size_t n = relay.len, i;
	if (relay.p && n > 0 && n < sizeof host) {
		ascii_lower_copy((unsigned char *)host, (const unsigned char *)relay.p, n);
		if (strmap_get(&r->relay_exact, host, n, idx))
			return BY_RELAY;
		for (i = 1; i < n; i++)	/* ".b.c" then ".c" */
			if (host[i] == '.' && strmap_get(&r->relay_suffix, host + i, n - i, idx))
				return BY_RELAY;
		for (i = 0; i < r->nwild; i++)	/* the literal tail first (its '.' first): cheap */
			if (n > r->wild[i].taillen && host[n - r->wild[i].taillen] == '.' &&
			    memcmp(host + n - r->wild[i].taillen, r->wild[i].tail, r->wild[i].taillen) == 0 &&
			    wild_match(r->wild[i].pat, host, n)) {
				*idx = r->wild[i].tgt;
				return BY_RELAY;
			}
	}
	if (domain == NULL)
		return 0;
	for (const char *d = domain; *d; ) {
		const char *dot;
		if (strmap_get(&r->domains, d, strlen(d), idx))
			return BY_DOMAIN;
		if ((dot = strchr(d, '.')) == NULL)
			break;
		d = dot + 1;
	}
	return 0;
}

const char *rules_provider_for(const struct rules *r, const char *domain, struct str relay_host)
{
	size_t t;
	return provider_index(r, domain, relay_host, &t) ? r->spec.prov[r->tgt[t].prov].id : NULL;
}

const char *rules_pool_for(const struct rules *r, const char *domain, struct str relay_host)
{
	size_t t;
	return provider_index(r, domain, relay_host, &t) ? r->tgt[t].pool : NULL;
}

/* ---- compiling ---- */

static void set_prefilter(struct rule *ru)
{
	uint32_t opts = 0, type = 0, c = 0;
	const uint8_t *bm = NULL;
	pcre2_pattern_info(ru->re, PCRE2_INFO_MINLENGTH, &ru->minlen);
	pcre2_pattern_info(ru->re, PCRE2_INFO_ALLOPTIONS, &opts);
	memset(ru->first, 0xff, sizeof ru->first);
	if (!(opts & PCRE2_ANCHORED))
		return;
	pcre2_pattern_info(ru->re, PCRE2_INFO_FIRSTCODETYPE, &type);
	if (type == 1) {
		/* the case-insensitivity of the first unit is not reported: allow both */
		pcre2_pattern_info(ru->re, PCRE2_INFO_FIRSTCODEUNIT, &c);
		memset(ru->first, 0, sizeof ru->first);
		ru->first[c >> 3 & 31] |= (uint8_t)(1u << (c & 7));
		c = (uint32_t)(islower((int)c) ? toupper((int)c) : tolower((int)c));
		ru->first[c >> 3 & 31] |= (uint8_t)(1u << (c & 7));
	} else if (pcre2_pattern_info(ru->re, PCRE2_INFO_FIRSTBITMAP, &bm) == 0 && bm) {
		memcpy(ru->first, bm, sizeof ru->first);
	}
}

/* The pattern p compiled as the rules compile it, or NULL (*ec, *off set).
 * A rule's pattern or body (not its guards) is searched with an offset
 * limit: the prefilter says how far in a match can start. */
static pcre2_code *compile_pattern(const char *p, uint32_t opts, int *ec, PCRE2_SIZE *off)
{
	return pcre2_compile((PCRE2_SPTR)p, PCRE2_ZERO_TERMINATED, PCRE2_NEVER_UTF | opts, ec, off, NULL);
}

static void free_words(struct rule *ru)
{
	while (ru->nword > 0)
		pcre2_code_free(ru->word[--ru->nword].code);
	free(ru->word);
	ru->word = NULL;
}

/* Compiles the words of parts into ru (each as the rules compile a guard);
 * returns -1, with none kept, when one does not compile. */
static int compile_words(struct rule *ru, const struct rxparts *parts)
{
	int ec;
	PCRE2_SIZE off;
	ru->word = parts->nwords ? xcalloc(parts->nwords, sizeof *ru->word) : NULL;
	for (ru->nword = 0; ru->nword < parts->nwords; ru->nword++) {
		pcre2_code *w = compile_pattern(parts->words[ru->nword], 0, &ec, &off);
		if (w == NULL)
			break;
		ru->word[ru->nword] = (struct word){ .code = w };
	}
	if (ru->nword < parts->nwords) {
		free_words(ru);
		return -1;
	}
	return 0;
}

/* Replaces a compiled rule's pattern by its parts (rxparts.h) when they
 * all compile; otherwise the rule keeps the whole pattern. The forbidden
 * words' alternation is compiled only when its words cannot be (every
 * word compiles where it does). */
static void split_guard(struct rule *ru, const char *pat)
{
	struct rxparts parts;
	pcre2_code *b, *g = NULL, *f = NULL;
	int ec, bad;
	PCRE2_SIZE off;
	if (!rxparts_split(pat, &parts))
		return;
	b = compile_pattern(parts.body, PCRE2_USE_OFFSET_LIMIT, &ec, &off);
	if (parts.guard)
		g = compile_pattern(parts.guard, 0, &ec, &off);
	if (parts.forbid && (parts.nwords == 0 || compile_words(ru, &parts) < 0))
		f = compile_pattern(parts.forbid, 0, &ec, &off);
	bad = b == NULL || (parts.guard && g == NULL) || (parts.forbid && f == NULL && ru->word == NULL);
	if (bad) {
		rxparts_release(&parts);
		pcre2_code_free(b);
		pcre2_code_free(g);
		pcre2_code_free(f);
		free_words(ru);
		return;
	}
	pcre2_code_free(ru->re);
	ru->re = b;
	ru->guard = g;
	ru->forbid = f;
	ru->info.split = 1;
	ru->body_any = parts.body_any;
	ru->dot_all = parts.dot_all;
	ru->gjit = g && pcre2_jit_compile(g, PCRE2_JIT_COMPLETE) == 0;
	ru->fjit = f && pcre2_jit_compile(f, PCRE2_JIT_COMPLETE) == 0;
	rxparts_release(&parts);
}

static int compile_rule(struct rule *ru, const struct rule_spec *sp, const char *file,
			uint32_t *max_cap, struct errlist *e)
{
	int ec, n;
	PCRE2_SIZE off;
	uint32_t caps = 0;
	ru->re = compile_pattern(sp->match, PCRE2_USE_OFFSET_LIMIT, &ec, &off);
	if (ru->re == NULL) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(ec, msg, sizeof msg);
		errlist_add(e, file, sp->match_line, "match: %s (PCRE2 offset %zu)", (char *)msg, (size_t)off);
		return -1;
	}
	n = pcre2_substring_number_from_name(ru->re, (PCRE2_SPTR) "ip");
	if (n == PCRE2_ERROR_NOUNIQUESUBSTRING) {
		errlist_add(e, file, sp->match_line, "match: more than one group named 'ip'");
		return -1;
	}
	split_guard(ru, sp->match);
	ru->jit = pcre2_jit_compile(ru->re, PCRE2_JIT_COMPLETE) == 0;
	pcre2_pattern_info(ru->re, PCRE2_INFO_MAXLOOKBEHIND, &ru->lookbehind);
	n = pcre2_substring_number_from_name(ru->re, (PCRE2_SPTR) "ip");
	ru->ip_group = n > 0 ? (uint32_t)n : 0;
	n = pcre2_substring_number_from_name(ru->re, (PCRE2_SPTR) "zone");
	ru->zone_group = n > 0 ? (uint32_t)n : 0;
	pcre2_pattern_info(ru->re, PCRE2_INFO_CAPTURECOUNT, &caps);
	if (caps + 1 > *max_cap)
		*max_cap = caps + 1;
	set_prefilter(ru);
	return 0;
}

/* The spec of target t: a provider, or a pool after them. */
static const struct provider_spec *target_spec(const struct rules *r, size_t t)
{
	return t < r->spec.n_prov ? &r->spec.prov[t] : &r->spec.pools[t - r->spec.n_prov];
}

/* A relay host name that names provider p (its own relays, then its
 * pools'): a listed name, or one of a suffix's or a '*' pattern's names
 * ("mx.mail.ru" for ".mail.ru"), checked by the lookup itself; else NULL
 * and *domain one of its domains (NULL if none). For `rules check`: a
 * "scope = own" rule's examples are read as from its provider's servers. */
static char *own_host(const struct rules *r, size_t p, const char **domain)
{
	*domain = NULL;
	for (size_t t = 0; t < r->ntgt; t++) {
		const struct provider_spec *ps = target_spec(r, t);
		if (r->tgt[t].prov != p)
			continue;
		if (*domain == NULL && ps->n_domains > 0)
			*domain = ps->domains[0];
		for (size_t j = 0; j < ps->n_relays; j++) {
			const char *h = ps->relays[j];
			size_t n = strlen(h), tt;
			char *name = xmalloc(n + 3);
			snprintf(name, n + 3, "%s%s", h[0] == '.' ? "mx" : "", h);
			for (char *star = name; (star = strchr(star, '*')) != NULL;)
				*star = 'x';
			if (provider_index(r, NULL, str_cstr(name), &tt) == BY_RELAY && r->tgt[tt].prov == p)
				return name;
			free(name);
		}
	}
	return NULL;
}

/* "sending_ip = none" against a rule that names one: its (?<ip>) group, an
 * example_ip, an advice that would print it ({ip} would read ""). Returns
 * -1 when there is any. */
static int no_ip_conflict(const struct rule *ru, const char *file, int line, struct errlist *e)
{
	int bad = 0;
	if (ru->ip_group > 0 && (bad = 1))
		errlist_add(e, file, line, "sending_ip = none: rule '%s' captures (?<ip>...)", ru->info.id);
	if (ru->info.advice && strstr(ru->info.advice, "{ip}") && (bad = 1))
		errlist_add(e, file, line, "sending_ip = none: the advice of rule '%s' names {ip}", ru->info.id);
	for (size_t k = 0; k < ru->info.n_examples; k++)
		if (ru->info.examples[k].ip && (bad = 1))
			errlist_add(e, file, ru->info.examples[k].line, "example_ip: rule '%s' says sending_ip = none",
				    ru->info.id);
	return bad ? -1 : 0;
}

static int build_rule(struct rules *r, size_t i, uint32_t *max_cap, struct errlist *e)
{
	const struct rule_spec *sp = &r->spec.rules[i];
	struct rule *ru = &r->rule[i];
	const char *file = r->spec.files[sp->file];
	int bad = 0;
	ru->seq = i;
	ru->generic = is_generic(sp->provider);
	ru->info = (struct rule_info){
		.id = sp->id, .provider = sp->provider ? sp->provider : "generic",
		.category = sp->category, .description = sp->description, .advice = sp->advice,
		.file = file, .block = sp->block, .line = sp->line, .match_line = sp->match_line,
		.priority = sp->priority >= 0 ? sp->priority : ru->generic ? PRIO_GENERIC : PRIO_PROVIDER,
		.examples = sp->ex, .n_examples = sp->n_ex,
		.status_mask = sp->status_mask, .blocklist = sp->blocklist, .stage_mask = sp->stage_mask,
		.no_sending_ip = sp->no_sending_ip, .tie_break = sp->tie_break,
	};
	if (ru->info.status_mask == 0)
		for (int s = 0; s < DS__COUNT; s++)
			if (delivery_needs_verdict((enum delivery_status)s))
				ru->info.status_mask |= 1u << s;
	if (sp->match == NULL && (bad = 1))
		errlist_add(e, file, sp->line, "rule '%s' has no match", sp->id);
	if (sp->category == NULL && (bad = 1))
		errlist_add(e, file, sp->line, "rule '%s' has no category", sp->id);
	size_t pi;
	ru->gate = -1;
	if (!ru->generic && strmap_get(&r->prov_ids, sp->provider, strlen(sp->provider), &pi)) {
		if (r->tgt[pi].receives)
			ru->gate = (long)pi;
	} else if (!ru->generic && r->spec.have_providers && (bad = 1)) {
		errlist_add(e, file, sp->provider_line, "unknown provider '%s' (not in %s)",
			    sp->provider, r->spec.providers_file);
	}
	if (sp->tie_break && (sp->block || (sp->category && (strcmp(sp->category, "ptr") == 0 ||
							       strcmp(sp->category, "auth") == 0))) && (bad = 1))
		errlist_add(e, file, sp->tie_break_line, "tie_break = yes: only for a rule that says block = no "
			    "of a category other than ptr and auth");
	if (sp->own_only && ru->gate < 0 && (bad = 1))
		errlist_add(e, file, sp->scope_line, "scope = own: provider '%s' receives no mail (no domains "
			    "or relays in providers.conf)", ru->info.provider);
	else if (sp->own_only)
		ru->info.own_relay = ru->own_relay = own_host(r, (size_t)ru->gate, &ru->info.own_domain);
	ru->info.own_only = sp->own_only;
	if (sp->blocklist && r->spec.have_lists &&
	    !strmap_get(&r->list_ids, sp->blocklist, strlen(sp->blocklist), &pi) && (bad = 1))
		errlist_add(e, file, sp->blocklist_line, "unknown block list '%s' (not in %s)",
			    sp->blocklist, r->spec.lists_file);
	if (sp->match && compile_rule(ru, sp, file, max_cap, e) < 0)
		bad = 1;
	ru->info.has_ip_group = ru->ip_group > 0;
	if (sp->no_sending_ip && no_ip_conflict(ru, file, sp->sending_ip_line, e) < 0)
		bad = 1;
	return bad ? -1 : 0;
}

/* ---- matching ---- */

/* Copies the (?<ip>) capture into out (NUL-terminated, cut to outsz);
 * returns its length, or -1 when the group did not take part. */
static long group_capture(const struct rules *r, uint32_t g, const char *s, char *out, size_t outsz)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(r->md);
	size_t a, b, n;
	out[0] = '\0';
	if (g == 0 || ov[2 * g] == PCRE2_UNSET)
		return -1;
	a = ov[2 * g];
	b = ov[2 * g + 1];
	n = b - a < outsz ? b - a : outsz - 1;
	memcpy(out, s + a, n);
	out[n] = '\0';
	return (long)(b - a);
}

static int is_ip(const char *s, size_t len)
{
	unsigned char buf[16];
	return len < VERDICT_IP_MAX && strlen(s) == len &&
	       (inet_pton(AF_INET, s, buf) == 1 || inet_pton(AF_INET6, s, buf) == 1);
}

static int run_code(const pcre2_code *re, int jit, const char *s, size_t n, pcre2_match_data *md,
		    pcre2_match_context *ctx)
{
	if (jit)
		return pcre2_jit_match(re, (PCRE2_SPTR)s, n, 0, 0, md, ctx);
	return pcre2_match(re, (PCRE2_SPTR)s, n, 0, 0, md, ctx);
}

/* Whether the match in md starts before the first '\n' of s, where a
 * pattern's "^.*?" that does not cross a line could reach it. */
static int before_newline(const char *s, pcre2_match_data *md)
{
	return memchr(s, '\n', pcre2_get_ovector_pointer(md)[0]) == NULL;
}

/* Whether rule ru's forbidden words are in s (n bytes) where its pattern's
 * ".*?" reaches them: 1, 0, or PCRE2's error (a limit). Its words one by
 * one when it has them, else the alternation (rxparts.h). */
static int forbidden(struct rules *r, const struct rule *ru, const char *s, size_t n)
{
	size_t k = 0;
	do {
		struct word *w = ru->word ? &ru->word[k] : NULL;
		if (w && w->jit == 0 && !r->loading)
			w->jit = pcre2_jit_compile(w->code, PCRE2_JIT_COMPLETE) == 0 ? 1 : -1;
		int f = run_code(w ? w->code : ru->forbid, w ? w->jit == 1 : ru->fjit, s, n, r->gmd, r->mctx);
		if (f >= 0 && (ru->dot_all || before_newline(s, r->gmd)))
			return 1;
		if (f < 0 && f != PCRE2_ERROR_NOMATCH)
			return f;
	} while (++k < ru->nword);
	return 0;
}

/* sg: the stage the reply answered; attributed: the provider index the
 * relay or domain names, -1 if none; start_max: no match starts after it
 * (SIZE_MAX: not known). */
static enum rule_try match_rule(struct rules *r, const struct rule *ru, enum delivery_status st,
				enum delivery_stage sg, long attributed, const char *s, size_t n, size_t start_max)
{
	pcre2_match_context *ctx = r->mctx;
	int rc;
	if (!(ru->info.status_mask & (1u << st)))
		return RULE_SKIP_STATUS;
	if (ru->info.stage_mask && sg != STAGE_NONE && !(ru->info.stage_mask & (1u << sg)))
		return RULE_SKIP_STAGE;
	if (ru->gate >= 0 && attributed >= 0 && ru->gate != attributed)
		return RULE_SKIP_PROVIDER;
	if (ru->info.own_only && attributed != ru->gate)
		return RULE_SKIP_SCOPE;
	if (n < ru->minlen)
		return RULE_SKIP_PREFILTER;
	if (n > 0 && !(ru->first[(unsigned char)s[0] >> 3] & (1u << ((unsigned char)s[0] & 7))))
		return RULE_SKIP_PREFILTER;
	if (start_max < n) {	/* the offsets after it need not be tried */
		pcre2_set_offset_limit(r->lctx, start_max);
		ctx = r->lctx;
	}
	rc = run_code(ru->re, ru->jit, s, n, r->md, ctx);
	if (rc >= 0 && ru->body_any && !ru->dot_all && before_newline(s, r->md) == 0)
		rc = PCRE2_ERROR_NOMATCH;
	if (rc >= 0 && (ru->forbid || ru->word)) {	/* the body took the reply: its guard's words */
		int f = forbidden(r, ru, s, n);
		if (f > 0)
			rc = PCRE2_ERROR_NOMATCH;
		else if (f < 0)
			rc = f;
	}
	if (rc >= 0 && ru->guard)
		rc = run_code(ru->guard, ru->gjit, s, n, r->gmd, r->mctx);
	if (rc == PCRE2_ERROR_NOMATCH)
		return RULE_NOMATCH;
	if (rc < 0) {
		r->limit_hits++;
		return RULE_LIMIT;
	}
	return RULE_MATCH;
}

static struct str subject_of(const struct delivery *d)
{
	struct str s = d->reply.len > 0 ? d->reply : d->detail;
	if (s.p == NULL)
		s = STR_LIT("");
	return s;
}

/* Room for n + 1 bytes in *buf (capacity *cap), doubling as it grows. */
static void room(char **buf, size_t *cap, size_t n)
{
	if (n >= *cap) {
		*cap = n + 1 > 2 * *cap ? n + 1 : 2 * *cap;
		*buf = xrealloc(*buf, *cap);
	}
}

/* Whether s writes the unspecified address "0.0.0.0" itself, not as a part
 * of a longer number or dotted run ("10.0.0.0/8", "0.0.0.01", "1.0.0.0.0"). */
static int writes_unspecified(struct str s)
{
	const char *p = s.p, *end = s.p + s.len;
	while (end - p >= 7 && (p = memmem(p, (size_t)(end - p), "0.0.0.0", 7)) != NULL) {
		const char *e = p + 7;
		if ((p == s.p || (!isdigit((unsigned char)p[-1]) && p[-1] != '.')) &&
		    (e == end || (!isdigit((unsigned char)e[0]) &&
				  !(e[0] == '.' && e + 1 < end && isdigit((unsigned char)e[1])))))
			return 1;
		p++;
	}
	return 0;
}

/* Whether ip, captured from the text the rules match, stands for a masked
 * address (reply_paste.h reads one as 0.0.0.0): not known, never named. A
 * "0.0.0.0" the reply itself writes is taken as before. */
static int masked_ip(const char *ip, const struct delivery *d)
{
	return strcmp(ip, "0.0.0.0") == 0 && !writes_unspecified(subject_of(d));
}

/* The text the rules match: p[0..n) read as the server wrote it
 * (reply_paste.h), without its frame (reply_frame.h), joined
 * (reply_join.h), its blanks squeezed; in r->subj or r->paste until the
 * next call, or a part of p itself when no step can change it. */
static struct str join_text(struct rules *r, const char *p, size_t n)
{
	size_t off, at = reply_paste_at(p, n);
	int join;
	if (at < n) {	/* in its own buffer: reply_join's output may not overlap its input */
		room(&r->paste, &r->pastecap, n);
		n = reply_paste_from(p, n, at, r->paste);
		p = r->paste;
	}
	at = 0;
	n = reply_unframe(p, n, &off);
	p += off;
	join = reply_join_needed(p, n);
	if (!join && (at = reply_squeeze_at(p, n)) == n)
		return (struct str){ .p = p, .len = n };
	room(&r->subj, &r->subjcap, n);
	if (join) {
		n = reply_join(p, n, r->subj);
		p = r->subj;
		at = reply_squeeze_at(p, n);
	}
	n = reply_squeeze_from(p, n, at, r->subj);
	return (struct str){ .p = r->subj, .len = n };
}

static struct str match_subject(struct rules *r, const struct delivery *d)
{
	struct str s = subject_of(d);
	return join_text(r, s.p, s.len);
}

struct str rules_subject(struct rules *r, const struct delivery *d)
{
	return match_subject(r, d);
}

/* Whether s[b, e) is enclosed as providers write their codes: "(x)", "[x]". */
static int enclosed(struct str s, size_t b, size_t e)
{
	return b > 0 && e < s.len && ((s.p[b - 1] == '(' && s.p[e] == ')') || (s.p[b - 1] == '[' && s.p[e] == ']'));
}

/* Whether p[0, len) is a code's number: a digit, then letters and digits. */
static int code_number(const char *p, size_t len)
{
	if (len == 0 || !isdigit((unsigned char)p[0]))
		return 0;
	for (size_t i = 1; i < len; i++)
		if (!isalnum((unsigned char)p[i]))
			return 0;
	return 1;
}

/* Whether p[0, len) is the tail of an underscore code: digits, then '_',
 * then letters, digits and '_' with a digit among them ("004_104" of
 * "OFR004_104", "_IN_101" of "SFR_IN_101"). */
static int code_tail(const char *p, size_t len)
{
	size_t i = 0;
	int digit = 0;
	while (i < len && isdigit((unsigned char)p[i]))
		i++;
	if (i == len || p[i] != '_')
		return 0;
	for (i++; i < len; i++) {
		if (!isalnum((unsigned char)p[i]) && p[i] != '_')
			return 0;
		digit |= isdigit((unsigned char)p[i]) != 0;
	}
	return digit;
}

/* The target of the numbered sign ("as#" in providers.conf) that token tk
 * of s begins: its letters and a number (a digit, then letters and
 * digits), in parentheses or brackets as providers write their codes:
 * "(AS3130)", "AS(1440)", "[BL23]", "(G1C)"; or of the underscore sign
 * ("ofr_#") that tk is, enclosed or not: its letters and a code_tail,
 * "OFR_506", "OFR004_104". low is tk in lower case. -1 if none. */
static long numbered_sign(const struct rules *r, struct str s, const struct reply_token *tk, const char *low)
{
	char key[DELIVERY_DOMAIN_MAX];
	size_t off = (size_t)(tk->p - s.p), end = off + tk->len, n = 0, d, t;
	while (n < tk->len && isalpha((unsigned char)low[n]))
		n++;
	if (n == 0 || n + 1 >= sizeof key)
		return -1;
	if (n < tk->len && code_tail(low + n, tk->len - n)) {	/* "OFR004_104"; n + 2 <= tk->len */
		memcpy(key, low, n);
		memcpy(key + n, "_#", 2);
		return strmap_get(&r->signs, key, n + 2, &t) ? (long)t : -1;
	}
	if (n < tk->len) {	/* "(AS3130)": letters and number enclosed together */
		if (!code_number(low + n, tk->len - n) || !enclosed(s, off, end))
			return -1;
	} else {		/* "AS(1440)": letters, then the number enclosed */
		if (end >= s.len)
			return -1;
		for (d = end + 1; d < s.len && isalnum((unsigned char)s.p[d]); d++)
			;
		if (!code_number(s.p + end + 1, d - end - 1) || !enclosed(s, end + 1, d))
			return -1;
	}
	memcpy(key, low, n);
	key[n] = '#';
	return strmap_get(&r->signs, key, n + 1, &t) ? (long)t : -1;
}

/* Whether the words of phrase sign rest ("e#", "failure+to") follow s at
 * offset at, each after blanks only: a word the token as a whole, a code
 * ("e#") its letters and a number (a digit, then letters and digits). */
static int phrase_follows(struct str s, size_t at, const char *rest)
{
	struct reply_token tk;
	while (*rest) {
		size_t n = strcspn(rest, "+"), pos = at, b = at;
		if (n == 0)
			return 0;	/* an empty word: the parser refuses it, never matched */
		while (b < s.len && (s.p[b] == ' ' || s.p[b] == '\t'))
			b++;
		if (b == at || !reply_token_next(s.p, s.len, &pos, &tk) || tk.p != s.p + b)
			return 0;
		if (rest[n - 1] == '#') {
			if (tk.len < n || strncasecmp(tk.p, rest, n - 1) != 0 ||
			    !code_number(tk.p + n - 1, tk.len - n + 1))
				return 0;
		} else if (tk.len != n || strncasecmp(tk.p, rest, n) != 0) {
			return 0;
		}
		at = b + tk.len;
		rest += rest[n] == '+' ? n + 1 : n;
	}
	return 1;
}

/* The target of the first phrase sign of index h or after it in its
 * chain (those of one first word: token tk of s) whose other words follow
 * tk; -1 if none. */
static long phrase_sign(const struct rules *r, struct str s, const struct reply_token *tk, size_t h)
{
	for (; h != SIZE_MAX; h = r->phrase[h].next)
		if (phrase_follows(s, (size_t)(tk->p - s.p) + tk->len, r->phrase[h].rest))
			return (long)r->phrase[h].tgt;
	return -1;
}

/* Whether a sign of target t names it on d's line: not a self-hosted
 * provider's on a line with a relay host (rules.h, SELF-HOSTED). */
static int sign_names(const struct rules *r, const struct delivery *d, size_t t)
{
	return !(r->spec.prov[r->tgt[t].prov].selfhosted && d->relay_host.len > 0);
}

/* The target a sign that token tk of s (low: tk in lower case) is or begins
 * names on d's line, -1 if none. Each kind is tried in turn, a signature
 * word, a numbered sign, a phrase: one that names nothing on this line (a
 * self-hosted provider's, sign_names) leaves the next its chance. */
static long token_sign(const struct rules *r, const struct delivery *d, struct str s,
		       const struct reply_token *tk, const char *low)
{
	size_t t;
	long c;
	int found = strmap_get(&r->signs, low, tk->len, &t);
	if (found && t < r->ntgt && sign_names(r, d, t))
		return (long)t;
	if ((c = numbered_sign(r, s, tk, low)) >= 0 && sign_names(r, d, (size_t)c))
		return c;
	if (found && t >= r->ntgt && (c = phrase_sign(r, s, tk, t - r->ntgt)) >= 0 && sign_names(r, d, (size_t)c))
		return c;
	return -1;
}

/* The target the reply's own words name (rules.h, THE REPLY'S WORDS) when
 * the line has no relay host name: its first signature word, else its
 * first relay host name (not the client's), else, when the line has no
 * recipient domain, the domain of its first address that providers.conf
 * lists (*by_address set); -1 if none. */
static long words_target(const struct rules *r, const struct delivery *d, struct str s, int *by_address)
{
	struct reply_token tk;
	size_t pos = 0, t;
	long addr = -1, host = -1;
	char low[DELIVERY_DOMAIN_MAX];
	if (regdom_of(d->relay_host.p, d->relay_host.len, low, sizeof low))
		return -1;	/* a receiver providers.conf does not name: its own pool */
	while (reply_token_next(s.p, s.len, &pos, &tk)) {
		if (tk.len >= sizeof low || tk.client || (tk.address && (addr >= 0 || d->rcpt_domain[0])))
			continue;	/* the client's own name says nothing of the receiver */
		for (size_t i = 0; i < tk.len; i++)
			low[i] = (char)tolower((unsigned char)tk.p[i]);
		low[tk.len] = '\0';
		if (!tk.name) {
			long c = token_sign(r, d, s, &tk, low);
			if (c >= 0)
				return c;
		} else if (tk.address) {
			if (provider_index(r, low, STR_LIT(""), &t))
				addr = (long)t;
		} else if (host < 0 && provider_index(r, NULL, (struct str){ .p = low, .len = tk.len }, &t)) {
			host = (long)t;	/* a sign further on still decides: a name may be quoted */
		}
	}
	if (host >= 0)
		return host;
	*by_address = addr >= 0;
	return addr;
}

/* The target the relay or domain names (*by BY_RELAY, BY_DOMAIN), else,
 * for a reply that needs a verdict, the one its words name (BY_WORDS, or
 * BY_ADDRESS for an address in them); -1 and *by 0 if none. */
static long target_of(const struct rules *r, const struct delivery *d, int *by)
{
	size_t t;
	long w;
	int addr = 0;
	if ((*by = provider_index(r, d->rcpt_domain, d->relay_host, &t)) != 0)
		return (long)t;
	if (!delivery_needs_verdict(d->status) || (w = words_target(r, d, subject_of(d), &addr)) < 0)
		return -1;
	*by = addr ? BY_ADDRESS : BY_WORDS;
	return w;
}

/* The provider index that gates the rules (rules.h, PROVIDER GATE): the
 * one the relay, domain or words name, -1 if none. An address in the
 * reply does not gate: it may be the sender's ("Relaying disallowed as
 * user@gmail.com", Zoho's), and a receiver's own wording says more. */
static long gate_of(long pi, int by)
{
	return by == BY_ADDRESS ? -1 : pi;
}

static long attributed(const struct rules *r, const struct delivery *d)
{
	int by;
	long t = target_of(r, d, &by);
	return t < 0 ? -1 : gate_of((long)r->tgt[t].prov, by);
}

enum rule_try rules_try(struct rules *r, size_t i, const struct delivery *d, char ip[VERDICT_IP_MAX])
{
	long pi = attributed(r, d);
	struct str s = match_subject(r, d);
	enum rule_try rc;
	if (i >= r->n)
		return RULE_NOMATCH;
	ip[0] = '\0';
	rc = match_rule(r, &r->rule[i], d->status, d->stage, pi, s.p, s.len, SIZE_MAX);
	if (rc == RULE_MATCH) {
		long n = group_capture(r, r->rule[i].ip_group, s.p, ip, VERDICT_IP_MAX);
		if (n < 0 || !is_ip(ip, (size_t)n))
			ip[0] = '\0';
	}
	return rc;
}

/* Advice with "{ip}" replaced by ip, in r->advice when it had one. */
static const char *expand_advice(struct rules *r, const char *text, const char *ip)
{
	const char *p = text, *hit;
	size_t o = 0, iplen = strlen(ip);
	if (text == NULL || strchr(text, '{') == NULL || strstr(text, "{ip}") == NULL)
		return text;	/* most advice has no brace: strchr is the cheap test */
	while ((hit = strstr(p, "{ip}")) != NULL) {
		size_t n = (size_t)(hit - p);
		if (o + n + iplen >= sizeof r->advice)
			break;
		memcpy(r->advice + o, p, n);
		memcpy(r->advice + o + n, ip, iplen);
		o += n + iplen;
		p = hit + 4;
	}
	str_put(r->advice + o, sizeof r->advice - o, str_cstr(p));
	return r->advice;
}

static const char *provider_advice(const struct rules *r, const char *provider)
{
	size_t i;
	if (provider && strmap_get(&r->prov_ids, provider, strlen(provider), &i))
		return r->spec.prov[i].advice;
	return NULL;
}

static const char *list_advice(const struct rules *r, const char *id)
{
	const char *name, *advice;
	return rules_blocklist_info(r, id, &name, &advice) ? advice : NULL;
}

/* The rule's list, else the list of the (?<zone>) it captured. */
static void verdict_blocklist(const struct rules *r, const struct rule *ru, const char *s, struct verdict *v)
{
	char zone[VERDICT_BL_MAX];
	long n;
	if (ru->info.blocklist) {
		str_put(v->blocklist, sizeof v->blocklist, str_cstr(ru->info.blocklist));
		return;
	}
	n = group_capture(r, ru->zone_group, s, zone, sizeof zone);
	if (n <= 0 || (size_t)n >= sizeof zone)
		return;
	for (long i = 0; i < n; i++)
		zone[i] = (char)tolower((unsigned char)zone[i]);
	while (n > 0 && zone[n - 1] == '.')
		zone[--n] = '\0';
	if (n > 0)
		zone_list(r, zone, v->blocklist, sizeof v->blocklist);
}

/* The pool of a receiver providers.conf does not name (rules.h, OWN POOL):
 * the relay host's registered domain (in r->own_pool), else the recipient
 * domain. */
static const char *own_pool(struct rules *r, const struct delivery *d)
{
	if (regdom_of(d->relay_host.p, d->relay_host.len, r->own_pool, sizeof r->own_pool))
		return r->own_pool;
	return d->rcpt_domain[0] ? d->rcpt_domain : NULL;
}

/* The gateway a relay host is named after (rules.h, GATEWAYS: its first
 * label begins with one of the gateway's "appliances" words, as in
 * ironport2.example.org), -1 if none. Only for a relay host name with a
 * registered domain that providers.conf does not name. */
static long appliance_of(const struct rules *r, struct str relay)
{
	size_t label = 0;
	while (label < relay.len && relay.p[label] != '.')
		label++;
	for (size_t i = 0; i < r->nappl; i++)
		if (r->appl[i].len <= label && strncasecmp(relay.p, r->appl[i].word, r->appl[i].len) == 0)
			return (long)r->appl[i].prov;
	return -1;
}

/* Whether rule ru's provider is an on-premises gateway (rules.h, GATEWAYS). */
static int is_gateway(const struct rules *r, const struct rule *ru)
{
	return ru->gate >= 0 && r->spec.prov[ru->gate].gateway;
}

/* Whether rule ru, of a receiving provider, matched a reply its provider's
 * relays did not write: the line names the relay by a DNS name (an MX
 * host), and not one of ru's provider's (relay_t: the target the relay host
 * names, -1 if none). A gateway's wording from a relay
 * that providers.conf does not name is the gateway's own (GATEWAYS). A
 * self-hosted provider's wording from any relay host that neither the
 * relay nor the domain names as its own (pi: the provider they or the
 * words name) is that relay's (SELF-HOSTED). */
static int foreign_reply(struct rules *r, const struct rule *ru, const struct delivery *d, long pi, long relay_t)
{
	if (ru->gate >= 0 && r->spec.prov[ru->gate].selfhosted && d->relay_host.len > 0 && relay_t < 0 &&
	    pi != ru->gate)
		return 1;
	if (ru->gate < 0 || (relay_t < 0 ? is_gateway(r, ru) : (long)r->tgt[relay_t].prov == ru->gate))
		return 0;
	return regdom_of(d->relay_host.p, d->relay_host.len, r->own_pool, sizeof r->own_pool);	/* a DNS name */
}

/* Provider and pool of v once rule ru matched (rules.h, ATTRIBUTION);
 * pi: the provider the relay or domain names, -1 if none; relay_t: the
 * target the relay host alone names, -1 if none. */
static void attribute(struct rules *r, const struct rule *ru, const struct delivery *d, long pi,
		      long relay_t, struct verdict *v)
{
	if (foreign_reply(r, ru, d, pi, relay_t)) {
		v->foreign = 1;
		v->worded_as = ru->info.provider;
		v->provider = NULL;
		v->pool = own_pool(r, d);
		v->pool_listed = 0;
		snprintf(r->advice, sizeof r->advice, "Worded like %s's refusals, but the relay is not "
			 "one of %s's: the relay's own operator refused (see its pool); %s's delisting "
			 "does not apply.", v->worded_as, v->worded_as, v->worded_as);
		v->advice = r->advice;
		return;
	}
	if (ru->generic || (pi >= 0 && strcmp(ru->info.provider, v->provider) == 0))
		return;
	v->provider = ru->info.provider;	/* a block list, or no attribution */
	if (is_gateway(r, ru) &&		/* a gateway at a customer's relay: the customer's pool */
	    regdom_of(d->relay_host.p, d->relay_host.len, r->own_pool, sizeof r->own_pool)) {
		v->pool = r->own_pool;
		v->pool_listed = 0;
	} else if (ru->gate >= 0) {		/* a receiver's wording, no relay host: its pool */
		v->pool = ru->info.provider;
		v->pool_listed = 1;
	} else if (pi < 0) {			/* a block list: the pool stays the receiver's */
		v->pool = own_pool(r, d);
	}
}

/* How far in a match of rule i can start, after the last scan (litfilter.h:
 * its literals' last window, plus its longest look-behind); SIZE_MAX when
 * not known. */
static size_t match_start_max(const struct rules *r, size_t i)
{
	size_t at = r->prefilter && !r->rule[i].lit_ahead ? litfilter_start_max(r->lf, i) : SIZE_MAX;
	return at > SIZE_MAX - r->rule[i].lookbehind ? SIZE_MAX : at + r->rule[i].lookbehind;
}

/* The first rule at or after i to try: every one, or with the prefilter
 * the candidates of the last scan. */
static size_t next_rule(const struct rules *r, size_t i)
{
	return r->prefilter ? litfilter_next(r->lf, i) : i;
}

int rules_classify(struct rules *r, const struct delivery *d, struct verdict *v)
{
	struct str s;
	int by;
	long t = target_of(r, d, &by), pi = t < 0 ? -1 : (long)r->tgt[t].prov, g;
	memset(v, 0, sizeof *v);
	if (pi >= 0) {
		v->provider = r->spec.prov[pi].id;
		v->pool = r->tgt[t].pool;
		v->pool_listed = 1;
	} else if ((g = appliance_of(r, d->relay_host)) >= 0 &&
		   regdom_of(d->relay_host.p, d->relay_host.len, r->own_pool, sizeof r->own_pool)) {
		v->provider = r->spec.prov[g].id;	/* a customer's gateway: its pool */
		v->pool = r->own_pool;
	}
	if (!delivery_needs_verdict(d->status))
		return 0;
	s = match_subject(r, d);
	if (r->prefilter)	/* rules whose literal is not in the reply cannot match */
		litfilter_scan(r->lf, s.p, s.len);
	for (size_t i = next_rule(r, 0); i < r->n; i = next_rule(r, i + 1)) {
		const struct rule *ru = &r->rule[i];
		long n;
		if (match_rule(r, ru, d->status, d->stage, gate_of(pi, by), s.p, s.len, match_start_max(r, i)) !=
		    RULE_MATCH)
			continue;
		v->rule_id = ru->info.id;
		v->category = ru->info.category;
		v->block = ru->info.block;
		v->tie_break = ru->info.tie_break;
		attribute(r, ru, d, pi, by == BY_RELAY ? t : -1, v);
		if (by == BY_ADDRESS && ru->generic && strcmp(v->category, "relay-denied") == 0) {
			v->provider = v->pool = NULL;	/* a server that will not relay to the */
			v->pool_listed = 0;		/* address is not its domain's receiver */
		}
		n = group_capture(r, ru->ip_group, s.p, v->sending_ip, sizeof v->sending_ip);
		if (n < 0 || !is_ip(v->sending_ip, (size_t)n) || masked_ip(v->sending_ip, d))
			v->sending_ip[0] = '\0';
		if (v->sending_ip[0] == '\0' && !ru->info.no_sending_ip && d->relay_ip.len < VERDICT_IP_MAX) {
			char relay[VERDICT_IP_MAX];
			memcpy(relay, d->relay_ip.p ? d->relay_ip.p : "", d->relay_ip.len);
			relay[d->relay_ip.len] = '\0';
			reply_ip_find(s.p, s.len, relay, (const char *const *)r->prefer, r->nprefer,
				      v->sending_ip, sizeof v->sending_ip);
		}
		verdict_blocklist(r, ru, s.p, v);
		if (!v->foreign)
			v->advice = expand_advice(r, ru->info.advice ? ru->info.advice
						  : v->blocklist[0] ? list_advice(r, v->blocklist)
						  : provider_advice(r, v->provider), v->sending_ip);
		return 1;
	}
	return 0;
}

/* ---- loading ---- */

/* Each example must be matched by its own rule, capturing example_ip. */
static void check_examples(struct rules *r, const struct rule *ru, struct errlist *e)
{
	enum delivery_status st = DS_BOUNCED;
	while (!(ru->info.status_mask & (1u << st)))
		st = (enum delivery_status)((st + 1) % DS__COUNT);
	for (size_t k = 0; k < ru->info.n_examples; k++) {
		const struct rule_example *x = &ru->info.examples[k];
		char got[VERDICT_IP_MAX];
		long n;
		struct str s = join_text(r, x->text, strlen(x->text));
		enum rule_try rc = match_rule(r, ru, st, STAGE_NONE, ru->info.own_only ? ru->gate : -1, s.p, s.len,
					      SIZE_MAX);
		if (rc == RULE_LIMIT) {
			errlist_add(e, ru->info.file, x->line, "example hits the PCRE2 match limit");
			continue;
		}
		if (rc != RULE_MATCH) {
			errlist_add(e, ru->info.file, x->line, "example is not matched by rule '%s'", ru->info.id);
			continue;
		}
		if (ru->info.no_sending_ip)	/* an example_ip there is reported once, by build_rule */
			continue;
		n = group_capture(r, ru->ip_group, s.p, got, sizeof got);
		if (ru->ip_group == 0)	/* the reply's own IP literal, as rules_classify takes it */
			n = reply_ip_find(s.p, s.len, NULL, NULL, 0, got, sizeof got) ? (long)strlen(got) : -1;
		if (x->ip && n < 0)
			errlist_add(e, ru->info.file, x->line, "rule '%s' finds no IP for example_ip", ru->info.id);
		else if (x->ip && strcmp(got, x->ip) != 0)
			errlist_add(e, ru->info.file, x->line, "example: ip captured '%s', example_ip is '%s'",
				    got, x->ip);
		else if (n >= 0 && !is_ip(got, (size_t)n))
			errlist_add(e, ru->info.file, x->line, "example: ip group captured '%s', not an IP address", got);
	}
}

static int cmp_rule(const void *a, const void *b)
{
	const struct rule *x = a, *y = b;
	if (x->info.priority != y->info.priority)
		return x->info.priority < y->info.priority ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Copies whole lines of the error list into err, noting how many did not fit. */
static void report_errors(const struct errlist *e, char *err, size_t errlen)
{
	size_t used = 0;
	unsigned shown = 0;
	const char *p = e->buf, *end = e->buf + e->len;
	if (errlen == 0)
		return;
	err[0] = '\0';
	while (p && p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		if (used + n + 1 + 40 > errlen && shown > 0)
			break;
		used += (size_t)snprintf(err + used, errlen - used, "%s%.*s", shown ? "\n" : "", (int)n, p);
		if (used >= errlen)
			return;
		shown++;
		p += n + 1;
	}
	if (shown < e->count)
		snprintf(err + used, errlen - used, "\n... and %u more", e->count - shown);
}

static void make_match_state(struct rules *r, uint32_t max_cap, struct errlist *e)
{
	r->md = pcre2_match_data_create(max_cap, NULL);
	r->gmd = pcre2_match_data_create(1, NULL);
	r->mctx = pcre2_match_context_create(NULL);
	r->jstack = pcre2_jit_stack_create(JIT_STACK_MIN, JIT_STACK_MAX, NULL);
	if (r->md == NULL || r->gmd == NULL || r->mctx == NULL || r->jstack == NULL) {
		errlist_add(e, "pcre2", 0, "out of memory");
		return;
	}
	pcre2_set_match_limit(r->mctx, MATCH_LIMIT);
	pcre2_set_depth_limit(r->mctx, DEPTH_LIMIT);
	pcre2_jit_stack_assign(r->mctx, NULL, r->jstack);
	if ((r->lctx = pcre2_match_context_copy(r->mctx)) == NULL)
		errlist_add(e, "pcre2", 0, "out of memory");
}

/* The prefilter (litfilter.h) over the rules in their order: each rule's
 * required literals, consumed or read by look-aheads, whichever fewer of
 * the rules' examples hold (the sample of replies the index is filed by). */
static void make_prefilter(struct rules *r)
{
	size_t nx = 0, nl = 0;	/* the rules' examples: the prefilter's sample of replies */
	for (size_t i = 0; i < r->n; i++)
		nx += r->rule[i].info.n_examples;
	const char **sample = xcalloc(nx ? nx : 1, sizeof *sample);
	const char **pats = xcalloc(r->n ? r->n : 1, sizeof *pats);
	struct litfilter_pick *pick = xcalloc(r->n ? r->n : 1, sizeof *pick);
	nx = 0;
	for (size_t i = 0; i < r->n; i++) {
		for (size_t k = 0; k < r->rule[i].info.n_examples; k++)
			sample[nx++] = r->rule[i].info.examples[k].text;
		pats[i] = r->rule[i].re ? r->spec.rules[r->rule[i].seq].match : NULL;
	}
	litfilter_required_rarest(pats, r->n, sample, nx, pick);
	for (size_t i = 0; i < r->n; i++) {
		memcpy(r->rule[i].lit, pick[i].lit, pick[i].n * sizeof *pick[i].lit);
		r->rule[i].nlit = pick[i].n;
		r->rule[i].lit_ahead = pick[i].ahead;
		nl += pick[i].n;
	}
	free(pick);
	free(pats);
	const char **lits = xcalloc(nl ? nl : 1, sizeof *lits);
	size_t *rule_of = xcalloc(nl ? nl : 1, sizeof *rule_of);
	nl = 0;
	for (size_t i = 0; i < r->n; i++)
		for (size_t k = 0; k < r->rule[i].nlit; k++) {
			lits[nl] = r->rule[i].lit[k];
			rule_of[nl++] = i;
		}
	r->lf = litfilter_new_sampled(lits, rule_of, nl, r->n, sample, nx);
	r->prefilter = 1;
	free(sample);
	free(lits);
	free(rule_of);
}

struct rules *rules_load(const char *dir, char *err, size_t errlen)
{
	struct rules *r = xcalloc(1, sizeof *r);
	struct errlist e = { 0 };
	uint32_t max_cap = 1;
	int bad = 0;
	rules_spec_read(dir, &r->spec, &e);
	map_hosts(r, &e);
	map_lists(r, &e);
	r->n = r->spec.n_rules;
	r->rule = xcalloc(r->n ? r->n : 1, sizeof *r->rule);
	for (size_t i = 0; i < r->n; i++)
		bad |= build_rule(r, i, &max_cap, &e) < 0;
	make_match_state(r, max_cap, &e);
	r->loading = 1;
	for (size_t i = 0; i < r->n && r->md; i++)
		if (r->rule[i].re)
			check_examples(r, &r->rule[i], &e);
	r->loading = 0;
	qsort(r->rule, r->n, sizeof *r->rule, cmp_rule);
	make_prefilter(r);
	r->limit_hits = 0;
	if (e.count || bad) {
		report_errors(&e, err, errlen);
		errlist_release(&e);
		rules_free(r);
		return NULL;
	}
	errlist_release(&e);
	return r;
}

void rules_prefer_ips(struct rules *r, const char *const *ips, size_t n)
{
	for (size_t i = 0; i < r->nprefer; i++)
		free(r->prefer[i]);
	free(r->prefer);
	r->prefer = n ? xcalloc(n, sizeof *r->prefer) : NULL;
	for (size_t i = 0; i < n; i++)
		r->prefer[i] = xstrdup(ips[i]);
	r->nprefer = n;
}

void rules_free(struct rules *r)
{
	if (r == NULL)
		return;
	for (size_t i = 0; i < r->n; i++) {
		pcre2_code_free(r->rule[i].re);
		pcre2_code_free(r->rule[i].guard);
		pcre2_code_free(r->rule[i].forbid);
		free_words(&r->rule[i]);
		for (size_t k = 0; k < r->rule[i].nlit; k++)
			free(r->rule[i].lit[k]);
		free(r->rule[i].own_relay);
	}
	free(r->rule);
	litfilter_free(r->lf);
	pcre2_match_data_free(r->md);
	pcre2_match_data_free(r->gmd);
	pcre2_match_context_free(r->mctx);
	pcre2_match_context_free(r->lctx);
	pcre2_jit_stack_free(r->jstack);
	strmap_release(&r->prov_ids);
	strmap_release(&r->domains);
	strmap_release(&r->relay_exact);
	strmap_release(&r->relay_suffix);
	free(r->wild);
	free(r->appl);
	strmap_release(&r->signs);
	free(r->phrase);
	free(r->tgt);
	free(r->subj);
	free(r->paste);
	strmap_release(&r->list_ids);
	strmap_release(&r->zones);
	rules_prefer_ips(r, NULL, 0);
	rules_spec_release(&r->spec);
	free(r);
}

size_t rules_count(const struct rules *r)
{
	return r->n;
}

const struct rule_info *rules_info(const struct rules *r, size_t i)
{
	return i < r->n ? &r->rule[i].info : NULL;
}

size_t rules_file_count(const struct rules *r)
{
	return r->spec.n_files;
}

unsigned long rules_limit_hits(const struct rules *r)
{
	return r->limit_hits;
}

void rules_set_prefilter(struct rules *r, int on)
{
	r->prefilter = on != 0;
}

const char *rules_literal(const struct rules *r, size_t i, size_t k)
{
	return i < r->n && k < r->rule[i].nlit ? r->rule[i].lit[k] : NULL;
}
