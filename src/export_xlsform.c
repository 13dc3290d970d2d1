/*
 * export_xlsform: a questionnaire as an XLSForm workbook (libxlsxwriter).
 * survey: a begin/end group per pillar, one row per question (select_one,
 * select_multiple, integer, decimal, text), a note and a source field after
 * each question that asks for evidence; choices: one list per question,
 * named after it; settings: title, id, version, default language. The
 * workbook is written to a temporary file, then copied into place with
 * rk_file_write_atomic, so the output is whole or untouched.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "readykit/xlsform.h"

/* The few words the form adds to the questionnaire's own texts. */
typedef struct Words {
    const char *lang, *name, *dont_know, *note, *source, *respondent;
    const char *between, *at_least, *at_most;
} Words;

static const Words words[] = {
    {"en", "English", "Don't know", "Evidence: a note on what supports this answer",
     "Source of the evidence (a URL or a document)", "Respondent (your organisation)",
     "A number from %s to %s", "A number of at least %s", "A number of at most %s"},
    {"fr", "Français", "Ne sait pas", "Preuve : une note sur ce qui appuie cette réponse",
     "Source de la preuve (une URL ou un document)", "Répondant (votre organisation)",
     "Un nombre de %s à %s", "Un nombre d'au moins %s", "Un nombre d'au plus %s"},
    {"es", "Español", "No sabe", "Evidencia: una nota sobre lo que respalda esta respuesta",
     "Fuente de la evidencia (una URL o un documento)", "Encuestado (su organización)",
     "Un número de %s a %s", "Un número de al menos %s", "Un número de como máximo %s"},
    {"pt", "Português", "Não sabe", "Evidência: uma nota sobre o que apoia esta resposta",
     "Fonte da evidência (um URL ou um documento)", "Respondente (sua organização)",
     "Um número de %s a %s", "Um número de pelo menos %s", "Um número de no máximo %s"},
};

static const Words *words_for(const char *lang)
{
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcmp(words[i].lang, lang) == 0)
            return &words[i];
    return &words[0];
}

RkXlsformWord rk_xlsform_word(const char *text)
{
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        const Words *w = &words[i];
        if (strcmp(text, w->note) == 0)
            return RK_XW_NOTE;
        if (strcmp(text, w->source) == 0)
            return RK_XW_SOURCE;
        if (strcmp(text, w->respondent) == 0)
            return RK_XW_RESPONDENT;
        if (strcmp(text, w->dont_know) == 0)
            return RK_XW_DONT_KNOW;
    }
    return RK_XW_NONE;
}

void rk_xlsform_lang_name(const char *code, char *buf, size_t size)
{
    const Words *w = words_for(code);
    snprintf(buf, size, "%s (%s)", strcmp(w->lang, code) == 0 ? w->name : code, code);
}


/* The sheets being written and where. */
typedef struct Form {
    const RkQuestionnaire *q;
    const char *const *langs;
    size_t n_langs;
    lxw_worksheet *survey, *choices;
    lxw_row_t srow, crow;
    RkXlsformSummary *sum;
    RkDiag *d;
} Form;

/* survey columns: type, name, then per language label, hint, required
   message and constraint message, then required, constraint, relevant. */
enum { C_TYPE, C_NAME, C_LANG0 };
#define C_LABEL(f, i) (lxw_col_t)(C_LANG0 + (i))
#define C_HINT(f, i) (lxw_col_t)(C_LANG0 + (f)->n_langs + (i))
#define C_REQMSG(f, i) (lxw_col_t)(C_LANG0 + 2 * (f)->n_langs + (i))
#define C_CONMSG(f, i) (lxw_col_t)(C_LANG0 + 3 * (f)->n_langs + (i))
#define C_REQUIRED(f) (lxw_col_t)(C_LANG0 + 4 * (f)->n_langs)
#define C_CONSTRAINT(f) (lxw_col_t)(C_REQUIRED(f) + 1)
#define C_RELEVANT(f) (lxw_col_t)(C_REQUIRED(f) + 2)

static void put(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s)
{
    if (s && *s)
        worksheet_write_string(ws, r, c, s, NULL);
}

static const char *text(const Form *f, const RkText *t, size_t lang)
{
    return rk_text_get(t, f->langs[lang], f->q->languages[0]);
}

static void header(Form *f)
{
    char name[64], col[96];
    static const char *const per_lang[] = {"label", "hint", "required_message",
                                           "constraint_message"};
    put(f->survey, 0, C_TYPE, "type");
    put(f->survey, 0, C_NAME, "name");
    put(f->choices, 0, 0, "list_name");
    put(f->choices, 0, 1, "name");
    for (size_t i = 0; i < f->n_langs; i++) {
        rk_xlsform_lang_name(f->langs[i], name, sizeof name);
        for (size_t k = 0; k < 4; k++) {
            snprintf(col, sizeof col, "%s::%s", per_lang[k], name);
            put(f->survey, 0, (lxw_col_t)(C_LANG0 + k * f->n_langs + i), col);
        }
        snprintf(col, sizeof col, "label::%s", name);
        put(f->choices, 0, (lxw_col_t)(2 + i), col);
    }
    put(f->survey, 0, C_REQUIRED(f), "required");
    put(f->survey, 0, C_CONSTRAINT(f), "constraint");
    put(f->survey, 0, C_RELEVANT(f), "relevant");
    f->srow = f->crow = 1;
}

