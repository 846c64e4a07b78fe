/* fmt - the table of MTA log formats (see fmt.h).
 * Adding a format: one fmt_<mta>.c exporting a const struct fmt, one line here.
 */
#include <stddef.h>
#include "fmt.h"

const struct fmt *const fmt_all[] = {
	&fmt_postfix,
	NULL,
};

const struct fmt *fmt_for_prog(struct str prog)
{
	if (prog.len == 0)
		return NULL;
	for (size_t i = 0; fmt_all[i]; i++)
		if (fmt_all[i]->claims(prog))
			return fmt_all[i];
	return NULL;
}

int fmt_unsupported_mta(struct str prog)
{
	static const char *const names[] = { "qmail", "courier", "haraka", "exchange", "MSExchange",
					     "kerio", "zimbra", "hmailserver", "mdaemon", "smail",
					     "nullmailer", "dma", "msmtp", "ssmtp" };
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (str_has_prefix(prog, names[i]))
			return 1;
	return 0;
}
