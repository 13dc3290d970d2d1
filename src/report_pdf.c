/* report_pdf: a result and the questionnaire's labels -> an A4 PDF handout.

   Page one: the questionnaire title, the subject, the overall score and level
   (with its cap and the data confidence), a table of pillars with a bar each;
   then pillar findings. Each block is one function drawing at the cursor of
   the drawing context (pdf_draw.h); the first libHaru error is kept there
   and reported once, when saving. */
#include "readykit/report.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "pdf_draw.h"
#include "readykit/labels.h"

static const RkRgb INK = {0.10f, 0.10f, 0.12f};
static const RkRgb GREY = {0.40f, 0.42f, 0.45f};
static const RkRgb RULE = {0.80f, 0.82f, 0.85f};
static const RkRgb TRACK = {0.90f, 0.91f, 0.93f};
static const RkRgb ACCENT = {0.13f, 0.40f, 0.62f};
static const RkRgb WARN = {0.70f, 0.20f, 0.15f};
static const RkRgb GOOD = {0.16f, 0.50f, 0.30f};

/* Everything a block needs: the drawing context and the report's input. */
typedef struct Report {
    RkPdf pdf;
    const RkReportInput *in;
    const RkReportPdfOptions *opt;
    const RkQuestionnaire *q;
    const RkResult *r;
    const char *lang;
    const RkLabels *words;
    char dec;              /* decimal separator */
} Report;

static const char *word(const Report *rp, int id)
{
    return rp->words->w[id];
}

static const char *qtext(const Report *rp, const RkText *t)
{
    const char *fb = rp->q->n_languages ? rp->q->languages[0] : "en";
    return rk_text_get(t, rp->lang, fb);
}

/* A 0-100 figure with one decimal and the language's separator, without
   printf's %f (its separator depends on the process locale). */
static void fmt1(const Report *rp, char *buf, size_t size, double v)
{
    if (!(v > 0))
        v = 0;
    if (v > 1e9)
        v = 1e9; /* rules may return anything: keep lround defined */
    long t = lround(v * 10.0);
    if (t % 10 == 0)
        snprintf(buf, size, "%ld", t / 10);
    else
        snprintf(buf, size, "%ld%c%ld", t / 10, rp->dec, t % 10);
}

static const char *colon(const Report *rp)
{
    return rp->words->colon;
}

static const char *percent_sign(const Report *rp)
{
    /* French and Spanish put a (narrow no-break) space before %. */
    return rp->dec == ',' ? "\xE2\x80\xAF%" : "%";
}

/* Text of a cap: "Capped at Emerging: reason", into b (emptied first). */
static void fmt_cap(const Report *rp, RkBuf *b, const RkCap *cap)
{
    const char *reason = cap->reason && *cap->reason ? cap->reason : NULL;
    b->len = 0;
    /* "Capped at" when the gate lowers the level; "At most" when it holds
       without lowering anything (it says why the level cannot rise). */
    rk_buf_printf(b, "%s %s%s%s", word(rp, cap->binding ? RK_L_CAPPED : RK_L_AT_MOST),
                  cap->max_level_name ? cap->max_level_name : "?",
                  reason ? colon(rp) : "", reason ? reason : "");
}

/* Text built in b, or "" when it could not be (out of memory: recorded). */
static const char *built(Report *rp, const RkBuf *b)
{
    if (b->failed)
        rp->pdf.error = HPDF_FAILD_TO_ALLOC_MEM;
    return b->data && !b->failed ? b->data : "";
}

