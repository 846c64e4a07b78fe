/* dnscheck - shared options, cache and storing of the DNS checks (see
 * dnscheck.h). A "definite" answer is listed or not-listed: an error never
 * changes what we believe about a listing.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cmd.h"
#include "dnscheck.h"
#include "optnum.h"
#include "store_dnsbl.h"

void dnscheck_cfg_init(struct dnscheck_cfg *c)
{
	memset(c, 0, sizeof *c);
	c->dns.timeout_ms = 2000;
	c->dns.tries = 2;
	c->interval = 6 * 3600;
}

static int number(const char *opt, const char *v, long lo, long hi, int *out, char *err, size_t errlen)
{
	long n;
	if (optnum_long(opt, v, lo, hi, &n, err, errlen) < 0)
		return -1;
	*out = (int)n;
	return 1;
}

int dnscheck_opt(struct dnscheck_cfg *c, const char *name, const char *v, char *err, size_t errlen)
{
	if (strcmp(name, "resolver") == 0) {
		if (strcmp(v, "system") != 0 && !dns_resolver_ok(v)) {
			snprintf(err, errlen, "--resolver: '%s' is not ADDRESS[:PORT] ([IPv6]:PORT for IPv6)",
				 v);
			return -1;
		}
		c->dns.resolver = strcmp(v, "system") == 0 ? NULL : v;
		c->resolver_given = 1;
		return 1;
	}
	if (strcmp(name, "dns-timeout") == 0)
		return number("--dns-timeout", v, 10, 60000, &c->dns.timeout_ms, err, errlen);
	if (strcmp(name, "dns-tries") == 0)
		return number("--dns-tries", v, 1, 10, &c->dns.tries, err, errlen);
	if (strcmp(name, "dnsbl-zones") == 0) {
		c->zones = v;
		return 1;
	}
	if (strcmp(name, "dnsbl-lists") == 0) {
		c->lists = v;
		return 1;
	}
	if (strcmp(name, "domain") == 0 || strcmp(name, "helo") == 0) {
		if (*v == '\0' || strlen(v) > 253 || strspn(v, "abcdefghijklmnopqrstuvwxyz"
			"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_") != strlen(v)) {
			snprintf(err, errlen, "--%s: '%s' is not a domain name", name, v);
			return -1;
		}
		*(name[0] == 'd' ? &c->self.domain : &c->self.helo) = v;
		return 1;
	}
	if (strcmp(name, "dkim-selector") == 0) {
		if (c->self.nselectors >= SELFCHECK_SELECTORS_MAX || *v == '\0' || strlen(v) > 63 ||
		    strchr(v, '/') != NULL) {
			snprintf(err, errlen, "--dkim-selector: '%s' is not a selector, or more than %d given",
				 v, SELFCHECK_SELECTORS_MAX);
			return -1;
		}
		c->self.selectors[c->self.nselectors++] = v;
		return 1;
	}
	if (strcmp(name, "dnsbl-interval") == 0) {
		long s;
		if (optnum_duration("--dnsbl-interval", v, 0, LONG_MAX, &s, err, errlen) < 0)
			return -1;
		c->interval = (double)s;
		return 1;
	}
	return 0;
}

void dnscheck_usage(FILE *f)
{
	fprintf(f,
		"DNS:\n"
		"  --resolver ADDR[:PORT]  ask this resolver ([IPv6]:PORT; 'system' for\n"
		"                       /etc/resolv.conf). Spamhaus refuses public resolvers.\n"
		"  --dns-timeout MS     per try (2000); --dns-tries N (2)\n"
		"  --dnsbl-zones FILE   the block lists (default RULES/dnsbl.conf)\n"
		"  --dnsbl-lists A,B    only these lists of the file\n"
		"  --domain D           envelope sender domain for SPF, DKIM and DMARC\n"
		"  --helo NAME          the HELO name our MTA announces\n"
		"  --dkim-selector S    a DKIM selector of D (repeatable)\n");
}

struct dnsbl_conf *dnscheck_zones(const struct dnscheck_cfg *c, const char *rules_dir,
				  char *err, size_t errlen)
{
	char path[4096];
	struct dnsbl_conf *conf;
	if (c->zones) {
		snprintf(path, sizeof path, "%s", c->zones);
	} else {
		const char *dir = rules_dir && *rules_dir ? rules_dir :
				  access(BW_PATTERNS_DIR "/dnsbl.conf", R_OK) == 0 ? BW_PATTERNS_DIR : "patterns";
		snprintf(path, sizeof path, "%s/dnsbl.conf", dir);
	}
	if ((conf = dnsbl_conf_load(path, err, errlen)) == NULL)
		return NULL;
	if (c->lists && dnsbl_conf_select(conf, c->lists, err, errlen) < 0) {
		dnsbl_conf_free(conf);
		return NULL;
	}
	return conf;
}

struct cached {
	struct dnsbl_check *c;
	double now;
	int fresh;
};

static void copy(char *dst, size_t n, const char *s)
{
	snprintf(dst, n, "%s", s ? s : "");
}

static int from_row(void *arg, const struct dnsbl_row *r)
{
	struct cached *k = arg;
	struct dnsbl_check *c = k->c;
	k->fresh = r->expires > k->now;
	c->result = strcmp(r->result, "listed") == 0 ? DNSBL_LISTED :
		    strcmp(r->result, "not-listed") == 0 ? DNSBL_NOT_LISTED : DNSBL_ERROR;
	copy(c->codes, sizeof c->codes, r->codes);
	copy(c->labels, sizeof c->labels, r->labels);
	copy(c->txt, sizeof c->txt, r->txt);
	copy(c->error, sizeof c->error, r->error);
	return 0;
}

int dnscheck_cached(struct store *st, const struct dnsbl_conf *conf, const char *ip, double now,
		    struct dnsbl_check *out, char *err, size_t errlen)
{
	for (size_t z = 0; z < conf->n; z++) {
		struct cached k = { &out[z], now, 0 };
		memset(&out[z], 0, sizeof out[z]);
		copy(out[z].ip, sizeof out[z].ip, ip);
		out[z].zone = &conf->z[z];
		int r = store_dnsbl_latest(st, ip, conf->z[z].id, 0, from_row, &k, err, errlen);
		if (r < 0)
			return -1;
		if (r == 0 || !k.fresh)
			return 0;
	}
	return 1;
}

static int prev_listed(void *arg, const struct dnsbl_row *r)
{
	*(int *)arg = strcmp(r->result, "listed") == 0;
	return 0;
}

static double expiry(const struct dnsbl_check *c, double now)
{
	double ttl = c->result == DNSBL_ERROR ? DNSCHECK_ERROR_CACHE : (double)c->ttl;
	if (ttl < DNSCHECK_CACHE_MIN)
		ttl = DNSCHECK_CACHE_MIN;
	if (ttl > DNSCHECK_CACHE_MAX)
		ttl = DNSCHECK_CACHE_MAX;
	return now + ttl;
}

static const char *opt(const char *s)
{
	return s[0] ? s : NULL;
}

int dnscheck_store(struct store *st, const struct dnsbl_check *c, size_t n, double now,
		   dnscheck_change_fn changed, void *arg, char *err, size_t errlen)
{
	int changes = 0;
	if (store_begin(st, err, errlen) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		int was = -1, r = 0;
		if (c[i].result != DNSBL_ERROR)
			r = store_dnsbl_latest(st, c[i].ip, c[i].zone->id, 1, prev_listed, &was, err, errlen);
		struct dnsbl_row row = {
			.checked = now, .ip = c[i].ip, .zone = c[i].zone->id, .dns_zone = c[i].zone->zone,
			.result = dnsbl_result_str(c[i].result), .codes = opt(c[i].codes),
			.labels = opt(c[i].labels), .txt = opt(c[i].txt), .error = opt(c[i].error),
			.expires = expiry(&c[i], now),
		};
		if (r < 0 || store_dnsbl_add(st, &row, err, errlen) < 0)
			goto fail;
		int now_listed = c[i].result == DNSBL_LISTED;
		/* A first answer "not listed" is no change; a first listing is. */
		if (c[i].result != DNSBL_ERROR && (was < 0 ? now_listed : was != now_listed)) {
			changes++;
			if (changed && changed(arg, &c[i], now_listed, now, err, errlen) < 0)
				goto fail;
		}
	}
	if (store_commit(st, err, errlen) < 0)
		goto fail;
	return changes;
fail:
	store_rollback(st);
	return -1;
}
