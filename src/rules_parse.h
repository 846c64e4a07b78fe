/* rules_parse - reading rule files and providers.conf into plain specs
 *
 * The text half of the rules module (format in rules.h): directory listing,
 * INI parsing with libinih, key validation, error messages "file:line: ...".
 * It knows nothing of PCRE2; rules.c compiles what this hands back. Only
 * rules.c includes this header.
 */
#ifndef BW_RULES_PARSE_H
#define BW_RULES_PARSE_H
#include <stddef.h>
#include "rules.h"

/* Errors collected while loading: one "file:line: message" per line. */
struct errlist {
	char *buf;
	size_t len, cap;
	unsigned count;
};

void errlist_add(struct errlist *e, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void errlist_release(struct errlist *e);

struct rule_spec {
	char *id;
	size_t file;		/* index into rules_spec.files */
	int line;		/* [section] line */
	char *provider;		/* "generic" when not given */
	int provider_line;
	char *category;
	int block;
	int priority;		/* -1 until given */
	char *match;
	int match_line;
	char *advice, *description;
	char *blocklist;	/* id from blocklists.conf, NULL when not given */
	int blocklist_line;
	unsigned status_mask;	/* 0: not given */
	unsigned stage_mask;	/* 0: not given */
	int own_only;		/* "scope = own" (rules.h, PROVIDER GATE) */
	int scope_line;
	int no_sending_ip;	/* "sending_ip = none" (rules.h) */
	int sending_ip_line;
	int tie_break;		/* "tie_break = yes" (rules.h) */
	int tie_break_line;
	struct rule_example *ex;	/* text/ip owned (char *) */
	size_t n_ex, cap_ex;
	unsigned seen;		/* keys seen, one bit per key */
};

struct provider_spec {
	char *id, *name, *advice;
	char *owner;		/* pools only: the provider id before the '/' */
	int line;
	char **domains, **relays;	/* lower case; relays may start with '.' */
	size_t n_domains, n_relays;
	char **zones;		/* block lists: DNS zones, lower case */
	char **signs;		/* "signs": words only its servers write, lower case */
	size_t n_signs;
	char **appliances;	/* gateways: "appliances", words their hosts are named by */
	size_t n_appliances;
	int gateway;		/* providers only: "gateway = yes" (rules.h, GATEWAYS) */
	int has_gateway;	/* the key was given (duplicate check) */
	int selfhosted;		/* providers only: "selfhosted = yes" (rules.h, SELF-HOSTED) */
	int has_selfhosted;
	size_t n_zones;
};

struct rules_spec {
	char **files;		/* "dir/name.rules", sorted */
	size_t n_files;
	struct rule_spec *rules;	/* in file order, then position */
	size_t n_rules;
	struct provider_spec *prov;
	size_t n_prov;
	struct provider_spec *pools;	/* [provider/pool] sections, in file order */
	size_t n_pools;
	int have_providers;	/* providers.conf was present */
	char *providers_file;
	struct provider_spec *lists;	/* blocklists.conf: id name advice zones */
	size_t n_lists;
	int have_lists;		/* blocklists.conf was present */
	char *lists_file;
};

/* Reads dir. Problems go to e; the spec holds whatever could be read. */
void rules_spec_read(const char *dir, struct rules_spec *s, struct errlist *e);
void rules_spec_release(struct rules_spec *s);

/* Index of a category name in the closed list, or -1. */
int rules_category_index(const char *name);

#endif
