/* store_digest - the queries of the morning digest (see store_digest.h).
 * Parameters: ?1 since, ?2 until, ?3 start of the previous period.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include "store_digest.h"
#include "store_int.h"
#include "store_reason.h"

#define DELIVERY_SUMS \
	"count(*), coalesce(sum(status = 'sent'), 0), coalesce(sum(status = 'deferred'), 0), " \
	"coalesce(sum(status IN ('bounced', 'expired', 'undeliverable')), 0), " \
	"coalesce(sum(is_block), 0) FROM deliveries WHERE is_local = 0 AND "

/* What the MTA itself received and rejected in [a, b) (mail_events). */
#define MTA_EVENTS(a, b) \
	"(SELECT count(*) FROM mail_events WHERE kind = 'received' AND ts >= " a " AND ts < " b "), " \
	"(SELECT count(*) FROM mail_events WHERE kind = 'rejected' AND ts >= " a " AND ts < " b ")"

static const char *const SQL[] = {
	[STORE_DIGEST_TOTALS] =
		("SELECT 'now', d.*, " MTA_EVENTS("?1", "?2") " FROM (SELECT " DELIVERY_SUMS
		"ts >= ?1 AND ts < ?2) d UNION ALL "
		"SELECT 'prev', d.*, " MTA_EVENTS("?3", "?1") " FROM (SELECT " DELIVERY_SUMS
		"ts >= ?3 AND ts < ?1) d"),
	[STORE_DIGEST_EPISODES] =
		("SELECT sending_ip, provider || CASE WHEN pool <> '' THEN '/' || pool ELSE '' END AS pool, "
		"kind, sum(opened >= ?1 AND opened < ?2) AS opened, "
		"sum(cleared >= ?1 AND cleared < ?2) AS cleared, "
		"sum(opened < ?2 AND (cleared IS NULL OR cleared >= ?2)) AS still_open, "
		"max(advice) AS advice FROM episodes "
		"WHERE opened < ?2 AND (cleared IS NULL OR cleared >= ?1) "
		"GROUP BY sending_ip, provider, pool, kind ORDER BY sending_ip, pool, kind"),
	/* the row path (store_reason_fresh reads rollups) */
	[STORE_DIGEST_REASONS] =
		("SELECT bw_normalise(reply) AS reason, count(*) AS n, max(status) FROM deliveries "
		"WHERE ts >= ?1 AND ts < ?2 AND status <> 'sent' AND reply IS NOT NULL AND is_local = 0 "
		"GROUP BY reason HAVING reason NOT IN (SELECT bw_normalise(reply) FROM deliveries "
		"WHERE ts >= ?3 AND ts < ?1 AND status <> 'sent' AND reply IS NOT NULL) "
		"ORDER BY n DESC, reason LIMIT 5"),
	[STORE_DIGEST_COMPLAINTS] =
		("SELECT coalesce(source_ip, '?'), coalesce(reporter, '?'), "
		"sum(arrived >= ?1 AND arrived < ?2), sum(arrived >= ?3 AND arrived < ?1) FROM complaints "
		"WHERE arrived >= ?3 AND arrived < ?2 GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT 20"),
	[STORE_DIGEST_SNDS] =
		("SELECT day, ip, filter, complaint_rate, trap_hits FROM snds_data "
		"WHERE unixepoch(day) >= ?1 + 0 AND unixepoch(day) < ?2 + 0 AND ?3 = ?3 "
		"ORDER BY day, ip LIMIT 50"),
	[STORE_DIGEST_DNSBL] =
		("SELECT d.ip, d.zone, d.labels FROM dnsbl_checks d WHERE d.result = 'listed' "
		"AND d.checked < ?2 AND ?3 = ?3 AND ?1 = ?1 AND d.checked = (SELECT max(checked) FROM dnsbl_checks x "
		"WHERE x.ip = d.ip AND x.zone = d.zone AND x.checked < ?2) ORDER BY d.ip, d.zone LIMIT 50"),
	[STORE_DIGEST_FEEDS] =
		("SELECT EXISTS (SELECT 1 FROM complaints), EXISTS (SELECT 1 FROM snds_data), "
		"EXISTS (SELECT 1 FROM dnsbl_checks) WHERE ?1 = ?1 AND ?2 = ?2 AND ?3 = ?3"),
};

int store_digest_rows(struct store *st, enum store_digest_q q, double prev, double since,
		      double until, store_row_fn row, void *arg, char *err, size_t errlen)
{
	char a[3][32];
	const char *p[3] = { a[0], a[1], a[2] };
	snprintf(a[0], sizeof a[0], "%.3f", since);
	snprintf(a[1], sizeof a[1], "%.3f", until);
	snprintf(a[2], sizeof a[2], "%.3f", prev);
	/* the reasons from rollups (rows pruned since still count), the same
	 * bounds the SQL compares */
	if (q == STORE_DIGEST_REASONS && !st->from_rows)
		return store_reason_fresh(st, strtod(a[2], NULL), strtod(a[0], NULL),
					  strtod(a[1], NULL), 5, row, arg, err, errlen);
	if (q == STORE_DIGEST_REASONS && store_register_functions(st, err, errlen) < 0)
		return -1;
	return store_select(st, SQL[q], p, 3, row, arg, err, errlen);
}
