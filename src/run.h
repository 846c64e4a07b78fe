/* run - the one way bouncewatch starts a child process
 *
 * fork + execve of a fixed program path with a fixed argv ({ path } unless
 * the caller gives one, never text from a log): no
 * shell, no PATH search, nothing from a log line can become a command. Data
 * travels in the environment (exactly envp, nothing inherited) and on stdin.
 * The child runs in its own process group; on timeout the group gets
 * SIGTERM, then SIGKILL after RUN_KILL_GRACE seconds. Its stdout goes to
 * /dev/null; the start of its stderr is kept for the caller's error text.
 */
#ifndef BW_RUN_H
#define BW_RUN_H
#include <stddef.h>

#define RUN_KILL_GRACE 2.0
#define RUN_STDERR_MAX 512

struct run_result {
	int exit_code;		/* exit status, or -1 when killed by a signal */
	int signal;		/* terminating signal, 0 if none */
	int timed_out;		/* 1 when the timeout expired and the child was killed */
	char stderr_head[RUN_STDERR_MAX];	/* first bytes the child wrote to stderr */
};

/* Runs path with environment envp (NULL-terminated) and input[0..inlen) on
 * its stdin, waits at most timeout seconds (real time), then kills it.
 * Returns 0 when the child was started and reaped (*res says how it ended:
 * a program that cannot be executed exits 127 with the reason in
 * stderr_head), -1 with err when no child could be started. */
int run_program(const char *path, char *const envp[], const char *input, size_t inlen,
		double timeout, struct run_result *res, char *err, size_t errlen);

struct run_child;

/* Starts path as run_program() does, without waiting: the input (copied)
 * is fed and stderr collected by run_poll(). SIGPIPE is ignored in this
 * process from then on. NULL with err when no child could be started. */
struct run_child *run_start(const char *path, char *const envp[], const char *input, size_t inlen,
			    double timeout, char *err, size_t errlen);
/* run_start() with a fixed argv (argv[0] first, NULL-terminated; NULL
 * means { path }), e.g. bouncewatch running one of its own commands. */
struct run_child *run_start_argv(const char *path, char *const argv[], char *const envp[],
				 const char *input, size_t inlen, double timeout, char *err,
				 size_t errlen);
/* Without blocking: feeds stdin, collects stderr, sends SIGTERM to the
 * group at the timeout and SIGKILL RUN_KILL_GRACE seconds later, reaps.
 * Returns 1 when the child ended (*res filled, c freed), else 0. */
int run_poll(struct run_child *c, struct run_result *res);
/* Milliseconds until c's next deadline (its timeout, then its kill). */
int run_wait_ms(const struct run_child *c);
/* Kills c's process group with SIGKILL, reaps the child and frees c; NULL
 * does nothing. */
void run_abandon(struct run_child *c);

/* 1 when res is a clean exit 0. */
int run_ok(const struct run_result *res);

/* "exit status 3: <stderr first line>", "timed out after 30 s", ... */
void run_describe(const struct run_result *res, double timeout, char *out, size_t outsz);

#endif
