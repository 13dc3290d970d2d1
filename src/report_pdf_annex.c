/* report_pdf_annex: the methodology annex (questionnaire, how answers
   become points, what is left out, weights, levels, gates and caps, rule
   files with their SHA-256) and the glossary of the acronyms used. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "embedded.h"
#include "readykit/format.h"
#include "report_pdf_internal.h"
#include "sha256.h"

static void subheading(Report *rp, const char *title, float keep)
{
    RkPdf *p = &rp->pdf;
    p->y -= 6;
    rk_pdf_need(p, 16 + keep);
    rk_pdf_para(p, p->bold, 10.5f, RK_ACCENT, p->left, p->width, 13, title);
    p->y -= 3;
}

static void body(Report *rp, const char *text)
{
    RkPdf *p = &rp->pdf;
    rk_pdf_para(p, p->regular, 8.5f, RK_INK, p->left, p->width, 11, text);
    p->y -= 3;
}

/* Weights: each pillar with its weight, then its questions as one
   paragraph of "id (weight; best points)". */
static void weights(Report *rp)
{
    RkPdf *p = &rp->pdf;
    const RkQuestionnaire *q = rp->q;
    subheading(rp, rk_rp_word(rp, RK_W_WEIGHTS), 40);
    char legend[160];
    snprintf(legend, sizeof legend, "%s (%s; %s)", rk_rp_word(rp, RK_W_QUESTION),
             rk_rp_word(rp, RK_W_WEIGHT), rk_rp_word(rp, RK_W_MAX_POINTS));
    rk_pdf_para(p, p->regular, 7.5f, RK_GREY, p->left, p->width, 10, legend);
    char num[32], w[32];
    RkBuf b;
    rk_buf_init(&b);
    for (size_t i = 0; i < q->n_pillars && rk_pdf_ok(p); i++) {
        const RkPillar *pl = &q->pillars[i];
        rk_format_value(num, sizeof num, pl->weight, rp->dec);
        b.len = 0;
        rk_buf_printf(&b, "%s \xE2\x80\x94 %s %s", rk_rp_text(rp, &pl->title),
                      rk_rp_word(rp, RK_W_WEIGHT), num);
        rk_pdf_need(p, 32);
        p->y -= 3;
        rk_pdf_para(p, p->bold, 8, RK_INK, p->left, p->width, 10.5f, rk_rp_built(rp, &b));
        b.len = 0;
        for (size_t k = 0; k < pl->n_questions; k++) {
            const RkQuestion *qn = &pl->questions[k];
            rk_format_value(w, sizeof w, qn->weight, rp->dec);
            rk_format_value(num, sizeof num, qn->max_points, rp->dec);
            rk_buf_printf(&b, "%s%s (%s; %s)", k ? "  \xC2\xB7  " : "", qn->id,
                          qn->scored ? w : "\xE2\x80\x94", qn->scored ? num : "\xE2\x80\x94");
        }
        rk_pdf_para(p, p->regular, 7.5f, RK_INK, p->left + 10, p->width - 10, 9.5f,
                    rk_rp_built(rp, &b));
    }
    rk_buf_free(&b);
}

static void levels(Report *rp)
{
    RkPdf *p = &rp->pdf;
    subheading(rp, rk_rp_word(rp, RK_W_LEVELS), 30);
    for (size_t i = 0; i < rp->q->n_levels && rk_pdf_ok(p); i++) {
        const RkLevel *lv = &rp->q->levels[i];
        char num[32], head[256];
        rk_format_value(num, sizeof num, lv->min, rp->dec);
        snprintf(head, sizeof head, "%s %s  %s", rk_rp_word(rp, RK_W_FROM), num,
                 rk_rp_text(rp, &lv->name));
        const char *d = rk_rp_text(rp, &lv->description);
        int lines = rk_pdf_count_lines(p, p->regular, 8.5f, p->width - 120, d, 20);
        rk_pdf_need(p, 11.0f * (float)(lines ? lines : 1) + 4);
        float top = p->y;
        rk_pdf_wrap_at(p, p->bold, 8.5f, RK_INK, p->left, top, 115, 11, head, 2);
        rk_pdf_wrap_at(p, p->regular, 8.5f, RK_INK, p->left + 120, top, p->width - 120, 11, d, 20);
        p->y -= 11.0f * (float)(lines > 2 ? lines : 2) + 3;
    }
}

