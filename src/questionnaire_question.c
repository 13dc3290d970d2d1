/*
 * questionnaire_question: one question and its choices. Keys that belong to
 * another type are refused by name, choices of a scored question must carry
 * points, and the best possible points (max_points) are worked out here.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "questionnaire_int.h"
#include "readykit/suggest.h"

#define N(a) (sizeof a / sizeof a[0])

static const char *const question_keys[] = {
    "id", "type", "text", "help", "weight", "scored", "required", "evidence", "dont_know",
    "when", "default", "checks", "choices", "points", "cap", "min", "max", "integer", "unit",
    "bands", "replaces"};
static const char *const band_keys[] = {"min", "points"};
static const char *const check_keys[] = {"check", "message"};
static const char *const type_names[] = {"yes_no", "scale", "choice", "multi", "number", "text"};

/* Which type-specific keys each type accepts (bit per type). */
typedef struct TypeKey {
    const char *key;
    unsigned types;
} TypeKey;
#define T(x) (1u << RK_Q_##x)
static const TypeKey type_keys[] = {
    {"choices", T(SCALE) | T(CHOICE) | T(MULTI)}, {"points", T(YES_NO)}, {"cap", T(MULTI)},
    {"min", T(NUMBER)}, {"max", T(NUMBER)}, {"integer", T(NUMBER)}, {"unit", T(NUMBER)},
    {"bands", T(NUMBER)}};

/* number: min, max, integer, unit, bands. */
static void number_fields(QLoader *L, const RkNode *m, RkQuestion *qn, const char *where)
{
    qn->has_min = rk_q_number(L, m, "min", where, &qn->min);
    qn->has_max = rk_q_number(L, m, "max", where, &qn->max);
    if (qn->has_min && qn->has_max && qn->max < qn->min)
        rk_q_error(L, rk_node_get(m, "max"), "'max' (%g) of %s is below its 'min' (%g)",
                   qn->max, where, qn->min);
    rk_q_bool(L, m, "integer", where, &qn->integer);
    rk_q_text(L, m, "unit", false, where, &qn->unit);
    const RkNode *b = rk_node_get(m, "bands");
    if (!b)
        return;
    char f[96];
    if (b->kind != RK_NODE_SEQ || b->count == 0) {
        rk_q_error(L, b, "expected 'bands' of %s to be a list of {min, points}, found %s",
                   where, b->kind == RK_NODE_SEQ ? "an empty list" : rk_q_found(b, f, sizeof f));
        return;
    }
    RkBand *bands = rk_arena_array(L->arena, b->count, sizeof *bands);
    if (!bands) {
        rk_q_oom(L);
        return;
    }
    size_t k = 0;
    for (size_t i = 0; i < b->count; i++) {
        const RkNode *bm = b->items[i];
        if (!rk_q_map(L, bm, "a band (a map such as {min: 10, points: 2})"))
            continue;
        char bw[160];
        snprintf(bw, sizeof bw, "band %zu of %s", i + 1, where);
        rk_q_check_keys(L, bm, band_keys, N(band_keys), "a band");
        bool ok = true;
        for (size_t j = 0; j < N(band_keys); j++)
            if (!rk_node_get(bm, band_keys[j])) {
                rk_q_error(L, bm, "missing required key '%s' in %s", band_keys[j], bw);
                ok = false;
            }
        if (!ok || !rk_q_number(L, bm, "min", bw, &bands[k].min) ||
            !rk_q_number(L, bm, "points", bw, &bands[k].points))
            continue;
        if (k > 0 && bands[k].min <= bands[k - 1].min) {
            rk_q_error(L, rk_node_get(bm, "min"), "bands must be in increasing order of "
                       "'min': %g is not above %g", bands[k].min, bands[k - 1].min);
            continue;
        }
        k++;
    }
    qn->bands = bands;
    qn->n_bands = k;
}

