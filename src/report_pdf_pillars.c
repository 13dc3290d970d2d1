/* report_pdf_pillars: one section per pillar: score, level, counts, a
   binding cap, the pillar's findings, and the evidence: each question with
   the answer given (as its label), points, note and source, the source's
   URL as a link; don't-know, unanswered and not-applicable marked. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "readykit/format.h"
#include "report_pdf_internal.h"

static const RkRgb MUTED = {0.55f, 0.57f, 0.60f};

/* The first URL in a source text, copied to buf (NULL when none). */
static const char *url_in(const char *s, char *buf, size_t size)
{
    const char *u = s ? strstr(s, "http://") : NULL;
    const char *v = s ? strstr(s, "https://") : NULL;
    if (!u || (v && v < u))
        u = v;
    if (!u)
        return NULL;
    size_t n = strcspn(u, " \t\n\"<>");
    while (n > 0 && strchr(".,;)", u[n - 1]))
        n--;
    if (n >= size)
        return NULL;
    memcpy(buf, u, n);
    buf[n] = '\0';
    return buf;
}

/* The answer given, as the reader should see it. */
static void answer_text(Report *rp, const RkQuestion *qn, const RkAnswer *a, RkBuf *b)
{
    if (qn->type == RK_Q_MULTI) {
        for (size_t i = 0; i < a->n_values; i++) {
            const RkChoice *c = rk_question_find_choice(qn, a->values[i]);
            rk_buf_printf(b, "%s%s", i ? "; " : "", c ? rk_rp_text(rp, &c->label) : a->values[i]);
        }
        return;
    }
    if (qn->type == RK_Q_NUMBER) {
        const char *unit = rk_rp_text(rp, &qn->unit);
        char num[64];
        rk_format_value(num, sizeof num, a->number, rp->dec);
        rk_buf_printf(b, "%s%s%s", num, *unit ? " " : "", unit);
        return;
    }
    const RkChoice *c = a->value && qn->n_choices ? rk_question_find_choice(qn, a->value) : NULL;
    rk_buf_puts(b, c ? rk_rp_text(rp, &c->label) : a->value ? a->value : "");
}

static const RkQuestionResult *question_result(const RkResult *r, const RkQuestion *qn)
{
    if (qn->index < r->n_question_results && strcmp(r->questions[qn->index].id, qn->id) == 0)
        return &r->questions[qn->index];
    for (size_t i = 0; i < r->n_question_results; i++)
        if (strcmp(r->questions[i].id, qn->id) == 0)
            return &r->questions[i];
    return NULL;
}

/* One question's evidence, kept together on a page when it is short. */
static void evidence(Report *rp, const RkQuestion *qn)
{
    RkPdf *p = &rp->pdf;
    const RkAnswers *as = rp->in->answers;
    const RkAnswer *a = as && qn->index < as->n_questions ? &as->by_question[qn->index] : NULL;
    const RkQuestionResult *qr = question_result(rp->r, qn);
    bool skipped = qr && qr->state && strcmp(qr->state, "skipped") == 0;
    RkBuf ans;
    rk_buf_init(&ans);
    RkRgb ac = RK_INK;
    HPDF_Font af = p->regular;
    if (skipped) {
        rk_buf_puts(&ans, rk_rp_word(rp, RK_W_NOT_APPLICABLE));
        ac = MUTED, af = p->italic;
    } else if (!a || a->state == RK_ANSWER_NONE) {
        rk_buf_puts(&ans, rk_rp_word(rp, RK_W_UNANSWERED));
        ac = RK_WARN, af = p->italic;
    } else if (a->state == RK_ANSWER_DONT_KNOW) {
        rk_buf_puts(&ans, rk_rp_word(rp, RK_W_DONT_KNOW));
        ac = RK_AMBER, af = p->italic;
    } else {
        answer_text(rp, qn, a, &ans);
    }
    char pts[80] = "";
    if (qr && qr->counted && isfinite(qr->points) && qr->max > 0) {
        char x[32], y[32];
        rk_format_value(x, sizeof x, qr->points, rp->dec);
        rk_format_value(y, sizeof y, qr->max, rp->dec);
        snprintf(pts, sizeof pts, "%s / %s", x, y);
    }
    const char *note = a && a->note && *a->note ? a->note : NULL;
    const char *src = a && a->source && *a->source ? a->source : NULL;
    RkBuf sb;
    rk_buf_init(&sb);
    if (src)
        rk_buf_printf(&sb, "%s%s%s", rk_rp_word(rp, RK_W_SOURCE), rk_rp_colon(rp), src);
    const char *qt = rk_rp_text(rp, &qn->text), *at = rk_rp_built(rp, &ans);
    const char *st = rk_rp_built(rp, &sb);
    float w = p->width - 14, tw = w - 50;
    int lq = rk_pdf_count_lines(p, p->bold, 8.5f, tw, qt, 100);
    int la = rk_pdf_count_lines(p, af, 8.5f, w, at, 100);
    int ln = note ? rk_pdf_count_lines(p, p->italic, 8, w, note, 1000) : 0;
    int ls = src ? rk_pdf_count_lines(p, p->regular, 7.5f, w, st, 100) : 0;
    float h = 11 * (float)(lq + la) + 10 * (float)ln + 9.5f * (float)ls + 8;
    rk_pdf_need(p, h < 160 ? h : 40);
    float x = p->left + 14;
    if (*pts)
        rk_pdf_text_right(p, p->regular, 7.5f, RK_GREY, p->right,
                          p->y - rk_pdf_ascent(p->regular, 7.5f), pts);
    rk_pdf_para(p, p->bold, 8.5f, RK_INK, x, tw, 11, qt);
    float atop = p->y;
    rk_pdf_rect(p, p->left + 4, atop - 8, 4, 4, ac);
    rk_pdf_para(p, af, 8.5f, ac, x, w, 11, at);
    if (note)
        rk_pdf_para(p, p->italic, 8, RK_GREY, x, w, 10, note);
    if (src) {
        char url[1024];
        const char *u = url_in(src, url, sizeof url);
        float top = p->y;
        int page = p->n_pages;
        rk_pdf_para(p, p->regular, 7.5f, u ? RK_LINK : RK_GREY, x, w, 9.5f, st);
        /* the link covers the source's lines when they stayed on one page */
        if (u && page == p->n_pages)
            rk_pdf_link(p, x, p->y, w, top - p->y, u);
        else if (u)
            rk_pdf_link(p, x, p->y, w, p->top - p->y, u);
    }
    p->y -= 6;
    rk_buf_free(&ans);
    rk_buf_free(&sb);
}

