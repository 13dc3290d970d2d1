/* text: RkText, a plain string or one string per language: reading it, and
   loading it from the YAML tree (questionnaire loader). */
#include <stdio.h>
#include <string.h>

#include "questionnaire_int.h"
#include "readykit/suggest.h"

/* The string for lang; else for fallback; else the first one; else "". A
   plain string (language "") serves every language. */
const char *rk_text_get(const RkText *t, const char *lang, const char *fallback)
{
    if (!t || t->count == 0)
        return "";
    const char *want[2] = {lang, fallback};
    for (size_t w = 0; w < 2; w++) {
        if (!want[w])
            continue;
        for (size_t i = 0; i < t->count; i++)
            if (strcmp(t->langs[i], want[w]) == 0)
                return t->values[i];
    }
    return t->values[0] ? t->values[0] : "";
}

bool rk_text_empty(const RkText *t)
{
    if (!t)
        return true;
    for (size_t i = 0; i < t->count; i++)
        if (t->values[i] && t->values[i][0])
            return false;
    return true;
}

/* A text node: a scalar (plain string for every language) or a map of
   declared language -> string. A declared language left out is a warning. */
bool rk_q_text_node(QLoader *L, const RkNode *n, const char *what, RkText *out)
{
    RkQuestionnaire *q = L->q;
    char f[96];
    if (n->kind == RK_NODE_SCALAR) {
        out->count = 1;
        out->langs = rk_arena_array(L->arena, 1, sizeof *out->langs);
        out->values = rk_arena_array(L->arena, 1, sizeof *out->values);
        if (!out->langs || !out->values) {
            rk_q_oom(L);
            return false;
        }
        out->langs[0] = "";
        out->values[0] = n->text;
        return true;
    }
    if (n->kind != RK_NODE_MAP || n->count == 0) {
        rk_q_error(L, n, "expected a text for %s (a string, or a map of language: string), "
                   "found %s", what, n->kind == RK_NODE_SEQ ? "a list" : "an empty map");
        return false;
    }
    const char **langs = rk_arena_array(L->arena, n->count, sizeof *langs);
    const char **values = rk_arena_array(L->arena, n->count, sizeof *values);
    if (!langs || !values) {
        rk_q_oom(L);
        return false;
    }
    size_t k = 0;
    bool ok = true;
    for (size_t i = 0; i < n->count; i++) {
        const RkNode *key = n->pairs[i].key, *v = n->pairs[i].value;
        size_t l = 0;
        while (l < q->n_languages && strcmp(q->languages[l], key->text) != 0)
            l++;
        if (l == q->n_languages) {
            ok = false;
            /* One language left out of `languages` would give an error per
               text: name the first, count the rest (see rk_q_flush). */
            if (L->undeclared && strcmp(L->undeclared->text, key->text) == 0) {
                L->undeclared_more++;
                continue;
            }
            const char *near = rk_suggest(key->text, q->languages, q->n_languages);
            rk_q_error(L, key, "language '%.40s' in %s is not declared in 'languages'%s%s%s",
                       key->text, what, near ? " (did you mean '" : "", near ? near : "",
                       near ? "'?)" : "; add it to 'languages' at the top of the file");
            if (!L->undeclared)
                L->undeclared = key;
            continue;
        }
        if (v->kind != RK_NODE_SCALAR || rk_node_is_null(v)) {
            rk_q_error(L, v, "expected a string for language '%s' of %s, found %s",
                       key->text, what, rk_q_found(v, f, sizeof f));
            ok = false;
            continue;
        }
        langs[k] = q->languages[l];
        values[k++] = v->text;
    }
    if (!ok)
        return false;
    for (size_t l = 0; l < q->n_languages; l++) {
        size_t i = 0;
        while (i < k && langs[i] != q->languages[l])
            i++;
        if (i == k && ++L->missing_translations <= RK_Q_MAX_TRANSLATION_WARNINGS)
            rk_q_warn(L, n, "%s has no '%s' translation", what, q->languages[l]);
    }
    out->count = k;
    out->langs = langs;
    out->values = values;
    return true;
}

bool rk_q_text(QLoader *L, const RkNode *map, const char *key, bool required,
               const char *where, RkText *out)
{
    const RkNode *v = rk_node_get(map, key);
    if (rk_q_missing(L, map, key, v, required, where))
        return false;
    char what[160];
    snprintf(what, sizeof what, "'%s' of %s", key, where);
    return rk_q_text_node(L, v, what, out);
}
