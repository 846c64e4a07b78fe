/* Unit tests for report.c / report_fmt.c / report_html.c: the formats'
 * escaping of hostile values, number typing, CSV quoting, HTML structure
 * and text alignment. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "report.h"

static struct report_value T(const char *s) { return (struct report_value){ RV_TEXT, s, strlen(s) }; }
static struct report_value I(const char *s) { return (struct report_value){ RV_INT, s, strlen(s) }; }
static struct report_value R(const char *s) { return (struct report_value){ RV_REAL, s, strlen(s) }; }
static const struct report_value N = { RV_NULL, NULL, 0 };

/* Runs fn into memory and returns the bytes (caller frees); *len set. */
static char *capture_table(enum report_format fmt, const struct report_table *t, int colour,
			   size_t *len)
{
	char *buf = NULL, err[128];
	FILE *f = open_memstream(&buf, len);
	assert_non_null(f);
	assert_int_equal(report_write_table(f, fmt, t, colour, err, sizeof err), 0);
	fclose(f);
	return buf;
}

static char *capture_doc(enum report_format fmt, const struct report_doc *d, int colour)
{
	char *buf = NULL, err[128];
	size_t len;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	assert_int_equal(report_write(f, fmt, d, colour, err, sizeof err), 0);
	fclose(f);
	return buf;
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = hay; (p = strstr(p, needle)) != NULL; p++)
		n++;
	return n;
}

static void test_format_parse(void **state)
{
	enum report_format f;
	assert_int_equal(report_format_parse("json", &f), 0);
	assert_int_equal(f, REPORT_JSON);
	assert_int_equal(report_format_parse("html", &f), 0);
	assert_int_equal(f, REPORT_HTML);
	assert_int_equal(report_format_parse("xml", &f), -1);
	assert_int_equal(report_format_parse(NULL, &f), -1);
}

static void test_json_escaping(void **state)
{
	static const char hostile[] = "q\" b\\ n\n t\t e\x1b d\x7f x\xff z\0z \xe2\x80\xa8 \xc3\xa9\xe4\xbe\x8b";
	const char *names[] = { "v" };
	struct report_table *t = report_table_new("k", "K");
	struct report_value row[1] = { { RV_TEXT, hostile, sizeof hostile - 1 } };
	size_t len;
	report_table_columns(t, 1, names);
	report_table_add(t, row);
	char *out = capture_table(REPORT_JSON, t, 0, &len);
	assert_string_equal(out, "[\n  {\"v\": \"q\\\" b\\\\ n\\n t\\t e\\u001b d\\u007f x\\ufffd "
				 "z\\u0000z \\u2028 \xc3\xa9\xe4\xbe\x8b\"}\n]\n");
	free(out);
	report_table_free(t);
}

static void test_json_numbers(void **state)
{
	const char *names[] = { "i", "big", "r", "inf", "n", "first", "deferred_rate", "s" };
	struct report_table *t = report_table_new("k", "K");
	struct report_value row[] = { I("42"), I("9223372036854775807"), R("0.1"), R("Inf"), N,
				      R("1795248002.5"), R("0.25"), T("7") };
	size_t len;
	report_table_columns(t, 8, names);
	report_table_add(t, row);
	char *out = capture_table(REPORT_JSON, t, 0, &len);
	assert_string_equal(out, "[\n  {\"i\": 42, \"big\": 9223372036854775807, \"r\": 0.1, "
				 "\"inf\": null, \"n\": null, \"first\": \"2026-11-21T08:00:02Z\", "
				 "\"deferred_rate\": 0.25, \"s\": \"7\"}\n]\n");
	free(out);
	report_table_free(t);
}

static void test_json_document(void **state)
{
	const char *n1[] = { "attempts" }, *n2[] = { "provider", "sent" };
	struct report_table *tot = report_table_new("totals", "Totals");
	struct report_table *prov = report_table_new("provider", "Per provider");
	struct report_table *blk = report_table_new("blocks", "Blocks");
	struct report_value r1[] = { I("3") }, r2[] = { T("google"), I("2") };
	report_table_single(tot);
	report_table_columns(tot, 1, n1);
	report_table_add(tot, r1);
	report_table_columns(prov, 2, n2);
	report_table_add(prov, r2);
	report_table_columns(blk, 1, n1);	/* no rows: an empty list */
	struct report_table *tables[] = { tot, prov, blk };
	struct report_doc d = { "t", 0, 86400, 60, tables, 3 };
	char *out = capture_doc(REPORT_JSON, &d, 0);
	assert_string_equal(out, "{\"report\": \"bouncewatch\",\n\"version\": 1,\n"
				 "\"generated\": \"1970-01-01T00:01:00Z\",\n"
				 "\"since\": \"1970-01-01T00:00:00Z\",\n"
				 "\"until\": \"1970-01-02T00:00:00Z\",\n"
				 "\"totals\": {\"attempts\": 3},\n"
				 "\"provider\": [\n  {\"provider\": \"google\", \"sent\": 2}\n],\n"
				 "\"blocks\": []}\n");
	free(out);
	for (int i = 0; i < 3; i++)
		report_table_free(tables[i]);
}

