/*
 * questionnaire_check: the second pass over the Lua expressions of a
 * questionnaire (`when` and `checks`). Each is compiled, never run, as
 * "return (EXPR)" in a sandbox's Lua state (its allocator, under the
 * default memory cap), and Lua's syntax error is mapped back to the
 * expression's place in the YAML file. Then questionnaire_scan.c checks
 * the questions it names.
 *
 * The rules engine compiles them again in its own sandbox: a compiled
 * function belongs to the Lua state that made it, and each engine has its
 * own state (its own limits; a batch or a comparison builds several engines
 * from one questionnaire), so the loader's functions cannot be handed over.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>

#include "questionnaire_int.h"
#include "readykit/sandbox.h"

void rk_q_lua_close(QLoader *L)
{
    rk_sandbox_free(L->lua);
    L->lua = NULL;
}

/* Where in text Lua's syntax error msg (on line lualine of the chunk) points:
   the token it names when that token occurs once on that line, the end for
   "<eof>" (or an error in our closing parenthesis), else the line's start. */
static const char *syntax_error_at(const char *text, const char *msg, int lualine, int lines)
{
    const char *end = text + strlen(text);
    while (end > text && (end[-1] == '\n' || end[-1] == ' ' || end[-1] == '\t'))
        end--;
    if (lualine > lines)
        return end;
    const char *bol = text;
    for (int l = 1; l < lualine && strchr(bol, '\n'); l++)
        bol = strchr(bol, '\n') + 1;
    const char *eol = strchr(bol, '\n');
    if (!eol)
        eol = bol + strlen(bol);
    const char *near = NULL;
    for (const char *p = msg ? strstr(msg, " near ") : NULL; p; p = strstr(p + 1, " near "))
        near = p + 6;
    if (!near)
        return bol;
    if (strcmp(near, "<eof>") == 0)
        return end;
    const char *last = strrchr(near, '\'');
    if (*near != '\'' || last <= near + 1)
        return bol;
    size_t tl = (size_t)(last - near - 1);
    const char *found = NULL;
    for (const char *p = bol; p + tl <= eol; p++)
        if (memcmp(p, near + 1, tl) == 0) {
            if (found)
                return bol; /* ambiguous */
            found = p;
        }
    return found ? found : bol;
}

/* Compile e as an expression; report Lua's syntax error at its place in
   the YAML file. */
static void compile(QLoader *L, const Expr *e)
{
    if (!L->lua) {
        RkDiag d;
        rk_diag_init(&d);
        RkSandbox *sb = NULL;
        if (rk_sandbox_new(NULL, &sb, &d) != RK_OK) {
            rk_q_oom(L);
            return;
        }
        L->lua = sb;
    }
    lua_State *S = rk_sandbox_lua(L->lua);
    size_t n = strlen(e->text);
    char *buf = malloc(n + 16);
    if (!buf) {
        rk_q_oom(L);
        return;
    }
    memcpy(buf, "return (", 8);
    memcpy(buf + 8, e->text, n);
    memcpy(buf + 8 + n, "\n)", 2);
    int rc = luaL_loadbufferx(S, buf, n + 10, "=expr", "t");
    free(buf);
    if (rc == LUA_OK) {
        lua_pop(S, 1); /* -- */
        return;
    }
    if (rc == LUA_ERRMEM) { /* the cap, or malloc */
        lua_pop(S, 1);
        rk_q_error_at(L, e->line, e->column, "%s is too large to compile (over the %zu MiB "
                      "memory limit)", e->what, rk_sandbox_memory_cap(L->lua) >> 20);
        return;
    }
    const char *msg = lua_tostring(S, -1); /* "expr:LINE: message" */
    int lualine = 1;
    if (msg && strncmp(msg, "expr:", 5) == 0) { /* "expr:LINE: text" */
        lualine = atoi(msg + 5);
        const char *colon = strchr(msg + 5, ':');
        msg = colon ? colon + 1 : msg;
        while (*msg == ' ')
            msg++;
    }
    int lines = 1;
    for (const char *p = e->text; *p; p++)
        lines += *p == '\n' && p[1];
    const char *at = syntax_error_at(e->text, msg, lualine, lines);
    int line, col;
    rk_q_expr_position(e, at, &line, &col);
    rk_q_error_at(L, line, col, "%s is not a valid Lua expression: %s", e->what,
                  msg ? msg : "syntax error");
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
void rk_q_expr_position(const Expr *e, const char *at, int *line, int *col)
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

/* Report an error at byte at of the expression. */
void rk_q_expr_error(QLoader *L, const Expr *e, const char *at, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    int line, col;
    rk_q_expr_position(e, at, &line, &col);
    rk_q_error_at(L, line, col, "%s", msg);
}

/* Compile each `when` and check; scan the ones that compile. */
void rk_q_check_expressions(QLoader *L)
{
    const char **ids = malloc((L->n_qs ? L->n_qs : 1) * sizeof *ids);
    if (!ids) {
        rk_q_oom(L);
        return;
    }
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
                rk_q_scan(L, &e);
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
                rk_q_scan(L, &e);
        }
    }
    free(ids);
}
