/*
 * questionnaire_check: the second pass over the Lua expressions of a
 * questionnaire (`when` and `checks`). Each is compiled, never run, in a bare
 * Lua state as "return (EXPR)", and Lua's syntax error is mapped back to the
 * expression's place in the YAML file. Then the questions it names
 * (answer.x, answer["x"], selected('x', ...), answered('x'), dont_know('x'),
 * count_selected('x')) must exist, and for `when` come earlier.
 */
#include <ctype.h>
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
    int line, column;
    const char *what;      /* "'when' of question 'x'" */
    long self;             /* index of its question */
    bool earlier_only;     /* `when`: only earlier questions */
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

/* The question named id (bytes [s, s+n)) must exist (and come earlier). */
static void reference(QLoader *L, const Expr *e, const char *s, size_t n)
{
    char id[128];
    if (n == 0 || n >= sizeof id)
        return;
    memcpy(id, s, n);
    id[n] = '\0';
    long i = rk_q_id_find(L, id);
    if (i < 0) {
        const char *near = rk_suggest(id, e->ids, L->n_qs);
        rk_q_error_at(L, e->line, e->column, "%s refers to unknown question '%s'%s%s%s", e->what,
                      id, near ? " (did you mean '" : "", near ? near : "", near ? "'?)" : "");
    } else if (e->earlier_only && i == e->self) {
        rk_q_error_at(L, e->line, e->column, "%s refers to its own question '%s'; a 'when' "
                      "can only use answers to earlier questions", e->what, id);
    } else if (e->earlier_only && i > e->self) {
        rk_q_error_at(L, e->line, e->column, "%s refers to question '%s', which comes later "
                      "(line %d); a 'when' can only use answers to earlier questions",
                      e->what, id, L->qs[i]->line);
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
            if (wl == 6 && memcmp(w, "answer", 6) == 0) {
                if (*q == '.') {
                    q = spaces(q + 1);
                    s = q;
                    while (ident_char(*q))
                        q++;
                    reference(L, e, s, (size_t)(q - s));
                    p = q;
                } else if (*q == '[' && (q = spaces(q + 1), *q == '"' || *q == '\'')) {
                    p = skip_string(q, &s, &n);
                    reference(L, e, s, n);
                }
            } else {
                for (size_t h = 0; h < sizeof helpers / sizeof helpers[0]; h++)
                    if (strlen(helpers[h]) == wl && memcmp(w, helpers[h], wl) == 0 &&
                        *q == '(' && (q = spaces(q + 1), *q == '"' || *q == '\'')) {
                        p = skip_string(q, &s, &n);
                        reference(L, e, s, n);
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
            e.line = qn->when_line;
            e.column = qn->when_column;
            e.earlier_only = true;
            size_t before = L->errors;
            compile(L, &e);
            if (L->errors == before)
                scan(L, &e);
        }
        for (size_t c = 0; c < qn->n_checks; c++) {
            snprintf(what, sizeof what, "check %zu of question '%.60s'", c + 1, qn->id);
            e.text = qn->checks[c].expr;
            e.line = qn->checks[c].line;
            e.column = qn->checks[c].column;
            e.earlier_only = false;
            size_t before = L->errors;
            compile(L, &e);
            if (L->errors == before)
                scan(L, &e);
        }
    }
    free(ids);
}
