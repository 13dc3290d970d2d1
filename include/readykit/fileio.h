/*
 * fileio: the only place that touches files by name.
 *
 * rk_file_read returns a malloc'd, NUL-terminated buffer that the caller
 * frees. rk_file_write_atomic replaces a file as a whole: a temporary file in
 * the same folder, fsync, rename; on any failure the old file is left as it
 * was and the temporary file is removed. It follows outfile.h's rules: a
 * link's target is replaced, a device, FIFO or terminal is written directly.
 */
#ifndef READYKIT_FILEIO_H
#define READYKIT_FILEIO_H

#include <stdbool.h>
#include <stddef.h>

#include "readykit/diag.h"

#define RK_FILE_MAX_DEFAULT (16u * 1024u * 1024u)

/* Read all of path (at most max_size bytes; 0 means the default cap).
   Missing or unreadable, or a FIFO with nothing to read (never waited
   for): RK_ENOINPUT; larger than the cap: RK_EDATA; I/O error: RK_EIO. */
RkStatus rk_file_read(const char *path, size_t max_size, char **out_data,
                      size_t *out_len, RkDiag *d);

/* Replace path with data atomically. Failures: RK_ECANTCREAT / RK_EIO. */
RkStatus rk_file_write_atomic(const char *path, const void *data, size_t len,
                              RkDiag *d);

bool rk_file_exists(const char *path);
/* Do both paths name one existing file (links and ./ included)? */
bool rk_file_same(const char *a, const char *b);

/* A growable byte buffer, malloc-owned by whoever holds it. */
typedef struct RkBuf {
    char *data;
    size_t len;
    size_t cap;
    bool failed; /* an allocation failed; content is incomplete */
} RkBuf;

void rk_buf_init(RkBuf *b);
void rk_buf_free(RkBuf *b);
void rk_buf_add(RkBuf *b, const char *s, size_t n);
void rk_buf_puts(RkBuf *b, const char *s);
void rk_buf_printf(RkBuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Append s as a JSON string, quotes included ("null" for NULL). The same
   text is a valid YAML double-quoted scalar. */
void rk_json_string(RkBuf *b, const char *s);

/* Check that s is valid UTF-8 (no overlongs, no surrogates). On failure sets
   *bad_offset to the first bad byte. */
bool rk_utf8_valid(const char *s, size_t len, size_t *bad_offset);

/* SOURCE_DATE_EPOCH when set and valid, else -1. */
long long rk_source_date_epoch(void);

#endif
