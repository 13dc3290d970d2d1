/*
 * questionnaire_replaces: questionnaire versioning. A question may say which
 * question of an earlier version it replaces (`replaces: OLD_ID`, or
 * `replaces: {id: OLD_ID, values: {old: new}}`), and the top level lists the
 * ids of earlier versions that are gone (`retired: [OLD_ID, ...]`). Answers
 * files made with an earlier version are carried over through them
 * (answers_migrate.c). Errors are collected in the loader like every other.
 */
#include <stdio.h>
#include <string.h>

#include "questionnaire_int.h"
#include "readykit/suggest.h"

#define N(a) (sizeof a / sizeof a[0])

static const char *const replaces_keys[] = {"id", "values"};

/* An old id must be a question id (a Lua name). */
static bool old_id(QLoader *L, const RkNode *n, const char *what)
{
    char f[96];
    if (n->kind == RK_NODE_SCALAR && !rk_node_is_null(n) && rk_q_lua_identifier(n->text))
        return true;
    rk_q_error(L, n, "expected %s to be the id of a question of an earlier version (a Lua "
               "name), found %s", what, rk_q_found(n, f, sizeof f));
    return false;
}

/* The choice values of qn, for "did you mean". */
static const char *near_choice(const RkQuestion *qn, const char *t)
{
    const char *vals[64];
    size_t n = 0;
    for (size_t i = 0; i < qn->n_choices && n < N(vals); i++)
        vals[n++] = qn->choices[i].value;
    return rk_suggest(t, vals, n);
}

/* Is the target t (node v) an answer this question accepts? Reports why not.
   yes_no targets may be written true/false; they are stored as yes/no. */
static const char *target(QLoader *L, const RkNode *v, const RkQuestion *qn, const char *where)
{
    char f[96];
    if (v->kind != RK_NODE_SCALAR || rk_node_is_null(v)) {
        rk_q_error(L, v, "expected a value of %s in 'replaces' values, found %s", where,
                   rk_q_found(v, f, sizeof f));
        return NULL;
    }
    const char *t = v->text;
    bool b;
    if (qn->type == RK_Q_YES_NO && rk_node_bool(v, &b))
        t = b ? "yes" : "no";
    if (v->plain && strcmp(t, "dont_know") == 0) {
        if (qn->dont_know)
            return t;
        rk_q_error(L, v, "'replaces' maps a value to dont_know, but %s sets dont_know: false",
                   where);
        return NULL;
    }
    double x;
    if (qn->type == RK_Q_NUMBER) {
        if (!rk_node_number(v, &x) || (qn->has_min && x < qn->min) ||
            (qn->has_max && x > qn->max)) {
            rk_q_error(L, v, "expected a number that %s accepts in 'replaces' values, found %s",
                       where, rk_q_found(v, f, sizeof f));
            return NULL;
        }
        return t;
    }
    if (qn->type == RK_Q_TEXT || !qn->choices || rk_question_find_choice(qn, t))
        return t;
    const char *near = near_choice(qn, t);
    rk_q_error(L, v, "'replaces' maps to '%.40s', which is not a value of %s%s%s%s", t, where,
               near ? " (did you mean '" : "", near ? near : "", near ? "'?)" : "");
    return NULL;
}

/* values: {old_value: new_value, ...}. */
static void value_map(QLoader *L, const RkNode *v, RkQuestion *qn, RkReplaces *r,
                      const char *where)
{
    char f[96];
    r->has_values = true;
    if (rk_node_is_null(v))
        return;
    if (v->kind != RK_NODE_MAP) {
        rk_q_error(L, v, "expected 'values' of 'replaces' in %s to be a map of old value: "
                   "new value, found %s", where, rk_q_found(v, f, sizeof f));
        return;
    }
    RkValueMap *vm = rk_arena_array(L->arena, v->count ? v->count : 1, sizeof *vm);
    if (!vm) {
        rk_q_oom(L);
        return;
    }
    size_t k = 0;
    for (size_t i = 0; i < v->count; i++) {
        const char *to = target(L, v->pairs[i].value, qn, where);
        if (!to)
            continue;
        vm[k].from = v->pairs[i].key->text;
        vm[k].to = to;
        vm[k].line = v->pairs[i].key->line;
        vm[k].column = v->pairs[i].key->column;
        k++;
    }
    r->values = vm;
    r->n_values = k;
}

