/* store_episode - episodes and alerts (see store_episode.h). Part of the
 * store family: the only code that speaks SQL. Every statement is a string
 * constant prepared once through store_stmt().
 *
 * Invariants: at most one open episode per key (a partial unique index says
 * so too); an alert, once delivered, is never selected as due again.
 * Knows nothing of when an episode opens or clears: episode.c decides.
 */
#include <stdio.h>
#include <math.h>
#include <string.h>
#include "store_episode.h"
#include "store_int.h"

#define EP_COLS "e.id, e.provider, e.sending_ip, e.key, e.category, e.categories, e.opened, " \
	"e.last_seen, e.cleared, e.clear_reason, e.event_count, e.first_reply, e.rule_id, " \
	"e.advice, e.hosts, e.pool, e.accepts, e.accept_first, e.worded_as, e.unlisted, e.kind, " \
	"e.evidence"
#define EP_NCOLS 22
#define AL_COLS "a.id, a.kind, a.created, a.announce, a.note, a.due, a.delivered, a.attempts, " \
	"a.last_error"

static const char SQL_EP_OPEN[] =
	"INSERT INTO episodes (provider, sending_ip, key, category, categories, opened, last_seen, "
	"event_count, first_reply, rule_id, advice, hosts, pool, worded_as, unlisted, kind, evidence) "
	"VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17)";
static const char SQL_EP_UPDATE[] =
	"UPDATE episodes SET last_seen = ?2, event_count = ?3, categories = ?4, hosts = ?5, "
	"accepts = ?6, accept_first = ?7 WHERE id = ?1";
static const char SQL_EP_CLEAR[] =
	"UPDATE episodes SET cleared = ?2, clear_reason = ?3 WHERE id = ?1 AND cleared IS NULL";
static const char SQL_EP_EACH_OPEN[] =
	"SELECT " EP_COLS ", " AL_COLS " FROM episodes e "
	"LEFT JOIN alerts a ON a.episode_id = e.id AND a.kind = 'open' "
	"WHERE e.cleared IS NULL ORDER BY e.id";
static const char SQL_EP_LIST[] =
	"SELECT " EP_COLS " FROM episodes e "
	"WHERE (?1 = 0 OR e.cleared IS NULL) AND (?2 < 0 OR e.cleared IS NULL OR e.last_seen >= ?2) "
	"ORDER BY e.cleared IS NOT NULL, "
	"CASE WHEN e.cleared IS NULL THEN e.opened ELSE -e.last_seen END, e.id";
static const char SQL_AL_ADD[] =
	"INSERT INTO alerts (episode_id, kind, created, announce, announced, note, due) "
	"VALUES (?1, ?2, ?3, ?4, CASE WHEN ?4 THEN ?3 END, ?5, CASE WHEN ?4 THEN ?3 END)";
static const char SQL_AL_ANNOUNCE[] =
	"UPDATE alerts SET announce = 1, announced = ?2, due = ?2, note = NULL "
	"WHERE id = ?1 AND announce = 0";
static const char SQL_AL_WORD[] =
	"SELECT a.kind, a.announced FROM alerts a JOIN episodes e ON e.id = a.episode_id "
	"WHERE e.key = ?1 AND a.announce = 1 ORDER BY a.id DESC LIMIT 1";
static const char SQL_AL_HELD[] =
	"SELECT a.id FROM alerts a JOIN episodes e ON e.id = a.episode_id "
	"WHERE e.key = ?1 AND a.announce = 0 AND a.note = 'hold' ORDER BY a.id DESC LIMIT 1";
static const char SQL_AL_HOLD[] =
	"UPDATE alerts SET note = 'hold', due = ?2 WHERE id = ?1 AND announce = 0";
static const char SQL_AL_MERGE[] =
	"UPDATE alerts SET note = 'merged', due = NULL WHERE id = ?1 AND announce = 0";
static const char SQL_AL_RELEASE[] =
	"UPDATE alerts SET announce = 1, announced = ?1, due = ?1, note = NULL "
	"WHERE announce = 0 AND note = 'hold' AND due <= ?1";
static const char SQL_AL_NEXT_HOLD[] =
	"SELECT min(due) FROM alerts WHERE announce = 0 AND note = 'hold'";
