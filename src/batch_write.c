/* batch_write: the output of a batch, in input order. Text and JSON Lines
   stream as results come. CSV needs its columns before the first row, and
   the indicator columns are those of the whole batch (in the order they are
   first met), so rows are spooled to a temporary file with their
   indicators and written under the header at the end: memory stays flat
   whatever the number of files. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch_internal.h"
#include "readykit/report.h"

#define MAX_COLUMNS 1000

struct Writer {
    const RkBatchOptions *o;
    RkOutFile *out;
    FILE *spool;         /* CSV rows: u32 len, cells, u32 n, n x (u32 col, double) */
    char *qid;           /* the CSV's questionnaire: the first scored file's */
    char *head;          /* its fixed header cells */
    char *columns[MAX_COLUMNS]; /* indicator columns: those the rules declare,
                                   then the others in the order first met */
    size_t n_columns, n_declared;
    RkBuf buf;
};

RkStatus rk_batch_writer_new(const RkBatchOptions *o, RkOutFile *out, Writer **w, RkDiag *d)
{
    *w = calloc(1, sizeof **w);
    if (!*w)
        return rk_diag_set(d, RK_EINTERNAL, NULL, 0, 0, "out of memory");
    (*w)->o = o;
    (*w)->out = out;
    rk_buf_init(&(*w)->buf);
    if (o->format == RK_BATCH_CSV && !((*w)->spool = tmpfile())) {
        free(*w);
        *w = NULL;
        return rk_diag_set(d, RK_ECANTCREAT, NULL, 0, 0,
                           "cannot create a temporary file for the CSV rows (TMPDIR)");
    }
    return RK_OK;
}

void rk_batch_writer_free(Writer *w)
{
    if (!w)
        return;
    if (w->spool)
        fclose(w->spool);
    free(w->qid);
    free(w->head);
    for (size_t i = 0; i < w->n_columns; i++)
        free(w->columns[i]);
    rk_buf_free(&w->buf);
    free(w);
}

static char *dup_n(const char *s, size_t n)
{
    char *c = malloc(n + 1);
    if (c) {
        memcpy(c, s, n);
        c[n] = '\0';
    }
    return c;
}

/* The column of indicator id (added when new); -1 when full. */
static long column(Writer *w, const char *id, size_t len)
{
    for (size_t i = 0; i < w->n_columns; i++)
        if (strlen(w->columns[i]) == len && memcmp(w->columns[i], id, len) == 0)
            return (long)i;
    if (w->n_columns == MAX_COLUMNS || !(w->columns[w->n_columns] = dup_n(id, len)))
        return -1;
    return (long)w->n_columns++;
}

/* Column c was just added for an indicator the rules did not declare:
   warn once, since its column depends on the files of the batch. */
static void undeclared(Writer *w, long c, RkDiag *d)
{
    if (c == (long)w->n_columns - 1 && c >= (long)w->n_declared && w->n_declared > 0)
        rk_diag_warn(d, NULL, 0, 0, "indicator '%s' is not in the rule files' `indicators` "
                     "lists: its CSV column comes after theirs, in the order first met, so "
                     "CSV parts of a batch may differ; declare it with indicators = {\"%s\"} "
                     "in the table the rule file that adds it returns", w->columns[c],
                     w->columns[c]);
}

static RkStatus spool_row(Writer *w, const Record *r, RkDiag *d)
{
    uint32_t len = r->out_len, n = r->n_ind;
    bool ok = fwrite(&len, sizeof len, 1, w->spool) == 1 &&
              fwrite(r->out, 1, len, w->spool) == len &&
              fwrite(&n, sizeof n, 1, w->spool) == 1;
    const char *p = r->ind;
    for (uint32_t i = 0; ok && i < n; i++) {
        uint32_t il;
        double v;
        memcpy(&il, p, sizeof il);
        memcpy(&v, p + sizeof il + il, sizeof v);
        size_t before = w->n_columns;
        long c = column(w, p + sizeof il, il);
        if (c < 0)
            return rk_diag_set(d, RK_EINTERNAL, NULL, 0, 0, "more than %d indicator columns",
                               MAX_COLUMNS);
        if (w->n_columns > before)
            undeclared(w, c, d);
        uint32_t col = (uint32_t)c;
        ok = fwrite(&col, sizeof col, 1, w->spool) == 1 && fwrite(&v, sizeof v, 1, w->spool) == 1;
        p += sizeof il + il + sizeof v;
    }
    if (!ok)
        return rk_diag_set(d, RK_EIO, NULL, 0, 0, "cannot write the temporary CSV rows");
    return RK_OK;
}