/* replaces: OLD_ID | {id: OLD_ID, values: {old: new}}. Needs qn's type and
   choices, so it is read after them. */
void rk_q_replaces(QLoader *L, const RkNode *m, RkQuestion *qn, const char *where)
{
    const RkNode *v = rk_node_get(m, "replaces");
    if (!v)
        return;
    RkReplaces *r = rk_arena_alloc(L->arena, sizeof *r);
    if (!r) {
        rk_q_oom(L);
        return;
    }
    const RkNode *idn = v;
    if (v->kind == RK_NODE_MAP) {
        rk_q_check_keys(L, v, replaces_keys, N(replaces_keys), "'replaces'");
        idn = rk_node_get(v, "id");
        if (!idn) {
            rk_q_error(L, v, "missing required key 'id' in 'replaces' of %s (the old "
                       "question's id)", where);
            return;
        }
        const RkNode *vals = rk_node_get(v, "values");
        if (vals)
            value_map(L, vals, qn, r, where);
    } else if (v->kind != RK_NODE_SCALAR) {
        rk_q_error(L, v, "expected 'replaces' of %s to be an old question id or {id: OLD_ID, "
                   "values: {old: new}}, found a list", where);
        return;
    }
    char what[160];
    snprintf(what, sizeof what, "'replaces' of %s", where);
    if (!old_id(L, idn, what))
        return;
    r->id = idn->text;
    r->line = idn->line;
    r->column = idn->column;
    qn->replaces = r;
}

/* retired: [OLD_ID, ...]: ids of earlier versions that are gone. */
void rk_q_retired(QLoader *L, const RkNode *root)
{
    const RkNode *v = rk_node_get(root, "retired");
    char f[96];
    if (!v || rk_node_is_null(v))
        return;
    if (v->kind != RK_NODE_SEQ) {
        rk_q_error(L, v, "expected 'retired' to be a list of question ids of earlier "
                   "versions, found %s", rk_q_found(v, f, sizeof f));
        return;
    }
    const char **ids = rk_arena_array(L->arena, v->count ? v->count : 1, sizeof *ids);
    if (!ids) {
        rk_q_oom(L);
        return;
    }
    size_t k = 0;
    for (size_t i = 0; i < v->count; i++) {
        const RkNode *it = v->items[i];
        if (!old_id(L, it, "an item of 'retired'"))
            continue;
        void *dup = NULL;
        if (!rk_strmap_put(&L->retired_ids, it->text, it->len, (void *)it, false, &dup)) {
            rk_q_oom(L);
            return;
        }
        if (dup) {
            rk_q_error(L, it, "'%s' is listed twice in 'retired'", it->text);
            continue;
        }
        ids[k++] = it->text;
    }
    L->retired = v;
    L->q->retired = ids;
    L->q->n_retired = k;
}

/* The node of retired id in the `retired:` list. */
static const RkNode *retired_node(const QLoader *L, const char *id)
{
    return rk_strmap_get(&L->retired_ids, id, strlen(id));
}

/* Once every id is known: an old id that is still a question id belongs to
   that question only; a retired id is neither a question nor replaced. */
void rk_q_check_versions(QLoader *L)
{
    for (size_t i = 0; i < L->n_qs; i++) {
        const RkQuestion *qn = L->qs[i];
        const RkReplaces *r = qn->replaces;
        if (!r || !qn->id)
            continue;
        long other = rk_q_id_find(L, r->id);
        if (other >= 0 && (size_t)other != i)
            rk_q_error_at(L, r->line, r->column, "question '%s' replaces '%s', but '%s' is a "
                          "question of this version too (line %d): answers to it stay with "
                          "it; rename the old id or drop 'replaces'", qn->id, r->id, r->id,
                          L->qs[other]->line);
        const RkNode *rn = retired_node(L, r->id);
        if (rn)
            rk_q_error(L, rn, "'%s' is retired, but question '%s' replaces it (line %d): an "
                       "id is either retired or replaced", r->id, qn->id, r->line);
    }
    for (size_t i = 0; i < L->q->n_retired; i++) {
        long cur = rk_q_id_find(L, L->q->retired[i]);
        if (cur >= 0)
            rk_q_error(L, retired_node(L, L->q->retired[i]), "'%s' is retired, but it is a "
                       "question of this version (line %d)", L->q->retired[i],
                       L->qs[cur]->line);
    }
}
