/* batch: the engine cache (one questionnaire and rules engine per
   questionnaire file, however many answers files name it) and the scoring
   of one answers file. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "readykit/batch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "readykit/locate.h"
#include "readykit/node.h"

typedef struct Loaded {
    char *path;          /* the real path: the same file reached two ways is one */
    RkQuestionnaire *q;
    RkRules *rules;
    RkDiag *fail;        /* why it did not load (q and rules NULL), given
                            again for every later answers file: a rule file's
                            error is compiled and found once per batch */
} Loaded;

struct RkEngines {
    const char *questionnaire;
    const RkRulesOptions *rules;
    const char *lang;
    Loaded *items;
    size_t n, cap;
    char *last_path;     /* the path of the last look-up, as given, and its */
    size_t last;         /* entry: most batches name one questionnaire, and
                            realpath costs system calls */
};

RkStatus rk_engines_new(const char *questionnaire, const RkRulesOptions *rules,
                        const char *lang, RkEngines **out, RkDiag *d)
{
    *out = calloc(1, sizeof **out);
    if (!*out)
        return rk_diag_set(d, RK_EINTERNAL, NULL, 0, 0, "out of memory");
    (*out)->questionnaire = questionnaire;
    (*out)->rules = rules;
    (*out)->lang = lang;
    return RK_OK;
}

bool rk_engines_dead(const RkEngines *e)
{
    for (size_t i = 0; e && i < e->n; i++)
        if (e->items[i].rules && rk_rules_dead(e->items[i].rules))
            return true;
    return false;
}

void rk_engines_free(RkEngines *e)
{
    if (!e)
        return;
    for (size_t i = 0; i < e->n; i++) {
        rk_rules_free(e->items[i].rules);
        rk_questionnaire_free(e->items[i].q);
        free(e->items[i].path);
        free(e->items[i].fail);
    }
    free(e->items);
    free(e->last_path);
    free(e);
}

/* Load a questionnaire and its engine into a new slot of the cache; when
   it does not load, the slot keeps the error (without its warnings). */
static RkStatus load_new(RkEngines *e, const char *path, const char *key, Loaded **out,
                         RkDiag *d)
{
    if (e->n == e->cap) {
        size_t cap = e->cap ? 2 * e->cap : 4;
        Loaded *p = realloc(e->items, cap * sizeof *p);
        if (!p)
            return rk_diag_set(d, RK_EINTERNAL, path, 0, 0, "out of memory");
        e->items = p;
        e->cap = cap;
    }
    Loaded l = {strdup(key), NULL, NULL, NULL};
    if (!l.path)
        return rk_diag_set(d, RK_EINTERNAL, path, 0, 0, "out of memory");
    RkStatus s = rk_questionnaire_load(path, &l.q, d);
    if (s == RK_OK && e->lang && !rk_questionnaire_speaks(l.q, e->lang))
        rk_diag_warn(d, path, 0, 0, "--lang %s: this questionnaire is not written in '%s'; "
                     "using '%s'", e->lang, e->lang, rk_questionnaire_lang(l.q, e->lang));
    if (s == RK_OK)
        s = rk_rules_new(l.q, e->rules, &l.rules, d);
    if (s != RK_OK) {
        rk_questionnaire_free(l.q);
        l.q = NULL;
        if (s == RK_EINTERNAL || !(l.fail = malloc(sizeof *l.fail))) {
            free(l.path);
            return s;
        }
        *l.fail = *d;
        l.fail->warnings[0] = '\0';
        l.fail->n_warnings = 0;
    }
    e->items[e->n] = l;
    *out = &e->items[e->n++];
    return s;
}

/* The error of an entry that did not load, given again in d. */
static RkStatus replay(const RkDiag *f, RkDiag *d)
{
    RkStatus s = rk_diag_set(d, f->status, f->file[0] ? f->file : NULL, f->line, f->column,
                             "%s", f->message);
    if (d->n_more == 0) {
        memcpy(d->more, f->more, sizeof d->more);
        d->n_more = f->n_more;
    }
    return s;
}

