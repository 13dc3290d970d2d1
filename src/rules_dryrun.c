/* rules_dryrun: what `readykit check` runs beyond compiling. Every when:
   and check expression, and every rule file's layers, run on two made-up
   assessments: an empty one, and one where every question has its first
   choice (the minimum, or 0, for a number; a short text for text). A check
   only runs on an answered question, so on the empty assessment its own
   question has its first choice. Errors found there would stop the
   scoring of a real answers file one day: they are errors of check, at
   the expression's (or the rule file's) place. rk.cap level ids written
   as strings are checked in every rule file's source (rules_levels.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "readykit/fileio.h"
#include "rules_internal.h"

enum { EMPTY, FIRST, N_RUNS };
static const char *const run_name[N_RUNS] = {
    "an empty assessment", "an assessment where every question has its first choice"};

/* Give qn its first choice in a (nothing when the value does not fit). */
static void set_first(RkAnswers *a, const RkQuestion *qn)
{
    RkDiag d;
    rk_diag_init(&d);
    char num[64];
    switch (qn->type) {
    case RK_Q_MULTI:
        if (qn->n_choices)
            rk_answers_set_multi(a, qn, &qn->choices[0].value, 1, &d);
        break;
    case RK_Q_NUMBER: {
        double v = qn->has_min ? qn->min : 0;
        if (qn->has_max && v > qn->max)
            v = qn->max;
        snprintf(num, sizeof num, "%.15g", v);
        rk_answers_set(a, qn, num, &d);
        break;
    }
    case RK_Q_TEXT:
        rk_answers_set(a, qn, "text", &d);
        break;
    default:
        if (qn->n_choices)
            rk_answers_set(a, qn, qn->choices[0].value, &d);
        break;
    }
}

/* Add the error of one expression (in one) to d at the expression's place:
   "WHAT: message" for a nil error already explained, "WHAT fails on RUN:
   message" for any other. The scoring context is left out: WHAT says it. */
static void expr_error(RkRules *R, RkDiag *d, RkDiag *one, const char *what, int run, int line,
                       int column)
{
    bool nil = strstr(one->message, run_name[run]) != NULL; /* explained: names the run */
    char *cut = strstr(one->message, " (while scoring ");
    if (cut)
        *cut = '\0';
    cut = strchr(one->message, '\n');
    if (cut)
        *cut = '\0';
    if (one->line > line && rk_rules_is_questionnaire(R, one->file))
    { /* a later line of a block expression */
        line = one->line;
        column = 0;
    }
    if (one->status != RK_EDATA)
        rk_diag_add(d, one->status, one->file, one->line, 0, "%s", one->message);
    else if (nil)
        rk_diag_add(d, RK_EDATA, R->q->path, line, column, "%s: %s", what, one->message);
    else
        rk_diag_add(d, RK_EDATA, R->q->path, line, column, "%s fails on %s: %s", what,
                    run_name[run], one->message);
}

/* The when: and checks of every question, on both runs; one error at most
   per expression. False when a limit (time, memory, instructions) stopped
   one: the rest would only say the same. */
static bool dry_expressions(RkRules *R, RkAnswers *runs[N_RUNS], RkDiag *d)
{
    char what[160];
    for (size_t i = 0; i < R->q->n_questions; i++) {
        const RkQuestion *qn = R->q->questions[i];
        snprintf(what, sizeof what, "'when' of question '%s'", qn->id);
        for (int r = 0; r < N_RUNS && qn->when; r++) {
            RkDiag one;
            rk_diag_init(&one);
            bool applies;
            R->dry_run = run_name[r];
            if (rk_rules_applicable(R, runs[r], qn, &applies, &one) != RK_OK) {
                expr_error(R, d, &one, what, r, qn->when_line, qn->when_column);
                if (strstr(one.message, " exceeded"))
                    goto limit; /* a limit hit: the rest would only say the same */
                break;
            }
        }
        for (size_t k = 0; k < qn->n_checks; k++) {
            snprintf(what, sizeof what, "check %zu of question '%s'", k + 1, qn->id);
            for (int r = 0; r < N_RUNS; r++) {
                RkDiag one;
                rk_diag_init(&one);
                bool truth;
                if (r == EMPTY)
                    set_first(runs[EMPTY], qn);
                R->dry_run = run_name[r];
                RkStatus s = rk_rules_eval_check(R, runs[r], qn, k, &truth, &one);
                rk_answers_clear(runs[EMPTY], qn);
                if (s != RK_OK) {
                    expr_error(R, d, &one, what, r, qn->checks[k].line, qn->checks[k].column);
                    if (strstr(one.message, " exceeded"))
                        goto limit;
                    break;
                }
            }
        }
    }
    R->dry_run = NULL;
    return true;
limit:
    R->dry_run = NULL;
    return false;
}