RkStatus rk_batch_writer_put(Writer *w, const Record *r, const char *file, RkDiag *d)
{
    if (w->o->format != RK_BATCH_CSV)
        return rk_outfile_write(w->out, r->out, r->out_len, d);
    /* One header, so one questionnaire: the first file's pillars are the
       columns. */
    if (!w->qid) {
        w->qid = dup_n(r->qid, r->qid_len);
        w->head = dup_n(r->head, r->head_len);
        if (!w->qid || !w->head)
            return rk_diag_set(d, RK_EINTERNAL, NULL, 0, 0, "out of memory");
        const char *p = r->decl; /* the declared indicators come first */
        for (uint32_t i = 0; i < r->n_decl; i++) {
            uint32_t il;
            memcpy(&il, p, sizeof il);
            if (column(w, p + sizeof il, il) < 0)
                return rk_diag_set(d, RK_EINTERNAL, NULL, 0, 0, "out of memory");
            p += sizeof il + il;
        }
        w->n_declared = w->n_columns;
    } else if (strlen(w->qid) != r->qid_len || memcmp(w->qid, r->qid, r->qid_len) != 0) {
        return rk_diag_set(d, RK_EUSAGE, file, 0, 0,
                           "answers questionnaire '%.*s' but the CSV columns are those of "
                           "'%s': score each questionnaire into its own CSV",
                           (int)r->qid_len, r->qid, w->qid);
    }
    return spool_row(w, r, d);
}

/* The spooled rows, each with its indicators under their columns. */
static RkStatus write_rows(Writer *w, RkDiag *d)
{
    double *vals = malloc((w->n_columns + 1) * sizeof *vals);
    if (!vals)
        return rk_diag_set(d, RK_EINTERNAL, NULL, 0, 0, "out of memory");
    rewind(w->spool);
    RkStatus s = RK_OK;
    uint32_t len;
    while (s == RK_OK && fread(&len, sizeof len, 1, w->spool) == 1) {
        w->buf.len = 0;
        rk_buf_add(&w->buf, "", 0);
        char chunk[4096];
        for (uint32_t left = len; left > 0;) {
            size_t k = left < sizeof chunk ? left : sizeof chunk;
            if (fread(chunk, 1, k, w->spool) != k)
                break;
            rk_buf_add(&w->buf, chunk, k);
            left -= (uint32_t)k;
        }
        for (size_t i = 0; i < w->n_columns; i++)
            vals[i] = NAN;
        uint32_t n = 0, col;
        double v;
        if (fread(&n, sizeof n, 1, w->spool) != 1)
            n = 0;
        for (uint32_t i = 0; i < n; i++)
            if (fread(&col, sizeof col, 1, w->spool) == 1 &&
                fread(&v, sizeof v, 1, w->spool) == 1 && col < w->n_columns)
                vals[col] = v;
        for (size_t i = 0; i < w->n_columns; i++)
            rk_report_csv_indicator(&w->buf, vals[i]);
        rk_buf_puts(&w->buf, "\r\n");
        s = w->buf.failed ? rk_diag_set(d, RK_EINTERNAL, NULL, 0, 0, "out of memory")
                          : rk_outfile_write(w->out, w->buf.data, w->buf.len, d);
    }
    if (s == RK_OK && ferror(w->spool))
        s = rk_diag_set(d, RK_EIO, NULL, 0, 0, "cannot read the temporary CSV rows");
    free(vals);
    return s;
}

RkStatus rk_batch_writer_finish(Writer *w, RkDiag *d)
{
    if (w->o->format != RK_BATCH_CSV || !w->qid)
        return RK_OK;
    if (fflush(w->spool) != 0)
        return rk_diag_set(d, RK_EIO, NULL, 0, 0, "cannot write the temporary CSV rows");
    if (!w->o->no_header) {
        w->buf.len = 0;
        rk_buf_puts(&w->buf, w->head);
        for (size_t i = 0; i < w->n_columns; i++)
            rk_report_csv_cell(&w->buf, w->columns[i]);
        rk_buf_puts(&w->buf, "\r\n");
        RkStatus s = rk_outfile_write(w->out, w->buf.data, w->buf.len, d);
        if (s != RK_OK)
            return s;
    }
    return write_rows(w, d);
}
