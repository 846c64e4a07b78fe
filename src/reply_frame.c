/* reply_frame - a remote reply without the frame around it (see
 * reply_frame.h for the frames and the blanks).
 *
 * reply_unframe looks at the head of the text for each frame in turn: a
 * frame is taken only when a reply code follows it, so a text that merely
 * begins with "host", "smtp;", '>' or '`' stays whole. There are at most
 * REPLY_FRAMES_MAX frames, each scanned once, and the tail is scanned
 * backwards once per " (in reply to" it removes: linear in len.
 * Uses nothing but the C library.
 */
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <strings.h>
#include "reply_frame.h"

static int is_digit(char c) { return c >= '0' && c <= '9'; }
static int is_blank(char c) { return c == ' ' || c == '\t'; }
static int is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/* The offset of the first byte at or after i in p[0..n) that is not a blank. */
static size_t skip_blanks(const char *p, size_t n, size_t i)
{
	while (i < n && is_blank(p[i]))
		i++;
	return i;
}

/* Whether p[0..n) opens with a reply code: [2-5] two digits, then ' ', '-'
 * or the end (or close, when not 0: the closing quote or backtick around a
 * bare code). */
static int code_at(const char *p, size_t n, char close)
{
	return n >= 3 && p[0] >= '2' && p[0] <= '5' && is_digit(p[1]) && is_digit(p[2]) &&
	       (n == 3 || p[3] == ' ' || p[3] == '-' || (close && p[3] == close));
}

/* Whether p[0..n) opens with an enhanced status code (RFC 3463): a class
 * 2, 4 or 5, '.', 1 to 3 digits, '.', 1 to 3 digits, then ' ', the end or
 * close (when not 0). */
static int esc_at(const char *p, size_t n, char close)
{
	size_t i = 2, d;
	if (n < 5 || (p[0] != '2' && p[0] != '4' && p[0] != '5') || p[1] != '.')
		return 0;
	for (int part = 0; part < 2; part++) {
		for (d = 0; i < n && d < 4 && is_digit(p[i]); i++, d++)
			;
		if (d == 0 || d > 3 || (part == 0 && (i >= n || p[i++] != '.')))
			return 0;
	}
	return i == n || p[i] == ' ' || (close && p[i] == close);
}

/* Whether p[0..n) opens with lit (len bytes), without regard to case. */
static int starts(const char *p, size_t n, const char *lit, size_t len)
{
	return n >= len && strncasecmp(p, lit, len) == 0;
}

#define STARTS(p, n, lit) starts(p, n, lit, sizeof lit - 1)

/* Length of a host name at p[0..n): letters, digits, '.', '-', '_'. */
static size_t host_len(const char *p, size_t n)
{
	size_t i = 0;
	while (i < n && (is_letter(p[i]) || is_digit(p[i]) || p[i] == '.' || p[i] == '-' || p[i] == '_'))
		i++;
	return i;
}

/* Length of "[A]" at p[0..n): A without blanks or brackets; 0 if none. */
static size_t bracket_len(const char *p, size_t n)
{
	size_t i = 1;
	if (n == 0 || p[0] != '[')
		return 0;
	while (i < n && p[i] != ']' && p[i] != '[' && !is_blank(p[i]) && p[i] != '\n')
		i++;
	return i < n && p[i] == ']' && i > 1 ? i + 1 : 0;
}

/* Postfix's "host H[A] said: " / "host H[A] refused to talk to me: " and
 * Exim's "host H [A]: ": the frame's length, 0 if p does not open with one. */
static size_t host_frame(const char *p, size_t n)
{
	static const char said[] = " said: ", refused[] = " refused to talk to me: ";
	size_t i = 5, h, b;
	if (!STARTS(p, n, "host "))
		return 0;
	if ((h = host_len(p + i, n - i)) == 0)
		return 0;
	i += h;
	if (i < n && p[i] == ' ') {	/* Exim: a space, then "[A]: " */
		if ((b = bracket_len(p + i + 1, n - i - 1)) == 0 || !STARTS(p + i + 1 + b, n - i - 1 - b, ": "))
			return 0;
		return i + 1 + b + 2;
	}
	if ((b = bracket_len(p + i, n - i)) == 0)
		return 0;
	i += b;
	if (STARTS(p + i, n - i, said))
		return i + sizeof said - 1;
	if (STARTS(p + i, n - i, refused))
		return i + sizeof refused - 1;
	return 0;
}

/* Exim's "SMTP error from remote mail server after C: ", C up to the first
 * ": " that a reply code follows (after blanks, if any); 0 if none. */
