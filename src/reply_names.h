/* reply_names - the DNS names and words of a remote reply
 *
 * A reply often says who wrote it even when the log line does not: the
 * receiver's own host name ("[AM0PR01MB1234.eurprd01.prod.protection.outlook.com]",
 * "[xx.messagelabs.com]"), the recipient's address ("<user@hotmail.it>"),
 * or a word its servers add to every reply ("- gsmtp"). This module only
 * cuts the text into such tokens; what they name is the rules' business
 * (rules.h, ATTRIBUTION). Base layer: uses nothing of ours.
 */
#ifndef BW_REPLY_NAMES_H
#define BW_REPLY_NAMES_H
#include <stddef.h>

struct reply_token {
	const char *p;		/* into the text, not NUL-terminated */
	size_t len;
	int name;		/* a DNS name: inner dots, a last label of two or more letters */
	int address;		/* a name right after '@' (an address's domain) */
	int client;		/* a name as Postfix quotes the client: right after
				 * '<' ("<helo.name>: Helo command rejected") or right
				 * before '[' ("<host[192.0.2.1]>: Client host rejected"),
				 * or in brackets after the word "host" ("Client host
				 * [mx.example.org] blocked using ...") */
};

/* The next token of text[0..len) at or after *pos: a run of letters,
 * digits, '-', '_' and '.' without the dots, hyphens and underscores at its
 * ends. Returns 1 and fills *tok, advancing *pos past it, or 0 at the end.
 * text is any bytes. */
int reply_token_next(const char *text, size_t len, size_t *pos, struct reply_token *tok);

#endif
