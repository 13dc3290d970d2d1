/* rules_levels: level ids in rule files. rk.cap{level = "..."} with a
   literal string is checked against the questionnaire's levels (and
   `X.id == "..."` against its ids, with a warning) by reading
   the source (a small Lua lexer: names, strings, comments, brackets), so a
   misspelt level is found in every branch, taken or not; a level computed
   at run time is checked by rk.cap itself when it runs (rules_api.c). */
#include <stdio.h>
#include <string.h>

#include "readykit/suggest.h"
#include "rules_internal.h"

void rk_rules_levels_text(const RkRules *R, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < R->q->n_levels && used < size; i++) {
        int w = snprintf(buf + used, size - used, "%s%s", i ? ", " : "", R->q->levels[i].id);
        if (w < 0)
            break;
        used += (size_t)w;
    }
}

enum { T_EOF, T_NAME, T_STRING, T_OTHER };

typedef struct Lex {
    const char *p, *end;
    int line, col;         /* of p */
    int kind;              /* the token just read */
    const char *s;         /* its text (strings: the content) */
    size_t n;
    bool escaped;          /* a short string with a backslash */
    int tline, tcol;       /* where it starts */
} Lex;

static void adv(Lex *x, size_t k)
{
    for (; k && x->p < x->end; k--, x->p++) {
        if (*x->p == '\n') {
            x->line++;
            x->col = 1;
        } else if (((unsigned char)*x->p & 0xC0) != 0x80) {
            x->col++;
        }
    }
}

/* At "[" "="* "[": the level (count of =), else -1. */
static int long_open(const Lex *x)
{
    const char *q = x->p + 1;
    while (q < x->end && *q == '=')
        q++;
    return q < x->end && *x->p == '[' && *q == '[' ? (int)(q - x->p - 1) : -1;
}

/* Skip a long bracket of level lv; its content in s, n. */
static void long_body(Lex *x, int lv)
{
    adv(x, (size_t)lv + 2);
    if (x->p < x->end && *x->p == '\n')
        adv(x, 1);
    x->s = x->p;
    while (x->p < x->end) {
        if (*x->p == ']') {
            const char *q = x->p + 1;
            while (q < x->end && *q == '=')
                q++;
            if (q < x->end && *q == ']' && q - x->p - 1 == lv) {
                x->n = (size_t)(x->p - x->s);
                adv(x, (size_t)lv + 2);
                return;
            }
        }
        adv(x, 1);
    }
    x->n = (size_t)(x->p - x->s);
}

static bool name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || (unsigned char)c >= 0x80;
}

/* Read the next token (comments and blanks skipped). */
static void next(Lex *x)
{
    for (;;) {
        while (x->p < x->end && (*x->p == ' ' || *x->p == '\t' || *x->p == '\n' ||
                                 *x->p == '\r' || *x->p == '\f' || *x->p == '\v'))
            adv(x, 1);
        if (x->end - x->p >= 2 && x->p[0] == '-' && x->p[1] == '-') {
            adv(x, 2);
            int lv = x->p < x->end && *x->p == '[' ? long_open(x) : -1;
            if (lv >= 0)
                long_body(x, lv);
            else
                while (x->p < x->end && *x->p != '\n')
                    adv(x, 1);
            continue;
        }
        break;
    }
    x->tline = x->line;
    x->tcol = x->col;
    x->escaped = false;
    x->s = x->p;
    x->n = 0;
    if (x->p >= x->end) {
        x->kind = T_EOF;
        return;
    }
    char c = *x->p;
    int lv = c == '[' ? long_open(x) : -1;
    if (lv >= 0) {
        long_body(x, lv);
        x->kind = T_STRING;
    } else if (c == '"' || c == '\'') {
        adv(x, 1);
        x->s = x->p;
        while (x->p < x->end && *x->p != c && *x->p != '\n') {
            if (*x->p == '\\') {
                x->escaped = true;
                adv(x, 1);
            }
            adv(x, 1);
        }
        x->n = (size_t)(x->p - x->s);
        adv(x, 1);
        x->kind = T_STRING;
    } else if (name_char(c)) {
        while (x->p < x->end && name_char(*x->p))
            adv(x, 1);
        x->n = (size_t)(x->p - x->s);
        x->kind = T_NAME;
    } else {
        /* "==", "..", "~=" and the like are one token, unlike "=" and "." */
        static const char two[][3] = {"==", "~=", "<=", ">=", "..", "::", "//", "<<", ">>"};
        size_t k = 1;
        for (size_t i = 0; i < sizeof two / sizeof *two; i++)
            if (x->end - x->p >= 2 && memcmp(x->p, two[i], 2) == 0)
                k = 2;
        adv(x, k);
        x->n = k;
        x->kind = T_OTHER;
    }
}

static bool is(const Lex *x, int kind, const char *text)
{
    return x->kind == kind && x->n == strlen(text) && memcmp(x->s, text, x->n) == 0;
}

/* The string token just read, in buf (size 200); false when it has an
   escape (its text is not the value) or is too long to be an id. */
static bool token_text(const Lex *x, char buf[200])
{
    if (x->escaped || x->n >= 200)
        return false;
    memcpy(buf, x->s, x->n);
    buf[x->n] = '\0';
    return true;
}

