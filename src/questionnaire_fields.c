/*
 * questionnaire_fields: the loader's small readers. Each reads one field of a
 * YAML map, and when the field is there but wrong reports an error at the
 * field's value saying what was expected and what was found, then lets the
 * loader go on, so every error of a file comes out in one run.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "questionnaire_int.h"
#include "readykit/suggest.h"

#define MAX_KEYS 40

#define MAX_ERRORS 500

/* Format and keep one error, to be sorted by position at the end. */
static void add(QLoader *L, int line, int column, const char *fmt, va_list ap)
{
    char msg[1024];
    vsnprintf(msg, sizeof msg, fmt, ap);
    L->errors++;
    if (L->n_errs == MAX_ERRORS)
        return;
    if (L->n_errs == L->cap_errs) {
        size_t nc = L->cap_errs ? L->cap_errs * 2 : 16;
        QErr *v = realloc(L->errs, nc * sizeof *v);
        if (!v)
            goto direct;
        L->errs = v;
        L->cap_errs = nc;
    }
    char *copy = strdup(msg);
    if (!copy)
        goto direct;
    L->errs[L->n_errs] = (QErr){line, column, L->n_errs, copy};
    L->n_errs++;
    return;
direct:
    rk_diag_add(L->d, RK_EDATA, L->path, line, column, "%s", msg);
}

static int cmp_err(const void *x, const void *y)
{
    const QErr *a = x, *b = y;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->column != b->column)
        return a->column < b->column ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void rk_q_flush(QLoader *L)
{
    if (L->missing_translations > RK_Q_MAX_TRANSLATION_WARNINGS)
        rk_diag_warn(L->d, L->path, 0, 0, "%zu more texts lack a translation (only the first "
                     "%d are listed)", L->missing_translations - RK_Q_MAX_TRANSLATION_WARNINGS,
                     RK_Q_MAX_TRANSLATION_WARNINGS);
    if (L->undeclared_more)
        rk_q_error(L, L->undeclared, "language '%.40s' is in %zu more texts too (not listed); "
                   "declaring it in 'languages' fixes them all", L->undeclared->text,
                   L->undeclared_more);
    if (L->n_errs)
        qsort(L->errs, L->n_errs, sizeof *L->errs, cmp_err);
    for (size_t i = 0; i < L->n_errs; i++) {
        rk_diag_add(L->d, RK_EDATA, L->path, L->errs[i].line, L->errs[i].column, "%s",
                    L->errs[i].msg);
        free(L->errs[i].msg);
    }
    if (L->n_errs == MAX_ERRORS && L->errors > L->n_errs)
        rk_diag_add(L->d, RK_EDATA, L->path, 0, 0, "(%zu more errors left out)",
                    L->errors - L->n_errs);
    free(L->errs);
    L->errs = NULL;
    L->n_errs = L->cap_errs = 0;
}

void rk_q_error(QLoader *L, const RkNode *at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add(L, at ? at->line : 0, at ? at->column : 0, fmt, ap);
    va_end(ap);
}

void rk_q_error_at(QLoader *L, int line, int column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add(L, line, column, fmt, ap);
    va_end(ap);
}

void rk_q_warn(QLoader *L, const RkNode *at, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    rk_diag_warn(L->d, L->path, at ? at->line : 0, at ? at->column : 0, "%s", msg);
}

void rk_q_oom(QLoader *L)
{
    if (!L->oom)
        rk_diag_add(L->d, RK_EINTERNAL, L->path, 0, 0, "out of memory");
    L->oom = true;
    L->errors++;
}

const char *rk_q_found(const RkNode *n, char *buf, size_t size)
{
    if (rk_node_is_null(n))
        snprintf(buf, size, "nothing");
    else if (n->kind != RK_NODE_SCALAR)
        snprintf(buf, size, "%s", n->kind == RK_NODE_SEQ ? "a list" : "a map");
    else
        snprintf(buf, size, "'%.60s%s'", n->text, n->len > 60 ? "..." : "");
    return buf;
}

