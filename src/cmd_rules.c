/* cmd_rules - `bouncewatch rules check|list|test`: the rule files' own tools.
 *
 * check  loads every rule and runs each example through the whole
 *        classifier: the example's own rule must win, capturing example_ip.
 * list   the rules in precedence order (text or JSON).
 * test   reads a mail log like fail2ban-regex: hits per rule, then the
 *        replies to write rules for first (those that showed the shape of
 *        a block to the no-rule detector, suspect.h, with its default
 *        thresholds), then the non-success replies no rule matched (or
 *        only a last resort, RULES_LAST_RESORT), grouped by their
 *        normalised wording, most frequent first; --explain N
 *        walks one line through every rule, with the reply's lines
 *        joined (reply_join.h) when it has several, and the text the
 *        rules read (unframed and squeezed, reply_frame.h) when that
 *        differs again.
 * Prints and chooses exit codes; the work is in rules.c and normalise.c.
 */
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "cmd.h"
#include "cmd_args.h"
#include "episode.h"
#include "line.h"
#include "json_str.h"
#include "log.h"
#include "normalise.h"
#include "reply_join.h"
#include "rules.h"
#include "source.h"
#include "strmap.h"
#include "suspect.h"
#include "syslog.h"
#include "xmalloc.h"

#define GROUPS_MAX 100000	/* distinct unmatched replies remembered */
#define NORM_MAX 512

static void rules_usage(FILE *f)
{
	fprintf(f, "usage: bouncewatch rules check [--rules DIR]\n"
		   "       bouncewatch rules list [--rules DIR] [--format text|json]\n"
		   "       bouncewatch rules test [--rules DIR] [--top N] [--explain LINE] FILE|-\n"
		   "check: compile every rule and classify every example line (exit 2 on any error)\n"
		   "list:  rules in precedence order: id, provider, category, block, priority, file:line\n"
		   "       bouncewatch rules classify [--rules DIR] [--hosts] [--stage WORD | --stage-column] < REPLIES\n"
		   "test:  classify a mail log; hits per rule, the replies to write rules for first\n"
		   "       (many recipients at one pool refused alike, nothing accepted: what scan\n"
		   "       and tail call SUSPECTED, with the default --suspect-* thresholds), then\n"
		   "       unmatched replies by frequency\n"
		   "classify: one remote reply per input line (as a bounce); prints\n"
		   "       rule_id TAB category TAB block(yes|no) TAB sending_ip TAB provider TAB blocklist TAB pool\n"
		   "       --hosts: each line is RELAY_HOST TAB RECIPIENT_DOMAIN TAB REPLY (either may be empty)\n"
		   "       --stage WORD: every reply answered that SMTP stage: connect, helo, starttls, auth,\n"
		   "       mail, rcpt or data (rules with a stage list are skipped at another; default: none\n"
		   "       named, every rule is tried)\n"
		   "       --stage-column: each line starts with STAGE TAB (a word as for --stage, or empty\n"
		   "       for none), before the --hosts columns or the reply\n");
}

static struct rules *load(const struct globals *g)
{
	return cmd_load_rules(g);
}

/* ---- check ---- */

static enum delivery_status example_status(const struct rule_info *ri)
{
	if (ri->status_mask & (1u << DS_BOUNCED))
		return DS_BOUNCED;
	for (int s = 0; s < DS__COUNT; s++)
		if (ri->status_mask & (1u << s))
			return (enum delivery_status)s;
	return DS_BOUNCED;
}

/* The first stage of a mask (bits 1u << enum delivery_stage), none when
 * it is 0: an example is read at the first of its rule's stages. */
static enum delivery_stage first_stage(unsigned mask)
{
	for (int s = 0; s < STAGE__COUNT; s++)
		if (mask & (1u << s))
			return (enum delivery_stage)s;
	return STAGE_NONE;
}

