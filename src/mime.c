/* mime - messages built from untrusted text (see mime.h).
 *
 * Invariants: nothing but mime_header() writes a header line and it never
 * writes CR or LF except as its own folding (CRLF followed by a space); the
 * body is either 7bit-safe as it is or quoted-printable, so no line of a
 * message we build reaches 998 octets (RFC 5322 2.1.1). The multipart
 * boundary starts with "=_", which quoted-printable output cannot contain.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>
#include "mime.h"
#include "text_esc.h"
#include "utf8.h"

#define FOLD_AT 76		/* header columns before we fold */
#define QP_LINE 76		/* RFC 2045 6.7 (5) */
#define EW_CHUNK 39		/* UTF-8 bytes per encoded-word: 52 base64 chars, so a
				 * folded line stays within 76 columns (RFC 2047 2) */
#define HEADER_VALUE_MAX 2000	/* longer header values are cut */

static const char hex[] = "0123456789ABCDEF";

void mime_clean(struct buf *out, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		char esc[16];
		const char *piece;
		int w;
		size_t k;
		if (s[i] == '\n' || s[i] == '\t') {
			buf_addc(out, s[i++]);
			continue;
		}
		if (s[i] == '\r') {
			i++;
			continue;
		}
		k = text_esc_piece(s, n, &i, esc, &piece, &w);
		buf_add(out, piece, k);
	}
}

/* The value as one line of clean UTF-8: CR, LF and tab become spaces
 * before the rest is cleaned. */
static void header_text(struct buf *out, const char *v)
{
	struct buf t;
	size_t n = strlen(v);
	if (n > HEADER_VALUE_MAX)
		n = HEADER_VALUE_MAX;
	buf_init(&t);
	for (size_t i = 0; i < n; i++)
		buf_addc(&t, v[i] == '\r' || v[i] == '\n' || v[i] == '\t' ? ' ' : v[i]);
	mime_clean(out, buf_str(&t), t.len);
	buf_release(&t);
	if (out->p == NULL)
		buf_add(out, "", 0);
}

static int is_ascii(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	return 1;
}

static void base64(struct buf *out, const unsigned char *p, size_t n)
{
	static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	for (size_t i = 0; i < n; i += 3) {
		uint32_t v = (uint32_t)p[i] << 16;
		if (i + 1 < n)
			v |= (uint32_t)p[i + 1] << 8;
		if (i + 2 < n)
			v |= p[i + 2];
		buf_addc(out, tab[v >> 18 & 63]);
		buf_addc(out, tab[v >> 12 & 63]);
		buf_addc(out, i + 1 < n ? tab[v >> 6 & 63] : '=');
		buf_addc(out, i + 2 < n ? tab[v & 63] : '=');
	}
}

/* Encoded-words (RFC 2047 section 2, "B" encoding), each on its own
 * folded line, never splitting a UTF-8 sequence. */
static void encoded_words(struct buf *out, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		size_t end = i;
		while (end < n) {
			size_t k = utf8_decode((const unsigned char *)s + end, n - end, NULL);
			if (end + k - i > EW_CHUNK)
				break;
			end += k;	/* k > 0: the text is clean UTF-8 */
		}
		if (i)
			buf_add(out, "\r\n ", 3);
		buf_adds(out, "=?utf-8?B?");
		base64(out, (const unsigned char *)s + i, end - i);
		buf_adds(out, "?=");
		i = end;
	}
}

/* ASCII text folded at spaces so that lines stay below FOLD_AT where a
 * space allows; col is the column after "Name: ". */
static void folded(struct buf *out, const char *s, size_t n, size_t col)
{
	size_t i = 0;
	while (i < n) {
		size_t word = i + 1;
		while (word < n && s[word] != ' ')
			word++;
		if (i > 0 && col + (word - i) > FOLD_AT) {
			buf_add(out, "\r\n", 2);	/* the space starts the next line */
			col = 0;
		}
		buf_add(out, s + i, word - i);
		col += word - i;
		i = word;
	}
}

void mime_header(struct buf *out, const char *name, const char *value)
{
	struct buf v;
	buf_init(&v);
	header_text(&v, value ? value : "");
	buf_adds(out, name);
	buf_adds(out, ": ");
	if (is_ascii(v.p, v.len))
		folded(out, v.p, v.len, strlen(name) + 2);
	else
		encoded_words(out, v.p, v.len);
	buf_add(out, "\r\n", 2);
	buf_release(&v);
}

