/* waitsig - signals that end a wait, with no window in between
 *
 * A loop that checks a flag set by a signal handler and then sleeps in
 * poll() has a window: a signal that arrives after the check and before
 * the sleep is noticed only when the sleep ends. Closing it with a timeout
 * costs a wake-up every few seconds while nothing happens. Instead the
 * loop's signals stay blocked while it works (waitsig_block) and are let
 * in only inside its waits (waitsig_poll: ppoll() with the mask from
 * before), so a pending signal ends the next wait at once and an idle loop
 * sleeps until something happens.
 *
 * Without waitsig_block (scan, the tests of other modules), waitsig_poll is
 * poll(). Children started through run.h reset their mask before execve.
 */
#ifndef BW_WAITSIG_H
#define BW_WAITSIG_H
#include <poll.h>
#include <stddef.h>

/* Blocks sigs[0..n) outside waitsig_poll() until waitsig_unblock(). */
void waitsig_block(const int *sigs, size_t n);
/* The mask from before waitsig_block() again (signals pending meanwhile
 * are delivered now). Harmless when nothing is blocked. */
void waitsig_unblock(void);
/* poll() that lets the blocked signals in while it waits: -1 with EINTR
 * when one arrived (its handler has run). timeout_ms < 0: no timeout. */
int waitsig_poll(struct pollfd *fds, nfds_t n, int timeout_ms);

#endif
