/* fuzz_parse - libFuzzer harness for the line pipeline without storage:
 * line_parse (header -> the format of every MTA in fmt.c's table) ->
 * classifier, over every line of the input, with the formats' state (queue
 * ids, sessions) carried from line to line as in a real log. Built and run
 * by `make fuzz`.
 * Invariants checked: spans handed out lie inside the line or the parser's
 * state and never past their length (AddressSanitizer catches any read
 * outside); a delivery's fields are consistent. */
#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "line.h"
#include "rules.h"

static struct rules *rules;
static struct line *lp;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char err[4096];
	const char *dir = getenv("BW_FUZZ_RULES") ? getenv("BW_FUZZ_RULES") : "patterns";
	(void)argc;
	(void)argv;
	if ((rules = rules_load(dir, err, sizeof err)) == NULL) {
		fprintf(stderr, "fuzz_parse: %s\n", err);
		exit(2);
	}
	lp = line_new(1795857243, 0);
	return 0;
}

/* Touches every byte of a span so that ASan sees a bad one. */
static unsigned touch(struct str s)
{
	unsigned x = 0;
	assert(s.p != NULL || s.len == 0);
	for (size_t i = 0; i < s.len; i++)
		x += (unsigned char)s.p[i];
	return x;
}

static void one_line(const char *line, size_t len)
{
	struct syslog_hdr h;
	struct delivery d;
	struct verdict v;
	volatile unsigned sink = 0;
	enum line_result r = line_parse(lp, line, len, &h, &d, NULL);
	if (r == LINE_NO_HEADER)
		return;
	sink += touch(h.host) + touch(h.prog) + touch(h.msg);
	if (r != LINE_DELIVERY)
		return;
	sink += touch(d.queue_id) + touch(d.sender) + touch(d.recipient) + touch(d.orig_to);
	sink += touch(d.relay_host) + touch(d.relay_ip) + touch(d.dsn) + touch(d.reply);
	sink += touch(d.detail) + touch(d.delays) + touch(d.status_word) + touch(d.program);
	assert(strlen(d.rcpt_domain) < sizeof d.rcpt_domain);
	assert(d.status >= 0 && d.status < DS__COUNT);
	assert(d.smtp_code == 0 || (d.smtp_code >= 100 && d.smtp_code <= 999));
	rules_classify(rules, &d, &v);
	assert(strlen(v.sending_ip) < sizeof v.sending_ip);
	assert(v.rule_id == NULL || v.category != NULL);
	(void)sink;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data, *end = p + size;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		/* an exact-size copy, so a read past the line is a heap overflow */
		char *line = malloc(n ? n : 1);
		memcpy(line, p, n);
		one_line(line, n);
		free(line);
		p += n + 1;
	}
	return 0;
}
