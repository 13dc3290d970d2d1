/*
 * xlsform_relevant: a questionnaire's `when` (Lua) as an XLSForm `relevant`
 * (XPath), for the subset that has an equivalent. A recursive-descent
 * reader over Lua's tokens that writes XPath as it goes; anything else is
 * refused with a reason, never guessed.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "readykit/xlsform.h"

typedef enum { T_END, T_NAME, T_STRING, T_NUMBER, T_OP, T_PUNCT, T_BAD } TokKind;

typedef struct Tr {
    const RkQuestionnaire *q;
    const char *s;
    size_t pos;
    TokKind kind;
    char tok[256];       /* the token's text (a string without its quotes) */
    char *why;
    size_t why_size;
    bool failed;
} Tr;

/* An operand: an answer, a literal, or an XPath expression already written. */
typedef enum { O_REF, O_STR, O_NUM, O_NIL, O_BOOL, O_COUNT } OpKind;

typedef struct Operand {
    OpKind kind;
    const RkQuestion *qn; /* O_REF, O_COUNT */
    RkBuf text;           /* O_STR, O_NUM: the literal; O_BOOL, O_COUNT: XPath */
} Operand;

static void fail(Tr *t, const char *fmt, const char *arg)
{
    if (!t->failed)
        snprintf(t->why, t->why_size, fmt, arg);
    t->failed = true;
}

/* Read the next token into t->kind / t->tok. */
static void next(Tr *t)
{
    const char *s = t->s;
    while (isspace((unsigned char)s[t->pos]))
        t->pos++;
    size_t p = t->pos, n = 0;
    char c = s[p];
    t->tok[0] = 0;
    if (!c) {
        t->kind = T_END;
        return;
    }
    if (isalpha((unsigned char)c) || c == '_') {
        while ((isalnum((unsigned char)s[p]) || s[p] == '_') && n + 1 < sizeof t->tok)
            t->tok[n++] = s[p++];
        t->kind = T_NAME;
    } else if (isdigit((unsigned char)c)) {
        while ((isalnum((unsigned char)s[p]) || s[p] == '.') && n + 1 < sizeof t->tok)
            t->tok[n++] = s[p++];
        t->kind = T_NUMBER;
    } else if (c == '\'' || c == '"') {
        p++;
        while (s[p] && s[p] != c && s[p] != '\\' && n + 1 < sizeof t->tok)
            t->tok[n++] = s[p++];
        t->kind = s[p] == c ? T_STRING : T_BAD;
        if (t->kind == T_BAD) /* an escape or no closing quote: name what stops us */
            n = (size_t)snprintf(t->tok, sizeof t->tok, "%s", s[p] ? "\\" : "an unclosed string");
        p += s[p] == c;
    } else if (strchr("=~<>", c)) {
        t->tok[n++] = s[p++];
        if (s[p] == '=')
            t->tok[n++] = s[p++];
        t->tok[n] = 0;
        t->kind = strcmp(t->tok, "=") == 0 || strcmp(t->tok, "~") == 0 ? T_BAD : T_OP;
    } else if (strchr("().[],-", c)) {
        t->tok[n++] = s[p++];
        t->kind = T_PUNCT;
    } else {
        t->tok[n++] = s[p++];
        t->kind = T_BAD;
    }
    t->tok[n] = 0;
    t->pos = p;
}

static bool is(const Tr *t, TokKind k, const char *text)
{
    return t->kind == k && strcmp(t->tok, text) == 0;
}

static void expect(Tr *t, const char *punct)
{
    if (is(t, T_PUNCT, punct))
        next(t);
    else
        fail(t, "expected '%s'", punct);
}

static const RkQuestion *question(Tr *t, const char *id)
{
    const RkQuestion *qn = rk_questionnaire_find(t->q, id);
    if (!qn)
        fail(t, "no question '%s'", id);
    return qn;
}

static bool is_select(const RkQuestion *qn)
{
    return qn->type != RK_Q_NUMBER && qn->type != RK_Q_TEXT;
}

/* XPath for "qn is answered" (not empty, not don't know). */
static void answered(RkBuf *b, const RkQuestion *qn)
{
    bool dk = qn->dont_know && is_select(qn);
    if (qn->type == RK_Q_MULTI && dk)
        rk_buf_printf(b, "(${%s} != '' and not(selected(${%s}, 'dont_know')))", qn->id, qn->id);
    else if (dk)
        rk_buf_printf(b, "(${%s} != '' and ${%s} != 'dont_know')", qn->id, qn->id);
    else
        rk_buf_printf(b, "${%s} != ''", qn->id);
}

