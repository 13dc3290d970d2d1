/*
 * report: writers of a result. They read the result and the questionnaire's
 * labels and never call Lua. Text, JSON Lines and CSV are appended to an
 * RkBuf the caller owns (and writes out); the PDF is written atomically to
 * a path.
 */
#ifndef READYKIT_REPORT_H
#define READYKIT_REPORT_H

#include <stdio.h>

#include "readykit/answers.h"
#include "readykit/diag.h"
#include "readykit/fileio.h"
#include "readykit/questionnaire.h"
#include "readykit/result.h"

typedef struct RkReportInput {
    const RkQuestionnaire *q;
    const RkAnswers *answers;   /* may be NULL */
    const RkResult *result;
    const char *file;           /* the answers file as named by the user */
    const char *lang;           /* language of labels */
} RkReportInput;

/* Human-readable summary. */
void rk_report_text(RkBuf *out, const RkReportInput *in);
/* One JSON object on one line, ending with a newline. */
void rk_report_json(RkBuf *out, const RkReportInput *in);
/* The same two with the trace of score --explain (report_explain.c): text
   lines after the summary; the JSON object's "explain" field. */
void rk_report_text_explained(RkBuf *out, const RkReportInput *in);
void rk_report_json_explained(RkBuf *out, const RkReportInput *in);
/* CSV: the header row, then one row per result (RFC 4180 quoting). The
   indicator columns are fixed by the caller before the first row (batch.c:
   the indicators of the whole batch); each row puts every value under its
   own column, empty where the result has none. */
void rk_report_csv_header(RkBuf *out, const RkQuestionnaire *q,
                          const char *const *indicators, size_t n_indicators);
void rk_report_csv_row(RkBuf *out, const RkReportInput *in,
                       const char *const *indicators, size_t n_indicators);
/* The parts of a row, for writers that fix the columns later: the cells
   up to the pillars (no line end), then one indicator cell (NaN: empty). */
void rk_report_csv_fixed(RkBuf *out, const RkReportInput *in);
void rk_report_csv_indicator(RkBuf *out, double value);
void rk_report_csv_cell(RkBuf *out, const char *text); /* "," + the quoted text */

RkStatus rk_report_pdf(const RkReportInput *in, const char *path, RkDiag *d);

/* What the PDF may show beyond one result. Every pointer may be NULL; the
   caller owns them all. */
typedef enum RkPaper { RK_REPORT_A4 = 0, RK_REPORT_LETTER } RkPaper;
typedef struct RkReportPdfOptions {
    const char *creator;        /* "readykit 1.2.3", for the metadata */
    RkPaper paper;
    const RkResult *earlier;    /* --compare: an earlier assessment */
    const char *earlier_label;  /* its date or file, for the legend */
    const RkResult *target;     /* --target: the profile aimed at */
    const char *target_label;
    bool no_default_rules;      /* the questionnaire's own rules were skipped */
    const char *const *rule_files; /* the --rules files applied, in order */
    size_t n_rule_files;
} RkReportPdfOptions;

/* rk_report_pdf with options; opt may be NULL. Warnings (an embedded font)
   go to d->warnings. */
RkStatus rk_report_pdf_with(const RkReportInput *in, const RkReportPdfOptions *opt,
                            const char *path, RkDiag *d);

#endif
