/* pdf_draw: the drawing layer under the report's layout (report_pdf*.c).
   A drawing context holds the libHaru document, the pages, three fonts, a
   cursor and the first libHaru error; every helper returns at once when an
   error is recorded, so callers draw a whole page and check once at the end
   (no setjmp). The context owns the document; rk_pdf_close frees it.

   Text comes in as UTF-8. In the default mode the fonts are the standard
   Helvetica family with WinAnsiEncoding: text is converted to Windows-1252
   (pdf_text.c) and nothing is embedded. A character outside that set is
   drawn as '?' and sets `missing`, so the caller can lay the document out
   again in Unicode mode, where DejaVu Sans is embedded (libHaru's subset).

   Coordinates are PDF points from the bottom-left corner of the page.
   `y` is the top of the next block; blocks move it down. */
#ifndef READYKIT_PDF_DRAW_H
#define READYKIT_PDF_DRAW_H

#include <stdbool.h>
#include <stddef.h>

#include <hpdf.h>

#include "readykit/diag.h"

#define RK_PDF_MARGIN 50.0f

typedef struct RkRgb {
    float r, g, b;
} RkRgb;

typedef enum RkPdfPaper { RK_PAPER_A4 = 0, RK_PAPER_LETTER } RkPdfPaper;

#define RK_PDF_FONTS 3 /* regular, bold, italic */

typedef struct RkPdf {
    HPDF_Doc doc;
    HPDF_Page page;        /* the current page; NULL before the first */
    HPDF_Page *pages;      /* every page, in order (malloc'd) */
    int n_pages, cap_pages;
    HPDF_Font regular, bold, italic;
    bool unicode;          /* DejaVu, UTF-8; else Helvetica, WinAnsi */
    unsigned long missing; /* first code point WinAnsi lacks; 0 while none */
    float widths[RK_PDF_FONTS][256]; /* WinAnsi mode: glyph widths /1000 */
    float page_w, page_h;
    float left, right, width, top, bottom; /* the text frame */
    float y;               /* top of the next block */
    /* the page's text state, so runs of text share one BT..ET and set the
       font and colour only when they change (smaller content streams) */
    bool in_text;
    HPDF_Font cur_font;
    float cur_size;
    RkRgb cur_fill;
    bool fill_known;
    float cur_leading;     /* TL; 0 when unknown */
    float line_x, line_y;  /* start of the current text line (inside BT) */
    HPDF_STATUS error;     /* first libHaru error; 0 while none */
    HPDF_STATUS detail;
    const char *doing;     /* what was being done, for the error message */
} RkPdf;

/* Create the document (compression, fonts) in the given mode and paper, and
   the first page. On failure the error is recorded in p (see rk_pdf_ok). */
void rk_pdf_open(RkPdf *p, RkPdfPaper paper, bool unicode);
void rk_pdf_close(RkPdf *p);
static inline bool rk_pdf_ok(const RkPdf *p) { return p->doc && p->error == 0; }
/* Record that an allocation failed (the report then fails as out of memory). */
static inline void rk_pdf_nomem(RkPdf *p)
{
    if (p->error == 0)
        p->error = HPDF_FAILD_TO_ALLOC_MEM;
}

void rk_pdf_new_page(RkPdf *p);
/* Start a new page unless h points still fit above the bottom margin. */
bool rk_pdf_need(RkPdf *p, float h); /* true when it started a page */
/* Go back to page i (0-based) to draw on it (page furniture). */
void rk_pdf_use_page(RkPdf *p, int i);

/* End a run of text (before drawing shapes); forget the known fill colour
   when `forget` (after a GRestore, on a new page). */
void rk_pdf_text_off(RkPdf *p, bool forget);
/* Coordinates as written: rounded to half a point, which the eye cannot
   see, libHaru writes in few digits and the compressor likes. */
float rk_pdf_round(float v);

/* --- encoding (pdf_encode.c) --- */
#define RK_PDF_ENC_SMALL 512
/* s in the fonts' encoding: in buf when it fits (size bytes), else
   malloc'd (release with rk_pdf_encode_done); NULL on out-of-memory
   (recorded). In WinAnsi mode, a character without a byte is drawn '?'
   and noted in p->missing. */
char *rk_pdf_encode(RkPdf *p, const char *s, size_t *out_len, char *buf, size_t size);
void rk_pdf_encode_done(char *e, const char *buf);

/* --- text (pdf_text.c) --- */
/* Width of UTF-8 text at size. */
float rk_pdf_width(RkPdf *p, HPDF_Font f, float size, const char *s);
/* One line of text with its baseline at y; no wrapping: the caller measured. */
void rk_pdf_text(RkPdf *p, HPDF_Font f, float size, RkRgb c, float x, float y,
                 const char *s);
/* The same, right-aligned at x. */
void rk_pdf_text_right(RkPdf *p, HPDF_Font f, float size, RkRgb c, float x,
                       float y, const char *s);
/* Lines text takes when wrapped to width ('\n' starts a new line), at most
   max_lines. */
int rk_pdf_count_lines(RkPdf *p, HPDF_Font f, float size, float width,
                       const char *s, int max_lines);
/* The widest line of text wrapped to width (at most max_lines lines). */
float rk_pdf_wrapped_width(RkPdf *p, HPDF_Font f, float size, float width, const char *s,
                           int max_lines);
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
/* Distance from the top of a line to its baseline. */
float rk_pdf_ascent(HPDF_Font f, float size);

/* --- shapes and links (pdf_draw.c) --- */
void rk_pdf_rect(RkPdf *p, float x, float y, float w, float h, RkRgb fill);
void rk_pdf_hline(RkPdf *p, float x0, float x1, float y, float width, RkRgb c);
/* A clickable link to uri over the box (x, y) .. (x + w, y + h). */
void rk_pdf_link(RkPdf *p, float x, float y, float w, float h, const char *uri);
/* A bookmark to the top of the current page at the cursor; parent may be
   NULL (top level). Returns the outline item (for children). */
HPDF_Outline rk_pdf_bookmark(RkPdf *p, HPDF_Outline parent, const char *title);

/* --- charts (pdf_radar.c) --- */
#define RK_RADAR_LABEL_SIZE 7.5f
#define RK_RADAR_LABEL_LEADING 9.0f
#define RK_RADAR_LABEL_LINES 4
typedef struct RkRadarSeries {
    const double *values;  /* one 0-100 value per spoke; NaN: no data */
    RkRgb colour;
    bool filled;           /* a translucent fill under the outline */
    bool dashed;
} RkRadarSeries;
/* A radar chart centred at (cx, cy): n spokes (n >= 3) from the top,
   clockwise; a ring at each of rings[] (0-100, labelled) and at 100; each
   series as a polygon, a spoke without data drawn at the centre with a
   hollow mark; labels outside the rings, wrapped to label_w and kept inside
   the text frame. */
void rk_pdf_radar(RkPdf *p, float cx, float cy, float radius, size_t n,
                  const char *const *labels, float label_w, const double *rings,
                  size_t n_rings, const RkRadarSeries *series, size_t n_series);

/* Set the info dictionary: title, subject, author (may be NULL), creator,
   the document language, and the creation date from SOURCE_DATE_EPOCH when
   set. */
void rk_pdf_metadata(RkPdf *p, const char *title, const char *subject,
                     const char *author, const char *creator, const char *lang);

/* Save the document to memory, then replace path atomically. */
RkStatus rk_pdf_save(RkPdf *p, const char *path, RkDiag *d);

#endif
