/* batch_once: what the parent of a batch says once. A rule file that does
   not compile (or a questionnaire that does not load) fails every answers
   file of that questionnaire with the same message, from every worker: the
   first file in input order shows it, each later one a short line that
   points at it. A warning already shown (the same line from another
   worker's engine) is not shown again. */
#define _XOPEN_SOURCE 700 /* strdup */
#include <stdlib.h>
#include <string.h>

#include "batch_internal.h"

/* FNV-1a over n bytes. */
static uint64_t hash(const char *p, size_t n)
{
    uint64_t h = 14695981039346656037u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)p[i]) * 1099511628211u;
    return h;
}

/* The index of h among the texts seen, or SIZE_MAX; remembered (with
   where, the position its first line names) when add is set and there is
   room. */
static size_t seen(RkOnce *o, uint64_t h, bool add, const char *text, size_t len)
{
    for (size_t i = 0; i < o->n; i++)
        if (o->hash[i] == h)
            return i;
    if (add && o->n < RK_ONCE_MAX) {
        const char *p = text;
        if (len >= 10 && memcmp(p, "readykit: ", 10) == 0)
            p += 10;
        size_t n = strcspn(p, "\n");
        const char *colon = strstr(p, ": ");
        o->where[o->n] = strndup(p, colon && colon < p + n ? (size_t)(colon - p) : n);
        o->hash[o->n++] = h;
    }
    return SIZE_MAX;
}

static bool is_warning(const char *line, size_t n)
{
    const char *w = ": warning: ";
    size_t k = strlen(w);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(line + i, w, k) == 0)
            return true;
    return false;
}

void rk_once_add(RkOnce *o, RkBuf *text, const char *msg, size_t len, bool failed,
                 const char *file)
{
    RkBuf err;
    rk_buf_init(&err);
    for (size_t at = 0; at < len;) {
        const char *nl = memchr(msg + at, '\n', len - at);
        size_t n = nl ? (size_t)(nl - (msg + at)) + 1 : len - at;
        if (is_warning(msg + at, n)) {
            if (seen(o, hash(msg + at, n), true, msg + at, n) == SIZE_MAX)
                rk_buf_add(text, msg + at, n);
        } else {
            rk_buf_add(&err, msg + at, n);
        }
        at += n;
    }
    size_t first = failed && err.len ? seen(o, hash(err.data, err.len), true, err.data, err.len) : SIZE_MAX;
    if (first == SIZE_MAX)
        rk_buf_add(text, err.data ? err.data : "", err.len);
    else
        rk_buf_printf(text, "readykit: %s: not scored: the same error as above (%s)\n", file,
                      o->where[first] ? o->where[first] : "");
    rk_buf_free(&err);
}

void rk_once_free(RkOnce *o)
{
    for (size_t i = 0; i < o->n; i++)
        free(o->where[i]);
    o->n = 0;
}
