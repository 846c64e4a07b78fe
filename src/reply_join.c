/* reply_join - a multi-line SMTP reply as one continuous text (see
 * reply_join.h for what is a continuation prefix and what is text).
 *
 * A one-line reply without a line break is copied at once. Else one pass
 * over candidate positions (bytes equal to the code's first digit, found
 * with memchr) copies the text between accepted prefixes. A soft last-line
 * prefix ("C ") makes it look ahead for a later middle-line prefix ("C-",
 * middle_after); the look-ahead resumes where it stopped, so no byte is
 * looked at more than twice, and it sees the same prefixes (prefix_at).
 * Invariants: the output index never passes the input index; an accepted
 * prefix covers at least 4 bytes (boundary and code) and yields at most 1.
 * Uses nothing but the C library.
 */
#include <string.h>
#include "reply_join.h"

struct join {
	const char *in;
	size_t len;
	size_t floor;		/* end of the first line's prefix: lookbacks stop here */
	const char *esc;	/* the first line's enhanced code, NULL if none */
	size_t esclen;
	int multi;		/* the first line ends with '-' */
	int glue;		/* OpenSMTPD's glued enhanced codes are looked for */
	int last_seen;		/* a last line's prefix was taken */
	size_t ahead;		/* middle_after: scanned up to here ... */
	size_t middle;		/* ... finding a middle line's prefix here (len: none) */
};

/* One prefix candidate: the code at in[at], its boundary and extent. */
struct prefix {
	size_t start;		/* first byte replaced (whitespace before the boundary) */
	size_t end;		/* first byte after it (and the whitespace after) */
	int hard;		/* line break boundary, else a space or tab */
	char sep;		/* '-', ' ', or 0 when the text ends after the code */
	int has_esc;		/* an enhanced code follows the separator */
};

static int is_digit(char c) { return c >= '0' && c <= '9'; }
static int is_blank(char c) { return c == ' ' || c == '\t'; }
static int is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/* Whether p[0..n) opens with the first line's enhanced code e (elen bytes,
 * 0: none), then a blank or the end. A byte loop: the codes are short, a
 * library call would cost more than the comparison. */
static int is_esc(const char *p, size_t n, const char *e, size_t elen)
{
	if (elen == 0 || n < elen)
		return 0;
	for (size_t i = 0; i < elen; i++)
		if (p[i] != e[i])
			return 0;
	return n == elen || is_blank(p[elen]);
}

/* Length of the enhanced code of class cls ("5.7.26") at p[0..n), followed
 * by a blank or the end; one cut by the end ("5.7") counts. 0 if none.
 * *wide: a part has two digits or more. */
static size_t esc_at(const char *p, size_t n, char cls, int *wide)
{
	size_t i = 1;
	*wide = 0;
	if (n == 0 || p[0] != cls)
		return 0;
	for (int part = 0; part < 2; part++) {
		size_t d = 0;
		if (i == n)
			return i;
		if (p[i++] != '.')
			return 0;
		while (i < n && d < 3 && is_digit(p[i]))
			i++, d++;
		*wide |= d >= 2;
		if (i == n)
			return i;
		if (d == 0)
			return 0;
	}
	return is_blank(p[i]) ? i : 0;
}

/* Where the line boundary before in[at] starts, or (size_t)-1 when at is
 * not after one; *hard: a line break. */
static size_t boundary(const struct join *j, size_t at, int *hard)
{
	const char *in = j->in;
	size_t b = at;
	*hard = 1;
	if (b >= j->floor + 1 && in[b - 1] == '\n') {
		b--;
		if (b >= j->floor + 1 && in[b - 1] == '\r')
			b--;
	} else if (b >= j->floor + 2 && in[b - 2] == '\\' && in[b - 1] == 'n') {
		b -= 2;
		if (b >= j->floor + 2 && in[b - 2] == '\\' && in[b - 1] == 'r')
			b -= 2;
	} else if (b >= j->floor + 1 && is_blank(in[b - 1])) {
		*hard = 0;
	} else {
		return (size_t)-1;
	}
	while (b > j->floor && is_blank(in[b - 1]))
		b--;
	return b;
}

/* 1 when the first line's code recurs at in[at] (in[at] is its first
 * digit) as a line's prefix. */
static int prefix_at(const struct join *j, size_t at, struct prefix *p)
{
	const char *in = j->in;
	size_t k = at + 3;
	int wide;
	if (k > j->len || in[at + 1] != in[1] || in[at + 2] != in[2] ||
	    (k < j->len && in[k] != '-' && in[k] != ' '))
		return 0;
	if ((p->start = boundary(j, at, &p->hard)) == (size_t)-1)
		return 0;
	p->sep = k < j->len ? in[k++] : 0;
	p->has_esc = 0;
	if (p->sep) {	/* most lines repeat the first line's enhanced code */
		size_t e = is_esc(in + k, j->len - k, j->esc, j->esclen) ? j->esclen
			   : esc_at(in + k, j->len - k, in[0], &wide);
		p->has_esc = e > 0;
		k += e;
	}
	while (k < j->len && is_blank(in[k]))
		k++;
	p->end = k;
	return 1;
}