/* The cache entry for path, loading it the first time. */
static RkStatus lookup(RkEngines *e, const char *path, Loaded **out, RkDiag *d)
{
    *out = NULL;
    if (e->last_path && strcmp(e->last_path, path) == 0) {
        *out = &e->items[e->last];
        return (*out)->fail ? replay((*out)->fail, d) : RK_OK;
    }
    char *real = realpath(path, NULL);
    const char *key = real ? real : path;
    RkStatus s = RK_OK;
    size_t i = 0;
    while (i < e->n && strcmp(e->items[i].path, key) != 0)
        i++;
    if (i < e->n) {
        *out = &e->items[i];
        s = (*out)->fail ? replay((*out)->fail, d) : RK_OK;
    } else {
        s = load_new(e, path, key, out, d);
    }
    free(real);
    if (*out) { /* loaded, or known not to load */
        free(e->last_path);
        e->last_path = strdup(path);
        e->last = (size_t)(*out - e->items);
    }
    return s;
}

RkStatus rk_engines_load(RkEngines *e, const char *path, const RkQuestionnaire **q, RkDiag *d)
{
    Loaded *l;
    RkStatus s = lookup(e, path, &l, d);
    *q = s == RK_OK ? l->q : NULL;
    return s;
}

RkRules *rk_engines_rules(RkEngines *e, const RkQuestionnaire *q)
{
    for (size_t i = 0; i < e->n; i++)
        if (e->items[i].q == q)
            return e->items[i].rules;
    return NULL;
}

/* Add context at the end of the recorded error's first line (before any
   traceback), if it fits. */
static void append_message(RkDiag *d, const char *fmt, const char *arg)
{
    char extra[600], rest[sizeof d->message];
    snprintf(extra, sizeof extra, fmt, arg);
    char *nl = strchr(d->message, '\n');
    size_t head = nl ? (size_t)(nl - d->message) : strlen(d->message);
    if (strlen(d->message) + strlen(extra) >= sizeof d->message)
        return;
    snprintf(rest, sizeof rest, "%s", d->message + head);
    snprintf(d->message + head, sizeof d->message - head, "%s%s", extra, rest);
}

RkStatus rk_engines_score(RkEngines *e, const char *file, RkScored *out, RkDiag *d)
{
    memset(out, 0, sizeof *out);
    RkNodeTree *tree;
    RkStatus s = rk_node_load_file(file, &tree, d);
    if (s != RK_OK)
        return s;
    char qpath[4096], id[256];
    const char *path = e->questionnaire;
    if (!path) {
        s = rk_answers_peek_tree(tree, id, sizeof id, d);
        if (s == RK_OK)
            s = rk_locate_questionnaire(id, file, qpath, sizeof qpath, d);
        path = qpath;
    }
    Loaded *l = NULL;
    if (s == RK_OK)
        s = lookup(e, path, &l, d);
    if (s == RK_OK)
        s = rk_answers_from_tree(tree, l->q, &out->answers, d);
    rk_node_tree_free(tree);
    if (s != RK_OK)
        return s;
    out->q = l->q;
    out->rules = l->rules;
    out->lang = rk_questionnaire_lang(l->q, e->lang ? e->lang : out->answers->language);
    s = rk_rules_check_answers(l->rules, out->answers, d);
    if (s == RK_OK) {
        s = rk_rules_score(l->rules, out->answers, &out->result, d);
        /* A rule error names the rule file; say which answers file too
           (unless it does already: "x has no answer in FILE;"). */
        char named[600];
        snprintf(named, sizeof named, " has no answer in %s;", file);
        if (s != RK_OK && strcmp(d->file, file) != 0 && !strstr(d->message, named))
            append_message(d, " [answers %s]", file);
    }
    if (s != RK_OK)
        rk_scored_free(out);
    return s;
}

void rk_scored_free(RkScored *s)
{
    rk_result_free(s->result);
    rk_answers_free(s->answers);
    memset(s, 0, sizeof *s);
}

/* Each line of lines with the program's prefix; indented continuation lines
   (a traceback) as they are. */
static void prefixed(RkBuf *text, const char *lines)
{
    for (const char *p = lines; *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        if (p[0] != ' ' && p[0] != '\t')
            rk_buf_puts(text, "readykit: ");
        rk_buf_add(text, p, n);
        rk_buf_puts(text, "\n");
        p += n + (nl != NULL);
    }
}

void rk_batch_diag_text(RkBuf *text, const RkDiag *d)
{
    prefixed(text, d->warnings);
    if (d->status == RK_OK)
        return;
    char buf[2048];
    prefixed(text, rk_diag_format(d, buf, sizeof buf));
    prefixed(text, d->more);
}
