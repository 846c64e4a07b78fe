/* dynlib - shared libraries loaded at first use instead of at start
 *
 * Why: `check`, `report`, `query` and `--version` run every minute from
 * monitoring and cron, and need SQLite and little else. Linked at start,
 * libcurl, GMime (GLib, GIO), libsystemd, c-ares and libspf2 bring some
 * fifty shared objects (GnuTLS, OpenSSL, Kerberos, LDAP, libgcrypt ...)
 * whose loading, symbol binding (most are built with BIND_NOW) and
 * constructors took ~90 % of a `check` run (callgrind: 23 M of 25 M
 * instructions of `--version` in ld.so). The commands that fetch, parse
 * complaint mails, ask DNS or read the journal load their library with
 * dlopen() when they first need it, as systemd does for its optional
 * libraries; the others never map them. One binary either way.
 *
 * A library is described once, in the module that uses it (http_get.c,
 * arf.c, dns.c, spf.c, journal.c): its
 * soname (read at build time from the library the linker would have
 * taken), the Debian package that ships it, what it is needed for, and the
 * functions resolved. dynlib_load() resolves all of them or none, so a
 * library too old for a symbol fails there with a message, never later with
 * a NULL call. Loaded libraries stay loaded (GLib cannot be unloaded).
 * Thread-safe (one lock around the first load).
 */
#ifndef BW_DYNLIB_H
#define BW_DYNLIB_H
#include <stddef.h>

struct dynlib {
	const char *soname;	/* "libcurl.so.4" */
	const char *package;	/* the Debian package that ships it */
	const char *needed_for;	/* "HTTP (SNDS)", said when it cannot load */
	const char *const *names;	/* n function names ... */
	void **const *slots;	/* ... and the pointer each address goes to */
	size_t n;
	/* state, guarded by dynlib.c's lock */
	int state;		/* 0 not tried, 1 loaded, -1 failed */
	char err[512];		/* the failure, repeated to later callers */
};

/* Loads lib and resolves every name into ptrs (all or none). Returns 0, or
 * -1 with err naming the soname, what it is needed for, the package and
 * dlerror()'s reason. A failure is remembered: later calls fail the same
 * way at once. */
int dynlib_load(struct dynlib *lib, char *err, size_t errlen);

/* DYNLIB_DEFINE(var, LIST, ...) in the module that uses the library, after
 * its header: LIST is an X-macro of the function names, the one place each
 * is written; it defines one pointer dl_NAME per name with the library's
 * own prototype (calls are type-checked), and the struct dynlib `var`. The
 * module calls dl_NAME(...): a name called but not listed fails to compile,
 * and a plain NAME(...) fails to link (the library is not linked), also
 * when a header's macro expands to one (GMime's type macros: arf.c). */
#define DYNLIB_PTR(name) static __typeof__(name) *dl_##name;
#define DYNLIB_NAME(name) #name,
#define DYNLIB_ADDR(name) (void **)&dl_##name,
#define DYNLIB_DEFINE(var, LIST, so, pkg, why)                                 \
	LIST(DYNLIB_PTR)                                                       \
	static const char *const var##_names[] = { LIST(DYNLIB_NAME) };       \
	static void **const var##_slots[] = { LIST(DYNLIB_ADDR) };            \
	static struct dynlib var = { .soname = so, .package = pkg, .needed_for = why, \
			      .names = var##_names, .slots = var##_slots,       \
			      .n = sizeof var##_names / sizeof var##_names[0] }

#endif
