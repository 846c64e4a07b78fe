/* html_esc - untrusted text as HTML character data (see html_esc.h) */
#include "html_esc.h"
#include "text_esc.h"
#include <string.h>
#include "utf8.h"

void html_esc(FILE *f, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < len;) {
		unsigned cp;
		size_t k = utf8_decode(u + i, len - i, &cp);
		if (k == 0 || (cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7f ||
		    cp == 0xfffe || cp == 0xffff) {
			fputs("&#xfffd;", f);
			i += k ? k : 1;
			continue;
		}
		if (text_esc_hostile(cp)) {	/* bidi overrides would reorder the page */
			fprintf(f, "\\u{%04x}", cp);
			i += k;
			continue;
		}
		switch (cp) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\'': fputs("&#39;", f); break;
		default: fwrite(u + i, 1, k, f);
		}
		i += k;
	}
}

void html_esc_cstr(FILE *f, const char *s)
{
	html_esc(f, s, strlen(s));
}

/* The end of a URL starting at s: up to white space, a quote or angle
 * bracket, less trailing punctuation that usually closes the sentence. */
static size_t url_len(const char *s, size_t len)
{
	size_t n = 0;
	while (n < len && (unsigned char)s[n] > ' ' && s[n] != '"' && s[n] != '\'' && s[n] != '<' &&
	       s[n] != '>' && (unsigned char)s[n] < 0x7f)
		n++;
	while (n > 0 && strchr(".,;:)]", s[n - 1]))
		n--;
	return n;
}

static int url_at(const char *s, size_t len)
{
	return (len > 8 && strncmp(s, "https://", 8) == 0) || (len > 7 && strncmp(s, "http://", 7) == 0);
}

void html_esc_linked(FILE *f, const char *s, size_t len)
{
	size_t from = 0;
	for (size_t i = 0; i < len; i++) {
		size_t n;
		if (!url_at(s + i, len - i) || (n = url_len(s + i, len - i)) <= 8)
			continue;
		html_esc(f, s + from, i - from);
		fputs("<a href=\"", f);
		html_esc(f, s + i, n);
		fputs("\">", f);
		html_esc(f, s + i, n);
		fputs("</a>", f);
		i += n;
		from = i;
		i--;
	}
	html_esc(f, s + from, len - from);
}