const RkNode *rk_q_key_node(const RkNode *map, const char *key)
{
    if (!map || map->kind != RK_NODE_MAP)
        return NULL;
    for (size_t i = 0; i < map->count; i++)
        if (strcmp(map->pairs[i].key->text, key) == 0)
            return map->pairs[i].key;
    return NULL;
}

/* What other survey formats (XLSForm, SurveyJS, LimeSurvey) call our keys,
   so that their authors get the right "did you mean". */
static const char *const synonyms[][2] = {
    {"hint", "help"}, {"guidance", "help"}, {"description", "help"},
    {"relevant", "when"}, {"relevance", "when"}, {"visibleIf", "when"},
    {"visible_if", "when"}, {"condition", "when"}, {"show_if", "when"},
    {"constraint", "checks"}, {"validators", "checks"}, {"validation", "checks"},
    {"constraint_message", "checks"}, {"isRequired", "required"}, {"mandatory", "required"},
    {"label", "text"}, {"question", "text"}, {"title", "text"}, {"name", "id"},
    {"options", "choices"}, {"answers", "choices"}, {"list_name", "choices"},
    {"score", "points"}, {"value", "points"}, {"default_value", "default"},
    {"defaultValue", "default"}, {"maximum", "max"}, {"minimum", "min"},
    {"sections", "pillars"}, {"groups", "pillars"}, {"pages", "pillars"},
    {"elements", "questions"}, {"items", "questions"}, {"lang", "languages"},
    {"default_language", "languages"}, {"thresholds", "levels"}, {"label", "name"},
    {"threshold", "min"}, {"text", "label"}, {"lists", "choice_lists"},
    {"choices", "choice_lists"}};

/* The key our format uses for word in other formats, if it is allowed here. */
static const char *synonym(const char *word, const char *const *allowed, size_t n)
{
    for (size_t i = 0; i < sizeof synonyms / sizeof synonyms[0]; i++) {
        if (strcmp(word, synonyms[i][0]) != 0)
            continue;
        for (size_t j = 0; j < n; j++)
            if (strcmp(allowed[j], synonyms[i][1]) == 0)
                return allowed[j];
    }
    return NULL;
}

/* Every key of map must be one of allowed; a near miss gets "did you mean". */
void rk_q_check_keys(QLoader *L, const RkNode *map, const char *const *allowed,
                     size_t n, const char *where)
{
    for (size_t i = 0; i < map->count; i++) {
        const RkNode *k = map->pairs[i].key;
        bool known = false;
        for (size_t j = 0; j < n && !known; j++)
            known = strcmp(k->text, allowed[j]) == 0 && strlen(allowed[j]) == k->len;
        if (known)
            continue;
        const char *near = synonym(k->text, allowed, n);
        if (!near)
            near = rk_suggest(k->text, allowed, n);
        if (near) {
            rk_q_error(L, k, "unknown key '%.60s' in %s (did you mean '%s'?)", k->text,
                       where, near);
            continue;
        }
        char list[512] = "";
        for (size_t j = 0; j < n && j < MAX_KEYS; j++) {
            strncat(list, j ? ", " : "", sizeof list - strlen(list) - 1);
            strncat(list, allowed[j], sizeof list - strlen(list) - 1);
        }
        rk_q_error(L, k, "unknown key '%.60s' in %s; expected one of: %s", k->text, where,
                   list);
    }
}

bool rk_q_map(QLoader *L, const RkNode *n, const char *what)
{
    if (n && n->kind == RK_NODE_MAP)
        return true;
    char f[96];
    rk_q_error(L, n, "expected %s, found %s", what,
               rk_q_found(n, f, sizeof f));
    return false;
}

