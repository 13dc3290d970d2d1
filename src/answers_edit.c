/*
 * answers_edit: change answers in code (ask, tests) and save them as YAML.
 * Saving writes the header first and the answers in questionnaire order, so
 * two saves of the same answers are identical and diffs stay readable.
 */
#include <stdio.h>
#include <string.h>

#include "answers_internal.h"
#include "readykit/fileio.h"

/* A fresh answer keeping the evidence (note, source) of the old one. */
static RkAnswer cleared(const RkAnswer *old)
{
    RkAnswer n = {0};
    n.question = old->question;
    n.note = old->note;
    n.source = old->source;
    return n;
}

RkStatus rk_answers_set(RkAnswers *a, const RkQuestion *qn, const char *value, RkDiag *d)
{
    if (qn->type == RK_Q_MULTI)
        return rk_answers_set_multi(a, qn, &value, 1, d);
    RkAnswer next = cleared(&a->by_question[qn->index]);
    RkStatus s = rk_answer_parse_value(a->arena, qn, value, true, &next, NULL, 0, 0, d);
    if (s == RK_OK)
        a->by_question[qn->index] = next;
    return s;
}

RkStatus rk_answers_set_multi(RkAnswers *a, const RkQuestion *qn, const char *const *values,
                              size_t n, RkDiag *d)
{
    RkAnswer next = cleared(&a->by_question[qn->index]);
    RkStatus s = rk_answer_parse_multi(a->arena, qn, values, NULL, NULL, n, &next, NULL, d);
    if (s == RK_OK)
        a->by_question[qn->index] = next;
    return s;
}

void rk_answers_set_dont_know(RkAnswers *a, const RkQuestion *qn)
{
    RkAnswer next = cleared(&a->by_question[qn->index]);
    next.state = RK_ANSWER_DONT_KNOW;
    a->by_question[qn->index] = next;
}

void rk_answers_clear(RkAnswers *a, const RkQuestion *qn)
{
    a->by_question[qn->index] = cleared(&a->by_question[qn->index]);
}

void rk_answers_set_evidence(RkAnswers *a, const RkQuestion *qn, const char *note,
                             const char *source)
{
    RkAnswer *ans = &a->by_question[qn->index];
    ans->note = note && *note ? rk_arena_strdup(a->arena, note) : NULL;
    ans->source = source && *source ? rk_arena_strdup(a->arena, source) : NULL;
}

void rk_answers_set_field(RkAnswers *a, const char *key, const char *value)
{
    const char *v = value && *value ? rk_arena_strdup(a->arena, value) : NULL;
    if (strcmp(key, "subject") == 0)
        a->subject = v;
    else if (strcmp(key, "respondent") == 0)
        a->respondent = v;
    else if (strcmp(key, "date") == 0)
        a->date = v;
    else if (strcmp(key, "language") == 0)
        a->language = v;
    else if (strcmp(key, "version") == 0)
        a->version = v;
}

const RkAnswer *rk_answers_get(const RkAnswers *a, const RkQuestion *qn)
{
    return qn->index < a->n_questions ? &a->by_question[qn->index] : NULL;
}

size_t rk_answers_count(const RkAnswers *a, RkAnswerState state)
{
    size_t n = 0;
    for (size_t i = 0; i < a->n_questions; i++)
        n += a->by_question[i].state == state;
    return n;
}

/* ---- saving ---------------------------------------------------------- */

/* Words YAML 1.1 readers would take for a bool or null, or that readykit
   reserves: such strings must be quoted to read back as text. */
static bool is_special_word(const char *s)
{
    static const char *const words[] = {
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE",
        "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", "null", "Null",
        "NULL", "~", "dont_know",
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcmp(s, words[i]) == 0)
            return true;
    return false;
}

/* Can s be written as a plain scalar and read back as the same text? */
static bool plain_ok(const char *s)
{
    if (!*s || is_special_word(s) || strstr(s, "\xC2\x85") || strstr(s, "\xE2\x80\xA8") ||
        strstr(s, "\xE2\x80\xA9"))
        return false; /* YAML line breaks (NEL, LS, PS) need quoting */
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '_' || c == '-' || c == '.' || c == '/' || c >= 0x80 ||
                  (c == ' ' && p != s && p[1] && p[1] != ' ');
        if (!ok)
            return false;
    }
    /* A leading '-' or '.' could start a list or read oddly. */
    return s[0] != '-' && s[0] != '.';
}

