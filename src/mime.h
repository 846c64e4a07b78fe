/* mime - Internet messages (RFC 5322, MIME) built from untrusted text
 *
 * Everything that goes into a header passes through mime_header(): control
 * bytes (CR and LF included) become spaces, so no text can start a header
 * of its own, and text that is not ASCII is sent as RFC 2047 encoded-words
 * (UTF-8, base64) on folded lines. All text follows the rule of every
 * human-facing output (text_esc.h): control bytes and invalid UTF-8 become
 * \xNN, bidirectional and invisible controls \u{XXXX}, so a reply cannot
 * reorder or hide what the reader sees. Bodies go out as 7bit when they are
 * short-lined ASCII, else quoted-printable (RFC 2045 section 6.7): the
 * message is 7-bit clean and needs no 8BITMIME at the relay. Lines end in
 * CRLF. Base layer (libc,
 * buf, utf8, text_esc).
 */
#ifndef BW_MIME_H
#define BW_MIME_H
#include <stddef.h>
#include "buf.h"

struct mime_msg {
	const char *from;	/* one address (checked by the caller) */
	const char *to;		/* the To: value: addresses separated by ", " */
	const char *subject;	/* any bytes */
	double date;		/* UTC epoch seconds, for Date: and Message-ID: */
	const char *text;	/* the text/plain body, lines ending in LF; any bytes */
	const char *html;	/* NULL, or an HTML body: multipart/alternative with text */
	const char *const *headers;	/* NULL, or more "Name", "value" pairs, NULL-terminated */
};

/* Appends the whole message (headers, blank line, body) to out. */
void mime_message(struct buf *out, const struct mime_msg *m);

/* "Name: value" CRLF, value made safe and encoded as described above,
 * folded below 78 columns where it has room to. */
void mime_header(struct buf *out, const char *name, const char *value);

/* RFC 5322 date-time of t in UTC: "Sat, 05 Dec 2026 07:23:03 +0000". */
void mime_date(struct buf *out, double t);

/* s[0..n) made safe to read (text_esc.h), tab and LF kept, CR dropped. */
void mime_clean(struct buf *out, const char *s, size_t n);

/* Quoted-printable of clean text s[0..n) (LF line ends): lines at most 76
 * columns with soft breaks, CRLF line ends, trailing space and tab encoded. */
void mime_qp(struct buf *out, const char *s, size_t n);

/* 1 when clean text s[0..n) can go as 7bit: ASCII, lines of at most 76
 * bytes, no trailing white space. */
int mime_is_7bit(const char *s, size_t n);

#endif
