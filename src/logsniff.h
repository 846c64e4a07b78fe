/* logsniff - what a file that holds no line of a known MTA looks like
 *
 * When scan finds no Postfix, Exim, OpenSMTPD or Sendmail line in a file,
 * the operator is told what the file seems to be instead of a silent "0
 * deliveries": not a log at all (no line with a header we know), the log of
 * a mail server bouncewatch does not read (qmail, Courier, ...), or a
 * system log of other programs that simply held no mail lines. Reads up to
 * LOGSNIFF_LINES lines through the line pipeline (line.h).
 */
#ifndef BW_LOGSNIFF_H
#define BW_LOGSNIFF_H
#include <stddef.h>

#define LOGSNIFF_LINES 5000

enum logsniff_kind {
	LOGSNIFF_EMPTY,		/* no line at all */
	LOGSNIFF_MTA,		/* a line of a known MTA after all */
	LOGSNIFF_NOT_LOG,	/* no line with a syslog header or an MTA's own format */
	LOGSNIFF_OTHER_MTA,	/* lines of a mail server bouncewatch does not read */
	LOGSNIFF_NO_MAIL,	/* syslog lines of other programs only */
};

/* Samples path and describes it in desc (e.g. "syslog lines of dovecot (12),
 * kernel (3)"; printable). Returns the kind, or -1 with desc holding the
 * error when the file cannot be read. */
int logsniff_file(const char *path, char *desc, size_t len);

#endif
