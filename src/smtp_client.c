/* smtp_client - one message, one relay (see smtp_client.h).
 *
 * Invariants: every read and write waits in poll() for at most what is
 * left of the session's deadline; the socket is closed on every path; a
 * reply line longer than REPLY_LINE_MAX is read to its end and cut; nothing
 * the server sends is copied into err without log_printable().
 */
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include "log.h"
#include "smtp_client.h"

#define REPLY_LINE_MAX 2048	/* RFC 5321 4.5.3.1.5 says 512; be lenient */
#define REPLY_LINES_MAX 100	/* lines of one reply before we call it broken */

int smtp_addr_ok(const char *a)
{
	size_t n = strlen(a);
	const char *at = strrchr(a, '@');
	if (n == 0 || n > SMTP_ADDR_MAX)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (a[i] <= ' ' || a[i] >= 0x7f || strchr("<>()\"\\,;[]", a[i]))
			return 0;
	if (at == NULL)
		return strcasecmp(a, "postmaster") == 0;
	return at != a && at[1] != '\0' && strchr(a, '@') == at;
}

int smtp_parse_relay(const char *relay, char *host, size_t hostlen, char *port, size_t portlen)
{
	const char *h = relay, *p = NULL;
	size_t hn;
	if (relay == NULL || *relay == '\0')
		return -1;
	if (*relay == '[') {
		const char *close = strchr(relay, ']');
		if (close == NULL || (close[1] != '\0' && close[1] != ':'))
			return -1;
		h = relay + 1;
		hn = (size_t)(close - h);
		p = close[1] == ':' ? close + 2 : NULL;
	} else {
		const char *colon = strchr(relay, ':');
		if (colon && strchr(colon + 1, ':'))	/* a bare IPv6 address: use [..] */
			return -1;
		hn = colon ? (size_t)(colon - relay) : strlen(relay);
		p = colon ? colon + 1 : NULL;
	}
	if (hn == 0 || hn >= hostlen || (p && (*p == '\0' || strspn(p, "0123456789") != strlen(p))))
		return -1;
	if (p && (strlen(p) > 5 || strtol(p, NULL, 10) < 1 || strtol(p, NULL, 10) > 65535))
		return -1;
	memcpy(host, h, hn);
	host[hn] = '\0';
	return snprintf(port, portlen, "%s", p ? p : "25") < (int)portlen ? 0 : -1;
}

void smtp_data(struct buf *out, const char *d, size_t n)
{
	int bol = 1;
	for (size_t i = 0; i < n; i++) {
		if (d[i] == '\r' || d[i] == '\n') {
			if (d[i] == '\r' && i + 1 < n && d[i + 1] == '\n')
				i++;
			buf_add(out, "\r\n", 2);
			bol = 1;
			continue;
		}
		if (bol && d[i] == '.')
			buf_addc(out, '.');
		buf_addc(out, d[i]);
		bol = 0;
	}
	if (!bol)
		buf_add(out, "\r\n", 2);
	buf_add(out, ".\r\n", 3);
}

int smtp_reply_line(struct smtp_reply *r, const char *s, size_t n)
{
	int code;
	if (n < 3 || s[0] < '2' || s[0] > '5' || s[1] < '0' || s[1] > '5' || s[2] < '0' ||
	    s[2] > '9' || (n > 3 && s[3] != ' ' && s[3] != '-'))
		return -1;
	code = (s[0] - '0') * 100 + (s[1] - '0') * 10 + (s[2] - '0');
	if (r->code && code != r->code)
		return -1;
	r->code = code;
	if (n > 4) {
		size_t room = sizeof r->text - 1 - r->textlen, k = n - 4;
		if (r->textlen && room) {
			r->text[r->textlen++] = ' ';
			room--;
		}
		if (k > room)
			k = room;
		memcpy(r->text + r->textlen, s + 4, k);
		r->textlen += k;
		r->text[r->textlen] = '\0';
	}
	r->done = n == 3 || s[3] == ' ';
	return r->done;
}

/* ---- the session ---- */

struct conn {
	int fd;
	double deadline;	/* CLOCK_MONOTONIC seconds */
	char in[4096];
	size_t inlen;
	char *err;
	size_t errlen;
	const char *relay;	/* "host:port" for messages */
};

