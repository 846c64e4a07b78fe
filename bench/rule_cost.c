/* rule_cost - what each rule costs the classifier
 *
 * usage: rule_cost RULES_DIR REPLIES.tsv [REPETITIONS [RULE_ID]]
 *
 * Classifies every reply of REPLIES.tsv (loggen --replies; replies.h) once
 * with rules_classify(), prefilter on, and records each PCRE2 match call it
 * makes: linked with -Wl,--wrap for pcre2_jit_match_8, pcre2_match_8 and
 * pcre2_set_offset_limit_8, so rules.c is measured as it is, and through
 * its public contract only. A compiled pattern belongs to the rule whose
 * examples reach it through rules_try() (the body, and the guard and the
 * forbidden words a match goes on to). Then each rule's calls are replayed
 * alone, in a row (the same pattern, subject, offset limit, match data and
 * context): under callgrind (bench/rule_cost.sh) every rule's replay is
 * one dump, named by the rule id, whose instruction count is the rule's
 * cost; without valgrind each replay is timed REPETITIONS times (default
 * 5; the least of the thread's CPU time).
 *
 * Prints one line per rule that PCRE2 ran for, tab-separated: rule id,
 * file, priority, the required literals the prefilter reads for it, "|"
 * between them ("-" none: tried on every reply its status, stage and
 * provider allow),
 * calls, calls that matched (the body took the reply, or the guard), ns
 * (0 under valgrind), steps (the least match limit under which PCRE2's
 * interpreter finishes each call, summed: its backtracking work, the same
 * on any machine; 0 under valgrind); then a "#" line with the totals. With RULE_ID, that
 * rule's calls instead, one a line: which of its patterns (1 the body, 2
 * and 3 its forbidden words and guard as first run), matched (1 or 0), the
 * offset limit ("-" none) and the subject (which replies reach a rule, and
 * how far in the prefilter lets it start).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#else				/* no valgrind: times only */
#define RUNNING_ON_VALGRIND 0
#define CALLGRIND_ZERO_STATS
#define CALLGRIND_DUMP_STATS_AT(id) ((void)(id))
#endif
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include "replies.h"
#include "rules.h"
#include "xmalloc.h"

int __real_pcre2_jit_match_8(const pcre2_code *, PCRE2_SPTR, PCRE2_SIZE, PCRE2_SIZE, uint32_t,
			     pcre2_match_data *, pcre2_match_context *);
int __real_pcre2_match_8(const pcre2_code *, PCRE2_SPTR, PCRE2_SIZE, PCRE2_SIZE, uint32_t,
			 pcre2_match_data *, pcre2_match_context *);
int __real_pcre2_set_offset_limit_8(pcre2_match_context *, PCRE2_SIZE);
int __wrap_pcre2_jit_match_8(const pcre2_code *, PCRE2_SPTR, PCRE2_SIZE, PCRE2_SIZE, uint32_t,
			     pcre2_match_data *, pcre2_match_context *);
int __wrap_pcre2_match_8(const pcre2_code *, PCRE2_SPTR, PCRE2_SIZE, PCRE2_SIZE, uint32_t,
			 pcre2_match_data *, pcre2_match_context *);
int __wrap_pcre2_set_offset_limit_8(pcre2_match_context *, PCRE2_SIZE);

/* One PCRE2 call of rules_classify: the subject is text[at .. at + len). */
struct call {
	const pcre2_code *re;
	pcre2_match_data *md;
	pcre2_match_context *ctx;
	PCRE2_SIZE limit;	/* the context's offset limit then, PCRE2_UNSET if none */
	size_t at, len;
	size_t rule;		/* index in precedence order; SIZE_MAX: unknown */
	size_t seq;		/* order made */
	int jit, matched;
};

/* A compiled pattern and the rule it belongs to. */
struct owner {
	const pcre2_code *re;
	size_t rule;
};

/* What the wrappers see; no other state is global. */
static struct {
	enum { IDLE, MAPPING, RECORDING } mode;
	size_t rule;		/* MAPPING: the rule tried */
	struct owner *own;
	size_t nown, capown;
	struct call *call;
	size_t ncall, capcall;
	char *text;		/* the subjects, each copied once */
	size_t ntext, captext;
	const char *last_p;	/* the last subject copied: where it was, how long */
	size_t last_len, last_at;
	pcre2_match_context *limit_ctx;	/* the last context given an offset limit, and that limit */
	PCRE2_SIZE limit;
} st = { .limit = PCRE2_UNSET };

