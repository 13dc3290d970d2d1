/*
 * import_header: what each column of a survey tool's CSV export holds. The
 * tools write a question's column under its group path (KoboToolbox
 * `legal/law_status`, ODK Central `legal-law_status`), a multi's choices as
 * extra columns (`legal/types/coop`, LimeSurvey `types[coop]`), and their own
 * metadata (`_uuid`, `KEY`, `submitdate`...). LimeSurvey codes have no
 * underscore, so ids are also matched without them.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "import_internal.h"
#include "readykit/suggest.h"
#include "readykit/xlsform.h"

#define MAX_HINTS 20 /* unknown columns given a "did you mean" */

/* The tools' metadata columns: a respondent id, a date, a language, or
   nothing we keep. rank: the lower wins when a file has several. */
typedef struct Meta {
    const char *name;
    ColKind kind;
    int rank;
    RkImportFrom from;     /* a column only this tool writes, or AUTO */
} Meta;

static const Meta metas[] = {
    {"_uuid", COL_ID, 1, RK_FROM_KOBO},
    {"KEY", COL_ID, 2, RK_FROM_ODK},
    {"meta-instanceID", COL_ID, 3, RK_FROM_ODK},
    {"meta/instanceID", COL_ID, 3, RK_FROM_KOBO},
    {"instanceID", COL_ID, 4, RK_FROM_AUTO},
    {"id", COL_ID, 5, RK_FROM_AUTO},
    {"Response ID", COL_ID, 5, RK_FROM_LIMESURVEY},
    {"_id", COL_ID, 6, RK_FROM_KOBO},
    {"_submission_time", COL_DATE, 1, RK_FROM_KOBO},
    {"SubmissionDate", COL_DATE, 1, RK_FROM_ODK},
    {"submitdate", COL_DATE, 1, RK_FROM_LIMESURVEY},
    {"Date submitted", COL_DATE, 1, RK_FROM_LIMESURVEY},
    {"end", COL_DATE, 2, RK_FROM_AUTO},
    {"today", COL_DATE, 3, RK_FROM_AUTO},
    {"startlanguage", COL_LANG, 1, RK_FROM_LIMESURVEY},
    {"Start language", COL_LANG, 1, RK_FROM_LIMESURVEY},
    {"lastpage", COL_IGNORE, 0, RK_FROM_LIMESURVEY},
    {"seed", COL_IGNORE, 0, RK_FROM_LIMESURVEY},
    {"startdate", COL_IGNORE, 0, RK_FROM_LIMESURVEY},
    {"datestamp", COL_IGNORE, 0, RK_FROM_LIMESURVEY},
    {"ipaddr", COL_IGNORE, 0, RK_FROM_LIMESURVEY},
    {"refurl", COL_IGNORE, 0, RK_FROM_LIMESURVEY},
    {"token", COL_IGNORE, 0, RK_FROM_LIMESURVEY},
    {"SubmitterID", COL_IGNORE, 0, RK_FROM_ODK},
    {"SubmitterName", COL_IGNORE, 0, RK_FROM_ODK},
    {"AttachmentsPresent", COL_IGNORE, 0, RK_FROM_ODK},
    {"AttachmentsExpected", COL_IGNORE, 0, RK_FROM_ODK},
    {"Status", COL_IGNORE, 0, RK_FROM_ODK},
    {"ReviewState", COL_IGNORE, 0, RK_FROM_ODK},
    {"DeviceID", COL_IGNORE, 0, RK_FROM_ODK},
    {"Edits", COL_IGNORE, 0, RK_FROM_ODK},
    {"FormVersion", COL_IGNORE, 0, RK_FROM_ODK},
    {"start", COL_IGNORE, 0, RK_FROM_AUTO},
    {"deviceid", COL_IGNORE, 0, RK_FROM_AUTO},
    {"username", COL_IGNORE, 0, RK_FROM_AUTO},
    {"phonenumber", COL_IGNORE, 0, RK_FROM_AUTO},
    {"audit", COL_IGNORE, 0, RK_FROM_AUTO},
    {"simserial", COL_IGNORE, 0, RK_FROM_AUTO},
    {"subscriberid", COL_IGNORE, 0, RK_FROM_AUTO},
    {"instanceName", COL_IGNORE, 0, RK_FROM_AUTO},
    {"isValidated", COL_IGNORE, 0, RK_FROM_ODK},
    {"formdef_version", COL_IGNORE, 0, RK_FROM_AUTO},
    {"review_status", COL_IGNORE, 0, RK_FROM_AUTO},
    {"review_comments", COL_IGNORE, 0, RK_FROM_AUTO},
    {"review_corrections", COL_IGNORE, 0, RK_FROM_AUTO},
    {"Last page", COL_IGNORE, 0, RK_FROM_LIMESURVEY},
    {"Seed", COL_IGNORE, 0, RK_FROM_LIMESURVEY},
    {"Date started", COL_IGNORE, 0, RK_FROM_LIMESURVEY},
    {"Date last action", COL_IGNORE, 0, RK_FROM_LIMESURVEY},
    {"IP address", COL_IGNORE, 0, RK_FROM_LIMESURVEY},
    {"Referrer URL", COL_IGNORE, 0, RK_FROM_LIMESURVEY},
};

