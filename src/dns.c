/* dns - c-ares channel, our reply reader, reverse names (see dns.h).
 *
 * Why c-ares: it is a stub resolver and nothing more (no cache, no
 * recursion, no threads), takes a server with a port
 * (ares_set_servers_ports_csv), a per-try timeout in milliseconds and a try
 * count, and runs many queries at once on one socket set whose descriptors a
 * poll loop can wait on. libunbound would bring a full recursive resolver and
 * its own threads; the libc resolver cannot take a port per call and runs one
 * query at a time (a block-list round of 6 lists x 2 types per IP would
 * wait 12 round trips, or 12 timeouts, instead of one).
 *
 * The wire reader below is bounded everywhere: names through
 * ares_expand_name (pointer loops refused by c-ares), every length checked
 * against the buffer before use.
 */
#include <arpa/inet.h>
#include <ares.h>
#include <poll.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dynlib.h"
#include "dns.h"
#include "xmalloc.h"

#define CARES_FUNCS(X) X(ares_cancel) X(ares_destroy) X(ares_expand_name) \
	X(ares_free_string) X(ares_getsock) X(ares_init_options) X(ares_library_cleanup) \
	X(ares_library_init) X(ares_process_fd) X(ares_query) X(ares_set_servers_ports_csv) \
	X(ares_strerror) X(ares_timeout)
DYNLIB_DEFINE(libcares, CARES_FUNCS, BW_SONAME_CARES, "libc-ares2", "DNS lookups (dnsbl, selfcheck)");

struct query {
	dns_done_fn done;
	void *arg;
	enum dns_type type;
	struct dns *d;
	struct query *next;	/* in the waiting line */
	char name[];		/* kept while waiting */
};

struct dns {
	ares_channel ch;
	char name[80];
	int pending;		/* submitted, not yet answered (waiting + in flight) */
	int inflight;		/* handed to c-ares */
	struct query *wait_head, *wait_tail;	/* beyond the window, in order */
	atomic_int cancelled;	/* dns_cancel(): set from any thread */
};

void dns_answer_release(struct dns_answer *a)
{
	for (int i = 0; i < a->n; i++)
		free(a->rr[i]);
	a->n = 0;
}

const char *dns_status_str(enum dns_status s)
{
	static const char *const names[] = { "ok", "nxdomain", "nodata", "servfail", "refused",
					     "timeout", "bad reply", "failed" };
	return (unsigned)s < sizeof names / sizeof names[0] ? names[s] : "?";
}

int dns_resolver_ok(const char *s)
{
	char host[64];
	const char *port = NULL;
	unsigned char buf[16];
	if (s[0] == '[') {
		const char *e = strchr(s, ']');
		if (e == NULL || (size_t)(e - s - 1) >= sizeof host)
			return 0;
		memcpy(host, s + 1, (size_t)(e - s - 1));
		host[e - s - 1] = '\0';
		if (e[1] == ':')
			port = e + 2;
		else if (e[1] != '\0')
			return 0;
		if (inet_pton(AF_INET6, host, buf) != 1)
			return 0;
	} else if (inet_pton(AF_INET6, s, buf) == 1) {
		return 1;
	} else {
		const char *c = strchr(s, ':');
		size_t n = c ? (size_t)(c - s) : strlen(s);
		if (n >= sizeof host)
			return 0;
		memcpy(host, s, n);
		host[n] = '\0';
		port = c ? c + 1 : NULL;
		if (inet_pton(AF_INET, host, buf) != 1)
			return 0;
	}
	if (port) {
		char *end;
		long p = strtol(port, &end, 10);
		if (*port == '\0' || *end != '\0' || p < 1 || p > 65535)
			return 0;
	}
	return 1;
}

