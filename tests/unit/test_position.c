/* Unit tests for position: a byte offset and a resume token kept in one
 * type, the bounds it refuses rather than cuts, the row id shared by every
 * kind of source, and the store keeping both kinds through one checkpoint
 * (a real SQLite database in a scratch directory). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "testutil.h"
#include <stdio.h>
#include <string.h>
#include "position.h"
#include "store.h"

static void offset_has_no_token(void **state)
{
	(void)state;
	struct position p = position_offset(1234);
	assert_true(p.at == 1234);
	assert_false(position_has_token(&p));
	assert_true(p.ts == 0);
	struct position q;
	assert_int_equal(position_set(&q, 1234, NULL, 0), 0);
	assert_true(position_same(&p, &q));
	assert_int_equal(position_set(&q, 1234, "", 0), 0);
	assert_true(position_same(&p, &q));
}

static void token_is_kept_whole_or_refused(void **state)
{
	char big[POSITION_TOKEN_MAX + 1];
	struct position p, q;
	(void)state;
	assert_int_equal(position_set(&p, 9, "s=ab;i=9;b=cd", 1.5), 0);
	assert_true(position_has_token(&p));
	assert_string_equal(p.token, "s=ab;i=9;b=cd");
	assert_true(p.ts == 1.5);
	q = p;
	assert_true(position_same(&p, &q));
	q.ts = 2;
	assert_false(position_same(&p, &q));
	assert_int_equal(position_set(&q, 9, "s=ab;i=9;b=ce", 1.5), 0);
	assert_false(position_same(&p, &q));
	/* the longest token that fits, and one byte more: refused, p unchanged */
	memset(big, 'x', sizeof big - 1);
	big[POSITION_TOKEN_MAX - 1] = '\0';
	assert_int_equal(position_set(&q, 1, big, 0), 0);
	assert_int_equal(strlen(q.token), POSITION_TOKEN_MAX - 1);
	big[POSITION_TOKEN_MAX - 1] = 'x';
	big[POSITION_TOKEN_MAX] = '\0';
	assert_int_equal(position_set(&p, 1, big, 0), -1);
	assert_string_equal(p.token, "s=ab;i=9;b=cd");
	assert_true(p.at == 9);
}

static void at_is_bounded(void **state)
{
	struct position p = position_offset(5);
	(void)state;
	assert_int_equal(position_set(&p, POSITION_AT_LIMIT - 1, NULL, 0), 0);
	assert_true(p.at == POSITION_AT_LIMIT - 1);
	assert_int_equal(position_set(&p, POSITION_AT_LIMIT, "c", 0), -1);
	assert_true(p.at == POSITION_AT_LIMIT - 1);
	assert_int_equal(position_set(&p, UINT64_MAX, NULL, 0), -1);
}

static void row_ids_are_distinct_and_bounded(void **state)
{
	(void)state;
	assert_true(position_row_id(1, 0) == (INT64_C(1) << 40));
	assert_true(position_row_id(3, 7) == 3 * (INT64_C(1) << 40) + 7);
	/* the last position of a source and the first of the next differ */
	assert_true(position_row_id(1, POSITION_AT_LIMIT - 1) + 1 == position_row_id(2, 0));
	assert_true(position_row_id(1, POSITION_AT_LIMIT) == -1);
	assert_true(position_row_id(0, 1) == -1);
	assert_true(position_row_id(-1, 1) == -1);
	int64_t top = (INT64_C(1) << 23) - 1;
	assert_true(position_row_id(top, POSITION_AT_LIMIT - 1) == INT64_MAX);
	assert_true(position_row_id(top + 1, 0) == -1);
}

/* A file and a journal source through the same checkpoint: each comes back
 * with the position it was saved with, token or not. */
static void store_keeps_both_kinds(void **state)
{
	char dir[64], err[512];
	struct store_source ss;
	struct source_ident fid = { .dev = 1, .ino = 2, .fp = 3, .fp_len = 10 };
	struct source_ident jid = { .fp = 0xfeed };
	struct position jp;
	(void)state;
	tu_mkdtemp(dir, sizeof dir, "position");
	struct store *st = store_open(tu_path(dir, "p.db"), STORE_WRITE, err, sizeof err);
	assert_non_null(st);
	assert_int_equal(store_begin(st, err, sizeof err), 0);
	int64_t f = store_source_new(st, "/l/mail.log", &fid, err, sizeof err);
	int64_t j = store_source_of(st, "journal", "journal", &jid, err, sizeof err);
	assert_true(f > 0 && j > 0 && f != j);
	struct position fp = position_offset(777);
	assert_int_equal(position_set(&jp, 41, "s=feed;i=29", 1700000000.25), 0);
	assert_int_equal(store_checkpoint(st, f, &fid, &fp, err, sizeof err), 0);
	assert_int_equal(store_checkpoint(st, j, &jid, &jp, err, sizeof err), 0);
	assert_int_equal(store_commit(st, err, sizeof err), 0);
	assert_int_equal(store_source_recent(st, "/l/mail.log", &ss, 1, err, sizeof err), 1);
	assert_true(ss.id == f);
	assert_true(position_same(&ss.pos, &fp));
	assert_int_equal(store_source_last(st, "journal", "journal", &ss, err, sizeof err), 1);
	assert_true(ss.id == j && ss.ident.fp == 0xfeed);
	assert_true(position_same(&ss.pos, &jp));
	/* a file position has no token: it is not a place to resume by token */
	assert_int_equal(store_source_last(st, "file", "/l/mail.log", &ss, err, sizeof err), 0);
	/* a position that does not fit a row id is an error, not another row */
	assert_int_equal(store_begin(st, err, sizeof err), 0);
	struct delivery d;
	memset(&d, 0, sizeof d);
	struct verdict v;
	memset(&v, 0, sizeof v);
	assert_int_equal(store_add(st, f, POSITION_AT_LIMIT, &d, &v, err, sizeof err), -1);
	assert_non_null(strstr(err, "does not fit"));
	store_rollback(st);
	store_free(st);
	tu_rmtree(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(offset_has_no_token),
		cmocka_unit_test(token_is_kept_whole_or_refused),
		cmocka_unit_test(at_is_bounded),
		cmocka_unit_test(row_ids_are_distinct_and_bounded),
		cmocka_unit_test(store_keeps_both_kinds),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
