/*
 * answers: load an answers file against its questionnaire, edit answers in
 * code (for ask), and save them back. The value rules (what a choice,
 * number or yes/no answer may be) live in one place, rk_answer_parse_value, used by
 * both the loader and the setters, so a file and a typed answer are held to
 * the same standard.
 */
#include "readykit/answers.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers_internal.h"
#include "readykit/node.h"
#include "readykit/strmap.h"
#include "readykit/suggest.h"

static const char *const header_keys[] = {
    "questionnaire", "version", "subject", "respondent", "date", "language", "answers",
    "retired",
};
#define N_HEADER (sizeof header_keys / sizeof header_keys[0])

RkAnswers *rk_answers_new(const RkQuestionnaire *q)
{
    RkArena *arena = rk_arena_new();
    if (!arena)
        return NULL;
    RkAnswers *a = rk_arena_alloc(arena, sizeof *a);
    RkAnswer *by = a ? rk_arena_array(arena, q->n_questions ? q->n_questions : 1, sizeof *by) : NULL;
    if (!by) {
        rk_arena_free(arena);
        return NULL;
    }
    a->arena = arena;
    a->by_question = by;
    a->n_questions = q->n_questions;
    for (size_t i = 0; i < q->n_questions; i++)
        by[i].question = q->questions[i];
    a->questionnaire_id = rk_arena_strdup(arena, q->id);
    a->version = rk_arena_strdup(arena, q->version);
    if (!a->questionnaire_id || (q->version && !a->version)) {
        rk_arena_free(arena);
        return NULL;
    }
    return a;
}

void rk_answers_free(RkAnswers *a)
{
    if (a)
        rk_arena_free(a->arena);
}

/* Render a number the way a person would write it back (no trailing zeros). */
static void format_number(char *buf, size_t size, double v)
{
    snprintf(buf, size, "%.15g", v);
}

void rk_answers_list_choices(const RkQuestion *qn, char *buf, size_t size)
{
    buf[0] = '\0';
    size_t used = 0;
    for (size_t i = 0; i < qn->n_choices && used + 8 < size; i++) {
        int n = snprintf(buf + used, size - used, "%s%s", i ? ", " : "", qn->choices[i].value);
        if (n < 0 || (size_t)n >= size - used) {
            snprintf(buf + used, size - used, ", ...");
            break;
        }
        used += (size_t)n;
    }
}

/*
 * Check one scalar answer text against a (non-multi) question and store it
 * in *ans (value copied into the arena). plain says the YAML scalar was
 * unquoted (only then may "yes"/"no"/numbers be read as such). Errors are
 * RK_EDATA at (file, line, col).
 */
