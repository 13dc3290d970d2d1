/* pdf_draw: libHaru behind a drawing context that records the first error:
   the document, pages, fonts, shapes, links, bookmarks, metadata, saving. */
#include "pdf_draw.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <hpdf_doc.h>

#include "readykit/fileio.h"
#include "readykit/safetext.h"

#define FONT_DIR "/usr/share/fonts/truetype/dejavu/"
#define FONT_REGULAR FONT_DIR "DejaVuSans.ttf"
#define FONT_BOLD FONT_DIR "DejaVuSans-Bold.ttf"
#define FONT_ITALIC FONT_DIR "DejaVuSans-Oblique.ttf"

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

/* libHaru 2.3 gives a UTF-8 font a ToUnicode map written with the encoding
   CMap's operators (begincidrange), which maps nothing and makes poppler
   warn. Its codes are Unicode code points (two bytes, Identity-H), so the
   right map is the identity: rewrite the stream as bfranges. */
static void fix_to_unicode(RkPdf *p, HPDF_Font f)
{
    HPDF_Dict tu = f ? HPDF_Dict_GetItem(f, "ToUnicode", HPDF_OCLASS_DICT) : NULL;
    if (!tu || !tu->stream || !rk_pdf_ok(p))
        return;
    HPDF_MemStream_FreeData(tu->stream);
    HPDF_Stream s = tu->stream;
    HPDF_Stream_WriteStr(s, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    int hi[256], n = 0;
    for (int h = 0; h < 256; h++)
        if (h < 0xD8 || h > 0xDF) /* no surrogates */
            hi[n++] = h;
    for (int i = 0; i < n; i += 100) {
        int k = n - i < 100 ? n - i : 100;
        char line[64];
        snprintf(line, sizeof line, "%d beginbfrange\n", k);
        HPDF_Stream_WriteStr(s, line);
        for (int j = i; j < i + k; j++) {
            snprintf(line, sizeof line, "<%02X00> <%02XFF> <%02X00>\n", hi[j], hi[j], hi[j]);
            HPDF_Stream_WriteStr(s, line);
        }
        HPDF_Stream_WriteStr(s, "endbfrange\n");
    }
    HPDF_Stream_WriteStr(s, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
}

static HPDF_Font load_ttf(RkPdf *p, const char *path, const char *doing)
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
    fix_to_unicode(p, f);
    if (f && rk_pdf_ok(p))
        p->doing = NULL;
    return f;
}

/* A standard font with WinAnsiEncoding and its width table. */
static HPDF_Font std_font(RkPdf *p, const char *name, int index)
{
    if (!rk_pdf_ok(p))
        return NULL;
    HPDF_Font f = HPDF_GetFont(p->doc, name, "WinAnsiEncoding");
    if (!f || !rk_pdf_ok(p))
        return NULL;
    for (int c = 1; c < 256; c++) {
        HPDF_BYTE b = (HPDF_BYTE)c;
        p->widths[index][c] = (float)HPDF_Font_TextWidth(f, &b, 1).width;
    }
    return f;
}

void rk_pdf_open(RkPdf *p, RkPdfPaper paper, bool unicode)
{
    memset(p, 0, sizeof *p);
    p->unicode = unicode;
    p->page_w = paper == RK_PAPER_LETTER ? 612.0f : 595.276f;
    p->page_h = paper == RK_PAPER_LETTER ? 792.0f : 841.89f;
    p->left = RK_PDF_MARGIN;
    p->right = p->page_w - RK_PDF_MARGIN;
    p->width = p->right - p->left;
    p->top = p->page_h - RK_PDF_MARGIN;
    p->bottom = RK_PDF_MARGIN;
    p->doing = "creating the PDF document";
    p->doc = HPDF_New(on_error, p);
    if (!p->doc) {
        p->error = HPDF_FAILD_TO_ALLOC_MEM;
        return;
    }
    HPDF_SetCompressionMode(p->doc, HPDF_COMP_ALL);
    /* The info dictionary and bookmarks take UTF-8 in either mode. */
    HPDF_UseUTFEncodings(p->doc);
    HPDF_SetCurrentEncoder(p->doc, "UTF-8");
    if (unicode) {
        p->regular = load_ttf(p, FONT_REGULAR, "loading the font " FONT_REGULAR
                                                 " (package fonts-dejavu-core)");
        p->bold = load_ttf(p, FONT_BOLD, "loading the font " FONT_BOLD
                                           " (package fonts-dejavu-core)");
        p->italic = load_ttf(p, FONT_ITALIC, "loading the font " FONT_ITALIC
                                               " (package fonts-dejavu-core)");
    } else {
        p->regular = std_font(p, "Helvetica", 0);
        p->bold = std_font(p, "Helvetica-Bold", 1);
        p->italic = std_font(p, "Helvetica-Oblique", 2);
    }
    if (rk_pdf_ok(p))
        p->doing = NULL;
    rk_pdf_new_page(p);
}

void rk_pdf_close(RkPdf *p)
{
    if (p->doc)
        HPDF_Free(p->doc);
    p->doc = NULL;
    free(p->pages);
    p->pages = NULL;
}

void rk_pdf_text_off(RkPdf *p, bool forget)
{
    if (p->in_text && p->page && rk_pdf_ok(p))
        HPDF_Page_EndText(p->page);
    p->in_text = false;
    if (forget) {
        p->fill_known = false;
        p->cur_font = NULL;
        p->cur_leading = 0;
    }
}

float rk_pdf_round(float v)
{
    return roundf(v * 2.0f) / 2.0f;
}

void rk_pdf_new_page(RkPdf *p)
{
    if (!rk_pdf_ok(p))
        return;
    rk_pdf_text_off(p, true);
    if (p->n_pages == p->cap_pages) {
        int cap = p->cap_pages ? 2 * p->cap_pages : 16;
        HPDF_Page *n = realloc(p->pages, (size_t)cap * sizeof *n);
        if (!n) {
            p->error = HPDF_FAILD_TO_ALLOC_MEM;
            return;
        }
        p->pages = n;
        p->cap_pages = cap;
    }
    p->page = HPDF_AddPage(p->doc);
    if (!p->page)
        return;
    HPDF_Page_SetWidth(p->page, p->page_w);
    HPDF_Page_SetHeight(p->page, p->page_h);
    p->pages[p->n_pages++] = p->page;
    p->y = p->top;
}

void rk_pdf_use_page(RkPdf *p, int i)
{
    rk_pdf_text_off(p, true);
    if (i >= 0 && i < p->n_pages)
        p->page = p->pages[i];
}

bool rk_pdf_need(RkPdf *p, float h)
{
    if (!rk_pdf_ok(p) || p->y - h >= p->bottom)
        return false;
    rk_pdf_new_page(p);
    return true;
}

void rk_pdf_rect(RkPdf *p, float x, float y, float w, float h, RkRgb fill)
{
    if (!rk_pdf_ok(p) || w <= 0 || h <= 0)
        return;
    rk_pdf_text_off(p, false);
    if (!p->fill_known || memcmp(&p->cur_fill, &fill, sizeof fill) != 0)
        HPDF_Page_SetRGBFill(p->page, fill.r, fill.g, fill.b);
    p->cur_fill = fill;
    p->fill_known = true;
    HPDF_Page_Rectangle(p->page, rk_pdf_round(x), rk_pdf_round(y), rk_pdf_round(w),
                        rk_pdf_round(h));
    HPDF_Page_Fill(p->page);
}

void rk_pdf_hline(RkPdf *p, float x0, float x1, float y, float width, RkRgb c)
{
    if (!rk_pdf_ok(p))
        return;
    rk_pdf_text_off(p, false);
    HPDF_Page_SetLineWidth(p->page, width);
    HPDF_Page_SetRGBStroke(p->page, c.r, c.g, c.b);
    HPDF_Page_MoveTo(p->page, rk_pdf_round(x0), rk_pdf_round(y));
    HPDF_Page_LineTo(p->page, rk_pdf_round(x1), rk_pdf_round(y));
    HPDF_Page_Stroke(p->page);
}

/* A link annotation written with libHaru's object calls rather than
   HPDF_Page_CreateURILinkAnnot: only the keys a viewer needs (no /Type,
   /P or action /Type), whole-point corners; a third of the bytes per link,
   which matters in a report with a source link on every answer. */
void rk_pdf_link(RkPdf *p, float x, float y, float w, float h, const char *uri)
{
    if (!rk_pdf_ok(p) || !uri || !*uri)
        return;
    HPDF_MMgr mm = p->doc->mmgr;
    HPDF_Dict a = HPDF_Dict_New(mm);
    HPDF_Array rect = HPDF_Array_New(mm), border = HPDF_Array_New(mm);
    HPDF_Dict act = HPDF_Dict_New(mm);
    HPDF_String s = HPDF_String_New(mm, uri, NULL);
    if (!a || !rect || !border || !act || !s || HPDF_Xref_Add(p->doc->xref, a) != HPDF_OK) {
        if (p->error == 0)
            p->error = HPDF_FAILD_TO_ALLOC_MEM;
        return;
    }
    HPDF_Array annots = HPDF_Dict_GetItem(p->page, "Annots", HPDF_OCLASS_ARRAY);
    if (!annots) {
        annots = HPDF_Array_New(mm);
        if (!annots || HPDF_Dict_Add(p->page, "Annots", annots) != HPDF_OK) {
            if (p->error == 0)
                p->error = HPDF_FAILD_TO_ALLOC_MEM;
            return;
        }
    }
    HPDF_Dict_AddName(a, "Subtype", "Link");
    HPDF_Array_AddReal(rect, floorf(x));
    HPDF_Array_AddReal(rect, floorf(y));
    HPDF_Array_AddReal(rect, ceilf(x + w));
    HPDF_Array_AddReal(rect, ceilf(y + h));
    HPDF_Dict_Add(a, "Rect", rect);
    for (int i = 0; i < 3; i++)
        HPDF_Array_AddNumber(border, 0);
    HPDF_Dict_Add(a, "Border", border);
    HPDF_Dict_AddName(act, "S", "URI");
    HPDF_Dict_Add(act, "URI", s);
    HPDF_Dict_Add(a, "A", act);
    if (HPDF_Array_Add(annots, a) != HPDF_OK && p->error == 0)
        p->error = HPDF_FAILD_TO_ALLOC_MEM;
}

/* A copy of s for the document's information and bookmarks: control
   characters made visible (safetext.h), cut at a character boundary after
   MAX_META bytes (libHaru refuses strings over 64 KiB; a title that long
   helps nobody). */
#define MAX_META 1000
static void meta_text(RkPdf *p, RkBuf *b, const char *s)
{
    rk_safe_puts(b, s, 0);
    if (b->failed) /* never an empty title */
        rk_pdf_nomem(p);
    if (b->len > MAX_META) {
        size_t cut = MAX_META;
        while (cut > 0 && ((unsigned char)b->data[cut] & 0xC0) == 0x80)
            cut--;
        b->len = cut;
        rk_buf_puts(b, "\xE2\x80\xA6"); /* … */
    }
}

HPDF_Outline rk_pdf_bookmark(RkPdf *p, HPDF_Outline parent, const char *title)
{
    if (!rk_pdf_ok(p))
        return NULL;
    /* ASCII titles as plain strings; others as UTF-16 through the encoder;
       control characters made visible */
    RkBuf safe;
    rk_buf_init(&safe);
    meta_text(p, &safe, title);
    bool ascii = true;
    for (const char *c = safe.data ? safe.data : ""; *c; c++)
        ascii = ascii && (unsigned char)*c < 0x80;
    HPDF_Outline o = HPDF_CreateOutline(p->doc, parent, safe.data ? safe.data : "",
                                        ascii ? NULL : HPDF_GetEncoder(p->doc, "UTF-8"));
    rk_buf_free(&safe);
    if (!o)
        return NULL;
    HPDF_Destination dst = HPDF_Page_CreateDestination(p->page);
    if (dst) {
        HPDF_Destination_SetFitH(dst, p->y + 20);
        HPDF_Outline_SetDestination(o, dst);
    }
    HPDF_Outline_SetOpened(o, HPDF_FALSE);
    return o;
}

/* One information entry. */
static void info(RkPdf *p, HPDF_InfoType type, const char *value)
{
    RkBuf b;
    rk_buf_init(&b);
    meta_text(p, &b, value);
    HPDF_SetInfoAttr(p->doc, type, b.data ? b.data : "");
    rk_buf_free(&b);
}

void rk_pdf_metadata(RkPdf *p, const char *title, const char *subject,
                     const char *author, const char *creator, const char *lang)
{
    if (!rk_pdf_ok(p))
        return;
    p->doing = "setting the document information";
    info(p, HPDF_INFO_TITLE, title);
    if (subject && *subject)
        info(p, HPDF_INFO_SUBJECT, subject);
    if (author && *author)
        info(p, HPDF_INFO_AUTHOR, author);
    info(p, HPDF_INFO_CREATOR, creator);
    /* The catalog's /Lang: libHaru has no call for it. */
    if (lang && *lang && rk_pdf_ok(p)) {
        HPDF_String s = HPDF_String_New(p->doc->mmgr, lang, NULL);
        if (s)
            HPDF_Dict_Add(p->doc->catalog, "Lang", s);
    }
    HPDF_SetPageMode(p->doc, HPDF_PAGE_MODE_USE_OUTLINE);
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
    rk_pdf_text_off(p, true);
    if (rk_pdf_ok(p)) {
        p->doing = "writing the PDF to memory";
        HPDF_SaveToStream(p->doc);
    }
    HPDF_UINT32 size = rk_pdf_ok(p) ? HPDF_GetStreamSize(p->doc) : 0;
    if (rk_pdf_ok(p) && size == 0)
        p->error = HPDF_INVALID_STREAM;
    if (!rk_pdf_ok(p))
        return rk_diag_set(d, RK_EINTERNAL, path, 0, 0,
                           "cannot make the PDF: %s0x%04X (detail %u)%s%s",
                           p->error == HPDF_FAILD_TO_ALLOC_MEM ? "out of memory, libHaru error "
                                                                 : "libHaru error ",
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
