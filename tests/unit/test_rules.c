/* Unit tests for rules.c / rules_parse.c: loading, every load error with its
 * exact file:line message, precedence, provider attribution, ip capture,
 * advice expansion, byte safety and the match limit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>
#include "rules.h"

#define BASIC "tests/unit/fixtures/rules-basic"

static char dir[64];
static char err[8192];

/* Writes name/content pairs (NULL-terminated) into a fresh directory and
 * loads it; the directory is removed again. */
static struct rules *load_files(const char *const *files)
{
	struct rules *r;
	char path[256];
	snprintf(dir, sizeof dir, "/tmp/bw-rules-XXXXXX");
	assert_non_null(mkdtemp(dir));
	for (size_t i = 0; files[i]; i += 2) {
		FILE *f;
		snprintf(path, sizeof path, "%s/%s", dir, files[i]);
		assert_non_null(f = fopen(path, "w"));
		fputs(files[i + 1], f);
		fclose(f);
	}
	err[0] = '\0';
	r = rules_load(dir, err, sizeof err);
	for (size_t i = 0; files[i]; i += 2) {
		snprintf(path, sizeof path, "%s/%s", dir, files[i]);
		unlink(path);
	}
	rmdir(dir);
	return r;
}

/* Loads one file a.rules and expects failure with "DIR/a.rules:LINE: MSG". */
static void expect_error(const char *content, int line, const char *msg)
{
	const char *files[] = { "a.rules", content, NULL };
	char want[1024];
	struct rules *r = load_files(files);
	assert_null(r);
	snprintf(want, sizeof want, "%s/a.rules:%d: %s", dir, line, msg);
	assert_string_equal(err, want);
}

static struct delivery mk(enum delivery_status st, const char *reply, const char *domain)
{
	struct delivery d;
	delivery_reset(&d);
	d.status = st;
	d.reply = str_cstr(reply);
	if (domain)
		snprintf(d.rcpt_domain, sizeof d.rcpt_domain, "%s", domain);
	return d;
}

/* Classifies reply, bounced, from relay to domain into *d and *v, and
 * expects rule to take it. */
static void classified_by(struct rules *r, const char *relay, const char *domain, const char *reply,
			  const char *rule, struct delivery *d, struct verdict *v)
{
	*d = mk(DS_BOUNCED, reply, domain);
	d->relay_host = str_cstr(relay);
	assert_int_equal(rules_classify(r, d, v), 1);
	assert_string_equal(v->rule_id, rule);
}

static void test_load_basic(void **state)
{
	struct rules *r = rules_load(BASIC, err, sizeof err);
	const struct rule_info *ri;
	assert_non_null(r);
	assert_int_equal(rules_count(r), 5);
	assert_int_equal(rules_file_count(r), 3);
	ri = rules_info(r, 0);
	assert_string_equal(ri->id, "microsoft-s3140");
	assert_string_equal(ri->provider, "microsoft");
	assert_string_equal(ri->category, "blocklist");
	assert_int_equal(ri->block, 1);
	assert_int_equal(ri->priority, 100);
	assert_int_equal(ri->line, 2);
	assert_int_equal(ri->match_line, 6);
	assert_int_equal(ri->n_examples, 2);
	assert_string_equal(ri->examples[1].ip, "2001:db8::25");
	assert_int_equal(ri->examples[1].line, 11);
	assert_int_equal(ri->has_ip_group, 1);
	assert_string_equal(ri->file, BASIC "/10-microsoft.rules");
	ri = rules_info(r, 3);
	assert_string_equal(ri->id, "generic-5.1.1");
	assert_string_equal(ri->provider, "generic");
	assert_int_equal(ri->priority, 900);
	assert_null(ri->advice);
	assert_null(rules_info(r, 5));
	rules_free(r);
	rules_free(NULL);
}

static void test_classify_ip_and_advice(void **state)
{
	struct rules *r = rules_load(BASIC, err, sizeof err);
	struct delivery d = mk(DS_BOUNCED, "550 5.7.1 Unfortunately, messages from [198.51.100.9] weren't sent. Please",
			       "example.org");
	struct verdict v;
	assert_non_null(r);
	assert_int_equal(rules_classify(r, &d, &v), 1);
	assert_string_equal(v.rule_id, "microsoft-s3140");
	assert_string_equal(v.provider, "microsoft");	/* from the rule, not the domain */
	assert_string_equal(v.category, "blocklist");
	assert_int_equal(v.block, 1);
	assert_string_equal(v.sending_ip, "198.51.100.9");
	assert_string_equal(v.advice, "https://sender.office.com (delist 198.51.100.9)");
	/* a capture that is not an address is dropped */
	d = mk(DS_DEFERRED, "550 5.7.1 Unfortunately, messages from [not-an-ip] weren't sent.", NULL);
	assert_int_equal(rules_classify(r, &d, &v), 1);
	assert_string_equal(v.sending_ip, "");
	assert_string_equal(v.advice, "https://sender.office.com (delist )");
	/* rule without advice: the provider's default advice, {ip} expanded */
	d = mk(DS_BOUNCED, "550 5.7.708 Service unavailable. Access denied", "hotmail.com");
	assert_int_equal(rules_classify(r, &d, &v), 1);
	assert_string_equal(v.rule_id, "microsoft-550-5.7.708");
	assert_string_equal(v.advice, "https://sendersupport.olc.protection.outlook.com/snds/ (check )");
	/* generic rule, provider without advice: no advice */
	d = mk(DS_BOUNCED, "550 5.1.1 no such user", "example.co.uk");
	assert_int_equal(rules_classify(r, &d, &v), 1);
	assert_string_equal(v.rule_id, "generic-5.1.1");
	assert_string_equal(v.provider, "examplenet");
	assert_null(v.advice);
	rules_free(r);
}

/* The no-rule IP scan prefers our own addresses (--source-ip) over the
 * first literal of a reply that names two. */
static void test_classify_prefers_own_ip(void **state)
{
	struct rules *r = rules_load(BASIC, err, sizeof err);
	const char *mine[] = { "198.51.100.77", "198.51.100.20" };
	struct delivery d = mk(DS_BOUNCED, "550 5.7.708 Access denied: [192.0.2.1] relayed for [198.51.100.20]",
			       "hotmail.com");
	struct verdict v;
	(void)state;
	assert_non_null(r);
	assert_int_equal(rules_classify(r, &d, &v), 1);
	assert_string_equal(v.sending_ip, "192.0.2.1");	/* the first, without a preference */
	rules_prefer_ips(r, mine, 2);
	assert_int_equal(rules_classify(r, &d, &v), 1);
	assert_string_equal(v.sending_ip, "198.51.100.20");
	/* a rule's own capture stays what the rule says */
	d = mk(DS_BOUNCED, "550 5.7.1 Unfortunately, messages from [192.0.2.9] weren't sent; [198.51.100.20]",
	       "hotmail.com");
	assert_int_equal(rules_classify(r, &d, &v), 1);
	assert_string_equal(v.sending_ip, "192.0.2.9");
	rules_prefer_ips(r, NULL, 0);
	d = mk(DS_BOUNCED, "550 5.7.708 Access denied: [192.0.2.1] relayed for [198.51.100.20]", "hotmail.com");
	assert_int_equal(rules_classify(r, &d, &v), 1);
	assert_string_equal(v.sending_ip, "192.0.2.1");
	rules_free(r);
}

static void test_precedence_priority(void **state)
{
	struct rules *r = rules_load(BASIC, err, sizeof err);
	struct delivery d = mk(DS_BOUNCED, "550-5.1.1 The email account that you tried to reach does not exist.",
			       "gmail.com");
	struct verdict v;
	assert_non_null(r);
	/* generic-5.1.1 matches too, but priority 900 loses to google's 100 */
	assert_int_equal(rules_classify(r, &d, &v), 1);
	assert_string_equal(v.rule_id, "google-user-unknown");
	assert_string_equal(v.advice, "https://support.google.com/mail/answer/81126");
	d = mk(DS_BOUNCED, "550-5.1.1 Something else", "gmail.com");
	assert_int_equal(rules_classify(r, &d, &v), 1);
	assert_string_equal(v.rule_id, "generic-5.1.1");
	assert_string_equal(v.provider, "google");	/* generic keeps the domain's provider */
	assert_string_equal(v.category, "user-unknown");
	assert_int_equal(v.block, 0);
	rules_free(r);
}

static void test_precedence_order(void **state)
{
	const char *files[] = {
		"b.rules", "[b1]\ncategory = other\nmatch = x\n[b0]\ncategory = other\nmatch = x\npriority = 5\n",
		"a.rules", "[a1]\ncategory = other\nmatch = x\n[a2]\ncategory = other\nmatch = x\n"
			   "[a3]\ncategory = other\nmatch = x\npriority = 100\n",
		NULL };
	struct rules *r = load_files(files);
	const char *want[] = { "b0", "a3", "a1", "a2", "b1" };
	struct delivery d = mk(DS_BOUNCED, "x", NULL);
	struct verdict v;
	assert_non_null(r);
	assert_int_equal(rules_count(r), 5);
	for (size_t i = 0; i < 5; i++)
		assert_string_equal(rules_info(r, i)->id, want[i]);
	assert_int_equal(rules_classify(r, &d, &v), 1);
	assert_string_equal(v.rule_id, "b0");
	assert_null(v.provider);
	rules_free(r);
}

/* A receiving provider's rules are not tried on another provider's reply;
 * block-list rules (their provider has no domains or relays) always are. */
static void test_provider_gate(void **state)
{
	const char *files[] = {
		"providers.conf", "[ms]\ndomains = hotmail.com\n[gg]\nrelays = .google.com\n[bl]\nname = a list\n",
		"a.rules", "[ms-x]\nprovider = ms\ncategory = other\nmatch = ^550 x\n"
			   "[bl-x]\nprovider = bl\ncategory = blocklist\nblock = yes\nmatch = listed\n",
		NULL };
	struct rules *r = load_files(files);
	struct delivery d = mk(DS_BOUNCED, "550 x", "hotmail.com");
	struct verdict v;
	char ip[VERDICT_IP_MAX];
	assert_non_null(r);
	assert_int_equal(rules_classify(r, &d, &v), 1);
	assert_string_equal(v.rule_id, "ms-x");
	/* the same words from a Google relay are not Microsoft's */
	d.relay_host = STR_LIT("aspmx.l.google.com");
	assert_int_equal(rules_classify(r, &d, &v), 0);
	assert_string_equal(v.provider, "gg");
	assert_int_equal(rules_try(r, 0, &d, ip), RULE_SKIP_PROVIDER);
	/* nothing attributed: every rule is tried */
	d = mk(DS_BOUNCED, "550 x", "example.org");
	assert_int_equal(rules_classify(r, &d, &v), 1);
	/* a block list quoted by any receiver */
	d = mk(DS_BOUNCED, "554 listed", "hotmail.com");
	d.relay_host = STR_LIT("mx.google.com");
	assert_int_equal(rules_classify(r, &d, &v), 1);
	assert_string_equal(v.rule_id, "bl-x");
	rules_free(r);
}

static void test_provider_for(void **state)
{
	struct rules *r = rules_load(BASIC, err, sizeof err);
	assert_non_null(r);
	assert_string_equal(rules_provider_for(r, "hotmail.com", STR_NULL), "microsoft");
	assert_string_equal(rules_provider_for(r, "msn.com", STR_NULL), "microsoft");
	assert_string_equal(rules_provider_for(r, "mail.example.co.uk", STR_NULL), "examplenet");
	assert_string_equal(rules_provider_for(r, "a.b.gmail.com", STR_NULL), "google");
	assert_null(rules_provider_for(r, "co.uk", STR_NULL));
	assert_null(rules_provider_for(r, "xhotmail.com", STR_NULL));
	assert_null(rules_provider_for(r, "", STR_NULL));
	assert_null(rules_provider_for(r, NULL, STR_NULL));
	/* relay suffixes (case-insensitive), exact relay, relay before domain */
	assert_string_equal(rules_provider_for(r, "example.org",
		STR_LIT("contoso-com.mail.protection.outlook.com")), "microsoft");
	assert_string_equal(rules_provider_for(r, "example.org",
		STR_LIT("GMAIL-SMTP-IN.L.Google.COM")), "google");
	assert_string_equal(rules_provider_for(r, "gmail.com", STR_LIT("mx.example.net")), "examplenet");
	assert_null(rules_provider_for(r, "example.org", STR_LIT("sub.mx.example.net")));
	assert_null(rules_provider_for(r, "example.org", STR_LIT("protection.outlook.com")));
	assert_string_equal(rules_provider_for(r, "outlook.com", STR_LIT("none")), "microsoft");
	rules_free(r);
}

