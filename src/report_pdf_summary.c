/* report_pdf_summary: page one. The subject, the overall score and level
   as a badge with the margin to the next threshold, the radar of the
   pillars, a summary in words, the pillar table and the top three actions. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "readykit/format.h"
#include "report_pdf_internal.h"

#define COL_LEFT_W 215.0f

/* Red for the lowest level to green for the highest, through amber. */
static RkRgb level_colour(const Report *rp, int level)
{
    size_t n = rp->q->n_levels;
    if (level < 0 || n < 2)
        return RK_GREY;
    double t = (double)level / (double)(n - 1);
    RkRgb a = t < 0.5 ? RK_WARN : RK_AMBER, b = t < 0.5 ? RK_AMBER : RK_GOOD;
    float u = (float)(t < 0.5 ? t * 2 : (t - 0.5) * 2);
    return (RkRgb){a.r + (b.r - a.r) * u, a.g + (b.g - a.g) * u, a.b + (b.b - a.b) * u};
}

static void header(Report *rp)
{
    RkPdf *p = &rp->pdf;
    RkBuf b;
    rk_buf_init(&b);
    rk_buf_printf(&b, "%s  \xC2\xB7  %s", rk_rp_word(rp, RK_W_REPORT),
                  rk_rp_text(rp, &rp->q->title));
    rk_pdf_para(p, p->regular, 9.5f, RK_ACCENT, p->left, p->width, 12, rk_rp_built(rp, &b));
    p->y -= 4;
    const char *subject = rp->r->subject && *rp->r->subject ? rp->r->subject
                          : rp->in->file ? rp->in->file : "";
    rk_pdf_bookmark(p, NULL, rk_rp_word(rp, RK_W_SUMMARY));
    rk_pdf_para(p, p->bold, 22, RK_INK, p->left, p->width, 26, subject);
    b.len = 0;
    const RkAnswers *a = rp->in->answers;
    const char *sep = "";
    if (a && a->respondent && *a->respondent) {
        rk_buf_printf(&b, "%s%s%s", rk_rp_label(rp, RK_L_RESPONDENT), rk_rp_colon(rp), a->respondent);
        sep = "  \xC2\xB7  ";
    }
    if (a && a->date && *a->date) {
        char date[64];
        rk_words_date(rp->words, a->date, date, sizeof date);
        rk_buf_printf(&b, "%s%s", sep, date);
        sep = "  \xC2\xB7  ";
    }
    rk_buf_printf(&b, "%s%s %s %s", sep, rk_rp_label(rp, RK_L_QUESTIONNAIRE), rp->q->id,
                  rp->q->version ? rp->q->version : "");
    p->y -= 2;
    rk_pdf_para(p, p->regular, 8.5f, RK_GREY, p->left, p->width, 11, rk_rp_built(rp, &b));
    rk_buf_free(&b);
    p->y -= 6;
    rk_pdf_hline(p, p->left, p->right, p->y, 0.8f, RK_RULE);
    p->y -= 14;
}

/* "5.9 points to Advanced (from 80)", or "Advanced: the highest level". */
static void margin_text(const Report *rp, char *buf, size_t size)
{
    const RkResult *r = rp->r;
    const RkQuestionnaire *q = rp->q;
    buf[0] = '\0';
    if (isnan(r->score) || q->n_levels == 0)
        return;
    size_t lv = rk_questionnaire_level_for(q, r->score);
    if (lv + 1 >= q->n_levels) {
        snprintf(buf, size, rk_rp_word(rp, RK_W_F_TOP_LEVEL), rk_rp_text(rp, &q->levels[lv].name));
        return;
    }
    char m[32], from[32];
    rk_format_score(m, sizeof m, q->levels[lv + 1].min - r->score, rp->dec);
    rk_format_value(from, sizeof from, q->levels[lv + 1].min, rp->dec);
    snprintf(buf, size, rk_rp_word(rp, RK_W_F_MARGIN), m, rk_rp_text(rp, &q->levels[lv + 1].name),
             from);
}

