/* datadir - where an installed bouncewatch finds its data
 *
 * The rule files are installed beside the binary: PREFIX/bin/bouncewatch
 * and PREFIX/share/bouncewatch/patterns. Looking relative to the running
 * binary (/proc/self/exe) makes one build work wherever `make install`
 * (PREFIX, DESTDIR) or a package put it; the directory compiled in
 * (BW_PATTERNS_DIR, from the build's PREFIX) and ./patterns (the source
 * tree) are the fallbacks. Base layer: libc only.
 */
#ifndef BW_DATADIR_H
#define BW_DATADIR_H
#include <stddef.h>

/* The data directory `sub` (e.g. "patterns") of a binary at exe:
 * dirname(exe)/../share/bouncewatch/sub, written to out. 0, or -1 when exe
 * has no directory part or out is too small. Pure: touches no file. */
int datadir_beside(const char *exe, const char *sub, char *out, size_t n);

/* The rules directory to use when none is given: the first readable of
 * the one beside the running binary, BW_PATTERNS_DIR and ./patterns
 * (canonical path where it exists). Returns 0 with out; -1 when none is
 * readable, with out holding the places looked at ("A, B, C"). */
int datadir_patterns(char *out, size_t n);

/* The running binary's path (from /proc/self/exe) in out; 0, or -1. */
int datadir_self(char *out, size_t n);

#endif
