/* cmd_scan - `bouncewatch scan [FILE|-]...`: ingest logs once.
 *
 * Resumable and idempotent: each file resumes where the store says it was
 * left (by path, inode or fingerprint), so scanning again adds only new
 * lines. Ends with one summary line. Input problems with one file (missing,
 * a directory, unreadable) are reported and the other files still scanned;
 * the exit code is then 2. A store error stops the scan at once (exit 1);
 * what was committed stays.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "alert_opts.h"
#include "cmd.h"
#include "cmd_args.h"
#include "episode.h"
#include "ingest.h"
#include "ingest_journal.h"
#include "journal_opts.h"
#include "logsniff.h"
#include "log.h"
#include "xmalloc.h"

static void scan_usage(FILE *f)
{
	fprintf(f, "usage: bouncewatch scan [--year YYYY] [--batch N] [ALERT OPTIONS] [FILE|-]...\n"
		   "       bouncewatch scan --journal [--journal-dir DIR|--journal-file FILE]\n"
		   "                        [--identifier NAME]... [--unit UNIT]... [--since WHEN]\n"
		   "Reads mail logs (plain, .gz, or - for stdin) once into the database.\n"
		   "Scanning a file again adds only the lines it did not have before.\n"
		   "  --year YYYY  year of RFC 3164 timestamps (default: inferred from the file's mtime)\n"
		   "  --batch N    lines per transaction (default 5000)\n");
	journal_cli_usage(f, 1);
	alert_opts_usage(f);
}

static void print_summary(const struct ingest_stats *s, int files)
{
	printf("scan: %d file%s, %" PRIu64 " lines read, %" PRIu64 " deliveries stored (%" PRIu64
	       " block replies), %" PRIu64 " already stored, %" PRIu64 " other lines; "
	       "the MTA received %" PRIu64 " message%s and rejected %" PRIu64 "; "
	       "not understood: %" PRIu64 " (%" PRIu64 " without syslog header, %" PRIu64
	       " unreadable status lines); skipped: %" PRIu64 " (%" PRIu64 " over %d bytes, %" PRIu64
	       " with NUL bytes); %" PRIu64 " repaired (invalid UTF-8); %" PRIu64 " replies unclassified "
	       "at the PCRE2 match limit\n",
	       files, files == 1 ? "" : "s", s->lines, s->deliveries, s->blocks, s->duplicates, s->other,
	       s->received, s->received == 1 ? "" : "s", s->rejected,
	       s->no_header + s->unparsed, s->no_header, s->unparsed, s->cut + s->binary, s->cut,
	       SOURCE_LINE_MAX, s->binary, s->repaired, s->limit_hits);
}

/* A file from which lines were read but none of a known MTA: says what it
 * looks like. Exit 0 when it is a system log that held no mail lines, 2
 * when it is not a mail log bouncewatch can read. */
static int no_mta_lines(const char *path)
{
	char desc[512], p[512];
	int k = logsniff_file(path, desc, sizeof desc);
	log_printable(path, strlen(path), p, sizeof p);
	if (k == LOGSNIFF_MTA || k == LOGSNIFF_EMPTY || k < 0)
		return EXIT_OK;	/* lines of an MTA appeared meanwhile, or it went away */
	msg_warn("%s: no line of Postfix, Exim, OpenSMTPD or Sendmail; %s", p, desc);
	return k == LOGSNIFF_NO_MAIL ? EXIT_OK : EXIT_USAGE;
}

/* Scans one file. Returns EXIT_OK, EXIT_USAGE (input problem) or EXIT_RUNTIME. */
static int scan_one(struct ingest *ing, const char *path)
{
	char err[1024];
	struct ingest_source is;
	struct source *src = source_open(path, err, sizeof err);
	int rc = EXIT_OK;

	if (src == NULL) {
		msg_info("%s", err);
		return EXIT_USAGE;
	}
	const struct ingest_stats *s = ingest_stats(ing);
	uint64_t lines0 = s->lines, mta0 = s->mta_lines;
	if (ingest_attach(ing, src, source_mtime(src), &is, err, sizeof err) < 0 ||
	    ingest_drain(ing, src, &is, err, sizeof err) < 0) {
		msg_info("%s", err);
		rc = source_bad_data(src) ? EXIT_USAGE : EXIT_RUNTIME;	/* damaged gzip: input */
	} else if (source_bad_data(src)) {
		char cut[80] = "";
		if (source_pending(src) > 0)
			snprintf(cut, sizeof cut, ", not the %zu bytes of the line it cuts",
				 source_pending(src));
		msg_warn("%s: %s; the complete lines before it are stored (%" PRIu64
			 " read by this scan)%s", path, source_bad_data(src), s->lines - lines0, cut);
		rc = EXIT_USAGE;
	} else if (source_pending(src) > 0) {
		msg_info("%s: last line has no newline yet (%zu bytes held for the next scan)", path,
			 source_pending(src));
	}
	source_free(src);
	if (rc == EXIT_OK && s->lines > lines0 && s->mta_lines == mta0 && strcmp(path, "-") != 0)
		rc = no_mta_lines(path);
	return rc;
}

enum { OPT_YEAR = CMD_OPT_OWN, OPT_BATCH };

