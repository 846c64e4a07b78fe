/* fuzz_dns - libFuzzer harness for what comes back from DNS servers: the
 * input is a reply datagram, read by dns_parse_reply() as an answer to each
 * query type bouncewatch asks, and every A answer interpreted as a DNS
 * block list's reply (dnsbl_interpret, with a zone that has codes and
 * error codes) and summarised. Invariants: a status other than OK carries
 * no records; records are NUL-terminated printable text within
 * DNS_TEXT_MAX. Built and run by `make fuzz`; the committed corpus is
 * replayed by `make test`. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "dns.h"
#include "dnsbl.h"

static const enum dns_type types[] = { DNS_A, DNS_AAAA, DNS_TXT, DNS_PTR, DNS_MX, DNS_CNAME };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct dnsbl_code codes[] = {
		{ 0x7f000002u, 0x7f000003u, 0, "SBL", "listed" },
		{ 0x7f0000ffu, 0x7f0000ffu, 1, NULL, "query refused" },
	};
	struct dnsbl_zone z = { "zen", "zen.spamhaus.org", "Spamhaus", NULL, NULL, 0, codes, 2 };
	if (size > 65535)
		return 0;
	for (size_t t = 0; t < sizeof types / sizeof *types; t++) {
		struct dns_answer a;
		memset(&a, 0, sizeof a);
		dns_parse_reply(data, (int)size, types[t], &a);
		if (a.status != DNS_OK && a.n != 0)
			__builtin_trap();
		if (a.n < 0 || a.n > DNS_RR_MAX)
			__builtin_trap();
		for (int i = 0; i < a.n; i++) {
			size_t n = strlen(a.rr[i]);
			if (n > DNS_TEXT_MAX)
				__builtin_trap();
			for (size_t k = 0; k < n; k++)
				if ((unsigned char)a.rr[i][k] < 0x20 || a.rr[i][k] == 0x7f)
					__builtin_trap();
		}
		if (types[t] == DNS_A) {
			struct dnsbl_check c;
			char sum[512];
			memset(&c, 0, sizeof c);
			memcpy(c.ip, "192.0.2.1", 10);
			c.zone = &z;
			dnsbl_interpret(&z, &a, &c);
			(void)dnsbl_summary(&c, 1, c.ip, sum, sizeof sum);
		}
		dns_answer_release(&a);
	}
	return 0;
}
