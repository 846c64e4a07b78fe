/* dns_libs - the DNS library choice, measured (bench/README.md, "dns_libs").
 *
 * The same block-list workload through three resolver libraries, one after
 * the other, against the same server (a real unbound on loopback serving only
 * test zones, started by bench/dns_libs.sh):
 *   c-ares     through src/dns.c, bouncewatch's own code: every query of a
 *              round submitted at once, then dns_run()
 *   libunbound ub_resolve_async() for every query, then ub_wait(); the
 *              context forwards to the server (ub_ctx_set_fwd)
 *   libc       res_nquery() on a res_state whose only name server is the
 *              server's address and port: one query at a time (it blocks)
 * Workload: a round is IPS addresses x the 6 shipped lists' zones (A queries,
 * mostly NXDOMAIN as for real senders, a few listed); ROUNDS rounds, each on
 * new addresses so no library answers from its own cache. Then single-query
 * latency: 200 lookups one at a time, median and p99.
 * Each library must give the same number of listed answers, else exit 1.
 *
 * usage: dns_libs PORT [IPS] [ROUNDS]
 */
#include <arpa/inet.h>
#include <arpa/nameser.h>
#include <netinet/in.h>
#include <resolv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unbound.h>

#include "../src/dns.h"

static const char *zones[] = {"zen.spamhaus.org", "b.barracudacentral.org", "bl.spamcop.net",
			      "dnsbl-1.uceprotect.net", "bl.mailspike.net", "psbl.surriel.com"};
#define NZONES (sizeof zones / sizeof zones[0])

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The query names of round r: 203.0.113.x for the first round (the listed
 * test addresses live there), then 10.r.x.y: unlisted, never asked before. */
static char **round_names(int r, int ips, int *n)
{
	char **v = malloc(sizeof *v * (size_t)ips * NZONES);
	if (!v)
		exit(2);
	*n = 0;
	for (int i = 0; i < ips; i++) {
		char ip[64];
		if (r == 0)
			snprintf(ip, sizeof ip, "203.0.113.%d", i % 256);
		else
			snprintf(ip, sizeof ip, "10.%d.%d.%d", r % 256, (i / 256) % 256, i % 256);
		for (size_t z = 0; z < NZONES; z++) {
			char name[256];
			if (dns_reverse_name(ip, zones[z], name, sizeof name) < 0)
				exit(2);
			v[(*n)++] = strdup(name);
		}
	}
	return v;
}

