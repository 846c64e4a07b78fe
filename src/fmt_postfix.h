/* fmt_postfix - limits and introspection of the Postfix parser's state
 *
 * The parser itself is reached through fmt_postfix (fmt.h). Its state is a
 * bounded map queue id -> sender, fed by qmgr "from=<...>" lines and emptied
 * by "removed" lines. These declarations exist so that tests (and a curious
 * operator) can see that the map stays within its bounds.
 */
#ifndef BW_FMT_POSTFIX_H
#define BW_FMT_POSTFIX_H
#include <stddef.h>
#include "fmt.h"
#include "idmap.h"

#define POSTFIX_SENDERS_MAX 65536	/* map entries; the oldest is evicted beyond */
#define POSTFIX_SENDER_MAX IDMAP_VAL_MAX	/* bytes of a sender kept (longer ones are cut) */
#define POSTFIX_QID_MAX IDMAP_KEY_MAX	/* longest queue id accepted */

/* Live entries in the map. */
size_t fmt_postfix_senders(const struct fmt_state *st);
/* Bytes the state holds on the heap now (never more than a fixed bound). */
size_t fmt_postfix_state_bytes(const struct fmt_state *st);

#endif
