/* pdf_text: text on the page: UTF-8 in (encoded by pdf_encode.c), line
   wrapping measured glyph by glyph, never HPDF_Page_TextRect. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf_pages.h>

#include "pdf_draw.h"

static int font_index(const RkPdf *p, HPDF_Font f)
{
    return f == p->bold ? 1 : f == p->italic ? 2 : 0;
}

/* Bytes of the character at s (encoded). */
static size_t char_len(const RkPdf *p, const char *s, size_t left)
{
    if (!p->unicode)
        return 1;
    size_t n = 1;
    while (n < left && ((unsigned char)s[n] & 0xC0) == 0x80)
        n++;
    return n;
}

/* Width of n encoded bytes at size 1000. */
static float enc_width(RkPdf *p, HPDF_Font f, const char *s, size_t n)
{
    if (n == 0 || !rk_pdf_ok(p))
        return 0;
    if (!p->unicode) {
        const float *w = p->widths[font_index(p, f)];
        float t = 0;
        for (size_t i = 0; i < n; i++)
            t += w[(unsigned char)s[i]];
        return t;
    }
    HPDF_TextWidth tw = HPDF_Font_TextWidth(f, (const HPDF_BYTE *)s, (HPDF_UINT)n);
    return (float)tw.width;
}

float rk_pdf_width(RkPdf *p, HPDF_Font f, float size, const char *s)
{
    size_t n;
    if (!rk_pdf_ok(p) || !*s)
        return 0;
    char small[RK_PDF_ENC_SMALL];
    char *e = rk_pdf_encode(p, s, &n, small, sizeof small);
    float w = e ? enc_width(p, f, e, n) * size / 1000.0f : 0;
    rk_pdf_encode_done(e, small);
    return w;
}

float rk_pdf_ascent(HPDF_Font f, float size)
{
    return (float)HPDF_Font_GetAscent(f) * size / 1000.0f;
}

/* A coordinate already rounded to half a point, as PDF writes it: "12",
   "-3.5". No printf: its decimal point would follow the locale. */
static size_t put_num(char *b, float v)
{
    long h = lroundf(v * 2.0f);
    size_t n = 0;
    if (h < 0) {
        b[n++] = '-';
        h = -h;
    }
    char d[24];
    int k = 0;
    long w = h / 2;
    do
        d[k++] = (char)('0' + w % 10);
    while ((w /= 10) > 0);
    while (k > 0)
        b[n++] = d[--k];
    if (h % 2) {
        b[n++] = '.';
        b[n++] = '5';
    }
    return n;
}

/* Standard fonts: the text operators written straight into the page's
   content stream (libHaru's TextOut measures every string again and writes
   every byte above 127 as a 4-byte escape). Td moves relative to the start
   of the line, which this context tracks; `next` shows the line below the
   last one with the ' operator (T* and Tj). */
static void raw_write(RkPdf *p, const char *b, size_t k)
{
    HPDF_Stream st = ((HPDF_PageAttr)p->page->attr)->stream;
    if (HPDF_Stream_Write(st, (const HPDF_BYTE *)b, (HPDF_UINT)k) != HPDF_OK && p->error == 0)
        p->error = HPDF_FILE_IO_ERROR;
}

static void raw_text(RkPdf *p, float x, float y, const char *s, size_t n, bool next)
{
    char small[512];
    size_t cap = 4 * n + 64;
    char *b = cap <= sizeof small ? small : malloc(cap);
    if (!b) {
        p->error = HPDF_FAILD_TO_ALLOC_MEM;
        return;
    }
    size_t k = 0;
    if (!next) {
        k += put_num(b + k, x - p->line_x);
        b[k++] = ' ';
        k += put_num(b + k, y - p->line_y);
        memcpy(b + k, " Td\n", 4);
        k += 4;
        p->line_x = x;
        p->line_y = y;
    } else {
        p->line_y -= p->cur_leading;
    }
    b[k++] = '(';
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '(' || c == ')' || c == '\\') {
            b[k++] = '\\';
            b[k++] = (char)c;
        } else if (c < 0x20) {
            b[k++] = '\\';
            b[k++] = (char)('0' + (c >> 6));
            b[k++] = (char)('0' + ((c >> 3) & 7));
            b[k++] = (char)('0' + (c & 7));
        } else {
            b[k++] = (char)c;
        }
    }
    memcpy(b + k, next ? ") '\n" : ") Tj\n", next ? 4 : 5);
    k += next ? 4 : 5;
    raw_write(p, b, k);
    if (b != small)
        free(b);
}

/* Draw n encoded bytes at (x, y); with leading > 0, the line is the one
   below the line drawn just before in the same run (same x, y - leading)
   and goes out as T* with TL, which keeps the content stream small. */
