/* log - diagnostics for commands (see log.h).
 * Base layer: uses only utf8. The only global state is the verbosity level.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "log.h"
#include "text_esc.h"
#include "utf8.h"

int log_verbose;

__attribute__((format(printf, 2, 0)))
static void vmsg(const char *level, const char *fmt, va_list ap)
{
	fputs("bouncewatch: ", stderr);
	if (level)
		fputs(level, stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void msg_info(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsg(NULL, fmt, ap);
	va_end(ap);
}

void msg_warn(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsg("warning: ", fmt, ap);
	va_end(ap);
}

void msg_debug(const char *fmt, ...)
{
	va_list ap;
	if (log_verbose < 1)
		return;
	va_start(ap, fmt);
	vmsg("debug: ", fmt, ap);
	va_end(ap);
}

char *log_printable(const char *s, size_t len, char *out, size_t outsz)
{
	size_t i = 0, o = 0;
	while (i < len) {
		char esc[16];
		const char *piece;
		int w;
		size_t at = i, plen = text_esc_piece(s, len, &i, esc, &piece, &w);
		if (o + plen + 4 > outsz) {
			i = at;
			if (outsz >= 4) {
				if (o + 3 >= outsz)
					o = outsz - 4;
				memcpy(out + o, "...", 3);
				o += 3;
			}
			break;
		}
		memcpy(out + o, piece, plen);
		o += plen;
	}
	out[o < outsz ? o : outsz - 1] = '\0';
	return out;
}