static void free_names(char **v, int n)
{
	for (int i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* ---- c-ares, through src/dns.c ---- */
static int cares_listed, cares_answered;
static void cares_done(void *arg, struct dns_answer *a)
{
	(void)arg;
	cares_answered++;
	if (a->status == DNS_OK)
		cares_listed++;
}

/* ---- libunbound ---- */
static int ub_listed, ub_answered;
static void ub_done(void *arg, int err, struct ub_result *res)
{
	(void)arg;
	ub_answered++;
	if (!err && res && res->havedata)
		ub_listed++;
	if (res)
		ub_resolve_free(res);
}

static int cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static void lat_report(const char *lib, double *lat, int n)
{
	qsort(lat, (size_t)n, sizeof *lat, cmp_d);
	printf("  %-10s single query: median %.3f ms, p99 %.3f ms\n", lib, lat[n / 2] * 1e3,
	       lat[(n * 99) / 100] * 1e3);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: dns_libs PORT [IPS] [ROUNDS]\n");
		return 2;
	}
	int port = atoi(argv[1]);
	int ips = argc > 2 ? atoi(argv[2]) : 200;
	int rounds = argc > 3 ? atoi(argv[3]) : 5;
	if (port <= 0 || port > 65535 || ips <= 0 || rounds <= 0) {
		fprintf(stderr, "dns_libs: bad arguments\n");
		return 2;
	}
	char where[64], err[256];
	snprintf(where, sizeof where, "127.0.0.1:%d", port);

	struct dns_opts o = {.resolver = where, .timeout_ms = 2000, .tries = 2};
	struct dns *d = dns_new(&o, err, sizeof err);
	if (!d) {
		fprintf(stderr, "dns_libs: c-ares: %s\n", err);
		return 1;
	}
	struct ub_ctx *ub = ub_ctx_create();
	char fwd[64];
	snprintf(fwd, sizeof fwd, "127.0.0.1@%d", port);
	if (!ub || ub_ctx_set_option(ub, "do-not-query-localhost:", "no") || ub_ctx_set_fwd(ub, fwd) ||
	    ub_ctx_async(ub, 1)) {
		fprintf(stderr, "dns_libs: libunbound context cannot be set up\n");
		return 1;
	}
	struct __res_state rs;
	memset(&rs, 0, sizeof rs);
	if (res_ninit(&rs) != 0) {
		fprintf(stderr, "dns_libs: res_ninit failed\n");
		return 1;
	}
	rs.nscount = 1;
	rs.nsaddr_list[0].sin_family = AF_INET;
	rs.nsaddr_list[0].sin_port = htons((unsigned short)port);
	inet_pton(AF_INET, "127.0.0.1", &rs.nsaddr_list[0].sin_addr);
	rs.retrans = 2;
	rs.retry = 2;
	rs.options &= ~(unsigned long)(RES_DNSRCH | RES_DEFNAMES);

	double t_cares = 0, t_ub = 0, t_libc = 0;
	int libc_listed = 0, libc_answered = 0, total = 0;
	unsigned char buf[4096];
	/* Each round, each library in turn, the order rotating, on names none
	 * of them has asked before (rounds 1..), so cache effects are equal. */
	for (int r = 0; r < rounds; r++) {
		int n;
		char **names = round_names(r, ips, &n);
		total += n;
		for (int k = 0; k < 3; k++) {
			int lib = (r + k) % 3;
			double t0 = now_s();
			if (lib == 0) {
				for (int i = 0; i < n; i++)
					dns_submit(d, names[i], DNS_A, cares_done, NULL);
				dns_run(d);
				t_cares += now_s() - t0;
			} else if (lib == 1) {
				for (int i = 0; i < n; i++)
					if (ub_resolve_async(ub, names[i], 1, 1, NULL, ub_done, NULL) != 0)
						ub_answered++;
				ub_wait(ub);
				t_ub += now_s() - t0;
			} else {
				for (int i = 0; i < n; i++) {
					int len = res_nquery(&rs, names[i], C_IN, T_A, buf, sizeof buf);
					libc_answered++;
					if (len > 0) {
						ns_msg m;
						if (ns_initparse(buf, len, &m) == 0 && ns_msg_count(m, ns_s_an) > 0)
							libc_listed++;
					}
				}
				t_libc += now_s() - t0;
			}
		}
		free_names(names, n);
	}
	printf("dns_libs: %d rounds of %d addresses x %zu lists = %d queries per library\n", rounds, ips,
	       NZONES, total);
	printf("  %-10s %8.3f s  %9.0f queries/s  answered %d, listed %d  (ratio to c-ares %.2fx time)\n",
	       "c-ares", t_cares, total / t_cares, cares_answered, cares_listed, 1.0);
	printf("  %-10s %8.3f s  %9.0f queries/s  answered %d, listed %d  (ratio to c-ares %.2fx time)\n",
	       "libunbound", t_ub, total / t_ub, ub_answered, ub_listed, t_ub / t_cares);
	printf("  %-10s %8.3f s  %9.0f queries/s  answered %d, listed %d  (ratio to c-ares %.2fx time)\n",
	       "libc", t_libc, total / t_libc, libc_answered, libc_listed, t_libc / t_cares);

	/* Single-query latency: 200 unasked names, one at a time. */
	enum { L = 200 };
	double lat[3][L];
	for (int i = 0; i < L; i++) {
		char ip[64], name[256];
		snprintf(ip, sizeof ip, "10.250.%d.%d", i / 256, i % 256);
		for (int lib = 0; lib < 3; lib++) {
			dns_reverse_name(ip, zones[lib], name, sizeof name); /* a zone per library: no shared cache */
			double t0 = now_s();
			if (lib == 0) {
				struct dns_answer a;
				dns_lookup(d, name, DNS_A, &a);
				dns_answer_release(&a);
			} else if (lib == 1) {
				struct ub_result *res = NULL;
				if (ub_resolve(ub, name, 1, 1, &res) == 0 && res)
					ub_resolve_free(res);
			} else {
				res_nquery(&rs, name, C_IN, T_A, buf, sizeof buf);
			}
			lat[lib][i] = now_s() - t0;
		}
	}
	lat_report("c-ares", lat[0], L);
	lat_report("libunbound", lat[1], L);
	lat_report("libc", lat[2], L);

	int same = cares_listed == ub_listed && ub_listed == libc_listed && cares_answered == total &&
		   ub_answered == total && libc_answered == total;
	res_nclose(&rs);
	ub_ctx_delete(ub);
	dns_free(d);
	if (!same) {
		fprintf(stderr, "dns_libs: the libraries disagree on the answers\n");
		return 1;
	}
	return 0;
}
