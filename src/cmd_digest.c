/* cmd_digest - `bouncewatch digest`: the morning mail of what changed
 *
 * Reads the window (default yesterday, midnight to midnight UTC) and the
 * period of the same length before it (digest.h), and mails one message
 * with a text and an HTML alternative over SMTP (cmd_mail.h: the same
 * settings and BOUNCEWATCH_* variables as alert-mail). Nothing is sent when
 * nothing happened unless --always; --stdout prints the message instead.
 * Exit 0 sent, printed or nothing to send; 1 the relay refused or the
 * database failed; 2 bad options.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "clock.h"
#include "cmd.h"
#include "cmd_args.h"
#include "cmd_mail.h"
#include "cmd_table.h"
#include "digest.h"
#include "log.h"
#include "store.h"
#include "store_report.h"

static void usage(FILE *f)
{
	fprintf(f,
		"usage: bouncewatch digest [--since yesterday|DUR|ISO] [--until DUR|ISO] [--to ADDR[,ADDR...]]\n"
		"           [--from ADDR] [--relay HOST[:PORT]] [--helo NAME] [--timeout DUR]\n"
		"           [--stdout] [--always]\n"
		"Mails what changed in the period (default: yesterday UTC) against the period of\n"
		"the same length before it: block episodes per IP and pool, attempts and rates,\n"
		"new reasons, complaints and DNSBL/SNDS state. Nothing is sent when nothing\n"
		"happened unless --always; --stdout prints the message instead of sending it.\n"
		"Mail settings default to BOUNCEWATCH_MAIL_TO, _MAIL_FROM, _SMTP_RELAY,\n"
		"_SMTP_HELO and _SMTP_TIMEOUT, as for alert-mail.\n"
		"exit codes: 0 sent or nothing to send, 1 not sent or database error, 2 usage\n");
}

/* "yesterday" (the last whole UTC day), else cmd_parse_time. */
static int window(const char *since, const char *until, double now, double *a, double *b)
{
	double midnight = floor(now / 86400.0) * 86400.0;
	*a = midnight - 86400.0;
	*b = midnight;
	if (since && strcmp(since, "yesterday") != 0) {
		if (cmd_parse_time(since, now, a) < 0)
			return -1;
		*b = now;
	}
	if (until && cmd_parse_time(until, now, b) < 0)
		return -1;
	return *a < *b ? 0 : -1;
}

static int digest_exec(struct globals *g, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "since", required_argument, NULL, 's' },
		{ "until", required_argument, NULL, 'u' },
		{ "to", required_argument, NULL, 't' },
		{ "from", required_argument, NULL, 'f' },
		{ "relay", required_argument, NULL, 'r' },
		{ "helo", required_argument, NULL, 'H' },
		{ "timeout", required_argument, NULL, 'T' },
		{ "stdout", no_argument, NULL, 'o' },
		{ "always", no_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 },
	};
	struct mail_opts o = { 0 };
	const char *since = NULL, *until = NULL;
	int c, to_stdout = 0, always = 0, rc;
	double a, b, now = clock_now();
	char err[1024];
	struct cmd_args ca;
	cmd_args_init(&ca, g, argc, argv, NULL, longopts);
	while ((c = cmd_args_next(&ca)) != -1) {
		switch (c) {
		case 's': since = ca.arg; break;
		case 'u': until = ca.arg; break;
		case 't': o.to = ca.arg; break;
		case 'f': o.from = ca.arg; break;
		case 'r': o.relay = ca.arg; break;
		case 'H': o.helo = ca.arg; break;
		case 'T': o.timeout = ca.arg; o.timeout_opt = "--timeout"; break;
		case 'o': to_stdout = 1; break;
		case 'a': always = 1; break;
		case 'h': usage(stdout); return EXIT_OK;
		default:
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (ca.optind < argc) {
		msg_info("digest: unexpected argument '%s'", argv[ca.optind]);
		return EXIT_USAGE;
	}
	if (window(since, until, now, &a, &b) < 0) {
		msg_info("digest: bad period (use yesterday, 24h, 7d, now or 2026-11-28[T10:00]; "
			 "--since before --until)");
		return EXIT_USAGE;
	}
	if (cmd_mail_settle(&o, "digest") < 0)
		return EXIT_USAGE;
	struct store *st = store_open(cmd_db_path(g), STORE_READ, err, sizeof err);
	if (st == NULL) {
		msg_info("digest: %s", err);
		return EXIT_RUNTIME;
	}
	struct digest d;
	/* the new reasons from the rows, as before the rollups (tests compare) */
	store_report_from_rows(st, getenv("BOUNCEWATCH_REPORT_ROWS") != NULL);
	rc = digest_build(st, a, b, o.host, &d, err, sizeof err);
	store_free(st);
	if (rc < 0) {
		msg_info("digest: %s", err);
		return EXIT_RUNTIME;
	}
	const char *const extra[] = { "Auto-Submitted", "auto-generated", NULL };
	if (!d.happened && !always) {
		msg_info("digest: nothing happened from %.0f to %.0f; nothing sent (--always sends anyway)",
			 a, b);
		rc = EXIT_OK;
	} else if (to_stdout) {
		struct buf msg;
		buf_init(&msg);
		cmd_mail_message(&o, d.subject.p, d.text.p, d.html.p, extra, &msg);
		fwrite(msg.p, 1, msg.len, stdout);
		rc = fflush(stdout) == 0 ? EXIT_OK : EXIT_RUNTIME;
		buf_release(&msg);
	} else {
		rc = cmd_mail_send(&o, "digest", d.subject.p, d.text.p, d.html.p, extra);
	}
	digest_release(&d);
	return rc;
}

const struct cmd cmd_digest = {
	.name = "digest",
	.summary = "mail what changed since yesterday (text and HTML)",
	.exec = digest_exec,
};
