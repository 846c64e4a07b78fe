/* run - child processes (see run.h).
 *
 * Invariants: the only fork/execve in bouncewatch; the child never returns
 * into our code (execve or _exit); every pipe end is closed on all paths and
 * the child is always reaped. Uses the real monotonic clock for the timeout
 * (the program's run time is real, whatever clock the caller's logic uses).
 * Base layer: libc only.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "run.h"

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

static void child(const char *path, char *const envp[], int in, int errfd)
{
	char *const argv[] = { (char *)path, NULL };
	char msg[512];
	sigset_t none;
	int null = open("/dev/null", O_WRONLY | O_CLOEXEC);

	setpgid(0, 0);
	signal(SIGPIPE, SIG_DFL);
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

struct io {
	int in, err;		/* our ends; -1 when closed */
	const char *input;
	size_t inlen, done;
	size_t errlen;
	struct run_result *res;
};

static void close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

/* One poll round of at most ms milliseconds: feed stdin, collect stderr. */
static void pump(struct io *io, int ms)
{
	struct pollfd p[2];
	int n = 0, iin = -1, ierr = -1;
	if (io->in >= 0) {
		p[n] = (struct pollfd){ .fd = io->in, .events = POLLOUT };
		iin = n++;
	}
	if (io->err >= 0) {
		p[n] = (struct pollfd){ .fd = io->err, .events = POLLIN };
		ierr = n++;
	}
	if (poll(p, (nfds_t)n, ms) <= 0)
		return;
	if (iin >= 0 && p[iin].revents) {
		ssize_t w = write(io->in, io->input + io->done, io->inlen - io->done);
		if (w > 0)
			io->done += (size_t)w;
		if ((w < 0 && errno != EAGAIN && errno != EINTR) || io->done == io->inlen)
			close_fd(&io->in);
	}
	if (ierr >= 0 && p[ierr].revents) {
		char buf[1024];
		ssize_t r = read(io->err, buf, sizeof buf);
		if (r > 0) {
			size_t room = sizeof io->res->stderr_head - 1 - io->errlen;
			size_t k = (size_t)r < room ? (size_t)r : room;
			memcpy(io->res->stderr_head + io->errlen, buf, k);
			io->errlen += k;
		} else if (r == 0 || (errno != EAGAIN && errno != EINTR)) {
			close_fd(&io->err);
		}
	}
}

/* Waits for pid while pumping io; kills its group at the deadline. */
static void supervise(pid_t pid, struct io *io, double timeout)
{
	double deadline = mono() + timeout, kill_at = 0;
	int ws = 0, term_sent = 0, kill_sent = 0, reaped = 0;

	for (;;) {
		pid_t r = waitpid(pid, &ws, WNOHANG);
		if (r == pid)
			reaped = 1;
		if (r == pid || (r < 0 && errno != EINTR))
			break;
		double now = mono();
		if (!term_sent && now >= deadline) {
			kill(-pid, SIGTERM);
			term_sent = io->res->timed_out = 1;
			kill_at = now + RUN_KILL_GRACE;
		} else if (term_sent && !kill_sent && now >= kill_at) {
			kill(-pid, SIGKILL);
			kill_sent = 1;
		}
		if (io->in < 0 && io->err < 0)
			poll(NULL, 0, 20);
		else
			pump(io, 20);
	}
	if (io->err >= 0)	/* what the child wrote just before it exited */
		pump(io, 0);
	if (!reaped) {
		io->res->exit_code = -1;
	} else if (WIFEXITED(ws)) {
		io->res->exit_code = WEXITSTATUS(ws);
	} else {
		io->res->exit_code = -1;
		io->res->signal = WIFSIGNALED(ws) ? WTERMSIG(ws) : 0;
	}
	if (io->res->timed_out)	/* the group may hold children of the child */
		kill(-pid, SIGKILL);
}

int run_program(const char *path, char *const envp[], const char *input, size_t inlen,
		double timeout, struct run_result *res, char *err, size_t errlen)
{
	int in[2] = { -1, -1 }, er[2] = { -1, -1 }, ret = -1;
	struct sigaction ign = { .sa_handler = SIG_IGN }, old;
	struct io io = { .input = input, .inlen = inlen, .res = res };
	pid_t pid;

	memset(res, 0, sizeof *res);
	if (pipe2(in, O_CLOEXEC) < 0 || pipe2(er, O_CLOEXEC) < 0) {
		snprintf(err, errlen, "pipe: %s", strerror(errno));
		goto out;
	}
	sigaction(SIGPIPE, &ign, &old);
	if ((pid = fork()) < 0) {
		snprintf(err, errlen, "fork: %s", strerror(errno));
		sigaction(SIGPIPE, &old, NULL);
		goto out;
	}
	if (pid == 0)
		child(path, envp, in[0], er[1]);
	setpgid(pid, pid);
	close_fd(&in[0]);
	close_fd(&er[1]);
	io.in = in[1];
	io.err = er[0];
	in[1] = er[0] = -1;
	fcntl(io.in, F_SETFL, O_NONBLOCK);
	fcntl(io.err, F_SETFL, O_NONBLOCK);
	if (inlen == 0)
		close_fd(&io.in);
	supervise(pid, &io, timeout);
	close_fd(&io.in);
	close_fd(&io.err);
	sigaction(SIGPIPE, &old, NULL);
	ret = 0;
out:
	close_fd(&in[0]);
	close_fd(&in[1]);
	close_fd(&er[0]);
	close_fd(&er[1]);
	return ret;
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
