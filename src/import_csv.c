/*
 * import_csv: read a survey tool's CSV export with libcsv (separator told
 * from the header line, UTF-8 byte order mark skipped), then turn each data
 * row into an answers file (import_header.c says what each column holds,
 * import_row.c fills the answers). A row with a bad cell is skipped whole;
 * every file written is written atomically by rk_answers_save.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <csv.h>

#include "import_internal.h"

const char *rk_import_from_name(RkImportFrom f)
{
    static const char *const names[] = {"csv", "kobo", "odk", "limesurvey", "csv"};
    return names[f];
}

/* --- the table ---------------------------------------------------------- */

/* libcsv: one field read. */
static void on_field(void *s, size_t len, void *ud)
{
    CsvTable *t = ud;
    if (t->failed)
        return;
    if (t->cur.n == t->cur_cap) {
        size_t cap = t->cur_cap ? 2 * t->cur_cap : 64;
        char **c = realloc(t->cur.cells, cap * sizeof *c);
        if (!c) {
            t->failed = true;
            return;
        }
        t->cur.cells = c;
        t->cur_cap = cap;
    }
    char *v = malloc(len + 1);
    if (!v) {
        t->failed = true;
        return;
    }
    memcpy(v, s ? s : "", s ? len : 0);
    v[s ? len : 0] = 0;
    /* trim what libcsv leaves around quoted fields or tabs */
    size_t n = strlen(v), b = 0;
    while (n && isspace((unsigned char)v[n - 1]))
        v[--n] = 0;
    while (isspace((unsigned char)v[b]))
        b++;
    memmove(v, v + b, n - b + 1);
    t->cur.cells[t->cur.n++] = v;
}

/* libcsv: end of a record. */
static void on_row(int c, void *ud)
{
    (void)c;
    CsvTable *t = ud;
    if (t->failed)
        return;
    if (t->n == t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 64;
        CsvRow *r = realloc(t->rows, cap * sizeof *r);
        if (!r) {
            t->failed = true;
            return;
        }
        t->rows = r;
        t->cap = cap;
    }
    t->rows[t->n++] = t->cur;
    t->cur = (CsvRow){0};
    t->cur_cap = 0;
}

static void free_row(CsvRow *r)
{
    for (size_t i = 0; i < r->n; i++)
        free(r->cells[i]);
    free(r->cells);
}

static void table_free(CsvTable *t)
{
    for (size_t i = 0; i < t->n; i++)
        free_row(&t->rows[i]);
    free_row(&t->cur);
    free(t->rows);
}

static int only_space(unsigned char c)
{
    return c == ' ';
}

/* The separator: the most frequent of , ; and tab in the header line. */
static char separator(const char *s, size_t len)
{
    size_t comma = 0, semi = 0, tab = 0;
    bool quoted = false;
    for (size_t i = 0; i < len && (quoted || (s[i] != '\n' && s[i] != '\r')); i++) {
        quoted ^= s[i] == '"';
        if (!quoted) {
            comma += s[i] == ',';
            semi += s[i] == ';';
            tab += s[i] == '\t';
        }
    }
    return tab > comma && tab > semi ? '\t' : semi > comma ? ';' : ',';
}

/* Read o's CSV (its file, or its bytes) into t. */
static RkStatus read_table(const RkImportOptions *o, CsvTable *t, char *sep, RkDiag *d)
{
    const char *path = o->csv;
    char *data = NULL;
    size_t len = o->len, bad;
    if (!o->data && rk_file_read(path, 256u * 1024u * 1024u, &data, &len, d) != RK_OK)
        return d->status;
    const char *p = o->data ? o->data : data;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
        p += 3;
        len -= 3;
    }
    if (!rk_utf8_valid(p, len, &bad)) {
        int line = 1;
        for (size_t i = 0; i < bad; i++)
            line += p[i] == '\n';
        free(data);
        return rk_diag_set(d, RK_EDATA, path, line, 0, "not UTF-8 text: export the CSV as "
                           "UTF-8 (LimeSurvey and spreadsheets may write Windows-1252)");
    }
    *sep = separator(p, len);
    struct csv_parser cp;
    if (csv_init(&cp, CSV_APPEND_NULL) != 0) {
        free(data);
        return rk_diag_set(d, RK_EINTERNAL, path, 0, 0, "out of memory");
    }
    csv_set_delim(&cp, (unsigned char)*sep);
    csv_set_space_func(&cp, only_space);
    if (csv_parse(&cp, p, len, on_field, on_row, t) != len || csv_fini(&cp, on_field, on_row, t))
        rk_diag_set(d, RK_EDATA, path, (int)t->n + 1, 0, "cannot read the CSV: %s",
                    csv_strerror(csv_error(&cp)));
    else if (t->failed)
        rk_diag_set(d, RK_EINTERNAL, path, 0, 0, "out of memory");
    else if (t->n == 0)
        rk_diag_set(d, RK_EDATA, path, 1, 1, "empty file: expected a header row of "
                    "question ids, then one row per respondent");
    csv_free(&cp);
    free(data);
    return d->status;
}

/* --- the rows ----------------------------------------------------------- */

/* The file name of a row: its respondent id, made safe, or row-N. */
static void file_name(const Column *cols, size_t n_cols, const CsvRow *row, size_t row_no,
                      char *out, size_t size)
{
    const char *id = NULL;
    int rank = 1000;
    for (size_t i = 0; i < row->n && i < n_cols; i++)
        if (cols[i].kind == COL_ID && cols[i].rank < rank && row->cells[i][0]) {
            id = row->cells[i];
            rank = cols[i].rank;
        }
    if (!id) {
        snprintf(out, size, "row-%zu", row_no);
        return;
    }
    if (strncmp(id, "uuid:", 5) == 0)
        id += 5;
    size_t n = strspn(id, "0123456789") == strlen(id) ? (size_t)snprintf(out, size, "response-") : 0;
    for (; *id && n + 1 < size && n < 80; id++)
        out[n++] = isalnum((unsigned char)*id) || *id == '-' || *id == '_' ? *id : '_';
    out[n] = 0;
}

