/* score --aggregate: score each respondent's answers file, combine them
   (aggregate.c), score the consensus with the same rules, and print the
   consultation's result as text or JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "readykit/aggregate.h"

/* Score every file; all must answer one questionnaire. */
static RkStatus score_all(RkEngines *e, const RkFileList *files, RkScored *sc, RkDiag *d)
{
    for (size_t i = 0; i < files->n; i++) {
        const char *name = rk_file_list_get(files, i);
        if (rk_engines_score(e, name, &sc[i], d) != RK_OK)
            return d->status;
        if (strcmp(sc[i].q->id, sc[0].q->id) != 0 ||
            strcmp(sc[i].q->version ? sc[i].q->version : "", sc[0].q->version ? sc[0].q->version : ""))
            return rk_diag_set(d, RK_EDATA, name, 0, 0, "answers questionnaire '%s', but %s "
                               "answers '%s': aggregate the answers of one questionnaire",
                               sc[i].q->id, rk_file_list_get(files, 0), sc[0].q->id);
    }
    return RK_OK;
}

/* Aggregate the scored files and write the result to out. */
static RkStatus combine(const Options *o, RkScored *sc, size_t n, RkBuf *out, RkDiag *d)
{
    RkAnswers **answers = calloc(n, sizeof *answers);
    RkResult **results = calloc(n, sizeof *results);
    RkAggregate *g = NULL;
    RkRules *rules = NULL;
    RkResult *cons = NULL;
    if (!answers || !results)
        rk_diag_set(d, RK_EINTERNAL, NULL, 0, 0, "out of memory");
    for (size_t i = 0; d->status == RK_OK && i < n; i++) {
        answers[i] = sc[i].answers;
        results[i] = sc[i].result;
    }
    if (d->status == RK_OK && rk_aggregate(sc[0].q, answers, results, n, &g, d) == RK_OK &&
        rk_rules_new(sc[0].q, &o->rules, &rules, d) == RK_OK &&
        rk_rules_score(rules, g->consensus, &cons, d) == RK_OK) {
        if (o->format == FORMAT_JSON)
            rk_aggregate_json(out, g, cons);
        else if (o->format == FORMAT_CSV)
            rk_aggregate_csv(out, g);
        else
            rk_aggregate_text(out, g, cons);
    }
    rk_result_free(cons);
    rk_rules_free(rules);
    rk_aggregate_free(g);
    free(answers);
    free(results);
    return d->status;
}

int rk_cmd_aggregate(const Options *o, const RkFileList *files)
{
    RkDiag d;
    rk_diag_init(&d);
    RkEngines *e = NULL;
    RkScored *sc = calloc(files->n, sizeof *sc);
    RkBuf out;
    rk_buf_init(&out);
    if (!sc)
        rk_diag_set(&d, RK_EINTERNAL, NULL, 0, 0, "out of memory");
    else if (rk_engines_new(o->questionnaire, &o->rules, o->lang, &e, &d) == RK_OK &&
             score_all(e, files, sc, &d) == RK_OK &&
             combine(o, sc, files->n, &out, &d) == RK_OK) {
        if (out.failed)
            rk_diag_set(&d, RK_EINTERNAL, NULL, 0, 0, "out of memory");
        else if (o->output)
            rk_file_write_atomic(o->output, out.data, out.len, &d);
        else
            fwrite(out.data, 1, out.len, stdout);
    }
    for (size_t i = 0; sc && i < files->n; i++)
        rk_scored_free(&sc[i]);
    free(sc);
    rk_engines_free(e);
    rk_buf_free(&out);
    rk_cli_print_diag(&d);
    return d.status;
}
