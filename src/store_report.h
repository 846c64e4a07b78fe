/* store_report - the store's read side for report, query and check
 *
 * Part of the store family (store*.c): every SQL text lives there as a named
 * constant; callers pick a section and a time window. Rows come back as
 * typed cells so formats can tell numbers from text. Works on a store opened
 * in either mode; store_query() insists on STORE_READ.
 */
#ifndef BW_STORE_REPORT_H
#define BW_STORE_REPORT_H
#include <stddef.h>
#include <stdint.h>
#include "store.h"

enum store_type { STORE_NULL, STORE_INT, STORE_REAL, STORE_TEXT, STORE_BLOB };

/* One value of a result row. p is NULL for STORE_NULL, else the value as
 * text (numbers as SQLite renders them), len bytes (a blob or text may hold
 * NUL bytes), NUL-terminated. Valid only during the callback. */
struct store_cell {
	enum store_type type;
	const char *p;
	size_t len;
};

/* Called first once with cells NULL (the column names, even when no row
 * follows), then once per row; a non-zero return stops the query (not an
 * error). */
typedef int (*store_cell_fn)(void *arg, int ncol, const char *const *names,
			     const struct store_cell *cells);

/* Report sections. Grouped sections order by attempts, then key. */
enum store_section {
	STORE_SEC_TOTALS,	/* one row: attempts sent deferred bounced expired other
				 * blocks messages deferred_messages recipients first last
				 * received rejected (what the MTA queued and refused) */
	STORE_SEC_PROVIDER,	/* provider + the delivery columns below */
	STORE_SEC_POOL,		/* pool (receiving pool; the provider in rows without one) + ... */
	STORE_SEC_DOMAIN,	/* domain + ... */
	STORE_SEC_RELAY,	/* relay_ip relay_host + ... */
	STORE_SEC_SENDING_IP,	/* sending_ip + ... */
	STORE_SEC_HOST,		/* log host + ... */
	STORE_SEC_SENDER,	/* sender (envelope from; "<>" for the null sender) + ... */
	STORE_SEC_BLOCKLIST,	/* blocklist (as the reply names it) + ...; only rows
				 * that name a list */
	STORE_SEC_DAY,		/* day (local date) attempts sent deferred bounced blocks */
	STORE_SEC_HOUR,		/* hour (local hour of day 00..23) + the same */
	STORE_SEC_LOCAL,	/* agent (postfix/lmtp ...) + the delivery columns: deliveries
				 * into local mailboxes, which no other section above counts */
	STORE_SEC_REASONS,	/* status reason count rule_id provider category domains first last */
	STORE_SEC_BLOCKS,	/* block episodes open, or active in the window: state
				 * provider pool sending_ip category opened last_seen cleared
				 * clear_reason events rule_id advice first_reply evidence
				 * worded_as (rules.h, ATTRIBUTION: NULL unless foreign) */
	STORE_SEC_SNDS,		/* SNDS days in the window beside the log: day ip filter
				 * complaint_rate trap_hits recipients log_blocks complaints */
	STORE_SEC_COMPLAINTS,	/* complaint reports per day, source IP and provider: day
				 * source_ip reporter complaints accepted complaint_rate */
	STORE_SEC__COUNT
};
/* The delivery columns of grouped sections: attempts sent deferred bounced
 * blocks deferred_rate bounced_rate avg_delay max_delay last_sent. Rates are
 * fractions of attempts; delays are of delivered (sent) mail, in seconds. */

struct store_window {
	double since, until;	/* UTC epoch seconds: since <= ts < until */
	long top;		/* at most this many rows per list; <= 0: all */
};

/* One section to run and where its rows go. */
struct store_report_req {
	enum store_section sec;
	store_cell_fn fn;
	void *arg;
};

/* Runs the sections of req[0..n) over one window. The delivery sections
 * (totals .. hour) share one pass over the window's rows, so asking for
 * them together costs about what one costs. 0, or -1 with err. */
int store_report_run(struct store *st, const struct store_window *w,
		     const struct store_report_req *req, int n, char *err, size_t errlen);

/* from_rows 1: the delivery sections read the rows alone, never the
 * rollups (schema/030_rollups.sql): slow over long windows; the tests and
 * the benchmark compare the two. 0 (the default): rollups for whole
 * quarter hours, rows for the ragged ends. */
void store_report_from_rows(struct store *st, int from_rows);

/* store_report_run() with one section. */
int store_report_section(struct store *st, enum store_section sec, const struct store_window *w,
			 store_cell_fn fn, void *arg, char *err, size_t errlen);

/* Open block episodes, oldest first: provider sending_ip category opened
 * last_seen events rule_id. */
int store_open_blocks(struct store *st, store_cell_fn fn, void *arg, char *err, size_t errlen);

/* How fresh the data is. 0 where there is none. */
struct store_health {
	double newest_delivery;	/* max(deliveries.ts) */
	double newest_source;	/* max(sources.updated): the last checkpoint */
	int64_t sources;
};
int store_health(struct store *st, struct store_health *h, char *err, size_t errlen);

/* Runs one user-supplied SQL statement on a store opened with STORE_READ.
 * Refused (STORE_REFUSED, err says why): a statement that would write
 * (sqlite3_stmt_readonly), ATTACH / DETACH, pragmas other than a list of
 * read-only ones or with a value, more than one statement. The connection
 * is read-only besides. Returns 0, STORE_REFUSED, or -1 (any other error,
 * err holds SQLite's message). */
#define STORE_REFUSED (-2)
/* The statement does not compile (a usage error, unlike -1: a read error,
 * or the time limit hit). */
#define STORE_BAD_SQL (-3)
/* The connection is hardened first: SQLITE_DBCONFIG_DEFENSIVE, untrusted
 * schema, no fts3_tokenizer() pointers, no extensions, and sqlite3_limit()s
 * on lengths, columns, expression depth, compound selects and ATTACH.
 * Rows go to fn as they are stepped (nothing is held here). seconds > 0
 * stops the statement after that long (a progress handler): -1 with err
 * "stopped after ...". */
int store_query(struct store *st, const char *sql, double seconds, store_cell_fn fn, void *arg,
		char *err, size_t errlen);

#endif
