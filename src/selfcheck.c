/* selfcheck - PTR, FCrDNS, HELO, SPF, DKIM, DMARC of our own sender (see
 * selfcheck.h).
 *
 * Every check turns its DNS answers into one finding; a lookup that fails
 * (timeout, SERVFAIL, garbage) is SC_ERROR "cannot check", never a verdict
 * on the sender. Remote text (TXT records, names) is already printable
 * (dns.c); it is cut to the finding's buffers.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "json_str.h"
#include "selfcheck.h"
#include "spf.h"
#include "xmalloc.h"

#define PTR_NAMES_MAX 4	/* PTR names followed forward (RFC 8601's iprev asks for all; a few suffice) */

const char *selfcheck_status_str(enum sc_status s)
{
	static const char *const n[] = { "ok", "warn", "fail", "error", "skip" };
	return (unsigned)s < 5 ? n[s] : "?";
}

static struct sc_finding *add(struct selfcheck *sc, const char *check, enum sc_status st,
			      const char *brief)
{
	struct sc_finding *f = &sc->f[sc->n++];
	memset(f, 0, sizeof *f);
	snprintf(f->check, sizeof f->check, "%s", check);
	f->status = st;
	snprintf(f->brief, sizeof f->brief, "%s", brief);
	return f;
}

static void setf(char *buf, size_t sz, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void setf(char *buf, size_t sz, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sz, fmt, ap);
	va_end(ap);
}

static void cannot(struct sc_finding *f, const char *what, const struct dns_answer *a)
{
	f->status = SC_ERROR;
	setf(f->detail, sizeof f->detail, "cannot check %s: %s%s%s", what, dns_status_str(a->status),
	     a->why[0] ? ", " : "", a->why);
	setf(f->fix, sizeof f->fix, "check that the resolver answers (bouncewatch --resolver ADDR:PORT)");
}

static int same_name(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la && a[la - 1] == '.')
		la--;
	if (lb && b[lb - 1] == '.')
		lb--;
	return la == lb && strncasecmp(a, b, la) == 0;
}

/* Whether name resolves (A or AAAA, by ip's family) to ip: 1 yes, 0 no
 * (the addresses seen in seen), -1 cannot tell (why in a). */
static int resolves_to(struct dns *d, const char *name, const char *ip, char *seen, size_t seensz,
		       struct dns_answer *a)
{
	unsigned char want[16], got[16];
	int v6 = inet_pton(AF_INET6, ip, want) == 1;
	if (!v6)
		inet_pton(AF_INET, ip, want);
	dns_lookup(d, name, v6 ? DNS_AAAA : DNS_A, a);
	if (a->status == DNS_NXDOMAIN || a->status == DNS_NODATA) {
		setf(seen, seensz, "no %s record", v6 ? "AAAA" : "A");
		return 0;
	}
	if (a->status != DNS_OK)
		return -1;
	seen[0] = '\0';
	for (int i = 0; i < a->n; i++) {
		if (inet_pton(v6 ? AF_INET6 : AF_INET, a->rr[i], got) == 1 &&
		    memcmp(got, want, v6 ? 16 : 4) == 0)
			return 1;
		setf(seen + strlen(seen), seensz - strlen(seen), "%s%s", i ? " " : "", a->rr[i]);
	}
	return 0;
}

