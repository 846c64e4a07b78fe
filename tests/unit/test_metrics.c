/* Unit tests for metrics: the exposition text, label escaping, the cap on
 * series, the atomic write. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "metrics.h"
#include "testutil.h"

static void render(void **state)
{
	struct metrics *m = calloc(1, sizeof *m);
	struct buf b;
	(void)state;
	metrics_add_attempts(m, "sent", "google", 3);
	metrics_add_attempts(m, "sent", NULL, 1);
	metrics_add_attempts(m, "sent", "google", 2);
	metrics_add_attempts(m, "bounced", "we\"ird\\name\nx\001", 1);
	m->lines = 10;
	m->not_understood = 2;
	m->commits = 4;
	m->commit_seconds = 0.5;
	buf_init(&b);
	metrics_render(m, &b);
	const char *t = buf_str(&b);
	assert_non_null(strstr(t, "\nbouncewatch_attempts_total{status=\"sent\",provider=\"google\"} 5\n"));
	assert_non_null(strstr(t, "\nbouncewatch_attempts_total{status=\"sent\",provider=\"unknown\"} 1\n"));
	assert_non_null(strstr(t, "{status=\"bounced\",provider=\"we\\\"ird\\\\name\\nx\"} 1\n"));
	assert_non_null(strstr(t, "# TYPE bouncewatch_lines_read_total counter\nbouncewatch_lines_read_total 10\n"));
	assert_non_null(strstr(t, "bouncewatch_commit_duration_seconds_sum 0.500000\n"
				  "bouncewatch_commit_duration_seconds_count 4\n"));
	assert_int_equal(t[strlen(t) - 1], '\n');
	buf_release(&b);
	free(m);
}

static void capped(void **state)
{
	struct metrics *m = calloc(1, sizeof *m);
	char p[32];
	(void)state;
	for (int i = 0; i < 1000; i++) {
		snprintf(p, sizeof p, "p%d", i);
		metrics_add_attempts(m, "sent", p, 1);
	}
	assert_true(m->nseries <= METRICS_SERIES_MAX);
	uint64_t total = 0, other = 0;
	for (size_t i = 0; i < m->nseries; i++) {
		total += m->series[i].n;
		if (strcmp(m->series[i].provider, "other") == 0)
			other = m->series[i].n;
	}
	assert_int_equal(total, 1000);	/* nothing lost */
	assert_true(other > 0);
	free(m);
}

static void atomic_write(void **state)
{
	char dir[64], path[128], tmp[140], got[64] = "";
	FILE *f;
	(void)state;
	tu_mkdtemp(dir, sizeof dir, "metrics");
	snprintf(path, sizeof path, "%s/bw.prom", dir);
	snprintf(tmp, sizeof tmp, "%s.tmp", path);
	char err[256];
	assert_int_equal(metrics_write(path, "a 1\n", 4, err, sizeof err), 0);
	assert_int_equal(metrics_write(path, "b 2\n", 4, err, sizeof err), 0);
	f = fopen(path, "r");
	assert_non_null(f);
	assert_non_null(fgets(got, sizeof got, f));
	fclose(f);
	assert_string_equal(got, "b 2\n");
	struct stat sb;
	assert_int_not_equal(stat(tmp, &sb), 0);	/* no temporary left */
	snprintf(path, sizeof path, "%s/none/bw.prom", dir);
	assert_int_equal(metrics_write(path, "a 1\n", 4, err, sizeof err), -1);
	assert_non_null(strstr(err, "No such file"));
	tu_rmtree(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(render),
		cmocka_unit_test(capped),
		cmocka_unit_test(atomic_write),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