/* Reads the partial index alerts_pending. */
static const char SQL_AL_NEXT_RETRY[] =
	"SELECT min(due) FROM alerts WHERE delivered IS NULL AND announce = 1 AND due > ?";
/* An alert waits while an earlier announced alert of the same key (any
 * episode of that pool and IP) is undelivered: the last word delivered for
 * a key is always its latest. */
static const char SQL_AL_DUE[] =
	"SELECT a.id FROM alerts a JOIN episodes e ON e.id = a.episode_id "
	"WHERE a.delivered IS NULL AND a.announce = 1 AND a.due <= ?1 "
	"AND NOT EXISTS (SELECT 1 FROM alerts b JOIN episodes f ON f.id = b.episode_id "
	"WHERE f.key = e.key AND b.id < a.id AND b.delivered IS NULL AND b.announce = 1) "
	"ORDER BY a.id LIMIT ?2";
static const char SQL_AL_GET[] =
	"SELECT " EP_COLS ", " AL_COLS " FROM alerts a JOIN episodes e ON e.id = a.episode_id "
	"WHERE a.id = ?1";
static const char SQL_AL_DELIVERED[] =
	"UPDATE alerts SET delivered = ?2, attempts = attempts + 1, due = NULL "
	"WHERE id = ?1 AND delivered IS NULL";
static const char SQL_AL_FAILED[] =
	"UPDATE alerts SET attempts = attempts + 1, due = ?2, last_error = ?3 "
	"WHERE id = ?1 AND delivered IS NULL";

static const char *col_text(sqlite3_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s, i);
}

static double col_time(sqlite3_stmt *s, int i)
{
	return sqlite3_column_type(s, i) == SQLITE_NULL ? -1 : sqlite3_column_double(s, i);
}

static void read_episode(sqlite3_stmt *s, struct episode_row *e)
{
	*e = (struct episode_row){
		.id = sqlite3_column_int64(s, 0),
		.provider = col_text(s, 1), .sending_ip = col_text(s, 2), .key = col_text(s, 3),
		.category = col_text(s, 4), .categories = col_text(s, 5),
		.opened = sqlite3_column_double(s, 6), .last_seen = sqlite3_column_double(s, 7),
		.cleared = col_time(s, 8), .clear_reason = col_text(s, 9),
		.count = sqlite3_column_int64(s, 10), .first_reply = col_text(s, 11),
		.rule_id = col_text(s, 12), .advice = col_text(s, 13), .hosts = col_text(s, 14),
		.pool = col_text(s, 15), .accepts = sqlite3_column_int64(s, 16),
		.accept_first = col_time(s, 17), .worded_as = col_text(s, 18),
		.unlisted = sqlite3_column_int(s, 19), .kind = col_text(s, 20), .evidence = col_text(s, 21),
	};
}

/* An alert row read from columns EP_NCOLS.. after the episode's. */
static void read_alert(sqlite3_stmt *s, struct alert_row *a)
{
	const int b = EP_NCOLS;
	read_episode(s, &a->ep);
	a->id = sqlite3_column_int64(s, b);
	a->kind = col_text(s, b + 1);
	a->created = sqlite3_column_double(s, b + 2);
	a->announce = sqlite3_column_int(s, b + 3);
	a->note = col_text(s, b + 4);
	a->due = col_time(s, b + 5);
	a->delivered = col_time(s, b + 6);
	a->attempts = sqlite3_column_int(s, b + 7);
	a->last_error = col_text(s, b + 8);
}

static void bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
}

int64_t store_episode_open(struct store *st, const struct episode_row *e, char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_EP_OPEN, err, errlen);
	if (s == NULL)
		return -1;
	bind_text(s, 1, e->provider);
	bind_text(s, 2, e->sending_ip);
	bind_text(s, 3, e->key);
	bind_text(s, 4, e->category);
	bind_text(s, 5, e->categories ? e->categories : "");
	sqlite3_bind_double(s, 6, e->opened);
	sqlite3_bind_double(s, 7, e->last_seen);
	sqlite3_bind_int64(s, 8, e->count);
	bind_text(s, 9, e->first_reply);
	bind_text(s, 10, e->rule_id);
	bind_text(s, 11, e->advice);
	bind_text(s, 12, e->hosts ? e->hosts : "");
	bind_text(s, 13, e->pool ? e->pool : "");
	bind_text(s, 14, e->worded_as);
	sqlite3_bind_int(s, 15, e->unlisted != 0);
	bind_text(s, 16, e->kind ? e->kind : EPISODE_KIND_BLOCK);
	bind_text(s, 17, e->evidence);
	if (store_exec_stmt(st, s, "opening an episode", err, errlen) < 0)
		return -1;
	return sqlite3_last_insert_rowid(st->db);
}

