/* Unit tests for epcap: caps per pool, never global; a listed pool is never
 * held below EPCAP_LISTED whatever the unlisted pools do. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include "epcap.h"

static const struct epcap_limits small = { .listed = 50, .unlisted = 3, .unlisted_total = 5 };

/* Opens episodes in pool while the caps let it; returns how many opened. */
static size_t fill(struct epcap *c, const char *pool, int listed, size_t tries)
{
	size_t n = 0;
	int total;
	for (size_t i = 0; i < tries; i++)
		if (epcap_refuse(c, pool, listed, &total) == 0) {
			epcap_opened(c, pool, listed);
			n++;
		}
	return n;
}

static void per_pool(void **state)
{
	struct epcap *c = epcap_new(&small);
	int total;
	(void)state;
	assert_int_equal(fill(c, "evil.example", 0, 1000), 3);
	assert_int_equal(epcap_hits(c), 997);
	/* another unlisted pool has its own share */
	assert_int_equal(fill(c, "other.example", 0, 10), 2);	/* 3 + 2 = the unlisted total */
	assert_int_equal(epcap_refuse(c, "third.example", 0, &total), 5);
	assert_int_equal(total, 1);
	/* a listed pool is not held by any of it */
	assert_int_equal(fill(c, "outlook-consumer", 1, 50), 50);
	assert_int_equal(epcap_refuse(c, "outlook-consumer", 1, &total), 50);
	assert_int_equal(total, 0);
	assert_int_equal(epcap_open(c, "outlook-consumer"), 50);
	/* a cleared episode frees its place */
	epcap_closed(c, "evil.example");
	assert_int_equal(epcap_refuse(c, "third.example", 0, &total), 0);
	epcap_free(c);
}

struct seen {
	char text[512];
};

static void each(void *arg, const char *pool, size_t cap, uint64_t hits)
{
	struct seen *s = arg;
	size_t n = strlen(s->text);
	snprintf(s->text + n, sizeof s->text - n, "%s:%zu:%llu ", pool, cap, (unsigned long long)hits);
}

static void hits_per_pool(void **state)
{
	struct epcap *c = epcap_new(&small);
	struct seen s = { "" };
	(void)state;
	fill(c, "a.example", 0, 4);	/* 1 hit */
	fill(c, "b.example", 0, 5);	/* 2 opened, 3 hits on the total */
	fill(c, "ok", 1, 2);
	epcap_each_hit(c, each, &s);
	assert_string_equal(s.text, "a.example:3:1 *:5:3 ");
	assert_int_equal(epcap_hits(c), 4);
	/* a reset (reload) forgets the open counts, keeps the hits */
	epcap_reset(c);
	assert_int_equal(epcap_open(c, "a.example"), 0);
	assert_int_equal(epcap_hits(c), 4);
	assert_int_equal(fill(c, "a.example", 0, 3), 3);
	epcap_free(c);
}

/* The defaults: an unlisted pool holds EPCAP_UNLISTED, a listed one at
 * least EPCAP_LISTED, and the table shrinks back after many pools. */
static void defaults_and_churn(void **state)
{
	struct epcap *c = epcap_new(NULL);
	char name[32];
	(void)state;
	assert_true(EPCAP_LISTED >= 65536);
	assert_int_equal(fill(c, "evil.example", 0, EPCAP_UNLISTED + 100), EPCAP_UNLISTED);
	assert_int_equal(fill(c, "microsoft", 1, EPCAP_UNLISTED + 100), EPCAP_UNLISTED + 100);
	for (int i = 0; i < 20000; i++) {	/* pools that open and clear one episode each */
		snprintf(name, sizeof name, "p%d.example", i);
		assert_int_equal(fill(c, name, 0, 1), 1);
		epcap_closed(c, name);
	}
	assert_int_equal(epcap_open(c, "evil.example"), EPCAP_UNLISTED);
	assert_int_equal(epcap_open(c, "microsoft"), EPCAP_UNLISTED + 100);
	assert_int_equal(epcap_hits(c), 100);
	/* a pool first seen unlisted, then listed, leaves the unlisted total */
	epcap_closed(c, "nothing-open");
	epcap_free(c);
}

static void listed_later(void **state)
{
	struct epcap *c = epcap_new(&small);
	int total;
	(void)state;
	assert_int_equal(fill(c, "x.example", 0, 3), 3);
	epcap_opened(c, "x.example", 1);	/* e.g. loaded from the store as listed */
	assert_int_equal(fill(c, "y.example", 0, 5), 3);	/* total 5 counts y's only... */
	assert_int_equal(epcap_refuse(c, "z.example", 0, &total), 0);	/* ...and 2 are left */
	epcap_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(per_pool),
		cmocka_unit_test(hits_per_pool),
		cmocka_unit_test(defaults_and_churn),
		cmocka_unit_test(listed_later),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
