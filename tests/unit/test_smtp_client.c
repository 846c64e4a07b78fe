/* Unit tests for smtp_client: the DATA stream, reply lines, addresses,
 * relays, and failures against real loopback sockets (refused, silent). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "smtp_client.h"

static void data_is_dot_stuffed_crlf(void **state)
{
	struct buf b;
	(void)state;
	buf_init(&b);
	smtp_data(&b, "a\n.b\n..c\r\nd\re", 13);
	assert_string_equal(b.p, "a\r\n..b\r\n...c\r\nd\r\ne\r\n.\r\n");
	buf_release(&b);
	buf_init(&b);
	smtp_data(&b, ".\n", 2);	/* a lone dot line must not end the message */
	assert_string_equal(b.p, "..\r\n.\r\n");
	buf_release(&b);
	buf_init(&b);
	smtp_data(&b, "", 0);
	assert_string_equal(b.p, ".\r\n");
	buf_release(&b);
}

static int feed(struct smtp_reply *r, const char *line)
{
	return smtp_reply_line(r, line, strlen(line));
}

static void replies(void **state)
{
	struct smtp_reply r = { 0 };
	(void)state;
	assert_int_equal(feed(&r, "250-mx.example.org"), 0);
	assert_int_equal(feed(&r, "250-PIPELINING"), 0);
	assert_int_equal(feed(&r, "250 8BITMIME"), 1);
	assert_int_equal(r.code, 250);
	assert_string_equal(r.text, "mx.example.org PIPELINING 8BITMIME");
	r = (struct smtp_reply){ 0 };
	assert_int_equal(feed(&r, "221"), 1);
	assert_int_equal(r.code, 221);
	r = (struct smtp_reply){ 0 };
	assert_int_equal(feed(&r, "550-first"), 0);
	assert_int_equal(feed(&r, "551 other code"), -1);
	r = (struct smtp_reply){ 0 };
	assert_int_equal(feed(&r, "hello"), -1);
	assert_int_equal(feed(&r, "25"), -1);
	assert_int_equal(feed(&r, "250x"), -1);
	assert_int_equal(feed(&r, "650 no such class"), -1);
}

static void long_reply_is_cut(void **state)
{
	struct smtp_reply r = { 0 };
	char line[3000];
	(void)state;
	memset(line, 'x', sizeof line - 1);
	line[sizeof line - 1] = '\0';
	memcpy(line, "554 ", 4);
	assert_int_equal(feed(&r, line), 1);
	assert_int_equal(r.textlen, SMTP_TEXT_MAX - 1);
	assert_int_equal(strlen(r.text), SMTP_TEXT_MAX - 1);
}

static void addresses(void **state)
{
	static const char *const good[] = { "ops@example.org", "postmaster", "a.b+c@mx-1.example.net" };
	static const char *const bad[] = { "", "ops", "@example.org", "ops@", "a@b@c", "ops@example.org>",
		"<ops@example.org", "ops @example.org", "ops@example.org\r\nRCPT TO:<x@y>",
		"ops@example.org\n", "o\"ps@example.org", "caf\xc3\xa9@example.org", "a,b@example.org" };
	(void)state;
	for (size_t i = 0; i < sizeof good / sizeof *good; i++)
		assert_true(smtp_addr_ok(good[i]));
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_false(smtp_addr_ok(bad[i]));
}

static void relays(void **state)
{
	char h[64], p[8];
	(void)state;
	assert_int_equal(smtp_parse_relay("localhost", h, sizeof h, p, sizeof p), 0);
	assert_string_equal(h, "localhost");
	assert_string_equal(p, "25");
	assert_int_equal(smtp_parse_relay("127.0.0.1:2525", h, sizeof h, p, sizeof p), 0);
	assert_string_equal(h, "127.0.0.1");
	assert_string_equal(p, "2525");
	assert_int_equal(smtp_parse_relay("[::1]:587", h, sizeof h, p, sizeof p), 0);
	assert_string_equal(h, "::1");
	assert_string_equal(p, "587");
	assert_int_equal(smtp_parse_relay("[::1]", h, sizeof h, p, sizeof p), 0);
	assert_string_equal(p, "25");
	static const char *const bad[] = { "", ":25", "host:", "host:2x", "::1", "[::1", "[::1]x",
		"host:99999999" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_int_equal(smtp_parse_relay(bad[i], h, sizeof h, p, sizeof p), -1);
}

/* A loopback listener on a free port; *port set. */
static int listener(char *port, size_t n)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t al = sizeof a;
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	assert_true(fd >= 0);
	assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
	assert_int_equal(listen(fd, 4), 0);
	assert_int_equal(getsockname(fd, (struct sockaddr *)&a, &al), 0);
	snprintf(port, n, "%u", ntohs(a.sin_port));
	return fd;
}

static void refused_and_silent(void **state)
{
	char port[16], err[512];
	const char *rcpt[] = { "ops@example.org" };
	int fd = listener(port, sizeof port);
	struct smtp_cfg c = { .host = "127.0.0.1", .port = port, .helo = "t.example", .timeout = 0.5 };
	(void)state;
	/* Accepted by the kernel's backlog, but no greeting ever comes. */
	assert_int_equal(smtp_send(&c, "bw@example.net", rcpt, 1, "x\n", 2, err, sizeof err), SMTP_TEMP);
	assert_non_null(strstr(err, "timed out in the greeting"));
	close(fd);	/* now nothing listens on that port */
	assert_int_equal(smtp_send(&c, "bw@example.net", rcpt, 1, "x\n", 2, err, sizeof err), SMTP_TEMP);
	assert_non_null(strstr(err, "connect: Connection refused"));
	assert_int_equal(smtp_send(&c, "bw@example.net", rcpt, 0, "x\n", 2, err, sizeof err), SMTP_PERM);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(data_is_dot_stuffed_crlf),
		cmocka_unit_test(replies),
		cmocka_unit_test(long_reply_is_cut),
		cmocka_unit_test(addresses),
		cmocka_unit_test(relays),
		cmocka_unit_test(refused_and_silent),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
