/*
 * aggregate_write: a consultation's aggregate as text for the terminal and
 * as one JSON object: the consensus' scores, each pillar's spread over
 * respondents, then the questions, most disagreement first.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "readykit/aggregate.h"
#include "readykit/report.h"

/* "%.1f" or "-" for NAN (text); the number or null (JSON). */
static void num(RkBuf *b, double v, bool json)
{
    if (isnan(v))
        rk_buf_puts(b, json ? "null" : "     -");
    else
        rk_buf_printf(b, json ? "%.4g" : "%6.1f", v);
}

static void stats_row(RkBuf *b, const char *id, double consensus, const RkAggStats *s)
{
    rk_buf_printf(b, "  %-32.32s", id);
    num(b, consensus, false);
    num(b, s->mean, false);
    num(b, s->median, false);
    num(b, s->min, false);
    num(b, s->max, false);
    rk_buf_printf(b, "  %4zu\n", s->n);
}

void rk_aggregate_text(RkBuf *b, const RkAggregate *g, const RkResult *c)
{
    const RkQuestionnaire *q = g->q;
    rk_buf_printf(b, "consultation: %zu respondents, %s %s%s%s\n", g->n_respondents, q->id,
                  q->version ? q->version : "", c->subject ? ", subject " : "",
                  c->subject ? c->subject : "");
    rk_buf_printf(b, "consensus: overall %.1f %s\n\n", isnan(c->score) ? 0.0 : c->score,
                  c->level_name ? c->level_name : "");
    rk_buf_printf(b, "  %-32s%6s%6s%6s%6s%6s  %4s\n", "pillar (score 0-100)", "cons.", "mean",
                  "med.", "min", "max", "resp");
    for (size_t p = 0; p < q->n_pillars; p++)
        stats_row(b, q->pillars[p].id, p < c->n_pillars ? c->pillars[p].score : NAN,
                  &g->pillars[p]);
    stats_row(b, "overall", c->score, &g->overall);
    rk_buf_puts(b, "\nquestions by disagreement (0: all agree, 1: split between the extremes):\n");
    for (size_t k = 0; k < g->n_questions; k++) {
        const RkAggQuestion *aq = g->by_disagreement[k];
        rk_buf_puts(b, "  ");
        if (isnan(aq->disagreement))
            rk_buf_puts(b, "   -");
        else
            rk_buf_printf(b, "%4.2f", aq->disagreement);
        rk_buf_printf(b, "  %-28s %3zu answered, %zu don't know", aq->qn->id, aq->answered,
                      aq->dont_know);
        if (aq->consensus)
            rk_buf_printf(b, "; consensus: %s", aq->consensus[0] ? aq->consensus : "(none)");
        if (aq->tie)
            rk_buf_printf(b, " (%s)", aq->tie);
        rk_buf_puts(b, "\n");
    }
}

static void stats_json(RkBuf *b, const RkAggStats *s, double consensus)
{
    rk_buf_puts(b, "{\"id\": ");
    rk_json_string(b, s->id);
    rk_buf_puts(b, ", \"consensus\": ");
    num(b, consensus, true);
    rk_buf_printf(b, ", \"respondents\": %zu, \"mean\": ", s->n);
    num(b, s->mean, true);
    rk_buf_puts(b, ", \"median\": ");
    num(b, s->median, true);
    rk_buf_puts(b, ", \"min\": ");
    num(b, s->min, true);
    rk_buf_puts(b, ", \"max\": ");
    num(b, s->max, true);
    rk_buf_puts(b, "}");
}

void rk_aggregate_json(RkBuf *b, const RkAggregate *g, const RkResult *c)
{
    rk_buf_puts(b, "{\"questionnaire\": ");
    rk_json_string(b, g->q->id);
    rk_buf_puts(b, ", \"version\": ");
    rk_json_string(b, g->q->version);
    rk_buf_puts(b, ", \"subject\": ");
    rk_json_string(b, c->subject);
    rk_buf_printf(b, ", \"respondents\": %zu, \"score\": ", g->n_respondents);
    num(b, c->score, true);
    rk_buf_puts(b, ", \"level\": ");
    rk_json_string(b, c->level_name);
    rk_buf_puts(b, ", \"overall\": ");
    stats_json(b, &g->overall, c->score);
    rk_buf_puts(b, ", \"pillars\": [");
    for (size_t p = 0; p < g->q->n_pillars; p++) {
        rk_buf_puts(b, p ? ", " : "");
        stats_json(b, &g->pillars[p], p < c->n_pillars ? c->pillars[p].score : NAN);
    }
    rk_buf_puts(b, "], \"questions\": [");
    for (size_t k = 0; k < g->n_questions; k++) {
        const RkAggQuestion *aq = g->by_disagreement[k];
        rk_buf_puts(b, k ? ", {\"id\": " : "{\"id\": ");
        rk_json_string(b, aq->qn->id);
        rk_buf_puts(b, ", \"pillar\": ");
        rk_json_string(b, g->q->pillars[aq->qn->pillar].id);
        rk_buf_printf(b, ", \"answered\": %zu, \"dont_know\": %zu, \"consensus\": ",
                      aq->answered, aq->dont_know);
        rk_json_string(b, aq->consensus);
        rk_buf_puts(b, ", \"tie\": ");
        rk_json_string(b, aq->tie);
        rk_buf_puts(b, ", \"disagreement\": ");
        num(b, aq->disagreement, true);
        rk_buf_puts(b, ", \"mean_points\": ");
        num(b, aq->mean_points, true);
        rk_buf_puts(b, "}");
    }
    rk_buf_puts(b, "]}\n");
}

void rk_aggregate_csv(RkBuf *b, const RkAggregate *g)
{
    rk_buf_puts(b, "question,pillar,answered,dont_know,consensus,tie,disagreement,mean_points\r\n");
    for (size_t k = 0; k < g->n_questions; k++) {
        const RkAggQuestion *aq = g->by_disagreement[k];
        rk_buf_puts(b, aq->qn->id); /* ids are names: nothing to quote */
        rk_report_csv_cell(b, g->q->pillars[aq->qn->pillar].id);
        rk_buf_printf(b, ",%zu,%zu", aq->answered, aq->dont_know);
        rk_report_csv_cell(b, aq->consensus ? aq->consensus : "");
        rk_report_csv_cell(b, aq->tie ? aq->tie : "");
        rk_report_csv_indicator(b, aq->disagreement);
        rk_report_csv_indicator(b, aq->mean_points);
        rk_buf_puts(b, "\r\n");
    }
}
