/* test_logsniff - what a file without MTA lines is said to look like. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "testutil.h"
#include "logsniff.h"

static char dir[256];

static const char *file_of(const char *name, const char *text)
{
	const char *p = tu_path(dir, name);
	FILE *f = fopen(p, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	return p;
}

static void kinds(void **state)
{
	char desc[512];
	(void)state;
	tu_mkdtemp(dir, sizeof dir, "logsniff");
	assert_int_equal(logsniff_file(file_of("empty", ""), desc, sizeof desc), LOGSNIFF_EMPTY);
	assert_int_equal(logsniff_file(file_of("csv", "a,b,c\n1,2,3\n"), desc, sizeof desc), LOGSNIFF_NOT_LOG);
	assert_non_null(strstr(desc, "not a mail log"));
	assert_int_equal(logsniff_file(file_of("qmail", "Nov 28 00:00:01 mx qmail: 1234.5 delivery 1: success\n"
					       "Nov 28 00:00:02 mx kernel: x\n"), desc, sizeof desc),
			 LOGSNIFF_OTHER_MTA);
	assert_non_null(strstr(desc, "qmail"));
	assert_int_equal(logsniff_file(file_of("sys", "Nov 28 00:00:01 mx dovecot: imap-login: a\n"
					     "Nov 28 00:00:02 mx dovecot: imap-login: b\n"
					     "Nov 28 00:00:03 mx kernel: [1.0] x\n"), desc, sizeof desc),
			 LOGSNIFF_NO_MAIL);
	assert_string_equal(desc, "syslog lines of dovecot (2), kernel (1)");
	assert_int_equal(logsniff_file(file_of("mix", "Nov 28 00:00:01 mx dovecot: a\n"
					     "2026-11-28 00:00:02 1xX71R-0002sC-2x Completed\n"), desc, sizeof desc),
			 LOGSNIFF_MTA);
	assert_int_equal(logsniff_file(tu_path(dir, "missing"), desc, sizeof desc), -1);
	tu_rmtree(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = { cmocka_unit_test(kinds) };
	return cmocka_run_group_tests(tests, NULL, NULL);
}