static size_t exim_frame(const char *p, size_t n)
{
	static const char lead[] = "SMTP error from remote mail server after ";
	size_t i = sizeof lead - 1;
	if (!STARTS(p, n, lead))
		return 0;
	for (; i + 2 <= n; i++) {
		const char *c = memchr(p + i, ':', n - i);
		if (c == NULL)
			return 0;
		i = (size_t)(c - p);
		if (i + 1 < n && p[i + 1] == ' ') {
			size_t at = skip_blanks(p, n, i + 2);
			if (code_at(p + at, n - at, 0))
				return i + 2;
		}
	}
	return 0;
}

/* "smtp;" (the blanks after it go as after every frame); 0 if p does not
 * open with it. */
static size_t dsn_frame(const char *p, size_t n)
{
	return STARTS(p, n, "smtp;") ? 5 : 0;
}

/* A byte of the words of a stage: letters, blanks, '/' and '-'. */
static int stage_char(char c)
{
	return is_letter(c) || is_blank(c) || c == '/' || c == '-';
}

/* The length of the text once a " (in reply to WORDS command)" at its end
 * (and blanks after it) is gone, repeatedly; n if it has none. */
static size_t drop_stage(const char *p, size_t n)
{
	static const char open[] = "in reply to ", close[] = " command)";
	const size_t ol = sizeof open - 1, cl = sizeof close - 1;
	for (;;) {
		size_t e = n, b;
		while (e > 0 && is_blank(p[e - 1]))
			e--;
		if (e < cl || p[e - 1] != ')' || strncasecmp(p + e - cl, close, cl) != 0)
			return n;	/* most replies end otherwise: the ')' first, a library call after */
		b = e - cl;	/* back over the stage's words to the '(' before them */
		while (b > 0 && e - b < 64 && stage_char(p[b - 1]))
			b--;
		if (b < 2 || p[b - 1] != '(' || p[b - 2] != ' ' || e - cl - b <= ol ||
		    strncasecmp(p + b, open, ol) != 0)
			return n;
		n = b - 2;
	}
}

/* The offset after the quote marks at p[i..n): each '>' with the blanks
 * after it ("> ", ">> ", "> > "); i if none. */
static size_t skip_quote_marks(const char *p, size_t n, size_t i)
{
	while (i < n && p[i] == '>')
		i = skip_blanks(p, n, i + 1);
	return i;
}

/* The number of backticks (at most 3) opening p[i..n). */
static size_t tick_run(const char *p, size_t n, size_t i)
{
	size_t k = 0;
	while (k < 3 && i + k < n && p[i + k] == '`')
		k++;
	return k;
}

/* The length of p[0..n) once the backticks (at most ticks) closing a code
 * span at its end, and the blanks after them, are gone; n if none. */
static size_t drop_ticks(const char *p, size_t n, size_t ticks)
{
	size_t e = n, k = 0;
	while (e > 0 && is_blank(p[e - 1]))
		e--;
	while (k < ticks && e > 0 && p[e - 1] == '`')
		e--, k++;
	return k > 0 ? e : n;
}

size_t reply_unframe(const char *in, size_t len, size_t *off)
{
	static const char exch[] = "Remote Server returned '";
	size_t at = 0, blanks = skip_blanks(in, len, 0), cand = skip_quote_marks(in, len, blanks), ticks, n;
	int quoted = 0, q_cand = 0;
	ticks = tick_run(in, len, cand);
	if (ticks > 0 || cand > blanks) {	/* a pasted reply's marks before a code or an enhanced code */
		cand = skip_blanks(in, len, cand + ticks);
		char close = ticks > 0 ? '`' : 0;
		if (code_at(in + cand, len - cand, close) || esc_at(in + cand, len - cand, close))
			at = cand;
	} else if (blanks > 0 && code_at(in + blanks, len - blanks, 0)) {	/* blanks before a bare code */
		at = blanks;
	}
	for (int k = 0; k < REPLY_FRAMES_MAX && len > cand && is_letter(in[cand]); k++) {
		/* frames in turn (each opens with a letter); kept up to the last a code follows */
		const char *p = in + cand;
		size_t f, rest = len - cand;
		int q = STARTS(p, rest, exch);
		if (q)
			f = sizeof exch - 1;
		else if ((f = host_frame(p, rest)) == 0 && (f = exim_frame(p, rest)) == 0)
			f = dsn_frame(p, rest);
		if (f == 0)
			break;
		cand = skip_blanks(in, len, cand + f);
		q_cand |= q;
		if (code_at(in + cand, len - cand, q_cand ? '\'' : 0)) {
			at = cand;
			quoted = q_cand;
		}
	}
	n = ticks > 0 && at > 0 ? at + drop_ticks(in + at, len - at, ticks) : len;
	n = at + drop_stage(in + at, n - at);
	if (quoted) {	/* Exchange's closing quote, before blanks at the end (and
			 * before Postfix's tail, gone above) */
		size_t e = n;
		while (e > at && is_blank(in[e - 1]))
			e--;
		if (e > at && in[e - 1] == '\'')
			n = at + drop_stage(in + at, e - 1 - at);
	}
	*off = at;
	return n - at;
}

