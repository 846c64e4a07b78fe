/* Unit tests of the sending IP rules_classify names for a reply whose
 * address is masked ("x.x.x.x", reply_paste.h reads it as 0.0.0.0): none,
 * whatever other numbers the reply holds ("510.0.0.0", "100.0.0.01" hold
 * the bytes "0.0.0.0" without writing that address); "0.0.0.0" when the
 * reply writes that address itself (rules.h, struct verdict). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include "delivery.h"
#include "rules.h"
#include "testutil.h"

static int setup(void **state)
{
	char dir[64], err[512];
	struct rules *r;
	tu_mkdtemp(dir, sizeof dir, "pasteip");
	tu_write(dir, "t.rules",
		 "[t-client-host]\nprovider = generic\ncategory = blocklist\nblock = yes\npriority = 800\n"
		 "match = ^554 Client host \\[(?<ip>[\\d.]+)\\] blocked\n"
		 "example = 554 Client host [192.0.2.9] blocked\n"
		 "example_ip = 192.0.2.9\n");
	r = rules_load(dir, err, sizeof err);
	tu_rmtree(dir);
	if (r == NULL) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	*state = r;
	return 0;
}

static int teardown(void **state)
{
	rules_free(*state);
	return 0;
}

/* Each reply, which rule t-client-host matches, and the sending IP its
 * verdict names. */
static void test_sending_ip(void **state)
{
	static const struct { const char *reply, *ip; } cases[] = {
		/* masked: never named, whatever numbers hold "0.0.0.0" */
		{ "554 Client host [x.x.x.x] blocked", "" },
		{ "554 Client host [xx.xx.xx.xx] blocked; id 510.0.0.0", "" },
		{ "554 Client host [192.0.2.xxx] blocked (ref 100.0.0.01)", "" },
		{ "554 Client host [x.x.x.x] blocked (policy 20.0.0.0.1)", "" },
		{ "554 Client host [x.x.x.x] blocked (build 3.10.0.0.0.7)", "" },
		{ "554 Client host [x.x.x.x] blocked; 0.0.0.01", "" },
		/* the unspecified address written by the reply: named */
		{ "554 Client host [0.0.0.0] blocked", "0.0.0.0" },
		{ "554 Client host [0.0.0.0] blocked; private ranges: 10.0.0.0/8", "0.0.0.0" },
		{ "554 Client host [x.x.x.x] blocked: 0.0.0.0 is no sender", "0.0.0.0" },
		{ "554 Client host [x.x.x.x] blocked (0.0.0.0)", "0.0.0.0" },
		{ "554 Client host [192.0.2.1] blocked; 10.0.0.0/8", "192.0.2.1" },
	};
	struct rules *r = *state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct delivery d;
		struct verdict v;
		delivery_reset(&d);
		d.status = DS_BOUNCED;
		d.reply = str_cstr(cases[i].reply);
		if (rules_classify(r, &d, &v) != 1 || strcmp(v.rule_id, "t-client-host") != 0)
			fail_msg("not matched by t-client-host: %s", cases[i].reply);
		if (strcmp(v.sending_ip, cases[i].ip) != 0)
			fail_msg("%s: sending IP '%s', want '%s'", cases[i].reply, v.sending_ip, cases[i].ip);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sending_ip),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
