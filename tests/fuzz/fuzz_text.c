/* fuzz_text - libFuzzer harness for the small readers and writers of
 * untrusted text, each given the whole input: the times a user types
 * (--since/--until: when_parse, when_duration), the sending IP taken from a
 * reply (reply_ip_find), the normal form of a reply (reply_normalise), the
 * joined text of a multi-line reply (reply_join), the reply without its
 * frame and its blanks squeezed (reply_frame), the reply read through a
 * paste's entities and typographic characters (reply_paste), the escaping
 * of every human-facing output (text_esc_piece, html_esc, json_str), UTF-8
 * decoding and the CSV record reader.
 * Invariants: outputs are NUL-terminated within their buffers, an IP found
 * is an address, a joined text is no longer than its reply (as long only
 * when it is the same, and so when reply_join_needed says no), keeps its
 * first three bytes and holds nothing but the reply's bytes in order and
 * spaces, an unframed reply lies inside its text and opens with a reply
 * code (or, after a paste's marks, an enhanced code) when a frame went (at
 * that code when only blanks came before it), a squeezed text has no tab,
 * no two blanks in a row and no blank at its end, a pasted text read
 * through is no longer than its reply (the same text exactly when
 * reply_paste_at found nothing), the same before the first change, the
 * same in place and the same read from the start (reply_paste_at's fast
 * scan misses nothing), an escaped text never contains a control byte,
 * the JSON string is quoted; AddressSanitizer catches any read outside the
 * input.
 * Built and run by `make fuzz`; the committed corpus is replayed by `make test`. */
#include <arpa/inet.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "csv.h"
#include "html_esc.h"
#include "json_str.h"
#include "normalise.h"
#include "reply_frame.h"
#include "reply_ip.h"
#include "reply_join.h"
#include "reply_paste.h"
#include "text_esc.h"
#include "utf8.h"
#include "when.h"

static FILE *devnull;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if ((devnull = fopen("/dev/null", "w")) == NULL)
		exit(2);
	return 0;
}

static void check_when(const char *s)
{
	double t;
	long d = when_duration(s);
	if (d < -1)
		__builtin_trap();
	(void)when_parse(s, 1795857243.0, &t);
}

static void check_ip(const char *p, size_t n)
{
	char ip[64];
	const char *prefer[] = { "192.0.2.7", "2001:db8::1" };
	unsigned char bin[16];
	if (reply_ip_find(p, n, "198.51.100.1", prefer, 2, ip, sizeof ip) == 1) {
		if (inet_pton(AF_INET, ip, bin) != 1 && inet_pton(AF_INET6, ip, bin) != 1)
			__builtin_trap();
	} else if (ip[0] != '\0') {
		__builtin_trap();
	}
	(void)reply_ip_find(p, n, NULL, NULL, 0, ip, sizeof ip);
}

static void check_normalise(const char *p, size_t n)
{
	char out[512], tiny[1];
	size_t k = reply_normalise(p, n, out, sizeof out);
	/* other bytes are copied unchanged, NUL included: the length is k */
	if (k >= sizeof out || out[k] != '\0' || (memchr(p, '\0', n) == NULL && strlen(out) != k))
		__builtin_trap();
	if (reply_normalise(p, n, tiny, sizeof tiny) != 0 || tiny[0] != '\0')
		__builtin_trap();
}

static void check_join(const char *p, size_t n)
{
	char *out = malloc(n + 1);
	size_t k = reply_join(p, n, out), i = 0;
	if (k > n || out[k] != '\0' || (k == n && memcmp(out, p, n) != 0) ||
	    memcmp(out, p, k < 3 ? k : 3) != 0 || (!reply_join_needed(p, n) && k != n))
		__builtin_trap();
	for (size_t j = 0; j < k; j++) {	/* out without its spaces: a subsequence of p */
		if (out[j] == ' ')
			continue;
		while (i < n && p[i] != out[j])
			i++;
		if (i++ >= n)
			__builtin_trap();
	}
	free(out);
}