/* A relay with '*' labels: each is any one label, exact or as a suffix;
 * tried after the literal relays; a '*' that is not a whole label, or is the
 * last, is refused, and so is the same name twice. */
static void test_wild_relays(void **state)
{
	const char *files[] = {
		"providers.conf", "[ses]\nrelays = email-smtp.*.amazonaws.com inbound-smtp.*.amazonaws.com\n"
				  "[cuda]\nrelays = .ess.*.barracudanetworks.com\n"
				  "[own]\nrelays = inbound-smtp.eu-west-9.amazonaws.com\n",
		NULL };
	const char *bad[] = {
		"providers.conf", "[a]\nrelays = a*.example.com a.*b.example.com example.* * a.*. a..b.example\n"
				  "domains = example.org. example..org\n"
				  "relays = x.*.example.com\n[b]\nrelays = x.*.example.com\n",
		NULL };
	char want[1024];
	struct rules *r = load_files(files);
	(void)state;
	assert_non_null(r);
	assert_string_equal(rules_provider_for(r, NULL, STR_LIT("email-smtp.us-east-1.amazonaws.com")), "ses");
	assert_string_equal(rules_provider_for(r, NULL, STR_LIT("INBOUND-SMTP.EU-WEST-1.AMAZONAWS.COM")), "ses");
	assert_string_equal(rules_provider_for(r, NULL, STR_LIT("inbound-smtp.eu-west-9.amazonaws.com")), "own");
	assert_null(rules_provider_for(r, NULL, STR_LIT("ec2-192-0-2-1.eu-west-1.compute.amazonaws.com")));
	assert_null(rules_provider_for(r, NULL, STR_LIT("ip-10-0-0-5.eu-west-1.compute.internal")));
	assert_null(rules_provider_for(r, NULL, STR_LIT("email-smtp.amazonaws.com")));
	assert_null(rules_provider_for(r, NULL, STR_LIT("email-smtp..amazonaws.com")));
	assert_null(rules_provider_for(r, NULL, STR_LIT("x.email-smtp.us-east-1.amazonaws.com")));
	assert_null(rules_provider_for(r, NULL, STR_LIT("email-smtp.a.b.amazonaws.com")));
	assert_null(rules_provider_for(r, NULL, STR_LIT("email-smtp.us-east-1.amazonaws.com.example")));
	assert_string_equal(rules_provider_for(r, NULL, STR_LIT("d405521.a.ess.ca.barracudanetworks.com")), "cuda");
	assert_string_equal(rules_provider_for(r, NULL, STR_LIT("mx1.ess.de.barracudanetworks.com")), "cuda");
	assert_null(rules_provider_for(r, NULL, STR_LIT("ess.de.barracudanetworks.com")));
	assert_null(rules_provider_for(r, NULL, STR_LIT("www.barracudanetworks.com")));
	assert_null(rules_provider_for(r, NULL, STR_LIT("d1.ess.barracudanetworks.com")));
	rules_free(r);
	assert_null(load_files(bad));
	snprintf(want, sizeof want,
		 "%s/providers.conf:2: bad relay host 'a*.example.com'\n"
		 "%s/providers.conf:2: bad relay host 'a.*b.example.com'\n"
		 "%s/providers.conf:2: bad relay host 'example.*'\n"
		 "%s/providers.conf:2: bad relay host '*'\n"
		 "%s/providers.conf:2: bad relay host 'a.*.'\n"
		 "%s/providers.conf:2: bad relay host 'a..b.example'\n"
		 "%s/providers.conf:3: bad domain 'example.org.'\n"
		 "%s/providers.conf:3: bad domain 'example..org'\n"
		 "%s/providers.conf:5: relay 'x.*.example.com' of b already belongs to a",
		 dir, dir, dir, dir, dir, dir, dir, dir, dir);
	assert_string_equal(err, want);
}

/* Cuts p[0..n) at its dots into at most 64 labels l[k] of ln[k] bytes;
 * returns how many. */
static size_t cut_labels(const char *p, size_t n, const char *l[64], size_t ln[64])
{
	size_t k = 0;
	for (const char *e = p + n;; p++) {
		const char *d = memchr(p, '.', (size_t)(e - p));
		l[k] = p;
		ln[k++] = d ? (size_t)(d - p) : (size_t)(e - p);
		if (d == NULL || k == 64)
			return k;
		p = d;
	}
}

/* Whether host[0..n) is a name of the relay pat with '*' labels, written
 * plainly: both cut into labels, pat's (less a leading dot) against host's
 * last ones, a '*' any label but an empty one; with the dot, host has more. */
static int wild_ref(const char *pat, const char *host, size_t n)
{
	const char *pl[64], *hl[64];
	size_t pn[64], hn[64];
	int suffix = pat[0] == '.';
	size_t kp = cut_labels(pat + suffix, strlen(pat + suffix), pl, pn), kh = cut_labels(host, n, hl, hn);
	if (suffix ? kh <= kp : kh != kp)
		return 0;
	for (size_t i = 0; i < kp; i++) {
		size_t j = kh - kp + i;
		if (pn[i] == 1 && pl[i][0] == '*' ? hn[j] == 0 : pn[i] != hn[j] || memcmp(pl[i], hl[j], pn[i]) != 0)
			return 0;
	}
	return 1;
}

/* Seeded random host names, each in a heap buffer of exactly its length,
 * against relays with '*' labels (the first listed that matches, by
 * wild_ref, names the provider): empty labels, a '*' in the name, upper
 * case, a name that ends in a dot. */
static void test_wild_relays_random(void **state)
{
	static const char *const pats[] = { "email-smtp.*.amazonaws.com", ".ess.*.barracudanetworks.com", "*.a.b",
					    ".*.c", "*.*.x", "a.*.b.*.c", ".e.*.f", "y.*.z" };
	static const char *const lab[] = { "a", "b", "c", "d", "e", "f", "", "x", "y", "z", "q", "w", "*", "ess", "us",
					   "email-smtp", "amazonaws", "com", "barracudanetworks", "B", "Ess" };
	const size_t np = sizeof pats / sizeof *pats, nl = sizeof lab / sizeof *lab;
	char conf[1024];
	const char *files[] = { "providers.conf", conf, NULL };
	uint64_t x = 0x2545f4914f6cdd1dull;
	size_t o = 0, hits = 0;
	struct rules *r;
	(void)state;
	for (size_t i = 0; i < np; i++)
		o += (size_t)snprintf(conf + o, sizeof conf - o, "[p%zu]\nrelays = %s\n", i, pats[i]);
	assert_true(o < sizeof conf);
	r = load_files(files);
	assert_non_null(r);
	for (int it = 0; it < 20000; it++) {
		char buf[256], low[256], *h;
		size_t n = 0, k, want = np;
		const char *got;
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		k = 1 + (size_t)(x % 6);
		for (size_t j = 0; j < k; j++) {
			const char *l = lab[(x >> (8 + 5 * j)) % nl];
			if (j > 0)
				buf[n++] = '.';
			memcpy(buf + n, l, strlen(l));
			n += strlen(l);
		}
		if (n == 0)
			continue;
		h = malloc(n);
		assert_non_null(h);
		memcpy(h, buf, n);
		for (size_t j = 0; j < n; j++)
			low[j] = (char)(buf[j] >= 'A' && buf[j] <= 'Z' ? buf[j] - 'A' + 'a' : buf[j]);
		for (size_t i = 0; i < np && want == np; i++)
			if (wild_ref(pats[i], low, n))
				want = i;
		got = rules_provider_for(r, NULL, (struct str){ .p = h, .len = n });
		if (want == np)
			assert_null(got);
		else {
			char w[12];
			snprintf(w, sizeof w, "p%zu", want);
			assert_non_null(got);
			assert_string_equal(got, w);
			hits++;
		}
		free(h);
	}
	assert_true(hits > 100);
	rules_free(r);
}

static void test_status_filter(void **state)
{
	struct rules *r = rules_load(BASIC, err, sizeof err);
	struct delivery d = mk(DS_SENT, "550 5.1.1 looks like a refusal", "hotmail.com");
	struct verdict v;
	char ip[VERDICT_IP_MAX];
	size_t gb;
	assert_non_null(r);
	/* success: provider only */
	assert_int_equal(rules_classify(r, &d, &v), 0);
	assert_null(v.rule_id);
	assert_string_equal(v.provider, "microsoft");
	/* match_status = bounced, refused */
	for (gb = 0; strcmp(rules_info(r, gb)->id, "generic-blocked") != 0; gb++)
		;
	d = mk(DS_DEFERRED, "554 you are listed", NULL);
	assert_int_equal(rules_try(r, gb, &d, ip), RULE_SKIP_STATUS);
	assert_int_equal(rules_classify(r, &d, &v), 0);
	d.status = DS_REFUSED;
	assert_int_equal(rules_try(r, gb, &d, ip), RULE_MATCH);
	assert_int_equal(rules_classify(r, &d, &v), 1);
	assert_string_equal(v.rule_id, "generic-blocked");
	d = mk(DS_BOUNCED, "454 you are listed", NULL);
	assert_int_equal(rules_try(r, gb, &d, ip), RULE_SKIP_PREFILTER);
	d = mk(DS_BOUNCED, "554 x", NULL);
	assert_int_equal(rules_try(r, gb, &d, ip), RULE_SKIP_PREFILTER);	/* too short */
	d = mk(DS_BOUNCED, "554 you are not on any list", NULL);
	assert_int_equal(rules_try(r, gb, &d, ip), RULE_NOMATCH);
	d = mk(DS_BOUNCED, "550 5.7.1 Unfortunately, messages from [192.0.2.1] weren't sent", NULL);
	assert_int_equal(rules_try(r, 0, &d, ip), RULE_MATCH);
	assert_string_equal(ip, "192.0.2.1");
	rules_free(r);
}

static void test_detail_fallback(void **state)
{
	struct rules *r = rules_load(BASIC, err, sizeof err);
	struct delivery d = mk(DS_BOUNCED, "", NULL);
	struct verdict v;
	assert_non_null(r);
	d.detail = STR_LIT("550 5.1.1 user unknown");
	assert_int_equal(rules_classify(r, &d, &v), 1);
	assert_string_equal(v.rule_id, "generic-5.1.1");
	delivery_reset(&d);
	d.status = DS_BOUNCED;	/* no subject at all */
	assert_int_equal(rules_classify(r, &d, &v), 0);
	rules_free(r);
}

static void test_bytes(void **state)
{
	static const char subj[] = "554 \xff\xfe\x00\xc3( blocked \x80";
	const char *files[] = { "a.rules", "[x]\ncategory = other\nmatch = ^554 .*blocked \\x80$\n"
				"[nul]\ncategory = other\nmatch = ^550 a\\x00b$\n", NULL };
	struct rules *r = load_files(files);
	struct delivery d = mk(DS_BOUNCED, "", NULL);
	struct verdict v;
	assert_non_null(r);
	d.reply = str_make(subj, sizeof subj - 1);
	assert_int_equal(rules_classify(r, &d, &v), 1);
	assert_string_equal(v.rule_id, "x");
	d.reply = str_make("550 a\0b", 7);
	assert_int_equal(rules_classify(r, &d, &v), 1);
	assert_string_equal(v.rule_id, "nul");
	d.reply = str_make("550 a\0bc", 8);
	assert_int_equal(rules_classify(r, &d, &v), 0);
	rules_free(r);
}

static void test_match_limit(void **state)
{
	const char *files[] = { "a.rules", "[bad]\ncategory = other\nmatch = ^5(\\w+\\s?)*$\n", NULL };
	struct rules *r = load_files(files);
	char *s = malloc(20001);
	struct delivery d;
	struct verdict v;
	clock_t t0;
	assert_non_null(r);
	memset(s, 'a', 20000);
	s[0] = '5';
	s[19999] = '!';
	s[20000] = '\0';
	d = mk(DS_BOUNCED, s, NULL);
	t0 = clock();
	assert_int_equal(rules_classify(r, &d, &v), 0);
	assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 2.0);
	assert_int_equal(rules_limit_hits(r), 1);
	free(s);
	rules_free(r);
}

