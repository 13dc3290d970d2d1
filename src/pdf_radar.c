/* pdf_radar: the radar chart of pillar scores, with rings at the level
   thresholds and labels kept inside the page. */
#include <math.h>
#include <stdio.h>

#include "pdf_draw.h"

#define TAU 6.28318530717958647692

static const RkRgb RING = {0.78f, 0.80f, 0.83f};
static const RkRgb LABEL = {0.25f, 0.27f, 0.30f};

/* The point at value v (0-100) on spoke i of n. */
static void spoke_point(float cx, float cy, float radius, size_t i, size_t n, double v,
                        float *x, float *y)
{
    double a = TAU * (double)i / (double)n;
    double r = radius * (v < 0 ? 0 : v > 100 ? 1 : v / 100.0);
    *x = cx + (float)(r * sin(a));
    *y = cy + (float)(r * cos(a));
}

static void polygon(RkPdf *p, float cx, float cy, float radius, size_t n, const double *v)
{
    for (size_t i = 0; i <= n; i++) {
        float x, y;
        double val = v ? v[i % n] : 100;
        spoke_point(cx, cy, radius, i % n, n, isnan(val) ? 0 : val, &x, &y);
        if (i == 0)
            HPDF_Page_MoveTo(p->page, x, y);
        else
            HPDF_Page_LineTo(p->page, x, y);
    }
}

static void ring(RkPdf *p, float cx, float cy, float radius, size_t n, double level, float width)
{
    rk_pdf_text_off(p, false);
    double v[64];
    size_t m = n < 64 ? n : 64;
    for (size_t i = 0; i < m; i++)
        v[i] = level;
    HPDF_Page_SetLineWidth(p->page, width);
    HPDF_Page_SetRGBStroke(p->page, RING.r, RING.g, RING.b);
    polygon(p, cx, cy, radius, m, v);
    HPDF_Page_Stroke(p->page);
}

static void series_draw(RkPdf *p, float cx, float cy, float radius, size_t n,
                        const RkRadarSeries *s)
{
    HPDF_Page_GSave(p->page);
    if (s->filled) {
        HPDF_ExtGState gs = HPDF_CreateExtGState(p->doc);
        HPDF_ExtGState_SetAlphaFill(gs, 0.18f);
        HPDF_Page_SetExtGState(p->page, gs);
        HPDF_Page_SetRGBFill(p->page, s->colour.r, s->colour.g, s->colour.b);
        polygon(p, cx, cy, radius, n, s->values);
        HPDF_Page_Fill(p->page);
    }
    HPDF_Page_GRestore(p->page);
    HPDF_Page_GSave(p->page);
    HPDF_Page_SetLineWidth(p->page, s->dashed ? 1.1f : 1.6f);
    HPDF_Page_SetRGBStroke(p->page, s->colour.r, s->colour.g, s->colour.b);
    if (s->dashed) {
        static const HPDF_UINT16 dash[] = {3, 2};
        HPDF_Page_SetDash(p->page, dash, 2, 0);
    }
    polygon(p, cx, cy, radius, n, s->values);
    HPDF_Page_Stroke(p->page);
    HPDF_Page_GRestore(p->page);
    rk_pdf_text_off(p, true);
    /* a dot per value; hollow where there is no data */
    for (size_t i = 0; i < n; i++) {
        float x, y;
        bool none = isnan(s->values[i]);
        spoke_point(cx, cy, radius, i, n, none ? 0 : s->values[i], &x, &y);
        HPDF_Page_SetRGBFill(p->page, s->colour.r, s->colour.g, s->colour.b);
        HPDF_Page_SetRGBStroke(p->page, s->colour.r, s->colour.g, s->colour.b);
        HPDF_Page_SetLineWidth(p->page, 0.8f);
        HPDF_Page_Circle(p->page, x, y, none ? 2.6f : 1.9f);
        if (none)
            HPDF_Page_Stroke(p->page);
        else
            HPDF_Page_Fill(p->page);
    }
}

/* A spoke's label beyond the outer ring, aligned away from the centre and
   moved inside the text frame when it would cross it. */
static void spoke_label(RkPdf *p, float cx, float cy, float radius, size_t i, size_t n,
                        const char *label, float label_w)
{
    const float size = RK_RADAR_LABEL_SIZE, leading = RK_RADAR_LABEL_LEADING;
    double a = TAU * (double)i / (double)n;
    float sx = (float)sin(a), sy = (float)cos(a);
    float ax = cx + (radius + 11) * sx, ay = cy + (radius + 9) * sy;
    int lines = rk_pdf_count_lines(p, p->regular, size, label_w, label, RK_RADAR_LABEL_LINES);
    float h = leading * (float)lines;
    /* the widest line decides the box, so a label on the left ends at its
       spoke */
    float w = rk_pdf_wrapped_width(p, p->regular, size, label_w, label, RK_RADAR_LABEL_LINES);
    float x = sx > 0.25f ? ax : sx < -0.25f ? ax - w : ax - w / 2;
    /* above or below the spokes near the vertical, beside the others */
    float top = sy > 0.7f ? ay + h - 2 : sy < -0.7f ? ay - 1 : ay + h / 2 - 1;
    if (x < p->left)
        x = p->left;
    if (x + w > p->right)
        x = p->right - w;
    rk_pdf_wrap_at(p, p->regular, size, LABEL, x, top, w + 0.5f, leading, label,
                   RK_RADAR_LABEL_LINES);
}

void rk_pdf_radar(RkPdf *p, float cx, float cy, float radius, size_t n,
                  const char *const *labels, float label_w, const double *rings,
                  size_t n_rings, const RkRadarSeries *series, size_t n_series)
{
    if (!rk_pdf_ok(p) || n < 3)
        return;
    rk_pdf_text_off(p, true);
    /* spokes */
    HPDF_Page_SetLineWidth(p->page, 0.5f);
    HPDF_Page_SetRGBStroke(p->page, RING.r, RING.g, RING.b);
    for (size_t i = 0; i < n; i++) {
        float x, y;
        spoke_point(cx, cy, radius, i, n, 100, &x, &y);
        HPDF_Page_MoveTo(p->page, cx, cy);
        HPDF_Page_LineTo(p->page, x, y);
    }
    HPDF_Page_Stroke(p->page);
    ring(p, cx, cy, radius, n, 100, 0.9f);
    for (size_t k = 0; k < n_rings; k++) {
        if (rings[k] <= 0 || rings[k] >= 100)
            continue;
        ring(p, cx, cy, radius, n, rings[k], 0.5f);
        char num[16];
        snprintf(num, sizeof num, "%.0f", rings[k]);
        rk_pdf_text(p, p->regular, 6, RING, cx + 2, cy + radius * (float)(rings[k] / 100.0) + 1.5f,
                    num);
    }
    for (size_t s = 0; s < n_series; s++) {
        rk_pdf_text_off(p, true);
        series_draw(p, cx, cy, radius, n, &series[s]);
    }
    rk_pdf_text_off(p, true);
    for (size_t i = 0; i < n; i++)
        spoke_label(p, cx, cy, radius, i, n, labels[i], label_w);
}