/* Problems with one rule's examples; returns how many were printed. */
static unsigned check_rule(struct rules *r, const struct rule_info *ri)
{
	unsigned bad = 0;
	int has_ip = 0;
	for (size_t k = 0; k < ri->n_examples; k++) {
		const struct rule_example *x = &ri->examples[k];
		struct delivery d;
		struct verdict v;
		delivery_reset(&d);
		d.status = example_status(ri);
		d.stage = first_stage(ri->stage_mask);
		d.reply = str_cstr(x->text);
		if (ri->own_relay)	/* a rule for its own servers only: from one of them */
			d.relay_host = str_cstr(ri->own_relay);
		else if (ri->own_domain)
			snprintf(d.rcpt_domain, sizeof d.rcpt_domain, "%s", ri->own_domain);
		has_ip |= x->ip != NULL;
		if (!rules_classify(r, &d, &v) || strcmp(v.rule_id, ri->id) != 0)
			bad++, fprintf(stderr, "%s:%d: example of %s is classified by %s\n", ri->file, x->line, ri->id,
				      v.rule_id ? v.rule_id : "no rule");
		else if (x->ip && strcmp(v.sending_ip, x->ip) != 0)
			bad++, fprintf(stderr, "%s:%d: example of %s gives sending IP '%s', example_ip is '%s'\n",
				      ri->file, x->line, ri->id, v.sending_ip, x->ip);
	}
	if (ri->n_examples == 0)
		bad++, fprintf(stderr, "%s:%d: rule %s has no example\n", ri->file, ri->line, ri->id);
	else if (ri->has_ip_group && !has_ip)
		bad++, fprintf(stderr, "%s:%d: rule %s captures ip but no example has example_ip\n",
			      ri->file, ri->line, ri->id);
	return bad;
}

/* A warning, not an error: a rule without a required literal (litfilter.h)
 * is run on every reply the prefilter reads; returns 1 when it has none. */
static int warn_cost(const struct rules *r, size_t i)
{
	const struct rule_info *ri = rules_info(r, i);
	if (rules_literal(r, i, 0) != NULL)
		return 0;
	fprintf(stderr, "%s:%d: rule %s has no required word; it runs PCRE2 on every reply\n", ri->file,
		ri->match_line, ri->id);
	return 1;
}

static int do_check(const struct globals *g)
{
	struct rules *r = load(g);
	unsigned bad = 0;
	size_t n, every = 0;
	char cost[64] = "";
	if (r == NULL)
		return EXIT_USAGE;
	n = rules_count(r);
	for (size_t i = 0; i < n; i++) {
		bad += check_rule(r, rules_info(r, i));
		every += (size_t)warn_cost(r, i);
	}
	if (every)
		snprintf(cost, sizeof cost, "; %zu without a required word", every);
	if (bad)
		printf("%zu rules in %zu files: %u error%s%s\n", n, rules_file_count(r), bad, bad == 1 ? "" : "s",
		       cost);
	else
		printf("%zu rules in %zu files: ok%s\n", n, rules_file_count(r), cost);
	rules_free(r);
	return bad ? EXIT_USAGE : EXIT_OK;
}

/* ---- list ---- */

static void json_cstr(const char *s)
{
	json_fput(stdout, s ? s : "", s ? strlen(s) : 0);
}

static void list_json(const struct rules *r, size_t i, int first)
{
	const struct rule_info *ri = rules_info(r, i);
	const char *lit;
	printf("%s\n  {\"id\": ", first ? "" : ",");
	json_cstr(ri->id);
	printf(", \"provider\": ");
	json_cstr(ri->provider);
	printf(", \"category\": ");
	json_cstr(ri->category);
	printf(", \"block\": %s, \"priority\": %d, \"file\": ", ri->block ? "true" : "false", ri->priority);
	json_cstr(ri->file);
	printf(", \"line\": %d, \"description\": ", ri->line);
	if (ri->description)
		json_cstr(ri->description);
	else
		printf("null");
	printf(", \"advice\": ");
	if (ri->advice)
		json_cstr(ri->advice);
	else
		printf("null");
	printf(", \"required_words\": [");
	for (size_t k = 0; (lit = rules_literal(r, i, k)) != NULL; k++) {
		printf("%s", k ? ", " : "");
		json_cstr(lit);
	}
	printf("], \"split\": %s}", ri->split ? "true" : "false");
}