/* Report lid at the token just read unless it is a level id. */
static void check_level(const Lex *x, RkRules *R, const char *file, RkDiag *d)
{
    char lid[200];
    if (!token_text(x, lid))
        return;
    for (size_t lv = 0; lv < R->q->n_levels; lv++)
        if (strcmp(R->q->levels[lv].id, lid) == 0)
            return;
    const char *s = rk_suggest(lid, R->lids, R->q->n_levels);
    char known[600];
    rk_rules_levels_text(R, known, sizeof known);
    rk_diag_add(d, RK_EDATA, file, x->tline, x->tcol,
                "rk.cap: unknown level '%s'%s%s%s; the levels of %s are %s", lid,
                s ? " (did you mean '" : "", s ? s : "", s ? "'?)" : "", R->q->id, known);
}

/* Inside rk.cap's table (just after its "{"): check level = "literal" at
   its own depth (state: 1 after `level`, 2 after `level =`). */
static void check_table(Lex *x, RkRules *R, const char *file, RkDiag *d)
{
    int depth = 1, state = 0;
    while (depth > 0) {
        next(x);
        if (x->kind == T_EOF)
            return;
        if (state == 2 && x->kind == T_STRING && depth == 1)
            check_level(x, R, file, d);
        state = depth == 1 && is(x, T_NAME, "level") ? 1
                : state == 1 && is(x, T_OTHER, "=") ? 2 : 0;
        if (is(x, T_OTHER, "{") || is(x, T_OTHER, "(") || is(x, T_OTHER, "["))
            depth++;
        else if (is(x, T_OTHER, "}") || is(x, T_OTHER, ")") || is(x, T_OTHER, "]"))
            depth--;
    }
}

static bool in_list(const char *const *ids, size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(ids[i], id) == 0)
            return true;
    return false;
}

/* After `X.id ==` (or ~=): the string just read should be a question,
   pillar or level id; another is a typo or an id of another questionnaire,
   and the comparison is never true. A warning: a rule file may serve
   several questionnaires. */
static void check_id(const Lex *x, RkRules *R, const char *file, RkDiag *d)
{
    char id[200];
    if (x->n == 0 || !token_text(x, id))
        return;
    const char *const *lists[] = {R->qids, R->pids, R->lids};
    size_t ns[] = {R->q->n_questions, R->q->n_pillars, R->q->n_levels};
    const char *s = NULL;
    for (size_t k = 0; k < 3; k++)
        if (in_list(lists[k], ns[k], id))
            return;
    for (size_t k = 0; k < 3 && !s; k++)
        s = rk_suggest(id, lists[k], ns[k]);
    rk_diag_warn(d, file, x->tline, x->tcol,
                 "'%s' is not a question, pillar or level id of %s%s%s%s: this comparison is "
                 "never true ('readykit show %s' lists the ids; a file for another "
                 "questionnaire starts with rk.requires)", id, R->q->id,
                 s ? " (did you mean '" : "", s ? s : "", s ? "'?)" : "", R->q->id);
}

/* rk.answer("..."), rk.get("..."), rk.question("..."): a question id, in
   every branch (the dry runs reach only some). A warning: the call itself
   stops with an error when it runs. */
static void check_question(const Lex *x, RkRules *R, const char *file, RkDiag *d)
{
    char id[200];
    if (!token_text(x, id))
        return;
    if (in_list(R->qids, R->q->n_questions, id))
        return;
    const char *s = rk_suggest(id, R->qids, R->q->n_questions);
    rk_diag_warn(d, file, x->tline, x->tcol,
                 "'%s' is not a question of %s%s%s%s: the call stops the scoring when it "
                 "runs ('readykit show %s' lists the ids)", id, R->q->id,
                 s ? " (did you mean '" : "", s ? s : "", s ? "'?)" : "", R->q->id);
}

void rk_rules_scan_caps(RkRules *R, const char *file, const char *text, size_t len, RkDiag *d)
{
    Lex x = {.p = text, .end = text + len, .line = 1, .col = 1};
    if (len >= 1 && text[0] == '#') /* a #! line */
        while (x.p < x.end && *x.p != '\n')
            adv(&x, 1);
    next(&x);
    bool dot = false; /* the token before was "." */
    while (x.kind != T_EOF) {
        if (dot && is(&x, T_NAME, "id")) {
            dot = false;
            next(&x);
            if (is(&x, T_OTHER, "==") || is(&x, T_OTHER, "~=")) {
                next(&x);
                if (x.kind == T_STRING)
                    check_id(&x, R, file, d);
            }
            continue;
        }
        if (!is(&x, T_NAME, "rk")) {
            dot = is(&x, T_OTHER, ".");
            next(&x);
            continue;
        }
        dot = false;
        next(&x);
        if (!is(&x, T_OTHER, "."))
            continue;
        next(&x);
        if (is(&x, T_NAME, "answer") || is(&x, T_NAME, "get") || is(&x, T_NAME, "question")) {
            next(&x);
            if (is(&x, T_OTHER, "(")) {
                next(&x);
                if (x.kind == T_STRING)
                    check_question(&x, R, file, d);
            }
            continue;
        }
        if (!is(&x, T_NAME, "cap"))
            continue;
        next(&x);
        if (is(&x, T_OTHER, "("))
            next(&x);
        if (is(&x, T_OTHER, "{"))
            check_table(&x, R, file, d);
        next(&x);
    }
}
