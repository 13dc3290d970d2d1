/*
 * import: a survey tool's CSV export (KoboToolbox, ODK Central, LimeSurvey,
 * or a plain CSV with question ids as headers), one row per respondent,
 * turned into one answers file per row with libcsv. Owns nothing after the
 * call returns; the questionnaire is the caller's.
 */
#ifndef READYKIT_IMPORT_H
#define READYKIT_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "readykit/diag.h"
#include "readykit/questionnaire.h"

typedef enum RkImportFrom {
    RK_FROM_AUTO = 0,      /* told by the metadata columns */
    RK_FROM_KOBO,
    RK_FROM_ODK,
    RK_FROM_LIMESURVEY,
    RK_FROM_CSV
} RkImportFrom;

typedef struct RkImportOptions {
    const char *csv;       /* the CSV file */
    const char *out_dir;   /* answers files go here (created if missing) */
    RkImportFrom from;
    const char *subject;   /* subject: of every answers file, or NULL */
    bool dry_run;          /* check every cell, write nothing */
    const char *data;      /* when set, the CSV's bytes (csv only names it) */
    size_t len;
    /* Called with each problem, one line without newline: bad cells as
       "FILE:ROW:COLUMN: message" (the header is row 1, columns from 1),
       and warnings as "FILE:ROW:COLUMN: warning: message". */
    void (*say)(void *ud, const char *line);
    void *ud;
} RkImportOptions;

typedef struct RkImportSummary {
    RkImportFrom from;     /* the tool the file came from (as told or detected) */
    char separator;        /* ',', ';' or '\t' */
    size_t rows;           /* data rows read */
    size_t written;        /* answers files written (with dry_run: that would be) */
    size_t failed;         /* rows skipped for a bad cell */
    size_t empty;          /* rows with no answer, skipped */
    size_t bad_columns;    /* header columns that are neither metadata nor questions */
} RkImportSummary;

/* Import o->csv against q. Each row whose cells are all good becomes
   OUT_DIR/NAME.yaml (atomically), NAME from the respondent-id metadata
   column (_uuid, KEY, instanceID, LimeSurvey id) or row-N. A row with a bad
   cell is skipped, each bad cell said through o->say. RK_EDATA (with a
   summary in d) when a row failed or a column was unknown; other statuses
   for a missing or unreadable file or an output that cannot be written. */
RkStatus rk_import_csv(const RkQuestionnaire *q, const RkImportOptions *o,
                       RkImportSummary *sum, RkDiag *d);

const char *rk_import_from_name(RkImportFrom f); /* "kobo", ... */

#endif
