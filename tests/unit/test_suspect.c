/* test_suspect - the no-rule block detector: the shape of a block (many
 * distinct recipients at one pool refused alike, nothing accepted, within
 * the window) and the waves that must not look like one (per-recipient
 * replies, user-unknown codes, accepted mail, a slow trickle).
 * Deliveries and verdicts are built here as the parser and the classifier
 * hand them over.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "suspect.h"

#define T0 1795857243.0	/* 2026-11-28T09:14:03Z */

static const char HOLD[] = "550 5.7.0 Message refused by PolicyShield (ref 8812): sender server on hold";

struct fx {
	struct suspect *s;
	char rcpt[32][64];
	char reply[32][128];
	int n;
	struct suspect_seen seen;
	const char *ev;	/* seen.evidence */
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	f->s = suspect_new(&(struct suspect_cfg){ 5, 600 });
	f->ev = f->seen.evidence;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	suspect_free(f->s);
	free(f);
	return 0;
}

/* A delivery to rcpt with status st and reply (copied into f), at ts. */
static struct delivery dlv(struct fx *f, enum delivery_status st, double ts, const char *rcpt,
			   const char *reply, const char *dsn)
{
	struct delivery d;
	int k = f->n++ % 32;
	delivery_reset(&d);
	snprintf(f->rcpt[k], sizeof f->rcpt[k], "%s", rcpt);
	snprintf(f->reply[k], sizeof f->reply[k], "%s", reply ? reply : "");
	d.ts = ts;
	d.status = st;
	d.recipient = str_cstr(f->rcpt[k]);
	d.reply = str_cstr(f->reply[k]);
	d.dsn = str_cstr(dsn ? dsn : "");
	return d;
}

static const struct verdict NONE = { 0 };

/* Feeds the i-th recipient of domain dom a refusal; returns suspect_observe's answer. */
static int refuse(struct fx *f, const char *pool, int i, double ts, const char *reply,
		  const struct verdict *v, const char *dsn)
{
	char rcpt[64];
	snprintf(rcpt, sizeof rcpt, "user%c@%s", 'a' + i, pool);
	struct delivery d = dlv(f, DS_BOUNCED, ts, rcpt, reply, dsn);
	return suspect_observe(f->s, &d, v, pool, &f->seen);
}

static void accept_one(struct fx *f, const char *pool, double ts)
{
	struct delivery d = dlv(f, DS_SENT, ts, "ok@x", "250 ok", "2.0.0");
	assert_int_equal(suspect_observe(f->s, &d, &NONE, pool, &f->seen), 0);
}

static void fifth_recipient_shows_the_shape(void **state)
{
	struct fx *f = *state;
	for (int i = 0; i < 4; i++)
		assert_int_equal(refuse(f, "example.com", i, T0 + i * 10, HOLD, &NONE, "5.7.0"), 0);
	/* the same recipient again is no new evidence */
	assert_int_equal(refuse(f, "example.com", 3, T0 + 45, HOLD, &NONE, "5.7.0"), 0);
	assert_int_equal(refuse(f, "example.com", 4, T0 + 130, HOLD, &NONE, "5.7.0"), 1);
	assert_string_equal(f->ev, "5 recipients refused with this reply within 2m10s since "
				   "2026-11-28T09:14:03Z, nothing accepted; no rule calls it a block");
	assert_int_equal(f->seen.recipients, 5);
	assert_true(f->seen.since == T0);
	/* it goes on saying so while the shape holds */
	assert_int_equal(refuse(f, "example.com", 5, T0 + 140, HOLD, &NONE, "5.7.0"), 1);
	assert_non_null(strstr(f->ev, "6 recipients"));
	assert_int_equal(suspect_stats(f->s)->seen, 2);
}

/* Numbers, addresses and IPs in the reply do not split the group. */
static void normalised_replies_group(void **state)
{
	struct fx *f = *state;
	char reply[128];
	int hit = 0;
	for (int i = 0; i < 5; i++) {
		snprintf(reply, sizeof reply, "554 Refused for <user%c@example.com> from [192.0.2.%d] ref %d",
			 'a' + i, i + 1, 1000 + i);
		hit = refuse(f, "example.com", i, T0 + i, reply, &NONE, NULL);
	}
	assert_int_equal(hit, 1);
}

static void replies_that_differ_per_recipient(void **state)
{
	struct fx *f = *state;
	static const char *const who[] = { "alice", "bob", "carol", "dave", "erin", "frank" };
	char reply[128];
	for (int i = 0; i < 6; i++) {
		snprintf(reply, sizeof reply, "550 %s has left Example Org, mail is not read", who[i]);
		assert_int_equal(refuse(f, "example.org", i, T0 + i, reply, &NONE, NULL), 0);
	}
	assert_int_equal(suspect_stats(f->s)->seen, 0);
	assert_int_equal(suspect_stats(f->s)->candidates, 6);
}

