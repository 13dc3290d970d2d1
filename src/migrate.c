/*
 * migrate: `readykit migrate ANSWERS [-q Q] -o NEW | --in-place`. The answers
 * module does the carrying over (answers_migrate.c); this file finds the
 * questionnaire, guards the input, and writes the result atomically.
 */
#include "readykit/migrate.h"

#include <stdio.h>
#include <string.h>

#include "readykit/answers.h"
#include "readykit/locate.h"
#include "readykit/node.h"
#include "readykit/questionnaire.h"

/* Where the result goes: a path, or NULL for stdout_buf. RK_EUSAGE when the
   output would be the input without --in-place, or --in-place names
   another file. */
static RkStatus output_path(const RkMigrate *m, const char **out, RkDiag *d)
{
    *out = m->output && strcmp(m->output, "-") != 0 ? m->output : NULL;
    if (m->in_place && !*out)
        *out = m->answers;
    if (!*out)
        return RK_OK;
    bool same = strcmp(*out, m->answers) == 0 || rk_file_same(*out, m->answers);
    if (same && !m->in_place)
        return rk_diag_set(d, RK_EUSAGE, m->answers, 0, 0, "-o names the answers file "
                           "itself; give another file, or --in-place to replace it");
    if (!same && m->in_place)
        return rk_diag_set(d, RK_EUSAGE, *out, 0, 0, "--in-place replaces the answers file "
                           "%s; -o %s names another file (give one or the other)",
                           m->answers, *out);
    return RK_OK;
}

/* Load the questionnaire that tree answers (-q, or found from its id). */
static RkStatus load_questionnaire(const RkMigrate *m, const RkNodeTree *tree,
                                   RkQuestionnaire **q, RkDiag *d)
{
    char path[4096], id[256];
    const char *qpath = m->questionnaire;
    if (!qpath) {
        RkStatus s = rk_answers_peek_tree(tree, id, sizeof id, d);
        if (s == RK_OK)
            s = rk_locate_questionnaire(id, m->answers, path, sizeof path, d);
        if (s != RK_OK)
            return s;
        qpath = path;
    }
    return rk_questionnaire_load(qpath, q, d);
}

/* RK_EUSAGE when out is q's file or its rules file (a search-path find that
   -o must never replace). */
static RkStatus not_questionnaire(const char *out, const RkQuestionnaire *q, RkDiag *d)
{
    const char *inputs[] = {q->path, q->rules};
    for (size_t i = 0; i < 2; i++)
        if (inputs[i] && rk_file_same(out, inputs[i]))
            return rk_diag_set(d, RK_EUSAGE, out, 0, 0, "the output is an input (%s); "
                               "give the output another name", inputs[i]);
    return RK_OK;
}

RkStatus rk_migrate(const RkMigrate *m, RkBuf *stdout_buf, RkMigrateSummary *sum,
                    RkDiag *d)
{
    memset(sum, 0, sizeof *sum);
    const char *out;
    RkStatus s = output_path(m, &out, d);
    if (s != RK_OK)
        return s;
    RkNodeTree *tree = NULL;
    RkQuestionnaire *q = NULL;
    RkAnswers *a = NULL;
    s = rk_node_load_file(m->answers, &tree, d);
    if (s == RK_OK)
        s = load_questionnaire(m, tree, &q, d);
    if (s == RK_OK)
        s = rk_answers_from_tree(tree, q, &a, d);
    if (s == RK_OK && a->migrated_from && rk_version_compare(a->migrated_from, q->version) > 0)
        s = rk_diag_set(d, RK_EDATA, m->answers, 0, 0, "these answers were made with %s %s, "
                        "newer than the questionnaire's %s (%s): migrate only goes forward; "
                        "give the newer questionnaire with -q", q->id, a->migrated_from,
                        q->version, q->path);
    if (s == RK_OK && out)
        s = not_questionnaire(out, q, d);
    if (s == RK_OK) {
        snprintf(sum->from, sizeof sum->from, "%s",
                 a->migrated_from ? a->migrated_from : a->version ? a->version : "");
        snprintf(sum->to, sizeof sum->to, "%s", q->version ? q->version : "");
        sum->not_carried = a->n_not_carried;
        sum->retired = a->n_retired;
        /* A file without version: was read as the current version. */
        if (!a->version && q->version)
            rk_answers_set_field(a, "version", q->version);
        if (out) {
            s = rk_answers_save(a, out, d);
            sum->written = s == RK_OK ? out : NULL;
        } else {
            rk_answers_format(a, stdout_buf);
            if (stdout_buf->failed)
                s = rk_diag_set(d, RK_EINTERNAL, m->answers, 0, 0, "out of memory");
        }
    }
    rk_answers_free(a);
    rk_questionnaire_free(q);
    rk_node_tree_free(tree);
    return s;
}