static void test_csv_quoting(void **state)
{
	static const char nul[] = "a\0b";
	const char *names[] = { "plain", "comma,name", "v" };
	struct report_table *t = report_table_new("k", "K");
	struct report_value r1[] = { T("abc"), T("x,y"), T("say \"hi\"") };
	struct report_value r2[] = { T("line\nbreak"), T("cr\rhere"), { RV_TEXT, nul, 3 } };
	struct report_value r3[] = { N, I("5"), T("") };
	size_t len;
	report_table_columns(t, 3, names);
	report_table_add(t, r1);
	report_table_add(t, r2);
	report_table_add(t, r3);
	char *out = capture_table(REPORT_CSV, t, 0, &len);
	assert_string_equal(out, "plain,\"comma,name\",v\r\n"
				 "abc,\"x,y\",\"say \"\"hi\"\"\"\r\n"
				 "\"line\nbreak\",\"cr\rhere\",a\xef\xbf\xbd" "b\r\n"
				 ",5,\r\n");
	free(out);
	report_table_free(t);
}

static struct report_doc *html_doc(struct report_table **tables)
{
	static struct report_doc d;
	const char *dn[] = { "day", "sent", "deferred", "bounced" };
	const char *pn[] = { "provider", "deferred_rate", "bounced_rate" };
	const char *bn[] = { "provider", "sending_ip", "opened", "cleared" };
	struct report_value d1[] = { T("2026-11-20"), I("13"), I("0"), I("1") };
	struct report_value d2[] = { T("2026-11-21"), I("1"), I("5"), I("4") };
	struct report_value p1[] = { T("<script>alert('x')</script>"), R("0.5"), R("0.25") };
	struct report_value b1[] = { T("micro&soft"), T("203.0.113.7\x01"), R("1795248002"), N };
	tables[0] = report_table_new("day", "Per day");
	tables[1] = report_table_new("provider", "Per \"provider\"");
	tables[2] = report_table_new("blocks", "Blocks");
	report_table_columns(tables[0], 4, dn);
	report_table_add(tables[0], d1);
	report_table_add(tables[0], d2);
	report_table_columns(tables[1], 3, pn);
	report_table_add(tables[1], p1);
	report_table_columns(tables[2], 4, bn);
	report_table_add(tables[2], b1);
	d = (struct report_doc){ "report <x>", 1795132800, 1795392000, 1795392000, tables, 3 };
	return &d;
}

