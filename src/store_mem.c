/* store_mem - SQLite's memory for a command that reads once and exits.
 *
 * `check` opens the database, reads a few rows and exits. Most of what
 * SQLite allocates on the way is the parsed schema (every CREATE statement
 * of sqlite_master, a few thousand small objects), freed one by one again
 * at sqlite3_close(): with malloc() and free() that is a fifth of such a
 * command's instructions. Here allocations are cut from one arena that is
 * never given back (the pages go with the process), up to ARENA_CAP bytes,
 * then from malloc(). A freed arena block of up to SMALL bytes goes on a
 * list per size and is handed out again (so the process touches no more
 * pages than with malloc); a larger one stays unused. Each block is
 * preceded by its size (SQLite asks for it). Invariant: a pointer is an
 * arena block iff it lies inside [base, base + ARENA_CAP).
 *
 * The arena is process-wide because SQLite's allocator is (sqlite3_config()
 * before SQLite initialises); long-running commands never ask for it. Off
 * under AddressSanitizer, which must see SQLite's blocks to check them.
 */
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "store_int.h"

#define ARENA_CAP ((size_t)8 << 20)	/* address space reserved; pages used only when touched */
#define HDR 8				/* the size before each block; keeps 8-byte alignment */
#define SMALL 4096			/* freed arena blocks up to this size are reused */

#if defined(__SANITIZE_ADDRESS__)
#define ARENA_OFF 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_OFF 1
#endif
#endif
#ifndef ARENA_OFF
#define ARENA_OFF 0
#endif

static char *base;
static size_t used;
static void *reuse[SMALL / 8 + 1];	/* freed blocks by size / 8, each linking to the next */
static atomic_flag busy = ATOMIC_FLAG_INIT;	/* SQLite may allocate from several threads */

static size_t round8(int n) { return ((size_t)n + 7) & ~(size_t)7; }
static int in_arena(const void *p) { return (const char *)p >= base && (const char *)p < base + ARENA_CAP; }
static uint64_t *size_of(void *p) { return (uint64_t *)((char *)p - HDR); }
static void lock(void) { while (atomic_flag_test_and_set_explicit(&busy, memory_order_acquire)) ; }
static void unlock(void) { atomic_flag_clear_explicit(&busy, memory_order_release); }

/* A block of sz bytes from the arena (reused or new), or NULL when full. */
static char *from_arena(size_t sz)
{
	char *p = NULL;
	lock();
	if (sz <= SMALL && reuse[sz / 8] != NULL) {
		p = reuse[sz / 8];
		reuse[sz / 8] = *(void **)p;
	} else if (used + HDR + sz <= ARENA_CAP) {
		p = base + used + HDR;
		used += HDR + sz;
	}
	unlock();
	return p;
}

static void *mem_malloc(int n)
{
	size_t sz = round8(n);
	char *p = from_arena(sz);
	if (p == NULL) {
		char *m = malloc(sz + HDR);
		if (m == NULL)
			return NULL;
		p = m + HDR;
	}
	*size_of(p) = sz;
	return p;
}

static void mem_free(void *p)
{
	if (p == NULL)
		return;
	if (!in_arena(p)) {
		free((char *)p - HDR);
		return;
	}
	size_t sz = *size_of(p);
	if (sz > SMALL)
		return;		/* a large block stays used until exit */
	lock();
	*(void **)p = reuse[sz / 8];
	reuse[sz / 8] = p;
	unlock();
}

static int mem_size(void *p) { return p ? (int)*size_of(p) : 0; }

static void *mem_realloc(void *p, int n)
{
	size_t sz = round8(n);
	if (!in_arena(p)) {
		char *m = realloc((char *)p - HDR, sz + HDR);
		if (m == NULL)
			return NULL;
		*(uint64_t *)m = sz;
		return m + HDR;
	}
	if (sz <= *size_of(p))
		return p;
	void *q = mem_malloc(n);
	if (q != NULL) {
		memcpy(q, p, *size_of(p));
		mem_free(p);
	}
	return q;
}

static int mem_roundup(int n) { return (int)round8(n); }
static int mem_init(void *arg) { (void)arg; return 0; }
static void mem_shutdown(void *arg) { (void)arg; }

void store_mem_short_lived(void)
{
	static const sqlite3_mem_methods m = {
		mem_malloc, mem_free, mem_realloc, mem_size, mem_roundup, mem_init, mem_shutdown, NULL
	};
	if (ARENA_OFF || base != NULL)
		return;
	void *a = mmap(NULL, ARENA_CAP, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
		       -1, 0);
	if (a == MAP_FAILED)
		return;
	base = a;
	if (sqlite3_config(SQLITE_CONFIG_MALLOC, &m) != SQLITE_OK) {	/* SQLite already in use */
		base = NULL;
		munmap(a, ARENA_CAP);
	}
}
