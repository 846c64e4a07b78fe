/* rules - the classifier: PCRE2 rules and provider attribution
 *
 * Rules come from patterns/ *.rules (INI, read with libinih); providers'
 * domains and relay host suffixes from patterns/providers.conf. All
 * expressions are compiled once, with JIT, and matched with match and depth
 * limits. This is the only module that includes pcre2.h.
 *
 * RULE FILES (*.rules). One [section] per rule; the section name is the rule
 * id ([A-Za-z0-9._-], at most 64 bytes, unique across all files). Keys:
 *   match       PCRE2 expression, required. Byte semantics (no UTF mode), so
 *               any bytes in a reply are safe. Matched against the reply
 *               with the prefixes of a multi-line reply's later lines
 *               joined (reply_join.h: "550-5.7.26 a 550-5.7.26 b" reads
 *               "550-5.7.26 a b"), the frame another program put around
 *               it taken off and runs of blanks squeezed to one space
 *               (reply_frame.h): an expression never sees "host H[A]
 *               said: ", a " (in reply to ... command)" tail, a tab or two
 *               spaces in a row. A named group (?<ip>...) captures the
 *               sending IP.
 *   category    required; one of: blocklist reputation rate auth ptr content
 *               greylist user-unknown mailbox-full relay-denied size other
 *   provider    provider id from providers.conf, or "generic" (the default)
 *   block       yes | no (default no): the sending server/IP/domain is refused
 *   priority    0..9999; default 100, or 900 for generic rules
 *   match_status  comma list of statuses the rule applies to ("bounced,
 *               deferred"; names as delivery_status_name), default all that
 *               need a verdict
 *   advice      what to do; "{ip}" is replaced by the captured sending IP
 *   description one line for humans
 *   example     a reply the rule must classify (repeatable)
 *   example+    continues the preceding example after one space
 *   example_ip  the IP the preceding example must capture (once per example)
 *   blocklist   id of the block list the reply names (from blocklists.conf);
 *               or a named group (?<zone>...) capturing the list's DNS zone,
 *               mapped to its list by blocklists.conf "zones" (the zone
 *               itself when no list claims it)
 *   stage       comma list of the SMTP stages whose reply the rule reads:
 *               connect, helo, starttls, auth, mail, rcpt, data (the DATA
 *               command and the end of the message). At another stage
 *               (QUIT and an unknown command too) the rule is skipped; on a
 *               line that names no stage (delivery.stage STAGE_NONE:
 *               Sendmail's stat=, Postfix's "said:" without "(in reply to
 *               ...)") it is tried. Default: every stage
 *   scope       any (the default) | own: the rule is tried only when the
 *               delivery's target is its provider (PROVIDER GATE); only
 *               for a provider that receives mail
 *   sending_ip  reply (the default) | none: the reply names no sending IP,
 *               though it may hold IP literals (a relay's recipient probe
 *               or Exim's callout quoting the host it called: that host's
 *               or the relay's own address); the verdict's sending_ip stays
 *               "". Not with a (?<ip>) group, an example_ip nor an
 *               advice naming {ip}
 * Lines start with '#' or ';' for comments; " ;" begins an inline comment
 * (write "\;" in an expression). Keys start in column 1: continuation lines
 * are not supported. Lines may be of any length.
 *
 * PROVIDERS (providers.conf, optional). One [section] per provider id
 * ([a-z0-9_-]); keys: name (display name), advice (default advice, used when
 * the matching rule has none; "{ip}" expanded), domains (space-separated
 * recipient domains, repeatable), relays (space-separated relay host names;
 * a leading dot means "this suffix": ".protection.outlook.com"; a label "*",
 * not the last, stands for any one label, never an empty one:
 * "email-smtp.*.amazonaws.com",
 * ".ess.*.barracudanetworks.com"; such names are tried after the others), gateway
 * (yes or no, see GATEWAYS), appliances (a gateway's words, see GATEWAYS),
 * selfhosted (yes or no, see SELF-HOSTED), signs (see THE REPLY'S WORDS). A domain
 * also covers its subdomains (mail.example.co.uk is looked up, then
 * example.co.uk, co.uk, uk). When providers.conf exists, every rule's
 * provider must be defined there (or be "generic").
 *
 * POOLS. A provider runs several receiving systems that decide on their own:
 * Outlook.com's consumer mail is not a Microsoft 365 tenant. A section
 * [provider/pool] (pool id [a-z0-9_-], unique among pools and providers)
 * takes the keys name, domains and relays of that pool; they attribute to
 * the provider as well. The provider's own domains and relays form its
 * default pool, named like the provider. A verdict's pool is the pool the
 * relay (first) or the domain names. When neither names one: the rule's
 * provider id for a receiving provider's rule on a line without a relay
 * host; the receiver's own pool (OWN POOL) for a block list's rule and for
 * a foreign verdict; NULL for a generic rule or no match. Block episodes
 * are kept per pool and sending IP.
 *
 * PRECEDENCE. Files are read in strcmp order of their names. Rules are tried
 * in ascending priority, then file order, then position in the file; the
 * first match wins. Provider rules default to priority 100 and generic ones
 * to 900, so a provider's own wording wins over an RFC 3463 fallback.
 *
 * BLOCK LISTS (blocklists.conf, optional). One [section] per list id; keys:
 * name (operator and list), advice (lookup / delisting page, "{ip}"
 * expanded), zones (DNS zones, a zone also covers its subdomains). A list
 * is a property of the reply, not a provider: the verdict's provider stays
 * the receiver. When blocklists.conf exists, every rule's blocklist must be
 * defined there.
 *
 * PROVIDER GATE. A rule whose provider receives mail (has domains or relays
 * in providers.conf) is only tried when the delivery's relay and domain name
 * that provider, or name none: Gmail's wording is not looked for in a reply
 * from an Outlook relay. Rules of providers without domains or relays (the
 * DNS block lists, quoted by any receiver) and generic rules are always tried.
 * A rule with "scope = own" is for its provider's own servers only: words
 * that mean what the rule says only when that provider writes them (Mail.ru's
 * "550 NAME is blocked", its block of the sender's domain, is any other
 * server's refusal of anything). It is tried only when the relay, the domain
 * or the reply's words (THE REPLY'S WORDS; an address in them does not count)
 * name its provider; when none names a provider, it is skipped.
 *
 * ATTRIBUTION. The receiver comes first: the relay host's provider and pool
 * (exact host, then dotted suffixes), else the recipient domain's (exact,
 * then parents). The relay comes first because the relay is the party that
 * wrote the reply. A generic rule's verdict keeps that attribution. A rule
 * of a provider without domains or relays (a block list quoted by any
 * receiver) sets the verdict's provider; the pool stays the receiver's.
 * A rule of a receiving provider that matched a reply from a relay that is
 * not one of that provider's (anyone can write "S3140" in a reply) makes a
 * FOREIGN verdict: provider NULL, worded_as the rule's provider, the pool
 * the relay's own (see OWN POOL), the rule's category and block kept, and
 * advice that does not send the operator to the named provider. Without a
 * relay host name (none in the line, "none", "local", or an IP literal, as
 * a transport map or relayhost [address] logs it) the rule's provider
 * stands, as the domain gate let it run.
 *
 * THE REPLY'S WORDS. When neither the relay nor the recipient domain names
 * a provider and the line has no relay host name, the words of a reply
 * that needs a verdict stand in for them, before any rule runs (provider,
 * pool, and the gate above): the first signature word of providers.conf
 * ("signs", Google's "gsmtp"; a numbered sign, letters and '#', is those
 * letters and a number, a digit then letters and digits, in parentheses or
 * brackets: "as#" reads Exchange Online's "(AS3130)" and "AS(1440)", "g#"
 * Rackspace's "(G1C)", "bl#" Yahoo's "[BL23]"; a sign of letters and "_#"
 * is a code of one token, enclosed or not (no prose writes one): those
 * letters, digits or none, '_', then letters, digits and '_' with a digit
 * among them: "ofr_#" reads Orange's "OFR_506" and "OFR004_104", "sfr_#"
 * SFR's "SFR_IN_101"; a sign may be an enhanced status code only the
 * provider writes, "5.7.606", or a range of its last number, "5.7.606-649",
 * read as a word of the reply; a sign of words joined by '+' is a phrase,
 * those words in a row, each after blanks only ("throttling+failure" reads
 * Amazon SES's "Throttling failure:"), whose last word may be letters and
 * '#', the letters and a number, bare ("sl+e#" reads SimpleLogin's "SL
 * E404")), else the first DNS name that is one of its relays
 * (Microsoft's "[AM0P...prod.protection.outlook.com]", GoDaddy's banner
 * host in front of IronPort's wording; a sign decides over a name, which
 * may be a sender's domain the reply quotes: Gmail's "Unauthenticated
 * email from outlook.com ... - gsmtp"); else, when the line has
 * no recipient domain, the first address whose domain it lists
 * ("<user@hotmail.it>"). An address is weaker evidence (it may be the
 * sender's: Zoho's "Relaying disallowed as user@gmail.com"): it does not
 * gate the rules, so a receiver's own rule that matches names its own
 * provider, and a generic rule's relay-denied verdict drops it (a server
 * that will not relay to the address is not its domain's receiver: no
 * provider). Names as Postfix quotes the client
 * ("<host[192.0.2.1]>", "<helo.name>") are passed over. So a rule's own
 * provider stands only when nothing else names one. A relay host name
 * that providers.conf does not name still decides (OWN POOL, FOREIGN): a
 * receiver cannot move its refusal to another's pool by quoting another's
 * host name.
 *
 * GATEWAYS. A provider section with "gateway = yes" (default no) is a mail
 * gateway that companies run on their own relays (Proofpoint, Mimecast,
 * Barracuda, Cisco Secure Email): its wording from a relay that
 * providers.conf does not name is that gateway's refusal, not a FOREIGN
 * one. The verdict's provider is the gateway, its pool the relay host's
 * registered domain (one customer's gateway decides for that customer, see
 * OWN POOL; pool_listed 0). From a relay that names another provider, the
 * wording stays foreign; without a relay host name, as for any receiver,
 * the gateway's own pool. Pool sections do not take the key.
 * A gateway's "appliances" are the words companies name their own
 * appliances of it by (Cisco's "ironport": ironport2.example.org): a relay
 * host that providers.conf does not name, whose first label begins with one,
 * is that gateway for every delivery (provider the gateway, pool the relay
 * host's registered domain, pool_listed 0), whichever rule matched; only the
 * provider gate is unchanged (another receiver's wording from it is FOREIGN,
 * as from any relay it does not name). Only gateways take the key.
 *
 * SELF-HOSTED. A provider section with "selfhosted = yes" (default no) is a
 * provider whose server software others run on their own hosts as well
 * (SimpleLogin: a self-hosted instance answers with the same "SL Ennn"
 * codes, from behind its operator's MTA at 127.0.0.1). On a line with a
 * relay host (a name or an address) that is not one of its relays, and
 * whose relay, domain and words name no relay or domain of its own, its
 * signs name nothing and its rules' verdicts are FOREIGN (pool: OWN POOL);
 * without a relay host, as for any receiver, its words name it. Pool
 * sections do not take the key.
 *
 * OWN POOL. A receiver that providers.conf does not name is its own pool:
 * the registered domain of the relay host (regdom.h), else the recipient
 * domain. verdict.pool_listed says whether the pool is one of
 * providers.conf (episode caps differ, episode.h).
 */
