/* pdf_draw: libHaru behind a drawing context that records the first error. */
#include "pdf_draw.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "readykit/fileio.h"

#define FONT_DIR "/usr/share/fonts/truetype/dejavu/"
#define FONT_REGULAR FONT_DIR "DejaVuSans.ttf"
#define FONT_BOLD FONT_DIR "DejaVuSans-Bold.ttf"

/* libHaru calls this for every real error. Keep the first; never longjmp:
   helpers check rk_pdf_ok and stop, and rk_pdf_save reports it. */
static void on_error(HPDF_STATUS error, HPDF_STATUS detail, void *user)
{
    RkPdf *p = user;
    if (p->error == 0) {
        p->error = error;
        p->detail = detail;
    }
}

static HPDF_Font load_font(RkPdf *p, const char *path, const char *doing)
{
    if (!rk_pdf_ok(p))
        return NULL;
    p->doing = doing;
    const char *name = HPDF_LoadTTFontFromFile(p->doc, path, HPDF_TRUE);
    if (!name || !rk_pdf_ok(p)) {
        if (p->error == 0)
            p->error = HPDF_FILE_OPEN_ERROR;
        return NULL;
    }
    HPDF_Font f = HPDF_GetFont(p->doc, name, "UTF-8");
    if (f && rk_pdf_ok(p))
        p->doing = NULL;
    return f;
}

void rk_pdf_open(RkPdf *p)
{
    memset(p, 0, sizeof *p);
    p->doing = "creating the PDF document";
    p->doc = HPDF_New(on_error, p);
    if (!p->doc) {
        p->error = HPDF_FAILD_TO_ALLOC_MEM;
        return;
    }
    HPDF_SetCompressionMode(p->doc, HPDF_COMP_ALL);
    /* UTF-8 must be enabled before fonts are asked for with it, and be the
       current encoder so the info dictionary takes UTF-8 too. */
    HPDF_UseUTFEncodings(p->doc);
    HPDF_SetCurrentEncoder(p->doc, "UTF-8");
    p->regular = load_font(p, FONT_REGULAR, "loading the font " FONT_REGULAR
                                              " (package fonts-dejavu-core)");
    p->bold = load_font(p, FONT_BOLD, "loading the font " FONT_BOLD
                                        " (package fonts-dejavu-core)");
    rk_pdf_new_page(p);
}

void rk_pdf_close(RkPdf *p)
{
    if (p->doc)
        HPDF_Free(p->doc);
    p->doc = NULL;
}