static void draw_line(RkPdf *p, HPDF_Font f, float size, RkRgb c, float x, float y,
                      const char *s, size_t n, float leading)
{
    if (!rk_pdf_ok(p) || n == 0)
        return;
    char small[256];
    char *buf = n < sizeof small ? small : malloc(n + 1);
    if (!buf) {
        p->error = HPDF_FAILD_TO_ALLOC_MEM;
        return;
    }
    memcpy(buf, s, n);
    buf[n] = '\0';
    bool next = leading > 0 && p->in_text;
    if (!p->in_text) {
        HPDF_Page_BeginText(p->page);
        p->in_text = true;
        p->line_x = p->line_y = 0;
    }
    if (p->cur_font != f || p->cur_size != size) {
        if (p->unicode) {
            HPDF_Page_SetFontAndSize(p->page, f, size);
        } else {
            /* the font's name in the page's resources (libHaru adds it) */
            const char *name = HPDF_Page_GetLocalFontName(p->page, f);
            char op[64];
            int k = snprintf(op, sizeof op, "/%s ", name ? name : "F1");
            k += (int)put_num(op + k, size);
            memcpy(op + k, " Tf\n", 4);
            raw_write(p, op, (size_t)k + 4);
        }
        p->cur_font = f;
        p->cur_size = size;
    }
    /* Text is painted with the fill colour: a shape drawn before must not
       tint it. */
    if (!p->fill_known || memcmp(&p->cur_fill, &c, sizeof c) != 0) {
        if (p->unicode) {
            HPDF_Page_SetRGBFill(p->page, c.r, c.g, c.b);
        } else {
            /* thousandths, without printf's locale-dependent point */
            int r = (int)(c.r * 1000 + 0.5f), g = (int)(c.g * 1000 + 0.5f);
            int b = (int)(c.b * 1000 + 0.5f);
            char op[64];
            int k = snprintf(op, sizeof op, "%d.%03d %d.%03d %d.%03d rg\n", r / 1000, r % 1000,
                             g / 1000, g % 1000, b / 1000, b % 1000);
            raw_write(p, op, (size_t)k);
        }
        p->cur_fill = c;
        p->fill_known = true;
    }
    if (next && p->cur_leading != leading) {
        HPDF_Page_SetTextLeading(p->page, leading);
        p->cur_leading = leading;
    }
    if (!p->unicode) {
        raw_text(p, rk_pdf_round(x), rk_pdf_round(y), s, n, next);
    } else if (next) {
        HPDF_Page_ShowTextNextLine(p->page, buf);
    } else {
        HPDF_Page_TextOut(p->page, rk_pdf_round(x), rk_pdf_round(y), buf);
    }
    if (buf != small)
        free(buf);
}

static void draw_enc(RkPdf *p, HPDF_Font f, float size, RkRgb c, float x, float y,
                     const char *s, size_t n)
{
    draw_line(p, f, size, c, x, y, s, n, 0);
}

void rk_pdf_text(RkPdf *p, HPDF_Font f, float size, RkRgb c, float x, float y,
                 const char *s)
{
    size_t n;
    if (!rk_pdf_ok(p) || !*s)
        return;
    char small[RK_PDF_ENC_SMALL];
    char *e = rk_pdf_encode(p, s, &n, small, sizeof small);
    if (e)
        draw_enc(p, f, size, c, x, y, e, n);
    rk_pdf_encode_done(e, small);
}

void rk_pdf_text_right(RkPdf *p, HPDF_Font f, float size, RkRgb c, float x,
                       float y, const char *s)
{
    rk_pdf_text(p, f, size, c, x - rk_pdf_width(p, f, size, s), y, s);
}

/* A line may break after a space, or after '/', '-' or '?' inside a long
   word (URLs), never inside a UTF-8 sequence. */
static bool break_after(char c)
{
    return c == '/' || c == '-' || c == '?' || c == '&';
}

/* The next line of encoded s (len bytes) wrapped to width at size: returns
   the bytes it consumes and sets *draw to the bytes to draw (without the
   trailing spaces or newline). A word longer than the line is cut where it
   may break, else at a character. */
