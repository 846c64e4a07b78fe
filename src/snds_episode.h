/* snds_episode - what SNDS says, turned into episode evidence
 *
 * The bridge between feed_snds's signals and episodes: a RED or YELLOW day,
 * trap hits or a blocked range opens (or continues) the episode of the
 * Outlook.com consumer pool and that IP, with the SNDS fact as evidence; a
 * GREEN day is recorded on an open episode as evidence toward clearing.
 * Alerts are made by the episode module and delivered at finish.
 */
#ifndef BW_SNDS_EPISODE_H
#define BW_SNDS_EPISODE_H
#include <stddef.h>
#include "feed_snds.h"
#include "store.h"

struct snds_episodes;

/* Borrows st and ac (the alert options; both outlive the object). */
struct alert_cfg;
struct snds_episodes *snds_episode_new(struct store *st, const struct alert_cfg *ac, char *err,
				       size_t errlen);
/* A snds_signal_fn; arg is the struct snds_episodes. */
int snds_episode_signal(void *arg, const struct snds_signal *s, char *err, size_t errlen);
size_t snds_episode_opened(const struct snds_episodes *e);
/* Delivers the alerts due. 0 or -1. */
int snds_episode_finish(struct snds_episodes *e, char *err, size_t errlen);
void snds_episode_free(struct snds_episodes *e);

#endif