void rk_import_say(const RkImportOptions *o, size_t row, size_t col, const char *fmt, ...)
{
    char msg[1024], line[1600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    snprintf(line, sizeof line, "%s:%zu:%zu: %s", o->csv, row, col, msg);
    if (o->say)
        o->say(o->ud, line);
}

/* Lower case, without '_': how LimeSurvey may have had to spell an id. */
static void squash(const char *s, char *out, size_t size)
{
    size_t n = 0;
    for (; *s && n + 1 < size; s++)
        if (*s != '_')
            out[n++] = (char)tolower((unsigned char)*s);
    out[n] = 0;
}

/* The question named n, exactly or as LimeSurvey spells it. */
static const RkQuestion *find(const RkQuestionnaire *q, const char *n)
{
    const RkQuestion *qn = rk_questionnaire_find(q, n);
    char a[256], b[256];
    squash(n, a, sizeof a);
    for (size_t i = 0; !qn && a[0] && i < q->n_questions; i++) {
        squash(q->questions[i]->id, b, sizeof b);
        if (strcmp(a, b) == 0)
            qn = q->questions[i];
    }
    return qn;
}

static const RkChoice *find_choice(const RkQuestion *qn, const char *v)
{
    const RkChoice *c = rk_question_find_choice(qn, v);
    char a[256], b[256];
    squash(v, a, sizeof a);
    for (size_t i = 0; !c && i < qn->n_choices; i++) {
        squash(qn->choices[i].value, b, sizeof b);
        if (strcmp(a, b) == 0)
            c = &qn->choices[i];
    }
    return c;
}

/* A name with its group path removed: after the last '/', then after
   leading "PILLAR-" prefixes (ODK Central). */
static const char *strip_groups(const RkQuestionnaire *q, const char *h)
{
    const char *s = strrchr(h, '/') ? strrchr(h, '/') + 1 : h;
    for (bool again = true; again;) {
        again = false;
        for (size_t p = 0; p < q->n_pillars; p++) {
            size_t len = strlen(q->pillars[p].id);
            if (strncmp(s, q->pillars[p].id, len) == 0 && s[len] == '-') {
                s += len + 1;
                again = true;
            }
        }
    }
    return s;
}

/* A question's column, its note or source, or the respondent field. */
static bool resolve_name(const RkQuestionnaire *q, const char *n, Column *c)
{
    static const char *const ends[] = {"_note", "_source", "[comment]", "note", "source"};
    if ((c->qn = find(q, n))) {
        c->kind = COL_ANSWER;
        return true;
    }
    if (strcmp(n, "respondent") == 0) {
        c->kind = COL_RESPONDENT;
        return true;
    }
    size_t len = strlen(n);
    for (size_t k = 0; k < 5; k++) {
        size_t el = strlen(ends[k]);
        char base[256];
        if (len <= el || len - el >= sizeof base || strcmp(n + len - el, ends[k]) != 0)
            continue;
        snprintf(base, sizeof base, "%.*s", (int)(len - el), n);
        if ((c->qn = find(q, base))) {
            c->kind = k == 1 || k == 4 ? COL_SOURCE : COL_NOTE;
            return true;
        }
    }
    return false;
}

/* The multi and choice of "ID/CHOICE" cut at cut (buf is a copy of the
   header, cut one of its separators). */
static bool choice_at(const RkQuestionnaire *q, char *buf, char *cut, Column *c)
{
    char sep = *cut;
    *cut = 0;
    const RkQuestion *qn = find(q, strip_groups(q, buf));
    *cut = sep;
    if (!qn || qn->type != RK_Q_MULTI)
        return false;
    /* choice NULL: the form's dont_know choice */
    c->choice = find_choice(qn, cut + 1);
    if (!c->choice && !(qn->dont_know && strcmp(cut + 1, "dont_know") == 0))
        return false;
    c->kind = COL_CHOICE;
    c->qn = qn;
    return true;
}

/* A multi's 0/1 column: "GROUPS/ID/CHOICE" (Kobo), "GROUP-ID-CHOICE" or
   "ID.CHOICE" (other exports), "ID[CHOICE]" (LimeSurvey). */
static bool resolve_choice(const RkQuestionnaire *q, const char *h, Column *c)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s", h);
    size_t len = strlen(buf);
    if (len && buf[len - 1] == ']' && strchr(buf, '[')) {
        buf[len - 1] = 0;
        return choice_at(q, buf, strrchr(buf, '['), c);
    }
    for (char *cut = buf + len; cut > buf; cut--)
        if (strchr("/.-", cut[-1]) && cut[-1] && choice_at(q, buf, cut - 1, c))
            return true;
    return false;
}

