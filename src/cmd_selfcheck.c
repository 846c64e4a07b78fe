/* cmd_selfcheck - `bouncewatch selfcheck --ip IP [--domain D] [--helo NAME]
 * [--dkim-selector S]...`: is our own DNS what receivers want to see?
 *
 * PTR, forward-confirmed rDNS, HELO, SPF (libspf2), DKIM keys, DMARC; each
 * finding with its fix. The result is stored (selfchecks). Text or JSON.
 * Exit: 0 nothing failed, 1 a check failed or could not be made, 2 usage.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "clock.h"
#include "cmd.h"
#include "cmd_args.h"
#include "dnscheck.h"
#include "json_str.h"
#include "log.h"
#include "store_dnsbl.h"
#include "xmalloc.h"

static void usage(FILE *f)
{
	fprintf(f, "usage: bouncewatch selfcheck --ip IP [--domain D] [--helo NAME]\n"
		   "                             [--dkim-selector S]... [--format text|json] [DNS OPTIONS]\n"
		   "Checks the sender's own DNS as receivers do: PTR of IP, forward-confirmed\n"
		   "reverse DNS, the HELO name, SPF of D for IP (libspf2), the DKIM key record of\n"
		   "each selector, the DMARC record of D; each finding with its fix.\n"
		   "exit: 0 nothing failed, 1 a check failed or could not be made, 2 usage\n");
	dnscheck_usage(f);
}

static void print_text(const struct selfcheck *sc, const char *summary)
{
	char a[700], b[400];
	printf("%s\n", summary);
	for (int i = 0; i < sc->n; i++) {
		const struct sc_finding *f = &sc->f[i];
		printf("  %-5s %-10s %s\n", selfcheck_status_str(f->status), f->check,
		       log_printable(f->detail, strlen(f->detail), a, sizeof a));
		if (f->fix[0])
			printf("        fix: %s\n", log_printable(f->fix, strlen(f->fix), b, sizeof b));
	}
}

/* 1 go on, 0 --help, -1 a usage error (message printed). */
static int parse(struct globals *g, struct dnscheck_cfg *dc, const char **ip, int *json,
		 int argc, char **argv)
{
	enum { OPT_IP = CMD_OPT_OWN, OPT_FORMAT };
	static const struct option opts[] = {
		{ "ip", required_argument, 0, OPT_IP },
		{ "format", required_argument, 0, OPT_FORMAT }, { 0, 0, 0, 0 }
	};
	static const char *const formats[] = { "text", "json", NULL };	/* *json: the index */
	struct cmd_args a;
	int c;
	cmd_args_init(&a, g, argc, argv, NULL, opts);
	cmd_args_set(&a, &dns_optset, dc);
	while ((c = cmd_args_next(&a)) != -1) {
		if (c == 'h')
			return 0;
		if (c == OPT_IP)
			*ip = a.arg;
		else if (c != OPT_FORMAT || cmd_args_choice(&a, formats, json) < 0)
			return -1;
	}
	if (a.optind < argc) {
		msg_info("selfcheck: unexpected argument '%s'", argv[a.optind]);
		return -1;
	}
	if (*ip == NULL) {
		msg_info("selfcheck: --ip is required");
		return -1;
	}
	return 1;
}

static int selfcheck_exec(struct globals *g, int argc, char **argv)
{
	struct dnscheck_cfg dc;
	struct selfcheck sc;
	struct dns *d = NULL;
	struct store *st = NULL;
	const char *ip = NULL;
	char err[1024], summary[1024];
	int json = 0, rc, bad = 0;
	dnscheck_cfg_init(&dc);
	if ((rc = parse(g, &dc, &ip, &json, argc, argv)) <= 0) {
		usage(rc == 0 ? stdout : stderr);
		return rc == 0 ? EXIT_OK : EXIT_USAGE;
	}
	dc.self.ip = ip;
	if ((d = dns_new(&dc.dns, err, sizeof err)) == NULL) {
		/* the resolver was checked with the options: c-ares itself failed */
		msg_info("selfcheck: %s", err);
		return EXIT_RUNTIME;
	}
	if (selfcheck_run(d, &dc.self, &sc, err, sizeof err) < 0) {
		msg_info("selfcheck: %s", err);
		dns_free(d);
		return EXIT_USAGE;
	}
	dns_free(d);
	selfcheck_summary(&sc, summary, sizeof summary);
	char *js = selfcheck_json(&sc);
	struct selfcheck_row row = { .checked = clock_now(), .ip = ip, .domain = dc.self.domain,
				     .helo = dc.self.helo, .summary = summary, .findings = js };
	rc = EXIT_OK;
	if ((st = store_open(cmd_db_path(g), STORE_WRITE, err, sizeof err)) == NULL ||
	    store_selfcheck_add(st, &row, err, sizeof err) < 0) {
		msg_info("selfcheck: %s", err);
		rc = EXIT_RUNTIME;
	}
	if (json) {
		printf("{\"ip\":");
		json_fput(stdout, ip, strlen(ip));
		printf(",\"summary\":");
		json_fput(stdout, summary, strlen(summary));
		printf(",\"findings\":%s}\n", js);
	} else {
		print_text(&sc, summary);
	}
	for (int i = 0; i < sc.n; i++)
		bad |= sc.f[i].status == SC_FAIL || sc.f[i].status == SC_ERROR;
	free(js);
	store_free(st);
	return rc != EXIT_OK ? rc : bad ? EXIT_RUNTIME : EXIT_OK;
}

const struct cmd cmd_selfcheck = {
	.name = "selfcheck",
	.summary = "check our own PTR, FCrDNS, HELO, SPF, DKIM and DMARC, with fixes",
	.exec = selfcheck_exec,
};
