/* dnsbl - zone list reader, queries and answer meanings (see dnsbl.h).
 *
 * The zone list has its own small reader (sections, "key = value",
 * repeated code/error keys, # comments) so every problem is reported as
 * file:line. An answer is judged code by code against the list's table:
 * one undocumented or error address makes the whole answer an error.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dnsbl.h"
#include "xmalloc.h"

#define CONF_LINE_MAX 1024
#define CONF_ZONES_MAX 200

const char *dnsbl_result_str(enum dnsbl_result r)
{
	return r == DNSBL_LISTED ? "listed" : r == DNSBL_NOT_LISTED ? "not-listed" : "error";
}

static void zone_release(struct dnsbl_zone *z)
{
	free(z->id);
	free(z->zone);
	free(z->operator_);
	free(z->lookup);
	free(z->delist);
	for (size_t i = 0; i < z->ncodes; i++) {
		free(z->codes[i].label);
		free(z->codes[i].text);
	}
	free(z->codes);
}

void dnsbl_conf_free(struct dnsbl_conf *c)
{
	if (c == NULL)
		return;
	for (size_t i = 0; i < c->n; i++)
		zone_release(&c->z[i]);
	free(c->z);
	free(c);
}

static char *trim(char *s)
{
	char *e;
	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

static int ip4(const char *s, uint32_t *out)
{
	struct in_addr a;
	if (inet_pton(AF_INET, s, &a) != 1)
		return -1;
	*out = ntohl(a.s_addr);
	return 0;
}

/* "127.0.0.4-127.0.0.7 XBL text" (label only for listings). */
static int parse_code(struct dnsbl_zone *z, char *v, int error, const char **why)
{
	char *range = v, *rest = v + strcspn(v, " \t"), *dash;
	struct dnsbl_code c = { .error = error };
	if (*rest)
		*rest++ = '\0';
	rest = trim(rest);
	if ((dash = strchr(range, '-')) != NULL)
		*dash++ = '\0';
	if (ip4(range, &c.lo) < 0 || ip4(dash ? dash : range, &c.hi) < 0 || c.hi < c.lo) {
		*why = "expected ADDRESS[-ADDRESS] first";
		return -1;
	}
	if (!error) {
		char *text = rest + strcspn(rest, " \t");
		if (*rest == '\0') {
			*why = "a listing code needs a label (code = 127.0.0.2 SBL what it means)";
			return -1;
		}
		if (*text)
			*text++ = '\0';
		c.label = xstrdup(rest);
		rest = trim(text);
	}
	c.text = xstrdup(rest);
	z->codes = xrealloc(z->codes, (z->ncodes + 1) * sizeof *z->codes);
	z->codes[z->ncodes++] = c;
	return 0;
}

static int set_key(struct dnsbl_zone *z, const char *k, char *v, const char **why)
{
	char **slot = strcmp(k, "zone") == 0 ? &z->zone : strcmp(k, "operator") == 0 ? &z->operator_ :
		      strcmp(k, "lookup") == 0 ? &z->lookup : strcmp(k, "delist") == 0 ? &z->delist : NULL;
	if (slot) {
		free(*slot);
		*slot = xstrdup(v);
		return 0;
	}
	if (strcmp(k, "ipv6") == 0) {
		if (strcmp(v, "yes") != 0 && strcmp(v, "no") != 0) {
			*why = "ipv6 is yes or no";
			return -1;
		}
		z->ipv6 = strcmp(v, "yes") == 0;
		return 0;
	}
	if (strcmp(k, "code") == 0 || strcmp(k, "error") == 0)
		return parse_code(z, v, k[0] == 'e', why);
	if (strcmp(k, "name") == 0 || strcmp(k, "source") == 0)
		return 0;	/* for readers of the file */
	*why = "unknown key (zone operator lookup delist ipv6 code error name source)";
	return -1;
}

static int check_zone(const struct dnsbl_zone *z, const char **why)
{
	size_t listings = 0;
	for (size_t i = 0; i < z->ncodes; i++)
		listings += !z->codes[i].error;
	if (z->zone == NULL || strspn(z->zone, "abcdefghijklmnopqrstuvwxyz0123456789.-") != strlen(z->zone) ||
	    strlen(z->zone) > 180) {
		*why = "needs zone = a lower-case DNS name";
		return -1;
	}
	if (listings == 0) {
		*why = "needs at least one listing code (code = 127.0.0.2 LABEL meaning)";
		return -1;
	}
	return 0;
}