#if defined(__SSE2__)
/* A bit per byte of p[0..16) that reply_squeeze would change, each judged
 * with its next byte (a second, unaligned load one byte further; p[16]
 * must be readable): a tab, or a space before a blank. */
static unsigned squeeze_hits16(const char *p)
{
	const __m128i vsp = _mm_set1_epi8(' '), vtab = _mm_set1_epi8('\t');
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
	__m128i nx = _mm_loadu_si128((const __m128i *)(const void *)(p + 1));
	__m128i blank_next = _mm_or_si128(_mm_cmpeq_epi8(nx, vsp), _mm_cmpeq_epi8(nx, vtab));
	__m128i hit = _mm_or_si128(_mm_cmpeq_epi8(v, vtab), _mm_and_si128(_mm_cmpeq_epi8(v, vsp), blank_next));
	return (unsigned)_mm_movemask_epi8(hit);
}
#elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define SQUEEZE_SWAR 1
#define ONES 0x0101010101010101ull
#define LOW7 0x7f7f7f7f7f7f7f7full

/* 0x80 in each byte of w equal to c, 0 in the others (exact: no carry
 * crosses a byte). */
static uint64_t bytes_eq(uint64_t w, unsigned char c)
{
	uint64_t x = w ^ (ONES * c);
	return ~(((x & LOW7) + LOW7) | x) & ~LOW7;
}
#endif

/* One fast loop for the target (SSE2, else an 8-byte word on a
 * little-endian machine), each block judged with the byte after it, then
 * the bytes it left one by one. With SSE2 one more block, ending where the
 * last byte starts, judges what the loop left but the last byte: its bytes
 * before i were judged already and found nothing. */
size_t reply_squeeze_at(const char *in, size_t len)
{
	size_t i = 0;
#if defined(__SSE2__)
	unsigned m;
	for (; i + 17 <= len; i += 16)
		if ((m = squeeze_hits16(in + i)) != 0)
			return i + (size_t)__builtin_ctz(m);
	if (i > 0 && i + 1 < len) {
		if ((m = squeeze_hits16(in + len - 17)) != 0)
			return len - 17 + (size_t)__builtin_ctz(m);
		i = len - 1;
	}
#elif defined(SQUEEZE_SWAR)
	/* eight bytes at a time, the first seven judged (the eighth is the
	 * seventh's next byte): a tab, or a space before a blank */
	for (; i + 8 <= len; i += 7) {
		uint64_t w, sp, tab, hit;
		memcpy(&w, in + i, sizeof w);
		sp = bytes_eq(w, ' ');
		tab = bytes_eq(w, '\t');
		hit = (tab | (sp & ((sp | tab) >> 8))) & 0x0080808080808080ull;
		if (hit)
			return i + (size_t)(__builtin_ctzll(hit) >> 3);
	}
#endif
	for (; i < len; i++)
		if (in[i] == '\t' || (in[i] == ' ' && (i + 1 == len || is_blank(in[i + 1]))))
			return i;
	return len;
}

size_t reply_squeeze(const char *in, size_t len, char *out)
{
	return reply_squeeze_from(in, len, reply_squeeze_at(in, len), out);
}

size_t reply_squeeze_from(const char *in, size_t len, size_t i, char *out)
{
	size_t o = i;
	if (out != in)
		memcpy(out, in, i);
	while (i < len) {	/* at a run of blanks to squeeze: one space, none at the end */
		size_t next, b = i;
		while (i < len && is_blank(in[i]))
			i++;
		if (i < len && i > b)	/* o <= b < i: the output never passes the input */
			out[o++] = ' ';
		next = i + reply_squeeze_at(in + i, len - i);
		memmove(out + o, in + i, next - i);
		o += next - i;
		i = next;
	}
	out[o] = '\0';
	return o;
}
