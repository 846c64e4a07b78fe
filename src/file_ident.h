/* file_ident - which file a log is, independent of its name
 *
 * A file's identity as the store remembers it and the sources compute it:
 * device, inode, birth time and a fingerprint of its first bytes (so a
 * renamed or compressed log is recognised, and a new file on a reused inode
 * is not taken for the old one). File systems give a deleted file's inode
 * number to the next file created (ext4 at once): where the kernel reports
 * birth times (statx STATX_BTIME), the birth time tells the two apart even
 * when they start with the same bytes; where it does not, the first bytes
 * alone do. Neutral ground between source.h (which computes it) and store.h
 * (which keeps it): the store knows nothing else of sources.
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
	int64_t btime;		/* birth time, nanoseconds since the epoch;
				   0: unknown (no statx birth time, not a file) */
};

/* 1 when a and b name one inode that is not one file: both birth times
 * known and different (the inode was freed and given to a new file). 0
 * otherwise, whatever their first bytes. */
static inline int source_ident_reborn(const struct source_ident *a, const struct source_ident *b)
{
	return a->dev == b->dev && a->ino == b->ino && a->btime != 0 && b->btime != 0 &&
	       a->btime != b->btime;
}

#endif
