/* fmt - the table of MTA log formats (see fmt.h).
 * Adding a format: one fmt_<mta>.c exporting a const struct fmt, one line here.
 */
#include <stddef.h>
#include "fmt.h"

const struct fmt *const fmt_all[] = {
	&fmt_postfix,
	NULL,
};
