/* smtpsink - a scripted SMTP server for end-to-end tests.
 *
 * SUMMARY
 *	smtpsink --addr 127.0.0.2 [--addr 127.0.0.3 ...] --port 2525
 *		[--table FILE] [--ready FILE] [--log FILE] [--name HOST]
 *		[--max-seconds N] [--conn-seconds N] [--save DIR]
 *
 * DESCRIPTION
 *	One process, one poll() loop, several listening loopback addresses and up
 *	to MAX_CONN sessions at once. Every reply the tests care about comes from
 *	the table file, one entry a line, KEY<TAB>REPLY:
 *
 *	  user@domain     reply to RCPT TO for that recipient
 *	  @domain         reply to RCPT TO for any recipient in that domain
 *	  eod:user@domain / eod:@domain
 *	                  reply at the end of DATA when that recipient was accepted
 *	  @greeting       the connect-time greeting (default 220)
 *	  @mail           reply to MAIL FROM (default 250)
 *
 *	Any key may end in "/127.0.0.x" so that it applies only to sessions that
 *	arrived on that listening address; such an entry wins over one without.
 *	A reply is one or more lines separated by the two characters "\n", e.g.
 *	"421-4.7.28 first\n421 4.7.28 last"; "!close" drops the connection instead
 *	of replying. Lookups ignore case. Unlisted recipients get 250.
 *
 *	Bounds: an SMTP line holds at most 1000 octets with CRLF (RFC 5321
 *	section 4.5.3.1.4); a longer command gets 500 and a longer data line is cut
 *	and counted. A session lasts at most --conn-seconds, the process at most
 *	--max-seconds, so a test that forgets to stop it still ends.
 *
 *	--save DIR keeps every message received: DIR/N.eml (N the session
 *	number, then -2, -3 ... for more messages in one session) with LF line
 *	ends and the dot-stuffing removed (RFC 5321 4.5.2), written under a
 *	temporary name and renamed once its final "." came.
 *
 *	Binds to 127.0.0.0/8 addresses only: it is a test tool, never a server.
 *	Depends on libc only; no project headers.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_ADDR 16
#define MAX_CONN 64
#define LINE_MAX_SMTP 1000	/* octets including CRLF, RFC 5321 4.5.3.1.4 */
#define MAX_RCPT 100		/* RFC 5321 4.5.3.1.8: at least 100 recipients */
#define MAX_ENTRIES 4096
#define KEY_MAX 320
#define REPLY_MAX 4096

enum stage { ST_CMD, ST_DATA };

struct entry {
	char key[KEY_MAX];	/* lower case, with optional "/addr" suffix */
	char reply[REPLY_MAX];	/* CRLF-separated, without the final CRLF */
};

struct conn {
	int fd;			/* -1: slot free */
	int lfd_index;		/* which listening address */
	unsigned id;
	time_t start;
	enum stage stage;
	char line[LINE_MAX_SMTP + 1];
	size_t len;
	int overlong;		/* current line exceeded the bound */
	int nrcpt;
	char eod_reply[REPLY_MAX];	/* first end-of-data reply of the accepted recipients */
	unsigned long data_lines, data_bytes, data_cut;
	FILE *save;		/* --save: the message being received */
	char save_tmp[512];
	unsigned nmsg;		/* messages of this session */
};

struct sink {
	int lfd[MAX_ADDR];
	char addr[MAX_ADDR][INET_ADDRSTRLEN];
	int naddr;
	int port;
	const char *name;
	const char *ready;
	const char *save_dir;
	FILE *log;
	long max_seconds, conn_seconds;
	struct entry *tab;
	int ntab;
	struct conn conn[MAX_CONN];
	unsigned next_id;
};

static volatile sig_atomic_t stop_flag;

static void on_signal(int sig)
{
	(void) sig;
	stop_flag = 1;
}

