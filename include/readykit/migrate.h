/*
 * migrate: rewrite an answers file made with an earlier version of its
 * questionnaire at the questionnaire's current version (`readykit migrate`).
 *
 * The caller owns the RkBuf it passes (the YAML, when no output file is
 * given); everything else is freed before rk_migrate returns.
 */
#ifndef READYKIT_MIGRATE_H
#define READYKIT_MIGRATE_H

#include <stdbool.h>

#include "readykit/diag.h"
#include "readykit/fileio.h"

typedef struct RkMigrate {
    const char *answers;       /* the answers file to read */
    const char *questionnaire; /* -q FILE, or NULL: found from the answers */
    const char *output;        /* a file, or NULL (or "-"): the YAML goes to stdout_buf */
    bool in_place;             /* the output may be (or, without output, is) the input */
} RkMigrate;

/* What a migration did, for the command's closing line. */
typedef struct RkMigrateSummary {
    char from[64];             /* the file's version; "" when it had none */
    char to[64];               /* the questionnaire's version */
    size_t not_carried;        /* questions whose old answer did not carry over */
    size_t retired;            /* answers kept aside under retired: */
    const char *written;       /* the file written, or NULL (stdout_buf) */
} RkMigrateSummary;

/* Read m->answers (in migration mode when its version differs), and write
   it at the questionnaire's version: atomically to the output file, or
   into stdout_buf. The input is never written unless m->in_place. Errors:
   RK_EUSAGE (output is the input without in_place), RK_EDATA, RK_ENOINPUT,
   RK_ECANTCREAT, RK_EIO. Warnings (what did not carry over) go to d. */
RkStatus rk_migrate(const RkMigrate *m, RkBuf *stdout_buf, RkMigrateSummary *sum,
                    RkDiag *d);

#endif
