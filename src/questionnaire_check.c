/*
 * questionnaire_check: the second pass over the Lua expressions of a
 * questionnaire (`when` and `checks`). Each is compiled, never run, in a bare
 * Lua state as "return (EXPR)", and Lua's syntax error is mapped back to the
 * expression's place in the YAML file. Then the questions it names
 * (answer.x, answer["x"], selected('x', ...), answered('x'), dont_know('x'),
 * count_selected('x')) must exist, and for `when` come earlier.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>

#include "questionnaire_int.h"
#include "readykit/suggest.h"

/* One expression being checked. */
typedef struct Expr {
    const char *text;
    const RkNode *node;    /* its scalar, or NULL when not known */
    int line, column;
    const char *what;      /* "'when' of question 'x'" */
    long self;             /* index of its question */
    bool earlier_only;     /* `when`: only earlier questions */
    size_t key_len;        /* strlen("when") or strlen("check") */
    const char **ids;      /* every question id, for "did you mean" */
} Expr;

void rk_q_lua_close(QLoader *L)
{
    if (L->lua)
        lua_close(L->lua);
    L->lua = NULL;
}

/* Compile e as an expression; report Lua's syntax error at its YAML line. */
static void compile(QLoader *L, const Expr *e)
{
    if (!L->lua && !(L->lua = luaL_newstate()))
        return rk_q_oom(L);
    lua_State *S = L->lua;
    size_t n = strlen(e->text);
    char *buf = malloc(n + 16);
    if (!buf)
        return rk_q_oom(L);
    memcpy(buf, "return (", 8);
    memcpy(buf + 8, e->text, n);
    memcpy(buf + 8 + n, "\n)", 2);
    int rc = luaL_loadbufferx(S, buf, n + 10, "=expr", "t");
    free(buf);
    if (rc == LUA_OK) {
        lua_pop(S, 1); /* -- */
        return;
    }
    if (rc == LUA_ERRMEM) {
        lua_pop(S, 1);
        return rk_q_oom(L);
    }
    const char *msg = lua_tostring(S, -1); /* "expr:LINE: message" */
    int lualine = 1;
    if (msg && strncmp(msg, "expr:", 5) == 0) {
        lualine = atoi(msg + 5);
        const char *colon = strchr(msg + 5, ':');
        msg = colon ? colon + 1 : msg;
        while (*msg == ' ')
            msg++;
    }
    /* A text with newlines comes from a block scalar (| or >), whose first
       line is the one after the key; plain and quoted scalars are folded. */
    int lines = 1;
    for (const char *p = e->text; *p; p++)
        lines += *p == '\n' && p[1];
    if (lualine < 1)
        lualine = 1;
    if (lualine > lines)
        lualine = lines;
    if (strchr(e->text, '\n'))
        rk_q_error_at(L, e->line + lualine, e->column, "%s is not a valid Lua expression: %s",
                      e->what, msg ? msg : "syntax error");
    else
        rk_q_error_at(L, e->line, e->column, "%s is not a valid Lua expression: %s",
                      e->what, msg ? msg : "syntax error");
    lua_pop(S, 1); /* -- */
}

void rk_q_expr_node(QLoader *L, const RkNode *n)
{
    if (L->n_exprs == L->cap_exprs) {
        size_t nc = L->cap_exprs ? L->cap_exprs * 2 : 64;
        const RkNode **v = realloc(L->exprs, nc * sizeof *v);
        if (!v)
            return; /* positions fall back to the expression's start */
        L->exprs = v;
        L->cap_exprs = nc;
    }
    L->exprs[L->n_exprs++] = n;
}

/* The node whose text is text (expressions are met in the order recorded). */
static const RkNode *expr_node(QLoader *L, const char *text)
{
    for (size_t k = 0; k < L->n_exprs; k++) {
        size_t i = (L->expr_cursor + k) % L->n_exprs;
        if (L->exprs[i]->text == text) {
            L->expr_cursor = i + 1;
            return L->exprs[i];
        }
    }
    return NULL;
}

/* The file position of byte at of e's text: exact on a single-line plain or
   quoted scalar (quoted: without escapes); in a block scalar, the line. */
static void position(const Expr *e, const char *at, int *line, int *col)
{
    *line = e->line;
    *col = e->column;
    if (!e->node)
        return;
    if (strchr(e->text, '\n')) {
        /* Block content starts below the | and is (as editors indent it)
           two columns right of the key, which sits left of ": |". */
        const char *bol = e->text;
        for (const char *p = e->text; p < at; p++)
            if (*p == '\n') {
                (*line)++;
                bol = p + 1;
            }
        *line += 1;
        int key = e->column - (int)e->key_len - 2;
        if (key >= 1)
            *col = key + 2;
        for (const char *p = bol; p < at; p++)
            *col += ((unsigned char)*p & 0xC0) != 0x80;
        return;
    }
    *col += e->node->plain ? 0 : 1;
    for (const char *p = e->text; p < at; p++)
        *col += ((unsigned char)*p & 0xC0) != 0x80;
}

