/* html_esc - untrusted text written as HTML character data or attribute
 * values: & < > " ' as entities, invalid UTF-8 and control characters as
 * U+FFFD, text_esc.h's hostile characters (bidi overrides ...) as \u{XXXX}
 * so they cannot reorder the page. Base layer (libc, utf8, text_esc).
 */
#ifndef BW_HTML_ESC_H
#define BW_HTML_ESC_H
#include <stddef.h>
#include <stdio.h>

void html_esc(FILE *f, const char *s, size_t len);
void html_esc_cstr(FILE *f, const char *s);

/* As html_esc, with each http:// or https:// URL (printable ASCII up
 * to white space, a quote or an angle bracket, less trailing punctuation)
 * made a link whose href is the same escaped text. */
void html_esc_linked(FILE *f, const char *s, size_t len);

#endif