/* "Strength: a national umbrella body." on one line, with its colour. */
static void finding_line(Report *rp, const Item *it)
{
    RkPdf *p = &rp->pdf;
    RkRgb c = rk_rp_item_colour(it->kind);
    const char *w = rk_rp_item_word(rp, it->kind);
    char head[96];
    snprintf(head, sizeof head, "%s%s", w, rk_rp_colon(rp));
    rk_pdf_need(p, 12);
    float top = p->y, hw = rk_pdf_width(p, p->bold, 8.5f, head);
    rk_pdf_rect(p, p->left, top - 10, 2.5f, 10, c);
    rk_pdf_wrap_at(p, p->bold, 8.5f, c, p->left + 8, top, hw + 1, 11, head, 1);
    rk_pdf_wrap_at(p, p->regular, 8.5f, RK_INK, p->left + 8 + hw, top, p->width - 8 - hw, 11,
                   it->text, 1);
    p->y -= 12;
}

static void pillar_section(Report *rp, size_t i)
{
    RkPdf *p = &rp->pdf;
    const RkPillar *pl = &rp->q->pillars[i];
    const RkPillarResult *pr = rk_rp_pillar(rp->r, pl->id);
    char title[512];
    snprintf(title, sizeof title, "%zu. %s", i + 1, rk_rp_text(rp, &pl->title));
    p->y -= 8;
    rk_rp_heading(rp, rp->pillars_outline, title, 12.5f, 90);
    if (pr) {
        char num[32], line[512];
        rk_rp_score(rp, num, sizeof num, pr->score);
        const char *level = isnan(pr->score) ? rk_rp_label(rp, RK_L_NO_DATA)
                            : pr->level_name ? pr->level_name : "";
        snprintf(line, sizeof line, "%s%s%s / 100  \xC2\xB7  %s%s%s", rk_rp_label(rp, RK_L_SCORE),
                 rk_rp_colon(rp), num, rk_rp_label(rp, RK_L_LEVEL), rk_rp_colon(rp), level);
        rk_pdf_text(p, p->bold, 9.5f, RK_INK, p->left, p->y - 9, line);
        rk_rp_bar(rp, p->right - 120, p->y - 9, 120, 6, pr->score, RK_ACCENT);
        p->y -= 14;
        rk_words_counts(rp->words, line, sizeof line, pr->n_answered,
                        pr->n_questions - pr->n_skipped, pr->n_dont_know, pr->n_unanswered,
                        pr->n_skipped);
        rk_pdf_para(p, p->regular, 8, RK_GREY, p->left, p->width, 10.5f, line);
        if (pr->cap.active && pr->cap.binding) {
            RkBuf b;
            rk_buf_init(&b);
            rk_rp_cap_text(rp, &b, &pr->cap);
            rk_pdf_para(p, p->regular, 8.5f, RK_WARN, p->left, p->width, 11, rk_rp_built(rp, &b));
            rk_buf_free(&b);
        }
    }
    const char *desc = rk_rp_text(rp, &pl->description);
    if (*desc)
        rk_pdf_para(p, p->italic, 8.5f, RK_GREY, p->left, p->width, 11, desc);
    p->y -= 4;
    /* the pillar's findings, one line each: the full text is under
       "Findings by priority" */
    for (size_t k = 0; k < rp->n_items && rk_pdf_ok(p); k++)
        if (rp->items[k].pillar && strcmp(rp->items[k].pillar, pl->id) == 0)
            finding_line(rp, &rp->items[k]);
    p->y -= 4;
    if (pl->n_questions == 0)
        return;
    rk_pdf_need(p, 100); /* the heading with its first question */
    rk_pdf_text(p, p->bold, 9, RK_ACCENT, p->left, p->y - 9, rk_rp_word(rp, RK_W_EVIDENCE));
    p->y -= 15;
    for (size_t k = 0; k < pl->n_questions && rk_pdf_ok(p); k++)
        evidence(rp, &pl->questions[k]);
}

void rk_rp_pillar_sections(Report *rp)
{
    RkPdf *p = &rp->pdf;
    if (rp->q->n_pillars == 0)
        return;
    rk_rp_part_break(rp);
    rp->pillars_outline = rk_rp_heading(rp, NULL, rk_rp_word(rp, RK_W_PILLAR_SECTIONS), 14, 100);
    for (size_t i = 0; i < rp->q->n_pillars && rk_pdf_ok(p); i++)
        pillar_section(rp, i);
}