/* default: checked against the question's type and choices. */
static void default_value(QLoader *L, const RkNode *m, RkQuestion *qn, const char *where)
{
    const RkNode *v = rk_node_get(m, "default");
    if (!v || rk_node_is_null(v))
        return;
    const RkNode *one = v;
    size_t n = 1;
    if (v->kind == RK_NODE_SEQ && qn->type == RK_Q_MULTI)
        n = v->count;
    const char **vals = rk_arena_array(L->arena, n ? n : 1, sizeof *vals);
    if (!vals) {
        rk_q_oom(L);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        if (v->kind == RK_NODE_SEQ && qn->type == RK_Q_MULTI)
            one = v->items[i];
        if (one->kind != RK_NODE_SCALAR) {
            rk_q_error(L, one, "expected 'default' of %s to be a single value%s, found %s",
                       where, qn->type == RK_Q_MULTI ? " or a list of values" : "",
                       one->kind == RK_NODE_SEQ ? "a list" : "a map");
            return;
        }
        const char *t = one->text;
        bool b;
        if (qn->type == RK_Q_YES_NO && rk_node_bool(one, &b))
            t = b ? "yes" : "no";
        vals[i] = t;
        if (strcmp(t, "dont_know") == 0) {
            if (!qn->dont_know)
                rk_q_error(L, one, "'default' of %s is dont_know, but the question sets "
                           "dont_know: false", where);
            continue;
        }
        double x;
        if (qn->type == RK_Q_NUMBER) {
            if (!rk_node_number(one, &x))
                rk_q_error(L, one, "expected 'default' of %s to be a number, found '%.40s'",
                           where, t);
            else if ((qn->has_min && x < qn->min) || (qn->has_max && x > qn->max) ||
                     (qn->integer && x != floor(x)))
                rk_q_error(L, one, "'default' %g of %s is outside what the question "
                           "accepts (min, max, integer)", x, where);
        } else if (qn->type != RK_Q_TEXT && qn->choices && !rk_question_find_choice(qn, t)) {
            char list[256] = "";
            for (size_t j = 0; j < qn->n_choices && strlen(list) < 200; j++) {
                strcat(list, j ? ", " : "");
                strncat(list, qn->choices[j].value, 40);
            }
            rk_q_error(L, one, "'default' of %s is '%.40s', which is not one of its choices: "
                       "%s", where, t, list);
        }
    }
    qn->default_value = vals[0];
    if (qn->type == RK_Q_MULTI) {
        qn->default_values = vals;
        qn->n_default_values = n;
    }
}

/* checks: a list of {check: expr, message: text}; compiled later. */
static void checks(QLoader *L, const RkNode *m, RkQuestion *qn, const char *where)
{
    const RkNode *c = rk_node_get(m, "checks");
    if (!c || rk_node_is_null(c))
        return;
    char f[96];
    if (c->kind != RK_NODE_SEQ) {
        rk_q_error(L, c, "expected 'checks' of %s to be a list of {check, message}, found %s",
                   where, rk_q_found(c, f, sizeof f));
        return;
    }
    RkCheck *cs = rk_arena_array(L->arena, c->count ? c->count : 1, sizeof *cs);
    if (!cs) {
        rk_q_oom(L);
        return;
    }
    size_t k = 0;
    for (size_t i = 0; i < c->count; i++) {
        const RkNode *cm = c->items[i];
        if (!rk_q_map(L, cm, "a check (a map with check and message)"))
            continue;
        char cw[160];
        snprintf(cw, sizeof cw, "check %zu of %s", i + 1, where);
        rk_q_check_keys(L, cm, check_keys, N(check_keys), "a check");
        bool ok = rk_q_string(L, cm, "check", true, cw, &cs[k].expr);
        ok = rk_q_text(L, cm, "message", true, cw, &cs[k].message) && ok;
        if (!ok)
            continue;
        const RkNode *e = rk_node_get(cm, "check");
        rk_q_expr_node(L, e);
        cs[k].line = e->line;
        cs[k].column = e->column;
        k++;
    }
    qn->checks = cs;
    qn->n_checks = k;
}

