/* The rule prefilter (litfilter.h) over the whole library of patterns/
 * never changes a verdict, wherever a reply comes from: every rule's own
 * examples and replies mutated from them (spliced, cut, case flipped, bytes
 * replaced, NULs, line breaks, a word of another rule's example put in, a
 * reply made huge), each read at a random stage and status, from no relay,
 * the rule's own relay (so "scope = own" rules are tried), another rule's
 * relay or a random host, with or without a recipient domain. The verdict
 * with the prefilter on must be the one with every rule tried, field by
 * field (rule, category, block, sending IP, block list, provider, pool,
 * advice, foreign). Fixed seed; examples only, no corpus file is read. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "rules.h"
#include "tu_prefilter.h"
#include "xmalloc.h"

static uint64_t state_rng;
static unsigned roll(unsigned n)
{
	uint64_t z = (state_rng += 0x9e3779b97f4a7c15u);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return n ? (unsigned)((z ^ (z >> 31)) % n) : 0;
}

static const char *or_dash(const char *s)
{
	return s ? s : "-";
}

/* Fails, naming the reply, unless a and b agree field by field. */
static void same(const struct verdict *a, const struct verdict *b, const struct delivery *d)
{
	char head[512];
	snprintf(head, sizeof head, "relay '%.*s' domain '%s' stage %d status %d reply '%.60s'",
		 (int)d->relay_host.len, d->relay_host.p ? d->relay_host.p : "", d->rcpt_domain, (int)d->stage,
		 (int)d->status, d->reply.p ? d->reply.p : "");
	if (strcmp(or_dash(a->rule_id), or_dash(b->rule_id)) != 0 ||
	    strcmp(or_dash(a->category), or_dash(b->category)) != 0 || a->block != b->block ||
	    strcmp(a->sending_ip, b->sending_ip) != 0 || strcmp(a->blocklist, b->blocklist) != 0 ||
	    strcmp(or_dash(a->provider), or_dash(b->provider)) != 0 || strcmp(or_dash(a->pool), or_dash(b->pool)) != 0 ||
	    strcmp(or_dash(a->advice), or_dash(b->advice)) != 0 || a->foreign != b->foreign ||
	    a->pool_listed != b->pool_listed)
		fail_msg("%s: every rule tried: %s %s ip '%s' list '%s' provider %s; with the prefilter: %s %s ip '%s' "
			 "list '%s' provider %s", head, or_dash(a->rule_id), or_dash(a->category), a->sending_ip,
			 a->blocklist, or_dash(a->provider), or_dash(b->rule_id), or_dash(b->category), b->sending_ip,
			 b->blocklist, or_dash(b->provider));
}

static size_t matched, tried;

static void compare(struct rules *r, const struct delivery *d)
{
	struct verdict a, b;
	char advice[1024];
	tu_classify_both(r, d, &a, &b, advice, sizeof advice);
	same(&a, &b, d);
	tried++;
	matched += a.rule_id != NULL;
}

/* A reply mutated from text: up to four edits of the kinds named above. */
static size_t mutate(char *buf, size_t cap, const char *text, const char *other)
{
	size_t len = strlen(text), lo = strlen(other);
	if (len >= cap)
		len = cap - 1;
	memcpy(buf, text, len);
	for (unsigned e = 1 + roll(4); e > 0 && len > 0; e--) {
		size_t at = roll((unsigned)len), k;
		switch (roll(8)) {
		case 0:	/* the tail of another reply from here */
			k = lo ? roll((unsigned)lo) : 0;
			len = at + (lo - k < cap - at ? lo - k : cap - at);
			memcpy(buf + at, other + k, len - at);
			break;
		case 1:	/* cut */
			len = at;
			break;
		case 2:
			buf[at] = (char)(buf[at] ^ 0x20);
			break;
		case 3:
			buf[at] = (char)roll(256);
			break;
		case 4:
			buf[at] = roll(2) ? '\0' : '\n';
			break;
		case 5:	/* a word of another reply put in */
			k = lo > 8 ? roll((unsigned)(lo - 8)) : 0;
			if (len + 8 < cap && lo >= 8) {
				memmove(buf + at + 8, buf + at, len - at);
				memcpy(buf + at, other + k, 8);
				len += 8;
			}
			break;
		case 6:	/* a run deleted */
			k = roll((unsigned)(len - at) + 1);
			memmove(buf + at, buf + at + k, len - at - k);
			len -= k;
			break;
		default:	/* a run doubled */
			k = roll((unsigned)(len - at) + 1);
			if (len + k < cap) {
				memmove(buf + at + k, buf + at, len - at);
				len += k;
			}
			break;
		}
	}
	buf[len] = '\0';
	return len;
}