/* A survey row with a type, a name and a label in each language taken from
   fixed words (field) or a questionnaire text (t). */
static lxw_row_t row(Form *f, const char *type, const char *name, const RkText *t,
                     RkXlsformWord field)
{
    lxw_row_t r = f->srow++;
    put(f->survey, r, C_TYPE, type);
    put(f->survey, r, C_NAME, name);
    for (size_t i = 0; i < f->n_langs; i++) {
        const Words *w = words_for(f->langs[i]);
        const char *fixed = field == RK_XW_NOTE ? w->note : field == RK_XW_SOURCE ? w->source
                                                                          : w->respondent;
        put(f->survey, r, C_LABEL(f, i), t ? text(f, t, i) : fixed);
    }
    return r;
}

static bool taken(const Form *f, const char *name)
{
    return rk_questionnaire_find(f->q, name) || rk_questionnaire_find_pillar(f->q, name);
}

/* The choices of a question as the list named after it. */
static void choice_list(Form *f, const RkQuestion *qn)
{
    for (size_t k = 0; k <= qn->n_choices; k++) {
        if (k == qn->n_choices && !qn->dont_know)
            break;
        lxw_row_t r = f->crow++;
        put(f->choices, r, 0, qn->id);
        put(f->choices, r, 1, k < qn->n_choices ? qn->choices[k].value : "dont_know");
        for (size_t i = 0; i < f->n_langs; i++)
            put(f->choices, r, (lxw_col_t)(2 + i),
                k < qn->n_choices ? text(f, &qn->choices[k].label, i)
                                  : words_for(f->langs[i])->dont_know);
        f->sum->choices++;
    }
}

/* constraint and its message from a number question's bounds. */
static void bounds(Form *f, const RkQuestion *qn, lxw_row_t r)
{
    char lo[40], hi[40], c[128], msg[256];
    snprintf(lo, sizeof lo, "%.15g", qn->min);
    snprintf(hi, sizeof hi, "%.15g", qn->max);
    if (qn->has_min && qn->has_max)
        snprintf(c, sizeof c, ". >= %s and . <= %s", lo, hi);
    else if (qn->has_min || qn->has_max)
        snprintf(c, sizeof c, ". %s %s", qn->has_min ? ">=" : "<=", qn->has_min ? lo : hi);
    else
        return;
    put(f->survey, r, C_CONSTRAINT(f), c);
    for (size_t i = 0; i < f->n_langs; i++) {
        const Words *w = words_for(f->langs[i]);
        if (qn->has_min && qn->has_max)
            snprintf(msg, sizeof msg, w->between, lo, hi);
        else
            snprintf(msg, sizeof msg, qn->has_min ? w->at_least : w->at_most,
                     qn->has_min ? lo : hi);
        put(f->survey, r, C_CONMSG(f, i), msg);
    }
}

static void question(Form *f, const RkQuestion *qn)
{
    char type[300], name[300], why[200];
    if (qn->type == RK_Q_NUMBER || qn->type == RK_Q_TEXT)
        snprintf(type, sizeof type, "%s", qn->type == RK_Q_TEXT ? "text"
                                          : qn->integer ? "integer" : "decimal");
    else
        snprintf(type, sizeof type, "%s %s",
                 qn->type == RK_Q_MULTI ? "select_multiple" : "select_one", qn->id);
    lxw_row_t r = row(f, type, qn->id, &qn->text, RK_XW_NONE);
    f->sum->questions++;
    for (size_t i = 0; i < f->n_langs; i++) {
        put(f->survey, r, C_HINT(f, i), text(f, &qn->help, i));
        if (qn->required)
            put(f->survey, r, C_REQMSG(f, i), text(f, &qn->required_message, i));
    }
    if (qn->required)
        put(f->survey, r, C_REQUIRED(f), "yes");
    if (qn->type == RK_Q_NUMBER)
        bounds(f, qn, r);
    else if (qn->type != RK_Q_TEXT)
        choice_list(f, qn);
    if (qn->when) {
        RkBuf rel;
        rk_buf_init(&rel);
        if (rk_xlsform_relevant(f->q, qn->when, &rel, why, sizeof why)) {
            put(f->survey, r, C_RELEVANT(f), rel.data);
            f->sum->relevant++;
        } else {
            rk_diag_warn(f->d, f->q->path, qn->when_line, qn->when_column,
                         "the 'when' of question '%s' is not translated to an XLSForm "
                         "'relevant' (%s): the form always asks it", qn->id, why);
            f->sum->untranslated++;
        }
        rk_buf_free(&rel);
    }
    if (!qn->evidence)
        return;
    char rel[300];
    snprintf(rel, sizeof rel, "${%s} != ''", qn->id);
    for (size_t k = 0; k < 2; k++) {
        snprintf(name, sizeof name, "%s_%s", qn->id, k ? "source" : "note");
        r = row(f, "text", name, NULL, k ? RK_XW_SOURCE : RK_XW_NOTE);
        put(f->survey, r, C_RELEVANT(f), rel);
        f->sum->evidence_fields++;
    }
}