/* PTR and FCrDNS; leaves the PTR names in names (owned by a). */
static void check_ptr(struct dns *d, const char *ip, struct selfcheck *sc, struct dns_answer *ptr)
{
	char rev[128];
	struct sc_finding *f;
	dns_reverse_name(ip, NULL, rev, sizeof rev);
	dns_lookup(d, rev, DNS_PTR, ptr);
	if (ptr->status == DNS_OK) {
		f = add(sc, "ptr", SC_OK, "PTR ok");
		setf(f->detail, sizeof f->detail, "%s has PTR %s%s", ip, ptr->rr[0],
		     ptr->n > 1 ? " (and more)" : "");
	} else if (ptr->status == DNS_NXDOMAIN || ptr->status == DNS_NODATA) {
		f = add(sc, "ptr", SC_FAIL, "PTR missing");
		setf(f->detail, sizeof f->detail, "%s has no PTR record (%s)", ip, dns_status_str(ptr->status));
		setf(f->fix, sizeof f->fix, "ask whoever runs %s (your hosting provider) to set its PTR to "
		     "your mail server's name, a name whose A record is %s", ip, ip);
		return;
	} else {
		cannot(add(sc, "ptr", SC_ERROR, "PTR cannot be checked"), "the PTR", ptr);
		return;
	}
	char seen[300] = "", all[600] = "";
	int confirmed = 0, unknown = 0;
	for (int i = 0; i < ptr->n && i < PTR_NAMES_MAX && !confirmed; i++) {
		struct dns_answer a;
		int r = resolves_to(d, ptr->rr[i], ip, seen, sizeof seen, &a);
		if (r < 0)
			unknown = 1;
		else if (r == 0)
			setf(all + strlen(all), sizeof all - strlen(all), "%s%s resolves to %s",
			     all[0] ? "; " : "", ptr->rr[i], seen);
		confirmed = r == 1;
		dns_answer_release(&a);
	}
	if (confirmed) {
		f = add(sc, "fcrdns", SC_OK, "FCrDNS ok");
		setf(f->detail, sizeof f->detail, "%s resolves back to %s", ptr->rr[0], ip);
	} else if (unknown && all[0] == '\0') {
		f = add(sc, "fcrdns", SC_ERROR, "FCrDNS cannot be checked");
		setf(f->detail, sizeof f->detail, "cannot resolve the PTR name %s", ptr->rr[0]);
	} else {
		f = add(sc, "fcrdns", SC_FAIL, "FCrDNS fails");
		setf(f->detail, sizeof f->detail, "%s, not to %s", all, ip);
		setf(f->fix, sizeof f->fix, "give %s an %s record of %s, or point the PTR of %s at a "
		     "name that resolves to it", ptr->rr[0], strchr(ip, ':') ? "AAAA" : "A", ip, ip);
	}
}

static void check_helo(struct dns *d, const char *ip, const char *helo, const struct dns_answer *ptr,
		       struct selfcheck *sc)
{
	char seen[300];
	struct dns_answer a;
	int in_ptr = 0, r = resolves_to(d, helo, ip, seen, sizeof seen, &a);
	struct sc_finding *f;
	for (int i = 0; ptr->status == DNS_OK && i < ptr->n; i++)
		in_ptr |= same_name(ptr->rr[i], helo);
	if (r < 0) {
		cannot(add(sc, "helo", SC_ERROR, "HELO cannot be checked"), "the HELO name", &a);
	} else if (r == 1 && in_ptr) {
		f = add(sc, "helo", SC_OK, "HELO ok");
		setf(f->detail, sizeof f->detail, "%s is the PTR name of %s and resolves to it", helo, ip);
	} else {
		f = add(sc, "helo", SC_FAIL, "HELO mismatch");
		setf(f->detail, sizeof f->detail, "%s %s; %s", helo,
		     r == 1 ? "resolves to the IP" : "does not resolve to the IP",
		     in_ptr ? "it is the PTR name" : "it is not the IP's PTR name");
		setf(f->fix, sizeof f->fix, "set the MTA's HELO name (Postfix: smtp_helo_name) to the "
		     "IP's PTR name, one that resolves to %s", ip);
	}
	dns_answer_release(&a);
}

/* The TXT record of name starting with prefix (case-insensitive): 1 found
 * (copied to rec), 0 none, 2 more than one, -1 cannot tell (why in a). */
static int txt_record(struct dns *d, const char *name, const char *prefix, char *rec, size_t recsz,
		      struct dns_answer *a)
{
	int found = 0;
	dns_lookup(d, name, DNS_TXT, a);
	if (a->status == DNS_NXDOMAIN || a->status == DNS_NODATA)
		return 0;
	if (a->status != DNS_OK)
		return -1;
	for (int i = 0; i < a->n; i++) {
		size_t n = strlen(prefix);
		if (strncasecmp(a->rr[i], prefix, n) == 0 &&
		    (a->rr[i][n] == '\0' || a->rr[i][n] == ' ' || a->rr[i][n] == ';')) {
			if (found++ == 0)
				setf(rec, recsz, "%s", a->rr[i]);
		}
	}
	return found > 1 ? 2 : found;
}

