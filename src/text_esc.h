/* text_esc - untrusted text made safe for a person to read
 *
 * The one rule for every human-facing output (terminal text, stderr
 * messages, the BLOCK lines on stderr and syslog, report text and HTML):
 * control bytes, DEL and invalid UTF-8 become \xNN; C1 controls
 * (U+0080-U+009F, e.g. U+009B, a terminal's CSI), bidirectional controls
 * (U+202A-U+202E, U+2066-U+2069, U+061C, U+200E/F), invisible formatting
 * (U+200B-U+200D, U+2060-U+206F, U+FEFF) and the line and paragraph
 * separators U+2028/U+2029 become \u{XXXX}, so a reply can neither move
 * the cursor, nor reorder what is shown, nor fake a line break.
 * Base layer: uses utf8 only.
 */
#ifndef BW_TEXT_ESC_H
#define BW_TEXT_ESC_H
#include <stddef.h>

/* 1 for the code points above that are shown as \u{XXXX}. */
int text_esc_hostile(unsigned cp);

/* The next piece of s[0..len) at *i (advanced past it): *piece points at
 * the bytes to write (into s, or esc, which holds an escape), the return
 * is their length and *w their display width in columns. */
size_t text_esc_piece(const char *s, size_t len, size_t *i, char esc[16], const char **piece,
		      int *w);

#endif