int store_episode_update(struct store *st, const struct episode_row *e, char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_EP_UPDATE, err, errlen);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, e->id);
	sqlite3_bind_double(s, 2, e->last_seen);
	sqlite3_bind_int64(s, 3, e->count);
	bind_text(s, 4, e->categories ? e->categories : "");
	bind_text(s, 5, e->hosts ? e->hosts : "");
	sqlite3_bind_int64(s, 6, e->accepts);
	if (e->accept_first >= 0)
		sqlite3_bind_double(s, 7, e->accept_first);
	return store_exec_stmt(st, s, "updating an episode", err, errlen);
}

int store_episode_clear(struct store *st, int64_t id, double when, const char *reason,
			char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_EP_CLEAR, err, errlen);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_double(s, 2, when);
	bind_text(s, 3, reason);
	return store_exec_stmt(st, s, "clearing an episode", err, errlen);
}

/* Steps s to the end, calling each(s) per row; resets s. */
static int each_row(struct store *st, sqlite3_stmt *s, int (*each)(sqlite3_stmt *, void *),
		    void *arg, const char *what, char *err, size_t errlen)
{
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (each(s, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	if (rc != SQLITE_DONE)
		store_fail(st, what, err, errlen);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

struct cb {
	store_alert_fn alert;
	store_episode_fn episode;
	void *arg;
};

static int alert_cb(sqlite3_stmt *s, void *arg)
{
	struct cb *c = arg;
	struct alert_row a;
	read_alert(s, &a);
	return c->alert(c->arg, &a);
}

static int episode_cb(sqlite3_stmt *s, void *arg)
{
	struct cb *c = arg;
	struct episode_row e;
	read_episode(s, &e);
	return c->episode(c->arg, &e);
}

int store_episode_each_open(struct store *st, store_alert_fn fn, void *arg, char *err, size_t errlen)
{
	struct cb c = { .alert = fn, .arg = arg };
	sqlite3_stmt *s = store_stmt(st, SQL_EP_EACH_OPEN, err, errlen);
	if (s == NULL)
		return -1;
	return each_row(st, s, alert_cb, &c, "loading open episodes", err, errlen);
}

int store_episode_list(struct store *st, int open_only, double since, store_episode_fn fn,
		       void *arg, char *err, size_t errlen)
{
	struct cb c = { .episode = fn, .arg = arg };
	sqlite3_stmt *s = store_stmt(st, SQL_EP_LIST, err, errlen);
	if (s == NULL)
		return -1;
	sqlite3_bind_int(s, 1, open_only != 0);
	sqlite3_bind_double(s, 2, since);
	return each_row(st, s, episode_cb, &c, "listing episodes", err, errlen);
}

int64_t store_alert_add(struct store *st, int64_t episode_id, const char *kind, double created,
			int announce, const char *note, char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_AL_ADD, err, errlen);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, episode_id);
	bind_text(s, 2, kind);
	sqlite3_bind_double(s, 3, created);
	sqlite3_bind_int(s, 4, announce != 0);
	bind_text(s, 5, note);
	if (store_exec_stmt(st, s, "adding an alert", err, errlen) < 0)
		return -1;
	return sqlite3_last_insert_rowid(st->db);
}

int store_alert_announce(struct store *st, int64_t id, double now, char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_AL_ANNOUNCE, err, errlen);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_double(s, 2, now);
	return store_exec_stmt(st, s, "announcing an alert", err, errlen);
}

