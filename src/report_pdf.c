/* report_pdf: a result and the questionnaire's labels -> the PDF handout.

   The layout is a list of sections (report_pdf_*.c), each a function
   drawing at the cursor of the drawing context (pdf_draw.h): the summary
   page, findings by priority, key figures, one section per pillar with its
   evidence, the methodology annex and the glossary; then the running header
   and "page n / N" on every page. The first libHaru error is kept in the
   context and reported once, when saving. This file holds the entry point,
   the helpers the sections share, and the finding items. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "readykit/format.h"
#include "report_pdf_internal.h"

const RkRgb RK_INK = {0.10f, 0.10f, 0.12f};
const RkRgb RK_GREY = {0.40f, 0.42f, 0.45f};
const RkRgb RK_RULE = {0.80f, 0.82f, 0.85f};
const RkRgb RK_TRACK = {0.90f, 0.91f, 0.93f};
const RkRgb RK_ACCENT = {0.13f, 0.40f, 0.62f};
const RkRgb RK_WARN = {0.70f, 0.20f, 0.15f};
const RkRgb RK_GOOD = {0.16f, 0.50f, 0.30f};
const RkRgb RK_LINK = {0.05f, 0.30f, 0.70f};
const RkRgb RK_AMBER = {0.72f, 0.45f, 0.05f};
const RkRgb RK_EARLIER = {0.55f, 0.57f, 0.60f};
const RkRgb RK_TARGET = {0.16f, 0.50f, 0.30f};

const char *rk_rp_word(const Report *rp, RkWord id)
{
    return rp->words->w[id];
}

const char *rk_rp_label(const Report *rp, int id)
{
    return rp->labels->w[id];
}

const char *rk_rp_text(const Report *rp, const RkText *t)
{
    const char *fb = rp->q->n_languages ? rp->q->languages[0] : "en";
    return rk_text_get(t, rp->lang, fb);
}

const char *rk_rp_colon(const Report *rp)
{
    return rp->labels->colon;
}

const char *rk_rp_built(Report *rp, const RkBuf *b)
{
    if (b->failed)
        rk_pdf_nomem(&rp->pdf);
    return b->data && !b->failed ? b->data : "";
}

void rk_rp_score(const Report *rp, char *buf, size_t size, double v)
{
    if (isnan(v))
        snprintf(buf, size, "%s", "\xE2\x80\x94");
    else
        rk_format_score(buf, size, v, rp->dec);
}

const RkPillarResult *rk_rp_pillar(const RkResult *r, const char *id)
{
    for (size_t i = 0; r && id && i < r->n_pillars; i++)
        if (strcmp(r->pillars[i].id, id) == 0)
            return &r->pillars[i];
    return NULL;
}

const char *rk_rp_pillar_title(const Report *rp, const char *id)
{
    const RkPillarResult *p = rk_rp_pillar(rp->r, id);
    return p ? (p->title ? p->title : p->id) : NULL;
}

const char *rk_rp_item_word(const Report *rp, ItemKind k)
{
    static const RkWord w[] = {RK_W_GAP, RK_W_RECOMMENDATION, RK_W_STRENGTH, RK_W_NEXT_STEP};
    return rk_rp_word(rp, w[k]);
}

RkRgb rk_rp_item_colour(ItemKind k)
{
    return k == ITEM_GAP ? RK_WARN : k == ITEM_STRENGTH ? RK_GOOD : RK_ACCENT;
}

void rk_rp_cap_text(const Report *rp, RkBuf *b, const RkCap *cap)
{
    const char *reason = cap->reason && *cap->reason ? cap->reason : NULL;
    b->len = 0;
    rk_buf_printf(b, "%s %s%s%s", rk_rp_label(rp, cap->binding ? RK_L_CAPPED : RK_L_AT_MOST),
                  cap->max_level_name ? cap->max_level_name : "?",
                  reason ? rk_rp_colon(rp) : "", reason ? reason : "");
}

HPDF_Outline rk_rp_heading(Report *rp, HPDF_Outline parent, const char *title, float size,
                           float keep)
{
    RkPdf *p = &rp->pdf;
    float lead = size * 1.25f;
    int lines = rk_pdf_count_lines(p, p->bold, size, p->width, title, 4);
    rk_pdf_need(p, lead * (float)lines + 6 + keep);
    HPDF_Outline o = rk_pdf_bookmark(p, parent, title);
    rk_pdf_para(p, p->bold, size, RK_INK, p->left, p->width, lead, title);
    p->y -= 4;
    return o;
}

void rk_rp_part_break(Report *rp)
{
    RkPdf *p = &rp->pdf;
    if (p->y - p->bottom < 0.55f * (p->top - p->bottom))
        rk_pdf_new_page(p);
    else
        p->y -= 14;
}

void rk_rp_bar(Report *rp, float x, float y, float w, float h, double score, RkRgb c)
{
    rk_pdf_rect(&rp->pdf, x, y, w, h, RK_TRACK);
    if (!isnan(score)) {
        double s = score < 0 ? 0 : score > 100 ? 100 : score;
        rk_pdf_rect(&rp->pdf, x, y, w * (float)(s / 100.0), h, c);
    }
}

void rk_rp_item(Report *rp, const Item *it, bool with_pillar)
{
    RkPdf *p = &rp->pdf;
    RkRgb c = rk_rp_item_colour(it->kind);
    const char *pt = with_pillar ? rk_rp_pillar_title(rp, it->pillar) : NULL;
    RkBuf head;
    rk_buf_init(&head);
    rk_buf_printf(&head, "%s%s%s", rk_rp_item_word(rp, it->kind), pt ? "  \xC2\xB7  " : "",
                  pt ? pt : "");
    const char *h = rk_rp_built(rp, &head);
    float w = p->width - 10;
    int lh = rk_pdf_count_lines(p, p->bold, 7.5f, w, h, 100);
    int lt = rk_pdf_count_lines(p, p->regular, 9.5f, w, it->text, 1000);
    float total = 10.0f * (float)lh + 12.5f * (float)lt;
    rk_pdf_need(p, total < 70 ? total : 70); /* a long item may run on */
    float sh = total < p->y - p->bottom ? total : p->y - p->bottom;
    rk_pdf_rect(p, p->left, p->y - sh + 1, 2.5f, sh - 1, c);
    rk_pdf_para(p, p->bold, 7.5f, c, p->left + 10, w, 10, h);
    rk_pdf_para(p, p->regular, 9.5f, RK_INK, p->left + 10, w, 12.5f, it->text);
    p->y -= 7;
    rk_buf_free(&head);
}