static void check_spf(struct dns *d, const struct selfcheck_opts *o, struct selfcheck *sc)
{
	struct spf_result r;
	struct dns_answer a;
	char rec[400] = "", err[256], brief[64];
	int have = txt_record(d, o->domain, "v=spf1", rec, sizeof rec, &a);
	dns_answer_release(&a);
	if (spf_eval(d, o->ip, o->domain, o->helo, &r, err, sizeof err) < 0) {
		struct sc_finding *f = add(sc, "spf", SC_ERROR, "SPF cannot be checked");
		setf(f->detail, sizeof f->detail, "%s", err);
		return;
	}
	setf(brief, sizeof brief, "SPF %s", r.result);
	enum sc_status st = strcmp(r.result, "pass") == 0 ? SC_OK :
			    strcmp(r.result, "temperror") == 0 ? SC_ERROR :
			    strcmp(r.result, "fail") == 0 || strcmp(r.result, "permerror") == 0 ? SC_FAIL : SC_WARN;
	struct sc_finding *f = add(sc, "spf", st, brief);
	setf(f->detail, sizeof f->detail, "%s for %s from %s (%s); record: %s", r.result, o->domain, o->ip,
	     r.detail, have > 0 ? rec : "none");
	if (have <= 0 && st != SC_ERROR)
		setf(f->fix, sizeof f->fix, "publish TXT \"v=spf1 %s:%s -all\" at %s",
		     strchr(o->ip, ':') ? "ip6" : "ip4", o->ip, o->domain);
	else if (strcmp(r.result, "permerror") == 0)
		setf(f->fix, sizeof f->fix, "the SPF record of %s does not parse: correct its syntax "
		     "(RFC 7208 section 12 has the grammar)", o->domain);
	else if (st == SC_FAIL || st == SC_WARN)
		setf(f->fix, sizeof f->fix, "add %s:%s to the SPF record of %s (before its all)",
		     strchr(o->ip, ':') ? "ip6" : "ip4", o->ip, o->domain);
	else if (st == SC_ERROR)
		setf(f->fix, sizeof f->fix, "check that %s's DNS answers (SPF temperror)", o->domain);
}

static void check_dkim(struct dns *d, const struct selfcheck_opts *o, const char *sel,
		       struct selfcheck *sc)
{
	char name[300], rec[DNS_TEXT_MAX], check[24], brief[96], why[300];
	struct dns_answer a;
	struct sc_finding *f;
	setf(name, sizeof name, "%s._domainkey.%s", sel, o->domain);
	setf(check, sizeof check, "dkim:%s", sel);
	dns_lookup(d, name, DNS_TXT, &a);
	if (a.status != DNS_OK && a.status != DNS_NXDOMAIN && a.status != DNS_NODATA) {
		setf(brief, sizeof brief, "DKIM key for selector %s cannot be checked", sel);
		cannot(add(sc, check, SC_ERROR, brief), name, &a);
	} else if (a.status != DNS_OK) {
		setf(brief, sizeof brief, "DKIM key for selector %s missing", sel);
		f = add(sc, check, SC_FAIL, brief);
		setf(f->detail, sizeof f->detail, "no TXT record at %s", name);
		setf(f->fix, sizeof f->fix, "publish the selector's public key as TXT \"v=DKIM1; k=rsa; "
		     "p=...\" at %s (opendkim-genkey -s %s -d %s writes it)", name, sel, o->domain);
	} else {
		setf(rec, sizeof rec, "%s", a.rr[0]);
		int ok = selfcheck_dkim_parse(rec, why, sizeof why) == 0;
		setf(brief, sizeof brief, "DKIM key for selector %s %s", sel, ok ? "ok" : "broken");
		f = add(sc, check, ok ? SC_OK : SC_FAIL, brief);
		setf(f->detail, sizeof f->detail, "%s: %s", name, why);
		if (!ok)
			setf(f->fix, sizeof f->fix, "publish the key again as TXT \"v=DKIM1; k=rsa; p=<base64 "
			     "of the public key>\" at %s", name);
	}
	dns_answer_release(&a);
}

