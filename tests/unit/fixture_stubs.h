/* TEMPORARY (pdf branch only): stand-ins for functions that other branches
   implement (rk_text_get/rk_text_empty in questionnaire.c, q branch;
   rk_result_confidence in result.c, main). The lead deletes this file, the
   RK_TEST_STUBS lines in test_report_pdf.c and src/pending_stubs.c at merge.
   The definitions are weak, so the real ones win if both are linked. */
#ifndef READYKIT_FIXTURE_STUBS_H
#define READYKIT_FIXTURE_STUBS_H
#ifdef RK_TEST_STUBS

#include <string.h>

#include "readykit/questionnaire.h"
#include "readykit/result.h"

__attribute__((weak)) const char *rk_text_get(const RkText *t, const char *lang,
                                              const char *fallback)
{
    if (!t || t->count == 0)
        return "";
    for (size_t i = 0; lang && i < t->count; i++)
        if (strcmp(t->langs[i], lang) == 0)
            return t->values[i];
    for (size_t i = 0; fallback && i < t->count; i++)
        if (strcmp(t->langs[i], fallback) == 0)
            return t->values[i];
    return t->values[0];
}

__attribute__((weak)) bool rk_text_empty(const RkText *t)
{
    return !t || t->count == 0;
}

__attribute__((weak)) double rk_result_confidence(const RkResult *r)
{
    int applicable = r->n_questions - r->n_skipped;
    return applicable > 0 ? 100.0 * r->n_answered / applicable : 0.0;
}

#endif
#endif
