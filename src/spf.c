/* spf - libspf2 over dns.c (see spf.h).
 *
 * Our layer answers libspf2's lookups (A, AAAA, MX, PTR, TXT) from a
 * dns_lookup() each; a timeout or SERVFAIL becomes TRY_AGAIN, which
 * libspf2 reports as temperror. The SPF record type 99 is obsolete
 * (RFC 7208 3.1) and answered "no data".
 */
#include <arpa/inet.h>
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include <spf2/spf.h>
#include "dynlib.h"
#include "spf.h"

#define SPF2_FUNCS(X) X(SPF_dns_rr_buf_realloc) X(SPF_dns_rr_new_init) X(SPF_request_free) \
	X(SPF_request_new) X(SPF_request_query_mailfrom) X(SPF_request_set_env_from) \
	X(SPF_request_set_helo_dom) X(SPF_request_set_ipv4_str) X(SPF_request_set_ipv6_str) \
	X(SPF_response_errcode) X(SPF_response_free) X(SPF_response_reason) X(SPF_response_result) \
	X(SPF_server_free) X(SPF_server_new_dns) X(SPF_strerror) X(SPF_strreason) X(SPF_strresult)
DYNLIB_DEFINE(libspf2, SPF2_FUNCS, BW_SONAME_SPF2, "libspf2-2", "SPF checks (selfcheck)");

struct hook {
	struct dns *d;
	int temp_failures;	/* lookups that timed out or failed */
};

static SPF_dns_rr_t *lookup(SPF_dns_server_t *srv, const char *domain, ns_type type, int cache)
{
	struct hook *h = srv->hook;
	struct dns *d = h->d;
	struct dns_answer a;
	SPF_dns_rr_t *rr;
	enum dns_type t;
	(void)cache;
	switch (type) {
	case ns_t_a: t = DNS_A; break;
	case ns_t_aaaa: t = DNS_AAAA; break;
	case ns_t_mx: t = DNS_MX; break;
	case ns_t_ptr: t = DNS_PTR; break;
	case ns_t_txt: t = DNS_TXT; break;
	default:
		return dl_SPF_dns_rr_new_init(srv, domain, type, 0, NO_DATA);
	}
	dns_lookup(d, domain, t, &a);
	switch (a.status) {
	case DNS_OK:
		break;
	case DNS_NXDOMAIN:
		dns_answer_release(&a);
		return dl_SPF_dns_rr_new_init(srv, domain, type, (int)a.ttl, HOST_NOT_FOUND);
	case DNS_NODATA:
		dns_answer_release(&a);
		return dl_SPF_dns_rr_new_init(srv, domain, type, (int)a.ttl, NO_DATA);
	default:
		dns_answer_release(&a);
		h->temp_failures++;
		return dl_SPF_dns_rr_new_init(srv, domain, type, 0, TRY_AGAIN);
	}
	rr = dl_SPF_dns_rr_new_init(srv, domain, type, (int)a.ttl, NETDB_SUCCESS);
	if (rr == NULL) {
		dns_answer_release(&a);
		return NULL;
	}
	int n = 0;
	for (int i = 0; i < a.n; i++) {
		size_t len = strlen(a.rr[i]) + 1;
		if (len < sizeof(SPF_dns_rr_data_t))
			len = sizeof(SPF_dns_rr_data_t);
		if (dl_SPF_dns_rr_buf_realloc(rr, n, len) != SPF_E_SUCCESS)
			break;
		if (t == DNS_A) {
			if (inet_pton(AF_INET, a.rr[i], &rr->rr[n]->a) != 1)
				continue;
		} else if (t == DNS_AAAA) {
			if (inet_pton(AF_INET6, a.rr[i], &rr->rr[n]->aaaa) != 1)
				continue;
		} else {
			memcpy(rr->rr[n]->txt, a.rr[i], strlen(a.rr[i]) + 1);
		}
		n++;
	}
	rr->num_rr = n;
	if (n == 0)
		rr->herrno = NO_DATA;
	dns_answer_release(&a);
	return rr;
}

int spf_eval(struct dns *d, const char *ip, const char *domain, const char *helo,
	     struct spf_result *out, char *err, size_t errlen)
{
	struct hook h = { d, 0 };
	SPF_dns_server_t layer = { .lookup = lookup, .name = "bouncewatch", .hook = &h };
	SPF_server_t *srv;
	SPF_request_t *req;
	SPF_response_t *resp = NULL;
	char from[300];
	unsigned char buf[16];
	int v6 = inet_pton(AF_INET6, ip, buf) == 1, rc = -1;
	memset(out, 0, sizeof *out);
	if (!v6 && inet_pton(AF_INET, ip, buf) != 1) {
		snprintf(err, errlen, "'%s' is not an IP address", ip);
		return -1;
	}
	if (dynlib_load(&libspf2, err, errlen) < 0)
		return -1;
	/* destroy == NULL: libspf2 leaves our stack layer alone when it frees srv. */
	if ((srv = dl_SPF_server_new_dns(&layer, 0)) == NULL) {
		snprintf(err, errlen, "libspf2 could not start");
		return -1;
	}
	req = dl_SPF_request_new(srv);
	snprintf(from, sizeof from, "postmaster@%s", domain);
	if ((v6 ? dl_SPF_request_set_ipv6_str(req, ip) : dl_SPF_request_set_ipv4_str(req, ip)) != SPF_E_SUCCESS ||
	    dl_SPF_request_set_env_from(req, from) != 0 ||
	    (helo && dl_SPF_request_set_helo_dom(req, helo) != SPF_E_SUCCESS)) {
		snprintf(err, errlen, "libspf2 refused the request (ip %s, sender %s)", ip, from);
		goto out;
	}
	SPF_errcode_t e = dl_SPF_request_query_mailfrom(req, &resp);
	if (resp == NULL) {
		snprintf(err, errlen, "libspf2: %s", dl_SPF_strerror(e));
		goto out;
	}
	SPF_result_t res = dl_SPF_response_result(resp);
	/* A record libspf2 cannot compile leaves the result INVALID with the
	 * parse error in errcode: that is permerror (RFC 7208 4.6); but when a
	 * lookup failed on the way, libspf2 cannot tell, and it is temperror
	 * (RFC 7208 4.4, 5): never blame the record for the resolver. */
	if (res == SPF_RESULT_INVALID || (res == SPF_RESULT_PERMERROR && h.temp_failures > 0))
		res = h.temp_failures > 0 ? SPF_RESULT_TEMPERROR : SPF_RESULT_PERMERROR;
	snprintf(out->result, sizeof out->result, "%s", dl_SPF_strresult(res));
	if (dl_SPF_response_errcode(resp) == SPF_E_SUCCESS && e != SPF_E_SUCCESS)
		snprintf(out->detail, sizeof out->detail, "%s", dl_SPF_strerror(e));
	else if (dl_SPF_response_errcode(resp) != SPF_E_SUCCESS)
		snprintf(out->detail, sizeof out->detail, "%s", dl_SPF_strerror(dl_SPF_response_errcode(resp)));
	else
		snprintf(out->detail, sizeof out->detail, "%s", dl_SPF_strreason(dl_SPF_response_reason(resp)));
	rc = 0;
out:
	dl_SPF_response_free(resp);
	dl_SPF_request_free(req);
	dl_SPF_server_free(srv);
	return rc;
}
