/* outfile: a streamed output, replaced atomically (outfile.h). */
#include "readykit/outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static RkStatus failure(RkOutFile *f, int err, RkDiag *d)
{
    f->failed = true;
    return rk_diag_set(d, err == ENOSPC || err == EIO ? RK_EIO : RK_ECANTCREAT,
                       f->path ? f->path : "standard output", 0, 0, "cannot write: %s",
                       strerror(err));
}

RkStatus rk_outfile_open(RkOutFile *f, const char *path, RkDiag *d)
{
    memset(f, 0, sizeof *f);
    f->fd = 1;
    f->path = path;
    if (!path)
        return RK_OK;
    struct stat st;
    bool exists = stat(path, &st) == 0;
    if (exists && !S_ISREG(st.st_mode)) { /* a device, FIFO or terminal */
        f->fd = open(path, O_WRONLY);
        if (f->fd < 0)
            return rk_diag_set(d, RK_ECANTCREAT, path, 0, 0, "cannot open: %s",
                               strerror(errno));
        return RK_OK;
    }
    size_t plen = strlen(path);
    f->tmp = malloc(plen + 16);
    if (!f->tmp)
        return rk_diag_set(d, RK_EINTERNAL, path, 0, 0, "out of memory");
    snprintf(f->tmp, plen + 16, "%s.tmp.XXXXXX", path);
    f->fd = mkstemp(f->tmp);
    if (f->fd < 0) {
        int e = errno;
        free(f->tmp);
        f->tmp = NULL;
        return rk_diag_set(d, RK_ECANTCREAT, path, 0, 0, "cannot create: %s", strerror(e));
    }
    /* The permissions of the file being replaced; else 0666 & ~umask. */
    if (exists) {
        (void)fchmod(f->fd, st.st_mode & 07777);
    } else {
        mode_t um = umask(0);
        umask(um);
        (void)fchmod(f->fd, 0666 & ~um);
    }
    return RK_OK;
}

RkStatus rk_outfile_write(RkOutFile *f, const void *data, size_t len, RkDiag *d)
{
    if (f->failed)
        return RK_EIO;
    const char *p = data;
    while (len > 0) {
        ssize_t n = write(f->fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return failure(f, errno, d);
        p += n;
        len -= (size_t)n;
    }
    return RK_OK;
}

RkStatus rk_outfile_commit(RkOutFile *f, RkDiag *d)
{
    if (f->failed) {
        rk_outfile_abort(f);
        return RK_EIO;
    }
    if (!f->path)
        return RK_OK;
    int err = 0;
    if (f->tmp && fsync(f->fd) != 0)
        err = errno;
    if (close(f->fd) != 0 && !err)
        err = errno;
    f->fd = -1;
    if (!err && f->tmp && rename(f->tmp, f->path) != 0)
        err = errno;
    if (err) {
        RkStatus s = failure(f, err, d);
        rk_outfile_abort(f);
        return s;
    }
    free(f->tmp);
    f->tmp = NULL;
    return RK_OK;
}

void rk_outfile_abort(RkOutFile *f)
{
    if (f->path && f->fd >= 0)
        close(f->fd);
    f->fd = -1;
    if (f->tmp)
        unlink(f->tmp);
    free(f->tmp);
    f->tmp = NULL;
}
