/* score --aggregate and report --aggregate: score each respondent's
   answers file, combine them (aggregate.c), score the consensus with the
   same rules, and print the consultation's result as text, JSON or CSV, or
   write it as a PDF whose cover counts the respondents and whose findings
   open with the questions they disagree on most. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "readykit/aggregate.h"
#include "readykit/report.h"

/* A consultation being combined: what it owns. */
typedef struct Consult {
    RkEngines *e;
    RkScored *sc;          /* one per file */
    size_t n;
    RkAnswers **answers;   /* borrowed from sc */
    RkResult **results;
    RkAggregate *g;
    RkRules *rules;        /* scores the consensus */
    RkResult *cons;
} Consult;

static void consult_free(Consult *c)
{
    for (size_t i = 0; c->sc && i < c->n; i++)
        rk_scored_free(&c->sc[i]);
    free(c->sc);
    free(c->answers);
    free(c->results);
    rk_result_free(c->cons);
    rk_rules_free(c->rules);
    rk_aggregate_free(c->g);
    rk_engines_free(c->e);
}

/* Score every file (all of one questionnaire), aggregate, score the consensus. */
static RkStatus consult(const Options *o, const RkFileList *files, Consult *c, RkDiag *d)
{
    c->n = files->n;
    c->sc = calloc(c->n, sizeof *c->sc);
    c->answers = calloc(c->n, sizeof *c->answers);
    c->results = calloc(c->n, sizeof *c->results);
    if (!c->sc || !c->answers || !c->results)
        return rk_diag_set(d, RK_EINTERNAL, NULL, 0, 0, "out of memory");
    if (rk_cli_check_output(o, d) != RK_OK) /* -o onto an input: refused */
        return d->status;
    if (rk_engines_new(o->questionnaire, &o->rules, o->lang, &c->e, d) != RK_OK)
        return d->status;
    for (size_t i = 0; i < c->n; i++) {
        const char *name = rk_file_list_get(files, i);
        if (rk_engines_score(c->e, name, &c->sc[i], d) != RK_OK)
            return d->status;
        const RkQuestionnaire *q = c->sc[i].q, *q0 = c->sc[0].q;
        if (strcmp(q->id, q0->id) != 0 ||
            strcmp(q->version ? q->version : "", q0->version ? q0->version : "") != 0)
            return rk_diag_set(d, RK_EDATA, name, 0, 0, "answers questionnaire '%s', but %s "
                               "answers '%s': aggregate the answers of one questionnaire",
                               q->id, rk_file_list_get(files, 0), q0->id);
        c->answers[i] = c->sc[i].answers;
        c->results[i] = c->sc[i].result;
    }
    /* the questionnaire found for the answers, and its rules */
    if (c->n && (rk_cli_not_output(o, c->sc[0].q->path, d) != RK_OK ||
                 rk_cli_not_output(o, c->sc[0].q->rules, d) != RK_OK))
        return d->status;
    if (rk_aggregate(c->sc[0].q, c->answers, c->results, c->n, &c->g, d) == RK_OK &&
        rk_rules_new(c->sc[0].q, &o->rules, &c->rules, d) == RK_OK)
        rk_rules_score(c->rules, c->g->consensus, &c->cons, d);
    return d->status;
}

int rk_cmd_aggregate(const Options *o, const RkFileList *files)
{
    RkDiag d;
    rk_diag_init(&d);
    Consult c = {0};
    RkBuf out;
    rk_buf_init(&out);
    if (consult(o, files, &c, &d) == RK_OK) {
        if (o->format == FORMAT_JSON)
            rk_aggregate_json(&out, c.g, c.cons);
        else if (o->format == FORMAT_CSV)
            rk_aggregate_csv(&out, c.g);
        else
            rk_aggregate_text(&out, c.g, c.cons);
        if (out.failed)
            rk_diag_set(&d, RK_EINTERNAL, NULL, 0, 0, "out of memory");
        else if (o->output)
            rk_file_write_atomic(o->output, out.data, out.len, &d);
        else
            fwrite(out.data, 1, out.len, stdout);
    }
    consult_free(&c);
    rk_buf_free(&out);
    rk_cli_print_diag(&d);
    return d.status;
}

/* The (at most five) questions with the most disagreement, from 0.5 up, as
   findings of the consensus result, first in the PDF's findings. */
static bool disagreement_findings(RkResult *r, const RkAggregate *g, const char *lang)
{
    size_t k = 0;
    while (k < 5 && k < g->n_questions && g->by_disagreement[k]->disagreement >= 0.5)
        k++;
    RkFinding *f = rk_arena_array(r->arena, r->n_findings + k + 1, sizeof *f);
    if (!f)
        return false;
    for (size_t i = 0; i < k; i++) {
        const RkAggQuestion *aq = g->by_disagreement[i];
        const char **ids = rk_arena_array(r->arena, 1, sizeof *ids);
        char *text = rk_arena_printf(
            r->arena, "To discuss: respondents disagree on \"%s\" (disagreement %.2f of 1; "
            "%zu answered, %zu don't know; consensus kept: %s%s%s).",
            rk_text_get(&aq->qn->text, lang, NULL), aq->disagreement, aq->answered,
            aq->dont_know, aq->consensus && *aq->consensus ? aq->consensus : "none",
            aq->tie ? "; " : "", aq->tie ? aq->tie : "");
        if (!ids || !text)
            return false;
        ids[0] = aq->qn->id;
        f[i] = (RkFinding){.pillar = g->q->pillars[aq->qn->pillar].id, .priority = 1,
                           .kind = "recommendation", .text = text, .questions = ids,
                           .n_questions = 1};
    }
    if (r->n_findings)
        memcpy(f + k, r->findings, r->n_findings * sizeof *f);
    r->findings = f;
    r->n_findings += k;
    return true;
}

int rk_cmd_report_aggregate(const Options *o)
{
    RkDiag d;
    rk_diag_init(&d);
    Consult c = {0};
    RkFileList files = {0};
    if (o->n_files == 0)
        return rk_cli_usage_error("report --aggregate needs the respondents' answers files%s", "");
    if (!o->output)
        return rk_cli_usage_error("report needs -o OUT.pdf%s", "");
    for (int i = 0; d.status == RK_OK && i < o->n_files; i++)
        rk_file_list_add(&files, o->files[i], &d);
    if (d.status == RK_OK && consult(o, &files, &c, &d) == RK_OK) {
        const char *lang = c.sc[0].lang;
        char label[64];
        snprintf(label, sizeof label, "consensus of %zu respondents", c.n);
        RkReportInput in = {c.sc[0].q, c.g->consensus, c.cons, label, lang};
        RkReportPdfOptions po = {.creator = "readykit " RK_VERSION,
                                 .paper = o->letter ? RK_REPORT_LETTER : RK_REPORT_A4,
                                 .no_default_rules = o->rules.no_default_rules,
                                 .rule_files = o->rule_files, .n_rule_files = o->n_rule_files};
        if (!disagreement_findings(c.cons, c.g, lang))
            rk_diag_set(&d, RK_EINTERNAL, NULL, 0, 0, "out of memory");
        else if (rk_report_pdf_with(&in, &po, o->output, &d) == RK_OK)
            printf("wrote %s: the consensus of %zu respondents, %.1f\n", o->output, c.n,
                   isnan(c.cons->score) ? 0.0 : c.cons->score);
    }
    consult_free(&c);
    rk_file_list_free(&files);
    rk_cli_print_diag(&d);
    return d.status;
}