/* The left column: score, badge, margin, binding cap, legend. */
static float score_column(Report *rp, float top)
{
    RkPdf *p = &rp->pdf;
    const RkResult *r = rp->r;
    float y = top;
    rk_pdf_text(p, p->regular, 9, RK_GREY, p->left, y - 8, rk_rp_label(rp, RK_L_OVERALL));
    y -= 44;
    char num[32];
    if (isnan(r->score)) {
        rk_pdf_text(p, p->bold, 22, RK_GREY, p->left, y + 6, rk_rp_label(rp, RK_L_NO_DATA));
    } else {
        rk_rp_score(rp, num, sizeof num, r->score);
        rk_pdf_text(p, p->bold, 34, RK_ACCENT, p->left, y, num);
        float w = rk_pdf_width(p, p->bold, 34, num);
        rk_pdf_text(p, p->regular, 13, RK_GREY, p->left + w + 5, y, "/ 100");
    }
    y -= 12;
    rk_rp_bar(rp, p->left, y, COL_LEFT_W, 5, r->score, RK_ACCENT);
    y -= 8;
    const char *level = r->level_name && *r->level_name ? r->level_name : "\xE2\x80\x94";
    float bw = rk_pdf_width(p, p->bold, 12, level) + 16;
    if (bw > COL_LEFT_W)
        bw = COL_LEFT_W;
    rk_pdf_rect(p, p->left, y - 20, bw, 20, level_colour(rp, r->level));
    rk_pdf_wrap_at(p, p->bold, 12, (RkRgb){1, 1, 1}, p->left + 8, y - 4, bw - 12, 14, level, 1);
    y -= 32;
    char line[256];
    margin_text(rp, line, sizeof line);
    float save = p->y;
    p->y = y;
    rk_pdf_para(p, p->regular, 8.5f, RK_GREY, p->left, COL_LEFT_W, 11, line);
    if (r->cap.active && r->cap.binding) {
        RkBuf b;
        rk_buf_init(&b);
        rk_rp_cap_text(rp, &b, &r->cap);
        p->y -= 2;
        rk_pdf_para(p, p->regular, 8.5f, RK_WARN, p->left, COL_LEFT_W, 11, rk_rp_built(rp, &b));
        rk_buf_free(&b);
    }
    /* the radar's legend */
    struct { const RkResult *r; const char *label; RkRgb c; RkWord w; } leg[3] = {
        {r, NULL, RK_ACCENT, RK_W_NOW},
        {rp->opt->earlier, rp->opt->earlier_label, RK_EARLIER, RK_W_EARLIER},
        {rp->opt->target, rp->opt->target_label, RK_TARGET, RK_W_TARGET}};
    if (rp->opt->earlier || rp->opt->target) {
        p->y -= 6;
        for (int i = 0; i < 3; i++) {
            if (!leg[i].r)
                continue;
            rk_pdf_rect(p, p->left, p->y - 7, 12, 3, leg[i].c);
            RkBuf b;
            rk_buf_init(&b);
            rk_buf_printf(&b, "%s%s%s%s", rk_rp_word(rp, leg[i].w), leg[i].label ? " (" : "",
                          leg[i].label ? leg[i].label : "", leg[i].label ? ")" : "");
            rk_pdf_wrap_at(p, p->regular, 8, RK_INK, p->left + 17, p->y, COL_LEFT_W - 17, 10,
                           rk_rp_built(rp, &b), 1);
            rk_buf_free(&b);
            p->y -= 11;
        }
    }
    y = p->y;
    p->y = save;
    return y;
}

static void fill_scores(const RkResult *r, const RkResult *from, double *out)
{
    for (size_t i = 0; i < r->n_pillars; i++) {
        const RkPillarResult *pr = rk_rp_pillar(from, r->pillars[i].id);
        out[i] = pr ? pr->score : NAN;
    }
}

