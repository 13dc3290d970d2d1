/* diag: the first error wins; later errors go to `more` only when asked. */
#include "readykit/diag.h"

#include <stdio.h>
#include <string.h>

void rk_diag_init(RkDiag *d)
{
    memset(d, 0, sizeof *d);
}

/* Copy at most size-1 bytes of src without cutting a UTF-8 sequence. */
static void copy_text(char *dst, size_t size, const char *src)
{
    size_t n = strlen(src);
    if (n >= size) {
        n = size - 1;
        while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(dst, src, n);
    dst[n] = '\0';
}

RkStatus rk_diag_vset(RkDiag *d, RkStatus status, const char *file, int line,
                      int column, const char *fmt, va_list ap)
{
    if (d->status != RK_OK)
        return d->status;
    char msg[sizeof d->message];
    vsnprintf(msg, sizeof msg, fmt, ap);
    d->status = status;
    copy_text(d->file, sizeof d->file, file ? file : "");
    d->line = line;
    d->column = column;
    copy_text(d->message, sizeof d->message, msg);
    return status;
}

RkStatus rk_diag_set(RkDiag *d, RkStatus status, const char *file, int line,
                     int column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    RkStatus s = rk_diag_vset(d, status, file, line, column, fmt, ap);
    va_end(ap);
    return s;
}

/* Append "file:line:column: " + text + "\n" to a fixed buffer; drops the
   line when it does not fit (and says so once). */
static void append_line(char *buf, size_t size, size_t *count, const char *file,
                        int line, int column, const char *prefix,
                        const char *text)
{
    size_t used = strlen(buf);
    char head[600] = "";
    if (file && *file) {
        if (line > 0 && column > 0)
            snprintf(head, sizeof head, "%s:%d:%d: ", file, line, column);
        else if (line > 0)
            snprintf(head, sizeof head, "%s:%d: ", file, line);
        else
            snprintf(head, sizeof head, "%s: ", file);
    }
    int n = snprintf(buf + used, size - used, "%s%s%s\n", head, prefix, text);
    if (n < 0 || (size_t)n >= size - used) {
        buf[used] = '\0';
        const char *more = "(more messages left out)\n";
        if (used + strlen(more) < size && !strstr(buf, more))
            strcat(buf, more);
        return;
    }
    (*count)++;
}

RkStatus rk_diag_add(RkDiag *d, RkStatus status, const char *file, int line,
                     int column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (d->status == RK_OK) {
        RkStatus s = rk_diag_vset(d, status, file, line, column, fmt, ap);
        va_end(ap);
        return s;
    }
    char msg[1024];
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    append_line(d->more, sizeof d->more, &d->n_more, file, line, column, "", msg);
    return d->status;
}

bool rk_diag_has_room(const RkDiag *d)
{
    return d->status == RK_OK || !strstr(d->more, "(more messages left out)");
}

void rk_diag_warn(RkDiag *d, const char *file, int line, int column,
                  const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    append_line(d->warnings, sizeof d->warnings, &d->n_warnings, file, line,
                column, "warning: ", msg);
}

const char *rk_diag_format(const RkDiag *d, char *buf, size_t size)
{
    if (d->file[0] && d->line > 0 && d->column > 0)
        snprintf(buf, size, "%s:%d:%d: %s", d->file, d->line, d->column, d->message);
    else if (d->file[0] && d->line > 0)
        snprintf(buf, size, "%s:%d: %s", d->file, d->line, d->message);
    else if (d->file[0])
        snprintf(buf, size, "%s: %s", d->file, d->message);
    else
        snprintf(buf, size, "%s", d->message);
    return buf;
}
