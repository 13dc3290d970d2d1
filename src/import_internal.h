/* import_internal: what the import's files share: the parsed CSV table and
   what each header column means. The table owns its cells (malloc); the
   columns point into the questionnaire. */
#ifndef READYKIT_IMPORT_INTERNAL_H
#define READYKIT_IMPORT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "readykit/answers.h"
#include "readykit/import.h"

typedef struct CsvRow {
    char **cells;
    size_t n;
} CsvRow;

typedef struct CsvTable {
    CsvRow *rows;          /* rows[0] is the header */
    size_t n, cap;
    CsvRow cur;            /* the row being read */
    size_t cur_cap;
    bool failed;           /* out of memory */
} CsvTable;

typedef enum ColKind {
    COL_IGNORE,            /* a tool's metadata, or a multi's 0/1 column beside its whole column */
    COL_ID,                /* the respondent's id (file name) */
    COL_DATE,              /* submission date */
    COL_LANG,              /* the language the respondent used */
    COL_RESPONDENT,        /* the form's respondent field */
    COL_ANSWER,            /* a question's answer */
    COL_CHOICE,            /* one choice of a multi, 0/1 */
    COL_NOTE,              /* evidence note of a question */
    COL_SOURCE,            /* evidence source of a question */
    COL_UNKNOWN
} ColKind;

typedef struct Column {
    ColKind kind;
    const RkQuestion *qn;  /* COL_ANSWER, COL_CHOICE, COL_NOTE, COL_SOURCE */
    const RkChoice *choice;/* COL_CHOICE; NULL for the form's dont_know choice */
    int rank;              /* COL_ID, COL_DATE: the lowest rank is used */
} Column;

/* Read the header: one Column per cell; unknown and repeated columns are
   said through o->say (with "did you mean"); returns how many. *from is
   set from the metadata columns when it is RK_FROM_AUTO. */
size_t rk_import_header(const RkQuestionnaire *q, const RkImportOptions *o,
                        const CsvRow *head, Column *cols, RkImportFrom *from);

/* Fill a from one data row (row_no counts the header as 1); each bad cell
   is said through o->say. Returns the number of bad cells; *answered is
   how many questions got an answer. */
size_t rk_import_row(const RkQuestionnaire *q, const RkImportOptions *o, const Column *cols,
                     const CsvRow *row, size_t row_no, RkAnswers *a, size_t *answered);

/* Say "FILE:ROW:COL: text" through o->say. */
void rk_import_say(const RkImportOptions *o, size_t row, size_t col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#endif
