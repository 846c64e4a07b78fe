/* runstat - run a program and record its wall time, CPU time and peak RSS
 *
 * usage: runstat OUTFILE PROGRAM [ARG]...
 *
 * Runs PROGRAM (fork + execvp, no shell) with the caller's stdin, stdout and
 * stderr, waits for it with wait4() and appends one line to OUTFILE:
 *   wall=SECONDS user=SECONDS sys=SECONDS maxrss_kb=KB status=N
 * Wall time comes from CLOCK_MONOTONIC (microseconds: the start-up bench
 * measures runs of a few ms); maxrss is the child's ru_maxrss (the
 * peak resident set of that process, which is what the benchmark reports).
 * Exits with the child's exit status (128+signal when killed), or 127 when
 * the program cannot be started. Stand-alone: depends on nothing of ours.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double tv_s(struct timeval tv)
{
	return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

static int report(const char *path, const struct timespec *t0, const struct timespec *t1,
		  const struct rusage *ru, int code)
{
	FILE *f = fopen(path, "a");
	if (!f) {
		fprintf(stderr, "runstat: %s: %s\n", path, strerror(errno));
		return -1;
	}
	fprintf(f, "wall=%.6f user=%.6f sys=%.6f maxrss_kb=%ld status=%d\n",
		(double)(t1->tv_sec - t0->tv_sec) + (double)(t1->tv_nsec - t0->tv_nsec) / 1e9,
		tv_s(ru->ru_utime), tv_s(ru->ru_stime), ru->ru_maxrss, code);
	return fclose(f) == 0 ? 0 : -1;
}

int main(int argc, char **argv)
{
	struct timespec t0, t1;
	struct rusage ru;
	int st = 0, code;
	pid_t pid;

	if (argc < 3) {
		fprintf(stderr, "usage: runstat OUTFILE PROGRAM [ARG]...\n");
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	if (pid < 0) {
		perror("runstat: fork");
		return 127;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		fprintf(stderr, "runstat: %s: %s\n", argv[2], strerror(errno));
		_exit(127);
	}
	while (wait4(pid, &st, 0, &ru) < 0) {
		if (errno != EINTR) {
			perror("runstat: wait4");
			return 127;
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	code = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	return report(argv[1], &t0, &t1, &ru, code) == 0 ? code : 127;
}
