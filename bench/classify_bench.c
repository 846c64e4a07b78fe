/* classify_bench - how long the classifier takes per remote reply
 *
 * usage: classify_bench RULES_DIR REPLIES.tsv [REPETITIONS]
 *
 * Loads the rules once (rules_load), reads replies as written by
 * `loggen --replies N` (status, dsn, recipient domain, relay host, reply;
 * tab-separated), turns each into the Postfix status line it stands for,
 * reads that through the line pipeline (line.h) into a struct delivery,
 * and times
 * rules_classify() over the whole set, REPETITIONS times (default 9). The
 * non-success replies (where the PCRE2 rules run) and the plain successes
 * (provider attribution only) are timed apart. Prints the median, min and
 * max ns per reply (wall time, then the thread's CPU time, which other
 * processes' load changes less) and how many non-success replies a rule matched, with
 * the rule prefilter (litfilter.h) on and, as the baseline of the same run,
 * off; a verdict that differs between the two is an error (exit 1).
 * Uses only the public contracts rules.h and line.h.
 *
 * usage: classify_bench --verdicts RULES_DIR REPLIES.tsv
 *
 * Classifies each reply once, in input order, and prints its whole verdict
 * on one line (bench/verdict_diff.sh compares two builds' outputs).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "line.h"
#include "replies.h"
#include "rules.h"
#include "xmalloc.h"

struct set {
	struct delivery *d;
	size_t n, cap;
};

static double now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static void add(struct set *s, const struct delivery *d)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 1024;
		s->d = xrealloc(s->d, s->cap * sizeof *s->d);
	}
	s->d[s->n++] = *d;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double cpu_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* median, min, max of t[0..n) (sorted in place) into out */
static void summary(double *t, int n, double out[3])
{
	qsort(t, (size_t)n, sizeof *t, cmp_double);
	out[0] = t[n / 2];
	out[1] = t[0];
	out[2] = t[n - 1];
}

/* Times reps passes over s; fills ns/reply median, min, max of the wall
 * time (out) and of the thread's CPU time (cpu: what the machine's other
 * load changes least); returns matches of one pass. */
static size_t time_set(struct rules *r, const struct set *s, int reps, double out[3], double cpu[3])
{
	double *t = xcalloc((size_t)reps, sizeof *t), *c = xcalloc((size_t)reps, sizeof *c);
	size_t matched = 0;

	for (int k = 0; k < reps; k++) {
		struct verdict v;
		size_t m = 0;
		double t0 = now_ns(), c0 = cpu_ns();
		for (size_t i = 0; i < s->n; i++)
			m += (size_t)rules_classify(r, &s->d[i], &v);
		c[k] = (cpu_ns() - c0) / (double)(s->n ? s->n : 1);
		t[k] = (now_ns() - t0) / (double)(s->n ? s->n : 1);
		matched = m;
	}
	summary(t, reps, out);
	summary(c, reps, cpu);
	free(t);
	free(c);
	return matched;
}

static const char *or_dash(const char *s)
{
	return s && *s ? s : "-";
}

/* --verdicts: one line per reply of path, in order; 0, or 1 on error. */
static int print_verdicts(const char *dir, const char *path)
{
	char err[512], *keep = NULL;
	size_t len, n = 0;
	char *buf = slurp(path, &len);
	if (!buf) {
		perror(path);
		return 1;
	}
	struct rules *r = rules_load(dir, err, sizeof err);
	if (!r) {
		fprintf(stderr, "classify_bench: %s\n", err);
		free(buf);
		return 1;
	}
	struct line *lp = line_new(1795857243, 2026);
	for (char *line = buf, *nl; *line; line = nl + 1, n++) {
		struct delivery d;
		struct verdict v;
		nl = strchr(line, '\n');
		if (!nl)
			nl = line + strlen(line) - 1;
		else
			*nl = '\0';
		if (parse_line(lp, line, &d, &keep) != 0) {
			printf("%zu\tunparsed\n", n);
		} else {
			int m = rules_classify(r, &d, &v);
			printf("%zu\t%s\t%d\t%s\t%s\t%d\t%s\t%s\t%s\t%d\t%s\t%d\t%s\n", n,
			       delivery_status_name(d.status), m, or_dash(v.rule_id), or_dash(v.category),
			       v.block, or_dash(v.sending_ip), or_dash(v.provider), or_dash(v.pool),
			       v.pool_listed, or_dash(v.blocklist), v.foreign, or_dash(v.worded_as));
			printf("%zu\tadvice\t%s\n", n, or_dash(v.advice));
		}
		free(keep);
		keep = NULL;
	}
	line_free(lp);
	rules_free(r);
	free(buf);
	return 0;
}