static void logf_(struct sink *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void logf_(struct sink *s, const char *fmt, ...)
{
	va_list ap;
	char ts[32];
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	strftime(ts, sizeof ts, "%H:%M:%S", &tm);
	fprintf(s->log, "%s smtpsink[%ld]: ", ts, (long) getpid());
	va_start(ap, fmt);
	vfprintf(s->log, fmt, ap);
	va_end(ap);
	fputc('\n', s->log);
	fflush(s->log);
}

/* Remote text is made printable before it reaches the log. */
static void printable(char *dst, size_t dstlen, const char *src, size_t n)
{
	size_t j = 0;

	for (size_t i = 0; i < n && j + 1 < dstlen; i++) {
		unsigned char c = (unsigned char) src[i];
		dst[j++] = (c >= 0x20 && c < 0x7f) ? (char) c : '?';
	}
	dst[j] = '\0';
}

static void lower(char *p)
{
	for (; *p; p++)
		*p = (char) tolower((unsigned char) *p);
}

/* "a\nb" (backslash, n) becomes "a\r\nb". */
static int unescape_reply(char *dst, size_t dstlen, const char *src)
{
	size_t j = 0;

	for (size_t i = 0; src[i]; i++) {
		if (j + 3 >= dstlen)
			return -1;
		if (src[i] == '\\' && src[i + 1] == 'n') {
			dst[j++] = '\r';
			dst[j++] = '\n';
			i++;
		} else {
			dst[j++] = src[i];
		}
	}
	dst[j] = '\0';
	return 0;
}

static int load_table(struct sink *s, const char *path)
{
	FILE *fp = fopen(path, "r");
	char buf[KEY_MAX + REPLY_MAX + 8];
	int lineno = 0, rc = -1;

	if (!fp) {
		fprintf(stderr, "smtpsink: open %s: %s\n", path, strerror(errno));
		return -1;
	}
	s->tab = calloc(MAX_ENTRIES, sizeof *s->tab);
	if (!s->tab)
		goto out;
	while (fgets(buf, sizeof buf, fp)) {
		char *tab, *end;

		lineno++;
		end = buf + strcspn(buf, "\r\n");
		*end = '\0';
		if (buf[0] == '#' || buf[0] == '\0')
			continue;
		tab = strchr(buf, '\t');
		if (!tab || (size_t) (tab - buf) >= KEY_MAX || s->ntab >= MAX_ENTRIES) {
			fprintf(stderr, "smtpsink: %s:%d: bad entry\n", path, lineno);
			goto out;
		}
		*tab = '\0';
		memcpy(s->tab[s->ntab].key, buf, (size_t) (tab - buf) + 1);
		lower(s->tab[s->ntab].key);
		if (unescape_reply(s->tab[s->ntab].reply, REPLY_MAX, tab + 1) < 0) {
			fprintf(stderr, "smtpsink: %s:%d: reply too long\n", path, lineno);
			goto out;
		}
		s->ntab++;
	}
	rc = 0;
out:
	fclose(fp);
	return rc;
}

static const char *lookup1(const struct sink *s, const char *key)
{
	for (int i = 0; i < s->ntab; i++)
		if (strcmp(s->tab[i].key, key) == 0)
			return s->tab[i].reply;
	return NULL;
}

/* KEY/addr first, then KEY. */
static const char *lookup(const struct sink *s, const struct conn *c, const char *key)
{
	char k[KEY_MAX + INET_ADDRSTRLEN + 2];
	const char *r;

	snprintf(k, sizeof k, "%s/%s", key, s->addr[c->lfd_index]);
	lower(k);
	if ((r = lookup1(s, k)) != NULL)
		return r;
	snprintf(k, sizeof k, "%s", key);
	lower(k);
	return lookup1(s, k);
}

/* Recipient: the address, then @domain; prefix "" for RCPT, "eod:" for end of data. */
static const char *lookup_rcpt(const struct sink *s, const struct conn *c,
			       const char *prefix, const char *rcpt)
{
	char k[KEY_MAX];
	const char *at = strrchr(rcpt, '@'), *r;

	snprintf(k, sizeof k, "%s%s", prefix, rcpt);
	if ((r = lookup(s, c, k)) != NULL || !at)
		return r;
	snprintf(k, sizeof k, "%s%s", prefix, at);
	return lookup(s, c, k);
}

static void conn_close(struct sink *s, struct conn *c, const char *why)
{
	logf_(s, "#%u closed (%s); data %lu lines %lu bytes %lu cut",
	      c->id, why, c->data_lines, c->data_bytes, c->data_cut);
	if (c->save) {	/* an unfinished message is not kept */
		fclose(c->save);
		c->save = NULL;
		unlink(c->save_tmp);
	}
	close(c->fd);
	c->fd = -1;
}

/* Sends REPLY (CRLF-separated lines) plus CRLF; "!close" drops the session.
 * Returns -1 when the session is gone. */
static int reply(struct sink *s, struct conn *c, const char *text)
{
	char out[REPLY_MAX + 2];
	int n;
	ssize_t w;

	if (strcmp(text, "!close") == 0) {
		conn_close(s, c, "scripted close");
		return -1;
	}
	n = snprintf(out, sizeof out, "%s\r\n", text);
	if (n < 0 || (size_t) n >= sizeof out)
		n = (int) sizeof out - 1;
	for (const char *p = text; *p;) {
		size_t k = strcspn(p, "\r");
		logf_(s, "#%u S: %.*s", c->id, (int) k, p);
		p += k;
		p += strspn(p, "\r\n");
	}
	w = send(c->fd, out, (size_t) n, MSG_NOSIGNAL);
	if (w != n) {
		conn_close(s, c, "short write");
		return -1;
	}
	return 0;
}

/* Extracts the address between < and > after "MAIL FROM:" / "RCPT TO:". */
static void path_arg(char *dst, size_t dstlen, const char *arg)
{
	const char *lt = strchr(arg, '<'), *gt;
	size_t n;

	if (!lt) {
		while (*arg == ' ')
			arg++;
		n = strcspn(arg, " ");
		snprintf(dst, dstlen, "%.*s", (int) n, arg);
		return;
	}
	gt = strchr(lt, '>');
	n = gt ? (size_t) (gt - lt - 1) : strlen(lt + 1);
	snprintf(dst, dstlen, "%.*s", (int) n, lt + 1);
}

static int verb_is(const char *line, const char *verb)
{
	size_t n = strlen(verb);
	return strncasecmp(line, verb, n) == 0
	    && (line[n] == '\0' || line[n] == ' ' || line[n] == ':');
}

static int do_rcpt(struct sink *s, struct conn *c, const char *line)
{
	char rcpt[KEY_MAX];
	const char *r, *eod;

	path_arg(rcpt, sizeof rcpt, line + 8);
	lower(rcpt);
	if (c->nrcpt >= MAX_RCPT)
		return reply(s, c, "452 4.5.3 Too many recipients");
	r = lookup_rcpt(s, c, "", rcpt);
	if (!r)
		r = "250 2.1.5 Ok";
	if (r[0] == '2') {
		c->nrcpt++;
		eod = lookup_rcpt(s, c, "eod:", rcpt);
		if (eod && c->eod_reply[0] == '\0')
			snprintf(c->eod_reply, sizeof c->eod_reply, "%s", eod);
	}
	return reply(s, c, r);
}

static void reset_txn(struct conn *c)
{
	c->nrcpt = 0;
	c->eod_reply[0] = '\0';
}

static void save_open(struct sink *s, struct conn *c)
{
	if (s->save_dir == NULL)
		return;
	snprintf(c->save_tmp, sizeof c->save_tmp, "%s/.%u-%u.tmp", s->save_dir, c->id, ++c->nmsg);
	if ((c->save = fopen(c->save_tmp, "w")) == NULL)
		logf_(s, "#%u save %s: %s", c->id, c->save_tmp, strerror(errno));
}

static void save_close(struct sink *s, struct conn *c)
{
	char name[600];
	if (c->save == NULL)
		return;
	if (c->nmsg > 1)
		snprintf(name, sizeof name, "%s/%u-%u.eml", s->save_dir, c->id, c->nmsg);
	else
		snprintf(name, sizeof name, "%s/%u.eml", s->save_dir, c->id);
	if (fclose(c->save) != 0 || rename(c->save_tmp, name) != 0)
		logf_(s, "#%u save %s: %s", c->id, name, strerror(errno));
	c->save = NULL;
}

static int do_command(struct sink *s, struct conn *c, const char *line)
{
	char buf[REPLY_MAX];
	const char *r;

	if (verb_is(line, "EHLO")) {
		snprintf(buf, sizeof buf, "250-%s\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n"
			 "250-8BITMIME\r\n250 ENHANCEDSTATUSCODES", s->name);
		reset_txn(c);
		return reply(s, c, buf);
	}
	if (verb_is(line, "HELO")) {
		snprintf(buf, sizeof buf, "250 %s", s->name);
		return reply(s, c, buf);
	}
	if (strncasecmp(line, "MAIL FROM:", 10) == 0) {
		reset_txn(c);
		r = lookup(s, c, "@mail");
		return reply(s, c, r ? r : "250 2.1.0 Ok");
	}
	if (strncasecmp(line, "RCPT TO:", 8) == 0)
		return do_rcpt(s, c, line);
	if (verb_is(line, "DATA")) {
		if (c->nrcpt == 0)
			return reply(s, c, "554 5.5.1 Error: no valid recipients");
		c->stage = ST_DATA;
		save_open(s, c);
		return reply(s, c, "354 End data with <CR><LF>.<CR><LF>");
	}
	if (verb_is(line, "RSET")) {
		reset_txn(c);
		return reply(s, c, "250 2.0.0 Ok");
	}
	if (verb_is(line, "NOOP"))
		return reply(s, c, "250 2.0.0 Ok");
	if (verb_is(line, "QUIT")) {
		if (reply(s, c, "221 2.0.0 Bye") == 0)
			conn_close(s, c, "quit");
		return -1;
	}
	if (verb_is(line, "STARTTLS"))
		return reply(s, c, "502 5.5.1 Error: command not implemented");
	return reply(s, c, "502 5.5.2 Error: command not recognized");
}

static int do_data_line(struct sink *s, struct conn *c, const char *line, size_t len)
{
	if (!(len == 1 && line[0] == '.')) {
		c->data_lines++;
		c->data_bytes += len;
		if (c->save) {
			size_t dot = line[0] == '.';	/* transparency, RFC 5321 4.5.2 */
			fwrite(line + dot, 1, len - dot, c->save);
			fputc('\n', c->save);
		}
		return 0;
	}
	save_close(s, c);
	c->stage = ST_CMD;
	logf_(s, "#%u message: %lu lines %lu bytes", c->id, c->data_lines, c->data_bytes);
	if (c->eod_reply[0])
		return reply(s, c, c->eod_reply);
	return reply(s, c, "250 2.0.0 Ok: queued as SINK");
}

/* One complete line (CRLF or LF stripped). Returns -1 when the session ended. */
static int do_line(struct sink *s, struct conn *c, char *line, size_t len, int cut)
{
	char shown[LINE_MAX_SMTP + 1];

	if (c->stage == ST_DATA) {
		c->data_cut += cut != 0;
		return do_data_line(s, c, line, len);
	}
	printable(shown, sizeof shown, line, len);
	logf_(s, "#%u C: %s%s", c->id, shown, cut ? " [cut]" : "");
	if (cut)
		return reply(s, c, "500 5.5.0 Error: line too long");
	return do_command(s, c, line);
}

static void on_readable(struct sink *s, struct conn *c)
{
	char buf[4096];
	ssize_t n = recv(c->fd, buf, sizeof buf, 0);

	if (n <= 0) {
		conn_close(s, c, n == 0 ? "eof" : strerror(errno));
		return;
	}
	for (ssize_t i = 0; i < n && c->fd >= 0; i++) {
		if (buf[i] != '\n') {
			if (c->len < LINE_MAX_SMTP)
				c->line[c->len++] = buf[i];
			else
				c->overlong = 1;
			continue;
		}
		if (c->len > 0 && c->line[c->len - 1] == '\r')
			c->len--;
		c->line[c->len] = '\0';
		/* The bound includes CRLF: 998 octets of text at most. */
		int cut = c->overlong || c->len > LINE_MAX_SMTP - 2;
		size_t len = c->len;
		c->len = 0;
		c->overlong = 0;
		if (do_line(s, c, c->line, len, cut) < 0)
			return;
	}
}

static void on_accept(struct sink *s, int li)
{
	struct sockaddr_in peer;
	socklen_t plen = sizeof peer;
	char pa[INET_ADDRSTRLEN], greet[REPLY_MAX];
	const char *g;
	int fd = accept(s->lfd[li], (struct sockaddr *) &peer, &plen);
	struct conn *c = NULL;

	if (fd < 0)
		return;
	for (int i = 0; i < MAX_CONN; i++)
		if (s->conn[i].fd < 0) {
			c = &s->conn[i];
			break;
		}
	if (!c) {
		(void) send(fd, "421 4.3.2 Too many connections\r\n", 32, MSG_NOSIGNAL);
		close(fd);
		return;
	}
	memset(c, 0, sizeof *c);
	c->fd = fd;
	c->lfd_index = li;
	c->id = ++s->next_id;
	c->start = time(NULL);
	inet_ntop(AF_INET, &peer.sin_addr, pa, sizeof pa);
	logf_(s, "#%u connect from %s:%d to %s:%d", c->id, pa, ntohs(peer.sin_port),
	      s->addr[li], s->port);
	g = lookup(s, c, "@greeting");
	if (!g) {
		snprintf(greet, sizeof greet, "220 %s ESMTP smtpsink", s->name);
		g = greet;
	}
	(void) reply(s, c, g);
}

static int listen_on(struct sink *s, int i)
{
	struct sockaddr_in sa;
	int one = 1, fd;

	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_port = htons((unsigned short) s->port);
	if (inet_pton(AF_INET, s->addr[i], &sa.sin_addr) != 1
	    || (ntohl(sa.sin_addr.s_addr) >> 24) != 127) {
		fprintf(stderr, "smtpsink: %s: not a 127.0.0.0/8 address\n", s->addr[i]);
		return -1;
	}
	fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (bind(fd, (struct sockaddr *) &sa, sizeof sa) < 0 || listen(fd, 64) < 0) {
		fprintf(stderr, "smtpsink: %s:%d: %s\n", s->addr[i], s->port, strerror(errno));
		close(fd);
		return -1;
	}
	s->lfd[i] = fd;
	return 0;
}

static int write_ready(const char *path)
{
	char tmp[4096];
	FILE *fp;

	snprintf(tmp, sizeof tmp, "%s.tmp", path);
	fp = fopen(tmp, "w");
	if (!fp)
		return -1;
	fprintf(fp, "%ld\n", (long) getpid());
	if (fclose(fp) != 0)
		return -1;
	return rename(tmp, path);	/* the marker appears complete or not at all */
}

static void expire(struct sink *s, time_t now)
{
	for (int i = 0; i < MAX_CONN; i++) {
		struct conn *c = &s->conn[i];
		if (c->fd >= 0 && now - c->start >= s->conn_seconds) {
			(void) reply(s, c, "421 4.4.2 smtpsink Error: timeout exceeded");
			if (c->fd >= 0)
				conn_close(s, c, "time limit");
		}
	}
}

static int serve(struct sink *s)
{
	struct pollfd pfd[MAX_ADDR + MAX_CONN];
	int map[MAX_ADDR + MAX_CONN];
	time_t t0 = time(NULL);

	while (!stop_flag) {
		int n = 0;
		time_t now = time(NULL);

		if (now - t0 >= s->max_seconds) {
			logf_(s, "max-seconds %ld reached, exiting", s->max_seconds);
			break;
		}
		expire(s, now);
		for (int i = 0; i < s->naddr; i++) {
			pfd[n] = (struct pollfd) { .fd = s->lfd[i], .events = POLLIN };
			map[n++] = -1 - i;
		}
		for (int i = 0; i < MAX_CONN; i++)
			if (s->conn[i].fd >= 0) {
				pfd[n] = (struct pollfd) { .fd = s->conn[i].fd, .events = POLLIN };
				map[n++] = i;
			}
		if (poll(pfd, (nfds_t) n, 500) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		for (int i = 0; i < n; i++) {
			if (!(pfd[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			if (map[i] < 0)
				on_accept(s, -1 - map[i]);
			else if (s->conn[map[i]].fd >= 0)
				on_readable(s, &s->conn[map[i]]);
		}
	}
	for (int i = 0; i < MAX_CONN; i++)
		if (s->conn[i].fd >= 0)
			conn_close(s, &s->conn[i], "shutdown");
	return 0;
}

static long num_arg(const char *opt, const char *v, long lo, long hi)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(v, &end, 10);
	if (errno || *end || n < lo || n > hi) {
		fprintf(stderr, "smtpsink: %s: bad number '%s'\n", opt, v);
		exit(2);
	}
	return n;
}

static void usage(void)
{
	fprintf(stderr, "usage: smtpsink [--addr 127.0.0.x]... [--port N] [--table FILE]\n"
		"  [--ready FILE] [--log FILE] [--name HOST] [--max-seconds N] [--conn-seconds N]\n"
		"  [--save DIR]\n");
	exit(2);
}

static void parse_args(struct sink *s, int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		const char *o = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (!v)
			usage();
		i++;
		if (strcmp(o, "--addr") == 0 && s->naddr < MAX_ADDR)
			snprintf(s->addr[s->naddr++], INET_ADDRSTRLEN, "%s", v);
		else if (strcmp(o, "--port") == 0)
			s->port = (int) num_arg(o, v, 1, 65535);
		else if (strcmp(o, "--table") == 0) {
			if (load_table(s, v) < 0)
				exit(2);
		} else if (strcmp(o, "--ready") == 0)
			s->ready = v;
		else if (strcmp(o, "--name") == 0)
			s->name = v;
		else if (strcmp(o, "--save") == 0)
			s->save_dir = v;
		else if (strcmp(o, "--max-seconds") == 0)
			s->max_seconds = num_arg(o, v, 1, 86400);
		else if (strcmp(o, "--conn-seconds") == 0)
			s->conn_seconds = num_arg(o, v, 1, 86400);
		else if (strcmp(o, "--log") == 0) {
			if (!(s->log = fopen(v, "a"))) {
				fprintf(stderr, "smtpsink: %s: %s\n", v, strerror(errno));
				exit(2);
			}
		} else
			usage();
	}
}

int main(int argc, char **argv)
{
	static struct sink s;
	struct sigaction sa;

	s.port = 2525;
	s.name = "sink.example.org";
	s.max_seconds = 120;
	s.conn_seconds = 30;
	s.log = stderr;
	for (int i = 0; i < MAX_CONN; i++)
		s.conn[i].fd = -1;
	parse_args(&s, argc, argv);
	if (s.naddr == 0)
		snprintf(s.addr[s.naddr++], INET_ADDRSTRLEN, "127.0.0.1");
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	for (int i = 0; i < s.naddr; i++)
		if (listen_on(&s, i) < 0)
			return 1;
	if (s.ready && write_ready(s.ready) < 0) {
		fprintf(stderr, "smtpsink: %s: %s\n", s.ready, strerror(errno));
		return 1;
	}
	logf_(&s, "listening on %d address(es) port %d, %d table entries", s.naddr, s.port, s.ntab);
	serve(&s);
	free(s.tab);
	return 0;
}