static void check_frame(const char *p, size_t n)
{
	size_t off = 0, k = reply_unframe(p, n, &off), q, b = 0;
	char *out = malloc(n + 1);
	if (off > n || k > n - off ||
	    (off > 0 && (n - off < 3 || p[off] < '2' || p[off] > '5' ||
			 ((p[off + 1] < '0' || p[off + 1] > '9') && p[off + 1] != '.'))))
		__builtin_trap();
	while (b < n && (p[b] == ' ' || p[b] == '\t'))
		b++;	/* blanks, then a bare code: the reply starts at the code */
	if (b > 0 && n - b >= 3 && p[b] >= '2' && p[b] <= '5' && p[b + 1] >= '0' && p[b + 1] <= '9' &&
	    p[b + 2] >= '0' && p[b + 2] <= '9' && (n - b == 3 || p[b + 3] == ' ' || p[b + 3] == '-') && off != b)
		__builtin_trap();
	q = reply_squeeze(p, n, out);
	if (q > n || out[q] != '\0' || (reply_squeeze_at(p, n) == n && (q != n || memcmp(out, p, n) != 0)) ||
	    (reply_squeeze_at(p, n) < n && q == n && memchr(p, '\t', n) == NULL) ||
	    (q > 0 && out[q - 1] == ' '))
		__builtin_trap();
	for (size_t j = 0; j < q; j++)
		if (out[j] == '\t' || (j > 0 && out[j] == ' ' && out[j - 1] == ' '))
			__builtin_trap();
	free(out);
}

static void check_paste(const char *p, size_t n)
{
	char *out = malloc(n + 1), *inplace = malloc(n + 1);
	size_t at = reply_paste_at(p, n), k = reply_paste(p, n, out);
	if (at > n || k > n || out[k] != '\0' || (at == n) != (k == n && memcmp(out, p, n) == 0) ||
	    memcmp(out, p, at) != 0)
		__builtin_trap();
	memcpy(inplace, p, n);
	if (reply_paste_from(inplace, n, at, inplace) != k || memcmp(inplace, out, k + 1) != 0)
		__builtin_trap();
	if (reply_paste_from(p, n, 0, inplace) != k || memcmp(inplace, out, k + 1) != 0)
		__builtin_trap();	/* reply_paste_at's fast scan missed no shape before at */
	free(out);
	free(inplace);
}

static void check_esc(const char *p, size_t n)
{
	char esc[16], js[256];
	size_t i = 0, k;
	while (i < n) {
		const char *piece;
		int w;
		size_t before = i;
		size_t len = text_esc_piece(p, n, &i, esc, &piece, &w);
		if (i <= before || i > n || len == 0)
			__builtin_trap();
		for (size_t j = 0; j < len; j++)
			if ((unsigned char)piece[j] < 0x20 || piece[j] == 0x7f)
				__builtin_trap();
	}
	html_esc(devnull, p, n);
	html_esc_linked(devnull, p, n);
	json_fput(devnull, p, n);
	k = json_str(js, sizeof js, p, n);
	if (k > JSON_STR_MAX(n) || memchr(js, '\0', sizeof js) == NULL || js[0] != '"')
		__builtin_trap();
	for (i = 0; i < n;) {
		unsigned cp;
		size_t step = utf8_decode((const unsigned char *)p + i, n - i, &cp);
		if (step > 4 || step > n - i)
			__builtin_trap();
		i += step ? step : 1;
	}
	(void)utf8_valid(p, n);
}

static void check_csv(const char *p, size_t n)
{
	static struct csv_reader r;
	char err[256];
	int rc, records = 0;
	csv_init(&r, p, n);
	while ((rc = csv_next(&r, err, sizeof err)) != 0 && records++ <= (int)n + 1)
		if (rc == 1 && r.nfield > CSV_FIELDS_MAX)
			__builtin_trap();
	if (records > (int)n + 1)
		__builtin_trap();	/* no progress */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data;
	char *s = malloc(size + 1);	/* the C-string readers get a copy */
	memcpy(s, data, size);
	s[size] = '\0';
	check_when(s);
	free(s);
	check_ip(p, size);
	check_normalise(p, size);
	check_join(p, size);
	check_frame(p, size);
	check_paste(p, size);
	check_esc(p, size);
	check_csv(p, size);
	return 0;
}
