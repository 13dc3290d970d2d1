/*
 * questionnaire_compat: `readykit check NEW --against OLD`. Proves that a new
 * version of a questionnaire accounts for every question of an earlier one
 * (kept, replaced or retired), that its `replaces` name old questions and
 * map their real values, and says which old values will need a new answer.
 * Both questionnaires are only read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "readykit/questionnaire.h"
#include "readykit/suggest.h"

/* Does the question take a choice value (yes_no, scale, choice, multi)? */
static bool has_choices(const RkQuestion *qn)
{
    return qn->type != RK_Q_NUMBER && qn->type != RK_Q_TEXT && qn->n_choices > 0;
}

/* Every question id of q, for "did you mean" (malloc'd; NULL on oom). */
static const char **all_ids(const RkQuestionnaire *q)
{
    const char **ids = malloc((q->n_questions ? q->n_questions : 1) * sizeof *ids);
    for (size_t i = 0; ids && i < q->n_questions; i++)
        ids[i] = q->questions[i]->id;
    return ids;
}

/* fmt with the id near word (" (did you mean '%s'?)"), or "", into buf. */
static const char *hint(char *buf, size_t size, const char *fmt, const char *word,
                        const char **ids, size_t n)
{
    const char *near = ids ? rk_suggest(word, ids, n) : NULL;
    buf[0] = '\0';
    if (near)
        snprintf(buf, size, fmt, near);
    return buf;
}

#define DID_YOU_MEAN " (did you mean '%s'?)"

/* Old value v (yes_no answers may say true/false) as a choice of o. */
static const RkChoice *old_choice(const RkQuestion *o, const char *v)
{
    if (o->type == RK_Q_YES_NO && (strcmp(v, "true") == 0 || strcmp(v, "false") == 0))
        v = v[0] == 't' ? "yes" : "no";
    return rk_question_find_choice(o, v);
}

/* One question's `replaces` against the old question it names. */
static void check_replaces(const RkQuestionnaire *q, const RkQuestion *qn,
                           const RkQuestionnaire *old, const char **old_ids, RkDiag *d)
{
    const RkReplaces *r = qn->replaces;
    const RkQuestion *o = rk_questionnaire_find(old, r->id);
    char h[128];
    if (!o) {
        rk_diag_add(d, RK_EDATA, q->path, r->line, r->column, "question '%s' replaces '%s', "
                    "which is not a question of %s %s%s", qn->id, r->id, old->id, old->version,
                    hint(h, sizeof h, DID_YOU_MEAN, r->id, old_ids, old->n_questions));
        return;
    }
    if (!has_choices(o))
        return;
    if (!r->has_values) {
        for (size_t i = 0; has_choices(qn) && i < o->n_choices; i++)
            if (!rk_question_find_choice(qn, o->choices[i].value))
                rk_diag_warn(d, q->path, r->line, r->column, "question '%s' takes the answers "
                             "to '%s' as they are, but '%s' is not one of its values: such "
                             "answers will need a new answer (map it under 'values')", qn->id,
                             r->id, o->choices[i].value);
        return;
    }
    const char *vals[128];
    size_t nv = 0;
    for (size_t i = 0; i < o->n_choices && nv < 128; i++)
        vals[nv++] = o->choices[i].value;
    for (size_t i = 0; i < r->n_values; i++)
        if (strcmp(r->values[i].from, "dont_know") != 0 && !old_choice(o, r->values[i].from))
            rk_diag_add(d, RK_EDATA, q->path, r->values[i].line, r->values[i].column,
                        "question '%s' maps '%s', which is not a value of '%s' in %s %s%s",
                        qn->id, r->values[i].from, r->id, old->id, old->version,
                        hint(h, sizeof h, DID_YOU_MEAN, r->values[i].from, vals, nv));
    for (size_t i = 0; i < o->n_choices; i++) {
        bool mapped = false;
        for (size_t j = 0; j < r->n_values && !mapped; j++)
            mapped = old_choice(o, r->values[j].from) == &o->choices[i];
        if (!mapped)
            rk_diag_warn(d, q->path, r->line, r->column, "question '%s' maps no value to the "
                         "%s answer '%s' of '%s': such answers will need a new answer",
                         qn->id, old->version, o->choices[i].value, r->id);
    }
}