/* Import the data rows; the header is read already. */
static RkStatus rows(const RkQuestionnaire *q, const RkImportOptions *o, const CsvTable *t,
                     const Column *cols, RkImportSummary *sum, RkDiag *d)
{
    char name[128], path[4096];
    for (size_t r = 1; r < t->n && d->status == RK_OK; r++) {
        const CsvRow *row = &t->rows[r];
        if (row->n == 1 && !row->cells[0][0])
            continue;
        sum->rows++;
        if (row->n != t->rows[0].n) {
            size_t head = t->rows[0].n;
            rk_import_say(o, r + 1, (row->n < head ? row->n : head) + 1, "%zu cells where the "
                          "header has %zu: is the separator '%c'?", row->n, head, sum->separator);
            sum->failed++;
            continue;
        }
        RkAnswers *a = rk_answers_new(q);
        if (!a)
            return rk_diag_set(d, RK_EINTERNAL, NULL, 0, 0, "out of memory");
        size_t answered;
        size_t bad = rk_import_row(q, o, cols, row, r + 1, a, &answered);
        file_name(cols, t->rows[0].n, row, r + 1, name, sizeof name);
        if (!a->respondent && strncmp(name, "row-", 4) != 0)
            rk_answers_set_field(a, "respondent", name);
        if (o->subject)
            rk_answers_set_field(a, "subject", o->subject);
        snprintf(path, sizeof path, "%s/%s.yaml", o->out_dir, name);
        if (!o->dry_run && ((o->csv && rk_file_same(path, o->csv)) ||
                             (q->path && rk_file_same(path, q->path)))) {
            rk_answers_free(a);
            return rk_diag_set(d, RK_EUSAGE, path, 0, 0, "the output is an input (row %zu "
                               "would replace it); give -o another folder", r + 1);
        }
        if (bad) {
            sum->failed++;
        } else if (answered == 0) {
            rk_import_say(o, r + 1, 1, "warning: no answer in this row: no file written");
            sum->empty++;
        } else if (o->dry_run || rk_answers_save(a, path, d) == RK_OK) {
            sum->written++;
        }
        rk_answers_free(a);
    }
    return d->status;
}

/* A row's file name, for sorting. */
typedef struct Named {
    char name[128];
    size_t row;
} Named;

static int by_name(const void *a, const void *b)
{
    const Named *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    return c ? c : (x->row > y->row) - (x->row < y->row);
}

/* Two rows with the same respondent id would write one file twice: say
   each repeat (sorted by name, so in O(n log n)); -1 when out of memory. */
static long duplicate_ids(const RkImportOptions *o, const CsvTable *t, const Column *cols)
{
    long bad = 0;
    Named *names = malloc(t->n * sizeof *names);
    if (!names)
        return -1;
    for (size_t r = 1; r < t->n; r++) {
        file_name(cols, t->rows[0].n, &t->rows[r], r + 1, names[r - 1].name, sizeof names[0].name);
        names[r - 1].row = r + 1;
    }
    qsort(names, t->n - 1, sizeof *names, by_name);
    for (size_t i = 1; i + 1 < t->n; i++)
        if (strcmp(names[i].name, names[i - 1].name) == 0) {
            rk_import_say(o, names[i].row, 1, "respondent id '%s' is also row %zu's: both rows "
                          "would write %s/%s.yaml; give each respondent its own id",
                          names[i].name, names[i - 1].row, o->out_dir, names[i].name);
            bad++;
        }
    free(names);
    return bad;
}

RkStatus rk_import_csv(const RkQuestionnaire *q, const RkImportOptions *o,
                       RkImportSummary *sum, RkDiag *d)
{
    memset(sum, 0, sizeof *sum);
    CsvTable t = {0};
    if (read_table(o, &t, &sum->separator, d) != RK_OK) {
        table_free(&t);
        return d->status;
    }
    Column *cols = calloc(t.rows[0].n ? t.rows[0].n : 1, sizeof *cols);
    if (!cols) {
        table_free(&t);
        return rk_diag_set(d, RK_EINTERNAL, NULL, 0, 0, "out of memory");
    }
    sum->from = o->from;
    sum->bad_columns = rk_import_header(q, o, &t.rows[0], cols, &sum->from);
    long dups = duplicate_ids(o, &t, cols);
    if (dups < 0) {
        rk_diag_set(d, RK_EINTERNAL, NULL, 0, 0, "out of memory");
    } else if (dups) {
        rk_diag_set(d, RK_EDATA, o->csv, 0, 0, "%ld respondent ids repeat: nothing imported",
                    dups);
    } else if (!o->dry_run && mkdir(o->out_dir, 0777) != 0 && errno != EEXIST) {
        rk_diag_set(d, RK_ECANTCREAT, o->out_dir, 0, 0, "cannot create the folder: %s",
                    strerror(errno));
    } else if (rows(q, o, &t, cols, sum, d) == RK_OK && (sum->failed || sum->bad_columns)) {
        rk_diag_set(d, RK_EDATA, o->csv, 0, 0, "%zu of %zu rows skipped for bad cells, %zu "
                    "unknown or repeated columns left out; %zu answers files %s",
                    sum->failed, sum->rows, sum->bad_columns, sum->written,
                    o->dry_run ? "would be written (--dry-run)" : "written");
    }
    free(cols);
    table_free(&t);
    return d->status;
}