struct dns *dns_new(const struct dns_opts *o, char *err, size_t errlen)
{
	struct ares_options ao;
	int mask = ARES_OPT_TIMEOUTMS | ARES_OPT_TRIES | ARES_OPT_FLAGS, r;
	struct dns *d;
	if (o->resolver && !dns_resolver_ok(o->resolver)) {
		snprintf(err, errlen, "resolver '%s' is not ADDRESS[:PORT] ([IPv6]:PORT for IPv6)",
			 o->resolver);
		return NULL;
	}
	if (dynlib_load(&libcares, err, errlen) < 0)
		return NULL;
	if ((r = dl_ares_library_init(ARES_LIB_INIT_ALL)) != ARES_SUCCESS) {
		snprintf(err, errlen, "c-ares: %s", dl_ares_strerror(r));
		return NULL;
	}
	memset(&ao, 0, sizeof ao);
	ao.timeout = o->timeout_ms > 0 ? o->timeout_ms : 2000;
	ao.tries = o->tries > 0 ? o->tries : 2;
	/* NOCHECKRESP: hand SERVFAIL and REFUSED replies to us instead of
	 * reporting "could not contact" after trying the next server. */
	ao.flags = ARES_FLAG_NOSEARCH | ARES_FLAG_NOALIASES | ARES_FLAG_NOCHECKRESP;
	d = xcalloc(1, sizeof *d);
	if ((r = dl_ares_init_options(&d->ch, &ao, mask)) != ARES_SUCCESS) {
		snprintf(err, errlen, "c-ares: %s", dl_ares_strerror(r));
		free(d);
		dl_ares_library_cleanup();
		return NULL;
	}
	if (o->resolver && (r = dl_ares_set_servers_ports_csv(d->ch, o->resolver)) != ARES_SUCCESS) {
		snprintf(err, errlen, "resolver '%s': %s", o->resolver, dl_ares_strerror(r));
		dns_free(d);
		return NULL;
	}
	snprintf(d->name, sizeof d->name, "%s", o->resolver ? o->resolver : "the system resolver");
	return d;
}

static void end_waiting(struct dns *d);

void dns_free(struct dns *d)
{
	if (d == NULL)
		return;
	end_waiting(d);
	dl_ares_destroy(d->ch);	/* pending callbacks run with ARES_EDESTRUCTION */
	free(d);
	dl_ares_library_cleanup();
}

void dns_cancel(struct dns *d)
{
	atomic_store(&d->cancelled, 1);
}

const char *dns_resolver_name(const struct dns *d)
{
	return d->name;
}

static unsigned get16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static unsigned get32(const unsigned char *p)
{
	return (unsigned)p[0] << 24 | (unsigned)p[1] << 16 | (unsigned)p[2] << 8 | p[3];
}

/* Skips (or reads into *name, owned) the name at p; -1 when unreadable. */
static int read_name(const unsigned char *buf, int len, const unsigned char **p, char **name)
{
	char *s = NULL;
	long n = 0;
	if (*p >= buf + len || dl_ares_expand_name(*p, buf, len, &s, &n) != ARES_SUCCESS)
		return -1;
	*p += n;
	if (name)
		*name = s;
	else
		dl_ares_free_string(s);
	return 0;
}

/* Makes TXT rdata (length-prefixed strings) one printable string. */
static char *txt_join(const unsigned char *p, unsigned rdlen)
{
	char *out = xmalloc(DNS_TEXT_MAX);
	size_t o = 0;
	for (unsigned i = 0; i < rdlen;) {
		unsigned n = p[i++];
		if (n > rdlen - i) {
			free(out);
			return NULL;
		}
		for (unsigned k = 0; k < n && o + 1 < DNS_TEXT_MAX; k++) {
			unsigned char c = p[i + k];
			out[o++] = (char)(c >= 0x20 && c < 0x7f ? c : '?');
		}
		i += n;
	}
	out[o] = '\0';
	return out;
}

static char *printable_name(char *s)
{
	for (char *c = s; *c; c++)
		if ((unsigned char)*c < 0x20 || (unsigned char)*c >= 0x7f)
			*c = '?';
	return s;
}

