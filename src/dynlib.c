/* dynlib - dlopen() at first use (see dynlib.h for why).
 *
 * Invariant: lib->state moves once from 0 to 1 (every slot filled) or to
 * -1 (no slot filled, err kept); the lock makes the first load single even
 * when DNS worker threads ask at once. Nothing is ever unloaded.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include "dynlib.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static int resolve(struct dynlib *lib)
{
	void *h = dlopen(lib->soname, RTLD_NOW | RTLD_LOCAL);
	const char *why;
	if (h == NULL) {
		why = dlerror();
		snprintf(lib->err, sizeof lib->err, "cannot load %s (needed for %s; Debian package %s): %s",
			 lib->soname, lib->needed_for, lib->package, why ? why : "unknown error");
		return -1;
	}
	for (size_t i = 0; i < lib->n; i++) {
		void *p;
		dlerror();
		p = dlsym(h, lib->names[i]);
		if (p == NULL) {
			why = dlerror();
			snprintf(lib->err, sizeof lib->err,
				 "%s has no function %s (needed for %s; Debian package %s, too old?)%s%s",
				 lib->soname, lib->names[i], lib->needed_for, lib->package,
				 why ? ": " : "", why ? why : "");
			for (size_t k = 0; k < i; k++)
				*lib->slots[k] = NULL;
			/* not dlclose()d: its constructors have run */
			return -1;
		}
		*lib->slots[i] = p;
	}
	return 0;
}

int dynlib_load(struct dynlib *lib, char *err, size_t errlen)
{
	int state;
	pthread_mutex_lock(&lock);
	if (lib->state == 0)
		lib->state = resolve(lib) == 0 ? 1 : -1;
	state = lib->state;
	pthread_mutex_unlock(&lock);
	if (state < 0)
		snprintf(err, errlen, "%s", lib->err);
	return state > 0 ? 0 : -1;
}