/* Write s as a YAML scalar: plain when safe, else double-quoted (JSON
   escapes are valid in YAML double-quoted scalars). */
static void put_scalar(RkBuf *b, const char *s)
{
    if (plain_ok(s)) {
        rk_buf_puts(b, s);
        return;
    }
    rk_json_string(b, s);
}

void rk_answer_put_scalar(RkBuf *b, const char *s)
{
    put_scalar(b, s);
}

void rk_answer_put_entry(RkBuf *b, const char *id, bool has_value, PutValue put,
                         const void *value, const char *note, const char *source)
{
    /* Question ids are Lua names, written bare as ever; others (ID@VERSION
       under retired:) quoted when need be. */
    bool name = (*id >= 'a' && *id <= 'z') || (*id >= 'A' && *id <= 'Z') || *id == '_';
    for (const char *p = id; name && *p; p++)
        name = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '_' ||
               (*p >= '0' && *p <= '9');
    rk_buf_puts(b, "\n  ");
    if (name)
        rk_buf_puts(b, id);
    else
        put_scalar(b, id);
    rk_buf_puts(b, ":");
    if (!note && !source) {
        rk_buf_puts(b, " ");
        if (has_value)
            put(b, value);
        else
            rk_buf_puts(b, "null");
        return;
    }
    if (has_value) {
        rk_buf_puts(b, "\n    value: ");
        put(b, value);
    }
    if (note) {
        rk_buf_puts(b, "\n    note: ");
        put_scalar(b, note);
    }
    if (source) {
        rk_buf_puts(b, "\n    source: ");
        put_scalar(b, source);
    }
}

/* Numbers are written as the user wrote them, plain, so they read back as
   numbers; everything else through put_scalar. */
static void put_value(RkBuf *b, const void *value)
{
    const RkAnswer *ans = value;
    if (ans->state == RK_ANSWER_DONT_KNOW) {
        rk_buf_puts(b, "dont_know");
    } else if (ans->question->type == RK_Q_MULTI) {
        rk_buf_puts(b, "[");
        for (size_t i = 0; i < ans->n_values; i++) {
            if (i)
                rk_buf_puts(b, ", ");
            put_scalar(b, ans->values[i]);
        }
        rk_buf_puts(b, "]");
    } else if (ans->question->type == RK_Q_NUMBER || ans->question->type == RK_Q_YES_NO) {
        rk_buf_puts(b, ans->value);
    } else {
        put_scalar(b, ans->value);
    }
}

static void put_field(RkBuf *b, const char *key, const char *value)
{
    if (!value)
        return;
    rk_buf_printf(b, "%s: ", key);
    put_scalar(b, value);
    rk_buf_puts(b, "\n");
}

void rk_answers_format(const RkAnswers *a, RkBuf *b)
{
    rk_buf_puts(b, "# readykit answers: edit freely; keys are question ids.\n");
    put_field(b, "questionnaire", a->questionnaire_id);
    put_field(b, "version", a->version);
    put_field(b, "subject", a->subject);
    put_field(b, "respondent", a->respondent);
    put_field(b, "date", a->date);
    put_field(b, "language", a->language);
    rk_buf_puts(b, "answers:");
    size_t written = 0;
    for (size_t i = 0; i < a->n_questions; i++) {
        const RkAnswer *ans = &a->by_question[i];
        bool has_value = ans->state != RK_ANSWER_NONE;
        if (!has_value && !ans->note && !ans->source)
            continue;
        written++;
        rk_answer_put_entry(b, ans->question->id, has_value, put_value, ans,
                            ans->note, ans->source);
    }
    rk_buf_puts(b, written ? "\n" : " {}\n");
    rk_answers_put_retired(b, a);
}

RkStatus rk_answers_save(const RkAnswers *a, const char *path, RkDiag *d)
{
    RkBuf b;
    rk_buf_init(&b);
    rk_answers_format(a, &b);
    RkStatus s = b.failed ? rk_diag_set(d, RK_EINTERNAL, path, 0, 0, "out of memory")
                          : rk_file_write_atomic(path, b.data, b.len, d);
    rk_buf_free(&b);
    return s;
}
