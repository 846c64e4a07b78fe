/* cmd_dnsbl - `bouncewatch dnsbl check [IP...]`: are our sending IPs on a
 * public block list?
 *
 * Asks every list of the zone list (patterns/dnsbl.conf) about each IP:
 * the IPs given, else every --source-ip and the sending IP of every open
 * episode. Answers are stored (dnsbl_checks) and reused until their TTL
 * runs out (--fresh asks again). A new listing or a delisting is reported.
 * Exit: 0 every list answered (listed or not), 1 some list could not be
 * checked or the store failed, 2 usage.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "clock.h"
#include "cmd.h"
#include "cmd_args.h"
#include "dnscheck.h"
#include "json_str.h"
#include "log.h"
#include "store_episode.h"
#include "xmalloc.h"

#define IPS_MAX 256

struct run {
	struct globals *g;
	struct dnscheck_cfg dc;
	const char *ips[IPS_MAX];
	size_t nips;
	int json, fresh;
};

static void usage(FILE *f)
{
	fprintf(f, "usage: bouncewatch dnsbl check [--source-ip [HOST=]IP]... [--fresh]\n"
		   "                            [--format text|json] [DNS OPTIONS] [IP...]\n"
		   "Asks the DNS block lists of the zone list about our sending IPs (default:\n"
		   "every --source-ip and the IP of every open block episode); IPv4 and IPv6.\n"
		   "Error answers (Spamhaus 127.255.255.252/254/255, timeouts, SERVFAIL, answers\n"
		   "a list does not document) say 'cannot check', never 'listed'.\n"
		   "  --fresh        ask again even when a stored answer is still valid (TTL)\n"
		   "  --format F     text (default) or json\n"
		   "exit: 0 all lists answered, 1 some could not be checked, 2 usage\n");
	dnscheck_usage(f);
}

/* 1 added, 0 already there, -1 not an address, -2 IPS_MAX reached. */
static int add_ip(struct run *r, const char *ip)
{
	unsigned char b[16];
	if (inet_pton(AF_INET, ip, b) != 1 && inet_pton(AF_INET6, ip, b) != 1)
		return -1;
	for (size_t i = 0; i < r->nips; i++)
		if (strcmp(r->ips[i], ip) == 0)
			return 0;
	if (r->nips >= IPS_MAX)
		return -2;
	r->ips[r->nips++] = ip;
	return 1;
}

static int episode_ip(void *arg, const struct episode_row *e)
{
	struct run *r = arg;
	if (e->sending_ip && add_ip(r, xstrdup(e->sending_ip)) == -2) {	/* lives until exit */
		msg_warn("dnsbl: more than %d addresses in open episodes: the first %d are checked",
			 IPS_MAX, IPS_MAX);
		return 1;	/* stop the listing */
	}
	return 0;
}

static void print_check(const struct dnsbl_check *c, int first, int json, int cached)
{
	char a[1200], b[1200];
	if (json) {
		printf("%s\n  {\"ip\":\"%s\",\"list\":\"%s\",\"zone\":\"%s\",\"result\":\"%s\",\"cached\":%s,"
		       "\"codes\":", first ? "" : ",", c->ip, c->zone->id, c->zone->zone,
		       dnsbl_result_str(c->result), cached ? "true" : "false");
		json_fput(stdout, c->codes, strlen(c->codes));
		printf(",\"labels\":");
		json_fput(stdout, c->labels, strlen(c->labels));
		printf(",\"txt\":");
		json_fput(stdout, c->txt, strlen(c->txt));
		printf(",\"error\":");
		json_fput(stdout, c->error, strlen(c->error));
		printf(",\"lookup\":");
		json_fput(stdout, c->zone->lookup ? c->zone->lookup : "", c->zone->lookup ? strlen(c->zone->lookup) : 0);
		printf(",\"delist\":");
		json_fput(stdout, c->zone->delist ? c->zone->delist : "", c->zone->delist ? strlen(c->zone->delist) : 0);
		putchar('}');
		return;
	}
	printf("  %-12s %-10s", c->zone->id, dnsbl_result_str(c->result));
	if (c->result == DNSBL_LISTED)
		printf(" %s (%s)%s%s\n               delisting: %s", c->labels, c->codes,
		       c->txt[0] ? " " : "", log_printable(c->txt, strlen(c->txt), a, sizeof a),
		       c->zone->delist ? c->zone->delist : "-");
	else if (c->result == DNSBL_ERROR)
		printf(" %s", log_printable(c->error, strlen(c->error), b, sizeof b));
	printf("%s\n", cached ? " (stored answer)" : "");
}

static int changed(void *arg, const struct dnsbl_check *c, int listed, double now, char *err, size_t errlen)
{
	(void)arg, (void)now, (void)err, (void)errlen;
	msg_info("%s %s on %s (%s)", c->ip, listed ? "is now listed" : "is no longer listed",
		 c->zone->id, c->zone->zone);
	return 0;
}

