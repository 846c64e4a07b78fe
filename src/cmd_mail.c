/* cmd_mail - the mail settings of alert-mail and digest (see cmd_mail.h) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cmd.h"
#include "clock.h"
#include "cmd_mail.h"
#include "log.h"
#include "mime.h"
#include "optnum.h"

static const char *env_or(const char *opt, const char *name, const char *def)
{
	const char *v = getenv(name);
	return opt ? opt : v && *v ? v : def;
}

/* Splits o->to at commas into o->rcpt, checking each address. */
static int split_rcpt(struct mail_opts *o, const char *cmd)
{
	char *save = NULL, *tok;
	snprintf(o->to_buf, sizeof o->to_buf, "%s", o->to);
	for (tok = strtok_r(o->to_buf, ", ", &save); tok; tok = strtok_r(NULL, ", ", &save)) {
		if (!smtp_addr_ok(tok) || o->nrcpt == RCPT_MAX) {
			msg_info("%s: bad recipient '%s' (or more than %d)", cmd, tok, RCPT_MAX);
			return -1;
		}
		o->rcpt[o->nrcpt++] = tok;
	}
	if (o->nrcpt == 0)
		msg_info("%s: no recipient", cmd);
	return o->nrcpt ? 0 : -1;
}

/* Option and environment values resolved and checked; 0, or -1 (said). */
int cmd_mail_settle(struct mail_opts *o, const char *cmd)
{
	long t;
	char err[512];
	/* named as the user set it: the option, else the environment variable */
	const char *tname = o->timeout ? o->timeout_opt : "BOUNCEWATCH_SMTP_TIMEOUT";
	if (gethostname(o->host, sizeof o->host) != 0 || o->host[0] == '\0' ||
	    strspn(o->host, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-") !=
		    strlen(o->host))
		snprintf(o->host, sizeof o->host, "localhost");
	/* a host name too long for an address (RFC 5321 4.5.3.1.3) gives none */
	if (snprintf(o->from_buf, sizeof o->from_buf, "bouncewatch@%s", o->host) >=
	    (int)sizeof o->from_buf)
		snprintf(o->from_buf, sizeof o->from_buf, "bouncewatch@localhost");
	o->to = env_or(o->to, "BOUNCEWATCH_MAIL_TO", "postmaster");
	o->from = env_or(o->from, "BOUNCEWATCH_MAIL_FROM", o->from_buf);
	o->relay = env_or(o->relay, "BOUNCEWATCH_SMTP_RELAY", "localhost:25");
	o->helo = env_or(o->helo, "BOUNCEWATCH_SMTP_HELO", o->host);
	o->timeout = env_or(o->timeout, "BOUNCEWATCH_SMTP_TIMEOUT", "20s");
	if (split_rcpt(o, cmd) < 0)
		return -1;
	if (!smtp_addr_ok(o->from)) {
		msg_info("%s: bad sender address '%s'", cmd, o->from);
		return -1;
	}
	if (smtp_parse_relay(o->relay, o->relay_host, sizeof o->relay_host, o->relay_port,
			     sizeof o->relay_port) < 0) {
		msg_info("%s: bad relay '%s' (HOST, HOST:PORT or [IPv6]:PORT)", cmd, o->relay);
		return -1;
	}
	if (o->helo[0] == '\0' || strspn(o->helo, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
					"0123456789.-[]:") != strlen(o->helo) || strlen(o->helo) > 255) {
		msg_info("%s: bad EHLO name '%s'", cmd, o->helo);
		return -1;
	}
	if (optnum_duration(tname, o->timeout, 1, LONG_MAX, &t, err, sizeof err) < 0) {
		msg_info("%s: %s", cmd, err);
		return -1;
	}
	o->seconds = (double)t;
	return 0;
}


void cmd_mail_message(const struct mail_opts *o, const char *subject, const char *text,
		      const char *html, const char *const *headers, struct buf *out)
{
	struct buf to;
	buf_init(&to);
	for (size_t i = 0; i < o->nrcpt; i++)
		buf_addf(&to, "%s%s", i ? ", " : "", o->rcpt[i]);
	mime_message(out, &(struct mime_msg){ .from = o->from, .to = to.p, .subject = subject,
					      .date = clock_now(), .text = text, .html = html,
					      .headers = headers });
	buf_release(&to);
}

int cmd_mail_send(const struct mail_opts *o, const char *cmd, const char *subject, const char *text,
		  const char *html, const char *const *headers)
{
	struct buf msg;
	char err[2048];
	int rc;
	buf_init(&msg);
	cmd_mail_message(o, subject, text, html, headers, &msg);
	struct smtp_cfg cfg = { .host = o->relay_host, .port = o->relay_port, .helo = o->helo,
				.timeout = o->seconds };
	rc = smtp_send(&cfg, o->from, o->rcpt, o->nrcpt, msg.p, msg.len, err, sizeof err);
	if (rc != SMTP_OK)
		msg_info("%s: not sent to %s: %s", cmd, o->to, err);
	else if (err[0])
		msg_warn("%s: %s", cmd, err);
	buf_release(&msg);
	return rc == SMTP_OK ? EXIT_OK : EXIT_RUNTIME;
}
