/*
 * report_text: a result as human-readable text, as one JSON object per line
 * (JSON Lines), or as CSV rows. Field names of JSON and CSV are a contract
 * with users' scripts (DESIGN.md): add fields, rename none.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "readykit/labels.h"
#include "readykit/report.h"
#include "readykit/format.h"
#include "readykit/safetext.h"
#include "report_internal.h"

/* Scores are shown rounded to two decimals; NaN (no data) is null / "". */
static double round2(double v)
{
    return round(v * 100.0) / 100.0;
}

static void json_number(RkBuf *b, double v)
{
    if (!isfinite(v))
        rk_buf_puts(b, "null");
    else
        rk_buf_printf(b, "%.15g", round2(v) == 0 ? 0.0 : round2(v));
}

static void json_key(RkBuf *b, const char *key, bool first)
{
    if (!first)
        rk_buf_puts(b, ", ");
    rk_json_string(b, key);
    rk_buf_puts(b, ": ");
}

static const char *level_id(const RkQuestionnaire *q, int level)
{
    return level >= 0 && (size_t)level < q->n_levels ? q->levels[level].id : NULL;
}

void rk_report_json_number(RkBuf *b, double v) { json_number(b, v); }
void rk_report_json_key(RkBuf *b, const char *key, bool first) { json_key(b, key, first); }
const char *rk_report_level_id(const RkQuestionnaire *q, int level) { return level_id(q, level); }

static void json_cap(RkBuf *b, const RkQuestionnaire *q, const RkCap *cap)
{
    if (!cap->active) {
        rk_buf_puts(b, "null");
        return;
    }
    rk_buf_puts(b, "{");
    json_key(b, "level", true);
    rk_json_string(b, cap->max_level_name);
    json_key(b, "level_id", false);
    rk_json_string(b, level_id(q, cap->max_level));
    json_key(b, "binding", false);
    rk_buf_puts(b, cap->binding ? "true" : "false");
    json_key(b, "reason", false);
    rk_json_string(b, cap->reason);
    json_key(b, "rule_file", false);
    rk_json_string(b, cap->rule_file);
    rk_buf_puts(b, "}");
}

static void json_counts(RkBuf *b, int questions, int answered, int dont_know, int skipped,
                        int unanswered)
{
    json_key(b, "questions", false);
    rk_buf_printf(b, "%d", questions);
    json_key(b, "answered", false);
    rk_buf_printf(b, "%d", answered);
    json_key(b, "dont_know", false);
    rk_buf_printf(b, "%d", dont_know);
    json_key(b, "skipped", false);
    rk_buf_printf(b, "%d", skipped);
    json_key(b, "unanswered", false);
    rk_buf_printf(b, "%d", unanswered);
}

static void json_pillar(RkBuf *b, const RkQuestionnaire *q, const RkPillarResult *p)
{
    rk_buf_puts(b, "{");
    json_key(b, "id", true);
    rk_json_string(b, p->id);
    json_key(b, "title", false);
    rk_json_string(b, p->title);
    json_key(b, "weight", false);
    json_number(b, p->weight);
    json_key(b, "score", false);
    json_number(b, p->score);
    json_key(b, "level", false);
    rk_json_string(b, p->level_name);
    json_key(b, "level_id", false);
    rk_json_string(b, level_id(q, p->level));
    json_key(b, "uncapped_level_id", false);
    rk_json_string(b, level_id(q, p->uncapped_level));
    json_key(b, "cap", false);
    json_cap(b, q, &p->cap);
    json_counts(b, p->n_questions, p->n_answered, p->n_dont_know, p->n_skipped, p->n_unanswered);
    rk_buf_puts(b, "}");
}

static void json_indicators(RkBuf *b, const RkResult *r)
{
    rk_buf_puts(b, "[");
    for (size_t i = 0; i < r->n_indicators; i++) {
        const RkIndicator *ind = &r->indicators[i];
        rk_buf_puts(b, i ? ", {" : "{");
        json_key(b, "id", true);
        rk_json_string(b, ind->id);
        json_key(b, "label", false);
        rk_json_string(b, ind->label);
        json_key(b, "value", false);
        json_number(b, ind->value);
        json_key(b, "unit", false);
        rk_json_string(b, ind->unit);
        json_key(b, "pillar", false);
        rk_json_string(b, ind->pillar);
        rk_buf_puts(b, "}");
    }
    rk_buf_puts(b, "]");
}