static void seen(const pcre2_code *re, PCRE2_SPTR s, PCRE2_SIZE n, pcre2_match_data *md,
		 pcre2_match_context *ctx, int jit, int rc)
{
	struct call *c;
	if (st.mode == MAPPING) {
		if (st.nown == st.capown) {
			st.capown = st.capown ? 2 * st.capown : 4096;
			st.own = xrealloc(st.own, st.capown * sizeof *st.own);
		}
		st.own[st.nown++] = (struct owner){ re, st.rule };
		return;
	}
	if ((const char *)s != st.last_p || n != st.last_len) {	/* a new subject */
		if (st.ntext + n > st.captext) {
			st.captext = st.ntext + n > 2 * st.captext ? st.ntext + n : 2 * st.captext;
			st.text = xrealloc(st.text, st.captext);
		}
		memcpy(st.text + st.ntext, s, n);
		st.last_p = (const char *)s;
		st.last_len = n;
		st.last_at = st.ntext;
		st.ntext += n;
	}
	if (st.ncall == st.capcall) {
		st.capcall = st.capcall ? 2 * st.capcall : 65536;
		st.call = xrealloc(st.call, st.capcall * sizeof *st.call);
	}
	c = &st.call[st.ncall++];
	*c = (struct call){ .re = re, .md = md, .ctx = ctx, .at = st.last_at, .len = n, .rule = SIZE_MAX,
			    .limit = ctx == st.limit_ctx ? st.limit : PCRE2_UNSET, .jit = jit, .matched = rc >= 0 };
}

/* One match as rules.c asked for it (jit: through pcre2_jit_match), noted
 * unless IDLE. */
static int run(int jit, const pcre2_code *re, PCRE2_SPTR s, PCRE2_SIZE n, pcre2_match_data *md,
	       pcre2_match_context *ctx)
{
	int rc = jit ? __real_pcre2_jit_match_8(re, s, n, 0, 0, md, ctx) : __real_pcre2_match_8(re, s, n, 0, 0, md, ctx);
	if (st.mode != IDLE)
		seen(re, s, n, md, ctx, jit, rc);
	return rc;
}

/* rules.c matches from offset 0 without options; a replay could not
 * repeat anything else, so that is checked, not assumed. */
static void plain_call(PCRE2_SIZE off, uint32_t opts)
{
	if (off != 0 || opts != 0) {
		fprintf(stderr, "rule_cost: a match with a start offset or options: bench/rule_cost.c "
			"does not replay those\n");
		exit(1);
	}
}

int __wrap_pcre2_jit_match_8(const pcre2_code *re, PCRE2_SPTR s, PCRE2_SIZE n, PCRE2_SIZE off, uint32_t opts,
			     pcre2_match_data *md, pcre2_match_context *ctx)
{
	plain_call(off, opts);
	return run(1, re, s, n, md, ctx);
}

int __wrap_pcre2_match_8(const pcre2_code *re, PCRE2_SPTR s, PCRE2_SIZE n, PCRE2_SIZE off, uint32_t opts,
			 pcre2_match_data *md, pcre2_match_context *ctx)
{
	plain_call(off, opts);
	return run(0, re, s, n, md, ctx);
}

int __wrap_pcre2_set_offset_limit_8(pcre2_match_context *ctx, PCRE2_SIZE limit)
{
	st.limit_ctx = ctx;
	st.limit = limit;
	return __real_pcre2_set_offset_limit_8(ctx, limit);
}

static int cmp_owner(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const struct owner *)a)->re, y = (uintptr_t)((const struct owner *)b)->re;
	return x < y ? -1 : x > y;
}