int store_alert_last_word(struct store *st, const char *key, struct alert_word *w,
			  char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_AL_WORD, err, errlen);
	int rc;
	*w = (struct alert_word){ .announced = -1 };
	if (s == NULL)
		return -1;
	bind_text(s, 1, key);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		const char *k = col_text(s, 0);
		w->kind = k && strcmp(k, "open") == 0 ? 'o' : 'c';
		w->announced = col_time(s, 1);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, "reading the last alert", err, errlen);
	if ((s = store_stmt(st, SQL_AL_HELD, err, errlen)) == NULL)
		return -1;
	bind_text(s, 1, key);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		w->held = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, "reading a held alert", err, errlen);
	return 0;
}

static int exec_id(struct store *st, const char *sql, int64_t id, double t, const char *what,
		   char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, sql, err, errlen);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	if (t >= 0)
		sqlite3_bind_double(s, 2, t);
	return store_exec_stmt(st, s, what, err, errlen);
}

int store_alert_hold(struct store *st, int64_t id, double until, char *err, size_t errlen)
{
	return exec_id(st, SQL_AL_HOLD, id, until, "holding an alert", err, errlen);
}

int store_alert_merge(struct store *st, int64_t id, char *err, size_t errlen)
{
	return exec_id(st, SQL_AL_MERGE, id, -1, "merging an alert", err, errlen);
}

/* One time from a min() query with at most one bound parameter (`now`,
 * when the query has it); `none` when NULL. */
static int min_time(struct store *st, const char *sql, double now, double none, double *next,
		    const char *what, char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, sql, err, errlen);
	int rc;
	if (s == NULL)
		return -1;
	if (sqlite3_bind_parameter_count(s) > 0)
		sqlite3_bind_double(s, 1, now);
	rc = sqlite3_step(s);
	*next = rc == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL
		? sqlite3_column_double(s, 0) : none;
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, what, err, errlen);
	return 0;
}

int store_alert_next_hold(struct store *st, double *next, char *err, size_t errlen)
{
	return min_time(st, SQL_AL_NEXT_HOLD, 0, -1, next, "reading held alerts", err, errlen);
}

int store_alert_next_retry(struct store *st, double now, double *next, char *err, size_t errlen)
{
	return min_time(st, SQL_AL_NEXT_RETRY, now, INFINITY, next, "reading alerts to retry",
			err, errlen);
}

int store_alert_release(struct store *st, double now, double *next, char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_AL_RELEASE, err, errlen);
	int n;
	if (s == NULL)
		return -1;
	sqlite3_bind_double(s, 1, now);
	if (store_exec_stmt(st, s, "releasing held alerts", err, errlen) < 0)
		return -1;
	n = sqlite3_changes(st->db);
	return store_alert_next_hold(st, next, err, errlen) < 0 ? -1 : n;
}

int store_alert_due(struct store *st, double now, int64_t *ids, int max, char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_AL_DUE, err, errlen);
	int rc, n = 0;
	if (s == NULL)
		return -1;
	sqlite3_bind_double(s, 1, now);
	sqlite3_bind_int(s, 2, max);
	while (n < max && (rc = sqlite3_step(s)) == SQLITE_ROW)
		ids[n++] = sqlite3_column_int64(s, 0);
	if (n < max && rc != SQLITE_DONE)
		n = store_fail(st, "listing due alerts", err, errlen);
	sqlite3_reset(s);
	return n;
}

int store_alert_get(struct store *st, int64_t id, store_alert_fn fn, void *arg,
		    char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_AL_GET, err, errlen);
	struct alert_row a;
	int rc, found = 0;
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		read_alert(s, &a);
		fn(arg, &a);
		found = 1;
	} else if (rc != SQLITE_DONE) {
		found = store_fail(st, "reading an alert", err, errlen);
	}
	sqlite3_reset(s);
	return found;
}

int store_alert_delivered(struct store *st, int64_t id, double now, char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_AL_DELIVERED, err, errlen);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_double(s, 2, now);
	return store_exec_stmt(st, s, "recording a delivered alert", err, errlen);
}

int store_alert_failed(struct store *st, int64_t id, double due, const char *why,
		       char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_AL_FAILED, err, errlen);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_double(s, 2, due);
	bind_text(s, 3, why);
	return store_exec_stmt(st, s, "recording a failed alert", err, errlen);
}