/* The questionnaire's title, the subject and who answered, when. */
static void block_header(Report *rp)
{
    RkPdf *p = &rp->pdf;
    rk_pdf_para(p, p->regular, 11, GREY, p->left, p->width, 14,
                qtext(rp, &rp->q->title));
    p->y -= 4;
    const char *subject = rp->r->subject && *rp->r->subject ? rp->r->subject
                          : rp->in->file ? rp->in->file : "";
    rk_pdf_para(p, p->bold, 22, INK, p->left, p->width, 27, subject);
    RkBuf meta;
    rk_buf_init(&meta);
    rk_buf_printf(&meta, "%s %s %s", word(rp, RK_L_QUESTIONNAIRE), rp->q->id,
                  rp->q->version ? rp->q->version : "");
    const RkAnswers *a = rp->in->answers;
    if (a && a->respondent && *a->respondent)
        rk_buf_printf(&meta, "  ·  %s%s%s", word(rp, RK_L_RESPONDENT), colon(rp), a->respondent);
    if (a && a->date && *a->date)
        rk_buf_printf(&meta, "  ·  %s%s%s", word(rp, RK_L_DATE), colon(rp), a->date);
    p->y -= 4;
    rk_pdf_para(p, p->regular, 9, GREY, p->left, p->width, 12,
                built(rp, &meta));
    rk_buf_free(&meta);
    p->y -= 10;
    rk_pdf_hline(p, p->left, p->right, p->y, 0.8f, RULE);
    p->y -= 18;
}

/* A 0-100 bar: a grey track with the score filled in; nothing for NaN. */
static void bar(Report *rp, float x, float y, float w, float h, double score)
{
    rk_pdf_rect(&rp->pdf, x, y, w, h, TRACK);
    if (!isnan(score)) {
        double s = score < 0 ? 0 : score > 100 ? 100 : score;
        rk_pdf_rect(&rp->pdf, x, y, w * (float)(s / 100.0), h, ACCENT);
    }
}

/* "Data confidence: 85 % (17/20 answered, 2 don't know)". */
static void fmt_confidence(const Report *rp, char *buf, size_t size)
{
    const RkResult *r = rp->r;
    char pc[16];
    fmt1(rp, pc, sizeof pc, rk_result_confidence(r));
    snprintf(buf, size, "%s%s%s%s (%d/%d %s, %d %s)", word(rp, RK_L_CONFIDENCE), colon(rp), pc,
             percent_sign(rp), r->n_answered, r->n_questions - r->n_skipped,
             word(rp, RK_L_ANSWERED), r->n_dont_know, word(rp, RK_L_DONT_KNOW));
}

/* Ticks at the level thresholds under the overall bar, each level's name
   beside its tick when it fits before the next one. */
static void level_scale(Report *rp)
{
    RkPdf *p = &rp->pdf;
    const RkQuestionnaire *q = rp->q;
    for (size_t i = 0; i < q->n_levels; i++) {
        float x = p->left + p->width * (float)(q->levels[i].min / 100.0);
        float next = i + 1 < q->n_levels
                         ? p->left + p->width * (float)(q->levels[i + 1].min / 100.0)
                         : p->right;
        if (i > 0)
            rk_pdf_rect(p, x - 0.5f, p->y - 9, 1, 12, GREY);
        const char *name = qtext(rp, &q->levels[i].name);
        float w = rk_pdf_width(p, p->regular, 7.5f, name);
        if (x + 3 + w <= next - 3)
            rk_pdf_text(p, p->regular, 7.5f, GREY, x + (i > 0 ? 3 : 0), p->y - 18, name);
    }
}

/* The overall score, big, with the level, a bar, the cap and confidence. */
static void block_overall(Report *rp)
{
    RkPdf *p = &rp->pdf;
    const RkResult *r = rp->r;
    rk_pdf_need(p, 110);
    rk_pdf_text(p, p->regular, 10, GREY, p->left, p->y - 8,
                word(rp, RK_L_OVERALL));
    rk_pdf_text(p, p->regular, 10, GREY, p->left + 190, p->y - 8,
                word(rp, RK_L_LEVEL));
    float base = p->y - 48;
    char num[32];
    if (isnan(r->score)) {
        rk_pdf_text(p, p->bold, 24, GREY, p->left, base, word(rp, RK_L_NO_DATA));
    } else {
        fmt1(rp, num, sizeof num, r->score);
        rk_pdf_text(p, p->bold, 36, ACCENT, p->left, base, num);
        float w = rk_pdf_width(p, p->bold, 36, num);
        rk_pdf_text(p, p->regular, 14, GREY, p->left + w + 6, base, "/ 100");
    }
    const char *level = r->level_name && *r->level_name ? r->level_name : "—";
    rk_pdf_wrap_at(p, p->bold, 18, INK, p->left + 190, p->y - 24,
                   p->width - 190, 22, level, 2);
    p->y = base - 14;
    bar(rp, p->left, p->y - 6, p->width, 6, r->score);
    level_scale(rp);
    p->y -= 34;
    if (r->cap.active) {
        RkBuf b;
        rk_buf_init(&b);
        fmt_cap(rp, &b, &r->cap);
        rk_pdf_para(p, p->regular, 10, WARN, p->left, p->width, 13,
                    built(rp, &b));
        rk_buf_free(&b);
    }
    char line[512];
    fmt_confidence(rp, line, sizeof line);
    rk_pdf_para(p, p->regular, 10, GREY, p->left, p->width, 13, line);
    p->y -= 16;
}