static void json_findings(RkBuf *b, const RkResult *r)
{
    rk_buf_puts(b, "[");
    for (size_t i = 0; i < r->n_findings; i++) {
        const RkFinding *f = &r->findings[i];
        rk_buf_puts(b, i ? ", {" : "{");
        json_key(b, "pillar", true);
        rk_json_string(b, f->pillar);
        json_key(b, "priority", false);
        rk_buf_printf(b, "%d", f->priority);
        json_key(b, "kind", false);
        rk_json_string(b, f->kind);
        json_key(b, "text", false);
        rk_json_string(b, f->text);
        json_key(b, "questions", false);
        rk_buf_puts(b, "[");
        for (size_t k = 0; k < f->n_questions; k++) {
            if (k)
                rk_buf_puts(b, ", ");
            rk_json_string(b, f->questions[k]);
        }
        rk_buf_puts(b, "]");
        json_key(b, "rule_file", false);
        rk_json_string(b, f->rule_file);
        rk_buf_puts(b, "}");
    }
    rk_buf_puts(b, "]");
}

static void json_report(RkBuf *b, const RkReportInput *in, bool explain);

void rk_report_json(RkBuf *b, const RkReportInput *in)
{
    json_report(b, in, false);
}

void rk_report_json_explained(RkBuf *b, const RkReportInput *in)
{
    json_report(b, in, true);
}

static void json_report(RkBuf *b, const RkReportInput *in, bool explain)
{
    const RkResult *r = in->result;
    const RkAnswers *a = in->answers;
    rk_buf_puts(b, "{");
    json_key(b, "file", true);
    rk_json_string(b, in->file);
    json_key(b, "questionnaire", false);
    rk_json_string(b, in->q->id);
    json_key(b, "version", false);
    rk_json_string(b, in->q->version);
    json_key(b, "migrated_from", false); /* the answers file's older version, or null */
    rk_json_string(b, a ? a->migrated_from : NULL);
    json_key(b, "subject", false);
    rk_json_string(b, a ? a->subject : r->subject);
    json_key(b, "respondent", false);
    rk_json_string(b, a ? a->respondent : NULL);
    json_key(b, "date", false);
    rk_json_string(b, a ? a->date : NULL);
    json_key(b, "language", false);
    rk_json_string(b, in->lang);
    json_key(b, "score", false);
    json_number(b, r->score);
    json_key(b, "level", false);
    rk_json_string(b, r->level_name);
    json_key(b, "level_id", false);
    rk_json_string(b, level_id(in->q, r->level));
    json_key(b, "uncapped_level_id", false);
    rk_json_string(b, level_id(in->q, r->uncapped_level));
    json_key(b, "cap", false);
    json_cap(b, in->q, &r->cap);
    json_key(b, "confidence", false);
    json_number(b, rk_result_confidence(r));
    json_counts(b, r->n_questions, r->n_answered, r->n_dont_know, r->n_skipped, r->n_unanswered);
    json_key(b, "pillars", false);
    rk_buf_puts(b, "[");
    for (size_t i = 0; i < r->n_pillars; i++) {
        if (i)
            rk_buf_puts(b, ", ");
        json_pillar(b, in->q, &r->pillars[i]);
    }
    rk_buf_puts(b, "]");
    json_key(b, "indicators", false);
    json_indicators(b, r);
    json_key(b, "findings", false);
    json_findings(b, r);
    if (explain) {
        json_key(b, "explain", false);
        rk_report_explain_json(b, in);
    }
    rk_buf_puts(b, "}\n");
}

/* ---- CSV (RFC 4180) ---------------------------------------------------- */

/* One cell, after a "," unless first. Control characters are made visible
   (line breaks kept, inside quotes); a cell a spreadsheet would run as a
   formula gets a leading ' and quotes, as OWASP recommends. */
