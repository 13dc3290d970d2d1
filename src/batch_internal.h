/*
 * batch_internal.h: what batch_run.c (workers, order) and batch_csv.c
 * (the writer of the results) share: one scored file as it travels from a
 * worker to the writer.
 */
#ifndef READYKIT_BATCH_INTERNAL_H
#define READYKIT_BATCH_INTERNAL_H

#include <stdint.h>

#include "readykit/batch.h"
#include "readykit/outfile.h"

/* One answers file's outcome. Every pointer points into the message buffer
   it was parsed from (batch_run.c), which owns them. */
typedef struct Record {
    uint32_t index;      /* position in the batch, from 0 */
    int32_t status;      /* RkStatus */
    const char *msg;     /* text for stderr (warnings, errors) */
    uint32_t msg_len;
    const char *out;     /* text or JSON; for CSV the row's fixed cells */
    uint32_t out_len;
    const char *qid;     /* the questionnaire's id (CSV: one per file) */
    uint32_t qid_len;
    const char *head;    /* CSV: the header's fixed cells and pillars */
    uint32_t head_len;
    uint32_t n_decl;     /* CSV: the indicators the rules declare, as (u32
                            length, id) */
    const char *decl;
    uint32_t n_ind;      /* CSV: indicators, as (u32 length, id, double) */
    const char *ind;
} Record;

/* batch_worker.c: the wire (outcome: u32 length of the rest, u32 index,
   i32 status, u32 lengths of msg, out, qid, head, u32 n_ind, u32 n_decl,
   the texts, then n_decl x (u32 length, id), then n_ind x (u32 length, id,
   double)) and the worker process. sc may be NULL (a failed file). */
bool rk_batch_write_all(int fd, const void *p, size_t n);
void rk_batch_encode(RkBuf *b, uint32_t index, RkStatus st, const RkBuf *msg,
                     const RkBuf *out, const RkBuf *head, const RkScored *sc);
void rk_batch_decode(const char *p, Record *r); /* p: after the length */
_Noreturn void rk_batch_worker_main(const RkBatchOptions *o, int task_fd, int res_fd);

/* batch_once.c: the parent's memory of what it has said (warnings, and
   errors with the position they name). Zeroed to start. */
#define RK_ONCE_MAX 256
typedef struct RkOnce {
    size_t n;
    uint64_t hash[RK_ONCE_MAX];
    char *where[RK_ONCE_MAX]; /* the position a text's first line names */
} RkOnce;

/* Append msg (a file's stderr text) to text, without the warning lines
   already shown; when the file failed with the error text of an earlier
   file, one line that points at it instead. */
void rk_once_add(RkOnce *o, RkBuf *text, const char *msg, size_t len, bool failed,
                 const char *file);
void rk_once_free(RkOnce *o);

/* The writer of a run's output: results arrive in input order. */
typedef struct Writer Writer;

RkStatus rk_batch_writer_new(const RkBatchOptions *o, RkOutFile *out, Writer **w, RkDiag *d);
/* Write one scored file; a file that cannot go into this output (CSV of
   another questionnaire) fails with a message in d. */
RkStatus rk_batch_writer_put(Writer *w, const Record *r, const char *file, RkDiag *d);
/* Write what was held back (CSV: the header, then the rows). */
RkStatus rk_batch_writer_finish(Writer *w, RkDiag *d);
void rk_batch_writer_free(Writer *w);

#endif