static double mono(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

/* Waits until fd is ready for events; 0, or -1 with err on timeout. */
static int wait_fd(struct conn *c, short events, const char *what)
{
	for (;;) {
		struct pollfd p = { .fd = c->fd, .events = events };
		double left = c->deadline - mono();
		int r;
		if (left <= 0) {
			snprintf(c->err, c->errlen, "%s: timed out %s", c->relay, what);
			return -1;
		}
		r = poll(&p, 1, (int)(left * 1000) + 1);
		if (r > 0)
			return 0;
		if (r < 0 && errno != EINTR) {
			snprintf(c->err, c->errlen, "%s: poll: %s", c->relay, strerror(errno));
			return -1;
		}
	}
}

static int send_all(struct conn *c, const char *p, size_t n, const char *what)
{
	while (n > 0) {
		ssize_t w;
		if (wait_fd(c, POLLOUT, what) < 0)
			return -1;
		w = send(c->fd, p, n, MSG_NOSIGNAL);
		if (w < 0 && (errno == EAGAIN || errno == EINTR))
			continue;
		if (w <= 0) {
			snprintf(c->err, c->errlen, "%s: %s: %s", c->relay, what, strerror(errno));
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Reads one line (CRLF or LF removed) into line, cut at REPLY_LINE_MAX. */
static int read_line(struct conn *c, char *line, size_t *n, const char *what)
{
	*n = 0;
	for (;;) {
		char *nl = memchr(c->in, '\n', c->inlen);
		size_t take = nl ? (size_t)(nl - c->in) + 1 : c->inlen;
		size_t keep = take - (nl ? 1 : 0);
		if (keep > REPLY_LINE_MAX - *n)
			keep = REPLY_LINE_MAX - *n;
		memcpy(line + *n, c->in, keep);
		*n += keep;
		memmove(c->in, c->in + take, c->inlen - take);
		c->inlen -= take;
		if (nl) {
			if (*n && line[*n - 1] == '\r')
				(*n)--;
			return 0;
		}
		if (wait_fd(c, POLLIN, what) < 0)
			return -1;
		ssize_t r = recv(c->fd, c->in, sizeof c->in, 0);
		if (r < 0 && (errno == EAGAIN || errno == EINTR))
			continue;
		if (r <= 0) {
			snprintf(c->err, c->errlen, "%s: connection closed %s%s%s", c->relay, what,
				 r < 0 ? ": " : "", r < 0 ? strerror(errno) : "");
			return -1;
		}
		c->inlen = (size_t)r;
	}
}

static int read_reply(struct conn *c, struct smtp_reply *r, const char *what)
{
	char line[REPLY_LINE_MAX];
	*r = (struct smtp_reply){ 0 };
	for (int i = 0; i < REPLY_LINES_MAX; i++) {
		size_t n;
		int k;
		if (read_line(c, line, &n, what) < 0)
			return -1;
		if ((k = smtp_reply_line(r, line, n)) < 0) {
			char p[128];
			snprintf(c->err, c->errlen, "%s: not an SMTP reply %s: %s", c->relay, what,
				 log_printable(line, n, p, sizeof p));
			return -1;
		}
		if (k == 1)
			return 0;
	}
	snprintf(c->err, c->errlen, "%s: a reply of more than %d lines %s", c->relay, REPLY_LINES_MAX, what);
	return -1;
}

/* Sends cmd (may be NULL: only read), reads the reply. SMTP_OK when its
 * code is `want` (or 2yz when want is 0), else SMTP_TEMP / SMTP_PERM
 * with err naming the step and quoting the relay. */
static int step(struct conn *c, const char *cmd, size_t cmdlen, int want, const char *what,
		struct smtp_reply *r)
{
	char p[SMTP_TEXT_MAX + 8];
	*r = (struct smtp_reply){ 0 };
	if (cmd && send_all(c, cmd, cmdlen, what) < 0)
		return SMTP_TEMP;
	if (read_reply(c, r, what) < 0)
		return SMTP_TEMP;
	if (want ? r->code == want : r->code / 100 == 2)
		return SMTP_OK;
	snprintf(c->err, c->errlen, "%s: %s: %d %s", c->relay, what, r->code,
		 log_printable(r->text, r->textlen, p, sizeof p));
	return r->code / 100 == 5 ? SMTP_PERM : SMTP_TEMP;
}

/* Sends "<what><pre><arg><post>" CRLF as step() does. */
static int cmd_step(struct conn *c, const char *what, int want, struct smtp_reply *r,
		    const char *pre, const char *arg, const char *post)
{
	char cmd[SMTP_ADDR_MAX + 600];
	int n = snprintf(cmd, sizeof cmd, "%s%s%s%s\r\n", what, pre, arg, post);
	if (n < 0 || (size_t)n >= sizeof cmd) {
		snprintf(c->err, c->errlen, "%s: %s: argument too long", c->relay, what);
		return SMTP_PERM;
	}
	return step(c, cmd, (size_t)n, want, what, r);
}

/* Connects to the first address of host:port that answers. */
static int dial(struct conn *c, const struct smtp_cfg *cfg)
{
	struct addrinfo hints = { .ai_socktype = SOCK_STREAM, .ai_flags = AI_ADDRCONFIG }, *res, *a;
	int g = getaddrinfo(cfg->host, cfg->port, &hints, &res);
	if (g != 0) {
		snprintf(c->err, c->errlen, "%s: %s", c->relay, g == EAI_SYSTEM ? strerror(errno) : gai_strerror(g));
		return -1;
	}
	snprintf(c->err, c->errlen, "%s: no address", c->relay);
	for (a = res; a; a = a->ai_next) {
		int soerr = 0;
		socklen_t sl = sizeof soerr;
		c->fd = socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, a->ai_protocol);
		if (c->fd < 0)
			continue;
		if (connect(c->fd, a->ai_addr, a->ai_addrlen) == 0)
			break;
		soerr = errno;
		if (soerr == EINPROGRESS) {
			if (wait_fd(c, POLLOUT, "connecting") < 0) {	/* err says so */
				close(c->fd);
				c->fd = -1;
				continue;
			}
			if (getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &soerr, &sl) < 0)
				soerr = errno;
			if (soerr == 0)
				break;
		}
		snprintf(c->err, c->errlen, "%s: connect: %s", c->relay, strerror(soerr));
		close(c->fd);
		c->fd = -1;
	}
	freeaddrinfo(res);
	return c->fd >= 0 ? 0 : -1;
}

/* EHLO, or HELO when the server does not know EHLO (RFC 5321 3.2). */
static int greet(struct conn *c, const struct smtp_cfg *cfg, struct smtp_reply *r)
{
	int rc = step(c, NULL, 0, 220, "in the greeting", r);
	if (rc != SMTP_OK)
		return rc;
	rc = cmd_step(c, "EHLO", 250, r, " ", cfg->helo, "");
	if (rc == SMTP_PERM && (r->code == 500 || r->code == 502))
		rc = cmd_step(c, "HELO", 250, r, " ", cfg->helo, "");
	return rc;
}

/* RCPT TO for each; SMTP_OK when one or more were accepted (refusals noted
 * in refused), else the last refusal. */
static int recipients(struct conn *c, const char *const *rcpt, size_t nrcpt, char *refused,
		      size_t reflen, struct smtp_reply *r)
{
	size_t ok = 0, used = 0;
	int rc = SMTP_PERM;
	for (size_t i = 0; i < nrcpt; i++) {
		rc = cmd_step(c, "RCPT TO", 0, r, ":<", rcpt[i], ">");
		if (rc == SMTP_OK) {
			ok++;
			continue;
		}
		if (r->code == 0)	/* the connection broke */
			return rc;
		if (used < reflen) {
			int k = snprintf(refused + used, reflen - used, "%s%s", used ? "; " : "", c->err);
			used += k > 0 ? (size_t)k : 0;
		}
	}
	return ok ? SMTP_OK : rc;
}

static int session(struct conn *c, const struct smtp_cfg *cfg, const char *from,
		   const char *const *rcpt, size_t nrcpt, const char *data, size_t len)
{
	struct smtp_reply r;
	struct buf body;
	char refused[1024] = "";
	int rc;

	if ((rc = greet(c, cfg, &r)) != SMTP_OK ||
	    (rc = cmd_step(c, "MAIL FROM", 0, &r, ":<", from, ">")) != SMTP_OK ||
	    (rc = recipients(c, rcpt, nrcpt, refused, sizeof refused, &r)) != SMTP_OK ||
	    (rc = step(c, "DATA\r\n", 6, 354, "DATA", &r)) != SMTP_OK)
		return rc;
	buf_init(&body);
	smtp_data(&body, data, len);
	rc = step(c, body.p, body.len, 250, "after the message", &r);
	buf_release(&body);
	if (rc != SMTP_OK)
		return rc;
	step(c, "QUIT\r\n", 6, 221, "QUIT", &r);	/* the message is accepted already */
	if (refused[0])
		snprintf(c->err, c->errlen, "refused recipients: %s", refused);
	else
		c->err[0] = '\0';
	return SMTP_OK;
}

int smtp_send(const struct smtp_cfg *cfg, const char *from, const char *const *rcpt, size_t nrcpt,
	      const char *data, size_t len, char *err, size_t errlen)
{
	char relay[300];
	struct conn c = { .fd = -1, .err = err, .errlen = errlen, .relay = relay };
	int rc;

	snprintf(relay, sizeof relay, strchr(cfg->host, ':') ? "[%s]:%s" : "%s:%s", cfg->host, cfg->port);
	err[0] = '\0';
	c.deadline = mono() + cfg->timeout;
	if (nrcpt == 0) {
		snprintf(err, errlen, "no recipient");
		return SMTP_PERM;
	}
	if (dial(&c, cfg) < 0)
		return SMTP_TEMP;
	rc = session(&c, cfg, from, rcpt, nrcpt, data, len);
	close(c.fd);
	return rc;
}