RkStatus rk_answer_parse_value(RkArena *arena, const RkQuestion *qn, const char *text,
                               bool plain, RkAnswer *ans, const char *file, int line,
                               int col, RkDiag *d)
{
    char allowed[512];
    switch (qn->type) {
    case RK_Q_YES_NO: {
        const char *v = NULL;
        if (strcmp(text, "yes") == 0 || strcmp(text, "true") == 0 || strcmp(text, "Yes") == 0 ||
            strcmp(text, "True") == 0)
            v = "yes";
        else if (strcmp(text, "no") == 0 || strcmp(text, "false") == 0 || strcmp(text, "No") == 0 ||
                 strcmp(text, "False") == 0)
            v = "no";
        if (!v)
            return rk_diag_add(d, RK_EDATA, file, line, col,
                               "question '%s' expects yes or no, found '%s'", qn->id, text);
        ans->value = v;
        break;
    }
    case RK_Q_SCALE:
    case RK_Q_CHOICE:
        if (!rk_question_find_choice(qn, text)) {
            rk_answers_list_choices(qn, allowed, sizeof allowed);
            return rk_diag_add(d, RK_EDATA, file, line, col,
                               "'%s' is not a choice of question '%s' (expected one of: %s)",
                               text, qn->id, allowed);
        }
        ans->value = rk_arena_strdup(arena, rk_question_find_choice(qn, text)->value);
        break;
    case RK_Q_NUMBER: {
        char *end;
        double v = strtod(text, &end);
        if (plain && end != text && *end && isfinite(v))    /* "30%", "12 km" */
            return rk_diag_add(d, RK_EDATA, file, line, col,
                               "question '%s' expects a number, found '%s': write the number "
                               "alone, without a unit (%.*s)", qn->id, text, (int)(end - text),
                               text);
        if (!plain || end == text || *end || !isfinite(v))
            return rk_diag_add(d, RK_EDATA, file, line, col,
                               "question '%s' expects a number, found '%s'", qn->id, text);
        if (qn->integer && v != floor(v))
            return rk_diag_add(d, RK_EDATA, file, line, col,
                               "question '%s' expects a whole number, found %s", qn->id, text);
        char lo[32], hi[32];
        format_number(lo, sizeof lo, qn->min);
        format_number(hi, sizeof hi, qn->max);
        if ((qn->has_min && v < qn->min) || (qn->has_max && v > qn->max)) {
            if (qn->has_min && qn->has_max)
                return rk_diag_add(d, RK_EDATA, file, line, col,
                                   "%s is out of range for question '%s' (expected %s to %s)",
                                   text, qn->id, lo, hi);
            return rk_diag_add(d, RK_EDATA, file, line, col,
                               "%s is out of range for question '%s' (expected %s %s)", text,
                               qn->id, qn->has_min ? "at least" : "at most", qn->has_min ? lo : hi);
        }
        ans->number = v;
        ans->value = rk_arena_strdup(arena, text);
        break;
    }
    case RK_Q_TEXT:
        ans->value = rk_arena_strdup(arena, text);
        break;
    case RK_Q_MULTI:
        if (!rk_question_find_choice(qn, text) && strchr(text, ','))
            return rk_diag_add(d, RK_EDATA, file, line, col,
                               "'%s' is not a choice of question '%s': write several "
                               "choices as a list in brackets, e.g. [%s]", text, qn->id, text);
        if (!rk_question_find_choice(qn, text)) {
            rk_answers_list_choices(qn, allowed, sizeof allowed);
            return rk_diag_add(d, RK_EDATA, file, line, col,
                               "'%s' is not a choice of question '%s' (expected any of: %s)",
                               text, qn->id, allowed);
        }
        break;
    }
    if (qn->type != RK_Q_MULTI && !ans->value)
        return rk_diag_add(d, RK_EINTERNAL, file, 0, 0, "out of memory");
    ans->state = RK_ANSWER_VALUE;
    return RK_OK;
}

/* Check a list of multi values (no repeats) and store them. */
RkStatus rk_answer_parse_multi(RkArena *arena, const RkQuestion *qn,
                               const char *const *vals, const int *lines, const int *cols,
                               size_t n, RkAnswer *ans, const char *file, RkDiag *d)
{
    RkStatus s = RK_OK;
    const char **copy = rk_arena_array(arena, n ? n : 1, sizeof *copy);
    if (!copy)
        return rk_diag_add(d, RK_EINTERNAL, file, 0, 0, "out of memory");
    RkStrMap chosen; /* the values so far, for "chosen twice" */
    rk_strmap_init(&chosen);
    for (size_t i = 0; i < n; i++) {
        int l = lines ? lines[i] : 0, c = cols ? cols[i] : 0;
        if (rk_answer_parse_value(arena, qn, vals[i], true, ans, file, l, c, d) != RK_OK) {
            s = RK_EDATA;
            continue;
        }
        void *twice = NULL;
        if (!rk_strmap_put(&chosen, vals[i], strlen(vals[i]), (void *)vals[i], false, &twice))
            s = rk_diag_add(d, RK_EINTERNAL, file, 0, 0, "out of memory");
        else if (twice)
            s = rk_diag_add(d, RK_EDATA, file, l, c, "'%s' is chosen twice in question '%s'",
                            vals[i], qn->id);
        if (!(copy[i] = rk_arena_strdup(arena, vals[i])))
            s = rk_diag_add(d, RK_EINTERNAL, file, 0, 0, "out of memory");
    }
    rk_strmap_free(&chosen);
    if (s != RK_OK) {
        ans->state = RK_ANSWER_NONE;
        return s == RK_EINTERNAL ? s : RK_EDATA;
    }
    ans->values = copy;
    ans->n_values = n;
    ans->value = NULL;
    ans->state = RK_ANSWER_VALUE;
    return RK_OK;
}

static bool is_dont_know(const RkNode *n)
{
    return n->kind == RK_NODE_SCALAR && n->plain && strcmp(n->text, "dont_know") == 0;
}

/* Split an answer node (a value alone, or {value, note, source}) into its
   value node (NULL when there is none) and its evidence, copied into arena.
   id names the answer in messages. */
