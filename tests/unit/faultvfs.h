/* faultvfs - a SQLite VFS for tests that fails the Nth write-side call
 *
 * A shim over the default VFS ("unix"), registered as the default so that
 * every connection the code under test opens goes through it. It counts
 * the calls of one class over every file (main database, WAL, journal):
 * FV_WRITES (xWrite, xSync, xTruncate, xFileControl) or FV_LOCKS (xLock,
 * and xShmLock when taking a lock), and makes the Nth one return a chosen
 * error, once or, when sticky, for every call from the Nth on (a disk that
 * stays full). Everything else is passed through; xSync is counted but not
 * done (speed; no test here cuts the power).
 *
 * SQLITE_BUSY belongs to the lock calls: that is where another process
 * makes it. Returned by xWrite it is not an I/O error to SQLite: a
 * checkpoint that gets it stops as if readers were active and reports
 * success, so the WAL is deleted at close with the database half written
 * ("database disk image is malformed" at the next open; SQLite 3.40's
 * walCheckpoint). Header only (static); include after <cmocka.h>.
 */
#ifndef BW_FAULTVFS_H
#define BW_FAULTVFS_H
#include <stdio.h>
#include <string.h>
#include <sqlite3.h>

enum fv_class { FV_WRITES, FV_LOCKS };

struct fv_state {
	enum fv_class cls;	/* the calls that may fail */
	long calls;	/* calls of that class since fv_arm() */
	long other;	/* calls of the other class since fv_arm() */
	long at;	/* fail the call numbered at (1-based); 0: never */
	int rc;		/* the error returned */
	int sticky;	/* 1: every call from at on fails */
	long fired;	/* calls failed since fv_arm() */
	char what[64];	/* the first call failed: "xSync (main db)" */
};

static struct fv_state fv;
static sqlite3_vfs fv_vfs, *fv_real;
static sqlite3_io_methods fv_methods;

struct fv_file {
	sqlite3_file base;
	sqlite3_file *real;	/* follows this struct in the same allocation */
};

#define FV_REAL(f) (((struct fv_file *)(f))->real)

/* The error for this call, or SQLITE_OK to pass it through. */
static int fv_fault(enum fv_class c, const char *what, int op)
{
	if (c != fv.cls) {
		fv.other++;
		return SQLITE_OK;
	}
	fv.calls++;
	if (fv.at > 0 && (fv.calls == fv.at || (fv.sticky && fv.calls > fv.at))) {
		if (fv.fired++ == 0)
			snprintf(fv.what, sizeof fv.what, "%s %d", what, op);
		return fv.rc;
	}
	return SQLITE_OK;
}

static int fv_close(sqlite3_file *f)
{
	int rc = FV_REAL(f)->pMethods ? FV_REAL(f)->pMethods->xClose(FV_REAL(f)) : SQLITE_OK;
	f->pMethods = NULL;
	return rc;
}

static int fv_read(sqlite3_file *f, void *p, int n, sqlite3_int64 off)
{
	return FV_REAL(f)->pMethods->xRead(FV_REAL(f), p, n, off);
}

static int fv_write(sqlite3_file *f, const void *p, int n, sqlite3_int64 off)
{
	int rc = fv_fault(FV_WRITES, "xWrite", 0);
	return rc != SQLITE_OK ? rc : FV_REAL(f)->pMethods->xWrite(FV_REAL(f), p, n, off);
}

static int fv_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	int rc = fv_fault(FV_WRITES, "xTruncate", 0);
	return rc != SQLITE_OK ? rc : FV_REAL(f)->pMethods->xTruncate(FV_REAL(f), size);
}

/* Counted, not done: the tests kill no machine, and a thousand runs with
 * real fsyncs would take minutes on a loaded disk. */
static int fv_sync(sqlite3_file *f, int flags)
{
	(void)f;
	return fv_fault(FV_WRITES, "xSync", flags);
}

static int fv_file_size(sqlite3_file *f, sqlite3_int64 *size)
{
	return FV_REAL(f)->pMethods->xFileSize(FV_REAL(f), size);
}

static int fv_lock(sqlite3_file *f, int l)
{
	int rc = fv_fault(FV_LOCKS, "xLock", l);
	return rc != SQLITE_OK ? rc : FV_REAL(f)->pMethods->xLock(FV_REAL(f), l);
}

