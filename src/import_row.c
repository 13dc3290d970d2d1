/*
 * import_row: one CSV row of a survey tool's export into an answers model.
 * Cells are matched the way the tools write them: choice values (or their
 * labels in any language, or LimeSurvey's codes without '_'), multis as
 * space-separated values or as 0/1 columns, don't know as `dont_know`,
 * numbers with a decimal point or comma. Each bad cell is said with its row
 * and column; the caller skips the row.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import_internal.h"
#include "readykit/safetext.h"
#include "readykit/suggest.h"
#include "readykit/xlsform.h"

/* Lower case, without '_' (as in import_header.c's matching). */
static bool squashed_equal(const char *a, const char *b)
{
    for (;; a++, b++) {
        while (*a == '_')
            a++;
        while (*b == '_')
            b++;
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return false;
        if (!*a)
            return true;
    }
}

/* The choice a cell names: its value, its value as LimeSurvey spells it,
   its label in one of the questionnaire's languages, or Y/N for yes_no. */
static const RkChoice *match(const RkQuestion *qn, const char *v)
{
    const RkChoice *c = rk_question_find_choice(qn, v);
    for (size_t i = 0; !c && i < qn->n_choices; i++) {
        const RkChoice *k = &qn->choices[i];
        if (squashed_equal(k->value, v))
            c = k;
        for (size_t l = 0; !c && l < k->label.count; l++)
            if (strcasecmp(k->label.values[l], v) == 0)
                c = k;
    }
    if (!c && qn->type == RK_Q_YES_NO && (strcmp(v, "Y") == 0 || strcmp(v, "N") == 0))
        c = rk_question_find_choice(qn, v[0] == 'Y' ? "yes" : "no");
    return c;
}

/* "unknown choice" with the question's values and the closest one. */
static void bad_choice(const RkImportOptions *o, size_t row, size_t col, const RkQuestion *qn,
                       const char *v)
{
    const char *vals[256];
    char list[400] = "";
    size_t n = qn->n_choices < 255 ? qn->n_choices : 255, used = 0;
    for (size_t i = 0; i < n; i++)
        vals[i] = qn->choices[i].value;
    if (qn->dont_know)
        vals[n++] = "dont_know";
    for (size_t i = 0; i < n && used + 1 < sizeof list; i++)
        used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "", vals[i]);
    const char *near = rk_suggest(v, vals, n);
    rk_import_say(o, row, col, "unknown choice '%s' for question '%s' (expected %s: %s)%s%s%s",
                  v, qn->id, qn->type == RK_Q_MULTI ? "space-separated values among" : "one of",
                  list, near ? "; did you mean '" : "", near ? near : "", near ? "'?" : "");
}

/* Say the message of a failed rk_answers_set. */
static size_t refused(const RkImportOptions *o, size_t row, size_t col, const RkDiag *d)
{
    rk_import_say(o, row, col, "%s", d->message);
    return 1;
}

/* Read a multi's cell as a run of choice values or labels (a label may
   hold spaces), the longest first; false when some text is neither. */
static bool labels_run(const RkQuestion *qn, const char *v, const char **vals, size_t *n)
{
    *n = 0;
    for (;;) {
        v += strspn(v, " \t,;");
        if (!*v)
            return true;
        size_t best = 0;
        const char *val = NULL;
        for (size_t k = 0; k < qn->n_choices; k++) {
            const RkChoice *c = &qn->choices[k];
            for (size_t l = 0; l <= c->label.count; l++) {
                const char *t = l < c->label.count ? c->label.values[l] : c->value;
                size_t len = strlen(t);
                if (len > best && strncasecmp(v, t, len) == 0 &&
                    (!v[len] || strchr(" \t,;", v[len]))) {
                    best = len;
                    val = c->value;
                }
            }
        }
        if (!best || *n == 256)
            return false;
        vals[(*n)++] = val;
        v += best;
    }
}

