/* Unit tests for dns.c's reply reader and reverse names: well-formed
 * replies, rcodes, negative TTLs, and garbage (never data). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "dns.h"

/* Builds a reply: header, one question, answers given as (type, rdata). */
struct pkt {
	unsigned char b[1024];
	int n;
};

static void put16(struct pkt *p, unsigned v)
{
	p->b[p->n++] = (unsigned char)(v >> 8);
	p->b[p->n++] = (unsigned char)v;
}

static void put32(struct pkt *p, unsigned v)
{
	put16(p, v >> 16);
	put16(p, v & 0xffff);
}

static void put_name(struct pkt *p, const char *name)
{
	while (*name) {
		const char *dot = strchr(name, '.');
		size_t l = dot ? (size_t)(dot - name) : strlen(name);
		p->b[p->n++] = (unsigned char)l;
		memcpy(p->b + p->n, name, l);
		p->n += (int)l;
		name += l + (dot != NULL);
	}
	p->b[p->n++] = 0;
}

static void header(struct pkt *p, unsigned rcode, unsigned an, unsigned ns)
{
	p->n = 0;
	put16(p, 0x1234);
	put16(p, 0x8180 | rcode);
	put16(p, 1);
	put16(p, an);
	put16(p, ns);
	put16(p, 0);
	put_name(p, "7.113.0.203.zen.example");
	put16(p, 1);
	put16(p, 1);
}

static void rr(struct pkt *p, unsigned type, unsigned ttl, const void *rd, unsigned len)
{
	p->b[p->n++] = 0xc0;	/* pointer to the question name */
	p->b[p->n++] = 12;
	put16(p, type);
	put16(p, 1);
	put32(p, ttl);
	put16(p, len);
	memcpy(p->b + p->n, rd, len);
	p->n += (int)len;
}

static void test_a_answers(void **state)
{
	struct pkt p;
	struct dns_answer a;
	header(&p, 0, 2, 0);
	rr(&p, DNS_A, 300, "\x7f\x00\x00\x04", 4);
	rr(&p, DNS_A, 60, "\x7f\x00\x00\x0a", 4);
	dns_parse_reply(p.b, p.n, DNS_A, &a);
	assert_int_equal(a.status, DNS_OK);
	assert_int_equal(a.n, 2);
	assert_string_equal(a.rr[0], "127.0.0.4");
	assert_string_equal(a.rr[1], "127.0.0.10");
	assert_int_equal(a.ttl, 60);
	dns_answer_release(&a);
}

static void test_txt_joined(void **state)
{
	struct pkt p;
	struct dns_answer a;
	header(&p, 0, 1, 0);
	rr(&p, DNS_TXT, 300, "\x05v=spf\x07""1 -all\x01", 14);
	dns_parse_reply(p.b, p.n, DNS_TXT, &a);
	assert_int_equal(a.status, DNS_OK);
	assert_string_equal(a.rr[0], "v=spf1 -all?");	/* control byte made printable */
	dns_answer_release(&a);
}

static void test_rcodes_and_negative_ttl(void **state)
{
	struct pkt p;
	struct dns_answer a;
	unsigned char soa[64];
	memset(soa, 0, sizeof soa);
	soa[0] = 0;	/* mname "." */
	soa[1] = 0;	/* rname "." */
	soa[21] = 120;	/* minimum 120 */
	header(&p, 3, 0, 1);
	rr(&p, 6, 900, soa, 22);
	dns_parse_reply(p.b, p.n, DNS_A, &a);
	assert_int_equal(a.status, DNS_NXDOMAIN);
	assert_int_equal(a.ttl, 120);
	header(&p, 2, 0, 0);
	dns_parse_reply(p.b, p.n, DNS_A, &a);
	assert_int_equal(a.status, DNS_SERVFAIL);
	header(&p, 0, 0, 0);
	dns_parse_reply(p.b, p.n, DNS_A, &a);
	assert_int_equal(a.status, DNS_NODATA);
	header(&p, 5, 0, 0);
	dns_parse_reply(p.b, p.n, DNS_A, &a);
	assert_int_equal(a.status, DNS_REFUSED);
}