/* OpenSMTPD's glued enhanced code at in[at] ("the5.7.26 sender"): its end
 * (after the blanks that follow), or 0. */
static size_t glued_at(const struct join *j, size_t at)
{
	const char *in = j->in;
	size_t k = at + j->esclen;
	char c;
	if (!j->glue || at < j->floor + 1 || k >= j->len || !is_esc(in + at, j->len - at, j->esc, j->esclen) ||
	    !is_blank(in[k]))
		return 0;
	c = in[at - 1];
	if (!is_letter(c) && !(c != '\0' && strchr(".,;:!?)\"'", c) && at >= j->floor + 2 && is_letter(in[at - 2])))
		return 0;
	while (k < j->len && is_blank(in[k]))
		k++;
	return k;
}

/* The next prefix candidate at or after *at (advanced to it); 0 at the end. */
static int next_prefix(const struct join *j, size_t *at, struct prefix *p)
{
	const char *q;
	while (*at < j->len && (q = memchr(j->in + *at, j->in[0], j->len - *at)) != NULL) {
		*at = (size_t)(q - j->in);
		if (prefix_at(j, *at, p))
			return 1;
		++*at;
	}
	*at = j->len;
	return 0;
}

int reply_join_needed(const char *in, size_t len)
{
	if (len < 3 || in[0] < '2' || in[0] > '5' || !is_digit(in[1]) || !is_digit(in[2]) ||
	    (len > 3 && in[3] != '-' && in[3] != ' '))
		return 0;
	return (len > 3 && in[3] == '-') || memchr(in, '\n', len) != NULL || memchr(in, '\\', len) != NULL;
}

/* Reads the first line's prefix: its separator and enhanced code. */
static void first_line(struct join *j)
{
	int wide = 0;
	j->multi = j->len > 3 && j->in[3] == '-';
	j->floor = j->len > 3 ? 4 : 3;
	j->esclen = esc_at(j->in + j->floor, j->len - j->floor, j->in[0], &wide);
	j->esc = j->esclen ? j->in + j->floor : NULL;
	j->glue = j->multi && wide;
	j->floor += j->esclen;
}

/* Whether a middle line's prefix ("C-") comes after in[at]. Asked for
 * increasing at, it scans each byte once: j->ahead only moves on. */
static int middle_after(struct join *j, size_t at)
{
	struct prefix p;
	if (j->middle < j->len && j->middle > at)
		return 1;
	if (j->ahead <= at)
		j->ahead = at + 1;
	for (; next_prefix(j, &j->ahead, &p); j->ahead++)
		if (p.sep == '-') {
			j->middle = j->ahead++;
			return 1;
		}
	j->middle = j->len;
	return 0;
}

/* Whether p, at in[at], is a continuation (reply_join.h, A LATER PREFIX). */
static int accept(struct join *j, const struct prefix *p, size_t at)
{
	if (!p->hard && !j->multi)
		return 0;
	if (p->hard || p->sep == '-') {
		j->last_seen |= p->sep != '-';
		return 1;
	}
	if (j->esc && !p->has_esc && p->end < j->len)
		return 0;	/* "error 550 occurred" in a reply with enhanced codes */
	if (j->last_seen || middle_after(j, at))
		return 0;
	j->last_seen = 1;
	return 1;
}

size_t reply_join(const char *in, size_t len, char *out)
{
	struct join j = { .in = in, .len = len, .middle = len };
	struct prefix p;
	size_t at, copied = 0, o = 0, end;
	if (!reply_join_needed(in, len)) {	/* most replies: nothing to join */
		memcpy(out, in, len);
		out[len] = '\0';
		return len;
	}
	first_line(&j);
	for (at = j.floor; at < len;) {
		const char *q = memchr(in + at, in[0], len - at);
		if (q == NULL)
			break;
		at = (size_t)(q - in);
		if (prefix_at(&j, at, &p) && accept(&j, &p, at)) {
			end = p.end;
		} else if ((end = glued_at(&j, at)) != 0) {
			p.start = at;
		} else {
			at++;
			continue;
		}
		if (p.start > copied) {
			memcpy(out + o, in + copied, p.start - copied);
			o += p.start - copied;
		}
		if (end < len && o > 0 && out[o - 1] != ' ')
			out[o++] = ' ';
		copied = at = end;
	}
	memcpy(out + o, in + copied, len - copied);
	o += len - copied;
	out[o] = '\0';
	return o;
}
