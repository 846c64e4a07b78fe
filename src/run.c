/* run - child processes (see run.h).
 *
 * Invariants: the only fork/execve in bouncewatch; the child never returns
 * into our code (execve or _exit); every pipe end is closed on all paths and
 * the child is always reaped (run_poll() until it says so, or
 * run_abandon()). Uses the real monotonic clock for the timeout (the
 * program's run time is real, whatever clock the caller's logic uses).
 * Base layer: libc only.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "run.h"
#include "xmalloc.h"

struct run_child {
	pid_t pid;
	int in, err;		/* our ends; -1 when closed */
	char *input;		/* owned copy of what is left to feed */
	size_t inlen, done;
	size_t errlen;
	double timeout, deadline, kill_at;
	int term_sent, kill_sent;
	struct run_result res;
};

static double mono(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

/* In the child: fd becomes `to`, inheritable. */
static void move_fd(int fd, int to)
{
	if (fd == to)
		fcntl(fd, F_SETFD, 0);
	else
		dup2(fd, to);
}

static void child(const char *path, char *const argv_in[], char *const envp[], int in, int errfd)
{
	char *const path_only[] = { (char *)path, NULL };
	char *const *argv = argv_in ? argv_in : path_only;
	char msg[512];
	sigset_t none;
	int null = open("/dev/null", O_WRONLY | O_CLOEXEC);

	setpgid(0, 0);
	signal(SIGPIPE, SIG_DFL);
	signal(SIGCHLD, SIG_DFL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	move_fd(in, 0);
	move_fd(errfd, 2);
	if (null >= 0)
		move_fd(null, 1);
	execve(path, argv, envp);
	int n = snprintf(msg, sizeof msg, "cannot execute %s: %s\n", path, strerror(errno));
	if (n > 0 && write(2, msg, (size_t)n < sizeof msg ? (size_t)n : sizeof msg - 1) < 0)
		_exit(127);
	_exit(127);
}

static void close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

/* One poll round of at most ms milliseconds: feed stdin, collect stderr. */
static void pump(struct run_child *c, int ms)
{
	struct pollfd p[2];
	int n = 0, iin = -1, ierr = -1;
	if (c->in >= 0) {
		p[n] = (struct pollfd){ .fd = c->in, .events = POLLOUT };
		iin = n++;
	}
	if (c->err >= 0) {
		p[n] = (struct pollfd){ .fd = c->err, .events = POLLIN };
		ierr = n++;
	}
	if (poll(p, (nfds_t)n, ms) <= 0)
		return;
	if (iin >= 0 && p[iin].revents) {
		ssize_t w = write(c->in, c->input + c->done, c->inlen - c->done);
		if (w > 0)
			c->done += (size_t)w;
		if ((w < 0 && errno != EAGAIN && errno != EINTR) || c->done == c->inlen)
			close_fd(&c->in);
	}
	if (ierr >= 0 && p[ierr].revents) {
		char buf[1024];
		ssize_t r = read(c->err, buf, sizeof buf);
		if (r > 0) {
			size_t room = sizeof c->res.stderr_head - 1 - c->errlen;
			size_t k = (size_t)r < room ? (size_t)r : room;
			memcpy(c->res.stderr_head + c->errlen, buf, k);
			c->errlen += k;
		} else if (r == 0 || (errno != EAGAIN && errno != EINTR)) {
			close_fd(&c->err);
		}
	}
}

struct run_child *run_start(const char *path, char *const envp[], const char *input, size_t inlen,
			    double timeout, char *err, size_t errlen)
{
	return run_start_argv(path, NULL, envp, input, inlen, timeout, err, errlen);
}

struct run_child *run_start_argv(const char *path, char *const argv[], char *const envp[],
				 const char *input, size_t inlen, double timeout, char *err,
				 size_t errlen)
{
	int in[2] = { -1, -1 }, er[2] = { -1, -1 };
	struct run_child *c = NULL;
	pid_t pid;

	signal(SIGPIPE, SIG_IGN);	/* a child may exit without reading its stdin */
	if (pipe2(in, O_CLOEXEC) < 0 || pipe2(er, O_CLOEXEC) < 0) {
		snprintf(err, errlen, "pipe: %s", strerror(errno));
		goto out;
	}
	if ((pid = fork()) < 0) {
		snprintf(err, errlen, "fork: %s", strerror(errno));
		goto out;
	}
	if (pid == 0)
		child(path, argv, envp, in[0], er[1]);
	setpgid(pid, pid);
	c = xcalloc(1, sizeof *c);
	*c = (struct run_child){ .pid = pid, .in = in[1], .err = er[0], .inlen = inlen,
				 .timeout = timeout, .deadline = mono() + timeout };
	c->input = xmalloc(inlen + 1);
	if (inlen > 0)
		memcpy(c->input, input, inlen);
	in[1] = er[0] = -1;
	fcntl(c->in, F_SETFL, O_NONBLOCK);
	fcntl(c->err, F_SETFL, O_NONBLOCK);
	if (inlen == 0)
		close_fd(&c->in);
	pump(c, 0);
out:
	close_fd(&in[0]);
	close_fd(&in[1]);
	close_fd(&er[0]);
	close_fd(&er[1]);
	return c;
}

static void child_free(struct run_child *c)
{
	close_fd(&c->in);
	close_fd(&c->err);
	free(c->input);
	free(c);
}

/* The deadlines: SIGTERM to the group at the timeout, SIGKILL after the grace. */
static void enforce(struct run_child *c, double now)
{
	if (!c->term_sent && now >= c->deadline) {
		kill(-c->pid, SIGTERM);
		c->term_sent = c->res.timed_out = 1;
		c->kill_at = now + RUN_KILL_GRACE;
	} else if (c->term_sent && !c->kill_sent && now >= c->kill_at) {
		kill(-c->pid, SIGKILL);
		c->kill_sent = 1;
	}
}

int run_poll(struct run_child *c, struct run_result *res)
{
	int ws = 0;
	pid_t r;

	pump(c, 0);
	r = waitpid(c->pid, &ws, WNOHANG);
	if (r == 0 || (r < 0 && errno == EINTR)) {
		enforce(c, mono());
		return 0;
	}
	if (c->err >= 0)	/* what the child wrote just before it exited */
		pump(c, 0);
	if (r != c->pid) {
		c->res.exit_code = -1;
	} else if (WIFEXITED(ws)) {
		c->res.exit_code = WEXITSTATUS(ws);
	} else {
		c->res.exit_code = -1;
		c->res.signal = WIFSIGNALED(ws) ? WTERMSIG(ws) : 0;
	}
	if (c->res.timed_out)	/* the group may hold children of the child */
		kill(-c->pid, SIGKILL);
	*res = c->res;
	child_free(c);
	return 1;
}

int run_wait_ms(const struct run_child *c)
{
	double left = (c->term_sent ? c->kill_at : c->deadline) - mono();
	if (c->kill_sent || left <= 0)
		return 0;
	return left > 86400 ? 86400000 : (int)(left * 1000) + 1;
}

void run_abandon(struct run_child *c)
{
	if (c == NULL)
		return;
	kill(-c->pid, SIGKILL);
	while (waitpid(c->pid, NULL, 0) < 0 && errno == EINTR)
		;
	child_free(c);
}

int run_program(const char *path, char *const envp[], const char *input, size_t inlen,
		double timeout, struct run_result *res, char *err, size_t errlen)
{
	struct run_child *c = run_start(path, envp, input, inlen, timeout, err, errlen);
	if (c == NULL)
		return -1;
	while (!run_poll(c, res)) {
		int ms = run_wait_ms(c);
		if (c->in < 0 && c->err < 0)
			poll(NULL, 0, ms < 20 ? ms : 20);
		else
			pump(c, ms < 20 ? ms : 20);
	}
	return 0;
}

int run_ok(const struct run_result *res)
{
	return !res->timed_out && res->exit_code == 0;
}

void run_describe(const struct run_result *res, double timeout, char *out, size_t outsz)
{
	char head[RUN_STDERR_MAX];
	size_t n = strcspn(res->stderr_head, "\r\n");
	memcpy(head, res->stderr_head, n);
	head[n] = '\0';
	if (res->timed_out)
		snprintf(out, outsz, "timed out after %g s", timeout);
	else if (res->exit_code < 0)
		snprintf(out, outsz, "killed by signal %d", res->signal);
	else
		snprintf(out, outsz, "exit status %d%s%s", res->exit_code, n ? ": " : "", head);
}
