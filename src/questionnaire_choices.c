/*
 * questionnaire_choices: the choices of yes_no, scale, choice and multi
 * questions: inline lists, shared lists by name, the implicit yes and no.
 * A scored question's choices must all carry points.
 */
#include <stdio.h>
#include <string.h>

#include "questionnaire_int.h"
#include "readykit/suggest.h"

#define N(a) (sizeof a / sizeof a[0])

static const char *const choice_keys[] = {"value", "label", "points"};

/* A list of {value, label, points}: values unique, not dont_know; labels
   required; points optional here (the scored question decides). */
RkChoice *rk_q_choices(QLoader *L, const RkNode *list, const char *where, size_t *n_out)
{
    char f[96];
    *n_out = 0;
    if (list->kind != RK_NODE_SEQ || list->count == 0) {
        rk_q_error(L, list, "expected the choices of %s to be a list of {value, label, "
                   "points}, found %s", where,
                   list->kind == RK_NODE_SEQ ? "an empty list" : rk_q_found(list, f, sizeof f));
        return NULL;
    }
    RkChoice *cs = rk_arena_array(L->arena, list->count, sizeof *cs);
    if (!cs) {
        rk_q_oom(L);
        return NULL;
    }
    size_t k = 0;
    bool ok = true;
    RkStrMap values; /* value -> its RkChoice, for duplicates */
    rk_strmap_init(&values);
    for (size_t i = 0; i < list->count; i++) {
        const RkNode *m = list->items[i];
        if (!rk_q_map(L, m, "a choice (a map such as {value: a, label: A, points: 1})")) {
            ok = false;
            continue;
        }
        rk_q_check_keys(L, m, choice_keys, N(choice_keys), "a choice");
        RkChoice *c = &cs[k];
        c->line = m->line;
        c->column = m->column;
        char cw[160];
        snprintf(cw, sizeof cw, "choice %zu of %s", i + 1, where);
        if (!rk_q_string(L, m, "value", true, cw, &c->value)) {
            ok = false;
            continue;
        }
        const RkNode *vn = rk_node_get(m, "value");
        snprintf(cw, sizeof cw, "choice '%.40s' of %s", c->value, where);
        if (strcmp(c->value, "dont_know") == 0) {
            rk_q_error(L, vn, "the choice value 'dont_know' is reserved for \"don't know\" "
                       "answers (use 'dont_know: true' on the question)");
            ok = false;
        }
        void *had = NULL;
        if (!rk_strmap_put(&values, c->value, strlen(c->value), c, false, &had)) {
            rk_q_oom(L);
            ok = false;
        } else if (had) {
            rk_q_error(L, vn, "duplicate choice value '%s' in %s (first at line %d)",
                       c->value, where, ((const RkChoice *)had)->line);
            ok = false;
        }
        if (!rk_q_text(L, m, "label", true, cw, &c->label))
            ok = false;
        if (rk_node_get(m, "points")) {
            if (rk_q_number(L, m, "points", cw, &c->points))
                c->has_points = true;
            else
                ok = false;
        }
        k++;
    }
    rk_strmap_free(&values);
    *n_out = ok ? k : 0;
    return ok ? cs : NULL;
}

/* yes_no: the choices yes and no; `points: {yes: 1, no: 0}` overrides. */
void rk_q_yes_no_choices(QLoader *L, const RkNode *m, RkQuestion *qn, const char *where)
{
    static const char *const langs[] = {"en", "fr", "es", "pt"};
    static const char *const yes[] = {"Yes", "Oui", "Sí", "Sim"};
    static const char *const no[] = {"No", "Non", "No", "Não"};
    static const char *const keys[] = {"yes", "no"};
    RkChoice *cs = rk_arena_array(L->arena, 2, sizeof *cs);
    if (!cs) {
        rk_q_oom(L);
        return;
    }
    for (int i = 0; i < 2; i++) {
        cs[i].value = keys[i];
        cs[i].label = (RkText){4, (const char **)langs, (const char **)(i ? no : yes)};
        cs[i].points = i ? 0 : 1;
        cs[i].has_points = true;
        cs[i].line = qn->line;
        cs[i].column = qn->column;
    }
    qn->choices = cs;
    qn->n_choices = 2;
    const RkNode *p = rk_node_get(m, "points");
    if (!p)
        return;
    char w[160], expect[200];
    snprintf(w, sizeof w, "'points' of %s", where);
    snprintf(expect, sizeof expect, "%s to be a map such as {yes: 1, no: 0}", w);
    if (!rk_q_map(L, p, expect))
        return;
    rk_q_check_keys(L, p, keys, 2, w);
    for (int i = 0; i < 2; i++)
        rk_q_number(L, p, keys[i], w, &cs[i].points);
}

/* choices: a shared list's name, or an inline list. */
void rk_q_choice_choices(QLoader *L, const RkNode *m, RkQuestion *qn, const char *where)
{
    const RkNode *c = rk_node_get(m, "choices");
    if (!c || rk_node_is_null(c)) {
        rk_q_error(L, c ? c : m, "missing required key 'choices' in %s (a list of {value, "
                   "label, points}, or the name of a list in choice_lists)", where);
        return;
    }
    if (c->kind == RK_NODE_SEQ) {
        qn->choices = rk_q_choices(L, c, where, &qn->n_choices);
        if (qn->choices && qn->scored)
            for (size_t i = 0; i < qn->n_choices; i++)
                if (!qn->choices[i].has_points)
                    rk_q_error_at(L, qn->choices[i].line, qn->choices[i].column,
                                  "choice '%s' of %s has no points, but the question is "
                                  "scored (give it points, or mark the question scored: "
                                  "false)", qn->choices[i].value, where);
        return;
    }
    if (c->kind != RK_NODE_SCALAR) {
        rk_q_error(L, c, "expected 'choices' of %s to be a list of choices or the name of a "
                   "choice list, found a map", where);
        return;
    }
    QList *cl = rk_strmap_get(&L->list_names, c->text, c->len);
    if (cl) {
        cl->used = true;
        qn->choices = cl->choices;
        qn->n_choices = cl->n;
        if (!cl->choices || !qn->scored || cl->points_reported)
            return;
        for (size_t j = 0; j < cl->n; j++)
            if (!cl->choices[j].has_points) {
                rk_q_error_at(L, cl->choices[j].line, cl->choices[j].column,
                              "choice '%s' of list '%s' has no points, but %s (line %d) "
                              "is scored and uses it", cl->choices[j].value, cl->name,
                              where, qn->line);
                cl->points_reported = true;
            }
        return;
    }
    const char *names[64];
    size_t n = 0;
    for (size_t i = 0; i < L->n_lists && n < N(names); i++)
        names[n++] = L->lists[i].name;
    const char *near = rk_suggest(c->text, names, n);
    if (near)
        rk_q_error(L, c, "unknown choice list '%.60s' (did you mean '%s'?)", c->text, near);
    else
        rk_q_error(L, c, "unknown choice list '%.60s'; %s", c->text, L->n_lists
                   ? "define it under choice_lists, or give the choices inline"
                   : "there is no choice_lists section: give the choices inline");
}

