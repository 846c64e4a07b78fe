/* file_ident - which file a log is, independent of its name
 *
 * A file's identity as the store remembers it and the sources compute it:
 * device, inode and a fingerprint of its first bytes (so a renamed or
 * compressed log is recognised, and a new file on a reused inode is not
 * taken for the old one). Neutral ground between source.h (which computes
 * it) and store.h (which keeps it): the store knows nothing else of sources.
 */
#ifndef BW_FILE_IDENT_H
#define BW_FILE_IDENT_H
#include <stdint.h>
#include <sys/types.h>

#define SOURCE_FP_MAX 1024	/* bytes hashed for the fingerprint */

struct source_ident {
	dev_t dev;
	ino_t ino;
	uint64_t fp;		/* FNV-1a of the first fp_len bytes */
	uint32_t fp_len;	/* 0 for an empty file or stdin */
};

#endif