static void test_long_lines(void **state)
{
	char body[2048], ex[700];
	const char *files[] = { "a.rules", body, NULL };
	struct rules *r;
	memset(ex, 'z', sizeof ex - 1);
	ex[sizeof ex - 1] = '\0';
	memcpy(ex, "550 ", 4);
	snprintf(body, sizeof body, "[long]\ncategory = other\nmatch = ^550 z+$ ; comment\n"
		 "example = %s ; a comment after a long value\n", ex);
	r = load_files(files);
	assert_non_null(r);
	assert_string_equal(rules_info(r, 0)->examples[0].text, ex);
	rules_free(r);
	/* a long value that does not match still names the right line */
	snprintf(body, sizeof body, "[long]\ncategory = other\nmatch = ^550 y+$\nexample = %s\n", ex);
	expect_error(body, 4, "example is not matched by rule 'long'");
	/* a match line past libinih's 200-byte buffer: the part after the cut
	 * (the last alternative) is part of the rule, the inline comment is not:
	 * the example matches only then */
	{
		char alt[400];
		size_t n = 0;
		for (int i = 0; i < 60; i++)
			n += (size_t)snprintf(alt + n, sizeof alt - n, "w%02d|", i);
		alt[n - 1] = '\0';
		snprintf(body, sizeof body, "[long]\ncategory = other\nmatch = ^550 (?:%s|past-the-cut)$ ; why\n"
			 "example = 550 past-the-cut\n", alt);
		assert_true(strcspn(strstr(body, "match"), "\n") > 220);
		r = load_files(files);
		assert_non_null(r);
		rules_free(r);
	}
}

/* The rules match a multi-line reply with its continuation prefixes joined
 * (reply_join.h): classify, rules_try, the prefilter's literal, the ip and
 * zone groups, the IP found without a rule, and the examples' check. */
static void test_multiline_joined(void **state)
{
	static const char *const files[] = { "a.rules",
		"[rate]\ncategory = reputation\nblock = yes\npriority = 100\n"
		"match = unusual rate of unsolicited mail originating from your IP address\n"
		"example = 421-4.7.28 Gmail has detected an unusual rate of 421-4.7.28 unsolicited mail "
		"originating from your IP address.\n"
		"[listed]\ncategory = blocklist\nblock = yes\npriority = 200\n"
		"match = Client host \\[(?<ip>[\\d.]+)\\] blocked using (?<zone>[\\w.-]+) listed\n"
		"example = 554-5.7.1 Client host [192.0.2.1] 554 5.7.1 blocked using zen.example.net listed\n"
		"example_ip = 192.0.2.1\n"
		"[quoted]\ncategory = user-unknown\npriority = 300\nmatch = said: 550 5\\.1\\.1\n"
		"example = 550 5.1.1 <a@example.org>: host mx.example.org[192.0.2.9] said: 550 5.1.1 unknown\n",
		NULL };
	struct rules *r = load_files(files);
	struct delivery d;
	struct verdict v;
	char ip[VERDICT_IP_MAX];
	assert_non_null(r);
	d = mk(DS_DEFERRED, "421-4.7.28 [192.0.2.7      15] Gmail has detected an unusual rate of\\n421-4.7.28 "
	       "unsolicited mail originating from your 421 4.7.28 IP address. a1 - gsmtp", NULL);
	assert_int_equal(rules_classify(r, &d, &v), 1);
	assert_string_equal(v.rule_id, "rate");
	assert_string_equal(v.sending_ip, "192.0.2.7");
	assert_int_equal(rules_try(r, 0, &d, ip), RULE_MATCH);
	rules_set_prefilter(r, 0);
	assert_int_equal(rules_classify(r, &d, &v), 1);
	assert_string_equal(v.rule_id, "rate");
	rules_set_prefilter(r, 1);
	/* the groups capture from the joined text */
	d = mk(DS_BOUNCED, "554-5.7.1 Service unavailable; Client host [198.51.100.4] 554-5.7.1 blocked using "
	       "bl.example.org 554 5.7.1 listed", NULL);
	assert_int_equal(rules_classify(r, &d, &v), 1);
	assert_string_equal(v.rule_id, "listed");
	assert_string_equal(v.sending_ip, "198.51.100.4");
	assert_string_equal(v.blocklist, "bl.example.org");
	assert_int_equal(rules_try(r, 1, &d, ip), RULE_MATCH);
	assert_string_equal(ip, "198.51.100.4");
	/* a one-line reply quoting another keeps its codes */
	d = mk(DS_BOUNCED, "550 5.1.1 <a@example.org>: host mx.example.org[192.0.2.9] said: 550 5.1.1 unknown", NULL);
	assert_int_equal(rules_classify(r, &d, &v), 1);
	assert_string_equal(v.rule_id, "quoted");
	/* the IP finder passes over the quoted server when a break split its words */
	d = mk(DS_BOUNCED, "550-5.1.1 <a@example.org>: host mx.example.org[192.0.2.9] 550 5.1.1 said: "
	       "550 5.1.1 unknown", NULL);
	assert_int_equal(rules_classify(r, &d, &v), 1);
	assert_string_equal(v.rule_id, "quoted");
	assert_string_equal(v.sending_ip, "");
	rules_free(r);
}

static void test_example_more(void **state)
{
	const char *files[] = { "a.rules", "[a]\ncategory = other\nmatch = ^550 one two three$\n"
				"example = 550 one\nexample+ = two\nexample+ = three\n", NULL };
	struct rules *r = load_files(files);
	assert_non_null(r);
	assert_string_equal(rules_info(r, 0)->examples[0].text, "550 one two three");
	assert_int_equal(rules_info(r, 0)->examples[0].line, 4);
	rules_free(r);
}

static void test_no_providers_conf(void **state)
{
	const char *files[] = { "a.rules", "[a]\nprovider = anyone\ncategory = rate\nmatch = ^4\n", NULL };
	struct rules *r = load_files(files);
	struct delivery d = mk(DS_DEFERRED, "421 slow down", "gmail.com");
	struct verdict v;
	assert_non_null(r);
	assert_int_equal(rules_classify(r, &d, &v), 1);
	assert_string_equal(v.provider, "anyone");
	assert_null(v.advice);
	rules_free(r);
}

static void test_empty_and_missing_dir(void **state)
{
	const char *files[] = { "notes.txt", "[x]\nnot = a rule file\n", NULL };
	struct rules *r = load_files(files);
	assert_non_null(r);
	assert_int_equal(rules_count(r), 0);
	rules_free(r);
	assert_null(rules_load("/nonexistent/bw", err, sizeof err));
	assert_string_equal(err, "/nonexistent/bw: No such file or directory");
}

static void test_errors(void **state)
{
	expect_error("[a]\ncategory = other\nmatch = ^5(\\d\n", 3,
		     "match: missing closing parenthesis (PCRE2 offset 5)");
	expect_error("[a]\ncategory = other\nmatch = x\nmatc = y\n", 4, "unknown key 'matc'");
	expect_error("[a]\ncategory = spam\nmatch = x\n", 2, "unknown category 'spam'");
	expect_error("[a]\ncategory = other\nblock = true\nmatch = x\n", 3, "block must be yes or no, not 'true'");
	expect_error("# c\n\n[a]\ncategory = other\n", 3, "rule 'a' has no match");
	expect_error("[a]\nmatch = x\n", 1, "rule 'a' has no category");
	expect_error("[a]\ncategory = other\nmatch = x\npriority = 10x\n", 4,
		     "priority must be an integer 0..9999, not '10x'");
	expect_error("[a]\ncategory = other\nmatch = x\nmatch = y\n", 4, "duplicate key 'match'");
	expect_error("category = other\n", 1, "key 'category' outside a [section]");
	expect_error("[a]\ncategory = other\nmatch = x\n  example = x\n", 4,
		     "line starts with white space (continuation lines are not supported)");
	expect_error("[a\ncategory = other\n", 1, "missing ']' in section header");
	expect_error("[a b]\ncategory = other\nmatch = x\n", 1,
		     "bad rule id 'a b' (letters, digits, '.', '-', '_'; at most 64 bytes)");
	expect_error("[a]\ncategory = other\nmatch = x\njunk\n", 4,
		     "expected 'key = value', a [section] or a comment");
	expect_error("[a]\ncategory = other\nmatch = x\nmatch_status = sent\n", 4,
		     "match_status: 'sent' is not a list of non-success statuses");
	expect_error("[a]\ncategory = other\nmatch = x\nexample = y\n", 4, "example is not matched by rule 'a'");
	expect_error("[a]\ncategory = other\nmatch = x\nexample+ = y\n", 4, "example+ without a preceding example");
	expect_error("[a]\ncategory = other\nmatch = ^x$\nexample = x\nexample+ = y z\n", 4,
		     "example is not matched by rule 'a'");
	expect_error("[a]\ncategory = other\nmatch = x\nexample_ip = 192.0.2.1\n", 4,
		     "example_ip without a preceding example");
	expect_error("[a]\ncategory = other\nmatch = x\nexample = x\nexample_ip = 192.0.2.300\n", 5,
		     "example_ip '192.0.2.300' is not an IP address");
	expect_error("[a]\ncategory = other\nmatch = x\nexample = x\nexample_ip = 192.0.2.1\n", 4,
		     "rule 'a' finds no IP for example_ip");
	expect_error("[a]\ncategory = other\nmatch = from (?<ip>\\S+)\nexample = from 192.0.2.1\n"
		     "example_ip = 192.0.2.2\n", 4, "example: ip captured '192.0.2.1', example_ip is '192.0.2.2'");
	expect_error("[a]\ncategory = other\nmatch = from (?<ip>\\S+)\nexample = from host.example\n", 4,
		     "example: ip group captured 'host.example', not an IP address");
	expect_error("[a]\ncategory = other\nmatch = (?J)(?<ip>a)|(?<ip>b)\n", 3,
		     "match: more than one group named 'ip'");
}

static void test_error_nul_byte(void **state)
{
	/* a NUL byte inside a rule file */
	const char content[] = "[a]\ncategory = other\nmatch = b\0c\n";
	char path[256], want[512];
	FILE *f;
	snprintf(dir, sizeof dir, "/tmp/bw-rules-XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/a.rules", dir);
	assert_non_null(f = fopen(path, "w"));
	fwrite(content, 1, sizeof content - 1, f);
	fclose(f);
	assert_null(rules_load(dir, err, sizeof err));
	snprintf(want, sizeof want, "%s/a.rules:3: NUL byte in line\n%s/a.rules:1: rule 'a' has no match", dir, dir);
	assert_string_equal(err, want);
	unlink(path);
	rmdir(dir);
}

static void test_error_duplicates_and_all_listed(void **state)
{
	const char *files[] = {
		"a.rules", "[x]\ncategory = other\nmatch = x\n",
		"b.rules", "\n[x]\ncategory = other\nmatch = x\n[y]\ncategory = nope\nmatch = (\n",
		NULL };
	char want[1024];
	assert_null(load_files(files));
	snprintf(want, sizeof want,
		 "%s/b.rules:2: duplicate rule id 'x' (first at %s/a.rules:1)\n"
		 "%s/b.rules:6: unknown category 'nope'\n"
		 "%s/b.rules:7: match: missing closing parenthesis (PCRE2 offset 1)",
		 dir, dir, dir, dir);
	assert_string_equal(err, want);
}

static void test_error_providers(void **state)
{
	const char *files[] = {
		"providers.conf", "[ms]\ndomains = hotmail.com\nsigns = msw\n[gg]\ndomains = gmail.com HOTMAIL.com\n"
				  "colour = blue\nsigns = g.smtp MSW\n[generic]\n",
		"a.rules", "[a]\nprovider = nobody\ncategory = other\nmatch = x\n",
		NULL };
	char want[1024];
	assert_null(load_files(files));
	snprintf(want, sizeof want,
		 "%s/providers.conf:6: unknown key 'colour'\n"
		 "%s/providers.conf:7: bad signature word 'g.smtp'\n"
		 "%s/providers.conf:8: provider id 'generic' is reserved\n"
		 "%s/providers.conf:4: domain 'hotmail.com' of gg already belongs to ms\n"
		 "%s/providers.conf:4: signature word 'msw' of gg already belongs to ms\n"
		 "%s/a.rules:2: unknown provider 'nobody' (not in %s/providers.conf)",
		 dir, dir, dir, dir, dir, dir, dir);
	assert_string_equal(err, want);
}

