/* store_feed - rows from outside feeds (see store_feed.h). Part of the store
 * family: the only code that speaks SQL. Idempotent by construction: SNDS
 * rows by (ip, day) and (first_ip, last_ip), complaints by origin.
 */
#include <stdio.h>
#include <string.h>
#include "store_feed.h"
#include "store_int.h"

static const char SQL_SNDS_DAY_HAS[] = "SELECT 1 FROM snds_data WHERE ip = ?1 AND day = ?2";
static const char SQL_SNDS_DAY[] =
	"INSERT OR REPLACE INTO snds_data (ip, day, activity_start, activity_end, rcpt, data, "
	"recipients, filter, complaint_rate, complaint_below, trap_start, trap_end, trap_hits, "
	"sample_helo, sample_mail_from, comments, fetched) "
	"VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17)";
static const char SQL_SNDS_RANGE_GET[] =
	"SELECT gone FROM snds_status WHERE first_ip = ?1 AND last_ip = ?2";
static const char SQL_SNDS_RANGE_NEW[] =
	"INSERT INTO snds_status (first_ip, last_ip, first_num, last_num, blocked, reason, "
	"first_seen, last_seen, seen_run) VALUES (?1,?2,?3,?4,?5,?6,?7,?7,?8)";
static const char SQL_SNDS_RANGE_SEEN[] =
	"UPDATE snds_status SET blocked = ?3, reason = ?4, last_seen = ?5, gone = NULL, seen_run = ?6, "
	"first_seen = CASE WHEN gone IS NULL THEN first_seen ELSE ?5 END "
	"WHERE first_ip = ?1 AND last_ip = ?2";
static const char SQL_SNDS_GONE[] =
	"UPDATE snds_status SET gone = ?1 WHERE gone IS NULL AND seen_run < ?2";
static const char SQL_SNDS_RUN[] = "SELECT coalesce(max(seen_run), 0) + 1 FROM snds_status";
static const char SQL_COMPLAINT[] =
	"INSERT OR IGNORE INTO complaints (arrived, read_at, reporter, format, feedback_type, "
	"source_ip, mail_from, mail_from_domain, rcpt_domain, message_id, subject, origin) "
	"VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)";
static const char SQL_EVIDENCE[] =
	"INSERT OR REPLACE INTO episode_evidence (episode_id, kind, ts, detail) VALUES (?1,?2,?3,?4)";
static const char SQL_OPEN_EPISODE[] =
	"SELECT id FROM episodes WHERE pool = ?1 AND sending_ip = ?2 AND cleared IS NULL";
static const char SQL_COMPLAINT_RATE[] =
	"SELECT complaints, accepted FROM complaint_rates WHERE day = ?1 AND source_ip = ?2 "
	"AND reporter = ?3";
static const char SQL_KNOWN_IPS[] =
	"SELECT DISTINCT sending_ip FROM deliveries WHERE sending_ip IS NOT NULL "
	"UNION SELECT sending_ip FROM episodes WHERE cleared IS NULL";

static void text(sqlite3_stmt *s, int i, const char *v)
{
	if (v && *v)
		sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s, i);
}

static void opt_time(sqlite3_stmt *s, int i, double t)
{
	if (t > 0)
		sqlite3_bind_double(s, i, t);
	else
		sqlite3_bind_null(s, i);
}

/* 1 when the statement (bound) returns a row; *col0_null says if its first
 * column is NULL. 0 no row, -1 error. */
static int probe(struct store *st, sqlite3_stmt *s, int *col0_null, char *err, size_t errlen)
{
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		if (col0_null)
			*col0_null = sqlite3_column_type(s, 0) == SQLITE_NULL;
		sqlite3_reset(s);
		return 1;
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, "feed lookup", err, errlen);
}

int store_snds_day(struct store *st, const struct snds_day *d, double fetched, char *err,
		   size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_SNDS_DAY_HAS, err, errlen);
	int had;
	if (s == NULL)
		return -1;
	text(s, 1, d->ip);
	text(s, 2, d->day);
	if ((had = probe(st, s, NULL, err, errlen)) < 0 ||
	    (s = store_stmt(st, SQL_SNDS_DAY, err, errlen)) == NULL)
		return -1;
	text(s, 1, d->ip);
	text(s, 2, d->day);
	sqlite3_bind_double(s, 3, d->activity_start);
	sqlite3_bind_double(s, 4, d->activity_end);
	sqlite3_bind_int64(s, 5, d->rcpt);
	sqlite3_bind_int64(s, 6, d->data);
	sqlite3_bind_int64(s, 7, d->recipients);
	text(s, 8, d->filter);
	sqlite3_bind_double(s, 9, d->complaint_rate);
	sqlite3_bind_int(s, 10, d->complaint_below);
	opt_time(s, 11, d->trap_start);
	opt_time(s, 12, d->trap_end);
	sqlite3_bind_int64(s, 13, d->trap_hits);
	text(s, 14, d->helo);
	text(s, 15, d->mail_from);
	text(s, 16, d->comments);
	sqlite3_bind_double(s, 17, fetched);
	return store_exec_stmt(st, s, "store SNDS data", err, errlen) < 0 ? -1 : !had;
}