/* Pillar table columns: title | score | level | bar. */
#define COL_TITLE p->left
#define COL_TITLE_W 190.0f
#define COL_SCORE_R (p->left + 250.0f)
#define COL_LEVEL (p->left + 262.0f)
#define COL_LEVEL_W 110.0f
#define COL_BAR (p->left + 380.0f)
#define COL_BAR_W (p->right - COL_BAR)

/* The column names (again at the top of each page the table runs onto). */
static void table_columns(Report *rp)
{
    RkPdf *p = &rp->pdf;
    float b = p->y - 8;
    const char *sc = word(rp, RK_L_SCORE);
    rk_pdf_text(p, p->regular, 8.5f, GREY, COL_TITLE, b, word(rp, RK_L_PILLAR));
    rk_pdf_text(p, p->regular, 8.5f, GREY,
                COL_SCORE_R - rk_pdf_width(p, p->regular, 8.5f, sc), b, sc);
    rk_pdf_text(p, p->regular, 8.5f, GREY, COL_LEVEL, b, word(rp, RK_L_LEVEL));
    p->y -= 12;
    rk_pdf_hline(p, p->left, p->right, p->y, 0.8f, RULE);
}

/* Most lines a cell may take, so one row always fits on a page. */
#define MAX_TITLE_LINES 4
#define MAX_CAP_LINES 6

/* One pillar row; its height follows the wrapped title, level and cap. */
static void table_row(Report *rp, const RkPillarResult *pr)
{
    RkPdf *p = &rp->pdf;
    bool none = isnan(pr->score);
    RkBuf cap;
    rk_buf_init(&cap);
    if (pr->cap.active)
        fmt_cap(rp, &cap, &pr->cap);
    const char *ct = built(rp, &cap);
    const char *title = pr->title ? pr->title : pr->id;
    const char *level = none ? word(rp, RK_L_NO_DATA) : pr->level_name ? pr->level_name : "";
    int lt = rk_pdf_count_lines(p, p->regular, 10, COL_TITLE_W, title, MAX_TITLE_LINES);
    int ll = rk_pdf_count_lines(p, p->regular, 10, COL_LEVEL_W, level, MAX_TITLE_LINES);
    int lc = rk_pdf_count_lines(p, p->regular, 8.5f, p->width - 12, ct,
                                MAX_CAP_LINES);
    int lines = lt > ll ? lt : ll;
    float h = 7 + 13.0f * (float)lines + 11.0f * (float)lc + 6;
    if (rk_pdf_need(p, h))
        table_columns(rp);
    float top = p->y - 7;
    rk_pdf_wrap_at(p, p->regular, 10, INK, COL_TITLE, top, COL_TITLE_W, 13, title,
                   MAX_TITLE_LINES);
    char num[32] = "—";
    if (!none)
        fmt1(rp, num, sizeof num, pr->score);
    float base = top - (float)HPDF_Font_GetAscent(p->bold) * 10 / 1000.0f;
    rk_pdf_text(p, p->bold, 10, none ? GREY : INK,
                COL_SCORE_R - rk_pdf_width(p, p->bold, 10, num), base, num);
    rk_pdf_wrap_at(p, p->regular, 10, none ? GREY : INK, COL_LEVEL, top, COL_LEVEL_W,
                   13, level, MAX_TITLE_LINES);
    bar(rp, COL_BAR, base - 0.5f, COL_BAR_W, 6, pr->score);
    rk_pdf_wrap_at(p, p->regular, 8.5f, WARN, COL_TITLE + 12,
                   top - 13.0f * (float)lines - 1, p->width - 12, 11, ct,
                   MAX_CAP_LINES);
    rk_buf_free(&cap);
    p->y -= h;
    rk_pdf_hline(p, p->left, p->right, p->y, 0.4f, RULE);
}

