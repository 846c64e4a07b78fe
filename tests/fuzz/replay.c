/* replay - a plain driver (no libFuzzer) for the harnesses in tests/fuzz:
 * runs LLVMFuzzerTestOneInput once on every file named, or on every file
 * of every directory named (in name order), so the committed corpora and
 * every crash input saved from a fuzzing run stay tests (`make test`,
 * tests/e2e/fuzz_replay.sh). A crash or a failed invariant aborts; else it
 * prints how many inputs ran and exits 0. Exit 2 when an input cannot be read.
 * usage: replay_HARNESS FILE|DIR... */
#include <dirent.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

static int one(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	size_t n = 0, cap = 0, r;
	if (f == NULL) {
		perror(path);
		return -1;
	}
	do {
		if (n == cap) {
			cap = cap ? 2 * cap : 4096;
			if ((buf = realloc(buf, cap)) == NULL)
				abort();
		}
		r = fread(buf + n, 1, cap - n, f);
		n += r;
	} while (r > 0);
	fclose(f);
	/* an exact-size copy, so that a read past the input is a heap overflow */
	{
		uint8_t *exact = malloc(n ? n : 1);
		if (exact == NULL)
			abort();
		memcpy(exact, buf, n);
		free(buf);
		fprintf(stderr, "replay: %s\n", path);
		LLVMFuzzerTestOneInput(exact, n);
		free(exact);
	}
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
	unsigned long ran = 0;
	if (LLVMFuzzerInitialize)
		LLVMFuzzerInitialize(&argc, &argv);
	for (int i = 1; i < argc; i++) {
		struct stat sb;
		if (stat(argv[i], &sb) != 0) {
			perror(argv[i]);
			return 2;
		}
		if (S_ISDIR(sb.st_mode)) {
			DIR *d = opendir(argv[i]);
			struct dirent *e;
			char **names = NULL;
			size_t n = 0;
			if (d == NULL) {
				perror(argv[i]);
				return 2;
			}
			while ((e = readdir(d)) != NULL) {
				char path[4096];
				if (e->d_name[0] == '.')
					continue;
				snprintf(path, sizeof path, "%s/%s", argv[i], e->d_name);
				if ((names = realloc(names, (n + 1) * sizeof *names)) == NULL ||
				    (names[n++] = strdup(path)) == NULL)
					abort();
			}
			closedir(d);
			qsort(names, n, sizeof *names, by_name);
			for (size_t k = 0; k < n; k++) {
				if (one(names[k]) != 0)
					return 2;
				ran++;
				free(names[k]);
			}
			free(names);
		} else {
			if (one(argv[i]) != 0)
				return 2;
			ran++;
		}
	}
	printf("%lu inputs replayed\n", ran);
	return 0;
}
