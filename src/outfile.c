/* outfile: a streamed output, replaced atomically (outfile.h). */
#include "readykit/outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_LINKS 40   /* as the kernel's own limit on symbolic links */
#define MAX_NAME 255   /* bytes in one file name (NAME_MAX on Linux) */

static RkStatus failure(RkOutFile *f, int err, RkDiag *d)
{
    f->failed = true;
    return rk_diag_set(d, err == ENOSPC || err == EIO ? RK_EIO : RK_ECANTCREAT,
                       f->path ? f->path : "standard output", 0, 0, "cannot write: %s",
                       strerror(err));
}

/* ---- removing the temporary file on SIGTERM, SIGINT and SIGHUP ---- */

/* The one temporary file of this process that a signal must remove, and the
   process that made it (a forked worker inherits the handler, not the file).
   Process-wide because a signal handler can reach nothing else. */
static const int cleanup_signals[] = {SIGTERM, SIGINT, SIGHUP};
#define N_CLEANUP (sizeof cleanup_signals / sizeof cleanup_signals[0])
static char *volatile pending;
static volatile pid_t pending_pid;
static struct sigaction saved[N_CLEANUP];
static bool installed[N_CLEANUP];

/* Unlink the recorded file, put the old disposition back and raise the
   signal again, so the process ends as it would have. Async-signal-safe
   calls only. */
static void on_signal(int sig)
{
    int e = errno;
    char *p = pending;
    if (p && getpid() == pending_pid)
        unlink(p);
    for (size_t i = 0; i < N_CLEANUP; i++)
        if (cleanup_signals[i] == sig && installed[i]) {
            sigaction(sig, &saved[i], NULL);
            installed[i] = false;
        }
    raise(sig);
    errno = e;
}

static void block_signals(sigset_t *old)
{
    sigset_t set;
    sigemptyset(&set);
    for (size_t i = 0; i < N_CLEANUP; i++)
        sigaddset(&set, cleanup_signals[i]);
    sigprocmask(SIG_BLOCK, &set, old);
}

/* Record f's temporary file for the handler (signals already ignored stay
   ignored). Only one at a time: a second is simply not recorded. */