static int fv_unlock(sqlite3_file *f, int l)
{
	return FV_REAL(f)->pMethods->xUnlock(FV_REAL(f), l);
}

static int fv_check_reserved(sqlite3_file *f, int *out)
{
	return FV_REAL(f)->pMethods->xCheckReservedLock(FV_REAL(f), out);
}

static int fv_file_control(sqlite3_file *f, int op, void *arg)
{
	int rc = fv_fault(FV_WRITES, "xFileControl", op);
	return rc != SQLITE_OK ? rc : FV_REAL(f)->pMethods->xFileControl(FV_REAL(f), op, arg);
}

static int fv_sector_size(sqlite3_file *f)
{
	return FV_REAL(f)->pMethods->xSectorSize(FV_REAL(f));
}

static int fv_device(sqlite3_file *f)
{
	return FV_REAL(f)->pMethods->xDeviceCharacteristics(FV_REAL(f));
}

static int fv_shm_map(sqlite3_file *f, int pg, int pgsz, int extend, void volatile **pp)
{
	return FV_REAL(f)->pMethods->xShmMap(FV_REAL(f), pg, pgsz, extend, pp);
}

static int fv_shm_lock(sqlite3_file *f, int off, int n, int flags)
{
	/* only taking a lock can be refused; releasing always works */
	int rc = (flags & SQLITE_SHM_LOCK) ? fv_fault(FV_LOCKS, "xShmLock", flags) : SQLITE_OK;
	return rc != SQLITE_OK ? rc : FV_REAL(f)->pMethods->xShmLock(FV_REAL(f), off, n, flags);
}

static void fv_shm_barrier(sqlite3_file *f)
{
	FV_REAL(f)->pMethods->xShmBarrier(FV_REAL(f));
}

static int fv_shm_unmap(sqlite3_file *f, int del)
{
	return FV_REAL(f)->pMethods->xShmUnmap(FV_REAL(f), del);
}

static int fv_fetch(sqlite3_file *f, sqlite3_int64 off, int n, void **pp)
{
	return FV_REAL(f)->pMethods->xFetch(FV_REAL(f), off, n, pp);
}

static int fv_unfetch(sqlite3_file *f, sqlite3_int64 off, void *p)
{
	return FV_REAL(f)->pMethods->xUnfetch(FV_REAL(f), off, p);
}

static int fv_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *out)
{
	struct fv_file *ff = (struct fv_file *)f;
	int rc;
	(void)vfs;
	ff->real = (sqlite3_file *)(ff + 1);
	memset(ff->real, 0, (size_t)fv_real->szOsFile);
	rc = fv_real->xOpen(fv_real, name, ff->real, flags, out);
	/* xClose is called even when xOpen fails if pMethods is set */
	f->pMethods = ff->real->pMethods ? &fv_methods : NULL;
	return rc;
}

/* Registers the shim as the default VFS (once) and disarms it. */
static void fv_install(void)
{
	static const sqlite3_io_methods m = {
		3, fv_close, fv_read, fv_write, fv_truncate, fv_sync, fv_file_size, fv_lock,
		fv_unlock, fv_check_reserved, fv_file_control, fv_sector_size, fv_device,
		fv_shm_map, fv_shm_lock, fv_shm_barrier, fv_shm_unmap, fv_fetch, fv_unfetch
	};
	memset(&fv, 0, sizeof fv);
	if (fv_real != NULL)
		return;
	fv_real = sqlite3_vfs_find("unix");
	assert_non_null(fv_real);
	fv_methods = m;
	fv_vfs = *fv_real;
	fv_vfs.zName = "faultvfs";
	fv_vfs.szOsFile = (int)sizeof(struct fv_file) + fv_real->szOsFile;
	fv_vfs.xOpen = fv_open;
	assert_int_equal(sqlite3_vfs_register(&fv_vfs, 1), SQLITE_OK);
}

/* Counts from zero again; the call of class cls numbered at (0: none)
 * fails with rc. */
static void fv_arm(enum fv_class cls, long at, int rc, int sticky)
{
	fv.cls = cls;
	fv.calls = 0;
	fv.other = 0;
	fv.fired = 0;
	fv.what[0] = '\0';
	fv.at = at;
	fv.rc = rc;
	fv.sticky = sticky;
}

#endif
