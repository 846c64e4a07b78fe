/* cmd_alert_mail - `bouncewatch alert-mail`: one alert as a mail over SMTP
 *
 * What `tail --alert-mail ADDR` runs for each alert (the alert program,
 * alert.h): the facts come in BOUNCEWATCH_* variables, the settings from
 * options or BOUNCEWATCH_MAIL_TO, _MAIL_FROM, _SMTP_RELAY, _SMTP_HELO and
 * _SMTP_TIMEOUT (the same names, lower case with '-', are the options).
 * Builds a MIME message (mime.h) and hands it to the relay (smtp_client.h):
 * no sendmail, no set-gid helper, so it works under the service's
 * NoNewPrivileges=. Exit 0 when the relay took the message, 1 when not
 * (bouncewatch retries with back-off), 2 for bad settings or no alert.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "buf.h"
#include "clock.h"
#include "cmd.h"
#include "cmd_args.h"
#include "log.h"
#include "mime.h"
#include "cmd_mail.h"
#include "smtp_client.h"

#define SUBJECT_FACT_MAX 100	/* bytes of one fact in the subject */

static void usage(FILE *f)
{
	fprintf(f,
		"usage: bouncewatch alert-mail [--mail-to ADDR[,ADDR...]] [--mail-from ADDR]\n"
		"           [--smtp-relay HOST[:PORT]] [--smtp-helo NAME] [--smtp-timeout DUR] [--test]\n"
		"Mails one block alert over SMTP. `bouncewatch tail --alert-mail ADDR` runs it for\n"
		"each alert with the facts in BOUNCEWATCH_* variables; --test sends a sample alert\n"
		"to check the settings. Each option may come from the environment instead:\n"
		"  --mail-to      BOUNCEWATCH_MAIL_TO      recipients (default postmaster)\n"
		"  --mail-from    BOUNCEWATCH_MAIL_FROM    sender (default bouncewatch@HOSTNAME)\n"
		"  --smtp-relay   BOUNCEWATCH_SMTP_RELAY   relay, no TLS, no AUTH (localhost:25)\n"
		"  --smtp-helo    BOUNCEWATCH_SMTP_HELO    name in EHLO (default HOSTNAME)\n"
		"  --smtp-timeout BOUNCEWATCH_SMTP_TIMEOUT whole session (20s)\n"
		"exit codes: 0 sent, 1 the relay did not take it (retried), 2 bad settings\n");
}

/* ---- the facts and the message ---- */

struct fact {
	const char *var;	/* BOUNCEWATCH_<var> */
	const char *label;	/* in the body; NULL: not listed there */
	const char *sample;	/* for --test */
};

enum { F_EVENT, F_KIND, F_PROVIDER, F_POOL, F_IP, F_CATEGORY, F_FIRST, F_LAST, F_COUNT, F_HOSTS,
       F_CLEARED, F_CLEAR_REASON, F_RULE, F_EPISODE, F_EVIDENCE, F_REPLY, F_ADVICE, F__N };

/* In the order of the body's list. */
static const struct fact facts[F__N] = {
	[F_EVENT] = { "EVENT", NULL, "open" },
	[F_KIND] = { "KIND", "Kind", "BLOCK" },
	[F_PROVIDER] = { "PROVIDER", "Provider", "example" },
	[F_POOL] = { "POOL", "Pool", "" },
	[F_IP] = { "SENDING_IP", "Sending IP", "192.0.2.1" },
	[F_CATEGORY] = { "CATEGORY", "Category", "test" },
	[F_FIRST] = { "FIRST_SEEN", "First seen", "" },
	[F_LAST] = { "LAST_SEEN", "Last seen", "" },
	[F_COUNT] = { "COUNT", "Refusals", "1" },
	[F_HOSTS] = { "HOSTS", "Log hosts", "" },
	[F_CLEARED] = { "CLEARED", "Cleared", "" },
	[F_CLEAR_REASON] = { "CLEAR_REASON", "Because", "" },
	[F_RULE] = { "RULE", "Rule", "" },
	[F_EPISODE] = { "EPISODE", "Episode", "0" },
	[F_EVIDENCE] = { "EVIDENCE", "Evidence", "" },
	[F_REPLY] = { "REPLY", NULL, "550 5.7.1 This is a test of bouncewatch alert-mail; nothing is blocked." },
	[F_ADVICE] = { "ADVICE", NULL, "Nothing to do: this message only shows that mail alerts arrive." },
};

static const char *fact(const char *v[F__N], int i)
{
	return v[i] ? v[i] : "";
}

