/* rules_nil: Lua's "attempt to compare number with nil" turned into the
   question that has no answer and the guard to write. Reads of answers
   that give nil (answer.x in when:/checks, rk.answer, rk.get(..).value)
   note the question and the place of the read; an error at that place, or
   one that names a question id as its field, is rewritten. */
#include <stdio.h>
#include <string.h>

#include <lauxlib.h>

#include "rules_internal.h"

void rk_rules_note_nil(lua_State *L, RkRules *R, size_t qi, int how)
{
    lua_Debug ar;
    R->nil_q = qi + 1;
    R->nil_how = how;
    R->nil_line = 0;
    R->nil_src[0] = '\0';
    /* level 0 is the C function (or __index) that read; 1 its caller */
    if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "Sl", &ar)) {
        snprintf(R->nil_src, sizeof R->nil_src, "%s", ar.short_src);
        R->nil_line = rk_sandbox_file_line(R->sb, ar.short_src, ar.currentline);
    }
}

/* Is line (the message's first line) one of Lua's errors on a nil operand? */
static bool nil_error(const char *line)
{
    static const char *const kinds[] = {
        "attempt to perform arithmetic on a nil value", "attempt to concatenate a nil value",
        "attempt to get length of a nil value", "attempt to index a nil value",
        "attempt to perform bitwise operation on a nil value"};
    const char *c = strstr(line, "attempt to compare ");
    if (c) {
        const char *end = strstr(c, " (");
        const char *n = strstr(c, "nil");
        return n && (!end || n < end);
    }
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
        if (strstr(line, kinds[k]))
            return true;
    return false;
}

/* The question named by "(field 'x')" in line, or NULL. */
static const RkQuestion *field_question(const RkRules *R, const char *line)
{
    const char *f = strstr(line, "(field '");
    if (!f)
        return NULL;
    f += 8;
    const char *e = strchr(f, '\'');
    if (!e)
        return NULL;
    for (size_t i = 0; i < R->q->n_questions; i++) {
        const char *id = R->q->questions[i]->id;
        if (strlen(id) == (size_t)(e - f) && memcmp(id, f, (size_t)(e - f)) == 0)
            return R->q->questions[i];
    }
    return NULL;
}

/* The when:/check expression whose lines (as compiled: from its line on)
   hold line; its column in *col. */
static const char *expr_at(const RkRules *R, int line, int *col)
{
    for (size_t i = 0; i < R->q->n_questions; i++) {
        const RkQuestion *qn = R->q->questions[i];
        for (size_t k = 0; k <= qn->n_checks; k++) {
            const char *t = k == 0 ? qn->when : qn->checks[k - 1].expr;
            int first = k == 0 ? qn->when_line : qn->checks[k - 1].line;
            if (!t)
                continue;
            int last = first;
            for (const char *p = t; *p; p++)
                last += *p == '\n' && p[1];
            if (line >= first && line <= last) {
                *col = k == 0 ? qn->when_column : qn->checks[k - 1].column;
                return t;
            }
        }
    }
    return NULL;
}

/* The expression on one line, blanks folded, at most size - 1 bytes. */
static void one_line(const char *t, char *out, size_t size)
{
    size_t n = 0;
    bool blank = false;
    while (*t == ' ' || *t == '\t' || *t == '\n')
        t++;
    for (; *t && n + 1 < size; t++) {
        bool b = *t == ' ' || *t == '\t' || *t == '\n' || *t == '\r';
        if (b && blank)
            continue;
        out[n++] = b ? ' ' : *t;
        blank = b;
    }
    while (n && out[n - 1] == ' ')
        n--;
    out[n] = '\0';
}

/* A nil error in the question layer while it scores a question with no
   answer (none, don't know, or not applicable): the nil is most likely
   a.value (or s.points), which the user compared without a test. */