/* A multi's whole cell: space-separated values. */
static size_t multi_cell(const RkImportOptions *o, size_t row, size_t col,
                         const RkQuestion *qn, char *v, RkAnswers *a)
{
    const char *vals[256];
    size_t n = 0, bad = 0;
    RkDiag d;
    rk_diag_init(&d);
    if (labels_run(qn, v, vals, &n))
        return rk_answers_set_multi(a, qn, vals, n, &d) == RK_OK ? 0 : refused(o, row, col, &d);
    n = 0;
    for (char *save = NULL, *t = strtok_r(v, " \t,;", &save); t;
         t = strtok_r(NULL, " \t,;", &save)) {
        const RkChoice *c = match(qn, t);
        if (strcmp(t, "dont_know") == 0 && qn->dont_know) {
            rk_answers_set_dont_know(a, qn);
            return 0;
        }
        if (!c) {
            bad_choice(o, row, col, qn, t);
            bad++;
        } else if (n < 256) {
            vals[n++] = c->value;
        }
    }
    if (!bad && rk_answers_set_multi(a, qn, vals, n, &d) != RK_OK)
        bad = refused(o, row, col, &d);
    return bad;
}

/* One question's cell (v is not empty); returns the number of bad cells. */
static size_t answer_cell(const RkImportOptions *o, size_t row, size_t col,
                          const RkQuestion *qn, char *v, RkAnswers *a)
{
    RkDiag d;
    rk_diag_init(&d);
    if ((strcmp(v, "dont_know") == 0 || rk_xlsform_word(v) == RK_XW_DONT_KNOW) && qn->dont_know) {
        rk_answers_set_dont_know(a, qn);
        return 0;
    }
    if (qn->type == RK_Q_MULTI)
        return multi_cell(o, row, col, qn, v, a);
    if (qn->type == RK_Q_NUMBER) {
        char *comma = strchr(v, ',');
        if (comma && strspn(comma + 1, "0123456789") == 3 && !comma[4]) {
            rk_import_say(o, row, col, "'%s' for question '%s' could be a thousands separator "
                          "or a decimal comma: write %.*s%s or %.*s.%s", v, qn->id,
                          (int)(comma - v), v, comma + 1, (int)(comma - v), v, comma + 1);
            return 1;
        }
        if (comma && !strchr(v, '.') && !strchr(comma + 1, ','))
            *comma = '.';
    } else if (qn->type != RK_Q_TEXT) {
        const RkChoice *c = match(qn, v);
        if (!c) {
            bad_choice(o, row, col, qn, v);
            return 1;
        }
        v = (char *)c->value;
    }
    return rk_answers_set(a, qn, v, &d) == RK_OK ? 0 : refused(o, row, col, &d);
}

/* A 0/1 cell: 1 for ticked, 0 for not, -1 for empty, -2 for garbage. */
static int tick(const char *v)
{
    static const char *const yes[] = {"1", "true", "yes", "y", "x"};
    static const char *const no[] = {"0", "false", "no", "n"};
    if (!*v)
        return -1;
    for (size_t i = 0; i < 5; i++)
        if (strcasecmp(v, yes[i]) == 0)
            return 1;
    for (size_t i = 0; i < 4; i++)
        if (strcasecmp(v, no[i]) == 0)
            return 0;
    return -2;
}