#ifndef BW_RULES_H
#define BW_RULES_H
#include <stddef.h>
#include "delivery.h"

struct rules;

#define VERDICT_IP_MAX 64
#define VERDICT_BL_MAX 64

struct verdict {
	const char *rule_id;	/* NULL when no rule matched; borrowed from rules */
	const char *provider;	/* from the rule, else from domain/relay; NULL if unknown */
	const char *pool;	/* receiving pool (see POOLS); NULL when provider is NULL */
	const char *category;	/* "blocklist", "reputation", ... ; NULL if no rule */
	int block;		/* 1: the sending server/IP/domain is refused */
	char sending_ip[VERDICT_IP_MAX];	/* the rule's (?<ip>) capture, else the first IP
						 * literal of the reply that is not the relay's
						 * (reply_ip.h); "" if none, or masked
						 * (reply_paste.h: read as 0.0.0.0, unless
						 * the reply writes "0.0.0.0" itself) */
	char blocklist[VERDICT_BL_MAX];	/* list id, or the zone named; "" if none */
	const char *advice;	/* borrowed from rules until the next rules_classify
				 * on the same rules (it may be "{ip}"-expanded
				 * into a buffer of r); NULL if none */
	int foreign;		/* 1: worded like worded_as's replies, from a relay
				 * that is not worded_as's (see ATTRIBUTION) */
	const char *worded_as;	/* the matching rule's provider when foreign, else NULL */
	int pool_listed;	/* 1: pool is a provider or pool of providers.conf */
	int tie_break;		/* 1: the rule says block = no as the tie-break of a reply
				 * that may also be the sender's standing ("tie_break =
				 * yes"): the no-rule detector (suspect.h) still watches it */
};

