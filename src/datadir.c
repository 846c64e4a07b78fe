/* datadir - installed data found beside the binary (see datadir.h).
 *
 * Invariant: a candidate is only chosen when it is a readable directory,
 * so a stale compiled-in PREFIX never wins over the installed tree next to
 * the binary that runs. No heap, no output.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "datadir.h"

#ifndef BW_PATTERNS_DIR
#define BW_PATTERNS_DIR "/usr/local/share/bouncewatch/patterns"
#endif

int datadir_beside(const char *exe, const char *sub, char *out, size_t n)
{
	const char *slash = strrchr(exe, '/');
	int k;
	if (slash == NULL)
		return -1;
	k = snprintf(out, n, "%.*s/../share/bouncewatch/%s", (int)(slash - exe), exe, sub);
	return k < 0 || (size_t)k >= n ? -1 : 0;
}

int datadir_self(char *out, size_t n)
{
	ssize_t k = readlink("/proc/self/exe", out, n);
	if (k <= 0 || (size_t)k >= n)
		return -1;
	out[k] = '\0';
	return 0;
}

static int usable(const char *dir)
{
	struct stat st;
	return stat(dir, &st) == 0 && S_ISDIR(st.st_mode) && access(dir, R_OK | X_OK) == 0;
}

/* Copies dir into out, canonical when realpath() can make it so. */
static int choose(const char *dir, char *out, size_t n)
{
	char real[PATH_MAX];
	const char *p = realpath(dir, real) ? real : dir;
	int k = snprintf(out, n, "%s", p);
	return k < 0 || (size_t)k >= n ? -1 : 0;
}

int datadir_patterns(char *out, size_t n)
{
	char exe[PATH_MAX], beside[PATH_MAX + 64];
	const char *cand[3];
	int nc = 0;
	size_t len = 0;

	if (datadir_self(exe, sizeof exe) == 0 &&
	    datadir_beside(exe, "patterns", beside, sizeof beside) == 0)
		cand[nc++] = beside;
	cand[nc++] = BW_PATTERNS_DIR;
	cand[nc++] = "patterns";
	for (int i = 0; i < nc; i++)
		if (usable(cand[i]))
			return choose(cand[i], out, n);
	for (int i = 0; i < nc && len < n; i++) {
		int k = snprintf(out + len, n - len, "%s%s", i ? ", " : "", cand[i]);
		if (k < 0)
			break;
		len += (size_t)k;
	}
	return -1;
}
