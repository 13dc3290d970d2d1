/*
 * questionnaire: YAML node tree -> validated, read-only RkQuestionnaire.
 *
 * The loader walks the tree once (metadata, languages, levels, shared choice
 * lists, pillars and their questions), reporting every error with the
 * position of the node at fault and going on; a second pass compiles the
 * Lua expressions and resolves the questions they name (questionnaire_check.c).
 * Any error leaves *out NULL. Strings point into the node tree's arena, which
 * is handed over to the questionnaire (freed with it).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "questionnaire_int.h"
#include "readykit/fileio.h"

static const char *const top_keys[] = {"id", "version", "title", "description", "languages",
                                       "rules", "levels", "choice_lists", "pillars",
                                       "retired"};
static const char *const level_keys[] = {"id", "min", "name", "description"};
static const char *const pillar_keys[] = {"id", "title", "description", "weight", "questions"};

#define N(a) (sizeof a / sizeof a[0])

/* [a-z0-9][a-z0-9_.-]* */
bool rk_questionnaire_valid_id(const char *s)
{
    if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')))
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_' ||
              *s == '.' || *s == '-'))
            return false;
    return true;
}

/* A language tag: 2-3 lowercase letters, then optional -subtags. */
static bool valid_lang(const char *s)
{
    size_t n = 0;
    while (s[n] >= 'a' && s[n] <= 'z')
        n++;
    if (n < 2 || n > 3)
        return false;
    for (s += n; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
              (*s >= '0' && *s <= '9') || *s == '-'))
            return false;
    return true;
}

/* languages: [en, fr]; default [en]. */
static void load_languages(QLoader *L, const RkNode *root)
{
    RkQuestionnaire *q = L->q;
    static const char *const dflt[] = {"en"};
    q->languages = (const char **)dflt;
    q->n_languages = 1;
    const RkNode *v = rk_node_get(root, "languages");
    if (!v)
        return;
    if (v->kind != RK_NODE_SEQ || v->count == 0) {
        char f[96];
        rk_q_error(L, v, "expected 'languages' to be a list of language codes like [en, fr], "
                   "found %s", v->kind == RK_NODE_SEQ ? "an empty list" : rk_q_found(v, f, sizeof f));
        return;
    }
    const char **langs = rk_arena_array(L->arena, v->count, sizeof *langs);
    if (!langs) {
        rk_q_oom(L);
        return;
    }
    size_t k = 0;
    RkStrMap seen; /* the codes so far, for duplicates */
    rk_strmap_init(&seen);
    for (size_t i = 0; i < v->count; i++) {
        const RkNode *it = v->items[i];
        char f[96];
        if (it->kind != RK_NODE_SCALAR || !valid_lang(it->text)) {
            rk_q_error(L, it, "expected a language code like 'en' or 'pt-BR' in 'languages', "
                       "found %s", rk_q_found(it, f, sizeof f));
            continue;
        }
        void *dup = NULL;
        if (!rk_strmap_put(&seen, it->text, it->len, (void *)it, false, &dup)) {
            rk_q_oom(L);
            break;
        }
        if (dup) {
            rk_q_error(L, it, "language '%s' is listed twice in 'languages'", it->text);
            continue;
        }
        langs[k++] = it->text;
    }
    rk_strmap_free(&seen);
    if (k) {
        q->languages = langs;
        q->n_languages = k;
    }
}