static void watch(RkOutFile *f)
{
    sigset_t old;
    block_signals(&old);
    if (!pending) {
        pending = f->tmp;
        pending_pid = getpid();
        f->watched = true;
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        for (size_t i = 0; i < N_CLEANUP; i++) {
            struct sigaction cur;
            if (sigaction(cleanup_signals[i], NULL, &cur) == 0 && cur.sa_handler != SIG_IGN &&
                sigaction(cleanup_signals[i], &sa, &saved[i]) == 0)
                installed[i] = true;
        }
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
}

static void unwatch(RkOutFile *f)
{
    if (!f->watched)
        return;
    sigset_t old;
    block_signals(&old);
    for (size_t i = 0; i < N_CLEANUP; i++)
        if (installed[i]) {
            sigaction(cleanup_signals[i], &saved[i], NULL);
            installed[i] = false;
        }
    pending = NULL;
    f->watched = false;
    sigprocmask(SIG_SETMASK, &old, NULL);
}

/* ---- an input that is the output ---- */

/* The regular file an open output will replace, so that no input read
   meanwhile (a questionnaire found on the search path, say) is that file.
   Forked workers inherit it. */
static struct { bool set; dev_t dev; ino_t ino; } guard;

bool rk_outfile_guards(dev_t dev, ino_t ino)
{
    return guard.set && guard.dev == dev && guard.ino == ino;
}

static void unguard(RkOutFile *f)
{
    if (f->guarding)
        guard.set = f->guarding = false;
}

/* ---- where the output goes ---- */

/* Follow symbolic links from path to the file an atomic replace renames
   over (a relative link is read from the link's own folder; the last one
   may dangle: that is a file to create). malloc'd; NULL with *err set. */
static char *resolve_links(const char *path, int *err)
{
    char *cur = strdup(path);
    for (int hops = 0; cur; hops++) {
        struct stat st;
        if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
            return cur;
        if (hops == MAX_LINKS) {
            free(cur);
            *err = ELOOP;
            return NULL;
        }
        char target[PATH_MAX];
        ssize_t n = readlink(cur, target, sizeof target - 1);
        if (n < 0) {
            *err = errno;
            free(cur);
            return NULL;
        }
        target[n] = '\0';
        const char *slash = strrchr(cur, '/');
        size_t dirlen = target[0] == '/' || !slash ? 0 : (size_t)(slash - cur) + 1;
        char *next = malloc(dirlen + (size_t)n + 1);
        if (next) {
            memcpy(next, cur, dirlen);
            memcpy(next + dirlen, target, (size_t)n + 1);
        }
        free(cur);
        cur = next;
    }
    *err = ENOMEM;
    return NULL;
}

/* "DIR/NAME.XXXXXX" for mkstemp, NAME shortened so that the whole file name
   fits in MAX_NAME bytes (a 254-byte output name must work). */
static char *temp_name(const char *real)
{
    const char *slash = strrchr(real, '/');
    size_t dirlen = slash ? (size_t)(slash - real) + 1 : 0;
    size_t baselen = strlen(real + dirlen);
    if (baselen > MAX_NAME - 7)
        baselen = MAX_NAME - 7;
    char *t = malloc(dirlen + baselen + 8);
    if (t) {
        memcpy(t, real, dirlen + baselen);
        memcpy(t + dirlen + baselen, ".XXXXXX", 8);
    }
    return t;
}

/* Write to an existing device, FIFO or terminal as it is: never replaced. */
static RkStatus open_direct(RkOutFile *f, const char *path, RkDiag *d)
{
    f->fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (f->fd < 0)
        return rk_diag_set(d, RK_ECANTCREAT, path, 0, 0, "cannot open: %s", strerror(errno));
    return RK_OK;
}

RkStatus rk_outfile_open(RkOutFile *f, const char *path, RkDiag *d)
{
    memset(f, 0, sizeof *f);
    f->fd = 1;
    f->path = path;
    if (!path)
        return RK_OK;
    f->fd = -1;
    if (!*path)
        return rk_diag_set(d, RK_EUSAGE, NULL, 0, 0,
                           "the output file name is empty (give -o a file name)");
    struct stat st;
    bool exists = stat(path, &st) == 0;
    if (exists && S_ISDIR(st.st_mode))
        return rk_diag_set(d, RK_ECANTCREAT, path, 0, 0,
                           "is a folder; give the output a file name");
    if (exists && !S_ISREG(st.st_mode)) /* a device, FIFO or terminal */
        return open_direct(f, path, d);
    int err = 0;
    char *real = resolve_links(path, &err);
    if (!real)
        return rk_diag_set(d, err == ENOMEM ? RK_EINTERNAL : RK_ECANTCREAT, path, 0, 0,
                           "cannot follow the link: %s", strerror(err));
    f->tmp = temp_name(real);
    f->real = real;
    if (!f->tmp) {
        rk_outfile_abort(f);
        return rk_diag_set(d, RK_EINTERNAL, path, 0, 0, "out of memory");
    }
    f->fd = mkstemp(f->tmp);
    if (f->fd < 0) {
        int e = errno;
        free(f->tmp);
        f->tmp = NULL;
        rk_outfile_abort(f);
        return rk_diag_set(d, RK_ECANTCREAT, path, 0, 0, "cannot create: %s", strerror(e));
    }
    watch(f);
    /* The permissions of the file being replaced; else 0666 & ~umask. */
    if (exists && !guard.set) {
        guard.set = f->guarding = true;
        guard.dev = st.st_dev;
        guard.ino = st.st_ino;
    }
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

/* Forget the signal record and the output guard, and free the names. */
static void release(RkOutFile *f)
{
    unwatch(f);
    unguard(f);
    free(f->tmp);
    f->tmp = NULL;
    free(f->real);
    f->real = NULL;
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
    if (!err && f->tmp && rename(f->tmp, f->real) != 0)
        err = errno;
    if (err) {
        RkStatus s = failure(f, err, d);
        rk_outfile_abort(f);
        return s;
    }
    release(f);
    return RK_OK;
}

void rk_outfile_abort(RkOutFile *f)
{
    if (f->path && f->fd >= 0)
        close(f->fd);
    f->fd = -1;
    if (f->tmp)
        unlink(f->tmp);
    release(f);
}