RkStatus rk_answer_split(RkArena *arena, const char *id, const RkNode *n,
                         const RkNode **value, const char **note, const char **source,
                         const char *file, RkDiag *d)
{
    *value = n;
    *note = *source = NULL;
    if (n->kind != RK_NODE_MAP)
        return RK_OK;
    static const char *const keys[] = {"value", "note", "source"};
    RkStatus s = RK_OK;
    for (size_t i = 0; i < n->count; i++) {
        const RkNode *k = n->pairs[i].key, *v = n->pairs[i].value;
        bool known = false;
        for (size_t j = 0; j < 3; j++)
            known |= strcmp(k->text, keys[j]) == 0;
        if (!known) {
            const char *hint = rk_suggest(k->text, keys, 3);
            s = rk_diag_add(d, RK_EDATA, file, k->line, k->column,
                            "unknown key '%s' in the answer to '%s'%s%s%s (expected value, note or source)",
                            k->text, id, hint ? " (did you mean '" : "", hint ? hint : "",
                            hint ? "'?)" : "");
            continue;
        }
        if (strcmp(k->text, "value") == 0)
            continue;
        if (v->kind != RK_NODE_SCALAR) {
            s = rk_diag_add(d, RK_EDATA, file, v->line, v->column,
                            "'%s' expects text, found %s", k->text, rk_node_kind_name(v->kind));
            continue;
        }
        const char *t = rk_node_is_null(v) ? NULL : rk_arena_strdup(arena, v->text);
        if (!t && !rk_node_is_null(v))
            return rk_diag_add(d, RK_EINTERNAL, file, 0, 0, "out of memory");
        if (strcmp(k->text, "note") == 0)
            *note = t;
        else
            *source = t;
    }
    *value = rk_node_get(n, "value");
    if (*value && rk_node_is_null(*value))
        *value = NULL;
    return s;
}

/* Check a value node (dont_know, a list, a scalar) against qn and store it
   in *ans. */
RkStatus rk_answer_value_node(RkArena *arena, const RkQuestion *qn, const RkNode *value,
                              RkAnswer *ans, const char *file, RkDiag *d)
{
    if (is_dont_know(value)) {
        if (!qn->dont_know)
            return rk_diag_add(d, RK_EDATA, file, value->line, value->column,
                               "question '%s' does not allow \"don't know\"", qn->id);
        ans->state = RK_ANSWER_DONT_KNOW;
        return RK_OK;
    }
    if (rk_node_is_null(value))
        return RK_OK;
    if (value->kind == RK_NODE_SEQ || (qn->type == RK_Q_MULTI && value->kind == RK_NODE_SCALAR)) {
        if (qn->type != RK_Q_MULTI)
            return rk_diag_add(d, RK_EDATA, file, value->line, value->column,
                               "question '%s' expects one value, found a list", qn->id);
        size_t cnt = value->kind == RK_NODE_SEQ ? value->count : 1;
        size_t m = cnt ? cnt : 1;
        const char **vals = malloc(m * sizeof *vals);
        int *lines = malloc(m * sizeof *lines), *cols = malloc(m * sizeof *cols);
        RkStatus s = RK_OK;
        if (!vals || !lines || !cols)
            s = rk_diag_add(d, RK_EINTERNAL, file, 0, 0, "out of memory");
        for (size_t i = 0; s == RK_OK && i < cnt; i++) {
            const RkNode *item = value->kind == RK_NODE_SEQ ? value->items[i] : value;
            lines[i] = item->line;
            cols[i] = item->column;
            if (item->kind != RK_NODE_SCALAR)
                s = rk_diag_add(d, RK_EDATA, file, item->line, item->column,
                                "question '%s' expects a list of choice values", qn->id);
            else
                vals[i] = item->text;
        }
        if (s == RK_OK)
            s = rk_answer_parse_multi(arena, qn, vals, lines, cols, cnt, ans, file, d);
        free(vals);
        free(lines);
        free(cols);
        return s;
    }
    if (value->kind != RK_NODE_SCALAR)
        return rk_diag_add(d, RK_EDATA, file, value->line, value->column,
                           "the answer to '%s' expects a value or {value, note, source}, found %s",
                           qn->id, rk_node_kind_name(value->kind));
    return rk_answer_parse_value(arena, qn, value->text, value->plain, ans, file, value->line,
                                 value->column, d);
}

