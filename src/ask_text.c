/* ask_text: choice keys, UTF-8 widths and word wrapping for the ask
   screens, file names from subjects, shell quoting for the hints. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ask_internal.h"

/* Is every choice value a distinct whole number from 0 to 99? */
static bool numbered_by_value(const RkQuestion *qn)
{
    for (size_t i = 0; i < qn->n_choices; i++) {
        const char *v = qn->choices[i].value;
        size_t n = strlen(v);
        if (n == 0 || n > 2 || strspn(v, "0123456789") != n || (n == 2 && v[0] == '0'))
            return false;
    }
    return qn->n_choices > 0;
}

void rk_ask_choice_key(const RkQuestion *qn, size_t i, char *buf, size_t size)
{
    if (numbered_by_value(qn))
        snprintf(buf, size, "%s", qn->choices[i].value);
    else
        snprintf(buf, size, "%zu", i + 1);
}

long rk_ask_choice_find(const RkQuestion *qn, const char *text)
{
    for (size_t i = 0; i < qn->n_choices; i++)
        if (strcmp(qn->choices[i].value, text) == 0)
            return (long)i;
    if (numbered_by_value(qn) || !*text || strspn(text, "0123456789") != strlen(text) ||
        strlen(text) > 6)
        return -1;
    long n = strtol(text, NULL, 10);
    return n >= 1 && (size_t)n <= qn->n_choices ? n - 1 : -1;
}

size_t rk_ask_width(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        w += ((unsigned char)s[i] & 0xC0) != 0x80;
    return w;
}

/* Bytes of s that fit in cols code points. */
static size_t fit(const char *s, size_t n, size_t cols)
{
    size_t i = 0, w = 0;
    while (i < n) {
        size_t j = i + 1;
        while (j < n && ((unsigned char)s[j] & 0xC0) == 0x80)
            j++;
        if (w + 1 > cols)
            break;
        w++;
        i = j;
    }
    return i;
}

/* Append one line of at most width code points (words already fitted). */
static void put_line(RkBuf *b, const char *indent, const char *s, size_t n)
{
    rk_buf_puts(b, indent);
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x20 && s[i] != 0x7F)
            rk_buf_add(b, s + i, 1);
    rk_buf_puts(b, "\r\n");
}

/* Does the space at sp bind the words around it? French puts a space before
   ? ! : ; and » and after «, and a line must not start or end there. */
static bool glued_space(const char *sp, const char *end)
{
    const char *n = sp + 1;
    if (n < end && (*n == '?' || *n == '!' || *n == ':' || *n == ';'))
        return n + 1 == end || n[1] == ' ' || n[1] == ')' || n[1] == '.';
    if (n + 1 < end && (unsigned char)n[0] == 0xC2 && (unsigned char)n[1] == 0xBB)
        return true; /* » */
    return false;
}

void rk_ask_wrap(RkBuf *b, const char *text, size_t width, const char *indent)
{
    size_t avail = width > strlen(indent) + 10 ? width - strlen(indent) : 10;
    const char *p = text ? text : "";
    do {
        size_t para = strcspn(p, "\n");
        const char *line = p, *end = p + para;
        while (line < end) {
            while (line < end && *line == ' ')
                line++;
            if (line == end)
                break;
            /* Take words while they fit. */
            const char *cut = line, *q = line;
            while (q < end) {
                const char *w = q;
                while (w < end && *w == ' ')
                    w++;
                const char *we = w;
                while (we < end && (*we != ' ' || glued_space(we, end)))
                    we++;
                if (rk_ask_width(line, (size_t)(we - line)) > avail)
                    break;
                cut = we;
                q = we;
            }
            if (cut == line) /* one word longer than the line: break it */
                cut = line + fit(line, (size_t)(end - line), avail);
            put_line(b, indent, line, (size_t)(cut - line));
            line = cut;
        }
        if (para == 0 && *p == '\n')
            rk_buf_puts(b, "\r\n");
        p = *end ? end + 1 : end;
    } while (*p);
}

void rk_ask_slug(const char *subject, char *out, size_t size)
{
    /* Latin-1 letters U+00C0..U+00FF as two UTF-8 bytes C3 80..BF. */
    static const char latin[] = "aaaaaaaceeeeiiiidnooooo-ouuuuyts"
                                "aaaaaaaceeeeiiiidnooooo-ouuuuyty";
    size_t n = 0;
    bool dash = false;
    for (const unsigned char *p = (const unsigned char *)subject; *p && n + 2 < size; p++) {
        char c = 0;
        if (isalnum(*p) && *p < 0x80)
            c = (char)tolower(*p);
        else if (*p == 0xC3 && p[1] >= 0x80 && p[1] <= 0xBF)
            c = latin[*++p - 0x80];
        if (c && c != '-') {
            if (dash && n)
                out[n++] = '-';
            out[n++] = c;
            dash = false;
        } else {
            dash = true;
        }
    }
    out[n] = '\0';
}

void rk_ask_shell_word(RkBuf *b, const char *s)
{
    if (*s && strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                        "_-./,:+=@%") == strlen(s)) {
        rk_buf_puts(b, s);
        return;
    }
    rk_buf_puts(b, "'");
    for (; *s; s++)
        rk_buf_puts(b, *s == '\'' ? "'\\''" : (char[]){*s, 0});
    rk_buf_puts(b, "'");
}
