/* cmd_prune - `bouncewatch prune --older-than DUR [--vacuum] [--batch N]`
 *
 * Deletes delivery rows older than DUR (by the pinnable clock) in batches
 * of N (default 10000), each its own transaction, so a running tail is not
 * held up; then gives the freed pages back (store_prune.h). Episodes,
 * alerts, sources, rules and the feeds' rows are kept. Prints what it did
 * and the file size before and after. Exit 0, 1 on a store error, 2 usage.
 */
#include <limits.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "alert.h"
#include "clock.h"
#include "cmd.h"
#include "cmd_args.h"
#include "log.h"
#include "store_prune.h"

static void usage(FILE *f)
{
	fprintf(f, "usage: bouncewatch prune --older-than DUR [--vacuum] [--batch N]\n"
		   "Deletes the delivery rows older than DUR (e.g. 90d) and gives the space back.\n"
		   "Episodes, alerts, sources, rules, SNDS and complaint rows are kept.\n"
		   "  --older-than DUR  the age of the rows to delete (90d, 12w, 8760h)\n"
		   "  --vacuum          a database made before bouncewatch chose incremental\n"
		   "                    vacuum gets one full VACUUM (it needs free disk space\n"
		   "                    about the size of the file, and locks it meanwhile)\n"
		   "  --batch N         rows per transaction (default 10000)\n");
}

static double mb(int64_t pages, int64_t size)
{
	return (double)pages * (double)size / 1e6;
}

static int prune_exec(struct globals *g, int argc, char **argv)
{
	enum { OPT_OLDER = CMD_OPT_OWN, OPT_VACUUM, OPT_BATCH };
	static const struct option opts[] = {
		{ "older-than", required_argument, NULL, OPT_OLDER },
		{ "vacuum", no_argument, NULL, OPT_VACUUM },
		{ "batch", required_argument, NULL, OPT_BATCH },
		{ NULL, 0, NULL, 0 },
	};
	long age = -1, batch = 10000;
	int full = 0, c, batches = 0;
	int64_t n, ev = 0, events = 0, total = 0, pages0, free0, psize, pages1, free1;
	char err[1024], when[40];
	const char *mode;
	struct store *st;
	struct cmd_args a;

	cmd_args_init(&a, g, argc, argv, NULL, opts);
	while ((c = cmd_args_next(&a)) != -1) {
		if (c == 'h') {
			usage(stdout);
			return EXIT_OK;
		}
		if (c == OPT_VACUUM)
			full = 1;
		else if (!(c == OPT_OLDER && cmd_args_duration(&a, 1, LONG_MAX, &age) == 0) &&
			 !(c == OPT_BATCH && cmd_args_long(&a, 1, 10000000, &batch) == 0)) {
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (age < 0 || a.optind != argc) {
		msg_info(age < 0 ? "prune: --older-than is required" : "prune: unexpected argument '%s'",
			 argv[a.optind]);
		usage(stderr);
		return EXIT_USAGE;
	}
	double before = clock_now() - (double)age;
	if ((st = store_open(cmd_db_path(g), STORE_WRITE, err, sizeof err)) == NULL) {
		msg_info("%s", err);
		return EXIT_RUNTIME;
	}
	if (store_pages(st, &pages0, &free0, &psize, err, sizeof err) < 0)
		goto fail;
	while ((n = store_prune_batch(st, before, batch, &ev, err, sizeof err)) > 0 || (n == 0 && ev > 0)) {
		total += n;
		events += ev;
		batches++;
	}
	if (n < 0 || store_reclaim(st, full, &mode, err, sizeof err) < 0 ||
	    store_pages(st, &pages1, &free1, &psize, err, sizeof err) < 0)
		goto fail;
	printf("prune: %" PRId64 " deliver%s older than %s deleted in %d batch%s; file %.2f MB -> %.2f MB "
	       "(%s vacuum)\n", total, total == 1 ? "y" : "ies", alert_time(before, when, sizeof when),
	       batches, batches == 1 ? "" : "es", mb(pages0, psize), mb(pages1, psize), mode);
	if (events > 0)
		printf("prune: with them %" PRId64 " received/rejected record%s of the MTA\n", events,
		       events == 1 ? "" : "s");
	if (strcmp(mode, "none") == 0 && free1 > 0)
		printf("prune: %.2f MB free inside the file; --vacuum gives it back once\n",
		       mb(free1, psize));
	store_free(st);
	return EXIT_OK;
fail:
	msg_info("prune: %s", err);
	store_free(st);
	return EXIT_RUNTIME;
}

const struct cmd cmd_prune = { "prune", "delete delivery rows older than a given age; give the space back",
			       prune_exec };