/* levels: a list of {id, min, name, description}; min 0, strictly increasing. */
static void load_levels(QLoader *L, const RkNode *root)
{
    const RkNode *v = rk_node_get(root, "levels");
    char f[96];
    if (!v || rk_node_is_null(v)) {
        rk_q_error(L, v ? v : root, "missing required key 'levels' (a list of "
                   "{min, name}, the first with min 0)");
        return;
    }
    if (v->kind != RK_NODE_SEQ || v->count == 0) {
        rk_q_error(L, v, "expected 'levels' to be a list of {min, name}, found %s",
                   v->kind == RK_NODE_SEQ ? "an empty list" : rk_q_found(v, f, sizeof f));
        return;
    }
    RkLevel *lv = rk_arena_array(L->arena, v->count, sizeof *lv);
    if (!lv) {
        rk_q_oom(L);
        return;
    }
    size_t k = 0;
    const RkNode *prev = NULL;
    for (size_t i = 0; i < v->count; i++) {
        const RkNode *m = v->items[i];
        char where[64];
        snprintf(where, sizeof where, "level %zu", i + 1);
        if (!rk_q_map(L, m, "a level (a map such as {min: 0, name: Low})"))
            continue;
        rk_q_check_keys(L, m, level_keys, N(level_keys), "level");
        RkLevel *l = &lv[k];
        bool ok = rk_q_text(L, m, "name", true, where, &l->name);
        rk_q_text(L, m, "description", false, where, &l->description);
        const RkNode *mn = rk_node_get(m, "min");
        if (!mn) {
            rk_q_error(L, m, "missing required key 'min' in %s (a number 0-100)", where);
            ok = false;
        } else if (!rk_q_number(L, m, "min", where, &l->min)) {
            ok = false;
        } else if (l->min < 0 || l->min > 100) {
            rk_q_error(L, mn, "expected 'min' of %s between 0 and 100, found %g", where, l->min);
            ok = false;
        } else if (i == 0 && l->min != 0) {
            rk_q_error(L, mn, "the first level must have min 0, found %g", l->min);
        } else if (prev && k > 0 && l->min <= lv[k - 1].min) {
            rk_q_error(L, mn, "levels must be in increasing order of 'min': %g is not above "
                       "%g (line %d)", l->min, lv[k - 1].min, prev->line);
            ok = false;
        }
        const char *id = NULL;
        if (rk_q_string(L, m, "id", false, where, &id))
            l->id = id;
        else if (ok)
            l->id = rk_text_get(&l->name, L->q->languages[0], NULL);
        for (size_t j = 0; ok && l->id && j < k; j++)
            if (strcmp(lv[j].id, l->id) == 0) {
                const RkNode *at = rk_node_get(m, "id");
                rk_q_error(L, at ? at : m, "duplicate level id '%s'", l->id);
                ok = false;
            }
        if (ok) {
            prev = mn;
            k++;
        }
    }
    L->q->levels = lv;
    L->q->n_levels = k;
}

/* choice_lists: {name: [choices...]}; parsed once, shared by reference. */
static void load_lists(QLoader *L, const RkNode *root)
{
    const RkNode *v = rk_node_get(root, "choice_lists");
    if (!v || rk_node_is_null(v))
        return;
    if (!rk_q_map(L, v, "'choice_lists' to be a map of name: list of choices"))
        return;
    L->lists = rk_arena_array(L->arena, v->count ? v->count : 1, sizeof *L->lists);
    if (!L->lists) {
        rk_q_oom(L);
        return;
    }
    for (size_t i = 0; i < v->count; i++) {
        QList *cl = &L->lists[L->n_lists++];
        cl->name = v->pairs[i].key->text;
        cl->key = v->pairs[i].key;
        cl->node = v->pairs[i].value;
        if (!rk_strmap_put(&L->list_names, cl->name, cl->key->len, cl, false, NULL))
            rk_q_oom(L);
        char where[128];
        snprintf(where, sizeof where, "choice list '%.60s'", cl->name);
        cl->choices = rk_q_choices(L, cl->node, where, &cl->n);
    }
}

/* rules: a file next to the questionnaire; it must exist. */
static void load_rules(QLoader *L, const RkNode *root)
{
    const char *rules;
    if (!rk_q_string(L, root, "rules", false, "the questionnaire", &rules))
        return;
    const RkNode *v = rk_node_get(root, "rules");
    const char *slash = strrchr(L->q->path, '/');
    const char *path = rules[0] == '/' || !slash ? rk_arena_strdup(L->arena, rules)
        : rk_arena_printf(L->arena, "%.*s/%s", (int)(slash - L->q->path), L->q->path, rules);
    if (!path) {
        rk_q_oom(L);
        return;
    }
    if (!rk_file_exists(path)) {
        rk_q_error(L, v, "rules file '%s' not found (looked for %s; 'rules' is relative "
                   "to the questionnaire's folder)", rules, path);
        return;
    }
    L->q->rules = path;
}

