/* test_idmap - the bounded id -> text map the MTA parsers keep between
 * lines: against a plain model under random puts, gets and removes (the
 * oldest entry goes when the map is full), and its memory follows what it
 * holds, not its bound.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "idmap.h"

#define KEYS 600	/* distinct keys the random runs use */

/* The model: every key's value ("" and live 0 when absent) and the ring
 * position it was written at; ring[pos] the key written there last. */
struct model {
	size_t max;
	uint64_t seq;
	int live[KEYS];
	size_t at[KEYS];
	char val[KEYS][IDMAP_VAL_MAX + 1];
	int ring[2048];
};

static void key_of(int k, char *out, size_t n)
{
	snprintf(out, n, "Q%dX%d", k * 7919 % 100003, k);	/* short, varied */
}

static void model_put(struct model *m, int k, const char *v)
{
	size_t pos = (size_t)(m->seq++ % m->max);
	m->live[k] = 0;
	if (m->ring[pos] >= 0 && m->live[m->ring[pos]] && m->at[m->ring[pos]] == pos)
		m->live[m->ring[pos]] = 0;	/* the oldest goes */
	m->ring[pos] = k;
	m->live[k] = 1;
	m->at[k] = pos;
	size_t n = strlen(v) < IDMAP_VAL_MAX ? strlen(v) : IDMAP_VAL_MAX;	/* cut as the map cuts */
	memcpy(m->val[k], v, n);
	m->val[k][n] = '\0';
}

static void check_all(const struct idmap *map, const struct model *m)
{
	char key[40];
	size_t n = 0;
	for (int k = 0; k < KEYS; k++) {
		struct str v;
		key_of(k, key, sizeof key);
		int got = idmap_get(map, str_make(key, strlen(key)), &v);
		assert_int_equal(got, m->live[k]);
		if (got) {
			assert_int_equal(v.len, strlen(m->val[k]));
			assert_memory_equal(v.p, m->val[k], v.len);
		}
		n += (size_t)m->live[k];
	}
	assert_int_equal(idmap_count(map), n);
}

static void run_model(size_t max, unsigned seed, int ops)
{
	static struct model m;
	struct idmap *map = idmap_new(max);
	char key[40], val[300];
	uint32_t r = seed;
	memset(&m, 0, sizeof m);
	m.max = max;
	for (size_t i = 0; i < sizeof m.ring / sizeof *m.ring; i++)
		m.ring[i] = -1;
	for (int i = 0; i < ops; i++) {
		r = r * 1103515245u + 12345u;
		int k = (int)((r >> 8) % KEYS), op = (int)((r >> 20) % 8);
		key_of(k, key, sizeof key);
		if (op < 6) {
			size_t vl = (r >> 4) % 40 + (op == 5 ? 240 : 0);	/* some cut at IDMAP_VAL_MAX */
			for (size_t j = 0; j < vl; j++)
				val[j] = (char)('a' + (i + (int)j) % 26);
			val[vl] = '\0';
			idmap_put(map, str_make(key, strlen(key)), str_make(val, vl));
			model_put(&m, k, val);
		} else {
			idmap_remove(map, str_make(key, strlen(key)));
			m.live[k] = 0;
		}
		if (i % 97 == 0)
			check_all(map, &m);
	}
	check_all(map, &m);
	idmap_free(map);
}

/* Small bounds (the ring wraps all the time) and bounds above the key count
 * (the index grows several times while the keys come and go). */
static void same_as_the_model(void **state)
{
	(void)state;
	run_model(2, 1, 2000);
	run_model(16, 2, 20000);
	run_model(64, 3, 40000);
	run_model(256, 4, 60000);
	run_model(1024, 5, 60000);
	run_model(2048, 6, 60000);
}

/* A map bounded at 65,536 entries (the parsers' bound) costs a few KiB
 * until it fills; full, it holds its bound and no more. Before, every new
 * map took 512 KiB of index and 1,024 entries (~300 KiB) at the first put. */
static void memory_follows_what_it_holds(void **state)
{
	char key[40];
	struct idmap *m = idmap_new(65536);
	(void)state;
	assert_true(idmap_bytes(m) < 1024);
	idmap_put(m, str_make("A1", 2), str_make("x@example.org", 13));
	assert_true(idmap_bytes(m) < 8 * 1024);
	for (int i = 0; i < 100; i++) {
		snprintf(key, sizeof key, "K%d", i);
		idmap_put(m, str_make(key, strlen(key)), str_make("x@example.org", 13));
	}
	assert_true(idmap_bytes(m) < 64 * 1024);
	for (int i = 0; i < 70000; i++) {
		snprintf(key, sizeof key, "L%d", i);
		idmap_put(m, str_make(key, strlen(key)), str_make("x@example.org", 13));
	}
	assert_int_equal(idmap_count(m), 65536);
	assert_true(idmap_bytes(m) <= 1024 + 2 * 65536 * sizeof(uint32_t) + 65536 * 300);
	/* the oldest went, the newest are there */
	struct str v;
	assert_int_equal(idmap_get(m, str_make("L0", 2), &v), 0);
	assert_int_equal(idmap_get(m, str_make("L69999", 6), &v), 1);
	idmap_free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(same_as_the_model),
		cmocka_unit_test(memory_follows_what_it_holds),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