/* Does h end with text, after a '/' or from its start? */
static bool ends_with(const char *h, size_t hl, const char *text)
{
    size_t tl = strlen(text);
    return tl && tl <= hl && strncmp(h + hl - tl, text, tl) == 0 &&
           (tl == hl || h[hl - tl - 1] == '/');
}

/* The question whose text (in any language) ends h, the longest. */
static const RkQuestion *by_text(const RkQuestionnaire *q, const char *h, size_t hl, bool multi)
{
    const RkQuestion *best = NULL;
    size_t len = 0;
    for (size_t i = 0; i < q->n_questions; i++) {
        const RkQuestion *qn = q->questions[i];
        for (size_t l = 0; l < qn->text.count && (!multi || qn->type == RK_Q_MULTI); l++)
            if (ends_with(h, hl, qn->text.values[l]) && strlen(qn->text.values[l]) > len) {
                best = qn;
                len = strlen(qn->text.values[l]);
            }
    }
    return best;
}

/* A header as KoboToolbox writes it in its "Labels" format: "GROUP
   LABEL/QUESTION TEXT", "QUESTION TEXT/CHOICE LABEL" for a multi's 0/1
   columns, and the labels of the fields the form adds (a note or source
   field's question is the column's nearest question to the left). */
static bool resolve_label(const RkQuestionnaire *q, const char *h, Column *c)
{
    const char *last = strrchr(h, '/') ? strrchr(h, '/') + 1 : h;
    RkXlsformWord w = rk_xlsform_word(last);
    size_t hl = strlen(h);
    if (w == RK_XW_NOTE || w == RK_XW_SOURCE || w == RK_XW_RESPONDENT) {
        c->kind = w == RK_XW_NOTE ? COL_NOTE : w == RK_XW_SOURCE ? COL_SOURCE : COL_RESPONDENT;
        return true;
    }
    if ((c->qn = by_text(q, h, hl, false))) {
        c->kind = COL_ANSWER;
        return true;
    }
    for (size_t i = 0; i < q->n_questions; i++) {
        const RkQuestion *qn = q->questions[i];
        for (size_t k = 0; qn->type == RK_Q_MULTI && k <= qn->n_choices; k++) {
            const RkText *t = k < qn->n_choices ? &qn->choices[k].label : NULL;
            size_t n = t ? t->count : (qn->dont_know && rk_xlsform_word(last) == RK_XW_DONT_KNOW);
            for (size_t l = 0; l < n; l++) {
                size_t cl = t ? strlen(t->values[l]) : strlen(last);
                if ((!t || ends_with(h, hl, t->values[l])) && cl < hl &&
                    by_text(q, h, hl - cl - 1, true) == qn) {
                    c->kind = COL_CHOICE;
                    c->qn = qn;
                    c->choice = t ? &qn->choices[k] : NULL;
                    return true;
                }
            }
        }
    }
    return false;
}

