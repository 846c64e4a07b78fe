/* fmt_sendmail - limits and introspection of the Sendmail parser's state
 *
 * The parser is reached through fmt_sendmail (fmt.h); its state is a
 * bounded map queue id -> sender (idmap.h) fed by "from=" lines.
 */
#ifndef BW_FMT_SENDMAIL_H
#define BW_FMT_SENDMAIL_H
#include <stddef.h>
#include "fmt.h"

#define SENDMAIL_SENDERS_MAX 65536	/* map entries; the oldest is evicted beyond */

/* Live entries in the map. */
size_t fmt_sendmail_senders(const struct fmt_state *st);

#endif