/* One pillar: its fields, then its questions. */
static void load_pillar(QLoader *L, const RkNode *m, RkPillar *p, size_t index)
{
    char where[128];
    snprintf(where, sizeof where, "pillar %zu", index + 1);
    rk_q_check_keys(L, m, pillar_keys, N(pillar_keys), "pillar");
    p->line = m->line;
    p->column = m->column;
    p->weight = 1;
    if (rk_q_string(L, m, "id", true, where, &p->id)) {
        snprintf(where, sizeof where, "pillar '%.60s'", p->id);
        void *had = NULL;
        if (!rk_strmap_put(&L->pillar_ids, p->id, strlen(p->id), p, false, &had))
            rk_q_oom(L);
        else if (had)
            rk_q_error(L, rk_node_get(m, "id"), "duplicate pillar id '%s' (first at "
                       "line %d)", p->id, ((const RkPillar *)had)->line);
    }
    rk_q_text(L, m, "title", true, where, &p->title);
    rk_q_text(L, m, "description", false, where, &p->description);
    if (rk_q_number(L, m, "weight", where, &p->weight) && p->weight < 0)
        rk_q_error(L, rk_node_get(m, "weight"), "expected 'weight' of %s to be >= 0, found %g",
                   where, p->weight);
    const RkNode *qs = rk_node_get(m, "questions");
    char f[96];
    if (!qs) {
        rk_q_error(L, m, "missing required key 'questions' in %s", where);
        return;
    }
    if (qs->kind != RK_NODE_SEQ || qs->count == 0) {
        rk_q_error(L, qs, "expected 'questions' of %s to be a list of questions, found %s",
                   where, qs->kind == RK_NODE_SEQ ? "an empty list" : rk_q_found(qs, f, sizeof f));
        return;
    }
    size_t first = L->n_qs;
    for (size_t i = 0; i < qs->count; i++)
        rk_q_question(L, qs->items[i], index);
    p->n_questions = L->n_qs - first;
    p->questions = NULL; /* set once L->qs is final */
}

/* pillars: a non-empty list of pillar maps (a bad item is reported and
   counted, so later pillars keep their indexes). */
static void load_pillars(QLoader *L, const RkNode *root)
{
    const RkNode *v = rk_node_get(root, "pillars");
    char f[96];
    if (!v || rk_node_is_null(v)) {
        rk_q_error(L, v ? v : root, "missing required key 'pillars' (a list of pillars, "
                   "each with id, title and questions)");
        return;
    }
    if (v->kind != RK_NODE_SEQ || v->count == 0) {
        rk_q_error(L, v, "expected 'pillars' to be a list of pillars, found %s",
                   v->kind == RK_NODE_SEQ ? "an empty list" : rk_q_found(v, f, sizeof f));
        return;
    }
    RkQuestionnaire *q = L->q;
    q->pillars = rk_arena_array(L->arena, v->count, sizeof *q->pillars);
    if (!q->pillars) {
        rk_q_oom(L);
        return;
    }
    for (size_t i = 0; i < v->count; i++) {
        if (rk_q_map(L, v->items[i], "a pillar (a map with id, title and questions)"))
            load_pillar(L, v->items[i], &q->pillars[q->n_pillars], q->n_pillars);
        q->n_pillars++;
    }
}

/* Copy the collected questions into the model: all in order, and each
   pillar's slice; sum the weighted maximum. */
static void finish(QLoader *L)
{
    RkQuestionnaire *q = L->q;
    q->questions = rk_arena_array(L->arena, L->n_qs ? L->n_qs : 1, sizeof *q->questions);
    RkQuestion *all = rk_arena_array(L->arena, L->n_qs ? L->n_qs : 1, sizeof *all);
    if (!q->questions || !all) {
        rk_q_oom(L);
        return;
    }
    for (size_t i = 0; i < L->n_qs; i++) {
        all[i] = *L->qs[i];
        q->questions[i] = &all[i];
        if (all[i].scored)
            q->max_points += all[i].weight * all[i].max_points;
    }
    q->n_questions = L->n_qs;
    size_t at = 0;
    for (size_t p = 0; p < q->n_pillars; p++) {
        q->pillars[p].questions = &all[at];
        at += q->pillars[p].n_questions;
    }
    if (!rk_questionnaire_index(q))
        rk_q_oom(L);
}

