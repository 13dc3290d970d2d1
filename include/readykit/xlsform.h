/*
 * xlsform: a questionnaire written as an XLSForm (survey, choices and
 * settings sheets) for field survey tools (KoboToolbox, ODK, SurveyCTO),
 * with libxlsxwriter. Owns nothing beyond each call: buffers passed in are
 * the caller's, the workbook is freed before the call returns.
 */
#ifndef READYKIT_XLSFORM_H
#define READYKIT_XLSFORM_H

#include <stdbool.h>
#include <stddef.h>

#include "readykit/diag.h"
#include "readykit/fileio.h"
#include "readykit/questionnaire.h"

typedef struct RkXlsformOptions {
    const char *const *langs; /* the languages to write (NULL: every declared one) */
    size_t n_langs;
} RkXlsformOptions;

/* What rk_xlsform_write wrote, for the summary line. */
typedef struct RkXlsformSummary {
    size_t questions, groups, choices, evidence_fields;
    size_t relevant;       /* `when`s translated to `relevant` */
    size_t untranslated;   /* `when`s left out (each one warned about in d) */
} RkXlsformSummary;

/* Write q as an XLSForm to path (atomically). Each `when` that has no XPath
   equivalent is a warning in d naming the question; the question is then
   always shown. Errors: RK_EUSAGE (a language not declared), RK_ECANTCREAT,
   RK_EIO, RK_EINTERNAL. */
RkStatus rk_xlsform_write(const RkQuestionnaire *q, const RkXlsformOptions *o,
                          const char *path, RkXlsformSummary *sum, RkDiag *d);

/* Translate a `when` (a Lua expression) to an XLSForm `relevant` (XPath) into
   out: comparisons of answers with strings, numbers and nil; and, or, not,
   parentheses; selected(), answered(), dont_know(), count_selected().
   false when the expression is outside that subset; why then holds the
   reason. */
bool rk_xlsform_relevant(const RkQuestionnaire *q, const char *when, RkBuf *out,
                         char *why, size_t why_size);

/* The fields and choice the form adds, as a survey tool's export may name
   them by their label (KoboToolbox's "Labels" format). */
typedef enum RkXlsformWord {
    RK_XW_NONE, RK_XW_NOTE, RK_XW_SOURCE, RK_XW_RESPONDENT, RK_XW_DONT_KNOW
} RkXlsformWord;

/* Which added field or choice text labels, in any language the form writes. */
RkXlsformWord rk_xlsform_word(const char *text);

/* The XLSForm language name of a language code: "English (en)". */
void rk_xlsform_lang_name(const char *code, char *buf, size_t size);

#endif