static void test_error_truncation(void **state)
{
	char small[80];
	const char *files[] = { "a.rules", "[a]\n[b]\n[c]\n[d]\n", NULL };
	snprintf(dir, sizeof dir, "/tmp/bw-rules-XXXXXX");
	assert_non_null(mkdtemp(dir));
	{
		char path[256];
		FILE *f;
		snprintf(path, sizeof path, "%s/%s", dir, files[0]);
		assert_non_null(f = fopen(path, "w"));
		fputs(files[1], f);
		fclose(f);
		assert_null(rules_load(dir, small, sizeof small));
		unlink(path);
		rmdir(dir);
	}
	assert_non_null(strstr(small, "a.rules:1: rule 'a' has no match"));
	assert_non_null(strstr(small, "\n... and 7 more"));
	assert_true(strlen(small) < sizeof small);
}

/* A block list is a property of the reply: the rule's list, or the zone it
 * captured mapped through blocklists.conf; the provider stays the receiver. */
static void test_blocklists(void **state)
{
	const char *files[] = {
		"providers.conf", "[ms]\ndomains = hotmail.com\n",
		"blocklists.conf", "[spamhaus]\nname = Spamhaus\nadvice = https://check/{lookup}?ip={ip}\n"
				   "zones = spamhaus.org\n[own]\nname = the receiver's list\n",
		"a.rules", "[bl-zen]\ncategory = blocklist\nblock = yes\nblocklist = spamhaus\n"
			   "match = blocked using zen\\b\n"
			   "[bl-zone]\ncategory = blocklist\nblock = yes\n"
			   "match = blocked using (?<zone>[\\w.-]+)\n",
		NULL };
	struct rules *r = load_files(files);
	struct delivery d = mk(DS_BOUNCED, "554 Client host [192.0.2.9] blocked using zen", "hotmail.com");
	struct verdict v;
	const char *name, *advice;
	(void)state;
	assert_non_null(r);
	assert_int_equal(rules_classify(r, &d, &v), 1);
	assert_string_equal(v.rule_id, "bl-zen");
	assert_string_equal(v.blocklist, "spamhaus");
	assert_string_equal(v.provider, "ms");
	/* no (?<ip>) group: the literal in the reply is the sending IP */
	assert_string_equal(v.sending_ip, "192.0.2.9");
	assert_string_equal(v.advice, "https://check/{lookup}?ip=192.0.2.9");	/* only "{ip}" expands */
	/* a zone under a list's zone maps to the list, case and final dot aside */
	d = mk(DS_BOUNCED, "554 blocked using SBL.Spamhaus.ORG.", "example.org");
	assert_int_equal(rules_classify(r, &d, &v), 1);
	assert_string_equal(v.rule_id, "bl-zone");
	assert_string_equal(v.blocklist, "spamhaus");
	assert_null(v.provider);
	/* a zone no list claims is named as it is */
	d = mk(DS_BOUNCED, "554 blocked using bl.example.net", NULL);
	assert_int_equal(rules_classify(r, &d, &v), 1);
	assert_string_equal(v.blocklist, "bl.example.net");
	assert_int_equal(rules_blocklist_info(r, "own", &name, &advice), 1);
	assert_string_equal(name, "the receiver's list");
	assert_null(advice);
	assert_int_equal(rules_blocklist_info(r, "nope", &name, &advice), 0);
	rules_free(r);
}

static void test_blocklist_errors(void **state)
{
	const char *unknown[] = {
		"blocklists.conf", "[spamhaus]\nzones = spamhaus.org\n",
		"a.rules", "[x]\ncategory = blocklist\nblock = yes\nblocklist = nosuch\nmatch = x\nexample = x\n",
		NULL };
	const char *twice[] = {
		"blocklists.conf", "[a]\nzones = example.net\n[b]\nzones = example.net\n", NULL };
	const char *badkey[] = {
		"blocklists.conf", "[a]\ndomains = example.net\n", NULL };
	(void)state;
	assert_null(load_files(unknown));
	assert_non_null(strstr(err, "a.rules:4: unknown block list 'nosuch'"));
	assert_null(load_files(twice));
	assert_non_null(strstr(err, "zone 'example.net' of b already belongs to a"));
	assert_null(load_files(badkey));
	assert_non_null(strstr(err, "blocklists.conf:2: unknown key 'domains'"));
}

/* [provider/pool] sections: the relay names the pool first, then the domain;
 * a provider's own domains and relays are its default pool; a rule of
 * another party (a block list) makes its own provider and pool. */
static void test_pools(void **state)
{
	const char *files[] = {
		"providers.conf", "[ms]\nrelays = .protection.outlook.com\n"
				  "[ms/consumer]\ndomains = hotmail.com\nrelays = .olc.protection.outlook.com\n"
				  "[ms/tenants]\nrelays = .mail.protection.outlook.com\n[bl]\nname = a list\n",
		"a.rules", "[ms-x]\nprovider = ms\ncategory = blocklist\nblock = yes\nmatch = ^550 x\n"
			   "[bl-x]\nprovider = bl\ncategory = blocklist\nblock = yes\nmatch = listed\n",
		NULL };
	struct rules *r = load_files(files);
	struct delivery d = mk(DS_BOUNCED, "550 x", "hotmail.com");
	struct verdict v;
	assert_non_null(r);
	assert_int_equal(rules_classify(r, &d, &v), 1);
	assert_string_equal(v.provider, "ms");
	assert_string_equal(v.pool, "consumer");
	d.relay_host = STR_LIT("contoso-com.mail.protection.outlook.com");
	assert_int_equal(rules_classify(r, &d, &v), 1);
	assert_string_equal(v.pool, "tenants");
	d.relay_host = STR_LIT("hotmail-com.olc.protection.outlook.com");
	assert_int_equal(rules_classify(r, &d, &v), 1);
	assert_string_equal(v.pool, "consumer");
	d.relay_host = STR_LIT("other.protection.outlook.com");
	rules_classify(r, &d, &v);
	assert_string_equal(v.pool, "ms");
	/* a success is attributed too */
	d = mk(DS_SENT, "250 ok", "example.org");
	d.relay_host = STR_LIT("fabrikam-com.mail.protection.outlook.com");
	assert_int_equal(rules_classify(r, &d, &v), 0);
	assert_string_equal(v.provider, "ms");
	assert_string_equal(v.pool, "tenants");
	assert_string_equal(rules_pool_for(r, "hotmail.com", STR_NULL), "consumer");
	assert_null(rules_pool_for(r, "example.org", STR_NULL));
	/* the list's rule: its own provider, the receiver's pool */
	d = mk(DS_BOUNCED, "554 listed", "hotmail.com");
	assert_int_equal(rules_classify(r, &d, &v), 1);
	assert_string_equal(v.provider, "bl");
	assert_string_equal(v.pool, "consumer");
	assert_int_equal(v.pool_listed, 1);
	/* ... quoted by a receiver nobody names: the relay's registered domain */
	d = mk(DS_BOUNCED, "554 listed", "example.org");
	d.relay_host = STR_LIT("MX2.Mail.Example.co.uk");
	assert_int_equal(rules_classify(r, &d, &v), 1);
	assert_string_equal(v.provider, "bl");
	assert_string_equal(v.pool, "example.co.uk");
	assert_int_equal(v.pool_listed, 0);
	assert_int_equal(v.foreign, 0);
	/* nothing attributed, the rule names the provider: its default pool */
	d = mk(DS_BOUNCED, "550 x", "example.org");
	assert_int_equal(rules_classify(r, &d, &v), 1);
	assert_string_equal(v.pool, "ms");
	rules_free(r);
}

static void want_str(const char *got, const char *want)
{
	if (want)
		assert_string_equal(got, want);
	else
		assert_null(got);
}

/* Classifies d as logged from relay (a match expected) and checks the
 * attribution: foreign or not, provider, pool (NULL: none), listed pool. */
static struct verdict attributed_as(struct rules *r, struct delivery *d, const char *relay, int foreign,
				    const char *provider, const char *pool, int listed)
{
	struct verdict v;
	d->relay_host = str_cstr(relay);
	assert_int_equal(rules_classify(r, d, &v), 1);
	assert_int_equal(v.foreign, foreign);
	want_str(v.worded_as, foreign ? "ms" : NULL);
	want_str(v.provider, provider);
	want_str(v.pool, pool);
	assert_int_equal(v.pool_listed, listed);
	return v;
}

/* A receiving provider's wording from a relay that is not that provider's:
 * attributed to the relay's own pool, marked foreign (a hostile receiver
 * faking Outlook.com's S3140 for any IP). */
static void test_foreign_relay(void **state)
{
	const char *files[] = {
		"providers.conf", "[ms]\nrelays = .protection.outlook.com\nadvice = delist at ms\n"
				  "[ms/consumer]\ndomains = hotmail.com\nrelays = .olc.protection.outlook.com\n"
				  "[gg]\ndomains = gmail.com\nrelays = .google.com\n",
		"a.rules", "[ms-s3140]\nprovider = ms\ncategory = blocklist\nblock = yes\n"
			   "match = ^550 .*\\[(?<ip>[0-9.]+)\\].*S3140\n"
			   "[gen]\ncategory = other\nmatch = ^550 generic\n",
		NULL };
	struct rules *r = load_files(files);
	struct delivery d = mk(DS_BOUNCED, "550 5.7.1 from [10.0.0.9] on our list (S3140)", "evil.example");
	struct verdict v;
	(void)state;
	assert_non_null(r);
	v = attributed_as(r, &d, "mx.evil.example", 1, NULL, "evil.example", 0);
	assert_int_equal(v.block, 1);
	assert_string_equal(v.category, "blocklist");
	assert_string_equal(v.sending_ip, "10.0.0.9");
	assert_non_null(v.advice);
	assert_null(strstr(v.advice, "delist at ms"));	/* not the named provider's advice */
	/* a recipient domain of the provider does not make an unknown relay its */
	snprintf(d.rcpt_domain, sizeof d.rcpt_domain, "hotmail.com");
	attributed_as(r, &d, "mx.evil.example", 1, NULL, "evil.example", 0);
	/* a relay logged by address (transport map, [relayhost]): the domain decides */
	attributed_as(r, &d, "198.51.100.66", 0, "ms", "consumer", 1);
	snprintf(d.rcpt_domain, sizeof d.rcpt_domain, "evil.example");
	/* the provider's own relay: its pool, its advice */
	v = attributed_as(r, &d, "hotmail-com.olc.protection.outlook.com", 0, "ms", "consumer", 1);
	assert_string_equal(v.advice, "delist at ms");
	/* another provider's relay: the gate keeps the rule from running */
	d.relay_host = STR_LIT("mx.google.com");
	assert_int_equal(rules_classify(r, &d, &v), 0);
	assert_string_equal(v.provider, "gg");
	/* no relay host in the line: the wording's provider stands */
	attributed_as(r, &d, "none", 0, "ms", "ms", 1);
	/* a generic rule from an unknown relay is not foreign: no provider claimed */
	d = mk(DS_BOUNCED, "550 generic", "evil.example");
	attributed_as(r, &d, "mx.evil.example", 0, NULL, NULL, 0);
	rules_free(r);
}

/* A line that names no relay host and no listed recipient domain: the
 * reply's own words may name its writer (a relay host name in it, a
 * signature word, the recipient's address), but never over a relay host
 * name the line has, and never the client's name as Postfix quotes it. */