static void err_at(QLoader *L, const Expr *e, const char *at, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Report an error at byte at of the expression. */
static void err_at(QLoader *L, const Expr *e, const char *at, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    int line, col;
    position(e, at, &line, &col);
    rk_q_error_at(L, line, col, "%s", msg);
}

/* The question named id (bytes [s, s+n)) must exist (and come earlier).
   Returns its index, or -1. */
static long reference(QLoader *L, const Expr *e, const char *s, size_t n)
{
    char id[128];
    if (n == 0 || n >= sizeof id)
        return -1;
    memcpy(id, s, n);
    id[n] = '\0';
    long i = rk_q_id_find(L, id);
    if (i < 0) {
        const char *near = rk_suggest(id, e->ids, L->n_qs);
        err_at(L, e, s, "%s refers to unknown question '%s'%s%s%s", e->what, id,
               near ? " (did you mean '" : "", near ? near : "", near ? "'?)" : "");
    } else if (e->earlier_only && i == e->self) {
        err_at(L, e, s, "%s refers to its own question '%s'; a 'when' can only use answers "
               "to earlier questions", e->what, id);
    } else if (e->earlier_only && i > e->self) {
        err_at(L, e, s, "%s refers to question '%s', which comes later (line %d); a 'when' "
               "can only use answers to earlier questions", e->what, id, L->qs[i]->line);
    }
    return i;
}

/* A string compared with answer.ID, or passed to selected('ID', ...), must
   be something that answer can be: one of ID's choices. */
static void choice_value(QLoader *L, const Expr *e, long i, const char *s, size_t n,
                         bool helper)
{
    const RkQuestion *qn = L->qs[i];
    char v[128];
    if (n >= sizeof v || (qn->type == RK_Q_TEXT && !helper))
        return;
    memcpy(v, s, n);
    v[n] = '\0';
    if (strcmp(v, "dont_know") == 0) {
        err_at(L, e, s, "%s: an answer of \"don't know\" is nil in expressions; use "
               "dont_know('%s')", e->what, qn->id);
    } else if (qn->type == RK_Q_NUMBER) {
        err_at(L, e, s, "%s: '%s' is a number question, whose answer is a number, never "
               "the string '%s'", e->what, qn->id, v);
    } else if (qn->type == RK_Q_MULTI && !helper) {
        err_at(L, e, s, "%s: the answer to multi question '%s' is a list; use "
               "selected('%s', '%s')", e->what, qn->id, qn->id, v);
    } else if (qn->type == RK_Q_TEXT) {
        err_at(L, e, s, "%s: selected() needs a question with choices; '%s' is a text "
               "question", e->what, qn->id);
    } else if (qn->choices && !rk_question_find_choice(qn, v)) {
        const char *names[64];
        char list[300] = "";
        size_t k = 0;
        for (; k < qn->n_choices && k < 64; k++) {
            names[k] = qn->choices[k].value;
            if (strlen(list) < 240) {
                strcat(list, k ? ", " : "");
                strncat(list, qn->choices[k].value, 40);
            }
        }
        const char *near = rk_suggest(v, names, k);
        err_at(L, e, s, "%s: question '%s' has no choice '%s'%s%s%s; its choices are: %s",
               e->what, qn->id, v, near ? " (did you mean '" : "", near ? near : "",
               near ? "'?)" : "", list);
    }
}

/* Skip a string literal starting at p (a quote); returns the end; the
   content is [*start, *start + *len) when it has no escapes. */
static const char *skip_string(const char *p, const char **start, size_t *len)
{
    char q = *p++;
    *start = p;
    bool escaped = false;
    while (*p && *p != q && *p != '\n') {
        if (*p == '\\') {
            escaped = true;
            if (p[1])
                p++;
        }
        p++;
    }
    *len = escaped ? 0 : (size_t)(p - *start);
    return *p == q ? p + 1 : p;
}

/* Skip a long bracket [[...]] / [==[...]==] at p; NULL when p is not one. */
static const char *skip_long(const char *p)
{
    if (*p != '[')
        return NULL;
    size_t level = 0;
    const char *s = p + 1;
    while (*s == '=')
        s++, level++;
    if (*s != '[')
        return NULL;
    for (s++; *s; s++)
        if (*s == ']' && strspn(s + 1, "=") == level && s[1 + level] == ']')
            return s + 2 + level;
    return s;
}

static bool ident_start(char c) { return isalpha((unsigned char)c) || c == '_'; }
static bool ident_char(char c) { return isalnum((unsigned char)c) || c == '_'; }

static const char *spaces(const char *p)
{
    while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
        p++;
    return p;
}

/* Find the questions an expression names, outside strings and comments. */
static void scan(QLoader *L, const Expr *e)
{
    static const char *const helpers[] = {"selected", "answered", "dont_know", "count_selected"};
    const char *p = e->text;
    char prev = ' ';
    while (*p) {
        const char *s, *end;
        size_t n;
        if (*p == '-' && p[1] == '-') {
            end = skip_long(p + 2);
            p = end ? end : p + strcspn(p, "\n");
        } else if (*p == '"' || *p == '\'') {
            p = skip_string(p, &s, &n);
        } else if (*p == '[' && (end = skip_long(p))) {
            p = end;
        } else if (ident_start(*p) && prev != '.' && prev != ':' && !ident_char(prev)) {
            const char *w = p;
            while (ident_char(*p))
                p++;
            size_t wl = (size_t)(p - w);
            const char *q = spaces(p);
            long i = -1;
            if (wl == 6 && memcmp(w, "answer", 6) == 0) {
                if (*q == '.') {
                    q = spaces(q + 1);
                    s = q;
                    while (ident_char(*q))
                        q++;
                    i = reference(L, e, s, (size_t)(q - s));
                    p = q;
                } else if (*q == '[' && (q = spaces(q + 1), *q == '"' || *q == '\'')) {
                    p = skip_string(q, &s, &n);
                    i = reference(L, e, s, n);
                    if (*(q = spaces(p)) == ']')
                        p = q + 1;
                }
                /* answer.ID == 'value' / ~= 'value' */
                q = spaces(p);
                if (i >= 0 && (q[0] == '=' || q[0] == '~') && q[1] == '=' &&
                    (q = spaces(q + 2), *q == '"' || *q == '\'')) {
                    p = skip_string(q, &s, &n);
                    if (n)
                        choice_value(L, e, i, s, n, false);
                }
            } else {
                for (size_t h = 0; h < sizeof helpers / sizeof helpers[0]; h++)
                    if (strlen(helpers[h]) == wl && memcmp(w, helpers[h], wl) == 0 &&
                        *q == '(' && (q = spaces(q + 1), *q == '"' || *q == '\'')) {
                        p = skip_string(q, &s, &n);
                        i = reference(L, e, s, n);
                        /* selected('ID', 'value') */
                        q = spaces(p);
                        if (h == 0 && i >= 0 && *q == ',' &&
                            (q = spaces(q + 1), *q == '"' || *q == '\'')) {
                            p = skip_string(q, &s, &n);
                            if (n)
                                choice_value(L, e, i, s, n, true);
                        }
                        break;
                    }
            }
            prev = p[-1];
            continue;
        } else {
            p++;
        }
        prev = p[-1];
    }
}

void rk_q_check_expressions(QLoader *L)
{
    const char **ids = malloc((L->n_qs ? L->n_qs : 1) * sizeof *ids);
    if (!ids)
        return rk_q_oom(L);
    for (size_t i = 0; i < L->n_qs; i++)
        ids[i] = L->qs[i]->id;
    for (size_t i = 0; i < L->n_qs; i++) {
        const RkQuestion *qn = L->qs[i];
        if (!qn->id)
            continue;
        char what[160];
        Expr e = {.what = what, .self = (long)i, .ids = ids};
        if (qn->when) {
            snprintf(what, sizeof what, "'when' of question '%.60s'", qn->id);
            e.text = qn->when;
            e.node = expr_node(L, qn->when);
            e.line = qn->when_line;
            e.column = qn->when_column;
            e.earlier_only = true;
            e.key_len = 4;
            size_t before = L->errors;
            compile(L, &e);
            if (L->errors == before)
                scan(L, &e);
        }
        for (size_t c = 0; c < qn->n_checks; c++) {
            snprintf(what, sizeof what, "check %zu of question '%.60s'", c + 1, qn->id);
            e.text = qn->checks[c].expr;
            e.node = expr_node(L, qn->checks[c].expr);
            e.line = qn->checks[c].line;
            e.column = qn->checks[c].column;
            e.earlier_only = false;
            e.key_len = 5;
            size_t before = L->errors;
            compile(L, &e);
            if (L->errors == before)
                scan(L, &e);
        }
    }
    free(ids);
}