/* Read one answer node (scalar, list, or {value, note, source}). */
static RkStatus load_answer(RkAnswers *a, const RkQuestion *qn, const RkNode *n,
                            const char *file, RkDiag *d)
{
    RkAnswer *ans = &a->by_question[qn->index];
    ans->line = n->line;
    ans->column = n->column;
    const RkNode *value;
    RkStatus s = rk_answer_split(a->arena, qn->id, n, &value, &ans->note, &ans->source, file, d);
    if (s != RK_OK || !value)
        return s; /* without a value: evidence noted, question not answered yet */
    return rk_answer_value_node(a->arena, qn, value, ans, file, d);
}

/* Top-level keys: known header fields, then the answers map. */
static RkStatus load_header(RkAnswers *a, const RkQuestionnaire *q, const RkNode *root,
                            const char *file, RkDiag *d)
{
    RkStatus s = RK_OK;
    for (size_t i = 0; i < root->count; i++) {
        const RkNode *k = root->pairs[i].key, *v = root->pairs[i].value;
        size_t j = 0;
        while (j < N_HEADER && strcmp(k->text, header_keys[j]) != 0)
            j++;
        if (j == N_HEADER) {
            const char *hint = rk_suggest(k->text, header_keys, N_HEADER);
            s = rk_diag_add(d, RK_EDATA, file, k->line, k->column,
                            "unknown key '%s'%s%s%s (expected questionnaire, version, subject, "
                            "respondent, date, language, answers or retired)",
                            k->text, hint ? " (did you mean '" : "", hint ? hint : "",
                            hint ? "'?)" : "");
            continue;
        }
        if (strcmp(k->text, "answers") == 0 || strcmp(k->text, "retired") == 0)
            continue;
        if (v->kind != RK_NODE_SCALAR) {
            s = rk_diag_add(d, RK_EDATA, file, v->line, v->column, "'%s' expects text, found %s",
                            k->text, rk_node_kind_name(v->kind));
            continue;
        }
        const char *t = rk_node_is_null(v) ? NULL : rk_arena_strdup(a->arena, v->text);
        if (!t && !rk_node_is_null(v))
            return rk_diag_set(d, RK_EINTERNAL, file, 0, 0, "out of memory");
        if (strcmp(k->text, "questionnaire") == 0) {
            if (!t || strcmp(t, q->id) != 0)
                s = rk_diag_add(d, RK_EDATA, file, v->line, v->column,
                                "this file answers questionnaire '%s', not '%s' (%s)",
                                t ? t : "", q->id, q->path);
            a->questionnaire_id = t;
        } else if (strcmp(k->text, "version") == 0) {
            a->version = t; /* another version than q's: read in migration mode */
        } else if (strcmp(k->text, "subject") == 0) {
            a->subject = t;
        } else if (strcmp(k->text, "respondent") == 0) {
            a->respondent = t;
        } else if (strcmp(k->text, "date") == 0) {
            a->date = t;
        } else if (strcmp(k->text, "language") == 0) {
            a->language = t;
            if (t && !rk_questionnaire_speaks(q, t))
                rk_diag_warn(d, file, v->line, v->column,
                             "language '%s' is not one of the questionnaire's; labels will "
                             "be in '%s'", t, rk_questionnaire_lang(q, t));
        }
    }
    if (!rk_node_get(root, "questionnaire"))
        s = rk_diag_add(d, RK_EDATA, file, root->line, root->column,
                        "missing key 'questionnaire' (the id of the questionnaire answered)");
    return s;
}

/* The root of an answers tree, or an error saying what was expected. */
static RkStatus answers_root(const RkNodeTree *tree, const RkNode **out, RkDiag *d)
{
    const RkNode *root = tree->root;
    *out = root;
    if (root && root->kind == RK_NODE_MAP)
        return RK_OK;
    return rk_diag_set(d, RK_EDATA, tree->path, root ? root->line : 1, root ? root->column : 1,
                       "expected a map with questionnaire:, subject: and answers:, found %s",
                       root ? rk_node_kind_name(root->kind) : "an empty file");
}