static void quoted(RkBuf *b, const char *s)
{
    char qc = strchr(s, '\'') ? '"' : '\'';
    rk_buf_printf(b, "%c%s%c", qc, s, qc);
}

static void expr(Tr *t, RkBuf *out);

/* selected('id', 'v'), answered('id'), dont_know('id'), count_selected('id') */
static void call(Tr *t, const char *fn, Operand *o)
{
    char id[256] = "", v[256] = "";
    expect(t, "(");
    if (t->kind == T_STRING) {
        snprintf(id, sizeof id, "%s", t->tok);
        next(t);
    } else {
        fail(t, "%s() with a question id in quotes", fn);
    }
    bool two = strcmp(fn, "selected") == 0;
    if (two && !t->failed) {
        expect(t, ",");
        if (t->kind == T_STRING)
            snprintf(v, sizeof v, "%s", t->tok);
        else
            fail(t, "%s", "selected() with a choice value in quotes");
        next(t);
    }
    expect(t, ")");
    const RkQuestion *qn = t->failed ? NULL : question(t, id);
    if (!qn)
        return;
    o->qn = qn;
    o->kind = O_BOOL;
    if (two && qn->type == RK_Q_MULTI) {
        rk_buf_printf(&o->text, "selected(${%s}, ", qn->id);
        quoted(&o->text, v);
        rk_buf_puts(&o->text, ")");
    } else if (two) {
        rk_buf_printf(&o->text, "${%s} = ", qn->id);
        quoted(&o->text, v);
    } else if (strcmp(fn, "answered") == 0) {
        answered(&o->text, qn);
    } else if (strcmp(fn, "dont_know") == 0 && qn->dont_know && is_select(qn)) {
        rk_buf_printf(&o->text, qn->type == RK_Q_MULTI ? "selected(${%s}, 'dont_know')"
                                                       : "${%s} = 'dont_know'", qn->id);
    } else if (strcmp(fn, "count_selected") == 0 && qn->type == RK_Q_MULTI) {
        o->kind = O_COUNT;
        rk_buf_printf(&o->text, "count-selected(${%s})", qn->id);
    } else {
        fail(t, "%s() of this question has no XPath form", fn);
    }
}

/* primary: ( expr ) | answer.ID | answer["ID"] | literal | call | not primary */
static void primary(Tr *t, Operand *o)
{
    if (t->failed)
        return;
    if (is(t, T_PUNCT, "(")) {
        next(t);
        o->kind = O_BOOL;
        rk_buf_puts(&o->text, "(");
        expr(t, &o->text);
        rk_buf_puts(&o->text, ")");
        expect(t, ")");
    } else if (t->kind == T_STRING || t->kind == T_NUMBER) {
        o->kind = t->kind == T_STRING ? O_STR : O_NUM;
        rk_buf_puts(&o->text, t->tok);
        next(t);
    } else if (is(t, T_PUNCT, "-")) {
        next(t);
        o->kind = O_NUM;
        rk_buf_printf(&o->text, "-%s", t->tok);
        if (t->kind != T_NUMBER)
            fail(t, "%s", "'-' before something other than a number");
        next(t);
    } else if (is(t, T_NAME, "nil") || is(t, T_NAME, "true") || is(t, T_NAME, "false")) {
        o->kind = t->tok[0] == 'n' ? O_NIL : O_BOOL;
        if (o->kind == O_BOOL)
            rk_buf_printf(&o->text, "%s()", t->tok);
        next(t);
    } else if (is(t, T_NAME, "not")) {
        next(t);
        Operand in = {0};
        primary(t, &in);
        o->kind = O_BOOL;
        rk_buf_puts(&o->text, "not(");
        if (in.kind == O_REF)
            answered(&o->text, in.qn);
        else if (in.kind == O_BOOL)
            rk_buf_add(&o->text, in.text.data, in.text.len);
        else
            fail(t, "%s", "'not' before a value that is not a condition");
        rk_buf_puts(&o->text, ")");
        rk_buf_free(&in.text);
    } else if (is(t, T_NAME, "answer")) {
        next(t);
        char id[256] = "";
        if (is(t, T_PUNCT, ".")) {
            next(t);
            if (t->kind == T_NAME)
                snprintf(id, sizeof id, "%s", t->tok);
            next(t);
        } else if (is(t, T_PUNCT, "[")) {
            next(t);
            if (t->kind == T_STRING)
                snprintf(id, sizeof id, "%s", t->tok);
            next(t);
            expect(t, "]");
        }
        o->kind = O_REF;
        o->qn = id[0] ? question(t, id) : NULL;
        if (!id[0])
            fail(t, "%s", "'answer' not followed by a question id");
    } else if (t->kind == T_NAME && (strcmp(t->tok, "selected") == 0 ||
                                     strcmp(t->tok, "answered") == 0 ||
                                     strcmp(t->tok, "dont_know") == 0 ||
                                     strcmp(t->tok, "count_selected") == 0)) {
        char fn[sizeof t->tok];
        snprintf(fn, sizeof fn, "%s", t->tok);
        next(t);
        call(t, fn, o);
    } else {
        fail(t, "'%s' has no XPath form here", t->tok[0] ? t->tok : "end of expression");
    }
}

