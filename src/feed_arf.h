/* feed_arf - complaint reports into the store
 *
 * One report (a file's bytes) -> arf_parse -> struct complaint -> store,
 * each report in its own transaction. A report is identified by a hash of
 * its bytes (its origin), so a report read twice -- the same file scanned
 * again, or a Maildir message moved from new/ to cur/ -- is stored once.
 * The reporting provider is the provider of the report's From: domain
 * (rules_provider_for: staff@hotmail.com -> microsoft), else that domain.
 */
#ifndef BW_FEED_ARF_H
#define BW_FEED_ARF_H
#include <stddef.h>
#include "arf.h"
#include "rules.h"
#include "store.h"

struct feed_arf_stats {
	size_t read, stored, duplicate, skipped;
};

/* 1 stored, 0 already stored, -2 not a complaint report (why in err: the
 * caller warns and goes on), -1 store error. *out is the parsed report and
 * *reporter its provider (borrowed from rules or from *out). */
int feed_arf_one(struct store *st, const struct rules *rules, const char *buf, size_t len,
		 double now, struct arf_report *out, const char **reporter,
		 struct feed_arf_stats *s, char *err, size_t errlen);

/* The origin of a report's bytes: "fnv1a64:HEX:LEN". */
void feed_arf_origin(const char *buf, size_t len, char *out, size_t outsz);

#endif