static void test_reply_words(void **state)
{
	const char *files[] = {
		"providers.conf", "[ms]\nrelays = .protection.outlook.com\n"
				  "[ms/consumer]\ndomains = hotmail.com\nrelays = .olc.protection.outlook.com\n"
				  "[gg]\ndomains = gmail.com\nrelays = .google.com\nsigns = gsmtp\n"
				  "[sh]\nname = a block list\n",
		"a.rules", "[ms-s3140]\nprovider = ms\ncategory = blocklist\nblock = yes\nmatch = S3140\n"
			   "[gg-as]\nprovider = gg\ncategory = other\nmatch = Relaying disallowed as\n"
			   "[ms-tenant]\nprovider = ms\ncategory = relay-denied\nmatch = TenantAttribution\n"
			   "[sh-listed]\nprovider = sh\ncategory = blocklist\nblock = yes\nmatch = listed by sh\n"
			   "[gen-relay]\ncategory = relay-denied\nmatch = Relaying denied\n"
			   "[gen]\ncategory = other\nmatch = ^5\n",
		NULL };
	struct rules *r = load_files(files);
	struct delivery d = mk(DS_BOUNCED, "503 5.5.1 RCPT first. c1si2.3 - gsmtp", NULL);
	struct verdict v;
	(void)state;
	assert_non_null(r);
	attributed_as(r, &d, "", 0, "gg", "gg", 1);			/* a signature word */
	attributed_as(r, &d, "192.0.2.25", 0, "gg", "gg", 1);	/* a relay logged by address */
	attributed_as(r, &d, "mx.other.example", 0, NULL, NULL, 0);	/* a named relay: not the text */
	snprintf(d.rcpt_domain, sizeof d.rcpt_domain, "hotmail.com");
	attributed_as(r, &d, "", 0, "ms", "consumer", 1);		/* the domain comes first */
	d = mk(DS_BOUNCED, "550 5.1.1 <x@hotmail.com>... User unknown", NULL);
	attributed_as(r, &d, "none", 0, "ms", "consumer", 1);	/* the recipient's address */
	snprintf(d.rcpt_domain, sizeof d.rcpt_domain, "example.org");
	attributed_as(r, &d, "none", 0, NULL, NULL, 0);	/* a domain: not the text's address */
	d = mk(DS_BOUNCED, "550 5.1.1 recipient no longer on server: x@hotmail.com", NULL);
	attributed_as(r, &d, "", 0, "ms", "consumer", 1);	/* bare, as some receivers write it */
	/* an address does not gate the rules (it may be the sender's): another
	 * provider's own wording runs, and its provider stands */
	d = mk(DS_BOUNCED, "553 Relaying disallowed as x@hotmail.com", NULL);
	v = attributed_as(r, &d, "", 0, "gg", "gg", 1);
	assert_string_equal(v.rule_id, "gg-as");
	assert_int_equal(rules_try(r, 1, &d, v.sending_ip), RULE_MATCH);
	/* a server that will not relay to the address is not its domain's receiver */
	d = mk(DS_BOUNCED, "550 5.7.1 <x@hotmail.com>... Relaying denied", NULL);
	v = attributed_as(r, &d, "none", 0, NULL, NULL, 0);
	assert_string_equal(v.rule_id, "gen-relay");
	/* unless the rule is the receiver's own: its own relay refusal stands */
	d = mk(DS_BOUNCED, "550 5.7.64 <x@hotmail.com> TenantAttribution; Relay Access Denied", NULL);
	v = attributed_as(r, &d, "none", 0, "ms", "consumer", 1);
	assert_string_equal(v.rule_id, "ms-tenant");
	d = mk(DS_BOUNCED, "550 mailbox gone [AM0P1.eurprd01.prod.PROTECTION.outlook.com]", "example.org");
	attributed_as(r, &d, "", 0, "ms", "ms", 1);		/* the receiver's own host name */
	/* the client as Postfix quotes it, and its HELO name: not the writer */
	d = mk(DS_BOUNCED, "554 5.7.1 <a1.mail.google.com[192.0.2.7]>: Client host rejected", NULL);
	attributed_as(r, &d, "", 0, NULL, NULL, 0);
	d = mk(DS_BOUNCED, "504 5.5.2 <mx.google.com>: Helo command rejected", NULL);
	attributed_as(r, &d, "", 0, NULL, NULL, 0);
	/* the words gate rules as a domain would: another receiver's does not run */
	d = mk(DS_BOUNCED, "550 on our list (S3140) - gsmtp", NULL);
	v = attributed_as(r, &d, "", 0, "gg", "gg", 1);
	assert_string_equal(v.rule_id, "gen");
	assert_int_equal(rules_try(r, 0, &d, v.sending_ip), RULE_SKIP_PROVIDER);
	/* a sign decides over a host name the text quotes before it (a sender's
	 * domain, a client's host), and a name still decides without a sign */
	d = mk(DS_BOUNCED, "550 5.7.26 mail from a1.prod.protection.outlook.com is not accepted - gsmtp", NULL);
	attributed_as(r, &d, "", 0, "gg", "gg", 1);
	d = mk(DS_BOUNCED, "550 5.7.26 mail from a1.prod.protection.outlook.com is not accepted", NULL);
	attributed_as(r, &d, "", 0, "ms", "ms", 1);
	/* the first of two host names */
	d = mk(DS_BOUNCED, "550 mx.olc.protection.outlook.com then mx.google.com", NULL);
	attributed_as(r, &d, "", 0, "ms", "consumer", 1);
	/* and a receiver's rule of the provider they name does */
	d = mk(DS_BOUNCED, "550 on our list (S3140) [BN1.prod.protection.outlook.com]", NULL);
	v = attributed_as(r, &d, "", 0, "ms", "ms", 1);
	assert_string_equal(v.rule_id, "ms-s3140");
	/* an accepted delivery is not read for words */
	d = mk(DS_SENT, "250 2.0.0 OK 1234 - gsmtp", NULL);
	assert_int_equal(rules_classify(r, &d, &v), 0);
	assert_null(v.provider);
	/* a block list's rule names the list, the pool stays the text's receiver */
	d = mk(DS_BOUNCED, "550 listed by sh - gsmtp", NULL);
	attributed_as(r, &d, "", 0, "sh", "gg", 1);
	rules_free(r);
}

/* Loads files and checks that each reply of named (reply, provider) is
 * that provider's (and pool's) without a relay host, that the first is no
 * one's from a relay host of no provider, and that each of none is no
 * one's. */
static void signs_name(const char *const *files, const char *const (*named)[2], size_t n_named,
		       const char *const *none, size_t n_none)
{
	struct rules *r = load_files(files);
	struct delivery d;
	assert_non_null(r);
	for (size_t i = 0; i < n_named; i++) {
		d = mk(DS_BOUNCED, named[i][0], NULL);
		attributed_as(r, &d, "", 0, named[i][1], named[i][1], 1);
	}
	d = mk(DS_BOUNCED, named[0][0], NULL);
	attributed_as(r, &d, "mx.other.example", 0, NULL, NULL, 0);	/* the relay decides */
	for (size_t i = 0; i < n_none; i++) {
		d = mk(DS_BOUNCED, none[i], NULL);
		attributed_as(r, &d, "", 0, NULL, NULL, 0);
	}
	rules_free(r);
}

/* A numbered sign ("as#"): the provider's letters and a number, in
 * parentheses or brackets as its servers write their codes ("(AS3130)",
 * "AS(1440)", "[AS23]"); not the letters alone, another number shape,
 * other letters, an unclosed parenthesis at the end of the text, nor over
 * a relay host name. An underscore sign ("ofr_#") and an enhanced status
 * code or a range of them ("5.7.606-649") likewise. */
static void test_numbered_sign(void **state)
{
	static const char *const none[] = {
		"550 5.7.1 network AS3130 refused",	/* no parentheses */
		"550 5.7.1 refused (AS3-10)",		/* not letters and digits */
		"550 5.7.1 refused (AS)(3130)",
		"550 5.7.1 refused (AS)",		/* no number */
		"550 5.7.1 refused (GE)",
		"550 5.7.1 refused AS()",
		"550 5.7.1 refused (XAS3130)",		/* other letters */
		"550 5.7.1 refused (AS3130",		/* unclosed, at the end */
		"550 5.7.1 refused AS(1440",
		"550 5.7.1 refused AS(",
		"550 5.7.1 refused (AS3130]",
		"550 5.7.1 refused AS (1440)",
		"550 5.7.1 refused [AS3130)",
		"550 5.7.1 refused {AS3130}",		/* not as codes are enclosed */
		"550 5.7.1 cuda nsu refused",		/* a sign's parts, not the sign */
		/* an underscore sign ("ofr_#"): not without '_' or a digit after
		 * it, with other letters or bytes in the token, or another sign's
		 * letters before '_' */
		"550 5.7.1 refused OFR506",
		"550 5.7.1 refused OFR_ [506]",
		"550 5.7.1 refused OFR_abc",
		"550 5.7.1 refused XOFR_506",
		"550 5.7.1 refused OFR4x_104",
		"550 5.7.1 refused OFR_506-2",
		"550 5.7.1 refused OFR_506.x",
		"550 5.7.1 refused AS_3130",
		"550 5.7.1 refused OFR _506",
		"550 5.7.1 refused OFR\xe9_506",		/* a byte that ends a word */
		/* a code sign: not outside its range, nor inside a longer word */
		"550 5.7.605 Access denied",
		"550 5.7.650 Access denied",
		"550 5.7.60 Access denied",
		"550 5.7.6 Access denied",
		"550 5.7.6060 Access denied",
		"550 15.7.606 Access denied",
		"550 5.7.606.1 Access denied",
		"550 x5.7.606 Access denied",
		"451 4.7.5000 busy",
		"451 4.7.50 busy",
	};
	/* reply, provider: parentheses or brackets around letters and a number
	 * (a digit, then letters and digits), or around the number after them;
	 * a sign with '_' inside as its provider writes it */
	static const char *const named[][2] = {
		{ "550 5.7.1 blocked using Spamhaus. (AS3130)", "ms" },
		{ "550 5.7.1 blocked using Spamhaus. see https://x.example/q/192.0.2.1 AS(1440)", "ms" },
		{ "550 5.7.1 refused (as16012611) [BN1.example]", "ms" },	/* any case, words after it */
		{ "550 5.7.1 refused - gsmtp (AS3130)", "gg" },		/* the first sign decides */
		{ "553 5.7.1 [AS23] Connections not accepted", "ms" },
		{ "550 5.7.0 mime_banned_file - File attachment is not allowed (G1C)", "rs" },
		{ "550 5.7.1 refused AS[31x0]", "ms" },
		{ "550 cuda_nsu 5.1.1 <a@example.org> Recipient address rejected", "rs" },
		/* "ofr_#": the letters, digits or none, '_' and a part with a
		 * digit, enclosed or not, any case */
		{ "554 5.7.1 Mail rejete. Mail rejected. OFR_506 [506]", "or" },
		{ "421 Too many connections, slow down. OFR004_104 [104]", "or" },
		{ "450 4.7.1 OFR_IN_101 Service refused", "or" },
		{ "550 5.7.1 refused (ofr_999)", "or" },
		{ "550 5.7.1 refused OFR_506_", "or" },		/* '_' at the end is not the token's */
		{ "550 5.7.1 refused OFR_5\xff\x80", "or" },	/* any bytes after the word */
		/* an enhanced status code, or one of a range ("5.7.606-649") */
		{ "550 5.7.606 Access denied, banned sending IP [192.0.2.1]", "ms" },
		{ "550 5.7.649 Access denied, banned sending IP [192.0.2.1]", "ms" },
		{ "550 5.7.620 refused", "ms" },
		{ "451 4.7.500 Server busy. Please try again later from [192.0.2.1].", "ms" },
		{ "550 5.7.750 Service unavailable. Client blocked", "ms" },
		{ "550-5.7.606 Access denied 550 5.7.606 banned sending IP", "ms" },	/* a later line's */
	};
	const char *files[] = {
		"providers.conf", "[ms]\nrelays = .protection.outlook.com\nsigns = as# 5.7.606-649 4.7.500 5.7.750-750\n"
				  "[gg]\nrelays = .google.com\nsigns = gsmtp\n"
				  "[rs]\nrelays = .emailsrvr.example\nsigns = g# cuda_nsu\n"
				  "[or]\nrelays = .orange.example\nsigns = ofr_#\n",
		"a.rules", "[gen]\ncategory = other\nmatch = ^[45]\n",
		NULL };
	(void)state;
	signs_name(files, named, sizeof named / sizeof named[0], none, sizeof none / sizeof none[0]);
}

