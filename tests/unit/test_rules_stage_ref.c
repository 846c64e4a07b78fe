/* The "stage" key against a reference of its contract (rules.h): one rule
 * for each of the 128 sets of the seven stage words, each list written in
 * a seeded random order with random separators and repeats, all matching
 * the same reply; at each delivery stage, every rule is tried (rules_try)
 * and the reply classified (rules_classify), and the outcome is the
 * reference's: a rule without a list, or a line without a stage, is tried;
 * "data" is the DATA command and the end of DATA; any other stage (QUIT,
 * an unknown command) is skipped by every list. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include "delivery.h"
#include "rules.h"
#include "testutil.h"

static const struct {
	const char *word;
	enum delivery_stage st[2];
} words[7] = {
	{ "connect", { STAGE_CONNECT, STAGE_CONNECT } }, { "helo", { STAGE_HELO, STAGE_HELO } },
	{ "starttls", { STAGE_STARTTLS, STAGE_STARTTLS } }, { "auth", { STAGE_AUTH, STAGE_AUTH } },
	{ "mail", { STAGE_MAIL, STAGE_MAIL } }, { "rcpt", { STAGE_RCPT, STAGE_RCPT } },
	{ "data", { STAGE_DATA, STAGE_EOD } },
};

static uint64_t rng = 0x2545f4914f6cdd1dull;

static uint64_t next(void)
{
	rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
	return rng;
}

/* Whether the rule of word set `set` (bit k: words[k]) is tried at sg. */
static int ref_tried(unsigned set, enum delivery_stage sg)
{
	if (set == 0 || sg == STAGE_NONE)
		return 1;
	for (int k = 0; k < 7; k++)
		if ((set & (1u << k)) && (words[k].st[0] == sg || words[k].st[1] == sg))
			return 1;
	return 0;
}

/* Writes rule s<set>'s stage list (none for set 0): the words of set in a
 * random order, some twice, joined by random separators. */
static void write_rule(FILE *f, unsigned set)
{
	static const char *const seps[] = { ", ", ",", " , ", " ", "\t", ",,", ", \t" };
	int order[14], n = 0;
	fprintf(f, "[s%u]\ncategory = other\nmatch = ^550 \n", set);
	if (set == 0)
		return;
	for (int k = 0; k < 7; k++)
		if (set & (1u << k)) {
			order[n++] = k;
			if (next() % 4 == 0)
				order[n++] = k;
		}
	for (int i = n - 1; i > 0; i--) {
		int j = (int)(next() % (uint64_t)(i + 1)), t = order[i];
		order[i] = order[j], order[j] = t;
	}
	fputs("stage =", f);
	for (int i = 0; i < n; i++)
		fprintf(f, "%s%s", i == 0 ? " " : seps[next() % (sizeof seps / sizeof seps[0])], words[order[i]].word);
	fputs("\n", f);
}

static void test_every_set_every_stage(void **state)
{
	char dir[64], err[2048], ip[VERDICT_IP_MAX], *text = NULL;
	size_t tl = 0;
	struct rules *r;
	FILE *f = open_memstream(&text, &tl);
	(void)state;
	assert_non_null(f);
	for (unsigned set = 0; set < 128; set++)
		write_rule(f, set);
	assert_int_equal(fclose(f), 0);
	tu_mkdtemp(dir, sizeof dir, "stageref");
	tu_write(dir, "a.rules", text);
	free(text);
	r = rules_load(dir, err, sizeof err);
	tu_rmtree(dir);
	if (r == NULL)
		fail_msg("%s", err);
	assert_int_equal(rules_count(r), 128);
	for (int sg = 0; sg < STAGE__COUNT; sg++) {
		struct delivery d;
		struct verdict v;
		const char *first = NULL;
		delivery_reset(&d);
		d.status = DS_BOUNCED;
		d.stage = (enum delivery_stage)sg;
		d.reply = str_cstr("550 x");
		for (size_t i = 0; i < rules_count(r); i++) {
			const struct rule_info *ri = rules_info(r, i);
			unsigned set = (unsigned)strtoul(ri->id + 1, NULL, 10);
			enum rule_try want = ref_tried(set, (enum delivery_stage)sg) ? RULE_MATCH : RULE_SKIP_STAGE;
			if (rules_try(r, i, &d, ip) != want)
				fail_msg("rule %s at stage %d: %d, want %d", ri->id, sg, rules_try(r, i, &d, ip), want);
			if (want == RULE_MATCH && first == NULL)
				first = ri->id;
		}
		if (first == NULL) {
			assert_int_equal(rules_classify(r, &d, &v), 0);
		} else {
			assert_int_equal(rules_classify(r, &d, &v), 1);
			assert_string_equal(v.rule_id, first);
		}
	}
	rules_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_set_every_stage),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