/* The radar in the right column; returns the lowest y it used. */
static float radar(Report *rp, float top)
{
    RkPdf *p = &rp->pdf;
    const RkResult *r = rp->r;
    size_t n = r->n_pillars;
    if (n < 3)
        return top;
    const char **labels = calloc(n, sizeof *labels);
    double *v = calloc(3 * n, sizeof *v);
    double *rings = calloc(rp->q->n_levels + 1, sizeof *rings);
    if (!labels || !v || !rings) {
        p->error = HPDF_FAILD_TO_ALLOC_MEM;
        free(labels), free(v), free(rings);
        return top;
    }
    RkRadarSeries s[3];
    size_t ns = 0;
    if (rp->opt->target) {
        fill_scores(r, rp->opt->target, v + 2 * n);
        s[ns++] = (RkRadarSeries){v + 2 * n, RK_TARGET, false, true};
    }
    if (rp->opt->earlier) {
        fill_scores(r, rp->opt->earlier, v + n);
        s[ns++] = (RkRadarSeries){v + n, RK_EARLIER, false, true};
    }
    fill_scores(r, r, v);
    s[ns++] = (RkRadarSeries){v, RK_ACCENT, true, false};
    for (size_t i = 0; i < n; i++)
        labels[i] = r->pillars[i].title ? r->pillars[i].title : r->pillars[i].id;
    for (size_t i = 0; i < rp->q->n_levels; i++)
        rings[i] = rp->q->levels[i].min;
    float x0 = p->left + COL_LEFT_W + 10, w = p->right - x0;
    /* room for a label of label_w on either side, inside the frame */
    const float label_w = 64;
    int top_lines = rk_pdf_count_lines(p, p->regular, RK_RADAR_LABEL_SIZE, label_w, labels[0],
                                       RK_RADAR_LABEL_LINES);
    float radius = 72, cx = p->right - radius - 11 - label_w;
    float cy = top - RK_RADAR_LABEL_LEADING * (float)top_lines - 12 - radius;
    (void)w;
    rk_pdf_radar(p, cx, cy, radius, n, labels, label_w, rings, rp->q->n_levels, s, ns);
    free(labels), free(v), free(rings);
    return cy - radius - 12 - RK_RADAR_LABEL_LEADING * RK_RADAR_LABEL_LINES;
}

/* Strongest and weakest pillars, for the summary. */
static bool lower(const RkPillarResult *x, const RkPillarResult *y)
{
    return x->score < y->score;
}

