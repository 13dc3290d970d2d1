/* safetext: control characters made visible, CSV formulas neutralised
   (safetext.h). */
#include "readykit/safetext.h"

#include <stdlib.h>
#include <string.h>

size_t rk_utf8_seq(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    if (len == 0)
        return 0;
    size_t n = s[0] < 0x80 ? 1 : (s[0] & 0xE0) == 0xC0 ? 2 : (s[0] & 0xF0) == 0xE0 ? 3
             : (s[0] & 0xF8) == 0xF0 ? 4 : 0;
    if (n == 0 || n > len)
        return 0;
    return rk_utf8_valid(str, n, NULL) ? n : 0;
}

bool rk_is_control(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    if (n == 1)
        return s[0] < 0x20 || s[0] == 0x7F;
    return n == 2 && s[0] == 0xC2 && s[1] < 0xA0; /* U+0080..U+009F */
}

void rk_safe_add(RkBuf *b, const char *s, size_t len, unsigned keep)
{
    size_t i = 0, run = 0; /* s[run..i) is safe, not yet appended */
    while (i < len) {
        size_t n = rk_utf8_seq(s + i, len - i);
        bool kept = n == 1 && ((s[i] == '\n' && (keep & RK_SAFE_NEWLINE)) ||
                               (s[i] == '\t' && (keep & RK_SAFE_TAB)));
        if (n && (kept || !rk_is_control(s + i, n))) {
            i += n;
            continue;
        }
        rk_buf_add(b, s + run, i - run);
        if (n == 0) {
            rk_buf_puts(b, "\xEF\xBF\xBD"); /* U+FFFD */
            n = 1;
        } else {
            unsigned cp = n == 1 ? (unsigned char)s[i] : (unsigned char)s[i + 1];
            rk_buf_printf(b, "\\x%02x", cp);
        }
        i += n;
        run = i;
    }
    rk_buf_add(b, s + run, i - run);
}

bool rk_safe_needed(const char *s, unsigned keep)
{
    for (size_t len = s ? strlen(s) : 0, i = 0; i < len;) {
        size_t n = rk_utf8_seq(s + i, len - i);
        if (n == 0 || (rk_is_control(s + i, n) &&
                       !(s[i] == '\n' && (keep & RK_SAFE_NEWLINE)) &&
                       !(s[i] == '\t' && (keep & RK_SAFE_TAB))))
            return true;
        i += n;
    }
    return false;
}

/* The first control character of s that no text may hold (only a YAML
   escape can write one: "\\0", "\\e", "\\x9b"): its code point, or -1.
   Tabs, line breaks and U+0085 (a YAML line break) are text. */
int rk_control_in(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        size_t n = rk_utf8_seq(s + i, len - i);
        if (n == 0)
            return -1; /* libyaml checks the encoding itself */
        unsigned c = n == 1 ? (unsigned char)s[i] : (unsigned char)s[i + 1];
        if (rk_is_control(s + i, n) && c != '\t' && c != '\n' && !(n == 2 && c == 0x85))
            return (int)c;
        i += n;
    }
    return -1;
}

void rk_safe_puts(RkBuf *b, const char *s, unsigned keep)
{
    if (s)
        rk_safe_add(b, s, strlen(s), keep);
}

void rk_safe_tail(RkBuf *b, size_t from, unsigned keep)
{
    if (b->failed || from >= b->len)
        return;
    size_t n = b->len - from;
    char *copy = malloc(n);
    if (!copy) {
        b->failed = true;
        return;
    }
    memcpy(copy, b->data + from, n);
    b->len = from;
    b->data[from] = '\0';
    rk_safe_add(b, copy, n, keep);
    free(copy);
}

/* [+-]digits[.digits][(e|E)[+-]digits], or with digits only after the point. */
static bool plain_number(const char *s)
{
    if (*s == '+' || *s == '-')
        s++;
    size_t digits = strspn(s, "0123456789");
    s += digits;
    if (*s == '.') {
        size_t frac = strspn(s + 1, "0123456789");
        digits += frac;
        s += 1 + frac;
    }
    if (digits == 0)
        return false;
    if (*s == 'e' || *s == 'E') {
        s++;
        if (*s == '+' || *s == '-')
            s++;
        size_t exp = strspn(s, "0123456789");
        if (exp == 0)
            return false;
        s += exp;
    }
    return *s == '\0';
}

bool rk_csv_formula_like(const char *s)
{
    return s && *s && strchr("=+-@\t\r", *s) && !plain_number(s);
}
