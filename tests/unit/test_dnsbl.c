/* Unit tests for dnsbl.c: the shipped zone list reads, answers by their
 * published meaning, error answers are never listings, zone list errors
 * name file:line, the summary line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "dnsbl.h"
#include "testutil.h"

static struct dnsbl_conf *shipped(void)
{
	char err[512];
	struct dnsbl_conf *c = dnsbl_conf_load("patterns/dnsbl.conf", err, sizeof err);
	if (c == NULL)
		fail_msg("%s", err);
	return c;
}

static const struct dnsbl_zone *zone(const struct dnsbl_conf *c, const char *id)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->z[i].id, id) == 0)
			return &c->z[i];
	fail_msg("no zone %s", id);
	return NULL;
}

static void answer(struct dns_answer *a, enum dns_status st, const char *a1, const char *a2)
{
	memset(a, 0, sizeof *a);
	a->status = st;
	if (a1)
		a->rr[a->n++] = strdup(a1);
	if (a2)
		a->rr[a->n++] = strdup(a2);
	a->ttl = 300;
}

static void judge(const struct dnsbl_zone *z, enum dns_status st, const char *a1, const char *a2,
		  enum dnsbl_result want, const char *labels)
{
	struct dns_answer a;
	struct dnsbl_check c;
	memset(&c, 0, sizeof c);
	answer(&a, st, a1, a2);
	dnsbl_interpret(z, &a, &c);
	assert_int_equal(c.result, want);
	assert_string_equal(c.labels, labels);
	if (want == DNSBL_ERROR)
		assert_true(c.error[0] != '\0');
	dns_answer_release(&a);
}

static void test_spamhaus_codes(void **state)
{
	struct dnsbl_conf *c = shipped();
	const struct dnsbl_zone *zen = zone(c, "zen");
	assert_string_equal(zen->zone, "zen.spamhaus.org");
	assert_true(zen->ipv6);
	judge(zen, DNS_OK, "127.0.0.2", NULL, DNSBL_LISTED, "SBL");
	judge(zen, DNS_OK, "127.0.0.3", NULL, DNSBL_LISTED, "CSS");
	judge(zen, DNS_OK, "127.0.0.4", NULL, DNSBL_LISTED, "XBL");
	judge(zen, DNS_OK, "127.0.0.7", NULL, DNSBL_LISTED, "XBL");
	judge(zen, DNS_OK, "127.0.0.9", NULL, DNSBL_LISTED, "DROP");
	judge(zen, DNS_OK, "127.0.0.11", "127.0.0.4", DNSBL_LISTED, "PBL XBL");
	judge(zen, DNS_OK, "127.0.0.10", "127.0.0.11", DNSBL_LISTED, "PBL");
	judge(zen, DNS_NXDOMAIN, NULL, NULL, DNSBL_NOT_LISTED, "");
	judge(zen, DNS_NODATA, NULL, NULL, DNSBL_NOT_LISTED, "");
	dnsbl_conf_free(c);
}

static void test_errors_are_not_listings(void **state)
{
	struct dnsbl_conf *c = shipped();
	const struct dnsbl_zone *zen = zone(c, "zen");
	judge(zen, DNS_OK, "127.255.255.252", NULL, DNSBL_ERROR, "");
	judge(zen, DNS_OK, "127.255.255.254", NULL, DNSBL_ERROR, "");
	judge(zen, DNS_OK, "127.255.255.255", NULL, DNSBL_ERROR, "");
	/* One error code spoils a whole answer. */
	judge(zen, DNS_OK, "127.0.0.2", "127.255.255.254", DNSBL_ERROR, "");
	judge(zen, DNS_OK, "127.255.255.254", "127.0.0.2", DNSBL_ERROR, "");
	/* Undocumented: a redirecting resolver's address, 127.0.0.1, garbage. */
	judge(zen, DNS_OK, "198.51.100.80", NULL, DNSBL_ERROR, "");
	judge(zen, DNS_OK, "127.0.0.1", NULL, DNSBL_ERROR, "");
	judge(zen, DNS_OK, "not an address", NULL, DNSBL_ERROR, "");
	judge(zone(c, "barracuda"), DNS_OK, "127.0.0.3", NULL, DNSBL_ERROR, "");
	/* The transport failing. */
	judge(zen, DNS_TIMEOUT, NULL, NULL, DNSBL_ERROR, "");
	judge(zen, DNS_SERVFAIL, NULL, NULL, DNSBL_ERROR, "");
	judge(zen, DNS_REFUSED, NULL, NULL, DNSBL_ERROR, "");
	judge(zen, DNS_BADRESP, NULL, NULL, DNSBL_ERROR, "");
	judge(zen, DNS_FAIL, NULL, NULL, DNSBL_ERROR, "");
	dnsbl_conf_free(c);
}

