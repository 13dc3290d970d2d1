/*
 * diag: the one error type of readykit.
 *
 * RkStatus values are the process exit codes (sysexits.h). Every function
 * that can fail returns an RkStatus and fills the RkDiag its caller passes
 * in; the first error wins, later ones are ignored. Only main.c prints.
 * An RkDiag owns nothing: its strings are fixed-size buffers inside it.
 */
#ifndef READYKIT_DIAG_H
#define READYKIT_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

typedef enum RkStatus {
    RK_OK = 0,
    RK_EUSAGE = 64,    /* wrong command line */
    RK_EDATA = 65,     /* bad questionnaire, answers or rules */
    RK_ENOINPUT = 66,  /* an input file is missing or unreadable */
    RK_EINTERNAL = 70, /* a bug or an out-of-memory */
    RK_ECANTCREAT = 73,/* cannot write an output file */
    RK_EIO = 74,       /* I/O error while reading or writing */
    RK_EINTERRUPT = 130/* ask was interrupted (answers already saved) */
} RkStatus;

typedef struct RkDiag {
    RkStatus status;   /* RK_OK while no error is recorded */
    char file[512];    /* "" when no file is concerned */
    int line;          /* 1-based; 0 when unknown */
    int column;        /* 1-based; 0 when unknown */
    char message[1024];
    /* Errors after the first, recorded with rk_diag_add by loaders that
       report every error of a file in one run: formatted lines, oldest first. */
    char more[8192];
    size_t n_more;
    /* Warnings do not stop anything; main.c prints them after the run.
       They are kept as one newline-separated text, oldest first. */
    char warnings[4096];
    size_t n_warnings;
} RkDiag;

void rk_diag_init(RkDiag *d);

/* Record an error unless one is recorded already; returns the status of the
   diag afterwards (the first error's), so callers can `return rk_diag_set(...)`. */
RkStatus rk_diag_set(RkDiag *d, RkStatus status, const char *file, int line,
                     int column, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
RkStatus rk_diag_vset(RkDiag *d, RkStatus status, const char *file, int line,
                      int column, const char *fmt, va_list ap);

/* Like rk_diag_set, but when an error is already recorded this one is
   appended to d->more instead of being dropped (for "all errors in one run"). */
RkStatus rk_diag_add(RkDiag *d, RkStatus status, const char *file, int line,
                     int column, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* Would one more error still be kept (shown)? Loaders skip the costly
   "did you mean" search for errors that would be left out, so that a file
   of many unknown names costs linear time. */
bool rk_diag_has_room(const RkDiag *d);

/* Add a warning "file:line:column: warning: message" (file may be NULL). */
void rk_diag_warn(RkDiag *d, const char *file, int line, int column,
                  const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Format the error as "file:line:column: message" (parts left out when
   unknown) into buf; returns buf. */
const char *rk_diag_format(const RkDiag *d, char *buf, size_t size);

#endif
