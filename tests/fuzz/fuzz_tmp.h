/* fuzz_tmp - the scratch directory of a harness that works on files.
 * Made under $TMPDIR when set, else /dev/shm when writable (no disk I/O per
 * input), else /tmp; removed with the files in it when the process exits
 * (libFuzzer and the replay driver both end through exit(), so every run of
 * `make test` and `make fuzz` cleans up after itself). Header-only: each
 * harness is its own program. */
#ifndef BW_FUZZ_TMP_H
#define BW_FUZZ_TMP_H
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static char fuzz_tmp_dir[256];

static void fuzz_tmp_remove(void)
{
	DIR *d = opendir(fuzz_tmp_dir);
	struct dirent *e;
	char p[512];
	while (d && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' && (e->d_name[1] == '\0' ||
					    (e->d_name[1] == '.' && e->d_name[2] == '\0')))
			continue;
		snprintf(p, sizeof p, "%s/%s", fuzz_tmp_dir, e->d_name);
		unlink(p);
	}
	if (d)
		closedir(d);
	rmdir(fuzz_tmp_dir);
}

/* Makes the directory (bw-fuzz-NAME-XXXXXX) and returns its path; exits 2
 * when it cannot. Removed at exit, after the atexit handlers registered
 * later (they may still hold files open in it). */
static const char *fuzz_tmp_make(const char *name)
{
	const char *base = getenv("TMPDIR");
	if (base == NULL || *base == '\0')
		base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
	snprintf(fuzz_tmp_dir, sizeof fuzz_tmp_dir, "%s/bw-fuzz-%s-XXXXXX", base, name);
	if (mkdtemp(fuzz_tmp_dir) == NULL) {
		perror(fuzz_tmp_dir);
		exit(2);
	}
	atexit(fuzz_tmp_remove);
	return fuzz_tmp_dir;
}

#endif
