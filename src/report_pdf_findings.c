/* report_pdf_findings: findings by priority ("act now", "next",
   "consolidate"), then key figures apart from data-quality figures. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "readykit/format.h"
#include "report_pdf_internal.h"

void rk_rp_findings(Report *rp)
{
    RkPdf *p = &rp->pdf;
    if (rp->n_items == 0)
        return;
    static const RkWord tier[] = {RK_W_ACT_NOW, RK_W_NEXT, RK_W_CONSOLIDATE};
    const RkRgb colour[] = {RK_WARN, RK_AMBER, RK_ACCENT};
    p->y -= 6;
    rk_rp_heading(rp, NULL, rk_rp_word(rp, RK_W_FINDINGS_BY_PRIORITY), 14, 60);
    for (int t = 0; t < 3 && rk_pdf_ok(p); t++) {
        size_t count = 0;
        for (size_t i = 0; i < rp->n_items; i++)
            count += rp->items[i].priority == t + 1;
        if (count == 0)
            continue;
        rk_pdf_need(p, 60); /* the tier's name with its first item */
        char head[96];
        snprintf(head, sizeof head, "%s (%zu)", rk_rp_word(rp, tier[t]), count);
        rk_pdf_para(p, p->bold, 10.5f, colour[t], p->left, p->width, 14, head);
        p->y -= 3;
        for (size_t i = 0; i < rp->n_items && rk_pdf_ok(p); i++)
            if (rp->items[i].priority == t + 1)
                rk_rp_item(rp, &rp->items[i], true);
        p->y -= 4;
    }
}

/* The answer behind a figure of the same id, if it names a source. */
static const RkAnswer *answer_for(const Report *rp, const char *id)
{
    const RkQuestion *qn = id ? rk_questionnaire_find(rp->q, id) : NULL;
    const RkAnswers *a = rp->in->answers;
    return qn && a && qn->index < a->n_questions ? &a->by_question[qn->index] : NULL;
}

/* One figure: label (and its pillar or source) on the left, value on the right. */
static void figure_row(Report *rp, const char *label, const char *detail, const char *value,
                       const char *link)
{
    RkPdf *p = &rp->pdf;
    const float value_w = 110, lw = p->width - value_w - 12;
    int ll = rk_pdf_count_lines(p, p->regular, 9, lw, label, 3);
    int ld = detail ? rk_pdf_count_lines(p, p->regular, 7.5f, lw, detail, 3) : 0;
    float h = 11.5f * (float)ll + 9.5f * (float)ld + 6;
    rk_pdf_need(p, h);
    float top = p->y - 2;
    rk_pdf_wrap_at(p, p->regular, 9, RK_INK, p->left, top, lw, 11.5f, label, 3);
    if (detail) {
        float dtop = top - 11.5f * (float)ll;
        rk_pdf_wrap_at(p, p->regular, 7.5f, link ? RK_LINK : RK_GREY, p->left, dtop, lw, 9.5f,
                       detail, 3);
        if (link)
            rk_pdf_link(p, p->left, dtop - 9.5f * (float)ld, lw, 9.5f * (float)ld, link);
    }
    rk_pdf_wrap_at(p, p->bold, 9, RK_INK, p->right - value_w, top, value_w, 11.5f, value, 2);
    p->y -= h;
    rk_pdf_hline(p, p->left, p->right, p->y + 2, 0.3f, RK_RULE);
}

static void indicator_value(const Report *rp, const RkIndicator *ind, char *buf, size_t size)
{
    if (!isfinite(ind->value)) {
        snprintf(buf, size, "%s", rk_rp_label(rp, RK_L_NOT_AVAILABLE));
        return;
    }
    char num[64];
    /* years read as years, not "2 013" */
    if (ind->value == floor(ind->value) && fabs(ind->value) < 1e7)
        snprintf(num, sizeof num, "%.0f", ind->value);
    else
        rk_format_value(num, sizeof num, ind->value, rp->dec);
    bool pct = ind->unit && strcmp(ind->unit, "%") == 0;
    snprintf(buf, size, "%s%s%s", num,
             ind->unit && *ind->unit ? (pct && rp->dec == ',' ? "\xE2\x80\xAF" : pct ? "" : " ") : "",
             ind->unit ? ind->unit : "");
}

static bool is_url(const char *s)
{
    return s && (strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0);
}

void rk_rp_key_figures(Report *rp)
{
    RkPdf *p = &rp->pdf;
    const RkResult *r = rp->r;
    size_t key = 0;
    for (size_t i = 0; i < r->n_indicators; i++)
        key += r->indicators[i].pillar != NULL;
    char val[160];
    if (key > 0) {
        p->y -= 8;
        rk_rp_heading(rp, NULL, rk_rp_word(rp, RK_W_KEY_FIGURES), 14, 40);
        for (size_t i = 0; i < r->n_indicators && rk_pdf_ok(p); i++) {
            const RkIndicator *ind = &r->indicators[i];
            if (!ind->pillar)
                continue;
            indicator_value(rp, ind, val, sizeof val);
            const RkAnswer *a = answer_for(rp, ind->id);
            const char *src = a && a->source && *a->source ? a->source : NULL;
            const char *pt = rk_rp_pillar_title(rp, ind->pillar);
            RkBuf d;
            rk_buf_init(&d);
            if (src)
                rk_buf_printf(&d, "%s%s%s", rk_rp_word(rp, RK_W_SOURCE), rk_rp_colon(rp), src);
            else if (pt)
                rk_buf_puts(&d, pt);
            figure_row(rp, ind->label && *ind->label ? ind->label : ind->id,
                       d.len ? rk_rp_built(rp, &d) : NULL, val, is_url(src) ? src : NULL);
            rk_buf_free(&d);
        }
    }
    /* data quality: the counts, then figures about the data itself */
    p->y -= 10;
    rk_rp_heading(rp, NULL, rk_rp_word(rp, RK_W_DATA_QUALITY), 14, 40);
    char pc[32];
    rk_format_value(pc, sizeof pc, round(rk_result_confidence(r)), rp->dec);
    snprintf(val, sizeof val, "%s%s", pc, rp->dec == ',' ? "\xE2\x80\xAF%" : "%");
    char counts[256];
    rk_words_counts(rp->words, counts, sizeof counts, r->n_answered,
                    r->n_questions - r->n_skipped, r->n_dont_know, r->n_unanswered, r->n_skipped);
    figure_row(rp, rk_rp_label(rp, RK_L_CONFIDENCE), counts, val, NULL);
    for (size_t i = 0; i < r->n_indicators && rk_pdf_ok(p); i++) {
        const RkIndicator *ind = &r->indicators[i];
        if (ind->pillar)
            continue;
        indicator_value(rp, ind, val, sizeof val);
        figure_row(rp, ind->label && *ind->label ? ind->label : ind->id, NULL, val, NULL);
    }
}
