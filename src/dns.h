/* dns - DNS lookups through c-ares, pointed at a chosen resolver
 *
 * The only file that includes ares.h. A struct dns is one c-ares channel
 * with an explicit resolver (--resolver ADDR[:PORT], else the system's
 * /etc/resolv.conf), a per-try timeout and a number of tries. Queries are
 * asynchronous: dns_submit() many, then dns_run() until every callback has
 * run, so a block-list check of N addresses on M lists takes about one
 * round trip, not N*M. dns_lookup() is the one-query shortcut.
 *
 * Answers are read by dns_parse_reply(), our own bounded reader of the wire
 * format (any bytes: a garbage reply becomes DNS_BADRESP, never data).
 * Records come back as text: A/AAAA as addresses, PTR/CNAME/MX as names
 * (MX without its preference), TXT as its strings joined (RFC 7208 3.3,
 * RFC 6376 3.6.2.2 both read a record's strings concatenated).
 *
 * A struct dns is used by one thread at a time.
 */
#ifndef BW_DNS_H
#define BW_DNS_H
#include <stddef.h>

enum dns_type { DNS_A = 1, DNS_CNAME = 5, DNS_PTR = 12, DNS_MX = 15, DNS_TXT = 16, DNS_AAAA = 28 };

enum dns_status {
	DNS_OK,		/* records of the type asked for (n >= 1) */
	DNS_NXDOMAIN,	/* the name does not exist */
	DNS_NODATA,	/* the name exists, no record of that type */
	DNS_SERVFAIL,
	DNS_REFUSED,
	DNS_TIMEOUT,	/* no answer within timeout x tries */
	DNS_BADRESP,	/* an answer we cannot read */
	DNS_FAIL	/* anything else (no server reachable, bad name ...) */
};

#define DNS_RR_MAX 32		/* records kept per answer; more are dropped */
#define DNS_TEXT_MAX 4096	/* bytes kept per record (a TXT record's strings joined) */

struct dns_answer {
	enum dns_status status;
	int n;				/* records in rr */
	char *rr[DNS_RR_MAX];		/* owned; printable text (see above) */
	unsigned ttl;			/* smallest TTL of the records, or of the SOA for a
					 * negative answer (RFC 2308); 0 when unknown */
	char why[200];			/* what went wrong, for status != OK/NXDOMAIN/NODATA */
};

void dns_answer_release(struct dns_answer *a);

struct dns_opts {
	const char *resolver;	/* "127.0.0.1", "127.0.0.1:5353", "[::1]:53"; NULL: the system's */
	int timeout_ms;		/* per try (default 2000) */
	int tries;		/* default 2 */
};

struct dns;

/* 1 when s is "IPv4[:PORT]", "[IPv6]:PORT" or a bare IPv6 address (what
 * --resolver takes), else 0. */
int dns_resolver_ok(const char *s);

/* NULL with err when the resolver address cannot be read or c-ares cannot
 * start. Call from one thread before others start (c-ares' library init). */
struct dns *dns_new(const struct dns_opts *o, char *err, size_t errlen);
void dns_free(struct dns *d);
/* Makes every pending and later query end at once as DNS_FAIL; callable
 * from another thread (noticed within DNS_CANCEL_POLL_MS). */
void dns_cancel(struct dns *d);
#define DNS_CANCEL_POLL_MS 100

/* "127.0.0.1:5353" or "the system resolver": for messages. */
const char *dns_resolver_name(const struct dns *d);

/* Called once per submitted query with its answer, which the callee may keep
 * by moving the rr pointers out (setting a->n = 0) before returning. */
typedef void (*dns_done_fn)(void *arg, struct dns_answer *a);

/* At most DNS_WINDOW queries are in flight at once; later ones wait their
 * turn in order. A burst of hundreds of datagrams overflows a socket's
 * receive buffer (the resolver's or ours: the kernel counts them as UDP
 * RcvbufErrors), and each one lost costs a whole timeout: 1,200 queries sent
 * at once to a local unbound took 6 s, 0.012 s through the window
 * (bench/dns_libs.c). */
#define DNS_WINDOW 64
void dns_submit(struct dns *d, const char *name, enum dns_type type, dns_done_fn done, void *arg);
/* Runs until every submitted query has been answered or timed out. */
void dns_run(struct dns *d);
/* One query, waited for; out must be released. Returns out->status. */
enum dns_status dns_lookup(struct dns *d, const char *name, enum dns_type type,
			   struct dns_answer *out);

/* Reads a reply to a query of type into out (status, records, ttl). rcode
 * errors map to their status; the records kept are the answer section's
 * records of type (and PTR/CNAME names) with the class IN. */
void dns_parse_reply(const unsigned char *buf, int len, enum dns_type type, struct dns_answer *out);

/* "nxdomain", "timeout" ... */
const char *dns_status_str(enum dns_status s);

/* The reverse name of an IPv4 or IPv6 address under suffix ("in-addr.arpa",
 * "ip6.arpa", or a block list's zone): 7.113.0.203.zen.example, nibbles for
 * IPv6. Returns 0, or -1 when ip is not an address or out is too small. */
int dns_reverse_name(const char *ip, const char *suffix, char *out, size_t outsz);

#endif