static void cap_line(Report *rp, const char *where, const RkCap *cap)
{
    RkBuf b;
    rk_buf_init(&b);
    rk_rp_cap_text(rp, &b, cap);
    RkBuf l;
    rk_buf_init(&l);
    rk_buf_printf(&l, "%s%s%s%s%s%s", where, rk_rp_colon(rp), rk_rp_built(rp, &b),
                  cap->rule_file ? " (" : "", cap->rule_file ? cap->rule_file : "",
                  cap->rule_file ? ")" : "");
    rk_pdf_para(&rp->pdf, rp->pdf.regular, 8.5f, cap->binding ? RK_WARN : RK_INK, rp->pdf.left,
                rp->pdf.width, 11, rk_rp_built(rp, &l));
    rk_buf_free(&b);
    rk_buf_free(&l);
}

static void caps(Report *rp)
{
    const RkResult *r = rp->r;
    subheading(rp, rk_rp_word(rp, RK_W_GATES), 30);
    body(rp, rk_rp_word(rp, RK_W_T_CAPS));
    bool any = false;
    if (r->cap.active) {
        cap_line(rp, rk_rp_label(rp, RK_L_OVERALL), &r->cap);
        any = true;
    }
    for (size_t i = 0; i < r->n_pillars; i++)
        if (r->pillars[i].cap.active) {
            cap_line(rp, r->pillars[i].title ? r->pillars[i].title : r->pillars[i].id,
                     &r->pillars[i].cap);
            any = true;
        }
    if (!any)
        body(rp, rk_rp_word(rp, RK_W_T_NO_CAPS));
}

static void rule_line(Report *rp, const char *name, const void *data, size_t len)
{
    RkPdf *p = &rp->pdf;
    char hex[65] = "?";
    if (data)
        rk_sha256_hex(data, len, hex);
    rk_pdf_need(p, 22);
    rk_pdf_para(p, p->bold, 8, RK_INK, p->left, p->width, 10, name);
    char line[80];
    snprintf(line, sizeof line, "SHA-256 %s", hex);
    rk_pdf_para(p, p->regular, 7.5f, RK_GREY, p->left + 10, p->width - 10, 10, line);
    p->y -= 2;
}

/* path with "dir/../" steps taken out, for the reader ("examples/../x.lua"
   reads as "x.lua"); the file itself is read by its own path. */
static void tidy_path(const char *path, char *out, size_t size)
{
    snprintf(out, size, "%s", path);
    for (char *up; (up = strstr(out, "/../")) != NULL;) {
        char *start = up;
        while (start > out && start[-1] != '/')
            start--;
        if (up - start == 2 && start[0] == '.' && start[1] == '.')
            break; /* "../../": nothing to take out */
        memmove(start, up + 4, strlen(up + 4) + 1);
    }
}

static void rule_file(Report *rp, const char *path)
{
    char *data = NULL;
    size_t len = 0;
    RkDiag d;
    rk_diag_init(&d);
    RkStatus s = rk_file_read(path, 0, &data, &len, &d);
    if (s == RK_EINTERNAL) /* out of memory; a file gone since is shown as such */
        rk_pdf_nomem(&rp->pdf);
    if (s != RK_OK)
        data = NULL;
    char shown[1024];
    tidy_path(path, shown, sizeof shown);
    rule_line(rp, shown, data, len);
    free(data);
}

static void rules(Report *rp)
{
    subheading(rp, rk_rp_word(rp, RK_W_RULE_FILES), 40);
    body(rp, rk_rp_word(rp, RK_W_T_REPRODUCE));
    const RkEmbedded *e = rk_embedded_find("score.lua");
    char name[160];
    snprintf(name, sizeof name, "score.lua, %s", rk_rp_word(rp, RK_W_STANDARD_SCORER));
    rule_line(rp, name, e ? e->data : NULL, e ? e->len : 0);
    if (rp->q->rules && !rp->opt->no_default_rules)
        rule_file(rp, rp->q->rules);
    for (size_t i = 0; i < rp->opt->n_rule_files; i++)
        rule_file(rp, rp->opt->rule_files[i]);
}