/* --- finding items --- */

/* Length of a leading "Word (75/100): " that repeats the kind and the
   pillar's score (the item's tag and the pillar section say both). */
static size_t score_prefix(const char *t)
{
    const char *open = strchr(t, '(');
    if (!open || open - t > 30)
        return 0;
    const char *s = open + 1;
    while (*s >= '0' && *s <= '9')
        s++;
    if (s == open + 1 || strncmp(s, "/100)", 5) != 0)
        return 0;
    s += 5;
    while (*s == ' ' || (unsigned char)*s == 0xC2 || (unsigned char)*s == 0xA0)
        s++;
    if (strncmp(s, "\xE2\x80\xAF", 3) == 0)
        s += 3;
    if (*s != ':')
        return 0;
    s++;
    while (*s == ' ')
        s++;
    return (size_t)(s - t);
}

/* Where a strength's text names its next step: ". Next step: ", in any of
   the shipped languages; *after is where the step's own text starts. */
static const char *next_step_at(const char *t, const char **after)
{
    static const char *const marks[] = {"Next step", "Prochaine étape", "Próximo paso"};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
        for (const char *m = strstr(t, marks[i]); m; m = strstr(m + 1, marks[i])) {
            if (m < t + 2 || m[-1] != ' ' || m[-2] != '.')
                continue;
            const char *s = m + strlen(marks[i]);
            while (*s == ' ' || strncmp(s, "\xE2\x80\xAF", 3) == 0 || strncmp(s, "\xC2\xA0", 2) == 0)
                s += *s == ' ' ? 1 : (unsigned char)*s == 0xC2 ? 2 : 3;
            if (*s != ':')
                continue;
            s++;
            while (*s == ' ')
                s++;
            *after = s;
            return m - 1; /* keep the full stop */
        }
    }
    return NULL;
}

static void add_item(Report *rp, ItemKind kind, const RkFinding *f, const char *text, size_t len)
{
    Item *it = &rp->items[rp->n_items++];
    it->kind = kind;
    it->priority = f->priority < 1 ? 1 : f->priority > 3 ? 3 : f->priority;
    it->pillar = f->pillar;
    /* offsets now, pointers once the buffer stops moving */
    size_t at = rp->texts.len;
    it->text = (const char *)at;
    rk_buf_add(&rp->texts, text, len);
    rk_buf_add(&rp->texts, "", 1);
    /* a half that starts mid-sentence starts with a capital */
    unsigned char *c = rp->texts.failed ? NULL : (unsigned char *)rp->texts.data + at;
    if (c && c[0] >= 'a' && c[0] <= 'z')
        c[0] = (unsigned char)(c[0] - 'a' + 'A');
    else if (c && c[0] == 0xC3 && c[1] >= 0xA0 && c[1] <= 0xBE && c[1] != 0xB7)
        c[1] = (unsigned char)(c[1] - 0x20); /* é -> É, à -> À (Latin-1 letters) */
}