/* One record's rdata as text for the type asked, NULL when malformed. */
static char *rdata_text(const unsigned char *buf, int len, const unsigned char *rd,
			unsigned rdlen, unsigned rtype)
{
	char addr[INET6_ADDRSTRLEN];
	char *name = NULL;
	const unsigned char *q = rd;
	switch (rtype) {
	case DNS_A:
		return rdlen == 4 && inet_ntop(AF_INET, rd, addr, sizeof addr) ? xstrdup(addr) : NULL;
	case DNS_AAAA:
		return rdlen == 16 && inet_ntop(AF_INET6, rd, addr, sizeof addr) ? xstrdup(addr) : NULL;
	case DNS_TXT:
		return txt_join(rd, rdlen);
	case DNS_MX:
		if (rdlen < 3)
			return NULL;
		q += 2;
		/* fall through */
	case DNS_PTR:
	case DNS_CNAME:
		if (read_name(buf, len, &q, &name) < 0 || q > rd + rdlen) {
			if (name)
				dl_ares_free_string(name);
			return NULL;
		}
		{
			char *s = xstrdup(printable_name(name));
			dl_ares_free_string(name);
			return s;
		}
	}
	return NULL;
}

static void bad(struct dns_answer *out, const char *why)
{
	dns_answer_release(out);
	out->status = DNS_BADRESP;
	snprintf(out->why, sizeof out->why, "unreadable reply: %s", why);
}

/* Reads count records from *p; keeps answers of type into out, and the
 * smallest TTL (of kept answers, or of an SOA in the authority section). */
static int read_records(const unsigned char *buf, int len, const unsigned char **p,
			unsigned count, enum dns_type type, int authority, struct dns_answer *out)
{
	for (unsigned i = 0; i < count; i++) {
		if (read_name(buf, len, p, NULL) < 0 || *p + 10 > buf + len)
			return -1;
		unsigned rtype = get16(*p), rclass = get16(*p + 2), ttl = get32(*p + 4);
		unsigned rdlen = get16(*p + 8);
		const unsigned char *rd = *p + 10;
		if (rd + rdlen > buf + len)
			return -1;
		*p = rd + rdlen;
		if (ttl > 0x7fffffffu)
			ttl = 0;
		if (rclass != 1)
			continue;
		if (authority) {
			if (rtype == 6 && rdlen >= 22) {	/* SOA: negative TTL is min(ttl, minimum) */
				unsigned min = get32(rd + rdlen - 4);
				unsigned t = min < ttl ? min : ttl;
				if (out->ttl == 0 || t < out->ttl)
					out->ttl = t;
			}
			continue;
		}
		if (rtype != (unsigned)type)
			continue;
		char *text = rdata_text(buf, len, rd, rdlen, rtype);
		if (text == NULL)
			return -1;
		if (out->n >= DNS_RR_MAX) {
			free(text);
			continue;
		}
		out->rr[out->n++] = text;
		if (out->ttl == 0 || ttl < out->ttl)
			out->ttl = ttl;
	}
	return 0;
}

void dns_parse_reply(const unsigned char *buf, int len, enum dns_type type, struct dns_answer *out)
{
	const unsigned char *p = buf + 12;
	char err[sizeof out->why];
	memset(out, 0, sizeof *out);
	if (dynlib_load(&libcares, err, sizeof err) < 0) {	/* names: ares_expand_name */
		out->status = DNS_FAIL;
		snprintf(out->why, sizeof out->why, "%s", err);
		return;
	}
	if (buf == NULL || len < 12) {
		bad(out, "shorter than a DNS header");
		return;
	}
	unsigned flags = get16(buf + 2), qd = get16(buf + 4), an = get16(buf + 6),
		 ns = get16(buf + 8);
	if (!(flags & 0x8000)) {
		bad(out, "not a response");
		return;
	}
	if (flags & 0x0200) {
		bad(out, "truncated (TC) and not retried over TCP");
		return;
	}
	for (unsigned i = 0; i < qd; i++)
		if (read_name(buf, len, &p, NULL) < 0 || (p += 4) > buf + len) {
			bad(out, "question section");
			return;
		}
	if (read_records(buf, len, &p, an, type, 0, out) < 0) {
		bad(out, "answer section");
		return;
	}
	/* The negative-caching TTL; an unreadable authority section costs only that. */
	if (out->n == 0)
		(void)read_records(buf, len, &p, ns, type, 1, out);
	switch (flags & 0xf) {
	case 0:
		out->status = out->n > 0 ? DNS_OK : DNS_NODATA;
		break;
	case 3:
		dns_answer_release(out);
		out->status = DNS_NXDOMAIN;
		break;
	case 2:
		dns_answer_release(out);
		out->status = DNS_SERVFAIL;
		snprintf(out->why, sizeof out->why, "the resolver answered SERVFAIL");
		break;
	case 5:
		dns_answer_release(out);
		out->status = DNS_REFUSED;
		snprintf(out->why, sizeof out->why, "the resolver refused the query");
		break;
	default:
		dns_answer_release(out);
		out->status = DNS_FAIL;
		snprintf(out->why, sizeof out->why, "the resolver answered rcode %u", flags & 0xf);
	}
}