static void subject(struct buf *s, const char *v[F__N], int test)
{
	int open = strcmp(fact(v, F_EVENT), "clear") != 0;
	const char *kind = fact(v, F_KIND);
	int block = *kind == '\0' || strcmp(kind, "BLOCK") == 0;
	buf_addf(s, "[bouncewatch] %s%.*s%s%.*s %s %.*s", test ? "TEST: " : "", SUBJECT_FACT_MAX,
		 block ? "" : kind, block ? "" : ": ", SUBJECT_FACT_MAX,
		 fact(v, F_PROVIDER), open ? "refuses mail from" : "accepts mail again from",
		 SUBJECT_FACT_MAX, fact(v, F_IP));
	if (open && *fact(v, F_CATEGORY))
		buf_addf(s, " (%.*s)", SUBJECT_FACT_MAX, fact(v, F_CATEGORY));
}

static void body(struct buf *b, const char *v[F__N], const char *host, int test)
{
	int open = strcmp(fact(v, F_EVENT), "clear") != 0;
	if (test)
		buf_adds(b, "This is a test message from `bouncewatch alert-mail --test`.\n\n");
	buf_addf(b, "%s %s mail from %s.\n\n", fact(v, F_PROVIDER),
		 open ? "refuses" : "accepts again", fact(v, F_IP));
	for (int i = 0; i < F__N; i++)
		if (facts[i].label && *fact(v, i))
			buf_addf(b, "%-12s %s\n", facts[i].label, fact(v, i));
	if (*fact(v, F_REPLY))
		buf_addf(b, "\nThe remote server said:\n  %s\n", fact(v, F_REPLY));
	if (open)
		buf_addf(b, "\n%s:\n  %s\n",
			 strcmp(fact(v, F_KIND), "CONFIG") == 0 ? "What to fix (our configuration)" : "What to do",
			 *fact(v, F_ADVICE) ? fact(v, F_ADVICE) : "(no advice for this rule)");
	buf_addf(b, "\n-- \nbouncewatch on %s; `bouncewatch blocks` lists the open episodes.\n", host);
}

static int send_alert(struct mail_opts *o)
{
	const char *v[F__N];
	struct buf subj, text;
	int rc;
	for (int i = 0; i < F__N; i++) {
		char name[64];
		snprintf(name, sizeof name, "BOUNCEWATCH_%s", facts[i].var);
		v[i] = o->test ? facts[i].sample : getenv(name);
	}
	if (v[F_EVENT] == NULL || (strcmp(v[F_EVENT], "open") && strcmp(v[F_EVENT], "clear"))) {
		msg_info("alert-mail: no alert in the environment (BOUNCEWATCH_EVENT open|clear); "
			 "bouncewatch tail --alert-mail ADDR runs this, --test sends a sample");
		return EXIT_USAGE;
	}
	buf_init(&subj);
	buf_init(&text);
	subject(&subj, v, o->test);
	body(&text, v, o->host, o->test);
	const char *const extra[] = { "Auto-Submitted", "auto-generated", "X-Bouncewatch-Event",
		v[F_EVENT], "X-Bouncewatch-Episode", fact(v, F_EPISODE), NULL };
	rc = cmd_mail_send(o, "alert-mail", subj.p, text.p, NULL, extra);
	buf_release(&subj);
	buf_release(&text);
	return rc;
}

static int alert_mail_exec(struct globals *g, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "mail-to", required_argument, NULL, 't' },
		{ "mail-from", required_argument, NULL, 'f' },
		{ "smtp-relay", required_argument, NULL, 'r' },
		{ "smtp-helo", required_argument, NULL, 'H' },
		{ "smtp-timeout", required_argument, NULL, 'T' },
		{ "test", no_argument, NULL, 'x' },
		{ NULL, 0, NULL, 0 },
	};
	struct mail_opts o = { 0 };
	struct cmd_args a;
	int c;
	cmd_args_init(&a, g, argc, argv, NULL, longopts);
	while ((c = cmd_args_next(&a)) != -1) {
		switch (c) {
		case 't': o.to = a.arg; break;
		case 'f': o.from = a.arg; break;
		case 'r': o.relay = a.arg; break;
		case 'H': o.helo = a.arg; break;
		case 'T': o.timeout = a.arg; o.timeout_opt = "--smtp-timeout"; break;
		case 'x': o.test = 1; break;
		case 'h': usage(stdout); return EXIT_OK;
		default:
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (a.optind < argc) {
		msg_info("alert-mail: unexpected argument '%s'", argv[a.optind]);
		return EXIT_USAGE;
	}
	if (cmd_mail_settle(&o, "alert-mail") < 0)
		return EXIT_USAGE;
	return send_alert(&o);
}

const struct cmd cmd_alert_mail = {
	.name = "alert-mail",
	.summary = "mail one alert over SMTP (what --alert-mail runs)",
	.exec = alert_mail_exec,
};