static void test_html_structure(void **state)
{
	struct report_table *tables[3];
	char *out = capture_doc(REPORT_HTML, html_doc(tables), 0);
	assert_true(strncmp(out, "<!DOCTYPE html>\n<html", 21) == 0);
	assert_int_equal(count(out, "<svg"), 3);
	assert_int_equal(count(out, "</svg>"), 3);
	assert_int_equal(count(out, "<table>"), count(out, "</table>"));
	assert_int_equal(count(out, "<section"), 3);
	assert_int_equal(count(out, "</section>"), 3);
	assert_int_equal(count(out, "<tr>"), count(out, "</tr>"));
	assert_int_equal(count(out, "<script"), 0);
	assert_non_null(strstr(out, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
	assert_non_null(strstr(out, "micro&amp;soft 203.0.113.7&#xfffd;"));
	assert_non_null(strstr(out, "<title>report &lt;x&gt;</title>"));
	assert_non_null(strstr(out, "Per &quot;provider&quot;"));
	assert_null(strstr(out, "src="));	/* nothing loaded from anywhere */
	assert_null(strstr(out, "href=\"javascript"));	/* links only to http(s) URLs */
	assert_true(count(out, "<rect") >= 5);	/* 5 day bars, 2 rate bars, 1 episode */
	assert_null(strchr(out, '\x01'));
	free(out);
	for (int i = 0; i < 3; i++)
		report_table_free(tables[i]);
}

static void test_html_no_data(void **state)
{
	struct report_table *b = report_table_new("blocks", "Blocks");
	struct report_table *tables[] = { b };
	struct report_doc d = { "r", 0, 1, 1, tables, 1 };
	char *out = capture_doc(REPORT_HTML, &d, 0);
	assert_int_equal(count(out, "<svg"), 3);	/* the charts say why they are empty */
	assert_true(count(out, "no episodes in this window") == 1);
	assert_true(count(out, "no deliveries in this window") == 2);
	free(out);
	report_table_free(b);
}

static void test_text_cell(void **state)
{
	char out[256];
	int w;
	report_text_cell("a\x1b[31mb", 7, 80, out, sizeof out, &w);
	assert_string_equal(out, "a\\x1b[31mb");
	assert_int_equal(w, 10);
	report_text_cell("x\xe2\x80\xaey", 5, 80, out, sizeof out, &w);
	assert_string_equal(out, "x\\u{202e}y");
	report_text_cell("\xe4\xbe\x8b\xe3\x81\x88", 6, 80, out, sizeof out, &w);	/* 例え */
	assert_int_equal(w, 4);
	report_text_cell("ab\xff", 3, 80, out, sizeof out, &w);
	assert_string_equal(out, "ab\\xff");
	report_text_cell("abcdefghij", 10, 8, out, sizeof out, &w);
	assert_string_equal(out, "abcde...");
	assert_int_equal(w, 8);
	report_text_cell("\xe4\xbe\x8b\xe4\xbe\x8b\xe4\xbe\x8b\xe4\xbe\x8b", 12, 7, out, sizeof out, &w);
	assert_true(w <= 7);
	report_text_cell("abc", 3, 80, out, 8, &w);	/* tiny buffer: still terminated */
	assert_string_equal(out, "abc");
}

/* Display width of a rendered line (no escapes left in it). */
static int line_width(const char *s, size_t n)
{
	char out[1024];
	int w;
	report_text_cell(s, n, 1000, out, sizeof out, &w);
	return w;
}

static void test_text_alignment(void **state)
{
	const char *names[] = { "domain", "n" };
	struct report_table *t = report_table_new("k", "K");
	struct report_value r1[] = { T("\xe4\xbe\x8b\xe3\x81\x88.jp"), I("1") };
	struct report_value r2[] = { T("evil\x1b[2J"), I("12345") };
	struct report_value r3[] = { T("plain.example"), I("7") };
	size_t len;
	report_table_columns(t, 2, names);
	report_table_add(t, r1);
	report_table_add(t, r2);
	report_table_add(t, r3);
	char *out = capture_table(REPORT_TEXT, t, 0, &len);
	assert_null(strchr(out, '\x1b'));
	int width = -1, lines = 0;
	for (char *p = out, *nl; (nl = strchr(p, '\n')) != NULL; p = nl + 1, lines++) {
		int w = line_width(p, (size_t)(nl - p));
		if (width < 0)
			width = w;
		assert_int_equal(w, width);
	}
	assert_int_equal(lines, 4);
	free(out);
	report_table_free(t);
}

static void test_text_colour(void **state)
{
	const char *names[] = { "provider", "deferred_rate", "blocks" };
	struct report_table *t = report_table_new("provider", "Per provider");
	struct report_value r1[] = { T("google"), R("0.5"), I("2") };
	report_table_columns(t, 3, names);
	report_table_add(t, r1);
	struct report_table *tables[] = { t };
	struct report_doc d = { "r", 0, 1, 1, tables, 1 };
	char *plain = capture_doc(REPORT_TEXT, &d, 0);
	char *col = capture_doc(REPORT_TEXT, &d, 1);
	assert_null(strchr(plain, '\x1b'));
	assert_non_null(strstr(plain, "50.0%"));
	assert_non_null(strstr(col, "\x1b[1mPer provider\x1b[0m"));
	assert_non_null(strstr(col, "\x1b[31m50.0%\x1b[0m"));
	free(plain);
	free(col);
	report_table_free(t);
}

static void test_empty_and_single(void **state)
{
	const char *names[] = { "attempts", "sent" };
	struct report_table *t = report_table_new("totals", "Totals");
	struct report_value r[] = { I("3"), I("2") };
	size_t len;
	report_table_columns(t, 2, names);
	char *out = capture_table(REPORT_TEXT, t, 0, &len);
	assert_string_equal(out, "  (none)\n");
	free(out);
	out = capture_table(REPORT_JSON, t, 0, &len);
	assert_string_equal(out, "[]\n");
	free(out);
	out = capture_table(REPORT_CSV, t, 0, &len);
	assert_string_equal(out, "attempts,sent\r\n");
	free(out);
	report_table_single(t);
	report_table_add(t, r);
	out = capture_table(REPORT_TEXT, t, 0, &len);
	assert_string_equal(out, "  attempts  3\n  sent      2\n");
	free(out);
	report_table_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format_parse),
		cmocka_unit_test(test_json_escaping),
		cmocka_unit_test(test_json_numbers),
		cmocka_unit_test(test_json_document),
		cmocka_unit_test(test_csv_quoting),
		cmocka_unit_test(test_html_structure),
		cmocka_unit_test(test_html_no_data),
		cmocka_unit_test(test_text_cell),
		cmocka_unit_test(test_text_alignment),
		cmocka_unit_test(test_text_colour),
		cmocka_unit_test(test_empty_and_single),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