static int do_list(const struct globals *g, int json)
{
	struct rules *r = load(g);
	size_t n;
	if (r == NULL)
		return EXIT_USAGE;
	n = rules_count(r);
	if (json)
		printf("[");
	else
		printf("%-32s %-12s %-13s %-5s %8s  %s\n", "ID", "PROVIDER", "CATEGORY", "BLOCK", "PRIORITY", "FILE:LINE");
	for (size_t i = 0; i < n; i++) {
		const struct rule_info *ri = rules_info(r, i);
		if (json)
			list_json(r, i, i == 0);
		else
			printf("%-32s %-12s %-13s %-5s %8d  %s:%d\n", ri->id, ri->provider, ri->category,
			       ri->block ? "yes" : "no", ri->priority, ri->file, ri->line);
	}
	if (json)
		printf("%s]\n", n ? "\n" : "");
	rules_free(r);
	return EXIT_OK;
}

/* ---- test ---- */

struct group {
	char *text;	/* normalised reply */
	uint64_t count;
};

struct tally {
	uint64_t lines, no_header, deliveries, need, matched, dropped, cut;
	uint64_t *hits;		/* per rule, precedence order */
	struct strmap rule_idx;	/* rule id -> index */
	struct strmap group_idx;	/* normalised reply -> index into groups */
	struct group *groups;
	size_t n_groups;
	struct suspect *sus;	/* the no-rule detector, default thresholds */
};

/* The reply with its lines joined, when joining changed it (reply_join.h),
 * then the text the rules read (rules_subject), when it differs from the
 * last one shown. */
static void explain_joined(struct rules *r, const struct delivery *d)
{
	struct str s = d->reply.len ? d->reply : d->detail, rd = rules_subject(r, d);
	char a[1024], *j = xmalloc(s.len + 1);
	size_t n = reply_join(s.p ? s.p : "", s.len, j);
	const char *shown = s.p ? s.p : "";
	if (n != s.len) {
		printf("  joined:   %s\n", log_printable(j, n, a, sizeof a));
		shown = j;
	}
	if (rd.len != n || memcmp(rd.p, shown, n) != 0)
		printf("  read:     %s\n", log_printable(rd.p, rd.len, a, sizeof a));
	free(j);
}

static void explain_delivery(struct rules *r, const struct syslog_hdr *h, const struct delivery *d)
{
	char a[1024], b[512], c[256];
	time_t t = (time_t)h->ts;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(c, sizeof c, "%Y-%m-%dT%H:%M:%SZ", &tm);
	printf("  header:   time %s  host %s  program %s  pid %ld\n", c,
	       log_printable(h->host.p, h->host.len, a, sizeof a), log_printable(h->prog.p, h->prog.len, b, sizeof b), h->pid);
	printf("  delivery: queue %s  status %s  to <%s>  domain %s\n",
	       log_printable(d->queue_id.p, d->queue_id.len, c, sizeof c), delivery_status_name(d->status),
	       log_printable(d->recipient.p, d->recipient.len, a, sizeof a), d->rcpt_domain);
	printf("            relay %s", log_printable(d->relay_host.p, d->relay_host.len, a, sizeof a));
	printf("[%s]:%d  code %d  dsn %s  stage %s\n", log_printable(d->relay_ip.p, d->relay_ip.len, b, sizeof b),
	       d->relay_port, d->smtp_code, log_printable(d->dsn.p, d->dsn.len, c, sizeof c),
	       delivery_stage_name(d->stage) ? delivery_stage_name(d->stage) : "-");
	printf("  reply:    %s\n", log_printable(d->reply.len ? d->reply.p : d->detail.p,
						  d->reply.len ? d->reply.len : d->detail.len, a, sizeof a));
	explain_joined(r, d);
}

static const char *const try_names[] = { "skipped (stage)", "skipped (for its own relays only)",
					 "skipped (another provider's relay/domain)",
					 "limit hit (counted as no match)", "skipped (first byte / length)",
					 "skipped (status)", "no match", "MATCH" };

