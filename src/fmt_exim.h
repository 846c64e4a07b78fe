/* fmt_exim - limits and introspection of the Exim parser's state
 *
 * The parser is reached through fmt_exim (fmt.h); its state is a bounded
 * map message id -> sender (idmap.h) fed by "<=" lines, emptied by
 * "Completed".
 */
#ifndef BW_FMT_EXIM_H
#define BW_FMT_EXIM_H
#include <stddef.h>
#include "fmt.h"

#define EXIM_SENDERS_MAX 65536	/* map entries; the oldest is evicted beyond */

/* Live entries in the map. */
size_t fmt_exim_senders(const struct fmt_state *st);

#endif
