/* fmt_opensmtpd - limits and introspection of the OpenSMTPD parser's state
 *
 * The parser is reached through fmt_opensmtpd (fmt.h); its state is a
 * bounded map session id -> the session's last error (idmap.h).
 */
#ifndef BW_FMT_OPENSMTPD_H
#define BW_FMT_OPENSMTPD_H
#include <stddef.h>
#include "fmt.h"

#define OPENSMTPD_SESSIONS_MAX 4096	/* sessions remembered; the oldest is evicted beyond */

/* Live entries in the map. */
size_t fmt_opensmtpd_sessions(const struct fmt_state *st);

#endif