static void block_pillars(Report *rp)
{
    RkPdf *p = &rp->pdf;
    rk_pdf_need(p, 90); /* the heading, the columns and a row or two */
    rk_pdf_text(p, p->bold, 13, INK, p->left, p->y - 11, word(rp, RK_L_PILLARS));
    p->y -= 24;
    table_columns(rp);
    for (size_t i = 0; i < rp->r->n_pillars && rk_pdf_ok(&rp->pdf); i++)
        table_row(rp, &rp->r->pillars[i]);
    rp->pdf.y -= 20;
}

static const char *pillar_title(const Report *rp, const char *id)
{
    for (size_t i = 0; id && i < rp->r->n_pillars; i++)
        if (strcmp(rp->r->pillars[i].id, id) == 0)
            return rp->r->pillars[i].title;
    return NULL;
}

/* The findings, in the result's order: a coloured kind, the pillar, text. */
/* An indicator's value: up to two decimals, the language's separator. */
static void fmt_value(const Report *rp, char *buf, size_t size, double v)
{
    snprintf(buf, size, "%.2f", v);
    char *dot = strchr(buf, '.');
    if (!dot)
        return;
    char *end = buf + strlen(buf);
    while (end > dot + 1 && end[-1] == '0')
        *--end = '\0';
    if (end == dot + 1)
        *dot = '\0';
    else
        *dot = rp->dec;
}

/* Derived indicators: label on the left, value and unit on the right. */
static void block_indicators(Report *rp)
{
    RkPdf *p = &rp->pdf;
    if (rp->r->n_indicators == 0)
        return;
    rk_pdf_need(p, 60);
    rk_pdf_text(p, p->bold, 13, INK, p->left, p->y - 11, word(rp, RK_L_INDICATORS));
    p->y -= 24;
    const float value_w = 130;
    for (size_t i = 0; i < rp->r->n_indicators && rk_pdf_ok(p); i++) {
        const RkIndicator *ind = &rp->r->indicators[i];
        const char *label = ind->label && *ind->label ? ind->label : ind->id;
        char num[64], val[160];
        if (isfinite(ind->value)) {
            fmt_value(rp, num, sizeof num, ind->value);
            snprintf(val, sizeof val, "%s%s%s", num, ind->unit && *ind->unit ? " " : "",
                     ind->unit ? ind->unit : "");
        } else {
            snprintf(val, sizeof val, "%s", word(rp, RK_L_NOT_AVAILABLE));
        }
        float lw = p->width - value_w - 10;
        int lines = rk_pdf_count_lines(p, p->regular, 10, lw, label, 3);
        rk_pdf_need(p, 13.0f * (float)lines + 6);
        float top = p->y;
        rk_pdf_wrap_at(p, p->regular, 10, INK, p->left, top, lw, 13, label, 3);
        float vw = rk_pdf_width(p, p->bold, 10, val);
        if (vw > value_w)
            vw = value_w;
        rk_pdf_wrap_at(p, p->bold, 10, INK, p->right - vw, top, value_w, 13, val, 1);
        p->y = top - 13.0f * (float)lines - 4;
        rk_pdf_hline(p, p->left, p->right, p->y + 1, 0.4f, RULE);
        p->y -= 5;
    }
    p->y -= 10;
}

