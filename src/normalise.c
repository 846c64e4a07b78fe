/* normalise - replies reduced to their wording (see normalise.h).
 * Pure and linear: every scan from a position is bounded by a constant or
 * consumes what it scanned. Base layer: libc only.
 */
#include <arpa/inet.h>
#include <string.h>
#include "normalise.h"

#define IP_TEXT_MAX 45
#define HOST_MAX 253	/* a DNS name; longer runs are not looked at as one */
#define IDRUN_MAX 64
#define B64ID_MAX 256	/* a base64 id longer than this is not looked at as one */

struct out {
	char *p;
	size_t n, cap;	/* cap excludes the NUL */
};

static void put(struct out *o, const char *s, size_t n)
{
	if (n > o->cap - o->n)
		n = o->cap - o->n;
	memcpy(o->p + o->n, s, n);
	o->n += n;
}

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static int is_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
static int is_alnum(unsigned char c) { return is_digit(c) || is_alpha(c); }
static int is_hex(unsigned char c) { return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); }
static int is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
static int is_local(unsigned char c) { return is_alnum(c) || (c && strchr("._%+-=", c)); }
static int is_dom(unsigned char c) { return is_alnum(c) || c == '.' || c == '-'; }

/* Length of an address starting at s (local@domain with a dot), else 0.
 * The local part is bounded to 64 bytes so the scan stays linear. */
static size_t addr_len(const unsigned char *s, size_t n)
{
	size_t i = 0, at, dot = 0;
	while (i < n && i <= 64 && is_local(s[i]))
		i++;
	if (i == 0 || i >= n || s[i] != '@')
		return 0;
	at = i++;
	while (i < n && is_dom(s[i]))
		i++;
	while (i > at + 1 && (s[i - 1] == '.' || s[i - 1] == '-'))
		i--;
	for (dot = at + 2; dot + 1 < i; dot++)
		if (s[dot] == '.')
			return i;
	return 0;
}

/* Length of an IPv4/IPv6 address at s, else 0. */
static size_t ip_len(const unsigned char *s, size_t n)
{
	char buf[IP_TEXT_MAX + 1];
	unsigned char bin[16];
	size_t i = 0, colons = 0;
	while (i < n && i <= IP_TEXT_MAX && (is_hex(s[i]) || s[i] == ':' || s[i] == '.'))
		colons += s[i++] == ':';
	if (i > IP_TEXT_MAX)
		return 0;
	while (i > 0 && (s[i - 1] == '.' || (s[i - 1] == ':' && (i < 2 || s[i - 2] != ':'))))
		i--;
	if (i < 7 && colons < 2)
		return 0;
	if (i < n && (is_alnum(s[i]) || s[i] == '.'))
		return 0;
	memcpy(buf, s, i);
	buf[i] = '\0';
	if (inet_pton(AF_INET, buf, bin) == 1 || (colons >= 2 && inet_pton(AF_INET6, buf, bin) == 1))
		return i;
	return 0;
}

/* Length of a run of letters and digits joined by single '-' or '.' at s,
 * at most max bytes (the scan is bounded, so normalising stays linear);
 * *seps counts the joins, *digits and *alphas the kinds of bytes. */
static size_t joined_run(const unsigned char *s, size_t n, size_t max, size_t *seps,
			 size_t *digits, size_t *alphas)
{
	size_t i = 0;
	*seps = *digits = *alphas = 0;
	while (i < n && i <= max) {
		if (is_alnum(s[i])) {
			*digits += is_digit(s[i]);
			*alphas += is_alpha(s[i]);
			i++;
		} else if ((s[i] == '-' || s[i] == '.') && i > 0 && is_alnum(s[i - 1]) &&
			   i + 1 < n && is_alnum(s[i + 1])) {
			(*seps)++;
			i++;
		} else {
			break;
		}
	}
	return i > max ? 0 : i;
}

/* Length of a server's host name at s, else 0: three labels or more, the
 * last one letters only, and a digit in some label
 * ("DB5EUR03FT021.eop-EUR03.prod.protection.outlook.com",
 * "mta7.mail.bf1.yahoo.com"). Names without digits ("zen.spamhaus.org",
 * "mail.live.com") say what they are and are kept. */
