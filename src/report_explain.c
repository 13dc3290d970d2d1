/* report_explain: `score --explain`, the trace of one result as text lines
   and as the JSON object's "explain" field. It shows only what the rules
   engine recorded in the result (rules_explain.c, rules_score.c): the rule
   files in layering order with their SHA-256 and state; per pillar, in
   questionnaire order, each question's answer, points, max and weight and
   whether it counted toward the pillar (and why not); the score, the
   levels, and every rk.cap call with the one reported. The fixed words
   are in the result's language (explain_words.c); the JSON keys and the
   state values are the same in every language. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "explain_words.h"
#include "readykit/labels.h"
#include "report_internal.h"

/* A fixed word of the trace in the input's language. */
#define X(in, w) rk_explain_word((in)->lang, RK_X_##w)

/* ---- what both forms share ---------------------------------------------- */

/* The rule file's name for an origin (index + 1; 0: none). */
static const char *origin(const RkResult *r, int by)
{
    return by > 0 && (size_t)by <= r->n_rule_files ? r->rule_files[by - 1].name : NULL;
}

/* Does the question count toward its pillar, as the standard scorer
   counts (points, a max above 0 and a weight above 0)? */
static bool counts(const RkQuestionResult *qr)
{
    return isfinite(qr->points) && qr->max > 0 && qr->weight > 0;
}

/* Why a question does not count toward its pillar, as a sentence
   (written into buf, which may be returned). */
static const char *why_not(const RkReportInput *in, const RkQuestion *qn,
                           const RkQuestionResult *qr, char *buf, size_t size)
{
    const RkResult *r = in->result;
    const char *by;
    if (!isfinite(qr->points)) {
        if (strcmp(qr->state, "skipped") == 0)
            return X(in, WHEN_FALSE);
        if (strcmp(qr->state, "none") == 0)
            return X(in, NO_ANSWER);
        if (strcmp(qr->state, "dont_know") == 0)
            return X(in, DONT_KNOW);
        if ((by = origin(r, qr->points_by))) {
            snprintf(buf, size, X(in, RULE_POINTS), by);
            return buf;
        }
        if (!qn->scored)
            return X(in, NOT_SCORED);
        return X(in, NO_POINTS);
    }
    if (!(qr->weight > 0)) {
        if ((by = origin(r, qr->weight_by))) {
            snprintf(buf, size, X(in, RULE_WEIGHT), by);
            return buf;
        }
        return X(in, WEIGHT_0);
    }
    if ((by = origin(r, qr->max_by))) {
        snprintf(buf, size, X(in, RULE_MAX), by);
        return buf;
    }
    return X(in, MAX_0);
}

/* The cap of the pillar (or overall, -1) and its level without caps. */
static const RkCap *target_cap(const RkResult *r, int pillar, int *uncapped)
{
    *uncapped = pillar < 0 ? r->uncapped_level : r->pillars[pillar].uncapped_level;
    return pillar < 0 ? &r->cap : &r->pillars[pillar].cap;
}

static const char *level_name(const RkReportInput *in, int level)
{
    if (level < 0 || (size_t)level >= in->q->n_levels)
        return NULL;
    return rk_text_get(&in->q->levels[level].name, in->lang, in->q->languages[0]);
}

/* ---- JSON ----------------------------------------------------------------- */

static void json_answer(RkBuf *b, const RkAnswer *an)
{
    if (!an || an->state != RK_ANSWER_VALUE) {
        rk_buf_puts(b, "null");
    } else if (an->question->type == RK_Q_MULTI) {
        rk_buf_puts(b, "[");
        for (size_t i = 0; i < an->n_values; i++) {
            rk_buf_puts(b, i ? ", " : "");
            rk_json_string(b, an->values[i]);
        }
        rk_buf_puts(b, "]");
    } else if (an->question->type == RK_Q_NUMBER && isfinite(an->number)) {
        rk_buf_printf(b, "%.15g", an->number);
    } else {
        rk_json_string(b, an->value);
    }
}

static void json_by(RkBuf *b, const RkResult *r, const char *key, int by)
{
    rk_report_json_key(b, key, false);
    rk_json_string(b, origin(r, by));
}