static const struct option scan_options[] = {
	{ "year", required_argument, NULL, OPT_YEAR },
	{ "batch", required_argument, NULL, OPT_BATCH },
	{ 0 }
};

/* Parses scan's options into o, ac and files (which has room for argc).
 * Returns the number of files, -1 on a usage error, -2 for --help. */
static int scan_opts(struct globals *g, int argc, char **argv, struct ingest_opts *o,
		     struct alert_cfg *ac, struct journal_cli *jc, const char **files)
{
	struct cmd_args a;
	int c, nfiles = 0;
	long v;
	cmd_args_init(&a, g, argc, argv, NULL, scan_options);
	cmd_args_set(&a, &alert_optset, ac);
	cmd_args_set(&a, &journal_optset_since, jc);
	while ((c = cmd_args_next(&a)) != -1) {
		if (c == 'h')
			return -2;
		if (c == OPT_YEAR && cmd_args_long(&a, 1970, 9999, &v) == 0)
			o->fixed_year = (int)v;
		else if (c == OPT_BATCH && cmd_args_long(&a, 1, 10000000, &v) == 0)
			o->batch_lines = (unsigned)v;
		else
			return -1;
	}
	for (int i = a.optind; i < argc; i++)
		files[nfiles++] = argv[i];
	if (jc->on && nfiles > 0) {
		msg_info("scan: --journal and files exclude each other (scan them one after the other)");
		return -1;
	}
	if (jc->on)
		return 0;
	if (nfiles == 0)
		msg_info("scan: no file given (use - for stdin)");
	return nfiles > 0 ? nfiles : -1;
}

/* Scans the journal jc names. Returns EXIT_OK, EXIT_USAGE (cannot open it)
 * or EXIT_RUNTIME. */
static int scan_journal(struct ingest *ing, struct store *st, const struct journal_cli *jc,
			unsigned batch)
{
	char err[1024];
	struct ingest_journal ij;
	struct journal *j = journal_open(&jc->o, err, sizeof err);
	int rc = EXIT_OK;
	if (j == NULL) {
		msg_info("%s", err);
		return EXIT_USAGE;
	}
	if (ingest_journal_attach(ing, st, j, jc->since_us, &ij, err, sizeof err) < 0 ||
	    ingest_journal_drain(ing, st, &ij, batch, err, sizeof err) < 0) {
		msg_info("%s", err);
		rc = EXIT_RUNTIME;
	} else if (ij.lost) {
		msg_warn("%s: the entry read last is no longer in the journal (rotated away or "
			 "vacuumed); read again from the oldest entry at or after its time",
			 journal_label(j));
	}
	journal_free(j);
	return rc;
}

/* Scans the files (or the journal) into the database; returns the exit code. */
static int scan_files(struct globals *g, struct ingest_opts *o, struct alert_cfg *ac,
		      const struct journal_cli *jc, const char **files, int nfiles)
{
	char err[1024];
	int rc = EXIT_OK;
	struct episodes *ep = NULL;
	struct rules *r = cmd_load_rules(g);
	if (r == NULL)
		return EXIT_USAGE;
	alert_opts_prefer_ips(ac, r);
	struct store *st = store_open(cmd_db_path(g), STORE_WRITE, err, sizeof err);
	if (st == NULL || store_sync_rules(st, r, err, sizeof err) < 0 ||
	    (ep = episode_new(st, ac, err, sizeof err)) == NULL) {
		msg_info("%s", err);
		rc = EXIT_RUNTIME;
		goto out;
	}
	o->episodes = ep;
	struct ingest *ing = ingest_new(st, r, o);
	if (jc->on)
		rc = scan_journal(ing, st, jc, o->batch_lines);
	for (int i = 0; i < nfiles && rc != EXIT_RUNTIME; i++) {
		int one = scan_one(ing, files[i]);
		if (one != EXIT_OK)
			rc = one;
	}
	if (rc != EXIT_RUNTIME && store_close_hours(st, err, sizeof err) < 0) {
		msg_info("%s", err);
		rc = EXIT_RUNTIME;
	}
	print_summary(ingest_stats(ing), jc->on ? 1 : nfiles);
	ingest_free(ing);
	if (rc != EXIT_RUNTIME && alert_opts_finish(st, ep, ac) != EXIT_OK)
		rc = EXIT_RUNTIME;
out:
	episode_free(ep);
	store_free(st);
	rules_free(r);
	return rc;
}

static int scan_exec(struct globals *g, int argc, char **argv)
{
	struct ingest_opts o = { 0 };
	struct journal_cli jc = { 0 };
	struct alert_cfg ac;
	const char **files = xcalloc((size_t)argc, sizeof *files);
	int rc, nfiles;

	alert_opts_init(&ac);
	nfiles = scan_opts(g, argc, argv, &o, &ac, &jc, files);
	if (nfiles == -2) {
		scan_usage(stdout);
		rc = EXIT_OK;
	} else if (nfiles < 0) {
		scan_usage(stderr);
		rc = EXIT_USAGE;
	} else {
		rc = scan_files(g, &o, &ac, &jc, files, nfiles);
	}
	free(files);
	alert_cfg_release(&ac);
	return rc;
}

const struct cmd cmd_scan = {
	.name = "scan",
	.summary = "ingest mail logs once (plain, .gz, -); resumable, idempotent",
	.exec = scan_exec,
};
