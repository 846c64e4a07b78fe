/* log - diagnostics for commands
 *
 * Only main.c and cmd_*.c print; library modules return codes and fill an
 * error buffer. Messages go to stderr prefixed "bouncewatch: ".
 * log_printable() makes untrusted text (log lines, remote replies) safe to
 * print, by the one rule of text_esc.h (control bytes, C1 controls, bidi
 * overrides, U+2028 ... become escapes).
 */
#ifndef BW_LOG_H
#define BW_LOG_H
#include <stddef.h>

extern int log_verbose;	/* -v count; read by msg_debug */

void msg_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void msg_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void msg_debug(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Writes a printable, NUL-terminated rendering of s[0..len) into out (size
 * outsz >= 1), cut (with "...") to fit; returns out. */
char *log_printable(const char *s, size_t len, char *out, size_t outsz);

#endif