static void test_numbered_sign_errors(void **state)
{
	const char *files[] = {
		"providers.conf", "[ms]\nsigns = as# 1a# a#b # as1# a##\nsigns = cuda_nsu _a a_ a_b#\n"
				  "signs = ofr_# _# a1_# a__#\n"
				  "signs = 5.7.649-606 5.07.1 5.7.1000 5.7.6- 5.7.6-x 1.2.3 5.7 5.7.1-01\n"
				  "signs = 5.7.1-3\n[gg]\nsigns = 5.7.3\n",
		NULL };
	char want[3072];
	(void)state;
	assert_null(load_files(files));
	snprintf(want, sizeof want,
		 "%s/providers.conf:2: bad signature word '1a#'\n"
		 "%s/providers.conf:2: bad signature word 'a#b'\n"
		 "%s/providers.conf:2: bad signature word '#'\n"
		 "%s/providers.conf:2: bad signature word 'as1#'\n"
		 "%s/providers.conf:2: bad signature word 'a##'\n"
		 "%s/providers.conf:3: bad signature word '_a'\n"
		 "%s/providers.conf:3: bad signature word 'a_'\n"
		 "%s/providers.conf:3: bad signature word 'a_b#'\n"
		 "%s/providers.conf:4: bad signature word '_#'\n"
		 "%s/providers.conf:4: bad signature word 'a1_#'\n"
		 "%s/providers.conf:4: bad signature word 'a__#'\n"
		 "%s/providers.conf:5: empty range in signature word '5.7.649-606'\n"
		 "%s/providers.conf:5: bad signature word '5.07.1'\n"
		 "%s/providers.conf:5: bad signature word '5.7.1000'\n"
		 "%s/providers.conf:5: bad signature word '5.7.6-'\n"
		 "%s/providers.conf:5: bad signature word '5.7.6-x'\n"
		 "%s/providers.conf:5: bad signature word '1.2.3'\n"
		 "%s/providers.conf:5: bad signature word '5.7'\n"
		 "%s/providers.conf:5: bad signature word '5.7.1-01'\n"
		 "%s/providers.conf:7: signature word '5.7.3' of gg already belongs to ms",
		 dir, dir, dir, dir, dir, dir, dir, dir, dir, dir, dir, dir, dir, dir, dir, dir, dir, dir, dir, dir);
	assert_string_equal(err, want);
}

/* A phrase sign ("sl+e#", "throttling+failure"): its words in a row, each
 * after blanks only, whole words in any case; a last word of letters and
 * '#' is those letters and a number, bare. Not with other bytes between the
 * words, a longer or shorter word, another code shape, nor over a relay
 * host name. Phrases may share their first word. */
static void test_phrase_sign(void **state)
{
	static const char *const none[] = {
		"550 SL-E404 Unexpected error",		/* one word, not two */
		"550 SL: E404 Unexpected error",	/* not blanks between */
		"550 SL.E404 Unexpected error",
		"550 SL\nE404 Unexpected error",
		("550 SL\xa0" "E404 Unexpected error"),
		"550 SL E Unexpected error",		/* no number */
		"550 SL E-404 Unexpected error",	/* not letters and digits */
		"550 SL EX404 Unexpected error",	/* other letters */
		"550 SL 404 Unexpected error",
		"550 XSL E404 Unexpected error",	/* a longer first word */
		"550 SL",				/* the text ends */
		"550 SL ",
		"454 Throttling failures: Maximum sending rate exceeded",
		"454 Throttling",
		"454 Throttling. failure",
		"454 Throttling-failure",
		"535 Account not subscribed to session",
		"535 Account subscribed to SES-2",
	};
	static const char *const named[][2] = {
		{ "421 SL E404 Unexpected error - Retry later", "sl" },
		{ "550 sl e502 Email not exist", "sl" },			/* any case */
		{ "550 SL\tE509 unauthorized", "sl" },			/* blanks */
		{ "550 SL   E5x2 unauthorized", "sl" },
		{ "550 SL E404.", "sl" },				/* the word ends the text */
		{ "454 Throttling failure: Maximum sending rate exceeded", "ses" },
		{ "454 THROTTLING  FAILURE", "ses" },
		{ "454 Throttling fault", "tf" },			/* the same first word */
		{ "535 Account not subscribed to SES", "ses" },
		{ "550 x subscribed to subscribed to SES", "ses" },	/* a later start */
		{ "550 SL E404 - gsmtp", "sl" },			/* the first sign decides */
		{ "550 refused - gsmtp SL E404", "gg" },
	};
	const char *files[] = {
		"providers.conf", "[sl]\nrelays = .simplelogin.example\nsigns = sl+e#\n"
				  "[ses]\nrelays = .amazonses.example\nsigns = Throttling+Failure subscribed+to+ses\n"
				  "[tf]\nrelays = .tf.example\nsigns = throttling+fault\n"
				  "[gg]\nrelays = .google.com\nsigns = gsmtp\n",
		"a.rules", "[gen]\ncategory = other\nmatch = ^[45]\n",
		NULL };
	(void)state;
	signs_name(files, named, sizeof named / sizeof named[0], none, sizeof none / sizeof none[0]);
}

static void test_phrase_sign_errors(void **state)
{
	const char *files[] = {
		"providers.conf", "[ms]\nsigns = a+ +a a++b e#+a a+b#c a+# a_b+c a+1# a+b+ a+b.c\n"
				  "signs = sl+e# a+b\n[gg]\nsigns = SL+E#\n"
				  "[xx]\nsigns = a\n[yy]\nsigns = gsmtp\n[zz]\nsigns = gsmtp+x\n"
				  "[pp]\nsigns = x+y\n[qq]\nsigns = x+y+z\n[rr]\nsigns = m+n m+n+o\n",
		NULL };
	char want[2048];
	(void)state;
	assert_null(load_files(files));
	snprintf(want, sizeof want,
		 "%s/providers.conf:2: bad signature word 'a+'\n"
		 "%s/providers.conf:2: bad signature word '+a'\n"
		 "%s/providers.conf:2: bad signature word 'a++b'\n"
		 "%s/providers.conf:2: bad signature word 'e#+a'\n"
		 "%s/providers.conf:2: bad signature word 'a+b#c'\n"
		 "%s/providers.conf:2: bad signature word 'a+#'\n"
		 "%s/providers.conf:2: bad signature word 'a_b+c'\n"
		 "%s/providers.conf:2: bad signature word 'a+1#'\n"
		 "%s/providers.conf:2: bad signature word 'a+b+'\n"
		 "%s/providers.conf:2: bad signature word 'a+b.c'\n"
		 "%s/providers.conf:4: signature word 'sl+e#' of gg already belongs to ms\n"
		 "%s/providers.conf:6: signature word 'a' of xx already belongs to ms\n"
		 "%s/providers.conf:10: phrase sign 'gsmtp+x' of zz begins with a signature word of yy\n"
		 "%s/providers.conf:14: phrase sign 'x+y+z' of qq and a phrase sign of pp begin with the same words",
		 dir, dir, dir, dir, dir, dir, dir, dir, dir, dir, dir, dir, dir, dir);
	assert_string_equal(err, want);
}

/* An on-premises gateway ("gateway = yes"): its wording from a customer's
 * relay is the gateway's own refusal, attributed to the gateway with the
 * relay's registered domain as pool; without the key it is foreign. */
static void test_gateway_relay(void **state)
{
	const char *files[] = {
		"providers.conf", "[pp]\nrelays = .pphosted.example\ngateway = yes\nadvice = pp lookup\n"
				  "[mc]\nrelays = .mimecast.example\ngateway = no\n"
				  "[ms]\ndomains = hotmail.com\nrelays = .outlook.example\n",
		"a.rules", "[pp-blocked]\nprovider = pp\ncategory = blocklist\nblock = yes\n"
			   "match = ^554 Blocked - see https://pp\\S+ip=(?<ip>[0-9.]+)\n"
			   "[mc-blocked]\nprovider = mc\ncategory = other\nmatch = ^550 Envelope blocked\n",
		NULL };
	struct rules *r = load_files(files);
	struct delivery d = mk(DS_BOUNCED, "554 Blocked - see https://pp.example/lookup?ip=192.0.2.225", "example.org");
	struct verdict v;
	(void)state;
	assert_non_null(r);
	/* the customer's own relay: the gateway decides, the customer's pool */
	d.relay_host = STR_LIT("MX2.Gw.Example.co.uk");
	assert_int_equal(rules_classify(r, &d, &v), 1);
	assert_int_equal(v.foreign, 0);
	assert_null(v.worded_as);
	assert_string_equal(v.provider, "pp");
	assert_string_equal(v.pool, "example.co.uk");
	assert_int_equal(v.pool_listed, 0);
	assert_int_equal(v.block, 1);
	assert_string_equal(v.sending_ip, "192.0.2.225");
	assert_string_equal(v.advice, "pp lookup");
	/* the gateway's hosted relay: its own pool */
	d.relay_host = STR_LIT("mx0a-001.pphosted.example");
	assert_int_equal(rules_classify(r, &d, &v), 1);
	assert_string_equal(v.provider, "pp");
	assert_string_equal(v.pool, "pp");
	assert_int_equal(v.pool_listed, 1);
	/* no relay host name: the gateway's pool, as for any receiver */
	d.relay_host = STR_LIT("none");
	assert_int_equal(rules_classify(r, &d, &v), 1);
	assert_string_equal(v.pool, "pp");
	/* another provider's relay: the gate keeps the gateway's rule from running */
	d.relay_host = STR_LIT("mx1.outlook.example");
	assert_int_equal(rules_classify(r, &d, &v), 0);
	assert_string_equal(v.provider, "ms");
	/* "gateway = no": still foreign from a relay it does not name */
	d = mk(DS_BOUNCED, "550 Envelope blocked - User Entry", "example.org");
	d.relay_host = STR_LIT("mx.gw.example.org");
	assert_int_equal(rules_classify(r, &d, &v), 1);
	assert_int_equal(v.foreign, 1);
	assert_string_equal(v.worded_as, "mc");
	assert_null(v.provider);
	assert_string_equal(v.pool, "example.org");
	rules_free(r);
}

static void test_gateway_errors(void **state)
{
	const char *files[] = {
		"providers.conf", "[pp]\nrelays = .pphosted.example\ngateway = maybe\n[qq]\ngateway = yes\n"
				  "gateway = no\n[qq/p]\nrelays = .p.example\ngateway = yes\n"
				  "[ip]\nrelays = .iphmx.example\nappliances = ironport\n"
				  "[gw]\ngateway = yes\nappliances = iron.port\n[gw/g]\nappliances = x\n",
		"a.rules", "[a]\nprovider = pp\ncategory = other\nmatch = x\n",
		NULL };
	char want[2048];
	(void)state;
	assert_null(load_files(files));
	snprintf(want, sizeof want,
		 "%s/providers.conf:3: gateway must be yes or no, not 'maybe'\n"
		 "%s/providers.conf:6: duplicate key 'gateway'\n"
		 "%s/providers.conf:9: unknown key 'gateway'\n"
		 "%s/providers.conf:15: bad appliance word 'iron.port'\n"
		 "%s/providers.conf:17: unknown key 'appliances'\n"
		 "%s/providers.conf:10: appliances of ip: only a gateway (gateway = yes) has them",
		 dir, dir, dir, dir, dir, dir);
	assert_string_equal(err, want);
}

/* A self-hosted provider ("selfhosted = yes"): its code names it without a
 * relay host, or with its own relay or domain; from any other relay host,
 * an address or a bare name as well, its rule's verdict is foreign and its
 * sign names nothing. Another provider's sign still names it from an
 * address. */