static void test_garbage_is_never_data(void **state)
{
	struct pkt p;
	struct dns_answer a;
	/* An A record of 3 bytes. */
	header(&p, 0, 1, 0);
	rr(&p, DNS_A, 300, "\x7f\x00\x00", 3);
	dns_parse_reply(p.b, p.n, DNS_A, &a);
	assert_int_equal(a.status, DNS_BADRESP);
	assert_int_equal(a.n, 0);
	/* rdlength past the end. */
	header(&p, 0, 1, 0);
	rr(&p, DNS_A, 300, "\x7f\x00\x00\x02", 4);
	p.n -= 2;
	dns_parse_reply(p.b, p.n, DNS_A, &a);
	assert_int_equal(a.status, DNS_BADRESP);
	/* A TXT string longer than its record. */
	header(&p, 0, 1, 0);
	rr(&p, DNS_TXT, 300, "\x09short", 6);
	dns_parse_reply(p.b, p.n, DNS_TXT, &a);
	assert_int_equal(a.status, DNS_BADRESP);
	/* A name pointer loop in the question. */
	unsigned char loop[] = { 0x12, 0x34, 0x81, 0x80, 0, 1, 0, 1, 0, 0, 0, 0, 0xc0, 12, 0, 1, 0, 1 };
	dns_parse_reply(loop, sizeof loop, DNS_A, &a);
	assert_int_equal(a.status, DNS_BADRESP);
	/* Short, not a response, truncated; every prefix and random bytes. */
	dns_parse_reply(p.b, 5, DNS_A, &a);
	assert_int_equal(a.status, DNS_BADRESP);
	header(&p, 0, 1, 0);
	rr(&p, DNS_A, 300, "\x7f\x00\x00\x02", 4);
	p.b[2] &= 0x7f;
	dns_parse_reply(p.b, p.n, DNS_A, &a);
	assert_int_equal(a.status, DNS_BADRESP);
	p.b[2] |= 0x82;
	dns_parse_reply(p.b, p.n, DNS_A, &a);
	assert_int_equal(a.status, DNS_BADRESP);
	p.b[2] &= (unsigned char)~0x02;
	for (int len = 0; len < p.n; len++) {
		dns_parse_reply(p.b, len, DNS_A, &a);
		assert_int_not_equal(a.status, DNS_OK);
	}
	srand(7);
	for (int k = 0; k < 20000; k++) {
		unsigned char r[64];
		for (size_t i = 0; i < sizeof r; i++)
			r[i] = (unsigned char)rand();
		r[2] |= 0x80;
		dns_parse_reply(r, (int)(rand() % (int)sizeof r), (enum dns_type)(k % 2 ? DNS_A : DNS_TXT), &a);
		for (int i = 0; i < a.n; i++)
			assert_non_null(a.rr[i]);
		dns_answer_release(&a);
	}
}

static void test_reverse_names(void **state)
{
	char b[256];
	assert_int_equal(dns_reverse_name("203.0.113.7", "zen.spamhaus.org", b, sizeof b), 0);
	assert_string_equal(b, "7.113.0.203.zen.spamhaus.org");
	assert_int_equal(dns_reverse_name("203.0.113.7", NULL, b, sizeof b), 0);
	assert_string_equal(b, "7.113.0.203.in-addr.arpa");
	assert_int_equal(dns_reverse_name("2001:db8::7", "zen.example", b, sizeof b), 0);
	assert_string_equal(b, "7.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.zen.example");
	assert_int_equal(dns_reverse_name("203.0.113.300", NULL, b, sizeof b), -1);
	assert_int_equal(dns_reverse_name("mail.example", NULL, b, sizeof b), -1);
	assert_int_equal(dns_reverse_name("2001:db8::7", NULL, b, 40), -1);
}

static void test_resolver_address(void **state)
{
	char err[256];
	const char *bad[] = { "127.0.0.1:0", "127.0.0.1:65536", "localhost", "127.0.0.1:", "[::1", "[::1]x", "1.2.3" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		struct dns_opts o = { .resolver = bad[i] };
		assert_null(dns_new(&o, err, sizeof err));
	}
	const char *good[] = { "127.0.0.1", "127.0.0.1:5353", "[::1]:53", "::1" };
	for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
		struct dns_opts o = { .resolver = good[i] };
		struct dns *d = dns_new(&o, err, sizeof err);
		assert_non_null(d);
		dns_free(d);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a_answers),
		cmocka_unit_test(test_txt_joined),
		cmocka_unit_test(test_rcodes_and_negative_ttl),
		cmocka_unit_test(test_garbage_is_never_data),
		cmocka_unit_test(test_reverse_names),
		cmocka_unit_test(test_resolver_address),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
