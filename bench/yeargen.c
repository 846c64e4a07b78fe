/* yeargen - a database holding a simulated period of a busy server, written
 * directly through the store (no log, no parsing), for the rollup benchmark
 *
 * usage: yeargen DB ROWS DAYS [END_EPOCH [SEED]]
 *
 * Stores ROWS outgoing attempts spread evenly over DAYS days ending at
 * END_EPOCH (default 2026-12-01T00:00:00Z) through store_add() in batches of
 * 10,000, exactly as ingest does (rows and their rollups in one
 * transaction). The mix: 12 providers and their pools, 3,000 recipient
 * domains (a few big ones take most mail), 2 MX addresses per domain, 4
 * sending IPs, 2 log hosts, 200 senders and the null sender; 95 % sent,
 * 3.5 % deferred, 1.5 % bounced, a fifth of the refusals blocks naming the
 * sending IP, some a block list; 1 in 50 attempts a local delivery. Deterministic: the same arguments give
 * the same rows. Prints rows/s at the end.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "store.h"

static uint64_t rng = 88172645463325252ULL;
static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}
static unsigned pick(unsigned n) { return (unsigned)(next() % n); }

static struct str S(const char *p) { return (struct str){ p, strlen(p) }; }

static const char *const providers[][2] = {
	{ "google", "google" }, { "google", "google/workspace" }, { "microsoft", "microsoft" },
	{ "microsoft", "microsoft/m365" }, { "yahoo", "yahoo" }, { "apple", "apple" },
	{ "gmx", "gmx" }, { "t-online", "t-online" }, { "comcast", "comcast" },
	{ "orange", "orange" }, { "mailru", "mailru" }, { NULL, NULL },
};
#define NPROV (sizeof providers / sizeof providers[0])
#define NDOMAINS 3000

static const char *const replies[] = {
	"421 4.7.28 Our system has detected an unusual rate of unsolicited mail",
	"550 5.7.1 Unfortunately, messages from [203.0.113.9] weren't sent (S3140)",
	"451 4.7.650 The mail server [203.0.113.7] has been temporarily rate limited",
	"550 5.1.1 The email account that you tried to reach does not exist",
	"421 4.7.0 [TSS04] Messages from 203.0.113.8 temporarily deferred",
	"554 5.7.1 Service unavailable; Client host [203.0.113.10] blocked using zen.spamhaus.org",
	"452 4.2.2 The email account that you tried to reach is over quota",
};
#define NREPLIES (sizeof replies / sizeof replies[0])

int main(int argc, char **argv)
{
	char err[1024], qid[24], rcpt[96], dom[48], relay[64], rip[24], from[48];
	if (argc < 4) {
		fprintf(stderr, "usage: yeargen DB ROWS DAYS [END_EPOCH [SEED]]\n");
		return 2;
	}
	long long rows = strtoll(argv[2], NULL, 10);
	double days = strtod(argv[3], NULL);
	double end = argc > 4 ? strtod(argv[4], NULL) : 1796083200.0;
	if (argc > 5)
		rng += strtoull(argv[5], NULL, 10);
	double start = end - days * 86400.0, step = days * 86400.0 / (double)rows;
	struct store *st = store_open(argv[1], STORE_WRITE, err, sizeof err);
	if (st == NULL || rows <= 0) {
		fprintf(stderr, "yeargen: %s\n", st ? "ROWS must be > 0" : err);
		return 1;
	}
	struct source_ident id = { .dev = 1, .ino = 1, .fp = 1, .fp_len = 1 };
	int64_t src = store_source_new(st, "yeargen", &id, err, sizeof err);
	if (src < 0) {
		fprintf(stderr, "yeargen: %s\n", err);
		return 1;
	}
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (long long i = 0; i < rows; i++) {
		struct delivery d;
		struct verdict v;
		delivery_reset(&d);
		memset(&v, 0, sizeof v);
		if (i % 10000 == 0 && store_begin(st, err, sizeof err) < 0)
			goto fail;
		d.ts = start + (double)i * step + (double)pick(1000) / 1000.0 * step;
		d.mta = "postfix";
		d.host = S(i % 3 ? "mx1.example.com" : "mx2.example.com");
		/* a few big domains take most mail: the square of a uniform pick */
		unsigned u = pick(NDOMAINS), di = (unsigned)((unsigned long long)u * u / NDOMAINS);
		unsigned p = di % NPROV;
		if (di < NPROV)
			snprintf(dom, sizeof dom, "%s.example", providers[p][0] ? providers[p][0] : "other");
		else
			snprintf(dom, sizeof dom, "d%u.example", di);
		snprintf(d.rcpt_domain, sizeof d.rcpt_domain, "%s", dom);
		snprintf(rcpt, sizeof rcpt, "u%u@%s", pick(400), dom);
		snprintf(qid, sizeof qid, "%010llX", (unsigned long long)(i / 2));
		snprintf(relay, sizeof relay, "mx%u.%s", di % 2, dom);
		snprintf(rip, sizeof rip, "198.51.%u.%u", di % 250, 1 + di % 2);
		d.queue_id = S(qid);
		d.recipient = S(rcpt);
		/* 200 sending accounts, a few of them most of the mail; 1 in 25
		 * attempts a bounce with the null sender */
		unsigned a = pick(200), ai = a * a / 200;
		snprintf(from, sizeof from, "user%u@example.com", ai);
		d.has_sender = 1;
		d.sender = pick(25) == 0 ? S("") : S(from);
		d.local = pick(50) == 0;
		if (d.local) {
			d.program = S("postfix/lmtp");
			d.relay_host = S("mail.example.com");
			d.relay_ip = S("127.0.0.1");
			d.status = DS_SENT;
			d.delay = (double)pick(300) / 100.0;
		} else {
			unsigned r = pick(1000);
			d.program = S("postfix/smtp");
			d.relay_host = S(relay);
			d.relay_ip = S(rip);
			d.status = r < 950 ? DS_SENT : r < 985 ? DS_DEFERRED : DS_BOUNCED;
			d.delay = (double)pick(2000) / 100.0;
			v.provider = providers[p][0];
			v.pool = providers[p][1];
			if (d.status != DS_SENT) {
				d.reply = S(replies[pick(NREPLIES)]);
				v.block = pick(5) == 0;
				v.category = v.block ? "reputation" : "other";
				if (v.block)
					snprintf(v.sending_ip, sizeof v.sending_ip, "203.0.113.%u", 7 + pick(4));
				if (v.block && pick(4) == 0)
					snprintf(v.blocklist, sizeof v.blocklist, "spamhaus-zen");
			}
		}
		if (store_add(st, src, (uint64_t)i, &d, &v, err, sizeof err) < 0)
			goto fail;
		if ((i + 1) % 10000 == 0 || i + 1 == rows) {
			if (store_commit(st, err, sizeof err) < 0)
				goto fail;
		}
	}
	if (store_close_hours(st, err, sizeof err) < 0)
		goto fail;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("yeargen: %lld rows over %g days in %.1f s (%.0f rows/s)\n", rows, days, s,
	       (double)rows / s);
	store_free(st);
	return 0;
fail:
	fprintf(stderr, "yeargen: %s\n", err);
	store_free(st);
	return 1;
}