static void explain_rules(struct rules *r, const struct delivery *d)
{
	struct verdict v;
	size_t n = rules_count(r), i;
	char ip[VERDICT_IP_MAX];
	if (delivery_needs_verdict(d->status)) {
		for (i = 0; i < n; i++) {
			const struct rule_info *ri = rules_info(r, i);
			enum rule_try t = rules_try(r, i, d, ip);
			printf("  %4zu %-32s prio %4d  %s\n", i + 1, ri->id, ri->priority, try_names[t - RULE_SKIP_STAGE]);
			if (t == RULE_MATCH)
				break;
		}
		if (i + 1 < n)
			printf("  (%zu later rules not tried)\n", n - i - 1);
	} else {
		printf("  (status %s: rules are not run)\n", delivery_status_name(d->status));
	}
	rules_classify(r, d, &v);
	printf("  verdict:  rule %s  provider %s  category %s  block %s  ip %s\n",
	       v.rule_id ? v.rule_id : "-", v.provider ? v.provider : "-", v.category ? v.category : "-",
	       v.block ? "yes" : "no", v.sending_ip[0] ? v.sending_ip : "-");
	if (v.advice)
		printf("  advice:   %s\n", v.advice);
}

static void count_unmatched(struct tally *t, const struct delivery *d)
{
	char norm[NORM_MAX];
	struct str s = d->reply.len ? d->reply : d->detail;
	size_t idx, n = reply_normalise(s.p ? s.p : "", s.len, norm, sizeof norm);
	if (strmap_get(&t->group_idx, norm, n, &idx)) {
		t->groups[idx].count++;
		return;
	}
	if (t->n_groups >= GROUPS_MAX) {
		t->dropped++;
		return;
	}
	t->groups = xrealloc(t->groups, (t->n_groups + 1) * sizeof *t->groups);
	t->groups[t->n_groups] = (struct group){ xstrndup(norm, n), 1 };
	strmap_put(&t->group_idx, norm, n, t->n_groups++, NULL);
}

static void count_delivery(struct rules *r, struct tally *t, const struct delivery *d)
{
	struct verdict v;
	size_t idx;
	struct suspect_seen seen;
	int matched = rules_classify(r, d, &v);	/* attribution for every delivery */
	t->deliveries++;
	suspect_observe(t->sus, d, &v, episode_pool_of(d, &v), &seen);
	if (!delivery_needs_verdict(d->status))
		return;
	t->need++;
	if (matched && strmap_get(&t->rule_idx, v.rule_id, strlen(v.rule_id), &idx) &&
	    rules_info(r, idx)->priority < RULES_LAST_RESORT) {
		t->matched++;
		t->hits[idx]++;
	} else {
		count_unmatched(t, d);
	}
}

/* One line: the line pipeline, verdict; explains it when asked. */
static void test_line(struct rules *r, struct tally *t, struct line *lp, const struct source_line *l,
		      uint64_t explain)
{
	struct syslog_hdr h;
	struct delivery d;
	char buf[1024];
	t->lines++;
	t->cut += l->cut;
	if (l->lineno == explain)
		printf("line %" PRIu64 ": %s\n", explain, log_printable(l->text.p, l->text.len, buf, sizeof buf));
	enum line_result lr = line_parse(lp, l->text.p, l->text.len, &h, &d, NULL);
	if (lr == LINE_NO_HEADER) {
		t->no_header++;
		if (l->lineno == explain)
			printf("  no syslog header recognised\n\n");
		return;
	}
	if (lr == LINE_DELIVERY)
		count_delivery(r, t, &d);
	if (l->lineno != explain)
		return;
	if (lr != LINE_DELIVERY) {
		printf("  not a delivery attempt%s\n\n",
		       lr == LINE_RECEIVED ? " (a message the MTA queued: counted as received)"
		       : lr == LINE_REJECTED ? " (the MTA refused a client: counted as rejected)" : "");
		return;
	}
	explain_delivery(r, &h, &d);
	explain_rules(r, &d);
	printf("\n");
}