static void summary_words(Report *rp)
{
    RkPdf *p = &rp->pdf;
    const RkResult *r = rp->r;
    RkBuf b;
    rk_buf_init(&b);
    const char *subject = r->subject && *r->subject ? r->subject : rp->in->file ? rp->in->file : "";
    char num[32];
    if (!isnan(r->score)) {
        rk_rp_score(rp, num, sizeof num, r->score);
        rk_buf_printf(&b, rk_rp_word(rp, RK_W_F_SUMMARY_LEVEL), subject,
                      r->level_name ? r->level_name : "", num);
        rk_buf_puts(&b, " ");
    }
    const RkPillarResult **s = calloc(r->n_pillars + 1, sizeof *s);
    if (!s)
        rk_pdf_nomem(p);
    size_t n = 0;
    RkBuf none;
    rk_buf_init(&none);
    for (size_t i = 0; s && i < r->n_pillars; i++) {
        if (!isnan(r->pillars[i].score))
            s[n++] = &r->pillars[i];
        else
            rk_buf_printf(&none, "%s%s", none.len ? ", " : "",
                          r->pillars[i].title ? r->pillars[i].title : r->pillars[i].id);
    }
    if (n >= 4) {
        /* insertion sort: stable, and few pillars */
        for (size_t i = 1; i < n; i++)
            for (size_t j = i; j > 0 && lower(s[j - 1], s[j]); j--) {
                const RkPillarResult *t = s[j];
                s[j] = s[j - 1];
                s[j - 1] = t;
            }
        rk_buf_printf(&b, rk_rp_word(rp, RK_W_F_SUMMARY_BEST), s[0]->title, s[1]->title,
                      s[n - 1]->title, s[n - 2]->title);
        rk_buf_puts(&b, " ");
    }
    free(s);
    if (none.failed)
        rk_pdf_nomem(p);
    if (none.len) {
        rk_buf_printf(&b, rk_rp_word(rp, RK_W_F_NO_DATA_PILLARS), rk_rp_built(rp, &none));
        rk_buf_puts(&b, " ");
    }
    rk_buf_free(&none);
    char pc[32];
    rk_format_value(pc, sizeof pc, round(rk_result_confidence(r)), rp->dec);
    strcat(pc, rp->dec == ',' ? "\xE2\x80\xAF%" : "%");
    int applicable = r->n_questions - r->n_skipped;
    bool one = rk_labels_data_one(rp->lang, r->n_answered, applicable);
    rk_buf_printf(&b, rk_rp_word(rp, one ? RK_W_F_SUMMARY_DATA_ONE : RK_W_F_SUMMARY_DATA), pc,
                  r->n_answered, applicable, r->n_dont_know, r->n_unanswered);
    rk_pdf_para(p, p->regular, 9.5f, RK_INK, p->left, p->width, 13, rk_rp_built(rp, &b));
    rk_buf_free(&b);
    p->y -= 8;
}

/* The pillar table's columns: title | score | level | [change] | [target] | bar. */
typedef struct Cols {
    bool cmp, tgt;
    float title_w, score_r, level_x, extra_x, bar_x, bar_w;
} Cols;

/* The column names, again at the top of each page the table runs onto. */
static void table_head(Report *rp, const Cols *k)
{
    RkPdf *p = &rp->pdf;
    float b = p->y - 8;
    rk_pdf_text(p, p->regular, 7.5f, RK_GREY, p->left, b, rk_rp_label(rp, RK_L_PILLAR));
    rk_pdf_text_right(p, p->regular, 7.5f, RK_GREY, k->score_r, b, rk_rp_label(rp, RK_L_SCORE));
    rk_pdf_text(p, p->regular, 7.5f, RK_GREY, k->level_x, b, rk_rp_label(rp, RK_L_LEVEL));
    if (k->cmp)
        rk_pdf_text_right(p, p->regular, 7.5f, RK_GREY, k->extra_x + 40, b,
                          rk_rp_word(rp, RK_W_CHANGE));
    if (k->tgt)
        rk_pdf_text_right(p, p->regular, 7.5f, RK_GREY, k->extra_x + (k->cmp ? 88 : 40), b,
                          rk_rp_word(rp, RK_W_TARGET));
    p->y -= 12;
    rk_pdf_hline(p, p->left, p->right, p->y, 0.6f, RK_RULE);
}

