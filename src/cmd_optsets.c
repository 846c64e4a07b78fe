/* cmd_optsets - the option sets several commands share, as getopt_long
 * tables for cmd_args (see cmd_args.h): episodes and alerts (scan, tail,
 * snds, arf), the journal (scan, tail) and DNS (tail, dnsbl, selfcheck).
 * The values are handled by each set's own module; this file only names
 * the options, so adding one to a set is a row here plus its handler.
 */
#include <stddef.h>
#include "alert_opts.h"
#include "cmd_args.h"
#include "dnscheck.h"
#include "journal_opts.h"

#define V(name) { name, required_argument, NULL, CMD_OPT_SET }
#define F(name) { name, no_argument, NULL, CMD_OPT_SET }

static int alert_set(void *cfg, const char *name, const char *v, char *err, size_t errlen)
{
	return alert_opt_set(cfg, name, v, err, errlen);
}

static const struct option alert_options[] = {
	V("source-ip"), V("clear-after"), V("clear-accepts"), V("clear-span"), V("alert-on"),
	V("alert-window"), V("min-interval"), F("syslog"), V("alert-exec"), V("alert-timeout"),
	V("alert-mail"), V("suspect-recipients"), V("suspect-window"), V("pool-cap"),
	V("unlisted-pool-cap"), V("unlisted-cap"), { 0 }
};
const struct cmd_optset alert_optset = { alert_options, alert_set };

static int journal_set(void *cfg, const char *name, const char *v, char *err, size_t errlen)
{
	return journal_cli_set(cfg, name, v, err, errlen);
}

static const struct option journal_options[] = {
	F("journal"), V("journal-dir"), V("journal-file"), V("identifier"), V("unit"), { 0 }
};
static const struct option journal_options_since[] = {
	F("journal"), V("journal-dir"), V("journal-file"), V("identifier"), V("unit"), V("since"),
	{ 0 }
};
const struct cmd_optset journal_optset = { journal_options, journal_set };
const struct cmd_optset journal_optset_since = { journal_options_since, journal_set };

static int dns_set(void *cfg, const char *name, const char *v, char *err, size_t errlen)
{
	return dnscheck_opt(cfg, name, v, err, errlen);
}

static const struct option dns_options[] = {
	V("resolver"), V("dns-timeout"), V("dns-tries"), V("dnsbl-zones"), V("dnsbl-lists"),
	V("domain"), V("helo"), V("dkim-selector"), { 0 }
};
static const struct option dns_options_tail[] = {
	V("resolver"), V("dns-timeout"), V("dns-tries"), V("dnsbl-zones"), V("dnsbl-lists"),
	V("domain"), V("helo"), V("dkim-selector"), V("dnsbl-interval"), { 0 }
};
const struct cmd_optset dns_optset = { dns_options, dns_set };
const struct cmd_optset dns_optset_tail = { dns_options_tail, dns_set };