/* Findings -> items: the kind word once, strengths and next steps apart. */
static void make_items(Report *rp)
{
    const RkResult *r = rp->r;
    rp->items = calloc(2 * r->n_findings + 1, sizeof *rp->items);
    rk_buf_init(&rp->texts);
    if (!rp->items) {
        rp->pdf.error = HPDF_FAILD_TO_ALLOC_MEM;
        return;
    }
    for (size_t i = 0; i < r->n_findings; i++) {
        const RkFinding *f = &r->findings[i];
        const char *t = f->text ? f->text : "";
        const char *kind = f->kind ? f->kind : "";
        ItemKind k = strcmp(kind, "gap") == 0 ? ITEM_GAP
                     : strcmp(kind, "strength") == 0 ? ITEM_STRENGTH : ITEM_RECOMMENDATION;
        if (k == ITEM_STRENGTH)
            t += score_prefix(t);
        const char *after = NULL, *cut = k == ITEM_STRENGTH ? next_step_at(t, &after) : NULL;
        add_item(rp, k, f, t, cut ? (size_t)(cut - t) : strlen(t));
        if (cut && *after)
            add_item(rp, ITEM_NEXT_STEP, f, after, strlen(after));
    }
    if (rp->texts.failed) {
        rp->pdf.error = HPDF_FAILD_TO_ALLOC_MEM;
        rp->n_items = 0;
        return;
    }
    for (size_t i = 0; i < rp->n_items; i++)
        rp->items[i].text = rp->texts.data + (size_t)rp->items[i].text;
}

/* --- page furniture --- */

/* The running header (subject · questionnaire) from page 2 on, and
   "page n / N" at the foot of every page. */
static void furniture(Report *rp)
{
    RkPdf *p = &rp->pdf;
    const char *subject = rp->r->subject && *rp->r->subject ? rp->r->subject
                          : rp->in->file ? rp->in->file : "";
    RkBuf head;
    rk_buf_init(&head);
    rk_buf_printf(&head, "%s  \xC2\xB7  %s", subject, rk_rp_text(rp, &rp->q->title));
    const char *h = rk_rp_built(rp, &head);
    for (int i = 0; i < p->n_pages && rk_pdf_ok(p); i++) {
        rk_pdf_use_page(p, i);
        if (i > 0) {
            rk_pdf_wrap_at(p, p->regular, 7.5f, RK_GREY, p->left, p->page_h - 26, p->width, 9,
                           h, 1);
            rk_pdf_hline(p, p->left, p->right, p->page_h - 38, 0.5f, RK_RULE);
        }
        char num[64];
        snprintf(num, sizeof num, rk_rp_word(rp, RK_W_F_PAGE), i + 1, p->n_pages);
        rk_pdf_text_right(p, p->regular, 7.5f, RK_GREY, p->right, 26, num);
        rk_pdf_text(p, p->regular, 7.5f, RK_GREY, p->left, 26,
                    rp->opt->creator ? rp->opt->creator : "readykit");
    }
    rk_buf_free(&head);
}

/* Lay the whole report out in one font mode. */
static void layout(Report *rp)
{
    const char *title = rk_rp_text(rp, &rp->q->title);
    const char *subject = rp->r->subject ? rp->r->subject : "";
    RkBuf doc_title;
    rk_buf_init(&doc_title);
    rk_buf_printf(&doc_title, "%s%s%s", title, *subject ? " \xE2\x80\x94 " : "", subject);
    const char *author = rp->in->answers ? rp->in->answers->respondent : NULL;
    rk_pdf_metadata(&rp->pdf, rk_rp_built(rp, &doc_title), subject, author,
                    rp->opt->creator ? rp->opt->creator : "readykit", rp->lang);
    rk_buf_free(&doc_title);

    rk_rp_summary_page(rp);
    rk_rp_findings(rp);
    rk_rp_pillar_sections(rp);
    rk_rp_key_figures(rp);
    rk_rp_method(rp);
    rk_rp_glossary(rp);
    furniture(rp);
}

RkStatus rk_report_pdf(const RkReportInput *in, const char *path, RkDiag *d)
{
    return rk_report_pdf_with(in, NULL, path, d);
}

/* Write the report for in to path, atomically. Latin-script text is set in
   the standard fonts; when some text needs a character Windows-1252 lacks,
   the report is laid out again with DejaVu embedded, and a warning says so. */
RkStatus rk_report_pdf_with(const RkReportInput *in, const RkReportPdfOptions *opt,
                            const char *path, RkDiag *d)
{
    static const RkReportPdfOptions none = {0};
    Report rp = {.in = in, .opt = opt ? opt : &none, .q = in->q, .r = in->result};
    RkPdfPaper paper = rp.opt->paper == RK_REPORT_LETTER ? RK_PAPER_LETTER : RK_PAPER_A4;
    rp.lang = in->lang && *in->lang ? in->lang
              : in->q->n_languages ? in->q->languages[0] : "en";
    rp.labels = rk_labels_for(rp.lang);
    rp.words = rk_words_for(rp.lang);
    rp.dec = rp.labels->decimal;
    rk_pdf_open(&rp.pdf, paper, false);
    make_items(&rp);
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
    free(rp.items);
    rk_buf_free(&rp.texts);
    return s;
}