bool rk_q_missing(QLoader *L, const RkNode *map, const char *key, const RkNode *v,
                    bool required, const char *where)
{
    if (v && !rk_node_is_null(v) && !(v->kind == RK_NODE_SCALAR && v->len == 0))
        return false;
    if (!required)
        return true;
    if (!v)
        rk_q_error(L, map, "missing required key '%s' in %s", key, where);
    else
        rk_q_error(L, v, "'%s' in %s is empty; a value is required", key, where);
    return true;
}

bool rk_q_string(QLoader *L, const RkNode *map, const char *key, bool required,
                 const char *where, const char **out)
{
    const RkNode *v = rk_node_get(map, key);
    if (rk_q_missing(L, map, key, v, required, where))
        return false;
    if (v->kind != RK_NODE_SCALAR) {
        rk_q_error(L, v, "expected a string for '%s' in %s, found %s", key, where,
                   v->kind == RK_NODE_SEQ ? "a list" : "a map");
        return false;
    }
    *out = v->text;
    return true;
}

bool rk_q_number(QLoader *L, const RkNode *map, const char *key, const char *where,
                 double *out)
{
    const RkNode *v = rk_node_get(map, key);
    if (!v)
        return false;
    if (rk_node_number(v, out))
        return true;
    char f[96];
    rk_q_error(L, v, "expected a number for '%s' in %s, found %s", key, where,
               rk_q_found(v, f, sizeof f));
    return false;
}

bool rk_q_bool(QLoader *L, const RkNode *map, const char *key, const char *where, bool *out)
{
    const RkNode *v = rk_node_get(map, key);
    if (!v)
        return false;
    if (rk_node_bool(v, out))
        return true;
    char f[96];
    rk_q_error(L, v, "expected true or false for '%s' in %s, found %s", key, where,
               rk_q_found(v, f, sizeof f));
    return false;
}

bool rk_q_lua_identifier(const char *s)
{
    static const char *const keywords[] = {
        "and", "break", "do", "else", "elseif", "end", "false", "for", "function",
        "goto", "if", "in", "local", "nil", "not", "or", "repeat", "return", "then",
        "true", "until", "while"};
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_'))
        return false;
    for (const char *p = s + 1; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '_' ||
              (*p >= '0' && *p <= '9')))
            return false;
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
        if (strcmp(s, keywords[i]) == 0)
            return false;
    return true;
}

static size_t hash(const char *s)
{
    size_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* Linear probing over L->slots (a power of two, at most half full). */
long rk_q_id_find(const QLoader *L, const char *id)
{
    if (!L->n_slots)
        return -1;
    for (size_t i = hash(id) & (L->n_slots - 1);; i = (i + 1) & (L->n_slots - 1)) {
        size_t v = L->slots[i];
        if (!v)
            return -1;
        if (strcmp(L->qs[v - 1]->id, id) == 0)
            return (long)(v - 1);
    }
}

/* Register qn (already appended to L->qs) under its id. */
bool rk_q_id_add(QLoader *L, RkQuestion *qn)
{
    if ((L->n_ids + 1) * 2 > L->n_slots) {
        size_t ns = L->n_slots ? L->n_slots * 2 : 64;
        size_t *slots = calloc(ns, sizeof *slots);
        if (!slots) {
            rk_q_oom(L);
            return false;
        }
        for (size_t i = 0; i < L->n_slots; i++) {
            size_t v = L->slots[i];
            if (!v)
                continue;
            size_t j = hash(L->qs[v - 1]->id) & (ns - 1);
            while (slots[j])
                j = (j + 1) & (ns - 1);
            slots[j] = v;
        }
        free(L->slots);
        L->slots = slots;
        L->n_slots = ns;
    }
    size_t j = hash(qn->id) & (L->n_slots - 1);
    while (L->slots[j])
        j = (j + 1) & (L->n_slots - 1);
    L->slots[j] = qn->index + 1;
    L->n_ids++;
    return true;
}
