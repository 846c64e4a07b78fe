/* smtp_client - hand one message to a relay over SMTP
 *
 * A plain RFC 5321 client for a relay that accepts our mail without
 * authentication (a local Postfix, a smarthost that trusts our address):
 * connect (every address of the host in turn), EHLO (HELO when the server
 * refuses it), MAIL FROM, one RCPT TO per recipient, DATA with the
 * message's lines ending in CRLF and dot-stuffed (4.5.2), QUIT. Replies may
 * span several lines ("250-..." then "250 ..."). One deadline bounds the
 * whole session. No TLS, no AUTH, no pipelining. The server's words are
 * untrusted: they reach the caller's error text made printable and cut.
 * Base layer: libc, buf and log_printable.
 */
#ifndef BW_SMTP_CLIENT_H
#define BW_SMTP_CLIENT_H
#include <stddef.h>
#include "buf.h"

#define SMTP_ADDR_MAX 254	/* a path's address (RFC 5321 4.5.3.1.3 less <>) */
#define SMTP_TEXT_MAX 512	/* reply text kept per reply */

/* Results. */
#define SMTP_OK 0
#define SMTP_TEMP (-1)	/* try again later: no connection, timeout, 4yz, a broken reply */
#define SMTP_PERM (-2)	/* the relay refused for good (5yz) */

struct smtp_cfg {
	const char *host;	/* name or address of the relay */
	const char *port;	/* service or number, "25" */
	const char *helo;	/* our name in EHLO / HELO */
	double timeout;		/* seconds for the whole session */
};

/* Sends the message data[0..len) (headers and body, lines ending in LF or
 * CRLF) from `from` (may be "" for the null sender) to rcpt[0..nrcpt).
 * Recipients the relay refuses are skipped while at least one is accepted;
 * they are then named in err and the result is SMTP_OK. Otherwise err says
 * which step failed and what the relay said. */
int smtp_send(const struct smtp_cfg *c, const char *from, const char *const *rcpt, size_t nrcpt,
	      const char *data, size_t len, char *err, size_t errlen);

/* 1 when addr can go between < and > in MAIL FROM / RCPT TO as we write
 * it: local@domain or a bare "postmaster", printable ASCII without space,
 * <, >, ( ), quotes, backslash, comma or ';', at most SMTP_ADDR_MAX. */
int smtp_addr_ok(const char *addr);

/* Splits "host", "host:port", "[v6]" or "[v6]:port" (port defaults to
 * "25"). 0, or -1 for an empty or malformed relay or one that does not fit. */
int smtp_parse_relay(const char *relay, char *host, size_t hostlen, char *port, size_t portlen);

/* The DATA stream of a message: every line ends in CRLF (a bare LF or CR
 * becomes CRLF), a line that starts with '.' gets another '.', and the
 * terminating ".\r\n" follows. */
void smtp_data(struct buf *out, const char *data, size_t len);

/* A reply being read line by line. */
struct smtp_reply {
	int code;		/* 3 digits, once the first line came */
	int done;		/* the last line ("NNN " or "NNN") came */
	size_t textlen;
	char text[SMTP_TEXT_MAX];	/* the lines' text joined by spaces, cut */
};

/* Feeds one reply line (without CRLF) into r, which starts zeroed. 1 when
 * the reply is complete, 0 when more lines follow, -1 when the line is not
 * a reply line or its code differs from the first line's. */
int smtp_reply_line(struct smtp_reply *r, const char *line, size_t n);

#endif