/* Has d an error at file:line already (the level scan's)? */
static bool already(const RkDiag *d, const char *file, int line)
{
    char at[600];
    snprintf(at, sizeof at, "%s:%d:", file, line);
    return (d->status != RK_OK && d->line == line && strcmp(d->file, file) == 0) ||
           strstr(d->more, at) != NULL;
}

/* Score both runs with every rule file; an error found on both, or by the
   level scan, is told once. */
static void dry_rules(RkRules *R, RkAnswers *runs[N_RUNS], RkDiag *d)
{
    char last[sizeof d->message + 600] = "";
    for (int r = 0; r < N_RUNS; r++) {
        RkDiag one;
        rk_diag_init(&one);
        RkResult *res = NULL;
        R->dry_run = run_name[r];
        R->mute_log = true;
        RkStatus s = rk_rules_score(R, runs[r], &res, &one);
        R->mute_log = false;
        R->dry_run = NULL;
        rk_result_free(res);
        if (s == RK_OK)
            continue;
        bool limit = strstr(one.message, " exceeded") != NULL;
        char key[sizeof last];
        snprintf(key, sizeof key, "%s:%d", one.file, one.line);
        if (strcmp(key, last) == 0 || already(d, one.file, one.line))
            continue;
        memcpy(last, key, sizeof key);
        if (strstr(one.message, run_name[r])) { /* a nil error names the run */
            rk_diag_add(d, s, one.file, one.line, one.column, "%s", one.message);
            continue;
        }
        char *nl = strchr(one.message, '\n');
        size_t head = nl ? (size_t)(nl - one.message) : strlen(one.message);
        rk_diag_add(d, s, one.file, one.line, one.column, "%.*s [on %s]%s", (int)head, one.message,
                    run_name[r], nl ? nl : "");
        if (limit) /* a loop or a growth: the other run would only wait as long */
            break;
    }
}

/* rk.cap level ids in the source of every rule file that is not skipped. */
static void dry_levels(RkRules *R, RkDiag *d)
{
    for (size_t i = 0; i < R->n_files; i++) {
        const RuleFile *f = &R->files[i];
        char *text = NULL;
        size_t len = 0;
        RkDiag one;
        rk_diag_init(&one);
        if (f->builtin || f->skip || rk_file_read(f->name, RULES_FILE_MAX, &text, &len, &one) != RK_OK)
            continue;
        rk_rules_scan_caps(R, f->name, text, len, d);
        free(text);
    }
}

RkStatus rk_rules_dry_run(RkRules *R, RkDiag *d)
{
    RkAnswers *runs[N_RUNS] = {rk_answers_new(R->q), rk_answers_new(R->q)};
    if (!runs[EMPTY] || !runs[FIRST]) {
        rk_answers_free(runs[EMPTY]);
        rk_answers_free(runs[FIRST]);
        return rk_diag_set(d, RK_EINTERNAL, NULL, 0, 0, "out of memory");
    }
    for (size_t i = 0; i < R->q->n_questions; i++)
        set_first(runs[FIRST], R->q->questions[i]);
    dry_levels(R, d);
    if (dry_expressions(R, runs, d))
        dry_rules(R, runs, d);
    rk_answers_free(runs[EMPTY]);
    rk_answers_free(runs[FIRST]);
    return d->status;
}
