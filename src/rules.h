/* rules - the classifier: PCRE2 rules and provider attribution
 *
 * Rules come from patterns/ *.rules (INI, read with libinih); providers'
 * domains and relay host suffixes from patterns/providers.conf. All
 * expressions are compiled once, with JIT, and matched with match and depth
 * limits. This is the only module that includes pcre2.h.
 */
#ifndef BW_RULES_H
#define BW_RULES_H
#include <stddef.h>
#include "delivery.h"

struct rules;

#define VERDICT_IP_MAX 64

struct verdict {
	const char *rule_id;	/* NULL when no rule matched; borrowed from rules */
	const char *provider;	/* from the rule, else from domain/relay; NULL if unknown */
	const char *category;	/* "blocklist", "reputation", ... ; NULL if no rule */
	int block;		/* 1: the sending server/IP/domain is refused */
	char sending_ip[VERDICT_IP_MAX];	/* from the rule's (?<ip>) capture, "" if none */
	const char *advice;	/* borrowed from rules; NULL if none */
};

/* Descriptive view of one rule, for `rules list` and the store's rules table. */
struct rule_info {
	const char *id, *provider, *category, *description, *advice, *file;
	int block;
	int line;		/* line of the [section] in file */
	int priority;
};

/* Loads every *.rules file and providers.conf of dir. Returns NULL and
 * writes "file:line: message" into err on any error. */
struct rules *rules_load(const char *dir, char *err, size_t errlen);
void rules_free(struct rules *r);

/* Fills v for d. Provider attribution (domain, relay host) always runs; the
 * PCRE2 rules run only when delivery_needs_verdict(d->status). Returns 1 when
 * a rule matched, 0 otherwise. */
int rules_classify(struct rules *r, const struct delivery *d, struct verdict *v);

/* Provider of a recipient domain / relay host, or NULL. */
const char *rules_provider_for(const struct rules *r, const char *domain, struct str relay_host);

size_t rules_count(const struct rules *r);
/* The i-th rule in precedence order; borrowed. */
const struct rule_info *rules_info(const struct rules *r, size_t i);

#endif