static int conf_line(struct dnsbl_conf *c, char *s, const char **why)
{
	char *eq;
	if (*s == '[') {
		char *e = strchr(s, ']');
		if (e == NULL || e[1] != '\0' || e == s + 1) {
			*why = "expected [name]";
			return -1;
		}
		if (c->n > 0 && check_zone(&c->z[c->n - 1], why) < 0)
			return -2;	/* reported at the section's end */
		if (c->n >= CONF_ZONES_MAX) {
			*why = "too many zones";
			return -1;
		}
		c->z = xrealloc(c->z, (c->n + 1) * sizeof *c->z);
		c->z[c->n] = (struct dnsbl_zone){ .id = xstrndup(s + 1, (size_t)(e - s - 1)) };
		c->n++;
		return 0;
	}
	if ((eq = strchr(s, '=')) == NULL || c->n == 0) {
		*why = c->n == 0 ? "a key before the first [section]" : "expected key = value";
		return -1;
	}
	*eq = '\0';
	return set_key(&c->z[c->n - 1], trim(s), trim(eq + 1), why);
}

struct dnsbl_conf *dnsbl_conf_load(const char *path, char *err, size_t errlen)
{
	FILE *f = fopen(path, "r");
	struct dnsbl_conf *c;
	char line[CONF_LINE_MAX + 2];
	const char *why = NULL;
	unsigned lineno = 0, section_line = 0;
	if (f == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	c = xcalloc(1, sizeof *c);
	while (fgets(line, sizeof line, f)) {
		lineno++;
		if (strlen(line) > CONF_LINE_MAX) {
			why = "line too long";
			break;
		}
		char *s = trim(line);
		if (*s == '\0' || *s == '#' || *s == ';')
			continue;
		int r = conf_line(c, s, &why);
		if (r == -2)
			lineno = section_line;
		if (r < 0)
			break;
		if (*s == '[')
			section_line = lineno;
		why = NULL;
	}
	if (why == NULL && ferror(f))
		why = strerror(errno);
	if (why == NULL && c->n > 0 && check_zone(&c->z[c->n - 1], &why) < 0)
		lineno = section_line;
	if (why == NULL && c->n == 0)
		why = "no zone";
	fclose(f);
	if (why) {
		snprintf(err, errlen, "%s:%u: %s", path, lineno, why);
		dnsbl_conf_free(c);
		return NULL;
	}
	return c;
}

int dnsbl_conf_select(struct dnsbl_conf *c, const char *ids, char *err, size_t errlen)
{
	size_t keep = 0;
	char *list = xstrdup(ids), *save = NULL;
	int rc = 0;
	unsigned char *want = xcalloc(c->n ? c->n : 1, 1);
	for (char *t = strtok_r(list, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		size_t i = 0;
		while (i < c->n && strcmp(c->z[i].id, trim(t)) != 0)
			i++;
		if (i == c->n) {
			snprintf(err, errlen, "no list named '%s' in the zone list", t);
			rc = -1;
			goto out;
		}
		want[i] = 1;
	}
	for (size_t i = 0; i < c->n; i++) {
		if (want[i])
			c->z[keep++] = c->z[i];
		else
			zone_release(&c->z[i]);
	}
	c->n = keep;
out:
	free(want);
	free(list);
	return rc;
}

static const struct dnsbl_code *find_code(const struct dnsbl_zone *z, uint32_t a)
{
	for (size_t i = 0; i < z->ncodes; i++)
		if (a >= z->codes[i].lo && a <= z->codes[i].hi)
			return &z->codes[i];
	return NULL;
}

static void append(char *buf, size_t sz, const char *s)
{
	size_t n = strlen(buf);
	if (n > 0 && n + 1 < sz)
		buf[n++] = ' ';
	snprintf(buf + n, sz - n, "%s", s);
}

static void answer_error(struct dnsbl_check *c, const struct dnsbl_zone *z, const char *addr,
			 const struct dnsbl_code *code)
{
	c->result = DNSBL_ERROR;
	c->labels[0] = '\0';
	if (code)
		snprintf(c->error, sizeof c->error, "cannot check through this resolver: %s answered %s (%s)",
			 z->id, addr, code->text);
	else
		snprintf(c->error, sizeof c->error, "%s answered %s, which it does not document as a "
			 "listing; not counted as listed", z->id, addr);
}

void dnsbl_interpret(const struct dnsbl_zone *z, const struct dns_answer *a, struct dnsbl_check *c)
{
	c->codes[0] = c->labels[0] = c->error[0] = '\0';
	c->ttl = a->ttl;
	switch (a->status) {
	case DNS_NXDOMAIN:
	case DNS_NODATA:
		c->result = DNSBL_NOT_LISTED;
		return;
	case DNS_OK:
		break;
	default:
		c->result = DNSBL_ERROR;
		snprintf(c->error, sizeof c->error, "cannot check %s: %s%s%s", z->id,
			 dns_status_str(a->status), a->why[0] ? ", " : "", a->why);
		return;
	}
	c->result = DNSBL_LISTED;
	for (int i = 0; i < a->n; i++) {
		uint32_t v;
		const struct dnsbl_code *code = ip4(a->rr[i], &v) == 0 ? find_code(z, v) : NULL;
		append(c->codes, sizeof c->codes, a->rr[i]);
		if (code == NULL || code->error) {
			if (c->result != DNSBL_ERROR)
				answer_error(c, z, a->rr[i], code);
			continue;
		}
		if (c->result == DNSBL_LISTED && strstr(c->labels, code->label) == NULL)
			append(c->labels, sizeof c->labels, code->label);
	}
}

struct job {
	struct dnsbl_check *c;
	const struct dnsbl_zone *z;
	int txt;
};

static void on_answer(void *arg, struct dns_answer *a)
{
	struct job *j = arg;
	if (!j->txt) {
		dnsbl_interpret(j->z, a, j->c);
	} else if (a->status == DNS_OK) {
		for (int i = 0; i < a->n; i++)
			append(j->c->txt, sizeof j->c->txt, a->rr[i]);
	}
}

struct dnsbl_check *dnsbl_check_run(struct dns *d, const struct dnsbl_conf *conf,
				    const char *const *ips, size_t nips, size_t *n,
				    char *err, size_t errlen)
{
	struct dnsbl_check *c = xcalloc(nips * conf->n + 1, sizeof *c);
	struct job *jobs = xcalloc(2 * (nips * conf->n) + 1, sizeof *jobs);
	size_t k = 0, nj = 0;
	for (size_t i = 0; i < nips; i++) {
		unsigned char b[16];
		int v6 = inet_pton(AF_INET6, ips[i], b) == 1;
		if (!v6 && inet_pton(AF_INET, ips[i], b) != 1) {
			snprintf(err, errlen, "'%s' is not an IPv4 or IPv6 address", ips[i]);
			free(c);
			free(jobs);
			return NULL;
		}
		for (size_t z = 0; z < conf->n; z++) {
			char name[300];
			if (v6 && !conf->z[z].ipv6)
				continue;
			if (dns_reverse_name(ips[i], conf->z[z].zone, name, sizeof name) < 0)
				continue;
			snprintf(c[k].ip, sizeof c[k].ip, "%s", ips[i]);
			c[k].zone = &conf->z[z];
			jobs[nj] = (struct job){ &c[k], &conf->z[z], 0 };
			dns_submit(d, name, DNS_A, on_answer, &jobs[nj++]);
			jobs[nj] = (struct job){ &c[k], &conf->z[z], 1 };
			dns_submit(d, name, DNS_TXT, on_answer, &jobs[nj++]);
			k++;
		}
	}
	dns_run(d);
	for (size_t i = 0; i < k; i++)
		if (c[i].result != DNSBL_LISTED)
			c[i].txt[0] = '\0';	/* a reason without a listing means nothing */
	free(jobs);
	*n = k;
	return c;
}

char *dnsbl_summary(const struct dnsbl_check *c, size_t n, const char *ip, char *buf, size_t bufsz)
{
	char listed[512] = "", errors[512] = "";
	size_t nl = 0, nn = 0, ne = 0;
	for (size_t i = 0; i < n; i++) {
		char one[200];
		if (strcmp(c[i].ip, ip) != 0)
			continue;
		if (c[i].result == DNSBL_LISTED) {
			snprintf(one, sizeof one, "%s%s (%s)", nl ? ", " : "", c[i].zone->id, c[i].labels);
			nl++;
			snprintf(listed + strlen(listed), sizeof listed - strlen(listed), "%s", one);
		} else if (c[i].result == DNSBL_ERROR) {
			snprintf(one, sizeof one, "%s%s", ne ? ", " : "", c[i].zone->id);
			ne++;
			snprintf(errors + strlen(errors), sizeof errors - strlen(errors), "%s", one);
		} else {
			nn++;
		}
	}
	if (nl)
		snprintf(buf, bufsz, "%s listed on %s%s", ip, listed, nn ? ", not on the others" : "");
	else
		snprintf(buf, bufsz, "%s not listed on %zu list%s", ip, nn, nn == 1 ? "" : "s");
	if (ne)
		snprintf(buf + strlen(buf), bufsz - strlen(buf), "; cannot check %s", errors);
	return buf;
}