RkStatus rk_answers_from_tree(const RkNodeTree *tree, const RkQuestionnaire *q,
                              RkAnswers **out, RkDiag *d)
{
    *out = NULL;
    const char *path = tree->path;
    const RkNode *root;
    RkStatus s = answers_root(tree, &root, d);
    if (s != RK_OK)
        return s;
    RkAnswers *a = rk_answers_new(q);
    if (!a)
        return rk_diag_set(d, RK_EINTERNAL, path, 0, 0, "out of memory");
    a->path = rk_arena_strdup(a->arena, path);
    a->version = NULL;
    s = a->path ? load_header(a, q, root, path, d)
                : rk_diag_set(d, RK_EINTERNAL, path, 0, 0, "out of memory");
    const RkNode *ans = rk_node_get(root, "answers");
    if (ans && !rk_node_is_null(ans) && ans->kind != RK_NODE_MAP) {
        s = rk_diag_add(d, RK_EDATA, path, ans->line, ans->column,
                        "'answers' expects a map of question id to answer, found %s",
                        rk_node_kind_name(ans->kind));
    }
    const RkNode *version = rk_node_get(root, "version");
    bool migrating = a->version && q->version && strcmp(a->version, q->version) != 0;
    const RkNode *ret = rk_node_get(root, "retired");
    if (ret && rk_answers_load_retired(a, ret, path, d) != RK_OK)
        s = d->status;
    if (migrating && (!ans || rk_node_is_null(ans) || ans->kind == RK_NODE_MAP)) {
        const RkNode *map = ans && ans->kind == RK_NODE_MAP ? ans : NULL;
        if (rk_answers_migrate(a, q, map, version, path, d) != RK_OK)
            s = d->status;
    } else if (ans && ans->kind == RK_NODE_MAP) {
        const char **ids = malloc((q->n_questions ? q->n_questions : 1) * sizeof *ids);
        for (size_t i = 0; ids && i < q->n_questions; i++)
            ids[i] = q->questions[i]->id;
        for (size_t i = 0; i < ans->count; i++) {
            const RkNode *k = ans->pairs[i].key;
            const RkQuestion *qn = rk_questionnaire_find(q, k->text);
            if (!qn) {
                const char *hint = ids && rk_diag_has_room(d)
                                       ? rk_suggest(k->text, ids, q->n_questions) : NULL;
                s = rk_diag_add(d, RK_EDATA, path, k->line, k->column,
                                "unknown question '%s' in questionnaire '%s'%s%s%s", k->text, q->id,
                                hint ? " (did you mean '" : "", hint ? hint : "", hint ? "'?)" : "");
                continue;
            }
            if (load_answer(a, qn, ans->pairs[i].value, path, d) != RK_OK)
                s = d->status;
        }
        free(ids);
    }
    if (s != RK_OK || d->status != RK_OK) {
        rk_answers_free(a);
        return d->status != RK_OK ? d->status : s;
    }
    *out = a;
    return RK_OK;
}

RkStatus rk_answers_load(const char *path, const RkQuestionnaire *q, RkAnswers **out,
                         RkDiag *d)
{
    *out = NULL;
    RkNodeTree *tree;
    RkStatus s = rk_node_load_file(path, &tree, d);
    if (s == RK_OK)
        s = rk_answers_from_tree(tree, q, out, d);
    rk_node_tree_free(tree);
    return s;
}

RkStatus rk_answers_peek_tree(const RkNodeTree *tree, char *qid, size_t qid_size, RkDiag *d)
{
    qid[0] = '\0';
    const RkNode *root;
    RkStatus s = answers_root(tree, &root, d);
    if (s != RK_OK)
        return s;
    const RkNode *id = rk_node_get(root, "questionnaire");
    const RkNode *own = rk_node_get(root, "id");
    if (!id && own && own->kind == RK_NODE_SCALAR && rk_node_get(root, "pillars"))
        return rk_diag_set(d, RK_EDATA, tree->path, 0, 0,
                           "this is a questionnaire ('%s'), not an answers file: 'readykit "
                           "template %s -o answers.yaml' writes an answers file to fill in, "
                           "'readykit check %s' checks this one", own->text, own->text,
                           tree->path);
    if (!id || id->kind != RK_NODE_SCALAR || rk_node_is_null(id))
        return rk_diag_set(d, RK_EDATA, tree->path, id ? id->line : root->line,
                           id ? id->column : root->column,
                           "missing 'questionnaire: ID' naming the questionnaire answered "
                           "(or give it with -q FILE)");
    if (strlen(id->text) >= qid_size)
        return rk_diag_set(d, RK_EDATA, tree->path, id->line, id->column,
                           "questionnaire id is too long");
    memcpy(qid, id->text, strlen(id->text) + 1);
    return RK_OK;
}

RkStatus rk_answers_peek(const char *path, char *qid, size_t qid_size, RkDiag *d)
{
    qid[0] = '\0';
    RkNodeTree *tree;
    RkStatus s = rk_node_load_file(path, &tree, d);
    if (s == RK_OK)
        s = rk_answers_peek_tree(tree, qid, qid_size, d);
    rk_node_tree_free(tree);
    return s;
}