static void test_every_shipped_list(void **state)
{
	struct dnsbl_conf *c = shipped();
	const char *ids[] = { "zen", "barracuda", "spamcop", "uceprotect1", "mailspike", "psbl" };
	for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
		const struct dnsbl_zone *z = zone(c, ids[i]);
		assert_non_null(z->operator_);
		assert_non_null(z->lookup);
		assert_non_null(z->delist);
		judge(z, DNS_OK, "127.0.0.2", NULL, i == 0 ? DNSBL_LISTED : DNSBL_LISTED, i == 0 ? "SBL" : z->codes[0].label);
	}
	dnsbl_conf_free(c);
}

static void conf_error(const char *text, const char *want)
{
	char dir[64], err[512];
	tu_mkdtemp(dir, sizeof dir, "dnsbl");
	FILE *f = fopen(tu_path(dir, "z.conf"), "w");
	fputs(text, f);
	fclose(f);
	assert_null(dnsbl_conf_load(tu_path(dir, "z.conf"), err, sizeof err));
	if (strstr(err, want) == NULL)
		fail_msg("error '%s' does not hold '%s'", err, want);
	tu_rmtree(dir);
}

static void test_conf_errors(void **state)
{
	conf_error("zone = a.test\n", "z.conf:1: a key before the first [section]");
	conf_error("[a]\nzone = a.test\ncode = 127.0.0.2\n", "z.conf:3: a listing code needs a label");
	conf_error("[a]\nzone = a.test\ncode = 127.0.0.9-127.0.0.2 X\n", "z.conf:3: expected ADDRESS");
	conf_error("[a]\nzone = a.test\nerror = 127.255.255.254 x\n", "z.conf:1: needs at least one listing code");
	conf_error("[a]\nzone = A Test\ncode = 127.0.0.2 X\n", "z.conf:1: needs zone");
	conf_error("[a]\nzone = a.test\nipv6 = maybe\n", "z.conf:3: ipv6 is yes or no");
	conf_error("[a]\nzone = a.test\ncolour = red\n", "z.conf:3: unknown key");
	conf_error("# nothing\n", "no zone");
	conf_error("[a]\nzone = a.test\ncode = 127.0.0.2 X\n[b]\nzone = b.test\n[c]\n", "z.conf:4: needs at least one");
}

static void test_select_and_summary(void **state)
{
	char err[256], buf[512];
	struct dnsbl_conf *c = shipped();
	assert_int_equal(dnsbl_conf_select(c, "nope", err, sizeof err), -1);
	assert_non_null(strstr(err, "no list named 'nope'"));
	assert_int_equal(dnsbl_conf_select(c, "spamcop,zen", err, sizeof err), 0);
	assert_int_equal(c->n, 2);
	struct dnsbl_check k[3];
	memset(k, 0, sizeof k);
	for (int i = 0; i < 3; i++)
		snprintf(k[i].ip, sizeof k[i].ip, "203.0.113.7");
	k[0].zone = zone(c, "zen");
	k[0].result = DNSBL_LISTED;
	snprintf(k[0].labels, sizeof k[0].labels, "XBL");
	k[1].zone = zone(c, "spamcop");
	k[1].result = DNSBL_NOT_LISTED;
	assert_string_equal(dnsbl_summary(k, 2, "203.0.113.7", buf, sizeof buf),
			    "203.0.113.7 listed on zen (XBL), not on the others");
	k[1].result = DNSBL_ERROR;
	assert_string_equal(dnsbl_summary(k, 2, "203.0.113.7", buf, sizeof buf),
			    "203.0.113.7 listed on zen (XBL); cannot check spamcop");
	k[0].result = DNSBL_NOT_LISTED;
	assert_string_equal(dnsbl_summary(k, 2, "203.0.113.7", buf, sizeof buf),
			    "203.0.113.7 not listed on 1 list; cannot check spamcop");
	dnsbl_conf_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spamhaus_codes),
		cmocka_unit_test(test_errors_are_not_listings),
		cmocka_unit_test(test_every_shipped_list),
		cmocka_unit_test(test_conf_errors),
		cmocka_unit_test(test_select_and_summary),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