static void csv_field(RkBuf *b, const char *s, bool first)
{
    if (!first)
        rk_buf_puts(b, ",");
    if (!s)
        return;
    bool formula = rk_csv_formula_like(s);
    if (!formula && !strpbrk(s, ",\"\r\n")) {
        rk_safe_puts(b, s, RK_SAFE_NEWLINE);
        return;
    }
    rk_buf_puts(b, formula ? "\"'" : "\"");
    for (const char *p = s; *p; p++) {
        const char *q = strchr(p, '"');
        size_t n = q ? (size_t)(q - p) : strlen(p);
        rk_safe_add(b, p, n, RK_SAFE_NEWLINE);
        if (!q)
            break;
        rk_buf_puts(b, "\"\"");
        p = q;
    }
    rk_buf_puts(b, "\"");
}

static void csv_number(RkBuf *b, double v)
{
    rk_buf_puts(b, ",");
    if (isfinite(v))
        rk_buf_printf(b, "%.2f", round2(v));
}

/* The header: the fixed columns, the questionnaire's pillars, then the
   indicator columns given (the caller fixes them before the first row). */
void rk_report_csv_header(RkBuf *b, const RkQuestionnaire *q, const char *const *indicators,
                          size_t n_indicators)
{
    csv_field(b, "file", true);
    csv_field(b, "subject", false);
    csv_field(b, "score", false);
    csv_field(b, "level", false);
    for (size_t i = 0; i < q->n_pillars; i++)
        csv_field(b, q->pillars[i].id, false);
    for (size_t i = 0; i < n_indicators; i++)
        csv_field(b, indicators[i], false);
    rk_buf_puts(b, "\r\n");
}

/* A row's columns up to the pillars (no line end). */
void rk_report_csv_fixed(RkBuf *b, const RkReportInput *in)
{
    const RkResult *r = in->result;
    csv_field(b, in->file, true);
    csv_field(b, in->answers ? in->answers->subject : r->subject, false);
    csv_number(b, r->score);
    csv_field(b, r->level_name, false);
    /* Columns follow the questionnaire's pillars, whatever order rules used. */
    for (size_t i = 0; i < in->q->n_pillars; i++) {
        double v = NAN;
        for (size_t k = 0; k < r->n_pillars; k++)
            if (strcmp(r->pillars[k].id, in->q->pillars[i].id) == 0)
                v = r->pillars[k].score;
        csv_number(b, v);
    }
}

/* One more text cell: "," then s, quoted when it must be. */
void rk_report_csv_cell(RkBuf *b, const char *s)
{
    csv_field(b, s, false);
}

/* One indicator cell: "," then the value; indicators are counts, years,
   ratios: no forced decimals. NaN (no value) leaves the cell empty. */
void rk_report_csv_indicator(RkBuf *b, double value)
{
    rk_buf_puts(b, ",");
    if (isfinite(value))
        rk_buf_printf(b, "%.15g", round2(value));
}

/* A whole row: each indicator under its own column, empty where the
   result has none. */
void rk_report_csv_row(RkBuf *b, const RkReportInput *in, const char *const *indicators,
                       size_t n_indicators)
{
    const RkResult *r = in->result;
    rk_report_csv_fixed(b, in);
    for (size_t i = 0; i < n_indicators; i++) {
        double v = NAN;
        for (size_t k = 0; k < r->n_indicators; k++)
            if (strcmp(r->indicators[k].id, indicators[i]) == 0)
                v = r->indicators[k].value;
        rk_report_csv_indicator(b, v);
    }
    rk_buf_puts(b, "\r\n");
}

/* ---- text -------------------------------------------------------------- */

