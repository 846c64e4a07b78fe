/* dnsbl - DNS block lists: the zone list, the queries, what the answers mean
 *
 * The lists are data (patterns/dnsbl.conf): one [section] per list with its
 * zone, operator, lookup and delisting pages, whether it lists IPv6, and its
 * return codes, each a listing with a short label (Spamhaus ZEN: SBL, CSS,
 * XBL, DROP, PBL) or an error answer (Spamhaus 127.255.255.252/254/255: the
 * query was malformed, came through a public resolver, or exceeded a limit).
 *
 * The rule that keeps a check honest: only an A answer whose every address
 * is a listing code of that list is "listed". An error code, an address the
 * list does not document, a SERVFAIL, a timeout or an unreadable reply is an
 * error ("cannot check"), never a listing; NXDOMAIN is "not listed".
 *
 * Pure apart from dnsbl_check_run(), which asks through a struct dns.
 */
#ifndef BW_DNSBL_H
#define BW_DNSBL_H
#include <stddef.h>
#include <stdint.h>
#include "dns.h"

struct dnsbl_code {
	uint32_t lo, hi;	/* IPv4 range of answers, host order */
	int error;		/* 1: an error answer, not a listing */
	char *label;		/* "XBL"; for errors, NULL */
	char *text;		/* what it means */
};

struct dnsbl_zone {
	char *id;		/* section name: "zen" */
	char *zone;		/* "zen.spamhaus.org" */
	char *operator_;	/* "Spamhaus" */
	char *lookup;		/* page to look an address up */
	char *delist;		/* page to ask for removal */
	int ipv6;		/* lists IPv6 addresses (nibble format) */
	struct dnsbl_code *codes;
	size_t ncodes;
};

struct dnsbl_conf {
	struct dnsbl_zone *z;
	size_t n;
};

/* Reads a zone list; NULL with "file:line: what" in err. */
struct dnsbl_conf *dnsbl_conf_load(const char *path, char *err, size_t errlen);
void dnsbl_conf_free(struct dnsbl_conf *c);
/* Keeps only the zones whose id is in ids (comma separated); -1 with err
 * naming an unknown id. */
int dnsbl_conf_select(struct dnsbl_conf *c, const char *ids, char *err, size_t errlen);

enum dnsbl_result { DNSBL_NOT_LISTED, DNSBL_LISTED, DNSBL_ERROR };

#define DNSBL_IP_MAX 64

struct dnsbl_check {
	char ip[DNSBL_IP_MAX];
	const struct dnsbl_zone *zone;	/* borrowed from the conf */
	enum dnsbl_result result;
	char codes[256];		/* the A answers, space separated */
	char labels[128];		/* the listing labels, space separated ("XBL") */
	char txt[1024];			/* the TXT reason, when listed */
	char error[256];		/* why it could not be checked */
	unsigned ttl;			/* of the answer (0 unknown) */
};

/* Reads the A answer of one query into c (result, codes, labels, error). */
void dnsbl_interpret(const struct dnsbl_zone *z, const struct dns_answer *a, struct dnsbl_check *c);

/* Checks every ip against every zone of conf (IPv6 only where the zone says
 * so), all queries at once; returns the checks (caller frees) and their
 * number in *n, or NULL with err when an ip is not an address. */
struct dnsbl_check *dnsbl_check_run(struct dns *d, const struct dnsbl_conf *conf,
				    const char *const *ips, size_t nips, size_t *n,
				    char *err, size_t errlen);

/* "203.0.113.7 listed on zen (XBL), not on the others" for the checks of ip
 * in c[0..n); with errors: "...; cannot check spamcop (timeout)". */
char *dnsbl_summary(const struct dnsbl_check *c, size_t n, const char *ip, char *buf, size_t bufsz);

const char *dnsbl_result_str(enum dnsbl_result r);	/* "listed" "not-listed" "error" */

#endif
