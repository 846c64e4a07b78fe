/* Unit tests for html_esc: escaping and links from untrusted text. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "digest.h"
#include "html_esc.h"

static char *linked(const char *s)
{
	char *p = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&p, &n);
	assert_non_null(f);
	html_esc_linked(f, s, strlen(s));
	fclose(f);
	return p;
}

static void links_every_url(void **state)
{
	(void)state;
	char *p = linked("see https://sender.office.com (portal); SNDS: https://a.example/snds/.");
	assert_string_equal(p, "see <a href=\"https://sender.office.com\">https://sender.office.com</a> "
			       "(portal); SNDS: <a href=\"https://a.example/snds/\">https://a.example/snds/</a>.");
	free(p);
}

static void hostile_url_stays_inside_the_attribute(void **state)
{
	(void)state;
	char *p = linked("http://x.example/?a=1&b=<script>\"onload=x");
	assert_string_equal(p, "<a href=\"http://x.example/?a=1&amp;b=\">http://x.example/?a=1&amp;b=</a>"
			       "&lt;script&gt;&quot;onload=x");
	free(p);
	p = linked("javascript:alert(1) http:// <b>");
	assert_string_equal(p, "javascript:alert(1) http:// &lt;b&gt;");
	free(p);
}

static void control_bytes_replaced(void **state)
{
	(void)state;
	char *p = linked("a\x01" "b\xff" "c");
	assert_string_equal(p, "a&#xfffd;b&#xfffd;c");
	free(p);
}

static void arrows(void **state)
{
	(void)state;
	assert_string_equal(digest_arrow(2, 1), "\xe2\x86\x91");
	assert_string_equal(digest_arrow(1, 2), "\xe2\x86\x93");
	assert_string_equal(digest_arrow(1, 1), "\xe2\x86\x92");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(links_every_url),
		cmocka_unit_test(hostile_url_stays_inside_the_attribute),
		cmocka_unit_test(control_bytes_replaced),
		cmocka_unit_test(arrows),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