static void user_unknown_codes_and_rules(void **state)
{
	struct fx *f = *state;
	struct verdict uu = { .rule_id = "generic-user-unknown", .category = "user-unknown" };
	for (int i = 0; i < 8; i++) {
		/* an addressing / mailbox code in dsn= or at the reply's start, or a rule */
		assert_int_equal(refuse(f, "a.example", i, T0 + i, "550 Address rejected by PolicyShield", &NONE, "5.1.3"), 0);
		assert_int_equal(refuse(f, "b.example", i, T0 + i, "550 5.2.0 Mailbox unavailable at PolicyShield", &NONE, NULL), 0);
		assert_int_equal(refuse(f, "c.example", i, T0 + i, "552-5.3.4 Message too big for PolicyShield", &NONE, NULL), 0);
		assert_int_equal(refuse(f, "d.example", i, T0 + i, "550 no such person here", &uu, NULL), 0);
	}
	assert_int_equal(suspect_stats(f->s)->candidates, 0);
}

static void rules_that_know_the_reply(void **state)
{
	struct fx *f = *state;
	struct verdict block = { .rule_id = "x", .category = "blocklist", .block = 1 };
	struct verdict ptr = { .rule_id = "x", .category = "ptr" };
	struct verdict grey = { .rule_id = "x", .category = "greylist" };
	struct verdict content = { .rule_id = "generic-5-7-1", .category = "content" };
	struct delivery d = dlv(f, DS_BOUNCED, T0, "a@x", HOLD, NULL);
	assert_int_equal(suspect_candidate(&d, &block), 0);
	assert_int_equal(suspect_candidate(&d, &ptr), 0);
	assert_int_equal(suspect_candidate(&d, &grey), 0);
	/* a per-recipient limit is the recipient's; a limit whose "no" is the
	 * rule's tie-break (the server's or the client's?) is left to the shape */
	struct verdict rate = { .rule_id = "generic-rate-recipient", .category = "rate" };
	struct verdict unnamed = { .rule_id = "generic-connections-unnamed", .category = "rate", .tie_break = 1 };
	assert_int_equal(suspect_candidate(&d, &rate), 0);
	assert_int_equal(suspect_candidate(&d, &unnamed), 1);
	/* a guess from the status code alone does not know the sender's standing */
	assert_int_equal(suspect_candidate(&d, &content), 1);
	assert_int_equal(suspect_candidate(&d, &NONE), 1);
	d.status = DS_SENT;
	assert_int_equal(suspect_candidate(&d, &NONE), 0);
	d.status = DS_EXPIRED;
	assert_int_equal(suspect_candidate(&d, &NONE), 0);
	d.status = DS_DEFERRED;
	d.recipient = str_cstr("");	/* no recipient to count */
	assert_int_equal(suspect_candidate(&d, &NONE), 0);
}

static void accepted_mail_breaks_the_shape(void **state)
{
	struct fx *f = *state;
	for (int i = 0; i < 4; i++)
		assert_int_equal(refuse(f, "example.com", i, T0 + i, HOLD, &NONE, NULL), 0);
	accept_one(f, "example.com", T0 + 10);
	/* the four before the acceptance no longer count */
	for (int i = 4; i < 8; i++)
		assert_int_equal(refuse(f, "example.com", i, T0 + 20 + i, HOLD, &NONE, NULL), 0);
	assert_int_equal(refuse(f, "example.com", 8, T0 + 40, HOLD, &NONE, NULL), 1);
	/* another pool's acceptance is not this pool's */
	accept_one(f, "example.net", T0 + 50);
	assert_int_equal(refuse(f, "example.com", 9, T0 + 60, HOLD, &NONE, NULL), 1);
}

static void a_trickle_is_not_a_wave(void **state)
{
	struct fx *f = *state;
	for (int i = 0; i < 10; i++)	/* one every 3 minutes: at most 4 within 10 minutes */
		assert_int_equal(refuse(f, "example.com", i, T0 + i * 180, HOLD, &NONE, NULL), 0);
}

static void off_and_bounds(void **state)
{
	struct fx *f = *state;
	struct suspect *off = suspect_new(&(struct suspect_cfg){ 0, 600 });
	char pool[32];
	for (int i = 0; i < 6; i++) {
		snprintf(pool, sizeof pool, "u%d@example.com", i);
		struct delivery d = dlv(f, DS_BOUNCED, T0 + i, pool, HOLD, NULL);
		assert_int_equal(suspect_observe(off, &d, &NONE, "example.com", &f->seen), 0);
	}
	assert_int_equal(suspect_stats(off)->candidates, 0);
	suspect_free(off);
	/* groups beyond the bound are counted, not kept */
	for (int i = 0; i < SUSPECT_GROUPS_MAX + 10; i++) {
		snprintf(pool, sizeof pool, "p%d.example", i);
		refuse(f, pool, 0, T0, HOLD, &NONE, NULL);
	}
	assert_int_equal(suspect_stats(f->s)->dropped, 10);
	assert_int_equal(suspect_stats(f->s)->candidates, SUSPECT_GROUPS_MAX);
	/* later, the groups quiet for longer than the window give way to new ones */
	for (int i = 0; i < 5; i++)
		assert_int_equal(refuse(f, "new.example", i, T0 + 1000 + i, HOLD, &NONE, NULL), i == 4);
	assert_int_equal(suspect_stats(f->s)->dropped, 10);
}

