/* log - diagnostics for commands (see log.h).
 * Base layer: uses only utf8. The only global state is the verbosity level.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "log.h"
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
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, o = 0;
	while (i < len) {
		size_t k = utf8_decode(u + i, len - i, NULL);
		char esc[5];
		const char *piece = (const char *)u + i;
		size_t plen = k;
		if (k == 0 || (k == 1 && (u[i] < 0x20 || u[i] == 0x7f))) {
			snprintf(esc, sizeof esc, "\\x%02x", u[i]);
			piece = esc;
			plen = 4;
			k = 1;
		}
		if (o + plen + 4 > outsz) {
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
		i += k;
	}
	out[o < outsz ? o : outsz - 1] = '\0';
	return out;
}
