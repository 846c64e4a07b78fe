/* Unit tests for csv: RFC 4180 records from a buffer, quotes, line ends,
 * limits, and every prefix of a record read without a crash. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "csv.h"

static struct csv_reader *rd(const char *s, size_t n)
{
	struct csv_reader *r = malloc(sizeof *r);
	csv_init(r, s, n);
	return r;
}

static int is(struct str f, const char *lit)
{
	return f.len == strlen(lit) && memcmp(f.p, lit, f.len) == 0;
}

static void plain_and_quoted(void **state)
{
	static const char in[] = "a,b,,d\r\n\"x,y\",\"he said \"\"hi\"\"\",\"two\r\nlines\"\nlast";
	char err[128];
	struct csv_reader *r = rd(in, sizeof in - 1);
	(void)state;
	assert_int_equal(csv_next(r, err, sizeof err), 1);
	assert_int_equal(r->nfield, 4);
	assert_true(is(r->field[0], "a") && is(r->field[2], "") && is(r->field[3], "d"));
	assert_int_equal(r->line, 1);
	assert_int_equal(csv_next(r, err, sizeof err), 1);
	assert_int_equal(r->nfield, 3);
	assert_true(is(r->field[0], "x,y"));
	assert_true(is(r->field[1], "he said \"hi\""));
	assert_true(is(r->field[2], "two\r\nlines"));
	assert_int_equal(r->line, 2);
	assert_int_equal(csv_next(r, err, sizeof err), 1);
	assert_int_equal(r->line, 4);
	assert_true(r->nfield == 1 && is(r->field[0], "last"));
	assert_int_equal(csv_next(r, err, sizeof err), 0);
	free(r);
}

static void errors_skip_one_line(void **state)
{
	char in[200], err[128];
	struct csv_reader *r;
	(void)state;
	memset(in, ',', 100);
	memcpy(in + 100, "\nok\n\"open", 9);
	r = rd(in, 109);
	assert_int_equal(csv_next(r, err, sizeof err), -1);
	assert_non_null(strstr(err, "too many fields"));
	assert_int_equal(csv_next(r, err, sizeof err), 1);
	assert_true(is(r->field[0], "ok"));
	assert_int_equal(csv_next(r, err, sizeof err), -1);
	assert_non_null(strstr(err, "unterminated"));
	assert_int_equal(csv_next(r, err, sizeof err), 0);
	free(r);
}

static void long_record_refused(void **state)
{
	size_t n = CSV_RECORD_MAX + 10;
	char *in = malloc(n + 4), err[128];
	struct csv_reader *r;
	(void)state;
	memset(in, 'x', n);
	memcpy(in + n, "\ny\n", 3);
	r = rd(in, n + 3);
	assert_int_equal(csv_next(r, err, sizeof err), -1);
	assert_non_null(strstr(err, "too long"));
	assert_int_equal(csv_next(r, err, sizeof err), 1);
	assert_true(is(r->field[0], "y"));
	free(r);
	free(in);
}

static void every_prefix(void **state)
{
	static const char in[] = "1.2.3.4,\"a\"\"b\",\r\n\"c\nd\",e\r\r\n\0x,\"";
	char err[128];
	(void)state;
	for (size_t k = 0; k <= sizeof in - 1; k++) {
		struct csv_reader *r = rd(in, k);
		int n, guard = 0;
		while ((n = csv_next(r, err, sizeof err)) != 0 && guard++ < 100)
			for (size_t i = 0; n > 0 && i < r->nfield; i++)
				assert_true(r->field[i].p >= r->buf &&
					    r->field[i].p + r->field[i].len <= r->buf + sizeof r->buf);
		assert_true(guard < 100);
		free(r);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plain_and_quoted),
		cmocka_unit_test(errors_skip_one_line),
		cmocka_unit_test(long_record_refused),
		cmocka_unit_test(every_prefix),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