/* Characters (not bytes) in a UTF-8 string, for column alignment. */
static size_t utf8_width(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static void pad(RkBuf *b, const char *s, size_t width)
{
    rk_buf_puts(b, s);
    for (size_t w = utf8_width(s); w < width; w++)
        rk_buf_puts(b, " ");
}

static void text_score(RkBuf *b, double v)
{
    char num[32];
    rk_format_score(num, sizeof num, v, '.');
    if (isfinite(v))
        rk_buf_printf(b, "%6s", num);
    else
        rk_buf_puts(b, "     -");
}

/* "capped at" when the gate lowers the level, "at most" when it holds
   without lowering anything. */
static void text_cap(RkBuf *b, const RkLabels *l, const RkCap *cap)
{
    rk_buf_printf(b, "  (%s %s%s%s)", l->w[cap->binding ? RK_L_T_CAPPED : RK_L_T_AT_MOST],
                  cap->max_level_name ? cap->max_level_name : "?", l->colon,
                  cap->reason ? cap->reason : "");
}

static void text_report(RkBuf *b, const RkReportInput *in, bool explain);

void rk_report_text(RkBuf *b, const RkReportInput *in)
{
    text_report(b, in, false);
}

void rk_report_text_explained(RkBuf *b, const RkReportInput *in)
{
    text_report(b, in, true);
}

/* Human-readable summary; fixed words in the report's language (labels.h),
   figures with a decimal point so they read the same everywhere; then, with
   explain, the trace (report_explain.c). Control characters from the inputs
   and rules are made visible (safetext.h). */
static void text_report(RkBuf *b, const RkReportInput *in, bool explain)
{
    size_t from = b->len;
    const RkResult *r = in->result;
    const RkQuestionnaire *q = in->q;
    const RkLabels *l = rk_labels_for(in->lang);
    const char *subject = in->answers && in->answers->subject ? in->answers->subject : r->subject;
    rk_buf_printf(b, "%s: %s\n", in->file,
                  subject && *subject ? subject : l->w[RK_L_T_NO_SUBJECT]);
    rk_buf_printf(b, "  %s %s: %s\n", q->id, q->version ? q->version : "",
                  rk_text_get(&q->title, in->lang, q->languages[0]));
    rk_buf_printf(b, "  %s ", l->w[RK_L_T_OVERALL]);
    text_score(b, r->score);
    rk_buf_printf(b, "  %s", r->level_name ? r->level_name : "-");
    if (r->cap.active)
        text_cap(b, l, &r->cap);
    rk_buf_puts(b, "\n");
    size_t width = 0;
    for (size_t i = 0; i < r->n_pillars; i++) {
        size_t w = utf8_width(r->pillars[i].title ? r->pillars[i].title : r->pillars[i].id);
        width = w > width ? w : width;
    }
    if (width > 60)
        width = 60;
    for (size_t i = 0; i < r->n_pillars; i++) {
        const RkPillarResult *p = &r->pillars[i];
        rk_buf_puts(b, "    ");
        pad(b, p->title ? p->title : p->id, width);
        text_score(b, p->score);
        rk_buf_printf(b, "  %s", p->level_name ? p->level_name : l->w[RK_L_NO_DATA]);
        if (p->cap.active)
            text_cap(b, l, &p->cap);
        rk_buf_puts(b, "\n");
    }
    for (size_t i = 0; i < r->n_indicators; i++) {
        const RkIndicator *ind = &r->indicators[i];
        rk_buf_printf(b, "  %s %s%s", l->w[RK_L_T_INDICATOR], ind->label ? ind->label : ind->id,
                      l->colon);
        if (isfinite(ind->value))
            rk_buf_printf(b, "%.15g%s%s\n", round2(ind->value), ind->unit ? " " : "",
                          ind->unit ? ind->unit : "");
        else
            rk_buf_printf(b, "%s\n", l->w[RK_L_NOT_AVAILABLE]);
    }
    for (size_t i = 0; i < r->n_findings; i++) {
        const RkFinding *f = &r->findings[i];
        rk_buf_printf(b, "  [%d] %s%s%s\n", f->priority, f->pillar ? f->pillar : "",
                      f->pillar ? ": " : "", f->text);
    }
    rk_buf_puts(b, "  ");
    char line[512];
    rk_labels_data_line(l, line, sizeof line, r->n_answered, r->n_questions - r->n_skipped,
                        r->n_dont_know, r->n_unanswered, r->n_skipped, rk_result_confidence(r));
    rk_buf_puts(b, line);
    rk_buf_puts(b, "\n");
    if (explain)
        rk_report_explain_text(b, in);
    rk_safe_tail(b, from, RK_SAFE_NEWLINE | RK_SAFE_TAB);
}