/* Walk the whole document; errors are collected in L. */
static void load_root(QLoader *L, const RkNode *root)
{
    RkQuestionnaire *q = L->q;
    rk_q_check_keys(L, root, top_keys, N(top_keys), "the questionnaire");
    if (rk_q_string(L, root, "id", true, "the questionnaire", &q->id) && !rk_questionnaire_valid_id(q->id))
        rk_q_error(L, rk_node_get(root, "id"), "expected an id of lowercase letters, digits, "
                   "'_', '.' and '-' (starting with a letter or digit), found '%.60s'", q->id);
    rk_q_string(L, root, "version", true, "the questionnaire", &q->version);
    load_languages(L, root);
    rk_q_text(L, root, "title", true, "the questionnaire", &q->title);
    rk_q_text(L, root, "description", false, "the questionnaire", &q->description);
    load_rules(L, root);
    load_levels(L, root);
    load_lists(L, root);
    load_pillars(L, root);
    rk_q_retired(L, root);
    rk_q_check_versions(L);
    for (size_t i = 0; i < L->n_lists; i++)
        if (!L->lists[i].used)
            rk_q_warn(L, L->lists[i].key, "choice list '%s' is not used by any question",
                      L->lists[i].name);
    if (!L->oom)
        rk_q_check_expressions(L);
    if (L->errors == 0)
        finish(L);
}

/* Build the questionnaire from a parsed tree (taken over: freed with the
   questionnaire, or here on error). */
static RkStatus build(RkNodeTree *tree, const char *path, RkQuestionnaire **out, RkDiag *d)
{
    RkArena *arena = rk_arena_new();
    RkQuestionnaire *q = arena ? rk_arena_alloc(arena, sizeof *q) : NULL;
    if (!q || !tree->path) {
        rk_arena_free(arena);
        rk_node_tree_free(tree);
        return rk_diag_set(d, RK_EINTERNAL, path, 0, 0, "out of memory");
    }
    q->arena = arena;
    q->path = tree->path;
    q->source = tree;
    QLoader L = {.q = q, .arena = arena, .path = tree->path, .d = d};
    const RkNode *root = tree->root;
    if (!root || rk_node_is_null(root))
        rk_q_error_at(&L, 1, 1, "empty file: expected a questionnaire (a map with id, "
                      "version, title, levels and pillars)");
    else if (root->kind != RK_NODE_MAP)
        rk_q_error(&L, root, "expected the questionnaire to be a map of key: value (id, "
                   "version, title, levels, pillars), found %s",
                   root->kind == RK_NODE_SEQ ? "a list" : "a single value");
    else
        load_root(&L, root);
    rk_q_flush(&L);
    free(L.slots);
    free(L.qs);
    rk_strmap_free(&L.list_names);
    rk_strmap_free(&L.pillar_ids);
    rk_strmap_free(&L.retired_ids);
    free(L.exprs);
    rk_q_lua_close(&L);
    if (L.errors) {
        rk_node_tree_free(tree);
        rk_arena_free(arena);
        return d->status != RK_OK ? d->status : RK_EDATA;
    }
    *out = q;
    return RK_OK;
}

RkStatus rk_questionnaire_load(const char *path, RkQuestionnaire **out, RkDiag *d)
{
    *out = NULL;
    RkNodeTree *tree = NULL;
    RkStatus s = rk_node_load_file(path, &tree, d);
    return s != RK_OK ? s : build(tree, path, out, d);
}

RkStatus rk_questionnaire_parse(const char *data, size_t len, const char *display_path,
                                RkQuestionnaire **out, RkDiag *d)
{
    *out = NULL;
    RkNodeTree *tree = NULL;
    RkStatus s = rk_node_parse(data, len, display_path, &tree, d);
    return s != RK_OK ? s : build(tree, display_path, out, d);
}

void rk_questionnaire_free(RkQuestionnaire *q)
{
    if (!q)
        return;
    rk_node_tree_free(q->source);
    rk_arena_free(q->arena);
}