static size_t next_line(RkPdf *p, HPDF_Font f, float size, float width,
                        const char *s, size_t len, size_t *draw)
{
    float limit = width * 1000.0f / size, w = 0;
    size_t space = 0, soft = 0, i = 0;
    while (i < len && s[i] != '\n') {
        size_t n = char_len(p, s + i, len - i);
        float cw = enc_width(p, f, s + i, n);
        if (w + cw > limit && s[i] != ' ' && i > 0)
            break;
        w += cw;
        i += n;
        /* a space before French ? ! : ; does not break (a line must
           not start with the mark) */
        if (s[i - 1] == ' ' && !(i < len && strchr("?!:;", s[i]) && s[i] != '\0'))
            space = i;
        else if (break_after(s[i - 1]))
            soft = i;
    }
    size_t n = i;
    /* overflow: go back to the last place a line may break (inside a URL
       rather than leave "Source:" alone on its line), else cut here */
    if (i < len && s[i] != '\n')
        n = space > soft ? space : soft ? soft : i;
    size_t d = n;
    while (d > 0 && s[d - 1] == ' ')
        d--;
    *draw = d;
    if (n < len && s[n] == '\n')
        n++; /* eat the newline */
    else
        while (n < len && s[n] == ' ')
            n++; /* a wrapped line does not start with spaces */
    return n;
}

int rk_pdf_count_lines(RkPdf *p, HPDF_Font f, float size, float width,
                       const char *s, int max_lines)
{
    size_t len, at = 0, draw;
    if (!rk_pdf_ok(p) || !*s)
        return 0;
    char small[RK_PDF_ENC_SMALL];
    char *e = rk_pdf_encode(p, s, &len, small, sizeof small);
    int lines = 0;
    while (e && at < len && lines < max_lines) {
        at += next_line(p, f, size, width, e + at, len - at, &draw);
        lines++;
    }
    rk_pdf_encode_done(e, small);
    return lines;
}

float rk_pdf_wrapped_width(RkPdf *p, HPDF_Font f, float size, float width, const char *s,
                          int max_lines)
{
    size_t len, at = 0, draw;
    if (!rk_pdf_ok(p) || !*s)
        return 0;
    char small[RK_PDF_ENC_SMALL];
    char *e = rk_pdf_encode(p, s, &len, small, sizeof small);
    float widest = 0;
    for (int lines = 0; e && at < len && lines < max_lines; lines++) {
        size_t n = next_line(p, f, size, width, e + at, len - at, &draw);
        float w = enc_width(p, f, e + at, draw) * size / 1000.0f;
        widest = w > widest ? w : widest;
        at += n;
    }
    rk_pdf_encode_done(e, small);
    return widest < width ? widest : width;
}

int rk_pdf_wrap_at(RkPdf *p, HPDF_Font f, float size, RkRgb c, float x,
                   float top, float width, float leading, const char *s,
                   int max_lines)
{
    size_t len, at = 0, draw;
    if (!rk_pdf_ok(p) || !*s)
        return 0;
    char small[RK_PDF_ENC_SMALL];
    char *e = rk_pdf_encode(p, s, &len, small, sizeof small);
    const char *ell = p->unicode ? "\xE2\x80\xA6" : "\x85";
    float ell_w = enc_width(p, f, ell, strlen(ell)) * size / 1000.0f;
    float ascent = rk_pdf_ascent(f, size);
    int lines = 0;
    bool drawn = false; /* the line before was drawn: the next is T* */
    while (e && rk_pdf_ok(p) && at < len && lines < max_lines) {
        float y = top - ascent - (float)lines * leading;
        size_t n = next_line(p, f, size, width, e + at, len - at, &draw);
        if (lines + 1 == max_lines && at + n < len) {
            /* the last line allowed and text remains: cut it short with an
               ellipsis rather than run below the box */
            next_line(p, f, size, width - ell_w, e + at, len - at, &draw);
            draw_line(p, f, size, c, x, y, e + at, draw, lines > 0 && draw ? leading : 0);
            float w = enc_width(p, f, e + at, draw) * size / 1000.0f;
            draw_enc(p, f, size, c, x + w, y, ell, strlen(ell));
        } else {
            draw_line(p, f, size, c, x, y, e + at, draw, lines > 0 && drawn ? leading : 0);
        }
        drawn = draw > 0;
        at += n;
        lines++;
    }
    rk_pdf_encode_done(e, small);
    return lines;
}

void rk_pdf_para(RkPdf *p, HPDF_Font f, float size, RkRgb c, float x,
                 float width, float leading, const char *s)
{
    size_t len, at = 0, draw;
    if (!rk_pdf_ok(p) || !*s)
        return;
    char small[RK_PDF_ENC_SMALL];
    char *e = rk_pdf_encode(p, s, &len, small, sizeof small);
    bool drawn = false; /* the line before was drawn on this page: T* */
    while (e && rk_pdf_ok(p) && at < len) {
        size_t n = next_line(p, f, size, width, e + at, len - at, &draw);
        if (rk_pdf_need(p, leading))
            drawn = false;
        draw_line(p, f, size, c, x, p->y - rk_pdf_ascent(f, size), e + at, draw,
                  drawn ? leading : 0);
        drawn = draw > 0;
        p->y -= leading;
        at += n;
    }
    rk_pdf_encode_done(e, small);
}
