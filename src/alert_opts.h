/* alert_opts - the command-line options of episodes and alerts
 *
 * One parser shared by the commands that ingest (scan, tail), so both
 * accept the same options with the same meaning. Commands layer: it reads
 * the process environment (BOUNCEWATCH_NOW, pass-through BOUNCEWATCH_*
 * variables) so that alert.c and episode.c need not.
 */
#ifndef BW_ALERT_OPTS_H
#define BW_ALERT_OPTS_H
#include <stdio.h>
#include "alert.h"

/* alert_cfg_init() plus: out = stderr; now from $BOUNCEWATCH_NOW (epoch
 * seconds; a fixed clock for tests, not for production); pass_env = every
 * BOUNCEWATCH_* variable of our environment (so an alert program can be
 * configured, e.g. BOUNCEWATCH_WEBHOOK_URL). */
void alert_opts_init(struct alert_cfg *c);

/* Handles option name (without "--") with its value v (NULL for --syslog),
 * the options of alert_optset (cmd_args.h):
 *   --source-ip HOST=IP (repeatable)  --clear-after DUR  --clear-accepts N
 *   --clear-span DUR  --alert-on clear  --alert-window DUR  --min-interval DUR
 *   --syslog  --alert-exec PROGRAM  --alert-timeout DUR  --alert-mail ADDR
 *   --suspect-recipients N  --suspect-window DUR
 *   --pool-cap N  --unlisted-pool-cap N  --unlisted-cap N
 * Returns 1 if handled, 0 if not one of these, -1 with err for a bad value. */
int alert_opt_set(struct alert_cfg *c, const char *name, const char *v, char *err, size_t errlen);

/* At the end of a run that fed episodes (scan, snds, arf): quiet episodes
 * clear by the clock, the transaction commits, due alerts go out. Prints
 * one line when anything happened. Returns EXIT_OK or EXIT_RUNTIME. */
struct store;
struct episodes;
int alert_opts_finish(struct store *st, struct episodes *ep, const struct alert_cfg *ac);

/* Writes "N block replies opened no episode: POOL at its cap of C open
 * episodes (H replies), ..." into out when a pool's episode cap (epcap.h)
 * was hit; returns 1 then, else 0 with out "". Pool names made printable. */
int alert_opts_caps_text(const struct episodes *ep, char *out, size_t outsz);

/* Gives r the sending IPs of every --source-ip: the IP a reply names
 * without a rule is one of them when it names one (rules_prefer_ips). */
struct rules;
void alert_opts_prefer_ips(const struct alert_cfg *ac, struct rules *r);

/* The help text of these options, for a command's usage. */
void alert_opts_usage(FILE *f);

#endif