int main(int argc, char **argv)
{
	struct set fail = { 0 }, ok = { 0 };
	char err[512];
	if (argc == 4 && strcmp(argv[1], "--verdicts") == 0)
		return print_verdicts(argv[2], argv[3]);
	int reps = argc > 3 ? (int)strtol(argv[3], NULL, 10) : 9;

	if (argc < 3 || reps < 1) {
		fprintf(stderr, "usage: classify_bench RULES_DIR REPLIES.tsv [REPETITIONS]\n"
			"       classify_bench --verdicts RULES_DIR REPLIES.tsv\n");
		return 2;
	}
	struct replies rs = { 0 };
	if (replies_read(&rs, argv[2]) != 0) {
		perror(argv[2]);
		return 1;
	}
	for (size_t i = 0; i < rs.n; i++)
		add(delivery_needs_verdict(rs.d[i].status) ? &fail : &ok, &rs.d[i]);
	struct rules *r = rules_load(argv[1], err, sizeof err);
	if (!r) {
		fprintf(stderr, "classify_bench: %s\n", err);
		return 1;
	}
	double tf[3], to[3], base[3], cf[3], co[3], cbase[3];
	rules_set_prefilter(r, 0);
	size_t mb = time_set(r, &fail, reps, base, cbase);
	rules_set_prefilter(r, 1);
	size_t m = time_set(r, &fail, reps, tf, cf);
	time_set(r, &ok, reps, to, co);
	for (size_t i = 0; i < fail.n; i++) {	/* the same verdict either way */
		struct verdict a, b;
		rules_set_prefilter(r, 0);
		rules_classify(r, &fail.d[i], &a);
		rules_set_prefilter(r, 1);
		rules_classify(r, &fail.d[i], &b);
		if ((a.rule_id == NULL) != (b.rule_id == NULL) ||
		    (a.rule_id && strcmp(a.rule_id, b.rule_id) != 0)) {
			fprintf(stderr, "classify_bench: reply %zu: verdict %s without the prefilter, "
				"%s with it\n", i, a.rule_id ? a.rule_id : "none", b.rule_id ? b.rule_id : "none");
			return 1;
		}
	}
	if (m != mb) {
		fprintf(stderr, "classify_bench: %zu matched with the prefilter, %zu without\n", m, mb);
		return 1;
	}
	printf("replies %zu (non-success %zu, sent %zu), rules %zu, non-success matched %zu (%.1f %%)\n",
	       fail.n + ok.n, fail.n, ok.n, rules_count(r), m,
	       fail.n ? 100.0 * (double)m / (double)fail.n : 0.0);
	printf("non-success, prefilter off (baseline): median %.0f ns/reply (min %.0f, max %.0f)\n",
	       base[0], base[1], base[2]);
	printf("non-success: median %.0f ns/reply (min %.0f, max %.0f) over %d runs; %.1fx faster "
	       "than without the prefilter\n", tf[0], tf[1], tf[2], reps, tf[0] > 0 ? base[0] / tf[0] : 0.0);
	printf("sent:        median %.0f ns/reply (min %.0f, max %.0f) over %d runs\n",
	       to[0], to[1], to[2], reps);
	printf("CPU time (the thread's), ns/reply: non-success median %.0f (min %.0f, max %.0f), "
	       "prefilter off %.0f, sent %.0f\n", cf[0], cf[1], cf[2], cbase[0], co[0]);
	rules_free(r);
	free(fail.d);
	free(ok.d);
	replies_free(&rs);
	return 0;
}