static int cmp_call(const void *a, const void *b)
{
	const struct call *x = a, *y = b;
	if (x->rule != y->rule)
		return x->rule < y->rule ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Tries each rule on its examples (as `rules check` reads them: a bounce, or
 * the first status the rule takes, from its provider when it is scope own),
 * noting the patterns the tries run. */
static void map_patterns(struct rules *r)
{
	char ip[VERDICT_IP_MAX];
	st.mode = MAPPING;
	for (size_t i = 0; i < rules_count(r); i++) {
		const struct rule_info *in = rules_info(r, i);
		for (size_t k = 0; k < in->n_examples; k++) {
			struct delivery d;
			delivery_reset(&d);
			d.status = DS_BOUNCED;
			while (!(in->status_mask & (1u << d.status)))
				d.status = (enum delivery_status)((d.status + 1) % DS__COUNT);
			d.reply = (struct str){ in->examples[k].text, strlen(in->examples[k].text) };
			if (in->own_only && in->own_relay)
				d.relay_host = (struct str){ in->own_relay, strlen(in->own_relay) };
			else if (in->own_only && in->own_domain)
				snprintf(d.rcpt_domain, sizeof d.rcpt_domain, "%s", in->own_domain);
			st.rule = i;
			rules_try(r, i, &d, ip);
		}
	}
	st.mode = IDLE;
	qsort(st.own, st.nown, sizeof *st.own, cmp_owner);
}

static size_t owner_of(const pcre2_code *re)
{
	struct owner key = { re, 0 }, *o = bsearch(&key, st.own, st.nown, sizeof *st.own, cmp_owner);
	return o ? o->rule : SIZE_MAX;
}

/* Runs calls c[0..n) again; the function callgrind collects in. */
__attribute__((noinline)) void rule_cost_replay(const struct call *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		PCRE2_SPTR s = (PCRE2_SPTR)(st.text + c[i].at);
		if (c[i].limit != PCRE2_UNSET)
			__real_pcre2_set_offset_limit_8(c[i].ctx, c[i].limit);
		run(c[i].jit, c[i].re, s, c[i].len, c[i].md, c[i].ctx);
	}
}

static double cpu_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* Replays one rule's calls: under valgrind a dump named by the rule, else
 * the least CPU time of reps runs, in ns. */
static double measure(const char *id, const struct call *c, size_t n, int reps)
{
	double best = 0;
	if (RUNNING_ON_VALGRIND) {
		CALLGRIND_ZERO_STATS;
		rule_cost_replay(c, n);
		CALLGRIND_DUMP_STATS_AT(id);
		return 0;
	}
	for (int k = 0; k < reps; k++) {
		double t0 = cpu_ns();
		rule_cost_replay(c, n);
		t0 = cpu_ns() - t0;
		if (k == 0 || t0 < best)
			best = t0;
	}
	return best;
}

/* Whether the interpreter (PCRE2_NO_JIT) finishes call c within match
 * limit lim. */
static int within(const struct call *c, pcre2_match_context *mc, uint32_t lim)
{
	pcre2_set_match_limit(mc, lim);
	__real_pcre2_set_offset_limit_8(mc, c->limit == PCRE2_UNSET ? PCRE2_UNSET : c->limit);
	return __real_pcre2_match_8(c->re, (PCRE2_SPTR)(st.text + c->at), c->len, 0, PCRE2_NO_JIT, c->md, mc) !=
	       PCRE2_ERROR_MATCHLIMIT;
}

/* The steps of calls c[0..n): for each, the least match limit under which
 * PCRE2's interpreter finishes it (the work of its backtracking, the same
 * on every machine and load), summed. A pattern compiled without
 * PCRE2_USE_OFFSET_LIMIT ignores no limit here: rules.c sets one only on
 * the patterns compiled with it. */
static unsigned long long steps(const struct call *c, size_t n)
{
	pcre2_match_context *mc = pcre2_match_context_create(NULL);
	unsigned long long sum = 0;
	pcre2_set_depth_limit(mc, UINT32_MAX);
	for (size_t i = 0; i < n; i++) {
		uint32_t lo = 0, hi = 16;	/* lo fails (0 always does), hi finishes */
		while (!within(&c[i], mc, hi) && hi < UINT32_MAX / 2) {
			lo = hi;
			hi *= 2;
		}
		while (hi - lo > 1) {
			uint32_t mid = lo + (hi - lo) / 2;
			if (within(&c[i], mc, mid))
				hi = mid;
			else
				lo = mid;
		}
		sum += hi;
	}
	pcre2_match_context_free(mc);
	return sum;
}

/* Puts each call down to its rule, and sorts them by rule (stable: a
 * rule's calls stay in the order they were made). */
static void attribute(void)
{
	for (size_t i = 0; i < st.ncall; i++) {
		st.call[i].rule = owner_of(st.call[i].re);
		st.call[i].seq = i;
	}
	qsort(st.call, st.ncall, sizeof *st.call, cmp_call);
}