void rk_rp_method(Report *rp)
{
    RkPdf *p = &rp->pdf;
    rk_rp_part_break(rp);
    rk_rp_heading(rp, NULL, rk_rp_word(rp, RK_W_METHOD), 14, 60);
    RkBuf b;
    rk_buf_init(&b);
    rk_buf_printf(&b, "%s%s%s (%s %s)", rk_rp_label(rp, RK_L_QUESTIONNAIRE), rk_rp_colon(rp),
                  rk_rp_text(rp, &rp->q->title), rp->q->id, rp->q->version ? rp->q->version : "");
    rk_pdf_para(p, p->bold, 9, RK_INK, p->left, p->width, 12, rk_rp_built(rp, &b));
    rk_buf_free(&b);
    subheading(rp, rk_rp_word(rp, RK_W_HOW_POINTS), 30);
    body(rp, rk_rp_word(rp, RK_W_T_HOW_POINTS));
    subheading(rp, rk_rp_word(rp, RK_W_LEFT_OUT), 30);
    body(rp, rk_rp_word(rp, RK_W_T_LEFT_OUT));
    levels(rp);
    caps(rp);
    rules(rp);
    weights(rp);
}

/* Does the acronym stand as a word in s? */
static bool has_word(const char *s, const char *w)
{
    size_t n = strlen(w);
    for (const char *m = s ? strstr(s, w) : NULL; m; m = strstr(m + 1, w)) {
        bool before = m == s || !((m[-1] >= 'A' && m[-1] <= 'Z') || (m[-1] >= 'a' && m[-1] <= 'z'));
        char c = m[n];
        bool after = !((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));
        if (before && after)
            return true;
    }
    return false;
}

/* Is the acronym used anywhere in the report's text? */
static bool used(const Report *rp, const char *w)
{
    const RkQuestionnaire *q = rp->q;
    if (has_word(rk_rp_text(rp, &q->title), w))
        return true;
    for (size_t i = 0; i < rp->n_items; i++)
        if (has_word(rp->items[i].text, w))
            return true;
    for (size_t i = 0; i < q->n_questions; i++)
        if (has_word(rk_rp_text(rp, &q->questions[i]->text), w))
            return true;
    const RkAnswers *a = rp->in->answers;
    for (size_t i = 0; a && i < a->n_questions; i++)
        if (has_word(a->by_question[i].note, w) || has_word(a->by_question[i].source, w))
            return true;
    for (size_t i = 0; i < rp->r->n_indicators; i++)
        if (has_word(rp->r->indicators[i].label, w))
            return true;
    return false;
}

static const char *expansion(const Report *rp, const RkAcronym *a)
{
    return strncmp(rp->lang, "fr", 2) == 0 ? a->fr : strncmp(rp->lang, "es", 2) == 0 ? a->es : a->en;
}

/* The glossary, kept on one page when it fits on one: a last page with a
   few lines of it reads as a leftover. */
void rk_rp_glossary(Report *rp)
{
    RkPdf *p = &rp->pdf;
    bool use[64] = {false};
    float total = 0;
    for (size_t i = 0; i < rk_n_acronyms && i < 64; i++) {
        use[i] = used(rp, rk_acronyms[i].acronym);
        if (use[i])
            total += 11.0f * (float)rk_pdf_count_lines(p, p->regular, 8.5f, p->width - 70,
                                                       expansion(rp, &rk_acronyms[i]), 4) + 2;
    }
    if (total == 0)
        return;
    float frame = p->top - p->bottom - 40;
    p->y -= 10;
    rk_rp_heading(rp, NULL, rk_rp_word(rp, RK_W_GLOSSARY), 14, total < frame ? total : 30);
    for (size_t i = 0; i < rk_n_acronyms && i < 64 && rk_pdf_ok(p); i++) {
        if (!use[i])
            continue;
        const char *x = expansion(rp, &rk_acronyms[i]);
        int lines = rk_pdf_count_lines(p, p->regular, 8.5f, p->width - 70, x, 4);
        rk_pdf_need(p, 11.0f * (float)lines + 2);
        float top = p->y;
        rk_pdf_wrap_at(p, p->bold, 8.5f, RK_INK, p->left, top, 65, 11, rk_acronyms[i].acronym, 1);
        rk_pdf_wrap_at(p, p->regular, 8.5f, RK_INK, p->left + 70, top, p->width - 70, 11, x, 4);
        p->y -= 11.0f * (float)lines + 2;
    }
}