/* The best answer's points (before weight); 0 when not scored. */
static double best_points(const RkQuestion *qn)
{
    double best = 0, sum = 0;
    if (!qn->scored)
        return 0;
    if (qn->type == RK_Q_NUMBER) {
        for (size_t i = 0; i < qn->n_bands; i++)
            best = fmax(best, qn->bands[i].points);
        return best;
    }
    for (size_t i = 0; i < qn->n_choices; i++) {
        best = fmax(best, qn->choices[i].points);
        sum += fmax(0, qn->choices[i].points);
    }
    if (qn->type == RK_Q_MULTI)
        return qn->multi_scoring == RK_MULTI_CAP ? fmin(sum, qn->multi_cap) : sum;
    return best;
}

/* type: one of the six names (with "did you mean"). */
static bool question_type(QLoader *L, const RkNode *m, RkQuestion *qn, const char *where)
{
    const char *t;
    if (!rk_q_string(L, m, "type", true, where, &t))
        return false;
    for (size_t i = 0; i < N(type_names); i++)
        if (strcmp(t, type_names[i]) == 0) {
            qn->type = (RkQuestionType)i;
            return true;
        }
    const char *near = rk_suggest(t, type_names, N(type_names));
    rk_q_error(L, rk_node_get(m, "type"), "unknown question type '%.40s'%s%s%s; expected "
               "one of: yes_no, scale, choice, multi, number, text", t,
               near ? " (did you mean '" : "", near ? near : "", near ? "'?)" : "");
    return false;
}

/* Flags: weight, scored, required, evidence, dont_know, when. */
static void flags(QLoader *L, const RkNode *m, RkQuestion *qn, const char *where)
{
    qn->weight = 1;
    if (rk_q_number(L, m, "weight", where, &qn->weight) && qn->weight < 0)
        rk_q_error(L, rk_node_get(m, "weight"), "expected 'weight' of %s to be >= 0, "
                   "found %g", where, qn->weight);
    qn->scored = qn->type != RK_Q_TEXT && (qn->type != RK_Q_NUMBER || rk_node_get(m, "bands"));
    bool sc;
    if (rk_q_bool(L, m, "scored", where, &sc)) {
        if (sc && qn->type == RK_Q_TEXT)
            rk_q_error(L, rk_node_get(m, "scored"), "a text question cannot be scored "
                       "(%s)", where);
        else if (sc && qn->type == RK_Q_NUMBER && !rk_node_get(m, "bands"))
            rk_q_error(L, rk_node_get(m, "scored"), "a scored number question needs "
                       "'bands' ({min, points} list) (%s)", where);
        qn->scored = sc;
    }
    const RkNode *r = rk_node_get(m, "required");
    double x;
    if (r && !rk_node_bool(r, &qn->required)) {
        if ((r->kind == RK_NODE_SCALAR && !rk_node_is_null(r) && !rk_node_number(r, &x)) ||
            r->kind == RK_NODE_MAP)
            qn->required = rk_q_text_node(L, r, "the 'required' message", &qn->required_message);
        else
            rk_q_error(L, r, "expected 'required' of %s to be true, false or the message "
                       "shown when it is missing", where);
    }
    rk_q_bool(L, m, "evidence", where, &qn->evidence);
    qn->dont_know = true;
    rk_q_bool(L, m, "dont_know", where, &qn->dont_know);
    const RkNode *w = rk_node_get(m, "when");
    if (w && (w->kind != RK_NODE_SCALAR || rk_node_is_null(w) || !w->text[strspn(w->text, " \t\r\n")]))
        rk_q_error(L, w, "expected 'when' of %s to be a Lua expression over earlier answers, "
                   "e.g. \"answer.q1 == 'yes'\"", where);
    else if (w) {
        qn->when = w->text;
        rk_q_expr_node(L, w);
        qn->when_line = w->line;
        qn->when_column = w->column;
    }
}