static const RkQuestion *scored_unanswered(const RkRules *R, const char *line)
{
    static const char mark[] = " (while scoring question ";
    const char *c = strstr(line, mark);
    if (!c || !R->run)
        return NULL;
    c += sizeof mark - 1;
    size_t n = strcspn(c, ")");
    for (size_t i = 0; i < R->q->n_questions; i++) {
        const RkQuestion *qn = R->q->questions[i];
        if (strlen(qn->id) != n || memcmp(qn->id, c, n) != 0)
            continue;
        const RkAnswer *an = rk_answers_get(R->run, qn);
        return (R->skipped[i] || !an || an->state != RK_ANSWER_VALUE) ? qn : NULL;
    }
    return NULL;
}

bool rk_rules_is_questionnaire(const RkRules *R, const char *src)
{
    return rk_sandbox_same_chunk(src, R->q->path ? R->q->path : R->q->id);
}

bool rk_rules_explain(RkRules *R, RkDiag *d, const char *where)
{
    if (d->status != RK_EDATA)
        return false;
    if (R->dry_run)
        where = R->dry_run;
    int col = 0;
    const char *expr = rk_rules_is_questionnaire(R, d->file) ? expr_at(R, d->line, &col) : NULL;
    if (expr) /* the whole name, where Lua's was cut */
        snprintf(d->file, sizeof d->file, "%s", R->q->path ? R->q->path : R->q->id);
    char *nl = strchr(d->message, '\n');
    if (expr && nl) { /* the traceback of an expression is the expression */
        *nl = '\0';
        nl = NULL;
    }
    char first[sizeof d->message];
    size_t head = nl ? (size_t)(nl - d->message) : strlen(d->message);
    snprintf(first, sizeof first, "%.*s", (int)head, d->message);
    if (!nil_error(first))
        return false;
    /* In a rule, "index a nil value (field 'x')" is r.pillars.x, s.x...:
       a field named after a question says nothing there. */
    bool index = strstr(first, "attempt to index a nil value") != NULL;
    const RkQuestion *qn = expr || !index ? field_question(R, first) : NULL;
    int how = expr ? NIL_ANSWER_FIELD : NIL_TABLE_FIELD;
    if (!qn && R->nil_q && R->nil_line == d->line &&
        (expr ? rk_rules_is_questionnaire(R, R->nil_src) : strcmp(R->nil_src, d->file) == 0)) {
        qn = R->q->questions[R->nil_q - 1];
        how = R->nil_how;
    }
    if (!qn && !expr && !index && (qn = scored_unanswered(R, first)) != NULL)
        how = NIL_QUESTION_LAYER;
    if (!qn)
        return false;
    const char *ctx = strstr(first, " (while scoring ");
    char text[sizeof d->message], guard[400];
    const char *id = qn->id;
    if (expr) {
        one_line(expr, guard, 300);
        bool paren = strstr(guard, " or ") != NULL;
        snprintf(text, sizeof text, "`answer.%s` has no answer in %s; write `answer.%s ~= nil and "
                 "%s%s%s`", id, where, id, paren ? "(" : "", guard, paren ? ")" : "");
        if (d->column == 0)
            d->column = col;
    } else {
        if (how == NIL_RK_ANSWER)
            snprintf(guard, sizeof guard, "rk.answer(\"%s\")", id);
        else if (how == NIL_QUESTION_LAYER)
            snprintf(guard, sizeof guard, "a.value");
        else if (how == NIL_RK_GET)
            snprintf(guard, sizeof guard, "rk.get(\"%s\").value", id);
        else
            snprintf(guard, sizeof guard, "<table>.%s", id);
        snprintf(text, sizeof text, "%s has no answer in %s; test it first: if %s ~= nil and "
                 "... then", id, where, guard);
    }
    char out[sizeof d->message];
    snprintf(out, sizeof out, "%s%s%s", text, ctx ? ctx : "", nl ? nl : "");
    memcpy(d->message, out, sizeof out);
    return true;
}