static size_t host_len(const unsigned char *s, size_t n)
{
	size_t seps, digits, alphas, i = joined_run(s, n, HOST_MAX, &seps, &digits, &alphas);
	size_t dots = 0, last = 0;
	if (i == 0 || digits == 0 || (i < n && (s[i] == '@' || s[i] == '-')))
		return 0;
	for (size_t k = 0; k < i; k++)
		if (s[k] == '.') {
			dots++;
			last = k + 1;
		}
	if (dots < 2 || i - last < 2)
		return 0;
	for (size_t k = last; k < i; k++)
		if (!is_alpha(s[k]))
			return 0;
	return i;
}

/* Length of an id made of parts joined by '-' or '.' at s, else 0: letters
 * and digits, 8 bytes or more (Gmail's "a48-d2e1a72fcca58.123" before
 * " - gsmtp"). */
static size_t idrun_len(const unsigned char *s, size_t n)
{
	size_t seps, digits, alphas, i = joined_run(s, n, IDRUN_MAX, &seps, &digits, &alphas);
	if (i < 8 || seps == 0 || digits == 0 || alphas == 0 || (i < n && s[i] == '@'))
		return 0;
	return i;
}

/* Length of a base64 id at s, else 0: 16 bytes or more of letters, digits,
 * '+', '/' and '_', starting with a letter or digit, with a capital, a
 * small letter, and a digit among them or a "--." tail after them (words
 * joined by '/', '+' or '_' are no id: "Dialup/transient",
 * "Filtering/Authentication", "Error+Codes", nor is Microsoft's key
 * "LastAttemptedServerName="); its '=' padding (two at most), and a tail
 * of '-' and '.' joined to letters and digits with a digit: Coremail's id
 * ("DsCowAA3D+JApVpd78gMKg--.16104S2", NetEase's and the servers running
 * it), Tencent's base64 tag. A run followed by any other '-' or '.' is
 * left to the joined runs (idrun_len: base64url's "ldE8NzE3RyeycidQ-DBxBg"
 * is one <id>), and the caller tries none after a '/' (a URL's path keeps
 * its words: ".../sbl/query/SBLCSS"). */
static size_t b64id_len(const unsigned char *s, size_t n)
{
	size_t i = 0, upper = 0, lower = 0, digits = 0, pad, k, tail;
	while (i < n && i <= B64ID_MAX && (is_alnum(s[i]) || s[i] == '+' || s[i] == '_' || s[i] == '/')) {
		upper += s[i] >= 'A' && s[i] <= 'Z';
		lower += s[i] >= 'a' && s[i] <= 'z';
		digits += is_digit(s[i]);
		i++;
	}
	if (i < 16 || i > B64ID_MAX || upper == 0 || lower == 0 || !is_alnum(s[0]))
		return 0;
	for (pad = i; pad < n && pad - i < 2 && s[pad] == '='; pad++)
		;
	for (k = pad; k < n && k - pad < 3 && s[k] == '-'; k++)
		;
	if (digits == 0 && k == pad)
		return 0;
	if (k < n && s[k] == '.') {
		size_t e = ++k;
		for (tail = 0; e < n && e - k <= IDRUN_MAX && is_alnum(s[e]); e++)
			tail += is_digit(s[e]);
		if (tail > 0 && e - k <= IDRUN_MAX)
			return e;
	}
	if (digits == 0)
		return 0;	/* words joined by '/', '+' or '_', a key before '=' */
	return pad < n && (s[pad] == '-' || s[pad] == '.') ? 0 : pad;
}

/* Length of an enhanced status code d.ddd.ddd at s, else 0. */
static size_t dsn_len(const unsigned char *s, size_t n)
{
	size_t i = 1, k;
	if (n < 5 || !(s[0] >= '2' && s[0] <= '5') || s[1] != '.')
		return 0;
	for (int part = 0; part < 2; part++) {
		if (i >= n || s[i] != '.')
			return 0;
		for (k = ++i; i < n && is_digit(s[i]) && i - k < 3; i++)
			;
		if (i == k)
			return 0;
	}
	return i < n && (is_alnum(s[i]) || (s[i] == '.' && i + 1 < n && is_digit(s[i + 1]))) ? 0 : i;
}

/* Length of "ddd" + [ -] + enhanced code, or a bare "ddd" at the start. */
static size_t code_len(const unsigned char *s, size_t n, int at_start)
{
	size_t d;
	if (n < 3 || !is_digit(s[0]) || !is_digit(s[1]) || !is_digit(s[2]) || (n > 3 && is_alnum(s[3])))
		return 0;
	if (n > 4 && (s[3] == ' ' || s[3] == '-') && (d = dsn_len(s + 4, n - 4)) > 0)
		return 4 + d;
	return at_start && s[0] >= '2' && s[0] <= '5' && (n == 3 || s[3] == ' ' || s[3] == '-') ? 3 : 0;
}