static void check_dmarc(struct dns *d, const char *domain, struct selfcheck *sc)
{
	char name[300], rec[DNS_TEXT_MAX], p[16], why[300], brief[64];
	struct dns_answer a;
	struct sc_finding *f;
	setf(name, sizeof name, "_dmarc.%s", domain);
	int r = txt_record(d, name, "v=DMARC1", rec, sizeof rec, &a);
	if (r < 0) {
		cannot(add(sc, "dmarc", SC_ERROR, "DMARC cannot be checked"), name, &a);
	} else if (r == 0) {
		f = add(sc, "dmarc", SC_FAIL, "DMARC missing");
		setf(f->detail, sizeof f->detail, "no v=DMARC1 TXT record at %s", name);
		setf(f->fix, sizeof f->fix, "publish TXT \"v=DMARC1; p=none; rua=mailto:dmarc@%s\" at %s, "
		     "then tighten p= once reports show your mail aligned", domain, name);
	} else if (r == 2) {
		f = add(sc, "dmarc", SC_FAIL, "DMARC broken");
		setf(f->detail, sizeof f->detail, "more than one v=DMARC1 record at %s: receivers ignore "
		     "them all (RFC 7489 6.6.3)", name);
		setf(f->fix, sizeof f->fix, "keep exactly one v=DMARC1 TXT record at %s", name);
	} else if (selfcheck_dmarc_parse(rec, p, sizeof p, why, sizeof why) < 0) {
		f = add(sc, "dmarc", SC_FAIL, "DMARC broken");
		setf(f->detail, sizeof f->detail, "%s: %s", name, why);
		setf(f->fix, sizeof f->fix, "fix the record at %s: \"v=DMARC1; p=none|quarantine|reject; ...\"",
		     name);
	} else {
		setf(brief, sizeof brief, "DMARC p=%s", p);
		f = add(sc, "dmarc", strcmp(p, "none") == 0 ? SC_WARN : SC_OK, brief);
		setf(f->detail, sizeof f->detail, "%s: %s", name, why);
		if (strcmp(p, "none") == 0)
			setf(f->fix, sizeof f->fix, "p=none only monitors; move to p=quarantine once the "
			     "aggregate reports show your own mail passing");
	}
	dns_answer_release(&a);
}

int selfcheck_run(struct dns *d, const struct selfcheck_opts *o, struct selfcheck *sc,
		  char *err, size_t errlen)
{
	unsigned char b[16];
	struct dns_answer ptr;
	memset(sc, 0, sizeof *sc);
	if (o->ip == NULL || (inet_pton(AF_INET, o->ip, b) != 1 && inet_pton(AF_INET6, o->ip, b) != 1)) {
		snprintf(err, errlen, "'%s' is not an IP address", o->ip ? o->ip : "");
		return -1;
	}
	check_ptr(d, o->ip, sc, &ptr);
	if (o->helo)
		check_helo(d, o->ip, o->helo, &ptr, sc);
	dns_answer_release(&ptr);
	if (o->domain == NULL)
		return 0;
	check_spf(d, o, sc);
	for (int i = 0; i < o->nselectors && i < SELFCHECK_SELECTORS_MAX; i++)
		check_dkim(d, o, o->selectors[i], sc);
	check_dmarc(d, o->domain, sc);
	return 0;
}

char *selfcheck_summary(const struct selfcheck *sc, char *buf, size_t bufsz)
{
	size_t o = 0;
	buf[0] = '\0';
	for (int i = 0; i < sc->n && o < bufsz; i++) {
		int n = snprintf(buf + o, bufsz - o, "%s%s", o ? ", " : "", sc->f[i].brief);
		if (n < 0)
			break;
		o += (size_t)n;
	}
	return buf;
}

