/*
 * outfile: an output written as a stream and replaced atomically at the
 * end (for outputs too big to hold in memory, such as a batch's results).
 *
 * A regular file (or a new one) is written to a temporary file in the same
 * folder, then fsync'd and renamed over the path by rk_outfile_commit;
 * rk_outfile_abort removes the temporary file and leaves the old one as it
 * was. A symbolic link is followed: its target is replaced, the link stays.
 * A device, FIFO or terminal is written directly, never replaced. No path:
 * standard output; an empty path is RK_EUSAGE. While a temporary file
 * exists, SIGTERM, SIGINT and SIGHUP remove it before the process ends as
 * the signal says. The RkOutFile owns its descriptor and its strings until
 * commit or abort.
 */
#ifndef READYKIT_OUTFILE_H
#define READYKIT_OUTFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "readykit/diag.h"

typedef struct RkOutFile {
    int fd;
    const char *path; /* NULL: standard output */
    char *tmp;        /* the temporary file, or NULL when written directly */
    char *real;       /* path with its links followed: what tmp replaces */
    bool watched;     /* tmp is recorded for the signal handler */
    bool guarding;    /* the file it replaces is recorded for rk_outfile_guards */
    bool failed;      /* a write failed (reported once, in the diag) */
} RkOutFile;

RkStatus rk_outfile_open(RkOutFile *f, const char *path, RkDiag *d);
RkStatus rk_outfile_write(RkOutFile *f, const void *data, size_t len, RkDiag *d);
/* Finish: fsync and rename (or nothing for a direct output). */
RkStatus rk_outfile_commit(RkOutFile *f, RkDiag *d);
/* Give up: the temporary file is removed. Accepts a closed RkOutFile. */
void rk_outfile_abort(RkOutFile *f);

/* Is (dev, ino) the existing file an open output will replace? Then it
   must not be read as an input (rk_file_read refuses it). */
bool rk_outfile_guards(dev_t dev, ino_t ino);

#endif