static void test_selfhosted(void **state)
{
	const char *files[] = {
		"providers.conf", "[sl]\nrelays = .sl.example\ndomains = sl.example.org\nsigns = sl+e#\n"
				  "selfhosted = yes\n[ses]\nsigns = throttling+failure\n",
		"a.rules", "[sl-code]\nprovider = sl\ncategory = other\nmatch = ^550 SL E5\n"
			   "[any]\nprovider = generic\ncategory = other\npriority = 900\nmatch = ^\\d\n",
		NULL };
	static const struct {
		const char *relay, *domain, *reply, *rule, *provider, *pool;
		int foreign;
	} cases[] = {
		{ "", "", "550 SL E502 Email not exist", "sl-code", "sl", "sl", 0 },
		{ "", "example.org", "550 SL E502 Email not exist", "sl-code", "sl", "sl", 0 },
		{ "127.0.0.1", "example.org", "550 SL E502 Email not exist", "sl-code", NULL, "example.org", 1 },
		{ "sl-email", "example.org", "550 SL E502 Email not exist", "sl-code", NULL, "example.org", 1 },
		{ "127.0.0.1", "sl.example.org", "550 SL E502 Email not exist", "sl-code", "sl", "sl", 0 },
		{ "mx1.sl.example", "example.org", "550 SL E502 Email not exist", "sl-code", "sl", "sl", 0 },
		{ "", "", "421 SL E404 Retry later", "any", "sl", "sl", 0 },
		{ "127.0.0.1", "", "421 SL E404 Retry later", "any", NULL, NULL, 0 },
		{ "127.0.0.1", "", "454 Throttling failure: Maximum sending rate exceeded", "any", "ses", "ses", 0 },
	};
	struct rules *r = load_files(files);
	(void)state;
	assert_non_null(r);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct delivery d;
		struct verdict v;
		classified_by(r, cases[i].relay, cases[i].domain, cases[i].reply, cases[i].rule, &d, &v);
		if (cases[i].provider)
			assert_string_equal(v.provider, cases[i].provider);
		else
			assert_null(v.provider);
		if (cases[i].pool)
			assert_string_equal(v.pool, cases[i].pool);
		else
			assert_null(v.pool);
		assert_int_equal(v.foreign, cases[i].foreign);
	}
	rules_free(r);
}

static void test_selfhosted_errors(void **state)
{
	const char *files[] = {
		"providers.conf", "[sl]\nselfhosted = maybe\n[sm]\nselfhosted = yes\nselfhosted = no\n"
				  "[sm/p]\nrelays = .p.example\nselfhosted = yes\n",
		NULL };
	char want[1024];
	(void)state;
	assert_null(load_files(files));
	snprintf(want, sizeof want,
		 "%s/providers.conf:2: selfhosted must be yes or no, not 'maybe'\n"
		 "%s/providers.conf:5: duplicate key 'selfhosted'\n"
		 "%s/providers.conf:8: unknown key 'selfhosted'",
		 dir, dir, dir);
	assert_string_equal(err, want);
}

/* A gateway's appliances ("appliances = ironport"): a relay host that
 * providers.conf does not name, whose first label begins with the word, is
 * that gateway for any verdict and any delivery, pooled by the relay's
 * registered domain; a word elsewhere in the name, a named relay, an IP
 * literal or a rule of another receiver are not. */
static void test_gateway_appliances(void **state)
{
	const char *files[] = {
		"providers.conf", "[ip]\nrelays = .iphmx.example\ngateway = yes\nappliances = IronPort esa\n"
				  "[ms]\ndomains = hotmail.com\nrelays = .outlook.example\n"
				  "[bc]\ngateway = yes\nappliances = barra\n",
		"a.rules", "[ms-s3140]\nprovider = ms\ncategory = blocklist\nblock = yes\nmatch = S3140\n"
			   "[gen]\ncategory = other\nmatch = ^554 \n",
		NULL };
	struct rules *r = load_files(files);
	struct delivery d = mk(DS_BOUNCED, "554 ironportin-3.it.example.se", "mail.example.se");
	struct verdict v;
	(void)state;
	assert_non_null(r);
	/* a generic verdict from the customer's appliance: the gateway, the customer's pool */
	v = attributed_as(r, &d, "IronPortIn-3.it.Example.se", 0, "ip", "example.se", 0);
	assert_string_equal(v.rule_id, "gen");
	attributed_as(r, &d, "esa2.example.co.uk", 0, "ip", "example.co.uk", 0);
	attributed_as(r, &d, "barra1.example.de", 0, "bc", "example.de", 0);	/* a later gateway's */
	/* the word elsewhere in the name, an IP literal, no relay host: nothing */
	attributed_as(r, &d, "mx.ironport.example.se", 0, NULL, NULL, 0);
	attributed_as(r, &d, "192.0.2.7", 0, NULL, NULL, 0);
	attributed_as(r, &d, "", 0, NULL, NULL, 0);
	/* a relay providers.conf names stays its provider's */
	attributed_as(r, &d, "ironport1.outlook.example", 0, "ms", "ms", 1);
	/* another receiver's wording from the appliance stays foreign */
	d = mk(DS_BOUNCED, "550 S3140 blocked", "example.se");
	attributed_as(r, &d, "ironport.example.se", 1, NULL, "example.se", 0);
	/* an accepted delivery is attributed the same way */
	d = mk(DS_SENT, "250 2.0.0 Ok", "example.se");
	d.relay_host = STR_LIT("ironport.example.se");
	assert_int_equal(rules_classify(r, &d, &v), 0);
	assert_string_equal(v.provider, "ip");
	assert_string_equal(v.pool, "example.se");
	rules_free(r);
}

/* "scope = own": a rule for its provider's own servers only runs when the
 * relay, the domain or the reply's words name that provider (not an
 * address in the reply); when nothing names a provider it is skipped, and
 * so are its examples' checks unless read as from its provider. */
static void test_scope_own(void **state)
{
	const char *files[] = {
		"providers.conf", "[mr]\nrelays = .mr.example\ndomains = mr.example\nsigns = mrsign\n"
				  "[gg]\nrelays = .google.example\n[wl]\nrelays = email.*.example.net\n"
				  "[dm]\ndomains = d.example\n"
				  "[gw]\nrelays = .gw.example\ngateway = yes\nappliances = ironport\n"
				  "[pl]\nname = a pool's relay only\n[pl/in]\nrelays = in.pl.example\n",
		"a.rules", "[mr-blocked]\nprovider = mr\ncategory = blocklist\nblock = yes\nscope = own\n"
			   "match = ^550 \\S+ is blocked\nexample = 550 a.example is blocked\n"
			   "[wl-x]\nprovider = wl\ncategory = other\nscope = own\nmatch = ^550 wl\n"
			   "[dm-x]\nprovider = dm\ncategory = other\nscope = any\nmatch = ^550 dm\n"
			   "[dm-y]\nprovider = dm\ncategory = other\nscope = own\nmatch = ^550 dm\n"
			   "[gw-x]\nprovider = gw\ncategory = other\nscope = own\nmatch = ^550 gw\n"
			   "[pl-x]\nprovider = pl\ncategory = other\nscope = own\nmatch = ^550 pl\n"
			   "[any]\nprovider = generic\ncategory = other\npriority = 900\nmatch = ^\\d\n",
		NULL };
	static const struct {
		const char *relay, *domain, *reply, *rule;
		enum rule_try tried;
	} cases[] = {
		{ "mx1.mr.example", "", "550 a.example is blocked", "mr-blocked", RULE_MATCH },
		{ "", "mr.example", "550 a.example is blocked", "mr-blocked", RULE_MATCH },
		{ "", "", "550 a.example is blocked mrsign", "mr-blocked", RULE_MATCH },
		{ "", "", "550 a.example is blocked", "any", RULE_SKIP_SCOPE },
		{ "127.0.0.1", "example.org", "550 a.example is blocked", "any", RULE_SKIP_SCOPE },
		{ "mx.example.org", "", "550 a.example is blocked", "any", RULE_SKIP_SCOPE },
		{ "mx.google.example", "mr.example", "550 a.example is blocked", "any", RULE_SKIP_PROVIDER },
		{ "", "", "550 <u@mr.example> is blocked", "any", RULE_SKIP_SCOPE },
	};
	static const struct {
		const char *relay, *rule;
	} gw[] = {	/* a gateway's own relays are the listed ones, not its appliances' */
		{ "mx1.gw.example", "gw-x" },
		{ "ironport1.corp.example", "any" },
		{ "", "any" },
	};
	struct rules *r = load_files(files);
	const struct rule_info *ri;
	char ip[VERDICT_IP_MAX];
	(void)state;
	assert_non_null(r);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct delivery d;
		struct verdict v;
		classified_by(r, cases[i].relay, cases[i].domain, cases[i].reply, cases[i].rule, &d, &v);
		assert_int_equal(rules_try(r, 0, &d, ip), cases[i].tried);
	}
	for (size_t i = 0; i < sizeof gw / sizeof gw[0]; i++) {
		struct delivery d;
		struct verdict v;
		classified_by(r, gw[i].relay, "", "550 gw", gw[i].rule, &d, &v);
	}
	/* the host `rules check` reads its examples from: a relay, else a domain */
	ri = rules_info(r, 0);
	assert_int_equal(ri->own_only, 1);
	assert_string_equal(ri->own_relay, "mx.mr.example");
	assert_string_equal(ri->own_domain, "mr.example");
	ri = rules_info(r, 1);
	assert_string_equal(ri->own_relay, "email.x.example.net");
	assert_null(ri->own_domain);
	ri = rules_info(r, 2);
	assert_int_equal(ri->own_only, 0);
	assert_null(ri->own_relay);
	ri = rules_info(r, 3);
	assert_int_equal(ri->own_only, 1);
	assert_null(ri->own_relay);
	assert_string_equal(ri->own_domain, "d.example");
	ri = rules_info(r, 5);	/* a relay of one of its pools */
	assert_string_equal(ri->id, "pl-x");
	assert_string_equal(ri->own_relay, "in.pl.example");
	assert_null(ri->own_domain);
	rules_free(r);
}

static void test_scope_errors(void **state)
{
	const char *files[] = {
		"providers.conf", "[mr]\ndomains = mr.example\n[bl]\nname = a list\n",
		"a.rules", "[a]\nprovider = mr\ncategory = other\nscope = maybe\nmatch = x\n"
			   "[b]\nprovider = mr\ncategory = other\nscope = own\nscope = any\nmatch = x\n"
			   "[c]\nprovider = bl\ncategory = other\nscope = own\nmatch = x\n"
			   "[d]\ncategory = other\nscope = own\nmatch = x\n",
		NULL };
	char want[2048];
	(void)state;
	assert_null(load_files(files));
	snprintf(want, sizeof want,
		 "%s/a.rules:4: scope must be own or any, not 'maybe'\n"
		 "%s/a.rules:10: duplicate key 'scope'\n"
		 "%s/a.rules:15: scope = own: provider 'bl' receives no mail (no domains or relays in "
		 "providers.conf)\n"
		 "%s/a.rules:19: scope = own: provider 'generic' receives no mail (no domains or relays in "
		 "providers.conf)",
		 dir, dir, dir, dir);
	assert_string_equal(err, want);
}

/* "stage = ...": a rule runs only at the stages it lists ("data": the DATA
 * command and the end of the message); a delivery whose line names no
 * stage runs every rule; QUIT or an unknown command is no listed stage. */
static void test_stage(void **state)
{
	const char *files[] = {
		"a.rules", "[at-rcpt]\ncategory = blocklist\nblock = yes\nstage = connect, rcpt\n"
			   "match = ^550 Local Policy Violation\n"
			   "[at-data]\ncategory = content\nstage = data\nmatch = ^550 Local Policy Violation\n"
			   "[any]\ncategory = other\npriority = 990\nmatch = ^550\n",
		NULL };
	static const struct {
		enum delivery_stage stage;
		const char *rule;
		enum rule_try at_rcpt;
	} cases[] = {
		{ STAGE_NONE, "at-rcpt", RULE_MATCH },
		{ STAGE_CONNECT, "at-rcpt", RULE_MATCH },
		{ STAGE_RCPT, "at-rcpt", RULE_MATCH },
		{ STAGE_DATA, "at-data", RULE_SKIP_STAGE },
		{ STAGE_EOD, "at-data", RULE_SKIP_STAGE },
		{ STAGE_MAIL, "any", RULE_SKIP_STAGE },
		{ STAGE_HELO, "any", RULE_SKIP_STAGE },
		{ STAGE_QUIT, "any", RULE_SKIP_STAGE },
		{ STAGE_OTHER, "any", RULE_SKIP_STAGE },
	};
	struct rules *r = load_files(files);
	char ip[VERDICT_IP_MAX];
	(void)state;
	assert_non_null(r);
	assert_int_equal(rules_info(r, 0)->stage_mask, 1u << STAGE_CONNECT | 1u << STAGE_RCPT);
	assert_int_equal(rules_info(r, 1)->stage_mask, 1u << STAGE_DATA | 1u << STAGE_EOD);
	assert_int_equal(rules_info(r, 2)->stage_mask, 0);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct delivery d = mk(DS_BOUNCED, "550 Local Policy Violation", NULL);
		struct verdict v;
		d.stage = cases[i].stage;
		assert_int_equal(rules_classify(r, &d, &v), 1);
		assert_string_equal(v.rule_id, cases[i].rule);
		assert_int_equal(rules_try(r, 0, &d, ip), cases[i].at_rcpt);
	}
	rules_free(r);
}