/* One example line of a rule. */
struct rule_example {
	const char *text;
	const char *ip;		/* example_ip, NULL if none */
	int line;
};

/* A rule of this priority or later is a last resort (a refusal no wording
 * rule knows, classified by its reply code alone): `rules test` lists the
 * replies it takes with the unmatched ones, as rules still to write. */
#define RULES_LAST_RESORT 990

/* Descriptive view of one rule, for `rules list` and the store's rules table. */
struct rule_info {
	const char *id, *provider, *category, *description, *advice, *file;
	const char *blocklist;	/* the rule's blocklist key, NULL if none */
	int block;
	int line;		/* line of the [section] in file */
	int priority;
	/* additions: */
	const struct rule_example *examples;
	size_t n_examples;
	unsigned status_mask;	/* bit (1u << enum delivery_status) per status it applies to */
	int has_ip_group;	/* 1 when match has a (?<ip>...) group */
	int match_line;		/* line of the match key */
	unsigned stage_mask;	/* bit (1u << enum delivery_stage) per stage it applies to; 0: all */
	int no_sending_ip;	/* "sending_ip = none": its verdicts name no sending IP */
	int tie_break;		/* "tie_break = yes": its "no" is the tie-break of a reply
				 * that may be the sender's standing (verdict.tie_break) */
	int own_only;		/* "scope = own": tried only when the target is its provider */
	const char *own_relay;	/* own_only: a relay host name of its provider, NULL if
				 * it has none (then own_domain, one of its domains) */
	const char *own_domain;
	int split;		/* 1: the pattern runs in parts (rxparts.h): its body,
				 * then, only for a reply the body took, its leading
				 * guards and forbidden words */
};