/* The 0/1 columns of the multi whose first such column is `first`. */
static size_t choice_columns(const RkImportOptions *o, const Column *cols, const CsvRow *row,
                             size_t row_no, size_t first, RkAnswers *a, size_t *answered)
{
    const RkQuestion *qn = cols[first].qn;
    const char *vals[256];
    size_t n = 0, bad = 0;
    bool any = false, dont_know = false;
    for (size_t j = first; j < row->n; j++) {
        if (cols[j].kind != COL_CHOICE || cols[j].qn != qn)
            continue;
        const char *value = cols[j].choice ? cols[j].choice->value : "dont_know";
        int t = tick(row->cells[j]);
        any |= t >= 0;
        if (t == -2) {
            rk_import_say(o, row_no, j + 1, "'%s' in the column of choice '%s' of question "
                          "'%s': expected 1 (chosen) or 0", row->cells[j], value, qn->id);
            bad++;
        } else if (t == 1 && !cols[j].choice) {
            dont_know = true;
        } else if (t == 1 && n < 256) {
            vals[n++] = value;
        }
    }
    RkDiag d;
    rk_diag_init(&d);
    if (bad || !any)
        return bad;
    if (dont_know && n == 0) {
        rk_answers_set_dont_know(a, qn);
        ++*answered;
        return 0;
    }
    if (rk_answers_set_multi(a, qn, vals, n, &d) != RK_OK)
        return refused(o, row_no, first + 1, &d);
    ++*answered;
    return 0;
}

/* A submission time as a date: its first ten characters when they are
   YYYY-MM-DD. */
static void set_date(RkAnswers *a, const char *v)
{
    char date[11];
    for (int i = 0; i < 10; i++)
        if (!(i == 4 || i == 7 ? v[i] == '-' : isdigit((unsigned char)v[i])))
            return;
    snprintf(date, sizeof date, "%.10s", v);
    rk_answers_set_field(a, "date", date);
}

/* Note and source columns, once the answers are in. */
static void evidence(const RkImportOptions *o, const Column *cols, const CsvRow *row,
                     size_t row_no, RkAnswers *a)
{
    for (size_t i = 0; i < row->n; i++) {
        const Column *c = &cols[i];
        if ((c->kind != COL_NOTE && c->kind != COL_SOURCE) || !row->cells[i][0])
            continue;
        const RkAnswer *ans = rk_answers_get(a, c->qn);
        if (ans->state == RK_ANSWER_NONE) {
            rk_import_say(o, row_no, i + 1, "warning: evidence for question '%s', which is "
                          "not answered: left out", c->qn->id);
            continue;
        }
        const char *note = c->kind == COL_NOTE ? row->cells[i] : ans->note;
        const char *source = c->kind == COL_SOURCE ? row->cells[i] : ans->source;
        rk_answers_set_evidence(a, c->qn, note, source);
    }
}

size_t rk_import_row(const RkQuestionnaire *q, const RkImportOptions *o, const Column *cols,
                     const CsvRow *row, size_t row_no, RkAnswers *a, size_t *answered)
{
    size_t bad = 0;
    int date_rank = 1000;
    *answered = 0;
    for (size_t i = 0; i < row->n; i++) {
        char *v = row->cells[i];
        const Column *c = &cols[i];
        if (!*v && c->kind != COL_CHOICE)
            continue;
        int ctl = c->kind == COL_IGNORE || c->kind == COL_UNKNOWN ? -1 : rk_control_in(v, strlen(v));
        if (ctl >= 0) {
            rk_import_say(o, row_no, i + 1, "this cell holds a control character (\\x%02x), "
                          "which can only garble a terminal: remove it", (unsigned)ctl);
            bad++;
            continue;
        }
        if (c->kind == COL_ANSWER) {
            size_t b = answer_cell(o, row_no, i + 1, c->qn, v, a);
            bad += b;
            *answered += b == 0;
        } else if (c->kind == COL_CHOICE) {
            size_t j = 0;
            while (j < i && !(cols[j].kind == COL_CHOICE && cols[j].qn == c->qn))
                j++;
            if (j == i)
                bad += choice_columns(o, cols, row, row_no, i, a, answered);
        } else if (c->kind == COL_RESPONDENT) {
            rk_answers_set_field(a, "respondent", v);
        } else if (c->kind == COL_DATE && c->rank < date_rank) {
            date_rank = c->rank;
            set_date(a, v);
        } else if (c->kind == COL_LANG && rk_questionnaire_speaks(q, v)) {
            rk_answers_set_field(a, "language", rk_questionnaire_lang(q, v));
        }
    }
    evidence(o, cols, row, row_no, a);
    return bad;
}