/* Write "a OP b" for an answer compared with a literal. */
static void compare(Tr *t, const Operand *a, const char *op, const Operand *b, RkBuf *out)
{
    const char *xop = strcmp(op, "==") == 0 ? "=" : strcmp(op, "~=") == 0 ? "!=" : op;
    bool eq = xop[0] == '=' || xop[0] == '!';
    if (a->kind != O_REF && a->kind != O_COUNT) {
        fail(t, "%s", "a comparison that does not start with an answer");
    } else if (b->kind == O_NIL && eq && a->kind == O_REF) {
        if (xop[0] == '!') {
            answered(out, a->qn);
        } else {
            rk_buf_puts(out, "not(");
            answered(out, a->qn);
            rk_buf_puts(out, ")");
        }
    } else if (b->kind == O_STR && eq && a->kind == O_REF && a->qn->type != RK_Q_MULTI &&
               a->qn->type != RK_Q_NUMBER) {
        rk_buf_printf(out, "${%s} %s ", a->qn->id, xop);
        quoted(out, b->text.data);
    } else if (b->kind == O_NUM && (a->kind == O_COUNT || a->qn->type == RK_Q_NUMBER)) {
        if (a->kind == O_COUNT)
            rk_buf_add(out, a->text.data, a->text.len);
        else
            rk_buf_printf(out, "${%s}", a->qn->id);
        rk_buf_printf(out, " %s %s", xop, b->text.data);
    } else {
        fail(t, "a comparison '%s' of these operands has no XPath form", op);
    }
}

/* comparison: primary [op primary]; a bare answer means "answered". */
static void comparison(Tr *t, RkBuf *out)
{
    Operand a = {0}, b = {0};
    primary(t, &a);
    if (!t->failed && t->kind == T_OP) {
        char op[sizeof t->tok];
        snprintf(op, sizeof op, "%s", t->tok);
        next(t);
        primary(t, &b);
        if (!t->failed)
            compare(t, &a, op, &b, out);
    } else if (!t->failed && a.kind == O_REF) {
        answered(out, a.qn);
    } else if (!t->failed && a.kind == O_BOOL) {
        rk_buf_add(out, a.text.data, a.text.len);
    } else if (!t->failed) {
        fail(t, "%s", "a value where a condition was expected");
    }
    rk_buf_free(&a.text);
    rk_buf_free(&b.text);
}

/* level 1, expr: conjunction {or conjunction}; level 0, conjunction:
   comparison {and comparison}. */
static void chain(Tr *t, RkBuf *out, int level)
{
    const char *op = level ? "or" : "and";
    for (bool first = true; first || (!t->failed && is(t, T_NAME, op)); first = false) {
        if (!first) {
            next(t);
            rk_buf_printf(out, " %s ", op);
        }
        if (level)
            chain(t, out, 0);
        else
            comparison(t, out);
    }
}

static void expr(Tr *t, RkBuf *out)
{
    chain(t, out, 1);
}

bool rk_xlsform_relevant(const RkQuestionnaire *q, const char *when, RkBuf *out,
                         char *why, size_t why_size)
{
    Tr t = {.q = q, .s = when, .why = why, .why_size = why_size};
    if (why_size)
        why[0] = 0;
    next(&t);
    expr(&t, out);
    if (!t.failed && t.kind != T_END)
        fail(&t, "'%s' has no XPath form here", t.tok);
    if (!t.failed && out->failed)
        fail(&t, "%s", "out of memory");
    return !t.failed;
}