struct seen {
	char text[4][160];
	unsigned most[4];
	int n;
};

static int collect(void *arg, const char *pool, const char *norm, const char *reply, unsigned most)
{
	struct seen *s = arg;
	(void)reply;
	if (s->n < 4) {
		snprintf(s->text[s->n], sizeof s->text[0], "%s|%s", pool, norm);
		s->most[s->n++] = most;
	}
	return 0;
}

static void seen_groups_most_first(void **state)
{
	struct fx *f = *state;
	struct seen s = { .n = 0 };
	for (int i = 0; i < 5; i++)
		refuse(f, "one.example", i, T0 + i, HOLD, &NONE, NULL);
	for (int i = 0; i < 7; i++)
		refuse(f, "two.example", i, T0 + i, "421 Too busy here, come back", &NONE, NULL);
	for (int i = 0; i < 3; i++)	/* not the shape: not listed */
		refuse(f, "three.example", i, T0 + i, HOLD, &NONE, NULL);
	suspect_each_seen(f->s, collect, &s);
	assert_int_equal(s.n, 2);
	assert_string_equal(s.text[0], "two.example|421 Too busy here, come back");
	assert_int_equal(s.most[0], 7);
	assert_int_equal(s.most[1], 5);
}

/* A batch undone leaves the detector as the last keep left it: the
 * recipients, the acceptances and the counters of the batch are forgotten
 * (lines read again then count once), those kept stay; also when the table
 * was compacted in the batch (the kept group moved). */
static void undo_forgets_the_batch(void **state)
{
	struct fx *f = *state;
	char pool[32];
	suspect_keep(f->s);
	for (int i = 0; i < SUSPECT_GROUPS_MAX - 8; i++) {	/* quiet long ago */
		snprintf(pool, sizeof pool, "q%d.example", i);
		refuse(f, pool, 0, T0 - 5000, HOLD, &NONE, NULL);
	}
	for (int i = 0; i < 3; i++)
		assert_int_equal(refuse(f, "held.example", i, T0 + i, HOLD, &NONE, NULL), 0);
	suspect_keep(f->s);
	/* undone: two more recipients (the shape), then an acceptance */
	for (int i = 3; i < 5; i++)
		assert_int_equal(refuse(f, "held.example", i, T0 + i, HOLD, &NONE, NULL), i == 4);
	accept_one(f, "held.example", T0 + 10);
	suspect_undo(f->s);
	assert_int_equal(suspect_stats(f->s)->candidates, SUSPECT_GROUPS_MAX - 5);
	assert_int_equal(suspect_stats(f->s)->seen, 0);
	/* one recipient more than kept is four: no shape; the acceptance is
	 * forgotten, so the three kept still count */
	assert_int_equal(refuse(f, "held.example", 9, T0 + 20, HOLD, &NONE, NULL), 0);
	assert_int_equal(refuse(f, "held.example", 3, T0 + 21, HOLD, &NONE, NULL), 1);
	assert_int_equal(f->seen.recipients, 5);
	suspect_undo(f->s);
	/* compacted within the batch: the held group moves to the front */
	for (int i = 0; i < 12; i++) {
		snprintf(pool, sizeof pool, "n%d.example", i);
		refuse(f, pool, 0, T0 + 30, HOLD, &NONE, NULL);
	}
	assert_int_equal(refuse(f, "held.example", 3, T0 + 31, HOLD, &NONE, NULL), 0);
	assert_int_equal(refuse(f, "held.example", 4, T0 + 32, HOLD, &NONE, NULL), 1);
	suspect_undo(f->s);
	assert_int_equal(refuse(f, "held.example", 9, T0 + 40, HOLD, &NONE, NULL), 0);
	assert_int_equal(suspect_stats(f->s)->candidates, SUSPECT_GROUPS_MAX - 4);
	assert_int_equal(suspect_stats(f->s)->dropped, 0);
	struct seen s = { .n = 0 };
	suspect_each_seen(f->s, collect, &s);
	assert_int_equal(s.n, 0);	/* the shapes seen in undone batches are gone */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(fifth_recipient_shows_the_shape, setup, teardown),
		cmocka_unit_test_setup_teardown(normalised_replies_group, setup, teardown),
		cmocka_unit_test_setup_teardown(replies_that_differ_per_recipient, setup, teardown),
		cmocka_unit_test_setup_teardown(user_unknown_codes_and_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(rules_that_know_the_reply, setup, teardown),
		cmocka_unit_test_setup_teardown(accepted_mail_breaks_the_shape, setup, teardown),
		cmocka_unit_test_setup_teardown(a_trickle_is_not_a_wave, setup, teardown),
		cmocka_unit_test_setup_teardown(off_and_bounds, setup, teardown),
		cmocka_unit_test_setup_teardown(seen_groups_most_first, setup, teardown),
		cmocka_unit_test_setup_teardown(undo_forgets_the_batch, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