static void test_stage_errors(void **state)
{
	(void)state;
	expect_error("[a]\ncategory = other\nstage = rcpt, end-of-data\nmatch = x\n", 3,
		     "stage: 'rcpt, end-of-data' is not a list of SMTP stages (connect, helo, starttls, auth, "
		     "mail, rcpt, data)");
	expect_error("[a]\ncategory = other\nstage = ,\nmatch = x\n", 3,
		     "stage: ',' is not a list of SMTP stages (connect, helo, starttls, auth, mail, rcpt, data)");
	expect_error("[a]\ncategory = other\nstage = quit\nmatch = x\n", 3,
		     "stage: 'quit' is not a list of SMTP stages (connect, helo, starttls, auth, mail, rcpt, data)");
	expect_error("[a]\ncategory = other\nstage = rcpt\nstage = data\nmatch = x\n", 4,
		     "duplicate key 'stage'");
}

/* The stage words of the "stage" key and of `rules classify --stage`: one
 * word, its stages; any other (a prefix, another case, QUIT) none. */
static void test_stage_word(void **state)
{
	static const struct {
		const char *w;
		unsigned mask;
	} cases[] = {
		{ "connect", 1u << STAGE_CONNECT }, { "helo", 1u << STAGE_HELO },
		{ "starttls", 1u << STAGE_STARTTLS }, { "auth", 1u << STAGE_AUTH },
		{ "mail", 1u << STAGE_MAIL }, { "rcpt", 1u << STAGE_RCPT },
		{ "data", 1u << STAGE_DATA | 1u << STAGE_EOD },
		{ "", 0 }, { "dat", 0 }, { "datas", 0 }, { "RCPT", 0 }, { "quit", 0 }, { "eod", 0 },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(rules_stage_word(cases[i].w, strlen(cases[i].w)), cases[i].mask);
	assert_int_equal(rules_stage_word("rcpt, data", 4), 1u << STAGE_RCPT);	/* n bytes only */
}

/* "sending_ip = none": a relay's probe quoting the host it called names no
 * sending IP, whatever literals the quote holds, the relay's own address
 * and our own --source-ip among them; a rule without the key (or with
 * "reply") takes the reply's first IP literal as before. */
static void test_sending_ip_none(void **state)
{
	const char *files[] = {
		"a.rules", "[probe]\ncategory = other\nsending_ip = none\nmatch = unverified address: host\n"
			   "example = 450 4.1.1 <a@example.org>: Recipient address rejected: unverified address: host "
			   "mx.example.org[192.0.2.10] said: 554 5.7.1 Client host [198.51.100.7] blocked\n"
			   "[listed]\ncategory = blocklist\nblock = yes\nsending_ip = reply\nmatch = blocked\n"
			   "[plain]\ncategory = other\nmatch = ^4\n",
		NULL };
	static const struct {
		const char *reply;
		const char *rule, *ip;
	} cases[] = {
		{ "450 4.1.1 <a@example.org>: Recipient address rejected: unverified address: host "
		  "mx.example.org[192.0.2.10] said: 554 5.7.1 Client host [198.51.100.7] blocked", "probe", "" },
		{ "450 4.1.1 <a@example.org>: Recipient address rejected: unverified address: host "
		  "[2001:db8::5] said: 421 try later", "probe", "" },
		{ "554 5.7.1 Client host [198.51.100.7] blocked", "listed", "198.51.100.7" },
		{ "451 from [203.0.113.9] later", "plain", "203.0.113.9" },
	};
	const char *ours[] = { "198.51.100.7" };
	struct rules *r = load_files(files);
	(void)state;
	assert_non_null(r);
	assert_int_equal(rules_info(r, 0)->no_sending_ip, 1);
	assert_int_equal(rules_info(r, 1)->no_sending_ip, 0);
	assert_int_equal(rules_info(r, 2)->no_sending_ip, 0);
	for (int pass = 0; pass < 2; pass++) {
		rules_prefer_ips(r, ours, (size_t)pass);	/* then with our own IP in the quote */
		for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
			struct delivery d;
			struct verdict v;
			classified_by(r, "mx.example.net", NULL, cases[i].reply, cases[i].rule, &d, &v);
			assert_string_equal(v.sending_ip, cases[i].ip);
			d.relay_ip = str_cstr("192.0.2.99");
			assert_int_equal(rules_classify(r, &d, &v), 1);
			assert_string_equal(v.sending_ip, cases[i].ip);
		}
	}
	rules_free(r);
}

static void test_sending_ip_errors(void **state)
{
	const char *files[] = {
		"a.rules", "[a]\ncategory = other\nmatch = said: \\[(?<ip>[\\d.]+)\\]\nsending_ip = none\n"
			   "example = 550 said: [192.0.2.1]\nexample_ip = 192.0.2.1\n"
			   "[b]\ncategory = other\nsending_ip = none\nmatch = from\n"
			   "example = 550 from 192.0.2.2\nexample_ip = 192.0.2.2\n",
		NULL };
	char want[1024];
	(void)state;
	expect_error("[a]\ncategory = other\nsending_ip = nobody\nmatch = x\n", 3,
		     "sending_ip must be none or reply, not 'nobody'");
	expect_error("[a]\ncategory = other\nsending_ip = \nmatch = x\n", 3,
		     "sending_ip must be none or reply, not ''");
	expect_error("[a]\ncategory = other\nsending_ip = none\nsending_ip = none\nmatch = x\n", 4,
		     "duplicate key 'sending_ip'");
	/* an advice that prints the IP the rule says the reply does not name */
	expect_error("[a]\ncategory = other\nsending_ip = none\nadvice = look up {ip}\nmatch = x\n", 3,
		     "sending_ip = none: the advice of rule 'a' names {ip}");
	/* a rule that names an IP and says it names none: both places */
	assert_null(load_files(files));
	snprintf(want, sizeof want,
		 "%s/a.rules:4: sending_ip = none: rule 'a' captures (?<ip>...)\n"
		 "%s/a.rules:5: example_ip: rule 'a' says sending_ip = none\n"
		 "%s/a.rules:11: example_ip: rule 'b' says sending_ip = none",
		 dir, dir, dir);
	assert_string_equal(err, want);
}

/* "tie_break = yes": the verdict says the rule's "no" is a tie-break; a
 * rule without the key (or with "no") says nothing of the kind. */
static void test_tie_break(void **state)
{
	const char *files[] = {
		"a.rules", "[unnamed]\ncategory = rate\ntie_break = yes\nmatch = ^421 Too many connections$\n"
			   "example = 421 Too many connections\n"
			   "[recipient]\ncategory = rate\ntie_break = no\nmatch = too many recipients\n"
			   "[plain]\ncategory = other\nmatch = ^4\n",
		NULL };
	static const struct {
		const char *reply, *rule;
		int tie_break;
	} cases[] = {
		{ "421 Too many connections", "unnamed", 1 },
		{ "452 4.5.3 too many recipients", "recipient", 0 },
		{ "451 later", "plain", 0 },
	};
	struct rules *r = load_files(files);
	(void)state;
	assert_non_null(r);
	assert_int_equal(rules_info(r, 0)->tie_break, 1);
	assert_int_equal(rules_info(r, 1)->tie_break, 0);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct delivery d;
		struct verdict v;
		classified_by(r, "mx.example.net", NULL, cases[i].reply, cases[i].rule, &d, &v);
		assert_int_equal(v.tie_break, cases[i].tie_break);
	}
	rules_free(r);
}

static void test_tie_break_errors(void **state)
{
	(void)state;
	expect_error("[a]\ncategory = rate\ntie_break = maybe\nmatch = x\n", 3,
		     "tie_break must be yes or no, not 'maybe'");
	expect_error("[a]\ncategory = rate\nblock = yes\ntie_break = yes\nmatch = x\n", 4,
		     "tie_break = yes: only for a rule that says block = no of a category other than ptr and auth");
	expect_error("[a]\ncategory = ptr\ntie_break = yes\nmatch = x\n", 3,
		     "tie_break = yes: only for a rule that says block = no of a category other than ptr and auth");
	expect_error("[a]\ncategory = auth\ntie_break = yes\nmatch = x\n", 3,
		     "tie_break = yes: only for a rule that says block = no of a category other than ptr and auth");
}

static void test_pool_errors(void **state)
{
	const char *files[] = {
		"providers.conf", "[ms]\ndomains = hotmail.com\n[ms/ms]\nrelays = .a.example\n"
				  "[nobody/p]\ndomains = b.example\n[ms/p]\nadvice = x\n[ms/q]\ndomains = hotmail.com\n"
				  "[ms/q]\n[ms/Bad]\n",
		"a.rules", "[a]\nprovider = ms\ncategory = other\nmatch = x\n",
		NULL };
	char want[2048];
	assert_null(load_files(files));
	snprintf(want, sizeof want,
		 "%s/providers.conf:8: unknown key 'advice'\n"
		 "%s/providers.conf:12: bad pool 'ms/Bad' (provider/pool; a-z, 0-9, '-', '_')\n"
		 "%s/providers.conf:3: pool 'ms' is already a provider\n"
		 "%s/providers.conf:5: pool p: unknown provider 'nobody'\n"
		 "%s/providers.conf:9: domain 'hotmail.com' of q already belongs to ms\n"
		 "%s/providers.conf:11: pool 'q' is already a pool",
		 dir, dir, dir, dir, dir, dir);
	assert_string_equal(err, want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_load_basic),
		cmocka_unit_test(test_classify_ip_and_advice),
		cmocka_unit_test(test_classify_prefers_own_ip),
		cmocka_unit_test(test_precedence_priority),
		cmocka_unit_test(test_precedence_order),
		cmocka_unit_test(test_provider_gate),
		cmocka_unit_test(test_provider_for),
		cmocka_unit_test(test_wild_relays),
		cmocka_unit_test(test_wild_relays_random),
		cmocka_unit_test(test_selfhosted),
		cmocka_unit_test(test_selfhosted_errors),
		cmocka_unit_test(test_pools),
		cmocka_unit_test(test_foreign_relay),
		cmocka_unit_test(test_gateway_relay),
		cmocka_unit_test(test_reply_words),
		cmocka_unit_test(test_numbered_sign),
		cmocka_unit_test(test_phrase_sign),
		cmocka_unit_test(test_phrase_sign_errors),
		cmocka_unit_test(test_numbered_sign_errors),
		cmocka_unit_test(test_gateway_errors),
		cmocka_unit_test(test_gateway_appliances),
		cmocka_unit_test(test_pool_errors),
		cmocka_unit_test(test_scope_own),
		cmocka_unit_test(test_scope_errors),
		cmocka_unit_test(test_stage),
		cmocka_unit_test(test_stage_errors),
		cmocka_unit_test(test_stage_word),
		cmocka_unit_test(test_sending_ip_none),
		cmocka_unit_test(test_sending_ip_errors),
		cmocka_unit_test(test_tie_break),
		cmocka_unit_test(test_tie_break_errors),
		cmocka_unit_test(test_status_filter),
		cmocka_unit_test(test_detail_fallback),
		cmocka_unit_test(test_bytes),
		cmocka_unit_test(test_match_limit),
		cmocka_unit_test(test_long_lines),
		cmocka_unit_test(test_example_more),
		cmocka_unit_test(test_multiline_joined),
		cmocka_unit_test(test_no_providers_conf),
		cmocka_unit_test(test_empty_and_missing_dir),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_error_nul_byte),
		cmocka_unit_test(test_error_duplicates_and_all_listed),
		cmocka_unit_test(test_error_providers),
		cmocka_unit_test(test_error_truncation),
		cmocka_unit_test(test_blocklists),
		cmocka_unit_test(test_blocklist_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