static size_t digits_at(const unsigned char *s, size_t n, size_t i, size_t count)
{
	for (size_t k = 0; k < count; k++)
		if (i + k >= n || !is_digit(s[i + k]))
			return 0;
	return 1;
}

/* Length of an ISO 8601 time "2024-01-31T12:00:00.123Z" (T or space; the
 * seconds, fraction and zone optional) at s, else 0. */
static size_t time_len(const unsigned char *s, size_t n)
{
	size_t i = 16;
	if (!digits_at(s, n, 0, 4) || n < 16 || s[4] != '-' || !digits_at(s, n, 5, 2) || s[7] != '-' ||
	    !digits_at(s, n, 8, 2) || (s[10] != 'T' && s[10] != ' ') || !digits_at(s, n, 11, 2) ||
	    s[13] != ':' || !digits_at(s, n, 14, 2))
		return 0;
	if (i + 2 < n && s[i] == ':' && digits_at(s, n, i + 1, 2))
		i += 3;
	if (i + 1 < n && (s[i] == '.' || s[i] == ',') && is_digit(s[i + 1]))
		for (i++; i < n && is_digit(s[i]); i++)
			;
	if (i < n && s[i] == 'Z')
		i++;
	else if (i + 5 < n + 1 && (s[i] == '+' || s[i] == '-') && digits_at(s, n, i + 1, 2)) {
		i += 3;
		i += i < n && s[i] == ':';
		i += digits_at(s, n, i, 2) ? 2 : 0;
	}
	return i;
}

/* An alphanumeric run at s: copied, or replaced by <id> / <n>. */
static size_t word(struct out *o, const unsigned char *s, size_t n)
{
	size_t i = 0, digits = 0;
	while (i < n && is_alnum(s[i]))
		digits += is_digit(s[i++]);
	if (digits == i)
		put(o, "<n>", 3);
	else if (digits > 0 && i >= 8)
		put(o, "<id>", 4);
	else
		put(o, (const char *)s, i);
	return i;
}

size_t reply_normalise(const char *in, size_t len, char *out, size_t outsz)
{
	const unsigned char *s = (const unsigned char *)in;
	struct out o = { out, 0, outsz - 1 };
	size_t i = 0, k;
	while (i < len && is_space(s[i]))
		i++;
	while (i < len && o.n < o.cap) {
		int boundary = i == 0 || !(is_alnum(s[i - 1]) || s[i - 1] == '.');
		if (is_space(s[i])) {
			while (i < len && is_space(s[i]))
				i++;
			if (i < len)
				put(&o, " ", 1);
		} else if (s[i] == '<' && (k = addr_len(s + i + 1, len - i - 1)) > 0 &&
			   i + 1 + k < len && s[i + 1 + k] == '>') {
			put(&o, "<addr>", 6);	/* <a@b.c> is one address, not <<addr>> */
			i += k + 2;
		} else if (boundary && (k = addr_len(s + i, len - i)) > 0) {
			put(&o, "<addr>", 6);
			i += k;
		} else if (boundary && (k = time_len(s + i, len - i)) > 0) {
			put(&o, "<time>", 6);
			i += k;
		} else if (boundary && (k = code_len(s + i, len - i, o.n == 0)) > 0) {
			put(&o, in + i, k);
			i += k;
		} else if (boundary && (k = dsn_len(s + i, len - i)) > 0) {
			put(&o, in + i, k);
			i += k;
		} else if (boundary && (k = ip_len(s + i, len - i)) > 0) {
			put(&o, "<ip>", 4);
			i += k;
		} else if (boundary && (i == 0 || s[i - 1] != '/') && (k = b64id_len(s + i, len - i)) > 0) {
			put(&o, "<id>", 4);
			i += k;
		} else if (boundary && (k = host_len(s + i, len - i)) > 0) {
			put(&o, "<host>", 6);
			i += k;
		} else if (boundary && (k = idrun_len(s + i, len - i)) > 0) {
			put(&o, "<id>", 4);
			i += k;
		} else if (is_alnum(s[i])) {
			i += word(&o, s + i, len - i);
		} else {
			put(&o, in + i, 1);
			i++;
		}
	}
	out[o.n] = '\0';
	return o.n;
}