/* An old question whose id is still a question of q: are its values? */
static void check_kept(const RkQuestionnaire *q, const RkQuestion *qn, const RkQuestion *o,
                       const char *old_version, RkDiag *d)
{
    if (qn->replaces && strcmp(qn->replaces->id, o->id) != 0)
        rk_diag_warn(d, q->path, qn->line, qn->column, "question '%s' keeps the id of a "
                     "%s question but replaces '%s': answers to the old '%s' are taken as "
                     "they are, and answers to '%s' are kept aside when both are given",
                     qn->id, old_version, qn->replaces->id, o->id, qn->replaces->id);
    if (qn->replaces && strcmp(qn->replaces->id, o->id) == 0)
        return; /* checked with its replaces */
    if (has_choices(o) != has_choices(qn) || (!has_choices(o) && o->type != qn->type)) {
        rk_diag_warn(d, q->path, qn->line, qn->column, "question '%s' was a %s question in "
                     "%s and is a %s question now: declare 'replaces: {id: %s, values: ...}'",
                     qn->id, rk_question_type_name(o->type), old_version,
                     rk_question_type_name(qn->type), qn->id);
        return;
    }
    for (size_t i = 0; has_choices(o) && i < o->n_choices; i++)
        if (!rk_question_find_choice(qn, o->choices[i].value))
            rk_diag_warn(d, q->path, qn->line, qn->column, "question '%s' keeps its id but "
                         "not its %s value '%s': such answers will need a new answer "
                         "(declare 'replaces: {id: %s, values: ...}')", qn->id, old_version,
                         o->choices[i].value, qn->id);
}

/* A question of q whose id holds old id o (strategy -> sse_strategy) and
   that is no question of old: likely o's new name. */
static const char *new_name(const RkQuestionnaire *q, const RkQuestionnaire *old, const char *o)
{
    for (size_t i = 0; i < q->n_questions; i++)
        if (strstr(q->questions[i]->id, o) && !rk_questionnaire_find(old, q->questions[i]->id))
            return q->questions[i]->id;
    return NULL;
}

/* Is old id replaced by some question of q? */
static bool replaced(const RkQuestionnaire *q, const char *id)
{
    for (size_t i = 0; i < q->n_questions; i++)
        if (q->questions[i]->replaces && strcmp(q->questions[i]->replaces->id, id) == 0)
            return true;
    return false;
}

RkStatus rk_questionnaire_check_against(const RkQuestionnaire *q, const RkQuestionnaire *old,
                                        RkCompat *out, RkDiag *d)
{
    memset(out, 0, sizeof *out);
    const char **ids = all_ids(q), **old_ids = all_ids(old);
    char h[128];
    if (old->version && q->version && rk_version_compare(old->version, q->version) >= 0)
        rk_diag_warn(d, old->path, 0, 0, "version %s is not earlier than %s's %s", old->version,
                     q->path, q->version);
    for (size_t i = 0; i < q->n_questions; i++)
        if (q->questions[i]->replaces)
            check_replaces(q, q->questions[i], old, old_ids, d);
    for (size_t i = 0; i < q->n_retired; i++)
        if (!rk_questionnaire_find(old, q->retired[i]))
            rk_diag_warn(d, q->path, 0, 0, "retired '%s' is not a question of %s %s (fine if "
                         "an even earlier version had it)", q->retired[i], old->id,
                         old->version);
    for (size_t i = 0; i < old->n_questions; i++) {
        const RkQuestion *o = old->questions[i];
        const RkQuestion *same = rk_questionnaire_find(q, o->id);
        if (same) {
            out->kept++;
            check_kept(q, same, o, old->version, d);
        } else if (replaced(q, o->id)) {
            out->replaced++;
        } else if (rk_questionnaire_is_retired(q, o->id)) {
            out->retired++;
        } else {
            const char *nn = new_name(q, old, o->id);
            if (nn)
                snprintf(h, sizeof h, " ('%s' looks like its new name)", nn);
            else
                hint(h, sizeof h, " ('%s' looks like its new name)", o->id, ids, q->n_questions);
            rk_diag_add(d, RK_EDATA, old->path, o->line, o->column, "question '%s' of %s %s "
                        "is not in %s: give the question that takes its answers 'replaces: "
                        "%s', or list it under 'retired'%s", o->id, old->id, old->version,
                        q->version, o->id, h);
        }
    }
    free(ids);
    free(old_ids);
    return d->status == RK_OK ? RK_OK : d->status;
}