/* Reads path line by line through the source module. */
static int read_log(struct rules *r, struct tally *t, const char *path, uint64_t explain)
{
	char err[512];
	struct source *src = source_open(path, err, sizeof err);
	struct source_line l;
	struct line *lp;
	int rc;
	if (src == NULL) {
		msg_info("%s", err);
		return -1;
	}
	lp = line_new(source_mtime(src), 0);
	while ((rc = source_next(src, &l, err, sizeof err)) == 1)
		test_line(r, t, lp, &l, explain);
	if (rc < 0)
		msg_info("%s", err);
	line_free(lp);
	source_free(src);
	return rc < 0 ? -1 : 0;
}

static int by_hits(const void *a, const void *b, void *arg)
{
	const uint64_t *hits = arg;
	uint64_t x = hits[*(const size_t *)a], y = hits[*(const size_t *)b];
	if (x != y)
		return x > y ? -1 : 1;
	return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

static int by_count(const void *a, const void *b)
{
	const struct group *x = a, *y = b;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return strcmp(x->text, y->text);
}

static void print_hits(struct rules *r, const struct tally *t)
{
	size_t n = rules_count(r), *order = xcalloc(n ? n : 1, sizeof *order);
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	qsort_r(order, n, sizeof *order, by_hits, t->hits);
	printf("\nRule hits:\n");
	for (size_t i = 0; i < n && t->hits[order[i]] > 0; i++) {
		const struct rule_info *ri = rules_info(r, order[i]);
		printf("  %8" PRIu64 "  %-32s %-12s %s%s\n", t->hits[order[i]], ri->id, ri->provider,
		       ri->category, ri->block ? " (block)" : "");
	}
	free(order);
}

static int print_suspected(void *arg, const char *pool, const char *norm, const char *reply,
			   unsigned most)
{
	char a[300], b[NORM_MAX * 4];
	(void)reply;
	(*(size_t *)arg)++;
	printf("  %8u  %s  %s\n", most, log_printable(pool, strlen(pool), a, sizeof a),
	       log_printable(norm, strlen(norm), b, sizeof b));
	return 0;
}

static void print_tally(struct rules *r, struct tally *t, long top)
{
	size_t nsus = 0;
	char buf[NORM_MAX * 4];
	printf("Lines: %" PRIu64 " read, %" PRIu64 " without a syslog header, %" PRIu64 " cut\n",
	       t->lines, t->no_header, t->cut);
	printf("Deliveries: %" PRIu64 ", %" PRIu64 " not plain success, %" PRIu64 " matched by a rule (%.1f%%)\n",
	       t->deliveries, t->need, t->matched, t->need ? 100.0 * (double)t->matched / (double)t->need : 0.0);
	if (rules_limit_hits(r))
		printf("PCRE2 match limit hit %lu times (counted as no match)\n", rules_limit_hits(r));
	print_hits(r, t);
	printf("\nRules to write first (SUSPECTED: %d+ recipients of one pool refused alike within %.0f s, "
	       "nothing accepted, no rule calls it a block):\n", SUSPECT_RECIPIENTS_DEFAULT,
	       SUSPECT_WINDOW_DEFAULT);
	suspect_each_seen(t->sus, print_suspected, &nsus);
	if (nsus == 0)
		printf("  (none)\n");
	if (t->n_groups > 1)	/* none: groups is NULL, which qsort may not take */
		qsort(t->groups, t->n_groups, sizeof *t->groups, by_count);
	printf("\nUnmatched replies: %" PRIu64 " in %zu groups%s\n", t->need - t->matched, t->n_groups,
	       (long)t->n_groups > top ? " (most frequent first; --top N for more)" : "");
	for (size_t i = 0; i < t->n_groups && (long)i < top; i++)
		printf("  %8" PRIu64 "  %s\n", t->groups[i].count,
		       log_printable(t->groups[i].text, strlen(t->groups[i].text), buf, sizeof buf));
	if (t->dropped)
		printf("  %8" PRIu64 "  (replies beyond %d distinct groups)\n", t->dropped, GROUPS_MAX);
}

static int do_test(const struct globals *g, const char *path, uint64_t explain, long top)
{
	struct rules *r = load(g);
	struct tally t = { 0 };
	int rc;
	if (r == NULL)
		return EXIT_USAGE;
	t.hits = xcalloc(rules_count(r) + 1, sizeof *t.hits);
	strmap_init(&t.rule_idx);
	strmap_init(&t.group_idx);
	t.sus = suspect_new(&(struct suspect_cfg){ SUSPECT_RECIPIENTS_DEFAULT, SUSPECT_WINDOW_DEFAULT });
	for (size_t i = 0; i < rules_count(r); i++)
		strmap_put(&t.rule_idx, rules_info(r, i)->id, strlen(rules_info(r, i)->id), i, NULL);
	rc = read_log(r, &t, path, explain);
	if (rc == 0)
		print_tally(r, &t, top);
	for (size_t i = 0; i < t.n_groups; i++)
		free(t.groups[i].text);
	free(t.groups);
	free(t.hits);
	strmap_release(&t.rule_idx);
	strmap_release(&t.group_idx);
	suspect_free(t.sus);
	rules_free(r);
	return rc == 0 ? EXIT_OK : EXIT_USAGE;
}

/* ---- classify ---- */

/* "relay TAB domain TAB reply" into d; 0, or -1 when the line has no two tabs. */
static int split_hosts(struct str line, struct delivery *d)
{
	const char *t1 = memchr(line.p, '\t', line.len), *t2;
	size_t dl;
	if (t1 == NULL || (t2 = memchr(t1 + 1, '\t', line.len - (size_t)(t1 + 1 - line.p))) == NULL)
		return -1;
	d->relay_host = (struct str){ line.p, (size_t)(t1 - line.p) };
	dl = (size_t)(t2 - t1 - 1);
	if (dl >= sizeof d->rcpt_domain)
		dl = 0;
	for (size_t i = 0; i < dl; i++)
		d->rcpt_domain[i] = (char)((t1[1 + i] >= 'A' && t1[1 + i] <= 'Z') ? t1[1 + i] + 32 : t1[1 + i]);
	d->rcpt_domain[dl] = '\0';
	d->reply = (struct str){ t2 + 1, line.len - (size_t)(t2 + 1 - line.p) };
	return 0;
}

/* The stage a word of --stage or of the stage column names (rules.h's
 * words; "" none); 0, or -1 for another word. */
static int stage_of(struct str w, enum delivery_stage *out)
{
	unsigned mask = rules_stage_word(w.p, w.len);
	*out = first_stage(mask);
	return mask || w.len == 0 ? 0 : -1;
}

/* The stage column ("STAGE TAB rest") off the front of *line into d. */
static int split_stage(struct str *line, struct delivery *d)
{
	const char *t = memchr(line->p, '\t', line->len);
	size_t n;
	if (t == NULL)
		return -1;
	n = (size_t)(t - line->p);
	if (stage_of((struct str){ line->p, n }, &d->stage) < 0)
		return -1;
	*line = (struct str){ t + 1, line->len - n - 1 };
	return 0;
}

struct classify_opts {
	int hosts;		/* --hosts */
	int stage_column;	/* --stage-column */
	enum delivery_stage stage;	/* --stage, else STAGE_NONE */
};

static int do_classify(const struct globals *g, const struct classify_opts *o)
{
	unsigned long lineno = 0;
	char err[512];
	struct source_line l;
	struct source *src;
	struct rules *r = load(g);
	int rc;
	if (r == NULL)
		return EXIT_USAGE;
	if ((src = source_open("-", err, sizeof err)) == NULL) {
		msg_info("%s", err);
		rules_free(r);
		return EXIT_RUNTIME;
	}
	while ((rc = source_next(src, &l, err, sizeof err)) == 1) {
		struct delivery d;
		struct verdict v;
		struct str text = l.text;
		delivery_reset(&d);
		d.status = DS_BOUNCED;
		d.stage = o->stage;
		lineno++;
		if (o->stage_column && split_stage(&text, &d) < 0) {
			msg_info("rules classify: stdin:%lu: expected STAGE TAB ... (STAGE one of connect, helo, "
				 "starttls, auth, mail, rcpt, data, or empty)", lineno);
			rc = -2;
			break;
		}
		d.reply = text;
		if (o->hosts && split_hosts(text, &d) < 0) {
			msg_info("rules classify: stdin:%lu: expected RELAY TAB DOMAIN TAB REPLY", lineno);
			rc = -2;
			break;
		}
		rules_classify(r, &d, &v);
		printf("%s\t%s\t%s\t%s\t%s\t%s\t%s\n", v.rule_id ? v.rule_id : "", v.category ? v.category : "",
		       v.block ? "yes" : "no", v.sending_ip, v.provider ? v.provider : "", v.blocklist,
		       v.pool ? v.pool : "");
	}
	if (rc == -1)
		msg_info("%s", err);
	source_free(src);
	rules_free(r);
	return rc == -2 ? EXIT_USAGE : rc < 0 ? EXIT_RUNTIME : EXIT_OK;
}

/* ---- options ---- */

enum { OPT_HOSTS = CMD_OPT_OWN, OPT_FORMAT, OPT_TOP, OPT_EXPLAIN, OPT_STAGE, OPT_STAGE_COLUMN };

static const struct option rules_options[] = {
	{ "hosts", no_argument, NULL, OPT_HOSTS },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "top", required_argument, NULL, OPT_TOP },
	{ "explain", required_argument, NULL, OPT_EXPLAIN },
	{ "stage", required_argument, NULL, OPT_STAGE },
	{ "stage-column", no_argument, NULL, OPT_STAGE_COLUMN },
	{ 0 }
};

