/* cmd_arf - `bouncewatch arf [FILE...|-] [--maildir DIR]`: complaint reports
 *
 * Reads ARF (RFC 5965) and JMRP-style complaint reports from files, standard
 * input (one message) or a Maildir (new/ and cur/), and stores one row per
 * complaint (feed_arf.c). A report read again is not stored again (its
 * bytes' hash is its identity), so running it from cron over the same
 * Maildir is safe. Exit 0; 2 when a FILE argument is unreadable or is not a
 * complaint report (the others are still read; in a Maildir, messages that
 * are not reports are only counted, a feedback mailbox gets spam too); 1 on
 * a store error.
 */
#include <dirent.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "arf.h"
#include "clock.h"
#include "cmd.h"
#include "feed_arf.h"
#include "log.h"
#include "rules.h"
#include "xmalloc.h"

static void usage(FILE *f)
{
	fprintf(f, "usage: bouncewatch arf [--maildir DIR] [FILE...|-]\n"
		   "Stores complaint reports (ARF, RFC 5965; Microsoft JMRP) in the complaints table:\n"
		   "source IP, reporting provider, envelope sender, recipient domain, Message-ID and\n"
		   "Subject of the original. A report already stored is not stored twice.\n"
		   "  --maildir DIR   read every message of DIR/new and DIR/cur\n");
}

struct run {
	struct store *st;
	struct rules *rules;
	struct feed_arf_stats s;
	int bad_input, store_failed;
};

/* Reads at most ARF_INPUT_MAX + 1 bytes: a longer input is refused by
 * arf_parse without being held whole. NULL on a read error. */
static char *slurp(FILE *f, size_t *len)
{
	size_t cap = 1 << 16, n = 0, got;
	char *b = xmalloc(cap);
	while ((got = fread(b + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n > ARF_INPUT_MAX)
			break;
		if (n == cap)
			b = xrealloc(b, cap *= 2);
	}
	if (ferror(f)) {
		free(b);
		return NULL;
	}
	*len = n;
	return b;
}

/* One message; strict (an argument) or lenient (a Maildir entry). */
static void one(struct run *r, const char *path, FILE *f, int strict)
{
	struct arf_report rep;
	char err[1024], shown[600];
	size_t len;
	char *buf = slurp(f, &len);
	int rc;
	log_printable(path, strlen(path), shown, sizeof shown);
	if (buf == NULL) {
		msg_info("%s: read error: %m", shown);
		r->bad_input = 1;
		return;
	}
	rc = feed_arf_one(r->st, r->rules, buf, len, clock_now(), &rep, &r->s, err, sizeof err);
	free(buf);
	if (rc == -2) {
		if (strict)
			r->bad_input = 1;
		msg_warn("%s: %s (skipped)", shown, err);
	} else if (rc == -1) {
		msg_info("%s: %s", shown, err);
		r->store_failed = 1;
	} else if (log_verbose) {
		char ip[80];
		msg_debug("%s: %s complaint from %s about %s%s", shown, rep.format,
			  rep.reporter_domain[0] ? rep.reporter_domain : "?",
			  log_printable(rep.source_ip, strlen(rep.source_ip), ip, sizeof ip),
			  rc == 0 ? " (already stored)" : "");
	}
}

static void one_path(struct run *r, const char *path, int strict)
{
	struct stat sb;
	FILE *f;
	if (strcmp(path, "-") == 0) {
		one(r, "standard input", stdin, strict);
		return;
	}
	if ((f = fopen(path, "rb")) == NULL || fstat(fileno(f), &sb) < 0 || !S_ISREG(sb.st_mode)) {
		if (f) {
			msg_info("%s: not a regular file", path);
			fclose(f);
		} else {
			msg_info("cannot read %s: %m", path);
		}
		r->bad_input = r->bad_input || strict;
		return;
	}
	one(r, path, f, strict);
	fclose(f);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every message file of DIR/new then DIR/cur, each directory in name order. */
static int maildir(struct run *r, const char *dir)
{
	static const char *const sub[] = { "new", "cur" };
	for (size_t k = 0; k < 2; k++) {
		size_t n = 0, cap = 64, plen = strlen(dir) + 8;
		char **names = xmalloc(cap * sizeof *names), *p = xmalloc(plen);
		struct dirent *e;
		DIR *d;
		snprintf(p, plen, "%s/%s", dir, sub[k]);
		if ((d = opendir(p)) == NULL) {
			msg_info("%s is not a Maildir: cannot open %s: %m", dir, p);
			free(p);
			free(names);
			return -1;
		}
		while ((e = readdir(d)) != NULL) {
			if (e->d_name[0] == '.')
				continue;
			if (n == cap)
				names = xrealloc(names, (cap *= 2) * sizeof *names);
			size_t fl = plen + strlen(e->d_name) + 2;
			names[n] = xmalloc(fl);
			snprintf(names[n++], fl, "%s/%s", p, e->d_name);
		}
		closedir(d);
		qsort(names, n, sizeof *names, by_name);
		for (size_t i = 0; i < n; i++) {
			one_path(r, names[i], 0);
			free(names[i]);
		}
		free(names);
		free(p);
	}
	return 0;
}

static int arf_exec(struct globals *g, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "maildir", required_argument, NULL, 'm' },
		{ "db", required_argument, NULL, 'b' },
		{ "rules", required_argument, NULL, 'r' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *dir = NULL;
	struct run r = { 0 };
	char err[4096];
	int c;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":hv", opts, NULL)) != -1) {
		switch (c) {
		case 'm': dir = optarg; break;
		case 'b': g->db = optarg; break;
		case 'r': g->rules_dir = optarg; break;
		case 'v': log_verbose = ++g->verbose; break;
		case 'h': usage(stdout); return EXIT_OK;
		case ':': msg_info("%s needs a value", argv[optind - 1]); usage(stderr); return EXIT_USAGE;
		default: msg_info("unknown option: %s", argv[optind - 1]); usage(stderr); return EXIT_USAGE;
		}
	}
	if (dir == NULL && optind >= argc) {
		msg_info("arf needs a FILE, - or --maildir DIR");
		usage(stderr);
		return EXIT_USAGE;
	}
	if ((r.rules = cmd_load_rules(g)) == NULL)
		return EXIT_USAGE;
	if ((r.st = store_open(cmd_db_path(g), STORE_WRITE, err, sizeof err)) == NULL) {
		msg_info("%s", err);
		rules_free(r.rules);
		return EXIT_RUNTIME;
	}
	if (dir && maildir(&r, dir) < 0)
		r.bad_input = 1;
	for (int i = optind; i < argc && !r.store_failed; i++)
		one_path(&r, argv[i], 1);
	msg_info("arf: %zu report%s read, %zu complaint%s stored, %zu already stored, %zu skipped",
		 r.s.read, r.s.read == 1 ? "" : "s", r.s.stored, r.s.stored == 1 ? "" : "s",
		 r.s.duplicate, r.s.skipped);
	store_free(r.st);
	rules_free(r.rules);
	return r.store_failed ? EXIT_RUNTIME : r.bad_input ? EXIT_USAGE : EXIT_OK;
}

const struct cmd cmd_arf = { "arf", "store complaint reports (ARF, JMRP) from files or a Maildir",
			     arf_exec };
