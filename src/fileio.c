/* fileio: bounded reads, atomic replaces, a growable buffer, UTF-8 checks. */
#include "readykit/fileio.h"
#include "readykit/outfile.h"
#include "readykit/safetext.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

RkStatus rk_file_read(const char *path, size_t max_size, char **out_data,
                      size_t *out_len, RkDiag *d)
{
    *out_data = NULL;
    if (out_len)
        *out_len = 0;
    if (max_size == 0)
        max_size = RK_FILE_MAX_DEFAULT;
    /* Non-blocking open: a FIFO with no writer must not hang the run. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return rk_diag_set(d, RK_ENOINPUT, path, 0, 0, "cannot open: %s", strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
        int e = S_ISDIR(st.st_mode) ? EISDIR : errno;
        close(fd);
        return rk_diag_set(d, RK_ENOINPUT, path, 0, 0, "cannot read: %s",
                           strerror(e));
    }
    if (rk_outfile_guards(st.st_dev, st.st_ino)) {
        close(fd);
        return rk_diag_set(d, RK_EUSAGE, path, 0, 0, "the output is an input (%s); give "
                           "the output another name", path);
    }
    /* Blocking reads from here: a pipe whose writer is there waits for it;
       one with no writer reads as empty at once (refused below). */
    int fl = fcntl(fd, F_GETFL);
    if (fl != -1)
        (void)fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap + 1);
    if (!buf) {
        close(fd);
        return rk_diag_set(d, RK_EINTERNAL, path, 0, 0, "out of memory");
    }
    for (;;) {
        if (len == cap) {
            if (cap >= max_size) {
                /* Exactly at the cap is fine if the file ends here. */
                char extra;
                ssize_t n;
                do
                    n = read(fd, &extra, 1);
                while (n < 0 && errno == EINTR);
                if (n == 0)
                    break;
                free(buf);
                close(fd);
                return rk_diag_set(d, RK_EDATA, path, 0, 0,
                                   "file is larger than the limit of %zu bytes",
                                   max_size);
            }
            size_t ncap = cap * 2 > max_size ? max_size : cap * 2;
            char *nbuf = realloc(buf, ncap + 1);
            if (!nbuf) {
                free(buf);
                close(fd);
                return rk_diag_set(d, RK_EINTERNAL, path, 0, 0, "out of memory");
            }
            buf = nbuf;
            cap = ncap;
        }
        ssize_t n = read(fd, buf + len, cap - len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int e = errno;
            free(buf);
            close(fd);
            return rk_diag_set(d, RK_EIO, path, 0, 0, "read error: %s", strerror(e));
        }
        if (n == 0)
            break;
        len += (size_t)n;
    }
    close(fd);
    if (len == 0 && S_ISFIFO(st.st_mode)) {
        free(buf);
        return rk_diag_set(d, RK_ENOINPUT, path, 0, 0,
                           "nothing to read: a FIFO with no writer (or one that wrote nothing)");
    }
    buf[len] = '\0';
    *out_data = buf;
    if (out_len)
        *out_len = len;
    return RK_OK;
}

/* One outfile written in one go: the same rules for devices, links,
   temporary names and signals as a streamed output. */
RkStatus rk_file_write_atomic(const char *path, const void *data, size_t len,
                              RkDiag *d)
{
    if (!path)
        return rk_diag_set(d, RK_EINTERNAL, NULL, 0, 0, "no output file name");
    RkOutFile f;
    RkStatus s = rk_outfile_open(&f, path, d);
    if (s == RK_OK && (s = rk_outfile_write(&f, data, len, d)) != RK_OK)
        rk_outfile_abort(&f);
    if (s == RK_OK)
        s = rk_outfile_commit(&f, d);
    return s;
}

bool rk_file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

bool rk_file_same(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

void rk_buf_init(RkBuf *b)
{
    memset(b, 0, sizeof *b);
}

void rk_buf_free(RkBuf *b)
{
    free(b->data);
    rk_buf_init(b);
}

static bool reserve(RkBuf *b, size_t extra)
{
    if (b->failed)
        return false;
    if (b->len + extra + 1 <= b->cap)
        return true;
    size_t ncap = b->cap ? b->cap : 256;
    while (ncap < b->len + extra + 1)
        ncap *= 2;
    char *n = realloc(b->data, ncap);
    if (!n) {
        b->failed = true;
        return false;
    }
    b->data = n;
    b->cap = ncap;
    return true;
}

void rk_buf_add(RkBuf *b, const char *s, size_t n)
{
    if (!reserve(b, n))
        return;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void rk_buf_puts(RkBuf *b, const char *s)
{
    rk_buf_add(b, s, strlen(s));
}

void rk_buf_printf(RkBuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        rk_buf_add(b, small, (size_t)n);
        return;
    }
    if (!reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/* JSON string escaping; the result is also a valid YAML double-quoted
   scalar, which is why answers files use it too. */
void rk_json_string(RkBuf *b, const char *s)
{
    if (!s) {
        rk_buf_puts(b, "null");
        return;
    }
    rk_buf_puts(b, "\"");
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': rk_buf_puts(b, "\\\""); break;
        case '\\': rk_buf_puts(b, "\\\\"); break;
        case '\n': rk_buf_puts(b, "\\n"); break;
        case '\r': rk_buf_puts(b, "\\r"); break;
        case '\t': rk_buf_puts(b, "\\t"); break;
        default:
            /* U+0085, U+2028 and U+2029 are line breaks to YAML readers (and
               to JavaScript): escaped, so the text reads back unfolded. */
            if (p[0] == 0xC2 && p[1] == 0x85) {
                rk_buf_puts(b, "\\u0085");
                p++;
            } else if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9)) {
                rk_buf_puts(b, p[2] == 0xA8 ? "\\u2028" : "\\u2029");
                p += 2;
            } else if (*p < 0x20 || *p == 0x7f) {
                rk_buf_printf(b, "\\u%04x", *p);
            } else if (*p >= 0x80) {
                /* C1 controls escaped too; bytes that are not UTF-8 (a file
                   name, say) become U+FFFD, so the JSON stays valid. */
                size_t avail = 1;
                while (avail < 4 && p[avail])
                    avail++;
                size_t n = rk_utf8_seq((const char *)p, avail);
                if (n == 0)
                    rk_buf_puts(b, "\xEF\xBF\xBD");
                else if (rk_is_control((const char *)p, n))
                    rk_buf_printf(b, "\\u%04x", p[1]);
                else
                    rk_buf_add(b, (const char *)p, n);
                p += n ? n - 1 : 0;
            } else {
                rk_buf_add(b, (const char *)p, 1);
            }
        }
    }
    rk_buf_puts(b, "\"");
}

bool rk_utf8_valid(const char *str, size_t len, size_t *bad_offset)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < len) {
        unsigned c = s[i];
        size_t n;
        unsigned min;
        if (c < 0x80) {
            i++;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            n = 1; min = 0x80; c &= 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            n = 2; min = 0x800; c &= 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            n = 3; min = 0x10000; c &= 0x07;
        } else {
            goto bad;
        }
        for (size_t k = 1; k <= n; k++) {
            if (i + k >= len || (s[i + k] & 0xC0) != 0x80)
                goto bad;
            c = (c << 6) | (s[i + k] & 0x3F);
        }
        if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
            goto bad;
        i += n + 1;
    }
    return true;
bad:
    if (bad_offset)
        *bad_offset = i;
    return false;
}

long long rk_source_date_epoch(void)
{
    const char *s = getenv("SOURCE_DATE_EPOCH");
    if (!s || !*s)
        return -1;
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || *end || v < 0)
        return -1;
    return v;
}