static int rules_exec(struct globals *g, int argc, char **argv)
{
	const char *sub = NULL, *file = NULL, *format = "text";
	long top = 20, explain = 0;
	int c;
	struct classify_opts co = { .stage = STAGE_NONE };
	struct cmd_args a;
	cmd_args_init(&a, g, argc, argv, NULL, rules_options);
	while ((c = cmd_args_next(&a)) != -1) {
		if (c == 'h') {
			rules_usage(stdout);
			return EXIT_OK;
		} else if (c == OPT_HOSTS) {
			co.hosts = 1;
		} else if (c == OPT_STAGE_COLUMN) {
			co.stage_column = 1;
		} else if (c == OPT_STAGE) {
			if (stage_of(str_cstr(a.arg), &co.stage) < 0 || co.stage == STAGE_NONE) {
				msg_info("rules: --stage '%s': not one of connect, helo, starttls, auth, mail, rcpt, data",
					 a.arg);
				goto usage;
			}
		} else if (c == OPT_FORMAT) {
			format = a.arg;
		} else if (!(c == OPT_TOP && cmd_args_long(&a, 1, LONG_MAX, &top) == 0) &&
			   !(c == OPT_EXPLAIN && cmd_args_long(&a, 1, LONG_MAX, &explain) == 0)) {
			goto usage;
		}
	}
	if (a.optind < argc)
		sub = argv[a.optind];
	if (a.optind + 1 < argc)
		file = argv[a.optind + 1];
	if (a.optind + 2 < argc) {
		msg_info("rules: unexpected argument '%s'", argv[a.optind + 2]);
		goto usage;
	}
	if (sub && strcmp(sub, "check") == 0 && file == NULL)
		return do_check(g);
	if (sub && strcmp(sub, "list") == 0 && file == NULL &&
	    (strcmp(format, "text") == 0 || strcmp(format, "json") == 0))
		return do_list(g, strcmp(format, "json") == 0);
	if (sub && strcmp(sub, "classify") == 0 && file == NULL && !(co.stage_column && co.stage != STAGE_NONE))
		return do_classify(g, &co);
	if (sub && strcmp(sub, "test") == 0 && file != NULL)
		return do_test(g, file, (uint64_t)explain, top);
usage:
	rules_usage(stderr);
	return EXIT_USAGE;
}

const struct cmd cmd_rules = {
	.name = "rules",
	.summary = "check, list or try the classifier's rules on a log",
	.exec = rules_exec,
};