static void survey(Form *f)
{
    header(f);
    static const char *const meta[] = {"start", "end"};
    for (size_t i = 0; i < 2; i++)
        if (!taken(f, meta[i])) {
            put(f->survey, f->srow, C_TYPE, meta[i]);
            put(f->survey, f->srow++, C_NAME, meta[i]);
        }
    if (!taken(f, "respondent"))
        row(f, "text", "respondent", NULL, RK_XW_RESPONDENT);
    for (size_t p = 0; p < f->q->n_pillars; p++) {
        const RkPillar *pl = &f->q->pillars[p];
        row(f, "begin group", pl->id, &pl->title, RK_XW_NONE);
        f->sum->groups++;
        for (size_t k = 0; k < pl->n_questions; k++)
            question(f, &pl->questions[k]);
        put(f->survey, f->srow, C_TYPE, "end group");
        put(f->survey, f->srow++, C_NAME, pl->id);
    }
}

static void settings(Form *f, lxw_worksheet *ws)
{
    static const char *const cols[] = {"form_title", "form_id", "version",
                                       "default_language"};
    char lang[64];
    rk_xlsform_lang_name(f->langs[0], lang, sizeof lang);
    const char *vals[] = {text(f, &f->q->title, 0), f->q->id,
                          f->q->version ? f->q->version : "", lang};
    for (lxw_col_t c = 0; c < 4; c++) {
        put(ws, 0, c, cols[c]);
        put(ws, 1, c, vals[c]);
    }
}

/* Build the workbook in tmp; the libxlsxwriter status, or -1 when it could
   not even start. */
static int build(Form *f, const char *tmp)
{
    lxw_workbook *wb = workbook_new(tmp);
    if (!wb)
        return -1;
    long long epoch = rk_source_date_epoch();
    lxw_doc_properties props = {.title = (char *)text(f, &f->q->title, 0),
                                .created = epoch >= 0 ? (time_t)epoch : 0};
    workbook_set_properties(wb, &props);
    f->survey = workbook_add_worksheet(wb, "survey");
    f->choices = workbook_add_worksheet(wb, "choices");
    lxw_worksheet *set = workbook_add_worksheet(wb, "settings");
    if (f->survey && f->choices && set) {
        survey(f);
        settings(f, set);
    }
    return (int)workbook_close(wb);
}

/* Check the languages asked for against the declared ones. */
static RkStatus languages(Form *f, const RkXlsformOptions *o, RkDiag *d)
{
    f->langs = o && o->n_langs ? o->langs : f->q->languages;
    f->n_langs = o && o->n_langs ? o->n_langs : f->q->n_languages;
    for (size_t i = 0; i < f->n_langs; i++) {
        size_t k = 0;
        while (k < f->q->n_languages && strcmp(f->q->languages[k], f->langs[i]) != 0)
            k++;
        if (k == f->q->n_languages)
            return rk_diag_set(d, RK_EUSAGE, NULL, 0, 0, "--lang %s: questionnaire '%s' "
                               "is not written in that language", f->langs[i], f->q->id);
    }
    return RK_OK;
}

RkStatus rk_xlsform_write(const RkQuestionnaire *q, const RkXlsformOptions *o,
                          const char *path, RkXlsformSummary *sum, RkDiag *d)
{
    RkXlsformSummary local;
    Form f = {.q = q, .sum = sum ? sum : &local, .d = d};
    memset(f.sum, 0, sizeof *f.sum);
    if (languages(&f, o, d) != RK_OK)
        return d->status;
    const char *dir = getenv("TMPDIR");
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s/readykit-xlsform-XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(tmp);
    if (fd < 0)
        return rk_diag_set(d, RK_ECANTCREAT, tmp, 0, 0, "cannot create a temporary file");
    close(fd);
    int rc = build(&f, tmp);
    char *data = NULL;
    size_t len = 0;
    if (rc != 0)
        rk_diag_set(d, RK_EIO, path, 0, 0, "cannot write the workbook: %s",
                    rc < 0 ? "out of memory" : lxw_strerror((lxw_error)rc));
    else if (rk_file_read(tmp, 0, &data, &len, d) == RK_OK)
        rk_file_write_atomic(path, data, len, d);
    free(data);
    unlink(tmp);
    return d->status;
}