static void block_findings(Report *rp)
{
    RkPdf *p = &rp->pdf;
    if (rp->r->n_findings == 0)
        return;
    rk_pdf_need(p, 60);
    rk_pdf_text(p, p->bold, 13, INK, p->left, p->y - 11, word(rp, RK_L_FINDINGS));
    p->y -= 24;
    for (size_t i = 0; i < rp->r->n_findings && rk_pdf_ok(p); i++) {
        const RkFinding *f = &rp->r->findings[i];
        const char *kind = f->kind ? f->kind : "";
        int k = strcmp(kind, "gap") == 0 ? RK_L_GAP
                : strcmp(kind, "strength") == 0 ? RK_L_STRENGTH : RK_L_RECOMMENDATION;
        RkRgb c = k == RK_L_GAP ? WARN : k == RK_L_STRENGTH ? GOOD : ACCENT;
        char head[512];
        const char *pt = pillar_title(rp, f->pillar);
        snprintf(head, sizeof head, "%s%s%s", word(rp, k), pt ? "  ·  " : "",
                 pt ? pt : "");
        const char *text = f->text ? f->text : "";
        float w = p->width - 9;
        int lh = rk_pdf_count_lines(p, p->bold, 8.5f, w, head, 1000);
        int lt = rk_pdf_count_lines(p, p->regular, 10, w, text, 1000);
        float h = 11.0f * (float)lh + 13.0f * (float)lt;
        rk_pdf_need(p, h < 60 ? h : 60); /* a long finding may run on */
        /* the stripe spans what fits on this page */
        float sh = h < p->y - RK_PDF_MARGIN ? h : p->y - RK_PDF_MARGIN;
        rk_pdf_rect(p, p->left, p->y - sh + 1, 2.5f, sh - 1, c);
        rk_pdf_para(p, p->bold, 8.5f, c, p->left + 9, w, 11, head);
        rk_pdf_para(p, p->regular, 10, INK, p->left + 9, w, 13, text);
        p->y -= 8;
    }
}

/* Lay the whole report out in one font mode. */
static void layout(Report *rp)
{
    const char *title = qtext(rp, &rp->q->title);
    const char *subject = rp->r->subject ? rp->r->subject : "";
    RkBuf doc_title;
    rk_buf_init(&doc_title);
    rk_buf_printf(&doc_title, "%s%s%s", title, *subject ? " \xE2\x80\x94 " : "", subject);
    const char *author = rp->in->answers ? rp->in->answers->respondent : NULL;
    rk_pdf_metadata(&rp->pdf, built(rp, &doc_title), subject, author,
                    rp->opt->creator ? rp->opt->creator : "readykit", rp->lang);
    rk_buf_free(&doc_title);

    block_header(rp);
    block_overall(rp);
    block_pillars(rp);
    block_indicators(rp);
    block_findings(rp);
}

/* Write the report for in to path, atomically. Latin-script text is set in
   the standard fonts; when some text needs a character Windows-1252 lacks,
   the report is laid out again with DejaVu embedded, and a warning says so. */
RkStatus rk_report_pdf(const RkReportInput *in, const char *path, RkDiag *d)
{
    return rk_report_pdf_with(in, NULL, path, d);
}

RkStatus rk_report_pdf_with(const RkReportInput *in, const RkReportPdfOptions *opt,
                            const char *path, RkDiag *d)
{
    static const RkReportPdfOptions none = {0};
    Report rp = {.in = in, .opt = opt ? opt : &none, .q = in->q, .r = in->result};
    RkPdfPaper paper = rp.opt->paper == RK_REPORT_LETTER ? RK_PAPER_LETTER : RK_PAPER_A4;
    rp.lang = in->lang && *in->lang ? in->lang
              : in->q->n_languages ? in->q->languages[0] : "en";
    rp.words = rk_labels_for(rp.lang);
    rp.dec = rp.words->decimal;
    rk_pdf_open(&rp.pdf, paper, false);
    layout(&rp);
    unsigned long missing = rp.pdf.missing;
    if (missing && rk_pdf_ok(&rp.pdf)) {
        rk_pdf_close(&rp.pdf);
        rk_pdf_open(&rp.pdf, paper, true);
        layout(&rp);
        rk_diag_warn(d, path, 0, 0,
                     "the text needs characters outside Windows-1252 (first U+%04lX): "
                     "DejaVu Sans is embedded, the PDF is larger", missing);
    }
    RkStatus s = rk_pdf_save(&rp.pdf, path, d);
    rk_pdf_close(&rp.pdf);
    return s;
}