/* A c-ares status without a reply to read. */
static enum dns_status from_ares(int status)
{
	switch (status) {
	case ARES_ETIMEOUT: return DNS_TIMEOUT;
	case ARES_ENOTFOUND: return DNS_NXDOMAIN;
	case ARES_ENODATA: return DNS_NODATA;
	case ARES_ESERVFAIL: return DNS_SERVFAIL;
	case ARES_EREFUSED: return DNS_REFUSED;
	case ARES_EBADRESP: return DNS_BADRESP;
	default: return DNS_FAIL;
	}
}

static void on_reply(void *arg, int status, int timeouts, unsigned char *abuf, int alen)
{
	struct query *q = arg;
	struct dns_answer a;
	(void)timeouts;
	memset(&a, 0, sizeof a);
	if (abuf != NULL && alen > 0 && status != ARES_ETIMEOUT && status != ARES_ECONNREFUSED) {
		dns_parse_reply(abuf, alen, q->type, &a);
	} else {
		a.status = from_ares(status);
		if (status == ARES_ECANCELLED)
			snprintf(a.why, sizeof a.why, "cancelled: bouncewatch is stopping");
		else if (status == ARES_ETIMEOUT)
			snprintf(a.why, sizeof a.why, "no answer from %s in time", q->d->name);
		else
			snprintf(a.why, sizeof a.why, "%s: %s", q->d->name, dl_ares_strerror(status));
	}
	struct dns *d = q->d;
	d->pending--;
	d->inflight--;
	q->done(q->arg, &a);
	dns_answer_release(&a);
	free(q);
}

/* Hands waiting queries to c-ares while the window has room (from
 * dns_submit and each round of dns_run: a loop, not a callback chain, so a
 * query c-ares fails at once does not recurse into the next). */
static void fill_window(struct dns *d)
{
	while (d->inflight < DNS_WINDOW && d->wait_head && !atomic_load(&d->cancelled)) {
		struct query *q = d->wait_head;
		d->wait_head = q->next;
		if (!d->wait_head)
			d->wait_tail = NULL;
		d->inflight++;
		dl_ares_query(d->ch, q->name, 1 /* IN */, (int)q->type, on_reply, q);
	}
}

/* The queries still waiting end as cancelled (dns_cancel, dns_free). */
static void end_waiting(struct dns *d)
{
	while (d->wait_head) {
		struct query *q = d->wait_head;
		struct dns_answer a;
		d->wait_head = q->next;
		memset(&a, 0, sizeof a);
		a.status = from_ares(ARES_ECANCELLED);
		snprintf(a.why, sizeof a.why, "cancelled: bouncewatch is stopping");
		d->pending--;
		q->done(q->arg, &a);
		dns_answer_release(&a);
		free(q);
	}
	d->wait_tail = NULL;
}

void dns_submit(struct dns *d, const char *name, enum dns_type type, dns_done_fn done, void *arg)
{
	size_t len = strlen(name) + 1;
	struct query *q = xmalloc(sizeof *q + len);
	*q = (struct query){ .done = done, .arg = arg, .type = type, .d = d };
	memcpy(q->name, name, len);
	d->pending++;
	if (d->wait_tail)
		d->wait_tail->next = q;
	else
		d->wait_head = q;
	d->wait_tail = q;
	fill_window(d);
}