/* The stages (bits 1u << enum delivery_stage) one word of the "stage" key
 * names, n bytes at w ("data": DATA and the end of the message); 0 for a
 * word that is none of them. */
unsigned rules_stage_word(const char *w, size_t n);

/* Loads every *.rules file and providers.conf of dir. Returns NULL and
 * writes "file:line: message" into err on any error. Every error found is
 * reported, one per line, as many as fit in errlen. */
struct rules *rules_load(const char *dir, char *err, size_t errlen);
void rules_free(struct rules *r);

/* Fills v for d. Provider attribution (domain, relay host) always runs; the
 * PCRE2 rules run only when delivery_needs_verdict(d->status). The subject
 * is d->reply when non-empty, else d->detail, joined (reply_join.h),
 * unframed and squeezed (reply_frame.h): the rules, their captures and the
 * IP found without a rule read that text; the reply's words that name a
 * provider are read as logged. d is
 * not changed. Returns 1 when a rule matched, 0 otherwise. */
int rules_classify(struct rules *r, const struct delivery *d, struct verdict *v);

/* Our own sending IPs (--source-ip; copied, replacing earlier ones): when
 * no rule captures the sending IP, a literal of the reply among them wins
 * over the first one (reply_ip.h). n = 0 forgets them. */
void rules_prefer_ips(struct rules *r, const char *const *ips, size_t n);

/* Name and advice ("{ip}" not expanded) of a block list id; 0 when the id
 * is not in blocklists.conf. */
int rules_blocklist_info(const struct rules *r, const char *id, const char **name, const char **advice);

/* Provider of a recipient domain / relay host, or NULL. */
const char *rules_provider_for(const struct rules *r, const char *domain, struct str relay_host);
/* Receiving pool of a recipient domain / relay host, or NULL. */
const char *rules_pool_for(const struct rules *r, const char *domain, struct str relay_host);

size_t rules_count(const struct rules *r);
/* The i-th rule in precedence order; borrowed. */
const struct rule_info *rules_info(const struct rules *r, size_t i);

/* Additions for `rules check` and `rules test --explain`. */

/* Number of *.rules files read. */
size_t rules_file_count(const struct rules *r);

/* Outcome of trying the i-th rule alone on d's subject (joined, unframed,
 * squeezed), as
 * rules_classify would (status and stage filters, provider gate, first-byte
 * prefilter, then PCRE2).
 * On RULE_MATCH the (?<ip>) capture, when it is an IP address, is written
 * to ip. */
enum rule_try {
	RULE_MATCH = 1,
	RULE_NOMATCH = 0,
	RULE_SKIP_STATUS = -1,	/* match_status excludes d->status */
	RULE_SKIP_PREFILTER = -2,	/* subject too short / cannot start a match */
	RULE_LIMIT = -3,	/* PCRE2 match or stack limit hit: counted as no match */
	RULE_SKIP_PROVIDER = -4,	/* the relay or domain names another receiving provider */
	RULE_SKIP_SCOPE = -5,	/* "scope = own": nothing names the rule's provider */
	RULE_SKIP_STAGE = -6	/* the rule's stage list excludes d->stage */
};
enum rule_try rules_try(struct rules *r, size_t i, const struct delivery *d,
			char ip[VERDICT_IP_MAX]);

/* The text the rules read for d (rules_classify's subject: joined,
 * unframed, squeezed); borrowed until the next call on r. */
struct str rules_subject(struct rules *r, const struct delivery *d);

/* Matches given up because of the match limits, since load. */
unsigned long rules_limit_hits(const struct rules *r);

/* The prefilter by required literal (litfilter.h) is on after rules_load;
 * off, every rule is tried (for comparisons: the verdicts are the same,
 * only rules_limit_hits() can count more). */
void rules_set_prefilter(struct rules *r, int on);
/* Rule i's k-th required literal (lower-case; one of them is in every
 * reply the rule matches), NULL past the last (none: always tried). */
const char *rules_literal(const struct rules *r, size_t i, size_t k);

#endif