/* Append qn to the loader's list; false when out of memory. */
static bool append(QLoader *L, RkQuestion *qn)
{
    if (L->n_qs == L->cap_qs) {
        size_t nc = L->cap_qs ? L->cap_qs * 2 : 64;
        RkQuestion **v = realloc(L->qs, nc * sizeof *v);
        if (!v) {
            rk_q_oom(L);
            return false;
        }
        L->qs = v;
        L->cap_qs = nc;
    }
    qn->index = L->n_qs;
    L->qs[L->n_qs++] = qn;
    return true;
}

/* One question: keys, id (a unique Lua name), type, texts, then what its
   type allows; it is appended to the loader's list even when partly wrong,
   so that later errors (and `when` order) still make sense. */
RkQuestion *rk_q_question(QLoader *L, const RkNode *m, size_t pillar)
{
    if (!rk_q_map(L, m, "a question (a map with id, type, text...)"))
        return NULL;
    rk_q_check_keys(L, m, question_keys, N(question_keys), "question");
    RkQuestion *qn = rk_arena_alloc(L->arena, sizeof *qn);
    if (!qn) {
        rk_q_oom(L);
        return NULL;
    }
    qn->pillar = pillar;
    qn->line = m->line;
    qn->column = m->column;
    char where[128];
    snprintf(where, sizeof where, "question at line %d", m->line);
    bool ok = rk_q_string(L, m, "id", true, where, &qn->id);
    if (ok) {
        const RkNode *idn = rk_node_get(m, "id");
        snprintf(where, sizeof where, "question '%.60s'", qn->id);
        long first = rk_q_id_find(L, qn->id);
        if (!rk_q_lua_identifier(qn->id)) {
            rk_q_error(L, idn, "expected a question id that is a Lua name (letters, digits "
                       "and '_', not starting with a digit, not a Lua keyword), found '%.60s'",
                       qn->id);
            ok = false;
        } else if (first >= 0) {
            rk_q_error(L, idn, "duplicate question id '%s' (first at line %d)", qn->id,
                       L->qs[first]->line);
            ok = false;
        }
    }
    bool typed = question_type(L, m, qn, where);
    rk_q_text(L, m, "text", true, where, &qn->text);
    rk_q_text(L, m, "help", false, where, &qn->help);
    if (typed) {
        for (size_t i = 0; i < N(type_keys); i++) {
            const RkNode *k = rk_q_key_node(m, type_keys[i].key);
            if (k && !(type_keys[i].types & (1u << qn->type)))
                rk_q_error(L, k, "key '%s' does not apply to a %s question (%s)",
                           type_keys[i].key, rk_question_type_name(qn->type), where);
        }
        flags(L, m, qn, where);
        if (qn->type == RK_Q_YES_NO)
            rk_q_yes_no_choices(L, m, qn, where);
        else if (qn->type == RK_Q_NUMBER)
            number_fields(L, m, qn, where);
        else if (qn->type != RK_Q_TEXT)
            rk_q_choice_choices(L, m, qn, where);
        if (qn->type == RK_Q_MULTI && rk_node_get(m, "cap")) {
            if (rk_q_number(L, m, "cap", where, &qn->multi_cap)) {
                qn->multi_scoring = RK_MULTI_CAP;
                if (qn->multi_cap < 0)
                    rk_q_error(L, rk_node_get(m, "cap"), "expected 'cap' of %s to be >= 0, "
                               "found %g", where, qn->multi_cap);
            }
        }
        default_value(L, m, qn, where);
        rk_q_replaces(L, m, qn, where);
        qn->max_points = best_points(qn);
        if (qn->scored && qn->max_points <= 0 && L->errors == 0)
            rk_q_warn(L, m, "%s is scored but no answer gives it points (give points, or "
                      "mark it scored: false)", where);
    }
    checks(L, m, qn, where);
    if (!append(L, qn))
        return NULL;
    if (ok && !rk_q_id_add(L, qn))
        return NULL;
    return qn;
}