void mime_date(struct buf *out, double t)
{
	char s[64];
	struct tm tm;
	time_t tt = (time_t)t;
	static const char *const day[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char *const mon[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	/* Names spelled out: strftime's %a and %b follow the locale. */
	if (gmtime_r(&tt, &tm) == NULL)
		tm = (struct tm){ .tm_mday = 1, .tm_year = 70, .tm_wday = 4 };
	snprintf(s, sizeof s, "%s, %02d %s %04d %02d:%02d:%02d +0000", day[tm.tm_wday], tm.tm_mday,
		 mon[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
	buf_adds(out, s);
}

int mime_is_7bit(const char *s, size_t n)
{
	size_t col = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\n') {
			if (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t'))
				return 0;
			col = 0;
			continue;
		}
		if (c >= 0x80 || ++col > QP_LINE)
			return 0;
	}
	return n == 0 || (s[n - 1] != ' ' && s[n - 1] != '\t');
}

void mime_qp(struct buf *out, const char *s, size_t n)
{
	size_t col = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		char enc[3];
		size_t k = 1;
		if (c == '\n') {
			buf_add(out, "\r\n", 2);
			col = 0;
			continue;
		}
		int at_eol = i + 1 == n || s[i + 1] == '\n';
		if (c == '=' || c >= 0x7f || (c < 0x20 && c != '\t') ||
		    ((c == ' ' || c == '\t') && at_eol)) {
			enc[0] = '=';
			enc[1] = hex[c >> 4];
			enc[2] = hex[c & 15];
			k = 3;
		} else {
			enc[0] = (char)c;
		}
		/* Room for a soft break "=" unless this is the line's last char. */
		if (col + k > QP_LINE - (at_eol ? 0 : 1)) {
			buf_add(out, "=\r\n", 3);
			col = 0;
		}
		buf_add(out, enc, k);
		col += k;
	}
}

/* The body in a Content-Transfer-Encoding of its own: clean text first. */
static void body_part(struct buf *out, const char *type, const char *s)
{
	struct buf t;
	buf_init(&t);
	mime_clean(&t, s ? s : "", s ? strlen(s) : 0);
	if (t.len == 0 || t.p[t.len - 1] != '\n')
		buf_addc(&t, '\n');
	int seven = mime_is_7bit(t.p, t.len);
	buf_addf(out, "Content-Type: %s; charset=utf-8\r\n", type);
	buf_addf(out, "Content-Transfer-Encoding: %s\r\n\r\n", seven ? "7bit" : "quoted-printable");
	if (seven) {
		for (size_t i = 0; i < t.len; i++)
			t.p[i] == '\n' ? buf_add(out, "\r\n", 2) : buf_addc(out, t.p[i]);
	} else {
		mime_qp(out, t.p, t.len);
	}
	buf_release(&t);
}

static void random_hex(char *out, size_t nbytes)
{
	unsigned char r[16];
	if (nbytes > sizeof r)
		nbytes = sizeof r;
	if (getrandom(r, nbytes, GRND_NONBLOCK) != (ssize_t)nbytes) {
		struct timespec ts;
		clock_gettime(CLOCK_MONOTONIC, &ts);
		for (size_t i = 0; i < nbytes; i++)
			r[i] = (unsigned char)((uint64_t)ts.tv_nsec >> (i % 4 * 8) ^ (unsigned)getpid() >> i);
	}
	for (size_t i = 0; i < nbytes; i++) {
		out[2 * i] = hex[r[i] >> 4];
		out[2 * i + 1] = hex[r[i] & 15];
	}
	out[2 * nbytes] = '\0';
}

static void message_id(struct buf *out, const struct mime_msg *m)
{
	struct buf id;
	char rnd[33], stamp[32];
	const char *at = m->from ? strrchr(m->from, '@') : NULL;
	time_t t = (time_t)m->date;
	struct tm tm;
	buf_init(&id);
	random_hex(rnd, 8);
	if (gmtime_r(&t, &tm) == NULL || strftime(stamp, sizeof stamp, "%Y%m%d%H%M%S", &tm) == 0)
		snprintf(stamp, sizeof stamp, "0");
	buf_addf(&id, "<%s.%ld.%s.bouncewatch@%s>", stamp, (long)getpid(), rnd,
		 at && at[1] ? at + 1 : "localhost");
	mime_header(out, "Message-ID", id.p);
	buf_release(&id);
}

void mime_message(struct buf *out, const struct mime_msg *m)
{
	struct buf d;
	char boundary[48];
	buf_init(&d);
	mime_date(&d, m->date);
	mime_header(out, "Date", d.p);
	buf_release(&d);
	mime_header(out, "From", m->from);
	mime_header(out, "To", m->to);
	mime_header(out, "Subject", m->subject);
	message_id(out, m);
	for (const char *const *h = m->headers; h && h[0] && h[1]; h += 2)
		mime_header(out, h[0], h[1]);
	buf_adds(out, "MIME-Version: 1.0\r\n");
	if (m->html == NULL) {
		body_part(out, "text/plain", m->text);
		return;
	}
	memcpy(boundary, "=_bw_", 5);
	random_hex(boundary + 5, 12);
	buf_addf(out, "Content-Type: multipart/alternative;\r\n boundary=\"%s\"\r\n\r\n", boundary);
	buf_addf(out, "This is a message in MIME format.\r\n\r\n--%s\r\n", boundary);
	body_part(out, "text/plain", m->text);
	buf_addf(out, "\r\n--%s\r\n", boundary);
	body_part(out, "text/html", m->html);
	buf_addf(out, "\r\n--%s--\r\n", boundary);
}