char *selfcheck_json(const struct selfcheck *sc)
{
	size_t cap = 16;
	for (int i = 0; i < sc->n; i++)
		cap += 80 + JSON_STR_MAX(sizeof sc->f[i].check + sizeof sc->f[i].brief +
					 sizeof sc->f[i].detail + sizeof sc->f[i].fix);
	char *out = xmalloc(cap), *p = out;
	*p++ = '[';
	for (int i = 0; i < sc->n; i++) {
		const struct sc_finding *f = &sc->f[i];
		const char *keys[] = { "check", "brief", "detail", "fix" };
		const char *vals[] = { f->check, f->brief, f->detail, f->fix };
		p += snprintf(p, cap - (size_t)(p - out), "%s{\"status\":\"%s\"", i ? "," : "",
			      selfcheck_status_str(f->status));
		for (int k = 0; k < 4; k++) {
			p += snprintf(p, cap - (size_t)(p - out), ",\"%s\":", keys[k]);
			p += json_str(p, cap - (size_t)(p - out), vals[k], strlen(vals[k]));
		}
		*p++ = '}';
	}
	*p++ = ']';
	*p = '\0';
	return out;
}

/* ---- record readers ---- */

/* Next "tag=value" of a tag list (RFC 6376 3.2): trims spaces; 0 at the
 * end, -1 on a tag without '='. */
static int next_tag(char **s, char **tag, char **val)
{
	char *p = *s, *semi, *eq, *e;
	while (*p == ' ' || *p == '\t' || *p == ';')
		p++;
	if (*p == '\0')
		return 0;
	semi = strchr(p, ';');
	*s = semi ? semi + 1 : p + strlen(p);
	if (semi)
		*semi = '\0';
	if ((eq = strchr(p, '=')) == NULL)
		return -1;
	*eq = '\0';
	for (e = eq; e > p && isspace((unsigned char)e[-1]);)
		*--e = '\0';
	*tag = p;
	for (p = eq + 1; isspace((unsigned char)*p); p++)
		;
	for (e = p + strlen(p); e > p && isspace((unsigned char)e[-1]);)
		*--e = '\0';
	*val = p;
	return 1;
}

/* Decoded length of base64 text (spaces allowed), -1 when it is not base64. */
static long b64_len(const char *s, unsigned char *first)
{
	long bits = 0, n = 0, pad = 0;
	*first = 0;
	for (; *s; s++) {
		int v;
		if (isspace((unsigned char)*s))
			continue;
		if (*s == '=') {
			pad++;
			continue;
		}
		if (pad)
			return -1;
		if (*s >= 'A' && *s <= 'Z') v = *s - 'A';
		else if (*s >= 'a' && *s <= 'z') v = *s - 'a' + 26;
		else if (*s >= '0' && *s <= '9') v = *s - '0' + 52;
		else if (*s == '+') v = 62;
		else if (*s == '/') v = 63;
		else return -1;
		if (n == 0)
			*first = (unsigned char)(v << 2);
		n++;
		bits += 6;
	}
	if (pad > 2 || (n + pad) % 4 != 0)
		return -1;
	return bits / 8;
}

