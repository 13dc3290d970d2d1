/* Helpers of test_faults.c: failing the library's own malloc calls, and a
   dump of the models a load builds (what a score does not show). */
#ifndef FAULTS_SUPPORT_H
#define FAULTS_SUPPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "readykit/answers.h"
#include "readykit/fileio.h"
#include "readykit/questionnaire.h"

/* The kit's own calls to malloc, calloc, realloc, strdup and strndup, in
   this binary only: the Makefile links it with -Wl,--wrap=NAME for each, so
   the library objects call these (the shared libraries, libyaml, Lua's own
   state, libHaru, keep the real ones). Same countdown as the arena's. */
void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
char *__real_strdup(const char *s);
char *__real_strndup(const char *s, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);
char *__wrap_strdup(const char *s);
char *__wrap_strndup(const char *s, size_t n);

static size_t malloc_countdown;

static size_t malloc_fail_after(size_t n)
{
    size_t left = malloc_countdown;
    malloc_countdown = n;
    return left;
}

/* Called where a malloc failure is injected: `break malloc_injected` in gdb
   with RK_FAULTS_ONLY=N shows where the N-th is. */
__attribute__((noinline)) static void malloc_injected(void)
{
    __asm__ volatile("");
}

static bool malloc_fails(void)
{
    if (!malloc_countdown || --malloc_countdown != 0)
        return false;
    malloc_injected();
    return true;
}

void *__wrap_malloc(size_t n)
{
    return malloc_fails() ? NULL : __real_malloc(n);
}

void *__wrap_calloc(size_t n, size_t size)
{
    return malloc_fails() ? NULL : __real_calloc(n, size);
}

void *__wrap_realloc(void *p, size_t n)
{
    return n && malloc_fails() ? NULL : __real_realloc(p, n);
}

char *__wrap_strdup(const char *s)
{
    return malloc_fails() ? NULL : __real_strdup(s);
}

char *__wrap_strndup(const char *s, size_t n)
{
    return malloc_fails() ? NULL : __real_strndup(s, n);
}

static void dump_text(RkBuf *out, const RkText *t)
{
    for (size_t i = 0; i < t->count; i++)
        rk_buf_printf(out, " [%s] %s", t->langs[i] ? t->langs[i] : "(null)",
                      t->values[i] ? t->values[i] : "(null)");
    rk_buf_puts(out, "\n");
}

static const char *or_null(const char *s)
{
    return s ? s : "(null)";
}

/* What a load produced that a score does not show: the questions' texts,
   choices and conditions, the answers' header, values, notes and sources. */
static void dump_models(RkBuf *out, const RkQuestionnaire *q, const RkAnswers *a)
{
    for (size_t i = 0; i < q->n_questions; i++) {
        const RkQuestion *qn = q->questions[i];
        rk_buf_printf(out, "%s %s %s\n", qn->id, rk_question_type_name(qn->type),
                      or_null(qn->when));
        dump_text(out, &qn->text);
        dump_text(out, &qn->help);
        for (size_t c = 0; c < qn->n_choices; c++) {
            rk_buf_printf(out, "  %s %g", qn->choices[c].value, qn->choices[c].points);
            dump_text(out, &qn->choices[c].label);
        }
    }
    rk_buf_printf(out, "%s|%s|%s|%s|%s|%s|%s\n", or_null(a->path), or_null(a->questionnaire_id),
                  or_null(a->version), or_null(a->subject), or_null(a->respondent),
                  or_null(a->date), or_null(a->language));
    for (size_t i = 0; i < a->n_questions; i++) {
        const RkAnswer *x = &a->by_question[i];
        rk_buf_printf(out, "%zu %d %s %g|%s|%s|", i, (int)x->state, or_null(x->value), x->number,
                      or_null(x->note), or_null(x->source));
        for (size_t v = 0; v < x->n_values; v++)
            rk_buf_printf(out, " %s", or_null(x->values[v]));
        rk_buf_puts(out, "\n");
    }
}

#endif