/* What one header cell means. */
static void resolve(const RkQuestionnaire *q, const char *h, Column *c, RkImportFrom *from)
{
    memset(c, 0, sizeof *c);
    if (resolve_name(q, h, c))
        return;
    for (size_t i = 0; i < sizeof metas / sizeof metas[0]; i++)
        if (strcmp(h, metas[i].name) == 0) {
            c->kind = metas[i].kind;
            c->rank = metas[i].rank;
            if (*from == RK_FROM_AUTO)
                *from = metas[i].from;
            return;
        }
    if (h[0] == '_' || strncmp(h, "meta/", 5) == 0 || strncmp(h, "meta-", 5) == 0 ||
        strncmp(h, "formhub/", 8) == 0 || !h[0]) {
        c->kind = COL_IGNORE;
        return;
    }
    if (resolve_name(q, strip_groups(q, h), c) || resolve_choice(q, h, c) ||
        resolve_label(q, h, c))
        return;
    c->kind = COL_UNKNOWN;
}

/* Say an unknown column, with the closest question id when hint (the
   first few only: a header of many unknown columns costs linear time). */
static void unknown(const RkQuestionnaire *q, const RkImportOptions *o, size_t col,
                    const char *h, bool hint)
{
    const char *ids[2048];
    size_t n = !hint ? 0 : q->n_questions < 2048 ? q->n_questions : 2048;
    for (size_t i = 0; i < n; i++)
        ids[i] = q->questions[i]->id;
    const char *near = n ? rk_suggest(strip_groups(q, h), ids, n) : NULL;
    rk_import_say(o, 1, col, "unknown column '%s': not a question of %s %s%s%s%s", h, q->id,
                  q->version ? q->version : "", near ? " (did you mean '" : "",
                  near ? near : "", near ? "'?)" : "");
}

size_t rk_import_header(const RkQuestionnaire *q, const RkImportOptions *o,
                        const CsvRow *head, Column *cols, RkImportFrom *from)
{
    size_t bad = 0;
    const RkQuestion *left = NULL; /* the question of the nearest answer column */
    for (size_t i = 0; i < head->n; i++) {
        resolve(q, head->cells[i], &cols[i], from);
        if (cols[i].kind == COL_ANSWER)
            left = cols[i].qn;
        else if ((cols[i].kind == COL_NOTE || cols[i].kind == COL_SOURCE) && !cols[i].qn)
            cols[i].qn = left;
        if ((cols[i].kind == COL_NOTE || cols[i].kind == COL_SOURCE) && !cols[i].qn)
            cols[i].kind = COL_UNKNOWN;
    }
    for (size_t i = 0; i < head->n; i++) {
        if (cols[i].kind == COL_UNKNOWN) {
            unknown(q, o, i + 1, head->cells[i], bad < MAX_HINTS);
            bad++;
            continue;
        }
        for (size_t j = 0; j < i; j++) {
            bool same = cols[j].kind == cols[i].kind && cols[j].qn == cols[i].qn &&
                        cols[j].choice == cols[i].choice;
            if (cols[i].kind == COL_CHOICE && cols[j].kind == COL_ANSWER && cols[j].qn == cols[i].qn)
                cols[i].kind = COL_IGNORE; /* Kobo writes both: the whole column wins */
            else if (same && cols[i].qn) {
                rk_import_say(o, 1, i + 1, "column '%s' repeats column %zu ('%s'): only the "
                              "first is read", head->cells[i], j + 1, head->cells[j]);
                cols[i].kind = COL_UNKNOWN;
                bad++;
                break;
            }
        }
        if (cols[i].kind == COL_ANSWER) /* 0/1 columns read before their whole column */
            for (size_t j = 0; j < i; j++)
                if (cols[j].kind == COL_CHOICE && cols[j].qn == cols[i].qn)
                    cols[j].kind = COL_IGNORE;
    }
    return bad;
}
