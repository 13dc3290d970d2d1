/* pdf_encode: UTF-8 text to the bytes the document's fonts take:
   Windows-1252 for the standard fonts (WinAnsiEncoding), UTF-8 unchanged
   for the embedded font. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_draw.h"
#include "readykit/safetext.h"

/* Windows-1252 0x80-0x9F as Unicode; 0 where the code is unused. */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

/* The Windows-1252 byte for code point u, 0 when there is none. Spaces and
   dashes that the set lacks become their nearest neighbour. */
static unsigned char to_cp1252(unsigned long u)
{
    if (u < 0x80 || (u >= 0xA0 && u <= 0xFF))
        return (unsigned char)u;
    for (int i = 0; i < 32; i++)
        if (cp1252_high[i] == u)
            return (unsigned char)(0x80 + i);
    switch (u) {
    case 0x202F: case 0x2007: return 0xA0;          /* narrow / figure no-break space */
    case 0x2009: case 0x200A: case 0x2002: case 0x2003: return ' ';
    case 0x2010: case 0x2011: case 0x2212: return '-'; /* hyphens, minus */
    case 0x2032: return '\'';
    case 0x200B: case 0xFEFF: return 0xFF;          /* dropped below */
    default: return 0;
    }
}

/* Decode one UTF-8 sequence at s (NUL-terminated); *n its length. A bad
   byte decodes as U+FFFD with length 1. */
static unsigned long utf8_next(const unsigned char *s, size_t *n)
{
    unsigned c = s[0];
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0) {
        *n = 1;
        return 0xFFFD;
    }
    unsigned long u = len == 1 ? c : c & (0x7F >> len);
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *n = 1;
            return 0xFFFD;
        }
        u = (u << 6) | (s[i] & 0x3F);
    }
    *n = (size_t)len;
    return u;
}

static char *encode(RkPdf *p, const char *s, size_t *out_len, char *buf, size_t size);

/* Control characters never reach the page: they are drawn as visible
   escapes ("\x1b"), as in the text output (safetext.h). */
char *rk_pdf_encode(RkPdf *p, const char *s, size_t *out_len, char *buf, size_t size)
{
    if (!rk_safe_needed(s, 0))
        return encode(p, s, out_len, buf, size);
    RkBuf safe;
    rk_buf_init(&safe);
    rk_safe_puts(&safe, s, 0);
    char *e = NULL;
    if (safe.failed || !safe.data)
        p->error = HPDF_FAILD_TO_ALLOC_MEM;
    else
        e = encode(p, safe.data, out_len, buf, size); /* a copy: safe can go */
    rk_buf_free(&safe);
    return e;
}

static char *encode(RkPdf *p, const char *s, size_t *out_len, char *buf, size_t size)
{
    size_t len = strlen(s);
    char *out = len < size ? buf : malloc(len + 1);
    if (!out) {
        p->error = HPDF_FAILD_TO_ALLOC_MEM;
        return NULL;
    }
    if (p->unicode) {
        memcpy(out, s, len + 1);
        *out_len = len;
        return out;
    }
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        size_t n;
        unsigned long u = utf8_next((const unsigned char *)s + i, &n);
        i += n;
        unsigned char b = to_cp1252(u);
        if (b == 0xFF && u != 0xFF)
            continue; /* zero-width characters */
        if (b == 0 || u == 0xFFFD) {
            if (!p->missing)
                p->missing = u;
            b = '?';
        }
        out[o++] = (char)b;
    }
    out[o] = '\0';
    *out_len = o;
    return out;
}

void rk_pdf_encode_done(char *e, const char *buf)
{
    if (e != buf)
        free(e);
}
