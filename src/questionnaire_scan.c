/*
 * questionnaire_scan: what a `when` or check expression names. Outside
 * strings and comments it finds answer.ID, answer["ID"], the helpers
 * selected('ID', 'v'), answered('ID'), dont_know('ID'), count_selected('ID'),
 * rk.answer('ID') and rk.get('ID'); each ID must be a question (for `when`,
 * an earlier one), and a string compared with answer.ID or given to
 * selected must be one of ID's choices. Other global names are warned about.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "questionnaire_int.h"
#include "readykit/suggest.h"

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
        rk_q_expr_error(L, e, s, "%s refers to unknown question '%s'%s%s%s", e->what, id,
               near ? " (did you mean '" : "", near ? near : "", near ? "'?)" : "");
    } else if (e->earlier_only && i == e->self) {
        rk_q_expr_error(L, e, s, "%s refers to its own question '%s'; a 'when' can only use answers "
               "to earlier questions", e->what, id);
    } else if (e->earlier_only && i > e->self) {
        rk_q_expr_error(L, e, s, "%s refers to question '%s', which comes later (line %d); a 'when' "
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
        rk_q_expr_error(L, e, s, "%s: an answer of \"don't know\" is nil in expressions; use "
               "dont_know('%s')", e->what, qn->id);
    } else if (qn->type == RK_Q_NUMBER) {
        rk_q_expr_error(L, e, s, "%s: '%s' is a number question, whose answer is a number, never "
               "the string '%s'", e->what, qn->id, v);
    } else if (qn->type == RK_Q_MULTI && !helper) {
        rk_q_expr_error(L, e, s, "%s: the answer to multi question '%s' is a list; use "
               "selected('%s', '%s')", e->what, qn->id, qn->id, v);
    } else if (qn->type == RK_Q_TEXT) {
        rk_q_expr_error(L, e, s, "%s: selected() needs a question with choices; '%s' is a text "
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
        rk_q_expr_error(L, e, s, "%s: question '%s' has no choice '%s'%s%s%s; its choices are: %s",
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

static const char *const helpers[] = {"selected", "answered", "dont_know", "count_selected"};

/* Names an expression may use besides answer and the helpers: Lua keywords,
   the sandbox's libraries and base functions, the rules API. */
static const char *const names[] = {
    "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if",
    "in", "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while",
    "answer", "value", "rk", "math", "string", "table", "utf8", "assert", "error", "ipairs",
    "next", "pairs", "pcall", "select", "tonumber", "tostring", "type", "rawequal", "rawget",
    "rawlen", "xpcall", "_VERSION", "getmetatable", "setmetatable", "print"};

static long helper(const char *w, size_t wl)
{
    for (size_t h = 0; h < sizeof helpers / sizeof helpers[0]; h++)
        if (strlen(helpers[h]) == wl && memcmp(w, helpers[h], wl) == 0)
            return (long)h;
    return -1;
}

static bool known_name(const char *w, size_t wl)
{
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
        if (strlen(names[k]) == wl && memcmp(w, names[k], wl) == 0)
            return true;
    return false;
}

/* Is word (wl bytes) the value of a choice of some question? */
static bool is_choice_value(const QLoader *L, const char *w, size_t wl)
{
    for (size_t i = 0; i < L->n_qs; i++)
        for (size_t c = 0; c < L->qs[i]->n_choices; c++) {
            const char *v = L->qs[i]->choices[c].value;
            if (v && strlen(v) == wl && memcmp(v, w, wl) == 0)
                return true;
        }
    return wl == 3 ? memcmp(w, "yes", 3) == 0 : wl == 2 && memcmp(w, "no", 2) == 0;
}

/* The expression with the word at w replaced by repl (for the fix to show). */
static void fixed_expr(const Expr *e, const char *w, size_t wl, const char *repl, char *out,
                       size_t size)
{
    snprintf(out, size, "%.*s%s%s", (int)(w - e->text), e->text, repl, w + wl);
}

/* A global the expression's environment does not have. Scoring would fail
   on it ("unknown global"), so it is an error, with the fix spelt out: a
   choice value is quoted, a question id is read through answer. */
static void unknown_name(QLoader *L, const Expr *e, const char *w, size_t wl)
{
    char word[64], repl[80], fixed[600];
    if (wl >= sizeof word)
        return;
    memcpy(word, w, wl);
    word[wl] = '\0';
    if (is_choice_value(L, w, wl)) {
        snprintf(repl, sizeof repl, "'%s'", word);
        fixed_expr(e, w, wl, repl, fixed, sizeof fixed);
        rk_q_expr_error(L, e, w, "%s uses '%s' as a name, but it is a choice value, which "
                        "is text: quote it, as in: %s", e->what, word, fixed);
        return;
    }
    if (rk_q_id_find(L, word) >= 0) {
        snprintf(repl, sizeof repl, "answer.%s", word);
        fixed_expr(e, w, wl, repl, fixed, sizeof fixed);
        rk_q_expr_error(L, e, w, "%s uses the question id '%s' as a name: read its answer "
                        "as answer.%s, as in: %s", e->what, word, word, fixed);
        return;
    }
    const char *all[sizeof names / sizeof names[0] + sizeof helpers / sizeof helpers[0]];
    size_t n = 0;
    for (size_t k = 22; k < sizeof names / sizeof names[0]; k++)
        all[n++] = names[k];
    for (size_t k = 0; k < sizeof helpers / sizeof helpers[0]; k++)
        all[n++] = helpers[k];
    const char *near = rk_suggest(word, all, n);
    if (near)
        rk_q_expr_error(L, e, w, "%s uses '%s', which is not a name expressions know (did "
                        "you mean '%s'?)", e->what, word, near);
    else
        rk_q_expr_error(L, e, w, "%s uses '%s', which is not a name expressions know "
                        "(answer, value, selected, answered, dont_know, count_selected, "
                        "math, string...); a text value must be quoted: '%s'", e->what, word,
                        word);
}

/* Find the questions an expression names, outside strings and comments. */
void rk_q_scan(QLoader *L, const Expr *e)
{
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
            long i = -1, h;
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
            } else if ((h = helper(w, wl)) >= 0) {
                if (*q == '(' && (q = spaces(q + 1), *q == '"' || *q == '\'')) {
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
                }
            } else if (wl == 2 && memcmp(w, "rk", 2) == 0) {
                /* rk.answer('ID'), rk.get('ID') */
                if (*q == '.' && (q = spaces(q + 1), strncmp(q, "answer", 6) == 0 ||
                                  strncmp(q, "get", 3) == 0)) {
                    q = spaces(q + (*q == 'a' ? 6 : 3));
                    if (*q == '(' && (q = spaces(q + 1), *q == '"' || *q == '\'')) {
                        p = skip_string(q, &s, &n);
                        reference(L, e, s, n);
                    }
                }
            } else if (!known_name(w, wl) && !(q[0] == '=' && q[1] != '=')) {
                unknown_name(L, e, w, wl);
            }
            prev = p[-1];
            continue;
        } else {
            p++;
        }
        prev = p[-1];
    }
}