/* The calls of rule id, one line each: its pattern (1 the body, then the
 * others in the order first run), matched (1/0), offset limit (- none),
 * subject; 0, or 1 when no rule has that id. */
static int show_calls(struct rules *r, const char *id)
{
	size_t k = 0;
	while (k < rules_count(r) && strcmp(rules_info(r, k)->id, id) != 0)
		k++;
	if (k == rules_count(r)) {
		fprintf(stderr, "rule_cost: no rule %s\n", id);
		return 1;
	}
	const pcre2_code *part[8] = { 0 };
	for (size_t i = 0; i < st.ncall; i++) {
		const struct call *c = &st.call[i];
		size_t p = 0;
		if (c->rule != k)
			continue;
		while (p < 7 && part[p] && part[p] != c->re)
			p++;
		part[p] = c->re;
		if (c->limit == PCRE2_UNSET)
			printf("%zu\t%d\t-\t%.*s\n", p + 1, c->matched, (int)c->len, st.text + c->at);
		else
			printf("%zu\t%d\t%zu\t%.*s\n", p + 1, c->matched, (size_t)c->limit, (int)c->len,
			       st.text + c->at);
	}
	return 0;
}

/* Rule k's required literals, "|" between them (printable ASCII as it is,
 * other bytes as \xHH), or "-" when it has none. */
static void print_literals(struct rules *r, size_t k)
{
	const char *l;
	for (size_t n = 0; (l = rules_literal(r, k, n)) != NULL; n++) {
		if (n)
			putchar('|');
		for (; *l; l++)
			printf(*l >= 0x20 && *l < 0x7f && *l != '|' && *l != '\\' ? "%c" : "\\x%02x",
			       (unsigned char)*l);
	}
	if (!rules_literal(r, k, 0))
		putchar('-');
}

static void report(struct rules *r, int reps)
{
	size_t unknown = 0, calls = 0, ran = 0;
	double ns = 0;
	for (size_t i = 0, j; i < st.ncall; i = j) {
		size_t m = 0;
		for (j = i; j < st.ncall && st.call[j].rule == st.call[i].rule; j++)
			m += (size_t)st.call[j].matched;
		if (st.call[i].rule == SIZE_MAX) {
			unknown = j - i;
			continue;
		}
		const struct rule_info *in = rules_info(r, st.call[i].rule);
		double t = measure(in->id, st.call + i, j - i, reps);
		unsigned long long sp = RUNNING_ON_VALGRIND ? 0 : steps(st.call + i, j - i);
		printf("%s\t%s\t%d\t", in->id, in->file, in->priority);
		print_literals(r, st.call[i].rule);
		printf("\t%zu\t%zu\t%.0f\t%llu\n", j - i, m, t, sp);
		calls += j - i;
		ns += t;
		ran++;
	}
	printf("#\trules run %zu of %zu\tcalls %zu\tns %.0f\tcalls of no known rule %zu\n", ran, rules_count(r),
	       calls, ns, unknown);
}

int main(int argc, char **argv)
{
	struct replies rs = { 0 };
	char err[512];
	int reps = argc > 3 ? (int)strtol(argv[3], NULL, 10) : 5, rc = 0;
	if (argc < 3 || argc > 5 || reps < 1) {
		fprintf(stderr, "usage: rule_cost RULES_DIR REPLIES.tsv [REPETITIONS [RULE_ID]]\n");
		return 2;
	}
	if (replies_read(&rs, argv[2]) != 0) {
		perror(argv[2]);
		return 1;
	}
	struct rules *r = rules_load(argv[1], err, sizeof err);
	if (!r) {
		fprintf(stderr, "rule_cost: %s\n", err);
		replies_free(&rs);
		return 1;
	}
	map_patterns(r);
	st.mode = RECORDING;
	for (size_t i = 0; i < rs.n; i++) {
		struct verdict v;
		st.last_p = NULL;	/* a new reply may sit where the last one did */
		rules_classify(r, &rs.d[i], &v);
	}
	st.mode = IDLE;
	attribute();
	if (argc == 5)
		rc = show_calls(r, argv[4]);
	else
		report(r, reps);
	rules_free(r);
	replies_free(&rs);
	free(st.own);
	free(st.call);
	free(st.text);
	return rc;
}