static void json_question(RkBuf *b, const RkReportInput *in, const RkQuestion *qn)
{
    const RkResult *r = in->result;
    const RkQuestionResult *qr = &r->questions[qn->index];
    const RkAnswer *an = in->answers && qn->index < in->answers->n_questions
                             ? &in->answers->by_question[qn->index] : NULL;
    char buf[400];
    rk_buf_puts(b, "{");
    rk_report_json_key(b, "id", true);
    rk_json_string(b, qr->id);
    rk_report_json_key(b, "state", false);
    rk_json_string(b, qr->state);
    rk_report_json_key(b, "answer", false);
    json_answer(b, an);
    rk_report_json_key(b, "points", false);
    rk_report_json_number(b, qr->points);
    rk_report_json_key(b, "max", false);
    rk_report_json_number(b, qr->max);
    rk_report_json_key(b, "weight", false);
    rk_report_json_number(b, qr->weight);
    rk_report_json_key(b, "counted", false);
    rk_buf_puts(b, counts(qr) ? "true" : "false");
    rk_report_json_key(b, "why_not", false);
    rk_json_string(b, counts(qr) ? NULL : why_not(in, qn, qr, buf, sizeof buf));
    json_by(b, r, "points_by", qr->points_by);
    json_by(b, r, "max_by", qr->max_by);
    json_by(b, r, "weight_by", qr->weight_by);
    rk_buf_puts(b, "}");
}

/* The rk.cap calls about one pillar (-1: overall), in the order made. */
static void json_caps(RkBuf *b, const RkReportInput *in, int pillar)
{
    const RkResult *r = in->result;
    int uncapped;
    target_cap(r, pillar, &uncapped);
    rk_buf_puts(b, "[");
    bool first = true;
    for (size_t i = 0; i < r->n_cap_calls; i++) {
        const RkCapCall *c = &r->cap_calls[i];
        if (c->pillar != pillar)
            continue;
        rk_buf_puts(b, first ? "{" : ", {");
        first = false;
        rk_report_json_key(b, "level_id", true);
        rk_json_string(b, rk_report_level_id(in->q, c->max_level));
        rk_report_json_key(b, "level", false);
        rk_json_string(b, level_name(in, c->max_level));
        rk_report_json_key(b, "reason", false);
        rk_json_string(b, c->reason);
        rk_report_json_key(b, "rule_file", false);
        rk_json_string(b, origin(r, c->rule_file + 1));
        rk_report_json_key(b, "line", false);
        rk_buf_printf(b, "%d", c->line);
        rk_report_json_key(b, "called_from_line", false);
        if (c->via)
            rk_buf_printf(b, "%d", c->via);
        else
            rk_buf_puts(b, "null");
        rk_report_json_key(b, "binding", false);
        rk_buf_puts(b, uncapped >= 0 && c->max_level < uncapped ? "true" : "false");
        rk_report_json_key(b, "reported", false);
        rk_buf_puts(b, c->reported ? "true" : "false");
        rk_report_json_key(b, "tied", false);
        rk_buf_puts(b, c->tied ? "true" : "false");
        rk_buf_puts(b, "}");
    }
    rk_buf_puts(b, "]");
}

/* score, score_by, levels and caps of one pillar (-1: overall: the
   object's first fields). */
static void json_scored(RkBuf *b, const RkReportInput *in, int pillar, double score, int by,
                        int level, int uncapped)
{
    const RkResult *r = in->result;
    rk_report_json_key(b, "score", pillar < 0);
    rk_report_json_number(b, score);
    json_by(b, r, "score_by", by);
    rk_report_json_key(b, "standard_score", false);
    rk_report_json_number(b, pillar < 0 ? r->standard_score : r->pillars[pillar].standard_score);
    rk_report_json_key(b, "uncapped_level_id", false);
    rk_json_string(b, rk_report_level_id(in->q, uncapped));
    rk_report_json_key(b, "level_id", false);
    rk_json_string(b, rk_report_level_id(in->q, level));
    rk_report_json_key(b, "caps", false);
    json_caps(b, in, pillar);
}

