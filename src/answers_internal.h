/* Shared between answers.c (loading) and answers_edit.c (setting in code):
   the checks one answer value must pass, so both hold it to one standard. */
#ifndef READYKIT_ANSWERS_INTERNAL_H
#define READYKIT_ANSWERS_INTERNAL_H

#include "readykit/answers.h"

/* Check text as an answer to qn (not multi lists: see rk_answer_parse_multi)
   and store it in *ans, copying into arena. Errors are RK_EDATA at
   file:line:col (file may be NULL for typed answers). */
RkStatus rk_answer_parse_value(RkArena *arena, const RkQuestion *qn, const char *text,
                               bool plain, RkAnswer *ans, const char *file, int line,
                               int col, RkDiag *d);
RkStatus rk_answer_parse_multi(RkArena *arena, const RkQuestion *qn,
                               const char *const *vals, const int *lines, const int *cols,
                               size_t n, RkAnswer *ans, const char *file, RkDiag *d);

#endif
