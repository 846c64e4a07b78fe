/* store_dnsbl - block-list checks and self-checks (see store_dnsbl.h). Part
 * of the store family: the only code that speaks SQL. Knows nothing of DNS:
 * dnsbl.c and selfcheck.c decide what a row says.
 */
#include <stdio.h>
#include <string.h>
#include "store_dnsbl.h"
#include "store_int.h"
#include "str.h"

static const char SQL_DNSBL_ADD[] =
	"INSERT INTO dnsbl_checks (checked, ip, zone, dns_zone, result, codes, labels, txt, error, "
	"expires) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)";
static const char SQL_DNSBL_LATEST[] =
	"SELECT checked, ip, zone, dns_zone, result, codes, labels, txt, error, expires "
	"FROM dnsbl_checks WHERE ip = ?1 AND zone = ?2 AND (?3 = 0 OR result <> 'error') "
	"ORDER BY checked DESC, id DESC LIMIT 1";
static const char SQL_SELF_ADD[] =
	"INSERT INTO selfchecks (checked, ip, domain, helo, episode_id, summary, dnsbl, findings) "
	"VALUES (?1,?2,?3,?4,?5,?6,?7,?8)";
static const char SQL_SELF_EPISODE[] =
	"SELECT checked, ip, domain, helo, episode_id, summary, dnsbl, findings FROM selfchecks "
	"WHERE episode_id = ?1 ORDER BY id DESC LIMIT 1";

static void bind(sqlite3_stmt *s, int i, const char *v)
{
	store_bind_str(s, i, str_cstr(v));
}

static const char *col(sqlite3_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s, i);
}

int store_dnsbl_add(struct store *st, const struct dnsbl_row *r, char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_DNSBL_ADD, err, errlen);
	if (s == NULL)
		return -1;
	sqlite3_bind_double(s, 1, r->checked);
	bind(s, 2, r->ip);
	bind(s, 3, r->zone);
	bind(s, 4, r->dns_zone);
	bind(s, 5, r->result);
	bind(s, 6, r->codes);
	bind(s, 7, r->labels);
	bind(s, 8, r->txt);
	bind(s, 9, r->error);
	sqlite3_bind_double(s, 10, r->expires);
	return store_exec_stmt(st, s, "storing a block-list check", err, errlen);
}

int store_dnsbl_latest(struct store *st, const char *ip, const char *zone, int definite,
		       store_dnsbl_fn fn, void *arg, char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_DNSBL_LATEST, err, errlen);
	int rc;
	if (s == NULL)
		return -1;
	bind(s, 1, ip);
	bind(s, 2, zone);
	sqlite3_bind_int(s, 3, definite);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct dnsbl_row r = {
			.checked = sqlite3_column_double(s, 0), .ip = col(s, 1), .zone = col(s, 2),
			.dns_zone = col(s, 3), .result = col(s, 4), .codes = col(s, 5),
			.labels = col(s, 6), .txt = col(s, 7), .error = col(s, 8),
			.expires = sqlite3_column_double(s, 9),
		};
		fn(arg, &r);
		sqlite3_reset(s);
		return 1;
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, "reading block-list checks", err, errlen);
}

int64_t store_selfcheck_add(struct store *st, const struct selfcheck_row *r, char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_SELF_ADD, err, errlen);
	if (s == NULL)
		return -1;
	sqlite3_bind_double(s, 1, r->checked);
	bind(s, 2, r->ip);
	bind(s, 3, r->domain);
	bind(s, 4, r->helo);
	if (r->episode_id > 0)
		sqlite3_bind_int64(s, 5, r->episode_id);
	else
		sqlite3_bind_null(s, 5);
	bind(s, 6, r->summary);
	bind(s, 7, r->dnsbl);
	bind(s, 8, r->findings);
	if (store_exec_stmt(st, s, "storing a self-check", err, errlen) < 0)
		return -1;
	return sqlite3_last_insert_rowid(st->db);
}

int store_selfcheck_for_episode(struct store *st, int64_t episode_id, store_selfcheck_fn fn,
				void *arg, char *err, size_t errlen)
{
	sqlite3_stmt *s = store_stmt(st, SQL_SELF_EPISODE, err, errlen);
	int rc;
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, episode_id);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct selfcheck_row r = {
			.checked = sqlite3_column_double(s, 0), .ip = col(s, 1), .domain = col(s, 2),
			.helo = col(s, 3), .episode_id = sqlite3_column_int64(s, 4),
			.summary = col(s, 5), .dnsbl = col(s, 6), .findings = col(s, 7),
		};
		fn(arg, &r);
		sqlite3_reset(s);
		return 1;
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, "reading self-checks", err, errlen);
}