static void test_library(void **state)
{
	static const char *const hosts[] = { "", "local", "mx1.example.org", "192.0.2.7", "a", ".", "..com",
					     "mx.EXAMPLE.co.uk", "esa1.example.de", "x.y.z.w.v.u.t" };
	static const char *const domains[] = { "", "example.com", "gmail.com", "outlook.com", "yahoo.com" };
	char err[8192];
	struct rules *r = rules_load("patterns", err, sizeof err);
	const struct rule_example **ex = NULL;
	size_t *ex_rule = NULL, nex = 0;
	char *buf = xmalloc(1 << 17), dom[64];
	(void)state;
	if (r == NULL)
		fail_msg("patterns: %s", err);
	state_rng = 0x5eed;
	for (size_t i = 0; i < rules_count(r); i++)
		for (size_t k = 0; k < rules_info(r, i)->n_examples; k++) {
			ex = xrealloc(ex, (nex + 1) * sizeof *ex);
			ex_rule = xrealloc(ex_rule, (nex + 1) * sizeof *ex_rule);
			ex[nex] = &rules_info(r, i)->examples[k];
			ex_rule[nex++] = i;
		}
	assert_true(nex > 1000);
	for (size_t n = 0; n < 12 * nex; n++) {
		size_t x = n < nex ? n : roll((unsigned)nex);
		const struct rule_info *ri = rules_info(r, ex_rule[x]), *rj = rules_info(r, roll((unsigned)rules_count(r)));
		struct delivery d;
		size_t len;
		delivery_reset(&d);
		if (n < nex)
			len = strlen(ex[x]->text), memcpy(buf, ex[x]->text, len + 1);
		else
			len = mutate(buf, 4096, ex[x]->text, ex[roll((unsigned)nex)]->text);
		if (roll(200) == 0) {	/* huge: the reply repeated past 64 KB */
			if (len == 0)
				buf[len++] = ' ';
			for (; len < 65536; len *= 2)
				memcpy(buf + len, buf, len);
			buf[len] = '\0';
		}
		d.reply = str_make(buf, len);
		d.status = roll(3) ? DS_BOUNCED : (enum delivery_status)roll(DS__COUNT);
		d.stage = (enum delivery_stage)roll(STAGE__COUNT);
		switch (roll(4)) {
		case 0: break;
		case 1: d.relay_host = str_cstr(ri->own_relay ? ri->own_relay : hosts[roll(sizeof hosts / sizeof *hosts)]); break;
		case 2: d.relay_host = str_cstr(rj->own_relay ? rj->own_relay : hosts[roll(sizeof hosts / sizeof *hosts)]); break;
		default: d.relay_host = str_cstr(hosts[roll(sizeof hosts / sizeof *hosts)]); break;
		}
		if (roll(3) == 0)
			d.relay_ip = str_cstr(roll(2) ? "192.0.2.1" : "2001:db8::1");
		snprintf(dom, sizeof dom, "%s", ri->own_domain && roll(2) ? ri->own_domain : domains[roll(5)]);
		snprintf(d.rcpt_domain, sizeof d.rcpt_domain, "%s", dom);
		compare(r, &d);
	}
	print_message("%zu replies, %zu matched by a rule\n", tried, matched);
	assert_true(matched > tried / 2);
	free(ex);
	free(ex_rule);
	free(buf);
	rules_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_library),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