void dns_run(struct dns *d)
{
	while (d->pending > 0) {
		fill_window(d);
		ares_socket_t socks[ARES_GETSOCK_MAXNUM];
		struct pollfd pfd[ARES_GETSOCK_MAXNUM];
		struct timeval tv, *tvp;
		int bits = dl_ares_getsock(d->ch, socks, ARES_GETSOCK_MAXNUM), n = 0;
		for (int i = 0; i < ARES_GETSOCK_MAXNUM; i++) {
			/* c-ares' ARES_GETSOCK_WRITABLE shifts the int 1 by up to 31
			 * places (undefined behaviour): the same bits, unsigned */
			unsigned ub = (unsigned)bits;
			short ev = (short)(((ub >> i) & 1u ? POLLIN : 0) |
					   ((ub >> (i + ARES_GETSOCK_MAXNUM)) & 1u ? POLLOUT : 0));
			if (ev)
				pfd[n++] = (struct pollfd){ .fd = socks[i], .events = ev };
		}
		if (atomic_load(&d->cancelled)) {
			end_waiting(d);
			dl_ares_cancel(d->ch);	/* every pending callback runs now */
			continue;
		}
		tvp = dl_ares_timeout(d->ch, NULL, &tv);
		int ms = tvp ? (int)(tvp->tv_sec * 1000 + tvp->tv_usec / 1000) + 1 : 1000;
		if (ms > DNS_CANCEL_POLL_MS)	/* dns_cancel() is noticed this fast */
			ms = DNS_CANCEL_POLL_MS;
		if (poll(pfd, (nfds_t)n, ms) < 0)
			continue;	/* EINTR: the timeouts are the channel's own */
		if (n == 0) {
			dl_ares_process_fd(d->ch, ARES_SOCKET_BAD, ARES_SOCKET_BAD);
			continue;
		}
		for (int i = 0; i < n; i++)
			dl_ares_process_fd(d->ch,
					pfd[i].revents & (POLLIN | POLLERR | POLLHUP) ? pfd[i].fd : ARES_SOCKET_BAD,
					pfd[i].revents & POLLOUT ? pfd[i].fd : ARES_SOCKET_BAD);
		if (n > 0)	/* timeouts of queries on other sockets */
			dl_ares_process_fd(d->ch, ARES_SOCKET_BAD, ARES_SOCKET_BAD);
	}
}

static void keep(void *arg, struct dns_answer *a)
{
	struct dns_answer *out = arg;
	*out = *a;
	a->n = 0;
}

enum dns_status dns_lookup(struct dns *d, const char *name, enum dns_type type,
			   struct dns_answer *out)
{
	memset(out, 0, sizeof *out);
	dns_submit(d, name, type, keep, out);
	dns_run(d);
	return out->status;
}

int dns_reverse_name(const char *ip, const char *suffix, char *out, size_t outsz)
{
	unsigned char b[16];
	size_t o = 0;
	int n;
	if (inet_pton(AF_INET, ip, b) == 1) {
		n = snprintf(out, outsz, "%u.%u.%u.%u.%s", b[3], b[2], b[1], b[0],
			     suffix ? suffix : "in-addr.arpa");
		return n < 0 || (size_t)n >= outsz ? -1 : 0;
	}
	if (inet_pton(AF_INET6, ip, b) != 1)
		return -1;
	static const char hex[] = "0123456789abcdef";
	if (outsz < 64 + 1)
		return -1;
	for (int i = 15; i >= 0; i--) {
		out[o++] = hex[b[i] & 0xf];
		out[o++] = '.';
		out[o++] = hex[b[i] >> 4];
		out[o++] = '.';
	}
	n = snprintf(out + o, outsz - o, "%s", suffix ? suffix : "ip6.arpa");
	return n < 0 || (size_t)n >= outsz - o ? -1 : 0;
}
