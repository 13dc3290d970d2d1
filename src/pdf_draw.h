/* pdf_draw: the drawing layer under report_pdf.c. A drawing context holds the
   libHaru document, the current page, the two fonts, a cursor and the first
   libHaru error; every helper returns at once when an error is recorded, so
   callers draw a whole page and check once at the end (no setjmp).

   Coordinates are PDF points from the bottom-left corner of an A4 page.
   `y` is the top of the next block; blocks move it down. */
#ifndef READYKIT_PDF_DRAW_H
#define READYKIT_PDF_DRAW_H

#include <stdbool.h>
#include <stddef.h>

#include <hpdf.h>

#include "readykit/diag.h"

#define RK_PDF_PAGE_W 595.276f
#define RK_PDF_PAGE_H 841.89f
#define RK_PDF_MARGIN 50.0f
#define RK_PDF_LEFT RK_PDF_MARGIN
#define RK_PDF_RIGHT (RK_PDF_PAGE_W - RK_PDF_MARGIN)
#define RK_PDF_WIDTH (RK_PDF_RIGHT - RK_PDF_LEFT)

typedef struct RkRgb {
    float r, g, b;
} RkRgb;

typedef struct RkPdf {
    HPDF_Doc doc;
    HPDF_Page page;        /* NULL before the first page */
    HPDF_Font regular, bold;
    float y;               /* top of the next block */
    int n_pages;
    HPDF_STATUS error;     /* first libHaru error; 0 while none */
    HPDF_STATUS detail;
    const char *doing;     /* what was being done, for the error message */
} RkPdf;

/* Create the document (compression, UTF-8, metadata encoder, fonts) and the
   first page. On failure the error is recorded in p (see rk_pdf_ok). */
void rk_pdf_open(RkPdf *p);
void rk_pdf_close(RkPdf *p);
static inline bool rk_pdf_ok(const RkPdf *p) { return p->doc && p->error == 0; }

void rk_pdf_new_page(RkPdf *p);
/* Start a new page unless h points still fit above the bottom margin. */
bool rk_pdf_need(RkPdf *p, float h); /* true when it started a page */

float rk_pdf_width(RkPdf *p, HPDF_Font f, float size, const char *s);
/* One line of text with its baseline at y; no wrapping: the caller measured. */
void rk_pdf_text(RkPdf *p, HPDF_Font f, float size, RkRgb c, float x, float y,
                 const char *s);
/* Lines text takes when wrapped to width ('\n' starts a new line), at most
   max_lines. */
int rk_pdf_count_lines(RkPdf *p, HPDF_Font f, float size, float width,
                       const char *s, int max_lines);
/* Draw text wrapped to width with its first line's top at `top`, no page
   breaks (table cells: count the lines first); at most max_lines, the last
   one ending in an ellipsis when text is left. Returns the lines drawn. */
int rk_pdf_wrap_at(RkPdf *p, HPDF_Font f, float size, RkRgb c, float x,
                   float top, float width, float leading, const char *s,
                   int max_lines);
/* A paragraph at the cursor, wrapped to width, breaking pages between lines;
   moves the cursor below it. */
void rk_pdf_para(RkPdf *p, HPDF_Font f, float size, RkRgb c, float x,
                 float width, float leading, const char *s);

void rk_pdf_rect(RkPdf *p, float x, float y, float w, float h, RkRgb fill);
void rk_pdf_hline(RkPdf *p, float x0, float x1, float y, float width, RkRgb c);

/* Set the info dictionary: title, subject, author (may be NULL), creator
   "readykit", and the creation date from SOURCE_DATE_EPOCH when set. */
void rk_pdf_metadata(RkPdf *p, const char *title, const char *subject,
                     const char *author);

/* Save the document to memory, then replace path atomically. */
RkStatus rk_pdf_save(RkPdf *p, const char *path, RkDiag *d);

#endif
