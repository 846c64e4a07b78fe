/* Unit tests for selfcheck.c's record readers: DKIM key records and DMARC
 * records, well-formed and broken. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "selfcheck.h"

/* A 2048-bit RSA SubjectPublicKeyInfo starts MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A... */
static char *rsa_key(size_t b64len)
{
	char *k = malloc(b64len + 1);
	const char *head = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A";
	for (size_t i = 0; i < b64len; i++)
		k[i] = i < strlen(head) ? head[i] : "ABCD"[i % 4];
	k[b64len] = '\0';
	return k;
}

static void test_dkim(void **state)
{
	char d[300], rec[1024];
	char *k = rsa_key(392);
	snprintf(rec, sizeof rec, "v=DKIM1; k=rsa; p=%s", k);
	assert_int_equal(selfcheck_dkim_parse(rec, d, sizeof d), 0);
	assert_non_null(strstr(d, "2048 bits"));
	snprintf(rec, sizeof rec, "p=%s", k);	/* v= and k= are optional */
	assert_int_equal(selfcheck_dkim_parse(rec, d, sizeof d), 0);
	snprintf(rec, sizeof rec, " v = DKIM1 ;  p= %.*s %s ;", 100, k, k + 100);	/* spaces inside base64 */
	assert_int_equal(selfcheck_dkim_parse(rec, d, sizeof d), 0);
	assert_int_equal(selfcheck_dkim_parse("v=DKIM1; k=rsa; p=", d, sizeof d), -1);
	assert_non_null(strstr(d, "revoked"));
	assert_int_equal(selfcheck_dkim_parse("v=DKIM1; k=rsa", d, sizeof d), -1);
	assert_non_null(strstr(d, "no p="));
	assert_int_equal(selfcheck_dkim_parse("v=DKIM1; p=not*base64!", d, sizeof d), -1);
	assert_non_null(strstr(d, "not base64"));
	assert_int_equal(selfcheck_dkim_parse("k=rsa; v=DKIM1; p=AAAA", d, sizeof d), -1);
	assert_non_null(strstr(d, "first"));
	assert_int_equal(selfcheck_dkim_parse("v=DKIM1; p=QUJD", d, sizeof d), -1);	/* not DER */
	assert_int_equal(selfcheck_dkim_parse("garbage without tags", d, sizeof d), -1);
	assert_int_equal(selfcheck_dkim_parse("v=DKIM1; k=dsa; p=QUJD", d, sizeof d), -1);
	assert_non_null(strstr(d, "unknown key type"));
	/* ed25519: 32 bytes of key. */
	assert_int_equal(selfcheck_dkim_parse("v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=",
					      d, sizeof d), 0);
	free(k);
}

static void test_dmarc(void **state)
{
	char p[16], d[300];
	assert_int_equal(selfcheck_dmarc_parse("v=DMARC1; p=none; rua=mailto:a@b.test", p, sizeof p, d, sizeof d), 0);
	assert_string_equal(p, "none");
	assert_non_null(strstr(d, "DKIM relaxed, SPF relaxed"));
	assert_int_equal(selfcheck_dmarc_parse("v=DMARC1;p=reject;adkim=s;aspf=s;pct=50", p, sizeof p, d, sizeof d), 0);
	assert_string_equal(p, "reject");
	assert_non_null(strstr(d, "pct=50"));
	assert_non_null(strstr(d, "DKIM strict, SPF strict"));
	assert_int_equal(selfcheck_dmarc_parse("v=DMARC1; p=maybe", p, sizeof p, d, sizeof d), -1);
	assert_int_equal(selfcheck_dmarc_parse("v=DMARC1; rua=mailto:x@y", p, sizeof p, d, sizeof d), -1);
	assert_non_null(strstr(d, "no p="));
	assert_int_equal(selfcheck_dmarc_parse("p=none; v=DMARC1", p, sizeof p, d, sizeof d), -1);
	assert_int_equal(selfcheck_dmarc_parse("v=DMARC1; p=none; adkim=x", p, sizeof p, d, sizeof d), -1);
	assert_int_equal(selfcheck_dmarc_parse("v=DMARC1; p", p, sizeof p, d, sizeof d), -1);
}

static void test_summary_and_json(void **state)
{
	struct selfcheck sc;
	char buf[256];
	memset(&sc, 0, sizeof sc);
	sc.n = 2;
	snprintf(sc.f[0].brief, sizeof sc.f[0].brief, "%s", "PTR ok");
	snprintf(sc.f[0].check, sizeof sc.f[0].check, "%s", "ptr");
	snprintf(sc.f[1].brief, sizeof sc.f[1].brief, "%s", "FCrDNS fails");
	snprintf(sc.f[1].check, sizeof sc.f[1].check, "%s", "fcrdns");
	snprintf(sc.f[1].detail, sizeof sc.f[1].detail, "%s", "a \"quoted\"\nname");
	sc.f[1].status = SC_FAIL;
	assert_string_equal(selfcheck_summary(&sc, buf, sizeof buf), "PTR ok, FCrDNS fails");
	char *js = selfcheck_json(&sc);
	assert_string_equal(js, "[{\"status\":\"ok\",\"check\":\"ptr\",\"brief\":\"PTR ok\",\"detail\":\"\",\"fix\":\"\"},"
			    "{\"status\":\"fail\",\"check\":\"fcrdns\",\"brief\":\"FCrDNS fails\","
			    "\"detail\":\"a \\\"quoted\\\"\\nname\",\"fix\":\"\"}]");
	free(js);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dkim),
		cmocka_unit_test(test_dmarc),
		cmocka_unit_test(test_summary_and_json),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