void rk_report_explain_json(RkBuf *b, const RkReportInput *in)
{
    const RkResult *r = in->result;
    rk_buf_puts(b, "{");
    rk_report_json_key(b, "rule_files", true);
    rk_buf_puts(b, "[");
    for (size_t i = 0; i < r->n_rule_files; i++) {
        const RkRuleFileInfo *f = &r->rule_files[i];
        rk_buf_puts(b, i ? ", {" : "{");
        rk_report_json_key(b, "file", true);
        rk_json_string(b, f->name);
        rk_report_json_key(b, "sha256", false);
        rk_json_string(b, f->sha256);
        rk_report_json_key(b, "builtin", false);
        rk_buf_puts(b, f->builtin ? "true" : "false");
        rk_report_json_key(b, "state", false);
        rk_json_string(b, f->skipped ? "skipped" : "applied");
        rk_report_json_key(b, "reason", false);
        char why[600];
        rk_json_string(b, f->skipped ? rk_explain_skipped(in->lang, f, in->q, why, sizeof why)
                                     : NULL);
        rk_buf_puts(b, "}");
    }
    rk_buf_puts(b, "]");
    rk_report_json_key(b, "overall", false);
    rk_buf_puts(b, "{");
    json_scored(b, in, -1, r->score, r->score_by, r->level, r->uncapped_level);
    rk_buf_puts(b, "}");
    rk_report_json_key(b, "pillars", false);
    rk_buf_puts(b, "[");
    for (size_t pi = 0; pi < r->n_pillars && pi < in->q->n_pillars; pi++) {
        const RkPillarResult *pr = &r->pillars[pi];
        const RkPillar *p = &in->q->pillars[pi];
        rk_buf_puts(b, pi ? ", {" : "{");
        rk_report_json_key(b, "id", true);
        rk_json_string(b, pr->id);
        rk_report_json_key(b, "weight", false);
        rk_report_json_number(b, pr->weight);
        json_by(b, r, "weight_by", pr->weight_by);
        json_scored(b, in, (int)pi, pr->score, pr->score_by, pr->level, pr->uncapped_level);
        rk_report_json_key(b, "questions", false);
        rk_buf_puts(b, "[");
        for (size_t j = 0; j < p->n_questions; j++) {
            rk_buf_puts(b, j ? ", " : "");
            json_question(b, in, &p->questions[j]);
        }
        rk_buf_puts(b, "]}");
    }
    rk_buf_puts(b, "]");
    rk_report_json_key(b, "cap_calls_not_kept", false);
    rk_buf_printf(b, "%zu", r->n_cap_calls_dropped);
    rk_buf_puts(b, "}");
}

/* ---- text ----------------------------------------------------------------- */

static void text_number(RkBuf *b, double v)
{
    if (isfinite(v))
        rk_buf_printf(b, "%.15g", round(v * 100.0) / 100.0);
    else
        rk_buf_puts(b, "-");
}

static void text_answer(RkBuf *b, const RkReportInput *in, const RkAnswer *an,
                        const char *state)
{
    if (strcmp(state, "skipped") == 0)
        rk_buf_puts(b, X(in, NOT_APPLICABLE));
    else if (!an || an->state == RK_ANSWER_NONE)
        rk_buf_puts(b, X(in, NO_ANSWER));
    else if (an->state == RK_ANSWER_DONT_KNOW)
        rk_buf_puts(b, X(in, DONT_KNOW));
    else if (an->question->type == RK_Q_MULTI) {
        rk_buf_puts(b, "[");
        for (size_t i = 0; i < an->n_values; i++)
            rk_buf_printf(b, "%s%s", i ? ", " : "", an->values[i]);
        rk_buf_puts(b, "]");
    } else {
        /* a text answer: its first line, at most 60 bytes (cut at a
           character's start) */
        const char *v = an->value ? an->value : "";
        size_t n = strcspn(v, "\r\n");
        size_t cut = n > 60 ? 60 : n;
        while (cut > 0 && cut < n && ((unsigned char)v[cut] & 0xC0) == 0x80)
            cut--;
        rk_buf_printf(b, "%.*s%s", (int)cut, v, cut < strlen(v) ? "..." : "");
    }
}

static void text_question(RkBuf *b, const RkReportInput *in, const RkQuestion *qn)
{
    const RkResult *r = in->result;
    const RkQuestionResult *qr = &r->questions[qn->index];
    const RkAnswer *an = in->answers && qn->index < in->answers->n_questions
                             ? &in->answers->by_question[qn->index] : NULL;
    rk_buf_printf(b, "      %s = ", qr->id);
    text_answer(b, in, an, qr->state);
    rk_buf_puts(b, X(in, POINTS));
    text_number(b, qr->points);
    rk_buf_puts(b, "/");
    text_number(b, qr->max);
    rk_buf_puts(b, X(in, WEIGHT));
    text_number(b, qr->weight);
    char buf[400];
    if (counts(qr))
        rk_buf_puts(b, X(in, COUNTED));
    else
        rk_buf_printf(b, X(in, NOT_COUNTED), why_not(in, qn, qr, buf, sizeof buf));
    const char *by = origin(r, qr->points_by);
    if (by && isfinite(qr->points))
        rk_buf_printf(b, X(in, POINTS_BY), by);
    rk_buf_puts(b, "\n");
}