/* Checks, stores and prints the IPs; returns the exit code. */
static int check_all(struct run *r, struct store *st, const struct dnsbl_conf *conf, struct dns *d)
{
	char err[1024], sum[1024];
	double now = clock_now();
	int errors = 0, first = 1;
	if (r->json)
		putchar('[');
	for (size_t i = 0; i < r->nips; i++) {
		struct dnsbl_check *c = xcalloc(conf->n + 1, sizeof *c);
		size_t n = conf->n;
		int cached = r->fresh ? 0 : dnscheck_cached(st, conf, r->ips[i], now, c, err, sizeof err);
		if (cached < 0)
			goto store_error;
		if (cached == 0) {
			free(c);
			if ((c = dnsbl_check_run(d, conf, &r->ips[i], 1, &n, err, sizeof err)) == NULL) {
				msg_info("dnsbl: %s", err);
				return EXIT_USAGE;
			}
			if (dnscheck_store(st, c, n, now, changed, r, err, sizeof err) < 0)
				goto store_error;
		} else {
			n = 0;	/* only the zones that apply to this IP */
			for (size_t z = 0; z < conf->n; z++)
				if (!strchr(r->ips[i], ':') || conf->z[z].ipv6)
					c[n++] = c[z];
		}
		if (!r->json)
			printf("%s\n", dnsbl_summary(c, n, r->ips[i], sum, sizeof sum));
		for (size_t k = 0; k < n; k++) {
			errors += c[k].result == DNSBL_ERROR;
			print_check(&c[k], first, r->json, cached == 1);
			first = 0;
		}
		free(c);
		continue;
store_error:
		free(c);
		msg_info("dnsbl: %s", err);
		return EXIT_RUNTIME;
	}
	if (r->json)
		printf("\n]\n");
	if (errors)
		msg_info("dnsbl: %d answer%s could not be checked through %s (see above); none is counted as a listing",
			 errors, errors == 1 ? "" : "s", dns_resolver_name(d));
	return errors ? EXIT_RUNTIME : EXIT_OK;
}

/* Parses `dnsbl check` options (argv[0] is the verb); 1 go on, 0 --help,
 * -1 a usage error (message printed). *first: the first address operand. */
static int parse(struct run *r, int argc, char **argv, int *first)
{
	enum { OPT_SOURCE_IP = CMD_OPT_OWN, OPT_FRESH, OPT_FORMAT };
	static const struct option opts[] = {
		{ "source-ip", required_argument, 0, OPT_SOURCE_IP },
		{ "fresh", no_argument, 0, OPT_FRESH },
		{ "format", required_argument, 0, OPT_FORMAT }, { 0, 0, 0, 0 }
	};
	static const char *const formats[] = { "text", "json", NULL };	/* *json: the index */
	struct cmd_args a;
	int c;
	cmd_args_init(&a, r->g, argc, argv, NULL, opts);
	a.cmd = "dnsbl check";
	cmd_args_set(&a, &dns_optset, &r->dc);
	while ((c = cmd_args_next(&a)) != -1) {
		if (c == 'h')
			return 0;
		if (c == OPT_FRESH)
			r->fresh = 1;
		else if (c == OPT_SOURCE_IP)
			add_ip(r, strchr(a.arg, '=') ? strchr(a.arg, '=') + 1 : a.arg);
		else if (c != OPT_FORMAT || cmd_args_choice(&a, formats, &r->json) < 0)
			return -1;
	}
	*first = a.optind;
	return 1;
}

static int dnsbl_exec(struct globals *g, int argc, char **argv)
{
	struct run r = { .g = g };
	char err[1024];
	struct store *st = NULL;
	struct dnsbl_conf *conf = NULL;
	struct dns *d = NULL;
	int rc, first = 0;
	dnscheck_cfg_init(&r.dc);
	if (argc < 2 || strcmp(argv[1], "check") != 0) {
		if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
			usage(stdout);
			return EXIT_OK;
		}
		usage(stderr);
		return EXIT_USAGE;
	}
	if ((rc = parse(&r, argc - 1, argv + 1, &first)) <= 0) {
		usage(rc == 0 ? stdout : stderr);
		return rc == 0 ? EXIT_OK : EXIT_USAGE;
	}
	for (int i = first + 1; i < argc; i++) {
		int a = add_ip(&r, argv[i]);
		if (a == -1) {
			msg_info("dnsbl: '%s' is not an IPv4 or IPv6 address", argv[i]);
			return EXIT_USAGE;
		}
		if (a == -2) {
			msg_info("dnsbl: at most %d addresses in one check", IPS_MAX);
			return EXIT_USAGE;
		}
	}
	if ((conf = dnscheck_zones(&r.dc, g->rules_dir, err, sizeof err)) == NULL) {
		msg_info("dnsbl: %s", err);
		return EXIT_USAGE;
	}
	rc = EXIT_RUNTIME;
	if ((st = store_open(cmd_db_path(g), STORE_WRITE, err, sizeof err)) == NULL ||
	    (first + 1 >= argc && store_episode_list(st, 1, -1, episode_ip, &r, err, sizeof err) < 0)) {
		msg_info("dnsbl: %s", err);
		goto out;
	}
	if (r.nips == 0) {
		msg_info("dnsbl: no IP to check: name them, or give --source-ip (no open episode names one)");
		rc = EXIT_USAGE;
		goto out;
	}
	if ((d = dns_new(&r.dc.dns, err, sizeof err)) == NULL) {
		/* the resolver was checked with the options: c-ares itself failed */
		msg_info("dnsbl: %s", err);
		rc = EXIT_RUNTIME;
		goto out;
	}
	rc = check_all(&r, st, conf, d);
out:
	dns_free(d);
	store_free(st);
	dnsbl_conf_free(conf);
	return rc;
}

const struct cmd cmd_dnsbl = {
	.name = "dnsbl",
	.summary = "ask DNS block lists about our sending IPs (dnsbl check [IP...])",
	.exec = dnsbl_exec,
};