static void pillar_table(Report *rp)
{
    RkPdf *p = &rp->pdf;
    const RkResult *r = rp->r;
    Cols k = {.cmp = rp->opt->earlier != NULL, .tgt = rp->opt->target != NULL, .title_w = 170};
    k.score_r = p->left + k.title_w + 40;
    k.level_x = k.score_r + 10;
    k.extra_x = k.level_x + 90;
    k.bar_x = k.extra_x + (k.cmp ? 48 : 0) + (k.tgt ? 48 : 0) + 6;
    k.bar_w = p->right - k.bar_x;
    rk_pdf_need(p, 40);
    table_head(rp, &k);
    for (size_t i = 0; i < r->n_pillars && rk_pdf_ok(p); i++) {
        const RkPillarResult *pr = &r->pillars[i];
        const char *title = pr->title ? pr->title : pr->id;
        bool none = isnan(pr->score);
        const char *level = none ? rk_rp_label(rp, RK_L_NO_DATA)
                            : pr->level_name ? pr->level_name : "";
        int lt = rk_pdf_count_lines(p, p->regular, 8.5f, k.title_w, title, 3);
        int ll = rk_pdf_count_lines(p, p->regular, 8.5f, 86, level, 2);
        float h = 6 + 10.5f * (float)(lt > ll ? lt : ll);
        if (rk_pdf_need(p, h))
            table_head(rp, &k);
        float top = p->y - 3;
        float base = top - rk_pdf_ascent(p->regular, 8.5f);
        rk_pdf_wrap_at(p, p->regular, 8.5f, RK_INK, p->left, top, k.title_w, 10.5f, title, 3);
        char num[32];
        rk_rp_score(rp, num, sizeof num, pr->score);
        rk_pdf_text_right(p, p->bold, 8.5f, none ? RK_GREY : RK_INK, k.score_r, base, num);
        rk_pdf_wrap_at(p, p->regular, 8.5f, none ? RK_GREY : RK_INK, k.level_x, top, 86, 10.5f,
                       level, 2);
        if (k.cmp) {
            const RkPillarResult *e = rk_rp_pillar(rp->opt->earlier, pr->id);
            rk_format_change(num, sizeof num, e ? pr->score - e->score : NAN, rp->dec);
            rk_pdf_text_right(p, p->regular, 8.5f, RK_INK, k.extra_x + 40, base, num);
        }
        if (k.tgt) {
            const RkPillarResult *t = rk_rp_pillar(rp->opt->target, pr->id);
            rk_rp_score(rp, num, sizeof num, t ? t->score : NAN);
            rk_pdf_text_right(p, p->regular, 8.5f, RK_TARGET, k.extra_x + (k.cmp ? 88 : 40),
                              base, num);
            if (t && !isnan(t->score)) { /* a tick on the bar at the target */
                float at = k.bar_w * (float)(t->score > 100 ? 1 : t->score / 100.0);
                rk_pdf_rect(p, k.bar_x + at - 0.75f, base - 2.5f, 1.5f, 9, RK_TARGET);
            }
        }
        rk_rp_bar(rp, k.bar_x, base - 0.5f, k.bar_w, 5, pr->score, level_colour(rp, pr->level));
        p->y -= h;
        rk_pdf_hline(p, p->left, p->right, p->y, 0.3f, RK_RULE);
    }
    p->y -= 14;
}

/* The first three actions, by priority: recommendations and next steps
   before gaps. */
static void top_actions(Report *rp)
{
    RkPdf *p = &rp->pdf;
    const Item *pick[3];
    int n = 0;
    for (int pass = 0; pass < 2 && n < 3; pass++)
        for (int prio = 1; prio <= 3 && n < 3; prio++)
            for (size_t i = 0; i < rp->n_items && n < 3; i++) {
                const Item *it = &rp->items[i];
                bool act = it->kind == ITEM_RECOMMENDATION || it->kind == ITEM_NEXT_STEP;
                if (it->priority == prio && (pass == 0 ? act : it->kind == ITEM_GAP))
                    pick[n++] = it;
            }
    if (n == 0)
        return;
    rk_rp_heading(rp, NULL, rk_rp_word(rp, RK_W_TOP_ACTIONS), 12, 40);
    for (int i = 0; i < n && rk_pdf_ok(p); i++)
        rk_rp_item(rp, pick[i], true);
}

void rk_rp_summary_page(Report *rp)
{
    RkPdf *p = &rp->pdf;
    header(rp);
    float top = p->y;
    float y1 = score_column(rp, top);
    float y2 = radar(rp, top);
    p->y = (y1 < y2 ? y1 : y2) - 6;
    summary_words(rp);
    pillar_table(rp);
    top_actions(rp);
}
