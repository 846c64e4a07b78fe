/* waitsig - signals that end a wait, with no window in between (waitsig.h) */
#include "waitsig.h"
#include <signal.h>

static sigset_t before;	/* the mask waits use while the loop's signals are blocked */
static int blocked;

void waitsig_block(const int *sigs, size_t n)
{
	sigset_t set;
	sigemptyset(&set);
	for (size_t i = 0; i < n; i++)
		sigaddset(&set, sigs[i]);
	if (sigprocmask(SIG_BLOCK, &set, blocked ? NULL : &before) == 0)
		blocked = 1;
}

void waitsig_unblock(void)
{
	if (blocked && sigprocmask(SIG_SETMASK, &before, NULL) == 0)
		blocked = 0;
}

int waitsig_poll(struct pollfd *fds, nfds_t n, int timeout_ms)
{
	struct timespec ts, *tp = NULL;
	if (!blocked)
		return poll(fds, n, timeout_ms);
	if (timeout_ms >= 0) {
		ts.tv_sec = timeout_ms / 1000;
		ts.tv_nsec = (long)(timeout_ms % 1000) * 1000000L;
		tp = &ts;
	}
	return ppoll(fds, n, tp, &before);
}