void rk_pdf_new_page(RkPdf *p)
{
    if (!rk_pdf_ok(p))
        return;
    p->page = HPDF_AddPage(p->doc);
    if (!p->page)
        return;
    HPDF_Page_SetSize(p->page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    p->y = RK_PDF_PAGE_H - RK_PDF_MARGIN;
    p->n_pages++;
}

bool rk_pdf_need(RkPdf *p, float h)
{
    if (!rk_pdf_ok(p) || p->y - h >= RK_PDF_MARGIN)
        return false;
    rk_pdf_new_page(p);
    return true;
}

float rk_pdf_width(RkPdf *p, HPDF_Font f, float size, const char *s)
{
    if (!rk_pdf_ok(p) || !*s)
        return 0;
    HPDF_TextWidth tw = HPDF_Font_TextWidth(f, (const HPDF_BYTE *)s,
                                            (HPDF_UINT)strlen(s));
    return (float)tw.width * size / 1000.0f;
}

void rk_pdf_text(RkPdf *p, HPDF_Font f, float size, RkRgb c, float x, float y,
                 const char *s)
{
    if (!rk_pdf_ok(p) || !*s)
        return;
    HPDF_Page_BeginText(p->page);
    HPDF_Page_SetFontAndSize(p->page, f, size);
    /* Text is painted with the fill colour: set it every time, so a bar drawn
       before does not tint the text. */
    HPDF_Page_SetRGBFill(p->page, c.r, c.g, c.b);
    HPDF_Page_TextOut(p->page, x, y, s);
    HPDF_Page_EndText(p->page);
}

/* The next line of s (len bytes) wrapped to width: returns the bytes it
   consumes and sets *draw to the bytes to draw (without the trailing spaces
   or newline). A word longer than the line is cut at a character. */
static size_t next_line(HPDF_Font f, float size, float width,
                        const char *s, size_t len, size_t *draw)
{
    const char *nl = memchr(s, '\n', len);
    size_t seg = nl ? (size_t)(nl - s) : len;
    size_t n = seg;
    if (seg > 0) {
        HPDF_REAL real;
        n = HPDF_Font_MeasureText(f, (const HPDF_BYTE *)s, (HPDF_UINT)seg, width,
                                  size, 0, 0, HPDF_TRUE, &real);
        if (n == 0)
            n = HPDF_Font_MeasureText(f, (const HPDF_BYTE *)s, (HPDF_UINT)seg,
                                      width, size, 0, 0, HPDF_FALSE, &real);
        if (n > seg)
            n = seg;
        while (n > 0 && n < seg && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--; /* never split a UTF-8 sequence */
        if (n == 0) { /* not even one character fits: take one anyway */
            n = 1;
            while (n < seg && ((unsigned char)s[n] & 0xC0) == 0x80)
                n++;
        }
    }
    size_t d = n;
    while (d > 0 && s[d - 1] == ' ')
        d--;
    *draw = d;
    if (n == seg && nl)
        n++; /* eat the newline */
    else
        while (n < len && s[n] == ' ')
            n++; /* a wrapped line does not start with spaces */
    return n;
}

/* Draw one wrapped line (the first n bytes of s) at baseline y. */
static void draw_slice(RkPdf *p, HPDF_Font f, float size, RkRgb c, float x,
                       float y, const char *s, size_t n)
{
    char small[512];
    char *buf = n < sizeof small ? small : malloc(n + 1);
    if (!buf) {
        p->error = HPDF_FAILD_TO_ALLOC_MEM;
        return;
    }
    memcpy(buf, s, n);
    buf[n] = '\0';
    rk_pdf_text(p, f, size, c, x, y, buf);
    if (buf != small)
        free(buf);
}

/* Distance from the top of a line to its baseline. */
static float ascent_of(HPDF_Font f, float size)
{
    return (float)HPDF_Font_GetAscent(f) * size / 1000.0f;
}

int rk_pdf_count_lines(RkPdf *p, HPDF_Font f, float size, float width,
                       const char *s, int max_lines)
{
    int lines = 0;
    size_t len = strlen(s), at = 0, draw;
    while (rk_pdf_ok(p) && at < len && lines < max_lines) {
        at += next_line(f, size, width, s + at, len - at, &draw);
        lines++;
    }
    return lines;
}

#define ELLIPSIS "\xE2\x80\xA6"

int rk_pdf_wrap_at(RkPdf *p, HPDF_Font f, float size, RkRgb c, float x,
                   float top, float width, float leading, const char *s,
                   int max_lines)
{
    int lines = 0;
    size_t len = strlen(s), at = 0, draw;
    float ascent = ascent_of(f, size);
    float ell = rk_pdf_width(p, f, size, ELLIPSIS);
    while (rk_pdf_ok(p) && at < len && lines < max_lines) {
        float y = top - ascent - (float)lines * leading;
        size_t n = next_line(f, size, width, s + at, len - at, &draw);
        if (lines + 1 == max_lines && at + n < len) {
            /* the last line allowed and text remains: cut it short with an
               ellipsis rather than run below the box */
            next_line(f, size, width - ell, s + at, len - at, &draw);
            draw_slice(p, f, size, c, x, y, s + at, draw);
            float w = 0;
            if (draw > 0) {
                HPDF_TextWidth tw = HPDF_Font_TextWidth(f, (const HPDF_BYTE *)(s + at),
                                                        (HPDF_UINT)draw);
                w = (float)tw.width * size / 1000.0f;
            }
            rk_pdf_text(p, f, size, c, x + w, y, ELLIPSIS);
        } else {
            draw_slice(p, f, size, c, x, y, s + at, draw);
        }
        at += n;
        lines++;
    }
    return lines;
}

void rk_pdf_para(RkPdf *p, HPDF_Font f, float size, RkRgb c, float x,
                 float width, float leading, const char *s)
{
    size_t len = strlen(s), at = 0, draw;
    while (rk_pdf_ok(p) && at < len) {
        size_t n = next_line(f, size, width, s + at, len - at, &draw);
        rk_pdf_need(p, leading);
        draw_slice(p, f, size, c, x, p->y - ascent_of(f, size), s + at, draw);
        p->y -= leading;
        at += n;
    }
}

void rk_pdf_rect(RkPdf *p, float x, float y, float w, float h, RkRgb fill)
{
    if (!rk_pdf_ok(p) || w <= 0 || h <= 0)
        return;
    HPDF_Page_SetRGBFill(p->page, fill.r, fill.g, fill.b);
    HPDF_Page_Rectangle(p->page, x, y, w, h);
    HPDF_Page_Fill(p->page);
}

void rk_pdf_hline(RkPdf *p, float x0, float x1, float y, float width, RkRgb c)
{
    if (!rk_pdf_ok(p))
        return;
    HPDF_Page_SetLineWidth(p->page, width);
    HPDF_Page_SetRGBStroke(p->page, c.r, c.g, c.b);
    HPDF_Page_MoveTo(p->page, x0, y);
    HPDF_Page_LineTo(p->page, x1, y);
    HPDF_Page_Stroke(p->page);
}

void rk_pdf_metadata(RkPdf *p, const char *title, const char *subject,
                     const char *author)
{
    if (!rk_pdf_ok(p))
        return;
    p->doing = "setting the document information";
    HPDF_SetInfoAttr(p->doc, HPDF_INFO_TITLE, title);
    if (subject && *subject)
        HPDF_SetInfoAttr(p->doc, HPDF_INFO_SUBJECT, subject);
    if (author && *author)
        HPDF_SetInfoAttr(p->doc, HPDF_INFO_AUTHOR, author);
    HPDF_SetInfoAttr(p->doc, HPDF_INFO_CREATOR, "readykit");
    /* Never the clock: a date only from SOURCE_DATE_EPOCH, so two runs on the
       same input give the same bytes. */
    long long epoch = rk_source_date_epoch();
    if (epoch >= 0) {
        time_t t = (time_t)epoch;
        struct tm tm;
        if (gmtime_r(&t, &tm)) {
            HPDF_Date date = {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                              tm.tm_hour, tm.tm_min, tm.tm_sec, 'Z', 0, 0};
            HPDF_SetInfoDateAttr(p->doc, HPDF_INFO_CREATION_DATE, date);
            HPDF_SetInfoDateAttr(p->doc, HPDF_INFO_MOD_DATE, date);
        }
    }
    if (rk_pdf_ok(p))
        p->doing = NULL;
}

RkStatus rk_pdf_save(RkPdf *p, const char *path, RkDiag *d)
{
    if (rk_pdf_ok(p)) {
        p->doing = "writing the PDF to memory";
        HPDF_SaveToStream(p->doc);
    }
    HPDF_UINT32 size = rk_pdf_ok(p) ? HPDF_GetStreamSize(p->doc) : 0;
    if (rk_pdf_ok(p) && size == 0)
        p->error = HPDF_INVALID_STREAM;
    if (!rk_pdf_ok(p))
        return rk_diag_set(d, RK_EINTERNAL, path, 0, 0,
                           "cannot make the PDF: libHaru error 0x%04X (detail %u)%s%s",
                           (unsigned)p->error, (unsigned)p->detail,
                           p->doing ? " while " : "", p->doing ? p->doing : "");
    unsigned char *buf = malloc(size);
    if (!buf)
        return rk_diag_set(d, RK_EINTERNAL, path, 0, 0, "out of memory");
    /* Reading the whole stream reports HPDF_STREAM_EOF through the error
       handler when it reaches the end: that one is not a failure. */
    HPDF_UINT32 got = size;
    HPDF_STATUS s = HPDF_ReadFromStream(p->doc, buf, &got);
    if (p->error == HPDF_STREAM_EOF || s == HPDF_STREAM_EOF) {
        p->error = 0;
        HPDF_ResetError(p->doc);
        s = HPDF_OK;
    }
    if (s != HPDF_OK || got != size || !rk_pdf_ok(p)) {
        free(buf);
        return rk_diag_set(d, RK_EINTERNAL, path, 0, 0,
                           "cannot read the PDF back from memory: libHaru error 0x%04X",
                           (unsigned)(s ? s : p->error));
    }
    RkStatus st = rk_file_write_atomic(path, buf, size, d);
    free(buf);
    return st;
}