int selfcheck_dkim_parse(const char *rec, char *detail, size_t detailsz)
{
	char *copy = xstrdup(rec), *s = copy, *tag, *val;
	const char *k = "rsa", *p = NULL;
	int r, first = 1, rc = -1;
	char kbuf[16] = "";
	while ((r = next_tag(&s, &tag, &val)) > 0) {
		if (strcmp(tag, "v") == 0 && (!first || strcmp(val, "DKIM1") != 0)) {
			setf(detail, detailsz, "v= must come first and be DKIM1 (RFC 6376 3.6.1)");
			goto out;
		}
		if (strcmp(tag, "k") == 0) {
			setf(kbuf, sizeof kbuf, "%s", val);
			k = kbuf;
		}
		if (strcmp(tag, "p") == 0)
			p = val;
		first = 0;
	}
	if (r < 0) {
		setf(detail, detailsz, "not a tag=value list");
		goto out;
	}
	if (p == NULL) {
		setf(detail, detailsz, "no p= (public key) tag");
		goto out;
	}
	if (*p == '\0') {
		setf(detail, detailsz, "p= is empty: the key is revoked");
		goto out;
	}
	unsigned char b0;
	long n = b64_len(p, &b0);
	if (n < 0) {
		setf(detail, detailsz, "p= is not base64");
		goto out;
	}
	if (strcmp(k, "rsa") == 0) {
		/* SubjectPublicKeyInfo is a DER SEQUENCE (0x30); 1024-bit keys take ~162 bytes. */
		if (b0 != 0x30 || n < 64) {
			setf(detail, detailsz, "p= does not hold an RSA public key (%ld bytes)", n);
			goto out;
		}
		setf(detail, detailsz, "k=rsa key of about %ld bits%s", n < 200 ? 1024L : n < 400 ? 2048L : 4096L,
		     n < 150 ? " (shorter than 1024 bits: receivers reject it)" : "");
		rc = n < 150 ? -1 : 0;
	} else if (strcmp(k, "ed25519") == 0) {
		rc = n == 32 ? 0 : -1;
		setf(detail, detailsz, rc == 0 ? "k=ed25519 key" : "k=ed25519 key is not 32 bytes");
	} else {
		setf(detail, detailsz, "unknown key type k=%s", k);
	}
out:
	free(copy);
	return rc;
}

int selfcheck_dmarc_parse(const char *rec, char *p, size_t psz, char *detail, size_t detailsz)
{
	char *copy = xstrdup(rec), *s = copy, *tag, *val;
	char pol[16] = "", sp[16] = "", adkim[4] = "r", aspf[4] = "r", pct[8] = "100", rua[120] = "";
	int r, first = 1, rc = -1;
	while ((r = next_tag(&s, &tag, &val)) > 0) {
		if (first && (strcmp(tag, "v") != 0 || strcmp(val, "DMARC1") != 0)) {
			setf(detail, detailsz, "must start with v=DMARC1");
			goto out;
		}
		first = 0;
		if (strcmp(tag, "p") == 0)
			setf(pol, sizeof pol, "%s", val);
		else if (strcmp(tag, "sp") == 0)
			setf(sp, sizeof sp, "%s", val);
		else if (strcmp(tag, "adkim") == 0)
			setf(adkim, sizeof adkim, "%s", val);
		else if (strcmp(tag, "aspf") == 0)
			setf(aspf, sizeof aspf, "%s", val);
		else if (strcmp(tag, "pct") == 0)
			setf(pct, sizeof pct, "%s", val);
		else if (strcmp(tag, "rua") == 0)
			setf(rua, sizeof rua, "%s", val);
	}
	if (r < 0) {
		setf(detail, detailsz, "not a tag=value list");
		goto out;
	}
	if (strcmp(pol, "none") != 0 && strcmp(pol, "quarantine") != 0 && strcmp(pol, "reject") != 0) {
		setf(detail, detailsz, pol[0] ? "p=%s is not none, quarantine or reject" : "no p= tag%s", pol);
		goto out;
	}
	if ((strcmp(adkim, "r") != 0 && strcmp(adkim, "s") != 0) || (strcmp(aspf, "r") != 0 && strcmp(aspf, "s") != 0)) {
		setf(detail, detailsz, "adkim/aspf must be r or s");
		goto out;
	}
	setf(p, psz, "%s", pol);
	setf(detail, detailsz, "p=%s%s%s pct=%s; alignment: DKIM %s, SPF %s%s%s", pol, sp[0] ? " sp=" : "",
	     sp, pct, adkim[0] == 's' ? "strict" : "relaxed", aspf[0] == 's' ? "strict" : "relaxed",
	     rua[0] ? "; reports to " : "; no rua= (no aggregate reports)", rua);
	rc = 0;
out:
	free(copy);
	return rc;
}
