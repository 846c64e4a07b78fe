/* cmd_mail - the mail settings shared by `alert-mail` and `digest`
 *
 * Options, else BOUNCEWATCH_MAIL_TO, _MAIL_FROM, _SMTP_RELAY, _SMTP_HELO,
 * _SMTP_TIMEOUT, else defaults (postmaster, bouncewatch@HOSTNAME,
 * localhost:25, HOSTNAME, 20s); checked, with errors printed.
 */
#ifndef BW_CMD_MAIL_H
#define BW_CMD_MAIL_H
#include <stddef.h>
#include "buf.h"
#include "smtp_client.h"

#define RCPT_MAX 16

struct mail_opts {
	const char *to, *from, *relay, *helo, *timeout;
	const char *timeout_opt;	/* the option that set timeout ("--smtp-timeout") */
	int test;
	char to_buf[RCPT_MAX * (SMTP_ADDR_MAX + 2)];
	const char *rcpt[RCPT_MAX];
	size_t nrcpt;
	char from_buf[SMTP_ADDR_MAX + 1], host[256], relay_host[256], relay_port[16];
	double seconds;
};

/* Resolves and checks o's settings; 0, or -1 after saying why (cmd names
 * the command in the message). */
int cmd_mail_settle(struct mail_opts *o, const char *cmd);

/* The whole message (mime.h) from o to o's recipients, dated now. */
void cmd_mail_message(const struct mail_opts *o, const char *subject, const char *text,
		      const char *html, const char *const *headers, struct buf *out);

/* Builds the message (mime.h; html may be NULL, headers "Name", "value"
 * pairs NULL-terminated) and hands it to the relay. EXIT_OK when the relay
 * took it, else EXIT_RUNTIME after saying why. */
int cmd_mail_send(const struct mail_opts *o, const char *cmd, const char *subject, const char *text,
		  const char *html, const char *const *headers);

#endif