/* Every rk.cap call about one pillar (-1: overall); "none" without. */
static void text_caps(RkBuf *b, const RkReportInput *in, int pillar)
{
    const RkResult *r = in->result;
    int uncapped;
    const RkCap *kept = target_cap(r, pillar, &uncapped);
    size_t n = 0, tied = 0;
    for (size_t i = 0; i < r->n_cap_calls; i++)
        if (r->cap_calls[i].pillar == pillar) {
            n++;
            tied += r->cap_calls[i].tied;
        }
    if (n == 0) {
        rk_buf_puts(b, X(in, CAPS_NONE));
        return;
    }
    rk_buf_printf(b, X(in, CAPS), n);
    for (size_t i = 0; i < r->n_cap_calls; i++) {
        const RkCapCall *c = &r->cap_calls[i];
        if (c->pillar != pillar)
            continue;
        const char *name = level_name(in, c->max_level);
        rk_buf_printf(b, X(in, CAP), name ? name : "?",
                      origin(r, c->rule_file + 1), c->line);
        if (c->via)
            rk_buf_printf(b, X(in, CALLED_FROM), c->via);
        rk_buf_printf(b, ": %s", c->reason ? c->reason : "");
        const char *from = level_name(in, uncapped);
        if (c->reported && kept->binding)
            rk_buf_printf(b, X(in, BINDING), tied ? X(in, TIED_LATER) : "", from ? from : "-",
                          name ? name : "?");
        else if (c->reported)
            rk_buf_printf(b, X(in, HOLDING), tied ? X(in, TIED_LATER) : "");
        else if (c->tied)
            rk_buf_puts(b, X(in, TIED));
        else
            rk_buf_puts(b, X(in, NOT_REPORTED));
        rk_buf_puts(b, "\n");
    }
}

/* "score S (by whom), level L (from the score alone: U)"; pillar says
   whether the questions' "counted" is followed above. */
static void text_scored(RkBuf *b, const RkReportInput *in, double score, double standard,
                        int by, int level, int uncapped, bool pillar)
{
    rk_buf_puts(b, X(in, SCORE));
    text_number(b, score);
    const char *f = origin(in->result, by);
    if (!f) {
        rk_buf_puts(b, X(in, STANDARD_MEAN));
    } else {
        rk_buf_printf(b, X(in, SET_BY), f);
        text_number(b, standard);
        rk_buf_puts(b, pillar ? X(in, COUNTED_NOTE) : ")");
    }
    const char *ln = level_name(in, level), *un = level_name(in, uncapped);
    rk_buf_printf(b, X(in, LEVEL), ln ? ln : "-");
    if (level != uncapped)
        rk_buf_printf(b, X(in, ALONE), un ? un : "-");
    rk_buf_puts(b, "\n");
}

void rk_report_explain_text(RkBuf *b, const RkReportInput *in)
{
    const RkResult *r = in->result;
    rk_buf_puts(b, X(in, HEAD));
    for (size_t i = 0; i < r->n_rule_files; i++) {
        const RkRuleFileInfo *f = &r->rule_files[i];
        char why[600];
        rk_buf_printf(b, "      %zu. %s%s\n         sha256 %s\n         %s\n", i + 1, f->name,
                      f->builtin ? X(in, BUILTIN) : "", f->sha256,
                      f->skipped ? rk_explain_skipped(in->lang, f, in->q, why, sizeof why)
                                 : X(in, APPLIED));
    }
    for (size_t pi = 0; pi < r->n_pillars && pi < in->q->n_pillars; pi++) {
        const RkPillarResult *pr = &r->pillars[pi];
        const RkPillar *p = &in->q->pillars[pi];
        rk_buf_printf(b, X(in, PILLAR), pr->id);
        text_number(b, pr->weight);
        rk_buf_puts(b, rk_labels_for(in->lang)->colon);
        text_scored(b, in, pr->score, pr->standard_score, pr->score_by, pr->level,
                    pr->uncapped_level, true);
        for (size_t j = 0; j < p->n_questions; j++)
            text_question(b, in, &p->questions[j]);
        text_caps(b, in, (int)pi);
    }
    rk_buf_puts(b, X(in, OVERALL));
    text_scored(b, in, r->score, r->standard_score, r->score_by, r->level, r->uncapped_level,
                false);
    text_caps(b, in, -1);
    if (r->n_cap_calls_dropped)
        rk_buf_printf(b, X(in, DROPPED), r->n_cap_calls_dropped, RK_MAX_CAP_CALLS);
}