int64_t store_snds_run(struct store *st, char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_SNDS_RUN, err, errlen);
	int64_t run = -1;
	if (s == NULL)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		run = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return run < 0 ? store_fail(st, "SNDS fetch number", err, errlen) : run;
}

int store_snds_range(struct store *st, const struct snds_range *r, double now, int64_t run,
		     char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_SNDS_RANGE_GET, err, errlen);
	uint32_t a, b;
	int had, was_gone = 0;
	if (s == NULL)
		return -1;
	text(s, 1, r->first);
	text(s, 2, r->last);
	if ((had = probe(st, s, &was_gone, err, errlen)) < 0)
		return -1;
	was_gone = had && !was_gone;	/* gone IS NOT NULL */
	s = store_stmt(st, had ? SQL_SNDS_RANGE_SEEN : SQL_SNDS_RANGE_NEW, err, errlen);
	if (s == NULL)
		return -1;
	text(s, 1, r->first);
	text(s, 2, r->last);
	if (had) {
		sqlite3_bind_int(s, 3, r->blocked);
		text(s, 4, r->reason);
		sqlite3_bind_double(s, 5, now);
		sqlite3_bind_int64(s, 6, run);
	} else {
		if (snds_range_v4(r, &a, &b) == 0) {
			sqlite3_bind_int64(s, 3, a);
			sqlite3_bind_int64(s, 4, b);
		}
		sqlite3_bind_int(s, 5, r->blocked);
		text(s, 6, r->reason);
		sqlite3_bind_double(s, 7, now);
		sqlite3_bind_int64(s, 8, run);
	}
	if (store_exec_stmt(st, s, "store SNDS status", err, errlen) < 0)
		return -1;
	return !had || was_gone;
}

int store_snds_ranges_gone(struct store *st, double now, int64_t run, char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_SNDS_GONE, err, errlen);
	if (s == NULL)
		return -1;
	sqlite3_bind_double(s, 1, now);
	sqlite3_bind_int64(s, 2, run);
	if (store_exec_stmt(st, s, "mark SNDS ranges gone", err, errlen) < 0)
		return -1;
	return sqlite3_changes(st->db);
}

int store_complaint(struct store *st, const struct complaint *c, double read_at, char *err,
		    size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_COMPLAINT, err, errlen);
	if (s == NULL)
		return -1;
	sqlite3_bind_double(s, 1, c->arrived);
	sqlite3_bind_double(s, 2, read_at);
	text(s, 3, c->reporter);
	text(s, 4, c->format);
	text(s, 5, c->feedback_type);
	text(s, 6, c->source_ip);
	text(s, 7, c->mail_from);
	text(s, 8, c->mail_from_domain);
	text(s, 9, c->rcpt_domain);
	text(s, 10, c->message_id);
	text(s, 11, c->subject);
	text(s, 12, c->origin);
	if (store_exec_stmt(st, s, "store complaint", err, errlen) < 0)
		return -1;
	return sqlite3_changes(st->db) > 0;
}

int store_evidence(struct store *st, int64_t episode_id, const char *kind, double ts,
		   const char *detail, char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_EVIDENCE, err, errlen);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, episode_id);
	text(s, 2, kind);
	sqlite3_bind_double(s, 3, ts);
	text(s, 4, detail);
	return store_exec_stmt(st, s, "store episode evidence", err, errlen);
}

int store_known_ips(struct store *st, int (*fn)(void *arg, const char *ip), void *arg,
		    char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_KNOWN_IPS, err, errlen);
	int rc;
	if (s == NULL)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (fn(arg, (const char *)sqlite3_column_text(s, 0)) < 0) {
			sqlite3_reset(s);
			snprintf(err, errlen, "known IPs: stopped");
			return -1;
		}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, "known IPs", err, errlen);
}

int store_open_episode_id(struct store *st, const char *pool, const char *ip, int64_t *id,
			  char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_OPEN_EPISODE, err, errlen);
	int rc;
	if (s == NULL)
		return -1;
	text(s, 1, pool);
	text(s, 2, ip);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return rc == SQLITE_ROW;
	return store_fail(st, "open episode", err, errlen);
}

int store_complaint_rate(struct store *st, const char *day, const char *ip, const char *provider,
			 int64_t *complaints, int64_t *accepted, char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_COMPLAINT_RATE, err, errlen);
	int rc;
	if (s == NULL)
		return -1;
	text(s, 1, day);
	text(s, 2, ip);
	text(s, 3, provider);
	*complaints = *accepted = 0;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*complaints = sqlite3_column_int64(s, 0);
		*accepted = sqlite3_column_int64(s, 1);
	}
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_fail(st, "complaint rate", err, errlen);
}
